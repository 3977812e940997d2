"""The Neo4j analysis engine: push a workspace, compute betweenness, communities and
collaboration candidates inside Neo4j with Graph Data Science, and build the same
AnalysisReport as the local engine.

What runs where:

- in Neo4j: betweenness (``gds.betweenness.stream``, exact, or sampled with
  ``samplingSize``/``samplingSeed`` above ``exact_betweenness_max_nodes``), communities
  (``gds.leiden.stream``, seeded, one thread) and the ``collaborate`` link prediction
  (resource allocation or Adamic–Adar over two-hop pairs, in Cypher, best few per actor);
- locally, by the public functions of :mod:`graphmap.analysis`: constraint and effective
  size, brokerage roles, gaps, the other opportunities, the summary, and the sentences.

The GDS graph is a projection of ``G_u`` (one undirected edge per related pair, no self
loops, the workspace's actors and projects only); it is dropped at the end, also on error.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from graphmap.analysis.report import AnalysisReport, Opportunity
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import BACKER_TYPES, CARRIER_TYPES, EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver, run_query
from graphmap.neo4j.rows import ACTOR_LABEL, PROJECT_LABEL, REL_TYPES
from graphmap.schema import ADOPTER_TYPES, RelationType, Scope

__all__ = ["ENGINE_STEPS", "BetweennessScores", "analyze_in_neo4j", "collaborate_from_pairs",
           "gds_betweenness", "gds_collaborations", "gds_communities",
           "projected_graph"]

Progress = Callable[[str, int, int], None]

#: The steps ``progress`` hears about, in the order they run.
ENGINE_STEPS: tuple[str, ...] = ("push", "graph", "betweenness", "communities", "collaborate",
                                 "constraint", "brokerage", "gaps", "opportunities",
                                 "summary")
#: Actors whose collaboration candidates one Cypher statement computes.
ACTOR_BATCH = 2000
#: Batches of collaboration candidates computed at once (parallel read transactions).
COLLABORATE_WORKERS = 2

_NODE = f"(n:{ACTOR_LABEL} OR n:{PROJECT_LABEL})"

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
_DEGREE = ("CALL gds.degree.mutate($graph, {mutateProperty: 'graphmap_degree'}) "
           "YIELD nodePropertiesWritten RETURN nodePropertiesWritten")


def _type_list(types: Sequence[RelationType]) -> str:
    return "[" + ", ".join(sorted(f"'{REL_TYPES[t]}'" for t in types)) + "]"


def _holds(types: str, role: frozenset[RelationType]) -> str:
    """Cypher: the list of relation types ``types`` gives the ``role``."""
    return f"any(t IN {types} WHERE t IN {_type_list(tuple(role))})"


# A tie of the actor flow graph F between u and v through project z, in either direction,
# from the types of u's relations to z (t1) and v's (t2), by the project roles of
# graphmap.model.compiled: backer → carrier, carrier → adopter. (Relations always go from
# an actor, so types say the roles.)
_FLOW_TIE = (f"z:{PROJECT_LABEL} AND ("
             f"({_holds('t1', BACKER_TYPES)} AND {_holds('t2', CARRIER_TYPES)}) OR "
             f"({_holds('t1', CARRIER_TYPES)} AND {_holds('t2', BACKER_TYPES)}) OR "
             f"({_holds('t1', CARRIER_TYPES)} AND {_holds('t2', ADOPTER_TYPES)}) OR "
             f"({_holds('t1', ADOPTER_TYPES)} AND {_holds('t2', CARRIER_TYPES)}))")

# For each actor of the batch: the actors two hops away in G_u, not tied to it in G_u or
# F, not two local actors of different territories, scored by the sum over shared
# neighbours z of weight(deg z) (degree in the projection = degree in G_u), best first
# (score rounded to 6 decimals as the local engine, ties by id), at most $keep.
_COLLABORATE = f"""
UNWIND $batch AS uid
MATCH (u:{ACTOR_LABEL} {{workspace: $workspace, id: uid}})
CALL (u) {{
  MATCH (u)-[r1]-(z) WHERE (z:{ACTOR_LABEL} OR z:{PROJECT_LABEL}) AND z.workspace = $workspace
    AND z <> u
  WITH z, collect(DISTINCT type(r1)) AS t1
  WITH z, t1, gds.util.nodeProperty($graph, z, 'graphmap_degree') AS degree
  WHERE degree >= 2
  MATCH (z)-[r2]-(v:{ACTOR_LABEL}) WHERE v.workspace = $workspace AND v <> u
  WITH z, t1, degree, v, collect(DISTINCT type(r2)) AS t2
  WITH v, sum(CASE $index WHEN 'adamic_adar' THEN 1.0 / log(degree)
                          ELSE 1.0 / degree END) AS score,
       max(CASE WHEN {_FLOW_TIE} THEN 1 ELSE 0 END) AS flow_tie
  WHERE flow_tie = 0
    AND NOT (u.scope = '{Scope.LOCAL.value}' AND v.scope = '{Scope.LOCAL.value}'
             AND u.territory IS NOT NULL AND v.territory IS NOT NULL
             AND u.territory <> v.territory)
    AND NOT EXISTS {{ (u)--(v) }}
  RETURN v.id AS target, score
  ORDER BY round(score, 6) DESC, target
  LIMIT $keep
}}
RETURN u.id AS source, target, score
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


