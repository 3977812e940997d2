"""The interactive map: one self-contained, offline HTML file drawn with vis-network.

pyvis is used only as the carrier of vis-network's JavaScript (read from the installed
package and inlined, license header kept); node and edge lists are built here directly with
string ids, and the page comes from our own autoescaping template. User text reaches the
page only as JSON inside a non-executable ``<script type="application/json">`` block (with
``<``, ``>``, ``&``, U+2028 and U+2029 escaped) or through autoescaped template fields, and
the page's JavaScript shows it with ``textContent``. A Content-Security-Policy that allows
only our own scripts (by hash) and no network at all backs this up.
"""

from __future__ import annotations

import base64
import difflib
import functools
import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap import atomic
from graphmap._version import __version__
from graphmap.errors import GraphmapError, UsageError
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project
from graphmap.render.layout import compute_layout
from graphmap.render.options import COLOR_BY, LAYERS, SIZE_BY, check_map_options
from graphmap.schema import (
    ACTOR_TO_PROJECT,
    Category,
    RelationType,
    Scope,
    Sector,
    Stage,
    fold,
)

if TYPE_CHECKING:
    import jinja2

    from graphmap.analysis.report import AnalysisReport

__all__ = [
    "AGGREGATE_ABOVE", "COLOR_BY", "LAYERS", "SIZE_BY", "MapPayload", "build_map_html",
    "build_map_payload", "check_options", "map_page", "money", "render_page", "resolve_focus",
    "script_json", "vis_network_js", "write_map",
]
DEFAULT_SEED = 42

# Past this many nodes a full map is a hairball and slow (benchmarks/bench_map.py: 5k nodes
# open in under 2 s and answer a click in 0.7 s; 20k take 7 s and 2.3 s per click), so
# communities are drawn instead; --focus still draws any neighbourhood in full.
AGGREGATE_ABOVE = 5000
# Suggested ties drawn when no node is selected (more turn the map into a web of dashes).
OPPORTUNITIES_IN_OVERVIEW = 30
# Above this many nodes edges are straight and hidden while dragging, so panning stays fluid.
_FAST_DRAW_ABOVE = 1000

_VIS_JS = "templates/lib/vis-9.1.2/vis-network.min.js"
_HERE = Path(__file__).parent

# Colour-blind-aware categorical palette (Tableau 10 reordered); red is kept out of the
# sector colours because the gaps layer outlines nodes in red.
_SECTOR_COLORS: Mapping[str, str] = {
    "public": "#4E79A7",
    "private": "#F28E2B",
    "philanthropic": "#B07AA1",
    "community": "#59A14F",
    "social_economy": "#EDC948",
    "academic": "#76B7B2",
    "media": "#FF9DA7",
    "citizen": "#9C755F",
}
_RELATION_COLORS: Mapping[str, str] = {
    "carries": "#2E7D32",
    "funds": "#E8871E",
    "supports": "#3F6FB5",
    "adopts": "#8E5BA8",
    "benefits": "#D36C8F",
    "collaborates": "#8C6D46",
    "member_of": "#9A9A9A",
}
# Projects: a grey ramp darkening with maturity, so they read apart from the coloured actors.
_STAGE_GREYS: Mapping[str, str] = {
    "emergence": "#D0D0D0",
    "mobilization": "#A3A3A3",
    "feedback": "#6F6F6F",
    "appropriation": "#3A3A3A",
}
_STAGE_COLORS: Mapping[str, str] = {
    "emergence": "#9ECAE1",
    "mobilization": "#4292C6",
    "feedback": "#2CA25F",
    "appropriation": "#006D2C",
}
_PALETTE: tuple[str, ...] = (
    "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#EDC948", "#76B7B2",
    "#FF9DA7", "#9C755F", "#86BCB6", "#D4A6C8", "#8CD17D", "#F1CE63",
)
_OTHER_COLOR = "#C9C3BF"
_PLAIN_ACTOR = "#B8C4CF"
_OPPORTUNITY_COLOR = "#0FA3B1"
_GAP_COLOR = "#D62728"
_ROLE_ORDER: tuple[RelationType, ...] = (
    RelationType.CARRIES, RelationType.FUNDS, RelationType.SUPPORTS,
    RelationType.ADOPTS, RelationType.BENEFITS,
)
_MAX_LABEL = 48


