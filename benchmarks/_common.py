"""What the benchmark scripts share: the checkout on ``sys.path``, the ecosystem options, a
step timer for ``analyze(progress=...)`` and a Neo4j connection for the Neo4j benchmarks.

Importing this module puts the repository root first on ``sys.path``, so a script run as
``python benchmarks/NAME.py`` measures the checkout's graphmap, not an installed copy.
"""

from __future__ import annotations

import argparse
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
    """A ``progress(step, done, total)`` callback recording the wall time of each step
    (from its ``done == 0`` call to its ``done >= total`` call; heartbeats in between are
    ignored)."""

    def __init__(self) -> None:
        self.started: dict[str, float] = {}
        self.seconds: dict[str, float] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if done == 0:
            self.started[step] = now
        elif done >= total and step in self.started:
            self.seconds[step] = now - self.started.pop(step)


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
