"""The pure part of the Neo4j sync and the query library: no server needed."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.neo4j import query as library
from graphmap.neo4j.rows import (
    EXTRA_PREFIX,
    REL_TYPES,
    ROLE_LABELS,
    RelRow,
    dataset_from_rows,
    graph_rows,
    relation_ids,
)
from graphmap.neo4j.statements import (
    CONSTRAINTS,
    create_groups,
    group_size,
    node_create,
    node_write,
    rel_create,
    rel_update,
)
from graphmap.neo4j.sync import workspace_name
from graphmap.neo4j.writer import _batches
from graphmap.schema import RelationType as R
from graphmap.schema import Scope, Sector, Stage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"
NASTY = "'}) DETACH DELETE n //`$param`\"\\"


def roundtrip(ds: Dataset, report: object = None) -> Dataset:
    rows = graph_rows(ds, "w", report)  # type: ignore[arg-type]
    actors = [n.props for n in rows.nodes if n.label == "Actor"]
    projects = [n.props for n in rows.nodes if n.label == "Project"]
    rels = [(r.rel_type, r.source, r.target, r.props) for r in rows.rels]
    return dataset_from_rows("w", actors[::-1], projects[::-1], rels[::-1],
                             rows.workspace_props)


def test_relation_ids_are_stable_and_keep_parallel_relations() -> None:
    a = Relation("a", "p", R.FUNDS, amount=1.0)
    b = Relation("a", "p", R.FUNDS, amount=2.0)
    c = Relation("a", "p", R.SUPPORTS)
    ids = relation_ids([a, b, c])
    assert len(set(ids)) == 3
    # The amount is not part of the id: editing it updates the same relationship.
    assert relation_ids([Relation("a", "p", R.FUNDS, amount=9.0), b, c]) == ids
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids)


@pytest.mark.parametrize("source", ["a", NASTY, "é\u2028\x00\t", '"\\/'])
def test_relation_ids_never_change(source: str) -> None:
    """The ids already in users' databases: a hash of json.dumps([source, type, target, k])."""
    import hashlib
    import json

    rels = [Relation(source, "p", R.FUNDS), Relation(source, "p", R.FUNDS),
            Relation(source, "q", R.COLLABORATES)]
    expected = [hashlib.sha256(json.dumps([r.source, r.type.value, r.target, k],
                                          ensure_ascii=False).encode("utf-8")).hexdigest()[:32]
                for r, k in zip(rels, (0, 1, 0), strict=True)]
    assert relation_ids(rels) == expected


def test_rows_hold_roles_extras_and_analysis() -> None:
    from graphmap.analysis.pipeline import analyze

    ds = Dataset(
        actors=(Actor("f", "Fonds", Sector.PHILANTHROPIC, extra={"name": "shadow", "web": ""}),
                Actor("c", "Coop", Sector.SOCIAL_ECONOMY, scope=Scope.REGIONAL),
                Actor("lonely", "Seul", Sector.CITIZEN)),
        projects=(Project("p", "Jardins", Stage.FEEDBACK, themes=("food", "housing")),),
        relations=(Relation("f", "p", R.FUNDS, amount=10.0), Relation("c", "p", R.CARRIES),
                   Relation("c", "p", R.BENEFITS)),
    )
    rows = graph_rows(ds, "w", analyze(ds))
    f, c, lonely, p = rows.nodes
    assert (f.roles, c.roles, lonely.roles) == (("Funder",), ("Adopter", "Carrier"), ())
    # A user column named like one of ours never overwrites it.
    assert f.props["name"] == "Fonds"
    assert f.props[EXTRA_PREFIX + "name"] == "shadow"
    assert f.props["x_web"] == ""
    assert p.props["themes"] == ["food", "housing"]
    assert p.props["stage_rank"] == 2
    assert p.props["gap_codes"] == ["project.single_funder", "project.no_support",
                                    "project.low_diversity"]
    assert lonely.props["gap_codes"] == ["actor.isolated"]
    # Issue 10: an isolated actor's betweenness is 0 (as networkx, igraph and sna); only its
    # constraint and effective size are undefined, hence absent.
    assert lonely.props["betweenness"] == 0.0
    assert "constraint" not in lonely.props
    assert "effective_size" not in lonely.props
    assert set(c.props) >= {"betweenness", "constraint", "effective_size", "community",
                            "broker_rank", "brokerage_coordinator", "brokerage_total"}
    assert [r.rel_type for r in rows.rels] == ["FUNDS", "CARRIES", "BENEFITS"]
    assert rows.rels[0].props["amount"] == 10.0
    assert rows.rels[0].props["weight"] == 1.0


