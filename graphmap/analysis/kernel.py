"""Heavy structural measures on the compiled igraph kernel and sparse matrices.

Every function takes an igraph ``Graph`` (``EcosystemGraph.igraph()``, see
:mod:`graphmap.model.compiled`) and returns one value per vertex, in vertex order, which is
the compiled graph's node order; undefined values (isolated nodes) are NaN here and become
``None`` in the report. The settings are required arguments: their defaults live in
:class:`graphmap.config.AnalysisConfig` only. networkx stays the reference model: the tests
check every function here against networkx on small and random graphs.

References
----------
.. [1] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
   Mathematical Sociology 25(2), 163–177.
.. [2] Borassi, M. & Natale, E. (2019). KADABRA is an ADaptive Algorithm for Betweenness
   via Random Approximation. ACM Journal of Experimental Algorithmics 24, 1.2 (ESA 2016).
.. [3] van der Grinten, A., Angriman, E. & Meyerhenke, H. (2019). Parallel adaptive
   sampling with almost no synchronization. Euro-Par 2019, LNCS 11725, 434–447
   (networkit's ``KadabraBetweenness``).
.. [4] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
   Harvard University Press.
.. [5] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
   Connections 20(1), 35–38.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class BetweennessResult:
    """Normalized betweenness per node and how it was obtained.

    ``method`` is ``"exact"`` or ``"kadabra"``; for the latter ``epsilon`` and ``delta`` are
    the settings, ``error_bound`` the bound in graphmap's normalization (see
    :func:`betweenness`) and ``sample_size`` the shortest paths sampled.
    """

    values: np.ndarray
    method: str = "exact"
    epsilon: float | None = None
    delta: float | None = None
    error_bound: float | None = None
    sample_size: int | None = None

    @property
    def approximate(self) -> bool:
        return self.method != "exact"


def betweenness(graph: Any, *, exact_max_nodes: int, epsilon: float, delta: float,
                seed: int, edges: Any = None) -> BetweennessResult:
    """Normalized betweenness centrality of an undirected igraph ``graph``.

    .. math:: b(v) = \\frac{2}{(n-1)(n-2)} \\sum_{s<t,\\ s,t \\ne v}
              \\frac{\\sigma_{st}(v)}{\\sigma_{st}}

    Exact (Brandes' algorithm [1]_, :func:`exact_betweenness`) when
    ``n <= exact_max_nodes``. Above, estimated by KADABRA [2]_ (networkit [3]_): pairs
    ``(s, t)`` of distinct nodes are drawn uniformly, one shortest ``s``–``t`` path of each
    is drawn by a balanced bidirectional search, and the estimate of a node is the share
    of sampled paths it lies inside; sampling stops as soon as the adaptive bounds of
    Borassi and Natale guarantee, with probability at least :math:`1 - \\delta`, an error
    below ``epsilon`` for every node at once on

    .. math:: b_K(v) = \\frac{1}{n(n-1)} \\sum_{s \\ne t,\\ s,t \\ne v}
              \\frac{\\sigma_{st}(v)}{\\sigma_{st}} = \\frac{n-2}{n}\\, b(v),

    so the ``error_bound`` reported for :math:`b` is :math:`\\varepsilon\\, n / (n-2)`.
    ``edges`` (an ``m × 2`` integer array of ``graph``'s edges, in its edge order) saves
    reading them back from igraph.

    networkit 11.3 is corrected here for one defect: the paths of its first (calibration)
    phase stay in the counts but not in the number of samples, which inflates every
    value by :math:`\\tau / N` (τ = ω / 100 calibration paths, N the others); the counts
    are divided by all the paths drawn instead. Another defect cannot be corrected from
    outside: among a node's predecessors on shortest paths it draws the next one with a
    rule that is uniform only when they all have one shortest path from the end, which
    biases the estimate on graphs with many shortest paths of unequal multiplicity (grids,
    long chains). On generated ecosystems its effect stays far below ``epsilon``
    (``benchmarks/README.md``), but the bound is only as good as that sampler.

    The run is single-threaded with networkit's generator seeded by ``seed``: KADABRA's
    parallel stopping rule depends on thread timing, so one thread is what makes the
    values the same on every run and machine.

    Examples
    --------
    >>> import igraph as ig
    >>> path = ig.Graph(n=3, edges=[(0, 1), (1, 2)])
    >>> betweenness(path, exact_max_nodes=5000, epsilon=0.01, delta=0.1, seed=42).values
    array([0., 1., 0.])
    >>> star = ig.Graph.Star(50)
    >>> r = betweenness(star, exact_max_nodes=10, epsilon=0.05, delta=0.1, seed=1)
    >>> r.method, round(float(r.values[0]), 2), float(r.values[1:].max())
    ('kadabra', 1.0, 0.0)
    """
    n = graph.vcount()
    # Without a node of degree 2 no path has an inside: all zero, and KADABRA's diameter
    # bound (log2(D - 1)) would be undefined.
    if n <= exact_max_nodes or n < 3 or graph.maxdegree() < 2:
        return BetweennessResult(exact_betweenness(graph))
    if edges is None:
        edges = graph.get_edgelist()
    values, samples = _kadabra(n, edges, epsilon, delta, seed)
    return BetweennessResult(values, method="kadabra", epsilon=epsilon, delta=delta,
                             error_bound=epsilon * n / (n - 2), sample_size=samples)


def exact_betweenness(graph: Any) -> np.ndarray:
    """Exact normalized betweenness of an undirected igraph ``graph`` (Brandes [1]_, the
    formula of :func:`betweenness`), as a float array in vertex order.

    >>> import igraph as ig
    >>> exact_betweenness(ig.Graph(n=4, edges=[(0, 1), (1, 2), (2, 3)])).tolist()
    [0.0, 0.6666666666666666, 0.6666666666666666, 0.0]
    """
    n = graph.vcount()
    if n < 3:
        return np.zeros(n)
    raw = np.asarray(graph.betweenness(directed=False), dtype=float)
    return np.asarray(raw * (2.0 / ((n - 1) * (n - 2))), dtype=float)


#: Paths of KADABRA's calibration phase: ω / START_FACTOR (networkit's default).
START_FACTOR = 100


def _kadabra(n: int, edges: Any, epsilon: float, delta: float, seed: int
             ) -> tuple[np.ndarray, int]:
    """networkit's KADABRA on the graph of ``n`` nodes and ``edges``, one thread, seeded:
    ``(values, paths drawn)``, values in graphmap's normalization."""
    import networkit as nk  # type: ignore[import-untyped]  # loaded above the exact limit only

    threads = nk.getMaxNumberOfThreads()
    nk.setNumberOfThreads(1)
    try:
        kernel_graph = _networkit_graph(nk, n, edges)
        nk.setSeed(seed, False)
        sampler = nk.centrality.KadabraBetweenness(kernel_graph, epsilon, delta, False,
                                                   0, 0, START_FACTOR)
        sampler.run()
        scores = np.asarray(sampler.scores(), dtype=float)
        drawn = int(sampler.getNumberOfIterations())
        calibration = int(sampler.getOmega() / START_FACTOR)
    finally:
        nk.setNumberOfThreads(threads)
    # scores = 2 * hits / (drawn - calibration) on an undirected graph: back to hits / drawn
    # (the b_K of the docstring), then to b = b_K * n / (n - 2).
    values = scores * ((drawn - calibration) / (2.0 * drawn)) * (n / (n - 2))
    return np.asarray(values, dtype=float), drawn


def _networkit_graph(nk: Any, n: int, edges: Any) -> Any:
    """The undirected networkit graph of ``n`` nodes and ``edges``, each node's neighbours in
    the order ``Graph.addEdges`` would list them (edge after edge): KADABRA's sampled paths
    depend on that order.

    ``addEdges`` reads every pair through Python (3.8 s CPU for 5 million edges). When the
    first ends are in order (the compiled graph's :attr:`edges` are, node by node), the
    edges are already the rows of a CSR matrix, row after row, and networkit's
    ``GraphFromCsr`` (networkit 11.3) stores each entry from both ends in that order, as
    ``addEdge`` does, in C++; it is used with one thread (its parallel fill would
    interleave the rows), which the caller has set.

    >>> import networkit as nk
    >>> threads = nk.getMaxNumberOfThreads()
    >>> nk.setNumberOfThreads(1)  # as the caller does
    >>> g = _networkit_graph(nk, 4, np.array([[0, 2], [0, 1], [1, 3], [2, 3]]))
    >>> [list(g.iterNeighbors(u)) for u in range(4)]
    [[2, 1], [0, 3], [0, 3], [1, 2]]
    >>> nk.setNumberOfThreads(threads)
    """
    pairs = np.asarray(edges, dtype=np.int64).reshape(-1, 2)
    first, second = pairs[:, 0], pairs[:, 1]
    from_csr = getattr(nk, "GraphFromCsr", None)
    if from_csr is not None and len(pairs) and bool(np.all(first[1:] >= first[:-1])):
        from scipy import sparse

        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(first, minlength=n), out=indptr[1:])
        rows = sparse.csr_array((np.ones(len(pairs)), second, indptr), shape=(n, n))
        return from_csr(rows, directed=False, weighted=False)
    kernel_graph = nk.Graph(n, weighted=False, directed=False)
    unsigned = pairs.astype(np.uint64)
    kernel_graph.addEdges((np.ascontiguousarray(unsigned[:, 0]),
                           np.ascontiguousarray(unsigned[:, 1])))
    return kernel_graph


def constraint(graph: Any, triangles: np.ndarray | None = None, edges: Any = None
               ) -> np.ndarray:
    """Burt's constraint [4]_ of every node of an undirected, simple, unweighted graph.

    .. math:: c_i = \\sum_{j \\in N(i)} \\Big(p_{ij} + \\sum_{q \\ne i,j} p_{iq} p_{qj}\\Big)^2,
              \\quad p_{ij} = \\frac{1}{\\deg i} \\text{ for } j \\in N(i)

    With :math:`p_{ij} = 1/d_i`, the indirect part of a tie is
    :math:`\\frac{1}{d_i} w_{ij}` where :math:`w_{ij} = \\sum_{q \\in N(i) \\cap N(j)} 1/d_q`
    runs over the triangles on the tie, so
    :math:`c_i = \\sum_{j \\in N(i)} (1 + w_{ij})^2 / d_i^2`: one pass over the ties and one
    over igraph's triangle listing (``triangles``, its rows as an array, and ``edges``,
    the ``m × 2`` array :func:`betweenness` takes, when the caller has them), never the
    two-step products per node that ``Graph.constraint`` walks (1.1 s at 100k actors
    against 0.2 s here, 45 s at a million). NaN for isolated nodes (undefined).

    >>> import igraph as ig
    >>> constraint(ig.Graph(n=4, edges=[(0, 1), (1, 2)])).tolist()
    [1.0, 0.5, 1.0, nan]
    >>> constraint(ig.Graph(n=3, edges=[(0, 1), (1, 2), (0, 2)])).tolist()
    [1.125, 1.125, 1.125]
    """
    n = graph.vcount()
    degree = np.asarray(graph.degree(), dtype=np.float64)
    ends = np.asarray(graph.get_edgelist() if edges is None else edges,
                      dtype=np.int64).reshape(-1, 2)
    low, high = ends.min(axis=1), ends.max(axis=1)
    keys = low * n + high
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    shared = np.zeros(len(keys), dtype=np.float64)
    listed = triangle_rows(graph) if triangles is None else triangles
    if len(listed):
        with np.errstate(divide="ignore"):
            inverse = 1.0 / degree
        # Each triangle (a, b, c) adds 1/d_c to the tie a–b, and so on round the triangle.
        for one, other, third in ((0, 1, 2), (0, 2, 1), (1, 2, 0)):
            a, b = listed[:, one], listed[:, other]
            tie = order[np.searchsorted(sorted_keys, np.minimum(a, b) * n + np.maximum(a, b))]
            shared += np.bincount(tie, weights=inverse[listed[:, third]], minlength=len(keys))
    squares = (1.0 + shared) ** 2
    sums = (np.bincount(low, weights=squares, minlength=n)
            + np.bincount(high, weights=squares, minlength=n))
    with np.errstate(divide="ignore", invalid="ignore"):
        values = sums / (degree * degree)
    values[degree == 0] = np.nan
    return np.asarray(values, dtype=float)


def triangle_rows(graph: Any) -> np.ndarray:
    """igraph's triangle listing as a (triangles, 3) array of vertex numbers.

    >>> import igraph as ig
    >>> sorted(triangle_rows(ig.Graph(n=4, edges=[(0, 1), (1, 2), (0, 2), (2, 3)]))[0].tolist())
    [0, 1, 2]
    """
    return np.asarray(graph.list_triangles(), dtype=np.int64).reshape(-1, 3)


def triangles_per_node(graph: Any, triangles: np.ndarray | None = None) -> np.ndarray:
    """How many triangles each node of an undirected simple graph belongs to (= ties
    among its neighbours), from igraph's compiled triangle listing (``triangles``, as
    :func:`constraint` takes it, when the caller has it).

    >>> import igraph as ig
    >>> triangles_per_node(ig.Graph(n=4, edges=[(0, 1), (1, 2), (0, 2), (2, 3)])).tolist()
    [1, 1, 1, 0]
    """
    listed = triangle_rows(graph) if triangles is None else triangles
    return np.bincount(listed.ravel(), minlength=graph.vcount()).astype(np.int64)


def effective_size(graph: Any, triangles: np.ndarray | None = None) -> np.ndarray:
    """Burt's effective size with Borgatti's simplification for undirected, unweighted
    graphs [5]_: :math:`e_i = n_i - 2 t_i / n_i`, where :math:`n_i` is the degree and
    :math:`t_i` the number of ties among the neighbours. Sparse: never builds an n×n
    matrix. NaN for isolated nodes.

    >>> import igraph as ig
    >>> effective_size(ig.Graph(n=5, edges=[(0, 1), (0, 2), (0, 3), (1, 2)])).tolist()
    [2.3333333333333335, 1.0, 1.0, 1.0, nan]
    """
    degree = np.asarray(graph.degree(), dtype=float)
    ties = triangles_per_node(graph, triangles).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = degree - 2.0 * ties / degree
    values[degree == 0] = np.nan
    return np.asarray(values, dtype=float)
