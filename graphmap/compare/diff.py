"""What changed in the records between two years: actors and projects matched by id,
relations by source, target and type, and the change map that draws both years at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graphmap.compare.report import (
    ADDED,
    KEPT,
    REMOVED,
    ChangeMap,
    MapNode,
    MapTie,
    RecordChanges,
    RelationChanges,
    RelationKey,
    Rename,
)
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import RelationType, fold

__all__ = ["ACTOR_FIELDS", "PROJECT_FIELDS", "RELATION_FIELDS", "ROWS", "change_map",
           "diff_records", "diff_relations", "relation_key"]

#: The fields compared, in the order they are reported (``extra``: the user's own columns).
ACTOR_FIELDS: tuple[str, ...] = ("name", "sector", "type", "category", "territory", "scope",
                                 "extra")
PROJECT_FIELDS: tuple[str, ...] = ("name", "stage", "themes", "territory", "start", "end",
                                   "extra")
RELATION_FIELDS: tuple[str, ...] = ("amount", "year", "weight", "kind", "extra")
#: Not a field: reported first when a relation key has another number of rows this year.
ROWS = "rows"


def relation_key(relation: Relation) -> RelationKey:
    """The key that matches ``relation`` across years; ``collaborates`` ends in id order.

    >>> from graphmap.schema import RelationType as R
    >>> relation_key(Relation("b", "a", R.COLLABORATES))
    RelationKey(source='a', target='b', type='collaborates')
    >>> relation_key(Relation("b", "a", R.FUNDS))
    RelationKey(source='b', target='a', type='funds')
    """
    source, target = relation.source, relation.target
    if relation.type is RelationType.COLLABORATES and target < source:
        source, target = target, source
    return RelationKey(source, target, relation.type.value)


def _value(record: Actor | Project | Relation, name: str) -> Any:
    """A field as compared: a column left empty is the same as a column absent."""
    value = getattr(record, name)
    if name == "extra":
        return tuple(sorted((str(k), str(v)) for k, v in value.items() if v))
    return value


def _fields_that_differ(old: Sequence[Any], new: Sequence[Any],
                        fields: Sequence[str]) -> tuple[str, ...]:
    """The fields whose values differ between two groups of records with the same key.

    With as many rows on both sides, each field's values are compared as multisets (the
    order of rows does not matter); otherwise ``rows`` comes first, then the fields whose
    sets of values differ (a second grant of the same amount changes ``rows`` and ``year``,
    not ``amount``).
    """
    same_count = len(old) == len(new)

    def values(records: Sequence[Any], name: str) -> list[str]:
        shown = [repr(_value(r, name)) for r in records]
        return sorted(shown) if same_count else sorted(set(shown))

    differ = tuple(f for f in fields if values(old, f) != values(new, f))
    return differ if same_count else (ROWS, *differ)


def diff_records(old: Iterable[Actor | Project], new: Iterable[Actor | Project],
                 fields: Sequence[str]) -> RecordChanges:
    """Actors (or projects) of two years matched by id.

    A removed and an added record whose names fold to the same text (case, accents and
    spacing aside) are reported in ``renamed``: perhaps the id was changed.

    Examples
    --------
    >>> from graphmap.schema import Sector
    >>> old = [Actor("a", "Centre", Sector.COMMUNITY), Actor("b", "Ville", Sector.PUBLIC)]
    >>> new = [Actor("a", "Centre", Sector.SOCIAL_ECONOMY), Actor("v", "VILLE", Sector.PUBLIC)]
    >>> changes = diff_records(old, new, ACTOR_FIELDS)
    >>> changes.added, changes.removed, changes.changed, dict(changes.changed_fields)
    (('v',), ('b',), ('a',), {'a': ('sector',)})
    >>> changes.renamed
    (Rename(old_id='b', new_id='v', name='VILLE'),)
    """
    before = {r.id: r for r in old}
    after = {r.id: r for r in new}
    added = tuple(sorted(after.keys() - before.keys()))
    removed = tuple(sorted(before.keys() - after.keys()))
    changed_fields: dict[str, tuple[str, ...]] = {}
    for node_id in sorted(before.keys() & after.keys()):
        differ = _fields_that_differ([before[node_id]], [after[node_id]], fields)
        if differ:
            changed_fields[node_id] = differ
    added_by_name: dict[str, list[str]] = defaultdict(list)
    for node_id in added:
        added_by_name[fold(" ".join(after[node_id].name.split()))].append(node_id)
    renamed = [
        Rename(old_id, new_id, after[new_id].name)
        for old_id in removed
        for new_id in added_by_name.get(fold(" ".join(before[old_id].name.split())), ())
    ]
    return RecordChanges(
        added=added, removed=removed, changed=tuple(changed_fields),
        changed_fields=changed_fields, renamed=tuple(sorted(renamed, key=_rename_order)),
        unchanged=len(before.keys() & after.keys()) - len(changed_fields),
    )


def _rename_order(rename: Rename) -> tuple[str, str]:
    return (rename.old_id, rename.new_id)


def _by_key(relations: Iterable[Relation]) -> dict[RelationKey, list[Relation]]:
    grouped: dict[RelationKey, list[Relation]] = defaultdict(list)
    for relation in relations:
        grouped[relation_key(relation)].append(relation)
    return grouped


def diff_relations(old: Iterable[Relation], new: Iterable[Relation]) -> RelationChanges:
    """Relations of two years matched by :func:`relation_key`.

    A key held by several rows (a funder's grants of several years to one project) is
    *changed* when the rows' values differ as a whole, whatever their order.

    Examples
    --------
    >>> from graphmap.schema import RelationType as R
    >>> old = [Relation("f", "p", R.FUNDS, 100.0, 2023), Relation("a", "b", R.COLLABORATES)]
    >>> new = [Relation("f", "p", R.FUNDS, 150.0, 2023), Relation("b", "a", R.COLLABORATES),
    ...        Relation("a", "p", R.SUPPORTS)]
    >>> changes = diff_relations(old, new)
    >>> [k.source for k in changes.added], changes.removed, dict(changes.changed_fields)
    (['a'], (), {RelationKey(source='f', target='p', type='funds'): ('amount',)})
    >>> changes.unchanged
    1
    """
    before, after = _by_key(old), _by_key(new)
    changed_fields: dict[RelationKey, tuple[str, ...]] = {}
    for key in sorted(before.keys() & after.keys()):
        differ = _fields_that_differ(before[key], after[key], RELATION_FIELDS)
        if differ:
            changed_fields[key] = differ
    return RelationChanges(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(changed_fields),
        changed_fields=changed_fields,
        unchanged=len(before.keys() & after.keys()) - len(changed_fields),
    )


def _map_node(record: Actor | Project, status: str) -> MapNode:
    if isinstance(record, Actor):
        return MapNode(record.id, record.name, "actor", record.sector.value, record.territory,
                       status)
    return MapNode(record.id, record.name, "project", record.stage.value, record.territory,
                   status)


def change_map(old: Dataset, new: Dataset, relations: RelationChanges) -> ChangeMap:
    """Every node and relation key of either year, with what became of it.

    A node present in both years is drawn as NEW has it.

    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> a, p = Actor("a", "A", Sector.PUBLIC), Project("p", "P", Stage.EMERGENCE)
    >>> old = Dataset(actors=(a,), projects=(p,), relations=(Relation("a", "p", R.CARRIES),))
    >>> new = Dataset(actors=(a, Actor("b", "B", Sector.PRIVATE)), projects=(p,),
    ...               relations=(Relation("b", "p", R.FUNDS),))
    >>> drawing = change_map(old, new, diff_relations(old.relations, new.relations))
    >>> [(n.id, n.status) for n in drawing.nodes]
    [('a', 'kept'), ('b', 'added'), ('p', 'kept')]
    >>> [(t.key.source, t.status) for t in drawing.ties]
    [('a', 'removed'), ('b', 'added')]
    """
    before: list[Actor | Project] = [*old.actors, *old.projects]
    after: list[Actor | Project] = [*new.actors, *new.projects]
    records: dict[str, tuple[Actor | Project, str]] = {}
    for record in before:
        records[record.id] = (record, REMOVED)
    for record in after:
        records[record.id] = (record, KEPT if record.id in records else ADDED)
    nodes = tuple(_map_node(record, status) for _, (record, status) in sorted(records.items()))
    status_of: Mapping[RelationKey, str] = {
        **dict.fromkeys(relations.added, ADDED), **dict.fromkeys(relations.removed, REMOVED)}
    keys = {relation_key(r) for r in (*old.relations, *new.relations)}
    ties = tuple(MapTie(key, status_of.get(key, KEPT), key in relations.changed_fields)
                 for key in sorted(keys))
    return ChangeMap(nodes, ties)
