"""Messages of the render area: the interactive map, the HTML report and ``graphmap render``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    # --- the command -----------------------------------------------------------------------
    "render.cli_help": {
        "fr": (
            "Dessiner la carte interactive d'un espace de travail dans un seul fichier HTML "
            "qui fonctionne sans Internet.\n\n"
            "Exemple : graphmap render examples/laurentides -o carte.html --color-by sector --lang fr"
        ),
        "en": (
            "Draw the interactive map of a workspace as one HTML file that works offline.\n\n"
            "Example: graphmap render examples/laurentides -o map.html --color-by sector --lang en"
        ),
    },
    "render.opt_output": {
        "fr": "Fichier HTML à écrire.",
        "en": "HTML file to write.",
    },
    "render.opt_color_by": {
        "fr": "Couleur des nœuds : role (rôle), sector (secteur), territory (territoire), community (communauté) ou stage (étape du projet).",
        "en": "Node colour: role, sector, territory, community or stage.",
    },
    "render.opt_size_by": {
        "fr": "Taille des nœuds : betweenness (intermédiarité), degree (nombre de liens) ou funding (financement).",
        "en": "Node size: betweenness, degree or funding.",
    },
    "render.opt_layers": {
        "fr": "Couches d'analyse, séparées par des virgules : gaps (manques), opportunities (occasions), ou « none » pour aucune.",
        "en": "Analysis layers, comma-separated: gaps, opportunities (or \"none\").",
    },
    "render.opt_focus": {
        "fr": "Identifiant d'un acteur ou d'un projet : ne dessiner que son voisinage, en entier.",
        "en": "Id of an actor or project: draw only its neighbourhood, in full.",
    },
    "render.opt_depth": {
        "fr": "Profondeur du voisinage dessiné avec --focus (par défaut : 1 pas).",
        "en": "Depth of the neighbourhood drawn with --focus (default: 1 step).",
    },
    "render.opt_open": {
        "fr": "Ouvrir la carte dans le navigateur une fois écrite.",
        "en": "Open the map in the browser once written.",
    },
    "render.written": {
        "fr": "Carte écrite : {path} ({nodes}, {edges}).",
        "en": "Map written: {path} ({nodes}, {edges}).",
    },
    "render.written_aggregated": {
        "fr": "Carte agrégée écrite : {path} ({communities} communautés pour {nodes} nœuds).",
        "en": "Aggregated map written: {path} ({communities} communities for {nodes} nodes).",
    },
    "render.unknown_focus": {
        "fr": "--focus : identifiant inconnu « {id} ».",
        "en": "--focus: unknown id '{id}'.",
    },
    "render.unknown_focus_suggest": {
        "fr": "--focus : identifiant inconnu « {id} » ; vouliez-vous dire « {suggestion} » ({name}) ?",
        "en": "--focus: unknown id '{id}'; did you mean '{suggestion}' ({name})?",
    },
    "render.bad_layer": {
        "fr": "--layers : couche inconnue « {layer} » ; couches possibles : {choices}.",
        "en": "--layers: unknown layer '{layer}'; possible layers: {choices}.",
    },
    "render.bad_option": {
        "fr": "{option} : valeur inconnue « {value} » ; valeurs possibles : {choices}.",
        "en": "{option}: unknown value '{value}'; possible values: {choices}.",
    },
    "render.bad_depth": {
        "fr": "--depth doit être un entier positif (reçu : {depth}).",
        "en": "--depth must be a positive integer (got: {depth}).",
    },
    "render.depth_without_focus": {
        "fr": "--depth n'a de sens qu'avec --focus.",
        "en": "--depth only makes sense with --focus.",
    },
    "render.communities_needed": {
        "fr": "Cette carte montre les communautés : passez le rapport d'analyse (analyze) ou ses communautés (community_partition).",
        "en": "This map shows communities: pass the analysis report (analyze) or its communities (community_partition).",
    },
    "render.vis_missing": {
        "fr": "La bibliothèque vis-network fournie par pyvis est introuvable ({detail}). Réinstallez graphmap.",
        "en": "The vis-network library shipped with pyvis cannot be found ({detail}). Reinstall graphmap.",
    },
    # --- the map page ----------------------------------------------------------------------
    "render.map_title": {"fr": "Carte de l'écosystème", "en": "Ecosystem map"},
    "render.map_title_named": {"fr": "Carte de l'écosystème — {name}", "en": "Ecosystem map — {name}"},
    "render.search_placeholder": {
        "fr": "Chercher un acteur ou un projet…",
        "en": "Search an actor or a project…",
    },
    "render.search_label": {"fr": "Recherche", "en": "Search"},
    "render.search_none": {"fr": "Aucun résultat.", "en": "No match."},
    "render.filters": {"fr": "Filtres", "en": "Filters"},
    "render.filter_sector": {"fr": "Secteur", "en": "Sector"},
    "render.filter_territory": {"fr": "Territoire", "en": "Territory"},
    "render.filter_stage": {"fr": "Étape du projet", "en": "Project stage"},
    "render.filter_relation": {"fr": "Type de lien", "en": "Relation type"},
    "render.filter_all": {"fr": "tout", "en": "all"},
    "render.filter_none": {"fr": "rien", "en": "none"},
    "render.layers": {"fr": "Couches d'analyse", "en": "Analysis layers"},
    "render.layer_gaps": {"fr": "Manques (contour rouge)", "en": "Gaps (red outline)"},
    "render.layer_opportunities": {
        "fr": "Occasions de collaboration (liens pointillés)",
        "en": "Collaboration opportunities (dashed links)",
    },
    "render.layer_unavailable": {
        "fr": "Couches indisponibles : carte dessinée sans analyse.",
        "en": "Layers unavailable: map drawn without analysis.",
    },
    "render.other_gaps": {
        "fr": "Manques de territoire ou d'ensemble ({count})",
        "en": "Territory and ecosystem gaps ({count})",
    },
    "render.legend": {"fr": "Légende", "en": "Legend"},
    "render.legend_shapes": {"fr": "Formes", "en": "Shapes"},
    "render.legend_actor": {"fr": "Acteur", "en": "Actor"},
    "render.legend_project": {"fr": "Projet", "en": "Project"},
    "render.legend_links": {"fr": "Liens", "en": "Links"},
    "render.legend_funding_width": {
        "fr": "Épaisseur des financements : selon le montant",
        "en": "Funding line width: by amount",
    },
    "render.legend_opportunity": {"fr": "Occasion suggérée", "en": "Suggested opportunity"},
    "render.legend_opportunity_top": {
        "fr": "La vue d'ensemble montre les {count} meilleures ; cliquez sur un nœud pour voir toutes les siennes.",
        "en": "The overview shows the {count} best; click a node to see all of its own.",
    },
    "render.legend_gap": {"fr": "Nœud avec un manque", "en": "Node with a gap"},
    "render.legend_size": {"fr": "Taille : {measure}", "en": "Size: {measure}"},
    "render.legend_projects_by_stage": {
        "fr": "Projets (étape)",
        "en": "Projects (stage)",
    },
    "render.legend_actors_plain": {
        "fr": "Acteurs (gris)",
        "en": "Actors (grey)",
    },
    "render.legend_other": {"fr": "autres", "en": "others"},
    "render.legend_none": {"fr": "non précisé", "en": "not given"},
    "render.legend_inter_ties": {
        "fr": "Épaisseur : nombre de liens entre communautés",
        "en": "Width: number of ties between communities",
    },
    "render.color_role": {"fr": "Couleur : rôle principal", "en": "Colour: main role"},
    "render.color_sector": {"fr": "Couleur : secteur", "en": "Colour: sector"},
    "render.color_territory": {"fr": "Couleur : territoire", "en": "Colour: territory"},
    "render.color_community": {"fr": "Couleur : communauté", "en": "Colour: community"},
    "render.color_stage": {"fr": "Couleur : étape du projet", "en": "Colour: project stage"},
    "render.size_betweenness": {"fr": "intermédiarité", "en": "betweenness"},
    "render.size_degree": {"fr": "nombre de liens", "en": "number of links"},
    "render.size_funding": {"fr": "financement", "en": "funding"},
    "render.role_none": {"fr": "sans rôle de projet", "en": "no project role"},
    "render.panel_hint": {
        "fr": "Cliquez sur un nœud pour voir ses détails et mettre en évidence ses voisins.",
        "en": "Click a node to see its details and highlight its neighbours.",
    },
    "render.panel_close": {"fr": "Fermer", "en": "Close"},
    "render.panel_kind": {"fr": "Nature", "en": "Kind"},
    "render.panel_id": {"fr": "Identifiant", "en": "Id"},
    "render.panel_sector": {"fr": "Secteur", "en": "Sector"},
    "render.panel_type": {"fr": "Type", "en": "Type"},
    "render.panel_category": {"fr": "Catégorie", "en": "Category"},
    "render.panel_territory": {"fr": "Territoire", "en": "Territory"},
    "render.panel_scope": {"fr": "Portée", "en": "Scope"},
    "render.panel_stage": {"fr": "Étape", "en": "Stage"},
    "render.panel_themes": {"fr": "Thèmes", "en": "Themes"},
    "render.panel_period": {"fr": "Période", "en": "Period"},
    "render.panel_roles": {"fr": "Rôles", "en": "Roles"},
    "render.panel_degree": {"fr": "Liens", "en": "Links"},
    "render.panel_betweenness": {"fr": "Intermédiarité", "en": "Betweenness"},
    "render.panel_rank": {"fr": "Rang de courtier", "en": "Broker rank"},
    "render.panel_community": {"fr": "Communauté", "en": "Community"},
    "render.panel_funding_out": {"fr": "Financement accordé", "en": "Funding given"},
    "render.panel_funding_in": {"fr": "Financement reçu", "en": "Funding received"},
    "render.panel_extra": {"fr": "Autres colonnes", "en": "Other columns"},
    "render.panel_gaps": {"fr": "Manques", "en": "Gaps"},
    "render.panel_opportunities": {"fr": "Occasions", "en": "Opportunities"},
    "render.panel_neighbours": {"fr": "Liens directs", "en": "Direct links"},
    "render.panel_members": {"fr": "Membres", "en": "Members"},
    "render.panel_top_members": {"fr": "Membres les plus reliés", "en": "Most connected members"},
    "render.panel_dominant_sector": {"fr": "Secteur dominant", "en": "Dominant sector"},
    "render.panel_dominant_territory": {"fr": "Territoire dominant", "en": "Dominant territory"},
    "render.kind_actor": {"fr": "acteur", "en": "actor"},
    "render.kind_project": {"fr": "projet", "en": "project"},
    "render.opp_line": {
        "fr": "{kind} : {source} → {target} (score {score})",
        "en": "{kind}: {source} → {target} (score {score})",
    },
    "render.opp_introducer": {"fr": "Peut faire la présentation : {name}", "en": "Can introduce: {name}"},
    "render.opp_kind_fund": {"fr": "financer", "en": "fund"},
    "render.opp_kind_support": {"fr": "soutenir", "en": "support"},
    "render.opp_kind_adopt": {"fr": "adopter", "en": "adopt"},
    "render.opp_kind_collaborate": {"fr": "collaborer", "en": "collaborate"},
    "render.note_aggregated": {
        "fr": (
            "Cet écosystème compte {nodes} nœuds, trop pour une carte lisible : chaque cercle "
            "est une communauté (taille = nombre de membres), les liens comptent les relations "
            "entre communautés. Pour voir un acteur en détail : graphmap render … --focus ID --depth 2."
        ),
        "en": (
            "This ecosystem has {nodes} nodes, too many for a legible map: each circle is a "
            "community (size = number of members) and links count the ties between "
            "communities. To see one actor in detail: graphmap render … --focus ID --depth 2."
        ),
    },
    "render.note_focus": {
        "fr": {"by": "nodes", "one": "Voisinage de « {name} » à {depth} pas : {nodes} nœud sur {total}.", "other": "Voisinage de « {name} » à {depth} pas : {nodes} nœuds sur {total}."},
        "en": {"by": "depth", "one": "Neighbourhood of '{name}' within {depth} step: {nodes} of {total} nodes.", "other": "Neighbourhood of '{name}' within {depth} steps: {nodes} of {total} nodes."},
    },
    "render.note_layers_aggregated": {
        "fr": "Les couches de manques et d'occasions s'affichent sur les cartes détaillées (--focus).",
        "en": "The gaps and opportunities layers show on detailed maps (--focus).",
    },
    "render.community_small": {
        "fr": "Petits groupes et nœuds isolés (moins de {below} membres)",
        "en": "Small groups and isolated nodes (under {below} members)",
    },
    "render.ties_count": {"fr": {"one": "{count} lien", "other": "{count} liens"},
                          "en": {"one": "{count} tie", "other": "{count} ties"}},
    "render.members_count": {"fr": {"one": "{count} membre", "other": "{count} membres"},
                             "en": {"one": "{count} member", "other": "{count} members"}},
    "render.stats": {
        "fr": "{nodes} nœuds · {edges} liens",
        "en": "{nodes} nodes · {edges} links",
    },
    "render.footer": {
        "fr": "Produit par graphmap {version}. Fonctionne hors ligne.",
        "en": "Made with graphmap {version}. Works offline.",
    },
    "render.fit": {"fr": "Vue d'ensemble", "en": "Fit to screen"},
    # --- issue 17: readable labels, community level, focus, guided views, PNG ----------------
    "render.opt_views": {
        "fr": "Fichier TOML de vues guidées ([[views]]) ; sinon celles de graphmap.toml, sinon trois vues proposées.",
        "en": "TOML file of guided views ([[views]]); else those of graphmap.toml, else three proposed views.",
    },
    "render.views": {"fr": "Vues guidées", "en": "Guided views"},
    "render.view_prev": {"fr": "◀ Précédente", "en": "◀ Previous"},
    "render.view_next": {"fr": "Suivante ▶", "en": "Next ▶"},
    "render.view_counter": {"fr": "Vue {n} sur {total}", "en": "View {n} of {total}"},
    "render.view_link": {"fr": "Lien vers cette vue", "en": "Link to this view"},
    "render.png": {"fr": "PNG de cette vue", "en": "PNG of this view"},
    "render.depth": {"fr": "Voisinage", "en": "Neighbourhood"},
    "render.depth_steps": {"fr": "{n} pas", "en": {"by": "n", "one": "{n} step", "other": "{n} steps"}},
    "render.fade_filters": {"fr": "Estomper au lieu de masquer", "en": "Fade instead of hiding"},
    "render.isolated_box": {"fr": "Acteurs sans lien ({count})", "en": "Actors without ties ({count})"},
    "render.level_communities": {"fr": "Communautés", "en": "Communities"},
    "render.level_all": {"fr": "Tous les nœuds", "en": "All nodes"},
    "render.level_hint": {
        "fr": "Carte ouverte au niveau des communautés ({count} nœuds en tout) : cliquez sur une communauté pour l'ouvrir, ou cherchez un nom.",
        "en": "The map opens on its communities ({count} nodes in all): click a community to open it, or search for a name.",
    },
    "render.community_members": {"fr": {"one": "{name} · {count} membre", "other": "{name} · {count} membres"},
                                 "en": {"one": "{name} · {count} member", "other": "{name} · {count} members"}},
    "render.view_whole": {"fr": "L'écosystème entier", "en": "The whole ecosystem"},
    "render.view_whole_caption": {
        "fr": "Tous les acteurs et projets ({nodes} nœuds). La taille d'un nœud dit son rôle de pont.",
        "en": "Every actor and project ({nodes} nodes). A node's size tells how much it bridges.",
    },
    "render.view_broker": {"fr": "Autour de {name}", "en": "Around {name}"},
    "render.view_gap": {"fr": "Manque prioritaire : {name}", "en": "Most serious gap: {name}"},
    "render.view.in_file": {"fr": "{where}, vue {number} : {detail}", "en": "{where}, view {number}: {detail}"},
    "render.view.not_a_list": {
        "fr": "{where} : « views » doit être une liste de tables [[views]].",
        "en": "{where}: 'views' must be a list of [[views]] tables.",
    },
    "render.view.not_a_table": {"fr": "ce n'est pas une table [[views]].", "en": "not a [[views]] table."},
    "render.view.unknown_key": {
        "fr": "clé inconnue « {key} » (clés possibles : {known}).",
        "en": "unknown key '{key}' (known keys: {known}).",
    },
    "render.view.not_text": {"fr": "« {key} » doit être un texte.", "en": "'{key}' must be a text."},
    "render.view.not_bool": {"fr": "« {key} » doit valoir true ou false.", "en": "'{key}' must be true or false."},
    "render.view.no_title": {
        "fr": "il manque un titre (title, ou title_fr et title_en).",
        "en": "a title is missing (title, or title_fr and title_en).",
    },
    "render.view.bad_depth": {
        "fr": "profondeur {depth} invalide : un entier de 1 à {most}.",
        "en": "bad depth {depth}: a whole number from 1 to {most}.",
    },
    "render.view.filters_not_table": {
        "fr": "« filters » doit être une table (par exemple filters.sector = [\"public\"]).",
        "en": "'filters' must be a table (for example filters.sector = [\"public\"]).",
    },
    "render.view.unknown_filter": {
        "fr": "filtre inconnu « {key} » (filtres possibles : {known}).",
        "en": "unknown filter '{key}' (known filters: {known}).",
    },
    "render.view.filter_values": {
        "fr": "« {key} » doit être une liste de textes.",
        "en": "'{key}' must be a list of texts.",
    },
    "render.view.unknown_focus": {
        "fr": "identifiant inconnu « {id} » dans « focus ».",
        "en": "unknown id '{id}' in 'focus'.",
    },
    "render.view.unknown_focus_suggest": {
        "fr": "identifiant inconnu « {id} » dans « focus » ; vouliez-vous dire « {suggestion} » ?",
        "en": "unknown id '{id}' in 'focus'; did you mean '{suggestion}'?",
    },
    "render.view.bad_choice": {
        "fr": "valeur « {value} » invalide pour « {key} » (valeurs possibles : {choices}).",
        "en": "bad value '{value}' for '{key}' (choices: {choices}).",
    },
    "render.community_label": {"fr": "Communauté {id}", "en": "Community {id}"},
    "render.amount": {"fr": "{amount} $", "en": "${amount}"},
    # --- the report page -------------------------------------------------------------------
    "render.report_title": {"fr": "Rapport d'analyse de l'écosystème", "en": "Ecosystem analysis report"},
    "render.report_title_named": {
        "fr": "Rapport d'analyse de l'écosystème — {name}",
        "en": "Ecosystem analysis report — {name}",
    },
    "render.report_contents": {"fr": "Sommaire", "en": "Contents"},
    "render.report_summary": {"fr": "En bref", "en": "At a glance"},
    "render.report_map": {"fr": "Carte", "en": "Map"},
    "render.report_brokers": {"fr": "Courtiers", "en": "Brokers"},
    "render.report_brokers_intro": {
        "fr": "Les acteurs par qui passent ressources, savoirs et contacts entre des groupes autrement séparés, classés par intermédiarité.",
        "en": "The actors through whom resources, knowledge and contacts pass between otherwise separate groups, ranked by betweenness.",
    },
    "render.report_brokers_more": {
        "fr": {"one": "{count} autre acteur n'est pas listé ici (voir report.json).",
               "other": "{count} autres acteurs ne sont pas listés ici (voir report.json)."},
        "en": {"one": "{count} more actor is not listed here (see report.json).",
               "other": "{count} more actors are not listed here (see report.json)."},
    },
    "render.report_gaps": {"fr": "Manques", "en": "Gaps"},
    "render.report_gaps_none": {"fr": "Aucun manque détecté.", "en": "No gap found."},
    "render.report_opportunities": {"fr": "Occasions de collaboration", "en": "Collaboration opportunities"},
    "render.report_opportunities_none": {"fr": "Aucune occasion proposée.", "en": "No opportunity suggested."},
    "render.report_communities": {"fr": "Communautés", "en": "Communities"},
    "render.report_remedy": {"fr": "Piste", "en": "Remedy"},
    "render.report_col_rank": {"fr": "Rang", "en": "Rank"},
    "render.report_col_name": {"fr": "Nom", "en": "Name"},
    "render.report_col_betweenness": {"fr": "Intermédiarité", "en": "Betweenness"},
    "render.report_col_constraint": {"fr": "Contrainte", "en": "Constraint"},
    "render.report_col_effective_size": {"fr": "Taille effective", "en": "Effective size"},
    "render.report_col_brokerage": {"fr": "Rôles de courtage", "en": "Brokerage roles"},
    "render.report_col_why": {"fr": "Pourquoi", "en": "Why"},
    "render.report_col_kind": {"fr": "Nature", "en": "Kind"},
    "render.report_col_from": {"fr": "De", "en": "From"},
    "render.report_col_to": {"fr": "Vers", "en": "To"},
    "render.report_col_score": {"fr": "Score", "en": "Score"},
    "render.report_col_reasons": {"fr": "Raisons", "en": "Reasons"},
    "render.report_col_introducer": {"fr": "Qui peut présenter", "en": "Who can introduce"},
    "render.report_col_subject": {"fr": "Sujet", "en": "Subject"},
    "render.report_col_gap": {"fr": "Manque", "en": "Gap"},
    "render.report_col_community": {"fr": "Communauté", "en": "Community"},
    "render.report_col_members": {"fr": "Membres", "en": "Members"},
    "render.report_col_size": {"fr": "Taille", "en": "Size"},
    "render.report_col_dominant_sector": {"fr": "Secteur dominant", "en": "Dominant sector"},
    "render.report_col_dominant_territory": {"fr": "Territoire dominant", "en": "Dominant territory"},
    "render.report_fig_actors": {"fr": "acteurs", "en": "actors"},
    "render.report_fig_projects": {"fr": "projets", "en": "projects"},
    "render.report_fig_relations": {"fr": "relations", "en": "relations"},
    "render.report_fig_components": {"fr": "composantes", "en": "components"},
    "render.report_fig_gaps": {"fr": "manques", "en": "gaps"},
    "render.report_fig_gaps_high": {"fr": "manques prioritaires", "en": "high-priority gaps"},
    "render.report_fig_opportunities": {"fr": "occasions", "en": "opportunities"},
    "render.report_fig_communities": {"fr": "communautés", "en": "communities"},
    "render.report_no_introducer": {"fr": "—", "en": "—"},
    "render.report_members_more": {
        "fr": {"one": "… et {count} autre", "other": "… et {count} autres"},
        "en": {"one": "… and {count} more", "other": "… and {count} more"},
    },
    "render.report_print": {"fr": "Imprimer / PDF", "en": "Print / PDF"},
    "render.report_map_print_note": {
        "fr": "La carte est interactive dans le fichier HTML ; la version imprimée en montre la vue courante.",
        "en": "The map is interactive in the HTML file; the printed version shows its current view.",
    },
    "render.subject_ecosystem": {"fr": "l'écosystème", "en": "the ecosystem"},
    "render.subject_territory": {"fr": "territoire {name}", "en": "territory {name}"},
}
