"""``graphmap compare`` and ``graphmap brief`` go through the publication step, through the
real CLI: two years of the planted workspace (the second with a new citizen, a changed
e-mail address and a new tie, all planted too). In default mode no contact value is in any
compare HTML or Markdown byte; with ``--public`` no planted value, person's name or real id
is in any byte, a person has one pseudonym and one label in both years (the pseudonym
``analyze --public`` gives with the same salt), and each year's publication log is written."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.privacy.conftest import copy_workspace, run_cli
from tests.privacy.planted import ALL_PLANTED, CONTACT_PERSONS, CONTACTS, NAMED, PERSON_IDS
from tests.privacy.test_outputs import EVERY_OUTPUT, forms, leaks

#: What the second year adds: ``(value, table, column)``, as in ``planted.py``.
NEW_CONTACTS: tuple[tuple[str, str, str], ...] = (
    ("nouveau@cdc-lacclair.example.org", "actors", "Courriel"),
    ("nadia.p@courriel.example.com", "actors", "Courriel"),
    ("819-555-0177", "actors", "Téléphone"),
    ("nadia@suivi.example.com", "relations", "Suivi"),
)
NEW_PERSON = ("Nadia Paquette", "c-nadia")


def _second_year(folder: Path) -> Path:
    """The planted workspace a year later: CDC's e-mail changed, a new citizen who supports
    the garden (with her e-mail address and phone number, and one in the tie's Suivi)."""
    path = folder / "actors.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    rows[0]["Courriel"] = NEW_CONTACTS[0][0]
    rows.append({**dict.fromkeys(header, ""), "id": NEW_PERSON[1], "name": NEW_PERSON[0],
                 "sector": "citizen", "territory": "Lac-Clair",
                 "Courriel": NEW_CONTACTS[1][0], "Téléphone": NEW_CONTACTS[2][0]})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)
    with (folder / "relations.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow([NEW_PERSON[1], "p-jardin", "supports", "", "2025", "", "",
                                     NEW_CONTACTS[3][0]])
    return folder


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """``default`` and ``public`` (compare --out, text and Markdown), their stdout as
    ``stdout-FORMAT.txt`` in them,
    ``analyze`` (analyze NEW --public --out) and ``brief`` (brief NEW --public -o)."""
    base = tmp_path_factory.mktemp("compare-privacy")
    old = copy_workspace(base / "old")
    new = copy_workspace(base / "new")
    _second_year(new)
    (new / ".graphmap-salt").unlink(missing_ok=True)
    found: dict[str, Path] = {}
    for name, extra in (("default", ()), ("public", ("--public",))):
        for fmt in ("text", "markdown"):
            out = base / name
            result = run_cli("compare", str(old), str(new), *extra, "--format", fmt,
                             "--out", str(out), salt=None)
            assert result.returncode == 0, (name, result.stderr)
            (out / f"stdout-{fmt}.txt").write_text(result.stdout, encoding="utf-8")
            # Standard error is the user's own screen (warnings name ids): not an output.
            (out / f"stderr-{fmt}.log").write_text(result.stderr, encoding="utf-8")
        found[name] = base / name
    result = run_cli("analyze", str(new), "--public", "--out", str(base / "analyze"), salt=None)
    assert result.returncode == 0, result.stderr
    found["analyze"] = base / "analyze"
    brief = base / "brief" / "note.html"
    result = run_cli("brief", str(new), "--public", "-o", str(brief), salt=None)
    assert result.returncode == 0, result.stderr
    (brief.parent / "stderr.log").write_text(result.stderr, encoding="utf-8")
    found["brief"] = brief.parent
    shutil.rmtree(old)
    return found


def test_default_mode_no_contact_value_in_compare_html_or_markdown(
        runs: dict[str, Path]) -> None:
    values = [v for v, _, _ in CONTACTS + CONTACT_PERSONS + NEW_CONTACTS]
    assert leaks(runs["default"], values, (".html", ".md")) == []
    page = (runs["default"] / "compare.html").read_text(encoding="utf-8")
    # The comparison is still there, persons named (default mode names them).
    assert any(form in page for form in forms(NEW_PERSON[0]))
    stderr = (runs["default"] / "stderr-text.log").read_text(encoding="utf-8")
    assert stderr.count("Coordonnées retenues hors du HTML") == 1
    assert "actors.Courriel" in stderr
    assert "relations.Suivi" in stderr


