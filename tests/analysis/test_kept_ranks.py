"""The ranks the content-order sort keeps (id ranks, relation types) and the array
summaries that replaced hash tables give what the reference computations give."""

from __future__ import annotations

import dataclasses

import numpy as np

from graphmap.analysis.summary import summarize
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import _relation_key, in_content_order
from graphmap.synth import generate_dataset
from tests.analysis.test_project_arrays import with_repeats


def _counted_again(dataset):  # the ordered data with nothing kept from its sort
    plain = dataclasses.replace(in_content_order(dataset))
    plain.__dict__["_in_content_order"] = True
    return EcosystemGraph(plain)


def test_id_rank_and_types_from_the_sort_equal_the_ones_sorted_again():
    dataset = with_repeats(generate_dataset(600, 150, 3000, seed=11), seed=3)
    kept, counted = EcosystemGraph(dataset), _counted_again(dataset)
    assert "id_rank" in kept.__dict__  # taken from the sort, not sorted again
    reference = np.argsort(np.argsort(np.array(kept.ids, dtype=object), kind="stable"))
    assert kept.id_rank.tolist() == reference.tolist() == counted.id_rank.tolist()
    assert kept.relation_type.tolist() == counted.relation_type.tolist()
    assert list(kept.dataset.relations) == sorted(dataset.relations, key=_relation_key)


def test_summary_counts_equal_a_count_record_by_record():
    dataset = generate_dataset(500, 120, 2500, seed=5)
    summary = summarize(EcosystemGraph(dataset))
    stages: dict[str, int] = {}
    for p in dataset.projects:
        stages[p.stage.value] = stages.get(p.stage.value, 0) + 1
    sectors: dict[str, int] = {}
    for a in dataset.actors:
        sectors[a.sector.value] = sectors.get(a.sector.value, 0) + 1
    assert {k: v for k, v in summary["projects_by_stage"].items() if v} == stages
    assert summary["actors_by_sector"] == dict(sorted(sectors.items()))
    sector_of = {a.id: a.sector for a in dataset.actors}
    projects = {p.id for p in dataset.projects}
    tied: dict[str, set[object]] = {p.id: set() for p in dataset.projects}
    for r in dataset.relations:
        if r.target in projects and r.source in sector_of:
            tied[r.target].add(sector_of[r.source])
    assert summary["sector_diversity"] == {p: len(s) for p, s in sorted(tied.items())}


def test_group_codes_per_distinct_value_equal_the_codes_per_node():
    from graphmap.analysis.broker_groups import _group_key
    from graphmap.analysis.brokers import group_codes

    values = ["b", None, "", "a", "b", None, "1", "a"]
    names = sorted({_group_key(v) for v in values})
    assert group_codes(values).tolist() == [names.index(_group_key(v)) for v in values]
    mixed = [1, "1", None, True]  # not all text: the key of each value, as before
    assert group_codes(mixed).tolist() == [1, 1, 0, 2]
