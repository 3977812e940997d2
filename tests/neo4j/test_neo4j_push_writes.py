"""What a push writes, by the server's own counts (the driver's summary counters), against
the real Neo4j 5.26 server of the session: everything once, nothing the second time, the
same content whatever the batch size, and no relationship lost to a node deleted by another
client while a push writes."""

from __future__ import annotations

import dataclasses
import io
from typing import Any

import pytest

from graphmap.errors import Neo4jSyncError
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.neo4j.connection import Connection, open_driver
from graphmap.neo4j.rows import graph_rows
from graphmap.neo4j.statements import group_size, node_write, rel_create, rel_update
from graphmap.neo4j.stored import read_workspace
from graphmap.neo4j.sync import SERVER_COUNTERS, Counts, pull, push
from graphmap.neo4j.writer import BatchWriter
from graphmap.schema import RelationType as R
from graphmap.schema import Sector, Stage
from graphmap.synth import generate_dataset

pytestmark = pytest.mark.neo4j

NOTHING = dict.fromkeys(SERVER_COUNTERS, 0)


def content(graph: tuple[list[Any], list[Any]]) -> list[Any]:
    """Every node (labels, properties) and relationship (type, endpoints, properties) of
    ``graph_of(workspace)``, sorted, without the workspace name: what two pushes of the
    same data must both leave."""
    nodes, rels = graph

    def without_workspace(props: dict[str, Any]) -> list[Any]:
        return sorted((k, v) for k, v in props.items() if k != "workspace")
    return sorted(
        [repr((sorted(n["l"]), without_workspace(n["p"]))) for n in nodes]
        + [repr((r["t"], r["s"], r["o"], without_workspace(r["p"]))) for r in rels])


def fails_as_changed_during_push(conn: Connection, ws: str, query: str, row: Any) -> None:
    """Write ``row`` with ``query`` as a push does (``must_write``): it must fail with the
    message that tells the user another client changed the workspace meanwhile."""
    with open_driver(conn) as opened:
        writer = BatchWriter(opened, conn, ws, batch_size=10, progress=None, total=1)
        with pytest.raises(Neo4jSyncError) as failed:
            writer.write(query, "rows", [row], must_write=True)
    assert failed.value.render("en") == (
        f"Another client deleted nodes or relationships of workspace '{ws}' during this "
        "push: run it again (it writes only what is missing).")


def test_first_push_writes_everything_once_and_a_second_push_nothing(
        conn: Connection, driver: Any, ws: str) -> None:
    ds = generate_dataset(200, 50, 1000, seed=11)
    first = push(ds, conn, ws)
    rows = graph_rows(ds, ws)
    assert first.server_counters["nodes_created"] == 251  # and the workspace node
    assert first.server_counters["relationships_created"] == 1000
    assert first.server_counters["nodes_deleted"] == 0
    assert first.server_counters["properties_set"] == (
        sum(len(n.props) for n in rows.nodes) + sum(len(r.props) for r in rows.rels)
        + 1 + len(rows.workspace_props))  # the workspace node: MERGE's name, then SET w =
    assert first.server_counters["labels_added"] == 251 + sum(len(n.roles) for n in rows.nodes)
    again = push(ds, conn, ws)
    assert again.server_counters == NOTHING
    assert again.nodes == Counts(unchanged=250)
    assert again.relationships == Counts(unchanged=1000)
    assert pull(conn, ws) == ds
    # One edited weight: one property written, nothing created.
    edited = dataclasses.replace(ds, relations=(
        dataclasses.replace(ds.relations[0], weight=ds.relations[0].weight + 1),
        *ds.relations[1:]))
    once = push(edited, conn, ws)
    assert once.relationships == Counts(updated=1, unchanged=999)
    assert once.server_counters["relationships_created"] == 0
    assert once.server_counters["nodes_created"] == 0
    assert pull(conn, ws) == edited


