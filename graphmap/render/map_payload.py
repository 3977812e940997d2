"""The model of the map: which nodes and edges are drawn (all, a focus neighbourhood, or the
community overview), where, with which layers, and everything translated."""

from __future__ import annotations

import difflib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from graphmap.config import AnalysisConfig
from graphmap.errors import GraphmapError, UsageError
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset, in_content_order
from graphmap.model.records import Actor, Project
from graphmap.render.formatting import format_amount, format_number
from graphmap.render.layout import compute_layout
from graphmap.render.map_model import MapFacts, MapPayload, neighbourhood
from graphmap.render.map_overview import overview_payload
from graphmap.render.map_panel import (
    filter_groups,
    filter_keys,
    map_title,
    node_details,
    node_label,
    opportunity_text,
    script_strings,
    tooltip,
)
from graphmap.render.map_style import (
    PALETTE,
    SECTOR_COLORS,
    Colorer,
    edge_legend,
    edge_types,
    font_size,
    node_sizes,
)
from graphmap.render.map_views import View, views_data
from graphmap.render.options import COLOR_BY, LAYERS, check_map_options
from graphmap.schema import RelationType, fold

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport, Community

__all__ = [
    "AGGREGATE_ABOVE", "COMMUNITY_LEVEL_ABOVE", "OPPORTUNITIES_IN_OVERVIEW", "MapPayload",
    "analysis_needed",
    "build_map_payload", "check_options", "resolve_focus",
]

# Past this many nodes a full map is a hairball and slow (benchmarks/bench_map.py: 5k nodes
# open in under 2 s and answer a click in 0.7 s; 20k take 7 s and 2.3 s per click), so
# communities are drawn instead; --focus still draws any neighbourhood in full.
AGGREGATE_ABOVE = 5000
# Past this many nodes a full map opens on its communities (one node each, opened in full by
# a click): at 1,500 nodes the fitted view gives a node 20 px on a 1,000 px canvas, too little
# for any label, and the benchmark's 1k map already needs a second to draw (benchmarks/).
COMMUNITY_LEVEL_ABOVE = 1500
# Suggested ties drawn when no node is selected (more turn the map into a web of dashes).
OPPORTUNITIES_IN_OVERVIEW = 30
# Above this many nodes edges are straight and hidden while dragging, so panning stays fluid.
_FAST_DRAW_ABOVE = 1000


def check_options(
    color_by: str, size_by: str, layers: Iterable[str], depth: int
) -> tuple[str, ...]:
    """Validate the drawing options; return the layers as a tuple in canonical order
    (:func:`graphmap.render.options.check_map_options`)."""
    return check_map_options(color_by, size_by, layers, depth)


def resolve_focus(dataset: Dataset, focus: str) -> str:
    """The node id meant by ``--focus``, or a ``UsageError`` suggesting the closest id/name."""
    key = focus.strip()
    if dataset.kind_of(key) is not None:
        return key
    ids = [a.id for a in dataset.actors] + [p.id for p in dataset.projects]
    names = {fold(dataset.node_name(i)): i for i in reversed(ids)}
    if fold(key) in names:
        return names[fold(key)]
    by_id = difflib.get_close_matches(key, ids, n=1, cutoff=0.6)
    by_name = difflib.get_close_matches(fold(key), list(names), n=1, cutoff=0.6)
    suggestion = by_id[0] if by_id else (names[by_name[0]] if by_name else None)
    if suggestion is None:
        raise UsageError("render.unknown_focus", id=focus)
    raise UsageError("render.unknown_focus_suggest", id=focus, suggestion=suggestion,
                     name=dataset.node_name(suggestion))


