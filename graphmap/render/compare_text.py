"""The comparison as text for a terminal: wrapped to its width, coloured only when asked."""

from __future__ import annotations

import textwrap
import unicodedata

from graphmap.compare.report import CompareReport
from graphmap.i18n import translate
from graphmap.render.compare_sections import Block, Table, build_sections, compare_title
from graphmap.render.formatting import format_number

__all__ = ["render_compare_text"]

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
_MIN_WIDTH = 40
_GAP = "  "


def _width(text: str) -> int:
    """Columns ``text`` takes on a terminal (combining marks take none)."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, with an ellipsis when cut."""
    if _width(text) <= width:
        return text
    return text[: max(width - 1, 1)].rstrip() + "…"


class _Writer:
    def __init__(self, width: int, color: bool) -> None:
        self.width = max(width, _MIN_WIDTH)
        self.color = color
        self.lines: list[str] = []

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, text: str, underline: str) -> None:
        self.blank()
        self.lines.append(f"{_BOLD}{text}{_RESET}" if self.color else text)
        self.lines.append(underline * min(_width(text), self.width))

    def para(self, text: str, indent: int = 0, first: str = "") -> None:
        lead = " " * indent + first
        self.lines.extend(textwrap.wrap(
            text, width=self.width, initial_indent=lead,
            subsequent_indent=" " * len(lead), break_on_hyphens=False) or [lead.rstrip()])

    def table(self, table: Table) -> None:
        rows = [table.header, *table.rows]
        widths = [max(_width(row[c]) for row in rows) for c in range(len(table.header))]
        others = sum(widths[1:]) + len(_GAP) * (len(widths) - 1) + 2
        widths[0] = max(min(widths[0], self.width - others), 8)
        for n, row in enumerate(rows):
            cells = []
            for c, text in enumerate(row):
                cell = _fit(text, widths[c])
                pad = " " * (widths[c] - _width(cell))
                cells.append(pad + cell if c in table.numeric else cell + pad)
            line = "  " + _GAP.join(cells).rstrip()
            self.lines.append(f"{_BOLD}{line}{_RESET}" if self.color and n == 0 else line)


def _block(out: _Writer, block: Block, lang: str) -> None:
    out.blank()
    if block.title:
        out.lines.append(f"{_BOLD}{block.title}{_RESET}" if out.color else block.title)
    if block.table is not None:
        out.table(block.table)
    for item in block.items:
        out.para(item.text, indent=2, first="- ")
        for detail in item.details:
            out.para(detail, indent=6)
    if block.hidden:
        out.para(translate("compare.more", lang, count=format_number(block.hidden, lang)),
                 indent=2)
    if block.note:
        out.para(block.note, indent=2 if block.title else 0)


def render_compare_text(report: CompareReport, lang: str, top: int | None = None, *,
                        width: int = 80, color: bool = False) -> str:
    """The comparison as plain text, ``width`` columns wide, ANSI bold only with ``color``.

    Lists show at most ``top`` items each (``None``: all), and say how many more there are.
    """
    out = _Writer(width, color)
    title = compare_title(report, lang)
    out.lines.append(f"{_BOLD}{title}{_RESET}" if color else title)
    out.lines.append("=" * min(_width(title), out.width))
    for section in build_sections(report, lang, top):
        out.heading(section.title, "-")
        if section.intro:
            out.para(section.intro)
        for block in section.blocks:
            _block(out, block, lang)
    return "\n".join(out.lines).rstrip() + "\n"
