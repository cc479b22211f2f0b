// Analyst questions about facts from outside the article (FACTS.md section E) against
// the article's own facts: which outside sources are used where, what they add, where
// they corroborate the article and where they disagree with it.

// How many facts come from each outside source? (README example 12)
MATCH ()-[r]->()
WHERE r.provenance = 'outside'
RETURN r.source AS source, count(*) AS facts
ORDER BY source;

// Which outside facts X01-X16 are recorded, how confident are they, and how many
// relationships and nodes cite each? (X13, X15 and X16 are recorded but cited by none)
MATCH (s:Source:OutsideFact)
OPTIONAL MATCH ()-[r]->()
WHERE r.source = s.key
WITH s, count(r) AS relationships
OPTIONAL MATCH (n)
WHERE NOT n:Source AND s.key IN n.sources
RETURN s.fact_id AS fact, s.name AS name, s.confidence AS confidence, relationships, count(n) AS nodes
ORDER BY fact;

// Which outside facts carry a qualified confidence rather than a plain 'high'? (X14's
// capacity is medium, X15's report unverified, X01's LUMI and Leonardo Rmax recalled)
MATCH (s:Source:OutsideFact)
WHERE s.confidence <> 'high'
RETURN s.fact_id AS fact, s.confidence AS confidence
ORDER BY fact;

// Which entities exist only because of outside facts, and what do they add?
MATCH (n)
WHERE n.provenance = 'outside' AND NOT n:Source
OPTIONAL MATCH (n)-[r:RANKED_IN]->(:Ranking)
RETURN n.key AS entity, head(labels(n)) AS label, n.sources AS sources, r.rank AS top500_rank
ORDER BY label, entity;

// How are the facts split between the article and outside sources, for each
// relationship type that has any outside fact?
MATCH ()-[r]->()
WITH type(r) AS type,
     count(CASE WHEN r.provenance = 'article' THEN 1 END) AS article,
     count(CASE WHEN r.provenance = 'outside' THEN 1 END) AS outside
WHERE outside > 0
RETURN type, article, outside
ORDER BY type;

// Which facts about the June 2025 TOP500 list does the article give, and which come
// from outside? (article: ranks 1-3 and 11; outside: ranks 4-10)
MATCH (s:Supercomputer)-[r:RANKED_IN]->(:Ranking {key: 'top500_2025_06'})
WITH r.provenance AS provenance, r.rank AS rank
ORDER BY rank
RETURN provenance, collect(rank) AS ranks
ORDER BY provenance;

// Where does an outside fact corroborate an article fact, joining the same two
// entities by the same relationship type? (NVIDIA's US headquarters, R031 and XR32)
MATCH (a)-[r1]->(b), (a)-[r2]->(b)
WHERE type(r1) = type(r2) AND r1.provenance = 'article' AND r2.provenance = 'outside'
  AND NOT a:Claim
RETURN a.key AS from, type(r1) AS rel, b.key AS to, r1.id AS article_id, r2.id AS outside_id, r2.source AS source
ORDER BY article_id;

// Which entities are placed both by the article and by an outside source? (the article
// puts Cambridge and Oxford in Europe; the outside source in the UK)
MATCH (x)-[r1:LOCATED_IN {provenance: 'article'}]->(p1), (x)-[r2:LOCATED_IN {provenance: 'outside'}]->(p2)
RETURN x.key AS entity, p1.key AS article_place, r1.id AS article_id, p2.key AS outside_place, r2.id AS outside_id
ORDER BY entity;

// Where does an outside source disagree with the article? (A1: notable AI models, the
// article's "7" for the US against the AI Index's 40 for 2024)
MATCH (c:Claim)-[d:DERIVED_FROM {role: 'stated'}]->(x),
      (c)-[o:DERIVED_FROM {role: 'outside_check'}]->(x)
RETURN c.key AS claim, x.key AS entity, d.property AS article_property, x[d.property] AS article_value,
       o.property AS outside_property, x[o.property] AS outside_value, o.source AS outside_source
ORDER BY entity;

// What are the AI Index's 2024 notable-model counts (X02), next to the article's
// wording? (US 40, China 15, Europe 3)
MATCH (x)
WHERE x.notable_ai_models_2024 IS NOT NULL
RETURN x.key AS entity, x.notable_ai_models_2024 AS ai_index_2024,
       coalesce(toString(x.notable_ai_models_in_year), x.notable_model_presence) AS article_says,
       x.outside_source AS source
ORDER BY ai_index_2024 DESC;

// Which article entities gained outside properties, from which outside fact, and how
// confident is that fact?
MATCH (n), (s:Source:OutsideFact)
WHERE n.outside_properties IS NOT NULL AND s.key = n.outside_source
RETURN s.fact_id AS fact, n.key AS entity, n.outside_properties AS properties, s.confidence AS confidence
ORDER BY fact, entity;
