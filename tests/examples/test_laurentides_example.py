"""The Laurentides example: the CSV folder and the workbook are the same data, the workbook
is reproducible and up to date, the ecosystem covers what the README promises, and the
imperfections planted in it are exactly the ones its README lists."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.model.dataset import Dataset
from graphmap.schema import (
    ADOPTER_TYPES,
    Category,
    RelationType,
    Scope,
    Sector,
    Stage,
)
from graphmap.workspace import load_workspace

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "examples" / "laurentides"
WORKBOOK = ROOT / "examples" / "laurentides.xlsx"
SCRIPT = FOLDER / "make_xlsx.py"
README = FOLDER / "README.md"

MRC_TERRITORIES = (
    "Antoine-Labelle", "Argenteuil", "Deux-Montagnes", "La Rivière-du-Nord",
    "Les Laurentides", "Les Pays-d'en-Haut", "Thérèse-De Blainville", "Mirabel",
)


@pytest.fixture(scope="module")
def folder_dataset() -> Dataset:
    return load_workspace(FOLDER)


@pytest.fixture(scope="module")
def workbook_dataset() -> Dataset:
    return load_workspace(WORKBOOK)


# --- the two forms of the example -----------------------------------------------------

def test_folder_and_workbook_load_to_the_same_dataset(folder_dataset: Dataset,
                                                      workbook_dataset: Dataset) -> None:
    assert folder_dataset == workbook_dataset
    # Dataset equality ignores warnings; both forms warn about the same two actors, on the
    # same spreadsheet rows.
    for dataset, file in ((folder_dataset, "actors.csv"),
                          (workbook_dataset, "laurentides.xlsx[actors]")):
        assert [(w.code, w.file, w.row, w.column, w.is_error) for w in dataset.warnings] == [
            ("actor.isolated", file, 98, None, False),
            ("actor.isolated", file, 105, None, False),
        ]


def test_territories_nest_the_mrcs_in_the_region(folder_dataset: Dataset) -> None:
    by_name = {t.name: t for t in folder_dataset.territories}
    assert by_name["Laurentides"].kind == "region"
    for mrc in MRC_TERRITORIES:
        assert by_name[mrc].parent == by_name["Laurentides"].id
        assert by_name[mrc].kind == "mrc"
    # "Laurentides" (the region) and "Les Laurentides" (an MRC) are two territories.
    assert by_name["Les Laurentides"].id != by_name["Laurentides"].id
    declared = set(by_name)
    assert {a.territory for a in folder_dataset.actors} <= declared
    assert {p.territory for p in folder_dataset.projects} <= declared


def test_extra_columns_travel_with_the_records(folder_dataset: Dataset) -> None:
    assert folder_dataset.extra_columns == {
        "actors": ("website", "contact", "notes"),
        "projects": ("description", "budget_note"),
        "relations": ("program",),
        "territories": (),
    }
    hub = folder_dataset.actor_by_id["carrefour-es"]
    assert hub.extra == {"website": "https://carrefour-es.example", "contact": "Agente de projets",
                         "notes": "Pôle régional d'économie sociale"}
    # Extra values are plain short text a tooltip can show.
    for record in (*folder_dataset.actors, *folder_dataset.projects, *folder_dataset.relations):
        for value in record.extra.values():
            assert 0 < len(value) <= 80
            assert "\n" not in value


def test_make_xlsx_reproduces_the_committed_workbook(tmp_path: Path) -> None:
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    for out in (first, second):
        run = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)],
                             capture_output=True, text=True, check=False)
        assert run.returncode == 0, run.stderr
        assert run.stdout == ""
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == WORKBOOK.read_bytes(), (
        "examples/laurentides.xlsx is stale: run python examples/laurentides/make_xlsx.py")


def test_make_xlsx_stops_on_a_data_error_with_located_messages(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(FOLDER, broken)
    projects = broken / "projects.csv"
    text = projects.read_text(encoding="utf-8")
    row = "p-ressourcerie-mobile,Ressourcerie mobile de quartier,"
    projects.write_text(text.replace(row + "feedback", row + "fedback"), encoding="utf-8")
    out = tmp_path / "out.xlsx"
    run = subprocess.run([sys.executable, str(SCRIPT), "--csv", str(broken), "--out", str(out)],
                         capture_output=True, text=True, check=False,
                         env={**os.environ, "GRAPHMAP_LANG": "en"})
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "projects.csv:2:stage: unknown stage 'fedback'; did you mean 'feedback'?" in run.stderr
    assert not out.exists()


# --- coverage the README promises -----------------------------------------------------

def test_actor_coverage(folder_dataset: Dataset) -> None:
    actors = folder_dataset.actors
    assert len(actors) == 104
    assert {a.sector for a in actors} == set(Sector)
    assert {a.scope for a in actors} == set(Scope)
    assert {a.category for a in actors} == set(Category)
    assert all(a.sector is Sector.CITIZEN for a in actors if a.category is Category.INDIVIDUAL)
    kinds = {a.type for a in actors}
    for kind in ("ministry", "federal_agency", "mrc", "municipality", "cld", "sadc", "cdec",
                 "foundation", "credit_union", "university", "college", "research_chair",
                 "liaison_transfer_centre", "union", "citizen_group", "regional_hub",
                 "local_newspaper", "regional_tv", "community_radio"):
        assert kind in kinds, kind
    hub = folder_dataset.actor_by_id["carrefour-es"]
    assert (hub.sector, hub.scope) == (Sector.SOCIAL_ECONOMY, Scope.REGIONAL)
    # Ministries act province-wide, municipalities and MRCs locally.
    for actor in actors:
        if actor.type == "ministry":
            assert actor.scope is Scope.PROVINCIAL
        if actor.type in ("mrc", "municipality"):
            assert actor.scope is Scope.LOCAL
            assert actor.territory in MRC_TERRITORIES


def test_project_coverage(folder_dataset: Dataset) -> None:
    projects = folder_dataset.projects
    assert len(projects) == 30
    assert {p.stage for p in projects} == set(Stage)
    assert {p.territory for p in projects} == set(MRC_TERRITORIES)
    themes = {t for p in projects for t in p.themes}
    assert {"sécurité alimentaire", "logement", "mobilité", "économie circulaire",
            "petite enfance et famille", "aînés", "intégration en emploi", "culture",
            "inclusion numérique"} <= themes
    for p in projects:
        assert p.start is not None
        assert re.fullmatch(r"20\d\d", p.start)
        assert p.end is None or p.end >= p.start
    assert sum(p.end is not None for p in projects) == 2
    assert {a.territory for a in folder_dataset.actors} >= set(MRC_TERRITORIES)


def test_relation_coverage(folder_dataset: Dataset) -> None:
    relations = folder_dataset.relations
    assert len(relations) == 316
    assert {r.type for r in relations} == set(RelationType)
    funds = [r for r in relations if r.type is RelationType.FUNDS]
    assert len(funds) == 76
    assert all(r.amount is not None and 5_000 <= r.amount <= 750_000 for r in funds)
    assert all(r.year is not None and 2019 <= r.year <= 2025 for r in funds)
    assert sum(r.amount for r in funds if r.amount is not None) == 6_100_000
    supports = [r for r in relations if r.type is RelationType.SUPPORTS]
    assert {r.kind for r in supports} == {"knowledge", "promotion", "documentation",
                                          "credibility", "expertise", "network"}
    assert all(r.amount is None for r in relations if r.type is not RelationType.FUNDS)


# --- the planted imperfections --------------------------------------------------------

def planted_gaps(dataset: Dataset, min_sectors: int = 3) -> set[tuple[str, str]]:
    """The gaps of docs/analysis.md §7, computed plainly and independently of graphmap.analysis."""
    projects = dataset.project_by_id
    ties: dict[str, list[tuple[str, RelationType]]] = defaultdict(list)
    for r in dataset.relations:
        if r.target in projects:
            ties[r.target].append((r.source, r.type))
    gaps: set[tuple[str, str]] = set()
    for p in dataset.projects:
        types = [t for _, t in ties[p.id]]
        funders = {a for a, t in ties[p.id] if t is RelationType.FUNDS}
        sectors = {dataset.actor_by_id[a].sector for a, _ in ties[p.id]}
        rank = p.stage.rank
        checks = {
            "project.no_carrier": RelationType.CARRIES not in types,
            "project.no_funder": rank >= 1 and not funders,
            "project.single_funder": rank >= 2 and len(funders) == 1,
            "project.no_support": rank >= 1 and RelationType.SUPPORTS not in types,
            "project.low_diversity": rank >= 1 and len(sectors) < min_sectors,
            "project.no_adopter": rank >= 2 and not set(types) & ADOPTER_TYPES,
        }
        gaps |= {(code, p.id) for code, fired in checks.items() if fired}
    for territory in {p.territory for p in dataset.projects if p.territory}:
        local = {a.id for a in dataset.actors if a.territory == territory}
        for code, role in (("territory.no_local_funder", RelationType.FUNDS),
                           ("territory.no_local_support", RelationType.SUPPORTS)):
            if not any(r.type is role and r.source in local for r in dataset.relations):
                gaps.add((code, territory))
    tied = {r.source for r in dataset.relations} | {r.target for r in dataset.relations}
    gaps |= {("actor.isolated", a.id) for a in dataset.actors if a.id not in tied}
    if len(_components_with_a_project(dataset)) > 1:
        gaps.add(("ecosystem.fragmented", "ecosystem"))
    return gaps


def _components_with_a_project(dataset: Dataset) -> list[set[str]]:
    neighbours: dict[str, set[str]] = defaultdict(set)
    for r in dataset.relations:
        neighbours[r.source].add(r.target)
        neighbours[r.target].add(r.source)
    seen: set[str] = set()
    components = []
    for start in dataset.project_by_id:
        if start in seen:
            continue
        component, stack = {start}, [start]
        while stack:
            for other in neighbours[stack.pop()] - component:
                component.add(other)
                stack.append(other)
        seen |= component
        components.append(component)
    return components


def readme_gaps() -> set[tuple[str, str]]:
    rows = re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| `([^`]+)` \|", README.read_text("utf-8"),
                      flags=re.MULTILINE)
    return set(rows)


def test_readme_lists_exactly_the_planted_gaps(folder_dataset: Dataset) -> None:
    expected = {
        ("project.no_carrier", "p-epicerie-mobile"),
        ("project.no_funder", "p-frigos-solidaires"),
        ("project.no_funder", "p-numerique-aines"),
        ("project.single_funder", "p-ressourcerie-mobile"),
        ("project.single_funder", "p-cuisines-intergenerationnelles"),
        ("project.no_support", "p-jardins-collectifs"),
        ("project.low_diversity", "p-club-marche-aines"),
        ("project.low_diversity", "p-halte-garderie-lachute"),
        ("project.no_adopter", "p-covoiturage-rural"),
        ("project.no_adopter", "p-repertoire-culturel"),
        ("territory.no_local_funder", "Mirabel"),
        ("territory.no_local_support", "Argenteuil"),
        ("actor.isolated", "rachel-caron"),
        ("actor.isolated", "plume-argenteuil"),
        ("ecosystem.fragmented", "ecosystem"),
    }
    assert planted_gaps(folder_dataset) == expected
    assert readme_gaps() == expected


def test_the_separate_island_is_the_ferme_neuve_cluster(folder_dataset: Dataset) -> None:
    components = sorted(_components_with_a_project(folder_dataset), key=len)
    assert len(components) == 2
    assert components[0] == {"p-chauffage-biomasse", "coop-forestiere-lievre",
                             "fondation-haute-lievre", "radio-lievre-ondes",
                             "comite-citoyen-ferme-neuve"}


def test_opportunity_seeds_are_in_place(folder_dataset: Dataset) -> None:
    """What the README's expected opportunities rest on (the engine itself is tested in
    tests/analysis)."""
    ds = folder_dataset
    funded = defaultdict(set)
    for r in ds.relations:
        if r.type is RelationType.FUNDS and r.target in ds.project_by_id:
            funded[r.source].add(r.target)
    # A regional funder of food-security projects exists for the Mirabel project.
    food = {p.id for p in ds.projects if "sécurité alimentaire" in p.themes}
    assert ds.actor_by_id["entraide-unie"].scope is Scope.REGIONAL
    assert len(funded["entraide-unie"] & food) == 3
    # The two foundations co-fund four projects and are not tied to each other.
    assert len(funded["entraide-unie"] & funded["fondation-lac-montagnes"]) == 4
    pairs = {frozenset((r.source, r.target)) for r in ds.relations}
    assert frozenset(("entraide-unie", "fondation-lac-montagnes")) not in pairs


# --- the real CLI on the example ------------------------------------------------------

def test_validate_subprocess_on_the_folder_exits_0_with_two_warnings() -> None:
    run = subprocess.run([sys.executable, "-m", "graphmap", "validate", str(FOLDER),
                          "--lang", "en"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    output = run.stdout + run.stderr
    assert "Traceback" not in output
    assert "actors.csv:98: warning: actor 'rachel-caron' has no relation" in output
    assert "actors.csv:105: warning: actor 'plume-argenteuil' has no relation" in output
    assert "104 actors, 30 projects, 316 relations" in output


def test_validate_cli_on_the_workbook_in_french() -> None:
    result = CliRunner().invoke(cli, ["validate", str(WORKBOOK), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "104 acteurs, 30 projets, 316 relations" in result.output
    assert ("laurentides.xlsx[actors]:98: avertissement\u00a0: l'acteur "
            "«\u00a0rachel-caron\u00a0» n'a aucune relation") in result.output
