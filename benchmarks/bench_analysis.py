"""Time every step of ``graphmap.analysis.pipeline.analyze`` on a seeded synthetic ecosystem
and measure how well sampled betweenness (KADABRA) finds the top brokers of exact
betweenness.

Usage: python benchmarks/bench_analysis.py [--actors 10000] [--projects 2500]
       [--relations 50000] [--seed 7] [--no-exact] [--no-cli]

Prints a table of seconds per step, the whole ``graphmap analyze DIR --format json`` run
(load, validate, analyze, JSON) on the same ecosystem written as CSV (wall and CPU time of
the child process), then the reference cost (igraph exact betweenness and constraint alone,
timed in this run: the target of the whole run is a quarter of it) and the top-20
agreement with the exact values (kept in ``_common.CACHE`` for other runs). The machine
may be shared: compare numbers measured in the same run, and CPU times.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any

import _common
import numpy as np

from graphmap.analysis import kernel
from graphmap.analysis.pipeline import STEPS, analyze
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.synth import generate_dataset, write_workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    _common.add_ecosystem_options(parser)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--no-exact", action="store_true",
                        help="skip the exact-betweenness reference (saves ~15 s)")
    parser.add_argument("--no-cli", action="store_true",
                        help="skip the end-to-end `graphmap analyze --format json` run")
    args = parser.parse_args()

    t0 = time.perf_counter()
    dataset = generate_dataset(args.actors, args.projects, args.relations, args.seed)
    generate_s = time.perf_counter() - t0
    print(f"ecosystem: {len(dataset.actors)} actors, {len(dataset.projects)} projects, "
          f"{len(dataset.relations)} relations (generated in {generate_s:.2f} s, seed "
          f"{args.seed})")

    config = AnalysisConfig()
    timer = _common.StepTimer()
    t0, cpu0 = time.perf_counter(), time.process_time()
    report = analyze(dataset, config, progress=timer)
    total_s, total_cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(f"\n{'step':<16}{'seconds':>10}{'CPU s':>10}")
    for step in STEPS:
        print(f"{step:<16}{timer.seconds.get(step, 0.0):>10.3f}{timer.cpu.get(step, 0.0):>10.3f}")
    print(f"{'analyze (total)':<16}{total_s:>10.3f}{total_cpu:>10.3f}")
    meta = report.meta["betweenness"]
    print(f"\nbetweenness: {meta['method']} epsilon={meta.get('epsilon')} "
          f"delta={meta.get('delta')} error_bound={meta.get('error_bound')} "
          f"sample_size={meta.get('sample_size')} (load average {os.getloadavg()[0]:.1f})")
    print(f"opportunities: {len(report.opportunities)}, gaps: {len(report.gaps)}, "
          f"communities: {len(report.communities)}")

    if not args.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            write_workspace(folder, args.actors, args.projects, args.relations, args.seed)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "graphmap", "analyze", folder,
                            "--format", "json"], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            cli_s = time.perf_counter() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        print(f"graphmap analyze --format json (load, validate, analyze, JSON): "
              f"{cli_s:.3f} s wall, {cpu:.3f} s CPU")

    if not args.no_exact:
        reference(dataset, report, args)


def reference(dataset: Any, report: Any, args: argparse.Namespace) -> None:
    """Exact betweenness and constraint timed in this run, and the top brokers agreement."""
    compiled = EcosystemGraph(dataset)
    graph = compiled.igraph()
    cpu0, t0 = time.process_time(), time.perf_counter()
    exact = kernel.exact_betweenness(graph)
    exact_s, exact_cpu = time.perf_counter() - t0, time.process_time() - cpu0
    cpu0, t0 = time.process_time(), time.perf_counter()
    kernel.constraint(graph)
    constraint_s, constraint_cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(f"\nreference: igraph exact betweenness {exact_s:.3f} s ({exact_cpu:.3f} s CPU) + "
          f"constraint {constraint_s:.3f} s ({constraint_cpu:.3f} s CPU) = "
          f"{exact_s + constraint_s:.3f} s; target for the whole run: a quarter, "
          f"{(exact_s + constraint_s) / 4:.3f} s ({(exact_cpu + constraint_cpu) / 4:.3f} s CPU)")
    cached, _ = _common.exact_betweenness(args.actors, args.projects, args.relations,
                                          args.seed, compiled=compiled, verbose=False)
    if cached.tobytes() != exact.tobytes():
        print("note: the cached exact reference differs from this run's", file=sys.stderr)
    digest = hashlib.sha256(exact.tobytes()).hexdigest()[:12]

    actors = compiled.actor_count
    by_exact = np.lexsort((compiled.id_rank[:actors], -exact[:actors]))
    exact_top = {compiled.ids[i] for i in by_exact[:args.top].tolist()}
    sampled_top = [b.id for b in report.brokers[:args.top]]
    agree = len(exact_top & set(sampled_top))
    by_id = dict(zip(compiled.ids, exact.tolist(), strict=True))
    values = np.array([by_id[b.id] for b in report.brokers if b.betweenness is not None])
    estimates = np.array([b.betweenness for b in report.brokers if b.betweenness is not None])
    gap = exact[by_exact[args.top - 1]] - exact[by_exact[args.top]]
    print(f"top-{args.top} brokers: {agree}/{args.top} agree with exact betweenness "
          f"(exact {digest}); max |error| {np.max(np.abs(values - estimates)):.5f}; "
          f"exact gap between ranks {args.top} and {args.top + 1}: {gap:.2e}")


if __name__ == "__main__":
    main()
