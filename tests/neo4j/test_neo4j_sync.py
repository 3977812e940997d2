"""push / pull against the real Neo4j 5.26 server of the session."""

from __future__ import annotations

import dataclasses
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
from graphmap.neo4j.connection import Connection
from graphmap.neo4j.sync import Counts, pull, push
from graphmap.schema import RelationType as R
from graphmap.schema import Sector, Stage
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"
NASTY = ["'}) DETACH DELETE n //", "`); MATCH (m) DETACH DELETE m; //`", "$param", "{x: 1}",
         "a\\'b", "MERGE (:Evil)"]


def snapshot(graph: tuple[list[Any], list[Any]]) -> dict[str, Any]:
    """Every node (labels + properties) by id and relationship (type, ends, properties) by
    rid, from ``graph_of(workspace)``."""
    nodes, rels = graph
    return {
        "nodes": {(n["p"]["id"]): (sorted(n["l"]), n["p"]) for n in nodes},
        "rels": {r["p"]["rid"]: (r["t"], r["s"], r["o"], r["p"]) for r in rels},
    }


def totals(driver: Any) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() "
        "RETURN count(r) AS r } RETURN n, r")
    return records[0]["n"], records[0]["r"]


@pytest.fixture(scope="module")
def example() -> Dataset:
    # What a pull gives back: the records; Neo4j does not hold the territories table yet
    # (docs/workspace-format.md).
    return dataclasses.replace(load_workspace(EXAMPLE), territories=())


@pytest.fixture(scope="module")
def example_report(example: Dataset) -> Any:
    return analyze(example)


def test_push_twice_changes_nothing(conn: Connection, graph_of: Any, ws: str,
                                    example: Dataset, example_report: Any) -> None:
    first = push(example, conn, ws, report=example_report)
    assert first.nodes == Counts(created=134, updated=0, deleted=0, unchanged=0)
    assert first.relationships == Counts(created=316, updated=0, deleted=0, unchanged=0)
    before = snapshot(graph_of(ws))
    assert len(before["nodes"]) == 134
    assert len(before["rels"]) == 316
    second = push(example, conn, ws, report=example_report)
    assert second.nodes == Counts(unchanged=134)
    assert second.relationships == Counts(unchanged=316)
    assert not second.changed
    assert snapshot(graph_of(ws)) == before
    # The analysis is there for Bloom to style by.
    labels, props = before["nodes"]["carrefour-es"]
    # carrefour-es adopts, collaborates and supports in the example.
    assert labels == ["Actor", "Adopter", "SupportPartner"]
    broker = next(b for b in example_report.brokers if b.id == "carrefour-es")
    assert props["betweenness"] == broker.betweenness
    assert props["brokerage_liaison"] == broker.brokerage.liaison
    assert isinstance(props["community"], int)


def test_push_edit_push_changes_exactly_the_edit(conn: Connection, graph_of: Any, ws: str,
                                                 example: Dataset) -> None:
    push(example, conn, ws)
    before = snapshot(graph_of(ws))
    actors = list(example.actors)
    actors[3] = dataclasses.replace(actors[3], name="Nouveau nom",
                                    extra={**actors[3].extra, "notes": "modifié"})
    relations = list(example.relations)
    relations[5] = dataclasses.replace(relations[5], amount=123456.5)
    edited = dataclasses.replace(example, actors=tuple(actors), relations=tuple(relations))
    result = push(edited, conn, ws)
    assert result.nodes == Counts(updated=1, unchanged=133)
    assert result.relationships == Counts(updated=1, unchanged=315)
    after = snapshot(graph_of(ws))
    changed_nodes = {k for k in before["nodes"] if before["nodes"][k] != after["nodes"][k]}
    changed_rels = {k for k in before["rels"] if before["rels"][k] != after["rels"][k]}
    assert changed_nodes == {actors[3].id}
    assert after["nodes"][actors[3].id][1]["name"] == "Nouveau nom"
    assert after["nodes"][actors[3].id][1]["x_notes"] == "modifié"
    assert len(changed_rels) == 1
    (rid,) = changed_rels
    assert after["rels"][rid][3]["amount"] == 123456.5
    assert pull(conn, ws) == edited


