"""Collaboration: which actors should meet, by link prediction on ``G_u``.

References
----------
.. [1] Zhou, T., Lü, L. & Zhang, Y.-C. (2009). Predicting missing links via local
   information. The European Physical Journal B 71(4), 623–630.
.. [2] Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social
   Networks 25(3), 211–230.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np
from scipy import sparse

from graphmap.analysis.introducers import with_introducer
from graphmap.analysis.report import Opportunity
from graphmap.config import AnalysisConfig
from graphmap.i18n import Message
from graphmap.model.compiled import EcosystemGraph
from graphmap.schema import Scope

#: Shared neighbours named in the reason of a proposal, at most.
REASON_NEIGHBOURS = 3


def collaborate_opportunities(graph: EcosystemGraph, config: AnalysisConfig | None = None, *,
                              importance: Mapping[str, float] | None = None,
                              block_size: int = 2048) -> list[Opportunity]:
    """``collaborate`` proposals: pairs of actors not tied yet (neither in ``G_u`` nor in
    the flow graph ``F``) who share neighbours, scored by the resource allocation index [1]_

    .. math:: s(u, v) = \\sum_{z \\in N(u) \\cap N(v)} \\frac{1}{\\deg z}

    (or Adamic–Adar [2]_, :math:`1/\\ln \\deg z`, with ``config.link_prediction``). The
    scores of all two-hop pairs are the sparse product :math:`A D^{-1} A^T` over actor
    rows, computed by blocks of ``block_size`` rows: pairs are never enumerated. Each actor
    keeps its ``config.collaborations_per_actor`` best partners (ties by id); a pair is
    reported once, with ``source`` the smaller id, with its reason and introducer
    (:func:`collaboration_details`). Two ``local`` actors of different territories are
    never paired.

    Examples
    --------
    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(
    ...     actors=tuple(Actor(x, x.upper(), Sector.COMMUNITY) for x in "abc"),
    ...     projects=(Project("p", "P", Stage.EMERGENCE), Project("q", "Q", Stage.EMERGENCE)),
    ...     relations=(Relation("a", "p", R.SUPPORTS), Relation("b", "p", R.SUPPORTS),
    ...                Relation("a", "q", R.SUPPORTS), Relation("b", "q", R.SUPPORTS),
    ...                Relation("c", "q", R.SUPPORTS)))
    >>> [(o.source, o.target, o.score) for o in collaborate_opportunities(EcosystemGraph(ds))]
    [('a', 'b', 0.833333), ('a', 'c', 0.333333), ('b', 'c', 0.333333)]
    """
    config = config or AnalysisConfig()
    actors = graph.dataset.actors
    na = len(actors)
    if na < 2 or config.collaborations_per_actor == 0:
        return []
    # The actors are the first nodes of the graph, in input order.
    adjacency = graph.csr()
    degree = np.asarray(adjacency.sum(axis=1)).ravel().astype(float)
    weight = np.zeros_like(degree)
    many = degree >= 2
    if config.link_prediction == "adamic_adar":
        weight[many] = 1.0 / np.log(degree[many])
    else:
        weight[many] = 1.0 / degree[many]
    rows_actor = adjacency[:na]
    weighted = (rows_actor @ sparse.diags_array(weight)).tocsr()
    cols_actor_t = rows_actor.T.tocsr()
    flow_adj = graph.flow[:na][:, :na]
    tied = (rows_actor[:, :na] + flow_adj + flow_adj.T).tocsr()
    tied.data[:] = 1

    territory_code = graph.territory_code[:na]
    local = np.array([a.scope is Scope.LOCAL for a in actors])
    id_rank = graph.id_rank[:na]
    keep = config.collaborations_per_actor
    found_u: list[np.ndarray] = []
    found_v: list[np.ndarray] = []
    found_s: list[np.ndarray] = []
    blocks = _RowBlocks(weighted, rows_actor, cols_actor_t, config, block_size)
    partners = _Partners(cols_actor_t, blocks.bound)
    for rows_of_block in blocks:
        # Tied pairs pushed below zero in one pass (dropped with the non-positive ones):
        # no score comes near TIED_OFFSET, and the others are left exactly as they are.
        block = ((weighted[rows_of_block] @ partners.matrix)
                 - TIED_OFFSET * tied[rows_of_block]).tocoo()
        rows, cols, data = rows_of_block[block.row], block.col, block.data
        # One of the two must be able to act where the other is (see can_act): only two
        # local actors of known, different territories are kept apart.
        place_r, place_c = territory_code[rows], territory_code[cols]
        apart = local[rows] & local[cols] & (place_r >= 0) & (place_c >= 0) & (
            place_r != place_c)
        ok = (rows != cols) & (data > 0) & ~apart
        rows, cols, data = best_per_row(rows[ok], cols[ok], np.round(data[ok], 6),
                                        id_rank, keep)
        found_u.append(rows)
        found_v.append(cols)
        found_s.append(data)
        if config.max_opportunities_per_kind:
            kth = _kth_score(found_u, found_v, found_s, na, config.max_opportunities_per_kind)
            if blocks.left() + BOUND_SLACK < kth:
                break
            partners.narrow(kth)
    u, v, score = np.concatenate(found_u), np.concatenate(found_v), np.concatenate(found_s)
    # A pair proposed by both sides keeps the score of the row of the first actor (input
    # order), whatever order the rows were visited in.
    by_row = np.argsort(u, kind="stable")
    u, v, score = u[by_row], v[by_row], score[by_row]
    swap = id_rank[u] > id_rank[v]
    u, v = np.where(swap, v, u), np.where(swap, u, v)
    _, first = np.unique(u * na + v, return_index=True)
    proposals = _ranked_pairs(graph, u[first], v[first], score[first], config)
    return [collaboration_details(o, graph, importance) for o in proposals]


#: Subtracted from the score of a pair already tied: far above any score (each shared
#: neighbour adds at most 1 / ln 2).
TIED_OFFSET = 1e12

#: Added to a row's score bound before it is compared with a kept score: scores are sums
#: in another order, then rounded to 6 decimals (at most 5e-7 up).
BOUND_SLACK = 1e-6


class _RowBlocks:
    """The actor rows of the link prediction, by blocks, in the order they are visited:
    input order, ``block_size`` rows at a time, without a per-kind limit; else the highest
    score bound first (a row's scores are at most the sum of its weights), so that the
    search can stop once the limit's worth of pairs beats every row left (:func:`_kth_score`).
    Visited by bound, the largest rows come together: blocks are then cut to the same
    estimated work as a block of ``block_size`` rows in input order (the two-hop entries of
    a row are at most the sum of its neighbours' actor degrees), so memory stays flat."""

    def __init__(self, weighted: Any, rows_actor: Any, cols_actor_t: Any,
                 config: AnalysisConfig, block_size: int) -> None:
        na = weighted.shape[0]
        if config.max_opportunities_per_kind:
            # A neighbour's weight counts at most its largest entry towards any partner,
            # and not at all when the row's actor is its only actor.
            reach = np.asarray(rows_actor.max(axis=0).todense()).ravel().astype(float)
            reach[np.diff(cols_actor_t.indptr) < 2] = 0.0
            self.bound = np.asarray(weighted @ reach, dtype=float).ravel()
            self.order = np.argsort(-self.bound, kind="stable")
            work = np.asarray(rows_actor @ np.diff(cols_actor_t.indptr).astype(float),
                              dtype=float).ravel()[self.order]
            budget = max(float(work.sum()) * block_size / max(na, 1), 1.0)
            # A block is the rows whose work starts within one budget's span.
            span = np.floor((np.cumsum(work) - work) / budget)
            self.ends = np.append(np.flatnonzero(np.diff(span)) + 1, na)
        else:
            self.bound = np.zeros(na)
            self.order = np.arange(na)
            self.ends = np.unique(np.minimum(np.arange(block_size, na + block_size,
                                                       block_size), na))
        self.next = 0

    def __iter__(self) -> Iterator[np.ndarray]:
        for end in self.ends.tolist():
            chunk = np.sort(self.order[self.next:end])
            self.next = end
            yield chunk

    def left(self) -> float:
        """The highest score bound of the rows not visited yet (-1 when none)."""
        if self.next >= len(self.order):
            return -1.0
        return float(self.bound[self.order[self.next]])


#: How far below the best k-th score seen a partner's score may be and still be computed:
#: a pair's two rows round its score at most 1e-6 apart, so the k-th score never falls
#: more than that below its best, and every score within this margin of it is kept.
PARTNER_MARGIN = 4 * BOUND_SLACK


class _Partners:
    """The partner columns of the two-hop product, narrowed as the search goes: once the
    k-th best score so far is known, a pair scoring below it minus
    :data:`PARTNER_MARGIN` can neither be reported nor change which pairs are (a row's
    better partners all score higher, the k-th score is decided above it), and a partner
    ``v`` scores at most its own row's bound (the score is symmetric), so the columns of
    partners whose bound is below that line are dropped from the product. The scores
    left are computed by the very same additions, in the same order.

    >>> m = sparse.csr_array(np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 1.0]]))
    >>> p = _Partners(m, np.array([0.2, 0.9, 0.5]))
    >>> p.narrow(0.6); p.matrix.toarray().tolist()
    [[0.0, 1.0, 0.0], [0.0, 1.0, 0.0]]
    """

    def __init__(self, matrix: Any, bound: np.ndarray) -> None:
        self.matrix = matrix
        self._bound = bound
        self._kept = matrix.shape[1]
        self._line = -np.inf
        self._descending: np.ndarray | None = None

    def narrow(self, kth: float) -> None:
        line = kth - PARTNER_MARGIN
        if not line > self._line:
            return
        self._line = line
        if self._descending is None:
            self._descending = np.sort(-self._bound)
        # Filtering costs a pass over the whole matrix: only when it drops a good share
        # (counted on the sorted bounds, not with a pass over them).
        if np.searchsorted(self._descending, BOUND_SLACK - line, side="right") > (
                0.7 * self._kept):
            return
        allowed = self._bound + BOUND_SLACK >= line
        self._kept = int(allowed.sum())
        # The line only rises: the columns left are a subset of those already kept.
        current = self.matrix
        keep = allowed[current.indices]
        indptr = np.concatenate([[0], np.cumsum(keep)])[current.indptr]
        self.matrix = type(current)((current.data[keep], current.indices[keep], indptr),
                                    shape=current.shape)


def _kth_score(found_u: list[np.ndarray], found_v: list[np.ndarray],
               found_s: list[np.ndarray], na: int, k: int) -> float:
    """The ``k``-th best score of the pairs found so far, each pair once (at its lower
    score if its two rows differ in the last bit); -inf with fewer pairs."""
    u, v, score = np.concatenate(found_u), np.concatenate(found_v), np.concatenate(found_s)
    key = np.minimum(u, v) * na + np.maximum(u, v)
    order = np.lexsort((score, key))
    key, score = key[order], score[order]
    lowest = score[np.concatenate([key[:1] == key[:1], key[1:] != key[:-1]])]
    if len(lowest) < k:
        return -np.inf
    return float(np.partition(-lowest, k - 1)[k - 1]) * -1.0


def _ranked_pairs(graph: EcosystemGraph, u: np.ndarray, v: np.ndarray, score: np.ndarray,
                  config: AnalysisConfig) -> list[Opportunity]:
    """The pairs best first (score, then target and source id, as every kind), cut to the
    per-kind limit before any object is made."""
    id_rank, ids = graph.id_rank, graph.ids
    keep = np.lexsort((id_rank[u], id_rank[v], -score))
    if config.max_opportunities_per_kind:
        keep = keep[:config.max_opportunities_per_kind]
    return [Opportunity(kind="collaborate", source=ids[int(u[k])], target=ids[int(v[k])],
                        score=float(score[k]), reasons=(), introducer=None, path=())
            for k in keep.tolist()]


def best_per_row(rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
                 id_rank: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``keep`` best entries of each row of a sparse triplet list: score descending,
    ties by the id of the column (``id_rank`` of each column)."""
    if len(rows) == 0:
        return rows, cols, data
    if len(rows) > 64 * keep and np.all(rows[1:] >= rows[:-1]):
        # Sorting millions of entries for a few per row is the cost here: first keep
        # only the entries at or above each row's keep-th best score (ties included),
        # found with ``keep`` linear passes.
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        row_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(rows)]))
        remaining = data.astype(float)
        threshold = np.full(len(starts), -np.inf)
        have = np.zeros(len(starts))
        for _ in range(keep):
            top = np.maximum.reduceat(remaining, starts)
            need = (have < keep) & (top > -np.inf)
            threshold[need] = top[need]
            at_top = remaining == top[row_of]
            have += np.bincount(row_of, weights=at_top, minlength=len(starts))
            remaining[at_top] = -np.inf
        enough = data >= threshold[row_of]
        rows, cols, data = rows[enough], cols[enough], data[enough]
    sort = np.lexsort((id_rank[cols], -data, rows))
    rows, cols, data = rows[sort], cols[sort], data[sort]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    counts = np.diff(np.r_[starts, len(rows)])
    kept = (np.arange(len(rows)) - np.repeat(starts, counts)) < keep
    return rows[kept], cols[kept], data[kept]


def collaboration_details(opp: Opportunity, graph: EcosystemGraph,
                          importance: Mapping[str, float] | None) -> Opportunity:
    """``opp`` (a ``collaborate`` proposal) with its reason and introduction path.

    Parameters
    ----------
    opp : Opportunity
        A proposal with ``source``, ``target`` and ``score`` set; its reasons, introducer
        and path are ignored.
    graph : EcosystemGraph
        The compiled graph; gives the shared neighbours and the names quoted in the reason.
    importance : mapping of str to float, optional
        Betweenness by node id, used to pick the introducer.

    Returns
    -------
    Opportunity
        The same pair and score, with the shared-neighbours reason, the introducer and the
        path between them. Used by both the local engine and the Neo4j engine.
    """
    node = graph.index
    degree = graph.degree
    shared = (set(graph.neighbours(node[opp.source]).tolist())
              & set(graph.neighbours(node[opp.target]).tolist()))
    ranked = sorted(shared, key=lambda z: (int(degree[z]), graph.ids[z]))
    names = [graph.dataset.node_name(graph.ids[z]) for z in ranked[:REASON_NEIGHBOURS]]
    more = len(shared) - len(names)
    reason = Message("analysis.reason.shared_neighbours_more" if more else
                     "analysis.reason.shared_neighbours",
                     {"count": len(shared), "names": ", ".join(names), "more": more})
    return with_introducer(Opportunity(kind=opp.kind, source=opp.source, target=opp.target,
                                       score=opp.score, reasons=(reason,), introducer=None,
                                       path=()), graph, importance)