def gds_betweenness(driver: Any, conn: Connection, graph: str, nodes: int,
                    config: AnalysisConfig, *, edges: int = 0) -> BetweennessScores:
    """Betweenness of every node of the projection, normalized as the local engine's.

    GDS sums each unordered pair once, so :math:`b(v) = 2 s(v) / ((n-1)(n-2))`. Above
    ``config.exact_betweenness_max_nodes`` nodes, GDS starts shortest paths from only
    ``samplingSize`` source nodes (chosen with ``samplingSeed``, favouring high degrees);
    its partial sums are scaled by ``n / k`` to estimate the whole. GDS gives no error
    bound for this sampling, so none is reported. As in the local engine, ``k`` is at most
    what the work budget affords (:data:`graphmap.analysis.kernel.WORK_BUDGET` node and
    edge visits, never fewer than :data:`~graphmap.analysis.kernel.MIN_SAMPLES` sources).
    """
    from graphmap.analysis import kernel

    settings: dict[str, Any] = {"concurrency": 1}
    samples = config.betweenness_samples
    if nodes > config.exact_betweenness_max_nodes:
        affordable = kernel.WORK_BUDGET // max(1, nodes + edges)
        samples = min(samples, max(kernel.MIN_SAMPLES, affordable))
    approximate = nodes > config.exact_betweenness_max_nodes and samples < nodes
    scale = 2.0 / ((nodes - 1) * (nodes - 2)) if nodes > 2 else 0.0
    if approximate:
        settings.update(samplingSize=samples, samplingSeed=config.seed)
        scale *= nodes / samples
    records = run_query(driver, conn, _BETWEENNESS, {"graph": graph, "settings": settings},
                        write=False).records
    values = {str(r["id"]): float(r["score"]) * scale for r in records}
    return BetweennessScores(values, approximate, samples if approximate else None)


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


def gds_collaborations(driver: Any, conn: Connection, graph: str, workspace: str,
                       actor_ids: Sequence[str], *, config: AnalysisConfig,
                       progress: Progress | None = None) -> list[tuple[str, str, float]]:
    """``(actor, partner, score)``: each actor's ``config.collaborations_per_actor`` best
    partners by ``config.link_prediction`` over two-hop pairs of ``G_u``, as the local
    :func:`graphmap.analysis.collaboration.collaborate_opportunities` selects them (scores
    rounded to 6 decimals)."""
    keep = config.collaborations_per_actor
    if keep == 0 or len(actor_ids) < 2:
        return []
    run_query(driver, conn, _DEGREE, {"graph": graph}, write=True)
    from concurrent.futures import ThreadPoolExecutor

    batches = [list(actor_ids[start:start + ACTOR_BATCH])
               for start in range(0, len(actor_ids), ACTOR_BATCH)]

    def candidates(batch: list[str]) -> list[tuple[str, str, float]]:
        records = run_query(driver, conn, _COLLABORATE,
                            {"graph": graph, "workspace": workspace, "batch": batch,
                             "keep": keep, "index": config.link_prediction},
                            write=False).records
        return [(str(r["source"]), str(r["target"]), round(float(r["score"]), 6))
                for r in records]

    found: list[tuple[str, str, float]] = []
    done = 0
    # Batches are independent reads: a few at once keep the server's cores busy; results
    # are gathered in batch order, so the outcome never depends on timing.
    with ThreadPoolExecutor(max_workers=COLLABORATE_WORKERS) as pool:
        for batch, rows in zip(batches, pool.map(candidates, batches), strict=True):
            found.extend(rows)
            done += len(batch)
            if progress is not None:
                progress("collaborate", done, len(actor_ids) + 1)
    return found


