"""The community overview drawn instead of a map too big to read (``AGGREGATE_ABOVE`` nodes):
one node per community of the report, sized by its members, linked by the ties between
communities."""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_number
from graphmap.render.layout import compute_layout
from graphmap.render.map_model import MapFacts, MapPayload, dominant, territory_of
from graphmap.render.map_panel import map_title, script_strings
from graphmap.render.map_style import PALETTE, SECTOR_COLORS, edge_types
from graphmap.schema import Sector

__all__ = ["overview_payload"]


def overview_payload(
    dataset: Dataset,
    facts: MapFacts,
    *,
    lang: str,
    color_by: str,
    layers: tuple[str, ...],
    seed: int,
) -> MapPayload:
    """The overview: one node per community (the tiny ones share a "small groups" node), an
    edge per pair of communities tied by relations, its width growing with their number."""
    # Tiny communities (often isolated actors) would fill the map with dots: they share one
    # node, "small groups", kept apart from the rest.
    sizes = Counter(facts.community.get(n, -1) for n in facts.ids)
    small_below = max(3, len(facts.ids) // 500)
    group_of = {n: c if c >= 0 and sizes[c] >= small_below else -1
                for n in facts.ids for c in (facts.community.get(n, -1),)}
    members: dict[int, list[str]] = defaultdict(list)
    for node_id in facts.ids:
        members[group_of[node_id]].append(node_id)
    order = [c for c in facts.community_order if members.get(c)]
    if members.get(-1):
        order.append(-1)
    ties: Counter[tuple[int, int]] = Counter()
    for r in dataset.relations:
        a, b = group_of.get(r.source, -1), group_of.get(r.target, -1)
        if a != b:
            ties[(min(a, b), max(a, b))] += 1
    node_ids = [f"c{c}" for c in order]
    pairs = sorted(ties)
    positions = compute_layout(
        node_ids, [(f"c{a}", f"c{b}") for a, b in pairs], seed=seed,
        weights={(f"c{a}", f"c{b}"): math.log1p(ties[(a, b)]) for a, b in pairs},
        spacing=220.0,
    )
    biggest = max(len(members[c]) for c in order)
    legend_colors: dict[str, tuple[str, str]] = {}
    nodes = []
    for index, c in enumerate(order):
        group = members[c]
        if c >= 0:
            sector, territory = facts.community_sector[c], facts.community_territory[c]
        else:
            sector = dominant(dataset.actor_by_id[m].sector.value for m in group
                              if m in dataset.actor_by_id)
            territory = dominant(t for m in group if (t := territory_of(dataset, m)))
        if color_by == "sector" and sector is not None:
            color = SECTOR_COLORS[sector]
            legend_colors[sector] = (Sector(sector).label(lang), color)
        else:
            color = PALETTE[index % len(PALETTE)]
        label = (facts.community_label(c, lang) if c >= 0 else
                 translate("render.community_small", lang, below=small_below))
        top = sorted(group, key=lambda m: (-len(facts.neighbours[m]), m))[:10]
        radius = 14 + 56 * math.sqrt(len(group) / biggest)
        count = format_number(len(group), lang)
        caption = f"{label}\n{translate('render.members_count', lang, count=count)}"
        details = [
            [translate("render.panel_members", lang), format_number(len(group), lang)],
            [translate("render.panel_dominant_sector", lang),
             Sector(sector).label(lang) if sector else "—"],
            [translate("render.panel_dominant_territory", lang), territory or "—"],
            [translate("render.panel_top_members", lang),
             "; ".join(dataset.node_name(m) for m in top)],
        ]
        x, y = positions[f"c{c}"]
        nodes.append({
            "id": f"c{c}",
            "label": caption,
            "name": label,
            "font": round(16 + 0.3 * radius),
            "kind": "c",
            "shape": "dot",
            "color": color,
            "size": round(radius, 1),
            "x": x,
            "y": y,
            "f": {},
            "tip": caption,
            "gaps": [],
            "opps": [],
            "details": details,
            "extra": [],
        })
    most = max(ties.values(), default=1)
    edges = [
        [f"{a}_{b}", f"c{a}", f"c{b}", "ties",
         round(1 + 11 * math.log1p(ties[(a, b)]) / math.log1p(most), 2), None,
         translate("render.ties_count", lang, count=format_number(ties[(a, b)], lang))]
        for a, b in pairs
    ]
    legend = {
        "title": translate("render.color_sector" if color_by == "sector"
                           else "render.color_community", lang),
        "groups": [{"title": translate("render.panel_dominant_sector", lang),
                    "items": [{"label": lab, "color": col}
                              for _, (lab, col) in sorted(legend_colors.items())]}]
        if legend_colors else [],
        "shapes": [],
        "size": translate("render.legend_size", lang,
                          measure=translate("render.panel_members", lang).lower()),
        "edges": [],
        "ties": translate("render.legend_inter_ties", lang),
        "layers": [],
    }
    notes = [translate("render.note_layers_aggregated", lang)] if layers else []
    data = {
        "mode": "aggregated", "focus": None, "fast": False, "layers": [],
        "nodes": nodes, "edges": edges, "opportunities": [], "i18n": script_strings(lang),
        "types": edge_types(lang), "labels": [],
    }
    return MapPayload(
        data=data, legend=legend, filters=[], layers=[],
        note=translate("render.note_aggregated", lang,
                       nodes=format_number(len(facts.ids), lang)),
        title=map_title(dataset, lang), mode="aggregated", node_count=len(nodes),
        edge_count=len(edges), total_nodes=len(facts.ids), extra_notes=notes,
    )
