"""The parts of an ``.xlsx`` workbook that reading its sheets needs, read with bounded work.

Before anything is parsed, the sizes the zip declares for its parts are added up and
checked against ``[limits] xlsx_bytes`` (``zipfile`` never unzips a part past its declared
size). Every XML part is parsed by expat in chunks, with document type declarations
refused (no entity can expand), so memory stays flat whatever the part's size. A shared
string longer than ``cell_chars`` is not kept: the cells that use it are refused.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

from graphmap.errors import InputError
from graphmap.load.limits import Limits, size_text

__all__ = ["DAMAGED", "OversizeString", "Package", "SheetEntry", "XmlRefused", "local_name",
           "parse_xml"]

_READ = 1 << 16
_RELATIONSHIP_TYPES = {
    "worksheet": "worksheet", "chartsheet": "chartsheet", "dialogsheet": "dialogsheet",
    "xlMacrosheet": "macrosheet", "macrosheet": "macrosheet", "sharedStrings": "strings",
    "styles": "styles", "officeDocument": "workbook",
}


class XmlRefused(Exception):
    """A part that is not XML graphmap reads: broken, or with a document type declaration."""


#: What a damaged workbook raises while a part is unzipped or parsed: a missing part, a bad
#: zip or deflate stream, a compression method or encryption zipfile does not support.
DAMAGED = (XmlRefused, KeyError, ValueError, zipfile.BadZipFile, EOFError, OSError,
           NotImplementedError, RuntimeError, zlib.error)


class OversizeString:
    """A shared string longer than the cell limit, kept as its length only."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length


def local_name(name: str) -> str:
    """An element or attribute name without its namespace prefix: ``x:row`` -> ``row``."""
    return name.rpartition(":")[2]


def parse_xml(stream: IO[bytes], start: Callable[[str, dict[str, str]], None] | None = None,
              end: Callable[[str], None] | None = None,
              text: Callable[[str], None] | None = None) -> Iterator[None]:
    """Feed ``stream`` to expat in chunks, yielding after each chunk so a caller can hand
    on what the handlers gathered; a DOCTYPE or an XML error raises ``XmlRefused``."""
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.ordered_attributes = False

    def refuse(*_: Any) -> None:
        raise XmlRefused("doctype")

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    if start is not None:
        parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    try:
        while True:
            chunk = stream.read(_READ)
            parser.Parse(chunk, not chunk)
            yield
            if not chunk:
                return
    except expat.ExpatError as exc:
        raise XmlRefused(str(exc)) from exc


def _check_unzipped_size(archive: zipfile.ZipFile, path: Path, limits: Limits) -> None:
    """Refuse, before unzipping anything, a workbook whose parts add up past ``xlsx_bytes``
    (``zipfile`` never unzips a part past the size it declares)."""
    unzipped = sum(info.file_size for info in archive.infolist())
    if unzipped > limits.xlsx_bytes:
        raise InputError("load.limit.xlsx_bytes", path=str(path), size=size_text(unzipped),
                         limit=size_text(limits.xlsx_bytes), setting="xlsx_bytes")


@dataclass(frozen=True)
class SheetEntry:
    """One sheet as the workbook lists it: its name, its part, and what it is."""

    name: str
    part: str | None
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet" or "" (unknown)


