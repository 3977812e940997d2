"""Amounts, years and dates in the forms people type in a hand-made workbook (issue 15).

Each form is read to a pinned value; each interpreted one gives a located warning whose text
is pinned in French and English; a foreign currency is a located error. Through
``check_workspace`` and the real CLI.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphmap.diagnostics import Issue
from graphmap.schema import RelationType
from graphmap.validation.forms import ForeignCurrency, read_amount, read_date, read_year
from graphmap.validation.values import parse_number
from graphmap.workspace import check_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "intake_values"
VALUES = FIXTURES / "values"
REFUSED = FIXTURES / "refused"

# Every warning of the values fixture, as `graphmap validate --lang fr` prints it.
VALUES_FR = [
    "projects.csv:3:début: avertissement : « 03/04/2024 » se lit de deux façons : lue le jour "
    "d'abord, comme le 3 avril 2024 (2024-04-03) ; si c'est le 4 mars 2024, écrivez 2024-03-04",
    "projects.csv:3:fin: avertissement : « sept. 2025 » est un mois : lu comme son dernier "
    "jour, le 30 septembre 2025 (2025-09-30)",
    "projects.csv:4:début: avertissement : « janvier 2024 » est un mois : lu comme son premier "
    "jour, le 1er janvier 2024 (2024-01-01)",
    "projects.csv:4:fin: avertissement : « 2024-2025 » est une période : lue comme l'année "
    "2024, sa première année",
    "projects.csv:5:fin: avertissement : « 09/30/2025 » : 30 ne peut pas être un mois ; lue le "
    "mois d'abord, comme le 30 septembre 2025 (2025-09-30)",
    "relations.csv:3:année: avertissement : « 2024-2025 » est une période : lue comme l'année "
    "2024, sa première année",
    "relations.csv:4:année: avertissement : « 2024–2025 » est une période : lue comme l'année "
    "2024, sa première année",
    "relations.csv:4:montant: avertissement : montant abrégé « 10k » : lu comme 10 000 $",
    "relations.csv:5:année: avertissement : « janvier 2024 » : seule l'année 2024 est gardée "
    "(une année s'écrit AAAA)",
    "relations.csv:5:montant: avertissement : montant abrégé « 10 k$ » : lu comme 10 000 $",
    "relations.csv:6:année: avertissement : « sept. 2024 » : seule l'année 2024 est gardée "
    "(une année s'écrit AAAA)",
    "relations.csv:6:montant: avertissement : montant abrégé « 1,5 M$ » : lu comme 1 500 000 $",
    "relations.csv:7:année: avertissement : « 2024/09/15 » : seule l'année 2024 est gardée "
    "(une année s'écrit AAAA)",
    "relations.csv:8:année: avertissement : « 15/09/2024 » : seule l'année 2024 est gardée "
    "(une année s'écrit AAAA)",
    "relations.csv:13:année: avertissement : « 03/04/2024 » : seule l'année 2024 est gardée "
    "(une année s'écrit AAAA)",
]
VALUES_EN = [
    "projects.csv:3:début: warning: '03/04/2024' reads two ways: read day first, as April 3, "
    "2024 (2024-04-03); if you meant March 4, 2024, write 2024-03-04",
    "projects.csv:3:fin: warning: 'sept. 2025' is a month: read as its last day, September 30, "
    "2025 (2025-09-30)",
    "projects.csv:4:début: warning: 'janvier 2024' is a month: read as its first day, January 1, "
    "2024 (2024-01-01)",
    "projects.csv:4:fin: warning: '2024-2025' is a period: read as the year 2024, its first year",
    "projects.csv:5:fin: warning: '09/30/2025': 30 cannot be a month; read month first, as "
    "September 30, 2025 (2025-09-30)",
    "relations.csv:3:année: warning: '2024-2025' is a period: read as the year 2024, its first "
    "year",
    "relations.csv:4:année: warning: '2024–2025' is a period: read as the year 2024, its first "
    "year",
    "relations.csv:4:montant: warning: abbreviated amount '10k': read as $10,000",
    "relations.csv:5:année: warning: 'janvier 2024': only the year 2024 is kept (a year is "
    "written YYYY)",
    "relations.csv:5:montant: warning: abbreviated amount '10 k$': read as $10,000",
    "relations.csv:6:année: warning: 'sept. 2024': only the year 2024 is kept (a year is written "
    "YYYY)",
    "relations.csv:6:montant: warning: abbreviated amount '1,5 M$': read as $1,500,000",
    "relations.csv:7:année: warning: '2024/09/15': only the year 2024 is kept (a year is written "
    "YYYY)",
    "relations.csv:8:année: warning: '15/09/2024': only the year 2024 is kept (a year is written "
    "YYYY)",
    "relations.csv:13:année: warning: '03/04/2024': only the year 2024 is kept (a year is written "
    "YYYY)",
]

REFUSED_FR = [
    "actors.csv:2: avertissement : l'acteur « cdc-nord » n'a aucune relation",
    "actors.csv:3: avertissement : l'acteur « cdc-sud » n'a aucune relation",
    "actors.csv:4:id: valeur obligatoire manquante dans « id »",
    "actors.csv:4:nom: valeur obligatoire manquante dans « nom »",
    "projects.csv:2:début: « 31/02/2024 » n'est pas une date AAAA-MM-JJ ni une année AAAA",
    "projects.csv:2:fin: « fin 2025 » n'est pas une date AAAA-MM-JJ ni une année AAAA",
    "relations.csv:2:source: « CDC » n'est pas un identifiant, et ce nom est celui de plusieurs "
    "acteurs ou projets : « cdc-nord » et « cdc-sud » ; écrivez l'identifiant de celui que vous "
    "voulez dire",
    "relations.csv:3:montant: « 5 000 € » est en euros (EUR) ; graphmap compte en dollars "
    "canadiens : convertissez le montant (le montant d'origine peut rester dans une colonne à "
    "vous)",
    "relations.csv:4:montant: « 5 000 $ US » est en dollars américains (USD) ; graphmap compte "
    "en dollars canadiens : convertissez le montant (le montant d'origine peut rester dans une "
    "colonne à vous)",
    "relations.csv:5:montant: « 10 km » n'est pas un nombre (exemples : 12500, 12 500, 12 500,50, "
    "12 500 $)",
    "relations.csv:6:source: « Fondation Riviere du Nor » n'est ni un acteur ni un projet ; "
    "vouliez-vous dire « fondation » ?",
    "relations.csv:7:année: « 2025-2024 » n'est pas une année (AAAA, par exemple 2023)",
    "relations.csv:7:montant: montant négatif « -10k » ; un montant est positif ou nul",
]
REFUSED_EN = [
    "actors.csv:2: warning: actor 'cdc-nord' has no relation",
    "actors.csv:3: warning: actor 'cdc-sud' has no relation",
    "actors.csv:4:id: required value missing in 'id'",
    "actors.csv:4:nom: required value missing in 'nom'",
    "projects.csv:2:début: '31/02/2024' is not a YYYY-MM-DD date nor a YYYY year",
    "projects.csv:2:fin: 'fin 2025' is not a YYYY-MM-DD date nor a YYYY year",
    "relations.csv:2:source: 'CDC' is not an id, and several actors or projects have that name: "
    "'cdc-nord' and 'cdc-sud'; write the id of the one you mean",
    "relations.csv:3:montant: '5 000 €' is in euros (EUR); graphmap counts in Canadian dollars: "
    "convert the amount (the original amount may stay in a column of your own)",
    "relations.csv:4:montant: '5 000 $ US' is in US dollars (USD); graphmap counts in Canadian "
    "dollars: convert the amount (the original amount may stay in a column of your own)",
    "relations.csv:5:montant: '10 km' is not a number (examples: 12500, 12 500, 12,500.50, "
    "12 500 $)",
    "relations.csv:6:source: 'Fondation Riviere du Nor' is neither an actor nor a project; did "
    "you mean 'fondation'?",
    "relations.csv:7:année: '2025-2024' is not a year (YYYY, for example 2023)",
    "relations.csv:7:montant: negative amount '-10k'; an amount is zero or more",
]


def _lines(issues: list[Issue], lang: str) -> list[str]:
    """The issues as the CLI prints them, with French spaces made plain for reading."""
    return [i.format(lang).replace("\u00a0", " ").replace("\u202f", " ") for i in issues]


def _env(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GRAPHMAP"))}
    env["GRAPHMAP_LANG"] = lang
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _validate(path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphmap", "validate", str(path)],
                          capture_output=True, text=True, encoding="utf-8", env=_env(lang),
                          check=False)


# -- through check_workspace ----------------------------------------------------------------
def test_every_value_form_is_read_to_its_value() -> None:
    dataset, issues = check_workspace(VALUES)
    assert dataset is not None
    assert all(not i.is_error for i in issues)
    funds = [(r.amount, r.year) for r in dataset.relations if r.type is RelationType.FUNDS]
    assert funds == [
        (5000.0, 2024),        # 5 000$ CAD, 2024
        (5000.0, 2024),        # 5 000 $ CA, 2024-2025
        (10000.0, 2024),       # 10k, 2024–2025
        (10000.0, 2024),       # 10 k$, janvier 2024
        (1500000.0, 2024),     # 1,5 M$, sept. 2024
        (12500.0, 2024),       # 12 500,00 $, 2024/09/15
        (12500.0, 2024),       # "12 500", 15/09/2024
        (2500.0, 2024),        # 2500, 03/04/2024
    ]
    assert [(p.start, p.end) for p in dataset.projects] == [
        ("2024-09-15", "2025-09-15"),   # 2024/09/15, 15/09/2025: nothing guessed
        ("2024-04-03", "2025-09-30"),   # 03/04/2024 day first; sept. 2025 its last day
        ("2024-01-01", "2024"),         # janvier 2024 its first day; 2024-2025 its first year
        ("2024-09-15", "2025-09-30"),   # 15 septembre 2024; 09/30/2025 month first
    ]


def test_each_interpreted_value_is_a_located_warning_in_both_languages() -> None:
    _, issues = check_workspace(VALUES)
    assert _lines(issues, "fr") == VALUES_FR
    assert _lines(issues, "en") == VALUES_EN
    assert {i.code for i in issues} == {
        "date.ambiguous", "date.month", "date.range", "date.month_first", "year.range",
        "year.from_date", "amount.abbreviated"}


def test_french_messages_keep_french_typography() -> None:
    _, issues = check_workspace(VALUES)
    abbreviated = next(i for i in issues if i.code == "amount.abbreviated"
                       and i.params["value"] == "1,5 M$")
    assert abbreviated.message("fr") == (
        "montant abrégé «\u00a01,5 M$\u00a0»\u00a0: lu comme 1\u00a0500\u00a0000\u00a0$")


def test_foreign_currencies_and_forms_that_are_no_value_are_located_errors() -> None:
    dataset, issues = check_workspace(REFUSED)
    assert dataset is None
    assert _lines(issues, "fr") == REFUSED_FR
    assert _lines(issues, "en") == REFUSED_EN


def test_the_real_cli_warns_and_exits_0_or_lists_errors_and_exits_1() -> None:
    ok = _validate(VALUES, "en")
    assert ok.returncode == 0, ok.stderr
    shown = [line.replace("\u00a0", " ").replace("\u202f", " ") for line in ok.stdout.splitlines()]
    assert shown[-len(VALUES_EN):] == VALUES_EN
    assert "Warnings: 15" in shown
    refused = _validate(REFUSED, "fr")
    assert refused.returncode == 1
    assert [line.replace("\u00a0", " ").replace("\u202f", " ")
            for line in refused.stdout.splitlines()] == REFUSED_FR
    assert refused.stderr.replace("\u00a0", " ") == (
        "Erreur : 11 erreurs dans l'espace de travail.\n")
    assert "Traceback" not in ok.stdout + ok.stderr + refused.stdout + refused.stderr


def test_a_date_typed_as_a_spreadsheet_date_in_a_workbook(tmp_path: Path) -> None:
    """A year cell Excel holds as a date reads as "2024-09-15": its year, with a warning."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "actors"
    sheet.append(["id", "name", "sector"])
    sheet.append(["f", "Fondation", "philanthropic"])
    projects = book.create_sheet("projects")
    projects.append(["id", "name", "stage", "start"])
    projects.append(["p", "Projet", "emergence", dt.datetime(2024, 9, 15)])
    relations = book.create_sheet("relations")
    relations.append(["source", "target", "type", "amount", "year"])
    relations.append(["f", "p", "funds", "10k", dt.datetime(2024, 9, 15)])
    path = tmp_path / "book.xlsx"
    book.save(path)
    dataset, issues = check_workspace(path)
    assert dataset is not None
    assert (dataset.relations[0].amount, dataset.relations[0].year) == (10000.0, 2024)
    assert dataset.projects[0].start == "2024-09-15"
    assert _lines(issues, "en") == [
        "book.xlsx[relations]:2:amount: warning: abbreviated amount '10k': read as $10,000",
        "book.xlsx[relations]:2:year: warning: '2024-09-15': only the year 2024 is kept (a year "
        "is written YYYY)",
    ]


