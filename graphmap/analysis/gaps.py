"""Gaps: projects missing a role their stage needs, territories without a local funding or
support base, isolated actors and a fragmented ecosystem (the gap codes of
``docs/analysis.md``).

Stages are cumulative: a project at ``feedback`` still needs what ``emergence`` and
``mobilization`` need. Every rule reads the compiled graph once (the roles around each
project, degrees, components), so the whole analysis is linear in the size of the
workspace.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import numpy as np

from graphmap.analysis.labels import sector_listing, territory_term
from graphmap.analysis.report import SEVERITIES, Gap
from graphmap.config import AnalysisConfig
from graphmap.i18n import Listing, Message
from graphmap.model.compiled import EcosystemGraph, ProjectRoles, ProjectRolesTable
from graphmap.model.dataset import Dataset
from graphmap.model.records import Project
from graphmap.model.territories import TerritoryTree
from graphmap.schema import RelationType, Stage, per_term

#: Every gap code in the order of docs/analysis.md, with its severity.
GAP_CODES: Mapping[str, str] = {
    "project.no_carrier": "high",
    "project.no_funder": "high",
    "project.single_funder": "medium",
    "project.no_support": "medium",
    "project.low_diversity": "medium",
    "project.no_adopter": "high",
    "territory.no_local_funder": "medium",
    "territory.no_local_support": "medium",
    "actor.isolated": "low",
    "ecosystem.fragmented": "medium",
}
#: The first stage at which each project rule applies.
FROM_STAGE: Mapping[str, Stage] = {
    "project.no_carrier": Stage.EMERGENCE,
    "project.no_funder": Stage.MOBILIZATION,
    "project.single_funder": Stage.FEEDBACK,
    "project.no_support": Stage.MOBILIZATION,
    "project.low_diversity": Stage.MOBILIZATION,
    "project.no_adopter": Stage.FEEDBACK,
}


def project_gaps(graph: EcosystemGraph, config: AnalysisConfig | None = None) -> list[Gap]:
    """The gaps of every project, following the stage rules:

    - ``project.no_carrier`` (any stage): no ``carries`` relation;
    - ``project.no_funder`` (stage ≥ mobilization): no ``funds`` relation;
    - ``project.single_funder`` (stage ≥ feedback): exactly one funder;
    - ``project.no_support`` (stage ≥ mobilization): no ``supports`` relation;
    - ``project.low_diversity`` (stage ≥ mobilization): the actors tied to the project
      span fewer than ``config.min_sectors`` sectors;
    - ``project.no_adopter`` (stage ≥ feedback): no ``adopts`` or ``benefits`` relation.

    Examples
    --------
    >>> ds = Dataset(projects=(Project("p", "Jardins", Stage.MOBILIZATION),))
    >>> [g.code for g in project_gaps(EcosystemGraph(ds))]
    ['project.no_carrier', 'project.no_funder', 'project.no_support', 'project.low_diversity']
    >>> ds = Dataset(projects=(Project("p", "Jardins", Stage.EMERGENCE),))
    >>> [g.code for g in project_gaps(EcosystemGraph(ds))]
    ['project.no_carrier']
    """
    config = config or AnalysisConfig()
    dataset = graph.dataset
    roles = graph.project_roles
    bounds, codes, values = _sector_pairs(graph)
    projects = dataset.projects
    gaps: list[Gap] = []
    # Only the projects some rule fires on are visited (a fifth of them on a generated
    # ecosystem): the rules themselves decide, the counts only skip the others.
    for at in _projects_with_gaps(graph, roles, np.diff(bounds), config).tolist():
        project = projects[at]
        held = [values[c] for c in codes[bounds[at]:bounds[at + 1]].tolist()]
        gaps.extend(_project_rules(project, roles[project.id], held, config, dataset))
    return gaps


def _projects_with_gaps(graph: EcosystemGraph, roles: Mapping[str, ProjectRoles],
                        sector_count: np.ndarray, config: AnalysisConfig) -> np.ndarray:
    """The positions of the projects :func:`_project_rules` yields a gap for, from the role
    counts of the arrays (every project when the roles are not held as arrays)."""
    projects = graph.dataset.projects
    if not isinstance(roles, ProjectRolesTable):
        return np.arange(len(projects))
    rank = np.array(per_term((p.stage for p in projects), _RANK.__getitem__), dtype=np.int64)

    counted = {role: sector_count if role == "sectors" else roles.counts(role)
               for role, _fires in _PROJECT_RULES.values()}
    fires = np.zeros(len(projects), dtype=bool)
    for code, (role, fire) in _PROJECT_RULES.items():
        fires |= (rank >= _FROM_RANK[code]) & fire(counted[role], config)
    return np.flatnonzero(fires)


def _sector_pairs(graph: EcosystemGraph) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The sectors of the actors tied to each project as CSR arrays over project positions
    (``bounds``, sector ``codes`` sorted within each project) and the sector codes'
    ``values``: distinct (project, sector) pairs of the relation arrays, no set per
    project."""
    na = graph.actor_count
    names = per_term((a.sector for a in graph.dataset.actors), lambda term: term.value)
    values = sorted(set(names))
    code_of = {value: code for code, value in enumerate(values)}
    sector = np.fromiter(map(code_of.__getitem__, names), dtype=np.int64, count=na)
    rows = (graph.relation_target >= na) & (graph.relation_source < na)
    width = max(len(values), 1)
    keys = (graph.relation_target[rows] - na) * width + sector[graph.relation_source[rows]]
    pairs = distinct_integers(keys, (graph.node_count - na) * width)
    project, code = np.divmod(pairs, width)
    bounds = np.zeros(graph.node_count - na + 1, dtype=np.int64)
    np.cumsum(np.bincount(project, minlength=graph.node_count - na), out=bounds[1:])
    return bounds, code, values


