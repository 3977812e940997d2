"""Validation rules: generators that yield located issues while building the typed records.

The row rules, one row at a time (``clean_path`` runs them on the rows that fail its column
checks). Per-field rules yield issues and return the parsed value (``value = yield from``);
workspace-wide rules (duplicate ids, dangling references, isolated actors, duplicate
relations) keep only compact indexes, never a second copy of the rows.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Generator, Iterator
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.i18n import Message
from graphmap.load import RawRow, RawTable, WorkspaceSource
from graphmap.load.issues import Accepted, Number, Term, did_you_mean, error, warning
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Origin, Project, Relation
from graphmap.schema import (
    ACTOR_TO_ACTOR,
    ACTOR_TO_PROJECT,
    Category,
    NodeKind,
    RelationType,
    Scope,
    Sector,
    Stage,
    Vocabulary,
)
from graphmap.validation.forms import ForeignCurrency, Reading, read_amount, read_date, read_year
from graphmap.validation.references import NodeIndex
from graphmap.validation.territories import TerritoryRules
from graphmap.validation.values import (
    MAX_AMOUNT,
    MAX_WEIGHT,
    parse_number,
    parse_public,
    split_themes,
)

# Relation types that fit a target kind, by code: enum hashing is slow on the hot path.
_TO_PROJECT = frozenset(t.value for t in ACTOR_TO_PROJECT)
_TO_ACTOR = frozenset(t.value for t in ACTOR_TO_ACTOR)
_BAD: Any = object()
# Records are frozen and never mutate ``extra``: rows without extra columns share one
# empty mapping instead of one dict each (64 bytes a row at millions of rows).
_NO_EXTRA: dict[str, str] = {}
# A field rule yields issues and returns the parsed value (or _BAD after an error).
Field = Generator[Issue, None, Any]  # a value that failed to parse (an error was yielded for it)

#: ``progress(step, done, total)``: ``("load", tables read, 3)`` when loading starts, every
#: ``PROGRESS_ROWS`` rows (so a long table shows it is alive) and after each table.
Progress = Callable[[str, int, int], None]
PROGRESS_ROWS = 100_000


def _silent(step: str, done: int, total: int) -> None:
    del step, done, total


_CACHE_LIMIT = 200_000  # distinct amounts / years remembered at most: memory stays bounded


class WorkspaceValidator:
    """Validates the tables of one workspace and builds its records.

    ``run`` yields every issue; once an error has been seen no more records are kept
    (the Dataset will not be built) but every row is still checked. A table read from cells
    is checked a column at a time (``clean_path``), the rows that fail by the row rules here;
    ``row_by_row`` runs the row rules alone (the reference the fast path is tested against).
    """

    def __init__(self, progress: Progress | None = None, *, row_by_row: bool = False) -> None:
        self.progress = progress
        self.row_by_row = row_by_row
        self.actors: list[Actor] = []
        self.projects: list[Project] = []
        self.relations: list[Relation] = []
        self.failed = False
        self.nodes = NodeIndex()
        # The index's own dicts, read on the hot path of every relation row.
        self._ids = self.nodes.ids
        self._canon = self.nodes.canon
        self._ids_complete = True
        self._actor_ids: tuple[int, dict[str, str]] | None = None  # clean_path's
        self._linked: set[str] = set()
        # One 64-bit hash and the row of every relation, in two flat arrays (16 bytes a
        # relation, where a dict cost about 100): duplicates are found once the table is read.
        self._relation_keys = array("q")
        self._relation_rows = array("q")
        self._relation_file = ""
        self._terms: dict[tuple[type[Vocabulary], str], Vocabulary | None] = {}
        self._kinds: dict[str, str] = {}
        self._amounts: dict[str, float] = {}  # by spelling: equal values share one object
        self._years: dict[str, int] = {}
        self.territories = TerritoryRules()

    # -- driver -----------------------------------------------------------------------
    def run(self, source: WorkspaceSource) -> Iterator[Issue]:
        """Every issue of the workspace, in reading order."""
        for issue in self._all_issues(source):
            if issue.is_error:
                self.failed = True
            yield issue

    def dataset(self, name: str, warnings: tuple[Issue, ...]) -> Dataset:
        return Dataset(tuple(self.actors), tuple(self.projects), tuple(self.relations),
                       warnings, name, tuple(self.territories.records))

    def _all_issues(self, source: WorkspaceSource) -> Iterator[Issue]:
        yield from source.issues
        yield from self.territories.read(source.tables.get("territories"))  # read first
        rules = {"actors": self._actor_row, "projects": self._project_row,
                 "relations": self._relation_row}
        relations_read = False
        report = self.progress or _silent
        report("load", 0, len(rules))
        for done, (table, rule) in enumerate(rules.items()):
            if table == "relations":  # every explicit id is known: derive the missing ones
                yield from self.nodes.derive(self.actors, self.projects)
            raw = source.tables.get(table)
            if raw is None or not raw.usable:
                if table != "relations":
                    self._ids_complete = False
                if raw is not None:
                    yield from raw.issues
                continue
            yield from raw.issues
            self._ids_complete &= table == "relations" or "id" not in raw.missing_columns
            yield from self._checked_rows(raw, rule, done, len(rules))
            self._ids_complete &= not raw.truncated or table == "relations"  # ids below unknown
            relations_read = (table == "relations" and not raw.missing_columns
                              and not raw.truncated)
            if table == "relations":
                yield from self._duplicate_relations()
            if done + 1 < len(rules):
                report("load", done + 1, len(rules))
        if relations_read:
            yield from self._isolated_actors()
        report("load", len(rules), len(rules))

    def _checked_rows(self, raw: RawTable, rule: Callable[[RawTable, RawRow], Iterator[Issue]],
                      done: int, total: int) -> Iterator[Issue]:
        """The reader's own issues and the rule's issues of every row of ``raw``."""
        if raw.cells is not None and not self.row_by_row and not raw.missing_columns:
            from graphmap.validation.clean_path import checked_batches

            yield from checked_batches(self, raw, done, total)
            return
        for item in self._beating(raw.rows, done, total):
            if isinstance(item, Issue):
                yield item
            else:
                yield from rule(raw, item)

    def _beating(self, rows: Iterator[RawRow | Issue], done: int, total: int
                 ) -> Iterator[RawRow | Issue]:
        """``rows``, calling ``progress("load", done, total)`` every PROGRESS_ROWS rows."""
        report = self.progress
        if report is None:
            yield from rows
            return
        count = 0
        for item in rows:
            yield item
            if not isinstance(item, Issue):
                count += 1
                if count % PROGRESS_ROWS == 0:
                    report("load", done, total)

    # -- field rules --------------------------------------------------------------------
    def _text(self, t: RawTable, r: RawRow, column: str, *,
              required: bool = False) -> Field:
        value = r.values.get(column)
        if value is None:
            # Column absent: reported once for the table, or per record in JSON.
            if required and column not in t.missing_columns:
                yield error("value.missing", t.file, r.row, column, header=column)
                return _BAD
            return None
        if not value:
            if required:
                yield error("value.missing", t.file, r.row, r.written[column],
                            header=r.written[column])
                return _BAD
            return None
        return value

    def _term(self, t: RawTable, r: RawRow, column: str, vocabulary: type[Vocabulary],
              *, required: bool = False, default: Vocabulary | None = None,
              ) -> Field:
        text = yield from self._text(t, r, column, required=required)
        if text is None or text is _BAD:
            return default if text is None else _BAD
        key = (vocabulary, text)
        term = self._terms.get(key, _BAD)
        if term is _BAD:  # values repeat a lot: parse each distinct spelling once
            term = self._terms[key] = vocabulary.parse(text)
        if term is None:
            code = "relation_type" if vocabulary is RelationType else column
            close = vocabulary.suggest(text)
            yield error(f"{code}.unknown", t.file, r.row, r.written[column], value=text,
                        suggestion=did_you_mean(Term(vocabulary(close)) if close else None),
                        accepted=Accepted(vocabulary))
            return _BAD
        return term

    def _node_id(self, t: RawTable, r: RawRow, kind: NodeKind, name: Any) -> Field:
        """The row's id; ``None`` when it will be derived from ``name`` (a row with a
        name and no id, docs/workspace-format.md §4); ``_BAD`` after an error."""
        node_id = r.values.get("id")
        if not node_id and isinstance(name, str) and "id" not in t.missing_columns:
            return None
        node_id = yield from self._text(t, r, "id", required=True)
        if node_id is None or node_id is _BAD:
            return _BAD
        first = self.nodes.define(node_id, kind, t.file, r.row, name if isinstance(
            name, str) else None)
        if first is not None:
            yield error("id.duplicate", t.file, r.row, r.written["id"], id=node_id,
                        first_file=first[1], first_row=first[2])
            return _BAD
        return node_id

    # -- table rules --------------------------------------------------------------------
    def _actor_row(self, t: RawTable, r: RawRow) -> Iterator[Issue]:
        name = yield from self._text(t, r, "name", required=True)
        node_id = yield from self._node_id(t, r, NodeKind.ACTOR, name)
        sector = yield from self._term(t, r, "sector", Sector, required=True)
        category = yield from self._term(t, r, "category", Category,
                                         default=Category.ORGANIZATION)
        scope = yield from self._term(t, r, "scope", Scope, default=Scope.LOCAL)
        yield from _public_flag(t, r)
        place = yield from self._place(t, r)
        kept = not self.failed
        if node_id is None:  # the id is derived from the name once every id is known
            self.nodes.defer(t, r, NodeKind.ACTOR, name, len(self.actors) if kept else None)
        if kept:
            v = r.values
            self.actors.append(Actor(
                node_id or "", name, sector, v.get("type") or None, category,
                place, scope, r.extra, Origin(t.file, r.row)))

    def _project_row(self, t: RawTable, r: RawRow) -> Iterator[Issue]:
        name = yield from self._text(t, r, "name", required=True)
        node_id = yield from self._node_id(t, r, NodeKind.PROJECT, name)
        stage = yield from self._term(t, r, "stage", Stage, required=True)
        start = yield from self._date(t, r, "start")
        end = yield from self._date(t, r, "end")
        if start and end and start is not _BAD and end is not _BAD and end[2] < start[1]:
            yield error("date.end_before_start", t.file, r.row, r.written["end"],
                        start=start[0], end=end[0])
        place = yield from self._place(t, r)
        kept = not self.failed
        if node_id is None:
            self.nodes.defer(t, r, NodeKind.PROJECT, name,
                             len(self.projects) if kept else None)
        if kept:
            v = r.values
            self.projects.append(Project(
                node_id or "", name, stage, split_themes(v.get("theme", "")),
                place, start[0] if start else None,
                end[0] if end else None, r.extra, Origin(t.file, r.row)))

    def _place(self, t: RawTable, r: RawRow) -> Field:
        """The row's territory: as written, or the declared territory's name."""
        text = r.values.get("territory") or None
        if text is None or not self.territories.declared:
            return text
        return (yield from self.territories.place(t, r, text))

    def _date(self, t: RawTable, r: RawRow, column: str) -> Field:
        text = r.values.get(column)
        if not text:
            return None
        try:
            date, reading = read_date(text, end=column == "end")
        except ValueError:
            yield error("date.invalid", t.file, r.row, r.written[column], value=text)
            return _BAD
        if reading is not None:
            yield _interpreted(reading, t, r, column, text)
        return date

    def _relation_row(self, t: RawTable, r: RawRow) -> Iterator[Issue]:  # noqa: PLR0912
        # The hot path of a large workspace: the common, valid case is checked inline and
        # the rule generators run only for values that are missing or need parsing.
        v = r.values
        source = v.get("source")
        if not source:
            source = yield from self._text(t, r, "source", required=True)
        target = v.get("target")
        if not target:
            target = yield from self._text(t, r, "target", required=True)
        text = v.get("type")
        rtype: Any = self._terms.get((RelationType, text)) if text else None
        if rtype is None:
            rtype = yield from self._term(t, r, "type", RelationType, required=True)
        if isinstance(source, str):
            # One string object per id, shared by every relation; not an id: perhaps a name
            # (None when several nodes have it: an error).
            source = (self._canon.get(source)
                      or (yield from self.nodes.by_name(t, r, "source", source)))
            self._linked.add(source)
        if isinstance(target, str):
            target = (self._canon.get(target)
                      or (yield from self.nodes.by_name(t, r, "target", target)))
            self._linked.add(target)
        if isinstance(source, str) and isinstance(target, str):
            ends_ok = False
            if source != target and isinstance(rtype, RelationType):
                first_source = self._ids.get(source)
                first_target = self._ids.get(target)
                ends_ok = (first_source is not None and first_target is not None
                           and first_source[0] is NodeKind.ACTOR
                           and rtype._value_ in (_TO_PROJECT if first_target[0] is
                                                 NodeKind.PROJECT else _TO_ACTOR))
            if not ends_ok:
                rtype = yield from self._endpoints(t, r, source, target, rtype)
        text = v.get("amount")
        if not text:
            amount = None
        elif rtype is RelationType.FUNDS and text in self._amounts:
            amount = self._amounts[text]  # the common case: a money amount seen before
        else:
            amount = yield from self._amount(t, r, rtype)
        text = v.get("year")
        year = (self._years.get(text) or (yield from self._year(t, r))) if text else None
        weight = (yield from self._weight(t, r)) if v.get("weight") else 1.0
        if (source is _BAD or source is None or target is _BAD or target is None
                or rtype is _BAD or rtype is None or amount is _BAD or year is _BAD
                or weight is _BAD):
            return  # rtype is None when the type column is missing (reported once)
        kind = r.values.get("kind") or None
        if kind is not None:
            kind = self._kinds.setdefault(kind, kind)
        if rtype is RelationType.COLLABORATES and target < source:
            ends = (target, source)  # symmetric: b-a repeats a-b
        else:
            ends = (source, target)
        # Only a hash is kept per relation: memory stays flat for millions of rows.
        key = hash((ends, rtype._value_, amount, year, weight, kind,
                    frozenset(r.extra.items()) if r.extra else None))
        self._relation_keys.append(key)
        self._relation_rows.append(r.row)
        self._relation_file = t.file
        if not self.failed:
            self.relations.append(Relation(source, target, rtype, amount, year, weight, kind,
                                           r.extra or _NO_EXTRA, Origin(t.file, r.row)))

    def _endpoints(self, t: RawTable, r: RawRow, source: str, target: str,
                   rtype: Any) -> Field:
        """References must exist and the type must fit them (docs/workspace-format.md §5);
        the type, ``supports`` for a ``collaborates`` ("partenaire") towards a project."""
        if source == target:
            yield error("relation.self", t.file, r.row, r.written["target"], id=source)
            return rtype
        kinds = []
        for column, node_id in (("source", source), ("target", target)):
            found = self._ids.get(node_id)
            kinds.append(found[0] if found else None)
            if found is None and self._ids_complete:
                yield error("reference.unknown", t.file, r.row, r.written[column], id=node_id,
                            suggestion=did_you_mean(self.nodes.close_id(node_id)))
        source_kind, target_kind = kinds
        if source_kind is NodeKind.PROJECT:
            yield error("relation.source_is_project", t.file, r.row, r.written["source"],
                        id=source)
            return rtype
        if not isinstance(rtype, RelationType) or source_kind is None or target_kind is None:
            return rtype
        written_type = r.values["type"]
        if target_kind is NodeKind.PROJECT and rtype is RelationType.COLLABORATES:
            # A "partenaire" of a project is a support partner (docs/workspace-format.md §5).
            yield warning("relation.partner_of_project", t.file, r.row, r.written["type"],
                          type=written_type, id=target)
            return RelationType.SUPPORTS
        if target_kind is NodeKind.PROJECT and not rtype.actor_to_project:
            yield error("relation.needs_actor_target", t.file, r.row, r.written["type"],
                        type=written_type, id=target)
        elif target_kind is NodeKind.ACTOR and not rtype.actor_to_actor:
            yield error("relation.needs_project_target", t.file, r.row, r.written["type"],
                        type=written_type, id=target)
        return rtype

    def _amount(self, t: RawTable, r: RawRow, rtype: Any) -> Field:
        text = r.values.get("amount")
        if not text:
            return None
        column = r.written["amount"]
        reading: Reading | None = None
        try:
            amount, reading = read_amount(text)
        except ForeignCurrency as foreign:
            yield error("amount.currency", t.file, r.row, column, value=text,
                        currency=Message(f"intake.currency.{foreign.currency}"))
            return _BAD
        except ValueError:
            yield error("number.invalid", t.file, r.row, column, value=text)
            return _BAD
        except OverflowError:
            amount = math.inf
        if amount < 0:
            yield error("amount.negative", t.file, r.row, column, value=text)
            return _BAD
        if amount > MAX_AMOUNT:
            yield error("amount.too_large", t.file, r.row, column, value=text,
                        limit=Number(int(MAX_AMOUNT)))
            return _BAD
        if isinstance(rtype, RelationType) and rtype is not RelationType.FUNDS:
            # Kept (nothing is dropped) but only funds relations carry money in analyses.
            yield warning("amount.not_funds", t.file, r.row, column, value=text,
                          type=r.values["type"])
        if reading is not None:  # said on every row: not cached
            yield _interpreted(reading, t, r, "amount", text)
        elif len(self._amounts) < _CACHE_LIMIT:
            # One float object per distinct spelling: amounts repeat across millions of rows.
            amount = self._amounts.setdefault(text, amount)
        return amount

    def _year(self, t: RawTable, r: RawRow) -> Field:
        text = r.values.get("year")
        if not text:
            return None
        try:
            year, reading = read_year(text)
        except ValueError:
            yield error("year.invalid", t.file, r.row, r.written["year"], value=text)
            return _BAD
        if reading is not None:  # said on every row: not cached
            yield _interpreted(reading, t, r, "year", text)
        elif len(self._years) < _CACHE_LIMIT:
            year = self._years.setdefault(text, year)
        return year

    def _weight(self, t: RawTable, r: RawRow) -> Field:
        text = r.values.get("weight")
        if not text:
            return 1.0
        column = r.written["weight"]
        try:
            weight = parse_number(text)
        except ValueError:
            yield error("number.invalid", t.file, r.row, column, value=text)
            return _BAD
        except OverflowError:
            weight = math.inf
        if weight <= 0:
            yield error("weight.not_positive", t.file, r.row, column, value=text)
            return _BAD
        if weight > MAX_WEIGHT:
            yield error("weight.too_large", t.file, r.row, column, value=text,
                        limit=Number(int(MAX_WEIGHT)))
            return _BAD
        return weight

    def _duplicate_relations(self) -> Iterator[Issue]:
        """``relation.duplicate`` for every relation that repeats an earlier one (same
        ends, type and values), pointing at the first."""
        import numpy as np

        if not self._relation_keys:
            return
        keys = np.frombuffer(self._relation_keys, dtype=np.int64)
        rows = np.frombuffer(self._relation_rows, dtype=np.int64)
        order = np.argsort(keys, kind="stable")  # equal keys stay in reading order
        sorted_keys = keys[order]
        starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
        first = rows[order][np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))]
        repeated = ~starts
        for row, first_row in zip(rows[order][repeated].tolist(), first[repeated].tolist(),
                                  strict=True):
            yield warning("relation.duplicate", self._relation_file, row, None,
                          first_row=first_row)
        self._relation_keys = array("q")
        self._relation_rows = array("q")

    def _isolated_actors(self) -> Iterator[Issue]:
        for node_id, file, row in self.nodes.unlinked_actors(self._linked):
            yield warning("actor.isolated", file, row, None, id=node_id)


def _public_flag(t: RawTable, r: RawRow) -> Iterator[Issue]:
    """The optional ``public`` column of actors holds yes or no (docs/privacy.md)."""
    for header, value in r.extra.items():
        if header.strip().lower() == "public":
            try:
                parse_public(value)
            except ValueError:
                yield error("public.invalid", t.file, r.row, header, value=value)


def _interpreted(reading: Reading, t: RawTable, r: RawRow, column: str, text: str) -> Issue:
    """The warning that says how a value typed by a person was read (forms.py)."""
    return warning(reading.code, t.file, r.row, r.written[column], value=text,
                   **reading.params)
