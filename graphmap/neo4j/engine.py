"""The Neo4j analysis engine: push a workspace, compute betweenness and communities inside
Neo4j with Graph Data Science, and build the same AnalysisReport as the local engine.

What runs where:

- in Neo4j: exact betweenness (``gds.betweenness.stream``) up to
  ``exact_betweenness_max_nodes`` nodes, and communities (``gds.leiden.stream``, seeded,
  one thread);
- locally, by the public functions of :mod:`graphmap.analysis`: betweenness above the
  exact limit (KADABRA, with its error bound: GDS's sampled betweenness has none, and took
  101 s at 100k actors where KADABRA takes 2 s), the ``collaborate`` link prediction (the
  sparse products of :mod:`graphmap.analysis.collaboration`: GDS 2.13 has resource
  allocation and Adamic–Adar only as alpha functions of one given pair, so listing the
  two-hop pairs stayed in Cypher, about 200 s at 100k actors), constraint and effective
  size, brokerage roles, gaps, the other opportunities, the summary, and the sentences.

The GDS graph is a projection of ``G_u`` (one undirected edge per related pair, no self
loops, the workspace's actors and projects only); it is dropped at the end, also on error.
The report's results are written onto the nodes once, by the second push.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from graphmap.analysis.report import AnalysisReport
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver, run_query
from graphmap.neo4j.rows import ACTOR_LABEL, PROJECT_LABEL

__all__ = ["ENGINE_STEPS", "BetweennessScores", "analyze_in_neo4j",
           "gds_betweenness", "gds_communities", "projected_graph"]

Progress = Callable[[str, int, int], None]

#: The steps ``progress`` hears about, in the order they run.
ENGINE_STEPS: tuple[str, ...] = ("push", "graph", "betweenness", "communities", "constraint",
                                 "brokerage", "gaps", "opportunities", "summary")
# One undirected edge per related pair (whatever the parallel relations), no self loops;
# rows ordered by id so that GDS numbers the nodes the same way on every database.
_PROJECT = f"""
MATCH (s) WHERE (s:{ACTOR_LABEL} OR s:{PROJECT_LABEL}) AND s.workspace = $workspace
  AND s.id IS NOT NULL
OPTIONAL MATCH (s)--(t)
  WHERE (t:{ACTOR_LABEL} OR t:{PROJECT_LABEL}) AND t.workspace = $workspace AND s.id < t.id
