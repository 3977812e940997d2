"""The groups a broker bridges (``Broker.bridged_groups``), from one sparse product,
equal the plain tally of each actor's flow neighbours."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from graphmap.analysis.broker_groups import _distinct_rows
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


def test_distinct_rows_as_integers_equal_rows_as_tuples():
    """Rows of group codes read as integers find the same distinct rows, first rows and
    equal rows as comparing tuples (the path taken when an integer would not fit)."""
    rng = np.random.default_rng(8)
    lengths = rng.integers(0, 4, 3000)
    bounds = np.concatenate(([0], np.cumsum(lengths)))
    group = rng.integers(0, 5, int(bounds[-1]))
    own = rng.integers(0, 5, 3000)
    as_numbers = _distinct_rows(own, group, bounds, 5)
    as_tuples = _distinct_rows(own, group, bounds, 10 ** 9)  # base ** 4 is past 63 bits
    rows = [(o, *group[bounds[i]:bounds[i + 1]].tolist()) for i, o in enumerate(own.tolist())]
    firsts = list({row: i for i, row in reversed(list(enumerate(rows)))}.values())[::-1]
    for first, which in (as_numbers, as_tuples):
        assert first.tolist() == sorted(firsts)
        assert [rows[first[w]] for w in which.tolist()] == rows
