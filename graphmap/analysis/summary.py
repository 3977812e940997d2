"""Summary: the ecosystem in figures — counts, density, components, funding totals and
concentration, sector diversity per project."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np

from graphmap.model.compiled import EcosystemGraph
from graphmap.schema import RelationType, Stage


def herfindahl(amounts: dict[str, float]) -> float | None:
    """Herfindahl–Hirschman index of concentration: :math:`H = \\sum_i s_i^2`, with
    :math:`s_i` the share of funder ``i`` in the total (1 = one funder pays everything,
    1/n = n equal funders). ``None`` when nothing is funded.

    >>> herfindahl({"a": 50.0, "b": 50.0}), herfindahl({"a": 10.0}), herfindahl({})
    (0.5, 1.0, None)
    """
    total = sum(amounts.values())
    if total <= 0:
        return None
    return float(sum((v / total) ** 2 for v in amounts.values()))


def _sorted(mapping: dict[str, float]) -> dict[str, float]:
    return {k: mapping[k] for k in sorted(mapping)}


def summarize(graph: EcosystemGraph) -> dict[str, Any]:
    """The ecosystem in figures (JSON-ready, keys sorted where they are ids).

    - ``actors``, ``projects``, ``relations``: counts of records;
    - ``components``: connected components of ``G_u`` (an isolated actor is one);
      ``component_sizes`` largest first; ``isolated_actors``;
    - ``density``: :math:`2m / (n(n-1))` of ``G_u`` (0 below two nodes);
      ``flow_ties``: edges of the actor flow graph ``F``;
    - ``projects_by_stage``, ``actors_by_sector``;
    - ``funding``: ``total`` of the ``amount`` of ``funds`` relations, ``by_funder``
      (every funds relation), ``by_territory`` and ``by_stage`` (funds to projects, by
      the project's territory / stage; unknown territory under ``""``), ``hhi`` — the
      Herfindahl–Hirschman index of the funders' shares (``None`` without amounts) —
      and ``relations_without_amount``;
    - ``sector_diversity``: per project, how many distinct sectors the actors tied to it
      span; ``mean_sector_diversity`` over projects (``None`` without projects).

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE, territory="T"),),
    ...              relations=(Relation("a", "p", RelationType.FUNDS, amount=100.0),))
    >>> s = summarize(EcosystemGraph(ds))
    >>> s["components"], s["density"], s["funding"]["by_territory"], s["funding"]["hhi"]
    (1, 1.0, {'T': 100.0}, 1.0)
    """
    dataset = graph.dataset
    n = graph.node_count
    m = graph.edge_count
    labels = graph.component_labels()
    sizes = sorted(np.bincount(labels).tolist(), reverse=True) if n else []
    isolated = int(np.count_nonzero(graph.degree[:graph.actor_count] == 0))
    projects = dataset.project_by_id
    sector_of = {a.id: a.sector.value for a in dataset.actors}

    by_funder: dict[str, float] = defaultdict(float)
    by_territory: dict[str, float] = defaultdict(float)
    by_stage: dict[str, float] = defaultdict(float)
    missing = 0
    for r in dataset.relations:
        if r.type is not RelationType.FUNDS:
            continue
        if r.amount is None:
            missing += 1
            continue
        by_funder[r.source] += r.amount
        project = projects.get(r.target)
        if project is not None:
            by_territory[project.territory or ""] += r.amount
            by_stage[project.stage.value] += r.amount
    roles = graph.project_roles
    diversity = {p.id: len({sector_of[a] for a in roles[p.id].actors if a in sector_of})
                 for p in dataset.projects}
    stage_counts: dict[str, int] = defaultdict(int)
    for p in dataset.projects:
        stage_counts[p.stage.value] += 1
    sector_counts: dict[str, int] = defaultdict(int)
    for a in dataset.actors:
        sector_counts[a.sector.value] += 1
    return {
        "actors": len(dataset.actors),
        "projects": len(dataset.projects),
        "relations": len(dataset.relations),
        "components": len(sizes),
        "component_sizes": sizes,
        "isolated_actors": isolated,
        "density": 0.0 if n < 2 else 2.0 * m / (n * (n - 1)),
        "ties": m,
        "flow_ties": int(graph.flow.nnz),
        "projects_by_stage": {s.value: stage_counts[s.value] for s in Stage},
        "actors_by_sector": {k: sector_counts[k] for k in sorted(sector_counts)},
        "funding": {
            "total": float(sum(by_funder.values())),
            "by_funder": _sorted(by_funder),
            "by_territory": _sorted(by_territory),
            "by_stage": _sorted(by_stage),
            "hhi": herfindahl(by_funder),
            "relations_without_amount": missing,
        },
        "sector_diversity": {k: diversity[k] for k in sorted(diversity)},
        "mean_sector_diversity": (sum(diversity.values()) / len(diversity)
                                  if diversity else None),
    }
