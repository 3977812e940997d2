"""The same data saved the way French Excel saves it loads to the identical Dataset.

French Excel ("CSV (séparateur : point-virgule)") writes Windows-1252, semicolons and CRLF;
a Québec user types French headers, French vocabulary, and amounts like ``12 500,00 $``
(with Excel's no-break space as thousands separator).
"""

from __future__ import annotations

from pathlib import Path

from graphmap.schema import RelationType, Scope, Sector, Stage
from graphmap.workspace import load_workspace

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

FRENCH_EXCEL = {
    "actors.csv": [
        "id;Nom;Secteur;Type;Catégorie;Territoire;Portée",
        "a1;Centre d'entraide;Communautaire;community organisation;Organisation;"
        "Les Laurentides;Locale",
        "a2;Ville de Sainte-Adèle;PUBLIC;municipality;organisation;Les Pays-d'en-Haut;"
        "Régionale",
        "a3;Fondation du Nord;philanthropique;foundation;;;",
        ";;;;;;",
    ],
    "projects.csv": [
        "id; nom ;Étape;Thème;territoire;Début;Fin",
        "p1;Cuisine collective;Mobilisation;food security;Les Laurentides;2023;2024-06-30",
        "p2;Jardin partagé;émergence;food security | environment;;;",
    ],
    "relations.csv": [
        "Source;Cible;Type;Montant;Année;Poids;Nature",
        "a1;p1;porte;;;;",
        "a2;p1;finance;12\u00a0500,00 $;2023;;",
        "a3;p2;finance;5 000;2024;;",
        "a1;p2;Porte;;;;",
        "a2;a1;soutient;;;;knowledge",
        "a3;a2;collabore;;;2,0;",
        "",
        ";;;;;;",
    ],
}


def test_french_excel_csv_loads_to_the_same_dataset(tmp_path: Path) -> None:
    for name, lines in FRENCH_EXCEL.items():
        (tmp_path / name).write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    assert b"\xe9" in (tmp_path / "projects.csv").read_bytes()  # really Windows-1252
    french = load_workspace(tmp_path)
    english = load_workspace(FIXTURES / "good")
    assert french == english
    assert french.warnings == ()
    assert french.actors[1].sector is Sector.PUBLIC
    assert french.actors[1].scope is Scope.REGIONAL
    assert french.projects[0].stage is Stage.MOBILIZATION
    assert french.projects[1].themes == ("food security", "environment")
    assert french.relations[1].type is RelationType.FUNDS
    assert french.relations[1].amount == 12500.0
    assert french.relations[5].weight == 2.0


def test_french_excel_locations_use_the_french_headers(tmp_path: Path) -> None:
    lines = dict(FRENCH_EXCEL)
    lines["relations.csv"] = [*FRENCH_EXCEL["relations.csv"][:2], "a2;p1;finance;douze;2023;;"]
    for name, rows in lines.items():
        (tmp_path / name).write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    from graphmap.workspace import check_workspace

    dataset, issues = check_workspace(tmp_path)
    assert dataset is None
    assert [(i.code, i.file, i.row, i.column) for i in issues] == [
        ("actor.isolated", "actors.csv", 4, None),
        ("number.invalid", "relations.csv", 3, "Montant")]
    assert issues[1].format("fr") == (
        "relations.csv:3:Montant: «\u00a0douze\u00a0» n'est pas un nombre (exemples\u00a0: 12500, "
        "12 500, 12 500,50, 12 500 $)")
