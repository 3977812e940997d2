r"""The heavy-tailed degree and territory model: who the actors and projects are, where they
sit, and how much each actor tends to act in each role.

Model
-----
- Territories are unequal, as Québec's MRCs are: about :math:`\sqrt{n} / 2` of them
  (at least 3, at most :data:`MAX_TERRITORIES`), territory :math:`t` drawn with a Zipf-like
  weight :math:`t^{-0.8}`.
- An actor gets a sector (:data:`~graphmap.synth.vocabulary.SECTOR_SHARE`), a scope given
  its sector (:data:`~graphmap.synth.vocabulary.SCOPE_SHARE`) and a Pareto activity
  :math:`x \sim 1 + \mathrm{Pareto}(1.5)`. Its weight for role :math:`r` is

  .. math:: w_{a,r} = x_a \, \pi_{s(a),r} \, \beta_r^{[\mathrm{scope}(a) \ne \mathrm{local}]}

  with :math:`\pi` the sector propensity and :math:`\beta` the wide-scope boost. Roles
  are filled by weighted choice, so degrees follow the heavy tail of :math:`x`, as among
  real funders.
- A few actors (0.5 %) are dormant (weight 0: isolated), and, when the ecosystem is large
  enough, an *island* of four actors and one project is cut off from the rest.
- A project gets a stage, one or two themes, the territory of a random actor, a start
  year skewed toward recent years, an end for some finished ones, and a log-normal size
  that scales its number of roles.

The draws are made in a fixed order from the generator's own streams: the same seed gives
the same arrays.

Examples
--------
>>> import numpy as np
>>> actors = draw_actors(np.random.default_rng(0), 1000, territory_count(1000), island=True)
>>> actors.weights.shape, int(actors.territory.max()) < territory_count(1000)
((1000, 6), True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from graphmap.synth.names import PROJECT_PREFIXES, THEMES
from graphmap.synth.vocabulary import (
    APPROPRIATION,
    ISLAND_SECTORS,
    LOCAL,
    PROPENSITY,
    SCOPE_SHARE,
    SCOPES,
    SECTOR_CODE,
    SECTOR_SHARE,
    SECTORS,
    STAGE_SHARE,
    STAGES,
    WIDE_SCOPE_BOOST,
    by_code,
)

#: MRCs and equivalent territories of Québec.
MAX_TERRITORIES = 104
#: Actors of the island (the last ones); its project is the last project.
ISLAND_ACTORS = 4
FIRST_YEAR, LAST_YEAR = 2010, 2025

_SECTOR_SHARE = by_code(SECTOR_SHARE, SECTORS)
_SCOPE_SHARE = by_code(SCOPE_SHARE, SECTORS)  # (sectors, scopes)
_PROPENSITY = by_code(PROPENSITY, SECTORS)  # (sectors, roles + tie)
_WIDE_SCOPE_BOOST = np.array(WIDE_SCOPE_BOOST)
_STAGE_SHARE = by_code(STAGE_SHARE, STAGES)
_ISLAND_SECTOR_CODES = [SECTOR_CODE[sector] for sector in ISLAND_SECTORS]


def territory_count(actors: int) -> int:
    """Number of territories of an ecosystem of ``actors`` actors.

    >>> territory_count(1), territory_count(10_000), territory_count(1_000_000)
    (3, 50, 104)
    """
    return int(min(MAX_TERRITORIES, max(3, round((actors**0.5) / 2))))


def has_island(actors: int, projects: int) -> bool:
    """Whether the ecosystem is large enough to hold an island cut off from the rest."""
    return actors >= 40 and projects >= 10


@dataclass(frozen=True)
class ActorTable:
    """Per-actor attributes, one array element per actor (index ``i`` is actor ``i + 1``)."""

    sector: np.ndarray  #: sector codes (``SECTORS`` order), int8
    type_pick: np.ndarray  #: uniform in [0, 1): picks the type within the sector
    territory: np.ndarray  #: territory index, 0 is the largest
    scope: np.ndarray  #: scope codes (``SCOPES`` order), int8
    dormant: np.ndarray  #: isolated on purpose (bool)
    weights: np.ndarray  #: (actors, roles + tie): propensity to take each role
    territories: int  #: number of territories

    @property
    def wide(self) -> np.ndarray:
        """Actors whose scope reaches every territory (bool)."""
        return np.asarray(self.scope != LOCAL)


def draw_actors(rng: np.random.Generator, n: int, territories: int, island: bool) -> ActorTable:
    """Draw ``n`` actors over ``territories`` territories (see the model above)."""
    sector = rng.choice(len(SECTORS), size=n, p=_SECTOR_SHARE).astype(np.int8)
    type_pick = rng.random(n)
    territory_weight = 1.0 / np.arange(1, territories + 1) ** 0.8
    territory = rng.choice(territories, size=n, p=territory_weight / territory_weight.sum())
    # Inverse CDF: the scope is the number of cumulative shares the uniform exceeds.
    cumulative = _SCOPE_SHARE.cumsum(axis=1)[sector]
    scope = (rng.random(n)[:, None] > cumulative).sum(axis=1).astype(np.int8)
    scope = np.minimum(scope, len(SCOPES) - 1)  # rounding of the shares' sum
    activity = rng.pareto(1.5, size=n) + 1.0
    dormant = rng.random(n) < 0.005
    if n >= 20 and not dormant.any():
        dormant[n // 2] = True
    if island:
        members = slice(n - ISLAND_ACTORS, n)
        sector[members] = _ISLAND_SECTOR_CODES
        scope[members] = LOCAL
        territory[members] = territory[n - ISLAND_ACTORS]
    weights = activity[:, None] * _PROPENSITY[sector]
    weights[scope != LOCAL] *= _WIDE_SCOPE_BOOST
    weights[dormant] = 0.0
    if island:
        weights[n - ISLAND_ACTORS :] = 0.0
    return ActorTable(sector, type_pick, territory, scope, dormant, weights, territories)


@dataclass(frozen=True)
class ProjectTable:
    """Per-project attributes, one array element per project (index ``j`` is ``j + 1``)."""

    stage: np.ndarray  #: stage codes (``STAGES`` order), int8
    territory: np.ndarray  #: territory index
    theme1: np.ndarray  #: index in ``THEMES``
    theme2: np.ndarray  #: index in ``THEMES``, or -1 for none
    prefix: np.ndarray  #: index in ``PROJECT_PREFIXES``
    start_year: np.ndarray
    start_month: np.ndarray  #: 1-12, or 0 when only the year is known
    duration: np.ndarray  #: years until the end, or -1 while the project runs
    size: np.ndarray  #: log-normal factor of the number of roles


def draw_projects(
    rng: np.random.Generator, m: int, actors: ActorTable, island: bool
) -> ProjectTable:
    """Draw ``m`` projects where the actors are (see the model above)."""
    stage = rng.choice(len(STAGES), size=m, p=_STAGE_SHARE).astype(np.int8)
    territory = actors.territory[rng.integers(0, len(actors.territory), size=m)]
    theme1 = rng.integers(0, len(THEMES), size=m)
    theme2 = np.where(rng.random(m) < 0.25, rng.integers(0, len(THEMES), size=m), -1)
    prefix = rng.integers(0, len(PROJECT_PREFIXES), size=m)
    span = LAST_YEAR - FIRST_YEAR + 1
    start_year = FIRST_YEAR + (span * rng.random(m) ** 0.6).astype(np.int64)
    start_month = np.where(rng.random(m) < 0.3, rng.integers(1, 13, size=m), 0)
    # Some projects at appropriation are over: they have an end year.
    duration = np.where((stage == APPROPRIATION) & (rng.random(m) < 0.6),
                        rng.integers(1, 6, size=m), -1)  # fmt: skip
    size = rng.lognormal(0.0, 0.7, size=m)
    if island:
        territory[m - 1] = actors.territory[len(actors.territory) - ISLAND_ACTORS]
    return ProjectTable(
        stage, territory, theme1, theme2, prefix, start_year, start_month, duration, size
    )
