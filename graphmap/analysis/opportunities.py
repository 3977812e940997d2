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
from graphmap.model.views import GraphIndex, actor_flow_view, undirected_view
from graphmap.schema import ADOPTER_TYPES, Category, RelationType, Stage, fold

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
                          importance: Mapping[str, float] | None = None,
                          index: GraphIndex | None = None,
                          context: _Context | None = None) -> list[Opportunity]:
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
    if index is None:
        index = GraphIndex.from_graphs(undirected_view(dataset) if undirected is None
                                       else undirected)
    ties = project_ties(dataset) if ties is None else ties
    found = _project_proposals(dataset, (kind,), list(gaps), config=config, ties=ties,
                               index=index, context=context or _Context.build(dataset))
    carriers = carriers_by_project(dataset)
    return [_with_path(o, index, dataset, importance, carriers) for o in found[kind]]


def _project_proposals(dataset: Dataset, kinds: Sequence[str], gaps: Sequence[Gap], *,
                       config: AnalysisConfig, ties: Mapping[str, ProjectTies],
                       index: GraphIndex, context: _Context
                       ) -> dict[str, list[Opportunity]]:
    """The truncated proposals of each kind, without paths. Targets are visited once for
    all kinds, so the projects similar to a target are found once."""
    out: dict[str, list[Opportunity]] = {kind: [] for kind in kinds}
    if config.opportunities_per_project == 0:
        return out
    targets = {kind: {g.subject for g in gaps if g.code in TARGET_GAPS[kind]}
               for kind in kinds}
    pools = {kind: _CandidatePool.build(dataset, kind, context) for kind in kinds
             if targets[kind]}
    pools = {kind: pool for kind, pool in pools.items() if pool.actors}
    projects = dataset.projects
    position = {p.id: i for i, p in enumerate(projects)}
    limit = config.opportunities_per_project
    node = index.index
    for target_id in sorted(set().union(*(targets[kind] for kind in pools))):
        t = position[target_id]
        around = set(ties[target_id].actors)
        around.update(index.ids[v] for v in index.neighbours(node[target_id]).tolist())
        similar: dict[bool, tuple[np.ndarray, np.ndarray]] = {}
        for kind, pool in pools.items():
            if target_id in targets[kind]:
                out[kind].extend(_project_opportunity(kind, cand, projects[t], dataset)
                                 for cand in pool.best(t, around, limit, similar))
    return {kind: _truncate(found, config) for kind, found in out.items()}