# -- the readers --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "amount", "abbreviated"), [
    ("5 000$ CAD", 5000.0, False),
    ("5 000 $ CA", 5000.0, False),
    ("5000 $CA", 5000.0, False),
    ("CA$ 5000", 5000.0, False),
    ("5 000 dollars", 5000.0, False),
    ("12 500,00 $", 12500.0, False),
    ("10k", 10000.0, True),
    ("10 K", 10000.0, True),
    ("10 k$", 10000.0, True),
    ("$10k", 10000.0, True),
    ("1,5 M$", 1500000.0, True),
    ("1.5M", 1500000.0, True),
    ("1,1 M", 1100000.0, True),         # exactly, not 1100000.0000000002
    ("2 millions", 2000000.0, True),
    ("1,2 Md$", 1200000000.0, True),
    ("3 G$", 3000000000.0, True),
    ("2,5 k$ CA", 2500.0, True),
])
def test_read_amount(text: str, amount: float, abbreviated: bool) -> None:
    value, reading = read_amount(text)
    assert value == amount
    assert (reading is not None and reading.code == "amount.abbreviated") is abbreviated


@pytest.mark.parametrize(("text", "currency"), [
    ("5 000 €", "EUR"), ("EUR 300", "EUR"), ("300 euros", "EUR"), ("5 000 $ US", "USD"),
    ("US$ 10", "USD"), ("10 USD", "USD"), ("£5", "GBP"), ("10 CHF", "CHF"),
])
def test_a_foreign_currency_is_refused_with_its_code(text: str, currency: str) -> None:
    with pytest.raises(ForeignCurrency) as refused:
        read_amount(text)
    assert refused.value.currency == currency


