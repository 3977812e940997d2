"""Read a workspace from one JSON file ``{"actors": [...], "projects": [...], "relations": [...]}``.

Each record is an object whose keys are column headers (the same names and French aliases
as the CSV headers). Locations are ``file.json[table]:N`` where N counts records from 1.

The file is parsed whole, so it is bounded by ``[limits] json_bytes``. What ``json`` would
otherwise lose or choke on is kept or reported: a key repeated in one object (``json``
keeps the last value), integers too long to convert and ``NaN``/``Infinity`` (kept as the
text written), lone UTF-16 surrogates such as ``"\\ud800"`` (no output can write them).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.i18n import Listing, Message
from graphmap.load.csv_folder import TABLE_FILE_STEMS, check_input_size
from graphmap.load.issues import Number, did_you_mean, error, warning
from graphmap.load.limits import DEFAULT_LIMITS, Limits, size_text
from graphmap.load.locate import (
    HEADER_SEARCH_ROWS,
    TableName,
    TableNames,
    closest_name,
    found_names,
    guess_tables,
)
from graphmap.load.raw import (
    RawRow,
    RawTable,
    RowBuilder,
    clean_cells,
    resolve_header,
    scalar_text,
)
from graphmap.schema import OPTIONAL_TABLES, TABLES, fold

__all__ = ["json_text", "read_json_workspace"]

# A \uD800-\uDFFF escape: only then can a decoded string hold a lone surrogate (valid
# UTF-8 cannot encode one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(value: Any) -> str:
    """A JSON value as cell text: numbers as written, lists joined by ``;``, objects as JSON.

    >>> json_text(2021.0), json_text(["food", "housing"]), json_text(None), json_text(True)
    ('2021', 'food; housing', '', 'true')
    """
    text = scalar_text(value)
    if text is not None:
        return text
    if isinstance(value, list) and all(not isinstance(v, list | dict) for v in value):
        return "; ".join(t for t in (json_text(v).strip() for v in value) if t)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Repeated(dict[str, Any]):
    """An object in which some key appears more than once (``repeated``)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        repeated: set[str] = set()
        for key, _ in pairs:
            (repeated if key in seen else seen).add(key)
        self.repeated = sorted(repeated)


class _Parser:
    """``json.loads`` with what the defaults would lose kept or noted.

    A repeated key is found without a hook on every object (which would slow every load):
    each key of the text ends with ``"`` and ``:``, and so do only a few escaped quotes in
    strings, so when the text holds exactly as many ``":`` as the parsed records hold
    keys, no key was repeated. Otherwise (repeated keys, or objects nested in values) the
    text is parsed again with a hook that sees every key."""

    def __init__(self) -> None:
        self.repeated = False
        self.digits = sys.get_int_max_str_digits() or sys.maxsize
        self._long_integers = False

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        self.repeated = True
        return _Repeated(pairs)

    def integer(self, digits: str) -> int | str:
        # Past Python's conversion limit (4,300 digits) the number is kept as written.
        return int(digits) if len(digits) <= self.digits else digits

    @staticmethod
    def real(text: str) -> float | str:
        value = float(text)
        return value if math.isfinite(value) else text  # 1e400: kept as written

    def parse(self, text: str) -> Any:
        document = self._loads(text, hooked=False)
        if not _no_repeated_key(text, document):
            document = self._loads(text, hooked=True)
        return document

    def _loads(self, text: str, *, hooked: bool) -> Any:
        hooks: dict[str, Any] = {"parse_float": self.real, "parse_constant": str}
        if hooked:
            hooks["object_pairs_hook"] = self.object
        if self._long_integers:
            hooks["parse_int"] = self.integer
        try:
            return json.loads(text, **hooks)
        except json.JSONDecodeError:
            raise
        except ValueError:
            # An integer past Python's conversion limit: read again, keeping such integers
            # as written (only then, so that the common case pays no call per integer).
            self._long_integers = True
            hooks["parse_int"] = self.integer
            return json.loads(text, **hooks)


