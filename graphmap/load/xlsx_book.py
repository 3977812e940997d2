"""Read a workspace from one ``.xlsx`` workbook (sheets ``actors``, ``projects``, ``relations``).

The workbook is read by graphmap's own streaming reader (``graphmap.load.xlsx_parts`` and
``graphmap.load.xlsx_sheet``): sizes are checked before anything is unzipped, rows are read
one chunk of XML at a time, and what a generic reader would read silently as blank (a
formula never computed) or fill in at length (a row at number 2,000,000,000) is reported.
A sheet is matched by name case-insensitively, French names accepted; two sheets for one
table is an error naming both. A table with no sheet of its name is read from the one other
worksheet whose header row holds its required columns, with a warning
(``graphmap.load.locate``); otherwise the error lists the workbook's sheets.
"""

from __future__ import annotations

from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.i18n import Listing, Message
from graphmap.load.csv_folder import TABLE_FILE_STEMS, check_input_size
from graphmap.load.issues import did_you_mean, error, warning
from graphmap.load.limits import DEFAULT_LIMITS, Limits
from graphmap.load.locate import (
    HEADER_SEARCH_ROWS,
    TableName,
    TableNames,
    closest_name,
    found_names,
    guess_tables,
)
from graphmap.load.raw import NotedRow, RawTable, rows_from_cells
from graphmap.load.xlsx_parts import Package, SheetEntry
from graphmap.load.xlsx_sheet import cell_text, sheet_rows
from graphmap.schema import OPTIONAL_TABLES, TABLES, fold

__all__ = ["XlsxWorkbook", "cell_text"]


class XlsxWorkbook:
    """An open workbook; use as a context manager so the file is closed after reading.

    Raises
    ------
    graphmap.errors.InputError
        Not a readable workbook, or larger than ``input_bytes`` or (unzipped) ``xlsx_bytes``.
    """

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        check_input_size(path, [path], limits)
        self._package = Package.open(path, limits)

    def __enter__(self) -> XlsxWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self._package.close()

    @property
    def sheetnames(self) -> list[str]:
        return [sheet.name for sheet in self._package.sheets]

    def tables(self) -> tuple[dict[str, RawTable], list[Issue]]:
        """Each table's sheet (names matched case-insensitively, French names accepted; a
        table without one read from the sheet that has its columns, with a warning)."""
        label = self.path.name
        found: dict[str, RawTable] = {}
        issues: list[Issue] = []
        missing: list[str] = []
        for table in (*TABLES, *OPTIONAL_TABLES):
            sheets = [s for s in self._package.sheets if fold(s.name) in TABLE_FILE_STEMS[table]]
            if not sheets and table in OPTIONAL_TABLES:
                continue  # an optional table may be absent
            if not sheets:
                missing.append(table)
                continue
            if len(sheets) > 1:
                issues.append(error("workspace.two_sheets", label, None, None, table=table,
                                    sheets=Listing(s.name for s in sheets)))
                continue
            self._read(table, sheets[0], found, issues)
        if missing:
            self._guess(missing, found, issues)
        return found, issues

    def _read(self, table: str, sheet: SheetEntry, found: dict[str, RawTable],
              issues: list[Issue]) -> None:
        sheet_label = f"{self.path.name}[{sheet.name}]"
        if sheet.kind != "worksheet" or sheet.part is None:
            issues.append(error("xlsx.not_worksheet", sheet_label, None, None,
                                sheet=sheet.name, table=table))
            return
        found[table] = rows_from_cells(table, sheet_label,
                                       sheet_rows(self._package, sheet.part, sheet_label))

    def _guess(self, missing: list[str], found: dict[str, RawTable],
               issues: list[Issue]) -> None:
        """Read each ``missing`` table from the one unclaimed worksheet that has its
        columns, with a warning; else the error listing the workbook's sheets."""
        claimed = {fold(stem) for stems in TABLE_FILE_STEMS.values() for stem in stems}
        unclaimed = {s.name: s for s in self._package.sheets
                     if fold(s.name) not in claimed and s.kind == "worksheet" and s.part}
        guesses = guess_tables(missing, {name: self._first_rows(name, sheet.part or "")
                                         for name, sheet in unclaimed.items()})
        label = self.path.name
        for table in missing:
            if table in guesses.read_as:
                name, columns = guesses.read_as[table]
                issues.append(warning("workspace.sheet_guessed", f"{label}[{name}]", None, None,
                                      table=table, columns=", ".join(columns),
                                      rename=TableName(table)))
                self._read(table, unclaimed[name], found, issues)
                continue
            names = self.sheetnames
            issues.append(error(
                "workspace.missing_sheet", label, None, None, sheet=table,
                names=TableNames(table),
                found=Message("load.found.sheets", {"names": found_names(names),
                                                    "count": len(names)}),
                candidates=guesses.clause(table, "sheet"),
                suggestion=did_you_mean(closest_name(table, names))))

    def _first_rows(self, name: str, part: str) -> list[list[str]]:
        """The first rows of the worksheet ``part``, where its header row would be (what the
        reader notes on them is said when the sheet is read as a table)."""
        rows = sheet_rows(self._package, part, f"{self.path.name}[{name}]")
        first: list[list[str]] = []
        try:
            for number, cells in rows:
                if number > HEADER_SEARCH_ROWS or (isinstance(cells, NotedRow) and cells.stop):
                    break
                first.append(list(cells))
        finally:
            rows.close()
        return first
