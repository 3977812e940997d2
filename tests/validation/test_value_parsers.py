"""Numbers, years and dates as people type them."""

from __future__ import annotations

import pytest

from graphmap.validation.values import parse_date, parse_number, parse_year, split_themes


@pytest.mark.parametrize(("text", "value"), [
    ("12500", 12500.0),
    ("12 500", 12500.0),
    ("12\u00a0500", 12500.0),          # no-break space (French Excel)
    ("12\u202f500", 12500.0),          # narrow no-break space (French typography)
    ("12 500,50", 12500.5),
    ("12,500.50", 12500.5),
    ("12.500,50", 12500.5),
    ("12 500 $", 12500.0),
    ("$12,500", 12500.0),
    ("12 500,00 $", 12500.0),
    ("1 250 000", 1250000.0),
    ("1,250,000", 1250000.0),
    ("1.250.000", 1250000.0),
    ("12,5", 12.5),
    ("12,500", 12500.0),               # a comma then exactly three digits groups thousands
    ("0.75", 0.75),
    (".5", 0.5),
    ("1e5", 100000.0),
    ("-300", -300.0),
    ("(300)", -300.0),
    ("  7  ", 7.0),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", [
    "", "abc", "12 5x0", "1 2", "12,50,0", "12..5", "1,2,3", "12 500.000,5,1", "nan", "inf",
    "--5", "$", "12 50", "1.2.3",
])
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        parse_number(text)


@pytest.mark.parametrize("text", ["1e999", "9" * 400, "1e309 $"])
def test_a_number_too_large_to_compute_with_overflows(text: str) -> None:
    with pytest.raises(OverflowError):
        parse_number(text)


def test_parse_year() -> None:
    assert parse_year("2023") == 2023
    assert parse_year("2023.0") == 2023
    for bad in ("23", "20233", "2023-01", "deux mille", "0999", "3000"):
        with pytest.raises(ValueError):  # noqa: PT011
            parse_year(bad)


def test_parse_date() -> None:
    assert parse_date("2024-02-29")[0] == "2024-02-29"
    assert parse_date("2024")[0] == "2024"
    for bad in ("2023-02-29", "2024/01/01", "15/03/2024", "2024-1-1", "0000"):
        with pytest.raises(ValueError):  # noqa: PT011
            parse_date(bad)


def test_split_themes() -> None:
    assert split_themes("food security;housing | mobility ;; ") == (
        "food security", "housing", "mobility")
    assert split_themes("") == ()
