"""Stream the rows of one worksheet of an ``.xlsx`` workbook, as text cells, with bounded work.

Rows are read as expat hands over chunks of the sheet's XML: memory holds one chunk's rows,
never the sheet. Values are read as openpyxl reads them with ``data_only=True`` (numbers as
typed, dates from the cell's number format, booleans, shared and inline strings), and what
openpyxl would read silently as blank is said:

- a cell holding a formula with no computed value (no ``<v>``, or an empty one that is not
  a text result: the workbook was written by a program, never opened and saved by a
  spreadsheet) -> the reader notes it (``xlsx.formula_no_value``);
- a row number past ``[limits] rows`` or past the format's 1,048,576 (from the sheet's
  ``dimension`` before any row is read, or from the row itself) -> reading stops with an
  error, before any gap of empty rows is filled in;
- a value longer than ``cell_chars`` -> reading stops with an error at that cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.i18n import EMPTY
from graphmap.load.issues import Number, error
from graphmap.load.limits import XLSX_MAX_COLUMN, XLSX_MAX_ROW
from graphmap.load.raw import NotedRow, column_letter, scalar_text
from graphmap.load.xlsx_parts import DAMAGED, OversizeString, Package, local_name, parse_xml

__all__ = ["cell_text", "sheet_rows"]

_DIGITS = "0123456789"
_FORMULA_SHOWN = 200
# What ``collecting`` gathers: nothing, a <v> value, inline-string text, a formula.
_NONE, _VALUE, _INLINE, _FORMULA = 0, 1, 2, 3


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


class _Stop(Exception):
    """Reading the sheet stops at ``row`` with ``issue``."""

    def __init__(self, row: int, issue: Issue) -> None:
        super().__init__(issue.code)
        self.row = row
        self.issue = issue


def _column_index(letters: str) -> int:
    """0-based index of column letters: ``A`` -> 0, ``AA`` -> 26; ``-1`` if not letters."""
    index = 0
    for char in letters.upper():
        code = ord(char) - 64
        if not 1 <= code <= 26:
            return -1
        index = index * 26 + code
    return index - 1


class _Values:
    """Turns the stored form of a cell (type, style, text) into the text a user typed."""

    def __init__(self, package: Package) -> None:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.strings = package.strings()
        self.strings_complete = package.strings_complete
        self.dates = frozenset(str(i) for i in package.date_styles)
        self.durations = frozenset(str(i) for i in package.timedelta_styles)
        self.epoch = CALENDAR_MAC_1904 if package.epoch_1904 else CALENDAR_WINDOWS_1900

    def number(self, text: str, style: str | None) -> str:
        if style is not None and style in self.dates:
            return self._date(text, style)
        if text.isdigit() and (text[0] != "0" or text == "0"):
            return text  # the common case: an integer as typed
        number = _cast_number(text)
        return text if number is None else cell_text(number)

    def _date(self, text: str, style: str) -> str:
        from openpyxl.utils.datetime import from_excel

        number = _cast_number(text)
        if number is None:
            return text
        try:
            return cell_text(from_excel(number, self.epoch, timedelta=style in self.durations))
        except (OverflowError, ValueError):
            return text  # not a date after all: the number as written

    def shared(self, text: str) -> str | OversizeString | None:
        """The shared string ``text`` points to; ``None`` when it points nowhere."""
        try:
            index = int(text)
        except ValueError:
            return None
        if 0 <= index < len(self.strings):
            return self.strings[index]
        if not self.strings_complete:
            return OversizeString(0)  # past a refused string: unknown
        return None

    @staticmethod
    def other(kind: str, text: str) -> str:
        if kind == "b":
            try:
                return "true" if int(text) else "false"
            except ValueError:
                return text
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                return cell_text(from_ISO8601(text))
            except ValueError:
                return text
        return text  # "str" (a formula's text), "e" (an error such as #N/A)


def _cast_number(text: str) -> int | float | None:
    try:
        if "." in text or "E" in text or "e" in text:
            return float(text)
        return int(text)
    except ValueError:
        return None


def sheet_rows(package: Package, part: str, label: str  # noqa: PLR0915
               ) -> Generator[tuple[int, list[str]], None, None]:
    """The non-empty rows of the worksheet ``part``, numbered as the spreadsheet shows them;
    a row with formulas that have no value is a ``NotedRow``, and a stop is a ``NotedRow``
    carrying the error with ``stop`` set."""
    limits = package.limits
    last_row = min(limits.rows + 1, XLSX_MAX_ROW)
    cell_limit = limits.cell_chars
    values = _Values(package)
    ready: list[tuple[int, list[str]]] = []
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    row_number = 0
    cells: list[str] = []
    formulas: dict[int, str] = {}
    col = -1
    kind = "n"
    style: str | None = None
    collecting = _NONE
    pieces: list[str] = []
    size = 0
    value: str | None = None
    formula: str | None = None
    inline = False
    phonetic = 0

    def refuse_row(number: int) -> _Stop:
        if number > XLSX_MAX_ROW:
            return _Stop(number, error("xlsx.row_out_of_range", label, number, None,
                                       row=Number(number), last=Number(XLSX_MAX_ROW)))
        return _Stop(number, error("limit.rows", label, number, None,
                                   limit=Number(limits.rows), setting="rows", unread=EMPTY))

    # The handlers run once per XML element: one flat if-chain, most frequent tags first.
    def start(name: str, attrs: dict[str, str]) -> None:  # noqa: PLR0912
        nonlocal row_number, col, kind, style, collecting, size, value, formula, inline
        nonlocal phonetic, cells, formulas
        tag = names.get(name)
        if tag is None:
            tag = names[name] = local_name(name)
        if tag == "c":
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip(_DIGITS)
                index = columns.get(letters)
                if index is None:
                    index = columns[letters] = _column_index(letters)
                col = index if index >= 0 else col + 1
            else:
                col += 1
            if col >= XLSX_MAX_COLUMN:
                raise _Stop(row_number, error("file.bad_sheet", label, row_number, None))
            kind = attrs.get("t", "n")
            style = attrs.get("s")
            value = formula = None
        elif tag == "v":
            collecting, size = _VALUE, 0
            pieces.clear()
        elif tag == "row":
            ref = attrs.get("r")
            try:
                number = int(ref) if ref else row_number + 1
            except ValueError:
                raise _Stop(row_number + 1, error("file.bad_sheet", label, row_number + 1,
                                                  None)) from None
            if number > last_row:
                raise refuse_row(number)
            row_number = number
            cells = []
            formulas = {}
            col = -1
        elif tag == "f":
            collecting, size = _FORMULA, 0
            pieces.clear()
        elif tag == "is":
            inline, size = True, 0
            pieces.clear()
        elif tag == "t":
            if inline and not phonetic:
                collecting = _INLINE
        elif tag == "rPh":
            phonetic += 1
        elif tag == "dimension":
            # Before any row: a sheet that says it is too long is refused unread.
            last = attrs.get("ref", "").rpartition(":")[2].lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            if last.isdigit() and int(last) > last_row:
                raise refuse_row(int(last))

    def end(name: str) -> None:  # noqa: PLR0912
        nonlocal collecting, value, formula, inline, phonetic
        tag = names.get(name) or local_name(name)
        if tag == "c":
            if kind == "inlineStr":
                text = value or ""
            elif value:
                text = _value_text(value)
            else:
                text = ""
                # No value, or an empty one (openpyxl writes <v/>), is a formula never
                # computed; only a text formula ("str") can compute to nothing.
                if formula is not None and kind != "str":
                    formulas[col] = formula
            if text:
                count = len(cells)
                if col == count:
                    cells.append(text)
                elif col > count:
                    cells.extend([""] * (col - count))
                    cells.append(text)
                else:
                    cells[col] = text
        elif tag == "v":
            value = "".join(pieces)
            collecting = _NONE
        elif tag == "row":
            if cells or formulas:
                ready.append((row_number, NotedRow(cells, formulas=formulas)
                              if formulas else cells))
        elif tag == "f":
            shown = "".join(pieces)[:_FORMULA_SHOWN]
            formula = f"={shown}" if shown else "=…"
            collecting = _NONE
        elif tag == "t":
            if collecting == _INLINE:
                collecting = _NONE
        elif tag == "is":
            inline = False
            value = "".join(pieces)
        elif tag == "rPh":
            phonetic -= 1

    def text(data: str) -> None:
        nonlocal size
        if collecting:
            size += len(data)
            if size > cell_limit:
                if collecting == _FORMULA:
                    return  # only shown in a message: the rest is not needed
                raise _Stop(row_number, error("limit.cell_chars", label, row_number,
                                              column_letter(col), limit=Number(cell_limit),
                                              setting="cell_chars"))
            pieces.append(data)

    def _value_text(stored: str) -> str:
        if kind == "n":
            return values.number(stored, style)
        if kind == "s":
            found = values.shared(stored)
            if isinstance(found, OversizeString):
                raise _Stop(row_number, error("limit.cell_chars", label, row_number,
                                              column_letter(col), limit=Number(cell_limit),
                                              setting="cell_chars"))
            if found is None:
                raise _Stop(row_number, error("file.bad_sheet", label, row_number, None))
            return found
        return values.other(kind, stored)

    try:
        with package.member(part) as stream:
            for _ in parse_xml(stream, start, end, text):
                if ready:
                    yield from ready
                    ready.clear()
    except _Stop as stop:
        yield from ready
        yield stop.row, NotedRow(issues=[stop.issue], stop=True)
    except DAMAGED:
        yield from ready
        yield row_number + 1, NotedRow(
            issues=[error("file.bad_sheet", label, row_number + 1, None)], stop=True)
