r"""The relation budget: how many rows each project role and each actor's ties get.

Split
-----
- The island, when there is one and the budget is at least 50, takes its five rows.
- Actor→project roles take about :data:`PROJECT_ROLE_SHARE` of the rest. Each regular
  project has one carrier (none for 4 % of them, a second one for 8 %); the other roles are
  one multinomial draw over (project, role) cells, with expected counts
  :math:`\text{size}_j \times \rho_{\text{stage}(j), r}` (``ROLE_BY_STAGE``). Gaps on
  purpose: 3 % of projects get no funder, 3 % no supporter, 6 % no adopter or beneficiary.
- Actor→actor ties take what is left. Most actors able to tie get one; the rest is a
  multinomial draw weighted by tie propensity, which makes the tail heavy. An actor ties
  only to distinct earlier actors, so what it cannot hold goes to later actors.

Examples
--------
>>> import numpy as np
>>> spread(3, np.array([0, 0, 1]), np.array([1, 1, 1])).tolist()
[1, 1, 1]
>>> cap_rows(np.array([[3, 2], [1, 0]]), 4).tolist()
[[2, 2], [1, 0]]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graphmap.schema import RelationType
from graphmap.synth.pools import TiePools
from graphmap.synth.topology import ActorTable, ProjectTable
from graphmap.synth.vocabulary import (
    CARRIES,
    ROLE_BY_STAGE,
    ROLE_CODE,
    ROLES,
    SIZED_COLUMN,
    SIZED_ROLES,
    STAGES,
    TIE,
    by_code,
)

#: Share of the relation budget given to actor→project roles.
PROJECT_ROLE_SHARE = 0.78
#: Rows of the island: carrier, funder, supporter, adopter, and one tie.
ISLAND_ROWS = 5

_ROLE_BY_STAGE = by_code(ROLE_BY_STAGE, STAGES)  # (stages, sized roles)
_SIZED_CODES = [ROLE_CODE[role] for role in SIZED_ROLES]


@dataclass(frozen=True)
class RoleBudget:
    """Rows each project role and each actor's ties get."""

    role_counts: np.ndarray  #: (projects, roles): actors to draw per project and role
    tie_counts: np.ndarray  #: ties each actor starts toward earlier actors
    tie_room: np.ndarray  #: the most ties each actor can start (distinct earlier actors)
    island_rows: int  #: :data:`ISLAND_ROWS`, or 0 without an island


def allocate(
    rng: np.random.Generator,
    budget: int,
    *,
    actors: ActorTable,
    projects: ProjectTable,
    ties: TiePools,
    island: bool,
) -> RoleBudget:
    """Split ``budget`` relation rows (see the module docstring)."""
    n, m = len(actors.sector), len(projects.stage)
    island_rows = ISLAND_ROWS if island and budget >= 50 else 0
    budget -= island_rows
    regular = m - 1 if island else m
    counts = np.zeros((m, len(ROLES)), dtype=np.int64)
    carriers = np.where(rng.random(m) < 0.04, 0, 1) + (rng.random(m) < 0.08)
    carriers[regular:] = 0
    carriers[np.cumsum(carriers) > budget] = 0  # tiny budgets: not even one carrier each
    counts[:, CARRIES] = carriers
    ap_budget = min(max(round(PROJECT_ROLE_SHARE * budget), int(carriers.sum())), budget)
    expected = projects.size[:, None] * _ROLE_BY_STAGE[projects.stage]
    expected[rng.random(m) < 0.03, SIZED_COLUMN[RelationType.FUNDS]] = 0.0
    expected[rng.random(m) < 0.03, SIZED_COLUMN[RelationType.SUPPORTS]] = 0.0
    no_adopter = rng.random(m) < 0.06
    expected[no_adopter, SIZED_COLUMN[RelationType.ADOPTS]] = 0.0
    expected[no_adopter, SIZED_COLUMN[RelationType.BENEFITS]] = 0.0
    expected[regular:] = 0.0
    rest = ap_budget - int(carriers.sum())
    total_expected = float(expected.sum())
    if rest > 0 and total_expected > 0:
        flat = rng.multinomial(rest, (expected / total_expected).ravel())
        counts[:, _SIZED_CODES] += flat.reshape(m, len(SIZED_ROLES))
    counts = cap_rows(counts, n)  # no project holds more distinct actors than there are
    tie_budget = budget - int(counts.sum())
    tie_weight = actors.weights[:, TIE] * (ties.eligible_before > 0)
    # Most actors hold at least one tie (few are isolated in a real ecosystem); the rest
    # of the budget goes to the active ones, which makes the tail heavy.
    able = tie_weight > 0
    share = min(0.8, tie_budget / max(1, int(able.sum())) / 1.3)
    base = (able & (rng.random(n) < share)).astype(np.int64)
    base[np.cumsum(base) > tie_budget] = 0  # tiny budgets: never more than asked
    rest_ties = tie_budget - int(base.sum())
    total_tie = float(tie_weight.sum())
    if rest_ties > 0 and total_tie > 0:
        wanted = base + rng.multinomial(rest_ties, tie_weight / total_tie)
    else:
        wanted = base
    room = np.where(able, ties.eligible_before, 0)
    capped = np.minimum(wanted, room)
    tie_counts = spread(int((wanted - capped).sum()), capped, room)
    return RoleBudget(counts, tie_counts, room, island_rows)


def spread(extra: int, counts: np.ndarray, room: np.ndarray) -> np.ndarray:
    """Add ``extra`` to ``counts`` (in place) one by one, latest actors first (they have the
    most room), never above ``room``; what does not fit is dropped."""
    while extra > 0:
        free = np.nonzero(counts < room)[0][::-1]
        if len(free) == 0:
            break
        take = free[:extra]
        counts[take] += 1
        extra -= len(take)
    return counts


def cap_rows(counts: np.ndarray, limit: int) -> np.ndarray:
    """Scale down (in place) any row whose total exceeds ``limit``, largest cell first."""
    totals = counts.sum(axis=1)
    over = totals > limit
    if over.any():
        for j in np.nonzero(over)[0].tolist():
            row = counts[j]
            while row.sum() > limit:
                row[int(np.argmax(row))] -= 1
    return counts
