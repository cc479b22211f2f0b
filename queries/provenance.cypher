// Analyst questions about where each fact comes from: the article and its paragraphs
// (`source`, `para`), outside sources (`provenance`), the reports the article credits
// (`attributed_to`), and checks that every fact carries its provenance (graph/README.md
// "Provenance on relationships" and "Provenance on nodes").

// Who wrote the article, who published it, and when?
MATCH (p:Person)<-[a:AUTHORED_BY]-(s:Source:Article)-[b:PUBLISHED_BY]->(o:Organisation)
RETURN s.title_zh AS title, p.name AS author, o.name AS outlet, b.date AS date, s.language AS language,
       [a.id, b.id] AS ids, [a.para, b.para] AS para
ORDER BY title;

// Where does the claim C05 come from? (README example 2)
MATCH (c:Claim {key: 'C05'})-[r]->(x)
RETURN r.id AS id, type(r) AS rel, x.key AS target, r.role AS role,
       r.source AS source, r.para AS para
ORDER BY id;

// Which figures does the article credit to the AI Index? (README example 9)
MATCH ()-[r]->()
WHERE r.attributed_to = 'ai_index_2025'
RETURN r.id AS id
ORDER BY id;

// Which facts does the article credit to each report or ranking? (attribution is not
// provenance: all of them still cite src_article)
MATCH ()-[r]->()
WHERE r.attributed_to IS NOT NULL
WITH r.attributed_to AS report, r.id AS id, r.source AS source
ORDER BY id
RETURN report, count(*) AS facts, collect(id) AS ids, collect(DISTINCT source) AS sources
ORDER BY report;

// What rests on paragraph 26? (README example 11)
MATCH ()-[r]->()
WHERE 26 IN r.para
RETURN r.id AS id
ORDER BY id;

// How many relationships rest on each paragraph of the article?
MATCH ()-[r]->()
WHERE r.para IS NOT NULL
UNWIND r.para AS paragraph
RETURN paragraph, count(*) AS relationships
ORDER BY paragraph;

// Which paragraphs of the article (¶1-¶40) support no node and no relationship?
// (the headings ¶7-8, ¶11, ¶23, ¶31 and the "related articles" boilerplate ¶40)
MATCH (n)
WHERE n.para IS NOT NULL
UNWIND n.para AS p
WITH collect(DISTINCT p) AS node_paras
MATCH ()-[r]->()
WHERE r.para IS NOT NULL
UNWIND r.para AS p
WITH node_paras, collect(DISTINCT p) AS rel_paras
UNWIND range(1, 40) AS paragraph
WITH paragraph, paragraph IN node_paras AS in_nodes, paragraph IN rel_paras AS in_rels
WHERE NOT in_nodes AND NOT in_rels
RETURN collect(paragraph) AS unsupported_paragraphs
ORDER BY unsupported_paragraphs;

// Does every relationship carry a source and a provenance? (expected: 253, 0, 0)
MATCH ()-[r]->()
RETURN count(*) AS relationships,
       count(CASE WHEN r.source IS NULL THEN 1 END) AS without_source,
       count(CASE WHEN r.provenance IS NULL THEN 1 END) AS without_provenance
ORDER BY relationships;

// Do article facts carry paragraphs, and do outside facts stay clear of the article?
// (expected: every count after the totals is 0)
MATCH ()-[r]->()
RETURN count(CASE WHEN r.provenance = 'article' THEN 1 END) AS article_rels,
       count(CASE WHEN r.provenance = 'outside' THEN 1 END) AS outside_rels,
       count(CASE WHEN r.provenance = 'article' AND r.para IS NULL THEN 1 END) AS article_without_para,
       count(CASE WHEN r.provenance = 'article' AND r.source <> 'src_article' THEN 1 END) AS article_citing_other,
       count(CASE WHEN r.provenance = 'outside' AND r.source = 'src_article' THEN 1 END) AS outside_citing_article,
       count(CASE WHEN r.provenance = 'outside' AND r.para IS NOT NULL THEN 1 END) AS outside_with_para
ORDER BY article_rels;

// Does every relationship's source name a Source node whose provenance matches the
// relationship's? (expected: one row per provenance, no dangling or mismatched source)
MATCH ()-[r]->()
OPTIONAL MATCH (s:Source {key: r.source})
RETURN r.provenance AS provenance, count(*) AS relationships,
       count(CASE WHEN s IS NULL THEN 1 END) AS dangling_source,
       count(CASE WHEN s.provenance <> r.provenance THEN 1 END) AS mismatched
ORDER BY provenance;

// Do nodes carry their provenance, and article entities their paragraphs? (Sources
// other than the article carry only `provenance`)
MATCH (n)
WHERE NOT n:Source
RETURN n.provenance AS provenance, count(*) AS nodes,
       count(CASE WHEN n.sources IS NULL THEN 1 END) AS without_sources,
       count(CASE WHEN n.para IS NULL THEN 1 END) AS without_para
ORDER BY provenance;

// Does every Source a node lists exist? (expected: no rows)
MATCH (n)
WHERE n.sources IS NOT NULL
UNWIND n.sources AS src
OPTIONAL MATCH (s:Source {key: src})
WITH n, src, s
WHERE s IS NULL
RETURN n.key AS node, src AS missing_source
ORDER BY node, missing_source;

// Which article entities carry properties added from outside sources, and which?
MATCH (n)
WHERE n.outside_properties IS NOT NULL
RETURN n.key AS node, n.outside_properties AS outside_properties, n.outside_source AS source
ORDER BY node;

// Is the outside source of every node with outside properties also listed in its
// `sources`? (expected: no rows)
MATCH (n)
WHERE n.outside_properties IS NOT NULL AND NOT n.outside_source IN n.sources
RETURN n.key AS node, n.outside_source AS outside_source, n.sources AS sources
ORDER BY node;

// Which nodes name an outside source without listing outside properties? (expected:
// no rows; C18 lists the AI Index's conflicting count, `outside_value`, as its
// outside property, from src_x02)
MATCH (n)
WHERE n.outside_source IS NOT NULL AND n.outside_properties IS NULL
RETURN n.key AS node, n.outside_source AS outside_source, n.sources AS sources
ORDER BY node;

// Which facts are inferred or implied rather than stated outright (relationships with a
// `basis` note)?
MATCH ()-[r]->()
WHERE r.basis IS NOT NULL
RETURN r.id AS id, type(r) AS rel, r.basis AS basis, r.provenance AS provenance
ORDER BY id;

// What evidence from the article supports the Isambard-AI facts of ¶5?
MATCH (i:Supercomputer {key: 'isambard_ai'})-[r]-(x)
WHERE 5 IN r.para AND r.id STARTS WITH 'R'
RETURN r.id AS id, startNode(r).key AS from, type(r) AS rel, endNode(r).key AS to,
       r.evidence_zh AS evidence_zh, r.evidence_en AS evidence_en
ORDER BY id;

// Which article relationships lack an English gloss of their evidence? (the README
// says "usually" present; every article relationship has evidence_zh)
MATCH ()-[r]->()
WHERE r.id STARTS WITH 'R'
RETURN count(*) AS article_rels,
       count(CASE WHEN r.evidence_zh IS NULL THEN 1 END) AS without_evidence_zh,
       count(CASE WHEN r.evidence_en IS NULL THEN 1 END) AS without_evidence_en
ORDER BY article_rels;
