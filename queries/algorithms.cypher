// Graph algorithms on the shipped graph, through CALL ... YIELD (see README, "Graph
// algorithms"). Scores are rounded so the expected output stays readable.

// Which procedures are there?
CALL meridian.procedures() YIELD name, signature
RETURN name, signature
ORDER BY name;

// Which nodes have the most relationships (all types, both directions)?
CALL meridian.degree() YIELD node, degree
RETURN node.key AS key, degree
ORDER BY degree DESC, key
LIMIT 5;

// Which country is most central to the relationships between countries?
CALL meridian.betweenness({label: 'Country', direction: 'BOTH'}) YIELD node, score
WHERE score > 0
RETURN node.key AS country, score
ORDER BY score DESC, country;

// Which country is most central in the whole graph (all nodes and relationships)?
CALL meridian.betweenness({direction: 'BOTH'}) YIELD node, score
WITH node, score WHERE node:Country
RETURN node.key AS country, round(score * 10) / 10 AS betweenness
ORDER BY betweenness DESC, country
LIMIT 5;

// PageRank following the direction of relationships: what do facts point to most?
CALL meridian.pagerank() YIELD node, score
RETURN node.key AS key, round(score * 10000) / 10000 AS pagerank
ORDER BY pagerank DESC, key
LIMIT 5;

// How many weakly connected components, and how big?
CALL meridian.wcc() YIELD node, componentId
WITH componentId, count(*) AS size
RETURN size, count(*) AS components
ORDER BY size DESC;

// Triangles among countries and what they connect to, ignoring direction.
CALL meridian.triangleCount({label: ['Country', 'Supercomputer', 'Firm']}) YIELD node, triangles
WHERE triangles > 0
RETURN node.key AS key, triangles
ORDER BY triangles DESC, key;

// Algorithms compose with MATCH: the PageRank of the middle powers only.
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
CALL meridian.pagerank() YIELD node, score
WITH c, node, score WHERE node = c
RETURN c.key AS middle_power, round(score * 10000) / 10000 AS pagerank
ORDER BY pagerank DESC, middle_power;
