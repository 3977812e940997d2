"""Fixtures of the exchange tests: the examples analysed once, Gephi Lite's own parsers
(graphology-gexf, graphology-graphml) installed from npm into ``tests/exchange/node_modules``
once per session, and the command line as users run it.

Without npm the Node tests are skipped with the reason, except in CI (``CI=true``), where a
missing npm fails them: the suite must prove Gephi Lite reads the exports.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXTURES = HERE / "fixtures"
EXAMPLE = ROOT / "examples" / "laurentides"

# Runs the CLI as installed, registering export/import first if the main group does not
# list them yet (the lead adds them to graphmap/cli/__init__.py).
_CLI = (
    "import graphmap.cli as c; "
    "c._COMMANDS.setdefault('export', 'graphmap.cli.exchange:export'); "
    "c._COMMANDS.setdefault('import', 'graphmap.cli.exchange:import_'); "
    "c.main()"
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """``tests/exchange/node_modules`` with graphology and its GEXF/GraphML parsers."""
    target = HERE / "node_modules"
    wanted = ("graphology", "graphology-gexf", "graphology-graphml")
    if all((target / name / "package.json").is_file() for name in wanted):
        return target
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        message = "the Gephi Lite parser tests need Node.js and npm on PATH"
        if _in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    command = [npm, "ci" if (HERE / "package-lock.json").is_file() else "install",
               "--no-audit", "--no-fund", "--loglevel=error"]
    done = subprocess.run(command, cwd=HERE, capture_output=True, text=True, timeout=600,
                          check=False)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}", pytrace=False)
    return target


@pytest.fixture(scope="session")
def graphology(node_modules: Path) -> Callable[[str, Path], dict[str, Any]]:
    """``parse(fmt, path)``: the file as graphology-gexf / graphology-graphml read it."""
    node = shutil.which("node")
    assert node is not None

    def parse(fmt: str, path: Path) -> dict[str, Any]:
        done = subprocess.run([node, str(HERE / "parse_graph.js"), fmt, str(path)],
                              cwd=HERE, capture_output=True, text=True, timeout=120,
                              check=False)
        assert done.returncode == 0, done.stderr
        result: dict[str, Any] = json.loads(done.stdout)
        return result

    return parse


@pytest.fixture(scope="session")
def laurentides() -> Any:
    """(dataset, config, report) of the Laurentides example."""
    from graphmap.analysis.pipeline import analyze
    from graphmap.config import load_config
    from graphmap.workspace import load_workspace

    dataset = load_workspace(EXAMPLE)
    config = load_config(None, workspace=EXAMPLE)
    return dataset, config, analyze(dataset, config)


def run_cli(*args: str, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``graphmap ARGS`` in a subprocess, as a user types it."""
    return subprocess.run([sys.executable, "-c", _CLI, *args], capture_output=True, text=True,
                          timeout=600, check=False, cwd=cwd,
                          env={**os.environ, "GRAPHMAP_LANG": "en", **(env or {})})


@pytest.fixture
def cli_group() -> Any:
    """The main click group with export and import registered, for CliRunner."""
    from graphmap import cli

    saved = dict(cli._COMMANDS)
    cli._COMMANDS.setdefault("export", "graphmap.cli.exchange:export")
    cli._COMMANDS.setdefault("import", "graphmap.cli.exchange:import_")
    yield cli.cli
    cli._COMMANDS.clear()
    cli._COMMANDS.update(saved)
