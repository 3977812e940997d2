"""The AnalysisReport: plain dataclasses every renderer and the Neo4j sync read.

Field names follow the JSON report of ``docs/json-report.md`` (a contract: extend, never
rename). Sentences are ``Message`` objects rendered late, so one report serves French and
English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmap.i18n import Message

#: Gould–Fernandez brokerage roles, in the order of ``Brokerage`` and of the JSON report.
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
#: Gap severities, most serious first.
SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
#: Opportunity kinds, in report order.
OPPORTUNITY_KINDS: tuple[str, ...] = ("fund", "support", "adopt", "collaborate")


@dataclass(frozen=True)
class Brokerage:
    """Gould–Fernandez role counts of one actor on the actor flow graph."""

    coordinator: int = 0
    itinerant: int = 0
    representative: int = 0
    gatekeeper: int = 0
    liaison: int = 0

    @property
    def total(self) -> int:
        return (self.coordinator + self.itinerant + self.representative + self.gatekeeper
                + self.liaison)


@dataclass(frozen=True)
class Broker:
    """One actor's brokerage profile. Measures are ``None`` where undefined (isolated actor)."""

    id: str
    name: str
    rank: int
    betweenness: float | None
    constraint: float | None
    effective_size: float | None
    brokerage: Brokerage
    why: Message
    bridged_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gap:
    """Something the ecosystem lacks, with a stable ``code`` (docs/analysis.md, gap codes)."""

    code: str
    severity: str  # "high" | "medium" | "low"
    subject: str
    subject_kind: str  # "project" | "territory" | "actor" | "ecosystem"
    message: Message
    remedy: Message
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Opportunity:
    """A tie worth creating: ``kind`` is fund, support, adopt or collaborate."""

    kind: str
    source: str
    target: str
    score: float
    reasons: tuple[Message, ...]
    introducer: str | None
    path: tuple[str, ...]


@dataclass(frozen=True)
class Community:
    """A modularity community of ``G_u``, labelled by its dominant sector and territory."""

    id: int
    members: tuple[str, ...]
    label: Message
    dominant_sector: str | None
    dominant_territory: str | None


@dataclass(frozen=True)
class AnalysisReport:
    """Everything ``graphmap analyze`` computes; renderers only format it."""

    graphmap_version: str
    summary: Mapping[str, Any]
    brokers: tuple[Broker, ...]
    gaps: tuple[Gap, ...]
    opportunities: tuple[Opportunity, ...]
    communities: tuple[Community, ...]
    # Run facts: approximate betweenness, sample size, group_by, seed, config used.
    meta: Mapping[str, Any] = field(default_factory=dict)
