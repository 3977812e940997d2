"""The one message catalogue (French and English) and the choice of language.

Messages live in ``graphmap/messages/<area>.py`` as ``MESSAGES = {key: {"fr": ..., "en": ...}}``;
this module merges them into one catalogue, so every user-facing sentence has both languages
(a test checks it) and no string is scattered in code.
"""

from __future__ import annotations

import functools
import importlib
import locale
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

LANGS: tuple[str, ...] = ("fr", "en")
DEFAULT_LANG = "en"

# Every area that contributes messages; each module defines MESSAGES.
_AREAS: tuple[str, ...] = (
    "core", "validation", "load", "analysis", "report", "render", "neo4j", "generate", "compare",
    "exchange", "privacy", "intake", "vocabulary",
)


#: French typography (Office québécois de la langue française): a no-break space, not a
#: plain one, before « : ; ! ? » » and after « « », so that no line of a page, a PDF or a
#: terminal starts with a colon or a closing quote, or ends with an opening one.
_FRENCH_SPACE_BEFORE = re.compile(r" (?=[:;!?»](?![\w-]))")  # not ":Actor", a Cypher label
_FRENCH_SPACE_AFTER = re.compile(r"(?<=«) ")


def french_spaces(text: str) -> str:
    """``text`` with the spaces French typography wants unbreakable made so.

    >>> french_spaces("Erreur : « a1 » ; et ensuite ?") == (
    ...     "Erreur\u00a0: «\u00a0a1\u00a0»\u00a0; et ensuite\u00a0?")
    True

    A colon that starts a word is no punctuation (a Cypher label):

    >>> french_spaces("les nœuds :Actor et :Project")
    'les nœuds :Actor et :Project'
    """
    return _FRENCH_SPACE_AFTER.sub("\u00a0", _FRENCH_SPACE_BEFORE.sub("\u00a0", text))


def _french_forms(forms: str | Mapping[str, str]) -> str | dict[str, str]:
    """A French template (or its plural forms) with :func:`french_spaces` applied."""
    if isinstance(forms, str):
        return french_spaces(forms)
    return {form: text if form == "by" else french_spaces(text) for form, text in forms.items()}


@functools.cache
def catalogue() -> Mapping[str, Mapping[str, Any]]:
    """All messages, key -> {lang: template}. Duplicate keys across areas are an error.
    The French templates are written with plain spaces; they are served with
    :func:`french_spaces` (one rule for every message, past and future)."""
    merged: dict[str, Mapping[str, Any]] = {}
    for area in _AREAS:
        module = importlib.import_module(f"graphmap.messages.{area}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (area {area})")
            merged[key] = ({**texts, "fr": _french_forms(texts["fr"])} if "fr" in texts
                           else texts)
    return merged


def translate(key: str, lang: str, /, **params: Any) -> str:
    """The message ``key`` in ``lang``, formatted with ``params``.

    Unknown languages fall back to English; an unknown key is a programming error.

    >>> translate("cli.lang_help", "fr")[:6]
    'Langue'
    """
    texts = catalogue()[key]
    forms = texts.get(lang) or texts[DEFAULT_LANG]
    # A text with plural forms: the form of the CLDR category of its ``count`` parameter (or
    # of the parameter its ``"by"`` entry names).
    template: str = (
        forms if type(forms) is str  # most texts; an ABC isinstance costs more than the rest
        else forms.get(plural_category(params.get(forms.get("by", "count")), lang))
        or forms["other"] if isinstance(forms, Mapping) else forms)
    if not params:
        return template
    return template.format(**{name: localize(value, lang) for name, value in params.items()})


#: The CLDR locale of each language of graphmap's users (Québec first): its plural rules,
#: and its number formats (``graphmap.render.formatting`` and :func:`format_count`).
LOCALES: dict[str, str] = {"fr": "fr_CA", "en": "en_CA"}


# Cached: a limit is rendered in each of the thousands of rows past it (20 µs a call).
@functools.lru_cache(maxsize=4096)
def format_count(value: float, lang: str) -> str:
    """A number in running text as CLDR writes it in ``lang``'s locale (Babel): ``12 500``
    with a no-break space in French, ``12,500`` in English; every decimal it has (a value
    read from a cell is shown as read, not rounded).

    >>> format_count(12500, "fr"), format_count(12500, "en"), format_count(1000.0001, "fr")
    ('12\xa0500', '12,500', '1\xa0000,0001')
    """
    from decimal import Decimal
    from numbers import Integral

    from babel.numbers import format_decimal

    # A float's shortest repr: the digits it was read with, no binary noise.
    number = Decimal(int(value)) if isinstance(value, Integral) else Decimal(str(float(value)))
    return str(format_decimal(number, locale=LOCALES.get(lang, LOCALES[DEFAULT_LANG]),
                              decimal_quantization=False))


