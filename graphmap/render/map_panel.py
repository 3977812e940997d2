"""The words of the map: node labels and tooltips, the side panel's rows, the filter lists,
opportunity lines and the strings of the page's script, all translated."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project
from graphmap.render.formatting import (
    evidence_strength,
    format_amount,
    format_number,
    opportunity_kind,
)
from graphmap.render.map_model import ROLE_ORDER, MapFacts
from graphmap.schema import Category, RelationType, Scope, Sector, Stage, fold

__all__ = [
    "filter_groups", "filter_keys", "map_title", "node_details", "node_label",
    "opportunity_text", "script_strings", "tooltip",
]

_MAX_LABEL = 48


def map_title(dataset: Dataset, lang: str) -> str:
    if dataset.name:
        return translate("render.map_title_named", lang, name=dataset.name)
    return translate("render.map_title", lang)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1].rstrip() + "…"


def node_label(record: Actor | Project, lang: str, *, with_stage: bool) -> str:
    # The stage is shown by the project's colour, except when colours mean something else.
    if isinstance(record, Project) and with_stage:
        return f"{_short(record.name)}\n{record.stage.label(lang)}"
    return _short(record.name)


def filter_keys(record: Actor | Project) -> dict[str, str]:
    if isinstance(record, Actor):
        return {"sector": record.sector.value, "territory": record.territory or ""}
    return {"stage": record.stage.value, "territory": record.territory or ""}


def tooltip(record: Actor | Project, lang: str) -> str:
    if isinstance(record, Actor):
        kind = translate("render.kind_actor", lang)
        what = record.sector.label(lang)
    else:
        kind = translate("render.kind_project", lang)
        what = record.stage.label(lang)
    lines = [record.name, f"{kind} · {what}"]
    if record.territory:
        lines.append(record.territory)
    return "\n".join(lines)


def node_details(record: Actor | Project, facts: MapFacts, lang: str) -> list[list[str]]:
    rows: list[list[str]] = [[translate("render.panel_id", lang), record.id]]
    if isinstance(record, Actor):
        rows.extend(_actor_details(record, facts, lang))
    else:
        rows.extend(_project_details(record, facts, lang))
    rows.append([translate("render.panel_degree", lang),
                 format_number(len(facts.neighbours[record.id]), lang)])
    if record.id in facts.betweenness:
        rows.append([translate("render.panel_betweenness", lang),
                     format_number(facts.betweenness[record.id], lang, digits=3)])
    if record.id in facts.rank:
        rows.append([translate("render.panel_rank", lang),
                     format_number(facts.rank[record.id], lang)])
    if record.id in facts.community:
        rows.append([translate("render.panel_community", lang),
                     facts.community_label(facts.community[record.id], lang)])
    return rows


def _actor_details(record: Actor, facts: MapFacts, lang: str) -> list[list[str]]:
    rows: list[list[str]] = []
    rows.append([translate("render.panel_kind", lang), translate("render.kind_actor", lang)])
    rows.append([translate("render.panel_sector", lang), record.sector.label(lang)])
    if record.type:
        rows.append([translate("render.panel_type", lang), record.type])
    if record.category is not Category.ORGANIZATION:
        rows.append([translate("render.panel_category", lang), record.category.label(lang)])
    if record.territory:
        rows.append([translate("render.panel_territory", lang), record.territory])
    rows.append([translate("render.panel_scope", lang), Scope(record.scope).label(lang)])
    roles = facts.roles.get(record.id)
    if roles:
        rows.append([translate("render.panel_roles", lang), ", ".join(
            f"{t.role_label(lang)} ({roles[t]})" for t in ROLE_ORDER if roles[t])])
    if facts.funding_out.get(record.id):
        rows.append([translate("render.panel_funding_out", lang),
                     format_amount(facts.funding_out[record.id], lang)])
    return rows


def _project_details(record: Project, facts: MapFacts, lang: str) -> list[list[str]]:
    rows: list[list[str]] = []
    rows.append([translate("render.panel_kind", lang), translate("render.kind_project", lang)])
    rows.append([translate("render.panel_stage", lang), Stage(record.stage).label(lang)])
    if record.themes:
        rows.append([translate("render.panel_themes", lang), ", ".join(record.themes)])
    if record.territory:
        rows.append([translate("render.panel_territory", lang), record.territory])
    if record.start or record.end:
        rows.append([translate("render.panel_period", lang),
                     f"{record.start or '…'} – {record.end or '…'}"])
    if facts.funding_in.get(record.id):
        rows.append([translate("render.panel_funding_in", lang),
                     format_amount(facts.funding_in[record.id], lang)])
    return rows


def filter_groups(dataset: Dataset, drawn: Sequence[str], relations: Sequence[tuple[int, Any]],
             lang: str) -> list[dict[str, Any]]:
    actors = [dataset.actor_by_id[n] for n in drawn if n in dataset.actor_by_id]
    projects = [dataset.project_by_id[n] for n in drawn if n in dataset.project_by_id]
    sectors = Counter(a.sector.value for a in actors)
    stages = Counter(p.stage.value for p in projects)
    territories = Counter(
        [a.territory or "" for a in actors] + [p.territory or "" for p in projects])
    types = Counter(r.type.value for _, r in relations)
    groups = [
        ("sector", translate("render.filter_sector", lang),
         [(s.value, s.label(lang), sectors[s.value]) for s in Sector if sectors[s.value]]),
        ("territory", translate("render.filter_territory", lang),
         [(t, t or translate("render.legend_none", lang), territories[t])
          for t in sorted(territories, key=lambda t: (t == "", fold(t), t))]),
        ("stage", translate("render.filter_stage", lang),
         [(s.value, s.label(lang), stages[s.value]) for s in Stage if stages[s.value]]),
        ("relation", translate("render.filter_relation", lang),
         [(t.value, t.label(lang), types[t.value]) for t in RelationType if types[t.value]]),
    ]
    return [
        {"key": key, "title": title,
         "options": [{"value": v, "label": lab, "count": c} for v, lab, c in options]}
        for key, title, options in groups if options
    ]


def opportunity_text(dataset: Dataset, opp: Any, lang: str) -> str:
    kind = opportunity_kind(opp.kind, lang)
    lines = [translate("render.opp_line", lang, kind=kind, source=dataset.node_name(opp.source),
                       target=dataset.node_name(opp.target),
                       score=format_number(opp.score, lang, digits=2))]
    evidence = getattr(opp, "evidence", None)
    if evidence:  # the analysis's words for the score
        lines.append(evidence_strength(evidence, lang))
    lines.extend(reason.render(lang) for reason in opp.reasons)
    introduction = getattr(opp, "introduction", None)
    if introduction is not None:
        lines.append(introduction.render(lang))
    elif opp.introducer:
        lines.append(translate("render.opp_introducer", lang,
                               name=dataset.node_name(opp.introducer)))
    return "\n".join(lines)


_SCRIPT_KEYS: tuple[str, ...] = (
    "search_none", "panel_hint", "panel_extra", "panel_gaps", "panel_opportunities",
    "panel_neighbours", "panel_close", "stats",
)


# Strings the script fills itself: their parameters stay as {placeholders}.
_SCRIPT_TEMPLATES: dict[str, tuple[str, ...]] = {
    "stats": ("nodes", "edges"), "community_members": ("name", "count"),
    "isolated_box": ("count",), "view_counter": ("n", "total"), "views": (),
}


def script_strings(lang: str) -> dict[str, str]:
    strings = {key: translate(f"render.{key}", lang) for key in _SCRIPT_KEYS}
    for key, params in _SCRIPT_TEMPLATES.items():
        strings[key] = translate(f"render.{key}", lang, **{p: "{" + p + "}" for p in params})
    return strings
