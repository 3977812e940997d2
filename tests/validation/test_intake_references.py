"""Relations that name an actor or project by its name, and ids derived from names (issue 15).

Through ``check_workspace`` and the real CLI: a unique name resolves with a located warning,
a shared name is an error listing the candidates, a row without id gets one from its name,
the same whatever the row order.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.diagnostics import Issue
from graphmap.schema import NodeKind
from graphmap.validation.references import slug
from graphmap.workspace import check_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake_values"
NAMES = FIXTURES / "names"
REFUSED = FIXTURES / "refused"

NAMES_FR = [
    "actors.csv:3:id: avertissement : l'acteur « Fondation du Nord » n'a pas d'identifiant : il "
    "reçoit « fondation-du-nord-2 », tiré de son nom ; écrivez-le dans la colonne de "
    "l'identifiant pour le garder si le nom change",
    "actors.csv:5:id: avertissement : l'acteur « Caisse Desjardins » n'a pas d'identifiant : il "
    "reçoit « caisse-desjardins », tiré de son nom ; écrivez-le dans la colonne de "
    "l'identifiant pour le garder si le nom change",
    "actors.csv:6:id: avertissement : l'acteur « Caisse Desjardins » n'a pas d'identifiant : il "
    "reçoit « caisse-desjardins-2 », tiré de son nom ; écrivez-le dans la colonne de "
    "l'identifiant pour le garder si le nom change",
    "projects.csv:2:id: avertissement : le projet « Cuisine collective » n'a pas d'identifiant : "
    "il reçoit « cuisine-collective », tiré de son nom ; écrivez-le dans la colonne de "
    "l'identifiant pour le garder si le nom change",
    "relations.csv:2:cible: avertissement : « cuisine collective » n'est pas un identifiant ; lu "
    "comme le projet « cuisine-collective » qui porte ce nom",
    "relations.csv:2:source: avertissement : « CDC de la Rivière-du-Nord » n'est pas un "
    "identifiant ; lu comme l'acteur « cdc-riviere-du-nord » qui porte ce nom",
    "relations.csv:4:cible: avertissement : « Jardin Partage » n'est pas un identifiant ; lu "
    "comme le projet « p-jardin » qui porte ce nom",
    "relations.csv:4:source: avertissement : « fondation du nord » n'est pas un identifiant ; lu "
    "comme l'acteur « fondation-du-nord-2 » qui porte ce nom",
]
NAMES_EN = [
    "actors.csv:3:id: warning: actor 'Fondation du Nord' has no id: it is given "
    "'fondation-du-nord-2', made from its name; write it in the id column to keep it if the "
    "name changes",
    "actors.csv:5:id: warning: actor 'Caisse Desjardins' has no id: it is given "
    "'caisse-desjardins', made from its name; write it in the id column to keep it if the name "
    "changes",
    "actors.csv:6:id: warning: actor 'Caisse Desjardins' has no id: it is given "
    "'caisse-desjardins-2', made from its name; write it in the id column to keep it if the "
    "name changes",
    "projects.csv:2:id: warning: project 'Cuisine collective' has no id: it is given "
    "'cuisine-collective', made from its name; write it in the id column to keep it if the "
    "name changes",
    "relations.csv:2:cible: warning: 'cuisine collective' is not an id; read as project "
    "'cuisine-collective', which has that name",
    "relations.csv:2:source: warning: 'CDC de la Rivière-du-Nord' is not an id; read as actor "
    "'cdc-riviere-du-nord', which has that name",
    "relations.csv:4:cible: warning: 'Jardin Partage' is not an id; read as project 'p-jardin', "
    "which has that name",
    "relations.csv:4:source: warning: 'fondation du nord' is not an id; read as actor "
    "'fondation-du-nord-2', which has that name",
]


def _lines(issues: list[Issue], lang: str) -> list[str]:
    return [i.format(lang).replace("\u00a0", " ") for i in issues]


def _env(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GRAPHMAP"))}
    env["GRAPHMAP_LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _workspace(folder: Path, actors: str, projects: str, relations: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (("actors", actors), ("projects", projects), ("relations", relations)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_names_resolve_and_ids_are_derived_with_located_warnings() -> None:
    dataset, issues = check_workspace(NAMES)
    assert dataset is not None
    assert _lines(issues, "fr") == NAMES_FR
    assert _lines(issues, "en") == NAMES_EN
    assert [a.id for a in dataset.actors] == [
        "cdc-riviere-du-nord", "fondation-du-nord-2", "fondation-du-nord", "caisse-desjardins",
        "caisse-desjardins-2"]
    assert [p.id for p in dataset.projects] == ["cuisine-collective", "p-jardin"]
    assert [(r.source, r.target, r.type.value) for r in dataset.relations] == [
        ("cdc-riviere-du-nord", "cuisine-collective", "carries"),
        ("cdc-riviere-du-nord", "p-jardin", "carries"),
        ("fondation-du-nord-2", "p-jardin", "funds"),
        ("caisse-desjardins", "cuisine-collective", "funds"),
        ("caisse-desjardins-2", "p-jardin", "funds"),
        ("fondation-du-nord", "p-jardin", "supports"),
    ]


def test_the_brief_example_message_word_for_word() -> None:
    _, issues = check_workspace(NAMES)
    by_name = next(i for i in issues if i.code == "reference.by_name" and i.column == "source")
    assert by_name.location() == "relations.csv:2:source"
    assert by_name.message("fr") == (
        "«\u00a0CDC de la Rivière-du-Nord\u00a0» n'est pas un identifiant\u00a0; lu comme "
        "l'acteur «\u00a0cdc-riviere-du-nord\u00a0» qui porte ce nom")


def test_a_shared_name_is_an_error_listing_the_candidates() -> None:
    dataset, issues = check_workspace(REFUSED)
    assert dataset is None
    ambiguous = [i for i in issues if i.code == "reference.ambiguous_name"]
    assert [(i.file, i.row, i.column, i.is_error) for i in ambiguous] == [
        ("relations.csv", 2, "source", True)]
    assert ambiguous[0].message("en") == (
        "'CDC' is not an id, and several actors or projects have that name: 'cdc-nord' and "
        "'cdc-sud'; write the id of the one you mean")


def test_the_real_cli_on_names(tmp_path: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(NAMES)],
                        capture_output=True, text=True, encoding="utf-8", env=_env("fr"),
                        check=False)
    assert ok.returncode == 0, ok.stderr
    assert [line.replace("\u00a0", " ") for line in ok.stdout.splitlines()][-8:] == NAMES_FR
    shared = _workspace(tmp_path / "shared", "id,name,sector\na,CDC,community\nb,cdc,community\n",
                        "id,name,stage\np,P,emergence\n",
                        "source,target,type\nCDC,p,carries\na,p,carries\nb,p,carries\n")
    refused = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(shared)],
                             capture_output=True, text=True, encoding="utf-8", env=_env("en"),
                             check=False)
    assert refused.returncode == 1
    assert refused.stdout.splitlines() == [
        "relations.csv:2:source: 'CDC' is not an id, and several actors or projects have that "
        "name: 'a' and 'b'; write the id of the one you mean"]
    assert refused.stderr == "Error: 1 error in the workspace.\n"


def test_an_id_wins_over_a_name(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws", "id,name,sector\nx,y,community\ny,Autre,community\n",
                        "id,name,stage\np,P,emergence\n",
                        "source,target,type\ny,p,carries\nx,p,carries\n")
    dataset, issues = check_workspace(folder)
    assert dataset is not None
    assert issues == []
    assert [r.source for r in dataset.relations] == ["y", "x"]


def test_a_derived_id_never_takes_an_id_written_below_or_in_the_other_table(
        tmp_path: Path) -> None:
    folder = _workspace(
        tmp_path / "ws", "id,name,sector\n,Jardin,community\n,Centre,community\n"
        "centre,Autre centre,community\n",
        "id,name,stage\njardin,Jardin (projet),emergence\n",
        "source,target,type\nJardin,jardin,carries\ncentre,jardin,carries\n"
        "Centre,jardin,carries\n")
    dataset, issues = check_workspace(folder)
    assert dataset is not None
    assert [a.id for a in dataset.actors] == ["jardin-2", "centre-2", "centre"]
    assert [r.source for r in dataset.relations] == ["jardin-2", "centre", "centre-2"]
    assert [(i.code, i.row, i.params.get("id")) for i in issues] == [
        ("id.derived", 2, "jardin-2"), ("id.derived", 3, "centre-2"),
        ("reference.by_name", 2, "jardin-2"), ("reference.by_name", 4, "centre-2")]


def test_a_json_record_without_an_id_key_gets_one(tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    path.write_text(json.dumps({
        "actors": [{"name": "Centre d'entraide", "sector": "community"}],
        "projects": [{"name": "Cuisine", "stage": "emergence"}],
        "relations": [{"source": "centre-d-entraide", "target": "Cuisine", "type": "carries"}],
    }), encoding="utf-8")
    dataset, issues = check_workspace(path)
    assert dataset is not None
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("id.derived", "ws.json[actors]", 1, "id"),
        ("id.derived", "ws.json[projects]", 1, "id"),
        ("reference.by_name", "ws.json[relations]", 1, "target")]
    assert [(r.source, r.target) for r in dataset.relations] == [("centre-d-entraide", "cuisine")]


def test_a_close_name_is_suggested_by_its_id(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws", "id,name,sector\nf1,Fondation Rivière-du-Nord,"
                        "philanthropic\n", "id,name,stage\np,P,emergence\n",
                        "source,target,type\nFondation Riviere du Nor,p,funds\nf1,p,funds\n")
    _, issues = check_workspace(folder)
    assert [i.format("en") for i in issues] == [
        "relations.csv:2:source: 'Fondation Riviere du Nor' is neither an actor nor a project; "
        "did you mean 'f1'?"]


def test_a_dangling_reference_on_many_rows_is_compared_once(tmp_path: Path) -> None:
    # difflib over every id and name, once per row, took 100 s on 5,000 actors and 2,000
    # rows naming the same unknown id; once per distinct text it takes well under 1 s.
    actors = "".join(f"a{n},Organisme numéro {n},community\n" for n in range(5000))
    folder = _workspace(tmp_path / "ws", "id,name,sector\n" + actors,
                        "id,name,stage\np,P,emergence\n",
                        "source,target,type\n" + "Fondation Riviere du Nor,p,funds\n" * 2000
                        + "a1,p,funds\n")
    started = time.perf_counter()
    _, issues = check_workspace(folder)
    elapsed = time.perf_counter() - started
    dangling = [i.format("en") for i in issues if i.code == "reference.unknown"]
    assert dangling == [
        f"relations.csv:{row}:source: 'Fondation Riviere du Nor' is neither an actor nor a "
        "project" for row in range(2, 2002)]
    assert elapsed < 20, elapsed  # a generous bound on a shared machine


def test_slug() -> None:
    assert slug("CDC de la Rivière-du-Nord") == "cdc-de-la-riviere-du-nord"
    assert slug("  L'Œuvre   des  Cœurs!  ") == "l-oeuvre-des-coeurs"
    assert slug("École Saint-Jérôme (volet 2)") == "ecole-saint-jerome-volet-2"
    assert slug("中文", NodeKind.PROJECT) == "project"
    # At most 60 characters, cut at a hyphen.
    assert slug("Regroupement " * 10) == "regroupement-regroupement-regroupement-regroupement"


ACTOR_ROWS = [
    ",Caisse Desjardins,private",
    ",Caisse Desjardins,private,Mirabel",
    ",caisse desjardins,private",
    ",Caisse-Desjardins,community",
    "caisse-desjardins-2,Caisse (écrite),private",
    ",Centre,community",
    ",Centre,community",
    ",Fondation,philanthropic",
    "fondation,Fondation (écrite),philanthropic",
]


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_derived_ids_do_not_depend_on_row_order(tmp_path: Path, rng: random.Random) -> None:
    """Shuffled rows: each row's content gets the same id (row numbers aside)."""
    def ids(order: list[str], name: str) -> list[tuple[str, str]]:
        folder = _workspace(tmp_path / name, "id,name,sector,territory\n"
                            + "".join(f"{row}\n" for row in order),
                            "id,name,stage\n", "source,target,type\n")
        dataset, _ = check_workspace(folder)
        assert dataset is not None
        return sorted((a.id, f"{a.name}|{a.sector.value}|{a.territory}")
                      for a in dataset.actors)

    shuffled = list(ACTOR_ROWS)
    rng.shuffle(shuffled)
    expected = ids(ACTOR_ROWS, "original")
    assert ids(shuffled, "shuffled") == expected
    assert [i for i, _ in expected] == sorted([
        "caisse-desjardins", "caisse-desjardins-3", "caisse-desjardins-4", "caisse-desjardins-5",
        "caisse-desjardins-2", "centre", "centre-2", "fondation-2", "fondation"])


