"""Reading the plain stretches of a CSV file as blocks of columns (graphmap.load.csv_blocks)
gives exactly what reading every row with the csv module gives: the same issues (code,
severity, file, row, column, params) in the same order and equal Datasets whose records
have the same origins, whatever stands in the file where (quotes, CRLF, blank and short
rows, a lone CR, a NUL, guarded cells, a change of encoding, the row and cell limits), at
any block size, on the fast clean path and on the row path."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.diagnostics import Issue
from graphmap.errors import GraphmapError
from graphmap.load import csv_blocks, limits_for, open_workspace
from graphmap.load.csv_blocks import BlockReader
from graphmap.validation import validate_source
from graphmap.workspace import check_workspace

ACTORS = ["id,name,sector,territory"] + [
    f"a{i},Organisme {i},{('community', 'public', 'private')[i % 3]},MRC {i % 4}"
    for i in range(1, 41)]
PROJECTS = ["id,name,stage,start"] + [f"p{i},Projet {i},emergence,2021" for i in range(1, 11)]
RELATIONS = ["source,target,type,amount,year"] + [
    f"a{i},p{1 + i % 10},{'funds' if i % 5 == 0 else 'carries'},"
    f"{'5000' if i % 5 == 0 else ''},{'2024' if i % 5 == 0 else ''}"
    for i in range(1, 41)] + [f"a{i},a{i + 1},collaborates,," for i in range(1, 30)]

# Block sizes: a block of a line or two (every line end a boundary), a few lines, most of a
# table, the default; 0 is the reference (the csv module reads every row).
SIZES = [16, 97, 700, csv_blocks.BLOCK_CHARS]


def _issue(i: Issue) -> tuple[Any, ...]:
    return (i.code, i.severity, i.file, i.row, i.column, repr(sorted(i.params.items())))


def _outcome(folder: Path, *, row_by_row: bool) -> Any:
    try:
        with open_workspace(folder, limits_for(folder)) as source:
            dataset, issues = validate_source(source, row_by_row=row_by_row)
    except GraphmapError as exc:
        return type(exc).__name__, str(exc)
    records = None if dataset is None else [
        (r, r.origin) for table in (dataset.actors, dataset.projects, dataset.relations)
        for r in table]
    return [_issue(i) for i in issues], dataset, records


def _same_at_every_block_size(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(csv_blocks, "BLOCK_CHARS", 0)
    reference = _outcome(folder, row_by_row=True)
    for size in SIZES:
        monkeypatch.setattr(csv_blocks, "BLOCK_CHARS", size)
        for row_by_row in (False, True):
            assert _outcome(folder, row_by_row=row_by_row) == reference, (size, row_by_row)
    return reference


def _write(folder: Path, tables: dict[str, list[str]], *, end: str = "\n",
           encoding: str = "utf-8", last_end: bool = True, toml: str | None = None) -> None:
    for name, lines in tables.items():
        text = end.join(lines) + (end if last_end else "")
        (folder / f"{name}.csv").write_bytes(text.encode(encoding))
    if toml is not None:
        (folder / "graphmap.toml").write_text(toml, encoding="utf-8")


def _with(table: list[str], row: int, line: str) -> list[str]:
    """``table`` with its row ``row`` (1 = the header) replaced by ``line``."""
    return [*table[:row - 1], line, *table[row:]]


def _tables(**changes: list[str]) -> dict[str, list[str]]:
    return {"actors": ACTORS, "projects": PROJECTS, "relations": RELATIONS, **changes}


# Each case: the tables (one changed well below the header search) and how they are written.
CASES: dict[str, tuple[dict[str, list[str]], dict[str, Any]]] = {
    "plain": (_tables(), {}),
    "crlf": (_tables(), {"end": "\r\n"}),
    "no line end at the end": (_tables(), {"last_end": False}),
    "crlf, no line end at the end": (_tables(), {"end": "\r\n", "last_end": False}),
    "semicolons": ({k: [x.replace(",", ";") for x in v] for k, v in _tables().items()}, {}),
    "tabs": ({k: [x.replace(",", "\t") for x in v] for k, v in _tables().items()}, {}),
    "a quoted cell": (_tables(actors=_with(ACTORS, 25, 'a24,"Coop, solidaire",public,')), {}),
    "a quoted cell spanning lines": (
        _tables(actors=_with(ACTORS, 25, 'a24,"Coop\nsolidaire",public,')), {}),
    "quoted cells with spaces inside": (
        _tables(actors=_with(ACTORS, 25, 'a24," Coop ",public,"\u00a0MRC 1"')), {}),
    "a row of quoted empty cells": (_tables(actors=_with(ACTORS, 25, '"","","",""')), {}),
    "a quote inside an unquoted cell": (
        _tables(actors=_with(ACTORS, 25, 'a24,Coop "Les Pins",public,')), {}),
    "a quoted row of fewer cells": (_tables(actors=_with(ACTORS, 25, 'a24,"Coop, x"')), {}),
    "quoted names throughout": (
        _tables(actors=[ACTORS[0], *(f'a{i},"Coop {i}, solidaire",public,' if i % 3 else x
                                     for i, x in enumerate(ACTORS[1:], start=1))]), {}),
    "a quoted cell with doubled quotes": (
        _tables(actors=_with(ACTORS, 25, 'a24,"Coop ""Les Pins""",public,')), {}),
    "a quote never closed": (_tables(actors=_with(ACTORS, 30, 'a29,"Coop,public,')), {}),
    "text after a closing quote": (_tables(actors=_with(ACTORS, 30, 'a29,"Coop"x,public,')),
                                   {}),
    "a blank line": (_tables(relations=_with(RELATIONS, 20, "")), {}),
    "two blank lines at the end": (_tables(relations=[*RELATIONS, "", ""]), {}),
    "a row of empty cells": (_tables(relations=_with(RELATIONS, 20, ",,,,")), {}),
    "a short row": (_tables(relations=_with(RELATIONS, 20, "a19,p1")), {}),
    "a long row": (_tables(relations=_with(RELATIONS, 20, "a19,p1,carries,,,en trop")), {}),
    "a one-cell row": (_tables(relations=_with(RELATIONS, 20, "a19")), {}),
    "a lone carriage return": (
        _tables(actors=_with(ACTORS, 20, "a19,Organisme 19,public,\ra99,Autre,public,")), {}),
    "a NUL": (_tables(actors=_with(ACTORS, 20, "a19,Orga\x00nisme,public,")), {}),
    "spaces around cells": (
        _tables(actors=_with(ACTORS, 20, " a19 ,\u00a0Organisme 19\u00a0, public ,\tMRC 1")),
        {}),
    "guarded cells": (
        _tables(actors=_with(ACTORS, 20, "a19,'=SOMME(A1),public,'-5")), {}),
    "an apostrophe in a name": (
        _tables(actors=_with(ACTORS, 20, "a19,Centre d'entraide,public,")), {}),
    "an unknown id and a duplicate": (
        _tables(relations=_with(RELATIONS, 30, "zz,p1,carries,,"),
                actors=_with(ACTORS, 33, "a5,Doublon,public,")), {}),
    "titles above the header": (
        _tables(actors=["Répertoire 2025", "", *ACTORS]), {}),
    "a blank header cell": (
        _tables(actors=[ACTORS[0] + ",", *(x + ",note" for x in ACTORS[1:])]), {}),
    "a header wider than the rows": (
        _tables(actors=[ACTORS[0] + ",notes", *ACTORS[1:]]), {}),
    "windows-1252": (_tables(actors=_with(ACTORS, 20, "a19,Société é,public,")),
                     {"encoding": "cp1252"}),
    "utf-16": (_tables(), {"encoding": "utf-16"}),
    "a byte-order mark": (_tables(), {"encoding": "utf-8-sig"}),
    "the row limit": (_tables(), {"toml": "[limits]\nrows = 25\n"}),
    "the cell limit": (_tables(actors=_with(ACTORS, 30, "a29," + "x" * 300 + ",public,")),
                       {"toml": "[limits]\ncell_chars = 200\n"}),
}


