"""The graphs each analysis runs on, built in one place so every measure sees the same view.

- ``undirected_view``: ``G_u``, all actors and projects, one unweighted edge per related pair.
- ``actor_flow_view``: ``F``, directed actor→actor flows derived from project roles
  (FORMATS.md §2).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

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
    # An insertion-ordered dict, not a set: the edge order must not depend on hashing.
    edges: dict[tuple[str, str], None] = {}
    for r in dataset.relations:
        if r.target in projects:
            if r.type is RelationType.CARRIES:
                carriers[r.target].append(r.source)
            elif r.type in (RelationType.FUNDS, RelationType.SUPPORTS):
                into_carrier[r.target].append(r.source)
            elif r.type in ADOPTER_TYPES:
                adopters[r.target].append(r.source)
        elif r.type in (RelationType.FUNDS, RelationType.SUPPORTS):
            edges[(r.source, r.target)] = None
        elif r.type in (RelationType.COLLABORATES, RelationType.MEMBER_OF):
            edges[(r.source, r.target)] = None
            edges[(r.target, r.source)] = None
    for project, carrying in carriers.items():
        for c in carrying:
            edges.update(((a, c), None) for a in into_carrier.get(project, ()))
            edges.update(((c, t), None) for t in adopters.get(project, ()))
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(a.id for a in dataset.actors)
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    return graph


def node_order(graph: nx.Graph[str] | nx.DiGraph[str]) -> tuple[str, ...]:
    """The stable node order every array-based kernel uses: the graph's insertion order
    (actors in input order, then projects), which does not depend on hashing."""
    return tuple(graph.nodes())


def to_igraph(graph: nx.Graph[str] | nx.DiGraph[str]) -> tuple[Any, tuple[str, ...]]:
    """The same graph as a python-igraph ``Graph`` whose vertex ``i`` is ``order[i]``.

    Directedness is kept; edges keep networkx's iteration order.

    >>> g = nx.Graph([("b", "a"), ("a", "c")])
    >>> h, order = to_igraph(g)
    >>> order, sorted(tuple(sorted(order[v] for v in e.tuple)) for e in h.es)
    (('b', 'a', 'c'), [('a', 'b'), ('a', 'c')])
    """
    import igraph as ig  # compiled kernel, loaded only when an analysis runs

    order = node_order(graph)
    index = {node: i for i, node in enumerate(order)}
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    return ig.Graph(n=len(order), edges=edges, directed=graph.is_directed()), order


def to_csr(graph: nx.Graph[str] | nx.DiGraph[str],
           order: tuple[str, ...] | None = None) -> Any:
    """The 0/1 adjacency matrix (``scipy.sparse.csr_array``, int64) in ``order``
    (default :func:`node_order`). Symmetric for an undirected graph; row = source.

    >>> a = to_csr(nx.DiGraph([("x", "y")]))
    >>> a.toarray().tolist()
    [[0, 1], [0, 0]]
    """
    import numpy as np
    from scipy import sparse

    order = node_order(graph) if order is None else order
    index = {node: i for i, node in enumerate(order)}
    n = len(order)
    # The adjacency dict lists each undirected edge from both ends, as a symmetric matrix
    # needs; a directed graph's lists its out-edges.
    pairs = [(index[u], index[v]) for u, nbrs in graph.adj.items() for v in nbrs]
    flat = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    rows, cols = flat[:, 0], flat[:, 1]
    data = np.ones(len(rows), dtype=np.int64)
    matrix = sparse.csr_array((data, (rows, cols)), shape=(n, n))
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix
