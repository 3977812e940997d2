"""The comparison as a Markdown document to paste: headings, tables of figures, lists.

Every piece of text goes through :func:`graphmap.render.markdown.escape`, so a name such as
``A|B <script>`` cannot break a table, start a list or inject HTML.
"""

from __future__ import annotations

from graphmap.compare.report import CompareReport
from graphmap.i18n import translate
from graphmap.render.compare_sections import Block, Table, build_sections, compare_title
from graphmap.render.formatting import format_number
from graphmap.render.markdown import escape

__all__ = ["render_compare_markdown"]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"


def _table(table: Table) -> list[str]:
    rule = ["---:" if c in table.numeric else "---" for c in range(len(table.header))]
    return [_row(table.header), "| " + " | ".join(rule) + " |",
            *(_row(row) for row in table.rows)]


def _block(block: Block, lang: str) -> list[str]:
    lines: list[str] = []
    if block.title:
        lines.extend(("", f"### {escape(block.title)}"))
    if block.table is not None:
        lines.extend(("", *_table(block.table)))
    if block.items:
        lines.append("")
        for item in block.items:
            lines.append(f"- {escape(item.text)}")
            lines.extend(f"  - {escape(detail)}" for detail in item.details)
    if block.hidden:
        more = translate("compare.more", lang, count=format_number(block.hidden, lang))
        lines.extend(("", f"*{escape(more)}*"))
    if block.note:
        lines.extend(("", escape(block.note)))
    return lines


def render_compare_markdown(report: CompareReport, lang: str, top: int | None = None) -> str:
    """The comparison as CommonMark (GitHub tables); lists show at most ``top`` items each
    (``None``: all) and say how many more there are.

    Examples
    --------
    >>> from graphmap.compare import compare
    >>> from graphmap.model.dataset import Dataset
    >>> text = render_compare_markdown(compare(Dataset(name="a"), Dataset(name="b")), "en")
    >>> text.splitlines()[0]
    '# What changed: a → b'
    """
    lines = [f"# {escape(compare_title(report, lang))}"]
    for section in build_sections(report, lang, top):
        lines.extend(("", f"## {escape(section.title)}"))
        if section.intro:
            lines.extend(("", escape(section.intro)))
        for block in section.blocks:
            lines.extend(_block(block, lang))
    return "\n".join(lines) + "\n"