def collaborate_from_pairs(graph: EcosystemGraph, pairs: Sequence[tuple[str, str, float]],
                           config: AnalysisConfig, *,
                           importance: Mapping[str, float]) -> list[Opportunity]:
    """The ``collaborate`` opportunities of the report from each actor's best partners:
    one per pair (``source`` the smaller id), best first (score, then target and source
    id), at most ``config.max_opportunities_per_kind``, with reasons, introducer and path
    from the local engine."""
    # The details (shared neighbours, introducer, path) are the local engine's own.
    from graphmap.analysis.collaboration import collaboration_details

    best: dict[tuple[str, str], float] = {}
    for source, target, score in pairs:
        key = (source, target) if source < target else (target, source)
        best.setdefault(key, score)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0][1], item[0][0]))
    if config.max_opportunities_per_kind:
        ranked = ranked[:config.max_opportunities_per_kind]
    return [collaboration_details(
        Opportunity(kind="collaborate", source=u, target=v, score=score, reasons=(),
                    introducer=None, path=()), graph, importance)
        for (u, v), score in ranked]


def analyze_in_neo4j(dataset: Dataset, conn: Connection, workspace: str,
                     config: AnalysisConfig | None = None, *,
                     progress: Progress | None = None, store: bool = True) -> AnalysisReport:
    """Push ``dataset`` as ``workspace`` (``replace``: the database mirrors it), compute
    betweenness, communities and collaboration candidates in Neo4j with GDS, and build the
    report the local engine builds (see the module docstring for what runs where).

    With ``store``, the report's results are pushed back onto the nodes, as
    ``graphmap push`` does.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached, refuses the credentials, lacks GDS, or fails.
    """
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
            projection, n, m):
        step("graph", 1)
        step("betweenness", 0)
        scores = gds_betweenness(driver, conn, projection, n, config, edges=m)
        step("betweenness", 1)
        step("communities", 0)
        parts = gds_communities(driver, conn, projection, config)
        step("communities", 1)
        step("collaborate", 0)
        pairs = gds_collaborations(driver, conn, projection, workspace,
                                   [a.id for a in dataset.actors], config=config,
                                   progress=progress)
        step("collaborate", 1)
    step("constraint", 0)
    measures = _measures(graph, scores, config)
    step("constraint", 1)
    report = complete_report(
        graph, config, measures, label_communities(dataset, parts),
        progress=progress, meta={"engine": "neo4j"},
        # fund / support / adopt locally; collaborate from the candidates found in Neo4j.
        collaborate=lambda: collaborate_from_pairs(graph, pairs, config,
                                                   importance=measures.betweenness),
    )
    if store:
        push(dataset, conn, workspace, report=report, replace=True)
    return report


def _measures(graph: EcosystemGraph, scores: BetweennessScores,
              config: AnalysisConfig) -> Any:
    """GDS's betweenness with the local constraint and effective size, as the
    ``StructuralMeasures`` the local engine passes to ``find_brokers``."""
    import numpy as np

    from graphmap.analysis import kernel
    from graphmap.analysis.brokers import NodeValues, StructuralMeasures

    igraph = graph.igraph()
    positions = graph.index
    between = np.zeros(graph.node_count)
    for node_id, value in scores.values.items():
        where = positions.get(node_id)
        if where is not None:
            between[where] = value
    meta: dict[str, Any] = {"approximate": scores.approximate, "nodes": graph.node_count,
                            "exact_max_nodes": config.exact_betweenness_max_nodes}
    if scores.approximate:
        meta.update(sample_size=scores.sample_size, error_bound=None, delta=None,
                    method="gds_degree_sampling",
                    requested_samples=config.betweenness_samples,
                    work_budget=kernel.WORK_BUDGET)
    return StructuralMeasures(
        betweenness=NodeValues(positions, between),
        constraint=NodeValues(positions, kernel.constraint(igraph), undefined_is_none=True),
        effective_size=NodeValues(positions, kernel.effective_size(igraph),
                                  undefined_is_none=True),
        betweenness_meta=meta)
