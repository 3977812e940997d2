"""Push a workspace to Neo4j and pull it back: constraints first, then batched
``UNWIND $rows ... MERGE`` writes of only what changed, so pushing twice writes nothing.

How it works: read what the workspace already holds in the database, diff it against the
rows of :mod:`graphmap.neo4j.rows`, then create or update what differs and, with
``replace=True``, delete what is gone. The counts reported come from that diff, so they
are exact (the driver's counters would also count properties set to the same value).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphmap.analysis.report import AnalysisReport
from graphmap.errors import Neo4jSyncError
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver, run_query
from graphmap.neo4j.rows import (
    ACTOR_LABEL,
    ALL_ROLE_LABELS,
    PROJECT_LABEL,
    REL_TYPES,
    ROLE_LABELS,
    TYPE_OF_REL,
    WORKSPACE_LABEL,
    GraphRows,
    NodeRow,
    RelRow,
    dataset_from_rows,
    graph_rows,
)

__all__ = ["CONSTRAINTS", "Counts", "PushResult", "list_workspaces", "pull", "push",
           "workspace_name"]

BATCH_SIZE = 2000
NODE_LABELS: tuple[str, ...] = (ACTOR_LABEL, PROJECT_LABEL)

#: Run before any write. Composite uniqueness keys the nodes by (workspace, id): that is
#: what lets several workspaces share one database. Relationship keys need Neo4j ≥ 5.7.
CONSTRAINTS: tuple[str, ...] = (
    *(f"CREATE CONSTRAINT graphmap_{label.lower()}_key IF NOT EXISTS "
      f"FOR (n:{label}) REQUIRE (n.workspace, n.id) IS UNIQUE" for label in NODE_LABELS),
    f"CREATE CONSTRAINT graphmap_workspace_key IF NOT EXISTS "
    f"FOR (w:{WORKSPACE_LABEL}) REQUIRE w.name IS UNIQUE",
    *(f"CREATE CONSTRAINT graphmap_{rel.lower()}_key IF NOT EXISTS "
      f"FOR ()-[r:{rel}]-() REQUIRE (r.workspace, r.rid) IS UNIQUE"
      for rel in sorted(REL_TYPES.values())),
)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Counts:
    """How many nodes or relationships a push created, updated, deleted or left alone."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class PushResult:
    workspace: str
    nodes: Counts
    relationships: Counts

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.deleted
                   for c in (self.nodes, self.relationships))


def workspace_name(path: str | os.PathLike[str]) -> str:
    """The default workspace name: the folder name, or the file name without extension.

    >>> workspace_name("examples/laurentides/"), workspace_name("/tmp/eco.xlsx")
    ('laurentides', 'eco')
    """
    target = Path(path).resolve() if str(path) in (".", "") else Path(path)
    return target.stem if target.suffix.lower() in (".xlsx", ".json") else target.name


