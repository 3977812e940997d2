"""Kumu: write a JSON blueprint (elements and connections with types, tags and fields), and
read Kumu's blueprints, project exports and two-sheet workbooks (Elements / Connections).

In a blueprint written here an element's ``type`` is ``Actor`` or ``Project`` (``Acteur``,
``Projet`` in French), a project's themes are its ``tags``, every other attribute is a
field named by its title, and a connection's ``type`` is the relation. Connections carry
no id (Kumu wants ids unique across elements and connections).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from graphmap import atomic
from graphmap.exchange.attributes import LIST_SEPARATOR, ExchangeGraph, ExchangeNode
from graphmap.exchange.tables import ForeignEdge, ForeignGraph, ForeignNode, scalar_text
from graphmap.i18n import translate
from graphmap.load.issues import error
from graphmap.schema import RelationType, fold

__all__ = ["read_kumu", "write_kumu", "write_kumu_to"]

# Keys of a Kumu element or connection that are not fields.
_ELEMENT_KEYS = frozenset({"_id", "id", "label", "type", "element type", "tags", "attributes"})
_CONNECTION_KEYS = frozenset({"_id", "id", "from", "to", "type", "connection type",
                              "direction", "attributes", "delayed", "reversed"})


def _element(graph: ExchangeGraph, node: ExchangeNode, kinds: Mapping[bool, str]
             ) -> dict[str, Any]:
    element: dict[str, Any] = {"id": node.id, "label": node.label, "type": kinds[node.is_actor]}
    if node.themes:
        element["tags"] = list(node.themes)
    for a in graph.node_attributes:
        if a.key in ("kind", "theme") or a.key not in node.values:
            continue
        value = node.values[a.key]
        element[a.title] = value.split(LIST_SEPARATOR) if a.key == "gaps" else value
    return element


def write_kumu_to(graph: ExchangeGraph, out: TextIO) -> None:
    """Write ``graph`` as a Kumu blueprint to a text stream, one element or connection a
    line (deterministic: same graph, same text)."""
    kinds = {True: translate("exchange.kumu.actor", graph.lang),
             False: translate("exchange.kumu.project", graph.lang)}

    def dumps(item: dict[str, Any]) -> str:
        return json.dumps(item, ensure_ascii=False, allow_nan=False)

    out.write("{\n  \"elements\": [")
    for number, node in enumerate(graph.nodes()):
        out.write(("," if number else "") + "\n    " + dumps(_element(graph, node, kinds)))
    out.write("\n  ],\n  \"connections\": [")
    for number, edge in enumerate(graph.edges()):
        connection: dict[str, Any] = {
            "from": edge.source, "to": edge.target, "type": edge.label,
            "direction": "undirected" if edge.relation is RelationType.COLLABORATES
            else "directed"}
        for a in graph.edge_attributes:
            if a.key != "relation" and a.key in edge.values:
                connection[a.title] = edge.values[a.key]
        out.write(("," if number else "") + "\n    " + dumps(connection))
    out.write("\n  ]\n}\n")


def write_kumu(graph: ExchangeGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as a Kumu JSON blueprint, atomically."""
    with atomic.atomic_open(path) as handle:
        write_kumu_to(graph, handle)
    return Path(path)


# -- reading ---------------------------------------------------------------------------

def read_kumu(path: str | os.PathLike[str]) -> ForeignGraph:
    """Read a Kumu blueprint or project export (``.json``) or a Kumu workbook (``.xlsx``)."""
    target = Path(path)
    if target.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_workbook(target)
    return _read_blueprint(target)


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(t for t in (scalar_text(v) for v in value) if t)
    return tuple(t.strip() for t in scalar_text(value).split("|") if t.strip())


def _flat(item: Mapping[str, Any]) -> dict[str, Any]:
    """A Kumu project export nests fields under ``attributes``; a blueprint does not."""
    flat = {k: v for k, v in item.items() if k != "attributes"}
    nested = item.get("attributes")
    if isinstance(nested, Mapping):
        for key, value in nested.items():
            flat.setdefault(key, value)
    return flat


def _type_of(item: Mapping[str, Any], key: str) -> Any:
    return item.get("type", item.get(key))