def _partner_list(folder: Path) -> Path:
    """A hand-made partner list: names and sectors, no id column at all (issue 15)."""
    folder.mkdir()
    (folder / "acteurs.csv").write_text(
        "nom,secteur,territoire\nCDC de la Rivière-du-Nord,communautaire,Saint-Jérôme\n"
        "Caisse Desjardins,économie sociale,\nFondation du Nord,philanthropique,\n",
        encoding="utf-8")
    (folder / "projets.csv").write_text("nom,étape\nJardins partagés,émergence\n",
                                        encoding="utf-8")
    (folder / "relations.csv").write_text(
        "source,cible,type\nCDC de la Rivière-du-Nord,Jardins partagés,porteur\n"
        "Fondation du Nord,Jardins partagés,finance\nCaisse Desjardins,Jardins partagés,"
        "soutient\n", encoding="utf-8")
    return folder


def test_a_table_without_an_id_column_gets_ids_from_names_with_one_warning(
        tmp_path: Path) -> None:
    dataset, issues = check_workspace(_partner_list(tmp_path / "ws"))
    assert dataset is not None, issues
    assert sorted(a.id for a in dataset.actors) == [
        "caisse-desjardins", "cdc-de-la-riviere-du-nord", "fondation-du-nord"]
    assert [p.id for p in dataset.projects] == ["jardins-partages"]
    # One warning at each header, not one a row; the relations name the nodes by name.
    assert [(i.code, i.file, i.row) for i in issues if not i.code.startswith("reference")] == [
        ("column.id_absent", "acteurs.csv", 1), ("column.id_absent", "projets.csv", 1)]
    assert issues[0].format("fr") == (
        "acteurs.csv:1: avertissement\u00a0: pas de colonne d'identifiant\u00a0: les 3 lignes "
        "reçoivent un identifiant tiré de leur nom (par ex. «\u00a0Caisse Desjardins\u00a0» → "
        "«\u00a0caisse-desjardins\u00a0»)\u00a0; ajoutez une colonne «\u00a0id\u00a0» pour "
        "garder les identifiants si un nom change")
    assert issues[1].format("en") == (
        "projets.csv:1: warning: no id column: 1 row is given an id made from its name "
        "('Jardins partagés' → 'jardins-partages'); add an 'id' column to keep ids if a name "
        "changes")
    assert sum(i.code == "reference.by_name" for i in issues) == 6


