"""Amounts, years and dates in the forms people type in a workbook, beyond the canonical ones.

``read_amount``, ``read_year`` and ``read_date`` accept what :mod:`graphmap.validation.values`
accepts, and more: ``10k``, ``1,5 M$``, ``5 000 $ CA``, ``2024-2025``, ``janvier 2024``,
``15/09/2024``. Each returns the value and, when the value was *interpreted* (an abbreviation
expanded, a period reduced to its first year, a day-first date that could be read the other
way), a :class:`Reading`: the code and parameters of the located warning that says so. Nothing
is read silently that a person could have meant otherwise.

>>> read_amount("1,5 M$")[0], read_year("2024-2025")[0], read_date("15/09/2024")[0][0]
(1500000.0, 2024, '2024-09-15')
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from graphmap.i18n import Message, format_count
from graphmap.schema import fold
from graphmap.validation.values import parse_date, parse_number, parse_year


@dataclass(frozen=True)
class Reading:
    """How a typed value was interpreted: the warning ``code`` and its message parameters
    (besides ``value``, the text as typed, which the rule adds)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


class ForeignCurrency(ValueError):
    """An amount in a currency other than the Canadian dollar (``currency``: its ISO code)."""

    def __init__(self, text: str, currency: str) -> None:
        super().__init__(text)
        self.currency = currency


# -- amounts ------------------------------------------------------------------------------------
# Currencies graphmap cannot count in: refused, never converted at a guessed rate.
_FOREIGN = re.compile(
    r"(?P<EUR>€|\bEUR\b|\beuros?\b)|(?P<USD>\bUSD\b|\bUS\s*\$|\$\s*US\b|\bU\.S\.)"
    r"|(?P<GBP>£|\bGBP\b)|(?P<CHF>\bCHF\b)", re.I)
# Canadian-dollar markers: they state the unit graphmap counts in, so dropping them guesses
# nothing (``5 000$ CAD``, ``5 000 $ CA``, ``CA$ 5000``, ``5000 dollars``).
_CAD_AFTER = re.compile(r"\s*(?:\$\s*(?:CAD|CA)?|CAD\s*\$?|CA\s*\$|C\$|dollars?(?:\s+canadiens)?"
                        r"|canadian\s+dollars?)$", re.I)
_CAD_BEFORE = re.compile(r"^(?:CAD|CA\$|C\$|\$)\s*", re.I)
# Abbreviated multiples: k (thousand), M (million), G or Md (milliard, a thousand million).
# "billion" is left out: a thousand million in English, a million million in French.
_MULTIPLE = re.compile(r"^(?P<number>.*?\d)\s*(?P<unit>k|K|M|G|Md|mille|millions?|milliards?)$")
_FACTORS = {"k": 1_000, "mille": 1_000, "m": 1_000_000, "million": 1_000_000,
            "millions": 1_000_000, "g": 1_000_000_000, "md": 1_000_000_000,
            "milliard": 1_000_000_000, "milliards": 1_000_000_000}


@dataclass(frozen=True)
class Quantity:
    """A number read from an abbreviation, as written in running text in each language
    (``1 500 000`` with no-break spaces in French, ``1,500,000`` in English: CLDR's).

    >>> Quantity(1_500_000.0).render("fr"), Quantity(2500.5).render("en")
    ('1\xa0500\xa0000', '2,500.5')
    """

    value: float

    def render(self, lang: str) -> str:
        return format_count(self.value, lang)


def read_amount(text: str) -> tuple[float, Reading | None]:
    """An amount in Canadian dollars: any number :func:`parse_number` reads, with Canadian
    dollar markers before or after it and an abbreviated multiple (``k``, ``M``, ``G`` or
    ``Md``, ``mille``, ``million``, ``milliard``), which gives the warning
    ``amount.abbreviated``.

    Raises :class:`ForeignCurrency` for an amount in euros, US dollars, pounds or francs,
    ``ValueError`` when it is not a number, ``OverflowError`` when it is too large to
    compute with.

    >>> read_amount("5 000$ CAD"), read_amount("12 500,00 $")
    ((5000.0, None), (12500.0, None))
    >>> amount, reading = read_amount("10 k$")
    >>> amount, reading.code
    (10000.0, 'amount.abbreviated')
    """
    if text.isascii() and text.isdigit():  # plain digits: no currency to look for
        return parse_number(text), None
    foreign = _FOREIGN.search(text)
    if foreign is not None and foreign.lastgroup is not None:
        raise ForeignCurrency(text, foreign.lastgroup)
    try:
        return parse_number(text), None  # every form accepted before stays as it was
    except ValueError:
        pass
    value = _CAD_BEFORE.sub("", _CAD_AFTER.sub("", text.strip())).strip()
    multiple = _MULTIPLE.fullmatch(value)
    if multiple is None:
        return parse_number(value), None
    unit = multiple["unit"]
    # "m" alone is not a million: metres, minutes; only a capital M is.
    factor = _FACTORS["m" if unit == "M" else unit.lower()]
    number = parse_number(multiple["number"])
    # Decimal keeps 1,1 M exactly 1 100 000 (a float product would give 1100000.0000000002).
    amount = float(Decimal(repr(number)) * factor)
    return amount, Reading("amount.abbreviated", {"amount": Quantity(amount)})


