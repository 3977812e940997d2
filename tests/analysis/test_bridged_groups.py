"""The groups a broker bridges (``Broker.bridged_groups``), from one sparse product,
equal the plain tally of each actor's flow neighbours."""

from __future__ import annotations

from collections import Counter

import pytest

from graphmap.analysis.brokers import actor_groups, find_brokers
from graphmap.analysis.communities import find_communities
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph

from .conftest import random_ecosystem


def tallied(graph, groups, actor_id):
    """Own group first, then the neighbours' groups by how many distinct flow neighbours
    (in or out) hold them, ties by name; None for an unknown group, written ""."""
    flow = graph.flow
    node = graph.index[actor_id]
    neighbours = set(flow.indices[flow.indptr[node]:flow.indptr[node + 1]].tolist())
    column = flow.T.tocsr()
    neighbours |= set(column.indices[column.indptr[node]:column.indptr[node + 1]].tolist())
    tally = Counter(groups.get(graph.ids[v]) for v in neighbours)
    own = groups.get(actor_id)
    others = sorted((g for g in tally if g != own), key=lambda g: (-tally[g], g or ""))
    return tuple(g or "" for g in [own, *others])


@pytest.mark.parametrize("group_by", ["sector", "territory", "community"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bridged_groups_equal_the_neighbour_tally(seed, group_by):
    ds = random_ecosystem(seed, n_actors=80, n_projects=30)
    graph = EcosystemGraph(ds)
    config = AnalysisConfig().replace(group_by=group_by)
    communities = find_communities(graph, config)
    groups = actor_groups(ds, group_by, communities)
    brokers = find_brokers(graph, config, communities=communities).brokers
    across = [b for b in brokers if b.brokerage.total > b.brokerage.coordinator]
    assert len(across) > 10
    assert any(len(b.bridged_groups) >= 3 for b in across)
    for b in brokers:
        expected = tallied(graph, groups, b.id) if b in across else ()
        assert b.bridged_groups == expected, b.id
