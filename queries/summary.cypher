// purpose: Ecosystem summary: how many actors, projects and relations, relations by type, actors by sector and role, projects by stage and territory, and the gaps and analysis stored by `graphmap push`.
// objectif: Résumé de l'écosystème : nombre d'acteurs, de projets et de relations, relations par type, acteurs par secteur et par rôle, projets par étape et par territoire, et les manques et l'analyse enregistrés par `graphmap push`.
// param: workspace string — the workspace name used by `graphmap push`
// example: :param workspace => 'laurentides'
CALL () {
  MATCH (a:Actor) WHERE a.workspace = $workspace AND a.id IS NOT NULL
  RETURN 'actors' AS metric, '' AS value, count(a) AS count
  UNION ALL
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
  RETURN 'projects' AS metric, '' AS value, count(p) AS count
  UNION ALL
  MATCH (a:Actor)-[r]->() WHERE a.workspace = $workspace AND r.workspace = $workspace
  RETURN 'relations' AS metric, '' AS value, count(r) AS count
  UNION ALL
  MATCH (a:Actor)-[r]->() WHERE a.workspace = $workspace AND r.workspace = $workspace
  RETURN 'relations.type' AS metric, toLower(type(r)) AS value, count(r) AS count
  UNION ALL
  MATCH (a:Actor) WHERE a.workspace = $workspace AND a.id IS NOT NULL
  RETURN 'actors.sector' AS metric, a.sector AS value, count(a) AS count
  UNION ALL
  MATCH (a:Actor) WHERE a.workspace = $workspace AND a.id IS NOT NULL
  UNWIND [l IN labels(a) WHERE l IN ['Carrier', 'Funder', 'SupportPartner', 'Adopter']] AS role
  RETURN 'actors.role' AS metric, role AS value, count(a) AS count
  UNION ALL
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
  RETURN 'projects.stage' AS metric, p.stage AS value, count(p) AS count
  UNION ALL
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
  RETURN 'projects.territory' AS metric, coalesce(p.territory, '') AS value, count(p) AS count
  UNION ALL
  MATCH (n) WHERE (n:Actor OR n:Project) AND n.workspace = $workspace AND n.gap_codes IS NOT NULL
  UNWIND n.gap_codes AS code
  RETURN 'gaps.stored' AS metric, code AS value, count(*) AS count
  UNION ALL
  MATCH (n) WHERE (n:Actor OR n:Project) AND n.workspace = $workspace AND n.community IS NOT NULL
  RETURN 'communities.stored' AS metric, '' AS value, count(DISTINCT n.community) AS count
}
RETURN metric, value, count
ORDER BY metric, value