@pytest.mark.parametrize("text", ["10 km", "1,5 billion", "10m", "k", "10 kk", "M$"])
def test_read_amount_rejects(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        read_amount(text)


@pytest.mark.parametrize(("text", "value"), [
    ("12,500", 12500.0), ("0,500", 500.0), ("1,0000", 1.0), ("12,50", 12.5),
    ("12 500.5", 12500.5), ("12.500,50", 12500.5), ("1.250.000", 1250000.0),
    ("1\u00a0250\u00a0000,5", 1250000.5), ("12\u202f500", 12500.0),
])
def test_babel_reads_what_the_hand_written_rules_read(text: str, value: float) -> None:
    """parse_number asks Babel (en-CA, then fr-CA) first: the documented rules still hold."""
    assert parse_number(text) == value
    assert read_amount(text) == (value, None)


@pytest.mark.parametrize("text", [",5", "nan", "inf", "1,2,3", "12,500,5"])
def test_babel_accepts_nothing_the_rules_refused(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse_number(text)


@pytest.mark.parametrize(("text", "year", "code"), [
    ("2024", 2024, None),
    ("2024.0", 2024, None),
    ("2024-2025", 2024, "year.range"),
    ("2024–2025", 2024, "year.range"),
    ("2024 — 2025", 2024, "year.range"),
    ("2024/2025", 2024, "year.range"),
    ("2024-25", 2024, "year.range"),       # a fiscal year
    ("2099-00", 2099, "year.range"),
    ("janvier 2024", 2024, "year.from_date"),
    ("Sept. 2024", 2024, "year.from_date"),
    ("2024-09", 2024, "year.from_date"),
    ("2023-01", 2023, "year.from_date"),
    ("2024-09-15", 2024, "year.from_date"),
    ("2024/09/15", 2024, "year.from_date"),
    ("15/09/2024", 2024, "year.from_date"),
    ("15 septembre 2024", 2024, "year.from_date"),
])
def test_read_year(text: str, year: int, code: str | None) -> None:
    value, reading = read_year(text)
    assert value == year
    assert (reading.code if reading else None) == code


@pytest.mark.parametrize("text", ["23", "2025-2024", "2024-2024", "2024-23", "deux mille",
                                  "fin 2025", "15/09/24", "31/02/2024", "0999", "3000-3001"])
def test_read_year_rejects(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        read_year(text)


@pytest.mark.parametrize(("text", "end", "kept", "code"), [
    ("2024-09-15", False, "2024-09-15", None),
    ("2024", False, "2024", None),
    ("2024/09/15", False, "2024-09-15", None),
    ("2024.09.15", False, "2024-09-15", None),
    ("2024-9-5", False, "2024-09-05", None),
    ("15/09/2024", False, "2024-09-15", None),
    ("15-09-2024", False, "2024-09-15", None),
    ("15.09.2024", False, "2024-09-15", None),
    ("05/05/2024", False, "2024-05-05", None),        # both orders are the same day
    ("03/04/2024", False, "2024-04-03", "date.ambiguous"),
    ("09/30/2025", False, "2025-09-30", "date.month_first"),
    ("15 septembre 2024", False, "2024-09-15", None),
    ("1er mars 2024", False, "2024-03-01", None),
    ("September 15, 2024", False, "2024-09-15", None),
    ("15 févr. 2024", False, "2024-02-15", None),
    ("janvier 2024", False, "2024-01-01", "date.month"),
    ("janvier 2024", True, "2024-01-31", "date.month"),
    ("fév 2024", True, "2024-02-29", "date.month"),
    ("2024-09", False, "2024-09-01", "date.month"),
    ("09/2024", True, "2024-09-30", "date.month"),
    ("2011-12", False, "2011-12-01", "date.month"),   # a month, not the fiscal year 2011-12
    ("2024-2025", False, "2024", "date.range"),
    ("2024-25", True, "2024", "date.range"),
])
def test_read_date(text: str, end: bool, kept: str, code: str | None) -> None:
    (value, earliest, latest), reading = read_date(text, end=end)
    assert value == kept
    assert earliest <= latest
    assert (reading.code if reading else None) == code


@pytest.mark.parametrize("text", ["31/02/2024", "02/30/2024", "15/09/24", "13/13/2024",
                                  "00/05/2024", "fin 2025", "2025-2024", "15 brumaire 2024",
                                  "15/09/0024", "septembre", "2024-13"])
def test_read_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        read_date(text)
