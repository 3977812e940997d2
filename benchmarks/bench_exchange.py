"""Benchmark: ``graphmap export`` and ``graphmap import`` on a large ecosystem.

Usage::

    python benchmarks/bench_exchange.py [DIR] [--actors 100000] [--seed 1] [--layout-up-to N]

``DIR`` is a workspace folder; when it does not exist it is generated first, as
``graphmap generate --actors N --seed S DIR`` does (100,000 actors, 25,000 projects and
500,000 relations by default). The script then times, in one process as the commands run
them: loading the workspace, the analysis, the map's styles (colours and sizes; positions
only up to ``--layout-up-to`` nodes, graphmap.exchange.style.LAYOUT_UP_TO by default), and
for each of GEXF, GraphML and Kumu the export (write) and the import (read + validation),
checking that the import gives the same Dataset. Peak memory is ``ru_maxrss`` of the
process. Not a test: numbers go in the README.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: F401  (puts the checkout first on sys.path)


def _timed(label: str, rows: list[tuple[str, float, str]], call: Callable[[], Any],
           note: Callable[[Any], str] = lambda _: "") -> Any:
    start = time.perf_counter()
    result = call()
    seconds = time.perf_counter() - start
    rows.append((label, seconds, note(result)))
    print(f"{label:<28} {seconds:8.1f} s  {note(result)}", flush=True)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workspace", nargs="?", type=Path, default=None)
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--layout-up-to", type=int, default=None)
    options = parser.parse_args(argv)

    from graphmap.analysis.pipeline import analyze
    from graphmap.config import load_config
    from graphmap.exchange import exchange_graph, import_dataset, write_export
    from graphmap.exchange.style import LAYOUT_UP_TO, map_styles
    from graphmap.workspace import load_workspace

    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = options.workspace or Path(tmp) / "ws"
        if not folder.exists():
            import subprocess

            _timed("generate", rows, lambda: subprocess.run(
                [sys.executable, "-m", "graphmap", "generate", "--actors", str(options.actors),
                 "--seed", str(options.seed), str(folder)], check=True))
        dataset = _timed("load workspace", rows, lambda: load_workspace(folder),
                         lambda d: f"{len(d.actors)} actors, {len(d.projects)} projects, "
                                   f"{len(d.relations)} relations")
        config = load_config(None, workspace=folder)
        report = _timed("analyze", rows, lambda: analyze(dataset, config))
        limit = LAYOUT_UP_TO if options.layout_up_to is None else options.layout_up_to
        styles = _timed("map styles", rows,
                        lambda: map_styles(dataset, report, seed=config.seed,
                                           layout_up_to=limit),
                        lambda s: "with positions" if next(iter(s.values())).x is not None
                        else f"no positions (> {limit} nodes)")
        for fmt, suffix in (("gexf", ".gexf"), ("graphml", ".graphml"), ("kumu", ".json")):
            graph = exchange_graph(dataset, report, lang="fr",
                                   styles=None if fmt == "kumu" else styles)
            path = Path(tmp) / f"export{suffix}"
            _timed(f"export {fmt}", rows, lambda g=graph, f=fmt, p=path: write_export(g, f, p),
                   lambda p: f"{p.stat().st_size / 1e6:.0f} MB")
            imported, _issues = _timed(f"import {fmt}", rows,
                                       lambda f=fmt, p=path: import_dataset(p, f),
                                       lambda r: f"{len(r[1])} issues")
            if imported != dataset:
                print(f"{fmt}: the import differs from the workspace", file=sys.stderr)
                return 1
            path.unlink()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
