"""Pure translation between a Dataset (plus its AnalysisReport) and the row dicts Neo4j stores.

The graph model in Neo4j (documented for users in the README):

- one node per actor (``:Actor``) and per project (``:Project``), keyed by
  ``(workspace, id)``; actors also carry the role labels of the relations they hold
  (``:Carrier``, ``:Funder``, ``:SupportPartner``, ``:Adopter``);
- one relationship per relation row, typed ``CARRIES``, ``FUNDS``, ``SUPPORTS``, ``ADOPTS``,
  ``BENEFITS``, ``COLLABORATES`` or ``MEMBER_OF``, keyed by ``(workspace, rid)`` where
  ``rid`` derives from its content (source, type, target and its rank among identical
  triples), so parallel relations survive and pushing twice finds the same ids;
- every node and relationship holds ``workspace`` (several workspaces share one database
  without mixing) and ``seq`` (its row order, so pull gives back the same Dataset);
- the user's own columns become properties prefixed ``x_`` (``budget`` → ``x_budget``), so
  they can never overwrite ours; analysis results are plain properties;
- one ``:GraphmapWorkspace`` node per workspace holds the column order and the summary.

Labels and relationship types come only from our enums; everything the user wrote travels
as parameter values, never as Cypher text.
"""

from __future__ import annotations

import hashlib
import json
import json.encoder
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graphmap.analysis.report import AnalysisReport
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import Category, RelationType, Scope, Sector, Stage

__all__ = [
    "ACTOR_LABEL", "EXTRA_PREFIX", "PROJECT_LABEL", "REL_TYPES", "ROLE_LABELS",
    "WORKSPACE_LABEL", "GraphRows", "NodeRow", "RelRow", "analysis_props", "dataset_from_rows",
    "graph_rows", "relation_ids", "role_labels", "workspace_props",
]

ACTOR_LABEL = "Actor"
PROJECT_LABEL = "Project"
WORKSPACE_LABEL = "GraphmapWorkspace"
EXTRA_PREFIX = "x_"

#: Relationship type in Neo4j for each relation type (Cypher's UPPER_SNAKE convention).
REL_TYPES: Mapping[RelationType, str] = {t: t.value.upper() for t in RelationType}
#: The role label an actor gets from each relation type it is the source of.
ROLE_LABELS: Mapping[RelationType, str] = {
    RelationType.CARRIES: "Carrier",
    RelationType.FUNDS: "Funder",
    RelationType.SUPPORTS: "SupportPartner",
    RelationType.ADOPTS: "Adopter",
    RelationType.BENEFITS: "Adopter",
}
ALL_ROLE_LABELS: tuple[str, ...] = tuple(sorted(set(ROLE_LABELS.values())))
TYPE_OF_REL: Mapping[str, RelationType] = {v: k for k, v in REL_TYPES.items()}


# NamedTuples, not dataclasses: a push builds one per node and relationship, and a tuple
# is built several times faster than a frozen dataclass.
class NodeRow(NamedTuple):
    """One node as stored: its label, id, full property map and role labels.

    The property map is what is written (``SET n = props``); it holds ``workspace`` and
    ``id`` too, so it can be sent as it is.
    """

    label: str
    id: str
    props: Mapping[str, Any]
    roles: tuple[str, ...] = ()


class RelRow(NamedTuple):
    """One relationship as stored: type, id, endpoints (with the target's label), full
    property map (holding ``workspace`` and ``rid``)."""

    rel_type: str
    rid: str
    source: str
    target: str
    target_label: str
    props: Mapping[str, Any]


@dataclass(frozen=True)
class GraphRows:
    """Everything one push writes for a workspace."""

    workspace: str
    nodes: tuple[NodeRow, ...]
    rels: tuple[RelRow, ...]
    workspace_props: Mapping[str, Any] = field(default_factory=dict)


def relation_ids(relations: Iterable[Relation]) -> list[str]:
    """A stable id per relation row: a hash of (source, type, target, k) where ``k`` counts
    the identical triples before it. Editing an amount keeps the id; parallel rows differ.

    The hashed text is ``json.dumps([source, type, target, k], ensure_ascii=False)``, built
    here with json's own string encoder (the same characters, without the machinery of
    ``dumps``): the ids of relationships already in a database must never change.

    >>> r = Relation("a", "p", RelationType.FUNDS)
    >>> ids = relation_ids([r, r])
    >>> ids[0] != ids[1], ids == relation_ids([r, r]), len(ids[0])
    (True, True, 32)
    >>> relation_ids([Relation('a"\\é', "p", RelationType.FUNDS)])[0][:8]
    'e2e1b6cd'
    """
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    quote = json.encoder.encode_basestring
    sha256 = hashlib.sha256
    for r in relations:
        type_value = r.type._value_  # the plain attribute: faster than the .value property
        triple = (r.source, type_value, r.target)
        k = seen.get(triple, 0)
        seen[triple] = k + 1
        key = f"[{quote(r.source)}, {quote(type_value)}, {quote(r.target)}, {k}]"
        out.append(sha256(key.encode("utf-8")).hexdigest()[:32])
    return out