def test_replace_removes_what_is_gone_and_keeps_it_otherwise(
        conn: Connection, graph_of: Any, ws: str) -> None:
    ds = Dataset(
        actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC), Actor("c", "Coop", Sector.COMMUNITY),
                Actor("g", "Gone", Sector.MEDIA)),
        projects=(Project("p", "P", Stage.MOBILIZATION),),
        relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
                   Relation("g", "p", R.SUPPORTS), Relation("g", "c", R.COLLABORATES)),
    )
    push(ds, conn, ws)
    smaller = dataclasses.replace(ds, actors=ds.actors[:2], relations=ds.relations[:2])
    kept = push(smaller, conn, ws)
    assert (kept.nodes.deleted, kept.relationships.deleted) == (0, 0)
    assert len(snapshot(graph_of(ws))["nodes"]) == 4
    replaced = push(smaller, conn, ws, replace=True)
    assert replaced.nodes == Counts(deleted=1, unchanged=3)
    assert replaced.relationships == Counts(deleted=2, unchanged=2)
    snap = snapshot(graph_of(ws))
    assert set(snap["nodes"]) == {"f", "c", "p"}
    assert len(snap["rels"]) == 2
    assert pull(conn, ws) == smaller
    # A role whose last relation went away loses its label.
    no_funding = dataclasses.replace(smaller, relations=smaller.relations[1:])
    push(no_funding, conn, ws, replace=True)
    assert snapshot(graph_of(ws))["nodes"]["f"][0] == ["Actor"]


