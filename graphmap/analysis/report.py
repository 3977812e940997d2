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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Broker:
    """One actor's brokerage profile. Constraint and effective size are ``None`` where
    undefined (an actor with no relation, whose betweenness is 0)."""

    id: str
    name: str
    rank: int
    betweenness: float | None
    constraint: float | None
    effective_size: float | None
    brokerage: Brokerage
    why: Message
    bridged_groups: tuple[str, ...] = ()

    @property
    def brokers(self) -> bool:
        """Whether a broker measure the reports show says this actor brokers: betweenness
        above 0, or a Gould–Fernandez brokerage count above 0 (docs/analysis.md §5)."""
        return (self.betweenness or 0.0) > 0.0 or self.brokerage.total > 0


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the ecosystem lacks, with a stable ``code`` (docs/analysis.md, gap codes)."""

    code: str
    severity: str  # "high" | "medium" | "low"
    subject: str
    subject_kind: str  # "project" | "territory" | "actor" | "ecosystem"
    message: Message
    remedy: Message
    evidence: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Opportunity:
    """A tie worth creating: ``kind`` is fund, support, adopt or collaborate."""

    kind: str
    source: str
    target: str
    score: float
    reasons: tuple[Message, ...]
    introducer: str | None
    path: tuple[str, ...]
    #: How strong the evidence behind the proposal is, in words for the human reports:
    #: "strong", "moderate" or "weak" (docs/analysis.md §8, evidence strength).
    evidence: str = "weak"
    #: The introduction in a sentence ("X knows both", "X, then Y", "no one knows both").
    introduction: Message | None = None


@dataclass(frozen=True, slots=True)
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

    def brokers_shown(self, top: int | None) -> tuple[Broker, ...]:
        """The brokers a human report lists: only actors that broker
        (:attr:`Broker.brokers`), in report order, at most ``top`` (``None``: all).

        The analysis ranks brokers first (betweenness, then total brokerage), so this is
        a prefix of ``brokers``; when it is shorter than ``top``, say how many broker
        (:meth:`brokers_note`).
        """
        limit = len(self.brokers) if top is None else max(top, 0)
        shown: list[Broker] = []
        for broker in self.brokers:
            if len(shown) >= limit:
                break
            if broker.brokers:
                shown.append(broker)
        return tuple(shown)

    def broker_count(self) -> int:
        """How many actors broker at all (:attr:`Broker.brokers`)."""
        return sum(1 for broker in self.brokers if broker.brokers)

    def brokers_note(self, top: int | None) -> Message | None:
        """The sentence a human report shows when fewer actors broker than it would list
        (``top``, ``None``: all actors), else ``None``."""
        count = self.broker_count()
        wanted = len(self.brokers) if top is None else min(max(top, 0), len(self.brokers))
        if count >= wanted or not self.brokers:
            return None
        if count == 0:
            return Message("analysis.broker.shown_none")
        key = "analysis.broker.shown_one" if count == 1 else "analysis.broker.shown_fewer"
        return Message(key, {"count": count, "actors": len(self.brokers)})
