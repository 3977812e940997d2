"""What the map is made from and what it is made into.

:class:`MapFacts` holds, per node, what the map shows: its neighbours, roles and funding read
from the dataset, and its betweenness, rank and community read from the analysis report. It
computes nothing analytical (docs/architecture.md: renderers only read the report).
:class:`MapPayload` is the finished, translated model the page is rendered from.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmap.i18n import Localized, translate
from graphmap.model.dataset import Dataset
from graphmap.schema import ACTOR_TO_PROJECT, RelationType

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport, Community

__all__ = ["ROLE_ORDER", "MapFacts", "MapPayload", "dominant", "neighbourhood", "territory_of"]

# The roles an actor plays towards projects, in the order the map lists them.
ROLE_ORDER: tuple[RelationType, ...] = (
    RelationType.CARRIES, RelationType.FUNDS, RelationType.SUPPORTS,
    RelationType.ADOPTS, RelationType.BENEFITS,
)


@dataclass(frozen=True)
class MapPayload:
    """Everything the map template and script need, already translated.

    ``data`` goes to the page as JSON; the other fields fill the template (autoescaped).
    """

    data: dict[str, Any]
    legend: dict[str, Any]
    filters: list[dict[str, Any]]
    layers: list[dict[str, Any]]
    note: str | None
    title: str
    mode: str
    node_count: int
    edge_count: int
    total_nodes: int
    extra_notes: list[str] = field(default_factory=list)
    other_gaps: list[str] = field(default_factory=list)
    # Legends of the other colour schemes guided views switch to (``mode`` names each).
    legends: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class MapFacts:
    """Per-node facts read once from the dataset and the report."""

    ids: list[str]
    neighbours: dict[str, set[str]]
    roles: dict[str, Counter[RelationType]]
    funding_out: dict[str, float]
    funding_in: dict[str, float]
    betweenness: dict[str, float]
    rank: dict[str, int]
    community: dict[str, int]
    community_labels: dict[int, Localized]
    community_order: list[int]
    # Each community's dominant sector and territory, as the report gives them.
    community_sector: dict[int, str | None] = field(default_factory=dict)
    community_territory: dict[int, str | None] = field(default_factory=dict)

    @classmethod
    def read(cls, dataset: Dataset, report: AnalysisReport | None,
             communities: Sequence[Community] | None = None) -> MapFacts:
        """Read the facts of every node; the communities are the report's, else
        ``communities`` (those of :func:`graphmap.analysis.pipeline.community_partition`),
        else none."""
        ids = [a.id for a in dataset.actors] + [p.id for p in dataset.projects]
        neighbours: dict[str, set[str]] = {i: set() for i in ids}
        roles: dict[str, Counter[RelationType]] = defaultdict(Counter)
        funding_out: dict[str, float] = defaultdict(float)
        funding_in: dict[str, float] = defaultdict(float)
        for r in dataset.relations:
            if r.source != r.target and r.source in neighbours and r.target in neighbours:
                neighbours[r.source].add(r.target)
                neighbours[r.target].add(r.source)
            if r.type in ACTOR_TO_PROJECT and r.target in dataset.project_by_id:
                roles[r.source][r.type] += 1
            if r.type is RelationType.FUNDS and r.amount:
                funding_out[r.source] += r.amount
                funding_in[r.target] += r.amount
        betweenness: dict[str, float] = {}
        rank: dict[str, int] = {}
        community: dict[str, int] = {}
        labels: dict[int, Localized] = {}
        order: list[int] = []
        if report is not None:
            for b in report.brokers:
                if b.betweenness is not None:
                    betweenness[b.id] = b.betweenness
                if b.brokers:  # a broker rank only for an actor that brokers
                    rank[b.id] = b.rank
            communities = report.communities
        for c in communities or ():
            order.append(c.id)
            labels[c.id] = c.label
            for member in c.members:
                community[member] = c.id
        return cls(ids, neighbours, roles, funding_out, funding_in, betweenness, rank,
                   community, labels, order,
                   community_sector={c.id: c.dominant_sector for c in communities or ()},
                   community_territory={c.id: c.dominant_territory for c in communities or ()})

    def community_label(self, community: int, lang: str) -> str:
        """The report's label of a community, else ``Communauté 3`` / ``Community 3``."""
        label = self.community_labels.get(community)
        if label is not None:
            return label.render(lang)
        return translate("render.community_label", lang,
                         id=community if community >= 0 else "—")


def neighbourhood(facts: MapFacts, centre: str, depth: int) -> list[str]:
    """The nodes within ``depth`` relations of ``centre`` (itself included), in the
    dataset's order: what ``--focus`` draws."""
    seen = {centre}
    frontier = [centre]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in sorted(facts.neighbours[node]):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return [i for i in facts.ids if i in seen]


def dominant(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value (ties: the smallest), ``None`` if there is none: the
    overview names its "small groups" node by it, a group of the map's own (the report's
    communities come with their dominant sector and territory)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def territory_of(dataset: Dataset, node_id: str) -> str | None:
    """The territory of an actor or project, ``None`` if it has none or is unknown."""
    record = dataset.actor_by_id.get(node_id) or dataset.project_by_id.get(node_id)
    return record.territory if record is not None else None
