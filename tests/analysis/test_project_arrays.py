"""The roles and sectors around each project, read from the relation arrays, are the ones
the relation-by-relation rule finds (repeated relations, any row order)."""

from __future__ import annotations

import dataclasses
import itertools
import random

import numpy as np

from graphmap.analysis.gaps import _project_rules, _projects_with_gaps, _sector_pairs, find_gaps
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph, ProjectRolesTable
from graphmap.model.dataset import Dataset, _relation_key, in_content_order, relation_ends
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import RelationType as R
from graphmap.schema import Sector, Stage
from graphmap.synth import generate_dataset


def _project_sectors(graph: EcosystemGraph) -> list[list[str]]:
    """The sectors (codes, sorted) of the actors tied to each project, by project position,
    from gaps' CSR arrays."""
    bounds, codes, values = _sector_pairs(graph)
    names = [values[c] for c in codes.tolist()]
    return [names[i:j] for i, j in itertools.pairwise(bounds.tolist())]

def with_repeats(dataset: Dataset, seed: int) -> Dataset:
    """``dataset`` with a tenth of its relations written again (another year) and its rows
    shuffled."""
    rng = random.Random(seed)
    again = [dataclasses.replace(r, year=2001) for r in rng.sample(
        dataset.relations, len(dataset.relations) // 10)]
    relations = [*dataset.relations, *again]
    rng.shuffle(relations)
    return dataclasses.replace(dataset, relations=tuple(relations))


def reference_sectors(graph: EcosystemGraph) -> list[list[str]]:
    sector_of = {a.id: a.sector.value for a in graph.dataset.actors}
    return [sorted({sector_of[a] for a in graph.project_roles[p.id].actors if a in sector_of})
            for p in graph.dataset.projects]


def test_generated_workspace_roles_and_sectors_match_the_row_rule():
    dataset = with_repeats(generate_dataset(1500, 400, 7000, seed=11), seed=2)
    graph = EcosystemGraph(dataset)
    roles = graph.project_roles
    assert roles == graph._project_roles_by_row()
    assert list(roles) == [p.id for p in graph.dataset.projects]
    assert sum(len(r.funders) > 1 for r in roles.values()) > 10
    assert _project_sectors(graph) == reference_sectors(graph)


def test_first_relation_orders_each_role_and_repeats_count_once():
    actors = (Actor("c", "C", Sector.PUBLIC), Actor("b", "B", Sector.MEDIA),
              Actor("a", "A", Sector.MEDIA), Actor("z", "Z", Sector.CITIZEN))
    projects = (Project("q", "Q", Stage.FEEDBACK), Project("p", "P", Stage.FEEDBACK),
                Project("r", "R", Stage.MOBILIZATION))
    relations = (Relation("c", "p", R.FUNDS), Relation("a", "p", R.FUNDS, year=2020),
                 Relation("a", "p", R.FUNDS), Relation("b", "p", R.CARRIES),
                 Relation("a", "p", R.ADOPTS), Relation("z", "q", R.BENEFITS),
                 Relation("a", "b", R.COLLABORATES))
    graph = EcosystemGraph(Dataset(actors=actors, projects=projects, relations=relations))
    p = graph.project_roles["p"]
    # Content order: relations sorted by source id, so 'a' comes before 'c'.
    assert (p.funders, p.carriers, p.adopters, p.actors) == (
        ("a", "c"), ("b",), ("a",), ("a", "b", "c"))
    assert graph.project_roles["r"] == graph._project_roles_by_row()["r"]
    assert graph.project_roles["r"].actors == ()
    assert _project_sectors(graph) == [["media", "public"], ["citizen"], []]
    low = [g for g in find_gaps(graph) if g.code == "project.low_diversity"]
    assert [(g.subject, g.evidence["sectors"]) for g in low] == [
        ("p", ["media", "public"]), ("q", ["citizen"]), ("r", [])]


def test_graph_from_the_ends_in_content_order_kept_equals_one_counted_again():
    dataset = with_repeats(generate_dataset(800, 200, 4000, seed=4), seed=9)
    ordered = in_content_order(dataset)
    assert list(ordered.relations) == sorted(dataset.relations, key=_relation_key)
    ends = relation_ends(ordered)
    assert ends is not None
    assert [ends.ids[i] for i in ends.source.tolist()] == [r.source for r in ordered.relations]
    assert [ends.ids[i] for i in ends.target.tolist()] == [r.target for r in ordered.relations]
    # The same ordered data with nothing kept: the graph counts the ends itself.
    plain = dataclasses.replace(ordered)
    plain.__dict__["_in_content_order"] = True
    assert relation_ends(plain) is None
    kept, counted = EcosystemGraph(dataset), EcosystemGraph(plain)
    for name in ("relation_source", "relation_target", "relation_type", "edges"):
        assert getattr(kept, name).tolist() == getattr(counted, name).tolist()
    assert (kept.flow != counted.flow).nnz == 0


def test_an_end_in_no_table_sorts_by_content_and_keeps_no_ends():
    dataset = Dataset(actors=(Actor("b", "B", Sector.PUBLIC), Actor("a", "A", Sector.MEDIA)),
                      relations=(Relation("b", "x", R.FUNDS), Relation("a", "b", R.FUNDS)))
    ordered = in_content_order(dataset)
    assert [(r.source, r.target) for r in ordered.relations] == [("a", "b"), ("b", "x")]
    assert relation_ends(ordered) is None


def test_projects_skipped_by_the_counts_are_those_no_rule_fires_on():
    """The role counts visit exactly the projects a rule fires on, whatever min_sectors."""
    graph = EcosystemGraph(with_repeats(generate_dataset(1500, 400, 7000, seed=5), seed=3))
    roles, sectors = graph.project_roles, _project_sectors(graph)
    assert isinstance(roles, ProjectRolesTable)
    for min_sectors in (1, 3, 5):
        config = AnalysisConfig(min_sectors=min_sectors)
        fired = [at for at, p in enumerate(graph.dataset.projects)
                 if list(_project_rules(p, roles[p.id], sectors[at], config, graph.dataset))]
        counts = np.array([len(s) for s in sectors])
        assert _projects_with_gaps(graph, roles, counts, config).tolist() == fired
        assert 0 < len(fired) < len(sectors)
