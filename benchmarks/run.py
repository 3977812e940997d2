"""Scale benchmark: one table of seconds and peak memory per size x step, with a ratio
against plain networkx where networkx finishes.

Usage::

    python benchmarks/run.py                       # sizes 1k,10k (a few minutes)
    python benchmarks/run.py --sizes 1k,10k,100k   # 100k = 100,000 actors, 25,000 projects,
                                                   #        500,000 relations
    python benchmarks/run.py --sizes 1m --timeout 3600
    python benchmarks/run.py --sizes 2000/500/10000 # explicit actors/projects/relations

A size ``Nk`` means Nx1,000 actors, a quarter as many projects and five relations per
actor (the proportions of issue 6). Every size is generated with ``graphmap.synth`` into a
temporary CSV workspace, then each measurement runs in a fresh subprocess of this script:

- ``generate``: ``graphmap.synth.write_workspace`` (streams the CSV files);
- ``load``: reading every raw row of the three CSV files (``graphmap.load.open_workspace``),
  no validation;
- ``validate``: ``graphmap.workspace.load_workspace``: read + validate into a Dataset, the
  whole cost a user waits for before any analysis;
- ``graph`` ... ``summary``: the steps of ``graphmap.analysis.pipeline.analyze``, timed
  through its ``progress(step, done, total)`` callback, all in one process as a user runs
  them;
- ``render``: ``graphmap.render.html_map.write_map`` of that report, in the same process
  right after ``analyze`` (the analysis is not paid twice).

Peak memory is the resident-set high-water mark (``VmHWM`` of ``/proc/self/status``),
reset at the start of each step by writing ``5`` to ``/proc/self/clear_refs``, so "peak" is
the largest RSS of the process while that step ran (its inputs included) and "Δ" is that
peak minus the RSS when the step started. Without ``/proc`` the peak is
``ru_maxrss`` since the process started.

The networkx reference (``nx.betweenness_centrality``, ``nx.constraint``,
``nx.community.louvain_communities`` on the same ``G_u``) runs only up to
``--reference-max-nodes`` nodes (default 2,000): above, it is skipped, and the table says
so. A step whose function does not exist (yet) shows ``n/a``; a failing step shows
``error`` and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _common import ROOT

#: Steps timed in the one process that analyses and renders (the ``analyze`` worker).
ANALYZE_STEPS: tuple[str, ...] = (
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
#: Rows of the table, in order, for each size.
STEPS: tuple[str, ...] = ("generate", "load", "validate", *ANALYZE_STEPS)
#: Steps with a networkx reference, and the reference each one is compared with.
REFERENCE: dict[str, str] = {
    "betweenness": "nx.betweenness_centrality",
    "constraint": "nx.constraint",
    "communities": "nx.community.louvain_communities",
}
_SUFFIX = {"k": 1_000, "m": 1_000_000}


# --- Sizes -------------------------------------------------------------------------------


def parse_size(text: str) -> tuple[str, int, int, int]:
    """``1k`` -> ("1k", 1000, 250, 5000); ``2000/500/10000`` -> explicit sizes.

    >>> parse_size("10k")
    ('10k', 10000, 2500, 50000)
    >>> parse_size("1m")
    ('1m', 1000000, 250000, 5000000)
    >>> parse_size("300/80/1200")
    ('300/80/1200', 300, 80, 1200)
    """
    text = text.strip().lower()
    if "/" in text:
        actors, projects, relations = (int(part) for part in text.split("/"))
        return text, actors, projects, relations
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"bad size {text!r}: use 1k, 10k, 1m or A/P/R")
    actors = int(float(match.group(1)) * _SUFFIX.get(match.group(2), 1))
    return text, actors, max(1, actors // 4), 5 * actors


# --- Memory ------------------------------------------------------------------------------


def _status_kb(field: str) -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak() -> bool:
    """Reset the RSS high-water mark of this process (Linux); False if it cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def rss_mb() -> float:
    kb = _status_kb("VmRSS")
    return (kb or 0) / 1024.0


