"""Helpers to make located issues, and the "did you mean" clause that renders late."""

from __future__ import annotations

from typing import Any

from graphmap.diagnostics import Issue, Severity
from graphmap.i18n import LANGS, translate


class Suggestion(str):
    """A suggested value ("did you mean ...?") kept as plain text in ``Issue.params``.

    Formatted with a language as format spec (``{suggestion:fr}`` in a catalogue template)
    it renders the whole clause in that language, or nothing when there is no suggestion,
    so one template serves issues with and without a suggestion. ``french`` is the value
    to show in French (a vocabulary term's French name), when it differs.

    >>> f"unknown stage{Suggestion('appropriation'):en}"
    "unknown stage; did you mean 'appropriation'?"
    >>> f"unknown stage{Suggestion(''):en}"
    'unknown stage'
    """

    french: str

    def __new__(cls, text: str, french: str | None = None) -> Suggestion:
        obj = super().__new__(cls, text)
        obj.french = text if french is None else french
        return obj

    def __format__(self, spec: str) -> str:
        if spec in LANGS:
            if not self:
                return ""
            shown = self.french if spec == "fr" else str(self)
            return translate("validation.did_you_mean", spec, suggestion=shown)
        return str.__format__(str(self), spec)


class Choices(str):
    """The accepted values of a column: canonical codes as text, rendered in a language by
    format spec (``{accepted:fr}`` lists the French names).

    >>> f"{Choices(['public', 'private'], ['public', 'privé']):fr}"
    'public, privé'
    """

    french: str

    def __new__(cls, codes: list[str], french: list[str]) -> Choices:
        obj = super().__new__(cls, ", ".join(codes))
        obj.french = ", ".join(french)
        return obj

    def __format__(self, spec: str) -> str:
        if spec == "fr":
            return self.french
        return str.__format__(str(self), "" if spec in LANGS else spec)


def error(code: str, file: str, row: int | None = None, column: str | None = None, /,
          **params: Any) -> Issue:
    """An error at ``file:row:column`` (the workspace cannot be used until it is fixed)."""
    return Issue(code, Severity.ERROR, file, row, column, params)


def warning(code: str, file: str, row: int | None = None, column: str | None = None, /,
            **params: Any) -> Issue:
    """A warning at ``file:row:column`` (the workspace loads; the user should look)."""
    return Issue(code, Severity.WARNING, file, row, column, params)
