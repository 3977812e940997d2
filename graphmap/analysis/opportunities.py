"""Opportunities: ties worth creating — who could fund, support or adopt a project that
lacks it, and which actors should meet (link prediction).

Scores are deterministic (no randomness) and rounded to 6 decimals; ranks break ties by
id. Every candidate can act where the target is (``scope``), and no tie that already
exists is ever proposed.

References
----------
.. [1] Zhou, T., Lü, L. & Zhang, Y.-C. (2009). Predicting missing links via local
   information. The European Physical Journal B 71(4), 623–630.
.. [2] Adamic, L. A. & Adar, E. (2003). Friends and neighbors on the Web. Social
   Networks 25(3), 211–230.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from graphmap.analysis.gaps import ProjectTies, project_ties
from graphmap.analysis.labels import sector_params, territory_params
from graphmap.analysis.report import Gap, Opportunity
from graphmap.config import AnalysisConfig
from graphmap.i18n import LANGS, Message, translate
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project
from graphmap.model.views import actor_flow_view, to_csr, undirected_view
from graphmap.schema import ADOPTER_TYPES, Category, RelationType, fold

KINDS: tuple[str, ...] = ("fund", "support", "adopt", "collaborate")
#: Which gaps make a project a target of each project-side kind.
TARGET_GAPS: Mapping[str, frozenset[str]] = {
    "fund": frozenset({"project.no_funder", "project.single_funder"}),
    "support": frozenset({"project.no_support", "project.low_diversity"}),
    "adopt": frozenset({"project.no_adopter"}),
}
#: Weights of a fund / support / adopt score: similarity of the candidate's projects,
#: presence in the project's territory, and a sector the project does not have yet.
SIMILARITY_WEIGHT = 0.6
LOCAL_WEIGHT = 0.2
NEW_SECTOR_WEIGHT = 0.2
REASON_PROJECTS = 2
REASON_NEIGHBOURS = 3


def can_act(actor: Actor, territory: str | None) -> bool:
    """Whether ``actor`` can act in ``territory``: ``regional``, ``provincial`` and
    ``national`` actors anywhere; a ``local`` actor only in its own territory. An unknown
    target territory does not exclude anyone.

    >>> from graphmap.schema import Scope, Sector
    >>> cld = Actor("c", "CLD", Sector.PUBLIC, territory="Laval")
    >>> can_act(cld, "Laval"), can_act(cld, "Mirabel"), can_act(cld, None)
    (True, False, True)
    >>> can_act(Actor("m", "M", Sector.PUBLIC, scope=Scope.PROVINCIAL), "Mirabel")
    True
    """
    if actor.scope.reaches_everywhere or territory is None:
        return True
    return actor.territory == territory


def project_similarity(p: Project, q: Project) -> float:
    """Similarity of two projects in [0, 1]: the mean of the Jaccard index of their themes
    (0 when either has none), same territory (1 or 0) and same stage (1 or 0).

    >>> from graphmap.schema import Stage
    >>> a = Project("a", "A", Stage.FEEDBACK, themes=("food", "housing"), territory="T")
    >>> b = Project("b", "B", Stage.FEEDBACK, themes=("Food",), territory="U")
    >>> round(project_similarity(a, b), 4)
    0.5
    """
    return _similarity((_themes(p), p.territory, p.stage), (_themes(q), q.territory, q.stage))


def _themes(project: Project) -> frozenset[str]:
    return frozenset(fold(t) for t in project.themes if t.strip())


def _similarity(p: tuple[frozenset[str], str | None, object],
                q: tuple[frozenset[str], str | None, object]) -> float:
    (tp, terr_p, stage_p), (tq, terr_q, stage_q) = p, q
    union = len(tp | tq)
    jaccard = len(tp & tq) / union if union else 0.0
    same_place = 1.0 if terr_p is not None and terr_p == terr_q else 0.0
    same_stage = 1.0 if stage_p == stage_q else 0.0
    return (jaccard + same_place + same_stage) / 3.0


@dataclass(frozen=True)
class _Candidate:
    actor: Actor
    score: float
    similar: tuple[tuple[str, float], ...]  # (project id, similarity), best first
    local: bool
    new_sector: bool


def project_opportunities(dataset: Dataset, kind: str, gaps: Iterable[Gap],
                          config: AnalysisConfig | None = None, *,
                          undirected: nx.Graph[str] | None = None,
                          ties: Mapping[str, ProjectTies] | None = None,
                          importance: Mapping[str, float] | None = None
                          ) -> list[Opportunity]:
    """``fund``, ``support`` or ``adopt`` proposals for the projects whose gaps call for
    them (``TARGET_GAPS``).

    Candidates are actors who already hold the role elsewhere, towards a project or an
    organisation (for ``adopt``, also the organisations located in the project's
    territory), who can act in the project's territory and are not tied to it yet. With
    :math:`s` the best
    :func:`project_similarity` between the project and the candidate's own projects in
    that role, :math:`\\ell` = 1 if the candidate is located in the project's territory
    and :math:`z` = 1 if its sector is not yet around the project:

    .. math:: \\text{score} = 0.6\\,s + 0.2\\,\\ell + 0.2\\,z

    A candidate needs :math:`s > 0` or :math:`\\ell = 1`. At most
    ``config.opportunities_per_project`` per project, best first (ties by id).

    Examples
    --------
    >>> from graphmap.model.records import Relation
    >>> from graphmap.schema import RelationType as R, Scope, Sector, Stage
    >>> from graphmap.analysis.gaps import find_gaps
    >>> ds = Dataset(
    ...     actors=(Actor("f", "Fondation", Sector.PHILANTHROPIC, scope=Scope.REGIONAL),
    ...             Actor("c", "Coop", Sector.SOCIAL_ECONOMY)),
    ...     projects=(Project("p", "Cuisine", Stage.MOBILIZATION, themes=("food",)),
    ...               Project("q", "Épicerie", Stage.MOBILIZATION, themes=("food",))),
    ...     relations=(Relation("f", "q", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                Relation("c", "q", R.CARRIES)))
    >>> [(o.source, o.target, o.score, o.path) for o in
    ...  project_opportunities(ds, "fund", find_gaps(ds))]
    [('f', 'p', 0.6, ('f', 'q', 'c', 'p'))]
    """
    config = config or AnalysisConfig()
    undirected = undirected_view(dataset) if undirected is None else undirected
    ties = project_ties(dataset) if ties is None else ties
    targets = sorted({g.subject for g in gaps if g.code in TARGET_GAPS[kind]})
    if not targets or config.opportunities_per_project == 0:
        return []
    projects = dataset.projects
    index = {p.id: i for i, p in enumerate(projects)}
    pool = _CandidatePool.build(dataset, kind, index)
    if not pool.actors:
        return []
    similarity = _similarity_rows([index[t] for t in targets], projects)
    project_place = pool.places_of([p.territory for p in projects])

    proposals: list[Opportunity] = []
    for row, target_id in enumerate(targets):
        t = index[target_id]
        sims = similarity[row]
        around = set(ties[target_id].actors) | set(undirected.adj[target_id])
        for cand in pool.best(sims, int(project_place[t]), around,
                              config.opportunities_per_project):
            proposals.append(_project_opportunity(kind, cand, projects[t], dataset))
    proposals = _truncate(proposals, config)
    carriers = carriers_by_project(dataset)
    return [_with_path(o, undirected, dataset, importance, carriers) for o in proposals]


@dataclass(frozen=True)
class _CandidatePool:
    """The actors who may be proposed for one kind, as arrays aligned with ``actors``."""

    actors: tuple[Actor, ...]
    projects: tuple[Project, ...]
    held: Mapping[str, tuple[int, ...]]  # actor id -> indices of its projects in the role
    holds: Any  # csr (actors × projects), sorted indices
    sector: np.ndarray
    sector_of: Mapping[str, int]
    place: np.ndarray
    place_codes: Mapping[str, int]
    anywhere: np.ndarray
    id_rank: np.ndarray
    position: Mapping[str, int]

    @classmethod
    def build(cls, dataset: Dataset, kind: str, index: Mapping[str, int]) -> _CandidatePool:
        from scipy import sparse

        role_types = {"fund": {RelationType.FUNDS}, "support": {RelationType.SUPPORTS},
                      "adopt": set(ADOPTER_TYPES)}[kind]
        held: dict[str, dict[int, None]] = {}
        active: set[str] = set()  # holds the role anywhere, organisations included
        for r in dataset.relations:
            if r.type in role_types:
                active.add(r.source)
                if r.target in index:
                    held.setdefault(r.source, {})[index[r.target]] = None
        actors = tuple(a for a in dataset.actors if a.id in active or (
            kind == "adopt" and a.category is not Category.INDIVIDUAL and a.territory))
        rows = [i for i, a in enumerate(actors) for _ in held.get(a.id, {})]
        cols = [q for a in actors for q in held.get(a.id, {})]
        holds = sparse.csr_array((np.ones(len(rows)), (rows, cols)),
                                 shape=(len(actors), len(dataset.projects)))
        holds.sort_indices()
        sectors = {code: i for i, code in enumerate(sorted({a.sector.value
                                                            for a in dataset.actors}))}
        sector_of = {a.id: sectors[a.sector.value] for a in dataset.actors}
        place_codes: dict[str, int] = {}
        for territory in [a.territory for a in actors] + [p.territory for p in
                                                          dataset.projects]:
            if territory is not None:
                place_codes.setdefault(territory, len(place_codes))
        return cls(
            actors=actors, projects=dataset.projects,
            held={a: tuple(qs) for a, qs in held.items()}, holds=holds,
            sector=np.array([sector_of[a.id] for a in actors], dtype=np.int64),
            sector_of=sector_of,
            place=np.array([place_codes.get(a.territory, -1) if a.territory else -1
                            for a in actors], dtype=np.int64),
            place_codes=place_codes,
            anywhere=np.array([a.scope.reaches_everywhere for a in actors], dtype=bool),
            id_rank=_id_rank([a.id for a in actors]),
            position={a.id: i for i, a in enumerate(actors)},
        )

    def places_of(self, territories: Sequence[str | None]) -> np.ndarray:
        return np.array([self.place_codes.get(t, -1) if t else -1 for t in territories],
                        dtype=np.int64)

    def best(self, sims: np.ndarray, place: int, around: set[str],
             limit: int) -> list[_Candidate]:
        """The ``limit`` best candidates for a project whose similarity to every project
        is ``sims``, located at ``place`` (-1: unknown), already tied to ``around``."""
        n = len(self.actors)
        has_role = np.diff(self.holds.indptr) > 0
        best = np.zeros(n)
        if self.holds.nnz:
            # Row-wise max of the similarities of each candidate's own projects.
            best[has_role] = np.maximum.reduceat(sims[self.holds.indices],
                                                 self.holds.indptr[:-1][has_role])
        local = (self.place == place) & (place >= 0)
        allowed = (self.anywhere | local | (place < 0)) & ((best > 0) | local)
        for a in around:
            if a in self.position:
                allowed[self.position[a]] = False
        present = [self.sector_of[a] for a in around if a in self.sector_of]
        new_sector = ~np.isin(self.sector, present)
        score = np.round(SIMILARITY_WEIGHT * best + LOCAL_WEIGHT * local
                         + NEW_SECTOR_WEIGHT * new_sector, 6)
        chosen = np.flatnonzero(allowed)
        chosen = chosen[np.lexsort((self.id_rank[chosen], -score[chosen]))][:limit]
        out = []
        for c in chosen:
            actor = self.actors[c]
            ranked = sorted(((self.projects[q].id, float(sims[q]))
                             for q in self.held.get(actor.id, ()) if sims[q] > 0),
                            key=lambda item: (-item[1], item[0]))
            out.append(_Candidate(actor, float(score[c]), tuple(ranked[:REASON_PROJECTS]),
                                  bool(local[c]), bool(new_sector[c])))
        return out


def _id_rank(ids: Sequence[str]) -> np.ndarray:
    """Position of each id in sorted order, to break ties by id inside numpy sorts."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(np.array(ids, dtype=object), kind="stable")] = np.arange(len(ids))
    return rank


def _similarity_rows(target_rows: Sequence[int], projects: Sequence[Project]) -> np.ndarray:
    """:func:`project_similarity` of each target project to every project (targets ×
    projects; 0 on itself), vectorized: theme intersections are a sparse product."""
    from scipy import sparse

    theme_ids: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, p in enumerate(projects):
        for theme in sorted(_themes(p)):
            rows.append(i)
            cols.append(theme_ids.setdefault(theme, len(theme_ids)))
    themes = sparse.csr_array((np.ones(len(rows)), (rows, cols)),
                              shape=(len(projects), max(1, len(theme_ids))))
    picked = np.asarray(target_rows, dtype=np.int64)
    inter = (themes[picked] @ themes.T).toarray()
    sizes = np.asarray(themes.sum(axis=1)).ravel()
    union = sizes[picked][:, None] + sizes[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
    place = _codes([p.territory for p in projects])
    stage = np.array([p.stage.rank for p in projects])
    same_place = (place[picked][:, None] == place[None, :]) & (place[picked][:, None] >= 0)
    same_stage = stage[picked][:, None] == stage[None, :]
    out = np.asarray((jaccard + same_place + same_stage) / 3.0, dtype=float)
    out[np.arange(len(picked)), picked] = 0.0
    return out


def _project_opportunity(kind: str, cand: _Candidate, project: Project,
                         dataset: Dataset) -> Opportunity:
    reasons: list[Message] = []
    target_themes = _themes(project)
    for q_id, _sim in cand.similar:
        q = dataset.project_by_id[q_id]
        shared = [t for t in q.themes if fold(t) in target_themes]
        params: dict[str, object] = {"project": q.name}
        for lang in LANGS:
            bits = list(shared)
            if project.territory and q.territory == project.territory:
                bits.append(translate("analysis.reason.same_territory", lang))
            if q.stage == project.stage:
                bits.append(translate("analysis.reason.same_stage", lang))
            params[f"shared_{lang}"] = ", ".join(bits)
        reasons.append(Message(f"analysis.reason.{kind}_similar", params))
    if cand.local:
        reasons.append(Message("analysis.reason.local",
                               territory_params("territory", project.territory)))
    if cand.new_sector:
        reasons.append(Message("analysis.reason.new_sector",
                               sector_params("sector", [cand.actor.sector.value])))
    return Opportunity(kind=kind, source=cand.actor.id, target=project.id, score=cand.score,
                       reasons=tuple(reasons), introducer=None, path=())


def collaborate_opportunities(dataset: Dataset, config: AnalysisConfig | None = None, *,
                              undirected: nx.Graph[str] | None = None,
                              flow: nx.DiGraph[str] | None = None,
                              importance: Mapping[str, float] | None = None,
                              block_size: int = 2048) -> list[Opportunity]:
    """``collaborate`` proposals: pairs of actors not tied yet (neither in ``G_u`` nor in
    the flow graph ``F``) who share neighbours, scored by the resource allocation index [1]_

    .. math:: s(u, v) = \\sum_{z \\in N(u) \\cap N(v)} \\frac{1}{\\deg z}

    (or Adamic–Adar [2]_, :math:`1/\\ln \\deg z`, with ``config.link_prediction``). The
    scores of all two-hop pairs are the sparse product :math:`A D^{-1} A^T` over actor
    rows, computed by blocks of rows: pairs are never enumerated. Each actor keeps its
    ``config.collaborations_per_actor`` best partners (ties by id); a pair is reported
    once, with ``source`` the smaller id. Two ``local`` actors of different territories
    are never paired.

    Examples
    --------
    >>> from graphmap.model.records import Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(
    ...     actors=tuple(Actor(x, x.upper(), Sector.COMMUNITY) for x in "abc"),
    ...     projects=(Project("p", "P", Stage.EMERGENCE), Project("q", "Q", Stage.EMERGENCE)),
    ...     relations=(Relation("a", "p", R.SUPPORTS), Relation("b", "p", R.SUPPORTS),
    ...                Relation("a", "q", R.SUPPORTS), Relation("b", "q", R.SUPPORTS),
    ...                Relation("c", "q", R.SUPPORTS)))
    >>> [(o.source, o.target, o.score) for o in collaborate_opportunities(ds)]
    [('a', 'b', 0.833333), ('a', 'c', 0.333333), ('b', 'c', 0.333333)]
    """
    from scipy import sparse

    config = config or AnalysisConfig()
    undirected = undirected_view(dataset) if undirected is None else undirected
    flow = actor_flow_view(dataset) if flow is None else flow
    actors = dataset.actors
    na = len(actors)
    if na < 2 or config.collaborations_per_actor == 0:
        return []
    order = tuple(undirected.nodes())
    # undirected_view inserts the actors first, in input order.
    adjacency = to_csr(undirected, order)
    degree = np.asarray(adjacency.sum(axis=1)).ravel().astype(float)
    weight = np.zeros_like(degree)
    many = degree >= 2
    if config.link_prediction == "adamic_adar":
        weight[many] = 1.0 / np.log(degree[many])
    else:
        weight[many] = 1.0 / degree[many]
    rows_actor = adjacency[:na]
    weighted = (rows_actor @ sparse.diags_array(weight)).tocsr()
    cols_actor_t = rows_actor.T.tocsr()
    flow_adj = to_csr(flow, tuple(a.id for a in actors))
    tied = (rows_actor[:, :na] + flow_adj + flow_adj.T).tocsr()
    tied.data[:] = 1

    territory_code = _codes([a.territory for a in actors])
    local = np.array([not a.scope.reaches_everywhere for a in actors])
    id_rank = _id_rank([a.id for a in actors])
    keep = config.collaborations_per_actor
    found_u: list[np.ndarray] = []
    found_v: list[np.ndarray] = []
    found_s: list[np.ndarray] = []
    for start in range(0, na, block_size):
        stop = min(start + block_size, na)
        block = (weighted[start:stop] @ cols_actor_t).tocsr()
        block = block - block.multiply(tied[start:stop])
        block = block.tocoo()
        rows, cols, data = block.row + start, block.col, block.data
        # One of the two must be able to act where the other is (see can_act): only two
        # local actors of known, different territories are kept apart.
        place_r, place_c = territory_code[rows], territory_code[cols]
        apart = local[rows] & local[cols] & (place_r >= 0) & (place_c >= 0) & (
            place_r != place_c)
        ok = (rows != cols) & (data > 0) & ~apart
        rows, cols, data = _best_per_row(rows[ok], cols[ok], np.round(data[ok], 6),
                                         id_rank, keep)
        found_u.append(rows)
        found_v.append(cols)
        found_s.append(data)
    u, v, score = np.concatenate(found_u), np.concatenate(found_v), np.concatenate(found_s)
    swap = id_rank[u] > id_rank[v]
    u, v = np.where(swap, v, u), np.where(swap, u, v)
    _, first = np.unique(u * na + v, return_index=True)
    proposals = [Opportunity(kind="collaborate", source=actors[int(u[k])].id,
                             target=actors[int(v[k])].id, score=float(score[k]), reasons=(),
                             introducer=None, path=())
                 for k in first]
    proposals = _truncate(proposals, config)
    carriers = carriers_by_project(dataset)
    return [_collaboration_details(o, undirected, dataset, importance, carriers)
            for o in proposals]


def _best_per_row(rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
                  id_rank: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``keep`` best entries of each row of a sparse triplet list: score descending,
    ties by the id of the column."""
    if len(rows) == 0:
        return rows, cols, data
    sort = np.lexsort((id_rank[cols], -data, rows))
    rows, cols, data = rows[sort], cols[sort], data[sort]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    counts = np.diff(np.r_[starts, len(rows)])
    kept = (np.arange(len(rows)) - np.repeat(starts, counts)) < keep
    return rows[kept], cols[kept], data[kept]


def _codes(values: Sequence[str | None]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values],
                    dtype=np.int64)


def _truncate(proposals: list[Opportunity], config: AnalysisConfig) -> list[Opportunity]:
    proposals.sort(key=lambda o: (-o.score, o.target, o.source))
    if config.max_opportunities_per_kind:
        return proposals[:config.max_opportunities_per_kind]
    return proposals


def _collaboration_details(opp: Opportunity, undirected: nx.Graph[str], dataset: Dataset,
                           importance: Mapping[str, float] | None,
                           carriers: Mapping[str, list[str]]) -> Opportunity:
    shared = set(undirected.adj[opp.source]) & set(undirected.adj[opp.target])
    ranked = sorted(shared, key=lambda z: (undirected.degree(z), z))
    names = [dataset.node_name(z) for z in ranked[:REASON_NEIGHBOURS]]
    more = len(shared) - len(names)
    reason = Message("analysis.reason.shared_neighbours_more" if more else
                     "analysis.reason.shared_neighbours",
                     {"count": len(shared), "names": ", ".join(names), "more": more})
    with_path = _with_path(opp, undirected, dataset, importance, carriers)
    return Opportunity(kind=opp.kind, source=opp.source, target=opp.target, score=opp.score,
                       reasons=(reason,), introducer=with_path.introducer,
                       path=with_path.path)


def _with_path(opp: Opportunity, undirected: nx.Graph[str], dataset: Dataset,
               importance: Mapping[str, float] | None,
               carriers: Mapping[str, list[str]]) -> Opportunity:
    introducer, path = find_introducer(undirected, dataset, opp.source, opp.target,
                                       importance, carriers=carriers)
    return Opportunity(kind=opp.kind, source=opp.source, target=opp.target, score=opp.score,
                       reasons=opp.reasons, introducer=introducer, path=path)


def carriers_by_project(dataset: Dataset) -> dict[str, list[str]]:
    """The carriers of every project that has one, in input order."""
    out: dict[str, list[str]] = {}
    for r in dataset.relations:
        if r.type is RelationType.CARRIES and r.source not in out.get(r.target, ()):
            out.setdefault(r.target, []).append(r.source)
    return out


def find_introducer(undirected: nx.Graph[str], dataset: Dataset, source: str, target: str,
                    importance: Mapping[str, float] | None = None, *,
                    carriers: Mapping[str, list[str]] | None = None
                    ) -> tuple[str | None, tuple[str, ...]]:
    """The best actor to make an introduction between ``source`` and ``target``, and the
    path through it.

    1. an actor tied to both (the most central by ``importance``, else by degree; ties by
       id): path ``(source, introducer, target)``;
    2. else the first actor inside a shortest path of ``G_u``;
    3. else, when that path only crosses projects, a carrier of its first project (who
       knows the people around it);
    4. else ``None``; the path is empty when the two are not connected at all.

    >>> from graphmap.model.records import Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abm"),
    ...              relations=(Relation("a", "m", R.COLLABORATES),
    ...                         Relation("m", "b", R.MEMBER_OF)))
    >>> find_introducer(undirected_view(ds), ds, "a", "b")
    ('m', ('a', 'm', 'b'))
    """
    actors = dataset.actor_by_id

    def rank(node: str) -> tuple[float, str]:
        weight = importance.get(node, 0.0) if importance else float(undirected.degree(node))
        return (-(weight or 0.0), node)

    common = [z for z in set(undirected.adj[source]) & set(undirected.adj[target])
              if z in actors]
    if common:
        best = min(common, key=rank)
        return best, (source, best, target)
    try:
        path = tuple(nx.bidirectional_shortest_path(undirected, source, target))
    except nx.NetworkXNoPath:
        return None, ()
    inside = path[1:-1]
    for node in inside:
        if node in actors:
            return node, path
    carriers = carriers_by_project(dataset) if carriers is None else carriers
    for node in inside:
        knowing = sorted((c for c in carriers.get(node, ()) if c not in (source, target)),
                         key=rank)
        if knowing:
            return knowing[0], path
    return None, path


def find_opportunities(dataset: Dataset, gaps: Iterable[Gap],
                       config: AnalysisConfig | None = None, *,
                       undirected: nx.Graph[str] | None = None,
                       flow: nx.DiGraph[str] | None = None,
                       importance: Mapping[str, float] | None = None
                       ) -> tuple[Opportunity, ...]:
    """Every opportunity, kind by kind (fund, support, adopt, collaborate), each kind best
    first (score descending, then target and source id)."""
    config = config or AnalysisConfig()
    undirected = undirected_view(dataset) if undirected is None else undirected
    flow = actor_flow_view(dataset) if flow is None else flow
    gaps = list(gaps)
    ties = project_ties(dataset)
    out: list[Opportunity] = []
    for kind in ("fund", "support", "adopt"):
        out.extend(project_opportunities(dataset, kind, gaps, config, undirected=undirected,
                                         ties=ties, importance=importance))
    out.extend(collaborate_opportunities(dataset, config, undirected=undirected, flow=flow,
                                         importance=importance))
    return tuple(out)
