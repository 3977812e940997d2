"""Opportunities: scores, scope, no existing tie, bounds, and sparse link prediction equal
to networkx's resource allocation / Adamic–Adar indices."""

from __future__ import annotations

import dataclasses
import itertools
import random

import networkx as nx
import pytest

from graphmap.analysis import collaboration, gaps, introducers, opportunities, proposals
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph

from .conftest import actor, dataset, project, rel
from .test_views import oracle_flow, oracle_undirected

# The analyses on a Dataset, compiled each time (the tests build many small ones).


def find_gaps(ds, config=None):
    return gaps.find_gaps(EcosystemGraph(ds), config)


def collaborate_opportunities(ds, config=None, **options):
    return collaboration.collaborate_opportunities(EcosystemGraph(ds), config, **options)


def project_opportunities(ds, kind, found_gaps, config=None):
    return proposals.project_opportunities(EcosystemGraph(ds), kind, found_gaps, config)


def find_opportunities(ds, found_gaps, config=None):
    return opportunities.find_opportunities(EcosystemGraph(ds), found_gaps, config)


def find_introducer(ds, source, target, importance=None):
    return introducers.find_introducer(EcosystemGraph(ds), source, target, importance)


def _random_ecosystem(seed: int, n_actors: int = 60, n_projects: int = 25):
    rng = random.Random(seed)
    sectors = ["public", "community", "academic", "media", "philanthropic"]
    places = ["T1", "T2", "T3"]
    actors = [actor(f"a{i:02d}", rng.choice(sectors), territory=rng.choice(places),
                    scope=rng.choice(["local", "local", "regional"])) for i in range(n_actors)]
    projects = [project(f"p{i:02d}", rng.choice(["emergence", "mobilization", "feedback"]),
                        territory=rng.choice(places),
                        themes=tuple(rng.sample(["food", "housing", "youth"], 1)))
                for i in range(n_projects)]
    relations, seen = [], set()
    for _ in range(150):
        a = rng.choice(actors).id
        if rng.random() < 0.8:
            t = rng.choice(projects).id
            kind = rng.choice(["carries", "funds", "supports", "adopts"])
        else:
            t = rng.choice(actors).id
            kind = rng.choice(["collaborates", "member_of", "funds"])
        if a != t and (a, t) not in seen and (t, a) not in seen:
            seen.add((a, t))
            relations.append(rel(a, kind, t))
    return dataset(actors, projects, relations)


def _reference_scores(ds, index):
    g = oracle_undirected(ds)
    f = oracle_flow(ds)
    actor_ids = [a.id for a in ds.actors]
    pairs = [(u, v) for u, v in itertools.combinations(actor_ids, 2)
             if not g.has_edge(u, v) and not f.has_edge(u, v) and not f.has_edge(v, u)]
    function = {"resource_allocation": nx.resource_allocation_index,
                "adamic_adar": nx.adamic_adar_index}[index]
    return {tuple(sorted((u, v))): s for u, v, s in function(g, list(pairs)) if s > 0}


