"""Messages of the analysis area: broker sentences, gaps and remedies, opportunity reasons,
community labels and the errors of ``graphmap.toml``.

A parameter that itself needs translating (a sector, a stage, a list of groups) is a
``Localized`` value (``graphmap.i18n``), rendered in the language of the sentence.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- graphmap.toml -------------------------------------------------------------
    "analysis.config.missing": {
        "fr": "fichier de configuration introuvable : {where}",
        "en": "configuration file not found: {where}",
    },
    "analysis.config.unreadable": {
        "fr": "impossible de lire {where} : {detail}",
        "en": "cannot read {where}: {detail}",
    },
    "analysis.config.bad_toml": {
        "fr": "{where} n'est pas un fichier TOML valide : {detail}",
        "en": "{where} is not valid TOML: {detail}",
    },
    "analysis.config.unknown_key_suggest": {
        "fr": "{where} : réglage inconnu « {name} » dans [analysis] ; vouliez-vous dire « {suggestion} » ?",
        "en": "{where}: unknown setting '{name}' in [analysis]; did you mean '{suggestion}'?",
    },
    "analysis.config.unknown_key": {
        "fr": "{where} : réglage inconnu « {name} » dans [analysis] (réglages possibles : {known})",
        "en": "{where}: unknown setting '{name}' in [analysis] (known settings: {known})",
    },
    "analysis.config.top_level_key": {
        "fr": "{where} : « {name} » doit figurer dans la table [analysis]",
        "en": "{where}: '{name}' belongs in the [analysis] table",
    },
    "analysis.config.unknown_table": {
        "fr": "{where} : table inconnue [{name}] ; vouliez-vous dire [analysis] ?",
        "en": "{where}: unknown table [{name}]; did you mean [analysis]?",
    },
    "analysis.config.not_a_table": {
        "fr": "{where} : « analysis » doit être une table ([analysis])",
        "en": "{where}: 'analysis' must be a table ([analysis])",
    },
    "analysis.config.in_file": {
        "fr": "{where} : {detail}",
        "en": "{where}: {detail}",
    },
    "analysis.config.bad_type": {
        "fr": "le réglage « {name} » doit être de type {expected} (valeur reçue : {value})",
        "en": "setting '{name}' must be a {expected} (got {value})",
    },
    "analysis.config.bad_range": {
        "fr": "le réglage « {name} » vaut {value} ; attendu : {limit}",
        "en": "setting '{name}' is {value}; expected {limit}",
    },
    "analysis.config.bad_choice": {
        "fr": "le réglage « {name} » vaut « {value} » ; valeurs possibles : {choices}",
        "en": "setting '{name}' is '{value}'; choose one of: {choices}",
    },
    "analysis.config.help.seed": {
        "fr": "Graine de tous les tirages aléatoires (échantillonnage de l'intermédiarité, communautés). Défaut : 42.",
        "en": "Seed of every random step (betweenness sampling, communities). Default: 42.",
    },
    "analysis.config.help.min_sectors": {
        "fr": "Nombre minimal de secteurs autour d'un projet dès la mobilisation (manque project.low_diversity). Défaut : 3.",
        "en": "Minimum number of sectors around a project from mobilization on (gap project.low_diversity). Default: 3.",
    },
    "analysis.config.help.top": {
        "fr": "Nombre de courtiers et d'occasions montrés en premier dans les rapports. Défaut : 20.",
        "en": "How many brokers and opportunities the reports show first. Default: 20.",
    },
    "analysis.config.help.group_by": {
        "fr": "Groupes des rôles de courtage de Gould et Fernandez : sector, territory ou community. Défaut : sector.",
        "en": "Groups of the Gould–Fernandez brokerage roles: sector, territory or community. Default: sector.",
    },
    "analysis.config.help.exact_betweenness_max_nodes": {
        "fr": "Intermédiarité exacte jusqu'à ce nombre de nœuds (acteurs + projets) ; estimée par échantillonnage au-delà. Défaut : 5000.",
        "en": "Exact betweenness up to this many nodes (actors + projects); sampled above. Default: 5000.",
    },
    "analysis.config.help.betweenness_samples": {
        "fr": "N'est plus utilisé (l'intermédiarité est estimée par KADABRA à betweenness_epsilon près) ; accepté pour que les fichiers existants se chargent. Défaut : 1500.",
        "en": "No longer used (betweenness is estimated by KADABRA to within betweenness_epsilon); accepted so that existing files load. Default: 1500.",
    },
    "analysis.config.help.betweenness_delta": {
        "fr": "Probabilité d'échec de la borne d'erreur annoncée pour l'intermédiarité estimée (entre 0 et 1). Défaut : 0.1.",
        "en": "Failure probability of the error bound reported for sampled betweenness (between 0 and 1). Default: 0.1.",
    },
    "analysis.config.help.betweenness_epsilon": {
        "fr": "Erreur maximale de l'intermédiarité estimée, pour tous les nœuds à la fois avec probabilité 1 − betweenness_delta (KADABRA, entre 0 et 1). Défaut : 0.01.",
        "en": "Largest error of estimated betweenness, on every node at once with probability 1 − betweenness_delta (KADABRA, between 0 and 1). Default: 0.01.",
    },
    "analysis.config.help.opportunities_per_project": {
        "fr": "Au plus ce nombre de propositions « financer », « soutenir » ou « adopter » par projet et par type. Défaut : 3.",
        "en": "At most this many fund, support or adopt proposals per project and kind. Default: 3.",
    },
    "analysis.config.help.collaborations_per_actor": {
        "fr": "Au plus ce nombre de partenaires proposés par acteur (« collaborer »). Défaut : 2.",
        "en": "At most this many partners proposed per actor (collaborate). Default: 2.",
    },
    "analysis.config.help.max_opportunities_per_kind": {
        "fr": "Au plus ce nombre d'occasions de chaque type dans le rapport (0 = sans limite). Défaut : 100.",
        "en": "At most this many opportunities of each kind in the report (0 = no limit). Default: 100.",
    },
    "analysis.config.help.link_prediction": {
        "fr": "Indice de prédiction de liens pour « collaborer » : resource_allocation ou adamic_adar. Défaut : resource_allocation.",
        "en": "Link-prediction index for collaborate: resource_allocation or adamic_adar. Default: resource_allocation.",
    },
    "analysis.config.help.community_resolution": {
        "fr": "Résolution de la modularité des communautés (1 = modularité classique ; plus grand = communautés plus petites). Défaut : 1.0.",
        "en": "Modularity resolution of the communities (1 = classic modularity; larger = smaller communities). Default: 1.0.",
    },
    # --- names of groups ---------------------------------------------------------------
    "analysis.group.unknown_territory": {"fr": "territoire inconnu", "en": "unknown territory"},
    "analysis.group.unknown_sector": {"fr": "secteur inconnu", "en": "unknown sector"},
    "analysis.group.no_community": {"fr": "sans communauté", "en": "no community"},
    "analysis.group.community": {"fr": "communauté {id}", "en": "community {id}"},
    # --- brokers -------------------------------------------------------------------------
    "analysis.broker.why_bridges": {
        "fr": {"by": "total", "one": "Fait le pont entre {count} groupes ({groups}) : intermédiaire dans {total} échange entre acteurs non liés directement, dont {across} entre groupes différents.", "other": "Fait le pont entre {count} groupes ({groups}) : intermédiaire dans {total} échanges entre acteurs non liés directement, dont {across} entre groupes différents."},
        "en": {"by": "total", "one": "Connects {count} groups ({groups}): intermediary in {total} exchange between actors not tied directly, {across} of them across groups.", "other": "Connects {count} groups ({groups}): intermediary in {total} exchanges between actors not tied directly, {across} of them across groups."},
    },
    "analysis.broker.why_within": {
        "fr": {"by": "total", "one": "Intermédiaire dans {total} échange entre acteurs non liés directement, au sein du groupe {group}.", "other": "Intermédiaire dans {total} échanges entre acteurs non liés directement, tous au sein du groupe {group}."},
        "en": {"by": "total", "one": "Intermediary in {total} exchange between actors not tied directly, within the {group} group.", "other": "Intermediary in {total} exchanges between actors not tied directly, all within the {group} group."},
    },
    "analysis.broker.why_paths": {
        "fr": "Se trouve sur des chemins les plus courts entre d'autres parties de la carte, sans toutefois relayer d'échange direct entre acteurs.",
        "en": "Lies on shortest paths between other parts of the map, but relays no direct exchange between actors.",
    },
    "analysis.broker.why_none": {
        "fr": "Ne se trouve entre aucun autre acteur : ses contacts sont liés entre eux ou ne mènent pas plus loin.",
        "en": "Does not stand between other actors: its contacts are tied to one another or lead nowhere else.",
    },
    "analysis.broker.why_bridges_off_paths": {
        "fr": {"by": "total", "one": "Relaie {total} échange entre acteurs non liés directement, entre {count} groupes ({groups}), dont {across} entre groupes différents ; mais ne se trouve sur aucun chemin le plus court de la carte : ceux qu'il relie le sont aussi sans lui (par un projet commun ou un autre partenaire).", "other": "Relaie {total} échanges entre acteurs non liés directement, entre {count} groupes ({groups}), dont {across} entre groupes différents ; mais ne se trouve sur aucun chemin le plus court de la carte : ceux qu'il relie le sont aussi sans lui (par un projet commun ou un autre partenaire)."},
        "en": {"by": "total", "one": "Relays {total} exchange between actors not tied directly, across {count} groups ({groups}), {across} of them between different groups; but lies on no shortest path of the map: those it relays between are also linked without it (through a shared project or another partner).", "other": "Relays {total} exchanges between actors not tied directly, across {count} groups ({groups}), {across} of them between different groups; but lies on no shortest path of the map: those it relays between are also linked without it (through a shared project or another partner)."},
    },
    "analysis.broker.why_within_off_paths": {
        "fr": {"by": "total", "one": "Relaie {total} échange entre acteurs non liés directement, au sein du groupe {group} ; mais ne se trouve sur aucun chemin le plus court de la carte : ceux qu'il relie le sont aussi sans lui (par un projet commun ou un autre partenaire).", "other": "Relaie {total} échanges entre acteurs non liés directement, tous au sein du groupe {group} ; mais ne se trouve sur aucun chemin le plus court de la carte : ceux qu'il relie le sont aussi sans lui (par un projet commun ou un autre partenaire)."},
        "en": {"by": "total", "one": "Relays {total} exchange between actors not tied directly, within the {group} group; but lies on no shortest path of the map: those it relays between are also linked without it (through a shared project or another partner).", "other": "Relays {total} exchanges between actors not tied directly, all within the {group} group; but lies on no shortest path of the map: those it relays between are also linked without it (through a shared project or another partner)."},
    },
    "analysis.broker.shown_fewer": {
        "fr": "Seuls {count} acteurs sur {actors} jouent un rôle d'intermédiaire (intermédiarité ou courtage au-dessus de 0) : les autres ne sont pas listés.",
        "en": "Only {count} of {actors} actors act as brokers (betweenness or brokerage above 0): the others are not listed.",
    },
    "analysis.broker.shown_one": {
        "fr": "Un seul acteur sur {actors} joue un rôle d'intermédiaire (intermédiarité ou courtage au-dessus de 0) : les autres ne sont pas listés.",
        "en": "Only one of {actors} actors acts as a broker (betweenness or brokerage above 0): the others are not listed.",
    },
    "analysis.broker.shown_none": {
        "fr": "Aucun acteur ne joue de rôle d'intermédiaire : aucune intermédiarité ni aucun courtage au-dessus de 0.",
        "en": "No actor acts as a broker: no betweenness and no brokerage above 0.",
    },
    "analysis.broker.why_isolated": {
        "fr": "N'a encore aucun lien : ne peut pas jouer le rôle d'intermédiaire.",
        "en": "Has no tie yet, so it cannot act as an intermediary.",
    },
    # --- gaps --------------------------------------------------------------------------
    "analysis.gap.project_no_carrier": {
        "fr": "« {name} » (étape : {stage}) n'a aucun porteur : personne ne crée, ne promeut ni ne pilote le projet.",
        "en": "“{name}” ({stage} stage) has no carrier: nobody creates, promotes or drives the project.",
    },
    "analysis.remedy.project_no_carrier": {
        "fr": "Dès l'émergence, un projet a besoin d'un porteur : désignez l'organisation, le groupe ou la personne qui le porte et ajoutez une relation « porte ».",
        "en": "From emergence on, a project needs a carrier: name the organisation, group or person who drives it and add a 'carries' relation.",
    },
    "analysis.gap.project_no_funder": {
        "fr": "« {name} » (étape : {stage}) n'a aucun bailleur de fonds.",
        "en": "“{name}” ({stage} stage) has no funder.",
    },
    "analysis.remedy.project_no_funder": {
        "fr": "Dès la mobilisation, un projet a besoin de financement : approchez un bailleur de fonds actif sur des projets semblables ou dans le territoire du projet (voir les occasions « financer »).",
        "en": "From mobilization on, a project needs funding: approach a funder active on similar projects or in the project's territory (see the 'fund' opportunities).",
    },
    "analysis.gap.project_single_funder": {
        "fr": "« {name} » (étape : {stage}) dépend d'un seul bailleur de fonds : {funder_name}.",
        "en": "“{name}” ({stage} stage) depends on a single funder: {funder_name}.",
    },
    "analysis.remedy.project_single_funder": {
        "fr": "Dès la rétroaction, dépendre d'un seul bailleur de fonds rend le projet fragile : diversifiez son financement pour en assurer la suite (voir les occasions « financer »).",
        "en": "From feedback on, depending on a single funder makes the project fragile: diversify its funding to secure what comes next (see the 'fund' opportunities).",
    },
    "analysis.gap.project_no_support": {
        "fr": "« {name} » (étape : {stage}) n'a aucun partenaire de soutien.",
        "en": "“{name}” ({stage} stage) has no support partner.",
    },
    "analysis.remedy.project_no_support": {
        "fr": "Dès la mobilisation, le porteur a besoin d'accompagnement (connaissances, crédibilité, diffusion) : invitez un partenaire de soutien actif sur des projets semblables ou dans le territoire (voir les occasions « soutenir »).",
        "en": "From mobilization on, the carrier needs backing (knowledge, credibility, diffusion): invite a support partner active on similar projects or in the territory (see the 'support' opportunities).",
    },
    "analysis.gap.project_low_diversity": {
        "fr": {"one": "« {name} » (étape : {stage}) ne réunit que {count} secteur : {sectors} ; il en faut au moins {min_sectors}.", "other": "« {name} » (étape : {stage}) ne réunit que {count} secteurs : {sectors} ; il en faut au moins {min_sectors}."},
        "en": {"one": "“{name}” ({stage} stage) brings together only {count} sector: {sectors}; at least {min_sectors} are needed.", "other": "“{name}” ({stage} stage) brings together only {count} sectors: {sectors}; at least {min_sectors} are needed."},
    },
    "analysis.gap.project_low_diversity_none": {
        "fr": "« {name} » (étape : {stage}) ne réunit aucun acteur ; il faut au moins {min_sectors} secteurs.",
        "en": "“{name}” ({stage} stage) has no actor tied to it; at least {min_sectors} sectors are needed.",
    },
    "analysis.remedy.project_low_diversity": {
        "fr": "La mobilisation réunit des savoirs de secteurs variés pour voir le problème sous plusieurs angles : associez des acteurs d'autres secteurs (voir les occasions « soutenir »).",
        "en": "Mobilization brings together knowledge from diverse sectors to see the problem from several angles: involve actors from other sectors (see the 'support' opportunities).",
    },
    "analysis.gap.project_no_adopter": {
        "fr": "« {name} » (étape : {stage}) n'a aucun preneur, ni utilisateur ni bénéficiaire.",
        "en": "“{name}” ({stage} stage) has no adopter, neither organisation nor beneficiary.",
    },
    "analysis.remedy.project_no_adopter": {
        "fr": "Dès la rétroaction, la pratique se met à l'essai avec ses preneurs potentiels, qui participent à la construire et à l'évaluer : recrutez des organisations ou des bénéficiaires (voir les occasions « adopter »).",
        "en": "From feedback on, the practice is piloted with its potential adopters, who help build and evaluate it: recruit organisations or beneficiaries (see the 'adopt' opportunities).",
    },
    "analysis.remedy.project_no_adopter_appropriation": {
        "fr": "À l'appropriation, les preneurs intègrent la nouveauté à leur pratique ou l'utilisent directement : sans eux, l'innovation n'est pas appropriée. Recrutez des organisations ou des bénéficiaires (voir les occasions « adopter »).",
        "en": "At appropriation, adopters integrate the novelty into their practice or use it directly: without them, the innovation is not taken up. Recruit organisations or beneficiaries (see the 'adopt' opportunities).",
    },
    "analysis.gap.territory_no_local_funder": {
        "fr": {"one": "Territoire {territory} : {count} projet, mais aucun acteur situé sur ce territoire ne finance quoi que ce soit (bailleurs de fonds de l'extérieur : {outside}).", "other": "Territoire {territory} : {count} projets, mais aucun acteur situé sur ce territoire ne finance quoi que ce soit (bailleurs de fonds de l'extérieur : {outside})."},
        "en": {"one": "Territory {territory}: {count} project, but no actor located there funds anything (funders from elsewhere: {outside}).", "other": "Territory {territory}: {count} projects, but no actor located there funds anything (funders from elsewhere: {outside})."},
    },
    "analysis.gap.territory_no_local_funder_none": {
        "fr": {"one": "Territoire {territory} : {count} projet, et aucun bailleur de fonds n'y est actif : ce projet n'est financé par personne.", "other": "Territoire {territory} : {count} projets, et aucun bailleur de fonds n'y est actif : aucun de ces projets n'est financé."},
        "en": {"one": "Territory {territory}: {count} project, and no funder is active there: nobody funds it.", "other": "Territory {territory}: {count} projects, and no funder is active there: none of them is funded."},
    },
    "analysis.gap.territory_no_local_funder_active": {
        "fr": {"one": "Territoire {territory} : {count} projet ; aucun bailleur de fonds n'est situé sur ce territoire, mais des bailleurs situés ailleurs y financent des projets : {names}.", "other": "Territoire {territory} : {count} projets ; aucun bailleur de fonds n'est situé sur ce territoire, mais des bailleurs situés ailleurs y financent des projets : {names}."},
        "en": {"one": "Territory {territory}: {count} project; no funder is based there, but funders based elsewhere fund projects there: {names}.", "other": "Territory {territory}: {count} projects; no funder is based there, but funders based elsewhere fund projects there: {names}."},
    },
    "analysis.gap.territory_no_local_funder_covered": {
        "fr": {"one": "Territoire {territory} : {count} projet ; aucun bailleur de fonds n'est situé sur ce territoire, mais des bailleurs situés ailleurs, dont la portée le couvre, y sont actifs : {names}.", "other": "Territoire {territory} : {count} projets ; aucun bailleur de fonds n'est situé sur ce territoire, mais des bailleurs situés ailleurs, dont la portée le couvre, y sont actifs : {names}."},
        "en": {"one": "Territory {territory}: {count} project; no funder is based there, but funders based elsewhere whose scope covers it are active there: {names}.", "other": "Territory {territory}: {count} projects; no funder is based there, but funders based elsewhere whose scope covers it are active there: {names}."},
    },
    "analysis.gap.territory_no_local_support_covered": {
        "fr": {"one": "Territoire {territory} : {count} projet ; aucun partenaire de soutien n'est situé sur ce territoire, mais des partenaires situés ailleurs, dont la portée le couvre, y sont actifs : {names}.", "other": "Territoire {territory} : {count} projets ; aucun partenaire de soutien n'est situé sur ce territoire, mais des partenaires situés ailleurs, dont la portée le couvre, y sont actifs : {names}."},
        "en": {"one": "Territory {territory}: {count} project; no support partner is based there, but partners based elsewhere whose scope covers it are active there: {names}.", "other": "Territory {territory}: {count} projects; no support partner is based there, but partners based elsewhere whose scope covers it are active there: {names}."},
    },
    "analysis.territory_gap.more": {
        "fr": {"one": "{count} autre", "other": "{count} autres"},
        "en": {"one": "{count} more", "other": "{count} more"},
    },
    "analysis.remedy.territory_no_local_funder": {
        "fr": "Bâtissez une base de financement locale : une municipalité, la MRC, une fondation ou une entreprise du territoire ({territory}).",
        "en": "Build a local funding base: a municipality, the MRC, a foundation or a company of the territory ({territory}).",
    },
    "analysis.gap.territory_no_local_support": {
        "fr": {"one": "Territoire {territory} : {count} projet, mais aucun acteur situé sur ce territoire ne soutient quoi que ce soit (partenaires de soutien de l'extérieur : {outside}).", "other": "Territoire {territory} : {count} projets, mais aucun acteur situé sur ce territoire ne soutient quoi que ce soit (partenaires de soutien de l'extérieur : {outside})."},
        "en": {"one": "Territory {territory}: {count} project, but no actor located there supports anything (support partners from elsewhere: {outside}).", "other": "Territory {territory}: {count} projects, but no actor located there supports anything (support partners from elsewhere: {outside})."},
    },
    "analysis.gap.territory_no_local_support_none": {
        "fr": {"one": "Territoire {territory} : {count} projet, et aucun partenaire de soutien n'y est actif : ce projet n'est soutenu par personne.", "other": "Territoire {territory} : {count} projets, et aucun partenaire de soutien n'y est actif : aucun de ces projets n'est soutenu."},
        "en": {"one": "Territory {territory}: {count} project, and no support partner is active there: nobody supports it.", "other": "Territory {territory}: {count} projects, and no support partner is active there: none of them is supported."},
    },
    "analysis.gap.territory_no_local_support_active": {
        "fr": {"one": "Territoire {territory} : {count} projet ; aucun partenaire de soutien n'est situé sur ce territoire, mais des partenaires situés ailleurs y soutiennent des projets : {names}.", "other": "Territoire {territory} : {count} projets ; aucun partenaire de soutien n'est situé sur ce territoire, mais des partenaires situés ailleurs y soutiennent des projets : {names}."},
        "en": {"one": "Territory {territory}: {count} project; no support partner is based there, but partners based elsewhere support projects there: {names}.", "other": "Territory {territory}: {count} projects; no support partner is based there, but partners based elsewhere support projects there: {names}."},
    },
    "analysis.remedy.territory_no_local_support": {
        "fr": "Mobilisez des partenaires de soutien du territoire ({territory}) : organismes communautaires, corporations de développement communautaire, centres de recherche, médias locaux.",
        "en": "Mobilize support partners of the territory ({territory}): community organisations, community development corporations, research centres, local media.",
    },
    "analysis.gap.actor_isolated": {
        "fr": "{name} ({sector}) n'a aucune relation avec les autres acteurs ni avec les projets.",
        "en": "{name} ({sector}) has no relation with any actor or project.",
    },
    "analysis.remedy.actor_isolated": {
        "fr": "Vérifiez s'il manque des relations dans les données ; sinon, présentez cet acteur à un projet ou à un réseau qui lui correspond.",
        "en": "Check whether relations are missing from the data; otherwise introduce this actor to a project or network that fits it.",
    },
    "analysis.gap.ecosystem_fragmented": {
        "fr": "L'écosystème est morcelé : {count} groupes de projets n'ont aucun lien entre eux.",
        "en": "The ecosystem is fragmented: {count} groups of projects have no tie with one another.",
    },
    "analysis.remedy.ecosystem_fragmented": {
        "fr": "Reliez les groupes par un acteur régional (pôle d'économie sociale, MRC, centre de transfert) ou une collaboration entre leurs porteurs.",
        "en": "Connect the groups through a regional actor (social-economy hub, MRC, transfer centre) or a collaboration between their carriers.",
    },
    # --- opportunities ---------------------------------------------------------------------
    "analysis.reason.same_territory": {"fr": "même territoire", "en": "same territory"},
    "analysis.reason.same_stage": {"fr": "même étape", "en": "same stage"},
    "analysis.reason.fund_similar": {
        "fr": "Finance déjà un projet semblable : « {project} » ({shared}).",
        "en": "Already funds a similar project: “{project}” ({shared}).",
    },
    "analysis.reason.support_similar": {
        "fr": "Soutient déjà un projet semblable : « {project} » ({shared}).",
        "en": "Already supports a similar project: “{project}” ({shared}).",
    },
    "analysis.reason.adopt_similar": {
        "fr": "A déjà adopté un projet semblable : « {project} » ({shared}).",
        "en": "Already adopted a similar project: “{project}” ({shared}).",
    },
    "analysis.reason.local": {
        "fr": "Est situé dans le même territoire ({territory}).",
        "en": "Is located in the same territory ({territory}).",
    },
    "analysis.reason.new_sector": {
        "fr": "Apporterait un secteur encore absent du projet : {sector}.",
        "en": "Would bring a sector the project does not have yet: {sector}.",
    },
    "analysis.reason.shared_neighbours": {
        "fr": {"one": "Ont {count} lien en commun : {names}.", "other": "Ont {count} liens en commun : {names}."},
        "en": {"one": "Share {count} tie: {names}.", "other": "Share {count} ties: {names}."},
    },
    "analysis.reason.shared_neighbours_more": {
        "fr": {"by": "more", "one": "Ont {count} liens en commun, dont {names} (et {more} autre).", "other": "Ont {count} liens en commun, dont {names} (et {more} autres)."},
        "en": "Share {count} ties, including {names} (and {more} more).",
    },
    # --- introductions and evidence -----------------------------------------------------
    "analysis.introduction.one": {
        "fr": "Qui peut faire les présentations\u00a0: {name}, qui connaît les deux.",
        "en": "Who can make the introduction: {name}, who knows both.",
    },
    "analysis.introduction.chain": {
        "fr": "Personne dans la carte ne connaît les deux\u00a0; présentations en deux temps\u00a0: {first}, puis {second}.",
        "en": "No one in the map knows both; an introduction in two steps: {first}, then {second}.",
    },
    "analysis.introduction.none": {
        "fr": "Personne dans la carte ne connaît les deux\u00a0: une approche directe.",
        "en": "No one in the map knows both: a direct approach.",
    },
    "analysis.evidence.strong": {"fr": "indices solides", "en": "strong evidence"},
    "analysis.evidence.moderate": {"fr": "indices modérés", "en": "moderate evidence"},
    "analysis.evidence.weak": {"fr": "indices faibles", "en": "weak evidence"},
    "analysis.evidence.with_score": {
        "fr": "{evidence}, score {score}",
        "en": "{evidence}, score {score}",
    },
    "analysis.reason.adopter_kind_nearby": {
        "fr": "Est un acteur qui adopte des pratiques ({category}) et connaît déjà {name}, lié au projet.",
        "en": "Is an actor that adopts practices ({category}) and already knows {name}, tied to the project.",
    },
    # --- communities ------------------------------------------------------------------------
    "analysis.community.label": {
        "fr": "{sector} · {territory}",
        "en": "{sector} · {territory}",
    },
    "analysis.community.label_projects": {
        "fr": "projets · {territory}",
        "en": "projects · {territory}",
    },
}
