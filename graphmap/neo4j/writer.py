"""Running a push's write statements: ``UNWIND $rows`` batches, one managed transaction
each, progress, and the server's own counts of what it wrote.

Shared by :func:`graphmap.neo4j.sync.push` and :func:`graphmap.neo4j.results.write_results`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from graphmap.errors import Neo4jSyncError
from graphmap.neo4j.connection import Connection, run_query
from graphmap.neo4j.rows import WORKSPACE_LABEL

__all__ = ["SERVER_COUNTERS", "WRITE_WORKSPACE", "BatchWriter", "PushStopped"]

#: The workspace node's properties replaced by ``$props``.
WRITE_WORKSPACE = (f"MERGE (w:{WORKSPACE_LABEL} {{name: $workspace}})\n"
                   "SET w = $props")

Progress = Callable[[str, int, int], None]


def _batches(rows: Sequence[Any], size: int, weight: Callable[[Any], int] | None
             ) -> Iterator[tuple[Sequence[Any], int]]:
    """Slices of ``rows`` standing for at most ``size`` rows each (a row of weight ``w``
    stands for ``w`` rows; a heavier one alone), with the rows each stands for."""
    if weight is None:
        for start in range(0, len(rows), size):
            batch = rows[start:start + size]
            yield batch, len(batch)
        return
    start = total = 0
    for end, row in enumerate(rows):
        row_weight = weight(row)
        if total and total + row_weight > size:
            yield rows[start:end], total
            start, total = end, 0
        total += row_weight
    if start < len(rows):
        yield rows[start:], total


#: The driver's summary counters a push adds up (``PushResult.server_counters``).
SERVER_COUNTERS: tuple[str, ...] = (
    "nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
    "properties_set", "labels_added", "labels_removed")


class PushStopped(RuntimeError):
    """The push was asked to stop (its ``stop`` event set) before its next batch: the
    Neo4j engine stops the push it runs beside an analysis that failed or was
    interrupted. Never shown to a user: the analysis's own error is."""


class BatchWriter:
    """Runs the write statements of one push, ``batch_size`` rows per transaction (one
    managed transaction each, ``execute_query``), reports progress and adds up what the
    server says it wrote."""

    def __init__(self, driver: Any, conn: Connection, workspace: str, *, batch_size: int,
                 progress: Progress | None, total: int,
                 stop: threading.Event | None = None) -> None:
        self.driver, self.conn, self.workspace, self.stop = driver, conn, workspace, stop
        self.batch_size, self.progress, self.total = batch_size, progress, total
        self.done = 0
        self.counters: dict[str, int] = dict.fromkeys(SERVER_COUNTERS, 0)
        if progress is not None:
            progress("push", 0, total)

    def write_one(self, statement: str, params: Mapping[str, Any]) -> Any:
        if self.stop is not None and self.stop.is_set():
            raise PushStopped(self.workspace)
        result = run_query(self.driver, self.conn, statement,
                           {"workspace": self.workspace, **params}, write=True)
        for name in SERVER_COUNTERS:
            self.counters[name] += getattr(result.summary.counters, name)
        return result

    def write(self, statement: str, key: str, items: Sequence[Any], *,
              must_write: bool = False, weight: Callable[[Any], int] | None = None
              ) -> list[Any]:
        """Write ``items`` in batches; returns the ``created`` column of each batch's record
        when the statement returns one (node creation), else nothing.

        ``weight``: how many rows an item stands for (a group of relationships of one
        source), for the batch size, the progress and ``must_write``; one by default.

        ``must_write``: the statement returns ``written``, which must be every row of the
        batch (each row's node updated, or relationship created or updated); fewer means
        another client deleted a node or relationship since this push read it (or created
        it).
        """
        created = []
        for batch, rows in _batches(items, self.batch_size, weight):
            result = self.write_one(statement, {key: batch})
            if must_write and result.records[0]["written"] != rows:
                raise Neo4jSyncError("neo4j.error.changed_during_push",
                                     workspace=self.workspace)
            self.done += rows
            if self.progress is not None:
                self.progress("push", self.done, self.total)
            if "created" in result.keys:
                created.append(result.records[0]["created"])
        return created


