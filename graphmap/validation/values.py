"""Parsers of the typed values of a workspace: numbers as people type them, years, dates.

Each parser returns the value or raises ``ValueError``; the rules turn that into a
located issue.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

# Spaces people and spreadsheets put inside numbers: ordinary, no-break, narrow no-break,
# thin, figure spaces.
_SPACES = re.compile(r"[ \u00a0\u202f\u2009\u2007]+")
_CURRENCY = re.compile(r"^(?:\$|CAD|CA\$|C\$|€|EUR)\s*|\s*(?:\$|CAD|CA\$|C\$|€|EUR)$", re.I)
_PLAIN = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+")
_COMMA_DECIMAL = re.compile(r"\d+,\d+")
_GROUPED = {
    " ": re.compile(r"\d{1,3}(?: \d{3})+"),
    ",": re.compile(r"\d{1,3}(?:,\d{3})+"),
    ".": re.compile(r"\d{1,3}(?:\.\d{3})+"),
}
_YEAR = re.compile(r"[12]\d{3}")

#: The largest amount graphmap accepts: 10^15 $ (a million billion). Totals of millions of
#: amounts then stay exact to the dollar and far from overflowing.
MAX_AMOUNT = 1e15
#: The largest weight graphmap accepts (a weight says how strong a tie is, relative to 1).
MAX_WEIGHT = 1e9
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MINUS = ("-", "\u2212", "\u2013")


def parse_number(text: str) -> float:
    """A number as typed in English or French, with an optional currency sign.

    Accepted: ``12500``, ``12 500`` (ordinary, no-break or narrow no-break space),
    ``12 500,50``, ``12,500.50``, ``12.500,50``, ``12500.5``, ``12 500 $``, ``1e5``.
    With a single separator, a comma followed by exactly three digits groups thousands
    (``12,500`` is 12500) and otherwise marks decimals (``12,5`` is 12.5). Negative numbers
    parse (``-5``, ``(5)``) so the caller can say "negative" rather than "not a number".
    A number too large to compute with (``1e400``, a thousand digits) raises
    ``OverflowError``, so the caller can say "too large".

    >>> parse_number("12 500,50"), parse_number("12,500.50"), parse_number("12\u202f500 $")
    (12500.5, 12500.5, 12500.0)
    >>> parse_number("12,5"), parse_number("12,500"), parse_number("-3")
    (12.5, 12500.0, -3.0)
    """
    if text.isascii() and text.isdigit():  # most cells: plain digits, nothing to take off
        number = float(text)
        if not math.isfinite(number):
            raise OverflowError(text)
        return number
    value = text.strip()
    sign = 1.0
    if value.startswith("(") and value.endswith(")"):
        sign, value = -1.0, value[1:-1].strip()
    value = _CURRENCY.sub("", value).strip()
    if value.startswith(_MINUS):
        sign, value = -sign, value[1:].strip()
    elif value.startswith("+"):
        value = value[1:].strip()
    value = _CURRENCY.sub("", value).strip()
    number = _unsigned(_SPACES.sub(" ", value))
    if not math.isfinite(number):
        raise OverflowError(text)  # a number, too large for any computation
    return sign * number


def _unsigned(value: str) -> float:
    if _PLAIN.fullmatch(value):
        return float(value)  # most cells: plain digits, no locale needed
    if _LOCALE_SHAPED.fullmatch(value):
        number = _in_a_locale(value)
        if number is not None:
            return float(number)
    return _by_hand(value)


# Digits with spaces, commas or dots between them: what a locale can write.
_LOCALE_SHAPED = re.compile(r"\d(?:[\d ,.]*\d)?")


def _in_a_locale(value: str) -> Decimal | None:
    """``value`` as Canadian English or Canadian French write numbers, or ``None``.

    Babel's CLDR data, not hand-written rules, says how each locale writes a number
    (en-CA groups with commas and marks decimals with a dot, fr-CA groups with a no-break
    space and marks decimals with a comma), and its strict mode refuses misplaced groups
    (``1,2,3``), so the two forms Québec users type are read the way their spreadsheet
    writes them. en-CA is tried first so that ``12,500`` stays 12500; a comma followed by
    exactly three digits groups thousands before fr-CA could read it as decimals
    (``0,500`` is 500, as documented).
    """
    try:
        return parse_decimal(value, locale="en_CA", strict=True)
    except NumberFormatError:
        pass
    if _GROUPED[","].fullmatch(value):
        return None  # the documented rule of _by_hand: thousands
    try:
        return parse_decimal(value.replace(" ", "\u00a0"), locale="fr_CA", strict=True)
    except NumberFormatError:
        return None


def _by_hand(value: str) -> float:
    """The forms no locale writes but spreadsheets produce: thousands grouped by dots
    (``1.250.000``, ``12.500,50``), a space-grouped integer with a decimal point
    (``12 500.5``)."""
    integer, decimals = value, ""
    comma, dot = value.rfind(","), value.rfind(".")
    if comma >= 0 and dot >= 0:
        point = max(comma, dot)
        integer, decimals = value[:point], value[point + 1:]
        group = "." if point == comma else ","
        if not decimals.isdigit() or not _grouped(integer, group):
            raise ValueError(value)
        return float(f"{integer.replace(group, '').replace(' ', '')}.{decimals}")
    if comma >= 0:
        if _GROUPED[","].fullmatch(value):
            return float(value.replace(",", ""))
        head, _, decimals = value.rpartition(",")
        if not decimals.isdigit() or not _grouped(head, None):
            raise ValueError(value)
        return float(f"{head.replace(' ', '')}.{decimals}")
    if " " in value:
        head, _, tail = value.partition(".")
        if not _GROUPED[" "].fullmatch(head) or (tail and not tail.isdigit()):
            raise ValueError(value)
        return float(head.replace(" ", "") + (f".{tail}" if tail else ""))
    if _GROUPED["."].fullmatch(value) and value.count(".") > 1:
        return float(value.replace(".", ""))
    raise ValueError(value)


def _grouped(integer: str, group: str | None) -> bool:
    """Whether the integer part is plain digits or digits grouped by thousands."""
    if integer.isdigit():
        return True
    if " " in integer and _GROUPED[" "].fullmatch(integer):
        return True
    return group is not None and bool(_GROUPED[group].fullmatch(integer))


def parse_year(text: str) -> int:
    """A four-digit year (``2021``; ``2021.0`` from a spreadsheet number also passes)."""
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if not _YEAR.fullmatch(value):
        raise ValueError(text)
    return int(value)


def parse_date(text: str) -> tuple[str, dt.date, dt.date]:
    """An ISO date ``YYYY-MM-DD`` or a year ``YYYY``: ``(normalized text, earliest, latest)``.

    >>> parse_date("2022")[1:]
    (datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
    """
    value = text.strip()
    if value.endswith(".0"):
        value = value[:-2]
    if _YEAR.fullmatch(value):
        year = int(value)
        if year < 1:
            raise ValueError(text)
        return value, dt.date(year, 1, 1), dt.date(year, 12, 31)
    if _ISO_DATE.fullmatch(value):
        day = dt.date.fromisoformat(value)
        return value, day, day
    raise ValueError(text)


def split_themes(text: str) -> tuple[str, ...]:
    """Themes separated by ``;`` or ``|``, trimmed, empty ones dropped.

    >>> split_themes(" food security ; housing|| ")
    ('food security', 'housing')
    """
    if not text:
        return ()
    parts = text.replace("|", ";").split(";")
    return tuple(t for t in (" ".join(p.split()) for p in parts) if t)


#: Values of the optional ``public`` column of actors (docs/privacy.md), folded.
PUBLIC_VALUES: dict[str, bool] = {"oui": True, "yes": True, "o": True, "y": True,
                                  "non": False, "no": False, "n": False}


def parse_public(text: str) -> bool | None:
    """The ``public`` column: ``oui``/``yes`` True, ``non``/``no`` False, empty ``None``
    (any case); anything else raises ``ValueError``.

    >>> parse_public("Oui"), parse_public(" NO "), parse_public("")
    (True, False, None)
    """
    value = text.strip().lower()
    if not value:
        return None
    if value not in PUBLIC_VALUES:
        raise ValueError(text)
    return PUBLIC_VALUES[value]
