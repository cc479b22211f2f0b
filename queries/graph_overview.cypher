// Schema overview of the shipped knowledge graph (graph/*.cypher, built from
// ../shared/seed/FACTS.md): sizes, labels, relationship types, provenance split, and
// the uniqueness of keys and relationship ids that every other query relies on.

// How many nodes and relationships does the graph hold?
MATCH (n)
WITH count(n) AS nodes
MATCH ()-[r]->()
RETURN nodes, count(r) AS relationships
ORDER BY nodes;

// Which labels are used, and how many nodes carry each (a node may carry two)?
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label;

// How many nodes have each combination of labels (sheet label plus sub-label)?
MATCH (n)
RETURN labels(n) AS labels, count(*) AS nodes
ORDER BY nodes DESC, labels;

// Which relationship types exist, and how many relationships of each?
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY relationships DESC, type;

// Which kinds of node are there: article entities, outside-only entities, sources, claims?
MATCH (n)
RETURN CASE
         WHEN 'Claim' IN labels(n) THEN 'claim (C)'
         WHEN 'Source' IN labels(n) AND n.provenance = 'article' THEN 'the article (0)'
         WHEN 'Source' IN labels(n) THEN 'outside source record (E.1)'
         WHEN n.provenance = 'article' THEN 'article entity (A)'
         ELSE 'outside-only entity (E.2)'
       END AS kind,
       count(*) AS nodes
ORDER BY kind;

// Which kinds of relationship are there, and what provenance does each carry?
MATCH ()-[r]->()
RETURN CASE
         WHEN r.id STARTS WITH 'XR' THEN 'outside edge XR (E.4)'
         WHEN r.id STARTS WITH 'XF' THEN 'outside figure XF (E.1)'
         WHEN r.id STARTS WITH 'R' THEN 'article edge R (B)'
         ELSE 'claim edge C (C)'
       END AS kind,
       r.provenance AS provenance,
       count(*) AS relationships
ORDER BY kind, provenance;

// Which label pairs does each relationship type connect (first label of each end)?
MATCH (a)-[r]->(b)
RETURN type(r) AS type, head(labels(a)) AS from, head(labels(b)) AS to, count(*) AS relationships
ORDER BY type, from, to;

// Is every node key unique (expected: no rows)?
MATCH (n)
WITH n.key AS key, count(*) AS nodes
WHERE nodes > 1
RETURN key, nodes
ORDER BY key;

// Is every relationship id unique (expected: no rows)?
MATCH ()-[r]->()
WITH r.id AS id, count(*) AS relationships
WHERE relationships > 1
RETURN id, relationships
ORDER BY id;

// Does any node lack a key, or any relationship an id (expected: 0 and 0)?
MATCH (n)
WITH count(CASE WHEN n.key IS NULL THEN 1 END) AS nodes_without_key
MATCH ()-[r]->()
RETURN nodes_without_key, count(CASE WHEN r.id IS NULL THEN 1 END) AS rels_without_id
ORDER BY nodes_without_key;

// How many article relationships does each subsection of FACTS.md part B contribute
// (from the number in the id R001-R147)?
MATCH ()-[r]->()
WHERE r.id STARTS WITH 'R'
WITH toInteger(substring(r.id, 1)) AS n
RETURN CASE
         WHEN n <= 10 THEN 'B.1 publication and attribution'
         WHEN n <= 26 THEN 'B.2 classification and geography'
         WHEN n <= 34 THEN 'B.3 US and Chinese dominance'
         WHEN n <= 56 THEN 'B.4 compute, TOP500, Isambard-AI'
         WHEN n <= 62 THEN 'B.5 capital'
         WHEN n <= 67 THEN 'B.6 energy'
         WHEN n <= 75 THEN 'B.7 supply chain and talent'
         WHEN n <= 117 THEN 'B.8 niche strategies'
         WHEN n <= 135 THEN 'B.9 roles, standards, law'
         WHEN n <= 143 THEN 'B.10 gaps and concepts'
         ELSE 'B.11 China\'s stance'
       END AS section,
       count(*) AS relationships, min(n) AS first, max(n) AS last
ORDER BY first;
