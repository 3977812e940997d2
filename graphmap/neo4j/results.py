"""Write an analysis report's results onto a workspace that was just pushed without them.

The Neo4j engine pushes the workspace while it analyses it (the push is the server's work,
the analysis the client's: they overlap), then writes the results here. What the database
holds afterwards is what ``push(dataset, report=report)`` writes: each node's properties
plus :func:`~graphmap.neo4j.rows.analysis_props` (``SET n += ...``), and the workspace
node's properties with the report's (:func:`~graphmap.neo4j.rows.workspace_props`), so a
later ``graphmap push`` of the same data and report writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphmap.analysis.report import AnalysisReport
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver
from graphmap.neo4j.rows import ACTOR_LABEL, PROJECT_LABEL, analysis_props, workspace_props
from graphmap.neo4j.writer import WRITE_WORKSPACE, BatchWriter

__all__ = ["write_results"]


def _add_results(label: str) -> str:
    """Rows ``[id, results]``: the results added to the node's properties. The count of
    nodes found comes back: fewer than the rows means another client deleted some."""
    return (f"UNWIND $rows AS row\n"
            f"MATCH (n:{label} {{workspace: $workspace, id: row[0]}})\n"
            "SET n += row[1]\n"
            "RETURN count(n) AS written")


def write_results(dataset: Dataset, report: AnalysisReport, conn: Connection,
                  workspace: str, *, batch_size: int = 10_000) -> Mapping[str, int]:
    """Add ``report``'s results to the nodes of ``workspace``, pushed from ``dataset``
    without a report, and its summary to the workspace node; returns the server's counters
    (:data:`~graphmap.neo4j.writer.SERVER_COUNTERS`).

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached or fails, or another client deleted nodes of the
        workspace since it was pushed (``neo4j.error.changed_during_push``).
    """
    results = analysis_props(report)
    rows: dict[str, list[list[Any]]] = {
        label: [[r.id, results[r.id]] for r in records if results.get(r.id)]
        for label, records in ((ACTOR_LABEL, dataset.actors), (PROJECT_LABEL, dataset.projects))}
    with open_driver(conn) as driver:
        writer = BatchWriter(driver, conn, workspace, batch_size=batch_size, progress=None,
                             total=sum(len(items) for items in rows.values()))
        for label, items in rows.items():
            writer.write(_add_results(label), "rows", items, must_write=True)
        writer.write_one(WRITE_WORKSPACE,
                         {"props": workspace_props(dataset, workspace, report)})
    return dict(writer.counters)
