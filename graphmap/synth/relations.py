r"""The relation rows: project roles, then actor→actor ties, then the island.

Rows are drawn a chunk of :data:`CHUNK` projects (or actors) at a time: the candidates of a
whole chunk come from one vectorised pool draw, then a Python loop keeps the first distinct
ones. Two random streams are used: one for who is chosen, one for the attributes of the
rows (amount, year, kind, weight), so that the attributes never shift the choices.

- A ``funds`` row has an amount, log-normal around the funder sector's
  ``AMOUNT_LOG_MEAN`` (:math:`\sigma = 0.9`, rounded to 100 $, at least 100 $), and a year.
- A ``supports`` row has a kind among those of the supporter's sector (``SUPPORT_KINDS``).
- A tie between actor *a* and an earlier actor *b* follows their sectors: a funder
  (``TIE_FUNDERS``) funds the other one 35 % of the time, else an academic or media actor
  (``TIE_SUPPORTERS``) supports it half of the time, else *a* is a member of a network
  organisation *b* (``TIE_NETWORKS``) 60 % of the time, else they collaborate.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from graphmap.schema import RelationType
from graphmap.synth.budget import RoleBudget, spread
from graphmap.synth.names import Ids
from graphmap.synth.pools import RolePools, TiePools
from graphmap.synth.topology import ISLAND_ACTORS, LAST_YEAR, ActorTable, ProjectTable
from graphmap.synth.vocabulary import (
    AMOUNT_LOG_MEAN,
    FUNDS,
    ROLES,
    SECTOR_CODE,
    SECTORS,
    SUPPORT_KINDS,
    SUPPORTS,
    TIE_FUNDERS,
    TIE_NETWORKS,
    TIE_SUPPORTERS,
    codes,
)

#: Projects (or actors) whose relations are drawn together.
CHUNK = 4096

Row = tuple[str, ...]

_FUNDS = RelationType.FUNDS.value
_SUPPORTS = RelationType.SUPPORTS.value
_COLLABORATES = RelationType.COLLABORATES.value
_MEMBER_OF = RelationType.MEMBER_OF.value
_ROLE_VALUES = [role.value for role in ROLES]
_TIE_FUNDERS = codes(TIE_FUNDERS, SECTOR_CODE)
_TIE_SUPPORTERS = codes(TIE_SUPPORTERS, SECTOR_CODE)
_TIE_NETWORKS = codes(TIE_NETWORKS, SECTOR_CODE)
_AMOUNT_LOG_MEAN = [AMOUNT_LOG_MEAN[sector] for sector in SECTORS]
_SUPPORT_KINDS = [SUPPORT_KINDS[sector] for sector in SECTORS]


class Uniforms:
    """Uniform draws served one by one from numpy batches (fast in Python loops).

    >>> draw = Uniforms(np.random.default_rng(0))
    >>> 0 <= draw() < 1, draw.index(3) in (0, 1, 2)
    (True, True)
    """

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self._buffer: list[float] = []
        self._next = 0

    def __call__(self) -> float:
        if self._next >= len(self._buffer):
            self._buffer = self._rng.random(65536).tolist()
            self._next = 0
        value = self._buffer[self._next]
        self._next += 1
        return value

    def index(self, n: int) -> int:
        """A uniform integer in ``range(n)``."""
        return min(int(self() * n), n - 1)


def take_new(candidates: list[int], seen: set[int], need: int) -> list[int]:
    """The first ``need`` distinct valid (``>= 0``) candidates not in ``seen``, in draw
    order; each one taken is added to ``seen``.

    >>> seen = {4}
    >>> take_new([4, -1, 2, 2, 7, 9], seen, 2), sorted(seen)
    ([2, 7], [2, 4, 7])
    """
    picked: list[int] = []
    for candidate in candidates:
        if candidate >= 0 and candidate not in seen:
            seen.add(candidate)
            picked.append(candidate)
            if len(picked) == need:
                break
    return picked


class RelationRows:
    """Draws the relation rows of an ecosystem, from its actors, projects and budget."""

    def __init__(
        self,
        *,
        choices: np.random.Generator,
        attributes: np.random.Generator,
        ids: Ids,
        actors: ActorTable,
        projects: ProjectTable,
        budget: RoleBudget,
        roles: RolePools,
        ties: TiePools,
    ) -> None:
        self._rng = choices
        self._attrs = Uniforms(attributes)
        self._ids = ids
        self._sector: list[int] = actors.sector.tolist()
        self._n_actors = len(self._sector)
        self._projects = projects
        self._budget = budget
        self._roles = roles
        self._ties = ties

    def __iter__(self) -> Iterator[Row]:
        """Project roles, then actor→actor ties, then the island; exactly the budget when
        it fits."""
        n, m = self._n_actors, len(self._projects.stage)
        shortfall = 0
        for start in range(0, m, CHUNK):
            rows, missing = self._project_chunk(start, min(start + CHUNK, m))
            shortfall += missing
            yield from rows
        # Roles that could not be filled become ties, so the total stays as asked.
        counts = spread(shortfall, self._budget.tie_counts.copy(), self._budget.tie_room)
        for start in range(0, n, CHUNK):
            yield from self._tie_chunk(counts, start, min(start + CHUNK, n))
        if self._budget.island_rows:
            yield from self._island_rows()

    # Project roles ------------------------------------------------------------
    def _project_chunk(self, lo: int, hi: int) -> tuple[list[Row], int]:
        rng, territories = self._rng, self._projects.territory
        counts = self._budget.role_counts[lo:hi]
        cell_project, cell_role = np.nonzero(counts)
        cell_k = counts[cell_project, cell_role]
        cell_project = cell_project + lo
        n_cand = 2 * cell_k + 3
        cand_cell = np.repeat(np.arange(len(cell_k)), n_cand)
        cand_role = cell_role[cand_cell]
        territory = territories[cell_project][cand_cell]
        candidates = self._roles.draw(rng, cand_role, territory).tolist()
        offsets = np.concatenate(([0], np.cumsum(n_cand))).tolist()
        rows: list[Row] = []
        missing = 0
        chosen: set[int] = set()
        current = -1
        for c, (j, role, k) in enumerate(
            zip(cell_project.tolist(), cell_role.tolist(), cell_k.tolist(), strict=True)
        ):
            if j != current:
                chosen = set()
                current = j
            picked = take_new(candidates[offsets[c] : offsets[c + 1]], chosen, k)
            if len(picked) < k:
                more = self._roles.fallback(rng, role, int(territories[j]), chosen, k - len(picked))
                chosen.update(more)
                picked.extend(more)
                missing += k - len(picked)
            pid = self._ids.project(j)
            for a in picked:
                rows.append(self._role_row(a, pid, role, j))
        return rows, missing

    def _role_row(self, a: int, pid: str, role: int, j: int) -> Row:
        aid = self._ids.actor(a)
        if role == FUNDS:
            year = min(LAST_YEAR, int(self._projects.start_year[j]) + self._attrs.index(4))
            return (aid, pid, _FUNDS, self._amount(a), str(year), "", "")
        if role == SUPPORTS:
            return (aid, pid, _SUPPORTS, "", "", "", self._support_kind(a))
        return (aid, pid, _ROLE_VALUES[role], "", "", "", "")

    def _amount(self, a: int) -> str:
        # Box-Muller from two served uniforms keeps one random stream for attributes.
        u1, u2 = max(self._attrs(), 1e-12), self._attrs()
        normal = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        value = math.exp(_AMOUNT_LOG_MEAN[self._sector[a]] + 0.9 * normal)
        return str(max(100, round(value / 100.0) * 100))

    def _support_kind(self, a: int) -> str:
        kinds = _SUPPORT_KINDS[self._sector[a]]
        return kinds[self._attrs.index(len(kinds))]

    # Actor→actor ties -----------------------------------------------------------
    def _tie_chunk(self, counts: np.ndarray, lo: int, hi: int) -> list[Row]:
        rng = self._rng
        rows: list[Row] = []
        sources = np.nonzero(counts[lo:hi])[0]
        k = counts[lo:hi][sources]
        sources = sources + lo
        n_cand = 2 * k + 3
        candidates = self._ties.draw_earlier(rng, np.repeat(sources, n_cand)).tolist()
        offsets = np.concatenate(([0], np.cumsum(n_cand))).tolist()
        for c, (a, need) in enumerate(zip(sources.tolist(), k.tolist(), strict=True)):
            seen: set[int] = set()
            picked = take_new(candidates[offsets[c] : offsets[c + 1]], seen, need)
            if len(picked) < need:
                picked.extend(self._ties.fallback_earlier(rng, a, seen, need - len(picked)))
            for b in picked:
                rows.append(self._tie_row(a, b))
        return rows

    def _tie_row(self, a: int, b: int) -> Row:
        """The tie between ``a`` and an earlier ``b``: its type and direction follow the
        sectors (funders fund, academics and media support, networks have members)."""
        attrs = self._attrs
        sa, sb = self._sector[a], self._sector[b]
        ida, idb = self._ids.actor(a), self._ids.actor(b)
        r = attrs()
        if sb in _TIE_FUNDERS and r < 0.35:
            return (idb, ida, _FUNDS, self._amount(b), str(2015 + attrs.index(11)), "", "")
        if sa in _TIE_FUNDERS and r < 0.35:
            return (ida, idb, _FUNDS, self._amount(a), str(2015 + attrs.index(11)), "", "")
        if sb in _TIE_SUPPORTERS and r < 0.5:
            return (idb, ida, _SUPPORTS, "", "", "", self._support_kind(b))
        if sa in _TIE_SUPPORTERS and r < 0.5:
            return (ida, idb, _SUPPORTS, "", "", "", self._support_kind(a))
        if sb in _TIE_NETWORKS and r < 0.6:
            return (ida, idb, _MEMBER_OF, "", "", "", "")
        return (ida, idb, _COLLABORATES, "", "", str(1 + attrs.index(3)), "")

    # The island -----------------------------------------------------------------
    def _island_rows(self) -> Iterator[Row]:
        """A small cluster cut off from the rest: four actors around one project."""
        n, m = self._n_actors, len(self._projects.stage)
        first = n - ISLAND_ACTORS
        carrier, funder, supporter, adopter = (
            self._ids.actor(first + i) for i in range(ISLAND_ACTORS)
        )
        pid = self._ids.project(m - 1)
        yield (carrier, pid, RelationType.CARRIES.value, "", "", "", "")
        year = str(int(self._projects.start_year[m - 1]))
        yield (funder, pid, _FUNDS, self._amount(first + 1), year, "", "")
        yield (supporter, pid, _SUPPORTS, "", "", "", "knowledge")
        yield (adopter, pid, RelationType.ADOPTS.value, "", "", "", "")
        yield (carrier, adopter, _COLLABORATES, "", "", "1", "")
