"""Renderers of the analysis report, and the number and name formatting they share.

Every renderer is a pure function ``(dataset, report, lang, top) -> str``: the text, JSON
and Markdown reports live in ``terminal``, ``json_report`` and ``markdown``; the HTML map
and report in ``html_map`` and ``html_report``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from graphmap.analysis.report import Gap, Opportunity
from graphmap.model.dataset import Dataset

SEVERITIES: tuple[str, ...] = ("high", "medium", "low")
ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
OPPORTUNITY_KINDS: tuple[str, ...] = ("fund", "support", "adopt", "collaborate")

# French typography (Québec as elsewhere): a no-break space groups thousands and comes
# before the dollar sign, and the decimal mark is a comma.
_NBSP = "\u00a0"


def format_number(value: float | None, lang: str, *, digits: int = 3) -> str:
    """A measure for people: fixed ``digits`` decimals, the language's marks, ``—`` if undefined.

    >>> format_number(1234.5, "fr", digits=1), format_number(1234.5, "en", digits=1)
    ('1\\xa0234,5', '1,234.5')
    >>> format_number(None, "en"), format_number(7, "fr")
    ('—', '7')
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool):
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"
    if lang == "fr":
        text = text.replace(",", _NBSP).replace(".", ",")
    return text


def format_amount(value: float | None, lang: str) -> str:
    """A sum of money in dollars: ``12 500 $`` in French, ``$12,500`` in English.

    >>> format_amount(12500, "fr"), format_amount(12500.5, "en")
    ('12\\xa0500\\xa0$', '$12,500.50')
    """
    if value is None or not math.isfinite(value):
        return "—"
    whole = float(value).is_integer()
    number = format_number(int(value) if whole else float(value), lang, digits=2)
    return f"{number}{_NBSP}$" if lang == "fr" else f"${number}"


def node_name(dataset: Dataset, node_id: str | None) -> str:
    """The display name of an actor or project (its id if unknown), ``—`` for ``None``."""
    if node_id is None:
        return "—"
    return dataset.node_name(node_id)


def gaps_by_severity(gaps: Iterable[Gap]) -> dict[str, list[Gap]]:
    """Gaps grouped by severity, high first, each group keeping the report's order.

    Severities other than high, medium and low follow, in the order first seen.
    """
    groups: dict[str, list[Gap]] = {severity: [] for severity in SEVERITIES}
    for gap in gaps:
        groups.setdefault(gap.severity, []).append(gap)
    return {severity: items for severity, items in groups.items() if items}


def opportunities_by_kind(opportunities: Iterable[Opportunity]) -> dict[str, list[Opportunity]]:
    """Opportunities grouped by kind (fund, support, adopt, collaborate, then any other),
    each group keeping the report's ranked order: scores of different kinds do not compare.
    """
    groups: dict[str, list[Opportunity]] = {kind: [] for kind in OPPORTUNITY_KINDS}
    for opp in opportunities:
        groups.setdefault(opp.kind, []).append(opp)
    return {kind: items for kind, items in groups.items() if items}


def shown(items: Sequence[object], top: int | None) -> int:
    """How many of ``items`` a ``top``-limited view shows (``None``: all)."""
    return len(items) if top is None else min(len(items), max(top, 0))
