"""The HTML report: one self-contained, printable page with the summary, brokers, gaps,
opportunities, communities and the interactive map embedded."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap import atomic
from graphmap.analysis.report import ROLES, SEVERITIES
from graphmap.config import AnalysisConfig
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_number, opportunity_kind
from graphmap.render.glossary import TERMS, glossary
from graphmap.render.map_model import MapPayload
from graphmap.render.map_payload import AGGREGATE_ABOVE, build_map_payload
from graphmap.render.options import LAYERS
from graphmap.render.page import render_page
from graphmap.render.report_text import betweenness_note, score_sentence, sector_label

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport

_MEMBERS_SHOWN = 12


def build_report_html(
    dataset: Dataset,
    report: AnalysisReport,
    *,
    lang: str,
    top: int | None = None,
    color_by: str = "sector",
    seed: int | None = None,
    aggregate_above: int = AGGREGATE_ABOVE,
    payload: MapPayload | None = None,
) -> str:
    """The report as one self-contained HTML page (no network request), map included.

    Parameters
    ----------
    dataset, report
        The workspace and its analysis.
    lang
        ``"fr"`` or ``"en"``.
    top
        Brokers listed; default: the report's ``top`` setting, else ``AnalysisConfig().top``.
    color_by
        Colouring of the embedded map.
    seed
        Layout seed; default: the analysis seed.
    aggregate_above
        As in :func:`graphmap.render.map_payload.build_map_payload`.
    payload
        The map already built by :func:`graphmap.render.html_map.build_map_payload` (with the
        default drawing options), to embed as it is instead of laying it out again.
    """
    config = report.meta.get("config", {}) if isinstance(report.meta, Mapping) else {}
    top = top or int(config.get("top", AnalysisConfig().top))
    if payload is None:
        payload = build_map_payload(dataset, report, lang=lang, color_by=color_by,
                                    size_by="betweenness", layers=LAYERS, seed=seed,
                                    aggregate_above=aggregate_above)
    title = (translate("render.report_title_named", lang, name=dataset.name) if dataset.name
             else translate("render.report_title", lang))
    context = _report_context(dataset, report, lang, top)
    return render_page("report.html", lang=lang, map=payload, title=title, **context)


def write_report(
    dataset: Dataset,
    report: AnalysisReport,
    path: str | Path,
    *,
    lang: str,
    top: int | None = None,
    color_by: str = "sector",
    seed: int | None = None,
    aggregate_above: int = AGGREGATE_ABOVE,
    payload: MapPayload | None = None,
) -> Path:
    """Write :func:`build_report_html` to ``path`` atomically and return the path."""
    html = build_report_html(dataset, report, lang=lang, top=top, color_by=color_by, seed=seed,
                             aggregate_above=aggregate_above, payload=payload)
    return atomic.write_text(path, html)


def _report_context(dataset: Dataset, report: AnalysisReport, lang: str,
                    top: int) -> dict[str, Any]:
    def name(node_id: str | None) -> str:
        if not node_id:
            return translate("render.report_no_introducer", lang)
        return dataset.node_name(node_id)

    def t(key: str, **params: Any) -> str:
        return translate(key, lang, **params)

    summary = report.summary
    high = sum(1 for g in report.gaps if g.severity == "high")
    figures = [
        (format_number(value, lang), label) for value, label in (
            (summary.get("actors", len(dataset.actors)), t("render.report_fig_actors")),
            (summary.get("projects", len(dataset.projects)), t("render.report_fig_projects")),
            (summary.get("relations", len(dataset.relations)),
             t("render.report_fig_relations")),
            (summary.get("components"), t("render.report_fig_components")),
            (len(report.communities), t("render.report_fig_communities")),
            (len(report.gaps), t("render.report_fig_gaps")),
            (high, t("render.report_fig_gaps_high")),
            (len(report.opportunities), t("render.report_fig_opportunities")),
        )
    ]
    brokers = []
    # Only actors a shown measure calls brokers (the report model decides which).
    for b in report.brokers_shown(top):
        roles = ", ".join(
            f"{t('report.role.' + role)} {format_number(getattr(b.brokerage, role), lang)}"
            for role in ROLES if getattr(b.brokerage, role)
        )
        brokers.append({
            "id": b.id, "rank": b.rank, "name": b.name,
            "betweenness": format_number(b.betweenness, lang),
            "constraint": format_number(b.constraint, lang),
            "effective_size": format_number(b.effective_size, lang, digits=1),
            "roles": roles or "—",
            "why": b.why.render(lang),
        })
    gaps_by_severity = []
    for severity in SEVERITIES:
        rows = [
            {
                "subject": _subject(dataset, g.subject, g.subject_kind, lang),
                "node": g.subject if g.subject_kind in ("actor", "project") else None,
                "message": g.message.render(lang),
                "remedy": g.remedy.render(lang),
                "code": g.code,
            }
            for g in report.gaps if g.severity == severity
        ]
        if rows:
            gaps_by_severity.append({"severity": severity,
                                     "title": t(f"report.severity.{severity}"),
                                     "rows": rows})
    opportunities = []
    for o in report.opportunities:
        opportunities.append({
            "kind": opportunity_kind(o.kind, lang),
            "source": o.source, "source_name": name(o.source),
            "target": o.target, "target_name": name(o.target),
            "score": score_sentence(o, lang, digits=2),
            "reasons": [r.render(lang) for r in o.reasons],
            "introducer": o.introducer, "introducer_name": name(o.introducer),
        })
    communities = []
    for c in report.communities:
        shown = [{"id": m, "name": dataset.node_name(m)} for m in c.members[:_MEMBERS_SHOWN]]
        communities.append({
            "id": c.id, "label": c.label.render(lang), "size": len(c.members),
            "sector": sector_label(c.dominant_sector, lang),
            "territory": c.dominant_territory or "—",
            "members": shown, "more": max(0, len(c.members) - _MEMBERS_SHOWN),
        })
    note = report.brokers_note(top)
    approximate = betweenness_note(report.meta or {}, lang)
    # Set by the publication step of --public (docs/privacy.md): say what the page shows.
    publication = report.meta.get("publication") if report.meta else None
    public_note = (t("privacy.report_note", k=publication.get("k", 2))
                   if isinstance(publication, Mapping) and publication.get("mode") == "public"
                   else None)
    return {
        "figures": figures,
        "brokers": brokers,
        "brokers_more": max(0, report.broker_count() - top),
        "brokers_note": note.render(lang) if note is not None else "",
        "gaps_by_severity": gaps_by_severity,
        "opportunities": opportunities,
        "communities": communities,
        "approximate": approximate,
        "public_note": public_note,
        "dataset_name": dataset.name,
        "glossary": [{"code": code, "term": term, "text": text}
                     for code, (term, text) in zip(TERMS, glossary(lang), strict=True)],
    }


def _subject(dataset: Dataset, subject: str, kind: str, lang: str) -> str:
    if kind in ("actor", "project"):
        return dataset.node_name(subject)
    if kind == "territory":
        return translate("render.subject_territory", lang, name=subject)
    if kind == "ecosystem":
        return translate("render.subject_ecosystem", lang)
    return subject