def peak_mb() -> float:
    kb = _status_kb("VmHWM")
    if kb is None:  # no /proc: peak since the process started (KiB on Linux, bytes on macOS)
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform == "darwin":
            kb //= 1024
    return kb / 1024.0


class Meter:
    """Seconds, peak RSS and RSS growth of the steps run in this (worker) process."""

    def __init__(self) -> None:
        self.results: list[dict[str, Any]] = []
        self._open: dict[str, tuple[float, float]] = {}

    def start(self, step: str) -> None:
        if not reset_peak():
            # Peaks then run from the process start: say so under the table.
            self.results.append(
                {
                    "step": step,
                    "status": "note",
                    "detail": "peak RSS since process start (no clear_refs)",
                }
            )
        self._open[step] = (time.perf_counter(), rss_mb())

    def stop(self, step: str, **extra: Any) -> None:
        started, rss0 = self._open.pop(step)
        seconds = time.perf_counter() - started
        peak = peak_mb()
        self.results.append(
            {
                "step": step,
                "status": "ok",
                "seconds": seconds,
                "peak_mb": peak,
                "delta_mb": max(0.0, peak - rss0),
                **extra,
            }
        )

    @contextmanager
    def measure(self, step: str) -> Iterator[None]:
        self.start(step)
        yield
        self.stop(step)

    def mark(self, step: str, status: str, detail: str = "") -> None:
        self.results.append({"step": step, "status": status, "detail": detail})


def _describe(exc: BaseException) -> str:
    first = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {first}"


def _missing(exc: BaseException) -> bool:
    """An ImportError/AttributeError from a function that does not exist yet."""
    return isinstance(exc, ImportError | AttributeError)


# --- Workers (each runs in a fresh subprocess) --------------------------------------------


