"""Heavy structural measures on the compiled igraph kernel and sparse matrices.

networkx stays the reference model: the tests check every function here against
networkx on small and random graphs. Arrays follow the node order of
:func:`graphmap.model.views.node_order`; undefined values (isolated nodes) are NaN here
and become ``None`` in the report.

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


def betweenness(graph: Any, *, exact_max_nodes: int = 5000, samples: int = 1500,
                seed: int = 42, delta: float = 0.1) -> BetweennessResult:
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

    Examples
    --------
    >>> import igraph as ig
    >>> path = ig.Graph(n=3, edges=[(0, 1), (1, 2)])
    >>> betweenness(path).values.tolist()
    [0.0, 1.0, 0.0]
    >>> r = betweenness(path, exact_max_nodes=2, samples=2, seed=1)
    >>> r.approximate, r.sample_size
    (True, 2)
    """
    n = graph.vcount()
    if n < 3:
        return BetweennessResult(np.zeros(n), approximate=False)
    scale = 2.0 / ((n - 1) * (n - 2))
    if n <= exact_max_nodes or samples >= n:
        raw = np.asarray(graph.betweenness(directed=False), dtype=float)
        return BetweennessResult(raw * scale, approximate=False)
    rng = np.random.default_rng(seed)
    pivots = np.sort(rng.choice(n, size=samples, replace=False))
    # igraph's subset betweenness of an undirected graph is half the summed dependencies.
    partial = np.asarray(graph.betweenness(directed=False, sources=pivots.tolist()),
                         dtype=float)
    estimate = partial * (n / samples) * scale
    bound = (n / (n - 1)) * math.sqrt(math.log(2 * n / delta) / (2 * samples))
    return BetweennessResult(estimate, approximate=True, sample_size=samples,
                             error_bound=bound, delta=delta)


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
