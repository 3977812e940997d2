"""The map reads the analysis and computes nothing analytical: its communities are the
report's (igraph Leiden, the analysis seed), with or without a full report."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graphmap.analysis.pipeline import community_partition
from graphmap.config import AnalysisConfig
from graphmap.errors import GraphmapError
from graphmap.render.html_map import analysis_needed, build_map_payload


def _colors(payload: Any) -> dict[str, str]:
    return {n["id"]: n["color"] for n in payload.data["nodes"]}


def test_community_colours_without_a_report_are_the_reports(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    communities = community_partition(dataset, AnalysisConfig())
    assert communities == report.communities
    alone = build_map_payload(dataset, None, lang="fr", color_by="community", layers=(),
                              size_by="degree", communities=communities)
    full = build_map_payload(dataset, report, lang="fr", color_by="community", layers=(),
                             size_by="degree")
    assert _colors(alone) == _colors(full)
    assert alone.legend["groups"] == full.legend["groups"]
    # Every member of one community has one colour, and two big communities differ.
    big = [c for c in report.communities if len(c.members) > 1][:2]
    for community in big:
        assert len({_colors(full)[m] for m in community.members}) == 1
    if len(big) == 2:
        assert _colors(full)[big[0].members[0]] != _colors(full)[big[1].members[0]]


@pytest.mark.parametrize("options", [{"color_by": "community"}, {"aggregate_above": 5}])
def test_no_communities_to_read_is_said_not_computed(mini: tuple[Any, Any],
                                                     options: dict[str, Any]) -> None:
    dataset, _ = mini
    with pytest.raises(GraphmapError) as caught:
        build_map_payload(dataset, None, lang="fr", layers=(), **options)
    assert caught.value.key == "render.communities_needed"
    assert "community_partition" in caught.value.render("fr")
    assert caught.value.render("en").startswith("This map shows communities")


def test_what_each_map_reads_from_the_analysis(mini: tuple[Any, Any]) -> None:
    dataset, _ = mini

    def need(**options: Any) -> str:
        options = {"color_by": "sector", "size_by": "degree", "layers": (), **options}
        return analysis_needed(dataset, **options)

    assert need() == "nothing"
    assert need(layers=("gaps",)) == "report"
    assert need(size_by="betweenness") == "report"
    assert need(color_by="community") == "communities"
    assert need(color_by="community", size_by="betweenness") == "report"
    # The overview of a big map draws communities and no node sizes.
    assert need(aggregate_above=5) == "communities"
    assert need(aggregate_above=5, size_by="betweenness") == "communities"
    assert need(aggregate_above=5, focus="coop") == "nothing"


def _node_colors(path: Path) -> dict[str, str]:
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script type="application/json" id="graphmap-data">(.*?)</script>',
                      html, re.S)
    assert match is not None
    return {n["id"]: n["color"] for n in json.loads(match.group(1))["nodes"]}


def test_render_command_colours_communities_as_the_report(mini_workspace: Path,
                                                          tmp_path: Path) -> None:
    """``graphmap render`` without layers or betweenness asks only for the communities;
    they colour the map exactly as with the whole analysis."""
    runs = {}
    for name, extra in (("alone", ["--layers", "none", "--size-by", "degree"]),
                        ("full", [])):
        out = tmp_path / f"{name}.html"
        done = subprocess.run(
            [sys.executable, "-m", "graphmap", "render", str(mini_workspace), "-o", str(out),
             "--lang", "en", "--color-by", "community", *extra],
            capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        runs[name] = _node_colors(out)
    assert runs["alone"] == runs["full"]
    assert len(set(runs["full"].values())) > 1