WITH DISTINCT s, t
ORDER BY s.id, t.id
WITH gds.graph.project($graph, s, t, {{}}, {{undirectedRelationshipTypes: ['*']}}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
"""
_DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName"
_BETWEENNESS = """
CALL gds.betweenness.stream($graph, $settings) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score
"""
_LEIDEN = """
CALL gds.leiden.stream($graph, $settings) YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).id AS id, communityId AS community
"""
@dataclass(frozen=True)
class BetweennessScores:
    """Normalized betweenness by node id, and how GDS computed it."""

    values: Mapping[str, float]
    approximate: bool
    sample_size: int | None = None


@contextmanager
def projected_graph(driver: Any, conn: Connection, workspace: str
                    ) -> Iterator[tuple[str, int, int]]:
    """Project ``workspace``'s ``G_u`` into the GDS catalogue; yields ``(name, nodes,
    edges)`` and drops the projection on exit, error or not."""
    name = f"graphmap-{uuid.uuid4().hex}"
    try:
        record = run_query(driver, conn, _PROJECT, {"workspace": workspace, "graph": name},
                           write=True).records[0]
        # An undirected projection holds each edge in both directions.
        yield name, int(record["nodes"]), int(record["relationships"]) // 2
    finally:
        run_query(driver, conn, _DROP, {"graph": name}, write=True)


def gds_betweenness(driver: Any, conn: Connection, graph: str, nodes: int
                    ) -> BetweennessScores:
    """Exact betweenness of every node of the projection, normalized as the local engine's:
    GDS sums each unordered pair once, so :math:`b(v) = 2 s(v) / ((n-1)(n-2))`. The engine
    calls it up to ``exact_betweenness_max_nodes`` nodes only (see the module docstring)."""
    scale = 2.0 / ((nodes - 1) * (nodes - 2)) if nodes > 2 else 0.0
    records = run_query(driver, conn, _BETWEENNESS,
                        {"graph": graph, "settings": {"concurrency": 1}},
                        write=False).records
    values = {str(r["id"]): float(r["score"]) * scale for r in records}
    return BetweennessScores(values, approximate=False)


def gds_communities(driver: Any, conn: Connection, graph: str, config: AnalysisConfig
                    ) -> list[list[str]]:
    """Leiden communities of the projection (``randomSeed`` = ``config.seed``, one
    thread, ``gamma`` = ``config.community_resolution``): members sorted by id, the list
    by size (largest first) then smallest member id, as the local partition."""
    settings = {"concurrency": 1, "randomSeed": config.seed,
                "gamma": config.community_resolution}
    records = run_query(driver, conn, _LEIDEN, {"graph": graph, "settings": settings},
                        write=False).records
    groups: dict[int, list[str]] = {}
    for r in records:
        groups.setdefault(int(r["community"]), []).append(str(r["id"]))
    parts = [sorted(members) for members in groups.values()]
    parts.sort(key=lambda members: (-len(members), members[0]))
    return parts


def analyze_in_neo4j(dataset: Dataset, conn: Connection, workspace: str,
                     config: AnalysisConfig | None = None, *,
                     progress: Progress | None = None, store: bool = True) -> AnalysisReport:
    """Push ``dataset`` as ``workspace`` (``replace``: the database mirrors it), compute
    betweenness (exact, in GDS, up to ``exact_betweenness_max_nodes``) and communities in
    Neo4j, and build the report the local engine builds (see the module docstring for what
    runs where).

    With ``store``, the report's results are pushed back onto the nodes, as
    ``graphmap push`` does.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached, refuses the credentials, lacks GDS, or fails.
    """
    from graphmap.analysis import kernel
    from graphmap.analysis.communities import label_communities
    from graphmap.analysis.pipeline import complete_report
    from graphmap.neo4j.sync import push

    config = config or AnalysisConfig()

    def step(name: str, done: int) -> None:
        if progress is not None:
            progress(name, done, 1)

    step("push", 0)
    push(dataset, conn, workspace, replace=True, progress=None)
    step("push", 1)
    step("graph", 0)
    graph = EcosystemGraph(dataset)
    with open_driver(conn) as driver, projected_graph(driver, conn, workspace) as (
            projection, n, _):
        step("graph", 1)
        step("betweenness", 0)
        sampled = None
        if n <= config.exact_betweenness_max_nodes:
            between = _node_array(graph, gds_betweenness(driver, conn, projection, n).values)
        else:
            # GDS samples sources without an error bound: KADABRA here, as the local engine.
            sampled = kernel.betweenness(
                graph.igraph(), exact_max_nodes=config.exact_betweenness_max_nodes,
                epsilon=config.betweenness_epsilon, delta=config.betweenness_delta,
                seed=config.seed, edges=graph.edges)
            between = sampled.values
        step("betweenness", 1)
        step("communities", 0)
        parts = gds_communities(driver, conn, projection, config)
        step("communities", 1)
    step("constraint", 0)
    measures = _measures(graph, between, sampled, config)
    step("constraint", 1)
    # fund / support / adopt and collaborate: the local rules (module docstring).
    report = complete_report(graph, config, measures, label_communities(dataset, parts),
                             progress=progress, meta={"engine": "neo4j"})
    if store:
        push(dataset, conn, workspace, report=report, replace=True)
    return report


def _node_array(graph: EcosystemGraph, values: Mapping[str, float]) -> Any:
    """``values`` by node id as a float array in the graph's node order (0 if missing)."""
    import numpy as np

    positions = graph.index
    out = np.zeros(graph.node_count)
    for node_id, value in values.items():
        where = positions.get(node_id)
        if where is not None:
            out[where] = value
    return out


def _measures(graph: EcosystemGraph, between: Any, sampled: Any,
              config: AnalysisConfig) -> Any:
    """The betweenness found (``sampled``: the local KADABRA result, or ``None`` when GDS
    computed it exactly) with the local constraint and effective size, as the
    ``StructuralMeasures`` the local engine passes to ``find_brokers``; its meta has the
    keys of :func:`graphmap.analysis.brokers.meta_of`."""
    from graphmap.analysis import kernel
    from graphmap.analysis.brokers import NodeValues, StructuralMeasures

    meta: dict[str, Any] = {"method": "exact", "approximate": False,
                            "nodes": graph.node_count,
                            "exact_max_nodes": config.exact_betweenness_max_nodes}
    if sampled is not None:
        meta.update(method=sampled.method, approximate=True, epsilon=sampled.epsilon,
                    delta=sampled.delta, error_bound=sampled.error_bound,
                    sample_size=sampled.sample_size)
    igraph = graph.igraph()
    positions = graph.index
    return StructuralMeasures(
        betweenness=NodeValues(positions, between),
        constraint=NodeValues(positions, kernel.constraint(igraph), undefined_is_none=True),
        effective_size=NodeValues(positions, kernel.effective_size(igraph),
                                  undefined_is_none=True),
        betweenness_meta=meta)
