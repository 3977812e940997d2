"""Pin the graph views every analysis runs on (docs/analysis.md): the compiled arrays of
``EcosystemGraph`` against networkx oracles written here, straight from the definitions."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graphmap.model.compiled import EcosystemGraph, ProjectRoles
from graphmap.model.graph import to_networkx
from graphmap.schema import ADOPTER_TYPES, RelationType

from .conftest import actor, dataset, project, random_ecosystem, rel


def oracle_undirected(ds) -> nx.Graph:
    """``G_u``: every actor then every project; one edge per related pair, added in
    relation order; no self-loops."""
    g = nx.Graph()
    g.add_nodes_from(a.id for a in ds.actors)
    g.add_nodes_from(p.id for p in ds.projects)
    g.add_edges_from((r.source, r.target) for r in ds.relations if r.source != r.target)
    return g


def oracle_flow(ds) -> nx.DiGraph:
    """``F`` by its rules, project by project and relation by relation."""
    R = RelationType
    f = nx.DiGraph()
    f.add_nodes_from(a.id for a in ds.actors)
    for p in ds.projects:
        around = [r for r in ds.relations if r.target == p.id]
        carriers = [r.source for r in around if r.type is R.CARRIES]
        backers = [r.source for r in around if r.type in (R.FUNDS, R.SUPPORTS)]
        adopters = [r.source for r in around if r.type in ADOPTER_TYPES]
        f.add_edges_from((b, c) for b in backers for c in carriers)
        f.add_edges_from((c, t) for c in carriers for t in adopters)
    actors = {a.id for a in ds.actors}
    for r in ds.relations:
        if r.target not in actors:
            continue
        if r.type in (R.FUNDS, R.SUPPORTS):
            f.add_edge(r.source, r.target)
        elif r.type in (R.COLLABORATES, R.MEMBER_OF):
            f.add_edge(r.source, r.target)
            f.add_edge(r.target, r.source)
    f.remove_edges_from(list(nx.selfloop_edges(f)))
    return f


def _flow_fixture():
    """Every rule of F: funds/supports → carriers (two carriers), carriers → adopts and
    benefits, actor→actor funds and supports, collaborates and member_of both ways,
    a repeated relation and a project with no carrier."""
    return dataset(
        [actor(x) for x in ("f", "s", "c", "c2", "t", "b", "x", "y", "m", "n", "z")],
        [project("p", "feedback"), project("q")],
        [rel("f", "funds", "p"), rel("s", "supports", "p"), rel("c", "carries", "p"),
         rel("c2", "carries", "p"), rel("t", "adopts", "p"), rel("b", "benefits", "p"),
         rel("x", "funds", "y"), rel("y", "supports", "z"), rel("m", "collaborates", "n"),
         rel("n", "member_of", "z"), rel("f", "funds", "q"), rel("f", "funds", "p")])


def _two_roles_fixture():
    """One actor carries, funds and adopts the same project: no self-loop."""
    return dataset([actor("a"), actor("b")], [project("p", "feedback")],
                   [rel("a", "carries", "p"), rel("a", "funds", "p"), rel("a", "adopts", "p"),
                    rel("b", "adopts", "p")])


def _order_fixture():
    """Relations whose first-seen order differs from node order (adjacency order)."""
    return dataset([actor("a"), actor("b"), actor("c")], [project("p"), project("q")],
                   [rel("c", "supports", "q"), rel("b", "carries", "p"),
                    rel("a", "supports", "q"), rel("c", "carries", "p"),
                    rel("a", "collaborates", "c"), rel("b", "supports", "q")])


CASES = {
    "rules": _flow_fixture,
    "two-roles": _two_roles_fixture,
    "order": _order_fixture,
    "empty": dataset,
    "no-relations": lambda: dataset([actor("a")], [project("p")], []),
    **{f"random{seed}": (lambda seed=seed: random_ecosystem(seed)) for seed in range(6)},
}


@pytest.fixture(params=list(CASES), ids=list(CASES))
def case(request):
    # The graph compiles the rows in content order (docs/analysis.md §1): the oracles are
    # built from that order, the one the graph says it holds.
    graph = EcosystemGraph(CASES[request.param]())
    return graph.dataset, graph


def test_undirected_arrays_equal_the_oracle_in_networkx_order(case):
    ds, graph = case
    g = oracle_undirected(ds)
    assert graph.ids == tuple(g.nodes())
    assert graph.actor_count == len(ds.actors)
    for i, node in enumerate(graph.ids):
        assert [graph.ids[v] for v in graph.neighbours(i).tolist()] == list(g.adj[node])
    assert [(graph.ids[u], graph.ids[v]) for u, v in graph.edges.tolist()] == list(g.edges())
    assert graph.edge_count == g.number_of_edges()
    assert graph.degree.tolist() == [g.degree(v) for v in g]
    first = {}
    for row, r in enumerate(ds.relations):
        first.setdefault(frozenset((r.source, r.target)), row)
    assert graph.edge_relation.tolist() == [
        first[frozenset((graph.ids[u], graph.ids[v]))] for u, v in graph.edges.tolist()]


def test_flow_arrays_equal_the_oracle(case):
    ds, graph = case
    f = oracle_flow(ds)
    ties = {(graph.ids[u], graph.ids[v]) for u, v in zip(*graph.flow.nonzero(), strict=True)}
    assert ties == set(f.edges())
    assert set(graph.flow.data.tolist()) <= {1}


def test_flow_rules_by_hand():
    graph = EcosystemGraph(_flow_fixture())
    ties = sorted((graph.ids[u], graph.ids[v]) for u, v in zip(*graph.flow.nonzero(),
                                                               strict=True))
    assert ties == sorted([
        ("f", "c"), ("f", "c2"), ("s", "c"), ("s", "c2"),  # funders/supporters → carriers
        ("c", "t"), ("c", "b"), ("c2", "t"), ("c2", "b"),  # carriers → adopters
        ("x", "y"), ("y", "z"),  # actor→actor funds / supports
        ("m", "n"), ("n", "m"), ("n", "z"), ("z", "n"),  # collaborates, member_of: both ways
    ])
    two = EcosystemGraph(_two_roles_fixture())
    assert [(two.ids[u], two.ids[v]) for u, v in zip(*two.flow.nonzero(), strict=True)] == [
        ("a", "b")]


def test_to_networkx_gives_the_oracle_views(case):
    ds, graph = case
    g, ref = to_networkx(graph), oracle_undirected(ds)
    assert not g.is_directed()
    assert list(g.nodes()) == list(ref.nodes())
    assert list(g.edges()) == list(ref.edges())
    assert all(list(g.adj[v]) == list(ref.adj[v]) for v in ref)
    assert nx.number_of_selfloops(g) == 0
    f, ref_f = to_networkx(graph, "flow"), oracle_flow(ds)
    assert f.is_directed()
    assert list(f.nodes()) == list(ref_f.nodes())
    assert set(f.edges()) == set(ref_f.edges())
    with pytest.raises(ValueError, match="view"):
        to_networkx(graph, "projection")  # type: ignore[call-overload]


def test_project_roles_list_each_role_once_in_input_order(case):
    ds, graph = case
    R = RelationType
    for p in ds.projects:
        around = [r for r in ds.relations if r.target == p.id]

        def holders(types, around=around):
            return tuple(dict.fromkeys(r.source for r in around if r.type in types))

        assert graph.project_roles[p.id] == ProjectRoles(
            carriers=holders({R.CARRIES}), funders=holders({R.FUNDS}),
            supporters=holders({R.SUPPORTS}), adopters=holders(ADOPTER_TYPES),
            actors=holders(set(R)))
    assert set(graph.project_roles) == {p.id for p in ds.projects}


def test_components_igraph_and_csr_agree_with_the_oracle(case):
    ds, graph = case
    g = oracle_undirected(ds)
    labels = graph.component_labels().tolist()
    by_label: dict[int, set[str]] = {}
    for node, label in zip(graph.ids, labels, strict=True):
        by_label.setdefault(label, set()).add(node)
    assert sorted(map(sorted, by_label.values())) == sorted(
        map(sorted, nx.connected_components(g)))
    h = graph.igraph()
    assert h.vcount() == g.number_of_nodes()
    assert [(graph.ids[u], graph.ids[v]) for u, v in h.get_edgelist()] == list(g.edges())
    a = graph.csr()
    assert (a != a.T).nnz == 0
    assert a.sum() == 2 * g.number_of_edges()


def test_id_rank_sorts_by_id(case):
    _, graph = case
    ranked = sorted(range(graph.node_count), key=lambda i: graph.id_rank[i])
    assert [graph.ids[i] for i in ranked] == sorted(graph.ids)


@pytest.mark.parametrize("seed", range(6))
def test_shortest_paths_are_networkx_bidirectional_paths(seed):
    graph = EcosystemGraph(random_ecosystem(seed))
    g = oracle_undirected(graph.dataset)
    rng = random.Random(seed)
    for _ in range(40):
        s, t = rng.sample(graph.ids, 2)
        try:
            expected = nx.bidirectional_shortest_path(g, s, t)
        except nx.NetworkXNoPath:
            expected = None
        found = graph.shortest_path(graph.index[s], graph.index[t])
        assert (None if found is None else [graph.ids[v] for v in found]) == expected
