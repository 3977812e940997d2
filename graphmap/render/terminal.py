"""The text report for a terminal: wrapped to its width, coloured only when asked."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from typing import Any

from graphmap.analysis.report import ROLES, AnalysisReport, Broker, Community, Gap, Opportunity
from graphmap.diagnostics import escape_controls
from graphmap.i18n import french_spaces, translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_amount, format_number
from graphmap.render.glossary import glossary
from graphmap.render.report_text import (
    betweenness_note,
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
from graphmap.schema import Stage

# ANSI styles; used only with color=True (the CLI passes it when stdout is a terminal).
_STYLES: Mapping[str, str] = {
    "title": "\x1b[1;4m",
    "heading": "\x1b[1m",
    "high": "\x1b[1;31m",
    "medium": "\x1b[1;33m",
    "low": "\x1b[1;36m",
    "dim": "\x1b[2m",
}
_RESET = "\x1b[0m"
_MIN_WIDTH = 40
# Collapse ordinary whitespace only: no-break spaces of French typography must stay.
_SPACES = re.compile(r"[ \t\r\n]+")


class _Writer:
    """Collects wrapped lines; knows the width and whether to colour.

    Every text goes in through ``line`` or ``para``, which write control characters of
    names and values as escapes (``\\x1b``): nothing a user typed can drive the terminal.
    """

    def __init__(self, width: int, color: bool, lang: str) -> None:
        self.lang = lang
        self.width = max(width, _MIN_WIDTH)
        self.color = color
        self.lines: list[str] = []

    def style(self, text: str, style: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.color else text

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def line(self, text: str, style: str) -> None:
        """``text`` on a line of its own, unwrapped."""
        self.lines.append(self.style(escape_controls(text), style))

    def heading(self, text: str, style: str = "heading", underline: str = "-") -> None:
        text = escape_controls(text)
        self.blank()
        self.line(text, style)
        self.lines.append(underline * min(len(text), self.width))

    def para(self, text: str, indent: int = 0, first: str = "", style: str | None = None) -> None:
        """``text`` wrapped; ``first`` (e.g. a bullet) hangs in the first line's indent."""
        lead = " " * indent + first
        rest = " " * len(lead)
        text = escape_controls(_SPACES.sub(" ", text).strip())
        if self.lang == "fr":  # the whole paragraph, names too: it is wrapped here
            text = french_spaces(text)
        wrapped = textwrap.wrap(
            text, width=self.width, initial_indent=lead,
            subsequent_indent=rest, break_on_hyphens=False, break_long_words=True,
        ) or [lead.rstrip()]
        if style is not None and self.color:
            wrapped = [self.style(line, style) for line in wrapped]
        self.lines.extend(wrapped)

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _number_at(mapping: Mapping[str, Any], *path: str) -> float | None:
    """The number at ``mapping[path[0]][path[1]]...``, or ``None`` if absent or not a number."""
    value: Any = mapping
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return None


