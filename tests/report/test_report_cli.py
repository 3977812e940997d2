"""``graphmap analyze`` for real: CliRunner on the click group and a real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphmap.cli import cli
from report.report_fixtures import FIXTURES
from report.test_report_json import check_schema

MINI = FIXTURES / "mini"
BAD = FIXTURES / "bad"
ROOT = Path(__file__).resolve().parents[2]
LAURENTIDES = ROOT / "examples" / "laurentides"
MINI_WARNING = "actors.csv:8: warning: actor 'a7' has no relation"
MINI_WARNING_FR = "actors.csv:8: avertissement\u00a0: l'acteur «\u00a0a7\u00a0» n'a aucune relation"


def run(*args: str, env: dict[str, str] | None = None):
    """``graphmap analyze ARGS`` through CliRunner; stdout and stderr kept apart."""
    return CliRunner().invoke(cli, ["analyze", *args], env={"GRAPHMAP_LANG": None, **(env or {})},
                              catch_exceptions=False)


def run_process(*args: str, hashseed: str = "0", cwd: Path | None = None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRAPHMAP_", "LC_", "LANG"))}
    env.update({"PYTHONHASHSEED": hashseed, "PYTHONUTF8": "1", "LANG": "C.UTF-8"})
    return subprocess.run([sys.executable, "-m", "graphmap", "analyze", *args],
                          capture_output=True, env=env, cwd=cwd or ROOT, timeout=300, check=False)


def test_json_to_stdout_and_warnings_to_stderr():
    result = run(str(MINI), "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    check_schema(doc)
    assert doc["summary"]["actors"] == 8
    assert doc["summary"]["projects"] == 4
    assert doc["summary"]["relations"] == 15
    assert [b["rank"] for b in doc["brokers"]] == list(range(1, 9))
    assert len(doc["brokers"]) == 8  # every actor, whatever --top says
    assert result.stderr.splitlines() == [MINI_WARNING]


@pytest.mark.parametrize("workspace", [
    MINI,
    pytest.param(LAURENTIDES, marks=pytest.mark.skipif(
        not (LAURENTIDES / "actors.csv").exists(), reason="examples/laurentides not built yet")),
])
def test_json_is_byte_identical_across_runs_and_hash_seeds(workspace):
    first = run_process(str(workspace), "--format", "json", hashseed="0")
    second = run_process(str(workspace), "--format", "json", hashseed="12345")
    third = run_process(str(workspace), "--format", "json", hashseed="12345")
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == second.stdout == third.stdout
    assert b"Traceback" not in first.stderr
    check_schema(json.loads(first.stdout.decode("utf-8")))
    in_process = run(str(workspace), "--format", "json", "--lang", "en")
    assert in_process.stdout_bytes == first.stdout


def test_data_errors_exit_1_with_locations_and_no_traceback():
    proc = run_process(str(BAD), "--lang", "en")
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert proc.stderr.decode().splitlines() == [
        "actors.csv:3:sector: unknown sector 'philantropic'; did you mean 'philanthropic'? "
        "(accepted: public, private, philanthropic, community, social_economy, academic, "
        "media, citizen)",
        "projects.csv:3:stage: unknown stage 'apropriation'; did you mean 'appropriation'? "
        "(accepted: emergence, mobilization, feedback, appropriation)",
        "Error: 2 errors in the workspace.",
    ]
    result = run(str(BAD), "--format", "json", "--lang", "fr")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "Erreur\u00a0: 2 erreurs dans l'espace de travail."


@pytest.mark.parametrize(("args", "fragment"), [
    (["--format", "pdf"], "Invalid value for '--format': 'pdf' is not one of"),
    (["--top", "0"], "Invalid value for '--top': 0 is not in the range x>=1."),
    (["--top", "many"], "Invalid value for '--top': 'many' is not a valid integer range."),
    (["--group-by", "colour"], "Invalid value for '--group-by': 'colour' is not one of"),
    (["--lang", "de"], "Invalid value for '--lang': 'de' is not one of 'fr', 'en'."),
    (["--config", "missing.toml"],
     "Invalid value for '--config': File 'missing.toml' does not exist."),
    (["--seed", "1.5"], "Invalid value for '--seed': '1.5' is not a valid integer."),
])
def test_usage_errors_exit_2(args, fragment):
    result = run(str(MINI), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert fragment in result.stderr


def test_missing_workspace_is_a_usage_error():
    proc = run_process("no/such/folder", "--lang", "en")
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.decode().startswith("Error: no/such/folder does not exist.")


def test_out_writes_reports_atomically_and_overwrites(tmp_path):
    out = tmp_path / "out"
    result = run(str(MINI), "--format", "json", "--lang", "fr", "--out", str(out))
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    # Exactly the six outputs: no temporary file left behind.
    assert names == {"report.json", "report.md", "map.html", "report.html", "brief.html",
                     "actions.xlsx"}
    assert (out / "report.json").read_bytes() == result.stdout_bytes
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Rapport graphmap\u00a0: mini\n")
    written = [line for line in result.stderr.splitlines() if line.startswith("Fichier écrit")]
    assert written == [f"Fichier écrit\u00a0: {out / name}"
                       for name in ("report.json", "report.md", "map.html", "report.html",
                                    "brief.html", "actions.xlsx")]
    # a second run replaces the files
    (out / "report.json").write_text("stale", encoding="utf-8")
    again = run(str(MINI), "--format", "json", "--lang", "fr", "--out", str(out))
    assert again.exit_code == 0
    assert (out / "report.json").read_bytes() == result.stdout_bytes
    assert {p.name for p in out.iterdir()} == names


def test_markdown_file_equals_markdown_stdout(tmp_path):
    result = run(str(MINI), "--format", "markdown", "--lang", "en", "--top", "3", "--out",
                 str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "report.md").read_bytes() == result.stdout_bytes
    assert result.stdout.startswith("# graphmap report: mini\n\n## The ecosystem in figures\n")


@pytest.mark.parametrize(("lang", "lines"), [
    ("fr", ["Rapport graphmap\u00a0: mini", "L'écosystème en chiffres", "Principaux courtiers",
            "Manques", "Meilleures occasions de collaboration", "Communautés"]),
    ("en", ["graphmap report: mini", "The ecosystem in figures", "Top brokers", "Gaps",
            "Best collaboration opportunities", "Communities"]),
])
def test_text_report_language(lang, lines):
    result = run(str(MINI), "--lang", lang)
    assert result.exit_code == 0, result.output
    out = result.stdout.splitlines()
    for line in lines:
        assert line in out
    assert "\x1b[" not in result.stdout  # no colour on a pipe


def test_language_from_environment():
    result = run(str(MINI), "--format", "json", env={"GRAPHMAP_LANG": "fr"})
    assert json.loads(result.stdout)["lang"] == "fr"
    assert result.stderr.splitlines() == [MINI_WARNING_FR]


def test_cli_options_override_the_toml_file(tmp_path):
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    (workspace / "graphmap.toml").write_text(
        '[analysis]\nseed = 7\ngroup_by = "territory"\ntop = 2\n', encoding="utf-8")
    from_file = json.loads(run(str(workspace), "--format", "json").stdout)
    assert from_file["meta"]["seed"] == 7
    assert from_file["meta"]["group_by"] == "territory"
    overridden = json.loads(run(str(workspace), "--format", "json", "--seed", "9",
                                "--group-by", "sector").stdout)
    assert overridden["meta"]["seed"] == 9
    assert overridden["meta"]["group_by"] == "sector"
    # top from the file limits the text report
    text = run(str(workspace), "--lang", "en").stdout
    assert "3. " not in text.split("Top brokers", 1)[1].split("Gaps", 1)[0]
    # an explicit --config wins over the workspace's file
    other = tmp_path / "other.toml"
    other.write_text("[analysis]\nseed = 11\n", encoding="utf-8")
    assert json.loads(run(str(workspace), "--format", "json", "--config", str(other))
                      .stdout)["meta"]["seed"] == 11


def test_bad_config_is_one_line_exit_1(tmp_path):
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    (workspace / "graphmap.toml").write_text("[analysis]\nmin_sector = 2\n", encoding="utf-8")
    result = run(str(workspace), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {workspace / 'graphmap.toml'}: unknown setting 'min_sector' in [analysis]; "
        "did you mean 'min_sectors'?")


def test_no_progress_on_a_pipe():
    proc = run_process(str(MINI), "--format", "json", "--lang", "en")
    assert proc.returncode == 0
    assert proc.stderr.decode().splitlines() == [MINI_WARNING]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_on_a_terminal_names_each_step():
    main, secondary = os.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRAPHMAP_")}
    env.update({"PYTHONUTF8": "1", "TERM": "dumb"})
    chunks = []
    try:
        # stdout is a pipe (the mini report is far below its buffer); stderr is the terminal,
        # read while the process runs so that it never blocks on a full pty.
        proc = subprocess.Popen(
            [sys.executable, "-m", "graphmap", "analyze", str(MINI), "--format", "json",
             "--lang", "en"], stdout=subprocess.PIPE, stderr=secondary, env=env, cwd=ROOT)
        os.close(secondary)
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
        stdout, _ = proc.communicate(timeout=300)
    finally:
        os.close(main)
    err = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert json.loads(stdout)["lang"] == "en"
    # the warning comes after the bar, on a line of its own
    assert f"\n{MINI_WARNING}" in err.replace("\r", "\n")
    for step in ("Reading the data", "Building the graphs", "Betweenness",
                 "Constraint and effective size", "Communities", "Brokerage roles", "Gaps",
                 "Opportunities", "Key figures", "Writing the report", "10/10"):
        assert step in err


def test_help_has_an_example_in_each_language():
    for lang, word in (("fr", "Exemple"), ("en", "Example")):
        proc = subprocess.run([sys.executable, "-m", "graphmap", "analyze", "--help"],
                              capture_output=True, env={**os.environ, "GRAPHMAP_LANG": lang},
                              timeout=60, check=False)
        assert proc.returncode == 0
        assert f"{word}" in proc.stdout.decode()
        assert "graphmap analyze examples/laurentides" in proc.stdout.decode()


def test_out_must_be_a_folder(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("keep me", encoding="utf-8")
    result = run(str(MINI), "--out", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: Invalid value for '--out': Directory '{target}' is a file.")
    assert target.read_text(encoding="utf-8") == "keep me"


def test_text_with_out_keeps_stdout_for_the_report(tmp_path):
    result = run(str(MINI), "--lang", "en", "--out", str(tmp_path / "new" / "dir"))
    assert result.exit_code == 0
    assert result.stdout.startswith("graphmap report: mini\n")
    assert "Wrote" not in result.stdout
    assert f"Wrote {tmp_path / 'new' / 'dir' / 'report.json'}" in result.stderr.splitlines()
    doc = json.loads((tmp_path / "new" / "dir" / "report.json").read_text(encoding="utf-8"))
    assert doc["lang"] == "en"


def test_json_sentences_follow_lang():
    fr = json.loads(run(str(MINI), "--format", "json", "--lang", "fr").stdout)
    en = json.loads(run(str(MINI), "--format", "json", "--lang", "en").stdout)
    # Same analysis, different language: ids, numbers and order agree; sentences differ.
    assert [g["code"] for g in fr["gaps"]] == [g["code"] for g in en["gaps"]]
    assert [b["betweenness"] for b in fr["brokers"]] == [b["betweenness"] for b in en["brokers"]]
    isolated_fr = next(g for g in fr["gaps"] if g["code"] == "actor.isolated")
    isolated_en = next(g for g in en["gaps"] if g["code"] == "actor.isolated")
    assert isolated_fr["subject"] == isolated_en["subject"] == "a7"
    assert isolated_fr["subject_name"] == "Citoyenne engagée"
    assert "Citoyenne engagée" in isolated_fr["message"]
    assert "Citoyenne engagée" in isolated_en["message"]
    assert isolated_fr["message"] != isolated_en["message"]
    assert isolated_fr["remedy"] != isolated_en["remedy"]
    assert fr["brokers"][0]["why"] != en["brokers"][0]["why"]
