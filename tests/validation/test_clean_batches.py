"""Batches in which one check fails on one row only, among clean rows: the fast clean path
hands exactly that row to the row rules (the same issues and Dataset as row by row), and a
loaded Dataset is left to the collector's oldest generation."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from graphmap.workspace import check_workspace, load_workspace
from tests.validation.test_fast_path import _same_both_ways

ROOT = Path(__file__).resolve().parent.parent.parent
ACTORS = "id,name,sector\n" + "".join(f"a{i},Org {i},community\n" for i in range(6))
PROJECTS = "id,name,stage,start,end\np1,Cuisine,emergence,2021,2024\np2,Jardin,emergence,,\n"


def _workspace(folder: Path, relations: str, projects: str = PROJECTS) -> Path:
    (folder / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (folder / "projects.csv").write_text(projects, encoding="utf-8")
    (folder / "relations.csv").write_text(relations, encoding="utf-8")
    return folder


def _codes(folder: Path) -> list[tuple[str, str, int | None, str | None]]:
    _, issues = check_workspace(folder)
    return [(i.code, i.file, i.row, i.column) for i in issues if i.code != "actor.isolated"]


def test_an_amount_on_a_relation_that_does_not_fund_is_the_one_row_told(
        tmp_path: Path) -> None:
    folder = _workspace(tmp_path, "source,target,type,amount\n"
                                  "a0,p1,funds,5000\na1,p1,carries,\na2,p1,supports,300\n"
                                  "a3,p2,funds,12\n")
    _same_both_ways(folder)
    assert _codes(folder) == [("amount.not_funds", "relations.csv", 4, "amount")]
    kept = load_workspace(folder).relations
    assert [(r.source, r.amount) for r in kept] == [("a0", 5000.0), ("a1", None),
                                                    ("a2", 300.0), ("a3", 12.0)]


def test_a_project_ending_before_it_starts_is_the_one_row_told(tmp_path: Path) -> None:
    projects = PROJECTS + "p3,Atelier,emergence,2024,2021\n"
    folder = _workspace(tmp_path, "source,target,type\na0,p1,carries\n", projects)
    _same_both_ways(folder)
    assert _codes(folder) == [("date.end_before_start", "projects.csv", 4, "end")]


def test_a_self_tie_and_an_unknown_source_are_told_among_clean_rows(tmp_path: Path) -> None:
    folder = _workspace(tmp_path, "source,target,type\na0,p1,carries\na1,a1,collaborates\n"
                                  "a2,p2,carries\nzz,p2,carries\na3,a4,collaborates\n")
    _same_both_ways(folder)
    assert [c for c, *_ in _codes(folder)] == ["relation.self", "reference.unknown"]


def test_a_loaded_dataset_is_in_the_oldest_generation(tmp_path: Path) -> None:
    """Nothing made while reading is left for the next young collection to traverse."""
    dataset = load_workspace(ROOT / "examples" / "laurentides")
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation=generation)}
    assert dataset.relations
    assert not any(id(r) in young for r in dataset.relations)
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(r) in oldest for r in dataset.actors)


def test_objects_the_program_froze_stay_frozen() -> None:
    if gc.get_freeze_count():
        pytest.skip("objects were frozen before this test")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        load_workspace(ROOT / "examples" / "laurentides")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