def distinct_integers(values: np.ndarray, size: int) -> np.ndarray:
    """The distinct values of ``values`` (integers in ``[0, size)``), sorted: what
    ``np.unique`` returns, from a mask (its hash table on millions of values is a cache
    miss per value).

    >>> distinct_integers(np.array([4, 1, 4, 0]), 6).tolist()
    [0, 1, 4]
    """
    seen = np.zeros(size, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)


# Stage.rank scans the enum: look it up once per stage, not once per rule and project.
_RANK: Mapping[Stage, int] = {stage: stage.rank for stage in Stage}
#: The rank of the first stage at which each project rule applies.
_FROM_RANK: Mapping[str, int] = {code: _RANK[stage] for code, stage in FROM_STAGE.items()}
#: When each project rule fires: the count it reads (a role's actors, or the sectors of the
#: actors tied to the project) and its test on that count, a number or an array of them.
#: :func:`_project_rules` reads it for one project, :func:`_projects_with_gaps` for all
#: at once: one definition, so the projects skipped are those no rule fires on.
_PROJECT_RULES: Mapping[str, tuple[str, Callable[[Any, AnalysisConfig], Any]]] = {
    "project.no_carrier": ("carriers", lambda n, _config: n == 0),
    "project.no_funder": ("funders", lambda n, _config: n == 0),
    "project.single_funder": ("funders", lambda n, _config: n == 1),
    "project.no_support": ("supporters", lambda n, _config: n == 0),
    "project.low_diversity": ("sectors", lambda n, config: n < config.min_sectors),
    "project.no_adopter": ("adopters", lambda n, _config: n == 0),
}


def _project_rules(project: Project, tie: ProjectRoles, sectors: list[str],
                   config: AnalysisConfig, dataset: Dataset) -> Iterator[Gap]:
    """The gaps of one project; ``sectors`` are those of the actors tied to it, sorted."""
    rank = _RANK[project.stage]
    counted = {"carriers": len(tie.carriers), "funders": len(tie.funders),
               "supporters": len(tie.supporters), "adopters": len(tie.adopters),
               "sectors": len(sectors)}

    def fires(code: str) -> bool:
        role, fire = _PROJECT_RULES[code]
        return rank >= _FROM_RANK[code] and bool(fire(counted[role], config))

    base = {"name": project.name, "stage": project.stage,
            "territory": territory_term(project.territory)}
    evidence = {"stage": project.stage.value}
    if fires("project.no_carrier"):
        yield _gap("project.no_carrier", project.id, "project", base, evidence)
    if fires("project.no_funder"):
        yield _gap("project.no_funder", project.id, "project", base, evidence)
    if fires("project.single_funder"):
        funder = tie.funders[0]
        params = {**base, "funder": funder, "funder_name": dataset.node_name(funder)}
        yield _gap("project.single_funder", project.id, "project", params,
                   {**evidence, "funder": funder})
    if fires("project.no_support"):
        yield _gap("project.no_support", project.id, "project", base, evidence)
    if fires("project.low_diversity"):
        few: dict[str, object] = {**base, "count": len(sectors),
                                  "min_sectors": config.min_sectors,
                                  "sectors": sector_listing(sectors)}
        key_suffix = "" if sectors else "_none"
        yield _gap("project.low_diversity", project.id, "project", few,
                   {**evidence, "sectors": list(sectors), "sector_count": len(sectors),
                    "min_sectors": config.min_sectors}, variant=key_suffix)
    if fires("project.no_adopter"):
        late = project.stage is Stage.APPROPRIATION
        yield _gap("project.no_adopter", project.id, "project", base, evidence,
                   remedy_variant="_appropriation" if late else "")


