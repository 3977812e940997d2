"""The scalable code paths give exactly what the plain definitions give.

- fund / support / adopt proposals: against a brute force over every (project, actor)
  pair written straight from the docstring of ``project_opportunities``;
- the array views (``GraphIndex``) against the networkx views: same node order, same
  adjacency order, same edges, same flow ties, same shortest paths.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graphmap.analysis.gaps import find_gaps, project_ties
from graphmap.analysis.opportunities import (
    TARGET_GAPS,
    _Candidate,
    _project_opportunity,
    _truncate,
    can_act,
    project_opportunities,
    project_similarity,
)
from graphmap.config import AnalysisConfig
from graphmap.model.views import GraphIndex, actor_flow_view, undirected_view
from graphmap.schema import ADOPTER_TYPES, Category, RelationType

from .conftest import actor, dataset, project, rel

ROLE = {"fund": {RelationType.FUNDS}, "support": {RelationType.SUPPORTS},
        "adopt": set(ADOPTER_TYPES)}


def _ecosystem(seed: int, n_actors: int = 50, n_projects: int = 40):
    rng = random.Random(seed)
    sectors = ["public", "community", "academic", "media", "philanthropic", "private"]
    places = ["T1", "T2", "T3", None]
    themes = ["food", "housing", "youth", "culture", "climate"]
    actors = [actor(f"a{i:02d}", rng.choice(sectors), territory=rng.choice(places),
                    scope=rng.choice(["local", "local", "regional", "provincial"]),
                    category=rng.choice(["organization", "organization", "individual"]))
              for i in range(n_actors)]
    projects = [project(f"p{i:02d}", rng.choice(["emergence", "mobilization", "feedback",
                                                 "appropriation"]),
                        territory=rng.choice(places),
                        themes=tuple(rng.sample(themes, rng.choice([0, 1, 1, 2, 3]))))
                for i in range(n_projects)]
    relations = []
    for _ in range(220):
        a = rng.choice(actors).id
        if rng.random() < 0.85:
            t = rng.choice(projects).id
            kind = rng.choice(["carries", "funds", "funds", "supports", "supports",
                               "adopts", "benefits"])
        else:
            t = rng.choice(actors).id
            kind = rng.choice(["collaborates", "member_of", "funds", "supports"])
        if a != t:
            relations.append(rel(a, kind, t))
    return dataset(actors, projects, relations)


def _brute_force(ds, kind, gaps, config):
    """project_opportunities by its definition: every pool actor against every target."""
    g = undirected_view(ds)
    ties = project_ties(ds)
    by_id = {p.id: p for p in ds.projects}
    held: dict[str, list[str]] = {}
    active = set()
    for r in ds.relations:
        if r.type in ROLE[kind]:
            active.add(r.source)
            if r.target in by_id and r.target not in held.setdefault(r.source, []):
                held[r.source].append(r.target)
    pool = [a for a in ds.actors if a.id in active or (
        kind == "adopt" and a.category is not Category.INDIVIDUAL and a.territory)]
    sector = {a.id: a.sector.value for a in ds.actors}
    out = []
    for target in sorted({gp.subject for gp in gaps if gp.code in TARGET_GAPS[kind]}):
        p = by_id[target]
        around = set(ties[target].actors) | set(g.adj[target])
        present = {sector[a] for a in around if a in sector}
        found = []
        for a in pool:
            if a.id in around:
                continue
            sims = {q: (0.0 if q == target else project_similarity(p, by_id[q]))
                    for q in held.get(a.id, [])}
            best = max(sims.values(), default=0.0)
            local = p.territory is not None and a.territory == p.territory
            if not (can_act(a, p.territory) and (best > 0 or local)):
                continue
            new = a.sector.value not in present
            score = round(0.6 * best + 0.2 * local + 0.2 * new, 6)
            ranked = sorted(((q, s) for q, s in sims.items() if s > 0),
                            key=lambda item: (-item[1], item[0]))
            found.append(_Candidate(a, score, tuple(ranked[:2]), local, new))
        found.sort(key=lambda c: (-c.score, c.actor.id))
        out.extend(_project_opportunity(kind, c, p, ds)
                   for c in found[:config.opportunities_per_project])
    return _truncate(out, config)


def _key(opps):
    return [(o.source, o.target, o.score, [m.render("en") for m in o.reasons]) for o in opps]


@pytest.mark.parametrize("kind", ["fund", "support", "adopt"])
@pytest.mark.parametrize("seed", range(8))
def test_project_opportunities_equal_the_brute_force(seed, kind):
    ds = _ecosystem(seed)
    gaps = find_gaps(ds)
    for per_project in (1, 3, 7):
        config = AnalysisConfig(opportunities_per_project=per_project,
                                max_opportunities_per_kind=0)
        ours = project_opportunities(ds, kind, gaps, config)
        assert _key(ours) == _key(_brute_force(ds, kind, gaps, config))


@pytest.mark.parametrize("seed", range(6))
def test_graph_index_equals_the_networkx_views(seed):
    ds = _ecosystem(seed)
    built = GraphIndex.build(ds)
    g, f = undirected_view(ds), actor_flow_view(ds)
    ref = GraphIndex.from_graphs(g, f, len(ds.actors))
    assert built.ids == ref.ids == tuple(g.nodes())
    assert built.indptr.tolist() == ref.indptr.tolist()
    assert built.indices.tolist() == ref.indices.tolist()
    assert built.edges.tolist() == ref.edges.tolist()
    assert {(built.ids[u], built.ids[v]) for u, v in zip(*built.flow.nonzero(), strict=True)
            } == set(f.edges())
    assert built.edge_count == g.number_of_edges()
    rng = random.Random(seed)
    for _ in range(40):
        s, t = rng.sample(built.ids, 2)
        try:
            expected = nx.bidirectional_shortest_path(g, s, t)
        except nx.NetworkXNoPath:
            expected = None
        found = built.shortest_path(built.index[s], built.index[t])
        assert (None if found is None else [built.ids[v] for v in found]) == expected


def test_sampled_betweenness_is_the_same_whatever_the_number_of_processes():
    from graphmap.analysis import kernel

    ds = _ecosystem(3, n_actors=300, n_projects=120)
    graph = GraphIndex.build(ds).igraph()
    chunks = [list(range(k, graph.vcount(), 7)) for k in range(7)]
    seen: list[tuple[int, int]] = []
    alone = kernel._pivot_chunks(graph, chunks, None, 1)
    forked = kernel._pivot_chunks(graph, chunks, lambda *call: seen.append(call), 2)
    assert [a.tolist() for a in alone] == [f.tolist() for f in forked]
    assert sorted(seen) == [(k, 7) for k in range(1, 8)]
    # Every source once: the chunks add up to exact betweenness (halved by igraph).
    total = sum(alone)
    exact = graph.betweenness(directed=False)
    assert total.tolist() == pytest.approx(exact)


def test_best_per_row_prefilter_keeps_the_same_entries_as_a_full_sort():
    import numpy as np

    from graphmap.analysis.opportunities import _best_per_row

    def full_sort(rows, cols, data, id_rank, keep):
        order = np.lexsort((id_rank[cols], -data, rows))
        rows, cols, data = rows[order], cols[order], data[order]
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        counts = np.diff(np.r_[starts, len(rows)])
        kept = (np.arange(len(rows)) - np.repeat(starts, counts)) < keep
        return rows[kept], cols[kept], data[kept]

    rng = np.random.default_rng(1)
    for _ in range(200):
        n = int(rng.integers(1, 3000))
        rows = np.sort(rng.integers(0, int(rng.integers(1, 50)), n))
        cols = rng.integers(0, 200, n)
        data = np.round(rng.integers(1, 6, n) / rng.integers(1, 4, n), 6)  # many ties
        id_rank = rng.permutation(200)
        keep = int(rng.integers(1, 5))
        ours = _best_per_row(rows, cols, data, id_rank, keep)
        expected = full_sort(rows, cols, data, id_rank, keep)
        assert all(a.tolist() == b.tolist() for a, b in zip(ours, expected, strict=True))


@pytest.mark.parametrize("seed", range(4))
def test_all_kinds_at_once_equal_each_kind_alone(seed):
    from graphmap.analysis.opportunities import find_opportunities

    ds = _ecosystem(seed)
    gaps = find_gaps(ds)
    config = AnalysisConfig(max_opportunities_per_kind=0)
    together = [o for o in find_opportunities(ds, gaps, config) if o.kind != "collaborate"]
    alone = [o for kind in ("fund", "support", "adopt")
             for o in project_opportunities(ds, kind, gaps, config)]
    assert together == alone
    assert together
