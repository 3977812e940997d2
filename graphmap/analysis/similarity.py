"""Project similarity: how alike two projects are, by themes, territory and stage.

.. math:: \\operatorname{sim}(p, q) = \\frac{J(T_p, T_q) + [\\,t_p = t_q\\,] + [\\,s_p = s_q\\,]}{3}

with :math:`J` the Jaccard index of the two sets of themes (0 when either has none),
:math:`t` the territory (unknown matches nothing) and :math:`s` the stage.
:func:`project_similarity` is the definition for one pair; :class:`ProjectTable` computes
it for many pairs at once, with the same arithmetic (:func:`similarity`), so the two agree
to the last bit.

References
----------
.. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone. New
   Phytologist 11(2), 37–50.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from graphmap.model.compiled import csr_rows
from graphmap.model.records import Project
from graphmap.schema import Stage, fold

#: No project at all (an empty array of positions).
EMPTY = np.zeros(0, dtype=np.int64)
#: The similarity of a project at the same stage that shares nothing else.
ONE_THIRD = (0.0 + 0.0 + 1.0) / 3.0
STAGE_RANK: Mapping[Stage, int] = {s: s.rank for s in Stage}


def themes_of(project: Project) -> frozenset[str]:
    """The project's themes, folded for comparison (``Food`` = ``food``), blanks dropped."""
    return frozenset(folded(t) for t in project.themes if t.strip())


def folded(theme: str) -> str:
    """:func:`graphmap.schema.fold` of ``theme``, remembered: a few hundred distinct themes
    recur across tens of thousands of projects, and folding is Unicode work."""
    value = _FOLDED.get(theme)
    if value is None:
        if len(_FOLDED) >= _FOLDED_MAX:
            _FOLDED.clear()
        value = _FOLDED[theme] = fold(theme)
    return value


_FOLDED: dict[str, str] = {}
_FOLDED_MAX = 100_000


