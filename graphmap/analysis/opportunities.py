"""Opportunities: ties worth creating, every kind in one list.

- ``fund``, ``support``, ``adopt``: who could fill a project's gap
  (:mod:`graphmap.analysis.proposals`, scored in :mod:`graphmap.analysis.candidates` from
  :mod:`graphmap.analysis.similarity`);
- ``collaborate``: which actors should meet (:mod:`graphmap.analysis.collaboration`).

Each names who can make the introduction (:mod:`graphmap.analysis.introducers`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from graphmap.analysis.collaboration import collaborate_opportunities
from graphmap.analysis.introducers import with_introducer
from graphmap.analysis.proposals import PROJECT_KINDS, project_proposals
from graphmap.analysis.report import Gap, Opportunity
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph


def find_opportunities(graph: EcosystemGraph, gaps: Iterable[Gap],
                       config: AnalysisConfig | None = None, *,
                       importance: Mapping[str, float] | None = None,
                       progress: Any = None) -> tuple[Opportunity, ...]:
    """Every opportunity, kind by kind (fund, support, adopt, collaborate: the order of
    :data:`graphmap.analysis.report.OPPORTUNITY_KINDS`), each kind best first (score
    descending, then target and source id). ``importance`` (betweenness by node id) picks
    the introducers.

    ``progress("opportunities", k, 4)`` is called as the work goes (``k < 4``: the
    caller reports the end of the step).

    >>> from graphmap.analysis.gaps import find_gaps
    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Scope, Sector, Stage
    >>> ds = Dataset(
    ...     actors=(Actor("f", "F", Sector.PHILANTHROPIC, scope=Scope.REGIONAL),
    ...             Actor("c", "C", Sector.SOCIAL_ECONOMY), Actor("d", "D", Sector.PUBLIC)),
    ...     projects=(Project("p", "P", Stage.MOBILIZATION, themes=("food",)),
    ...               Project("q", "Q", Stage.MOBILIZATION, themes=("food",))),
    ...     relations=(Relation("f", "q", R.FUNDS), Relation("c", "p", R.CARRIES),
    ...                Relation("c", "q", R.CARRIES), Relation("d", "q", R.SUPPORTS)))
    >>> graph = EcosystemGraph(ds)
    >>> [(o.kind, o.source, o.target) for o in find_opportunities(graph, find_gaps(graph))]
    [('fund', 'f', 'p'), ('support', 'd', 'p'), ('collaborate', 'd', 'f')]
    """
    config = config or AnalysisConfig()
    gaps = list(gaps)
    if progress is not None:
        progress("opportunities", 1, 4)
    found = project_proposals(graph, PROJECT_KINDS, gaps, config)
    if progress is not None:
        progress("opportunities", 2, 4)
    out = [with_introducer(o, graph, importance) for kind in PROJECT_KINDS
           for o in found[kind]]
    if progress is not None:
        progress("opportunities", 3, 4)
    out.extend(collaborate_evidence(graph, o)
               for o in collaborate_opportunities(graph, config, importance=importance))
    return tuple(out)


#: Shared ties of a ``collaborate`` pair for moderate and for strong evidence.
COLLABORATE_MODERATE = 2
COLLABORATE_STRONG = 3


def collaborate_evidence(graph: EcosystemGraph, opp: Opportunity) -> Opportunity:
    """``opp`` (a ``collaborate`` pair) with its evidence in words, from the ties the two
    share in ``G_u`` (the neighbours the score sums over): 3 or more strong, 2 moderate,
    1 weak. Other kinds are returned as they are (their evidence is set with the score).

    >>> from graphmap.model.dataset import Dataset
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector
    >>> ds = Dataset(actors=tuple(Actor(x, x, Sector.PUBLIC) for x in "abm"),
    ...              relations=(Relation("a", "m", R.COLLABORATES),
    ...                         Relation("m", "b", R.COLLABORATES)))
    >>> opp = Opportunity("collaborate", "a", "b", 0.5, (), "m", ("a", "m", "b"))
    >>> collaborate_evidence(EcosystemGraph(ds), opp).evidence
    'weak'
    """
    if opp.kind != "collaborate":
        return opp
    index = graph.index
    shared = len(set(graph.neighbours(index[opp.source]).tolist())
                 & set(graph.neighbours(index[opp.target]).tolist()))
    strength = ("strong" if shared >= COLLABORATE_STRONG
                else "moderate" if shared >= COLLABORATE_MODERATE else "weak")
    return dataclasses.replace(opp, evidence=strength)
