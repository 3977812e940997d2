"""Messages of the validation area: issues found in a workspace, validate and init."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- the "did you mean" clause (graphmap.load.issues.did_you_mean) that fills {suggestion}
    "validation.did_you_mean": {
        "fr": " ; vouliez-vous dire « {suggestion} » ?",
        "en": "; did you mean '{suggestion}'?",
    },
    # -- usage errors (exit 2) and unreadable workspaces -------------------------------------
    "validation.path_missing": {
        "fr": "{path} n'existe pas. Donnez un dossier contenant actors.csv, projects.csv et relations.csv, un classeur .xlsx ou un fichier .json.",
        "en": "{path} does not exist. Give a folder holding actors.csv, projects.csv and relations.csv, an .xlsx workbook or a .json file.",
    },
    "validation.path_xls": {
        "fr": "{path} est un ancien classeur .xls : enregistrez-le au format .xlsx (Fichier > Enregistrer sous > Classeur Excel), puis relancez.",
        "en": "{path} is an old .xls workbook: save it as .xlsx (File > Save As > Excel Workbook), then run again.",
    },
    "validation.path_csv": {
        "fr": "{path} est un seul fichier CSV ; un espace de travail est le dossier qui contient les trois (essayez : {folder}).",
        "en": "{path} is a single CSV file; a workspace is the folder holding all three (try: {folder}).",
    },
    "validation.path_unsupported": {
        "fr": "{path} n'est pas un espace de travail : il faut un dossier de CSV, un classeur .xlsx ou un fichier .json.",
        "en": "{path} is not a workspace: expected a folder of CSV files, an .xlsx workbook or a .json file.",
    },
    "validation.unreadable": {
        "fr": "Impossible de lire {path} : {detail}",
        "en": "Cannot read {path}: {detail}",
    },
    "validation.bad_workbook": {
        "fr": "{path} n'est pas un classeur .xlsx lisible (fichier endommagé ou d'un autre format).",
        "en": "{path} is not a readable .xlsx workbook (damaged, or another format).",
    },
    # -- workspace structure -------------------------------------------------------------------
    "issue.workspace.missing_file": {
        "fr": "aucun fichier {names} dans {folder}\u00a0; {found}{candidates}{suggestion}",
        "en": "no file {names} in {folder}; {found}{candidates}{suggestion}",
    },
    "issue.workspace.file_guessed": {
        "fr": "fichier lu comme table {table} (ses colonnes {columns})\u00a0; renommez-le {rename} pour ne plus voir cet avertissement",
        "en": "file read as the {table} table (its columns {columns}); rename it {rename} to stop seeing this warning",
    },
    "issue.workspace.wrong_format": {
        "fr": "{file} est introuvable, mais il y a {found} : enregistrez-le en « CSV UTF-8 » sous le nom {file}",
        "en": "{file} is missing, but there is {found}: save it as 'CSV UTF-8' named {file}",
    },
    "issue.workspace.missing_sheet": {
        "fr": "aucune feuille {names} dans le classeur\u00a0; {found}{candidates}{suggestion}",
        "en": "no sheet {names} in the workbook; {found}{candidates}{suggestion}",
    },
    "issue.workspace.sheet_guessed": {
        "fr": "feuille lue comme table {table} (ses colonnes {columns})\u00a0; renommez-la {rename} pour ne plus voir cet avertissement",
        "en": "sheet read as the {table} table (its columns {columns}); rename it {rename} to stop seeing this warning",
    },
    "issue.workspace.missing_table": {
        "fr": "aucune clé {names} dans l'objet (il faut les clés actors, projects et relations)\u00a0; {found}{candidates}{suggestion}",
        "en": "no key {names} in the object (expected the keys actors, projects and relations); {found}{candidates}{suggestion}",
    },
    "issue.workspace.key_guessed": {
        "fr": "clé lue comme table {table} (ses colonnes {columns})\u00a0; renommez-la {rename} pour ne plus voir cet avertissement",
        "en": "key read as the {table} table (its columns {columns}); rename it {rename} to stop seeing this warning",
    },
    # -- files ----------------------------------------------------------------------------------
    "issue.file.empty": {
        "fr": "le fichier est vide ; la ligne 1 doit contenir les noms des colonnes",
        "en": "the file is empty; row 1 must hold the column names",
    },
    "issue.file.encoding": {
        "fr": "octets illisibles à la ligne {line} (ni UTF-8 ni Windows-1252) : réenregistrez le fichier en « CSV UTF-8 »",
        "en": "unreadable bytes on line {line} (neither UTF-8 nor Windows-1252): save the file again as 'CSV UTF-8'",
    },
    "issue.file.is_workbook": {
        "fr": "{file} est un classeur Excel renommé en .csv : dans Excel, choisissez Enregistrer sous > « CSV UTF-8 »",
        "en": "{file} is an Excel workbook renamed to .csv: in Excel, use Save As > 'CSV UTF-8'",
    },
    "issue.file.is_xls": {
        "fr": "{file} est un ancien classeur .xls renommé en .csv : dans Excel, choisissez Enregistrer sous > « CSV UTF-8 »",
        "en": "{file} is an old .xls workbook renamed to .csv: in Excel, use Save As > 'CSV UTF-8'",
    },
    "issue.file.csv_syntax": {
        "fr": "CSV illisible à partir d'ici ({detail}){unread} ; vérifiez les guillemets",
        "en": "unreadable CSV from here on ({detail}){unread}; check the quotes",
    },
    "issue.file.bad_sheet": {
        "fr": "feuille illisible à partir d'ici (classeur endommagé) : ouvrez-le dans Excel et réenregistrez-le",
        "en": "unreadable sheet from here on (damaged workbook): open it in Excel and save it again",
    },
    "issue.file.json_syntax": {
        "fr": "JSON invalide à la ligne {line}, colonne {col} : {detail}",
        "en": "invalid JSON at line {line}, column {col}: {detail}",
    },
    "issue.json.not_object": {
        "fr": "le fichier doit contenir un objet aux clés actors, projects et relations, chacune une liste d'objets",
        "en": "the file must hold an object with the keys actors, projects and relations, each a list of objects",
    },
    "issue.json.not_list": {
        "fr": "« {table} » doit être une liste d'objets",
        "en": "'{table}' must be a list of objects",
    },
    "issue.json.record_not_object": {
        "fr": "cet élément doit être un objet dont les clés sont les colonnes",
        "en": "this item must be an object whose keys are the columns",
    },
    # -- headers ----------------------------------------------------------------------------------
    "issue.header.below_title": {
        "fr": "la ligne {header_row} est lue comme ligne d'en-têtes\u00a0; {above}",
        "en": "row {header_row} is read as the header row; {above}",
    },
    "issue.header.not_first_row": {
        "fr": "cette ligne, au-dessus de la ligne d'en-têtes {header_row}, contient {count} cellules remplies\u00a0: ce n'est pas un titre, elle ne peut pas être lue\u00a0; supprimez-la ou déplacez ses valeurs sous les en-têtes (au-dessus des en-têtes, une ligne ne peut contenir qu'une cellule remplie, un titre)",
        "en": "this row, above the header row {header_row}, holds {count} filled cells: it is not a title and cannot be read; delete it or move its values below the headers (above the headers, a row may hold only one filled cell, a title)",
    },
    "issue.header.blank": {
        "fr": "la ligne 1 est vide et aucune des {limit} premières lignes ne contient les noms des colonnes\u00a0: mettez-les dans la première ligne remplie",
        "en": "row 1 is empty and none of the first {limit} rows holds the column names: put them in the first filled row",
    },
    "issue.column.missing": {
        "fr": "colonne obligatoire {column} absente{also}",
        "en": "required column {column} is missing{also}",
    },
    "issue.column.duplicate": {
        "fr": "la colonne « {header} » répète « {first} » ; gardez-en une seule",
        "en": "column '{header}' repeats '{first}'; keep only one",
    },
    "issue.column.unknown_typo": {
        "fr": "colonne inconnue « {header} », gardée comme attribut{suggestion}",
        "en": "unknown column '{header}', kept as an attribute{suggestion}",
    },
    "issue.column.unnamed": {
        "fr": {"one": "la colonne {position} n'a pas de nom mais contient « {value} » ({count} valeur, ligne {last}) : elle n'est pas lue ; donnez un nom à la colonne à la ligne {header_row}", "other": "la colonne {position} n'a pas de nom mais contient « {value} » ({count} valeurs, jusqu'à la ligne {last}) : aucune n'est lue ; donnez un nom à la colonne à la ligne {header_row}"},
        "en": {"one": "column {position} has no name but holds '{value}' ({count} value, row {last}): it is not read; give the column a name in row {header_row}", "other": "column {position} has no name but holds '{value}' ({count} values, down to row {last}): none is read; give the column a name in row {header_row}"},
    },
    # -- values -----------------------------------------------------------------------------------
    "issue.value.missing": {
        "fr": "valeur obligatoire manquante dans « {header} »",
        "en": "required value missing in '{header}'",
    },
    "issue.id.duplicate": {
        "fr": "l'identifiant « {id} » est déjà utilisé ({first_file}, ligne {first_row}) ; les identifiants sont uniques parmi les acteurs et les projets",
        "en": "id '{id}' is already used ({first_file}, row {first_row}); ids are unique across actors and projects",
    },
    "issue.sector.unknown": {
        "fr": "secteur inconnu « {value} »{suggestion} (valeurs : {accepted})",
        "en": "unknown sector '{value}'{suggestion} (accepted: {accepted})",
    },
    "issue.category.unknown": {
        "fr": "catégorie inconnue « {value} »{suggestion} (valeurs : {accepted})",
        "en": "unknown category '{value}'{suggestion} (accepted: {accepted})",
    },
    "issue.scope.unknown": {
        "fr": "portée inconnue « {value} »{suggestion} (valeurs : {accepted})",
        "en": "unknown scope '{value}'{suggestion} (accepted: {accepted})",
    },
    "issue.stage.unknown": {
        "fr": "étape inconnue « {value} »{suggestion} (valeurs : {accepted})",
        "en": "unknown stage '{value}'{suggestion} (accepted: {accepted})",
    },
    "issue.relation_type.unknown": {
        "fr": "type de relation inconnu « {value} »{suggestion} (valeurs : {accepted})",
        "en": "unknown relation type '{value}'{suggestion} (accepted: {accepted})",
    },
    "issue.reference.unknown": {
        "fr": "« {id} » n'est ni un acteur ni un projet{suggestion}",
        "en": "'{id}' is neither an actor nor a project{suggestion}",
    },
    "issue.relation.self": {
        "fr": "« {id} » est relié à lui-même",
        "en": "'{id}' is related to itself",
    },
    "issue.relation.source_is_project": {
        "fr": "la source « {id} » est un projet ; une relation part toujours d'un acteur",
        "en": "source '{id}' is a project; a relation always starts from an actor",
    },
    "issue.relation.needs_actor_target": {
        "fr": "« {type} » relie deux acteurs, mais « {id} » est un projet",
        "en": "'{type}' links two actors, but '{id}' is a project",
    },
    "issue.relation.needs_project_target": {
        "fr": "« {type} » relie un acteur à un projet, mais « {id} » est un acteur",
        "en": "'{type}' links an actor to a project, but '{id}' is an actor",
    },
    "issue.number.invalid": {
        "fr": "« {value} » n'est pas un nombre (exemples : 12500, 12 500, 12 500,50, 12 500 $)",
        "en": "'{value}' is not a number (examples: 12500, 12 500, 12,500.50, 12 500 $)",
    },
    "issue.amount.negative": {
        "fr": "montant négatif « {value} » ; un montant est positif ou nul",
        "en": "negative amount '{value}'; an amount is zero or more",
    },
    "issue.amount.not_funds": {
        "fr": "montant sur une relation « {type} » : il est gardé, mais seules les relations « finance » portent de l'argent dans les analyses",
        "en": "amount on a '{type}' relation: it is kept, but only 'funds' relations carry money in the analyses",
    },
    "issue.weight.not_positive": {
        "fr": "poids « {value} » : un poids doit être supérieur à zéro",
        "en": "weight '{value}': a weight must be greater than zero",
    },
    "issue.year.invalid": {
        "fr": "« {value} » n'est pas une année (AAAA, par exemple 2023)",
        "en": "'{value}' is not a year (YYYY, for example 2023)",
    },
    "issue.date.invalid": {
        "fr": "« {value} » n'est pas une date AAAA-MM-JJ ni une année AAAA",
        "en": "'{value}' is not a YYYY-MM-DD date nor a YYYY year",
    },
    "issue.date.end_before_start": {
        "fr": "la fin ({end}) précède le début ({start})",
        "en": "end ({end}) is before start ({start})",
    },
    # -- warnings ---------------------------------------------------------------------------------
    "issue.relation.duplicate": {
        "fr": "relation identique à celle de la ligne {first_row}",
        "en": "same relation as row {first_row}",
    },
    "issue.actor.isolated": {
        "fr": "l'acteur « {id} » n'a aucune relation",
        "en": "actor '{id}' has no relation",
    },
    "issue.territory.undeclared": {
        "fr": "le territoire « {value} » n'est pas déclaré dans {table}{suggestion} ; il est gardé tel quel et ne s'emboîte dans aucun autre",
        "en": "territory '{value}' is not declared in {table}{suggestion}; it is kept as written and nests in no other",
    },
    # -- territories table (errors) -----------------------------------------------------------
    "issue.territory.duplicate_id": {
        "fr": "le territoire « {id} » est déjà déclaré à la ligne {first_row}",
        "en": "territory '{id}' is already declared at row {first_row}",
    },
    "issue.territory.duplicate_name": {
        "fr": "le nom « {name} » est déjà celui du territoire de la ligne {first_row} (les noms sont comparés sans tenir compte des majuscules ni des accents)",
        "en": "the name '{name}' is already that of the territory at row {first_row} (names are compared ignoring case and accents)",
    },
    "issue.territory.name_is_id": {
        "fr": "le nom « {name} » est l'identifiant du territoire de la ligne {other_row} : une valeur « {name} » désignerait deux territoires",
        "en": "the name '{name}' is the id of the territory at row {other_row}: a value '{name}' would name two territories",
    },
    "issue.territory.unknown_parent": {
        "fr": "le territoire parent « {value} » n'est pas déclaré (ni identifiant ni nom){suggestion}",
        "en": "parent territory '{value}' is not declared (neither an id nor a name){suggestion}",
    },
    "issue.territory.cycle": {
        "fr": "les parents forment une boucle (chaque territoire est dans le suivant, le dernier dans le premier) : {rows}",
        "en": "the parents form a loop (each territory lies in the next, the last in the first): {rows}",
    },
}
MESSAGES.update({
    "validation.territory_cycle_item": {
        "fr": "ligne {row} ({name})",
        "en": "row {row} ({name})",
    },
    "validation.export_encoding": {
        "fr": "Le texte « {text} » ne peut pas s'écrire en {encoding} ; choisissez UTF-8.",
        "en": "The text '{text}' cannot be written in {encoding}; use UTF-8.",
    },
    "validation.export_illegal_char": {
        "fr": "La table {table} contient un caractère de contrôle qu'un classeur .xlsx ne peut pas contenir.",
        "en": "Table {table} holds a control character an .xlsx workbook cannot hold.",
    },
})
MESSAGES.update({
    # -- graphmap validate ----------------------------------------------------------------------
    "validation.cli.validate_short": {
        "fr": "Vérifier un espace de travail et résumer son contenu.",
        "en": "Check a workspace and summarise what it holds.",
    },
    "validation.cli.validate_help": {
        "fr": (
            "Vérifier l'espace de travail WORKSPACE (dossier de CSV, classeur .xlsx ou fichier "
            ".json) et résumer son contenu : acteurs par secteur, projets par étape, relations "
            "par type, avertissements.\n\n"
            "S'il y a des erreurs, les liste toutes, une par ligne, sous la forme "
            "FICHIER:LIGNE:COLONNE: message (avertissements compris), et sort avec le code 1. "
            "Code 0 : valide ; 2 : mauvaise utilisation.\n\n"
            "\b\nExemple :\n  graphmap validate examples/laurentides --lang fr"
        ),
        "en": (
            "Check the workspace WORKSPACE (a folder of CSV files, an .xlsx workbook or a .json "
            "file) and summarise it: actors by sector, projects by stage, relations by type, "
            "warnings.\n\n"
            "When there are errors, list every one of them, one per line, as "
            "FILE:ROW:COLUMN: message (warnings too), and exit with status 1. Status 0: valid; "
            "2: usage error.\n\n"
            "\b\nExample:\n  graphmap validate examples/laurentides"
        ),
    },
    "validation.cli.valid": {
        "fr": "{path} : espace de travail valide ({actors}, {projects}, {relations}).",
        "en": "{path}: valid workspace ({actors}, {projects}, {relations}).",
    },
    "validation.cli.by_sector": {"fr": "Acteurs par secteur :", "en": "Actors by sector:"},
    "validation.cli.by_stage": {"fr": "Projets par étape :", "en": "Projects by stage:"},
    "validation.cli.by_type": {"fr": "Relations par type :", "en": "Relations by type:"},
    "validation.cli.warnings": {"fr": "Avertissements : {count}", "en": "Warnings: {count}"},
    "validation.cli.territories": {"fr": "Territoires déclarés : {count}",
                                   "en": "Declared territories: {count}"},
    # -- graphmap init ----------------------------------------------------------------------------
    "validation.cli.init_short": {
        "fr": "Créer un espace de travail modèle (trois CSV et un README).",
        "en": "Create a template workspace (three CSV files and a README).",
    },
    "validation.cli.init_help": {
        "fr": (
            "Créer dans DIRECTORY un espace de travail modèle : actors.csv, projects.csv et "
            "relations.csv avec leurs en-têtes et quelques lignes d'exemple, et un README.md "
            "qui explique chaque colonne et chaque valeur. Avec --lang fr, en-têtes et valeurs "
            "sont en français. Aucun fichier existant n'est écrasé.\n\n"
            "\b\nExemple :\n  graphmap init mon-ecosysteme --lang fr\n"
            "  graphmap validate mon-ecosysteme"
        ),
        "en": (
            "Create a template workspace in DIRECTORY: actors.csv, projects.csv and "
            "relations.csv with their headers and a few example rows, and a README.md "
            "explaining every column and value. With --lang fr, headers and values are in "
            "French. Existing files are never overwritten.\n\n"
            "\b\nExample:\n  graphmap init my-ecosystem --lang en\n"
            "  graphmap validate my-ecosystem"
        ),
    },
    "validation.cli.init_done": {
        "fr": "Espace de travail créé dans {path}. Remplacez les exemples par vos données, puis : graphmap validate {path}",
        "en": "Workspace created in {path}. Replace the examples with your data, then: graphmap validate {path}",
    },
    "validation.init_exists": {
        "fr": "{path} contient déjà {files} : rien n'a été écrit. Choisissez un autre dossier.",
        "en": "{path} already holds {files}: nothing was written. Choose another folder.",
    },
    "validation.init_not_dir": {
        "fr": "{path} existe et n'est pas un dossier.",
        "en": "{path} exists and is not a folder.",
    },
    # -- the example rows of graphmap init ----------------------------------------------------------
    "validation.template.website_column": {"fr": "site web", "en": "website"},
    "validation.template.a1_name": {"fr": "Centre communautaire des Monts", "en": "Mountain Community Centre"},
    "validation.template.a1_type": {"fr": "organisme communautaire", "en": "community organisation"},
    "validation.template.a3_name": {"fr": "Fondation du Nord", "en": "Northern Foundation"},
    "validation.template.a3_type": {"fr": "fondation", "en": "foundation"},
    "validation.template.a4_name": {"fr": "Cégep régional", "en": "Regional college"},
    "validation.template.a4_type": {"fr": "cégep", "en": "college"},
    "validation.template.p1_name": {"fr": "Cuisine collective", "en": "Community kitchen"},
    "validation.template.p2_name": {"fr": "Jardin partagé", "en": "Shared garden"},
    "validation.template.theme_food": {"fr": "sécurité alimentaire", "en": "food security"},
    "validation.template.theme_environment": {"fr": "environnement", "en": "environment"},
    "validation.template.kind_knowledge": {"fr": "connaissances", "en": "knowledge"},
    "validation.template.readme": {
        "fr": """# Espace de travail graphmap

