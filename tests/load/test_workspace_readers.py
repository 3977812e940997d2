"""The readers accept files as people really save them, and keep spreadsheet row numbers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from graphmap.export import write_xlsx
from graphmap.workspace import check_workspace, load_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOOD = FIXTURES / "good"


def _copy_good(folder: Path, **override: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("actors.csv", "projects.csv", "relations.csv"):
        key = name.removesuffix(".csv")
        (folder / name).write_bytes(override.get(key, (GOOD / name).read_bytes()))
    return folder


def _located(issues: list) -> list[tuple[str, str, int | None, str | None]]:
    return [(i.code, i.file, i.row, i.column) for i in issues]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = (GOOD / "actors.csv").read_text(encoding="utf-8")
    folder = _copy_good(tmp_path, actors=text.encode(encoding))
    assert load_workspace(folder) == load_workspace(GOOD)


def test_tab_delimiter_and_untrimmed_headers(tmp_path: Path) -> None:
    text = (GOOD / "projects.csv").read_text(encoding="utf-8")
    lines = [line.replace(",", "\t") for line in text.splitlines()]
    lines[0] = "\t".join(f"  {h.upper()} " for h in lines[0].split("\t"))
    folder = _copy_good(tmp_path, projects="\n".join(lines).encode())
    assert load_workspace(folder) == load_workspace(GOOD)


def test_quoted_newlines_count_as_one_spreadsheet_row(tmp_path: Path) -> None:
    actors = (
        "id,name,sector,notes\r\n"
        'a1,"Centre\r\nd\'entraide",community,"line one\r\nline two\r\nline three"\r\n'
        "\r\n"
        "a2,Ville,publik,\r\n"
        "a3,Fondation,philanthropic,\r\n"
        ",,,\r\n\r\n"
    )
    folder = _copy_good(tmp_path, actors=actors.encode())
    dataset, issues = check_workspace(folder)
    # Row 2 spans three lines of the file, row 3 is blank: the bad sector is on row 4.
    assert _located(issues) == [("sector.unknown", "actors.csv", 4, "sector")]
    fixed = _copy_good(tmp_path / "fixed", actors=actors.replace("publik", "public").encode())
    dataset = load_workspace(fixed)
    assert dataset.actors[0].name == "Centre\nd'entraide"
    assert dataset.actors[0].extra == {"notes": "line one\nline two\nline three"}
    assert dataset.actors[1].extra == {}
    assert [a.origin.row for a in dataset.actors if a.origin] == [2, 4, 5]


def test_extra_columns_keep_the_header_as_written(tmp_path: Path) -> None:
    actors = ("id,name,sector,  Site Web  ,Téléphone\na1,A,media,https://x.org, 555\n"
              "a2,B,media,,\na3,C,media,,\n")
    folder = _copy_good(tmp_path, actors=actors.encode())
    dataset, _ = check_workspace(folder)
    assert dataset is not None
    assert dataset.actors[0].extra == {"Site Web": "https://x.org", "Téléphone": "555"}
    assert dataset.actors[1].extra == {}
    assert dataset.extra_columns["actors"] == ("Site Web", "Téléphone")


def test_xlsx_workbook_with_typed_cells_and_french_sheet_names(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Acteurs"
    for line in (GOOD / "actors.csv").read_text(encoding="utf-8").splitlines():
        sheet.append(line.split(","))
    projects = book.create_sheet(" PROJECTS ")
    projects.append(["id", "name", "stage", "theme", "territory", "start", "end"])
    projects.append(["p1", "Cuisine collective", "mobilization", "food security",
                     "Les Laurentides", 2023, dt.datetime(2024, 6, 30)])
    projects.append([])
    projects.append(["p2", "Jardin partagé", "emergence", "food security; environment"])
    relations = book.create_sheet("relations")
    relations.append(["source", "target", "type", "amount", "year", "weight", "kind"])
    relations.append(["a1", "p1", "carries"])
    relations.append(["a2", "p1", "funds", 12500, 2023.0])
    relations.append(["a3", "p2", "funds", "5 000 $", 2024])
    relations.append(["a1", "p2", "carries"])
    relations.append(["a2", "a1", "supports", None, None, None, "knowledge"])
    relations.append(["a3", "a2", "collaborates", None, None, 2])
    path = tmp_path / "book.xlsx"
    book.save(path)
    dataset = load_workspace(path)
    assert dataset == load_workspace(GOOD)
    assert dataset.projects[1].origin is not None
    assert dataset.projects[1].origin.row == 4  # the empty row 3 is counted
    assert dataset.projects[1].origin.file == "book.xlsx[ PROJECTS ]"


def test_xlsx_locations_name_the_sheet(tmp_path: Path) -> None:
    dataset = load_workspace(GOOD)
    path = write_xlsx(dataset, tmp_path / "ws.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book["projects"]["C3"] = "pilotte"
    book.save(path)
    _, issues = check_workspace(path)
    assert _located(issues) == [("stage.unknown", "ws.xlsx[projects]", 3, "stage")]
    assert issues[0].message("en").startswith("unknown stage 'pilotte'; did you mean 'feedback'?")
    assert "vouliez-vous dire «\u00a0rétroaction\u00a0»\u00a0?" in issues[0].message("fr")


def test_json_workspace(tmp_path: Path) -> None:
    document = {
        "actors": [{"id": "a1", "nom": "Centre d'entraide", "secteur": "communautaire",
                    "type": "community organisation", "territoire": "Les Laurentides"},
                   {"id": "a2", "name": "Ville de Sainte-Adèle", "sector": "public",
                    "type": "municipality", "territory": "Les Pays-d'en-Haut",
                    "scope": "regional"},
                   {"id": "a3", "name": "Fondation du Nord", "sector": "philanthropic",
                    "type": "foundation", "category": None}],
        "projects": [{"id": "p1", "name": "Cuisine collective", "stage": "mobilization",
                      "theme": ["food security"], "territory": "Les Laurentides",
                      "start": 2023, "end": "2024-06-30"},
                     {"id": "p2", "name": "Jardin partagé", "stage": "émergence",
                      "theme": "food security|environment"}],
        "relations": [{"source": "a1", "target": "p1", "type": "carries"},
                      {"source": "a2", "target": "p1", "type": "funds", "amount": 12500.0,
                       "year": 2023},
                      {"source": "a3", "target": "p2", "type": "funds", "amount": "5 000 $",
                       "year": "2024"},
                      {"source": "a1", "target": "p2", "type": "carries"},
                      {"source": "a2", "target": "a1", "type": "supports", "kind": "knowledge"},
                      {"source": "a3", "target": "a2", "type": "collaborates", "weight": 2}],
    }
    path = tmp_path / "ws.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert load_workspace(path) == load_workspace(GOOD)


def test_json_missing_required_key_is_reported_per_record(tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    path.write_text(json.dumps({"actors": [{"id": "a1", "name": "A"}], "projects": [],
                                "relations": [{"source": "a1", "target": "a1"}]}))
    _, issues = check_workspace(path)
    assert _located(issues) == [
        ("value.missing", "ws.json[actors]", 1, "sector"),
        ("relation.self", "ws.json[relations]", 1, "target"),
        ("value.missing", "ws.json[relations]", 1, "type"),
    ]


def test_case_insensitive_file_names(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path)
    (folder / "actors.csv").rename(folder / "Acteurs.CSV")
    assert load_workspace(folder) == load_workspace(GOOD)


def test_every_value_under_no_header_is_counted_and_located(tmp_path: Path) -> None:
    """A column without a header, and cells past the last header (a row shifted by a comma),
    are not read: one warning per column at its first value, with how many values it held
    and down to which row."""
    lines = (GOOD / "actors.csv").read_text(encoding="utf-8").splitlines()
    lines[0] += ","  # column H has no header
    lines[1] += ",note 1"
    lines[2] += ","
    lines[3] += ",note 3,shifted"  # and one cell in column I, past the header
    folder = _copy_good(tmp_path, actors=("\n".join(lines) + "\n").encode("utf-8"))
    dataset = load_workspace(folder)
    unnamed = [i for i in dataset.warnings if i.code == "column.unnamed"]
    assert _located(unnamed) == [("column.unnamed", "actors.csv", 2, "H"),
                                 ("column.unnamed", "actors.csv", 4, "I")]
    assert unnamed[0].format("en") == (
        "actors.csv:2:H: warning: column 8 has no name but holds 'note 1' (2 values, down to "
        "row 4): none is read; give the column a name in row 1")
    assert unnamed[1].format("fr") == (
        "actors.csv:4:I: avertissement\u00a0: la colonne 9 n'a pas de nom mais contient "
        "«\u00a0shifted\u00a0» (1 valeur, ligne 4)\u00a0: elle n'est pas lue\u00a0; donnez un nom "
        "à la colonne à la ligne 1")


def test_a_json_key_without_a_name_is_counted_like_a_column(tmp_path: Path) -> None:
    document = {
        "actors": [{"id": f"a{i}", "name": f"A{i}", "sector": "community", "": f"x{i}"}
                   for i in range(3)],
        "projects": [{"id": "p1", "name": "P", "stage": "emergence"}],
        "relations": [{"source": "a0", "target": "p1", "type": "carries"}]}
    path = tmp_path / "ws.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    [issue] = [i for i in load_workspace(path).warnings if i.code == "column.unnamed"]
    assert (issue.row, issue.params["count"], issue.params["last"]) == (1, 3, 3)
