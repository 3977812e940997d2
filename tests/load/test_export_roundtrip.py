"""Writing a Dataset back as a workspace: deterministic bytes, and it reads back equal."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from graphmap.errors import UsageError
from graphmap.export import csv_bytes, json_bytes, write_csv_folder, write_workspace, xlsx_bytes
from graphmap.workspace import load_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def dataset():  # type: ignore[no-untyped-def]
    return load_workspace(FIXTURES / "good")


def test_csv_is_canonical_english_with_extra_columns_last(tmp_path: Path) -> None:
    (tmp_path / "actors.csv").write_text(
        "Notes,nom,id,secteur\nvoisin,Centre d'entraide,a1,communautaire\n"
        ",Ville de Sainte-Adèle,a2,public\n,Fondation du Nord,a3,philanthropic\n",
        encoding="utf-8")
    for name in ("projects.csv", "relations.csv"):
        (tmp_path / name).write_bytes((FIXTURES / "good" / name).read_bytes())
    ds = load_workspace(tmp_path)
    assert csv_bytes(ds, "actors").decode("utf-8").splitlines() == [
        "id,name,sector,type,category,territory,scope,Notes",
        "a1,Centre d'entraide,community,,organization,,local,voisin",
        "a2,Ville de Sainte-Adèle,public,,organization,,local,",
        "a3,Fondation du Nord,philanthropic,,organization,,local,",
    ]
    assert csv_bytes(ds, "relations").decode("utf-8").splitlines()[1:4] == [
        "a1,p1,carries,,,,", "a2,p1,funds,12500,2023,,", "a3,p2,funds,5000,2024,,"]


def test_outputs_are_deterministic(dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert xlsx_bytes(dataset) == xlsx_bytes(dataset)
    assert json_bytes(dataset) == json_bytes(dataset)
    first = write_workspace(dataset, tmp_path / "a.xlsx").read_bytes()
    second = write_workspace(dataset, tmp_path / "b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        assert {i.date_time for i in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"1980-01-01T00:00:00Z" in book.read("docProps/core.xml")


@pytest.mark.parametrize("target", ["folder", "ws.xlsx", "ws.json"])
def test_round_trip(dataset, tmp_path: Path, target: str) -> None:  # type: ignore[no-untyped-def]
    path = write_workspace(dataset, tmp_path / target)
    assert load_workspace(path) == dataset
    assert not list(tmp_path.rglob("*.tmp"))  # atomic writes leave no temporary file


def test_french_excel_style_output_reads_back(dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write_csv_folder(dataset, tmp_path, lang="fr", delimiter=";", encoding="cp1252",
                     line_end="\r\n")
    raw = (tmp_path / "relations.csv").read_bytes()
    assert raw.startswith("source;cible;type;montant;année;poids;nature\r\n".encode("cp1252"))
    assert b"a3;a2;collabore;;;2;\r\n" in raw
    assert load_workspace(tmp_path) == dataset


def test_unknown_suffix_is_a_usage_error(dataset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError):
        write_workspace(dataset, tmp_path / "ws.ods")


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    from graphmap.model.dataset import Dataset
    from graphmap.model.records import Actor
    from graphmap.schema import Sector

    ds = Dataset((Actor("=a1", "=SUM(A1:A2)", Sector.MEDIA, extra={"n": "007"}),))
    path = write_workspace(ds, tmp_path / "ws.xlsx")
    back = load_workspace(path)
    assert back.actors == ds.actors