@dataclass(frozen=True)
class MapPayload:
    """Everything the map template and script need, already translated.

    ``data`` goes to the page as JSON; the other fields fill the template (autoescaped).
    """

    data: dict[str, Any]
    legend: dict[str, Any]
    filters: list[dict[str, Any]]
    layers: list[dict[str, Any]]
    note: str | None
    title: str
    mode: str
    node_count: int
    edge_count: int
    total_nodes: int
    extra_notes: list[str] = field(default_factory=list)
    other_gaps: list[str] = field(default_factory=list)


def build_map_html(
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
) -> str:
    """The map as one self-contained HTML document (no network request at all).

    Parameters
    ----------
    dataset
        The validated workspace.
    report
        Its analysis, or ``None`` for a map without analysis layers (sizing by betweenness
        then falls back to degree, colouring by community computes communities here).
    lang
        ``"fr"`` or ``"en"``: every interface string of the page.
    color_by, size_by
        One of ``COLOR_BY`` and ``SIZE_BY``.
    layers
        Subset of ``LAYERS`` drawn (and switchable) on the map.
    focus, depth
        Draw only the neighbourhood of node ``focus`` within ``depth`` steps, in full.
    seed
        Seed of the layout (default: the analysis seed, else 42): the same inputs give the
        same bytes.
    aggregate_above
        Above this many nodes (without ``focus``), draw communities instead of nodes.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    UsageError
        Unknown option value, unknown ``focus`` id (with a suggestion) or bad ``depth``.
    """
    payload = build_map_payload(
        dataset, report, lang=lang, color_by=color_by, size_by=size_by, layers=layers,
        focus=focus, depth=depth, seed=seed, aggregate_above=aggregate_above,
    )
    return map_page(payload, lang=lang)


def map_page(payload: MapPayload, *, lang: str) -> str:
    """The map page of a payload already built (so a caller that also embeds the map in the
    report lays it out once)."""
    return render_page("map.html", lang=lang, map=payload, title=payload.title)


def write_map(
    dataset: Dataset,
    report: AnalysisReport | None,
    path: str | Path,
    *,
    lang: str,
    color_by: str = "sector",
    size_by: str = "betweenness",
    layers: Iterable[str] = LAYERS,
    focus: str | None = None,
    depth: int = 1,
    seed: int | None = None,
    aggregate_above: int = AGGREGATE_ABOVE,
) -> Path:
    """Write the map of :func:`build_map_html` to ``path`` atomically and return the path."""
    html = build_map_html(
        dataset, report, lang=lang, color_by=color_by, size_by=size_by, layers=layers,
        focus=focus, depth=depth, seed=seed, aggregate_above=aggregate_above,
    )
    return atomic.write_text(path, html)


# --- page assembly --------------------------------------------------------------------------


