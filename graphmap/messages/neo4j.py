"""Messages of the neo4j area."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
