"""Rules of the optional ``territories`` table, and how actors and projects name a territory.

The table is read first, whole (it is small): ids and names must be unique (names compared
case- and accent-insensitively, and a name may not be another territory's id), a
``parent`` must name a declared territory (by id or name), and parents may not form a
cycle. Actors and projects then name a territory by its id or its name; the Dataset keeps
the territory's name (docs/workspace-format.md, territories table).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import dataclass

from graphmap.diagnostics import Issue
from graphmap.i18n import Listing, Message
from graphmap.load import RawRow, RawTable
from graphmap.load.issues import did_you_mean, error, warning
from graphmap.model.records import Origin, Territory
from graphmap.schema import TERRITORY_KINDS, fold, suggest_from


@dataclass(frozen=True)
class _Row:
    row: int
    id: str
    name: str
    parent: str | None
    parent_column: str
    kind: str | None
    extra: dict[str, str]


class TerritoryRules:
    """The declared territories of one workspace and the lookup of territory values."""

    def __init__(self) -> None:
        self.records: list[Territory] = []
        self.declared = False
        self._file = ""
        self._by_id: dict[str, str] = {}       # id -> name
        self._by_name: dict[str, str] = {}     # folded name -> name

    def read(self, raw: RawTable | None) -> Iterator[Issue]:
        """Every issue of the table; its records are kept in ``records`` (input order)."""
        if raw is None:
            return
        self.declared = True
        self._file = raw.file
        yield from raw.issues
        if not raw.usable:
            return
        rows: list[_Row] = []
        first_id: dict[str, int] = {}
        first_name: dict[str, int] = {}
        for item in raw.rows:
            if isinstance(item, Issue):
                yield item
                continue
            row = yield from self._row(raw, item, first_id, first_name)
            if row is not None:
                rows.append(row)
        yield from self._names_and_ids(rows)
        parents = yield from self._parents(rows)
        yield from self._cycles(rows, parents)
        self.records = [Territory(r.id, r.name, parents.get(r.id), r.kind, r.extra,
                                  Origin(raw.file, r.row)) for r in rows]

    def _row(self, raw: RawTable, r: RawRow, first_id: dict[str, int],
             first_name: dict[str, int]) -> Generator[Issue, None, _Row | None]:
        values: dict[str, str] = {}
        for column in ("id", "name"):
            value = r.values.get(column)
            if not value:
                if value is not None or column not in raw.missing_columns:
                    header = r.written.get(column, column)
                    yield error("value.missing", raw.file, r.row, header, header=header)
                return None
            values[column] = value
        tid, name = values["id"], values["name"]
        if tid in first_id:
            yield error("territory.duplicate_id", raw.file, r.row, r.written["id"], id=tid,
                        first_row=first_id[tid])
            return None
        first_id[tid] = r.row
        folded = fold(name)
        if folded in first_name:
            yield error("territory.duplicate_name", raw.file, r.row, r.written["name"],
                        name=name, first_row=first_name[folded])
            return None
        first_name[folded] = r.row
        self._by_id[tid] = name
        self._by_name[folded] = name
        kind = r.values.get("kind") or None
        if kind is not None:
            kind = TERRITORY_KINDS.get(fold(kind), kind)
        return _Row(r.row, tid, name, r.values.get("parent") or None,
                    r.written.get("parent", "parent"), kind, r.extra)

    def _names_and_ids(self, rows: list[_Row]) -> Iterator[Issue]:
        """A name that is another territory's id would make a value mean two places."""
        id_row = {fold(r.id): r for r in rows}
        for r in rows:
            other = id_row.get(fold(r.name))
            if other is not None and other.id != r.id:
                yield error("territory.name_is_id", self._file, r.row, None, name=r.name,
                            other_row=other.row)

    def _parents(self, rows: list[_Row]) -> Generator[Issue, None, dict[str, str]]:
        """Each row's parent id (as declared by id or by name); unknown parents reported."""
        name_to_id = {fold(r.name): r.id for r in rows}
        parents: dict[str, str] = {}
        for r in rows:
            if r.parent is None:
                continue
            found = r.parent if r.parent in self._by_id else name_to_id.get(fold(r.parent))
            if found is None:
                close = suggest_from(r.parent, [x.name for x in rows])
                yield error("territory.unknown_parent", self._file, r.row, r.parent_column,
                            value=r.parent, suggestion=did_you_mean(close))
                continue
            parents[r.id] = found
        return parents

    def _cycles(self, rows: list[_Row], parents: dict[str, str]) -> Iterator[Issue]:
        """One error per cycle of ``parent``, at its first row, listing all its rows."""
        row_of = {r.id: r for r in rows}
        done: set[str] = set()
        for start in rows:
            path: list[str] = []
            current: str | None = start.id
            while current is not None and current not in done and current not in path:
                path.append(current)
                current = parents.get(current)
            if current is not None and current in path:
                cycle = sorted((row_of[t] for t in path[path.index(current):]),
                               key=lambda x: x.row)
                items = [Message("validation.territory_cycle_item", {"row": x.row, "name": x.name})
                         for x in cycle]
                yield error("territory.cycle", self._file, cycle[0].row, cycle[0].parent_column,
                            count=len(cycle), rows=Listing(items))
            done.update(path)

    def resolve(self, text: str) -> str | None:
        """The name of the declared territory ``text`` names (its id, or its name in any
        case or accents), or ``None``."""
        name = self._by_id.get(text)
        return name if name is not None else self._by_name.get(fold(text))

    def place(self, t: RawTable, r: RawRow, text: str) -> Generator[Issue, None, str]:
        """The canonical territory of an actor or project row; a value naming no declared
        territory is a warning and is kept as written (it then nests nowhere)."""
        name = self.resolve(text)
        if name is not None:
            return name
        close = suggest_from(text, list(self._by_name.values()))
        yield warning("territory.undeclared", t.file, r.row, r.written["territory"],
                      value=text, table=self._file, suggestion=did_you_mean(close))
        return text