def _read_blueprint(target: Path) -> ForeignGraph:
    graph = ForeignGraph(target.stem, f"{target.name}[elements]",
                         f"{target.name}[connections]")
    try:
        document = json.loads(target.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        graph.issues.append(error("exchange.unreadable", target.name, None, None,
                                  format="Kumu", detail=str(exc)))
        return graph
    if not isinstance(document, dict) or not isinstance(document.get("elements"), list):
        graph.issues.append(error("exchange.no_records", target.name, None, None,
                                  what="elements"))
        return graph
    for number, item in enumerate(document["elements"], start=1):
        if not isinstance(item, dict):
            graph.issues.append(error("exchange.not_a_record", graph.node_file, number, None,
                                      found=type(item).__name__))
            continue
        flat = _flat(item)
        node = ForeignNode(number, scalar_text(flat.get("_id") or flat.get("id")) or None,
                           scalar_text(flat.get("label")) or None, tags=_tags(flat.get("tags")))
        kind = _type_of(flat, "element type")
        if kind is not None:
            node.fields.append(("type", kind))
        node.fields.extend((k, v) for k, v in flat.items() if k not in _ELEMENT_KEYS)
        graph.nodes.append(node)
    connections = document.get("connections") or []
    for number, item in enumerate(connections if isinstance(connections, list) else [],
                                  start=1):
        if not isinstance(item, dict):
            graph.issues.append(error("exchange.not_a_record", graph.edge_file, number, None,
                                      found=type(item).__name__))
            continue
        graph.edges.extend(_connections(number, _flat(item)))
    return graph


def _connections(number: int, flat: Mapping[str, Any]) -> Iterator[ForeignEdge]:
    """One connection, or several when its ``to`` lists elements separated by ``|``."""
    direction = scalar_text(flat.get("direction")).lower()
    directed = direction not in ("undirected", "mutual")
    fields: list[tuple[str, Any]] = []
    kind = _type_of(flat, "connection type")
    if kind is not None:
        fields.append(("type", kind))
    fields.extend((k, v) for k, v in flat.items() if k not in _CONNECTION_KEYS)
    source = scalar_text(flat.get("from")) or None
    targets: list[str | None] = [t.strip() for t in scalar_text(flat.get("to")).split("|")
                                 if t.strip()]
    for target in targets or [None]:
        yield ForeignEdge(number, source, target, list(fields), directed)


def _read_workbook(target: Path) -> ForeignGraph:
    from openpyxl import load_workbook

    graph = ForeignGraph(target.stem, f"{target.name}[Elements]", f"{target.name}[Connections]")
    try:
        book = load_workbook(target, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        graph.issues.append(error("exchange.unreadable", target.name, None, None,
                                  format="xlsx", detail=str(exc) or type(exc).__name__))
        return graph
    try:
        elements, connections = _kumu_sheets(book)
        if elements is None:
            graph.issues.append(error("exchange.no_records", target.name, None, None,
                                      what="Elements"))
            return graph
        graph.node_file = f"{target.name}[{elements.title}]"
        for row, cells in _sheet_rows(elements):
            flat = dict(cells)
            node = ForeignNode(row, scalar_text(_get(flat, "id")) or None,
                               scalar_text(_get(flat, "label")) or None,
                               tags=_tags(_get(flat, "tags")))
            node.fields.extend((k, v) for k, v in cells if fold(k) == "type")
            node.fields.extend((k, v) for k, v in cells if fold(k) not in _SHEET_ELEMENT)
            graph.nodes.append(node)
        if connections is not None:
            graph.edge_file = f"{target.name}[{connections.title}]"
            for row, cells in _sheet_rows(connections):
                flat = {fold(k): v for k, v in cells}
                fields = {k if fold(k) not in _SHEET_CONNECTION else fold(k): v
                          for k, v in cells}
                graph.edges.extend(_connections(row, {**fields, "from": flat.get("from"),
                                                      "to": flat.get("to")}))
    finally:
        book.close()
    return graph


_SHEET_ELEMENT = frozenset({"id", "label", "type", "tags"})
_SHEET_CONNECTION = frozenset({"from", "to", "type", "direction", "id"})


def _get(cells: Mapping[str, Any], name: str) -> Any:
    for key, value in cells.items():
        if fold(key) == name:
            return value
    return None


def _kumu_sheets(book: Any) -> tuple[Any, Any]:
    """The Elements and Connections sheets: by name, else by their first headers (Label;
    From and To), skipping sheets marked ``(ignore)`` as Kumu does."""
    sheets = [s for s in book.worksheets if "(ignore)" not in s.title.lower()]
    by_name = {fold(s.title): s for s in sheets}
    elements = by_name.get("elements")
    connections = by_name.get("connections")
    for sheet in sheets:
        header = [fold(scalar_text(c)) for c in next(sheet.iter_rows(max_row=1,
                                                                     values_only=True), ())]
        if elements is None and "label" in header:
            elements = sheet
        if connections is None and "from" in header and "to" in header:
            connections = sheet
    return elements, connections


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, list[tuple[str, Any]]]]:
    """``(spreadsheet row, [(header, value)...])`` for each non-blank row under row 1."""
    rows = sheet.iter_rows(values_only=True)
    header = [scalar_text(c) for c in next(rows, ())]
    for number, values in enumerate(rows, start=2):
        cells = [(h, v) for h, v in zip(header, values, strict=False)
                 if h and v not in (None, "")]
        if cells:
            yield number, cells
