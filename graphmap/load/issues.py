"""Helpers to make located issues, and the "did you mean" clause that renders late."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphmap.diagnostics import Issue, Severity
from graphmap.i18n import EMPTY, Localized, Message, format_count
from graphmap.schema import Vocabulary


def did_you_mean(value: str | Localized | None) -> Localized:
    """The "did you mean ...?" clause for a close match, or nothing when there is none, so one
    template (``...{suggestion}``) serves issues with and without a suggestion.

    >>> from graphmap.i18n import translate
    >>> translate("issue.stage.unknown", "en", value="apropriation", accepted="...",
    ...           suggestion=did_you_mean("appropriation"))
    "unknown stage 'apropriation'; did you mean 'appropriation'? (accepted: ...)"
    >>> did_you_mean("").render("en"), did_you_mean(None).render("fr")
    ('', '')
    """
    if not value:
        return EMPTY
    return Message("validation.did_you_mean", {"suggestion": value})


@dataclass(frozen=True)
class Term:
    """A vocabulary value as a user types it: its canonical code in English (what the English
    headers and examples use), its French name in French.

    >>> from graphmap.schema import Stage
    >>> Term(Stage.EMERGENCE).render("en"), Term(Stage.EMERGENCE).render("fr")
    ('emergence', 'émergence')
    """

    member: Vocabulary

    def render(self, lang: str) -> str:
        return self.member.label("fr") if lang == "fr" else str(self.member.value)


@dataclass(frozen=True)
class Accepted:
    """The accepted values of a vocabulary column, as :class:`Term` s separated by commas.

    >>> from graphmap.schema import Scope
    >>> Accepted(Scope).render("fr")
    'locale, régionale, provinciale, nationale'
    """

    vocabulary: type[Vocabulary]

    def render(self, lang: str) -> str:
        return ", ".join(Term(member).render(lang) for member in self.vocabulary)


@dataclass(frozen=True)
class Number:
    """A count or a limit as written in running text: ``10,000,000`` in English,
    ``10 000 000`` in French (no-break spaces: CLDR's ``fr-CA``, as every report writes
    numbers).

    >>> Number(10_000_000).render("en"), Number(131_072).render("fr")
    ('10,000,000', '131\xa0072')
    """

    value: int

    def render(self, lang: str) -> str:
        return format_count(self.value, lang)


def error(code: str, file: str, row: int | None = None, column: str | None = None, /,
          **params: Any) -> Issue:
    """An error at ``file:row:column`` (the workspace cannot be used until it is fixed)."""
    return Issue(code, Severity.ERROR, file, row, column, params)


def warning(code: str, file: str, row: int | None = None, column: str | None = None, /,
            **params: Any) -> Issue:
    """A warning at ``file:row:column`` (the workspace loads; the user should look)."""
    return Issue(code, Severity.WARNING, file, row, column, params)
