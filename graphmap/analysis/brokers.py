"""Brokers: betweenness, Burt's structural holes and Gould–Fernandez brokerage roles.

References
----------
.. [1] Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach
   to brokerage in transaction networks. Sociological Methodology 19, 89–126.
.. [2] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
   Harvard University Press.
.. [3] Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of
   Mathematical Sociology 25(2), 163–177.
.. [4] Butts, C. T. (2008). Social network analysis with sna. Journal of Statistical
   Software 24(6) — ``sna::brokerage``, whose raw counts these equal.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from graphmap.analysis import kernel
from graphmap.analysis.broker_groups import bridged_groups, group_table
from graphmap.analysis.broker_ranking import ranked_brokers
from graphmap.analysis.report import ROLES, Broker, Brokerage, Community
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.schema import per_term


def brokerage_roles(graph: EcosystemGraph, groups: Mapping[str, Hashable | None]
                    ) -> dict[str, Brokerage]:
    """Gould–Fernandez brokerage role counts [1]_ of every actor on the flow graph ``F``.

    Node ``b`` brokers the ordered pair ``(a, c)`` when ``a → b → c``, ``a ≠ c`` and there
    is no tie ``a → c`` (the definition of ``sna::brokerage`` [4]_). With ``g`` the group
    of each node, the two-path ``a → b → c`` is counted for ``b`` as

    - coordinator (``w_I``): ``g(a) = g(b) = g(c)``;
    - itinerant (``w_O``): ``g(a) = g(c) ≠ g(b)``;
    - representative (``b_IO``): ``g(a) = g(b) ≠ g(c)``;
    - gatekeeper (``b_OI``): ``g(a) ≠ g(b) = g(c)``;
    - liaison (``b_O``): all three groups differ.

    Computed with vectorised arithmetic, never by listing two-paths: with
    :math:`A_s`/:math:`A_d` the ties within/across groups, every two-path count is a
    product of in- and out-degrees (per group of the ends for itinerant and liaison),
    minus reciprocated ties (``a = c``), minus the closed two-paths, found from each
    closing tie ``a → c`` by intersecting sorted adjacency lists (see
    :func:`brokerage_counts`). Actors missing from ``groups`` (or mapped to ``None``) share
    one "unknown" group, as ``NA`` does in R.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abcd"),
    ...              relations=(Relation("a", "b", R.FUNDS), Relation("b", "c", R.FUNDS),
    ...                         Relation("c", "d", R.FUNDS)))
    >>> roles = brokerage_roles(EcosystemGraph(ds), {"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> roles["b"].representative, roles["c"].gatekeeper, roles["a"].total
    (1, 1, 0)
    """
    node_group = _node_groups(graph, groups)
    counts = brokerage_counts(graph.flow, group_codes(node_group))
    return {
        actor_id: Brokerage(**{role: int(counts[role][i]) for role in ROLES})
        for i, actor_id in enumerate(graph.ids[:graph.actor_count])
    }


def _node_groups(graph: EcosystemGraph, groups: Mapping[str, Hashable | None]
                 ) -> list[Hashable | None]:
    """The group of every node (``None`` for projects and actors without one)."""
    na = graph.actor_count
    if len(groups) == na and all(map(operator.is_, groups, graph.ids[:na])):
        # The groups of the graph's own actors, in node order (actor_groups): no look-up
        # of a million ids in the index, a cache miss each.
        return [*groups.values(), *itertools.repeat(None, graph.node_count - na)]
    node_group: list[Hashable | None] = [None] * graph.node_count
    positions = graph.index
    for actor_id, value in groups.items():
        where = positions.get(actor_id)
        if where is not None:
            node_group[where] = value
    return node_group


def group_codes(values: Sequence[Hashable | None]) -> np.ndarray:
    """A small integer per distinct group value (``None`` = one "unknown" group)."""
    return group_table(values)[0]


def brokerage_counts(adjacency: Any, group: np.ndarray) -> dict[str, np.ndarray]:
    """The five role counts of every node of a directed 0/1 adjacency matrix (row =
    source, no self-loops) whose node ``i`` is in group ``group[i]``: the sparse
    arithmetic of :func:`brokerage_roles`, as arrays."""
    from scipy import sparse

    n = adjacency.shape[0]
    groups = int(group.max()) + 1 if n else 1
    coo = adjacency.tocoo()
    same_mask = group[coo.row] == group[coo.col]
    a_same = sparse.csr_array((coo.data * same_mask, (coo.row, coo.col)), shape=(n, n))
    a_diff = sparse.csr_array((coo.data * ~same_mask, (coo.row, coo.col)), shape=(n, n))
    a_same.eliminate_zeros()
    a_diff.eliminate_zeros()

    def rows(m: Any) -> np.ndarray:
        return np.asarray(m.sum(axis=1)).ravel().astype(np.int64)

    def cols(m: Any) -> np.ndarray:
        return np.asarray(m.sum(axis=0)).ravel().astype(np.int64)

    s_in, d_in, s_out, d_out = cols(a_same), cols(a_diff), rows(a_same), rows(a_diff)
    a_same_t = sparse.csr_array(a_same.T)
    a_diff_t = sparse.csr_array(a_diff.T)
    # a = c happens exactly for reciprocated ties; drop those pairs.
    rec_same = rows(a_same.multiply(a_same_t))
    rec_diff = rows(a_diff.multiply(a_diff_t))
    onehot = sparse.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), group)),
                              shape=(n, groups))
    in_by_group = a_diff_t @ onehot
    out_by_group = a_diff @ onehot
    ends_same_group = rows(in_by_group.multiply(out_by_group))

    all_pairs = {
        "coordinator": s_in * s_out - rec_same,
        "itinerant": ends_same_group - rec_diff,
        "representative": s_in * d_out,
        "gatekeeper": d_in * s_out,
        "liaison": d_in * d_out - ends_same_group,
    }
    closed = _closed_two_paths(adjacency, group)
    return {role: all_pairs[role] - closed[k] for k, role in enumerate(ROLES)}


#: Candidate middle nodes tested per chunk when listing transitive triples.
_TRIPLE_CHUNK = 4_000_000


def _closed_two_paths(adjacency: Any, group: np.ndarray) -> np.ndarray:
    r"""For every node ``b``, how many two-paths ``a → b → c`` are closed by a tie
    ``a → c``, per role (rows in :data:`ROLES` order).

    Each closing tie ``a → c`` lists its middle nodes ``out(a) ∩ in(c)`` from the shorter
    of the two sorted lists, testing the other tie by binary search in its sorted row:
    the work is :math:`\sum_{a \to c} \min(d^+_a, d^-_c) = O(m^{3/2})`, never the
    :math:`d^-_b d^+_b` two-paths of a hub, and never a product matrix.
    """
    from scipy import sparse

    n = adjacency.shape[0]
    counts = np.zeros(len(ROLES) * n, dtype=np.int64)
    out = sparse.csr_array(adjacency)
    out.sort_indices()
    into = sparse.csr_array(out.T)
    into.sort_indices()
    out_degree, in_degree = np.diff(out.indptr), np.diff(into.indptr)
    tails = np.repeat(np.arange(n, dtype=np.int64), out_degree)
    heads = out.indices.astype(np.int64)
    if not len(heads):
        return counts.reshape(len(ROLES), n)
    work = np.minimum(out_degree[tails], in_degree[heads])
    ends = np.searchsorted(np.cumsum(work), np.arange(1, int(work.sum()) // _TRIPLE_CHUNK
                                                      + 2) * _TRIPLE_CHUNK)
    start = 0
    for stop in [*ends.tolist(), len(heads)]:
        if stop <= start:
            continue
        a, c = tails[start:stop], heads[start:stop]
        from_a = out_degree[a] <= in_degree[c]
        for side, lists in ((True, out), (False, into)):
            chosen = from_a == side
            aa, cc = a[chosen], c[chosen]
            pivot = aa if side else cc
            first = lists.indptr[pivot]
            sizes = lists.indptr[pivot + 1] - first
            total = int(sizes.sum())
            if not total:
                continue
            shift = np.repeat(first - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
            b = lists.indices[np.arange(total) + shift].astype(np.int64)
            ra, rc = np.repeat(aa, sizes), np.repeat(cc, sizes)
            # The tie not listed yet, looked up in its row of F (scipy's sampling: a binary
            # search within the sorted row, not among all ties: five times faster).
            hit = np.asarray(out[b, rc] if side else out[ra, b]).ravel() != 0
            ga, gb, gc = group[ra[hit]], group[b[hit]], group[rc[hit]]
            role = np.where(ga == gb, np.where(gb == gc, 0, 2),
                            np.where(gb == gc, 3, np.where(ga == gc, 1, 4)))
            counts += np.bincount(role * n + b[hit], minlength=len(counts))
        start = stop
    return counts.reshape(len(ROLES), n)


_ID = operator.attrgetter("id")
_SECTOR = operator.attrgetter("sector")
_VALUE = operator.attrgetter("value")


def actor_groups(dataset: Dataset, group_by: str,
                 communities: Sequence[Community] = ()) -> dict[str, str | None]:
    """The brokerage group of every actor: its sector code, its territory (``None`` when
    unknown) or the id (as text) of its community.

    >>> from graphmap.model.records import Actor
    >>> from graphmap.schema import Sector
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.MEDIA, territory="Laval"),))
    >>> actor_groups(ds, "sector"), actor_groups(ds, "territory")
    ({'a': 'media'}, {'a': 'Laval'})
    """
    if group_by == "sector":
        codes = per_term(map(_SECTOR, dataset.actors), _VALUE)
        return dict(zip(map(_ID, dataset.actors), codes, strict=True))
    if group_by == "territory":
        return {a.id: a.territory for a in dataset.actors}
    member_of = {m: str(c.id) for c in communities for m in c.members}
    return {a.id: member_of.get(a.id) for a in dataset.actors}


@dataclass(frozen=True)
class BrokerAnalysis:
    """The ranked brokers and how betweenness was computed (for the report's ``meta``)."""

    brokers: tuple[Broker, ...]
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StructuralMeasures:
    """Betweenness, constraint and effective size of every node of ``G_u``, by id."""

    betweenness: Mapping[str, float]
    constraint: Mapping[str, float | None]
    effective_size: Mapping[str, float | None]
    betweenness_meta: Mapping[str, Any]


def structural_measures(graph: EcosystemGraph, config: AnalysisConfig | None = None, *,
                        progress: Any = None) -> StructuralMeasures:
    """Betweenness (exact or KADABRA-sampled), Burt's constraint and effective size on
    ``G_u``, computed on the igraph kernel (:mod:`graphmap.analysis.kernel`) with the
    settings of ``config``. Isolated nodes get ``None`` constraint and effective size
    (undefined) and betweenness 0, as :func:`find_brokers` reports them.

    The mappings are read-only views over arrays, keyed by node id. ``betweenness_meta``
    (the report's ``meta.betweenness``) says how betweenness was computed: :func:`meta_of`.

    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abc"),
    ...              relations=(Relation("a", "b", R.COLLABORATES),
    ...                         Relation("b", "c", R.COLLABORATES)))
    >>> m = structural_measures(EcosystemGraph(ds))
    >>> m.betweenness["b"], m.constraint["b"], m.effective_size["b"]
    (1.0, 0.5, 2.0)
    >>> m.betweenness_meta["method"]
    'exact'
    """
    config = config or AnalysisConfig()
    step_progress(progress, "betweenness", 0)
    kernel_graph = graph.igraph()
    result = kernel.betweenness(kernel_graph, exact_max_nodes=config.exact_betweenness_max_nodes,
                                epsilon=config.betweenness_epsilon,
                                delta=config.betweenness_delta, seed=config.seed,
                                edges=graph.edges)
    step_progress(progress, "betweenness", 1)
    step_progress(progress, "constraint", 0)
    triangles = kernel.triangle_rows(kernel_graph)  # listed once for both measures
    burt = kernel.constraint(kernel_graph, triangles, edges=graph.edges)
    size = kernel.effective_size(kernel_graph, triangles)
    step_progress(progress, "constraint", 1)
    meta = meta_of(result, graph.node_count, config)
    positions = graph.index
    return StructuralMeasures(
        betweenness=NodeValues(positions, np.asarray(result.values, dtype=float)),
        constraint=NodeValues(positions, burt, undefined_is_none=True),
        effective_size=NodeValues(positions, size, undefined_is_none=True),
        betweenness_meta=meta,
    )


def meta_of(result: kernel.BetweennessResult, nodes: int, config: AnalysisConfig
            ) -> dict[str, Any]:
    """The report's ``meta.betweenness`` for ``result``: ``method``, ``approximate``,
    ``nodes``, ``exact_max_nodes`` and, when sampled, ``epsilon``, ``delta``,
    ``error_bound`` and ``sample_size`` (shortest paths drawn)."""
    meta: dict[str, Any] = {"method": result.method, "approximate": result.approximate,
                            "nodes": nodes,
                            "exact_max_nodes": config.exact_betweenness_max_nodes}
    if result.approximate:
        meta.update(epsilon=result.epsilon, delta=result.delta,
                    error_bound=result.error_bound, sample_size=result.sample_size)
    return meta


class NodeValues(Mapping[str, Any]):
    """A read-only mapping node id → value over one array (no dict of a million floats).
    With ``undefined_is_none``, NaN reads as ``None``.

    >>> v = NodeValues({"a": 0, "b": 1}, np.array([0.5, np.nan]), undefined_is_none=True)
    >>> v["a"], v["b"], dict(v)
    (0.5, None, {'a': 0.5, 'b': None})
    """

    def __init__(self, positions: Mapping[str, int], values: np.ndarray, *,
                 undefined_is_none: bool = False) -> None:
        self._positions = positions
        self.array = values
        self._none = undefined_is_none

    def over(self, positions: Mapping[str, int]) -> bool:
        """Whether the values are ``positions``' own, position by position, each as read by
        key (no ``None``): ``self[k] == self.array[positions[k]]``."""
        return self._positions is positions and not self._none

    def __getitem__(self, key: str) -> Any:
        value = float(self.array[self._positions[key]])
        return None if self._none and math.isnan(value) else value

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


def step_progress(progress: Any, step: str, done: int) -> None:
    """Tell ``progress`` (if any) that ``step`` starts (``done = 0``) or ends (``done = 1``):
    ``progress(step, done, 1)``, the call every analysis step makes."""
    if progress is not None:
        progress(step, done, 1)


def find_brokers(graph: EcosystemGraph, config: AnalysisConfig | None = None, *,
                 measures: StructuralMeasures | None = None,
                 communities: Sequence[Community] = (),
                 progress: Any = None) -> BrokerAnalysis:
    """Every actor (never a project) with its brokerage profile, ranked by betweenness
    (descending), then total brokerage (descending), then id. An actor with no relation
    has betweenness 0 and ``None`` constraint and effective size (undefined).

    ``measures`` are computed by :func:`structural_measures` unless given (the Neo4j engine
    computes betweenness in the database). ``why`` says in a sentence which groups the
    actor bridges (its groups are sectors, territories or communities, as
    ``config.group_by`` says; ``communities`` are needed for the latter).

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(
    ...     actors=(Actor("f", "Fondation", Sector.PHILANTHROPIC),
    ...             Actor("c", "Coop", Sector.SOCIAL_ECONOMY), Actor("t", "Ville", Sector.PUBLIC),
    ...             Actor("z", "Seul", Sector.CITIZEN)),
    ...     projects=(Project("p", "Projet", Stage.FEEDBACK),),
    ...     relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                Relation("t", "p", R.ADOPTS)))
    >>> top = find_brokers(EcosystemGraph(ds)).brokers
    >>> [(b.id, b.rank, b.brokerage.liaison) for b in top]
    [('c', 1, 1), ('f', 2, 0), ('t', 3, 0), ('z', 4, 0)]
    >>> top[-1].betweenness, top[-1].constraint, top[0].why.render("en")[:8]
    (0.0, None, 'Relays 1')
    >>> [b.id for b in top if b.brokers]
    ['c']
    """
    config = config or AnalysisConfig()
    measures = measures or structural_measures(graph, config, progress=progress)
    step_progress(progress, "brokerage", 0)
    actors = graph.dataset.actors
    groups = actor_groups(graph.dataset, config.group_by, communities)
    node_group = _node_groups(graph, groups)
    counts = brokerage_counts(graph.flow, group_codes(node_group))

    # The actors are the first nodes of the graph, by id (its content order).
    at = np.arange(graph.actor_count, dtype=np.int64)
    isolated = graph.degree[at] == 0
    # An actor with no relation lies on no path: betweenness 0, as networkx, igraph and
    # sna define it (only constraint and effective size are undefined).
    between = np.where(isolated, 0.0, np.nan_to_num(_values(measures.betweenness, graph)))
    role_rows = np.stack([counts[role][at] for role in ROLES], axis=1)
    total = role_rows.sum(axis=1)
    # Betweenness, then total brokerage, then id: the actors that broker come first.
    ranking = np.lexsort((graph.id_rank[at], -total, -between))
    bridged_of = bridged_groups(graph.flow, node_group, np.flatnonzero(
        total - role_rows[:, 0] > 0))
    brokers = ranked_brokers(actors, ranking, isolated=isolated, betweenness=between,
                             constraint=_values(measures.constraint, graph),
                             effective_size=_values(measures.effective_size, graph),
                             roles=role_rows, bridged_of=bridged_of, groups=groups,
                             group_by=config.group_by)
    step_progress(progress, "brokerage", 1)
    meta = {"betweenness": dict(measures.betweenness_meta), "group_by": config.group_by}
    return BrokerAnalysis(brokers=tuple(brokers), meta=meta)


def _values(values: Mapping[str, Any], graph: EcosystemGraph) -> np.ndarray:
    """The actors' values of a measure as a float array (NaN for ``None``)."""
    if isinstance(values, NodeValues):
        return np.asarray(np.asarray(values.array, dtype=float)[:graph.actor_count],
                          dtype=float)
    return np.array([np.nan if values[a.id] is None else values[a.id]
                     for a in graph.dataset.actors], dtype=float)