@dataclass
class Package:
    """An open workbook: its zip, its sheets, and what cell values need to be read."""

    path: Path
    archive: zipfile.ZipFile
    limits: Limits
    sheets: list[SheetEntry] = field(default_factory=list)
    epoch_1904: bool = False
    date_styles: frozenset[int] = frozenset()
    timedelta_styles: frozenset[int] = frozenset()
    strings_part: str | None = None
    _strings: list[str | OversizeString] | None = None
    strings_complete: bool = True

    @classmethod
    def open(cls, path: Path, limits: Limits) -> Package:
        """Open and check the workbook at ``path``: sizes first, then its structure.

        Raises
        ------
        graphmap.errors.InputError
            Not a readable workbook, or larger than ``input_bytes`` or ``xlsx_bytes``.
        """
        try:
            archive = zipfile.ZipFile(path)
        # A damaged central directory can also claim a zip version or a method Python does
        # not know (NotImplementedError) or hit a zlib/struct error: all are "not a workbook".
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, RuntimeError,
                zlib.error) as exc:
            raise InputError("validation.bad_workbook", path=str(path)) from exc
        except OSError as exc:
            raise InputError("validation.unreadable", path=str(path),
                             detail=exc.strerror or str(exc)) from exc
        try:
            _check_unzipped_size(archive, path, limits)
            package = cls(path, archive, limits)
            package._read_structure()
        except InputError:
            archive.close()
            raise
        except DAMAGED as exc:
            archive.close()
            raise InputError("validation.bad_workbook", path=str(path)) from exc
        return package

    def close(self) -> None:
        self.archive.close()

    def member(self, part: str) -> IO[bytes]:
        return self.archive.open(part)

    # -- structure ------------------------------------------------------------------------
    def _read_structure(self) -> None:
        root = self._relations("")
        workbook = next((t for t, kind in root.values() if kind == "workbook"),
                        "xl/workbook.xml")
        relations = self._relations(workbook)
        listed: list[tuple[str, str]] = []
        date1904 = False

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal date1904
            tag = local_name(name)
            if tag == "sheet":
                rid = next((v for k, v in attrs.items() if local_name(k) == "id"
                            and k != "sheetId"), "")
                listed.append((attrs.get("name", ""), rid))
            elif tag == "workbookPr":
                date1904 = attrs.get("date1904", "").lower() in ("1", "true")

        with self.member(workbook) as stream:
            for _ in parse_xml(stream, start):
                pass
        self.epoch_1904 = date1904
        self.sheets = [SheetEntry(name, *relations.get(rid, (None, ""))) for name, rid in listed]
        parts = {kind: target for target, kind in relations.values()}
        self.strings_part = parts.get("strings")
        if parts.get("styles"):
            self._read_styles(parts["styles"])
        self._strings = self._read_strings()

    def _relations(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (target part, kind) of ``part`` (``""``: the package)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        found: dict[str, tuple[str, str]] = {}
        try:
            stream = self.member(rels)
        except KeyError:
            return found

        def start(tag: str, attrs: dict[str, str]) -> None:
            if local_name(tag) != "Relationship" or attrs.get("TargetMode") == "External":
                return
            target = attrs.get("Target", "")
            target = (target.lstrip("/") if target.startswith("/")
                      else posixpath.normpath(posixpath.join(folder, target)))
            kind = _RELATIONSHIP_TYPES.get(attrs.get("Type", "").rpartition("/")[2], "")
            found[attrs.get("Id", "")] = (target, kind)

        with stream:
            for _ in parse_xml(stream, start):
                pass
        return found

    def _read_styles(self, part: str) -> None:
        from openpyxl.styles.numbers import (
            builtin_format_code,
            is_date_format,
            is_timedelta_format,
        )

        custom: dict[int, str] = {}
        formats: list[int] = []
        inside = ""

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal inside
            tag = local_name(name)
            if tag in ("cellXfs", "cellStyleXfs", "numFmts"):
                inside = tag
            elif tag == "numFmt" and inside == "numFmts":
                custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
            elif tag == "xf" and inside == "cellXfs":
                formats.append(int(attrs.get("numFmtId", "0") or 0))

        def end(name: str) -> None:
            nonlocal inside
            if local_name(name) == inside:
                inside = ""

        try:
            stream = self.member(part)
        except KeyError:
            return
        with stream:
            for _ in parse_xml(stream, start, end):
                pass
        dates, durations = set(), set()
        for index, number in enumerate(formats):
            code = custom.get(number)
            if code is None:
                code = builtin_format_code(number)
            if is_date_format(code):
                dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
        self.date_styles = frozenset(dates)
        self.timedelta_styles = frozenset(durations)

    # -- shared strings -----------------------------------------------------------------
    def strings(self) -> list[str | OversizeString]:
        """The shared string table. Reading it stopped at a string longer than
        ``cell_chars`` (kept as an ``OversizeString``): later ones are unknown and
        ``strings_complete`` is false."""
        return self._strings or []

    def _read_strings(self) -> list[str | OversizeString]:
        strings: list[str | OversizeString] = []
        if not self.strings_part:
            return strings
        limit = self.limits.cell_chars
        pieces: list[str] = []
        size = 0
        depth_phonetic = 0
        collecting = False

        class _Oversize(Exception):
            pass

        def start(name: str, attrs: dict[str, str]) -> None:
            nonlocal collecting, depth_phonetic, size
            tag = local_name(name)
            if tag == "si":
                pieces.clear()
                size = 0
            elif tag == "t":
                collecting = depth_phonetic == 0
            elif tag == "rPh":
                depth_phonetic += 1

        def end(name: str) -> None:
            nonlocal collecting, depth_phonetic
            tag = local_name(name)
            if tag == "t":
                collecting = False
            elif tag == "rPh":
                depth_phonetic -= 1
            elif tag == "si":
                # As openpyxl reads them (an escaped "_x005F_" becomes "_").
                strings.append("".join(pieces).replace("x005F_", ""))

        def text(data: str) -> None:
            nonlocal size
            if collecting:
                size += len(data)
                if size > limit:
                    strings.append(OversizeString(size))
                    raise _Oversize
                pieces.append(data)

        try:
            stream = self.member(self.strings_part)
        except KeyError:
            return strings
        with stream:
            try:
                for _ in parse_xml(stream, start, end, text):
                    pass
            except _Oversize:
                self.strings_complete = False
        return strings
