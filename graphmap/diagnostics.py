"""Located problems found in a user's data: the Issue record and its rendering."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmap.i18n import translate


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Issue:
    """One problem in the input, with a stable ``code`` and where it is.

    ``file`` is what the user opens (``actors.csv``, ``book.xlsx[actors]``); ``row`` is the
    row number as a spreadsheet shows it (header = 1); ``column`` is the header as the user
    wrote it. The message is a catalogue key plus parameters, rendered in either language.
    """

    code: str
    severity: Severity
    file: str
    row: int | None = None
    column: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str) -> str:
        """The sentence in ``lang``, with its "did you mean" suggestion when there is one."""
        return translate(f"issue.{self.code}", lang, **self.params)

    def location(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
            if self.column is not None:
                parts.append(self.column)
        return ":".join(parts)

    def format(self, lang: str) -> str:
        """``FILE:ROW:COLUMN: message`` (warnings are prefixed in the message)."""
        prefix = "" if self.is_error else translate("issue.warning_prefix", lang)
        return f"{self.location()}: {prefix}{self.message(lang)}"

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.row or 0, self.column or "", self.code)
