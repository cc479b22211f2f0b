// Analyst questions about dependence and absence: the chains by which middle powers
// rely on US or Chinese technology (variable-length patterns and named paths, with
// `nodes(p)` and `relationships(p)`; `shortestPath` is not supported yet, so the
// shortest chain is found by ordering on `length(p)`), and negation: what middle
// powers lack (pattern predicates and NOT EXISTS subqueries). FACTS.md B.4, B.7, B.8,
// E.3, E.4.

// How does the UK depend on the US for compute? Every chain of at most three steps
// through building, GPU imports, chip supply and headquarters, with the id and
// provenance of each step. (R048 directly; R035 then R047; R035, XR15, then R031 or
// XR32: the chip maker NVIDIA is American by the article and by X04)
MATCH p = (:Country {key: 'united_kingdom'})-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|HEADQUARTERED_IN*1..3]->(:Country {key: 'united_states'})
RETURN [n IN nodes(p) | n.key] AS chain, [r IN relationships(p) | r.id] AS ids,
       [r IN relationships(p) | r.provenance] AS provenance, length(p) AS steps
ORDER BY steps, ids;

// Which of those chains rest on the article alone? (two: R048, and R035 then R047)
MATCH p = (:Country {key: 'united_kingdom'})-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|HEADQUARTERED_IN*1..3]->(:Country {key: 'united_states'})
WHERE all(r IN relationships(p) WHERE r.provenance = 'article')
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | type(r)] AS steps
ORDER BY size(steps);

// What is the shortest chain from the UK to the US, and which source and paragraph
// support each of its steps? (R048, ¶21: the core GPUs are imported from the US)
MATCH p = (:Country {key: 'united_kingdom'})-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|HEADQUARTERED_IN*1..3]->(:Country {key: 'united_states'})
WITH p ORDER BY length(p) LIMIT 1
UNWIND relationships(p) AS r
RETURN r.id AS id, type(r) AS step, r.source AS source, r.para AS para, r.evidence_zh AS evidence;

// Which middle powers depend on US or Chinese technology, on which of the two, and
// through how many steps at least? (Canada: US data directly, GPT-4 in 4 steps; the
// UAE: China through Huawei's Ascend cluster in 4; the UK: the US in 1)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
MATCH p = (c)-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|DEVELOPED|ADAPTED_FROM|DEVELOPED_BY|PRODUCED_BY|HEADQUARTERED_IN|SOURCES_TRAINING_DATA_FROM*1..4]->(pole:Country)
WHERE pole.key IN ['united_states', 'china']
RETURN c.name AS middle_power, pole.name AS depends_on, min(length(p)) AS fewest_steps, count(p) AS chains
ORDER BY middle_power, depends_on;

// Which of those dependencies can only be traced with the help of an outside fact,
// and which one? (the makers' home countries: OpenAI's, XR16; Huawei's, XR17; NVIDIA's
// through XR15 and XR32)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
MATCH p = (c)-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|DEVELOPED|ADAPTED_FROM|DEVELOPED_BY|PRODUCED_BY|HEADQUARTERED_IN|SOURCES_TRAINING_DATA_FROM*1..4]->(pole:Country)
WHERE pole.key IN ['united_states', 'china']
  AND any(r IN relationships(p) WHERE r.provenance = 'outside')
RETURN c.name AS middle_power, pole.name AS depends_on, [n IN nodes(p) | n.key] AS chain,
       [r IN relationships(p) WHERE r.provenance = 'outside' | r.id + ' (' + r.source + ')'] AS outside_steps
ORDER BY middle_power, size(chain);

// Which middle powers show no dependency on US or Chinese technology at all within four
// steps? (France, Germany, South Korea: none of their recorded links leads to a US or
// Chinese maker, platform or supplier)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WHERE NOT EXISTS {
  MATCH (c)-[:BUILT|IMPORTS_GPUS_FROM|USES_CHIPS_FROM|DEVELOPED|ADAPTED_FROM|DEVELOPED_BY|PRODUCED_BY|HEADQUARTERED_IN|SOURCES_TRAINING_DATA_FROM*1..4]->(pole:Country)
  WHERE pole.key IN ['united_states', 'china']
}
RETURN c.name AS middle_power
ORDER BY middle_power;

