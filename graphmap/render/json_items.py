"""The fast path of the JSON report's largest list: one broker's text straight from its
record, and sentences whose shared parts are rendered once.

A large ecosystem's report lists every actor as a broker (100,000 at the scale benchmark):
building a dict per broker and walking it with the generic layout of
:mod:`graphmap.render.json_report` took most of the writing. :func:`broker_text` writes the
same text from a template of the broker's fixed layout; whenever a field is not of the
plain type the template expects (a numpy number, a subclass, a float JSON refuses...), it
answers ``None`` and the caller lays out the dict as before, so the bytes are always the
generic writer's (tests/report/test_json_items.py compares the two).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import Any

from graphmap.analysis.report import Broker, Brokerage
from graphmap.i18n import (
    DEFAULT_LANG,
    Listing,
    Message,
    catalogue,
    localize,
    plural_category,
    translate,
)
from graphmap.model.dataset import Dataset

SIGNIFICANT_DIGITS = 12


class MessageTexts:
    """Renders :class:`~graphmap.i18n.Message` objects in ``lang`` as ``message.render(lang)``
    does, rendering each :class:`~graphmap.i18n.Listing` or ``Message`` parameter once
    however many sentences share it (the brokers' ``why`` share the listing of the groups
    they bridge), and each sentence without parameters once.

    The text is chosen and filled as :func:`~graphmap.i18n.translate` does it (the same
    fallback to English, the plural form of the ``count`` parameter or of the one the
    text's ``"by"`` names, decided from that parameter's own value, never from a text
    rendered ahead); tests/report/test_json_items.py checks every sentence of real reports
    against ``render``.

    >>> texts = MessageTexts("fr")
    >>> groups = Listing(("a", "b"))
    >>> texts.render(Message("i18n.list.join", {"head": groups, "last": "c"}))
    'a et b et c'
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._plain: dict[str, str] = {}
        # id -> (the object, its text): holding the object keeps its id from being reused.
        self._shared: dict[int, tuple[Any, str]] = {}
        self._texts: dict[str, tuple[Any, str | None]] = {}

    def render(self, message: Message) -> str:
        if type(message) is not Message:
            return message.render(self.lang)
        key, params = message.key, message.params
        if not params:
            text = self._plain.get(key)
            if text is None:
                text = self._plain[key] = translate(key, self.lang)
            return text
        forms, chooser = self._forms(key)
        rendered: dict[str, Any] = {}
        for name, value in params.items():
            kind = type(value)
            if kind is str or kind is int:
                rendered[name] = value
            elif (kind is Listing or kind is Message) and name != chooser:
                held = self._shared.get(id(value))
                if held is None:
                    held = self._shared[id(value)] = (value, value.render(self.lang))
                rendered[name] = held[1]
            else:
                rendered[name] = localize(value, self.lang)
        # translate()'s choice of text: the plural form of the chooser's own value.
        template = (forms if chooser is None
                    else forms.get(plural_category(params.get(chooser), self.lang))
                    or forms["other"])
        return str(template.format(**rendered))

    def _forms(self, key: str) -> tuple[Any, str | None]:
        """The text of ``key`` in the language (English when it has none, as translate()
        falls back) or its plural forms, and the parameter choosing the form (``None``:
        one text for every count)."""
        known = self._texts.get(key)
        if known is None:
            texts = catalogue()[key]
            forms = texts.get(self.lang) or texts[DEFAULT_LANG]
            chooser = forms.get("by", "count") if isinstance(forms, Mapping) else None
            known = self._texts[key] = (forms, chooser)
        return known


def _number(value: Any) -> str | None:
    """A measure as the report writes it (``clean_float``, then ``repr``), for a plain
    float or ``None``; ``None`` for any other type (the generic writer decides)."""
    if type(value) is float:
        if value == 0.0:  # a third of the measures: no relation, or on no shortest path
            return "0.0"
        if not math.isfinite(value):
            return "null"
        text = f"{value:.{SIGNIFICANT_DIGITS}g}"
        if "." in text and "e" not in text:
            # Already the shortest repr of the rounded float: a plain decimal of at most 12
            # digits, none trailing, that no shorter decimal reads as (they differ by
            # 1e-12 of the value, the float by 1e-16), in repr's positional range.
            return text
        rounded = float(text)
        return "0.0" if rounded == 0 else float.__repr__(rounded)
    return "null" if value is None else None


def _text_or_null(value: Any) -> str | None:
    if type(value) is str:
        return encode_basestring(value)
    return "null" if value is None else None


#: A broker as ``json.dumps(indent=2)`` lays it out two levels deep (inside "brokers"), in
#: two parts: its own fields, then its five counts and their total (:data:`_PROFILE`,
#: written once per distinct profile).
_BROKER = """{
      "id": %s,
      "name": %s,
      "rank": %d,
      "betweenness": %s,
      "constraint": %s,
      "effective_size": %s,
      "brokerage": {%s,
      "why": %s,
      "brokerage_total": %s,
      "bridged_groups": %s,
      "sector": %s,
      "territory": %s
    }"""
