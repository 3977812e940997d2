"""The text report: wrapped to the width, coloured only on request, both languages."""

from __future__ import annotations

import dataclasses
import re

import pytest

from graphmap.render.markdown import render_markdown
from graphmap.render.terminal import _RESET, _STYLES, render_text
from report.report_fixtures import build_report


def test_english_sections_and_content(sample):
    dataset, report = sample
    text = render_text(dataset, report, "en", top=10, width=80)
    for heading in ("graphmap report: Mini", "The ecosystem in figures", "Top brokers", "Gaps",
                    "High severity (1)", "Medium severity (2)", "Low severity (1)",
                    "Best collaboration opportunities", "Communities"):
        assert f"\n{heading}\n" in f"\n{text}", heading
    assert "1. Table de concertation (community)\n" in text
    assert "   Betweenness 0.833 · Constraint 0.521 · Effective size 1.67\n" in text
    assert "   Brokerage profile: coordinator\u00a01, liaison\u00a02\n" in text
    # Issue 10: an actor whose measures are all 0 or undefined is not called a broker.
    assert "Citoyen isolé (citizen)" not in text.split("\nGaps\n")[0]
    assert "Only 2 of 4 actors act as brokers" in text
    assert "  • Épicerie solidaire: no adopter\n    Remedy: remedy: find adopters\n" in text
    assert ("Funders to approach (1)\n\n"
            "1. Fondation Laurentienne → Logement partagé (weak evidence, score 0.750)\n") in text
    assert ("Actors to bring together (1)\n\n"
            "1. Ville de Saint-Jérôme → Fondation Laurentienne (weak evidence, score 0.333)\n"
            ) in text
    assert "   Who can make the introduction: Table de concertation\n" in text
    assert "   Nobody can make the introduction yet.\n" in text
    assert "  Total funding" in text
    assert "$12,500\n" in text
    assert "\x1b[" not in text


def test_french_sections_and_numbers(sample):
    dataset, report = sample
    text = render_text(dataset, report, "fr", top=1, width=80)
    for heading in ("Rapport graphmap\u00a0: Mini", "L'écosystème en chiffres",
                    "Principaux courtiers", "Manques", "Gravité élevée (1)",
                    "Meilleures occasions de collaboration", "Communautés"):
        assert f"\n{heading}\n" in f"\n{text}", heading
    assert "   Intermédiarité 0,833 · Contrainte 0,521 · Taille effective 1,67\n" in text
    assert "   Profil de courtage\u00a0: coordonnateur\u00a01, agent de liaison\u00a02\n" in text
    assert "12\u00a0500\u00a0$" in text
    assert "  … et 1 de plus (voir le rapport JSON).\n" in text  # the other broker
    assert "Qui peut faire les présentations\u00a0: Table de concertation" in text


def test_wraps_to_width_and_keeps_no_break_spaces():
    dataset, report = build_report({"a1": "Table de concertation " * 6})
    for width in (40, 60, 100):
        text = render_text(dataset, report, "fr", top=None, width=width)
        assert max(len(line) for line in text.splitlines()) <= width
        assert "\u00a0:" in text  # the French colon never starts a line
        assert not any(line.lstrip().startswith(":") for line in text.splitlines())


def test_colour_only_when_asked(sample):
    dataset, report = sample
    assert "\x1b[1m" in render_text(dataset, report, "en", color=True)
    assert "\x1b" not in render_text(dataset, report, "en", color=False)


def test_empty_report_says_so():
    from dataclasses import replace

    dataset, report = build_report()
    empty = replace(report, brokers=(), gaps=(), opportunities=(), communities=())
    text = render_text(dataset, empty, "en")
    assert "No gap found." in text
    assert "No opportunity proposed." in text
    assert "No community." in text
    assert "No actor in the ecosystem." in text


def test_communities_name_their_members(sample):
    dataset, report = sample
    text = render_text(dataset, report, "en", top=10, width=120)
    communities = text.split("\nCommunities\n", 1)[1].split("\n\nGlossary\n", 1)[0]
    assert communities == (
        "-----------\n"
        "• Community 0: community: Table de concertation\n"
        "  4 members: Table de concertation, Fondation Laurentienne, Ville de Saint-Jérôme,"
        " Épicerie solidaire\n"
        "• Community 1: citizen:\n"
        "  1 member: Citoyen isolé")
    assert text.endswith("  - Who introduces: an actor who already knows both sides and can put"
                         " them in touch.\n")


def test_a_big_community_names_its_first_eight_members(sample):
    dataset, report = sample
    members = tuple(f"m{i:02d}" for i in range(10))  # unknown ids are shown as themselves
    big = dataclasses.replace(report.communities[0], members=members)
    report = dataclasses.replace(report, communities=(big,))
    text = render_text(dataset, report, "fr", top=10, width=200)
    assert ("  10 membres, dont m00, m01, m02, m03, m04, m05, m06, m07\n") in text


# An OSC sequence that would retitle the terminal, and a line break, in names.
CONTROL_NAMES = {"a1": "Table\x1b]0;x\x07 de concertation", "a3": "Ville de\nSaint-Jérôme",
                 "p1": "Épicerie\x1b[2J solidaire"}


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_names_cannot_drive_the_terminal(lang, color):
    dataset, report = build_report(CONTROL_NAMES)
    text = render_text(dataset, report, lang, color=color, width=200)
    for code in (*_STYLES.values(), _RESET):  # the report's own colours only
        text = text.replace(code, "")
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert "Table\\x1b]0;x\\x07 de concertation" in text
    assert "Épicerie\\x1b[2J solidaire" in text
    # The line break in a name does not start a line of its own.
    assert not any(line.startswith("Saint-Jérôme") for line in text.splitlines())
    assert "Ville de Saint-Jérôme" in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_names_cannot_drive_the_terminal_through_markdown(lang):
    dataset, report = build_report(CONTROL_NAMES)
    markdown = render_markdown(dataset, report, lang)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", markdown)
    # Escaped for Markdown too: a reader sees \x1b]0;x\x07.
    assert "Table\\\\x1b\\]0;x\\\\x07 de concertation" in markdown
    assert not any(line.lstrip("|* ").startswith("Saint-Jérôme")
                   for line in markdown.splitlines())
