"""``--for ID`` (issue 13, point 5): every listed opportunity involves the organisation as
source, target or introducer, in the order introductions it can make, gaps it could fill,
whom to meet; the brief and the action list follow; a name works, an unknown one is a usage
error naming the closest actor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from brief.conftest import EXAMPLE
from graphmap.errors import UsageError
from graphmap.render.point_of_view import for_actor, resolve_actor, viewpoint_rank


def _busiest(report: Any) -> str:
    """The actor named in the most opportunities, as introducer or party."""
    counts: dict[str, int] = {}
    for opp in report.opportunities:
        for node in {opp.source, opp.target, opp.introducer} - {None}:
            counts[node] = counts.get(node, 0) + 1
    return max(sorted(counts), key=lambda node: counts[node])


def test_every_opportunity_involves_the_actor_in_the_documented_order(
        example: tuple[Any, Any]) -> None:
    dataset, report = example
    for actor in [_busiest(report), *(a.id for a in dataset.actors[:20])]:
        narrowed = for_actor(report, actor)
        assert narrowed.meta["for"] == actor
        assert all(actor in (o.source, o.target, o.introducer) for o in narrowed.opportunities)
        expected = [o for o in report.opportunities if actor in (o.source, o.target, o.introducer)]
        assert sorted(map(id, narrowed.opportunities)) == sorted(map(id, expected))
        ranks = [viewpoint_rank(o, actor) for o in narrowed.opportunities]
        assert ranks == sorted(ranks)
        assert narrowed.brokers == report.brokers


def test_analyze_for_through_the_cli(example: tuple[Any, Any], tmp_path: Path) -> None:
    dataset, report = example
    actor = _busiest(report)
    name = dataset.node_name(actor)
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "analyze", str(EXAMPLE), "--for", name.upper(),
         "--out", str(tmp_path), "--format", "json"], capture_output=True, text=True,
        timeout=600, check=False, env={**os.environ, "GRAPHMAP_LANG": "fr"})
    assert result.returncode == 0, result.stderr
    listed = json.loads((tmp_path / "report.json").read_text("utf-8"))["opportunities"]
    assert listed
    assert all(actor in (o["source"], o["target"], o.get("introducer")) for o in listed)
    sheet = openpyxl.load_workbook(tmp_path / "actions.xlsx").active
    assert sheet.max_row - 1 == len(listed)
    brief = (tmp_path / "brief.html").read_text("utf-8")
    assert "Du point de vue de" in brief


def test_unknown_actor_is_a_usage_error_with_a_suggestion(example: tuple[Any, Any]) -> None:
    dataset, _ = example
    actor = dataset.actors[0]
    with pytest.raises(UsageError) as caught:
        resolve_actor(dataset, actor.id + "x")
    assert caught.value.exit_code == 2
    assert actor.id in caught.value.render("en")
    assert resolve_actor(dataset, f"  {actor.name.lower()} ") == actor.id
