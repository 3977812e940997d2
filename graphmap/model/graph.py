"""The graph model as networkx graphs, what users of the library get.

- :func:`build_graph`: the full model, a ``MultiDiGraph`` with one node per actor or project
  and one edge per relation row;
- :func:`to_networkx`: either view the analyses run on (``G_u`` or ``F``, see
  :mod:`graphmap.model.compiled`), converted from the compiled arrays.
"""

from __future__ import annotations

from typing import Any, Literal, overload

import networkx as nx
import numpy as np

from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.schema import NodeKind

#: The views :func:`to_networkx` converts.
VIEWS: tuple[str, ...] = ("undirected", "flow")


def build_graph(dataset: Dataset) -> nx.MultiDiGraph[str]:
    """Every actor and project as a node (attribute ``kind`` and ``record``), every relation
    row as an edge keyed by its index in ``dataset.relations`` (attributes ``type`` and
    ``record``). Parallel relations survive.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage, RelationType
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", RelationType.FUNDS, amount=10.0),
    ...                         Relation("a", "p", RelationType.FUNDS, amount=5.0)))
    >>> g = build_graph(ds)
    >>> g.number_of_nodes(), g.number_of_edges()
    (2, 2)
    """
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name=dataset.name)
    graph.add_nodes_from((a.id, _attrs(NodeKind.ACTOR, a)) for a in dataset.actors)
    graph.add_nodes_from((p.id, _attrs(NodeKind.PROJECT, p)) for p in dataset.projects)
    graph.add_edges_from(
        (r.source, r.target, index, {"type": r.type, "record": r})
        for index, r in enumerate(dataset.relations)
    )
    return graph


@overload
def to_networkx(graph: EcosystemGraph,
                view: Literal["undirected"] = "undirected") -> nx.Graph[str]: ...


@overload
def to_networkx(graph: EcosystemGraph, view: Literal["flow"]) -> nx.DiGraph[str]: ...


def to_networkx(graph: EcosystemGraph, view: str = "undirected") -> nx.Graph[str]:
    """One view of the compiled graph as a networkx graph whose nodes are ids.

    Parameters
    ----------
    graph : EcosystemGraph
        The compiled graph of a Dataset.
    view : {"undirected", "flow"}
        ``"undirected"``: ``G_u``, a ``Graph`` of every actor then every project (input
        order), its edges added in the order of the relations behind them, so adjacency and
        edge order are those of a ``Graph`` built from the relation rows. ``"flow"``: ``F``,
        a ``DiGraph`` of the actors (input order), edges by source then target node.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("c", "C", Sector.PUBLIC), Actor("f", "F", Sector.MEDIA)),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("f", "p", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                         Relation("f", "p", R.SUPPORTS)))
    >>> compiled = EcosystemGraph(ds)
    >>> list(to_networkx(compiled).edges()), list(to_networkx(compiled, "flow").edges())
    ([('c', 'p'), ('f', 'p')], [('f', 'c')])
    """
    ids = graph.ids
    if view == "undirected":
        undirected: nx.Graph[str] = nx.Graph()
        undirected.add_nodes_from(ids)
        by_relation = np.argsort(graph.edge_relation, kind="stable")
        undirected.add_edges_from((ids[u], ids[v]) for u, v in graph.edges[by_relation].tolist())
        return undirected
    if view == "flow":
        flow: nx.DiGraph[str] = nx.DiGraph()
        flow.add_nodes_from(ids[:graph.actor_count])
        rows, cols = graph.flow.nonzero()
        flow.add_edges_from((ids[u], ids[v]) for u, v in zip(rows.tolist(), cols.tolist(),
                                                             strict=True))
        return flow
    raise ValueError(f"unknown view {view!r}; expected one of {VIEWS}")


def _attrs(kind: NodeKind, record: Any) -> dict[str, Any]:
    return {"kind": kind, "record": record}
