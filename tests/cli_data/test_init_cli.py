"""``graphmap init``: a template workspace that validates, in French or English, never
overwriting anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.schema import RelationType, Sector, Stage
from graphmap.workspace import load_workspace


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_init_writes_a_workspace_that_validates(tmp_path: Path, lang: str) -> None:
    target = tmp_path / "ws"
    result = CliRunner().invoke(cli, ["init", str(target), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == [
        "README.md", "actors.csv", "projects.csv", "relations.csv"]
    check = CliRunner().invoke(cli, ["validate", str(target), "--lang", lang])
    assert check.exit_code == 0, check.output
    dataset = load_workspace(target)
    assert dataset.warnings == ()
    assert len(dataset.actors) == 4
    assert len(dataset.projects) == 2
    assert {r.type for r in dataset.relations} >= {RelationType.CARRIES, RelationType.FUNDS,
                                                   RelationType.SUPPORTS}


def test_init_in_french_uses_french_headers_and_values(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["init", str(tmp_path / "ws"), "--lang", "fr"])
    actors = (tmp_path / "ws" / "actors.csv").read_text(encoding="utf-8").splitlines()
    assert actors[0] == "id,nom,secteur,type,catégorie,territoire,portée,site web"
    assert actors[1].split(",")[2] == "communautaire"
    relations = (tmp_path / "ws" / "relations.csv").read_text(encoding="utf-8").splitlines()
    assert relations[0] == "source,cible,type,montant,année,poids,nature"
    readme = (tmp_path / "ws" / "README.md").read_text(encoding="utf-8")
    for word in ("économie sociale", "rétroaction", "bénéficie", "portée", "montant"):
        assert word in readme
    dataset = load_workspace(tmp_path / "ws")
    assert dataset.actors[0].sector is Sector.COMMUNITY
    assert dataset.projects[0].stage is Stage.MOBILIZATION


def test_english_readme_lists_every_value(tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["init", str(tmp_path / "ws"), "--lang", "en"])
    readme = (tmp_path / "ws" / "README.md").read_text(encoding="utf-8")
    for vocabulary in (Sector, Stage, RelationType):
        for member in vocabulary:
            assert f"`{member.value}`" in readme


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "projects.csv").write_text("mine", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "init", str(tmp_path), "--lang", "en"],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (f"Error: {tmp_path} already holds projects.csv: nothing was "
                             "written. Choose another folder.\n")
    assert (tmp_path / "projects.csv").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "actors.csv").exists()


def test_init_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["init", "--help"])
    assert result.exit_code == 0
    assert "graphmap init" in result.output
