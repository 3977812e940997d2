"""The JSON writer's fast path (graphmap.render.json_items) writes the generic layout's bytes."""

from __future__ import annotations

import dataclasses
import io
import json
import random
import struct
from pathlib import Path

import numpy as np
import pytest

from graphmap.analysis.pipeline import analyze
from graphmap.analysis.report import AnalysisReport, Broker, Brokerage
from graphmap.i18n import Listing, Message
from graphmap.model.dataset import Dataset
from graphmap.render.json_items import BrokerTexts, MessageTexts, _number
from graphmap.render.json_report import (
    _broker,
    _dumps_at,
    clean_float,
    report_to_dict,
    write_json,
)
from graphmap.schema import Sector
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "laurentides"


@pytest.fixture(scope="module")
def reports() -> list[tuple[Dataset, AnalysisReport]]:
    example = load_workspace(EXAMPLE)
    generated = generate_dataset(2000, 500, 10000, seed=5)
    return [(example, analyze(example)), (generated, analyze(generated))]


def one_dumps(dataset: Dataset, report: AnalysisReport, lang: str) -> str:
    return json.dumps(report_to_dict(dataset, report, lang), ensure_ascii=False, indent=2,
                      allow_nan=False) + "\n"


def streamed(dataset: Dataset, report: AnalysisReport, lang: str) -> str:
    buffer = io.StringIO()
    write_json(dataset, report, lang, buffer)
    return buffer.getvalue()


def sentences(report: AnalysisReport) -> list[Message]:
    found: list[Message] = [b.why for b in report.brokers]
    found += [m for g in report.gaps for m in (g.message, g.remedy)]
    found += [r for o in report.opportunities for r in o.reasons]
    found += [c.label for c in report.communities]
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_broker_takes_the_template_and_gets_the_generic_bytes(reports, lang):
    for dataset, report in reports:
        texts = BrokerTexts(dataset, lang)
        for broker in report.brokers:
            assert texts.text(broker) == _dumps_at(_broker(dataset, broker, lang), 2)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_sentence_renders_as_message_render(reports, lang):
    for _, report in reports:
        texts = MessageTexts(lang)
        shown = sentences(report)
        assert len({m.key for m in shown}) > 10
        # Twice: the second pass reads the listings rendered by the first.
        for _ in range(2):
            assert [texts.render(m) for m in shown] == [m.render(lang) for m in shown]


def test_plural_form_follows_the_count_not_a_text_rendered_ahead():
    groups = Listing((Sector.PUBLIC, Sector.MEDIA))
    one = Message("analysis.broker.why_bridges", {"total": 1, "count": 2, "across": 1,
                                                  "groups": groups})
    many = dataclasses.replace(one, params={**one.params, "total": 1234})
    for lang in ("fr", "en"):
        texts = MessageTexts(lang)
        assert [texts.render(one), texts.render(many)] == [one.render(lang), many.render(lang)]
    assert MessageTexts("en").render(one) == (
        "Connects 2 groups (public and media): intermediary in 1 exchange between "
        "actors not tied directly, 1 of them across groups.")
    assert "1234 échanges" in MessageTexts("fr").render(many)


class Name(str):
    """A name of a str subclass, as an engine or a script could hand one over."""


def odd_brokers(broker: Broker) -> list[Broker]:
    """Brokers the template cannot or need not take as they are: numpy numbers, a str
    subclass, NaN, no actor behind the id, an empty listing of groups."""
    roles = broker.brokerage
    return [
        dataclasses.replace(broker, betweenness=np.float64(0.25)),
        dataclasses.replace(broker, name=Name(broker.name)),
        dataclasses.replace(broker, brokerage=Brokerage(np.int64(roles.coordinator), 1, 2, 3,
                                                        4)),
        dataclasses.replace(broker, betweenness=float("nan"), constraint=float("inf")),
        dataclasses.replace(broker, constraint=-0.0, effective_size=1e-20),
        dataclasses.replace(broker, id="not-an-actor", bridged_groups=()),
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_odd_brokers_stream_the_bytes_of_one_dumps(reports, lang):
    dataset, report = reports[0]
    odd = dataclasses.replace(report, brokers=(*odd_brokers(report.brokers[0]),
                                               *report.brokers))
    texts = BrokerTexts(dataset, lang)
    assert [texts.text(b) is None for b in odd.brokers[:3]] == [True, True, True]
    assert streamed(dataset, odd, lang) == one_dumps(dataset, odd, lang)
    assert '"betweenness": null,\n      "constraint": null,' in streamed(dataset, odd, lang)


def test_measures_print_as_clean_float_then_repr():
    rng = random.Random(7)
    values = [rng.random() * 10 ** rng.randint(-9, 19) * rng.choice((1, -1))
              for _ in range(20000)]
    values += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
               for _ in range(20000)]
    values += [round(rng.random(), digits) for digits in range(1, 17) for _ in range(500)]
    values += [0.1, 1e-5, 1e-4, 123456789012.5, 999999999999.5, 1e11, 1e12, 1e16, -0.0,
               5e-324, 1.7976931348623157e308, 0.30000000000000004]
    expected = ["null" if clean_float(v) is None else repr(clean_float(v)) for v in values]
    assert [_number(v) for v in values] == expected


def test_texts_kept_by_value_never_serve_another_type_or_object(reports):
    """A measure's text is kept by its value: an int, a numpy number or NaN equal (or not) to
    a float written before still gets its own bytes, and brokers sharing one profile and
    one sentence object are written as each alone."""
    dataset, report = reports[0]
    first = dataclasses.replace(report.brokers[0], betweenness=1.0, constraint=0.25,
                                effective_size=float("nan"))
    again = [dataclasses.replace(first, betweenness=1), dataclasses.replace(
        first, constraint=np.float64(0.25)), dataclasses.replace(first, effective_size=-0.0),
        dataclasses.replace(first, rank=2, brokerage=first.brokerage, why=first.why)]
    odd = dataclasses.replace(report, brokers=(first, *again, first))
    for lang in ("fr", "en"):
        assert streamed(dataset, odd, lang) == one_dumps(dataset, odd, lang)
    texts = BrokerTexts(dataset, "en")
    assert [texts.text(b) is None for b in odd.brokers] == [False, True, True, False, False,
                                                            False]
    assert '"betweenness": 1,' in streamed(dataset, odd, "en")
