"""``graphmap compare`` for real: CliRunner on the click group and a real subprocess, in
French and English."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from compare.conftest import EXAMPLE_2024, EXAMPLE_2025, ROOT, actor, project, tie, write_workspace
from graphmap.cli import cli

pytestmark = pytest.mark.skipif(not (EXAMPLE_2025 / "actors.csv").exists(),
                                reason="examples/laurentides-2025 is not there")
RENAMED_EN = ("warning: actor “Café culturel La Bobine”: 'cafe-culturel-la-bobine' is gone "
              "and 'bobine-cafe-culturel' is new; renamed id?")
RENAMED_FR = ("avertissement\u00a0: acteur «\u00a0Café culturel La Bobine\u00a0»\u00a0: "
              "«\u00a0cafe-culturel-la-bobine\u00a0» a disparu et "
              "«\u00a0bobine-cafe-culturel\u00a0» est apparu\u00a0; identifiant renommé\u00a0?")
#: The examples' contact column, held back from compare.md and compare.html (docs/privacy.md).
HELD_EN = ("Contact columns held back from HTML, Markdown and the map: actors.contact; to "
           "publish them: --include-columns contact or include_columns in [publish] of "
           "graphmap.toml.")
HELD_FR = ("Coordonnées retenues hors du HTML, du Markdown et de la carte\u00a0: "
           "actors.contact\u00a0; pour les publier\u00a0: --include-columns contact ou "
           "include_columns dans [publish] de graphmap.toml.")


def run(*args: str, env: dict[str, str | None] | None = None) -> Any:
    """``graphmap ARGS`` through CliRunner; stdout and stderr kept apart."""
    return CliRunner().invoke(cli, list(args), env={"GRAPHMAP_LANG": None, **(env or {})},
                              catch_exceptions=False)


def run_process(*args: str, hashseed: str = "0") -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPHMAP_", "LC_", "LANG"))}
    env.update({"PYTHONHASHSEED": hashseed, "PYTHONUTF8": "1", "LANG": "C.UTF-8"})
    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=600, check=False)


EXAMPLES = (str(EXAMPLE_2024), str(EXAMPLE_2025))
OLD_WARNINGS = [f"{EXAMPLE_2024}/actors.csv:98: warning: actor 'rachel-caron' has no relation",
                f"{EXAMPLE_2024}/actors.csv:105: warning: actor 'plume-argenteuil' has no "
                "relation"]


def test_text_in_english() -> None:
    result = run("compare", *EXAMPLES, "--lang", "en")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:2] == ["What changed: laurentides → laurentides-2025", "=" * 44]
    for heading in ("In short", "To check", "Actors", "Projects", "Ties", "Funding", "Brokers",
                    "Gaps", "Last year's proposals"):
        assert lines[lines.index(heading) + 1] == "-" * len(heading)
    assert "  - Ties — new: 21, lost: 18, changed: 1, unchanged: 297" in lines
    assert result.stderr.splitlines() == [*OLD_WARNINGS, RENAMED_EN, HELD_EN]


def test_text_in_french() -> None:
    result = run("compare", *EXAMPLES, "--lang", "fr")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Ce qui a changé\u00a0: laurentides → laurentides-2025"
    assert "  - Liens — nouveaux\u00a0: 21, perdus\u00a0: 18, modifiés\u00a0: 1, "\
           "inchangés\u00a0: 297" in lines
    assert "Les propositions de l'an dernier" in lines
    assert result.stderr.splitlines()[-2:] == [RENAMED_FR, HELD_FR]


def test_top_limits_the_lists_and_says_how_many_more() -> None:
    result = run("compare", *EXAMPLES, "--lang", "en", "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    block = lines[lines.index("New ties (21)") + 1:]
    block = block[:block.index("")]
    assert sum(1 for line in block if line.startswith("  - ")) == 2
    assert block[-1] == "  … and 19 more (see compare.json)."
    assert "Entered the first 2 (0)" not in lines  # empty lists are left out


def test_json_to_stdout_and_the_same_bytes_in_compare_json(tmp_path: Path) -> None:
    result = run("compare", *EXAMPLES, "--format", "json", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert list(doc)[:12] == ["old", "new", "actors", "projects", "relations", "funding",
                              "brokers", "gaps", "opportunities_realised", "hit_rate",
                              "network", "meta"]
    assert (tmp_path / "out" / "compare.json").read_bytes() == result.stdout_bytes
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "compare.html", "compare.json", "compare.md"]
    assert result.stderr.splitlines()[-3:] == [
        f"Wrote {tmp_path / 'out' / name}" for name in ("compare.json", "compare.md",
                                                        "compare.html")]


def test_markdown_is_a_document_with_one_title_and_a_heading_per_section() -> None:
    result = run("compare", *EXAMPLES, "--format", "markdown", "--lang", "fr")
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens)
                if t.type == "heading_open"]
    assert [text for tag, text in headings if tag == "h1"] == [
        "Ce qui a changé\u00a0: laurentides → laurentides-2025"]
    assert [text for tag, text in headings if tag == "h2"] == [
        "En bref", "À vérifier", "Acteurs", "Projets", "Liens", "Financement", "Courtiers",
        "Manques", "Les propositions de l'an dernier"]
    assert sum(1 for t in tokens if t.type == "table_open") == 6


@pytest.mark.slow
def test_same_inputs_same_bytes_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("0", "12345"):
        out = tmp_path / seed
        result = run_process("compare", *EXAMPLES, "--out", str(out), "--lang", "fr",
                             hashseed=seed)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
        outputs[-1]["stdout"] = result.stdout
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {"compare.json", "compare.md", "compare.html", "stdout"}


def test_the_command_through_a_subprocess_in_english() -> None:
    result = run_process("compare", *EXAMPLES, "--format", "json", "--lang", "en", "--top", "3")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    assert doc["lang"] == "en"
    assert doc["brokers"]["top"] == 3 == len(doc["brokers"]["new_top"])
    assert doc["meta"]["config"]["top"] == 3
    assert result.stderr.decode().splitlines()[-2:] == [RENAMED_EN, HELD_EN]


def test_seed_is_used_for_both_years() -> None:
    result = run("compare", *EXAMPLES, "--format", "json", "--seed", "7")
    doc = json.loads(result.stdout)
    assert doc["meta"]["seed"] == 7 == doc["meta"]["config"]["seed"]


def _bad_pair(tmp_path: Path) -> tuple[Path, Path]:
    old = write_workspace(tmp_path / "old", [actor("a1", "community"), actor("a2", "publik")],
                          [project("p1", "emergence")], [tie("a1", "p1", "carries"),
                                                         tie("a2", "p1", "supports")])
    new = write_workspace(tmp_path / "new", [actor("a1", "community")],
                          [project("p1", "emergence")], [tie("a1", "p9", "carries")])
    return old, new


def test_both_workspaces_errors_are_reported_together(tmp_path: Path) -> None:
    old, new = _bad_pair(tmp_path)
    result = run("compare", str(old), str(new), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(": ")[0] for line in lines] == [
        f"{old}/actors.csv:3:sector", f"{new}/relations.csv:2:target", "Error"]
    assert lines[0].startswith(f"{old}/actors.csv:3:sector: unknown sector 'publik'")
    assert lines[1] == f"{new}/relations.csv:2:target: 'p9' is neither an actor nor a project"
    assert lines[2] == "Error: 2 errors in the workspaces to compare."


def test_one_error_in_french(tmp_path: Path) -> None:
    old, _ = _bad_pair(tmp_path)
    good = write_workspace(tmp_path / "good", [actor("a1", "community")],
                           [project("p1", "emergence")], [tie("a1", "p1", "carries")])
    result = run("compare", str(good), str(old), "--lang", "fr")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "Erreur\u00a0: 1 erreur dans les espaces de travail à comparer.")
    assert result.stderr.splitlines()[0].startswith(
        f"{old}/actors.csv:3:sector: secteur inconnu «\u00a0publik\u00a0»")


def test_a_json_workspace_is_located_beside_its_file(tmp_path: Path) -> None:
    _, new = _bad_pair(tmp_path)
    book = tmp_path / "old.json"
    book.write_text(json.dumps({"actors": [{"id": "a1", "name": "A", "sector": "nope"}],
                                "projects": [], "relations": []}), encoding="utf-8")
    result = run("compare", str(book), str(new), "--lang", "en")
    assert result.exit_code == 1
    located = [line.split(": ")[0] for line in result.stderr.splitlines()]
    assert f"{tmp_path}/old.json[actors]:1:sector" in located
    assert f"{new}/relations.csv:2:target" in located


def test_missing_workspaces_are_both_named_and_exit_2(tmp_path: Path) -> None:
    result = run("compare", str(tmp_path / "nothere"), str(tmp_path / "nor-here"), "--lang",
                 "en")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"Error: {tmp_path / 'nothere'} does not exist.")
    assert lines[1].startswith(f"Error: {tmp_path / 'nor-here'} does not exist.")


def test_bad_options_are_usage_errors() -> None:
    assert run("compare", *EXAMPLES, "--format", "pdf").exit_code == 2
    assert run("compare", *EXAMPLES, "--top", "0").exit_code == 2
    assert run("compare", EXAMPLES[0]).exit_code == 2


def test_a_broken_settings_file_fails_before_reading(tmp_path: Path) -> None:
    settings = tmp_path / "graphmap.toml"
    settings.write_text("[analysis]\nmin_sector = 2\n", encoding="utf-8")
    result = run("compare", *EXAMPLES, "--config", str(settings), "--lang", "en")
    assert result.exit_code == 1
    assert "min_sector" in result.stderr
    assert result.stdout == ""


def test_help_is_listed_and_translated() -> None:
    assert "compare" in run("--help").stdout
    # Help is built when the command is imported: a fresh process, in French.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPHMAP_", "LC_", "LANG"))}
    env.update({"GRAPHMAP_LANG": "fr", "PYTHONUTF8": "1"})
    result = subprocess.run([sys.executable, "-m", "graphmap", "compare", "--help"],
                            capture_output=True, env=env, timeout=60, check=False)
    help_fr = result.stdout.decode()
    assert "Comparer deux années d'un écosystème" in help_fr
    assert "ESPACE@ANNÉE" in help_fr
