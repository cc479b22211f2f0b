// Meridian shipped knowledge graph, file 30: capital and energy.
// Holds the energy nodes of FACTS.md A.3 (lianghekou_hydro and the three energy
// sources), plus R009 (B.1), R023 (B.2), the capital relationships R057-R062
// (B.5: the reported 2024 investment figures, each with the report it is
// attributed to) and the energy relationships R063-R067 (B.6).

// ---- Power station and energy sources (A.3) ----------------------------------------

CREATE (:Facility:PowerStation {key: 'lianghekou_hydro', name: 'Lianghekou Hydropower Station on the Yalong River', name_zh: '雅砻江两河口水电站',
  class: 'million-kilowatt class (百万千瓦级, i.e. GW-scale)',
  distinction: 'highest-altitude station of that class in China',
  photo_credit: 'Xinhua',
  capacity_mw: 3000,
  capacity_mw_confidence: 'medium',
  provenance: 'article', sources: ['src_article', 'src_x14'], para: [18],
  outside_properties: ['capacity_mw'], outside_source: 'src_x14'});
CREATE (:EnergySource {key: 'us_shale_gas', name: 'US shale gas', name_zh: '页岩气',
  note: 'lets the US run compute clusters cheaply',
  provenance: 'article', sources: ['src_article'], para: [17]});
CREATE (:EnergySource {key: 'china_west_green_power', name: 'China\'s western green-power bases', name_zh: '西部绿电基地',
  note: 'lets China run compute clusters cheaply',
  provenance: 'article', sources: ['src_article'], para: [17]});
CREATE (:EnergySource {key: 'uae_cheap_energy', name: 'UAE cheap energy (type not stated)', name_zh: '廉价能源',
  note: 'basis of the UAE compute hub',
  provenance: 'article', sources: ['src_article'], para: [29]});

// ==== Publication and attribution (B.1) =============================================

// R009 ¶18
MATCH (a:Organisation {key: 'xinhua'}), (b:Facility {key: 'lianghekou_hydro'})
CREATE (a)-[:PHOTO_CREDIT_FOR {id: 'R009', source: 'src_article', para: [18], provenance: 'article', evidence_zh: ['(来源:新华社)'], evidence_en: 'photo: Xinhua'}]->(b);

// ==== Geography (B.2) ===============================================================

// R023 ¶18
MATCH (a:Facility {key: 'lianghekou_hydro'}), (b:Country {key: 'china'})
CREATE (a)-[:LOCATED_IN {id: 'R023', river: 'Yalong', source: 'src_article', para: [18], provenance: 'article', evidence_zh: ['中国海拔最高的…水电站'], evidence_en: 'China\'s highest-altitude station'}]->(b);

// ==== Capital (B.5) =================================================================

// R057 ¶6
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'united_states'})
CREATE (a)-[:REPORTS_ON {id: 'R057', metric: 'private AI investment', year: 2024, value_usd_bn: 109.1, attributed_to: 'ai_index_2025', source: 'src_article', para: [6], provenance: 'article', evidence_zh: ['美国2024年私人投资达1091亿美元'], evidence_en: 'US 2024 private investment $109.1bn'}]->(b);

// R058 ¶6
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'china'})
CREATE (a)-[:REPORTS_ON {id: 'R058', metric: 'private AI investment', year: 2024, value_usd_bn: 9.3, attributed_to: 'ai_index_2025', source: 'src_article', para: [6], provenance: 'article', evidence_zh: ['中国以93亿美元紧随其后'], evidence_en: 'China next at $9.3bn'}]->(b);

// R059 ¶6
MATCH (a:Report {key: 'ai_index_2025'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:REPORTS_ON {id: 'R059', metric: 'AI (private) investment', year: 2024, value_usd_bn: 4.5, attributed_to: 'ai_index_2025', source: 'src_article', para: [6], provenance: 'article', evidence_zh: ['英国全年AI投资仅45亿美元'], evidence_en: 'UK only $4.5bn for the year'}]->(b);

// R060 ¶16
MATCH (a:Report {key: 'kr_ai_white_paper'}), (b:Country {key: 'south_korea'})
CREATE (a)-[:REPORTS_ON {id: 'R060', metric: 'private (民间) AI investment', year: 2024, value_usd_bn: 1.33, attributed_to: 'kr_ai_white_paper', source: 'src_article', para: [16], provenance: 'article', evidence_zh: ['韩国2024年民间AI投资仅13.3亿美元'], evidence_en: 'Korea 2024 private AI investment only $1.33bn'}]->(b);

// R061 ¶22
MATCH (a:Country {key: 'south_korea'}), (b:Country {key: 'india'})
CREATE (a)-[:SAME_TIER_AS {id: 'R061', tier: 'catch-up (追赶者)', attributed_to: 'ai_index_2025', attribution_note: 'the article says only 斯坦福报告 (A6)', source: 'src_article', para: [22], provenance: 'article', evidence_zh: ['被斯坦福报告列为与印度“同档”的追赶者'], evidence_en: 'listed by the Stanford report as a chaser in India\'s tier'}]->(b);

// R062 ¶16
MATCH (a:Country {key: 'south_korea'}), (b:Country {key: 'india'})
CREATE (a)-[:TRAILS {id: 'R062', metric: 'Korea\'s 2024 AI investment vs India\'s growth momentum', quantified: false, source: 'src_article', para: [16], provenance: 'article', evidence_zh: ['甚至低于印度的增长势头'], evidence_en: 'below even India\'s momentum'}]->(b);

// ==== Energy (B.6) ==================================================================

// R063 ¶17
MATCH (a:Country {key: 'united_states'}), (b:EnergySource {key: 'us_shale_gas'})
CREATE (a)-[:POWERS_COMPUTE_WITH {id: 'R063', cost: 'low', source: 'src_article', para: [17], provenance: 'article', evidence_zh: ['美国依托页岩气'], evidence_en: 'the US relies on shale gas'}]->(b);

// R064 ¶17
MATCH (a:Country {key: 'china'}), (b:EnergySource {key: 'china_west_green_power'})
CREATE (a)-[:POWERS_COMPUTE_WITH {id: 'R064', cost: 'low', source: 'src_article', para: [17], provenance: 'article', evidence_zh: ['中国凭借西部绿电基地'], evidence_en: 'China relies on western green-power bases'}]->(b);

// R065 ¶29
MATCH (a:Country {key: 'uae'}), (b:EnergySource {key: 'uae_cheap_energy'})
CREATE (a)-[:POWERS_COMPUTE_WITH {id: 'R065', cost: 'low', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['依托廉价能源'], evidence_en: 'relying on cheap energy'}]->(b);

// R066 ¶17
MATCH (a:Country {key: 'united_kingdom'}), (b:Country {key: 'china'})
CREATE (a)-[:HIGHER_DC_COST_THAN {id: 'R066', metric: 'data-centre operating cost', ratio: 3, source: 'src_article', para: [17], provenance: 'article', evidence_zh: ['数据中心运营成本是中国的3倍'], evidence_en: 'data-centre running costs 3× China\'s'}]->(b);

// R067 ¶17–18
MATCH (a:Facility {key: 'lianghekou_hydro'}), (b:EnergySource {key: 'china_west_green_power'})
CREATE (a)-[:ILLUSTRATES {id: 'R067', basis: 'caption placed after the energy paragraph (editorial link, not a stated fact)', source: 'src_article', para: [17, 18], provenance: 'article', evidence_zh: ['中国海拔最高的百万千瓦级水电站'], evidence_en: 'China\'s highest GW-class hydro station'}]->(b);
