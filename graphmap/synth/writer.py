"""Stream a generated ecosystem to a CSV workspace folder, atomically.

The three files are written one after the other through :func:`graphmap.atomic.atomic_open`
(each under a temporary name in the folder), and renamed into place only once all three are
complete: an error or an interruption leaves the folder as it was, never a half-written
workspace.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

from graphmap.atomic import atomic_open
from graphmap.errors import GraphmapError
from graphmap.synth.ecosystem import ACTOR_HEADER, PROJECT_HEADER, RELATION_HEADER, Ecosystem
from graphmap.synth.relations import Row
from graphmap.synth.sizes import check_sizes

#: ``progress(step, done, total)``: called after each batch of rows; ``step`` is one of
#: ``actors``, ``projects``, ``relations``; ``done`` counts rows of every step so far and
#: ``total`` is the number of rows announced (actors + projects + relations asked).
Progress = Callable[[str, int, int], None]

#: Rows written (and reported to ``progress``) at a time.
BATCH = 8192


def write_workspace(
    out_dir: str | os.PathLike[str],
    actors: int,
    projects: int,
    relations: int,
    seed: int,
    *,
    progress: Progress | None = None,
) -> dict[str, int]:
    """Stream a generated ecosystem to ``actors.csv``, ``projects.csv``, ``relations.csv``.

    Rows are written as they are drawn (memory stays proportional to the number of actors
    and projects, never to the relations), UTF-8 without BOM, with the canonical headers of
    ``docs/workspace-format.md``. Each file is first written under a temporary name in
    ``out_dir``, and the three are renamed into place only once all are complete, so a
    failure never leaves a half-written workspace.

    Parameters
    ----------
    out_dir : path
        Folder to write into (created if missing); existing files of the same names are
        replaced, other files are left alone.
    actors, projects, relations, seed : int
        As for :func:`graphmap.synth.generate_dataset`.
    progress : callable, optional
        ``progress(step, done, total)``, see :data:`Progress`.

    Returns
    -------
    dict
        Rows written per table: ``{"actors": ..., "projects": ..., "relations": ...}``.

    Raises
    ------
    UsageError
        A bad size (:func:`graphmap.synth.check_sizes`), before anything is written.
    GraphmapError
        The folder or a file cannot be written (one line: path and reason).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_workspace(folder, 20, 5, 40, seed=1)
    {'actors': 20, 'projects': 5, 'relations': 40}
    >>> sorted(p.name for p in folder.iterdir())
    ['actors.csv', 'projects.csv', 'relations.csv']
    """
    sizes = check_sizes(actors, projects, relations, seed)
    eco = Ecosystem(sizes)
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GraphmapError(
            "error.write_failed", path=str(exc.filename or folder), detail=exc.strerror or exc
        ) from exc
    tables = (
        (folder / "actors.csv", ACTOR_HEADER, eco.actor_rows()),
        (folder / "projects.csv", PROJECT_HEADER, eco.project_rows()),
        (folder / "relations.csv", RELATION_HEADER, eco.relation_rows()),
    )
    total = sizes.actors + sizes.projects + sizes.relations
    counts: dict[str, int] = {}
    with ExitStack() as stack:
        # Opened last to first, so that once all are written they are renamed first to last.
        handles = {
            target: stack.enter_context(atomic_open(target)) for target, _, _ in reversed(tables)
        }
        done = 0
        for target, header, rows in tables:
            table = target.stem
            counts[table] = 0
            for batch_size in _write_csv(handles[target], target, header, rows):
                counts[table] += batch_size
                done += batch_size
                if progress is not None:
                    progress(table, done, total)
    return counts


def _write_csv(
    handle: TextIO, target: Path, header: Iterable[str], rows: Iterator[Row]
) -> Iterator[int]:
    """Write ``header`` then ``rows``, :data:`BATCH` rows at a time; yields the size of each
    batch once it is written. A failure names ``target``, the file being written."""
    try:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.writerows(batch)
                yield len(batch)
                batch = []
        if batch:
            writer.writerows(batch)
            yield len(batch)
    except OSError as exc:
        raise GraphmapError(
            "error.write_failed", path=str(target), detail=exc.strerror or exc
        ) from exc
