// args: --empty
// GQL path selectors, path modes, quantified relationships and path patterns, and
// weighted shortest paths with COST (a Meridian extension).

// Roads between four cities: A->B->C (5 km each), A->C (20 km), C->A, B->D->C (3 km each).
CREATE (a:City {name:'A'})-[:ROAD {km: 5}]->(b:City {name:'B'})-[:ROAD {km: 5}]->(c:City {name:'C'}), (a)-[:ROAD {km: 20}]->(c), (c)-[:ROAD {km: 1}]->(a), (b)-[:ROAD {km: 3}]->(d:City {name:'D'})-[:ROAD {km: 3}]->(c);
MATCH p = ANY SHORTEST (x:City {name:'A'})-[:ROAD]->+(y:City {name:'C'}) RETURN [n IN nodes(p) | n.name] AS route;
MATCH p = ALL SHORTEST (x:City {name:'A'})-[:ROAD]->+(y:City {name:'C'}) RETURN [n IN nodes(p) | n.name] AS route ORDER BY route;
MATCH p = SHORTEST 3 (x:City {name:'A'})-[:ROAD]->+(y:City {name:'C'}) RETURN [n IN nodes(p) | n.name] AS route, length(p) AS hops ORDER BY hops, route;
MATCH p = SHORTEST 2 GROUPS (x:City {name:'A'})-[:ROAD]->+(y:City {name:'C'}) RETURN [n IN nodes(p) | n.name] AS route, length(p) AS hops ORDER BY hops, route;
MATCH p = ANY SHORTEST (x:City {name:'A'})-[r:ROAD]->+(y:City {name:'C'}) COST r.km AS km RETURN [n IN nodes(p) | n.name] AS route, km;
MATCH p = ACYCLIC (x:City {name:'A'})-[:ROAD]->{1,4}(y:City {name:'A'}) RETURN count(p) AS cycles;
MATCH p = SIMPLE (x:City {name:'A'})-[:ROAD]->{1,4}(y:City {name:'A'}) RETURN [n IN nodes(p) | n.name] AS cycle ORDER BY cycle;
MATCH p = (x:City {name:'A'})(()-[:ROAD]->()){2}(y) RETURN y.name ORDER BY y.name;
MATCH p = ANY SHORTEST (x:City {name:'A'})-[r:ROAD]->+(y:City {name:'C'}) COST r.km - 10 AS km RETURN km;
