"""From another tool's graph to a validated Dataset, with issues located in *its* file.

Every importer (GEXF, GraphML, Kumu, 360Giving) reads its file into a :class:`ForeignGraph`:
nodes and edges with their fields as written. :func:`to_dataset` maps those fields to
workspace columns through the titles graphmap exports (both languages) and the workspace's
own column names, tells actors from projects, resolves edge ends given by id or by label,
and then runs the workspace's own validation rules on the rows, located in the input
(``map.json[elements]:3:Secteur``), so an import is checked exactly like a workspace.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.exchange.attributes import LIST_SEPARATOR, edge_title_table, node_title_table
from graphmap.i18n import Listing
from graphmap.load import RawRow, RawTable, WorkspaceSource
from graphmap.load.issues import did_you_mean, error, warning
from graphmap.model.dataset import Dataset
from graphmap.schema import (
    TABLE_COLUMNS,
    Category,
    Sector,
    Stage,
    column_alias_table,
    fold,
    suggest_from,
)

__all__ = ["ForeignEdge", "ForeignGraph", "ForeignNode", "scalar_text", "slug", "to_dataset"]

# Titles repeat on every node and edge: fold each spelling once.
_fold_title = functools.lru_cache(maxsize=65536)(fold)
_ACTOR_WORDS = frozenset({"actor", "actors", "acteur", "acteurs", "acteur_rice"})
_PROJECT_WORDS = frozenset({"project", "projects", "projet", "projets", "initiative"})


@dataclass
class ForeignNode:
    """One node as read: ``row`` locates it (line of an XML file, element number of a JSON
    list, row of a sheet); ``fields`` are ``(title as written, value)`` pairs."""

    row: int
    id: str | None
    label: str | None
    fields: list[tuple[str, Any]] = field(default_factory=list)
    tags: tuple[str, ...] = ()


@dataclass
class ForeignEdge:
    """One edge as read; ``source`` and ``target`` are ids or labels of nodes."""

    row: int
    source: str | None
    target: str | None
    fields: list[tuple[str, Any]] = field(default_factory=list)
    directed: bool = True


@dataclass
class ForeignGraph:
    """A file of another tool, read: where its nodes and edges are (``node_file`` such as
    ``map.json[elements]``), the nodes and edges, and what the reader found wrong."""

    name: str
    node_file: str
    edge_file: str
    nodes: list[ForeignNode] = field(default_factory=list)
    edges: list[ForeignEdge] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # The file's own names for columns (folded title -> column), e.g. 360Giving's
    # "amountAwarded" for the amount, so issues name the user's header.
    titles: dict[str, str] = field(default_factory=dict)


def scalar_text(value: Any) -> str:
    """A field value as workspace text: numbers without a needless ``.0``, lists joined.

    >>> scalar_text(40000.0), scalar_text(0.25), scalar_text(True), scalar_text([" a", "b"])
    ('40000', '0.25', 'true', 'a; b')
    >>> scalar_text(None), scalar_text(float("nan"))
    ('', '')
    """
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float):
        finite = math.isfinite(value)
        whole = finite and value.is_integer() and abs(value) < 1e15
        text = str(int(value)) if whole else repr(value) if finite else ""
    elif isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(t for t in (scalar_text(v) for v in value) if t)
    else:
        text = "" if value is None else str(value).strip()
    return text


def slug(text: str) -> str:
    """An id made from a name: lower case, no accents, words joined by ``-``.

    >>> slug("CDC de la Rivière-du-Nord"), slug("  "), slug("Café & Cie")
    ('cdc-de-la-riviere-du-nord', 'element', 'cafe-cie')
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words)[:60].strip("-") or "element"


@dataclass
class _Row:
    row: int
    values: dict[str, str] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    written: dict[str, str] = field(default_factory=dict)

    def put(self, column: str, title: str, text: str) -> None:
        if text and self.values.get(column) == text:
            return  # said twice (a GEXF edge's label and its relation attribute)
        if text and column not in self.values:
            self.values[column] = text
            self.written[column] = title
        elif text:
            self.keep(title, text)

    def keep(self, title: str, text: str) -> None:
        if text:
            name = title
            number = 1
            while name in self.extra:
                number += 1
                name = f"{title} ({number})"
            self.extra[name] = text

    def raw(self) -> RawRow:
        return RawRow(self.row, self.values, self.extra, self.written)


