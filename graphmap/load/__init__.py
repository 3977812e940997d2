"""Readers of a workspace (CSV folder, ``.xlsx`` workbook, ``.json`` file) into raw rows.

``open_workspace`` picks the reader from the path and returns the three tables as lazy
``RawTable`` objects plus the issues of tables that cannot be found. Nothing here knows
the typed records: validation turns raw rows into them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graphmap.diagnostics import Issue
from graphmap.errors import UsageError
from graphmap.load.limits import DEFAULT_LIMITS, Limits, limits_for
from graphmap.load.raw import RawRow, RawTable

__all__ = ["Limits", "RawRow", "RawTable", "WorkspaceSource", "limits_for", "open_workspace",
           "workspace_kind"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass
class WorkspaceSource:
    """The tables of one workspace as read, and the issues of those that are missing."""

    name: str
    kind: str  # "folder", "xlsx" or "json"
    tables: dict[str, RawTable] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)


def workspace_kind(path: str | os.PathLike[str]) -> str:
    """``folder``, ``xlsx`` or ``json``; a path graphmap cannot read is a ``UsageError``."""
    target = Path(path)
    if not target.exists():
        raise UsageError("validation.path_missing", path=str(target))
    if target.is_dir():
        return "folder"
    suffix = target.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return "xlsx"
    if suffix == ".json":
        return "json"
    if suffix == ".xls":
        raise UsageError("validation.path_xls", path=str(target))
    if suffix == ".csv":
        raise UsageError("validation.path_csv", path=str(target),
                         folder=str(target.parent))
    raise UsageError("validation.path_unsupported", path=str(target))


@contextlib.contextmanager
def open_workspace(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS
                   ) -> Iterator[WorkspaceSource]:
    """Open a workspace for reading; its tables' rows are read lazily inside the block.

    ``limits`` bound what is read (``graphmap.load.limits``); sizes are checked before a byte
    is parsed.
    """
    target = Path(path)
    kind = workspace_kind(target)
    name = target.resolve().name if kind == "folder" else target.stem
    if kind == "folder":
        from graphmap.load.csv_folder import read_csv_folder

        tables, issues = read_csv_folder(target, limits)
        yield WorkspaceSource(name, kind, tables, issues)
    elif kind == "xlsx":
        from graphmap.load.xlsx_book import XlsxWorkbook

        with XlsxWorkbook(target, limits) as book:
            tables, issues = book.tables()
            yield WorkspaceSource(name, kind, tables, issues)
    else:
        from graphmap.load.json_file import read_json_workspace

        tables, issues = read_json_workspace(target, limits)
        yield WorkspaceSource(name, kind, tables, issues)
