"""Reach: who can act in a project's territory (its ``scope``, and with a territories table,
the nesting of territories), for one actor (:func:`can_act`) and for a whole pool by
territory code (:class:`Nesting`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from graphmap.model.compiled import EcosystemGraph
from graphmap.model.records import Actor
from graphmap.model.territories import TerritoryTree
from graphmap.schema import Scope


@dataclass(frozen=True)
class Nesting:
    """Who of a pool can act in each territory of a workspace that declares territories
    (:func:`can_act` with its :class:`~graphmap.model.territories.TerritoryTree`), by
    territory code, computed on first use."""

    tree: TerritoryTree
    members: tuple[Actor, ...]
    names: Mapping[int, str]
    cache: dict[int, np.ndarray]

    @classmethod
    def build(cls, graph: EcosystemGraph, members: tuple[Actor, ...]) -> Nesting | None:
        dataset = graph.dataset
        if not dataset.territories:
            return None
        places = [a.territory for a in dataset.actors] + [p.territory for p in dataset.projects]
        names = {int(code): place for code, place in zip(graph.territory_code.tolist(), places,
                                                          strict=True) if place}
        return cls(TerritoryTree(dataset), members, names, {})

    def reach(self, place: int) -> np.ndarray:
        if place not in self.cache:
            name = self.names[place]
            self.cache[place] = np.array([can_act(a, name, self.tree) for a in self.members],
                                         dtype=bool)
        return self.cache[place]


def can_act(actor: Actor, territory: str | None, tree: TerritoryTree | None = None) -> bool:
    """Whether ``actor`` can act in ``territory``: ``provincial`` and ``national`` actors
    anywhere; a ``regional`` one anywhere, or with a territories table (``tree``) in the
    region it is located in (:meth:`~graphmap.model.territories.TerritoryTree.anchor`); a
    ``local`` one in its own territory, and with a territories table in the territories
    that lie in it. An unknown target territory does not exclude anyone; an actor or a
    target whose territory is not declared follows the rule without a table.

    >>> from graphmap.schema import Scope, Sector
    >>> cld = Actor("c", "CLD", Sector.PUBLIC, territory="Laval")
    >>> can_act(cld, "Laval"), can_act(cld, "Mirabel"), can_act(cld, None)
    (True, False, True)
    >>> can_act(Actor("m", "M", Sector.PUBLIC, scope=Scope.PROVINCIAL), "Mirabel")
    True
    """
    if territory is None or actor.scope in (Scope.PROVINCIAL, Scope.NATIONAL):
        return True
    if (tree is not None and actor.territory is not None and tree.ancestors(territory)
            and tree.ancestors(actor.territory)):
        return tree.covers(actor, territory)
    return actor.scope.reaches_everywhere or actor.territory == territory
