"""Introducers: who can introduce two nodes of the ecosystem to each other, and the path
of ties between them.

Every opportunity names one (``introducer``, ``path``): the person to call first to make
the proposed tie happen.
"""

from __future__ import annotations

from collections.abc import Mapping

from graphmap.analysis.report import Opportunity
from graphmap.model.compiled import EcosystemGraph


def find_introducer(graph: EcosystemGraph, source: str, target: str,
                    importance: Mapping[str, float] | None = None
                    ) -> tuple[str | None, tuple[str, ...]]:
    """The best actor to make an introduction between ``source`` and ``target``, and the
    path through it, on ``G_u``:

    1. an actor tied to both (the most central by ``importance``, else by degree; ties by
       id): path ``(source, introducer, target)``;
    2. else the first actor inside a shortest path of ``G_u``
       (:meth:`~graphmap.model.compiled.EcosystemGraph.shortest_path`);
    3. else, when that path only crosses projects, a carrier of its first project that has
       one (who knows the people around it);
    4. else ``None``; the path is empty when the two are not connected at all.

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abm"),
    ...              relations=(Relation("a", "m", R.COLLABORATES),
    ...                         Relation("m", "b", R.MEMBER_OF)))
    >>> find_introducer(EcosystemGraph(ds), "a", "b")
    ('m', ('a', 'm', 'b'))
    """
    actors = graph.dataset.actor_by_id
    ids = graph.ids
    node = graph.index
    degree = graph.degree

    def rank(z: str) -> tuple[float, str]:
        weight = importance.get(z, 0.0) if importance else float(degree[node[z]])
        return (-(weight or 0.0), z)

    s, t = node[source], node[target]
    common = [ids[z] for z in set(graph.neighbours(s).tolist())
              & set(graph.neighbours(t).tolist()) if ids[z] in actors]
    if common:
        best = min(common, key=rank)
        return best, (source, best, target)
    found = graph.shortest_path(s, t)
    if found is None:
        return None, ()
    path = tuple(ids[v] for v in found)
    inside = path[1:-1]
    for z in inside:
        if z in actors:
            return z, path
    roles = graph.project_roles
    for z in inside:
        knowing = sorted((c for c in roles[z].carriers if c not in (source, target)),
                         key=rank)
        if knowing:
            return knowing[0], path
    return None, path


def with_introducer(opp: Opportunity, graph: EcosystemGraph,
                    importance: Mapping[str, float] | None) -> Opportunity:
    """``opp`` with the introducer and path of :func:`find_introducer`."""
    introducer, path = find_introducer(graph, opp.source, opp.target, importance)
    return Opportunity(kind=opp.kind, source=opp.source, target=opp.target, score=opp.score,
                       reasons=opp.reasons, introducer=introducer, path=path)
