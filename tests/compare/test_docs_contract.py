"""docs/compare.md stays the contract: every key of a real comparison is documented there,
and every key it documents exists (so the page cannot drift from the code either way)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from click.testing import CliRunner

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025, ROOT
from graphmap.cli import cli

PAGE = ROOT / "docs" / "compare.md"
pytestmark = pytest.mark.skipif(not (EXAMPLE_2025 / "actors.csv").exists() or not PAGE.exists(),
                                reason="the example's second year or docs/compare.md is missing")


def documented() -> set[str]:
    """The key paths of the tables of the page's section 3 (the JSON document): the
    backticked first cell of each row."""
    text = PAGE.read_text(encoding="utf-8")
    section = text[text.index("## 3. The JSON document"):text.index("## 4.")]
    return set(re.findall(r"^\| `([a-z_\[\].<> ]+)` \|", section, flags=re.MULTILINE))


def json_paths(value: Any, placeholders: dict[str, str], prefix: str = "") -> set[str]:
    """Every object key's dotted path; list items add ``[]``; the children of a map keyed by
    data take its documented placeholder (``funding.by_funder.<actor id>``)."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, child in value.items():
            path = placeholders.get(prefix) or (f"{prefix}.{key}" if prefix else key)
            found.add(path)
            found |= json_paths(child, placeholders, path)
    elif isinstance(value, list):
        for item in value:
            found |= json_paths(item, placeholders, f"{prefix}[]")
    return found


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["compare", str(EXAMPLE_2024), str(EXAMPLE_2025),
                                      "--format", "json"], env={"GRAPHMAP_LANG": "en"})
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _placeholders(paths: set[str]) -> dict[str, str]:
    out = {}
    for path in paths:
        match = re.fullmatch(r"(.+)\.<[^<>]+>", path)
        if match:
            out[match.group(1)] = path
    return out


def test_every_key_of_the_comparison_is_documented(document: dict[str, Any]) -> None:
    paths = documented()
    # old and new are the analysis summaries, documented with the analysis report.
    found = {p for p in json_paths(document, _placeholders(paths))
             if not p.startswith(("old.", "new."))}
    missing = sorted(found - paths)
    assert not missing, f"docs/compare.md: document {missing}"


def test_every_documented_key_exists(document: dict[str, Any]) -> None:
    found = json_paths(document, _placeholders(documented()))
    # The keys of a list's items show only when the example's list is not empty: the list
    # itself must exist then.
    stale = sorted(p for p in documented() - found
                   if "[]" not in p or p[:p.rindex("[]")] not in found)
    assert not stale, f"docs/compare.md documents keys the comparison does not have: {stale}"


def test_the_check_can_fail() -> None:
    assert json_paths({"a": [{"b": 1}], "m": {"x": {"y": 1}}}, {"m": "m.<id>"}) == {
        "a", "a[].b", "m", "m.<id>", "m.<id>.y"}
