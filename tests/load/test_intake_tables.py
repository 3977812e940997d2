"""A table under another name (issue 15): a sheet "Partenaires", a ``partenaires.csv`` or a
JSON key "partenaires" whose header row holds the actors' required columns is read as the
actors, with a warning; two candidates are an error naming both; a table not found lists the
sheets, files or keys that exist.

Fixtures: ``tests/fixtures/intake`` (``python tests/fixtures/build_intake.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_intake_headers import GOOD, INTAKE, NB, TITLE, pinned, validate

from graphmap.workspace import check_workspace, load_workspace


def _same_tables(path: Path) -> None:
    dataset, good = load_workspace(path), load_workspace(GOOD)
    assert [(a.id, a.name, a.sector) for a in dataset.actors] == [
        (a.id, a.name, a.sector) for a in good.actors]
    assert (dataset.projects, dataset.relations) == (good.projects, good.relations)


def test_a_sheet_named_partenaires_is_read_as_the_actors() -> None:
    assert pinned(INTAKE / "partenaires.xlsx") == [
        ("warning", "workspace.sheet_guessed", "partenaires.xlsx[Partenaires]", None, None,
         f"feuille lue comme table actors (ses colonnes Identifiant, Nom, Secteur){NB}; "
         f"renommez-la «{NB}acteurs{NB}» pour ne plus voir cet avertissement",
         "sheet read as the actors table (its columns Identifiant, Nom, Secteur); rename it "
         "'actors' to stop seeing this warning"),
        # Its header is below a merged title: found there too, rows as the sheet shows them.
        ("warning", "header.below_title", "partenaires.xlsx[Partenaires]", 3, None,
         f"la ligne 3 est lue comme ligne d'en-têtes{NB}; les lignes 1 à 2 au-dessus "
         f"(«{NB}{TITLE}{NB}») sont ignorées",
         f"row 3 is read as the header row; rows 1 to 2 above it ('{TITLE}') are ignored"),
    ]
    _same_tables(INTAKE / "partenaires.xlsx")


def test_two_candidate_sheets_are_an_error_naming_both() -> None:
    assert pinned(INTAKE / "two_candidates.xlsx") == [
        ("error", "workspace.missing_sheet", "two_candidates.xlsx", None, None,
         f"aucune feuille «{NB}acteurs{NB}» ou «{NB}actors{NB}» dans le classeur{NB}; le "
         f"classeur a 4 feuilles{NB}: «{NB}Partenaires{NB}», «{NB}Membres{NB}», "
         f"«{NB}projets{NB}» et «{NB}liens{NB}»{NB}; les feuilles «{NB}Partenaires{NB}» et "
         f"«{NB}Membres{NB}» ont toutes les colonnes obligatoires de la table actors{NB}: "
         f"aucune n'a été lue{NB}; renommez «{NB}acteurs{NB}» celle qui la contient",
         "no sheet 'actors' or 'acteurs' in the workbook; the workbook has 4 sheets: "
         "'Partenaires', 'Membres', 'projets' and 'liens'; the sheets 'Partenaires' and "
         "'Membres' all have the required columns of the actors table: none of them was "
         "read; rename the one holding it 'actors'"),
    ]


def test_a_missing_sheet_lists_the_sheets_and_keeps_the_suggestion(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Acteur"
    book.active.append(["nom", "courriel"])  # not the actors' columns
    for name, source in (("projets", "projects.csv"), ("liens", "relations.csv")):
        sheet = book.create_sheet(name)
        for line in (GOOD / source).read_text(encoding="utf-8").splitlines():
            sheet.append(line.split(","))
    book.save(tmp_path / "classeur.xlsx")
    _, issues = check_workspace(tmp_path / "classeur.xlsx")
    assert [(i.code, i.file, i.message("fr"), i.message("en")) for i in issues
            if i.code.startswith("workspace.")] == [
        ("workspace.missing_sheet", "classeur.xlsx",
         f"aucune feuille «{NB}acteurs{NB}» ou «{NB}actors{NB}» dans le classeur{NB}; le "
         f"classeur a 3 feuilles{NB}: «{NB}Acteur{NB}», «{NB}projets{NB}» et «{NB}liens{NB}»"
         "\u00a0; vouliez-vous dire «\u00a0Acteur\u00a0»\u00a0?",
         "no sheet 'actors' or 'acteurs' in the workbook; the workbook has 3 sheets: "
         "'Acteur', 'projets' and 'liens'; did you mean 'Acteur'?"),
    ]


def test_a_sheet_with_the_columns_of_two_missing_tables_is_not_guessed(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Tout"
    book.active.append(["id", "nom", "secteur", "étape"])
    book.active.append(["a1", "Centre", "community", "emergence"])
    book.create_sheet("liens").append(["source", "cible", "type"])
    book.save(tmp_path / "tout.xlsx")
    _, issues = check_workspace(tmp_path / "tout.xlsx")
    clause = (f"{NB}; la feuille «{NB}Tout{NB}» a les colonnes obligatoires de plusieurs "
              f"tables manquantes{NB}: elle n'a pas été lue{NB}; renommez-la d'après la table "
              "qu'elle contient")
    assert [(i.code, i.message("fr").endswith(clause)) for i in issues] == [
        ("workspace.missing_sheet", True), ("workspace.missing_sheet", True)]


def test_partenaires_csv_is_read_as_the_actors() -> None:
    assert pinned(INTAKE / "partenaires_csv") == [
        ("warning", "workspace.file_guessed", "partenaires.csv", None, None,
         f"fichier lu comme table actors (ses colonnes Identifiant, Nom, Secteur){NB}; "
         f"renommez-le «{NB}acteurs.csv{NB}» pour ne plus voir cet avertissement",
         "file read as the actors table (its columns Identifiant, Nom, Secteur); rename it "
         "'actors.csv' to stop seeing this warning"),
    ]
    _same_tables(INTAKE / "partenaires_csv")


def test_no_csv_file_with_the_columns_lists_the_folders_files() -> None:
    folder = INTAKE / "no_actors_csv"
    assert pinned(folder) == [
        ("error", "workspace.missing_file", "actors.csv", None, None,
         f"aucun fichier «{NB}acteurs.csv{NB}» ou «{NB}actors.csv{NB}» dans {folder}{NB}; le "
         f"dossier a 3 fichiers CSV{NB}: «{NB}contacts.csv{NB}», «{NB}projects.csv{NB}» et "
         f"«{NB}relations.csv{NB}»",
         f"no file 'actors.csv' or 'acteurs.csv' in {folder}; the folder has 3 CSV files: "
         "'contacts.csv', 'projects.csv' and 'relations.csv'"),
    ]


def test_two_candidate_files_and_a_long_listing(tmp_path: Path) -> None:
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    actors = (GOOD / "actors.csv").read_bytes()
    (tmp_path / "membres.csv").write_bytes(actors)
    (tmp_path / "partenaires.csv").write_bytes(actors)
    for n in range(12):
        (tmp_path / f"notes{n:02}.csv").write_text("quoi\n", encoding="utf-8")
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.file) for i in issues] == [("workspace.missing_file", "actors.csv")]
    assert issues[0].message("en") == (
        f"no file 'actors.csv' or 'acteurs.csv' in {tmp_path}; the folder has 16 CSV files: "
        "'membres.csv', 'notes00.csv', 'notes01.csv', 'notes02.csv', 'notes03.csv', "
        "'notes04.csv', 'notes05.csv', 'notes06.csv', 'notes07.csv', 'notes08.csv', "
        "'notes09.csv', 'notes10.csv' and 4 others; the files 'membres.csv' and "
        "'partenaires.csv' all have the required columns of the actors table: none of them "
        "was read; rename the one holding it 'actors.csv'")


def test_a_json_key_partenaires_is_read_as_the_actors() -> None:
    assert pinned(INTAKE / "partenaires.json") == [
        ("warning", "workspace.key_guessed", "partenaires.json[partenaires]", None, None,
         f"clé lue comme table actors (ses colonnes Identifiant, Nom, Secteur){NB}; "
         f"renommez-la «{NB}acteurs{NB}» pour ne plus voir cet avertissement",
         "key read as the actors table (its columns Identifiant, Nom, Secteur); rename it "
         "'actors' to stop seeing this warning"),
    ]
    _same_tables(INTAKE / "partenaires.json")


def test_a_json_key_not_found_lists_the_keys(tmp_path: Path) -> None:
    document = json.loads((INTAKE / "partenaires.json").read_text(encoding="utf-8"))
    document["partenaires"] = [{"nom": "Julie"}]
    (tmp_path / "ws.json").write_text(json.dumps(document), encoding="utf-8")
    _, issues = check_workspace(tmp_path / "ws.json")
    assert [(i.code, i.message("en")) for i in issues if i.code.startswith("workspace")] == [
        ("workspace.missing_table", "no key 'actors' or 'acteurs' in the object (expected the "
         "keys actors, projects and relations); the object has 3 keys: 'partenaires', "
         "'projets' and 'liens'"),
    ]


@pytest.mark.parametrize(("name", "status", "lang", "line"), [
    ("partenaires.xlsx", 0, "fr",
     f"partenaires.xlsx[Partenaires]: avertissement\u00a0: feuille lue comme table actors (ses "
     f"colonnes Identifiant, Nom, Secteur){NB}; renommez-la «{NB}acteurs{NB}» pour ne plus voir "
     "cet avertissement"),
    ("two_candidates.xlsx", 1, "en",
     "two_candidates.xlsx: no sheet 'actors' or 'acteurs' in the workbook; the workbook has 4 "
     "sheets: 'Partenaires', 'Membres', 'projets' and 'liens'; the sheets 'Partenaires' and "
     "'Membres' all have the required columns of the actors table: none of them was read; "
     "rename the one holding it 'actors'"),
    ("partenaires_csv", 0, "en",
     "partenaires.csv: warning: file read as the actors table (its columns Identifiant, Nom, "
     "Secteur); rename it 'actors.csv' to stop seeing this warning"),
    ("partenaires.json", 0, "en",
     "partenaires.json[partenaires]: warning: key read as the actors table (its columns "
     "Identifiant, Nom, Secteur); rename it 'actors' to stop seeing this warning"),
])
def test_the_real_cli(name: str, status: int, lang: str, line: str) -> None:
    result = validate(INTAKE / name, lang)
    assert result.returncode == status, result.stderr
    assert line in result.stdout.splitlines(), result.stdout
