"""One organisation's point of view on a report (``graphmap analyze --for ID``): what that
organisation can do, in this order: introductions it can make, gaps it could fill (projects
it could fund, support or adopt), who it should meet.

The report is narrowed, not recomputed: its opportunities are those that involve the
organisation as introducer, source or target, ordered as above (then any other that names
it); its gaps are those about itself or about a project it could fill a gap of. Brokers,
communities and the summary stay those of the whole ecosystem, for context.
"""

from __future__ import annotations

import dataclasses
import difflib
from typing import TYPE_CHECKING

from graphmap.errors import UsageError
from graphmap.model.dataset import Dataset
from graphmap.schema import fold

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport, Opportunity

__all__ = ["FILL_KINDS", "for_actor", "involves", "resolve_actor", "viewpoint_rank"]

#: Opportunity kinds by which an actor fills a project's gap.
FILL_KINDS: frozenset[str] = frozenset({"fund", "support", "adopt"})


def resolve_actor(dataset: Dataset, text: str) -> str:
    """The actor id meant by ``text``: an id, or a name that only one actor has (any case,
    any accents); else a usage error naming the closest actor.

    >>> from graphmap.model.records import Actor
    >>> from graphmap.schema import Sector
    >>> ds = Dataset(actors=(Actor("pole", "Pôle de l'économie sociale", Sector.COMMUNITY),))
    >>> resolve_actor(ds, "pole"), resolve_actor(ds, "POLE DE L'ECONOMIE SOCIALE")
    ('pole', 'pole')
    """
    key = text.strip()
    ids = [actor.id for actor in dataset.actors]
    if key in ids:
        return key
    by_name: dict[str, list[str]] = {}
    for actor in dataset.actors:
        by_name.setdefault(fold(actor.name), []).append(actor.id)
    matches = by_name.get(fold(key), [])
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise UsageError("report.for.ambiguous", name=text, ids=", ".join(matches))
    close = (difflib.get_close_matches(key, ids, n=1, cutoff=0.6)
             or [by_name[n][0] for n in difflib.get_close_matches(fold(key), list(by_name),
                                                                  n=1, cutoff=0.6)])
    if not close:
        raise UsageError("report.for.unknown", id=text)
    raise UsageError("report.for.unknown_suggest", id=text, suggestion=close[0],
                     name=dataset.node_name(close[0]))


def involves(opportunity: Opportunity, actor: str) -> bool:
    """Whether ``actor`` is the opportunity's source, target or introducer."""
    return actor in (opportunity.source, opportunity.target, opportunity.introducer)


def viewpoint_rank(opportunity: Opportunity, actor: str) -> int:
    """0: ``actor`` can make the introduction; 1: it can fill a project's gap (fund, support,
    adopt); 2: it should meet someone (collaborate); 3: it is named otherwise."""
    if opportunity.introducer == actor:
        return 0
    if opportunity.kind in FILL_KINDS and opportunity.source == actor:
        return 1
    if opportunity.kind == "collaborate" and actor in (opportunity.source, opportunity.target):
        return 2
    return 3


def for_actor(report: AnalysisReport, actor: str) -> AnalysisReport:
    """``report`` from ``actor``'s point of view (see the module's docstring); its
    ``meta["for"]`` names the actor."""
    mine = [o for o in report.opportunities if involves(o, actor)]
    # A stable sort: within a group the report's own ranking is kept.
    mine.sort(key=lambda o: viewpoint_rank(o, actor))
    fillable = {o.target for o in mine if o.kind in FILL_KINDS and o.source == actor}
    gaps = tuple(g for g in report.gaps if g.subject == actor or g.subject in fillable)
    meta = {**report.meta, "for": actor}
    return dataclasses.replace(report, opportunities=tuple(mine), gaps=gaps, meta=meta)
