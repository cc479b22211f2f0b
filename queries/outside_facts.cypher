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
// from outside? (article: ranks 1-3 and 11; the list itself, X01: all of 1-11)
MATCH (s:Supercomputer)-[r:RANKED_IN]->(:Ranking {key: 'top500_2025_06'})
WITH r.provenance AS provenance, r.rank AS rank
ORDER BY rank
RETURN provenance, collect(rank) AS ranks
ORDER BY provenance;

// Where does an outside fact corroborate an article fact, joining the same two
// entities by the same relationship type? (NVIDIA's US headquarters, R031 and XR32;
// the list's ranks XF07-XF10 beside R037-R040; the AI Index's investment figures
// XF01-XF03 beside R057-R059. An outside figure XF.. corroborates only the article
// fact it names as `article_counterpart`: the AI Index's notable-model counts XF04,
// XF05 join the same ends as R057, R058 but measure something else.)
MATCH (a)-[r1]->(b), (a)-[r2]->(b)
WHERE type(r1) = type(r2) AND r1.provenance = 'article' AND r2.provenance = 'outside'
  AND NOT a:Claim AND (r2.id STARTS WITH 'XR' OR r2.article_counterpart = r1.id)
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

// ---- Outside figures as relationships (XF01-XF16), beside the article's --------------

// Which figures do the outside facts give as relationships, about what, and in which
// unit? (X01 ranks and Rmax, X02 investment and notable models, X03 founding years,
// X08 public funding, X09 member count, X14 capacity)
MATCH (a)-[r]->(b)
WHERE r.id STARTS WITH 'XF'
RETURN r.id AS id, r.source AS source, a.key AS reporter, type(r) AS rel, b.key AS about,
       coalesce(r.metric, 'TOP500 rank') AS metric, coalesce(r.value, r.rank) AS value,
       coalesce(r.unit, 'rank') AS unit
ORDER BY id;

// 2024 private AI investment, the article's figure and the AI Index's own (X02) side by
// side, never merged: do they agree? (US 109.1, China 9.3, UK 4.5: yes; Korea has no
// AI Index figure, its 1.33 comes from the Korean white paper, A5)
MATCH (:Report)-[a:REPORTS_ON {provenance: 'article'}]->(c:Country)
OPTIONAL MATCH (:Report {key: 'ai_index_2025'})-[o:REPORTS_ON {provenance: 'outside', metric: 'private AI investment'}]->(c)
RETURN c.name AS country, a.value_usd_bn AS article_usd_bn, a.id AS article_id, a.para AS para,
       o.value_usd_bn AS ai_index_usd_bn, o.id AS outside_id, o.source AS source,
       a.value_usd_bn = o.value_usd_bn AS agree
ORDER BY article_usd_bn DESC;

// Which countries or regions had more than 10 notable AI models in 2024 by the AI
// Index (a filter on a figure with its unit)? (US 40, China 15; Europe 3 does not)
MATCH (:Report {key: 'ai_index_2025'})-[r:REPORTS_ON {metric: 'notable AI models', year: 2024}]->(x)
WHERE r.value > 10
RETURN x.name AS name, r.value AS models, r.unit AS unit, r.source AS source
ORDER BY models DESC;

// Notable AI models: the article's figure (C18: "7" for the US, Europe "hard to find")
// against the AI Index's 2024 counts (X02), side by side. (A1: 7 vs 40 disagree; the
// article gives no count for China or Europe)
MATCH (:Report {key: 'ai_index_2025'})-[r:REPORTS_ON {metric: 'notable AI models'}]->(x)
RETURN x.key AS entity, r.value AS ai_index_2024, r.id AS outside_id,
       x.notable_ai_models_in_year AS article_value, x.notable_model_presence AS article_wording,
       r.article_counterpart AS claim, r.value = x.notable_ai_models_in_year AS agree
ORDER BY ai_index_2024 DESC;

// For each system the article ranks, does the article's rank agree with the outside
// list's, and what Rmax does the list give? (R037-R040 against XF07-XF10: all agree)
MATCH (s:Supercomputer)-[a:RANKED_IN {provenance: 'article'}]->(t:Ranking {key: 'top500_2025_06'}),
      (s)-[o:RANKED_IN {provenance: 'outside'}]->(t)
RETURN s.name AS system, a.rank AS article_rank, a.id AS article_id, a.para AS para,
       o.rank AS list_rank, o.rmax_pflops AS rmax_pflops, o.id AS outside_id, a.rank = o.rank AS agree
ORDER BY list_rank;

// Does every outside figure agree with the node property that holds the same number
// (`property`), and with the article figure it stands beside? (expected: no rows)
MATCH (a)-[r]->(b)
WHERE r.id STARTS WITH 'XF' AND r.property IS NOT NULL AND b[r.property] <> r.value
RETURN r.id AS id, b.key AS entity, r.property AS property, b[r.property] AS node_value, r.value AS rel_value
ORDER BY id;

// Isambard-AI's cost in the article (R035, £225m) against its public funding by an
// outside source (X08, about £225m).
MATCH (uk:Country)-[b:BUILT]->(i:Supercomputer {key: 'isambard_ai'}),
      (uk)-[f:FUNDED]->(i)
RETURN i.name AS system, b.cost_gbp_m AS article_cost_gbp_m, b.id AS article_id, b.para AS para,
       f.value AS outside_funding_gbp_m, f.approximate AS approximate, f.source AS source,
       b.cost_gbp_m = f.value AS agree
ORDER BY system;

// When were the middle powers' firms founded, by outside fact X03, and which of them
// is younger than five years in 2025 (a filter on a year)? (Mistral AI 2023, Helsing
// 2021; Cohere 2019 is not)
MATCH (:Source {key: 'src_x03'})-[r:REPORTS_ON {metric: 'founding year'}]->(f:Firm)
WHERE 2025 - r.value < 5
RETURN f.name AS firm, r.value AS founded, f.hq_city AS hq_city
ORDER BY founded;
