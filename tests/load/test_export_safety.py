"""CSV exports cannot run formulas in a spreadsheet, yet read back equal; a CSV workspace is
never written beside another copy of a table (so ``graphmap init`` never hides one)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphmap.errors import GraphmapError
from graphmap.export import csv_bytes, write_csv_folder, write_workspace
from graphmap.load.neutral import protect, restore
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation, Territory
from graphmap.schema import RelationType, Sector, Stage
from graphmap.workspace import load_workspace

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
TRIGGERS = ["=HYPERLINK(\"http://x\")", "+33 1 23 45", "-moins", "@SUM(A1)", "'=déjà", "''+x"]


def _dataset() -> Dataset:
    actors = tuple(Actor(f"a{i}", name, Sector.COMMUNITY, territory=name, extra={"=note": name})
                   for i, name in enumerate(TRIGGERS))
    projects = (Project("p1", "=1+1", Stage.EMERGENCE, ("-thème", "@x")),)
    relations = tuple(Relation(a.id, "p1", RelationType.SUPPORTS, kind="=cmd|' /C calc'!A0")
                      for a in actors)
    return Dataset(actors, projects, relations)


def test_no_cell_of_a_csv_export_starts_like_a_formula() -> None:
    dataset = _dataset()
    for table in ("actors", "projects", "relations"):
        for row in csv.reader(io.StringIO(csv_bytes(dataset, table).decode("utf-8"))):
            for cell in row:
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (table, cell)
    assert csv_bytes(dataset, "actors").decode("utf-8").splitlines()[:2] == [
        "id,name,sector,type,category,territory,scope,'=note",
        "a0,\"'=HYPERLINK(\"\"http://x\"\")\",community,,organization,"
        "\"'=HYPERLINK(\"\"http://x\"\")\",local,\"'=HYPERLINK(\"\"http://x\"\")\"",
    ]


@pytest.mark.parametrize("target", ["folder", "ws.xlsx", "ws.json"])
def test_guarded_cells_read_back_as_written(tmp_path: Path, target: str) -> None:
    dataset = _dataset()
    path = write_workspace(dataset, tmp_path / target)
    assert load_workspace(path) == dataset


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="'=+-@\t\rab ", max_size=8))
def test_restore_undoes_protect(text: str) -> None:
    assert restore(protect(text)) == text


def _read_names(folder: Path, names: list[str], encoding: str) -> list[str]:
    (folder / "projects.csv").write_text("id,name,stage\np1,Cuisine,emergence\n")
    (folder / "relations.csv").write_text("source,target,type\na0,p1,carries\n")
    rows = "".join(f'a{i};"{name}";community\n' for i, name in enumerate(names))
    (folder / "actors.csv").write_bytes(f"id;name;sector\n{rows}".encode(encoding))
    return [a.name for a in load_workspace(folder).actors]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="'=+-@\t ab\u00a0\u2009\u3000\x1f", max_size=6).filter(
           lambda s: s.strip() and s.strip() == s),
       st.sampled_from(["utf-8", "cp1252"]))
def test_a_cell_reads_the_same_whatever_the_other_cells_of_its_file(
        text: str, encoding: str) -> None:
    """Whether a file may hold guarded cells is decided from its bytes, to spare the common
    file the work: that shortcut must never change how one cell reads."""
    if encoding == "cp1252" and any(c in text for c in "\u2009\u3000"):
        encoding = "utf-8"
    with tempfile.TemporaryDirectory() as alone, tempfile.TemporaryDirectory() as beside:
        [read] = _read_names(Path(alone), [text], encoding)
        assert _read_names(Path(beside), [text, "'=guard"], encoding) == [read, "=guard"]
        assert read == restore(text).strip()


def test_a_guard_typed_by_hand_is_read_like_the_spreadsheet_shows_it(tmp_path: Path) -> None:
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((GOOD / name).read_bytes())
    (tmp_path / "actors.csv").write_text(
        "id,name,sector\na1,'-5 ans,community\na2,l'Entraide,public\na3,'Nord',philanthropic\n",
        encoding="utf-8")
    names = [a.name for a in load_workspace(tmp_path).actors]
    assert names == ["-5 ans", "l'Entraide", "'Nord'"]


@pytest.mark.parametrize("existing", ["acteurs.csv", "Actors.csv", "PROJETS.csv", "liens.csv"])
def test_a_csv_workspace_is_never_written_beside_another_copy_of_a_table(
        tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text("id,nom,secteur\nx1,Mine,public\n", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    if len(before) != 1:
        pytest.skip("case-insensitive file system")
    with pytest.raises(GraphmapError) as caught:
        write_csv_folder(load_workspace(GOOD), tmp_path)
    assert caught.value.key == "load.export.other_table_file"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_overwriting_the_same_files_is_still_allowed(tmp_path: Path) -> None:
    dataset = load_workspace(GOOD)
    write_csv_folder(dataset, tmp_path)
    write_csv_folder(dataset, tmp_path)
    assert load_workspace(tmp_path) == dataset
    declared = replace(dataset, territories=(Territory("ll", "Les Laurentides"),))
    write_csv_folder(declared, tmp_path)
    write_csv_folder(declared, tmp_path)
    assert load_workspace(tmp_path) == declared


@pytest.mark.parametrize("existing", ["territories.csv", "Territoires.csv"])
def test_a_table_the_data_lacks_is_never_left_to_be_read_back(
        tmp_path: Path, existing: str) -> None:
    """An old territories file beside newly written tables would be read back with them
    (pull, import or init into a folder that held a workspace with territories)."""
    (tmp_path / existing).write_text("id,name\nll,Les Laurentides\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    dataset = load_workspace(GOOD)
    assert not dataset.territories
    with pytest.raises(GraphmapError) as caught:
        write_workspace(dataset, tmp_path)
    assert caught.value.key == "load.export.unwritten_table_file"
    assert caught.value.render("en") == (
        f"{tmp_path} already holds {existing} for the territories table, which this data "
        "does not have: it would be read back with the new files and change the data; "
        "nothing was written. Move it away or choose another folder.")
    assert existing in caught.value.render("fr")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_init_never_writes_into_a_french_workspace(tmp_path: Path, lang: str) -> None:
    for french, english in (("acteurs.csv", "actors.csv"), ("projets.csv", "projects.csv"),
                            ("liens.csv", "relations.csv")):
        (tmp_path / french).write_bytes((GOOD / english).read_bytes())
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "init", str(tmp_path), "--lang", lang],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=ROOT,
        env={**os.environ, "GRAPHMAP_LANG": "en"})
    assert result.returncode == 1
    expected = {
        "en": f"Error: {tmp_path} already holds acteurs.csv for the actors table: writing "
              "actors.csv beside it would leave two files for one table; nothing was "
              "written. Choose another folder.\n",
        "fr": f"Erreur\u00a0: {tmp_path} contient déjà acteurs.csv pour la table actors\u00a0: "
              "écrire actors.csv à côté laisserait deux fichiers pour une même table\u00a0; rien "
              "n'a été écrit. Choisissez un autre dossier.\n",
    }
    assert result.stderr == expected[lang]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
