"""Push a workspace to Neo4j and pull it back: constraints first, then batched
``UNWIND $rows`` writes of only what changed, so pushing twice writes nothing.

How it works: read what the workspace already holds in the database
(:mod:`graphmap.neo4j.stored`), diff it against the rows of :mod:`graphmap.neo4j.rows`, then
create what is new, update what differs and, with ``replace=True``, delete what is gone.
The counts reported come from that diff, so they are exact (the driver's counters would
also count properties set to the same value).

Why the writes look the way they do (each measured with ``benchmarks/bench_neo4j.py``; at
62,500 rows the server's CPU, not the client's, is what a first push waits for):

- what the diff proves new is created (``CREATE``), not merged: no lookup before the
  write (the uniqueness constraints, created before any write, still refuse a duplicate
  from a concurrent push);
- a new relationship joins two nodes found by ``elementId`` (read with the stored state,
  or returned by the ``CREATE`` of its nodes), not by two ``(workspace, id)`` index seeks
  with their locks: a quarter to a third less server CPU for a first push;
- new relationships are sent grouped by source actor (one row per source listing its
  relationships), so each source is found and checked once per group: up to 15 % less
  server CPU for a first push; a batch holds whole groups up to ``BATCH_SIZE``
  relationships, a source with more having a group per ``BATCH_SIZE`` of them;
- role labels are written as static labels, one statement per combination of roles (at
  most 16, each planned once: Neo4j 5 before 5.26 has no dynamic labels), relationships
  one statement per type (7);
- rows are the property maps themselves (they hold ``workspace`` and ``id``/``rid``) or
  short lists, sent without copies; ``BATCH_SIZE`` rows per transaction;
- the client's work is kept off the server's path: the groups of a relationship type are
  built while the server writes the type before, and list parameters go as
  :class:`~graphmap.neo4j.connection.UnloggedList` (the driver would format them for a
  DEBUG log line nobody reads): 15 % less wall time for a first push at 62,500 rows;
- nothing unchanged is written, the workspace node included: a second push of the same
  data only reads (``PushResult.server_counters`` all zero);
- the constraints are listed once (``SHOW CONSTRAINTS``) and only missing ones created.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphmap.analysis.report import AnalysisReport
from graphmap.errors import Neo4jSyncError
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver, run_query
from graphmap.neo4j.rows import (
    ACTOR_LABEL,
    PROJECT_LABEL,
    ROLE_LABELS,
    TYPE_OF_REL,
    WORKSPACE_LABEL,
    GraphRows,
    NodeRow,
    RelRow,
    dataset_from_rows,
    graph_rows,
)
from graphmap.neo4j.statements import (
    CONSTRAINT_STATEMENTS,
    CONSTRAINTS,
    create_groups,
    group_size,
    node_create,
    node_delete,
    node_write,
    rel_create,
    rel_delete,
    rel_update,
)
from graphmap.neo4j.stored import (
    NODE_LABELS,
    Stored,
    element_ids,
    read_nodes,
    read_relationships,
    read_workspace,
    read_workspace_props,
)
from graphmap.neo4j.writer import SERVER_COUNTERS, WRITE_WORKSPACE, BatchWriter

__all__ = ["BATCH_SIZE", "CONSTRAINTS", "SERVER_COUNTERS", "Counts", "PushResult",
           "list_workspaces", "pull", "push", "workspace_name"]

#: Rows per write transaction: large enough that round trips and commits do not dominate,
#: small enough that a transaction's state stays a few tens of MB on the server.
BATCH_SIZE = 10_000

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
    """What a push changed (from its diff), and what the server reported writing: the
    driver's summary counters (:data:`SERVER_COUNTERS`) added up over every write."""

    workspace: str
    nodes: Counts
    relationships: Counts
    server_counters: Mapping[str, int] = field(default_factory=dict)

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


def _ensure_constraints(driver: Any, conn: Connection) -> None:
    """Create the constraints the database lacks. Listing them is one read; creating one
    that exists is a schema transaction each, which a push no longer pays every time."""
    import neo4j.exceptions

    try:
        existing = {str(r["name"]) for r in run_query(
            driver, conn, "SHOW CONSTRAINTS YIELD name").records}
    except neo4j.exceptions.ClientError:  # no right to list them: create them all
        existing = set()
    for name, statement in CONSTRAINT_STATEMENTS.items():
        if name not in existing:
            run_query(driver, conn, statement, write=True)


