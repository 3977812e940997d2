"""Messages of ``graphmap export`` and ``graphmap import``: Gephi, Kumu and 360Giving files."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- command line -------------------------------------------------------------------
    "exchange.cli.export_help": {
        "fr": "Exporte un espace de travail et son analyse vers Gephi (GEXF, GraphML) ou Kumu (JSON). L'analyse (intermédiarité, contrainte, rôles de courtage, communauté, manques) devient des attributs des nœuds ; en GEXF, les couleurs, tailles et positions de la carte de graphmap sont incluses.\n\nExemple : graphmap export examples/laurentides --to gexf -o laurentides.gexf",
        "en": "Export a workspace and its analysis to Gephi (GEXF, GraphML) or Kumu (JSON). The analysis (betweenness, constraint, brokerage roles, community, gaps) becomes node attributes; in GEXF, graphmap's map colours, sizes and positions are included.\n\nExample: graphmap export examples/laurentides --to gexf -o laurentides.gexf",
    },
    "exchange.cli.export_short": {"fr": "Exporter vers Gephi ou Kumu.", "en": "Export to Gephi or Kumu."},
    "exchange.cli.import_help": {
        "fr": "Importe un fichier Kumu (JSON ou classeur Elements / Connections), Gephi (GEXF, GraphML) ou 360Giving (JSON, CSV, xlsx) en espace de travail graphmap : un dossier CSV, un classeur .xlsx ou un fichier .json selon la forme de la sortie.\n\nExemple : graphmap import carte-kumu.json -o mon-ecosysteme/",
        "en": "Import a Kumu file (JSON or Elements / Connections workbook), a Gephi file (GEXF, GraphML) or 360Giving grant data (JSON, CSV, xlsx) as a graphmap workspace: a CSV folder, an .xlsx workbook or a .json file, as the output's form says.\n\nExample: graphmap import kumu-map.json -o my-ecosystem/",
    },
    "exchange.cli.import_short": {"fr": "Importer de Kumu, Gephi ou 360Giving.", "en": "Import from Kumu, Gephi or 360Giving."},
    "exchange.cli.opt_to": {"fr": "Format du fichier exporté.", "en": "Format of the exported file."},
    "exchange.cli.opt_from": {
        "fr": "Format du fichier importé (deviné d'après son contenu si absent).",
        "en": "Format of the imported file (guessed from its content when absent).",
    },
    "exchange.cli.opt_output_export": {"fr": "Fichier à écrire.", "en": "File to write."},
    "exchange.cli.opt_output_import": {
        "fr": "Espace de travail à écrire : un dossier, un fichier .xlsx ou .json.",
        "en": "Workspace to write: a folder, an .xlsx or a .json file.",
    },
    "exchange.cli.opt_config": {"fr": "Fichier graphmap.toml de l'analyse.", "en": "The analysis's graphmap.toml file."},
    "exchange.exported": {
        "fr": "{path} écrit : {nodes}, {edges} ({format}).",
        "en": "Wrote {path}: {nodes}, {edges} ({format}).",
    },
    "exchange.imported": {
        "fr": "{path} écrit : {actors}, {projects}, {relations} (importés de {format}).",
        "en": "Wrote {path}: {actors}, {projects}, {relations} (imported from {format}).",
    },
    # -- usage errors -------------------------------------------------------------------
    "exchange.extension_mismatch": {
        "fr": "le fichier « {path} » ne finit pas par {expected} comme le veut --to {format}",
        "en": "the file '{path}' does not end in {expected} as --to {format} requires",
    },
    "exchange.input_missing": {"fr": "le fichier « {path} » n'existe pas", "en": "the file '{path}' does not exist"},
    "exchange.undetected": {
        "fr": "impossible de deviner le format de « {path} » : indiquez --from ({choices})",
        "en": "cannot tell the format of '{path}': give --from ({choices})",
    },
    "exchange.output_form": {
        "fr": "la sortie « {path} » doit être un dossier, un fichier .xlsx ou un fichier .json",
        "en": "the output '{path}' must be a folder, an .xlsx or a .json file",
    },
    "exchange.illegal_char": {
        "fr": "le texte « {text} » contient un caractère de contrôle qu'un fichier XML ne peut pas contenir",
        "en": "the text '{text}' holds a control character an XML file cannot hold",
    },
    "exchange.import_failed": {
        "fr": {"one": "{count} erreur dans « {path} » : rien n'a été écrit.", "other": "{count} erreurs dans « {path} » : rien n'a été écrit."},
        "en": {"one": "{count} error in '{path}': nothing was written.", "other": "{count} errors in '{path}': nothing was written."},
    },
    # -- located issues of an import (Issue codes "exchange.*": keys "issue.exchange.*") --
    "issue.exchange.unreadable": {
        "fr": "fichier illisible ({format}) : {detail}",
        "en": "unreadable file ({format}): {detail}",
    },
    "issue.exchange.doctype": {
        "fr": "le fichier contient une déclaration DOCTYPE ou d'entités, refusée pour la sécurité",
        "en": "the file holds a DOCTYPE or entity declaration, refused for safety",
    },
    "issue.exchange.no_records": {
        "fr": "aucun élément « {what} » trouvé",
        "en": "no '{what}' found",
    },
    "issue.exchange.not_a_record": {
        "fr": "attendu un objet JSON, trouvé {found}",
        "en": "expected a JSON object, found {found}",
    },
    "issue.exchange.missing_field": {
        "fr": "champ obligatoire « {field} » absent ou vide",
        "en": "required field '{field}' is missing or empty",
    },
    "issue.exchange.node_kind_unknown": {
        "fr": "impossible de savoir si « {label} » est un acteur ou un projet : ajoutez un champ « acteur ou projet », un secteur ou une étape",
        "en": "cannot tell whether '{label}' is an actor or a project: add an 'actor or project' field, a sector or a stage",
    },
    "issue.exchange.type_kept": {
        "fr": "le type « {value} » n'est ni un secteur ni une étape de graphmap ; conservé dans la colonne « {column} »",
        "en": "the type '{value}' is neither a graphmap sector nor a stage; kept in the column '{column}'",
    },
    "issue.exchange.ids_derived": {
        "fr": {"one": "{count} élément sans identifiant : identifiant tiré de son nom (« {label} » → « {id} »)", "other": "{count} éléments sans identifiant : identifiants tirés de leur nom (par ex. « {label} » → « {id} »)"},
        "en": {"one": "{count} element without an id: id derived from its name ('{label}' → '{id}')", "other": "{count} elements without an id: ids derived from their names (e.g. '{label}' → '{id}')"},
    },
    "issue.exchange.endpoint_unknown": {
        "fr": "« {ref} » ne désigne aucun élément{suggestion}",
        "en": "'{ref}' names no element{suggestion}",
    },
    "issue.exchange.endpoint_ambiguous": {
        "fr": "« {ref} » désigne plusieurs éléments : {candidates} ; utilisez leur identifiant",
        "en": "'{ref}' names several elements: {candidates}; use their id",
    },
    "issue.exchange.endpoint_by_name": {
        "fr": "« {ref} » désigne l'élément « {id} » par son nom",
        "en": "'{ref}' names the element '{id}' by its label",
    },
    "issue.exchange.analysis_dropped": {
        "fr": "attributs d'analyse non importés ({names}) : graphmap les recalcule",
        "en": "analysis attributes not imported ({names}): graphmap computes them again",
    },
    "issue.exchange.extra_renamed": {
        "fr": "la colonne « {column} » porte le nom d'un attribut de graphmap ; exportée sous « {title} »",
        "en": "the column '{column}' has the name of a graphmap attribute; exported as '{title}'",
    },
    "issue.exchange.undirected": {
        "fr": "lien non orienté entre un projet et un acteur : lu de l'acteur « {source} » vers le projet « {target} »",
        "en": "undirected edge between a project and an actor: read from the actor '{source}' to the project '{target}'",
    },
    "issue.exchange.individual_recipient": {
        "fr": "subvention à une personne : son nom n'est pas importé (acteur « {label} »)",
        "en": "grant to an individual: their name is not imported (actor '{label}')",
    },
    "issue.exchange.no_recipient": {
        "fr": "subvention sans bénéficiaire (recipientOrganization ou recipientIndividual)",
        "en": "grant without a recipient (recipientOrganization or recipientIndividual)",
    },
    "issue.exchange.bad_amount": {
        "fr": "montant « {value} » illisible",
        "en": "unreadable amount '{value}'",
    },
    "issue.exchange.bad_date": {
        "fr": "date « {value} » illisible (attendu AAAA-MM-JJ)",
        "en": "unreadable date '{value}' (expected YYYY-MM-DD)",
    },
    "issue.exchange.giving_defaults": {
        "fr": "les données de subventions ne disent ni secteur ni étape : bailleurs « philanthropique » (« public » selon le préfixe de leur identifiant), bénéficiaires « communautaire », projets « mobilisation » ; à vérifier",
        "en": "grant data gives no sector and no stage: funders set to 'philanthropic' ('public' by their identifier's prefix), recipients to 'community', projects to 'mobilization'; check them",
    },
    "issue.exchange.same_org_other_name": {
        "fr": "l'organisation « {id} » porte ici le nom « {name} », ailleurs « {first} » (ligne {first_row}) : le premier est gardé",
        "en": "the organisation '{id}' is named '{name}' here and '{first}' elsewhere (row {first_row}): the first is kept",
    },
    # -- exported attribute titles (what Gephi and Kumu users read) ---------------------
    "exchange.attr.kind": {"fr": "acteur ou projet", "en": "actor or project"},
    "exchange.attr.sector": {"fr": "secteur", "en": "sector"},
    "exchange.attr.type": {"fr": "type d'acteur", "en": "actor type"},
    "exchange.attr.category": {"fr": "catégorie", "en": "category"},
    "exchange.attr.territory": {"fr": "territoire", "en": "territory"},
    "exchange.attr.scope": {"fr": "portée", "en": "scope"},
    "exchange.attr.stage": {"fr": "étape", "en": "stage"},
    "exchange.attr.theme": {"fr": "thèmes", "en": "themes"},
    "exchange.attr.start": {"fr": "début", "en": "start"},
    "exchange.attr.end": {"fr": "fin", "en": "end"},
    "exchange.attr.betweenness": {"fr": "intermédiarité", "en": "betweenness"},
    "exchange.attr.constraint": {"fr": "contrainte", "en": "constraint"},
    "exchange.attr.effective_size": {"fr": "taille effective", "en": "effective size"},
    "exchange.attr.broker_rank": {"fr": "rang de courtier", "en": "broker rank"},
    "exchange.attr.brokerage_coordinator": {"fr": "courtage : coordonnateur", "en": "brokerage: coordinator"},
    "exchange.attr.brokerage_itinerant": {"fr": "courtage : itinérant", "en": "brokerage: itinerant"},
    "exchange.attr.brokerage_representative": {"fr": "courtage : représentant", "en": "brokerage: representative"},
    "exchange.attr.brokerage_gatekeeper": {"fr": "courtage : gardien", "en": "brokerage: gatekeeper"},
    "exchange.attr.brokerage_liaison": {"fr": "courtage : agent de liaison", "en": "brokerage: liaison"},
    "exchange.attr.community": {"fr": "communauté", "en": "community"},
    "exchange.attr.community_label": {"fr": "nom de la communauté", "en": "community name"},
    "exchange.attr.gaps": {"fr": "manques", "en": "gaps"},
    "exchange.attr.relation": {"fr": "relation", "en": "relation"},
    "exchange.attr.amount": {"fr": "montant", "en": "amount"},
    "exchange.attr.year": {"fr": "année", "en": "year"},
    "exchange.attr.weight": {"fr": "poids", "en": "weight"},
    "exchange.attr.relation_kind": {"fr": "nature", "en": "kind"},
    "exchange.value.actor": {"fr": "acteur", "en": "actor"},
    "exchange.value.project": {"fr": "projet", "en": "project"},
    "exchange.kumu.actor": {"fr": "Acteur", "en": "Actor"},
    "exchange.kumu.project": {"fr": "Projet", "en": "Project"},
    "exchange.description": {
        "fr": "Écosystème « {name} » exporté par graphmap {version} avec son analyse.",
        "en": "Ecosystem '{name}' exported by graphmap {version} with its analysis.",
    },
    # 360Giving: names given to what the grant data leaves unnamed.
    "exchange.giving.individual": {"fr": "Personne (subvention {grant})", "en": "Individual (grant {grant})"},
    "exchange.giving.untitled": {"fr": "Subvention {grant}", "en": "Grant {grant}"},
}
