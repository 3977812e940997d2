"""load_workspace reports its progress while the rows stream by."""

from __future__ import annotations

from graphmap.validation import rules
from graphmap.workspace import check_workspace, load_workspace


def _workspace(folder, relations: int):
    (folder / "actors.csv").write_text(
        "id,name,sector\n" + "".join(f"a{i},A{i},community\n" for i in range(4)),
        encoding="utf-8")
    (folder / "projects.csv").write_text("id,name,stage\np1,P,emergence\n", encoding="utf-8")
    (folder / "relations.csv").write_text(
        "source,target,type\n"
        + "".join(f"a{i % 4},p1,supports\n" for i in range(relations)), encoding="utf-8")
    return folder


def test_progress_says_each_table_then_the_end(tmp_path):
    calls = []
    ds = load_workspace(_workspace(tmp_path, 4), progress=lambda *c: calls.append(c))
    assert len(ds.relations) == 4
    assert calls == [("load", 0, 3), ("load", 1, 3), ("load", 2, 3), ("load", 3, 3)]


def test_progress_beats_while_a_long_table_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(rules, "PROGRESS_ROWS", 2)
    calls = []
    dataset, _issues = check_workspace(_workspace(tmp_path, 5),
                                      progress=lambda *c: calls.append(c))
    assert dataset is not None
    # actors: 4 rows (beats at 2 and 4), projects: 1 row, relations: 5 rows (beats at 2, 4)
    assert calls == [("load", 0, 3), ("load", 0, 3), ("load", 0, 3), ("load", 1, 3),
                     ("load", 2, 3), ("load", 2, 3), ("load", 2, 3), ("load", 3, 3)]


def test_without_progress_nothing_changes(tmp_path):
    assert len(load_workspace(_workspace(tmp_path, 3)).relations) == 3


def test_progress_beats_the_same_by_columns_and_by_rows(tmp_path, monkeypatch):
    """The fast path (batches of 3 rows here) beats every PROGRESS_ROWS rows as the row rules
    do, whatever the batch edges."""
    from graphmap.load import open_workspace
    from graphmap.validation import columns, validate_source

    monkeypatch.setattr(rules, "PROGRESS_ROWS", 2)
    monkeypatch.setattr(columns.cell_batches, "__defaults__", (3,))
    folder = _workspace(tmp_path, 7)

    def heard(*, row_by_row: bool) -> list[tuple[str, int, int]]:
        calls: list[tuple[str, int, int]] = []
        with open_workspace(folder) as source:
            dataset, _issues = validate_source(source, progress=lambda *c: calls.append(c),
                                               row_by_row=row_by_row)
        assert dataset is not None
        return calls

    # actors: 4 rows (beats at 2, 4), projects: 1, relations: 7 (beats at 2, 4, 6)
    assert heard(row_by_row=False) == heard(row_by_row=True) == [
        ("load", 0, 3), ("load", 0, 3), ("load", 0, 3), ("load", 1, 3), ("load", 2, 3),
        ("load", 2, 3), ("load", 2, 3), ("load", 2, 3), ("load", 3, 3)]
