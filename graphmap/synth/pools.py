r"""Weighted choice of actors, many at a time: who fills a project's role, whom an actor ties to.

Both pools sort the actors once and keep prefix sums of their weights, so that one draw is
a binary search: with cumulative weights :math:`C_0 = 0, C_k = \sum_{i < k} w_i` over a
segment :math:`[lo, hi)` of the sorted actors, a uniform :math:`u` picks the :math:`k` with
:math:`C_k \le C_{lo} + u (C_{hi} - C_{lo}) < C_{k+1}`, that is actor :math:`k` with
probability :math:`w_k / (C_{hi} - C_{lo})`.

- :class:`RolePools`: per role, one segment of local actors per territory, then one of
  the actors whose scope reaches everywhere. A local actor never acts outside its territory.
- :class:`TiePools`: preferential attachment among earlier actors, half of the time
  within the actor's own territory.

A draw may fail (``-1``) or repeat an actor; the callers draw a few more candidates than
they need and fall back to the ``fallback_*`` methods in the rare cases that is not enough.
"""

from __future__ import annotations

import numpy as np

from graphmap.synth.topology import ActorTable
from graphmap.synth.vocabulary import LOCAL_SHARE, ROLES, TIE, by_code

_LOCAL_SHARE = by_code(LOCAL_SHARE, ROLES)


class RolePools:
    """Actors able to take each project role, by territory (local) or everywhere (wide)."""

    def __init__(self, actors: ActorTable) -> None:
        self.weights = actors.weights
        self.wide_segment = actors.territories  # the segment after the territories
        n, t = len(actors.sector), actors.territories
        key = np.where(actors.wide, t, actors.territory)
        self.order = np.argsort(key, kind="stable")
        bounds = np.searchsorted(key[self.order], np.arange(t + 2))
        self.start, self.end = bounds[:-1], bounds[1:]
        # Leading zero: cum0[r, i] is the weight of the sorted actors before position i.
        self.cum0 = np.zeros((len(ROLES), n + 1))
        self.cum0[:, 1:] = np.cumsum(actors.weights[self.order, : len(ROLES)], axis=0).T

    def draw(self, rng: np.random.Generator, role: np.ndarray, territory: np.ndarray) -> np.ndarray:
        """One weighted draw per request (role code, project territory); ``-1``: none."""
        size = len(role)
        wide = self.wide_segment
        local = rng.random(size) < _LOCAL_SHARE[role]
        u = rng.random(size)
        seg = np.where(local, territory, wide)
        out = np.full(size, -1, dtype=np.int64)
        for r in range(len(ROLES)):
            mask = role == r
            if not mask.any():
                continue
            cum0 = self.cum0[r]
            cum = cum0[1:]
            s = seg[mask]
            lo_w, hi_w = cum0[self.start[s]], cum0[self.end[s]]
            # An empty local pool falls back to the wide one, and the other way round.
            empty = hi_w <= lo_w
            s = np.where(empty, np.where(s == wide, territory[mask], wide), s)
            lo_w, hi_w = cum0[self.start[s]], cum0[self.end[s]]
            pos = np.searchsorted(cum, lo_w + u[mask] * (hi_w - lo_w), side="right")
            valid = (hi_w > lo_w) & (pos < self.end[s])
            out[mask] = np.where(valid, self.order[np.minimum(pos, len(cum) - 1)], -1)
        return out

    def fallback(
        self, rng: np.random.Generator, role: int, territory: int, chosen: set[int], need: int
    ) -> list[int]:
        """Up to ``need`` actors not in ``chosen``: more draws, then (rarely needed) a
        weighted choice without replacement among every fitting actor."""
        for _attempt in range(3):
            draws = self.draw(
                rng, np.full(4 * need + 8, role), np.full(4 * need + 8, territory)
            ).tolist()
            got: list[int] = []
            for a in draws:
                if a >= 0 and a not in chosen and a not in got:
                    got.append(a)
                    if len(got) == need:
                        return got
        positions = np.concatenate(
            [np.arange(self.start[s], self.end[s]) for s in (territory, self.wide_segment)]
        )
        candidates = self.order[positions]
        weights = self.weights[candidates, role]
        keep = (weights > 0) & ~np.isin(candidates, np.fromiter(chosen, dtype=np.int64))
        candidates, weights = candidates[keep], weights[keep]
        if len(candidates) <= need:
            return [int(a) for a in candidates]
        drawn = rng.choice(candidates, size=need, replace=False, p=weights / weights.sum())
        return [int(a) for a in drawn]


