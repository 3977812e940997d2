"""Fixtures of the compare tests: small workspaces written on disk as a person would write
them (CSV files), the two years of the Laurentides example, and a real headless Chromium
(Debian's /usr/bin/chromium driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import csv
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
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


@dataclass
class LoadedPage:
    """A page opened from a file, with what it logged and every request it made."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str) -> Any:
        return self.page.evaluate(expression)


def wait_until_drawn(page: Any, timeout: float = 60.0) -> None:
    """Poll from Python: the page's CSP forbids eval, which page.wait_for_function uses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate("!!(window.graphmapCompare && window.graphmapCompare.ready)"):
        if time.monotonic() > deadline:
            raise TimeoutError("the change map was never drawn")
        time.sleep(0.02)




@pytest.fixture
def open_page(chromium: Any) -> Iterator[Callable[[Path], LoadedPage]]:
    """Open an HTML file; every request is intercepted: file:// ones go on, others are
    aborted and recorded."""
    contexts = []

    def opener(path: Path) -> LoadedPage:
        context = chromium.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        loaded = LoadedPage(page)
        page.on("console", lambda m: m.type == "error" and loaded.console_errors.append(m.text))
        page.on("pageerror", lambda e: loaded.console_errors.append(str(e)))

        def on_dialog(dialog: Any) -> None:
            loaded.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)

        def route(route: Any) -> None:
            url = route.request.url
            loaded.requests.append(url)
            if url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        wait_until_drawn(page)
        return loaded

    yield opener
    for context in contexts:
        context.close()
