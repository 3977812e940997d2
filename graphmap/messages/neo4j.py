"""Messages of the neo4j area: ``graphmap push``, ``pull``, ``query`` and Neo4j errors."""

from __future__ import annotations

_HINT_FR = ("Options --uri, --user, --password-stdin, ou variables NEO4J_URI, NEO4J_USER, "
            "NEO4J_PASSWORD.")
_HINT_EN = "Use --uri, --user, --password-stdin, or NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD."

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- errors (one line each; never the password) ----------------------------------------
    "neo4j.error.auth": {
        "fr": ("Neo4j ({uri}) refuse l'utilisateur « {user} » : nom d'utilisateur ou mot de "
               "passe incorrect. " + _HINT_FR),
        "en": ("Neo4j ({uri}) refused user '{user}': wrong user name or password. "
               + _HINT_EN),
    },
    "neo4j.error.rate_limited": {
        "fr": ("Neo4j ({uri}) bloque temporairement l'utilisateur « {user} » après trop "
               "d'essais de mot de passe ; réessayez dans quelques secondes."),
        "en": ("Neo4j ({uri}) temporarily blocks user '{user}' after too many password "
               "attempts; try again in a few seconds."),
    },
    "neo4j.error.unreachable": {
        "fr": ("Impossible de joindre Neo4j à {uri} : le serveur est-il démarré et l'adresse "
               "est-elle la bonne ? ({detail})"),
        "en": ("Cannot reach Neo4j at {uri}: is the server running and the address right? "
               "({detail})"),
    },
    # --- why a server cannot be reached (the OS's reasons, in the user's language) ------
    "neo4j.reason.refused": {"fr": "connexion refusée", "en": "connection refused"},
    "neo4j.reason.reset": {"fr": "connexion interrompue", "en": "connection reset"},
    "neo4j.reason.host_unreachable": {"fr": "hôte injoignable", "en": "host unreachable"},
    "neo4j.reason.network_unreachable": {"fr": "réseau injoignable",
                                         "en": "network unreachable"},
    "neo4j.reason.timeout": {"fr": "pas de réponse dans le délai",
                             "en": "no answer in time"},
    "neo4j.reason.unknown_host": {"fr": "nom d'hôte inconnu", "en": "unknown host name"},
    "neo4j.reason.name_lookup": {"fr": "échec de la résolution du nom d'hôte",
                                 "en": "host name lookup failed"},
    "neo4j.error.no_database": {
        "fr": ("La base « {database} » n'existe pas sur {uri} (ou n'est pas disponible). "
               "Neo4j Community n'a qu'une base, « neo4j » ; choisissez-la avec --database."),
        "en": ("Database '{database}' does not exist on {uri} (or is not available). Neo4j "
               "Community has a single database, 'neo4j'; choose it with --database."),
    },
    "neo4j.error.bad_uri": {
        "fr": ("Adresse Neo4j invalide « {uri} » : attendu neo4j://hôte:7687 ou "
               "bolt://hôte:7687 ({detail})."),
        "en": "Invalid Neo4j address '{uri}': expected neo4j://host:7687 or bolt://host:7687 "
              "({detail}).",
    },
    "neo4j.error.no_procedure": {
        "fr": ("Cette requête appelle une procédure absente de ce serveur ({detail}). "
               "Installez le greffon Graph Data Science, ou utilisez la variante en Cypher pur."),
        "en": ("This query calls a procedure this server does not have ({detail}). Install "
               "the Graph Data Science plugin, or use the pure-Cypher variant."),
    },
    "neo4j.error.server": {
        "fr": "Neo4j a refusé l'opération ({code}) : {detail}",
        "en": "Neo4j refused the operation ({code}): {detail}",
    },
    "neo4j.error.no_workspace_at_all": {
        "fr": ("La base « {database} » ne contient aucun espace de travail graphmap : "
               "envoyez-en un d'abord avec « graphmap push »."),
        "en": ("Database '{database}' holds no graphmap workspace: push one first with "
               "'graphmap push'."),
    },
    "neo4j.error.which_workspace": {
        "fr": ("La base contient plusieurs espaces de travail ({names}) : choisissez-en un "
               "avec --workspace."),
        "en": "The database holds several workspaces ({names}): choose one with --workspace.",
    },
    "neo4j.error.unknown_workspace": {
        "fr": ("Aucun espace de travail « {workspace} » dans la base « {database} » "
               "(présents : {names})."),
        "en": "No workspace '{workspace}' in database '{database}' (present: {names}).",
    },
    "neo4j.error.bad_stored": {
        "fr": ("L'espace de travail « {workspace} » dans Neo4j contient une valeur que "
               "graphmap ne sait pas relire (modifiée à la main ?) : {detail}"),
        "en": ("Workspace '{workspace}' in Neo4j holds a value graphmap cannot read back "
               "(edited by hand?): {detail}"),
    },
    "neo4j.error.changed_during_push": {
        "fr": ("Un autre client a supprimé des nœuds ou des relations de l'espace de travail "
               "«\u00a0{workspace}\u00a0» pendant ce push\u00a0: relancez-le (il n'écrit "
               "que ce qui manque)."),
        "en": ("Another client deleted nodes or relationships of workspace '{workspace}' "
               "during this push: run it again (it writes only what is missing)."),
    },
    "neo4j.error.empty_password": {
        "fr": "Aucun mot de passe reçu sur l'entrée standard (--password-stdin).",
        "en": "No password received on standard input (--password-stdin).",
    },
    "neo4j.error.unknown_query": {
        "fr": "Requête inconnue « {name} ». Requêtes disponibles : {names}.",
        "en": "Unknown query '{name}'. Available queries: {names}.",
    },
    "neo4j.error.bad_param": {
        "fr": "Paramètre invalide « {text} » : attendu --param clé=valeur.",
        "en": "Invalid parameter '{text}': expected --param key=value.",
    },
    "neo4j.error.param_type": {
        "fr": "Le paramètre « {name} » attend une valeur de type {type} ; reçu « {value} ».",
        "en": "Parameter '{name}' expects a value of type {type}; got '{value}'.",
    },
    "neo4j.error.unknown_param": {
        "fr": "La requête « {query} » n'a pas de paramètre « {name} » (paramètres : {names}).",
        "en": "Query '{query}' has no parameter '{name}' (parameters: {names}).",
    },
    "neo4j.error.workspace_twice": {
        "fr": ("Deux espaces de travail donnés : --workspace {workspace} et --param "
               "workspace={param} ; gardez-en un."),
        "en": ("Two workspaces given: --workspace {workspace} and --param workspace={param}; "
               "keep one."),
    },
    "neo4j.error.bad_format": {
        "fr": "Format de résultat inconnu « {fmt} » (formats : {formats}).",
        "en": "Unknown result format '{fmt}' (formats: {formats}).",
    },
    "neo4j.error.missing_param": {
        "fr": "La requête « {query} » demande le paramètre « {name} » : --param {name}=…",
        "en": "Query '{query}' needs parameter '{name}': --param {name}=…",
    },
    "neo4j.error.query_needs_name": {
        "fr": "Indiquez le nom d'une requête, ou --list pour les voir toutes.",
        "en": "Give a query name, or --list to see them all.",
    },
    # --- command help -------------------------------------------------------------------------
    "neo4j.cli.push_help": {
        "fr": ("Envoyer un espace de travail dans Neo4j, avec les résultats de l'analyse.\n\n"
               "Acteurs et projets deviennent des nœuds :Actor et :Project (plus :Funder, "
               ":Carrier, :SupportPartner, :Adopter selon leurs rôles) et chaque relation un "
               "lien FUNDS, CARRIES, SUPPORTS… Chaque nœud et lien porte la propriété "
               "« workspace » : plusieurs espaces de travail partagent une base sans se "
               "mélanger. Renvoyer deux fois ne change rien ; --replace supprime aussi ce qui "
               "a disparu.\n\nConnexion : --uri, --user, --password-stdin ou NEO4J_URI, "
               "NEO4J_USER, NEO4J_PASSWORD.\n\nExemple :\n\n"
               "    graphmap push examples/laurentides --uri neo4j://localhost:7687"),
        "en": ("Push a workspace to Neo4j, with the analysis results.\n\n"
               "Actors and projects become :Actor and :Project nodes (plus :Funder, :Carrier, "
               ":SupportPartner, :Adopter by role) and each relation a FUNDS, CARRIES, "
               "SUPPORTS... relationship. Every node and relationship holds a 'workspace' "
               "property, so several workspaces share a database without mixing. Pushing "
               "twice changes nothing; --replace also removes what is gone.\n\n"
               "Connection: --uri, --user, --password-stdin or NEO4J_URI, NEO4J_USER, "
               "NEO4J_PASSWORD.\n\nExample:\n\n"
               "    graphmap push examples/laurentides --uri neo4j://localhost:7687"),
    },
    "neo4j.cli.push_short": {
        "fr": "Envoyer un espace de travail dans Neo4j.",
        "en": "Push a workspace to Neo4j.",
    },
    "neo4j.cli.pull_help": {
        "fr": ("Relire un espace de travail depuis Neo4j et l'écrire en dossier CSV "
               "(actors.csv, projects.csv, relations.csv), ou en .xlsx / .json selon "
               "l'extension de --out.\n\nExemple :\n\n"
               "    graphmap pull --workspace laurentides --out copie/"),
        "en": ("Read a workspace back from Neo4j and write it as a CSV folder (actors.csv, "
               "projects.csv, relations.csv), or as .xlsx / .json by the extension of "
               "--out.\n\nExample:\n\n    graphmap pull --workspace laurentides --out copy/"),
    },
    "neo4j.cli.pull_short": {
        "fr": "Relire un espace de travail depuis Neo4j.",
        "en": "Read a workspace back from Neo4j.",
    },
    "neo4j.cli.query_help": {
        "fr": ("Exécuter une requête de la bibliothèque Cypher de graphmap (manques, "
               "courtiers, occasions, résumé, qui peut présenter A à B).\n\n"
               "--list les énumère avec leur objet. Le paramètre workspace est rempli "
               "d'office quand la base n'en contient qu'un.\n\nExemples :\n\n"
               "    graphmap query --list\n"
               "    graphmap query gaps --param workspace=laurentides --format csv\n"
               "    graphmap query introduce --param from=a1 --param to=a7"),
        "en": ("Run a query of graphmap's Cypher library (gaps, brokers, opportunities, "
               "summary, who can introduce A to B).\n\n"
               "--list lists them with their purpose. The workspace parameter is filled in "
               "when the database holds only one.\n\nExamples:\n\n"
               "    graphmap query --list\n"
               "    graphmap query gaps --param workspace=laurentides --format csv\n"
               "    graphmap query introduce --param from=a1 --param to=a7"),
    },
    "neo4j.cli.query_short": {
        "fr": "Exécuter une requête Cypher de la bibliothèque.",
        "en": "Run a query of the Cypher library.",
    },
    "neo4j.cli.uri_help": {
        "fr": "Adresse du serveur (défaut : NEO4J_URI, sinon {uri}).",
        "en": "Server address (default: NEO4J_URI, else {uri}).",
    },
    "neo4j.cli.user_help": {
        "fr": "Utilisateur (défaut : NEO4J_USER, sinon {user}).",
        "en": "User name (default: NEO4J_USER, else {user}).",
    },
    "neo4j.cli.database_help": {
        "fr": "Base de données (défaut : NEO4J_DATABASE, sinon la base par défaut du serveur).",
        "en": "Database (default: NEO4J_DATABASE, else the server's default database).",
    },
    "neo4j.cli.password_stdin_help": {
        "fr": "Lire le mot de passe sur l'entrée standard (sinon NEO4J_PASSWORD).",
        "en": "Read the password from standard input (else NEO4J_PASSWORD).",
    },
    "neo4j.cli.replace_help": {
        "fr": "Supprimer aussi de Neo4j ce que l'espace de travail n'a plus.",
        "en": "Also delete from Neo4j what the workspace no longer has.",
    },
    "neo4j.cli.workspace_help": {
        "fr": ("Nom de l'espace de travail dans Neo4j (push : nom du dossier ou du fichier "
               "par défaut ; pull : le seul présent par défaut)."),
        "en": ("Workspace name in Neo4j (push: the folder or file name by default; pull: the "
               "only one present by default)."),
    },
    "neo4j.cli.no_analysis_help": {
        "fr": "Ne pas calculer ni envoyer les résultats de l'analyse.",
        "en": "Do not compute or push the analysis results.",
    },
    "neo4j.cli.out_help": {
        "fr": "Dossier (ou fichier .xlsx / .json) où écrire l'espace de travail.",
        "en": "Folder (or .xlsx / .json file) to write the workspace to.",
    },
    "neo4j.cli.param_help": {
        "fr": "Paramètre de la requête, clé=valeur (répétable).",
        "en": "Query parameter, key=value (repeatable).",
    },
    "neo4j.cli.query_workspace_help": {
        "fr": ("Espace de travail à interroger (par défaut : le seul présent dans la base) ; "
               "comme --param workspace=NOM."),
        "en": ("Workspace to query (default: the only one in the database); same as --param "
               "workspace=NAME."),
    },
    "neo4j.cli.format_help": {
        "fr": "Format de sortie.",
        "en": "Output format.",
    },
    "neo4j.cli.list_help": {
        "fr": "Lister les requêtes disponibles et leur objet.",
        "en": "List the available queries and their purpose.",
    },
    # --- outcomes ----------------------------------------------------------------------------
    "neo4j.push.done": {
        "fr": ("Espace de travail « {workspace} » envoyé à {uri} (base {database}) : "
               "nœuds {nc} créés, {nu} modifiés, {nd} supprimés, {nk} inchangés ; "
               "liens {rc} créés, {ru} modifiés, {rd} supprimés, {rk} inchangés."),
        "en": ("Workspace '{workspace}' pushed to {uri} (database {database}): nodes {nc} "
               "created, {nu} updated, {nd} deleted, {nk} unchanged; relationships {rc} "
               "created, {ru} updated, {rd} deleted, {rk} unchanged."),
    },
    "neo4j.pull.done": {
        "fr": ("Espace de travail « {workspace} » relu ({actors} acteurs, {projects} projets, "
               "{relations} relations) et écrit dans {path}."),
        "en": ("Workspace '{workspace}' read back ({actors} actors, {projects} projects, "
               "{relations} relations) and written to {path}."),
    },
    "neo4j.query.rows": {
        "fr": {"one": "{count} ligne.", "other": "{count} lignes."},
        "en": {"one": "{count} row.", "other": "{count} rows."},
    },
    "neo4j.query.list_header": {
        "fr": "Requêtes de graphmap (dossier queries/) :",
        "en": "graphmap queries (queries/ folder):",
    },
    "neo4j.query.params": {
        "fr": "paramètres",
        "en": "parameters",
    },
    # --- graphmap analyze --engine neo4j ----------------------------------------------------
    "neo4j.engine.cli.engine_help": {
        "fr": ("Où calculer : local (sur cet ordinateur) ou neo4j (envoie l'espace de travail, "
               "calcule dans Neo4j avec Graph Data Science les communautés et l'intermédiarité "
               "exacte jusqu'à la limite du calcul exact, le reste sur cet ordinateur ; "
               "options --uri, --user, --database, --password-stdin ou variables NEO4J_*)."),
        "en": ("Where to compute: local (on this computer) or neo4j (pushes the workspace, "
               "computes communities and exact betweenness, up to the exact limit, in Neo4j "
               "with Graph Data Science, the rest on this computer; options --uri, --user, "
               "--database, --password-stdin or NEO4J_* variables)."),
    },
    "neo4j.engine.cli.workspace_help": {
        "fr": ("Avec --engine neo4j : nom de l'espace de travail dans Neo4j (défaut : nom du "
               "dossier ou du fichier)."),
        "en": ("With --engine neo4j: workspace name in Neo4j (default: the folder or file "
               "name)."),
    },
    "neo4j.engine.step.push": {"fr": "Envoi vers Neo4j", "en": "Pushing to Neo4j"},
}
