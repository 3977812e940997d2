"""Shared helpers of the analysis tests: compact Dataset builders, R and the example."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import RelationType, Scope, Sector, Stage

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "laurentides"


def actor(id_: str, sector: str = "community", *, territory: str | None = None,
          scope: str = "local", category: str = "organization") -> Actor:
    from graphmap.schema import Category

    return Actor(id_, id_.upper(), Sector(sector), territory=territory, scope=Scope(scope),
                 category=Category(category))


def project(id_: str, stage: str = "emergence", *, territory: str | None = None,
            themes: tuple[str, ...] = ()) -> Project:
    return Project(id_, id_.upper(), Stage(stage), themes=themes, territory=territory)


def rel(source: str, type_: str, target: str, amount: float | None = None) -> Relation:
    return Relation(source, target, RelationType(type_), amount=amount)


def dataset(actors: list[Actor] = (), projects: list[Project] = (),  # type: ignore[assignment]
            relations: list[Relation] = ()) -> Dataset:  # type: ignore[assignment]
    return Dataset(actors=tuple(actors), projects=tuple(projects), relations=tuple(relations))


def random_ecosystem(seed: int, n_actors: int = 50, n_projects: int = 40) -> Dataset:
    """A seeded random workspace using every sector, scope, category, stage and relation
    type, with themes, unknown territories and actor→actor relations."""
    rng = random.Random(seed)
    sectors = ["public", "community", "academic", "media", "philanthropic", "private"]
    places = ["T1", "T2", "T3", None]
    themes = ["food", "housing", "youth", "culture", "climate"]
    actors = [actor(f"a{i:02d}", rng.choice(sectors), territory=rng.choice(places),
                    scope=rng.choice(["local", "local", "regional", "provincial"]),
                    category=rng.choice(["organization", "organization", "individual"]))
              for i in range(n_actors)]
    projects = [project(f"p{i:02d}", rng.choice(["emergence", "mobilization", "feedback",
                                                 "appropriation"]),
                        territory=rng.choice(places),
                        themes=tuple(rng.sample(themes, rng.choice([0, 1, 1, 2, 3]))))
                for i in range(n_projects)]
    relations = []
    for _ in range(220):
        a = rng.choice(actors).id
        if rng.random() < 0.85:
            t = rng.choice(projects).id
            kind = rng.choice(["carries", "funds", "funds", "supports", "supports",
                               "adopts", "benefits"])
        else:
            t = rng.choice(actors).id
            kind = rng.choice(["collaborates", "member_of", "funds", "supports"])
        if a != t:
            relations.append(rel(a, kind, t))
    return dataset(actors, projects, relations)


def dataset_of(graph: Any) -> Dataset:
    """A workspace of actors only whose graphs are ``graph`` (a networkx graph, nodes named
    as ids, in node order): an undirected graph gives ``G_u`` = ``graph`` (``collaborates``
    ties), a directed one gives ``F`` = ``graph`` (actor→actor ``funds``)."""
    kind = "funds" if graph.is_directed() else "collaborates"
    return dataset([actor(str(v)) for v in graph.nodes()], [],
                   [rel(str(u), kind, str(v)) for u, v in graph.edges() if u != v])


def _r_ready() -> bool:
    if shutil.which("Rscript") is None:
        return False
    done = subprocess.run(["Rscript", "-e", "suppressMessages(library(sna))"],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture(scope="session")
def rscript() -> str:
    """The path of Rscript with statnet's sna installed (the suite requires it)."""
    if not _r_ready():
        pytest.fail("Rscript with the sna package is required (apt: r-base-core r-cran-sna)")
    return shutil.which("Rscript") or "Rscript"


@pytest.fixture(scope="session")
def example() -> Dataset:
    """The Laurentides example workspace, loaded with the real loader."""
    from graphmap.workspace import load_workspace

    return load_workspace(EXAMPLE)
