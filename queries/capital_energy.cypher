// Analyst questions about the capital and energy dimensions of the hard-power gap:
// 2024 private AI investment, the reports the figures are credited to, energy sources
// and costs (FACTS.md A.2, A.3, A.5, B.5, B.6, section C's derived aggregates).

// 2024 private AI investment by country, with the report each figure is attributed
// to, as the article gives them. (README example 7: Korea's figure comes from a
// different source, A5; the AI Index's own figures, X02, are outside facts: see
// outside_facts.cypher)
MATCH (rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
RETURN c.name AS country, r.value_usd_bn AS usd_bn, rep.key AS report
ORDER BY usd_bn DESC;

// How many times larger is the US figure than each other country's, and what
// fraction of it is each? (US/China 11.73, US/UK 24.24, US/Korea 82.03)
MATCH (:Report)-[u:REPORTS_ON {provenance: 'article'}]->(:Country {key: 'united_states'})
MATCH (rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
WHERE c.key <> 'united_states'
RETURN c.name AS country, r.value_usd_bn AS usd_bn,
       round(u.value_usd_bn / r.value_usd_bn * 100) / 100 AS us_multiple,
       round(r.value_usd_bn / u.value_usd_bn * 10000) / 10000 AS fraction_of_us,
       rep.key AS report
ORDER BY usd_bn DESC;

// What is the combined 2024 figure of China, the UK and South Korea, and what share
// of the US figure is it? (derived aggregate of section C: 15.13, 13.87 %; it mixes
// two sources, A5)
MATCH (:Report)-[u:REPORTS_ON {provenance: 'article'}]->(:Country {key: 'united_states'})
MATCH (rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
WHERE c.key IN ['china', 'united_kingdom', 'south_korea']
WITH u, sum(r.value_usd_bn) AS combined, collect(DISTINCT rep.key) AS reports
RETURN round(combined * 100) / 100 AS combined_usd_bn,
       round(combined / u.value_usd_bn * 10000) / 100 AS percent_of_us,
       size(reports) AS distinct_reports
ORDER BY combined_usd_bn;

// Which investment figures come from which report? (the AI Index for the US, China and
// the UK; Korea's ministry white paper for South Korea)
MATCH (pub:Organisation)-[p:PUBLISHED]->(rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
WITH rep, pub, p, c
ORDER BY c.key
RETURN rep.name AS report, pub.name AS publisher, p.date AS published, collect(c.key) AS countries
ORDER BY report;

// Does each country's investment property agree with the REPORTS_ON figure, and is
// it credited to the same report? (expected: agree everywhere)
MATCH (rep:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c:Country)
RETURN c.key AS country, c.private_ai_investment_2024_usd_bn AS node_value, r.value_usd_bn AS rel_value,
       c.private_ai_investment_2024_attributed_to AS node_report, rep.key AS rel_report,
       c.private_ai_investment_2024_usd_bn = r.value_usd_bn
         AND c.private_ai_investment_2024_attributed_to = rep.key
         AND r.attributed_to = rep.key AS agree
ORDER BY country;

// For which middle powers does the article give no investment figure at all?
// (Germany, France, Canada, the UAE)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
OPTIONAL MATCH (:Report)-[r:REPORTS_ON {provenance: 'article'}]->(c)
WITH c, r
WHERE r IS NULL
RETURN c.name AS country
ORDER BY country;

// Which reports and rankings does the article cite, and on which paragraphs?
MATCH (a:Source {key: 'src_article'})-[r:CITES]->(x)
RETURN r.id AS id, x.key AS cited, head(labels(x)) AS kind, x.published AS published, r.para AS para
ORDER BY id;

// Which countries power compute with which energy source, and at what cost?
MATCH (c:Country)-[r:POWERS_COMPUTE_WITH]->(e:EnergySource)
RETURN c.name AS country, e.name AS energy_source, r.cost AS cost, r.id AS id, r.para AS para
ORDER BY id;

// What does the article say about the UK's energy costs? (¶17: electricity about
// 2.48 CNY/kWh, data-centre costs 3× China's)
MATCH (uk:Country {key: 'united_kingdom'})-[r:HIGHER_DC_COST_THAN]->(other:Country)
RETURN uk.electricity_price_cny_per_kwh AS electricity_cny_per_kwh,
       uk.electricity_price_approximate AS approximate,
       r.metric AS metric, r.ratio AS ratio, other.name AS versus,
       uk.data_centre_opex_multiple_of_china = r.ratio AS node_agrees_with_rel, r.para AS para
ORDER BY versus;

// What is the Lianghekou power station, where is it, what does it illustrate, and
// which of its facts come from outside the article?
MATCH (h:Facility {key: 'lianghekou_hydro'})-[l:LOCATED_IN]->(c:Country),
      (h)-[i:ILLUSTRATES]->(e:EnergySource),
      (credit)-[p:PHOTO_CREDIT_FOR]->(h)
RETURN h.name AS station, c.name AS country, l.river AS river, e.key AS illustrates, i.basis AS basis,
       credit.name AS photo_credit, h.capacity_mw AS capacity_mw, h.capacity_mw_confidence AS capacity_confidence,
       h.outside_properties AS outside_properties, h.outside_source AS outside_source
ORDER BY station;
