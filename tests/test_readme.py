"""The README stays true to the code: its CLI reference is generated from --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_in_readme_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_readme.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_command_has_help_with_an_example() -> None:
    from click.testing import CliRunner

    from graphmap.cli import cli

    runner = CliRunner()
    names = cli.list_commands(None)  # type: ignore[arg-type]
    expected = {"validate", "init", "analyze", "render", "push", "pull", "query", "generate"}
    assert expected <= set(names)
    for name in names:
        result = runner.invoke(cli, [name, "--help"], env={"GRAPHMAP_LANG": "en"})
        assert result.exit_code == 0, (name, result.output)
        assert "graphmap " + name in result.output, f"{name} --help shows no example"


def test_readme_commands_are_the_ci_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in readme
    assert "python -m pytest" in ci
    assert "graphmap analyze examples/laurentides" in readme