@pytest.mark.parametrize("batch_size", [1, 7, 64])
def test_every_batch_size_leaves_the_same_content(conn: Connection, graph_of: Any, ws: str,
                                                  batch_size: int) -> None:
    """Batch boundaries inside every statement's rows (node groups by role labels,
    relationships by type): the same nodes, relationships and properties as one batch."""
    ds = generate_dataset(60, 20, 150, seed=3)
    whole = push(ds, conn, ws + "-one")
    small = push(ds, conn, ws, batch_size=batch_size)
    assert small.nodes == whole.nodes == Counts(created=80)
    assert small.relationships == whole.relationships == Counts(created=150)
    assert small.server_counters == whole.server_counters
    assert content(graph_of(ws)) == content(graph_of(ws + "-one"))
    assert pull(conn, ws) == ds
    assert push(ds, conn, ws, batch_size=batch_size).server_counters == NOTHING
    gone = push(Dataset(), conn, ws, replace=True, batch_size=batch_size)
    assert gone.nodes == Counts(deleted=80)
    assert gone.server_counters["relationships_deleted"] == 150
    push(Dataset(), conn, ws + "-one", replace=True)


def test_a_node_deleted_by_another_client_during_a_push_is_an_error(
        conn: Connection, driver: Any, ws: str) -> None:
    """A relationship is created between the nodes the push read (or created), found by
    elementId: a node deleted meanwhile makes the push fail, never a relationship silently
    missing or joined to another node."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),),
                 projects=(Project("p", "P", Stage.MOBILIZATION),), relations=())
    push(ds, conn, ws)
    with open_driver(conn) as opened:
        stored = read_workspace(opened, conn, ws)
        driver.execute_query("MATCH (n:Actor {workspace: $ws, id: 'f'}) DETACH DELETE n",
                             ws=ws)
        # Another node of the same id, in another workspace: not the one that was read.
        push(ds, conn, ws + "-other")
        writer = BatchWriter(opened, conn, ws, batch_size=10, progress=None, total=1)
        rows = graph_rows(dataclasses.replace(ds, relations=(
            Relation("f", "p", R.FUNDS),)), ws)
        group = [stored.nodes[("Actor", "f")][2], "f",
                 [[stored.nodes[("Project", "p")][2], "p", rows.rels[0].props]]]
        with pytest.raises(Neo4jSyncError) as failed:
            writer.write(rel_create("FUNDS"), "rows", [group], must_write=True,
                         weight=group_size)
    assert failed.value.render("en") == (
        f"Another client deleted nodes or relationships of workspace '{ws}' during this "
        "push: run it again (it writes only what is missing).")
    assert failed.value.render("fr") == (
        "Un autre client a supprimé des nœuds ou des relations de l'espace de travail "
        f"«\u00a0{ws}\u00a0» pendant ce push\u00a0: relancez-le (il n'écrit que ce qui manque).")
    records, _, _ = driver.execute_query("MATCH ()-[r:FUNDS]->() WHERE r.workspace IN $ws "
                                         "RETURN count(r) AS n", ws=[ws, ws + "-other"])
    assert records[0]["n"] == 0
    # Pushed again, it creates what is missing.
    again = push(dataclasses.replace(ds, relations=(Relation("f", "p", R.FUNDS),)), conn, ws)
    assert again.nodes == Counts(created=1, unchanged=1)
    assert again.relationships == Counts(created=1)
    push(Dataset(), conn, ws + "-other", replace=True)


def test_a_relationship_deleted_by_another_client_before_its_update_is_an_error(
        conn: Connection, driver: Any, ws: str) -> None:
    """An edited relationship is updated by its rid: one deleted meanwhile makes the push
    fail, never an update reported but written nowhere."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),),
                 projects=(Project("p", "P", Stage.MOBILIZATION),),
                 relations=(Relation("f", "p", R.FUNDS, weight=1.0),))
    push(ds, conn, ws)
    edited = dataclasses.replace(ds, relations=(Relation("f", "p", R.FUNDS, weight=2.0),))
    driver.execute_query("MATCH ()-[r:FUNDS {workspace: $ws}]->() DELETE r", ws=ws)
    fails_as_changed_during_push(conn, ws, rel_update("FUNDS"),
                                 graph_rows(edited, ws).rels[0].props)
    # Pushed again, it creates what is missing.
    again = push(edited, conn, ws)
    assert again.relationships == Counts(created=1)
    assert pull(conn, ws) == edited


