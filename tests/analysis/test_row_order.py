"""Same data, same report (issue 11): the order of a workspace's rows is not content.

Any permutation of the rows of each table gives a byte-identical JSON report, in both
languages, on the exact and the sampled (KADABRA) betweenness path and with communities as
groups; the map, the GEXF export and every file of ``graphmap analyze --out`` (through the
real CLI, on a shuffled CSV folder) are byte-identical too. docs/analysis.md §1.
"""

from __future__ import annotations

import copy
import csv
import gc
import pickle
import random
import shutil
import subprocess
import sys
import weakref
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphmap.analysis.pipeline import analyze
from graphmap.config import AnalysisConfig
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.dataset import Dataset, in_content_order
from graphmap.model.records import Relation
from graphmap.render.json_report import render_json
from graphmap.schema import RelationType
from graphmap.workspace import load_workspace

from .conftest import EXAMPLE, ROOT, actor, dataset, project

#: The exact path, the sampled path (KADABRA above 50 nodes) with communities as groups.
CONFIGS = {
    "exact": AnalysisConfig(),
    "sampled": AnalysisConfig(exact_betweenness_max_nodes=50, group_by="community"),
}


@pytest.fixture(scope="module")
def example() -> Dataset:
    return load_workspace(EXAMPLE)


@pytest.fixture(scope="module")
def reference(example: Dataset) -> dict[str, str]:
    return {name: render_json(example, analyze(example, config), "fr")
            for name, config in CONFIGS.items()}


def shuffled(ds: Dataset, rng: random.Random) -> Dataset:
    """``ds`` with the rows of each table in an order drawn from ``rng``."""
    tables = {}
    for table in ("actors", "projects", "relations", "territories"):
        rows = list(getattr(ds, table))
        rng.shuffle(rows)
        tables[table] = tuple(rows)
    return replace(ds, **tables)


@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rng=st.randoms(use_true_random=False), config=st.sampled_from(sorted(CONFIGS)))
def test_any_row_order_gives_a_byte_identical_json_report(
        example: Dataset, reference: dict[str, str], rng: random.Random, config: str) -> None:
    other = shuffled(example, rng)
    assert render_json(other, analyze(other, CONFIGS[config]), "fr") == reference[config]


def test_english_report_and_the_map_and_gexf_do_not_depend_on_row_order(
        example: Dataset, tmp_path: Path) -> None:
    from graphmap.exchange import write_export
    from graphmap.exchange.attributes import exchange_graph
    from graphmap.render.html_map import build_map_html

    outputs = []
    for seed in (None, 3, 11):
        ds = example if seed is None else shuffled(example, random.Random(seed))
        report = analyze(ds)
        path = write_export(exchange_graph(ds, report, lang="fr"), "gexf",
                            tmp_path / f"{seed}.gexf")
        outputs.append((render_json(ds, report, "en"), build_map_html(ds, report, lang="fr"),
                        path.read_bytes()))
    assert outputs[1] == outputs[0]
    assert outputs[2] == outputs[0]


def test_duplicate_rows_that_differ_elsewhere_compile_alike() -> None:
    # Two rows for one tie, amounts differing: the first relation behind the edge and every
    # measure are the same whichever row comes first.
    a, b = (Relation("f", "p", RelationType.FUNDS, amount=x) for x in (5000.0, 100.0))
    carries = Relation("c", "p", RelationType.CARRIES)
    nodes = ([actor("f", "private"), actor("c")], [project("p")])
    first = EcosystemGraph(dataset(*nodes, relations=[a, b, carries]))
    second = EcosystemGraph(dataset(*nodes, relations=[carries, b, a]))
    assert first.dataset == second.dataset
    assert first.ids == second.ids == ("c", "f", "p")
    assert first.edge_relation.tolist() == second.edge_relation.tolist()
    assert [first.dataset.relations[i].amount for i in first.edge_relation.tolist()] == [
        None, 100.0]


def test_a_sorted_dataset_is_kept_as_is(example: Dataset) -> None:
    ordered = in_content_order(example)
    assert in_content_order(ordered) is ordered
    assert [a.id for a in ordered.actors] == sorted(a.id for a in example.actors)


def test_datasets_once_ordered_are_freed_without_the_cycle_collector(example: Dataset) -> None:
    shuffled_copy = shuffled(example, random.Random(3))
    ordered = in_content_order(shuffled_copy)
    assert ordered is not shuffled_copy
    assert in_content_order(shuffled_copy) is ordered
    assert in_content_order(ordered) is ordered
    freed = [weakref.ref(shuffled_copy), weakref.ref(ordered)]
    gc.disable()
    try:
        del shuffled_copy, ordered
        assert [ref() for ref in freed] == [None, None]
    finally:
        gc.enable()


def test_an_ordered_dataset_copied_is_still_its_own_content_order(example: Dataset) -> None:
    ordered = in_content_order(shuffled(example, random.Random(4)))
    for twin in (copy.deepcopy(ordered), pickle.loads(pickle.dumps(ordered))):
        assert in_content_order(twin) is twin


def _shuffle_folder(source: Path, target: Path, seed: int) -> None:
    """A copy of the CSV folder ``source`` with each file's data rows in another order
    (rows read and written with the csv module, so quoted line breaks stay in their cell)."""
    shutil.copytree(source, target)
    rng = random.Random(seed)
    for path in sorted(target.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        rng.shuffle(rows)
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([header, *rows])


def test_analyze_out_through_the_real_cli_writes_the_same_bytes_for_shuffled_rows(
        tmp_path: Path) -> None:
    written = []
    for name, seed in (("as-written", None), ("shuffled", 5)):
        # The same folder name on both sides: the report is titled after it.
        workspace = tmp_path / name / "laurentides"
        if seed is None:
            shutil.copytree(EXAMPLE, workspace)
        else:
            _shuffle_folder(EXAMPLE, workspace, seed)
        out = tmp_path / name / "out"
        done = subprocess.run([sys.executable, "-m", "graphmap", "analyze", str(workspace),
                               "--out", str(out), "--lang", "fr"],
                              capture_output=True, cwd=ROOT, check=False)
        assert done.returncode == 0, done.stderr.decode()
        written.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert (tmp_path / "shuffled" / "laurentides" / "actors.csv").read_bytes() != (
        EXAMPLE / "actors.csv").read_bytes()
    assert sorted(written[0]) == ["actions.xlsx", "brief.html", "map.html", "report.html",
                                  "report.json", "report.md"]
    assert written[1] == written[0]


def test_own_columns_come_in_the_header_order_whatever_the_rows(example: Dataset) -> None:
    # actors.csv: id,name,...,website,contact,notes; most rows fill only some of them.
    for seed in range(5):
        other = shuffled(example, random.Random(seed))
        assert other.extra_columns["actors"] == ("website", "contact", "notes")
        assert other.extra_columns == example.extra_columns


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rows=st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from(["b", "c", "p", "q"]),
                               st.sampled_from(list(RelationType)),
                               st.one_of(st.none(), st.integers(2020, 2022)),
                               st.one_of(st.none(), st.sampled_from([0.0, 5.0, 100.0]))),
                     max_size=25))
def test_the_fast_relation_order_is_the_full_content_order(rows: list) -> None:  # type: ignore[type-arg]
    from graphmap.model.dataset import _relation_key

    relations = tuple(Relation(s, t, k, year=y, amount=a) for s, t, k, y, a in rows)
    ds = dataset([actor(x) for x in "abc"], [project("p"), project("q")], list(relations))
    assert in_content_order(ds).relations == tuple(sorted(relations, key=_relation_key))