@dataclass(frozen=True)
class _ProjectTable:
    """What similarity needs of every project, as arrays: themes (sparse, with the
    inverted index), territory code, stage rank, and the projects of each territory."""

    themes: Any  # csr projects × themes
    by_theme: Any  # csr themes × projects
    by_theme_stage: Mapping[tuple[int, int], np.ndarray]  # (theme, stage) -> projects
    by_theme_place: Mapping[tuple[int, int], np.ndarray]  # (theme, territory) -> projects
    theme_count: np.ndarray
    place: np.ndarray
    stage: np.ndarray
    in_place: Mapping[int, np.ndarray]
    id_rank: np.ndarray  # position of each project id in sorted order
    scratch_count: np.ndarray  # zeros between calls
    scratch_slot: np.ndarray
    scratch_theme: np.ndarray  # False between calls

    @classmethod
    def build(cls, projects: Sequence[Project], place_codes: Mapping[str, int]
              ) -> _ProjectTable:
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
        place = np.array([place_codes.get(p.territory, -1) if p.territory else -1
                          for p in projects], dtype=np.int64)
        stage = np.array([_STAGE_RANK[p.stage] for p in projects], dtype=np.int64)
        by_theme = sparse.csr_array(themes.T)
        by_theme_stage: dict[tuple[int, int], np.ndarray] = {}
        by_theme_place: dict[tuple[int, int], np.ndarray] = {}
        for k in range(by_theme.shape[0]):
            members = by_theme.indices[by_theme.indptr[k]:by_theme.indptr[k + 1]]
            for code, chunk in _groups_of(stage[members]).items():
                by_theme_stage[(k, code)] = members[chunk]
            for code, chunk in _groups_of(place[members]).items():
                by_theme_place[(k, code)] = members[chunk]
        return cls(themes=themes, by_theme=by_theme, by_theme_stage=by_theme_stage,
                   by_theme_place=by_theme_place,
                   theme_count=np.diff(themes.indptr), place=place, stage=stage,
                   in_place=_groups_of(place),
                   id_rank=_id_rank([p.id for p in projects]),
                   scratch_count=np.zeros(len(projects), dtype=np.int64),
                   scratch_slot=np.zeros(len(projects), dtype=np.int64),
                   scratch_theme=np.zeros(themes.shape[1], dtype=bool))

    def similar(self, t: int, *, high_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """The projects that share a theme or the territory with project ``t`` and
        their :func:`project_similarity` to it (0 for ``t`` itself), best first; every
        other project has similarity ``(same stage) / 3``.

        With ``high_only``, only the projects that can be above 1/3: those of the
        territory and those sharing a theme at the same stage (any other project is at
        most 1/3). Linear in the projects returned: no sort or hash of the candidates
        (scratch arrays count shared themes and keep each project once)."""
        mine = self.themes.indices[self.themes.indptr[t]:self.themes.indptr[t + 1]].tolist()
        stage = int(self.stage[t])
        place = int(self.place[t])
        if high_only:
            # Each (project, shared theme) once: same stage elsewhere, any stage here.
            chunks = []
            for k in mine:
                elsewhere = self.by_theme_stage.get((k, stage), _EMPTY)
                chunks.append(elsewhere[self.place[elsewhere] != place])
                if place >= 0:
                    chunks.append(self.by_theme_place.get((k, place), _EMPTY))
        else:
            by_theme = self.by_theme
            chunks = [by_theme.indices[by_theme.indptr[k]:by_theme.indptr[k + 1]]
                      for k in mine]
        counter, slot = self.scratch_count, self.scratch_slot
        for chunk in chunks:
            counter[chunk] += 1  # a chunk never repeats a project
        local = self.in_place.get(place, _EMPTY) if place >= 0 else _EMPTY
        every = np.concatenate([*chunks, local, _EMPTY])
        positions = np.arange(len(every))
        slot[every] = positions
        near = every[slot[every] == positions]
        inter = counter[near].astype(float)
        counter[every] = 0
        union = self.theme_count[t] + self.theme_count[near] - inter
        with np.errstate(divide="ignore", invalid="ignore"):
            jaccard = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
        same_place = (self.place[near] == place) & (place >= 0)
        same_stage = self.stage[near] == stage
        sims = np.asarray((jaccard + same_place + same_stage) / 3.0, dtype=float)
        sims[near == t] = 0.0
        order = np.argsort(-sims, kind="stable")
        return near[order], sims[order]


_EMPTY = np.zeros(0, dtype=np.int64)
_ONE_THIRD = (0.0 + 0.0 + 1.0) / 3.0  # the similarity of a same-stage project, nothing else


def _groups_of(codes: np.ndarray) -> dict[int, np.ndarray]:
    """Positions of each non-negative code, ascending."""
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    bounds = np.flatnonzero(np.diff(sorted_codes)) + 1
    return {int(chunk_codes[0]): chunk for chunk, chunk_codes in
            zip(np.split(order, bounds), np.split(sorted_codes, bounds), strict=True)
            if len(chunk) and chunk_codes[0] >= 0}


_ROLE_TYPES: Mapping[str, frozenset[RelationType]] = {
    "fund": frozenset({RelationType.FUNDS}), "support": frozenset({RelationType.SUPPORTS}),
    "adopt": ADOPTER_TYPES}
_TYPE_CODE: Mapping[RelationType, int] = {t: i for i, t in enumerate(RelationType)}
_STAGE_RANK: Mapping[Stage, int] = {s: s.rank for s in Stage}


@dataclass(frozen=True)
class _Context:
    """What every kind of proposal reads, built once: the relations as arrays (actor
    position, project position or -1, type code), actors' places, sectors and scopes,
    and the project table."""

    src: np.ndarray
    dst: np.ndarray
    typ: np.ndarray
    actor_place: np.ndarray
    actor_sector: np.ndarray
    anywhere: np.ndarray
    organisation_with_place: np.ndarray
    sector_codes: Mapping[str, int]
    sector_of: Mapping[str, int]
    table: _ProjectTable

    @classmethod
    def build(cls, dataset: Dataset) -> _Context:
        actors, projects, rels = dataset.actors, dataset.projects, dataset.relations
        actor_at = {a.id: i for i, a in enumerate(actors)}
        project_at = {p.id: i for i, p in enumerate(projects)}
        m = len(rels)
        src = np.fromiter((actor_at.get(r.source, -1) for r in rels), dtype=np.int64,
                          count=m)
        dst = np.fromiter((project_at.get(r.target, -1) for r in rels), dtype=np.int64,
                          count=m)
        codes = _TYPE_CODE
        typ = np.fromiter((codes[r.type] for r in rels), dtype=np.int64, count=m)
        sector_codes = {c: i for i, c in enumerate(sorted({a.sector.value for a in actors}))}
        place_codes: dict[str, int] = {}
        for territory in [a.territory for a in actors] + [p.territory for p in projects]:
            if territory is not None:
                place_codes.setdefault(territory, len(place_codes))
        return cls(
            src=src, dst=dst, typ=typ,
            actor_place=np.array([place_codes[a.territory] if a.territory else -1
                                  for a in actors], dtype=np.int64),
            actor_sector=np.array([sector_codes[a.sector.value] for a in actors],
                                  dtype=np.int64),
            anywhere=np.array([a.scope.reaches_everywhere for a in actors], dtype=bool),
            organisation_with_place=np.array(
                [a.category is not Category.INDIVIDUAL and bool(a.territory)
                 for a in actors], dtype=bool),
            sector_codes=sector_codes,
            sector_of={a.id: sector_codes[a.sector.value] for a in actors},
            table=_ProjectTable.build(projects, place_codes),
        )


@dataclass(frozen=True)
class _CandidatePool:
    """The actors who may be proposed for one kind, as arrays aligned with ``actors``.

    For a target project only the projects sharing a theme or its territory have a
    similarity above ``(same stage) / 3``: the candidates holding one of them, and the
    local ones, are scored exactly; every other candidate scores 0.6/3 + 0.2 z (it holds a
    project at the same stage) and comes, best id first, from per-(stage, sector) lists.
    The work per target is proportional to those projects, not to the whole pool.
    """

    actors: tuple[Actor, ...]
    projects: tuple[Project, ...]
    table: _ProjectTable
    holds: Any  # csr pool × projects: the projects each candidate holds in the role
    holders: Any  # csr projects × pool: who holds each project in the role
    same_stage: np.ndarray  # pool × stage rank: projects held at that stage
    sector: np.ndarray
    sector_of: Mapping[str, int]
    place: np.ndarray
    in_place: Mapping[int, np.ndarray]
    anywhere: np.ndarray
    id_rank: np.ndarray
    position: Mapping[str, int]
    by_stage: Mapping[tuple[int, int, bool], np.ndarray]
    sector_count: int
    # Scratch arrays over the pool, all False / unused between two calls.
    scratch_blocked: np.ndarray
    scratch_seen: np.ndarray
    scratch_slot: np.ndarray

    @classmethod
    def build(cls, dataset: Dataset, kind: str, context: _Context | None = None
              ) -> _CandidatePool:
        from scipy import sparse

        context = context or _Context.build(dataset)
        role = np.isin(context.typ, [_TYPE_CODE[t] for t in _ROLE_TYPES[kind]]) & (
            context.src >= 0)
        na, n_projects = len(dataset.actors), len(dataset.projects)
        in_pool = np.zeros(na, dtype=bool)  # holds the role anywhere, organisations too
        in_pool[context.src[role]] = True
        if kind == "adopt":
            in_pool |= context.organisation_with_place
        pool = np.flatnonzero(in_pool)
        actors = tuple(dataset.actors[i] for i in pool.tolist())
        slot = np.full(na, -1, dtype=np.int64)
        slot[pool] = np.arange(len(pool))
        on_project = role & (context.dst >= 0)
        pairs = np.unique(context.src[on_project] * max(n_projects, 1)
                          + context.dst[on_project])
        rows = slot[pairs // max(n_projects, 1)]
        cols = pairs % max(n_projects, 1)
        ones = np.ones(len(rows))
        holds = sparse.csr_array((ones, (rows, cols)), shape=(len(actors), n_projects))
        holds.sort_indices()
        holders = sparse.csr_array((ones, (cols, rows)), shape=(n_projects, len(actors)))
        holders.sort_indices()
        table = context.table
        stages = len(_STAGE_RANK)
        same_stage = np.zeros((len(actors), stages), dtype=np.int64)
        np.add.at(same_stage, (rows, table.stage[cols]), 1)
        sector = context.actor_sector[pool]
        anywhere = context.anywhere[pool]
        id_rank = _id_rank([a.id for a in actors])
        by_id = np.argsort(id_rank)
        by_stage: dict[tuple[int, int, bool], np.ndarray] = {}
        for stage in range(stages):
            holding = by_id[same_stage[by_id, stage] > 0]
            for code in range(len(context.sector_codes)):
                mine = holding[sector[holding] == code]
                by_stage[(stage, code, False)] = mine
                by_stage[(stage, code, True)] = mine[anywhere[mine]]
        place = context.actor_place[pool]
        return cls(
            actors=actors, projects=dataset.projects, table=table, holds=holds,
            holders=holders, same_stage=same_stage, sector=sector,
            sector_of=context.sector_of, place=place, in_place=_groups_of(place),
            anywhere=anywhere, id_rank=id_rank,
            position={a.id: i for i, a in enumerate(actors)}, by_stage=by_stage,
            sector_count=len(context.sector_codes),
            scratch_blocked=np.zeros(len(actors), dtype=bool),
            scratch_seen=np.zeros(len(actors), dtype=bool),
            scratch_slot=np.zeros(len(actors), dtype=np.int64),
        )

    def best(self, t: int, around: set[str], limit: int,
             similar: dict[bool, tuple[np.ndarray, np.ndarray]] | None = None
             ) -> list[_Candidate]:
        """The ``limit`` best candidates for project ``t``, already tied to ``around``
        (score descending, ties by id).

        Candidates are scored from the projects most similar to ``t`` first, a growing
        prefix at a time: once ``limit`` of them score above what any candidate not seen
        yet could reach, the answer is final. Otherwise every project sharing a theme or
        the territory is used, and the rest of the pool is read from the per-(stage,
        sector) lists.
        """
        excluded = np.array([self.position[a] for a in around if a in self.position],
                            dtype=np.int64)
        present = np.zeros(self.sector_count, dtype=bool)
        present[[self.sector_of[a] for a in around if a in self.sector_of]] = True
        self.scratch_blocked[excluded] = True
        try:
            return self._best(t, excluded, present, limit, {} if similar is None else similar)
        finally:
            self.scratch_blocked[excluded] = False

    def _similar(self, t: int, high_only: bool,
                 cache: dict[bool, tuple[np.ndarray, np.ndarray]]
                 ) -> tuple[np.ndarray, np.ndarray]:
        if high_only not in cache:
            cache[high_only] = self.table.similar(t, high_only=high_only)
        return cache[high_only]

    def _best(self, t: int, excluded: np.ndarray, present: np.ndarray, limit: int,
              cache: dict[bool, tuple[np.ndarray, np.ndarray]]) -> list[_Candidate]:
        near, sims = self._similar(t, True, cache)
        size = 4 * limit
        while size < len(near):
            # Anything not seen yet is at most this similar (1/3 beyond the high tier).
            ceiling = max(float(sims[size]), _ONE_THIRD)
            bound = round(SIMILARITY_WEIGHT * ceiling + LOCAL_WEIGHT + NEW_SECTOR_WEIGHT, 6)
            scored = self._score(t, near[:size], sims[:size], excluded, present,
                                 with_local=False)
            strong = scored[1] > bound
            if int(strong.sum()) >= limit:
                return self._pick(t, tuple(part[strong] for part in scored[:4]), limit)
            size *= 8
        bound = round(SIMILARITY_WEIGHT * _ONE_THIRD + LOCAL_WEIGHT + NEW_SECTOR_WEIGHT, 6)
        scored = self._score(t, near, sims, excluded, present, with_local=False)
        strong = scored[1] > bound
        if int(strong.sum()) >= limit:
            return self._pick(t, tuple(part[strong] for part in scored[:4]), limit)
        near, sims = self._similar(t, False, cache)
        scored = self._score(t, near, sims, excluded, present, with_local=True)
        return self._pick(t, self._with_rest(t, scored, excluded, present, limit), limit)

    def _score(self, t: int, near: np.ndarray, sims: np.ndarray, excluded: np.ndarray,
               present: np.ndarray, *, with_local: bool) -> tuple[np.ndarray, ...]:
        """Exact scores of the holders of ``near`` (sorted by similarity, best first),
        and of the pool's actors of the project's territory with ``with_local``:
        ``(candidates, score, local, new_sector, seen)`` with ``seen`` every actor scored,
        allowed or not. ``scratch_blocked`` marks ``excluded``."""
        table = self.table
        place = int(table.place[t])
        stage = int(table.stage[t])
        holders = self.holders
        starts, stops = holders.indptr[near], holders.indptr[near + 1]
        counts = stops - starts
        total = int(counts.sum())
        slot = self.scratch_slot
        if total:
            offsets = np.repeat(starts - np.r_[0, np.cumsum(counts)[:-1]], counts)
            members = holders.indices[np.arange(total) + offsets]
            # near is sorted by similarity: an actor's first entry is its best. Writing
            # positions backwards leaves each actor's first position in the slot.
            positions = np.arange(total)
            slot[members[::-1]] = positions[::-1]
            first = positions[slot[members] == positions]
            seen = members[first]
            best = np.repeat(sims, counts)[first]
        else:
            seen, best = _EMPTY, np.zeros(0)
        if with_local and place >= 0:
            local_pool = self.in_place.get(place, _EMPTY)
            marked = self.scratch_seen
            marked[seen] = True
            others = local_pool[~marked[local_pool]]
            marked[seen] = False
            seen = np.concatenate([seen, others])
            best = np.concatenate([best, np.zeros(len(others))])
        # Any same-stage project the actor holds is at least 1/3 similar (a near one or
        # not): this covers every project not in ``near``.
        best = np.where(self.same_stage[seen, stage] > 0, np.maximum(best, _ONE_THIRD), best)
        local = (self.place[seen] == place) & (place >= 0)
        allowed = ((self.anywhere[seen] | local | (place < 0)) & ((best > 0) | local)
                   & ~self.scratch_blocked[seen])
        new_sector = ~present[self.sector[seen]]
        score = np.round(SIMILARITY_WEIGHT * best + LOCAL_WEIGHT * local
                         + NEW_SECTOR_WEIGHT * new_sector, 6)
        return (seen[allowed], score[allowed], local[allowed], new_sector[allowed], seen)

    def _with_rest(self, t: int, scored: tuple[np.ndarray, ...], excluded: np.ndarray,
                   present: np.ndarray, limit: int) -> tuple[np.ndarray, ...]:
        """Add the best of the candidates not scored exactly: actors holding a project
        at the project's stage but none near it (similarity 1/3), not local; outside
        their territory only those who act anywhere (all when it is unknown)."""
        cand, score, local, new_sector, seen = scored
        place = int(self.table.place[t])
        stage = int(self.table.stage[t])
        blocked = self.scratch_blocked
        blocked[seen] = True
        try:
            extra = [_first_free(listed, blocked, limit)
                     for (s, _code, anywhere_only), listed in self.by_stage.items()
                     if s == stage and anywhere_only == (place >= 0) and len(listed)]
        finally:
            blocked[seen] = False
            blocked[excluded] = True
        if not extra:
            return scored
        rest = np.concatenate(extra)
        rest_new = ~present[self.sector[rest]]
        rest_score = np.round(SIMILARITY_WEIGHT * np.full(len(rest), _ONE_THIRD)
                              + NEW_SECTOR_WEIGHT * rest_new, 6)
        return (np.concatenate([cand, rest]), np.concatenate([score, rest_score]),
                np.concatenate([local, np.zeros(len(rest), dtype=bool)]),
                np.concatenate([new_sector, rest_new]), seen)

    def _pick(self, t: int, scored: tuple[np.ndarray, ...], limit: int) -> list[_Candidate]:
        cand, score, local, new_sector = scored[:4]
        chosen = np.lexsort((self.id_rank[cand], -score))[:limit]
        out = []
        holds = self.holds
        ids = self.table.id_rank
        for k in chosen.tolist():
            c = int(cand[k])
            mine = holds.indices[holds.indptr[c]:holds.indptr[c + 1]]
            sims = self._similarities(t, mine)
            similar = sims > 0
            mine, sims = mine[similar], sims[similar]
            top = np.lexsort((ids[mine], -sims))[:REASON_PROJECTS].tolist()
            ranked = tuple((self.projects[int(mine[i])].id, float(sims[i])) for i in top)
            out.append(_Candidate(self.actors[c], float(score[k]), ranked,
                                  bool(local[k]), bool(new_sector[k])))
        return out

    def _similarities(self, t: int, q: np.ndarray) -> np.ndarray:
        """:func:`project_similarity` of project ``t`` to each project of ``q`` (0 to
        itself), with the same arithmetic as :meth:`_ProjectTable.similar`."""
        table = self.table
        themes = table.themes
        if not len(q):
            return np.zeros(0)
        mine = table.scratch_theme
        mine[themes.indices[themes.indptr[t]:themes.indptr[t + 1]]] = True
        starts = themes.indptr[q]
        sizes = themes.indptr[q + 1] - starts
        total = int(sizes.sum())
        shift = np.repeat(starts - np.r_[0, np.cumsum(sizes)[:-1]], sizes)
        hits = mine[themes.indices[np.arange(total) + shift]]
        mine[:] = False
        inter = np.bincount(np.repeat(np.arange(len(q)), sizes), weights=hits,
                            minlength=len(q)).astype(float)
        union = table.theme_count[t] + table.theme_count[q] - inter
        with np.errstate(divide="ignore", invalid="ignore"):
            jaccard = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
        place = table.place[t]
        same_place = (table.place[q] == place) & (place >= 0)
        same_stage = table.stage[q] == table.stage[t]
        sims = np.asarray((jaccard + same_place + same_stage) / 3.0, dtype=float)
        sims[q == t] = 0.0
        return sims


def _first_free(listed: np.ndarray, blocked: np.ndarray, limit: int) -> np.ndarray:
    """The first ``limit`` entries of ``listed`` that are not ``blocked``."""
    size = max(4 * limit, 64)
    start = 0
    found: list[np.ndarray] = []
    have = 0
    while start < len(listed) and have < limit:
        chunk = listed[start:start + size]
        free = chunk[~blocked[chunk]]
        found.append(free)
        have += len(free)
        start += size
        size *= 4
    return np.concatenate(found)[:limit] if found else _EMPTY


def _id_rank(ids: Sequence[str]) -> np.ndarray:
    """Position of each id in sorted order, to break ties by id inside numpy sorts."""
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(np.array(ids, dtype=object), kind="stable")] = np.arange(len(ids))
    return rank


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
                              block_size: int = 2048,
                              index: GraphIndex | None = None,
                              carriers: Mapping[str, list[str]] | None = None
                              ) -> list[Opportunity]:
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
    actors = dataset.actors
    na = len(actors)
    if na < 2 or config.collaborations_per_actor == 0:
        return []
    if index is None:
        undirected = undirected_view(dataset) if undirected is None else undirected
        flow = actor_flow_view(dataset) if flow is None else flow
        index = GraphIndex.from_graphs(undirected, flow)
    # The views list the actors first, in input order.
    adjacency = index.csr()
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
    flow_adj = index.flow[:na][:, :na]
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
    proposals = _ranked_pairs(actors, u[first], v[first], score[first], id_rank=id_rank,
                              config=config)
    carriers = carriers_by_project(dataset) if carriers is None else carriers
    return [collaboration_details(o, index, dataset, importance, carriers)
            for o in proposals]


