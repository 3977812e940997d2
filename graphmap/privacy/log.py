"""The publication log's records: what the publication step removed, replaced, scrubbed or
aggregated, by table, column and rule. It counts; it never holds a value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: Actions, in the log's order.
ACTIONS: tuple[str, ...] = ("removed", "replaced", "aggregated", "scrubbed", "flagged")


@dataclass(frozen=True)
class LogEntry:
    """``count`` values of ``table.column`` were ``action`` by ``rule``.

    ``table`` is ``actors``, ``projects``, ``relations`` or ``report``; ``column`` is the
    header as the workspace writes it (or the report section); ``rule`` is one of the rules
    of docs/privacy.md (``header``, ``email``, ``phone``, ``postal_code``, ``not_included``,
    ``public_flag``, ``citizen``, ``individual``, ``public_no``, ``person_name``,
    ``k_anonymity``).
    """

    action: str
    table: str
    column: str
    rule: str
    count: int


@dataclass(frozen=True)
class GroupEntry:
    """A group node of the published map: its id, label and size (no member named)."""

    id: str
    label: str
    size: int


@dataclass(frozen=True)
class PublicationLog:
    """The record a privacy impact assessment asks for: the mode, the date, the rules and
    every removal, replacement and aggregation."""

    mode: str  # "public" | "default"
    date: str
    graphmap_version: str
    lang: str
    k: int
    aggregate: bool
    included_columns: tuple[str, ...]
    salt_source: str | None
    entries: tuple[LogEntry, ...]
    groups: tuple[GroupEntry, ...] = ()
    totals: Mapping[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The log as ``publication.json`` writes it (keys in this order)."""
        return {
            "mode": self.mode,
            "date": self.date,
            "graphmap_version": self.graphmap_version,
            "lang": self.lang,
            "rules": {"k": self.k, "aggregate": self.aggregate,
                      "included_columns": list(self.included_columns),
                      "salt": self.salt_source, "analysis": "full_data_then_redacted"},
            "totals": dict(self.totals),
            "entries": [{"action": e.action, "table": e.table, "column": e.column,
                         "rule": e.rule, "count": e.count} for e in self.entries],
            "groups": [{"id": g.id, "label": g.label, "size": g.size} for g in self.groups],
        }
