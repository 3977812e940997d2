"""Header rows as people really lay out a sheet (issue 15): a merged title and blank rows
above the headers are read past with a warning naming the header row; a row above that may
be data is an error; a missing column is named in the language of the file's headers first.

Fixtures: ``tests/fixtures/intake`` (``python tests/fixtures/build_intake.py``). Every issue is
pinned as (severity, code, file, row, column, French text, English text).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphmap.workspace import check_workspace, load_workspace

ROOT = Path(__file__).resolve().parents[2]
INTAKE = ROOT / "tests" / "fixtures" / "intake"
GOOD = ROOT / "tests" / "fixtures" / "good"
NB = "\u00a0"

Pinned = tuple[str, str, str, int | None, str | None, str, str]


def pinned(path: Path) -> list[Pinned]:
    _, issues = check_workspace(path)
    return [(i.severity.value, i.code, i.file, i.row, i.column, i.message("fr"),
             i.message("en")) for i in issues]


def validate(path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, from the fixtures' folder (locations are relative to it)."""
    env = {**os.environ, "GRAPHMAP_LANG": lang, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "graphmap", "validate", path.name,
                           "--lang", lang], cwd=path.parent, env=env, capture_output=True,
                          text=True, check=False)


def title_warning(file: str, title: str) -> Pinned:
    return ("warning", "header.below_title", file, 3, None,
            f"la ligne 3 est lue comme ligne d'en-têtes{NB}; les lignes 1 à 2 au-dessus "
            f"(«{NB}{title}{NB}») sont ignorées",
            f"row 3 is read as the header row; rows 1 to 2 above it ('{title}') are ignored")


TITLE = "Répertoire des partenaires — 2025"


def test_a_merged_title_row_in_a_workbook_is_read_past_with_a_warning() -> None:
    assert pinned(INTAKE / "title_row.xlsx") == [
        title_warning("title_row.xlsx[acteurs]", TITLE),
        # Later rows keep the spreadsheet's own numbers: a4 is on row 7 of the sheet.
        ("warning", "actor.isolated", "title_row.xlsx[acteurs]", 7, None,
         "l'acteur «\u00a0a4\u00a0» n'a aucune relation", "actor 'a4' has no relation"),
        title_warning("title_row.xlsx[projets]", "Projets 2025"),
    ]
    dataset = load_workspace(INTAKE / "title_row.xlsx")
    good = load_workspace(GOOD)
    assert dataset.actors[:3] == good.actors  # nothing of the table is lost
    assert [a.id for a in dataset.actors] == ["a1", "a2", "a3", "a4"]
    assert dataset.projects == good.projects
    assert dataset.relations == good.relations


def test_a_title_row_in_a_csv_file_is_read_past_with_a_warning() -> None:
    assert pinned(INTAKE / "title_row_csv") == [title_warning("actors.csv", TITLE)]
    dataset = load_workspace(INTAKE / "title_row_csv")
    good = load_workspace(GOOD)
    assert (dataset.actors, dataset.projects, dataset.relations) == (
        good.actors, good.projects, good.relations)


def test_title_rows_in_a_file_made_on_the_spot(tmp_path: Path) -> None:
    """One title row, no blank row; a data error below keeps its spreadsheet row (5)."""
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    actors = (GOOD / "actors.csv").read_text(encoding="utf-8").replace("philanthropic", "fondu")
    (tmp_path / "actors.csv").write_text("Partenaires;;\n" + actors.replace(",", ";"),
                                         encoding="utf-8")
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("header.below_title", "actors.csv", 2, None),
        ("sector.unknown", "actors.csv", 5, "sector"),
    ]
    assert issues[0].message("fr") == (
        f"la ligne 2 est lue comme ligne d'en-têtes{NB}; la ligne 1 au-dessus "
        f"(«{NB}Partenaires{NB}») est ignorée")
    assert issues[0].message("en") == (
        "row 2 is read as the header row; row 1 above it ('Partenaires') is ignored")


