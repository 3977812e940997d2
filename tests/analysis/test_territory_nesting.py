"""Territories that nest (issue 10 point 3): who is based in, covers and can act in a
territory, in the territory gaps and the proposals. One small workspace per rule."""

from __future__ import annotations

from pathlib import Path

from graphmap.analysis.candidates import can_act
from graphmap.analysis.gaps import find_gaps, territory_gaps
from graphmap.analysis.proposals import project_opportunities
from graphmap.export import write_workspace
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation, Territory
from graphmap.model.territories import TerritoryTree
from graphmap.schema import RelationType as R
from graphmap.schema import Scope, Sector, Stage
from graphmap.workspace import load_workspace

#: Region R with MRCs A and B; municipality M lies in A; region S is another region.
TERRITORIES = (
    Territory("r", "R", None, "region"),
    Territory("a", "A", "r", "mrc"),
    Territory("b", "B", "r", "mrc"),
    Territory("m", "M", "a", "municipality"),
    Territory("s", "S", None, "region"),
)


def _ds(actors: tuple[Actor, ...], projects: tuple[Project, ...],
        relations: tuple[Relation, ...], *, nested: bool = True) -> Dataset:
    return Dataset(actors, projects, relations, territories=TERRITORIES if nested else ())


def _territory_gaps(ds: Dataset) -> dict[tuple[str, str], tuple[str, str, dict[str, object]]]:
    return {(g.code, g.subject): (g.severity, g.message.key, g.evidence)
            for g in territory_gaps(EcosystemGraph(ds))}


def _funder_case(rtype: R, nested: bool) -> Dataset:
    """A regional actor located in the region R gives to a project in B; a project in A
    has no one; A's carrier gives nothing."""
    return _ds(
        (Actor("g", "Giver", Sector.PHILANTHROPIC, territory="R", scope=Scope.REGIONAL),
         Actor("c", "Carrier", Sector.COMMUNITY, territory="A"),
         Actor("d", "Other carrier", Sector.COMMUNITY, territory="B")),
        (Project("pa", "In A", Stage.MOBILIZATION, territory="A"),
         Project("pb", "In B", Stage.MOBILIZATION, territory="B")),
        (Relation("g", "pb", rtype), Relation("c", "pa", R.CARRIES),
         Relation("d", "pb", R.CARRIES)), nested=nested)


def test_a_regional_funder_of_the_region_covers_its_mrcs() -> None:
    gaps = _territory_gaps(_funder_case(R.FUNDS, nested=True))
    severity, key, evidence = gaps[("territory.no_local_funder", "A")]
    assert (severity, key) == ("low", "analysis.gap.territory_no_local_funder_covered")
    assert evidence == {"projects": ["pa"], "from_elsewhere": [], "covering": ["g"]}
    message = next(g.message for g in territory_gaps(EcosystemGraph(
        _funder_case(R.FUNDS, nested=True))) if g.subject == "A"
                   and g.code == "territory.no_local_funder")
    assert "whose scope covers it are active there: Giver" in message.render("en")
    assert "dont la portée le couvre, y sont actifs\u00a0: Giver" in message.render("fr")


def test_a_regional_supporter_of_the_region_covers_its_mrcs() -> None:
    gaps = _territory_gaps(_funder_case(R.SUPPORTS, nested=True))
    severity, key, evidence = gaps[("territory.no_local_support", "A")]
    assert (severity, key) == ("low", "analysis.gap.territory_no_local_support_covered")
    assert evidence["covering"] == ["g"]


def test_without_a_table_the_same_workspace_reads_as_before() -> None:
    gaps = _territory_gaps(_funder_case(R.FUNDS, nested=False))
    severity, key, evidence = gaps[("territory.no_local_funder", "A")]
    assert (severity, key) == ("medium", "analysis.gap.territory_no_local_funder_none")
    assert evidence == {"projects": ["pa"], "from_elsewhere": []}


def test_a_local_funder_does_not_cover_a_sibling_mrc() -> None:
    ds = _ds(
        (Actor("l", "Local fund", Sector.PUBLIC, territory="B"),
         Actor("c", "Carrier", Sector.COMMUNITY, territory="A")),
        (Project("pa", "In A", Stage.MOBILIZATION, territory="A"),
         Project("pb", "In B", Stage.MOBILIZATION, territory="B")),
        (Relation("l", "pb", R.FUNDS), Relation("c", "pa", R.CARRIES)))
    severity, key, evidence = _territory_gaps(ds)[("territory.no_local_funder", "A")]
    assert (severity, key) == ("medium", "analysis.gap.territory_no_local_funder_none")
    assert evidence["covering"] == []
    assert ("territory.no_local_funder", "B") not in _territory_gaps(ds)