@pytest.mark.parametrize("index", ["resource_allocation", "adamic_adar"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_collaborate_scores_equal_networkx_link_prediction(seed, index):
    ds = _random_ecosystem(seed)
    # Everyone regional so scope never filters; unlimited so every pair is kept.
    ds = dataset([dataclasses.replace(a, scope=a.scope.__class__("regional"))
                  for a in ds.actors], ds.projects, ds.relations)
    config = AnalysisConfig(collaborations_per_actor=1000, max_opportunities_per_kind=0,
                            link_prediction=index)
    ours = {(o.source, o.target): o.score
            for o in collaborate_opportunities(ds, config, block_size=7)}
    reference = _reference_scores(ds, index)
    assert set(ours) == set(reference)
    for pair, score in reference.items():
        assert ours[pair] == pytest.approx(score, abs=1e-6)


def test_collaborate_keeps_the_best_partners_per_actor_ties_by_id():
    # Hub project h with a, b, c, d: every pair scores 1/4; each actor keeps 1 partner,
    # the smallest id (b, c and d all keep a; a keeps b).
    ds = dataset([actor(x, scope="regional") for x in "abcd"], [project("h")],
                 [rel(x, "supports", "h") for x in "abcd"])
    config = AnalysisConfig(collaborations_per_actor=1)
    assert [(o.source, o.target, o.score) for o in collaborate_opportunities(ds, config)] == [
        ("a", "b", 0.25), ("a", "c", 0.25), ("a", "d", 0.25)]


def test_collaborate_never_pairs_local_actors_of_different_territories():
    ds = dataset([actor("a", territory="T"), actor("b", territory="U"),
                  actor("c", territory="U", scope="regional")], [project("h")],
                 [rel(x, "supports", "h") for x in "abc"])
    pairs = [(o.source, o.target) for o in collaborate_opportunities(ds)]
    assert pairs == [("a", "c"), ("b", "c")]


def test_collaborate_skips_pairs_already_tied_directly_or_by_a_flow():
    ds = dataset([actor(x) for x in "fcs"], [project("p"), project("q")],
                 [rel("f", "funds", "p"), rel("c", "carries", "p"), rel("s", "supports", "p"),
                  rel("f", "funds", "q"), rel("s", "collaborates", "f")])
    # f→c and s→c are flows, s–f is a direct tie: nothing left to propose.
    assert collaborate_opportunities(ds) == []


def _funding_case():
    actors = [actor("carrier", "community", territory="T"),
              actor("loc-funder", "public", territory="T"),
              actor("far-local", "private", territory="U"),
              actor("regional", "philanthropic", territory="U", scope="regional"),
              actor("already", "public", territory="T")]
    projects = [project("p", "mobilization", territory="T", themes=("food",)),
                project("q", "mobilization", territory="U", themes=("food",)),
                project("r", "emergence", territory="T", themes=("housing",))]
    relations = [rel("carrier", "carries", "p"), rel("far-local", "funds", "q"),
                 rel("regional", "funds", "q"), rel("loc-funder", "funds", "r"),
                 rel("already", "supports", "p"), rel("already", "funds", "r")]
    return dataset(actors, projects, relations)


def test_fund_candidates_respect_scope_similarity_and_existing_ties():
    ds = _funding_case()
    found = project_opportunities(ds, "fund", find_gaps(ds))
    assert [(o.source, o.target) for o in found] == [("regional", "p"), ("loc-funder", "p")]
    regional, local = found
    # regional: same theme and stage as q (similarity 2/3), new sector → 0.6·2/3 + 0.2.
    assert regional.score == pytest.approx(0.6)
    # loc-funder: r shares the territory only (1/3), located in T; public is already
    # around p ("already" supports it) → 0.6·1/3 + 0.2.
    assert local.score == pytest.approx(0.4)
    assert [m.key for m in regional.reasons] == ["analysis.reason.fund_similar",
                                                 "analysis.reason.new_sector"]
    assert "food" in regional.reasons[0].render("en")
    assert [m.key for m in local.reasons] == ["analysis.reason.fund_similar",
                                              "analysis.reason.local"]


def test_opportunities_per_project_and_per_kind_bounds():
    ds = _funding_case()
    one = AnalysisConfig(opportunities_per_project=1)
    assert [(o.source, o.target) for o in project_opportunities(ds, "fund", find_gaps(ds), one)
            ] == [("regional", "p")]
    none = AnalysisConfig(max_opportunities_per_kind=1)
    assert len(project_opportunities(ds, "fund", find_gaps(ds), none)) == 1


def test_adopt_candidates_need_evidence_of_adoption_never_the_territory_alone():
    # org and elsewhere are public bodies (a kind that adopts practices), but neither knows
    # anyone tied to p; being located in p's territory is no evidence.
    ds = dataset([actor("c", territory="T"), actor("org", "public", territory="T"),
                  actor("person", "citizen", territory="T", category="individual"),
                  actor("elsewhere", "public", territory="U")],
                 [project("p", "feedback", territory="T")],
                 [rel("c", "carries", "p")])
    assert project_opportunities(ds, "adopt", find_gaps(ds)) == []
    # Once org collaborates with the carrier, it is tied nearby: a candidate.
    near = dataclasses.replace(ds, relations=(*ds.relations, rel("org", "collaborates", "c")))
    found = project_opportunities(near, "adopt", find_gaps(near))
    assert [(o.source, o.score, o.evidence) for o in found] == [("org", 0.4, "weak")]
    assert [m.key for m in found[0].reasons] == ["analysis.reason.adopter_kind_nearby",
                                                 "analysis.reason.local",
                                                 "analysis.reason.new_sector"]


def test_find_introducer_prefers_the_strongest_ties_then_betweenness_then_id():
    ds = dataset([actor(x) for x in "abmnk"], [project("p"), project("q")],
                 [rel("a", "collaborates", "m"), rel("m", "collaborates", "b"),
                  rel("n", "collaborates", "b"), rel("a", "collaborates", "n"),
                  rel("k", "carries", "p"), rel("a", "supports", "p"),
                  rel("k", "carries", "q")])
    assert find_introducer(ds, "a", "b") == ("m", ("a", "m", "b"))
    assert find_introducer(ds, "a", "b", {"n": 0.9, "m": 0.1}) == ("n", ("a", "n", "b"))
    # k carries q and shares p with a: it knows both (a through p).
    assert find_introducer(ds, "a", "q") == ("k", ("a", "k", "q"))


def test_find_introducer_knows_through_a_shared_project():
    ds = dataset([actor(x) for x in "abk"], [project("p")],
                 [rel("a", "supports", "p"), rel("b", "funds", "p"), rel("k", "carries", "p")])
    assert find_introducer(ds, "a", "b") == ("k", ("a", "k", "b"))
    lone = dataset([actor("a"), actor("z")], [], [])
    assert find_introducer(lone, "a", "z") == (None, ())


def test_opportunities_are_deterministic_and_sorted():
    ds = _random_ecosystem(5)
    first = find_opportunities(ds, find_gaps(ds))
    assert first == find_opportunities(ds, find_gaps(ds))
    kinds = [o.kind for o in first]
    assert kinds == sorted(kinds, key=["fund", "support", "adopt", "collaborate"].index)
    for kind in set(kinds):
        keys = [(-o.score, o.target, o.source) for o in first if o.kind == kind]
        assert keys == sorted(keys)


def test_a_core_funder_of_organisations_in_the_territory_is_a_fund_candidate():
    ds = dataset([actor("c", territory="T"), actor("fdn", "philanthropic", territory="T"),
                  actor("org", territory="T")],
                 [project("p", "mobilization", territory="T")],
                 [rel("c", "carries", "p"), rel("fdn", "funds", "org")])
    found = project_opportunities(ds, "fund", find_gaps(ds))
    assert [(o.source, o.score) for o in found] == [("fdn", 0.4)]


def test_collaborate_scope_rule_is_symmetric_for_unknown_territories():
    # Both local; "a" has no territory: "b" can act where "a" is (unknown place), so the
    # pair is allowed whichever row it comes from.
    ds = dataset([actor("a"), actor("b", territory="U")], [project("h")],
                 [rel("a", "supports", "h"), rel("b", "supports", "h")])
    assert [(o.source, o.target) for o in collaborate_opportunities(ds)] == [("a", "b")]
    ds = dataset([actor("b", territory="U"), actor("a")], [project("h")],
                 [rel("a", "supports", "h"), rel("b", "supports", "h")])
    assert [(o.source, o.target) for o in collaborate_opportunities(ds)] == [("a", "b")]
