"""Transitional: ``undirected_view`` for callers not yet moved to
:func:`graphmap.model.graph.to_networkx` (``tests/synth``). Remove with its last caller."""

from __future__ import annotations

import networkx as nx

from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset
from graphmap.model.graph import to_networkx


def undirected_view(dataset: Dataset) -> nx.Graph[str]:
    """``G_u`` of ``dataset`` as a networkx graph: ``to_networkx(EcosystemGraph(dataset))``."""
    return to_networkx(EcosystemGraph(dataset))
