// Analyst questions about compute: the June 2025 TOP500 top 11, Isambard-AI, GPU
// dependence and compute facilities (FACTS.md A.3, B.4, E.2-E.4).

// The June 2025 TOP500 top 11 with their countries, by the list itself (outside fact
// X01), and the rank the article gives where it gives one. (README example 8: the
// article ranks 1-3 and 11, R037-R040, and agrees with the list; 4-10 are outside only)
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(t:Ranking {key: 'top500_2025_06'}),
      (s)-[:LOCATED_IN]->(c:Country)
OPTIONAL MATCH (s)-[a:RANKED_IN {provenance: 'article'}]->(t)
RETURN r.rank AS rank, s.name AS system, c.name AS country, r.id AS list_id,
       a.rank AS article_rank, a.id AS article_id
ORDER BY rank;

// How many of the top 11 does each country have? (E.3: US 4, Italy 2, Germany,
// Japan, Switzerland, Finland, UK 1 each)
MATCH (s:Supercomputer)-[:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'}),
      (s)-[:LOCATED_IN]->(c:Country)
RETURN c.name AS country, count(s) AS systems
ORDER BY systems DESC, country;

// What HPL Rmax does each ranked system have, and does it fall as the rank rises?
// (Rmax of LUMI and Leonardo is recalled, not re-verified: X01)
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'})
RETURN r.rank AS rank, s.key AS system, r.rmax_pflops AS rmax_pflops,
       coalesce(s.rmax_recalled, false) AS recalled
ORDER BY rank;

// Are the ranks strictly ordered by Rmax (every system has a lower Rmax than the
// one ranked just above it)? Expected: 10 pairs checked, 0 out of order.
MATCH (a:Supercomputer)-[ra:RANKED_IN {provenance: 'outside'}]->(t:Ranking {key: 'top500_2025_06'}),
      (b:Supercomputer)-[rb:RANKED_IN {provenance: 'outside'}]->(t)
WHERE rb.rank = ra.rank + 1
RETURN count(*) AS pairs,
       count(CASE WHEN b.rmax_pflops >= a.rmax_pflops THEN 1 END) AS out_of_order
ORDER BY pairs;

// What share of the top 11's combined Rmax sits in the United States?
// (4 US systems: 4668.2 of 7653.8 PF, about 0.61)
MATCH (s:Supercomputer)-[:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'}),
      (s)-[:LOCATED_IN]->(c:Country)
WITH sum(s.rmax_pflops) AS total,
     sum(CASE WHEN c.key = 'united_states' THEN s.rmax_pflops ELSE 0.0 END) AS us
RETURN round(total * 10) / 10 AS total_pflops, round(us * 10) / 10 AS us_pflops,
       round(us / total * 1000) / 1000 AS us_share
ORDER BY total_pflops;

// Does each system's rank property agree with every RANKED_IN relationship it has,
// the article's and the list's? (expected: 11 systems, 15 relationships, 0 mismatches)
MATCH (s:Supercomputer)-[r:RANKED_IN]->(:Ranking {key: 'top500_2025_06'})
RETURN count(DISTINCT s) AS systems, count(r) AS relationships,
       count(CASE WHEN s.top500_2025_06_rank <> r.rank THEN 1 END) AS mismatches
ORDER BY systems;

// Which ranked systems stand in middle powers, and how does each compare with the
// top system? (A7: the article never mentions Germany's JUPITER, 4th)
MATCH (top:Supercomputer)-[:RANKED_IN {rank: 1, provenance: 'outside'}]->(t:Ranking {key: 'top500_2025_06'})
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(t), (s)-[:LOCATED_IN]->(c:Country),
      (c)-[m:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
RETURN r.rank AS rank, s.name AS system, c.name AS country, m.core_example AS core_example,
       round(s.rmax_pflops / top.rmax_pflops * 1000) / 1000 AS fraction_of_top, r.provenance AS provenance
ORDER BY rank;

// Which countries have a machine ranked above Isambard-AI according to the article,
// and which machines are they by the outside list? (R045-R046 vs X01)
MATCH (c:Country)-[h:HAS_SYSTEM_RANKED_ABOVE]->(i:Supercomputer {key: 'isambard_ai'})
MATCH (s:Supercomputer)-[:LOCATED_IN]->(c), (s)-[r:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'})
WITH c, h, s, r
ORDER BY r.rank
RETURN c.name AS country, h.id AS id, h.machine AS article_says,
       collect(s.name + ' #' + toString(r.rank)) AS outside_list
ORDER BY country;

// Does China take part in the list? (R044; X16 corroborates from outside)
MATCH (c:Country {key: 'china'})-[r:ABSTAINS_FROM]->(t:Ranking)
MATCH (x:OutsideFact {key: 'src_x16'})
RETURN c.name AS country, t.key AS ranking, r.what AS abstains_from, r.para AS para,
       x.fact_id AS corroborated_by
ORDER BY country;

// Which countries import GPUs from the US? (README example 1: United Kingdom, ¶21;
// without the :Country label Isambard-AI, R047, is returned as well)
MATCH (c:Country)-[r:IMPORTS_GPUS_FROM]->(:Country {key: 'united_states'})
RETURN c.name AS country, r.para AS para
ORDER BY country;

// Who depends on US hardware, directly or through a machine, and from which source?
MATCH (x)-[r:IMPORTS_GPUS_FROM|USES_CHIPS_FROM]->(y)
RETURN r.id AS id, x.key AS who, type(r) AS rel, y.key AS supplier,
       coalesce(r.component, r.chip) AS what, r.count AS count, r.source AS source
ORDER BY id;

// What is Isambard-AI: the article's figures and the outside ones, side by side?
MATCH (i:Supercomputer {key: 'isambard_ai'})<-[b:BUILT]-(c:Country)
RETURN c.name AS built_by, i.build_time_months AS months, i.cost_gbp_m AS cost_gbp_m,
       i.top500_2025_06_rank AS rank, i.life_sciences_resource_share AS life_sciences_share,
       i.research_projects_supported AS projects,
       i.site AS site, i.gpu AS gpu, i.gpu_count AS gpu_count, i.rmax_pflops AS rmax_pflops,
       i.outside_properties AS outside_properties, i.outside_source AS outside_source
ORDER BY built_by;

// Do the build time and cost on the BUILT relationship agree with the machine's
// properties? (R035)
MATCH (:Country {key: 'united_kingdom'})-[b:BUILT]->(i:Supercomputer {key: 'isambard_ai'})
RETURN b.id AS id, b.build_time_months AS rel_months, i.build_time_months AS node_months,
       b.cost_gbp_m AS rel_cost, i.cost_gbp_m AS node_cost,
       b.build_time_months = i.build_time_months AND b.cost_gbp_m = i.cost_gbp_m AS agree
ORDER BY id;

// What does Isambard-AI focus on, avoid and support? (UK niche strategy, ¶10, ¶26)
MATCH (i:Supercomputer {key: 'isambard_ai'})-[r:FOCUSES_ON|AVOIDS_COMPETING_IN|SUPPORTS_APPLICATION]->(x)
RETURN r.id AS id, type(r) AS rel, x.name AS target, r.resource_share AS resource_share, r.para AS para
ORDER BY id;

// Which compute and energy facilities does the graph hold, where are they, and who
// builds, promotes or credits them?
MATCH (f:Facility)
OPTIONAL MATCH (f)-[l:LOCATED_IN]->(place)
OPTIONAL MATCH (who)-[r:BUILDS|PROMOTES|PHOTO_CREDIT_FOR]->(f)
RETURN f.key AS facility, labels(f) AS labels, place.name AS located_in, l.id AS located_id,
       who.key AS linked_by, type(r) AS rel, r.id AS id
ORDER BY facility;
