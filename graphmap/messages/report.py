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
            "Dossier où écrire report.json, report.md et, s'ils sont disponibles, map.html et "
            "report.html."
        ),
        "en": (
            "Folder where report.json, report.md and, when available, map.html and report.html are "
            "written."
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
            "L'intermédiarité est estimée par échantillonnage ({sample} sources, graine "
            "{seed})\u00a0: le réseau dépasse la taille du calcul exact."
        ),
        "en": (
            "Betweenness is estimated by sampling ({sample} sources, seed {seed}): the network "
            "exceeds the size limit of the exact computation."
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
}
