"""Located problems found in a user's data: the Issue record and its rendering."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphmap.i18n import translate

__all__ = ["SHOWN_CHARS", "Issue", "Severity", "escape_controls", "shown"]

# What could break a one-line message or fool a terminal: C0 and C1 controls (tab, line
# breaks, ESC of OSC/CSI sequences, DEL), Unicode line and paragraph separators,
# bidirectional overrides, and lone surrogates (which no output encoding can write).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                      "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: A value echoed in a message is cut to this many characters (then "…").
SHOWN_CHARS = 80
# Parameters that name files or folders: escaped, never shortened (the user needs them whole).
_WHOLE = frozenset({"path", "folder", "where"})


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with control characters written as escapes (``\\n``, ``\\x1b``, ``\\u202e``),
    so that it stays on one line and cannot drive a terminal.

    >>> escape_controls("a\\nb\\x1b[31m"), escape_controls("Sainte-Adèle")
    ('a\\\\nb\\\\x1b[31m', 'Sainte-Adèle')
    """
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(_escape, text)


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """A value as echoed in a message: control characters escaped, cut to ``limit``
    characters with "…" so that the message stays one readable line.

    >>> shown("x" * 100)[-3:], len(shown("x" * 100))
    ('xx…', 80)
    >>> shown("ligne 1\\nligne 2")
    'ligne 1\\\\nligne 2'
    """
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return escape_controls(text)


def _shown_params(params: Mapping[str, Any]) -> dict[str, Any]:
    return {name: (value if not isinstance(value, str)
                   else escape_controls(value) if name in _WHOLE else shown(value))
            for name, value in params.items()}


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
        """The sentence in ``lang``, with its "did you mean" suggestion when there is one.

        Values from the user's data are shown escaped and shortened (see :func:`shown`), so
        the message is always one line."""
        text = translate(f"issue.{self.code}", lang, **_shown_params(self.params))
        # Nested clauses (a suggestion) render their own values: escape what they bring.
        return escape_controls(text)

    def location(self) -> str:
        parts = [escape_controls(self.file)]
        if self.row is not None:
            parts.append(str(self.row))
            if self.column is not None:
                parts.append(shown(self.column))
        return ":".join(parts)

    def format(self, lang: str) -> str:
        """``FILE:ROW:COLUMN: message`` (warnings are prefixed in the message)."""
        prefix = "" if self.is_error else translate("issue.warning_prefix", lang)
        return f"{self.location()}: {prefix}{self.message(lang)}"

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.row or 0, self.column or "", self.code)
