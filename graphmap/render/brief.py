"""The board brief (``brief.html``): what a board needs on at most two printed pages (A4 or
Letter) — the key figures, the five leading brokers, the most serious gaps, the ten best
introductions with who introduces, and the glossary of the words it uses.

The page is static (no script, no map), prints as it shows, and is the source of
``graphmap brief -o FILE.pdf`` (:mod:`graphmap.render.pdf`). Its lists have fixed lengths and
its cells clip overlong names to one line, so the page count does not grow with the
ecosystem: 30 actors or 3,000, two pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap import atomic
from graphmap._version import __version__
from graphmap.i18n import has_message, translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import evidence_strength, format_number, opportunity_kind
from graphmap.render.glossary import glossary
from graphmap.render.page import asset, markup, template_environment

if TYPE_CHECKING:

    from graphmap.analysis.report import AnalysisReport, Opportunity

__all__ = ["BRIEF_BROKERS", "BRIEF_GAPS", "BRIEF_INTRODUCTIONS", "best_introductions",
           "build_brief_html", "write_brief"]

BRIEF_BROKERS = 5
BRIEF_GAPS = 6
BRIEF_INTRODUCTIONS = 10
#: The glossary terms the brief uses.
BRIEF_TERMS: tuple[str, ...] = ("betweenness", "components", "communities", "gap",
                                "evidence", "introducer")
_EVIDENCE_ORDER = {"strong": 0, "moderate": 1, "weak": 2}
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def best_introductions(opportunities: Sequence[Opportunity],
                       count: int = BRIEF_INTRODUCTIONS) -> list[Opportunity]:
    """The ``count`` introductions a board should hear of first: those someone in the map
    can make before those without an introducer, stronger evidence first, then the
    report's own order (its ranking within each kind), so that no kind's scores are
    compared with another's.
    """
    order = sorted(range(len(opportunities)), key=lambda i: (
        opportunities[i].introducer is None,
        _EVIDENCE_ORDER.get(opportunities[i].evidence, 3), i))
    return [opportunities[i] for i in order[:count]]


def build_brief_html(dataset: Dataset, report: AnalysisReport, *, lang: str,
                     viewpoint: str | None = None, paper: str | None = None) -> str:
    """The brief as one self-contained HTML page (no script, no network request).

    ``viewpoint``: the id of the actor whose point of view the report was narrowed to
    (:func:`graphmap.render.point_of_view.for_actor`), named in the title. ``paper``: a CSS
    page size (``"Letter"``, ``"A4"``) to print on; default: the printer's.
    """
    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    def name(node: str | None) -> str:
        return dataset.node_name(node) if node else t("render.report_no_introducer")

    summary = report.summary
    figures = [(format_number(value, lang), label) for value, label in (
        (summary.get("actors", len(dataset.actors)), t("render.report_fig_actors")),
        (summary.get("projects", len(dataset.projects)), t("render.report_fig_projects")),
        (summary.get("relations", len(dataset.relations)), t("render.report_fig_relations")),
        (summary.get("components"), t("render.report_fig_components")),
        (len(report.communities), t("render.report_fig_communities")),
        (sum(1 for g in report.gaps if g.severity == "high"), t("render.report_fig_gaps_high")),
        (len(report.opportunities), t("render.report_fig_opportunities")),
    )]
    actors = {a.id: a for a in dataset.actors}
    brokers = [{
        "rank": b.rank, "name": b.name,
        "sector": actors[b.id].sector.label(lang) if b.id in actors else "—",
        "betweenness": format_number(b.betweenness, lang),
        "why": b.why.render(lang),
    } for b in report.brokers_shown(BRIEF_BROKERS)]
    serious = sorted(range(len(report.gaps)),
                     key=lambda i: (_SEVERITY_ORDER.get(report.gaps[i].severity, 3), i))
    gaps = [{
        "severity": report.gaps[i].severity,
        "severity_label": t(f"report.severity.{report.gaps[i].severity}")
        if has_message(f"report.severity.{report.gaps[i].severity}") else report.gaps[i].severity,
        "message": report.gaps[i].message.render(lang),
    } for i in serious[:BRIEF_GAPS]]
    introductions = []
    for opp in best_introductions(report.opportunities):
        introductions.append({
            "kind": opportunity_kind(opp.kind, lang),
            "source": name(opp.source), "target": name(opp.target),
            "introducer": name(opp.introducer),
            "evidence": evidence_strength(opp.evidence, lang),
        })
    title = (t("brief.title_named", name=dataset.name) if dataset.name else t("brief.title"))
    # Named only if the dataset shown has it (a public output may have renamed it).
    subtitle = (t("report.for.heading", name=dataset.node_name(viewpoint))
                if viewpoint and dataset.kind_of(viewpoint) is not None else None)
    return template_environment().get_template("brief.html").render(
        lang=lang, t=t, title=title, subtitle=subtitle, figures=figures, brokers=brokers,
        gaps=gaps, gaps_total=len(report.gaps), introductions=introductions,
        opportunities_total=len(report.opportunities),
        glossary=glossary(lang, BRIEF_TERMS), version=__version__, paper=paper,
        css=markup(asset("brief.css")),
    )


def write_brief(dataset: Dataset, report: AnalysisReport, path: str | Path, *, lang: str,
                viewpoint: str | None = None) -> Path:
    """Write :func:`build_brief_html` to ``path`` atomically and return the path."""
    return atomic.write_text(path, build_brief_html(dataset, report, lang=lang,
                                                    viewpoint=viewpoint))
