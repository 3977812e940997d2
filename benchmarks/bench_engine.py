"""Time ``graphmap analyze`` with the local engine and with ``--engine neo4j`` (GDS) on
seeded synthetic ecosystems, step by step.

Usage: python benchmarks/bench_engine.py [--sizes 10000:2500:50000,100000:25000:500000]
       [--seed 7] [--skip-local]

Uses the server named by ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when set
(writes workspaces ``bench-engine-...`` there and deletes them at the end); otherwise
builds and starts the test server of ``tests/neo4j`` (Maven, Java 17; 4 GB heap) and stops
it afterwards.

Prints one table: size × step with seconds for each engine (the neo4j engine's ``push``
includes the diff; ``store`` is the second push that writes the results onto the nodes),
and whether the reports agree (brokers top-20, gaps, fund/support/adopt opportunities;
collaborate pairs), plus the modularity of both partitions. Since issue 16 the engine
computes sampled betweenness (above the exact limit) and the collaborate candidates
locally, as the local engine: only exact betweenness and the communities run in GDS.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
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
    if not args.skip_local:
        local, local_total = timed(lambda: analyze(dataset, config, progress=local_clock))
    remote, remote_total = timed(lambda: analyze_in_neo4j(
        dataset, conn, workspace, config, progress=remote_clock, store=False))
    steps = list(ENGINE_STEPS)
    print(f"\n## {label} (actors/projects/relations), seed {args.seed}\n")
    print("| step | local (s) | neo4j engine (s) |")
    print("|---|---:|---:|")
    for step in steps:
        lo = local_clock.seconds.get(step)
        re = remote_clock.seconds.get(step)
        print(f"| {step} | {'' if lo is None else f'{lo:.2f}'} | "
              f"{'' if re is None else f'{re:.2f}'} |")
    print(f"| **total** | {local_total:.2f} | {remote_total:.2f} |")
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


if __name__ == "__main__":
    main()
