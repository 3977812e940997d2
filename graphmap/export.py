"""Write a Dataset back as a workspace: CSV folder, ``.xlsx`` workbook or ``.json`` file.

Output is deterministic (same Dataset ⇒ same bytes) and written atomically, and reading it
back gives an equal Dataset: ``load_workspace(write_workspace(ds, path)) == ds``.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return) are written with a guard apostrophe, as OWASP recommends;
graphmap's CSV reader removes exactly that apostrophe, so the round trip holds (the rule is
in ``graphmap.load.neutral``). Workbooks need no guard: their text cells are typed as text.
A CSV folder is never written where reading it back would give other data: beside another
file of a table it writes (``acteurs.csv`` when writing ``actors.csv``: two copies of one
table), nor over a folder that holds a file of a table it does not write (an old
``territories.csv`` when the Dataset has no territories would be read back with it).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from graphmap.atomic import write_bytes
from graphmap.errors import GraphmapError, UsageError
from graphmap.i18n import Listing
from graphmap.load.csv_folder import table_candidates
from graphmap.load.neutral import protect
from graphmap.load.raw import FRENCH_HEADERS
from graphmap.model.dataset import Dataset
from graphmap.schema import OPTIONAL_TABLES, REQUIRED_COLUMNS, TABLE_COLUMNS, TABLES, Vocabulary

__all__ = [
    "check_no_other_table_files", "csv_bytes", "json_bytes", "table_rows", "write_csv_folder",
    "write_json", "write_workspace", "write_xlsx", "xlsx_bytes",
]

Cell = str | int | float

# Fixed timestamp for workbook properties and zip entries: same Dataset, same bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")

#: The French headers of the territories table (``type`` for its kind, as people write it).
_TERRITORY_FRENCH = {"id": "identifiant", "name": "nom", "parent": "parent", "kind": "type"}


def _number(value: float) -> int | float:
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def _sheet_number(value: float) -> int | float | str:
    """A number for a spreadsheet cell; as text when a cell (15 significant digits, like
    Excel) would not give the exact value back."""
    number = _number(value)
    if isinstance(number, float) and float(f"{number:.15g}") != number:
        return repr(number)
    return number


def _number_text(value: float, lang: str) -> str:
    text = str(_number(value))
    return text.replace(".", ",") if lang == "fr" and "e" not in text else text


def _term(value: Vocabulary, lang: str) -> str:
    return value.label("fr") if lang == "fr" else value.value


def table_rows(dataset: Dataset, table: str, *, lang: str = "en", numbers: bool = False,
               theme_lists: bool = False,
               spreadsheet: bool = False) -> tuple[list[str], Iterator[list[Any]]]:
    """The header and the rows of one table, canonical columns first, then the user's own.

    ``lang="fr"`` writes French headers and vocabulary (``secteur``, ``économie sociale``)
    and decimal commas; ``numbers=True`` keeps amounts, years and weights as numbers (for
    spreadsheets and JSON) instead of text; ``theme_lists=True`` gives themes as lists;
    ``spreadsheet=True`` keeps as text the rare number a cell would round.
    """
    columns = list(TABLE_COLUMNS[table])
    extras = list(dataset.extra_columns.get(table, ()))
    french = _TERRITORY_FRENCH if table == "territories" else FRENCH_HEADERS
    header = [french[c] if lang == "fr" else c for c in columns] + extras

    def num(value: float | None) -> Cell:
        if value is None:
            return ""
        if not numbers:
            return _number_text(value, lang)
        return _sheet_number(value) if spreadsheet else _number(value)

    def rows() -> Iterator[list[Any]]:
        if table == "actors":
            for a in dataset.actors:
                yield [a.id, a.name, _term(a.sector, lang), a.type or "",
                       _term(a.category, lang), a.territory or "", _term(a.scope, lang),
                       *(a.extra.get(x, "") for x in extras)]
        elif table == "projects":
            for p in dataset.projects:
                themes = list(p.themes) if theme_lists else "; ".join(p.themes)
                yield [p.id, p.name, _term(p.stage, lang), themes,
                       p.territory or "", p.start or "", p.end or "",
                       *(p.extra.get(x, "") for x in extras)]
        elif table == "territories":
            for t in dataset.territories:
                yield [t.id, t.name, t.parent or "", t.kind or "",
                       *(t.extra.get(x, "") for x in extras)]
        else:
            for r in dataset.relations:
                yield [r.source, r.target, _term(r.type, lang), num(r.amount),
                       "" if r.year is None else (r.year if numbers else str(r.year)),
                       "" if r.weight == 1.0 else num(r.weight), r.kind or "",
                       *(r.extra.get(x, "") for x in extras)]

    return header, rows()


def csv_bytes(dataset: Dataset, table: str, *, lang: str = "en", delimiter: str = ",",
              encoding: str = "utf-8", line_end: str = "\n") -> bytes:
    """One table as CSV bytes (UTF-8 without BOM, ``,`` and ``\\n`` by default); a cell a
    spreadsheet would run as a formula gets a guard apostrophe (``graphmap.load.neutral``).

    >>> from graphmap.model.records import Actor
    >>> from graphmap.schema import Sector
    >>> ds = Dataset((Actor("a1", "=HYPERLINK(1)", Sector.MEDIA),), (), ())
    >>> csv_bytes(ds, "actors").splitlines()[1]
    b"a1,'=HYPERLINK(1),media,,organization,,local"
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    header, rows = table_rows(dataset, table, lang=lang)
    writer.writerow([protect(h) for h in header])
    writer.writerows([protect(c) if isinstance(c, str) else c for c in row] for row in rows)
    try:
        return buffer.getvalue().encode(encoding)
    except UnicodeEncodeError as exc:
        raise GraphmapError("validation.export_encoding", encoding=encoding,
                            text=exc.object[exc.start:exc.end]) from exc