def test_an_actor_of_a_municipality_is_based_in_its_mrc_and_region() -> None:
    ds = _ds(
        (Actor("l", "Town fund", Sector.PUBLIC, territory="M"),),
        (Project("pa", "In A", Stage.MOBILIZATION, territory="A"),
         Project("pr", "In R", Stage.MOBILIZATION, territory="R")),
        (Relation("l", "pa", R.FUNDS),))
    codes = {(g.code, g.subject) for g in territory_gaps(EcosystemGraph(ds))}
    assert ("territory.no_local_funder", "A") not in codes
    assert ("territory.no_local_funder", "R") not in codes
    flat = {(g.code, g.subject) for g in territory_gaps(EcosystemGraph(
        _ds(ds.actors, ds.projects, ds.relations, nested=False)))}
    assert {("territory.no_local_funder", "A"), ("territory.no_local_funder", "R")} <= flat


def test_a_region_gap_counts_the_projects_within_it() -> None:
    ds = _ds(
        (Actor("x", "Elsewhere", Sector.PUBLIC, territory="S", scope=Scope.REGIONAL),),
        (Project("pr", "In R", Stage.EMERGENCE, territory="R"),
         Project("pm", "In M", Stage.EMERGENCE, territory="M")),
        (Relation("x", "pm", R.FUNDS),))
    severity, key, evidence = _territory_gaps(ds)[("territory.no_local_funder", "R")]
    assert evidence == {"projects": ["pm", "pr"], "from_elsewhere": ["x"], "covering": []}
    assert (severity, key) == ("low", "analysis.gap.territory_no_local_funder_active")


def test_can_act_follows_the_nesting() -> None:
    tree = TerritoryTree(Dataset(territories=TERRITORIES))
    regional_r = Actor("g", "G", Sector.PUBLIC, territory="R", scope=Scope.REGIONAL)
    regional_a = Actor("h", "H", Sector.PUBLIC, territory="A", scope=Scope.REGIONAL)
    local_a = Actor("l", "L", Sector.PUBLIC, territory="A")
    local_r = Actor("k", "K", Sector.PUBLIC, territory="R")
    provincial = Actor("q", "Q", Sector.PUBLIC, territory="S", scope=Scope.PROVINCIAL)
    assert [can_act(regional_r, t, tree) for t in ("A", "B", "M", "S")] == [
        True, True, True, False]
    assert [can_act(regional_a, t, tree) for t in ("B", "R", "S")] == [True, True, False]
    assert [can_act(local_a, t, tree) for t in ("A", "M", "B", "R")] == [
        True, True, False, False]
    assert [can_act(local_r, t, tree) for t in ("A", "B", "S")] == [True, True, False]
    assert can_act(provincial, "A", tree)
    # An undeclared territory, or no table: the flat rule.
    assert can_act(regional_r, "Elsewhere", tree)
    assert not can_act(local_a, "Elsewhere", tree)
    assert can_act(regional_r, "S")
    assert not can_act(local_a, "M")


def _proposal_case(nested: bool) -> Dataset:
    """A local funder of A and a regional funder of region S fund food projects; food
    projects in M (within A) and in B need a funder."""
    return _ds(
        (Actor("l", "Local fund", Sector.PUBLIC, territory="A"),
         Actor("s", "Other region fund", Sector.PHILANTHROPIC, territory="S",
               scope=Scope.REGIONAL),
         Actor("c", "Carrier", Sector.COMMUNITY, territory="A")),
        (Project("q", "Food A", Stage.MOBILIZATION, themes=("food",), territory="A"),
         Project("pm", "Food M", Stage.MOBILIZATION, themes=("food",), territory="M"),
         Project("pb", "Food B", Stage.MOBILIZATION, themes=("food",), territory="B")),
        (Relation("l", "q", R.FUNDS), Relation("s", "q", R.FUNDS),
         Relation("c", "q", R.CARRIES), Relation("c", "pm", R.CARRIES),
         Relation("c", "pb", R.CARRIES)), nested=nested)


def _fund_pairs(ds: Dataset) -> set[tuple[str, str]]:
    graph = EcosystemGraph(ds)
    return {(o.source, o.target)
            for o in project_opportunities(graph, "fund", find_gaps(graph))}


def test_proposals_follow_the_nesting() -> None:
    nested = _fund_pairs(_proposal_case(nested=True))
    # The local funder of A acts in M (within A), not in the sibling B; the regional
    # funder of another region acts in neither.
    assert nested == {("l", "pm")}
    # Without the table: the local funder nowhere else, the regional one anywhere.
    assert _fund_pairs(_proposal_case(nested=False)) == {("s", "pm"), ("s", "pb")}


def test_the_nesting_survives_every_workspace_form(tmp_path: Path) -> None:
    ds = _funder_case(R.FUNDS, nested=True)
    expected = _territory_gaps(ds)
    for suffix in ("", ".xlsx", ".json"):
        out = tmp_path / f"ws{suffix}"
        write_workspace(ds, out)
        assert _territory_gaps(load_workspace(out)) == expected
