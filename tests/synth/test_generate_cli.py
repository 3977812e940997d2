"""``graphmap generate``: exit codes, messages, byte-identical output across processes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.synth import write_workspace

TABLES = ("actors.csv", "projects.csv", "relations.csv")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_generate_writes_a_workspace(tmp_path: Path) -> None:
    out = tmp_path / "eco"
    code, output = run(
        "generate",
        "--actors",
        "200",
        "--projects",
        "50",
        "--relations",
        "1000",
        "--seed",
        "3",
        "--lang",
        "en",
        str(out),
    )
    assert code == 0, output
    assert output.strip() == f"Wrote 200 actors, 50 projects and 1,000 relations to {out}"
    assert sorted(p.name for p in out.iterdir()) == sorted(TABLES)
    assert len((out / "relations.csv").read_text(encoding="utf-8").splitlines()) == 1001


def test_generate_defaults_follow_actors(tmp_path: Path) -> None:
    code, output = run("generate", "--actors", "80", "--lang", "fr", str(tmp_path / "eco"))
    assert code == 0, output
    assert output.strip() == (
        f"80 acteurs, 20 projets et 400 relations écrits dans {tmp_path / 'eco'}"
    )


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--actors", "0", "Error: --actors is 0 but must be at least 1."),
        ("--projects", "0", "Error: --projects is 0 but must be at least 1."),
        ("--relations", "-1", "Error: --relations is -1 but must be at least 0."),
        ("--seed", "-5", "Error: --seed is -5 but must be at least 0."),
    ],
)
def test_bad_sizes_are_usage_errors(tmp_path: Path, option: str, value: str, message: str) -> None:
    code, output = run("generate", "--lang", "en", option, value, str(tmp_path / "eco"))
    assert code == 2
    assert output.strip() == message
    assert not (tmp_path / "eco").exists()


def test_bad_size_in_french(tmp_path: Path) -> None:
    code, output = run("generate", "--lang", "fr", "--actors", "0", str(tmp_path / "eco"))
    assert code == 2
    assert output.strip() == "Erreur\u00a0: --actors vaut 0, mais doit être au moins 1."


def test_not_a_number_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("generate", "--actors", "many", str(tmp_path / "eco"))
    assert code == 2
    assert "--actors" in output


def test_too_many_relations(tmp_path: Path) -> None:
    code, output = run(
        "generate",
        "--lang",
        "en",
        "--actors",
        "3",
        "--projects",
        "1",
        "--relations",
        "100",
        str(tmp_path / "eco"),
    )
    assert code == 2
    assert output.strip() == (
        "Error: 100 relations do not fit between 3 actors and 1 project "
        "without duplicates (at most 6)."
    )


def test_refuses_a_non_empty_folder_without_force(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    code, output = run("generate", "--lang", "en", "--actors", "30", str(tmp_path))
    assert code == 1
    assert output.strip() == (
        f"Error: Folder {tmp_path} is not empty; choose another folder or add --force to "
        "replace its CSV files."
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    code, output = run("generate", "--lang", "en", "--actors", "30", "--force", str(tmp_path))
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted((*TABLES, "notes.txt"))
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "eco.csv"
    target.write_text("x", encoding="utf-8")
    code, output = run("generate", "--lang", "en", "--force", str(target))
    assert code == 1
    assert output.strip() == f"Error: {target} exists and is not a folder."


def test_help_has_an_example() -> None:
    code, output = run("generate", "--help")
    assert code == 0
    assert (
        "  Example: graphmap generate --actors 100000 --projects 25000 --relations 500000 "
        "--seed 1 /tmp/eco\n"
    ) in output
    for option in ("--actors", "--projects", "--relations", "--seed", "--force", "--lang"):
        assert option in output


def test_same_bytes_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """A real subprocess under two PYTHONHASHSEED values writes the same bytes as the
    library in this process."""
    outputs = []
    for hash_seed in ("0", "4242"):
        out = tmp_path / f"hash{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "GRAPHMAP_LANG": "en"}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "graphmap",
                "generate",
                "--actors",
                "500",
                "--projects",
                "120",
                "--relations",
                "2500",
                "--seed",
                "8",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == ""  # the summary goes to stderr; stdout stays clean
        assert "Wrote 500 actors" in done.stderr
        outputs.append({name: (out / name).read_bytes() for name in TABLES})
    write_workspace(tmp_path / "here", 500, 120, 2500, 8)
    here = {name: (tmp_path / "here" / name).read_bytes() for name in TABLES}
    assert outputs[0] == outputs[1] == here


def test_default_relations_fit_tiny_sizes(tmp_path: Path) -> None:
    """Two actors and one project hold at most 3 relations: the default (10) is cut down
    instead of refused, and the message counts the rows really written."""
    code, output = run("generate", "--lang", "en", "--actors", "2", str(tmp_path / "eco"))
    assert code == 0, output
    rows = len((tmp_path / "eco" / "relations.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert 1 <= rows <= 3
    assert output.strip() == (
        f"Wrote 2 actors, 1 project and {rows} relations to {tmp_path / 'eco'}"
    )


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """Through a real pseudo-terminal the bar names its step; on a pipe nothing but the
    final line appears."""
    master, slave = pty.openpty()
    env = {**os.environ, "GRAPHMAP_LANG": "en"}
    command = [
        sys.executable,
        "-m",
        "graphmap",
        "generate",
        "--actors",
        "3000",
        str(tmp_path / "tty"),
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, env=env) as proc:
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "Generating (relations)" in shown
    assert "Wrote 3,000 actors, 750 projects and 15,000 relations" in shown
    piped = subprocess.run(
        [*command[:-1], str(tmp_path / "pipe")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert piped.returncode == 0
    assert piped.stderr == (
        f"Wrote 3,000 actors, 750 projects and 15,000 relations to {tmp_path / 'pipe'}\n"
    )


def test_sizes_said_grouped_by_thousands_in_both_languages(tmp_path: Path) -> None:
    """``generate`` and ``validate`` say a workspace's sizes as running text: ``1,200
    actors`` in English, ``1 200 acteurs`` (narrow no-break space) in French."""
    out = tmp_path / "ws"
    for lang, sizes in (("en", ("1,200 actors", "1,001 projects", "2,500 relations")),
                        ("fr", ("1\u00a0200 acteurs", "1\u00a0001 projets",
                                "2\u00a0500 relations"))):
        code, output = run("generate", str(out), "--actors", "1200", "--projects", "1001",
                            "--relations", "2500", "--force", "--lang", lang)
        assert code == 0, output
        assert all(size in output for size in sizes), output
        code, output = run("validate", str(out), "--lang", lang)
        assert code == 0, output
        assert all(size in output for size in sizes), output
