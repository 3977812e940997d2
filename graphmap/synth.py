"""A seeded synthetic ecosystem generator: realistic, heavy-tailed workspaces of any size.

The same arguments always give the same ecosystem, whether it is built in memory
(:func:`generate_dataset`) or streamed to a CSV workspace folder (:func:`write_workspace`).

How the ecosystem is drawn
--------------------------
- Actors get a sector (realistic proportions), a finer ``type``, a category, a territory
  (Zipf-sized, named ``T001``...; one per MRC, up to the 104 of Québec) and a scope (mostly
  local). Each actor has a Pareto "activity"; its weight for a role (carrier, funder,
  support partner, adopter, beneficiary, tie partner) is that activity times a propensity
  of its sector. Weighted choice makes degrees heavy-tailed, as among real funders.
- Projects get a stage (all four), themes, a territory and years. The relation budget is
  split between actor→project roles (about 78 %) and actor→actor ties. Role counts per
  project follow its stage (adopters appear from ``feedback`` on) and a log-normal size.
- A role is filled from the project's own territory (local actors) or from the actors whose
  scope reaches everywhere, so a local actor never acts outside its territory.
- Actor→actor ties grow like preferential attachment: actor *a* ties to earlier actors,
  half the time in its own territory. Each unordered pair is drawn once, so no relation
  row repeats.
- Imperfections make gaps appear: a few projects without carrier, funder, support or
  adopter, a few dormant (isolated) actors, and a small island (four actors, one project)
  cut off from the rest.

The total number of relation rows is exactly ``relations``, except in tiny ecosystems
(a handful of actors) where some roles find no fitting actor; then it is a little less.
The same arguments give the same bytes with the same numpy version, whatever the
platform or ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import csv
import math
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from graphmap.errors import GraphmapError, UsageError
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import Category, RelationType, Scope, Sector, Stage

#: ``progress(step, done, total)``: called after each batch of rows; ``step`` is one of
#: ``actors``, ``projects``, ``relations``; ``done`` counts rows of every step so far and
#: ``total`` is the number of rows announced (actors + projects + relations asked).
Progress = Callable[[str, int, int], None]

ACTOR_HEADER: tuple[str, ...] = ("id", "name", "sector", "type", "category", "territory", "scope")
PROJECT_HEADER: tuple[str, ...] = ("id", "name", "stage", "theme", "territory", "start", "end")
RELATION_HEADER: tuple[str, ...] = ("source", "target", "type", "amount", "year", "weight", "kind")

# Sector shares of a regional ecosystem (community groups and citizens are the many,
# funders the few). Order fixes the meaning of the sector index used everywhere below.
_SECTORS: tuple[Sector, ...] = (
    Sector.PUBLIC,
    Sector.PRIVATE,
    Sector.PHILANTHROPIC,
    Sector.COMMUNITY,
    Sector.SOCIAL_ECONOMY,
    Sector.ACADEMIC,
    Sector.MEDIA,
    Sector.CITIZEN,
)
_SECTOR_SHARE = np.array([0.12, 0.15, 0.04, 0.30, 0.12, 0.07, 0.05, 0.15])

# (type code, French display name) per sector; names are what users see in the map.
_TYPES: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("ministry", "Ministère"),
        ("municipality", "Municipalité"),
        ("mrc", "MRC"),
        ("cld", "Centre local de développement"),
        ("cisss", "CISSS"),
        ("school_service_centre", "Centre de services scolaire"),
    ),
    (("company", "Entreprise"), ("sme", "PME"), ("caisse", "Caisse")),
    (
        ("foundation", "Fondation"),
        ("united_way", "Centraide"),
        ("family_foundation", "Fondation familiale"),
    ),
    (
        ("community_organization", "Organisme communautaire"),
        ("citizen_group", "Comité citoyen"),
        ("union", "Syndicat"),
        ("professional_association", "Association professionnelle"),
        ("network", "Regroupement"),
    ),
    (
        ("cooperative", "Coopérative"),
        ("social_enterprise", "Entreprise d'économie sociale"),
        ("regional_hub", "Pôle régional d'économie sociale"),
    ),
    (
        ("university", "Université"),
        ("college", "Cégep"),
        ("research_chair", "Chaire de recherche"),
        ("transfer_centre", "Centre collégial de transfert"),
    ),
    (
        ("local_media", "Média local"),
        ("regional_media", "Média régional"),
        ("national_media", "Média national"),
    ),
    (("citizen", "Citoyenne ou citoyen"), ("volunteer", "Bénévole")),
)

# Probability of each scope (local, regional, provincial, national) per sector.
_SCOPES: tuple[Scope, ...] = (Scope.LOCAL, Scope.REGIONAL, Scope.PROVINCIAL, Scope.NATIONAL)
_SCOPE_BY_SECTOR = np.array(
    [
        [0.62, 0.18, 0.15, 0.05],  # public: municipalities local, ministries provincial
        [0.85, 0.10, 0.03, 0.02],
        [0.45, 0.25, 0.20, 0.10],
        [0.88, 0.09, 0.02, 0.01],
        [0.80, 0.15, 0.04, 0.01],
        [0.55, 0.30, 0.12, 0.03],
        [0.60, 0.25, 0.10, 0.05],
        [0.99, 0.01, 0.00, 0.00],
    ]
)

# Roles an actor holds toward a project, in the order rows are written for a project.
_ROLES: tuple[RelationType, ...] = (
    RelationType.CARRIES,
    RelationType.FUNDS,
    RelationType.SUPPORTS,
    RelationType.ADOPTS,
    RelationType.BENEFITS,
)
_CARRIES, _FUNDS, _SUPPORTS, _ADOPTS, _BENEFITS = range(5)
_TIE = 5  # sixth weight column: propensity to take part in actor→actor ties

# Propensity of each sector (rows, _SECTORS order) for each role (columns, _ROLES + tie).
_PROPENSITY = np.array(
    [
        # carries funds supports adopts benefits tie
        [0.6, 3.0, 1.5, 2.0, 0.3, 1.5],  # public
        [0.3, 1.0, 0.5, 1.0, 0.3, 0.8],  # private
        [0.2, 8.0, 1.0, 0.1, 0.0, 1.5],  # philanthropic
        [2.0, 0.0, 1.2, 1.5, 1.5, 1.3],  # community
        [2.0, 0.3, 1.2, 1.5, 0.5, 1.3],  # social_economy
        [1.2, 0.0, 2.5, 0.5, 0.0, 1.0],  # academic
        [0.2, 0.0, 2.0, 0.2, 0.0, 0.6],  # media
        [0.3, 0.02, 0.3, 0.1, 3.0, 0.2],  # citizen
    ]
)
# How much more a funder or partner whose scope reaches everywhere acts, per role.
_WIDE_SCOPE_BOOST = np.array([0.5, 3.0, 2.0, 0.8, 0.3, 1.5])
# Probability that a role is filled by an actor of the project's own territory.
_LOCAL_SHARE = np.array([0.9, 0.4, 0.6, 0.75, 0.9])

_STAGES: tuple[Stage, ...] = (
    Stage.EMERGENCE,
    Stage.MOBILIZATION,
    Stage.FEEDBACK,
    Stage.APPROPRIATION,
)
_STAGE_SHARE = np.array([0.30, 0.30, 0.25, 0.15])
# Expected relative number of funders, supporters, adopters, beneficiaries by stage.
_ROLE_BY_STAGE = np.array(
    [
        # funds supports adopts benefits
        [1.0, 1.0, 0.0, 0.0],
        [2.0, 2.5, 0.3, 0.2],
        [2.5, 2.5, 1.5, 1.0],
        [2.5, 2.0, 2.5, 2.0],
    ]
)

_THEMES: tuple[str, ...] = (
    "sécurité alimentaire",
    "logement",
    "mobilité",
    "emploi",
    "éducation",
    "santé",
    "environnement",
    "culture",
    "inclusion numérique",
    "petite enfance",
    "aînés",
    "immigration",
    "économie circulaire",
    "revitalisation",
    "énergie",
)
_PROJECT_PREFIX: tuple[str, ...] = (
    "Projet",
    "Initiative",
    "Laboratoire",
    "Chantier",
    "Table",
    "Service",
    "Réseau",
)

_SUPPORT_KINDS: tuple[tuple[str, ...], ...] = (
    ("credibility", "expertise", "network"),
    ("expertise",),
    ("credibility", "network"),
    ("network", "knowledge"),
    ("expertise", "network"),
    ("knowledge", "expertise", "documentation"),
    ("promotion",),
    ("promotion", "network"),
)
# Log-mean of a grant by funder sector (about 30 k$ public, 20 k$ philanthropic).
_AMOUNT_LOG_MEAN = np.array([10.3, 9.0, 9.9, 8.0, 8.5, 8.0, 8.0, 6.5])

_AP_SHARE = 0.78  # share of the relation budget given to actor→project roles
_MAX_TERRITORIES = 104  # MRCs and equivalent territories of Québec
_ISLAND_ACTORS = 4
_FIRST_YEAR, _LAST_YEAR = 2010, 2025
_CHUNK = 4096


@dataclass(frozen=True)
class Sizes:
    """The three sizes asked for, checked."""

    actors: int
    projects: int
    relations: int
    seed: int

    @property
    def max_relations(self) -> int:
        """An upper bound of distinct relations these sizes can hold."""
        return self.actors * self.projects + self.actors * (self.actors - 1) // 2


def check_sizes(actors: int, projects: int, relations: int, seed: int) -> Sizes:
    """Check the generator's arguments; a bad one raises ``UsageError`` (exit status 2).

    >>> check_sizes(10, 2, 5, 1).max_relations
    65
    """
    for option, value, minimum in (
        ("--actors", actors, 1),
        ("--projects", projects, 1),
        ("--relations", relations, 0),
        ("--seed", seed, 0),
    ):
        if not isinstance(value, int) or value < minimum:
            raise UsageError(
                "generate.error_too_small", option=option, value=value, minimum=minimum
            )
    sizes = Sizes(actors, projects, relations, seed)
    if relations > sizes.max_relations:
        raise UsageError(
            "generate.error_too_many_relations",
            relations=relations,
            actors=actors,
            projects=projects,
            maximum=sizes.max_relations,
        )
    return sizes


def generate_dataset(actors: int, projects: int, relations: int, seed: int) -> Dataset:
    """Generate an ecosystem in memory (fine up to about 100,000 actors).

    Parameters
    ----------
    actors, projects, relations : int
        Sizes: at least one actor and one project; ``relations`` rows in total (a little
        fewer only in tiny ecosystems where some roles find no fitting actor).
    seed : int
        Non-negative seed; the same arguments always give the same ecosystem.

    Returns
    -------
    Dataset
        Equal to ``load_workspace`` of what :func:`write_workspace` writes with the same
        arguments.

    Examples
    --------
    >>> ds = generate_dataset(200, 50, 1000, seed=7)
    >>> len(ds.actors), len(ds.projects), len(ds.relations)
    (200, 50, 1000)
    >>> ds.actors[0].id, ds.projects[0].id
    ('a000001', 'p000001')
    """
    eco = _Ecosystem(check_sizes(actors, projects, relations, seed))
    return Dataset(
        actors=tuple(_actor_record(row) for row in eco.actor_rows()),
        projects=tuple(_project_record(row) for row in eco.project_rows()),
        relations=tuple(_relation_record(row) for row in eco.relation_rows()),
        name=f"synthetic-{actors}-{projects}-{relations}-{seed}",
    )


def write_workspace(
    out_dir: str | os.PathLike[str],
    actors: int,
    projects: int,
    relations: int,
    seed: int,
    *,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Stream a generated ecosystem to ``actors.csv``, ``projects.csv``, ``relations.csv``.

    Rows are written as they are drawn (memory stays proportional to the number of actors
    and projects, never to the relations), UTF-8 with canonical headers. Each file is first
    written under a temporary name in ``out_dir``, and the three are renamed into place
    only once all are complete, so a failure never leaves a half-written workspace.

    Parameters
    ----------
    out_dir : path
        Folder to write into (created if missing); existing files of the same names are
        replaced.
    actors, projects, relations, seed : int
        As for :func:`generate_dataset`.
    progress : callable, optional
        ``progress(step, done, total)``, see :data:`Progress`.

    Returns
    -------
    dict
        Rows written per table: ``{"actors": ..., "projects": ..., "relations": ...}``.
    """
    sizes = check_sizes(actors, projects, relations, seed)
    eco = _Ecosystem(sizes)
    total = sizes.actors + sizes.projects + sizes.relations
    folder = Path(out_dir)
    counts: dict[str, int] = {}
    temps: list[tuple[Path, Path]] = []
    done = 0
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table, header, rows in (
            ("actors", ACTOR_HEADER, eco.actor_rows()),
            ("projects", PROJECT_HEADER, eco.project_rows()),
            ("relations", RELATION_HEADER, eco.relation_rows()),
        ):
            target = folder / f"{table}.csv"
            fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
            temps.append((Path(tmp_name), target))
            written = 0
            with os.fdopen(fd, "w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(header)
                for batch in _batched(rows, 8192):
                    writer.writerows(batch)
                    written += len(batch)
                    done += len(batch)
                    if progress is not None:
                        progress(table, done, total)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, 0o644)
            counts[table] = written
        for tmp, target in temps:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _target in temps:
            tmp.unlink(missing_ok=True)
        raise GraphmapError(
            "error.write_failed", path=str(exc.filename or folder), detail=exc.strerror or exc
        ) from exc
    except BaseException:
        for tmp, _target in temps:
            tmp.unlink(missing_ok=True)
        raise
    return counts


