"""How to decode one CSV file, decided from the evidence of its own bytes.

A file is read as UTF-8 when it decodes as UTF-8 (with or without BOM), as UTF-16 when it
starts with a UTF-16 BOM. Otherwise its non-ASCII bytes are weighed: the share of them
that form valid UTF-8 sequences decides.

- At least half: the file is UTF-8 with a few stray bytes (a Windows-1252 ``é`` pasted into
  a UTF-8 file). Only the stray bytes are read as Windows-1252; valid UTF-8 text is never
  re-decoded. Warning ``encoding.stray_bytes`` on the first row that holds one.
- Less than half: the file is Windows-1252 (French Excel's "CSV (séparateur :
  point-virgule)"). If some of it also reads as UTF-8, warning ``encoding.utf8_in_cp1252``
  on the first such row.

Bytes that Windows-1252 leaves undefined (``0x81``, ``0x8D``, ``0x8F``, ``0x90``, ``0x9D``)
cannot be read at all: error ``file.encoding`` with the line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from graphmap.diagnostics import Issue
from graphmap.errors import InputError
from graphmap.load.issues import error

__all__ = ["STRAY_BYTES_ERRORS", "CsvEncoding", "sniff_encoding"]

_CHUNK = 1 << 20
#: The codec error handler that reads a byte which is not UTF-8 as Windows-1252.
STRAY_BYTES_ERRORS = "graphmap.cp1252"
_ASCII = bytes(range(128))
_UNDEFINED_CP1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")
# surrogateescape turns each undecodable byte into U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]")
_DECODED_NON_ASCII = re.compile("[\x80-\udc7f\udd00-\U0010ffff]")
# Where a cell may carry the CSV writer's formula-injection guard (graphmap.load.neutral):
# an apostrophe, then a formula start, another apostrophe or the first byte of a space
# (ASCII, U+001C-U+001F, no-break space in Windows-1252, a UTF-8 lead byte of a Unicode
# space). Two bytes, so that a match across two chunks needs one byte of the first.
_PROTECTED = re.compile(rb"'[=+\-@'\s\x1c-\x1f\xa0\xc2\xe1\xe2\xe3]")


def _stray_as_cp1252(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start:exc.end].decode("cp1252"), exc.end


codecs.register_error(STRAY_BYTES_ERRORS, _stray_as_cp1252)


@dataclass(frozen=True)
class CsvEncoding:
    """How to open one CSV file: ``codec`` and ``errors`` for ``open``; ``mixed_line`` the
    first physical line holding bytes of the other encoding (0 when there is none) and
    ``mixed_code`` the warning to give there; ``protected`` whether some cell may carry the
    writer's formula-injection guard."""

    codec: str
    errors: str = "strict"
    mixed_line: int = 0
    mixed_code: str = ""
    mixed_count: int = 0
    protected: bool = True


def sniff_encoding(path: Path) -> tuple[CsvEncoding | None, Issue | None]:
    """The encoding of the CSV file at ``path``, or the issue saying why it cannot be read."""
    label = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            if head.startswith(b"PK\x03\x04"):
                return None, error("file.is_workbook", label, None, None, file=label)
            if head.startswith(b"\xd0\xcf\x11\xe0"):
                return None, error("file.is_xls", label, None, None, file=label)
            handle.seek(0)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                bad = _first_undecodable(handle, "utf-16")
                if bad is None:
                    return CsvEncoding("utf-16"), None
                return None, _unreadable(label, *bad)
            clean, protected = _utf8_scan(handle)
            if clean:
                return CsvEncoding("utf-8-sig", protected=protected), None
            handle.seek(0)
            return _weigh(handle, label)
    except OSError as exc:
        raise InputError("validation.unreadable", path=str(path),
                         detail=exc.strerror or str(exc)) from exc


def _unreadable(label: str, offset: int, line: int) -> Issue:
    return error("file.encoding", label, None, None, line=line, offset=offset)


def _utf8_scan(handle: BinaryIO) -> tuple[bool, bool]:
    """Whether the whole file decodes as UTF-8, and whether it holds a protected cell."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    protected = False
    tail = b""
    while True:
        chunk = handle.read(_CHUNK)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError:
            return False, True
        if not chunk:
            return True, protected
        if not protected:
            protected = _PROTECTED.search(tail + chunk) is not None
            tail = chunk[-1:]


@dataclass
class _Evidence:
    valid: int = 0          # non-ASCII bytes in valid UTF-8 sequences
    stray: int = 0          # bytes that are not UTF-8
    first_stray: int = 0    # line of the first stray byte
    first_valid: int = 0    # line of the first valid multi-byte sequence
    undefined: tuple[int, int] | None = None  # (offset, line) of a byte cp1252 cannot read
    protected: bool = False


def _weigh(handle: BinaryIO, label: str) -> tuple[CsvEncoding | None, Issue | None]:
    evidence = _gather(handle)
    if evidence.valid >= evidence.stray:
        if evidence.undefined is not None:
            return None, _unreadable(label, *evidence.undefined)
        return CsvEncoding("utf-8-sig", STRAY_BYTES_ERRORS, evidence.first_stray,
                           "encoding.stray_bytes", evidence.stray, evidence.protected), None
    handle.seek(0)
    bad = _first_undecodable(handle, "cp1252")
    if bad is not None:
        return None, _unreadable(label, *bad)
    if evidence.valid:
        return CsvEncoding("cp1252", "strict", evidence.first_valid, "encoding.utf8_in_cp1252",
                           evidence.valid, evidence.protected), None
    return CsvEncoding("cp1252", protected=evidence.protected), None


def _gather(handle: BinaryIO) -> _Evidence:
    """Count valid UTF-8 and stray bytes in one pass (only files that are not UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    evidence = _Evidence()
    lines, offset, tail = 1, 0, b""
    while True:
        chunk = handle.read(_CHUNK)
        text = decoder.decode(chunk, final=not chunk)
        escaped = [m.start() for m in _ESCAPED.finditer(text)]
        evidence.stray += len(escaped)
        evidence.valid += len(chunk.translate(None, _ASCII)) - len(escaped)
        if escaped and not evidence.first_stray:
            evidence.first_stray = lines + text.count("\n", 0, escaped[0])
        if not evidence.first_valid:
            found = _DECODED_NON_ASCII.search(text)
            if found is not None:
                evidence.first_valid = lines + text.count("\n", 0, found.start())
        if evidence.undefined is None:
            for start in escaped:
                if ord(text[start]) - 0xDC00 in _UNDEFINED_CP1252:
                    evidence.undefined = (offset, lines + text.count("\n", 0, start))
                    break
        if not evidence.protected:
            evidence.protected = _PROTECTED.search(tail + chunk) is not None
            tail = chunk[-1:]
        if not chunk:
            return evidence
        lines += text.count("\n")
        offset += len(chunk)


def _first_undecodable(handle: BinaryIO, encoding: str) -> tuple[int, int] | None:
    """``(byte offset, line)`` of the first byte ``encoding`` cannot decode, or ``None``."""
    decoder = codecs.getincrementaldecoder(encoding)()
    start = 0
    lines = 1
    while True:
        chunk = handle.read(_CHUNK)
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            return start + exc.start, lines + chunk.count(b"\n", 0, exc.start)
        if not chunk:
            return None
        lines += chunk.count(b"\n")
        start += len(chunk)