def role_labels(types: Iterable[RelationType]) -> tuple[str, ...]:
    """The sorted role labels of an actor holding relations of ``types``.

    >>> role_labels([RelationType.BENEFITS, RelationType.FUNDS, RelationType.COLLABORATES])
    ('Adopter', 'Funder')
    """
    return tuple(sorted({ROLE_LABELS[t] for t in types if t in ROLE_LABELS}))


def _extras(extra: Mapping[str, str]) -> dict[str, str]:
    return {EXTRA_PREFIX + key: value for key, value in extra.items()}


def _clean(props: Mapping[str, Any]) -> dict[str, Any]:
    """Neo4j stores no nulls: a missing value is an absent property."""
    return {k: v for k, v in props.items() if v is not None}


def _actor_props(workspace: str, seq: int, a: Actor) -> dict[str, Any]:
    return _clean({"workspace": workspace, "id": a.id, "seq": seq, "name": a.name,
                   "sector": a.sector._value_, "type": a.type,
                   "category": a.category._value_, "territory": a.territory,
                   "scope": a.scope._value_, **_extras(a.extra)})


def _project_props(workspace: str, seq: int, p: Project) -> dict[str, Any]:
    return _clean({"workspace": workspace, "id": p.id, "seq": seq, "name": p.name,
                   "stage": p.stage.value, "stage_rank": p.stage.rank,
                   "themes": list(p.themes), "territory": p.territory, "start": p.start,
                   "end": p.end, **_extras(p.extra)})


def _relation_props(workspace: str, seq: int, rid: str, r: Relation) -> dict[str, Any]:
    # Written out rather than filtered by _clean: there is one per relation (the hot loop of
    # a push); the result is the same map.
    props: dict[str, Any] = {"workspace": workspace, "rid": rid, "seq": seq}
    if r.amount is not None:
        props["amount"] = r.amount
    if r.year is not None:
        props["year"] = r.year
    if r.weight is not None:
        props["weight"] = r.weight
    if r.kind is not None:
        props["kind"] = r.kind
    if r.extra:
        props.update(_clean(_extras(r.extra)))
    return props


def analysis_props(report: AnalysisReport) -> dict[str, dict[str, Any]]:
    """Per node id: the analysis results Bloom can style by (added to the node's own
    properties by :func:`graph_rows`)."""
    out: dict[str, dict[str, Any]] = {}
    for b in report.brokers:
        out.setdefault(b.id, {}).update(_clean({
            "broker_rank": b.rank, "betweenness": b.betweenness, "constraint": b.constraint,
            "effective_size": b.effective_size,
            "brokerage_coordinator": b.brokerage.coordinator,
            "brokerage_itinerant": b.brokerage.itinerant,
            "brokerage_representative": b.brokerage.representative,
            "brokerage_gatekeeper": b.brokerage.gatekeeper,
            "brokerage_liaison": b.brokerage.liaison,
            "brokerage_total": b.brokerage.total,
        }))
    for c in report.communities:
        for member in c.members:
            out.setdefault(member, {})["community"] = c.id
    codes: dict[str, list[str]] = {}
    for g in report.gaps:
        if g.subject_kind in ("project", "actor") and g.code not in codes.get(g.subject, []):
            codes.setdefault(g.subject, []).append(g.code)
    for subject, subject_codes in codes.items():
        out.setdefault(subject, {})["gap_codes"] = subject_codes
    return out


def workspace_props(dataset: Dataset, workspace: str,
                    report: AnalysisReport | None = None) -> dict[str, Any]:
    """The properties of the workspace's ``:GraphmapWorkspace`` node: the column order,
    the counts and, with a ``report``, its version and the territory and ecosystem gaps."""
    columns = dataset.extra_columns
    props: dict[str, Any] = {
        "name": workspace,
        "actor_columns": list(columns["actors"]),
        "project_columns": list(columns["projects"]),
        "relation_columns": list(columns["relations"]),
        "actors": len(dataset.actors),
        "projects": len(dataset.projects),
        "relations": len(dataset.relations),
    }
    if report is not None:
        props["graphmap_version"] = report.graphmap_version
        props["territory_gaps"] = [
            f"{g.code}:{g.subject}" for g in report.gaps if g.subject_kind == "territory"]
        props["ecosystem_gaps"] = [
            g.code for g in report.gaps if g.subject_kind == "ecosystem"]
    return props


