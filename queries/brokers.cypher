// purpose: Brokers: every actor ranked by normalized betweenness on the undirected graph of actors and projects (one edge per related pair), computed live by the Graph Data Science plugin (GDS). Equals `graphmap analyze`'s exact betweenness. Without GDS, run brokers_cypher instead.
// objectif: Courtiers : chaque acteur classé par intermédiarité normalisée sur le graphe non orienté des acteurs et des projets (un lien par paire reliée), calculée en direct par le greffon Graph Data Science (GDS). Égale l'intermédiarité exacte de `graphmap analyze`. Sans GDS, lancez plutôt brokers_cypher.
// requires: gds
// param: workspace string — the workspace name used by `graphmap push`
// example: :param workspace => 'laurentides'
// example: cypher-shell -u neo4j -p "$NEO4J_PASSWORD" -P "workspace => 'laurentides'" -f queries/brokers.cypher
MATCH (s) WHERE (s:Actor OR s:Project) AND s.workspace = $workspace AND s.id IS NOT NULL
OPTIONAL MATCH (s)--(t)
  WHERE (t:Actor OR t:Project) AND t.workspace = $workspace AND s.id < t.id
// One undirected edge per related pair, whatever the number of parallel relations.
WITH DISTINCT s, t
WITH gds.graph.project('graphmap-brokers-' + randomUUID(), s, t, {},
                       {undirectedRelationshipTypes: ['*']}) AS g
CALL gds.betweenness.stream(g.graphName) YIELD nodeId, score
WITH g, collect({node: gds.util.asNode(nodeId), score: score}) AS scores
CALL gds.graph.drop(g.graphName, false) YIELD graphName
UNWIND scores AS row
WITH row.node AS a, row.score AS score, g.nodeCount AS n
WHERE a:Actor
// GDS counts each unordered pair once: normalize by the (n-1)(n-2)/2 pairs around a node.
WITH a, CASE WHEN n > 2 THEN 2.0 * score / ((n - 1.0) * (n - 2.0)) ELSE 0.0 END
        AS betweenness
RETURN a.id AS id, a.name AS name, a.sector AS sector, betweenness,
       a.constraint AS constraint, a.effective_size AS effective_size,
       a.brokerage_total AS brokerage_total
ORDER BY betweenness DESC, id
