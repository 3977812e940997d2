"""The ranked list of brokers: one :class:`~graphmap.analysis.report.Broker` per actor, from
the arrays :func:`graphmap.analysis.brokers.find_brokers` computes, with the sentence saying
why it ranks where it does.

Every actor is listed (the JSON report writes them all), so a record per actor is needed;
what is kept out of the loop over them is every per-actor look-up that arrays answer at
once (measures as plain lists, ``None`` where undefined) and every group listing, built
once per combination of groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from graphmap.analysis.labels import group_term
from graphmap.analysis.report import Broker, Brokerage
from graphmap.i18n import Listing, Message
from graphmap.model.records import Actor


def ranked_brokers(actors: Sequence[Actor], ranking: np.ndarray, *, isolated: np.ndarray,
                   betweenness: np.ndarray, constraint: np.ndarray, effective_size: np.ndarray,
                   roles: np.ndarray, bridged_of: Mapping[int, tuple[str, ...]],
                   groups: Mapping[str, str | None], group_by: str) -> list[Broker]:
    """The brokers of ``actors`` in ``ranking`` order (positions; rank 1 first).

    ``roles`` holds each actor's five Gould–Fernandez counts (a row per actor, in
    :data:`~graphmap.analysis.report.ROLES` order); ``constraint`` and ``effective_size``
    are NaN where undefined and read ``None`` for an isolated actor as well, whose
    ``betweenness`` is given as 0.
    """
    alone = isolated.tolist()
    between = betweenness.tolist()
    burt = _none_where(constraint, isolated)
    size = _none_where(effective_size, isolated)
    profiles = roles.tolist()
    totals = roles.sum(axis=1).tolist()
    named: dict[tuple[str, ...], Listing] = {}
    plain = {key: Message(f"analysis.broker.{key}")  # sentences without figures: one each
             for key in ("why_isolated", "why_paths", "why_none")}
    # Built in actor order, then put in rank order: the ranking visits the actors (and
    # their per-actor lists) in no memory order, a cache miss per read on a million actors.
    rank_of = np.empty(len(ranking), dtype=np.int64)
    rank_of[ranking] = np.arange(1, len(ranking) + 1)
    by_position: list[Broker] = []
    for k, (actor, rank, b, total, counts, lone) in enumerate(zip(
            actors, rank_of.tolist(), between, totals, profiles, alone, strict=True)):
        bridged = bridged_of.get(k, ())
        profile = Brokerage(*counts)
        if lone:
            why = plain["why_isolated"]
        elif len(bridged) >= 2:
            # The same groups recur across actors: one Listing per combination.
            listed = named.get(bridged)
            if listed is None:
                listed = named[bridged] = Listing(group_term(g, group_by) for g in bridged)
            # The why never contradicts the figures: brokerage without betweenness says so.
            key = "why_bridges" if b > 0 else "why_bridges_off_paths"
            why = Message(f"analysis.broker.{key}",
                          {"total": total, "count": len(bridged),
                           "across": total - profile.coordinator, "groups": listed})
        elif total > 0:
            key = "why_within" if b > 0 else "why_within_off_paths"
            own = groups.get(actor.id)
            why = Message(f"analysis.broker.{key}",
                          {"total": total, "group": group_term(_text(own), group_by)})
        else:
            why = plain["why_paths"] if b > 0 else plain["why_none"]
        by_position.append(Broker(actor.id, actor.name, rank, b, burt[k], size[k], profile,
                                  why, bridged))
    return list(map(by_position.__getitem__, ranking.tolist()))


def _none_where(values: np.ndarray, isolated: np.ndarray) -> list[Any]:
    """``values`` as Python floats, ``None`` where NaN or ``isolated``."""
    shown = np.asarray(values, dtype=float).astype(object)
    shown[isolated | np.isnan(np.asarray(values, dtype=float))] = None
    return list(shown.tolist())


def _text(value: object) -> str:
    return "" if value is None else str(value)
