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


def _run(*args: str, timeout: int = 300) -> str:
    """``benchmarks/run.py ARGS`` in a subprocess; it must exit 0. Returns its stdout."""
    done = subprocess.run([sys.executable, str(RUN), *args], capture_output=True, text=True,
                          check=False, timeout=timeout, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_run_prints_one_table_of_every_step() -> None:
    stdout = _run("--sizes", "120/30/500", "--timeout", "300", timeout=600)
    lines = stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert lines[1] == (
        "| size | step | seconds | peak RSS MB | Δ RSS MB | networkx s | networkx ÷ graphmap |"
    )
    rows = [line.split(" | ") for line in lines[3:] if line.startswith("| ")]
    assert [row[1] for row in rows] == list(STEPS)
    assert all(row[0] == "| 120/30/500 (120 a / 30 p / 500 r)" for row in rows)
    by_step = {row[1]: row for row in rows}
    # Every step exists and ran: each row has seconds and a peak, never n/a or error.
    for row in rows:
        assert float(row[2]) >= 0, row
        assert float(row[3].replace(",", "")) > 0, row
    # 150 nodes is below the reference limit: networkx ran and a ratio is shown.
    for step in ("betweenness", "constraint", "communities"):
        assert float(by_step[step][5]) > 0, by_step[step]
        assert by_step[step][6].endswith("x |"), by_step[step]
    assert "Traceback" not in stdout


def test_reference_is_skipped_above_the_limit() -> None:
    stdout = _run("--sizes", "120/30/500", "--reference-max-nodes", "100",
                  "--skip", "load,validate,analyze,render")
    rows = [line for line in stdout.splitlines() if line.startswith("| 120")]
    assert [row.split(" | ")[1] for row in rows] == ["generate"]
    assert "skipped (> 100 nodes)" not in rows[0]  # generate has no reference column value
    stdout = _run("--sizes", "120/30/500", "--reference-max-nodes", "100",
                  "--skip", "load,validate,render")
    betweenness = next(line for line in stdout.splitlines() if "| betweenness |" in line)
    assert "skipped (> 100 nodes)" in betweenness


def test_a_failing_step_is_reported_not_raised(tmp_path: Path) -> None:
    """A worker whose step fails prints ``error`` and why, and exits 0."""
    stdout = _run("--worker", "validate", "--workspace", str(tmp_path / "missing"),
                  "--sizes", "10/2/20", timeout=120)
    results = json.loads(stdout.splitlines()[-1])
    assert [(r["step"], r["status"]) for r in results] == [("validate", "error")]
    assert results[0]["detail"].startswith("UsageError: ")
