"""Read a workspace folder of CSV files as people really save them (Excel, LibreOffice, Sheets).

UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), else Windows-1252 (French
Excel); comma, semicolon or tab delimiter sniffed from the header line; CRLF; quoted
cells with newlines (still one spreadsheet row); blank rows skipped, row numbers kept.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator, Sequence
from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.load.issues import did_you_mean, error
from graphmap.load.raw import RawTable, RowReadError, rows_from_cells
from graphmap.schema import TABLES, fold, suggest_from

# Accepted file stems per table (folded); the English name is the one graphmap writes.
TABLE_FILE_STEMS: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "acteurs"),
    "projects": ("projects", "projets"),
    "relations": ("relations", "liens"),
}
_OTHER_FORMATS = (".xlsx", ".xls", ".ods", ".numbers", ".txt", ".tsv")
_CHUNK = 1 << 20


def find_table_files(folder: Path) -> tuple[dict[str, Path], list[Issue]]:
    """The CSV file of each table in ``folder`` (names matched case-insensitively)."""
    try:
        entries = sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(folder),
                         detail=exc.strerror or str(exc)) from exc
    csv_files = {fold(p.stem): p for p in entries if p.suffix.lower() == ".csv"}
    found: dict[str, Path] = {}
    issues: list[Issue] = []
    for table in TABLES:
        expected = f"{table}.csv"
        match = next((csv_files[s] for s in TABLE_FILE_STEMS[table] if s in csv_files), None)
        if match is not None:
            found[table] = match
            continue
        other = next((p for p in entries if fold(p.stem) in TABLE_FILE_STEMS[table]
                      and p.suffix.lower() in _OTHER_FORMATS), None)
        if other is not None:
            issues.append(error("workspace.wrong_format", expected, None, None,
                                file=expected, found=other.name))
            continue
        close = suggest_from(table, [p.stem for p in csv_files.values()])
        issues.append(error("workspace.missing_file", expected, None, None, file=expected,
                            folder=str(folder),
                            suggestion=did_you_mean(f"{close}.csv" if close else None)))
    return found, issues


def read_csv_table(table: str, path: Path) -> RawTable:
    """Open one table's CSV file; its rows are read lazily, one at a time."""
    label = path.name
    encoding, issue = detect_encoding(path)
    if issue is not None:
        return RawTable(table, label, iter(()), [issue], usable=False)
    delimiter = sniff_delimiter(path, encoding)
    return rows_from_cells(table, label, _records(path, label, encoding, delimiter))


def _records(path: Path, label: str, encoding: str,
             delimiter: str) -> Iterator[tuple[int, Sequence[str]]]:
    with path.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, cells
        except csv.Error as exc:
            raise RowReadError(error("file.csv_syntax", label, number + 1, None,
                                     detail=str(exc))) from exc


def detect_encoding(path: Path) -> tuple[str, Issue | None]:
    """The encoding to read ``path`` with, or the issue saying why it cannot be read.

    UTF-8 is tried on the whole file (in chunks, so a large file is not held in memory);
    if it fails, Windows-1252, which is what French Excel writes for "CSV (séparateur :
    point-virgule)".
    """
    label = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            if head.startswith(b"PK\x03\x04"):
                return "", error("file.is_workbook", label, None, None, file=label)
            if head.startswith(b"\xd0\xcf\x11\xe0"):
                return "", error("file.is_xls", label, None, None, file=label)
            handle.seek(0)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                encoding = "utf-16"
                bad = _first_undecodable(handle, encoding)
            elif _decodes(handle, "utf-8"):
                return "utf-8-sig", None
            else:
                encoding = "cp1252"
                handle.seek(0)
                bad = _first_undecodable(handle, encoding)
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(path),
                         detail=exc.strerror or str(exc)) from exc
    if bad is None:
        return encoding, None
    offset, line = bad
    return "", error("file.encoding", label, None, None, line=line, offset=offset)


def _decodes(handle: object, encoding: str) -> bool:
    return _first_undecodable(handle, encoding) is None


def _first_undecodable(handle: object, encoding: str) -> tuple[int, int] | None:
    """``(byte offset, line)`` of the first byte ``encoding`` cannot decode, or ``None``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    read = handle.read  # type: ignore[attr-defined]
    start = 0
    lines = 1
    while True:
        chunk: bytes = read(_CHUNK)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return start + exc.start, lines + chunk.count(b"\n", 0, exc.start)
        if not chunk:
            return None
        lines += chunk.count(b"\n")
        start += len(chunk)


def sniff_delimiter(path: Path, encoding: str) -> str:
    """``;``, tab or ``,``: the most frequent outside quotes on the first non-blank line."""
    with path.open(encoding=encoding, newline="") as handle:
        for line in handle:
            if line.strip():
                break
        else:
            return ","
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


def read_csv_folder(folder: Path) -> tuple[dict[str, RawTable], list[Issue]]:
    """Every table of a CSV workspace folder that exists, and the issues of missing ones."""
    files, issues = find_table_files(folder)
    return {table: read_csv_table(table, path) for table, path in files.items()}, issues

