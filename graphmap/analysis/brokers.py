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

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from graphmap.analysis import kernel
from graphmap.analysis.labels import group_label_params
from graphmap.analysis.report import Broker, Brokerage, Community
from graphmap.config import AnalysisConfig
from graphmap.i18n import Message
from graphmap.model.dataset import Dataset
from graphmap.model.views import actor_flow_view, to_csr, to_igraph, undirected_view

ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper",
                          "liaison")


def brokerage_roles(flow: nx.DiGraph[str], groups: Mapping[str, Hashable]
                    ) -> dict[str, Brokerage]:
    """Gould–Fernandez brokerage role counts [1]_ of every node of a directed graph.

    Node ``b`` brokers the ordered pair ``(a, c)`` when ``a → b → c``, ``a ≠ c`` and there
    is no tie ``a → c`` (the definition of ``sna::brokerage`` [4]_). With ``g`` the group
    of each node, the two-path ``a → b → c`` is counted for ``b`` as

    - coordinator (``w_I``): ``g(a) = g(b) = g(c)``;
    - itinerant (``w_O``): ``g(a) = g(c) ≠ g(b)``;
    - representative (``b_IO``): ``g(a) = g(b) ≠ g(c)``;
    - gatekeeper (``b_OI``): ``g(a) ≠ g(b) = g(c)``;
    - liaison (``b_O``): all three groups differ.

    Computed with sparse products, never by listing triads: with :math:`A_s`/:math:`A_d`
    the ties within/across groups, every two-path count is a product of in- and
    out-degrees, minus reciprocated ties (``a = c``), minus closed two-paths counted as
    row sums of :math:`(A_x A_y^T) \\circ A_z^T`. Nodes missing from ``groups`` share one
    "unknown" group, as ``NA`` does in R.

    Examples
    --------
    >>> f = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> roles = brokerage_roles(f, {"a": "x", "b": "x", "c": "y", "d": "y"})
    >>> roles["b"].representative, roles["c"].gatekeeper, roles["a"].total
    (1, 1, 0)
    """
    from scipy import sparse

    order = tuple(flow.nodes())
    n = len(order)
    if n == 0:
        return {}
    adjacency = to_csr(flow, order)
    keys = [_group_key(groups.get(node)) for node in order]
    uniques = sorted(set(keys))
    code = {k: i for i, k in enumerate(uniques)}
    group = np.fromiter((code[k] for k in keys), dtype=np.int64, count=n)

    coo = adjacency.tocoo()
    same_mask = group[coo.row] == group[coo.col]
    a_same = sparse.csr_array((coo.data * same_mask, (coo.row, coo.col)), shape=(n, n))
    a_diff = sparse.csr_array((coo.data * ~same_mask, (coo.row, coo.col)), shape=(n, n))
    a_same.eliminate_zeros()
    a_diff.eliminate_zeros()
    a_t = adjacency.T.tocsr()

    def rows(m: Any) -> np.ndarray:
        return np.asarray(m.sum(axis=1)).ravel().astype(np.int64)

    def cols(m: Any) -> np.ndarray:
        return np.asarray(m.sum(axis=0)).ravel().astype(np.int64)

    s_in, d_in, s_out, d_out = cols(a_same), cols(a_diff), rows(a_same), rows(a_diff)
    # a = c happens exactly for reciprocated ties; drop those pairs.
    rec_same = rows(a_same.multiply(a_same.T))
    rec_diff = rows(a_diff.multiply(a_diff.T))
    onehot = sparse.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), group)),
                              shape=(n, len(uniques)))
    in_by_group = a_diff.T @ onehot
    out_by_group = a_diff @ onehot
    ends_same_group = rows(in_by_group.multiply(out_by_group))

    all_pairs = {
        "coordinator": s_in * s_out - rec_same,
        "itinerant": ends_same_group - rec_diff,
        "representative": s_in * d_out,
        "gatekeeper": d_in * s_out,
        "liaison": d_in * d_out - ends_same_group,
    }
    a_same_t = a_same.T.tocsr()
    a_diff_t = a_diff.T.tocsr()
    closed = {
        "coordinator": rows((a_same @ a_t).multiply(a_same_t)),
        "representative": rows((a_diff @ a_t).multiply(a_same_t)),
        "gatekeeper": rows((a_same @ a_t).multiply(a_diff_t)),
        "itinerant": rows((a_diff @ a_same_t).multiply(a_diff_t)),
        "liaison": rows((a_diff @ a_diff_t).multiply(a_diff_t)),
    }
    counts = {role: all_pairs[role] - closed[role] for role in ROLES}
    return {
        node: Brokerage(**{role: int(counts[role][i]) for role in ROLES})
        for i, node in enumerate(order)
    }


def _group_key(value: Hashable | None) -> str:
    # One key space for every grouping, so unknown (None) is one group of its own.
    return "\x00" if value is None else f"\x01{value}"


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
        return {a.id: a.sector.value for a in dataset.actors}
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


