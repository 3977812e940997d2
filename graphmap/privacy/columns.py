"""Which of the user's own columns hold personal contact data.

A column is a *contact column* when its header names contact data (French or English:
courriel, e-mail, téléphone, phone, cellulaire, personne-ressource, contact, adresse,
address, code postal...) or when at least half of its non-empty values are, or contain, an
e-mail address, a North-American phone number or a Canadian postal code. Contact columns
never reach HTML, Markdown or the map unless the user includes them by name.

>>> contact_header("Personne-ressource"), contact_header("Adresse courriel")
(True, True)
>>> contact_header("Site web"), contact_header("Téléphone (bureau)")
(False, True)
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.privacy.scrub import CONTACT_KINDS, find_contacts
from graphmap.schema import fold

#: The optional column that says whether an actor may be named in a public output.
PUBLIC_COLUMN = "public"

# Folded header words that name contact data, alone or as a pair of words.
_WORDS = frozenset({
    "courriel", "courriels", "email", "emails", "mail", "mel", "telephone", "telephones",
    "tel", "phone", "phones", "cellulaire", "cell", "mobile", "portable", "contact",
    "contacts", "adresse", "adresses", "address", "addresses", "fax", "telecopieur",
    "telecopie", "postal", "zip",
})
_PAIRS = frozenset({("personne", "ressource"), ("e", "mail"), ("code", "postal"),
                    ("postal", "code"), ("no", "tel"), ("num", "tel")})
_SPLIT = re.compile(r"[^a-z0-9]+")
#: Share of a column's non-empty values holding a contact value that makes it a contact column.
CONTENT_SHARE = 0.5


@dataclass(frozen=True)
class ContactColumn:
    """One contact column: ``rule`` is ``header`` (its name) or the kind of contact value
    found in its cells (``email``, ``phone``, ``postal_code``); ``values`` counts its
    non-empty cells."""

    table: str
    column: str
    rule: str
    values: int


def contact_header(header: str) -> bool:
    """Whether a header names contact data, in French or English, any case or accents."""
    words = [w for w in _SPLIT.split(fold(header)) if w]
    return (any(w in _WORDS for w in words)
            or any(pair in _PAIRS for pair in itertools.pairwise(words)))


def is_public_column(header: str) -> bool:
    """The ``public`` control column (any case or accents)."""
    return fold(header) == PUBLIC_COLUMN


def records_of(dataset: Dataset) -> Mapping[str, Iterable[Actor | Project | Relation]]:
    return {"actors": dataset.actors, "projects": dataset.projects,
            "relations": dataset.relations}


def contact_columns(dataset: Dataset) -> tuple[ContactColumn, ...]:
    """The contact columns of every table, in table then first-seen column order.

    >>> from graphmap.schema import Sector
    >>> ds = Dataset(actors=(
    ...     Actor("a", "A", Sector.PUBLIC,
    ...           extra={"Courriel": "x", "Notes": "a@b.ca", "Web": "w"}),))
    >>> [(c.column, c.rule) for c in contact_columns(ds)]
    [('Courriel', 'header'), ('Notes', 'email')]
    """
    found: list[ContactColumn] = []
    for table, records in records_of(dataset).items():
        filled: Counter[str] = Counter()
        holding: Counter[str] = Counter()
        kinds: dict[str, Counter[str]] = {}
        for record in records:
            for column, value in record.extra.items():
                if not value or is_public_column(column):
                    continue
                filled[column] += 1
                hits = find_contacts(value)
                if hits:
                    holding[column] += 1
                    kinds.setdefault(column, Counter()).update(kind for kind, _ in hits)
        for column in dataset.extra_columns[table]:
            if is_public_column(column) or not filled[column]:
                continue
            if contact_header(column):
                found.append(ContactColumn(table, column, "header", filled[column]))
            elif holding[column] >= CONTENT_SHARE * filled[column]:
                counts = kinds[column]
                # The most frequent kind; ties go to the first of CONTACT_KINDS.
                rule = max(CONTACT_KINDS,
                           key=lambda kind: (counts[kind], -CONTACT_KINDS.index(kind)))
                found.append(ContactColumn(table, column, rule, filled[column]))
    return tuple(found)


def all_columns(dataset: Dataset) -> tuple[str, ...]:
    """Every extra column of the workspace, once, in table then first-seen order."""
    seen: dict[str, None] = {}
    for columns in dataset.extra_columns.values():
        for column in columns:
            seen.setdefault(column, None)
    return tuple(seen)
