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
    profiles = list(zip(*roles.T.tolist(), strict=True))  # a tuple of the five counts per actor
    totals = roles.sum(axis=1).tolist()
    named: dict[int, Listing] = {}
    plain = {key: Message(f"analysis.broker.{key}")  # sentences without figures: one each
             for key in ("why_isolated", "why_paths", "why_none")}
    # Equal values are one object: the same five counts, the same sentence with the same
    # figures (a million actors have far fewer distinct ones), so the JSON writer renders
    # each once. Records and messages are read-only.
    shared_profiles: dict[tuple[int, ...], Brokerage] = {}
    shared_whys: dict[tuple[Any, ...], Message] = {}
    # Built in actor order, then put in rank order: the ranking visits the actors (and
    # their per-actor lists) in no memory order, a cache miss per read on a million actors.
    rank_of = np.empty(len(ranking), dtype=np.int64)
    rank_of[ranking] = np.arange(1, len(ranking) + 1)
    by_position: list[Broker] = []
    for k, (actor, rank, b, total, counts, lone) in enumerate(zip(
            actors, rank_of.tolist(), between, totals, profiles, alone, strict=True)):
        bridged = bridged_of.get(k, ())
        profile = shared_profiles.get(counts)
        if profile is None:
            profile = shared_profiles[counts] = Brokerage(*counts)
        if lone:
            why = plain["why_isolated"]
        elif len(bridged) >= 2:
            # The why never contradicts the figures: brokerage without betweenness says so.
            key = "why_bridges" if b > 0 else "why_bridges_off_paths"
            # bridged_of shares one tuple per combination of groups, held all along.
            seen: tuple[Any, ...] = (key, total, counts[0], id(bridged))
            known = shared_whys.get(seen)
            if known is None:
                listed = named.get(id(bridged))
                if listed is None:  # one Listing per combination of groups
                    listed = named[id(bridged)] = Listing(
                        group_term(g, group_by) for g in bridged)
                known = shared_whys[seen] = Message(
                    f"analysis.broker.{key}", {"total": total, "count": len(bridged),
                                               "across": total - counts[0], "groups": listed})
            why = known
        elif total > 0:
            key = "why_within" if b > 0 else "why_within_off_paths"
            own = groups.get(actor.id)
            seen = (key, total, own)
            known = shared_whys.get(seen)
            if known is None:
                known = shared_whys[seen] = Message(
                    f"analysis.broker.{key}",
                    {"total": total, "group": group_term(_text(own), group_by)})
            why = known
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
