"""``graphmap import`` of Kumu, GEXF and GraphML: round trips give the same Dataset, files
from Kumu and Gephi map to graphmap's vocabulary with located issues, and bad files fail
cleanly without writing anything."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from graphmap.exchange import exchange_graph, import_dataset, write_export
from graphmap.exchange.style import map_styles
from graphmap.model.dataset import in_content_order
from graphmap.schema import RelationType, Sector, Stage
from graphmap.workspace import load_workspace

from .conftest import EXAMPLE, FIXTURES, run_cli

SUFFIX = {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json"}


def without_territories(dataset: Any) -> Any:
    """The records these formats carry: GEXF, GraphML and Kumu have no place for the
    territories table (its nesting), only each record's territory (docs/exchange.md)."""
    return dataclasses.replace(dataset, territories=())


def _located(issues: Any, lang: str = "en") -> list[str]:
    return [i.format(lang) for i in issues]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("fmt", ["gexf", "graphml", "kumu"])
def test_export_then_import_gives_the_same_dataset(laurentides: Any, tmp_path: Path, fmt: str,
                                                   lang: str) -> None:
    dataset, config, report = laurentides
    graph = exchange_graph(dataset, report, lang=lang,
                           styles=map_styles(dataset, report, seed=config.seed))
    path = write_export(graph, fmt, tmp_path / f"out{SUFFIX[fmt]}")
    imported, issues = import_dataset(path, fmt)
    # The same data; the export lists it in content order (docs/analysis.md §1).
    assert imported == without_territories(in_content_order(dataset))
    assert [i.code for i in issues if i.is_error] == []
    assert "exchange.analysis_dropped" in [i.code for i in issues]


@pytest.mark.parametrize(("fmt", "workspace"), [("gexf", "ws"), ("graphml", "ws.xlsx"),
                                                 ("kumu", "ws.json")])
def test_round_trip_through_the_command_line(tmp_path: Path, fmt: str, workspace: str) -> None:
    exported = tmp_path / f"laurentides{SUFFIX[fmt]}"
    done = run_cli("export", str(EXAMPLE), "--to", fmt, "-o", str(exported))
    assert done.returncode == 0, done.stderr
    # No --from: the format is guessed from the content.
    done = run_cli("import", str(exported), "-o", str(tmp_path / workspace), "--lang", "fr")
    assert done.returncode == 0, done.stderr
    assert "104 acteurs, 30 projets, 316 relations" in done.stderr
    assert load_workspace(tmp_path / workspace) == without_territories(
        in_content_order(load_workspace(EXAMPLE)))


def test_a_kumu_map_made_by_hand(tmp_path: Path) -> None:
    dataset, issues = import_dataset(FIXTURES / "kumu-hub.json", "kumu")
    assert _located(issues, "fr") == [
        "kumu-hub.json[elements]: avertissement\u00a0: 5 éléments sans identifiant\u00a0: "
        "identifiants tirés de leur nom (par ex. «\u00a0Centre d'entraide d'Argenteuil\u00a0» → "
        "«\u00a0centre-d-entraide-d-argenteuil\u00a0»)",
    ]
    assert dataset is not None
    actors = {a.id: a for a in dataset.actors}
    assert actors["centre-d-entraide-d-argenteuil"].sector is Sector.COMMUNITY
    assert actors["centre-d-entraide-d-argenteuil"].extra == {
        "Site web": "https://entraide.example", "tags": "alimentation"}
    assert actors["fondation-du-nord"].scope.value == "regional"
    # "Municipalité" is a word of the public sector, kept as the actor's finer type.
    assert (actors["mrc-d-argenteuil"].sector, actors["mrc-d-argenteuil"].type) == (
        Sector.PUBLIC, "Municipalité")
    projects = {p.id: p for p in dataset.projects}
    assert projects["cuisine-collective"].themes == ("sécurité alimentaire", "familles")
    assert projects["cuisine-collective"].extra == {"description": "Ateliers hebdomadaires"}
    assert projects["jardins-partages"].stage is Stage.FEEDBACK
    funds = next(r for r in dataset.relations if r.type is RelationType.FUNDS)
    # "cuisine collective" names the element "Cuisine collective" (case-insensitive).
    assert (funds.target, funds.amount, funds.year) == ("cuisine-collective", 12500.0, 2024)
    collaborates = next(r for r in dataset.relations if r.type is RelationType.COLLABORATES)
    assert collaborates.extra == {"Force": "forte"}


