"""Proposals: who could fund, support or adopt a project whose gaps call for it.

Every candidate can act where the project is (``scope``, :func:`can_act`), and no tie that
already exists is ever proposed. Scores are deterministic (no randomness), rounded to 6
decimals (see :mod:`graphmap.analysis.candidates`); ranks break ties by id.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from graphmap.analysis.candidates import (
    LOCAL_WEIGHT,
    NEW_SECTOR_WEIGHT,
    SIMILARITY_WEIGHT,
    ActorCodes,
    Candidate,
    CandidatePool,
    Chosen,
    Nearby,
    adopts_practices,
    can_act,
)
from graphmap.analysis.introducers import known_positions, with_introducer
from graphmap.analysis.labels import Enumeration, territory_term
from graphmap.analysis.report import Gap, Opportunity
from graphmap.analysis.similarity import ProjectTable, folded, similarity, themes_of
from graphmap.config import AnalysisConfig
from graphmap.i18n import Message
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.records import Project

#: The kinds of proposal made to projects, in report order.
PROJECT_KINDS: tuple[str, ...] = ("fund", "support", "adopt")
#: Which gaps make a project a target of each kind.
TARGET_GAPS: Mapping[str, frozenset[str]] = {
    "fund": frozenset({"project.no_funder", "project.single_funder"}),
    "support": frozenset({"project.no_support", "project.low_diversity"}),
    "adopt": frozenset({"project.no_adopter"}),
}
_SAME_TERRITORY = Message("analysis.reason.same_territory")
_SAME_STAGE = Message("analysis.reason.same_stage")
__all__ = ["PROJECT_KINDS", "TARGET_GAPS", "can_act", "evidence_strength", "nearby_adopters",
           "project_opportunities", "project_proposals", "project_proposals_reference",
           "proposal", "score_bound", "truncate"]


def project_opportunities(graph: EcosystemGraph, kind: str, gaps: Iterable[Gap],
                          config: AnalysisConfig | None = None, *,
                          importance: Mapping[str, float] | None = None
                          ) -> list[Opportunity]:
    """``fund``, ``support`` or ``adopt`` proposals for the projects whose gaps call for
    them (:data:`TARGET_GAPS`), each with its introducer and path
    (:func:`graphmap.analysis.introducers.find_introducer`, ``importance`` by node id).

    Candidates are actors who already hold the role elsewhere, towards a project or an
    organisation (for ``adopt``, also the organisations located in the project's
    territory), who can act in the project's territory and are not tied to it yet. With
    :math:`s` the best :func:`~graphmap.analysis.similarity.project_similarity` between
    the project and the candidate's own projects in that role, :math:`\\ell` = 1 if the
    candidate is located in the project's territory and :math:`z` = 1 if its sector is not
    yet around the project:

    .. math:: \\text{score} = 0.6\\,s + 0.2\\,\\ell + 0.2\\,z

    A candidate needs :math:`s > 0` or :math:`\\ell = 1`. At most
    ``config.opportunities_per_project`` per project, best first (ties by id), and
    ``config.max_opportunities_per_kind`` in all (0 = no limit).

    Examples
    --------
    >>> from graphmap.analysis.gaps import find_gaps
    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Scope, Sector, Stage
    >>> ds = Dataset(
    ...     actors=(Actor("f", "Fondation", Sector.PHILANTHROPIC, scope=Scope.REGIONAL),
    ...             Actor("c", "Coop", Sector.SOCIAL_ECONOMY)),
    ...     projects=(Project("p", "Cuisine", Stage.MOBILIZATION, themes=("food",)),
    ...               Project("q", "Épicerie", Stage.MOBILIZATION, themes=("food",))),
    ...     relations=(Relation("f", "q", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                Relation("c", "q", R.CARRIES)))
    >>> graph = EcosystemGraph(ds)
    >>> [(o.source, o.target, o.score, o.path) for o in
    ...  project_opportunities(graph, "fund", find_gaps(graph))]
    [('f', 'p', 0.6, ('f', 'c', 'p'))]
    """
    found = project_proposals(graph, (kind,), list(gaps), config or AnalysisConfig())
    return [with_introducer(o, graph, importance) for o in found[kind]]


def project_proposals(graph: EcosystemGraph, kinds: Sequence[str], gaps: Sequence[Gap],
                      config: AnalysisConfig) -> dict[str, list[Opportunity]]:
    """The proposals of each kind, best first and cut to the limits, without introducers:
    what :func:`project_proposals_reference` gives, without visiting every target.

    With ``config.max_opportunities_per_kind`` = K > 0 only the K best proposals of a kind
    are reported, so the targets are visited best possible first: by the highest score
    any candidate of theirs could reach (:func:`score_bound`), then id, the report's
    order. Once K proposals are found that every target left would rank after, the rest
    is skipped. Candidates are kept as arrays (:class:`~graphmap.analysis.candidates.Chosen`)
    and made into opportunities only when they are reported.
    """
    out: dict[str, list[Opportunity]] = {kind: [] for kind in kinds}
    if config.opportunities_per_project == 0:
        return out
    targets, actors, pools = _pools(graph, kinds, gaps)
    na = graph.actor_count
    rank = graph.id_rank
    keep = config.max_opportunities_per_kind
    table = next(iter(pools.values())).table if pools else None
    similar: dict[int, dict[bool, tuple[np.ndarray, np.ndarray]]] = {}
    arounds: dict[int, set[str]] = {}
    kinds_left = list(pools)
    for kind, pool in pools.items():
        assert table is not None
        kinds_left.remove(kind)
        # Targets of a later kind keep what was found about them (not the others: memory).
        later = {graph.index[x] - na for k in kinds_left for x in targets[k]}
        ts = np.array(sorted(graph.index[x] - na for x in targets[kind]), dtype=np.int64)
        bound = score_bound(table.place[ts] >= 0)
        found: list[tuple[int, Chosen]] = []
        cut = _Cut(keep)
        for i in np.lexsort((rank[na + ts], -bound)).tolist():
            t, target_rank = int(ts[i]), int(rank[na + ts[i]])
            if cut.settled(float(bound[i]), target_rank):
                break
            around = arounds.get(t)
            if around is None:
                around = arounds[t] = _around(graph, t)
            cache = similar.setdefault(t, {})
            if kind == "adopt":
                nearby = nearby_adopters(graph, graph.ids[na + t], around, actors.adopting)
                chosen = pool.best_adopters_chosen(t, around, config.opportunities_per_project,
                                                   nearby, cache)
            else:
                chosen = pool.best_chosen(t, around, config.opportunities_per_project, cache)
            found.append((t, chosen))
            if t not in later:
                similar.pop(t, None)
                arounds.pop(t, None)
            cut.add(chosen.score.tolist(), target_rank, pool.id_rank[chosen.cand].tolist())
        out[kind] = _reported(kind, pool, found, graph, keep)
    return out


class _Cut:
    """The ``keep`` best report keys of a kind found so far (0 = keep all), and whether a
    target can still enter them."""

    def __init__(self, keep: int) -> None:
        self.keep = keep
        # Worst on top: (score, -target rank, -source rank), the report's order reversed.
        self.keys: list[tuple[float, int, int]] = []

    def settled(self, bound: float, target_rank: int) -> bool:
        """Whether every proposal to a target of that score bound and id rank, and to the
        targets after it, ranks after the ``keep`` best found."""
        if not self.keep or len(self.keys) < self.keep:
            return False
        worst_score, worst_target = self.keys[0][0], -self.keys[0][1]
        return bound < worst_score or (bound == worst_score and target_rank > worst_target)

    def add(self, scores: list[float], target_rank: int, source_ranks: list[int]) -> None:
        if not self.keep:
            return
        for score, source_rank in zip(scores, source_ranks, strict=True):
            key = (score, -target_rank, -source_rank)
            if len(self.keys) < self.keep:
                heapq.heappush(self.keys, key)
            else:
                heapq.heappushpop(self.keys, key)


def score_bound(has_place: np.ndarray) -> np.ndarray:
    """The highest score a candidate can reach for a project with (or without) a known
    territory, by the arithmetic of the scores (so no score computed is above it):
    similarity at most (1 + 1 + 1) / 3, or 2 / 3 without a territory, ℓ = 0 without one.

    >>> score_bound(np.array([True, False])).tolist()
    [1.0, 0.6]
    """
    top = similarity(1.0, 1.0, has_place, 1.0)
    return np.asarray(np.round(SIMILARITY_WEIGHT * top + LOCAL_WEIGHT * has_place
                               + NEW_SECTOR_WEIGHT * True, 6), dtype=float)


def _reported(kind: str, pool: CandidatePool, found: list[tuple[int, Chosen]],
              graph: EcosystemGraph, keep: int) -> list[Opportunity]:
    """The opportunities of ``found`` the report keeps (at most ``keep``, 0 = all), best
    first (score descending, then target and source id), made into objects."""
    if not found:
        return []
    na = graph.actor_count
    t = np.concatenate([np.full(len(ch.cand), t, dtype=np.int64) for t, ch in found])
    c = np.concatenate([ch.cand for _t, ch in found])
    score = np.concatenate([ch.score for _t, ch in found])
    local = np.concatenate([ch.local for _t, ch in found])
    new_sector = np.concatenate([ch.new_sector for _t, ch in found])
    knows = [k for _t, ch in found for k in ch.knows]
    order = np.lexsort((pool.id_rank[c], graph.id_rank[na + t], -score))
    if keep:
        order = order[:keep]
    projects = graph.dataset.projects
    return [proposal(kind, pool.candidate(int(t[k]), int(c[k]), score=float(score[k]),
                                          local=bool(local[k]),
                                          new_sector=bool(new_sector[k]), knows=knows[k]),
                     projects[int(t[k])], graph)
            for k in order.tolist()]


def _pools(graph: EcosystemGraph, kinds: Sequence[str], gaps: Sequence[Gap]
           ) -> tuple[dict[str, set[str]], ActorCodes, dict[str, CandidatePool]]:
    """The targets of each kind (project ids), the actors' codes, and the candidate pool of
    each kind that has targets and candidates."""
    targets = {kind: {g.subject for g in gaps if g.code in TARGET_GAPS[kind]}
               for kind in kinds}
    actors = ActorCodes.build(graph)
    if not any(targets.values()):
        return targets, actors, {}
    table = ProjectTable.build(graph.dataset.projects, graph.territory_code[graph.actor_count:])
    pools = {kind: CandidatePool.build(graph, kind, actors, table) for kind in kinds
             if targets[kind]}
    return targets, actors, {kind: pool for kind, pool in pools.items() if pool.actors}


def _around(graph: EcosystemGraph, t: int) -> set[str]:
    """The ids of everyone tied to project ``t`` (position among the projects)."""
    node = graph.actor_count + t
    around = set(graph.project_roles[graph.ids[node]].actors)
    around.update(graph.ids[v] for v in graph.neighbours(node).tolist())
    return around


def project_proposals_reference(graph: EcosystemGraph, kinds: Sequence[str],
                                gaps: Sequence[Gap], config: AnalysisConfig
                                ) -> dict[str, list[Opportunity]]:
    """:func:`project_proposals` the plain way, the reference its shortcuts are tested
    against: every target, once for all kinds (so the projects similar to a target are
    found once), every proposal made, then sorted and cut."""
    out: dict[str, list[Opportunity]] = {kind: [] for kind in kinds}
    if config.opportunities_per_project == 0:
        return out
    targets, actors, pools = _pools(graph, kinds, gaps)
    projects = graph.dataset.projects
    na = graph.actor_count
    limit = config.opportunities_per_project
    for target_id in sorted(set().union(*(targets[kind] for kind in pools))):
        t = graph.index[target_id] - na
        around = _around(graph, t)
        similar: dict[bool, tuple[np.ndarray, np.ndarray]] = {}
        for kind, pool in pools.items():
            if target_id not in targets[kind]:
                continue
            if kind == "adopt":
                nearby = nearby_adopters(graph, target_id, around, actors.adopting)
                chosen = pool.best_adopters(t, around, limit, nearby, similar)
            else:
                chosen = pool.best(t, around, limit, similar)
            out[kind].extend(proposal(kind, cand, projects[t], graph) for cand in chosen)
    return {kind: truncate(found, config) for kind, found in out.items()}


def nearby_adopters(graph: EcosystemGraph, project_id: str, around: set[str],
                    adopting: np.ndarray | None = None) -> Nearby:
    """The actors of a kind that adopts practices who know an actor tied to the project
    (:func:`~graphmap.analysis.introducers.acquaintances`) and are not tied to it yet,
    each with the tied actor it knows (smallest id). ``adopting`` is
    :attr:`ActorCodes.adopting` (computed here when not given)."""
    if adopting is None:
        adopting = np.array([adopts_practices(a) for a in graph.dataset.actors], dtype=bool)
    tied = tuple(sorted(graph.project_roles[project_id].actors))
    owner = np.full(graph.actor_count, -1, dtype=np.int64)
    # Last id first: each actor keeps the tied actor of smallest id it knows.
    for k in range(len(tied) - 1, -1, -1):
        at = graph.index[tied[k]]
        direct, through = known_positions(graph, at)
        near = np.concatenate([direct, through])
        owner[near[adopting[near] & (near != at)]] = k
    owner[[graph.index[a] for a in around if graph.index[a] < graph.actor_count]] = -1
    actors = np.flatnonzero(owner >= 0)
    return Nearby(actors, owner[actors], tied)


#: Evidence strength of a fund / support / adopt proposal, from its evidence score (the
#: score without the new-sector bonus, which is no evidence): at least these thresholds.
STRONG_EVIDENCE = 0.5
MODERATE_EVIDENCE = 0.3


def evidence_strength(score: float, new_sector: bool) -> str:
    """``"strong"``, ``"moderate"`` or ``"weak"``: the evidence behind a proposal of score
    ``score`` (docs/analysis.md §8), whose sector bonus (``new_sector``) is no evidence.

    >>> evidence_strength(0.6, False), evidence_strength(0.6, True), evidence_strength(0.2, False)
    ('strong', 'moderate', 'weak')
    >>> evidence_strength(0.4, True)
    'weak'
    """
    evidence = round(score - (NEW_SECTOR_WEIGHT if new_sector else 0.0), 6)
    if evidence >= STRONG_EVIDENCE:
        return "strong"
    return "moderate" if evidence >= MODERATE_EVIDENCE else "weak"


def proposal(kind: str, cand: Candidate, project: Project,
             graph: EcosystemGraph) -> Opportunity:
    """The opportunity proposing ``cand`` to ``project``, with its reasons: the similar
    projects it already holds in the role (and what they share), its presence in the
    territory, the new sector it brings."""
    reasons: list[Message] = []
    target_themes = themes_of(project)
    by_id = graph.dataset.project_by_id
    for q_id, _sim in cand.similar:
        q = by_id[q_id]
        shared: list[object] = [t for t in q.themes if folded(t) in target_themes]
        if project.territory and q.territory == project.territory:
            shared.append(_SAME_TERRITORY)
        if q.stage == project.stage:
            shared.append(_SAME_STAGE)
        reasons.append(Message(f"analysis.reason.{kind}_similar",
                               {"project": q.name, "shared": Enumeration(shared)}))
    if cand.knows is not None:
        reasons.append(Message("analysis.reason.adopter_kind_nearby",
                               {"category": cand.actor.sector,
                                "name": graph.dataset.node_name(cand.knows)}))
    if cand.local:
        reasons.append(Message("analysis.reason.local",
                               {"territory": territory_term(project.territory)}))
    if cand.new_sector:
        reasons.append(Message("analysis.reason.new_sector", {"sector": cand.actor.sector}))
    return Opportunity(kind=kind, source=cand.actor.id, target=project.id, score=cand.score,
                       reasons=tuple(reasons), introducer=None, path=(),
                       evidence=evidence_strength(cand.score, cand.new_sector))


def truncate(proposals: list[Opportunity], config: AnalysisConfig) -> list[Opportunity]:
    """``proposals`` best first (score descending, then target and source id), at most
    ``config.max_opportunities_per_kind`` (0 = all)."""
    proposals.sort(key=lambda o: (-o.score, o.target, o.source))
    if config.max_opportunities_per_kind:
        return proposals[:config.max_opportunities_per_kind]
    return proposals
