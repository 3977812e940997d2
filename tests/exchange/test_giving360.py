"""360Giving grant data: the JSON package and the flattened CSV (field paths) import to the
expected workspace; the standard's column titles read the same; a grant to an individual
imports no name; missing required fields are located errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from graphmap.exchange import import_dataset
from graphmap.exchange.giving360 import GRANT_FIELDS
from graphmap.schema import Category, RelationType, Sector
from graphmap.workspace import load_workspace

from .conftest import FIXTURES, run_cli

EXPECTED = FIXTURES / "grants-expected"


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.csv"))}


def test_the_json_package_imports_to_the_expected_workspace(tmp_path: Path) -> None:
    done = run_cli("import", str(FIXTURES / "grants.json"), "-o", str(tmp_path / "ws"))
    assert done.returncode == 0, done.stderr
    assert "Wrote" in done.stderr
    assert "4 actors, 3 projects, 6 relations (imported from 360Giving)" in done.stderr
    assert _files(tmp_path / "ws") == _files(EXPECTED)


def test_every_field_used_lands_where_it_belongs() -> None:
    dataset, _ = import_dataset(FIXTURES / "grants.json", "360giving")
    assert dataset is not None
    funder = dataset.actor_by_id["CA-CRA_ACR-987654321RR0001"]
    assert (funder.name, funder.sector, funder.extra["org_id"]) == (
        "Fondation du Nord", Sector.PHILANTHROPIC, "CA-CRA_ACR-987654321RR0001")
    assert dataset.actor_by_id["GB-LAE-PDH"].sector is Sector.PUBLIC  # a local authority
    recipient = dataset.actor_by_id["CA-CRA_ACR-123456789RR0001"]
    assert (recipient.sector, recipient.extra["charityNumber"]) == (Sector.COMMUNITY,
                                                                    "123456789RR0001")
    project = dataset.project_by_id["360G-fondation-nord-2024-001"]
    assert (project.name, project.territory, project.start, project.end) == (
        "Cuisine collective de Lachute", "Argenteuil", "2024-04-01", "2025-03-31")
    assert project.extra["description"] == "Ateliers de cuisine pour les familles"
    assert project.extra["grantProgramme/0/title"] == "Sécurité alimentaire"
    two_places = dataset.project_by_id["360G-fondation-nord-2024-002"]
    assert two_places.extra["beneficiary_locations"] == "Argenteuil; Mirabel"
    funds = [r for r in dataset.relations if r.type is RelationType.FUNDS]
    assert [(r.source, r.target, r.amount, r.year, r.extra["currency"]) for r in funds] == [
        ("CA-CRA_ACR-987654321RR0001", "360G-fondation-nord-2024-001", 12500.0, 2024, "CAD"),
        ("CA-CRA_ACR-987654321RR0001", "360G-fondation-nord-2024-002", 8000.5, 2024, "CAD"),
        ("GB-LAE-PDH", "360G-mrc-2023-014", 40000.0, 2023, "CAD"),
    ]
    carries = [(r.source, r.target) for r in dataset.relations
               if r.type is RelationType.CARRIES]
    assert carries == [("CA-CRA_ACR-123456789RR0001", "360G-fondation-nord-2024-001"),
                       ("CA-CRA_ACR-123456789RR0001", "360G-fondation-nord-2024-002"),
                       ("CA-CRA_ACR-555555555RR0001", "360G-mrc-2023-014")]


def test_the_flattened_csv_gives_the_same_workspace(tmp_path: Path) -> None:
    from_json, _ = import_dataset(FIXTURES / "grants.json", "360giving")
    from_csv, issues = import_dataset(FIXTURES / "grants-flat.csv", "360giving")
    assert from_csv == from_json
    assert [i.code for i in issues] == ["exchange.giving_defaults"]
    done = run_cli("import", str(FIXTURES / "grants-flat.csv"), "-o", str(tmp_path / "ws"))
    assert done.returncode == 0, done.stderr
    assert _files(tmp_path / "ws") == _files(EXPECTED)


def test_the_standard_titles_read_like_the_paths(tmp_path: Path) -> None:
    """A workbook with the standard's column titles (``Recipient Org:Identifier``...)."""
    from openpyxl import Workbook

    with (FIXTURES / "grants-flat.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    used = [i for i, header in enumerate(rows[0]) if header in GRANT_FIELDS]
    book = Workbook()
    sheet = book.active
    sheet.title = "grants"
    sheet.append([GRANT_FIELDS[rows[0][i]] for i in used])
    for row in rows[1:]:
        sheet.append([row[i] or None for i in used])
    book.save(tmp_path / "grants.xlsx")
    from_titles, issues = import_dataset(tmp_path / "grants.xlsx", "360giving")
    from_json, _ = import_dataset(FIXTURES / "grants.json", "360giving")
    assert from_titles is not None
    assert from_json is not None
    assert [i.code for i in issues] == ["exchange.giving_defaults"]

    def essentials(dataset: Any) -> Any:
        return ([(a.id, a.name, a.sector) for a in dataset.actors],
                [(p.id, p.name, p.territory, p.start, p.end) for p in dataset.projects],
                [(r.source, r.target, r.type, r.amount, r.year) for r in dataset.relations])

    assert essentials(from_titles) == essentials(from_json)
    # The format is guessed from the workbook's headers.
    done = run_cli("import", str(tmp_path / "grants.xlsx"), "-o", str(tmp_path / "ws.json"))
    assert done.returncode == 0, done.stderr


def test_a_grant_to_an_individual_imports_no_name(tmp_path: Path) -> None:
    source = FIXTURES / "grants-individual.json"
    person = json.loads(source.read_text(encoding="utf-8"))["grants"][0]["recipientIndividual"]
    for output in ("ws", "ws.xlsx", "ws.json"):
        done = run_cli("import", str(source), "-o", str(tmp_path / output), "--lang", "fr")
        assert done.returncode == 0, done.stderr
        assert ("grants-individual.json[grants]:1: avertissement\u00a0: subvention à une "
                "personne\u00a0: son nom n'est pas importé") in done.stderr
        written = tmp_path / output
        files = sorted(written.glob("*.csv")) if written.is_dir() else [written]
        if output.endswith(".xlsx"):
            import zipfile

            with zipfile.ZipFile(written) as book:
                content = b"".join(book.read(n) for n in book.namelist()).decode("utf-8")
        else:
            content = "".join(f.read_text(encoding="utf-8") for f in files)
        for secret in (person["name"], "Tremblay", "Marie", person["id"], "7781"):
            assert secret not in content
        assert person["name"] not in done.stderr
    dataset = load_workspace(tmp_path / "ws")
    individual = next(a for a in dataset.actors if a.category is Category.INDIVIDUAL)
    assert individual.name == "Personne (subvention 360G-fondation-nord-IND-42)"
    assert individual.sector is Sector.CITIZEN
    assert individual.extra == {}


def test_missing_required_fields_are_located_errors(tmp_path: Path) -> None:
    dataset, issues = import_dataset(FIXTURES / "grants-missing.json", "360giving")
    assert dataset is None
    assert [i.format("en") for i in issues if i.is_error] == [
        "grants-missing.json[grants]:1:amountAwarded: required field 'amountAwarded' is "
        "missing or empty",
        "grants-missing.json[grants]:2:awardDate: unreadable date 'le 3 mars' (expected "
        "YYYY-MM-DD)",
        "grants-missing.json[grants]:2:fundingOrganization/0/name: required field "
        "'fundingOrganization/0/name' is missing or empty",
        "grants-missing.json[grants]:3: grant without a recipient (recipientOrganization or "
        "recipientIndividual)",
    ]
    done = run_cli("import", str(FIXTURES / "grants-missing.json"), "-o", str(tmp_path / "w"))
    assert done.returncode == 1
    assert "Error: 4 errors in" in done.stderr
    assert not (tmp_path / "w").exists()


def test_flattened_rows_are_located_by_spreadsheet_row(cli_group: Any, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_group, ["import", str(FIXTURES / "grants-titles-errors.csv"),
                                            "-o", str(tmp_path / "w"), "--lang", "fr"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("grants-")]
    assert lines[1:] == [
        "grants-titles-errors.csv:2:Funding Org:Name: champ obligatoire «\u00a0Funding "
        "Org:Name\u00a0» absent ou vide",
        "grants-titles-errors.csv:3:Amount Awarded: «\u00a0douze\u00a0» n'est pas un nombre "
        "(exemples\u00a0: 12500, 12 500, 12 500,50, 12 500 $)",
    ]
