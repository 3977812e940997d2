"""Seeded node positions computed in Python, so a map opens already laid out and is the same
from run to run.

Each connected component is laid out on its own (Kamada–Kawai for small ones, which spaces
nodes evenly; Fruchterman–Reingold beyond) and the components are then packed in rows,
biggest first, so isolated actors sit tidily beside the main network instead of being flung
to the edges and shrinking everything else when the view is fitted.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence

# Average distance, in vis-network pixels, between neighbouring nodes: labels of 14 px stay
# apart at 100 % zoom; the overview shows the biggest nodes' labels only (see html_map).
NODE_SPACING = 150.0

# Kamada–Kawai spaces small networks evenly but needs all-pairs distances (O(n²) memory).
_KAMADA_KAWAI_UP_TO = 400
# Above this many nodes exact Fruchterman–Reingold repulsion (O(n²) per iteration) gets
# slow: 8 s at 3k nodes against 0.5 s with igraph's grid approximation (measured; DrL took
# 19 s, so it is not used).
_GRID_ABOVE = 1500


def compute_layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int,
    weights: Mapping[tuple[str, str], float] | None = None,
    spacing: float = NODE_SPACING,
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (pixel coordinates), deterministic for a seed.

    Parameters
    ----------
    nodes
        Node ids, in a stable order (the order is part of the seed's meaning).
    edges
        Undirected pairs of node ids; duplicates and self-loops are ignored.
    seed
        Seed of every random step.
    weights
        Optional edge weight per pair (as given in ``edges``); heavier edges pull harder.
    spacing
        Target distance between neighbouring nodes, in pixels.

    Returns
    -------
    dict
        ``{node: (x, y)}``, coordinates rounded to 0.1 px so the output bytes are stable.

    Examples
    --------
    >>> pos = compute_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=1)
    >>> sorted(pos) == ["a", "b", "c", "d"]
    True
    >>> pos == compute_layout(["a", "b", "c", "d"], [("a", "b"), ("b", "c")], seed=1)
    True
    """
    index = {node: i for i, node in enumerate(nodes)}
    n = len(index)
    if n == 0:
        return {}
    pairs: dict[tuple[int, int], float] = {}
    for u, v in edges:
        if u == v or u not in index or v not in index:
            continue
        i, j = sorted((index[u], index[v]))
        weight = 1.0 if weights is None else float(weights.get((u, v), weights.get((v, u), 1.0)))
        pairs[(i, j)] = pairs.get((i, j), 0.0) + weight
    components = _components(n, pairs)
    owner = {node: c for c, members in enumerate(components) for node in members}
    by_component: dict[int, list[tuple[tuple[int, int], float]]] = {}
    for (i, j), w in pairs.items():
        by_component.setdefault(owner[i], []).append(((i, j), w))
    pieces = []
    # Isolated nodes share one grid (the map draws a labelled box around it, and labels
    # each to its right) instead of a long row of dots under the network.
    singles = [members[0] for members in components if len(members) == 1]
    components = [members for members in components if len(members) > 1]
    for c, members in enumerate(components):
        local = {node: k for k, node in enumerate(members)}
        local_pairs = sorted(
            ((local[i], local[j]), w) for (i, j), w in by_component.get(c, [])
        )
        coords = _igraph_layout(len(members), local_pairs, seed)
        pieces.append((members, _scaled(coords, spacing)))
    if singles:
        pieces.append((singles, _grid(len(singles), spacing * 0.6)))
    placed = _pack(pieces, spacing)
    names = list(index)
    return {names[i]: (round(x, 1) + 0.0, round(y, 1) + 0.0) for i, (x, y) in placed.items()}


def _components(n: int, pairs: Mapping[tuple[int, int], float]) -> list[list[int]]:
    """Connected components as sorted member lists, biggest first, ties by first member."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda m: (-len(m), m[0]))


def _igraph_layout(
    n: int, weighted_pairs: list[tuple[tuple[int, int], float]], seed: int
) -> list[tuple[float, float]]:
    if n == 1:
        return [(0.0, 0.0)]
    import igraph

    graph = igraph.Graph(n=n, edges=[pair for pair, _ in weighted_pairs])
    weights = [w for _, w in weighted_pairs] or None
    rng = random.Random(seed)
    # Spread the start like igraph's own random start (side ~ sqrt(n)): crammed into a unit
    # square, every node falls in one grid cell and the grid variant degrades to O(n²).
    half = math.sqrt(n) / 2.0
    start = [[rng.uniform(-half, half), rng.uniform(-half, half)] for _ in range(n)]
    # igraph draws from a global generator; give it ours and put the default back after.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        if n <= _KAMADA_KAWAI_UP_TO:
            layout = graph.layout_kamada_kawai(seed=start, maxiter=50 * n)
        else:
            layout = graph.layout_fruchterman_reingold(
                weights=weights, seed=start, niter=500,
                grid="grid" if n > _GRID_ABOVE else "nogrid",
            )
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in layout.coords]


#: How many times wider than tall a cell of the isolated actors' grid is: the map labels
#: each of them to its right, a name being several times wider than a line is tall.
GRID_ASPECT = 6


def _grid(count: int, step: float) -> list[tuple[float, float]]:
    """``count`` points in rows ``step`` apart and columns ``GRID_ASPECT`` × ``step``
    apart, column by column, as many columns as make the whole about square.

    >>> _grid(2, 1.0), len({x for x, _ in _grid(12, 1.0)})
    ([(0.0, 0.0), (0.0, 1.0)], 2)
    """
    columns = math.ceil(math.sqrt(count / GRID_ASPECT))
    rows = math.ceil(count / columns)
    return [(step * GRID_ASPECT * (k // rows), step * (k % rows)) for k in range(count)]


def _scaled(coords: list[tuple[float, float]], spacing: float) -> list[tuple[float, float]]:
    """Shift to the origin and scale so the drawing gives each node about ``spacing``²."""
    xs = [x for x, _ in coords]
    ys = [y for _, y in coords]
    extent = max(max(xs) - min(xs), max(ys) - min(ys))
    if extent <= 0:
        return [(0.0, 0.0) for _ in coords]
    factor = spacing * math.sqrt(len(coords)) * 1.1 / extent
    return [((x - min(xs)) * factor, (y - min(ys)) * factor) for x, y in coords]


def _pack(
    pieces: list[tuple[list[int], list[tuple[float, float]]]], spacing: float
) -> dict[int, tuple[float, float]]:
    """Shelf-pack laid-out components in rows no wider than the biggest one (or a square)."""
    sizes = [
        (max((x for x, _ in coords), default=0.0), max((y for _, y in coords), default=0.0))
        for _, coords in pieces
    ]
    total_area = sum((w + spacing) * (h + spacing) for w, h in sizes)
    row_width = max(sizes[0][0], math.sqrt(total_area))
    placed: dict[int, tuple[float, float]] = {}
    x0 = y0 = row_height = 0.0
    for (members, coords), (w, h) in zip(pieces, sizes, strict=True):
        if x0 > 0 and x0 + w > row_width:
            x0, y0, row_height = 0.0, y0 + row_height + spacing, 0.0
        for node, (x, y) in zip(members, coords, strict=True):
            placed[node] = (x0 + x, y0 + y)
        x0 += w + spacing
        row_height = max(row_height, h)
    xs = [x for x, _ in placed.values()]
    ys = [y for _, y in placed.values()]
    cx, cy = (max(xs) + min(xs)) / 2.0, (max(ys) + min(ys)) / 2.0
    return {node: (x - cx, y - cy) for node, (x, y) in placed.items()}
