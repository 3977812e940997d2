"""What the benchmark scripts share: the checkout on ``sys.path``, the ecosystem options, a
step timer for ``analyze(progress=...)``, exact betweenness references cached on disk and a
Neo4j connection for the Neo4j benchmarks.

Importing this module puts the repository root first on ``sys.path``, so a script run as
``python benchmarks/NAME.py`` measures the checkout's graphmap, not an installed copy.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def add_ecosystem_options(parser: argparse.ArgumentParser) -> None:
    """``--actors --projects --relations --seed``: the synthetic ecosystem to measure."""
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--projects", type=int, default=2_500)
    parser.add_argument("--relations", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=7)


class StepTimer:
    """A ``progress(step, done, total)`` callback recording the wall time and the CPU time
    (user + sys of this process) of each step (from its ``done == 0`` call to its
    ``done >= total`` call; heartbeats in between are ignored). On a shared machine the CPU
    time is the steadier figure."""

    def __init__(self) -> None:
        self.started: dict[str, tuple[float, float]] = {}
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if done == 0:
            self.started[step] = (now, cpu)
        elif done >= total and step in self.started:
            began, cpu_began = self.started.pop(step)
            self.seconds[step] = now - began
            self.cpu[step] = cpu - cpu_began


#: Where exact betweenness references are kept between runs (``GRAPHMAP_BENCH_CACHE``).
CACHE = Path(os.environ.get("GRAPHMAP_BENCH_CACHE",
                            Path.home() / ".cache" / "graphmap-bench"))


def exact_betweenness(actors: int, projects: int, relations: int, seed: int, *,
                      compiled: Any = None, verbose: bool = True) -> tuple[Any, float]:
    """``(values, seconds)``: igraph's exact normalized betweenness of ``G_u`` for the
    ecosystem ``graphmap generate --actors A --projects P --relations R --seed S`` makes
    (node order of :class:`graphmap.model.compiled.EcosystemGraph`), and how long it took
    when it was computed.

    Exact betweenness costs O(nm): minutes at 100k actors, so each reference is computed
    once and kept in :data:`CACHE` under its sizes and seed, with a digest of the graph's
    edges (a changed generator or compiler gives a new reference, never a stale one).
    ``compiled`` is the graph if the caller has it already.
    """
    import numpy as np

    from graphmap.analysis import kernel

    if compiled is None:
        from graphmap.model.compiled import EcosystemGraph
        from graphmap.synth import generate_dataset

        compiled = EcosystemGraph(generate_dataset(actors, projects, relations, seed))
    digest = hashlib.sha256(np.ascontiguousarray(compiled.edges, dtype=np.int64).tobytes()
                            ).hexdigest()[:16]
    path = CACHE / f"exact-betweenness-{actors}-{projects}-{relations}-{seed}-{digest}.npz"
    if path.exists():
        with np.load(path) as cached:
            return cached["values"], float(cached["seconds"])
    if verbose:
        print(f"computing exact betweenness of {compiled.node_count:,} nodes (cached in "
              f"{path}) ...", file=sys.stderr, flush=True)
    graph = compiled.igraph()
    began = time.perf_counter()
    values = kernel.exact_betweenness(graph)
    seconds = time.perf_counter() - began
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp.npz")
    np.savez(partial, values=values, seconds=seconds)
    partial.replace(path)
    return values, seconds


@contextmanager
def neo4j_connection(**server_options: Any) -> Iterator[tuple[Any, str]]:
    """``(connection, where)``: the server of ``NEO4J_URI`` / ``NEO4J_USER`` /
    ``NEO4J_PASSWORD`` when set, else the test server of ``tests/neo4j`` built and started
    here (with ``server_options``, e.g. ``heap="4g"``) and stopped on exit."""
    from graphmap.neo4j.connection import Connection

    if os.environ.get("NEO4J_URI"):
        conn = Connection.from_env()
        yield conn, f"{conn.uri} (NEO4J_URI)"
        return
    sys.path.insert(0, str(ROOT / "tests" / "neo4j"))
    import neo4j_testserver

    build = neo4j_testserver.build()
    server = neo4j_testserver.start(**server_options)
    try:
        conn = Connection(uri=server.uri, user=server.user, password=server.password)
        yield conn, (f"test server {server.uri} (build {build:.1f} s, start "
                     f"{server.start_seconds:.1f} s)")
    finally:
        server.stop()


def server_pid() -> int | None:
    """The Java child of this process (the test server started by ``neo4j_connection``),
    if any."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        if int(rest.split()[1]) == os.getpid() and name.endswith("(java"):
            return int(stat.parent.name)
    return None


def server_cpu(pid: int | None) -> float | None:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