def structural_measures(undirected: nx.Graph[str], config: AnalysisConfig | None = None,
                        *, progress: Any = None) -> StructuralMeasures:
    """Betweenness (exact or sampled), Burt's constraint and effective size on ``G_u``,
    computed on the igraph kernel. Isolated nodes get ``None`` constraint and effective
    size (undefined) and betweenness 0 here; :func:`find_brokers` reports ``None``.

    >>> m = structural_measures(nx.Graph([("a", "b"), ("b", "c")]))
    >>> m.betweenness["b"], m.constraint["b"], m.effective_size["b"]
    (1.0, 0.5, 2.0)
    """
    config = config or AnalysisConfig()
    _step(progress, "betweenness", 0)
    graph, order = to_igraph(undirected)
    result = kernel.betweenness(graph, exact_max_nodes=config.exact_betweenness_max_nodes,
                                samples=config.betweenness_samples, seed=config.seed,
                                delta=config.betweenness_delta)
    _step(progress, "betweenness", 1)
    _step(progress, "constraint", 0)
    burt = kernel.constraint(graph)
    size = kernel.effective_size(graph)
    _step(progress, "constraint", 1)
    meta: dict[str, Any] = {"approximate": result.approximate, "nodes": len(order),
                            "exact_max_nodes": config.exact_betweenness_max_nodes}
    if result.approximate:
        meta.update(sample_size=result.sample_size, error_bound=result.error_bound,
                    delta=result.delta, method="pivot_sampling")
    return StructuralMeasures(
        betweenness={v: float(x) for v, x in zip(order, result.values, strict=True)},
        constraint={v: _finite(x) for v, x in zip(order, burt, strict=True)},
        effective_size={v: _finite(x) for v, x in zip(order, size, strict=True)},
        betweenness_meta=meta,
    )


def _finite(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _step(progress: Any, step: str, done: int) -> None:
    if progress is not None:
        progress(step, done, 1)


def find_brokers(dataset: Dataset, config: AnalysisConfig | None = None, *,
                 undirected: nx.Graph[str] | None = None,
                 flow: nx.DiGraph[str] | None = None,
                 measures: StructuralMeasures | None = None,
                 communities: Sequence[Community] = (),
                 progress: Any = None) -> BrokerAnalysis:
    """Every actor (never a project) with its brokerage profile, ranked by betweenness
    (descending, ties by id). Isolated actors get ``None`` measures.

    ``why`` says in a sentence which groups the actor bridges (its groups are sectors,
    territories or communities, as ``config.group_by`` says; ``communities`` are needed
    for the latter).

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
    >>> top = find_brokers(ds).brokers
    >>> [(b.id, b.rank, b.brokerage.liaison) for b in top]
    [('c', 1, 1), ('f', 2, 0), ('t', 3, 0), ('z', 4, 0)]
    >>> top[-1].betweenness is None, top[0].why.render("en")[:8]
    (True, 'Connects')
    """
    config = config or AnalysisConfig()
    undirected = undirected_view(dataset) if undirected is None else undirected
    flow = actor_flow_view(dataset) if flow is None else flow
    measures = measures or structural_measures(undirected, config, progress=progress)
    _step(progress, "brokerage", 0)
    groups = actor_groups(dataset, config.group_by, communities)
    roles = brokerage_roles(flow, groups)

    rows = []
    for actor in dataset.actors:
        isolated = undirected.degree(actor.id) == 0
        b = None if isolated else measures.betweenness[actor.id]
        rows.append((actor, b))
    rows.sort(key=lambda row: (-(row[1] if row[1] is not None else -1.0), row[0].id))

    brokers = []
    for rank, (actor, b) in enumerate(rows, start=1):
        profile = roles.get(actor.id, Brokerage())
        bridged = _bridged_groups(flow, actor.id, groups, profile)
        brokers.append(Broker(
            id=actor.id, name=actor.name, rank=rank, betweenness=b,
            constraint=None if b is None else measures.constraint[actor.id],
            effective_size=None if b is None else measures.effective_size[actor.id],
            brokerage=profile,
            why=_why(b, profile, bridged, groups.get(actor.id), config.group_by),
            bridged_groups=bridged,
        ))
    _step(progress, "brokerage", 1)
    meta = {"betweenness": dict(measures.betweenness_meta), "group_by": config.group_by}
    return BrokerAnalysis(brokers=tuple(brokers), meta=meta)


def _bridged_groups(flow: nx.DiGraph[str], actor: str, groups: Mapping[str, str | None],
                    profile: Brokerage) -> tuple[str, ...]:
    """The groups met around an actor that brokers across groups: its own first, then the
    others of its flow neighbours by how many neighbours they hold (ties by name)."""
    across = profile.total - profile.coordinator
    if across == 0 or actor not in flow:
        return ()
    own = groups.get(actor)
    neighbours = set(flow.predecessors(actor)) | set(flow.successors(actor))
    tally = Counter(groups.get(v) for v in neighbours)
    others = sorted((g for g in tally if g != own), key=lambda g: (-tally[g], _sortable(g)))
    return tuple(_text(g) for g in [own, *others])


def _sortable(value: str | None) -> str:
    return "" if value is None else value


def _text(value: str | None) -> str:
    return "" if value is None else value


def _why(betweenness: float | None, profile: Brokerage, bridged: tuple[str, ...],
         own: str | None, group_by: str) -> Message:
    if betweenness is None:
        return Message("analysis.broker.why_isolated")
    if len(bridged) >= 2:
        params: dict[str, object] = {"total": profile.total, "count": len(bridged),
                                     "across": profile.total - profile.coordinator}
        params.update(group_label_params("groups", bridged, group_by))
        return Message("analysis.broker.why_bridges", params)
    if profile.total > 0:
        within: dict[str, object] = {"total": profile.total}
        within.update(group_label_params("group", (_text(own),), group_by))
        return Message("analysis.broker.why_within", within)
    if betweenness > 0:
        return Message("analysis.broker.why_paths")
    return Message("analysis.broker.why_none")