def _final_roles(rows: GraphRows, stored: Stored, replace: bool) -> dict[str, tuple[str, ...]]:
    """Role labels of the actors whose labels the database will hold after this push
    differ from the rows' own: those keeping a stored relationship this push does not
    write (only without ``replace``)."""
    if replace:
        return {}
    kept = stored.rels.keys() - {r.rid for r in rows.rels}
    extra: dict[str, set[str]] = defaultdict(set)
    for rid in kept:
        rel_type, source, _target, _props = stored.rels[rid]
        rtype = TYPE_OF_REL.get(rel_type)
        label = None if rtype is None else ROLE_LABELS.get(rtype)
        if label is not None:
            extra[source].add(label)
    if not extra:
        return {}
    own = {n.id: n.roles for n in rows.nodes if n.label == ACTOR_LABEL and n.id in extra}
    return {node_id: tuple(sorted(extra[node_id].union(roles)))
            for node_id, roles in own.items() if extra[node_id].difference(roles)}


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the duration of a push.

    A push holds a few objects per row (maps, lists, tuples: none in a reference cycle, so
    reference counting frees them all); with the collector on, each of its passes walks
    every one of them again, which measured a third of a push with nothing to write.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def push(dataset: Dataset, conn: Connection, workspace: str, *,
         report: AnalysisReport | None = None, replace: bool = False,
         batch_size: int = BATCH_SIZE, progress: Progress | None = None,
         stop: threading.Event | None = None) -> PushResult:
    """Write ``dataset`` (and the analysis ``report``, if given) to Neo4j as ``workspace``.

    Idempotent: a second push of the same data writes nothing (no statement but the reads
    runs) and reports zero changes.
    Without ``replace``, nodes and relationships the workspace no longer has are kept;
    with it they are deleted, so the database mirrors the workspace exactly. Other
    workspaces in the same database are never touched.

    ``stop``: once set (by another thread), the push stops before its next write
    transaction with :class:`~graphmap.neo4j.writer.PushStopped`; what it wrote until
    then stays, and the next push completes it.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached, refuses the credentials or the database, or fails;
        or another client deleted nodes of the workspace while this push wrote it.
    """
    with _cyclic_gc_paused(), ThreadPoolExecutor(1) as worker, open_driver(conn) as driver:
        # The rows are built while the server answers: building them is Python work, the
        # reads below mostly wait on the socket (which lets the other thread run).
        pending = worker.submit(graph_rows, dataset, workspace, report)
        _ensure_constraints(driver, conn)
        stored = read_workspace(driver, conn, workspace)
        rows = pending.result()
        roles = _final_roles(rows, stored, replace)
        nodes = [NodeRow(n.label, n.id, n.props, roles[n.id]) if n.id in roles
                 and n.label == ACTOR_LABEL else n for n in rows.nodes]
        node_counts, node_writes = _diff_nodes(nodes, stored)
        rel_counts, rel_writes = _diff_rels(rows.rels, stored)
        gone_nodes, gone_rels = _gone(nodes, rows.rels, stored) if replace else ({}, {})
        # The relationships of a deleted actor go with it (DETACH DELETE): only the others
        # are deleted one by one, by rid.
        gone_sources = set(gone_nodes.get(ACTOR_LABEL, ()))
        rid_deletes = {t: [rid for rid in rids if stored.rels[rid][1] not in gone_sources]
                       for t, rids in gone_rels.items()}
        workspace_props = dict(rows.workspace_props)
        writer = BatchWriter(driver, conn, workspace, batch_size=batch_size,
                             progress=progress, stop=stop, total=sum(
                                 len(items) for group in (rid_deletes, gone_nodes, node_writes,
                                                          rel_writes) for items in group.values()))
        # Deletions first (relationships, then nodes), then nodes, then relationships.
        for rel_type, rids in sorted(rid_deletes.items()):
            writer.write(rel_delete(rel_type), "rids", rids)
        for label, ids in sorted(gone_nodes.items()):
            writer.write(node_delete(label), "ids", ids)
        node_elements = {key: state[2] for key, state in stored.nodes.items()}
        for (label, node_roles, new), props in sorted(node_writes.items()):
            statement = (node_create if new else node_write)(label, node_roles)
            for created in writer.write(statement, "rows", props, must_write=not new):
                node_elements.update(((label, str(node_id)), str(element_id))
                                     for node_id, element_id in created)
        for (rel_type, new), rels in sorted(rel_writes.items()):
            if not new:
                writer.write(rel_update(rel_type), "rows", [r.props for r in rels],
                             must_write=True)
        # New relationships, type by type; each type's groups are built (in the worker)
        # while the server writes the type before: one type ahead, at most two held.
        new_rels = [(rel_type, rels) for (rel_type, new), rels in sorted(rel_writes.items())
                    if new]
        ahead: Future[list[list[Any]]] | None = None
        for index, (rel_type, rels) in enumerate(new_rels):
            groups = (ahead.result() if ahead is not None
                      else create_groups(rels, node_elements, workspace, most=batch_size))
            ahead = None if index + 1 == len(new_rels) else worker.submit(
                create_groups, new_rels[index + 1][1], node_elements, workspace,
                most=batch_size)
            writer.write(rel_create(rel_type), "rows", groups, must_write=True,
                         weight=group_size)
        if stored.workspace_props != workspace_props:
            writer.write_one(WRITE_WORKSPACE, {"props": workspace_props})
    # A relationship of a deleted node is never wanted (wanted ones join kept nodes), so it
    # is already among the deleted relationships.
    return PushResult(
        workspace,
        Counts(node_counts.created, node_counts.updated,
               sum(len(v) for v in gone_nodes.values()), node_counts.unchanged),
        Counts(rel_counts.created, rel_counts.updated,
               sum(len(v) for v in gone_rels.values()), rel_counts.unchanged),
        dict(writer.counters),
    )


