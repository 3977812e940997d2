"""The Laurentides example: the exact list of gaps (examples/laurentides/README.md), every
gap code and opportunity kind, and the planted opportunities."""

from __future__ import annotations

import pytest

from graphmap.analysis.gaps import GAP_CODES
from graphmap.analysis.pipeline import analyze
from graphmap.analysis.proposals import can_act
from graphmap.analysis.report import OPPORTUNITY_KINDS
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.graph import to_networkx

from .conftest import EXAMPLE

EXPECTED_GAPS = [
    ("project.no_carrier", "p-epicerie-mobile"),
    ("project.no_funder", "p-frigos-solidaires"),
    ("project.no_funder", "p-numerique-aines"),
    ("project.no_adopter", "p-covoiturage-rural"),
    ("project.no_adopter", "p-repertoire-culturel"),
    ("project.single_funder", "p-cuisines-intergenerationnelles"),
    ("project.single_funder", "p-ressourcerie-mobile"),
    ("project.no_support", "p-jardins-collectifs"),
    ("project.low_diversity", "p-club-marche-aines"),
    ("project.low_diversity", "p-halte-garderie-lachute"),
    ("ecosystem.fragmented", "ecosystem"),
    # Funders (support partners) based elsewhere are active there: low severity.
    ("territory.no_local_funder", "Mirabel"),
    ("territory.no_local_support", "Argenteuil"),
    ("actor.isolated", "plume-argenteuil"),
    ("actor.isolated", "rachel-caron"),
]


@pytest.fixture(scope="module")
def report(example):
    return analyze(example)


def test_the_exact_list_of_gaps(report):
    assert [(g.code, g.subject) for g in report.gaps] == EXPECTED_GAPS


def test_the_gap_table_of_the_example_readme_matches(report):
    """The README's table (the example's own statement of what it plants) and the engine
    agree, so a change to either is seen."""
    import re

    text = (EXAMPLE / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_.]+)` \| `([^`]+)` \|", text, flags=re.MULTILINE)
    assert sorted(rows) == sorted((g.code, g.subject) for g in report.gaps)


def test_every_gap_code_and_opportunity_kind_occurs(report):
    assert {g.code for g in report.gaps} == set(GAP_CODES)
    assert {o.kind for o in report.opportunities} == set(OPPORTUNITY_KINDS)


def test_fragment_is_the_ferme_neuve_island(report):
    gap = next(g for g in report.gaps if g.code == "ecosystem.fragmented")
    assert gap.evidence["components"] == 2
    assert gap.evidence["sizes"][1] == 5
    assert "p-chauffage-biomasse" in gap.evidence["example_projects"]


def test_no_opportunity_proposes_an_existing_tie_and_all_respect_scope(example, report):
    graph = EcosystemGraph(example)
    g, f = to_networkx(graph), to_networkx(graph, "flow")
    actors = example.actor_by_id
    projects = example.project_by_id
    for o in report.opportunities:
        assert not g.has_edge(o.source, o.target), o
        source = actors[o.source]
        if o.kind == "collaborate":
            assert not f.has_edge(o.source, o.target)
            assert not f.has_edge(o.target, o.source)
            target = actors[o.target]
            assert can_act(source, target.territory) or can_act(target, source.territory)
        else:
            assert can_act(source, projects[o.target].territory), o


def test_planted_fund_opportunities(report):
    fund = [(o.source, o.target) for o in report.opportunities if o.kind == "fund"]
    assert ("entraide-unie", "p-frigos-solidaires") in fund
    local_funders = {"mrc-argenteuil", "fonds-essor-argenteuil", "ville-lachute"}
    assert local_funders & {s for s, t in fund if t == "p-numerique-aines"}
    assert all(s != "caisse-riviere-montagnes" for s, _ in fund)
    # Only regional, provincial or national funders may act in Mirabel.
    assert {t for _, t in fund} >= {"p-frigos-solidaires", "p-numerique-aines",
                                    "p-ressourcerie-mobile",
                                    "p-cuisines-intergenerationnelles"}


def test_planted_support_and_adopt_targets(report):
    assert {o.target for o in report.opportunities if o.kind == "support"} == {
        "p-jardins-collectifs", "p-club-marche-aines", "p-halte-garderie-lachute"}
    assert {o.target for o in report.opportunities if o.kind == "adopt"} == {
        "p-covoiturage-rural", "p-repertoire-culturel"}


def test_planted_collaborations(report):
    pairs = {(o.source, o.target) for o in report.opportunities if o.kind == "collaborate"}
    assert {("entraide-unie", "fondation-lac-montagnes"),
            ("heron-du-nord", "ville-saint-jerome"),
            ("association-intervenants", "carrefour-es")} <= pairs


def test_every_opportunity_has_reasons_a_path_and_an_introducer_on_it(report):
    for o in report.opportunities:
        assert o.reasons
        assert all(r.render("fr") and r.render("en") for r in o.reasons)
        assert o.path[0] == o.source
        assert o.path[-1] == o.target
        assert o.introducer is not None


def test_brokers_why_names_the_groups_bridged(report):
    hub = report.brokers[0]
    assert hub.id == "carrefour-es"
    assert hub.bridged_groups[0] == "social_economy"
    assert "économie sociale" in hub.why.render("fr")
    assert "social economy" in hub.why.render("en")