def test_rows_round_trip_the_example_whatever_the_read_order() -> None:
    from graphmap.workspace import load_workspace

    # Neo4j does not hold the territories table yet (docs/workspace-format.md): the records.
    ds = dataclasses.replace(load_workspace(EXAMPLE), territories=())
    back = roundtrip(ds)
    assert back == ds
    assert back.extra_columns == ds.extra_columns


def test_cypher_text_comes_only_from_our_vocabulary() -> None:
    """User text never reaches the Cypher string: only enum-derived labels and types do."""
    ds = Dataset(actors=(Actor(NASTY, NASTY, Sector.PUBLIC, extra={NASTY: NASTY}),),
                 projects=(Project("p`", NASTY, Stage.EMERGENCE),),
                 relations=(Relation(NASTY, "p`", R.CARRIES, kind=NASTY),))
    assert roundtrip(ds) == ds
    roles = tuple(sorted(set(ROLE_LABELS.values())))
    statements = [*CONSTRAINTS, node_write("Actor"), node_write("Project"),
                  node_write("Actor", roles), node_write("Actor", roles[:2]),
                  node_create("Actor", roles[1:]), node_create("Project"),
                  *(write(t) for t in REL_TYPES.values()
                    for write in (rel_create, rel_update))]
    for statement in statements:
        assert "DETACH DELETE n //" not in statement
        assert "`" not in statement
    allowed = set(REL_TYPES.values()) | set(ROLE_LABELS.values()) | {"Actor", "Project",
                                                                      "GraphmapWorkspace"}
    for statement in statements:
        for label in re.findall(r"[:]([A-Z][A-Za-z_]+)", statement):
            assert label in allowed


@pytest.mark.parametrize(("weights", "size", "batches"), [
    ([1, 1, 1, 1, 1], 2, [[1, 1], [1, 1], [1]]),
    ([3, 1, 2, 5, 1], 4, [[3, 1], [2], [5], [1]]),  # a heavier group alone
    ([2, 2, 2], 10, [[2, 2, 2]]),
    ([], 3, []),
])
def test_batches_hold_whole_groups_up_to_the_batch_size(
        weights: list[int], size: int, batches: list[list[int]]) -> None:
    """Relationships go grouped by source: a batch holds whole groups, as many as fit in
    ``size`` relationships, and says how many relationships it holds (what the server must
    report created)."""
    groups = [["e", "s", [None] * w] for w in weights]
    got = list(_batches(groups, size, group_size))
    assert [[group_size(g) for g in batch] for batch, _rows in got] == batches
    assert [rows for _batch, rows in got] == [sum(b) for b in batches]
    plain = list(_batches(weights, size, None))
    assert [len(batch) for batch, _ in plain] == [rows for _, rows in plain]
    assert [x for batch, _ in plain for x in batch] == weights


