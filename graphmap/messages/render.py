"""Messages of the render area."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
