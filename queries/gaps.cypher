// purpose: Every gap of the ecosystem, by the rules of `graphmap analyze` (docs/analysis.md §7, gap codes): projects missing a role their stage needs, territories without a local funder or local support (low severity when actors based elsewhere fund or support their projects), isolated actors, a fragmented ecosystem. Sorted by severity, code, subject.
// objectif: Tous les manques de l'écosystème, selon les règles de `graphmap analyze` (codes de docs/analysis.md §7) : projets auxquels manque un rôle que leur étape exige, territoires sans bailleur ni soutien local (gravité faible quand des acteurs situés ailleurs financent ou soutiennent leurs projets), acteurs isolés, écosystème fragmenté. Triés par gravité, code, sujet.
// param: workspace string — the workspace name used by `graphmap push`
// param: min_sectors integer = 3 — project.low_diversity: fewest sectors a project at mobilization or later should gather
// example: :param workspace => 'laurentides'
// example: :param min_sectors => 3
// example: cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -P "workspace => 'laurentides'" -P "min_sectors => 3" -f queries/gaps.cypher
CALL () {
  // Projects: the roles around each one, then one row per rule that fails.
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
  OPTIONAL MATCH (a:Actor)-[r]->(p)
  WITH p,
       collect(DISTINCT CASE WHEN type(r) = 'CARRIES' THEN a.id END) AS carriers,
       collect(DISTINCT CASE WHEN type(r) = 'FUNDS' THEN a.id END) AS funders,
       collect(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN a.id END) AS supporters,
       collect(DISTINCT CASE WHEN type(r) IN ['ADOPTS', 'BENEFITS'] THEN a.id END) AS adopters,
       collect(DISTINCT a.sector) AS sectors
  WITH p, carriers, funders, supporters, adopters, sectors,
       CASE p.stage WHEN 'emergence' THEN 0 WHEN 'mobilization' THEN 1
                    WHEN 'feedback' THEN 2 ELSE 3 END AS stage_rank
  UNWIND [
    CASE WHEN size(carriers) = 0 THEN ['project.no_carrier', null] END,
    CASE WHEN stage_rank >= 1 AND size(funders) = 0 THEN ['project.no_funder', null] END,
    CASE WHEN stage_rank >= 2 AND size(funders) = 1
         THEN ['project.single_funder', 'funder: ' + funders[0]] END,
    CASE WHEN stage_rank >= 1 AND size(supporters) = 0 THEN ['project.no_support', null] END,
    CASE WHEN stage_rank >= 1 AND size(sectors) < $min_sectors
         THEN ['project.low_diversity', 'sectors: ' + size(sectors) + ' < ' + $min_sectors] END,
    CASE WHEN stage_rank >= 2 AND size(adopters) = 0 THEN ['project.no_adopter', null] END
  ] AS hit
  WITH p, hit WHERE hit IS NOT NULL
  RETURN hit[0] AS code, 'project' AS subject_kind, p.id AS subject, p.name AS name,
         hit[1] AS detail
  UNION ALL
  // Territories with projects but no actor located there that funds (supports) anything.
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
                      AND p.territory IS NOT NULL AND p.territory <> ''
  WITH p.territory AS territory, count(p) AS projects
  UNWIND [['FUNDS', 'territory.no_local_funder'], ['SUPPORTS', 'territory.no_local_support']]
         AS rule
  WITH territory, projects, rule
  WHERE NOT EXISTS {
    MATCH (a:Actor)-[r]->()
    WHERE a.workspace = $workspace AND a.territory = territory AND type(r) = rule[0]
  }
  // Actors based elsewhere active there (funding, supporting its projects) lower the severity.
  OPTIONAL MATCH (o:Actor)-[r]->(q:Project)
    WHERE q.workspace = $workspace AND q.territory = territory AND type(r) = rule[0]
  WITH territory, projects, rule, count(DISTINCT o) AS from_elsewhere
  RETURN rule[1] AS code, 'territory' AS subject_kind, territory AS subject,
         territory AS name,
         'projects: ' + projects + ', from elsewhere: ' + from_elsewhere AS detail
  UNION ALL
  // Actors with no relation at all.
  MATCH (a:Actor) WHERE a.workspace = $workspace AND a.id IS NOT NULL AND NOT EXISTS { (a)--() }
  RETURN 'actor.isolated' AS code, 'actor' AS subject_kind, a.id AS subject, a.name AS name,
         'sector: ' + a.sector AS detail
  UNION ALL
  // More than one connected component holding a project: label each project with the
  // smallest project id it reaches (a breadth-first search per project).
  MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
  OPTIONAL MATCH (p)-[*]-(q:Project)
  WITH DISTINCT p, q
  WITH p, min(q.id) AS reached
  WITH CASE WHEN reached IS NULL OR p.id < reached THEN p.id ELSE reached END AS component
  WITH count(DISTINCT component) AS components
  WHERE components > 1
  RETURN 'ecosystem.fragmented' AS code, 'ecosystem' AS subject_kind, 'ecosystem' AS subject,
         null AS name, 'components: ' + components AS detail
}
WITH code, subject_kind, subject, name, detail,
     CASE code
       WHEN 'project.no_carrier' THEN 0 WHEN 'project.no_funder' THEN 1
       WHEN 'project.single_funder' THEN 2 WHEN 'project.no_support' THEN 3
       WHEN 'project.low_diversity' THEN 4 WHEN 'project.no_adopter' THEN 5
       WHEN 'territory.no_local_funder' THEN 6 WHEN 'territory.no_local_support' THEN 7
       WHEN 'actor.isolated' THEN 8 ELSE 9 END AS code_rank,
     CASE WHEN code IN ['project.no_carrier', 'project.no_funder', 'project.no_adopter']
          THEN 'high'
          WHEN code = 'actor.isolated' THEN 'low'
          WHEN code STARTS WITH 'territory.' AND NOT detail ENDS WITH 'from elsewhere: 0'
          THEN 'low'
          ELSE 'medium' END AS severity
RETURN code, severity, subject_kind, subject, name, detail
ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, code_rank, subject
