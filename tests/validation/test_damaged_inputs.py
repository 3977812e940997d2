"""Damaged inputs (tests/fixtures/damaged/, issue 11): each one once lost data without a word
or crashed; each now gives exactly these located issues. Regenerate the fixtures with
``python tests/fixtures/build_damaged_inputs.py``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.workspace import check_workspace, load_workspace

DAMAGED = Path(__file__).resolve().parent.parent / "fixtures" / "damaged"

Pinned = list[tuple[str, str, str, int | None, str | None]]
EXPECTED: dict[str, Pinned] = {
    "open_quote": [("E", "quote.unclosed", "relations.csv", 5, "target")],
    "quote_text_after": [
        ("E", "quote.text_after", "relations.csv", 3, None),
        # Reading went on after the refused row: the rows below are still checked.
        ("E", "reference.unknown", "relations.csv", 8, "target"),
    ],
    "quote_spans_rows": [("E", "quote.spans_rows", "relations.csv", 2, "target")],
    "quote_rows_inside": [
        ("W", "quote.rows_inside", "relations.csv", 2, "target"),
        ("E", "reference.unknown", "relations.csv", 2, "target"),
        ("E", "value.missing", "relations.csv", 2, "type"),
    ],
    "long_quoted_cell": [("E", "quote.long_cell", "actors.csv", 2, "name")],
    "csv_limits": [
        ("E", "limit.cell_chars", "actors.csv", 3, "name"),
        ("E", "limit.rows", "relations.csv", 6, None),
    ],
    "stray_cp1252_byte": [("W", "encoding.stray_bytes", "actors.csv", 3, None)],
    "cp1252_with_utf8": [("W", "encoding.utf8_in_cp1252", "actors.csv", 3, None)],
    "two_files": [("E", "workspace.two_files", "acteurs.csv", None, None)],
    "huge_amounts": [
        ("E", "amount.too_large", "relations.csv", 3, "amount"),
        ("E", "amount.too_large", "relations.csv", 4, "amount"),
    ],
    "json_big_integer.json": [
        ("E", "amount.too_large", "json_big_integer.json[relations]", 2, "amount")],
    "json_lone_surrogate.json": [
        ("E", "json.lone_surrogate", "json_lone_surrogate.json[actors]", 3, "name")],
    "json_duplicate_key.json": [
        ("E", "json.duplicate_key", "json_duplicate_key.json[actors]", 3, "name")],
    "json_two_tables.json": [("E", "workspace.two_keys", "json_two_tables.json", None, None)],
    "json_repeated_table.json": [
        ("E", "workspace.two_keys", "json_repeated_table.json", None, None)],
    "xlsx_formulas.xlsx": [
        ("W", "xlsx.formula_no_value", "xlsx_formulas.xlsx[actors]", 2, "territory"),
        ("E", "xlsx.formula_no_value", "xlsx_formulas.xlsx[actors]", 3, "sector"),
        ("W", "xlsx.formula_no_value", "xlsx_formulas.xlsx[relations]", 3, "amount"),
    ],
    "xlsx_chartsheet.xlsx": [
        ("E", "xlsx.not_worksheet", "xlsx_chartsheet.xlsx[relations]", None, None)],
    "xlsx_two_sheets.xlsx": [("E", "workspace.two_sheets", "xlsx_two_sheets.xlsx", None, None)],
    "xlsx_far_row.xlsx": [
        ("E", "xlsx.row_out_of_range", "xlsx_far_row.xlsx[relations]", 2_000_000_000, None)],
    "xlsx_empty_rows.xlsx": [
        ("E", "xlsx.row_out_of_range", "xlsx_empty_rows.xlsx[relations]", 1_048_577, None)],
    "xlsx_dimension.xlsx": [
        ("E", "xlsx.row_out_of_range", "xlsx_dimension.xlsx[relations]", 2_000_000_000, None)],
}
WARNING_ONLY = {"stray_cp1252_byte", "cp1252_with_utf8"}


def _pinned(issues: object) -> Pinned:
    return [("E" if i.is_error else "W", i.code, i.file, i.row, i.column)
            for i in issues]  # type: ignore[attr-defined]


def test_every_damaged_fixture_is_pinned() -> None:
    assert {p.name for p in DAMAGED.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_damaged_input_reports_exactly_these_issues(name: str) -> None:
    dataset, issues = check_workspace(DAMAGED / name)
    assert _pinned(issues) == EXPECTED[name]
    for issue in issues:
        for lang in ("fr", "en"):
            assert "\n" not in issue.format(lang)
    assert (dataset is not None) == (name in WARNING_ONLY)


# -- the exact words a user reads, and the exit status -----------------------------------------
MESSAGES = {
    "open_quote": (
        "relations.csv:5:target: a quote (\") opens a cell here and is never closed: the 3 "
        "lines to the end of the file would become one cell; close the quote or remove it"),
    "two_files": (
        "acteurs.csv: two files for the actors table: acteurs.csv and actors.csv; keep only "
        "one (neither was read)"),
    "stray_cp1252_byte": (
        "actors.csv:3: warning: this UTF-8 file holds 1 byte that is not UTF-8, on this row: it "
        "was read as Windows-1252 (é, à…); check the text and save the file as 'CSV UTF-8'"),
    "huge_amounts": (
        "relations.csv:3:amount: amount '1.79e308' is too large: graphmap accepts at most "
        "1,000,000,000,000,000 $"),
    "xlsx_formulas.xlsx": (
        "xlsx_formulas.xlsx[actors]:3:sector: the formula '=B2' has no computed value (the "
        "workbook was not saved by a spreadsheet program): open it in Excel or LibreOffice "
        "Calc and save it so that values are computed; read as blank"),
    "xlsx_chartsheet.xlsx": (
        "xlsx_chartsheet.xlsx[relations]: sheet 'relations' is not a worksheet (it is a chart "
        "or a dialog): put the rows of the relations table in a worksheet of that name"),
    "xlsx_far_row.xlsx": (
        "xlsx_far_row.xlsx[relations]:2000000000: row 2,000,000,000 is past the last row a "
        "workbook can have (1,048,576): the file is damaged or was not written by a "
        "spreadsheet program; reading stops here"),
    "json_lone_surrogate.json": (
        "json_lone_surrogate.json[actors]:3:name: this value holds half of a UTF-16 pair (a "
        "lone \\ud800 to \\udfff escape), which is not a character: fix the escape"),
    "csv_limits": (
        "relations.csv:6: more than 4 data rows: reading stops here (2 lines not read); to raise "
        "it, set rows = … "
        "in the [limits] table of a graphmap.toml beside the data"),
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_validate_prints_the_located_message_and_exits_1(name: str) -> None:
    result = CliRunner().invoke(cli, ["validate", str(DAMAGED / name), "--lang", "en"])
    assert result.exit_code == (0 if name in WARNING_ONLY else 1), result.output
    assert MESSAGES[name] in result.output.splitlines()


def test_french_messages_name_the_quote_and_the_limit() -> None:
    result = CliRunner().invoke(cli, ["validate", str(DAMAGED / "open_quote"), "--lang", "fr"])
    assert ("relations.csv:5:target: un guillemet (\") ouvre une cellule ici et n'est jamais "
            "fermé\u00a0: les 3 lignes jusqu'à la fin du fichier formeraient une seule "
            "cellule\u00a0; fermez le guillemet ou supprimez-le") in result.output.splitlines()
    result = CliRunner().invoke(cli, ["validate", str(DAMAGED / "csv_limits"), "--lang", "fr"])
    assert ("relations.csv:6: plus de 4 lignes de données\u00a0: la lecture s'arrête ici (2 "
            "lignes non lues)\u00a0; pour l'augmenter, ajoutez rows = … dans la table [limits] "
            "d'un graphmap.toml placé à côté des données") in result.output.splitlines()


def test_a_stray_byte_changes_only_itself() -> None:
    dataset = load_workspace(DAMAGED / "stray_cp1252_byte")
    names = [a.name for a in dataset.actors]
    assert names[:2] == ["Centre d'entraide Éveil", "Ville de Sainte-Adèle"]


def test_a_windows_1252_file_is_read_as_such_whatever_one_utf8_word_says() -> None:
    dataset = load_workspace(DAMAGED / "cp1252_with_utf8")
    assert [a.name for a in dataset.actors][:2] == ["Fête à l'été", "Ville de Sainte-AdÃ¨le"]


@pytest.mark.parametrize("command", [["analyze"], ["render", "-o", "{tmp}/map.html"],
                                     ["analyze", "--format", "json"]])
def test_a_lone_surrogate_stops_every_command_cleanly(command: list[str],
                                                      tmp_path: Path) -> None:
    args = [c.replace("{tmp}", str(tmp_path)) for c in command]
    result = CliRunner().invoke(
        cli, [args[0], str(DAMAGED / "json_lone_surrogate.json"), *args[1:], "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output
    assert result.output.splitlines()[-1] == "Error: 1 error in the workspace."


def test_computed_formulas_are_read_and_uncomputed_ones_are_blank() -> None:
    from graphmap.load import open_workspace

    with open_workspace(DAMAGED / "xlsx_formulas.xlsx") as source:
        rows = [r for r in source.tables["relations"].rows if not hasattr(r, "code")]
    third = next(r for r in rows if r.row == 3)  # type: ignore[union-attr]
    assert third.values["year"] == "2023"  # type: ignore[union-attr]
    assert third.values["amount"] == ""  # type: ignore[union-attr]
