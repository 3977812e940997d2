"""GEXF 1.3, the format of Gephi and Gephi Lite: write an ecosystem with its analysis and the
map's look (viz namespace), and read one back, from graphmap or from Gephi.

Attributes are declared with numeric ids and their titles, so networkx, Gephi and
graphology (Gephi Lite) all key them by the title the user reads. Every edge is directed
(graphmap's relations run from an actor), and its label is the relation type.
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

__all__ = ["read_gexf", "write_gexf", "write_gexf_to"]

NS = "http://gexf.net/1.3"
NS_VIZ = "http://gexf.net/1.3/viz"
_TYPES = {"string": "string", "integer": "integer", "double": "double"}


def _value(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _declarations(cls: str, attributes: tuple[Attribute, ...]) -> Iterator[str]:
    yield f'    <attributes class="{cls}" mode="static">\n'
    for number, a in enumerate(attributes):
        yield (f'      <attribute id="{number}" title={attr(a.title)} '
               f'type="{_TYPES[a.type]}"/>\n')
    yield "    </attributes>\n"


def _attvalues(attributes: tuple[Attribute, ...], values: Any, indent: str) -> Iterator[str]:
    present = [(n, values[a.key]) for n, a in enumerate(attributes) if a.key in values]
    if not present:
        return
    yield f"{indent}<attvalues>\n"
    for number, value in present:
        yield f'{indent}  <attvalue for="{number}" value={attr(_value(value))}/>\n'
    yield f"{indent}</attvalues>\n"


def write_gexf_to(graph: ExchangeGraph, out: TextIO) -> None:
    """Write ``graph`` as GEXF 1.3 to a text stream (deterministic: same graph, same text)."""
    from graphmap._version import __version__

    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<gexf xmlns="{NS}" xmlns:viz="{NS_VIZ}" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              f'xsi:schemaLocation="{NS} http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
    out.write(f"  <meta>\n    <creator>{text('graphmap ' + __version__)}</creator>\n"
              f"    <description>{text(graph.description)}</description>\n  </meta>\n")
    out.write('  <graph mode="static" defaultedgetype="directed">\n')
    # The weight is the edge's own GEXF weight, not a second attribute.
    edge_attributes = tuple(a for a in graph.edge_attributes if a.key != "weight")
    out.writelines(_declarations("node", graph.node_attributes))
    out.writelines(_declarations("edge", edge_attributes))
    out.write("    <nodes>\n")
    for node in graph.nodes():
        out.write(f"      <node id={attr(node.id)} label={attr(node.label)}>\n")
        out.writelines(_attvalues(graph.node_attributes, node.values, "        "))
        style = node.style
        if style is not None:
            r, g, b = style.rgb
            out.write(f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n')
            if style.x is not None and style.y is not None:
                out.write(f'        <viz:position x="{style.x!r}" y="{style.y!r}" z="0.0"/>\n')
            out.write(f'        <viz:size value="{style.size!r}"/>\n')
            out.write(f'        <viz:shape value="{style.shape}"/>\n')
        out.write("      </node>\n")
    out.write("    </nodes>\n    <edges>\n")
    for number, edge in enumerate(graph.edges()):
        out.write(f'      <edge id="{number}" source={attr(edge.source)} '
                  f'target={attr(edge.target)} label={attr(edge.label)} '
                  f'weight="{edge.weight!r}">\n')
        out.writelines(_attvalues(edge_attributes, edge.values, "        "))
        out.write("      </edge>\n")
    out.write("    </edges>\n  </graph>\n</gexf>\n")


def write_gexf(graph: ExchangeGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph`` as a GEXF 1.3 file, atomically."""
    with atomic.atomic_open(path) as handle:
        write_gexf_to(graph, handle)
    return Path(path)


_CASTS = {"integer": int, "long": int, "short": int, "byte": int, "biginteger": int,
          "float": float, "double": float, "bigdecimal": float}


def _cast(kind: str, value: str) -> Any:
    cast = _CASTS.get(kind.lower())
    if cast is None:
        return value
    try:
        return cast(value)
    except ValueError:
        return value


