"""The Dataset: one validated workspace, in input order, with lookups by id."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from graphmap.diagnostics import Issue
from graphmap.model.records import Actor, Project, Relation, Territory
from graphmap.schema import NodeKind


@dataclass(frozen=True)
class Dataset:
    """Actors, projects and relations as the user wrote them, validated.

    Records keep input order. ``warnings`` are the non-fatal issues found while loading.
    ``territories`` is the optional territories table (empty: none declared); when it is
    given, the ``territory`` of actors and projects is a declared territory's name.
    Equality compares the data only (not warnings or provenance), so the same ecosystem
    from CSV, XLSX or JSON compares equal.
    """

    actors: tuple[Actor, ...] = ()
    projects: tuple[Project, ...] = ()
    relations: tuple[Relation, ...] = ()
    warnings: tuple[Issue, ...] = field(default=(), compare=False)
    name: str = field(default="", compare=False)
    territories: tuple[Territory, ...] = ()

    @functools.cached_property
    def actor_by_id(self) -> Mapping[str, Actor]:
        return {a.id: a for a in self.actors}

    @functools.cached_property
    def project_by_id(self) -> Mapping[str, Project]:
        return {p.id: p for p in self.projects}

    def kind_of(self, node_id: str) -> NodeKind | None:
        if node_id in self.actor_by_id:
            return NodeKind.ACTOR
        if node_id in self.project_by_id:
            return NodeKind.PROJECT
        return None

    def node_name(self, node_id: str) -> str:
        node = self.actor_by_id.get(node_id) or self.project_by_id.get(node_id)
        return node.name if node is not None else node_id

    @property
    def extra_columns(self) -> Mapping[str, tuple[str, ...]]:
        """The user's own columns per table, in first-seen order (``territories`` only when
        the table is declared)."""
        out: dict[str, tuple[str, ...]] = {}
        tables: tuple[tuple[str, tuple[Actor | Project | Relation | Territory, ...]], ...] = (
            ("actors", self.actors), ("projects", self.projects),
            ("relations", self.relations), ("territories", self.territories))
        if not self.territories:
            tables = tables[:3]  # no territories table: the three tables only
        for table, records in tables:
            seen: dict[str, None] = {}
            for record in records:
                for key in record.extra:
                    seen.setdefault(key, None)
            out[table] = tuple(seen)
        return out
