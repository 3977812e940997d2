"""Messages of reading and writing files safely: damaged input, resource limits, outputs."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
