"""The Cypher query library against the real server: same answers as the Python engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graphmap.analysis.pipeline import analyze
from graphmap.cli import cli
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.neo4j import query as library
from graphmap.neo4j.connection import Connection
from graphmap.neo4j.sync import push
from graphmap.schema import RelationType as R
from graphmap.schema import Scope, Sector, Stage
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"


def _territories() -> Dataset:
    """A small workspace that hits the territory gaps and a fragmented ecosystem."""
    return Dataset(
        actors=(Actor("m", "Ministère", Sector.PUBLIC, territory="Québec",
                      scope=Scope.PROVINCIAL),
                Actor("c", "Coop", Sector.SOCIAL_ECONOMY, territory="Laval"),
                Actor("s", "Soutien", Sector.COMMUNITY, territory="Mirabel"),
                Actor("i", "Isolé", Sector.CITIZEN)),
        projects=(Project("p", "P", Stage.APPROPRIATION, territory="Laval"),
                  Project("q", "Q", Stage.FEEDBACK, territory="Mirabel"),
                  Project("r", "R", Stage.EMERGENCE)),
        relations=(Relation("m", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
                   Relation("s", "q", R.SUPPORTS), Relation("c", "q", R.FUNDS)),
    )


WORKSPACES = {
    "laurentides": lambda: load_workspace(EXAMPLE),
    "synthetic": lambda: generate_dataset(200, 50, 300, seed=11),
    "territories": _territories,
}


@pytest.fixture(scope="module", params=sorted(WORKSPACES))
def pushed(request: pytest.FixtureRequest, conn: Connection) -> tuple[str, Dataset, Any]:
    dataset = WORKSPACES[request.param]()
    report = analyze(dataset)
    name = f"q-{request.param}"
    push(dataset, conn, name, report=report, replace=True)
    return name, dataset, report


@pytest.fixture(scope="module")
def territories(conn: Connection) -> str:
    """The small ``territories`` workspace, pushed whatever tests run before."""
    dataset = _territories()
    push(dataset, conn, "q-territories", report=analyze(dataset), replace=True)
    return "q-territories"


def _run(conn: Connection, name: str, **params: Any) -> list[dict[str, Any]]:
    spec = library.get_query(name)
    values = library.parse_params(spec, [f"{k}={v}" for k, v in params.items()])
    result = library.run(spec, conn, values)
    return [dict(zip(result.keys, row, strict=True)) for row in result.rows]


def test_gaps_query_equals_the_python_engine(conn: Connection, pushed: Any) -> None:
    name, _dataset, report = pushed
    rows = _run(conn, "gaps", workspace=name)
    got = [(r["code"], r["severity"], r["subject_kind"], r["subject"]) for r in rows]
    expected = [(g.code, g.severity, g.subject_kind, g.subject) for g in report.gaps]
    assert got == expected
    assert len(expected) > 5


def test_the_workspaces_cover_every_gap_code(conn: Connection) -> None:
    from graphmap.analysis.gaps import GAP_CODES

    seen = {g.code for make in WORKSPACES.values() for g in analyze(make()).gaps}
    assert seen == set(GAP_CODES)


@pytest.mark.parametrize("query", ["brokers", "brokers_cypher"])
def test_betweenness_equals_the_python_engine(conn: Connection, pushed: Any,
                                              query: str) -> None:
    name, _dataset, report = pushed
    assert not report.meta.get("approximate")
    rows = _run(conn, query, workspace=name)
    got = {r["id"]: r["betweenness"] for r in rows}
    expected = {b.id: b.betweenness or 0.0 for b in report.brokers}
    assert set(got) == set(expected)
    for actor, value in expected.items():
        assert got[actor] == pytest.approx(value, abs=1e-9), actor
    assert [r["id"] for r in rows] == sorted(got, key=lambda a: (-got[a], a))


@pytest.mark.parametrize("kind", ["fund", "support", "adopt"])
def test_opportunities_query_equals_the_python_engine(conn: Connection, pushed: Any,
                                                      kind: str) -> None:
    name, _dataset, report = pushed
    rows = _run(conn, "opportunities", workspace=name, kind=kind)
    got = [(r["source"], r["target"], r["score"]) for r in rows]
    expected = [(o.source, o.target, o.score) for o in report.opportunities if o.kind == kind]
    assert got == expected


def test_introduce_finds_who_knows_both(conn: Connection, territories: str) -> None:
    # m funds p and s supports q; c carries p and funds q: it knows both, through a project.
    rows = _run(conn, "introduce", workspace="q-territories", **{"from": "m", "to": "s"})
    assert [(r["introducer"], r["then_introducer"], r["path"], r["strength"])
            for r in rows] == [("c", None, ["m", "c", "s"], 2)]
    assert rows[0]["names"] == ["Ministère", "Coop", "Soutien"]
    # Nobody knows the isolated actor: one row, no introducer, a direct approach.
    alone = _run(conn, "introduce", workspace="q-territories", **{"from": "m", "to": "i"})
    assert [(r["introducer"], r["path"]) for r in alone] == [(None, [])]


def test_introduce_gives_the_introducer_and_chain_of_analyze(conn: Connection,
                                                            pushed: Any) -> None:
    name, _dataset, report = pushed
    assert report.opportunities
    for opp in report.opportunities:
        rows = _run(conn, "introduce", workspace=name, **{"from": opp.source, "to": opp.target})
        first = rows[0]
        assert (first["introducer"], tuple(first["path"])) == (opp.introducer, opp.path), opp


def test_summary_counts(conn: Connection, territories: str) -> None:
    rows = {(r["metric"], r["value"]): r["count"]
            for r in _run(conn, "summary", workspace="q-territories")}
    assert rows[("actors", "")] == 4
    assert rows[("projects", "")] == 3
    assert rows[("relations", "")] == 4
    assert rows[("relations.type", "funds")] == 2
    assert rows[("actors.role", "Funder")] == 2
    assert rows[("gaps.stored", "actor.isolated")] == 1


def test_collaborations_query(conn: Connection, territories: str) -> None:
    rows = _run(conn, "collaborations", workspace="q-territories", min_common=1)
    assert [(r["source"], r["target"], r["common"]) for r in rows] == [("c", "m", 1),
                                                                       ("c", "s", 1)]


def test_query_cli_formats(conn: Connection, neo4j_env: dict[str, str],
                           territories: str) -> None:
    runner = CliRunner()
    as_json = runner.invoke(cli, ["query", "gaps", "--param", "workspace=q-territories",
                                  "--format", "json"], env=neo4j_env)
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows[0] == {"code": "project.no_carrier", "severity": "high",
                       "subject_kind": "project", "subject": "q", "name": "Q",
                       "detail": None}
    as_csv = subprocess.run(
        [sys.executable, "-m", "graphmap", "query", "summary", "--param",
         "workspace=q-territories", "--format", "csv"],
        capture_output=True, text=True, env=neo4j_env, check=False, timeout=120)
    assert as_csv.returncode == 0, as_csv.stderr
    assert as_csv.stdout.splitlines()[:5] == [
        "metric,value,count", "actors,,4", "actors.role,Carrier,1", "actors.role,Funder,2",
        "actors.role,SupportPartner,1"]
    assert "relations.type,funds,2" in as_csv.stdout.splitlines()
    table = runner.invoke(cli, ["query", "introduce", "--param", "workspace=q-territories",
                                "--param", "from=m", "--param", "to=s"], env=neo4j_env)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == [
        "introducer", "introducer_name", "then_introducer", "then_name", "path", "names",
        "strength"]


def test_query_needs_a_workspace_when_there_are_several(conn: Connection,
                                                        neo4j_env: dict[str, str],
                                                        territories: str) -> None:
    push(Dataset(actors=(Actor("x", "X", Sector.MEDIA),)), conn, "q-another")
    result = CliRunner().invoke(cli, ["query", "gaps", "--lang", "en"], env=neo4j_env)
    assert result.exit_code == 1
    assert result.output.startswith("Error: The database holds several workspaces (")
    assert result.output.endswith("): choose one with --workspace.\n")
    assert len(result.output.splitlines()) == 1
    french = CliRunner().invoke(cli, ["query", "gaps", "--lang", "fr"], env=neo4j_env)
    assert french.output.endswith(")\u00a0: choisissez-en un avec --workspace.\n")
    # The option the message names exists, and means --param workspace=NAME.
    chosen = CliRunner().invoke(cli, ["query", "summary", "--workspace", "q-territories",
                                      "--format", "csv"], env=neo4j_env)
    assert chosen.exit_code == 0, chosen.output
    assert chosen.stdout.splitlines()[:2] == ["metric,value,count", "actors,,4"]
    same = CliRunner().invoke(cli, ["query", "summary", "--workspace", "q-territories",
                                    "--param", "workspace=q-territories", "--format", "csv"],
                              env=neo4j_env)
    assert same.stdout == chosen.stdout
    unknown = CliRunner().invoke(cli, ["query", "gaps", "--workspace", "q-nowhere",
                                       "--lang", "en"], env=neo4j_env)
    assert unknown.exit_code == 1
    assert unknown.output.startswith("Error: No workspace 'q-nowhere' in database 'neo4j' ")
    missing = CliRunner().invoke(cli, ["query", "introduce", "--param",
                                       "workspace=q-territories", "--lang", "en"],
                                 env=neo4j_env)
    assert missing.exit_code == 2
    assert "Query 'introduce' needs parameter 'from'" in missing.output