def test_a_bare_title_above_a_semicolon_header_does_not_hide_the_delimiter(
        tmp_path: Path) -> None:
    """A title typed without separators ("Partenaires 2025") above a ``;`` header: the
    delimiter is the header's, here and when the file is guessed as the actors table (was
    ``,`` from the title, then every required column missing at row 1)."""
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    actors = "id;nom;secteur\na1;Centre d'entraide, Saint-Jérôme;community\n"
    (tmp_path / "partenaires.csv").write_text("Partenaires 2025\n\n" + actors,
                                              encoding="utf-8")
    (tmp_path / "relations.csv").write_text("source,target,type\n", encoding="utf-8")
    dataset, issues = check_workspace(tmp_path)
    assert [(i.code, i.file, i.row, i.message("en")) for i in issues
            if i.code != "project.isolated"] == [
        ("workspace.file_guessed", "partenaires.csv", None,
         "file read as the actors table (its columns id, nom, secteur); rename it "
         "'actors.csv' to stop seeing this warning"),
        ("header.below_title", "partenaires.csv", 3,
         "row 3 is read as the header row; rows 1 to 2 above it ('Partenaires 2025') are "
         "ignored"),
        ("actor.isolated", "partenaires.csv", 4, "actor 'a1' has no relation"),
    ]
    assert dataset is not None
    assert [(a.id, a.name) for a in dataset.actors] == [
        ("a1", "Centre d'entraide, Saint-Jérôme")]
    (tmp_path / "partenaires.csv").rename(tmp_path / "actors.csv")
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.file, i.row) for i in issues if i.code != "project.isolated"] == [
        ("header.below_title", "actors.csv", 3), ("actor.isolated", "actors.csv", 4)]


def test_blank_rows_above_the_header_are_named_blank(tmp_path: Path) -> None:
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    (tmp_path / "actors.csv").write_bytes(b",,\n\n" + (GOOD / "actors.csv").read_bytes())
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.row, i.message("fr"), i.message("en")) for i in issues] == [
        ("header.below_title", 3,
         f"la ligne 3 est lue comme ligne d'en-têtes{NB}; les lignes vides 1 à 2 au-dessus "
         "sont ignorées",
         "row 3 is read as the header row; the blank rows 1 to 2 above it are ignored"),
    ]


def test_a_row_above_the_header_that_is_not_a_title_is_an_error() -> None:
    """Two filled cells above the headers may be data: never dropped silently."""
    assert pinned(INTAKE / "data_above_header") == [
        ("error", "header.not_first_row", "actors.csv", 2, None,
         f"cette ligne, au-dessus de la ligne d'en-têtes 3, contient 2 cellules remplies{NB}: "
         f"ce n'est pas un titre, elle ne peut pas être lue{NB}; supprimez-la ou déplacez ses "
         "valeurs sous les en-têtes (au-dessus des en-têtes, une ligne ne peut contenir "
         "qu'une cellule remplie, un titre)",
         "this row, above the header row 3, holds 2 filled cells: it is not a title and "
         "cannot be read; delete it or move its values below the headers (above the "
         "headers, a row may hold only one filled cell, a title)"),
    ]


def test_no_header_in_the_first_rows_is_still_refused() -> None:
    assert pinned(INTAKE / "no_header") == [
        ("error", "header.blank", "actors.csv", 1, None,
         f"la ligne 1 est vide et aucune des 10 premières lignes ne contient les noms des "
         f"colonnes{NB}: mettez-les dans la première ligne remplie",
         "row 1 is empty and none of the first 10 rows holds the column names: put them in "
         "the first filled row"),
    ]


def test_a_header_below_the_tenth_row_is_not_looked_for(tmp_path: Path) -> None:
    """Row 1 is then the header as it is: its missing columns are said, no row is lost."""
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    (tmp_path / "actors.csv").write_bytes(b"Titre\n" + b"note\n" * 10
                                          + (GOOD / "actors.csv").read_bytes())
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.file, i.row) for i in issues] == [
        ("column.missing", "actors.csv", 1)] * 3


def test_a_missing_column_is_named_in_the_language_of_the_files_headers_first() -> None:
    """actors.csv has French headers, projects.csv English ones: whatever --lang says, each
    names the missing column as its own headers would, then in the other language."""
    assert pinned(INTAKE / "missing_columns") == [
        ("error", "column.missing", "actors.csv", 1, None,
         f"colonne obligatoire «{NB}nom{NB}» absente (en anglais{NB}: «{NB}name{NB}»)",
         "required column 'nom' is missing (in English: 'name')"),
        ("error", "column.missing", "projects.csv", 1, None,
         f"colonne obligatoire «{NB}stage{NB}» absente (en français{NB}: «{NB}étape{NB}»)",
         "required column 'stage' is missing (in French: 'étape')"),
    ]


