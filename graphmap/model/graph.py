"""The full graph model: a networkx MultiDiGraph with one node per actor or project and one
edge per relation row."""

from __future__ import annotations

from typing import Any

import networkx as nx

from graphmap.model.dataset import Dataset
from graphmap.schema import NodeKind


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


def _attrs(kind: NodeKind, record: Any) -> dict[str, Any]:
    return {"kind": kind, "record": record}
