"""``graphmap validate``: the real CLI, in-process (CliRunner) and as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PLANTED = FIXTURES / "planted"

# Thirteen different kinds of mistake planted in one workspace, all reported in one run.
PLANTED_EN = [
    "actors.csv:1:terrritoire: warning: unknown column 'terrritoire', kept as an attribute; "
    "did you mean 'territoire'?",
    "actors.csv:3:secteur: unknown sector 'publik'; did you mean 'public'? (accepted: public, "
    "private, philanthropic, community, social_economy, academic, media, citizen)",
    "actors.csv:4:id: id 'a1' is already used (actors.csv, row 2); ids are unique across "
    "actors and projects",
    "actors.csv:5: warning: actor 'a4' has no relation",
    "actors.csv:5:nom: required value missing in 'nom'",
    "actors.csv:6:catégorie: unknown category 'organisaton'; did you mean 'organization'? "
    "(accepted: organization, individual, group)",
    "projects.csv:2:fin: end (2023) is before start (2024)",
    "projects.csv:3:début: '2024-02-30' is not a YYYY-MM-DD date nor a YYYY year",
    "projects.csv:3:étape: unknown stage 'apropriation'; did you mean 'appropriation'? "
    "(accepted: emergence, mobilization, feedback, appropriation)",
    "relations.csv:3:montant: negative amount '-100'; an amount is zero or more",
    "relations.csv:4:année: '24' is not a year (YYYY, for example 2023)",
    "relations.csv:5:cible: 'p9' is neither an actor nor a project",
    "relations.csv:6:cible: 'a1' is related to itself",
    "relations.csv:7:source: source 'p1' is a project; a relation always starts from an actor",
    "relations.csv:8:type: 'porte' links an actor to a project, but 'a5' is an actor",
    "relations.csv:9:poids: weight '0': a weight must be greater than zero",
    "relations.csv:10: warning: same relation as row 2",
]


def _env(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GRAPHMAP"))}
    env["GRAPHMAP_LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_planted_mistakes_all_reported_by_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "validate", str(PLANTED)],
        capture_output=True, text=True, encoding="utf-8", env=_env("en"), check=False,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == PLANTED_EN
    assert result.stderr == "Error: 14 errors in the workspace.\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_planted_mistakes_with_clirunner_in_french() -> None:
    result = CliRunner().invoke(cli, ["validate", str(PLANTED), "--lang", "fr"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(PLANTED_EN)
    assert lines[2] == ("actors.csv:4:id: l'identifiant «\u00a0a1\u00a0» est déjà utilisé "
                        "(actors.csv, ligne 2)\u00a0; les identifiants sont uniques parmi les "
                        "acteurs et les projets")
    assert lines[5] == ("actors.csv:6:catégorie: catégorie inconnue "
                        "«\u00a0organisaton\u00a0»\u00a0; vouliez-vous dire "
                        "«\u00a0organisation\u00a0»\u00a0? (valeurs\u00a0: organisation, "
                        "individu, groupe)")
    assert result.stderr == "Erreur\u00a0: 14 erreurs dans l'espace de travail.\n"


def test_valid_workspace_prints_a_summary() -> None:
    result = CliRunner().invoke(cli, ["validate", str(FIXTURES / "good"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{FIXTURES / 'good'}: valid workspace (3 actors, 2 projects, 6 relations).",
        "Actors by sector:",
        "  public                1",
        "  private               0",
        "  philanthropic         1",
        "  community             1",
        "  social economy        0",
        "  academic              0",
        "  media                 0",
        "  citizen               0",
        "Projects by stage:",
        "  emergence             1",
        "  mobilization          1",
        "  feedback              0",
        "  appropriation         0",
        "Relations by type:",
        "  carries               2",
        "  funds                 2",
        "  supports              1",
        "  adopts                0",
        "  benefits              0",
        "  collaborates          1",
        "  member of             0",
        "Warnings: 0",
    ]


def test_warnings_are_listed_and_exit_zero() -> None:
    result = CliRunner().invoke(cli, ["validate", str(FIXTURES / "bad" / "isolated_actor"),
                                      "--lang", "en"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-2:] == [
        "Warnings: 1", "actors.csv:5: warning: actor 'a4' has no relation"]


@pytest.mark.parametrize("target", ["nowhere", "bad/old_workbook.xls"])
def test_usage_errors_exit_2(target: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "validate", str(FIXTURES / target)],
        capture_output=True, text=True, encoding="utf-8", env=_env("en"), check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr


def test_validate_help_has_an_example() -> None:
    result = CliRunner().invoke(cli, ["validate", "--help"], env={"GRAPHMAP_LANG": "en"})
    assert result.exit_code == 0
    assert "graphmap validate examples/laurentides" in result.output
    assert "FILE:ROW:COLUMN" in result.output