# -- years --------------------------------------------------------------------------------------
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212/"
_RANGE = re.compile(rf"([12]\d{{3}})\s*[{_DASHES}]\s*(\d{{4}}|\d{{2}})")


def _range_start(text: str) -> int | None:
    """The first year of a period ``2024-2025``, ``2024–2025``, ``2024/2025`` or the fiscal
    year ``2024-25``; ``None`` when ``text`` is no such period (``2025-2024``, ``2023-01``)."""
    found = _RANGE.fullmatch(text)
    if found is None:
        return None
    start, end = int(found[1]), found[2]
    if len(end) == 2:
        return start if int(end) == (start + 1) % 100 else None
    return start if start < int(end) < 3000 else None


def read_year(text: str) -> tuple[int, Reading | None]:
    """A year: ``2024`` (or ``2024.0``) as :func:`parse_year` reads it; a period
    (``2024-2025``, ``2024–25``), read as its first year with the warning ``year.range``;
    a date or a month in any form :func:`read_date` reads (``2024-09-15``, ``15/09/2024``,
    ``janvier 2024``), of which only the year is kept, with the warning ``year.from_date``.

    >>> read_year("2024")
    (2024, None)
    >>> [(year, reading.code) for year, reading in map(read_year, ["2024–2025", "sept. 2024"])]
    [(2024, 'year.range'), (2024, 'year.from_date')]
    """
    try:
        return parse_year(text), None
    except ValueError:
        pass
    value = text.strip()
    start = _range_start(value)
    if start is not None:
        return start, Reading("year.range", {"year": start})
    day = _calendar_date(value) or _month(value)
    if day is None:
        raise ValueError(text)
    return day.year, Reading("year.from_date", {"year": day.year})


# -- dates --------------------------------------------------------------------------------------
def _month_names() -> dict[str, int]:
    """Month names and abbreviations, folded, without their dot: CLDR's (through Babel) in
    Canadian French and English, and the short forms people also type (``fev``, ``sept``)."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for locale in ("fr_CA", "en_CA"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[fold(name).rstrip(".")] = number
    for number, short in enumerate(("jan", "fev", "mar", "avr", "mai", "jun", "juil", "aou",
                                    "sept", "oct", "nov", "dec"), start=1):
        names.setdefault(short, number)
    return names


_MONTHS = _month_names()
_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
# "15 septembre 2024", "1er mars 2024", "September 15, 2024", "sept. 2024" (folded: a_z only).
_WORDED = re.compile(r"(?:(\d{1,2})(?:er)?_)?([a-z]+)_(?:(\d{1,2})_)?(\d{4})")


@dataclass(frozen=True)
class Day:
    """A date in running text, in each language's long form (CLDR, through Babel).

    >>> Day(dt.date(2024, 4, 3)).render("fr"), Day(dt.date(2024, 4, 3)).render("en")
    ('3 avril 2024', 'April 3, 2024')
    >>> Day(dt.date(2024, 1, 1)).render("fr")
    '1er janvier 2024'

    """

    day: dt.date

    def render(self, lang: str) -> str:
        from babel.dates import format_date

        text = format_date(self.day, "long", locale="fr_CA" if lang == "fr" else "en_CA")
        if lang == "fr" and self.day.day == 1:
            return "1er" + text[1:]  # French writes the first of the month as an ordinal
        return text


def _calendar_date(value: str) -> dt.date | None:
    """A full date in one of the unambiguous or day-first forms, else ``None`` (no warning
    is decided here; :func:`_numeric_date` says when the order was a choice)."""
    numeric = _numeric_date(value)
    if numeric is not None:
        return numeric[0]
    return _worded_date(value, month_only=False)


def _numeric_date(value: str) -> tuple[dt.date, Reading | None] | None:
    """``2024/09/15``, ``2024.09.15``; ``15/09/2024`` (day first, the Québec norm); an
    order that could be read both ways is read day first, with the warning
    ``date.ambiguous``; ``09/15/2024``, where only month first makes a date, with
    ``date.month_first``."""
    found = _NUMERIC.fullmatch(value)
    if found is None:
        return None
    first, second, third = found[1], found[2], found[3]
    if len(first) == 4 and len(third) <= 2:
        day = _date_or_none(int(first), int(second), int(third))
        return None if day is None else (day, None)
    if len(third) != 4 or len(first) > 2:
        return None
    return _day_first(int(third), int(first), int(second))


def _day_first(year: int, a: int, b: int) -> tuple[dt.date, Reading | None] | None:
    """``a/b/year``: day first when it makes a date, month first when only that does."""
    day_first = _date_or_none(year, b, a)
    if a > 12 or a == b:
        return None if day_first is None else (day_first, None)
    if b > 12 or day_first is None:
        month_first = _date_or_none(year, a, b)
        if month_first is None:
            return None
        return month_first, Reading("date.month_first", {
            "month": b, "day": Day(month_first), "iso": month_first.isoformat()})
    other = dt.date(year, a, b)  # both numbers are at most 12: both orders are dates
    return day_first, Reading("date.ambiguous", {
        "day": Day(day_first), "iso": day_first.isoformat(),
        "other": Day(other), "other_iso": other.isoformat()})


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` when there is no such day or the year is not ``1000``–``2999``
    (the years :func:`parse_year` accepts)."""
    if not 1000 <= year <= 2999:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _worded_date(value: str, *, month_only: bool) -> dt.date | None:
    """A date with its month in words (``15 septembre 2024``, ``September 15, 2024``), or
    with ``month_only`` a month (``janvier 2024``, ``sept. 2024``) as its first day."""
    folded = fold(value.replace(".", " ").replace(",", " ")).strip("_")
    found = _WORDED.fullmatch(folded)
    if found is None or found[2] not in _MONTHS:
        return None
    day_text = found[1] or found[3]
    if (day_text is None) != month_only or (found[1] and found[3]):
        return None
    return _date_or_none(int(found[4]), _MONTHS[found[2]], int(day_text or 1))


