// Analyst questions about the article's central concept: which countries are middle
// powers, how the article defines them, the gaps they face, their niche strategies
// and the roles it foresees for them (FACTS.md A.2, A.7, B.2, B.8-B.10, D.1-D.4).

// Which countries are core examples of a middle power? (README example 5)
MATCH (c:Country)-[r:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WHERE r.core_example = true
RETURN c.name AS country
ORDER BY country;

// Which countries does the article call middle powers at all, core example or not,
// and on which paragraph? (South Korea is named only at ¶22, see A16)
MATCH (c:Country)-[r:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
RETURN c.name AS country, r.core_example AS core_example, r.id AS id, r.para AS para
ORDER BY core_example DESC, country;

// In which region does the article place each core middle power?
MATCH (c:Country)-[:CLASSIFIED_AS {core_example: true}]->(:Concept {key: 'middle_power'}),
      (c)-[l:LOCATED_IN]->(g:Region)
WITH g.name AS region, c.name AS country, l.id AS id
ORDER BY region, country
RETURN region, collect(country) AS countries, collect(id) AS ids
ORDER BY size(countries) DESC, region;

// How does the article define a middle power (D.1)?
MATCH (m:Concept {key: 'middle_power'})
RETURN m.defined_by_size AS defined_by_size,
       m.full_chain_control AS full_chain_control,
       m.large_scale_resource_capacity AS large_scale_resources,
       m.local_unique_advantage AS local_unique_advantage,
       m.can_build_general_llm_alone AS can_build_general_llm_alone,
       m.core_examples AS core_examples
ORDER BY core_examples;

// Does the concept's own list of core examples agree with the CLASSIFIED_AS
// relationships? (expected: same five keys, agree = true)
MATCH (m:Concept {key: 'middle_power'})
MATCH (c:Country)-[:CLASSIFIED_AS {core_example: true}]->(m)
WITH m, c.key AS key
ORDER BY key
WITH m, collect(key) AS classified
RETURN classified,
       size(classified) = size(m.core_examples)
         AND all(k IN classified WHERE k IN m.core_examples) AS agree
ORDER BY agree;

// What does the article say about the UAE? (README example 4)
MATCH (u:Country {key: 'uae'})-[r]-(x)
WHERE r.provenance = 'article'
RETURN r.id AS id, type(r) AS rel, x.key AS other, r.para AS para, r.evidence_en AS evidence
ORDER BY id;

// Which niche strategy does each middle power pursue, and does it follow the
// "small and specialised" principle? (D.3; South Korea pursues none)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
OPTIONAL MATCH (c)-[:PURSUES]->(s:Strategy)
OPTIONAL MATCH (s)-[f:FOLLOWS]->(:Concept {key: 'small_and_specialised'})
RETURN c.name AS country, s.key AS strategy, f.id AS follows_id
ORDER BY country;

// Which middle powers pursue no niche strategy at all? (South Korea; a pattern
// predicate)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WHERE NOT (c)-[:PURSUES]->(:Strategy)
RETURN c.name AS country
ORDER BY country;

// What does each niche strategy involve (firms, machines, facilities, applications)?
MATCH (c:Country)-[:PURSUES]->(s:Strategy)-[r:INVOLVES]->(x)
RETURN c.name AS country, s.key AS strategy, x.key AS involves, head(labels(x)) AS kind, r.id AS id
ORDER BY country, id;

// Which domains does each country focus on, and through what (the `via` of a
// country-level projection)?
MATCH (c:Country)-[r:FOCUSES_ON]->(d:Domain)
RETURN c.name AS country, d.name AS domain, r.via AS via, r.id AS id, r.para AS para
ORDER BY country, id;

// Which domains do the US and China dominate or control, and what does the article
// say middle powers cannot do alone?
MATCH (x)-[r:DOMINATES|CANNOT_INDEPENDENTLY_DEVELOP]->(d:Domain)
RETURN x.key AS who, type(r) AS rel, d.name AS domain, r.id AS id, r.para AS para
ORDER BY id;

// Which gaps separate the middle powers from the US and China, and along which
// dimensions, in the article's order? (D.2: two gaps, five dimensions)
MATCH (:Concept {key: 'middle_power'})-[g:FACES_GAP]->(gap:Gap)-[h:HAS_DIMENSION]->(d:GapDimension)
RETURN g.id AS gap_id, gap.key AS gap, h.order AS position, d.name AS dimension, h.para AS para
ORDER BY gap_id, position;

// What drives the hard-power gap?
MATCH (x)-[r:DRIVES]->(g:Gap)
RETURN x.key AS driver, g.key AS gap, r.evidence_en AS evidence, r.para AS para
ORDER BY driver;

// Which roles does the article foresee for middle powers, in order, and which
// countries or regions exemplify each? (D.4)
MATCH (m:Concept {key: 'middle_power'})-[e:EXPECTED_ROLE]->(role:Role)
OPTIONAL MATCH (x)-[p:PLAYS_ROLE]->(role)
WITH e.order AS position, role.key AS role, x.key AS exemplar, p.id AS id
ORDER BY position, id
RETURN position, role, collect(exemplar) AS exemplars, collect(id) AS ids
ORDER BY position;

// Which role will middle powers NOT take, and who are the poles they face?
MATCH (:Concept {key: 'middle_power'})-[n:NOT_EXPECTED_ROLE]->(role:Role)
MATCH (pole:Country)-[:POLE_OF]->(b:Concept {key: 'bipolar_structure'})
WITH role, n, pole.name AS pole
ORDER BY pole
RETURN role.name AS excluded_role, n.id AS id, n.para AS para, collect(pole) AS poles
ORDER BY excluded_role;

// Which middle powers exemplify a future role AND pursue a niche strategy?
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'}),
      (c)-[:PLAYS_ROLE]->(role:Role),
      (c)-[:PURSUES]->(s:Strategy)
RETURN c.name AS country, role.order AS role_order, s.key AS strategy
ORDER BY country;

// Who threatens middle powers' AI development, and how?
MATCH (x)-[r:THREATENS]->(:Concept {key: 'middle_power'})
MATCH (who)-[i:IMPOSES]->(x)
RETURN who.name AS imposed_by, x.name AS threat, r.effect AS effect, [i.id, r.id] AS ids, r.para AS para
ORDER BY threat;

// What does the article say about talent flows, tiers and the laggards (South Korea,
// India, Europe)?
MATCH (a)-[r:LOSES_TALENT_TO|SAME_TIER_AS|TRAILS]->(b)
RETURN r.id AS id, a.key AS from, type(r) AS rel, b.key AS to,
       coalesce(r.tier, r.metric) AS detail, r.attributed_to AS attributed_to, r.para AS para
ORDER BY id;

// Which countries are not classified as middle powers? (a pattern predicate in WHERE)
MATCH (c:Country)
WHERE NOT (c)-[:CLASSIFIED_AS]->()
RETURN c.key AS country
ORDER BY country;
