"""The small example workspace ``graphmap init`` writes, in French or English."""

from __future__ import annotations

from graphmap.i18n import translate
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import (
    ACTOR_TO_ACTOR,
    ACTOR_TO_PROJECT,
    Category,
    RelationType,
    Scope,
    Sector,
    Stage,
    Vocabulary,
)


def template_dataset(lang: str) -> Dataset:
    """A valid four-actor, two-project workspace showing every column (names in ``lang``)."""

    def t(key: str) -> str:
        return translate(f"validation.template.{key}", lang)

    website = t("website_column")
    actors = (
        Actor("a1", t("a1_name"), Sector.COMMUNITY, t("a1_type"), Category.ORGANIZATION,
              "Les Laurentides", Scope.LOCAL, {website: "https://example.org/centre"}),
        Actor("a2", "MRC des Laurentides", Sector.PUBLIC, "mrc", Category.ORGANIZATION,
              "Les Laurentides", Scope.REGIONAL),
        Actor("a3", t("a3_name"), Sector.PHILANTHROPIC, t("a3_type"), Category.ORGANIZATION,
              "La Rivière-du-Nord", Scope.REGIONAL, {website: "https://example.org/fondation"}),
        Actor("a4", t("a4_name"), Sector.ACADEMIC, t("a4_type"), Category.ORGANIZATION,
              "La Rivière-du-Nord", Scope.REGIONAL),
    )
    projects = (
        Project("p1", t("p1_name"), Stage.MOBILIZATION, (t("theme_food"),), "Les Laurentides",
                "2024", None),
        Project("p2", t("p2_name"), Stage.EMERGENCE, (t("theme_food"), t("theme_environment")),
                "Les Laurentides", "2025-04-01", "2026-10-31"),
    )
    relations = (
        Relation("a1", "p1", RelationType.CARRIES),
        Relation("a3", "p1", RelationType.FUNDS, amount=15000.0, year=2024),
        Relation("a4", "p1", RelationType.SUPPORTS, kind=t("kind_knowledge")),
        Relation("a2", "p1", RelationType.SUPPORTS, kind="promotion"),
        Relation("a1", "p2", RelationType.CARRIES),
        Relation("a1", "a4", RelationType.COLLABORATES, weight=2.0),
    )
    return Dataset(actors, projects, relations, name="workspace")


def _values(vocabulary: type[Vocabulary], lang: str) -> str:
    """``code`` (French name) list for the README, one per item."""
    if lang == "fr":
        return ", ".join(f"`{m.label('fr')}`" for m in vocabulary)
    return ", ".join(f"`{m.value}`" for m in vocabulary)


def template_readme(lang: str) -> str:
    """The README of a new workspace: every column and every accepted value, in ``lang``."""
    def listing(types: frozenset[RelationType]) -> str:
        members = [m for m in RelationType if m in types]
        if lang == "fr":
            return ", ".join(f"`{m.label('fr')}`" for m in members)
        return ", ".join(f"`{m.value}`" for m in members)

    return translate(
        "validation.template.readme", lang,
        sectors=_values(Sector, lang), categories=_values(Category, lang),
        scopes=_values(Scope, lang), stages=_values(Stage, lang),
        actor_project=listing(ACTOR_TO_PROJECT), actor_actor=listing(ACTOR_TO_ACTOR),
    )