def to_dataset(graph: ForeignGraph) -> tuple[Dataset | None, list[Issue]]:
    """Validate a foreign graph as a workspace: the Dataset (``None`` when there is an
    error) and every issue, sorted by location.

    Examples
    --------
    >>> g = ForeignGraph("demo", "map.json[elements]", "map.json[connections]")
    >>> g.nodes = [ForeignNode(1, None, "Centre", [("Secteur", "communautaire")]),
    ...            ForeignNode(2, None, "Cuisine", [("type", "Projet"), ("étape", "pilote")])]
    >>> g.edges = [ForeignEdge(1, "Centre", "Cuisine", [("type", "porte")])]
    >>> ds, issues = to_dataset(g)
    >>> [a.id for a in ds.actors], ds.projects[0].stage.value, ds.relations[0].source
    (['centre'], 'feedback', 'centre')
    >>> [i.code for i in issues]
    ['exchange.ids_derived']
    """
    issues = list(graph.issues)
    node_titles = {**node_title_table(), **graph.titles}
    edge_titles = {**edge_title_table(), **graph.titles}
    dropped: dict[str, None] = {}
    actors: list[_Row] = []
    projects: list[_Row] = []
    is_project: dict[str, bool] = {}
    ids = _assign_ids(graph, issues)
    for node, node_id in zip(graph.nodes, ids, strict=True):
        row = _node_row(graph, node, node_titles, dropped, issues)
        if row is None:
            continue
        project, built = row
        built.values["id"] = node_id
        built.written["id"] = "id"
        (projects if project else actors).append(built)
        is_project.setdefault(node_id, project)
    if dropped:
        issues.append(warning("exchange.analysis_dropped", graph.node_file, None, None,
                              names=Listing(dropped)))
    resolver = _Resolver(graph, ids)
    relations = [r for r in (_edge_row(graph, e, edge_titles, resolver=resolver,
                                       is_project=is_project, issues=issues)
                             for e in graph.edges) if r is not None]
    # Records with an error were left out; the rest is still checked, so every problem of
    # the file is listed at once.
    source = WorkspaceSource(graph.name, "json", {
        "actors": _table("actors", graph.node_file, actors),
        "projects": _table("projects", graph.node_file, projects),
        "relations": _table("relations", graph.edge_file, relations),
    }, [])
    from graphmap.validation import validate_source

    dataset, found = validate_source(source)
    everything = sorted([*issues, *found], key=Issue.sort_key)
    return (None if any(i.is_error for i in everything) else dataset), everything


def _table(table: str, file: str, rows: list[_Row]) -> RawTable:
    def generate() -> Iterator[RawRow | Issue]:
        for row in rows:
            yield row.raw()

    return RawTable(table, file, generate())


def _assign_ids(graph: ForeignGraph, issues: list[Issue]) -> list[str]:
    """Each node's id: its own, else one derived from its label (one warning says how many)."""
    given = {n.id for n in graph.nodes if n.id}
    ids: list[str] = []
    derived: list[tuple[str, str]] = []
    used = set(given)
    for node in graph.nodes:
        if node.id:
            ids.append(node.id)
            continue
        base = slug(node.label or "")
        candidate, number = base, 1
        while candidate in used:
            number += 1
            candidate = f"{base}-{number}"
        used.add(candidate)
        ids.append(candidate)
        derived.append((node.label or "", candidate))
    if derived:
        label, node_id = derived[0]
        issues.append(warning("exchange.ids_derived", graph.node_file, None, None,
                              count=len(derived), label=label, id=node_id))
    return ids