class TiePools:
    """Earlier actors an actor may tie to, weighted by their tie propensity."""

    def __init__(self, actors: ActorTable) -> None:
        n = len(actors.sector)
        tie_weight = actors.weights[:, TIE]
        self.weights = tie_weight
        self.territory = actors.territory
        # Actors by territory then index: within a territory, a prefix is the earlier actors.
        self.order = np.argsort(actors.territory, kind="stable")
        self.pos = np.empty(n, dtype=np.int64)
        self.pos[self.order] = np.arange(n)
        self.segment_start = np.searchsorted(
            actors.territory[self.order], np.arange(actors.territories)
        )
        self.cum_territory0 = np.concatenate(([0.0], np.cumsum(tie_weight[self.order])))
        self.cum_index0 = np.concatenate(([0.0], np.cumsum(tie_weight)))
        #: Number of earlier actors able to tie: the most ties an actor can start.
        self.eligible_before = np.concatenate(([0], np.cumsum(tie_weight > 0)[:-1]))

    def draw_earlier(self, rng: np.random.Generator, source: np.ndarray) -> np.ndarray:
        """One weighted draw of an earlier actor per source, half of the time in the same
        territory; ``-1``: none."""
        size = len(source)
        same_territory = rng.random(size) < 0.5
        u = rng.random(size)
        t_cum0, i_cum0 = self.cum_territory0, self.cum_index0
        pos_a = self.pos[source]
        seg0 = self.segment_start[self.territory[source]]
        t_lo, t_hi = t_cum0[seg0], t_cum0[pos_a]
        local_ok = same_territory & (t_hi > t_lo)
        out = np.full(size, -1, dtype=np.int64)
        if local_ok.any():
            lo_w, hi_w = t_lo[local_ok], t_hi[local_ok]
            pos = np.searchsorted(t_cum0[1:], lo_w + u[local_ok] * (hi_w - lo_w), side="right")
            pos = np.minimum(pos, pos_a[local_ok] - 1)
            out[local_ok] = self.order[pos]
        anywhere = ~local_ok
        hi_w = i_cum0[source[anywhere]]
        pos = np.searchsorted(i_cum0[1:], u[anywhere] * hi_w, side="right")
        out[anywhere] = np.where(hi_w > 0, np.minimum(pos, source[anywhere] - 1), -1)
        return out

    def fallback_earlier(
        self, rng: np.random.Generator, a: int, seen: set[int], need: int
    ) -> list[int]:
        """Up to ``need`` earlier actors not in ``seen`` (each added to it): more draws,
        then a weighted choice without replacement among every earlier actor."""
        got: list[int] = []
        for _attempt in range(3):
            for b in self.draw_earlier(rng, np.full(4 * need + 8, a)).tolist():
                if b >= 0 and b not in seen:
                    seen.add(b)
                    got.append(b)
                    if len(got) == need:
                        return got
        earlier = np.arange(a)
        weights = self.weights[:a]
        keep = (weights > 0) & ~np.isin(earlier, np.fromiter(seen, dtype=np.int64))
        earlier, weights = earlier[keep], weights[keep]
        left = need - len(got)
        if len(earlier) <= left:
            return got + [int(b) for b in earlier]
        drawn = rng.choice(earlier, size=left, replace=False, p=weights / weights.sum())
        return got + [int(b) for b in drawn]
