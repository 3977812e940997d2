"""The README stays true to the code: its CLI reference is generated from --help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _readme_section(heading: str) -> str:
    """The text under the README's ``## `` heading that starts with ``heading``."""
    parts = re.split(r"^(?=## )", README.read_text(encoding="utf-8"), flags=re.M)
    found = [p for p in parts if p.startswith(f"## {heading}")]
    assert found, f"README.md has no '## {heading}' section"
    return found[0]


def _code_block(section: str) -> str:
    match = re.search(r"^```[a-z]*\n(.*?)^```", section, flags=re.M | re.S)
    assert match, "no code block in the section"
    return match.group(1)


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
        # The usage line always names the command; the example is in the description.
        description = result.output.split("\n", 1)[1].split("Options:", 1)[0]
        assert re.search(rf"^\s*(Examples?:\s*)?graphmap {name}\b", description, flags=re.M), (
            f"{name} --help shows no example")


def test_readme_commands_are_the_ci_commands() -> None:
    """The README's test command is what .ci/run runs, step by step."""
    command = _code_block(_readme_section("Test")).strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [s.strip() for s in command.split("&&")]
    assert steps == ["pip install '.[test]'", "python -m pytest"], command
    assert "python -m pytest" in ci, ".ci/run no longer runs the bare README command"
    assert any(re.fullmatch(r"python -m pip install( -q)? '\.\[test\]'", line.strip())
               for line in ci), ".ci/run no longer installs '.[test]' as the README says"


@pytest.mark.slow
def test_the_install_and_run_command_writes_what_the_readme_says(tmp_path: Path) -> None:
    """Run the analyse part of the README's first command and compare the files it writes
    with the files the next sentence names, both ways."""
    section = _readme_section("Install and run")
    command = _code_block(section).strip()
    analyse = command.split("&&")[-1].strip()
    assert analyse == "graphmap analyze examples/laurentides --lang fr --out out/", analyse
    from click.testing import CliRunner

    from graphmap.cli import cli

    out = tmp_path / "out"
    args = [*analyse.split()[1:-1], str(out)]
    args[1] = str(ROOT / args[1])
    result = CliRunner().invoke(cli, args, env={"GRAPHMAP_LANG": "fr"})
    assert result.exit_code == 0, result.output
    assert "L'écosystème en chiffres" in result.stdout  # "prints the report in French"
    said = set(re.findall(r"`out/([^`]+)`", section))
    written = {p.name for p in out.iterdir()}
    assert said == written, f"README says {sorted(said)}, the command writes {sorted(written)}"
