"""Numbers, sums of money, percentages and the words of codes for people, the same in every
output (text, Markdown and HTML reports, the brief, the action list, the map's panel).

Every format comes from Babel's CLDR data for ``fr-CA`` and ``en-CA``, not hand-written
rules: French groups thousands with a no-break space (U+00A0 in ``fr-CA``), writes a decimal
comma and puts the dollar and percent signs after a no-break space (``12 500 $``, ``25 %``);
Canadian English groups with a comma and puts the dollar sign first (``$12,500``, ``25%``).
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal
from typing import Any

from graphmap.i18n import LOCALES, has_message, translate

__all__ = ["babel_locale", "evidence_strength", "format_amount", "format_number",
           "format_percent", "opportunity_kind"]



@functools.cache
def babel_locale(lang: str) -> Any:
    """The Babel ``Locale`` of ``lang`` (``fr`` is ``fr_CA``; anything else ``en_CA``)."""
    from babel import Locale

    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


@functools.cache
def _pattern(lang: str, kind: str, digits: int) -> str:
    """The locale's decimal/percent/currency pattern with exactly ``digits`` decimals."""
    locale = babel_locale(lang)
    source = {"decimal": locale.decimal_formats, "percent": locale.percent_formats,
              "currency": locale.currency_formats}[kind]
    pattern = str(source[None if kind != "currency" else "standard"].pattern)
    integer_part = "#,##0" + ("." + "0" * digits if digits else "")
    for decimals in ("#,##0.###", "#,##0.00", "#,##0"):
        if decimals in pattern:
            return pattern.replace(decimals, integer_part, 1)
    return pattern


def _finite(value: float | None) -> bool:
    return value is not None and not (isinstance(value, float) and not math.isfinite(value))


def format_number(value: float | None, lang: str, *, digits: int = 3) -> str:
    """A measure for people: a whole number grouped by thousands, any other number with
    fixed ``digits`` decimals, the language's marks; ``—`` if undefined.

    >>> format_number(1234.5, "fr", digits=1), format_number(1234.5, "en", digits=1)
    ('1\\xa0234,5', '1,234.5')
    >>> format_number(None, "en"), format_number(7, "fr"), format_number(0.365, "fr")
    ('—', '7', '0,365')
    """
    if value is None or not _finite(value):
        return "—"
    from babel.numbers import format_decimal

    if isinstance(value, bool):
        value = int(value)
    places = 0 if isinstance(value, int) else digits
    number = Decimal(value) if isinstance(value, int) else Decimal(float(value))
    return str(format_decimal(number, format=_pattern(lang, "decimal", places),
                              locale=babel_locale(lang)))


def format_amount(value: float | None, lang: str) -> str:
    """A sum of money in dollars: ``12 500 $`` in French, ``$12,500`` in English; cents only
    when there are some.

    >>> format_amount(12500, "fr"), format_amount(12500.5, "en")
    ('12\\xa0500\\xa0$', '$12,500.50')
    """
    if value is None or not _finite(value):
        return "—"
    from babel.numbers import format_currency

    whole = float(value).is_integer()
    number = Decimal(int(value)) if whole else Decimal(float(value))
    return str(format_currency(number, "CAD", format=_pattern(lang, "currency", 0 if whole else 2),
                               currency_digits=False, locale=babel_locale(lang)))


def format_percent(rate: float | None, lang: str, *, digits: int = 0) -> str:
    """A rate (``0.25`` is a quarter) as a percentage: ``25 %`` in French (a no-break space
    before the sign, as in CLDR ``fr-CA``), ``25%`` in English, ``—`` if undefined.

    >>> format_percent(0.25, "fr"), format_percent(0.125, "en", digits=1)
    ('25\\xa0%', '12.5%')
    >>> format_percent(None, "en")
    '—'
    """
    if rate is None or not _finite(rate):
        return "—"
    from babel.numbers import format_percent as babel_percent

    return str(babel_percent(Decimal(float(rate)), format=_pattern(lang, "percent", digits),
                             locale=babel_locale(lang)))


def opportunity_kind(kind: str, lang: str) -> str:
    """The verb of an opportunity kind in ``lang`` (``fund`` → ``financer``), or the code
    itself for a kind the catalogue does not name.

    >>> opportunity_kind("fund", "fr"), opportunity_kind("other", "fr")
    ('financer', 'other')
    """
    key = f"render.opp_kind_{kind}"
    return translate(key, lang) if has_message(key) else kind


def evidence_strength(evidence: str, lang: str) -> str:
    """An opportunity's evidence in words (``strong`` → ``preuves solides``...), or the code
    itself for one the catalogue does not name."""
    key = f"analysis.evidence.{evidence}"
    return translate(key, lang) if has_message(key) else evidence
