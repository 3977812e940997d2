// purpose: Collaboration opportunities: pairs of actors not tied yet who share neighbours (actors or projects), by common-neighbour count, with the resource-allocation index (sum of 1/degree of the shared neighbours) and the shared neighbours themselves.
// objectif: Occasions de collaboration : paires d'acteurs pas encore liés qui ont des voisins communs (acteurs ou projets), classées par nombre de voisins communs, avec l'indice d'allocation de ressources (somme de 1/degré des voisins partagés) et ces voisins.
// param: workspace string — the workspace name used by `graphmap push`
// param: min_common integer = 2 — fewest shared neighbours for a pair to be listed
// param: limit integer = 50 — at most this many pairs
// example: :param workspace => 'laurentides'
// example: :param min_common => 2
// example: :param limit => 50
MATCH (a:Actor)--(m)--(b:Actor)
WHERE a.workspace = $workspace AND a.id IS NOT NULL AND b.workspace = $workspace
  AND a.id < b.id AND m.workspace = $workspace AND NOT EXISTS { (a)--(b) }
WITH DISTINCT a, b, m
WITH a, b, m, COUNT { (m)--() } AS degree
WITH a, b, count(m) AS common, sum(1.0 / degree) AS resource_allocation,
     collect(coalesce(m.name, m.id)) AS shared
WHERE common >= $min_common
RETURN a.id AS source, a.name AS source_name, b.id AS target, b.name AS target_name,
       common, round(resource_allocation, 6) AS resource_allocation, shared[..5] AS shared
ORDER BY common DESC, resource_allocation DESC, source, target
LIMIT $limit
