"""Messages of the publication step (docs/privacy.md): held-back columns, the public mode,
pseudonyms and group labels, the publication log."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # -- command line -------------------------------------------------------------------
    "privacy.cli.public_help": {
        "fr": "Sorties destinées au Web : personnes pseudonymisées (ou regroupées si leur profil est unique), colonnes propres retirées sauf celles de --include-columns, coordonnées effacées du texte, journal publication.md et publication.json. Voir docs/privacy.md.",
        "en": "Outputs meant for the web: persons pseudonymised (or grouped when their profile is unique), own columns dropped except those of --include-columns, contact details scrubbed from text, a publication.md and publication.json log. See docs/privacy.md.",
    },
    "privacy.cli.include_help": {
        "fr": "Colonnes propres à publier malgré tout, séparées par des virgules (s'ajoutent à include_columns de [publish] dans graphmap.toml).",
        "en": "Own columns to publish all the same, comma-separated (added to include_columns of [publish] in graphmap.toml).",
    },
    "privacy.held_back": {
        "fr": "Coordonnées retenues hors du HTML, du Markdown et de la carte : {columns} ; pour les publier : --include-columns {names} ou include_columns dans [publish] de graphmap.toml.",
        "en": "Contact columns held back from HTML, Markdown and the map: {columns}; to publish them: --include-columns {names} or include_columns in [publish] of graphmap.toml.",
    },
    # Each count is a counted noun (privacy.count.*): "1 groupe", "3 groupes".
    "privacy.summary": {
        "fr": "Mode public\u00a0: {pseudonymised}, {aggregated} en {groups}, {removed}, {columns}.",
        "en": "Public mode: {pseudonymised}, {aggregated} into {groups}, {removed}, {columns}.",
    },
    "privacy.count.pseudonymised": {
        "fr": {"one": "{count} personne pseudonymisée", "other": "{count} personnes pseudonymisées"},
        "en": {"one": "{count} person pseudonymised", "other": "{count} persons pseudonymised"},
    },
    "privacy.count.aggregated": {
        "fr": {"one": "{count} regroupée", "other": "{count} regroupées"},
        "en": {"one": "{count} grouped", "other": "{count} grouped"},
    },
    "privacy.count.groups": {
        "fr": {"one": "{count} groupe", "other": "{count} groupes"},
        "en": {"one": "{count} group", "other": "{count} groups"},
    },
    "privacy.count.removed": {
        "fr": {"one": "{count} retirée", "other": "{count} retirées"},
        "en": {"one": "{count} left out", "other": "{count} left out"},
    },
    "privacy.count.columns": {
        "fr": {"one": "{count} colonne retirée", "other": "{count} colonnes retirées"},
        "en": {"one": "{count} column dropped", "other": "{count} columns dropped"},
    },
    "privacy.report_note": {
        "fr": "Version publique : les personnes sont désignées par un libellé neutre ou regroupées (k = {k}) et les coordonnées retirées ; l'analyse a été calculée sur les données complètes, puis caviardée (voir publication.md).",
        "en": "Public version: persons are shown under a neutral label or grouped (k = {k}) and contact details removed; the analysis was computed on the full data, then redacted (see publication.md).",
    },
    "privacy.not_published": {
        "fr": "L'acteur « {id} » n'apparaît pas dans les sorties publiques : son profil est unique et trop peu de personnes le partagent pour former un groupe (docs/privacy.md §3).",
        "en": "Actor '{id}' does not appear in the public outputs: its profile is unique and too few persons share it to form a group (docs/privacy.md §3).",
    },
    "privacy.unknown_columns": {
        "fr": "{option} : colonne inconnue {names} ; colonnes de l'espace de travail : {columns}.",
        "en": "{option}: unknown column {names}; the workspace's columns: {columns}.",
    },
    "privacy.unknown_columns_none": {
        "fr": "{option} : colonne inconnue {names} ; l'espace de travail n'a aucune colonne propre.",
        "en": "{option}: unknown column {names}; the workspace has no columns of its own.",
    },
    "privacy.salt_unwritable": {
        "fr": "Impossible de créer le sel des pseudonymes {path} ({detail}) ; définissez GRAPHMAP_SALT.",
        "en": "Cannot create the pseudonym salt {path} ({detail}); set GRAPHMAP_SALT.",
    },
    "privacy.salt_unreadable": {
        "fr": "Le sel des pseudonymes {path} est illisible ou vide ; supprimez-le pour en créer un autre (les pseudonymes changeront) ou définissez GRAPHMAP_SALT.",
        "en": "The pseudonym salt {path} is unreadable or empty; delete it to create another (pseudonyms will change) or set GRAPHMAP_SALT.",
    },
    "privacy.config.not_a_table": {
        "fr": "{where} : [publish] doit être une table.",
        "en": "{where}: [publish] must be a table.",
    },
    "privacy.config.unknown_key": {
        "fr": "{where} : réglage inconnu '{name}' dans [publish] (connus : {known}).",
        "en": "{where}: unknown setting '{name}' in [publish] (known: {known}).",
    },
    "privacy.config.bad_value": {
        "fr": "{where} : [publish] {name} attend {expected}.",
        "en": "{where}: [publish] {name} expects {expected}.",
    },
    "privacy.expect.strings": {"fr": "une liste de textes", "en": "an array of strings"},
    "privacy.expect.k": {"fr": "un entier >= 1", "en": "an integer >= 1"},
    "privacy.expect.bool": {"fr": "true ou false", "en": "true or false"},
    "issue.public.invalid": {
        "fr": "valeur '{value}' de la colonne public : oui ou non (yes / no) attendu",
        "en": "value '{value}' of the public column: yes or no (oui / non) expected",
    },
    # -- what replaces personal data ------------------------------------------------------
    "privacy.placeholder.email": {"fr": "[courriel retiré]", "en": "[e-mail removed]"},
    "privacy.placeholder.phone": {"fr": "[téléphone retiré]", "en": "[phone removed]"},
    "privacy.placeholder.postal_code": {"fr": "[code postal retiré]", "en": "[postal code removed]"},
    "privacy.placeholder.person": {"fr": "[personne]", "en": "[person]"},
    "privacy.person_label": {"fr": "Personne {number}", "en": "Person {number}"},
    "privacy.group.citizens": {"fr": "{count} citoyennes et citoyens {where}", "en": "{count} citizens {where}"},
    "privacy.group.people": {"fr": "{count} personnes {where}", "en": "{count} people {where}"},
    "privacy.where.named": {"fr": "de {territory}", "en": "of {territory}"},
    "privacy.where.elided": {"fr": "d'{territory}", "en": "of {territory}"},
    "privacy.where.mixed": {"fr": "de plusieurs territoires", "en": "from several territories"},
    "privacy.where.none": {"fr": "sans territoire", "en": "with no territory"},
    # -- the publication log ------------------------------------------------------------
    "privacy.log.title": {"fr": "Journal de publication", "en": "Publication log"},
    "privacy.log.intro_public": {
        "fr": "Sorties publiques produites le {date} par graphmap {version}. Ce journal dit ce qui a été retiré, remplacé ou regroupé et selon quelle règle ; il ne contient aucune donnée personnelle.",
        "en": "Public outputs produced on {date} by graphmap {version}. This log says what was removed, replaced or aggregated and by which rule; it holds no personal data.",
    },
    "privacy.log.intro_default": {
        "fr": "Sorties produites le {date} par graphmap {version} en mode par défaut : le rapport JSON garde toutes les colonnes ; le HTML, le Markdown et la carte laissent de côté les colonnes de coordonnées ci-dessous.",
        "en": "Outputs produced on {date} by graphmap {version} in default mode: the JSON report keeps every column; HTML, Markdown and the map leave out the contact columns below.",
    },
    "privacy.log.rules": {"fr": "Règles appliquées", "en": "Rules applied"},
    "privacy.log.rule_analysis": {
        "fr": "L'analyse est calculée sur les données complètes, puis ses résultats sont caviardés : les mesures des organisations tiennent compte des personnes.",
        "en": "The analysis is computed on the full data, then its results are redacted: the organisations' measures take the persons into account.",
    },
    "privacy.log.rule_persons": {
        "fr": "Sont des personnes : les acteurs du secteur citoyen, de catégorie individu, ou dont la colonne public vaut non. Elles reçoivent un libellé neutre (Personne 1…) et un identifiant pseudonyme stable.",
        "en": "Persons are actors of the citizen sector, of the individual category, or whose public column says no. They get a neutral label (Person 1…) and a stable pseudonymous id.",
    },
    "privacy.log.rule_k": {
        "fr": "Contrôle de réidentification : une personne dont la combinaison territoire, secteur et liens est partagée par moins de {k} personnes est signalée (k-anonymat, k = {k}).",
        "en": "Re-identification check: a person whose combination of territory, sector and ties fewer than {k} persons share is flagged (k-anonymity, k = {k}).",
    },
    "privacy.log.rule_aggregate": {
        "fr": "Les personnes signalées sont regroupées en un nœud par territoire ; trop peu nombreuses pour former un groupe, elles sont retirées.",
        "en": "Flagged persons are aggregated into one node per territory; too few to form a group, they are left out.",
    },
    "privacy.log.rule_flag_only": {
        "fr": "Regroupement désactivé (aggregate = false) : les personnes signalées restent publiées sous pseudonyme.",
        "en": "Aggregation turned off (aggregate = false): flagged persons stay published under a pseudonym.",
    },
    "privacy.log.rule_columns": {
        "fr": "Toute colonne propre est retirée sauf celles incluses explicitement ; la colonne public n'est jamais publiée.",
        "en": "Every own column is dropped except those explicitly included; the public column is never published.",
    },
    "privacy.log.rule_scrub": {
        "fr": "Les courriels, numéros de téléphone nord-américains, codes postaux canadiens et noms des personnes sont effacés du texte publié (noms, types, thèmes, colonnes incluses, phrases du rapport).",
        "en": "E-mail addresses, North-American phone numbers, Canadian postal codes and persons' names are scrubbed from published text (names, types, themes, included columns, report sentences).",
    },
    "privacy.log.rule_salt_env": {
        "fr": "Pseudonymes : HMAC-SHA-256 avec le sel secret de GRAPHMAP_SALT (jamais écrit dans les sorties).",
        "en": "Pseudonyms: HMAC-SHA-256 keyed by the secret salt of GRAPHMAP_SALT (never written to the outputs).",
    },
    "privacy.log.rule_salt_file": {
        "fr": "Pseudonymes : HMAC-SHA-256 avec le sel secret du fichier .graphmap-salt à côté de l'espace de travail (jamais écrit dans les sorties).",
        "en": "Pseudonyms: HMAC-SHA-256 keyed by the secret salt of the .graphmap-salt file beside the workspace (never written to the outputs).",
    },
    "privacy.log.rule_default": {
        "fr": "Colonnes de coordonnées détectées par leur en-tête (courriel, téléphone, personne-ressource, adresse…) ou par leur contenu (courriels, téléphones, codes postaux), sauf inclusion explicite.",
        "en": "Contact columns detected by their header (e-mail, phone, contact person, address…) or their content (e-mail addresses, phones, postal codes), unless explicitly included.",
    },
    "privacy.log.included": {"fr": "Colonnes incluses : {columns}.", "en": "Included columns: {columns}."},
    "privacy.log.none": {"fr": "aucune", "en": "none"},
    "privacy.log.totals": {"fr": "En chiffres", "en": "In figures"},
    "privacy.log.what": {"fr": "quoi", "en": "what"},
    "privacy.log.count": {"fr": "nombre", "en": "count"},
    "privacy.log.total.persons": {"fr": "personnes dans les données", "en": "persons in the data"},
    "privacy.log.total.pseudonymised": {"fr": "personnes publiées sous pseudonyme", "en": "persons published under a pseudonym"},
    "privacy.log.total.flagged": {"fr": "personnes au profil unique (signalées)", "en": "persons with a unique profile (flagged)"},
    "privacy.log.total.aggregated": {"fr": "personnes regroupées", "en": "persons aggregated"},
    "privacy.log.total.groups": {"fr": "nœuds de groupe", "en": "group nodes"},
    "privacy.log.total.removed": {"fr": "personnes retirées (trop peu pour un groupe)", "en": "persons left out (too few for a group)"},
    "privacy.log.total.organisations_named": {"fr": "acteurs nommés (organisations)", "en": "actors named (organisations)"},
    "privacy.log.entries": {"fr": "Ce qui a été retiré, remplacé ou regroupé", "en": "What was removed, replaced or aggregated"},
    "privacy.log.action": {"fr": "action", "en": "action"},
    "privacy.log.table": {"fr": "table", "en": "table"},
    "privacy.log.column": {"fr": "colonne", "en": "column"},
    "privacy.log.rule": {"fr": "règle", "en": "rule"},
    "privacy.log.action.removed": {"fr": "retiré", "en": "removed"},
    "privacy.log.action.replaced": {"fr": "remplacé", "en": "replaced"},
    "privacy.log.action.aggregated": {"fr": "regroupé", "en": "aggregated"},
    "privacy.log.action.scrubbed": {"fr": "effacé du texte", "en": "scrubbed from text"},
    "privacy.log.action.flagged": {"fr": "signalé", "en": "flagged"},
    "privacy.log.rule.header": {"fr": "en-tête de coordonnées", "en": "contact header"},
    "privacy.log.rule.email": {"fr": "courriel", "en": "e-mail address"},
    "privacy.log.rule.phone": {"fr": "numéro de téléphone", "en": "phone number"},
    "privacy.log.rule.postal_code": {"fr": "code postal", "en": "postal code"},
    "privacy.log.rule.not_included": {"fr": "colonne non incluse", "en": "column not included"},
    "privacy.log.rule.public_flag": {"fr": "colonne de contrôle public", "en": "public control column"},
    "privacy.log.rule.citizen": {"fr": "secteur citoyen", "en": "citizen sector"},
    "privacy.log.rule.individual": {"fr": "catégorie individu", "en": "individual category"},
    "privacy.log.rule.public_no": {"fr": "public = non", "en": "public = no"},
    "privacy.log.rule.person_name": {"fr": "nom d'une personne", "en": "a person's name"},
    "privacy.log.rule.k_anonymity": {"fr": "k-anonymat", "en": "k-anonymity"},
    "privacy.log.nothing": {"fr": "Rien à signaler.", "en": "Nothing to report."},
    "privacy.log.groups": {"fr": "Nœuds de groupe", "en": "Group nodes"},
    "privacy.log.label": {"fr": "libellé", "en": "label"},
    "privacy.log.size": {"fr": "personnes", "en": "persons"},
    "privacy.log.responsibility": {"fr": "Ce qui reste la responsabilité de l'organisation", "en": "What remains the organisation's responsibility"},
    "privacy.log.responsibility_text": {
        "fr": "graphmap ne reconnaît pas un nom de personne écrit librement dans une colonne incluse s'il ne figure pas parmi les acteurs, ni une donnée sensible qui n'a pas la forme d'une coordonnée. Avant de publier, relisez les sorties, vérifiez que la collecte et la diffusion ont une base (consentement, finalité) et consignez cette publication dans votre évaluation des facteurs relatifs à la vie privée (Loi 25).",
        "en": "graphmap does not recognise a person's name written freely in an included column unless it is one of the actors, nor sensitive data that does not look like contact details. Before publishing, read the outputs, check that collection and publication have a basis (consent, purpose) and record this publication in your privacy impact assessment (Québec's Law 25).",
    },
}