def write_csv_folder(dataset: Dataset, folder: str | os.PathLike[str], *, lang: str = "en",
                     delimiter: str = ",", encoding: str = "utf-8",
                     line_end: str = "\n") -> list[Path]:
    """Write ``actors.csv``, ``projects.csv`` and ``relations.csv`` into ``folder``, and
    ``territories.csv`` when the Dataset declares territories.

    Raises
    ------
    graphmap.errors.GraphmapError
        ``folder`` already holds another file for one of the tables written
        (``acteurs.csv``, ``Actors.csv``), or a file for a table not written
        (``territories.csv`` when the Dataset has no territories): nothing is written,
        since reading the folder back would be refused or would give other data.
    """
    tables = tables_of(dataset)
    check_no_other_table_files(Path(folder), tables)
    return [
        write_bytes(Path(folder) / f"{table}.csv",
                    csv_bytes(dataset, table, lang=lang, delimiter=delimiter,
                              encoding=encoding, line_end=line_end))
        for table in tables
    ]


def tables_of(dataset: Dataset) -> tuple[str, ...]:
    """The tables a workspace of ``dataset`` has: the three, and ``territories`` when it
    declares some (so that reading it back gives the same Dataset)."""
    return (*TABLES, *OPTIONAL_TABLES) if dataset.territories else TABLES


def check_no_other_table_files(folder: Path, tables: Sequence[str]) -> None:
    """Refuse to write the CSV files of ``tables`` into a folder that would read back as
    other data: one holding a table written under another name (French, or another case;
    ``graphmap init`` never hides a user's workspace this way), or any file of a table not
    written (it would be read back with the new files)."""
    if not folder.is_dir():
        return
    for table in (*TABLES, *OPTIONAL_TABLES):
        target = folder / f"{table}.csv"
        candidates = table_candidates(folder, table)
        if table not in tables:
            if candidates:
                raise GraphmapError("load.export.unwritten_table_file", path=str(folder),
                                    found=Listing(p.name for p in candidates), table=table)
            continue
        others = [p for p in candidates
                  if not (target.exists() and os.path.samefile(p, target))]
        if others:
            raise GraphmapError("load.export.other_table_file", path=str(folder),
                                found=Listing(p.name for p in others), table=table,
                                file=target.name)


def xlsx_bytes(dataset: Dataset, *, lang: str = "en") -> bytes:
    """The workspace as an ``.xlsx`` workbook with sheets actors, projects, relations."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils.exceptions import IllegalCharacterError

    book = Workbook(write_only=True)
    book.properties.creator = "graphmap"
    book.properties.created = book.properties.modified = _fixed_datetime()
    for table in tables_of(dataset):
        sheet = book.create_sheet(table)
        header, rows = table_rows(dataset, table, lang=lang, numbers=True, spreadsheet=True)
        try:
            sheet.append([_text_cell(sheet, h, WriteOnlyCell) for h in header])
            for row in rows:
                sheet.append([_text_cell(sheet, v, WriteOnlyCell) for v in row])
        except IllegalCharacterError as exc:
            raise GraphmapError("validation.export_illegal_char", table=table) from exc
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic_zip(buffer.getvalue())


def _text_cell(sheet: Any, value: Cell, cell_type: Any) -> Any:
    """Text starting with ``=`` stays text (openpyxl would take it for a formula)."""
    if isinstance(value, str) and value.startswith("="):
        cell = cell_type(sheet, value)
        cell.data_type = "s"
        return cell
    return None if value == "" else value


def _fixed_datetime() -> Any:
    import datetime as dt

    return dt.datetime(*_EPOCH)


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and a fixed modification date in core.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>1980-01-01T00:00:00Z\g<2>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, content)
    return out.getvalue()


def write_xlsx(dataset: Dataset, path: str | os.PathLike[str], *, lang: str = "en") -> Path:
    """Write the workspace as one ``.xlsx`` workbook at ``path``."""
    return write_bytes(path, xlsx_bytes(dataset, lang=lang))


def _json_record(columns: Sequence[str], row: Sequence[Any],
                 required: Sequence[str]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for column, value in zip(columns, row, strict=True):
        if value not in ("", []) or column in required:
            record[column] = value
    return record


def json_bytes(dataset: Dataset) -> bytes:
    """The workspace as one JSON document (UTF-8, sorted as the Dataset, 2-space indent)."""
    document: dict[str, list[dict[str, Any]]] = {}
    for table in tables_of(dataset):
        header, rows = table_rows(dataset, table, numbers=True, theme_lists=True)
        document[table] = [_json_record(header, row, REQUIRED_COLUMNS[table]) for row in rows]
    text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
    return (text + "\n").encode("utf-8")


def write_json(dataset: Dataset, path: str | os.PathLike[str]) -> Path:
    """Write the workspace as one ``.json`` file at ``path``."""
    return write_bytes(path, json_bytes(dataset))


def write_workspace(dataset: Dataset, path: str | os.PathLike[str]) -> Path:
    """Write ``dataset`` in the format ``path`` names: ``.xlsx``, ``.json``, else a folder."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(dataset, target)
    if suffix == ".json":
        return write_json(dataset, target)
    if suffix:
        raise UsageError("validation.path_unsupported", path=str(target))
    write_csv_folder(dataset, target)
    return target

