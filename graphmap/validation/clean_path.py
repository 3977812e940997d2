"""The fast clean path of the table rules: each check runs over a whole column at once.

A batch of rows (``graphmap.validation.columns``) is checked column by column: vocabulary
values, amounts, years, weights, dates and territories through a dict of their distinct
spellings, each parsed once by the same parser as the row path; ids and references through
the node index's dicts. A row that passes every check is a record at once. A row that fails
one, or whose value is read with a guess (a warning), is handed to the row rule of
``graphmap.validation.rules`` (``WorkspaceValidator._actor_row`` ...), so its issues are the
row path's own, in the same order. The row path is the reference: ``validate_source(...,
row_by_row=True)`` runs it alone, and tests compare the two.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import compress, repeat
from operator import is_, is_not, itemgetter, truth
from typing import TYPE_CHECKING, Any

from graphmap.diagnostics import Issue
from graphmap.load import RawTable
from graphmap.model.records import Actor, Origin, Project, Relation
from graphmap.schema import Category, NodeKind, RelationType, Scope, Sector, Stage, Vocabulary
from graphmap.validation import rules
from graphmap.validation.columns import CellBatch, cell_batches
from graphmap.validation.forms import read_amount, read_date, read_year
from graphmap.validation.values import (
    MAX_AMOUNT,
    MAX_WEIGHT,
    parse_number,
    parse_public,
    split_themes,
)

if TYPE_CHECKING:
    from graphmap.validation.rules import WorkspaceValidator

_BAD = rules._BAD
_NO_EXTRA = rules._NO_EXTRA
# (type, whether the target is an actor) of the relations whose ends fit (an actor source;
# docs/workspace-format.md §5), by code: an enum's hash is a Python call, a string's cached.
_FITS = frozenset({*((t.value, False) for t in RelationType if t.actor_to_project),
                   *((t.value, True) for t in RelationType if t.actor_to_actor)})
_COLLABORATES = RelationType.COLLABORATES
Segment = Callable[[int, int], None]


def checked_batches(v: WorkspaceValidator, raw: RawTable, done: int, total: int
                    ) -> Iterator[Issue]:
    """The issues of every row of ``raw`` (read from cells), as ``_checked_rows`` yields
    them, with the progress beats every ``PROGRESS_ROWS`` rows."""
    check = {"actors": _actor_batch, "projects": _project_batch,
             "relations": _relation_batch}[raw.table]
    count = 0
    for item in cell_batches(raw):
        if isinstance(item, Issue):
            yield item
            continue
        yield from check(v, raw, item)
        if v.progress is not None:
            every = rules.PROGRESS_ROWS
            beats = (count + len(item.rows)) // every - count // every
            for _ in range(beats):
                v.progress("load", done, total)
        count += len(item.rows)


# -- relations ------------------------------------------------------------------------------
def _relation_batch(v: WorkspaceValidator, t: RawTable, b: CellBatch) -> Iterator[Issue]:
    cols, count = b.columns, len(b.rows)
    actors = _actor_ids(v)
    # The one string object of each id (``canon``); a source that is no actor's id is
    # ``None``: the row rule says why (a project, a name, an unknown id).
    sources: list[Any] = list(map(actors.get, cols["source"]))
    targets: list[Any] = list(map(v._canon.get, cols["target"]))
    types = _terms(v, RelationType, cols["type"], None)
    codes = _codes(v, RelationType, cols["type"])
    amounts = _values(cols.get("amount"), count, None, v._amounts, _plain_amount)
    years = _values(cols.get("year"), count, None, v._years, _plain_year)
    weights = _values(cols.get("weight"), count, 1.0, {}, _plain_weight)
    kinds: list[str | None] = [None] * count
    if "kind" in cols and any(cols["kind"]):
        interned = v._kinds
        spelled: dict[str, str | None] = {k: interned.setdefault(k, k) for k in set(cols["kind"])}
        spelled[""] = None
        kinds = list(map(spelled.__getitem__, cols["kind"]))
    # The checks of a clean row, each over the whole batch at C speed: an actor source, a
    # type that fits the target's kind, two different ends (what ``_endpoints`` checks),
    # values read without a guess, an amount only on a funds relation.
    clean = _passed(count, [
        lambda: map(is_not, sources, repeat(None)),
        lambda: map(is_not, targets, repeat(None)),
        lambda: map(_FITS.__contains__, zip(codes, map(actors.__contains__, targets),
                                            strict=True)),
        lambda: map(is_not, sources, targets),  # one string object per id
        lambda: map(is_not, years, repeat(_BAD)),
        lambda: map(is_not, weights, repeat(_BAD))])
    funds = RelationType.FUNDS
    for i in compress(range(count), map(is_not, amounts, repeat(None))):
        if amounts[i] is _BAD or types[i] is not funds:
            if clean is None:
                clean = [True] * count
            clean[i] = False
    sources, targets, types, codes = _kept(clean, sources, targets, types, codes)
    amounts, years, weights, kinds = _kept(clean, amounts, years, weights, kinds)
    rows: list[int] = _kept(clean, b.rows)[0]
    if b.extra is not None:
        extra: list[Any] = _kept(clean, b.extra)[0]
        frozen = [frozenset(e.items()) if e else None for e in extra]
        extra = [e or _NO_EXTRA for e in extra]
    else:
        extra, frozen = [_NO_EXTRA] * len(rows), [None] * len(rows)
    v._linked.update(sources)
    v._linked.update(targets)
    # The key of ``_relation_row``: ends, type, values (a collaboration's ends sorted).
    keys = list(map(hash, zip(zip(sources, targets, strict=True), codes, amounts, years,
                              weights, kinds, frozen, strict=True)))
    for i in compress(range(len(keys)), map(is_, types, repeat(_COLLABORATES))):
        if targets[i] < sources[i]:  # symmetric: b-a repeats a-b
            keys[i] = hash(((targets[i], sources[i]), codes[i], amounts[i], years[i],
                            weights[i], kinds[i], frozen[i]))
    records: list[Any] = []
    if not v.failed:  # once failed no record is kept again
        origins = _records(Origin, (repeat(t.file), rows), len(rows))
        records = _records(Relation, (sources, targets, types, amounts, years, weights, kinds,
                                      extra, origins), len(rows))

    def segment(start: int, stop: int) -> None:
        if start == stop:
            return
        whole = start == 0 and stop == len(rows)  # the common batch: no copy
        v._relation_keys.extend(keys if whole else keys[start:stop])
        v._relation_rows.extend(rows if whole else rows[start:stop])
        v._relation_file = t.file
        if not v.failed:
            v.relations.extend(records if whole else records[start:stop])

    yield from _interleaved(clean, b, t, v._relation_row, segment)


# -- actors and projects --------------------------------------------------------------------
def _actor_batch(v: WorkspaceValidator, t: RawTable, b: CellBatch) -> Iterator[Issue]:
    cols, count = b.columns, len(b.rows)
    sectors = _terms(v, Sector, cols["sector"], None)
    categories = _optional_terms(v, Category, cols.get("category"), count,
                                 Category.ORGANIZATION)
    scopes = _optional_terms(v, Scope, cols.get("scope"), count, Scope.LOCAL)
    places = _places(v, cols.get("territory"), count)
    public = _public_ok(b, count)
    ok = _passed(count, [lambda: map(truth, sectors),
                         lambda: map(is_not, categories, repeat(None)),
                         lambda: map(is_not, scopes, repeat(None)),
                         lambda: map(is_not, places, repeat(_BAD)),
                         lambda: public])
    clean = _new_ids(v, cols, ok)
    types = [text or None for text in cols["type"]] if "type" in cols else repeat(None)
    extra = b.extra if b.extra is not None else repeat(_NO_EXTRA)
    return _nodes(v, t, b, clean, kind=NodeKind.ACTOR, record=Actor, kept=v.actors,
                  row_rule=v._actor_row,
                  rest=[sectors, types, categories, places, scopes, extra])


def _project_batch(v: WorkspaceValidator, t: RawTable, b: CellBatch) -> Iterator[Issue]:
    cols, count = b.columns, len(b.rows)
    stages = _terms(v, Stage, cols["stage"], None)
    places = _places(v, cols.get("territory"), count)
    starts = _values(cols.get("start"), count, None, {}, _plain_start)
    ends = _values(cols.get("end"), count, None, {}, _plain_end)
    ok = _passed(count, [lambda: map(truth, stages),
                         lambda: map(is_not, places, repeat(_BAD)),
                         lambda: map(is_not, starts, repeat(_BAD)),
                         lambda: map(is_not, ends, repeat(_BAD)),
                         lambda: map(_in_order, starts, ends)])
    clean = _new_ids(v, cols, ok)
    if "theme" in cols:
        themes: dict[str, tuple[str, ...]] = {}
        split = [themes[x] if x in themes else themes.setdefault(x, split_themes(x))
                 for x in cols["theme"]]
    else:
        split = [split_themes("")] * count
    extra = b.extra if b.extra is not None else repeat(_NO_EXTRA)
    return _nodes(v, t, b, clean, kind=NodeKind.PROJECT, record=Project, kept=v.projects,
                  row_rule=v._project_row,
                  rest=[stages, split, places, _kept_dates(starts),
                        _kept_dates(ends), extra])


def _in_order(start: Any, end: Any) -> bool:
    """Whether a project's end is not before its start (any order when a date is blank or
    not read: another check fails)."""
    return start is _BAD or end is _BAD or not (start and end and end[2] < start[1])


def _kept_dates(dates: list[Any]) -> list[str | None]:
    """The date each row keeps (the text of its parsed date), ``None`` when blank or bad."""
    return [d[0] if d is not None and d is not _BAD else None for d in dates]


def _new_ids(v: WorkspaceValidator, cols: dict[str, list[str]], ok: list[bool] | None
             ) -> list[bool] | None:
    """``ok`` (``None``: every row) and a name and a new id: a row without an id (derived
    later) or whose id is taken, by a row before or in this batch, goes to the row rule.
    ``None`` when every row is clean."""
    count = len(cols["name"])
    if "id" not in cols:
        return [False] * count
    taken = v._ids
    distinct = set(cols["id"])
    if (len(distinct) == count and "" not in distinct and taken.keys().isdisjoint(distinct)
            and all(cols["name"])):  # the common batch: every row has a name and a new id
        return ok
    if ok is None:
        ok = [True] * count
    seen: set[str] = set()
    clean = []
    for node_id, name, fine in zip(cols["id"], cols["name"], ok, strict=True):
        if node_id:
            if node_id in taken or node_id in seen:
                clean.append(False)
                continue
            seen.add(node_id)  # the row rule defines it too, if the row is not clean
        clean.append(fine and bool(node_id) and bool(name))
    return clean


def _nodes(v: WorkspaceValidator, t: RawTable, b: CellBatch, clean: list[bool] | None, *,
           kind: NodeKind, record: type, kept: list[Any], row_rule: Any,
           rest: list[Iterable[Any]]) -> Iterator[Issue]:
    """Define the ids of the clean rows and keep their records (fields: id, name, then
    ``rest``), in row order with the row rule's output for the other rows."""
    # No id column: no clean row (``clean`` is not ``None``).
    ids, names, rows = _kept(clean, b.columns.get("id", []), b.columns["name"], b.rows)
    fields = [ids, names, *_kept(clean, *rest)]
    records: list[Any] = []
    if not v.failed:
        origins = _records(Origin, (repeat(t.file), rows), len(rows))
        records = _records(record, (*fields, origins), len(rows))
    defined, canon = v.nodes.ids, v.nodes.canon

    def segment(start: int, stop: int) -> None:
        # What ``NodeIndex.define`` does for each new id, in row order (none is taken).
        new = ids[start:stop]
        defined.update(zip(new, zip(repeat(kind), repeat(t.file), rows[start:stop],
                                    names[start:stop], strict=False), strict=True))
        canon.update(zip(new, new, strict=True))
        if not v.failed:
            kept.extend(records[start:stop])

    return _interleaved(clean, b, t, row_rule, segment)


