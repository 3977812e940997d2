"""Messages of the text, JSON and Markdown reports."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {}
