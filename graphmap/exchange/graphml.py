"""GraphML: write an ecosystem with its analysis as typed ``<key>`` declarations, and read
one back (from graphmap, Gephi, yEd, networkx...).

Every attribute is declared once with its type (``string``, ``long``, ``double``); nodes
also carry Gephi's drawing keys (``label``, ``x``, ``y``, ``size``, ``r``, ``g``, ``b``),
which Gephi and graphology (Gephi Lite) read as the node's label, position, size and colour.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from graphmap import atomic
from graphmap.exchange.attributes import Attribute, ExchangeGraph
from graphmap.exchange.tables import ForeignEdge, ForeignGraph, ForeignNode
from graphmap.exchange.xmlio import XmlRefused, attr, read_events, text
from graphmap.load.issues import error

__all__ = ["read_graphml", "write_graphml", "write_graphml_to"]

NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {"string": "string", "integer": "long", "double": "double"}
# Gephi's drawing keys: (key id and name, type).
_DRAWING = (("x", "double"), ("y", "double"), ("size", "double"), ("r", "int"),
            ("g", "int"), ("b", "int"))


def _value(value: Any) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def _keys(prefix: str, scope: str, attributes: tuple[Attribute, ...]) -> Iterator[str]:
    for number, a in enumerate(attributes):
        yield (f'  <key id="{prefix}{number}" for="{scope}" attr.name={attr(a.title)} '
               f'attr.type="{_TYPES[a.type]}"/>\n')


def _data(prefix: str, attributes: tuple[Attribute, ...], values: Any) -> Iterator[str]:
    for number, a in enumerate(attributes):
        if a.key in values:
            yield f'      <data key="{prefix}{number}">{text(_value(values[a.key]))}</data>\n'


def write_graphml_to(graph: ExchangeGraph, out: TextIO) -> None:
    """Write ``graph`` as GraphML to a text stream (deterministic: same graph, same text)."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<graphml xmlns="{NS}" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              f'xsi:schemaLocation="{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    out.write('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n')
    out.writelines(f'  <key id="{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n'
                   for name, kind in _DRAWING)
    out.writelines(_keys("n", "node", graph.node_attributes))
    out.write('  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n')
    edge_attributes = tuple(a for a in graph.edge_attributes if a.key != "weight")
    out.writelines(_keys("e", "edge", edge_attributes))
    out.write(f'  <graph id={attr(graph.name or "graphmap")} edgedefault="directed">\n')
    out.write(f'    <desc>{text(graph.description)}</desc>\n')
    for node in graph.nodes():
        out.write(f"    <node id={attr(node.id)}>\n")
        out.write(f'      <data key="label">{text(node.label)}</data>\n')
        style = node.style
        if style is not None:
            if style.x is not None and style.y is not None:
                out.write(f'      <data key="x">{style.x!r}</data>\n'
                          f'      <data key="y">{style.y!r}</data>\n')
            out.write(f'      <data key="size">{style.size!r}</data>\n')
            out.writelines(f'      <data key="{channel}">{value}</data>\n'
                           for channel, value in zip("rgb", style.rgb, strict=True))
        out.writelines(_data("n", graph.node_attributes, node.values))
        out.write("    </node>\n")
    for number, edge in enumerate(graph.edges()):
        out.write(f'    <edge id="e{number}" source={attr(edge.source)} '
                  f'target={attr(edge.target)}>\n')
        out.write(f'      <data key="weight">{edge.weight!r}</data>\n')
        out.writelines(_data("e", edge_attributes, edge.values))
        out.write("    </edge>\n")
    out.write("  </graph>\n</graphml>\n")


def write_graphml(graph: ExchangeGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as a GraphML file, atomically."""
    with atomic.atomic_open(path) as handle:
        write_graphml_to(graph, handle)
    return Path(path)


_CASTS = {"int": int, "long": int, "float": float, "double": float}


def _cast(kind: str, value: str) -> Any:
    cast = _CASTS.get(kind)
    if cast is None:
        return value.strip() if kind == "boolean" else value
    try:
        return cast(value.strip())
    except ValueError:
        return value


def read_graphml(path: str | os.PathLike[str]) -> ForeignGraph:
    """Read a GraphML file as a foreign graph: nodes and edges located by the line of their
    element, ``<data>`` values keyed by their key's ``attr.name`` (else its id)."""
    target = Path(path)
    graph = ForeignGraph(target.stem, target.name, target.name)
    keys: dict[str, tuple[str, str]] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    scopes: dict[str, str] = {}
    state: dict[str, Any] = {"directed": True, "current": None, "key": None, "data": None,
                             "depth": 0}
    try:
        for event in read_events(target, text_in=frozenset({"data", "default"})):
            _graphml_event(graph, event, keys, defaults, scopes, state)
    except XmlRefused as exc:
        code = "exchange.doctype" if exc.doctype else "exchange.unreadable"
        graph.issues.append(error(code, target.name, exc.line, None, format="GraphML",
                                  detail=exc.detail))
    return graph


def _graphml_event(graph: ForeignGraph, event: Any, keys: dict[str, tuple[str, str]],
                   defaults: dict[str, dict[str, str]], scopes: dict[str, str],
                   state: dict[str, Any]) -> None:
    name, a = event.name, event.attrs
    current = state["current"]
    if event.kind == "start":
        if name == "key":
            ident = a.get("id", "")
            keys[ident] = (a.get("attr.name") or ident, a.get("attr.type", "string"))
            scopes[ident] = a.get("for", "node")
            state["key"] = ident
        elif name == "graph" and state["depth"] == 0:
            state["directed"] = a.get("edgedefault", "directed") != "undirected"
        elif name == "node":
            state["depth"] += 1  # nested graphs: their nodes are read as their parent
            if current is None:
                state["current"] = ForeignNode(event.line, a.get("id"), None)
        elif name == "edge" and current is None:
            directed = a.get("directed")
            state["current"] = ForeignEdge(
                event.line, a.get("source"), a.get("target"), [],
                state["directed"] if directed is None else directed == "true")
        elif name == "data":
            state["data"] = a.get("key", "")
    elif event.kind == "text":
        if name == "default" and state["key"] is not None:
            defaults[scopes[state["key"]]][state["key"]] = event.data
        elif name == "data" and current is not None and state["data"] is not None:
            title, kind = keys.get(state["data"], (state["data"], "string"))
            current.fields.append((title, _cast(kind, event.data)))
    elif name == "key":
        state["key"] = None
    elif name == "node" and isinstance(current, ForeignNode):
        state["depth"] -= 1
        if state["depth"] == 0:
            _defaults(current, keys, defaults["node"])
            graph.nodes.append(current)
            state["current"] = None
    elif name == "edge" and isinstance(current, ForeignEdge):
        _defaults(current, keys, defaults["edge"])
        graph.edges.append(current)
        state["current"] = None


def _defaults(current: ForeignNode | ForeignEdge, keys: dict[str, tuple[str, str]],
              defaults: dict[str, str]) -> None:
    have = {title for title, _ in current.fields}
    for ident, value in defaults.items():
        title, kind = keys.get(ident, (ident, "string"))
        if title not in have:
            current.fields.append((title, _cast(kind, value)))
