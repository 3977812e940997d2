"""Fixtures of the map and report tests: small real workspaces on disk, and a real headless
Chromium (Debian's /usr/bin/chromium driven by Playwright; never a downloaded browser)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"

# A small ecosystem with accents, two territories, every stage and several relation types.
MINI_ACTORS = [
    ["id", "name", "sector", "type", "territory", "scope", "site_web", "notes"],
    ["fgm", "Fondation du Grand Montréal", "philanthropique", "foundation", "Montréal",
     "régionale", "https://fgm.example", "Appel à projets annuel"],
    ["ville", "Ville de Québec", "public", "municipality", "Québec", "local", "", ""],
    ["coop", "Coopérative L'Éveil", "économie sociale", "coop", "Montréal", "local", "", ""],
    ["cdc", "CDC des Érables", "communautaire", "cdc", "Québec", "local", "", "Très active"],
    ["uni", "Université du Québec", "universitaire", "university", "Québec", "provincial",
     "", ""],
    ["media", "Radio Érable", "médias", "radio", "Québec", "local", "", ""],
    ["lone", "Jeanne Isolée", "citoyen", "", "Montréal", "local", "", ""],
]
MINI_PROJECTS = [
    ["id", "name", "stage", "theme", "territory"],
    ["p1", "Épicerie solidaire", "rétroaction", "sécurité alimentaire", "Montréal"],
    ["p2", "Jardins partagés", "émergence", "alimentation", "Québec"],
    ["p3", "Habitat léger", "appropriation", "logement", "Québec"],
]
MINI_RELATIONS = [
    ["source", "target", "type", "amount", "year", "kind"],
    ["coop", "p1", "porte", "", "", ""],
    ["fgm", "p1", "finance", "25 000", "2024", ""],
    ["uni", "p1", "soutient", "", "", "knowledge"],
    ["cdc", "p2", "porte", "", "", ""],
    ["ville", "p2", "finance", "5000", "", ""],
    ["cdc", "p3", "porte", "", "", ""],
    ["ville", "p3", "adopte", "", "", ""],
    ["media", "p3", "soutient", "", "", "promotion"],
    ["coop", "cdc", "collabore", "", "", ""],
    ["cdc", "uni", "membre", "", "", ""],
]

# Script and markup payloads in every kind of user text.
PWN = "<img src=x onerror=window.__pwned=1>"
PWN_SCRIPT = "</script><script>window.__pwned=1</script>"
PWN_ATTR = "\" onmouseover=\"window.__pwned=1\" x=\""
EVIL_ACTORS = [
    ["id", "name", "sector", "type", "territory", "notes", "lien"],
    ["a1", "Org " + PWN, "public", PWN_SCRIPT, PWN, PWN_SCRIPT, "javascript:window.__pwned=1"],
    ["a2", PWN_SCRIPT, "communautaire", "", "Laval", PWN, PWN_ATTR],
    ["a3", "Groupe " + PWN_ATTR, "médias", "", PWN_ATTR, "", ""],
]
EVIL_PROJECTS = [
    ["id", "name", "stage", "theme", "territory", PWN],
    ["p1", "Projet " + PWN_SCRIPT, "mobilisation", PWN, PWN, PWN_SCRIPT],
]
EVIL_RELATIONS = [
    ["source", "target", "type", "kind"],
    ["a1", "p1", "porte", ""],
    ["a2", "p1", "soutient", PWN_SCRIPT],
    ["a3", "a2", "collabore", ""],
]


def write_workspace(folder: Path, actors: list[list[str]], projects: list[list[str]],
                    relations: list[list[str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("actors", actors), ("projects", projects), ("relations", relations)):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return folder


@pytest.fixture(scope="session")
def mini_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workspace(tmp_path_factory.mktemp("mini") / "mini", MINI_ACTORS, MINI_PROJECTS,
                           MINI_RELATIONS)


@pytest.fixture(scope="session")
def evil_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workspace(tmp_path_factory.mktemp("evil") / "evil", EVIL_ACTORS, EVIL_PROJECTS,
                           EVIL_RELATIONS)


@pytest.fixture(scope="session")
def mini(mini_workspace: Path) -> tuple[Any, Any]:
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    dataset = load_workspace(mini_workspace)
    return dataset, analyze(dataset)


@pytest.fixture(scope="session")
def laurentides() -> tuple[Any, Any]:
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    if not (EXAMPLE / "actors.csv").exists():
        pytest.skip("examples/laurentides is not there")
    dataset = load_workspace(EXAMPLE)
    return dataset, analyze(dataset)


#: True once the page's script has drawn it.
READY = "!!(window.graphmap && window.graphmap.ready)"


@pytest.fixture
def open_page(open_html: Callable[[Path, str], Any]) -> Callable[[Path], Any]:
    """Open an HTML file and wait until it is drawn (``open_html`` of tests/conftest.py)."""
    return lambda path: open_html(path, READY)
