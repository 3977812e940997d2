"""Summary: the ecosystem in figures — counts, density, components, funding totals and
concentration, sector diversity per project."""

from __future__ import annotations

import operator
from collections import Counter, defaultdict
from collections.abc import Iterable
from enum import Enum
from typing import Any

import numpy as np

from graphmap.analysis.gaps import distinct_integers
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
    by_funder, by_territory, by_stage, missing = _funding(graph)
    diversity = _sector_diversity(graph)
    stage_counts = _counts_by_value(map(_STAGE, dataset.projects))
    sector_counts = _counts_by_value(map(_SECTOR, dataset.actors))
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
        "projects_by_stage": {s.value: stage_counts.get(s.value, 0) for s in Stage},
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


_STAGE = operator.attrgetter("stage")
_SECTOR = operator.attrgetter("sector")


def _counts_by_value(members: Iterable[Enum]) -> dict[str, int]:
    """How many of ``members`` have each value, counted by identity: an enum member
    hashes, and its ``value`` reads, in Python (a million calls on a million actors).

    >>> _counts_by_value([Stage.FEEDBACK, Stage.EMERGENCE, Stage.FEEDBACK])
    {'feedback': 2, 'emergence': 1}
    """
    held = list(members)
    by_id = dict(zip(map(id, held), held, strict=True))
    counts: dict[str, int] = defaultdict(int)
    for key, count in Counter(map(id, held)).items():
        counts[by_id[key].value] += count
    return dict(counts)


def _first_seen_sums(keys: np.ndarray, amounts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(distinct keys in first-seen order, their sums)``; each sum adds its amounts one
    by one in row order from 0.0, as a loop of ``total[key] += amount`` would (same
    floating-point result, byte for byte)."""
    distinct, first, code = np.unique(keys, return_index=True, return_inverse=True)
    sums = np.bincount(code, weights=amounts, minlength=len(distinct))
    order = np.argsort(first, kind="stable")
    return distinct[order], sums[order]


def _funding(graph: EcosystemGraph) -> tuple[dict[str, float], dict[str, float],
                                             dict[str, float], int]:
    """``funds`` amounts by funder (first-seen order), by project territory and stage, and
    how many ``funds`` relations have no amount, from the relation arrays."""
    dataset = graph.dataset
    funds = np.flatnonzero(graph.relations_of((RelationType.FUNDS,)))
    relations = dataset.relations
    amount = np.array([relations[i].amount for i in funds.tolist()], dtype=float)
    known = ~np.isnan(amount)
    rows, amount = funds[known], amount[known]
    ids = graph.ids
    funders, totals = _first_seen_sums(graph.relation_source[rows], amount)
    by_funder = {ids[f]: float(v)
                 for f, v in zip(funders.tolist(), totals.tolist(), strict=True)}
    target = graph.relation_target[rows]
    to_project = target >= graph.actor_count
    projects = dataset.projects
    na = graph.actor_count
    place = {p.territory or "" for p in projects}
    territory_code = {t: i for i, t in enumerate(sorted(place))}
    stages = [s.value for s in Stage]
    stage_code = {v: i for i, v in enumerate(stages)}
    funded = target[to_project] - na
    project_territory = np.array([territory_code[p.territory or ""] for p in projects],
                                 dtype=np.int64)
    project_stage = np.array([stage_code[p.stage.value] for p in projects], dtype=np.int64)
    by_territory = _named_sums(project_territory[funded], amount[to_project],
                               sorted(place))
    by_stage = _named_sums(project_stage[funded], amount[to_project], stages)
    return by_funder, by_territory, by_stage, int(np.count_nonzero(~known))


def _named_sums(codes: np.ndarray, amounts: np.ndarray, names: list[str]) -> dict[str, float]:
    """The sums of ``amounts`` per code, keyed by ``names[code]``, only codes that occur."""
    keys, sums = _first_seen_sums(codes, amounts)
    return {names[k]: float(v) for k, v in zip(keys.tolist(), sums.tolist(), strict=True)}


def _sector_diversity(graph: EcosystemGraph) -> dict[str, int]:
    """Per project, the distinct sectors among the actors tied to it (any relation)."""
    dataset = graph.dataset
    na = graph.actor_count
    code: dict[str, int] = {}
    sectors = list(map(_SECTOR, dataset.actors))
    # Codes in first-seen order of the values, looked up by identity (no enum hashing).
    code_of = {key: code.setdefault(member.value, len(code))
               for key, member in dict(zip(map(id, sectors), sectors, strict=True)).items()}
    sector = np.fromiter(map(code_of.__getitem__, map(id, sectors)), dtype=np.int64,
                         count=len(sectors))
    source, target = graph.relation_source, graph.relation_target
    tied = (target >= na) & (source < na)
    project = target[tied] - na
    width = max(len(code), 1)
    pairs = distinct_integers(project * width + sector[source[tied]],
                              len(dataset.projects) * width)
    counts = np.bincount(pairs // width, minlength=len(dataset.projects))
    return {p.id: int(c) for p, c in zip(dataset.projects, counts.tolist(), strict=True)}
