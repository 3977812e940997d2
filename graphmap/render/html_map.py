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

from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from graphmap.render.options import COLOR_BY, LAYERS, SIZE_BY
from graphmap.render.page import render_page, script_json, vis_network_js

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport

__all__ = [
    "AGGREGATE_ABOVE", "COLOR_BY", "LAYERS", "SIZE_BY", "MapPayload", "analysis_needed",
    "build_map_html", "build_map_payload", "check_options", "map_page", "render_page",
    "resolve_focus", "script_json", "vis_network_js", "write_map",
]


def build_map_html(dataset: Dataset, report: AnalysisReport | None, *, lang: str,
                   **options: Any) -> str:
    """The map as one self-contained HTML document (no network request at all).

    ``options`` are the drawing options of
    :func:`graphmap.render.map_payload.build_map_payload` (``color_by``, ``size_by``,
    ``layers``, ``focus``, ``depth``, ``seed``, ``aggregate_above``, ``communities``,
    ``views``), documented there with their defaults.
    """
    return map_page(build_map_payload(dataset, report, lang=lang, **options), lang=lang)


def map_page(payload: MapPayload, *, lang: str) -> str:
    """The map page of a payload already built (so a caller that also embeds the map in the
    report lays it out once)."""
    return render_page("map.html", lang=lang, map=payload, title=payload.title)


def write_map(dataset: Dataset, report: AnalysisReport | None, path: str | Path, *, lang: str,
              **options: Any) -> Path:
    """Write the map of :func:`build_map_html` to ``path`` atomically and return the path."""
    return atomic.write_text(path, build_map_html(dataset, report, lang=lang, **options))
