"""Messages of the CLI shell and of errors shared by every command."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "cli.main_help": {
        "fr": "graphmap cartographie un écosystème d'innovation sociale : courtiers, manques et occasions de collaboration.\n\nExemple : graphmap analyze examples/laurentides --lang fr",
        "en": "graphmap maps a social-innovation ecosystem: brokers, gaps and collaboration opportunities.\n\nExample: graphmap analyze examples/laurentides --lang en",
    },
    "cli.lang_help": {
        "fr": "Langue des messages et des rapports (fr ou en). Par défaut : GRAPHMAP_LANG, puis la locale.",
        "en": "Language of messages and reports (fr or en). Default: GRAPHMAP_LANG, then the locale.",
    },
    "cli.error_prefix": {"fr": "Erreur : ", "en": "Error: "},
    "cli.interrupted": {"fr": "Interrompu.", "en": "Interrupted."},
    "cli.more_warnings": {
        "fr": {"one": "{count} autre avertissement comme ceux ci-dessus ({code}) ; pour les voir tous : {command}",
               "other": "{count} autres avertissements comme ceux ci-dessus ({code}) ; pour les voir tous : {command}"},
        "en": {"one": "{count} more warning like the ones above ({code}); to see them all: {command}",
               "other": "{count} more warnings like the ones above ({code}); to see them all: {command}"},
    },
    "cli.internal_error": {
        "fr": "Erreur interne de graphmap ({kind}: {detail}). Merci de la signaler avec la commande utilisée.",
        "en": "graphmap internal error ({kind}: {detail}). Please report it with the command you ran.",
    },
    # Counted nouns for sentences that list sizes ({actors} = "1 acteur" / "104 acteurs").
    "count.actors": {
        "fr": {"one": "{count} acteur", "other": "{count} acteurs"},
        "en": {"one": "{count} actor", "other": "{count} actors"},
    },
    "count.projects": {
        "fr": {"one": "{count} projet", "other": "{count} projets"},
        "en": {"one": "{count} project", "other": "{count} projects"},
    },
    "count.nodes": {
        "fr": {"one": "{count} nœud", "other": "{count} nœuds"},
        "en": {"one": "{count} node", "other": "{count} nodes"},
    },
    # A map's ties ("links") and an export's ("edges", the word of Gephi and GraphML).
    "count.links": {
        "fr": {"one": "{count} lien", "other": "{count} liens"},
        "en": {"one": "{count} link", "other": "{count} links"},
    },
    "count.edges": {
        "fr": {"one": "{count} lien", "other": "{count} liens"},
        "en": {"one": "{count} edge", "other": "{count} edges"},
    },
    "count.relations": {
        "fr": {"one": "{count} relation", "other": "{count} relations"},
        "en": {"one": "{count} relation", "other": "{count} relations"},
    },
    "error.validation_failed": {
        "fr": {"one": "{count} erreur dans l'espace de travail.", "other": "{count} erreurs dans l'espace de travail."},
        "en": {"one": "{count} error in the workspace.", "other": "{count} errors in the workspace."},
    },
    "error.write_failed": {
        "fr": "Impossible d'écrire {path} : {detail}",
        "en": "Cannot write {path}: {detail}",
    },
    # --- i18n building blocks (graphmap.i18n.Listing) ----------------------------
    "i18n.list.join": {"fr": "{head} et {last}", "en": "{head} and {last}"},
    "issue.warning_prefix": {"fr": "avertissement : ", "en": "warning: "},
}