def test_a_partner_list_without_ids_validates_through_the_real_cli(tmp_path: Path) -> None:
    folder = _partner_list(tmp_path / "ws")
    done = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(folder),
                           "--lang", "fr"], capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == (
        f"{folder}\u00a0: espace de travail valide (3 acteurs, 1 projet, 3 relations).")


def test_a_partner_of_a_project_is_read_as_a_support_partner(tmp_path: Path) -> None:
    folder = _partner_list(tmp_path / "ws")
    with (folder / "relations.csv").open("a", encoding="utf-8") as handle:
        handle.write("Caisse Desjardins,Jardins partagés,Partenaire\n")
    dataset, issues = check_workspace(folder)
    assert dataset is not None, issues
    partner = [i for i in issues if i.code == "relation.partner_of_project"]
    assert [(i.file, i.row, i.column) for i in partner] == [("relations.csv", 5, "type")]
    assert partner[0].format("en") == (
        "relations.csv:5:type: warning: 'Partenaire' links two actors, but 'jardins-partages' "
        "is a project: read as 'supports' (a support partner of the project); write 'supports' "
        "or 'carries' to stop this warning")
    supports = [r for r in dataset.relations if r.source == "caisse-desjardins"]
    assert [r.type.value for r in supports] == ["supports", "supports"]
