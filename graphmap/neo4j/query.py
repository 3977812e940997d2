"""The Cypher query library (``queries/*.cypher``): find, describe, parametrise, run, format.

Each file starts with a header of ``//`` comment lines::

    // purpose: what it answers (English)
    // objectif: the same in French
    // requires: gds            (optional: a plugin it needs)
    // param: NAME TYPE [= DEFAULT] — description
    // example: :param workspace => 'laurentides'

Installed, the files live in the package as ``graphmap/_queries`` (the wheel force-includes
them); in a source checkout they are read from the repository's ``queries/`` folder.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from graphmap.errors import UsageError
from graphmap.i18n import translate
from graphmap.neo4j.connection import Connection, open_driver, run_query

__all__ = ["DEFAULT_RESULT_FORMAT", "RESULT_FORMATS", "Param", "QueryResult", "QuerySpec",
           "format_listing", "format_result", "get_query", "load_queries", "parse_params", "run"]

PARAM_TYPES: tuple[str, ...] = ("string", "integer", "float", "boolean")
#: What :func:`format_result` writes (``graphmap query --format``).
RESULT_FORMATS: tuple[str, ...] = ("table", "json", "csv")
DEFAULT_RESULT_FORMAT = "table"
#: The parameter every query of the library takes, filled by ``graphmap query --workspace``.
WORKSPACE_PARAM = "workspace"
_PARAM_LINE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\w+)(?:\s*=\s*(?P<default>\S+))?"
    r"\s*(?:[—-]+\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a query."""

    name: str
    type: str
    default: Any = None
    required: bool = True
    doc: str = ""


@dataclass(frozen=True)
class QuerySpec:
    """One query of the library: its name (file stem), header and Cypher text."""

    name: str
    text: str
    purpose: Mapping[str, str]
    params: tuple[Param, ...] = ()
    requires: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass(frozen=True)
class QueryResult:
    keys: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...] = field(default_factory=tuple)


def _queries_dir() -> Any:
    """The folder holding the ``.cypher`` files (a Traversable)."""
    packaged = resources.files("graphmap") / "_queries"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "queries"


def _convert(kind: str, text: str) -> Any:
    if kind == "integer":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "boolean":
        lowered = text.strip().lower()
        if lowered in ("true", "1", "yes", "oui", "vrai"):
            return True
        if lowered in ("false", "0", "no", "non", "faux"):
            return False
        raise ValueError(text)
    return text


def parse_header(name: str, text: str) -> QuerySpec:
    """Read the ``//`` header of one query file.

    >>> spec = parse_header("demo", "// purpose: P\\n// objectif: O\\n"
    ...                     "// param: workspace string — ws\\n// param: k integer = 3 — k\\n"
    ...                     "MATCH (n) RETURN n")
    >>> spec.purpose["fr"], [(p.name, p.type, p.default, p.required) for p in spec.params]
    ('O', [('workspace', 'string', None, True), ('k', 'integer', 3, False)])
    """
    purpose: dict[str, str] = {}
    params: list[Param] = []
    requires: list[str] = []
    examples: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("//"):
            break
        key, _, value = stripped[2:].strip().partition(":")
        value = value.strip()
        if key == "purpose":
            purpose["en"] = value
        elif key == "objectif":
            purpose["fr"] = value
        elif key == "requires":
            requires.extend(v.strip() for v in value.split(",") if v.strip())
        elif key == "example":
            examples.append(value)
        elif key == "param":
            match = _PARAM_LINE.match(value)
            if match is None or match["type"] not in PARAM_TYPES:
                raise ValueError(f"queries/{name}.cypher: bad param line {value!r}")
            default = match["default"]
            params.append(Param(match["name"], match["type"],
                                None if default is None else _convert(match["type"], default),
                                default is None, (match["doc"] or "").strip()))
    return QuerySpec(name, text, purpose, tuple(params), tuple(requires), tuple(examples))


def load_queries() -> dict[str, QuerySpec]:
    """Every query of the library by name, sorted by name."""
    folder = _queries_dir()
    out: dict[str, QuerySpec] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            out[name] = parse_header(name, entry.read_text(encoding="utf-8"))
    return out


def get_query(name: str) -> QuerySpec:
    """The query ``name`` (file stem, ``.cypher`` optional); ``UsageError`` if unknown."""
    queries = load_queries()
    key = name[: -len(".cypher")] if name.endswith(".cypher") else name
    if key not in queries:
        raise UsageError("neo4j.error.unknown_query", name=name, names=", ".join(queries))
    return queries[key]


