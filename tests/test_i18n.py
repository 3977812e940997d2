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


@pytest.mark.parametrize("key", KEYS)
def test_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) >= set(LANGS), f"{key}: missing {set(LANGS) - set(texts)}"
    for lang in LANGS:
        assert texts[lang].strip(), f"{key}: empty {lang} text"
    assert _fields(texts["fr"], "fr") == _fields(texts["en"], "en"), key


@pytest.mark.parametrize("key", KEYS)
def test_message_renders(key: str) -> None:
    """A template without placeholders is shown as is: doubled braces would show doubled."""
    for lang in LANGS:
        template = catalogue()[key][lang]
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
