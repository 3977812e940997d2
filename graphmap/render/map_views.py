"""Guided views of the map: the ``[[views]]`` list of ``graphmap.toml`` (or of a ``--views``
file), each a saved way of showing the map with a title and a caption in French and English.

A view says what to show: a focus node and its depth (1 to 3 steps), filters (values kept per
filter key), whether filtered-out nodes fade instead of disappearing, a colour scheme and the
analysis layers drawn. This module checks the shape of each entry; the map checks the ids and
values against the workspace (:func:`views_data`). Every mistake is a
:class:`~graphmap.errors.ConfigError` naming the file and the view's number (1-based).

>>> views = views_from_mapping({"views": [{"title": "Tout", "focus": "cdc", "depth": 2}]})
>>> views[0].title_fr, views[0].title_en, views[0].focus, views[0].depth
('Tout', 'Tout', 'cdc', 2)
>>> views_from_mapping({"views": [{"title": "x", "depth": 4}]})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graphmap.errors.ConfigError: graphmap.toml, view 1: ...
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap.errors import ConfigError
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import format_number
from graphmap.render.map_model import territory_of
from graphmap.render.options import LAYERS
from graphmap.schema import RelationType, Sector, Stage, Vocabulary, fold

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport

__all__ = [
    "FILTER_KEYS", "MAX_DEPTH", "VIEWS_TABLE", "View", "default_views", "load_views",
    "views_data", "views_from_mapping",
]

VIEWS_TABLE = "views"
#: The filters a view may set: those of the map's filter panel.
FILTER_KEYS: tuple[str, ...] = ("sector", "territory", "stage", "relation")
#: Deepest neighbourhood a view (and the map's depth control) shows.
MAX_DEPTH = 3
_KEYS = ("title", "title_fr", "title_en", "caption", "caption_fr", "caption_en", "focus",
         "depth", "filters", "fade", "color_by", "layers")


@dataclass(frozen=True)
class View:
    """One guided view. ``filters`` maps a filter key to the values kept; ``layers`` is
    ``None`` when the view leaves the layers as they are; ``color_by`` ``None`` keeps the
    map's colours. ``source`` and ``number`` locate it for error messages."""

    title_fr: str
    title_en: str
    caption_fr: str = ""
    caption_en: str = ""
    focus: str | None = None
    depth: int = 1
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fade: bool = False
    color_by: str | None = None
    layers: tuple[str, ...] | None = None
    source: str = "graphmap.toml"
    number: int = 0

    def title(self, lang: str) -> str:
        return self.title_fr if lang == "fr" else self.title_en

    def caption(self, lang: str) -> str:
        return self.caption_fr if lang == "fr" else self.caption_en

    def error(self, detail_key: str, **params: Any) -> ConfigError:
        """A located error about this view: ``file, view N: detail``."""
        return located_error(self.source, self.number, detail_key, **params)


def located_error(source: str, number: int, detail_key: str, **params: Any) -> ConfigError:
    from graphmap.i18n import Message

    return ConfigError("render.view.in_file", where=source, number=number,
                       detail=Message(detail_key, params))


def views_from_mapping(data: Mapping[str, Any], *, source: str = "graphmap.toml") -> list[View]:
    """The views of a parsed TOML document (its ``[[views]]`` list; none if absent)."""
    entries = data.get(VIEWS_TABLE)
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise ConfigError("render.view.not_a_list", where=source)
    return [_view(entry, source, number) for number, entry in enumerate(entries, start=1)]


