"""The introducer who knows both sides is chosen on arrays when the importance is the
analysis's own betweenness (by position); the same importance read by id takes the plain
path written from the rule. Both choose the same introducer and path for every proposal
and for pairs drawn at random, with ties on strength and importance broken by id."""

from __future__ import annotations

import random

import numpy as np
import pytest

from graphmap.analysis.brokers import NodeValues, structural_measures
from graphmap.analysis.introducers import find_introducer
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

from .conftest import EXAMPLE, random_ecosystem


def _pairs(graph: EcosystemGraph, count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    actors = graph.ids[:graph.actor_count]
    nodes = list(graph.ids)
    return [(rng.choice(actors), rng.choice(nodes)) for _ in range(count)]


def _assert_same_choices(ds, seed: int) -> None:
    graph = EcosystemGraph(ds)
    betweenness = structural_measures(graph).betweenness
    assert isinstance(betweenness, NodeValues)
    assert betweenness.over(graph.index)
    by_id = dict(betweenness)
    # Every importance 0: only the strengths and the ids decide.
    coarse = NodeValues(graph.index, np.zeros(len(graph.ids)))
    found = chains = 0
    for source, target in _pairs(graph, 300, seed):
        if source == target:
            continue
        for importance, plain in ((betweenness, by_id), (coarse, dict(coarse))):
            fast = find_introducer(graph, source, target, importance)
            assert fast == find_introducer(graph, source, target, plain), (source, target)
            found += len(fast[1]) == 3
            chains += len(fast[1]) == 4
    assert found > 50
    assert chains > 10


@pytest.mark.parametrize("seed", range(3))
def test_arrays_and_plain_rule_choose_the_same_introducer(seed):
    _assert_same_choices(generate_dataset(600, 150, 3000, seed=seed), seed)
    _assert_same_choices(random_ecosystem(seed), seed)


def test_on_the_example():
    _assert_same_choices(load_workspace(EXAMPLE), 0)