def _kind_of_word(text: str) -> bool | None:
    """``True`` for a project, ``False`` for an actor, ``None`` when the word says neither."""
    folded = _fold_title(text)
    if folded in _PROJECT_WORDS:
        return True
    if folded in _ACTOR_WORDS:
        return False
    return None


def _node_row(graph: ForeignGraph, node: ForeignNode, titles: Mapping[str, str],
              dropped: dict[str, None], issues: list[Issue]) -> tuple[bool, _Row] | None:
    row = _Row(node.row)
    if node.label:
        row.put("name", "label", node.label.strip())
    read = _node_fields(node, row, titles, dropped)
    if read is None:
        issues.append(error("exchange.node_kind_unknown", graph.node_file, node.row, None,
                            label=node.label or node.id or ""))
        return None
    kind, element_types = read
    for title, text in element_types:
        kind = _element_type(row, kind, title, text)
    if node.tags:
        row.put("theme", "tags", LIST_SEPARATOR.join(node.tags))
    if kind is None:
        if "stage" in row.values:
            kind = True
        elif "sector" in row.values:
            kind = False
        else:
            issues.append(error("exchange.node_kind_unknown", graph.node_file, node.row, None,
                                label=node.label or node.id or ""))
            return None
    _keep_unknown_types(graph, row, kind, issues)
    _move_foreign_columns(row, "projects" if kind else "actors")
    return kind, row


def _node_fields(node: ForeignNode, row: _Row, titles: Mapping[str, str],
                 dropped: dict[str, None]) -> tuple[bool | None, list[tuple[str, str]]] | None:
    """Put each field of ``node`` in its column; the kind it states (``None`` when no field
    says it) and its element types, or ``None`` when its kind field is not a kind."""
    kind: bool | None = None
    element_types: list[tuple[str, str]] = []
    for title, value in node.fields:
        text = scalar_text(value)
        meaning = titles.get(_fold_title(title))
        if not text or meaning == "viz":
            continue
        if meaning == "analysis":
            dropped.setdefault(title, None)
        elif meaning == "kind":
            kind = _kind_of_word(text)
            if kind is None:
                return None
        elif meaning == "element_type":
            element_types.append((title, text))
        elif meaning is None or meaning == "id":
            row.keep(title, text)
        else:
            row.put(meaning, title, text)
    return kind, element_types


def _element_type(row: _Row, kind: bool | None, title: str, text: str) -> bool | None:
    """Read a tool's element type: a kind word, a stage, a sector or a category; anything
    else is remembered under ``_type`` for :func:`_keep_unknown_types`."""
    word = _kind_of_word(text)
    if word is not None:
        return word if kind is None else kind
    stage = Stage.parse(text)
    if stage is not None and kind is not False:
        row.put("stage", title, text)
        return True
    for vocabulary, column in ((Sector, "sector"), (Category, "category")):
        term = vocabulary.parse(text)
        if term is not None and kind is not True:
            row.put(column, title, text)
            if not _names_the_code(term, text):
                # A word the vocabulary reads ("Municipalité" is a public actor) says more
                # than the code: it stays the actor's own type too.
                row.put("type", title, text)
            return False
    row.values.setdefault("_type", text)
    row.written.setdefault("_type", title)
    return kind


def _names_the_code(term: Any, text: str) -> bool:
    """Whether ``text`` is ``term``'s code or label (not one of its synonyms)."""
    return fold(text) in {fold(term.value), fold(term.label("fr")), fold(term.label("en"))}


def _keep_unknown_types(graph: ForeignGraph, row: _Row, project: bool,
                        issues: list[Issue]) -> None:
    """An element type graphmap does not know becomes the actor's own type (free text), or
    an extra column of a project, with a located warning."""
    text = row.values.pop("_type", None)
    title = row.written.pop("_type", "type")
    if text is None:
        return
    if not project and "type" not in row.values:
        row.put("type", title, text)
        column = "type"
    else:
        row.keep(title, text)
        column = title
    issues.append(warning("exchange.type_kept", graph.node_file, row.row, title, value=text,
                          column=column))


