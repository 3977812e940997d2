"""The one message catalogue: every key in French and English with the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from graphmap.i18n import LANGS, catalogue, translate

KEYS = sorted(catalogue())


def _fields(template: str, lang: str | None = None) -> set[str]:
    """Placeholder names; with ``lang``, a ``_fr``/``_en`` suffix naming that language is
    dropped (``{territory_fr}`` in French matches ``{territory_en}`` in English)."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(template):
        if field:
            name = re.split(r"[.\[]", field)[0]
            if lang is not None:
                name = name.removesuffix(f"_{lang}")
            names.add(name)
    return names


def _forms(texts: object) -> list[str]:
    """The templates of one language's text: itself, or each of its plural forms."""
    if isinstance(texts, dict):
        return [text for category, text in texts.items() if category != "by"]
    assert isinstance(texts, str)
    return [texts]


@pytest.mark.parametrize("key", KEYS)
def test_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) >= set(LANGS), f"{key}: missing {set(LANGS) - set(texts)}"
    fields = {}
    for lang in LANGS:
        forms = _forms(texts[lang])
        assert all(form.strip() for form in forms), f"{key}: empty {lang} text"
        per_form = [_fields(form, lang) for form in forms]
        assert all(f == per_form[0] for f in per_form), f"{key}: {lang} forms differ"
        fields[lang] = per_form[0]
    assert fields["fr"] == fields["en"], key


@pytest.mark.parametrize("key", [k for k in KEYS if any(isinstance(catalogue()[k][lang], dict)
                                                        for lang in LANGS)])
def test_plural_forms_are_cldr_categories_chosen_by_a_parameter(key: str) -> None:
    """A text with plural forms has ``other`` and only CLDR categories; the parameter that
    chooses the form (``count``, or the one ``by`` names) is one of its placeholders."""
    for lang in LANGS:
        texts = catalogue()[key][lang]
        if not isinstance(texts, dict):
            continue
        assert "other" in texts, key
        assert set(texts) <= {"by", "zero", "one", "two", "few", "many", "other"}, key
        assert texts.get("by", "count") in _fields(texts["other"]), key


def test_plural_forms_follow_each_language_cldr_rules() -> None:
    """French says "0 erreur", "1 erreur", English "0 errors", "1 error" (CLDR)."""
    rendered = {(lang, n): translate("error.validation_failed", lang, count=n)
                for lang in LANGS for n in (0, 1, 2, "1\u00a0234")}
    assert rendered["fr", 0].startswith("0 erreur ")
    assert rendered["fr", 1].startswith("1 erreur ")
    assert rendered["fr", 2].startswith("2 erreurs ")
    assert rendered["fr", "1\u00a0234"].startswith("1\u00a0234 erreurs ")
    assert rendered["en", 0].startswith("0 errors ")
    assert rendered["en", 1].startswith("1 error ")
    assert rendered["en", 2].startswith("2 errors ")


def test_no_message_says_s_in_brackets() -> None:
    """Real singular and plural forms, never "projet(s)"."""
    offenders = [key for key in KEYS for lang in LANGS
                 for form in _forms(catalogue()[key][lang]) if "(s)" in form]
    assert not offenders


def test_no_french_message_breaks_a_line_at_its_punctuation() -> None:
    """Every French text as served (docs/reports.md, "French punctuation"): no plain space
    before : ; ! ? » or after «, whether or not an example output shows the message."""
    offenders = [(key, form) for key in KEYS for form in _forms(catalogue()[key]["fr"])
                 if re.search(r" [:;!?»](?![\w-])|« ", form)]
    assert not offenders, offenders[:5]


@pytest.mark.parametrize("key", KEYS)
def test_message_renders(key: str) -> None:
    """A template without placeholders is shown as is: doubled braces would show doubled."""
    for lang in LANGS:
        texts = catalogue()[key][lang]
        if isinstance(texts, dict):
            continue
        template = texts
        fields = _fields(template)
        if not fields:
            assert "{{" not in template, key
            assert "}}" not in template, key
            assert translate(key, lang) == template


def test_every_issue_code_of_the_data_layer_has_a_message() -> None:
    root = Path(__file__).resolve().parent.parent / "graphmap"
    sources = [*root.joinpath("load").rglob("*.py"), *root.joinpath("validation").rglob("*.py")]
    codes: set[str] = set()
    for path in sources:
        text = path.read_text(encoding="utf-8")
        codes.update(re.findall(r"\b(?:error|warning)\(\s*\"([a-z_]+\.[a-z_]+)\"", text))
    # Codes built from the column name: f"{column}.unknown".
    codes.update(f"{c}.unknown" for c in ("sector", "category", "scope", "stage",
                                          "relation_type"))
    assert len(codes) > 30
    missing = sorted(c for c in codes if f"issue.{c}" not in catalogue())
    assert not missing
