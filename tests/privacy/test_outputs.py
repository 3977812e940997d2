"""Issue 12's checks on the planted workspace, through the real CLI: in default mode no
contact value in any HTML or Markdown byte; in --public mode no planted personal value in
any output byte (JSON included); organisations still named; the publication log names every
planted item's column and rule; same input, same bytes; another salt, other pseudonyms."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from tests.privacy.conftest import run_cli
from tests.privacy.planted import (
    ALL_PLANTED,
    CONTACT_PERSONS,
    CONTACTS,
    NAMED,
    PERSON_IDS,
    WORKSPACE,
)


def forms(value: str) -> set[str]:
    """The ways a value can be written in an output: as is, HTML-escaped, inside a JSON
    string (ASCII-escaped or not, with or without escaped slashes)."""
    inner = json.dumps(value)[1:-1]
    return {value, html.escape(value), html.escape(value, quote=False), inner,
            json.dumps(value, ensure_ascii=False)[1:-1], inner.replace("/", "\\/"),
            inner.replace("\\u", "\\\\u")}


def _text(path: Path) -> str:
    """A file's text; a workbook's (a zip of XML parts) is the text of all its parts."""
    if path.suffix == ".xlsx":
        import zipfile

        with zipfile.ZipFile(path) as book:
            return "\n".join(book.read(name).decode("utf-8") for name in book.namelist())
    return path.read_text(encoding="utf-8")


def leaks(folder: Path, values: list[str], suffixes: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix not in suffixes:
            continue
        text = _text(path)
        found.extend(f"{path.name}: {value!r}" for value in values
                     if any(form in text for form in forms(value)))
    return found


#: Every kind of file an output folder may hold.
EVERY_OUTPUT = (".html", ".md", ".json", ".gexf", ".graphml", ".xlsx", ".csv", ".txt")


def test_the_fixture_plants_enough() -> None:
    """At least 20 e-mail addresses and phone numbers, in named and unnamed columns."""
    contacts = [v for v, _, _ in CONTACTS if "@" in v or re.search(r"\d{3}.\d{4}", v)]
    assert len(contacts) >= 20
    columns = {c for _, _, c in CONTACTS}
    assert {"Courriel", "Téléphone"} <= columns
    assert {"Info", "Notes", "Suivi"} <= columns
    text = "".join(p.read_text(encoding="utf-8") for p in WORKSPACE.glob("*.csv"))
    assert all(value in text for value, _, _ in ALL_PLANTED)


def test_default_mode_no_contact_value_in_html_or_markdown(outputs: dict[str, Path]) -> None:
    values = [v for v, _, _ in CONTACTS + CONTACT_PERSONS]
    assert leaks(outputs["default"], values, (".html", ".md")) == []
    # Organisations and the non-contact columns are still there.
    page = (outputs["default"] / "map.html").read_text(encoding="utf-8")
    assert any(form in page for form in forms("Coop La Grange"))
    assert any(form in page for form in forms("Partenaire du jardin"))


def test_public_mode_no_planted_value_in_any_byte(outputs: dict[str, Path]) -> None:
    values = [v for v, _, _ in ALL_PLANTED] + list(PERSON_IDS)
    for name in ("public", "render", "export"):
        assert leaks(outputs[name], values, EVERY_OUTPUT) == [], name


def test_public_mode_still_names_organisations(outputs: dict[str, Path]) -> None:
    for name in ("report.md", "report.html", "report.json"):
        text = (outputs["public"] / name).read_text(encoding="utf-8")
        missing = [org for org in NAMED[1:] if not any(f in text for f in forms(org))]
        assert missing == [], name
    markdown = (outputs["public"] / "report.md").read_text(encoding="utf-8")
    assert "Personne " in markdown or "citoyennes et citoyens" in markdown
    # The report says it is the public version, computed on the full data then redacted.
    page = (outputs["public"] / "report.html").read_text(encoding="utf-8")
    assert "calculée sur les données complètes, puis caviardée" in page
    assert "calculée sur les données complètes, puis caviardée" in markdown
    assert "Version publique" not in (outputs["default"] / "report.html").read_text(
        encoding="utf-8")


def test_the_unique_citizen_is_aggregated(outputs: dict[str, Path]) -> None:
    log = json.loads((outputs["public"] / "publication.json").read_text(encoding="utf-8"))
    assert [g["label"] for g in log["groups"]] == ["3 citoyennes et citoyens de Lac-Clair"]
    assert log["totals"]["flagged"] == 3
    assert log["totals"]["pseudonymised"] == 4
    page = (outputs["public"] / "map.html").read_text(encoding="utf-8")
    assert any(f in page for f in forms("3 citoyennes et citoyens de Lac-Clair"))


def test_the_log_names_every_planted_column_and_its_rule(outputs: dict[str, Path]) -> None:
    log = json.loads((outputs["public"] / "publication.json").read_text(encoding="utf-8"))
    entries = {(e["table"], e["column"]): e for e in log["entries"]}
    missing = sorted({(t, c) for _, t, c in ALL_PLANTED} - set(entries))
    assert missing == []
    assert all(e["rule"] and e["count"] > 0 for e in log["entries"])
    assert entries[("actors", "Courriel")]["rule"] == "header"
    assert entries[("actors", "Info")]["rule"] == "email"
    assert entries[("actors", "name")]["action"] == "replaced"
    assert ("actors", "id") in entries
    assert log["date"] == "2026-01-01"
    assert log["mode"] == "public"
    markdown = (outputs["public"] / "publication.md").read_text(encoding="utf-8")
    assert all(f"| {t} | {c} |" in markdown for t, c in entries)


def test_same_input_same_bytes(outputs: dict[str, Path]) -> None:
    first, again = outputs["public"], outputs["public_again"]
    names = sorted(p.name for p in first.iterdir())
    assert {"map.html", "publication.json", "publication.md", "report.html", "report.json",
            "report.md"} <= set(names)
    assert names == sorted(p.name for p in again.iterdir())
    for name in names:
        assert (first / name).read_bytes() == (again / name).read_bytes(), name


def _pseudonyms(folder: Path) -> list[str]:
    text = (folder / "report.json").read_text(encoding="utf-8")
    return sorted(set(re.findall(r"(?:anon|group)-[0-9a-f]{12}", text)))


def test_another_salt_other_pseudonyms(outputs: dict[str, Path]) -> None:
    ours, theirs = _pseudonyms(outputs["public"]), _pseudonyms(outputs["other_salt"])
    assert len(ours) == len(theirs) == 5  # four persons and one group
    assert set(ours).isdisjoint(theirs)


def test_the_salt_file_is_created_private_and_never_written_out(tmp_path: Path) -> None:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(WORKSPACE, ws)
    out = tmp_path / "out"
    result = run_cli("analyze", str(ws), "--public", "--out", str(out), salt=None)
    assert result.returncode == 0, result.stderr
    salt_file = ws / ".graphmap-salt"
    assert salt_file.stat().st_mode & 0o777 == 0o600
    secret = salt_file.read_text(encoding="ascii").strip()
    assert len(secret) == 64
    assert all(secret.encode() not in p.read_bytes() for p in out.iterdir())
    # The same file next time: the same pseudonyms.
    again = run_cli("analyze", str(ws), "--public", "--out", str(tmp_path / "again"), salt=None)
    assert again.returncode == 0, again.stderr
    assert _pseudonyms(out) == _pseudonyms(tmp_path / "again")


def test_included_free_text_is_scrubbed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("analyze", str(WORKSPACE), "--public", "--include-columns", "notes,Suivi",
                     "--out", str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "map.html").read_text(encoding="utf-8")
    assert any(f in page for f in forms("Appeler l'accueil au [téléphone retiré]"))
    assert any(f in page for f in forms("Rencontre avec [personne] le 3 mars"))
    values = [v for v, _, _ in ALL_PLANTED] + list(PERSON_IDS)
    assert leaks(out, values, EVERY_OUTPUT) == []
    log = json.loads((out / "publication.json").read_text(encoding="utf-8"))
    scrubbed = {(e["column"], e["rule"]) for e in log["entries"] if e["action"] == "scrubbed"}
    assert {("Notes", "phone"), ("Notes", "person_name"), ("Suivi", "email"),
            ("Suivi", "phone")} <= scrubbed
    assert log["rules"]["included_columns"] == ["Notes", "Suivi"]


def test_default_mode_include_columns_publishes_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("analyze", str(WORKSPACE), "--include-columns", "Courriel", "--out",
                     str(out))
    assert result.returncode == 0, result.stderr
    page = (out / "map.html").read_text(encoding="utf-8")
    assert any(f in page for f in forms("dons@boreale.example.org"))
    notice = [line for line in result.stderr.splitlines() if "Coordonnées retenues" in line]
    assert len(notice) == 1
    assert "actors.Courriel" not in notice[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_analyze_and_validate_say_once_what_is_held_back(lang: str) -> None:
    analyzed = run_cli("analyze", str(WORKSPACE), "--format", "markdown", "--lang", lang)
    validated = run_cli("validate", str(WORKSPACE), "--lang", lang)
    assert analyzed.returncode == 0
    assert validated.returncode == 0
    word = "Coordonnées retenues" if lang == "fr" else "Contact columns held back"
    for output in (analyzed.stderr, validated.stdout):
        lines = [line for line in output.splitlines() if word in line]
        assert len(lines) == 1, output
        assert "actors.Courriel" in lines[0]
        assert "--include-columns Courriel," in lines[0]
        assert "actors.Notes" not in lines[0]  # not a contact column: scrubbed instead


def test_unknown_include_column_is_a_usage_error_listing_the_columns(tmp_path: Path) -> None:
    for command in (("analyze", str(WORKSPACE)),
                    ("render", str(WORKSPACE), "-o", str(tmp_path / "map.html"))):
        result = run_cli(*command, "--include-columns", "Courriels", "--lang", "en")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert "unknown column Courriels" in result.stderr
        assert "Courriel, Téléphone, Personne-ressource" in result.stderr


def test_a_bad_public_value_is_a_located_error(tmp_path: Path) -> None:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(WORKSPACE, ws)
    actors = ws / "actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8").replace(
        "Hélène Bouchard,citizen,porte-parole,individual,Lac-Clair,local,,,,,,"
        "Porte-parole du comité (accepte d'être nommée),oui",
        "Hélène Bouchard,citizen,porte-parole,individual,Lac-Clair,local,,,,,,"
        "Porte-parole,peut-être"), encoding="utf-8")
    for lang, phrase in (("fr", "oui ou non"), ("en", "yes or no")):
        result = run_cli("validate", str(ws), "--lang", lang)
        assert result.returncode == 1
        assert "actors.csv:15:public: " in result.stdout
        assert phrase in result.stdout
        analyzed = run_cli("analyze", str(ws), "--public", "--lang", lang)
        assert analyzed.returncode == 1
        assert "Traceback" not in analyzed.stderr


def test_the_publish_table_of_graphmap_toml(tmp_path: Path) -> None:
    import shutil

    ws = tmp_path / "ws"
    shutil.copytree(WORKSPACE, ws)
    (ws / "graphmap.toml").write_text(
        '[analysis]\nseed = 7\n\n[publish]\ninclude_columns = ["Notes"]\nk = 2\n',
        encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("analyze", str(ws), "--public", "--out", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    log = json.loads((out / "publication.json").read_text(encoding="utf-8"))
    assert log["rules"]["included_columns"] == ["Notes"]
    page = (out / "map.html").read_text(encoding="utf-8")
    assert any(f in page for f in forms("Appeler l'accueil au [phone removed]"))
    # Default mode: Notes is no contact column; the contact columns are still held back,
    # and validate reads the same table.
    validated = run_cli("validate", str(ws), "--lang", "en")
    assert validated.returncode == 0
    assert "--include-columns Courriel," in validated.stdout
    (ws / "graphmap.toml").write_text('[publish]\ninclude_columns = ["Remarques"]\n',
                                      encoding="utf-8")
    for command in ("analyze", "validate"):
        failed = run_cli(command, str(ws), "--lang", "en")
        assert failed.returncode == 2, failed.stderr
        assert "[publish] include_columns: unknown column Remarques" in failed.stderr
    (ws / "graphmap.toml").write_text("[publish]\nk = 0\n", encoding="utf-8")
    failed = run_cli("analyze", str(ws), "--public", "--lang", "fr")
    assert failed.returncode == 1
    assert "[publish] k attend un entier >= 1" in failed.stderr
