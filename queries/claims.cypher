// Analyst questions about the article's derived-number claims C01-C21 (FACTS.md
// section C): where each is stated and credited, and, for every claim the graph can
// check, a recomputation from the entities' properties compared with the stated value.
// Each recomputation returns the stated value, the recomputed one and whether they
// agree (within the rounding the article uses), next to the sheet's own recomputation
// where the claim stores one.

// Which claims does the graph hold, with their stated value, and can each be recomputed?
MATCH (c:Claim)
RETURN c.key AS claim, c.name AS name, c.value AS stated, c.unit AS unit, c.recomputable AS recomputable
ORDER BY claim;

// Which claims cannot be recomputed from the graph? (README example 10)
MATCH (c:Claim)
WHERE c.recomputable = false
RETURN c.key AS claim
ORDER BY claim;

// Is every claim stated in the article, on the paragraphs the claim itself lists?
// (expected: 21 claims, each with one STATED_IN whose para equals the claim's)
MATCH (c:Claim)
OPTIONAL MATCH (c)-[s:STATED_IN]->(a:Source {key: 'src_article'})
WITH c, count(s) AS stated_in, collect(s.para) AS paras
RETURN count(c) AS claims,
       count(CASE WHEN stated_in = 1 THEN 1 END) AS with_one_stated_in,
       count(CASE WHEN stated_in = 1 AND paras[0] = c.para THEN 1 END) AS para_agrees
ORDER BY claims;

// To which report or ranking does the article credit each claim, and does the claim's
// attributed_to property name the same one? (C06 and C18 only implicitly)
MATCH (c:Claim)-[a:ATTRIBUTED_TO]->(r)
RETURN c.key AS claim, r.key AS attributed_to, a.basis AS basis, c.attributed_to = r.key AS property_agrees
ORDER BY claim;

// Who made the one quoted claim? (C19, Jensen Huang)
MATCH (p:Person)-[m:MADE_CLAIM]->(c:Claim)
RETURN c.key AS claim, p.name AS speaker, c.speaker = p.key AS property_agrees, m.para AS para
ORDER BY claim;

// Does every input a claim derives from hold the property it names, and does every
// input relationship it cites exist and touch that input? (expected: 0 and 0)
MATCH (c:Claim)-[d:DERIVED_FROM]->(x)
OPTIONAL MATCH (x)-[r]-()
WHERE r.id = d.input_rel
WITH d, x, count(r) AS rels
RETURN count(*) AS inputs,
       count(CASE WHEN d.property IS NOT NULL AND x[d.property] IS NULL THEN 1 END) AS missing_property,
       count(CASE WHEN d.input_rel IS NOT NULL AND rels = 0 THEN 1 END) AS missing_input_rel
ORDER BY inputs;

// Which claims rest on outside facts as well as on the article? (C05 and C06 on the
// TOP500 list, C18 on the AI Index)
MATCH (c:Claim)-[d:DERIVED_FROM {provenance: 'outside'}]->(x)
WITH c, d
ORDER BY d.id
RETURN c.key AS claim, collect(d.id) AS outside_inputs, collect(DISTINCT d.source) AS sources
ORDER BY claim;

// ---- Recomputations ----------------------------------------------------------------

// Recompute C01 (US private AI investment is 12× China's). (README example 6)
MATCH (c:Claim {key: 'C01'})-[:DERIVED_FROM {role: 'numerator'}]->(a),
      (c)-[:DERIVED_FROM {role: 'denominator'}]->(b)
RETURN c.value AS stated,
       a.private_ai_investment_2024_usd_bn / b.private_ai_investment_2024_usd_bn AS ratio
ORDER BY stated;

// Recompute the multiples C01 (12× China) and C02 (24× the UK) from the inputs each
// claim names: numerator / denominator, compared after rounding to a whole multiple.
MATCH (c:Claim)-[n:DERIVED_FROM {role: 'numerator'}]->(a),
      (c)-[d:DERIVED_FROM {role: 'denominator'}]->(b)
WHERE c.value IS NOT NULL
WITH c, a[n.property] / b[d.property] AS ratio
RETURN c.key AS claim, c.value AS stated, round(ratio * 1000) / 1000 AS recomputed,
       round(ratio) = c.value AS agree_within_rounding,
       c.recomputed_value AS sheet, abs(ratio - c.recomputed_value) < 0.0005 AS sheet_agrees
