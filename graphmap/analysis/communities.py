"""Communities: seeded modularity communities of ``G_u``, labelled by their dominant sector
and territory.

References
----------
.. [1] Traag, V. A., Waltman, L. & van Eck, N. J. (2019). From Louvain to Leiden:
   guaranteeing well-connected communities. Scientific Reports 9, 5233.
.. [2] Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS
   103(23), 8577–8582.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from graphmap.analysis.labels import sector_term, territory_term
from graphmap.analysis.report import Community
from graphmap.config import AnalysisConfig
from graphmap.i18n import Message
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset


def modularity_partition(graph: EcosystemGraph, *, seed: int,
                         resolution: float) -> list[list[str]]:
    """Modularity communities of ``G_u`` (Leiden [1]_ on the igraph kernel, maximizing
    Newman's modularity [2]_ at ``resolution``, igraph's two iterations), with igraph's
    random numbers drawn from a ``random.Random(seed)`` for the duration of the call only.

    Leiden rather than Louvain (igraph's multilevel, graphmap's rule up to issue 16): its
    refinement step never leaves a community split in pieces, which Louvain can, and it
    finds a partition of higher modularity in less time (at 1M actors 0.593 in 35 s
    against 0.521 in 78 s; benchmarks/README.md).

    Each community is sorted by id; the list is sorted by size (largest first), then by
    smallest member id. Isolated nodes are communities of their own.

    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abcdef"),
    ...              relations=tuple(Relation(u, v, R.COLLABORATES) for u, v in (
    ...                  "ab", "bc", "ca", "cd", "de", "ef", "fd")))
    >>> modularity_partition(EcosystemGraph(ds), seed=42, resolution=1.0)
    [['a', 'b', 'c'], ['d', 'e', 'f']]
    """
    import igraph as ig

    kernel_graph, order = graph.igraph(), graph.ids
    if kernel_graph.vcount() == 0:
        return []
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = kernel_graph.community_leiden(
            objective_function="modularity", resolution=resolution, n_iterations=2).membership
    finally:
        ig.set_random_number_generator(random)
    labels = np.asarray(membership, dtype=np.int64)
    # Members of each community sorted by id: one global sort by (label, id).
    by_id = np.argsort(graph.id_rank, kind="stable")
    grouped = by_id[np.argsort(labels[by_id], kind="stable")]
    bounds = np.flatnonzero(np.diff(labels[grouped])) + 1
    parts = [[order[i] for i in chunk.tolist()] for chunk in np.split(grouped, bounds)]
    parts.sort(key=lambda members: (-len(members), members[0]))
    return parts


def _dominant(values: Iterable[str | None]) -> str | None:
    """The most frequent of ``values`` that is set (not ``None`` or empty), ties by value."""
    tally = Counter(values)  # counted in C; the unset values are dropped after
    for unset in [v for v in tally if not v]:
        del tally[unset]
    if not tally:
        return None
    return min(tally, key=lambda v: (-tally[v], v))


def find_communities(graph: EcosystemGraph,
                     config: AnalysisConfig | None = None) -> tuple[Community, ...]:
    """The communities of ``G_u`` with stable ids (0 = the largest; ties by smallest
    member id), each labelled by the most frequent sector among its actors and the most
    frequent territory among its actors and projects (ties by code / name). Seed and
    resolution are ``config.seed`` and ``config.community_resolution``.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC, territory="Laval"),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.CARRIES),))
    >>> c = find_communities(EcosystemGraph(ds))[0]
    >>> c.members, c.dominant_sector, c.label.render("fr")
    (('a', 'p'), 'public', 'public · Laval')
    """
    config = config or AnalysisConfig()
    return label_communities(graph.dataset, modularity_partition(
        graph, seed=config.seed, resolution=config.community_resolution))


def label_communities(dataset: Dataset, parts: Sequence[Sequence[str]]
                      ) -> tuple[Community, ...]:
    """Number and label the groups of a partition the way every engine does.

    Parameters
    ----------
    dataset : Dataset
        The workspace the members come from (gives sectors and territories).
    parts : sequence of sequences of str
        The groups, already in community order (0 = the largest; ties by smallest member
        id), as ``modularity_partition`` returns them.

    Returns
    -------
    tuple of Community
        Community ``i`` holds ``parts[i]``, labelled by the most frequent sector among its
        actors and the most frequent territory among its actors and projects (ties by
        code / name).
    """
    # Each member's sector (actors only) and territory, looked up once per workspace.
    sector_of = {a.id: a.sector.value for a in dataset.actors}
    territory_of = {p.id: p.territory for p in dataset.projects}
    territory_of.update((a.id, a.territory) for a in dataset.actors)
    out = []
    for number, members in enumerate(parts):
        sector = _dominant(map(sector_of.get, members))
        territory = _dominant(map(territory_of.get, members))
        params: dict[str, object] = {"id": number, "territory": territory_term(territory)}
        if sector is not None:
            params["sector"] = sector_term(sector)
        key = "analysis.community.label" if sector else "analysis.community.label_projects"
        out.append(Community(id=number, members=tuple(members), label=Message(key, params),
                             dominant_sector=sector, dominant_territory=territory))
    return tuple(out)