def similarity(shared: Any, union: Any, same_place: Any, same_stage: Any) -> Any:
    """The similarity formula from its parts: shared and total distinct themes, same
    territory, same stage (numbers or numpy arrays)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        jaccard = np.where(union > 0, shared / np.where(union > 0, union, 1), 0.0)
    return (jaccard + same_place + same_stage) / 3.0


def project_similarity(p: Project, q: Project) -> float:
    """Similarity of two projects in [0, 1] (see the module docstring).

    >>> a = Project("a", "A", Stage.FEEDBACK, themes=("food", "housing"), territory="T")
    >>> b = Project("b", "B", Stage.FEEDBACK, themes=("Food",), territory="U")
    >>> round(project_similarity(a, b), 4)
    0.5
    """
    tp, tq = themes_of(p), themes_of(q)
    same_place = p.territory is not None and p.territory == q.territory
    return float(similarity(float(len(tp & tq)), float(len(tp | tq)), float(same_place),
                            float(p.stage == q.stage)))


def positions_by_code(codes: np.ndarray) -> dict[int, np.ndarray]:
    """Positions of each non-negative code, ascending.

    >>> {k: v.tolist() for k, v in positions_by_code(np.array([1, -1, 0, 1])).items()}
    {0: [2], 1: [0, 3]}
    """
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    bounds = np.flatnonzero(np.diff(sorted_codes)) + 1
    return {int(chunk_codes[0]): chunk for chunk, chunk_codes in
            zip(np.split(order, bounds), np.split(sorted_codes, bounds), strict=True)
            if len(chunk) and chunk_codes[0] >= 0}


@dataclass(frozen=True)
class ProjectTable:
    """What similarity needs of every project, as arrays: themes (sparse, with the
    inverted index), territory code, stage rank, and the projects of each territory.
    Project ``i`` is ``projects[i]`` of the Dataset."""

    themes: Any  # csr projects × themes
    by_theme: Any  # csr themes × projects
    by_theme_stage: Mapping[tuple[int, int], np.ndarray]  # (theme, stage) -> projects
    by_theme_place: Mapping[tuple[int, int], np.ndarray]  # (theme, territory) -> projects
    theme_count: np.ndarray
    place: np.ndarray
    stage: np.ndarray
    in_place: Mapping[int, np.ndarray]
    scratch_count: np.ndarray  # zeros between calls
    scratch_slot: np.ndarray
    scratch_theme: np.ndarray  # False between calls

    @classmethod
    def build(cls, projects: Sequence[Project], place: np.ndarray) -> ProjectTable:
        """The table of ``projects``, whose territories have codes ``place`` (-1 = none)."""
        theme_ids: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        # Projects repeat a few hundred theme lists: each is folded and sorted once.
        sorted_themes: dict[tuple[str, ...], list[str]] = {}
        for i, p in enumerate(projects):
            mine = sorted_themes.get(p.themes)
            if mine is None:
                mine = sorted_themes[p.themes] = sorted(themes_of(p))
            for theme in mine:
                rows.append(i)
                cols.append(theme_ids.setdefault(theme, len(theme_ids)))
        themes = sparse.csr_array((np.ones(len(rows)), (rows, cols)),
                                  shape=(len(projects), max(1, len(theme_ids))))
        rank_of = {s._value_: rank for s, rank in STAGE_RANK.items()}
        stage = np.array([rank_of[p.stage._value_] for p in projects], dtype=np.int64)
        by_theme = sparse.csr_array(themes.T)
        by_theme_stage: dict[tuple[int, int], np.ndarray] = {}
        by_theme_place: dict[tuple[int, int], np.ndarray] = {}
        for k in range(by_theme.shape[0]):
            members = by_theme.indices[by_theme.indptr[k]:by_theme.indptr[k + 1]]
            for code, chunk in positions_by_code(stage[members]).items():
                by_theme_stage[(k, code)] = members[chunk]
            for code, chunk in positions_by_code(place[members]).items():
                by_theme_place[(k, code)] = members[chunk]
        return cls(themes=themes, by_theme=by_theme, by_theme_stage=by_theme_stage,
                   by_theme_place=by_theme_place,
                   theme_count=np.diff(themes.indptr), place=place, stage=stage,
                   in_place=positions_by_code(place),
                   scratch_count=np.zeros(len(projects), dtype=np.int64),
                   scratch_slot=np.zeros(len(projects), dtype=np.int64),
                   scratch_theme=np.zeros(themes.shape[1], dtype=bool))

    def similar(self, t: int, *, high_only: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """The projects that share a theme or the territory with project ``t`` and
        their :func:`project_similarity` to it (0 for ``t`` itself), best first; every
        other project has similarity ``(same stage) / 3``.

        With ``high_only``, only the projects that can be above 1/3: those of the
        territory and those sharing a theme at the same stage (any other project is at
        most 1/3). Linear in the projects returned: no sort or hash of the candidates
        (scratch arrays count shared themes and keep each project once)."""
        mine = self.themes.indices[self.themes.indptr[t]:self.themes.indptr[t + 1]].tolist()
        stage = int(self.stage[t])
        place = int(self.place[t])
        if high_only:
            # Each (project, shared theme) once: same stage elsewhere, any stage here.
            chunks = []
            for k in mine:
                elsewhere = self.by_theme_stage.get((k, stage), EMPTY)
                chunks.append(elsewhere[self.place[elsewhere] != place])
                if place >= 0:
                    chunks.append(self.by_theme_place.get((k, place), EMPTY))
        else:
            by_theme = self.by_theme
            chunks = [by_theme.indices[by_theme.indptr[k]:by_theme.indptr[k + 1]]
                      for k in mine]
        counter, slot = self.scratch_count, self.scratch_slot
        for chunk in chunks:
            counter[chunk] += 1  # a chunk never repeats a project
        local = self.in_place.get(place, EMPTY) if place >= 0 else EMPTY
        every = np.concatenate([*chunks, local, EMPTY])
        positions = np.arange(len(every))
        slot[every] = positions
        near = every[slot[every] == positions]
        shared = counter[near].astype(float)
        counter[every] = 0
        sims = self._combine(t, near, shared)
        order = np.argsort(-sims, kind="stable")
        return near[order], sims[order]

    def similarities(self, t: int, q: np.ndarray) -> np.ndarray:
        """:func:`project_similarity` of project ``t`` to each project of ``q`` (0 to
        itself)."""
        themes = self.themes
        if not len(q):
            return np.zeros(0)
        mine = self.scratch_theme
        mine[themes.indices[themes.indptr[t]:themes.indptr[t + 1]]] = True
        theirs, sizes = csr_rows(themes.indptr, themes.indices, q)
        hits = mine[theirs]
        mine[:] = False
        shared = np.bincount(np.arange(len(q)).repeat(sizes), weights=hits,
                             minlength=len(q)).astype(float)
        return self._combine(t, q, shared)

    def _combine(self, t: int, q: np.ndarray, shared: np.ndarray) -> np.ndarray:
        """:func:`similarity` of ``t`` to ``q`` given their shared theme counts."""
        union = self.theme_count[t] + self.theme_count[q] - shared
        place = self.place[t]
        same_place = (self.place[q] == place) & (place >= 0)
        same_stage = self.stage[q] == self.stage[t]
        sims = np.asarray(similarity(shared, union, same_place, same_stage), dtype=float)
        sims[q == t] = 0.0
        return sims
