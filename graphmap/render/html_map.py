"""The interactive map: one self-contained, offline HTML file drawn with vis-network.

This module is the map's public face; the work is done by

- :mod:`graphmap.render.map_payload`: which nodes and edges are drawn, and where;
- :mod:`graphmap.render.map_overview`: the community overview of very large maps;
- :mod:`graphmap.render.map_style`: palettes, colours, sizes;
- :mod:`graphmap.render.map_panel`: labels, tooltips and the side panel's text;
- :mod:`graphmap.render.page`: the page, its inlined assets and its Content-Security-Policy
  (shared with the HTML report).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from graphmap import atomic
from graphmap.model.dataset import Dataset
from graphmap.render.map_model import MapPayload
from graphmap.render.map_payload import (
    AGGREGATE_ABOVE,
    analysis_needed,
    build_map_payload,
    check_options,
    resolve_focus,
)
from graphmap.render.map_views import View
from graphmap.render.options import COLOR_BY, LAYERS, SIZE_BY
from graphmap.render.page import render_page, script_json, vis_network_js

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport, Community

__all__ = [
    "AGGREGATE_ABOVE", "COLOR_BY", "LAYERS", "SIZE_BY", "MapPayload", "analysis_needed",
    "build_map_html", "build_map_payload", "check_options", "map_page", "render_page",
    "resolve_focus", "script_json", "vis_network_js", "write_map",
]


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
    communities: Sequence[Community] | None = None,
    views: Sequence[View] = (),
) -> str:
    """The map as one self-contained HTML document (no network request at all).

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
    views
        Guided views (:mod:`graphmap.render.map_views`); none: the three proposed ones.
    communities
        Without a report, the communities to colour by or to aggregate into: those of
        :func:`graphmap.analysis.pipeline.community_partition`, the report's own.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    UsageError
        Unknown option value, unknown ``focus`` id (with a suggestion) or bad ``depth``.
    GraphmapError
        The map shows communities but neither ``report`` nor ``communities`` was given.
    """
    payload = build_map_payload(
        dataset, report, lang=lang, color_by=color_by, size_by=size_by, layers=layers,
        focus=focus, depth=depth, seed=seed, aggregate_above=aggregate_above,
        communities=communities, views=views,
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
    communities: Sequence[Community] | None = None,
    views: Sequence[View] = (),
) -> Path:
    """Write the map of :func:`build_map_html` to ``path`` atomically and return the path."""
    html = build_map_html(
        dataset, report, lang=lang, color_by=color_by, size_by=size_by, layers=layers,
        focus=focus, depth=depth, seed=seed, aggregate_above=aggregate_above,
        communities=communities, views=views,
    )
    return atomic.write_text(path, html)
