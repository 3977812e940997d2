"""The full report prints cleanly (issue 13, point 3): no word broken inside, by the CSS
rules and in the text of a PDF printed by headless Chromium; the glossary section and the
headers' tooltips are there."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

import pytest

from brief.conftest import pdf_text, print_pdf
from graphmap.render.glossary import TERMS, term_text
from graphmap.render.html_report import build_report_html
from graphmap.render.page import asset

pytestmark = pytest.mark.browser


def test_css_never_breaks_inside_a_word() -> None:
    css = asset("report.css")
    assert not re.search(r"overflow-wrap:\s*anywhere|word-break:\s*break-(all|word)", css)
    assert re.search(r"hyphens:\s*manual", css)


def _broken_words(pdf_lines: list[str], words: set[str]) -> list[str]:
    """Words of the page that the PDF shows split across two lines: the end of a line and
    the start of the next make a word of the page, and the end alone is not one."""
    broken = []
    for line, following in itertools.pairwise(pdf_lines):
        tail = re.findall(r"[^\W\d_]+$", line.rstrip())
        head = re.findall(r"^[^\W\d_]+", following.lstrip())
        if tail and head and tail[0] + head[0] in words and tail[0] not in words:
            broken.append(f"{tail[0]}|{head[0]}")
    return broken


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_report_breaks_no_word(lang: str, example: tuple[Any, Any], chromium: Any,
                                       tmp_path: Path) -> None:
    dataset, report = example
    path = tmp_path / "report.html"
    path.write_text(build_report_html(dataset, report, lang=lang), encoding="utf-8")
    page = chromium.new_page()
    try:
        page.goto(path.as_uri())
        shown = page.inner_text("main")
    finally:
        page.close()
    words = set(re.findall(r"[^\W\d_]+", shown))
    pdf = print_pdf(chromium, path, "Letter")
    lines = [line for line in pdf_text(pdf).splitlines() if line.strip()]
    assert len(lines) > 100
    assert _broken_words(lines, words) == []


def test_report_has_the_glossary_and_tooltips(example: tuple[Any, Any]) -> None:
    dataset, report = example
    html = build_report_html(dataset, report, lang="fr")
    assert 'id="glossary"' in html
    assert ">Lexique<" in html
    for term in TERMS:
        assert f'id="glossary-{term}"' in html
    assert f'title="{term_text("betweenness", "fr")}"' in html.replace("&#39;", "'")
