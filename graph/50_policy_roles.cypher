// Meridian shipped knowledge graph, file 50: laws, standards, policies, roles.
// Holds the law, standard and policies of FACTS.md A.5 (eu_ai_act with its outside
// properties from X10, med_ai_privacy_standard, us_chip_export_controls,
// china_unilateral_opening; the reports and the ranking of A.5 are in file 00),
// plus the export-control relationships R069-R070 (B.7), the future roles,
// standards and law R118-R135 (B.9) and China's stance R144-R147 (B.11).

// ---- Law, standard, policies (A.5) ---------------------------------------------------

CREATE (:Law {key: 'eu_ai_act', name: 'Artificial Intelligence Act', name_zh: '《人工智能法案》',
  article_name: 'Europe\'s AI Act',
  framework: 'risk-tiered regulation (风险分级监管)',
  criticism: 'long approval cycles, called "slow"',
  rules_as_described_by_article: ['AI may not decide medical treatment plans on its own', 'education AI must label content sources'],
  effect_per_article: 'draws ethics-demanding R&D to Europe',
  celex: '32024R1689',
  in_force: date('2024-08-01'),
  provenance: 'article', sources: ['src_article', 'src_x10'], para: [35, 36],
  outside_properties: ['celex', 'in_force'], outside_source: 'src_x10'});
CREATE (:Standard {key: 'med_ai_privacy_standard', name: 'Global data-privacy standard for AI-assisted diagnosis', name_zh: 'AI辅助诊断的全球数据隐私标准',
  requirements: ['patient data stored locally', 'ethics review before use'],
  status: 'adopted by some (unnamed) EU member states',
  prospect: 'may become the entry threshold for medical-AI firms entering the European market',
  provenance: 'article', sources: ['src_article'], para: [33]});
CREATE (:Policy {key: 'us_chip_export_controls', name: 'US chip export controls', name_zh: '美国芯片出口管制',
  note: 'example of a supply-chain shock',
  provenance: 'article', sources: ['src_article'], para: [21]});
CREATE (:Policy:Recommendation {key: 'china_unilateral_opening', name: '"Unilateral opening" approach recommended to China', name_zh: '单边开放逻辑',
  measures: ['share smart-agriculture and medical-AI technology suited to partners\' local scenarios', 'open the domestic market to their participation'],
  aim: 'anchor industrial links, avoid decoupling',
  provenance: 'article', sources: ['src_article'], para: [37]});

// ==== Export controls (B.7) =========================================================

// R069 ¶21
MATCH (a:Country {key: 'united_states'}), (b:Policy {key: 'us_chip_export_controls'})
CREATE (a)-[:IMPOSES {id: 'R069', source: 'src_article', para: [21], provenance: 'article', evidence_zh: ['如美国芯片出口管制'], evidence_en: 'e.g. US chip export controls'}]->(b);

