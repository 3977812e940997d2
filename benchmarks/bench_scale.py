"""Scale benchmark of the library path: seconds and peak memory per size x step.

Usage::

    python benchmarks/bench_scale.py                     # 10k and 100k
    python benchmarks/bench_scale.py --sizes 10k,100k,1m --root /tmp/scale
    python benchmarks/bench_scale.py --sizes 100k --json-out   # also time the JSON report
    python benchmarks/bench_scale.py --agreement 10k,100k  # top-20 brokers, KADABRA vs exact

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
    """Collects (step, seconds, peak MB, CPU seconds) from progress callbacks (done == 0
    starts)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, float]] = []
        self._open: dict[str, tuple[float, float]] = {}
        self.process_peak = 0.0

    def start(self, step: str) -> None:
        self.process_peak = max(self.process_peak, _rss_mb("VmHWM"))
        _reset_peak()
        self._open[step] = (time.perf_counter(), time.process_time())

    def stop(self, step: str) -> None:
        began = self._open.pop(step, None)
        if began is None:
            return
        peak = _rss_mb("VmHWM")
        self.process_peak = max(self.process_peak, peak)
        self.rows.append((step, time.perf_counter() - began[0], peak,
                          time.process_time() - began[1]))
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

    t0, cpu0 = time.perf_counter(), time.process_time()
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
        "cpu": time.process_time() - cpu0,
        "process_peak": max(timer.process_peak, _rss_mb("VmHWM")),
        "meta": {k: report.meta.get(k) for k in ("betweenness",)},
        "json_mb": json_mb, "load_steps": sorted(set(seen_load)),
        "counts": (len(dataset.actors), len(dataset.projects), len(dataset.relations)),
    }


def _agreement(size: str, seed: int, epsilons: list[float]) -> list[dict[str, Any]]:
    """Top-20 actors by KADABRA vs exact betweenness on the ecosystem of ``size`` that
    ``graphmap generate --seed SEED`` makes, for each epsilon; the exact reference is
    computed once per size and seed and kept on disk (``_common.exact_betweenness``)."""
    import numpy as np

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import _common

    from graphmap.analysis import kernel
    from graphmap.config import AnalysisConfig
    from graphmap.model.compiled import EcosystemGraph
    from graphmap.synth import generate_dataset

    actors, projects, relations = _parse_size(size)
    compiled = EcosystemGraph(generate_dataset(actors, projects, relations, seed))
    exact, exact_seconds = _common.exact_betweenness(actors, projects, relations, seed,
                                                     compiled=compiled)
    graph, na = compiled.igraph(), compiled.actor_count
    config = AnalysisConfig()

    def ranking(values: Any) -> Any:
        return np.lexsort((compiled.id_rank[:na], -values[:na]))

    by_exact = ranking(exact)
    rows = []
    for epsilon in epsilons:
        cpu, began = time.process_time(), time.perf_counter()
        approx = kernel.betweenness(graph, exact_max_nodes=0, epsilon=epsilon,
                                    delta=config.betweenness_delta, seed=config.seed,
                                    edges=compiled.edges)
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        by_approx = ranking(approx.values)
        rows.append({"size": size, "seed": seed, "nodes": graph.vcount(),
                     "edges": graph.ecount(), "epsilon": epsilon,
                     "agree": len(set(by_exact[:20].tolist()) & set(by_approx[:20].tolist())),
                     "agree10": len(set(by_exact[:10].tolist())
                                    & set(by_approx[:10].tolist())),
                     "max_error": float(abs(approx.values - exact).max()),
                     "bound": approx.error_bound, "samples": approx.sample_size,
                     "gap": float(exact[by_exact[19]] - exact[by_exact[20]]),
                     "t_exact": exact_seconds, "t_approx": wall, "cpu_approx": cpu})
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
    parser.add_argument("--agreement", default="", metavar="SIZES",
                        help="top-20 agreement of KADABRA vs exact betweenness at these sizes")
    parser.add_argument("--seeds", default="1", help="generator seeds of --agreement")
    parser.add_argument("--epsilons", default="0.01,0.005",
                        help="KADABRA epsilons of --agreement")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.json_out)))
        return 0
    if args.agreement:
        print("| size | seed | epsilon | top-20 | top-10 | max abs error | bound | exact gap 20/21 "
              "| paths | KADABRA s (CPU) | exact s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in args.agreement.split(","):
            for seed in (int(x) for x in args.seeds.split(",")):
                for row in _agreement(size, seed, [float(x) for x in args.epsilons.split(",")]):
                    print(f"| {row['size']} | {row['seed']} | {row['epsilon']} | "
                          f"{row['agree']}/20 | {row['agree10']}/10 | {row['max_error']:.5f} | "
                          f"{row['bound']:.5f} | {row['gap']:.1e} | {row['samples']:,} | "
                          f"{row['t_approx']:.2f} ({row['cpu_approx']:.2f}) | "
                          f"{row['t_exact']:.0f} |", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f}")
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
        print(f"{'step':<16}{'seconds':>10}{'peak MB':>10}{'CPU s':>10}")
        for step, seconds, peak, cpu in result["rows"]:
            print(f"{step:<16}{seconds:>10.2f}{peak:>10.0f}{cpu:>10.2f}")
        print(f"{'total':<16}{result['total']:>10.2f}{result['process_peak']:>10.0f}"
              f"   ({result['cpu']:.2f} s CPU, user + sys of the process)")
        bet = result["meta"]["betweenness"] or {}
        if bet.get("approximate"):
            print(f"betweenness: {bet['method']}, {bet['sample_size']:,} paths, epsilon "
                  f"{bet['epsilon']}, error bound {bet['error_bound']:.5f} (delta "
                  f"{bet['delta']})")
        if result["json_mb"] is not None:
            print(f"JSON report: {result['json_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
