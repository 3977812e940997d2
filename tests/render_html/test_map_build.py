"""Building the map and report pages: offline, deterministic, escaped, options checked."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from graphmap.errors import UsageError
from graphmap.render.html_map import (
    build_map_html,
    build_map_payload,
    script_json,
    vis_network_js,
    write_map,
)
from graphmap.render.html_report import build_report_html

from .conftest import PWN, PWN_SCRIPT


def _data_block(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="graphmap-data">(.*?)</script>',
                      html, re.S)
    assert match is not None
    return json.loads(match.group(1))


def test_two_builds_give_identical_bytes(mini: tuple[Any, Any], tmp_path: Path) -> None:
    dataset, report = mini
    first = write_map(dataset, report, tmp_path / "a.html", lang="fr").read_bytes()
    second = write_map(dataset, report, tmp_path / "b.html", lang="fr").read_bytes()
    assert first == second
    assert build_report_html(dataset, report, lang="en") == build_report_html(
        dataset, report, lang="en")


def test_page_is_self_contained(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    html = build_map_html(dataset, report, lang="en")
    # No external script, stylesheet, font or image: nothing with src= or <link>.
    assert re.search(r"<(script|img|iframe)[^>]*\bsrc=", html) is None
    assert "<link" not in html
    assert "@import" not in html
    assert "@font-face" not in html
    assert "cdn" not in html.lower().replace("cdnjs", "")
    # vis-network is inlined with its license header.
    assert vis_network_js() in html
    assert "@license" in html
    assert "vis.js is dual licensed" in html
    # The CSP forbids every network access and any script but ours.
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    csp = unescape(found.group(1))
    assert csp.startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe" not in csp.split("script-src")[1].split(";")[0]


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"x": PWN_SCRIPT, "y": "a\u2028b\u2029c & d"})
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert "\u2028" not in text
    assert "\u2029" not in text
    assert json.loads(text) == {"x": PWN_SCRIPT, "y": "a\u2028b\u2029c & d"}


def test_user_text_never_reaches_the_page_raw(evil_workspace: Path) -> None:
    from graphmap.analysis.pipeline import analyze
    from graphmap.workspace import load_workspace

    dataset = load_workspace(evil_workspace)
    report = analyze(dataset)
    for html in (build_map_html(dataset, report, lang="fr", color_by="territory"),
                 build_report_html(dataset, report, lang="fr")):
        assert PWN not in html
        assert "<script>window.__pwned" not in html
        # Our three script elements; vis-network's source mentions "<script>" once itself.
        assert html.replace(vis_network_js(), "").count("<script") == 3
        data = _data_block(html)
        names = {n["id"]: n["name"] for n in data["nodes"]}
        assert names["a2"] == PWN_SCRIPT


def test_counts_shapes_and_legend(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    payload = build_map_payload(dataset, report, lang="fr", color_by="sector")
    assert payload.mode == "full"
    assert payload.node_count == 10
    assert payload.edge_count == 10
    shapes = {n["id"]: n["shape"] for n in payload.data["nodes"]}
    assert shapes["fgm"] == "dot"
    assert shapes["p1"] == "diamond"
    labels = [item["label"] for group in payload.legend["groups"] for item in group["items"]]
    assert "philanthropique" in labels
    assert "rétroaction" in labels
    # Relations are rows [index, from, to, type, width, bend, note].
    funds = [e for e in payload.data["edges"] if e[3] == "funds"]
    # Amounts as in every other output (graphmap.render.formatting): U+00A0 groups thousands.
    assert [e[6] for e in funds] == [" · 25\xa0000\xa0$ · 2024", " · 5\xa0000\xa0$"]
    # Funding width grows with the amount.
    widths = {(e[1], e[2]): e[4] for e in funds}
    assert widths[("fgm", "p1")] > widths[("ville", "p2")]
    assert [e["label"] for e in payload.legend["edges"]] == [
        "porte", "finance", "soutient", "adopte", "collabore", "membre"]


def test_every_color_by_and_size_by(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    for color_by in ("role", "sector", "territory", "community", "stage"):
        for size_by in ("betweenness", "degree", "funding"):
            payload = build_map_payload(dataset, report, lang="en", color_by=color_by,
                                        size_by=size_by)
            assert all(re.fullmatch(r"#[0-9A-F]{6}", n["color"]) for n in payload.data["nodes"])
    funding = build_map_payload(dataset, report, lang="en", size_by="funding")
    sizes = {n["id"]: n["size"] for n in funding.data["nodes"]}
    assert sizes["fgm"] > sizes["ville"] > sizes["coop"]
    # Without a report, betweenness falls back to degree and no layer is drawn.
    plain = build_map_payload(dataset, None, lang="en")
    assert plain.data["layers"] == []
    assert plain.data["opportunities"] == []
    degree = build_map_payload(dataset, report, lang="en", size_by="degree")
    assert [n["size"] for n in plain.data["nodes"]] == [n["size"] for n in degree.data["nodes"]]


def test_focus_draws_the_neighbourhood(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    one = build_map_payload(dataset, report, lang="en", focus="coop", depth=1)
    assert one.mode == "focus"
    assert sorted(n["id"] for n in one.data["nodes"]) == ["cdc", "coop", "p1"]
    two = build_map_payload(dataset, report, lang="en", focus="coop", depth=2)
    assert sorted(n["id"] for n in two.data["nodes"]) == [
        "cdc", "coop", "fgm", "p1", "p2", "p3", "uni"]
    assert two.note == "Neighbourhood of 'Coopérative L'Éveil' within 2 steps: 7 of 10 nodes."


def test_unknown_focus_suggests(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    with pytest.raises(UsageError) as caught:
        build_map_payload(dataset, report, lang="en", focus="cop")
    assert caught.value.render("en") == (
        "--focus: unknown id 'cop'; did you mean 'coop' (Coopérative L'Éveil)?")
    assert caught.value.render("fr") == (
        "--focus\u00a0: identifiant inconnu «\u00a0cop\u00a0»\u00a0; vouliez-vous dire "
        "«\u00a0coop\u00a0» (Coopérative L'Éveil)\u00a0?")
    with pytest.raises(UsageError) as nothing_close:
        build_map_payload(dataset, report, lang="en", focus="qwxyz")
    assert nothing_close.value.render("en") == "--focus: unknown id 'qwxyz'."
    # A name (any accents and case) is accepted for an id.
    assert build_map_payload(dataset, report, lang="en", focus="radio erable").data[
        "focus"] == "media"


def test_bad_options(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    with pytest.raises(UsageError, match="--color-by: unknown value 'colour'"):
        build_map_payload(dataset, report, lang="en", color_by="colour")
    with pytest.raises(UsageError, match="unknown layer 'holes'"):
        build_map_payload(dataset, report, lang="en", layers=("holes",))
    with pytest.raises(UsageError, match="--depth must be a positive integer"):
        build_map_payload(dataset, report, lang="en", focus="coop", depth=0)


def test_aggregated_map_above_the_threshold(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    payload = build_map_payload(dataset, report, lang="fr", aggregate_above=5)
    assert payload.mode == "aggregated"
    nodes = payload.data["nodes"]
    # Communities of 3 members or more are drawn; smaller ones share the node "c-1".
    big = [f"c{c.id}" for c in report.communities if len(c.members) >= 3]
    small = [c for c in report.communities if len(c.members) < 3]
    assert [n["id"] for n in nodes] == big + (["c-1"] if small else [])
    assert sum(int(n["details"][0][1]) for n in nodes) == 10
    if small:
        assert nodes[-1]["name"] == "Petits groupes et nœuds isolés (moins de 3 membres)"
    assert payload.note is not None
    assert "10 nœuds" in payload.note
    # --focus still draws nodes in full past the threshold.
    focus = build_map_payload(dataset, report, lang="fr", aggregate_above=5, focus="cdc")
    assert focus.mode == "focus"
    # Without a report, the aggregation reads the communities it is given: the report's.
    plain = build_map_payload(dataset, None, lang="fr", aggregate_above=5, layers=(),
                              communities=report.communities)
    assert plain.mode == "aggregated"
    assert plain == build_map_payload(dataset, report, lang="fr", aggregate_above=5, layers=())


def test_interface_strings_follow_the_language(mini: tuple[Any, Any]) -> None:
    dataset, report = mini
    fr = build_map_html(dataset, report, lang="fr")
    en = build_map_html(dataset, report, lang="en")
    assert '<html lang="fr">' in fr
    assert "Chercher un acteur ou un projet" in fr
    assert '<html lang="en">' in en
    assert "Search an actor or a project" in en
    assert "Filtres" in fr
    assert "Filters" in en
    report_fr = build_report_html(dataset, report, lang="fr")
    assert "Courtiers" in report_fr
    assert "Occasions de collaboration" in report_fr
    assert "@media print" in report_fr


def test_layers_without_analysis_are_announced(mini: tuple[Any, Any]) -> None:
    dataset, _ = mini
    asked = build_map_payload(dataset, None, lang="en")
    assert asked.extra_notes == ["Layers unavailable: map drawn without analysis."]
    assert build_map_payload(dataset, None, lang="en", layers=()).extra_notes == []


@pytest.mark.parametrize(("lang", "mark"), [("fr", ","), ("en", ".")])
def test_report_numbers_use_the_language_decimal_mark(mini: tuple[Any, Any], lang: str,
                                                      mark: str) -> None:
    dataset, report = mini
    html = build_report_html(dataset, report, lang=lang)
    broker = report.brokers[0]
    cells = re.findall(r'<td class="gr-num">([^<]*)</td>', html)
    # The first broker's row: rank, then betweenness (3 decimals), constraint, effective size.
    expected = [f"{broker.betweenness:.3f}".replace(".", mark),
                f"{broker.constraint:.3f}".replace(".", mark) if broker.constraint is not None
                else "—",
                f"{broker.effective_size:.1f}".replace(".", mark)
                if broker.effective_size is not None else "—"]
    assert cells[1:4] == expected
    # The score column gives the evidence in words, then the score in the language's marks.
    opp = report.opportunities[0]
    score = f"{opp.score:.2f}".replace(".", mark)
    assert any(cell.endswith(f" {score}") for cell in cells), score


def test_map_without_analysis_is_the_same_whatever_the_hash_seed() -> None:
    """A map drawn from the communities alone (no report) must not follow set order."""
    script = (
        "import sys\n"
        "from graphmap.analysis.pipeline import community_partition\n"
        "from graphmap.config import AnalysisConfig\n"
        "from graphmap.render.html_map import build_map_html\n"
        "from graphmap.synth import generate_dataset\n"
        "dataset = generate_dataset(400, 100, 1500, seed=3)\n"
        "communities = community_partition(dataset, AnalysisConfig())\n"
        "sys.stdout.write(build_map_html(dataset, None, lang='en', color_by='community',\n"
        "                                communities=communities))\n"
    )
    pages = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, env=env,
                              check=True, timeout=120)
        pages.add(done.stdout)
    assert len(pages) == 1


@pytest.mark.parametrize(("lang", "mark"), [("fr", ","), ("en", ".")])
def test_panel_numbers_use_the_language_decimal_mark(mini: tuple[Any, Any], lang: str,
                                                     mark: str) -> None:
    """The side panel and the opportunity lines format numbers as the reports do."""
    from graphmap.i18n import translate

    dataset, report = mini
    payload = build_map_payload(dataset, report, lang=lang)
    labels = payload.data["labels"]
    broker = report.brokers[0]
    node = next(n for n in payload.data["nodes"] if n["id"] == broker.id)
    rows = {labels[index]: value for index, value in node["details"]}
    assert rows[translate("render.panel_betweenness", lang)] == (
        f"{broker.betweenness:.3f}".replace(".", mark))
    opp = report.opportunities[0]
    lines = [line for n in payload.data["nodes"] for line in n["opps"]]
    assert any(f"(score {opp.score:.2f})".replace(".", mark) in line for line in lines)


def test_the_focus_note_counts_one_node_in_the_singular() -> None:
    from graphmap.analysis.pipeline import analyze
    from graphmap.model.dataset import Dataset
    from graphmap.model.records import Actor, Project, Relation
    from graphmap.render.map_payload import build_map_payload
    from graphmap.schema import RelationType, Sector, Stage

    dataset = Dataset(actors=(Actor("seul", "Seul", Sector.PUBLIC),
                              Actor("b", "B", Sector.PUBLIC)),
                      projects=(Project("p", "P", Stage.EMERGENCE),),
                      relations=(Relation("b", "p", RelationType.CARRIES),))
    report = analyze(dataset)
    notes = {lang: build_map_payload(dataset, report, lang=lang, focus="seul").note
             for lang in ("fr", "en")}
    assert notes == {"fr": "Voisinage de «\u00a0Seul\u00a0» à 1 pas\u00a0: 1 nœud sur 3.",
                     "en": "Neighbourhood of 'Seul' within 1 step: 1 of 3 nodes."}
