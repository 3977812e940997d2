"""One hand-built workspace per gap rule: each rule fires exactly when it should,
including at the stage boundaries (stages are cumulative), and not otherwise."""

from __future__ import annotations

import pytest

from graphmap.analysis.gaps import GAP_CODES, find_gaps
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph

from .conftest import actor, dataset, project, rel


def gaps_of(ds, config=None):
    return find_gaps(EcosystemGraph(ds), config)

STAGES = ["emergence", "mobilization", "feedback", "appropriation"]


def codes_for(ds, subject, config=None):
    return [g.code for g in gaps_of(ds, config) if g.subject == subject]


def complete_project(stage: str, **changes):
    """A project with everything every stage needs: carrier, two funders, support,
    adopter, four sectors. ``changes`` drop roles (``drop=("funds",)``) or sectors."""
    drop = set(changes.get("drop", ()))
    actors = [actor("carrier", "community"), actor("fund1", "public"),
              actor("fund2", "philanthropic"), actor("helper", "academic"),
              actor("user", "social_economy")]
    relations = [rel("carrier", "carries", "p"), rel("fund1", "funds", "p"),
                 rel("fund2", "funds", "p"), rel("helper", "supports", "p"),
                 rel("user", "adopts", "p")]
    relations = [r for r in relations if r.type.value not in drop
                 and r.source not in drop]
    return dataset(actors, [project("p", stage)], relations)


@pytest.mark.parametrize("stage", STAGES)
def test_a_complete_project_has_no_gap_at_any_stage(stage):
    assert codes_for(complete_project(stage), "p") == []


@pytest.mark.parametrize("stage", STAGES)
def test_no_carrier_fires_at_every_stage(stage):
    assert codes_for(complete_project(stage, drop=("carries",)), "p") == ["project.no_carrier"]


@pytest.mark.parametrize(("stage", "fires"), [("emergence", False), ("mobilization", True),
                                              ("feedback", True), ("appropriation", True)])
def test_no_funder_from_mobilization_on(stage, fires):
    ds = complete_project(stage, drop=("funds",))
    expected = ["project.no_funder"] if fires else []
    # Dropping both funders also drops two sectors: 3 remain (community, academic, social
    # economy), so diversity stays met.
    assert codes_for(ds, "p") == expected


@pytest.mark.parametrize(("stage", "fires"), [("emergence", False), ("mobilization", False),
                                              ("feedback", True), ("appropriation", True)])
def test_single_funder_from_feedback_on(stage, fires):
    ds = complete_project(stage, drop=("fund2",))
    gaps = [g for g in gaps_of(ds) if g.subject == "p"]
    assert [g.code for g in gaps] == (["project.single_funder"] if fires else [])
    if fires:
        assert gaps[0].evidence == {"stage": stage, "funder": "fund1"}
        assert gaps[0].severity == "medium"


def test_two_funding_rows_of_one_funder_are_still_a_single_funder():
    ds = complete_project("feedback", drop=("fund2",))
    ds = dataset(ds.actors, ds.projects, [*ds.relations, rel("fund1", "funds", "p", 5.0)])
    assert codes_for(ds, "p") == ["project.single_funder"]


@pytest.mark.parametrize(("stage", "fires"), [("emergence", False), ("mobilization", True),
                                              ("feedback", True), ("appropriation", True)])
def test_no_support_from_mobilization_on(stage, fires):
    ds = complete_project(stage, drop=("supports",))
    assert codes_for(ds, "p") == (["project.no_support"] if fires else [])


@pytest.mark.parametrize(("stage", "fires"), [("emergence", False), ("mobilization", False),
                                              ("feedback", True), ("appropriation", True)])
def test_no_adopter_from_feedback_on(stage, fires):
    ds = complete_project(stage, drop=("adopts",))
    assert codes_for(ds, "p") == (["project.no_adopter"] if fires else [])


def test_benefits_counts_as_an_adopter():
    ds = complete_project("appropriation", drop=("adopts",))
    ds = dataset([*ds.actors, actor("citizen", "citizen", category="individual")],
                 ds.projects, [*ds.relations, rel("citizen", "benefits", "p")])
    assert codes_for(ds, "p") == []


def _diverse(stage: str, sectors: list[str]):
    actors = [actor(f"a{i}", s) for i, s in enumerate(sectors)]
    relations = [rel("a0", "carries", "p")]
    relations += [rel(a.id, "funds", "p") for a in actors[1:]]
    relations += [rel("a0", "supports", "p"), rel("a0", "adopts", "p")]
    # Two funders from different actors so single_funder never interferes.
    actors += [actor("extra", sectors[0])]
    relations += [rel("extra", "funds", "p")]
    return dataset(actors, [project("p", stage)], relations)


@pytest.mark.parametrize(("stage", "sectors", "fires"), [
    ("emergence", ["community"], False),
    ("mobilization", ["community", "public"], True),
    ("mobilization", ["community", "public", "media"], False),
    ("feedback", ["community", "community", "public"], True),
    ("appropriation", ["community", "public", "media", "academic"], False),
])
def test_low_diversity_counts_distinct_sectors_from_mobilization_on(stage, sectors, fires):
    gaps = [g for g in gaps_of(_diverse(stage, sectors)) if g.subject == "p"]
    assert [g.code for g in gaps] == (["project.low_diversity"] if fires else [])
    if fires:
        distinct = sorted(set(sectors))
        assert gaps[0].evidence["sectors"] == distinct
        assert gaps[0].evidence["sector_count"] == len(distinct)
        assert gaps[0].evidence["min_sectors"] == 3