def _move_foreign_columns(row: _Row, table: str) -> None:
    """Columns of the other table (a stage on an actor) stay as the user's own columns, and
    no own column may take a name the workspace would read as one of its columns."""
    allowed = TABLE_COLUMNS[table]
    for column in [c for c in row.values if c not in allowed]:
        text = row.values.pop(column)
        row.keep(row.written.pop(column), text)
    _rename_reserved(row, table)


@functools.cache
def _reserved(table: str) -> Mapping[str, str]:
    return column_alias_table(table)


def _rename_reserved(row: _Row, table: str) -> None:
    reserved = _reserved(table)
    if not any(_fold_title(name) in reserved for name in row.extra):
        return
    kept = list(row.extra.items())
    row.extra.clear()
    for name, text in kept:
        title, number = name, 1
        while fold(title) in reserved or title in row.extra:
            number += 1
            title = f"{name} ({number})"
        row.extra[title] = text


class _Resolver:
    """Finds the node an edge end names: its id, else its exact label, else its label
    compared without case or accents."""

    def __init__(self, graph: ForeignGraph, ids: Sequence[str]) -> None:
        self.ids = set(ids)
        self.own_id = {node_id for node, node_id in zip(graph.nodes, ids, strict=True)
                       if node.id}
        self.by_label: dict[str, list[str]] = {}
        for node, node_id in zip(graph.nodes, ids, strict=True):
            if node.label:
                self.by_label.setdefault(node.label.strip(), []).append(node_id)
        self._by_folded: dict[str, list[str]] | None = None

    @property
    def by_folded(self) -> dict[str, list[str]]:
        """Labels without case or accents, built the first time an end is not an id."""
        if self._by_folded is None:
            self._by_folded = {}
            for label, found in self.by_label.items():
                self._by_folded.setdefault(fold(label), []).extend(found)
        return self._by_folded

    def resolve(self, graph: ForeignGraph, edge: ForeignEdge, column: str, ref: str,
                issues: list[Issue]) -> str | None:
        if ref in self.ids:
            return ref
        for table, key in ((self.by_label, ref.strip()), (self.by_folded, fold(ref))):
            found = table.get(key)
            if found and len(found) == 1:
                if found[0] in self.own_id:
                    issues.append(warning("exchange.endpoint_by_name", graph.edge_file,
                                          edge.row, column, ref=ref, id=found[0]))
                return found[0]
            if found:
                issues.append(error("exchange.endpoint_ambiguous", graph.edge_file, edge.row,
                                    column, ref=ref, candidates=Listing(found)))
                return None
        close = suggest_from(ref, [*self.by_label, *self.ids]) if len(self.ids) < 20_000 else None
        issues.append(error("exchange.endpoint_unknown", graph.edge_file, edge.row, column,
                            ref=ref, suggestion=did_you_mean(close)))
        return None


def _edge_row(graph: ForeignGraph, edge: ForeignEdge, titles: Mapping[str, str], *,
              resolver: _Resolver, is_project: Mapping[str, bool],
              issues: list[Issue]) -> _Row | None:
    row = _Row(edge.row)
    ends: list[str | None] = []
    for column, ref in (("from", edge.source), ("to", edge.target)):
        if not ref:
            issues.append(error("exchange.missing_field", graph.edge_file, edge.row, column,
                                field=column))
            ends.append(None)
        else:
            ends.append(resolver.resolve(graph, edge, column, ref, issues))
    source, target = ends
    if source is None or target is None:
        return None
    if not edge.directed and is_project.get(source) and not is_project.get(target, True):
        # An undirected tie between a project and an actor reads from the actor.
        issues.append(warning("exchange.undirected", graph.edge_file, edge.row, None,
                              source=target, target=source))
        source, target = target, source
    row.put("source", "from", source)
    row.put("target", "to", target)
    for title, value in edge.fields:
        text = scalar_text(value)
        meaning = titles.get(_fold_title(title))
        if not text or meaning in ("viz", "direction"):
            continue
        if meaning in (None, "source", "target"):
            row.keep(title, text)
        else:
            row.put(meaning, title, text)
    return row
