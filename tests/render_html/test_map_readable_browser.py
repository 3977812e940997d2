"""Issue 17 in a real headless Chromium: labels that never collide nor leave the canvas, the
community level of a 3,000-actor map, search framing a neighbourhood, fading, guided views
and their links, the PNG of a view."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from graphmap.render.html_map import write_map
from graphmap.render.map_views import views_from_mapping

from .conftest import PWN, PWN_SCRIPT

pytestmark = pytest.mark.browser

VISIBLE_NODES = "graphmap.nodes.get({filter: n => !n.hidden}).length"
DIMMED = "graphmap.nodes.get({filter: n => n.color.background === '#E4E7EA'}).length"


def _settle(loaded: Any) -> None:
    """Two animation frames: the last redraw (and its label pass) has run."""
    loaded.page.evaluate("() => new Promise(done => requestAnimationFrame(() => "
                         "requestAnimationFrame(() => done(1))))")


def _check_labels(loaded: Any) -> list[dict[str, Any]]:
    _settle(loaded)
    width, height = loaded.js("graphmapMap.canvasSize()")
    boxes = loaded.js("graphmapMap.drawnLabels()")
    assert boxes, "no label drawn at all"
    for b in boxes:
        assert min(b["x"], b["y"]) >= 0, b
        assert b["x"] + b["w"] <= width, b
        assert b["y"] + b["h"] <= height, b
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                       and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
            assert not overlap, (a, b)
    return list(boxes)


def _zoom_step(loaded: Any) -> None:
    loaded.js("graphmap.network.moveTo({scale: graphmap.network.getScale() * 1.8})")
    loaded.js("graphmap.network.redraw()")


def _in_canvas(loaded: Any, ids: list[str]) -> list[str]:
    """The ids whose node centre is drawn outside the canvas."""
    return list(loaded.js(f"""(() => {{ const [w, h] = graphmapMap.canvasSize();
        return {ids!r}.filter(id => {{ const d = graphmap.network.canvasToDOM(
            graphmap.network.getPosition(id)); return d.x < 0 || d.y < 0 || d.x > w || d.y > h; }});
        }})()"""))


def _clean(loaded: Any) -> None:
    assert loaded.console_errors == []
    assert [u for u in loaded.requests if not u.startswith("file://")] == []


def test_example_labels_never_overlap_nor_leave_the_canvas(
    laurentides: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = laurentides
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr"))
    first = _check_labels(loaded)
    _zoom_step(loaded)
    _check_labels(loaded)
    # The most important node is labelled; isolated actors share one labelled box.
    top = min(loaded.js("graphmap.data.nodes"), key=lambda n: n["imp"])
    assert top["id"] in {b["id"] for b in first}
    assert "isolated" in {b["id"] for b in first}
    # The selected node and its neighbours are labelled first.
    broker = report.brokers[0].id
    loaded.js(f"graphmap.choose({broker!r})")
    time.sleep(0.5)
    labelled = {b["id"] for b in _check_labels(loaded)}
    assert broker in labelled
    _clean(loaded)


def _isolated_discs(loaded: Any) -> list[dict[str, Any]]:
    """Each isolated actor's disc on the canvas (CSS pixels): id, centre, radius."""
    return list(loaded.js("""(() => { const net = graphmap.network, scale = net.getScale();
        const linked = new Set(graphmap.data.edges.flatMap(e => [e.from, e.to]));
        return graphmap.data.nodes.filter(n => !linked.has(n.id)).map(n => {
            const d = net.canvasToDOM(net.getPosition(n.id));
            return {id: n.id, x: d.x, y: d.y, r: n.size * scale}; }); })()"""))