def test_a_kumu_project_export(tmp_path: Path) -> None:
    dataset, issues = import_dataset(FIXTURES / "kumu-project-export.json", "kumu")
    assert _located(issues) == []
    assert dataset is not None
    assert [(a.id, a.sector) for a in dataset.actors] == [("elem-a1", Sector.SOCIAL_ECONOMY)]
    assert [(p.id, p.stage) for p in dataset.projects] == [("elem-p1", Stage.EMERGENCE)]
    assert [(r.source, r.target, r.type) for r in dataset.relations] == [
        ("elem-a1", "elem-p1", RelationType.CARRIES)]


def test_a_kumu_workbook_with_elements_and_connections_sheets(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    elements = book.active
    elements.title = "Elements"
    for row in (["Label", "Type", "Description", "Tags", "Secteur", "Étape"],
                ["Centre A", "Organisme", "", "", "communautaire", ""],
                ["Fondation B", "Philanthropique", "", "", "", ""],
                ["Projet C", "Projet", "Un projet", "emploi|jeunesse", "", "mobilisation"],
                ["Projet D", "émergence", "", "", "", ""]):
        elements.append(row)
    connections = book.create_sheet("Connections")
    for row in (["From", "To", "Type", "Montant"],
                ["Centre A", "Projet C|Projet D", "porte", None],
                ["Fondation B", "Projet C", "finance", "5 000 $"]):
        connections.append(row)
    book.create_sheet("Notes (ignore)").append(["Label", "x"])
    path = tmp_path / "kumu.xlsx"
    book.save(path)
    dataset, issues = import_dataset(path, "kumu")
    assert _located(issues) == [
        "kumu.xlsx[Elements]: warning: 4 elements without an id: ids derived from their "
        "names (e.g. 'Centre A' → 'centre-a')",
    ]
    assert dataset is not None
    # "Organisme" is a word of the organization category, kept as the actor's finer type.
    centre = dataset.actor_by_id["centre-a"]
    assert (centre.sector, centre.category.value, centre.type) == (
        Sector.COMMUNITY, "organization", "Organisme")
    assert [(p.id, p.themes, p.stage, p.extra) for p in dataset.projects] == [
        ("projet-c", ("emploi", "jeunesse"), Stage.MOBILIZATION, {"Description": "Un projet"}),
        ("projet-d", (), Stage.EMERGENCE, {})]
    carries = [(r.source, r.target) for r in dataset.relations if r.type is RelationType.CARRIES]
    assert carries == [("centre-a", "projet-c"), ("centre-a", "projet-d")]
    assert [r.amount for r in dataset.relations if r.type is RelationType.FUNDS] == [5000.0]


def test_a_project_without_a_stage_is_a_located_error(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Elements"
    sheet.append(["Label", "Type"])
    sheet.append(["Projet sans étape", "Projet"])
    book.save(tmp_path / "k.xlsx")
    dataset, issues = import_dataset(tmp_path / "k.xlsx", "kumu")
    assert dataset is None
    assert [(i.code, i.file, i.row, i.column) for i in issues if i.is_error] == [
        ("value.missing", "k.xlsx[Elements]", 2, "stage")]


def test_bad_references_are_located_errors_and_nothing_is_written(tmp_path: Path) -> None:
    dataset, issues = import_dataset(FIXTURES / "kumu-errors.json", "kumu")
    assert dataset is None
    errors = [i.format("en") for i in issues if i.is_error]
    assert errors == [
        "kumu-errors.json[connections]:1:from: 'Centre A' names several elements: centre-a "
        "and centre-a-2; use their id",
        "kumu-errors.json[connections]:2:from: 'Centre Z' names no element; did you mean "
        "'centre-a'?",
        "kumu-errors.json[connections]:3:to: 'Projet C' names no element; did you mean "
        "'projet-b'?",
        "kumu-errors.json[elements]:4: cannot tell whether 'Inconnu' is an actor or a project:"
        " add an 'actor or project' field, a sector or a stage",
    ]
    target = tmp_path / "ws"
    for lang, words in (("fr", "rien n'a été écrit"), ("en", "nothing was written")):
        done = run_cli("import", str(FIXTURES / "kumu-errors.json"), "-o", str(target),
                       "--lang", lang)
        assert done.returncode == 1
        assert words in done.stderr
        assert "Traceback" not in done.stderr
    assert not target.exists()


def test_a_gexf_saved_by_gephi() -> None:
    dataset, issues = import_dataset(FIXTURES / "gephi.gexf", "gexf")
    assert _located(issues) == [
        "gephi.gexf: warning: analysis attributes not imported (Modularity Class): graphmap "
        "computes them again",
        "gephi.gexf:43: warning: undirected edge between a project and an actor: read from the"
        " actor 'n0' to the project 'n2'",
    ]
    assert dataset is not None
    assert [(a.id, a.sector) for a in dataset.actors] == [("n0", Sector.COMMUNITY),
                                                          ("n1", Sector.SOCIAL_ECONOMY)]
    # The attribute's <default> fills the nodes that have no value of their own.
    assert dataset.actor_by_id["n0"].extra == {"Téléphone": "non fourni"}
    assert dataset.actor_by_id["n1"].extra == {"Téléphone": "450-555-0101"}
    assert [(r.source, r.target, r.type, r.weight) for r in dataset.relations] == [
        ("n0", "n2", RelationType.CARRIES, 2.0), ("n1", "n2", RelationType.FUNDS, 1.0)]


def test_a_graphml_written_by_networkx(tmp_path: Path) -> None:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_node("a", label="Atelier", sector="Médias", territory="Laval")
    graph.add_node("p", name="Balado", type="projet", stage="pilote")
    graph.add_edge("a", "p", type="soutient", weight=0.5, note="diffusion")
    nx.write_graphml(graph, tmp_path / "nx.graphml")
    dataset, issues = import_dataset(tmp_path / "nx.graphml", "graphml")
    assert _located(issues) == []
    assert dataset is not None
    assert dataset.actors[0].sector is Sector.MEDIA
    assert (dataset.projects[0].name, dataset.projects[0].stage) == ("Balado", Stage.FEEDBACK)
    relation = dataset.relations[0]
    assert (relation.type, relation.weight, relation.extra) == (
        RelationType.SUPPORTS, 0.5, {"note": "diffusion"})


def test_xml_with_a_doctype_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.gexf"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
                    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n<gexf><graph><nodes>'
                    '<node id="a" label="&lol2;"/></nodes></graph></gexf>\n')
    dataset, issues = import_dataset(bomb, "gexf")
    assert dataset is None
    assert [(i.code, i.row) for i in issues] == [("exchange.doctype", 2)]


def test_malformed_xml_is_a_located_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.graphml"
    broken.write_text('<?xml version="1.0"?>\n<graphml>\n<graph>\n<node id="a">\n</graphml>\n')
    done = run_cli("import", str(broken), "-o", str(tmp_path / "ws"))
    assert done.returncode == 1
    assert "broken.graphml:5: unreadable file (GraphML): mismatched tag" in done.stderr
    assert not (tmp_path / "ws").exists()


def test_usage_errors(tmp_path: Path, cli_group: Any) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("rien à voir\n")
    runner = CliRunner()
    guessed = runner.invoke(cli_group, ["import", str(text), "-o", str(tmp_path / "w"),
                                        "--lang", "fr"])
    assert guessed.exit_code == 2
    assert "impossible de deviner le format" in guessed.output
    form = runner.invoke(cli_group, ["import", str(FIXTURES / "kumu-hub.json"), "-o",
                                     str(tmp_path / "w.csv"), "--lang", "en"])
    assert form.exit_code == 2
    assert "must be a folder, an .xlsx or a .json file" in form.output
    missing = runner.invoke(cli_group, ["import", str(tmp_path / "absent.json"), "-o",
                                        str(tmp_path / "w")])
    assert missing.exit_code == 2


def test_an_element_type_read_through_a_synonym_stays_the_actors_type(tmp_path: Path) -> None:
    # "Coopérative" and "OBNL" are words of a sector (docs/workspace-format.md §5): the
    # sector is read, and the finer word the user wrote is kept as the actor's type.
    path = tmp_path / "kumu.json"
    path.write_text(json.dumps({"elements": [
        {"label": "Coop du Nord", "type": "Coopérative"},
        {"label": "Entraide", "type": "OBNL"},
        {"label": "Fondation", "type": "Philanthropique"},
        {"label": "Jardins", "type": "Projet", "Étape": "mobilisation"}],
        "connections": [{"from": "Coop du Nord", "to": "Jardins", "type": "porte"}]}),
        encoding="utf-8")
    dataset, issues = import_dataset(path, "kumu")
    assert dataset is not None, issues
    # No exchange.type_kept: the types were understood.
    assert [i.code for i in issues if i.code.startswith("exchange.")] == [
        "exchange.ids_derived"]
    actors = {a.id: (a.sector, a.type) for a in dataset.actors}
    assert actors == {"coop-du-nord": (Sector.SOCIAL_ECONOMY, "Coopérative"),
                      "entraide": (Sector.COMMUNITY, "OBNL"),
                      # The sector's own label says nothing more: no type.
                      "fondation": (Sector.PHILANTHROPIC, None)}
