// Analyst questions about laws, standards and policies: the EU AI Act, the UK's
// medical-AI privacy standard, US export controls, the "timid and useless" jibe and
// the author's recommendation to China (FACTS.md A.5, B.7, B.9, B.11, X09, X10).

// Which laws, standards and policies does the graph hold, and on whose word?
MATCH (p)
WHERE p:Law OR p:Standard OR p:Policy
RETURN p.key AS instrument, labels(p) AS labels, p.provenance AS provenance, p.para AS para,
       p.outside_properties AS outside_properties
ORDER BY instrument;

// What does the article say the AI Act regulates, and how? (the rules are the
// article's description, not verified against the regulation: A12)
MATCH (a:Law {key: 'eu_ai_act'})-[r:REGULATES]->(d:Domain)
RETURN r.id AS id, d.name AS domain, coalesce(r.rule, r.mechanism) AS rule, r.basis AS basis, r.para AS para
ORDER BY id;

// Where does the AI Act apply according to the article, who enacted it according to
// outside sources, and since when? (R129 vs XR31/X10: "Europe's" act is an EU
// regulation)
MATCH (a:Law {key: 'eu_ai_act'})-[r:APPLIES_IN|ENACTED_BY]->(x)
RETURN r.id AS id, type(r) AS rel, x.name AS where_or_by, r.provenance AS provenance, r.source AS source,
       r.instrument AS instrument, r.in_force AS in_force
ORDER BY id;

// Which domains are regulated, and by which instruments?
MATCH (x)-[r:REGULATES]->(d:Domain)
WITH d, x.key AS instrument, r.id AS id
ORDER BY id
RETURN d.name AS domain, collect(instrument) AS instruments, collect(id) AS ids
ORDER BY size(instruments) DESC, domain;

// Who promotes the medical-AI privacy standard, who has adopted it, and what does it
// require? (¶33; the adopting EU states are unnamed, A13)
MATCH (c:Country)-[p:PROMOTES]->(s:Standard {key: 'med_ai_privacy_standard'})-[a:ADOPTED_BY]->(b:Bloc)
RETURN c.name AS promoted_by, b.name AS adopted_by, a.scope AS scope, s.requirements AS requirements,
       s.prospect AS prospect, [p.id, a.id] AS ids
ORDER BY promoted_by;

// Which middle powers are EU members, and on whose word? (the UK is European but not
// in the EU: X09, A18; no membership fact is recorded for the others)
MATCH (c:Country)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
OPTIONAL MATCH (c)-[m:MEMBER_OF]->(:Bloc {key: 'european_union'})
RETURN c.name AS country,
       CASE WHEN m IS NOT NULL THEN true ELSE c.eu_member END AS eu_member,
       coalesce(m.source, CASE WHEN c.eu_member IS NOT NULL THEN c.outside_source END) AS source,
       c.eu_exit_date AS left_eu
ORDER BY country;

// Which countries does the graph record as EU members, and which of them has a machine
// in the June 2025 TOP500 top 11?
MATCH (c:Country)-[m:MEMBER_OF]->(:Bloc {key: 'european_union'})
OPTIONAL MATCH (s:Supercomputer)-[:LOCATED_IN]->(c)
WITH c, m, s
ORDER BY s.top500_2025_06_rank
RETURN c.name AS country, m.id AS id, collect(s.name) AS top11_systems
ORDER BY country;

// Who plays the "ethics balancer" role, through which instrument, and which domain
// does the role focus on?
MATCH (x)-[p:PLAYS_ROLE]->(r:Role {key: 'role_ethics_balancer'})-[f:FOCUSES_ON]->(d:Domain)
RETURN x.name AS player, p.example AS instrument, d.name AS domain, [p.id, f.id] AS ids
ORDER BY player;

// What does the "timid and useless" jibe target, and which example does it cite?
MATCH (j:Concept {key: 'timid_and_wasteful'})-[r:CRITIQUES|CITES_EXAMPLE]->(x)
RETURN r.id AS id, type(r) AS rel, x.name AS target, r.evidence_en AS evidence, r.para AS para
ORDER BY id;

// How does the author say China should treat middle powers, and what does the
// recommended "unilateral opening" cover? (¶37)
MATCH (china:Country {key: 'china'})-[v:VIEWS_AS_PARTNER]->(:Concept {key: 'middle_power'}),
      (rec:Policy)-[f:RECOMMENDED_FOR]->(china),
      (rec)-[c:COVERS]->(d:Domain)
WITH v, rec, f, d
ORDER BY d.key
RETURN v.rival AS sees_them_as_rival, rec.name AS recommendation, f.by AS recommended_by,
       collect(d.name) AS covers, rec.measures AS measures
ORDER BY recommendation;

// Which domains that China is advised to share are also focus domains of middle powers?
// (medical AI: Canada and the UK)
MATCH (:Policy {key: 'china_unilateral_opening'})-[:COVERS]->(d:Domain)<-[:FOCUSES_ON]-(c:Country),
      (c)-[:CLASSIFIED_AS]->(:Concept {key: 'middle_power'})
WITH d, c
ORDER BY c.name
RETURN d.name AS domain, collect(c.name) AS middle_powers
ORDER BY domain;

// Who imposes export controls, and on whom do they weigh? (¶21)
MATCH (who:Country)-[i:IMPOSES]->(p:Policy)-[t:THREATENS]->(target)
RETURN who.name AS imposed_by, p.name AS policy, target.key AS threatens, t.effect AS effect, [i.id, t.id] AS ids
ORDER BY policy;
