"""The Dataset: one validated workspace, in input order, with lookups by id."""

from __future__ import annotations

import dataclasses
import functools
import heapq
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.model.records import Actor, Project, Relation, Territory
from graphmap.schema import NodeKind


@dataclass(frozen=True)
class Dataset:
    """Actors, projects and relations as the user wrote them, validated.

    Records keep input order. ``warnings`` are the non-fatal issues found while loading.
    ``territories`` is the optional territories table (empty: none declared); when it is
    given, the ``territory`` of actors and projects is a declared territory's name.
    Equality compares the data only (not warnings or provenance), so the same ecosystem
    from CSV, XLSX or JSON compares equal.
    """

    actors: tuple[Actor, ...] = ()
    projects: tuple[Project, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[Issue, ...] = field(default=(), compare=False)
    name: str = field(default="", compare=False)
    territories: tuple[Territory, ...] = ()

    @functools.cached_property
    def actor_by_id(self) -> Mapping[str, Actor]:
        return {a.id: a for a in self.actors}

    @functools.cached_property
    def project_by_id(self) -> Mapping[str, Project]:
        return {p.id: p for p in self.projects}

    def kind_of(self, node_id: str) -> NodeKind | None:
        if node_id in self.actor_by_id:
            return NodeKind.ACTOR
        if node_id in self.project_by_id:
            return NodeKind.PROJECT
        return None

    def node_name(self, node_id: str) -> str:
        node = self.actor_by_id.get(node_id) or self.project_by_id.get(node_id)
        return node.name if node is not None else node_id

    @functools.cached_property
    def extra_columns(self) -> Mapping[str, tuple[str, ...]]:
        """The user's own columns per table (``territories`` only when the table is
        declared), in the order the rows hold them: a record lists its own columns in its
        header's order, and the columns of all records are merged keeping every record's
        order; columns no record orders come by the first record holding them in content
        order (:func:`in_content_order`). The same data in any row order lists them alike,
        and a CSV file's own columns come in its header's order."""
        out: dict[str, tuple[str, ...]] = {}
        tables: tuple[tuple[str, tuple[Actor | Project | Relation | Territory, ...]], ...] = (
            ("actors", self.actors), ("projects", self.projects),
            ("relations", self.relations), ("territories", self.territories))
        if not self.territories:
            tables = tables[:3]  # no territories table: the three tables only
        for table, records in tables:
            out[table] = _merged_columns(records)
        return out


def _merged_columns(records: Iterable[Actor | Project | Relation | Territory]
                    ) -> tuple[str, ...]:
    """The own columns of ``records`` in an order every record's own order agrees with
    (Kahn's topological sort of "comes before" pairs; ties, and the columns of records
    that disagree, by first holder in content order then position)."""
    first: dict[str, tuple[Any, int]] = {}
    after: dict[str, set[str]] = {}
    for record in records:
        if not record.extra:
            continue
        rank = _relation_key(record) if isinstance(record, Relation) else record.id
        previous: str | None = None
        for place, column in enumerate(record.extra):
            held = first.get(column)
            if held is None or (rank, place) < held:
                first[column] = (rank, place)
            if previous is not None:
                after.setdefault(previous, set()).add(column)
            previous = column
    return _topological(first, after)


def _topological(first: Mapping[str, tuple[Any, int]], after: Mapping[str, set[str]]
                 ) -> tuple[str, ...]:
    """The columns of ``first`` with every ``after`` pair in order (Kahn's algorithm), ready
    columns by ``first``; where the pairs disagree (a cycle), the earliest column left."""
    waiting = dict.fromkeys(first, 0)
    for nexts in after.values():
        for column in nexts:
            waiting[column] += 1
    ready = [(first[c], c) for c, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while len(order) < len(first):
        if not ready:
            column = min((c for c in waiting if waiting[c] > 0), key=first.__getitem__)
            waiting[column] = 0
            heapq.heappush(ready, (first[column], column))
        _, column = heapq.heappop(ready)
        if waiting[column] < 0:
            continue
        waiting[column] = -1  # placed
        order.append(column)
        for following in sorted(after.get(column, ())):
            if waiting[following] > 0:
                waiting[following] -= 1
                if waiting[following] == 0:
                    heapq.heappush(ready, (first[following], following))
    return tuple(order)


def _relation_key(relation: Relation) -> tuple[object, ...]:
    """A total order on relations by content: ends and type, then every other field (a
    missing value first), so two rows that differ anywhere never tie."""
    r = relation
    return (r.source, r.target, r.type.value,
            r.year is not None, r.year or 0, r.amount is not None, r.amount or 0.0,
            r.weight, r.kind is not None, r.kind or "", sorted(r.extra.items()))


def in_content_order(dataset: Dataset) -> Dataset:
    """``dataset`` with its records sorted by content: actors, projects and territories by
    id (unique), relations by ends, type and then every other field.

    The compiled graph is built from this order (issue 11, docs/analysis.md §1): seeded and
    order-sensitive steps (communities, sampled betweenness, ties broken by "first
    related") then give the same report whatever order the rows were written in. Returns
    ``dataset`` itself when it is already in that order.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=(Actor("b", "B", Sector.PUBLIC), Actor("a", "A", Sector.MEDIA)),
    ...              relations=(Relation("b", "a", R.SUPPORTS, year=2024),
    ...                         Relation("b", "a", R.SUPPORTS)))
    >>> ordered = in_content_order(ds)
    >>> [a.id for a in ordered.actors], [r.year for r in ordered.relations]
    (['a', 'b'], [None, 2024])
    >>> in_content_order(ordered) is ordered, ordered == ds
    (True, False)
    """
    known = dataset.__dict__.get(_CONTENT_ORDER)
    if known is not None:  # computed once per dataset (the graph, the map, the exports)
        return dataset if known is True else known
    actors = tuple(sorted(dataset.actors, key=_ID))
    projects = tuple(sorted(dataset.projects, key=_ID))
    territories = tuple(sorted(dataset.territories, key=lambda t: t.id))
    relations, ends = _relations_in_order(dataset.relations, actors, projects)
    pairs = ((actors, dataset.actors), (projects, dataset.projects),
             (relations, dataset.relations), (territories, dataset.territories))
    ordered = dataset
    if not all(all(map(operator.is_, new, old)) for new, old in pairs):
        ordered = dataclasses.replace(dataset, actors=actors, projects=projects,
                                      relations=relations, territories=territories)
    if ends is not None:
        ordered.__dict__[_RELATION_ENDS] = ends
    # The Dataset is frozen but keeps its cached lookups in its __dict__, as here. The
    # ordered dataset holds True, not itself: a reference cycle would keep a large
    # workspace alive until the cycle collector runs (graphmap.collection pauses it).
    ordered.__dict__[_CONTENT_ORDER] = True
    if ordered is not dataset:
        dataset.__dict__[_CONTENT_ORDER] = ordered
    return ordered


#: Where :func:`in_content_order` remembers its answer in a Dataset's ``__dict__``: the
#: ordered Dataset, or ``True`` for "this dataset itself" (a copy or pickle keeps it).
_CONTENT_ORDER = "_in_content_order"


def _relations_in_order(relations: tuple[Relation, ...], actors: tuple[Actor, ...],
                        projects: tuple[Project, ...]
                        ) -> tuple[tuple[Relation, ...], RelationEnds | None]:
    """``relations`` sorted by :func:`_relation_key`: by the ranks of their ends' ids and
    of their type as integers (numpy, no key tuple per row; half a million relations in a
    fraction of a second), then, among rows with the same ends and type, by every field.
    Also the ends of the sorted rows as ranks (:class:`RelationEnds`), ``None`` when an end
    is in no table."""
    import numpy as np  # here: loading and validating a workspace never needs numpy

    ids = sorted([*map(_ID, actors), *map(_ID, projects)])
    rank = dict(zip(ids, range(len(ids)), strict=True))
    m = len(relations)
    try:
        source = np.fromiter(map(rank.__getitem__, map(_SOURCE, relations)), dtype=np.int64,
                             count=m)
        target = np.fromiter(map(rank.__getitem__, map(_TARGET, relations)), dtype=np.int64,
                             count=m)
    except KeyError:  # ends no table defines
        return tuple(sorted(relations, key=_relation_key)), None
    types = list(map(_TYPE, relations))
    # The types by identity: an enum member hashes in Python, half a million times over.
    members = dict(zip(map(id, types), types, strict=True))
    code = {i: k for k, i in enumerate(sorted(members, key=lambda i: members[i].value))}
    kind = np.fromiter(map(code.__getitem__, map(id, types)), dtype=np.int64, count=m)
    order = np.lexsort((kind, target, source))
    source, target, kind = source[order], target[order], kind[order]
    kinds = tuple(sorted(members.values(), key=lambda t: t.value))
    if m < 2:
        return tuple(map(relations.__getitem__, order.tolist())), RelationEnds(
            tuple(ids), source, target, kind, kinds)
    # One gather straight into the tuple: a list then a tuple of millions of rows touches
    # every row object (its reference count) three times more, in no memory order.
    ordered = operator.itemgetter(*order.tolist())(relations)
    same = (source[1:] == source[:-1]) & (target[1:] == target[:-1]) & (kind[1:] == kind[:-1])
    if not same.any():
        return ordered, RelationEnds(tuple(ids), source, target, kind, kinds)
    # Rows with the same ends and type, by every other field: only the runs of two rows or
    # more (a loop over every run is millions of iterations on a large workspace).
    bounds = np.flatnonzero(np.diff(np.concatenate(([False], same, [False])).astype(np.int8)))
    out = list(ordered)
    for start, stop in zip(bounds[0::2].tolist(), (bounds[1::2] + 1).tolist(), strict=True):
        out[start:stop] = sorted(out[start:stop], key=_relation_key)
    return tuple(out), RelationEnds(tuple(ids), source, target, kind, kinds)


_ID = operator.attrgetter("id")
_SOURCE = operator.attrgetter("source")
_TARGET = operator.attrgetter("target")
_TYPE = operator.attrgetter("type")


@dataclass(frozen=True)
class RelationEnds:
    """The ends of a dataset's relations (in content order) as positions in ``ids``, the
    sorted ids of its actors and projects, and their types as positions in ``types``
    (sorted by value): what :func:`in_content_order` computed to sort them, kept for the
    compiled graph (``source``, ``target`` and ``type`` are int64 arrays)."""

    ids: tuple[str, ...]
    source: Any
    target: Any
    type: Any = None
    types: tuple[Any, ...] = ()


def relation_ends(dataset: Dataset) -> RelationEnds | None:
    """The :class:`RelationEnds` of ``in_content_order(dataset)``'s relations when that
    call computed them (``None``: not known, count them again)."""
    ends = dataset.__dict__.get(_RELATION_ENDS)
    return ends if isinstance(ends, RelationEnds) else None


#: Where :func:`in_content_order` keeps the :class:`RelationEnds` of the ordered dataset.
_RELATION_ENDS = "_relation_ends"
