"""Read back what one workspace holds in Neo4j: its nodes and its relationships.

Both :func:`graphmap.neo4j.sync.push` (to diff) and :func:`graphmap.neo4j.sync.pull` read
through here. Why it is shaped this way (measured, see ``benchmarks/bench_neo4j.py``): the
Python driver spends about 25 µs on each record it receives, more than the server spends
finding it, so each query returns *one* record holding a chunk of rows as a list
(``collect``). Chunks are bounded (``READ_CHUNK`` nodes, keyset pagination on the
``(workspace, id)`` key, which the uniqueness constraint indexes in that order), so neither
the server nor the client holds a whole large workspace in one value.

Each node comes back with its ``elementId``: a push creates the relationships of the nodes
it found (or has just created) by that id (``NodeByElementIdSeek``) rather than by two
``(workspace, id)`` index seeks per relationship.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphmap.neo4j.connection import Connection, run_query
from graphmap.neo4j.rows import ACTOR_LABEL, ALL_ROLE_LABELS, PROJECT_LABEL, WORKSPACE_LABEL

__all__ = ["NODE_LABELS", "READ_CHUNK", "Stored", "element_ids", "read_nodes",
           "read_relationships", "read_workspace", "read_workspace_props"]

NODE_LABELS: tuple[str, ...] = (ACTOR_LABEL, PROJECT_LABEL)
#: Nodes per query (and source actors per relationship query) when reading a workspace.
READ_CHUNK = 20_000

# ``ORDER BY n.workspace, n.id`` is the order of the composite index: the server reads it
# in index order and stops at the limit instead of sorting every remaining node.
_READ_NODES = ("MATCH (n:{label}) WHERE n.workspace = $workspace AND n.id > $after\n"
               "WITH n ORDER BY n.workspace, n.id LIMIT $chunk\n"
               "RETURN collect([n.id, properties(n), "
               "[label IN labels(n) WHERE label IN $roles], elementId(n)]) AS rows")
# Both ends by elementId: the ids come from the nodes read just before, so the server reads
# no property of a node per relationship (about 40 % of this query's server time).
_READ_RELS = ("UNWIND $sources AS source\n"
              "MATCH (s)-[r]->(t) WHERE elementId(s) = source AND r.workspace = $workspace\n"
              "RETURN collect([type(r), source, elementId(t), properties(r)]) AS rows")
_READ_IDS = ("UNWIND $elements AS element\n"
             "MATCH (n) WHERE elementId(n) = element\n"
             "RETURN collect([element, n.id]) AS rows")

_READ_WORKSPACE = (f"MATCH (w:{WORKSPACE_LABEL} {{name: $workspace}}) "
                   "RETURN properties(w) AS props")

#: One node as read: its id, its property map, its role labels (sorted) and its elementId.
NodeState = tuple[str, Mapping[str, Any], tuple[str, ...], str]
#: One relationship as read: its type, source id, target id and property map.
RelState = tuple[str, str, str, Mapping[str, Any]]


@dataclass(frozen=True)
class Stored:
    """What the database holds for a workspace: nodes by ``(label, id)`` (properties, role
    labels and elementId), relationships by ``rid`` (type, source id, target id,
    properties), and the properties of its ``:GraphmapWorkspace`` node (``None``: none)."""

    nodes: Mapping[tuple[str, str], tuple[Mapping[str, Any], tuple[str, ...], str]]
    rels: Mapping[str, RelState]
    workspace_props: Mapping[str, Any] | None = None


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def read_nodes(driver: Any, conn: Connection, workspace: str, label: str, *,
               chunk: int = READ_CHUNK) -> list[NodeState]:
    """Every ``label`` node of ``workspace``, in id order."""
    out: list[NodeState] = []
    after = ""
    statement = _READ_NODES.format(label=label)
    while True:
        rows = run_query(driver, conn, statement, {
            "workspace": workspace, "after": after, "chunk": chunk,
            "roles": list(ALL_ROLE_LABELS)}).records[0]["rows"]
        out.extend((str(node_id), props, tuple(sorted(roles)), str(element_id))
                   for node_id, props, roles, element_id in rows)
        if len(rows) < chunk:
            return out
        after = rows[-1][0]


def read_relationships(driver: Any, conn: Connection, workspace: str,
                       actors: Sequence[NodeState], ids: Mapping[str, str], *,
                       chunk: int = READ_CHUNK) -> list[RelState]:
    """Every relationship of ``workspace`` leaving the ``actors`` (as :func:`read_nodes`
    gives them; every relationship graphmap writes leaves an actor). ``ids`` maps the
    elementId of each node read to its id; a target outside it (a relationship made by
    hand towards another node) is looked up by one more query; one deleted by another client
    in between went with its relationships (``DETACH DELETE``), so those are left out."""
    rows: list[Any] = []
    for chunk_of in _chunks([a[3] for a in actors], chunk):
        rows.extend(run_query(driver, conn, _READ_RELS, {
            "workspace": workspace, "sources": list(chunk_of)}).records[0]["rows"])
    unknown = sorted({target for _, _, target, _ in rows if target not in ids})
    if unknown:
        ids = {**ids, **{element: str(node_id) for element, node_id in run_query(
            driver, conn, _READ_IDS, {"elements": unknown}).records[0]["rows"]}}
    return [(rel_type, ids[source], ids[target], props)
            for rel_type, source, target, props in rows if target in ids]


def element_ids(nodes: Iterable[NodeState]) -> dict[str, str]:
    """elementId -> id of nodes as :func:`read_nodes` gives them."""
    return {element_id: node_id for node_id, _props, _roles, element_id in nodes}


def read_workspace(driver: Any, conn: Connection, workspace: str) -> Stored:
    """The nodes and relationships ``workspace`` holds (a relationship without ``rid``,
    made by hand, is not graphmap's and is left out)."""
    read = {label: read_nodes(driver, conn, workspace, label) for label in NODE_LABELS}
    nodes = {(label, node_id): (props, roles, element_id)
             for label, states in read.items()
             for node_id, props, roles, element_id in states}
    ids = element_ids(state for states in read.values() for state in states)
    rels = {str(props["rid"]): (rel_type, source, target, props)
            for rel_type, source, target, props in read_relationships(
                driver, conn, workspace, read[ACTOR_LABEL], ids)
            if props.get("rid") is not None}
    return Stored(nodes, rels, read_workspace_props(driver, conn, workspace))


def read_workspace_props(driver: Any, conn: Connection, workspace: str
                         ) -> Mapping[str, Any] | None:
    """The properties of the workspace's ``:GraphmapWorkspace`` node, ``None`` if it has
    none (never pushed, or pushed by hand)."""
    records = run_query(driver, conn, _READ_WORKSPACE, {"workspace": workspace}).records
    return records[0]["props"] if records else None