def territory_gaps(graph: EcosystemGraph) -> list[Gap]:
    """``territory.no_local_funder`` / ``territory.no_local_support``: a territory where
    projects take place but no actor located there funds (supports) anything, project or
    actor. Evidence lists the projects and the funders (supporters) from elsewhere.

    Two cases, stated as facts: no funder at all is active there (none of its projects is
    funded; severity ``medium``), or none is based there but actors based elsewhere fund
    its projects (named in the sentence; severity ``low``).

    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import Scope, Sector
    >>> ds = Dataset(actors=(Actor("m", "Ministère", Sector.PUBLIC, territory="Québec",
    ...                            scope=Scope.PROVINCIAL),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE, territory="Laval"),),
    ...              relations=(Relation("m", "p", RelationType.FUNDS),))
    >>> [(g.code, g.subject, g.evidence["from_elsewhere"])
    ...  for g in territory_gaps(EcosystemGraph(ds))]
    [('territory.no_local_funder', 'Laval', ['m']), ('territory.no_local_support', 'Laval', [])]
    >>> [g.severity for g in territory_gaps(EcosystemGraph(ds))]
    ['low', 'medium']
    """
    dataset = graph.dataset
    ties = graph.project_roles
    tree = TerritoryTree(dataset)
    projects_in: dict[str, list[str]] = defaultdict(list)
    for p in dataset.projects:
        if p.territory:
            projects_in[p.territory].append(p.id)
    funds, supports = RelationType.FUNDS, RelationType.SUPPORTS
    # Who funds (supports) anything, project or actor: from the relation arrays.
    giving: dict[RelationType, list[int]] = {
        kind: distinct_integers(graph.relation_source[graph.relations_of((kind,))],
                                graph.node_count).tolist()
        for kind in (funds, supports)}
    ids, actors, na = graph.ids, dataset.actors, graph.actor_count
    givers: dict[RelationType, set[str]] = {
        kind: set(map(ids.__getitem__, at)) for kind, at in giving.items()}
    # The actors are the first nodes, in the dataset's order: only the givers are read.
    active: dict[RelationType, set[str]] = {
        kind: {place for i in at if i < na and (place := actors[i].territory)}
        for kind, at in giving.items()}
    if tree:
        # Nesting: an actor located in a territory is based in every territory it lies in.
        for places in active.values():
            places.update({outer for place in list(places) for outer in tree.ancestors(place)})
    anchored = {kind: _by_anchor(tree, dataset, ids) for kind, ids in givers.items()}
    gaps: list[Gap] = []
    for territory in sorted(projects_in):
        projects = sorted(p for place in _within(tree, territory, projects_in)
                          for p in projects_in[place])
        for rtype, code, attr in ((funds, "territory.no_local_funder", "funders"),
                                  (supports, "territory.no_local_support", "supporters")):
            if territory in active[rtype]:
                continue
            outsiders = sorted({a for p in projects for a in getattr(ties[p], attr)})
            named_outside = set(outsiders)
            covering = sorted(a for outer in tree.ancestors(territory)
                              for a in anchored[rtype].get(outer, ()) if a not in named_outside)
            params: dict[str, object] = {"territory": territory_term(territory),
                                         "count": len(projects), "outside": len(outsiders)}
            # Facts, not blame: actors based elsewhere may well be active there.
            shown = outsiders or covering
            if shown:
                named: list[object] = [dataset.node_name(a) for a in shown[:_NAMED_OUTSIDERS]]
                if len(shown) > _NAMED_OUTSIDERS:
                    named.append(Message("analysis.territory_gap.more",
                                         {"count": len(shown) - _NAMED_OUTSIDERS}))
                params["names"] = Listing(named)
            evidence: dict[str, object] = {"projects": projects, "from_elsewhere": outsiders}
            if tree:
                evidence["covering"] = covering
            variant = "_active" if outsiders else "_covered" if covering else "_none"
            gaps.append(_gap(code, territory, "territory", params, evidence,
                             variant=variant, severity="low" if shown else None))
    return gaps


def _by_anchor(tree: TerritoryTree, dataset: Dataset, ids: Iterable[str]
               ) -> dict[str, list[str]]:
    """The actors of ``ids`` by the territory their scope is anchored in
    (:meth:`TerritoryTree.anchor`), each actor's anchor found once: an actor covers
    ``t`` when its anchor is ``t`` or a territory ``t`` lies in (:meth:`TerritoryTree.covers`),
    so a territory's covering actors are those anchored in its ancestors."""
    out: dict[str, list[str]] = {}
    if not tree:
        return out
    by_id = dataset.actor_by_id
    for a in ids:
        anchor = tree.anchor(by_id[a]) if a in by_id else None
        if anchor is not None:
            out.setdefault(anchor, []).append(a)
    return out