ORDER BY claim;

// Recompute C03 (the UK's total is "less than the US's small change"): the UK figure as
// a fraction of the US figure. The claim is qualitative; only the fraction is checked.
MATCH (c:Claim {key: 'C03'})-[n:DERIVED_FROM {role: 'numerator'}]->(a),
      (c)-[d:DERIVED_FROM {role: 'denominator'}]->(b)
WITH c, a[n.property] / b[d.property] AS fraction
RETURN c.key AS claim, c.qualitative AS qualitative, round(fraction * 10000) / 10000 AS recomputed,
       c.recomputed_value AS sheet, abs(fraction - c.recomputed_value) < 0.00005 AS sheet_agrees
ORDER BY claim;

// Check C04 (Korea's 2024 private AI investment was USD 1.33bn) against the country's
// property and the white paper's REPORTS_ON figure, and recompute the sheet's derived
// ratios US/Korea (82.03) and Korea/UK (0.296).
MATCH (c:Claim {key: 'C04'})-[s:DERIVED_FROM {role: 'subject'}]->(k:Country),
      (c)-[:DERIVED_FROM {role: 'comparison'}]->(us:Country {key: 'united_states'}),
      (c)-[:DERIVED_FROM {role: 'comparison'}]->(uk:Country {key: 'united_kingdom'}),
      (:Report)-[r:REPORTS_ON {provenance: 'article'}]->(k)
WITH c, k[s.property] AS korea, r.value_usd_bn AS reported,
     us[s.property] / k[s.property] AS us_over_korea, k[s.property] / uk[s.property] AS korea_over_uk
RETURN c.key AS claim, c.value AS stated, korea AS recomputed, korea = c.value AND reported = c.value AS agree,
       round(us_over_korea * 100) / 100 AS us_over_korea, round(korea_over_uk * 1000) / 1000 AS korea_over_uk,
       round(us_over_korea * 100) / 100 = c.derived_us_over_korea
         AND round(korea_over_uk * 1000) / 1000 = c.derived_korea_over_uk AS sheet_agrees
ORDER BY claim;

// Recompute C05 (Isambard-AI ranks 11th) from the list itself (X01): one plus the
// number of systems the list ranks above it. (README example 3)
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'})
WHERE r.rank < 11
RETURN count(s) + 1 AS rank
ORDER BY rank;

// Recompute C05 independently of the list's rank numbers: one plus the number of ranked
// systems with a higher HPL Rmax than Isambard-AI.
MATCH (c:Claim {key: 'C05'})-[s:DERIVED_FROM {role: 'subject'}]->(i:Supercomputer),
      (c)-[:DERIVED_FROM {role: 'ranking'}]->(t:Ranking)
MATCH (x:Supercomputer)-[:RANKED_IN {provenance: 'outside'}]->(t)
WITH c, i, count(CASE WHEN x.rmax_pflops > i.rmax_pflops THEN 1 END) AS faster
RETURN c.key AS claim, c.value AS stated, faster + 1 AS recomputed, faster + 1 = c.value AS agree,
       i.top500_2025_06_rank = c.value AS property_agrees
ORDER BY claim;

// Recompute C06 (Finland's and Italy's machines outrank Isambard-AI): for each country
// the claim names, its ranked machines and whether every one ranks above Isambard-AI.
MATCH (c:Claim {key: 'C06'})-[:DERIVED_FROM {role: 'subject'}]->(i:Supercomputer),
      (c)-[:DERIVED_FROM {role: 'country'}]->(country:Country),
      (i)-[ri:RANKED_IN {provenance: 'outside'}]->(t:Ranking {key: 'top500_2025_06'}),
      (s:Supercomputer)-[:LOCATED_IN]->(country), (s)-[rs:RANKED_IN {provenance: 'outside'}]->(t)
WITH c, country, ri, s, rs
ORDER BY rs.rank
WITH c, country, ri, collect(s.name + ' #' + toString(rs.rank)) AS machines, max(rs.rank) AS lowest
RETURN c.key AS claim, country.name AS country, machines, ri.rank AS isambard_rank,
       lowest < ri.rank AS recomputed_holds, c.recomputed_holds AS sheet
