// The benchmark workload of issue 6 (README, "Performance"), shared by every engine.
// Parameters ($person, $other, $lo, $hi) come from the params.json that
// examples/gen_social.rs writes next to the CSV files, so they are deterministic.
//
// Format, read by benches/compare.py and examples/bench_meridian.rs:
// * `// Qn: description` starts a query;
// * `// kuzu: ...` or `// falkordb: ...` (one line) replaces the shared text for that
//   engine only (LadybugDB uses the kuzu variant), `-` when the engine cannot run the
//   query; keep these few and say why;
// * the shared text follows, up to a line ending with `;`. Other `//` lines are comments.
// Every query returns a small result that compare.py checks across engines; ties in
// ORDER BY are broken so that the answer is unique.

// Q1: point lookup of a person by id
MATCH (p:Person {id: $person})
RETURN p.id AS id, p.firstName AS firstName, p.lastName AS lastName, p.age AS age, p.gender AS gender;

// Q2: friends of a person ordered by id, LIMIT 20
MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person)
RETURN f.id AS id, f.firstName AS firstName ORDER BY id LIMIT 20;

// Q3: count of distinct friends-of-friends, excluding the person
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(fof:Person)
WHERE fof.id <> $person
RETURN count(DISTINCT fof) AS fof;

// Q4: persons per country through LIVES_IN/IN, top 10 (`IN` quoted: Kuzu's parser
// takes a bare IN as the keyword)
MATCH (:Person)-[:LIVES_IN]->(:City)-[:`IN`]->(c:Country)
RETURN c.name AS country, count(*) AS persons ORDER BY persons DESC, country LIMIT 10;

// Q5: count of persons with age > 30 and a first name starting with 'A'
MATCH (p:Person)
WHERE p.age > 30 AND p.firstName STARTS WITH 'A'
RETURN count(*) AS persons;

// Q6: distinct persons reachable over 1..3 KNOWS hops (the person itself counts when a
// cycle leads back to it; walk and trail semantics reach the same set)
MATCH (p:Person {id: $person})-[:KNOWS*1..3]->(x:Person)
RETURN count(DISTINCT x) AS reachable;

// Q7: shortest KNOWS path length between two persons, undirected
// Kuzu has no shortestPath(); its recursive pattern takes SHORTEST with a bound (30 is
// its default upper bound).
// FalkorDB allows shortestPath only in WITH/RETURN and only directed.
// falkordb: -
// kuzu: MATCH p = (a:Person {id: $person})-[:KNOWS* SHORTEST 1..30]-(b:Person {id: $other}) RETURN length(p) AS hops;
MATCH p = shortestPath((a:Person {id: $person})-[:KNOWS*]-(b:Person {id: $other}))
RETURN length(p) AS hops;

// Q8: KNOWS triangles among persons with ids in [$lo, $hi), each directed cycle counted
// once (from its smallest id)
MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a)
WHERE a.id >= $lo AND a.id < $hi AND b.id >= $lo AND b.id < $hi AND c.id >= $lo AND c.id < $hi
  AND a.id < b.id AND a.id < c.id
RETURN count(*) AS triangles;

// Q9: average age of (distinct) friends-of-friends grouped by gender
MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(fof:Person)
WHERE fof.id <> $person
WITH DISTINCT fof
RETURN fof.gender AS gender, avg(fof.age) AS avgAge, count(*) AS persons ORDER BY gender;
