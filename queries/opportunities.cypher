// purpose: Fund, support or adopt candidates for the projects that lack them ($kind = fund | support | adopt), with evidence of the role (they already fund or support; an adopter adopts a project sharing a theme, or is a community organisation, institution or citizen group tied nearby), scored like `graphmap analyze`: 0.6 x best similarity of the candidate's own projects in that role (themes, territory, stage) + 0.2 if located in the project's territory + 0.2 if it brings a sector the project lacks. Only actors who can act there (local scope: own territory only) and are not tied to the project yet.
// objectif: Candidats pour financer, soutenir ou adopter les projets qui en manquent ($kind = fund | support | adopt), avec des indices du rôle (ils financent ou soutiennent déjà ; un preneur adopte un projet qui partage un thème, ou est un organisme communautaire, une institution ou un groupe citoyen lié de près), notés comme dans `graphmap analyze` : 0,6 × meilleure similarité des projets du candidat dans ce rôle (thèmes, territoire, étape) + 0,2 s'il est situé dans le territoire du projet + 0,2 s'il apporte un secteur absent. Seulement des acteurs qui peuvent agir sur place (portée locale : leur territoire seulement) et pas encore liés au projet.
// param: workspace string — the workspace name used by `graphmap push`
// param: kind string = fund — fund, support or adopt
// param: per_project integer = 3 — at most this many candidates per project
// param: min_sectors integer = 3 — as in gaps: a support target also includes projects with fewer sectors
// param: limit integer = 100 — at most this many proposals in all (best first)
// example: :param workspace => 'laurentides'
// example: :param kind => 'fund'
// example: :param per_project => 3
// example: :param min_sectors => 3
// example: :param limit => 100
// note: themes are compared trimmed and case-insensitively (graphmap analyze also ignores accents)
MATCH (p:Project) WHERE p.workspace = $workspace AND p.id IS NOT NULL
OPTIONAL MATCH (x:Actor)-[r]->(p)
WITH p,
     CASE p.stage WHEN 'emergence' THEN 0 WHEN 'mobilization' THEN 1
                  WHEN 'feedback' THEN 2 ELSE 3 END AS stage_rank,
     collect(DISTINCT CASE WHEN type(r) = 'FUNDS' THEN x.id END) AS funders,
     collect(DISTINCT CASE WHEN type(r) = 'SUPPORTS' THEN x.id END) AS supporters,
     collect(DISTINCT CASE WHEN type(r) IN ['ADOPTS', 'BENEFITS'] THEN x.id END) AS adopters,
     collect(DISTINCT x.sector) AS sectors
// The projects whose gaps call for this kind (docs/analysis.md §8, opportunity kinds).
WHERE ($kind = 'fund' AND ((stage_rank >= 1 AND size(funders) = 0)
                           OR (stage_rank >= 2 AND size(funders) = 1)))
   OR ($kind = 'support' AND stage_rank >= 1
       AND (size(supporters) = 0 OR size(sectors) < $min_sectors))
   OR ($kind = 'adopt' AND stage_rank >= 2 AND size(adopters) = 0)
WITH p, sectors,
     CASE $kind WHEN 'fund' THEN ['FUNDS'] WHEN 'support' THEN ['SUPPORTS']
                ELSE ['ADOPTS', 'BENEFITS'] END AS role_types
MATCH (c:Actor) WHERE c.workspace = $workspace AND c.id IS NOT NULL
  AND NOT EXISTS { (c)--(p) }
  // Evidence of the role: fund and support candidates already hold it; an adopter adopts
  // or benefits from a project sharing a theme, or is a community organisation, an
  // institution or a citizen group that knows an actor tied to the project (a direct
  // relation or a shared project). A territory or a missing sector alone never is.
  AND CASE WHEN $kind <> 'adopt' THEN EXISTS { MATCH (c)-[h]->() WHERE type(h) IN role_types }
      ELSE EXISTS {
             MATCH (c)-[:ADOPTS|BENEFITS]->(q:Project) WHERE q <> p
               AND any(x IN coalesce(q.themes, []) WHERE trim(x) <> '' AND toLower(trim(x))
                       IN [y IN coalesce(p.themes, []) | toLower(trim(y))]) }
        OR (coalesce(c.category, 'organization') <> 'individual'
            AND (c.sector IN ['community', 'public', 'academic']
                 OR (c.sector = 'citizen' AND c.category = 'group'))
            AND (EXISTS { (c)--(:Actor)--(p) } OR EXISTS { (c)--(:Project)--(:Actor)--(p) }))
      END
WITH p, sectors, role_types, c,
     p.territory IS NOT NULL AND c.territory = p.territory AS local
WHERE c.scope <> 'local' OR local OR p.territory IS NULL
// Best similarity between the target and the candidate's own projects in the role.
OPTIONAL MATCH (c)-[h]->(q:Project) WHERE type(h) IN role_types
WITH p, sectors, c, local, q,
     [t IN coalesce(p.themes, []) | toLower(trim(t))] AS tp,
     [t IN coalesce(q.themes, []) | toLower(trim(t))] AS tq
WITH p, sectors, c, local, q,
     size([t IN tp WHERE t IN tq]) AS shared,
     size(tp) + size([t IN tq WHERE NOT t IN tp]) AS union_size
WITH p, sectors, c, local,
     max(CASE WHEN q IS NULL THEN 0.0 ELSE
         ((CASE WHEN union_size > 0 THEN toFloat(shared) / union_size ELSE 0.0 END)
          + (CASE WHEN p.territory IS NOT NULL AND p.territory = q.territory
                  THEN 1.0 ELSE 0.0 END)
          + (CASE WHEN p.stage = q.stage THEN 1.0 ELSE 0.0 END)) / 3.0 END) AS similarity
WHERE $kind = 'adopt' OR similarity > 0 OR local
WITH p, c, similarity, local, NOT c.sector IN sectors AS new_sector
WITH p, c, similarity, local, new_sector,
     round(0.6 * similarity + (CASE WHEN local THEN 0.2 ELSE 0.0 END)
           + (CASE WHEN new_sector THEN 0.2 ELSE 0.0 END), 6) AS score
ORDER BY p.id, score DESC, c.id
WITH p, collect({c: c, score: score, similarity: similarity, local: local,
                 new_sector: new_sector})[..$per_project] AS best
UNWIND best AS b
RETURN $kind AS kind, b.c.id AS source, b.c.name AS source_name, p.id AS target,
       p.name AS target_name, b.score AS score, round(b.similarity, 6) AS similarity,
       b.local AS local, b.new_sector AS new_sector
ORDER BY score DESC, target, source
LIMIT $limit
