"""The Cypher statements of a push, and the rows they take.

Labels and relationship types come only from our own constants (:mod:`graphmap.neo4j.rows`);
everything the user wrote travels as parameter values. Why they look the way they do is in
:mod:`graphmap.neo4j.sync` (each shape measured with ``benchmarks/bench_neo4j.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graphmap.errors import Neo4jSyncError
from graphmap.neo4j.rows import (
    ACTOR_LABEL,
    ALL_ROLE_LABELS,
    REL_TYPES,
    WORKSPACE_LABEL,
    RelRow,
)
from graphmap.neo4j.stored import NODE_LABELS

__all__ = ["CONSTRAINTS", "CONSTRAINT_STATEMENTS", "create_groups", "group_size",
           "node_create", "node_delete", "node_write", "rel_create", "rel_delete", "rel_update"]

#: Name -> statement of each constraint, run before any write. Composite uniqueness keys
#: the nodes by (workspace, id): that is what lets several workspaces share one database.
#: Relationship keys need Neo4j >= 5.7.
CONSTRAINT_STATEMENTS: Mapping[str, str] = {
    **{f"graphmap_{label.lower()}_key":
       f"CREATE CONSTRAINT graphmap_{label.lower()}_key IF NOT EXISTS "
       f"FOR (n:{label}) REQUIRE (n.workspace, n.id) IS UNIQUE" for label in NODE_LABELS},
    "graphmap_workspace_key": (f"CREATE CONSTRAINT graphmap_workspace_key IF NOT EXISTS "
                               f"FOR (w:{WORKSPACE_LABEL}) REQUIRE w.name IS UNIQUE"),
    **{f"graphmap_{rel.lower()}_key":
       f"CREATE CONSTRAINT graphmap_{rel.lower()}_key IF NOT EXISTS "
       f"FOR ()-[r:{rel}]-() REQUIRE (r.workspace, r.rid) IS UNIQUE"
       for rel in sorted(REL_TYPES.values())},
}
CONSTRAINTS: tuple[str, ...] = tuple(CONSTRAINT_STATEMENTS.values())


def _labels(label: str, roles: Iterable[str]) -> str:
    return "".join(f":{name}" for name in (label, *roles))


def node_create(label: str, roles: tuple[str, ...] = ()) -> str:
    """New nodes (the diff found no node with their key): each row is the property map.
    Their elementIds come back (one record), for the relationships created next."""
    return (f"UNWIND $rows AS row\nCREATE (n{_labels(label, roles)})\nSET n = row\n"
            "RETURN collect([row.id, elementId(n)]) AS created")


def node_write(label: str, roles: tuple[str, ...] = ()) -> str:
    """Nodes the diff found changed: all properties replaced, role labels set to ``roles``.
    The count of those found comes back: fewer than the rows means another client deleted
    some."""
    others = [role for role in ALL_ROLE_LABELS if role not in roles]
    labels = (f"\nREMOVE n{_labels(others[0], others[1:])}" if others else "") + (
        f"\nSET n{_labels(roles[0], roles[1:])}" if roles else "")
    return (f"UNWIND $rows AS row\n"
            f"MATCH (n:{label} {{workspace: $workspace, id: row.id}})\n"
            f"SET n = row{labels if label == ACTOR_LABEL else ''}\n"
            "RETURN count(n) AS written")


def rel_update(rel_type: str) -> str:
    """Relationships the diff found changed: properties replaced (each row is the property
    map, which holds the ``rid``; the relationship key constraint indexes it). The count
    of those found comes back: fewer than the rows means another client deleted some."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH ()-[r:{rel_type} {{workspace: $workspace, rid: row.rid}}]->()\n"
            f"SET r = row\n"
            "RETURN count(r) AS written")


def rel_create(rel_type: str) -> str:
    """Relationships the diff found missing, grouped by source (rows of
    :func:`create_groups`: ``[source elementId, source id, [[target elementId, target id,
    properties], ...]]``), CREATEd between their two nodes found by elementId
    (``NodeByElementIdSeek``: no index seek and no index lock per endpoint).

    The source is found and checked once per group, not once per relationship: up to 15 %
    less server CPU for a first push on a 1 GB heap, within the noise on a 4 GB one
    (medians of alternated runs, ``benchmarks/README.md``).
    The id and workspace checks refuse a node that is no longer the one the elementId was
    read for (deleted meanwhile by another client and its id reused), which the count of
    relationships created then shows."""
    return ("UNWIND $rows AS group\n"
            "MATCH (s) WHERE elementId(s) = group[0] AND s.id = group[1] "
            "AND s.workspace = $workspace\n"
            "UNWIND group[2] AS row\n"
            "MATCH (t) WHERE elementId(t) = row[0] AND t.id = row[1] "
            "AND t.workspace = $workspace\n"
            f"CREATE (s)-[r:{rel_type}]->(t)\n"
            "SET r = row[2]\n"
            "RETURN count(r) AS written")


def rel_delete(rel_type: str) -> str:
    return (f"UNWIND $rids AS rid\n"
            f"MATCH ()-[r:{rel_type} {{workspace: $workspace, rid: rid}}]->()\n"
            f"DELETE r")


def node_delete(label: str) -> str:
    return (f"UNWIND $ids AS id\n"
            f"MATCH (n:{label} {{workspace: $workspace, id: id}})\n"
            f"DETACH DELETE n")


def create_groups(rels: Iterable[RelRow], element_ids: Mapping[tuple[str, str], str],
                  workspace: str, *, most: int) -> list[list[Any]]:
    """The rows of :func:`rel_create`: one per source actor, in the order of its first
    relationship, each listing its relationships in their own order with the target's
    elementId (every endpoint is a node of the dataset, so the push has just read or
    created it), id and properties; a source with more than ``most`` relationships (a
    large funder) has a row per ``most`` of them, so that no transaction holds more than
    a batch.

    >>> rels = [RelRow("FUNDS", "r1", "a", "p", "Project", {"rid": "r1"}),
    ...         RelRow("FUNDS", "r2", "b", "p", "Project", {"rid": "r2"}),
    ...         RelRow("FUNDS", "r3", "a", "q", "Project", {"rid": "r3"})]
    >>> ids = {("Actor", "a"): "4:x:0", ("Actor", "b"): "4:x:1",
    ...        ("Project", "p"): "4:x:2", ("Project", "q"): "4:x:3"}
    >>> [(g[1], [row[1] for row in g[2]]) for g in create_groups(rels, ids, "w", most=10)]
    [('a', ['p', 'q']), ('b', ['p'])]
    >>> [(g[1], group_size(g)) for g in create_groups(rels, ids, "w", most=1)]
    [('a', 1), ('a', 1), ('b', 1)]
    """
    groups: dict[str, list[Any]] = {}
    try:
        for r in rels:
            group = groups.get(r.source)
            if group is None:
                group = groups[r.source] = [element_ids[(ACTOR_LABEL, r.source)], r.source, []]
            group[2].append([element_ids[(r.target_label, r.target)], r.target, r.props])
    except KeyError:  # an end that is no node of the dataset (a Dataset built unvalidated)
        raise Neo4jSyncError("neo4j.error.changed_during_push", workspace=workspace) from None
    return [[element_id, source, targets[start:start + most]]
            for element_id, source, targets in groups.values()
            for start in range(0, len(targets), most)]


def group_size(group: list[Any]) -> int:
    """How many relationships a row of :func:`rel_create` creates."""
    return len(group[2])

