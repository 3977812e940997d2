"""Read a workspace folder of CSV files as people really save them (Excel, LibreOffice, Sheets).

UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text"), else Windows-1252 (French
Excel), decided per file from its bytes (``graphmap.load.encoding``); comma, semicolon or
tab delimiter sniffed from the header line; CRLF; quoted cells with newlines (still one
spreadsheet row); blank rows skipped, row numbers kept.

This module finds the table files and sniffs each one's delimiter; the rows of one file
are read by ``graphmap.load.csv_rows`` (quoting strictly: a misplaced quote silently merges
rows) and, below the header search, as blocks of columns (``graphmap.load.csv_blocks``).
"""

from __future__ import annotations

import codecs
import csv
import itertools
from collections.abc import Iterable
from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.i18n import Listing, Message
from graphmap.load.csv_rows import CsvRecords
from graphmap.load.encoding import CsvEncoding, sniff_encoding
from graphmap.load.issues import did_you_mean, error, warning
from graphmap.load.limits import DEFAULT_LIMITS, Limits, size_text
from graphmap.load.locate import (
    HEADER_SEARCH_ROWS,
    TableName,
    TableNames,
    closest_name,
    found_names,
    guess_tables,
)
from graphmap.load.raw import RawTable, rows_from_cells
from graphmap.schema import OPTIONAL_TABLES, TABLES, fold

__all__ = ["TABLE_FILE_STEMS", "check_input_size", "find_table_files", "read_csv_folder",
           "read_csv_table", "sniff_delimiter", "table_candidates"]

# Accepted file stems per table (folded); the English name is the one graphmap writes.
TABLE_FILE_STEMS: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "acteurs"),
    "projects": ("projects", "projets"),
    "relations": ("relations", "liens"),
    "territories": ("territories", "territoires"),
}
# How much of a CSV file is read to see whether its header row is that of a missing table.
_PROBE_BYTES = 64 * 1024
_OTHER_FORMATS = (".xlsx", ".xls", ".ods", ".numbers", ".txt", ".tsv")


def table_candidates(folder: Path, table: str) -> list[Path]:
    """Every CSV file of ``folder`` that could hold ``table`` (English or French name, any
    case), sorted by name."""
    return [p for p in _files_of(folder) if p.suffix.lower() == ".csv" and _named(p, table)]


def _named(path: Path, table: str) -> bool:
    """Whether ``path``'s name, less its extension, is one of ``table``'s (any case)."""
    return fold(path.stem) in TABLE_FILE_STEMS[table]


def _files_of(folder: Path) -> list[Path]:
    """The files of ``folder``, sorted by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(folder),
                         detail=exc.strerror or str(exc)) from exc


def find_table_files(folder: Path) -> tuple[dict[str, Path], list[Issue]]:
    """The CSV file of each table in ``folder`` (names matched case-insensitively).

    Two files for one table (``acteurs.csv`` beside ``actors.csv``, ``Actors.csv`` beside
    ``actors.csv``) is an error naming both: reading either would silently ignore the other.
    A table with no file of its name is read from the one other CSV file whose header row
    holds its required columns (``partenaires.csv`` with ``id``, ``nom``, ``secteur``), with
    a warning; otherwise the error lists the folder's CSV files.
    """
    entries = _files_of(folder)
    csv_files = [p for p in entries if p.suffix.lower() == ".csv"]
    found: dict[str, Path] = {}
    issues: list[Issue] = []
    missing: list[str] = []
    for table in (*TABLES, *OPTIONAL_TABLES):
        expected = f"{table}.csv"
        matches = [p for p in csv_files if _named(p, table)]
        if len(matches) > 1:
            issues.append(error("workspace.two_files", matches[0].name, None, None,
                                table=table, files=Listing(p.name for p in matches)))
            continue
        if matches:
            found[table] = matches[0]
            continue
        if table in OPTIONAL_TABLES:
            continue  # an optional table may be absent
        other = next((p for p in entries
                      if _named(p, table) and p.suffix.lower() in _OTHER_FORMATS), None)
        if other is not None:
            issues.append(error("workspace.wrong_format", expected, None, None,
                                file=expected, found=other.name))
            continue
        missing.append(table)
    if missing:
        issues.extend(_guessed_files(folder, csv_files, missing, found))
    return found, issues


def _guessed_files(folder: Path, csv_files: list[Path], missing: list[str],
                   found: dict[str, Path]) -> list[Issue]:
    """Read each ``missing`` table from the one unclaimed CSV file that has its columns
    (added to ``found``, with a warning), else the error listing the folder's CSV files."""
    claimed = {fold(stem) for stems in TABLE_FILE_STEMS.values() for stem in stems}
    unclaimed = [p for p in csv_files if fold(p.stem) not in claimed]
    guesses = guess_tables(missing, {p.name: _first_rows(p) for p in unclaimed})
    issues: list[Issue] = []
    by_name = {p.name: p for p in unclaimed}
    for table in missing:
        if table in guesses.read_as:
            name, columns = guesses.read_as[table]
            found[table] = by_name[name]
            issues.append(warning("workspace.file_guessed", name, None, None, table=table,
                                  columns=", ".join(columns), rename=TableName(table, ".csv")))
            continue
        expected = f"{table}.csv"
        close = closest_name(table, [p.stem for p in csv_files])
        names = [p.name for p in csv_files]
        listed = (Message("load.found.files", {"names": found_names(names),
                                               "count": len(names)})
                  if names else Message("load.found.no_files"))
        issues.append(error("workspace.missing_file", expected, None, None, file=expected,
                            folder=str(folder), names=TableNames(table, ".csv"), found=listed,
                            candidates=guesses.clause(table, "file"),
                            suggestion=did_you_mean(f"{close}.csv" if close else None)))
    return issues


