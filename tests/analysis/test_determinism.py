"""Same input ⇒ same report: twice in one process and across PYTHONHASHSEED values."""

from __future__ import annotations

import os
import subprocess
import sys

from graphmap.analysis.pipeline import analyze

from .conftest import EXAMPLE, ROOT

# A full dump of the report made here (independent of the renderers): every field, every
# Message rendered in both languages, floats with repr.
DUMP = r"""
import dataclasses, json, sys
from graphmap.i18n import Message
from graphmap.workspace import load_workspace
from graphmap.analysis.pipeline import analyze

def plain(value):
    if isinstance(value, Message):
        return {"fr": value.render("fr"), "en": value.render("en")}
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return repr(value)
    return value

from graphmap.config import AnalysisConfig
report = analyze(load_workspace(sys.argv[1]), AnalysisConfig(**json.loads(sys.argv[2])))
sys.stdout.write(json.dumps(plain(report), ensure_ascii=False))
"""


def _dump(hash_seed: str, config: str = "{}") -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", DUMP, str(EXAMPLE), config],
                          capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    return done.stdout


def test_analyze_twice_gives_equal_reports(example):
    assert analyze(example) == analyze(example)


def test_report_is_identical_across_hash_seeds():
    first = _dump("0")
    assert len(first) > 10_000
    assert _dump("12345") == first
    assert _dump("random") == first


def test_sampled_betweenness_and_community_groups_are_identical_across_hash_seeds():
    config = ('{"exact_betweenness_max_nodes": 50, "betweenness_samples": 40,'
              ' "group_by": "community"}')
    first = _dump("1", config)
    assert '"approximate": true' in first
    assert _dump("2", config) == first


def test_analyze_does_not_mutate_its_input(example):
    before = (example.actors, example.projects, example.relations)
    analyze(example)
    assert (example.actors, example.projects, example.relations) == before
