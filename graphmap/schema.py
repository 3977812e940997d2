"""The controlled vocabulary of the domain: enums with French and English names and aliases."""

from __future__ import annotations

import difflib
import enum
import functools
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from graphmap.messages.vocabulary import HELD_BACK, SYNONYMS


def fold(text: str) -> str:
    """Fold a header or a vocabulary value for matching: trim, lower-case, strip accents,
    turn spaces, hyphens and apostrophes into underscores.

    >>> fold("  Économie Sociale ")
    'economie_sociale'
    >>> fold("Rétroaction")
    'retroaction'
    """
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for sep in (" ", "-", "'", "\u2019", "\u00a0"):
        stripped = stripped.replace(sep, "_")
    while "__" in stripped:
        stripped = stripped.replace("__", "_")
    return stripped


class Vocabulary(enum.Enum):
    """An enum whose values are canonical codes, with French/English labels and aliases.

    Subclasses define ``_labels`` (code -> (fr, en)); the other spellings people write for
    each code, French and English, are in :data:`graphmap.messages.vocabulary.SYNONYMS`.
    """

    @classmethod
    def _alias_table(cls) -> Mapping[str, str]:
        return _alias_table_of(cls)

    @classmethod
    def _build_alias_table(cls) -> Mapping[str, str]:
        table: dict[str, str] = {}
        for code, spellings in cls.spellings().items():
            for spelling in spellings:
                other = table.setdefault(fold(spelling), code)
                if other != code:  # a word of two meanings is no synonym: refuse at import
                    raise ValueError(f"{cls.__name__}: {spelling!r} means {other} and {code}")
        return table

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        raise NotImplementedError

    @classmethod
    def _aliases(cls) -> Mapping[str, tuple[str, ...]]:
        return SYNONYMS.get(cls.__name__, {})

    @classmethod
    def spellings(cls) -> Mapping[str, tuple[str, ...]]:
        """Every accepted spelling of each code: the code, its French and English labels,
        then its aliases (docs/workspace-format.md §5 lists them all).

        >>> Scope.spellings()["provincial"][:3]
        ('provincial', 'provinciale', 'provincial')
        """
        aliases = cls._aliases()
        return {m.value: (m.value, *cls._labels()[m.value], *aliases.get(m.value, ()))
                for m in cls}

    @classmethod
    def parse(cls, text: str) -> Vocabulary | None:
        """The member named by ``text`` (canonical code, French or English label or alias,
        any case or accents), or ``None``: one table lookup, whatever the size of the data.

        >>> Sector.parse("Coopérative"), Stage.parse("Projet-pilote"), RelationType.parse("Porteur")
        (<Sector.SOCIAL_ECONOMY: 'social_economy'>, <Stage.FEEDBACK: 'feedback'>, \
<RelationType.CARRIES: 'carries'>)
        """
        return _member_of(cls, text)

    @classmethod
    def suggest(cls, text: str) -> str | None:
        """The code a misspelt value most likely means, for "did you mean" messages, or
        ``None`` rather than a guess that crosses meaning.

        The value is compared with every accepted spelling of every code (aliases included),
        so a suggestion always comes from a word of the same meaning a few typing mistakes
        away: none allowed up to 5 letters (one changed letter makes another word: poste,
        porte), 1 up to 8, 2 up to 12, then 3; two or more may not change how the word ends
        (*-tion*, *-ment*, *-eur*...: coopération is not coopérative). When the closest
        spellings mean different codes there is no suggestion. Words held back from the
        synonyms (:data:`graphmap.messages.vocabulary.HELD_BACK`) are suggested as their code.

        >>> Sector.suggest("Cooperatve"), Stage.suggest("pilotte"), Sector.suggest("publique")
        ('social_economy', 'feedback', 'public')
        >>> Sector.suggest("Médiation") is None, Sector.suggest("xyz") is None
        (True, True)
        """
        return _suggestion_of(cls, fold(text))

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)

    def label(self, lang: str) -> str:
        """The display name in ``lang`` (``fr`` or ``en``)."""
        fr, en = self._labels()[self.value]
        return fr if lang == "fr" else en

    def render(self, lang: str) -> str:
        """A term is :class:`graphmap.i18n.Localized`: as a message parameter it shows its label
        in the sentence's language."""
        return self.label(lang)


@functools.cache
def _alias_table_of(cls: type[Vocabulary]) -> Mapping[str, str]:
    return cls._build_alias_table()


@functools.lru_cache(maxsize=1 << 16)
def _member_of(cls: type[Vocabulary], text: str) -> Vocabulary | None:
    # Cached by the text as written: a column repeats a few spellings on every row, and
    # folding (Unicode decomposition) costs more than the lookup.
    code = cls._alias_table().get(fold(text))
    return None if code is None else cls(code)


@functools.cache
def _held_back_of(cls: type[Vocabulary]) -> Mapping[str, str]:
    return {fold(word): code for code, words in HELD_BACK.get(cls.__name__, {}).items()
            for word in words}


