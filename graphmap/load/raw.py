"""Raw rows as read from a workspace, before validation: text cells keyed by column, located.

Readers (CSV folder, xlsx workbook, JSON file) all produce the same shapes: one
``RawTable`` per table whose ``rows`` is a lazy iterator, so a large file is processed row
by row without holding every raw row in memory.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from graphmap.diagnostics import Issue
from graphmap.i18n import Localized, translate
from graphmap.load.issues import did_you_mean, error, warning
from graphmap.load.locate import HEADER_SEARCH_ROWS, Record, formula_notes, locate_header
from graphmap.schema import REQUIRED_COLUMNS, TABLE_COLUMNS, column_alias_table, fold


class RawRow(NamedTuple):
    """One data row: ``values`` by canonical column (trimmed text, ``""`` when blank; a
    column absent from the table is absent here), ``extra`` the user's own non-empty
    columns by header as written, ``written`` canonical column -> header as written."""

    row: int
    values: dict[str, str]
    extra: dict[str, str]
    written: Mapping[str, str]


@dataclass
class RawTable:
    """One table of a workspace as read: where it is and its rows, lazily.

    ``rows`` yields ``RawRow`` objects and, interleaved, the ``Issue`` objects the reader
    finds on the way (a value in a column without header, bytes that cannot be decoded).
    ``missing_columns`` are required columns the header lacks (already reported in
    ``issues``); ``usable`` is false when no row can be read at all; ``truncated`` becomes
    true when reading stopped before the end (an error says where), so the rows below are
    unknown.
    """

    table: str
    file: str
    rows: Iterator[RawRow | Issue]
    issues: list[Issue] = field(default_factory=list)
    missing_columns: frozenset[str] = frozenset()
    usable: bool = True
    truncated: bool = False
    #: The header row of an actors or projects table with names but no id column: every
    #: row's id is derived from its name (docs/workspace-format.md §4); else ``None``.
    ids_from_names: int | None = None
    #: For a table read from cells (CSV, xlsx): its row builder and the numbered cells that
    #: ``rows`` would read, for a reader of whole columns (graphmap.validation.columns);
    #: only one of the two may be consumed.
    cells: tuple[RowBuilder, Iterator[tuple[int, Sequence[str] | RowBlock]]] | None = None


def clean_cell(value: str) -> str:
    """Trim a cell and give it ``\\n`` line ends (CSV keeps ``\\r\\n`` inside quoted cells)."""
    value = value.strip()
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


@dataclass(frozen=True)
class Header:
    """How the header row of one table maps its cells to the schema."""

    table: str
    canonical: tuple[tuple[str, int], ...]   # (canonical column, cell index)
    written: Mapping[str, str]               # canonical column -> header as written
    extra: tuple[tuple[str, int], ...]       # (header as written, cell index)
    unnamed: tuple[int, ...]                 # cell indexes whose header is blank
    width: int
    row: int = 1                             # the header's row (in JSON, its first record)

    @property
    def missing(self) -> frozenset[str]:
        present = {c for c, _ in self.canonical}
        missing = {c for c in REQUIRED_COLUMNS[self.table] if c not in present}
        if self.ids_from_names:
            missing.discard("id")
        return frozenset(missing)

    @property
    def ids_from_names(self) -> bool:
        """An actors or projects header with a name column and no id column: ids are made
        from the names, as for a row whose id cell is blank."""
        present = {c for c, _ in self.canonical}
        return (self.table in ("actors", "projects") and "id" not in present
                and "name" in present)


def known_headers(table: str) -> list[str]:
    """Every header spelling the schema accepts for ``table`` (canonical and French)."""
    out = list(TABLE_COLUMNS[table])
    for aliases in TABLE_COLUMNS[table].values():
        out.extend(aliases)
    return out


def resolve_header(table: str, cells: Sequence[str], file: str,
                   row: int = 1) -> tuple[Header, list[Issue]]:
    """Map the header cells of ``table`` to canonical columns and report column problems.

    Headers are trimmed and matched case- and accent-insensitively, French aliases
    included. Two headers naming the same column are an error; an unknown header close to
    a known one is a warning with a suggestion; other unknown headers are the user's own
    columns, kept verbatim.
    """
    aliases = column_alias_table(table)
    canonical: list[tuple[str, int]] = []
    written: dict[str, str] = {}
    extra: list[tuple[str, int]] = []
    unnamed: list[int] = []
    seen_extra: dict[str, None] = {}
    issues: list[Issue] = []
    for index, raw in enumerate(cells):
        header = " ".join(raw.split())
        if not header:
            unnamed.append(index)
            continue
        name = aliases.get(fold(header))
        if name is not None:
            if name in written:
                issues.append(error("column.duplicate", file, row, header,
                                    header=header, first=written[name]))
                continue
            written[name] = header
            canonical.append((name, index))
            continue
        if header in seen_extra:
            issues.append(error("column.duplicate", file, row, header,
                                header=header, first=header))
            continue
        seen_extra[header] = None
        extra.append((header, index))
        close = _close_header(table, header)
        if close is not None:
            issues.append(warning("column.unknown_typo", file, row, header, header=header,
                                  suggestion=did_you_mean(close)))
    head = Header(table, tuple(canonical), written, tuple(extra), tuple(unnamed), len(cells),
                  row)
    if head.missing:
        language = header_language(written)
        issues.extend(
            error("column.missing", file, row, None, name=name, table=table,
                  column=(column := ColumnName(name, language)), also=column.also)
            for name in REQUIRED_COLUMNS[table] if name in head.missing
        )
    return head, issues


def header_language(written: Mapping[str, str]) -> str | None:
    """``fr`` or ``en`` when the headers as written (canonical column -> header) are
    evidently in that language: more of them are the French header graphmap writes than its
    English name, or the other way round; ``None`` when they do not tell (``id``, ``type``).

    >>> header_language({"id": "id", "name": "Nom", "sector": "secteur"})
    'fr'
    >>> header_language({"id": "ID", "name": "Name"}), header_language({"id": "id"})
    ('en', None)
    """
    french = english = 0
    for name, header in written.items():
        folded, in_french = fold(header), fold(FRENCH_HEADERS.get(name, name))
        if folded == in_french == fold(name):
            continue  # the same word in both languages
        if folded == in_french:
            french += 1
        elif folded == fold(name):
            english += 1
    if french == english:
        return None
    return "fr" if french > english else "en"


@dataclass(frozen=True)
class ColumnName:
    """A canonical column as a message names it: in the language of the user's headers
    (``language``; the message's own when they do not tell), quoted; :attr:`also` is the
    clause naming it in the other language, when the two differ.

    >>> ColumnName("name", None).render("fr"), ColumnName("name", None).also.render("fr")
    ('«\xa0nom\xa0»', ' (en anglais\xa0: «\xa0name\xa0»)')
    >>> ColumnName("name", "fr").render("en"), ColumnName("name", "fr").also.render("en")
    ("'nom'", " (in English: 'name')")
    >>> ColumnName("name", None).render("en"), ColumnName("id", "fr").also.render("en")
    ("'name'", '')
    """

    name: str
    language: str | None

    def _names(self, lang: str) -> tuple[str, str, str]:
        """(the name first shown, the other, the key of the clause naming the other)."""
        french = FRENCH_HEADERS.get(self.name, self.name)
        if (self.language or lang) == "fr":
            return french, self.name, "load.column.also_english"
        return self.name, french, "load.column.also_french"

    def render(self, lang: str) -> str:
        return translate("load.quoted", lang, text=self._names(lang)[0])

    @property
    def also(self) -> Localized:
        return _OtherName(self)


@dataclass(frozen=True)
class _OtherName:
    column: ColumnName

    def render(self, lang: str) -> str:
        first, other, key = self.column._names(lang)
        return "" if first == other else translate(key, lang, other=other)


def _close_header(table: str, header: str) -> str | None:
    known = {fold(h): h for h in known_headers(table)}
    match = difflib.get_close_matches(fold(header), list(known), n=1, cutoff=0.8)
    return known[match[0]] if match else None


class RowBuilder:
    """Turns the cleaned cells of data rows into ``RawRow`` objects for one header.

    This is the per-row hot path of loading: plain indexing, no per-cell function calls.
    """

    def __init__(self, header: Header, file: str) -> None:
        self.header = header
        self.file = file
        # Cell index under no header -> [first row, its value, last row, values]: what
        # ``unnamed_issues`` reports once the table is read.
        self._dropped: dict[int, list[Any]] = {}
        self._names = tuple(name for name, _ in header.canonical)
        self._indexes = tuple(i for _, i in header.canonical)
        self._extra = header.extra
        self._width = header.width

    def build(self, row: int, cells: list[str]) -> RawRow:
        """A row from cells already trimmed (see ``clean_cells``)."""
        if len(cells) < self._width:
            cells = cells + [""] * (self._width - len(cells))
        values = dict(zip(self._names, [cells[i] for i in self._indexes], strict=True))
        extra: dict[str, str] = {}
        for name, i in self._extra:
            value = cells[i]
            if value:
                extra[name] = value
        return RawRow(row, values, extra, self.header.written)

    def formula_issues(self, row: int, formulas: Mapping[int, str]) -> Iterator[Issue]:
        """A workbook cell holding a formula with no computed value reads as blank: an error
        in a required column, a warning elsewhere (the row is still read)."""
        if not formulas:
            return
        required = REQUIRED_COLUMNS[self.header.table]
        names = {i: name for name, i in self.header.canonical}
        written = {i: self.header.written[name] for i, name in names.items()}
        written.update((i, name) for name, i in self.header.extra)
        for index, formula in sorted(formulas.items()):
            column = written.get(index) or column_letter(index)
            make = error if names.get(index) in required else warning
            yield make("xlsx.formula_no_value", self.file, row, column, formula=formula)

    def unnamed(self, row: int, cells: Sequence[str]) -> None:
        """Note the values of row ``row`` under no header: they are not read, and
        :meth:`unnamed_issues` reports them once the table is read."""
        if len(cells) <= self._width and not self.header.unnamed:
            return
        for i in (*self.header.unnamed, *range(self._width, len(cells))):
            if i < len(cells) and cells[i]:
                seen = self._dropped.get(i)
                if seen is None:
                    self._dropped[i] = [row, cells[i], row, 1]
                else:
                    seen[2] = row
                    seen[3] += 1

    def unnamed_issues(self) -> Iterator[Issue]:
        """One warning per column whose values were under no header, at its first value,
        with how many values it held and down to which row: none is dropped silently."""
        for i, (first, value, last, count) in sorted(self._dropped.items()):
            yield warning("column.unnamed", self.file, first, column_letter(i),
                          position=i + 1, value=value[:40], count=count, last=last,
                          header_row=self.header.row)


def clean_cells(cells: Sequence[str]) -> list[str]:
    """Every cell trimmed, with ``\n`` line ends."""
    return [c.strip() if "\r" not in c else clean_cell(c) for c in cells]


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 -> A, 26 -> AA.

    >>> column_letter(0), column_letter(25), column_letter(26)
    ('A', 'Z', 'AA')
    """
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class NotedRow(list[str]):
    """The cells of one row with what the reader noticed on the way: ``issues`` (already
    located) and ``formulas``, cell index -> formula of a workbook cell that has no
    computed value. Readers yield it instead of a plain list only for such rows, so the
    common path stays a plain list; a ``NotedRow`` without cells carries only issues."""

    __slots__ = ("formulas", "issues", "stop")

    def __init__(self, cells: Iterable[str] = (), issues: Iterable[Issue] = (),
                 formulas: Mapping[int, str] | None = None, *, stop: bool = False) -> None:
        super().__init__(cells)
        self.issues = list(issues)
        self.formulas: Mapping[int, str] = formulas or {}
        #: Reading stops after this row (its issues say why).
        self.stop = stop


class RowBlock:
    """Consecutive plain rows of a CSV file as columns: ``columns[j][k]`` is cell ``j`` of the
    ``k``-th row (as read), every row ``len(columns)`` cells wide, none noted. A reader
    yields ``(number of the first row, block)`` in place of that many rows
    (``graphmap.load.csv_blocks``); ``rows`` gives them back one by one.

    ``blank`` is ``None`` when some cell has spaces around it; otherwise every cell is
    already as ``clean_cells`` leaves it, and ``blank`` lists the indexes of the rows whose
    every cell is empty."""

    __slots__ = ("blank", "columns", "count")

    def __init__(self, columns: list[list[str]], count: int,
                 blank: list[int] | None = None) -> None:
        self.columns = columns
        self.count = count
        self.blank = blank

    def rows(self, first: int) -> Iterator[tuple[int, list[str]]]:
        """The numbered rows of the block, as the row-by-row reader gives them."""
        return zip(range(first, first + self.count), map(list, zip(*self.columns, strict=True)),
                   strict=True)


def row_by_row(records: Iterable[tuple[int, Sequence[str] | RowBlock]]
               ) -> Iterator[tuple[int, Sequence[str]]]:
    """``records`` with every ``RowBlock`` given back as its rows."""
    for number, data in records:
        if isinstance(data, RowBlock):
            yield from data.rows(number)
        else:
            yield number, data


def header_name(header: Sequence[str], index: int) -> str:
    """The column of cell ``index`` as a location shows it: its header as written, or its
    letter when it has none.

    >>> header_name(["id", " Nom "], 1), header_name(["id"], 2)
    ('Nom', 'C')
    """
    if index < len(header):
        written = " ".join(header[index].split())
        if written:
            return written
    return column_letter(index)


def rows_from_cells(table: str, file: str,
                    records: Iterator[tuple[int, Sequence[str] | RowBlock]]) -> RawTable:
    """Build a ``RawTable`` from numbered rows of text cells (CSV and xlsx share this).

    The header is row 1, or the row below title rows that names the table's required
    columns (``graphmap.load.locate``, with a warning naming it); rows keep the numbers the
    spreadsheet shows.
    """
    # A reader gives blocks (``RowBlock``) only below the rows the header search reads.
    head = cast(Iterator[Record], records)
    first = next(head, None)
    noted: list[Issue] = []
    while first is not None and isinstance(first[1], NotedRow):
        noted.extend(first[1].issues)
        if first[1] or any(i.is_error for i in noted):
            break
        noted.extend(formula_notes(file, *first))  # a row of uncomputed formulas only
        first = next(head, None)
    if any(i.is_error for i in noted):
        return RawTable(table, file, iter(()), noted, usable=False)
    if first is None:
        return RawTable(table, file, iter(()), [error("file.empty", file, None, None)],
                        usable=False)
    if isinstance(first[1], NotedRow):
        # Its issues are in ``noted`` already; its formulas still count.
        first = (first[0], NotedRow(first[1], formulas=first[1].formulas))
    located = locate_header(table, file, first, head)
    if located.header is None:
        blank = error("header.blank", file, 1, None, limit=HEADER_SEARCH_ROWS)
        return RawTable(table, file, iter(()), [*noted, *located.issues, blank], usable=False)
    row_number, cells = located.header
    records = located.rest
    header, issues = resolve_header(table, cells, file, row_number)
    issues[:0] = [*noted, *located.issues]
    builder = RowBuilder(header, file)
    raw = RawTable(table, file, iter(()), issues, header.missing, usable=bool(header.canonical),
                   ids_from_names=row_number if header.ids_from_names else None)

    def rows() -> Iterator[RawRow | Issue]:
        for number, data in row_by_row(records):
            # A row the reader has something to say about (the plain-list check first: it
            # is the per-row hot path).
            if data.__class__ is not list and isinstance(data, NotedRow):
                yield from data.issues
                yield from builder.formula_issues(number, data.formulas)
                if data.stop:
                    raw.truncated = True
            cells = clean_cells(data)
            if not any(cells):
                continue
            builder.unnamed(number, cells)
            yield builder.build(number, cells)
        yield from builder.unnamed_issues()

    raw.rows = rows()
    raw.cells = (builder, records)
    return raw


# The French header graphmap writes for each canonical column (templates, French exports).
# Every one is also accepted on reading (see ``graphmap.schema`` column aliases).
FRENCH_HEADERS: Mapping[str, str] = {
    "id": "id", "name": "nom", "sector": "secteur", "type": "type",
    "category": "catégorie", "territory": "territoire", "scope": "portée",
    "stage": "étape", "theme": "thème", "start": "début", "end": "fin",
    "source": "source", "target": "cible", "amount": "montant", "year": "année",
    "weight": "poids", "kind": "nature", "parent": "parent",
}


def scalar_text(value: Any) -> str | None:  # noqa: PLR0911 - one return per scalar type
    """A scalar cell value as the text a user typed (``2021`` not ``2021.0``), or ``None``
    when ``value`` is not a plain scalar (a date, a list, ...), shared by the JSON and xlsx
    readers.

    >>> scalar_text(2021.0), scalar_text(12500.5), scalar_text(None), scalar_text(True)
    ('2021', '12500.5', '', 'true')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return None
