"""Time every step of ``graphmap.analysis.pipeline.analyze`` on a seeded synthetic ecosystem
and measure how well sampled betweenness finds the top brokers of exact betweenness.

Usage: python benchmarks/bench_analysis.py [--actors 10000] [--projects 2500]
       [--relations 50000] [--seed 7] [--no-exact] [--no-cli]

Prints a table of seconds per step, the whole ``graphmap analyze DIR --format json`` run
(load, validate, analyze, JSON) on the same ecosystem written as CSV, then the reference
cost (igraph exact betweenness and constraint alone, the target of the whole run) and the
top-20 agreement. The machine may be shared: compare numbers measured in the same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time

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
                        help="skip the exact-betweenness reference (saves ~7 s)")
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
    t0 = time.perf_counter()
    report = analyze(dataset, config, progress=timer)
    total_s = time.perf_counter() - t0
    print(f"\n{'step':<16}{'seconds':>10}")
    for step in STEPS:
        print(f"{step:<16}{timer.seconds.get(step, 0.0):>10.3f}")
    print(f"{'analyze (total)':<16}{total_s:>10.3f}")
    meta = report.meta["betweenness"]
    print(f"\nbetweenness: approximate={meta['approximate']} "
          f"sample_size={meta.get('sample_size')} error_bound={meta.get('error_bound')}")
    print(f"opportunities: {len(report.opportunities)}, gaps: {len(report.gaps)}, "
          f"communities: {len(report.communities)}")

    if not args.no_cli:
        with tempfile.TemporaryDirectory() as folder:
            write_workspace(folder, args.actors, args.projects, args.relations, args.seed)
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "graphmap", "analyze", folder,
                            "--format", "json"], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            cli_s = time.perf_counter() - t0
        print(f"graphmap analyze --format json (load, validate, analyze, JSON): "
              f"{cli_s:.3f} s")

    if args.no_exact:
        return
    compiled = EcosystemGraph(dataset)
    graph, order = compiled.igraph(), compiled.ids
    t0 = time.perf_counter()
    exact = kernel.betweenness(graph, exact_max_nodes=graph.vcount() + 1,
                               samples=config.betweenness_samples, seed=config.seed,
                               delta=config.betweenness_delta)
    exact_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    kernel.constraint(graph)
    constraint_s = time.perf_counter() - t0
    print(f"\nreference: igraph exact betweenness {exact_s:.3f} s + constraint "
          f"{constraint_s:.3f} s = {exact_s + constraint_s:.3f} s (target for the whole run)")

    actor_ids = {a.id for a in dataset.actors}
    by_id = dict(zip(order, exact.values, strict=True))
    exact_top = sorted(actor_ids, key=lambda v: (-by_id[v], v))[:args.top]
    sampled_top = [b.id for b in report.brokers[:args.top]]
    agree = len(set(exact_top) & set(sampled_top))
    values = np.array([by_id[b.id] for b in report.brokers if b.betweenness is not None])
    estimates = np.array([b.betweenness for b in report.brokers if b.betweenness is not None])
    print(f"top-{args.top} brokers: {agree}/{args.top} agree with exact betweenness; "
          f"max |error| {np.max(np.abs(values - estimates)):.5f}")


if __name__ == "__main__":
    main()
