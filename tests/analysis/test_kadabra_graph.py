"""KADABRA's sampled paths depend on the order networkit lists each node's neighbours.
The networkit graph is built from the compiled edges as the rows of a CSR matrix
(``GraphFromCsr``) when their first ends are in order: every node's neighbours come in
the order ``Graph.addEdges`` gives them, and KADABRA's values are the same to the last
bit, on generated ecosystems and on the example; an edge list out of order takes
``addEdges`` itself."""

from __future__ import annotations

import networkit as nk
import numpy as np
import pytest

from graphmap.analysis import kernel
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

from .conftest import EXAMPLE


def _by_add_edges(n: int, edges: np.ndarray):
    graph = nk.Graph(n, weighted=False, directed=False)
    pairs = edges.astype(np.uint64)
    graph.addEdges((np.ascontiguousarray(pairs[:, 0]), np.ascontiguousarray(pairs[:, 1])))
    return graph


def _neighbours(graph, n: int) -> list[list[int]]:
    return [list(graph.iterNeighbors(u)) for u in range(n)]


def _kadabra_scores(graph) -> tuple[list[float], int]:
    nk.setSeed(42, False)
    sampler = nk.centrality.KadabraBetweenness(graph, 0.05, 0.1, False, 0, 0,
                                               kernel.START_FACTOR)
    sampler.run()
    return sampler.scores(), sampler.getNumberOfIterations()


@pytest.fixture
def one_thread():
    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    yield
    nk.setNumberOfThreads(threads)


@pytest.mark.parametrize("source", ["gen-2000", "gen-600", "example"])
def test_the_csr_graph_lists_neighbours_as_add_edges_and_kadabra_agrees(source, one_thread):
    if source == "example":
        graph = EcosystemGraph(load_workspace(EXAMPLE))
    else:
        size = int(source.split("-")[1])
        graph = EcosystemGraph(generate_dataset(size, size // 4, size * 5, seed=size))
    n, edges = graph.node_count, np.asarray(graph.edges)
    assert np.all(edges[1:, 0] >= edges[:-1, 0])  # the compiled order the fast path needs
    built = kernel._networkit_graph(nk, n, edges)
    reference = _by_add_edges(n, edges)
    assert built.numberOfEdges() == reference.numberOfEdges() == len(edges)
    assert _neighbours(built, n) == _neighbours(reference, n)
    assert _kadabra_scores(built) == _kadabra_scores(reference)


def test_an_edge_list_out_of_order_is_added_edge_by_edge(one_thread):
    edges = np.array([[2, 3], [0, 2], [1, 3], [0, 1]])
    built = kernel._networkit_graph(nk, 5, edges)
    assert _neighbours(built, 5) == [[2, 1], [3, 0], [3, 0], [2, 1], []]
    assert _neighbours(built, 5) == _neighbours(_by_add_edges(5, edges), 5)
