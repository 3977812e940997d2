"""Values echoed in messages cannot drive a terminal nor spread a message over many lines:
control characters are shown escaped, long values shortened."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.diagnostics import escape_controls, shown
from graphmap.errors import UsageError
from graphmap.workspace import check_workspace

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "good"
OSC = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
CSI = "\x1b[2J\x1b[31m"


def _workspace(folder: Path, sector: str, name: str = "Fondation du Nord") -> Path:
    folder.mkdir()
    for table in ("projects", "relations"):
        (folder / f"{table}.csv").write_bytes((GOOD / f"{table}.csv").read_bytes())
    text = (GOOD / "actors.csv").read_text(encoding="utf-8")
    text = text.replace("a3,Fondation du Nord,philanthropic",
                        f'a3,"{name}","{sector}"')
    (folder / "actors.csv").write_text(text, encoding="utf-8")
    return folder


def test_terminal_sequences_and_line_breaks_are_shown_escaped(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws", sector=f"{OSC}{CSI}philan\nthropic\r\u202e")
    result = CliRunner().invoke(cli, ["validate", str(folder), "--lang", "en"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "\u202e" not in result.output
    line = next(x for x in result.output.splitlines() if "unknown sector" in x)
    assert line.startswith(
        "actors.csv:4:sector: unknown sector '\\x1b]8;;http://evil.example\\x07click")
    assert "philan\\nthropic" in line


def test_a_long_value_is_shortened_so_the_message_stays_one_line(tmp_path: Path) -> None:
    folder = _workspace(tmp_path / "ws", sector="x" * 5000 + "\n" * 30)
    _, issues = check_workspace(folder)
    message = issues[0].format("fr")
    assert "\n" not in message
    assert len(message) < 400
    assert "x" * 79 + "…" in message


def test_a_control_character_in_a_path_is_escaped_in_errors(tmp_path: Path) -> None:
    missing = tmp_path / "ws\x1b[31m\nnext"
    result = CliRunner().invoke(cli, ["validate", str(missing), "--lang", "en"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    error = UsageError("validation.path_missing", path=str(missing))
    assert "ws\\x1b[31m\\nnext" in error.render("en")


def test_shown_and_escape_controls() -> None:
    assert escape_controls("tab\there") == "tab\\there"
    assert escape_controls("\ud800") == "\\ud800"  # a lone surrogate could not be written
    assert shown("é" * 200) == "é" * 79 + "…"
    assert shown("Centre d'entraide") == "Centre d'entraide"
