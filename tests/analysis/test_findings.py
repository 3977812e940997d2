"""Issue 10, findings a board can trust: real brokers, introducers who know both sides,
proposals with evidence. One small hand-built workspace per rule, boundaries included, and
brute-force checks over the examples and generated workspaces."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from graphmap.analysis.gaps import find_gaps
from graphmap.analysis.introducers import find_introducer, introduction
from graphmap.analysis.pipeline import analyze
from graphmap.analysis.proposals import evidence_strength, project_opportunities
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.render.html_report import build_report_html
from graphmap.render.map_model import MapFacts
from graphmap.render.markdown import render_markdown
from graphmap.render.terminal import render_text
from graphmap.synth import generate_dataset
from graphmap.workspace import load_workspace

from .conftest import ROOT, actor, dataset, project, random_ecosystem, rel
from .test_views import oracle_undirected


def _star():
    """A carrier between its funder and its adopter around one project (it brokers on F
    but lies on no shortest path of G_u), a citizen tied to the carrier only (which puts
    the carrier on shortest paths) and an actor with no relation."""
    return dataset([actor("fdn", "philanthropic"), actor("coop", "social_economy"),
                    actor("ville", "public"), actor("solo", "citizen", category="individual"),
                    actor("zoe", "citizen", category="individual")],
                   [project("p", "feedback")],
                   [rel("fdn", "funds", "p"), rel("coop", "carries", "p"),
                    rel("ville", "adopts", "p"), rel("zoe", "collaborates", "coop")])


# --- 1. brokers ------------------------------------------------------------------------

def test_isolated_actor_has_betweenness_zero_and_undefined_constraint():
    brokers = {b.id: b for b in analyze(_star()).brokers}
    solo = brokers["solo"]
    assert (solo.betweenness, solo.constraint, solo.effective_size) == (0.0, None, None)
    assert not solo.brokers
    assert solo.why.key == "analysis.broker.why_isolated"


def test_rank_is_betweenness_then_total_brokerage_then_id():
    report = analyze(_star())
    assert [(b.id, b.rank) for b in report.brokers][:1] == [("coop", 1)]
    keys = [(-b.betweenness, -b.brokerage.total, b.id) for b in report.brokers]
    assert keys == sorted(keys)
    # Without zoe the carrier lies on no shortest path, but still brokers on F: it stays
    # first, ahead of actors whose measures are all 0 (ordered by id).
    ds = _star()
    bare = dataset(ds.actors, ds.projects, ds.relations[:3])
    ranked = analyze(bare).brokers
    assert [b.id for b in ranked] == ["coop", "fdn", "solo", "ville", "zoe"]
    assert ranked[0].betweenness == 0.0
    assert ranked[0].brokerage.total > 0


def test_the_why_never_contradicts_the_figures():
    ds = _star()
    bare = analyze(dataset(ds.actors, ds.projects, ds.relations[:3]))
    coop = bare.brokers[0]
    # Brokers on F (funder → carrier → adopter) but betweenness 0: it says exactly that.
    assert coop.why.key == "analysis.broker.why_bridges_off_paths"
    assert "lies on no shortest path" in coop.why.render("en")
    assert "Connects" not in coop.why.render("en")
    with_paths = analyze(ds).brokers[0]
    assert with_paths.id == "coop"
    assert with_paths.betweenness > 0
    assert with_paths.why.key == "analysis.broker.why_bridges"
    for report in (bare, analyze(ds), analyze(random_ecosystem(3))):
        for b in report.brokers:
            text = b.why.render("en") + b.why.render("fr")
            if b.brokerage.total == 0:
                assert not re.search(r"Connects|Relays|Fait le pont|Relaie", text), b
            if b.betweenness == 0:
                assert "Lies on shortest paths" not in text
            if b.brokerage.total - b.brokerage.coordinator == 0:
                assert "groups (" not in text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_zero_measure_actor_is_listed_as_a_broker_in_any_human_output(lang):
    ds = _star()
    report = analyze(ds)
    listed = {b.id for b in report.brokers_shown(20)}
    assert listed == {"coop"}
    silent = [b for b in report.brokers if not b.brokers]
    assert {b.id for b in silent} == {"fdn", "ville", "solo", "zoe"}
    text = render_text(ds, report, lang, top=20)
    section = text.split("\n\n", 2)
    assert section
    markdown = render_markdown(ds, report, lang, top=20)
    html = build_report_html(ds, report, lang=lang, top=20)
    html_brokers = html[html.index('<section id="brokers"'):]
    html_brokers = html_brokers[:html_brokers.index("</section>")]
    md_brokers = markdown[markdown.index("\n## ", markdown.index("\n## ") + 1):]
    md_brokers = md_brokers[:md_brokers.index("\n## ", 1)]
    for b in silent:
        assert b.why.render(lang) not in text
        assert b.why.render(lang) not in md_brokers
        assert f'data-gm-node="{b.id}"' not in html_brokers
    note = report.brokers_note(20)
    assert note is not None
    assert note.key == "analysis.broker.shown_one"
    for out in (text, md_brokers, html_brokers.replace("&#39;", "'")):
        assert note.render(lang).split("(")[0].strip() in out.replace("\n  ", " ")
    # The map panel gives a broker rank only to actors that broker.
    facts = MapFacts.read(ds, report)
    assert set(facts.rank) == {"coop"}


def test_brokers_note_counts_and_boundaries():
    report = analyze(_star())
    assert report.broker_count() == 1
    assert report.brokers_note(1) is None  # as many broker as are asked for
    assert report.brokers_note(0) is None
    assert report.brokers_note(2).params == {"count": 1, "actors": 5}
    nobody = analyze(dataset([actor("a"), actor("b")], [], []))
    assert nobody.brokers_shown(10) == ()
    assert nobody.brokers_note(10).key == "analysis.broker.shown_none"
    many = analyze(random_ecosystem(1))
    shown = many.brokers_shown(None)
    assert all(b.brokers for b in shown)
    assert len(shown) == many.broker_count()
    assert shown == many.brokers[:len(shown)]


# --- 2. introducers ----------------------------------------------------------------------

def _knows(g: nx.Graph, actors: set[str], who: str, other: str) -> bool:
    """The documented definition, on the networkx oracle: a direct relation, or both tied
    to one project; for a project, tied to it or knowing one of its carriers."""
    if other not in actors:
        if g.has_edge(who, other):
            return True
        carriers = g.graph["carriers"].get(other, ())
        return any(c != who and _knows(g, actors, who, c) for c in carriers)
    if g.has_edge(who, other):
        return True
    return any(z not in actors and g.has_edge(z, other) for z in g.adj[who])


def _oracle(ds):
    g = oracle_undirected(ds)
    g.graph["carriers"] = {}
    for r in ds.relations:
        if r.type.value == "carries":
            g.graph["carriers"].setdefault(r.target, []).append(r.source)
    return g, {a.id for a in ds.actors}


def _check_introductions(ds, report):
    g, actors = _oracle(ds)
    for o in report.opportunities:
        if o.introducer is None:
            assert o.path == ()
            assert o.introduction.key == "analysis.introduction.none"
            # Nobody knows both.
            for z in actors - {o.source, o.target}:
                assert not (_knows(g, actors, z, o.source) and _knows(g, actors, z, o.target))
            continue
        assert o.introducer in actors
        assert o.introducer not in (o.source, o.target)
        assert o.path[0] == o.source
        assert o.path[-1] == o.target
        assert o.path[1] == o.introducer
        if len(o.path) == 3:
            assert _knows(g, actors, o.introducer, o.source), o
            assert _knows(g, actors, o.introducer, o.target), o
        else:
            assert len(o.path) == 4, o
            first, second = o.path[1], o.path[2]
            assert _knows(g, actors, first, o.source)
            assert _knows(g, actors, first, second)
            assert _knows(g, actors, second, o.target)
            for z in actors - {o.source, o.target}:  # a chain only when no one knows both
                assert not (_knows(g, actors, z, o.source) and _knows(g, actors, z, o.target))


@pytest.mark.parametrize("name", ["laurentides", "laurentides-2025"])
def test_every_introducer_of_the_examples_knows_both_sides(name):
    ds = load_workspace(ROOT / "examples" / name)
    report = analyze(ds, AnalysisConfig(max_opportunities_per_kind=0))
    assert report.opportunities
    _check_introductions(ds, report)


@pytest.mark.parametrize("seed", range(4))
def test_every_introducer_of_generated_workspaces_knows_both_sides(seed):
    for ds in (random_ecosystem(seed), generate_dataset(120, 40, 200, seed=seed)):
        _check_introductions(ds, analyze(ds, AnalysisConfig(max_opportunities_per_kind=0)))


def _introduce(ds, source, target, importance=None):
    return find_introducer(EcosystemGraph(ds), source, target, importance)


def test_introducer_knows_a_project_through_its_carrier():
    ds = dataset([actor(x) for x in ("src", "mid", "car")], [project("p"), project("q")],
                 [rel("src", "collaborates", "mid"), rel("mid", "supports", "q"),
                  rel("car", "supports", "q"), rel("car", "carries", "p")])
    # mid knows src directly and the carrier of p through q.
    assert _introduce(ds, "src", "p") == ("mid", ("src", "mid", "p"))


def test_two_step_chain_only_when_nobody_knows_both_and_null_otherwise():
    chain = dataset([actor(x) for x in ("s", "a", "b", "t")], [],
                    [rel("s", "collaborates", "a"), rel("a", "member_of", "b"),
                     rel("b", "collaborates", "t")])
    assert _introduce(chain, "s", "t") == ("a", ("s", "a", "b", "t"))
    # Three steps apart: no chain of two, no introducer, no path.
    longer = dataset([actor(x) for x in ("s", "a", "m", "b", "t")], [],
                     [rel("s", "collaborates", "a"), rel("a", "collaborates", "m"),
                      rel("m", "collaborates", "b"), rel("b", "collaborates", "t")])
    assert _introduce(longer, "s", "t") == (None, ())


def test_the_strongest_ties_win_then_betweenness_then_id():
    ds = dataset([actor(x) for x in ("s", "t", "direct", "via")], [project("p")],
                 [rel("s", "collaborates", "direct"), rel("direct", "collaborates", "t"),
                  rel("s", "supports", "p"), rel("via", "carries", "p"),
                  rel("via", "collaborates", "t")])
    # direct knows both directly (2 + 2); via knows s through p only (1 + 2).
    assert _introduce(ds, "s", "t", {"via": 0.9, "direct": 0.0})[0] == "direct"
    tie = dataset([actor(x) for x in ("s", "t", "m1", "m2")], [],
                  [rel("s", "collaborates", "m1"), rel("m1", "collaborates", "t"),
                   rel("s", "collaborates", "m2"), rel("m2", "collaborates", "t")])
    assert _introduce(tie, "s", "t")[0] == "m1"
    assert _introduce(tie, "s", "t", {"m2": 0.5, "m1": 0.1})[0] == "m2"


def test_the_introduction_sentence_names_one_two_or_nobody():
    chain = dataset([actor(x) for x in ("s", "a", "b", "t")], [],
                    [rel("s", "collaborates", "a"), rel("a", "member_of", "b"),
                     rel("b", "collaborates", "t")])
    graph = EcosystemGraph(chain)
    assert introduction(graph, ("s", "a", "b", "t")).render("en") == (
        "No one in the map knows both; an introduction in two steps: A, then B.")
    assert introduction(graph, ("s", "a", "t")).render("fr") == (
        "Qui peut faire les présentations\u00a0: A, qui connaît les deux.")
    assert introduction(graph, ()).render("en") == (
        "No one in the map knows both: a direct approach.")
    generated = random_ecosystem(4)
    for o in analyze(generated).opportunities:
        sentence = o.introduction.render("en")
        if len(o.path) == 4:
            assert sentence.endswith(", then " + generated.node_name(o.path[2]) + ".")
        elif len(o.path) == 3:
            assert "who knows both" in sentence


# --- 4. evidence -------------------------------------------------------------------------

def test_a_proposal_with_territory_only_evidence_never_appears():
    # caisse is in p's territory and would bring a new sector, and adopts nothing; it is
    # of no kind that adopts practices: never an adopter. cdc, a community organisation
    # tied to the carrier, is one.
    ds = dataset([actor("car", territory="T"), actor("caisse", "private", territory="T"),
                  actor("cdc", "community", territory="T"),
                  actor("caisse2", "private", territory="T")],
                 [project("p", "feedback", territory="T", themes=("frigos",))],
                 [rel("car", "carries", "p"), rel("cdc", "collaborates", "car"),
                  rel("caisse2", "collaborates", "car")])
    found = project_opportunities(EcosystemGraph(ds), "adopt", find_gaps(EcosystemGraph(ds)))
    assert [o.source for o in found] == ["cdc"]
    # Adopting a project with a shared theme is evidence, whatever the sector.
    themed = dataset([*ds.actors], [*ds.projects, project("q", "feedback", themes=("Frigos",))],
                     [*ds.relations, rel("caisse", "adopts", "q")])
    graph = EcosystemGraph(themed)
    found = project_opportunities(graph, "adopt", find_gaps(graph))
    assert {o.source for o in found} == {"cdc", "caisse"}
    for o in analyze(random_ecosystem(2)).opportunities:
        keys = {m.key for m in o.reasons}
        assert not keys or not keys <= {"analysis.reason.local", "analysis.reason.new_sector"}


def test_evidence_words_follow_the_documented_thresholds():
    assert evidence_strength(0.5, False) == "strong"
    assert evidence_strength(0.499999, False) == "moderate"
    assert evidence_strength(0.3, False) == "moderate"
    assert evidence_strength(0.299999, False) == "weak"
    assert evidence_strength(0.7, True) == "strong"  # 0.5 once the sector bonus is off
    assert evidence_strength(0.6, True) == "moderate"
    report = analyze(load_workspace(ROOT / "examples" / "laurentides"))
    assert {o.evidence for o in report.opportunities} <= {"strong", "moderate", "weak"}
    text = render_text(load_workspace(ROOT / "examples" / "laurentides"), report, "fr")
    assert re.search(r"indices (solides|modérés|faibles), score", text)
