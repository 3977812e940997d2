"""Messages of the generate area."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
