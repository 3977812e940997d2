"""``compare.html`` in Debian's headless Chromium: it loads without a console error, asks
for nothing outside the file, and its change map draws exactly the new and lost ties."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compare.conftest import (
    EXAMPLE_2024,
    EXAMPLE_2025,
    LoadedPage,
    actor,
    project,
    tie,
    write_workspace,
)
from graphmap.cli import cli

pytestmark = pytest.mark.browser

PWN = "<img src=x onerror=window.__pwned=1>"
PWN_SCRIPT = "</script><script>window.__pwned=1</script>"


def write_pages(old: Path, new: Path, out: Path, *extra: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--out", str(out),
                                      "--format", "json", *extra],
                                env={"GRAPHMAP_LANG": None}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


@pytest.fixture(scope="module")
def example_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if not (EXAMPLE_2025 / "actors.csv").exists():
        pytest.skip("examples/laurentides-2025 is not there")
    out = tmp_path_factory.mktemp("compare")
    doc = write_pages(EXAMPLE_2024, EXAMPLE_2025, out, "--lang", "fr")
    return out / "compare.html", doc


def test_the_page_loads_offline_and_draws_the_change(
        open_page: Callable[[Path], LoadedPage], example_page: tuple[Path, dict[str, Any]]
) -> None:
    path, doc = example_page
    loaded = open_page(path)
    assert loaded.console_errors == []
    assert loaded.requests == [path.resolve().as_uri()]
    added, removed = len(doc["relations"]["added"]), len(doc["relations"]["removed"])
    assert (added, removed) == (21, 18)
    shown = loaded.js("[graphmapCompare.shownCount('added'), graphmapCompare.shownCount('removed'),"
                      " graphmapCompare.shownCount('kept')]")
    kept = doc["relations"]["unchanged"] + len(doc["relations"]["changed"])
    assert shown == [added, removed, kept]
    # The legend says the same numbers.
    counts = loaded.js("Array.from(document.querySelectorAll('[data-gc-count]'))"
                       ".map(e => [e.dataset.gcCount, e.textContent])")
    assert counts == [["added", str(added)], ["removed", str(removed)], ["kept", str(kept)]]
    # Colour is not the only cue: lost ties are dashed, the others are not.
    styles = loaded.js("['added', 'removed', 'kept'].map(s => [...new Set(graphmapCompare.edges"
                       ".get().filter(e => graphmapCompare.ties[+e.id.slice(1)].status === s)"
                       ".map(e => JSON.stringify([e.dashes, e.color.color])))])")
    assert styles == [['[false,"#0072B2"]'], ['[[6,5],"#D55E00"]'], ['[false,"#B0B0B0"]']]


def test_hiding_a_status_hides_exactly_those_ties(
        open_page: Callable[[Path], LoadedPage], example_page: tuple[Path, dict[str, Any]]
) -> None:
    path, doc = example_page
    loaded = open_page(path)
    loaded.page.click("input[data-gc-status=kept]")
    assert loaded.js("[graphmapCompare.shownCount('added'), graphmapCompare.shownCount('removed'),"
                     " graphmapCompare.shownCount('kept')]") == [21, 18, 0]
    loaded.page.click("input[data-gc-status=kept]")
    assert loaded.js("graphmapCompare.shownCount('kept')") == doc["relations"]["unchanged"] + 1


def test_a_name_in_the_lists_opens_its_ties_on_the_map(
        open_page: Callable[[Path], LoadedPage], example_page: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = example_page
    loaded = open_page(path)
    loaded.page.click("#actors a[data-gc-node=fondation-mirabel]")
    assert loaded.js("document.querySelector('#gc-panel h2').textContent") == (
        "Fondation communautaire de Mirabel")
    assert loaded.js("document.querySelectorAll('#gc-panel li').length") == 2
    assert loaded.js("graphmapCompare.network.getSelectedNodes()") == ["fondation-mirabel"]
    assert loaded.console_errors == []


def test_the_page_has_the_glossary_and_every_section(
        open_page: Callable[[Path], LoadedPage], example_page: tuple[Path, dict[str, Any]]
) -> None:
    loaded = open_page(example_page[0])
    ids = loaded.js("Array.from(document.querySelectorAll('main > section')).map(s => s.id)")
    assert ids == ["summary", "map", "warnings", "actors", "projects", "relations", "funding",
                   "brokers", "gaps", "proposals", "glossary"]
    assert loaded.js("document.querySelectorAll('#glossary li').length") == 10
    assert loaded.js("document.documentElement.lang") == "fr"


def test_user_text_never_runs(open_page: Callable[[Path], LoadedPage], tmp_path: Path) -> None:
    old = write_workspace(tmp_path / "old", [actor("a1", "community", name="Org " + PWN),
                                             actor("a2", "public", name=PWN_SCRIPT)],
                          [project("p1", "emergence", PWN, name="Projet " + PWN_SCRIPT)],
                          [tie("a1", "p1", "carries")])
    new = write_workspace(tmp_path / "new", [actor("a1", "community", name="Org " + PWN),
                                             actor("a3", "media", name=PWN_SCRIPT)],
                          [project("p1", "emergence", PWN, name="Projet " + PWN_SCRIPT)],
                          [tie("a1", "p1", "carries"), tie("a3", "p1", "supports")])
    doc = write_pages(old, new, tmp_path / "out", "--lang", "en")
    assert doc["actors"]["renamed"] == [{"old_id": "a2", "new_id": "a3", "name": PWN_SCRIPT}]
    loaded = open_page(tmp_path / "out" / "compare.html")
    loaded.js("graphmapCompare.choose('a3')")
    assert loaded.js("window.__pwned === undefined")
    assert loaded.dialogs == []
    assert loaded.console_errors == []
    assert loaded.js("document.querySelector('#gc-panel h2').textContent") == PWN_SCRIPT
    assert loaded.js("graphmapCompare.shownCount('added')") == 1
