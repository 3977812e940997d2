"""Introducers: who in the map knows both sides of a proposed tie, and can introduce them.

An introduction only works when the introducer **knows** both people. Two actors know each
other when

- a relation ties them directly (any type, either direction): a *direct* tie, strength 2;
- or both are tied to the same project: a tie *through a project*, strength 1.

An actor knows a project when it is tied to it (strength 2), or when it knows one of the
project's carriers (strength 1: the carrier can take it from there).

The introducer of ``source`` and ``target`` (:func:`find_introducer`) is an actor, neither
of the two, who knows both, chosen by

1. the strongest ties: the sum of its two strengths, highest first (2 + 2 = knows both
   directly);
2. then ``importance`` (betweenness), highest first (the degree when none is given);
3. then id.

The path is the introduction chain itself: ``(source, introducer, target)``. When nobody
knows both, a **two-step chain** ``(source, A, B, target)`` is given if one exists: A knows
the source, B knows the target and A knows B ("A, then B"), chosen by the sum of the three
strengths, then A's and B's importance and ids. Otherwise there is no introducer and no
path: no one in the map knows both, so the approach is direct.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from graphmap.analysis.brokers import NodeValues
from graphmap.analysis.report import Opportunity
from graphmap.i18n import Message
from graphmap.model.compiled import EcosystemGraph, csr_rows

#: Strength of knowing someone by a direct relation, and through a shared project.
DIRECT = 2
THROUGH_PROJECT = 1


def acquaintances(graph: EcosystemGraph, node: int) -> dict[int, int]:
    """The actors who know node ``node`` (an actor or a project), with the strength of the
    tie (:data:`DIRECT` or :data:`THROUGH_PROJECT`), as node positions; never ``node``.

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abcd"),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),
    ...                        Project("q", "Q", Stage.EMERGENCE)),
    ...              relations=(Relation("a", "b", R.COLLABORATES), Relation("a", "p", R.FUNDS),
    ...                         Relation("c", "p", R.CARRIES), Relation("d", "q", R.ADOPTS),
    ...                         Relation("c", "q", R.CARRIES)))
    >>> g = EcosystemGraph(ds)
    >>> sorted((g.ids[k], s) for k, s in acquaintances(g, g.index["a"]).items())
    [('b', 2), ('c', 1)]
    >>> sorted((g.ids[k], s) for k, s in acquaintances(g, g.index["q"]).items())
    [('a', 1), ('c', 2), ('d', 2)]
    """
    direct, through = known_positions(graph, node)
    known = dict.fromkeys(through.tolist(), THROUGH_PROJECT)
    known.update(dict.fromkeys(direct.tolist(), DIRECT))
    known.pop(node, None)
    return known


def known_positions(graph: EcosystemGraph, node: int) -> tuple[np.ndarray, np.ndarray]:
    """The actors who know ``node``, as two arrays of node positions (with repeats, maybe
    ``node`` itself): by a direct tie, and through a project (for a project: through one
    of its carriers). Slices of the compiled graph's arrays: no Python loop over actors."""
    na = graph.actor_count
    around = graph.neighbours(node)
    direct = around[around < na]
    if node < na:
        through = graph.neighbours_of(around[around >= na])
    else:
        carriers = np.array([graph.index[c] for c in graph.project_roles[graph.ids[node]].carriers],
                            dtype=np.int64)
        near_c = graph.neighbours_of(carriers)
        # Its projects list the carrier itself: it is tied to the project, so direct.
        through = np.concatenate([near_c, graph.neighbours_of(near_c[near_c >= na])])
    through = through.astype(np.int64)
    return direct, through[through < na]


def knows(graph: EcosystemGraph, who: str, other: str) -> bool:
    """Whether actor ``who`` knows ``other`` (an actor or a project), as the module says.

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abc"),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.FUNDS), Relation("b", "p", R.CARRIES)))
    >>> g = EcosystemGraph(ds)
    >>> knows(g, "a", "b"), knows(g, "a", "p"), knows(g, "c", "p")
    (True, True, False)
    """
    return graph.index[who] in acquaintances(graph, graph.index[other])