def test_headers_that_do_not_tell_follow_the_message_language(tmp_path: Path) -> None:
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    (tmp_path / "actors.csv").write_text("id,type,sector\na1,x,public\n", encoding="utf-8")
    _, issues = check_workspace(tmp_path)
    # "id" and "type" are the same in both languages, "sector" is English.
    missing = [i for i in issues if i.code == "column.missing"]
    assert [(i.code, i.message("fr"), i.message("en")) for i in missing] == [
        ("column.missing",
         f"colonne obligatoire «{NB}name{NB}» absente (en français{NB}: «{NB}nom{NB}»)",
         "required column 'name' is missing (in French: 'nom')"),
    ]
    (tmp_path / "actors.csv").write_text("id,type\na1,x\n", encoding="utf-8")
    _, issues = check_workspace(tmp_path)
    missing = [i for i in issues if i.code == "column.missing"]
    assert [i.message("fr") for i in missing] == [
        f"colonne obligatoire «{NB}nom{NB}» absente (en anglais{NB}: «{NB}name{NB}»)",
        f"colonne obligatoire «{NB}secteur{NB}» absente (en anglais{NB}: «{NB}sector{NB}»)"]
    assert [i.message("en") for i in missing] == [
        "required column 'name' is missing (in French: 'nom')",
        "required column 'sector' is missing (in French: 'secteur')"]


def test_a_value_under_no_header_names_the_header_row(tmp_path: Path) -> None:
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    actors = (GOOD / "actors.csv").read_text(encoding="utf-8").replace("local\n", "local,x\n")
    (tmp_path / "actors.csv").write_text("Partenaires\n" + actors, encoding="utf-8")
    _, issues = check_workspace(tmp_path)
    assert [(i.code, i.row, i.column) for i in issues] == [
        ("header.below_title", 2, None), ("column.unnamed", 3, "H")]
    assert issues[1].message("en").endswith("give the column a name in row 2")


@pytest.mark.parametrize(("name", "status", "lang", "lines"), [
    ("title_row.xlsx", 0, "fr", [
        f"title_row.xlsx[acteurs]:3: avertissement\u00a0: la ligne 3 est lue comme ligne "
        f"d'en-têtes{NB}; les lignes 1 à 2 au-dessus («{NB}{TITLE}{NB}») sont ignorées",
        "title_row.xlsx[acteurs]:7: avertissement\u00a0: l'acteur «\u00a0a4\u00a0» n'a aucune "
        "relation"]),
    ("title_row_csv", 0, "en", [
        f"actors.csv:3: warning: row 3 is read as the header row; rows 1 to 2 above it "
        f"('{TITLE}') are ignored"]),
    ("data_above_header", 1, "en", [
        "actors.csv:2: this row, above the header row 3, holds 2 filled cells: it is not a "
        "title and cannot be read; delete it or move its values below the headers (above the "
        "headers, a row may hold only one filled cell, a title)"]),
    ("missing_columns", 1, "fr", [
        f"actors.csv:1: colonne obligatoire «{NB}nom{NB}» absente (en anglais{NB}: "
        f"«{NB}name{NB}»)"]),
])
def test_the_real_cli(name: str, status: int, lang: str, lines: list[str]) -> None:
    result = validate(INTAKE / name, lang)
    assert result.returncode == status, result.stderr
    shown = result.stdout.splitlines()
    for line in lines:
        assert line in shown, (line, shown)


def test_an_uncomputed_title_formula_is_said(tmp_path: Path) -> None:
    """A title made by a formula never computed (a workbook written by a program) reads as
    blank: the header below it is found, and the formula is named, not dropped silently."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    from xlsx_craft import Formula, csv_table, sheet_xml, write_workbook

    def table(name: str, title: object) -> str:
        rows = csv_table((GOOD / name).read_text(encoding="utf-8").replace('"5 000 $"', "5000"))
        return sheet_xml([(1, [title]), *((n + 1, cells) for n, cells in rows)])

    write_workbook(tmp_path / "book.xlsx", [
        ("actors", table("actors.csv", Formula('CONCAT("Acteurs ",2025)'))),
        ("projects", table("projects.csv", "Projets")),
        ("relations", table("relations.csv", "")),
    ])
    _, issues = check_workspace(tmp_path / "book.xlsx")
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("xlsx.formula_no_value", "book.xlsx[actors]", 1, "A"),
        ("header.below_title", "book.xlsx[actors]", 2, None),
        ("header.below_title", "book.xlsx[projects]", 2, None),
        ("header.below_title", "book.xlsx[relations]", 2, None),
    ]
    assert issues[1].message("en") == (
        "row 2 is read as the header row; the blank row 1 above it is ignored")
    assert issues[2].message("fr") == (
        f"la ligne 2 est lue comme ligne d'en-têtes{NB}; la ligne 1 au-dessus "
        f"(«{NB}Projets{NB}») est ignorée")
