"""Fixtures of the compare tests: small workspaces written on disk as a person would write
them (CSV files), the two years of the Laurentides example, and a real headless Chromium
(Debian's /usr/bin/chromium driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_2024 = ROOT / "examples" / "laurentides"
EXAMPLE_2025 = ROOT / "examples" / "laurentides-2025"

ACTOR_COLUMNS = ("id", "name", "sector", "territory", "scope")
PROJECT_COLUMNS = ("id", "name", "stage", "theme", "territory", "start", "end")
RELATION_COLUMNS = ("source", "target", "type", "amount", "year", "kind")

Row = Mapping[str, str]


def _rows(columns: Sequence[str], rows: Sequence[Row]) -> list[list[str]]:
    return [list(columns), *([row.get(c, "") for c in columns] for row in rows)]


def write_workspace(folder: Path, actors: Sequence[Row], projects: Sequence[Row],
                    relations: Sequence[Row]) -> Path:
    """A CSV workspace in ``folder`` (created); rows are dicts, missing columns empty."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (("actors", ACTOR_COLUMNS, actors),
                                ("projects", PROJECT_COLUMNS, projects),
                                ("relations", RELATION_COLUMNS, relations)):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(_rows(columns, rows))
    return folder


def actor(node_id: str, sector: str, territory: str = "Laval", *, name: str = "",
          scope: str = "local") -> dict[str, str]:
    return {"id": node_id, "name": name or node_id.upper(), "sector": sector,
            "territory": territory, "scope": scope}


def project(node_id: str, stage: str, territory: str = "Laval", *, name: str = "",
            theme: str = "alimentation", start: str = "", end: str = "") -> dict[str, str]:
    return {"id": node_id, "name": name or node_id.upper(), "stage": stage, "theme": theme,
            "territory": territory, "start": start, "end": end}


def tie(source: str, target: str, kind: str, amount: str = "", year: str = "", *,
        nature: str = "") -> dict[str, str]:
    return {"source": source, "target": target, "type": kind, "amount": amount,
            "year": year, "kind": nature}


#: What ``open_page`` returns (``LoadedPage`` of tests/conftest.py, which cannot be imported
#: by name: the folders without ``__init__.py`` each have a top-level ``conftest`` too).
LoadedPage = Any
#: True once the page's script has drawn it.
READY = "!!(window.graphmapCompare && window.graphmapCompare.ready)"


@pytest.fixture
def open_page(open_html: Callable[[Path, str], LoadedPage]) -> Callable[[Path], LoadedPage]:
    """Open an HTML file and wait until it is drawn (``open_html`` of tests/conftest.py)."""
    return lambda path: open_html(path, READY)
