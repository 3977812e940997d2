// purpose: Who can introduce A to B: the shortest paths between two actors (or an actor and a project) through existing ties, with the actors along the way; the first actor after A is the one to ask.
// objectif: Qui peut présenter A à B : les plus courts chemins entre deux acteurs (ou un acteur et un projet) par les liens existants, avec les acteurs sur le chemin ; le premier acteur après A est celui à solliciter.
// param: workspace string — the workspace name used by `graphmap push`
// param: from string — id of A (actor or project)
// param: to string — id of B (actor or project)
// param: max_hops integer = 6 — longest path considered
// example: :param workspace => 'laurentides'
// example: :param from => 'min-economie'
// example: :param to => 'ressourcerie-grand-reemploi'
// example: :param max_hops => 6
MATCH (a) WHERE (a:Actor OR a:Project) AND a.workspace = $workspace AND a.id = $from
MATCH (b) WHERE (b:Actor OR b:Project) AND b.workspace = $workspace AND b.id = $to
MATCH path = allShortestPaths((a)-[*..20]-(b))
WHERE length(path) <= $max_hops
WITH DISTINCT [n IN nodes(path) | n] AS steps, [r IN relationships(path) | type(r)] AS ties
WITH steps, ties, [n IN steps[1..-1] WHERE n:Actor] AS go_betweens
RETURN head([n IN go_betweens | n.id]) AS introducer,
       head([n IN go_betweens | n.name]) AS introducer_name,
       size(steps) - 1 AS hops,
       [n IN steps | n.id] AS path,
       [n IN steps | coalesce(n.name, n.id)] AS names,
       ties
ORDER BY hops, coalesce(introducer, ''), path
LIMIT 20
