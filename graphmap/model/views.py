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


# Relation type codes of the array-built views (one small int per relation row).
_TYPE_CODE: dict[RelationType, int] = {t: i for i, t in enumerate(RelationType)}


class GraphIndex:
    """``G_u`` and ``F`` as integer-indexed arrays, built straight from a Dataset (no
    networkx graph) so that the analyses scale to millions of relations.

    Node ``i`` is ``ids[i]``: the actors in input order, then the projects, which is
    :func:`node_order` of :func:`undirected_view`. ``indptr``/``indices`` list the
    neighbours of every node of ``G_u`` in networkx's adjacency order (first relation
    first), and ``edges`` the edges in networkx's ``edges()`` order, so that igraph
    kernels and path searches see exactly what they would see through networkx. ``flow``
    is the 0/1 adjacency of ``F`` (``scipy.sparse.csr_array``, n × n, row = source,
    projects without ties).

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage
    >>> R = RelationType
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "fct"),
    ...              projects=(Project("p", "P", Stage.FEEDBACK),),
    ...              relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                         Relation("t", "p", R.ADOPTS)))
    >>> gi = GraphIndex.build(ds)
    >>> gi.ids, gi.neighbours(3).tolist(), gi.edge_count
    (('f', 'c', 't', 'p'), [0, 1, 2], 3)
    >>> sorted((gi.ids[u], gi.ids[v]) for u, v in zip(*gi.flow.nonzero()))
    [('c', 't'), ('f', 'c')]
    """

    def __init__(self, ids: tuple[str, ...], *, actor_count: int, indptr: Any,
                 indices: Any, edges: Any, flow: Any) -> None:
        self.ids = ids
        self.actor_count = actor_count
        self.indptr = indptr
        self.indices = indices
        self.edges = edges
        self.flow = flow
        self._index: dict[str, int] | None = None
        self._csr: Any = None
        self._labels: Any = None
        self._igraph: Any = None

    @property
    def index(self) -> dict[str, int]:
        """Position of every id."""
        if self._index is None:
            self._index = {node: i for i, node in enumerate(self.ids)}
        return self._index

    @property
    def node_count(self) -> int:
        return len(self.ids)

    @property
    def edge_count(self) -> int:
        return len(self.edges)

    @property
    def degree(self) -> Any:
        """Degree in ``G_u`` of every node (int64 array)."""
        import numpy as np

        return np.diff(self.indptr)

    def neighbours(self, i: int) -> Any:
        """The neighbours of node ``i`` in ``G_u``, in networkx's adjacency order."""
        return self.indices[self.indptr[i]:self.indptr[i + 1]]

    @classmethod
    def build(cls, dataset: Dataset) -> GraphIndex:
        """Both views of ``dataset`` with numpy and scipy only: linear in its size."""
        import numpy as np
        from scipy import sparse

        ids = tuple(a.id for a in dataset.actors) + tuple(p.id for p in dataset.projects)
        na = len(dataset.actors)
        n = len(ids)
        index = {node: i for i, node in enumerate(ids)}
        rels = dataset.relations
        m = len(rels)
        get = index.__getitem__
        src = np.fromiter(map(get, (r.source for r in rels)), dtype=np.int64, count=m)
        dst = np.fromiter(map(get, (r.target for r in rels)), dtype=np.int64, count=m)
        codes = _TYPE_CODE
        typ = np.fromiter((codes[r.type] for r in rels), dtype=np.int8, count=m)

        # G_u: one edge per related pair, ordered as networkx would order it.
        first = np.arange(m, dtype=np.int64)
        keep = src != dst
        lo = np.minimum(src[keep], dst[keep])
        hi = np.maximum(src[keep], dst[keep])
        _, at = np.unique(lo * max(n, 1) + hi, return_index=True)
        lo, hi, f = lo[at], hi[at], first[keep][at]
        order = np.lexsort((f, lo))
        edges = np.stack([lo[order], hi[order]], axis=1) if len(lo) else np.zeros(
            (0, 2), dtype=np.int64)
        rows = np.concatenate([lo, hi])
        cols = np.concatenate([hi, lo])
        adjacency = np.lexsort((np.concatenate([f, f]), rows))
        indices = cols[adjacency].astype(np.int32)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])

        # F: the role rules of actor_flow_view as sparse products over projects.
        def code_in(types: Any) -> Any:
            return np.isin(typ, [codes[t] for t in types])

        to_project = dst >= na

        def role(types: Any) -> Any:
            mask = to_project & code_in(types)
            return sparse.csr_array(
                (np.ones(int(mask.sum()), dtype=np.int64), (src[mask], dst[mask] - na)),
                shape=(na, n - na))

        carriers = role((RelationType.CARRIES,))
        into = role((RelationType.FUNDS, RelationType.SUPPORTS))
        adopters = role(tuple(ADOPTER_TYPES))
        direct = ~to_project & code_in((RelationType.FUNDS, RelationType.SUPPORTS))
        both = ~to_project & code_in((RelationType.COLLABORATES, RelationType.MEMBER_OF))
        pair_rows = np.concatenate([src[direct], src[both], dst[both]])
        pair_cols = np.concatenate([dst[direct], dst[both], src[both]])
        flow_aa = sparse.csr_array(
            (np.ones(len(pair_rows), dtype=np.int64), (pair_rows, pair_cols)), shape=(na, na))
        flow_aa = flow_aa + into @ carriers.T + carriers @ adopters.T
        flow_aa.setdiag(0)
        flow_aa.eliminate_zeros()
        flow_aa.data[:] = 1
        flow = sparse.block_diag((flow_aa, sparse.csr_array((n - na, n - na))),
                                 format="csr")
        flow = sparse.csr_array(flow, dtype=np.int64)
        flow.sort_indices()
        graph = cls(ids, actor_count=na, indptr=indptr, indices=indices, edges=edges,
                    flow=flow)
        graph._index = index
        return graph

    @classmethod
    def from_graphs(cls, undirected: nx.Graph[str], flow: nx.DiGraph[str] | None = None,
                    actor_count: int | None = None) -> GraphIndex:
        """The same arrays from networkx views (node order :func:`node_order`); the flow
        graph's nodes must be nodes of ``undirected``."""
        import numpy as np
        from scipy import sparse

        ids = node_order(undirected)
        index = {node: i for i, node in enumerate(ids)}
        n = len(ids)
        lengths = [len(undirected.adj[u]) for u in ids]
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        indices = np.fromiter((index[v] for u in ids for v in undirected.adj[u]),
                              dtype=np.int32, count=int(indptr[-1]))
        edges = np.array([(index[u], index[v]) for u, v in undirected.edges()],
                         dtype=np.int64).reshape(-1, 2)
        pairs = [] if flow is None else [(index[u], index[v]) for u, v in flow.edges()
                                         if u != v]
        flat = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        matrix = sparse.csr_array((np.ones(len(flat), dtype=np.int64),
                                   (flat[:, 0], flat[:, 1])), shape=(n, n))
        matrix.sum_duplicates()
        matrix.data[:] = 1
        matrix.sort_indices()
        graph = cls(ids, actor_count=n if actor_count is None else actor_count,
                    indptr=indptr, indices=indices, edges=edges, flow=matrix)
        graph._index = index
        return graph

    def csr(self) -> Any:
        """The symmetric 0/1 adjacency of ``G_u`` (``csr_array``, int64, sorted)."""
        import numpy as np
        from scipy import sparse

        if self._csr is None:
            n = self.node_count
            matrix = sparse.csr_array(
                (np.ones(len(self.indices), dtype=np.int64), self.indices, self.indptr),
                shape=(n, n))
            matrix = matrix.copy()
            matrix.sort_indices()
            self._csr = matrix
        return self._csr

    def igraph(self) -> Any:
        """``G_u`` as a python-igraph Graph whose vertex ``i`` is ``ids[i]`` (built once;
        callers must not modify it)."""
        import igraph as ig

        if self._igraph is None:
            self._igraph = ig.Graph(n=self.node_count, edges=self.edges.tolist(),
                                    directed=False)
        return self._igraph

    def component_labels(self) -> Any:
        """Connected component label of every node of ``G_u`` (scipy's labels)."""
        from scipy.sparse.csgraph import connected_components

        if self._labels is None:
            _, self._labels = connected_components(self.csr(), directed=False)
        return self._labels

    def shortest_path(self, source: int, target: int) -> list[int] | None:
        """A shortest path of ``G_u`` from ``source`` to ``target``: the very path
        ``networkx.bidirectional_shortest_path`` returns (same search, same adjacency
        order), or ``None`` when they are not connected."""
        if source == target:
            return [source]
        pred: dict[int, int | None] = {source: None}
        succ: dict[int, int | None] = {target: None}
        forward, reverse = [source], [target]
        meet = None
        while forward and reverse and meet is None:
            # networkx grows the smaller fringe, forward on ties.
            if len(forward) <= len(reverse):
                forward, meet = self._grow(forward, pred, succ)
            else:
                reverse, meet = self._grow(reverse, succ, pred)
        if meet is None:
            return None
        path: list[int] = []
        node: int | None = meet
        while node is not None:
            path.append(node)
            node = pred[node]
        path.reverse()
        node = succ[path[-1]]
        while node is not None:
            path.append(node)
            node = succ[node]
        return path

    def _grow(self, level: list[int], mine: dict[int, int | None],
              theirs: dict[int, int | None]) -> tuple[list[int], int | None]:
        """One level of a bidirectional search: the next fringe, and where the two
        searches meet (``None`` if they do not yet)."""
        indptr, indices = self.indptr, self.indices
        fringe: list[int] = []
        for v in level:
            for w in indices[indptr[v]:indptr[v + 1]].tolist():
                if w not in mine:
                    fringe.append(w)
                    mine[w] = v
                if w in theirs:
                    return fringe, w
        return fringe, None