def build_map_payload(
    dataset: Dataset,
    report: AnalysisReport | None,
    *,
    lang: str,
    color_by: str = "sector",
    size_by: str = "betweenness",
    layers: Iterable[str] = LAYERS,
    focus: str | None = None,
    depth: int = 1,
    seed: int | None = None,
    aggregate_above: int = AGGREGATE_ABOVE,
    communities: Sequence[Community] | None = None,
    views: Sequence[View] = (),
    community_level_above: int = COMMUNITY_LEVEL_ABOVE,
) -> MapPayload:
    """The translated, laid-out model of the map (what the page draws; no network request).

    Parameters
    ----------
    dataset
        The validated workspace.
    report
        Its analysis, or ``None`` for a map without analysis layers (sizing by betweenness
        then falls back to degree). The map reads the report and computes nothing analytical:
        :func:`graphmap.render.map_payload.analysis_needed` says what it reads.
    lang
        ``"fr"`` or ``"en"``: every interface string of the page.
    color_by, size_by
        One of ``COLOR_BY`` and ``SIZE_BY``.
    layers
        Subset of ``LAYERS`` drawn (and switchable) on the map.
    focus, depth
        Draw only the neighbourhood of node ``focus`` within ``depth`` steps, in full.
    seed
        Seed of the layout (default: the report's seed, else ``AnalysisConfig().seed``): the
        same inputs give the same bytes.
    aggregate_above
        Above this many nodes (without ``focus``), draw communities instead of nodes.
    communities
        Without a report, the communities to colour by or to aggregate into: those of
        :func:`graphmap.analysis.pipeline.community_partition`, the report's own.
    views
        Guided views (:mod:`graphmap.render.map_views`); none: the three proposed ones.
    community_level_above
        Above this many nodes a full map opens on its communities, each opened by a click.

    Returns
    -------
    MapPayload
        What :func:`graphmap.render.html_map.map_page` draws.

    Raises
    ------
    UsageError
        Unknown option value, unknown ``focus`` id (with a suggestion) or bad ``depth``.
    GraphmapError
        The map shows communities but neither ``report`` nor ``communities`` was given.
    """
    chosen_layers = check_options(color_by, size_by, layers, depth)
    # The rows' order is not content: the same data in any order draws the same map.
    dataset = in_content_order(dataset)
    # Without a report, layers are left out (the page says so) and betweenness sizes fall
    # back to degree; communities have no stand-in, and the map never computes its own.
    needs_communities = color_by == "community" or _overview(dataset, focus, aggregate_above)
    if report is None and communities is None and needs_communities:
        raise GraphmapError("render.communities_needed")
    if seed is None:
        seed = _report_seed(report)
    # Layers asked for but no analysis to draw them from: the page says so.
    layers_unavailable = report is None and bool(chosen_layers)
    if report is None:
        chosen_layers = ()
    facts = MapFacts.read(dataset, report, communities)
    all_ids = facts.ids
    note: str | None = None
    if focus is not None:
        centre = resolve_focus(dataset, focus)
        drawn = neighbourhood(facts, centre, depth)
        note = translate("render.note_focus", lang, name=dataset.node_name(centre), depth=depth,
                         nodes=format_number(len(drawn), lang),
                         total=format_number(len(all_ids), lang))
        return _full_payload(dataset, report, facts, drawn, lang=lang, color_by=color_by,
                             size_by=size_by, layers=chosen_layers, seed=seed, note=note,
                             mode="focus", focus=centre, layers_unavailable=layers_unavailable,
                             views=views, community_level=False, focus_depth=depth)
    if _overview(dataset, focus, aggregate_above):
        return overview_payload(dataset, facts, lang=lang, color_by=color_by,
                                layers=chosen_layers, seed=seed)
    return _full_payload(dataset, report, facts, all_ids, lang=lang, color_by=color_by,
                         size_by=size_by, layers=chosen_layers, seed=seed, note=None,
                         mode="full", focus=None, layers_unavailable=layers_unavailable,
                         views=views,
                         community_level=len(all_ids) > community_level_above)


