"""Numbers, sums of money and percentages for people, the same in every output (text,
Markdown and HTML reports, the map's panel).

French typography (Québec as elsewhere): a no-break space (U+00A0, as in the CLDR data of
``fr-CA``) groups thousands and comes before the dollar and percent signs, and the decimal
mark is a comma. English groups thousands with a comma and puts the dollar sign first.
"""

from __future__ import annotations

import math

__all__ = ["format_amount", "format_number", "format_percent"]

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


def format_percent(rate: float | None, lang: str, *, digits: int = 0) -> str:
    """A rate (``0.25`` is a quarter) as a percentage: ``25 %`` in French (a no-break space
    before the sign, as in CLDR ``fr-CA``), ``25%`` in English, ``—`` if undefined.

    >>> format_percent(0.25, "fr"), format_percent(0.125, "en", digits=1)
    ('25\\xa0%', '12.5%')
    >>> format_percent(None, "en")
    '—'
    """
    if rate is None or not math.isfinite(rate):
        return "—"
    number = format_number(round(rate * 100) if digits == 0 else rate * 100, lang, digits=digits)
    return f"{number}{_NBSP}%" if lang == "fr" else f"{number}%"