def test_a_kept_relationship_keeps_its_role_label(conn: Connection, graph_of: Any,
                                                 ws: str) -> None:
    """Without --replace, a relationship the workspace no longer has stays, and so does the
    role label it gives its actor; with --replace both go."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),
                         Actor("c", "Coop", Sector.COMMUNITY)),
                 projects=(Project("p", "P", Stage.MOBILIZATION),),
                 relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
                            Relation("f", "p", R.SUPPORTS)))
    push(ds, conn, ws)
    assert snapshot(graph_of(ws))["nodes"]["f"][0] == ["Actor", "Funder", "SupportPartner"]
    fewer = dataclasses.replace(ds, relations=ds.relations[:2])  # the last: no seq moves
    kept = push(fewer, conn, ws)
    assert kept.nodes == Counts(unchanged=3)
    assert kept.relationships == Counts(unchanged=2)
    assert snapshot(graph_of(ws))["nodes"]["f"][0] == ["Actor", "Funder", "SupportPartner"]
    replaced = push(fewer, conn, ws, replace=True)
    assert replaced.nodes == Counts(updated=1, unchanged=2)
    assert replaced.relationships == Counts(deleted=1, unchanged=2)
    assert snapshot(graph_of(ws))["nodes"]["f"][0] == ["Actor", "Funder"]
    assert push(fewer, conn, ws, replace=True).changed is False


def test_pushes_in_several_batches(conn: Connection, graph_of: Any, ws: str) -> None:
    """Batches smaller than the workspace: the same database as one batch, same counts."""
    ds = generate_dataset(60, 20, 150, seed=3)
    first = push(ds, conn, ws, batch_size=7)
    assert first.nodes == Counts(created=80)
    assert first.relationships == Counts(created=150)
    assert pull(conn, ws) == ds
    edited = dataclasses.replace(ds, relations=tuple(
        dataclasses.replace(r, weight=r.weight + 1) if i % 10 == 0 else r
        for i, r in enumerate(ds.relations)))
    again = push(edited, conn, ws, batch_size=7)
    assert again.relationships == Counts(updated=15, unchanged=135)
    assert pull(conn, ws) == edited
    gone = push(Dataset(), conn, ws, replace=True, batch_size=7)
    assert gone.nodes == Counts(deleted=80)
    assert gone.relationships == Counts(deleted=150)
    assert snapshot(graph_of(ws)) == {"nodes": {}, "rels": {}}


def test_reading_in_small_chunks_reads_everything_once(conn: Connection, ws: str) -> None:
    """The stored state is read a chunk at a time, after the last id of the previous chunk
    in index order: with ids that sort in surprising ways, nothing is missed or repeated."""
    from graphmap.neo4j.connection import open_driver
    from graphmap.neo4j.stored import element_ids, read_nodes, read_relationships

    ids = ["a", "A", "é", "e", "Z9", "z10", "😀", "ǅ", "a b", "a-b", "0", "10", "9", *NASTY]
    ds = Dataset(actors=tuple(Actor(i, i, Sector.COMMUNITY) for i in ids),
                 projects=(Project("p", "P", Stage.EMERGENCE),),
                 relations=tuple(Relation(i, "p", R.SUPPORTS) for i in ids))
    push(ds, conn, ws)
    with open_driver(conn) as driver:
        whole = read_nodes(driver, conn, ws, "Actor")
        for chunk in (1, 2, 5):
            assert read_nodes(driver, conn, ws, "Actor", chunk=chunk) == whole
            rels = read_relationships(driver, conn, ws, whole, element_ids(
                [*whole, *read_nodes(driver, conn, ws, "Project")]), chunk=chunk)
            assert sorted(r[1] for r in rels) == sorted(ids)
    assert sorted(n[0] for n in whole) == sorted(ids)
    assert len(whole) == len({n[0] for n in whole})


def test_workspaces_share_a_database_without_mixing(conn: Connection, ws: str,
                                                    example: Dataset) -> None:
    other = dataclasses.replace(
        example, actors=tuple(dataclasses.replace(a, name=a.name + " (bis)")
                              for a in example.actors))
    push(example, conn, ws + "-a")
    result = push(other, conn, ws + "-b")
    assert result.nodes.created == 134  # same ids, other workspace: new nodes
    assert pull(conn, ws + "-a") == example
    assert pull(conn, ws + "-b") == other
    push(Dataset(), conn, ws + "-b", replace=True)
    assert pull(conn, ws + "-a") == example


def test_cypher_in_names_ids_and_columns_is_plain_text(conn: Connection, driver: Any,
                                                       ws: str) -> None:
    before = totals(driver)
    actors = tuple(Actor(f"id{n}{text}", text, Sector.COMMUNITY, territory=text,
                         extra={text: text, "col`$x": text}) for n, text in enumerate(NASTY))
    ds = Dataset(
        actors=actors,
        projects=(Project(NASTY[0], NASTY[1], Stage.FEEDBACK, themes=tuple(NASTY)),),
        relations=tuple(Relation(a.id, NASTY[0], R.SUPPORTS, kind=NASTY[2],
                                 extra={NASTY[3]: NASTY[4]}) for a in actors),
    )
    result = push(ds, conn, ws)
    assert result.nodes.created == len(NASTY) + 1
    assert result.relationships.created == len(NASTY)
    after = totals(driver)
    assert after == (before[0] + len(NASTY) + 2, before[1] + len(NASTY))  # +1 workspace node
    assert pull(conn, ws) == ds
    evil, _, _ = driver.execute_query("MATCH (n:Evil) RETURN count(n) AS c")
    assert evil[0]["c"] == 0
    assert push(ds, conn, ws).nodes.unchanged == len(NASTY) + 1


def test_pull_cli_writes_a_workspace_that_loads_equal(
        conn: Connection, neo4j_env: dict[str, str], ws: str, example: Dataset,
        tmp_path: Path) -> None:
    pushed = subprocess.run(
        [sys.executable, "-m", "graphmap", "push", str(EXAMPLE), "--workspace", ws],
        capture_output=True, text=True, env=neo4j_env, check=False, timeout=300)
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.strip() == (
        f"Workspace '{ws}' pushed to {conn.uri} (database neo4j): nodes 134 created, 0 "
        "updated, 0 deleted, 0 unchanged; relationships 316 created, 0 updated, 0 deleted, "
        "0 unchanged.")
    out = tmp_path / "copy"
    pulled = subprocess.run(
        [sys.executable, "-m", "graphmap", "pull", "--workspace", ws, "--out", str(out)],
        capture_output=True, text=True, env=neo4j_env, check=False, timeout=300)
    assert pulled.returncode == 0, pulled.stderr
    assert load_workspace(out) == example
    assert sorted(p.name for p in out.iterdir()) == ["actors.csv", "projects.csv",
                                                    "relations.csv"]
    # The user's columns come back in their order.
    header = (out / "actors.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith("website,contact,notes")
    as_json = CliRunner().invoke(cli, ["pull", "--workspace", ws, "--out",
                                       str(tmp_path / "copy.json")], env=neo4j_env)
    assert as_json.exit_code == 0, as_json.output
    assert load_workspace(tmp_path / "copy.json") == example


def test_push_again_with_password_stdin(server: Any, neo4j_env: dict[str, str],
                                        ws: str) -> None:
    env = {k: v for k, v in neo4j_env.items() if k != "NEO4J_PASSWORD"}
    runner = CliRunner()
    result = runner.invoke(cli, ["push", str(EXAMPLE), "--workspace", ws, "--password-stdin",
                                 "--no-analysis", "--lang", "fr"],
                           input=server.password + "\n", env=env)
    assert result.exit_code == 0, result.output
    assert "nœuds 134 créés, 0 modifiés, 0 supprimés, 0 inchangés" in result.output
    assert server.password not in result.output


def test_pull_unknown_workspace(conn: Connection) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["pull", "--workspace", "no-such-ws", "--out", "x",
                                 "--lang", "en", "--uri", conn.uri],
                           env={"NEO4J_PASSWORD": conn.password or ""})
    assert result.exit_code == 1
    assert result.output.startswith("Error: No workspace 'no-such-ws' in database 'neo4j' ")
    assert len(result.output.strip().splitlines()) == 1