def _no_repeated_key(text: str, document: Any) -> bool:
    """Whether ``document`` provably kept every key of ``text`` (see :class:`_Parser`)."""
    if not isinstance(document, dict):
        return text.count('":') == 0
    # Only objects are counted: a parsed object never holds more keys than its text, so
    # equal counts mean that no key was lost anywhere.
    keys = len(document)
    try:
        for records in document.values():
            if type(records) is list:
                # dict.__len__ refuses anything but an object: one pass, no test per record.
                keys += sum(map(dict.__len__, records))
    except TypeError:
        return False  # a record that is not an object: let the hook count
    return text.count('":') == keys


def read_json_workspace(path: Path, limits: Limits = DEFAULT_LIMITS
                        ) -> tuple[dict[str, RawTable], list[Issue]]:
    """Every table of a JSON workspace, and the issues of a file that cannot be used.

    Raises
    ------
    graphmap.errors.InputError
        The file cannot be read, or is larger than ``json_bytes`` or ``input_bytes``.
    """
    label = path.name
    check_input_size(path, [path], limits)
    try:
        size = path.stat().st_size
        if size > limits.json_bytes:
            raise InputError("load.limit.json_bytes", path=str(path), size=size_text(size),
                             limit=size_text(limits.json_bytes), setting="json_bytes")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(path),
                         detail=exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return {}, [error("file.encoding", label, None, None, line=line, offset=exc.start)]
    del data
    parser = _Parser()
    try:
        document = parser.parse(text)
    except json.JSONDecodeError as exc:
        return {}, [error("file.json_syntax", label, exc.lineno, None, detail=exc.msg,
                          line=exc.lineno, col=exc.colno)]
    except RecursionError:
        return {}, [error("file.json_syntax", label, None, None, detail="nesting",
                          line=1, col=1)]
    if not isinstance(document, dict):
        return {}, [error("json.not_object", label, None, None)]
    escapes = "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None
    checks = _Checks(limits, parser.repeated, escapes)
    return _tables(label, document, checks)


def _tables(label: str, document: dict[str, Any], checks: _Checks
            ) -> tuple[dict[str, RawTable], list[Issue]]:
    tables: dict[str, RawTable] = {}
    issues: list[Issue] = []
    repeated = set(document.repeated) if isinstance(document, _Repeated) else set()
    chosen: dict[str, list[str]] = {}
    missing: list[str] = []
    for table in (*TABLES, *OPTIONAL_TABLES):
        keys = [k for k in document if fold(str(k)) in TABLE_FILE_STEMS[table]]
        if not keys and table in OPTIONAL_TABLES:
            continue  # an optional table may be absent
        if keys:
            chosen[table] = keys
        else:
            missing.append(table)
    if missing:
        issues.extend(_guessed_keys(label, document, missing, chosen))
    for table, keys in chosen.items():
        if len(keys) > 1:
            issues.append(error("workspace.two_keys", label, None, None, table=table,
                                keys=Listing(keys)))
            continue
        key = keys[0]
        if key in repeated:
            issues.append(error("workspace.two_keys", label, None, None, table=table,
                                keys=Listing((key, key))))
            continue
        records = document[key]
        table_label = f"{label}[{key}]"
        if not isinstance(records, list):
            issues.append(error("json.not_list", table_label, None, None, table=key))
            continue
        raw = RawTable(table, table_label, iter(()))
        raw.rows = _rows(raw, records, checks)
        tables[table] = raw
    return tables, issues


def _guessed_keys(label: str, document: dict[str, Any], missing: list[str],
                  chosen: dict[str, list[str]]) -> list[Issue]:
    """Read each ``missing`` table from the one unclaimed key whose records have its
    columns (added to ``chosen``, with a warning); else the error listing the keys."""
    claimed = {fold(stem) for stems in TABLE_FILE_STEMS.values() for stem in stems}
    first_keys = {str(key): [[str(k) for k in record] for record in value[:HEADER_SEARCH_ROWS]
                             if isinstance(record, dict)]
                  for key, value in document.items()
                  if fold(str(key)) not in claimed and isinstance(value, list)}
    # One "header row" of every key the first records use, in their order.
    guesses = guess_tables(missing, {key: [list(dict.fromkeys(k for row in rows for k in row))]
                                     for key, rows in first_keys.items()})
    issues: list[Issue] = []
    names = [str(k) for k in document]
    for table in missing:
        if table in guesses.read_as:
            key, columns = guesses.read_as[table]
            chosen[table] = [key]
            issues.append(warning("workspace.key_guessed", f"{label}[{key}]", None, None,
                                  table=table, columns=", ".join(columns),
                                  rename=TableName(table)))
            continue
        listed = (Message("load.found.keys", {"names": found_names(names), "count": len(names)})
                  if names else Message("load.found.no_keys"))
        issues.append(error("workspace.missing_table", label, None, None, table=table,
                            names=TableNames(table), found=listed,
                            candidates=guesses.clause(table, "key"),
                            suggestion=did_you_mean(closest_name(table, names))))
    return issues


