"""A generated ecosystem in memory, as the :class:`~graphmap.model.dataset.Dataset` a loader
would read back from the files :func:`~graphmap.synth.write_workspace` writes."""

from __future__ import annotations

from collections.abc import Sequence

from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import Category, RelationType, Scope, Sector, Stage
from graphmap.synth.ecosystem import Ecosystem
from graphmap.synth.sizes import check_sizes


def generate_dataset(actors: int, projects: int, relations: int, seed: int) -> Dataset:
    """Generate an ecosystem in memory (fine up to about 100,000 actors).

    Parameters
    ----------
    actors, projects, relations : int
        Sizes: at least one actor and one project; ``relations`` rows in total (a little
        fewer only in tiny ecosystems where some roles find no fitting actor).
    seed : int
        Non-negative seed; the same arguments always give the same ecosystem.

    Returns
    -------
    Dataset
        Equal to ``load_workspace`` of what :func:`~graphmap.synth.write_workspace` writes
        with the same arguments.

    Raises
    ------
    UsageError
        A bad size (:func:`~graphmap.synth.check_sizes`).

    Examples
    --------
    >>> ds = generate_dataset(200, 50, 1000, seed=7)
    >>> len(ds.actors), len(ds.projects), len(ds.relations)
    (200, 50, 1000)
    >>> ds.actors[0].id, ds.projects[0].id
    ('a000001', 'p000001')
    """
    eco = Ecosystem(check_sizes(actors, projects, relations, seed))
    return Dataset(
        actors=tuple(_actor_record(row) for row in eco.actor_rows()),
        projects=tuple(_project_record(row) for row in eco.project_rows()),
        relations=tuple(_relation_record(row) for row in eco.relation_rows()),
        name=f"synthetic-{actors}-{projects}-{relations}-{seed}",
    )


# Records from rows: exactly what a loader reads back from the CSV cells.


def _opt(cell: str) -> str | None:
    return cell or None


def _actor_record(row: Sequence[str]) -> Actor:
    return Actor(
        id=row[0],
        name=row[1],
        sector=Sector(row[2]),
        type=_opt(row[3]),
        category=Category(row[4]),
        territory=_opt(row[5]),
        scope=Scope(row[6]),
    )


def _project_record(row: Sequence[str]) -> Project:
    themes = tuple(t.strip() for t in row[3].split(";") if t.strip())
    return Project(
        id=row[0],
        name=row[1],
        stage=Stage(row[2]),
        themes=themes,
        territory=_opt(row[4]),
        start=_opt(row[5]),
        end=_opt(row[6]),
    )


def _relation_record(row: Sequence[str]) -> Relation:
    return Relation(
        source=row[0],
        target=row[1],
        type=RelationType(row[2]),
        amount=float(row[3]) if row[3] else None,
        year=int(row[4]) if row[4] else None,
        weight=float(row[5]) if row[5] else 1.0,
        kind=_opt(row[6]),
    )