def _month(value: str) -> dt.date | None:
    """The first day of a month written ``janvier 2024``, ``sept. 2024``, ``2024-09``,
    ``09/2024`` or ``2024/09``, else ``None``."""
    found = re.fullmatch(r"(\d{4})[/.\-](\d{1,2})|(\d{1,2})[/.\-](\d{4})", value)
    if found is not None:
        year, month = (found[1], found[2]) if found[1] else (found[4], found[3])
        return _date_or_none(int(year), int(month), 1)
    return _worded_date(value, month_only=True)


def read_date(text: str, *, end: bool = False
              ) -> tuple[tuple[str, dt.date, dt.date], Reading | None]:
    """A project date: what :func:`parse_date` reads (``2024-09-15``, ``2024``), and also
    ``2024/09/15``, ``15/09/2024`` (day first, the Québec norm), ``15 septembre 2024``,
    ``September 15, 2024`` (kept as ``YYYY-MM-DD``, no warning: nothing is guessed); an
    ambiguous day-first date (``03/04/2024``, warning ``date.ambiguous``); a month
    (``janvier 2024``: its first day, or with ``end`` its last day, warning ``date.month``);
    a period (``2024-2025``: its first year, warning ``date.range``).

    Returns ``((text kept, earliest day, latest day), reading)``.

    >>> read_date("15 septembre 2024")[0][0], read_date("2024/09/15")[1]
    ('2024-09-15', None)
    >>> (kept, _, _), reading = read_date("sept. 2024", end=True)
    >>> kept, reading.code
    ('2024-09-30', 'date.month')
    """
    try:
        return parse_date(text), None
    except ValueError:
        pass
    value = text.strip()
    numeric = _numeric_date(value)
    if numeric is not None:
        day, reading = numeric
        return (day.isoformat(), day, day), reading
    worded = _worded_date(value, month_only=False)
    if worded is not None:
        return (worded.isoformat(), worded, worded), None
    # A month before a period: "2011-12" is December 2011, "2024-25" the fiscal year.
    first = _month(value)
    if first is None:
        start = _range_start(value)
        if start is None:
            raise ValueError(text)
        return parse_date(str(start)), Reading("date.range", {"year": start})
    day = first.replace(day=calendar.monthrange(first.year, first.month)[1]) if end else first
    edge = Message("intake.month.last_day" if end else "intake.month.first_day")
    return (day.isoformat(), day, day), Reading("date.month", {
        "edge": edge, "day": Day(day), "iso": day.isoformat()})
