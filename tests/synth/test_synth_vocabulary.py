"""The generator's vocabulary is complete and used by name: every table covers its enum,
shares are probabilities, and generated rows follow the named sector rules."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from pathlib import Path

import pytest

from graphmap.schema import Category, RelationType, Scope, Sector, Stage
from graphmap.synth import (
    DEFAULT_ACTORS,
    DEFAULT_SEED,
    Sizes,
    generate_dataset,
    resolve_sizes,
)
from graphmap.synth import vocabulary as v
from graphmap.synth.names import ACTOR_TYPES
from graphmap.synth.topology import ISLAND_ACTORS

ROOT = Path(__file__).resolve().parents[2]


def test_fixed_orders_cover_the_schema_and_codes_are_positions() -> None:
    assert set(v.SECTORS) == set(Sector)
    assert set(v.SCOPES) == set(Scope)
    assert set(v.STAGES) == set(Stage)
    assert set(v.ROLES) == {t for t in RelationType if t.actor_to_project}
    for order, code in (
        (v.SECTORS, v.SECTOR_CODE),
        (v.SCOPES, v.SCOPE_CODE),
        (v.STAGES, v.STAGE_CODE),
        (v.ROLES, v.ROLE_CODE),
    ):
        assert [code[member] for member in order] == list(range(len(order)))
    assert len(v.ROLES) == v.TIE


@pytest.mark.parametrize(
    ("table", "keys"),
    [
        (v.SECTOR_SHARE, v.SECTORS),
        (v.SCOPE_SHARE, v.SECTORS),
        (v.PROPENSITY, v.SECTORS),
        (v.SUPPORT_KINDS, v.SECTORS),
        (v.AMOUNT_LOG_MEAN, v.SECTORS),
        (ACTOR_TYPES, v.SECTORS),
        (v.STAGE_SHARE, v.STAGES),
        (v.ROLE_BY_STAGE, v.STAGES),
        (v.LOCAL_SHARE, v.ROLES),
    ],
)
def test_every_table_covers_its_vocabulary(table: Mapping[object, object], keys: tuple) -> None:
    assert set(table) == set(keys)


def test_shares_are_probabilities() -> None:
    assert sum(v.SECTOR_SHARE.values()) == pytest.approx(1.0)
    assert sum(v.STAGE_SHARE.values()) == pytest.approx(1.0)
    for sector, shares in v.SCOPE_SHARE.items():
        assert sum(shares) == pytest.approx(1.0), sector
    assert all(len(row) == len(v.ROLES) + 1 for row in v.PROPENSITY.values())
    assert len(v.WIDE_SCOPE_BOOST) == len(v.ROLES) + 1
    assert all(len(row) == len(v.SIZED_ROLES) for row in v.ROLE_BY_STAGE.values())


def test_actor_types_are_unique_and_citizens_are_individuals() -> None:
    codes = [t.code for types in ACTOR_TYPES.values() for t in types]
    assert len(codes) == len(set(codes))
    assert {t.category for t in ACTOR_TYPES[Sector.CITIZEN]} == {Category.INDIVIDUAL}


def test_generated_rows_follow_the_named_sector_rules() -> None:
    dataset = generate_dataset(2000, 500, 10000, 4)
    actors = dataset.actor_by_id
    types = {t.code: t for sector_types in ACTOR_TYPES.values() for t in sector_types}
    for actor in dataset.actors:
        assert actor.type is not None
        assert types[actor.type] in ACTOR_TYPES[actor.sector]
        assert actor.category is types[actor.type].category
    for r in dataset.relations:
        source = actors[r.source]
        if r.type is RelationType.SUPPORTS:
            assert r.kind in v.SUPPORT_KINDS[source.sector], r
        if r.target not in actors:
            continue
        if r.type is RelationType.FUNDS:
            assert source.sector in v.TIE_FUNDERS, r
        elif r.type is RelationType.SUPPORTS:
            assert source.sector in v.TIE_SUPPORTERS, r
        elif r.type is RelationType.MEMBER_OF:
            assert actors[r.target].sector in v.TIE_NETWORKS, r
    island = dataset.actors[-ISLAND_ACTORS:]
    assert tuple(a.sector for a in island) == v.ISLAND_SECTORS
    assert {a.scope for a in island} == {Scope.LOCAL}


def test_defaults_live_in_the_library() -> None:
    assert resolve_sizes() == Sizes(DEFAULT_ACTORS, 250, 5000, DEFAULT_SEED)
    assert resolve_sizes(2, seed=0) == Sizes(2, 1, 3, 0)  # cut down to what fits


def test_the_command_repeats_no_default() -> None:
    """Every ``default=`` of ``graphmap generate`` is a name from the library, not a number."""
    tree = ast.parse((ROOT / "graphmap" / "cli" / "generate.py").read_text(encoding="utf-8"))
    defaults = [
        kw.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "default"
    ]
    assert defaults
    numbers = [ast.unparse(d) for d in defaults if isinstance(d, ast.Constant)]
    assert all(n in ("None", "False") for n in numbers), numbers
