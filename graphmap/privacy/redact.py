"""The publication step: ``(Dataset, AnalysisReport)`` in, the published pair and its log out.

The analysis runs on the full data; this step then decides what an output may show, so the
renderers, the exports and the Neo4j push draw what they are given and hold no privacy
logic of their own.

- :func:`hold_back` (default mode, for HTML, Markdown and the map): contact columns and the
  ``public`` column left out unless included; contact values scrubbed from the other
  columns. The JSON report keeps the full data.
- :func:`publish` (``--public``, every output): persons pseudonymised or aggregated, every
  extra column dropped but the included ones, free text scrubbed, the report rewritten.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TypeVar

from graphmap._version import __version__
from graphmap.analysis.report import AnalysisReport
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.privacy.anonymity import PERSON_RULES, Anonymity, Group, check, person_rule
from graphmap.privacy.columns import ContactColumn, contact_columns, is_public_column, records_of
from graphmap.privacy.log import GroupEntry, LogEntry, PublicationLog
from graphmap.privacy.pseudonyms import Salt, pseudonym
from graphmap.privacy.report import rewrite_report
from graphmap.privacy.scrub import Scrubber
from graphmap.privacy.settings import PublishPolicy
from graphmap.schema import Category, Sector

R = TypeVar("R", Actor, Project, Relation)


@dataclass(frozen=True)
class Publication:
    """What an output may show: the dataset, the report (if any) and the log. ``ids`` maps
    a person's real id to its published id (for the caller's own options, such as a map's
    focus; never written anywhere)."""

    dataset: Dataset
    report: AnalysisReport | None
    log: PublicationLog
    ids: Mapping[str, str] = field(default_factory=dict, repr=False)
    #: Persons shown nowhere (unique, too few to aggregate).
    hidden: frozenset[str] = field(default=frozenset(), repr=False)
    #: A person's real id → its label (``Personne 3``), for the persons shown under one.
    labels: Mapping[str, str] = field(default_factory=dict, repr=False)


def publication_date() -> str:
    """Today (UTC) as ``YYYY-MM-DD``, or the day of ``SOURCE_DATE_EPOCH`` when it is set
    (reproducible builds): the same input gives the same bytes on the same day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit()
              else dt.datetime.now(dt.UTC))
    return moment.date().isoformat()


def _placeholder(lang: str) -> Scrubber:
    return Scrubber(lambda kind: translate(f"privacy.placeholder.{kind}", lang), {})


def hold_back(dataset: Dataset, included: frozenset[str] = frozenset(), *,
              lang: str = "en") -> tuple[Dataset, tuple[ContactColumn, ...]]:
    """The dataset HTML, Markdown and the map may show by default, and the contact columns
    held back (those not in ``included``).

    >>> from graphmap.schema import Sector
    >>> notes = ("voir 450-555-0101", "partenaire", "depuis 2010")
    >>> ds = Dataset(actors=tuple(Actor(f"a{i}", "A", Sector.PUBLIC,
    ...     extra={"Courriel": "a@b.ca", "Notes": n, "public": "oui"})
    ...     for i, n in enumerate(notes)))
    >>> shown, held = hold_back(ds, lang="fr")
    >>> dict(shown.actors[0].extra), [c.column for c in held]
    ({'Notes': 'voir [téléphone retiré]'}, ['Courriel'])
    """
    held = tuple(c for c in contact_columns(dataset) if c.column not in included)
    if not any(dataset.extra_columns.values()):
        return dataset, held
    drop = {(c.table, c.column) for c in held}
    scrubber = _placeholder(lang)

    def keep(table: str, record: R) -> R:
        if not record.extra:
            return record
        extra = {k: (v if k in included else scrubber.scrub(v, k))
                 for k, v in record.extra.items()
                 if (table, k) not in drop and not is_public_column(k)}
        return record if extra == dict(record.extra) else replace(record, extra=extra)

    shown = Dataset(tuple(keep("actors", a) for a in dataset.actors),
                    tuple(keep("projects", p) for p in dataset.projects),
                    tuple(keep("relations", r) for r in dataset.relations),
                    dataset.warnings, dataset.name, dataset.territories)
    return shown, held


