"""Every sentence the analysis produces is a catalogue Message that renders in French and
English with all its parameters."""

from __future__ import annotations

import string

from graphmap.analysis.pipeline import analyze
from graphmap.config import AnalysisConfig
from graphmap.i18n import Message, catalogue
from graphmap.messages.analysis import MESSAGES


def _messages(report):
    for b in report.brokers:
        yield b.why
    for g in report.gaps:
        yield g.message
        yield g.remedy
    for o in report.opportunities:
        yield from o.reasons
    for c in report.communities:
        yield c.label


def _fields(text):
    """Placeholders of a text, or of all its plural forms (``{"one": ..., "other": ...}``)."""
    forms = [t for c, t in text.items() if c != "by"] if isinstance(text, dict) else [text]
    return {f for form in forms for _, f, _, _ in string.Formatter().parse(form) if f}


def test_catalogue_keys_are_prefixed_and_bilingual():
    for key, texts in MESSAGES.items():
        assert key.startswith("analysis."), key
        assert set(texts) == {"fr", "en"}, key
        assert texts["fr"], key
        assert texts["en"], key
        fields = _fields(texts["en"])
        fields_fr = _fields(texts["fr"])
        # Same parameters in both languages: a name that needs translating is one
        # Localized parameter, never a _fr/_en pair.
        assert fields == fields_fr, key
        assert not any(f.endswith(("_fr", "_en")) for f in fields), key


def test_every_report_sentence_renders_in_both_languages(example):
    keys = set()
    for group_by in ("sector", "territory", "community"):
        report = analyze(example, AnalysisConfig(group_by=group_by))
        for message in _messages(report):
            assert isinstance(message, Message)
            assert message.key in catalogue()
            keys.add(message.key)
            fr, en = message.render("fr"), message.render("en")
            assert fr
            assert en
            assert "{" not in fr + en
    assert {k for k in keys if k.startswith("analysis.gap.")} >= {
        "analysis.gap.project_no_carrier", "analysis.gap.ecosystem_fragmented"}
    assert any(k.startswith("analysis.broker.why_bridges") for k in keys)
