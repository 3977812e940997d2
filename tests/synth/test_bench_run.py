"""``benchmarks/run.py`` prints one table (size by step) and never crashes on a missing step."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "benchmarks" / "run.py"
STEPS = (
    "generate",
    "load",
    "validate",
    "graph",
    "betweenness",
    "constraint",
    "communities",
    "brokerage",
    "gaps",
    "opportunities",
    "summary",
    "analyze (total)",
    "render",
)


def test_run_prints_one_table_of_every_step() -> None:
    done = subprocess.run(
        [sys.executable, str(RUN), "--sizes", "120/30/500", "--timeout", "300"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1] == (
        "| size | step | seconds | peak RSS MB | Δ RSS MB | networkx s | networkx ÷ graphmap |"
    )
    rows = [line.split(" | ") for line in lines[3:] if line.startswith("| ")]
    assert [row[1] for row in rows] == list(STEPS)
    assert all(row[0] == "| 120/30/500 (120 a / 30 p / 500 r)" for row in rows)
    by_step = {row[1]: row for row in rows}
    # The generator, reader and validator exist: they have numbers, never n/a.
    for step in ("generate", "load", "validate"):
        seconds, peak = by_step[step][2], by_step[step][3]
        assert float(seconds) >= 0, by_step[step]
        assert float(peak.replace(",", "")) > 0, by_step[step]
    # 150 nodes is below the reference limit: networkx ran and a ratio is shown.
    assert by_step["betweenness"][5] not in ("", "n/a")
    assert by_step["betweenness"][6].endswith("x |")
    # Every other cell is a number or says why not (a step of another area may be missing
    # or failing while it is written); either way the run goes on to the end.
    for row in rows:
        assert row[2] in ("n/a", "error") or float(row[2]) >= 0, row
    assert "Traceback" not in done.stdout


def test_reference_is_skipped_above_the_limit() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--sizes",
            "120/30/500",
            "--reference-max-nodes",
            "100",
            "--skip",
            "load,validate,analyze,render",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 120")]
    assert [row.split(" | ")[1] for row in rows] == ["generate"]
    assert "skipped (> 100 nodes)" not in rows[0]  # generate has no reference column value
    done = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--sizes",
            "120/30/500",
            "--reference-max-nodes",
            "100",
            "--skip",
            "load,validate,render",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    betweenness = next(line for line in done.stdout.splitlines() if "| betweenness |" in line)
    assert "skipped (> 100 nodes)" in betweenness


def test_a_failing_step_is_reported_not_raised(tmp_path: Path) -> None:
    """A worker whose step fails prints ``error`` and why, and exits 0."""
    done = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--worker",
            "validate",
            "--workspace",
            str(tmp_path / "missing"),
            "--sizes",
            "10/2/20",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.splitlines()[-1])
    assert [(r["step"], r["status"]) for r in results] == [("validate", "error")]
    assert results[0]["detail"].startswith("UsageError: ")
