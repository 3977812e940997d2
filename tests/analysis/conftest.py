"""Shared helpers of the analysis tests: compact Dataset builders, R and the example."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

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