@functools.cache
def _plural_rule(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(LOCALES.get(lang, LOCALES[DEFAULT_LANG])).plural_form


def plural_category(count: Any, lang: str) -> str:
    """The CLDR plural category (``one``, ``other``...) of ``count`` in ``lang``, from Babel.

    A message whose text in a language is a mapping ``{"one": ..., "other": ...}`` takes the
    form of its ``count`` parameter's category (or of the parameter named by an entry
    ``"by": "name"``): a number, or a number already formatted for people (``1 234``,
    ``1,234``). French puts 0 and 1 in ``one``, English only 1.

    >>> translate("error.validation_failed", "fr", count=1)
    "1 erreur dans l'espace de travail."

    >>> plural_category(0, "fr"), plural_category(0, "en"), plural_category("1", "en")
    ('one', 'other', 'one')
    >>> plural_category("12\u00a0500", "fr"), plural_category(None, "fr")
    ('other', 'other')
    """
    kind = type(count)
    if kind is int or kind is str:  # most counts: Babel's rule is slow, remember its answer
        key = (lang, kind, count)
        category = _PLURAL_SEEN.get(key)
        if category is None:
            if len(_PLURAL_SEEN) >= _PLURAL_SEEN_MAX:
                _PLURAL_SEEN.clear()
            category = _PLURAL_SEEN[key] = _plural_category(count, lang)
        return category
    return _plural_category(count, lang)


#: (lang, type, count) -> plural category, for int and str counts (bounded: cleared when full).
_PLURAL_SEEN: dict[tuple[str, type, Any], str] = {}
_PLURAL_SEEN_MAX = 100_000


def _plural_category(count: Any, lang: str) -> str:
    if isinstance(count, bool) or count is None:
        return "other"
    # A number that renders itself for running text (graphmap.load.issues.Number) counts
    # as the number it holds.
    held = getattr(count, "value", None)
    if isinstance(held, int) and not isinstance(held, bool):
        count = held
    if isinstance(count, str):
        digits = count.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        digits = digits.replace(",", "" if lang != "fr" else ".")
        try:
            count = float(digits) if "." in digits else int(digits)
        except ValueError:
            return "other"
    if not isinstance(count, int | float):
        return "other"
    return str(_plural_rule(lang)(abs(count)))


@runtime_checkable
class Localized(Protocol):
    """Anything that renders itself in a language: a :class:`Message`, a :class:`Listing`,
    a vocabulary term (``graphmap.schema.Vocabulary``).

    This is the one way a message parameter is translated: a parameter that is ``Localized``
    is rendered in the language of the sentence it fills (late, when the report is written),
    so an analysis never renders a sentence in both languages up front.
    """

    def render(self, lang: str) -> str: ...


def localize(value: Any, lang: str) -> Any:
    """``value`` as shown in ``lang``: a :class:`Localized` value rendered, anything else
    unchanged (numbers keep their format specs).

    >>> localize(Message("cli.error_prefix"), "fr"), localize(3, "fr")
    ('Erreur\xa0: ', 3)
    """
    kind = type(value)
    renders = _RENDERS.get(kind)
    if renders is None:
        renders = _renders(kind, value)
    return value.render(lang) if renders else value


def _renders(kind: type, value: Any) -> bool:
    """Whether values of type ``kind`` are :class:`Localized`, decided once per type: an
    ``isinstance`` against a runtime Protocol walks its members (microseconds), and a large
    JSON report localises millions of values. Only a class that defines ``render`` itself is
    remembered, so an instance with a ``render`` of its own is still checked each time."""
    renders = isinstance(value, Localized)
    if renders == callable(getattr(kind, "render", None)):
        _RENDERS[kind] = renders
    return renders


#: Type -> whether its values render themselves (:func:`_renders`); plain types up front.
_RENDERS: dict[type, bool] = dict.fromkeys((str, int, float, bool, type(None)), False)


def has_message(key: str) -> bool:
    return key in catalogue()


def resolve_lang(option: str | None = None) -> str:
    """``--lang``, else ``GRAPHMAP_LANG``, else the locale (``fr*`` gives French), else English."""
    for candidate in (option, os.environ.get("GRAPHMAP_LANG")):
        if candidate and candidate.strip().lower()[:2] in LANGS:
            return candidate.strip().lower()[:2]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else DEFAULT_LANG
    try:
        current = locale.getlocale(locale.LC_MESSAGES)[0] or ""
    except (AttributeError, ValueError):
        current = ""
    return "fr" if current.lower().startswith("fr") else DEFAULT_LANG


@dataclass(frozen=True)
class Message:
    """A sentence kept as a catalogue key and parameters, rendered late in either language.

    Analyses return ``Message`` objects so one report can be written in French and English.

    >>> Message("cli.error_prefix").render("fr")
    'Erreur\xa0: '
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        return translate(self.key, lang, **self.params)


@dataclass(frozen=True)
class Listing:
    """Items (text or :class:`Localized`) as a list in running text, joined in the language
    of the sentence: ``a, b et c`` / ``a, b and c``.

    >>> Listing(("a", "b", "c")).render("fr"), Listing(("a", "b")).render("en")
    ('a, b et c', 'a and b')
    >>> Listing(()).render("fr")
    ''
    """

    items: tuple[Any, ...]

    def __init__(self, items: Iterable[Any]) -> None:
        object.__setattr__(self, "items", tuple(items))

    def render(self, lang: str) -> str:
        shown = [str(localize(item, lang)) for item in self.items]
        if len(shown) <= 1:
            return "".join(shown)
        return translate("i18n.list.join", lang, head=", ".join(shown[:-1]), last=shown[-1])


#: Nothing, in every language: the value of an optional clause that is absent (for example a
#: "did you mean" with no close match), so one template serves both cases.
EMPTY: Listing = Listing(())
