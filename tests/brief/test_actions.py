"""The action list (issue 13, point 4): ``actions.xlsx`` opened with openpyxl holds one row per
opportunity of the JSON report, in its order; headers in the report's language, the filter,
the frozen header, column widths; the same bytes twice; a name starting with "=" stays text;
contact columns only when the user includes them."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from brief.conftest import EXAMPLE
from graphmap.render.actions_xlsx import actions_workbook, headers


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``graphmap analyze examples/laurentides --out DIR --lang fr`` (the real command)."""
    folder = tmp_path_factory.mktemp("analyze-out")
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "analyze", str(EXAMPLE), "--out", str(folder),
         "--format", "json"], capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "GRAPHMAP_LANG": "fr"})
    assert result.returncode == 0, result.stderr
    return folder


def test_rows_equal_the_json_opportunities(out_dir: Path) -> None:
    opportunities = json.loads((out_dir / "report.json").read_text("utf-8"))["opportunities"]
    sheet = openpyxl.load_workbook(out_dir / "actions.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == len(opportunities) > 0
    column = {name: index for index, name in enumerate(header)}
    for row, opp in zip(body, opportunities, strict=True):
        assert row[column["Identifiant (de)"]] == opp["source"]
        assert row[column["Identifiant (vers)"]] == opp["target"]
        assert (row[column["Identifiant (présentations)"]] or None) == opp.get("introducer")
        assert row[column["Score"]] == pytest.approx(opp["score"], abs=1e-4)
        assert row[column["Type"]] in {"financer", "soutenir", "adopter", "collaborer"}
        assert row[column["Force des indices"]].startswith("indices ")
        assert " appelle " in row[column["Qui appelle qui"]]


def test_headers_filter_frozen_pane_and_widths(out_dir: Path) -> None:
    sheet = openpyxl.load_workbook(out_dir / "actions.xlsx").active
    assert sheet.title == "Présentations"
    header = [cell.value for cell in sheet[1]]
    assert header[:8] == ["Type", "De", "Vers", "Qui fait les présentations", "Qui appelle qui",
                          "Raisons", "Force des indices", "Score"]
    assert header[-2:] == ["Fait\u00a0?", "Notes"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}"
    widths = [sheet.column_dimensions[sheet.cell(1, i).column_letter].width
              for i in range(1, len(header) + 1)]
    assert all(8 <= w <= 60 for w in widths)
    assert all(cell.font.bold for cell in sheet[1])


def test_contact_columns_are_held_back_unless_included(example: tuple[Any, Any],
                                                       out_dir: Path) -> None:
    """The example's actors have a ``contact`` column: the default action list leaves it
    out (privacy by default, docs/privacy.md); ``--include-columns contact`` brings it in
    for both sides."""
    header = [cell.value for cell in openpyxl.load_workbook(out_dir / "actions.xlsx").active[1]]
    assert not any("contact" in str(name) for name in header)
    assert any("site" in str(name) or "website" in str(name) for name in header)
    dataset, report = example
    sheet = openpyxl.load_workbook(io.BytesIO(actions_workbook(dataset, report, "en"))).active
    names = [cell.value for cell in sheet[1]]
    assert "From — contact" in names
    assert "To — contact" in names
    assert names == headers(dataset, "en")


def test_same_bytes_twice_and_dates_pinned(example: tuple[Any, Any]) -> None:
    dataset, report = example
    first = actions_workbook(dataset, report, "fr")
    assert first == actions_workbook(dataset, report, "fr")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert "2000-01-01T00:00:00Z" in core


def test_a_name_that_looks_like_a_formula_stays_text(example: tuple[Any, Any]) -> None:
    import dataclasses

    dataset, report = example
    first = report.opportunities[0]
    actors = tuple(dataclasses.replace(a, name="=HYPERLINK(\"http://x\")")
                   if a.id == first.source else a for a in dataset.actors)
    changed = dataclasses.replace(dataset, actors=actors)
    sheet = openpyxl.load_workbook(io.BytesIO(actions_workbook(changed, report, "en"))).active
    cell = sheet.cell(2, 2)
    assert cell.value == "=HYPERLINK(\"http://x\")"
    assert cell.data_type == "s"
