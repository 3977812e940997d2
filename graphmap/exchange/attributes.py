"""The analysis as attributes: what graphmap writes about each node and edge for Gephi and Kumu.

One table (:data:`NODE_ATTRIBUTES`, :data:`EDGE_ATTRIBUTES`) names every attribute once, with
its stable key, its value type and its title in French and English (catalogue keys
``exchange.attr.*``); :func:`exchange_graph` fills it from a Dataset and its AnalysisReport.
The writers (GEXF, GraphML, Kumu) only format an :class:`ExchangeGraph`, so a step that
hides or rewrites values (redaction for a public export) can run on the graph before any of
them. The importers read the same titles back (:func:`node_title_table`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphmap.diagnostics import Issue
from graphmap.i18n import LANGS, translate
from graphmap.load.issues import warning
from graphmap.model.dataset import Dataset, in_content_order
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import RelationType, Vocabulary, column_alias_table, fold

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport
    from graphmap.exchange.style import NodeStyle

__all__ = [
    "EDGE_ATTRIBUTES", "NODE_ATTRIBUTES", "Attribute", "AttributeSpec", "ExchangeEdge",
    "ExchangeGraph", "ExchangeNode", "edge_title_table", "exchange_graph", "node_title_table",
]


@dataclass(frozen=True)
class AttributeSpec:
    """One attribute graphmap writes: ``key`` is stable (it names the catalogue title
    ``exchange.attr.<key>``), ``type`` is ``string``, ``integer`` or ``double``, and
    ``analysis`` marks values graphmap computes (dropped on import, computed again)."""

    key: str
    type: str
    analysis: bool = False

    def title(self, lang: str) -> str:
        return translate(f"exchange.attr.{self.key}", lang)


_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

#: Node attributes, in the order they are declared: the data first, then the analysis.
NODE_ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec("kind", "string"),
    AttributeSpec("sector", "string"),
    AttributeSpec("type", "string"),
    AttributeSpec("category", "string"),
    AttributeSpec("territory", "string"),
    AttributeSpec("scope", "string"),
    AttributeSpec("stage", "string"),
    AttributeSpec("theme", "string"),
    AttributeSpec("start", "string"),
    AttributeSpec("end", "string"),
    AttributeSpec("betweenness", "double", analysis=True),
    AttributeSpec("constraint", "double", analysis=True),
    AttributeSpec("effective_size", "double", analysis=True),
    AttributeSpec("broker_rank", "integer", analysis=True),
    *(AttributeSpec(f"brokerage_{role}", "integer", analysis=True) for role in _ROLES),
    AttributeSpec("community", "integer", analysis=True),
    AttributeSpec("community_label", "string", analysis=True),
    AttributeSpec("gaps", "string", analysis=True),
)
#: Edge attributes (the weight also goes where each format keeps weights).
EDGE_ATTRIBUTES: tuple[AttributeSpec, ...] = (
    AttributeSpec("relation", "string"),
    AttributeSpec("amount", "double"),
    AttributeSpec("year", "integer"),
    AttributeSpec("weight", "double"),
    AttributeSpec("relation_kind", "string"),
)
#: Separator of several values in one text attribute (themes, gap codes), as in workspaces.
LIST_SEPARATOR = "; "
# Names the formats or the drawing tools give a meaning of their own: never an attribute title
# (sigma, which draws Gephi Lite, reads "type", "size", "color", "x", "y" on nodes and edges).
_TOOL_NAMES = ("label", "type", "size", "color", "x", "y", "z", "r", "g", "b", "id", "weight",
               "hidden", "shape", "tags", "from", "to", "direction")


@dataclass(frozen=True)
class Attribute:
    """One declared attribute of an exported graph: ``key`` is a spec key or
    ``extra:<header>`` for the user's own column; ``title`` is what the user reads."""

    key: str
    title: str
    type: str
    analysis: bool = False


@dataclass(frozen=True)
class ExchangeNode:
    """An actor or a project with its attribute values (``key -> value``, absent when the
    record has none) and, when the graph has a style, how graphmap's map draws it."""

    id: str
    label: str
    is_actor: bool
    values: Mapping[str, Any]
    themes: tuple[str, ...] = ()
    style: NodeStyle | None = None


@dataclass(frozen=True)
class ExchangeEdge:
    """A relation: ``label`` is its type as the user reads it."""

    source: str
    target: str
    relation: RelationType
    label: str
    weight: float
    values: Mapping[str, Any]


@dataclass(frozen=True)
class ExchangeGraph:
    """What every exporter writes: declared attributes and lazily built nodes and edges.

    ``nodes`` and ``edges`` return a fresh iterator at each call, so a 100,000-actor
    export never holds a second copy of the ecosystem; a redaction step wraps them.
    """

    name: str
    lang: str
    description: str
    node_attributes: tuple[Attribute, ...]
    edge_attributes: tuple[Attribute, ...]
    node_count: int
    edge_count: int
    nodes: Callable[[], Iterator[ExchangeNode]]
    edges: Callable[[], Iterator[ExchangeEdge]]
    issues: tuple[Issue, ...] = field(default=())


