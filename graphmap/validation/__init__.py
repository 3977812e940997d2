"""Validation of a workspace's raw rows into a Dataset, with every located issue.

``validate_source`` runs the rules of ``graphmap.validation.rules`` over an open
``WorkspaceSource`` and returns the Dataset (or ``None`` when there is an error) and all
issues sorted by location.
"""

from __future__ import annotations

from graphmap.diagnostics import Issue
from graphmap.load import WorkspaceSource
from graphmap.model.dataset import Dataset
from graphmap.validation.rules import Progress, WorkspaceValidator

__all__ = ["WorkspaceValidator", "validate_source"]


def validate_source(source: WorkspaceSource, *, progress: Progress | None = None,
                    row_by_row: bool = False) -> tuple[Dataset | None, list[Issue]]:
    """Check every row of ``source``; the Dataset only when no error was found.

    ``progress(step, done, total)``, if given, hears ``("load", tables read, 3)`` as the
    rows stream by (see :data:`graphmap.validation.rules.Progress`). A CSV or xlsx table is
    checked a whole column at a time, the rows that fail row by row; ``row_by_row`` checks
    every row by the row rules alone (the reference: the same issues, Dataset and order)."""
    validator = WorkspaceValidator(progress, row_by_row=row_by_row)
    issues = _without_echoes(sorted(validator.run(source), key=Issue.sort_key))
    if validator.failed:
        return None, issues
    return validator.dataset(source.name, tuple(issues)), issues


def _without_echoes(issues: list[Issue]) -> list[Issue]:
    """Drop the "required value missing" that only repeats, for the same cell, that a
    workbook formula has no computed value (the formula's message says what to do)."""
    formulas = {(i.file, i.row, i.column) for i in issues if i.code == "xlsx.formula_no_value"}
    if not formulas:
        return issues
    return [i for i in issues
            if not (i.code == "value.missing" and (i.file, i.row, i.column) in formulas)]
