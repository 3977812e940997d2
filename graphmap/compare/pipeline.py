"""Compare two years of an ecosystem: analyse both with the same settings, then report what
changed in one :class:`~graphmap.compare.report.CompareReport`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from graphmap._version import __version__
from graphmap.analysis.pipeline import analyze
from graphmap.analysis.report import AnalysisReport
from graphmap.compare.diff import (
    ACTOR_FIELDS,
    PROJECT_FIELDS,
    change_map,
    diff_records,
    diff_relations,
)
from graphmap.compare.findings import (
    broker_changes,
    funding_changes,
    gap_changes,
    hit_rates,
    network_changes,
    realised_opportunities,
)
from graphmap.compare.report import CompareReport, RecordChanges, Side
from graphmap.config import AnalysisConfig
from graphmap.model.dataset import Dataset

__all__ = ["compare", "compare_analyses"]


def compare(old: Dataset, new: Dataset, config: AnalysisConfig | None = None, *,
            old_as_of: int | None = None, new_as_of: int | None = None) -> CompareReport:
    """Analyse ``old`` and ``new`` with the same ``config`` and report what changed.

    ``old_as_of`` and ``new_as_of`` only record, in the report, the year each side was cut at
    (:func:`graphmap.compare.asof.as_of` does the cutting).

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> a, p = Actor("a", "A", Sector.COMMUNITY), Project("p", "P", Stage.EMERGENCE)
    >>> old = Dataset(actors=(a,), projects=(p,), relations=(Relation("a", "p", R.CARRIES),))
    >>> new = Dataset(actors=(a, Actor("f", "F", Sector.PUBLIC)), projects=(p,),
    ...               relations=(Relation("a", "p", R.CARRIES),
    ...                          Relation("f", "p", R.FUNDS, 5000.0, 2025)))
    >>> report = compare(old, new)
    >>> report.actors.added, report.funding.total.change
    (('f',), 5000.0)
    """
    config = config or AnalysisConfig()
    return compare_analyses(old, analyze(old, config), new, analyze(new, config),
                            top=config.top, old_as_of=old_as_of, new_as_of=new_as_of,
                            meta={"seed": config.seed, "config": config.as_dict()})


def compare_analyses(old: Dataset, old_report: AnalysisReport, new: Dataset,
                     new_report: AnalysisReport, *, top: int, old_as_of: int | None = None,
                     new_as_of: int | None = None,
                     meta: dict[str, Any] | None = None) -> CompareReport:
    """The comparison of two workspaces already analysed (with the same settings).

    ``top`` is how many brokers of each year count as "the top" (``--top``).
    """
    actors = diff_records(old.actors, new.actors, ACTOR_FIELDS)
    projects = diff_records(old.projects, new.projects, PROJECT_FIELDS)
    relations = diff_relations(old.relations, new.relations)
    brokers = broker_changes(old_report.brokers, new_report.brokers, top)
    gaps = gap_changes(old_report.gaps, new_report.gaps, new, relations,
                       added_ids=(*actors.added, *projects.added),
                       removed_ids=(*actors.removed, *projects.removed))
    realised = realised_opportunities(old_report, new)
    report = CompareReport(
        graphmap_version=__version__,
        old=Side(old.name, old_as_of, old_report.summary),
        new=Side(new.name, new_as_of, new_report.summary),
        actors=actors,
        projects=projects,
        relations=relations,
        funding=funding_changes(old, new),
        brokers=brokers,
        gaps=gaps,
        opportunities_realised=realised,
        hit_rate=hit_rates(old_report, realised),
        network=network_changes(old_report.summary, new_report.summary),
        names={},
        change_map=change_map(old, new, relations),
        meta={"top": top, **(meta or {})},
    )
    return _with_names(report, old, new)


def _mentioned(report: CompareReport) -> Iterable[str]:
    """Every actor or project id the report's sections name."""
    for records in (report.actors, report.projects):
        yield from _record_ids(records)
    rel = report.relations
    for key in (*rel.added, *rel.removed, *rel.changed):
        yield from (key.source, key.target)
    yield from report.funding.by_funder
    b = report.brokers
    yield from (*b.entered, *b.left, *b.old_top, *b.new_top)
    gaps = report.gaps
    for gap in (*gaps.opened, *gaps.closed, *gaps.persisting):
        if gap.subject_kind in ("actor", "project"):
            yield gap.subject
        for key in gap.added_ties:
            yield from (key.source, key.target)
    for opp in report.opportunities_realised:
        yield from (opp.source, opp.target)
        if opp.introducer:
            yield opp.introducer


def _record_ids(records: RecordChanges) -> Iterable[str]:
    yield from (*records.added, *records.removed, *records.changed)


def _with_names(report: CompareReport, old: Dataset, new: Dataset) -> CompareReport:
    names = {}
    for node_id in sorted(set(_mentioned(report))):
        names[node_id] = new.node_name(node_id) if new.kind_of(node_id) else old.node_name(node_id)
    return replace(report, names=names)
