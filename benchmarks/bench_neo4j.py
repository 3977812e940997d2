"""Time ``graphmap push`` / ``pull`` of a seeded synthetic ecosystem against a real Neo4j.

Usage: python benchmarks/bench_neo4j.py [--actors 10000] [--projects 2500]
       [--relations 50000] [--seed 7] [--batch-size 10000] [--analysis] [--heap 1g]

Uses the server named by ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` when set (it
writes a workspace ``bench-...`` there and deletes it at the end); otherwise builds and
starts the test server of ``tests/neo4j`` (Maven, Java 17; ``--heap``, 1g by default as in
the tests) and stops it afterwards.

Prints one table: seconds and rows per second (nodes + relationships) for the first push
(everything created), a second push (nothing changed: read and diff only), a push after
editing 1% of the relations, a pull, and the removal (``--replace`` with an empty
workspace). ``--analysis`` also times ``analyze()`` and pushes its results. The header
says whether the driver runs with its Rust extension (``neo4j-rust-ext``), which packs and
unpacks the rows several times faster than the pure-Python driver.
"""

from __future__ import annotations

import argparse
import dataclasses
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
    args = parser.parse_args()

    with _common.neo4j_connection(heap=args.heap) as (conn, where):
        run(args, conn, where)


def run(args: argparse.Namespace, conn: Connection, where: str) -> None:
    started = time.perf_counter()
    dataset = generate_dataset(args.actors, args.projects, args.relations, seed=args.seed)
    generated = time.perf_counter() - started
    workspace = f"bench-{args.actors}-{args.relations}-{args.seed}"
    rows = len(dataset.actors) + len(dataset.projects) + len(dataset.relations)
    report = None
    measures: list[tuple[str, float, str]] = [("generate (in memory)", generated, "")]
    if args.analysis:
        from graphmap.analysis.pipeline import analyze

        started = time.perf_counter()
        report = analyze(dataset)
        measures.append(("analyze()", time.perf_counter() - started, ""))

    def timed(label: str, action, count: int) -> object:  # type: ignore[no-untyped-def]
        begin = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - begin
        measures.append((label, seconds, f"{count / seconds:,.0f}" if count else ""))
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
    print()
    print(f"| {'step':<50} | {'seconds':>8} | {'rows/s':>9} |")
    print(f"|{'-' * 52}|{'-' * 10}|{'-' * 11}|")
    for label, seconds, rate in measures:
        print(f"| {label:<50} | {seconds:>8.2f} | {rate:>9} |")
    print()
    print(f"first push: {first.nodes} / {first.relationships}")  # type: ignore[attr-defined]
    print(f"push again changed anything: {again.changed}")  # type: ignore[attr-defined]
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
