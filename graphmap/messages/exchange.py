"""Messages of ``graphmap export`` and ``graphmap import``: Gephi, Kumu and 360Giving files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