def analysis_needed(
    dataset: Dataset,
    *,
    color_by: str,
    size_by: str,
    layers: Iterable[str],
    focus: str | None = None,
    aggregate_above: int = AGGREGATE_ABOVE,
) -> Literal["report", "communities", "nothing"]:
    """What a map drawn with these options reads from the analysis.

    ``"report"``: the whole :class:`~graphmap.analysis.report.AnalysisReport` (layers drawn,
    or nodes sized by betweenness); ``"communities"``: only the report's communities
    (coloured by community, or the community overview of a map above ``aggregate_above``
    nodes); ``"nothing"``: the dataset is enough. ``graphmap render`` asks the analysis for
    no more than this.

    >>> from graphmap.model.dataset import Dataset, in_content_order
    >>> empty = Dataset(actors=(), projects=(), relations=())
    >>> analysis_needed(empty, color_by="community", size_by="degree", layers=())
    'communities'
    >>> analysis_needed(empty, color_by="sector", size_by="degree", layers=("gaps",))
    'report'
    """
    if tuple(layers) or (size_by == "betweenness" and not _overview(dataset, focus,
                                                                     aggregate_above)):
        return "report"
    nodes = len(dataset.actors) + len(dataset.projects)
    if (color_by == "community" or _overview(dataset, focus, aggregate_above)
            or (focus is None and nodes > COMMUNITY_LEVEL_ABOVE)):
        return "communities"
    return "nothing"


def _overview(dataset: Dataset, focus: str | None, aggregate_above: int) -> bool:
    """Whether the map is the community overview (too many nodes, and no focus)."""
    return focus is None and len(dataset.actors) + len(dataset.projects) > aggregate_above


