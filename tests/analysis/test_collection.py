"""The analysis and the JSON report pause the cycle collector and always give it back."""

from __future__ import annotations

import gc
import io

import pytest

from graphmap.analysis.pipeline import analyze
from graphmap.collection import cycle_collection_paused
from graphmap.render.json_report import write_json
from graphmap.synth import generate_dataset


def test_analysis_and_report_leave_the_collector_on():
    dataset = generate_dataset(200, 50, 1000, seed=2)
    seen = []
    report = analyze(dataset, progress=lambda *call: seen.append(gc.isenabled()))
    write_json(dataset, report, "fr", io.StringIO())
    assert seen
    assert not any(seen)  # off while every step ran
    assert gc.isenabled()


def _fail_inside_a_pause(seen: list[bool]) -> None:
    with cycle_collection_paused():
        seen.append(gc.isenabled())
        raise ZeroDivisionError


def test_collector_restored_after_an_error():
    seen: list[bool] = []
    with pytest.raises(ZeroDivisionError):
        _fail_inside_a_pause(seen)
    assert seen == [False]
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off():
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