def read_gexf(path: str | os.PathLike[str]) -> ForeignGraph:
    """Read a GEXF file (1.1 to 1.3, from graphmap or Gephi) as a foreign graph.

    Nodes are located by the line of their ``<node>``, edges by the line of their ``<edge>``;
    attribute values are keyed by their declared titles.
    """
    return read_xml_graph(path, _GexfReader, format_name="GEXF", text_in=frozenset({"default"}),
                          ends_of=frozenset({"attribute", "node", "edge"}))


class _GexfReader:
    """The state of one GEXF reading: declared attributes, the node or edge being read."""

    def __init__(self, graph: ForeignGraph) -> None:
        self.graph = graph
        self.declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
        self.defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
        self.scope = "node"
        self.default_directed = True
        self.current: ForeignNode | ForeignEdge | None = None
        self.pending_default: tuple[str, str] | None = None
        self.late: list[tuple[str, Any]] = []
        self.depth = 0

    def start(self, name: str, a: dict[str, str], line: int) -> None:
        if name == "graph":
            self.default_directed = a.get("defaultedgetype", "undirected") != "undirected"
        elif name == "attributes":
            self.scope = "edge" if a.get("class") == "edge" else "node"
        elif name == "attribute":
            ident = a.get("id", "")
            self.declared[self.scope][ident] = (a.get("title") or ident, a.get("type", "string"))
            self.pending_default = (self.scope, ident)
        elif name == "node":
            self.depth += 1  # nested nodes (hierarchies) are read as their parent
            if self.current is None:
                self.current = ForeignNode(line, a.get("id"), a.get("label"))
        elif name == "edge":
            self.current = ForeignEdge(line, a.get("source"), a.get("target"), [],
                                       _directed(a.get("type"), self.default_directed))
            # The label and the weight of the element itself come after the attributes,
            # so a declared attribute wins where they differ.
            self.late = [(key, _cast("double", a[key]) if key == "weight" else a[key])
                         for key in ("label", "weight") if a.get(key)]
        elif name == "attvalue" and self.current is not None:
            _attvalue(self.current, self.declared, a)

    def text(self, name: str, data: str) -> None:
        if self.pending_default is not None:
            scope, ident = self.pending_default
            self.defaults[scope][ident] = data

    def end(self, name: str) -> None:
        current = self.current
        if name == "attribute":
            self.pending_default = None
        elif name == "node" and isinstance(current, ForeignNode):
            self.depth -= 1
            if self.depth == 0:
                _apply_defaults(current, self.declared["node"], self.defaults["node"])
                self.graph.nodes.append(current)
                self.current = None
        elif name == "edge" and isinstance(current, ForeignEdge):
            _apply_defaults(current, self.declared["edge"], self.defaults["edge"])
            current.fields.extend(("type" if key == "label" else key, value)
                                  for key, value in self.late)
            self.graph.edges.append(current)
            self.current = None


def _directed(kind: str | None, default: bool) -> bool:
    if kind is None:
        return default
    return kind != "undirected"


def _attvalue(current: ForeignNode | ForeignEdge,
              declared: dict[str, dict[str, tuple[str, str]]], a: dict[str, str]) -> None:
    ident = a.get("for") or a.get("id") or ""
    scope = "node" if isinstance(current, ForeignNode) else "edge"
    title, kind = declared[scope].get(ident, (ident, "string"))
    value = _cast(kind, a.get("value", ""))
    for number, (existing, _) in enumerate(current.fields):
        if existing == title:  # dynamic values: the last one holds
            current.fields[number] = (title, value)
            return
    current.fields.append((title, value))


def _apply_defaults(current: ForeignNode | ForeignEdge,
                    declared: dict[str, tuple[str, str]], defaults: dict[str, str]) -> None:
    have = {title for title, _ in current.fields}
    for ident, value in defaults.items():
        title, kind = declared.get(ident, (ident, "string"))
        if title not in have:
            current.fields.append((title, _cast(kind, value)))
