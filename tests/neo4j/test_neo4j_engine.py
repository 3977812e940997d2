"""``graphmap analyze --engine neo4j`` against the real server: the same report as the
local engine on the example (communities up to labels, within a modularity tolerance)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graphmap.analysis.pipeline import analyze
from graphmap.analysis.report import AnalysisReport
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.model.graph import to_networkx
from graphmap.model.records import Actor, Project, Relation
from graphmap.neo4j.connection import Connection, open_driver, run_query
from graphmap.neo4j.engine import (
    ENGINE_STEPS,
    analyze_in_neo4j,
    gds_betweenness,
    gds_communities,
    projected_graph,
    projection_pairs,
)
from graphmap.neo4j.sync import push
from graphmap.render.json_report import render_json
from graphmap.schema import RelationType, Sector, Stage
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace
from tests.neo4j.test_neo4j_push_writes import content

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"
#: How far the modularity (on G_u) of the GDS Leiden partition may be from the local
#: (igraph) Leiden partition's. Measured on examples/laurentides: local 0.55309, GDS
#: 0.55370 (the local engine used Louvain up to issue 16: 0.54691).
MODULARITY_TOLERANCE = 0.02


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_workspace(EXAMPLE)


@pytest.fixture(scope="module")
def reports(conn: Connection, example: Dataset) -> tuple[AnalysisReport, AnalysisReport]:
    # Another workspace in the same database must not leak into the projection.
    push(generate_dataset(60, 15, 120, seed=3), conn, "engine-neighbour", replace=True)
    return analyze(example), analyze_in_neo4j(example, conn, "engine-laurentides")


def _json(dataset: Dataset, report: AnalysisReport) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(render_json(dataset, report, "en"))
    return out


def _modularity(dataset: Dataset, report: AnalysisReport) -> float:
    return float(nx.community.modularity(
        to_networkx(EcosystemGraph(dataset)), [set(c.members) for c in report.communities]))


def test_betweenness_equals_local_within_1e_9(example: Dataset, reports: Any) -> None:
    local, remote = reports
    mine = {b.id: b.betweenness for b in remote.brokers}
    assert len(mine) == len(example.actors)
    for b in local.brokers:
        if b.betweenness is None:
            assert mine[b.id] is None
        else:
            assert mine[b.id] == pytest.approx(b.betweenness, abs=1e-9), b.id
    assert [b.id for b in remote.brokers] == [b.id for b in local.brokers]
    assert remote.meta["betweenness"] == local.meta["betweenness"]
    assert remote.meta["betweenness"]["approximate"] is False


def test_report_equals_local_except_communities(example: Dataset, reports: Any) -> None:
    local, remote = (_json(example, r) for r in reports)
    for key in ("graphmap_version", "summary", "brokers", "gaps", "opportunities"):
        assert remote[key] == local[key], key
    collaborate = [o for o in remote["opportunities"] if o["kind"] == "collaborate"]
    assert len(collaborate) == 100  # capped by max_opportunities_per_kind
    assert remote["meta"].pop("engine") == "neo4j"
    assert remote["meta"] == local["meta"]


def test_communities_partition_g_u_within_modularity_tolerance(example: Dataset,
                                                               reports: Any) -> None:
    local, remote = reports
    members = [m for c in remote.communities for m in c.members]
    assert sorted(members) == sorted(EcosystemGraph(example).ids)
    assert [c.id for c in remote.communities] == list(range(len(remote.communities)))
    sizes = [len(c.members) for c in remote.communities]
    assert sizes == sorted(sizes, reverse=True)
    delta = _modularity(example, remote) - _modularity(example, local)
    assert abs(delta) <= MODULARITY_TOLERANCE
    assert _modularity(example, remote) == pytest.approx(0.553703, abs=1e-6)


def test_sampled_betweenness_is_the_local_kadabra_with_its_bound(conn: Connection,
                                                                  example: Dataset) -> None:
    # Above the exact limit GDS only samples sources, without a bound: the engine uses the
    # local KADABRA estimate, so both engines give the same values and the same meta.
    config = AnalysisConfig(exact_betweenness_max_nodes=10, betweenness_epsilon=0.05, seed=5)
    seen: list[tuple[str, int, int]] = []
    first = analyze_in_neo4j(example, conn, "engine-sampled", config, store=False,
                             progress=lambda *call: seen.append(call))
    again = analyze_in_neo4j(example, conn, "engine-sampled", config, store=False)
    meta = first.meta["betweenness"]
    assert meta["approximate"] is True
    assert meta["method"] == "kadabra"
    assert meta["sample_size"] > 0
    assert meta["error_bound"] == pytest.approx(0.05 * meta["nodes"] / (meta["nodes"] - 2))
    assert _json(example, first) == _json(example, again)
    local = analyze(example, config)
    assert meta == local.meta["betweenness"]
    assert _json(example, first)["brokers"] == _json(example, local)["brokers"]
    exact = {b.id: b.betweenness for b in analyze(example).brokers}
    assert {b.id: b.betweenness for b in first.brokers} != exact
    assert [step for step, done, total in seen if done == total] == list(ENGINE_STEPS)


def test_projection_is_dropped_even_on_error(conn: Connection, example: Dataset,
                                             reports: Any) -> None:
    del reports  # the analyses ran: none of their projections may remain
    seen: list[tuple[str, int, int]] = []

    def fail_inside(driver: object) -> None:
        with projected_graph(driver, conn, EcosystemGraph(example)) as projected:
            seen.append(projected)
            raise RuntimeError("boom")

    with open_driver(conn) as driver:
        with pytest.raises(RuntimeError, match="boom"):
            fail_inside(driver)
        left = run_query(driver, conn, "CALL gds.graph.list() YIELD graphName "
                                       "RETURN graphName").records
    assert not [r["graphName"] for r in left if r["graphName"].startswith("graphmap-")]
    assert seen[0][0].startswith("graphmap-")
    graph = EcosystemGraph(example)
    assert seen[0][1:] == (graph.node_count, graph.edge_count)


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphmap", "analyze", str(EXAMPLE),
                           "--engine", "neo4j", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=False, timeout=120)


def test_cli_engine_neo4j_prints_the_local_report(neo4j_env: dict[str, str],
                                                  example: Dataset, reports: Any) -> None:
    result = _cli(neo4j_env, "--format", "json", "--workspace", "engine-cli")
    assert result.returncode == 0, result.stderr
    remote = json.loads(result.stdout)
    local = _json(example, reports[0])
    assert remote["brokers"] == local["brokers"]
    assert remote["opportunities"] == local["opportunities"]
    assert remote["meta"]["engine"] == "neo4j"


def test_cli_wrong_password_is_one_line(neo4j_env: dict[str, str]) -> None:
    env = {**neo4j_env, "NEO4J_PASSWORD": "not-the-password"}
    result = _cli(env, "--format", "json")
    assert result.returncode == 1
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if "warning" not in line]
    assert errors == [f"Error: Neo4j ({neo4j_env['NEO4J_URI']}) refused user 'neo4j': "
                      "wrong user name or password. Use --uri, --user, --password-stdin, "
                      "or NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD."]
    assert "Traceback" not in result.stderr


def test_label_communities_labels_as_find_communities(example: Dataset) -> None:
    from graphmap.analysis.communities import find_communities, label_communities

    local = find_communities(EcosystemGraph(example))
    mine = label_communities(example, [list(c.members) for c in local])
    assert mine == local
    assert [c.label.render("fr") for c in mine] == [c.label.render("fr") for c in local]


def _stored_projection(driver: Any, conn: Connection, workspace: str, name: str) -> int:
    """The projection as the engine made it before issue 16's second round: read back from
    the stored graph (a reference for the client-side one)."""
    statement = """
    MATCH (s) WHERE (s:Actor OR s:Project) AND s.workspace = $workspace AND s.id IS NOT NULL
    OPTIONAL MATCH (s)--(t)
      WHERE (t:Actor OR t:Project) AND t.workspace = $workspace AND s.id < t.id
    WITH DISTINCT s, t
    ORDER BY s.id, t.id
    WITH gds.graph.project($graph, s, t, {}, {undirectedRelationshipTypes: ['*']}) AS g
    RETURN g.nodeCount AS nodes"""
    return int(run_query(driver, conn, statement, {"workspace": workspace, "graph": name},
                         write=True).records[0]["nodes"])


def _gds_by_id(driver: Any, conn: Connection, name: str, procedure: str, column: str
               ) -> dict[str, Any]:
    statement = (f"CALL gds.{procedure}.stream($graph, $settings) YIELD nodeId, {column} "
                 f"RETURN gds.util.asNode(nodeId).id AS id, {column} AS value")
    settings = {"concurrency": 1} if procedure == "betweenness" else {
        "concurrency": 1, "randomSeed": 42, "gamma": 1.0}
    return {r["id"]: r["value"] for r in run_query(
        driver, conn, statement, {"graph": name, "settings": settings}).records}


def test_client_projection_gives_the_stored_projections_results(conn: Connection) -> None:
    # Isolated nodes (an actor with no relation, a project nobody joined), a self loop and
    # parallel relations: the client-side projection gets the same nodes, betweenness and
    # communities as the projection read back from the stored graph.
    base = generate_dataset(150, 40, 400, seed=11)
    dataset = Dataset(
        actors=(*base.actors, Actor("zz-alone", "Alone", Sector.PUBLIC)),
        projects=(*base.projects, Project("zz-empty", "Empty", Stage.EMERGENCE)),
        relations=(*base.relations, base.relations[0],
                   Relation(base.actors[0].id, base.actors[0].id, RelationType.COLLABORATES)))
    push(dataset, conn, "engine-projection", replace=True)
    graph = EcosystemGraph(dataset)
    config = AnalysisConfig(seed=42)
    with open_driver(conn) as driver:
        with projected_graph(driver, conn, graph) as (name, nodes, edges):
            assert (nodes, edges) == (graph.node_count, graph.edge_count)
            between = gds_betweenness(driver, conn, name, graph)
            parts = gds_communities(driver, conn, name, graph, config)
        reference = "graphmap-reference-projection"
        try:
            assert _stored_projection(driver, conn, "engine-projection", reference) == nodes
            stored_between = _gds_by_id(driver, conn, reference, "betweenness", "score")
            stored_groups = _gds_by_id(driver, conn, reference, "leiden", "communityId")
        finally:
            run_query(driver, conn, "CALL gds.graph.drop($g, false)", {"g": reference},
                      write=True)
    n = graph.node_count
    scale = 2.0 / ((n - 1) * (n - 2))
    assert {i: float(v) for i, v in zip(graph.ids, between, strict=True)} == pytest.approx(
        {i: v * scale for i, v in stored_between.items()}, abs=1e-12)
    by_group: dict[int, list[str]] = {}
    for node_id, group in stored_groups.items():
        by_group.setdefault(group, []).append(node_id)
    expected = sorted((sorted(m) for m in by_group.values()), key=lambda m: (-len(m), m[0]))
    assert parts == expected
    assert ["zz-alone"] in parts
    assert ["zz-empty"] in parts


def test_projection_pairs_list_isolated_nodes_and_each_pair_once() -> None:
    dataset = Dataset(
        actors=(Actor("b", "B", Sector.PUBLIC), Actor("a", "A", Sector.PUBLIC),
                Actor("c", "C", Sector.PUBLIC)),
        projects=(Project("p", "P", Stage.EMERGENCE),),
        relations=(Relation("b", "p", RelationType.FUNDS), Relation("b", "p", RelationType.CARRIES),
                   Relation("a", "b", RelationType.COLLABORATES),
                   Relation("a", "a", RelationType.COLLABORATES)))
    graph = EcosystemGraph(dataset)
    sources, targets = projection_pairs(graph)
    named = [(graph.ids[s], None if t is None else graph.ids[t])
             for s, t in zip(sources, targets, strict=True)]
    assert named == [("a", "b"), ("b", "p"), ("c", None), ("p", None)]


def test_engine_stores_what_push_writes_with_the_report(conn: Connection, graph_of: Any,
                                                        example: Dataset) -> None:
    # The engine pushes while it analyses, then adds the results: the database must hold
    # what `graphmap push` writes with the same report, so that push then writes nothing.
    # A first run on stale data (another workspace's content, results included) too.
    stale = generate_dataset(30, 8, 60, seed=5)
    push(stale, conn, "engine-stored", report=analyze(stale), replace=True)
    report = analyze_in_neo4j(example, conn, "engine-stored")
    engine_graph = graph_of("engine-stored")
    again = push(example, conn, "engine-stored", report=report, replace=True)
    assert not again.changed
    assert set(again.server_counters.values()) == {0}
    push(example, conn, "engine-pushed", report=report, replace=True)
    assert content(engine_graph) == content(graph_of("engine-pushed"))
    broker = report.brokers[0]
    with open_driver(conn) as driver:
        stored = run_query(driver, conn, "MATCH (n:Actor {workspace: $w, id: $id}) "
                           "RETURN n.broker_rank AS rank, n.community AS community",
                           {"w": "engine-stored", "id": broker.id}).records[0]
        meta = run_query(driver, conn, "MATCH (w:GraphmapWorkspace {name: $w}) "
                         "RETURN w.graphmap_version AS version, w.actors AS actors",
                         {"w": "engine-stored"}).records[0]
    assert stored["rank"] == broker.rank
    assert stored["community"] is not None
    assert (meta["version"], meta["actors"]) == (report.graphmap_version, len(example.actors))


def test_engine_without_store_pushes_the_data_only(conn: Connection, graph_of: Any,
                                                   example: Dataset) -> None:
    analyze_in_neo4j(example, conn, "engine-nostore", store=False)
    assert not push(example, conn, "engine-nostore", replace=True).changed

