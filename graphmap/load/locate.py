"""Where a table starts, as people really lay out a spreadsheet.

- **Title rows above the header.** A sheet or CSV file often opens with a title ("Répertoire
  des partenaires — 2025", merged across the columns) and a blank row or two before the
  header row. :func:`locate_header` finds the header row within the first
  ``HEADER_SEARCH_ROWS`` rows and reads the table from there, with a warning naming it. The
  rows above are dropped only when they are titles: **a row above the header holding at most
  one filled cell is a title** (a merged cell keeps its text in its first cell); a row with
  two or more filled cells may be data and is an error, never dropped silently.
- **A table under another name.** When no sheet, CSV file or JSON key has a table's name,
  :func:`guess_tables` looks at the others: the one whose header row holds all the table's
  required columns (any spelling the column aliases accept) is read as that table, with a
  warning; two candidates are an error naming both.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from graphmap.diagnostics import Issue, shown
from graphmap.i18n import EMPTY, Listing, Localized, Message, translate
from graphmap.load.issues import error, warning
from graphmap.schema import REQUIRED_COLUMNS, TABLES, column_alias_table, fold, suggest_from

__all__ = ["HEADER_SEARCH_ROWS", "Guesses", "Located", "Quoted", "TableName", "TableNames",
           "closest_name", "found_names", "guess_tables", "locate_header", "required_headers"]

#: The header row is looked for in the first rows of a sheet or file, down to this one.
HEADER_SEARCH_ROWS = 10
# A title shown in a message is cut to this many characters.
_TITLE_CHARS = 60
# At most this many names are listed when a table is not found (then "and N others").
_LISTED_NAMES = 12
# The French name graphmap suggests for each table (the English one is the table's own).
_FRENCH_TABLE_NAMES: Mapping[str, str] = {
    "actors": "acteurs", "projects": "projets", "relations": "relations",
    "territories": "territoires",
}

Record = tuple[int, Sequence[str]]


# -- names in messages ------------------------------------------------------------------


@dataclass(frozen=True)
class Quoted:
    """A name as quoted in running text: « Partenaires » in French, 'Partenaires' in English.

    >>> Quoted("Feuil1").render("fr"), Quoted("Sheet1").render("en")
    ('«\\xa0Feuil1\\xa0»', "'Sheet1'")
    """

    text: str

    def render(self, lang: str) -> str:
        return translate("load.quoted", lang, text=shown(self.text))


@dataclass(frozen=True)
class TableName:
    """The name to give a sheet, file or key of ``table`` (``suffix`` ``.csv`` for a file), in
    the language of the sentence, quoted.

    >>> TableName("actors").render("fr"), TableName("actors", ".csv").render("en")
    ('«\\xa0acteurs\\xa0»', "'actors.csv'")
    """

    table: str
    suffix: str = ""

    def render(self, lang: str) -> str:
        name = _FRENCH_TABLE_NAMES[self.table] if lang == "fr" else self.table
        return Quoted(name + self.suffix).render(lang)


@dataclass(frozen=True)
class TableNames:
    """Every name a sheet, file or key of ``table`` may have, the sentence's language first.

    >>> TableNames("actors").render("fr"), TableNames("relations", ".csv").render("en")
    ('«\\xa0acteurs\\xa0» ou «\\xa0actors\\xa0»', "'relations.csv' or 'liens.csv'")
    """

    table: str
    suffix: str = ""

    def render(self, lang: str) -> str:
        from graphmap.load.csv_folder import TABLE_FILE_STEMS

        french = _FRENCH_TABLE_NAMES[self.table]
        names = list(dict.fromkeys(TABLE_FILE_STEMS[self.table]))
        first = french if lang == "fr" else self.table
        ordered = [first, *(n for n in names if n != first)]
        quoted = [Quoted(n + self.suffix).render(lang) for n in ordered]
        return translate("load.or_join", lang, head=", ".join(quoted[:-1]), last=quoted[-1])


@dataclass(frozen=True)
class _Others:
    count: int

    def render(self, lang: str) -> str:
        return translate("load.names_more", lang, count=self.count)


def closest_name(table: str, names: Sequence[str]) -> str | None:
    """The one of ``names`` closest to a name of ``table`` (English or French), if close.

    >>> closest_name("actors", ["Acteur", "projets"]), closest_name("actors", ["Notes"])
    ('Acteur', None)
    """
    from graphmap.load.csv_folder import TABLE_FILE_STEMS

    for stem in TABLE_FILE_STEMS[table]:
        close = suggest_from(stem, names)
        if close is not None:
            return close
    return None


def found_names(names: Sequence[str]) -> Listing:
    """``names`` quoted and listed in the sentence's language, the first twelve then how many
    others.

    >>> found_names(["Partenaires", "Feuil2"]).render("fr")
    '«\\xa0Partenaires\\xa0» et «\\xa0Feuil2\\xa0»'
    """
    items: list[Localized] = [Quoted(n) for n in names[:_LISTED_NAMES]]
    if len(names) > _LISTED_NAMES:
        items.append(_Others(len(names) - _LISTED_NAMES))
    return Listing(items)


# -- the header row below titles -----------------------------------------------------------


@dataclass
class Located:
    """Where a table's header is: ``header`` (row number, cells), or ``None`` when no row of
    the first ones can be it; ``issues`` found above it (the title warning, a row above that is
    not a title, what the reader noted on those rows); ``rest`` the rows below it."""

    header: Record | None
    rest: Iterator[Record]
    issues: list[Issue] = field(default_factory=list)


def _filled(cells: Sequence[str]) -> list[str]:
    return [c.strip() for c in cells if c.strip()]


def _names_required(table: str, cells: Sequence[str]) -> int:
    aliases = column_alias_table(table)
    names = {aliases.get(fold(c)) for c in cells if c.strip()}
    return len(names & set(REQUIRED_COLUMNS[table]))


def looks_like_header(table: str, cells: Sequence[str]) -> bool:
    """Whether a row names at least two of the table's required columns."""
    return _names_required(table, cells) >= 2