// Where does Europe's AI talent go, and in which country does it end up? (R071 to
// Silicon Valley, ¶22; Silicon Valley is in the US by outside fact XR28)
MATCH p = (:Region {key: 'europe'})-[:LOSES_TALENT_TO]->()-[:LOCATED_IN]->(c:Country)
RETURN [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | r.id] AS ids,
       [r IN relationships(p) | r.source] AS sources, c.name AS ends_in;

// ---- Negation ------------------------------------------------------------------------

// Which middle powers have no supercomputer in the June 2025 TOP500 top 11? (a pattern
// predicate; Canada, France, South Korea, the UAE: the UK has Isambard-AI, Germany
// JUPITER Booster)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WHERE NOT (c)<-[:LOCATED_IN]-(:Supercomputer)-[:RANKED_IN]->(:Ranking {key: 'top500_2025_06'})
RETURN c.name AS middle_power
ORDER BY middle_power;

// The same question on the article's facts alone (NOT EXISTS with a condition on the
// facts used): Germany joins the list, because the article never mentions JUPITER (A7).
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WHERE NOT EXISTS {
  MATCH (c)<-[l:LOCATED_IN]-(:Supercomputer)-[r:RANKED_IN]->(:Ranking {key: 'top500_2025_06'})
  WHERE l.provenance = 'article' AND r.provenance = 'article' AND r.rank <= 11
}
RETURN c.name AS middle_power
ORDER BY middle_power;

// Which countries with a top-11 system are not middle powers, and which middle powers
// with one are not core examples? (US, Italy, Japan, Switzerland, Finland are not
// classified; every middle power with one is a core example)
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'}),
      (s)-[:LOCATED_IN]->(c:Country)
OPTIONAL MATCH (c)-[m:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WITH c, m, count(s) AS systems
WHERE m IS NULL OR m.core_example = false
RETURN c.name AS country, systems, m IS NOT NULL AS middle_power
ORDER BY systems DESC, country;

// Which EU members recorded in the graph have no system in the top 11? (France; of
// the EU members it records, X09)
MATCH (c:Country)-[:MEMBER_OF]->(:Bloc {key: 'european_union'})
WHERE NOT EXISTS { MATCH (c)<-[:LOCATED_IN]-(:Supercomputer)-[:RANKED_IN]->(:Ranking) }
RETURN c.name AS country
ORDER BY country;

// ---- Filters on numbers with units ------------------------------------------------------

// Which top-11 systems outside the US deliver more than 400 PF of HPL Rmax
// (`rmax_pflops`), and what fraction of El Capitan's is that? (JUPITER Booster 793.4,
// HPC6 477.9, Fugaku 442.0, Alps 434.9)
MATCH (top:Supercomputer)-[:RANKED_IN {rank: 1, provenance: 'outside'}]->(t:Ranking {key: 'top500_2025_06'})
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(t), (s)-[:LOCATED_IN]->(c:Country)
WHERE r.rmax_pflops > 400.0 AND c.key <> 'united_states'
RETURN s.name AS system, c.name AS country, r.rmax_pflops AS rmax_pflops,
       round(r.rmax_pflops / top.rmax_pflops * 1000) / 1000 AS fraction_of_el_capitan
ORDER BY rmax_pflops DESC;

// Which countries' 2024 private AI investment, as the article reports it, is below
// USD 5bn (`value_usd_bn`), and how many times larger is the US figure? (the UK 4.5:
// 24.2 times; South Korea 1.33: 82.0 times, from a different source, A5)
MATCH (:Report)-[us:REPORTS_ON {provenance: 'article'}]->(:Country {key: 'united_states'})
MATCH (rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
WHERE r.value_usd_bn < 5.0
RETURN c.name AS country, r.value_usd_bn AS usd_bn, rep.key AS report,
       round(us.value_usd_bn / r.value_usd_bn * 10) / 10 AS us_multiple
ORDER BY usd_bn DESC;