def test_no_label_covers_an_isolated_actor_and_each_is_labelled(
    laurentides: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    """The example's two actors without a relation sit in the labelled box, one above the
    other, each labelled beside its disc; no label (theirs or another's) covers a disc."""
    dataset, report = laurentides
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr"))
    for zoom in range(2):
        if zoom:
            _zoom_step(loaded)
        boxes = _check_labels(loaded)
        discs = _isolated_discs(loaded)
        assert {d["id"] for d in discs} == {"rachel-caron", "plume-argenteuil"}
        for d in discs:
            for b in boxes:
                covers = (b["x"] < d["x"] + d["r"] and d["x"] - d["r"] < b["x"] + b["w"]
                          and b["y"] < d["y"] + d["r"] and d["y"] - d["r"] < b["y"] + b["h"])
                assert not covers, (d, b)
        if not zoom:  # at the opening view both are labelled
            assert {d["id"] for d in discs} <= {b["id"] for b in boxes}
    _clean(loaded)


@pytest.fixture(scope="module")
def map_3k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("eco3k")
    command = [sys.executable, "-m", "graphmap"]
    subprocess.run([*command, "generate", "--actors", "3000", "--seed", "1", str(folder / "ws")],
                   check=True, capture_output=True)
    subprocess.run([*command, "render", str(folder / "ws"), "-o", str(folder / "map.html"),
                    "--lang", "en"], check=True, capture_output=True)
    return folder / "map.html"


def test_3k_map_opens_on_communities_and_a_community_expands(map_3k: Path,
                                                             open_page: Any) -> None:
    loaded = open_page(map_3k)
    communities = loaded.js("graphmap.data.communities.length")
    assert loaded.js("graphmap.state.level") == "communities"
    assert 3 <= loaded.js(VISIBLE_NODES) == communities
    _check_labels(loaded)
    # Click the biggest community where it is drawn: its members appear in full.
    x, y = loaded.js("""(() => { const g = graphmap.data.communities[0].id;
        const d = graphmap.network.canvasToDOM(graphmap.network.getPosition(g));
        const r = document.getElementById('gm-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; })()""")
    loaded.page.mouse.click(x, y)
    members = loaded.js("graphmap.data.communities[0].count")
    assert loaded.js(VISIBLE_NODES) == communities - 1 + members
    _check_labels(loaded)
    _zoom_step(loaded)
    _check_labels(loaded)
    _clean(loaded)


def test_3k_search_frames_the_node_with_all_its_neighbours(map_3k: Path,
                                                            open_page: Any) -> None:
    loaded = open_page(map_3k)
    node = loaded.js("graphmap.data.nodes.find(n => n.imp === 3)")
    page = loaded.page
    page.fill("#gm-search-input", node["name"])
    page.press("#gm-search-input", "Enter")
    _settle(loaded)
    assert loaded.js("graphmap.network.getSelectedNodes()") == [node["id"]]
    neighbours = loaded.js("[...graphmap.state.neighbours]")
    assert len(neighbours) > 5
    assert _in_canvas(loaded, neighbours) == []
    labelled = {b["id"] for b in _check_labels(loaded)}
    assert node["id"] in labelled
    _zoom_step(loaded)
    _check_labels(loaded)
    _clean(loaded)


def test_fading_keeps_every_node_and_depth_widens_the_focus(
    mini: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = mini
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="en"))
    page = loaded.page
    total = loaded.js(VISIBLE_NODES)
    page.check("#gm-fade")
    page.uncheck('.gm-filter[data-filter="sector"] input[value="public"]')
    assert loaded.js(VISIBLE_NODES) == total
    assert loaded.js(DIMMED) == 1  # Ville de Québec, the only public actor
    page.uncheck("#gm-fade")
    assert loaded.js(VISIBLE_NODES) == total - 1
    page.click('.gm-filter[data-filter="sector"] button[data-set="all"]')
    loaded.js("graphmap.select('coop')")
    one = loaded.js(DIMMED)
    assert loaded.js(VISIBLE_NODES) == total
    page.select_option("#gm-depth", "2")
    assert loaded.js(DIMMED) < one
    assert loaded.js(VISIBLE_NODES) == total
    _clean(loaded)


