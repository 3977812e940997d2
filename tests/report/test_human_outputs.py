"""No human output says "(s)" or shows a number formatted for the other language (issue 13):
the text and Markdown reports, report.html and brief.html of every example, in French and in
English; vocabulary codes are shown by their label, never raw."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from graphmap.analysis.pipeline import analyze
from graphmap.render.brief import build_brief_html
from graphmap.render.html_report import build_report_html
from graphmap.render.markdown import render_markdown
from graphmap.render.terminal import render_text
from graphmap.schema import Sector
from graphmap.workspace import load_workspace

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
WORKSPACES = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() or p.suffix == ".xlsx")

# A number written the English way in French text (0.37, 1,234,567, $12, 25%) and the
# French way in English text (0,37, 0,365, 12 500, 12 $, 25 %). "1,234" alone is not
# flagged in French: it is also a French decimal.
ENGLISH_NUMBER = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])|\d,\d{3},\d{3}|\$\d|\d%")
FRENCH_NUMBER = re.compile(
    r"(?<![\d,])0,\d|(?<![\w,])\d+,\d{1,2}(?!\d)|\d\u00a0\d{3}(?!\d)|\d\u00a0[$%]")


class _Text(HTMLParser):
    """The text a reader sees: no script, no style, no attribute but ``title``."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.parts.extend(value or "" for name, value in attrs if name == "title")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.parts)


def _user_text(dataset: Any) -> list[str]:
    """Everything the user typed: it may hold any number, in any format."""
    texts = [dataset.name or ""]
    for record in (*dataset.actors, *dataset.projects, *dataset.relations):
        for value in vars(record).values() if hasattr(record, "__dict__") else ():
            texts.append(str(value))
        for slot in getattr(record, "__slots__", ()):
            value = getattr(record, slot, None)
            if isinstance(value, str):
                texts.append(value)
        texts.extend(str(v) for v in getattr(record, "extra", {}).values())
    return sorted({t for t in texts if t}, key=len, reverse=True)


@pytest.fixture(scope="module", params=WORKSPACES, ids=lambda p: p.name)
def analysed(request: pytest.FixtureRequest) -> tuple[Any, Any]:
    dataset = load_workspace(request.param)
    return dataset, analyze(dataset)


def _outputs(dataset: Any, report: Any, lang: str) -> dict[str, str]:
    return {
        "text": render_text(dataset, report, lang, None),
        "markdown": render_markdown(dataset, report, lang, None),
        "report.html": _visible(build_report_html(dataset, report, lang=lang)),
        "brief.html": _visible(build_brief_html(dataset, report, lang=lang)),
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_s_in_brackets_and_numbers_in_the_language(analysed: tuple[Any, Any],
                                                      lang: str) -> None:
    dataset, report = analysed
    user = _user_text(dataset)
    wrong = ENGLISH_NUMBER if lang == "fr" else FRENCH_NUMBER
    for name, output in _outputs(dataset, report, lang).items():
        assert "(s)" not in output, name
        ours = output
        for typed in user:  # a name like "Cuisine 2.0" is the user's, not our format
            ours = ours.replace(typed, " ")
        ours = re.sub(r"graphmap \d+\.\d+\.\d+\S*", " ", ours)  # the version
        found = [m.group(0) for m in wrong.finditer(ours)]
        assert not found, (name, found[:10])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_vocabulary_codes_are_shown_by_label(analysed: tuple[Any, Any], lang: str) -> None:
    """A sector's code (``social_economy``, ``regional_hub``...) never appears where its
    label belongs; the labels of the sectors present do."""
    dataset, report = analysed
    codes = {s.value for s in Sector if "_" in s.value} | {"regional_hub"}
    labels = {a.sector.label(lang) for a in dataset.actors}
    for name, text in _outputs(dataset, report, lang).items():
        user = " ".join(_user_text(dataset))
        raw = sorted(c for c in codes if re.search(rf"\b{c}\b", text) and c not in user)
        assert not raw, (name, raw)
        if name != "brief.html":
            assert any(label in text for label in labels), name


def test_french_punctuation_never_starts_nor_ends_a_line(analysed: tuple[Any, Any]) -> None:
    """In French, the space before « : ; ! ? » » and after « « » is a no-break space
    (``graphmap.i18n.french_spaces``, docs/reports.md): in every human output, none of our
    words leaves a plain one there, where a page or a PDF could break the line."""
    dataset, report = analysed
    user = _user_text(dataset)
    for name, output in _outputs(dataset, report, "fr").items():
        ours = output
        for typed in user:  # what the user typed is shown as typed
            ours = ours.replace(typed, "\u2063")
        found = [ours[max(0, m.start() - 30):m.end() + 10]
                 for m in re.finditer(r" [:;!?»]|« ", ours)]
        assert not found, (name, found[:5])
