"""Contact values in free text: e-mail addresses, North-American phone numbers, Canadian
postal codes; and the scrubbing of them (and of known person names) out of text.

>>> [kind for kind, _ in find_contacts("Écrire à marie@exemple.qc.ca ou 450 555-0199, J7Z 1A1")]
['email', 'phone', 'postal_code']
>>> find_contacts("Budget 2024 : 12 500 $, 3 projets")
[]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

#: The kinds of contact value, in the order the log lists them.
CONTACT_KINDS: tuple[str, ...] = ("email", "phone", "postal_code")

_EMAIL = r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
# NANP: optional +1, area code and exchange code start with 2-9, then 4 digits; spaces, dots,
# hyphens or parentheses between groups; an optional extension (poste / ext. / x).
_PHONE = (r"(?<![\w+])(?:\+?1[\s.\-]?)?(?:\([2-9]\d{2}\)|[2-9]\d{2})[\s.\-]?[2-9]\d{2}[\s.\-]?"
          r"\d{4}(?:\s*(?:poste|ext\.?|x)\s*\d{1,6})?(?!\w)")
# Canada Post: letter digit letter, optional space or hyphen, digit letter digit; the letters
# D, F, I, O, Q, U never appear, W and Z never first.
_POSTAL = r"(?<![\w])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \-]?\d[ABCEGHJ-NPRSTV-Z]\d(?!\w)"
_WORD = re.compile(r"\w+")
_CONTACT = re.compile(f"(?P<email>{_EMAIL})|(?P<phone>{_PHONE})|(?P<postal_code>{_POSTAL})",
                      re.IGNORECASE)


def find_contacts(text: str) -> list[tuple[str, str]]:
    """``(kind, value)`` of every contact value in ``text``, in order.

    >>> find_contacts("tél. : (819) 555-0142 poste 12 — courriel : info@coop.ca")
    [('phone', '(819) 555-0142 poste 12'), ('email', 'info@coop.ca')]
    >>> find_contacts("+1 514.555.0100"), find_contacts("h2x 1y4")
    ([('phone', '+1 514.555.0100')], [('postal_code', 'h2x 1y4')])
    """
    return [(str(m.lastgroup), m.group()) for m in _CONTACT.finditer(text)]


def has_contact(text: str) -> bool:
    """Whether ``text`` holds an e-mail address, a phone number or a postal code."""
    return _CONTACT.search(text) is not None


@dataclass
class Scrubber:
    """Replaces contact values and known person names in text, counting what it replaced.

    ``names`` maps a person's real name to what replaces it (a neutral label, or a
    placeholder when the person is not shown on its own); ``placeholder(kind)`` gives the
    text that replaces a contact value of ``kind`` (``email``, ``phone``, ``postal_code``).
    ``counts[(where, rule)]`` is what the publication log reports; it never holds a value.

    >>> s = Scrubber(lambda kind: f"[{kind}]", {"Rachel Caron": "Personne 1"})
    >>> s.scrub("Voir Rachel Caron (rachel@caron.ca)", "notes")
    'Voir Personne 1 ([email])'
    >>> dict(s.counts)
    {('notes', 'email'): 1, ('notes', 'person_name'): 1}
    """

    placeholder: Callable[[str], str]
    names: Mapping[str, str]

    def __post_init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        # Names indexed by their first word, longest first ("Marie Roy" before "Marie"):
        # one dictionary look-up per word of the text, however many persons there are
        # (a regular expression of thousands of alternatives is far too slow).
        self._by_first: dict[str, list[str]] = {}
        for name in sorted(self.names, key=lambda n: (-len(n), n)):
            first = _WORD.match(name)
            if len(name.strip()) >= 3 and first is not None:
                self._by_first.setdefault(first.group(), []).append(name)

    def scrub(self, text: str, where: str) -> str:
        """``text`` with its contact values and person names replaced; ``where`` names the
        column for the log."""
        if not text:
            return text

        def contact(match: re.Match[str]) -> str:
            kind = str(match.lastgroup)
            self.counts[(where, kind)] += 1
            return self.placeholder(kind)

        out = _CONTACT.sub(contact, text)
        return self._replace_names(out, where) if self._by_first else out

    def _replace_names(self, text: str, where: str) -> str:
        parts: list[str] = []
        done = 0
        for word in _WORD.finditer(text):
            start = word.start()
            if start < done:
                continue
            for name in self._by_first.get(word.group(), ()):
                end = start + len(name)
                # Whole words only: the name neither continues nor is continued.
                if text.startswith(name, start) and (end == len(text)
                                                     or not _WORD.match(text[end])):
                    parts += [text[done:start], self.names[name]]
                    self.counts[(where, "person_name")] += 1
                    done = end
                    break
        return "".join(parts) + text[done:] if parts else text

    def scrub_all(self, texts: Iterable[str], where: str) -> tuple[str, ...]:
        return tuple(self.scrub(t, where) for t in texts)