def _term(value: Vocabulary, lang: str) -> str:
    """A vocabulary value as a workspace writes it: French label, or the English code."""
    return value.label("fr") if lang == "fr" else str(value.value)


def _reserved_titles() -> set[str]:
    """Folded names an extra column must not take in an export (either language)."""
    names = {fold(name) for name in _TOOL_NAMES}
    for spec in (*NODE_ATTRIBUTES, *EDGE_ATTRIBUTES):
        names.update(fold(spec.title(lang)) for lang in LANGS)
    for table in ("actors", "projects", "relations"):
        names.update(column_alias_table(table))
    return names


def _extra_attributes(dataset: Dataset, tables: Sequence[str]
                      ) -> tuple[list[Attribute], list[Issue]]:
    """The user's own columns of ``tables`` as string attributes, one per distinct header;
    a header that would read as one of graphmap's own gets a number (and a warning)."""
    reserved = _reserved_titles()
    attributes: list[Attribute] = []
    issues: list[Issue] = []
    taken: set[str] = set()
    records: dict[str, Sequence[Actor | Project | Relation]] = {
        "actors": dataset.actors, "projects": dataset.projects, "relations": dataset.relations}
    for table in tables:
        for header in dataset.extra_columns[table]:
            key = f"extra:{header}"
            if any(a.key == key for a in attributes):
                continue
            title, number = header, 1
            while fold(title) in reserved or fold(title) in taken:
                number += 1
                title = f"{header} ({number})"
            taken.add(fold(title))
            attributes.append(Attribute(key, title, "string"))
            if title != header:
                first = next(r for r in records[table] if header in r.extra)
                where = first.origin.file if first.origin is not None else table
                issues.append(warning("exchange.extra_renamed", where, None, None,
                                      column=header, title=title))
    return attributes, issues


def exchange_graph(dataset: Dataset, report: AnalysisReport | None, *, lang: str = "en",
                   styles: Mapping[str, NodeStyle] | None = None) -> ExchangeGraph:
    """The Dataset and its analysis as one graph of attributes, ready for any writer.

    Parameters
    ----------
    dataset
        The ecosystem.
    report
        Its analysis (``None``: the analysis attributes are declared but left empty).
    lang
        ``fr`` or ``en``: attribute titles and vocabulary values as a workspace in that
        language writes them (``économie sociale`` / ``social_economy``).
    styles
        How graphmap's map draws each node (see :func:`graphmap.exchange.style.map_styles`).

    Examples
    --------
    >>> from graphmap.model.records import Actor, Project, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.SOCIAL_ECONOMY),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", R.FUNDS, amount=500.0, year=2024),))
    >>> graph = exchange_graph(ds, None, lang="fr")
    >>> [a.title for a in graph.node_attributes][:3]
    ['acteur ou projet', 'secteur', "type d'acteur"]
    >>> node = next(graph.nodes())
    >>> node.label, node.values["kind"], node.values["sector"]
    ('A', 'acteur', 'économie sociale')
    >>> edge = next(graph.edges())
    >>> edge.label, edge.values["amount"], edge.values["year"]
    ('finance', 500.0, 2024)
    """
    # The rows' order is not content: the same data in any order exports the same bytes.
    dataset = in_content_order(dataset)
    node_extras, node_issues = _extra_attributes(dataset, ("actors", "projects"))
    edge_extras, edge_issues = _extra_attributes(dataset, ("relations",))
    node_attributes = tuple(
        [Attribute(s.key, s.title(lang), s.type, s.analysis) for s in NODE_ATTRIBUTES]
        + node_extras)
    edge_attributes = tuple(
        [Attribute(s.key, s.title(lang), s.type, s.analysis) for s in EDGE_ATTRIBUTES]
        + edge_extras)
    analysis = _node_analysis(report)
    from graphmap._version import __version__

    description = translate("exchange.description", lang, name=dataset.name or "graphmap",
                            version=__version__)
    return ExchangeGraph(
        name=dataset.name, lang=lang, description=description,
        node_attributes=node_attributes, edge_attributes=edge_attributes,
        node_count=len(dataset.actors) + len(dataset.projects),
        edge_count=len(dataset.relations),
        nodes=lambda: _nodes(dataset, analysis, lang, styles or {}),
        edges=lambda: _edges(dataset, lang),
        issues=tuple(node_issues + edge_issues),
    )


def _node_analysis(report: AnalysisReport | None) -> dict[str, dict[str, Any]]:
    """Per node id, the analysis values of the report (measures, roles, community, gaps)."""
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    if report is None:
        return out
    for broker in report.brokers:
        values = out[broker.id]
        for key in ("betweenness", "constraint", "effective_size"):
            measure = getattr(broker, key)
            if measure is not None and math.isfinite(measure):
                values[key] = float(measure)
        values["broker_rank"] = broker.rank
        for role in _ROLES:
            values[f"brokerage_{role}"] = getattr(broker.brokerage, role)
    for community in report.communities:
        for member in community.members:
            out[member]["community"] = community.id
            out[member]["community_label"] = community.label
    gaps: dict[str, list[str]] = defaultdict(list)
    for gap in report.gaps:
        if gap.subject_kind in ("actor", "project") and gap.code not in gaps[gap.subject]:
            gaps[gap.subject].append(gap.code)
    for node_id, codes in gaps.items():
        out[node_id]["gaps"] = LIST_SEPARATOR.join(codes)
    return out