def load_views(path: str | Path) -> list[View]:
    """The ``[[views]]`` of a TOML file (``graphmap.toml`` or a ``--views`` file)."""
    chosen = Path(path)
    if not chosen.is_file():
        raise ConfigError("analysis.config.missing", where=str(chosen))
    try:
        data = tomllib.loads(chosen.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("analysis.config.bad_toml", where=str(chosen), detail=str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("analysis.config.unreadable", where=str(chosen),
                          detail=str(exc)) from exc
    return views_from_mapping(data, source=str(chosen))


def _text(entry: Mapping[str, Any], key: str, source: str, number: int) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise located_error(source, number, "render.view.not_text", key=key)
    return value.strip()


def _filters(filters: Any, source: str, number: int) -> dict[str, tuple[str, ...]]:
    if not isinstance(filters, Mapping):
        raise located_error(source, number, "render.view.filters_not_table")
    kept: dict[str, tuple[str, ...]] = {}
    for key, given in filters.items():
        if key not in FILTER_KEYS:
            raise located_error(source, number, "render.view.unknown_filter", key=key,
                                known=", ".join(FILTER_KEYS))
        values = [given] if isinstance(given, str) else given
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise located_error(source, number, "render.view.filter_values", key=key)
        kept[key] = tuple(values)
    return kept


def _view(entry: Any, source: str, number: int) -> View:
    if not isinstance(entry, Mapping):
        raise located_error(source, number, "render.view.not_a_table")
    for key in entry:
        if key not in _KEYS:
            raise located_error(source, number, "render.view.unknown_key", key=key,
                                known=", ".join(_KEYS))
    title = _text(entry, "title", source, number)
    title_fr = _text(entry, "title_fr", source, number) or title
    title_en = _text(entry, "title_en", source, number) or title
    if not title_fr and not title_en:
        raise located_error(source, number, "render.view.no_title")
    caption = _text(entry, "caption", source, number) or ""
    depth = entry.get("depth", 1)
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= MAX_DEPTH:
        raise located_error(source, number, "render.view.bad_depth", depth=depth,
                            most=MAX_DEPTH)
    focus = _text(entry, "focus", source, number) or None
    kept = _filters(entry.get("filters", {}), source, number)
    fade = entry.get("fade", False)
    if not isinstance(fade, bool):
        raise located_error(source, number, "render.view.not_bool", key="fade")
    layers = entry.get("layers")
    if layers is not None:
        if isinstance(layers, str):
            layers = [part.strip() for part in layers.split(",") if part.strip()]
        if not isinstance(layers, list) or not all(isinstance(v, str) for v in layers):
            raise located_error(source, number, "render.view.filter_values", key="layers")
        layers = tuple(v.lower() for v in layers if v.lower() != "none")
    color_by = _text(entry, "color_by", source, number)
    return View(
        title_fr=title_fr or title_en or "", title_en=title_en or title_fr or "",
        caption_fr=_text(entry, "caption_fr", source, number) or caption,
        caption_en=_text(entry, "caption_en", source, number) or caption,
        focus=focus, depth=depth, filters=kept, fade=fade,
        color_by=color_by.lower() if color_by else None, layers=layers,
        source=source, number=number,
    )


# --- checked against the workspace, and the views proposed when none are defined -------------

_SEVERITY = {"high": 0, "medium": 1, "low": 2}


def views_data(
    views: Sequence[View], dataset: Dataset, report: AnalysisReport | None, *,
    drawn: Collection[str], lang: str, color_modes: Collection[str], layer_names: Collection[str],
) -> list[dict[str, Any]]:
    """The views as the page's script reads them, in ``lang``; without ``views``, the three
    proposed ones (:func:`default_views`).

    Raises
    ------
    ConfigError
        A view names an unknown id (with a suggestion), colour scheme, layer or filter value,
        located by file and view number.
    """
    chosen = list(views) or default_views(dataset, report)
    territories = {fold(t): t for t in (territory_of(dataset, n) for n in drawn) if t}
    out = []
    for view in chosen:
        focus = view.focus
        if focus is not None and dataset.kind_of(focus) is None:
            ids = [a.id for a in dataset.actors] + [p.id for p in dataset.projects]
            match = difflib.get_close_matches(focus, ids, n=1, cutoff=0.6)
            if match:
                raise view.error("render.view.unknown_focus_suggest", id=focus,
                                 suggestion=match[0])
            raise view.error("render.view.unknown_focus", id=focus)
        if view.color_by is not None and view.color_by not in color_modes:
            raise view.error("render.view.bad_choice", key="color_by", value=view.color_by,
                             choices=", ".join(color_modes))
        for layer in view.layers or ():
            if layer not in LAYERS:
                raise view.error("render.view.bad_choice", key="layers", value=layer,
                                 choices=", ".join(LAYERS))
        filters = {key: [_filter_value(view, key, value, territories) for value in values]
                   for key, values in view.filters.items()}
        out.append({
            "title": view.title(lang), "caption": view.caption(lang),
            "focus": focus if focus in drawn else None, "depth": view.depth,
            "filters": filters, "fade": view.fade, "color": view.color_by,
            "layers": None if view.layers is None else
            [layer for layer in view.layers if layer in layer_names],
        })
    return out


def _filter_value(view: View, key: str, value: str, territories: Mapping[str, str]) -> str:
    vocabulary: type[Vocabulary] | None = {"sector": Sector, "stage": Stage,
                                           "relation": RelationType}.get(key)
    if vocabulary is not None:
        term = vocabulary.parse(value)
        if term is None:
            raise view.error("render.view.bad_choice", key=f"filters.{key}", value=value,
                             choices=", ".join(vocabulary.codes()))
        return str(term.value)
    if value == "" or fold(value) in territories:
        return territories.get(fold(value), "")
    raise view.error("render.view.bad_choice", key="filters.territory", value=value,
                     choices=", ".join(sorted(territories.values())))


def default_views(dataset: Dataset, report: AnalysisReport | None) -> list[View]:
    """The views proposed when none are defined: the whole ecosystem, the top broker's
    neighbourhood and the most serious gap on a node (the last two need a report)."""
    count = len(dataset.actors) + len(dataset.projects)
    views = [View(
        title_fr=translate("render.view_whole", "fr"),
        title_en=translate("render.view_whole", "en"),
        caption_fr=translate("render.view_whole_caption", "fr", nodes=format_number(count, "fr")),
        caption_en=translate("render.view_whole_caption", "en", nodes=format_number(count, "en")),
        number=1)]
    if report is None:
        return views
    brokers = sorted((b for b in report.brokers if b.betweenness), key=lambda b: (b.rank, b.id))
    if brokers:
        top = brokers[0]
        views.append(View(
            title_fr=translate("render.view_broker", "fr", name=top.name),
            title_en=translate("render.view_broker", "en", name=top.name),
            caption_fr=top.why.render("fr"), caption_en=top.why.render("en"),
            focus=top.id, depth=1, number=len(views) + 1))
    gaps = sorted((g for g in report.gaps if g.subject_kind in ("actor", "project")
                   and dataset.kind_of(g.subject) is not None),
                  key=lambda g: _SEVERITY.get(g.severity, 3))
    if gaps:
        gap = gaps[0]
        name = dataset.node_name(gap.subject)
        views.append(View(
            title_fr=translate("render.view_gap", "fr", name=name),
            title_en=translate("render.view_gap", "en", name=name),
            caption_fr=f"{gap.message.render('fr')} {gap.remedy.render('fr')}",
            caption_en=f"{gap.message.render('en')} {gap.remedy.render('en')}",
            focus=gap.subject, depth=1, layers=("gaps",), number=len(views) + 1))
    return views
