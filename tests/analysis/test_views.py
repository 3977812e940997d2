"""Pin the graph views every analysis runs on (FORMATS.md §2)."""

from __future__ import annotations

import networkx as nx

from graphmap.model.views import actor_flow_view, node_order, to_csr, to_igraph, undirected_view

from .conftest import actor, dataset, project, rel


def _flow_fixture():
    return dataset(
        [actor(x) for x in ("f", "s", "c", "c2", "t", "b", "x", "y", "m", "n", "z")],
        [project("p", "feedback"), project("q")],
        [rel("f", "funds", "p"), rel("s", "supports", "p"), rel("c", "carries", "p"),
         rel("c2", "carries", "p"), rel("t", "adopts", "p"), rel("b", "benefits", "p"),
         rel("x", "funds", "y"), rel("y", "supports", "z"), rel("m", "collaborates", "n"),
         rel("n", "member_of", "z"), rel("f", "funds", "q"), rel("f", "funds", "p")])


def test_undirected_view_is_simple_unweighted_graph_of_actors_and_projects():
    ds = _flow_fixture()
    g = undirected_view(ds)
    assert not g.is_directed()
    assert not g.is_multigraph()
    assert list(g.nodes()) == [a.id for a in ds.actors] + ["p", "q"]
    assert g.number_of_edges() == 11  # the duplicate f→p collapses
    assert all(not data for *_, data in g.edges(data=True))
    assert sorted(g.adj["f"]) == ["p", "q"]
    assert nx.number_of_selfloops(g) == 0


def test_actor_flow_view_follows_formats_rules_exactly():
    g = actor_flow_view(_flow_fixture())
    assert g.is_directed()
    assert sorted(g.edges()) == sorted([
        ("f", "c"), ("f", "c2"), ("s", "c"), ("s", "c2"),  # funders/supporters → carriers
        ("c", "t"), ("c", "b"), ("c2", "t"), ("c2", "b"),  # carriers → adopters
        ("x", "y"), ("y", "z"),  # actor→actor funds / supports
        ("m", "n"), ("n", "m"), ("n", "z"), ("z", "n"),  # collaborates, member_of: both ways
    ])
    assert "p" not in g
    assert "q" not in g


def test_flow_view_has_no_self_loops_when_an_actor_holds_two_roles():
    ds = dataset([actor("a"), actor("b")], [project("p", "feedback")],
                 [rel("a", "carries", "p"), rel("a", "funds", "p"), rel("a", "adopts", "p"),
                  rel("b", "adopts", "p")])
    assert sorted(actor_flow_view(ds).edges()) == [("a", "b")]


def test_igraph_and_csr_conversions_keep_the_stable_order():
    g = undirected_view(_flow_fixture())
    h, order = to_igraph(g)
    assert order == node_order(g) == tuple(g.nodes())
    assert h.vcount() == g.number_of_nodes()
    assert h.ecount() == g.number_of_edges()
    assert sorted(tuple(sorted((order[a], order[b]))) for a, b in h.get_edgelist()) == \
        sorted(tuple(sorted(e)) for e in g.edges())
    a = to_csr(g)
    assert (a != a.T).nnz == 0
    assert a.sum() == 2 * g.number_of_edges()
    f = actor_flow_view(_flow_fixture())
    af = to_csr(f)
    fo = node_order(f)
    assert {(fo[i], fo[j]) for i, j in zip(*af.nonzero(), strict=True)} == set(f.edges())
