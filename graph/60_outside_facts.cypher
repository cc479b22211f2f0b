// Meridian shipped knowledge graph, file 60: outside facts.
// Holds the outside-only nodes of FACTS.md E.2 (two countries, seven TOP500
// systems, the DeepSeek company), with the rank and HPL Rmax of each system from
// the June 2025 list (E.3), and the outside relationships XR01-XR32 (E.4).
// Everything here has provenance 'outside' and cites an outside Source record
// (src_x01 ... src_x16, file 00), never src_article and never a paragraph.
// The figures of the outside facts X01-X03, X08, X09 and X14 also become
// relationships XF01-XF16 (end of file), beside the article's own figures.
// Outside properties of article nodes (hq_city, eu_member, celex, ...) sit on those
// nodes in files 00-50, listed in their `outside_properties`.

// ---- Countries (E.2) ----------------------------------------------------------------

CREATE (:Country {key: 'japan', name: 'Japan',
  region: 'East Asia',
  provenance: 'outside', sources: ['src_x11']});
CREATE (:Country {key: 'switzerland', name: 'Switzerland',
  region: 'Europe',
  eu_member: false,
  provenance: 'outside', sources: ['src_x09', 'src_x11']});

// ---- TOP500 June 2025 systems not named in the article (E.2, E.3) -------------------

CREATE (:Supercomputer {key: 'jupiter_booster', name: 'JUPITER Booster',
  site: 'Forschungszentrum Jülich (EuroHPC), Germany',
  top500_2025_06_rank: 4, rmax_pflops: 793.4,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'eagle', name: 'Eagle',
  operator: 'Microsoft Azure, US',
  top500_2025_06_rank: 5, rmax_pflops: 561.2,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'hpc6', name: 'HPC6',
  operator: 'Eni, Italy',
  top500_2025_06_rank: 6, rmax_pflops: 477.9,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'fugaku', name: 'Supercomputer Fugaku',
  site: 'RIKEN, Japan',
  top500_2025_06_rank: 7, rmax_pflops: 442.0,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'alps', name: 'Alps',
  site: 'CSCS, Switzerland',
  top500_2025_06_rank: 8, rmax_pflops: 434.9,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'lumi', name: 'LUMI',
  site: 'CSC (EuroHPC), Kajaani, Finland',
  top500_2025_06_rank: 9, rmax_pflops: 379.7, rmax_recalled: true,
  provenance: 'outside', sources: ['src_x01']});
CREATE (:Supercomputer {key: 'leonardo', name: 'Leonardo',
  site: 'CINECA (EuroHPC), Bologna, Italy',
  top500_2025_06_rank: 10, rmax_pflops: 241.2, rmax_recalled: true,
  provenance: 'outside', sources: ['src_x01']});

// ---- Firm (E.2) --------------------------------------------------------------------

CREATE (:Firm {key: 'deepseek_co', name: 'DeepSeek (Hangzhou DeepSeek AI)',
  hq_city: 'Hangzhou',
  provenance: 'outside', sources: ['src_x07']});

// ==== TOP500 June 2025 ranks 4-10 (E.4, X01) ========================================

