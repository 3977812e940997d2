"""The JSON report: contract keys and types, null for undefined measures, stable bytes."""

from __future__ import annotations

import json
import math

from graphmap.render.json_report import clean_float, render_json, report_to_dict
from report.report_fixtures import build_report

CONTRACT_TOP = ["graphmap_version", "summary", "brokers", "gaps", "opportunities", "communities"]
EXTRA_TOP = ["lang", "meta"]
BROKER_KEYS = {"id": str, "name": str, "rank": int, "betweenness": (float, type(None)),
               "constraint": (float, type(None)), "effective_size": (float, type(None)),
               "brokerage": dict, "why": str,
               # extras
               "brokerage_total": int, "bridged_groups": list, "sector": (str, type(None)),
               "territory": (str, type(None))}
GAP_KEYS = {"code": str, "severity": str, "subject": str, "subject_kind": str, "message": str,
            "evidence": dict, "remedy": str, "subject_name": (str, type(None))}
OPPORTUNITY_KEYS = {"kind": str, "source": str, "target": str, "score": float,
                    "reasons": list, "introducer": (str, type(None)), "path": list,
                    "source_name": (str, type(None)), "target_name": (str, type(None)),
                    "introducer_name": (str, type(None)), "path_names": list}
COMMUNITY_KEYS = {"id": int, "members": list, "label": str, "dominant_sector": (str, type(None)),
                  "dominant_territory": (str, type(None)), "size": int}
ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def check_schema(doc: dict) -> None:
    """The docs/json-report.md contract (plus documented extras), keys in order and types."""
    assert list(doc) == CONTRACT_TOP + EXTRA_TOP
    assert isinstance(doc["graphmap_version"], str)
    assert isinstance(doc["summary"], dict)
    for key in ("actors", "projects", "relations", "components"):
        assert type(doc["summary"][key]) is int
    for items, spec in ((doc["brokers"], BROKER_KEYS), (doc["gaps"], GAP_KEYS),
                        (doc["opportunities"], OPPORTUNITY_KEYS),
                        (doc["communities"], COMMUNITY_KEYS)):
        assert isinstance(items, list)
        for item in items:
            assert list(item) == list(spec), item
            for key, kind in spec.items():
                assert isinstance(item[key], kind), (key, item[key])
                if kind is int:
                    assert type(item[key]) is int, key
    for broker in doc["brokers"]:
        assert list(broker["brokerage"]) == ROLES
        assert all(type(v) is int for v in broker["brokerage"].values())
    for gap in doc["gaps"]:
        assert gap["severity"] in ("high", "medium", "low")
        assert gap["subject_kind"] in ("project", "territory", "actor", "ecosystem")
    for opp in doc["opportunities"]:
        assert opp["kind"] in ("fund", "support", "adopt", "collaborate")
        assert all(isinstance(r, str) for r in opp["reasons"])
        assert all(isinstance(n, str) for n in opp["path"])


def test_schema_of_hand_built_report(sample):
    dataset, report = sample
    doc = json.loads(render_json(dataset, report, "en"))
    check_schema(doc)
    assert [b["id"] for b in doc["brokers"]] == ["a1", "a3", "a2", "a4"]
    assert doc["brokers"][0]["brokerage"] == {"coordinator": 1, "itinerant": 0,
                                              "representative": 0, "gatekeeper": 0, "liaison": 2}
    assert doc["opportunities"][0]["introducer_name"] == "Table de concertation"
    assert doc["opportunities"][0]["path_names"][-1] == "Logement partagé"
    assert doc["gaps"][0]["evidence"] == {"adopters": [], "stage": "feedback"}
    assert doc["meta"] == {"betweenness": {"approximate": False, "nodes": 6},
                           "group_by": "sector", "seed": 42}


def test_undefined_measures_are_null_never_nan(sample):
    dataset, report = sample
    text = render_json(dataset, report, "en")
    assert "NaN" not in text
    assert "Infinity" not in text
    doc = json.loads(text)
    isolated = next(b for b in doc["brokers"] if b["id"] == "a4")
    assert isolated["betweenness"] is None
    assert isolated["constraint"] is None
    assert isolated["effective_size"] is None
    fragmented = next(g for g in doc["gaps"] if g["code"] == "ecosystem.fragmented")
    assert fragmented["evidence"] == {"components": 2, "nan": None}


def test_bytes_are_stable_and_formatted(sample):
    dataset, report = sample
    first = render_json(dataset, report, "fr")
    again = render_json(*build_report(), "fr")
    assert first == again
    assert first.endswith("}\n")
    assert not first.endswith("\n\n")
    assert "Épicerie solidaire" in first  # real accents, not \u escapes
    assert first.startswith('{\n  "graphmap_version": "0.1.0",\n  "summary": {\n')
    # free-form mappings are sorted by key
    assert list(json.loads(first)["summary"]) == sorted(json.loads(first)["summary"])


def test_floats_rounded_to_12_significant_digits(sample):
    dataset, report = sample
    doc = report_to_dict(dataset, report, "en")
    assert doc["brokers"][0]["betweenness"] == 0.833333333333
    assert doc["summary"]["density"] == 0.266666666667
    assert clean_float(0.1 + 0.2) == 0.3
    assert clean_float(-0.0) == 0.0
    assert math.copysign(1, clean_float(-0.0)) == 1
    assert clean_float(float("inf")) is None


def test_messages_in_chosen_language(sample):
    dataset, report = sample
    fr = json.loads(render_json(dataset, report, "fr"))
    en = json.loads(render_json(dataset, report, "en"))
    assert fr["lang"] == "fr"
    assert en["lang"] == "en"
    # the stand-in sentences use the catalogue's French colon spacing
    assert fr["brokers"][0]["why"] == "Table de concertation\u00a0: relie deux secteurs"
    assert en["brokers"][0]["why"] == "Table de concertation: relie deux secteurs"
    assert fr["gaps"][0]["remedy"] == "remedy\u00a0: find adopters"


def test_top_never_truncates_json(sample):
    dataset, report = sample
    assert render_json(dataset, report, "en", top=1) == render_json(dataset, report, "en")
