"""The map in a real headless Chromium: loads cleanly, offline, with working controls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graphmap.model.dataset import in_content_order
from graphmap.render.html_map import write_map
from graphmap.render.html_report import write_report

pytestmark = pytest.mark.browser

VISIBLE_NODES = "graphmap.nodes.get({filter: n => !n.hidden}).length"
VISIBLE_RELATIONS = "graphmap.edges.get({filter: e => !e.hidden && e.id[0] === 'e'}).length"
VISIBLE_OPPORTUNITIES = "graphmap.edges.get({filter: e => !e.hidden && e.id[0] === 'o'}).length"
GAP_OUTLINED = "graphmap.nodes.get({filter: n => n.borderWidth === 4}).length"


def _only_local(requests: list[str]) -> None:
    assert requests, "the route handler saw no request at all"
    assert [u for u in requests if not u.startswith("file://")] == []


def test_laurentides_map_loads_offline_with_every_node_and_edge(
    laurentides: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = laurentides
    path = write_map(dataset, report, tmp_path / "map.html", lang="fr")
    loaded = open_page(path)
    assert loaded.console_errors == []
    _only_local(loaded.requests)
    assert loaded.requests == [path.resolve().as_uri()]
    assert loaded.js("graphmap.nodes.length") == len(dataset.actors) + len(dataset.projects)
    assert loaded.js("graphmap.edges.get({filter: e => e.id[0] === 'e'}).length") == len(
        dataset.relations)
    assert loaded.js(VISIBLE_RELATIONS) == len(dataset.relations)
    shapes = loaded.js("[...new Set(graphmap.nodes.get().map(n => n.shape))].sort()")
    assert shapes == ["diamond", "dot"]
    # A relation's tooltip names both ends, the type, amount, year and the user's columns;
    # edge e<i> is the i-th relation in content order (docs/analysis.md §1).
    index, rel = next((i, r) for i, r in enumerate(in_content_order(dataset).relations)
                      if r.amount and r.year and any(r.extra.values()))
    key, value = next((k, v) for k, v in rel.extra.items() if v)
    title = loaded.js(f"graphmap.edges.get('e{index}').title")
    assert title.startswith(f"{dataset.node_name(rel.source)} → {dataset.node_name(rel.target)}"
                            f"\nfinance · ")
    assert f" · {rel.year}" in title
    assert f"\n{key}: {value}" in title
    assert loaded.js("document.documentElement.lang") == "fr"
    assert "Recherche" in loaded.js("document.body.innerText")


def test_search_is_accent_insensitive_and_selects_the_match(
    mini: tuple[Any, Any], open_page: Any, tmp_path: Path
) -> None:
    dataset, report = mini
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="en"))
    page = loaded.page
    page.fill("#gm-search-input", "montreal")
    assert page.inner_text("#gm-search-results li") .startswith("Fondation du Grand Montréal")
    page.press("#gm-search-input", "Enter")
    assert loaded.js("graphmap.network.getSelectedNodes()") == ["fgm"]
    assert page.inner_text("#gm-panel-body h2") == "Fondation du Grand Montréal"
    # The side panel shows the user's own columns.
    panel = page.inner_text("#gm-panel-body")
    assert "site_web" in panel
    assert "https://fgm.example" in panel
    page.fill("#gm-search-input", "EPICERIE")
    assert page.inner_text("#gm-search-results li").startswith("Épicerie solidaire")
    # Arrow keys move through the results; Enter picks the highlighted one.
    page.fill("#gm-search-input", "quebec")
    ids = page.locator("#gm-search-results li").evaluate_all("els => els.map(e => e.dataset.id)")
    assert ids == ["uni", "ville"]
    page.press("#gm-search-input", "ArrowDown")
    page.press("#gm-search-input", "Enter")
    assert loaded.js("graphmap.network.getSelectedNodes()") == ["ville"]
    page.fill("#gm-search-input", "zzz")
    assert page.inner_text("#gm-search-results li") == "No match."
    assert loaded.console_errors == []


def test_filters_hide_what_they_should(mini: tuple[Any, Any], open_page: Any,
                                      tmp_path: Path) -> None:
    dataset, report = mini
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr"))
    page = loaded.page
    assert loaded.js(VISIBLE_NODES) == 10
    # Sector "public": the one municipality disappears, with its two relations.
    page.uncheck('.gm-filter[data-filter="sector"] input[value="public"]')
    assert loaded.js(VISIBLE_NODES) == 9
    assert loaded.js("graphmap.nodes.get('ville').hidden") is True
    assert loaded.js(VISIBLE_RELATIONS) == len(dataset.relations) - 2
    page.check('.gm-filter[data-filter="sector"] input[value="public"]')
    assert loaded.js(VISIBLE_NODES) == 10
    # Territory "Montréal": its two actors and its project go.
    page.uncheck('.gm-filter[data-filter="territory"] input[value="Montréal"]')
    hidden = loaded.js("graphmap.nodes.get({filter: n => n.hidden}).map(n => n.id).sort()")
    assert hidden == ["coop", "fgm", "lone", "p1"]
    page.click('.gm-filter[data-filter="territory"] button[data-set="all"]')
    # Stage filter touches projects only.
    page.uncheck('.gm-filter[data-filter="stage"] input[value="emergence"]')
    assert loaded.js("graphmap.nodes.get({filter: n => n.hidden}).map(n => n.id)") == ["p2"]
    page.click('.gm-filter[data-filter="stage"] button[data-set="all"]')
    # Relation type "funds": both funding ties hidden, nodes kept.
    page.uncheck('.gm-filter[data-filter="relation"] input[value="funds"]')
    assert loaded.js(VISIBLE_RELATIONS) == len(dataset.relations) - 2
    assert loaded.js(VISIBLE_NODES) == 10
    assert loaded.js("document.getElementById('gm-stats').textContent") == (
        "10 nœuds · " + str(loaded.js(
            "graphmap.edges.get({filter: e => !e.hidden}).length")) + " liens")
    assert loaded.console_errors == []


def test_layer_toggles(mini: tuple[Any, Any], open_page: Any, tmp_path: Path) -> None:
    dataset, report = mini
    gap_nodes = {g.subject for g in report.gaps if g.subject_kind in ("actor", "project")}
    drawn_opps = list(report.opportunities)
    assert gap_nodes, "the mini workspace must have gaps"
    assert drawn_opps, "the mini workspace must have opportunities"
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="en"))
    page = loaded.page
    assert loaded.js(GAP_OUTLINED) == len(gap_nodes)
    some_gap = sorted(gap_nodes)[0]
    assert "Gaps" in loaded.js(f"graphmap.nodes.get({some_gap!r}).title")
    assert loaded.js(VISIBLE_OPPORTUNITIES) == min(len(drawn_opps), 30)
    page.uncheck('input[data-layer="gaps"]')
    assert loaded.js(GAP_OUTLINED) == 0
    assert "Gaps" not in loaded.js(f"graphmap.nodes.get({some_gap!r}).title")
    page.uncheck('input[data-layer="opportunities"]')
    assert loaded.js(VISIBLE_OPPORTUNITIES) == 0
    page.check('input[data-layer="opportunities"]')
    page.check('input[data-layer="gaps"]')
    assert loaded.js(GAP_OUTLINED) == len(gap_nodes)
    assert loaded.js(VISIBLE_OPPORTUNITIES) == min(len(drawn_opps), 30)
    # Dashed, with score and reasons in the tooltip.
    first = loaded.js("graphmap.edges.get({filter: e => e.id[0] === 'o' && !e.hidden})[0]")
    assert first["dashes"]
    assert "score" in first["title"]
    assert loaded.console_errors == []


def test_click_highlights_the_neighbourhood(mini: tuple[Any, Any], open_page: Any,
                                           tmp_path: Path) -> None:
    dataset, report = mini
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr"))
    # Click the node where vis-network drew it.
    x, y = loaded.js("""(() => { const p = graphmap.network.getPosition('cdc');
        const d = graphmap.network.canvasToDOM(p);
        const r = document.getElementById('gm-network').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; })()""")
    loaded.page.mouse.click(x, y)
    assert loaded.js("graphmap.network.getSelectedNodes()") == ["cdc"]
    dimmed = loaded.js("graphmap.nodes.get({filter: n => n.color.background === '#E4E7EA'})"
                       ".map(n => n.id).sort()")
    # cdc is tied to p2, p3, coop and uni; everything else is dimmed.
    assert dimmed == ["fgm", "lone", "media", "p1", "ville"]
    assert "CDC des Érables" in loaded.page.inner_text("#gm-panel-body")
    loaded.page.click("#gm-panel-body .gm-close")
    assert loaded.js("graphmap.nodes.get({filter: n => n.color.background === '#E4E7EA'})"
                     ".length") == 0


def test_report_loads_offline_with_the_map(laurentides: tuple[Any, Any], open_page: Any,
                                           tmp_path: Path) -> None:
    dataset, report = laurentides
    path = write_report(dataset, report, tmp_path / "report.html", lang="en")
    loaded = open_page(path)
    assert loaded.console_errors == []
    assert loaded.requests == [path.resolve().as_uri()]
    assert loaded.js("graphmap.nodes.length") == len(dataset.actors) + len(dataset.projects)
    text = loaded.js("document.body.innerText")
    for heading in ("Brokers", "Gaps", "Collaboration opportunities", "Communities"):
        assert heading in text
    # A broker's name in the table focuses it on the map.
    first = report.brokers[0]
    loaded.page.click(f'#brokers a[data-gm-node="{first.id}"]')
    assert loaded.js("graphmap.network.getSelectedNodes()") == [first.id]


def test_aggregated_and_focus_maps_draw(mini: tuple[Any, Any], open_page: Any,
                                        tmp_path: Path) -> None:
    from graphmap.render.html_map import build_map_payload

    dataset, report = mini
    expected = build_map_payload(dataset, report, lang="en", aggregate_above=5)
    loaded = open_page(write_map(dataset, report, tmp_path / "agg.html", lang="en",
                                 aggregate_above=5))
    assert loaded.console_errors == []
    assert loaded.js("graphmap.nodes.length") == expected.node_count
    assert loaded.js("graphmap.edges.length") == expected.edge_count
    assert "too many for a legible map" in loaded.page.inner_text("#gm-note")
    focus = open_page(write_map(dataset, report, tmp_path / "focus.html", lang="en",
                                focus="coop", depth=1, aggregate_above=5))
    assert focus.console_errors == []
    assert sorted(focus.js("graphmap.nodes.getIds()")) == ["cdc", "coop", "p1"]
    # The focused node opens selected, its details in the panel.
    assert focus.js("graphmap.network.getSelectedNodes()") == ["coop"]
    assert "Coopérative L'Éveil" in focus.page.inner_text("#gm-panel-body h2")
