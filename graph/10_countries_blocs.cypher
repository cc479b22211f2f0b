// Meridian shipped knowledge graph, file 10: countries, regions, blocs, populations.
// Holds the nodes of FACTS.md A.2 (with the outside properties the sheet adds to
// them: united_kingdom.eu_member / eu_exit_date from X09, and the AI Index's 2024
// notable-model counts from X02, kept apart from the article's figure, see A1),
// plus R008 (B.1), the middle-power classification and geography R011-R021,
// R024-R025 (B.2; R022, R023, R026 follow in files 20 and 30), and the
// bipolar-structure poles R033-R034 (B.3).

// ---- Countries (A.2) ------------------------------------------------------------

CREATE (:Country {key: 'united_states', name: 'United States', name_zh: '美国',
  private_ai_investment_2024_usd_bn: 109.1,
  private_ai_investment_2024_attributed_to: 'ai_index_2025',
  share_global_gpu_cluster_performance: 0.75,
  share_top_ai_talent: 0.60,
  share_top_ai_talent_note: '¶9 says 60%, ¶22 says more than 60% of top AI researchers (A2)',
  notable_ai_models_in_year: 7,
  notable_ai_models_in_year_note: '¶16, year not stated, context 2024 (A1)',
  compute_energy_advantage: 'shale gas',
  talent_engine: 'mature industry–academia–research system',
  pole_of: 'US–China bipolar structure',
  notable_ai_models_2024: 40,
  provenance: 'article', sources: ['src_article', 'src_x02'], para: [6, 9, 15, 16, 17, 21, 22, 32],
  outside_properties: ['notable_ai_models_2024'], outside_source: 'src_x02'});
CREATE (:Country {key: 'china', name: 'China', name_zh: '中国',
  private_ai_investment_2024_usd_bn: 9.3,
  private_ai_investment_2024_attributed_to: 'ai_index_2025',
  industry_chain: 'full closed loop chip→compute→application (芯片—算力—应用)',
  policy_support_scale: '千亿级',
  policy_support_scale_note: 'hundred-billion order, currency and period not stated (A14)',
  top500_hpl_updates: 'no longer submitted',
  compute_energy_advantage: 'western green-power bases',
  talent_trend: 'policy-guided return flow',
  stance_on_middle_powers: 'partners, not rivals',
  notable_ai_models_2024: 15,
  provenance: 'article', sources: ['src_article', 'src_x02'], para: [6, 9, 15, 17, 21, 22, 32, 37],
  outside_properties: ['notable_ai_models_2024'], outside_source: 'src_x02'});
CREATE (:Country {key: 'united_kingdom', name: 'United Kingdom', name_zh: '英国',
  private_ai_investment_2024_usd_bn: 4.5,
  private_ai_investment_2024_attributed_to: 'ai_index_2025',
  private_ai_investment_2024_note: 'the article says 全年AI投资 (AI investment for the year, A4)',
  electricity_price_cny_per_kwh: 2.48,
  electricity_price_approximate: true,
  electricity_price_note: 'about (大约), described as highest in Europe, price type and year not stated (A15)',
  data_centre_opex_multiple_of_china: 3,
  exaflop_class_build_capability: false,
  epithet: 'birthplace of the Industrial Revolution',
  middle_power_core_example: true,
  eu_member: false,
  eu_exit_date: date('2020-01-31'),
  provenance: 'article', sources: ['src_article', 'src_x09'], para: [5, 6, 9, 10, 15, 16, 17, 21, 26, 33],
  outside_properties: ['eu_member', 'eu_exit_date'], outside_source: 'src_x09'});
CREATE (:Country {key: 'germany', name: 'Germany', name_zh: '德国',
  middle_power_core_example: true,
  provenance: 'article', sources: ['src_article'], para: [9, 28]});
CREATE (:Country {key: 'france', name: 'France', name_zh: '法国',
  middle_power_core_example: true,
  provenance: 'article', sources: ['src_article'], para: [9, 27]});
