"""The board brief (issue 13, point 3): at most two printed pages in headless Chromium, on A4
and on Letter, for the example and for a 3,000-actor generated workspace, in both languages;
what it holds; ``graphmap brief`` writing PDF (a real PDF, same bytes twice) or HTML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from brief.conftest import EXAMPLE, page_count, pdf_text, print_pdf
from graphmap.render.brief import (
    BRIEF_BROKERS,
    BRIEF_INTRODUCTIONS,
    best_introductions,
    build_brief_html,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("which", ["example", "generated"])
def test_brief_prints_on_at_most_two_pages(  # noqa: PLR0917 (pytest passes fixtures so)
        which: str, paper: str, lang: str, chromium: Any, request: pytest.FixtureRequest,
        tmp_path: Path) -> None:
    dataset, report = request.getfixturevalue(which)
    path = tmp_path / "brief.html"
    path.write_text(build_brief_html(dataset, report, lang=lang), encoding="utf-8")
    pdf = print_pdf(chromium, path, paper)
    assert 1 <= page_count(pdf) <= 2
    text = pdf_text(pdf)
    # The glossary made it onto the paper, not cut off after page 2.
    assert ("Lexique" if lang == "fr" else "Glossary") in text


def test_brief_holds_the_five_brokers_the_serious_gaps_and_ten_introductions(
        example: tuple[Any, Any]) -> None:
    dataset, report = example
    html = build_brief_html(dataset, report, lang="fr")
    for broker in report.brokers_shown(BRIEF_BROKERS):
        assert broker.name.replace("'", "&#39;") in html
    assert html.count('class="gb-gap ') == min(6, len(report.gaps))
    assert 'class="gb-gap gb-severity-high"' in html
    chosen = best_introductions(report.opportunities)
    assert len(chosen) == min(BRIEF_INTRODUCTIONS, len(report.opportunities))
    # Introductions someone can make come first.
    with_introducer = [o.introducer is not None for o in chosen]
    assert with_introducer == sorted(with_introducer, reverse=True)
    assert "<script" not in html
    assert "(s)" not in html


def _cli(*args: str, lang: str = "fr") -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "GRAPHMAP_LANG": lang}
    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=600, check=False)


def test_brief_command_writes_a_real_pdf_with_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "note.pdf", tmp_path / "encore.pdf"
    for out in (first, second):
        result = _cli("brief", str(EXAMPLE), "-o", str(out), "--paper", "a4")
        assert result.returncode == 0, result.stderr
        assert f"Note écrite\u00a0: {out}" in result.stderr
    data = first.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data == second.read_bytes()
    assert 1 <= page_count(data) <= 2
    text = pdf_text(data)
    assert "Note au conseil" in text
    assert "Lexique" in text


def test_brief_command_writes_html_by_its_extension(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = _cli("brief", str(EXAMPLE), "-o", str(out), lang="en")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Board brief" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "Erreur\u00a0: -o\u00a0: «\u00a0{path}\u00a0» devrait finir par .pdf / .html / .htm "
           "(la note en PDF ou en HTML)\u00a0; l'extension «\u00a0.docx\u00a0» ne correspond pas "
           "à ce qui serait écrit.\n"),
    ("en", "Error: -o: '{path}' should end with .pdf / .html / .htm (the brief as PDF or "
           "HTML); the extension '.docx' does not match what would be written.\n"),
])
def test_brief_to_a_file_of_another_kind_is_a_usage_error(lang: str, expected: str,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    result = _cli("brief", str(EXAMPLE), "-o", str(out), lang=lang)
    assert result.returncode == 2
    assert result.stderr.endswith(expected.format(path=out))
    assert not out.exists()


def test_no_browser_is_a_clear_error_and_no_file(tmp_path: Path) -> None:
    import os

    out = tmp_path / "note.pdf"
    env = {**os.environ, "GRAPHMAP_LANG": "en", "GRAPHMAP_CHROMIUM": str(tmp_path / "none")}
    result = subprocess.run([sys.executable, "-m", "graphmap", "brief", str(EXAMPLE), "-o",
                             str(out)], capture_output=True, text=True, env=env, timeout=600,
                            check=False)
    assert result.returncode == 1
    assert "Error: Printing the PDF with" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "Erreur\u00a0: -o\u00a0: «\u00a0carte.pdf\u00a0» devrait finir par .html / .htm (une "
           "carte HTML)\u00a0; l'extension «\u00a0.pdf\u00a0» ne correspond pas à ce qui serait "
           "écrit.\n"),
    ("en", "Error: -o: 'carte.pdf' should end with .html / .htm (an HTML map); the extension "
           "'.pdf' does not match what would be written.\n"),
])
def test_render_to_a_pdf_name_is_a_usage_error(lang: str, expected: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graphmap", "render", str(EXAMPLE), "-o", "carte.pdf"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600, check=False,
        env={**__import__("os").environ, "GRAPHMAP_LANG": lang})
    assert result.returncode == 2
    assert result.stderr == expected
    assert not (tmp_path / "carte.pdf").exists()