def test_min_sectors_comes_from_the_config():
    ds = _diverse("mobilization", ["community", "public", "media"])
    assert codes_for(ds, "p", AnalysisConfig(min_sectors=4)) == ["project.low_diversity"]
    assert codes_for(ds, "p", AnalysisConfig(min_sectors=3)) == []


def test_an_empty_project_at_each_stage_gets_exactly_the_cumulative_gaps():
    expected = {
        "emergence": ["project.no_carrier"],
        "mobilization": ["project.no_carrier", "project.no_funder", "project.no_support",
                         "project.low_diversity"],
        "feedback": ["project.no_carrier", "project.no_funder", "project.no_adopter",
                     "project.no_support", "project.low_diversity"],
    }
    expected["appropriation"] = expected["feedback"]
    for stage, codes in expected.items():
        ds = dataset([], [project("p", stage)], [])
        assert codes_for(ds, "p") == codes, stage


def _territories(**extra):
    actors = [actor("loc", "community", territory="T"), actor("far", "public",
                                                              territory="U", scope="regional"),
              actor("other", "community", territory="U")]
    relations = [rel("loc", "carries", "p"), rel("far", "funds", "p"),
                 rel("other", "supports", "q")]
    for source, type_, target in extra.get("add", ()):
        relations.append(rel(source, type_, target))
    return dataset(actors, [project("p", territory="T"), project("q", territory="U")],
                   relations)


def test_territory_without_local_funder_or_support():
    found = [g for g in gaps_of(_territories()) if g.subject_kind == "territory"]
    # Reported by severity: no support at all (medium) before funders from elsewhere (low).
    assert [(g.code, g.subject) for g in found] == [
        ("territory.no_local_support", "T"), ("territory.no_local_funder", "T")]
    gaps = found[::-1]
    assert gaps[0].evidence == {"projects": ["p"], "from_elsewhere": ["far"]}
    assert gaps[1].evidence == {"projects": ["p"], "from_elsewhere": []}
    # Facts without blame: a funder based elsewhere is active in T (lower severity, named);
    # no support partner at all is (the rule's own severity).
    assert [g.severity for g in gaps] == ["low", "medium"]
    assert gaps[0].message.render("en") == (
        "Territory T: 1 project; no funder is based there, but funders based elsewhere "
        "fund projects there: FAR.")
    assert gaps[1].message.render("en") == (
        "Territory T: 1 project, and no support partner is active there: nobody supports it.")
    # U: "far" (located in U) funds something and "other" supports something.


def test_a_local_actor_funding_or_supporting_anything_anywhere_clears_the_territory():
    ds = _territories(add=[("loc", "funds", "q"), ("loc", "supports", "other")])
    assert [g for g in gaps_of(ds) if g.subject_kind == "territory"] == []


def test_a_territory_without_projects_has_no_territory_gap():
    ds = dataset([actor("a", territory="Nowhere"), actor("b")], [],
                 [rel("a", "collaborates", "b")])
    assert gaps_of(ds) == ()


def test_isolated_actor_only_without_any_relation():
    ds = dataset([actor("lone", "media", territory="T"), actor("a"), actor("b")], [],
                 [rel("a", "member_of", "b")])
    gaps = gaps_of(ds)
    assert [(g.code, g.subject, g.severity) for g in gaps] == [
        ("actor.isolated", "lone", "low")]
    assert gaps[0].evidence == {"sector": "media", "territory": "T"}


def test_fragmented_only_with_two_components_holding_projects():
    ds = dataset([actor("a"), actor("b"), actor("c")], [project("p"), project("q")],
                 [rel("a", "carries", "p"), rel("b", "carries", "q"), rel("b", "carries", "p")])
    assert [g.code for g in gaps_of(ds) if g.subject_kind == "ecosystem"] == []
    ds = dataset([actor("a"), actor("b"), actor("c")], [project("p"), project("q")],
                 [rel("a", "carries", "p"), rel("b", "carries", "q"),
                  rel("c", "collaborates", "b")])
    gaps = [g for g in gaps_of(ds) if g.subject_kind == "ecosystem"]
    assert [(g.code, g.subject) for g in gaps] == [("ecosystem.fragmented", "ecosystem")]
    assert gaps[0].evidence == {"components": 2, "sizes": [3, 2],
                                "example_projects": ["q", "p"]}
    # An isolated actor is a component without a project: not fragmentation.
    ds = dataset([actor("a"), actor("z")], [project("p")], [rel("a", "carries", "p")])
    assert [g.code for g in gaps_of(ds)] == ["actor.isolated"]


def test_every_gap_has_a_known_code_severity_and_both_languages(example):
    for gap in gaps_of(example):
        if gap.subject_kind == "territory" and gap.evidence["from_elsewhere"]:
            assert gap.severity == "low"  # actors based elsewhere are active there
        else:
            assert gap.severity == GAP_CODES[gap.code]
        for lang in ("fr", "en"):
            assert gap.message.render(lang)
            assert gap.remedy.render(lang)
    french = next(g for g in gaps_of(example) if g.code == "project.single_funder")
    assert "rétroaction" in french.message.render("fr") + french.remedy.render("fr")


def test_gaps_are_sorted_by_severity_then_code_order_then_subject(example):
    gaps = gaps_of(example)
    order = list(GAP_CODES)
    keys = [(["high", "medium", "low"].index(g.severity), order.index(g.code), g.subject)
            for g in gaps]
    assert keys == sorted(keys)


def test_no_adopter_remedy_follows_the_stage():
    remedies = {}
    for stage in ("feedback", "appropriation"):
        (gap,) = [g for g in gaps_of(complete_project(stage, drop=("adopts",)))
                  if g.subject == "p"]
        remedies[stage] = gap.remedy.render("fr")
    assert remedies["feedback"].startswith("Dès la rétroaction")
    assert remedies["appropriation"].startswith("À l'appropriation")