CREATE (:Country {key: 'canada', name: 'Canada', name_zh: '加拿大',
  middle_power_core_example: true,
  asset: 'multicultural society (多元文化优势)',
  provenance: 'article', sources: ['src_article'], para: [9, 21, 29, 34]});
CREATE (:Country {key: 'uae', name: 'United Arab Emirates', name_zh: '阿联酋',
  middle_power_core_example: true,
  asset: 'cheap energy (廉价能源)',
  provenance: 'article', sources: ['src_article'], para: [9, 29, 34]});
CREATE (:Country {key: 'south_korea', name: 'South Korea', name_zh: '韩国',
  private_ai_investment_2024_usd_bn: 1.33,
  private_ai_investment_2024_attributed_to: 'kr_ai_white_paper',
  private_ai_investment_2024_note: 'the article says 民间AI投资, from a different source than the AI Index figures (A5)',
  higher_education: 'strong',
  ai_industrialisation: 'slow',
  tier: 'catch-up, same tier as India',
  middle_power_core_example: false,
  middle_power_note: 'named at ¶22 as AI中等强国如韩国 (A16)',
  provenance: 'article', sources: ['src_article'], para: [16, 22]});
CREATE (:Country {key: 'india', name: 'India', name_zh: '印度',
  tier: 'catch-up',
  note: 'same tier as South Korea, its AI-investment growth momentum is said to exceed Korea\'s 2024 figure (not quantified)',
  provenance: 'article', sources: ['src_article'], para: [16, 22]});
CREATE (:Country {key: 'finland', name: 'Finland', name_zh: '芬兰',
  note: 'has an (unnamed) machine ranked above Isambard AI',
  provenance: 'article', sources: ['src_article'], para: [5]});
CREATE (:Country {key: 'italy', name: 'Italy', name_zh: '意大利',
  note: 'has an (unnamed) machine ranked above Isambard AI',
  provenance: 'article', sources: ['src_article'], para: [5]});
CREATE (:Country {key: 'saudi_arabia', name: 'Saudi Arabia', name_zh: '沙特',
  note: 'appears only in a photo caption',
  provenance: 'article', sources: ['src_article'], para: [30]});

// ---- Regions, bloc, population (A.2) ----------------------------------------------

CREATE (:Region {key: 'europe', name: 'Europe', name_zh: '欧洲',
  notable_model_presence: '难觅踪迹',
  notable_model_presence_note: 'hard to find on the notable-model list',
  talent: 'continuous drain to Silicon Valley',
  note: 'no grand pledges or 100-billion-dollar plans (没有动辄千亿美元的投资计划), target of the 怂且废 jibe',
  notable_ai_models_2024: 3,
  provenance: 'article', sources: ['src_article', 'src_x02'], para: [16, 22, 25, 35, 36],
  outside_properties: ['notable_ai_models_2024'], outside_source: 'src_x02'});
CREATE (:Bloc {key: 'european_union', name: 'European Union', name_zh: '欧盟',
  member_count: 27,
  resources: 'dispersed across different fields per member',
  provenance: 'article', sources: ['src_article'], para: [33, 36]});
CREATE (:Region {key: 'north_america', name: 'North America', name_zh: '北美(大陆)',
  provenance: 'article', sources: ['src_article'], para: [9]});
CREATE (:Region {key: 'middle_east', name: 'Middle East', name_zh: '中东',
  provenance: 'article', sources: ['src_article'], para: [9, 29, 34]});
CREATE (:Region {key: 'silicon_valley', name: 'Silicon Valley', name_zh: '硅谷',
  note: 'destination of Europe\'s AI talent',
  provenance: 'article', sources: ['src_article'], para: [22]});
CREATE (:Population {key: 'canada_north_indigenous', name: 'Indigenous peoples of northern Canada', name_zh: '(北部)原住民',
  need: 'healthcare gap caused by language barriers',
  served_by_assistant_people: 50000,
  provenance: 'article', sources: ['src_article'], para: [29, 34]});

// ==== Publication and attribution (B.1) =============================================

