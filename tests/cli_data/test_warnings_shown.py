"""How many warnings a command prints: ``validate`` lists every one; the commands whose job is
something else (analyze, render, brief, export, compare, push) show the first
``WARNINGS_SHOWN`` of each kind and one line saying how many more there are and how to list
them (docs/workspace-format.md §7). Errors are never cut. The real CLI, in-process and as a
subprocess."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.cli.common import WARNINGS_SHOWN

ISOLATED = 27  # actors without a relation: WARNINGS_SHOWN of them shown, 7 more counted


def _workspace(folder: Path, *, isolated: int = ISOLATED, bad_years: int = 0) -> Path:
    """Two related actors and a project, ``isolated`` actors with no relation (a warning
    each) and ``bad_years`` relations whose year is not a year (an error each)."""
    folder.mkdir()
    actors = ["id,name,sector", "a1,Un,public", "a2,Deux,community"]
    actors += [f"i{n:02d},Isolé {n},community" for n in range(1, isolated + 1)]
    (folder / "actors.csv").write_text("\n".join(actors) + "\n", encoding="utf-8")
    (folder / "projects.csv").write_text("id,name,stage\np1,Projet,emergence\n",
                                         encoding="utf-8")
    relations = ["source,target,type,year", "a1,p1,carries,", "a2,p1,supports,"]
    relations += [f"a1,a2,collaborates,{n}x" for n in range(bad_years)]
    (folder / "relations.csv").write_text("\n".join(relations) + "\n", encoding="utf-8")
    return folder


def _isolated_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "has no relation" in line]


def test_analyze_shows_the_first_warnings_of_a_kind_and_counts_the_rest(tmp_path: Path
                                                                         ) -> None:
    workspace = _workspace(tmp_path / "eco")
    result = CliRunner().invoke(cli, ["analyze", str(workspace), "--lang", "en"])
    assert result.exit_code == 0, result.output
    shown = _isolated_lines(result.stderr)
    # The first ones by location: rows 4 to 23 of actors.csv (the header is row 1).
    assert shown == [f"actors.csv:{n + 3}: warning: actor 'i{n:02d}' has no relation"
                     for n in range(1, WARNINGS_SHOWN + 1)]
    more = ISOLATED - WARNINGS_SHOWN
    assert (f"actors.csv: warning: {more} more warnings like the ones above (actor.isolated); "
            f"to see them all: graphmap validate {workspace}") in result.stderr.splitlines()


def test_validate_lists_every_warning(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "eco")
    result = CliRunner().invoke(cli, ["validate", str(workspace), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert len(_isolated_lines(result.stdout)) == ISOLATED
    assert "more warnings" not in result.output


def test_as_many_warnings_as_shown_need_no_count_line(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "eco", isolated=WARNINGS_SHOWN)
    result = CliRunner().invoke(cli, ["analyze", str(workspace), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert len(_isolated_lines(result.stderr)) == WARNINGS_SHOWN
    assert "more warning" not in result.stderr


def test_one_more_warning_is_said_in_the_singular_in_french(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "eco", isolated=WARNINGS_SHOWN + 1)
    result = CliRunner().invoke(cli, ["render", str(workspace), "-o",
                                      str(tmp_path / "carte.html"), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert (f"actors.csv: avertissement\u00a0: 1 autre avertissement comme ceux ci-dessus "
            f"(actor.isolated)\u00a0; pour les voir tous\u00a0: graphmap validate {workspace}"
            ) in result.stderr.splitlines()


@pytest.mark.parametrize("command", ["analyze", "render", "brief", "export", "compare",
                                     "push"])
def test_errors_are_never_cut_and_warnings_are_cut_beside_them(tmp_path: Path,
                                                                command: str) -> None:
    """A failed validation prints every error (each must be fixed); its warnings are cut
    as when it succeeds: finding the errors among thousands of warnings is the point."""
    workspace = _workspace(tmp_path / "eco", bad_years=WARNINGS_SHOWN + 5)
    args = {"analyze": [str(workspace)],
            "render": [str(workspace), "-o", str(tmp_path / "carte.html")],
            "brief": [str(workspace), "-o", str(tmp_path / "note.html")],
            "export": [str(workspace), "--to", "gexf", "-o", str(tmp_path / "eco.gexf")],
            "compare": [str(workspace), str(workspace)],
            # The workspace is read before any connection: no server is needed.
            "push": [str(workspace), "--uri", "bolt://127.0.0.1:9"]}[command]
    result = CliRunner().invoke(cli, [command, *args, "--lang", "en"])
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    errors = [line for line in lines if "is not a year" in line]
    assert len(errors) == WARNINGS_SHOWN + 5
    assert len(_isolated_lines(result.stderr)) == WARNINGS_SHOWN
    assert len([line for line in lines if "to see them all: graphmap validate" in line]) == 1
    assert "Error: " in lines[-1]


def test_validate_lists_every_warning_beside_errors(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path / "eco", bad_years=3)
    result = CliRunner().invoke(cli, ["validate", str(workspace), "--lang", "en"])
    assert result.exit_code == 1
    assert len(_isolated_lines(result.output)) == ISOLATED
    assert "to see them all" not in result.output


def test_the_command_given_runs_as_written_in_a_shell(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A path with a space is quoted, one that starts with '-' follows '--': the line
    copied into a shell lists every warning."""
    monkeypatch.chdir(tmp_path)
    for name in ("mon éco", "-eco"):
        workspace = _workspace(tmp_path / name)
        result = CliRunner().invoke(cli, ["analyze", "--lang", "en", "--", name])
        assert result.exit_code == 0, result.output
        line = next(line for line in result.stderr.splitlines() if "to see them all" in line)
        command = line.split("to see them all: ", 1)[1]
        assert command == ("graphmap validate 'mon éco'" if name == "mon éco"
                           else "graphmap validate -- -eco"), command
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        env.update(GRAPHMAP_LANG="en", PYTHONIOENCODING="utf-8")
        run = subprocess.run([sys.executable, "-m", "graphmap", *shlex.split(command)[1:]],
                             capture_output=True, text=True, encoding="utf-8", env=env,
                             check=False)
        assert run.returncode == 0, run.stderr
        assert len(_isolated_lines(run.stdout)) == ISOLATED, workspace


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_real_process_prints_the_count_line_once(tmp_path: Path, lang: str) -> None:
    workspace = _workspace(tmp_path / "eco")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GRAPHMAP"))}
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "analyze", str(workspace), "--lang", lang,
         "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", env=env, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(_isolated_lines(result.stderr) if lang == "en"
               else [line for line in lines if "n'a aucune relation" in line]) == WARNINGS_SHOWN
    counted = [line for line in lines if "graphmap validate" in line]
    assert len(counted) == 1
    assert "(actor.isolated)" in counted[0]
    assert "Traceback" not in result.stderr