def test_every_guided_view_applies_and_its_link_restores_it(
    laurentides: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = laurentides
    views = views_from_mapping({"views": [
        {"title": "Funders", "filters": {"sector": ["philanthropique", "public"]}, "fade": True},
        {"title_fr": "Carrefour", "title_en": "Hub", "caption_en": "Two steps.",
         "focus": report.brokers[0].id, "depth": 2, "color_by": "community",
         "layers": ["gaps"]},
        {"title": "Funders only", "filters": {"sector": ["philanthropique"]}},
    ]})
    path = write_map(dataset, report, tmp_path / "map.html", lang="en", views=views)
    loaded = open_page(path)
    page = loaded.page
    total = loaded.js(VISIBLE_NODES)
    assert page.is_visible("#gm-views")
    page.click("#gm-views [data-step='1']")
    assert page.evaluate("location.hash") == "#view=1"
    assert loaded.js(VISIBLE_NODES) == total
    assert loaded.js(DIMMED) > 0
    page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == "#view=2"
    assert loaded.js("graphmap.network.getSelectedNodes()") == [report.brokers[0].id]
    assert loaded.js("graphmap.state.depth") == 2
    assert loaded.js("graphmap.state.colorBy") == "community"
    assert page.is_visible('[data-gm-legend="community"]')
    assert page.inner_text(".gm-view-title") == "Hub"
    page.keyboard.press("ArrowRight")
    hidden_by_view_3 = loaded.js(VISIBLE_NODES)
    assert hidden_by_view_3 < total
    # Each link restores its view in a fresh page.
    for number in (1, 2, 3):
        fresh = open_page_at(open_page, path, number)
        assert fresh.js("graphmap.state.view") == number - 1
        assert fresh.page.inner_text(".gm-view-count") == f"View {number} of 3"
        if number == 2:
            assert fresh.js("graphmap.network.getSelectedNodes()") == [report.brokers[0].id]
        if number == 3:
            assert fresh.js(VISIBLE_NODES) == hidden_by_view_3
        _clean(fresh)
    _clean(loaded)


def open_page_at(open_page: Any, path: Path, number: int) -> Any:
    loaded = open_page(path)
    loaded.page.goto(path.resolve().as_uri() + f"#view={number}")
    loaded.page.reload()
    deadline = time.monotonic() + 30
    while not loaded.js("!!(window.graphmap && window.graphmap.ready)"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return loaded


def test_default_views_and_png_of_the_view(laurentides: tuple[Any, Any], open_page: Any,
                                           tmp_path: Path) -> None:
    dataset, report = laurentides
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr"))
    titles = [v["title"] for v in loaded.js("graphmap.data.views")]
    assert titles[0] == "L'écosystème entier"
    assert titles[1].startswith("Autour de ")
    assert titles[2].startswith("Manque prioritaire")
    with loaded.page.expect_download() as info:
        loaded.page.click("#gm-png")
    download = info.value
    assert download.suggested_filename.endswith(".png")
    assert Path(download.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # Printing keeps the view the user is looking at (centre and zoom), on paper and after.
    loaded.js("document.documentElement.setAttribute('data-gm-still', '')")  # no animation
    loaded.js("graphmap.choose(graphmap.data.views[1].focus)")
    _settle(loaded)
    before = loaded.js("[graphmap.network.getScale(), graphmap.network.getViewPosition()]")
    # A browser fires beforeprint, then lays the page out for paper.
    loaded.js("window.dispatchEvent(new Event('beforeprint'))")
    loaded.page.emulate_media(media="print")
    time.sleep(0.3)
    assert loaded.page.is_hidden("#gm-search-input")
    _settle(loaded)
    during = loaded.js("[graphmap.network.getScale(), graphmap.network.getViewPosition()]")
    assert during[0] == pytest.approx(before[0])
    assert during[1] == pytest.approx(before[1], abs=1.0)  # canvas units: under a pixel
    size = loaded.js("graphmapMap.canvasSize()")
    time.sleep(0.3)
    assert loaded.js("graphmapMap.canvasSize()") == size  # the printed canvas does not grow
    loaded.page.emulate_media(media="screen")
    loaded.js("window.dispatchEvent(new Event('afterprint'))")
    time.sleep(0.3)
    _settle(loaded)
    after = loaded.js("[graphmap.network.getScale(), graphmap.network.getViewPosition()]")
    assert after[0] == pytest.approx(before[0])
    assert after[1] == pytest.approx(before[1], abs=1.0)
    _clean(loaded)


def test_a_focus_map_opens_with_its_whole_depth_in_colour(
    mini: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = mini
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="en",
                                 focus="coop", depth=2))
    assert loaded.js("graphmap.network.getSelectedNodes()") == ["coop"]
    assert loaded.js("graphmap.state.depth") == 2
    assert loaded.js(DIMMED) == 0
    assert loaded.page.input_value("#gm-depth") == "2"
    _check_labels(loaded)
    _clean(loaded)


def test_view_titles_and_captions_are_text_not_markup(
    mini: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = mini
    views = views_from_mapping({"views": [{"title": PWN, "caption": PWN_SCRIPT, "focus": "cdc"}]})
    path = write_map(dataset, report, tmp_path / "map.html", lang="en", views=views)
    loaded = open_page(path)
    loaded.page.click("#gm-views [data-step='1']")
    assert loaded.page.inner_text(".gm-view-title") == PWN
    assert loaded.page.inner_text(".gm-view-caption") == PWN_SCRIPT
    assert loaded.js("window.__pwned === undefined")
    assert loaded.js("document.querySelectorAll('#gm-views img, #gm-views script').length") == 0
    _clean(loaded)