Trois fichiers décrivent votre écosystème : `actors.csv` (les acteurs), `projects.csv` (les
projets) et `relations.csv` (qui fait quoi avec qui). Remplacez les lignes d'exemple par
vos données (dans Excel : Enregistrer sous > « CSV UTF-8 » ou « CSV (séparateur :
point-virgule) »), puis vérifiez :

    graphmap validate .

La ligne 1 de chaque fichier contient les noms des colonnes (en français ou en anglais,
majuscules et accents indifférents). Les colonnes que graphmap ne connaît pas sont
gardées telles quelles et apparaissent dans les rapports et la carte (ici : `site web`).

## actors.csv : les acteurs
| colonne | obligatoire | contenu |
|---|---|---|
| `id` | conseillé | identifiant court et unique parmi les acteurs **et** les projets (ex. `a1`) ; vide ou sans colonne `id`, il est tiré du nom (avec un avertissement) |
| `nom` | oui | nom affiché |
| `secteur` | oui | {sectors} |
| `type` | non | sorte d'acteur en texte libre : ministère, mrc, fondation, cld, université… |
| `catégorie` | non | {categories} (par défaut : organisation) |
| `territoire` | non | MRC ou municipalité où l'acteur est situé |
| `portée` | non | {scopes} (par défaut : locale) : jusqu'où l'acteur agit ; une portée locale se limite à son territoire |

