"""Outputs: only regular files are written, their mode is kept, stale temporaries are swept,
and a closed pipe or a full disk on stdout is a clear exit, never an internal error."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from graphmap.atomic import atomic_open, temporary_name, write_bytes, write_text
from graphmap.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"
GOOD = ROOT / "tests" / "fixtures" / "good"
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, umask and signals")


def _graphmap(*args: str, umask: int | None = None,
              **kwargs: object) -> subprocess.CompletedProcess[str]:
    def set_umask() -> None:
        if umask is not None:
            os.umask(umask)

    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          text=True, encoding="utf-8", check=False, cwd=ROOT,
                          preexec_fn=set_umask, **kwargs)  # type: ignore[call-overload]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix_only
def test_a_fifo_is_refused_and_left_untouched(tmp_path: Path) -> None:
    fifo = tmp_path / "map.html"
    os.mkfifo(fifo)
    result = _graphmap("render", str(GOOD), "-o", str(fifo), "--lang", "en")
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"Error: {fifo} is not a regular file (a named pipe (FIFO)): graphmap writes only to "
        "a regular file or a new path; nothing was written")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


@posix_only
def test_dev_null_is_refused_and_stays_a_device() -> None:
    # The CLI already refuses -o /dev/null for its suffix; the writer itself refuses it too.
    with pytest.raises(UsageError) as caught:
        write_text(os.devnull, "<html>")
    assert caught.value.exit_code == 2
    assert caught.value.render("fr") == (
        f"{os.devnull} n'est pas un fichier ordinaire (un périphérique)\u00a0: graphmap n'écrit "
        "que dans un fichier ordinaire ou à un nouveau chemin\u00a0; rien n'a été écrit")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_folder_at_the_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(UsageError) as caught:
        write_text(tmp_path / "out", "x")
    assert caught.value.exit_code == 2
    assert caught.value.key == "load.output.not_regular"


@posix_only
def test_an_existing_file_keeps_its_mode_and_new_ones_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old", encoding="utf-8")
    os.chmod(out / "report.md", 0o600)
    result = _graphmap("analyze", str(GOOD), "--out", str(out), umask=0o027)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(out / "report.md").st_mode) == 0o600
    assert (out / "report.md").read_text(encoding="utf-8") != "old"
    for name in ("report.json", "map.html", "report.html"):
        assert stat.S_IMODE(os.stat(out / name).st_mode) == 0o640, name


@posix_only
def test_a_killed_write_leaves_a_temporary_that_the_next_write_removes(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    script = ("import os, signal, sys\n"
              "from graphmap.atomic import atomic_open\n"
              "with atomic_open(sys.argv[1]) as handle:\n"
              "    handle.write('{half')\n    handle.flush()\n"
              "    os.kill(os.getpid(), signal.SIGKILL)\n")
    killed = subprocess.run([sys.executable, "-c", script, str(target)], check=False)
    assert killed.returncode == -signal.SIGKILL
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1
    assert left[0].startswith(".report.json.graphmap-")
    assert left[0].endswith(".tmp")
    # Others' files and live processes' temporaries are never touched.
    live = tmp_path / temporary_name(target).replace(str(os.getpid()), str(os.getppid()))
    live.write_text("busy", encoding="utf-8")
    other = tmp_path / f".map.html.graphmap-{_dead_pid()}.tmp"
    other.write_text("another target", encoding="utf-8")
    write_text(target, "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [live.name, other.name, "report.json"])
    assert target.read_text(encoding="utf-8") == "{}"


def test_a_failed_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = write_bytes(tmp_path / "a.txt", b"old")
    def interrupted() -> None:
        with atomic_open(target) as handle:
            handle.write("new")
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        interrupted()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


@posix_only
@pytest.mark.parametrize("args", [
    ["validate", str(EXAMPLE)],
    ["analyze", str(EXAMPLE), "--format", "json"],
    ["analyze", str(EXAMPLE), "--format", "markdown"],
])
def test_a_closed_pipe_is_a_quiet_exit(args: list[str]) -> None:
    child = subprocess.Popen([sys.executable, "-m", "graphmap", *args, "--lang", "en"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # the reader is gone before graphmap writes (like `| head -0`)
    stderr = child.stderr.read().decode("utf-8")
    assert child.wait() == 141
    for noise in ("internal error", "Traceback", "Broken pipe", "Errno", "Exception ignored"):
        assert noise not in stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_a_full_disk_on_stdout_is_one_clear_line(fmt: str) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "graphmap", "analyze", str(GOOD), "--format", fmt,
             "--lang", "en"], stdout=full, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", check=False, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to standard output: No space left on device\n"
