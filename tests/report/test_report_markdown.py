"""The Markdown report: headings in both languages, and user text that cannot break it."""

from __future__ import annotations

import re

import pytest

from graphmap.render.markdown import escape, render_markdown
from report.report_fixtures import build_report

HOSTILE = {
    "a1": "A|B *bold* _under_ <script>alert(1)</script>",
    "a2": "# Heading\nsecond line | x",
    "a3": "[link](https://evil.example) ![img](x.png) `code` ~~strike~~ $x$ &amp; \\",
    "a4": "1. not a list",
    "p1": "- not an item <img src=x onerror=alert(1)>",
    "p2": "<b>bold</b> **bold**",
}


def table_rows(markdown: str) -> list[list[str]]:
    """Cells of every table row, split on unescaped pipes."""
    rows = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            rows.append([c.strip() for c in cells[1:-1]])
    return rows


def test_escape_examples():
    assert escape("A|B") == "A\\|B"
    assert escape("<script>") == "&lt;script&gt;"
    assert escape("a\nb\r\nc") == "a b c"
    assert escape("- item") == "\\- item"
    assert escape("12) x") == "12\\) x"
    assert escape("Saint-Jérôme") == "Saint-Jérôme"  # inner hyphens stay readable
    assert escape("0.25") == "0.25"
    assert escape("-3") == "-3"
    assert escape("&lt;") == "&amp;lt;"


def test_hostile_names_keep_tables_whole():
    dataset, report = build_report(HOSTILE)
    markdown = render_markdown(dataset, report, "en", top=None)
    assert "<script>" not in markdown
    assert "<img" not in markdown
    assert "<b>" not in markdown
    for row in table_rows(markdown):
        # every row of a table has as many cells as its header
        assert len(row) in (2, 5, 7), row
    header_widths = {len(r) for r in table_rows(markdown) if r and r[0].startswith("---")}
    assert header_widths <= {2, 5, 7}
    # no user text begins a line (it could open a heading, list or quote)
    for line in markdown.splitlines():
        assert not line.startswith(("# Heading", "second line", "1. not", "- not")), line


def test_hostile_names_render_as_plain_text_with_a_real_parser():
    markdown_it = pytest.importorskip("markdown_it")
    dataset, report = build_report(HOSTILE)
    html = markdown_it.MarkdownIt("commonmark").enable("table").enable("strikethrough").render(
        render_markdown(dataset, report, "en", top=None))
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>bold" not in html
    assert "<a " not in html
    assert "<del>" not in html
    assert html.count("<h1>") == 1  # only the title
    # the names come out verbatim as text
    assert "A|B *bold* _under_ &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[link](https://evil.example) ![img](x.png) `code` ~~strike~~ $x$ &amp;amp; \\" in html
    # the table cell holds the whole name
    assert '<td style="text-align:right">1</td>\n<td>A|B *bold* _under_ &lt;script&gt;' in html
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        rows = re.findall(r"<tr>.*?</tr>", table, flags=re.S)
        widths = {len(re.findall(r"<t[dh]", row)) for row in rows}
        assert len(widths) == 1, widths


@pytest.mark.parametrize(("lang", "headings"), [
    ("fr", ["# Rapport graphmap\u00a0: Mini", "## L'écosystème en chiffres",
            "## Principaux courtiers", "## Manques", "### Gravité élevée (1)",
            "### Gravité moyenne (2)", "### Gravité faible (1)",
            "## Meilleures occasions de collaboration", "### Bailleurs de fonds à approcher (1)",
            "### Acteurs à rapprocher (1)", "## Communautés", "## Lexique"]),
    ("en", ["# graphmap report: Mini", "## The ecosystem in figures", "## Top brokers",
            "## Gaps", "### High severity (1)", "### Medium severity (2)",
            "### Low severity (1)", "## Best collaboration opportunities",
            "### Funders to approach (1)", "### Actors to bring together (1)", "## Communities",
            "## Glossary"]),
])
def test_headings_in_each_language(sample, lang, headings):
    dataset, report = sample
    markdown = render_markdown(dataset, report, lang)
    assert [line for line in markdown.splitlines() if line.startswith("#")] == headings


def test_content_french(sample):
    dataset, report = sample
    markdown = render_markdown(dataset, report, "fr", top=1)
    assert "| Rang | Acteur | Secteur | Intermédiarité | Contrainte | Taille effective | " \
           "Profil de courtage |" in markdown
    assert ("| 1 | Table de concertation | communautaire | 0,833 | 0,521 | 1,67 | "
            "coordonnateur\u00a01, agent de liaison\u00a02 |") in markdown
    assert "| Financement total | 12\u00a0500\u00a0\\$ |" in markdown
    assert "*… et 1 de plus (voir le rapport JSON).*" in markdown  # the other broker
    assert ("### Bailleurs de fonds à approcher (1)\n\n"
            "1. **Fondation Laurentienne → Logement partagé** (indices faibles, score 0,750)\n"
            ) in markdown
    assert "   - Qui peut faire les présentations\u00a0: Table de concertation" in markdown
    assert markdown.endswith("*Produit par graphmap 0.1.0.*\n")


def test_actors_that_do_not_broker_are_not_listed(sample):
    # Issue 10: only actors with betweenness or brokerage above 0 are called brokers.
    dataset, report = sample
    markdown = render_markdown(dataset, report, "en", top=None)
    brokers = markdown.split("## Top brokers", 1)[1].split("\n## ", 1)[0]
    assert "Citoyen isolé" not in brokers
    assert "*Only 2 of 4 actors act as brokers (betweenness or brokerage above 0)" in brokers


def test_top_limits_communities_too(sample):
    dataset, report = sample
    markdown = render_markdown(dataset, report, "en", top=1)
    section = markdown.split("## Communities", 1)[1]
    assert "| 0 | community: Table de concertation |" in section
    assert "| 1 |" not in section
    assert "*… and 1 more (see the JSON report).*" in section


def test_community_rows_in_full(sample):
    dataset, report = sample
    section = render_markdown(dataset, report, "fr", top=None).split("## Communautés", 1)[1]
    assert section.splitlines()[2:6] == [
        "| N° | Communauté | Membres | Secteur dominant | Territoire dominant |",
        "|---:|---|---|---|---|",
        "| 0 | community\u00a0: Table de concertation | 4 membres\u00a0: Table de concertation,"
        " Fondation Laurentienne, Ville de Saint-Jérôme, Épicerie solidaire | communautaire |"
        " Rivière-du-Nord |",
        "| 1 | citizen\u00a0:  | 1 membre\u00a0: Citoyen isolé | citoyen | — |",
    ]
