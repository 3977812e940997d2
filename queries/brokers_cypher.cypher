// purpose: Brokers, PURE-CYPHER FALLBACK (no plugin needed; for small ecosystems, a few hundred nodes: it enumerates every pair's shortest paths). Every actor ranked by exact normalized betweenness on the undirected graph of actors and projects; same numbers as brokers (GDS) and `graphmap analyze`.
// objectif: Courtiers, VARIANTE EN CYPHER PUR (aucun greffon requis ; pour les petits écosystèmes, quelques centaines de nœuds : elle énumère les plus courts chemins de chaque paire). Chaque acteur classé par intermédiarité normalisée exacte sur le graphe non orienté des acteurs et des projets ; mêmes valeurs que brokers (GDS) et `graphmap analyze`.
// param: workspace string — the workspace name used by `graphmap push`
// example: :param workspace => 'laurentides'
// example: cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -P "workspace => 'laurentides'" -f queries/brokers_cypher.cypher
MATCH (n) WHERE (n:Actor OR n:Project) AND n.workspace = $workspace AND n.id IS NOT NULL
WITH collect(n) AS nodes
WITH nodes, size(nodes) AS total
CALL (nodes) {
  UNWIND nodes AS s
  UNWIND nodes AS t
  WITH s, t WHERE s.id < t.id
  MATCH path = allShortestPaths((s)-[*]-(t))
  // Parallel relations give the same node sequence twice: keep each route once.
  WITH s, t, collect(DISTINCT [x IN nodes(path)[1..-1] | x.id]) AS routes
  WITH routes, size(routes) AS k
  UNWIND routes AS route
  UNWIND route AS v
  RETURN v, sum(1.0 / k) AS raw
}
WITH total, collect([v, raw]) AS scores
MATCH (a:Actor) WHERE a.workspace = $workspace AND a.id IS NOT NULL
WITH a, total, [x IN scores WHERE x[0] = a.id | x[1]] AS found
WITH a, CASE WHEN total > 2 THEN coalesce(found[0], 0.0) * 2.0 / ((total - 1.0) * (total - 2.0))
             ELSE 0.0 END AS betweenness
RETURN a.id AS id, a.name AS name, a.sector AS sector, betweenness
ORDER BY betweenness DESC, id
