"""Scale benchmark of the library path: seconds and peak memory per size x step.

Usage::

    python benchmarks/bench_scale.py                     # 10k and 100k
    python benchmarks/bench_scale.py --sizes 10k,100k,1m --root /tmp/scale
    python benchmarks/bench_scale.py --sizes 100k --json-out   # also time the JSON report
    python benchmarks/bench_scale.py --agreement 20000   # top-20 brokers, sampled vs exact

A size ``Nk`` / ``Nm`` means N thousand / million actors, a quarter as many projects and
five relations per actor (issue 6). The workspace is generated once with
``graphmap generate`` (seed 1) under ``--root`` and reused. Each size runs in a fresh
subprocess of this script, which times:

- ``load``: ``load_workspace`` (read + validate the CSV files into a Dataset, one
  streaming pass);
- ``graph`` ... ``summary``: the steps of ``graphmap.analysis.pipeline.analyze`` through its
  ``progress(step, done, total)`` callback;
- ``json``: ``graphmap.render.json_report.render_json`` (the whole JSON report as text).

"peak" is the resident-set high-water mark (``VmHWM``) while the step ran (reset before
each step through ``/proc/self/clear_refs``), so it includes what earlier steps keep
alive; the last line gives the high-water mark of the whole process. The load average
of the machine (shared) is printed with each size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _parse_size(text: str) -> tuple[int, int, int]:
    text = text.strip().lower()
    if "/" in text:
        a, p, r = (int(x) for x in text.split("/"))
        return a, p, r
    factor = {"k": 1_000, "m": 1_000_000}[text[-1]]
    actors = int(float(text[:-1]) * factor)
    return actors, actors // 4, actors * 5


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        pass


class _Timer:
    """Collects (step, seconds, peak MB) from progress callbacks (done == 0 starts)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float]] = []
        self._open: dict[str, float] = {}
        self.process_peak = 0.0

    def start(self, step: str) -> None:
        self.process_peak = max(self.process_peak, _rss_mb("VmHWM"))
        _reset_peak()
        self._open[step] = time.perf_counter()

    def stop(self, step: str) -> None:
        began = self._open.pop(step, None)
        if began is None:
            return
        peak = _rss_mb("VmHWM")
        self.process_peak = max(self.process_peak, peak)
        self.rows.append((step, time.perf_counter() - began, peak))
        # Live, on stderr: a long size shows where it is.
        print(f"  {step:<14}{self.rows[-1][1]:>9.2f} s{peak:>9.0f} MB", file=sys.stderr,
              flush=True)

    def progress(self, step: str, done: int, total: int) -> None:
        if done == 0:
            self.start(step)
        elif done >= total:
            self.stop(step)


def _child(folder: str, with_json: bool) -> dict[str, Any]:
    """Run in the fresh subprocess: load, analyze, render JSON; return the timings."""
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    timer = _Timer()
    seen_load: list[str] = []

    def load_progress(step: str, done: int, total: int) -> None:
        seen_load.append(step)

    t0 = time.perf_counter()
    timer.start("load")
    dataset = load_workspace(folder, progress=load_progress)
    timer.stop("load")
    report = analyze(dataset, progress=timer.progress)
    if with_json:
        from graphmap.render.json_report import render_json

        timer.start("json")
        text = render_json(dataset, report, "en")
        timer.stop("json")
        json_mb = len(text.encode("utf-8")) / 1e6
    else:
        json_mb = None
    return {
        "rows": timer.rows, "total": time.perf_counter() - t0,
        "process_peak": max(timer.process_peak, _rss_mb("VmHWM")),
        "meta": {k: report.meta.get(k) for k in ("betweenness",)},
        "json_mb": json_mb, "load_steps": sorted(set(seen_load)),
        "counts": (len(dataset.actors), len(dataset.projects), len(dataset.relations)),
    }


