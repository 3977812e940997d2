"""The analyze() entry point: progress contract, edge cases, report shape."""

from __future__ import annotations

import math

import pytest

from graphmap.analysis.pipeline import STEPS, analyze, community_partition
from graphmap.config import AnalysisConfig
from graphmap.model.dataset import Dataset

from .conftest import actor, dataset, project, rel


def test_progress_reports_every_step_start_and_end_in_order(example):
    calls = []
    analyze(example, progress=lambda step, done, total: calls.append((step, done, total)))
    edges = [(s, d, t) for s, d, t in calls if d in (0, t)]
    assert edges == [(s, d, 1) for s in STEPS for d in (0, 1)]
    # Long steps may say how far they are in between, under their own name.
    current = None
    for step, done, total in calls:
        if done == 0:
            current = step
        else:
            assert step == current
            assert 0 < done <= total
    assert STEPS == ("graph", "betweenness", "constraint", "communities", "brokerage",
                     "gaps", "opportunities", "summary")


@pytest.mark.parametrize("ds", [
    Dataset(),
    dataset([actor("a")]),
    dataset([], [project("p", "feedback")]),
    dataset([actor("a"), actor("b")], [], [rel("a", "collaborates", "b")]),
    dataset([actor("a"), actor("b"), actor("c")], [project("p")],
            [rel("a", "carries", "p"), rel("b", "funds", "p")]),
], ids=["empty", "one-actor", "one-project", "two-actors", "small"])
@pytest.mark.parametrize("group_by", ["sector", "territory", "community"])
def test_tiny_workspaces_never_fail_nor_produce_nan(ds, group_by):
    config = AnalysisConfig(group_by=group_by, exact_betweenness_max_nodes=0,
                            betweenness_samples=1)
    report = analyze(ds, config)
    assert sorted(b.id for b in report.brokers) == sorted(a.id for a in ds.actors)
    for b in report.brokers:
        for value in (b.betweenness, b.constraint, b.effective_size):
            assert value is None or math.isfinite(value)
    assert report.summary["actors"] == len(ds.actors)
    assert report.meta["group_by"] == group_by
    assert report.meta["config"]["group_by"] == group_by


def test_meta_says_how_betweenness_was_computed(example):
    exact = analyze(example)
    assert exact.meta["betweenness"]["approximate"] is False
    assert exact.meta["seed"] == 42
    assert exact.meta["betweenness"]["method"] == "exact"
    sampled = analyze(example, AnalysisConfig(exact_betweenness_max_nodes=10,
                                              betweenness_epsilon=0.05))
    meta = sampled.meta["betweenness"]
    assert meta["approximate"] is True
    assert meta["sample_size"] > 0
    assert 0.05 < meta["error_bound"] < 0.06
    assert meta["method"] == "kadabra"


def test_community_partition_is_the_report_communities(example):
    config = AnalysisConfig()
    assert community_partition(example, config) == analyze(example, config).communities
    other = config.replace(seed=7, community_resolution=1.5)
    assert community_partition(example, other) == analyze(example, other).communities
