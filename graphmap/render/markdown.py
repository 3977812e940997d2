"""The Markdown report: the same content as the text report, as a document to paste.

Every piece of user text (names, territories, and the sentences that quote them) goes
through ``escape``, so a name like ``A|B <script>`` cannot break a table, start a list or
a heading, inject HTML, or carry a terminal escape sequence to whoever reads the file.
"""

from __future__ import annotations

import re

from graphmap.analysis.report import AnalysisReport, Broker, Community, Gap, Opportunity
from graphmap.diagnostics import escape_controls
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_number
from graphmap.render.glossary import glossary
from graphmap.render.report_text import (
    community_members,
    gaps_by_severity,
    introducer_sentence,
    kind_label,
    node_name,
    opportunities_by_kind,
    report_title,
    score_sentence,
    sector_label,
    severity_label,
    shown,
    viewpoint_heading,
)
from graphmap.render.terminal import brokerage_profile, meta_notes, summary_figures

# Characters with inline meaning in CommonMark/GFM (emphasis, code, links, tables,
# strikethrough, math on GitHub/GitLab): each is backslash-escaped.
_INLINE = re.compile(r"([\\`*_{}\[\]|~#$!])")
# What would open a block (list, heading underline, ordered list) at the start of a cell
# or list item.
_BLOCK_START = re.compile(r"^(\d+)([.)])(?=\s|$)|^([-+=])(?=[\s\-+=]|$)")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def escape(text: str) -> str:
    r"""``text`` made inert in Markdown: no emphasis, link, table cell break, HTML or block.

    Line breaks become spaces, other control characters escapes (``\x1b``); ``&``, ``<``
    and ``>`` become entities; Markdown punctuation is backslash-escaped.

    >>> escape("A|B *bold* <script>")
    'A\\|B \\*bold\\* &lt;script&gt;'
    >>> escape("1. first")
    '1\\. first'
    """
    text = escape_controls(_LINE_BREAKS.sub(" ", str(text)))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: (f"{m.group(1)}\\{m.group(2)}" if m.group(1)
                                       else f"\\{m.group(3)}"), text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _more(lines: list[str], hidden: int, lang: str) -> None:
    if hidden > 0:
        more = translate("report.more", lang, count=format_number(hidden, lang))
        lines.extend(("", f"*{escape(more)}*"))


def _brokers(lines: list[str], dataset: Dataset, brokers: tuple[Broker, ...], lang: str,
             top: int | None) -> None:
    count = shown(brokers, top)
    if not brokers:
        lines.extend(("", escape(translate("report.none.brokers", lang))))
        return
    header = [translate(f"report.broker.{key}", lang) for key in (
        "rank", "actor", "sector", "betweenness", "constraint", "effective_size", "brokerage")]
    lines.extend(("", _row(header), "|---:|---|---|---:|---:|---:|---|"))
    for broker in brokers[:count]:
        actor = dataset.actor_by_id.get(broker.id)
        sector = actor.sector.label(lang) if actor is not None else "—"
        lines.append(_row([
            str(broker.rank), escape(broker.name), escape(sector),
            format_number(broker.betweenness, lang), format_number(broker.constraint, lang),
            format_number(broker.effective_size, lang, digits=2),
            escape(brokerage_profile(broker, lang)),
        ]))
    lines.append("")
    for broker in brokers[:count]:
        why = escape(broker.why.render(lang))
        lines.append(f"{broker.rank}. **{escape(broker.name)}** — {why}")
    _more(lines, len(brokers) - count, lang)


def _gaps(lines: list[str], gaps: tuple[Gap, ...], lang: str, top: int | None) -> None:
    groups = gaps_by_severity(gaps)
    if not groups:
        lines.extend(("", escape(translate("report.none.gaps", lang))))
    for severity, items in groups.items():
        label = severity_label(severity, lang)
        lines.extend(("", f"### {escape(label)} ({format_number(len(items), lang)})", ""))
        count = shown(items, top)
        for gap in items[:count]:
            remedy = translate("report.gap.remedy", lang, remedy=gap.remedy.render(lang))
            lines.append(f"- {escape(gap.message.render(lang))}")
            lines.append(f"  - *{escape(remedy)}*")
        _more(lines, len(items) - count, lang)