def find_introducer(graph: EcosystemGraph, source: str, target: str,
                    importance: Mapping[str, float] | None = None
                    ) -> tuple[str | None, tuple[str, ...]]:
    """Who can introduce ``source`` to ``target`` and the introduction chain, by the rules
    of the module: ``(introducer, (source, introducer, target))``; else the two-step chain
    ``(A, (source, A, B, target))``; else ``(None, ())``.

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abmnz"),
    ...              relations=(Relation("a", "m", R.COLLABORATES),
    ...                         Relation("m", "n", R.MEMBER_OF), Relation("n", "b", R.FUNDS)))
    >>> g = EcosystemGraph(ds)
    >>> find_introducer(g, "a", "n"), find_introducer(g, "a", "b")
    (('m', ('a', 'm', 'n')), ('m', ('a', 'm', 'n', 'b')))
    >>> find_introducer(g, "a", "z")
    (None, ())
    """
    ids = graph.ids
    node = graph.index
    values = _by_position(graph, importance)
    by_id = importance or {}

    def weight(z: int) -> float:
        if values is not None:
            return float(values[z])
        return float(by_id.get(ids[z], 0.0) or 0.0)

    s, t = node[source], node[target]
    ends = {s, t}
    if values is not None:
        first, second = _introduction_on_arrays(graph, s, t, values)
        if first is None:
            return None, ()
        if second is None:
            return ids[first], (source, ids[first], target)
        return ids[first], (source, ids[first], ids[second], target)
    near_source = acquaintances(graph, s)
    near_target = acquaintances(graph, t)
    both = [z for z in near_source if z in near_target and z not in ends]
    if both:
        best = min(both, key=lambda z: (-(near_source[z] + near_target[z]), -weight(z), ids[z]))
        return ids[best], (source, ids[best], target)
    best_chain: tuple[tuple[float, float, str, float, str], int, int] | None = None
    for a, to_a in near_source.items():
        if a in ends:
            continue
        for b, a_to_b in acquaintances(graph, a).items():
            to_b = near_target.get(b)
            if to_b is None or b in ends:
                continue
            key = (-float(to_a + a_to_b + to_b), -weight(a), ids[a], -weight(b), ids[b])
            if best_chain is None or key < best_chain[0]:
                best_chain = (key, a, b)
    if best_chain is None:
        return None, ()
    _key, a, b = best_chain
    return ids[a], (source, ids[a], ids[b], target)