def _first_rows(path: Path) -> list[list[str]]:
    """The first rows of a CSV file, where its header row would be, read from its first
    bytes only (the file may be large and about something else); none when it is not text."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_PROBE_BYTES)
    except OSError:
        return []
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return []  # a workbook renamed .csv
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        try:  # the cut at the end of ``head`` may split a character: not final
            codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
            codec = "utf-8-sig"
        except UnicodeDecodeError:
            codec = "cp1252"
    lines = head.decode(codec, errors="replace").splitlines()[:HEADER_SEARCH_ROWS]
    try:
        return list(csv.reader(lines, delimiter=delimiter_of_lines(lines)))
    except csv.Error:
        return []


def read_csv_table(table: str, path: Path, limits: Limits = DEFAULT_LIMITS) -> RawTable:
    """Open one table's CSV file; its rows are read lazily, one at a time."""
    label = path.name
    encoding, issue = sniff_encoding(path)
    if encoding is None:
        return RawTable(table, label, iter(()), [issue] if issue else [], usable=False)
    delimiter = sniff_delimiter(path, encoding)
    return rows_from_cells(table, label,
                           CsvRecords(path, encoding, delimiter, limits, table).rows())


def sniff_delimiter(path: Path, encoding: CsvEncoding) -> str:
    """``;``, tab or ``,``: as :func:`delimiter_of_lines` finds it in the file's first lines."""
    with path.open(encoding=encoding.codec, errors=encoding.errors, newline="") as handle:
        return delimiter_of_lines(handle)


def delimiter_of_lines(lines: Iterable[str]) -> str:
    """The delimiter (:func:`delimiter_of`) of the first non-blank line that has one, within
    the first ``HEADER_SEARCH_ROWS`` lines: a title above the header ("Répertoire 2025", no
    separator) says nothing of it; ``,`` when no line has one.

    >>> delimiter_of_lines(["Répertoire des partenaires", "", "id;nom;secteur"])
    ';'
    >>> delimiter_of_lines(["", "id,nom"]), delimiter_of_lines(["Titre"])
    (',', ',')
    """
    for line in itertools.islice(lines, HEADER_SEARCH_ROWS):
        if _has_delimiter(line):
            return delimiter_of(line)
    return ","


def _has_delimiter(line: str) -> bool:
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in ",;\t":
            return True
    return False


def delimiter_of(line: str) -> str:
    """``;``, tab or ``,``: the most frequent outside quotes in ``line`` (a tie goes to ``,``).

    >>> delimiter_of("id;nom;secteur"), delimiter_of('"a,b";c'), delimiter_of("")
    (';', ';', ',')
    """
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


def read_csv_folder(folder: Path, limits: Limits = DEFAULT_LIMITS
                    ) -> tuple[dict[str, RawTable], list[Issue]]:
    """Every table of a CSV workspace folder that exists, and the issues of missing ones.

    Raises
    ------
    graphmap.errors.InputError
        The table files together are larger than ``limits.input_bytes``.
    """
    files, issues = find_table_files(folder)
    check_input_size(folder, list(files.values()), limits)
    return {table: read_csv_table(table, path, limits) for table, path in files.items()}, issues


def check_input_size(workspace: Path, files: list[Path], limits: Limits) -> None:
    """Refuse, before reading a byte, a workspace whose files exceed ``input_bytes``."""
    try:
        size = sum(p.stat().st_size for p in files)
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(workspace),
                         detail=exc.strerror or str(exc)) from exc
    if size > limits.input_bytes:
        raise InputError("load.limit.input_bytes", path=str(workspace), size=size_text(size),
                         limit=size_text(limits.input_bytes), setting="input_bytes")
