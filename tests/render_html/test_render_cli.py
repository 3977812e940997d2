"""``graphmap render`` through click and as a real subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from graphmap.cli import cli


def test_render_writes_the_map(mini_workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "carte.html"
    result = CliRunner().invoke(cli, ["render", str(mini_workspace), "-o", str(out),
                                      "--lang", "fr", "--color-by", "stage"])
    assert result.exit_code == 0, result.output
    assert f"Carte écrite\u00a0: {out} (10 nœuds, 10 liens)." in result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in html
    assert not list(tmp_path.glob(".*.tmp"))


def test_render_counts_one_node_and_one_link_in_the_singular(tmp_path: Path) -> None:
    workspace = tmp_path / "petit"
    workspace.mkdir()
    (workspace / "actors.csv").write_text("id,name,sector\ncoop,Coop,social_economy\n",
                                          encoding="utf-8")
    (workspace / "projects.csv").write_text("id,name,stage\np,Projet,emergence\n",
                                            encoding="utf-8")
    (workspace / "relations.csv").write_text("source,target,type\ncoop,p,carries\n",
                                             encoding="utf-8")
    out = tmp_path / "carte.html"
    for lang, line in (("fr", f"Carte écrite\u00a0: {out} (2 nœuds, 1 lien)."),
                       ("en", f"Map written: {out} (2 nodes, 1 link).")):
        result = CliRunner().invoke(cli, ["render", str(workspace), "-o", str(out),
                                          "--lang", lang])
        assert result.exit_code == 0, result.output
        assert line in result.stderr


def test_render_focus_and_layers(mini_workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "focus.html"
    result = CliRunner().invoke(cli, ["render", str(mini_workspace), "-o", str(out),
                                      "--lang", "en", "--focus", "coop", "--depth", "2",
                                      "--layers", "gaps", "--size-by", "funding"])
    assert result.exit_code == 0, result.output
    assert f"Map written: {out} (7 nodes, 7 links)." in result.stderr
    assert "Opportunities" not in out.read_text(encoding="utf-8").split("<body")[1].split(
        "<script")[0]


def test_unknown_focus_is_a_usage_error(mini_workspace: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["render", str(mini_workspace), "-o",
                                      str(tmp_path / "m.html"), "--lang", "en",
                                      "--focus", "cop"])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: --focus: unknown id 'cop'; did you mean 'coop' (Coopérative L'Éveil)?")
    assert not (tmp_path / "m.html").exists()


def test_bad_layer_and_depth_without_focus(mini_workspace: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["render", str(mini_workspace), "-o", str(tmp_path / "m.html"),
                              "--lang", "en", "--layers", "gaps,holes"])
    assert bad.exit_code == 2
    assert bad.stderr.strip().splitlines()[-1] == (
        "Error: --layers: unknown layer 'holes'; possible layers: gaps, opportunities.")
    depth = runner.invoke(cli, ["render", str(mini_workspace), "-o", str(tmp_path / "m.html"),
                                "--lang", "fr", "--depth", "2"])
    assert depth.exit_code == 2
    assert depth.stderr.strip().splitlines()[-1] == (
        "Erreur\u00a0: --depth n'a de sens qu'avec --focus.")


def test_render_as_a_subprocess(mini_workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    done = subprocess.run(
        [sys.executable, "-m", "graphmap", "render", str(mini_workspace), "-o", str(out),
         "--lang", "en", "--layers", "none"],
        capture_output=True, text=True, encoding="utf-8", check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"Map written: {out} (10 nodes, 10 links)." in done.stderr
    assert out.stat().st_size > 400_000  # vis-network is inlined


def test_same_bytes_across_processes(mini_workspace: Path, tmp_path: Path) -> None:
    import os

    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"map{hash_seed}.html"
        subprocess.run(
            [sys.executable, "-m", "graphmap", "render", str(mini_workspace), "-o", str(out),
             "--lang", "fr", "--color-by", "community"],
            capture_output=True, check=True, timeout=120,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_cli_choices_come_from_the_option_table() -> None:
    """The click choices and defaults are derived from graphmap.render.options, the table the
    map validates against, and importing the CLI does not pull in the renderer itself."""
    import subprocess
    import sys

    from graphmap.cli.render import render as render_command
    from graphmap.render import options

    params = {p.name: p for p in render_command.params}
    assert tuple(params["color_by"].type.choices) == options.COLOR_BY  # type: ignore[attr-defined]
    assert tuple(params["size_by"].type.choices) == options.SIZE_BY  # type: ignore[attr-defined]
    assert params["color_by"].default == options.DEFAULT_COLOR_BY
    assert params["layers"].default == ",".join(options.DEFAULT_LAYERS)
    code = ("import sys, graphmap.cli.render; "
            "print(sorted(m for m in sys.modules if m in ('graphmap.render.layout', "
            "'graphmap.render.html_map', 'jinja2', 'networkx', 'graphmap.analysis.report')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"
