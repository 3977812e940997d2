"""Betweenness with a bound: the exact kernel equals networkx, the KADABRA estimate is in
graphmap's normalization, within its bound, finds the exact top brokers on generated
ecosystems, and is the same on every run (threads, hash seeds, processes)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from graphmap.analysis import kernel
from graphmap.analysis.brokers import structural_measures
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset

SETTINGS = {"epsilon": 0.01, "delta": 0.1, "seed": 42}


def _igraph(g: nx.Graph) -> ig.Graph:
    g = nx.convert_node_labels_to_integers(g)
    return ig.Graph(n=g.number_of_nodes(), edges=list(g.edges()))


def _reference(g: nx.Graph) -> np.ndarray:
    g = nx.convert_node_labels_to_integers(g)
    values = nx.betweenness_centrality(g, normalized=True)
    return np.array([values[v] for v in range(g.number_of_nodes())])


SMALL = {
    "path": nx.path_graph(7),
    "tree": nx.balanced_tree(3, 3),
    "cycle": nx.cycle_graph(9),
    "bipartite": nx.complete_bipartite_graph(3, 5),
    "two components": nx.disjoint_union(nx.star_graph(5), nx.path_graph(6)),
    "isolated nodes": nx.compose(nx.path_graph(4), nx.empty_graph(range(4, 8))),
    "lollipop": nx.lollipop_graph(5, 4),
    "gnp": nx.gnp_random_graph(80, 0.06, seed=4),
}


@pytest.mark.parametrize("name", list(SMALL))
def test_exact_betweenness_equals_networkx(name):
    graph = SMALL[name]
    assert np.allclose(kernel.exact_betweenness(_igraph(graph)), _reference(graph),
                       rtol=1e-12, atol=1e-15)


def test_exact_betweenness_of_a_generated_ecosystem_equals_networkx():
    compiled = EcosystemGraph(generate_dataset(160, 40, 600, seed=3))
    from graphmap.model.graph import to_networkx

    reference = nx.betweenness_centrality(to_networkx(compiled), normalized=True)
    assert np.allclose(kernel.exact_betweenness(compiled.igraph()),
                       [reference[v] for v in compiled.ids], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", ["tree", "two components", "lollipop", "gnp"])
def test_kadabra_is_in_graphmap_normalization_and_within_its_bound(name):
    graph = SMALL[name]
    exact = _reference(graph)
    result = kernel.betweenness(_igraph(graph), exact_max_nodes=2, epsilon=0.01, delta=0.1,
                                seed=7)
    n = len(exact)
    assert result.method == "kadabra"
    assert result.approximate is True
    assert (result.epsilon, result.delta) == (0.01, 0.1)
    assert result.error_bound == pytest.approx(0.01 * n / (n - 2))
    assert np.abs(result.values - exact).max() <= result.error_bound
    # Unbiased scale: networkit's calibration paths are counted once, in both the hits
    # and the number of samples (uncorrected, the total is ~2 % too high).
    assert result.values.sum() == pytest.approx(exact.sum(), rel=0.01)


def test_graphs_without_a_path_inside_are_exact_zeros():
    # No node of degree 2: KADABRA's diameter bound is undefined there (it never stops).
    only_pairs = ig.Graph(n=10, edges=[(0, 1), (2, 3), (4, 5)])
    result = kernel.betweenness(only_pairs, exact_max_nodes=0, **SETTINGS)
    assert result.method == "exact"
    assert result.values.tolist() == [0.0] * 10
    for n in (0, 1, 2):
        assert kernel.betweenness(ig.Graph(n=n), exact_max_nodes=0, **SETTINGS).values.size == n


@pytest.mark.parametrize("seed", [1, 3])
def test_sampled_top_brokers_agree_with_exact_on_generated_ecosystems(seed):
    compiled = EcosystemGraph(generate_dataset(2000, 500, 10_000, seed=seed))
    graph, actors = compiled.igraph(), compiled.actor_count
    exact = kernel.exact_betweenness(graph)
    result = kernel.betweenness(graph, exact_max_nodes=100, **SETTINGS)
    assert result.method == "kadabra"
    assert np.abs(result.values - exact).max() <= result.error_bound

    def ranking(values: np.ndarray) -> np.ndarray:
        return np.lexsort((compiled.id_rank[:actors], -values[:actors]))

    by_exact, by_estimate = ranking(exact), ranking(result.values)
    assert len(set(by_exact[:10].tolist()) & set(by_estimate[:10].tolist())) >= 9
    assert len(set(by_exact[:20].tolist()) & set(by_estimate[:20].tolist())) >= 18
    # What the bound promises: whoever the estimate ranks in the top 20 is at most twice
    # the bound below the exact 20th.
    assert exact[by_estimate[:20]].min() >= exact[by_exact[19]] - 2 * result.error_bound


def test_meta_states_method_epsilon_delta_and_bound():
    compiled = EcosystemGraph(generate_dataset(400, 100, 2000, seed=5))
    config = AnalysisConfig(exact_betweenness_max_nodes=100, betweenness_epsilon=0.02,
                            betweenness_delta=0.05)
    meta = structural_measures(compiled, config).betweenness_meta
    n = compiled.node_count
    assert meta == {"method": "kadabra", "approximate": True, "nodes": n,
                    "exact_max_nodes": 100, "epsilon": 0.02, "delta": 0.05,
                    "error_bound": pytest.approx(0.02 * n / (n - 2)),
                    "sample_size": meta["sample_size"]}
    assert meta["sample_size"] > 1000
    exact_meta = structural_measures(compiled).betweenness_meta
    assert exact_meta == {"method": "exact", "approximate": False, "nodes": n,
                          "exact_max_nodes": 5000}


_DIGEST = """
import hashlib, sys
import networkit
from graphmap.analysis import kernel
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset
networkit.setNumberOfThreads(int(sys.argv[1]))
graph = EcosystemGraph(generate_dataset(600, 150, 3000, seed=2)).igraph()
result = kernel.betweenness(graph, exact_max_nodes=10, epsilon=0.02, delta=0.1, seed=9)
assert networkit.getMaxNumberOfThreads() == int(sys.argv[1])  # the caller's setting is kept
print(hashlib.sha256(result.values.tobytes()).hexdigest(), result.sample_size)
"""


def test_kadabra_is_the_same_across_runs_threads_and_hash_seeds():
    compiled = EcosystemGraph(generate_dataset(600, 150, 3000, seed=2))
    graph = compiled.igraph()
    first = kernel.betweenness(graph, exact_max_nodes=10, epsilon=0.02, delta=0.1, seed=9)
    again = kernel.betweenness(graph, exact_max_nodes=10, epsilon=0.02, delta=0.1, seed=9,
                               edges=compiled.edges)  # the compiled edges: same graph
    assert first.values.tobytes() == again.values.tobytes()
    expected = f"{hashlib.sha256(first.values.tobytes()).hexdigest()} {first.sample_size}"
    for threads, hash_seed in (("1", "0"), ("2", "12345"), ("2", "random")):
        out = subprocess.run([sys.executable, "-c", _DIGEST, threads], check=True,
                             capture_output=True, text=True,
                             env={**os.environ, "PYTHONHASHSEED": hash_seed})
        assert out.stdout.strip() == expected
    other = kernel.betweenness(graph, exact_max_nodes=10, epsilon=0.02, delta=0.1, seed=10)
    assert other.values.tobytes() != first.values.tobytes()