def _ranked_pairs(actors: Sequence[Actor], u: np.ndarray, v: np.ndarray, score: np.ndarray,
                  *, id_rank: np.ndarray, config: AnalysisConfig) -> list[Opportunity]:
    """The pairs in the order of :func:`_truncate` (score, then target and source id),
    cut to the per-kind limit before any object is made."""
    keep = np.lexsort((id_rank[u], id_rank[v], -score))
    if config.max_opportunities_per_kind:
        keep = keep[:config.max_opportunities_per_kind]
    return [Opportunity(kind="collaborate", source=actors[int(u[k])].id,
                        target=actors[int(v[k])].id, score=float(score[k]), reasons=(),
                        introducer=None, path=())
            for k in keep.tolist()]


def _best_per_row(rows: np.ndarray, cols: np.ndarray, data: np.ndarray,
                  id_rank: np.ndarray, keep: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``keep`` best entries of each row of a sparse triplet list: score descending,
    ties by the id of the column."""
    if len(rows) == 0:
        return rows, cols, data
    if len(rows) > 64 * keep and np.all(rows[1:] >= rows[:-1]):
        # Sorting millions of entries for a few per row is the cost here: first keep
        # only the entries at or above each row's keep-th best score (ties included),
        # found with ``keep`` linear passes.
        starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
        row_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(rows)]))
        remaining = data.astype(float)
        threshold = np.full(len(starts), -np.inf)
        have = np.zeros(len(starts))
        for _ in range(keep):
            top = np.maximum.reduceat(remaining, starts)
            need = (have < keep) & (top > -np.inf)
            threshold[need] = top[need]
            at_top = remaining == top[row_of]
            have += np.bincount(row_of, weights=at_top, minlength=len(starts))
            remaining[at_top] = -np.inf
        enough = data >= threshold[row_of]
        rows, cols, data = rows[enough], cols[enough], data[enough]
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


def collaboration_details(opp: Opportunity, index: GraphIndex, dataset: Dataset,
                           importance: Mapping[str, float] | None,
                           carriers: Mapping[str, list[str]]) -> Opportunity:
    """``opp`` (a ``collaborate`` proposal) with its reason and introduction path.

    Parameters
    ----------
    opp : Opportunity
        A proposal with ``source``, ``target`` and ``score`` set; its reasons, introducer
        and path are ignored.
    index : GraphIndex
        The undirected graph ``G_u`` as indexed arrays.
    dataset : Dataset
        The workspace; gives the names quoted in the reason.
    importance : mapping of str to float, optional
        Betweenness by node id, used to pick the introducer.
    carriers : mapping of str to list of str
        The carriers of every project (``carriers_by_project``).

    Returns
    -------
    Opportunity
        The same pair and score, with the shared-neighbours reason, the introducer and the
        path between them. Used by both the local engine and the Neo4j engine.
    """
    node = index.index
    degree = index.degree
    shared = (set(index.neighbours(node[opp.source]).tolist())
              & set(index.neighbours(node[opp.target]).tolist()))
    ranked = sorted(shared, key=lambda z: (int(degree[z]), index.ids[z]))
    names = [dataset.node_name(index.ids[z]) for z in ranked[:REASON_NEIGHBOURS]]
    more = len(shared) - len(names)
    reason = Message("analysis.reason.shared_neighbours_more" if more else
                     "analysis.reason.shared_neighbours",
                     {"count": len(shared), "names": ", ".join(names), "more": more})
    with_path = _with_path(opp, index, dataset, importance, carriers)
    return Opportunity(kind=opp.kind, source=opp.source, target=opp.target, score=opp.score,
                       reasons=(reason,), introducer=with_path.introducer,
                       path=with_path.path)


def _with_path(opp: Opportunity, index: GraphIndex, dataset: Dataset,
               importance: Mapping[str, float] | None,
               carriers: Mapping[str, list[str]]) -> Opportunity:
    introducer, path = _introducer(index, dataset, opp.source, opp.target,
                                   importance=importance, carriers=carriers)
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
    return _introducer(GraphIndex.from_graphs(undirected), dataset, source, target,
                       importance=importance, carriers=carriers)


def _introducer(index: GraphIndex, dataset: Dataset, source: str, target: str, *,
                importance: Mapping[str, float] | None,
                carriers: Mapping[str, list[str]] | None) -> tuple[str | None, tuple[str, ...]]:
    actors = dataset.actor_by_id
    ids = index.ids
    node = index.index
    degree = index.degree

    def rank(z: str) -> tuple[float, str]:
        weight = importance.get(z, 0.0) if importance else float(degree[node[z]])
        return (-(weight or 0.0), z)

    s, t = node[source], node[target]
    common = [ids[z] for z in set(index.neighbours(s).tolist())
              & set(index.neighbours(t).tolist()) if ids[z] in actors]
    if common:
        best = min(common, key=rank)
        return best, (source, best, target)
    found = index.shortest_path(s, t)
    if found is None:
        return None, ()
    path = tuple(ids[v] for v in found)
    inside = path[1:-1]
    for z in inside:
        if z in actors:
            return z, path
    carriers = carriers_by_project(dataset) if carriers is None else carriers
    for z in inside:
        knowing = sorted((c for c in carriers.get(z, ()) if c not in (source, target)),
                         key=rank)
        if knowing:
            return knowing[0], path
    return None, path


def find_opportunities(dataset: Dataset, gaps: Iterable[Gap],
                       config: AnalysisConfig | None = None, *,
                       undirected: nx.Graph[str] | None = None,
                       flow: nx.DiGraph[str] | None = None,
                       importance: Mapping[str, float] | None = None,
                       index: GraphIndex | None = None,
                       ties: Mapping[str, ProjectTies] | None = None,
                       progress: Any = None) -> tuple[Opportunity, ...]:
    """Every opportunity, kind by kind (fund, support, adopt, collaborate), each kind best
    first (score descending, then target and source id).

    ``progress("opportunities", k, 4)`` is called as the work goes (``k < 4``: the
    caller reports the end of the step)."""
    config = config or AnalysisConfig()
    if index is None:
        undirected = undirected_view(dataset) if undirected is None else undirected
        flow = actor_flow_view(dataset) if flow is None else flow
        index = GraphIndex.from_graphs(undirected, flow)
    gaps = list(gaps)
    ties = project_ties(dataset) if ties is None else ties
    out: list[Opportunity] = []
    context = _Context.build(dataset)
    if progress is not None:
        progress("opportunities", 1, 4)
    found = _project_proposals(dataset, ("fund", "support", "adopt"), gaps, config=config,
                               ties=ties, index=index, context=context)
    if progress is not None:
        progress("opportunities", 2, 4)
    carriers = carriers_by_project(dataset)
    for kind in ("fund", "support", "adopt"):
        out.extend(_with_path(o, index, dataset, importance, carriers) for o in found[kind])
    if progress is not None:
        progress("opportunities", 3, 4)
    out.extend(collaborate_opportunities(dataset, config, importance=importance,
                                         index=index, carriers=carriers))
    return tuple(out)
