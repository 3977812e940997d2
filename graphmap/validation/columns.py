"""A table read from cells (CSV, xlsx) as batches of whole columns, for the fast clean path.

The row path (``RawTable.rows``) builds one ``RawRow`` dict per row. This reader takes the
same numbered cells and hands them on ``CHUNK_ROWS`` rows at a time as columns (lists of
cleaned text), so that a check runs over a whole column at once and a ``RawRow`` is built
only for the rare row that fails one (``CellBatch.raw_row``). What the reader notices on the
way (a ``NotedRow``'s issues, formulas without a value, values under no header) is said at
the same place as on the row path: a batch ends before a noted row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress
from typing import Any, NamedTuple, cast

from graphmap.diagnostics import Issue
from graphmap.load import RawRow, RawTable
from graphmap.load.raw import NotedRow, RowBlock, RowBuilder, clean_cell, clean_cells

#: Rows per batch: bounds the memory of a large table (a few hundred MB of strings would be
#: held for 5M rows at once) while each check still runs over many rows.
CHUNK_ROWS = 100_000


class CellBatch(NamedTuple):
    """Consecutive non-blank data rows of one table as columns.

    ``rows`` are the spreadsheet row numbers; ``columns`` canonical column -> cleaned values
    (one per row, ``""`` when blank); ``extra`` the user's own non-empty columns of each row
    (``None`` when no row of the batch has any); ``written`` as ``RawRow.written``.
    """

    rows: list[int]
    columns: dict[str, list[str]]
    extra: list[dict[str, str]] | None
    written: Any

    def raw_row(self, index: int) -> RawRow:
        """The ``RawRow`` the row path builds for row ``index`` of the batch."""
        values = {name: column[index] for name, column in self.columns.items()}
        extra = self.extra[index] if self.extra is not None else {}
        return RawRow(self.rows[index], values, dict(extra), self.written)


def cell_batches(raw: RawTable, chunk: int = CHUNK_ROWS) -> Iterator[CellBatch | Issue]:
    """The rows of ``raw`` (read from cells: ``raw.cells`` is set) as batches, and the
    reader's issues where the row path yields them. Consumes ``raw.cells`` (``raw.rows`` can
    no longer be read)."""
    assert raw.cells is not None
    builder, records = raw.cells
    items: list[tuple[int, Sequence[str]]] = []
    for number, data in records:
        if isinstance(data, RowBlock):
            if items:
                yield from _row_batches(raw, builder, items)
                items = []
            yield from _block_batches(raw, builder, number, data, chunk)
            continue
        items.append((number, data))
        if len(items) == chunk:
            yield from _row_batches(raw, builder, items)
            items = []
    if items:
        yield from _row_batches(raw, builder, items)
    yield from builder.unnamed_issues()


def _row_batches(raw: RawTable, builder: RowBuilder, items: list[tuple[int, Sequence[str]]]
                 ) -> Iterator[CellBatch | Issue]:
    """The batch of the numbered rows ``items`` (at most a chunk of them)."""
    header = builder.header
    numbers, cells = map(list, zip(*items, strict=True))
    # The common chunk: plain rows (no NotedRow) of exactly the header's width.
    if (not header.unnamed and set(map(type, cells)) == {list}
            and set(map(len, cells)) == {header.width}):
        yield _batch(header, numbers, list(zip(*cells, strict=True)), set())
    else:
        yield from _noted_batches(raw, builder, items)


def _block_batches(raw: RawTable, builder: RowBuilder, first: int, block: RowBlock,
                   chunk: int) -> Iterator[CellBatch | Issue]:
    """The batches of the plain rows of ``block`` (from row ``first``), at most ``chunk``
    rows each: its columns as they are, when they are the header's."""
    header = builder.header
    if header.unnamed or len(block.columns) != header.width:
        rows: list[tuple[int, Sequence[str]]] = list(block.rows(first))
        for start in range(0, len(rows), chunk):
            yield from _row_batches(raw, builder, rows[start:start + chunk])
        return
    for start in range(0, block.count, chunk):
        stop = min(start + chunk, block.count)
        whole = start == 0 and stop == block.count
        columns = block.columns if whole else [c[start:stop] for c in block.columns]
        blank = None if block.blank is None else {
            i - start for i in block.blank if start <= i < stop}
        yield _batch(header, list(range(first + start, first + stop)), columns, set(),
                     one_line=True, blank=blank)


