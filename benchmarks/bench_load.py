"""Benchmark: load and validate a large CSV workspace (default 100,000 relation rows).

Usage: ``python benchmarks/bench_load.py [RELATIONS]``. Prints one table row per format
(CSV folder, JSON file, ``.xlsx`` workbook), and the CSV folder again checked by the row
rules alone (``row_by_row``, the reference of the fast clean path; it must give the same
Dataset). Not a test: numbers go in benchmarks/README.md.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from graphmap.collection import cycle_collection_paused
from graphmap.diagnostics import Issue
from graphmap.export import write_json, write_xlsx
from graphmap.load import limits_for, open_workspace
from graphmap.model.dataset import Dataset
from graphmap.schema import ACTOR_TO_ACTOR, ACTOR_TO_PROJECT, Sector, Stage
from graphmap.validation import validate_source
from graphmap.workspace import check_workspace


def make_workspace(folder: Path, relations: int, seed: int = 7) -> tuple[int, int]:
    """Write a synthetic valid CSV workspace; returns (actors, projects)."""
    rng = random.Random(seed)
    n_actors = max(10, relations // 10)
    n_projects = max(5, relations // 20)
    sectors = [s.value for s in Sector]
    stages = [s.label("fr") for s in Stage]
    with (folder / "actors.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("id,nom,secteur,type,territoire,portée,notes\n")
        for i in range(n_actors):
            out.write(f"a{i},Organisme {i},{rng.choice(sectors)},org,MRC {i % 8},locale,n{i}\n")
    with (folder / "projects.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("id,name,stage,theme,territory,start,end\n")
        for i in range(n_projects):
            out.write(f"p{i},Projet {i},{rng.choice(stages)},food;housing,MRC {i % 8},2021,"
                      f"2024-12-31\n")
    to_project = sorted(t.value for t in ACTOR_TO_PROJECT)
    to_actor = sorted(t.value for t in ACTOR_TO_ACTOR)
    with (folder / "relations.csv").open("w", encoding="utf-8", newline="") as out:
        out.write("source,target,type,amount,year,weight,kind\n")
        for i in range(relations):
            source = f"a{rng.randrange(n_actors)}"
            if i % 4:
                rtype = rng.choice(to_project)
                target = f"p{rng.randrange(n_projects)}"
            else:
                rtype = rng.choice(to_actor)
                target = f"a{rng.randrange(n_actors)}"
                if target == source:
                    target = f"a{(int(source[1:]) + 1) % n_actors}"
            amount = f'"{rng.randrange(1, 500)} 000 $"' if rtype == "funds" else ""
            year = 2015 + i % 10 if rtype == "funds" else ""
            out.write(f"{source},{target},{rtype},{amount},{year},,\n")
    return n_actors, n_projects


def _timed(path: Path, *, row_by_row: bool = False
           ) -> tuple[Dataset | None, list[Issue], float, float]:
    """``check_workspace(path)`` (or, ``row_by_row``, the same by the row rules alone): its
    Dataset and issues, wall and CPU seconds."""
    start, cpu = time.perf_counter(), time.process_time()
    if row_by_row:
        with cycle_collection_paused(), open_workspace(path, limits_for(path)) as source:
            dataset, issues = validate_source(source, row_by_row=True)
    else:
        dataset, issues = check_workspace(path)
    return dataset, list(issues), time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str]) -> int:
    relations = int(argv[0]) if argv else 100_000
    rows: list[tuple[str, int, int, int, float, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ws"
        folder.mkdir()
        n_actors, n_projects = make_workspace(folder, relations)
        dataset, issues, elapsed, cpu = _timed(folder)
        if dataset is None:
            print("\n".join(i.format("en") for i in issues[:20]), file=sys.stderr)
            return 1
        rows.append(("csv folder", n_actors, n_projects, len(dataset.relations), elapsed,
                     cpu, len(issues)))
        again, issues, elapsed, cpu = _timed(folder, row_by_row=True)
        if again != dataset:
            print("the row rules give another Dataset", file=sys.stderr)
            return 1
        rows.append(("csv by rows", n_actors, n_projects, len(dataset.relations), elapsed,
                     cpu, len(issues)))
        for name, label, write in (("ws.json", "json file", write_json),
                                   ("ws.xlsx", "xlsx book", write_xlsx)):
            path = write(dataset, Path(tmp) / name)
            again, issues, elapsed, cpu = _timed(path)
            if again != dataset:
                print(f"{label} round trip differs", file=sys.stderr)
                return 1
            rows.append((label, n_actors, n_projects, len(dataset.relations), elapsed,
                         cpu, len(issues)))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'format':<12} {'actors':>8} {'projects':>9} {'relations':>10} "
          f"{'wall (s)':>9} {'cpu (s)':>8} {'rows/s':>8} {'warnings':>9}")
    for name, actors, projects, count, seconds, cpu_seconds, warnings in rows:
        total = actors + projects + count
        print(f"{name:<12} {actors:>8} {projects:>9} {count:>10} {seconds:>9.2f} "
              f"{cpu_seconds:>8.2f} {total / seconds:>8.0f} {warnings:>9}")
    print(f"peak resident memory of the process: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