def locate_header(table: str, file: str, first: Record, records: Iterator[Record]
                  ) -> Located:
    """Find the header row of ``table`` from its first non-empty row ``first`` and the rows
    after it (``records``, consumed no further than the header row when one is found).

    Row 1 naming two required columns is the header (the common case, nothing read ahead).
    Otherwise the first row of the first ``HEADER_SEARCH_ROWS`` that does is, and the rows
    above it must be titles (see the module's docstring). With none, row 1 is the header as
    it is (its missing columns are reported), or ``header`` is ``None`` when row 1 is blank.
    """
    number, cells = first
    if looks_like_header(table, cells):
        issues = [] if number == 1 else _above_header(file, number, [])
        return Located(first, records, issues)
    aliases = column_alias_table(table)
    mistaken = (len(_filled(cells)) >= 2
                and any(fold(c) in aliases for c in cells if c.strip()))
    if mistaken:
        # A header row with mistakes (one required column, a misspelt one): report those.
        return Located(first, records, [] if number == 1 else _above_header(file, number, []))
    read: list[Record] = [first]
    for item in records:
        read.append(item)
        row, row_cells = item
        if row > HEADER_SEARCH_ROWS or getattr(row_cells, "stop", False):
            break
        if looks_like_header(table, row_cells):
            return Located(item, records, _above_header(file, row, read[:-1]))
    rest = itertools.chain(read[1:], records)
    if number == 1 and _filled(cells):
        return Located(first, rest)
    noted = [i for _, c in read for i in getattr(c, "issues", ())]
    return Located(None, rest, noted)


def formula_notes(file: str, row: int, cells: Sequence[str]) -> list[Issue]:
    """A warning per formula without a computed value in a row above the header (read as
    blank: a title left uncomputed), by column letter."""
    from graphmap.load.raw import column_letter

    formulas: Mapping[int, str] = getattr(cells, "formulas", {})
    return [warning("xlsx.formula_no_value", file, row, column_letter(i), formula=f)
            for i, f in sorted(formulas.items())]


