"""XML for GEXF and GraphML: escaping for the writers, a safe streaming reader for the
importers (expat, line numbers kept for located issues, DOCTYPE and entities refused)."""

from __future__ import annotations

import os
import re
import xml.parsers.expat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graphmap.errors import GraphmapError

__all__ = ["XmlEvent", "XmlRefused", "attr", "read_events", "text"]

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


@dataclass(frozen=True)
class XmlEvent:
    """``start`` (with attributes), ``end`` or ``text`` of a local element name, at a line."""

    kind: str
    name: str
    line: int
    attrs: dict[str, str]
    data: str = ""


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


def read_events(path: str | os.PathLike[str], *, text_in: frozenset[str] = frozenset()
                ) -> Iterator[XmlEvent]:
    """Stream the elements of an XML file with their line numbers.

    Namespaces are dropped from names (GEXF 1.2 and 1.3, the viz namespace and GraphML all
    read the same); text is reported only inside the elements named in ``text_in``. A
    DOCTYPE or entity declaration is refused: GEXF and GraphML need none, and refusing them
    rules out entity-expansion attacks.

    Raises
    ------
    XmlRefused
        Malformed XML or a DOCTYPE (``line`` says where).
    """
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    pending: list[XmlEvent] = []
    collecting: list[list[str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        local = _local(name)
        pending.append(XmlEvent("start", local, parser.CurrentLineNumber,
                                {_local(k): v for k, v in attributes.items()}))
        if local in text_in:
            collecting.append([])

    def end(name: str) -> None:
        local = _local(name)
        if local in text_in and collecting:
            pending.append(XmlEvent("text", local, parser.CurrentLineNumber, {},
                                    "".join(collecting.pop())))
        pending.append(XmlEvent("end", local, parser.CurrentLineNumber, {}))

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
            yield from pending
            pending.clear()
            if not chunk:
                return
