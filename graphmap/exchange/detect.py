"""Guess what kind of file an import is from its content (not only its name)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from graphmap.schema import fold

__all__ = ["detect_format"]

_SNIFF = 8192
_FIRST_ELEMENT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
# Headers that only 360Giving grant data has (paths or the standard's titles).
_GRANT_HEADERS = frozenset(fold(h) for h in (
    "amountAwarded", "Amount Awarded", "fundingOrganization/0/id", "Funding Org:Identifier",
    "recipientOrganization/0/id", "Recipient Org:Identifier"))


def detect_format(path: str | os.PathLike[str]) -> str | None:
    """``kumu``, ``gexf``, ``graphml``, ``360giving``, or ``None`` when the content says
    none of them.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.json").write_text('{"elements": [{"label": "A"}]}')
    >>> _ = (folder / "b.xml").write_text('<?xml version="1.0"?><gexf version="1.3"/>')
    >>> _ = (folder / "c.csv").write_text("id,title,Amount Awarded\\n")
    >>> [detect_format(folder / n) for n in ("a.json", "b.xml", "c.csv")]
    ['kumu', 'gexf', '360giving']
    """
    target = Path(path)
    try:
        with target.open("rb") as handle:
            head = handle.read(_SNIFF)
    except OSError:
        return None
    if head.startswith(b"PK"):
        return _workbook_format(target)
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<"):
        match = _FIRST_ELEMENT.search(stripped)
        name = match.group(1).decode("ascii", "replace").lower() if match else ""
        return name if name in ("gexf", "graphml") else None
    if stripped.startswith((b"{", b"[")):
        return _json_format(target)
    first_line = head.decode("utf-8", "replace").splitlines()[0] if head else ""
    cells = {fold(c.strip().strip('"')) for c in re.split(r"[,;\t]", first_line)}
    return "360giving" if cells & _GRANT_HEADERS else None


def _json_format(target: Path) -> str | None:
    try:
        document = json.loads(target.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(document, dict):
        if "grants" in document:
            return "360giving"
        if "elements" in document or "connections" in document:
            return "kumu"
    return None


def _workbook_format(target: Path) -> str | None:
    from openpyxl import load_workbook

    try:
        book = load_workbook(target, read_only=True, data_only=True)
    except Exception:  # not a workbook graphmap can read: the importer will say why
        return None
    try:
        names = {fold(name) for name in book.sheetnames}
        if "elements" in names or "connections" in names:
            return "kumu"
        for sheet in book.worksheets:
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            cells = {fold(str(c)) for c in header if c is not None}
            if cells & _GRANT_HEADERS:
                return "360giving"
            if "label" in cells or {"from", "to"} <= cells:
                return "kumu"
    finally:
        book.close()
    return None
