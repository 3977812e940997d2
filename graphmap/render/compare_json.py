"""The JSON comparison of ``docs/compare.md``: one document, byte-identical from run to run.

The same determinism rules as the analysis report (``graphmap.render.json_report``): the
contract's keys in the contract's order, extras after; free-form mappings sorted by key;
every list sorted (the order is the report model's, documented per field); floats rounded
to 12 significant digits; UTF-8, 2-space indent, a trailing newline, no timestamp.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graphmap.compare.report import (
    Change,
    CompareReport,
    GapChange,
    RealisedOpportunity,
    RecordChanges,
    RelationChanges,
    RelationKey,
)
from graphmap.render.json_report import dumps, to_json_value

__all__ = ["compare_to_dict", "render_compare_json"]


def _key(key: RelationKey) -> dict[str, Any]:
    return {"source": key.source, "target": key.target, "type": key.type}


def _change(change: Change, lang: str) -> dict[str, Any]:
    return {"old": to_json_value(change.old, lang), "new": to_json_value(change.new, lang),
            "change": to_json_value(change.change, lang)}


def _changes(changes: Mapping[str, Change], lang: str) -> dict[str, Any]:
    return {str(name): _change(changes[name], lang) for name in sorted(changes)}


def _records(records: RecordChanges) -> dict[str, Any]:
    return {
        "added": list(records.added),
        "removed": list(records.removed),
        "changed": list(records.changed),
        # Extras.
        "changed_fields": {i: list(records.changed_fields[i]) for i in records.changed},
        "renamed": [{"old_id": r.old_id, "new_id": r.new_id, "name": r.name}
                    for r in records.renamed],
        "unchanged": records.unchanged,
    }


def _relations(relations: RelationChanges) -> dict[str, Any]:
    return {
        "added": [_key(k) for k in relations.added],
        "removed": [_key(k) for k in relations.removed],
        "changed": [{**_key(k), "fields": list(relations.changed_fields[k])}
                    for k in relations.changed],
        # Extras.
        "unchanged": relations.unchanged,
    }


def _gaps(items: Iterable[GapChange], lang: str) -> list[dict[str, Any]]:
    return [{
        "code": g.code,
        "subject": g.subject,
        # Extras.
        "subject_kind": g.subject_kind,
        "severity": g.severity,
        "message": g.message.render(lang),
        "new_subject": g.new_subject,
        "removed_subject": g.removed_subject,
        "added_ties": [_key(k) for k in g.added_ties],
    } for g in items]


def _realised(opp: RealisedOpportunity, lang: str) -> dict[str, Any]:
    return {
        "kind": opp.kind,
        "source": opp.source,
        "target": opp.target,
        # Extras.
        "score": to_json_value(opp.score, lang),
        "introducer": opp.introducer,
        "relation": _key(opp.relation),
    }


def compare_to_dict(report: CompareReport, lang: str) -> dict[str, Any]:
    """The comparison as plain JSON data, contract keys first, in the contract's order.

    Examples
    --------
    >>> from graphmap.compare import compare
    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor
    >>> from graphmap.schema import Sector
    >>> doc = compare_to_dict(compare(Dataset(), Dataset(actors=(Actor("a", "A",
    ...                                 Sector.PUBLIC),))), "en")
    >>> list(doc)[:6], doc["actors"]["added"]
    (['old', 'new', 'actors', 'projects', 'relations', 'funding'], ['a'])
    """
    funding = report.funding
    brokers = report.brokers
    gaps = report.gaps
    return {
        "old": to_json_value(report.old.summary, lang),
        "new": to_json_value(report.new.summary, lang),
        "actors": _records(report.actors),
        "projects": _records(report.projects),
        "relations": _relations(report.relations),
        "funding": {
            "total": _change(funding.total, lang),
            "by_territory": _changes(funding.by_territory, lang),
            "by_sector": _changes(funding.by_sector, lang),
            "by_funder": _changes(funding.by_funder, lang),
            "relations_without_amount": _change(funding.relations_without_amount, lang),
        },
        "brokers": {
            "entered": list(brokers.entered),
            "left": list(brokers.left),
            "moved": [{"id": m.id, "old_rank": m.old_rank, "new_rank": m.new_rank}
                      for m in brokers.moved],
            # Extras.
            "top": brokers.top,
            "old_top": list(brokers.old_top),
            "new_top": list(brokers.new_top),
        },
        "gaps": {
            "opened": _gaps(gaps.opened, lang),
            "closed": _gaps(gaps.closed, lang),
            "persisting": _gaps(gaps.persisting, lang),
        },
        "opportunities_realised": [_realised(o, lang) for o in report.opportunities_realised],
        "hit_rate": {kind: {"proposed": rate.proposed, "realised": rate.realised,
                            "rate": to_json_value(rate.rate, lang)}
                     for kind, rate in report.hit_rate.items()},
        "network": {name: _change(change, lang) for name, change in report.network.items()},
        "meta": to_json_value({
            **report.meta,
            "graphmap_version": report.graphmap_version,
            "old": {"workspace": report.old.workspace, "as_of": report.old.as_of},
            "new": {"workspace": report.new.workspace, "as_of": report.new.as_of},
        }, lang),
        # Extras.
        "lang": lang,
        "names": {node_id: report.names[node_id] for node_id in sorted(report.names)},
    }


def render_compare_json(report: CompareReport, lang: str) -> str:
    """The JSON comparison as text: one document ending with a newline, identical for
    identical input."""
    return dumps(compare_to_dict(report, lang))
