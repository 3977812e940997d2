"""Resource limits: each is checked before the work it bounds, and past it the user reads a
located error naming the limit and how to raise it (``[limits]`` in ``graphmap.toml``)."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from xlsx_craft import csv_table, sheet_xml, write_workbook

from graphmap.cli import cli
from graphmap.errors import ConfigError, InputError
from graphmap.load.limits import DEFAULT_LIMITS, Limits, limits_for
from graphmap.load.xlsx_parts import Package
from graphmap.load.xlsx_sheet import sheet_rows
from graphmap.workspace import check_workspace

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
DAMAGED = ROOT / "tests" / "fixtures" / "damaged"


def _good_tables() -> dict[str, list[tuple[int, list[object]]]]:
    return {name: csv_table((GOOD / f"{name}.csv").read_text(encoding="utf-8").replace(
        '"5 000 $"', "5000")) for name in ("actors", "projects", "relations")}


def _codes(issues: list) -> list[tuple[str, str, int | None]]:  # type: ignore[type-arg]
    return [(i.code, i.file, i.row) for i in issues]


def _copy_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("actors.csv", "projects.csv", "relations.csv"):
        (folder / name).write_bytes((GOOD / name).read_bytes())
    return folder


# -- workbooks: refused before the rows are read ------------------------------------------------
def _relation_rows(path: Path) -> list[tuple[int, list[str]]]:
    package = Package.open(path, DEFAULT_LIMITS)
    try:
        entry = next(s for s in package.sheets if s.name == "relations")
        assert entry.part is not None
        return list(sheet_rows(package, entry.part, entry.name))
    finally:
        package.close()


def test_a_cell_at_row_two_billion_is_refused_without_filling_the_gap() -> None:
    started = time.perf_counter()
    rows = _relation_rows(DAMAGED / "xlsx_far_row.xlsx")
    # The seven real rows, then the refusal: no empty row was ever produced for the gap.
    assert [number for number, _ in rows] == [1, 2, 3, 4, 5, 6, 7, 2_000_000_000]
    assert rows[-1][1].stop  # type: ignore[attr-defined]
    assert time.perf_counter() - started < 5


def test_a_sheet_whose_dimension_is_too_long_is_refused_unread() -> None:
    rows = _relation_rows(DAMAGED / "xlsx_dimension.xlsx")
    assert [number for number, _ in rows] == [2_000_000_000]  # not one row read


def test_empty_rows_past_the_last_row_are_refused() -> None:
    started = time.perf_counter()
    rows = _relation_rows(DAMAGED / "xlsx_empty_rows.xlsx")
    # Two million <row/> (12 MB of XML): the header, then the refusal at the format's end.
    assert [number for number, _ in rows] == [1, 1_048_577]
    assert time.perf_counter() - started < 30  # 193 s and 3.5 GB before


def test_empty_rows_are_read_in_flat_memory(tmp_path: Path) -> None:
    tables = _good_tables()
    flood = sheet_xml(tables["relations"]).replace("</sheetData>",
                                                   "<row/>" * 200_000 + "</sheetData>")
    path = write_workbook(tmp_path / "flood.xlsx", [
        ("actors", sheet_xml(tables["actors"])), ("projects", sheet_xml(tables["projects"])),
        ("relations", flood)])
    import openpyxl.utils.datetime  # noqa: F401 - imported by the reader; not its memory

    tracemalloc.start()
    try:
        _, issues = check_workspace(path, limits=Limits(rows=100_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert _codes(issues) == [("limit.rows", "flood.xlsx[relations]", 100_002)]
    assert peak < 4 << 20


def test_whitespace_padding_costs_no_memory(tmp_path: Path) -> None:
    tables = _good_tables()
    padded = sheet_xml(tables["relations"], padding=" " * 4_000_000)  # 28 MB of spaces
    path = write_workbook(tmp_path / "padded.xlsx", [
        ("actors", sheet_xml(tables["actors"])), ("projects", sheet_xml(tables["projects"])),
        ("relations", padded)])
    import openpyxl.utils.datetime  # noqa: F401

    tracemalloc.start()
    try:
        dataset, issues = check_workspace(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert dataset is not None, issues
    assert len(dataset.relations) == 6
    assert peak < 4 << 20


def test_a_workbook_that_unzips_past_the_limit_is_refused_before_unzipping(
        tmp_path: Path) -> None:
    tables = _good_tables()
    # The zip claims 1.1 GB for one part: refused from the zip directory alone.
    path = write_workbook(tmp_path / "big.xlsx", [
        ("actors", sheet_xml(tables["actors"])), ("projects", sheet_xml(tables["projects"])),
        ("relations", sheet_xml(tables["relations"]))],
        declared_sizes={"xl/worksheets/sheet3.xml": 1_100_000_000})
    with pytest.raises(InputError) as caught:
        check_workspace(path)
    assert caught.value.render("en") == (
        f"{path} is 1,049.0 MiB once unzipped, more than the 1,024.0 MiB graphmap reads "
        "(xlsx_bytes); to raise it, set xlsx_bytes = … in the [limits] table of a "
        "graphmap.toml beside the data")


def test_a_shared_string_past_the_cell_limit_is_refused_where_it_is_used(
        tmp_path: Path) -> None:
    tables = _good_tables()
    strings = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main"><si><t>' + "x" * 500_000 + "</t></si><si><t>never"
               "</t></si></sst>").encode()
    relations = sheet_xml(tables["relations"]).replace(
        "</sheetData>", '<row r="8"><c r="A8" t="s"><v>0</v></c></row></sheetData>')
    path = write_workbook(tmp_path / "long.xlsx", [
        ("actors", sheet_xml(tables["actors"])), ("projects", sheet_xml(tables["projects"])),
        ("relations", relations)], raw_parts={"xl/sharedStrings.xml": strings})
    rels = ('<Relationship Id="rId9" Target="sharedStrings.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>')
    with_strings = _add_relation(path, rels)
    _, issues = check_workspace(with_strings)
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("limit.cell_chars", "with-long.xlsx[relations]", 8, "A")]


def _add_relation(path: Path, relation: str) -> Path:
    import zipfile

    out = path.with_name("with-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
            target.writestr(info, data)
    return out


# -- CSV and JSON: sizes on disk before reading, rows and cells while reading ------------------
def test_a_workspace_past_input_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    with (folder / "relations.csv").open("r+b") as handle:
        handle.truncate(1_100_000_000)  # sparse: 1.1 GB on paper, nothing on disk
    started = time.perf_counter()
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert time.perf_counter() - started < 5
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: {folder} holds 1,049.0 MiB of data, more than the 1,024.0 MiB graphmap reads "
        "(input_bytes); to raise it, set input_bytes = … in the [limits] table of a "
        "graphmap.toml beside the data")


def test_a_json_file_past_json_bytes_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    with path.open("wb") as handle:
        handle.truncate(300 << 20)
    with pytest.raises(InputError) as caught:
        check_workspace(path)
    assert caught.value.key == "load.limit.json_bytes"


def test_rows_past_the_limit_stop_reading(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    rows = "".join(f"a1,p1,supports,,,,k{i}\n" for i in range(50_000))
    (folder / "relations.csv").write_text(
        (GOOD / "relations.csv").read_text(encoding="utf-8") + rows, encoding="utf-8")
    _, issues = check_workspace(folder, limits=Limits(rows=1000))
    assert _codes(issues) == [("limit.rows", "relations.csv", 1002)]
    # Nothing is lost silently: the 6 + 50,000 data rows less the 1,000 read.
    assert "reading stops here (49,006 lines not read);" in issues[0].format("en")


def test_a_cell_past_the_limit_is_refused_at_its_cell(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    text = (GOOD / "actors.csv").read_text(encoding="utf-8")
    (folder / "actors.csv").write_text(
        text.replace("Fondation du Nord", "x" * 200_000), encoding="utf-8")
    _, issues = check_workspace(folder)
    assert _codes(issues)[0] == ("limit.cell_chars", "actors.csv", 4)
    assert issues[0].format("en") == (
        "actors.csv:4:name: a cell of this row holds more than 131,072 characters; to raise it, "
        "set cell_chars = … in the [limits] table of a graphmap.toml beside the data")


def _long_actors(folder: Path, cell_chars: int | None, long_cell: str, rows: int = 30) -> Path:
    """A workspace of ``rows`` actors, the 21st named ``long_cell``, with ``cell_chars`` in
    its graphmap.toml (``None``: the default limits)."""
    folder = _copy_good(folder)
    lines = ["id,name,sector"] + [f"a{i},{long_cell if i == 20 else f'Org {i}'},public"
                                  for i in range(1, rows + 1)]
    (folder / "actors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if cell_chars is not None:
        (folder / "graphmap.toml").write_text(f"[limits]\ncell_chars = {cell_chars}\n",
                                              encoding="utf-8")
    return folder


def _actor_issues(folder: Path) -> list[tuple[str, int | None, str | None]]:
    from graphmap.load import limits_for as limits_of
    from graphmap.load import open_workspace
    from graphmap.validation import validate_source

    with open_workspace(folder, limits_of(folder)) as source:
        _, issues = validate_source(source)
    return [(i.code, i.row, i.column) for i in issues if i.file == "actors.csv"
            and i.code != "actor.isolated"]


def test_the_cell_limit_of_a_workspace_holds_while_another_is_open(tmp_path: Path) -> None:
    """The csv module's field limit is the whole process's: a workspace opened beside
    another (each with its own [limits]) is read with its own limit, either way round."""
    from graphmap.load import limits_for as limits_of
    from graphmap.load import open_workspace

    small = _long_actors(tmp_path / "small", 1000, "x" * 5000)
    large = _long_actors(tmp_path / "large", None, "y" * 5000)
    alone = (_actor_issues(small), _actor_issues(large))
    assert alone == ([("limit.cell_chars", 21, "name")], [])
    with open_workspace(large, limits_of(large)) as _other:
        assert _actor_issues(small) == alone[0]
    with open_workspace(small, limits_of(small)) as _other:
        assert _actor_issues(large) == alone[1]


def test_a_guarded_cell_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    """The limit counts the cell as the user meant it: graphmap's formula guard (an
    apostrophe) on a cell of exactly ``cell_chars`` characters does not make it too long."""
    folder = _long_actors(tmp_path / "ws", 200, "'=" + "x" * 199)
    dataset, issues = check_workspace(folder)
    assert [i.code for i in issues if i.is_error] == []
    assert dataset is not None
    assert dataset.actors[19].name == "=" + "x" * 199


def test_the_row_limit_comes_before_a_long_cell_past_it(tmp_path: Path) -> None:
    folder = _long_actors(tmp_path / "ws", 200, "x" * 300)
    (folder / "graphmap.toml").write_text("[limits]\ncell_chars = 200\nrows = 19\n",
                                          encoding="utf-8")
    assert _actor_issues(folder) == [("limit.rows", 21, None)]


def test_every_row_with_a_long_cell_is_told_at_its_cell(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    lines = ["id,name,sector"] + [f"a{i},{'x' * 150},public" for i in range(1, 2001)]
    (folder / "actors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "graphmap.toml").write_text("[limits]\ncell_chars = 100\n", encoding="utf-8")
    issues = _actor_issues(folder)
    assert issues == [("limit.cell_chars", row, "name") for row in range(2, 2002)]


def test_a_limit_larger_than_the_machine_takes_is_no_internal_error(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    (folder / "graphmap.toml").write_text("[limits]\ncell_chars = 10000000000000000000\n",
                                          encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert result.exit_code == 0, result.output


def test_limits_are_raised_in_graphmap_toml(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    (folder / "graphmap.toml").write_text(
        "[analysis]\nseed = 3\n\n[limits]\nrows = 20_000_000\ncell_chars = 200_000\n",
        encoding="utf-8")
    assert limits_for(folder) == Limits(rows=20_000_000, cell_chars=200_000)
    (folder / "graphmap.toml").write_text("[limits]\nrow = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        limits_for(folder)
    assert caught.value.render("en").startswith(
        f"{folder / 'graphmap.toml'}: unknown limit 'row' in [limits]; did you mean 'rows'?")
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert result.exit_code == 1
    (folder / "graphmap.toml").write_text("[limits]\nrows = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        limits_for(folder)
    assert caught.value.render("fr") == (
        f"{folder / 'graphmap.toml'}\u00a0: [limits] rows doit être un nombre entier d'au moins 1 "
        "(lu\u00a0: -1)")


def test_json_records_past_the_limit_stop_reading(tmp_path: Path) -> None:
    import json

    records = [{"id": f"a{i}", "name": "A", "sector": "media"} for i in range(20)]
    path = tmp_path / "ws.json"
    path.write_text(json.dumps({"actors": records, "projects": [], "relations": []}),
                    encoding="utf-8")
    _, issues = check_workspace(path, limits=Limits(rows=10))
    assert ("limit.rows", "ws.json[actors]", 11) in _codes(issues)
    stop = next(i for i in issues if i.code == "limit.rows")
    assert "la lecture s'arrête ici (10 enregistrements non lus)" in stop.format("fr")
    assert all(i.row is None or i.row <= 11 for i in issues)


def test_a_stray_quote_in_a_long_file_stops_at_the_cell_limit(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    rows = "".join(f"a1,p1,supports,,,,note {i}\n" for i in range(20_000))
    text = (GOOD / "relations.csv").read_text(encoding="utf-8")
    (folder / "relations.csv").write_text(
        text.replace("a1,p2,carries", 'a1,"p2,carries') + rows, encoding="utf-8")
    _, issues = check_workspace(folder)
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("quote.runaway", "relations.csv", 5, "target")]
    assert issues[0].format("en").startswith(
        "relations.csv:5:target: a quote (\") opens a cell here and does not close within "
        "131,072 characters (")
    # Every line from the quote's row down: 3 rows of the good file, then the 20,000 added.
    assert issues[0].format("en").endswith("reading stops here (20,003 lines not read)")


def test_a_utf8_file_with_a_byte_no_encoding_has_is_refused_with_its_line(
        tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    data = (GOOD / "actors.csv").read_bytes().replace(b"Fondation", b"Fond\x81tion")
    (folder / "actors.csv").write_bytes(data)
    _, issues = check_workspace(folder)
    assert [(i.code, i.params["line"]) for i in issues] == [("file.encoding", 4)]


def test_one_row_past_the_limit_is_counted_in_the_singular(tmp_path: Path) -> None:
    folder = _copy_good(tmp_path / "ws")
    rows = (GOOD / "relations.csv").read_text(encoding="utf-8").splitlines()
    _, issues = check_workspace(folder, limits=Limits(rows=len(rows) - 2))
    stop = next(i for i in issues if i.code == "limit.rows")
    assert "la lecture s'arrête ici (1 ligne non lue)" in stop.format("fr")
    assert "reading stops here (1 line not read);" in stop.format("en")
