"""The compiled graph of a Dataset: the one graph every analysis runs on.

A Dataset is compiled once, with numpy and scipy only (linear in its size, no networkx), into
integer arrays holding the two views the analyses of ``docs/analysis.md`` are defined on:

- ``G_u``: the undirected simple graph of every actor and project, one unweighted edge per
  related pair, no self-loops;
- ``F``: the actor flow graph, directed, over actors, one edge per ordered pair, no
  self-loops, from the roles actors hold around each project:

  - ``funds(A,P)`` or ``supports(A,P)``, and ``carries(C,P)`` ⇒ A→C (:data:`BACKER_TYPES`
    to :data:`CARRIER_TYPES`);
  - ``carries(C,P)`` and ``adopts(T,P)`` or ``benefits(T,P)`` ⇒ C→T (to
    :data:`~graphmap.schema.ADOPTER_TYPES`);
  - actor→actor ``funds`` or ``supports`` ⇒ A→B (:data:`ONE_WAY_TYPES`);
  - actor→actor ``collaborates`` or ``member_of`` ⇒ both directions
    (:data:`BOTH_WAYS_TYPES`).

No analysis uses an actor projection (actors tied when they share a project): link
prediction reads the two-hop pairs of ``G_u`` itself. networkx users get either view from
:func:`graphmap.model.graph.to_networkx`.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from graphmap.model.dataset import Dataset, in_content_order, relation_ends
from graphmap.schema import ADOPTER_TYPES, RelationType

#: Relation types by the role the actor holds towards a project: who carries it, who backs
#: the carrier (funders and supporters); adopters are :data:`graphmap.schema.ADOPTER_TYPES`.
CARRIER_TYPES: frozenset[RelationType] = frozenset({RelationType.CARRIES})
BACKER_TYPES: frozenset[RelationType] = frozenset({RelationType.FUNDS, RelationType.SUPPORTS})
#: Actor→actor relation types that give one flow tie, and those that give a tie each way.
ONE_WAY_TYPES: frozenset[RelationType] = frozenset({RelationType.FUNDS, RelationType.SUPPORTS})
BOTH_WAYS_TYPES: frozenset[RelationType] = frozenset(
    {RelationType.COLLABORATES, RelationType.MEMBER_OF})

#: The relation type of each code of :attr:`EcosystemGraph.relation_type`.
RELATION_TYPES: tuple[RelationType, ...] = tuple(RelationType)
_TYPE_CODE: Mapping[RelationType, int] = {t: i for i, t in enumerate(RELATION_TYPES)}
_TYPE_CODE_BY_ID: Mapping[int, int] = {id(t): i for t, i in _TYPE_CODE.items()}
_ID = operator.attrgetter("id")
_SOURCE = operator.attrgetter("source")
_TARGET = operator.attrgetter("target")
_TYPE = operator.attrgetter("type")
_TERRITORY = operator.attrgetter("territory")


def csr_rows(indptr: Any, indices: Any, rows: Any) -> tuple[Any, Any]:
    """The entries of ``rows`` of a CSR structure, row after row (repeats kept), and how
    many each row has: one gather, no Python loop over the rows (and no ``np.r_``, whose
    index-trick object is a third of a small gather's time; the opportunity search makes
    tens of thousands).

    >>> entries, counts = csr_rows(np.array([0, 2, 2, 3]), np.array([5, 6, 7]), np.array([2, 0]))
    >>> entries.tolist(), counts.tolist()
    ([7, 5, 6], [1, 2])
    """
    starts = indptr[rows]
    counts = indptr[rows + 1] - starts
    ends = counts.cumsum()
    shift = (starts - ends + counts).repeat(counts)
    return indices[np.arange(int(ends[-1]) if len(ends) else 0) + shift], counts


def _first_of_each(keys: Any) -> Any:
    """The position of the first occurrence of each distinct value of ``keys``, by value:
    ``np.unique(keys, return_index=True)[1]``, from one unstable sort (half the time of the
    stable one ``np.unique`` needs for first occurrences on millions of keys).

    >>> _first_of_each(np.array([5, 3, 5, 3, 1])).tolist()
    [4, 1, 0]
    """
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(keys)
    ordered = keys[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return np.minimum.reduceat(order, starts)


def _by_pair(major: Any, minor: Any, bound: int) -> Any:
    """The order sorting by ``major``, then ``minor`` (non-negative, below ``bound``), for
    pairs that are all distinct: ``np.lexsort((minor, major))``, as one sort of a
    combined key when it fits in 63 bits (twice as fast as lexsort's two passes).

    >>> _by_pair(np.array([2, 0, 2, 0]), np.array([1, 3, 0, 2]), 4).tolist()
    [3, 1, 2, 0]
    """
    if not len(major) or (int(major.max()) + 1) * max(bound, 1) >= 2 ** 63:
        return np.lexsort((minor, major))
    return np.argsort(major * max(bound, 1) + minor)


@dataclass(frozen=True)
class ProjectRoles:
    """Who holds which role around one project: actor ids in the order of
    their relations (the graph's content order), no repeats.

    ``actors`` is everyone tied to the project, whatever the role.
    """

    carriers: tuple[str, ...] = ()
    funders: tuple[str, ...] = ()
    supporters: tuple[str, ...] = ()
    adopters: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()


_ROLE_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ProjectRoles))
#: The field of :class:`ProjectRoles` (its position) each relation type code fills
#: towards a project; -1: none.
_ROLE_OF_TYPE: Any = np.array(
    [_ROLE_FIELDS.index("carriers") if t in CARRIER_TYPES
     else _ROLE_FIELDS.index("funders") if t is RelationType.FUNDS
     else _ROLE_FIELDS.index("supporters") if t is RelationType.SUPPORTS
     else _ROLE_FIELDS.index("adopters") if t in ADOPTER_TYPES else -1
     for t in RELATION_TYPES], dtype=np.int64)


class ProjectRolesTable(Mapping[str, ProjectRoles]):
    """:attr:`EcosystemGraph.project_roles` as arrays: a :class:`ProjectRoles` is made
    when a project is read (once), not for every project up front (a quarter of a
    million projects, five tuples each, at the largest scale; the gap rules need only the
    counts, :meth:`counts`). ``columns`` holds, per field of :class:`ProjectRoles`, the
    CSR bounds over project positions and the actor node positions."""

    def __init__(self, ids: tuple[str, ...], actor_count: int, index: Mapping[str, int],
                 columns: list[tuple[Any, Any]]) -> None:
        self._ids, self._actor_count, self._index = ids, actor_count, index
        self._columns = columns
        self._made: dict[str, ProjectRoles] = {}

    def __getitem__(self, project_id: str) -> ProjectRoles:
        made = self._made.get(project_id)
        if made is None:
            at = self._index[project_id] - self._actor_count
            if at < 0:  # an actor's id
                raise KeyError(project_id)
            name = self._ids.__getitem__
            made = self._made[project_id] = ProjectRoles(*(
                tuple(map(name, actors[bounds[at]:bounds[at + 1]].tolist()))
                for bounds, actors in self._columns))
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids[self._actor_count:])

    def __len__(self) -> int:
        return len(self._ids) - self._actor_count

    def counts(self, field: str) -> Any:
        """How many actors hold the role ``field`` (a field of :class:`ProjectRoles`)
        around each project, by project position (int64 array)."""
        bounds = self._columns[_ROLE_FIELDS.index(field)][0]
        return np.diff(bounds)


class EcosystemGraph:
    """The compiled graph of ``dataset``: ``G_u`` and ``F`` as integer arrays.

    The graph is compiled from :func:`~graphmap.model.dataset.in_content_order` of
    ``dataset`` (``graph.dataset``): the same data in any row order gives the same graph.
    Node ``i`` is ``ids[i]``: the actors by id, then the projects by id; ``index`` maps
    an id to its node. ``G_u`` is held three ways that agree: ``indptr``/``indices`` list
    the neighbours of every node in the order networkx's ``Graph`` would list them had the
    relations been added in that order (first relation first), ``edges`` lists the edges
    (``lo < hi``) in that graph's ``edges()`` order and ``edge_relation`` the first relation
    row behind each, so igraph kernels and path searches see exactly what they would see
    through networkx. ``flow`` is the 0/1 adjacency of ``F`` (``scipy.sparse.csr_array``,
    int64, n × n, row = source, sorted indices; projects have no ties). The relation rows
    are kept as node positions (``relation_source``, ``relation_target``) and type codes
    (``relation_type``, see :data:`RELATION_TYPES` and :meth:`relations_of`).

    Measures derived from the arrays (degrees, components, the igraph copy, the roles around
    each project) are computed once, on first use. The graph is never modified.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage
    >>> R = RelationType
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "fct"),
    ...              projects=(Project("p", "P", Stage.FEEDBACK),),
    ...              relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                         Relation("t", "p", R.ADOPTS)))
    >>> graph = EcosystemGraph(ds)
    >>> graph.ids, graph.neighbours(3).tolist(), graph.edge_count
    (('c', 'f', 't', 'p'), [0, 1, 2], 3)
    >>> sorted((graph.ids[u], graph.ids[v]) for u, v in zip(*graph.flow.nonzero()))
    [('c', 't'), ('f', 'c')]
    >>> roles = graph.project_roles["p"]
    >>> roles.carriers, roles.funders, roles.adopters, roles.actors
    (('c',), ('f',), ('t',), ('c', 'f', 't'))
    """

    def __init__(self, dataset: Dataset) -> None:
        # Content order, not input order: the same data in any row order is the same graph,
        # node for node and edge for edge, so every seeded or order-sensitive step agrees.
        self.dataset = dataset = in_content_order(dataset)
        self.ids: tuple[str, ...] = (tuple(map(_ID, dataset.actors))
                                     + tuple(map(_ID, dataset.projects)))
        self.actor_count = len(dataset.actors)
        self.index: Mapping[str, int] = dict(zip(self.ids, range(len(self.ids)), strict=True))
        rels = dataset.relations
        m = len(rels)
        get = self.index.__getitem__
        ends = relation_ends(dataset)
        if ends is not None:  # the ranks in_content_order sorted by, as node positions
            position = np.fromiter(map(get, ends.ids), dtype=np.int64, count=len(ends.ids))
            self.relation_source = position[ends.source]
            self.relation_target = position[ends.target]
            if len(self.index) == len(self.ids):  # distinct ids: ``position`` is a permutation
                # ``ends.ids`` is sorted: each node's position in it is its id's rank.
                rank = np.empty(len(position), dtype=np.int64)
                rank[position] = np.arange(len(position))
                self.__dict__["id_rank"] = rank
        else:
            self.relation_source = np.fromiter(map(get, map(_SOURCE, rels)), dtype=np.int64,
                                               count=m)
            self.relation_target = np.fromiter(map(get, map(_TARGET, rels)), dtype=np.int64,
                                               count=m)
        if ends is not None and ends.type is not None:
            # The type ranks the sort kept: no pass over millions of relation objects, in an
            # order that is not their order in memory.
            code = np.array([_TYPE_CODE[t] for t in ends.types], dtype=np.int8)
            self.relation_type = code[ends.type] if m else np.zeros(0, dtype=np.int8)
        else:
            # By identity: an enum member hashes in Python, once per relation otherwise.
            self.relation_type = np.fromiter(map(_TYPE_CODE_BY_ID.__getitem__,
                                                 map(id, map(_TYPE, rels))), dtype=np.int8,
                                             count=m)
        self.indptr, self.indices, self.edges, self.edge_relation = self._undirected()
        self.flow = self._flow()

    def _undirected(self) -> tuple[Any, Any, Any, Any]:
        """``G_u``: one edge per related pair, ordered as networkx would order it."""
        n = self.node_count
        src, dst = self.relation_source, self.relation_target
        first = np.arange(len(src), dtype=np.int64)
        keep = src != dst
        lo = np.minimum(src[keep], dst[keep])
        hi = np.maximum(src[keep], dst[keep])
        at = _first_of_each(lo * max(n, 1) + hi)
        lo, hi, f = lo[at], hi[at], first[keep][at]
        # networkx lists the edges node by node, each node's neighbours in insertion order.
        bound = len(src)
        order = _by_pair(lo, f, bound)
        edges = np.stack([lo[order], hi[order]], axis=1) if len(lo) else np.zeros(
            (0, 2), dtype=np.int64)
        rows = np.concatenate([lo, hi])
        cols = np.concatenate([hi, lo])
        adjacency = _by_pair(rows, np.concatenate([f, f]), bound)
        indices = cols[adjacency].astype(np.int32)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
        return indptr, indices, edges, f[order]

    def _flow(self) -> Any:
        """``F``: the role rules of the module docstring as sparse products over projects."""
        na, n = self.actor_count, self.node_count
        src, dst = self.relation_source, self.relation_target
        to_project = dst >= na

        def role(types: Iterable[RelationType]) -> Any:
            mask = to_project & self.relations_of(types)
            return sparse.csr_array(
                (np.ones(int(mask.sum()), dtype=np.int64), (src[mask], dst[mask] - na)),
                shape=(na, n - na))

        carriers = role(CARRIER_TYPES)
        backers = role(BACKER_TYPES)
        adopters = role(ADOPTER_TYPES)
        one_way = ~to_project & self.relations_of(ONE_WAY_TYPES)
        both = ~to_project & self.relations_of(BOTH_WAYS_TYPES)
        pair_rows = np.concatenate([src[one_way], src[both], dst[both]])
        pair_cols = np.concatenate([dst[one_way], dst[both], src[both]])
        between_actors = sparse.csr_array(
            (np.ones(len(pair_rows), dtype=np.int64), (pair_rows, pair_cols)), shape=(na, na))
        ties = sparse.csr_array(between_actors + backers @ carriers.T + carriers @ adopters.T)
        # No self-loops, every tie weighs 1, the projects' rows empty: made on the CSR
        # arrays themselves (setdiag, block_diag and a copy each rebuilt the matrix).
        ties.sum_duplicates()
        row = np.repeat(np.arange(na, dtype=np.int64), np.diff(ties.indptr))
        kept = (ties.indices != row) & (ties.data != 0)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(row[kept], minlength=n), out=indptr[1:])
        indices = ties.indices[kept].astype(np.int64)
        flow = sparse.csr_array((np.ones(len(indices), dtype=np.int64), indices, indptr),
                                shape=(n, n))
        flow.sort_indices()
        return flow

    def relations_of(self, types: Iterable[RelationType]) -> Any:
        """Which relation rows have one of ``types`` (a boolean array over the rows)."""
        # A table over the few type codes, read once per row (np.isin sorts the rows).
        chosen = np.zeros(len(RELATION_TYPES), dtype=bool)
        chosen[[_TYPE_CODE[t] for t in types]] = True
        return chosen[self.relation_type]

    @property
    def node_count(self) -> int:
        return len(self.ids)

    @property
    def edge_count(self) -> int:
        """Edges of ``G_u``."""
        return len(self.edges)

    @functools.cached_property
    def degree(self) -> Any:
        """Degree in ``G_u`` of every node (int64 array)."""
        return np.diff(self.indptr)

    def neighbours(self, i: int) -> Any:
        """The neighbours of node ``i`` in ``G_u``, first related first."""
        return self.indices[self.indptr[i]:self.indptr[i + 1]]

    def neighbours_of(self, nodes: Any) -> Any:
        """The neighbours of every node of ``nodes`` in ``G_u``, node after node (repeats
        kept)."""
        return csr_rows(self.indptr, self.indices, nodes)[0]

    @functools.cached_property
    def id_rank(self) -> Any:
        """Position of each node's id in sorted order: sorting by it sorts by id, so numpy
        sorts break ties by id (on any subset of nodes too)."""
        rank = np.empty(self.node_count, dtype=np.int64)
        rank[np.argsort(np.array(self.ids, dtype=object), kind="stable")] = np.arange(
            self.node_count)
        return rank

    @functools.cached_property
    def territory_code(self) -> Any:
        """A small integer per territory for every node (int64 array; -1 = none), territories
        numbered in first-seen order, actors then projects: equal codes, same territory."""
        places = [*map(_TERRITORY, self.dataset.actors), *map(_TERRITORY, self.dataset.projects)]
        # A code per distinct place (first-seen order), then one C-level look-up per node.
        distinct = dict.fromkeys(places)
        code_of = {t: i for i, t in enumerate(t for t in distinct if t)}
        code_of.update((t, -1) for t in distinct if not t)
        return np.fromiter(map(code_of.__getitem__, places), dtype=np.int64, count=len(places))

    @functools.cached_property
    def project_roles(self) -> Mapping[str, ProjectRoles]:
        """The roles around every project (every project has an entry), from the relation
        arrays: per role, each (project, actor) pair once, at its first relation row."""
        na = self.actor_count
        rows = np.flatnonzero(self.relation_target >= na)
        role = _ROLE_OF_TYPE[self.relation_type[rows]]
        if (role < 0).any():  # a type with no role towards a project: the reference rule
            return self._project_roles_by_row()
        # Rows by project, in row (content) order within each.
        rows = rows[np.argsort(self.relation_target[rows], kind="stable")]
        role = _ROLE_OF_TYPE[self.relation_type[rows]]
        project = self.relation_target[rows] - na
        actor = self.relation_source[rows]
        projects = self.node_count - na
        columns: list[tuple[Any, Any]] = []
        for field in _ROLE_FIELDS:
            chosen = slice(None) if field == "actors" else role == _ROLE_FIELDS.index(field)
            p, a = project[chosen], actor[chosen]
            # Each (project, actor) pair at its first row only. In content order a
            # project's rows come by actor: the repeats of a pair are then adjacent, and
            # no sort of millions of keys is needed to find them.
            key = p * self.node_count + a
            if len(key) > 1 and bool(np.all(key[1:] >= key[:-1])):
                keep = np.concatenate(([True], key[1:] != key[:-1]))
            else:
                _, first = np.unique(key, return_index=True)
                keep = np.zeros(len(p), dtype=bool)
                keep[first] = True
            if not keep.all():
                p, a = p[keep], a[keep]
            bounds = np.zeros(projects + 1, dtype=np.int64)
            np.cumsum(np.bincount(p, minlength=projects), out=bounds[1:])
            columns.append((bounds, a))
        return ProjectRolesTable(self.ids, na, self.index, columns)

    def _project_roles_by_row(self) -> Mapping[str, ProjectRoles]:
        """:attr:`project_roles` relation by relation (for relation types no validated
        workspace ties to a project)."""
        role_of = {**dict.fromkeys(CARRIER_TYPES, "carriers"), RelationType.FUNDS: "funders",
                   RelationType.SUPPORTS: "supporters", **dict.fromkeys(ADOPTER_TYPES, "adopters")}
        # Insertion-ordered dicts as sets: a project with thousands of funders must not
        # cost a list scan per relation.
        seen: dict[str, dict[str, dict[str, None]]] = {
            p.id: {field: {} for field in _ROLE_FIELDS} for p in self.dataset.projects}
        for r in self.dataset.relations:
            entry = seen.get(r.target)
            if entry is None:
                continue
            entry[role_of[r.type]][r.source] = None
            entry["actors"][r.source] = None
        return {pid: ProjectRoles(**{field: tuple(ids) for field, ids in entry.items()})
                for pid, entry in seen.items()}

    @functools.cached_property
    def _csr(self) -> Any:
        n = self.node_count
        matrix = sparse.csr_array(
            (np.ones(len(self.indices), dtype=np.int64), self.indices, self.indptr),
            shape=(n, n)).copy()
        matrix.sort_indices()
        return matrix

    def csr(self) -> Any:
        """The symmetric 0/1 adjacency of ``G_u`` (``csr_array``, int64, sorted)."""
        return self._csr

    @functools.cached_property
    def _igraph(self) -> Any:
        import igraph as ig  # compiled kernel, loaded only when an analysis runs

        return ig.Graph(n=self.node_count, edges=self.edges.tolist(), directed=False)

    def igraph(self) -> Any:
        """``G_u`` as a python-igraph Graph whose vertex ``i`` is ``ids[i]``, edges in
        :attr:`edges` order (built once; callers must not modify it)."""
        return self._igraph

    @functools.cached_property
    def _component_labels(self) -> Any:
        if "_igraph" in self.__dict__:
            # The igraph copy is built (betweenness runs first): its components, not an
            # import of scipy.sparse.csgraph (half a second, for this alone).
            membership = np.asarray(self._igraph.connected_components().membership,
                                    dtype=np.int64)
            _, first, label = np.unique(membership, return_index=True, return_inverse=True)
            number = np.empty(len(first), dtype=np.int64)
            number[np.argsort(first, kind="stable")] = np.arange(len(first))
            return number[label.ravel()].astype(np.int32)
        from scipy.sparse.csgraph import connected_components

        return connected_components(self.csr(), directed=False)[1]

    def component_labels(self) -> Any:
        """Connected component label of every node of ``G_u``, scipy's: components
        numbered by their smallest node (int32 array)."""
        return self._component_labels

    def shortest_path(self, source: int, target: int) -> list[int] | None:
        """A shortest path of ``G_u`` from ``source`` to ``target``: the very path
        ``networkx.bidirectional_shortest_path`` returns on the networkx view (same search,
        same adjacency order), or ``None`` when they are not connected."""
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