# -- shared -----------------------------------------------------------------------------------
def _interleaved(clean: list[bool] | None, b: CellBatch, t: RawTable, row_rule: Any,
                 segment: Segment) -> Iterator[Issue]:
    """Run ``segment(start, stop)`` over each run of clean rows (indexes among the clean
    rows) and the row rule on each other row, in row order; ``clean`` ``None``: all rows are
    clean."""
    if clean is None:
        segment(0, len(b.rows))
        return
    start = stop = 0
    for index, fine in enumerate(clean):
        if fine:
            stop += 1
            continue
        segment(start, stop)
        start = stop
        yield from row_rule(t, b.raw_row(index))
    segment(start, stop)


def _records(cls: type, columns: Sequence[Iterable[Any]], count: int) -> list[Any]:
    """``count`` instances of the frozen, slotted dataclass ``cls``, its fields taken from
    ``columns`` in order, set column by column through the slot descriptors: the same
    objects as ``cls(...)`` (none has ``__post_init__``) at a third of the cost, which
    counts at millions of records."""
    objects: list[Any] = list(map(object.__new__, repeat(cls, count)))
    for field, column in zip(dataclasses.fields(cls), columns, strict=True):
        deque(map(getattr(cls, field.name).__set__, objects, column), maxlen=0)
    return objects


