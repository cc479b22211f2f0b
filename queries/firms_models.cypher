// Analyst questions about firms, models and applications: where firms are based (and
// whether the article or an outside source says so), who builds which model, and the
// applications behind the middle powers' niche strategies (FACTS.md A.4, B.3, B.7,
// B.8, E.4).

// Where is each firm headquartered, and on whose word? (the city on an outside
// relationship, and the hq_city property, come from outside sources)
MATCH (f:Firm)-[h:HEADQUARTERED_IN]->(c:Country)
RETURN f.name AS firm, c.name AS country, h.id AS id, h.provenance AS provenance, h.source AS source,
       h.city AS rel_city, f.hq_city AS hq_city, coalesce(f.outside_source, f.sources[0]) AS hq_city_source
ORDER BY firm, id;

// For which firms does the article itself never say where they are based? (their
// country rests on outside facts only: Huawei, OpenAI, DeepSeek the company)
MATCH (f:Firm)-[h:HEADQUARTERED_IN]->(:Country)
WITH f, collect(h.provenance) AS provenances
WHERE NOT 'article' IN provenances
RETURN f.key AS firm, provenances, f.provenance AS node_provenance
ORDER BY firm;

// Which headquarters cities are outside facts added to article firms, and from which
// source? (X03-X06)
MATCH (f:Firm)
WHERE 'hq_city' IN f.outside_properties
RETURN f.key AS firm, f.hq_city AS hq_city, f.outside_source AS source
ORDER BY firm;

// Which general-purpose models does the article give as examples, who develops them,
// and is that an article or an outside fact?
MATCH (m:Model)-[e:EXAMPLE_OF]->(:Domain {key: 'dom_general_llm'})
OPTIONAL MATCH (m)-[d:DEVELOPED_BY]->(f:Firm)
RETURN m.name AS model, e.id AS example_id, f.name AS developer, d.id AS developed_id, d.provenance AS provenance
ORDER BY model;

// Conversion intermediaries: which middle power turned which US or Chinese technology
// into a local application, and where is the technology's maker based? (D.4 role 2;
// the makers' countries are outside facts XR16, XR17)
MATCH (c:Country)-[:DEVELOPED]->(app:Application)-[ad:ADAPTED_FROM]->(base),
      (base)-[mk:DEVELOPED_BY|PRODUCED_BY]->(maker:Firm)-[h:HEADQUARTERED_IN]->(home:Country)
RETURN c.name AS adapter, app.key AS application, base.name AS base_technology, maker.name AS maker,
       home.name AS maker_country, [ad.id, mk.id, h.id] AS ids, h.provenance AS maker_country_provenance
ORDER BY adapter;

// Which applications does the graph hold, who develops or supports them, and which
// domain do they serve?
MATCH (app:Application)
OPTIONAL MATCH (who)-[d:DEVELOPED|SUPPORTS_APPLICATION]->(app)
OPTIONAL MATCH (app)-[:FOCUSES_ON]->(dom:Domain)
RETURN app.key AS application, who.key AS backer, type(d) AS rel, dom.key AS domain
ORDER BY application;

// What are the applications' headline figures? (92% vs doctors' 85%; 20 care homes;
// 3 languages, 50,000 people served)
MATCH (app:Application)
WHERE app.accuracy IS NOT NULL OR app.pilot_sites IS NOT NULL OR app.people_served IS NOT NULL
RETURN app.key AS application, app.accuracy AS accuracy,
       app.baseline_human_doctor_avg_accuracy AS doctor_baseline,
       app.pilot_sites AS pilot_sites, app.language_count AS languages, app.people_served AS people_served
ORDER BY application;

// Whom does the Canadian assistant serve, in which languages, and is its language
// count consistent with its language list?
MATCH (app:Application {key: 'ca_multilingual_med_assistant'})-[s:SERVES]->(p:Population)
RETURN p.name AS serves, s.people AS people, app.languages AS languages,
       size(app.languages) = app.language_count AS count_agrees, s.id AS id, s.para AS para
ORDER BY serves;

// Which firms does France back or attract, and where do those firms have offices?
MATCH (:Country {key: 'france'})-[r:BACKS|ATTRACTS]->(f:Firm)
OPTIONAL MATCH (f)-[o:HAS_OFFICE_IN]->(c:Country)
RETURN r.id AS id, type(r) AS rel, f.name AS firm, coalesce(r.aim, r.what) AS detail,
       o.city AS office_city, c.name AS office_country
ORDER BY id;

// Who leads which organisation or government, according to the article?
MATCH (p:Person)-[r:CEO_OF|LEADS_GOVERNMENT_OF]->(x)
RETURN p.name AS person, type(r) AS rel, x.name AS leads, r.id AS id, r.para AS para
ORDER BY person;

// Which firms specialise in which domain, and is the firm's country a middle power?
MATCH (f:Firm)-[r:FOCUSES_ON]->(d:Domain)
OPTIONAL MATCH (f)-[:HEADQUARTERED_IN {provenance: 'article'}]->(c:Country)
OPTIONAL MATCH (c)-[m:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
RETURN f.name AS firm, d.name AS domain, r.method AS method, c.name AS country,
       m IS NOT NULL AS middle_power, r.id AS id
ORDER BY firm;

// Where do middle powers' models get their training data? (R068: Canada from US
// platforms)
MATCH (c:Country)-[r:SOURCES_TRAINING_DATA_FROM]->(s:Country)
RETURN c.name AS country, s.name AS from_country, r.via AS via, r.extent AS extent, r.id AS id, r.para AS para
ORDER BY country;
