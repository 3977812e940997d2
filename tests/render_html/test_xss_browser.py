"""Names and extra columns carrying script and markup: shown as text, never run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graphmap.render.html_map import write_map
from graphmap.render.html_report import write_report

from .conftest import PWN, PWN_ATTR, PWN_SCRIPT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def evil(evil_workspace: Path) -> tuple[Any, Any]:
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    dataset = load_workspace(evil_workspace)
    assert dataset.actor_by_id["a2"].name == PWN_SCRIPT
    return dataset, analyze(dataset)


def _nothing_ran(loaded: Any) -> None:
    assert loaded.js("typeof window.__pwned") == "undefined"
    assert loaded.dialogs == []
    assert loaded.js("document.querySelectorAll('img').length") == 0
    assert loaded.js("document.querySelectorAll('[onerror],[onmouseover]').length") == 0
    # One data block, two scripts of ours: no script element came from user text.
    assert loaded.js("document.scripts.length") == 3
    assert [u for u in loaded.requests if not u.startswith("file://")] == []


def test_map_shows_payloads_as_text(evil: tuple[Any, Any], open_page: Any,
                                    tmp_path: Path) -> None:
    dataset, report = evil
    loaded = open_page(write_map(dataset, report, tmp_path / "map.html", lang="fr",
                                 color_by="territory"))
    _nothing_ran(loaded)
    assert loaded.console_errors == []
    page = loaded.page
    # Names reach vis-network as plain text.
    assert loaded.js("graphmap.nodes.get('a2').label") == PWN_SCRIPT
    assert loaded.js("graphmap.nodes.get('a1').title").startswith("Org " + PWN)
    # The legend and the filters show territories literally.
    controls = page.inner_text(".gm-controls")
    assert PWN in controls
    assert PWN_ATTR.strip() in controls
    # The side panel shows names and extra columns (values and headers) literally.
    for node in ("a1", "a2", "p1"):
        loaded.js(f"graphmap.choose({node!r})")
        panel = page.inner_text("#gm-panel-body")
        assert dataset.node_name(node) in panel
    assert PWN_SCRIPT in page.inner_text("#gm-panel-body")  # p1's extra column value
    assert PWN in page.inner_text("#gm-panel-body dl:nth-of-type(2)")  # and its header
    loaded.js("graphmap.choose('a1')")
    panel = page.inner_text("#gm-panel-body")
    assert "javascript:window.__pwned=1" in panel
    page.fill("#gm-search-input", "script")
    results = page.inner_text("#gm-search-results")
    assert PWN_SCRIPT in results
    # Hover every node so vis-network shows each tooltip.
    for node in ("a1", "a2", "a3", "p1"):
        x, y = loaded.js(f"""(() => {{ const d = graphmap.network.canvasToDOM(
            graphmap.network.getPosition({node!r}));
            const r = document.getElementById('gm-network').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }})()""")
        page.mouse.move(x, y)
        page.wait_for_timeout(250)
    _nothing_ran(loaded)


def test_report_shows_payloads_as_text(evil: tuple[Any, Any], open_page: Any,
                                       tmp_path: Path) -> None:
    dataset, report = evil
    loaded = open_page(write_report(dataset, report, tmp_path / "report.html", lang="en"))
    _nothing_ran(loaded)
    assert loaded.console_errors == []
    text = loaded.js("document.querySelector('main').innerText")
    assert PWN_SCRIPT in text
    assert "Org " + PWN in text
    assert loaded.js("document.title").startswith("Ecosystem analysis report")