ORDER BY country;

// Recompute C07 (the June 2025 top three are all US machines) from the ranking itself,
// and check that they are the three machines the claim names.
MATCH (c:Claim {key: 'C07'})
MATCH (s:Supercomputer)-[r:RANKED_IN {provenance: 'outside'}]->(:Ranking {key: 'top500_2025_06'}), (s)-[:LOCATED_IN]->(loc:Country)
WHERE r.rank <= 3
OPTIONAL MATCH (c)-[named:DERIVED_FROM]->(s)
WITH c, s, loc, r, named
ORDER BY r.rank
WITH c, collect(s.name) AS top3, collect(loc.key) AS countries, count(named) AS named_by_claim
RETURN c.key AS claim, top3, countries,
       size(top3) = 3 AND all(k IN countries WHERE k = 'united_states') AS recomputed_holds,
       named_by_claim = 3 AS claim_names_them, c.recomputed_holds AS sheet
ORDER BY claim;

// Recompute C13 (the skin-cancer algorithm beats the average doctor, 92% vs 85%): the
// comparison, the difference in points and the ratio, also against relationship R055.
MATCH (c:Claim {key: 'C13'})-[a:DERIVED_FROM {role: 'algorithm'}]->(app),
      (c)-[b:DERIVED_FROM {role: 'baseline'}]->(app),
      (app)-[r:FOCUSES_ON]->(:Domain)
WHERE r.id = a.input_rel
WITH c, app[a.property] AS accuracy, app[b.property] AS baseline, r
RETURN c.key AS claim, c.value AS stated, accuracy AS recomputed, c.baseline_value AS stated_baseline,
       accuracy = c.value AND baseline = c.baseline_value
         AND r.accuracy = accuracy AND r.human_baseline = baseline AS agree,
       accuracy > baseline AS beats_doctors,
       round((accuracy - baseline) * 100) / 100 AS difference, round(accuracy / baseline * 1000) / 1000 AS ratio,
       round((accuracy - baseline) * 100) / 100 = c.recomputed_difference
         AND round(accuracy / baseline * 1000) / 1000 = c.recomputed_ratio AS sheet_agrees
ORDER BY claim;

// Check C14 (Isambard-AI puts 80% of its resources into life sciences) against the
// machine's property and relationship R049, and recompute the remainder (0.20).
MATCH (c:Claim {key: 'C14'})-[d:DERIVED_FROM {role: 'subject'}]->(i:Supercomputer),
      (i)-[r:FOCUSES_ON]->(:Domain {key: 'dom_life_sciences_ai'})
RETURN c.key AS claim, c.value AS stated, i[d.property] AS recomputed, r.resource_share AS rel_value,
       i[d.property] = c.value AND r.resource_share = c.value AS agree,
       round((1 - i[d.property]) * 100) / 100 AS remainder,
       round((1 - i[d.property]) * 100) / 100 = c.recomputed_remainder AS sheet_agrees
ORDER BY claim;

// Check C15 (Isambard-AI underpins more than 100 projects): the stated lower bound
// against the machine's property; the graph itself names only two of the projects.
MATCH (c:Claim {key: 'C15'})-[d:DERIVED_FROM {role: 'subject'}]->(i:Supercomputer)
OPTIONAL MATCH (i)-[p:SUPPORTS_APPLICATION]->(:Application)
RETURN c.key AS claim, c.value AS stated, c.lower_bound AS lower_bound, i[d.property] AS recomputed,
       i.research_projects_supported AS as_written, i[d.property] = c.value AS agree,
       count(p) AS projects_in_graph
ORDER BY claim;

// Check C16 (the dementia memory-prompt system is piloted in 20 UK care homes) against
// the application's property and relationship R054.
MATCH (c:Claim {key: 'C16'})-[d:DERIVED_FROM {role: 'subject'}]->(app:Application),
      (app)-[r:PILOTED_IN]->(site:Country)
RETURN c.key AS claim, c.value AS stated, app[d.property] AS recomputed, r.sites AS rel_value, site.name AS piloted_in,
       app[d.property] = c.value AND r.sites = c.value AS agree
ORDER BY claim;

