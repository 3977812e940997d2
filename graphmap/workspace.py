"""Load a workspace (CSV folder, ``.xlsx`` workbook or ``.json`` file) into a validated Dataset."""

from __future__ import annotations

import os

from graphmap.collection import cycle_collection_paused
from graphmap.diagnostics import Issue
from graphmap.errors import ValidationFailed
from graphmap.load import Limits, limits_for, open_workspace, workspace_kind
from graphmap.model.dataset import Dataset
from graphmap.validation import validate_source
from graphmap.validation.rules import Progress

__all__ = ["check_workspace", "load_workspace"]


def check_workspace(path: str | os.PathLike[str], *, progress: Progress | None = None,
                    limits: Limits | None = None) -> tuple[Dataset | None, list[Issue]]:
    """Read and validate the workspace at ``path``; report every issue.

    Parameters
    ----------
    path
        A folder holding ``actors.csv``, ``projects.csv`` and ``relations.csv``, an
        ``.xlsx`` workbook or a ``.json`` file (docs/workspace-format.md §1).
    progress
        Optional ``progress(step, done, total)``: ``("load", 0, 3)`` at the start, then
        ``("load", tables read, 3)`` every 100,000 rows and after each table; the last
        call is ``("load", 3, 3)``.
    limits
        How much to read before refusing (``graphmap.load.limits.Limits``); by default the
        ``[limits]`` of the ``graphmap.toml`` beside the data, else the documented defaults.

    Returns
    -------
    tuple
        The Dataset (``None`` when there is at least one error) and every issue, errors
        and warnings, sorted by location.

    Raises
    ------
    graphmap.errors.UsageError
        The path does not exist or is not a kind of workspace graphmap reads.
    graphmap.errors.InputError
        The workspace cannot be opened at all (unreadable file, broken workbook), or is
        larger than a limit checked before reading (``input_bytes``, ``xlsx_bytes``).
    graphmap.errors.ConfigError
        The ``[limits]`` table of ``graphmap.toml`` is not valid.
    """
    if limits is None:
        workspace_kind(path)  # a path that is not a workspace is said first
        limits = limits_for(path)
    # Reading a large workspace makes over a million records and strings, none of them in
    # a cycle: the collector's full passes over them would find nothing (graphmap.collection).
    with cycle_collection_paused(), open_workspace(path, limits) as source:
        return validate_source(source, progress=progress)


def load_workspace(path: str | os.PathLike[str], *, progress: Progress | None = None,
                   limits: Limits | None = None) -> Dataset:
    """The validated Dataset of the workspace at ``path``; its ``warnings`` list the rest.

    ``progress`` and ``limits`` are as for :func:`check_workspace`. Reading streams: a CSV
    or xlsx table is validated 100,000 rows at a time, a whole column per check (the rows
    that fail by the row rules, docs/architecture.md "Loading"), a JSON file row by row,
    and only the typed records are kept.

    Raises
    ------
    graphmap.errors.ValidationFailed
        The workspace holds at least one error; ``issues`` lists every issue found.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.csv").write_text("id,name,sector\\na1,Centre,community\\n")
    >>> _ = (folder / "projects.csv").write_text("id,nom,étape\\np1,Cuisine,Émergence\\n")
    >>> _ = (folder / "relations.csv").write_text("source,target,type\\na1,p1,porte\\n")
    >>> ds = load_workspace(folder)
    >>> ds.projects[0].stage, ds.relations[0].type
    (<Stage.EMERGENCE: 'emergence'>, <RelationType.CARRIES: 'carries'>)
    """
    dataset, issues = check_workspace(path, progress=progress, limits=limits)
    if dataset is None:
        raise ValidationFailed(issues, workspace=os.fspath(path))
    return dataset
