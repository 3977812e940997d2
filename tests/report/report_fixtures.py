"""Helpers of the report tests: a hand-built report (no engine involved) and fixture paths."""

from __future__ import annotations

from pathlib import Path

from graphmap.analysis.report import (
    AnalysisReport,
    Broker,
    Brokerage,
    Community,
    Gap,
    Opportunity,
)
from graphmap.i18n import Message
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import RelationType, Scope, Sector, Stage

FIXTURES = Path(__file__).parent / "fixtures"


def say(label: str, value: object = "") -> Message:
    """A Message of the catalogue that carries arbitrary text (stands in for engine sentences)."""
    return Message("report.label_value", {"label": label, "value": value})


def build_report(names: dict[str, str] | None = None) -> tuple[Dataset, AnalysisReport]:
    """A small ecosystem and a report about it, written by hand (no engine involved)."""
    names = {"a1": "Table de concertation", "a2": "Fondation Laurentienne",
             "a3": "Ville de Saint-Jérôme", "a4": "Citoyen isolé",
             "p1": "Épicerie solidaire", "p2": "Logement partagé", **(names or {})}
    R = RelationType
    dataset = Dataset(
        actors=(
            Actor("a1", names["a1"], Sector.COMMUNITY, territory="Rivière-du-Nord"),
            Actor("a2", names["a2"], Sector.PHILANTHROPIC, scope=Scope.REGIONAL),
            Actor("a3", names["a3"], Sector.PUBLIC, territory="Rivière-du-Nord"),
            Actor("a4", names["a4"], Sector.CITIZEN),
        ),
        projects=(Project("p1", names["p1"], Stage.FEEDBACK, territory="Rivière-du-Nord"),
                  Project("p2", names["p2"], Stage.EMERGENCE)),
        relations=(Relation("a1", "p1", R.CARRIES), Relation("a2", "p1", R.FUNDS, amount=12500.0),
                   Relation("a3", "p1", R.SUPPORTS), Relation("a1", "p2", R.CARRIES)),
        name="Mini",
    )
    brokers = (
        Broker("a1", names["a1"], 1, 0.8333333333333334, 0.5208333333333333, 1.6666666666666667,
               Brokerage(coordinator=1, liaison=2), say(names["a1"], "relie deux secteurs"),
               ("community", "public")),
        Broker("a3", names["a3"], 2, 0.0, 1.0, 1.0, Brokerage(), say(names["a3"], "aucun")),
        Broker("a2", names["a2"], 3, 0.0, 1.0, 1.0, Brokerage(gatekeeper=1), say(names["a2"])),
        Broker("a4", names["a4"], 4, None, None, None, Brokerage(), say(names["a4"])),
    )
    gaps = (
        Gap("project.no_adopter", "high", "p1", "project", say(names["p1"], "no adopter"),
            say("remedy", "find adopters"), {"stage": Stage.FEEDBACK, "adopters": ()}),
        Gap("project.single_funder", "medium", "p1", "project", say(names["p1"], "one funder"),
            say("remedy", "a second funder"), {"funders": ("a2",), "share": 1.0}),
        Gap("actor.isolated", "low", "a4", "actor", say(names["a4"], "isolated"),
            say("remedy", "introduce"), {}),
        Gap("ecosystem.fragmented", "medium", "ecosystem", "ecosystem", say("fragmented", 2),
            say("remedy", "bridge"), {"components": 2, "nan": float("nan")}),
    )
    opportunities = (
        Opportunity("fund", "a2", "p2", 0.75, (say(names["p1"], "similar"),), "a1",
                    ("a2", "p1", "a1", "p2")),
        Opportunity("collaborate", "a3", "a2", 1 / 3, (say("shared", names["p1"]),), None,
                    ("a3", "p1", "a2")),
    )
    communities = (
        Community(0, ("a1", "a2", "a3", "p1"), say("community", names["a1"]), "community",
                  "Rivière-du-Nord"),
        Community(1, ("a4",), say("citizen"), "citizen", None),
    )
    report = AnalysisReport(
        graphmap_version="0.1.0",
        summary={"actors": 4, "projects": 2, "relations": 4, "components": 3,
                 "density": 0.26666666666666666, "isolated_actors": 1,
                 "projects_by_stage": {"emergence": 1, "mobilization": 0, "feedback": 1,
                                       "appropriation": 0},
                 "funding": {"total": 12500.0, "by_funder": {"a2": 12500.0}, "hhi": 1.0}},
        brokers=brokers, gaps=gaps, opportunities=opportunities, communities=communities,
        meta={"betweenness": {"approximate": False, "nodes": 6}, "seed": 42,
              "group_by": "sector"},
    )
    return dataset, report
