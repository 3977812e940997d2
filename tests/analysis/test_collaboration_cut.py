"""The ``collaborate`` search visits the actors' rows highest score bound first and stops
once ``max_opportunities_per_kind`` pairs beat every row left: it reports exactly the
first pairs of the full search (every row, no limit), on generated ecosystems and on the
example."""

from __future__ import annotations

import pytest

from graphmap.analysis.collaboration import collaborate_opportunities
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

from .conftest import EXAMPLE, random_ecosystem


def _pairs(opps):
    return [(o.source, o.target, o.score, [m.render("fr") for m in o.reasons], o.introducer,
             o.path) for o in opps]


def _assert_cut_is_exact(ds, limits=(1, 2, 7, 30, 100), block_size=64):
    graph = EcosystemGraph(ds)
    for per_actor in (1, 2, 5):
        full = collaborate_opportunities(
            graph, AnalysisConfig(collaborations_per_actor=per_actor,
                                  max_opportunities_per_kind=0), block_size=block_size)
        assert full
        for limit in limits:
            config = AnalysisConfig(collaborations_per_actor=per_actor,
                                    max_opportunities_per_kind=limit)
            cut = collaborate_opportunities(graph, config, block_size=block_size)
            assert _pairs(cut) == _pairs(full[:limit]), (per_actor, limit)


@pytest.mark.parametrize(("seed", "size"), [(1, 400), (2, 1500), (3, 3000)])
def test_the_cut_search_reports_the_first_pairs_of_the_full_one(seed, size):
    _assert_cut_is_exact(generate_dataset(size, size // 4, size * 5, seed=seed))


@pytest.mark.parametrize("seed", range(4))
def test_the_cut_search_on_small_random_ecosystems(seed):
    # Few pairs, many ties: blocks of 8 rows so the search stops between blocks.
    _assert_cut_is_exact(random_ecosystem(seed), block_size=8)


def test_the_cut_search_on_the_example():
    _assert_cut_is_exact(load_workspace(EXAMPLE), block_size=4)