def _nodes(dataset: Dataset, analysis: Mapping[str, Mapping[str, Any]], lang: str,
           styles: Mapping[str, NodeStyle]) -> Iterator[ExchangeNode]:
    kinds = {True: translate("exchange.value.actor", lang),
             False: translate("exchange.value.project", lang)}
    empty: Mapping[str, Any] = {}
    for a in dataset.actors:
        values: dict[str, Any] = {"kind": kinds[True], "sector": _term(a.sector, lang),
                                  "category": _term(a.category, lang),
                                  "scope": _term(a.scope, lang)}
        if a.type:
            values["type"] = a.type
        if a.territory:
            values["territory"] = a.territory
        _add_analysis(values, analysis.get(a.id, empty), lang)
        values.update((f"extra:{k}", v) for k, v in a.extra.items())
        yield ExchangeNode(a.id, a.name, True, values, style=styles.get(a.id))
    for p in dataset.projects:
        values = {"kind": kinds[False], "stage": _term(p.stage, lang)}
        for key in ("territory", "start", "end"):
            text = getattr(p, key)
            if text:
                values[key] = text
        if p.themes:
            values["theme"] = LIST_SEPARATOR.join(p.themes)
        _add_analysis(values, analysis.get(p.id, empty), lang)
        values.update((f"extra:{k}", v) for k, v in p.extra.items())
        yield ExchangeNode(p.id, p.name, False, values, themes=p.themes,
                           style=styles.get(p.id))


def _add_analysis(values: dict[str, Any], found: Mapping[str, Any], lang: str) -> None:
    for key, value in found.items():
        values[key] = value.render(lang) if key == "community_label" else value


def _edges(dataset: Dataset, lang: str) -> Iterator[ExchangeEdge]:
    labels = {t: _term(t, lang) for t in RelationType}
    for r in dataset.relations:
        values: dict[str, Any] = {"relation": labels[r.type], "weight": r.weight}
        if r.amount is not None:
            values["amount"] = r.amount
        if r.year is not None:
            values["year"] = r.year
        if r.kind:
            values["relation_kind"] = r.kind
        values.update((f"extra:{k}", v) for k, v in r.extra.items())
        yield ExchangeEdge(r.source, r.target, r.type, labels[r.type], r.weight, values)


# -- reading the titles back -------------------------------------------------------------

def node_title_table() -> Mapping[str, str]:
    """Folded attribute title -> meaning, for reading nodes back: a workspace column
    (``name``, ``sector``, ...), ``kind``, ``element_type`` (a Kumu or Gephi "type", whose
    value says the kind, sector or stage), ``analysis`` or ``viz`` (dropped on import).

    >>> table = node_title_table()
    >>> table["secteur"], table["intermediarite"], table["label"], table["type"]
    ('sector', 'analysis', 'name', 'element_type')
    """
    return _title_table(NODE_ATTRIBUTES, ("actors", "projects"), node=True)


def edge_title_table() -> Mapping[str, str]:
    """Folded attribute title -> relation column (``type``, ``amount``...) or ``viz``.

    >>> table = edge_title_table()
    >>> table["relation"], table["montant"], table["nature"], table["connection_type"]
    ('type', 'amount', 'kind', 'type')
    """
    return _title_table(EDGE_ATTRIBUTES, ("relations",), node=False)


_EDGE_COLUMNS = {"relation": "type", "relation_kind": "kind"}


def _title_table(specs: Sequence[AttributeSpec], tables: Sequence[str], *, node: bool
                 ) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for spec in specs:
        meaning = ("analysis" if spec.analysis
                   else _EDGE_COLUMNS.get(spec.key, spec.key))
        for lang in LANGS:
            table[fold(spec.title(lang))] = meaning
        table.setdefault(fold(spec.key), meaning)
    for source in tables:
        for folded, canonical in column_alias_table(source).items():
            table.setdefault(folded, canonical)
    if node:
        # A bare "type" is the tool's element type (Kumu, Gephi); graphmap writes the
        # actor's own type as "actor type".
        for name in ("type", "element_type", "elementtype", "type_d'element", "nodetype",
                     "node_type"):
            table[fold(name)] = "element_type"
        table.update(dict.fromkeys(("x", "y", "z", "size", "color", "r", "g", "b",
                                    "shape"), "viz"))
        table["modularity_class"] = "analysis"
    else:
        for name in ("type", "connection_type", "edge_type", "edgetype"):
            table[fold(name)] = "type"
        table.update(dict.fromkeys(("color", "r", "g", "b", "thickness", "shape"), "viz"))
        table["direction"] = "direction"
    return table