# Endings that make another word of the same stem (médiation is not médias, coopération is
# not coopérative): two spellings that differ in one of them are not the same word.
_DERIVED_ENDINGS = ("tion", "sion", "ment", "eur", "euse", "rice", "age", "ure", "ite")


def _typos_allowed(length: int) -> int:
    """Typing mistakes a word of ``length`` letters may hold and still be recognised: none
    in a short word, where one changed letter makes another word (poste, porte)."""
    return 0 if length <= 5 else 1 if length <= 8 else 2 if length <= 12 else 3


def _typo_distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``, or
    ``limit + 1`` as soon as more than ``limit`` are needed."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return row[-1]


def _same_derivation(word: str, spelling: str) -> bool:
    """Whether two spellings end the same way as words (plurals aside): coopération and
    coopérative are two edits apart but two words."""
    word, spelling = word.rstrip("sx"), spelling.rstrip("sx")
    return all(word.endswith(e) == spelling.endswith(e) for e in _DERIVED_ENDINGS)


def _letters(word: str) -> int:
    """The set of a word's letters as bits: one edit changes at most two of them, so words
    whose sets differ by more than twice the typos allowed need no closer comparison."""
    bits = 0
    for c in word:
        bits |= 1 << (ord(c) & 127)
    return bits


@functools.cache
def _suggestion_words_of(cls: type[Vocabulary]) -> tuple[tuple[str, str, int], ...]:
    words = {**_held_back_of(cls), **cls._alias_table()}
    return tuple((spelling, code, _letters(spelling)) for spelling, code in words.items())


@functools.lru_cache(maxsize=4096)
def _suggestion_of(cls: type[Vocabulary], word: str) -> str | None:
    # Cached: an unknown value repeated on a million rows is compared once.
    letters = _letters(word)
    best, codes = 4, set[str]()
    for spelling, code, spelt in _suggestion_words_of(cls):
        if spelling == word:
            return code
        limit = min(_typos_allowed(min(len(word), len(spelling))), best)
        if abs(len(word) - len(spelling)) > limit or (letters ^ spelt).bit_count() > 2 * limit:
            continue
        distance = _typo_distance(word, spelling, limit)
        # Two or more edits that change a derived ending make another word, not a typo.
        if distance <= limit and (distance <= 1 or _same_derivation(word, spelling)):
            if distance < best:
                best, codes = distance, set()
            codes.add(code)
    return next(iter(codes)) if len(codes) == 1 else None


class Sector(Vocabulary):
    PUBLIC = "public"
    PRIVATE = "private"
    PHILANTHROPIC = "philanthropic"
    COMMUNITY = "community"
    SOCIAL_ECONOMY = "social_economy"
    ACADEMIC = "academic"
    MEDIA = "media"
    CITIZEN = "citizen"

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        return {
            "public": ("public", "public"),
            "private": ("privé", "private"),
            "philanthropic": ("philanthropique", "philanthropic"),
            "community": ("communautaire", "community"),
            "social_economy": ("économie sociale", "social economy"),
            "academic": ("universitaire", "academic"),
            "media": ("médias", "media"),
            "citizen": ("citoyen", "citizen"),
        }


class Category(Vocabulary):
    ORGANIZATION = "organization"
    INDIVIDUAL = "individual"
    GROUP = "group"

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        return {
            "organization": ("organisation", "organization"),
            "individual": ("individu", "individual"),
            "group": ("groupe", "group"),
        }


class Scope(Vocabulary):
    LOCAL = "local"
    REGIONAL = "regional"
    PROVINCIAL = "provincial"
    NATIONAL = "national"

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        return {
            "local": ("locale", "local"),
            "regional": ("régionale", "regional"),
            "provincial": ("provinciale", "provincial"),
            "national": ("nationale", "national"),
        }

    @property
    def reaches_everywhere(self) -> bool:
        """Whether an actor of this scope can act outside its own territory."""
        return self is not Scope.LOCAL


class Stage(Vocabulary):
    """The four cumulative steps of a social innovation, in order."""

    EMERGENCE = "emergence"
    MOBILIZATION = "mobilization"
    FEEDBACK = "feedback"
    APPROPRIATION = "appropriation"

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        return {
            "emergence": ("émergence", "emergence"),
            "mobilization": ("mobilisation", "mobilization"),
            "feedback": ("rétroaction", "feedback"),
            "appropriation": ("appropriation", "appropriation"),
        }

    @property
    def rank(self) -> int:
        """0 for emergence up to 3 for appropriation; stages are cumulative."""
        return list(Stage).index(self)

    def at_least(self, other: Stage) -> bool:
        return self.rank >= other.rank


class RelationType(Vocabulary):
    CARRIES = "carries"
    FUNDS = "funds"
    SUPPORTS = "supports"
    ADOPTS = "adopts"
    BENEFITS = "benefits"
    COLLABORATES = "collaborates"
    MEMBER_OF = "member_of"

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        return {
            "carries": ("porte", "carries"),
            "funds": ("finance", "funds"),
            "supports": ("soutient", "supports"),
            "adopts": ("adopte", "adopts"),
            "benefits": ("bénéficie", "benefits"),
            "collaborates": ("collabore", "collaborates"),
            "member_of": ("membre", "member of"),
        }

    @property
    def actor_to_project(self) -> bool:
        return self in ACTOR_TO_PROJECT

    @property
    def actor_to_actor(self) -> bool:
        return self in ACTOR_TO_ACTOR

    def role_label(self, lang: str) -> str:
        """The role an actor holds through this relation (porteur, bailleur de fonds, ...)."""
        fr, en = _ROLE_LABELS[self.value]
        return fr if lang == "fr" else en


