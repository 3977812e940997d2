"""Messages of the text, JSON and Markdown reports and of the ``graphmap analyze`` command."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- the command ------------------------------------------------------------------------
    "report.cli.help": {
        "fr": (
            "Analyser un espace de travail : courtiers, manques, occasions de collaboration et "
            "communautés.\n\n"
            "WORKSPACE est un dossier (actors.csv, projects.csv, relations.csv), un classeur "
            ".xlsx ou un fichier .json. Le rapport s'affiche sur la sortie standard ; les "
            "diagnostics, sur la sortie d'erreur.\n\n"
            "Exemple :\n\n"
            "    graphmap analyze examples/laurentides --lang fr --top 5 --out rapport/"
        ),
        "en": (
            "Analyze a workspace: brokers, gaps, collaboration opportunities and communities.\n\n"
            "WORKSPACE is a folder (actors.csv, projects.csv, relations.csv), an .xlsx workbook "
            "or a .json file. The report goes to standard output; diagnostics go to standard "
            "error.\n\n"
            "Example:\n\n"
            "    graphmap analyze examples/laurentides --lang en --top 5 --out report/"
        ),
    },
    "report.cli.short_help": {
        "fr": "Analyser un écosystème et produire le rapport.",
        "en": "Analyze an ecosystem and print the report.",
    },
    "report.cli.format_help": {
        "fr": (
            "Format du rapport\u00a0: text (lisible au terminal), json (pour les scripts) ou "
            "markdown (à coller dans un document)."
        ),
        "en": (
            "Report format: text (for the terminal), json (for scripts) or markdown (to paste into "
            "a document)."
        ),
    },
    "report.cli.out_help": {
        "fr": (
            "Dossier où écrire report.json, report.md, map.html, report.html, la note au "
            "conseil brief.html et la liste d'actions actions.xlsx."
        ),
        "en": (
            "Folder where report.json, report.md, map.html, report.html, the board brief "
            "brief.html and the action list actions.xlsx are written."
        ),
    },
    "report.cli.group_by_help": {
        "fr": (
            "Groupes du courtage de Gould-Fernandez\u00a0: secteur (par défaut), territoire ou "
            "communauté."
        ),
        "en": "Groups for Gould-Fernandez brokerage: sector (default), territory or community.",
    },
    "report.cli.top_help": {
        "fr": (
            "Nombre de courtiers et de communautés à afficher, et d'occasions par type et de "
            "manques par niveau de gravité (le JSON contient tout)."
        ),
        "en": (
            "How many brokers and communities to show, and opportunities per kind and gaps "
            "per severity level (the JSON holds everything)."
        ),
    },
    "report.cli.seed_help": {
        "fr": (
            "Graine des étapes aléatoires (communautés, échantillonnage)\u00a0: même graine, même "
            "rapport."
        ),
        "en": "Seed of the random steps (communities, sampling): same seed, same report.",
    },
    "report.cli.config_help": {
        "fr": (
            "Fichier de réglages graphmap.toml (par défaut\u00a0: celui de l'espace de travail, "
            "s'il existe)."
        ),
        "en": "Settings file graphmap.toml (default: the workspace's own, if any).",
    },
    "report.cli.wrote": {"fr": "Fichier écrit\u00a0: {path}", "en": "Wrote {path}"},
    # Progress-bar labels, one per step of graphmap.analysis.pipeline.STEPS (+ load, render).
    "report.step.load": {"fr": "Lecture des données", "en": "Reading the data"},
    "report.step.graph": {"fr": "Construction des graphes", "en": "Building the graphs"},
    "report.step.betweenness": {"fr": "Intermédiarité", "en": "Betweenness"},
    "report.step.constraint": {
        "fr": "Contrainte et taille effective",
        "en": "Constraint and effective size",
    },
    "report.step.communities": {"fr": "Communautés", "en": "Communities"},
    "report.step.brokerage": {"fr": "Rôles de courtage", "en": "Brokerage roles"},
    "report.step.gaps": {"fr": "Manques", "en": "Gaps"},
    "report.step.opportunities": {"fr": "Occasions de collaboration", "en": "Opportunities"},
    "report.step.summary": {"fr": "Chiffres clés", "en": "Key figures"},
    "report.step.render": {"fr": "Rédaction du rapport", "en": "Writing the report"},
    # French puts a (no-break) space before the colon.
    "report.label_value": {"fr": "{label}\u00a0: {value}", "en": "{label}: {value}"},
    # --- headings ---------------------------------------------------------------------------
    "report.title": {"fr": "Rapport graphmap\u00a0: {name}", "en": "graphmap report: {name}"},
    "report.title_unnamed": {"fr": "Rapport graphmap", "en": "graphmap report"},
    "report.section.summary": {"fr": "L'écosystème en chiffres", "en": "The ecosystem in figures"},
    "report.section.brokers": {"fr": "Principaux courtiers", "en": "Top brokers"},
    "report.section.gaps": {"fr": "Manques", "en": "Gaps"},
    "report.section.opportunities": {
        "fr": "Meilleures occasions de collaboration",
        "en": "Best collaboration opportunities",
    },
    "report.section.communities": {"fr": "Communautés", "en": "Communities"},
    "report.severity.high": {"fr": "Gravité élevée", "en": "High severity"},
    "report.severity.medium": {"fr": "Gravité moyenne", "en": "Medium severity"},
    "report.severity.low": {"fr": "Gravité faible", "en": "Low severity"},
    # --- the ecosystem in figures -------------------------------------------------------------
    "report.figure.actors": {"fr": "Acteurs", "en": "Actors"},
    "report.figure.projects": {"fr": "Projets", "en": "Projects"},
    "report.figure.relations": {"fr": "Relations", "en": "Relations"},
    "report.figure.components": {"fr": "Composantes connexes", "en": "Connected components"},
    "report.figure.density": {"fr": "Densité", "en": "Density"},
    "report.figure.isolated": {"fr": "Acteurs isolés", "en": "Isolated actors"},
    "report.figure.communities": {"fr": "Communautés", "en": "Communities"},
    "report.figure.funding_total": {"fr": "Financement total", "en": "Total funding"},
    "report.figure.funding_hhi": {
        "fr": "Concentration du financement (IHH)",
        "en": "Funding concentration (HHI)",
    },
    "report.figure.mean_sector_diversity": {
        "fr": "Secteurs par projet (moyenne)",
        "en": "Sectors per project (mean)",
    },
    "report.figure.gaps": {"fr": "Manques", "en": "Gaps"},
    "report.figure.opportunities": {"fr": "Occasions proposées", "en": "Opportunities proposed"},
    "report.figure.label": {"fr": "Indicateur", "en": "Figure"},
    "report.figure.value": {"fr": "Valeur", "en": "Value"},
    "report.figure.projects_by_stage": {"fr": "Projets par étape", "en": "Projects by stage"},
    "report.approximate": {
        "fr": (
            "L'intermédiarité est estimée à partir de {sample} plus courts chemins tirés au "
            "hasard (KADABRA, graine {seed})\u00a0: chaque valeur est à ±{bound} près de la "
            "valeur exacte avec une probabilité de {confidence}."
        ),
        "en": (
            "Betweenness is estimated from {sample} sampled shortest paths (KADABRA, seed "
            "{seed}): every value is within ±{bound} of the exact one with probability "
            "{confidence}."
        ),
    },
    "report.group_by": {
        "fr": "Groupes utilisés pour les rôles de courtage\u00a0: {group}.",
        "en": "Groups used for brokerage roles: {group}.",
    },
    "report.group.sector": {"fr": "secteur", "en": "sector"},
    "report.group.territory": {"fr": "territoire", "en": "territory"},
    "report.group.community": {"fr": "communauté", "en": "community"},
    # --- brokers ----------------------------------------------------------------------------
    "report.broker.rank": {"fr": "Rang", "en": "Rank"},
    "report.broker.actor": {"fr": "Acteur", "en": "Actor"},
    "report.broker.sector": {"fr": "Secteur", "en": "Sector"},
    "report.broker.betweenness": {"fr": "Intermédiarité", "en": "Betweenness"},
    "report.broker.constraint": {"fr": "Contrainte", "en": "Constraint"},
    "report.broker.effective_size": {"fr": "Taille effective", "en": "Effective size"},
    "report.broker.brokerage": {"fr": "Profil de courtage", "en": "Brokerage profile"},
    "report.broker.no_brokerage": {"fr": "aucun rôle de courtage", "en": "no brokerage role"},
    "report.role.coordinator": {"fr": "coordonnateur", "en": "coordinator"},
    "report.role.itinerant": {"fr": "itinérant", "en": "itinerant"},
    "report.role.representative": {"fr": "représentant", "en": "representative"},
    "report.role.gatekeeper": {"fr": "gardien", "en": "gatekeeper"},
    "report.role.liaison": {"fr": "agent de liaison", "en": "liaison"},
    "report.none.brokers": {
        "fr": "Aucun acteur dans l'écosystème.",
        "en": "No actor in the ecosystem.",
    },
    # --- gaps -------------------------------------------------------------------------------
    "report.gap.remedy": {"fr": "À faire\u00a0: {remedy}", "en": "Remedy: {remedy}"},
    "report.none.gaps": {"fr": "Aucun manque détecté.", "en": "No gap found."},
    "report.more": {
        "fr": "… et {count} de plus (voir le rapport JSON).",
        "en": "… and {count} more (see the JSON report).",
    },
    # --- opportunities ----------------------------------------------------------------------
    "report.kind.fund": {"fr": "Bailleurs de fonds à approcher", "en": "Funders to approach"},
    "report.kind.support": {
        "fr": "Partenaires de soutien à inviter",
        "en": "Support partners to invite",
    },
    "report.kind.adopt": {"fr": "Preneurs potentiels", "en": "Potential adopters"},
    "report.kind.collaborate": {"fr": "Acteurs à rapprocher", "en": "Actors to bring together"},
    "report.opportunity.score": {"fr": "score {score}", "en": "score {score}"},
    "report.opportunity.introducer": {
        "fr": "Qui peut faire les présentations\u00a0: {name}",
        "en": "Who can make the introduction: {name}",
    },
    "report.opportunity.no_introducer": {
        "fr": "Personne ne peut encore faire les présentations.",
        "en": "Nobody can make the introduction yet.",
    },
    "report.opportunity.path": {"fr": "Chemin\u00a0: {path}", "en": "Path: {path}"},
    "report.none.opportunities": {
        "fr": "Aucune occasion proposée.",
        "en": "No opportunity proposed.",
    },
    # --- communities ------------------------------------------------------------------------
    "report.community.heading": {
        "fr": "Communauté {id}\u00a0: {label}",
        "en": "Community {id}: {label}",
    },
    "report.community.size": {
        "fr": {"one": "{count} membre, dont {members}", "other": "{count} membres, dont {members}"},
        "en": {"one": "{count} member, including {members}", "other": "{count} members, including {members}"},
    },
    "report.community.size_all": {
        "fr": {"one": "{count} membre\u00a0: {members}", "other": "{count} membres\u00a0: {members}"},
        "en": {"one": "{count} member: {members}", "other": "{count} members: {members}"},
    },
    "report.community.id": {"fr": "N°", "en": "No."},
    "report.community.label": {"fr": "Communauté", "en": "Community"},
    "report.community.members": {"fr": "Membres", "en": "Members"},
    "report.community.dominant_sector": {"fr": "Secteur dominant", "en": "Dominant sector"},
    "report.community.dominant_territory": {
        "fr": "Territoire dominant",
        "en": "Dominant territory",
    },
    "report.none.communities": {"fr": "Aucune communauté.", "en": "No community."},
    "report.footer": {
        "fr": "Produit par graphmap {version}.",
        "en": "Produced by graphmap {version}.",
    },
    # --- the action list (actions.xlsx) -----------------------------------------------------
    "report.actions.sheet": {"fr": "Présentations", "en": "Introductions"},
    "report.actions.col.kind": {"fr": "Type", "en": "Kind"},
    "report.actions.col.source": {"fr": "De", "en": "From"},
    "report.actions.col.target": {"fr": "Vers", "en": "To"},
    "report.actions.col.introducer": {"fr": "Qui fait les présentations", "en": "Who introduces"},
    "report.actions.col.introduction": {"fr": "Qui appelle qui", "en": "Who calls whom"},
    "report.actions.col.reasons": {"fr": "Raisons", "en": "Reasons"},
    "report.actions.col.evidence": {"fr": "Force des indices", "en": "Evidence strength"},
    "report.actions.col.score": {"fr": "Score", "en": "Score"},
    "report.actions.col.source_id": {"fr": "Identifiant (de)", "en": "Id (from)"},
    "report.actions.col.target_id": {"fr": "Identifiant (vers)", "en": "Id (to)"},
    "report.actions.col.introducer_id": {
        "fr": "Identifiant (présentations)",
        "en": "Id (introducer)",
    },
    "report.actions.col.own": {"fr": "{side} — {column}", "en": "{side} — {column}"},
    "report.actions.col.done": {"fr": "Fait ?", "en": "Done?"},
    "report.actions.col.notes": {"fr": "Notes", "en": "Notes"},
    "report.actions.calls": {
        "fr": "{introducer} appelle {source} et {target}",
        "en": "{introducer} calls {source} and {target}",
    },
    "report.actions.calls_direct": {
        "fr": "{source} appelle {target} directement",
        "en": "{source} calls {target} directly",
    },
    # --- one organisation's point of view (--for) ---------------------------------------------
    "report.for.unknown": {
        "fr": "--for : aucun acteur n'a l'identifiant ou le nom « {id} ».",
        "en": "--for: no actor has the id or name '{id}'.",
    },
    "report.for.unknown_suggest": {
        "fr": "--for : aucun acteur n'a l'identifiant ou le nom « {id} » ; vouliez-vous dire « {suggestion} » ({name}) ?",
        "en": "--for: no actor has the id or name '{id}'; did you mean '{suggestion}' ({name})?",
    },
    "report.for.ambiguous": {
        "fr": "--for : plusieurs acteurs s'appellent « {name} » ({ids}) ; donnez son identifiant.",
        "en": "--for: several actors are called '{name}' ({ids}); give its id.",
    },
    "report.for.help": {
        "fr": "Rapport, note et liste d'actions du point de vue d'une organisation (son identifiant ou son nom) : les présentations qu'elle peut faire, les manques qu'elle pourrait combler, qui rencontrer.",
        "en": "Report, brief and action list from one organisation's point of view (its id or name): the introductions it can make, the gaps it could fill, whom to meet.",
    },
    "report.for.heading": {
        "fr": "Du point de vue de {name}",
        "en": "From the point of view of {name}",
    },
    # --- the glossary (every human output ends with it or links to it) ----------------------
    "report.glossary.heading": {"fr": "Lexique", "en": "Glossary"},
    "report.glossary.entry": {"fr": "{term}\u00a0: {text}", "en": "{term}: {text}"},
    "report.glossary.betweenness.term": {"fr": "Intermédiarité", "en": "Betweenness"},
    "report.glossary.betweenness.text": {
        "fr": "la part des plus courts chemins entre les autres acteurs qui passent par celui-ci, de 0 (personne ne passe par lui) à 1 (tout passe par lui) : qui fait le pont.",
        "en": "the share of the shortest paths between other actors that run through this one, from 0 (no one goes through it) to 1 (everything does): who bridges.",
    },
    "report.glossary.constraint.term": {"fr": "Contrainte", "en": "Constraint"},
    "report.glossary.constraint.text": {
        "fr": "à quel point les partenaires d'un acteur se connaissent déjà entre eux, de près de 0 (des partenaires qui ne se connaissent pas : des ponts à jouer) à 1 et plus (un cercle fermé).",
        "en": "how much an actor's partners already know one another, from near 0 (partners who do not know each other: bridges to play) to 1 and over (a closed circle).",
    },
    "report.glossary.effective_size.term": {"fr": "Taille effective", "en": "Effective size"},
    "report.glossary.effective_size.text": {
        "fr": "le nombre de partenaires d'un acteur qui ne font pas double emploi, c'est-à-dire qui ne se connaissent pas entre eux.",
        "en": "the number of an actor's partners who are not redundant, that is who do not know one another.",
    },
    "report.glossary.brokerage.term": {"fr": "Profil de courtage", "en": "Brokerage profile"},
    "report.glossary.brokerage.text": {
        "fr": "combien de fois un acteur relie deux partenaires qui ne se connaissent pas, selon leurs groupes : coordonnateur (les trois dans le même groupe), gardien (il fait entrer dans son groupe), représentant (il parle pour son groupe), itinérant (il relie deux membres d'un autre groupe), agent de liaison (trois groupes différents).",
        "en": "how many times an actor links two partners who do not know each other, by their groups: coordinator (all three in one group), gatekeeper (lets others into its group), representative (speaks for its group), itinerant (links two members of another group), liaison (three different groups).",
    },
    "report.glossary.components.term": {"fr": "Composantes connexes", "en": "Connected components"},
    "report.glossary.components.text": {
        "fr": "les morceaux de la carte qui n'ont aucun lien entre eux ; 1 veut dire que tout le monde est relié, de près ou de loin.",
        "en": "the pieces of the map with no tie between them; 1 means everyone is linked, closely or not.",
    },
    "report.glossary.communities.term": {"fr": "Communautés", "en": "Communities"},
    "report.glossary.communities.text": {
        "fr": "des groupes d'acteurs et de projets plus liés entre eux qu'avec le reste de la carte, trouvés par le calcul et nommés d'après leur secteur et leur territoire dominants.",
        "en": "groups of actors and projects more tied to one another than to the rest of the map, found by computation and named after their dominant sector and territory.",
    },
    "report.glossary.hhi.term": {"fr": "IHH", "en": "HHI"},
    "report.glossary.hhi.text": {
        "fr": "l'indice de Herfindahl-Hirschman mesure la concentration du financement, de près de 0 (beaucoup de bailleurs de fonds à parts égales) à 1 (un seul paie tout).",
        "en": "the Herfindahl–Hirschman index measures how concentrated funding is, from near 0 (many funders with equal shares) to 1 (one pays everything).",
    },
    "report.glossary.density.term": {"fr": "Densité", "en": "Density"},
    "report.glossary.density.text": {
        "fr": "la part des liens possibles entre acteurs qui existent, de 0 à 1.",
        "en": "the share of the possible ties between actors that exist, from 0 to 1.",
    },
    "report.glossary.gap.term": {"fr": "Manque", "en": "Gap"},
    "report.glossary.gap.text": {
        "fr": "ce qui manque à un projet, à un territoire ou à l'écosystème pour avancer (un bailleur de fonds, des secteurs variés, des preneurs…), classé élevé, moyen ou faible selon l'étape du projet.",
        "en": "what a project, a territory or the ecosystem lacks to move forward (a funder, diverse sectors, adopters…), rated high, medium or low by the project's stage.",
    },
    "report.glossary.score.term": {"fr": "Score", "en": "Score"},
    "report.glossary.score.text": {
        "fr": "le classement d'une occasion parmi celles de même type, de 0 à 1 ; il ne se compare pas d'un type à l'autre.",
        "en": "how an opportunity ranks among those of its kind, from 0 to 1; it does not compare across kinds.",
    },
    "report.glossary.evidence.term": {"fr": "Force des indices", "en": "Evidence strength"},
    "report.glossary.evidence.text": {
        "fr": "à quel point la carte appuie une occasion : solides (plusieurs raisons concordent), modérés ou faibles (une seule raison, à vérifier avant d'appeler).",
        "en": "how well the map supports an opportunity: strong (several reasons agree), moderate, or weak (one reason, to check before calling).",
    },
    "report.glossary.introducer.term": {"fr": "Qui fait les présentations", "en": "Who introduces"},
    "report.glossary.introducer.text": {
        "fr": "un acteur qui connaît déjà les deux parties et peut les mettre en contact.",
        "en": "an actor who already knows both sides and can put them in touch.",
    },
    # --- the board brief (brief.html) --------------------------------------------------------
    "brief.title": {"fr": "Note au conseil : l'écosystème en bref", "en": "Board brief: the ecosystem at a glance"},
    "brief.title_named": {"fr": "Note au conseil : {name}", "en": "Board brief: {name}"},
    "brief.figures": {"fr": "Chiffres clés", "en": "Key figures"},
    "brief.brokers": {"fr": "Les cinq principaux passeurs", "en": "The five leading brokers"},
    "brief.brokers_intro": {
        "fr": "Les acteurs par qui passent le plus les échanges entre des groupes qui autrement ne se parlent pas.",
        "en": "The actors through whom most exchanges pass between groups that would otherwise not talk.",
    },
    "brief.none.brokers": {"fr": "Aucun acteur ne joue de rôle d'intermédiaire.", "en": "No actor acts as a broker."},
    "brief.gaps": {"fr": "Les manques les plus sérieux", "en": "The most serious gaps"},
    "brief.more_gaps": {
        "fr": {"one": "… et {count} autre manque dans le rapport complet.", "other": "… et {count} autres manques dans le rapport complet."},
        "en": {"one": "… and {count} more gap in the full report.", "other": "… and {count} more gaps in the full report."},
    },
    "brief.introductions": {"fr": "Les dix meilleures présentations à faire", "en": "The ten best introductions to make"},
    "brief.more_introductions": {
        "fr": {"one": "… et {count} autre occasion dans la liste d'actions (actions.xlsx).", "other": "… et {count} autres occasions dans la liste d'actions (actions.xlsx)."},
        "en": {"one": "… and {count} more opportunity in the action list (actions.xlsx).", "other": "… and {count} more opportunities in the action list (actions.xlsx)."},
    },
    "brief.pdf.no_browser": {
        "fr": "Impossible d'écrire {path} : aucun navigateur Chromium, Chrome ou Edge trouvé pour imprimer le PDF. Installez-en un, indiquez son chemin dans GRAPHMAP_CHROMIUM, ou écrivez la note en HTML (-o note.html) et imprimez-la depuis le navigateur.",
        "en": "Cannot write {path}: no Chromium, Chrome or Edge browser found to print the PDF. Install one, give its path in GRAPHMAP_CHROMIUM, or write the brief as HTML (-o brief.html) and print it from the browser.",
    },
    "brief.pdf.failed": {
        "fr": "L'impression du PDF par {browser} a échoué : {detail}",
        "en": "Printing the PDF with {browser} failed: {detail}",
    },
    "brief.cli.help": {
        "fr": "Écrire la note au conseil d'un espace de travail (deux pages au plus : chiffres clés, cinq passeurs, manques les plus sérieux, dix meilleures présentations, lexique), en PDF ou en HTML selon l'extension de -o.\n\nExemple : graphmap brief examples/laurentides -o note.pdf --lang fr",
        "en": "Write a workspace's board brief (two pages at most: key figures, five brokers, the most serious gaps, the ten best introductions, a glossary), as PDF or HTML by the extension of -o.\n\nExample: graphmap brief examples/laurentides -o brief.pdf --lang en",
    },
    "brief.cli.short_help": {"fr": "Écrire la note au conseil (PDF ou HTML).", "en": "Write the board brief (PDF or HTML)."},
    "brief.cli.output_help": {
        "fr": "Fichier à écrire : .pdf (imprimé par Chromium) ou .html.",
        "en": "File to write: .pdf (printed by Chromium) or .html.",
    },
    "brief.cli.paper_help": {
        "fr": "Format du papier du PDF : letter (lettre) ou a4.",
        "en": "Paper size of the PDF: letter or a4.",
    },
    "brief.cli.wrote": {"fr": "Note écrite : {path}", "en": "Brief written: {path}"},
    "cli.output_extension": {
        "fr": "{option} : « {path} » devrait finir par {expected} ({what}) ; l'extension « {suffix} » ne correspond pas à ce qui serait écrit.",
        "en": "{option}: '{path}' should end with {expected} ({what}); the extension '{suffix}' does not match what would be written.",
    },
    "cli.output_extension_none": {
        "fr": "{option} : « {path} » devrait finir par {expected} ({what}).",
        "en": "{option}: '{path}' should end with {expected} ({what}).",
    },
    "cli.what.html_map": {"fr": "une carte HTML", "en": "an HTML map"},
    "cli.what.brief": {"fr": "la note en PDF ou en HTML", "en": "the brief as PDF or HTML"},
    "brief.cli.output_metavar": {"fr": "FICHIER", "en": "FILE"},
    "brief.cli.config_metavar": {"fr": "FICHIER", "en": "FILE"},
}