def graph_rows(dataset: Dataset, workspace: str,
               report: AnalysisReport | None = None) -> GraphRows:
    """The nodes and relationships a push writes for ``dataset`` under ``workspace``.

    Examples
    --------
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC, extra={"name": "x"}),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE),),
    ...              relations=(Relation("a", "p", RelationType.FUNDS),))
    >>> rows = graph_rows(ds, "demo")
    >>> rows.nodes[0].roles, rows.nodes[0].props["name"], rows.nodes[0].props["x_name"]
    (('Funder',), 'A', 'x')
    >>> rows.rels[0].rel_type, rows.rels[0].target_label
    ('FUNDS', 'Project')
    """
    analysis = analysis_props(report) if report is not None else {}
    # role_labels() per actor, keyed by the enums' plain values (hashing a str is cheaper
    # than hashing an Enum member, and this loops over every relation).
    role_of = {t.value: label for t, label in ROLE_LABELS.items()}
    roles_of: dict[str, set[str]] = {}
    for r in dataset.relations:
        role = role_of.get(r.type._value_)
        if role is not None:
            roles_of.setdefault(r.source, set()).add(role)
    nodes: list[NodeRow] = []
    for seq, a in enumerate(dataset.actors):
        props = _actor_props(workspace, seq, a)
        if a.id in analysis:
            props = {**analysis[a.id], **props}
        roles = roles_of.get(a.id)
        nodes.append(NodeRow(ACTOR_LABEL, a.id, props, tuple(sorted(roles)) if roles else ()))
    for seq, p in enumerate(dataset.projects):
        props = _project_props(workspace, seq, p)
        if p.id in analysis:
            props = {**analysis[p.id], **props}
        nodes.append(NodeRow(PROJECT_LABEL, p.id, props))
    projects = dataset.project_by_id
    rel_type_of = {t.value: name for t, name in REL_TYPES.items()}
    rels = tuple(
        RelRow(rel_type_of[r.type._value_], rid, r.source, r.target,
               PROJECT_LABEL if r.target in projects else ACTOR_LABEL,
               _relation_props(workspace, seq, rid, r))
        for seq, (rid, r) in enumerate(zip(relation_ids(dataset.relations), dataset.relations,
                                           strict=True))
    )
    return GraphRows(workspace, tuple(nodes), rels,
                     workspace_props(dataset, workspace, report))


# --- back from Neo4j -------------------------------------------------------------------------

def _extra_of(props: Mapping[str, Any], order: Iterable[str]) -> dict[str, str]:
    """The user's columns of one record, in the workspace's column order."""
    found = {k[len(EXTRA_PREFIX):]: str(v) for k, v in props.items()
             if k.startswith(EXTRA_PREFIX)}
    ordered = {k: found[k] for k in order if k in found}
    ordered.update((k, v) for k, v in sorted(found.items()) if k not in ordered)
    return ordered


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def dataset_from_rows(workspace: str, actors: Iterable[Mapping[str, Any]],
                      projects: Iterable[Mapping[str, Any]],
                      relations: Iterable[tuple[str, str, str, Mapping[str, Any]]],
                      workspace_props: Mapping[str, Any] | None = None) -> Dataset:
    """Rebuild the Dataset from stored property maps (the inverse of :func:`graph_rows`).

    ``relations`` holds ``(relationship type, source id, target id, properties)``. Records
    come back in ``seq`` order; analysis properties are ignored.

    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC, extra={"web": "w"}),),
    ...              projects=(Project("p", "P", Stage.FEEDBACK, themes=("x", "y")),),
    ...              relations=(Relation("a", "p", RelationType.FUNDS, amount=5.0),))
    >>> rows = graph_rows(ds, "demo")
    >>> back = dataset_from_rows("demo", [rows.nodes[0].props], [rows.nodes[1].props],
    ...     [(r.rel_type, r.source, r.target, r.props) for r in rows.rels], rows.workspace_props)
    >>> back == ds
    True
    """
    meta = workspace_props or {}
    actor_cols = meta.get("actor_columns") or []
    project_cols = meta.get("project_columns") or []
    relation_cols = meta.get("relation_columns") or []
    actor_records = tuple(
        Actor(id=str(a["id"]), name=str(a["name"]), sector=Sector(a["sector"]),
              type=_opt_str(a.get("type")),
              category=Category(a.get("category", Category.ORGANIZATION.value)),
              territory=_opt_str(a.get("territory")),
              scope=Scope(a.get("scope", Scope.LOCAL.value)),
              extra=_extra_of(a, actor_cols))
        for a in sorted(actors, key=lambda m: (m.get("seq", 0), str(m["id"])))
    )
    project_records = tuple(
        Project(id=str(p["id"]), name=str(p["name"]), stage=Stage(p["stage"]),
                themes=tuple(str(t) for t in p.get("themes") or ()),
                territory=_opt_str(p.get("territory")), start=_opt_str(p.get("start")),
                end=_opt_str(p.get("end")), extra=_extra_of(p, project_cols))
        for p in sorted(projects, key=lambda m: (m.get("seq", 0), str(m["id"])))
    )
    relation_records = tuple(
        Relation(source=str(source), target=str(target), type=TYPE_OF_REL[rel_type],
                 amount=None if props.get("amount") is None else float(props["amount"]),
                 year=None if props.get("year") is None else int(props["year"]),
                 weight=float(props.get("weight", 1.0)), kind=_opt_str(props.get("kind")),
                 extra=_extra_of(props, relation_cols))
        for rel_type, source, target, props in sorted(
            relations, key=lambda t: (t[3].get("seq", 0), str(t[3].get("rid", ""))))
    )
    return Dataset(actors=actor_records, projects=project_records,
                   relations=relation_records, name=workspace)
