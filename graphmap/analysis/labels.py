"""Names of groups, sectors, stages and territories as message parameters.

A ``Message`` is rendered late, in the language of the report; a parameter that itself needs
translating is a :class:`graphmap.i18n.Localized` value rendered in the same language: a
vocabulary member (``Sector.PUBLIC``, ``Stage.FEEDBACK``), a :class:`~graphmap.i18n.Message`
(an unknown territory, a community), or a :class:`~graphmap.i18n.Listing` of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graphmap.i18n import Listing, Localized, Message, localize
from graphmap.schema import Sector

#: How an unknown territory reads (a project or an actor without one, in a sentence).
UNKNOWN_TERRITORY = Message("analysis.group.unknown_territory")


def sector_term(code: str) -> Localized | str:
    """The sector of ``code`` (the code itself if it is no sector).

    >>> sector_term("social_economy").render("fr")
    'économie sociale'
    """
    try:
        return Sector(code)
    except ValueError:
        return code


def territory_term(value: str | None) -> Localized | str:
    """A territory as named in a sentence: its name, or "unknown territory".

    >>> territory_term("Laval"), territory_term(None).render("fr")
    ('Laval', 'territoire inconnu')
    """
    return value if value else UNKNOWN_TERRITORY


@functools.lru_cache(maxsize=4096)
def group_term(value: str, group_by: str) -> Localized | str:
    """The name of a brokerage group (``""`` = unknown), a sector code, a territory or a
    community id as ``group_by`` says.

    >>> group_term("3", "community").render("fr"), group_term("", "territory").render("en")
    ('communauté 3', 'unknown territory')
    """
    if group_by == "sector":
        return sector_term(value) if value else Message("analysis.group.unknown_sector")
    if group_by == "territory":
        return territory_term(value or None)
    if not value:
        return Message("analysis.group.no_community")
    return Message("analysis.group.community", {"id": value})


def sector_listing(codes: Iterable[str]) -> Listing:
    """Sectors as a list in running text ("public, médias et citoyen")."""
    return Listing(sector_term(code) for code in codes)


@dataclass(frozen=True)
class Enumeration:
    """Items (text or :class:`~graphmap.i18n.Localized`) separated by commas only, in the
    language of the sentence: the parenthetical list of what two projects share
    ("food, same territory, same stage"), where "and" would not read well.

    >>> Enumeration(("food", Message("analysis.reason.same_stage"))).render("fr")
    'food, même étape'
    """

    items: tuple[Any, ...]

    def __init__(self, items: Iterable[Any]) -> None:
        object.__setattr__(self, "items", tuple(items))

    def render(self, lang: str) -> str:
        return ", ".join(str(localize(item, lang)) for item in self.items)
