"""Fuzzing the readers (bounded for CI): damaged CSV bytes, crafted sheet XML, odd JSON values.

Every input either loads with every row accounted for (each non-blank row is a record of
the Dataset) or is refused with located errors, and ``graphmap validate`` never exits 70.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsx_craft import Formula, cell_xml, csv_table, write_workbook

from graphmap.cli import cli
from graphmap.errors import InputError, UsageError
from graphmap.load.encoding import sniff_encoding
from graphmap.load.neutral import restore
from graphmap.load.xlsx_sheet import cell_text
from graphmap.workspace import check_workspace

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
TABLES = ("actors", "projects", "relations")
# A few seconds each in CI; GRAPHMAP_FUZZ_EXAMPLES=5000 for a long hunt.
FUZZ = settings(max_examples=int(os.environ.get("GRAPHMAP_FUZZ_EXAMPLES", "40")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _never_an_internal_error(path: Path) -> int:
    result = CliRunner().invoke(cli, ["validate", str(path), "--lang", "en"])
    assert result.exit_code in (0, 1, 2), result.output
    assert "internal error" not in result.output
    return result.exit_code


def _located_or_loaded(path: Path, labels: set[str]) -> object:
    """The Dataset, or ``None`` after checking that every issue is located and renders."""
    refusal: InputError | UsageError | None = None
    try:
        dataset, issues = check_workspace(path)
    except (InputError, UsageError) as exc:
        refusal = exc
    if refusal is not None:
        assert refusal.render("fr")
        assert "\n" not in refusal.render("en")
        return None
    for issue in issues:
        assert issue.file.split("[")[0] in labels, issue
        for lang in ("fr", "en"):
            assert "\n" not in issue.format(lang)
    if dataset is None:
        assert any(i.is_error for i in issues)
    return dataset


# -- CSV bytes ---------------------------------------------------------------------------------
_INSERTS = st.sampled_from([b'"', b'"', b",", b";", b"\n", b"\r\n", b"\r", b"'", b"=", b"\xe9",
                            b"\x81", b"\xff", b"\x00", b'""', b"\xc3\xa9", b"\t", b" "])
_MUTATION = st.tuples(st.sampled_from(TABLES), st.floats(0, 1), st.integers(0, 3), _INSERTS)


def _mutate(data: bytes, where: float, cut: int, insert: bytes) -> bytes:
    at = int(where * len(data))
    return data[:at] + insert + data[at + cut:]


def _non_blank_rows(data: bytes, path: Path) -> list[int]:
    """An independent count of the data rows: row structure depends only on ASCII quotes,
    delimiters and newlines, so Latin-1 decodes it faithfully."""
    from graphmap.load.csv_folder import sniff_delimiter

    encoding, _ = sniff_encoding(path)
    assert encoding is not None
    text = data.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    rows = list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=sniff_delimiter(path, encoding)))
    filled = [n for n, row in enumerate(rows, start=1) if any(restore(c).strip() for c in row)]
    return filled[1:]  # the header: the first row that is not blank (blank lines above it)


@FUZZ
@given(st.lists(_MUTATION, min_size=1, max_size=4))
def test_damaged_csv_loads_every_row_or_is_refused_with_located_errors(
        mutations: list[tuple[str, float, int, bytes]]) -> None:
    files = {t: (GOOD / f"{t}.csv").read_bytes() for t in TABLES}
    for table, where, cut, insert in mutations:
        files[table] = _mutate(files[table], where, cut, insert)
    with tempfile.TemporaryDirectory(prefix="graphmap-fuzz-") as tmp:
        folder = Path(tmp)
        for table, data in files.items():
            (folder / f"{table}.csv").write_bytes(data)
        _never_an_internal_error(folder)
        dataset = _located_or_loaded(folder, {f"{t}.csv" for t in TABLES})
        if dataset is None:
            return
        for table in TABLES:
            rows = _non_blank_rows(files[table], folder / f"{table}.csv")
            records = getattr(dataset, table)
            assert len(records) == len(rows), table
            if table != "relations":
                assert [r.origin.row for r in records] == rows


# -- sheet XML -----------------------------------------------------------------------------------
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",),
                                       blacklist_characters="\x00\ufffe\uffff"), max_size=6)
_value = st.one_of(_text, st.integers(-10**6, 10**6), st.floats(allow_nan=False,
                                                                 allow_infinity=False),
                   st.booleans(), st.none(),
                   st.builds(Formula, st.sampled_from(["A1", "1+1", "SUM(A1:B2)", ""]),
                             st.one_of(st.none(), st.integers(0, 9), st.just("txt"))))
_raw_cells = st.sampled_from(['<c r="B{n}" t="s"><v>0</v></c>', '<c t="s"><v>99</v></c>',
                              '<c r="ZZZZZ{n}"><v>1</v></c>', '<c t="e"><v>#N/A</v></c>',
                              '<c t="d"><v>2024-02-30</v></c>', '<c t="b"><v>x</v></c>',
                              '<c r="A{n}"><v>1e999</v></c>', '<c><v>' + "9" * 5000 + "</v></c>",
                              '<c t="inlineStr"><is><r><t>a</t></r><rPh><t>b</t></rPh></is></c>'])
_junk = st.sampled_from(["", "", "", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "</sheetData>", "&bad;",
                         "<row r='x'/>", "<row r='3000000000'/>", "\x01", "<c/>"])


@st.composite
def _sheet(draw: st.DrawFn, header: list[object]) -> str:
    parts = [f'<row r="1">{"".join(cell_xml(1, i, h) for i, h in enumerate(header))}</row>']
    number = 1
    for _ in range(draw(st.integers(0, 6))):
        number += draw(st.sampled_from([1, 1, 1, 2, 50]))
        cells = "".join(cell_xml(number, i, v) for i, v in
                        enumerate(draw(st.lists(_value, max_size=len(header) + 1))))
        if draw(st.booleans()):
            cells += draw(_raw_cells).replace("{n}", str(number))
        parts.append(f'<row r="{number}">{cells}</row>' if draw(st.booleans())
                     else f"<row>{cells}</row>")
    body = "".join(parts)
    at = draw(st.integers(0, len(body)))
    body = body[:at] + draw(_junk) + body[at:]
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
            f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData>'
            "</worksheet>")


_HEADERS = {t: csv_table((GOOD / f"{t}.csv").read_text(encoding="utf-8"))[0][1]
            for t in TABLES}


@FUZZ
@given(st.fixed_dictionaries({t: _sheet(list(_HEADERS[t])) for t in TABLES}))
def test_crafted_sheets_load_or_are_refused_with_located_errors(sheets: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-fuzz-") as tmp:
        folder = Path(tmp)
        strings = ('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main"><si><t>partagé</t></si></sst>').encode()
        path = write_workbook(folder / "book.xlsx", list(sheets.items()),
                              raw_parts={"xl/sharedStrings.xml": strings})
        _never_an_internal_error(path)
        _located_or_loaded(path, {"book.xlsx"})


# What a spreadsheet user types; openpyxl writes formulas without computed values.
_plain = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=6)
_typed = st.one_of(_plain.filter(lambda s: not s.startswith("=")), st.integers(-10**9, 10**9),
                   st.floats(-1e12, 1e12, allow_nan=False), st.booleans(), st.none(),
                   st.dates(dt.date(1950, 1, 1), dt.date(2100, 1, 1)),
                   st.sampled_from(["=A1", "=1+2"]))


@FUZZ
@given(st.lists(st.lists(_typed, max_size=8), max_size=12))
def test_the_workbook_reader_reads_what_openpyxl_reads(rows: list[list[object]]) -> None:
    from openpyxl import Workbook, load_workbook

    from graphmap.load.limits import DEFAULT_LIMITS
    from graphmap.load.xlsx_parts import Package
    from graphmap.load.xlsx_sheet import sheet_rows

    with tempfile.TemporaryDirectory(prefix="graphmap-fuzz-") as tmp:
        folder = Path(tmp)
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(folder / "t.xlsx")
        reference = load_workbook(folder / "t.xlsx", read_only=True, data_only=True)
        sheet = reference.active
        sheet.reset_dimensions()
        expected = {}
        formulas = {}
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                expected[number] = cells
        for number, row in enumerate(rows, start=1):
            found = {i: v for i, v in enumerate(row) if isinstance(v, str) and v[:1] == "="}
            if found:
                formulas[number] = found
        reference.close()
        package = Package.open(folder / "t.xlsx", DEFAULT_LIMITS)
        try:
            entry = package.sheets[0]
            assert entry.part is not None
            got = list(sheet_rows(package, entry.part, "t"))
        finally:
            package.close()
        assert {n: list(c) for n, c in got if c} == expected
        assert {n: dict(c.formulas) for n, c in got  # type: ignore[attr-defined]
                if getattr(c, "formulas", None)} == formulas


@FUZZ
@given(st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=4)), min_size=1,
                max_size=6))
def test_a_workbook_with_damaged_bytes_is_refused_cleanly(damage: list[tuple[float, bytes]]
                                                          ) -> None:
    data = bytearray((ROOT / "examples" / "laurentides.xlsx").read_bytes())
    for where, junk in damage:
        at = int(where * (len(data) - len(junk)))
        data[at:at + len(junk)] = junk
    with tempfile.TemporaryDirectory(prefix="graphmap-fuzz-") as tmp:
        folder = Path(tmp)
        path = folder / "book.xlsx"
        path.write_bytes(bytes(data))
        _never_an_internal_error(path)
        _located_or_loaded(path, {"book.xlsx"})


# -- JSON values ---------------------------------------------------------------------------------
_json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), _text,
    st.sampled_from(["a1", "p1", "public", "porte", "funds", "12 500 $", "2023"]))
_json_value = st.recursive(_json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)), max_leaves=5)
_odd_text = st.sampled_from(['"\\ud800"', '"\\udfff x"', '"\\ud83d\\ude00"', "9" * 4400,
                             "-" + "9" * 5000, "NaN", "-Infinity", "1e400", '"\\u0000"',
                             '"\\u001b[31m"'])


@st.composite
def _json_document(draw: st.DrawFn) -> str:
    headers = {"actors": ["id", "name", "nom", "sector", "secteur"],
               "projects": ["id", "name", "stage", "étape"],
               "relations": ["source", "target", "type", "amount", "weight", "cible"]}
    tables = []
    for table in draw(st.lists(st.sampled_from([*TABLES, "acteurs", "liens"]), max_size=4)):
        records = []
        for _ in range(draw(st.integers(0, 4))):
            keys = draw(st.lists(st.sampled_from(headers.get(table, headers["actors"])),
                                 max_size=6))  # repeated keys included
            fields = [f"{json.dumps(k)}: " + (draw(_odd_text) if draw(st.booleans())
                                               else json.dumps(draw(_json_value)))
                      for k in keys]
            records.append("{" + ", ".join(fields) + "}")
        tables.append(f'{json.dumps(table)}: [{", ".join(records)}]')
    return "{" + ", ".join(tables) + "}"


@FUZZ
@given(_json_document())
def test_odd_json_loads_or_is_refused_with_located_errors(document: str) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-fuzz-") as tmp:
        folder = Path(tmp)
        path = folder / "ws.json"
        path.write_text(document, encoding="utf-8")
        _never_an_internal_error(path)
        _located_or_loaded(path, {"ws.json"})


def test_a_missing_type_column_is_an_error_not_a_crash(tmp_path: Path) -> None:
    # Found by the fuzzer: a relation row checked without its (missing) type column.
    (tmp_path / "actors.csv").write_text("", encoding="utf-8")
    (tmp_path / "projects.csv").write_text("", encoding="utf-8")
    (tmp_path / "relations.csv").write_text("source,target\na1,a1", encoding="utf-8")
    assert _never_an_internal_error(tmp_path) == 1
