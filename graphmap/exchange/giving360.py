"""360Giving grant data (the 360Giving Data Standard) as an ecosystem: JSON packages
``{"grants": [...]}`` and the flattened one-row-per-grant CSV or xlsx, with field paths
(``recipientOrganization/0/id``) or the standard's column titles (``Recipient Org:Identifier``).

Each grant becomes a project (its ``title``; planned dates as start and end; the first
``beneficiaryLocation`` name as territory), a ``funds`` relation from the funding
organisation (``amountAwarded``, the year of ``awardDate``, the ``currency`` kept), and a
``carries`` relation from the recipient organisation. Organisations become actors, their
identifiers kept in ``org_id``. A grant to an individual never brings the person's name or
identifier: the recipient is a neutral ``Individual (grant …)`` actor, with a warning.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from graphmap.diagnostics import Issue
from graphmap.exchange.tables import ForeignEdge, ForeignGraph, ForeignNode, scalar_text, slug
from graphmap.i18n import translate
from graphmap.load.issues import error, warning
from graphmap.schema import fold

__all__ = ["GRANT_FIELDS", "read_360giving"]

#: The fields graphmap reads, by path, with the standard's column title.
GRANT_FIELDS: Mapping[str, str] = {
    "id": "Identifier",
    "title": "Title",
    "description": "Description",
    "currency": "Currency",
    "amountAwarded": "Amount Awarded",
    "awardDate": "Award Date",
    "plannedDates/0/startDate": "Planned Dates:Start Date",
    "plannedDates/0/endDate": "Planned Dates:End Date",
    "recipientOrganization/0/id": "Recipient Org:Identifier",
    "recipientOrganization/0/name": "Recipient Org:Name",
    "recipientIndividual/id": "Recipient Ind:Identifier",
    "recipientIndividual/name": "Recipient Ind:Name",
    "fundingOrganization/0/id": "Funding Org:Identifier",
    "fundingOrganization/0/name": "Funding Org:Name",
    "beneficiaryLocation/0/name": "Beneficiary Location:Name",
}
_REQUIRED = ("id", "title", "currency", "amountAwarded", "awardDate",
             "fundingOrganization/0/id", "fundingOrganization/0/name")
_ORG = ("recipientOrganization/0/", "fundingOrganization/0/")
# Organisation identifier prefixes (org-id.guide lists) of government bodies: such a funder
# is public, any other is taken for a philanthropic one.
_PUBLIC_PREFIXES = ("GB-GOV-", "GB-LAE-", "GB-LAS-", "GB-LANI-", "GB-PLA-", "GB-NHS-",
                    "GB-SHPE-")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Column titles of the rows graphmap builds, so issues name the grant data's own fields.
_COLUMNS = {"amountAwarded": "amount", "awardDate": "year", "plannedDates/0/startDate": "start",
            "plannedDates/0/endDate": "end", "beneficiaryLocation/0/name": "territory"}
_TITLES = {fold(name): column for path, column in _COLUMNS.items()
           for name in (path, GRANT_FIELDS[path])}


def _canonical_headers() -> dict[str, str]:
    """Folded header (path or title) -> path; ``recipientIndividual/0/...`` reads as
    ``recipientIndividual/...``."""
    table: dict[str, str] = {}
    for path, title in GRANT_FIELDS.items():
        table[fold(path)] = path
        table[fold(title)] = path
    return table


def _normalize(path: str) -> str:
    return re.sub(r"^recipientIndividual/0/", "recipientIndividual/", path)


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """A grant as ``(path, scalar)`` pairs, the way the flattened form names them."""
    if isinstance(value, Mapping):
        for key, inner in value.items():
            yield from _flatten(inner, f"{prefix}{key}/")
    elif isinstance(value, list) and any(isinstance(v, (Mapping, list)) for v in value):
        for number, inner in enumerate(value):
            yield from _flatten(inner, f"{prefix}{number}/")
    else:
        yield prefix.rstrip("/"), value


def _grants_json(target: Path, graph: ForeignGraph
                 ) -> Iterator[tuple[int, dict[str, Any], dict[str, str]]]:
    try:
        document = json.loads(target.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        graph.issues.append(error("exchange.unreadable", target.name, None, None,
                                  format="360Giving JSON", detail=str(exc)))
        return
    grants = document.get("grants") if isinstance(document, dict) else None
    if not isinstance(grants, list):
        graph.issues.append(error("exchange.no_records", target.name, None, None,
                                  what="grants"))
        return
    for number, grant in enumerate(grants, start=1):
        if not isinstance(grant, dict):
            graph.issues.append(error("exchange.not_a_record", graph.node_file, number, None,
                                      found=type(grant).__name__))
            continue
        fields = {_normalize(path): value for path, value in _flatten(grant)}
        yield number, fields, {path: path for path in fields}


def _table_rows(header: list[str], rows: Iterator[tuple[int, list[Any]]]
                ) -> Iterator[tuple[int, dict[str, Any], dict[str, str]]]:
    known = _canonical_headers()
    paths = [known.get(fold(h), _normalize(h.strip())) for h in header]
    written = {path: h.strip() for path, h in zip(paths, header, strict=True)}
    for number, cells in rows:
        fields = {path: cell for path, cell in zip(paths, cells, strict=False)
                  if path and cell not in (None, "")}
        if fields:
            yield number, fields, written


def _grants_csv(target: Path, graph: ForeignGraph
                ) -> Iterator[tuple[int, dict[str, Any], dict[str, str]]]:
    data = target.read_bytes()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = data.decode("cp1252", errors="replace")
    reader = csv.reader(io.StringIO(content, newline=""))
    header = next(reader, [])
    if not header:
        graph.issues.append(error("exchange.no_records", target.name, None, None,
                                  what="grants"))
        return
    # Rows as a spreadsheet numbers them (header = 1): a cell with line breaks is one row.
    yield from _table_rows(header, enumerate(reader, start=2))


def _grants_xlsx(target: Path, graph: ForeignGraph
                 ) -> Iterator[tuple[int, dict[str, Any], dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(target, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        graph.issues.append(error("exchange.unreadable", target.name, None, None,
                                  format="xlsx", detail=str(exc) or type(exc).__name__))
        return
    known = _canonical_headers()
    try:
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = [scalar_text(c) for c in next(rows, ())]
            if {"id", "title"} <= {known.get(fold(h)) for h in header}:
                graph.node_file = graph.edge_file = f"{target.name}[{sheet.title}]"
                yield from _table_rows(header, enumerate(
                    ([scalar_text(c) for c in row] for row in rows), start=2))
                return
        graph.issues.append(error("exchange.no_records", target.name, None, None,
                                  what="grants"))
    finally:
        book.close()


def read_360giving(path: str | os.PathLike[str], *, lang: str = "en") -> ForeignGraph:
    """Read 360Giving grant data (``.json``, ``.csv`` or ``.xlsx``) as a foreign graph."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        graph = ForeignGraph(target.stem, f"{target.name}[grants]", f"{target.name}[grants]")
        grants = _grants_json(target, graph)
    elif suffix in (".xlsx", ".xlsm"):
        graph = ForeignGraph(target.stem, target.name, target.name)
        grants = _grants_xlsx(target, graph)
    else:
        graph = ForeignGraph(target.stem, target.name, target.name)
        grants = _grants_csv(target, graph)
    graph.titles.update(_TITLES)
    builder = _Builder(graph, lang)
    for number, fields, written in grants:
        builder.grant(number, fields, written)
    if graph.nodes:
        graph.issues.append(warning("exchange.giving_defaults", graph.node_file, None, None))
    return graph


