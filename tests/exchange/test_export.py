"""``graphmap export``: GEXF and GraphML read by networkx and by Gephi Lite's own parsers
(graphology-gexf, graphology-graphml) give the same nodes, edges and attributes, which are
the Dataset's and the analysis's; the GEXF carries the map's colours, sizes and positions;
Kumu blueprints; deterministic bytes; usage errors."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from graphmap.exchange import exchange_graph, write_export
from graphmap.exchange.style import map_styles
from graphmap.model.dataset import in_content_order
from graphmap.render.layout import compute_layout
from graphmap.render.map_style import SECTOR_COLORS

from .conftest import EXAMPLE, run_cli

# Keys the parsers add for the drawing and the file's own structure, not attributes.
_DRAWING = {"label", "viz", "color", "size", "x", "y", "z", "shape", "r", "g", "b", "id",
            "weight", "kind"}


def _export(laurentides: Any, fmt: str, lang: str, path: Path) -> Path:
    dataset, config, report = laurentides
    styles = map_styles(dataset, report, seed=config.seed)
    return write_export(exchange_graph(dataset, report, lang=lang, styles=styles), fmt, path)


def _attributes(data: dict[str, Any]) -> dict[str, Any]:
    """The attributes, numbers as floats (JSON from Node writes 150000 for 150000.0)."""
    return {k: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
            for k, v in data.items() if k not in _DRAWING}


def _networkx(fmt: str, path: Path) -> Any:
    return nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_networkx_and_gephi_lite_read_the_same_graph(laurentides: Any, graphology: Any,
                                                     tmp_path: Path, fmt: str,
                                                     lang: str) -> None:
    dataset, _, report = laurentides
    path = _export(laurentides, fmt, lang, tmp_path / f"laurentides.{fmt}")
    graph = _networkx(fmt, path)
    parsed = graphology(fmt, path)
    assert parsed["type"] == "directed"
    # Nodes in content order (docs/analysis.md §1): by id, actors then projects.
    ordered = in_content_order(dataset)
    ids = [a.id for a in ordered.actors] + [p.id for p in ordered.projects]
    assert list(graph.nodes) == ids
    assert [n["key"] for n in parsed["nodes"]] == ids
    for node in parsed["nodes"]:
        assert _attributes(node["attributes"]) == _attributes(graph.nodes[node["key"]])
        assert node["attributes"]["label"] == graph.nodes[node["key"]]["label"]
    relation = "relation"
    nx_edges = Counter((u, v, d[relation]) for u, v, d in graph.edges(data=True))
    js_edges = Counter((e["source"], e["target"], e["attributes"][relation])
                       for e in parsed["edges"])
    assert nx_edges == js_edges
    assert sum(nx_edges.values()) == len(dataset.relations) == 316
    nx_attrs = sorted(json.dumps(_attributes(d), sort_keys=True)
                      for _, _, d in graph.edges(data=True))
    js_attrs = sorted(json.dumps(_attributes(e["attributes"]), sort_keys=True)
                      for e in parsed["edges"])
    assert nx_attrs == js_attrs
    # The attributes are the data and the analysis.
    top = report.brokers[0]
    node = graph.nodes[top.id]
    titles = {"fr": ("secteur", "intermédiarité", "courtage\u00a0: agent de liaison", "manques"),
              "en": ("sector", "betweenness", "brokerage: liaison", "gaps")}[lang]
    actor = dataset.actor_by_id[top.id]
    assert node[titles[0]] == (actor.sector.label("fr") if lang == "fr" else actor.sector.value)
    assert node[titles[1]] == pytest.approx(top.betweenness)
    assert node[titles[2]] == top.brokerage.liaison
    gap = next(g for g in report.gaps if g.subject_kind == "project")
    assert gap.code in graph.nodes[gap.subject][titles[3]].split("; ")
    funded = next(r for r in dataset.relations if r.amount)
    amount = "montant" if lang == "fr" else "amount"
    assert any(d.get(amount) == funded.amount for _, _, d in graph.edges(funded.source,
                                                                          data=True))


def test_gexf_draws_like_the_map(laurentides: Any, graphology: Any, tmp_path: Path) -> None:
    dataset, config, report = laurentides
    path = _export(laurentides, "gexf", "fr", tmp_path / "map.gexf")
    nodes = {n["key"]: n["attributes"] for n in graphology("gexf", path)["nodes"]}
    # The map lays out the content order (any row order draws alike).
    ordered = in_content_order(dataset)
    ids = [a.id for a in ordered.actors] + [p.id for p in ordered.projects]
    positions = compute_layout(ids, [(r.source, r.target) for r in ordered.relations],
                               seed=config.seed)
    for actor in dataset.actors:
        red, green, blue = (int(SECTOR_COLORS[actor.sector.value][i:i + 2], 16)
                            for i in (1, 3, 5))
        assert nodes[actor.id]["color"] == f"rgb({red},{green},{blue})"
        assert nodes[actor.id]["shape"] == "disc"
    for project in dataset.projects:
        assert nodes[project.id]["shape"] == "diamond"
    for node_id, (x, y) in positions.items():
        # Gephi's y axis grows upwards, the map's downwards.
        assert (nodes[node_id]["x"], nodes[node_id]["y"]) == (x, -y)
    top = report.brokers[0].id
    assert nodes[top]["size"] == 38.0
    assert min(nodes[a.id]["size"] for a in dataset.actors) >= 9.0
    # networkx reads the same drawing from the viz namespace.
    viz = nx.read_gexf(path).nodes[top]["viz"]
    assert viz["size"] == 38.0
    assert viz["position"]["x"] == nodes[top]["x"]


def test_graphml_keys_are_typed(laurentides: Any, tmp_path: Path) -> None:
    text = _export(laurentides, "graphml", "en", tmp_path / "g.graphml").read_text()
    assert '<key id="n10" for="node" attr.name="betweenness" attr.type="double"/>' in text
    assert 'attr.name="broker rank" attr.type="long"' in text
    assert 'attr.name="amount" attr.type="double"' in text
    assert 'attr.name="year" attr.type="long"' in text
    graph = nx.read_graphml(tmp_path / "g.graphml")
    assert isinstance(graph.nodes["carrefour-es"]["broker rank"], int)


def test_kumu_blueprint(laurentides: Any, tmp_path: Path) -> None:
    dataset, _, report = laurentides
    path = _export(laurentides, "kumu", "fr", tmp_path / "kumu.json")
    blueprint = json.loads(path.read_text(encoding="utf-8"))
    elements, connections = blueprint["elements"], blueprint["connections"]
    ordered = in_content_order(dataset)
    assert [e["id"] for e in elements] == [a.id for a in ordered.actors] + [
        p.id for p in ordered.projects]
    assert {e["type"] for e in elements} == {"Acteur", "Projet"}
    project = next(e for e in elements if e["type"] == "Projet")
    assert project["tags"] == list(dataset.project_by_id[project["id"]].themes)
    assert project["étape"] in ("émergence", "mobilisation", "rétroaction", "appropriation")
    broker = next(e for e in elements if e["id"] == report.brokers[0].id)
    assert broker["intermédiarité"] == pytest.approx(report.brokers[0].betweenness)
    assert len(connections) == len(dataset.relations)
    assert all("id" not in c for c in connections)  # Kumu wants ids unique across both
    assert {c["type"] for c in connections} <= {"porte", "finance", "soutient", "adopte",
                                                "bénéficie", "collabore", "membre"}
    collaborate = next(c for c in connections if c["type"] == "collabore")
    assert collaborate["direction"] == "undirected"


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "kumu"])
def test_same_data_same_bytes(tmp_path: Path, fmt: str) -> None:
    suffix = {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json"}[fmt]
    # The second run reads the example with every table's rows in reverse order.
    reversed_rows = tmp_path / "reversed" / EXAMPLE.name  # the same name: the same title
    shutil.copytree(EXAMPLE, reversed_rows)
    for table in reversed_rows.glob("*.csv"):
        header, *rows = table.read_text(encoding="utf-8").splitlines(keepends=True)
        table.write_text(header + "".join(reversed(rows)), encoding="utf-8")
    outputs = []
    for run, workspace in ((1, EXAMPLE), (2, EXAMPLE), (3, reversed_rows)):
        target = tmp_path / f"{run}{suffix}"
        done = run_cli("export", str(workspace), "--to", fmt, "-o", str(target))
        assert done.returncode == 0, done.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[2] == outputs[0]
    assert b"\r" not in outputs[0]


def test_extension_must_match_the_format(tmp_path: Path) -> None:
    done = run_cli("export", str(EXAMPLE), "--to", "gexf", "-o", str(tmp_path / "map.json"),
                   "--lang", "fr")
    assert done.returncode == 2
    assert "ne finit pas par .gexf" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "map.json").exists()


def test_cli_messages_in_both_languages(cli_group: Any, tmp_path: Path) -> None:
    runner = CliRunner()
    fr = runner.invoke(cli_group, ["export", str(EXAMPLE), "--to", "kumu", "-o",
                                   str(tmp_path / "k.json"), "--lang", "fr"])
    assert fr.exit_code == 0, fr.output
    assert "134 nœuds, 316 liens (Kumu)" in fr.output
    en = runner.invoke(cli_group, ["export", str(EXAMPLE), "--to", "graphml", "-o",
                                   str(tmp_path / "k.gexf"), "--lang", "en"])
    assert en.exit_code == 2
    assert "does not end in .graphml" in en.output
    missing = runner.invoke(cli_group, ["export", str(tmp_path / "nowhere"), "--to", "gexf",
                                        "-o", str(tmp_path / "x.gexf"), "--lang", "en"])
    assert missing.exit_code == 2, missing.output


def test_an_extra_column_named_like_an_analysis_attribute_is_renamed(tmp_path: Path) -> None:
    from graphmap.model.dataset import Dataset
    from graphmap.model.records import Actor, Origin, Project, Relation
    from graphmap.schema import RelationType, Sector, Stage

    dataset = Dataset(
        actors=(Actor("a", "A", Sector.PUBLIC, extra={"communauté": "Atikamekw"},
                      origin=Origin("actors.csv", 2)),),
        projects=(Project("p", "P", Stage.EMERGENCE),),
        relations=(Relation("a", "p", RelationType.CARRIES),))
    graph = exchange_graph(dataset, None, lang="en")
    assert [a.title for a in graph.node_attributes][-1] == "communauté (2)"
    assert [(i.code, i.file) for i in graph.issues] == [("exchange.extra_renamed",
                                                         "actors.csv")]


def test_positions_stop_where_the_map_stops_drawing_nodes(laurentides: Any) -> None:
    from graphmap.exchange.style import LAYOUT_UP_TO
    from graphmap.render.html_map import AGGREGATE_ABOVE

    assert LAYOUT_UP_TO == AGGREGATE_ABOVE
    dataset, config, report = laurentides
    styles = map_styles(dataset, report, seed=config.seed, layout_up_to=10)
    assert {(s.x, s.y) for s in styles.values()} == {(None, None)}
    exported = exchange_graph(dataset, report, styles=styles)
    node = next(exported.nodes())
    assert node.style is not None
    assert node.style.color == SECTOR_COLORS[in_content_order(dataset).actors[0].sector.value]


def test_cli_message_groups_thousands_in_both_languages(cli_group: Any, tmp_path: Path) -> None:
    from graphmap.synth import write_workspace

    write_workspace(tmp_path / "ws", 1000, 234, 3000, seed=3)
    runner = CliRunner()
    for lang, counts in (("fr", "1\u00a0234 nœuds"), ("en", "1,234 nodes")):
        done = runner.invoke(cli_group, ["export", str(tmp_path / "ws"), "--to", "kumu", "-o",
                                         str(tmp_path / f"{lang}.json"), "--lang", lang])
        assert done.exit_code == 0, done.output
        assert counts in done.output