def work_generate(meter: Meter, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    from graphmap.synth import write_workspace

    with meter.measure("generate"):
        write_workspace(folder, *sizes, seed)


def work_load(meter: Meter, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    from graphmap.load import open_workspace

    with meter.measure("load"), open_workspace(folder) as source:
        for table in source.tables.values():
            for _row in table.rows:
                pass


def work_validate(meter: Meter, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    from graphmap.workspace import load_workspace

    with meter.measure("validate"):
        load_workspace(folder)


def work_analyze(meter: Meter, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    """The analysis, then the map of its report in the same process (as ``graphmap analyze``
    followed by the map would run), so the analysis is not paid twice."""
    from graphmap.workspace import load_workspace

    dataset = load_workspace(folder)
    from graphmap.analysis.pipeline import analyze

    def progress(step: str, done: int, total: int) -> None:
        if done == 0:
            meter.start(step)
        elif done >= total and step in meter._open:
            meter.stop(step)

    meter.start("analyze (total)")
    report = analyze(dataset, None, progress=progress)
    meter.stop("analyze (total)")
    # The whole run's peak is the highest of its steps (the mark was reset at each step).
    total = meter.results[-1]
    steps = [r for r in meter.results[:-1] if r["status"] == "ok"]
    if steps:
        total["peak_mb"] = max(total["peak_mb"], *(r["peak_mb"] for r in steps))
    if os.environ.get("GRAPHMAP_BENCH_SKIP_RENDER"):
        meter.mark("render", "skipped")
        return
    try:
        render_map(meter, folder, dataset, report)
    except Exception as exc:  # the analysis numbers stand even when the map fails
        meter.mark("render", "n/a" if _missing(exc) else "error", _describe(exc))


def render_map(meter: Meter, folder: Path, dataset: Any, report: Any) -> None:
    from graphmap.render.html_map import write_map

    with meter.measure("render"):
        write_map(dataset, report, folder / "map.html", lang="fr")


def work_reference(meter: Meter, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    import networkx as nx

    from graphmap.model.compiled import EcosystemGraph
    from graphmap.model.graph import to_networkx
    from graphmap.workspace import load_workspace

    graph = to_networkx(EcosystemGraph(load_workspace(folder)))
    references: dict[str, Callable[[], Any]] = {
        "betweenness": lambda: nx.betweenness_centrality(graph, normalized=True),
        "constraint": lambda: nx.constraint(graph),
        "communities": lambda: nx.community.louvain_communities(graph, seed=seed),
    }
    for step, run in references.items():
        with meter.measure(step):
            run()


WORKERS: dict[str, Callable[[Meter, Path, tuple[int, int, int], int], None]] = {
    "generate": work_generate,
    "load": work_load,
    "validate": work_validate,
    "analyze": work_analyze,
    "reference": work_reference,
}
#: Steps each worker is responsible for (marked n/a or error together when it fails early).
WORKER_STEPS: dict[str, tuple[str, ...]] = {
    "generate": ("generate",),
    "load": ("load",),
    "validate": ("validate",),
    "analyze": ANALYZE_STEPS,
    "reference": tuple(REFERENCE),
}


def worker_main(kind: str, folder: Path, sizes: tuple[int, int, int], seed: int) -> None:
    """Run one worker and print its results as one JSON line on stdout."""
    meter = Meter()
    try:
        WORKERS[kind](meter, folder, sizes, seed)
    except Exception as exc:  # a benchmark never crashes: the table says what failed
        status = "n/a" if _missing(exc) else "error"
        detail = _describe(exc)
        done = {r["step"] for r in meter.results if r["status"] != "note"}
        for step in WORKER_STEPS[kind]:
            if step not in done:
                meter.mark(step, status, detail)
    print(json.dumps(meter.results))


# --- Driver --------------------------------------------------------------------------------


def run_worker(
    kind: str,
    folder: Path,
    sizes: tuple[int, int, int],
    seed: int,
    timeout: float,
    *,
    skip_render: bool = False,
) -> list[dict[str, Any]]:
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        kind,
        "--workspace",
        str(folder),
        "--sizes",
        "/".join(map(str, sizes)),
        "--seed",
        str(seed),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    if skip_render:
        env["GRAPHMAP_BENCH_SKIP_RENDER"] = "1"
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=timeout, env=env, check=False, cwd=ROOT
        )
    except subprocess.TimeoutExpired:
        return [
            {"step": s, "status": "timeout", "detail": f"> {timeout:.0f} s"}
            for s in WORKER_STEPS[kind]
        ]
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["killed"])[-1][:120]
        status = "oom?" if done.returncode in (-9, 137) else "error"
        return [{"step": s, "status": status, "detail": tail} for s in WORKER_STEPS[kind]]
    results: list[dict[str, Any]] = json.loads(lines[-1])
    return results


def machine() -> str:
    """One line describing where the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            total_kb = int(handle.readline().split()[1])
            mem = f", {total_kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f} at start"
    versions = []
    for module in ("networkx", "igraph", "numpy", "scipy"):
        try:
            versions.append(f"{module} {__import__(module).__version__}")
        except ImportError:
            continue
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}{load}; Python "
        f"{platform.python_version()}, {', '.join(versions)}"
    )


def _fmt(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:,.{digits}f}"


def _seconds(value: float) -> str:
    """Three decimals below 1 s (short steps stay readable), two above."""
    return _fmt(value, 3 if value < 1 else 2)


def table(rows: list[tuple[str, str, dict[str, Any], dict[str, Any] | None]]) -> str:
    """The one Markdown table: size x step with seconds, peak RSS, Δ RSS and the
    networkx reference."""
    header = (
        "size",
        "step",
        "seconds",
        "peak RSS MB",
        "Δ RSS MB",
        "networkx s",
        "networkx ÷ graphmap",
    )
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---", "---", "---:", "---:", "---:", "---:", "---:"]) + "|",
    ]
    for size, step, result, reference in rows:
        if result.get("status") == "ok":
            cells = [
                _seconds(result["seconds"]),
                _fmt(result["peak_mb"], 0),
                _fmt(result["delta_mb"], 0),
            ]
        else:
            cells = [result.get("status", "n/a"), "", ""]
        if reference is None:
            ref_cells = ["", ""]
        elif reference.get("status") == "ok":
            ratio = (
                reference["seconds"] / result["seconds"]
                if result.get("status") == "ok" and result["seconds"] > 0
                else None
            )
            ref_cells = [_seconds(reference["seconds"]), "" if ratio is None else f"{ratio:,.1f}x"]
        else:
            ref_cells = [reference.get("status", "n/a"), ""]
        lines.append("| " + " | ".join([size, step, *cells, *ref_cells]) + " |")
    return "\n".join(lines)


def _collect(
    found: list[dict[str, Any]], into: dict[str, dict[str, Any]], notes: set[str], label: str
) -> None:
    """File a worker's results by step; its notes go under the table."""
    for result in found:
        if result["status"] == "note":
            notes.add(f"{label} {result['step']}: {result['detail']}")
        else:
            into[result["step"]] = result


def measure_size(
    size: tuple[str, int, int, int],
    workdir: Path,
    skip: set[str],
    args: argparse.Namespace,
    notes: set[str],
) -> list[tuple[str, str, dict[str, Any], dict[str, Any] | None]]:
    """Generate one size and run every worker on it; the table rows of that size (``notes``
    collects what the table should say under it)."""
    label, actors, projects, relations = size
    folder = workdir / f"eco-{label.replace('/', '-')}"
    if folder.exists():
        shutil.rmtree(folder)
    triple = (actors, projects, relations)
    results: dict[str, dict[str, Any]] = {}
    for kind in ("generate", "load", "validate", "analyze"):
        if kind in skip and kind != "generate":
            results.update({step: {"status": "skipped"} for step in WORKER_STEPS[kind]})
            continue
        print(f"[{label}] {kind} ...", file=sys.stderr, flush=True)
        found = run_worker(
            kind, folder, triple, args.seed, args.timeout, skip_render="render" in skip
        )
        _collect(found, results, notes, label)
    references: dict[str, dict[str, Any]] = {}
    if "reference" in skip:
        references = {s: {"status": "skipped"} for s in REFERENCE}
    elif actors + projects > args.reference_max_nodes:
        references = {
            s: {"status": f"skipped (> {args.reference_max_nodes:,} nodes)"} for s in REFERENCE
        }
    else:
        print(f"[{label}] networkx reference ...", file=sys.stderr, flush=True)
        _collect(
            run_worker("reference", folder, triple, args.seed, args.timeout),
            references,
            notes,
            f"{label} networkx",
        )
    size_label = f"{label} ({actors:,} a / {projects:,} p / {relations:,} r)"
    rows = []
    for step in STEPS:
        result = results.get(step, {"status": "n/a"})
        if result.get("status") != "skipped":  # asked for: leave the row out
            rows.append((size_label, step, result, references.get(step)))
    if args.workdir is None:
        shutil.rmtree(folder, ignore_errors=True)  # big sizes: free the disk as we go
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        default="1k,10k",
        help="comma-separated sizes: 1k, 10k, 100k, 1m or A/P/R (default: 1k,10k)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--reference-max-nodes",
        type=int,
        default=2000,
        help="run the networkx reference only up to this many nodes",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=1800,
        help="seconds allowed to each subprocess (default 1800)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the generated workspaces go (default: a temporary folder, removed at the end)",
    )
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated workers to skip: generate is always run; "
        "load, validate, analyze, render, reference",
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--workspace", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        _label, actors, projects, relations = parse_size(args.sizes)
        worker_main(args.worker, args.workspace, (actors, projects, relations), args.seed)
        return 0

    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="graphmap-bench-"))
    rows: list[tuple[str, str, dict[str, Any], dict[str, Any] | None]] = []
    description = machine()
    notes: set[str] = set()
    try:
        for size in sizes:
            rows.extend(measure_size(size, workdir, skip, args, notes))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"machine: {description}")
    print(table(rows))
    notes.update(
        f"{step}: {r.get('status')} ({r['detail']})"
        for _s, step, r, _ref in rows
        if r.get("status") not in ("ok", "skipped") and r.get("detail")
    )
    for note in sorted(notes):
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