## projects.csv : les projets
| colonne | obligatoire | contenu |
|---|---|---|
| `id` | conseillé | identifiant unique (ex. `p1`) ; vide ou sans colonne `id`, il est tiré du nom |
| `nom` | oui | nom du projet |
| `étape` | oui | {stages} (aussi `pilote` pour rétroaction et `adoption` pour appropriation) |
| `thème` | non | besoin social visé ; plusieurs thèmes séparés par `;` ou `|` |
| `territoire` | non | territoire du projet |
| `début`, `fin` | non | date (`2024-09-15`, `15/09/2024`, `15 septembre 2024`), mois (`septembre 2024`) ou année AAAA ; la fin ne précède pas le début |

Les étapes se cumulent : une émergence a un porteur ; la mobilisation réunit des secteurs
variés ; la rétroaction (projet pilote) se fait avec des preneurs ; à l'appropriation,
les preneurs intègrent la nouveauté.

## relations.csv : les relations
| colonne | obligatoire | contenu |
|---|---|---|
| `source` | oui | `id` d'un acteur (ou son nom exact) |
| `cible` | oui | `id` (ou nom exact) d'un projet ou d'un autre acteur |
| `type` | oui | acteur → projet : {actor_project} ; acteur → acteur : {actor_actor} |
| `montant` | non | pour `finance` seulement, positif ou nul, en dollars canadiens : `12500`, `12 500`, `12 500,50`, `12 500 $`, `10 k$`, `1,5 M$` |
| `année` | non | année AAAA (une période `2024-2025` compte pour sa première année) |
| `poids` | non | nombre plus grand que zéro (par défaut 1) : l'intensité du lien |
| `nature` | non | pour `soutient` : connaissances, promotion, documentation, crédibilité, expertise, réseau… |

