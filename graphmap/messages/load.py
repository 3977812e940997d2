"""Messages of reading and writing files safely: damaged input, resource limits, outputs."""

from __future__ import annotations

# How to raise a limit, shared by every "limit" message.
_RAISE_FR = "pour l'augmenter, ajoutez {key} = … dans la table [limits] d'un graphmap.toml placé à côté des données"
_RAISE_EN = "to raise it, set {key} = … in the [limits] table of a graphmap.toml beside the data"

MESSAGES: dict[str, dict[str, str]] = {
    # -- the [limits] table of graphmap.toml (graphmap.load.limits) -----------------------------
    "load.limits.bad_value": {
        "fr": "{where} : [limits] {name} doit être un nombre entier d'au moins 1 (lu : {value})",
        "en": "{where}: [limits] {name} must be a whole number of at least 1 (got {value})",
    },
    "load.limits.unknown_key": {
        "fr": "{where} : limite inconnue « {name} » dans [limits]{suggestion} (limites : {known})",
        "en": "{where}: unknown limit '{name}' in [limits]{suggestion} (limits: {known})",
    },
    "load.limits.table_typo": {
        "fr": "{where} : table [{name}] inconnue ; la table des limites s'appelle [limits]",
        "en": "{where}: unknown table [{name}]; the table of limits is called [limits]",
    },
    "load.limits.not_a_table": {
        "fr": "{where} : « limits » doit être une table ([limits])",
        "en": "{where}: 'limits' must be a table ([limits])",
    },
    "load.limits.unreadable": {
        "fr": "{where} illisible : {detail}",
        "en": "cannot read {where}: {detail}",
    },
}
MESSAGES.update({
    # -- outputs (graphmap.atomic) ---------------------------------------------------------------
    "load.output.not_regular": {
        "fr": "{path} n'est pas un fichier ordinaire ({kind}) : graphmap n'écrit que dans un fichier ordinaire ou à un nouveau chemin ; rien n'a été écrit",
        "en": "{path} is not a regular file ({kind}): graphmap writes only to a regular file or a new path; nothing was written",
    },
    "load.output.kind.fifo": {"fr": "un tube nommé (FIFO)", "en": "a named pipe (FIFO)"},
    "load.output.kind.device": {"fr": "un périphérique", "en": "a device"},
    "load.output.kind.socket": {"fr": "une socket", "en": "a socket"},
    "load.output.kind.directory": {"fr": "un dossier", "en": "a folder"},
})
MESSAGES.update({
    "load.output.stdout_failed": {
        "fr": "impossible d'écrire la sortie standard : {detail}",
        "en": "cannot write to standard output: {detail}",
    },
})
