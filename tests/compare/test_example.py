"""The second year of the Laurentides example: the comparison gives exactly what its README
lists (its tables are read here), and the new year is a valid workspace with no warning."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from typing import Any

import pytest
from click.testing import CliRunner

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025
from graphmap.cli import cli

README = EXAMPLE_2025 / "README.md"
pytestmark = pytest.mark.skipif(not (EXAMPLE_2025 / "actors.csv").exists(),
                                reason="examples/laurentides-2025 is not there")


@cache
def comparison() -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["compare", str(EXAMPLE_2024), str(EXAMPLE_2025),
                                      "--format", "json", "--lang", "fr"],
                                env={"GRAPHMAP_LANG": None}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def _rows(pattern: str) -> list[tuple[str, ...]]:
    return re.findall(pattern, README.read_text(encoding="utf-8"), flags=re.MULTILINE)


def test_the_new_year_validates_without_a_warning() -> None:
    run = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(EXAMPLE_2025),
                          "--lang", "en"], capture_output=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().splitlines()[0] == (
        f"{EXAMPLE_2025}: valid workspace (105 actors, 31 projects, 320 relations).")
    assert "warning" not in run.stdout.decode() + run.stderr.decode()


def test_records_are_exactly_the_readme_table() -> None:
    rows = _rows(r"^\| [a-z]+ \| `(actors|projects)\.(added|removed|changed)` \| `([^`]+)` \|")
    assert len(rows) == 11
    doc = comparison()
    for section in ("actors", "projects"):
        for change in ("added", "removed", "changed"):
            listed = sorted(i for s, c, i in rows if (s, c) == (section, change))
            assert doc[section][change] == listed, (section, change)
    assert doc["actors"]["renamed"] == [{"old_id": "cafe-culturel-la-bobine",
                                         "new_id": "bobine-cafe-culturel",
                                         "name": "Café culturel La Bobine"}]
    assert doc["actors"]["changed_fields"] == {"pixelune": ["scope"], "sadc-argenteuil": ["name"]}
    assert doc["projects"]["changed_fields"] == {"p-velos-solidaires": ["stage"]}


def test_ties_new_lost_and_changed() -> None:
    relations = comparison()["relations"]
    assert (len(relations["added"]), len(relations["removed"]), len(relations["changed"])) == (
        21, 18, 1)
    assert relations["changed"] == [{"source": "ville-saint-jerome", "target": "p-velos-solidaires",
                                     "type": "funds", "fields": ["rows", "year"]}]
    lost = {(r["source"], r["target"], r["type"]) for r in relations["removed"]}
    assert sum(1 for r in lost if r[1] == "p-habitations-vieux-saint-jerome") == 11
    assert {("heron-du-nord", "p-velos-solidaires", "supports"),
            ("cisss", "table-securite-alimentaire", "member_of"),
            ("centre-femmes-les-trilles", "p-epicerie-mobile", "supports")} <= lost
    renamed = [r for r in relations["added"] if "bobine-cafe-culturel" in (r["source"],
                                                                          r["target"])]
    assert len(renamed) == 4


def test_realised_proposals_are_exactly_the_readme_table() -> None:
    rows = _rows(r"^\| `(fund|support|adopt|collaborate)` \| `([^`]+)` \| `([^`]+)` \|$")
    doc = comparison()
    assert sorted(rows) == [(o["kind"], o["source"], o["target"])
                            for o in doc["opportunities_realised"]]
    assert {k: v["realised"] for k, v in doc["hit_rate"].items()} == {
        "fund": 1, "support": 1, "adopt": 1, "collaborate": 1}


def test_gaps_are_exactly_the_readme_table() -> None:
    rows = _rows(r"^\| `(closed|opened|persisting)` \| `([a-z_]+\.[a-z_]+)` \| `([^`]+)` \|")
    gaps = comparison()["gaps"]
    for change in ("closed", "opened", "persisting"):
        listed = sorted((code, subject) for c, code, subject in rows if c == change)
        assert [(g["code"], g["subject"]) for g in gaps[change]] == listed, change
    closed = {(g["code"], g["subject"]): g for g in gaps["closed"]}
    # Closed by a new funder: the new foundation's grant is the tie that bears on it.
    assert closed[("project.no_funder", "p-frigos-solidaires")]["added_ties"] == [
        {"source": "fondation-mirabel", "target": "p-frigos-solidaires", "type": "funds"}]
    assert closed[("actor.isolated", "plume-argenteuil")]["removed_subject"] is True
    assert all(g["new_subject"] for g in gaps["opened"] if g["subject"] == "p-serres-solidaires")


def test_funding_moves_from_la_riviere_du_nord_to_mirabel() -> None:
    funding = comparison()["funding"]
    territory = {t: c["change"] for t, c in funding["by_territory"].items() if c["change"]}
    assert territory == {"La Rivière-du-Nord": -1145000.0, "Mirabel": 860000.0,
                         "Deux-Montagnes": 30000.0, "Argenteuil": 15000.0}
    assert funding["total"] == {"old": 6100000.0, "new": 5860000.0, "change": -240000.0}
    network = comparison()["network"]
    assert (network["components"]["old"], network["components"]["new"]) == (4, 2)
    assert (network["isolated_actors"]["old"], network["isolated_actors"]["new"]) == (2, 0)


def test_the_funding_sums_agree_with_each_years_analysis() -> None:
    doc = comparison()
    for side in ("old", "new"):
        summary = doc[side]["funding"]
        assert summary["total"] == doc["funding"]["total"][side]
        assert summary["by_territory"] == {t: c[side] for t, c in
                                           doc["funding"]["by_territory"].items() if c[side]}
        assert summary["by_funder"] == {f: c[side] for f, c in
                                        doc["funding"]["by_funder"].items() if c[side]}