def publish(dataset: Dataset, report: AnalysisReport | None, *, policy: PublishPolicy,
            included: frozenset[str], salt: Salt, lang: str, date: str | None = None,
            labels: Mapping[str, str] | None = None) -> Publication:
    """The public pair and its log (see the module docstring and docs/privacy.md).

    ``labels``: the :attr:`Publication.labels` of another year (``graphmap compare``): a
    person keeps the label it has there, the others are numbered after them.
    """
    persons = {a.id: rule for a in dataset.actors if (rule := person_rule(a)) is not None}
    anonymity = check(dataset, persons, k=policy.k, aggregate=policy.aggregate)
    people = _People(dataset, persons, anonymity, salt, lang, labels=labels or {})
    scrubber = Scrubber(lambda kind: translate(f"privacy.placeholder.{kind}", lang),
                        people.names)
    entries: list[LogEntry] = []
    columns = _Columns(dataset, included, scrubber)
    actors = people.actors(columns, scrubber)
    projects = tuple(replace(p, name=scrubber.scrub(p.name, "projects.name"),
                             themes=scrubber.scrub_all(p.themes, "projects.themes"),
                             extra=columns.keep("projects", p.extra)) for p in dataset.projects)
    relations = people.relations(dataset.relations, columns, scrubber)
    published = Dataset(actors, projects, relations, dataset.warnings, dataset.name,
                        dataset.territories)
    new_report = None
    report_counts: Counter[tuple[str, str]] = Counter()
    if report is not None:
        new_report = rewrite_report(report, ids=people.ids, dropped=people.hidden,
                                    scrubber=scrubber, counts=report_counts,
                                    meta={"mode": "public", "k": policy.k,
                                          "analysis": "full_data_then_redacted"})
    entries.extend(columns.entries())
    entries.extend(people.entries())
    for (where, rule), count in sorted(scrubber.counts.items()):
        table, _, column = where.partition(".")
        entries.append(LogEntry("scrubbed", table, column, rule, count))
    for (section, rule), count in sorted(report_counts.items()):
        entries.append(LogEntry("removed", "report", section, rule, count))
    log = PublicationLog(
        mode="public", date=date or publication_date(), graphmap_version=__version__,
        lang=lang, k=policy.k, aggregate=policy.aggregate,
        included_columns=tuple(sorted(included)), salt_source=salt.source,
        entries=tuple(entries), groups=people.group_entries(),
        totals={"persons": len(persons), "pseudonymised": len(people.visible),
                "flagged": len(anonymity.flagged),
                "aggregated": sum(len(g.members) for g in anonymity.groups),
                "groups": len(anonymity.groups), "removed": len(anonymity.removed),
                "organisations_named": len(dataset.actors) - len(persons)})
    return Publication(published, new_report, log, dict(people.ids), people.removed,
                       people.labels)


def default_log(dataset: Dataset, held: Iterable[ContactColumn], included: frozenset[str], *,
                lang: str, date: str | None = None) -> PublicationLog:
    """The log of the default mode: which contact columns HTML, Markdown and the map left out."""
    entries = tuple(LogEntry("removed", c.table, c.column, c.rule, c.values) for c in held)
    return PublicationLog("default", date or publication_date(), __version__, lang, 0, False,
                          tuple(sorted(included)), None, entries)


class _Columns:
    """Which extra columns a public output keeps (the included ones, scrubbed) and the log
    of the others."""

    def __init__(self, dataset: Dataset, included: frozenset[str], scrubber: Scrubber) -> None:
        self.included = included
        self.scrubber = scrubber
        self.rules = {(c.table, c.column): c.rule for c in contact_columns(dataset)}
        self.filled: Counter[tuple[str, str]] = Counter()
        for table, records in records_of(dataset).items():
            for record in records:
                self.filled.update((table, k) for k, v in record.extra.items() if v)

    def keep(self, table: str, extra: Mapping[str, str]) -> Mapping[str, str]:
        if not extra:
            return extra
        return {k: self.scrubber.scrub(v, f"{table}.{k}") for k, v in extra.items()
                if k in self.included and not is_public_column(k)}

    def entries(self) -> list[LogEntry]:
        out = []
        for (table, column), count in self.filled.items():
            if is_public_column(column):
                out.append(LogEntry("removed", table, column, "public_flag", count))
            elif column not in self.included:
                rule = self.rules.get((table, column), "not_included")
                out.append(LogEntry("removed", table, column, rule, count))
        return out


