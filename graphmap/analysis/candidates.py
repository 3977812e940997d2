"""Candidates: the actors who may be proposed to fund, support or adopt a project, scored.

With :math:`s` the best :func:`~graphmap.analysis.similarity.project_similarity` between
the project and the candidate's own projects in the role, :math:`\\ell` = 1 if the
candidate is located in the project's territory and :math:`z` = 1 if its sector is not yet
around the project:

.. math:: \\text{score} = 0.6\\,s + 0.2\\,\\ell + 0.2\\,z

(:data:`SIMILARITY_WEIGHT`, :data:`LOCAL_WEIGHT`, :data:`NEW_SECTOR_WEIGHT`), rounded to 6
decimals. Every candidate has evidence of the role: it already funds or supports (for
``fund`` and ``support``); for ``adopt`` it adopts or benefits from a project sharing a
theme, or it is of a kind that adopts practices (:func:`adopts_practices`) and knows an
actor tied to the project. A territory or a missing sector is never enough on its own.
:class:`CandidatePool` finds the best candidates of a project without scoring
the whole pool; ``graphmap.analysis.proposals`` turns them into opportunities.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

from graphmap.analysis.reach import Nesting, can_act
from graphmap.analysis.similarity import (
    EMPTY,
    ONE_THIRD,
    STAGE_RANK,
    ProjectTable,
    positions_by_code,
)
from graphmap.model.compiled import EcosystemGraph, csr_rows
from graphmap.model.records import Actor, Project
from graphmap.schema import ADOPTER_TYPES, Category, RelationType, Scope, Sector

__all__ = ["ADOPTING_SECTORS", "LOCAL_WEIGHT", "NEW_SECTOR_WEIGHT", "REASON_PROJECTS",
           "ROLE_TYPES", "SIMILARITY_WEIGHT", "ActorCodes", "Candidate", "CandidatePool",
           "Chosen", "Nearby", "Nesting", "adopts_practices", "can_act"]

#: Weights of a fund / support / adopt score: similarity of the candidate's projects,
#: presence in the project's territory, and a sector the project does not have yet.
SIMILARITY_WEIGHT = 0.6
LOCAL_WEIGHT = 0.2
NEW_SECTOR_WEIGHT = 0.2
#: Similar projects named in the reasons of a proposal, at most.
REASON_PROJECTS = 2
#: The relation types that make an actor a holder of each kind's role.
ROLE_TYPES: Mapping[str, frozenset[RelationType]] = {
    "fund": frozenset({RelationType.FUNDS}), "support": frozenset({RelationType.SUPPORTS}),
    "adopt": ADOPTER_TYPES}
#: Sectors whose organisations adopt practices: community organisations, institutions
#: (public bodies, universities and colleges); and citizen groups (not individuals).
ADOPTING_SECTORS: frozenset[Sector] = frozenset({Sector.COMMUNITY, Sector.PUBLIC,
                                                 Sector.ACADEMIC})


def adopts_practices(actor: Actor) -> bool:
    """Whether ``actor`` is of a kind that adopts practices: a community organisation, an
    institution (public, academic) or a citizen group (not an individual).

    >>> from graphmap.schema import Sector
    >>> adopts_practices(Actor("a", "CDC", Sector.COMMUNITY))
    True
    >>> adopts_practices(Actor("b", "Caisse", Sector.PRIVATE))
    False
    >>> adopts_practices(Actor("c", "Comité", Sector.CITIZEN, category=Category.GROUP))
    True
    """
    if actor.category is Category.INDIVIDUAL:
        return False
    return actor.sector in ADOPTING_SECTORS or (
        actor.sector is Sector.CITIZEN and actor.category is Category.GROUP)


@dataclass(frozen=True)
class Candidate:
    """One scored candidate: ``similar`` lists its most similar projects in the role
    (project id, similarity), best first."""

    actor: Actor
    score: float
    similar: tuple[tuple[str, float], ...]
    local: bool
    new_sector: bool
    #: For an adopter chosen for its kind: the actor tied to the project it knows.
    knows: str | None = None


class Chosen(NamedTuple):
    """The best candidates of one project, best first, before any object is made: pool
    positions, scores, ``local`` and ``new_sector`` flags (arrays), and for each the
    ``knows`` of :class:`Candidate`."""

    cand: np.ndarray
    score: np.ndarray
    local: np.ndarray
    new_sector: np.ndarray
    knows: tuple[str | None, ...]


class Nearby(NamedTuple):
    """The actors of a kind that adopts practices who know an actor tied to a project
    (:func:`graphmap.analysis.proposals.nearby_adopters`): their node positions, ascending,
    and for each the actor it knows, as an index into ``tied`` (ids in order)."""

    actors: np.ndarray
    via: np.ndarray
    tied: tuple[str, ...]


@dataclass(frozen=True)
class ActorCodes:
    """What the pools read of every actor, as arrays over the actors (input order):
    territory code (-1 = none), sector code, whether it acts anywhere (scope), whether it
    is of a kind that adopts practices (:func:`adopts_practices`)."""

    place: np.ndarray
    sector: np.ndarray
    anywhere: np.ndarray
    adopting: np.ndarray
    sector_codes: Mapping[str, int]
    #: Node position of each id (actors first: below ``len(place)``), the graph's index.
    index: Mapping[str, int]

    @classmethod
    def build(cls, graph: EcosystemGraph) -> ActorCodes:
        actors = graph.dataset.actors
        # ``_value_`` (a plain attribute, hashed in C) rather than ``.value`` and members
        # as keys: this runs over every actor.
        values = [a.sector._value_ for a in actors]
        sector_codes = {c: i for i, c in enumerate(sorted(set(values)))}
        sector = np.array([sector_codes[v] for v in values], dtype=np.int64)
        reach = {s._value_: s.reaches_everywhere for s in Scope}
        # adopts_practices, by sector code and category.
        by_sector = np.array([Sector(v) in ADOPTING_SECTORS for v in sector_codes], dtype=bool)
        citizen = sector_codes.get(Sector.CITIZEN.value, -1)
        individual = np.array([a.category is Category.INDIVIDUAL for a in actors], dtype=bool)
        group = np.array([a.category is Category.GROUP for a in actors], dtype=bool)
        adopting = ~individual & (by_sector[sector] | ((sector == citizen) & group))
        return cls(
            place=graph.territory_code[:graph.actor_count], sector=sector,
            anywhere=np.array([reach[a.scope._value_] for a in actors], dtype=bool),
            adopting=adopting, sector_codes=sector_codes, index=graph.index,
        )


@dataclass(frozen=True)
class CandidatePool:
    """The actors who may be proposed for one kind, as arrays aligned with ``actors``.

    For a target project only the projects sharing a theme or its territory have a
    similarity above ``(same stage) / 3``: the candidates holding one of them, and the
    local ones, are scored exactly; every other candidate scores 0.6/3 + 0.2 z (it holds a
    project at the same stage) and comes, best id first, from per-(stage, sector) lists.
    The work per target is proportional to those projects, not to the whole pool.
    """

    actors: tuple[Actor, ...]
    projects: tuple[Project, ...]
    table: ProjectTable
    holds: Any  # csr pool × projects: the projects each candidate holds in the role
    holders: Any  # csr projects × pool: who holds each project in the role
    same_stage: np.ndarray  # pool × stage rank: projects held at that stage
    sector: np.ndarray
    codes: ActorCodes
    place: np.ndarray
    in_place: Mapping[int, np.ndarray]
    anywhere: np.ndarray
    id_rank: np.ndarray
    project_rank: np.ndarray  # rank of each project id, as id_rank
    slot: np.ndarray  # over the actors: position in the pool, -1 when not in it
    by_stage: Mapping[tuple[int, int, bool], np.ndarray]
    sector_count: int
    #: With a territories table: who can act in a territory (by code), by nesting.
    nesting: Nesting | None
    # Scratch arrays over the pool, all False / unused between two calls.
    scratch_blocked: np.ndarray
    scratch_seen: np.ndarray
    scratch_slot: np.ndarray

    @classmethod
    def build(cls, graph: EcosystemGraph, kind: str, actors: ActorCodes,
              table: ProjectTable) -> CandidatePool:
        """The pool of ``kind`` (``fund``, ``support`` or ``adopt``)."""
        na = graph.actor_count
        n_projects = graph.node_count - na
        src, dst = graph.relation_source, graph.relation_target
        role = graph.relations_of(ROLE_TYPES[kind]) & (src < na)
        in_pool = np.zeros(na, dtype=bool)  # holds the role anywhere
        in_pool[src[role]] = True
        if kind == "adopt":
            in_pool |= actors.adopting  # may adopt when tied nearby
        pool = np.flatnonzero(in_pool)
        members = tuple(map(graph.dataset.actors.__getitem__, pool.tolist()))
        slot = np.full(na, -1, dtype=np.int64)
        slot[pool] = np.arange(len(pool))
        on_project = role & (dst >= na)
        # Sorted and deduplicated by hand: np.unique hashes, many times slower here.
        pairs = np.sort(src[on_project] * max(n_projects, 1) + (dst[on_project] - na))
        pairs = pairs[np.concatenate([pairs[:1] == pairs[:1], pairs[1:] != pairs[:-1]])]
        rows = slot[pairs // max(n_projects, 1)]
        cols = pairs % max(n_projects, 1)
        ones = np.ones(len(rows))
        holds = sparse.csr_array((ones, (rows, cols)), shape=(len(members), n_projects))
        holds.sort_indices()
        holders = sparse.csr_array((ones, (cols, rows)), shape=(n_projects, len(members)))
        holders.sort_indices()
        stages = len(STAGE_RANK)
        same_stage = np.zeros((len(members), stages), dtype=np.int64)
        np.add.at(same_stage, (rows, table.stage[cols]), 1)
        sector = actors.sector[pool]
        anywhere = actors.anywhere[pool]
        id_rank = graph.id_rank[pool]
        by_id = np.argsort(id_rank)
        by_stage: dict[tuple[int, int, bool], np.ndarray] = {}
        for stage in range(stages):
            holding = by_id[same_stage[by_id, stage] > 0]
            for code in range(len(actors.sector_codes)):
                mine = holding[sector[holding] == code]
                by_stage[(stage, code, False)] = mine
                by_stage[(stage, code, True)] = mine[anywhere[mine]]
        place = actors.place[pool]
        return cls(
            actors=members, projects=graph.dataset.projects, table=table, holds=holds,
            holders=holders, same_stage=same_stage, sector=sector,
            codes=actors, place=place, in_place=positions_by_code(place),
            anywhere=anywhere, id_rank=id_rank, project_rank=graph.id_rank[na:],
            slot=slot, by_stage=by_stage,
            sector_count=len(actors.sector_codes), nesting=Nesting.build(graph, members),
            scratch_blocked=np.zeros(len(members), dtype=bool),
            scratch_seen=np.zeros(len(members), dtype=bool),
            scratch_slot=np.zeros(len(members), dtype=np.int64),
        )

    def best(self, t: int, around: set[str], limit: int,
             similar: dict[bool, tuple[np.ndarray, np.ndarray]] | None = None
             ) -> list[Candidate]:
        """The ``limit`` best candidates for project ``t``, already tied to ``around``
        (score descending, ties by id): :meth:`best_chosen` made into candidates."""
        return self.candidates(t, self.best_chosen(t, around, limit, similar))

    def best_chosen(self, t: int, around: set[str], limit: int,
                    similar: dict[bool, tuple[np.ndarray, np.ndarray]] | None = None
                    ) -> Chosen:
        """The ``limit`` best candidates for project ``t`` as arrays (:class:`Chosen`).

        Candidates are scored from the projects most similar to ``t`` first, a growing
        prefix at a time: once ``limit`` of them score above what any candidate not seen
        yet could reach, the answer is final. Otherwise every project sharing a theme or
        the territory is used, and the rest of the pool is read from the per-(stage,
        sector) lists.
        """
        excluded, present = self._around(around)
        self.scratch_blocked[excluded] = True
        try:
            return self._best(t, excluded, present, limit, {} if similar is None else similar)
        finally:
            self.scratch_blocked[excluded] = False

    def _around(self, around: set[str]) -> tuple[np.ndarray, np.ndarray]:
        """The pool positions of ``around``, and which sectors it holds (by code)."""
        index, na = self.codes.index, len(self.slot)
        tied = np.array([index[a] for a in around], dtype=np.int64)
        tied = tied[tied < na]
        excluded = self.slot[tied]
        present = np.zeros(self.sector_count, dtype=bool)
        present[self.codes.sector[tied]] = True
        return excluded[excluded >= 0], present

    def best_adopters(self, t: int, around: set[str], limit: int, nearby: Nearby,
                      similar: dict[bool, tuple[np.ndarray, np.ndarray]] | None = None
                      ) -> list[Candidate]:
        """The ``limit`` best ``adopt`` candidates for project ``t`` that have evidence of
        adoption: they adopt or benefit from a project sharing a theme with ``t``, or
        they are in ``nearby`` (the caller keeps only kinds that adopt practices). Scores
        as :meth:`best`, exact: :meth:`best_adopters_chosen` made into candidates."""
        return self.candidates(t, self.best_adopters_chosen(t, around, limit, nearby, similar))

    def best_adopters_chosen(self, t: int, around: set[str], limit: int, nearby: Nearby,
                             similar: dict[bool, tuple[np.ndarray, np.ndarray]] | None = None
                             ) -> Chosen:
        """:meth:`best_adopters` as arrays (:class:`Chosen`)."""
        excluded, present = self._around(around)
        blocked = self.scratch_blocked
        blocked[excluded] = True
        try:
            near, sims = self._similar(t, False, {} if similar is None else similar)
            cand, score, local, new_sector, seen = self._score(
                t, near, sims, excluded, present, with_local=False)
            table = self.table
            themes = table.themes.indices[table.themes.indptr[t]:table.themes.indptr[t + 1]]
            sharing = np.zeros(len(self.projects), dtype=bool)
            sharing[csr_rows(table.by_theme.indptr, table.by_theme.indices, themes)[0]] = True
            sharing[t] = False
            theme_holder = np.zeros(len(self.actors), dtype=bool)
            theme_holder[csr_rows(self.holders.indptr, self.holders.indices,
                                  np.flatnonzero(sharing))[0]] = True
            slots = self.slot[nearby.actors]
            # Ascending, as the pool keeps the actors' order.
            known, via = slots[slots >= 0], nearby.via[slots >= 0]
            is_known = np.zeros(len(self.actors), dtype=bool)
            is_known[known] = True
            keep = theme_holder[cand] | is_known[cand]
            cand, score, local, new_sector = (part[keep] for part in
                                              (cand, score, local, new_sector))
            # Kinds that adopt, tied nearby, holding no project near t: similarity 1/3
            # if they hold one at t's stage, else 0.
            is_known[seen] = False
            extra = np.flatnonzero(is_known & ~blocked)
            place = int(table.place[t])
            extra_local = (self.place[extra] == place) & (place >= 0)
            extra = extra[self.reaching(place)[extra] | extra_local | (place < 0)]
            extra_local = (self.place[extra] == place) & (place >= 0)
            extra_sim = np.where(self.same_stage[extra, int(table.stage[t])] > 0, ONE_THIRD,
                                 0.0)
            extra_new = ~present[self.sector[extra]]
            extra_score = np.round(SIMILARITY_WEIGHT * extra_sim + LOCAL_WEIGHT * extra_local
                                   + NEW_SECTOR_WEIGHT * extra_new, 6)
            picked = self._choose((np.concatenate([cand, extra]),
                                   np.concatenate([score, extra_score]),
                                   np.concatenate([local, extra_local]),
                                   np.concatenate([new_sector, extra_new])), limit)
        finally:
            blocked[excluded] = False
        by_theme_evidence = theme_holder[picked.cand].tolist()
        knows = tuple(None if theme else nearby.tied[int(via[np.searchsorted(known, k)])]
                      for k, theme in zip(picked.cand.tolist(), by_theme_evidence, strict=True))
        return picked._replace(knows=knows)

    def reaching(self, place: int) -> np.ndarray:
        """Over the pool: who can act in the territory of code ``place`` beyond being
        located there (scope, and with a territories table, nesting)."""
        if self.nesting is None or place < 0:
            return self.anywhere
        return self.nesting.reach(place)

    def _similar(self, t: int, high_only: bool,
                 cache: dict[bool, tuple[np.ndarray, np.ndarray]]
                 ) -> tuple[np.ndarray, np.ndarray]:
        if high_only not in cache:
            cache[high_only] = self.table.similar(t, high_only=high_only)
        return cache[high_only]

    def _best(self, t: int, excluded: np.ndarray, present: np.ndarray, limit: int,
              cache: dict[bool, tuple[np.ndarray, np.ndarray]]) -> Chosen:
        near, sims = self._similar(t, True, cache)
        size = 4 * limit
        while size < len(near):
            # Anything not seen yet is at most this similar (1/3 beyond the high tier).
            ceiling = max(float(sims[size]), ONE_THIRD)
            bound = round(SIMILARITY_WEIGHT * ceiling + LOCAL_WEIGHT + NEW_SECTOR_WEIGHT, 6)
            scored = self._score(t, near[:size], sims[:size], excluded, present,
                                 with_local=False)
            strong = scored[1] > bound
            if int(strong.sum()) >= limit:
                return self._choose(tuple(part[strong] for part in scored[:4]), limit)
            size *= 8
        bound = round(SIMILARITY_WEIGHT * ONE_THIRD + LOCAL_WEIGHT + NEW_SECTOR_WEIGHT, 6)
        scored = self._score(t, near, sims, excluded, present, with_local=False)
        strong = scored[1] > bound
        if int(strong.sum()) >= limit:
            return self._choose(tuple(part[strong] for part in scored[:4]), limit)
        near, sims = self._similar(t, False, cache)
        scored = self._score(t, near, sims, excluded, present, with_local=True)
        return self._choose(self._with_rest(t, scored, excluded, present, limit), limit)

    def _score(self, t: int, near: np.ndarray, sims: np.ndarray, excluded: np.ndarray,
               present: np.ndarray, *, with_local: bool) -> tuple[np.ndarray, ...]:
        """Exact scores of the holders of ``near`` (sorted by similarity, best first),
        and of the pool's actors of the project's territory with ``with_local``:
        ``(candidates, score, local, new_sector, seen)`` with ``seen`` every actor scored,
        allowed or not. ``scratch_blocked`` marks ``excluded``."""
        table = self.table
        place = int(table.place[t])
        stage = int(table.stage[t])
        members, counts = csr_rows(self.holders.indptr, self.holders.indices, near)
        total = len(members)
        slot = self.scratch_slot
        if total:
            # near is sorted by similarity: an actor's first entry is its best. Writing
            # positions backwards leaves each actor's first position in the slot.
            positions = np.arange(total)
            slot[members[::-1]] = positions[::-1]
            first = positions[slot[members] == positions]
            seen = members[first]
            best = sims.repeat(counts)[first]
        else:
            seen, best = EMPTY, np.zeros(0)
        if with_local and place >= 0:
            local_pool = self.in_place.get(place, EMPTY)
            marked = self.scratch_seen
            marked[seen] = True
            others = local_pool[~marked[local_pool]]
            marked[seen] = False
            seen = np.concatenate([seen, others])
            best = np.concatenate([best, np.zeros(len(others))])
        # Any same-stage project the actor holds is at least 1/3 similar (a near one or
        # not): this covers every project not in ``near``.
        best = np.where(self.same_stage[seen, stage] > 0, np.maximum(best, ONE_THIRD), best)
        local = (self.place[seen] == place) & (place >= 0)
        allowed = ((self.reaching(place)[seen] | local | (place < 0)) & ((best > 0) | local)
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
        nested = self.nesting.reach(place) if self.nesting is not None and place >= 0 else None
        # With nesting, the actors who cannot act there are blocked and all lists are read.
        outside = EMPTY if nested is None else np.flatnonzero(~nested & ~blocked)
        blocked[outside] = True
        try:
            extra = [_first_free(listed, blocked, limit)
                     for (s, _code, anywhere_only), listed in self.by_stage.items()
                     if s == stage and anywhere_only == (place >= 0 and nested is None)
                     and len(listed)]
        finally:
            blocked[seen] = False
            blocked[outside] = False
            blocked[excluded] = True
        if not extra:
            return scored
        rest = np.concatenate(extra)
        rest_new = ~present[self.sector[rest]]
        rest_score = np.round(SIMILARITY_WEIGHT * np.full(len(rest), ONE_THIRD)
                              + NEW_SECTOR_WEIGHT * rest_new, 6)
        return (np.concatenate([cand, rest]), np.concatenate([score, rest_score]),
                np.concatenate([local, np.zeros(len(rest), dtype=bool)]),
                np.concatenate([new_sector, rest_new]), seen)

    def _choose(self, scored: tuple[np.ndarray, ...], limit: int) -> Chosen:
        """The ``limit`` best of ``scored`` (score descending, ties by id)."""
        cand, score, local, new_sector = scored[:4]
        chosen = np.lexsort((self.id_rank[cand], -score))[:limit]
        return Chosen(cand[chosen], score[chosen], local[chosen], new_sector[chosen],
                      (None,) * len(chosen))

    def candidates(self, t: int, chosen: Chosen) -> list[Candidate]:
        """The candidates of ``chosen`` for project ``t``, each with its most similar
        projects in the role (:data:`REASON_PROJECTS`, ties by project id)."""
        return [self.candidate(t, int(c), score=float(score), local=bool(local),
                               new_sector=bool(new), knows=knows)
                for c, score, local, new, knows in zip(
                    chosen.cand.tolist(), chosen.score.tolist(), chosen.local.tolist(),
                    chosen.new_sector.tolist(), chosen.knows, strict=True)]

    def candidate(self, t: int, c: int, *, score: float, local: bool, new_sector: bool,
                  knows: str | None = None) -> Candidate:
        """Pool member ``c`` as the candidate of project ``t`` it was scored as."""
        holds = self.holds
        mine = holds.indices[holds.indptr[c]:holds.indptr[c + 1]]
        sims = self.table.similarities(t, mine)
        similar = sims > 0
        mine, sims = mine[similar], sims[similar]
        top = np.lexsort((self.project_rank[mine], -sims))[:REASON_PROJECTS].tolist()
        ranked = tuple((self.projects[int(mine[i])].id, float(sims[i])) for i in top)
        return Candidate(self.actors[c], score, ranked, local, new_sector, knows)


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
    return np.concatenate(found)[:limit] if found else EMPTY