// R008 ¶16
MATCH (a:Organisation {key: 'korea_motie'}), (b:Country {key: 'south_korea'})
CREATE (a)-[:GOVERNMENT_BODY_OF {id: 'R008', source: 'src_article', para: [16], provenance: 'article', evidence_zh: ['韩国产业通商资源部'], evidence_en: 'Korea\'s ministry'}]->(b);

// ==== Middle-power classification and geography (B.2) ===============================

// R011 ¶9
MATCH (a:Country {key: 'united_kingdom'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R011', core_example: true, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['核心代表包括欧洲的英国、德国、法国'], evidence_en: 'core examples: UK, Germany, France in Europe'}]->(b);

// R012 ¶9
MATCH (a:Country {key: 'germany'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R012', core_example: true, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['核心代表包括欧洲的英国、德国、法国'], evidence_en: 'core examples: UK, Germany, France in Europe'}]->(b);

// R013 ¶9
MATCH (a:Country {key: 'france'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R013', core_example: true, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['核心代表包括欧洲的英国、德国、法国'], evidence_en: 'core examples: UK, Germany, France in Europe'}]->(b);

// R014 ¶9
MATCH (a:Country {key: 'canada'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R014', core_example: true, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['北美大陆的加拿大'], evidence_en: 'Canada in North America'}]->(b);

// R015 ¶9
MATCH (a:Country {key: 'uae'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R015', core_example: true, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['中东的阿联酋'], evidence_en: 'the UAE in the Middle East'}]->(b);

// R016 ¶22
MATCH (a:Country {key: 'south_korea'}), (b:Concept {key: 'middle_power'})
CREATE (a)-[:CLASSIFIED_AS {id: 'R016', core_example: false, source: 'src_article', para: [22], provenance: 'article', evidence_zh: ['AI中等强国如韩国'], evidence_en: 'AI middle powers such as Korea'}]->(b);

// R017 ¶9
MATCH (a:Country {key: 'united_kingdom'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'R017', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['欧洲的英国'], evidence_en: 'Europe\'s UK'}]->(b);

// R018 ¶9
MATCH (a:Country {key: 'germany'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'R018', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['欧洲的…德国']}]->(b);

// R019 ¶9
MATCH (a:Country {key: 'france'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'R019', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['欧洲的…法国']}]->(b);

// R020 ¶9
MATCH (a:Country {key: 'canada'}), (b:Region {key: 'north_america'})
CREATE (a)-[:LOCATED_IN {id: 'R020', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['北美大陆的加拿大']}]->(b);

// R021 ¶9
MATCH (a:Country {key: 'uae'}), (b:Region {key: 'middle_east'})
CREATE (a)-[:LOCATED_IN {id: 'R021', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['中东的阿联酋']}]->(b);

// R024 ¶22
MATCH (a:Organisation {key: 'univ_cambridge'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'R024', source: 'src_article', para: [22], provenance: 'article', evidence_zh: ['欧洲虽然拥有剑桥、牛津'], evidence_en: 'Europe has Cambridge, Oxford'}]->(b);

// R025 ¶22
MATCH (a:Organisation {key: 'univ_oxford'}), (b:Region {key: 'europe'})
CREATE (a)-[:LOCATED_IN {id: 'R025', source: 'src_article', para: [22], provenance: 'article', evidence_zh: ['欧洲虽然拥有剑桥、牛津'], evidence_en: 'Europe has Cambridge, Oxford'}]->(b);

// ==== US and Chinese dominance: the bipolar structure (B.3) =========================

// R033 ¶32
MATCH (a:Country {key: 'united_states'}), (b:Concept {key: 'bipolar_structure'})
CREATE (a)-[:POLE_OF {id: 'R033', source: 'src_article', para: [32], provenance: 'article', evidence_zh: ['中美主导的AI“双极格局”'], evidence_en: 'US/China-led bipolar structure'}]->(b);

// R034 ¶32
MATCH (a:Country {key: 'china'}), (b:Concept {key: 'bipolar_structure'})
CREATE (a)-[:POLE_OF {id: 'R034', source: 'src_article', para: [32], provenance: 'article', evidence_zh: ['中美主导的AI“双极格局”'], evidence_en: 'US/China-led bipolar structure'}]->(b);
