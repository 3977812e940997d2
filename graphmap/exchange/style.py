"""How graphmap's map draws each node, for files that carry a drawing (GEXF's viz namespace,
GraphML's Gephi keys): the map's sector and stage colours, its betweenness sizes and its
seeded layout, so Gephi and Gephi Lite open an export looking like ``graphmap render``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graphmap.model.dataset import Dataset, in_content_order

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport

__all__ = ["LAYOUT_UP_TO", "NodeStyle", "map_styles"]

#: Above this many nodes no positions are written, as the map itself draws nodes one by one
#: only up to ``graphmap.render.html_map.AGGREGATE_ABOVE`` (5,000; communities above): there
#: are no map positions to copy, and the seeded layout takes 35 s at 20,000 nodes (minutes at
#: 125,000) where Gephi's own ForceAtlas2 does better (benchmarks/bench_exchange.py).
LAYOUT_UP_TO = 5_000



@dataclass(frozen=True)
class NodeStyle:
    """Colour (``#RRGGBB``), size, shape (``disc`` or ``diamond``) and, when laid out,
    position (Gephi's axes: ``y`` grows upwards, the map's downwards)."""

    color: str
    size: float
    shape: str
    x: float | None = None
    y: float | None = None

    @property
    def rgb(self) -> tuple[int, int, int]:
        """The colour as red, green and blue channels.

        >>> NodeStyle("#4E79A7", 9.0, "disc").rgb
        (78, 121, 167)
        """
        return (int(self.color[1:3], 16), int(self.color[3:5], 16), int(self.color[5:7], 16))


# graphmap.render.map_style.node_sizes: actors 9-38, projects 11-26, by the square root of
# the node's share of the biggest betweenness (actors; degree when there is no analysis) or
# degree (projects).
_ACTOR_SIZES = (9.0, 38.0)
_PROJECT_SIZES = (11.0, 26.0)


def map_styles(dataset: Dataset, report: AnalysisReport | None, *, seed: int,
               layout_up_to: int = LAYOUT_UP_TO) -> dict[str, NodeStyle]:
    """Each node's style as graphmap's map draws it by default (``--color-by sector
    --size-by betweenness``, degree when there is no analysis), with the map's own colour
    and size rules (palettes of ``graphmap.render.map_style``) and seeded layout.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.CARRIES),))
    >>> styles = map_styles(ds, None, seed=1)
    >>> styles["a"].color, styles["a"].shape, styles["p"].shape
    ('#4E79A7', 'disc', 'diamond')
    >>> map_styles(ds, None, seed=1) == styles
    True
    """
    from graphmap.render.map_style import _STAGE_GREYS, SECTOR_COLORS

    # The layout is seeded by the order of its nodes and edges: content order, so that the
    # same data in any row order gets the same positions (as the map does).
    dataset = in_content_order(dataset)
    ids = [a.id for a in dataset.actors] + [p.id for p in dataset.projects]
    colors = {a.id: SECTOR_COLORS[a.sector.value] for a in dataset.actors}
    colors.update((p.id, _STAGE_GREYS[p.stage.value]) for p in dataset.projects)
    sizes = _sizes(dataset, report)
    positions: Mapping[str, tuple[float, float]] = {}
    if len(ids) <= layout_up_to:
        from graphmap.render.layout import compute_layout

        positions = compute_layout(ids, [(r.source, r.target) for r in dataset.relations],
                                   seed=seed)
    actors = dataset.actor_by_id
    styles: dict[str, NodeStyle] = {}
    for node_id in ids:
        x, y = positions.get(node_id, (None, None))
        styles[node_id] = NodeStyle(colors[node_id], sizes[node_id],
                                    "disc" if node_id in actors else "diamond",
                                    x, None if y is None else -y + 0.0)
    return styles


def _sizes(dataset: Dataset, report: AnalysisReport | None) -> dict[str, float]:
    degree: dict[str, set[str]] = {}
    for r in dataset.relations:
        if r.source != r.target:
            degree.setdefault(r.source, set()).add(r.target)
            degree.setdefault(r.target, set()).add(r.source)
    betweenness = {} if report is None else {
        b.id: b.betweenness for b in report.brokers if b.betweenness is not None}
    measure = {p.id: float(len(degree.get(p.id, ()))) for p in dataset.projects}
    measure.update((a.id, betweenness.get(a.id, 0.0) if betweenness
                    else float(len(degree.get(a.id, ())))) for a in dataset.actors)
    sizes: dict[str, float] = {}
    groups = (([a.id for a in dataset.actors], _ACTOR_SIZES),
              ([p.id for p in dataset.projects], _PROJECT_SIZES))
    for ids, (low, high) in groups:
        top = max((measure[i] for i in ids), default=0.0)
        for node_id in ids:
            share = math.sqrt(measure[node_id] / top) if top > 0 else 0.0
            sizes[node_id] = round(low + (high - low) * share, 1)
    return sizes
