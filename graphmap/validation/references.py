"""The ids of actors and projects: where each is defined, the ids derived from names, and the
relation ends that name a node by its name instead of its id.

An actor or project row without an id gets one made from its name (:func:`slug`), once both
tables are read, so that a collision is settled by content and never by row order. A
relation end that is no id but the name of exactly one actor or project (case- and
accent-insensitive) is read as that node's id; a name several nodes share is an error
listing them. Each of these is a located issue: nothing is guessed silently.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Generator, Iterator
from itertools import filterfalse
from typing import Any, NamedTuple

from graphmap.diagnostics import Issue
from graphmap.i18n import Listing, Message
from graphmap.load import RawRow, RawTable
from graphmap.load.issues import Number, error, warning
from graphmap.model.records import Actor, Project
from graphmap.schema import NodeKind, fold

# Above this many ids, "did you mean" for a dangling reference compares only ids of a
# similar length, and gives up past this many candidates (difflib is quadratic-ish).
SUGGEST_LIMIT = 20_000
# A derived id keeps at most this many characters (cut at a hyphen): ids stay readable.
_SLUG_CHARS = 60
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters NFKD does not decompose into ASCII.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


def slug(name: str, kind: NodeKind = NodeKind.ACTOR) -> str:
    """The id made from a name: folded (no case, no accents), ASCII letters and digits
    joined by hyphens; ``actor`` or ``project`` when no letter or digit is left.

    >>> slug("CDC de la Rivière-du-Nord"), slug("Cœur d'enfant"), slug("★", NodeKind.PROJECT)
    ('cdc-de-la-riviere-du-nord', 'coeur-d-enfant', 'project')
    """
    text = _NOT_ALNUM.sub("-", fold(name).translate(_LIGATURES)).strip("-")
    if len(text) > _SLUG_CHARS:
        cut = text.rfind("-", 0, _SLUG_CHARS + 1)
        text = text[:cut if cut > 0 else _SLUG_CHARS].strip("-")
    return text or kind.value


class _Pending(NamedTuple):
    """A row waiting for its derived id."""

    base: str
    content: tuple[Any, ...]  # the row's values: collisions are settled by content
    kind: NodeKind
    file: str
    row: int
    column: str
    name: str
    slot: int | None  # the record's index in the actors or projects list, if one was kept
    header_row: int | None  # the table has no id column: one warning there for all its rows


Field = Generator[Issue, None, Any]


class NodeIndex:
    """Every actor and project id with the kind, file, row and name of its definition."""

    def __init__(self) -> None:
        # id -> (kind, file, row, name) of its first definition, across actors and projects.
        self.ids: dict[str, tuple[NodeKind, str, int, str | None]] = {}
        # One string object per id, shared by every relation naming it.
        self.canon: dict[str, str] = {}
        self._pending: list[_Pending] = []
        self._by_name: dict[str, list[str]] | None = None
        self._folded_ids: dict[str, str] | None = None
        # Folded name -> id of the one node with that name; suggestion per dangling text,
        # kept: many rows name the same unknown id, and difflib is slow.
        self._unique_names: dict[str, str] | None = None
        self._close: dict[str, str] = {}

    def define(self, node_id: str, kind: NodeKind, file: str, row: int,
               name: str | None) -> tuple[NodeKind, str, int, str | None] | None:
        """Record ``node_id``; its first definition instead when it is already taken."""
        first = self.ids.get(node_id)
        if first is not None:
            return first
        self.ids[node_id] = (kind, file, row, name)
        self.canon[node_id] = node_id
        return None

    def unlinked_actors(self, linked: set[str]) -> Iterator[tuple[str, str, int]]:
        """``(id, file, row)`` of each actor not in ``linked``, in the order defined."""
        ids = self.ids
        for node_id in filterfalse(linked.__contains__, ids):  # the few, found at C speed
            kind, file, row, _ = ids[node_id]
            if kind is NodeKind.ACTOR:
                yield node_id, file, row

    def defer(self, t: RawTable, r: RawRow, kind: NodeKind, name: str,
              slot: int | None) -> None:
        """Give the row an id made from ``name`` once every explicit id is known."""
        content = (tuple(sorted(r.values.items())), tuple(sorted(r.extra.items())))
        self._pending.append(_Pending(slug(name, kind), content, kind, t.file, r.row,
                                      r.written.get("id", "id"), name, slot,
                                      t.ids_from_names))

    def derive(self, actors: list[Actor], projects: list[Project]) -> Iterator[Issue]:
        """Give each deferred row its id (``id.derived``) and patch its record.

        Rows are served in the order of their derived id, then of their content, so the
        same rows in any order get the same ids: the first takes the bare slug, the next
        ones ``-2``, ``-3``..., never an id written in the tables.
        """
        pending = sorted(self._pending, key=lambda p: (p.base, p.kind.value, p.content,
                                                       p.file, p.row))
        self._pending = []
        used: dict[str, int] = {}
        without_column: dict[str, tuple[int, tuple[_Pending, str]]] = {}
        for p in pending:
            node_id, number = p.base, used.get(p.base, 1)
            while node_id in self.ids:
                number += 1
                node_id = f"{p.base}-{number}"
            used[p.base] = number
            self.define(node_id, p.kind, p.file, p.row, p.name)
            if p.slot is not None:
                records: list[Any] = actors if p.kind is NodeKind.ACTOR else projects
                records[p.slot] = dataclasses.replace(records[p.slot], id=node_id)
            if p.header_row is None:
                yield warning("id.derived", p.file, p.row, p.column, node=_node(p.kind),
                              name=p.name, id=node_id)
                continue
            # A table without an id column: one warning at its header, with an example.
            count, example = without_column.get(p.file, (0, (p, node_id)))
            without_column[p.file] = (count + 1, example)
        for file, (count, (p, node_id)) in sorted(without_column.items()):
            yield warning("column.id_absent", file, p.header_row, None, count=Number(count),
                          name=p.name, id=node_id)
        if pending:
            self._by_name = self._folded_ids = self._unique_names = None
            self._close = {}

    # -- relation ends ------------------------------------------------------------------
    def by_name(self, t: RawTable, r: RawRow, column: str, text: str) -> Field:
        """The id of the one node named ``text`` (warning ``reference.by_name``); ``text``
        itself when no node has that name (``reference.unknown`` follows); ``None`` after
        ``reference.ambiguous_name`` when several have it."""
        found = self._names().get(fold(text))
        if not found:
            return text
        if len(found) > 1:
            yield error("reference.ambiguous_name", t.file, r.row, r.written[column],
                        value=text, candidates=Listing(tuple(
                            Message("intake.quoted", {"id": c}) for c in sorted(found))))
            return None
        node_id = found[0]
        yield warning("reference.by_name", t.file, r.row, r.written[column], value=text,
                      node=_node(self.ids[node_id][0]), id=node_id)
        return node_id

    def _names(self) -> dict[str, list[str]]:
        if self._by_name is None:
            self._by_name = {}
            for node_id, (_, _, _, name) in self.ids.items():
                if name:
                    self._by_name.setdefault(fold(name), []).append(node_id)
        return self._by_name

    def close_id(self, text: str) -> str:
        """The existing id closest to a dangling reference (case-insensitive), else the id
        of the node whose name is closest, or ``""``."""
        close = self._close.get(text)
        if close is None:
            close = self._close[text] = self._closest_id(text)
        return close

    def _closest_id(self, text: str) -> str:
        if self._folded_ids is None:
            self._folded_ids = {}
            for known in sorted(self.ids, reverse=True):
                self._folded_ids[known.casefold()] = known
        folded = text.casefold()
        if folded in self._folded_ids:
            return self._folded_ids[folded]
        match = _closest(folded, self._folded_ids)
        if match:
            return self._folded_ids[match]
        if self._unique_names is None:
            self._unique_names = {name: ids[0] for name, ids in self._names().items()
                                  if len(ids) == 1}
        match = _closest(fold(text), self._unique_names)
        return self._unique_names[match] if match else ""


def _closest(text: str, known: dict[str, str]) -> str:
    candidates = list(known)
    if len(candidates) > SUGGEST_LIMIT:
        candidates = [c for c in candidates if abs(len(c) - len(text)) <= 1]
        if len(candidates) > SUGGEST_LIMIT:
            return ""
    match = difflib.get_close_matches(text, candidates, n=1, cutoff=0.75)
    return match[0] if match else ""


def _node(kind: NodeKind) -> Message:
    return Message(f"intake.node.{kind.value}")