def _batches(rows: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


# --- Cypher: labels and types come only from our own constants ------------------------------

def _node_write(label: str) -> str:
    roles = "".join(
        f"FOREACH (_ IN CASE WHEN '{role}' IN row.roles THEN [1] ELSE [] END | SET n:{role})\n"
        f"FOREACH (_ IN CASE WHEN '{role}' IN row.roles THEN [] ELSE [1] END | REMOVE n:{role})\n"
        for role in ALL_ROLE_LABELS) if label == ACTOR_LABEL else ""
    return (f"UNWIND $rows AS row\n"
            f"MERGE (n:{label} {{workspace: $workspace, id: row.id}})\n"
            f"SET n = row.props\n{roles}")


def _rel_write(rel_type: str, target_label: str, *, new: bool = False) -> str:
    """MERGE on (workspace, rid); relationships the diff found missing are CREATEd (the
    uniqueness constraint still refuses a duplicate from a concurrent push)."""
    verb = "CREATE" if new else "MERGE"
    return (f"UNWIND $rows AS row\n"
            f"MATCH (s:{ACTOR_LABEL} {{workspace: $workspace, id: row.source}})\n"
            f"MATCH (t:{target_label} {{workspace: $workspace, id: row.target}})\n"
            f"{verb} (s)-[r:{rel_type} {{workspace: $workspace, rid: row.rid}}]->(t)\n"
            f"SET r = row.props")


def _rel_delete(rel_type: str) -> str:
    return (f"UNWIND $rids AS rid\n"
            f"MATCH ()-[r:{rel_type} {{workspace: $workspace, rid: rid}}]->()\n"
            f"DELETE r")


def _node_delete(label: str) -> str:
    return (f"UNWIND $ids AS id\n"
            f"MATCH (n:{label} {{workspace: $workspace, id: id}})\n"
            f"DETACH DELETE n")


_READ_NODES = ("MATCH (n:{label}) WHERE n.workspace = $workspace AND n.id IS NOT NULL\n"
               "RETURN n.id AS id, properties(n) AS props, labels(n) AS labels")
_READ_RELS = (f"MATCH (s:{ACTOR_LABEL})-[r]->(t) "
              "WHERE s.workspace = $workspace AND s.id IS NOT NULL AND r.workspace = $workspace\n"
              "RETURN type(r) AS type, r.rid AS rid, s.id AS source, t.id AS target, "
              "properties(r) AS props")
_WRITE_WORKSPACE = (f"MERGE (w:{WORKSPACE_LABEL} {{name: $workspace}})\n"
                    "SET w = $props")


@dataclass(frozen=True)
class _Stored:
    nodes: Mapping[tuple[str, str], tuple[Mapping[str, Any], tuple[str, ...]]]
    rels: Mapping[str, tuple[str, str, str, Mapping[str, Any]]]


def _read_stored(driver: Any, conn: Connection, workspace: str) -> _Stored:
    nodes: dict[tuple[str, str], tuple[Mapping[str, Any], tuple[str, ...]]] = {}
    for label in NODE_LABELS:
        result = run_query(driver, conn, _READ_NODES.format(label=label),
                           {"workspace": workspace})
        for rec in result.records:
            roles = tuple(sorted(x for x in rec["labels"] if x in ALL_ROLE_LABELS))
            nodes[(label, str(rec["id"]))] = (rec["props"], roles)
    rels: dict[str, tuple[str, str, str, Mapping[str, Any]]] = {}
    for rec in run_query(driver, conn, _READ_RELS, {"workspace": workspace}).records:
        if rec["rid"] is not None:
            rels[str(rec["rid"])] = (rec["type"], str(rec["source"]), str(rec["target"]),
                                     rec["props"])
    return _Stored(nodes, rels)


def _final_roles(rows: GraphRows, stored: _Stored, replace: bool) -> dict[str, tuple[str, ...]]:
    """Role labels from the relationships the database will hold after this push."""
    roles: dict[str, set[str]] = defaultdict(set)
    for node in rows.nodes:
        roles[node.id].update(node.roles)
    if not replace:
        pushed = {r.rid for r in rows.rels}
        for rid, (rel_type, source, _target, _props) in stored.rels.items():
            rtype = TYPE_OF_REL.get(rel_type)
            label = None if rtype is None else ROLE_LABELS.get(rtype)
            if rid not in pushed and label is not None:
                roles[source].add(label)
    return {k: tuple(sorted(v)) for k, v in roles.items()}


def push(dataset: Dataset, conn: Connection, workspace: str, *,
         report: AnalysisReport | None = None, replace: bool = False,
         batch_size: int = BATCH_SIZE, progress: Progress | None = None) -> PushResult:
    """Write ``dataset`` (and the analysis ``report``, if given) to Neo4j as ``workspace``.

    Idempotent: a second push of the same data writes nothing and reports zero changes.
    Without ``replace``, nodes and relationships the workspace no longer has are kept;
    with it they are deleted, so the database mirrors the workspace exactly. Other
    workspaces in the same database are never touched.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached, refuses the credentials or the database, or fails.
    """
    rows = graph_rows(dataset, workspace, report)
    with open_driver(conn) as driver:
        for statement in CONSTRAINTS:
            run_query(driver, conn, statement, write=True)
        stored = _read_stored(driver, conn, workspace)
        roles = _final_roles(rows, stored, replace)
        nodes = [NodeRow(n.label, n.id, n.props, roles.get(n.id, ()) if n.label == ACTOR_LABEL
                         else ()) for n in rows.nodes]
        node_counts, node_writes = _diff_nodes(nodes, stored)
        rel_counts, rel_writes = _diff_rels(rows.rels, stored)
        gone_nodes, gone_rels = _gone(nodes, rows.rels, stored) if replace else ({}, {})
        # Deletions first (relationships, then nodes), then nodes, then relationships.
        jobs: list[tuple[str, str, list[Any]]] = [
            *((_rel_delete(t), "rids", rids) for t, rids in sorted(gone_rels.items())),
            *((_node_delete(label), "ids", ids) for label, ids in sorted(gone_nodes.items())),
            *((_node_write(label), "rows", [n.as_param() for n in batch])
              for label, batch in sorted(node_writes.items())),
            *((_rel_write(t, target, new=new), "rows", [r.as_param() for r in batch])
              for (t, target, new), batch in sorted(rel_writes.items())),
        ]
        total = sum(len(items) for _, _, items in jobs)
        done = 0
        if progress is not None:
            progress("push", 0, total)
        for statement, key, items in jobs:
            for batch in _batches(items, batch_size):
                run_query(driver, conn, statement, {"workspace": workspace, key: list(batch)},
                          write=True)
                done += len(batch)
                if progress is not None:
                    progress("push", done, total)
        run_query(driver, conn, _WRITE_WORKSPACE,
                  {"workspace": workspace, "props": dict(rows.workspace_props)}, write=True)
    # A relationship of a deleted node is never wanted (wanted ones join kept nodes), so it
    # is already among the deleted relationships.
    return PushResult(
        workspace,
        Counts(node_counts.created, node_counts.updated,
               sum(len(v) for v in gone_nodes.values()), node_counts.unchanged),
        Counts(rel_counts.created, rel_counts.updated,
               sum(len(v) for v in gone_rels.values()), rel_counts.unchanged),
    )


def _gone(nodes: Iterable[NodeRow], rels: Iterable[RelRow], stored: _Stored
          ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """What the database holds for the workspace and the push does not: ids by label,
    relationship ids by type."""
    gone_nodes: dict[str, list[str]] = defaultdict(list)
    gone_rels: dict[str, list[str]] = defaultdict(list)
    wanted_nodes = {(n.label, n.id) for n in nodes}
    for label, node_id in sorted(stored.nodes):
        if (label, node_id) not in wanted_nodes:
            gone_nodes[label].append(node_id)
    wanted_rels = {r.rid for r in rels}
    for rid, (rel_type, *_rest) in sorted(stored.rels.items()):
        if rid not in wanted_rels:
            gone_rels[rel_type].append(rid)
    return gone_nodes, gone_rels


def _diff_nodes(nodes: Iterable[NodeRow], stored: _Stored
                ) -> tuple[Counts, dict[str, list[NodeRow]]]:
    created = updated = unchanged = 0
    writes: dict[str, list[NodeRow]] = defaultdict(list)
    for node in nodes:
        old = stored.nodes.get((node.label, node.id))
        if old is None:
            created += 1
        elif dict(old[0]) == dict(node.props) and old[1] == node.roles:
            unchanged += 1
            continue
        else:
            updated += 1
        writes[node.label].append(node)
    return Counts(created, updated, 0, unchanged), writes


def _diff_rels(rels: Iterable[RelRow], stored: _Stored
               ) -> tuple[Counts, dict[tuple[str, str, bool], list[RelRow]]]:
    created = updated = unchanged = 0
    writes: dict[tuple[str, str, bool], list[RelRow]] = defaultdict(list)
    for rel in rels:
        old = stored.rels.get(rel.rid)
        if old is None:
            created += 1
        elif old[0] == rel.rel_type and dict(old[3]) == dict(rel.props):
            unchanged += 1
            continue
        else:
            updated += 1
        writes[(rel.rel_type, rel.target_label, old is None)].append(rel)
    return Counts(created, updated, 0, unchanged), writes


# --- pull ------------------------------------------------------------------------------------

def list_workspaces(conn: Connection, driver: Any = None) -> list[str]:
    """The names of the workspaces pushed to the database, sorted."""
    query = (f"MATCH (w:{WORKSPACE_LABEL}) RETURN w.name AS name "
             f"UNION MATCH (n:{ACTOR_LABEL}) WHERE n.workspace IS NOT NULL "
             f"RETURN DISTINCT n.workspace AS name")
    if driver is None:
        with open_driver(conn) as opened:
            records = run_query(opened, conn, query).records
    else:
        records = run_query(driver, conn, query).records
    return sorted({str(r["name"]) for r in records if r["name"] is not None})


def resolve_workspace(conn: Connection, driver: Any, workspace: str | None) -> str:
    """``workspace`` if the database holds it; when ``None``, the only workspace there."""
    names = list_workspaces(conn, driver)
    if workspace is None:
        if len(names) == 1:
            return names[0]
        if not names:
            raise Neo4jSyncError("neo4j.error.no_workspace_at_all",
                                 database=conn.database_label)
        raise Neo4jSyncError("neo4j.error.which_workspace", names=", ".join(names))
    if workspace not in names:
        raise Neo4jSyncError("neo4j.error.unknown_workspace", workspace=workspace,
                             names=", ".join(names) or "-", database=conn.database_label)
    return workspace


def pull(conn: Connection, workspace: str | None = None) -> Dataset:
    """Read ``workspace`` back from Neo4j as a Dataset equal to the one pushed.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        Connection problems, an unknown workspace, or stored values graphmap cannot read
        (edited by hand into something outside the vocabulary).
    """
    with open_driver(conn) as driver:
        name = resolve_workspace(conn, driver, workspace)
        params = {"workspace": name}
        meta_records = run_query(
            driver, conn, f"MATCH (w:{WORKSPACE_LABEL} {{name: $workspace}}) "
                          "RETURN properties(w) AS props", params).records
        meta = meta_records[0]["props"] if meta_records else {}
        tables = {label: [r["props"] for r in run_query(
            driver, conn, _READ_NODES.format(label=label), params).records]
            for label in NODE_LABELS}
        rels = [(r["type"], r["source"], r["target"], r["props"])
                for r in run_query(driver, conn, _READ_RELS, params).records]
    try:
        return dataset_from_rows(name, tables[ACTOR_LABEL], tables[PROJECT_LABEL], rels, meta)
    except (KeyError, ValueError, TypeError) as exc:
        raise Neo4jSyncError("neo4j.error.bad_stored", workspace=name,
                             detail=str(exc)[:200]) from exc