`porte` : l'acteur porte le projet (porteur) ; `finance` : bailleur de fonds ;
`soutient` : partenaire de soutien ; `adopte` : preneur qui intègre la pratique ;
`bénéficie` : preneur qui en profite directement ; `collabore` et `membre` relient deux
acteurs.

## Erreurs
`graphmap validate` liste tous les problèmes d'un coup, sous la forme
`FICHIER:LIGNE:COLONNE: message` (la ligne telle qu'affichée dans le tableur, en-tête =
ligne 1), avec une suggestion quand il y en a une.
""",
        "en": """# graphmap workspace

Three files describe your ecosystem: `actors.csv` (the actors), `projects.csv` (the
projects) and `relations.csv` (who does what with whom). Replace the example rows with
your data (in Excel: Save As > 'CSV UTF-8'), then check it:

    graphmap validate .

Row 1 of each file holds the column names (English or French, any case, with or without
accents). Columns graphmap does not know are kept as they are and shown in the reports
and on the map (here: `website`).

## actors.csv: the actors
| column | required | content |
|---|---|---|
| `id` | advised | short id, unique across actors **and** projects (e.g. `a1`); blank or without an `id` column, it is made from the name (with a warning) |
| `name` | yes | display name |
| `sector` | yes | {sectors} |
| `type` | no | free-text kind of actor: ministry, mrc, foundation, cld, university... |
| `category` | no | {categories} (default: organization) |
| `territory` | no | the MRC or municipality where the actor is |
| `scope` | no | {scopes} (default: local): how far the actor acts; a local actor acts only in its own territory |

