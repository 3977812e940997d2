"""The CompareReport: plain dataclasses the compare renderers read (and nothing else).

Field names follow the JSON contract of ``docs/compare.md`` (extend, never rename). Every
tuple is sorted (the order is stated on each field), so the same two workspaces give the
same report, whatever the order of their rows. Sentences are ``Message`` objects rendered
late, so one report serves French and English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmap.i18n import Message

#: How a node or a tie of the change map fared between the two years.
ADDED, REMOVED, KEPT = "added", "removed", "kept"
STATUSES: tuple[str, ...] = (ADDED, REMOVED, KEPT)
#: The network figures compared, in report order (keys of ``CompareReport.network``).
NETWORK_FIGURES: tuple[str, ...] = (
    "actors", "projects", "relations", "density", "components", "isolated_actors",
    "funding_hhi", "sectors_per_project",
)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: which workspace, cut at which year, and its analysis
    ``summary`` (the ``summary`` of ``graphmap analyze --format json``)."""

    workspace: str
    as_of: int | None
    summary: Mapping[str, Any]


@dataclass(frozen=True, order=True)
class RelationKey:
    """What identifies a relation from one year to the next. ``collaborates`` is symmetric,
    so its ends are in id order."""

    source: str
    target: str
    type: str


@dataclass(frozen=True)
class Rename:
    """A removed and an added record with the same name: perhaps one id renamed."""

    old_id: str
    new_id: str
    name: str


@dataclass(frozen=True)
class RecordChanges:
    """Actors or projects matched by id. ``added``, ``removed``, ``changed`` are sorted ids;
    ``changed_fields`` gives, per changed id, the sorted names of the fields that differ;
    ``renamed`` is sorted by ``(old_id, new_id)``."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    changed_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    renamed: tuple[Rename, ...] = ()
    unchanged: int = 0


@dataclass(frozen=True)
class RelationChanges:
    """Relations matched by :class:`RelationKey`; each tuple sorted by key."""

    added: tuple[RelationKey, ...] = ()
    removed: tuple[RelationKey, ...] = ()
    changed: tuple[RelationKey, ...] = ()
    changed_fields: Mapping[RelationKey, tuple[str, ...]] = field(default_factory=dict)
    unchanged: int = 0


@dataclass(frozen=True)
class Change:
    """A figure before and after. ``None`` where it is undefined (no funding, no project)."""

    old: float | None
    new: float | None

    @property
    def change(self) -> float | None:
        """``new - old``, or ``None`` when either is undefined.

        >>> Change(2, 5).change, Change(None, 5).change
        (3, None)
        """
        if self.old is None or self.new is None:
            return None
        return self.new - self.old


@dataclass(frozen=True)
class FundingChanges:
    """Sums of ``funds`` amounts before and after. Mappings are sorted by key; a key shows
    when either year has money under it."""

    total: Change
    by_territory: Mapping[str, Change]
    by_sector: Mapping[str, Change]
    by_funder: Mapping[str, Change]
    relations_without_amount: Change


@dataclass(frozen=True)
class BrokerMove:
    """An actor in both years' top, at another rank."""

    id: str
    old_rank: int
    new_rank: int


@dataclass(frozen=True)
class BrokerChanges:
    """The top ``top`` brokers of each year: ``entered``, ``left`` and ``moved`` are sorted
    by id; ``old_top`` and ``new_top`` are in rank order."""

    top: int
    entered: tuple[str, ...]
    left: tuple[str, ...]
    moved: tuple[BrokerMove, ...]
    old_top: tuple[str, ...]
    new_top: tuple[str, ...]


@dataclass(frozen=True)
class GapChange:
    """A gap, as the year that has it reports it (NEW for opened and persisting, OLD for
    closed). ``new_subject``: its actor or project appeared this year; ``removed_subject``:
    it is gone this year; ``added_ties``: the new relations that bear on the gap (of the
    type it is about, touching its subject; for a closed gap, the likely cause), sorted."""

    code: str
    subject: str
    subject_kind: str
    severity: str
    message: Message
    new_subject: bool = False
    removed_subject: bool = False
    added_ties: tuple[RelationKey, ...] = ()


@dataclass(frozen=True)
class GapChanges:
    """Gaps matched by ``(code, subject)``; each tuple sorted by ``(code, subject)``."""

    opened: tuple[GapChange, ...]
    closed: tuple[GapChange, ...]
    persisting: tuple[GapChange, ...]


@dataclass(frozen=True)
class RealisedOpportunity:
    """One of OLD's proposals that NEW holds as a relation (``relation``)."""

    kind: str
    source: str
    target: str
    score: float
    introducer: str | None
    relation: RelationKey


@dataclass(frozen=True)
class HitRate:
    """How many of OLD's proposals of one kind were made, and how many came true."""

    proposed: int
    realised: int

    @property
    def rate(self) -> float | None:
        """``realised / proposed``; ``None`` when nothing was proposed.

        >>> HitRate(4, 1).rate, HitRate(0, 0).rate
        (0.25, None)
        """
        return self.realised / self.proposed if self.proposed else None


@dataclass(frozen=True)
class MapNode:
    """A node of the change map: ``kind`` is ``actor`` or ``project``, ``group`` its sector
    or stage code, ``status`` one of :data:`STATUSES`."""

    id: str
    name: str
    kind: str
    group: str
    territory: str | None
    status: str


@dataclass(frozen=True)
class MapTie:
    """A relation of the change map (one per :class:`RelationKey`): ``status`` is one of
    :data:`STATUSES`; ``changed`` when a kept relation has other values this year."""

    key: RelationKey
    status: str
    changed: bool = False


@dataclass(frozen=True)
class ChangeMap:
    """Both years on one drawing: every node and relation key of OLD or NEW, sorted by id and
    key."""

    nodes: tuple[MapNode, ...]
    ties: tuple[MapTie, ...]


@dataclass(frozen=True)
class CompareReport:
    """Everything ``graphmap compare`` finds; renderers only format it.

    ``names`` gives the display name of every id the report mentions (NEW's name, else
    OLD's); ``meta`` holds the run facts (settings, version).
    """

    graphmap_version: str
    old: Side
    new: Side
    actors: RecordChanges
    projects: RecordChanges
    relations: RelationChanges
    funding: FundingChanges
    brokers: BrokerChanges
    gaps: GapChanges
    opportunities_realised: tuple[RealisedOpportunity, ...]
    hit_rate: Mapping[str, HitRate]
    network: Mapping[str, Change]
    names: Mapping[str, str]
    change_map: ChangeMap
    meta: Mapping[str, Any] = field(default_factory=dict)
