"""The graphs each analysis runs on, built in one place so every measure sees the same view.

- ``undirected_view``: ``G_u``, all actors and projects, one unweighted edge per related pair.
- ``actor_flow_view``: ``F``, directed actor→actor flows derived from project roles
  (FORMATS.md §2).
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from graphmap.model.dataset import Dataset
from graphmap.schema import ADOPTER_TYPES, RelationType


def undirected_view(dataset: Dataset) -> nx.Graph[str]:
    """``G_u``: undirected simple graph of every actor and project; no self-loops.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC), Actor("b", "B", Sector.MEDIA)),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", RelationType.FUNDS),
    ...                         Relation("a", "p", RelationType.SUPPORTS)))
    >>> g = undirected_view(ds)
    >>> sorted(g.edges()), sorted(g.nodes())
    ([('a', 'p')], ['a', 'b', 'p'])
    """
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(a.id for a in dataset.actors)
    graph.add_nodes_from(p.id for p in dataset.projects)
    graph.add_edges_from((r.source, r.target) for r in dataset.relations if r.source != r.target)
    return graph


def actor_flow_view(dataset: Dataset) -> nx.DiGraph[str]:
    """``F``: directed graph over actors, one edge per ordered pair, no self-loops.

    ``funds(A,P)`` & ``carries(C,P)`` ⇒ A→C; ``supports(S,P)`` & ``carries(C,P)`` ⇒ S→C;
    ``carries(C,P)`` & ``adopts|benefits(T,P)`` ⇒ C→T; actor→actor ``funds``/``supports``
    ⇒ A→B; ``collaborates`` and ``member_of`` ⇒ both directions.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage
    >>> R = RelationType
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "fct"),
    ...              projects=(Project("p", "P", Stage.FEEDBACK),),
    ...              relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                         Relation("t", "p", R.ADOPTS)))
    >>> sorted(actor_flow_view(ds).edges())
    [('c', 't'), ('f', 'c')]
    """
    projects = dataset.project_by_id
    carriers: dict[str, list[str]] = defaultdict(list)
    into_carrier: dict[str, list[str]] = defaultdict(list)  # funders and supporters
    adopters: dict[str, list[str]] = defaultdict(list)
    edges: set[tuple[str, str]] = set()
    for r in dataset.relations:
        if r.target in projects:
            if r.type is RelationType.CARRIES:
                carriers[r.target].append(r.source)
            elif r.type in (RelationType.FUNDS, RelationType.SUPPORTS):
                into_carrier[r.target].append(r.source)
            elif r.type in ADOPTER_TYPES:
                adopters[r.target].append(r.source)
        elif r.type in (RelationType.FUNDS, RelationType.SUPPORTS):
            edges.add((r.source, r.target))
        elif r.type in (RelationType.COLLABORATES, RelationType.MEMBER_OF):
            edges.add((r.source, r.target))
            edges.add((r.target, r.source))
    for project, carrying in carriers.items():
        for c in carrying:
            edges.update((a, c) for a in into_carrier.get(project, ()))
            edges.update((c, t) for t in adopters.get(project, ()))
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(a.id for a in dataset.actors)
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    return graph
