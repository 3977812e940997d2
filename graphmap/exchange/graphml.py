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
from graphmap.exchange.xmlio import attr, read_xml_graph, text

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
    return read_xml_graph(path, _GraphmlReader, format_name="GraphML",
                          text_in=frozenset({"data", "default"}),
                          ends_of=frozenset({"key", "node", "edge"}))


class _GraphmlReader:
    """The state of one GraphML reading: declared keys, the node or edge being read."""

    def __init__(self, graph: ForeignGraph) -> None:
        self.graph = graph
        self.keys: dict[str, tuple[str, str]] = {}
        self.scopes: dict[str, str] = {}
        self.defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
        self.directed = True
        self.current: ForeignNode | ForeignEdge | None = None
        self.key: str | None = None
        self.data: str | None = None
        self.depth = 0
        self.graphs = 0

    def start(self, name: str, a: dict[str, str], line: int) -> None:
        if name == "key":
            ident = a.get("id", "")
            self.keys[ident] = (a.get("attr.name") or ident, a.get("attr.type", "string"))
            self.scopes[ident] = a.get("for", "node")
            self.key = ident
        elif name == "graph":
            self.graphs += 1
            if self.graphs == 1:
                self.directed = a.get("edgedefault", "directed") != "undirected"
        elif name == "node":
            self.depth += 1  # nested graphs: their nodes are read as their parent
            if self.current is None:
                self.current = ForeignNode(line, a.get("id"), None)
        elif name == "edge" and self.current is None:
            directed = a.get("directed")
            self.current = ForeignEdge(line, a.get("source"), a.get("target"), [],
                                       self.directed if directed is None
                                       else directed == "true")
        elif name == "data":
            self.data = a.get("key", "")

    def text(self, name: str, data: str) -> None:
        if name == "default" and self.key is not None:
            self.defaults[self.scopes[self.key]][self.key] = data
        elif name == "data" and self.current is not None and self.data is not None:
            title, kind = self.keys.get(self.data, (self.data, "string"))
            self.current.fields.append((title, _cast(kind, data)))

    def end(self, name: str) -> None:
        current = self.current
        if name == "key":
            self.key = None
        elif name == "node" and isinstance(current, ForeignNode):
            self.depth -= 1
            if self.depth == 0:
                _defaults(current, self.keys, self.defaults["node"])
                self.graph.nodes.append(current)
                self.current = None
        elif name == "edge" and isinstance(current, ForeignEdge):
            _defaults(current, self.keys, self.defaults["edge"])
            self.graph.edges.append(current)
            self.current = None


def _defaults(current: ForeignNode | ForeignEdge, keys: dict[str, tuple[str, str]],
              defaults: dict[str, str]) -> None:
    have = {title for title, _ in current.fields}
    for ident, value in defaults.items():
        title, kind = keys.get(ident, (ident, "string"))
        if title not in have:
            current.fields.append((title, _cast(kind, value)))