def test_a_node_deleted_by_another_client_before_its_update_is_an_error(
        conn: Connection, driver: Any, ws: str) -> None:
    """An edited node is updated by its id: one deleted meanwhile (with its relationships)
    makes the push fail, never an update reported but written nowhere."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),), projects=(),
                 relations=())
    push(ds, conn, ws)
    edited = dataclasses.replace(ds, actors=(Actor("f", "Fonds B", Sector.PHILANTHROPIC),))
    driver.execute_query("MATCH (n:Actor {workspace: $ws, id: 'f'}) DETACH DELETE n", ws=ws)
    fails_as_changed_during_push(conn, ws, node_write("Actor"),
                                 graph_rows(edited, ws).nodes[0].props)
    again = push(edited, conn, ws)
    assert again.nodes == Counts(created=1)
    assert pull(conn, ws) == edited


def test_a_relationship_made_by_hand_towards_another_node_is_read_with_its_target(
        conn: Connection, driver: Any, ws: str) -> None:
    """Relationships are read by elementId, their targets named from the workspace's nodes
    read just before; a target outside them is looked up, not dropped."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),),
                 projects=(Project("p", "P", Stage.MOBILIZATION),),
                 relations=(Relation("f", "p", R.FUNDS),))
    push(ds, conn, ws)
    driver.execute_query(
        "MATCH (f:Actor {workspace: $ws, id: 'f'}) CREATE (f)-[:FUNDS {workspace: $ws, "
        "rid: 'by-hand'}]->(:Note {id: 'note-1'})", ws=ws)
    with open_driver(conn) as opened:
        stored = read_workspace(opened, conn, ws)
    assert stored.rels["by-hand"][:3] == ("FUNDS", "f", "note-1")
    ours = graph_rows(ds, ws).rels[0]
    assert stored.rels[ours.rid][:3] == ("FUNDS", "f", "p")
    driver.execute_query("MATCH (n:Note {id: 'note-1'}) DETACH DELETE n")


def test_a_stopped_push_stops_before_its_next_write_and_the_next_push_completes_it(
        conn: Connection, graph_of: Any, ws: str) -> None:
    # The Neo4j engine stops the push it runs beside a failed or interrupted analysis.
    import threading

    from graphmap.neo4j.writer import PushStopped

    ds = generate_dataset(40, 10, 80, seed=2)
    stop = threading.Event()
    stop.set()
    with pytest.raises(PushStopped):
        push(ds, conn, ws, stop=stop)
    assert graph_of(ws) == ([], [])
    done = push(ds, conn, ws, stop=threading.Event())
    assert done.nodes == Counts(created=50)
    assert pull(conn, ws) == ds


