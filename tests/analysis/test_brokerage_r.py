"""Gould–Fernandez brokerage counts equal R's statnet ``sna::brokerage()`` raw counts
(``$raw.nli``), computed by R itself in a subprocess."""

from __future__ import annotations

import random
import subprocess

import networkx as nx
import pytest

from graphmap.analysis.brokers import actor_groups, brokerage_roles
from graphmap.analysis.communities import find_communities
from graphmap.analysis.report import ROLES
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.graph import to_networkx

from .conftest import dataset_of

# sna's columns: w_I coordinator, w_O itinerant, b_IO representative, b_OI gatekeeper,
# b_O liaison, t total.
SNA_COLUMNS = ("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")

R_SCRIPT = r"""
suppressMessages(library(sna))
lines <- readLines(file("stdin"))
n <- as.integer(lines[1])
el <- matrix(as.integer(strsplit(lines[2], " ")[[1]]), ncol = 2, byrow = TRUE)
cl <- strsplit(lines[3], "\t")[[1]]
cl[cl == "<NA>"] <- NA
g <- matrix(0, n, n)
g[el] <- 1
b <- brokerage(g, cl)
write.table(b$raw.nli, quote = FALSE, sep = " ", row.names = FALSE)
"""


def sna_brokerage(rscript: str, flow: nx.DiGraph, groups: dict) -> dict[str, dict[str, int]]:
    nodes = list(flow.nodes())
    index = {v: i + 1 for i, v in enumerate(nodes)}
    edges = " ".join(f"{index[u]} {index[v]}" for u, v in flow.edges())
    classes = "\t".join("<NA>" if groups.get(v) is None else str(groups[v]) for v in nodes)
    done = subprocess.run([rscript, "-e", R_SCRIPT], input=f"{len(nodes)}\n{edges}\n{classes}\n",
                          capture_output=True, text=True, check=True)
    lines = done.stdout.strip().splitlines()
    assert tuple(lines[0].split()) == SNA_COLUMNS
    out = {}
    for node, line in zip(nodes, lines[1:], strict=True):
        values = [round(float(x)) for x in line.split()]
        out[node] = dict(zip(SNA_COLUMNS, values, strict=True))
    return out


def roles_of(flow: nx.DiGraph, groups: dict) -> dict:
    """Our counts on a workspace whose flow graph F is ``flow``."""
    return brokerage_roles(EcosystemGraph(dataset_of(flow)), groups)


def assert_equal_to_r(rscript: str, flow: nx.DiGraph, groups: dict, ours: dict | None = None
                      ) -> int:
    ours = roles_of(flow, groups) if ours is None else ours
    theirs = sna_brokerage(rscript, flow, groups)
    for node in flow.nodes():
        mine = [getattr(ours[node], role) for role in ROLES] + [ours[node].total]
        assert mine == [theirs[node][c] for c in SNA_COLUMNS], node
    return sum(b.total for b in ours.values())


def _random_flow(n: int, p: float, seed: int) -> nx.DiGraph:
    g = nx.gnp_random_graph(n, p, seed=seed, directed=True)
    return nx.relabel_nodes(g, {v: f"v{v:03d}" for v in g})


@pytest.mark.r
def test_brokerage_equals_sna_on_a_random_digraph(rscript):
    flow = _random_flow(50, 0.1, seed=1)
    rng = random.Random(1)
    groups = {v: rng.choice(["public", "community", "academic"]) for v in flow}
    assert assert_equal_to_r(rscript, flow, groups) > 100


@pytest.mark.r
def test_brokerage_equals_sna_with_reciprocity_and_unknown_groups(rscript):
    base = _random_flow(40, 0.08, seed=2)
    flow = nx.DiGraph(base)
    flow.add_edges_from([(v, u) for u, v in list(base.edges())[::2]])  # many mutual ties
    rng = random.Random(2)
    groups = {v: rng.choice(["Laval", "Mirabel", None, "Argenteuil", None]) for v in flow}
    assert assert_equal_to_r(rscript, flow, groups) > 100


@pytest.mark.r
def test_brokerage_equals_sna_on_a_scale_free_digraph(rscript):
    g = nx.scale_free_graph(120, seed=4)
    flow = nx.DiGraph((f"a{u}", f"a{v}") for u, v in g.edges() if u != v)
    groups = {v: int(v[1:]) % 7 for v in flow}
    assert assert_equal_to_r(rscript, flow, groups) > 100


@pytest.mark.r
@pytest.mark.parametrize("group_by", ["sector", "territory", "community"])
def test_brokerage_equals_sna_on_the_example_flow_graph(rscript, example, group_by):
    graph = EcosystemGraph(example)
    groups = actor_groups(example, group_by, find_communities(graph))
    ours = brokerage_roles(graph, groups)
    assert assert_equal_to_r(rscript, to_networkx(graph, "flow"), groups, ours) > 1000


def test_roles_by_hand():
    # a→b→c with no a→c; groups decide the role of b.
    flow = nx.DiGraph([("a", "b"), ("b", "c")])
    cases = {
        ("x", "x", "x"): "coordinator", ("x", "y", "x"): "itinerant",
        ("x", "x", "y"): "representative", ("x", "y", "y"): "gatekeeper",
        ("x", "y", "z"): "liaison",
    }
    for (ga, gb, gc), role in cases.items():
        counts = roles_of(flow, {"a": ga, "b": gb, "c": gc})["b"]
        assert counts.total == 1
        assert getattr(counts, role) == 1
    closed = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    assert roles_of(closed, {})["b"].total == 0  # a→c exists: nothing to broker
    mutual = nx.DiGraph([("a", "b"), ("b", "a")])
    assert roles_of(mutual, {})["b"].total == 0  # a→b→a is not a pair


def _brute_force(flow: nx.DiGraph, groups: dict) -> dict[str, list[int]]:
    out = {v: [0] * 5 for v in flow}
    for b in flow:
        for a in flow.predecessors(b):
            for c in flow.successors(b):
                if a == c or flow.has_edge(a, c):
                    continue
                ga, gb, gc = groups.get(a), groups.get(b), groups.get(c)
                if ga == gb == gc:
                    role = 0
                elif ga == gc:
                    role = 1
                elif ga == gb:
                    role = 2
                elif gb == gc:
                    role = 3
                else:
                    role = 4
                out[b][role] += 1
    return out


@pytest.mark.parametrize("seed", range(12))
def test_sparse_counts_equal_a_brute_force_triad_count(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 30)
    flow = _random_flow(n, rng.uniform(0.05, 0.5), seed)
    groups = {v: rng.choice(["a", "b", "c", None]) for v in flow if rng.random() < 0.9}
    expected = _brute_force(flow, groups)
    ours = roles_of(flow, groups)
    assert {v: [getattr(ours[v], r) for r in ROLES] for v in flow} == expected
