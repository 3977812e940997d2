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
.. [2] Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
   International Journal of Bifurcation and Chaos 17(7), 2303–2318.
.. [3] Riondato, M. & Kornaropoulos, E. M. (2016). Fast approximation of betweenness
   centrality through sampling. Data Mining and Knowledge Discovery 30(2), 438–475.
.. [4] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
   Harvard University Press.
.. [5] Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
   Connections 20(1), 35–38.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class BetweennessResult:
    """Normalized betweenness per node and how it was obtained."""

    values: np.ndarray
    approximate: bool
    sample_size: int | None = None
    error_bound: float | None = None
    delta: float | None = None


def betweenness(graph: Any, *, exact_max_nodes: int, samples: int, seed: int, delta: float,
                progress: Callable[[int, int], None] | None = None,
                workers: int | None = None,
                work_budget: int | None = None) -> BetweennessResult:
    """Normalized betweenness centrality of an undirected igraph ``graph``.

    .. math:: b(v) = \\frac{2}{(n-1)(n-2)} \\sum_{s<t,\\ s,t \\ne v}
              \\frac{\\sigma_{st}(v)}{\\sigma_{st}}

    Exact (Brandes' algorithm [1]_) when ``n <= exact_max_nodes``. Above, ``samples``
    source nodes (pivots) are drawn without replacement with ``seed`` and the
    dependencies :math:`\\delta_s(v)` they accumulate are scaled by ``n / k``
    (Brandes & Pich [2]_; unbiased). Since :math:`Y_s = \\delta_s(v)/(n-2) \\in [0, 1]`,
    Hoeffding's inequality with a union bound over the ``n`` nodes gives, with
    probability at least :math:`1 - \\delta`, for every node at once

    .. math:: |\\hat b(v) - b(v)| \\le \\frac{n}{n-1} \\sqrt{\\frac{\\ln(2n/\\delta)}{2k}}

    the ``error_bound`` reported (a guarantee in the spirit of Riondato and
    Kornaropoulos [3]_, who bound the same quantity for path sampling).

    With ``work_budget`` (node and edge visits), at most ``work_budget / (n + m)`` pivots
    are drawn (never fewer than :data:`MIN_SAMPLES`): on a very large graph the sample is
    smaller than asked, and the bound, computed from the pivots actually used, says so.

    The pivots are processed in :data:`PIVOT_CHUNKS` fixed chunks whose results are summed
    in chunk order, so the values do not depend on how many processes ran them: on a
    large graph (``n × samples`` above :data:`PARALLEL_WORK`) the chunks run in up to
    ``workers`` forked processes (default: the CPUs this process may use, at most 4).
    ``progress(done, total)`` is called after each chunk.

    Examples
    --------
    >>> import igraph as ig
    >>> path = ig.Graph(n=3, edges=[(0, 1), (1, 2)])
    >>> settings = dict(exact_max_nodes=5000, samples=1500, seed=42, delta=0.1)
    >>> betweenness(path, **settings).values.tolist()
    [0.0, 1.0, 0.0]
    >>> r = betweenness(path, exact_max_nodes=2, samples=2, seed=1, delta=0.1)
    >>> r.approximate, r.sample_size
    (True, 2)
    """
    n = graph.vcount()
    if n < 3:
        return BetweennessResult(np.zeros(n), approximate=False)
    scale = 2.0 / ((n - 1) * (n - 2))
    if work_budget is not None and n > exact_max_nodes:
        affordable = work_budget // max(1, n + graph.ecount())
        samples = min(samples, max(MIN_SAMPLES, affordable))
    if n <= exact_max_nodes or samples >= n:
        raw = np.asarray(graph.betweenness(directed=False), dtype=float)
        return BetweennessResult(raw * scale, approximate=False)
    rng = np.random.default_rng(seed)
    pivots = np.sort(rng.choice(n, size=samples, replace=False))
    # igraph's subset betweenness of an undirected graph is half the summed dependencies.
    chunks = [c.tolist() for c in np.array_split(pivots, min(PIVOT_CHUNKS, samples))]
    parts = _pivot_chunks(graph, chunks, progress,
                          _workers(workers) if n * samples > PARALLEL_WORK else 1)
    partial = np.zeros(n)
    for part in parts:
        partial += part
    estimate = partial * (n / samples) * scale
    bound = (n / (n - 1)) * math.sqrt(math.log(2 * n / delta) / (2 * samples))
    return BetweennessResult(estimate, approximate=True, sample_size=samples,
                             error_bound=bound, delta=delta)