def _passed(count: int, checks: Sequence[Callable[[], Iterable[Any]]]) -> list[bool] | None:
    """Whether each of ``count`` rows passes every check (a check: a new iterator of each
    row's truth); ``None`` when every row passes. Each check is first run to its first
    failure (C speed, no tuple per row): only the checks some row fails are zipped."""
    failing = [check() for check in checks if not all(check())]
    if not failing:
        return None
    return list(map(all, zip(*failing, strict=True)))


def _kept(clean: list[bool] | None, *columns: Iterable[Any]) -> list[Any]:
    """The values of the clean rows of each column; ``clean`` ``None``: the columns as they
    are (a ``repeat`` too, which ``_records`` reads as far as it needs)."""
    if clean is None:
        return list(columns)
    return [list(compress(column, clean)) for column in columns]


def _terms(v: WorkspaceValidator, vocabulary: type[Vocabulary], column: list[str],
           blank: Any) -> list[Any]:
    """Each value's term (``None`` when unknown), ``blank`` for an empty cell; each distinct
    spelling parsed once, through the validator's own cache."""
    cache = v._terms
    found: dict[str, Any] = {"": blank}
    for text in set(column):
        if text:
            key = (vocabulary, text)
            term = cache.get(key, _BAD)
            if term is _BAD:
                term = cache[key] = vocabulary.parse(text)
            found[text] = term
    return list(map(found.__getitem__, column))


