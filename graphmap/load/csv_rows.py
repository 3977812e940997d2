"""The rows of one CSV file, as the csv module reads them, and blocks of its plain stretches.

The reader of ``graphmap.load.csv_folder``: rows are numbered as the spreadsheet shows
them, the reader's findings (quoting, limits, a change of encoding) are ``NotedRow``
issues at their row, and below the header search each plain stretch comes as a
``RowBlock`` (``graphmap.load.csv_blocks``). Quoting is read strictly, because a misplaced
quote silently merges rows: a quote never closed, text after a closing quote, or a quoted
cell longer than ``[limits] cell_lines`` lines is an error at the row where the quote
opened.
"""

from __future__ import annotations

import csv
import itertools
import sys
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from graphmap.diagnostics import Issue
from graphmap.i18n import Message
from graphmap.load import csv_blocks
from graphmap.load.csv_blocks import BlockReader
from graphmap.load.encoding import CsvEncoding
from graphmap.load.issues import Number, error, warning
from graphmap.load.limits import Limits
from graphmap.load.locate import HEADER_SEARCH_ROWS, looks_like_header
from graphmap.load.neutral import restore
from graphmap.load.raw import NotedRow, RowBlock, header_name

__all__ = ["CsvRecords"]


class CsvRecords:
    """The numbered rows of one CSV file, with the reader's findings on the rare rows that
    have some (quoting, stray bytes, limits)."""

    def __init__(self, path: Path, encoding: CsvEncoding, delimiter: str,
                 limits: Limits, table: str) -> None:
        self.path = path
        self.table = table
        self.label = path.name
        self.encoding = encoding
        self.delimiter = delimiter
        self.limits = limits
        # The header row as far as read (row 1, or the one below titles that names the
        # table's columns): the column a location names.
        self.header: list[str] = []
        self._header_search = HEADER_SEARCH_ROWS

    def rows(self) -> Iterator[tuple[int, list[str] | RowBlock]]:
        """Each row as ``(number, cells)``; the rare row the reader has findings about is a
        ``NotedRow``; after the header search, each plain stretch of the file is a
        ``RowBlock`` of many rows (``graphmap.load.csv_blocks``). After a syntax error on one
        line reading goes on at the next line; after one spanning lines it stops (``stop``
        is set)."""
        enc, limits = self.encoding, self.limits
        last_row = limits.rows + 1  # the header is row 1
        watch = enc.mixed_line or sys.maxsize
        protected = enc.protected
        # The csv module enforces the cell limit. Its limit is the whole process's, and
        # another open workspace's reading may set its own between two rows of this one:
        # set again each time this reading resumes (a C call, on the rare csv rows only).
        cell_limit = min(limits.cell_chars, sys.maxsize)
        csv.field_size_limit(cell_limit)
        # Blocks start below the rows the header search may read (``locate_header``).
        blocks_after = HEADER_SEARCH_ROWS + 1 if csv_blocks.BLOCK_CHARS else 0
        number = previous = 0
        base = 0  # the physical lines read before the current csv reader's first
        resume = 0  # the line the csv reader reads up to before blocks go on
        with self.path.open(encoding=enc.codec, errors=enc.errors, newline="") as handle:
            lines = _LastLine(handle)
            reader = csv.reader(lines, delimiter=self.delimiter, strict=True)
            while True:
                try:
                    for row in reader:
                        number += 1
                        line = base + reader.line_num
                        cells = [restore(c) if "'" in c else c for c in row] if protected else row
                        if number <= self._header_search:
                            self._note_header(number, cells)
                        # One test per row on the common path; the findings are rare.
                        if line - previous != 1 or line >= watch or number > last_row:
                            if number > last_row:
                                yield number, self._past_the_rows(number, line - previous,
                                                                  lines)
                                return
                            notes = self._notes(number, previous, line, cells,
                                                mixed=line >= watch)
                            if line >= watch:
                                watch = sys.maxsize
                            if notes:
                                cells = NotedRow(cells, notes)
                        previous = line
                        yield number, cells
                        csv.field_size_limit(cell_limit)
                        if number >= blocks_after > 0 and line >= resume:
                            break
                    else:
                        return
                except csv.Error as exc:
                    number += 1
                    noted = self._refused(exc, number, previous + 1, base + reader.line_num,
                                          lines)
                    yield number, noted
                    csv.field_size_limit(cell_limit)
                    if noted.stop:
                        return
                    previous = base + reader.line_num
                    continue
                # The header search is over: the plain stretches below as blocks, the csv
                # reader again for a stretch that is not plain, then blocks again.
                number, previous, rest, stretch = yield from self._blocks(
                    handle, number, previous, last_row, watch, cell_limit=cell_limit)
                if rest is None:
                    return
                lines, base, resume = _LastLine(rest), previous, previous + stretch
                reader = csv.reader(lines, delimiter=self.delimiter, strict=True)

    def _blocks(self, handle: TextIO, number: int, line: int, last_row: int, watch: int, *,
                cell_limit: int) -> Generator[tuple[int, RowBlock], None,
                                              tuple[int, int, Iterator[str] | None, int]]:
        """The plain stretches below row ``number`` (ending on line ``line``) as blocks;
        returns the last row's number and line, the lines left for the csv reader (``None``
        at the end of the file) and how many of them the stretch that is not plain has.
        The csv module's limit is ``cell_limit`` again each time it resumes (its quoted
        lines are read by the csv module)."""
        blocks = BlockReader(handle, delimiter=self.delimiter, width=len(self.header),
                             protected=self.encoding.protected,
                             cell_chars=self.limits.cell_chars)
        for first, block in blocks.blocks(number, line, last_row, watch):
            yield first, block
            csv.field_size_limit(cell_limit)
            number += block.count
            line += block.count
        return number, line, blocks.rest, blocks.rest_lines

    def _note_header(self, number: int, cells: list[str]) -> None:
        if number == 1:
            self.header = cells
        if looks_like_header(self.table, cells):
            self.header = cells
            self._header_search = 0  # found: not looked for again

    def _notes(self, number: int, previous: int, line: int, cells: list[str], *,
               mixed: bool) -> list[Issue]:
        notes: list[Issue] = []
        if mixed:
            notes.append(warning(self.encoding.mixed_code, self.label, number, None,
                                 count=self.encoding.mixed_count))
        if line - previous > 1:
            notes.extend(self._multiline_notes(number, line - previous, cells))
        return notes

    def _multiline_notes(self, number: int, lines: int, cells: list[str]) -> list[Issue]:
        """A quoted cell spanning many lines, or holding lines shaped like rows of this file,
        is most likely a misplaced quote that merged rows."""
        multiline = [i for i, cell in enumerate(cells) if "\n" in cell or "\r" in cell]
        if not multiline:
            return []
        longest = max(multiline, key=lambda i: cells[i].count("\n"))
        if lines > self.limits.cell_lines:
            return [error("quote.long_cell", self.label, number,
                          header_name(self.header, longest), lines=lines,
                          limit=Number(self.limits.cell_lines), setting="cell_lines")]
        width = max(len(self.header), 3)
        for i in multiline:
            inner = cells[i].replace("\r\n", "\n").replace("\r", "\n").split("\n")[1:]
            if any(part.count(self.delimiter) >= width - 1 for part in inner):
                return [warning("quote.rows_inside", self.label, number,
                                header_name(self.header, i), lines=lines)]
        return []

    def _syntax_issue(self, exc: csv.Error, number: int, start: int, end: int,
                      rest: Iterable[str]) -> tuple[Issue, bool]:
        """The issue of a CSV syntax error in row ``number`` (lines ``start`` to ``end``, the
        file's lines after them in ``rest``), and whether reading must stop (the rows below
        can no longer be told apart)."""
        detail = str(exc)
        one_line = end <= start
        if detail.startswith("field larger than field limit") and one_line:
            return error("limit.cell_chars", self.label, number, None,
                         limit=Number(self.limits.cell_chars), setting="cell_chars"), False
        if "expected after" in detail and one_line:
            return error("quote.text_after", self.label, number, None), False
        column = self._opening_column(start)
        lines = end - start + 1
        if detail == "unexpected end of data":
            return error("quote.unclosed", self.label, number, column, lines=lines), True
        unread = _unread(lines, rest)
        if detail.startswith("field larger than field limit"):
            return error("quote.runaway", self.label, number, column, lines=lines,
                         limit=Number(self.limits.cell_chars), unread=unread), True
        if "expected after" in detail:
            return error("quote.spans_rows", self.label, number, column, lines=lines,
                         unread=unread), True
        return error("file.csv_syntax", self.label, number, None, detail=detail,
                     unread=unread), True

    def _opening_column(self, line_number: int) -> str | None:
        """The column whose quote opens on physical line ``line_number`` and does not close
        there (read again: this is the error path)."""
        cells = self._cells_of_line(line_number)
        return header_name(self.header, len(cells) - 1) if cells else None

    def _refused(self, exc: csv.Error, number: int, start: int, end: int,
                 rest: _LastLine) -> NotedRow:
        """Row ``number`` (lines ``start`` to ``end``, the last one ``rest.last``) the csv
        module refused: its cells and errors when only a cell too long is wrong, else the
        syntax issue alone; past the row limit, the limit's error first, as for a row read."""
        if number > self.limits.rows + 1:  # the header is row 1
            return self._past_the_rows(number, end - start + 1, rest)
        noted = self._long_cells(exc, number, start, end, rest.last)
        if noted is None:
            issue, stop = self._syntax_issue(exc, number, start, end, rest)
            noted = NotedRow(issues=[issue], stop=stop)
        return noted

    def _past_the_rows(self, number: int, lines: int, rest: Iterable[str]) -> NotedRow:
        """The error at row ``number``, the first past ``[limits] rows`` (its ``lines`` and
        the non-blank ones in ``rest`` unread); reading stops."""
        return NotedRow(issues=[error(
            "limit.rows", self.label, number, None, limit=Number(self.limits.rows),
            setting="rows", unread=_unread(lines, rest))], stop=True)

    def _long_cells(self, exc: csv.Error, number: int, start: int, end: int, text: str
                    ) -> NotedRow | None:
        """Row ``number``, the physical line ``text`` alone (line ``start``), when the csv
        module refused it for a cell longer than ``cell_chars``: its cells, with the error
        ``limit.cell_chars`` at each such cell, the row kept as any row with an error (none
        when only a formula guard made a cell too long); ``None`` for any other error, and
        for a line longer than ``_REREAD_CHARS`` and than the header's width of whole cells
        (read again, a line takes several times its size in memory)."""
        limit = self.limits.cell_chars
        if (end > start or not str(exc).startswith("field larger than field limit")
                or len(text) > max(_REREAD_CHARS, max(len(self.header), 1) * (limit + 3))):
            return None
        cells = _cells_of(text, self.delimiter)
        if not cells:
            return None
        if self.encoding.protected:
            cells = [restore(c) if "'" in c else c for c in cells]
        return NotedRow(cells, [
            error("limit.cell_chars", self.label, number, header_name(self.header, i),
                  limit=Number(limit), setting="cell_chars")
            for i, cell in enumerate(cells) if len(cell) > limit])

    def _cells_of_line(self, line_number: int) -> list[str]:
        """The cells of physical line ``line_number`` alone, read again (this is the path
        of an error that stops reading); none when the line is not a whole row."""
        enc = self.encoding
        with self.path.open(encoding=enc.codec, errors=enc.errors, newline="") as handle:
            text = next(itertools.islice(handle, line_number - 1, None), "")
        return _cells_of(text, self.delimiter)


#: The longest line read again to find its cells too long (a few tens of MB at most).
_REREAD_CHARS = 4 * 1024 * 1024


class _LastLine:
    """The lines the csv reader reads, the last one kept (``last``): the line of a row it
    refuses, read again without going back to the file."""

    __slots__ = ("last", "lines")

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = iter(lines)
        self.last = ""

    def __iter__(self) -> _LastLine:
        return self

    def __next__(self) -> str:
        self.last = next(self.lines)
        return self.last


def _cells_of(text: str, delimiter: str) -> list[str]:
    """The cells of the one line ``text``, with no cell limit; none when it is not a whole
    row."""
    limit = csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    try:
        return next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error:
        return []
    finally:
        csv.field_size_limit(limit)


def _unread(lines: int, rest: Iterable[str]) -> Message:
    """What reading leaves unread when it stops at a row of a CSV file: the ``lines`` of that
    row and the non-blank lines below (counted on this error path only)."""
    count = max(lines, 1) + sum(1 for text in rest if text.strip())
    return Message("load.unread.lines", {"count": Number(count)})