// R070 ¶21
MATCH (a:Policy {key: 'us_chip_export_controls'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:THREATENS {id: 'R070', effect: 'AI R&D may stall', source: 'src_article', para: [21], provenance: 'article', evidence_zh: ['极易陷入停滞'], evidence_en: 'very likely to stall'}]->(b);

// ==== Future roles, standards and law (B.9) =========================================

// R118 ¶33
MATCH (a:Concept {key: 'middle_power'}), (b:Role {key: 'role_niche_standard_setter'})
CREATE (a)-[:EXPECTED_ROLE {id: 'R118', order: 1, source: 'src_article', para: [33], provenance: 'article', evidence_zh: ['细分领域的标准制定者'], evidence_en: '(first role) niche standard-setter'}]->(b);

// R119 ¶34
MATCH (a:Concept {key: 'middle_power'}), (b:Role {key: 'role_conversion_intermediary'})
CREATE (a)-[:EXPECTED_ROLE {id: 'R119', order: 2, source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['中美技术的‘转化中介’'], evidence_en: '(second role) conversion intermediary'}]->(b);

// R120 ¶35
MATCH (a:Concept {key: 'middle_power'}), (b:Role {key: 'role_ethics_balancer'})
CREATE (a)-[:EXPECTED_ROLE {id: 'R120', order: 3, source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['全球AI伦理的‘平衡者’'], evidence_en: '(third role) ethics balancer'}]->(b);

// R121 ¶32
MATCH (a:Concept {key: 'middle_power'}), (b:Role {key: 'role_challenger'})
CREATE (a)-[:NOT_EXPECTED_ROLE {id: 'R121', source: 'src_article', para: [32], provenance: 'article', evidence_zh: ['不会成为“挑战者”'], evidence_en: 'will not become challengers'}]->(b);

// R122 ¶33
MATCH (a:Country {key: 'united_kingdom'}), (b:Role {key: 'role_niche_standard_setter'})
CREATE (a)-[:PLAYS_ROLE {id: 'R122', example: 'med_ai_privacy_standard', source: 'src_article', para: [33], provenance: 'article', evidence_zh: ['例如英国在医疗AI领域的探索'], evidence_en: 'e.g. the UK\'s medical-AI work'}]->(b);

// R123 ¶34
MATCH (a:Country {key: 'canada'}), (b:Role {key: 'role_conversion_intermediary'})
CREATE (a)-[:PLAYS_ROLE {id: 'R123', example: 'GPT-4 → multilingual medical assistant', source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['例如加拿大将OpenAI的GPT-4改造']}]->(b);

// R124 ¶34
MATCH (a:Country {key: 'uae'}), (b:Role {key: 'role_conversion_intermediary'})
CREATE (a)-[:PLAYS_ROLE {id: 'R124', example: 'Huawei Ascend → e-commerce scheduler', source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['阿联酋将华为昇腾算力集群改造']}]->(b);

// R125 ¶35
MATCH (a:Region {key: 'europe'}), (b:Role {key: 'role_ethics_balancer'})
CREATE (a)-[:PLAYS_ROLE {id: 'R125', example: 'eu_ai_act', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['例如欧洲《人工智能法案》'], evidence_en: 'e.g. Europe\'s AI Act'}]->(b);

// R126 ¶33
MATCH (a:Country {key: 'united_kingdom'}), (b:Standard {key: 'med_ai_privacy_standard'})
CREATE (a)-[:PROMOTES {id: 'R126', source: 'src_article', para: [33], provenance: 'article', evidence_zh: ['正推动“AI辅助诊断的全球数据隐私标准”'], evidence_en: 'is pushing a global privacy standard for AI diagnosis'}]->(b);

// R127 ¶33
MATCH (a:Standard {key: 'med_ai_privacy_standard'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:ADOPTED_BY {id: 'R127', scope: 'some member states, unnamed', source: 'src_article', para: [33], provenance: 'article', evidence_zh: ['已被欧盟部分国家采纳'], evidence_en: 'already adopted by some EU countries'}]->(b);

// R128 ¶33
MATCH (a:Standard {key: 'med_ai_privacy_standard'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:REGULATES {id: 'R128', rules: ['local storage of patient data', 'ethics review before use'], source: 'src_article', para: [33], provenance: 'article', evidence_zh: ['必须本地化存储、使用前需经伦理审查'], evidence_en: 'local storage, ethics review first'}]->(b);

// R129 ¶35
MATCH (a:Law {key: 'eu_ai_act'}), (b:Region {key: 'europe'})
CREATE (a)-[:APPLIES_IN {id: 'R129', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['欧洲《人工智能法案》'], evidence_en: 'Europe\'s AI Act'}]->(b);

// R130 ¶35
MATCH (a:Law {key: 'eu_ai_act'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:REGULATES {id: 'R130', rule: 'AI may not decide treatment plans autonomously', basis: 'as described by the article, not verified (A12)', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['禁止AI自主决定医疗方案'], evidence_en: 'bans AI deciding treatment on its own'}]->(b);

// R131 ¶35
MATCH (a:Law {key: 'eu_ai_act'}), (b:Domain {key: 'dom_education_ai'})
CREATE (a)-[:REGULATES {id: 'R131', rule: 'education AI must label content sources', basis: 'as described by the article, not verified (A12)', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['要求教育AI必须标注内容来源'], evidence_en: 'education AI must cite sources'}]->(b);

// R132 ¶35
MATCH (a:Law {key: 'eu_ai_act'}), (b:Domain {key: 'dom_ai_ethics'})
CREATE (a)-[:REGULATES {id: 'R132', mechanism: 'risk-tiered regulation', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['“风险分级监管”框架'], evidence_en: 'risk-tiered framework'}]->(b);

// R133 ¶35
MATCH (a:Role {key: 'role_ethics_balancer'}), (b:Domain {key: 'dom_ai_ethics'})
CREATE (a)-[:FOCUSES_ON {id: 'R133', source: 'src_article', para: [35], provenance: 'article', evidence_zh: ['中等强国对伦理、安全的重视'], evidence_en: 'middle powers\' weight on ethics and safety'}]->(b);

// R134 ¶36
MATCH (a:Concept {key: 'timid_and_wasteful'}), (b:Region {key: 'europe'})
CREATE (a)-[:CRITIQUES {id: 'R134', source: 'src_article', para: [36], provenance: 'article', evidence_zh: ['调侃欧洲…“怂且废”'], evidence_en: 'Europe mocked as timid and useless'}]->(b);

// R135 ¶36
MATCH (a:Concept {key: 'timid_and_wasteful'}), (b:Law {key: 'eu_ai_act'})
CREATE (a)-[:CITES_EXAMPLE {id: 'R135', source: 'src_article', para: [36], provenance: 'article', evidence_zh: ['如《人工智能法案》的严格监管'], evidence_en: 'e.g. the AI Act\'s strict rules'}]->(b);

// ==== China's stance, the author's conclusion (B.11) ================================

// R144 ¶37
MATCH (a:Country {key: 'china'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:VIEWS_AS_PARTNER {id: 'R144', rival: false, source: 'src_article', para: [37], provenance: 'article', evidence_zh: ['技术共生的重要伙伴'], evidence_en: 'key partners in technological symbiosis'}]->(b);

// R145 ¶37
MATCH (a:Policy {key: 'china_unilateral_opening'}), (b:Country {key: 'china'})
CREATE (a)-[:RECOMMENDED_FOR {id: 'R145', by: 'author', source: 'src_article', para: [37], provenance: 'article', evidence_zh: ['更需秉持单边开放逻辑'], evidence_en: 'should hold to unilateral opening'}]->(b);

// R146 ¶37
MATCH (a:Policy {key: 'china_unilateral_opening'}), (b:Domain {key: 'dom_smart_agriculture'})
CREATE (a)-[:COVERS {id: 'R146', source: 'src_article', para: [37], provenance: 'article', evidence_zh: ['智慧农业、医疗AI技术'], evidence_en: 'smart agriculture, medical AI'}]->(b);

// R147 ¶37
MATCH (a:Policy {key: 'china_unilateral_opening'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:COVERS {id: 'R147', source: 'src_article', para: [37], provenance: 'article', evidence_zh: ['智慧农业、医疗AI技术'], evidence_en: 'smart agriculture, medical AI'}]->(b);
