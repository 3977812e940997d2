"""The glossary: one plain sentence per measure and term the reports show, in French and
English, from the catalogue (``report.glossary.<term>.term`` / ``.text``).

The text and Markdown reports and the brief end with it; the HTML report has it as a
"Lexique / Glossary" section and as the tooltip of each column header.
"""

from __future__ import annotations

from graphmap.i18n import translate

__all__ = ["TERMS", "glossary", "term_text"]

#: The terms, in the order a reader meets them in the report.
TERMS: tuple[str, ...] = ("betweenness", "constraint", "effective_size", "brokerage",
                          "components", "density", "communities", "hhi", "gap", "score",
                          "evidence", "introducer")


def term_text(term: str, lang: str) -> str:
    """The plain sentence that explains ``term`` (a tooltip).

    >>> term_text("betweenness", "fr")[:22]
    'la part des plus court'
    """
    return translate(f"report.glossary.{term}.text", lang)


def glossary(lang: str, terms: tuple[str, ...] = TERMS) -> list[tuple[str, str]]:
    """``(term, explanation)`` pairs of the glossary in ``lang``.

    >>> glossary("en")[0][0], glossary("fr")[7][0]
    ('Betweenness', 'IHH')
    """
    return [(translate(f"report.glossary.{term}.term", lang), term_text(term, lang))
            for term in terms]