def _strengths(graph: EcosystemGraph, node: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`acquaintances` of ``node`` as an array over the actors (0 = does not know),
    and the positions it was written at (with repeats; ``node`` maybe among them).

    The array is fresh zeros (``calloc``'s untouched pages): only the positions written
    and read cost anything, never a pass over every actor (8 MB of them at a million)."""
    direct, through = known_positions(graph, node)
    strength = np.zeros(graph.actor_count, dtype=np.int8)
    strength[through] = THROUGH_PROJECT
    strength[direct] = DIRECT
    if node < graph.actor_count:
        strength[node] = 0
    return strength, np.concatenate([direct, through])


def _best(candidates: np.ndarray, *keys: np.ndarray) -> int:
    """The candidate first by ``keys`` (highest first, each deciding among the ties of the
    one before), then by lowest id rank (the last key): ``np.lexsort`` of the negated keys
    and the rank, its first entry, by linear passes (the candidates can be many)."""
    *highest, rank = keys
    if any(np.isnan(k).any() for k in highest if k.dtype.kind == "f"):
        return int(candidates[np.lexsort((rank, *(-k for k in reversed(highest))))[0]])
    chosen = np.ones(len(candidates), dtype=bool)
    for key in highest:
        chosen &= key == key[chosen].max()
    at = np.flatnonzero(chosen)
    return int(candidates[at[np.argmin(rank[at])]])


def _introduction_on_arrays(graph: EcosystemGraph, s: int, t: int, values: np.ndarray
                            ) -> tuple[int | None, int | None]:
    """:func:`find_introducer` on arrays over the actors, with the importance ``values``
    by position: ``(introducer, None)`` for someone who knows both, ``(A, B)`` for a chain,
    ``(None, None)`` for neither; the same keys and order as the plain rules."""
    to_s, near_s = _strengths(graph, s)
    to_t, _near_t = _strengths(graph, t)
    rank = graph.id_rank
    known_by_s = near_s[(to_s[near_s] > 0) & (near_s != t)]  # repeats kept
    both = known_by_s[to_t[known_by_s] > 0]
    if len(both):
        weight = np.asarray(values[both], dtype=float)
        total = to_s[both].astype(np.int64) + to_t[both]
        return _best(both, total, weight, rank[both]), None
    if not len(known_by_s):
        return None, None
    # Each A once (numpy leaves unspecified which write wins when a position is assigned
    # twice, so not by a scatter).
    first = np.unique(known_by_s)
    # Everyone each A knows (acquaintances, with repeats: the strongest entry wins below).
    na = graph.actor_count
    around, counts = csr_rows(graph.indptr, graph.indices, first)
    owner = np.repeat(first, counts)
    on_project = around >= na
    through, counts = csr_rows(graph.indptr, graph.indices, around[on_project])
    a = np.concatenate([owner[~on_project], np.repeat(owner[on_project], counts)])
    b = np.concatenate([around[~on_project], through]).astype(np.int64)
    a_to_b = np.concatenate([np.full(int((~on_project).sum()), DIRECT, dtype=np.int64),
                             np.full(len(through), THROUGH_PROJECT, dtype=np.int64)])
    ok = (b < na) & (b != a)
    a, b, a_to_b = a[ok], b[ok], a_to_b[ok]
    ok = (to_t[b] > 0) & (b != s) & (b != t)
    a, b, a_to_b = a[ok], b[ok], a_to_b[ok]
    if not len(a):
        return None, None
    weight = np.asarray(values, dtype=float)
    total = to_s[a] + a_to_b + to_t[b]
    best = np.lexsort((rank[b], -weight[b], rank[a], -weight[a], -total))[0]
    return int(a[best]), int(b[best])


def _by_position(graph: EcosystemGraph, importance: Mapping[str, float] | None
                 ) -> np.ndarray | None:
    """The weights of :func:`find_introducer` as an array over the nodes when they can be
    read by position: the degrees without ``importance``, the array of the analysis's own
    betweenness (:class:`~graphmap.analysis.brokers.NodeValues` over this graph, no
    undefined values); else ``None`` (read by id)."""
    if not importance:
        return np.asarray(graph.degree)
    if isinstance(importance, NodeValues) and importance.over(graph.index):
        return np.asarray(importance.array)
    return None


def introduction(graph: EcosystemGraph, path: tuple[str, ...]) -> Message:
    """The introduction in a sentence: who knows both, "A, then B", or a direct approach."""
    name = graph.dataset.node_name
    if len(path) == 3:
        return Message("analysis.introduction.one", {"name": name(path[1])})
    if len(path) == 4:
        return Message("analysis.introduction.chain",
                       {"first": name(path[1]), "second": name(path[2])})
    return Message("analysis.introduction.none")


def with_introducer(opp: Opportunity, graph: EcosystemGraph,
                    importance: Mapping[str, float] | None) -> Opportunity:
    """``opp`` with the introducer, chain and sentence of :func:`find_introducer`."""
    introducer, path = find_introducer(graph, opp.source, opp.target, importance)
    return Opportunity(kind=opp.kind, source=opp.source, target=opp.target, score=opp.score,
                       reasons=opp.reasons, introducer=introducer, path=path,
                       evidence=opp.evidence, introduction=introduction(graph, path))
