"""``compare.html`` as a document (the browser tests open it): the same bytes for the same
inputs, nothing fetched, the same sections as the text report, and a change map that keeps
every new and lost tie when it draws only the changed part of a large ecosystem."""

from __future__ import annotations

import html
import re
from functools import cache

import pytest

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025
from graphmap.compare import CompareReport, compare
from graphmap.render.compare_html import build_compare_html, change_map_data
from graphmap.workspace import load_workspace

pytestmark = pytest.mark.skipif(not (EXAMPLE_2025 / "actors.csv").exists(),
                                reason="examples/laurentides-2025 is not there")


@cache
def report() -> CompareReport:
    return compare(load_workspace(EXAMPLE_2024), load_workspace(EXAMPLE_2025))


def test_same_report_same_bytes() -> None:
    assert build_compare_html(report(), "fr", 20) == build_compare_html(report(), "fr", 20)
    assert build_compare_html(report(), "fr", 20) != build_compare_html(report(), "en", 20)


def test_the_page_loads_nothing_and_allows_only_its_own_scripts() -> None:
    page = build_compare_html(report(), "en", 20)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    rules = dict(rule.split(" ", 1) for rule in html.unescape(csp.group(1)).split("; "))
    assert rules["default-src"] == "'none'"
    assert re.fullmatch(r"('sha256-[A-Za-z0-9+/=]+' ?){2}", rules["script-src"])
    assert not re.search(r"<(script|img|link|iframe)[^>]+(src|href)=", page)
    # The data block, vis-network, the page's script: each opens a line.
    assert len(re.findall(r"^<script", page, flags=re.MULTILINE)) == 3


def test_the_whole_map_when_it_is_small() -> None:
    data = change_map_data(report(), "en", seed=1)
    assert data["partial"] is False
    assert len(data["nodes"]) == data["total_nodes"] == len(report().change_map.nodes)
    assert data["counts"] == {"added": 21, "removed": 18, "kept": 298}


def test_only_what_changed_when_it_is_large() -> None:
    data = change_map_data(report(), "en", seed=1, draw_all_up_to=50)
    assert data["partial"] is True
    assert data["counts"]["added"] == 21
    assert data["counts"]["removed"] == 18
    assert 0 < data["counts"]["kept"] < 298
    drawn = {row[0] for row in data["nodes"]}
    assert {"fondation-mirabel", "plume-argenteuil", "p-habitations-vieux-saint-jerome",
            "ville-saint-jerome"} <= drawn  # new, gone, and the end of a changed tie
    assert "rachel-caron" in drawn  # her new tie
    assert "min-economie" not in drawn  # untouched by any change
    page = build_compare_html(report(), "en", 20)
    assert 'id="gc-partial"' not in page