def _full_payload(
    dataset: Dataset,
    report: AnalysisReport | None,
    facts: MapFacts,
    drawn: Sequence[str],
    *,
    lang: str,
    color_by: str,
    size_by: str,
    layers: tuple[str, ...],
    seed: int,
    note: str | None,
    mode: str,
    focus: str | None,
    layers_unavailable: bool,
    views: Sequence[View] = (),
    community_level: bool = False,
    focus_depth: int = 1,
) -> MapPayload:
    """The map of the ``drawn`` nodes, each in full, with the relations between them."""
    drawn_set = set(drawn)
    if size_by == "betweenness" and not facts.betweenness:
        size_by = "degree"
    relations = [(i, r) for i, r in enumerate(dataset.relations)
                 if r.source in drawn_set and r.target in drawn_set]
    positions = compute_layout(list(drawn), [(r.source, r.target) for _, r in relations], seed=seed)
    colorer = Colorer.make(dataset, facts, drawn, color_by, lang)
    sizes = node_sizes(dataset, facts, drawn, size_by)
    gaps_by_node: dict[str, list[str]] = defaultdict(list)
    # The most serious gap of each node (3 high … 1 low): zoomed out, only the worst show.
    gap_level: dict[str, int] = {}
    other_gaps: list[str] = []
    if report is not None and "gaps" in layers:
        for gap in report.gaps:
            text = gap.message.render(lang)
            if gap.subject in drawn_set and gap.subject_kind in ("actor", "project"):
                gaps_by_node[gap.subject].append(text)
                level = {"high": 3, "medium": 2}.get(gap.severity, 1)
                gap_level[gap.subject] = max(level, gap_level.get(gap.subject, 0))
            elif gap.subject_kind not in ("actor", "project"):
                other_gaps.append(text)
    opps_by_node: dict[str, list[str]] = defaultdict(list)
    opp_edges: list[dict[str, Any]] = []
    if report is not None and "opportunities" in layers:
        for index, opp in enumerate(report.opportunities):
            line = opportunity_text(dataset, opp, lang)
            opps_by_node[opp.source].append(line)
            opps_by_node[opp.target].append(line)
            if opp.source in drawn_set and opp.target in drawn_set:
                opp_edges.append({
                    "id": f"o{index}", "from": opp.source, "to": opp.target,
                    "kind": opp.kind, "score": round(opp.score, 3), "title": line,
                    "top": False,
                })
        # The overview shows the best few; a selected node shows all of its own.
        best = sorted(range(len(opp_edges)), key=lambda k: (-opp_edges[k]["score"], k))
        for k in best[:OPPORTUNITIES_IN_OVERVIEW]:
            opp_edges[k]["top"] = True
    importance = _importance(facts, drawn)
    groups, group_of = _community_groups(dataset, facts, drawn, lang) if community_level \
        else ([], {})
    nodes = []
    # Panel row labels, shared: each node's details are [label index, value] pairs.
    labels: dict[str, int] = {}
    for node_id in drawn:
        record: Actor | Project = (dataset.actor_by_id.get(node_id)
                                   or dataset.project_by_id[node_id])
        x, y = positions[node_id]
        is_actor = isinstance(record, Actor)
        nodes.append({
            "id": node_id,
            "label": node_label(record, lang, with_stage=color_by in ("territory", "community")),
            "name": record.name,
            "font": font_size(sizes[node_id], is_actor),
            "kind": "a" if is_actor else "p",
            "shape": "dot" if is_actor else "diamond",
            "color": colorer.color(node_id),
            "size": sizes[node_id],
            "x": x,
            "y": y,
            "f": filter_keys(record),
            "tip": tooltip(record, lang),
            "gaps": gaps_by_node.get(node_id, []),
            "opps": opps_by_node.get(node_id, []),
            "details": [[labels.setdefault(label, len(labels)), value]
                        for label, value in node_details(record, facts, lang)],
            "extra": [[str(k), str(v)] for k, v in record.extra.items()],
            "imp": importance[node_id],
            "gs": gap_level.get(node_id, 0),
            **({"g": group_of[node_id]} if group_of else {}),
        })
    edges = _edge_rows(dataset, relations, lang)
    legend = colorer.legend(lang)
    legend["size"] = translate("render.legend_size", lang,
                               measure=translate(f"render.size_{size_by}", lang))
    legend["edges"] = edge_legend(lang, {r.type.value for _, r in relations})
    legend["layers"] = list(layers)
    legend["opportunities_top"] = min(len(opp_edges), OPPORTUNITIES_IN_OVERVIEW)
    filters = filter_groups(dataset, drawn, relations, lang)
    layer_controls = [
        {"id": layer, "label": translate(f"render.layer_{layer}", lang),
         "count": (sum(1 for n in nodes if n["gaps"]) if layer == "gaps" else len(opp_edges))}
        for layer in layers
    ]
    data: dict[str, Any] = {
        "mode": mode,
        "focus": focus,
        "fast": len(drawn) > _FAST_DRAW_ABOVE,
        "layers": list(layers),
        "nodes": nodes,
        "edges": edges,
        "opportunities": opp_edges,
        "i18n": script_strings(lang),
        "types": edge_types(lang),
        "labels": list(labels),
        "communities": groups,
        "color_by": color_by,
        # A --focus map opens with its centre selected, the whole drawn depth in colour.
        "depth": focus_depth,
    }
    data["views"], data["colors"], legends = _views_and_colors(
        views, dataset, report, facts, drawn, lang=lang, color_by=color_by, layers=layers)
    extra_notes = [translate("render.layer_unavailable", lang)] if layers_unavailable else []
    return MapPayload(
        data=data, legend=legend, filters=filters, layers=layer_controls, note=note,
        title=map_title(dataset, lang), mode=mode, node_count=len(nodes), edge_count=len(edges),
        total_nodes=len(facts.ids), extra_notes=extra_notes, other_gaps=other_gaps,
        legends=legends,
    )


