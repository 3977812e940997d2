"""Names of groups, sectors, stages and territories as Message parameters in both languages.

A ``Message`` is rendered late in either language, so a parameter that itself needs
translating (a sector name, a stage) is passed twice, as ``<name>_fr`` and ``<name>_en``;
each template of the catalogue uses its own.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from graphmap.i18n import LANGS, translate
from graphmap.schema import Sector, Stage


def sector_name(code: str, lang: str) -> str:
    """The sector's name in ``lang`` (the code itself if unknown).

    >>> sector_name("social_economy", "fr")
    'économie sociale'
    """
    try:
        return Sector(code).label(lang)
    except ValueError:
        return code


def stage_name(stage: Stage, lang: str) -> str:
    """The stage's name in ``lang``.

    >>> stage_name(Stage.FEEDBACK, "fr")
    'rétroaction'
    """
    return stage.label(lang)


def territory_name(value: str | None, lang: str) -> str:
    return value if value else translate("analysis.group.unknown_territory", lang)


@functools.lru_cache(maxsize=4096)
def group_name(value: str, group_by: str, lang: str) -> str:
    """The display name of a brokerage group code (``""`` = unknown).

    >>> group_name("3", "community", "fr"), group_name("", "territory", "en")
    ('communauté 3', 'unknown territory')
    """
    if group_by == "sector":
        return sector_name(value, lang) if value else translate(
            "analysis.group.unknown_sector", lang)
    if group_by == "territory":
        return territory_name(value or None, lang)
    if not value:
        return translate("analysis.group.no_community", lang)
    return translate("analysis.group.community", lang, id=value)


def join(names: Iterable[str], lang: str) -> str:
    """Names as a list in running text.

    >>> join(["a", "b", "c"], "fr"), join(["a"], "en")
    ('a, b et c', 'a')
    """
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return translate("analysis.list.join", lang, head=", ".join(items[:-1]), last=items[-1])


def group_label_params(name: str, values: Iterable[str], group_by: str) -> dict[str, str]:
    """``{name_fr: ..., name_en: ...}`` naming ``values`` as a list in each language."""
    values = list(values)
    return {f"{name}_{lang}": join((group_name(v, group_by, lang) for v in values), lang)
            for lang in LANGS}


def sector_params(name: str, codes: Iterable[str]) -> dict[str, str]:
    codes = list(codes)
    return {f"{name}_{lang}": join((sector_name(c, lang) for c in codes), lang)
            for lang in LANGS}


def stage_params(name: str, stage: Stage) -> dict[str, str]:
    return {f"{name}_{lang}": stage_name(stage, lang) for lang in LANGS}


def territory_params(name: str, value: str | None) -> dict[str, str]:
    return {f"{name}_{lang}": territory_name(value, lang) for lang in LANGS}