ACTOR_TO_PROJECT: frozenset[RelationType] = frozenset(
    {RelationType.CARRIES, RelationType.FUNDS, RelationType.SUPPORTS, RelationType.ADOPTS,
     RelationType.BENEFITS}
)
ACTOR_TO_ACTOR: frozenset[RelationType] = frozenset(
    {RelationType.COLLABORATES, RelationType.FUNDS, RelationType.SUPPORTS, RelationType.MEMBER_OF}
)
ADOPTER_TYPES: frozenset[RelationType] = frozenset({RelationType.ADOPTS, RelationType.BENEFITS})

_ROLE_LABELS: Mapping[str, tuple[str, str]] = {
    "carries": ("porteur", "carrier"),
    "funds": ("bailleur de fonds", "funder"),
    "supports": ("partenaire de soutien", "support partner"),
    "adopts": ("preneur (utilisateur)", "adopter (organisation)"),
    "benefits": ("preneur (bénéficiaire)", "adopter (beneficiary)"),
    "collaborates": ("collaborateur", "collaborator"),
    "member_of": ("membre", "member"),
}


class NodeKind(enum.Enum):
    ACTOR = "actor"
    PROJECT = "project"


# Column schema of the three tables: canonical name -> French aliases (folded on use).
ACTOR_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "id": ("identifiant", "code"),
    "name": ("nom", "label", "libellé"),
    "sector": ("secteur",),
    "type": ("genre", "sorte"),
    "category": ("catégorie",),
    "territory": ("territoire", "mrc"),
    "scope": ("portée", "rayonnement"),
}
PROJECT_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "id": ("identifiant", "code"),
    "name": ("nom", "label", "libellé", "titre"),
    "stage": ("étape", "stade", "phase"),
    "theme": ("thème", "themes", "thèmes", "besoin"),
    "territory": ("territoire", "mrc"),
    "start": ("début", "debut", "date de début"),
    "end": ("fin", "date de fin"),
}
RELATION_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "source": ("de", "from"),
    "target": ("cible", "vers", "to"),
    "type": ("relation", "lien"),
    "amount": ("montant",),
    "year": ("année", "annee"),
    "weight": ("poids",),
    "kind": ("nature",),
}
TERRITORY_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "id": ("identifiant", "code"),
    "name": ("nom", "libellé"),
    "parent": ("territoire parent", "dans"),
    "kind": ("type", "nature", "genre"),
}
REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "actors": ("id", "name", "sector"),
    "projects": ("id", "name", "stage"),
    "relations": ("source", "target", "type"),
    "territories": ("id", "name"),
}
TABLE_COLUMNS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "actors": ACTOR_COLUMNS,
    "projects": PROJECT_COLUMNS,
    "relations": RELATION_COLUMNS,
    "territories": TERRITORY_COLUMNS,
}
#: The three tables every workspace has.
TABLES: tuple[str, ...] = ("actors", "projects", "relations")
#: Tables a workspace may have (docs/workspace-format.md): absent means none declared.
OPTIONAL_TABLES: tuple[str, ...] = ("territories",)
#: Known kinds of territory (free text is kept as written): folded spelling -> code.
TERRITORY_KINDS: Mapping[str, str] = {
    "region": "region", "region_administrative": "region", "mrc": "mrc",
    "municipality": "municipality", "municipalite": "municipality", "ville": "municipality",
}


def column_alias_table(table: str) -> Mapping[str, str]:
    """Folded header -> canonical column name for one table."""
    out: dict[str, str] = {}
    for canonical, aliases in TABLE_COLUMNS[table].items():
        out[fold(canonical)] = canonical
        for alias in aliases:
            out.setdefault(fold(alias), canonical)
    return out


def suggest_from(text: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``text`` (folded comparison), or ``None``."""
    folded = {fold(c): c for c in choices}
    match = difflib.get_close_matches(fold(text), list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


_Term = TypeVar("_Term")
_Result = TypeVar("_Result")


def per_term(terms: Iterable[_Term], of: Callable[[_Term], _Result]) -> list[_Result]:
    """``of(term)`` for each of ``terms`` (vocabulary terms: a sector per actor, a stage per
    project), computed once per distinct term and each found by identity: a term's hash
    and its ``value`` are Python calls, a million of them over a million actors, ``id``
    is not.

    >>> per_term([Sector.MEDIA, Sector.PUBLIC, Sector.MEDIA], lambda term: term.value)
    ['media', 'public', 'media']
    """
    listed = list(terms)
    distinct = dict(zip(map(id, listed), listed, strict=True))
    found = {key: of(term) for key, term in distinct.items()}
    return list(map(found.__getitem__, map(id, listed)))