def _batched(rows: Iterator[tuple[str, ...]], size: int) -> Iterator[list[tuple[str, ...]]]:
    batch: list[tuple[str, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _take_new(candidates: list[int], seen: set[int], need: int) -> list[int]:
    """The first ``need`` distinct valid (``>= 0``) candidates not in ``seen``, in draw
    order; each one taken is added to ``seen``."""
    picked: list[int] = []
    for candidate in candidates:
        if candidate >= 0 and candidate not in seen:
            seen.add(candidate)
            picked.append(candidate)
            if len(picked) == need:
                break
    return picked


# --- Records from rows: exactly what a loader reads back from the CSV cells. ---


def _opt(cell: str) -> str | None:
    return cell or None


def _actor_record(row: Sequence[str]) -> Actor:
    return Actor(
        id=row[0],
        name=row[1],
        sector=Sector(row[2]),
        type=_opt(row[3]),
        category=Category(row[4]),
        territory=_opt(row[5]),
        scope=Scope(row[6]),
    )


def _project_record(row: Sequence[str]) -> Project:
    themes = tuple(t.strip() for t in row[3].split(";") if t.strip())
    return Project(
        id=row[0],
        name=row[1],
        stage=Stage(row[2]),
        themes=themes,
        territory=_opt(row[4]),
        start=_opt(row[5]),
        end=_opt(row[6]),
    )


def _relation_record(row: Sequence[str]) -> Relation:
    return Relation(
        source=row[0],
        target=row[1],
        type=RelationType(row[2]),
        amount=float(row[3]) if row[3] else None,
        year=int(row[4]) if row[4] else None,
        weight=float(row[5]) if row[5] else 1.0,
        kind=_opt(row[6]),
    )


# --- The ecosystem itself. ---


class _Uniforms:
    """Uniform draws served one by one from numpy batches (fast in Python loops)."""

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
        return min(int(self() * n), n - 1)


class _Ecosystem:
    """Per-actor and per-project attributes as arrays; rows are produced lazily from them."""

    def __init__(self, sizes: Sizes) -> None:
        self.sizes = sizes
        streams = np.random.SeedSequence(sizes.seed).spawn(5)
        self._rng_actors, self._rng_projects, self._rng_alloc, self._rng_rel, self._rng_attr = (
            np.random.default_rng(s) for s in streams
        )
        n, m = sizes.actors, sizes.projects
        width = max(6, len(str(max(n, m))))
        self._actor_fmt = f"a{{:0{width}d}}"
        self._project_fmt = f"p{{:0{width}d}}"
        self.n_territories = int(min(_MAX_TERRITORIES, max(3, round((n**0.5) / 2))))
        self.island = n >= 40 and m >= 10
        self._draw_actors()
        self._draw_projects()
        self._allocate_roles()

    # Actors -----------------------------------------------------------------
    def _draw_actors(self) -> None:
        rng, n = self._rng_actors, self.sizes.actors
        t = self.n_territories
        self.sector = rng.choice(len(_SECTORS), size=n, p=_SECTOR_SHARE).astype(np.int8)
        self.type_pick = rng.random(n)
        # Territories are unequal, as MRCs are: Zipf-like sizes.
        territory_weight = 1.0 / np.arange(1, t + 1) ** 0.8
        self.territory = rng.choice(t, size=n, p=territory_weight / territory_weight.sum())
        cumulative = _SCOPE_BY_SECTOR.cumsum(axis=1)[self.sector]
        self.scope = (rng.random(n)[:, None] > cumulative).sum(axis=1).astype(np.int8)
        self.scope = np.minimum(self.scope, 3)
        activity = rng.pareto(1.5, size=n) + 1.0
        dormant = rng.random(n) < 0.005
        if n >= 20 and not dormant.any():
            dormant[n // 2] = True
        self.dormant = dormant
        if self.island:
            island = slice(n - _ISLAND_ACTORS, n)
            self.sector[island] = [3, 2, 5, 0]  # community, philanthropic, academic, public
            self.scope[island] = 0
            self.territory[island] = self.territory[n - _ISLAND_ACTORS]
        weights = activity[:, None] * _PROPENSITY[self.sector]
        wide = self.scope > 0
        weights[wide] *= _WIDE_SCOPE_BOOST
        weights[dormant] = 0.0
        if self.island:
            weights[n - _ISLAND_ACTORS :] = 0.0
        self.weights = weights  # (n, 6)
        # Role pools: local actors grouped by territory, then one segment for wide scopes.
        key = np.where(wide, t, self.territory)
        self.pool_order = np.argsort(key, kind="stable")
        bounds = np.searchsorted(key[self.pool_order], np.arange(t + 2))
        self.pool_start, self.pool_end = bounds[:-1], bounds[1:]
        self.pool_cum0 = np.zeros((5, n + 1))  # leading zero: cum0[i] = weight before i
        self.pool_cum0[:, 1:] = np.cumsum(weights[self.pool_order, :5], axis=0).T
        self._amount_mean = _AMOUNT_LOG_MEAN.tolist()
        # Tie pools: actors by territory then index (prefixes = earlier actors).
        self.tie_order = np.argsort(self.territory, kind="stable")
        self.tie_pos = np.empty(n, dtype=np.int64)
        self.tie_pos[self.tie_order] = np.arange(n)
        self.tie_seg_start = np.searchsorted(self.territory[self.tie_order], np.arange(t))
        self.tie_cum_terr0 = np.concatenate(([0.0], np.cumsum(weights[self.tie_order, _TIE])))
        self.tie_cum_index0 = np.concatenate(([0.0], np.cumsum(weights[:, _TIE])))
        self.tie_eligible_before = np.concatenate(([0], np.cumsum(weights[:, _TIE] > 0)[:-1]))

    def actor_id(self, i: int) -> str:
        return self._actor_fmt.format(i + 1)

    def project_id(self, j: int) -> str:
        return self._project_fmt.format(j + 1)

    def territory_name(self, t: int) -> str:
        return f"T{t + 1:03d}"

    def actor_rows(self) -> Iterator[tuple[str, ...]]:
        sectors = [s.value for s in _SECTORS]
        scopes = [s.value for s in _SCOPES]
        territories = [self.territory_name(t) for t in range(self.n_territories)]
        for i, (sec, pick, terr, scope) in enumerate(
            zip(
                self.sector.tolist(),
                self.type_pick.tolist(),
                self.territory.tolist(),
                self.scope.tolist(),
                strict=True,
            )
        ):
            types = _TYPES[sec]
            code, label = types[min(int(pick * len(types)), len(types) - 1)]
            if sec == 7:
                category = Category.INDIVIDUAL.value
            elif code in ("citizen_group", "network", "volunteer"):
                category = Category.GROUP.value
            else:
                category = Category.ORGANIZATION.value
            yield (
                self.actor_id(i),
                f"{label} {i + 1}",
                sectors[sec],
                code,
                category,
                territories[terr],
                scopes[scope],
            )

    # Projects ---------------------------------------------------------------
    def _draw_projects(self) -> None:
        rng, m, n = self._rng_projects, self.sizes.projects, self.sizes.actors
        self.stage = rng.choice(4, size=m, p=_STAGE_SHARE).astype(np.int8)
        # Projects sit where the actors are.
        self.p_territory = self.territory[rng.integers(0, n, size=m)]
        self.theme1 = rng.integers(0, len(_THEMES), size=m)
        self.theme2 = np.where(rng.random(m) < 0.25, rng.integers(0, len(_THEMES), size=m), -1)
        self.prefix = rng.integers(0, len(_PROJECT_PREFIX), size=m)
        span = _LAST_YEAR - _FIRST_YEAR + 1
        self.start_year = _FIRST_YEAR + (span * rng.random(m) ** 0.6).astype(np.int64)
        self.start_month = np.where(rng.random(m) < 0.3, rng.integers(1, 13, size=m), 0)
        self.duration = np.where(
            (self.stage == 3) & (rng.random(m) < 0.6), rng.integers(1, 6, size=m), -1
        )
        self.size = rng.lognormal(0.0, 0.7, size=m)
        if self.island:
            self.p_territory[m - 1] = self.territory[n - _ISLAND_ACTORS]

    def project_rows(self) -> Iterator[tuple[str, ...]]:
        stages = [s.value for s in _STAGES]
        for j, (stage, terr, t1, t2, prefix, year, month, duration) in enumerate(
            zip(
                self.stage.tolist(),
                self.p_territory.tolist(),
                self.theme1.tolist(),
                self.theme2.tolist(),
                self.prefix.tolist(),
                self.start_year.tolist(),
                self.start_month.tolist(),
                self.duration.tolist(),
                strict=True,
            )
        ):
            theme = _THEMES[t1] if t2 < 0 or t2 == t1 else f"{_THEMES[t1]};{_THEMES[t2]}"
            start = f"{year}-{month:02d}-01" if month else str(year)
            end = str(year + duration) if duration > 0 else ""
            name = f"{_PROJECT_PREFIX[prefix]} {_THEMES[t1]} {j + 1}"
            yield (
                self.project_id(j),
                name,
                stages[stage],
                theme,
                self.territory_name(terr),
                start,
                end,
            )

    # Relation budget ----------------------------------------------------------
    def _allocate_roles(self) -> None:
        rng, m, n = self._rng_alloc, self.sizes.projects, self.sizes.actors
        budget = self.sizes.relations
        self.island_rows = 5 if self.island and budget >= 50 else 0
        budget -= self.island_rows
        regular = m - 1 if self.island else m
        counts = np.zeros((m, 5), dtype=np.int64)
        # A few projects have no carrier yet; a few have two.
        carriers = np.where(rng.random(m) < 0.04, 0, 1) + (rng.random(m) < 0.08)
        carriers[regular:] = 0
        cumulative = np.cumsum(carriers)
        carriers[cumulative > budget] = 0  # tiny budgets: not even one carrier each
        counts[:, _CARRIES] = carriers
        ap_budget = max(round(_AP_SHARE * budget), int(carriers.sum()))
        ap_budget = min(ap_budget, budget)
        expected = self.size[:, None] * _ROLE_BY_STAGE[self.stage]
        # Gaps on purpose: some projects lack funders, supports or adopters at their stage.
        expected[rng.random(m) < 0.03, 0] = 0.0
        expected[rng.random(m) < 0.03, 1] = 0.0
        no_adopter = rng.random(m) < 0.06
        expected[no_adopter, 2:] = 0.0
        expected[regular:] = 0.0
        rest = ap_budget - int(carriers.sum())
        total_expected = float(expected.sum())
        if rest > 0 and total_expected > 0:
            flat = rng.multinomial(rest, (expected / total_expected).ravel())
            counts[:, 1:] += flat.reshape(m, 4)
        # No project can hold more distinct actors than there are.
        counts = _cap_rows(counts, n)
        self.role_counts = counts
        self.tie_budget = budget - int(counts.sum())
        tie_weight = self.weights[:, _TIE] * (self.tie_eligible_before > 0)
        # Most actors hold at least one tie (few are isolated in a real ecosystem); the rest
        # of the budget goes to the active ones, which makes the tail heavy.
        able = tie_weight > 0
        share = min(0.8, self.tie_budget / max(1, int(able.sum())) / 1.3)
        base = (able & (rng.random(n) < share)).astype(np.int64)
        base[np.cumsum(base) > self.tie_budget] = 0  # tiny budgets: never more than asked
        rest_ties = self.tie_budget - int(base.sum())
        total_tie = float(tie_weight.sum())
        if rest_ties > 0 and total_tie > 0:
            wanted = base + rng.multinomial(rest_ties, tie_weight / total_tie)
        else:
            wanted = base
        # An actor ties only to distinct earlier actors: what it cannot hold goes to others.
        self.tie_room = np.where(able, self.tie_eligible_before, 0)
        capped = np.minimum(wanted, self.tie_room)
        self.tie_counts = _spread(int((wanted - capped).sum()), capped, self.tie_room)

    # Relations ---------------------------------------------------------------
    def relation_rows(self) -> Iterator[tuple[str, ...]]:
        """Project roles, then actor→actor ties, then the island; exactly the budget when
        it fits."""
        rng = self._rng_rel
        attrs = _Uniforms(self._rng_attr)
        shortfall = 0
        for start in range(0, self.sizes.projects, _CHUNK):
            rows, missing = self._project_chunk(
                rng, attrs, start, min(start + _CHUNK, self.sizes.projects)
            )
            shortfall += missing
            yield from rows
        # Roles that could not be filled become ties, so the total stays as asked.
        counts = _spread(shortfall, self.tie_counts.copy(), self.tie_room)
        for start in range(0, self.sizes.actors, _CHUNK):
            yield from self._tie_chunk(
                rng, attrs, counts, start, min(start + _CHUNK, self.sizes.actors)
            )
        if self.island_rows:
            yield from self._island_rows(attrs)

    def _project_chunk(
        self, rng: np.random.Generator, attrs: _Uniforms, lo: int, hi: int
    ) -> tuple[list[tuple[str, ...]], int]:
        counts = self.role_counts[lo:hi]
        cell_project, cell_role = np.nonzero(counts)
        cell_k = counts[cell_project, cell_role]
        cell_project = cell_project + lo
        n_cand = 2 * cell_k + 3
        cand_cell = np.repeat(np.arange(len(cell_k)), n_cand)
        cand_role = cell_role[cand_cell]
        territory = self.p_territory[cell_project][cand_cell]
        candidates = self._draw_pool(rng, cand_role, territory)
        offsets = np.concatenate(([0], np.cumsum(n_cand))).tolist()
        candidates_list = candidates.tolist()
        rows: list[tuple[str, ...]] = []
        missing = 0
        chosen: set[int] = set()
        current = -1
        for c, (j, role, k) in enumerate(
            zip(cell_project.tolist(), cell_role.tolist(), cell_k.tolist(), strict=True)
        ):
            if j != current:
                chosen = set()
                current = j
            picked = _take_new(candidates_list[offsets[c] : offsets[c + 1]], chosen, k)
            if len(picked) < k:
                more = self._fallback_pool(
                    rng, role, int(self.p_territory[j]), chosen, k - len(picked)
                )
                chosen.update(more)
                picked.extend(more)
                missing += k - len(picked)
            pid = self.project_id(j)
            for a in picked:
                rows.append(self._role_row(attrs, a, pid, role, j))
        return rows, missing

    def _draw_pool(
        self, rng: np.random.Generator, role: np.ndarray, territory: np.ndarray
    ) -> np.ndarray:
        """One weighted draw per request from the local or the wide-scope pool (-1: none)."""
        size = len(role)
        wide = self.n_territories
        local = rng.random(size) < _LOCAL_SHARE[role]
        u = rng.random(size)
        seg = np.where(local, territory, wide)
        out = np.full(size, -1, dtype=np.int64)
        for r in range(5):
            mask = role == r
            if not mask.any():
                continue
            cum0 = self.pool_cum0[r]
            cum = cum0[1:]
            s = seg[mask]
            lo_w, hi_w = cum0[self.pool_start[s]], cum0[self.pool_end[s]]
            # An empty local pool falls back to the wide one, and the other way round.
            empty = hi_w <= lo_w
            s = np.where(empty, np.where(s == wide, territory[mask], wide), s)
            lo_w, hi_w = cum0[self.pool_start[s]], cum0[self.pool_end[s]]
            pos = np.searchsorted(cum, lo_w + u[mask] * (hi_w - lo_w), side="right")
            valid = (hi_w > lo_w) & (pos < self.pool_end[s])
            picked = np.where(valid, self.pool_order[np.minimum(pos, len(cum) - 1)], -1)
            out[mask] = picked
        return out

    def _fallback_pool(
        self, rng: np.random.Generator, role: int, territory: int, chosen: set[int], need: int
    ) -> list[int]:
        """Rarely needed: more draws, then a weighted choice without replacement."""
        wide = self.n_territories
        for _attempt in range(3):
            draws = self._draw_pool(
                rng, np.full(4 * need + 8, role), np.full(4 * need + 8, territory)
            ).tolist()
            got: list[int] = []
            for a in draws:
                if a >= 0 and a not in chosen and a not in got:
                    got.append(a)
                    if len(got) == need:
                        return got
        positions = np.concatenate(
            [np.arange(self.pool_start[s], self.pool_end[s]) for s in (territory, wide)]
        )
        actors = self.pool_order[positions]
        weights = self.weights[actors, role]
        keep = (weights > 0) & ~np.isin(actors, np.fromiter(chosen, dtype=np.int64))
        actors, weights = actors[keep], weights[keep]
        if len(actors) <= need:
            return [int(a) for a in actors]
        drawn = rng.choice(actors, size=need, replace=False, p=weights / weights.sum())
        return [int(a) for a in drawn]

    def _role_row(self, attrs: _Uniforms, a: int, pid: str, role: int, j: int) -> tuple[str, ...]:
        aid = self.actor_id(a)
        if role == _FUNDS:
            year = min(_LAST_YEAR, int(self.start_year[j]) + attrs.index(4))
            return (aid, pid, "funds", self._amount(attrs, a), str(year), "", "")
        if role == _SUPPORTS:
            return (aid, pid, "supports", "", "", "", self._support_kind(attrs, a))
        return (aid, pid, _ROLES[role].value, "", "", "", "")

    def _amount(self, attrs: _Uniforms, a: int) -> str:
        # Box-Muller from two served uniforms keeps one random stream for attributes.
        u1, u2 = max(attrs(), 1e-12), attrs()
        normal = math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)
        value = math.exp(self._amount_mean[self.sector[a]] + 0.9 * normal)
        return str(max(100, round(value / 100.0) * 100))

    def _support_kind(self, attrs: _Uniforms, a: int) -> str:
        kinds = _SUPPORT_KINDS[int(self.sector[a])]
        return str(kinds[attrs.index(len(kinds))])

    def _tie_chunk(
        self, rng: np.random.Generator, attrs: _Uniforms, counts: np.ndarray, lo: int, hi: int
    ) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        sources = np.nonzero(counts[lo:hi])[0]
        k = counts[lo:hi][sources]
        sources = sources + lo
        n_cand = 2 * k + 3
        cand_src = np.repeat(sources, n_cand)
        candidates = self._draw_earlier(rng, cand_src)
        offsets = np.concatenate(([0], np.cumsum(n_cand))).tolist()
        candidates_list = candidates.tolist()
        for c, (a, need) in enumerate(zip(sources.tolist(), k.tolist(), strict=True)):
            seen: set[int] = set()
            picked = _take_new(candidates_list[offsets[c] : offsets[c + 1]], seen, need)
            if len(picked) < need:
                picked.extend(self._fallback_earlier(rng, a, seen, need - len(picked)))
            for b in picked:
                rows.append(self._tie_row(attrs, a, b))
        return rows

    def _draw_earlier(self, rng: np.random.Generator, source: np.ndarray) -> np.ndarray:
        """One weighted draw of an earlier actor per request, half in the same territory."""
        size = len(source)
        same_territory = rng.random(size) < 0.5
        u = rng.random(size)
        t_cum0, i_cum0 = self.tie_cum_terr0, self.tie_cum_index0
        pos_a = self.tie_pos[source]
        seg0 = self.tie_seg_start[self.territory[source]]
        t_lo, t_hi = t_cum0[seg0], t_cum0[pos_a]
        local_ok = same_territory & (t_hi > t_lo)
        out = np.full(size, -1, dtype=np.int64)
        if local_ok.any():
            lo_w, hi_w = t_lo[local_ok], t_hi[local_ok]
            pos = np.searchsorted(t_cum0[1:], lo_w + u[local_ok] * (hi_w - lo_w), side="right")
            pos = np.minimum(pos, pos_a[local_ok] - 1)
            out[local_ok] = self.tie_order[pos]
        glob = ~local_ok
        hi_w = i_cum0[source[glob]]
        pos = np.searchsorted(i_cum0[1:], u[glob] * hi_w, side="right")
        ok = hi_w > 0
        out_glob = np.where(ok, np.minimum(pos, source[glob] - 1), -1)
        out[glob] = out_glob
        return out

    def _fallback_earlier(
        self, rng: np.random.Generator, a: int, seen: set[int], need: int
    ) -> list[int]:
        got: list[int] = []
        for _attempt in range(3):
            for b in self._draw_earlier(rng, np.full(4 * need + 8, a)).tolist():
                if b >= 0 and b not in seen:
                    seen.add(b)
                    got.append(b)
                    if len(got) == need:
                        return got
        earlier = np.arange(a)
        weights = self.weights[:a, _TIE]
        keep = (weights > 0) & ~np.isin(earlier, np.fromiter(seen, dtype=np.int64))
        earlier, weights = earlier[keep], weights[keep]
        left = need - len(got)
        if len(earlier) <= left:
            return got + [int(b) for b in earlier]
        drawn = rng.choice(earlier, size=left, replace=False, p=weights / weights.sum())
        return got + [int(b) for b in drawn]

    def _tie_row(self, attrs: _Uniforms, a: int, b: int) -> tuple[str, ...]:
        """The tie between ``a`` and an earlier ``b``: its type and direction follow the
        sectors (funders fund, academics and media support, networks have members)."""
        sa, sb = int(self.sector[a]), int(self.sector[b])
        ida, idb = self.actor_id(a), self.actor_id(b)
        r = attrs()
        funders = (0, 2)
        if sb in funders and r < 0.35:
            return (idb, ida, "funds", self._amount(attrs, b), str(2015 + attrs.index(11)), "", "")
        if sa in funders and r < 0.35:
            return (ida, idb, "funds", self._amount(attrs, a), str(2015 + attrs.index(11)), "", "")
        if sb in (5, 6) and r < 0.5:
            return (idb, ida, "supports", "", "", "", self._support_kind(attrs, b))
        if sa in (5, 6) and r < 0.5:
            return (ida, idb, "supports", "", "", "", self._support_kind(attrs, a))
        if sb in (3, 4) and r < 0.6:
            return (ida, idb, "member_of", "", "", "", "")
        return (ida, idb, "collaborates", "", "", str(1 + attrs.index(3)), "")

    def _island_rows(self, attrs: _Uniforms) -> Iterator[tuple[str, ...]]:
        """A small cluster cut off from the rest: four actors around one project."""
        n, m = self.sizes.actors, self.sizes.projects
        c, f, s, t = (self.actor_id(n - _ISLAND_ACTORS + i) for i in range(_ISLAND_ACTORS))
        pid = self.project_id(m - 1)
        yield (c, pid, "carries", "", "", "", "")
        year = str(int(self.start_year[m - 1]))
        yield (f, pid, "funds", self._amount(attrs, n - 3), year, "", "")
        yield (s, pid, "supports", "", "", "", "knowledge")
        yield (t, pid, "adopts", "", "", "", "")
        yield (c, t, "collaborates", "", "", "1", "")


def _spread(extra: int, counts: np.ndarray, room: np.ndarray) -> np.ndarray:
    """Add ``extra`` to ``counts`` one by one, latest actors first (they have the most room),
    never above ``room``; what does not fit is dropped."""
    while extra > 0:
        free = np.nonzero(counts < room)[0][::-1]
        if len(free) == 0:
            break
        take = free[:extra]
        counts[take] += 1
        extra -= len(take)
    return counts


def _cap_rows(counts: np.ndarray, limit: int) -> np.ndarray:
    """Scale down any project's role counts whose total exceeds ``limit`` actors."""
    totals = counts.sum(axis=1)
    over = totals > limit
    if over.any():
        for j in np.nonzero(over)[0].tolist():
            row = counts[j]
            while row.sum() > limit:
                row[int(np.argmax(row))] -= 1
    return counts
