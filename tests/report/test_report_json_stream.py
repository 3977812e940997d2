"""The streamed JSON report: the very bytes of ``json.dumps`` on the whole document."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphmap.analysis.pipeline import analyze
from graphmap.analysis.report import AnalysisReport
from graphmap.atomic import atomic_open
from graphmap.errors import GraphmapError
from graphmap.model.dataset import Dataset
from graphmap.render.json_report import render_json, report_to_dict, write_json
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "laurentides"


def old_style(dataset: Dataset, report: AnalysisReport, lang: str) -> bytes:
    """The report as graphmap wrote it before streaming: one ``json.dumps`` of the dict."""
    text = json.dumps(report_to_dict(dataset, report, lang), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"
    return text.encode("utf-8")


def streamed(dataset: Dataset, report: AnalysisReport, lang: str) -> bytes:
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n")
    write_json(dataset, report, lang, stream)
    stream.flush()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def laurentides() -> tuple[Dataset, AnalysisReport]:
    dataset = load_workspace(EXAMPLE)
    return dataset, analyze(dataset)


@pytest.fixture(scope="module")
def synthetic() -> tuple[Dataset, AnalysisReport]:
    dataset = generate_dataset(2000, 500, 10000, seed=3)
    return dataset, analyze(dataset)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_example_stream_equals_one_dumps(laurentides, lang):
    dataset, report = laurentides
    assert report.brokers
    assert report.gaps
    assert report.opportunities
    assert report.communities
    old = old_style(dataset, report, lang)
    assert streamed(dataset, report, lang) == old
    assert render_json(dataset, report, lang).encode("utf-8") == old
    if lang == "fr":
        assert "é".encode() in old  # real accents, not \u escapes


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_generated_2k_stream_equals_one_dumps(synthetic, lang):
    dataset, report = synthetic
    assert len(report.opportunities) > 100
    assert len(report.communities) > 1
    old = old_style(dataset, report, lang)
    assert streamed(dataset, report, lang) == old
    assert render_json(dataset, report, lang).encode("utf-8") == old


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_empty_lists_stream_as_dumps_prints_them(sample, lang):
    dataset, report = sample
    empty = dataclasses.replace(report, brokers=(), gaps=(), opportunities=(),
                                communities=(), meta={})
    text = render_json(dataset, empty, lang)
    assert '  "brokers": [],\n' in text
    assert text.endswith('  "meta": {}\n}\n')
    assert text.encode("utf-8") == old_style(dataset, empty, lang)
    assert render_json(dataset, report, lang).encode("utf-8") == old_style(dataset, report,
                                                                           lang)


def test_atomic_open_replaces_only_on_success(tmp_path):
    target = tmp_path / "sub" / "report.json"
    with atomic_open(target) as handle:
        handle.write("première\n")
    assert target.read_bytes() == "première\n".encode()
    def half_written() -> None:
        with atomic_open(target) as handle:
            handle.write("half")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        half_written()
    assert target.read_bytes() == "première\n".encode()
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]


def test_atomic_open_failure_is_a_graphmap_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(GraphmapError) as info, atomic_open(blocker / "report.json"):
        pass
    assert info.value.key == "error.write_failed"


def test_cli_streams_the_same_bytes_to_stdout_and_out(tmp_path, laurentides):
    dataset, report = laurentides
    out = tmp_path / "out"
    piped = subprocess.run([sys.executable, "-m", "graphmap", "analyze", str(EXAMPLE),
                            "--format", "json", "--lang", "fr"],
                           capture_output=True, check=True)
    both = subprocess.run([sys.executable, "-m", "graphmap", "analyze", str(EXAMPLE),
                           "--format", "json", "--lang", "fr", "--out", str(out)],
                          capture_output=True, check=True)
    expected = old_style(dataset, report, "fr")
    assert piped.stdout == expected
    assert both.stdout == expected
    assert (out / "report.json").read_bytes() == expected
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