def _opportunities(lines: list[str], dataset: Dataset, opportunities: tuple[Opportunity, ...],
                   lang: str, top: int | None) -> None:
    groups = opportunities_by_kind(opportunities)
    if not groups:
        lines.extend(("", escape(translate("report.none.opportunities", lang))))
    for kind, items in groups.items():
        label = kind_label(kind, lang)
        lines.extend(("", f"### {escape(label)} ({format_number(len(items), lang)})", ""))
        count = shown(items, top)
        for index, opp in enumerate(items[:count], start=1):
            _opportunity(lines, dataset, index, opp, lang)
        _more(lines, len(items) - count, lang)


def _opportunity(lines: list[str], dataset: Dataset, index: int, opp: Opportunity,
                 lang: str) -> None:
    score = score_sentence(opp, lang)
    pair = f"{node_name(dataset, opp.source)} → {node_name(dataset, opp.target)}"
    lines.append(f"{index}. **{escape(pair)}** ({escape(score)})")
    lines.extend(f"   - {escape(reason.render(lang))}" for reason in opp.reasons)
    lines.append(f"   - {escape(introducer_sentence(dataset, opp, lang))}")
    if len(opp.path) > 1:
        path = " → ".join(node_name(dataset, node) for node in opp.path)
        lines.append(f"   - {escape(translate('report.opportunity.path', lang, path=path))}")


def _communities(lines: list[str], dataset: Dataset, communities: tuple[Community, ...],
                 lang: str, top: int | None) -> None:
    if not communities:
        lines.extend(("", escape(translate("report.none.communities", lang))))
        return
    header = [translate(f"report.community.{key}", lang) for key in (
        "id", "label", "members", "dominant_sector", "dominant_territory")]
    lines.extend(("", _row(header), "|---:|---|---|---|---|"))
    count = shown(communities, top)
    for community in communities[:count]:
        members = community_members(dataset, community, lang)
        lines.append(_row([
            str(community.id), escape(community.label.render(lang)), escape(members),
            escape(sector_label(community.dominant_sector, lang)),
            escape(community.dominant_territory or "—"),
        ]))
    _more(lines, len(communities) - count, lang)


def render_markdown(dataset: Dataset, report: AnalysisReport, lang: str,
                    top: int | None = 10) -> str:
    """The report as a Markdown document (CommonMark with GitHub tables).

    Parameters
    ----------
    dataset : Dataset
        The workspace analysed (names, sectors).
    report : AnalysisReport
        What the analysis found.
    lang : str
        ``"fr"`` or ``"en"``.
    top : int or None
        How many brokers and communities to list, and opportunities per kind and gaps per
        severity level (``None``: everything).

    Returns
    -------
    str
        The document, ending with a newline.
    """
    title = report_title(dataset, lang)
    lines = [f"# {escape(title)}"]
    viewpoint = viewpoint_heading(dataset, report, lang)
    if viewpoint is not None:
        lines.extend(("", f"**{escape(viewpoint)}**"))
    lines.extend(("", f"## {escape(translate('report.section.summary', lang))}"))
    lines.extend(("", _row([translate("report.figure.label", lang),
                            translate("report.figure.value", lang)]), "|---|---:|"))
    lines.extend(_row([escape(label), escape(value)])
                 for label, value in summary_figures(dataset, report, lang))
    for note in meta_notes(report, lang):
        lines.extend(("", f"> {escape(note)}"))

    lines.extend(("", f"## {escape(translate('report.section.brokers', lang))}"))
    # Only actors a shown measure calls brokers (the report model decides which).
    _brokers(lines, dataset, report.brokers_shown(None), lang, top)
    brokers_note = report.brokers_note(top)
    if brokers_note is not None:
        lines.extend(("", f"*{escape(brokers_note.render(lang))}*"))
    lines.extend(("", f"## {escape(translate('report.section.gaps', lang))}"))
    _gaps(lines, report.gaps, lang, top)
    lines.extend(("", f"## {escape(translate('report.section.opportunities', lang))}"))
    _opportunities(lines, dataset, report.opportunities, lang, top)
    lines.extend(("", f"## {escape(translate('report.section.communities', lang))}"))
    _communities(lines, dataset, report.communities, lang, top)
    # One plain sentence per measure and term the report shows (docs/reports.md).
    lines.extend(("", f"## {escape(translate('report.glossary.heading', lang))}", ""))
    lines.extend(translate("report.glossary.entry", lang, term=f"**{escape(term)}**",
                           text=escape(text)).join(("- ", ""))
                 for term, text in glossary(lang))
    footer = translate("report.footer", lang, version=report.graphmap_version)
    lines.extend(("", f"*{escape(footer)}*"))
    return "\n".join(lines) + "\n"
