"""The generator's bytes are pinned: a change that alters any generated file fails here.

The hashes were recorded with the single-module generator (``graphmap/synth.py``) before it
became the ``graphmap.synth`` package. A deliberate change of the generator updates them,
says so in its commit message, and regenerates ``tests/golden/generated-600``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from graphmap.errors import GraphmapError
from graphmap.synth import write_workspace
from graphmap.synth.ecosystem import Ecosystem

TABLES = ("actors.csv", "projects.csv", "relations.csv")

# (actors, projects, relations, seed) -> sha256 of actors.csv, projects.csv, relations.csv
PINNED: dict[tuple[int, int, int, int], tuple[str, str, str]] = {
    (600, 150, 2400, 7): (
        "d61bcd97d4eca02130d9bb14ea0801b43908c28a504b88fb88ece7f8066090f9",
        "583d6bfa9540dd804dc6e1a06b994ae00eb30e0457ab0ee8285baf0eceeb8623",
        "8770814e128e47ac39e2e9e202cf92d379d541f9af859af17bd6ca8c14fbe42e",
    ),
    (50, 12, 250, 0): (
        "6c11a13e619dffb727db8eeee1cbf837420ad06cdf6e3d2343ab90726c0bf8c2",
        "b506ab52184b618c05917178c06ebc0500727bd875bcbf4f5ce872babd84ec82",
        "074ecbebce3a2ce23577a26ff8e6268aca88480125fdda228fc67657607a9f59",
    ),
    (12, 3, 30, 5): (
        "cc15dfa79c56535cf54cf13990deee228aca919ee25e469bb08f2121894fd253",
        "b39ab82987138d5be32330268d0630690aeaa2fb66f6297292a945633db4d284",
        "02f8213fb4f2776e786b3dabdb34e372e144793bd46994942717481ef06000e2",
    ),
    (1, 1, 1, 0): (
        "926fe699ad88525894299da88fd07ba412c645a1aa7e9a974960cdcfbee66d97",
        "ab185be79e38897b74b219d10c8be343a714b83694bc3f0bfb7a6fee62c9dfd6",
        "23ea1e156aca159f5c4c927b2e4c3f50832782a27b2b39f4485e13b0efec59f9",
    ),
}
# ``graphmap generate OUT`` without sizes: 1000 actors, 250 projects, 5000 relations, seed 42.
PINNED_DEFAULT = (
    "830665b399fa0e3fec5dfc232e0dfc2723be7a972e3921fb620bc14280ee8fff",
    "551a1e4e5f78c0451cae12f20e6e6104f9ca4f87edfe53214e9d5c56e1c6a4d2",
    "d948d14807219815a2db7a53a88606f75dc434315e76497dcd9d238b38a1fd75",
)


def hashes(folder: Path) -> tuple[str, ...]:
    return tuple(hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in TABLES)


@pytest.mark.parametrize("sizes", list(PINNED), ids=lambda s: "-".join(map(str, s)))
def test_generated_bytes_are_pinned(tmp_path: Path, sizes: tuple[int, int, int, int]) -> None:
    write_workspace(tmp_path, *sizes)
    assert hashes(tmp_path) == PINNED[sizes]


def test_command_defaults_give_the_pinned_bytes(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["generate", "--lang", "en", str(tmp_path / "eco")])
    assert result.exit_code == 0, result.output
    assert "1,000 actors, 250 projects and 5,000 relations" in result.output
    assert hashes(tmp_path / "eco") == PINNED_DEFAULT


def _old_workspace(folder: Path) -> dict[str, bytes]:
    write_workspace(folder, 30, 8, 90, 2)
    return {name: (folder / name).read_bytes() for name in TABLES}


def test_interruption_keeps_the_previous_workspace(tmp_path: Path) -> None:
    before = _old_workspace(tmp_path)

    def stop(step: str, done: int, total: int) -> None:
        if step == "relations":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_workspace(tmp_path, 100, 25, 500, 1, progress=stop)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_write_failure_names_the_file_and_keeps_the_previous_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _old_workspace(tmp_path)

    def full_disk(self: Ecosystem) -> object:
        yield ("a000001", "p000001", "carries", "", "", "", "")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Ecosystem, "relation_rows", full_disk)
    with pytest.raises(GraphmapError) as caught:
        write_workspace(tmp_path, 30, 8, 90, 3)
    assert caught.value.exit_code == 1
    assert caught.value.render("en") == (
        f"Cannot write {tmp_path / 'relations.csv'}: No space left on device"
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
