"""The JSON report's own layout writer prints exactly what ``json.dumps(indent=2)`` prints."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphmap.render.json_report import _dumps_at


def reference(data: object, depth: int) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    return text.replace("\n", "\n" + "  " * depth)


class Code(enum.StrEnum):
    A = "a"


class Level(enum.IntEnum):
    ONE = 1


class Ratio(float):
    pass


scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False,
                                                                  allow_infinity=False)
           | st.text())
documents = st.recursive(
    scalars,
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(documents, st.integers(min_value=0, max_value=3))
def test_plain_documents_as_json_dumps(data, depth):
    assert _dumps_at(data, depth) == reference(data, depth)


@pytest.mark.parametrize("data", [
    {"code": Code.A, "level": Level.ONE, "ratio": Ratio(0.5), "flag": True, "n": 0},
    [Code.A, Level.ONE, Ratio(2.0), False, None, -0.0, 1e-20, 1e300],
    {1: "int key", "x": [{}], "y": [[]]},
    {"quote\"and\\back": "tab\tnew\u2028line é « »", "ctrl": "\x00\x1f"},
    ["only", "strings", "é"],
    (),
])
def test_subclasses_keys_and_escapes_as_json_dumps(data):
    assert _dumps_at(data, 2) == reference(data, 2)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_refused_like_json_dumps(value):
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        _dumps_at({"x": [value]}, 1)


def test_unknown_types_refused_like_json_dumps():
    with pytest.raises(TypeError, match="Object of type set is not JSON serializable"):
        _dumps_at({"x": {1}}, 1)
