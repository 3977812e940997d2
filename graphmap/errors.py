"""The exceptions graphmap raises for a user's mistake; each renders in French or English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graphmap.diagnostics import Issue, escape_controls
from graphmap.i18n import translate


class GraphmapError(Exception):
    """Base of every error a user can cause. The CLI prints it in one line, no traceback.

    ``key`` names a message of the catalogue; ``params`` fill it.
    """

    exit_code = 1

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str) -> str:
        """The message in ``lang``; text parameters (paths, values) are shown with their
        control characters escaped, so the message stays one line."""
        return translate(self.key, lang, **{
            name: escape_controls(value) if isinstance(value, str) else value
            for name, value in self.params.items()})


class UsageError(GraphmapError):
    """A wrong option or argument (exit status 2)."""

    exit_code = 2


class InputError(GraphmapError):
    """The workspace cannot be read at all (missing file, unreadable workbook, ...)."""


class ValidationFailed(GraphmapError):
    """The workspace was read but holds errors; ``issues`` lists every one of them.
    ``workspace``: the path it was read from (the command line names it in the count of
    warnings it does not print, ``graphmap validate WORKSPACE``)."""

    def __init__(self, issues: Sequence[Issue], workspace: str | None = None) -> None:
        self.issues = tuple(issues)
        self.workspace = workspace
        errors = sum(1 for i in self.issues if i.is_error)
        super().__init__("error.validation_failed", count=errors)


class ConfigError(GraphmapError):
    """A ``graphmap.toml`` that cannot be used."""


class Neo4jSyncError(GraphmapError):
    """Neo4j could not be reached or refused the operation."""