class _People:
    """The persons of a dataset as a public output shows them: pseudonyms with neutral
    labels, group nodes, or nothing (too few to aggregate)."""

    def __init__(self, dataset: Dataset, persons: Mapping[str, str], anonymity: Anonymity,
                 salt: Salt, lang: str, *, labels: Mapping[str, str]) -> None:
        self.dataset, self.persons, self.lang = dataset, persons, lang
        self.group_of: dict[str, str] = {}
        self.groups: dict[str, tuple[Group, str]] = {}
        for group in anonymity.groups:
            gid = pseudonym(salt, "group", "\x00".join(sorted(group.members)))
            self.groups[gid] = (group, _group_label(group, lang))
            self.group_of.update(dict.fromkeys(group.members, gid))
        self.removed = frozenset(anonymity.removed)
        self.visible = [pid for pid in persons if pid not in self.group_of
                        and pid not in self.removed]
        pseudonyms = {pid: pseudonym(salt, "anon", pid) for pid in self.visible}
        # Numbered in pseudonym order, not input order: the number tells nothing of the row.
        # A person labelled in another year keeps that label; the others come after.
        kept = {pid: labels[pid] for pid in self.visible if pid in labels}
        order = sorted((pid for pid in self.visible if pid not in kept),
                       key=pseudonyms.__getitem__)
        self.labels = {**kept, **{pid: translate("privacy.person_label", lang, number=n)
                                  for n, pid in enumerate(order, start=len(labels) + 1)}}
        self.ids: dict[str, str] = {**pseudonyms, **self.group_of}
        self.hidden = self.removed
        hidden_name = translate("privacy.placeholder.person", lang)
        by_id = dataset.actor_by_id
        self.names: dict[str, str] = {}
        for pid in persons:
            name = by_id[pid].name
            self.names[name] = self.labels.get(pid, hidden_name)
        self.flagged = anonymity.flagged
        self.aggregate = bool(anonymity.groups or anonymity.removed)

    def actors(self, columns: _Columns, scrubber: Scrubber) -> tuple[Actor, ...]:
        out: list[Actor] = []
        placed: set[str] = set()
        for a in self.dataset.actors:
            if a.id in self.removed:
                continue
            gid = self.group_of.get(a.id)
            if gid is not None:
                if gid not in placed:
                    placed.add(gid)
                    group, label = self.groups[gid]
                    sector = Sector.CITIZEN if group.citizens else a.sector
                    out.append(Actor(gid, label, sector, None, Category.GROUP, group.territory))
                continue
            extra = columns.keep("actors", a.extra)
            if a.id in self.persons:
                # A person's type is free text that can single one out ("mairesse"): dropped.
                out.append(replace(a, id=self.ids[a.id], name=self.labels[a.id], type=None,
                                   extra=extra))
            else:
                kind = scrubber.scrub(a.type, "actors.type") if a.type else a.type
                out.append(replace(a, name=scrubber.scrub(a.name, "actors.name"), type=kind,
                                   extra=extra))
        return tuple(out)

    def relations(self, relations: Iterable[Relation], columns: _Columns,
                  scrubber: Scrubber) -> tuple[Relation, ...]:
        merged: dict[tuple[str, str, str], list[Relation]] = {}
        out: list[Relation | tuple[str, str, str]] = []
        for r in relations:
            if r.source in self.removed or r.target in self.removed:
                continue
            source, target = self.ids.get(r.source, r.source), self.ids.get(r.target, r.target)
            if source is r.source and target is r.target and not r.kind and not r.extra:
                out.append(r)  # nothing to change: most relations of a large ecosystem
                continue
            if source == target:
                continue  # two members of one group
            shown = replace(r, source=source, target=target,
                            kind=scrubber.scrub(r.kind, "relations.kind") if r.kind else r.kind,
                            extra=columns.keep("relations", r.extra))
            if source in self.groups or target in self.groups:
                key = (source, target, r.type.value)
                if key not in merged:
                    merged[key] = []
                    out.append(key)
                merged[key].append(shown)
            else:
                out.append(shown)
        return tuple(_merge(merged[item]) if isinstance(item, tuple) else item for item in out)

    def entries(self) -> list[LogEntry]:
        out: list[LogEntry] = []
        for rule in PERSON_RULES:
            count = sum(1 for pid in self.visible if self.persons[pid] == rule)
            if count:
                out.append(LogEntry("replaced", "actors", "name", rule, count))
                out.append(LogEntry("replaced", "actors", "id", rule, count))
            typed = sum(1 for pid in self.visible if self.persons[pid] == rule
                        and self.dataset.actor_by_id[pid].type)
            if typed:
                out.append(LogEntry("removed", "actors", "type", rule, typed))
        grouped = len(self.group_of)
        if grouped:
            out.append(LogEntry("aggregated", "actors", "id", "k_anonymity", grouped))
        if self.removed:
            out.append(LogEntry("removed", "actors", "id", "k_anonymity", len(self.removed)))
        if self.flagged and not self.aggregate:
            out.append(LogEntry("flagged", "actors", "id", "k_anonymity", len(self.flagged)))
        return out

    def group_entries(self) -> tuple[GroupEntry, ...]:
        return tuple(GroupEntry(gid, label, len(group.members))
                     for gid, (group, label) in self.groups.items())


def _merge(relations: list[Relation]) -> Relation:
    """The ties of a group's members to one node as one tie: amounts and weights added,
    year, kind and extra columns kept where they agree."""
    first = relations[0]
    if len(relations) == 1:
        return first
    amounts = [r.amount for r in relations if r.amount is not None]
    years = {r.year for r in relations}
    kinds = {r.kind for r in relations}
    same_extra = all(dict(r.extra) == dict(first.extra) for r in relations)
    return replace(first, amount=sum(amounts) if amounts else None,
                   weight=sum(r.weight for r in relations),
                   year=first.year if len(years) == 1 else None,
                   kind=first.kind if len(kinds) == 1 else None,
                   extra=first.extra if same_extra else {})


def _group_label(group: Group, lang: str) -> str:
    """``3 citoyennes et citoyens de Lac-Clair`` / ``3 citizens of Lac-Clair``."""
    if group.mixed:
        where = translate("privacy.where.mixed", lang)
    elif group.territory is None:
        where = translate("privacy.where.none", lang)
    else:
        elided = group.territory[:1].lower() in "aeiouyéèêàâîôûœ"
        where = translate("privacy.where.elided" if elided else "privacy.where.named", lang,
                          territory=group.territory)
    who = "citizens" if group.citizens else "people"
    return translate(f"privacy.group.{who}", lang, count=len(group.members), where=where)
