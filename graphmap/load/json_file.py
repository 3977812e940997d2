"""Read a workspace from one JSON file ``{"actors": [...], "projects": [...], "relations": [...]}``.

Each record is an object whose keys are column headers (the same names and French aliases
as the CSV headers). Locations are ``file.json[table]:N`` where N counts records from 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.load.csv_folder import TABLE_FILE_STEMS
from graphmap.load.issues import did_you_mean, error
from graphmap.load.raw import (
    RawRow,
    RawTable,
    RowBuilder,
    clean_cells,
    resolve_header,
    scalar_text,
)
from graphmap.schema import TABLES, fold, suggest_from


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


def read_json_workspace(path: Path) -> tuple[dict[str, RawTable], list[Issue]]:
    """Every table of a JSON workspace, and the issues of a file that cannot be used."""
    label = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(path),
                         detail=exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return {}, [error("file.encoding", label, None, None, line=line, offset=exc.start)]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return {}, [error("file.json_syntax", label, exc.lineno, None, detail=exc.msg,
                          line=exc.lineno, col=exc.colno)]
    except RecursionError:
        return {}, [error("file.json_syntax", label, None, None, detail="nesting",
                          line=1, col=1)]
    if not isinstance(document, dict):
        return {}, [error("json.not_object", label, None, None)]
    keys = {fold(str(k)): k for k in document}
    tables: dict[str, RawTable] = {}
    issues: list[Issue] = []
    for table in TABLES:
        key = next((keys[s] for s in TABLE_FILE_STEMS[table] if s in keys), None)
        if key is None:
            close = suggest_from(table, [str(k) for k in document])
            issues.append(error("workspace.missing_table", label, None, None, table=table,
                                suggestion=did_you_mean(close)))
            continue
        records = document[key]
        table_label = f"{label}[{key}]"
        if not isinstance(records, list):
            issues.append(error("json.not_list", table_label, None, None, table=key))
            continue
        tables[table] = RawTable(table, table_label, _rows(table, table_label, records))
    return tables, issues


def _rows(table: str, label: str, records: Sequence[Any]) -> Iterator[RawRow | Issue]:
    builders: dict[tuple[str, ...], RowBuilder] = {}
    reported: set[tuple[str, str | None]] = set()
    for number, record in enumerate(records, start=1):
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
        cells = clean_cells([json_text(v) for v in record.values()])
        yield from builder.unnamed(number, cells)
        yield builder.build(number, cells)

