"""How the map looks: palettes, node colours and their legend, node and label sizes, edge
styles."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.map_model import ROLE_ORDER, MapFacts, territory_of
from graphmap.schema import RelationType, Sector, Stage, fold

__all__ = [
    "ACTOR_SIZES", "OTHER_COLOR", "PALETTE", "PROJECT_SIZES", "RELATION_COLORS",
    "SECTOR_COLORS", "STAGE_GREYS", "Colorer", "edge_legend", "edge_types", "font_size",
    "node_sizes", "scaled_sizes",
]

# Colour-blind-aware categorical palette (Tableau 10 reordered); red is kept out of the
# sector colours because the gaps layer outlines nodes in red.
SECTOR_COLORS: Mapping[str, str] = {
    "public": "#4E79A7",
    "private": "#F28E2B",
    "philanthropic": "#B07AA1",
    "community": "#59A14F",
    "social_economy": "#EDC948",
    "academic": "#76B7B2",
    "media": "#FF9DA7",
    "citizen": "#9C755F",
}
RELATION_COLORS: Mapping[str, str] = {
    "carries": "#2E7D32",
    "funds": "#E8871E",
    "supports": "#3F6FB5",
    "adopts": "#8E5BA8",
    "benefits": "#D36C8F",
    "collaborates": "#8C6D46",
    "member_of": "#9A9A9A",
}
# Projects: a grey ramp darkening with maturity, so they read apart from the coloured actors.
STAGE_GREYS: Mapping[str, str] = {
    "emergence": "#D0D0D0",
    "mobilization": "#A3A3A3",
    "feedback": "#6F6F6F",
    "appropriation": "#3A3A3A",
}
# The old private name, until graphmap.exchange.style imports STAGE_GREYS.
_STAGE_GREYS = STAGE_GREYS
_STAGE_COLORS: Mapping[str, str] = {
    "emergence": "#9ECAE1",
    "mobilization": "#4292C6",
    "feedback": "#2CA25F",
    "appropriation": "#006D2C",
}
PALETTE: tuple[str, ...] = (
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#EDC948", "#76B7B2",
    "#FF9DA7", "#9C755F", "#86BCB6", "#D4A6C8", "#8CD17D", "#F1CE63",
)
OTHER_COLOR = "#C9C3BF"
_PLAIN_ACTOR = "#B8C4CF"


@dataclass
class Colorer:
    """Node colours for one ``--color-by`` choice, and the legend that explains them."""

    mode: str
    colors: dict[str, str]
    groups: list[dict[str, Any]]
    title_key: str

    def color(self, node_id: str) -> str:
        return self.colors[node_id]

    def legend(self, lang: str) -> dict[str, Any]:
        return {
            "title": translate(self.title_key, lang),
            "groups": self.groups,
            "shapes": [
                {"label": translate("render.legend_actor", lang), "shape": "dot"},
                {"label": translate("render.legend_project", lang), "shape": "diamond"},
            ],
            "ties": None,
        }

    @classmethod
    def make(cls, dataset: Dataset, facts: MapFacts, drawn: Sequence[str], color_by: str,
             lang: str) -> Colorer:
        if color_by in ("sector", "role"):
            colors, groups = _by_actor_attribute(dataset, facts, drawn, color_by, lang)
        elif color_by == "stage":
            colors, groups = _by_stage(dataset, drawn, lang)
        else:
            colors, groups = _by_group(dataset, facts, drawn, color_by, lang)
        return cls(color_by, colors, groups, f"render.color_{color_by}")


_Coloring = tuple[dict[str, str], list[dict[str, Any]]]


def _by_stage_of(dataset: Dataset, projects: Sequence[str], ramp: Mapping[str, str],
                 colors: dict[str, str], lang: str) -> dict[str, Any]:
    """Colours ``projects`` by stage from ``ramp`` (into ``colors``); their legend group."""
    for p in projects:
        colors[p] = ramp[dataset.project_by_id[p].stage.value]
    present = {dataset.project_by_id[p].stage for p in projects}
    return {"title": translate("render.legend_projects_by_stage", lang),
            "items": [{"label": s.label(lang), "color": ramp[s.value], "shape": "diamond"}
                      for s in Stage if s in present]}


def _by_actor_attribute(dataset: Dataset, facts: MapFacts, drawn: Sequence[str], color_by: str,
                        lang: str) -> _Coloring:
    """Actors by sector or main role; projects in a grey ramp by stage."""
    actors = [n for n in drawn if n in dataset.actor_by_id]
    projects = [n for n in drawn if n in dataset.project_by_id]
    colors: dict[str, str] = {}
    if color_by == "sector":
        for a in actors:
            colors[a] = SECTOR_COLORS[dataset.actor_by_id[a].sector.value]
        used = {dataset.actor_by_id[a].sector.value for a in actors}
        items = [{"label": s.label(lang), "color": SECTOR_COLORS[s.value], "shape": "dot"}
                 for s in Sector if s.value in used]
    else:
        roles = {a: _main_role(facts.roles.get(a)) for a in actors}
        for a, role in roles.items():
            colors[a] = RELATION_COLORS.get(role, OTHER_COLOR)
        items = [{"label": t.role_label(lang), "color": RELATION_COLORS[t.value],
                  "shape": "dot"} for t in ROLE_ORDER if t.value in roles.values()]
        if "" in roles.values():
            items.append({"label": translate("render.role_none", lang),
                          "color": OTHER_COLOR, "shape": "dot"})
    stages = _by_stage_of(dataset, projects, STAGE_GREYS, colors, lang)
    return colors, [{"title": translate("render.legend_actor", lang), "items": items}, stages]


def _by_stage(dataset: Dataset, drawn: Sequence[str], lang: str) -> _Coloring:
    """Projects in a colour ramp by stage; actors plain."""
    projects = [n for n in drawn if n in dataset.project_by_id]
    colors = {n: _PLAIN_ACTOR for n in drawn if n in dataset.actor_by_id}
    stages = _by_stage_of(dataset, projects, _STAGE_COLORS, colors, lang)
    return colors, [
        stages,
        {"title": translate("render.legend_actor", lang), "items": [
            {"label": translate("render.legend_actors_plain", lang), "color": _PLAIN_ACTOR,
             "shape": "dot"}]},
    ]


def _by_group(dataset: Dataset, facts: MapFacts, drawn: Sequence[str], color_by: str,
              lang: str) -> _Coloring:
    """Actors and projects by territory or community: the biggest groups get the palette,
    the rest share one neutral colour."""
    if color_by == "territory":
        key = {n: territory_of(dataset, n) or "" for n in drawn}
        counts = Counter(key.values())
        ranked = sorted(counts, key=lambda k: (k == "", -counts[k], fold(k), k))
        names = {k: k or translate("render.legend_none", lang) for k in ranked}
    else:
        key = {n: str(facts.community.get(n, -1)) for n in drawn}
        counts = Counter(key.values())
        order = [str(c) for c in facts.community_order if str(c) in counts]
        ranked = order + sorted(k for k in counts if k not in order)
        names = {k: facts.community_label(int(k), lang) for k in ranked}
    palette = {k: PALETTE[i] for i, k in enumerate(
        [k for k in ranked if k != ""][: len(PALETTE)])}
    colors = {n: palette.get(key[n], OTHER_COLOR) for n in drawn}
    items = [{"label": names[k], "color": palette[k], "shape": "dot"} for k in palette]
    if len(palette) < len(ranked):
        items.append({"label": translate("render.legend_other", lang),
                      "color": OTHER_COLOR, "shape": "dot"})
    return colors, [{"title": "", "items": items}]


def _main_role(roles: Counter[RelationType] | None) -> str:
    if not roles:
        return ""
    best = max(ROLE_ORDER, key=lambda t: (roles[t], -ROLE_ORDER.index(t)))
    return best.value if roles[best] else ""


#: Smallest and largest node size of actors and of projects (vis-network pixels).
ACTOR_SIZES: tuple[float, float] = (9.0, 38.0)
PROJECT_SIZES: tuple[float, float] = (11.0, 26.0)


def scaled_sizes(measures: Mapping[str, float], actors: Container[str]) -> dict[str, float]:
    """Node sizes from a measure: each actor between ``ACTOR_SIZES``, each project between
    ``PROJECT_SIZES``, by the square root of its share of the biggest measure of its kind
    (the smallest size when that is 0); one decimal.

    >>> scaled_sizes({"a": 4.0, "b": 1.0, "p": 0.0}, {"a", "b"})
    {'a': 38.0, 'b': 23.5, 'p': 11.0}
    """
    top_actor = max((v for n, v in measures.items() if n in actors), default=0.0)
    top_project = max((v for n, v in measures.items() if n not in actors), default=0.0)
    sizes = {}
    for node_id, value in measures.items():
        (low, high), top = ((ACTOR_SIZES, top_actor) if node_id in actors
                            else (PROJECT_SIZES, top_project))
        share = math.sqrt(value / top) if top > 0 else 0.0
        sizes[node_id] = round(low + (high - low) * share, 1)
    return sizes


def node_sizes(dataset: Dataset, facts: MapFacts, drawn: Sequence[str],
               size_by: str) -> dict[str, float]:
    """The drawn nodes' sizes for ``--size-by`` (``scaled_sizes`` of the measure)."""
    def measure(node_id: str) -> float:
        actor = node_id in dataset.actor_by_id
        if size_by == "betweenness" and actor:
            return facts.betweenness.get(node_id, 0.0)
        if size_by == "funding":
            funding = facts.funding_out if actor else facts.funding_in
            return funding.get(node_id, 0.0)
        return float(len(facts.neighbours[node_id]))

    return scaled_sizes({n: measure(n) for n in drawn}, dataset.actor_by_id)


def font_size(size: float, is_actor: bool) -> int:
    """Label size grows with the node: zoomed out, vis-network drops labels under its draw
    threshold, so the overview names the biggest brokers and projects only."""
    low = (ACTOR_SIZES if is_actor else PROJECT_SIZES)[0]
    return round(13 + 0.45 * (size - low))


_ARROWS: Mapping[str, str] = {"collaborates": ""}


def edge_types(lang: str) -> dict[str, dict[str, Any]]:
    types = {
        t.value: {"label": t.label(lang), "color": RELATION_COLORS[t.value],
                  "arrows": _ARROWS.get(t.value, "to"), "dashes": t is RelationType.MEMBER_OF}
        for t in RelationType
    }
    types["ties"] = {"label": "", "color": "#8A8A8A", "arrows": "", "dashes": False}
    return types


def edge_legend(lang: str, present: set[str]) -> list[dict[str, Any]]:
    return [
        {"label": f"{t.label(lang)}", "color": RELATION_COLORS[t.value],
         "dashes": t is RelationType.MEMBER_OF}
        for t in RelationType if t.value in present
    ]
