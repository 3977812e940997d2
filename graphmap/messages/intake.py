"""Messages of the intake area (issue 15, intake as people fill workbooks)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- amounts ----------------------------------------------------------------------------------
    "issue.amount.abbreviated": {
        "fr": "montant abrégé «\u00a0{value}\u00a0»\u00a0: lu comme {amount}\u00a0$",
        "en": "abbreviated amount '{value}': read as ${amount}",
    },
    "issue.amount.currency": {
        "fr": "«\u00a0{value}\u00a0» est en {currency}\u00a0; graphmap compte en dollars canadiens\u00a0: "
              "convertissez le montant (le montant d'origine peut rester dans une colonne à vous)",
        "en": "'{value}' is in {currency}; graphmap counts in Canadian dollars: convert the "
              "amount (the original amount may stay in a column of your own)",
    },
    "intake.currency.EUR": {"fr": "euros (EUR)", "en": "euros (EUR)"},
    "intake.currency.USD": {"fr": "dollars américains (USD)", "en": "US dollars (USD)"},
    "intake.currency.GBP": {"fr": "livres sterling (GBP)", "en": "pounds sterling (GBP)"},
    "intake.currency.CHF": {"fr": "francs suisses (CHF)", "en": "Swiss francs (CHF)"},
    # -- years and dates --------------------------------------------------------------------------
    "issue.year.range": {
        "fr": "«\u00a0{value}\u00a0» est une période\u00a0: lue comme l'année {year}, sa première année",
        "en": "'{value}' is a period: read as the year {year}, its first year",
    },
    "issue.year.from_date": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: seule l'année {year} est gardée (une année s'écrit AAAA)",
        "en": "'{value}': only the year {year} is kept (a year is written YYYY)",
    },
    "issue.date.range": {
        "fr": "«\u00a0{value}\u00a0» est une période\u00a0: lue comme l'année {year}, sa première année",
        "en": "'{value}' is a period: read as the year {year}, its first year",
    },
    "issue.date.month": {
        "fr": "«\u00a0{value}\u00a0» est un mois\u00a0: lu comme {edge}, le {day} ({iso})",
        "en": "'{value}' is a month: read as {edge}, {day} ({iso})",
    },
    "intake.month.first_day": {"fr": "son premier jour", "en": "its first day"},
    "intake.month.last_day": {"fr": "son dernier jour", "en": "its last day"},
    "issue.date.ambiguous": {
        "fr": "«\u00a0{value}\u00a0» se lit de deux façons\u00a0: lue le jour d'abord, comme le {day} ({iso})\u00a0; "
              "si c'est le {other}, écrivez {other_iso}",
        "en": "'{value}' reads two ways: read day first, as {day} ({iso}); if you meant "
              "{other}, write {other_iso}",
    },
    "issue.date.month_first": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: {month} ne peut pas être un mois\u00a0; lue le mois d'abord, comme le "
              "{day} ({iso})",
        "en": "'{value}': {month} cannot be a month; read month first, as {day} ({iso})",
    },
    # -- ids and references -----------------------------------------------------------------------
    "intake.node.actor": {"fr": "l'acteur", "en": "actor"},
    "intake.node.project": {"fr": "le projet", "en": "project"},
    "intake.quoted": {"fr": "«\u00a0{id}\u00a0»", "en": "'{id}'"},
    # {count} rows of a table with a name column and no id column.
    "issue.column.id_absent": {
        "fr": {"one": "pas de colonne d'identifiant\u00a0: {count} ligne reçoit un identifiant tiré de son nom («\u00a0{name}\u00a0» → «\u00a0{id}\u00a0»)\u00a0; "
                      "ajoutez une colonne «\u00a0id\u00a0» pour garder les identifiants si un nom change",
               "other": "pas de colonne d'identifiant\u00a0: les {count} lignes reçoivent un identifiant tiré de leur nom (par ex. «\u00a0{name}\u00a0» → «\u00a0{id}\u00a0»)\u00a0; "
                        "ajoutez une colonne «\u00a0id\u00a0» pour garder les identifiants si un nom change"},
        "en": {"one": "no id column: {count} row is given an id made from its name ('{name}' → '{id}'); add an "
                      "'id' column to keep ids if a name changes",
               "other": "no id column: the {count} rows are given ids made from their names (e.g. '{name}' → '{id}'); add an "
                        "'id' column to keep ids if a name changes"},
    },
    "issue.relation.partner_of_project": {
        "fr": "«\u00a0{type}\u00a0» relie deux acteurs, mais «\u00a0{id}\u00a0» est un projet\u00a0: "
              "lu comme «\u00a0soutient\u00a0» (un partenaire de soutien du projet)\u00a0; "
              "écrivez «\u00a0soutient\u00a0» ou «\u00a0porte\u00a0» pour ne plus voir cet avertissement",
        "en": "'{type}' links two actors, but '{id}' is a project: read as 'supports' (a support "
              "partner of the project); write 'supports' or 'carries' to stop this warning",
    },
    "issue.id.derived": {
        "fr": "{node} «\u00a0{name}\u00a0» n'a pas d'identifiant\u00a0: il reçoit «\u00a0{id}\u00a0», tiré de son nom\u00a0; "
              "écrivez-le dans la colonne de l'identifiant pour le garder si le nom change",
        "en": "{node} '{name}' has no id: it is given '{id}', made from its name; write it in "
              "the id column to keep it if the name changes",
    },
    "issue.reference.by_name": {
        "fr": "«\u00a0{value}\u00a0» n'est pas un identifiant\u00a0; lu comme {node} «\u00a0{id}\u00a0» qui porte ce nom",
        "en": "'{value}' is not an id; read as {node} '{id}', which has that name",
    },
    "issue.reference.ambiguous_name": {
        "fr": "«\u00a0{value}\u00a0» n'est pas un identifiant, et ce nom est celui de plusieurs acteurs ou "
              "projets\u00a0: {candidates}\u00a0; écrivez l'identifiant de celui que vous voulez dire",
        "en": "'{value}' is not an id, and several actors or projects have that name: "
              "{candidates}; write the id of the one you mean",
    },
}
