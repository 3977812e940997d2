"""Validated, typed records of a workspace: actors, projects, relations and territories."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from graphmap.schema import Category, RelationType, Scope, Sector, Stage


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was read: the file the user opens and the spreadsheet row (header = 1)."""

    file: str
    row: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation, group or person. ``extra`` holds the user's own columns, verbatim."""

    id: str
    name: str
    sector: Sector
    type: str | None = None
    category: Category = Category.ORGANIZATION
    territory: str | None = None
    scope: Scope = Scope.LOCAL
    extra: Mapping[str, str] = field(default_factory=dict)
    # Provenance is not part of equality: the same data from CSV and XLSX is the same Dataset.
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Project:
    """A social-innovation project at one of the four stages."""

    id: str
    name: str
    stage: Stage
    themes: tuple[str, ...] = ()
    territory: str | None = None
    start: str | None = None
    end: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed tie from ``source`` to ``target`` (actor→project or actor→actor)."""

    source: str
    target: str
    type: RelationType
    amount: float | None = None
    year: int | None = None
    weight: float = 1.0
    kind: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Territory:
    """A declared territory (optional ``territories`` table). ``parent`` is the id of the
    territory it lies in; ``kind`` is ``region``, ``mrc``, ``municipality`` or free text."""

    id: str
    name: str
    parent: str | None = None
    kind: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    origin: Origin | None = field(default=None, compare=False, repr=False)