// XR01 X01
MATCH (a:Supercomputer {key: 'jupiter_booster'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR01', rank: 4, rmax_pflops: 793.4, source: 'src_x01', provenance: 'outside'}]->(b);

// XR02 X01
MATCH (a:Supercomputer {key: 'eagle'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR02', rank: 5, rmax_pflops: 561.2, source: 'src_x01', provenance: 'outside'}]->(b);

// XR03 X01
MATCH (a:Supercomputer {key: 'hpc6'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR03', rank: 6, rmax_pflops: 477.9, source: 'src_x01', provenance: 'outside'}]->(b);

// XR04 X01
MATCH (a:Supercomputer {key: 'fugaku'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR04', rank: 7, rmax_pflops: 442.0, source: 'src_x01', provenance: 'outside'}]->(b);

// XR05 X01
MATCH (a:Supercomputer {key: 'alps'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR05', rank: 8, rmax_pflops: 434.9, source: 'src_x01', provenance: 'outside'}]->(b);

// XR06 X01
MATCH (a:Supercomputer {key: 'lumi'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR06', rank: 9, rmax_pflops: 379.7, rmax_recalled: true, source: 'src_x01', provenance: 'outside'}]->(b);

// XR07 X01
MATCH (a:Supercomputer {key: 'leonardo'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XR07', rank: 10, rmax_pflops: 241.2, rmax_recalled: true, source: 'src_x01', provenance: 'outside'}]->(b);

// ==== Locations of those systems (E.4, X01) =========================================

// XR08 X01
MATCH (a:Supercomputer {key: 'jupiter_booster'}), (b:Country {key: 'germany'})
CREATE (a)-[:LOCATED_IN {id: 'XR08', source: 'src_x01', provenance: 'outside'}]->(b);

// XR09 X01
MATCH (a:Supercomputer {key: 'eagle'}), (b:Country {key: 'united_states'})
CREATE (a)-[:LOCATED_IN {id: 'XR09', source: 'src_x01', provenance: 'outside'}]->(b);

// XR10 X01
MATCH (a:Supercomputer {key: 'hpc6'}), (b:Country {key: 'italy'})
CREATE (a)-[:LOCATED_IN {id: 'XR10', source: 'src_x01', provenance: 'outside'}]->(b);

// XR11 X01
MATCH (a:Supercomputer {key: 'fugaku'}), (b:Country {key: 'japan'})
CREATE (a)-[:LOCATED_IN {id: 'XR11', source: 'src_x01', provenance: 'outside'}]->(b);

// XR12 X01
MATCH (a:Supercomputer {key: 'alps'}), (b:Country {key: 'switzerland'})
CREATE (a)-[:LOCATED_IN {id: 'XR12', source: 'src_x01', provenance: 'outside'}]->(b);

// XR13 X01
MATCH (a:Supercomputer {key: 'lumi'}), (b:Country {key: 'finland'})
CREATE (a)-[:LOCATED_IN {id: 'XR13', source: 'src_x01', provenance: 'outside'}]->(b);

// XR14 X01
MATCH (a:Supercomputer {key: 'leonardo'}), (b:Country {key: 'italy'})
CREATE (a)-[:LOCATED_IN {id: 'XR14', source: 'src_x01', provenance: 'outside'}]->(b);

// ==== Isambard-AI chips, firm headquarters, DeepSeek (E.4, X04-X08) =================

// XR15 X08
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Firm {key: 'nvidia'})
CREATE (a)-[:USES_CHIPS_FROM {id: 'XR15', chip: 'GH200 Grace Hopper', count: 5448, source: 'src_x08', provenance: 'outside'}]->(b);

// XR16 X05
MATCH (a:Firm {key: 'openai'}), (b:Country {key: 'united_states'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'XR16', city: 'San Francisco', source: 'src_x05', provenance: 'outside'}]->(b);

// XR17 X06
MATCH (a:Firm {key: 'huawei'}), (b:Country {key: 'china'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'XR17', city: 'Shenzhen', source: 'src_x06', provenance: 'outside'}]->(b);

// XR18 X07
MATCH (a:Model {key: 'deepseek'}), (b:Firm {key: 'deepseek_co'})
CREATE (a)-[:DEVELOPED_BY {id: 'XR18', source: 'src_x07', provenance: 'outside'}]->(b);

// XR19 X07
MATCH (a:Firm {key: 'deepseek_co'}), (b:Country {key: 'china'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'XR19', city: 'Hangzhou', source: 'src_x07', provenance: 'outside'}]->(b);

// XR32 X04
MATCH (a:Firm {key: 'nvidia'}), (b:Country {key: 'united_states'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'XR32', city: 'Santa Clara', note: 'corroborates R031', source: 'src_x04', provenance: 'outside'}]->(b);

// ==== EU membership (E.4, X09) ======================================================

// XR20 X09
MATCH (a:Country {key: 'germany'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:MEMBER_OF {id: 'XR20', source: 'src_x09', provenance: 'outside'}]->(b);

// XR21 X09
MATCH (a:Country {key: 'france'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:MEMBER_OF {id: 'XR21', source: 'src_x09', provenance: 'outside'}]->(b);

// XR22 X09
MATCH (a:Country {key: 'finland'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:MEMBER_OF {id: 'XR22', source: 'src_x09', provenance: 'outside'}]->(b);

// XR23 X09
MATCH (a:Country {key: 'italy'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:MEMBER_OF {id: 'XR23', source: 'src_x09', provenance: 'outside'}]->(b);

// ==== Geography (E.4, X11) ==========================================================

// XR24 X11
MATCH (a:Country {key: 'finland'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'XR24', source: 'src_x11', provenance: 'outside'}]->(b);

// XR25 X11
MATCH (a:Country {key: 'italy'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'XR25', source: 'src_x11', provenance: 'outside'}]->(b);

// XR26 X11
MATCH (a:Country {key: 'switzerland'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'XR26', source: 'src_x11', provenance: 'outside'}]->(b);

// XR27 X11
MATCH (a:Country {key: 'saudi_arabia'}), (b:Region {key: 'middle_east'})
CREATE (a)-[:LOCATED_IN {id: 'XR27', source: 'src_x11', provenance: 'outside'}]->(b);

// XR28 X11
MATCH (a:Region {key: 'silicon_valley'}), (b:Country {key: 'united_states'})
CREATE (a)-[:LOCATED_IN {id: 'XR28', state: 'California', source: 'src_x11', provenance: 'outside'}]->(b);

// XR29 X11
MATCH (a:Organisation {key: 'univ_cambridge'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:LOCATED_IN {id: 'XR29', source: 'src_x11', provenance: 'outside'}]->(b);

// XR30 X11
MATCH (a:Organisation {key: 'univ_oxford'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:LOCATED_IN {id: 'XR30', source: 'src_x11', provenance: 'outside'}]->(b);

// ==== The AI Act (E.4, X10) =========================================================

// XR31 X10
MATCH (a:Law {key: 'eu_ai_act'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:ENACTED_BY {id: 'XR31', instrument: 'Regulation (EU) 2024/1689', in_force: date('2024-08-01'), source: 'src_x10', provenance: 'outside'}]->(b);

// ==== Figures of the outside facts as relationships (E.1) ===========================
// The sheet's outside facts X01-X16 that carry a number also become relationships,
// XF01-XF16 (ids of this graph, not of the sheet, which stops at XR32), so that a
// query can put an outside figure beside the article's figure for the same thing
// without merging them. Each one has `provenance: 'outside'` and the `source` of the
// fact that gives the number, never src_article and never `para`.
// * REPORTS_ON figures have `metric`, `year` where the fact gives one, `value` (the
//   number) and `unit`; where the article states the same figure on a relationship
//   with a unit-carrying name (R057-R059 `value_usd_bn`), that name is set too, with
//   the same number. The reporter is the report the fact quotes (the AI Index) or,
//   when the fact names no report node, the outside Source record itself.
// * RANKED_IN figures keep the sheet's edge property names (`rank`, `rmax_pflops`)
//   like XR01-XR07: the outside list's ranks 1-3 and 11, which the article also
//   states (R037-R040), with their HPL Rmax (E.3).
// * `property` names the property of the target node that holds the same number
//   (the sheet's outside properties, or the article's figure where they agree);
//   tests/graph_facts.rs checks that both hold the same value.
// * `article_counterpart` names the article relationship id or claim key the
//   figure stands beside (R057, C18, ...), where there is one.
// Facts whose figures are only dates (X09's exit date, X10's entry into force, X13)
// stay properties (united_kingdom.eu_exit_date, XR31.in_force) and are not repeated.

// ---- X02: AI Index 2025, 2024 private AI investment (matches the article) -----------

// XF01 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'united_states'})
CREATE (a)-[:REPORTS_ON {id: 'XF01', metric: 'private AI investment', year: 2024, value: 109.1, unit: 'USD bn', value_usd_bn: 109.1, property: 'private_ai_investment_2024_usd_bn', article_counterpart: 'R057', source: 'src_x02', provenance: 'outside'}]->(b);

// XF02 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'china'})
CREATE (a)-[:REPORTS_ON {id: 'XF02', metric: 'private AI investment', year: 2024, value: 9.3, unit: 'USD bn', value_usd_bn: 9.3, property: 'private_ai_investment_2024_usd_bn', article_counterpart: 'R058', source: 'src_x02', provenance: 'outside'}]->(b);

// XF03 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:REPORTS_ON {id: 'XF03', metric: 'private AI investment', year: 2024, value: 4.5, unit: 'USD bn', value_usd_bn: 4.5, property: 'private_ai_investment_2024_usd_bn', article_counterpart: 'R059', source: 'src_x02', provenance: 'outside'}]->(b);

// ---- X02: AI Index 2025, notable AI models in 2024 (the article says 7, A1) ---------

// XF04 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'united_states'})
CREATE (a)-[:REPORTS_ON {id: 'XF04', metric: 'notable AI models', year: 2024, value: 40, unit: 'models', property: 'notable_ai_models_2024', article_counterpart: 'C18', source: 'src_x02', provenance: 'outside'}]->(b);

// XF05 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'china'})
CREATE (a)-[:REPORTS_ON {id: 'XF05', metric: 'notable AI models', year: 2024, value: 15, unit: 'models', property: 'notable_ai_models_2024', source: 'src_x02', provenance: 'outside'}]->(b);

// XF06 X02
MATCH (a:Report {key: 'ai_index_2025'}), (b:Region {key: 'europe'})
CREATE (a)-[:REPORTS_ON {id: 'XF06', metric: 'notable AI models', year: 2024, value: 3, unit: 'models', property: 'notable_ai_models_2024', article_counterpart: 'C18', source: 'src_x02', provenance: 'outside'}]->(b);

// ---- X01: the outside list's ranks of the four systems the article ranks (E.3) -----

// XF07 X01
MATCH (a:Supercomputer {key: 'el_capitan'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XF07', rank: 1, rmax_pflops: 1742.0, article_counterpart: 'R038', source: 'src_x01', provenance: 'outside'}]->(b);

// XF08 X01
MATCH (a:Supercomputer {key: 'frontier'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XF08', rank: 2, rmax_pflops: 1353.0, article_counterpart: 'R039', source: 'src_x01', provenance: 'outside'}]->(b);

// XF09 X01
MATCH (a:Supercomputer {key: 'aurora'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XF09', rank: 3, rmax_pflops: 1012.0, article_counterpart: 'R040', source: 'src_x01', provenance: 'outside'}]->(b);

// XF10 X01 (the Rmax is also X08's)
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'XF10', rank: 11, rmax_pflops: 216.5, article_counterpart: 'R037', source: 'src_x01', provenance: 'outside'}]->(b);

// ---- X08: Isambard-AI's public funding (the article gives the cost, R035) ----------

// XF11 X08
MATCH (a:Country {key: 'united_kingdom'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:FUNDED {id: 'XF11', metric: 'public funding', value: 225.0, unit: 'GBP m', approximate: true, property: 'cost_gbp_m', article_counterpart: 'R035', source: 'src_x08', provenance: 'outside'}]->(b);

// ---- X09: the EU's member count (the article says 27 too, C21) ---------------------

// XF12 X09
MATCH (a:Source {key: 'src_x09'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:REPORTS_ON {id: 'XF12', metric: 'member states', value: 27, unit: 'countries', property: 'member_count', article_counterpart: 'C21', source: 'src_x09', provenance: 'outside'}]->(b);

// ---- X14: Lianghekou's installed capacity (medium confidence) ----------------------

// XF13 X14
MATCH (a:Source {key: 'src_x14'}), (b:Facility {key: 'lianghekou_hydro'})
CREATE (a)-[:REPORTS_ON {id: 'XF13', metric: 'installed capacity', value: 3000, unit: 'MW', confidence: 'medium', property: 'capacity_mw', source: 'src_x14', provenance: 'outside'}]->(b);

// ---- X03: founding years of the three middle-power firms ---------------------------

// XF14 X03
MATCH (a:Source {key: 'src_x03'}), (b:Firm {key: 'mistral_ai'})
CREATE (a)-[:REPORTS_ON {id: 'XF14', metric: 'founding year', value: 2023, unit: 'year', source: 'src_x03', provenance: 'outside'}]->(b);

// XF15 X03
MATCH (a:Source {key: 'src_x03'}), (b:Firm {key: 'helsing'})
CREATE (a)-[:REPORTS_ON {id: 'XF15', metric: 'founding year', value: 2021, unit: 'year', source: 'src_x03', provenance: 'outside'}]->(b);

// XF16 X03
MATCH (a:Source {key: 'src_x03'}), (b:Firm {key: 'cohere'})
CREATE (a)-[:REPORTS_ON {id: 'XF16', metric: 'founding year', value: 2019, unit: 'year', source: 'src_x03', provenance: 'outside'}]->(b);
