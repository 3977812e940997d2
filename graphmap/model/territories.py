"""How declared territories nest (the optional ``territories`` table): which territory lies
in which, and how far an actor's scope reaches from where it is located.

Territories are named here by their canonical value, the name a Dataset keeps in the
``territory`` of actors and projects (docs/workspace-format.md, territories table).
"""

from __future__ import annotations

from collections.abc import Mapping

from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor
from graphmap.schema import Scope


class TerritoryTree:
    """The nesting of a Dataset's declared territories, by name.

    >>> from graphmap.model.records import Territory
    >>> ds = Dataset(territories=(Territory("15", "Laurentides", None, "region"),
    ...                           Territory("78", "Antoine-Labelle", "15", "mrc"),
    ...                           Territory("77", "Les Laurentides", "15", "mrc")))
    >>> tree = TerritoryTree(ds)
    >>> tree.contains("Laurentides", "Antoine-Labelle"), tree.contains("Les Laurentides",
    ...                                                                "Antoine-Labelle")
    (True, False)
    """

    def __init__(self, dataset: Dataset) -> None:
        name_of = {t.id: t.name for t in dataset.territories}
        self.parent: Mapping[str, str | None] = {
            t.name: name_of.get(t.parent) if t.parent else None for t in dataset.territories}
        self.kind: Mapping[str, str | None] = {t.name: t.kind for t in dataset.territories}

    def __bool__(self) -> bool:
        return bool(self.parent)

    def ancestors(self, name: str) -> list[str]:
        """``name`` and the territories it lies in, innermost first (``[]`` if undeclared)."""
        out: list[str] = []
        current: str | None = name if name in self.parent else None
        while current is not None and current not in out:  # validation refuses cycles
            out.append(current)
            current = self.parent.get(current)
        return out

    def contains(self, outer: str, inner: str) -> bool:
        """Whether ``inner`` is ``outer`` or lies (at any depth) in it."""
        return outer in self.ancestors(inner)

    def anchor(self, actor: Actor) -> str | None:
        """The territory whose whole extent the actor's scope covers, or ``None`` when its
        territory is not declared: a ``local`` actor its own territory, a ``regional`` one
        the region it is in (the nearest territory of kind ``region``, else its own), a
        ``provincial`` or ``national`` one the outermost territory it is in."""
        chain = self.ancestors(actor.territory) if actor.territory else []
        if not chain:
            return None
        if actor.scope is Scope.LOCAL:
            return chain[0]
        if actor.scope is Scope.REGIONAL:
            return next((t for t in chain if self.kind.get(t) == "region"), chain[0])
        return chain[-1]

    def covers(self, actor: Actor, place: str) -> bool:
        """Whether ``place`` lies in the extent the actor's scope covers (:meth:`anchor`)."""
        anchor = self.anchor(actor)
        return anchor is not None and self.contains(anchor, place)

    def based_in(self, actor: Actor, place: str) -> bool:
        """Whether the actor is located in ``place`` or in a territory that lies in it."""
        return actor.territory is not None and self.contains(place, actor.territory)
