"""The ecosystem as it stood in a given year, from the years written in the workspace.

Only relations and projects carry dates (``Relation.year``, ``Project.start`` and
``Project.end``); the rule of :func:`as_of` follows from that and is documented in
``docs/compare.md``:

- a project counts from its ``start`` year to its ``end`` year, both included; a missing
  ``start`` means "from the start", a missing ``end`` "still running";
- a relation counts from its ``year`` on (relations have no end); a relation with no year
  counts from the start; a relation to a project that does not count yet (or any more) does
  not count either;
- an actor counts in a year when one of its relations counts that year (so from its first
  one on, and no longer once its only ties were to projects that ended); an actor with no
  relation at all in the workspace counts every year (nothing dates it).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from graphmap.errors import UsageError
from graphmap.model.dataset import Dataset
from graphmap.model.records import Project
from graphmap.validation.values import parse_year

__all__ = ["as_of", "dated_years", "parse_as_of", "split_side"]

#: Between a workspace and its year in ``compare OLD NEW`` (``examples/laurentides@2023``).
YEAR_MARK = "@"


def parse_as_of(text: str, *, option: str = "--as-of") -> int:
    """The year of ``--as-of`` (or of a ``WS@YEAR`` side): four digits, or a usage error.

    >>> parse_as_of("2024"), parse_as_of(" 2024 ")
    (2024, 2024)
    >>> parse_as_of("last year")
    Traceback (most recent call last):
    ...
    graphmap.errors.UsageError: --as-of: 'last year' is not a year (four digits, such as 2024).
    """
    try:
        return parse_year(text)
    except ValueError:
        raise UsageError("compare.as_of.not_a_year", option=option, value=text) from None


def split_side(spec: str | os.PathLike[str]) -> tuple[Path, int | None]:
    """A side of ``compare``: ``WS`` or ``WS@YEAR`` as ``(path, year or None)``.

    A path that exists is taken whole, even if it holds an ``@``; otherwise the text after
    the last ``@`` must be a year.

    >>> split_side("examples/laurentides@2023")
    (PosixPath('examples/laurentides'), 2023)
    >>> split_side("examples/laurentides")
    (PosixPath('examples/laurentides'), None)
    >>> split_side("ws@hier")
    Traceback (most recent call last):
    ...
    graphmap.errors.UsageError: ws@hier: 'hier' is not a year (four digits, such as 2024).
    """
    text = os.fspath(spec)
    path, mark, year = text.rpartition(YEAR_MARK)
    if not mark or not path or Path(text).exists():
        return Path(text), None
    return Path(path), parse_as_of(year, option=text)


def _year_of(date: str | None) -> int | None:
    """The year of a project date as the loader keeps it (``YYYY`` or ``YYYY-MM-DD``)."""
    return int(date.split("-")[0]) if date else None


def dated_years(dataset: Dataset) -> tuple[int, ...]:
    """Every year written in ``dataset`` (relation years, project starts and ends), sorted,
    each once.

    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(actors=(Actor("a", "A", Sector.PUBLIC),),
    ...              projects=(Project("p", "P", Stage.EMERGENCE, start="2021-03-01"),),
    ...              relations=(Relation("a", "p", R.FUNDS, 10.0, 2023),))
    >>> dated_years(ds)
    (2021, 2023)
    """
    years = {r.year for r in dataset.relations if r.year is not None}
    for project in dataset.projects:
        years.update(y for y in (_year_of(project.start), _year_of(project.end)) if y is not None)
    return tuple(sorted(years))


def _project_counts(project: Project, year: int) -> bool:
    start, end = _year_of(project.start), _year_of(project.end)
    return (start is None or start <= year) and (end is None or end >= year)


def as_of(dataset: Dataset, year: int, *, workspace: str = "") -> Dataset:
    """``dataset`` as it stood in ``year`` (the rule is in the module's docstring).

    Records keep their input order and their provenance; ``warnings`` are the workspace's.

    Parameters
    ----------
    dataset
        A validated workspace with dates on some relations or projects.
    year
        The year to cut at.
    workspace
        How to name the workspace in the error (default: the dataset's name).

    Raises
    ------
    graphmap.errors.UsageError
        ``year`` comes before every dated record, or nothing in the workspace is dated
        (cutting it would change nothing, which is surely not what was meant).

    Examples
    --------
    >>> from graphmap.model.records import Actor, Relation
    >>> from graphmap.schema import RelationType as R, Sector, Stage
    >>> ds = Dataset(
    ...     actors=(Actor("a", "A", Sector.PUBLIC), Actor("b", "B", Sector.PRIVATE)),
    ...     projects=(Project("p", "P", Stage.EMERGENCE, start="2022"),
    ...               Project("q", "Q", Stage.EMERGENCE, start="2020", end="2021")),
    ...     relations=(Relation("a", "p", R.CARRIES), Relation("b", "p", R.FUNDS, 5.0, 2024),
    ...                Relation("a", "q", R.CARRIES)))
    >>> cut = as_of(ds, 2023)
    >>> [p.id for p in cut.projects], [(r.source, r.target) for r in cut.relations]
    (['p'], [('a', 'p')])
    >>> [a.id for a in cut.actors]
    ['a']
    >>> as_of(ds, 2019, workspace="ws")
    Traceback (most recent call last):
    ...
    graphmap.errors.UsageError: ws: 2019 comes before every date of the workspace (2020 to 2024).
    """
    years = dated_years(dataset)
    name = workspace or dataset.name
    if not years:
        raise UsageError("compare.as_of.undated", workspace=name, year=year)
    if year < years[0]:
        raise UsageError("compare.as_of.too_early", workspace=name, year=year,
                         first=years[0], last=years[-1])
    projects = tuple(p for p in dataset.projects if _project_counts(p, year))
    kept_projects = {p.id for p in projects}
    actor_ids = dataset.actor_by_id

    def counts(node: str) -> bool:
        return node in actor_ids or node in kept_projects

    relations = tuple(r for r in dataset.relations
                      if (r.year is None or r.year <= year)
                      and counts(r.source) and counts(r.target))
    tied = {node for r in relations for node in (r.source, r.target)}
    ever_tied = {node for r in dataset.relations for node in (r.source, r.target)}
    actors = tuple(a for a in dataset.actors if a.id in tied or a.id not in ever_tied)
    return replace(dataset, actors=actors, projects=projects, relations=relations)