class _Builder:
    """Turns grants into nodes (one per organisation, one per grant) and edges."""

    def __init__(self, graph: ForeignGraph, lang: str) -> None:
        self.graph = graph
        self.lang = lang
        self.orgs: dict[str, ForeignNode] = {}

    def _error(self, row: int, written: Mapping[str, str], path: str) -> Issue:
        return error("exchange.missing_field", self.graph.node_file, row,
                     written.get(path, path), field=written.get(path, path))

    def grant(self, row: int, fields: Mapping[str, Any], written: Mapping[str, str]) -> None:
        text = {path: scalar_text(value) for path, value in fields.items()}
        missing = [path for path in _REQUIRED if not text.get(path)]
        has_org = text.get("recipientOrganization/0/id")
        has_person = any(p.startswith("recipientIndividual/") for p in text)
        if has_org and not text.get("recipientOrganization/0/name"):
            missing.append("recipientOrganization/0/name")
        self.graph.issues.extend(self._error(row, written, path) for path in missing)
        if not has_org and not has_person:
            self.graph.issues.append(error("exchange.no_recipient", self.graph.node_file, row,
                                           None))
            return
        year = self._date(row, written, text, "awardDate")
        start = self._date(row, written, text, "plannedDates/0/startDate")
        end = self._date(row, written, text, "plannedDates/0/endDate")
        if missing or year is None:
            return
        grant_id = text["id"]
        funder = self._organisation(row, text, "fundingOrganization/0/", funder=True)
        if has_org:
            recipient = self._organisation(row, text, "recipientOrganization/0/", funder=False)
        else:
            recipient = self._individual(row, grant_id)
        project = ForeignNode(row, grant_id, text["title"], [("kind", "project"),
                                                            ("stage", "mobilization")])
        locations = [value for path, value in text.items()
                     if re.fullmatch(r"beneficiaryLocation/\d+/name", path) and value]
        if locations:
            project.fields.append((written.get("beneficiaryLocation/0/name",
                                               "beneficiaryLocation/0/name"), locations[0]))
        if len(locations) > 1:
            project.fields.append(("beneficiary_locations", "; ".join(locations)))
        for path, date in (("plannedDates/0/startDate", start), ("plannedDates/0/endDate", end)):
            if date:
                project.fields.append((written.get(path, path), date))
        if text.get("description"):
            project.fields.append(("description", text["description"]))
        project.fields.extend(self._others(text, written))
        self.graph.nodes.append(project)
        self.graph.edges.append(ForeignEdge(row, funder, grant_id, [
            ("type", "funds"), (written.get("amountAwarded", "amountAwarded"),
                                text["amountAwarded"]),
            (written.get("awardDate", "awardDate"), year[:4]),
            ("currency", text["currency"])]))
        self.graph.edges.append(ForeignEdge(row, recipient, grant_id, [("type", "carries")]))

    def _date(self, row: int, written: Mapping[str, str], text: Mapping[str, str],
              path: str) -> str | None:
        """``YYYY-MM-DD`` of a date or date-time field ("" when absent), ``None`` if bad."""
        value = text.get(path, "")
        if not value:
            return ""
        match = _DATE.match(value)
        if match is None:
            self.graph.issues.append(error("exchange.bad_date", self.graph.node_file, row,
                                           written.get(path, path), value=value))
            return None
        return match.group(0)

    def _organisation(self, row: int, text: Mapping[str, str], prefix: str, *,
                      funder: bool) -> str:
        org_id, name = text[f"{prefix}id"], text[f"{prefix}name"]
        known = self.orgs.get(org_id)
        if known is not None:
            if known.label != name:
                self.graph.issues.append(warning(
                    "exchange.same_org_other_name", self.graph.node_file, row,
                    f"{prefix}name", id=org_id, name=name, first=known.label or "",
                    first_row=known.row))
            return org_id
        public = org_id.upper().startswith(_PUBLIC_PREFIXES)
        sector = "public" if public else "philanthropic" if funder else "community"
        node = ForeignNode(row, org_id, name, [("kind", "actor"), ("sector", sector),
                                               ("org_id", org_id)])
        for path, value in text.items():
            leaf = path[len(prefix):]
            if path.startswith(prefix) and leaf not in ("id", "name") and "/" not in leaf:
                node.fields.append((leaf, value))
        self.orgs[org_id] = node
        self.graph.nodes.append(node)
        return org_id

    def _individual(self, row: int, grant_id: str) -> str:
        """A neutral actor for a grant to a person: no name, no identifier of theirs."""
        node_id = f"individual-{slug(grant_id)}"
        label = translate("exchange.giving.individual", self.lang, grant=grant_id)
        self.graph.nodes.append(ForeignNode(row, node_id, label, [
            ("kind", "actor"), ("sector", "citizen"), ("category", "individual")]))
        self.graph.issues.append(warning("exchange.individual_recipient", self.graph.node_file,
                                         row, None, label=label))
        return node_id

    @staticmethod
    def _others(text: Mapping[str, str], written: Mapping[str, str]
                ) -> Iterator[tuple[str, str]]:
        """The grant's other fields, kept as the project's own columns (never a field of an
        individual recipient, nor of the organisations, which their actors keep)."""
        for path, value in text.items():
            if (path in GRANT_FIELDS or path.startswith(("recipientIndividual/", *_ORG))
                    or re.fullmatch(r"beneficiaryLocation/\d+/name", path) or not value):
                continue
            yield written.get(path, path), value
