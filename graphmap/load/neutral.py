"""The formula-injection guard of CSV files, and how reading undoes it.

A spreadsheet program that opens a CSV file runs a cell starting with ``=``, ``+``, ``-``
or ``@`` (or a tab or carriage return before one) as a formula: ``=HYPERLINK(...)`` in an
actor's name would run on a colleague's computer. As OWASP recommends, graphmap's CSV
writer puts an apostrophe before such a cell, so the spreadsheet shows it as text.

The rule, chosen so that reading what graphmap wrote gives the same data back:

- writing: a cell that starts, after any spaces and apostrophes, with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return gets one more apostrophe in front
  (``=SUM(A1)`` -> ``'=SUM(A1)``, ``'=x`` -> ``''=x``);
- reading: a cell that starts with an apostrophe and then has that shape loses its first
  apostrophe (``'=SUM(A1)`` -> ``=SUM(A1)``); every other cell is read as is.

Since a cell of that shape keeps it with one more apostrophe in front,
``restore(protect(text)) == text`` for every text.
"""

from __future__ import annotations

import re

__all__ = ["protect", "restore"]

_NEEDS_GUARD = re.compile(r"[\s']*[=+\-@\t\r]")
_GUARDED = re.compile(r"'[\s']*[=+\-@\t\r]")


def protect(text: str) -> str:
    """``text`` as a CSV cell that no spreadsheet runs as a formula.

    >>> protect("=1+1"), protect("-5"), protect("'=x"), protect("Centre d'entraide")
    ("'=1+1", "'-5", "''=x", "Centre d'entraide")
    """
    return "'" + text if _NEEDS_GUARD.match(text) else text


def restore(text: str) -> str:
    """A cell as the user meant it: the writer's guard apostrophe removed.

    >>> restore("'=1+1"), restore("''=x"), restore("'quoted'"), restore("' @home")
    ('=1+1', "'=x", "'quoted'", ' @home')
    """
    return text[1:] if _GUARDED.match(text) else text
