"""The plain stretches of a CSV file read as blocks of columns, not one row at a time.

Most of a large CSV file is plain: every line a row with exactly the header's number of
delimiters, and the few lines holding a quote (a name with a comma in it) whole rows on
their own line. For such text the csv module's reading is a split: this reader takes the
file a few megabytes at a time, checks that the whole stretch is plain with a handful of
``str`` scans, reads its quoted lines with the csv module, one line each, and splits the
rest at once into columns (``RowBlock``), which the column checks
(``graphmap.validation.columns``) take as they are, with no list per row and no
transposition. At 100k actors that is about two seconds of the three the csv module and
the per-row bookkeeping took (benchmarks/README.md, bench_load).

A stretch that is not plain (a quoted cell spanning lines or a quoting error, a short or
long row, a lone ``\r``, a NUL, a line longer than ``[limits] cell_chars``, the row limit or
the line where the encoding changes within it) is read by the csv reader from its first
line, every finding, row number and message its own; blocks go on after the first row the
csv reader ends at or below the stretch's last line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import chain, repeat
from typing import TextIO

from graphmap.load.neutral import restore
from graphmap.load.raw import RowBlock

#: Characters of text read at a time: about 100,000 rows of a relations table, so that a
#: block is about one batch of the column checks. 0 reads every row with the csv module
#: (the reference the tests compare blocks with).
BLOCK_CHARS = 4 * 1024 * 1024

#: What ``str.strip`` takes off a cell (every character ``str.isspace`` says is a space),
#: less the line end; the ASCII ones alone for ASCII text. Written out: finding them among
#: the 1.1 million code points took 95 ms at every start (a test checks the list).
_SPACES = ("\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
           "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_ASCII_SPACES = "".join(c for c in _SPACES if c.isascii())


class BlockReader:
    """Blocks of plain rows from ``handle`` (opened with ``newline=""``, positioned at the
    start of a line), until the end of the file or the first stretch that is not plain; then
    ``rest`` holds the lines from the start of that stretch, for the csv reader.

    The csv reader may hand the handle back once it has read those ``rest_lines`` lines (at
    the end of a row): the next call of ``blocks`` goes on from there.

    ``chars`` is how much text is read at a time (``BLOCK_CHARS`` by default; tests pass
    small sizes). ``width`` is the number of cells of every row of a block (the header's);
    ``protected`` whether cells carry graphmap's formula guard (``graphmap.load.neutral``).
    """

    def __init__(self, handle: TextIO, *, delimiter: str, width: int, protected: bool,
                 cell_chars: int, chars: int | None = None) -> None:
        self.handle = handle
        self.delimiter = delimiter
        self.width = max(width, 1)
        self.protected = protected
        self.cell_chars = cell_chars
        self.chars = chars or BLOCK_CHARS
        #: The lines left unread as blocks (``None``: the file was read to its end), of which
        #: the first ``rest_lines`` are the stretch that was not plain.
        self.rest: Iterator[str] | None = None
        self.rest_lines = 0

    def blocks(self, number: int, line: int, last_row: int, watch: int
               ) -> Iterator[tuple[int, RowBlock]]:
        """``(first row number, block)`` for each plain stretch after row ``number``, which
        ended on physical line ``line``; a block's rows stay within ``last_row`` and its
        lines before ``watch``."""
        pending = ""
        self.rest, self.rest_lines = None, 0
        while True:
            text = self.handle.read(self.chars)
            ended = ""  # a line end added to the last line
            if not text:
                # The last line, without a line end: the same cells with one.
                if not pending:
                    return
                body, pending, ended = pending + "\n", "", "\n"
            else:
                text = pending + text
                cut = text.rfind("\n") + 1
                body, pending = text[:cut], text[cut:]
            block = self._plain(body, number, line, last_row, watch) if body else None
            if block is None:
                # Back to the csv reader from the start of this stretch, the last line as
                # it is (no added line end); a partial line is completed first, so that no
                # line is cut in two.
                tail = (body.removesuffix(ended) + pending
                        + (self.handle.readline() if pending else ""))
                stretch = io.StringIO(tail, newline="").readlines()
                self.rest, self.rest_lines = chain(stretch, self.handle), len(stretch)
                return
            yield number + 1, block
            number += block.count
            line += block.count
            if not text:
                return

    def _plain(self, body: str, number: int, line: int, last_row: int, watch: int
               ) -> RowBlock | None:
        """``body`` (whole lines) as a block, or ``None`` when it is not plain."""
        if "\r" in body:
            if body.count("\r") != body.count("\r\n"):
                return None  # a lone carriage return ends a line too: the csv reader's case
            body = body.replace("\r\n", "\n")
        lines = body.split("\n")
        lines.pop()  # after the last line end
        count = len(lines)
        if ("\x00" in body or number + count > last_row or line + count >= watch
                or max(map(len, lines)) > self.cell_chars):
            return None
        quoted = self._quoted(lines) if '"' in body else {}
        if quoted is None or not self._even(lines):
            return None
        delimiter, width = self.delimiter, self.width
        flat = delimiter.join(lines).split(delimiter)
        columns = [flat[j::width] for j in range(width)]
        for i, cells in quoted.items():
            for column, cell in zip(columns, cells, strict=True):
                column[i] = cell
        if self.protected and "'" in body:
            columns = [[restore(c) if "'" in c else c for c in column] for column in columns]
            return RowBlock(columns, count)  # a restored cell may start with a space
        return RowBlock(columns, count, self._blank(body, lines, quoted))

    def _blank(self, body: str, lines: list[str], quoted: dict[int, list[str]]
               ) -> list[int] | None:
        """The blank rows of a block whose cells have no spaces around them, else ``None``
        (``lines`` as ``_even`` left them, the cells of the ``quoted`` ones apart)."""
        if quoted:  # the text around the quoted rows, and their cells
            if any(c != c.strip() for cells in quoted.values() for c in cells):
                return None
            body = "\n".join(lines) + "\n"
        if not _trimmed(body, self.delimiter):
            return None
        # A row is blank when its line is delimiters only (a quoted one: empty cells).
        filler = self.delimiter * (self.width - 1)
        if filler not in lines:
            return []
        return [i for i, text in enumerate(lines)
                if text == filler and (i not in quoted or not any(quoted[i]))]

    def _quoted(self, lines: list[str]) -> dict[int, list[str]] | None:
        """The cells of each line holding a quote, as the csv module reads it, each line
        then made a row of blank cells in ``lines``; ``None`` when one is not a whole row
        of ``width`` cells on its line (a quoted cell spanning lines, a quoting error)."""
        delimiter, width = self.delimiter, self.width
        filler = delimiter * (width - 1)
        found: dict[int, list[str]] = {}
        for i in [i for i, text in enumerate(lines) if '"' in text]:
            try:
                rows = list(csv.reader([lines[i]], delimiter=delimiter, strict=True))
            except csv.Error:
                return None
            if len(rows) != 1 or len(rows[0]) != width:
                return None
            found[i] = rows[0]
            lines[i] = filler
        return found

    def _even(self, lines: list[str]) -> bool:
        """Whether every line is a row of ``width`` cells, a blank line made a row of blank
        cells (as the csv reader reads it) in ``lines``; a row of another width is the csv
        reader's (short and long rows are noted)."""
        delimiter, separators = self.delimiter, self.width - 1
        counts = set(map(str.count, lines, repeat(delimiter)))
        if counts == {separators}:
            return True
        if counts - {0, separators} or any(text and delimiter not in text for text in lines):
            return False
        filler = delimiter * separators
        lines[:] = [text or filler for text in lines]
        return True


def _trimmed(body: str, delimiter: str) -> bool:
    r"""Whether no cell of ``body`` (whole lines ending with ``\n``) starts or ends with a
    space: a few scans of the text for each kind of space it holds, not a strip per cell.

    >>> _trimmed("a,b\nc d,e\n", ","), _trimmed("a, b\n", ","), _trimmed("a,b\u00a0\n", ",")
    (True, False, False)
    """
    ends = (delimiter, "\n")
    for space in _ASCII_SPACES if body.isascii() else _SPACES:
        if space in ends or space not in body:
            continue
        if (body.startswith(space) or delimiter + space in body or space + delimiter in body
                or "\n" + space in body or space + "\n" in body):
            return False
    return True
