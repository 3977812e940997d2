"""Hand-built pairs of workspaces, one per kind of change, each reported exactly.

Every pair is written to disk as CSV files and read back with the real loader, then
compared through the library (``graphmap.compare.compare``) and rendered as the JSON
contract, which is what scripts see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from compare.conftest import actor, project, tie, write_workspace
from graphmap.analysis.pipeline import analyze
from graphmap.compare import compare
from graphmap.config import AnalysisConfig
from graphmap.render.compare_json import compare_to_dict
from graphmap.workspace import load_workspace

# A small ecosystem where every requirement of the one project is met: a carrier, a funder,
# two support partners, four sectors. Laval's actors carry and support but do not fund.
ACTORS = [actor("c", "community", name="Centre Entraide"), actor("s", "public", name="Ville"),
          actor("u", "academic", name="Université du Nord", scope="regional"),
          actor("f", "philanthropic", "Montréal", name="Fondation", scope="regional")]
PROJECTS = [project("p1", "mobilization", name="Cuisine collective")]
RELATIONS = [tie("c", "p1", "carries"), tie("s", "p1", "supports", nature="expertise"),
             tie("u", "p1", "supports", nature="knowledge"),
             tie("f", "p1", "funds", "1000", "2024"), tie("c", "s", "collaborates")]


def doc(tmp_path: Path, old: tuple[list[Any], list[Any], list[Any]],
        new: tuple[list[Any], list[Any], list[Any]], **config: Any) -> dict[str, Any]:
    """The JSON comparison of two hand-built workspaces."""
    old_ds = load_workspace(write_workspace(tmp_path / "old", *old))
    new_ds = load_workspace(write_workspace(tmp_path / "new", *new))
    return compare_to_dict(compare(old_ds, new_ds, AnalysisConfig(**config)), "en")


def base() -> tuple[list[Any], list[Any], list[Any]]:
    return list(ACTORS), list(PROJECTS), list(RELATIONS)


def keys(items: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [tuple(item[k] for k in ("source", "target", "type")) for item in items]


def gap_keys(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(item["code"], item["subject"]) for item in items]


def test_the_same_workspace_twice_changes_nothing(tmp_path: Path) -> None:
    d = doc(tmp_path, base(), base())
    for section in ("actors", "projects", "relations"):
        assert (d[section]["added"], d[section]["removed"], d[section]["changed"]) == ([], [], [])
    assert d["relations"]["unchanged"] == 5
    assert d["gaps"]["opened"] == d["gaps"]["closed"] == []
    assert gap_keys(d["gaps"]["persisting"]) == [("territory.no_local_funder", "Laval")]
    assert all(change["change"] in (0, 0.0) for change in d["network"].values())
    assert d["opportunities_realised"] == []


def test_an_added_actor_and_its_tie(tmp_path: Path) -> None:
    actors, projects, relations = base()
    new = ([*actors, actor("m", "media", name="Radio")], projects,
           [*relations, tie("m", "p1", "supports", nature="promotion")])
    d = doc(tmp_path, base(), new)
    assert d["actors"] | {"unchanged": None} == {
        "added": ["m"], "removed": [], "changed": [], "changed_fields": {}, "renamed": [],
        "unchanged": None}
    assert keys(d["relations"]["added"]) == [("m", "p1", "supports")]
    assert d["relations"]["removed"] == d["relations"]["changed"] == []
    assert d["names"]["m"] == "Radio"


def test_a_removed_actor_takes_its_ties_with_it(tmp_path: Path) -> None:
    actors, projects, relations = base()
    new = ([a for a in actors if a["id"] != "u"], projects,
           [r for r in relations if r["source"] != "u"])
    d = doc(tmp_path, base(), new)
    assert (d["actors"]["added"], d["actors"]["removed"]) == ([], ["u"])
    assert keys(d["relations"]["removed"]) == [("u", "p1", "supports")]
    assert d["actors"]["renamed"] == []


def test_a_changed_actor_names_the_fields_that_changed(tmp_path: Path) -> None:
    actors, projects, relations = base()
    moved = {**actors[1], "name": "Ville de Laval", "territory": "Montréal"}
    d = doc(tmp_path, base(), ([actors[0], moved, *actors[2:]], projects, relations))
    assert d["actors"]["changed"] == ["s"]
    assert d["actors"]["changed_fields"] == {"s": ["name", "territory"]}
    assert d["actors"]["added"] == d["actors"]["removed"] == []
    assert d["relations"]["added"] == d["relations"]["removed"] == []


def test_a_renamed_id_is_flagged(tmp_path: Path) -> None:
    actors, projects, relations = base()
    # Same name, other case and accents: a person retyped it.
    renamed = {**actors[2], "id": "univ-nord", "name": "UNIVERSITE DU NORD"}
    new = ([*actors[:2], renamed, actors[3]], projects,
           [{**r, "source": "univ-nord"} if r["source"] == "u" else r for r in relations])
    d = doc(tmp_path, base(), new)
    assert d["actors"]["renamed"] == [
        {"old_id": "u", "new_id": "univ-nord", "name": "UNIVERSITE DU NORD"}]
    assert (d["actors"]["added"], d["actors"]["removed"]) == (["univ-nord"], ["u"])
    assert keys(d["relations"]["added"]) == [("univ-nord", "p1", "supports")]
    assert keys(d["relations"]["removed"]) == [("u", "p1", "supports")]


def test_an_added_and_a_removed_record_with_different_names_are_not_a_rename(
        tmp_path: Path) -> None:
    actors, projects, relations = base()
    other = {**actors[2], "id": "cegep", "name": "Cégep"}
    new = ([*actors[:2], other, actors[3]], projects,
           [{**r, "source": "cegep"} if r["source"] == "u" else r for r in relations])
    assert doc(tmp_path, base(), new)["actors"]["renamed"] == []


def test_ties_lost_changed_and_collaborations_either_way(tmp_path: Path) -> None:
    actors, projects, _ = base()
    new = (actors, projects, [
        tie("c", "p1", "carries"), tie("s", "p1", "supports", nature="expertise"),
        tie("f", "p1", "funds", "1500", "2024"),
        tie("s", "c", "collaborates"),  # the same collaboration, written the other way
    ])
    d = doc(tmp_path, base(), new)
    assert keys(d["relations"]["removed"]) == [("u", "p1", "supports")]
    assert d["relations"]["added"] == []
    assert d["relations"]["changed"] == [
        {"source": "f", "target": "p1", "type": "funds", "fields": ["amount"]}]
    assert d["relations"]["unchanged"] == 3


def test_a_second_grant_changes_the_rows_and_the_year_not_the_amount(tmp_path: Path) -> None:
    actors, projects, relations = base()
    new = (actors, projects, [*relations, tie("f", "p1", "funds", "1000", "2025")])
    d = doc(tmp_path, base(), new)
    assert d["relations"]["changed"] == [
        {"source": "f", "target": "p1", "type": "funds", "fields": ["rows", "year"]}]
    assert d["funding"]["total"] == {"old": 1000.0, "new": 2000.0, "change": 1000.0}


# p2 needs a funder (mobilization): Fondation, which funds a like project and can act in
# Laval, is the natural proposal.
UNFUNDED = project("p2", "mobilization", name="Frigo solidaire")
UNFUNDED_TIES = [tie("c", "p2", "carries"), tie("s", "p2", "supports", nature="credibility"),
                 tie("u", "p2", "supports", nature="knowledge")]


def test_a_realised_proposal_and_the_hit_rate(tmp_path: Path) -> None:
    actors, projects, relations = base()
    old = (actors, [*projects, UNFUNDED], [*relations, *UNFUNDED_TIES])
    new = (actors, [*projects, UNFUNDED],
           [*relations, *UNFUNDED_TIES, tie("f", "p2", "funds", "800", "2025")])
    proposed = analyze(load_workspace(write_workspace(tmp_path / "check", *old))).opportunities
    assert ("fund", "f", "p2") in [(o.kind, o.source, o.target) for o in proposed]
    d = doc(tmp_path, old, new)
    assert [(o["kind"], o["source"], o["target"]) for o in d["opportunities_realised"]] == [
        ("fund", "f", "p2")]
    assert d["opportunities_realised"][0]["relation"] == {
        "source": "f", "target": "p2", "type": "funds"}
    expected = {kind: sum(1 for o in proposed if o.kind == kind)
                for kind in ("fund", "support", "adopt", "collaborate")}
    assert {k: v["proposed"] for k, v in d["hit_rate"].items()} == expected
    assert {k: v["realised"] for k, v in d["hit_rate"].items()} == {
        "fund": 1, "support": 0, "adopt": 0, "collaborate": 0}
    assert d["hit_rate"]["fund"]["rate"] == pytest.approx(1 / expected["fund"])


def test_a_gap_closed_by_a_new_funder(tmp_path: Path) -> None:
    actors, projects, relations = base()
    old = (actors, [*projects, UNFUNDED], [*relations, *UNFUNDED_TIES])
    funder = actor("caisse", "social_economy", name="Caisse de Laval")
    new = ([*actors, funder], [*projects, UNFUNDED],
           [*relations, *UNFUNDED_TIES, tie("caisse", "p2", "funds", "5000", "2025")])
    d = doc(tmp_path, old, new)
    assert d["actors"]["added"] == ["caisse"]
    closed = {(g["code"], g["subject"]): g for g in d["gaps"]["closed"]}
    assert sorted(closed) == [("project.no_funder", "p2"), ("territory.no_local_funder", "Laval")]
    for gap in closed.values():
        assert gap["added_ties"] == [{"source": "caisse", "target": "p2", "type": "funds"}]
        assert not gap["new_subject"]
        assert not gap["removed_subject"]
    assert d["gaps"]["opened"] == []


def test_a_gap_opened_by_a_new_project(tmp_path: Path) -> None:
    actors, projects, relations = base()
    new = (actors, [*projects, project("p3", "mobilization", name="Serre")],
           [*relations, tie("c", "p3", "carries")])
    d = doc(tmp_path, base(), new)
    assert d["projects"]["added"] == ["p3"]
    assert gap_keys(d["gaps"]["opened"]) == [
        ("project.low_diversity", "p3"), ("project.no_funder", "p3"),
        ("project.no_support", "p3")]
    assert all(g["new_subject"] for g in d["gaps"]["opened"])
    assert d["gaps"]["closed"] == []
    assert gap_keys(d["gaps"]["persisting"]) == [("territory.no_local_funder", "Laval")]


def test_a_gap_closed_because_its_subject_is_gone(tmp_path: Path) -> None:
    actors, projects, relations = base()
    old = ([*actors, actor("z", "citizen", name="Zoé")], projects, relations)
    d = doc(tmp_path, old, base())
    assert gap_keys(d["gaps"]["closed"]) == [("actor.isolated", "z")]
    assert d["gaps"]["closed"][0]["removed_subject"] is True
    assert d["network"]["isolated_actors"] == {"old": 1, "new": 0, "change": -1}
    assert d["network"]["components"] == {"old": 2, "new": 1, "change": -1}


def test_funding_moving_between_territories(tmp_path: Path) -> None:
    actors, _, _ = base()
    projects = [*PROJECTS, project("q1", "emergence", "Montréal", name="Atelier")]
    common = [tie("c", "p1", "carries"), tie("s", "p1", "supports", nature="expertise"),
              tie("u", "p1", "supports", nature="knowledge"), tie("c", "q1", "carries")]
    old = (actors, projects, [*common, tie("f", "p1", "funds", "1000", "2024"),
                              tie("f", "q1", "funds", "500", "2024")])
    new = (actors, projects, [*common, tie("f", "p1", "funds", "400", "2025"),
                              tie("f", "q1", "funds", "1100", "2025")])
    funding = doc(tmp_path, old, new)["funding"]
    assert funding["by_territory"] == {
        "Laval": {"old": 1000.0, "new": 400.0, "change": -600.0},
        "Montréal": {"old": 500.0, "new": 1100.0, "change": 600.0},
    }
    assert funding["total"] == {"old": 1500.0, "new": 1500.0, "change": 0.0}
    assert funding["by_funder"] == {"f": {"old": 1500.0, "new": 1500.0, "change": 0.0}}
    assert funding["by_sector"] == {"philanthropic": {"old": 1500.0, "new": 1500.0,
                                                      "change": 0.0}}


def test_a_new_funder_shows_in_every_funding_breakdown(tmp_path: Path) -> None:
    actors, projects, relations = base()
    new = ([*actors, actor("caisse", "social_economy", name="Caisse")], projects,
           [*relations, tie("caisse", "p1", "funds", "250", "2025")])
    funding = doc(tmp_path, base(), new)["funding"]
    assert funding["by_funder"]["caisse"] == {"old": 0.0, "new": 250.0, "change": 250.0}
    assert funding["by_sector"]["social_economy"] == {"old": 0.0, "new": 250.0, "change": 250.0}
    assert funding["by_territory"] == {"Laval": {"old": 1000.0, "new": 1250.0, "change": 250.0}}


# Two stars: whoever sits in the middle of more groups is the first broker.
def _stars(hub: str, other: str) -> tuple[list[Any], list[Any], list[Any]]:
    sectors = ("public", "private", "community", "media", "academic", "citizen")
    people = [actor(f"x{i}", sector, name=f"X{i}") for i, sector in enumerate(sectors)]
    hubs = [actor("h1", "social_economy", name="Pôle un"),
            actor("h2", "philanthropic", name="Pôle deux")]
    ties = [tie(hub, f"x{i}", "collaborates") for i in range(5)]
    ties.append(tie(other, "x5", "collaborates"))
    ties.append(tie(other, "x0", "collaborates"))
    return [*hubs, *people], [], ties


def test_brokers_entered_left_and_moved(tmp_path: Path) -> None:
    d = doc(tmp_path, _stars("h1", "h2"), _stars("h2", "h1"), top=1)
    assert d["brokers"]["old_top"] == ["h1"]
    assert d["brokers"]["new_top"] == ["h2"]
    assert (d["brokers"]["entered"], d["brokers"]["left"], d["brokers"]["moved"]) == (
        ["h2"], ["h1"], [])
    # x0, tied to both hubs, is second both years: in the top, not moved.
    wide = doc(tmp_path / "wide", _stars("h1", "h2"), _stars("h2", "h1"), top=3)
    assert wide["brokers"]["new_top"] == ["h2", "x0", "h1"]
    assert (wide["brokers"]["entered"], wide["brokers"]["left"]) == ([], [])
    assert wide["brokers"]["moved"] == [{"id": "h1", "old_rank": 1, "new_rank": 3},
                                        {"id": "h2", "old_rank": 3, "new_rank": 1}]
