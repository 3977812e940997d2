"""Time ``graphmap push`` / ``pull`` of a seeded synthetic ecosystem against a real Neo4j.

Usage: python benchmarks/bench_neo4j.py [--actors 10000] [--projects 2500]
       [--relations 50000] [--seed 7] [--batch-size 10000] [--analysis] [--heap 1g]
       [--server-pid PID]

Uses the server named by ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when set (it
writes a workspace ``bench-...`` there and deletes it at the end); otherwise builds and
starts the test server of ``tests/neo4j`` (Maven, Java 17; ``--heap``, 1g by default as in
the tests) and stops it afterwards.

Prints one table: wall seconds, rows per second (nodes + relationships), this process's
CPU seconds and the server's (when it runs on this machine: the test server started here,
or ``--server-pid``) for the first push (everything created), a second push (nothing
changed: read and diff only), a push after editing 1% of the relations, a pull, and the
removal (``--replace`` with an empty workspace). ``--analysis`` also times ``analyze()``
and pushes its results. The header says whether the driver runs with its Rust extension
(``neo4j-rust-ext``), which packs and unpacks the rows several times faster than the
pure-Python driver, and the load average before and after: on a shared machine the CPU
seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import time

import _common

from graphmap.model.dataset import Dataset
from graphmap.neo4j.connection import Connection
from graphmap.neo4j.sync import BATCH_SIZE, pull, push
from graphmap.synth import generate_dataset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    _common.add_ecosystem_options(parser)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--analysis", action="store_true")
    parser.add_argument("--heap", default="1g", help="Java heap of the test server")
    parser.add_argument("--server-pid", type=int, default=None,
                        help="process id of the Neo4j server, to report its CPU time "
                             "(found by itself when this script starts the test server)")
    args = parser.parse_args()

    with _common.neo4j_connection(heap=args.heap) as (conn, where):
        run(args, conn, where)


def run(args: argparse.Namespace, conn: Connection, where: str) -> None:
    server_pid = args.server_pid or _common.server_pid()
    load_before = os.getloadavg()
    started = time.perf_counter()
    dataset = generate_dataset(args.actors, args.projects, args.relations, seed=args.seed)
    generated = time.perf_counter() - started
    workspace = f"bench-{args.actors}-{args.relations}-{args.seed}"
    rows = len(dataset.actors) + len(dataset.projects) + len(dataset.relations)
    report = None
    measures: list[tuple[str, float, str, float, float | None]] = [
        ("generate (in memory)", generated, "", 0.0, None)]
    if args.analysis:
        from graphmap.analysis.pipeline import analyze

        started = time.perf_counter()
        report = analyze(dataset)
        measures.append(("analyze()", time.perf_counter() - started, "", 0.0, None))

    def timed(label: str, action, count: int) -> object:  # type: ignore[no-untyped-def]
        server = _common.server_cpu(server_pid)
        begin, cpu = time.perf_counter(), time.process_time()
        result = action()
        seconds = time.perf_counter() - begin
        server_after = _common.server_cpu(server_pid)
        measures.append((label, seconds, f"{count / seconds:,.0f}" if count else "",
                         time.process_time() - cpu,
                         None if server is None or server_after is None
                         else server_after - server))
        return result

    push(Dataset(), conn, workspace, replace=True, batch_size=args.batch_size)  # clean slate
    first = timed("push (all created)", lambda: push(
        dataset, conn, workspace, report=report, batch_size=args.batch_size), rows)
    again = timed("push again (no change)", lambda: push(
        dataset, conn, workspace, report=report, batch_size=args.batch_size), rows)
    step = max(1, len(dataset.relations) // 100)
    edited_relations = tuple(
        dataclasses.replace(r, weight=r.weight + 1.0) if i % step == 0 else r
        for i, r in enumerate(dataset.relations))
    edited = dataclasses.replace(dataset, relations=edited_relations)
    changed = timed("push after editing 1% of relations", lambda: push(
        edited, conn, workspace, report=report, batch_size=args.batch_size), rows)
    back = timed("pull", lambda: pull(conn, workspace), rows)
    removed = timed("push --replace of an empty workspace (delete all)", lambda: push(
        Dataset(), conn, workspace, replace=True, batch_size=args.batch_size), rows)

    print(f"Neo4j push/pull benchmark: {len(dataset.actors):,} actors, "
          f"{len(dataset.projects):,} projects, {len(dataset.relations):,} relations "
          f"(seed {args.seed}), batch size {args.batch_size}, "
          f"analysis {'on' if args.analysis else 'off'}")
    print(f"Server: {where}")
    print(f"Driver: neo4j {_driver_version()}")
    print("Load average (1/5/15 min): before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} "
          "{:.2f}".format(*load_before, *os.getloadavg()))
    print()
    print(f"| {'step':<50} | {'wall s':>7} | {'rows/s':>9} | {'client CPU s':>12} "
          f"| {'server CPU s':>12} |")
    print(f"|{'-' * 52}|{'-' * 8}:|{'-' * 10}:|{'-' * 13}:|{'-' * 13}:|")
    for label, seconds, rate, cpu, server_cpu in measures:
        server_text = "" if server_cpu is None else f"{server_cpu:.2f}"
        print(f"| {label:<50} | {seconds:>7.2f} | {rate:>9} | {cpu:>12.2f} "
              f"| {server_text:>12} |")
    print()
    print(f"first push: {first.nodes} / {first.relationships}")  # type: ignore[attr-defined]
    print(f"push again changed anything: {again.changed}; server wrote: "  # type: ignore[attr-defined]
          f"{dict(again.server_counters)}")  # type: ignore[attr-defined]
    print(f"after edit: relationships {changed.relationships}")  # type: ignore[attr-defined]
    print(f"pull equals the pushed edit: {back == edited}")
    print(f"removed: {removed.nodes} / {removed.relationships}")  # type: ignore[attr-defined]


def _driver_version() -> str:
    """The driver's version, and whether its Rust extension is the one packing the rows."""
    import neo4j
    from neo4j._codec.packstream import v1

    rust = getattr(v1, "_rust_pack", None) is not None
    return f"{neo4j.__version__} ({'with' if rust else 'without'} neo4j-rust-ext)"


if __name__ == "__main__":
    main()
