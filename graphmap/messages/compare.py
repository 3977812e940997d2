"""Messages of ``graphmap compare`` and ``--as-of``: what changed between two years."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
