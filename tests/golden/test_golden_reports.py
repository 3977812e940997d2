"""Golden reports: every example and fixture gives the same text, JSON and Markdown bytes as
the files recorded in ``tests/golden/<case>/``.

They were recorded before the one-graph refactor (issue 9) so that a refactor proves it
changes nothing. A deliberate change of output regenerates them with
``GRAPHMAP_UPDATE_GOLDEN=1 python -m pytest tests/golden`` and names the change in its commit
message.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

#: case name -> workspace (relative to the repository root)
CASES: dict[str, str] = {
    "laurentides": "examples/laurentides",
    "good": "tests/fixtures/good",
    "mini": "tests/report/fixtures/mini",
    "generated-600": "",  # made by ``graphmap generate`` below
}
FORMATS: dict[str, str] = {"text": "txt", "json": "json", "markdown": "md"}
LANGS = ("fr", "en")
UPDATE = os.environ.get("GRAPHMAP_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def workspaces(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    found = {name: ROOT / rel for name, rel in CASES.items() if rel}
    generated = tmp_path_factory.mktemp("golden") / "generated"
    result = CliRunner().invoke(cli, ["generate", "--actors", "600", "--projects", "150",
                                      "--relations", "2400", "--seed", "7", str(generated)],
                                env={"GRAPHMAP_LANG": "en"})
    assert result.exit_code == 0, result.output
    found["generated-600"] = generated
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_report_matches_golden(workspaces: dict[str, Path], case: str, fmt: str,
                               lang: str) -> None:
    workspace = workspaces[case]
    result = CliRunner().invoke(cli, ["analyze", str(workspace), "--format", fmt,
                                      "--lang", lang], env={"GRAPHMAP_LANG": lang})
    assert result.exit_code == 0, result.output
    golden = HERE / case / f"report.{lang}.{FORMATS[fmt]}"
    produced = result.stdout_bytes
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced)
    assert golden.exists(), f"no golden file {golden}: record it with GRAPHMAP_UPDATE_GOLDEN=1"
    assert produced == golden.read_bytes(), f"{case} {fmt} {lang} differs from {golden}"

