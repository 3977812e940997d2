"""The fast clean path (whole columns checked at once, graphmap.validation.clean_path) gives
exactly what the row-by-row rules give: the same issues (code, severity, file, row, column,
params) in the same order, and equal Datasets with the same records in the same order, on
every fixture, on the example, on a generated ecosystem and on generated messy workspaces."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.diagnostics import Issue, Severity
from graphmap.errors import GraphmapError
from graphmap.load import limits_for, open_workspace
from graphmap.model.records import Actor, Origin, Project, Relation
from graphmap.validation import WorkspaceValidator, columns, validate_source

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _issue(i: Issue) -> tuple[Any, ...]:
    return (i.code, i.severity, i.file, i.row, i.column, repr(sorted(i.params.items())))


def _records(dataset: Any) -> Any:
    """Every record with its origin (records compare without it)."""
    if dataset is None:
        return None
    return [(r, r.origin) for table in (dataset.actors, dataset.projects, dataset.relations,
                                        dataset.territories) for r in table]


def _outcome(path: Path, *, row_by_row: bool) -> Any:
    """What validating ``path`` gives: (the issues as yielded, as returned, the Dataset,
    its records with their origins), or graphmap's own error."""
    try:
        with open_workspace(path, limits_for(path)) as source:
            validator = WorkspaceValidator(row_by_row=row_by_row)
            yielded = [_issue(i) for i in validator.run(source)]
        with open_workspace(path, limits_for(path)) as source:
            dataset, issues = validate_source(source, row_by_row=row_by_row)
    except GraphmapError as exc:
        return type(exc).__name__, str(exc)
    return yielded, [_issue(i) for i in issues], dataset, _records(dataset)


def _same_both_ways(path: Path) -> Any:
    fast, reference = _outcome(path, row_by_row=False), _outcome(path, row_by_row=True)
    assert fast == reference
    return fast


def _fixtures() -> Iterator[Path]:
    for group in ("bad", "damaged", "intake", "intake_values"):
        yield from sorted((FIXTURES / group).iterdir())
    yield FIXTURES / "good"
    yield FIXTURES / "planted"


FIXTURE_PATHS = list(_fixtures())


def test_fixtures_are_found() -> None:
    assert len(FIXTURE_PATHS) > 50
    assert FIXTURES / "bad" / "duplicate_id" in FIXTURE_PATHS


