"""The synthetic ecosystem generator: valid, deterministic, realistic, with gaps on purpose."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphmap.errors import GraphmapError, UsageError
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.graph import to_networkx
from graphmap.schema import RelationType, Scope, Sector, Stage
from graphmap.synth import generate_dataset, write_workspace
from graphmap.workspace import check_workspace, load_workspace

TABLES = ("actors.csv", "projects.csv", "relations.csv")


def read_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in TABLES}


@pytest.mark.parametrize(
    ("actors", "projects", "relations", "seed"),
    [(300, 75, 1500, 0), (300, 75, 1500, 1), (1000, 250, 6000, 7), (12, 3, 30, 5), (1, 1, 1, 3)],
)
def test_generated_workspace_has_no_error(
    tmp_path: Path, actors: int, projects: int, relations: int, seed: int
) -> None:
    counts = write_workspace(tmp_path, actors, projects, relations, seed)
    dataset, issues = check_workspace(tmp_path)
    errors = [i for i in issues if i.is_error]
    assert errors == []
    assert dataset is not None
    # Only the isolated actors are worth a warning; nothing else is imperfect in the files.
    assert {i.code for i in issues} <= {"actor.isolated"}
    assert counts == {"actors": actors, "projects": projects, "relations": relations}
    assert (len(dataset.actors), len(dataset.projects), len(dataset.relations)) == (
        actors,
        projects,
        relations,
    )


def test_files_hold_canonical_headers_and_utf8(tmp_path: Path) -> None:
    write_workspace(tmp_path, 50, 12, 200, 1)
    lines = {name: (tmp_path / name).read_text(encoding="utf-8").splitlines() for name in TABLES}
    assert lines["actors.csv"][0] == "id,name,sector,type,category,territory,scope"
    assert lines["projects.csv"][0] == "id,name,stage,theme,territory,start,end"
    assert lines["relations.csv"][0] == "source,target,type,amount,year,weight,kind"
    assert lines["actors.csv"][1].startswith("a000001,")
    assert lines["projects.csv"][1].startswith("p000001,")
    assert not (tmp_path / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    # No temporary file is left beside the workspace.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(TABLES)


def test_same_arguments_same_bytes(tmp_path: Path) -> None:
    write_workspace(tmp_path / "one", 400, 100, 2000, 11)
    write_workspace(tmp_path / "two", 400, 100, 2000, 11)
    assert read_bytes(tmp_path / "one") == read_bytes(tmp_path / "two")


def test_different_seeds_different_data(tmp_path: Path) -> None:
    write_workspace(tmp_path / "one", 400, 100, 2000, 1)
    write_workspace(tmp_path / "two", 400, 100, 2000, 2)
    one, two = read_bytes(tmp_path / "one"), read_bytes(tmp_path / "two")
    for name in TABLES:
        assert one[name] != two[name], name


def test_in_memory_equals_loaded_files(tmp_path: Path) -> None:
    write_workspace(tmp_path, 600, 150, 3000, 5)
    assert load_workspace(tmp_path) == generate_dataset(600, 150, 3000, 5)


def test_funders_have_a_heavy_tail() -> None:
    dataset = generate_dataset(3000, 750, 15000, 3)
    funded = Counter(r.source for r in dataset.relations if r.type is RelationType.FUNDS)
    degrees = sorted(funded.values())
    assert degrees[-1] >= 15 * statistics.median(degrees)
    # A few funders carry a large share of all grants, as real regional funders do.
    top = sum(degrees[-len(degrees) // 100 :])
    assert top >= 0.10 * sum(degrees)


def test_every_vocabulary_and_several_territories_appear() -> None:
    dataset = generate_dataset(2000, 500, 10000, 4)
    assert {a.sector for a in dataset.actors} == set(Sector)
    assert {p.stage for p in dataset.projects} == set(Stage)
    assert {a.scope for a in dataset.actors} == set(Scope)
    assert {r.type for r in dataset.relations} == set(RelationType)
    assert len({a.territory for a in dataset.actors}) >= 20
    assert any(len(p.themes) == 2 for p in dataset.projects)
    actor_ties = {r.type for r in dataset.relations if r.target.startswith("a")}
    assert actor_ties == {
        RelationType.COLLABORATES,
        RelationType.FUNDS,
        RelationType.SUPPORTS,
        RelationType.MEMBER_OF,
    }
    funds = [r for r in dataset.relations if r.type is RelationType.FUNDS]
    assert all(r.amount is not None and r.amount > 0 and r.year is not None for r in funds)
    supports = [r for r in dataset.relations if r.type is RelationType.SUPPORTS]
    assert all(r.kind for r in supports)
    # Sector shares are realistic: community groups are many, foundations few.
    sectors = Counter(a.sector for a in dataset.actors)
    assert sectors[Sector.COMMUNITY] > 3 * sectors[Sector.PHILANTHROPIC]


def test_local_actors_act_only_in_their_territory() -> None:
    dataset = generate_dataset(1500, 400, 8000, 9)
    actors, projects = dataset.actor_by_id, dataset.project_by_id
    for r in dataset.relations:
        project = projects.get(r.target)
        actor = actors[r.source]
        if project is not None and actor.scope is Scope.LOCAL:
            assert actor.territory == project.territory, r


def test_gaps_appear_on_purpose() -> None:
    dataset = generate_dataset(2000, 500, 10000, 6)
    by_type: dict[RelationType, set[str]] = {t: set() for t in RelationType}
    touched: set[str] = set()
    for r in dataset.relations:
        by_type[r.type].add(r.target)
        touched.update((r.source, r.target))
    mobilizing = [p for p in dataset.projects if p.stage.at_least(Stage.MOBILIZATION)]
    assert any(p.id not in by_type[RelationType.FUNDS] for p in mobilizing)
    assert any(p.id not in by_type[RelationType.CARRIES] for p in dataset.projects)
    isolated = [a for a in dataset.actors if a.id not in touched]
    assert 0 < len(isolated) < 0.05 * len(dataset.actors)
    graph = to_networkx(EcosystemGraph(dataset))
    with_project = [c for c in nx.connected_components(graph) if any(n.startswith("p") for n in c)]
    assert len(with_project) >= 2
    assert max(len(c) for c in with_project) > 0.9 * graph.number_of_nodes() - len(isolated)


def test_progress_reports_every_row(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    write_workspace(tmp_path, 100, 25, 500, 1, progress=lambda *args: calls.append(args))
    assert calls[-1] == ("relations", 625, 625)
    assert [c[1] for c in calls] == sorted(c[1] for c in calls)
    assert [c[0] for c in calls][:1] == ["actors"]


def test_failure_leaves_no_partial_workspace(tmp_path: Path) -> None:
    def stop(step: str, done: int, total: int) -> None:
        if step == "relations":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_workspace(tmp_path, 100, 25, 500, 1, progress=stop)
    assert list(tmp_path.iterdir()) == []


def test_too_many_relations_for_the_sizes() -> None:
    with pytest.raises(UsageError) as caught:
        generate_dataset(3, 1, 7, 0)
    assert caught.value.exit_code == 2
    assert caught.value.render("en") == (
        "7 relations do not fit between 3 actors and 1 project without duplicates (at most 6)."
    )


def test_too_many_relations_groups_thousands_in_both_languages() -> None:
    from graphmap.synth.sizes import check_sizes

    with pytest.raises(UsageError) as caught:
        check_sizes(1000, 2000, 100_000_000, 0)
    assert "100,000,000 relations do not fit between 1,000 actors and 2,000 projects" in (
        caught.value.render("en"))
    assert caught.value.render("fr").startswith(
        "100\u00a0000\u00a0000 relations ne tiennent pas entre 1\u00a0000 acteurs et "
        "2\u00a0000 projets")


def test_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(GraphmapError) as caught:
        write_workspace(blocker / "eco", 10, 2, 20, 1)
    assert caught.value.exit_code == 1
    assert caught.value.render("en").startswith(f"Cannot write {blocker / 'eco'}")


@settings(max_examples=40, deadline=None)
@given(
    actors=st.integers(1, 120),
    projects=st.integers(1, 40),
    per_actor=st.integers(0, 8),
    seed=st.integers(0, 2**32),
)
def test_any_sizes_give_a_valid_ecosystem(
    actors: int, projects: int, per_actor: int, seed: int
) -> None:
    """Whatever the sizes: ids unique, no self-relation, no repeated (source, target, type),
    every type fits its endpoints, and the count is exact once there are a few actors."""
    relations = min(per_actor * actors, actors * projects + actors * (actors - 1) // 2)
    dataset = generate_dataset(actors, projects, relations, seed)
    actor_ids = {a.id for a in dataset.actors}
    project_ids = {p.id for p in dataset.projects}
    assert len(actor_ids) == actors
    assert len(project_ids) == projects
    assert not actor_ids & project_ids
    keys = [(r.source, r.target, r.type) for r in dataset.relations]
    assert len(keys) == len(set(keys))
    for r in dataset.relations:
        assert r.source in actor_ids
        assert r.source != r.target
        if r.target in project_ids:
            assert r.type.actor_to_project
        else:
            assert r.target in actor_ids
            assert r.type.actor_to_actor
    if actors >= 20:
        assert len(dataset.relations) == relations
    else:
        assert len(dataset.relations) <= relations
