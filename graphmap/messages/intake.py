"""Messages of the intake area (issue 15, intake as people fill workbooks)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {}