def _within(tree: TerritoryTree, territory: str, places: Iterable[str]) -> list[str]:
    """The territories of ``places`` that are ``territory`` or lie in it (only itself
    without a territories table)."""
    if not tree:
        return [territory]
    return [place for place in places if tree.contains(territory, place)]


#: Actors based elsewhere named in a territory gap's sentence, at most.
_NAMED_OUTSIDERS = 3


def actor_gaps(graph: EcosystemGraph) -> list[Gap]:
    """``actor.isolated``: an actor with no relation at all."""
    # The actors are the first nodes of the graph, in input order: only the isolated ones
    # are read.
    actors = graph.dataset.actors
    return [
        _gap("actor.isolated", a.id, "actor", {"name": a.name, "sector": a.sector},
             {"sector": a.sector.value, "territory": a.territory})
        for a in map(actors.__getitem__,
                     np.flatnonzero(graph.degree[:graph.actor_count] == 0).tolist())
    ]


def ecosystem_gaps(graph: EcosystemGraph) -> list[Gap]:
    """``ecosystem.fragmented``: ``G_u`` has more than one component holding a project.
    Evidence: how many such components, their sizes (largest first) and the smallest
    project id of each.

    >>> ds = Dataset(projects=(Project("p", "P", Stage.EMERGENCE),
    ...                        Project("q", "Q", Stage.EMERGENCE)))
    >>> [(g.subject, g.evidence["components"]) for g in ecosystem_gaps(EcosystemGraph(ds))]
    [('ecosystem', 2)]
    """
    labels = graph.component_labels()
    sizes = np.bincount(labels) if len(labels) else np.zeros(0, dtype=np.int64)
    # The projects are the nodes after the actors: each component's smallest project id
    # is its first project by id rank.
    na = graph.actor_count
    held = labels[na:]
    by_label = np.lexsort((graph.id_rank[na:], held))
    starts = by_label[np.flatnonzero(np.r_[True, held[by_label][1:] != held[by_label][:-1]])
                      ] if len(held) else by_label
    ids = graph.ids
    parts = [(int(sizes[label]), ids[na + at])
             for label, at in zip(held[starts].tolist(), starts.tolist(), strict=True)]
    if len(parts) <= 1:
        return []
    parts.sort(key=lambda part: (-part[0], part[1]))
    return [_gap("ecosystem.fragmented", "ecosystem", "ecosystem", {"count": len(parts)},
                 {"components": len(parts), "sizes": [size for size, _ in parts],
                  "example_projects": [first for _, first in parts]})]


def find_gaps(graph: EcosystemGraph, config: AnalysisConfig | None = None) -> tuple[Gap, ...]:
    """Every gap of the workspace, sorted by severity (high first), then in the order of
    the gap codes, then by subject.

    >>> ds = Dataset(projects=(Project("p", "P", Stage.FEEDBACK),))
    >>> [g.code for g in find_gaps(EcosystemGraph(ds))]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['project.no_carrier', 'project.no_funder', 'project.no_adopter', 'project.no_support',
     'project.low_diversity']
    """
    config = config or AnalysisConfig()
    gaps = [*project_gaps(graph, config), *territory_gaps(graph), *actor_gaps(graph),
            *ecosystem_gaps(graph)]
    return tuple(sorted(gaps, key=gap_sort_key))


_CODE_ORDER = {code: i for i, code in enumerate(GAP_CODES)}


def gap_sort_key(gap: Gap) -> tuple[int, int, str]:
    return (SEVERITIES.index(gap.severity), _CODE_ORDER.get(gap.code, len(_CODE_ORDER)),
            gap.subject)


def _gap(code: str, subject: str, kind: str, params: Mapping[str, object],
         evidence: Mapping[str, object], *, variant: str = "",
         remedy_variant: str = "", severity: str | None = None) -> Gap:
    key = code.replace(".", "_")
    return Gap(code=code, severity=severity or GAP_CODES[code], subject=subject,
               subject_kind=kind,
               message=Message(f"analysis.gap.{key}{variant}", dict(params)),
               remedy=Message(f"analysis.remedy.{key}{remedy_variant}", dict(params)),
               evidence=dict(evidence))


def gap_codes(gaps: Iterable[Gap]) -> list[str]:
    """The distinct codes of ``gaps`` in first-seen order."""
    return list(dict.fromkeys(g.code for g in gaps))