def test_public_compare_no_planted_value_in_any_byte(runs: dict[str, Path]) -> None:
    values = ([v for v, _, _ in ALL_PLANTED + NEW_CONTACTS] + list(PERSON_IDS)
              + list(NEW_PERSON))
    assert leaks(runs["public"], values, EVERY_OUTPUT) == []
    page = (runs["public"] / "compare.html").read_text(encoding="utf-8")
    # The change map draws the group the unique citizen is in; organisations stay named.
    assert any(f in page for f in forms("3 citoyennes et citoyens de Lac-Clair"))
    assert all(any(f in page for f in forms(org)) for org in NAMED[1:])
    markdown = (runs["public"] / "compare.md").read_text(encoding="utf-8")
    assert "Personne " in markdown
    report = json.loads((runs["public"] / "compare.json").read_text(encoding="utf-8"))
    assert report["meta"]["publication"] == {"mode": "public", "k": 2,
                                             "analysis": "full_data_then_redacted"}


def _anon(text: str) -> set[str]:
    return set(re.findall(r"anon-[0-9a-f]{12}", text))


def test_public_compare_one_pseudonym_and_one_label_per_person(runs: dict[str, Path]) -> None:
    compared = (runs["public"] / "compare.json").read_text(encoding="utf-8")
    analysed = (runs["analyze"] / "report.json").read_text(encoding="utf-8")
    # NEW's salt for both years: the pseudonyms analyze NEW --public publishes.
    assert _anon(compared)
    assert _anon(compared) <= _anon(analysed)
    names = json.loads(compared)["names"]
    labels = [names[p] for p in sorted(_anon(compared)) if p in names]
    assert labels
    assert all(label.startswith("Personne ") for label in labels)
    assert len(set(labels)) == len(labels)  # one number per person, across both years
    # The label analyze NEW --public gives too (OLD's persons gone by NEW come after).
    brokers = json.loads(analysed)["brokers"]
    shown = {b["id"]: b["name"] for b in brokers if b["id"] in names}
    assert shown
    assert all(names[pid] == label for pid, label in shown.items())


def test_public_compare_writes_both_years_logs(runs: dict[str, Path]) -> None:
    for side in ("old", "new"):
        log = json.loads((runs["public"] / f"publication-{side}.json").read_text(
            encoding="utf-8"))
        assert log["mode"] == "public"
        assert ("actors", "Courriel") in {(e["table"], e["column"]) for e in log["entries"]}
        assert (runs["public"] / f"publication-{side}.md").is_file()
    stderr = (runs["public"] / "stderr-text.log").read_text(encoding="utf-8")
    summaries = re.findall(r": (Mode public\u00a0: .*)", stderr)
    assert len(summaries) == 2, stderr
    # Counted nouns: the planted citizens make one group each year ("en 1 groupe,").
    assert all(re.fullmatch(r"Mode public\u00a0: \d+ personnes? pseudonymisées?, \d+ "
                            r"regroupées? en 1 groupe, \d+ retirées?, \d+ colonnes? "
                            r"retirées?\.", s) for s in summaries), summaries


def test_brief_public_writes_its_publication_log(runs: dict[str, Path]) -> None:
    folder = runs["brief"]
    log = json.loads((folder / "publication.json").read_text(encoding="utf-8"))
    assert log["mode"] == "public"
    assert (folder / "publication.md").is_file()
    values = [v for v, _, _ in ALL_PLANTED + NEW_CONTACTS] + list(PERSON_IDS) + [NEW_PERSON[0]]
    assert leaks(folder, values, (".html", ".md", ".json")) == []
    stderr = (folder / "stderr.log").read_text(encoding="utf-8")
    assert f"Fichier écrit\u00a0: {folder / 'publication.json'}" in stderr