## projects.csv: the projects
| column | required | content |
|---|---|---|
| `id` | advised | unique id (e.g. `p1`); blank or without an `id` column, it is made from the name |
| `name` | yes | project name |
| `stage` | yes | {stages} (also `pilot` for feedback and `adoption` for appropriation) |
| `theme` | no | the social need addressed; several themes separated by `;` or `|` |
| `territory` | no | the project's territory |
| `start`, `end` | no | a date (`2024-09-15`, `15/09/2024`, `September 15, 2024`), a month (`September 2024`) or a YYYY year; the end is not before the start |

Stages are cumulative: emergence has a carrier; mobilization brings diverse sectors
together; feedback (the pilot) happens with adopters; at appropriation, adopters take
up the novelty.

## relations.csv: the relations
| column | required | content |
|---|---|---|
| `source` | yes | an actor's `id` (or its exact name) |
| `target` | yes | the `id` (or exact name) of a project or of another actor |
| `type` | yes | actor → project: {actor_project}; actor → actor: {actor_actor} |
| `amount` | no | for `funds` only, zero or more, in Canadian dollars: `12500`, `12 500`, `12,500.50`, `12 500 $`, `$10k`, `$1.5M` |
| `year` | no | YYYY year (a period `2024-2025` counts as its first year) |
| `weight` | no | a number greater than zero (default 1): how strong the tie is |
| `kind` | no | for `supports`: knowledge, promotion, documentation, credibility, expertise, network... |

`carries`: the actor originates and drives the project (carrier); `funds`: funder;
`supports`: support partner; `adopts`: an adopter integrating the practice; `benefits`:
an adopter using it directly; `collaborates` and `member_of` link two actors.

## Errors
`graphmap validate` lists every problem at once, as `FILE:ROW:COLUMN: message` (the row
as the spreadsheet shows it, header = row 1), with a suggestion where there is one.
""",
    },
})