def test_a_target_deleted_by_another_client_fails_its_group_of_relationships(
        conn: Connection, driver: Any, ws: str) -> None:
    """New relationships go grouped by source: a group whose source is still there but one
    of whose targets was deleted meanwhile creates fewer relationships than it holds, and
    the push fails (the next push creates what is missing)."""
    ds = Dataset(actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC),),
                 projects=(Project("p", "P", Stage.MOBILIZATION),
                           Project("q", "Q", Stage.MOBILIZATION)), relations=())
    push(ds, conn, ws)
    with_rels = dataclasses.replace(ds, relations=(Relation("f", "p", R.FUNDS),
                                                   Relation("f", "q", R.FUNDS)))
    rows = graph_rows(with_rels, ws)
    with open_driver(conn) as opened:
        stored = read_workspace(opened, conn, ws)
        driver.execute_query("MATCH (n:Project {workspace: $ws, id: 'q'}) DETACH DELETE n",
                             ws=ws)
        group = [stored.nodes[("Actor", "f")][2], "f",
                 [[stored.nodes[("Project", target)][2], target, rel.props]
                  for target, rel in zip("pq", rows.rels, strict=True)]]
        fails_as_changed_during_push_weighted(opened, conn, ws, group)
    # What the failed batch created stays (f -> p); the next push brings the project back
    # with its relationship, and the funder's role label.
    again = push(with_rels, conn, ws)
    assert again.nodes == Counts(created=1, updated=1, unchanged=1)
    assert again.relationships == Counts(created=1, unchanged=1)
    assert pull(conn, ws) == with_rels


def fails_as_changed_during_push_weighted(opened: Any, conn: Connection, ws: str,
                                          group: list[Any]) -> None:
    writer = BatchWriter(opened, conn, ws, batch_size=10, progress=None, total=2)
    with pytest.raises(Neo4jSyncError) as failed:
        writer.write(rel_create("FUNDS"), "rows", [group], must_write=True,
                     weight=group_size)
    assert failed.value.key == "neo4j.error.changed_during_push"
    assert failed.value.render("en") == (
        f"Another client deleted nodes or relationships of workspace '{ws}' during this "
        "push: run it again (it writes only what is missing).")


def test_the_driver_debug_log_holds_no_row_of_the_workspace(
        conn: Connection, ws: str, caplog: pytest.LogCaptureFixture) -> None:
    """The driver formats a statement's parameters for its DEBUG line before it knows if
    anything logs it: list parameters go as ``UnloggedList``, whose ``repr`` is its length.
    With the driver's log at DEBUG, a push logs each statement and no name of the
    workspace, and what it wrote comes back whole."""
    ds = Dataset(
        name="log",
        actors=(Actor("a1", "Marie-Ève Tremblay", Sector.CITIZEN),
                Actor("a2", "Coop Zéro Déchet", Sector.SOCIAL_ECONOMY)),
        projects=(Project("p1", "Frigo partagé", Stage.EMERGENCE),),
        relations=(Relation("a1", "p1", R.CARRIES), Relation("a2", "p1", R.FUNDS,
                                                              amount=5000.0)))
    with caplog.at_level("DEBUG", logger="neo4j"):
        push(ds, conn, ws)
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert len([line for line in runs if "UNWIND $rows" in line]) >= 5  # 3 nodes, 2 types
    assert all("<list of 1>" in line for line in runs if "UNWIND $rows" in line)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for name in ("Marie-Ève Tremblay", "Coop Zéro Déchet", "Frigo partagé"):
        assert name not in logged
    assert pull(conn, ws) == dataclasses.replace(ds, name=ws)


@pytest.mark.parametrize("packer", ["rust", "python"])
def test_an_unlogged_list_packs_to_the_bytes_of_its_list(packer: str) -> None:
    from neo4j._codec.packstream import v1

    from graphmap.neo4j.connection import UnloggedList

    rows = [["4:x:1", "a1", [["4:x:2", "p1", {"workspace": "w", "rid": "r" * 32, "seq": 0,
                                               "weight": 1.0, "themes": ["é", "ü"]}]]]] * 3
    params = {"workspace": "w", "rows": rows}
    unlogged = {"workspace": "w", "rows": UnloggedList(rows)}
    if packer == "rust":
        from neo4j._rust.codec.packstream.v1 import pack
        assert pack(unlogged) == pack(params)
    else:
        def packed(value: Any) -> bytes:  # the driver's own Python packer (no Rust)
            out = io.BytesIO()
            v1.Packer(out)._py_pack(value, v1.Packer._inject_hooks())
            return out.getvalue()
        assert packed(unlogged) == packed(params)