def summary_figures(dataset: Dataset, report: AnalysisReport,
                    lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs of the ecosystem in figures, in a fixed order.

    Figures the analysis did not compute are left out; counts fall back to the dataset.
    """
    summary: Mapping[str, Any] = report.summary
    out: list[tuple[str, str]] = []

    def add(key: str, value: float | None, digits: int = 3) -> None:
        if value is not None:
            out.append((translate(f"report.figure.{key}", lang),
                        format_number(value, lang, digits=digits)))

    add("actors", _number_at(summary, "actors") or len(dataset.actors))
    add("projects", _number_at(summary, "projects") or len(dataset.projects))
    add("relations", _number_at(summary, "relations") or len(dataset.relations))
    add("components", _number_at(summary, "components"))
    add("density", _number_at(summary, "density"), digits=4)
    isolated = _number_at(summary, "isolated_actors")
    add("isolated", isolated if isolated is not None
        else sum(1 for g in report.gaps if g.code == "actor.isolated"))
    add("communities", len(report.communities))
    stages = summary.get("projects_by_stage")
    if isinstance(stages, Mapping) and stages:
        parts = []
        for code, count in stages.items():
            stage = Stage.parse(str(code))
            name = stage.label(lang) if stage is not None else str(code)
            parts.append(f"{name}\u00a0{format_number(count, lang)}")  # never split
        out.append((translate("report.figure.projects_by_stage", lang), ", ".join(parts)))
    funding = _number_at(summary, "funding", "total")
    if funding is not None:
        out.append((translate("report.figure.funding_total", lang), format_amount(funding, lang)))
    add("funding_hhi", _number_at(summary, "funding", "hhi"))
    add("mean_sector_diversity", _number_at(summary, "mean_sector_diversity"), digits=2)
    add("gaps", len(report.gaps))
    add("opportunities", len(report.opportunities))
    return out


def meta_notes(report: AnalysisReport, lang: str) -> list[str]:
    """Sentences about how the analysis ran (sampled betweenness, brokerage groups)."""
    notes: list[str] = []
    meta = report.meta
    sampled = betweenness_note(meta, lang)
    if sampled is not None:
        notes.append(sampled)
    group_by = meta.get("group_by")
    if group_by in ("sector", "territory", "community"):
        notes.append(translate("report.group_by", lang,
                               group=translate(f"report.group.{group_by}", lang)))
    # Set by the publication step of --public (docs/privacy.md).
    publication = meta.get("publication")
    if isinstance(publication, Mapping) and publication.get("mode") == "public":
        notes.append(translate("privacy.report_note", lang, k=publication.get("k", 2)))
    return notes


def brokerage_profile(broker: Broker, lang: str) -> str:
    """``coordinator 2, liaison 1`` (non-zero roles only), or a phrase saying there is none."""
    # A no-break space keeps each role with its count when the line wraps.
    parts = [f"{translate(f'report.role.{role}', lang)}\u00a0"
             f"{format_number(getattr(broker.brokerage, role), lang)}"
             for role in ROLES if getattr(broker.brokerage, role)]
    return ", ".join(parts) if parts else translate("report.broker.no_brokerage", lang)


def _broker(out: _Writer, dataset: Dataset, broker: Broker, lang: str) -> None:
    actor = dataset.actor_by_id.get(broker.id)
    sector = sector_label(actor.sector.value, lang) if actor else None
    head = f"{broker.name} ({sector})" if sector else broker.name
    out.para(head, first=f"{broker.rank}. ", style="heading")
    measures = " · ".join((
        f"{translate('report.broker.betweenness', lang)} "
        f"{format_number(broker.betweenness, lang)}",
        f"{translate('report.broker.constraint', lang)} "
        f"{format_number(broker.constraint, lang)}",
        f"{translate('report.broker.effective_size', lang)} "
        f"{format_number(broker.effective_size, lang, digits=2)}",
    ))
    out.para(measures, indent=3)
    out.para(translate("report.label_value", lang,
                       label=translate("report.broker.brokerage", lang),
                       value=brokerage_profile(broker, lang)), indent=3)
    out.para(broker.why.render(lang), indent=3)


def _gap(out: _Writer, gap: Gap, lang: str) -> None:
    out.para(gap.message.render(lang), indent=2, first="• ")
    out.para(translate("report.gap.remedy", lang, remedy=gap.remedy.render(lang)), indent=4,
             style="dim")


def _opportunity(out: _Writer, dataset: Dataset, index: int, opp: Opportunity,
                 lang: str) -> None:
    score = score_sentence(opp, lang)
    head = f"{node_name(dataset, opp.source)} → {node_name(dataset, opp.target)} ({score})"
    out.para(head, first=f"{index}. ", style="heading")
    for reason in opp.reasons:
        out.para(reason.render(lang), indent=3, first="\u2013 ")  # en dash bullet
    out.para(introducer_sentence(dataset, opp, lang), indent=3)
    if len(opp.path) > 1:
        path = " → ".join(node_name(dataset, node) for node in opp.path)
        out.para(translate("report.opportunity.path", lang, path=path), indent=3, style="dim")


def _community(out: _Writer, dataset: Dataset, community: Community, lang: str) -> None:
    out.para(translate("report.community.heading", lang, id=community.id,
                       label=community.label.render(lang)), first="• ")
    out.para(community_members(dataset, community, lang), indent=2)


def render_text(dataset: Dataset, report: AnalysisReport, lang: str, top: int | None = 10,
                *, width: int = 80, color: bool = False) -> str:
    """The report as text for a terminal.

    Parameters
    ----------
    dataset : Dataset
        The workspace analysed (names, sectors).
    report : AnalysisReport
        What the analysis found.
    lang : str
        ``"fr"`` or ``"en"``.
    top : int or None
        How many brokers and communities to show, and how many opportunities per kind and
        gaps per severity level (``None``: everything). A line says how many more there are.
    width : int
        Terminal width to wrap to (at least 40).
    color : bool
        Whether to use ANSI colours (only when writing to a terminal).

    Returns
    -------
    str
        The report, ending with a newline.
    """
    out = _Writer(width, color, lang)
    title = report_title(dataset, lang)
    out.heading(title, "title", underline="=")
    viewpoint = viewpoint_heading(dataset, report, lang)
    if viewpoint is not None:
        out.blank()
        out.para(viewpoint, style="heading")
    _summary_section(out, dataset, report, lang)
    _brokers_section(out, dataset, report, lang, top)
    _gaps_section(out, report, lang, top)
    _opportunities_section(out, dataset, report, lang, top)
    out.heading(translate("report.section.communities", lang))
    if not report.communities:
        out.para(translate("report.none.communities", lang), indent=2)
    count = shown(report.communities, top)
    for community in report.communities[:count]:
        _community(out, dataset, community, lang)
    _more(out, len(report.communities) - count, lang)
    # One plain sentence per measure and term the report shows (docs/reports.md).
    out.heading(translate("report.glossary.heading", lang))
    for term, text in glossary(lang):
        out.para(translate("report.glossary.entry", lang, term=term, text=text), indent=2,
                 first="- ")
    return out.text()


def _summary_section(out: _Writer, dataset: Dataset, report: AnalysisReport, lang: str) -> None:
    out.heading(translate("report.section.summary", lang))
    figures = summary_figures(dataset, report, lang)
    label_width = max(len(label) for label, _ in figures)
    for label, value in figures:
        if label_width + 4 > out.width // 2:  # too narrow for two columns
            out.para(translate("report.label_value", lang, label=label, value=value), indent=2)
        else:
            out.para(value, indent=2, first=f"{label.ljust(label_width)}  ")
    for note in meta_notes(report, lang):
        out.blank()
        out.para(note, indent=2, style="dim")


def _brokers_section(out: _Writer, dataset: Dataset, report: AnalysisReport, lang: str,
                     top: int | None) -> None:
    out.heading(translate("report.section.brokers", lang))
    if not report.brokers:
        out.para(translate("report.none.brokers", lang), indent=2)
    # Only actors a shown measure calls brokers (the report model decides which).
    listed = report.brokers_shown(top)
    for broker in listed:
        out.blank()
        _broker(out, dataset, broker, lang)
    note = report.brokers_note(top)
    if note is not None:
        out.blank()
        out.para(note.render(lang), indent=2, style="dim")
    _more(out, report.broker_count() - len(listed), lang)


def _gaps_section(out: _Writer, report: AnalysisReport, lang: str, top: int | None) -> None:
    out.heading(translate("report.section.gaps", lang))
    groups = gaps_by_severity(report.gaps)
    if not groups:
        out.para(translate("report.none.gaps", lang), indent=2)
    for severity, gaps in groups.items():
        label = severity_label(severity, lang)
        out.blank()
        out.line(f"{label} ({format_number(len(gaps), lang)})",
                 severity if severity in _STYLES else "heading")
        count = shown(gaps, top)
        for gap in gaps[:count]:
            _gap(out, gap, lang)
        _more(out, len(gaps) - count, lang)


def _opportunities_section(out: _Writer, dataset: Dataset, report: AnalysisReport, lang: str,
                           top: int | None) -> None:
    out.heading(translate("report.section.opportunities", lang))
    groups = opportunities_by_kind(report.opportunities)
    if not groups:
        out.para(translate("report.none.opportunities", lang), indent=2)
    for kind, items in groups.items():
        label = kind_label(kind, lang)
        out.blank()
        out.line(f"{label} ({format_number(len(items), lang)})", "heading")
        count = shown(items, top)
        for index, opp in enumerate(items[:count], start=1):
            out.blank()
            _opportunity(out, dataset, index, opp, lang)
        _more(out, len(items) - count, lang)


def _more(out: _Writer, hidden: int, lang: str) -> None:
    if hidden > 0:
        out.para(translate("report.more", lang, count=format_number(hidden, lang)), indent=2,
                 style="dim")
