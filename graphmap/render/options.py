"""The choices of every renderer, in one table the CLI derives its option lists from.

This module imports nothing heavy (no layout, no templates, no analysis), so the command
line can build ``--format``, ``--color-by``, ``--size-by`` and ``--layers`` from it without
slowing down ``graphmap --help``. The renderers validate their arguments against the same
tables (:func:`check_map_options`), so the CLI and the library cannot drift apart.

>>> REPORT_FORMATS
('text', 'json', 'markdown')
>>> parse_layers("Opportunities, gaps,gaps"), parse_layers("none")
(('opportunities', 'gaps'), ())
>>> check_map_options("community", "degree", ("opportunities", "gaps"), 1)
('gaps', 'opportunities')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "COLOR_BY",
    "DEFAULT_COLOR_BY",
    "DEFAULT_LAYERS",
    "DEFAULT_REPORT_FORMAT",
    "DEFAULT_SIZE_BY",
    "LAYERS",
    "REPORT_FORMATS",
    "SIZE_BY",
    "check_map_options",
    "parse_layers",
]

# Report formats written by ``graphmap analyze --format`` (terminal text, JSON contract of
# docs/json-report.md, Markdown); the HTML report and map come with ``analyze --out``.
REPORT_FORMATS: tuple[str, ...] = ("text", "json", "markdown")
DEFAULT_REPORT_FORMAT = "text"

# How the map colours its nodes, sizes them, and which analysis layers it draws.
COLOR_BY: tuple[str, ...] = ("role", "sector", "territory", "community", "stage")
SIZE_BY: tuple[str, ...] = ("betweenness", "degree", "funding")
LAYERS: tuple[str, ...] = ("gaps", "opportunities")
DEFAULT_COLOR_BY = "sector"
DEFAULT_SIZE_BY = "betweenness"
DEFAULT_LAYERS: tuple[str, ...] = LAYERS


def parse_layers(text: str) -> tuple[str, ...]:
    """``"gaps,opportunities"`` → ``("gaps", "opportunities")``; ``"none"`` or ``""`` → ``()``.

    Names are lower-cased and repeated ones dropped; they are not checked here (see
    :func:`check_map_options`).
    """
    chosen: list[str] = []
    for part in text.split(","):
        layer = part.strip().lower()
        if not layer or layer == "none":
            continue
        if layer not in chosen:
            chosen.append(layer)
    return tuple(chosen)


def check_map_options(
    color_by: str, size_by: str, layers: Iterable[str], depth: int
) -> tuple[str, ...]:
    """Validate the map's drawing options; return the layers as a tuple in canonical order.

    Raises
    ------
    graphmap.errors.UsageError
        A value outside ``COLOR_BY``, ``SIZE_BY`` or ``LAYERS``, or ``depth < 1``.
    """
    from graphmap.errors import UsageError

    if color_by not in COLOR_BY:
        raise UsageError("render.bad_option", option="--color-by", value=color_by,
                         choices=", ".join(COLOR_BY))
    if size_by not in SIZE_BY:
        raise UsageError("render.bad_option", option="--size-by", value=size_by,
                         choices=", ".join(SIZE_BY))
    chosen = tuple(layers)
    for layer in chosen:
        if layer not in LAYERS:
            raise UsageError("render.bad_layer", layer=layer, choices=", ".join(LAYERS))
    if depth < 1:
        raise UsageError("render.bad_depth", depth=depth)
    return tuple(layer for layer in LAYERS if layer in chosen)
