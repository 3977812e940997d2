"""The public map and report as Chromium renders them: after clicking every node (the side
panel open on each, the tooltip shown), no planted personal value in the page's text."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from tests.privacy.planted import ALL_PLANTED, NAMED, PERSON_IDS


def _open(chromium: Any, path: Path) -> Any:
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        "file://") else route.abort())
    page.goto(path.resolve().as_uri())
    deadline = time.monotonic() + 60
    # Polled from Python: the page's CSP forbids eval, which wait_for_function uses.
    while not page.evaluate("!!(window.graphmap && window.graphmap.ready)"):
        assert time.monotonic() < deadline, "the map was never drawn"
        time.sleep(0.02)
    return context, page, errors


def _click_every_node(page: Any) -> list[str]:
    """Click each node where vis-network draws it; the text of the page after each click."""
    texts = [page.inner_text("body")]
    ids = page.evaluate("graphmap.nodes.getIds()")
    assert ids
    for node_id in ids:
        page.evaluate(f"graphmap.network.focus({node_id!r}, {{scale: 1.6, animation: false}})")
        x, y = page.evaluate(f"""(() => {{
            const d = graphmap.network.canvasToDOM(graphmap.network.getPosition({node_id!r}));
            const r = document.getElementById('gm-network').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }})()""")
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        selected = page.evaluate("graphmap.network.getSelectedNodes()")
        if selected != [node_id]:  # another node drawn on top: select it as a click would
            page.evaluate(f"graphmap.select({node_id!r})")
        texts.append(page.inner_text("body"))
    return texts


@pytest.mark.parametrize("page_name", ["map.html", "report.html"])
def test_no_planted_value_in_the_rendered_text(outputs: dict[str, Path], chromium: Any,
                                               page_name: str) -> None:
    context, page, errors = _open(chromium, outputs["public"] / page_name)
    try:
        texts = _click_every_node(page)
    finally:
        context.close()
    assert errors == []
    planted = sorted({v for v, _, _ in ALL_PLANTED} | set(PERSON_IDS))
    seen = "\n".join(texts)
    assert [value for value in planted if value in seen] == []
    # What the panels show: organisations by name, persons by label, the group.
    assert all(org in seen for org in NAMED[1:])
    assert "Personne " in seen
    assert "3 citoyennes et citoyens de Lac-Clair" in seen


def test_the_rendered_map_of_render_public(outputs: dict[str, Path], chromium: Any) -> None:
    context, page, errors = _open(chromium, outputs["render"] / "carte.html")
    try:
        seen = "\n".join(_click_every_node(page))
    finally:
        context.close()
    assert errors == []
    assert [v for v, _, _ in ALL_PLANTED if v in seen] == []
    assert "Fondation Boréale" in seen