#: The fewest pivots a work budget may leave.
MIN_SAMPLES = 100
#: Default work budget of the analysis (node and edge visits of the sampled BFS): about
#: 25 s of pivots on a 2-core laptop; 960 pivots at 125,000 nodes and 500,000 edges.
WORK_BUDGET = 600_000_000
#: Pivots are split in this many chunks (fixed, so that results never depend on the
#: number of processes).
PIVOT_CHUNKS = 12
#: Above this many node × pivot visits, chunks run in parallel processes.
PARALLEL_WORK = 50_000_000
_MAX_WORKERS = 4
# The graph the forked workers read (inherited from the parent, never pickled).
_SHARED: list[Any] = []


def _workers(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    try:
        available = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        available = os.cpu_count() or 1
    return max(1, min(available, _MAX_WORKERS))


def _chunk_betweenness(job: tuple[int, list[int]]) -> tuple[int, np.ndarray]:
    number, sources = job
    graph = _SHARED[0]
    return number, np.asarray(graph.betweenness(directed=False, sources=sources),
                              dtype=float)


def _pivot_chunks(graph: Any, chunks: list[list[int]],
                  progress: Callable[[int, int], None] | None, workers: int
                  ) -> list[np.ndarray]:
    """Subset betweenness of each chunk of pivots, in chunk order."""
    import multiprocessing
    import sys

    results: list[np.ndarray | None] = [None] * len(chunks)
    done = 0
    # fork shares the graph without copying it; elsewhere (or alone) run in this process.
    if workers > 1 and len(chunks) > 1 and sys.platform.startswith("linux"):
        _SHARED[:] = [graph]
        try:
            context = multiprocessing.get_context("fork")
            with context.Pool(min(workers, len(chunks))) as pool:
                for number, part in pool.imap_unordered(_chunk_betweenness,
                                                        list(enumerate(chunks))):
                    results[number] = part
                    done += 1
                    if progress is not None:
                        progress(done, len(chunks))
        finally:
            _SHARED.clear()
    else:
        for number, sources in enumerate(chunks):
            results[number] = np.asarray(graph.betweenness(directed=False, sources=sources),
                                         dtype=float)
            done += 1
            if progress is not None:
                progress(done, len(chunks))
    return [part for part in results if part is not None]


def constraint(graph: Any) -> np.ndarray:
    """Burt's constraint [4]_ of every node of an undirected, simple, unweighted graph.

    .. math:: c_i = \\sum_{j \\in N(i)} \\Big(p_{ij} + \\sum_{q \\ne i,j} p_{iq} p_{qj}\\Big)^2,
              \\quad p_{ij} = \\frac{1}{\\deg i} \\text{ for } j \\in N(i)

    NaN for isolated nodes (undefined).

    >>> import igraph as ig
    >>> constraint(ig.Graph(n=4, edges=[(0, 1), (1, 2)])).tolist()
    [1.0, 0.5, 1.0, nan]
    """
    values = np.asarray(graph.constraint(), dtype=float)
    values[np.asarray(graph.degree()) == 0] = np.nan
    return values


def triangles_per_node(graph: Any) -> np.ndarray:
    """How many triangles each node of an undirected simple graph belongs to (= ties
    among its neighbours), from igraph's compiled triangle listing.

    >>> import igraph as ig
    >>> triangles_per_node(ig.Graph(n=4, edges=[(0, 1), (1, 2), (0, 2), (2, 3)])).tolist()
    [1, 1, 1, 0]
    """
    counts = np.zeros(graph.vcount(), dtype=np.int64)
    listed = graph.list_triangles()
    if listed:
        counts += np.bincount(np.asarray(listed, dtype=np.int64).ravel(),
                              minlength=graph.vcount())
    return counts


def effective_size(graph: Any) -> np.ndarray:
    """Burt's effective size with Borgatti's simplification for undirected, unweighted
    graphs [5]_: :math:`e_i = n_i - 2 t_i / n_i`, where :math:`n_i` is the degree and
    :math:`t_i` the number of ties among the neighbours. Sparse: never builds an n×n
    matrix. NaN for isolated nodes.

    >>> import igraph as ig
    >>> effective_size(ig.Graph(n=5, edges=[(0, 1), (0, 2), (0, 3), (1, 2)])).tolist()
    [2.3333333333333335, 1.0, 1.0, 1.0, nan]
    """
    degree = np.asarray(graph.degree(), dtype=float)
    ties = triangles_per_node(graph).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = degree - 2.0 * ties / degree
    values[degree == 0] = np.nan
    return np.asarray(values, dtype=float)
