"""One seeded ecosystem: its actors, projects and relation budget as arrays, and its rows.

The seed is split into five independent streams (:class:`numpy.random.SeedSequence`),
one each for the actors, the projects, the budget, the choice of relation ends and the
relation attributes, so that changing how one part is drawn leaves the others unchanged.
Rows are the CSV cells of the workspace format (``docs/workspace-format.md``), as strings,
produced lazily: memory stays proportional to the actors and projects, never to the
relations.

Examples
--------
>>> eco = Ecosystem(Sizes(actors=5, projects=2, relations=8, seed=3))
>>> next(eco.actor_rows())[0], next(eco.project_rows())[0]
('a000001', 'p000001')
>>> sum(1 for _ in eco.relation_rows())
8
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from graphmap.synth.budget import allocate
from graphmap.synth.names import ACTOR_TYPES, PROJECT_PREFIXES, THEMES, Ids, territory_name
from graphmap.synth.pools import RolePools, TiePools
from graphmap.synth.relations import RelationRows, Row
from graphmap.synth.sizes import Sizes
from graphmap.synth.topology import draw_actors, draw_projects, has_island, territory_count
from graphmap.synth.vocabulary import SCOPES, SECTORS, STAGES

#: Column names of the three files, in the order of the cells of a row.
ACTOR_HEADER: tuple[str, ...] = ("id", "name", "sector", "type", "category", "territory", "scope")
PROJECT_HEADER: tuple[str, ...] = ("id", "name", "stage", "theme", "territory", "start", "end")
RELATION_HEADER: tuple[str, ...] = ("source", "target", "type", "amount", "year", "weight", "kind")

_TYPES = [ACTOR_TYPES[sector] for sector in SECTORS]


class Ecosystem:
    """The arrays of one generated ecosystem; rows are produced lazily from them."""

    def __init__(self, sizes: Sizes) -> None:
        self.sizes = sizes
        streams = np.random.SeedSequence(sizes.seed).spawn(5)
        rng_actors, rng_projects, rng_budget, self._rng_choices, self._rng_attributes = (
            np.random.default_rng(s) for s in streams
        )
        n, m = sizes.actors, sizes.projects
        self.ids = Ids(n, m)
        self.island = has_island(n, m)
        self.actors = draw_actors(rng_actors, n, territory_count(n), self.island)
        self.projects = draw_projects(rng_projects, m, self.actors, self.island)
        self._role_pools = RolePools(self.actors)
        self._tie_pools = TiePools(self.actors)
        self.budget = allocate(
            rng_budget,
            sizes.relations,
            actors=self.actors,
            projects=self.projects,
            ties=self._tie_pools,
            island=self.island,
        )

    def actor_rows(self) -> Iterator[Row]:
        """One row per actor, cells as :data:`ACTOR_HEADER`."""
        actors = self.actors
        territories = [territory_name(t) for t in range(actors.territories)]
        sectors = [s.value for s in SECTORS]
        scopes = [s.value for s in SCOPES]
        for i, (sector, pick, territory, scope) in enumerate(
            zip(
                actors.sector.tolist(),
                actors.type_pick.tolist(),
                actors.territory.tolist(),
                actors.scope.tolist(),
                strict=True,
            )
        ):
            types = _TYPES[sector]
            kind = types[min(int(pick * len(types)), len(types) - 1)]
            yield (
                self.ids.actor(i),
                f"{kind.label} {i + 1}",
                sectors[sector],
                kind.code,
                kind.category.value,
                territories[territory],
                scopes[scope],
            )

    def project_rows(self) -> Iterator[Row]:
        """One row per project, cells as :data:`PROJECT_HEADER`."""
        p = self.projects
        stages = [s.value for s in STAGES]
        for j, (stage, territory, t1, t2, prefix, year, month, duration) in enumerate(
            zip(
                p.stage.tolist(),
                p.territory.tolist(),
                p.theme1.tolist(),
                p.theme2.tolist(),
                p.prefix.tolist(),
                p.start_year.tolist(),
                p.start_month.tolist(),
                p.duration.tolist(),
                strict=True,
            )
        ):
            theme = THEMES[t1] if t2 < 0 or t2 == t1 else f"{THEMES[t1]};{THEMES[t2]}"
            start = f"{year}-{month:02d}-01" if month else str(year)
            end = str(year + duration) if duration > 0 else ""
            yield (
                self.ids.project(j),
                f"{PROJECT_PREFIXES[prefix]} {THEMES[t1]} {j + 1}",
                stages[stage],
                theme,
                territory_name(territory),
                start,
                end,
            )

    def relation_rows(self) -> Iterator[Row]:
        """The relation rows, cells as :data:`RELATION_HEADER` (see
        :mod:`graphmap.synth.relations`). Draw them once per ecosystem: the streams
        they use are not rewound."""
        return iter(
            RelationRows(
                choices=self._rng_choices,
                attributes=self._rng_attributes,
                ids=self.ids,
                actors=self.actors,
                projects=self.projects,
                budget=self.budget,
                roles=self._role_pools,
                ties=self._tie_pools,
            )
        )
