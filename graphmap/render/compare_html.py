"""``compare.html``: the comparison as one offline page, with a map of the change.

The page is built like the map and the report (``graphmap.render.page``): our own
autoescaping template, vis-network inlined from the installed pyvis, user text only in
autoescaped fields or in a non-executable JSON block shown with ``textContent``, and a
Content-Security-Policy that allows our own scripts (by hash) and no network at all.

The change map draws both years at once: new ties in blue, lost ties in vermillion and
dashed, unchanged ties in grey (the Okabe–Ito colours, told apart with every common colour
vision deficiency; the dashes make sure colour is never the only cue).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from graphmap import atomic
from graphmap.compare.report import (
    ADDED,
    KEPT,
    REMOVED,
    STATUSES,
    CompareReport,
    MapNode,
    MapTie,
)
from graphmap.i18n import translate
from graphmap.render.compare_sections import build_sections, compare_title, side_label
from graphmap.render.formatting import format_number
from graphmap.render.layout import compute_layout
from graphmap.render.page import (
    asset,
    content_policy,
    markup,
    script_json,
    template_environment,
    vis_network_js,
)
from graphmap.schema import RelationType, Sector, Stage

__all__ = ["DRAW_ALL_UP_TO", "GLOSSARY", "STATUS_COLORS", "build_compare_html", "change_map_data",
           "write_compare_html"]

#: Okabe–Ito blue and vermillion, and a neutral grey, per status of a tie.
STATUS_COLORS: Mapping[str, str] = {ADDED: "#0072B2", REMOVED: "#D55E00", KEPT: "#B0B0B0"}
#: The glossary entries of the page, in order (``compare.glossary.<term>``).
GLOSSARY: tuple[str, ...] = ("new_tie", "lost_tie", "renamed", "broker", "gap", "hit_rate",
                             "density", "components", "hhi", "sectors_per_project")
#: Past this many nodes a whole map is slow and unreadable (the analysis map draws
#: communities instead, see html_map): the change map then draws only what changed.
DRAW_ALL_UP_TO = 5000
_DEFAULT_SEED = 42
_STYLES: tuple[str, ...] = ("map.css", "report.css", "compare.css")
_SCRIPT = "compare.js"


def _group_label(kind: str, group: str, lang: str) -> str:
    vocabulary = Sector if kind == "actor" else Stage
    term = vocabulary.parse(group)
    return term.label(lang) if term is not None else group


def _touched(report: CompareReport) -> tuple[list[MapNode], list[MapTie]]:
    """The part of the change map a change touches: nodes added or removed, the ends of new,
    lost and changed ties, and every tie among them."""
    drawing = report.change_map
    moved = [t for t in drawing.ties if t.status != KEPT or t.changed]
    keep = {n.id for n in drawing.nodes if n.status != KEPT}
    keep.update(end for t in moved for end in (t.key.source, t.key.target))
    nodes = [n for n in drawing.nodes if n.id in keep]
    ties = [t for t in drawing.ties if t.key.source in keep and t.key.target in keep]
    return nodes, ties


def change_map_data(report: CompareReport, lang: str, *, seed: int,
                    draw_all_up_to: int = DRAW_ALL_UP_TO) -> dict[str, Any]:
    """What the page's script draws: nodes ``[id, name, kind, status, detail, x, y]``
    (``kind`` ``a`` or ``p``) and ties ``[source, target, type label, status, changed]``,
    laid out once here (seeded), with the legend's counts and the page's strings.

    Above ``draw_all_up_to`` nodes only the part a change touches is drawn (``partial``):
    every new and lost tie is still there.
    """
    drawing = report.change_map
    partial = len(drawing.nodes) > draw_all_up_to
    drawn, drawn_ties = (_touched(report) if partial
                         else (list(drawing.nodes), list(drawing.ties)))
    ids = [node.id for node in drawn]
    positions = compute_layout(ids, [(t.key.source, t.key.target) for t in drawn_ties],
                               seed=seed)
    nodes = []
    for node in drawn:
        x, y = positions[node.id]
        detail = " · ".join(part for part in (
            translate(f"compare.kind.{node.kind}", lang),
            _group_label(node.kind, node.group, lang), node.territory or "") if part)
        nodes.append([node.id, node.name, "a" if node.kind == "actor" else "p", node.status,
                      detail, x, y])
    ties = []
    for tie in drawn_ties:
        kind = (RelationType(tie.key.type).label(lang)
                if tie.key.type in RelationType.codes() else tie.key.type)
        ties.append([tie.key.source, tie.key.target, kind, tie.status, 1 if tie.changed else 0])
    counts = Counter(tie.status for tie in drawn_ties)
    return {
        "partial": partial,
        "total_nodes": len(drawing.nodes),
        "nodes": nodes,
        "ties": ties,
        "counts": {status: counts.get(status, 0) for status in STATUSES},
        "colors": dict(STATUS_COLORS),
        "i18n": {key: translate(f"compare.map.{key}", lang) for key in (
            "tie_added", "tie_removed", "tie_kept", "node_added", "node_removed", "node_kept",
            "changed", "close", "ties_of", "hint")},
    }


def _legend(data: Mapping[str, Any], lang: str) -> list[dict[str, Any]]:
    return [{"status": status, "label": translate(f"compare.map.tie_{status}", lang),
             "color": STATUS_COLORS[status], "count": format_number(data["counts"][status], lang),
             "dashed": status == REMOVED}
            for status in STATUSES]


def build_compare_html(report: CompareReport, lang: str, top: int | None = None, *,
                       seed: int | None = None) -> str:
    """The comparison page: the sections of the text report (lists limited to ``top``
    items), the change map and the glossary, as one self-contained HTML document.

    ``seed`` fixes the map's layout (default: the analyses' seed): same inputs, same bytes.
    """
    meta_seed = report.meta.get("seed")
    seed = seed if seed is not None else (meta_seed if isinstance(meta_seed, int)
                                          else _DEFAULT_SEED)
    data = change_map_data(report, lang, seed=seed)
    vis_js, app_js = vis_network_js(), asset(_SCRIPT)
    styles = "\n".join(asset(name) for name in _STYLES)
    sections = build_sections(report, lang, top)
    return str(template_environment().get_template("compare.html").render(
        lang=lang,
        t=lambda key, **params: translate(key, lang, **params),
        csp=content_policy((vis_js, app_js)),
        css=markup(styles),
        vis_js=markup(vis_js),
        app_js=markup(app_js),
        data_json=markup(script_json(data)),
        title=compare_title(report, lang),
        old_label=side_label(report.old, lang),
        new_label=side_label(report.new, lang),
        summary=sections[0],
        sections=sections[1:],
        legend=_legend(data, lang),
        node_legend=[{"status": s, "label": translate(f"compare.map.node_{s}", lang)}
                     for s in STATUSES],
        glossary=[translate(f"compare.glossary.{term}", lang) for term in GLOSSARY],
        map_note=(translate("compare.map.only_changes", lang,
                            count=format_number(data["total_nodes"], lang))
                  if data["partial"] else None),
        more=lambda count: translate("compare.more", lang, count=format_number(count, lang)),
        version=report.graphmap_version,
    ))


def write_compare_html(report: CompareReport, path: str | Path, lang: str,
                       top: int | None = None) -> Path:
    """Write :func:`build_compare_html` to ``path`` atomically; return the path."""
    return atomic.write_text(path, build_compare_html(report, lang, top))