def _noted_batches(raw: RawTable, builder: RowBuilder,
                   items: list[tuple[int, Sequence[str]]]) -> Iterator[CellBatch | Issue]:
    """The batches of rows of which some are noted, short or long, one row at a time: a
    batch ends before a noted row, whose issues come first, as on the row path."""
    header = builder.header
    width = header.width
    # Rows with cells under no header are cleaned one by one (``builder.unnamed`` notes
    # them), as on the row path; so is every row of a header with a blank cell.
    every_row_noted = bool(header.unnamed)
    numbers: list[int] = []
    cells: list[list[str]] = []
    kept: set[int] = set()  # batch indexes of rows already known not blank
    for number, read in items:
        data = read
        if data.__class__ is not list:
            if isinstance(data, NotedRow):
                if numbers:
                    yield _batch(header, numbers, list(zip(*cells, strict=True)), kept)
                    numbers, cells, kept = [], [], set()
                yield from data.issues
                yield from builder.formula_issues(number, data.formulas)
                if data.stop:
                    raw.truncated = True
            data = list(data)
        if every_row_noted or len(data) > width:
            data = clean_cells(data)
            if not any(data):
                continue
            builder.unnamed(number, data)
            kept.add(len(numbers))
            data = data[:width]
        if len(data) < width:
            data = data + [""] * (width - len(data))
        numbers.append(number)
        cells.append(list(data))
    if numbers:
        yield _batch(header, numbers, list(zip(*cells, strict=True)), kept)


def _batch(header: Any, numbers: list[int], read: Sequence[Sequence[str]],
           kept: set[int], *, one_line: bool = False, blank: set[int] | None = None
           ) -> CellBatch:
    """The batch of rows ``numbers`` from their columns as ``read`` (``header.width`` of
    them), blank rows left out; ``one_line``: no cell holds a line end (a block's);
    ``blank``: the cells are trimmed already, and these rows are the blank ones."""
    if blank is None:
        trim = _stripped if one_line else _cleaned
        # Every cell counts for a blank row, a cell under a duplicate header too.
        clean = dict(enumerate(map(trim, read)))
        blank = _blank_rows(clean, len(numbers), kept)
    else:  # a block's own columns (or slices of them): no copy
        clean = dict(enumerate(cast(Sequence[list[str]], read)))
    if blank:
        keep = [i not in blank for i in range(len(numbers))]
        numbers = list(compress(numbers, keep))
        clean = {i: list(compress(column, keep)) for i, column in clean.items()}
    columns = {name: clean[i] for name, i in header.canonical}
    extra: list[dict[str, str]] | None = None
    own = [(name, clean[i]) for name, i in header.extra if any(clean[i])]
    if own:
        names = [name for name, _ in own]
        extra = [{n: v for n, v in zip(names, values, strict=True) if v}
                 for values in zip(*(column for _, column in own), strict=True)]
    return CellBatch(numbers, columns, extra, header.written)


def _stripped(column: Sequence[str]) -> list[str]:
    """Every cell of a column that holds no line end, trimmed (``clean_cells``' result)."""
    return list(map(str.strip, column))


def _cleaned(column: Sequence[str]) -> list[str]:
    """``clean_cells`` of a whole column: trimmed, ``\\n`` line ends."""
    if "\r" in "".join(column):
        return list(map(clean_cell, column))
    return list(map(str.strip, column))


def _blank_rows(columns: dict[int, list[str]], count: int, kept: set[int]) -> set[int]:
    """Indexes of the rows whose every cell is blank (skipped, as on the row path)."""
    if not columns:
        return set(range(count)) - kept
    candidates: list[int] | None = None
    for column in columns.values():
        if candidates is None:
            candidates = [i for i, value in enumerate(column) if not value]
        else:
            candidates = [i for i in candidates if not column[i]]
        if not candidates:
            return set()
    return set(candidates or ()) - kept
