"""``--config FILE`` carries its ``[limits]`` table to the reader, in every command that takes
``--config`` (``compare`` among them): the file's limits, not those of a ``graphmap.toml``
beside the data, bound what is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025
from graphmap.cli import cli

pytestmark = pytest.mark.skipif(not (EXAMPLE_2025 / "actors.csv").exists(),
                                reason="examples/laurentides-2025 is not there")

#: What the reader says when a table has more rows than ``[limits] rows`` allows.
PAST_ROWS = "more than 3 data rows: reading stops here"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, [*args, "--lang", "en"], env={"GRAPHMAP_LANG": None},
                              catch_exceptions=False)


def commands(tmp_path: Path, config: Path) -> dict[str, list[str]]:
    ws, other = str(EXAMPLE_2024), str(EXAMPLE_2025)
    return {
        "analyze": ["analyze", ws, "--config", str(config)],
        "brief": ["brief", ws, "-o", str(tmp_path / "brief.html"), "--config", str(config)],
        "export": ["export", ws, "--to", "kumu", "-o", str(tmp_path / "k.json"),
                   "--config", str(config)],
        "compare": ["compare", ws, other, "--config", str(config)],
    }


@pytest.mark.parametrize("command", ["analyze", "brief", "export", "compare"])
def test_the_limits_of_config_bound_the_reading(tmp_path: Path, command: str) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[analysis]\nseed = 3\n\n[limits]\nrows = 3\n", encoding="utf-8")
    result = run(*commands(tmp_path, config)[command])
    assert result.exit_code == 1, result.output
    assert f"actors.csv:5: {PAST_ROWS}" in result.stderr
    if command == "compare":  # both sides read under the file's limits
        assert result.stderr.count(PAST_ROWS) >= 2


def test_a_config_without_limits_reads_everything(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[analysis]\nseed = 3\n", encoding="utf-8")
    result = run(*commands(tmp_path, config)["analyze"], "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert PAST_ROWS not in result.stderr


def test_a_bad_limits_table_fails_before_any_reading(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text("[limits]\nrow = 3\n", encoding="utf-8")
    result = run(*commands(tmp_path, config)["compare"])
    assert result.exit_code != 0
    assert "unknown limit 'row' in [limits]; did you mean 'rows'?" in result.stderr
    assert "actors.csv" not in result.stderr
