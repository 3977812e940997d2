"""Communities (seeded, stable ids, labels) and the summary figures."""

from __future__ import annotations

import networkx as nx
import pytest

from graphmap.analysis.communities import find_communities, modularity_partition
from graphmap.analysis.summary import herfindahl, summarize
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.graph import to_networkx

from .conftest import actor, dataset, project, rel


def test_partition_is_a_partition_with_stable_order_and_good_modularity(example):
    graph = EcosystemGraph(example)
    g = to_networkx(graph)
    parts = modularity_partition(graph, seed=42, resolution=1.0)
    assert sorted(n for part in parts for n in part) == sorted(g.nodes())
    assert [len(p) for p in parts] == sorted((len(p) for p in parts), reverse=True)
    assert all(part == sorted(part) for part in parts)
    assert nx.community.modularity(g, [set(p) for p in parts]) > 0.5
    assert modularity_partition(graph, seed=42, resolution=1.0) == parts


def test_community_detection_does_not_touch_the_global_random_state(example):
    import random

    random.seed(99)
    expected = random.random()
    random.seed(99)
    find_communities(EcosystemGraph(example))
    assert random.random() == expected


def test_communities_are_labelled_by_dominant_sector_and_territory():
    ds = dataset([actor("a", "public", territory="T"), actor("b", "public", territory="U"),
                  actor("c", "media", territory="T")], [project("p", territory="U")],
                 [rel("a", "carries", "p"), rel("b", "funds", "p"), rel("c", "supports", "p")])
    (community,) = find_communities(EcosystemGraph(ds))
    assert community.id == 0
    assert community.members == ("a", "b", "c", "p")
    assert community.dominant_sector == "public"
    assert community.dominant_territory == "T"  # T: a, c; U: b, p → tie broken by name
    assert community.label.render("fr") == "public · T"


def test_ids_follow_size_then_smallest_member(example):
    communities = find_communities(EcosystemGraph(example))
    assert [c.id for c in communities] == list(range(len(communities)))
    keys = [(-len(c.members), c.members[0]) for c in communities]
    assert keys == sorted(keys)
    singles = [c for c in communities if len(c.members) == 1]
    assert [c.members[0] for c in singles] == ["plume-argenteuil", "rachel-caron"]
    seeded = find_communities(EcosystemGraph(example), AnalysisConfig(seed=42))
    assert seeded == communities


def test_summary_counts_and_funding(example):
    s = summarize(EcosystemGraph(example))
    assert (s["actors"], s["projects"], s["relations"]) == (104, 30, 316)
    assert s["components"] == 4  # main, the Ferme-Neuve island, two isolated actors
    assert s["isolated_actors"] == 2
    assert s["component_sizes"][1:] == [5, 1, 1]
    g = to_networkx(EcosystemGraph(example))
    assert s["density"] == pytest.approx(nx.density(g))
    funding = s["funding"]
    amounts = [r.amount for r in example.relations if r.type.value == "funds" and r.amount]
    assert funding["total"] == pytest.approx(sum(amounts))
    assert sum(funding["by_funder"].values()) == pytest.approx(funding["total"])
    to_projects = sum(r.amount for r in example.relations
                      if r.type.value == "funds" and r.amount and r.target in
                      example.project_by_id)
    assert sum(funding["by_territory"].values()) == pytest.approx(to_projects)
    assert sum(funding["by_stage"].values()) == pytest.approx(to_projects)
    assert 0 < funding["hhi"] < 1
    assert s["sector_diversity"]["p-club-marche-aines"] == 2
    assert list(s["projects_by_stage"]) == ["emergence", "mobilization", "feedback",
                                            "appropriation"]


def test_herfindahl_hirschman_index():
    assert herfindahl({"a": 25.0, "b": 25.0, "c": 25.0, "d": 25.0}) == pytest.approx(0.25)
    assert herfindahl({"a": 90.0, "b": 10.0}) == pytest.approx(0.82)
    assert herfindahl({"a": 0.0}) is None


def test_summary_of_an_empty_workspace():
    s = summarize(EcosystemGraph(dataset()))
    assert s["components"] == 0
    assert s["density"] == 0.0
    assert s["funding"]["hhi"] is None
    assert s["mean_sector_diversity"] is None