def _above_header(file: str, header_row: int, above: Sequence[Record]) -> list[Issue]:
    """The warning that row ``header_row`` is read as the header, or one error per row
    ``above`` it that is not a title; and what the reader noted on those rows."""
    issues: list[Issue] = []
    titles: list[str] = []
    intruders: list[Issue] = []
    for row, cells in above:
        issues.extend(getattr(cells, "issues", ()))
        issues.extend(formula_notes(file, row, cells))
        filled = _filled(cells)
        if len(filled) > 1:
            intruders.append(error("header.not_first_row", file, row, None,
                                   header_row=header_row, count=len(filled)))
        elif filled:
            titles.append(shown(" ".join(filled[0].split()), _TITLE_CHARS))
    if intruders:
        return issues + intruders
    last = header_row - 1
    above_text = (
        Message("load.header.above_titles",
                {"last": last, "titles": Listing(Quoted(t) for t in titles)})
        if titles else Message("load.header.above_blank", {"last": last}))
    issues.append(warning("header.below_title", file, header_row, None, header_row=header_row,
                          above=above_text))
    return issues


# -- a table under another name ------------------------------------------------------------


def required_headers(table: str, rows: Sequence[Sequence[str]]) -> tuple[str, ...] | None:
    """The user's headers of ``table``'s required columns, in the schema's order, from the
    first of ``rows`` that holds all of them; ``None`` when none does.

    >>> required_headers("actors", [["Répertoire"], ["Identifiant", "Nom", "Secteur"]])
    ('Identifiant', 'Nom', 'Secteur')
    >>> required_headers("projects", [["id", "nom", "secteur"]]) is None
    True
    """
    aliases = column_alias_table(table)
    required = REQUIRED_COLUMNS[table]
    for cells in rows:
        written: dict[str, str] = {}
        for cell in cells:
            header = " ".join(cell.split())
            name = aliases.get(fold(header)) if header else None
            if name in required and name not in written:
                written[name] = header
        if len(written) == len(required):
            return tuple(written[name] for name in required)
    return None


@dataclass
class Guesses:
    """What :func:`guess_tables` found: ``read_as`` table -> (name, its required headers as
    written); ``unsure`` table -> the names that could each be it, or the one name that could
    be several tables."""

    read_as: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    unsure: dict[str, list[str]] = field(default_factory=dict)

    def clause(self, table: str, kind: str) -> Localized:
        """Why no candidate was read, as a clause of the missing table's message (``kind``:
        ``sheet``, ``file`` or ``key``), or nothing."""
        names = self.unsure.get(table)
        if not names:
            return EMPTY
        rename = TableName(table, ".csv" if kind == "file" else "")
        if len(names) == 1:
            return Message(f"load.guess.shared.{kind}", {"name": Quoted(names[0])})
        return Message(f"load.guess.several.{kind}",
                       {"names": found_names(names), "table": table, "rename": rename})


def guess_tables(missing: Sequence[str], first_rows: Mapping[str, Sequence[Sequence[str]]]
                 ) -> Guesses:
    """Which of the unclaimed sheets, files or keys (name -> its first rows) holds each of
    the ``missing`` tables, by its header row (only the three tables every workspace has are
    guessed; an optional one absent is none).

    A name is read as a table when it is that table's only candidate and a candidate for no
    other missing table.

    >>> found = guess_tables(["actors"], {"Partenaires": [["id", "Nom", "Secteur"]],
    ...                                   "Notes": [["quoi", "qui"]]})
    >>> found.read_as
    {'actors': ('Partenaires', ('id', 'Nom', 'Secteur'))}
    """
    fits: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for table in missing:
        if table not in TABLES:
            continue
        fits[table] = [(name, columns) for name, rows in first_rows.items()
                       if (columns := required_headers(table, rows)) is not None]
    claims = Counter(name for found in fits.values() for name, _ in found)
    guesses = Guesses()
    for table, found in fits.items():
        if len(found) == 1 and claims[found[0][0]] == 1:
            guesses.read_as[table] = found[0]
        elif found:
            guesses.unsure[table] = [name for name, _ in found]
    return guesses
