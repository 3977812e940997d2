"""The action list: the proposed introductions of a report as an Excel workbook
(``actions.xlsx``) a team can sort, filter, assign and tick off.

One row per opportunity of the report, in the report's order (the order of the JSON
``opportunities``): kind, from, to, who introduces, who calls whom, reasons, evidence
strength, score, the three ids, then the user's own actor columns for both sides (those the
dataset given still holds: the CLI passes the dataset the privacy step shows, so contact
columns come only when the user includes them, docs/privacy.md), and two empty columns for
the team ("Done?", "Notes"). Headers in the report's language, filters on, the header row
frozen, widths set. The bytes are the same for the same report: the workbook's dates are
pinned and the zip entries carry a fixed time.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphmap import atomic
from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.render.formatting import evidence_strength, opportunity_kind

if TYPE_CHECKING:
    from graphmap.analysis.report import AnalysisReport, Opportunity

__all__ = ["PINNED_DATE", "action_rows", "actions_workbook", "write_actions"]

#: The creation and modification date written in the workbook's properties, and the time of
#: its zip entries: a constant, so that the same report gives the same bytes.
PINNED_DATE = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MAX_WIDTH = 60
_MIN_WIDTH = 8
_FIXED: tuple[str, ...] = ("kind", "source", "target", "introducer", "introduction", "reasons",
                           "evidence", "score", "source_id", "target_id", "introducer_id")


def _own_columns(dataset: Dataset) -> tuple[str, ...]:
    return tuple(dataset.extra_columns.get("actors", ()))


def headers(dataset: Dataset, lang: str) -> list[str]:
    """The header row of the action list in ``lang``."""
    names = [translate(f"report.actions.col.{key}", lang) for key in _FIXED]
    for side in ("source", "target"):
        label = translate(f"report.actions.col.{side}", lang)
        names += [translate("report.actions.col.own", lang, side=label, column=column)
                  for column in _own_columns(dataset)]
    return [*names, translate("report.actions.col.done", lang),
            translate("report.actions.col.notes", lang)]


def action_rows(dataset: Dataset, opportunities: Sequence[Opportunity],
                lang: str) -> list[list[Any]]:
    """One row per opportunity, cells in the order of :func:`headers`.

    >>> from graphmap.analysis.report import Opportunity
    >>> from graphmap.model.records import Actor
    >>> from graphmap.schema import Sector
    >>> ds = Dataset(actors=(Actor("a", "Alpha", Sector.PUBLIC), Actor("b", "Bêta", Sector.PUBLIC),
    ...                      Actor("c", "Centre", Sector.PUBLIC)))
    >>> row = action_rows(ds, [Opportunity("collaborate", "a", "b", 0.5, (), "c", ())], "fr")[0]
    >>> row[:5]
    ['collaborer', 'Alpha', 'Bêta', 'Centre', 'Centre appelle Alpha et Bêta']
    """
    own = _own_columns(dataset)
    actors = {a.id: a for a in dataset.actors}

    def name(node: str | None) -> str:
        return dataset.node_name(node) if node else ""

    rows = []
    for opp in opportunities:
        if opp.introducer:
            calls = translate("report.actions.calls", lang, introducer=name(opp.introducer),
                              source=name(opp.source), target=name(opp.target))
        else:
            calls = translate("report.actions.calls_direct", lang, source=name(opp.source),
                              target=name(opp.target))
        row: list[Any] = [
            opportunity_kind(opp.kind, lang),
            name(opp.source), name(opp.target), name(opp.introducer), calls,
            "\n".join(reason.render(lang) for reason in opp.reasons),
            evidence_strength(opp.evidence, lang),
            round(float(opp.score), 4), opp.source, opp.target, opp.introducer or "",
        ]
        for node in (opp.source, opp.target):
            record = actors.get(node)
            row += [record.extra.get(column, "") if record else "" for column in own]
        rows.append([*row, "", ""])
    return rows


def actions_workbook(dataset: Dataset, report: AnalysisReport, lang: str,
                     opportunities: Sequence[Opportunity] | None = None) -> bytes:
    """The action list as the bytes of an ``.xlsx`` file (``opportunities``: a subset of the
    report's, e.g. one organisation's, default all)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    chosen = report.opportunities if opportunities is None else opportunities
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = translate("report.actions.sheet", lang)
    header = headers(dataset, lang)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    body = action_rows(dataset, chosen, lang)
    for row in body:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    score_column = _FIXED.index("score") + 1
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if cell.data_type == "f":  # a name that starts with "=" is text, never a formula
                cell.data_type = "s"
            cell.alignment = wrap
        cells[score_column - 1].number_format = "0.00"
    for index, title in enumerate(header, start=1):
        longest = max([len(title), *(max((len(line) for line in str(r[index - 1]).split("\n")),
                                         default=0) for r in body)])
        sheet.column_dimensions[get_column_letter(index)].width = max(
            _MIN_WIDTH, min(_MAX_WIDTH, longest + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(body) + 1}"
    workbook.properties.creator = "graphmap"
    workbook.properties.title = sheet.title
    workbook.properties.language = {"fr": "fr-CA", "en": "en-CA"}.get(lang, lang)
    workbook.properties.created = workbook.properties.modified = PINNED_DATE
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # not save_workbook(): it stamps "modified" now
    return _pinned_zip(raw.getvalue())


def _pinned_zip(data: bytes) -> bytes:
    """The same archive with every entry dated :data:`_ZIP_TIME`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def write_actions(dataset: Dataset, report: AnalysisReport, path: str | Path, *, lang: str,
                  opportunities: Sequence[Opportunity] | None = None) -> Path:
    """Write :func:`actions_workbook` to ``path`` atomically and return the path."""
    return atomic.write_bytes(path, actions_workbook(dataset, report, lang, opportunities))