def _optional_terms(v: WorkspaceValidator, vocabulary: type[Vocabulary],
                    column: list[str] | None, count: int, default: Vocabulary) -> list[Any]:
    if column is None:
        return [default] * count
    return _terms(v, vocabulary, column, default)


def _places(v: WorkspaceValidator, column: list[str] | None, count: int) -> list[Any]:
    """The territory of each row as the row rule keeps it; ``_BAD`` when it names no
    declared territory (the row rule warns)."""
    if column is None:
        return [None] * count
    if not v.territories.declared:
        return [text or None for text in column]
    resolve = v.territories.resolve
    found: dict[str, Any] = {"": None}
    for text in set(column):
        if text:
            name = resolve(text)
            found[text] = _BAD if name is None else name
    return list(map(found.__getitem__, column))


def _public_ok(b: CellBatch, count: int) -> list[bool]:
    """Whether each row's ``public`` columns (the user's own) hold yes or no."""
    if b.extra is None:
        return [True] * count
    headers = sorted(h for h in set().union(*b.extra) if h.strip().lower() == "public")
    if not headers:
        return [True] * count
    valid: dict[str, bool] = {}

    def fine(text: str) -> bool:
        if text not in valid:
            try:
                parse_public(text)
                valid[text] = True
            except ValueError:
                valid[text] = False
        return valid[text]

    return [all(fine(e[h]) for h in headers if h in e) for e in b.extra]


def _values(column: list[str] | None, count: int, blank: Any, cache: dict[str, Any],
            plain: Callable[[str], Any]) -> list[Any]:
    """Each value as ``plain`` reads it (``_BAD`` when it is not plain: the row rule says
    why), ``blank`` for an empty cell; each distinct spelling read once. ``cache`` holds
    values read before (the validator's own, for amounts and years)."""
    if column is None or not any(column):
        return [blank] * count
    found: dict[str, Any] = {"": blank}
    for text in set(column):
        if text and text not in found:
            value = cache.get(text)
            found[text] = value if value is not None else plain(text)
    return list(map(found.__getitem__, column))


def _plain_amount(text: str) -> Any:
    """The amount read without a guess, in range; else ``_BAD``."""
    try:
        amount, reading = read_amount(text)
    except (ValueError, OverflowError):
        return _BAD
    return amount if reading is None and 0 <= amount <= MAX_AMOUNT else _BAD


def _plain_weight(text: str) -> Any:
    try:
        weight = parse_number(text)
    except (ValueError, OverflowError):
        return _BAD
    return weight if 0 < weight <= MAX_WEIGHT else _BAD


def _unguessed(read: Callable[[str], tuple[Any, Any]]) -> Callable[[str], Any]:
    """A cell reader giving what ``read`` reads without a guess (no reading); else ``_BAD``."""
    def plain(text: str) -> Any:
        try:
            value, reading = read(text)
        except ValueError:
            return _BAD
        return value if reading is None else _BAD
    return plain


_plain_year = _unguessed(read_year)
_plain_start = _unguessed(read_date)
_plain_end = _unguessed(partial(read_date, end=True))


def _actor_ids(v: WorkspaceValidator) -> dict[str, str]:
    """The actors' ids, each to its one string object (every id is known, and fixed, once
    relations are read); any other id is a project's."""
    cached = v._actor_ids
    if cached is None or cached[0] != len(v._ids):
        kinds = map(itemgetter(0), v._ids.values())
        ids = list(compress(v._ids, map(is_, kinds, repeat(NodeKind.ACTOR))))
        cached = v._actor_ids = (len(v._ids), dict(zip(ids, ids, strict=True)))
    return cached[1]


def _codes(v: WorkspaceValidator, vocabulary: type[Vocabulary], column: list[str]
           ) -> list[str | None]:
    """The code of each value's term (``_terms`` has parsed them), ``None`` for none: by
    the text, whose hash is cached, since an enum's hash is a Python call."""
    found: dict[str, str | None] = {"": None}
    for text in set(column):
        if text:
            term = v._terms.get((vocabulary, text))
            found[text] = None if term is None else term._value_
    return list(map(found.__getitem__, column))
