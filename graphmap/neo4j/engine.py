"""The Neo4j analysis engine: compute betweenness and communities inside Neo4j with Graph
Data Science, build the same AnalysisReport as the local engine, and push the workspace.

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
loops, the workspace's actors and projects only) sent by the client from the compiled graph
(:func:`projection_pairs`), not read back from the database: it does not depend on what is
stored, and costs seconds where reading 500,000 relationships back cost 75 s. It is dropped
at the end, also on error. The workspace is pushed while the client analyses (the push is
mostly the server's work), then the report's results are added to its nodes
(:mod:`graphmap.neo4j.results`), as ``graphmap push`` writes a report; it used to be pushed
before the analysis, and again, whole, after it.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from graphmap.analysis.report import AnalysisReport
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection, open_driver, run_query

__all__ = ["ENGINE_STEPS", "analyze_in_neo4j", "gds_betweenness", "gds_communities",
           "projected_graph", "projection_pairs"]

Progress = Callable[[str, int, int], None]

#: The steps ``progress`` hears about, in the order they run.
ENGINE_STEPS: tuple[str, ...] = ("graph", "betweenness", "communities", "constraint",
                                 "brokerage", "gaps", "opportunities", "summary", "push")
# The projection is sent by the client, which holds G_u already (EcosystemGraph): node ids
# are the graph's node positions (GDS accepts integers for nodes and streams them back as
# ``nodeId``), one row per edge and one (node, null) row for a node without a larger
# neighbour, so isolated nodes are projected too. Reading the stored graph back instead
# (an OPTIONAL MATCH, DISTINCT and ORDER BY over every relationship) took 75 s at 100k.
# Two flat lists rather than a list of pairs: half the client's packing, a third less wall.
_PROJECT = """
UNWIND range(0, size($sources) - 1) AS i
WITH gds.graph.project($graph, $sources[i], $targets[i], {},
                       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships
"""
_DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName"
# One record holding every node's value: the driver spends about 25 µs per record, more
# than the algorithm per node.
_BETWEENNESS = """
CALL gds.betweenness.stream($graph, $settings) YIELD nodeId, score
RETURN collect(nodeId) AS nodes, collect(score) AS values
"""
_LEIDEN = """
CALL gds.leiden.stream($graph, $settings) YIELD nodeId, communityId
RETURN collect(nodeId) AS nodes, collect(communityId) AS values
"""


def projection_pairs(graph: EcosystemGraph) -> tuple[list[int], list[int | None]]:
    """The rows of the GDS projection of ``G_u`` as two lists, sources and targets: the
    node positions of each edge, ``(node, None)`` for each node without a neighbour of
    larger id.

    They come in the order the projection used to read the stored graph (by source id,
    then target id, the ``None`` row last), ``source`` the end with the smaller id: GDS
    numbers the nodes in the order it first meets them, and Leiden's seeded result depends
    on that numbering, so the same graph gets the same communities as before.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType, Sector, Stage
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "bac"),
    ...              projects=(Project("p", "P", Stage.FEEDBACK),),
    ...              relations=(Relation("b", "p", RelationType.FUNDS),
    ...                         Relation("a", "p", RelationType.FUNDS)))
    >>> graph = EcosystemGraph(ds)
    >>> sources, targets = projection_pairs(graph)
    >>> [(graph.ids[s], None if t is None else graph.ids[t]) for s, t in zip(sources, targets)]
    [('a', 'p'), ('b', 'p'), ('c', None), ('p', None)]
    """
    import numpy as np

    rank = graph.id_rank
    n = graph.node_count
    ends = np.asarray(graph.edges, dtype=np.int64).reshape(-1, 2)
    swap = rank[ends[:, 0]] > rank[ends[:, 1]]
    sources = np.where(swap, ends[:, 1], ends[:, 0])
    targets = np.where(swap, ends[:, 0], ends[:, 1])
    lonely = np.setdiff1d(np.arange(n, dtype=np.int64), sources)
    all_sources = np.concatenate([sources, lonely])
    all_targets = np.concatenate([targets, np.full(len(lonely), -1, dtype=np.int64)])
    # Sort keys: the source's rank, then the target's (n, after every rank, for None).
    target_rank = np.concatenate([rank[targets], np.full(len(lonely), n, dtype=np.int64)])
    order = np.lexsort((target_rank, rank[all_sources]))
    targets_out: list[int | None] = all_targets[order].tolist()
    for at in np.flatnonzero(order >= len(sources)).tolist():
        targets_out[at] = None
    return all_sources[order].tolist(), targets_out


@contextmanager
def projected_graph(driver: Any, conn: Connection, graph: EcosystemGraph
                    ) -> Iterator[tuple[str, int, int]]:
    """Project ``graph``'s ``G_u`` into the GDS catalogue (GDS node ids = the graph's node
    positions, :func:`projection_pairs`); yields ``(name, nodes, edges)`` and drops the
    projection on exit, error or not."""
    name = f"graphmap-{uuid.uuid4().hex}"
    try:
        sources, targets = projection_pairs(graph)
        record = run_query(driver, conn, _PROJECT,
                           {"graph": name, "sources": sources, "targets": targets},
                           write=True).records[0]
        # An undirected projection holds each edge in both directions.
        yield name, int(record["nodes"]), int(record["relationships"]) // 2
    finally:
        run_query(driver, conn, _DROP, {"graph": name}, write=True)


def _streamed(driver: Any, conn: Connection, statement: str, projection: str, *,
              settings: Mapping[str, Any], node_count: int, dtype: Any) -> Any:
    """The ``values`` a stream statement collects, as an array in the graph's node order
    (GDS streams the node ids it was given: the graph's positions)."""
    import numpy as np

    record = run_query(driver, conn, statement, {"graph": projection, "settings": settings},
                       write=False).records[0]
    out = np.zeros(node_count, dtype=dtype)
    out[np.asarray(record["nodes"], dtype=np.int64)] = np.asarray(record["values"],
                                                                  dtype=dtype)
    return out


def gds_betweenness(driver: Any, conn: Connection, projection: str, graph: EcosystemGraph
                    ) -> Any:
    """Exact betweenness of every node of the projection (one thread), in the graph's node
    order, normalized as the local engine's: GDS sums each unordered pair once, so
    :math:`b(v) = 2 s(v) / ((n-1)(n-2))`. The engine calls it up to
    ``exact_betweenness_max_nodes`` nodes only (see the module docstring)."""
    import numpy as np

    n = graph.node_count
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    scores = _streamed(driver, conn, _BETWEENNESS, projection, settings={"concurrency": 1},
                       node_count=n, dtype=np.float64)
    return scores * scale


def gds_communities(driver: Any, conn: Connection, projection: str, graph: EcosystemGraph,
                    config: AnalysisConfig) -> list[list[str]]:
    """Leiden communities of the projection (``randomSeed`` = ``config.seed``, one
    thread, ``gamma`` = ``config.community_resolution``): members sorted by id, the list
    by size (largest first) then smallest member id, as the local partition."""
    import numpy as np

    settings = {"concurrency": 1, "randomSeed": config.seed,
                "gamma": config.community_resolution}
    community = _streamed(driver, conn, _LEIDEN, projection, settings=settings,
                          node_count=graph.node_count, dtype=np.int64)
    groups: dict[int, list[str]] = {}
    for node_id, group in zip(graph.ids, community.tolist(), strict=True):
        groups.setdefault(group, []).append(node_id)
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

    The push runs in a thread while the analysis runs (the push waits on the server, the
    analysis is the client's work; the GDS projection does not read what is stored). With
    ``store``, the report's results are then written onto the nodes: the database holds
    what ``graphmap push`` writes with a report.

    Raises
    ------
    graphmap.errors.Neo4jSyncError
        The server cannot be reached, refuses the credentials, lacks GDS, or fails.
    """
    from graphmap.neo4j.results import write_results
    from graphmap.neo4j.sync import push

    config = config or AnalysisConfig()

    def step(name: str, done: int) -> None:
        if progress is not None:
            progress(name, done, 1)

    stop = threading.Event()
    with ThreadPoolExecutor(1, thread_name_prefix="graphmap-push") as pushing:
        pushed = pushing.submit(push, dataset, conn, workspace, replace=True, stop=stop)
        try:
            report = _analysis(dataset, conn, config, step, progress)
        except BaseException:
            # An error or Ctrl-C: the push stops before its next batch (the pool waits
            # for that), and the analysis's error is the one raised.
            stop.set()
            raise
        step("push", 0)
        pushed.result()
    if store:
        write_results(dataset, report, conn, workspace)
    step("push", 1)
    return report


def _analysis(dataset: Dataset, conn: Connection, config: AnalysisConfig,
              step: Callable[[str, int], None], progress: Progress | None) -> AnalysisReport:
    """The report, betweenness and communities in GDS when the module docstring says so."""
    from graphmap.analysis import kernel
    from graphmap.analysis.communities import label_communities
    from graphmap.analysis.pipeline import complete_report

    step("graph", 0)
    graph = EcosystemGraph(dataset)
    with open_driver(conn) as driver, projected_graph(driver, conn, graph) as (
            projection, n, _):
        step("graph", 1)
        step("betweenness", 0)
        sampled = None
        if n <= config.exact_betweenness_max_nodes:
            between = gds_betweenness(driver, conn, projection, graph)
        else:
            # GDS samples sources without an error bound: KADABRA here, as the local engine.
            sampled = kernel.betweenness(
                graph.igraph(), exact_max_nodes=config.exact_betweenness_max_nodes,
                epsilon=config.betweenness_epsilon, delta=config.betweenness_delta,
                seed=config.seed, edges=graph.edges)
            between = sampled.values
        step("betweenness", 1)
        step("communities", 0)
        parts = gds_communities(driver, conn, projection, graph, config)
        step("communities", 1)
    step("constraint", 0)
    measures = _measures(graph, between, sampled, config)
    step("constraint", 1)
    # fund / support / adopt and collaborate: the local rules (module docstring).
    return complete_report(graph, config, measures, label_communities(dataset, parts),
                           progress=progress, meta={"engine": "neo4j"})


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
    triangles = kernel.triangle_rows(igraph)
    positions = graph.index
    return StructuralMeasures(
        betweenness=NodeValues(positions, between),
        constraint=NodeValues(positions, kernel.constraint(igraph, triangles, edges=graph.edges),
                              undefined_is_none=True),
        effective_size=NodeValues(positions, kernel.effective_size(igraph, triangles),
                                  undefined_is_none=True),
        betweenness_meta=meta)
