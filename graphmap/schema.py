"""The controlled vocabulary of the domain: enums with French and English names and aliases."""

from __future__ import annotations

import difflib
import enum
import functools
import unicodedata
from collections.abc import Iterable, Mapping


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

    Subclasses define ``_labels`` (code -> (fr, en)) and ``_aliases`` (folded alias -> code).
    """

    @classmethod
    def _alias_table(cls) -> Mapping[str, str]:
        return _alias_table_of(cls)

    @classmethod
    def _build_alias_table(cls) -> Mapping[str, str]:
        table: dict[str, str] = {fold(m.value): m.value for m in cls}
        for alias, code in cls._aliases().items():
            table[fold(alias)] = code
        for member in cls:
            fr, en = cls._labels()[member.value]
            table.setdefault(fold(fr), member.value)
            table.setdefault(fold(en), member.value)
        return table

    @classmethod
    def _labels(cls) -> Mapping[str, tuple[str, str]]:
        raise NotImplementedError

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {}

    @classmethod
    def parse(cls, text: str) -> Vocabulary | None:
        """The member named by ``text`` (canonical code, French or English, any case or
        accents), or ``None``."""
        code = cls._alias_table().get(fold(text))
        return None if code is None else cls(code)

    @classmethod
    def suggest(cls, text: str) -> str | None:
        """The closest canonical code to a misspelt value, for "did you mean" messages."""
        table = cls._alias_table()
        match = difflib.get_close_matches(fold(text), list(table), n=1, cutoff=0.6)
        return table[match[0]] if match else None

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

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "prive": "private",
            "académique": "academic",
            "media": "media",
            "medias": "media",
            "citoyenne": "citizen",
            "citoyens": "citizen",
            "economie_sociale": "social_economy",
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

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {"organisation": "organization", "person": "individual", "personne": "individual"}


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

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {"régional": "regional", "provinciale": "provincial", "nationale": "national"}

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

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {"pilote": "feedback", "pilot": "feedback", "adoption": "appropriation"}

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

    @classmethod
    def _aliases(cls) -> Mapping[str, str]:
        return {
            "porte": "carries", "carry": "carries", "porteur": "carries",
            "fund": "funds", "finance": "funds", "financement": "funds", "bailleur": "funds",
            "support": "supports", "soutien": "supports",
            "adopt": "adopts", "adopte": "adopts", "preneur": "adopts",
            "benefit": "benefits", "beneficie": "benefits", "beneficiaire": "benefits",
            "collaborate": "collaborates", "collabore": "collaborates",
            "membre": "member_of", "membre_de": "member_of", "member": "member_of",
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