_PROFILE = """
        "coordinator": %d,
        "itinerant": %d,
        "representative": %d,
        "gatekeeper": %d,
        "liaison": %d
      }"""

_GROUPS_BREAK = "\n        "


class BrokerTexts:
    """The text of each broker of a report in ``lang``, as the generic layout writes the
    dict of ``graphmap.render.json_report._broker`` two levels deep; ``None`` for a broker
    the template cannot write (see the module docstring).

    What brokers share is written once: a measure's value (a sampled betweenness takes a
    few hundred values over a hundred thousand actors), a profile of counts, a ``why``
    sentence, a list of bridged groups, a sector (the analysis shares one object for
    equal profiles, sentences and group lists; the texts are kept by object, with the
    object, so an id is never reused while the texts are written).
    """

    def __init__(self, dataset: Dataset, lang: str) -> None:
        self._actors = dataset.actor_by_id
        self.messages = MessageTexts(lang)
        self._groups: dict[int, tuple[tuple[Any, ...], str | None]] = {}
        self._sectors: dict[int, tuple[Any, str | None]] = {}
        self._numbers: dict[float, str] = {}
        self._profiles: dict[int, tuple[Brokerage, str | None, str]] = {}
        self._whys: dict[int, tuple[Message, str]] = {}

    def text(self, broker: Broker) -> str | None:
        roles = broker.brokerage
        if type(roles) is not Brokerage or type(broker.rank) is not int:
            return None
        held = self._profiles.get(id(roles))
        if held is None:
            held = self._profiles[id(roles)] = (roles, *_profile_text(roles))
        ident, name = broker.id, broker.name
        numbers = self._numbers
        b, c, e = broker.betweenness, broker.constraint, broker.effective_size
        # A float's text by its value; other types, and NaN (never equal to itself),
        # through _number. 0.0 and -0.0 are one key: right because _number writes both
        # as 0.0; were it to write -0.0, they would need two keys here.
        b_text = numbers.get(b) if type(b) is float else None
        if b_text is None:
            b_text = self._number(b)
        c_text = numbers.get(c) if type(c) is float else None
        if c_text is None:
            c_text = self._number(c)
        e_text = numbers.get(e) if type(e) is float else None
        if e_text is None:
            e_text = self._number(e)
        if (held[1] is None or type(ident) is not str or type(name) is not str
                or b_text is None or c_text is None or e_text is None):
            return None
        groups = self._bridged(broker.bridged_groups)
        actor = self._actors.get(ident)
        sector: str | None = "null"
        territory: str | None = "null"
        if actor is not None:
            sector, territory = self._sector(actor.sector), _text_or_null(actor.territory)
        if groups is None or sector is None or territory is None:
            return None
        why = broker.why
        said = self._whys.get(id(why))
        if said is None:
            said = self._whys[id(why)] = (why, encode_basestring(self.messages.render(why)))
        return _BROKER % (encode_basestring(ident), encode_basestring(name), broker.rank,
                          b_text, c_text, e_text, held[1], said[1], held[2], groups, sector,
                          territory)

    def _number(self, value: Any) -> str | None:
        text = _number(value)
        if type(value) is float and text is not None and text != "null":
            self._numbers[value] = text
        return text

    def _sector(self, sector: Any) -> str | None:
        """The text of a sector's value, once per member (an enum's ``value`` is read in
        Python: a million reads for a million brokers)."""
        held = self._sectors.get(id(sector))
        if held is None:
            held = self._sectors[id(sector)] = (sector, _text_or_null(sector.value))
        return held[1]

    def _bridged(self, groups: tuple[Any, ...]) -> str | None:
        """``bridged_groups`` as a list of strings (each group as ``str``), once per tuple
        (the analysis shares one tuple between the actors bridging the same groups)."""
        held = self._groups.get(id(groups))
        if held is None:
            names = [str(g) for g in groups]
            text = ("[]" if not names else None if not all(type(g) is str for g in names)
                    else "[" + _GROUPS_BREAK + ("," + _GROUPS_BREAK).join(
                        map(encode_basestring, names)) + "\n      ]")
            held = self._groups[id(groups)] = (groups, text)
        return held[1]


def _profile_text(roles: Brokerage) -> tuple[str | None, str]:
    """The five counts of ``roles`` as :data:`_PROFILE` writes them and their total;
    ``None`` when one is not a plain ``int``."""
    counts = (roles.coordinator, roles.itinerant, roles.representative, roles.gatekeeper,
              roles.liaison)
    if not all(type(count) is int for count in counts):
        return None, ""
    return _PROFILE % counts, int.__repr__(sum(counts))
