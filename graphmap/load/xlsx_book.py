"""Read a workspace from one ``.xlsx`` workbook (sheets ``actors``, ``projects``, ``relations``).

The workbook is read by graphmap's own streaming reader (``graphmap.load.xlsx_parts`` and
``graphmap.load.xlsx_sheet``): sizes are checked before anything is unzipped, rows are read
one chunk of XML at a time, and what a generic reader would read silently as blank (a
formula never computed) or fill in at length (a row at number 2,000,000,000) is reported.
A sheet is matched by name case-insensitively, French names accepted; two sheets for one
table is an error naming both.
"""

from __future__ import annotations

from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.i18n import Listing
from graphmap.load.csv_folder import TABLE_FILE_STEMS, check_input_size
from graphmap.load.issues import did_you_mean, error
from graphmap.load.limits import DEFAULT_LIMITS, Limits
from graphmap.load.raw import RawTable, rows_from_cells
from graphmap.load.xlsx_parts import Package
from graphmap.load.xlsx_sheet import cell_text, sheet_rows
from graphmap.schema import OPTIONAL_TABLES, TABLES, fold, suggest_from

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
        """Each table's sheet (names matched case-insensitively, French names accepted)."""
        label = self.path.name
        found: dict[str, RawTable] = {}
        issues: list[Issue] = []
        for table in (*TABLES, *OPTIONAL_TABLES):
            sheets = [s for s in self._package.sheets if fold(s.name) in TABLE_FILE_STEMS[table]]
            if not sheets and table in OPTIONAL_TABLES:
                continue  # an optional table may be absent
            if not sheets:
                close = suggest_from(table, self.sheetnames)
                issues.append(error("workspace.missing_sheet", label, None, None,
                                    sheet=table, suggestion=did_you_mean(close)))
                continue
            if len(sheets) > 1:
                issues.append(error("workspace.two_sheets", label, None, None, table=table,
                                    sheets=Listing(s.name for s in sheets)))
                continue
            sheet = sheets[0]
            sheet_label = f"{label}[{sheet.name}]"
            if sheet.kind != "worksheet" or sheet.part is None:
                issues.append(error("xlsx.not_worksheet", sheet_label, None, None,
                                    sheet=sheet.name, table=table))
                continue
            found[table] = rows_from_cells(table, sheet_label,
                                           sheet_rows(self._package, sheet.part, sheet_label))
        return found, issues