def _gone(nodes: Iterable[NodeRow], rels: Iterable[RelRow], stored: Stored
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


def _diff_nodes(nodes: Iterable[NodeRow], stored: Stored
                ) -> tuple[Counts, dict[tuple[str, tuple[str, ...], bool], list[Any]]]:
    """Counts, and the property maps to write by (label, role labels, new)."""
    created = updated = unchanged = 0
    writes: dict[tuple[str, tuple[str, ...], bool], list[Any]] = defaultdict(list)
    for node in nodes:
        old = stored.nodes.get((node.label, node.id))
        if old is None:
            created += 1
        elif old[1] == node.roles and old[0] == node.props:
            unchanged += 1
            continue
        else:
            updated += 1
        writes[(node.label, node.roles, old is None)].append(node.props)
    return Counts(created, updated, 0, unchanged), writes


def _diff_rels(rels: Iterable[RelRow], stored: Stored
               ) -> tuple[Counts, dict[tuple[str, bool], list[RelRow]]]:
    """Counts, and the relationships to write by (type, new)."""
    created = updated = unchanged = 0
    writes: dict[tuple[str, bool], list[RelRow]] = defaultdict(list)
    for rel in rels:
        old = stored.rels.get(rel.rid)
        if old is None:
            created += 1
            writes[(rel.rel_type, True)].append(rel)
        elif old[0] == rel.rel_type and old[3] == rel.props:
            unchanged += 1
        else:
            updated += 1
            writes[(rel.rel_type, False)].append(rel)
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
    with _cyclic_gc_paused(), open_driver(conn) as driver:
        name = resolve_workspace(conn, driver, workspace)
        meta = read_workspace_props(driver, conn, name) or {}
        read = {label: read_nodes(driver, conn, name, label) for label in NODE_LABELS}
        rels = read_relationships(driver, conn, name, read[ACTOR_LABEL], element_ids(
            state for states in read.values() for state in states))
        tables = {label: [state[1] for state in states] for label, states in read.items()}
    try:
        return dataset_from_rows(name, tables[ACTOR_LABEL], tables[PROJECT_LABEL], rels, meta)
    except (KeyError, ValueError, TypeError) as exc:
        raise Neo4jSyncError("neo4j.error.bad_stored", workspace=name,
                             detail=str(exc)[:200]) from exc