@pytest.mark.parametrize("case", list(CASES))
def test_blocks_read_what_the_csv_module_reads(case: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tables, form = CASES[case]
    _write(tmp_path, tables, **form)
    _same_at_every_block_size(tmp_path, monkeypatch)


def test_a_change_of_encoding_is_told_at_its_row(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, _tables())
    path = tmp_path / "actors.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] = "a4,Société,public,".encode()  # UTF-8 above
    lines[29] = "a29,Société,public,".encode("cp1252")  # row 30 in Windows-1252
    path.write_bytes(b"\n".join(lines))
    issues, _dataset, _records = _same_at_every_block_size(tmp_path, monkeypatch)
    assert [(row, code) for code, _s, file, row, _c, _p in issues if file == "actors.csv"] \
        == [(30, "encoding.stray_bytes")]


def test_the_cases_say_what_they_should(tmp_path: Path) -> None:
    """A few of the cases' findings, as a user reads them: blocks do not hide them."""
    found = {}
    for case in ("a quote never closed", "a short row", "the row limit", "a long row"):
        folder = tmp_path / case.replace(" ", "_")
        folder.mkdir()
        tables, form = CASES[case]
        _write(folder, tables, **form)
        _, issues = check_workspace(folder)
        found[case] = [(i.code, i.file, i.row) for i in issues if i.code != "reference.unlinked"]
    assert found == {
        "a quote never closed": [("quote.unclosed", "actors.csv", 30)],
        "a short row": [("value.missing", "relations.csv", 20)],
        "the row limit": [("limit.rows", "actors.csv", 27), ("limit.rows", "relations.csv", 27)],
        "a long row": [("column.unnamed", "relations.csv", 20)]}


def test_quoted_cells_on_one_line_stay_in_blocks(tmp_path: Path) -> None:
    """A file with a quoted name every few rows is still read as blocks (the csv module
    reads only the lines holding a quote), and a quoted cell spanning lines is not."""
    from graphmap.load.csv_folder import read_csv_table
    from graphmap.load.raw import RowBlock

    def blocks(case: str) -> int:
        folder = tmp_path / case.replace(" ", "_")
        folder.mkdir()
        _write(folder, CASES[case][0])
        raw = read_csv_table("actors", folder / "actors.csv")
        assert raw.cells is not None
        return sum(isinstance(data, RowBlock) for _number, data in raw.cells[1])

    assert blocks("quoted names throughout") == 1
    assert blocks("a quoted cell spanning lines") == 0


def test_blocks_go_on_below_a_stretch_read_row_by_row(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the stretch holding a quoted cell spanning lines (row 25) is read by the csv
    module: the rows below it are blocks again."""
    from graphmap.load.csv_folder import read_csv_table
    from graphmap.load.raw import RowBlock

    monkeypatch.setattr(csv_blocks, "BLOCK_CHARS", 200)
    _write(tmp_path, CASES["a quoted cell spanning lines"][0])
    raw = read_csv_table("actors", tmp_path / "actors.csv")
    assert raw.cells is not None
    items = list(raw.cells[1])
    rows = [number for number, data in items if not isinstance(data, RowBlock)]
    blocks = [(number, data.count) for number, data in items if isinstance(data, RowBlock)]
    assert rows[:10] == list(range(2, 12))  # the header search (row 1 is the header)
    assert 25 in rows
    assert max(rows) < 41
    assert any(first > 25 for first, _count in blocks)
    assert sum(count for _first, count in blocks) + len(rows) == 40


def test_the_spaces_looked_for_are_those_strip_removes() -> None:
    import sys

    spaces = {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()} - {"\n"}
    assert set(csv_blocks._SPACES) == spaces
    assert set(csv_blocks._ASCII_SPACES) == {c for c in spaces if c.isascii()}


def test_a_block_is_the_split_of_its_lines() -> None:
    import io

    handle = io.StringIO("a,b,c\r\nd,,f\r\n\r\ng,h,i", newline="")
    reader = BlockReader(handle, delimiter=",", width=3, protected=False, cell_chars=100,
                         chars=1000)
    blocks = [(first, block.columns, block.count)
              for first, block in reader.blocks(11, 11, 100, 10**9)]
    # The blank line is a row of blank cells; the last line, without a line end, comes
    # once the file is read to its end.
    assert blocks == [(12, [["a", "d", ""], ["b", "", ""], ["c", "f", ""]], 3),
                      (15, [["g"], ["h"], ["i"]], 1)]
    assert reader.rest is None


def test_a_quote_hands_the_rest_back_to_the_csv_reader() -> None:
    import io

    handle = io.StringIO('a,b\nc,d\ne,"f\ng"\nh,i\n', newline="")
    reader = BlockReader(handle, delimiter=",", width=2, protected=False, cell_chars=100,
                         chars=4)
    blocks = [(first, block.columns) for first, block in reader.blocks(0, 0, 100, 10**9)]
    assert blocks == [(1, [["a"], ["b"]]), (2, [["c"], ["d"]])]
    assert reader.rest is not None
    assert "".join(reader.rest) == 'e,"f\ng"\nh,i\n'


cell = st.sampled_from(["a1", "a2", "p1", "", " x ", "Coop, solidaire", 'dit "oui"', "l'été",
                        "'=1+1", "5 000 $", "2024", "funds", "carries", "public", "\u00a0",
                        "deux\nlignes", "é"])


@st.composite
def _table(draw: Any, header: str) -> list[str]:
    width = header.count(",") + 1
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=width + 1), min_size=12,
                         max_size=40))
    lines = [header]
    for row in rows:
        lines.append(",".join('"' + c.replace('"', '""') + '"'
                              if any(x in c for x in ',"\n') else c for c in row))
    return lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_table(ACTORS[0]), _table(RELATIONS[0]), st.sampled_from(["\n", "\r\n"]),
       st.sampled_from([16, 61, 300]))
def test_generated_files_are_read_the_same_with_blocks(actors: list[str],
                                                       relations: list[str], end: str,
                                                       size: int) -> None:
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        folder = Path(tmp)
        _write(folder, _tables(actors=ACTORS[:12] + actors[1:],
                               relations=RELATIONS[:12] + relations[1:]), end=end)
        patch.setattr(csv_blocks, "BLOCK_CHARS", 0)
        reference = _outcome(folder, row_by_row=True)
        patch.setattr(csv_blocks, "BLOCK_CHARS", size)
        assert _outcome(folder, row_by_row=False) == reference
