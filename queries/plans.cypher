// EXPLAIN output of typical analyst queries: pins the logical plans after the
// optimizer's passes (split_conjunctions, push_filters, use_label_scans).

// A label scan with a pushed-down property filter, then one hop.
EXPLAIN MATCH (c:Country)-[r:IMPORTS_GPUS_FROM]->(s:Country)
WHERE c.key = 'united_kingdom'
RETURN s.name AS supplier;

// Aggregation with ORDER BY and LIMIT (top-k).
EXPLAIN MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS nodes
ORDER BY nodes DESC, label
LIMIT 5;

// OPTIONAL MATCH keeps its own pipeline.
EXPLAIN MATCH (c:Country)
OPTIONAL MATCH (c)-[:CLASSIFIED_AS]->(k)
RETURN c.key AS country, k.key AS class
ORDER BY country;

// Variable-length expansion and a named path.
EXPLAIN MATCH p = (a:Country {key: 'united_kingdom'})-[*1..2]->(b)
RETURN length(p) AS hops, count(*) AS paths
ORDER BY hops;

// A pattern predicate runs as a subquery and is not moved.
EXPLAIN MATCH (c:Country)
WHERE NOT (c)-[:CLASSIFIED_AS]->()
RETURN c.key AS country;

// UNION of two branches.
EXPLAIN MATCH (c:Country) RETURN c.key AS key
UNION
MATCH (s:Supercomputer) RETURN s.key AS key;
