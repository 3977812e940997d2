"""XML for GEXF and GraphML: escaping for the writers, a safe streaming reader for the
importers (expat, line numbers kept for located issues, DOCTYPE and entities refused)."""

from __future__ import annotations

import os
import re
import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from graphmap.errors import GraphmapError
from graphmap.exchange.tables import ForeignGraph
from graphmap.load.issues import error

__all__ = ["XmlHandler", "XmlRefused", "attr", "parse_xml", "text"]

# Characters XML 1.0 cannot hold at all, even as references.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_CHUNK = 1 << 16


def _legal(value: str) -> str:
    if _ILLEGAL.search(value):
        raise GraphmapError("exchange.illegal_char", text=value[:60])
    return value


def attr(value: str) -> str:
    """An attribute value, quoted: line breaks survive as character references.

    >>> attr('a "b" & c\\nd')
    '"a &quot;b&quot; &amp; c&#10;d"'
    """
    return f'"{_legal(value).translate(_ATTR_ESCAPES)}"'


def text(value: str) -> str:
    """Element text, escaped.

    >>> text("<b> & c")
    '&lt;b&gt; &amp; c'
    """
    return _legal(value).translate(_TEXT_ESCAPES)


class XmlHandler(Protocol):
    """What a reader does with the elements of a file (local names, namespaces dropped)."""

    def start(self, name: str, attrs: dict[str, str], line: int) -> None: ...

    def text(self, name: str, data: str) -> None: ...

    def end(self, name: str) -> None: ...


class XmlRefused(Exception):
    """The file is not well-formed XML, or declares a DOCTYPE or entities."""

    def __init__(self, line: int, detail: str, *, doctype: bool = False) -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail
        self.doctype = doctype


def _local(name: str) -> str:
    """``http://gexf.net/1.3 node`` -> ``node`` (namespace dropped)."""
    return name.rpartition(" ")[2]


def parse_xml(path: str | os.PathLike[str], handler: XmlHandler, *,
              text_in: frozenset[str] = frozenset(),
              ends_of: frozenset[str] = frozenset()) -> None:
    """Stream the elements of an XML file to ``handler``, with their line numbers.

    Namespaces are dropped from names (GEXF 1.2 and 1.3, the viz namespace and GraphML all
    read the same); ``handler.text`` hears the text of the elements named in ``text_in``,
    ``handler.end`` the ends of those named in ``ends_of``. A DOCTYPE or entity declaration
    is refused: GEXF and GraphML need none, and refusing them rules out entity-expansion
    attacks.

    Raises
    ------
    XmlRefused
        Malformed XML or a DOCTYPE (``line`` says where).
    """
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    collecting: list[list[str]] = []
    on_start, on_text, on_end = handler.start, handler.text, handler.end

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rpartition(" ")[2]
        if any(" " in k for k in attributes):
            attributes = {_local(k): v for k, v in attributes.items()}
        on_start(local, attributes, parser.CurrentLineNumber)
        if local in text_in:
            collecting.append([])

    def end(name: str) -> None:
        local = name.rpartition(" ")[2]
        if local in text_in and collecting:
            on_text(local, "".join(collecting.pop()))
        if local in ends_of:
            on_end(local)

    def characters(data: str) -> None:
        if collecting:
            collecting[-1].append(data)

    def refuse(*_args: object) -> None:
        raise XmlRefused(parser.CurrentLineNumber, "DOCTYPE", doctype=True)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    with Path(path).open("rb") as handle:
        while True:
            chunk = handle.read(_CHUNK)
            try:
                parser.Parse(chunk, not chunk)
            except xml.parsers.expat.ExpatError as exc:
                raise XmlRefused(exc.lineno, xml.parsers.expat.errors.messages[exc.code]
                                 ) from exc
            if not chunk:
                return


class GraphReader(XmlHandler, Protocol):
    """A handler that builds a foreign graph as it reads."""

    graph: ForeignGraph


def read_xml_graph(path: str | os.PathLike[str],
                   make_reader: Callable[[ForeignGraph], GraphReader], *, format_name: str,
                   text_in: frozenset[str], ends_of: frozenset[str]) -> ForeignGraph:
    """The foreign graph ``make_reader``'s handler builds from the XML file ``path`` (see
    :func:`parse_xml`); a file that is not well-formed, or declares a DOCTYPE, is a located
    ``exchange.unreadable`` / ``exchange.doctype`` error naming ``format_name`` in it."""
    target = Path(path)
    reader = make_reader(ForeignGraph(target.stem, target.name, target.name))
    try:
        parse_xml(target, reader, text_in=text_in, ends_of=ends_of)
    except XmlRefused as exc:
        code = "exchange.doctype" if exc.doctype else "exchange.unreadable"
        reader.graph.issues.append(error(code, target.name, exc.line, None,
                                         format=format_name, detail=exc.detail))
    return reader.graph
