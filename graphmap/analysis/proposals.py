"""Proposals: who could fund, support or adopt a project whose gaps call for it.

Every candidate can act where the project is (``scope``, :func:`can_act`), and no tie that
already exists is ever proposed. Scores are deterministic (no randomness), rounded to 6
decimals (see :mod:`graphmap.analysis.candidates`); ranks break ties by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from graphmap.analysis.candidates import (
    NEW_SECTOR_WEIGHT,
    ActorCodes,
    Candidate,
    CandidatePool,
    Nearby,
    adopts_practices,
    can_act,
)
from graphmap.analysis.introducers import known_positions, with_introducer
from graphmap.analysis.labels import Enumeration, territory_term
from graphmap.analysis.report import Gap, Opportunity
from graphmap.analysis.similarity import ProjectTable, folded, themes_of
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
           "project_opportunities", "project_proposals", "proposal", "truncate"]


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
    """The proposals of each kind, best first and cut to the limits, without introducers.
    Targets are visited once for all kinds, so the projects similar to a target are found
    once."""
    out: dict[str, list[Opportunity]] = {kind: [] for kind in kinds}
    if config.opportunities_per_project == 0:
        return out
    targets = {kind: {g.subject for g in gaps if g.code in TARGET_GAPS[kind]}
               for kind in kinds}
    if any(targets.values()):
        actors = ActorCodes.build(graph)
        table = ProjectTable.build(graph.dataset.projects,
                                   graph.territory_code[graph.actor_count:])
        pools = {kind: CandidatePool.build(graph, kind, actors, table) for kind in kinds
                 if targets[kind]}
    else:
        pools = {}
    pools = {kind: pool for kind, pool in pools.items() if pool.actors}
    projects = graph.dataset.projects
    na = graph.actor_count
    limit = config.opportunities_per_project
    roles = graph.project_roles
    for target_id in sorted(set().union(*(targets[kind] for kind in pools))):
        node = graph.index[target_id]
        t = node - na
        around = set(roles[target_id].actors)
        around.update(graph.ids[v] for v in graph.neighbours(node).tolist())
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
