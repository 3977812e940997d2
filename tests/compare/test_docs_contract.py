"""docs/compare.md stays the contract: every key of a real comparison is documented there,
and every key it documents exists (so the page cannot drift from the code either way)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from click.testing import CliRunner
from json_keys import json_paths, placeholders

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025, ROOT
from graphmap.cli import cli

# Both ship with the repository: a missing one is a failure, never a skip.
PAGE = ROOT / "docs" / "compare.md"


def documented() -> set[str]:
    """The key paths of the tables of the page's section 3 (the JSON document): the
    backticked first cell of each row."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("## 3. The JSON document"):text.index("## 4.")]
    return set(re.findall(r"^\| `([a-z_\[\].<> ]+)` \|", section, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["compare", str(EXAMPLE_2024), str(EXAMPLE_2025),
                                      "--format", "json"], env={"GRAPHMAP_LANG": "en"})
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_every_key_of_the_comparison_is_documented(document: dict[str, Any]) -> None:
    paths = documented()
    # old and new are the analysis summaries, documented with the analysis report.
    found = {p for p in json_paths(document, placeholders(paths))
             if not p.startswith(("old.", "new."))}
    missing = sorted(found - paths)
    assert not missing, f"docs/compare.md: document {missing}"


def test_every_documented_key_exists(document: dict[str, Any]) -> None:
    found = json_paths(document, placeholders(documented()))
    # The keys of a list's items show only when the example's list is not empty: the list
    # itself must exist then.
    stale = sorted(p for p in documented() - found
                   if "[]" not in p or p[:p.rindex("[]")] not in found)
    assert not stale, f"docs/compare.md documents keys the comparison does not have: {stale}"


def test_the_check_can_fail() -> None:
    assert json_paths({"a": [{"b": 1}], "m": {"x": {"y": 1}}}, {"m": "m.<id>"}) == {
        "a", "a[].b", "m", "m.<id>", "m.<id>.y"}
    # The page's tables are read: a check of an empty set would pass on anything.
    assert {"actors", "actors.changed", "funding"} <= documented()
