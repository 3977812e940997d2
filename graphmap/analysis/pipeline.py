"""The whole analysis of a Dataset, step by step, into one AnalysisReport."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from graphmap._version import __version__
from graphmap.analysis.brokers import (
    StructuralMeasures,
    find_brokers,
    step_progress,
    structural_measures,
)
from graphmap.analysis.communities import find_communities
from graphmap.analysis.gaps import find_gaps
from graphmap.analysis.opportunities import collaborate_evidence, find_opportunities
from graphmap.analysis.report import AnalysisReport, Community, Opportunity
from graphmap.analysis.summary import summarize
from graphmap.collection import cycle_collection_paused
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset

Progress = Callable[[str, int, int], None]

#: The steps ``progress`` hears about, in the order they run.
STEPS: tuple[str, ...] = ("graph", "betweenness", "constraint", "communities", "brokerage",
                          "gaps", "opportunities", "summary")


def analyze(dataset: Dataset, config: AnalysisConfig | None = None,
            progress: Progress | None = None) -> AnalysisReport:
    """Run every analysis of ``docs/analysis.md`` on ``dataset`` (never modified, no I/O).

    ``progress(step, done, total)``, if given, is called with ``done = 0`` when each step of
    :data:`STEPS` starts and ``done = total = 1`` when it ends; long steps (betweenness,
    opportunities) also report how far they are in between, with ``0 < done < total``.

    The dataset is compiled once into the graph every analysis runs on
    (:class:`~graphmap.model.compiled.EcosystemGraph`, integer arrays, never networkx
    graphs), so the analysis stays linear in memory on millions of relations.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.CARRIES),))
    >>> seen = []
    >>> report = analyze(ds, progress=lambda *call: seen.append(call))
    >>> report.summary["actors"], [b.id for b in report.brokers], report.gaps
    (1, ['a'], ())
    >>> [step for step, done, total in seen if done == total] == list(STEPS)
    True
    """
    config = config or AnalysisConfig()

    with cycle_collection_paused():
        step_progress(progress, "graph", 0)
        graph = EcosystemGraph(dataset)
        step_progress(progress, "graph", 1)
        measures = structural_measures(graph, config, progress=progress)
        step_progress(progress, "communities", 0)
        communities = find_communities(graph, config)
        step_progress(progress, "communities", 1)
        return complete_report(graph, config, measures, communities, progress=progress)


def community_partition(dataset: Dataset, config: AnalysisConfig) -> tuple[Community, ...]:
    """The communities :func:`analyze` puts in its report, without the rest of the analysis.

    Same graph, same igraph Leiden, same seed and resolution (``config.seed``,
    ``config.community_resolution``): a map coloured by community shows exactly the report's
    communities.

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.CARRIES),))
    >>> community_partition(ds, AnalysisConfig()) == analyze(ds).communities
    True
    """
    return find_communities(EcosystemGraph(dataset), config)


def complete_report(
    graph: EcosystemGraph,
    config: AnalysisConfig,
    measures: StructuralMeasures,
    communities: tuple[Community, ...],
    *,
    progress: Progress | None = None,
    collaborate: Callable[[], Sequence[Opportunity]] | None = None,
    meta: Mapping[str, Any] | None = None,
) -> AnalysisReport:
    """The analysis once the heavy measures and the communities are known, wherever they were
    computed (here, or inside Neo4j by ``graphmap.neo4j.engine``): brokers, gaps,
    opportunities and summary, in one report.

    ``collaborate``, if given, supplies the ``collaborate`` opportunities instead of the
    local link prediction; ``meta`` is merged into the report's ``meta``.
    """
    with cycle_collection_paused():  # called by the Neo4j engine too
        brokers = find_brokers(graph, config, measures=measures, communities=communities,
                               progress=progress)
        step_progress(progress, "gaps", 0)
        gaps = find_gaps(graph, config)
        step_progress(progress, "gaps", 1)
        step_progress(progress, "opportunities", 0)
        local_config = config if collaborate is None else config.replace(collaborations_per_actor=0)
        opportunities = find_opportunities(graph, gaps, local_config,
                                           importance=measures.betweenness, progress=progress)
        if collaborate is not None:
            opportunities = (*opportunities, *(collaborate_evidence(graph, o)
                                               for o in collaborate()))
        step_progress(progress, "opportunities", 1)
        step_progress(progress, "summary", 0)
        summary = summarize(graph)
        step_progress(progress, "summary", 1)
    report_meta = {
        **brokers.meta,
        "seed": config.seed,
        "config": config.as_dict(),
        "steps": list(STEPS),
        **(meta or {}),
    }
    return AnalysisReport(graphmap_version=__version__, summary=summary,
                          brokers=brokers.brokers, gaps=gaps, opportunities=tuple(opportunities),
                          communities=communities, meta=report_meta)