@pytest.mark.parametrize("path", FIXTURE_PATHS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_gives_the_same_issues_and_dataset_both_ways(path: Path) -> None:
    _same_both_ways(path)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_small_batches_change_nothing(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch edges fall between any two rows: a duplicate id or relation across batches,
    a noted row at the start of a batch."""
    monkeypatch.setattr(columns, "CHUNK_ROWS", chunk)
    monkeypatch.setattr(columns.cell_batches, "__defaults__", (chunk,))
    for path in [FIXTURES / "planted", FIXTURES / "bad" / "duplicate_relation",
                 FIXTURES / "bad" / "duplicate_id", FIXTURES / "damaged" / "open_quote",
                 FIXTURES / "intake_values" / "values", ROOT / "examples" / "laurentides"]:
        _same_both_ways(path)


def test_the_example_is_the_same_both_ways() -> None:
    _yielded, _issues, dataset, _ = _same_both_ways(ROOT / "examples" / "laurentides")
    assert dataset is not None
    assert len(dataset.relations) > 50


def test_a_generated_ecosystem_is_the_same_both_ways(tmp_path: Path) -> None:
    from graphmap.synth import write_workspace

    write_workspace(tmp_path, 600, 150, 3000, seed=11)
    _yielded, _issues, dataset, _ = _same_both_ways(tmp_path)
    assert dataset is not None
    assert len(dataset.relations) == 3000


def test_records_are_built_as_their_constructor_builds_them() -> None:
    """The fast path sets the slots of records directly: none may have a __post_init__."""
    from graphmap.validation.clean_path import _records

    for cls in (Actor, Project, Relation, Origin):
        assert not hasattr(cls, "__post_init__")
    origin = Origin("relations.csv", 4)
    built = _records(Relation, (["a"], ["p"], [None], [5.0], [2020], [1.0], ["k"], [{}],
                                [origin]), 1)
    assert built == [Relation("a", "p", None, 5.0, 2020, 1.0, "k", {}, origin)]  # type: ignore[arg-type]
    assert built[0].origin is origin


def test_a_fast_path_break_would_be_seen(tmp_path: Path) -> None:
    """A workspace where a clean row and a row the row rule handles (a name for a reference)
    sit side by side: the comparison sees the records and issues in order."""
    _write(tmp_path, [*ACTORS, ["a3", "Trois", "community", "", ""]],
           PROJECTS, [["a1", "p1", "porte", "", "", "", ""],
                      ["Deux", "p1", "soutient", "", "", "", ""],
                      ["a3", "a1", "partenaire", "", "", "", ""]])
    yielded, _issues, dataset, _ = _same_both_ways(tmp_path)
    assert [r.source for r in dataset.relations] == ["a1", "a2", "a3"]
    assert [code for code, *_ in yielded] == ["reference.by_name"]


def test_declared_territories_are_the_same_both_ways(tmp_path: Path) -> None:
    """A territory written as its id is kept as its name; one naming no declared territory
    is kept as written, with a warning (the row rule's)."""
    _write(tmp_path, [*ACTORS, ["a3", "Trois", "community", "T001", ""],
                      ["a4", "Q", "community", "  MRC B", ""]],
           PROJECTS, [["a1", "p1", "porte", "", "", "", ""]], territories=True)
    yielded, _issues, dataset, _ = _same_both_ways(tmp_path)
    assert [(a.id, a.territory) for a in dataset.actors] == [
        ("a1", "MRC A"), ("a2", None), ("a3", "MRC A"), ("a4", "MRC B")]
    assert yielded[0][:4] == ("territory.undeclared", Severity.WARNING, "actors.csv", 5)


# -- generated messy workspaces -------------------------------------------------------------
ACTOR_HEADER = ["id", "name", "sector", "territory", "public"]
PROJECT_HEADER = ["id", "name", "stage", "start", "end"]
RELATION_HEADER = ["source", "target", "type", "amount", "year", "weight", "kind"]
FRENCH = {"id": "id", "name": "nom", "sector": "secteur", "territory": "territoire",
          "stage": "étape", "start": "début", "end": "fin", "source": "source",
          "target": "cible", "type": "type", "amount": "montant", "year": "année",
          "weight": "poids", "kind": "nature", "public": "public"}
ACTORS = [["a1", "Un", "community", "MRC A", "oui"], ["a2", "Deux", "public", "", ""]]
PROJECTS = [["p1", "Cuisine", "Émergence", "2021", "2024-12-31"]]


def _write(folder: Path, actors: list[list[str]], projects: list[list[str]],
           relations: list[list[str]], *, delimiter: str = ",", bom: bool = False,
           french: bool = False, extra: bool = False, no_id: bool = False,
           territories: bool = False) -> None:
    def table(name: str, header: list[str], rows: list[list[str]]) -> None:
        if no_id and name == "actors":  # ids made from the names
            header, rows = header[1:], [r[1:] for r in rows]
        head = [FRENCH[h] if french else h for h in header] + (["notes"] if extra else [])
        lines = [head, *([*r, "n"] if extra and i % 2 else r for i, r in enumerate(rows))]
        text = "\n".join(delimiter.join(_quoted(c, delimiter) for c in line)
                         for line in lines) + "\n"
        (folder / f"{name}.csv").write_text(("\ufeff" if bom else "") + text, encoding="utf-8")

    if territories:  # declared: a territory value is read by id or name, else a warning
        (folder / "territories.csv").write_text("id,name\nT001,MRC A\nT002,MRC C\n",
                                                encoding="utf-8")
    table("actors", ACTOR_HEADER, actors)
    table("projects", PROJECT_HEADER, projects)
    table("relations", RELATION_HEADER, relations)


def _quoted(cell: str, delimiter: str) -> str:
    if any(c in cell for c in (delimiter, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


ids = st.sampled_from(["a1", "a2", "a3", "a4", "p1", "p2", "", "a9", "A1", "Un", "Cuisine",
                       "p1 "])
sectors = st.sampled_from(["community", "public", "Communautaire", "communauty", "", "zzz",
                           " private "])
places = st.sampled_from(["", "MRC A", "T001", "  MRC B"])
flags = st.sampled_from(["", "oui", "non", "peut-être", "yes"])
stages = st.sampled_from(["emergence", "Émergence", "mobilisation", "", "scaling", "bof"])
dates = st.sampled_from(["", "2021", "2024-12-31", "15/09/2024", "03/04/2024", "janvier 2024",
                         "2024-2025", "demain", "2019"])
types = st.sampled_from(["porte", "funds", "soutient", "partenaire", "collaborates", "adopts",
                         "", "financee", "xyz"])
amounts = st.sampled_from(["", "5000", "5 000 $", "10 k$", "-3", "abc", "12 500,00 $", "5€",
                           "1e30", "007"])
years = st.sampled_from(["", "2020", "2021-2022", "15/09/2024", "3000x", "2019"])
weights = st.sampled_from(["", "2", "0", "-1", "abc", "1,5", "1e9", " 3 "])
kinds = st.sampled_from(["", "formelle", "informelle", "formelle "])
names = st.sampled_from(["Un", "Deux", "Trois", "", "Quatre"])

actor_rows = st.lists(st.tuples(ids, names, sectors, places, flags).map(list), max_size=8)
project_rows = st.lists(st.tuples(ids, names, stages, dates, dates).map(list), max_size=5)
relation_rows = st.lists(st.tuples(ids, ids, types, amounts, years, weights, kinds).map(list),
                         max_size=14)
# How the files are written (BOM, semicolons, French headers, an extra column, no id column,
# declared territories) and read (rows per batch).
forms = st.fixed_dictionaries({
    "delimiter": st.sampled_from([",", ";"]), "bom": st.booleans(), "french": st.booleans(),
    "extra": st.booleans(), "no_id": st.booleans(), "territories": st.booleans(),
    "blank_row": st.booleans(),
    "chunk": st.integers(1, 4)})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actor_rows, project_rows, relation_rows, forms)
def test_generated_workspaces_are_the_same_both_ways(
        actors: list[list[str]], projects: list[list[str]], relations: list[list[str]],
        form: dict[str, Any]) -> None:
    chunk = form.pop("chunk")
    if form.pop("blank_row"):
        relations = [*relations[:2], [""] * len(RELATION_HEADER), *relations[2:]]
    defaults = columns.cell_batches.__defaults__
    columns.cell_batches.__defaults__ = (chunk,)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            _write(folder, ACTORS + actors, PROJECTS + projects, relations, **form)
            _same_both_ways(folder)
    finally:
        columns.cell_batches.__defaults__ = defaults
