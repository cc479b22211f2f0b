// args: --empty
// Shortest paths: shortestPath and allShortestPaths, directed and undirected, with
// length bounds and WHERE predicates on the path (applied during the search).

// A small weighted graph: a->b->c->e and a->d->c (a->d is heavy).
CREATE (a:N {name:'a'})-[:R {w:1}]->(b:N {name:'b'})-[:R {w:1}]->(c:N {name:'c'}), (a)-[:R {w:5}]->(d:N {name:'d'})-[:R {w:1}]->(c), (c)-[:R {w:1}]->(e:N {name:'e'});
MATCH p = shortestPath((x:N {name:'a'})-[*]->(y:N {name:'e'})) RETURN [n IN nodes(p) | n.name] AS names, length(p) AS len;
// Every shortest path.
MATCH p = allShortestPaths((x:N {name:'a'})-[*]->(y:N {name:'c'})) RETURN [n IN nodes(p) | n.name] AS names ORDER BY names;
MATCH p = shortestPath((x:N {name:'a'})-[rs:R*]->(y:N {name:'c'})) WHERE all(r IN relationships(p) WHERE r.w < 3) RETURN [n IN nodes(p) | n.name] AS names;
MATCH p = shortestPath((x:N {name:'a'})-[*]->(y:N {name:'c'})) WHERE none(n IN nodes(p) WHERE n.name = 'b') RETURN [n IN nodes(p) | n.name] AS names;
MATCH p = shortestPath((x:N {name:'e'})-[*]->(y:N {name:'a'})) RETURN p;
MATCH p = shortestPath((x:N {name:'e'})-[*]-(y:N {name:'a'})) RETURN length(p);
MATCH p = shortestPath((x:N {name:'a'})-[*..1]->(y:N {name:'c'})) RETURN p;
MATCH (x:N {name:'a'}), (y:N) WITH x, y MATCH p = shortestPath((x)-[*]->(y)) RETURN y.name, length(p) ORDER BY y.name;
EXPLAIN MATCH p = shortestPath((x:N {name:'a'})-[*]->(y:N {name:'c'})) WHERE none(n IN nodes(p) WHERE n.name = 'b') RETURN p;

// The same node at both ends with a minimal length of 0 gives the empty path.
MATCH p = shortestPath((x:N {name:'a'})-[*0..]->(y:N {name:'a'})) RETURN length(p);

// shortestPath and allShortestPaths as expressions, between nodes bound earlier.
MATCH (x:N {name:'a'}), (y:N {name:'c'})
RETURN length(shortestPath((x)-[*]->(y))) AS len,
       size(allShortestPaths((x)-[*]-(y))) AS paths,
       shortestPath((y)-[*]->(x)) AS backwards;