def _edge_rows(
    dataset: Dataset, relations: Sequence[tuple[int, Any]], lang: str
) -> list[list[Any]]:
    """Relations as compact rows ``[index, from, to, type, width, bend, note]``: the page
    takes colour, arrows and dashes from the type table and builds the tooltip from the
    names, which keeps a 5k-node map at half the size of one object per edge."""
    top_amount = max((r.amount or 0.0 for _, r in relations if r.type is RelationType.FUNDS),
                     default=0.0)
    seen: Counter[frozenset[str]] = Counter()
    edges: list[list[Any]] = []
    for index, r in relations:
        pair = frozenset((r.source, r.target))
        parallel = seen[pair]
        seen[pair] += 1
        width = 1.6
        if r.type is RelationType.FUNDS and r.amount and top_amount > 0:
            width = round(1.2 + 5.3 * math.log1p(r.amount) / math.log1p(top_amount), 2)
        note = ""
        if r.amount:
            note += f" · {format_amount(r.amount, lang)}"
        if r.year:
            note += f" · {r.year}"
        if r.kind:
            note += f" · {r.kind}"
        for key, value in r.extra.items():
            if value:
                note += f"\n{key}: {value}"
        # Parallel relations bend apart so each stays visible and clickable.
        bend = (None if parallel == 0 else
                round(0.18 * ((parallel + 1) // 2), 2) * (1 if parallel % 2 else -1))
        edges.append([index, r.source, r.target, r.type.value, width, bend, note])
    return edges


def _report_seed(report: AnalysisReport | None) -> int:
    value = report.meta.get("seed") if report is not None else None
    return value if isinstance(value, int) else AnalysisConfig().seed


def _importance(facts: MapFacts, drawn: Sequence[str]) -> dict[str, int]:
    """Each node's place in the order labels are given room: broker rank first (the report's
    ranked actors), then degree, ties by id."""
    order = sorted(drawn, key=lambda n: (facts.rank.get(n, 1 << 30),
                                         -len(facts.neighbours[n]), n))
    return {n: k for k, n in enumerate(order)}


def _community_groups(
    dataset: Dataset, facts: MapFacts, drawn: Sequence[str], lang: str
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The communities the map opens on (the tiny ones and unassigned nodes pooled in one
    "small groups" entry, as the overview does) and each node's entry."""
    sizes = Counter(facts.community.get(n, -1) for n in drawn)
    small_below = max(3, len(drawn) // 500)
    order = [c for c in facts.community_order if sizes.get(c, 0) >= small_below]
    index = {c: k for k, c in enumerate(order)}
    small = len(order)
    group_of = {n: index.get(facts.community.get(n, -1), small) for n in drawn}
    groups = []
    for k, c in enumerate(order):
        sector = facts.community_sector.get(c)
        groups.append({
            "id": f"g{k}", "name": facts.community_label(c, lang), "count": sizes[c],
            "color": SECTOR_COLORS[sector] if sector else PALETTE[k % len(PALETTE)],
        })
    if small in group_of.values():
        groups.append({"id": f"g{small}", "count": sum(1 for g in group_of.values() if g == small),
                       "name": translate("render.community_small", lang, below=small_below),
                       "color": "#C9C3BF"})
    return groups, group_of


def _views_and_colors(
    views: Sequence[View], dataset: Dataset, report: AnalysisReport | None, facts: MapFacts,
    drawn: Sequence[str], *, lang: str, color_by: str, layers: tuple[str, ...],
) -> tuple[list[dict[str, Any]], dict[str, list[str]], list[dict[str, Any]]]:
    """The guided views, and the colours (one per drawn node, in order) and legends of the
    other colour schemes they switch to."""
    rows = views_data(views, dataset, report, drawn=set(drawn), lang=lang,
                      color_modes=COLOR_BY if facts.community else
                      tuple(m for m in COLOR_BY if m != "community"),
                      layer_names=layers)
    colors: dict[str, list[str]] = {}
    legends: list[dict[str, Any]] = []
    for scheme in sorted({v["color"] for v in rows if v["color"]} - {color_by}):
        other = Colorer.make(dataset, facts, drawn, scheme, lang)
        colors[scheme] = [other.color(n) for n in drawn]
        legends.append({"mode": scheme, **other.legend(lang)})
    return rows, colors, legends
