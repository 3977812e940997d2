"""The optional territories table (issue 10 point 3): read by the three readers, validated,
named by id or by name, written back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphmap.export import write_workspace
from graphmap.model.records import Territory
from graphmap.workspace import check_workspace, load_workspace

ACTORS = ("id,name,sector,territory,scope\nf,Fonds,philanthropic,{a},regional\n"
          "c,CLD,public,{b},local\n")
PROJECTS = "id,name,stage,territory\np,Cuisine,mobilization,{p}\n"
RELATIONS = "source,target,type\nf,p,funds\nc,p,carries\n"
TERRITORIES = ("id,name,parent,kind\nr15,Laurentides,,region\n"
               "al,Antoine-Labelle,r15,MRC\nll,Les Laurentides,Laurentides,mrc\n")


def _folder(tmp_path: Path, territories: str | None = TERRITORIES, *, a: str = "r15",
            b: str = "antoine labelle", p: str = "LES LAURENTIDES",
            name: str = "territories.csv") -> Path:
    folder = tmp_path / "ws"
    folder.mkdir(exist_ok=True)
    (folder / "actors.csv").write_text(ACTORS.format(a=a, b=b), encoding="utf-8")
    (folder / "projects.csv").write_text(PROJECTS.format(p=p), encoding="utf-8")
    (folder / "relations.csv").write_text(RELATIONS, encoding="utf-8")
    if territories is not None:
        (folder / name).write_text(territories, encoding="utf-8")
    return folder


def _codes(path: Path) -> list[tuple[str, int | None, str | None]]:
    _, issues = check_workspace(path)
    return [(i.code, i.row, i.column) for i in issues]


def test_a_territory_is_named_by_id_or_by_name_and_the_name_is_kept(tmp_path: Path) -> None:
    ds = load_workspace(_folder(tmp_path))
    assert ds.territories == (
        Territory("r15", "Laurentides", None, "region"),
        Territory("al", "Antoine-Labelle", "r15", "mrc"),
        Territory("ll", "Les Laurentides", "r15", "mrc"),
    )
    # By id (r15), by name without hyphen or capitals, by name in capitals.
    assert [a.territory for a in ds.actors] == ["Laurentides", "Antoine-Labelle"]
    assert [p.territory for p in ds.projects] == ["Les Laurentides"]
    assert ds.warnings == ()


def test_french_file_and_headers(tmp_path: Path) -> None:
    french = ("identifiant,nom,parent,type\nr15,Laurentides,,région\n"
              "al,Antoine-Labelle,r15,MRC\nll,Les Laurentides,r15,municipalité\n")
    ds = load_workspace(_folder(tmp_path, french, name="territoires.csv"))
    assert [(t.id, t.parent, t.kind) for t in ds.territories] == [
        ("r15", None, "region"), ("al", "r15", "mrc"), ("ll", "r15", "municipality")]


def test_without_a_table_nothing_changes(tmp_path: Path) -> None:
    ds = load_workspace(_folder(tmp_path, None, a="Laurentides", b="antoine labelle"))
    assert ds.territories == ()
    assert [a.territory for a in ds.actors] == ["Laurentides", "antoine labelle"]
    assert set(ds.extra_columns) == {"actors", "projects", "relations"}


def test_two_files_for_the_table_are_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "territoires.csv").write_text(TERRITORIES, encoding="utf-8")
    assert ("workspace.two_files", None, None) in _codes(folder)


@pytest.mark.parametrize("suffix", [".xlsx", ".json", ""])
def test_written_back_reads_the_same(tmp_path: Path, suffix: str) -> None:
    ds = load_workspace(_folder(tmp_path))
    out = tmp_path / f"out{suffix}"
    write_workspace(ds, out)
    back = load_workspace(out)
    assert back == ds
    assert back.territories == ds.territories


def test_json_key_and_xlsx_sheet_in_french(tmp_path: Path) -> None:
    ds = load_workspace(_folder(tmp_path))
    out = tmp_path / "ws.json"
    write_workspace(ds, out)
    document = json.loads(out.read_text(encoding="utf-8"))
    document["territoires"] = document.pop("territories")
    out.write_text(json.dumps(document), encoding="utf-8")
    assert load_workspace(out) == ds
    document["territories"] = document["territoires"]
    out.write_text(json.dumps(document), encoding="utf-8")
    assert ("workspace.two_keys", None, None) in _codes(out)


def test_xlsx_reader_finds_the_sheet(tmp_path: Path) -> None:
    ds = load_workspace(_folder(tmp_path))
    out = tmp_path / "ws.xlsx"
    write_workspace(ds, out)
    back, issues = check_workspace(out)
    assert back is not None
    assert back.territories == ds.territories
    assert issues == []


def test_a_cycle_is_one_error_listing_its_rows(tmp_path: Path) -> None:
    table = ("id,name,parent\nr15,Laurentides,\na,A,c\nb,B,a\nc,C,b\nd,D,d\n")
    folder = _folder(tmp_path, table, a="r15", b="A", p="B")
    dataset, issues = check_workspace(folder)
    assert dataset is None
    cycles = [i for i in issues if i.code == "territory.cycle"]
    assert [(i.file, i.row, i.column) for i in cycles] == [
        ("territories.csv", 3, "parent"), ("territories.csv", 6, "parent")]
    assert cycles[0].format("en").endswith("row 3 (A), row 4 (B) and row 5 (C)")
    assert cycles[0].format("fr").endswith("ligne 3 (A), ligne 4 (B) et ligne 5 (C)")
    assert cycles[1].format("en").endswith("row 6 (D)")


def test_an_unknown_parent_is_located_with_a_suggestion(tmp_path: Path) -> None:
    table = TERRITORIES + "x,Argenteuil,Laurentide,mrc\n"
    dataset, issues = check_workspace(_folder(tmp_path, table))
    assert dataset is None
    [issue] = issues
    assert (issue.code, issue.file, issue.row, issue.column) == (
        "territory.unknown_parent", "territories.csv", 5, "parent")
    assert "did you mean 'Laurentides'" in issue.format("en")
    assert "Laurentide" in issue.format("fr")


def test_duplicate_names_ignore_case_and_accents(tmp_path: Path) -> None:
    table = TERRITORIES + "al2,ANTOINE LABELLE,r15,mrc\nal,Autre,r15,mrc\n"
    assert _codes(_folder(tmp_path, table)) == [
        ("territory.duplicate_name", 5, "name"), ("territory.duplicate_id", 6, "id")]


def test_a_name_that_is_another_id_is_refused(tmp_path: Path) -> None:
    table = TERRITORIES + "x,AL,r15,mrc\n"
    assert _codes(_folder(tmp_path, table)) == [("territory.name_is_id", 5, None)]


def test_an_undeclared_value_is_a_warning_and_kept(tmp_path: Path) -> None:
    ds = load_workspace(_folder(tmp_path, p="Antoine-Labele"))
    assert ds.projects[0].territory == "Antoine-Labele"
    [warning] = ds.warnings
    assert (warning.code, warning.file, warning.row, warning.column) == (
        "territory.undeclared", "projects.csv", 2, "territory")
    assert "did you mean 'Antoine-Labelle'" in warning.format("en")