class _Checks:
    """The checks a document needs beyond the common path, decided once from its text."""

    def __init__(self, limits: Limits, repeated: bool, surrogates: bool) -> None:
        self.limits = limits
        self.repeated = repeated
        self.surrogates = surrogates


class _LongCell(Exception):
    """A value longer than the cell limit (raised where cells are made: no extra pass)."""


def _cell_maker(limit: int) -> Callable[[Any], str]:
    def cell(value: Any) -> str:
        text = scalar_text(value)
        if text is None:
            text = json_text(value)
        if len(text) > limit:
            raise _LongCell
        return text

    return cell


def _rows(raw: RawTable, records: Sequence[Any], checks: _Checks
          ) -> Iterator[RawRow | Issue]:
    table, label = raw.table, raw.file
    builders: dict[tuple[str, ...], RowBuilder] = {}
    reported: set[tuple[str, str | None]] = set()
    rare = checks.repeated or checks.surrogates
    cell_limit = checks.limits.cell_chars
    cell = _cell_maker(cell_limit)
    limit = checks.limits.rows
    for number, record in enumerate(records[:limit] if len(records) > limit else records,
                                    start=1):
        if not isinstance(record, dict):
            yield error("json.record_not_object", label, number, None)
            continue
        keys = tuple(str(k) for k in record)
        builder = builders.get(keys)
        if builder is None:
            header, header_issues = resolve_header(table, keys, label, number)
            # Required keys missing from one record are reported per value, not per column.
            for issue in header_issues:
                if issue.code != "column.missing" and (issue.code, issue.column) not in reported:
                    reported.add((issue.code, issue.column))
                    yield issue
            builder = builders.setdefault(keys, RowBuilder(header, label))
        # Errors: the row is still checked (its id stays known), never kept.
        try:
            cells = clean_cells([cell(v) for v in record.values()])
        except _LongCell:
            cells = clean_cells([json_text(v) for v in record.values()])
            yield from (error("limit.cell_chars", label, number, key, limit=Number(cell_limit),
                              setting="cell_chars")
                        for key, text in zip(keys, cells, strict=True) if len(text) > cell_limit)
        if rare:
            yield from _record_problems(label, number, record, keys=keys, cells=cells,
                                        checks=checks)
        builder.unnamed(number, cells)
        yield builder.build(number, cells)
    for builder in builders.values():
        yield from builder.unnamed_issues()
    if len(records) > limit:
        raw.truncated = True
        yield error("limit.rows", label, limit + 1, None, limit=Number(limit), setting="rows",
                    unread=Message("load.unread.records",
                                   {"count": Number(len(records) - limit)}))


def _record_problems(label: str, number: int, record: dict[str, Any], *, keys: tuple[str, ...],
                     cells: list[str], checks: _Checks) -> Iterator[Issue]:
    """What keeps one record from being read as it is written (the document's rare cases)."""
    if checks.repeated:
        if isinstance(record, _Repeated):
            for key in record.repeated:
                yield error("json.duplicate_key", label, number, key, key=key)
        for key, value in record.items():
            if isinstance(value, dict | list) and _holds_repeated(value):
                yield error("json.duplicate_key_inside", label, number, key)
    if checks.surrogates:
        for key, cell in zip(keys, cells, strict=True):
            if _LONE_SURROGATE.search(key) or _LONE_SURROGATE.search(cell):
                yield error("json.lone_surrogate", label, number, key)


def _holds_repeated(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Repeated):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
