"""One fixture per kind of bad input (tests/fixtures/bad/), each with its full list of issues.

Every issue is pinned as (severity, code, file, row, column): the location a user reads
in ``FILE:ROW:COLUMN: message``. Regenerate the fixtures with
``python tests/fixtures/build_bad_inputs.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graphmap.errors import UsageError, ValidationFailed
from graphmap.workspace import check_workspace, load_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
BAD = FIXTURES / "bad"

EXPECTED: dict[str, list[tuple[str, str, str, int | None, str | None]]] = {
    "amount_not_funds": [
        ("W", "amount.not_funds", "relations.csv", 6, 'amount'),
    ],
    "bad_date": [
        ("E", "date.end_before_start", "projects.csv", 2, 'end'),
        ("E", "date.invalid", "projects.csv", 3, 'start'),
        ("E", "year.invalid", "relations.csv", 3, 'year'),
    ],
    "bad_number": [
        ("E", "number.invalid", "relations.csv", 3, 'amount'),
        ("E", "amount.negative", "relations.csv", 4, 'amount'),
        ("E", "weight.not_positive", "relations.csv", 8, 'weight'),
        ("E", "number.invalid", "relations.csv", 9, 'weight'),
    ],
    "dangling_reference": [
        ("E", "reference.unknown", "relations.csv", 8, 'source'),
        ("E", "reference.unknown", "relations.csv", 9, 'target'),
        ("E", "reference.unknown", "relations.csv", 10, 'source'),
        ("E", "reference.unknown", "relations.csv", 10, 'target'),
    ],
    "duplicate_column": [
        ("E", "column.duplicate", "actors.csv", 1, 'nom'),
    ],
    "duplicate_id": [
        ("E", "id.duplicate", "actors.csv", 5, 'id'),
        ("E", "id.duplicate", "projects.csv", 4, 'id'),
    ],
    "duplicate_relation": [
        ("W", "relation.duplicate", "relations.csv", 8, None),
        ("W", "relation.duplicate", "relations.csv", 9, None),
    ],
    "empty_file": [
        ("E", "file.empty", "projects.csv", None, None),
    ],
    "encoding": [
        ("E", "file.encoding", "actors.csv", None, None),
    ],
    "header_not_row1": [
        # A title and a blank row above the header (issue 15): read from row 3, a warning.
        ("W", "header.below_title", "actors.csv", 3, None),
    ],
    "isolated_actor": [
        ("W", "actor.isolated", "actors.csv", 5, None),
    ],
    "json_missing_table.json": [
        ("E", "workspace.missing_table", "json_missing_table.json", None, None),
        ("E", "json.not_list", "json_missing_table.json[relations]", None, None),
    ],
    "json_syntax.json": [
        ("E", "file.json_syntax", "json_syntax.json", 2, None),
    ],
    "json_values.json": [
        ("E", "json.record_not_object", "json_values.json[actors]", 2, None),
        ("E", "value.missing", "json_values.json[actors]", 3, 'name'),
        ("E", "amount.negative", "json_values.json[relations]", 1, 'amount'),
        # 1e400 is kept as written (json would read infinity): a number, too large.
        ("E", "weight.too_large", "json_values.json[relations]", 2, 'weight'),
    ],
    "missing_column": [
        ("E", "column.missing", "actors.csv", 1, None),
    ],
    "missing_file": [
        ("E", "workspace.missing_file", "relations.csv", None, None),
    ],
    "missing_value": [
        ("E", "value.missing", "actors.csv", 4, 'name'),
        ("E", "value.missing", "relations.csv", 4, 'target'),
    ],
    "self_relation": [
        ("E", "relation.self", "relations.csv", 8, 'target'),
    ],
    "type_mismatch": [
        ("E", "relation.source_is_project", "relations.csv", 8, 'source'),
        ("E", "relation.needs_project_target", "relations.csv", 9, 'type'),
        # collaborates towards a project: a support partner, read as supports (issue 15).
        ("W", "relation.partner_of_project", "relations.csv", 10, 'type'),
        ("E", "relation.needs_actor_target", "relations.csv", 11, 'type'),
        ("E", "relation.needs_project_target", "relations.csv", 12, 'type'),
    ],
    "typo_column": [
        ("W", "column.unknown_typo", "actors.csv", 1, 'terrritory'),
    ],
    "unknown_vocabulary": [
        ("E", "category.unknown", "actors.csv", 2, 'category'),
        ("E", "sector.unknown", "actors.csv", 2, 'sector'),
        ("E", "scope.unknown", "actors.csv", 3, 'scope'),
        ("E", "sector.unknown", "actors.csv", 4, 'sector'),
        ("E", "stage.unknown", "projects.csv", 2, 'stage'),
        ("E", "relation_type.unknown", "relations.csv", 5, 'type'),
    ],
    "unnamed_column": [
        ("W", "column.unnamed", "projects.csv", 2, 'H'),
    ],
    "workbook_as_csv": [
        ("E", "file.is_workbook", "actors.csv", None, None),
    ],
    "wrong_format": [
        ("E", "workspace.wrong_format", "actors.csv", None, None),
    ],
    "xlsx_missing_sheet.xlsx": [
        ("E", "workspace.missing_sheet", "xlsx_missing_sheet.xlsx", None, None),
        # Sheet "Actor" has the actors' columns: read as that table (issue 15).
        ("W", "workspace.sheet_guessed", "xlsx_missing_sheet.xlsx[Actor]", None, None),
    ],}

# Fixtures that hold only warnings: the workspace loads, warnings ride on the Dataset.
WARNING_ONLY = {"amount_not_funds", "duplicate_relation", "header_not_row1", "isolated_actor",
                "typo_column", "unnamed_column"}


def _pinned(issues: list) -> list[tuple[str, str, str, int | None, str | None]]:
    return [("E" if i.is_error else "W", i.code, i.file, i.row, i.column) for i in issues]


def test_every_fixture_is_pinned() -> None:
    on_disk = {p.name for p in BAD.iterdir()} - {"old_workbook.xls"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_reports_exactly_these_issues(name: str) -> None:
    dataset, issues = check_workspace(BAD / name)
    assert _pinned(issues) == EXPECTED[name]
    for issue in issues:  # every message renders in both languages
        assert issue.format("fr")
        assert issue.format("en")
    if name in WARNING_ONLY:
        assert dataset is not None
        assert _pinned(list(dataset.warnings)) == EXPECTED[name]
    else:
        assert dataset is None
        with pytest.raises(ValidationFailed) as caught:
            load_workspace(BAD / name)
        assert _pinned(list(caught.value.issues)) == EXPECTED[name]


def test_good_fixture_is_clean() -> None:
    dataset, issues = check_workspace(FIXTURES / "good")
    assert issues == []
    assert dataset is not None
    assert (len(dataset.actors), len(dataset.projects), len(dataset.relations)) == (3, 2, 6)


def test_xls_workbook_is_a_usage_error_with_advice() -> None:
    with pytest.raises(UsageError) as caught:
        check_workspace(BAD / "old_workbook.xls")
    assert caught.value.exit_code == 2
    assert "save it as .xlsx" in caught.value.render("en")
    assert "enregistrez-le au format .xlsx" in caught.value.render("fr")


@pytest.mark.parametrize(("path", "key"), [
    ("does-not-exist", "validation.path_missing"),
    ("good/actors.csv", "validation.path_csv"),
    ("build_bad_inputs.py", "validation.path_unsupported"),
])
def test_unusable_paths_are_usage_errors(path: str, key: str) -> None:
    with pytest.raises(UsageError) as caught:
        check_workspace(FIXTURES / path)
    assert caught.value.key == key


def test_messages_of_suggestions() -> None:
    _, issues = check_workspace(BAD / "unknown_vocabulary")
    by_code = {i.code: i for i in issues}
    assert by_code["stage.unknown"].message("en") == (
        "unknown stage 'apropriation'; did you mean 'appropriation'? "
        "(accepted: emergence, mobilization, feedback, appropriation)")
    assert by_code["stage.unknown"].message("fr") == (
        "étape inconnue «\u00a0apropriation\u00a0»\u00a0; vouliez-vous dire "
        "«\u00a0appropriation\u00a0»\u00a0? (valeurs\u00a0: émergence, mobilisation, rétroaction, "
        "appropriation)")
    _, issues = check_workspace(BAD / "typo_column")
    assert issues[0].format("en") == (
        "actors.csv:1:terrritory: warning: unknown column 'terrritory', kept as an "
        "attribute; did you mean 'territory'?")


def test_dangling_reference_suggests_a_close_id(tmp_path: Path) -> None:
    for name in ("actors.csv", "projects.csv"):
        (tmp_path / name).write_bytes((FIXTURES / "good" / name).read_bytes())
    (tmp_path / "relations.csv").write_text("source,target,type\na1,p1,carries\nA1,p2,carries\n")
    _, issues = check_workspace(tmp_path)
    assert [i.format("en") for i in issues] == [
        "actors.csv:3: warning: actor 'a2' has no relation",
        "actors.csv:4: warning: actor 'a3' has no relation",
        "relations.csv:3:source: 'A1' is neither an actor nor a project; did you mean 'a1'?",
    ]