// Check C17 (Canada's medical assistant has served 50,000 Indigenous people) against
// the application, the population it serves and relationship R099.
MATCH (c:Claim {key: 'C17'})-[d:DERIVED_FROM {role: 'subject'}]->(app:Application),
      (c)-[e:DERIVED_FROM {role: 'served'}]->(pop:Population),
      (app)-[r:SERVES]->(pop)
RETURN c.key AS claim, c.value AS stated, app[d.property] AS recomputed, pop[e.property] AS population_value,
       r.people AS rel_value,
       app[d.property] = c.value AND pop[e.property] = c.value AND r.people = c.value AS agree
ORDER BY claim;

// Recompute C20 (£225m over an 11-month build): cost and duration from the machine and
// from relationship R035, and the sheet's derived cost per build month (20.45).
MATCH (c:Claim {key: 'C20'})-[cost:DERIVED_FROM {role: 'cost'}]->(i:Supercomputer),
      (c)-[dur:DERIVED_FROM {role: 'duration'}]->(i),
      (:Country)-[b:BUILT]->(i)
WITH c, i[cost.property] AS gbp_m, i[dur.property] AS months, b
RETURN c.key AS claim, c.value AS stated, gbp_m AS recomputed, c.duration_months AS stated_months, months,
       gbp_m = c.value AND months = c.duration_months
         AND b.cost_gbp_m = gbp_m AND b.build_time_months = months AS agree,
       round(gbp_m / months * 100) / 100 AS gbp_m_per_month,
       round(gbp_m / months * 100) / 100 = c.recomputed_value AS sheet_agrees
ORDER BY claim;

// Check C21 (the EU's 27 members): the bloc's member count, and a count of the member
// states listed by outside fact X09. (The graph links only the four members it needs,
// so counting MEMBER_OF relationships would give 4, not 27.)
MATCH (c:Claim {key: 'C21'})-[d:DERIVED_FROM {role: 'subject'}]->(eu:Bloc),
      (x:Source:OutsideFact {key: 'src_x09'})
OPTIONAL MATCH (m:Country)-[:MEMBER_OF]->(eu)
WITH c, eu, d, x, count(m) AS linked
WITH c, eu, d, linked, split(split(split(x.statement, ': ')[1], '. ')[0], ', ') AS listed
RETURN c.key AS claim, c.value AS stated, eu[d.property] AS recomputed, size(listed) AS listed_by_x09,
       eu[d.property] = c.value AND size(listed) = c.value AS agree, linked AS member_of_rels
ORDER BY claim;

// Does the article's count of US notable models agree with the AI Index? (README
// example 13; A1: it does not, 7 vs 40)
MATCH (c:Claim {key: 'C18'}), (us:Country {key: 'united_states'})
RETURN c.value AS article, us.notable_ai_models_2024 AS ai_index, c.conflicts_with AS fact
ORDER BY article;

// Check C18 against its inputs: the article's figure on the US node and the outside
// figure the claim is checked against. (not recomputable; expected: disagree)
MATCH (c:Claim {key: 'C18'})-[s:DERIVED_FROM {role: 'stated'}]->(us:Country {key: 'united_states'}),
      (c)-[o:DERIVED_FROM {role: 'outside_check'}]->(us)
RETURN c.key AS claim, c.value AS stated, us[s.property] AS article_value, us[o.property] AS outside_value,
       o.source AS outside_source, us[s.property] = c.value AS article_agrees,
       us[o.property] = c.value AS outside_agrees
ORDER BY claim;

// For the claims that cannot be recomputed, does the stated figure at least match the
// property of the entity it is about? (C08 and C19 have no figure)
MATCH (c:Claim)
WHERE c.recomputable = false
OPTIONAL MATCH (c)-[d:DERIVED_FROM {role: 'subject'}]->(x)
RETURN c.key AS claim, c.value AS stated, x.key AS subject, d.property AS property, x[d.property] AS value,
       c.value = x[d.property] AS agree
ORDER BY claim;

// Which recomputable claims store the sheet's recomputed value or verdict, and what is
// it? (the recomputations above check each against the entities)
MATCH (c:Claim)
WHERE c.recomputable = true
RETURN c.key AS claim, c.value AS stated, c.recomputed_value AS value, c.recomputed_holds AS holds,
       c.recomputed_remainder AS remainder, c.recompute AS how
ORDER BY claim;
