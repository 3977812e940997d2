"""The rules of the publication step, one at a time, on small hand-built datasets."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphmap.errors import ConfigError, GraphmapError, UsageError
from graphmap.model.dataset import Dataset
from graphmap.model.records import Actor, Project, Relation
from graphmap.privacy import PublishPolicy, contact_columns, hold_back, publish, resolve_columns
from graphmap.privacy.columns import contact_header
from graphmap.privacy.pseudonyms import Salt
from graphmap.privacy.scrub import find_contacts
from graphmap.privacy.settings import policy_from_mapping
from graphmap.schema import Category, RelationType, Sector, Stage

SALT = Salt(b"sel", "env")


@pytest.mark.parametrize("header", [
    "Courriel", "Adresse courriel", "E-mail", "email", "Téléphone", "tel.", "Phone number",
    "Cellulaire", "Personne-ressource", "Contact", "Adresse", "Street address", "Code postal",
    "Postal code", "Fax", "Télécopieur", "No tél",
])
def test_contact_headers_in_french_and_english(header: str) -> None:
    assert contact_header(header)


@pytest.mark.parametrize("header", ["Site web", "Notes", "Programme", "Territoire desservi",
                                    "Téléthon", "Contactless"])
def test_other_headers_are_not_contact_headers(header: str) -> None:
    assert not contact_header(header)


@pytest.mark.parametrize(("text", "kind"), [
    ("marie-eve.roy@exemple.qc.ca", "email"), ("819 555-0142", "phone"),
    ("(450) 555-0199", "phone"), ("+1 514.555.0100", "phone"), ("1-800-555-0123", "phone"),
    ("4505550199", "phone"), ("819-555-0107 poste 22", "phone"), ("J7Z 1A1", "postal_code"),
    ("h2x1y4", "postal_code"),
])
def test_contact_values(text: str, kind: str) -> None:
    assert find_contacts(f"voir {text}.") == [(kind, text)]


@pytest.mark.parametrize("text", ["Budget 2024 : 12 500 $", "2019-2024", "1 250 000 $",
                                  "ISBN 978-2-89544-123-4", "D0A 1B2", "projet 123-4567"])
def test_not_contact_values(text: str) -> None:
    assert find_contacts(text) == []


def _people() -> Dataset:
    org = Actor("org", "Centre Amos", Sector.COMMUNITY, territory="Amos")
    citizens = tuple(Actor(f"c{i}", f"Citoyen{i} Nom{i}", Sector.CITIZEN, territory=t)
                     for i, t in enumerate(("Amos", "Amos", "Amos", "Amos", "Val-d'Or")))
    consultant = Actor("x", "Xavier Consultant", Sector.PRIVATE, category=Category.INDIVIDUAL,
                       territory="Amos", extra={"public": "non"})
    project = Project("p", "Projet de Citoyen0 Nom0", Stage.EMERGENCE, territory="Amos")
    relations = (Relation("org", "p", RelationType.CARRIES),
                 Relation("c0", "p", RelationType.SUPPORTS),
                 Relation("c1", "p", RelationType.SUPPORTS),
                 Relation("c2", "org", RelationType.MEMBER_OF),
                 Relation("c3", "org", RelationType.COLLABORATES),
                 Relation("x", "p", RelationType.FUNDS, amount=100.0))
    return Dataset((org, *citizens, consultant), (project,), relations)


def test_unique_profiles_are_aggregated_by_territory_and_pooled() -> None:
    result = publish(_people(), None, policy=PublishPolicy(), included=frozenset(),
                     salt=SALT, lang="fr", date="2026-01-01")
    labels = [a.name for a in result.dataset.actors]
    # c0 and c1 share a profile; c2, c3 are unique in Amos; c4 alone in Val-d'Or joins the
    # largest group; x (public = non) is unique too.
    assert labels[0] == "Centre Amos"
    assert sorted(n for n in labels if n.startswith("Personne")) == ["Personne 1", "Personne 2"]
    assert [n for n in labels if "plusieurs" in n] == ["4 personnes de plusieurs territoires"]
    assert result.dataset.project_by_id["p"].name == "Projet de Personne 1" or \
        result.dataset.project_by_id["p"].name == "Projet de Personne 2"
    assert result.log.totals["flagged"] == 4
    assert result.log.totals["aggregated"] == 4


def test_french_elision_and_english_group_labels() -> None:
    citizens = tuple(Actor(f"c{i}", f"C{i}", Sector.CITIZEN, territory="Amos")
                     for i in range(2))
    ds = Dataset(citizens, (), (Relation("c0", "c1", RelationType.COLLABORATES),))
    fr = publish(ds, None, policy=PublishPolicy(), included=frozenset(), salt=SALT,
                 lang="fr", date="2026-01-01")
    en = publish(ds, None, policy=PublishPolicy(), included=frozenset(), salt=SALT,
                 lang="en", date="2026-01-01")
    assert [a.name for a in fr.dataset.actors] == ["2 citoyennes et citoyens d'Amos"]
    assert [a.name for a in en.dataset.actors] == ["2 citizens of Amos"]
    # Ties inside a group are not drawn.
    assert fr.dataset.relations == ()


def test_a_lone_unique_person_is_left_out() -> None:
    ds = Dataset((Actor("o", "Org", Sector.PUBLIC), Actor("c", "Claire Roy", Sector.CITIZEN)),
                 (), (Relation("c", "o", RelationType.COLLABORATES),))
    result = publish(ds, None, policy=PublishPolicy(), included=frozenset(), salt=SALT,
                     lang="en", date="2026-01-01")
    assert [a.name for a in result.dataset.actors] == ["Org"]
    assert result.dataset.relations == ()
    assert result.log.totals["removed"] == 1


def test_aggregate_false_keeps_flagged_persons_under_a_pseudonym() -> None:
    ds = Dataset((Actor("o", "Org", Sector.PUBLIC), Actor("c", "Claire Roy", Sector.CITIZEN)),
                 (), (Relation("c", "o", RelationType.COLLABORATES),))
    result = publish(ds, None, policy=PublishPolicy(aggregate=False), included=frozenset(),
                     salt=SALT, lang="en", date="2026-01-01")
    assert [a.name for a in result.dataset.actors] == ["Org", "Person 1"]
    assert ("flagged", "k_anonymity") in {(e.action, e.rule) for e in result.log.entries}


def test_default_mode_holds_back_by_header_and_content_and_scrubs_the_rest() -> None:
    actors = tuple(Actor(f"a{i}", f"A{i}", Sector.PUBLIC, extra={
        "Téléphone": "n/a", "Info": f"info{i}@a.ca", "Notes": note, "public": "oui"})
        for i, note in enumerate(("écrire à x@y.ca", "partenaire", "depuis 2010")))
    shown, held = hold_back(Dataset(actors), lang="en")
    assert [(c.column, c.rule) for c in held] == [("Téléphone", "header"), ("Info", "email")]
    assert [dict(a.extra) for a in shown.actors] == [
        {"Notes": "écrire à [e-mail removed]"}, {"Notes": "partenaire"},
        {"Notes": "depuis 2010"}]
    assert contact_columns(shown) == ()
    kept, _ = hold_back(Dataset(actors), frozenset({"Info"}), lang="en")
    assert kept.actors[0].extra["Info"] == "info0@a.ca"


def test_include_columns_match_any_case_and_unknown_ones_are_usage_errors() -> None:
    ds = Dataset((Actor("a", "A", Sector.PUBLIC, extra={"Courriel": "x", "Notes": "y"}),))
    assert resolve_columns(ds, ["courriel", "NOTES"], option="--include-columns") == {
        "Courriel", "Notes"}
    with pytest.raises(UsageError) as caught:
        resolve_columns(ds, ["Couriel"], option="--include-columns")
    assert caught.value.exit_code == 2
    assert caught.value.render("fr") == (
        "--include-columns\u00a0: colonne inconnue Couriel\u00a0; colonnes de l'espace de "
        "travail\u00a0: Courriel et Notes.")


def test_the_publish_table() -> None:
    assert policy_from_mapping({}) == PublishPolicy()
    assert policy_from_mapping({"publish": {"include_columns": ["Notes"], "k": 3,
                                            "aggregate": False}}) == PublishPolicy(
        ("Notes",), 3, False)
    for bad in ({"k": 0}, {"k": "2"}, {"aggregate": "yes"}, {"include_columns": "Notes"},
                {"include_column": ["Notes"]}):
        with pytest.raises(ConfigError):
            policy_from_mapping({"publish": bad})


def test_the_salt_lives_beside_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                             ) -> None:
    from graphmap.privacy.pseudonyms import load_salt, salt_path

    book = tmp_path / "ecosysteme.xlsx"
    book.write_bytes(b"")
    folder = tmp_path / "ws"
    folder.mkdir()
    assert salt_path(book) == tmp_path / ".graphmap-salt"
    assert salt_path(folder) == folder / ".graphmap-salt"
    monkeypatch.delenv("GRAPHMAP_SALT", raising=False)
    first = load_salt(book)
    assert first.source == "file"
    assert (tmp_path / ".graphmap-salt").stat().st_mode & 0o777 == 0o600
    assert load_salt(book) == first
    assert first.secret.decode() not in repr(first)
    monkeypatch.setenv("GRAPHMAP_SALT", "  mon sel  ")
    assert load_salt(book) == Salt(b"mon sel", "env")
    (folder / ".graphmap-salt").write_text("\n", encoding="utf-8")
    monkeypatch.delenv("GRAPHMAP_SALT")
    with pytest.raises(GraphmapError, match="unreadable or empty"):
        load_salt(folder)
