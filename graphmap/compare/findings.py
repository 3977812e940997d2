"""What changed in the findings between two years: funding, brokers, gaps, network figures,
and which of last year's proposals came true."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graphmap.analysis.report import OPPORTUNITY_KINDS, AnalysisReport, Broker, Gap, Opportunity
from graphmap.compare.diff import relation_key
from graphmap.compare.report import (
    BrokerChanges,
    BrokerMove,
    Change,
    FundingChanges,
    GapChange,
    GapChanges,
    HitRate,
    RealisedOpportunity,
    RelationChanges,
    RelationKey,
)
from graphmap.model.dataset import Dataset
from graphmap.schema import RelationType

__all__ = ["broker_changes", "funding_changes", "gap_changes", "hit_rates", "network_changes",
           "realised_opportunities"]

#: The relation that realises a proposal of each project-side kind (source → project).
REALISED_BY: Mapping[str, str] = {
    "fund": RelationType.FUNDS.value,
    "support": RelationType.SUPPORTS.value,
    "adopt": RelationType.ADOPTS.value,
}


def _funding(dataset: Dataset) -> dict[str, Any]:
    """The sums of ``funds`` amounts, by the rules of the analysis summary: every grant in
    the total and by funder (and by the funder's sector); by territory, grants to projects,
    under the project's territory (``""`` when it has none)."""
    by_funder: dict[str, float] = defaultdict(float)
    by_sector: dict[str, float] = defaultdict(float)
    by_territory: dict[str, float] = defaultdict(float)
    missing = 0
    actors, projects = dataset.actor_by_id, dataset.project_by_id
    for r in dataset.relations:
        if r.type is not RelationType.FUNDS:
            continue
        if r.amount is None:
            missing += 1
            continue
        by_funder[r.source] += r.amount
        by_sector[actors[r.source].sector.value] += r.amount
        project = projects.get(r.target)
        if project is not None:
            by_territory[project.territory or ""] += r.amount
    return {"total": float(sum(by_funder.values())), "by_funder": by_funder,
            "by_sector": by_sector, "by_territory": by_territory, "missing": missing}


def _changes(old: Mapping[str, float], new: Mapping[str, float]) -> dict[str, Change]:
    return {key: Change(old.get(key, 0.0), new.get(key, 0.0))
            for key in sorted(old.keys() | new.keys())}


def funding_changes(old: Dataset, new: Dataset) -> FundingChanges:
    """Funding before and after, in total, by territory, by the funder's sector and by funder.

    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> f = Actor("f", "F", Sector.PHILANTHROPIC)
    >>> p, q = (Project("p", "P", Stage.EMERGENCE, territory="Laval"),
    ...         Project("q", "Q", Stage.EMERGENCE, territory="Mirabel"))
    >>> old = Dataset((f,), (p, q), (Relation("f", "p", R.FUNDS, 100.0),))
    >>> new = Dataset((f,), (p, q), (Relation("f", "q", R.FUNDS, 80.0),))
    >>> funding = funding_changes(old, new)
    >>> funding.total.change, {t: c.change for t, c in funding.by_territory.items()}
    (-20.0, {'Laval': -100.0, 'Mirabel': 80.0})
    """
    before, after = _funding(old), _funding(new)
    return FundingChanges(
        total=Change(before["total"], after["total"]),
        by_territory=_changes(before["by_territory"], after["by_territory"]),
        by_sector=_changes(before["by_sector"], after["by_sector"]),
        by_funder=_changes(before["by_funder"], after["by_funder"]),
        relations_without_amount=Change(before["missing"], after["missing"]),
    )


def broker_changes(old: Sequence[Broker], new: Sequence[Broker], top: int) -> BrokerChanges:
    """Who entered or left the first ``top`` brokers, and who moved within them.

    >>> from graphmap.analysis.report import Brokerage
    >>> from graphmap.i18n import Message
    >>> def ranked(*ids):
    ...     return [Broker(i, i, n, None, None, None, Brokerage(), Message("cli.interrupted"))
    ...             for n, i in enumerate(ids, start=1)]
    >>> moves = broker_changes(ranked("a", "b", "c"), ranked("b", "a", "d"), top=2)
    >>> moves.entered, moves.left, [(m.id, m.old_rank, m.new_rank) for m in moves.moved]
    ((), (), [('a', 1, 2), ('b', 2, 1)])
    >>> broker_changes(ranked("a", "b", "c"), ranked("b", "d", "a"), top=2).entered
    ('d',)
    """
    before = {b.id: b.rank for b in old[:top]}
    after = {b.id: b.rank for b in new[:top]}
    moved = tuple(BrokerMove(i, before[i], after[i])
                  for i in sorted(before.keys() & after.keys()) if before[i] != after[i])
    return BrokerChanges(
        top=top,
        entered=tuple(sorted(after.keys() - before.keys())),
        left=tuple(sorted(before.keys() - after.keys())),
        moved=moved,
        old_top=tuple(b.id for b in old[:top]),
        new_top=tuple(b.id for b in new[:top]),
    )


#: The relation types that bear on a gap of each code (docs/analysis.md §7); a code not
#: listed here is borne on by a tie of any type, and ``ecosystem.fragmented`` by none (every
#: new tie would be listed).
BEARING_TYPES: Mapping[str, frozenset[str]] = {
    "project.no_carrier": frozenset({RelationType.CARRIES.value}),
    "project.no_funder": frozenset({RelationType.FUNDS.value}),
    "project.single_funder": frozenset({RelationType.FUNDS.value}),
    "project.no_support": frozenset({RelationType.SUPPORTS.value}),
    "project.no_adopter": frozenset({RelationType.ADOPTS.value, RelationType.BENEFITS.value}),
    "territory.no_local_funder": frozenset({RelationType.FUNDS.value}),
    "territory.no_local_support": frozenset({RelationType.SUPPORTS.value}),
    "ecosystem.fragmented": frozenset(),
}


def _bears_on(gap: Gap, key: RelationKey, dataset: Dataset) -> bool:
    """Whether a new relation bears on a gap: of a type the gap is about (any type for a
    code not in :data:`BEARING_TYPES`), touching its actor or project, or, for a territory,
    made by an actor located there."""
    types = BEARING_TYPES.get(gap.code)
    if types is not None and key.type not in types:
        return False
    if gap.subject_kind in ("actor", "project"):
        return gap.subject in (key.source, key.target)
    if gap.subject_kind == "territory":
        actor = dataset.actor_by_id.get(key.source)
        return actor is not None and actor.territory == gap.subject
    return False


def gap_changes(old: Sequence[Gap], new: Sequence[Gap], new_dataset: Dataset,
                relations: RelationChanges, *, added_ids: Iterable[str] = (),
                removed_ids: Iterable[str] = ()) -> GapChanges:
    """Gaps opened, closed and persisting, matched by ``(code, subject)``.

    A gap about an actor or project in ``added_ids`` is marked ``new_subject``, one about a
    record in ``removed_ids`` ``removed_subject`` (it closed because its subject is gone);
    each gap lists the new relations that bear on it (:func:`_bears_on`).
    """
    before = {(g.code, g.subject): g for g in old}
    after = {(g.code, g.subject): g for g in new}
    appeared, gone = set(added_ids), set(removed_ids)

    def item(gap: Gap) -> GapChange:
        ties = tuple(k for k in relations.added if _bears_on(gap, k, new_dataset))
        return GapChange(gap.code, gap.subject, gap.subject_kind, gap.severity, gap.message,
                         new_subject=gap.subject in appeared,
                         removed_subject=gap.subject in gone, added_ties=ties)

    return GapChanges(
        opened=tuple(item(after[k]) for k in sorted(after.keys() - before.keys())),
        closed=tuple(item(before[k]) for k in sorted(before.keys() - after.keys())),
        persisting=tuple(item(after[k]) for k in sorted(after.keys() & before.keys())),
    )


def _realising(opp: Opportunity, keys: set[RelationKey],
               actor_pairs: Mapping[frozenset[str], RelationKey]) -> RelationKey | None:
    """The relation of NEW that makes ``opp`` come true, if any: the proposed relation for a
    project-side kind; for ``collaborate``, any relation between the two actors, either way
    (the same test that kept the pair from being proposed: they were not tied at all)."""
    relation_type = REALISED_BY.get(opp.kind)
    if relation_type is not None:
        key = RelationKey(opp.source, opp.target, relation_type)
        return key if key in keys else None
    return actor_pairs.get(frozenset((opp.source, opp.target)))


def realised_opportunities(old_report: AnalysisReport,
                           new: Dataset) -> tuple[RealisedOpportunity, ...]:
    """Every opportunity OLD's analysis proposed that NEW holds as a relation, sorted by
    ``(kind, source, target)``."""
    keys = {relation_key(r) for r in new.relations}
    actor_pairs: dict[frozenset[str], RelationKey] = {}
    for key in sorted(keys):
        if key.target in new.actor_by_id:
            actor_pairs.setdefault(frozenset((key.source, key.target)), key)
    found = []
    for opp in old_report.opportunities:
        realising = _realising(opp, keys, actor_pairs)
        if realising is not None:
            found.append(RealisedOpportunity(opp.kind, opp.source, opp.target, opp.score,
                                             opp.introducer, realising))
    return tuple(sorted(found, key=lambda o: (o.kind, o.source, o.target)))


def hit_rates(old_report: AnalysisReport,
              realised: Sequence[RealisedOpportunity]) -> dict[str, HitRate]:
    """Per kind (the report's kinds first, any other after, by name): proposed and realised."""
    proposed: dict[str, int] = defaultdict(int)
    for opp in old_report.opportunities:
        proposed[opp.kind] += 1
    came_true: dict[str, int] = defaultdict(int)
    for done in realised:
        came_true[done.kind] += 1
    kinds = [*OPPORTUNITY_KINDS, *sorted(set(proposed) - set(OPPORTUNITY_KINDS))]
    return {kind: HitRate(proposed[kind], came_true[kind]) for kind in kinds}


def _figures(summary: Mapping[str, Any]) -> dict[str, float | None]:
    funding = summary.get("funding") or {}
    return {
        "actors": summary.get("actors"),
        "projects": summary.get("projects"),
        "relations": summary.get("relations"),
        "density": summary.get("density"),
        "components": summary.get("components"),
        "isolated_actors": summary.get("isolated_actors"),
        "funding_hhi": funding.get("hhi"),
        "sectors_per_project": summary.get("mean_sector_diversity"),
    }


def network_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Change]:
    """The network figures of the two analysis summaries, before and after
    (:data:`graphmap.compare.report.NETWORK_FIGURES`)."""
    before, after = _figures(old), _figures(new)
    return {name: Change(before[name], after[name]) for name in before}