def _agreement(nodes: int, seed: int) -> list[dict[str, Any]]:
    """Top-20 actors by sampled vs exact betweenness on a generated ecosystem of about
    ``nodes`` nodes of ``G_u`` (the largest size where exact betweenness is affordable),
    for the pivot counts the pipeline uses: the configured one, and what the work budget
    leaves at 100k actors."""
    from graphmap.analysis import kernel
    from graphmap.config import AnalysisConfig
    from graphmap.model.compiled import EcosystemGraph
    from graphmap.synth import generate_dataset

    actors = int(nodes * 0.8)
    ds = generate_dataset(actors, nodes - actors, actors * 5, seed)
    index = EcosystemGraph(ds)
    graph = index.igraph()
    config = AnalysisConfig()
    t0 = time.perf_counter()
    exact = kernel.betweenness(graph, exact_max_nodes=graph.vcount() + 1,
                               samples=config.betweenness_samples, seed=config.seed,
                               delta=config.betweenness_delta)
    t_exact = time.perf_counter() - t0
    na = index.actor_count

    def top(values: Any) -> set[int]:
        order = sorted(range(na), key=lambda i: (-values[i], index.ids[i]))
        return set(order[:20])

    at_100k = kernel.WORK_BUDGET // (125_000 + 500_000)
    rows = []
    for samples in (config.betweenness_samples, at_100k, 500):
        t0 = time.perf_counter()
        approx = kernel.betweenness(graph, exact_max_nodes=0, samples=samples,
                                    seed=config.seed, delta=config.betweenness_delta)
        rows.append({"nodes": graph.vcount(), "edges": graph.ecount(),
                     "agree": len(top(exact.values) & top(approx.values)),
                     "max_error": float(abs(approx.values - exact.values).max()),
                     "bound": approx.error_bound, "samples": approx.sample_size,
                     "t_exact": t_exact, "t_approx": time.perf_counter() - t0})
    return rows


def _ensure_workspace(root: Path, size: str) -> Path:
    actors, projects, relations = _parse_size(size)
    folder = root / size
    if not (folder / "relations.csv").exists():
        subprocess.run([sys.executable, "-m", "graphmap", "generate", "--actors", str(actors),
                        "--projects", str(projects), "--relations", str(relations),
                        "--seed", "1", "--force", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k")
    parser.add_argument("--root", default="/tmp/scale")
    parser.add_argument("--json-out", action="store_true",
                        help="also time the JSON report (render_json)")
    parser.add_argument("--agreement", type=int, default=0, metavar="NODES",
                        help="measure top-20 agreement sampled vs exact at this many nodes")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.json_out)))
        return 0
    if args.agreement:
        for result in _agreement(args.agreement, seed=1):
            print(f"top-20 agreement at {result['nodes']:,} nodes / {result['edges']:,} "
                  f"edges, {result['samples']} pivots: {result['agree']}/20; max |error| "
                  f"{result['max_error']:.4f} (bound {result['bound']:.4f}); exact "
                  f"{result['t_exact']:.1f} s, sampled {result['t_approx']:.1f} s")
        return 0
    root = Path(args.root)
    for size in args.sizes.split(","):
        folder = _ensure_workspace(root, size)
        load = os.getloadavg()[0]
        cmd = [sys.executable, __file__, "--child", str(folder)]
        if args.json_out:
            cmd.append("--json-out")
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        a, p, r = result["counts"]
        print(f"\n## {size}: {a:,} actors, {p:,} projects, {r:,} relations "
              f"(load average {load:.1f} at start, {os.getloadavg()[0]:.1f} at end)")
        print(f"{'step':<16}{'seconds':>10}{'peak MB':>10}")
        for step, seconds, peak in result["rows"]:
            print(f"{step:<16}{seconds:>10.2f}{peak:>10.0f}")
        print(f"{'total':<16}{result['total']:>10.2f}{result['process_peak']:>10.0f}")
        bet = result["meta"]["betweenness"] or {}
        if bet.get("approximate"):
            print(f"betweenness: sampled, {bet['sample_size']} pivots, error bound "
                  f"{bet['error_bound']:.4f} (delta {bet['delta']})")
        if result["json_mb"] is not None:
            print(f"JSON report: {result['json_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
