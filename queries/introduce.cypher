// purpose: Who can introduce A to B, by the rule of `graphmap analyze` (docs/analysis.md §8, introducer and path): an actor who knows both (a direct relation, or both tied to the same project; for a project, tied to it or knowing one of its carriers), the strongest ties first (direct = 2, through a project = 1), then betweenness, then id; else a chain of two, "A, then B"; else one row without introducer: no one in the map knows both, a direct approach. The first row is the introduction `graphmap analyze` names.
// objectif: Qui peut présenter A à B, selon la règle de `graphmap analyze` (docs/analysis.md §8, introducteur et chemin) : un acteur qui connaît les deux (une relation directe, ou tous deux liés à un même projet ; pour un projet, lié à lui ou connaissant l'un de ses porteurs), les liens les plus forts d'abord (direct = 2, par un projet = 1), puis l'intermédiarité, puis l'identifiant ; sinon une chaîne de deux, « A, puis B » ; sinon une ligne sans introducteur : personne dans la carte ne connaît les deux, une approche directe. La première ligne est la présentation que nomme `graphmap analyze`.
// param: workspace string — the workspace name used by `graphmap push`
// param: from string — id of A (actor or project)
// param: to string — id of B (actor or project)
// param: limit integer = 5 — at most this many introductions, best first
// example: :param workspace => 'laurentides'
// example: :param from => 'entraide-unie'
// example: :param to => 'p-frigos-solidaires'
// example: :param limit => 5
// note: betweenness is the one `graphmap push` stored with the report (0 when pushed without one)
MATCH (s) WHERE (s:Actor OR s:Project) AND s.workspace = $workspace AND s.id = $from
MATCH (t) WHERE (t:Actor OR t:Project) AND t.workspace = $workspace AND t.id = $to
// Who knows each end, with the strength of the tie ({a: actor, w: 2 direct | 1 through a project}).
CALL (s) {
  CALL (s) {
    MATCH (s)--(x:Actor) WHERE x <> s RETURN x, 2 AS w
    UNION
    MATCH (s:Actor)--(:Project)--(x:Actor) WHERE x <> s RETURN x, 1 AS w
    UNION
    MATCH (s:Project)<-[:CARRIES]-(c:Actor)--(x:Actor) RETURN x, 1 AS w
    UNION
    MATCH (s:Project)<-[:CARRIES]-(c:Actor)--(:Project)--(x:Actor) WHERE x <> c RETURN x, 1 AS w
  }
  WITH x, max(w) AS w
  RETURN collect({a: x, w: w}) AS ks
}
CALL (t) {
  CALL (t) {
    MATCH (t)--(x:Actor) WHERE x <> t RETURN x, 2 AS w
    UNION
    MATCH (t:Actor)--(:Project)--(x:Actor) WHERE x <> t RETURN x, 1 AS w
    UNION
    MATCH (t:Project)<-[:CARRIES]-(c:Actor)--(x:Actor) RETURN x, 1 AS w
    UNION
    MATCH (t:Project)<-[:CARRIES]-(c:Actor)--(:Project)--(x:Actor) WHERE x <> c RETURN x, 1 AS w
  }
  WITH x, max(w) AS w
  RETURN collect({a: x, w: w}) AS kt
}
// 1. Someone who knows both.
CALL (s, t, ks, kt) {
  UNWIND ks AS one
  WITH s, t, one, [k IN kt WHERE k.a = one.a] AS other
  WHERE size(other) > 0 AND one.a <> s AND one.a <> t
  WITH one.a AS x, one.w + other[0].w AS strength
  ORDER BY strength DESC, coalesce(x.betweenness, 0.0) DESC, x.id
  RETURN collect({first: x, second: null, strength: strength}) AS knowing_both
}
// 2. Else a chain of two: A knows the source, B knows the target, A knows B.
CALL (s, t, ks, kt, knowing_both) {
  UNWIND (CASE WHEN size(knowing_both) = 0 THEN ks ELSE [] END) AS one
  WITH s, t, kt, one, one.a AS a
  WHERE a <> s AND a <> t
  CALL (a) {
    MATCH (a)--(x:Actor) WHERE x <> a RETURN x, 2 AS w
    UNION
    MATCH (a)--(:Project)--(x:Actor) WHERE x <> a RETURN x, 1 AS w
  }
  WITH s, t, kt, one, a, x, max(w) AS w
  WHERE x <> s AND x <> t
  WITH one, a, x, w, [k IN kt WHERE k.a = x] AS last
  WHERE size(last) > 0
  WITH a, x AS b, one.w + w + last[0].w AS strength
  ORDER BY strength DESC, coalesce(a.betweenness, 0.0) DESC, a.id,
           coalesce(b.betweenness, 0.0) DESC, b.id
  RETURN collect({first: a, second: b, strength: strength}) AS chains
}
// 3. Else nobody: a direct approach.
WITH s, t, knowing_both + chains AS found
UNWIND (CASE WHEN size(found) = 0 THEN [{first: null, second: null, strength: null}]
        ELSE found END) AS row
WITH s, t, row
LIMIT $limit
RETURN row.first.id AS introducer, row.first.name AS introducer_name,
       row.second.id AS then_introducer, row.second.name AS then_name,
       CASE WHEN row.first IS NULL THEN []
            WHEN row.second IS NULL THEN [s.id, row.first.id, t.id]
            ELSE [s.id, row.first.id, row.second.id, t.id] END AS path,
       CASE WHEN row.first IS NULL THEN []
            WHEN row.second IS NULL THEN [s.name, row.first.name, t.name]
            ELSE [s.name, row.first.name, row.second.name, t.name] END AS names,
       row.strength AS strength
