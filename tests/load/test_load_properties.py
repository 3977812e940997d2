"""Property tests: any CSV or JSON content either loads or fails with graphmap's own error,
whose issues carry a location; and writing a Dataset then reading it gives it back."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.errors import GraphmapError, InputError, UsageError, ValidationFailed
from graphmap.export import write_workspace
from graphmap.load.raw import known_headers
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.schema import (
    ACTOR_TO_ACTOR,
    ACTOR_TO_PROJECT,
    Category,
    Scope,
    Sector,
    Stage,
    column_alias_table,
    fold,
)
from graphmap.workspace import load_workspace

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _loads_or_fails_cleanly(path: Path) -> None:
    """Loads, or raises graphmap's own error whose issues all carry a location; anything
    else propagates and fails the test."""
    try:
        dataset = load_workspace(path)
    except ValidationFailed as exc:
        issues = exc.issues
        assert any(i.is_error for i in issues)
        for issue in issues:
            assert issue.file
            assert issue.format("en")
            assert issue.format("fr")
    except (InputError, UsageError) as exc:
        message = exc.render("fr")
        assert message
    else:
        assert isinstance(dataset, Dataset)
        for issue in dataset.warnings:
            assert issue.file
            assert not issue.is_error


# A cell: vocabulary-ish words, numbers, quotes, separators, accents and line breaks.
_CELL_WORDS = ["a1", "a2", "p1", "p2", "public", "privé", "émergence", "pilote", "porte",
               "finance", "collabore", "12 500,50 $", "-3", "0", "2023", "2023-02-30", "x"]
_cell = st.one_of(st.sampled_from(_CELL_WORDS),
                  st.text(alphabet="ab1;,\"'\r\n\t é$|", max_size=8))


def _csv_text(table: str) -> st.SearchStrategy[str]:
    headers = st.lists(st.one_of(st.sampled_from(known_headers(table)),
                                 st.text(alphabet="abcé ;\"", max_size=6)),
                       min_size=0, max_size=8)
    rows = st.lists(st.lists(_cell, max_size=8), max_size=6)
    delimiter = st.sampled_from([",", ";", "\t"])
    newline = st.sampled_from(["\n", "\r\n"])
    return st.builds(
        lambda h, r, d, n: n.join(d.join(row) for row in [h, *r]), headers, rows, delimiter,
        newline)


@SETTINGS
@given(st.fixed_dictionaries({t: _csv_text(t) for t in ("actors", "projects", "relations")}),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
       st.binary(max_size=12))
def test_random_csv_loads_or_fails_cleanly(texts: dict[str, str], encoding: str,
                                           junk: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-prop-") as tmp:
        folder = Path(tmp)
        for table, text in texts.items():
            data = text.encode(encoding, errors="replace")
            if table == "relations":
                data += junk  # arbitrary bytes, maybe undecodable
            (folder / f"{table}.csv").write_bytes(data)
        _loads_or_fails_cleanly(folder)


_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                         st.sampled_from(_CELL_WORDS), st.text(max_size=5))
_json_value = st.recursive(_json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)),
    max_leaves=6)


def _record(table: str) -> st.SearchStrategy[object]:
    keys = st.one_of(st.sampled_from(known_headers(table)), st.text(max_size=5))
    return st.one_of(st.dictionaries(keys, _json_value, max_size=8), _json_value)


@SETTINGS
@given(st.one_of(
    st.fixed_dictionaries({t: st.one_of(st.lists(_record(t), max_size=5), _json_value)
                           for t in ("actors", "projects", "relations")}),
    _json_value,
))
def test_random_json_loads_or_fails_cleanly(document: object) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-prop-") as tmp:
        folder = Path(tmp)
        path = folder / "ws.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        _loads_or_fails_cleanly(path)


@SETTINGS
@given(st.binary(max_size=64))
def test_random_bytes_as_json_fail_cleanly(data: bytes) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-prop-") as tmp:
        folder = Path(tmp)
        path = folder / "ws.json"
        path.write_bytes(data)
        _loads_or_fails_cleanly(path)


# -- write then read: the Dataset comes back equal ---------------------------------------------
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                           blacklist_characters="\u0085"),
    min_size=1, max_size=12,
).map(lambda s: s.strip()).filter(bool)
_multiline = st.lists(_text, min_size=1, max_size=3).map("\n".join)
_theme = _text.filter(lambda s: ";" not in s and "|" not in s).map(lambda s: " ".join(s.split()))
_all_aliases = {fold(h) for table in ("actors", "projects", "relations")
                for h in column_alias_table(table)}
_extra_key = _text.map(lambda s: " ".join(s.split())).filter(
    lambda s: fold(s) not in _all_aliases)
_amount = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
_weight = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False)
_date = st.one_of(st.integers(1900, 2100).map(str),
                  st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    ids = draw(st.lists(st.text("abcdefgh0123456789-_", min_size=1, max_size=5),
                        min_size=2, max_size=8, unique=True))
    split = draw(st.integers(1, len(ids) - 1))
    actor_ids, project_ids = ids[:split], ids[split:]
    extras = draw(st.lists(_extra_key, max_size=2, unique_by=lambda s: s))
    actors = tuple(Actor(
        i, draw(_multiline), draw(st.sampled_from(Sector)), draw(st.none() | _text),
        draw(st.sampled_from(Category)), draw(st.none() | _text), draw(st.sampled_from(Scope)),
        draw(st.fixed_dictionaries({}, optional=dict.fromkeys(extras, _multiline))),
    ) for i in actor_ids)
    projects = []
    for i in project_ids:
        start, end = sorted(draw(st.lists(_date, min_size=2, max_size=2)))
        projects.append(Project(
            i, draw(_text), draw(st.sampled_from(Stage)),
            tuple(draw(st.lists(_theme, max_size=3))), draw(st.none() | _text),
            draw(st.none() | st.just(start)), draw(st.none() | st.just(end))))
    relations = []
    for _ in range(draw(st.integers(0, 6))):
        source = draw(st.sampled_from(actor_ids))
        target = draw(st.sampled_from(ids).filter(lambda t, s=source: t != s))
        kinds = ACTOR_TO_PROJECT if target in project_ids else ACTOR_TO_ACTOR
        rtype = draw(st.sampled_from(sorted(kinds, key=lambda k: k.value)))
        relations.append(Relation(
            source, target, rtype, draw(st.none() | _amount),
            draw(st.none() | st.integers(1000, 2999)),
            draw(st.just(1.0) | _weight), draw(st.none() | _text),
            draw(st.fixed_dictionaries({}, optional=dict.fromkeys(extras, _text)))))
    return Dataset(actors, tuple(projects), tuple(relations))


@SETTINGS
@given(datasets(), st.sampled_from(["folder", "ws.xlsx", "ws.json"]))
def test_write_then_load_gives_the_same_dataset(dataset: Dataset, target: str) -> None:
    with tempfile.TemporaryDirectory(prefix="graphmap-prop-") as tmp:
        folder = Path(tmp)
        path = folder / target
        write_workspace(dataset, path)
        try:
            loaded = load_workspace(path)
        except GraphmapError as exc:  # pragma: no cover - shown on failure
            issues = getattr(exc, "issues", ())
            raise AssertionError([i.format("en") for i in issues]) from exc
        assert loaded == dataset
