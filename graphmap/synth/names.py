"""What generated rows are called: actor types and their French display names, project
themes and name prefixes, identifiers and territory names.

Names are in French, as the users of graphmap see them in their maps; the ``type`` codes
are the stable part.

Examples
--------
>>> Ids(actors=1000, projects=250).actor(0), territory_name(4)
('a000001', 'T005')
>>> [t.code for t in ACTOR_TYPES[Sector.CITIZEN]]
['citizen', 'volunteer']
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from graphmap.schema import Category, Sector


class ActorType(NamedTuple):
    """A finer kind of actor within a sector."""

    code: str  #: the ``type`` cell
    label: str  #: French display name; the actor is named ``"{label} {number}"``
    category: Category  #: organisation, group or individual


def _organizations(*types: tuple[str, str]) -> tuple[ActorType, ...]:
    return tuple(ActorType(code, label, Category.ORGANIZATION) for code, label in types)


_GROUP, _INDIVIDUAL = Category.GROUP, Category.INDIVIDUAL

#: Types of each sector, drawn uniformly within the sector (order fixes the draw).
ACTOR_TYPES: Mapping[Sector, tuple[ActorType, ...]] = {
    Sector.PUBLIC: _organizations(
        ("ministry", "Ministère"),
        ("municipality", "Municipalité"),
        ("mrc", "MRC"),
        ("cld", "Centre local de développement"),
        ("cisss", "CISSS"),
        ("school_service_centre", "Centre de services scolaire"),
    ),
    Sector.PRIVATE: _organizations(("company", "Entreprise"), ("sme", "PME"), ("caisse", "Caisse")),
    Sector.PHILANTHROPIC: _organizations(
        ("foundation", "Fondation"),
        ("united_way", "Centraide"),
        ("family_foundation", "Fondation familiale"),
    ),
    Sector.COMMUNITY: (
        ActorType("community_organization", "Organisme communautaire", Category.ORGANIZATION),
        ActorType("citizen_group", "Comité citoyen", _GROUP),
        ActorType("union", "Syndicat", Category.ORGANIZATION),
        ActorType("professional_association", "Association professionnelle", Category.ORGANIZATION),
        ActorType("network", "Regroupement", _GROUP),
    ),
    Sector.SOCIAL_ECONOMY: _organizations(
        ("cooperative", "Coopérative"),
        ("social_enterprise", "Entreprise d'économie sociale"),
        ("regional_hub", "Pôle régional d'économie sociale"),
    ),
    Sector.ACADEMIC: _organizations(
        ("university", "Université"),
        ("college", "Cégep"),
        ("research_chair", "Chaire de recherche"),
        ("transfer_centre", "Centre collégial de transfert"),
    ),
    Sector.MEDIA: _organizations(
        ("local_media", "Média local"),
        ("regional_media", "Média régional"),
        ("national_media", "Média national"),
    ),
    Sector.CITIZEN: (
        ActorType("citizen", "Citoyenne ou citoyen", _INDIVIDUAL),
        ActorType("volunteer", "Bénévole", _INDIVIDUAL),
    ),
}

#: Project themes (one or two per project); the first one names the project.
THEMES: tuple[str, ...] = (
    "sécurité alimentaire",
    "logement",
    "mobilité",
    "emploi",
    "éducation",
    "santé",
    "environnement",
    "culture",
    "inclusion numérique",
    "petite enfance",
    "aînés",
    "immigration",
    "économie circulaire",
    "revitalisation",
    "énergie",
)
#: First word of a project's name.
PROJECT_PREFIXES: tuple[str, ...] = (
    "Projet",
    "Initiative",
    "Laboratoire",
    "Chantier",
    "Table",
    "Service",
    "Réseau",
)


class Ids:
    """Identifiers ``a000001``... and ``p000001``..., zero-padded to the same width (at least
    six digits) so that they sort as they are numbered.

    >>> ids = Ids(actors=1_500_000, projects=10)
    >>> ids.actor(0), ids.project(9)
    ('a0000001', 'p0000010')
    """

    def __init__(self, actors: int, projects: int) -> None:
        width = max(6, len(str(max(actors, projects))))
        self._actor = f"a{{:0{width}d}}".format
        self._project = f"p{{:0{width}d}}".format

    def actor(self, index: int) -> str:
        """The id of the actor at ``index`` (from 0)."""
        return self._actor(index + 1)

    def project(self, index: int) -> str:
        """The id of the project at ``index`` (from 0)."""
        return self._project(index + 1)


def territory_name(index: int) -> str:
    """``T001``, ``T002``...: territories are numbered from the largest."""
    return f"T{index + 1:03d}"