def test_no_transaction_holds_more_than_a_batch_of_a_large_funder() -> None:
    """A source with more relationships than a batch (a foundation with thousands of
    grants) is sent as several groups, each in order, so every batch stays within
    ``size`` relationships and every relationship is sent once."""
    rels = [RelRow("FUNDS", f"r{i}", "big" if i % 10 else "small", f"p{i}", "Project",
                   {"rid": f"r{i}"}) for i in range(30)]
    ids = {("Actor", "big"): "e:big", ("Actor", "small"): "e:small",
           **{("Project", f"p{i}"): f"e:p{i}" for i in range(30)}}
    groups = create_groups(rels, ids, "w", most=10)
    assert [(g[1], group_size(g)) for g in groups] == [
        ("small", 3), ("big", 10), ("big", 10), ("big", 7)]
    sent = [row[1] for g in groups for row in g[2]]
    assert sorted(sent) == sorted(r.target for r in rels)
    assert [t for g in groups if g[1] == "big" for t in (row[1] for row in g[2])] == [
        r.target for r in rels if r.source == "big"]
    batches = list(_batches(groups, 10, group_size))
    assert max(total for _batch, total in batches) == 10


def test_workspace_name_defaults() -> None:
    assert workspace_name(EXAMPLE) == "laurentides"
    assert workspace_name("some/dir/eco.json") == "eco"
    assert workspace_name("book.XLSX") == "book"


def test_every_query_has_a_documented_header() -> None:
    queries = library.load_queries()
    assert set(queries) >= {"gaps", "brokers", "brokers_cypher", "opportunities",
                            "collaborations", "summary", "introduce"}
    for name, spec in queries.items():
        assert spec.purpose.get("en"), name
        assert spec.purpose.get("fr"), name
        workspace = spec.param("workspace")
        assert workspace is not None, name
        assert workspace.required, name
        assert spec.examples, name
        # Every $parameter the Cypher uses is declared, and every declared one is used.
        body = "\n".join(line for line in spec.text.splitlines()
                         if not line.strip().startswith("//"))
        used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", body))
        assert used == {p.name for p in spec.params}, name
    assert queries["brokers"].requires == ("gds",)
    assert "FALLBACK" in queries["brokers_cypher"].purpose["en"]


def test_params_are_typed_and_checked() -> None:
    spec = library.get_query("gaps")
    assert library.parse_params(spec, ["workspace=a=b", "min_sectors=4"]) == {
        "workspace": "a=b", "min_sectors": 4}
    assert library.parse_params(spec, []) == {"min_sectors": 3}
    with pytest.raises(library.UsageError) as bad:
        library.parse_params(spec, ["min_sectors=three"])
    assert bad.value.render("en") == ("Parameter 'min_sectors' expects a value of type "
                                      "integer; got 'three'.")
    with pytest.raises(library.UsageError):
        library.parse_params(spec, ["nope=1"])
    with pytest.raises(library.UsageError):
        library.parse_params(spec, ["novalue"])


def test_query_list_and_unknown_query_on_the_cli() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["query", "--list", "--lang", "fr"])
    assert listed.exit_code == 0, listed.output
    assert "gaps\n    Tous les manques" in listed.output
    assert "brokers [gds]" in listed.output
    unknown = runner.invoke(cli, ["query", "nope", "--lang", "en"])
    assert unknown.exit_code == 2
    assert "Unknown query 'nope'. Available queries: brokers, brokers_cypher," in unknown.output
    assert "Traceback" not in unknown.output


def test_the_queries_ship_in_the_wheel_layout() -> None:
    """pyproject force-includes queries/ as graphmap/_queries; the loader finds either."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"queries" = "graphmap/_queries"' in text
    assert library._queries_dir().joinpath("gaps.cypher").is_file()


def test_help_of_the_three_commands() -> None:
    for command in ("push", "pull", "query"):
        proc = subprocess.run([sys.executable, "-m", "graphmap", command, "--help"],
                              capture_output=True, text=True, check=False,
                              env={"GRAPHMAP_LANG": "en", "PATH": "/usr/bin:/bin"})
        assert proc.returncode == 0, proc.stderr
        assert "Example" in proc.stdout
