"""Time ``graphmap analyze`` with the local engine and with ``--engine neo4j`` (GDS) on
seeded synthetic ecosystems, step by step.

Usage: python benchmarks/bench_engine.py [--sizes 10000:2500:50000,100000:25000:500000]
       [--seed 7] [--skip-local]

Uses the server named by ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when set
(writes workspaces ``bench-engine-...`` there and deletes them at the end); otherwise
builds and starts the test server of ``tests/neo4j`` (Maven, Java 17; 4 GB heap) and stops
it afterwards.

Prints one table: size × step with wall and CPU seconds (this process) for each engine, and
whether the reports agree (brokers top-20, gaps, fund/support/adopt opportunities;
collaborate pairs), plus the modularity of both partitions, the load average and the
server's CPU seconds (when the test server runs here). Since issue 16 the engine computes
sampled betweenness (above the exact limit) and the collaborate candidates locally, as the
local engine: only exact betweenness and the communities run in GDS.

The neo4j engine runs as ``graphmap analyze --engine neo4j`` does (``store``: the results
written onto the nodes). Its push runs in a thread while the analysis runs, so its
``push`` row is only what is left of it after the analysis (the push's end, then the
results added to the nodes); the line below the table gives the push's own wall time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common

from graphmap.analysis.pipeline import analyze
from graphmap.config import AnalysisConfig
from graphmap.model.dataset import Dataset
from graphmap.neo4j.engine import ENGINE_STEPS, analyze_in_neo4j
from graphmap.neo4j.sync import push
from graphmap.synth import generate_dataset


def timed(action: Callable[[], Any]) -> tuple[Any, float]:
    begin = time.perf_counter()
    value = action()
    return value, time.perf_counter() - begin


def modularity(dataset: Any, report: Any) -> float:
    import networkx as nx

    from graphmap.model.compiled import EcosystemGraph
    from graphmap.model.graph import to_networkx

    return float(nx.community.modularity(to_networkx(EcosystemGraph(dataset)),
                                         [set(c.members) for c in report.communities]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000:2500:50000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-local", action="store_true")
    parser.add_argument("--no-modularity", action="store_true",
                        help="skip the networkx modularity (slow above 100k nodes)")
    parser.add_argument("--server-pid", type=int, default=None,
                        help="process id of the Neo4j server of NEO4J_URI, for its CPU time")
    args = parser.parse_args()
    sizes = [tuple(int(x) for x in item.split(":")) for item in args.sizes.split(",")]

    with _common.neo4j_connection(heap="4g") as (conn, where):
        print(f"# Neo4j: {where}")
        for actors, projects, relations in sizes:
            run(conn, actors, projects, relations, args)


def run(conn: Any, actors: int, projects: int, relations: int,
        args: argparse.Namespace) -> None:
    dataset = generate_dataset(actors, projects, relations, seed=args.seed)
    config = AnalysisConfig(seed=args.seed)
    workspace = f"bench-engine-{actors}-{relations}-{args.seed}"
    label = f"{actors:,}/{projects:,}/{relations:,}"
    local_clock, remote_clock = _common.StepTimer(), _common.StepTimer()
    local = None
    local_total = float("nan")
    local_cpu = float("nan")
    if not args.skip_local:
        cpu_before = time.process_time()
        local, local_total = timed(lambda: analyze(dataset, config, progress=local_clock))
        local_cpu = time.process_time() - cpu_before
    load_before = os.getloadavg()
    server_pid = args.server_pid or _common.server_pid()
    server_before = _common.server_cpu(server_pid)
    cpu_before = time.process_time()
    with _push_clock() as pushed:
        remote, remote_total = timed(lambda: analyze_in_neo4j(
            dataset, conn, workspace, config, progress=remote_clock, store=True))
    remote_cpu = time.process_time() - cpu_before
    server_after = _common.server_cpu(server_pid)
    steps = list(ENGINE_STEPS)
    print(f"\n## {label} (actors/projects/relations), seed {args.seed}\n")
    print("| step | local wall (s) | local CPU (s) | neo4j engine wall (s) | "
          "neo4j engine CPU (s) |")
    print("|---|---:|---:|---:|---:|")

    def cell(clock: _common.StepTimer, step: str) -> str:
        wall, cpu = clock.seconds.get(step), clock.cpu.get(step)
        return "| |" if wall is None or cpu is None else f"{wall:.2f} | {cpu:.2f} |"
    for step in steps:
        print(f"| {step} | {cell(local_clock, step)} {cell(remote_clock, step)}")
    print(f"| **total** | {local_total:.2f} | {local_cpu:.2f} | {remote_total:.2f} | "
          f"{remote_cpu:.2f} |")
    server = ("?" if server_before is None or server_after is None
              else f"{server_after - server_before:.1f}")
    print(f"\nneo4j engine: its push's own wall time {pushed[0]:.2f} s (in a thread, "
          f"while the analysis ran); server CPU {server} s; load average "
          f"{load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    print(f"\nbetweenness meta (neo4j): {dict(remote.meta['betweenness'])}")
    if local is not None:
        top_l = [b.id for b in local.brokers[:20]]
        top_r = [b.id for b in remote.brokers[:20]]
        collab_l = {(o.source, o.target) for o in local.opportunities if o.kind == "collaborate"}
        collab_r = {(o.source, o.target) for o in remote.opportunities
                    if o.kind == "collaborate"}
        other_l = [o for o in local.opportunities if o.kind != "collaborate"]
        other_r = [o for o in remote.opportunities if o.kind != "collaborate"]
        print(f"broker top-20 overlap: {len(set(top_l) & set(top_r))}/20; "
              f"gaps equal: {local.gaps == remote.gaps}; "
              f"fund/support/adopt equal: {other_l == other_r}; "
              f"collaborate pairs equal: {collab_l == collab_r} "
              f"({len(collab_l & collab_r)}/{len(collab_l)})")
        if not args.no_modularity:
            print(f"modularity: local {modularity(dataset, local):.4f} "
                  f"({len(local.communities)} communities), neo4j "
                  f"{modularity(dataset, remote):.4f} ({len(remote.communities)})")
    push(Dataset(), conn, workspace, replace=True)  # removes the workspace's data


@contextmanager
def _push_clock() -> Iterator[list[float]]:
    """The wall seconds of each ``push`` the engine calls (it runs it in a thread)."""
    from graphmap.neo4j import sync

    seconds: list[float] = []
    original = sync.push

    def clocked(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds.append(time.perf_counter() - began)
    sync.push = clocked  # type: ignore[assignment]
    try:
        yield seconds
    finally:
        sync.push = original  # type: ignore[assignment]


if __name__ == "__main__":
    main()
