"""Read a workspace from one ``.xlsx`` workbook (sheets ``actors``, ``projects``, ``relations``).

openpyxl is imported here only, in read-only streaming mode: rows are read one at a time.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.load.csv_folder import TABLE_FILE_STEMS
from graphmap.load.issues import did_you_mean, error
from graphmap.load.raw import RawTable, RowReadError, rows_from_cells, scalar_text
from graphmap.schema import TABLES, fold, suggest_from


def cell_text(value: Any) -> str:
    """A cell as the text a user typed: ``2021`` not ``2021.0``, dates as ISO ``YYYY-MM-DD``.

    >>> cell_text(2021.0), cell_text(12500.5), cell_text(None), cell_text(dt.date(2022, 3, 1))
    ('2021', '12500.5', '', '2022-03-01')
    """
    text = scalar_text(value)
    if text is not None:
        return text
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


class XlsxWorkbook:
    """An open workbook; use as a context manager so the file is closed after reading."""

    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook  # heavy: only when a workbook is read

        self.path = path
        try:
            self._book = load_workbook(path, read_only=True, data_only=True)
        except _BROKEN as exc:
            raise InputError("validation.bad_workbook", path=str(path)) from exc
        except OSError as exc:
            raise InputError("validation.unreadable", path=str(path),
                             detail=exc.strerror or str(exc)) from exc

    def __enter__(self) -> XlsxWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self._book.close()

    def tables(self) -> tuple[dict[str, RawTable], list[Issue]]:
        """Each table's sheet (names matched case-insensitively, French names accepted)."""
        sheets = {fold(name): name for name in self._book.sheetnames}
        found: dict[str, RawTable] = {}
        issues: list[Issue] = []
        for table in TABLES:
            name = next((sheets[s] for s in TABLE_FILE_STEMS[table] if s in sheets), None)
            if name is None:
                close = suggest_from(table, self._book.sheetnames)
                issues.append(error("workspace.missing_sheet", self.path.name, None, None,
                                    sheet=table, suggestion=did_you_mean(close)))
                continue
            found[table] = self._table(table, name)
        return found, issues

    def _table(self, table: str, sheet: str) -> RawTable:
        worksheet = self._book[sheet]
        if hasattr(worksheet, "reset_dimensions"):
            # Some writers store a wrong sheet size; read every row the sheet really has.
            worksheet.reset_dimensions()
        label = f"{self.path.name}[{sheet}]"
        return rows_from_cells(table, label, _records(worksheet, label))


# What a damaged workbook raises from inside openpyxl (zip, XML or cell-value errors).
_BROKEN = (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, SyntaxError,
           EOFError)


def _records(worksheet: Any, label: str) -> Iterator[tuple[int, Sequence[str]]]:
    number = 0
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield number, [cell_text(v) for v in values]
    except _BROKEN as exc:
        raise RowReadError(error("file.bad_sheet", label, number + 1, None)) from exc
