"""Betweenness, constraint and effective size on the igraph kernel equal networkx, the
reference model, on small, random and example graphs."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from graphmap.analysis import kernel
from graphmap.analysis.brokers import find_brokers, structural_measures
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.graph import to_networkx

from .conftest import dataset_of


def _graphs():
    yield "path", nx.path_graph(5)
    yield "star+isolated", nx.compose(nx.star_graph(4), nx.empty_graph(range(5, 7)))
    yield "karate", nx.karate_club_graph()
    yield "barbell", nx.barbell_graph(5, 2)
    for seed in range(4):
        yield f"gnp{seed}", nx.gnp_random_graph(60, 0.08, seed=seed)
        yield f"ba{seed}", nx.barabasi_albert_graph(80, 2, seed=seed)


GRAPHS = list(_graphs())


def _named(g: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(g, {v: f"n{v:03d}" for v in g})


def measures_of(g: nx.Graph, config: AnalysisConfig | None = None):
    """Our measures on a workspace whose ``G_u`` is ``g``."""
    return structural_measures(EcosystemGraph(dataset_of(g)), config)


def _compare(ours: dict, reference: dict) -> None:
    assert set(ours) == set(reference)
    for node, expected in reference.items():
        if expected is None or (isinstance(expected, float) and math.isnan(expected)):
            assert ours[node] is None, node
        else:
            assert ours[node] == pytest.approx(expected, rel=1e-9, abs=1e-12), node


@pytest.mark.parametrize(("name", "graph"), GRAPHS, ids=[n for n, _ in GRAPHS])
def test_kernel_equals_networkx(name, graph):
    g = _named(graph)
    m = measures_of(g)
    assert m.betweenness_meta["approximate"] is False
    _compare(m.betweenness, nx.betweenness_centrality(g, normalized=True))
    _compare(m.constraint, nx.constraint(g))
    _compare(m.effective_size, nx.effective_size(g))


def test_kernel_equals_networkx_on_the_example(example):
    graph = EcosystemGraph(example)
    g = to_networkx(graph)
    m = structural_measures(graph)
    _compare(m.betweenness, nx.betweenness_centrality(g, normalized=True))
    _compare(m.constraint, nx.constraint(g))
    _compare(m.effective_size, nx.effective_size(g))


def test_isolated_actors_get_betweenness_zero_and_undefined_holes(example):
    brokers = {b.id: b for b in find_brokers(EcosystemGraph(example)).brokers}
    lone = brokers["rachel-caron"]
    # networkx, igraph and sna give an isolated node betweenness 0; Burt's measures are
    # undefined without a contact.
    assert (lone.betweenness, lone.constraint, lone.effective_size) == (0.0, None, None)
    assert not lone.brokers
    for b in brokers.values():
        for value in (b.betweenness, b.constraint, b.effective_size):
            assert value is None or math.isfinite(value)


def test_brokers_rank_every_actor_by_betweenness_then_brokerage_then_id(example):
    brokers = find_brokers(EcosystemGraph(example)).brokers
    assert {b.id for b in brokers} == {a.id for a in example.actors}
    assert [b.rank for b in brokers] == list(range(1, len(brokers) + 1))
    keys = [(-b.betweenness, -b.brokerage.total, b.id) for b in brokers]
    assert keys == sorted(keys)
    # Every actor that brokers comes before every actor that does not.
    flags = [b.brokers for b in brokers]
    assert flags == sorted(flags, reverse=True)


def test_sampled_betweenness_is_seeded_flagged_and_within_its_bound():
    g = _named(nx.barabasi_albert_graph(600, 2, seed=3))
    exact = nx.betweenness_centrality(g)
    config = AnalysisConfig(exact_betweenness_max_nodes=100, betweenness_epsilon=0.02, seed=5)
    first = measures_of(g, config)
    again = measures_of(g, config)
    assert first.betweenness == again.betweenness
    meta = first.betweenness_meta
    assert meta["approximate"] is True
    assert meta["method"] == "kadabra"
    assert meta["sample_size"] > 0
    assert meta["error_bound"] == pytest.approx(0.02 * 600 / 598)
    errors = [abs(first.betweenness[v] - exact[v]) for v in g]
    assert max(errors) <= meta["error_bound"]
    top = sorted(g, key=lambda v: (-exact[v], v))[:10]
    top_sampled = sorted(g, key=lambda v: (-first.betweenness[v], v))[:10]
    assert len(set(top) & set(top_sampled)) >= 8
    other = measures_of(g, config.replace(seed=6))
    assert other.betweenness != first.betweenness


def test_the_exact_limit_chooses_the_method():
    g = _named(nx.gnp_random_graph(40, 0.1, seed=1))
    compiled = EcosystemGraph(dataset_of(g))
    graph, order = compiled.igraph(), compiled.ids
    settings = {"epsilon": 0.05, "delta": 0.1, "seed": 42}
    full = kernel.betweenness(graph, exact_max_nodes=40, **settings)
    assert full.approximate is False
    reference = nx.betweenness_centrality(g)
    assert np.allclose(full.values, [reference[v] for v in order])
    assert kernel.betweenness(graph, exact_max_nodes=39, **settings).method == "kadabra"


def test_effective_size_never_builds_a_dense_matrix_on_a_large_sparse_graph():
    import igraph as ig

    g = nx.barabasi_albert_graph(30_000, 2, seed=1)
    graph = ig.Graph(n=g.number_of_nodes(), edges=list(g.edges()))
    sizes = kernel.effective_size(graph)
    assert sizes.shape == (30_000,)
    assert np.isfinite(sizes).all()


@pytest.mark.parametrize("seed", range(6))
def test_constraint_from_triangles_equals_igraph_walk(seed):
    """The triangle formula of kernel.constraint gives what igraph's own
    ``Graph.constraint`` (the walk over two-step paths it replaced) gives, on graphs with
    hubs, many triangles, isolated nodes and a two-node component."""
    import igraph as ig

    rng = np.random.default_rng(seed)
    # Heavy-tailed degrees: endpoints drawn with weights 1/(rank+1), plus a dense corner.
    weights = 1.0 / np.arange(1, 401)
    ends = rng.choice(400, size=(1500, 2), p=weights / weights.sum())
    corner = [(a, b) for a in range(10) for b in range(a + 1, 10)]
    g = ig.Graph(n=400, edges=[tuple(e) for e in ends.tolist()] + corner)
    g.add_vertices(3)
    g.add_edges([(400, 401)])
    g.simplify()
    ours = kernel.constraint(g)
    walked = np.asarray(g.constraint(), dtype=float)
    lone = np.asarray(g.degree()) == 0
    assert lone.any()
    assert np.isnan(ours[lone]).all()
    np.testing.assert_allclose(ours[~lone], walked[~lone], rtol=1e-12, atol=0)
    assert ours[400] == ours[401] == 1.0