def parse_params(spec: QuerySpec, items: Iterable[str], *,
                 workspace: str | None = None) -> dict[str, Any]:
    """``key=value`` strings to typed parameters, checked against the header; declared
    defaults fill the rest. ``workspace`` (``--workspace``) is the same as the item
    ``workspace=NAME``; left missing, it is filled in at run time.

    >>> spec = parse_header("q", "// param: workspace string — w\\n// param: k integer = 3 — k")
    >>> parse_params(spec, ["k=5", "workspace=a=b"])
    {'k': 5, 'workspace': 'a=b'}
    >>> parse_params(spec, [], workspace="demo")
    {'workspace': 'demo', 'k': 3}
    >>> parse_params(spec, [])
    {'k': 3}
    """
    values: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise UsageError("neo4j.error.bad_param", text=item)
        param = spec.param(key)
        if param is None:
            raise UsageError("neo4j.error.unknown_param", query=spec.name, name=key,
                             names=", ".join(p.name for p in spec.params))
        try:
            values[key] = _convert(param.type, raw)
        except ValueError as exc:
            raise UsageError("neo4j.error.param_type", name=key, value=raw,
                             type=param.type) from exc
    if workspace is not None:
        given = values.get(WORKSPACE_PARAM)
        if given is not None and given != workspace:
            raise UsageError("neo4j.error.workspace_twice", workspace=workspace, param=given)
        if spec.param(WORKSPACE_PARAM) is None:
            raise UsageError("neo4j.error.unknown_param", query=spec.name, name=WORKSPACE_PARAM,
                             names=", ".join(p.name for p in spec.params))
        values = {WORKSPACE_PARAM: workspace, **values}
    for param in spec.params:
        if param.name not in values and not param.required:
            values[param.name] = param.default
    return values


def run(spec: QuerySpec, conn: Connection, values: Mapping[str, Any]) -> QueryResult:
    """Run one query. A missing ``workspace`` is the database's only workspace; another
    missing required parameter is a ``UsageError``."""
    from graphmap.neo4j.sync import resolve_workspace

    params = dict(values)
    with open_driver(conn) as driver:
        if spec.param(WORKSPACE_PARAM) is not None:
            params[WORKSPACE_PARAM] = resolve_workspace(conn, driver, params.get(WORKSPACE_PARAM))
        for param in spec.params:
            if param.name not in params:
                raise UsageError("neo4j.error.missing_param", query=spec.name, name=param.name)
        result = run_query(driver, conn, spec.text, params)
    return QueryResult(tuple(result.keys),
                       tuple(tuple(_plain(v) for v in rec.values()) for rec in result.records))


def _plain(value: Any) -> Any:  # noqa: PLR0911 (one return per kind of value)
    """Driver values as JSON-friendly Python values (nodes as their property maps)."""
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "items") and hasattr(value, "element_id"):  # Node or Relationship
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if hasattr(value, "iso_format"):  # neo4j.time types
        return str(value.iso_format())
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def format_result(result: QueryResult, fmt: str) -> str:
    """``table`` (aligned columns), ``json`` (a list of objects) or ``csv``.

    >>> r = QueryResult(("id", "score"), (("a", 0.5), ("bb", None)))
    >>> print(format_result(r, "table"), end="")
    id  score
    --  -----
    a   0.5
    bb
    >>> format_result(r, "json").splitlines()[1]
    '  {"id": "a", "score": 0.5},'
    """
    if fmt not in RESULT_FORMATS:
        raise UsageError("neo4j.error.bad_format", fmt=fmt, formats=", ".join(RESULT_FORMATS))
    if fmt == "json":
        rows = [dict(zip(result.keys, row, strict=True)) for row in result.rows]
        if not rows:
            return "[]\n"
        body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows)
        return "[\n" + body + "\n]\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.keys)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        return buffer.getvalue()
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([len(k), *(len(row[i]) for row in cells)]) for i, k in enumerate(result.keys)]
    lines = [_table_line(result.keys, widths), _table_line(["-" * w for w in widths], widths)]
    lines.extend(_table_line(row, widths) for row in cells)
    return "\n".join(lines) + "\n"


def _table_line(values: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()


def format_listing(queries: Mapping[str, QuerySpec], lang: str) -> str:
    """``graphmap query --list``: each query with its purpose and parameters."""
    lines = [translate("neo4j.query.list_header", lang), ""]
    for name, spec in queries.items():
        purpose = spec.purpose.get(lang) or spec.purpose.get("en", "")
        params = ", ".join(p.name if p.required else f"{p.name}={p.default}"
                           for p in spec.params)
        lines.append(name + (f" [{', '.join(spec.requires)}]" if spec.requires else ""))
        lines.append(f"    {purpose}")
        if params:
            lines.append(f"    {translate('neo4j.query.params', lang)}: {params}")
        lines.append("")
    return "\n".join(lines)
