"""The sentences and groupings the text, Markdown and HTML reports share."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graphmap.analysis.report import (
    OPPORTUNITY_KINDS,
    SEVERITIES,
    AnalysisReport,
    Community,
    Gap,
    Opportunity,
)
from graphmap.i18n import Message, translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_number, format_percent
from graphmap.schema import Sector

# Members named in a community's sentence of the text and Markdown reports.
COMMUNITY_MEMBERS_SHOWN = 8


def node_name(dataset: Dataset, node_id: str | None) -> str:
    """The display name of an actor or project (its id if unknown), ``—`` for ``None``."""
    if node_id is None:
        return "—"
    return dataset.node_name(node_id)


def gaps_by_severity(gaps: Iterable[Gap]) -> dict[str, list[Gap]]:
    """Gaps grouped by severity, high first, each group keeping the report's order.

    Severities other than high, medium and low follow, in the order first seen.
    """
    groups: dict[str, list[Gap]] = {severity: [] for severity in SEVERITIES}
    for gap in gaps:
        groups.setdefault(gap.severity, []).append(gap)
    return {severity: items for severity, items in groups.items() if items}


def opportunities_by_kind(opportunities: Iterable[Opportunity]) -> dict[str, list[Opportunity]]:
    """Opportunities grouped by kind (fund, support, adopt, collaborate, then any other),
    each group keeping the report's ranked order: scores of different kinds do not compare.
    """
    groups: dict[str, list[Opportunity]] = {kind: [] for kind in OPPORTUNITY_KINDS}
    for opp in opportunities:
        groups.setdefault(opp.kind, []).append(opp)
    return {kind: items for kind, items in groups.items() if items}


def shown(items: Sequence[object], top: int | None) -> int:
    """How many of ``items`` a ``top``-limited view shows (``None``: all)."""
    return len(items) if top is None else min(len(items), max(top, 0))


def report_title(dataset: Dataset, lang: str) -> str:
    """The report's title, naming the workspace when it has a name."""
    if dataset.name:
        return translate("report.title", lang, name=dataset.name)
    return translate("report.title_unnamed", lang)


def severity_label(severity: str, lang: str) -> str:
    """The translated name of a gap severity (an unknown one as is)."""
    return translate(f"report.severity.{severity}", lang) if severity in SEVERITIES else severity


def kind_label(kind: str, lang: str) -> str:
    """The translated name of an opportunity kind (an unknown one as is)."""
    return translate(f"report.kind.{kind}", lang) if kind in OPPORTUNITY_KINDS else kind


def score_sentence(opp: Opportunity, lang: str, digits: int | None = None) -> str:
    """The opportunity's evidence in words, then its score: "strong evidence, score 0,60"
    (the analysis decides the words: ``Opportunity.evidence``)."""
    score = (format_number(opp.score, lang) if digits is None
             else format_number(opp.score, lang, digits=digits))
    return translate("analysis.evidence.with_score", lang,
                     evidence=Message(f"analysis.evidence.{opp.evidence}"), score=score)


def introducer_sentence(dataset: Dataset, opp: Opportunity, lang: str) -> str:
    """Who could make the introduction (the analysis's sentence: one introducer who knows
    both, a two-step chain, or a direct approach), else a sentence saying nobody is known."""
    if opp.introduction is not None:
        return opp.introduction.render(lang)
    if opp.introducer is None:
        return translate("report.opportunity.no_introducer", lang)
    return translate("report.opportunity.introducer", lang,
                     name=node_name(dataset, opp.introducer))


def community_members(dataset: Dataset, community: Community, lang: str) -> str:
    """The community's size and its first ``COMMUNITY_MEMBERS_SHOWN`` members' names."""
    names = [node_name(dataset, m) for m in community.members[:COMMUNITY_MEMBERS_SHOWN]]
    key = ("report.community.size_all" if len(community.members) <= COMMUNITY_MEMBERS_SHOWN
           else "report.community.size")
    return translate(key, lang, count=format_number(len(community.members), lang),
                     members=", ".join(names))


def sector_label(code: str | None, lang: str) -> str:
    """A sector code's name for people; an unknown code as is, ``—`` for none."""
    sector = Sector.parse(code) if code else None
    return sector.label(lang) if sector is not None else code or "—"


def viewpoint_heading(dataset: Dataset, report: AnalysisReport, lang: str) -> str | None:
    """"From the point of view of X" when the report was narrowed to one organisation
    (``--for``, ``meta["for"]``) that the dataset shown names; else ``None``."""
    meta = report.meta if isinstance(report.meta, Mapping) else {}
    actor = meta.get("for")
    if not isinstance(actor, str) or dataset.kind_of(actor) is None:
        return None
    return translate("report.for.heading", lang, name=dataset.node_name(actor))



def _number(mapping: Mapping[str, Any], key: str) -> float | None:
    value = mapping.get(key)
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def betweenness_note(meta: Mapping[str, Any], lang: str) -> str | None:
    """The sentence saying betweenness was sampled (KADABRA): paths drawn, seed, and the
    bound ``meta.betweenness.error_bound`` that holds with probability 1 − ``delta``
    (docs/analysis.md §2); ``None`` when betweenness is exact.

    The bound is shown to three significant figures (0.0102), the probability with the
    fewest decimals that write it (90 %, 99.9 %).
    """
    betweenness = meta.get("betweenness")
    if not isinstance(betweenness, Mapping) or not betweenness.get("approximate"):
        return None
    bound = _number(betweenness, "error_bound")
    delta = _number(betweenness, "delta")
    bound_text = confidence_text = "—"
    if bound is not None and bound > 0:
        bound_text = format_number(bound, lang, digits=max(0, 2 - math.floor(math.log10(bound))))
    if delta is not None:
        percent = round((1 - delta) * 100, 2)
        decimals = next(d for d in range(3) if round(percent, d) == percent)
        confidence_text = format_percent(1 - delta, lang, digits=decimals)
    return translate("report.approximate", lang,
                     sample=format_number(_number(betweenness, "sample_size"), lang),
                     seed=meta.get("seed", "—"), bound=bound_text, confidence=confidence_text)
