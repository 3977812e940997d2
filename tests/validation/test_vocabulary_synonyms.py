"""The words people write for each vocabulary code (issue 15), and suggestions that never cross
meaning: a misspelt word is suggested the code of a word of the same meaning, an unrelated
word gets no suggestion rather than a wrong one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphmap.messages.vocabulary import HELD_BACK
from graphmap.schema import (
    Category,
    RelationType,
    Scope,
    Sector,
    Stage,
    Vocabulary,
    _suggestion_of,
    fold,
)
from graphmap.workspace import check_workspace

DOCS = Path(__file__).resolve().parents[2] / "docs" / "workspace-format.md"
VOCABULARIES: dict[str, type[Vocabulary]] = {
    "Sectors": Sector, "Categories": Category, "Scopes": Scope, "Stages": Stage,
    "Relation types": RelationType,
}

# The words of the issue, then the brief's: what each one reads as.
EVERYDAY_WORDS: list[tuple[type[Vocabulary], str, str]] = [
    (Sector, "Coopérative", "social_economy"),
    (Sector, "OBNL", "community"),
    (Sector, "Municipal", "public"),
    (Sector, "Philanthropie", "philanthropic"),
    (Stage, "En démarrage", "emergence"),
    (Stage, "Projet pilote", "feedback"),
    (Stage, "Projet-pilote", "feedback"),
    (RelationType, "Porteur", "carries"),
    (RelationType, "Financement", "funds"),
    (RelationType, "Partenaire", "collaborates"),
    # Sectors: the social economy and community words as docs/workspace-format.md §5 says.
    (Sector, "coop", "social_economy"),
    (Sector, "Coopératives", "social_economy"),
    (Sector, "COOPERATIVE", "social_economy"),
    (Sector, "Co-op", "social_economy"),
    (Sector, "Entreprise d'économie sociale", "social_economy"),
    (Sector, "entreprise d’économie sociale", "social_economy"),
    (Sector, "EÉS", "social_economy"),
    (Sector, "OBNL d'économie sociale", "social_economy"),
    (Sector, "Mutuelle", "social_economy"),
    (Sector, "OSBL", "community"),
    (Sector, "publique", "public"),
    (Sector, "Municipalité", "public"),
    (Category, "organisme", "organization"),
    (Category, "Organismes", "organization"),
    (Sector, "Organisme à but non lucratif", "community"),
    (Sector, "organisme sans but lucratif", "community"),
    (Sector, "Organisme communautaire", "community"),
    (Sector, "Non-profit", "community"),
    (Sector, "Syndicat", "community"),
    (Sector, "Bénévoles", "community"),
    (Sector, "Municipale", "public"),
    (Sector, "Ville", "public"),
    (Sector, "MRC", "public"),
    (Sector, "Gouvernement", "public"),
    (Sector, "Ministère", "public"),
    (Sector, "ministere", "public"),
    (Sector, "Public", "public"),
    (Sector, "Fondation", "philanthropic"),
    (Sector, "Philanthropy", "philanthropic"),
    (Sector, "Entreprise", "private"),
    (Sector, "PME", "private"),
    (Sector, "Privé", "private"),
    (Sector, "Privée", "private"),
    (Sector, "Université", "academic"),
    (Sector, "Cégep", "academic"),
    (Sector, "Recherche", "academic"),
    (Sector, "Médias", "media"),
    (Sector, "Radio communautaire", "media"),
    (Sector, "Citoyen", "citizen"),
    (Sector, "Citoyenne", "citizen"),
    (Sector, "Citoyens", "citizen"),
    (Sector, "Citoyennes", "citizen"),
    # Stages.
    (Stage, "Démarrage", "emergence"),
    (Stage, "Idéation", "emergence"),
    (Stage, "Concertation", "mobilization"),
    (Stage, "Projets pilotes", "feedback"),
    (Stage, "Pilote", "feedback"),
    (Stage, "Expérimentation", "feedback"),
    (Stage, "Mise à l'échelle", "appropriation"),
    (Stage, "mise a l echelle", "appropriation"),
    (Stage, "Déploiement", "appropriation"),
    (Stage, "Consolidation", "appropriation"),
    # Relation types: the role of the source.
    (RelationType, "porte", "carries"),
    (RelationType, "Porteuse", "carries"),
    (RelationType, "Promoteur", "carries"),
    (RelationType, "finance", "funds"),
    (RelationType, "Bailleur", "funds"),
    (RelationType, "Bailleur de fonds", "funds"),
    (RelationType, "Subvention", "funds"),
    (RelationType, "Partenaire financier", "funds"),
    (RelationType, "Partenariat", "collaborates"),
    (RelationType, "Partenaires", "collaborates"),
    (RelationType, "Collabore", "collaborates"),
    (RelationType, "Soutien", "supports"),
    (RelationType, "Accompagnement", "supports"),
    (RelationType, "Appuie", "supports"),
    (RelationType, "Partenaire de soutien", "supports"),
    (RelationType, "Membre", "member_of"),
    (RelationType, "Membre de", "member_of"),
    (RelationType, "Adopte", "adopts"),
    (RelationType, "Utilisateur", "adopts"),
    (RelationType, "Bénéficiaire", "benefits"),
    # Scopes: an MRC-wide actor is local (its territory is the MRC).
    (Scope, "Local", "local"),
    (Scope, "MRC", "local"),
    (Scope, "Municipal", "local"),
    (Scope, "Régional", "regional"),
    (Scope, "Régionale", "regional"),
    (Scope, "Provincial", "provincial"),
    (Scope, "Tout le Québec", "provincial"),
    (Scope, "National", "national"),
    (Scope, "Pancanadien", "national"),
    # Categories.
    (Category, "Organisations", "organization"),
    (Category, "Personne", "individual"),
    (Category, "Collectif", "group"),
    (Category, "Comité", "group"),
]


@pytest.mark.parametrize(("vocabulary", "word", "code"), EVERYDAY_WORDS)
def test_everyday_words_read_as_their_code(vocabulary: type[Vocabulary], word: str,
                                           code: str) -> None:
    assert vocabulary.parse(word) is vocabulary(code)


@pytest.mark.parametrize("vocabulary", list(VOCABULARIES.values()))
def test_every_spelling_reads_as_its_own_code(vocabulary: type[Vocabulary]) -> None:
    # A word listed under two codes would read as one of them: none is.
    for code, spellings in vocabulary.spellings().items():
        for spelling in spellings:
            assert vocabulary.parse(spelling) is vocabulary(code), spelling


# Misspellings of a word of the same meaning (aliases included): the right code.
MISSPELT: list[tuple[type[Vocabulary], str, str]] = [
    (Sector, "Cooperatve", "social_economy"),
    (Sector, "Coopératve", "social_economy"),
    (Sector, "Coopératif", "social_economy"),
    (Sector, "Économie socale", "social_economy"),
    (Sector, "Entreprise d'économie social", "social_economy"),
    (Sector, "Philantropie", "philanthropic"),
    (Sector, "philantropic", "philanthropic"),
    (Sector, "Fondatoin", "philanthropic"),
    (Sector, "Comunautaire", "community"),
    (Sector, "comunity", "community"),
    (Sector, "Gouvernment", "public"),
    (Sector, "Munincipalité", "public"),
    (Sector, "Publik", "public"),
    (Sector, "Entreprize", "private"),
    (Sector, "Acadmique", "academic"),
    (Sector, "Recherches", "academic"),
    (Stage, "En demarage", "emergence"),
    (Stage, "Emergance", "emergence"),
    (Stage, "Mobilisaton", "mobilization"),
    (Stage, "Projet pilotte", "feedback"),
    (Stage, "pilotte", "feedback"),
    (Stage, "fedback", "feedback"),
    (Stage, "Experimentaton", "feedback"),
    (Stage, "apropriation", "appropriation"),
    (Stage, "Deploiment", "appropriation"),
    (RelationType, "Porteure", "carries"),
    (RelationType, "Financment", "funds"),
    (RelationType, "Bailleur de fond", "funds"),
    (RelationType, "Partenair", "collaborates"),
    (RelationType, "Colabore", "collaborates"),
    (RelationType, "Accompagnemant", "supports"),
    (RelationType, "Beneficiare", "benefits"),
    (Scope, "Regionnal", "regional"),
    (Scope, "Provincal", "provincial"),
    (Scope, "Nationnal", "national"),
    (Category, "individue", "individual"),
]


@pytest.mark.parametrize(("vocabulary", "word", "code"), MISSPELT)
def test_a_misspelt_word_is_suggested_its_code(vocabulary: type[Vocabulary], word: str,
                                               code: str) -> None:
    assert vocabulary.parse(word) is None
    assert vocabulary.suggest(word) == code


# Words that look like an accepted word of another meaning, or like nothing: no suggestion.
NO_SUGGESTION: list[tuple[type[Vocabulary], str]] = [
    (Sector, "xyz"),
    (Sector, "Banque"),
    (Sector, "Hôpital"),
    (Sector, "Culture"),
    (Sector, "Environnement"),
    (Sector, "Médiation"),       # not médias
    (Sector, "Publication"),     # not public
    (Sector, "Privatisation"),   # not private
    (Sector, "Coopération"),     # not coopérative
    (Sector, "Communication"),   # not communautaire
    (Sector, "Fondateur"),       # not fondation
    (Sector, "Entrepreneur"),    # not entreprise
    (Sector, "Santé"),           # refused as ambiguous, not santé publique
    (Sector, "Éducation"),
    (Sector, "ONG"),
    (Stage, "Projet"),           # not projet pilote
    (Stage, "Pilotage"),         # a steering committee, not a pilot
    (Stage, "Évaluation"),
    (Stage, "Lancement"),
    (Stage, "Porteur"),
    (RelationType, "Poste"),     # one letter from porte, another word
    (RelationType, "Porté par"),  # passive: the relation reversed
    (RelationType, "Financé par"),
    (RelationType, "Utilise"),   # not utilisateurs
    (RelationType, "Coopérative"),
    (RelationType, "Fondateur"),
    (RelationType, "Participant"),
    (Scope, "International"),
    (Scope, "Internationale"),
    (Scope, "Québec"),
    (Scope, "Lokal"),            # five letters: no typo allowed
    (Category, "Réseau"),
    (Category, "Entreprise"),
]


@pytest.mark.parametrize(("vocabulary", "word"), NO_SUGGESTION)
def test_an_unrelated_word_gets_no_suggestion(vocabulary: type[Vocabulary], word: str) -> None:
    assert vocabulary.parse(word) is None
    assert vocabulary.suggest(word) is None


def test_cooperative_is_a_match_not_a_suggestion_of_prive() -> None:
    # The issue's case: "Coopérative" was "did you mean « privé »?".
    assert Sector.parse("Coopérative") is Sector.SOCIAL_ECONOMY
    assert Sector.suggest("Coopérative") == "social_economy"
    assert Sector.suggest("Cooperativ") == "social_economy"


def _rows(tmp_path: Path, actors: str, projects: str, relations: str) -> Path:
    for name, text in (("actors", actors), ("projects", projects), ("relations", relations)):
        (tmp_path / f"{name}.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_suggestion_messages_show_the_code_in_the_users_language(tmp_path: Path) -> None:
    folder = _rows(
        tmp_path,
        "id,name,sector\na1,Coop,Cooperatve\na2,Banque du Nord,Banque\n"
        "a3,Coop de travail,Coopération\n",
        "id,name,stage\np1,Cuisine,Projet pilotte\n",
        "source,target,type\na1,p1,Porté par\na2,p1,funds\na3,p1,supports\n",
    )
    _, issues = check_workspace(folder)
    assert [i.format("en") for i in issues] == [
        "actors.csv:2:sector: unknown sector 'Cooperatve'; did you mean 'social_economy'? "
        "(accepted: public, private, philanthropic, community, social_economy, academic, "
        "media, citizen)",
        "actors.csv:3:sector: unknown sector 'Banque' (accepted: public, private, "
        "philanthropic, community, social_economy, academic, media, citizen)",
        "actors.csv:4:sector: unknown sector 'Coopération' (accepted: public, private, "
        "philanthropic, community, social_economy, academic, media, citizen)",
        "projects.csv:2:stage: unknown stage 'Projet pilotte'; did you mean 'feedback'? "
        "(accepted: emergence, mobilization, feedback, appropriation)",
        "relations.csv:2:type: unknown relation type 'Porté par' (accepted: carries, funds, "
        "supports, adopts, benefits, collaborates, member_of)",
    ]
    assert issues[0].format("fr") == (
        "actors.csv:2:sector: secteur inconnu «\u00a0Cooperatve\u00a0»\u00a0; vouliez-vous dire "
        "«\u00a0économie sociale\u00a0»\u00a0? (valeurs\u00a0: public, privé, philanthropique, "
        "communautaire, économie sociale, universitaire, médias, citoyen)")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "GRAPHMAP"))}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "graphmap", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, check=False)


def test_a_workbook_in_everyday_words_validates_through_the_real_cli(tmp_path: Path) -> None:
    folder = _rows(
        tmp_path,
        "id,nom,secteur,catégorie,portée\n"
        "coop,Coop du Nord,Coopérative,Organisation,MRC\n"
        "cdc,CDC de la Rivière-du-Nord,OBNL,,Régionale\n"
        "ville,Ville de Lachute,Municipal,,local\n"
        "fondation,Fondation des Laurentides,Philanthropie,,régional\n"
        "pme,Boulangerie Ste-Anne,Entreprise,,\n"
        "uqo,Université du Québec en Outaouais,Université,,provincial\n"
        "marie,Marie Tremblay,Citoyenne,Individu,\n",
        "id,nom,étape\n"
        "p1,Cuisine collective,En démarrage\n"
        "p2,Jardin partagé,Projet pilote\n"
        "p3,Épicerie solidaire,Projet-pilote\n"
        "p4,Transport collectif,Mise à l'échelle\n",
        "source,cible,type\n"
        "coop,p1,Porteur\nfondation,p1,Financement\ncoop,cdc,Partenaire\n"
        "ville,p2,Accompagnement\ncdc,p3,Porteur\npme,p3,Adopte\nmarie,p3,Bénéficiaire\n"
        "coop,cdc,Membre de\nuqo,p4,Soutien\nville,p4,Porteur\nfondation,p2,Subvention\n",
    )
    done = _cli("validate", str(folder), "--lang", "fr")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        f"{folder}\u00a0: espace de travail valide (7 acteurs, 4 projets, 11 relations).",
        "Acteurs par secteur\u00a0:",
        "  public                  1",
        "  privé                   1",
        "  philanthropique         1",
        "  communautaire           1",
        "  économie sociale        1",
        "  universitaire           1",
        "  médias                  0",
        "  citoyen                 1",
        "Projets par étape\u00a0:",
        "  émergence               1",
        "  mobilisation            0",
        "  rétroaction             2",
        "  appropriation           1",
        "Relations par type\u00a0:",
        "  porte                   3",
        "  finance                 2",
        "  soutient                2",
        "  adopte                  1",
        "  bénéficie               1",
        "  collabore               1",
        "  membre                  1",
        "Avertissements\u00a0: 0",
    ]


def _doc_table(heading: str) -> dict[str, set[str]]:
    """Code -> the folded words of the "also accepted" column of one §5 table."""
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## 5. Vocabularies"):text.index("### Value formats")]
    start = section.index(f"### {heading} (")
    table = section[section.index("| code |", start):]
    table = table[:table.index("\n\n")]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0].strip("`")] = {fold(w) for w in re.findall(r"`([^`]+)`", cells[-1])}
    return rows


@pytest.mark.parametrize("heading", list(VOCABULARIES))
def test_docs_list_every_accepted_word_of_each_code(heading: str) -> None:
    vocabulary = VOCABULARIES[heading]
    expected = {code: {fold(w) for w in spellings[3:]}
                for code, spellings in vocabulary.spellings().items()}
    assert _doc_table(heading) == expected


def test_docs_name_the_words_held_back() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text[text.index("## 5. Vocabularies"):text.index("### Sectors (")]
    named = {fold(w) for w in re.findall(r"`([^`]+)`", section)}
    held = {fold(w) for codes in HELD_BACK.values() for words in codes.values() for w in words}
    assert held <= named


def test_parsing_a_million_cells_is_a_table_lookup() -> None:
    words = ["Coopérative", "OBNL", "Municipal", "public", "Philanthropie"] * 200_000
    before = _suggestion_of.cache_info()
    started = time.perf_counter()
    parsed = [Sector.parse(w) for w in words]
    elapsed = time.perf_counter() - started
    assert None not in parsed
    # No suggestion work on the clean path, whatever the data.
    assert _suggestion_of.cache_info() == before
    # A generous bound on a shared machine: about 1 µs a cell when measured (see report).
    assert elapsed < 20, elapsed


def test_an_unknown_value_on_many_rows_is_compared_once() -> None:
    Sector.suggest("Cooperatve-x")
    before = _suggestion_of.cache_info()
    for _ in range(1000):
        assert Sector.suggest("Cooperatve-x") is None
    after = _suggestion_of.cache_info()
    assert (after.misses, after.hits) == (before.misses, before.hits + 1000)
