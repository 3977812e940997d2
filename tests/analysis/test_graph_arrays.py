"""The compiled graph's sorts and type masks give what numpy's reference calls give."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np

from graphmap.model.compiled import (
    RELATION_TYPES,
    EcosystemGraph,
    _by_pair,
    _first_of_each,
)
from graphmap.synth import generate_dataset


def test_first_of_each_is_unique_return_index():
    rng = np.random.default_rng(3)
    for size, high in ((0, 1), (1, 1), (50, 3), (5000, 200), (20000, 10 ** 12)):
        keys = rng.integers(0, high, size)
        assert _first_of_each(keys).tolist() == np.unique(keys, return_index=True)[1].tolist()


def test_by_pair_is_lexsort_on_distinct_pairs_and_falls_back_past_63_bits():
    rng = np.random.default_rng(4)
    minor = rng.permutation(30000)
    major = rng.integers(0, 700, 30000)
    assert _by_pair(major, minor, 30000).tolist() == np.lexsort((minor, major)).tolist()
    huge = np.array([2 ** 40, 3, 2 ** 40, 3])
    assert _by_pair(huge, np.array([1, 3, 0, 2]), 2 ** 30).tolist() == [3, 1, 2, 0]


def test_relations_of_is_isin_of_the_type_codes():
    graph = EcosystemGraph(generate_dataset(400, 100, 2500, seed=9))
    for k in range(4):
        for types in itertools.combinations(RELATION_TYPES, k):
            codes = [RELATION_TYPES.index(t) for t in types]
            assert graph.relations_of(types).tolist() == np.isin(
                graph.relation_type, codes).tolist()


def test_territory_codes_number_places_in_first_seen_order():
    dataset = generate_dataset(300, 80, 1200, seed=2)
    actors = [dataclasses.replace(a, territory=("" if i % 7 == 0 else a.territory))
              for i, a in enumerate(dataset.actors)]
    graph = EcosystemGraph(dataclasses.replace(dataset, actors=tuple(actors)))
    codes: dict[str, int] = {}
    places = [a.territory for a in graph.dataset.actors] + [
        p.territory for p in graph.dataset.projects]
    expected = [codes.setdefault(t, len(codes)) if t else -1 for t in places]
    assert graph.territory_code.tolist() == expected
    assert -1 in expected
    assert len(codes) > 3
