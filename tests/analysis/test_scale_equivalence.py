"""The scalable code paths give exactly what the plain definitions give: fund / support /
adopt proposals against a brute force over every (project, actor) pair written straight
from the docstring of ``project_opportunities``. (The compiled graph itself is pinned
against networkx in test_views.py.)
"""

from __future__ import annotations

import pytest

from graphmap.analysis.candidates import Candidate, adopts_practices
from graphmap.analysis.gaps import find_gaps
from graphmap.analysis.proposals import (
    TARGET_GAPS,
    can_act,
    project_opportunities,
    proposal,
    truncate,
)
from graphmap.analysis.similarity import project_similarity, themes_of
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.schema import ADOPTER_TYPES, RelationType

from .conftest import random_ecosystem
from .test_views import oracle_undirected

ROLE = {"fund": {RelationType.FUNDS}, "support": {RelationType.SUPPORTS},
        "adopt": set(ADOPTER_TYPES)}


def _brute_force(ds, kind, gaps, config):
    """project_opportunities by its definition: every pool actor against every target."""
    g = oracle_undirected(ds)
    graph = EcosystemGraph(ds)
    by_id = {p.id: p for p in ds.projects}
    held: dict[str, list[str]] = {}
    active = set()
    for r in ds.relations:
        if r.type in ROLE[kind]:
            active.add(r.source)
            if r.target in by_id and r.target not in held.setdefault(r.source, []):
                held[r.source].append(r.target)
    pool = [a for a in ds.actors if a.id in active or (
        kind == "adopt" and adopts_practices(a))]
    projects_of = {a.id: {q for q in g.adj[a.id] if q in by_id} for a in ds.actors}

    def knows(x: str, y: str) -> bool:
        # The definition: a direct relation, or both tied to the same project.
        return y in g.adj[x] or bool(projects_of[x] & projects_of[y])
    sector = {a.id: a.sector.value for a in ds.actors}
    out = []
    for target in sorted({gp.subject for gp in gaps if gp.code in TARGET_GAPS[kind]}):
        p = by_id[target]
        around = {r.source for r in ds.relations if r.target == target} | set(g.adj[target])
        present = {sector[a] for a in around if a in sector}
        found = []
        for a in pool:
            if a.id in around:
                continue
            sims = {q: (0.0 if q == target else project_similarity(p, by_id[q]))
                    for q in held.get(a.id, [])}
            best = max(sims.values(), default=0.0)
            local = p.territory is not None and a.territory == p.territory
            knew = None
            if kind == "adopt":
                # Evidence of adoption: a held project sharing a theme, else a kind that
                # adopts practices and knows an actor tied to the project.
                by_theme = any(themes_of(p) & themes_of(by_id[q])
                               for q in held.get(a.id, []) if q != target)
                if not by_theme and adopts_practices(a):
                    knew = min((x for x in around if x in sector and x != a.id
                                and knows(a.id, x)), default=None)
                if not (can_act(a, p.territory) and (by_theme or knew is not None)):
                    continue
            elif not (can_act(a, p.territory) and (best > 0 or local)):
                continue
            new = a.sector.value not in present
            score = round(0.6 * best + 0.2 * local + 0.2 * new, 6)
            ranked = sorted(((q, s) for q, s in sims.items() if s > 0),
                            key=lambda item: (-item[1], item[0]))
            found.append(Candidate(a, score, tuple(ranked[:2]), local, new, knows=knew))
        found.sort(key=lambda c: (-c.score, c.actor.id))
        out.extend(proposal(kind, c, p, graph)
                   for c in found[:config.opportunities_per_project])
    return truncate(out, config)


def _key(opps):
    return [(o.source, o.target, o.score, [m.render("en") for m in o.reasons]) for o in opps]


@pytest.mark.parametrize("kind", ["fund", "support", "adopt"])
@pytest.mark.parametrize("seed", range(8))
def test_project_opportunities_equal_the_brute_force(seed, kind):
    ds = random_ecosystem(seed)
    graph = EcosystemGraph(ds)
    gaps = find_gaps(graph)
    for per_project in (1, 3, 7):
        config = AnalysisConfig(opportunities_per_project=per_project,
                                max_opportunities_per_kind=0)
        ours = project_opportunities(graph, kind, gaps, config)
        assert _key(ours) == _key(_brute_force(ds, kind, gaps, config))


def test_best_per_row_prefilter_keeps_the_same_entries_as_a_full_sort():
    import numpy as np

    from graphmap.analysis.collaboration import best_per_row

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
        ours = best_per_row(rows, cols, data, id_rank, keep)
        expected = full_sort(rows, cols, data, id_rank, keep)
        assert all(a.tolist() == b.tolist() for a, b in zip(ours, expected, strict=True))


@pytest.mark.parametrize("seed", range(4))
def test_all_kinds_at_once_equal_each_kind_alone(seed):
    from graphmap.analysis.opportunities import find_opportunities

    graph = EcosystemGraph(random_ecosystem(seed))
    gaps = find_gaps(graph)
    config = AnalysisConfig(max_opportunities_per_kind=0)
    together = [o for o in find_opportunities(graph, gaps, config) if o.kind != "collaborate"]
    alone = [o for kind in ("fund", "support", "adopt")
             for o in project_opportunities(graph, kind, gaps, config)]
    assert together == alone
    assert together