def render_page(template: str, *, lang: str, **context: Any) -> str:
    """Render one of our templates with the inlined assets and a CSP pinned to our scripts."""
    vis_js = vis_network_js()
    app_js = _asset("map.js")
    css = _asset("map.css")
    report_css = _asset("report.css") if template == "report.html" else ""
    scripts = (vis_js, app_js)
    csp = "; ".join((
        "default-src 'none'",
        "script-src " + " ".join(f"'sha256-{_sha256(s)}'" for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ))
    payload: MapPayload | None = context.get("map")
    data_json = script_json(payload.data) if payload is not None else None
    return _environment().get_template(template).render(
        lang=lang,
        t=_Translator(lang),
        csp=csp,
        map_css=_markup(css),
        report_css=_markup(report_css),
        vis_js=_markup(vis_js),
        app_js=_markup(app_js),
        data_json=_markup(data_json) if data_json is not None else None,
        version=__version__,
        **context,
    )


class _Translator:
    """``t("key", **params)`` inside templates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **params: Any) -> str:
        return translate(key, self.lang, **params)


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and
    U+2029 are written as ``\\uXXXX`` escapes, so no user text can close the element.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@functools.cache
def vis_network_js() -> str:
    """vis-network's minified JavaScript as shipped inside the installed pyvis package,
    with its license header, checked safe to inline."""
    try:
        from importlib import resources

        text = (resources.files("pyvis") / _VIS_JS).read_text(encoding="utf-8")
    except (ImportError, OSError) as exc:
        raise GraphmapError("render.vis_missing", detail=str(exc)) from exc
    if "@license" not in text[:2000] or "</script" in text.lower():
        raise GraphmapError("render.vis_missing", detail=_VIS_JS)
    return text


@functools.cache
def _asset(name: str) -> str:
    return (_HERE / "assets" / name).read_text(encoding="utf-8")


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _markup(text: str) -> Any:
    import markupsafe

    return markupsafe.Markup(text)


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# --- the model of the map -------------------------------------------------------------------


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
) -> MapPayload:
    """The translated, laid-out model of the map (see :func:`build_map_html`)."""
    chosen_layers = check_options(color_by, size_by, layers, depth)
    if seed is None:
        seed = _report_seed(report)
    # Layers asked for but no analysis to draw them from: the page says so.
    layers_unavailable = report is None and bool(chosen_layers)
    if report is None:
        chosen_layers = ()
    facts = _Facts.of(dataset, report)
    all_ids = facts.ids
    note: str | None = None
    if focus is not None:
        centre = resolve_focus(dataset, focus)
        drawn = _neighbourhood(facts, centre, depth)
        note = translate("render.note_focus", lang, name=dataset.node_name(centre), depth=depth,
                         nodes=len(drawn), total=len(all_ids))
        return _full_payload(dataset, report, facts, drawn, lang=lang, color_by=color_by,
                             size_by=size_by, layers=chosen_layers, seed=seed, note=note,
                             mode="focus", focus=centre,
                             layers_unavailable=layers_unavailable)
    if len(all_ids) > aggregate_above:
        return _aggregated_payload(dataset, report, facts, lang=lang, color_by=color_by,
                                   layers=chosen_layers, seed=seed)
    return _full_payload(dataset, report, facts, all_ids, lang=lang, color_by=color_by,
                         size_by=size_by, layers=chosen_layers, seed=seed, note=None,
                         mode="full", focus=None, layers_unavailable=layers_unavailable)


@dataclass
class _Facts:
    """Per-node numbers computed once from the dataset and the report."""

    ids: list[str]
    neighbours: dict[str, set[str]]
    roles: dict[str, Counter[RelationType]]
    funding_out: dict[str, float]
    funding_in: dict[str, float]
    betweenness: dict[str, float]
    rank: dict[str, int]
    community: dict[str, int]
    community_labels: dict[int, Any]
    community_order: list[int]

    @classmethod
    def of(cls, dataset: Dataset, report: AnalysisReport | None) -> _Facts:
        ids = [a.id for a in dataset.actors] + [p.id for p in dataset.projects]
        neighbours: dict[str, set[str]] = {i: set() for i in ids}
        roles: dict[str, Counter[RelationType]] = defaultdict(Counter)
        funding_out: dict[str, float] = defaultdict(float)
        funding_in: dict[str, float] = defaultdict(float)
        for r in dataset.relations:
            if r.source != r.target and r.source in neighbours and r.target in neighbours:
                neighbours[r.source].add(r.target)
                neighbours[r.target].add(r.source)
            if r.type in ACTOR_TO_PROJECT and r.target in dataset.project_by_id:
                roles[r.source][r.type] += 1
            if r.type is RelationType.FUNDS and r.amount:
                funding_out[r.source] += r.amount
                funding_in[r.target] += r.amount
        betweenness: dict[str, float] = {}
        rank: dict[str, int] = {}
        community: dict[str, int] = {}
        labels: dict[int, Any] = {}
        order: list[int] = []
        if report is not None:
            for b in report.brokers:
                if b.betweenness is not None:
                    betweenness[b.id] = b.betweenness
                rank[b.id] = b.rank
            for c in report.communities:
                order.append(c.id)
                labels[c.id] = c.label
                for member in c.members:
                    community[member] = c.id
        return cls(ids, neighbours, roles, funding_out, funding_in, betweenness, rank,
                   community, labels, order)

    def ensure_communities(self, dataset: Dataset, seed: int) -> None:
        """Compute seeded modularity communities when no report gave them."""
        if self.community_order:
            return
        import networkx as nx

        graph: nx.Graph[str] = nx.Graph()
        graph.add_nodes_from(self.ids)
        # Sorted: Louvain depends on the adjacency order, and a set's order on the hash seed.
        graph.add_edges_from((u, v) for u in self.ids for v in sorted(self.neighbours[u])
                             if u < v)
        found = nx.community.louvain_communities(graph, seed=seed)
        groups = sorted((sorted(c) for c in found), key=lambda m: (-len(m), m[0]))
        for index, members in enumerate(groups):
            self.community_order.append(index)
            self.community_labels[index] = None
            for member in members:
                self.community[member] = index


def _neighbourhood(facts: _Facts, centre: str, depth: int) -> list[str]:
    seen = {centre}
    frontier = [centre]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in sorted(facts.neighbours[node]):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return [i for i in facts.ids if i in seen]


def _full_payload(
    dataset: Dataset,
    report: AnalysisReport | None,
    facts: _Facts,
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
) -> MapPayload:
    drawn_set = set(drawn)
    if color_by == "community":
        facts.ensure_communities(dataset, seed)
    if size_by == "betweenness" and not facts.betweenness:
        size_by = "degree"
    relations = [(i, r) for i, r in enumerate(dataset.relations)
                 if r.source in drawn_set and r.target in drawn_set]
    positions = compute_layout(list(drawn), [(r.source, r.target) for _, r in relations], seed=seed)
    colorer = _Colorer.make(dataset, facts, drawn, color_by, lang)
    sizes = _sizes(dataset, facts, drawn, size_by)
    gaps_by_node: dict[str, list[str]] = defaultdict(list)
    other_gaps: list[str] = []
    if report is not None and "gaps" in layers:
        for gap in report.gaps:
            text = gap.message.render(lang)
            if gap.subject in drawn_set and gap.subject_kind in ("actor", "project"):
                gaps_by_node[gap.subject].append(text)
            elif gap.subject_kind not in ("actor", "project"):
                other_gaps.append(text)
    opps_by_node: dict[str, list[str]] = defaultdict(list)
    opp_edges: list[dict[str, Any]] = []
    if report is not None and "opportunities" in layers:
        for index, opp in enumerate(report.opportunities):
            line = _opportunity_text(dataset, opp, lang)
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
            "label": _node_label(record, lang, with_stage=color_by in ("territory", "community")),
            "name": record.name,
            "font": _font_size(sizes[node_id], is_actor),
            "kind": "a" if is_actor else "p",
            "shape": "dot" if is_actor else "diamond",
            "color": colorer.color(node_id),
            "size": sizes[node_id],
            "x": x,
            "y": y,
            "f": _filter_keys(record),
            "tip": _tooltip(record, lang),
            "gaps": gaps_by_node.get(node_id, []),
            "opps": opps_by_node.get(node_id, []),
            "details": [[labels.setdefault(label, len(labels)), value]
                        for label, value in _details(record, facts, lang)],
            "extra": [[str(k), str(v)] for k, v in record.extra.items()],
        })
    edges = _edges(dataset, relations, lang)
    legend = colorer.legend(lang)
    legend["size"] = translate("render.legend_size", lang,
                               measure=translate(f"render.size_{size_by}", lang))
    legend["edges"] = _edge_legend(lang, {r.type.value for _, r in relations})
    legend["layers"] = list(layers)
    legend["opportunities_top"] = min(len(opp_edges), OPPORTUNITIES_IN_OVERVIEW)
    filters = _filters(dataset, drawn, relations, lang)
    layer_controls = [
        {"id": layer, "label": translate(f"render.layer_{layer}", lang),
         "count": (sum(1 for n in nodes if n["gaps"]) if layer == "gaps" else len(opp_edges))}
        for layer in layers
    ]
    data = {
        "mode": mode,
        "focus": focus,
        "fast": len(drawn) > _FAST_DRAW_ABOVE,
        "layers": list(layers),
        "nodes": nodes,
        "edges": edges,
        "opportunities": opp_edges,
        "i18n": _script_strings(lang),
        "types": _edge_types(lang),
        "labels": list(labels),
    }
    extra_notes = [translate("render.layer_unavailable", lang)] if layers_unavailable else []
    return MapPayload(
        data=data, legend=legend, filters=filters, layers=layer_controls, note=note,
        title=_title(dataset, lang), mode=mode, node_count=len(nodes), edge_count=len(edges),
        total_nodes=len(facts.ids), extra_notes=extra_notes, other_gaps=other_gaps,
    )


def _aggregated_payload(
    dataset: Dataset,
    report: AnalysisReport | None,
    facts: _Facts,
    *,
    lang: str,
    color_by: str,
    layers: tuple[str, ...],
    seed: int,
) -> MapPayload:
    facts.ensure_communities(dataset, seed)
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
        sector = _dominant(dataset.actor_by_id[m].sector.value for m in group
                           if m in dataset.actor_by_id)
        territory = _dominant(t for m in group if (t := _territory(dataset, m)))
        if color_by == "sector" and sector is not None:
            color = _SECTOR_COLORS[sector]
            legend_colors[sector] = (Sector(sector).label(lang), color)
        else:
            color = _PALETTE[index % len(_PALETTE)]
        label = (_community_label(facts, c, lang) if c >= 0 else
                 translate("render.community_small", lang, below=small_below))
        top = sorted(group, key=lambda m: (-len(facts.neighbours[m]), m))[:10]
        radius = 14 + 56 * math.sqrt(len(group) / biggest)
        caption = f"{label}\n{translate('render.members_count', lang, count=len(group))}"
        details = [
            [translate("render.panel_members", lang), str(len(group))],
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
         translate("render.ties_count", lang, count=ties[(a, b)])]
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
        "nodes": nodes, "edges": edges, "opportunities": [], "i18n": _script_strings(lang),
        "types": _edge_types(lang), "labels": [],
    }
    return MapPayload(
        data=data, legend=legend, filters=[], layers=[],
        note=translate("render.note_aggregated", lang, nodes=len(facts.ids)),
        title=_title(dataset, lang), mode="aggregated", node_count=len(nodes),
        edge_count=len(edges), total_nodes=len(facts.ids), extra_notes=notes,
    )


# --- small pieces ---------------------------------------------------------------------------


def _report_seed(report: AnalysisReport | None) -> int:
    value = report.meta.get("seed") if report is not None else None
    return value if isinstance(value, int) else DEFAULT_SEED


def _title(dataset: Dataset, lang: str) -> str:
    if dataset.name:
        return translate("render.map_title_named", lang, name=dataset.name)
    return translate("render.map_title", lang)


def _community_label(facts: _Facts, community: int, lang: str) -> str:
    label = facts.community_labels.get(community)
    if label is not None:
        return str(label.render(lang))
    return translate("render.community_label", lang, id=community if community >= 0 else "—")


def _dominant(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _territory(dataset: Dataset, node_id: str) -> str | None:
    record = dataset.actor_by_id.get(node_id) or dataset.project_by_id.get(node_id)
    return record.territory if record is not None else None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1].rstrip() + "…"


def _node_label(record: Actor | Project, lang: str, *, with_stage: bool) -> str:
    # The stage is shown by the project's colour, except when colours mean something else.
    if isinstance(record, Project) and with_stage:
        return f"{_short(record.name)}\n{record.stage.label(lang)}"
    return _short(record.name)


def _font_size(size: float, is_actor: bool) -> int:
    """Label size grows with the node: zoomed out, vis-network drops labels under its draw
    threshold, so the overview names the biggest brokers and projects only."""
    low = 9.0 if is_actor else 11.0
    return round(13 + 0.45 * (size - low))


def _filter_keys(record: Actor | Project) -> dict[str, str]:
    if isinstance(record, Actor):
        return {"sector": record.sector.value, "territory": record.territory or ""}
    return {"stage": record.stage.value, "territory": record.territory or ""}


def _tooltip(record: Actor | Project, lang: str) -> str:
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


def money(amount: float, lang: str) -> str:
    """An amount as a Québec reader expects it: ``12 500 $`` in French, ``$12,500`` in English.

    >>> money(12500, "fr"), money(12500.5, "en")
    ('12\\u202f500\\xa0$', '$12,500.50')
    """
    text = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",") + "\u00a0$"
    return "$" + text


def _details(record: Actor | Project, facts: _Facts, lang: str) -> list[list[str]]:
    rows: list[list[str]] = [[translate("render.panel_id", lang), record.id]]
    if isinstance(record, Actor):
        rows.extend(_actor_details(record, facts, lang))
    else:
        rows.extend(_project_details(record, facts, lang))
    rows.append([translate("render.panel_degree", lang), str(len(facts.neighbours[record.id]))])
    if record.id in facts.betweenness:
        rows.append([translate("render.panel_betweenness", lang),
                     f"{facts.betweenness[record.id]:.3f}"])
    if record.id in facts.rank:
        rows.append([translate("render.panel_rank", lang), str(facts.rank[record.id])])
    if record.id in facts.community:
        rows.append([translate("render.panel_community", lang),
                     _community_label(facts, facts.community[record.id], lang)])
    return rows


def _actor_details(record: Actor, facts: _Facts, lang: str) -> list[list[str]]:
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
            f"{t.role_label(lang)} ({roles[t]})" for t in _ROLE_ORDER if roles[t])])
    if facts.funding_out.get(record.id):
        rows.append([translate("render.panel_funding_out", lang),
                     money(facts.funding_out[record.id], lang)])
    return rows


def _project_details(record: Project, facts: _Facts, lang: str) -> list[list[str]]:
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
                     money(facts.funding_in[record.id], lang)])
    return rows


def _sizes(dataset: Dataset, facts: _Facts, drawn: Sequence[str], size_by: str) -> dict[str, float]:
    def measure(node_id: str) -> float:
        actor = node_id in dataset.actor_by_id
        if size_by == "betweenness" and actor:
            return facts.betweenness.get(node_id, 0.0)
        if size_by == "funding":
            funding = facts.funding_out if actor else facts.funding_in
            return funding.get(node_id, 0.0)
        return float(len(facts.neighbours[node_id]))

    values = {n: measure(n) for n in drawn}
    top_actor = max((v for n, v in values.items() if n in dataset.actor_by_id), default=0.0)
    top_project = max((v for n, v in values.items() if n not in dataset.actor_by_id), default=0.0)
    sizes = {}
    for node_id, value in values.items():
        if node_id in dataset.actor_by_id:
            low, high, top = 9.0, 38.0, top_actor
        else:
            low, high, top = 11.0, 26.0, top_project
        share = math.sqrt(value / top) if top > 0 else 0.0
        sizes[node_id] = round(low + (high - low) * share, 1)
    return sizes


_ARROWS: Mapping[str, str] = {"collaborates": ""}


def _edges(
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
            note += f" · {money(r.amount, lang)}"
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


def _edge_types(lang: str) -> dict[str, dict[str, Any]]:
    types = {
        t.value: {"label": t.label(lang), "color": _RELATION_COLORS[t.value],
                  "arrows": _ARROWS.get(t.value, "to"), "dashes": t is RelationType.MEMBER_OF}
        for t in RelationType
    }
    types["ties"] = {"label": "", "color": "#8A8A8A", "arrows": "", "dashes": False}
    return types


def _edge_legend(lang: str, present: set[str]) -> list[dict[str, Any]]:
    return [
        {"label": f"{t.label(lang)}", "color": _RELATION_COLORS[t.value],
         "dashes": t is RelationType.MEMBER_OF}
        for t in RelationType if t.value in present
    ]


def _filters(dataset: Dataset, drawn: Sequence[str], relations: Sequence[tuple[int, Any]],
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


def _opportunity_text(dataset: Dataset, opp: Any, lang: str) -> str:
    kind_key = f"render.opp_kind_{opp.kind}"
    from graphmap.i18n import has_message

    kind = translate(kind_key, lang) if has_message(kind_key) else str(opp.kind)
    lines = [translate("render.opp_line", lang, kind=kind, source=dataset.node_name(opp.source),
                       target=dataset.node_name(opp.target), score=f"{opp.score:.2f}")]
    lines.extend(reason.render(lang) for reason in opp.reasons)
    if opp.introducer:
        lines.append(translate("render.opp_introducer", lang,
                               name=dataset.node_name(opp.introducer)))
    return "\n".join(lines)


_SCRIPT_KEYS: tuple[str, ...] = (
    "search_none", "panel_hint", "panel_extra", "panel_gaps", "panel_opportunities",
    "panel_neighbours", "panel_close", "stats",
)


def _script_strings(lang: str) -> dict[str, str]:
    return {key: translate(f"render.{key}", lang) if key != "stats"
            else translate("render.stats", lang, nodes="{nodes}", edges="{edges}")
            for key in _SCRIPT_KEYS}


@dataclass
class _Colorer:
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
    def make(cls, dataset: Dataset, facts: _Facts, drawn: Sequence[str], color_by: str,
             lang: str) -> _Colorer:
        if color_by in ("sector", "role"):
            colors, groups = _by_actor_attribute(dataset, facts, drawn, color_by, lang)
        elif color_by == "stage":
            colors, groups = _by_stage(dataset, drawn, lang)
        else:
            colors, groups = _by_group(dataset, facts, drawn, color_by, lang)
        return cls(color_by, colors, groups, f"render.color_{color_by}")


_Coloring = tuple[dict[str, str], list[dict[str, Any]]]


def _stages_present(dataset: Dataset, projects: Sequence[str]) -> list[Stage]:
    present = {dataset.project_by_id[p].stage for p in projects}
    return [s for s in Stage if s in present]


def _by_actor_attribute(dataset: Dataset, facts: _Facts, drawn: Sequence[str], color_by: str,
                        lang: str) -> _Coloring:
    """Actors by sector or main role; projects in a grey ramp by stage."""
    actors = [n for n in drawn if n in dataset.actor_by_id]
    projects = [n for n in drawn if n in dataset.project_by_id]
    colors: dict[str, str] = {}
    if color_by == "sector":
        for a in actors:
            colors[a] = _SECTOR_COLORS[dataset.actor_by_id[a].sector.value]
        used = {dataset.actor_by_id[a].sector.value for a in actors}
        items = [{"label": s.label(lang), "color": _SECTOR_COLORS[s.value], "shape": "dot"}
                 for s in Sector if s.value in used]
    else:
        roles = {a: _main_role(facts.roles.get(a)) for a in actors}
        for a, role in roles.items():
            colors[a] = _RELATION_COLORS.get(role, _OTHER_COLOR)
        items = [{"label": t.role_label(lang), "color": _RELATION_COLORS[t.value],
                  "shape": "dot"} for t in _ROLE_ORDER if t.value in roles.values()]
        if "" in roles.values():
            items.append({"label": translate("render.role_none", lang),
                          "color": _OTHER_COLOR, "shape": "dot"})
    for p in projects:
        colors[p] = _STAGE_GREYS[dataset.project_by_id[p].stage.value]
    stage_items = [{"label": s.label(lang), "color": _STAGE_GREYS[s.value], "shape": "diamond"}
                   for s in _stages_present(dataset, projects)]
    return colors, [
        {"title": translate("render.legend_actor", lang), "items": items},
        {"title": translate("render.legend_projects_by_stage", lang), "items": stage_items},
    ]


def _by_stage(dataset: Dataset, drawn: Sequence[str], lang: str) -> _Coloring:
    """Projects in a colour ramp by stage; actors plain."""
    projects = [n for n in drawn if n in dataset.project_by_id]
    colors = {n: _PLAIN_ACTOR for n in drawn if n in dataset.actor_by_id}
    for p in projects:
        colors[p] = _STAGE_COLORS[dataset.project_by_id[p].stage.value]
    stage_items = [{"label": s.label(lang), "color": _STAGE_COLORS[s.value], "shape": "diamond"}
                   for s in _stages_present(dataset, projects)]
    return colors, [
        {"title": translate("render.legend_projects_by_stage", lang), "items": stage_items},
        {"title": translate("render.legend_actor", lang), "items": [
            {"label": translate("render.legend_actors_plain", lang), "color": _PLAIN_ACTOR,
             "shape": "dot"}]},
    ]


def _by_group(dataset: Dataset, facts: _Facts, drawn: Sequence[str], color_by: str,
              lang: str) -> _Coloring:
    """Actors and projects by territory or community: the biggest groups get the palette,
    the rest share one neutral colour."""
    if color_by == "territory":
        key = {n: _territory(dataset, n) or "" for n in drawn}
        counts = Counter(key.values())
        ranked = sorted(counts, key=lambda k: (k == "", -counts[k], fold(k), k))
        names = {k: k or translate("render.legend_none", lang) for k in ranked}
    else:
        key = {n: str(facts.community.get(n, -1)) for n in drawn}
        counts = Counter(key.values())
        order = [str(c) for c in facts.community_order if str(c) in counts]
        ranked = order + sorted(k for k in counts if k not in order)
        names = {k: _community_label(facts, int(k), lang) for k in ranked}
    palette = {k: _PALETTE[i] for i, k in enumerate(
        [k for k in ranked if k != ""][: len(_PALETTE)])}
    colors = {n: palette.get(key[n], _OTHER_COLOR) for n in drawn}
    items = [{"label": names[k], "color": palette[k], "shape": "dot"} for k in palette]
    if len(palette) < len(ranked):
        items.append({"label": translate("render.legend_other", lang),
                      "color": _OTHER_COLOR, "shape": "dot"})
    return colors, [{"title": "", "items": items}]


def _main_role(roles: Counter[RelationType] | None) -> str:
    if not roles:
        return ""
    best = max(_ROLE_ORDER, key=lambda t: (roles[t], -_ROLE_ORDER.index(t)))
    return best.value if roles[best] else ""
