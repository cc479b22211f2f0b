// Meridian shipped knowledge graph, file 40: firms, models, applications, strategies.
// Holds the nodes of FACTS.md A.4 (with the firms' headquarters cities from X03-X06
// as outside properties), plus the relationships that need them: NVIDIA and its
// CEO R030-R032 (B.3), the Isambard-AI applications R052-R056 (B.4), supply chain
// and talent R068, R071-R075 (B.7; R069-R070 follow in file 50) and the niche
// strategies per country R076-R117 (B.8).

// ---- Firms (A.4) ------------------------------------------------------------------

CREATE (:Firm {key: 'nvidia', name: 'NVIDIA', name_zh: '英伟达',
  note: 'cited as the US exemplar of chip-design dominance',
  ceo: 'Jensen Huang',
  hq_city: 'Santa Clara',
  provenance: 'article', sources: ['src_article', 'src_x04'], para: [6, 9],
  outside_properties: ['hq_city'], outside_source: 'src_x04'});
CREATE (:Firm {key: 'mistral_ai', name: 'Mistral AI',
  country: 'France',
  country_note: '本土AI企业 (home-grown)',
  government_aim: 'European champion (欧洲冠军)',
  hq_city: 'Paris',
  provenance: 'article', sources: ['src_article', 'src_x03'], para: [27],
  outside_properties: ['hq_city'], outside_source: 'src_x03'});
CREATE (:Firm {key: 'cohere', name: 'Cohere',
  country: 'Canada',
  country_note: '加拿大AI公司',
  note: 'opened a Paris office, drawn by France',
  hq_city: 'Toronto',
  provenance: 'article', sources: ['src_article', 'src_x03'], para: [27],
  outside_properties: ['hq_city'], outside_source: 'src_x03'});
CREATE (:Firm {key: 'helsing', name: 'Helsing',
  country: 'Germany',
  country_note: '德国AI公司',
  specialism: 'defence AI',
  method: 'real-time analysis of battlefield sensor data to support operational decisions',
  moat: 'military sensitivity makes it hard for US/Chinese tech giants to monopolise',
  hq_city: 'Munich',
  provenance: 'article', sources: ['src_article', 'src_x03'], para: [28],
  outside_properties: ['hq_city'], outside_source: 'src_x03'});
CREATE (:Firm {key: 'openai', name: 'OpenAI',
  note: 'maker of GPT-4 (nationality not stated in the article, see X05)',
  hq_city: 'San Francisco',
  provenance: 'article', sources: ['src_article', 'src_x05'], para: [34],
  outside_properties: ['hq_city'], outside_source: 'src_x05'});
CREATE (:Firm {key: 'huawei', name: 'Huawei', name_zh: '华为',
  note: 'maker of Ascend (昇腾) compute (nationality not stated in the article, see X06)',
  hq_city: 'Shenzhen',
  provenance: 'article', sources: ['src_article', 'src_x06'], para: [34],
  outside_properties: ['hq_city'], outside_source: 'src_x06'});

// ---- Models (A.4) -----------------------------------------------------------------

CREATE (:Model {key: 'gpt_4', name: 'GPT-4',
  type: 'general-purpose large model',
  developer: 'OpenAI',
  provenance: 'article', sources: ['src_article'], para: [10, 34]});
CREATE (:Model {key: 'deepseek', name: 'DeepSeek',
  article_spelling: 'Deepseek',
  type: 'general-purpose large model',
  provenance: 'article', sources: ['src_article'], para: [10]});

// ---- Applications (A.4) -------------------------------------------------------------

CREATE (:Application {key: 'skin_cancer_detector', name: 'Skin-cancer detection algorithm', name_zh: '皮肤癌检测算法',
  accuracy: 0.92,
  baseline_human_doctor_avg_accuracy: 0.85,
  use: 'helps pathologists spot cancer cells in slides',
  note: 'one of the Isambard-AI-backed projects, developer not stated (A8)',
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Application {key: 'dementia_memory_prompt', name: '"Memory prompt system" for people with dementia', name_zh: '记忆提示系统',
  interface: 'voice',
  reminds: ['medication times', 'names of relatives and friends'],
  pilot_sites: 20,
  pilot_site_type: 'UK care homes (养老院)',
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Application {key: 'ca_multilingual_med_assistant', name: 'Canadian multilingual medical AI assistant', name_zh: '多语言医疗(AI)助手',
  languages: ['English', 'French', 'Inuktitut'],
  languages_note: 'Inuktitut = Inuit language, 因纽特语',
  language_count: 3,
  people_served: 50000,
  people_served_note: 'Indigenous people',
  base_model: 'GPT-4',
  additions: ['Inuit-language voice interaction', 'Arctic common-disease knowledge base'],
  note: '¶29 and ¶34 treated as one application (A9)',
  provenance: 'article', sources: ['src_article'], para: [29, 34]});
CREATE (:Application {key: 'uae_ecom_ai_scheduler', name: 'Middle East e-commerce AI scheduling system / customised AI scheduling service', name_zh: '中东电商AI调度系统 / 定制化AI调度服务',
  base: 'Huawei Ascend cluster',
  adapted_to: ['local religious customs', 'regional geography'],
  clients: 'regional e-commerce and logistics firms',
  note: '¶29 and ¶34 treated as one application (A10)',
  provenance: 'article', sources: ['src_article'], para: [29, 34]});

// ==== NVIDIA and its CEO (B.3) ======================================================

// R030 ¶9
MATCH (a:Firm {key: 'nvidia'}), (b:Domain {key: 'dom_chip_design'})
CREATE (a)-[:FOCUSES_ON {id: 'R030', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['芯片设计(英伟达)']}]->(b);

// R031 ¶9
MATCH (a:Firm {key: 'nvidia'}), (b:Country {key: 'united_states'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'R031', basis: 'implied (given as the US exemplar), confirmed by X04', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['美国在芯片设计(英伟达)…的绝对主导'], evidence_en: 'US dominance in chip design (NVIDIA)'}]->(b);

// R032 ¶6
MATCH (a:Person {key: 'jensen_huang'}), (b:Firm {key: 'nvidia'})
CREATE (a)-[:CEO_OF {id: 'R032', source: 'src_article', para: [6], provenance: 'article', evidence_zh: ['英伟达CEO黄仁勋'], evidence_en: 'NVIDIA CEO Jensen Huang'}]->(b);

// ==== Isambard-AI applications (B.4) ================================================

// R052 ¶26
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Application {key: 'skin_cancer_detector'})
CREATE (a)-[:SUPPORTS_APPLICATION {id: 'R052', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['支撑起100多个研究项目'], evidence_en: 'underpins 100+ projects (incl. this one)'}]->(b);

// R053 ¶26
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Application {key: 'dementia_memory_prompt'})
CREATE (a)-[:SUPPORTS_APPLICATION {id: 'R053', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['支撑起100多个研究项目'], evidence_en: 'underpins 100+ projects (incl. this one)'}]->(b);

// R054 ¶26
MATCH (a:Application {key: 'dementia_memory_prompt'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:PILOTED_IN {id: 'R054', sites: 20, site_type: 'care homes', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['已在英国20家养老院试点'], evidence_en: 'piloted in 20 UK care homes'}]->(b);

// R055 ¶26
MATCH (a:Application {key: 'skin_cancer_detector'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R055', accuracy: 0.92, human_baseline: 0.85, source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['准确率达92%(高于人类医生平均水平85%)'], evidence_en: '92% vs doctors\' 85% average'}]->(b);

// R056 ¶26
MATCH (a:Application {key: 'dementia_memory_prompt'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R056', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['为痴呆症患者设计'], evidence_en: 'designed for dementia patients'}]->(b);

// ==== Supply chain and talent (B.7) =================================================

// R068 ¶21
MATCH (a:Country {key: 'canada'}), (b:Country {key: 'united_states'})
CREATE (a)-[:SOURCES_TRAINING_DATA_FROM {id: 'R068', via: 'US platforms', extent: '大量 (a large share)', source: 'src_article', para: [21], provenance: 'article', evidence_zh: ['加拿大AI模型的训练数据大量来自美国平台'], evidence_en: 'Canadian models\' training data largely from US platforms'}]->(b);

// R071 ¶22
MATCH (a:Region {key: 'europe'}), (b:Region {key: 'silicon_valley'})
CREATE (a)-[:LOSES_TALENT_TO {id: 'R071', source: 'src_article', para: [22], provenance: 'article', evidence_zh: ['人才流向硅谷的持续失血'], evidence_en: 'steady bleeding of talent to Silicon Valley'}]->(b);

// R072 ¶10
MATCH (a:Concept {key: 'middle_power'}), (b:Domain {key: 'dom_general_llm'})
CREATE (a)-[:CANNOT_INDEPENDENTLY_DEVELOP {id: 'R072', source: 'src_article', para: [10], provenance: 'article', evidence_zh: ['无法独立研发通用大模型'], evidence_en: 'cannot build general models on their own'}]->(b);

// R073 ¶10
MATCH (a:Model {key: 'gpt_4'}), (b:Domain {key: 'dom_general_llm'})
CREATE (a)-[:EXAMPLE_OF {id: 'R073', source: 'src_article', para: [10], provenance: 'article', evidence_zh: ['通用大模型(如GPT-4、Deepseek)'], evidence_en: 'general models such as GPT-4, Deepseek'}]->(b);

// R074 ¶10
MATCH (a:Model {key: 'deepseek'}), (b:Domain {key: 'dom_general_llm'})
CREATE (a)-[:EXAMPLE_OF {id: 'R074', source: 'src_article', para: [10], provenance: 'article', evidence_zh: ['通用大模型(如GPT-4、Deepseek)'], evidence_en: 'general models such as GPT-4, Deepseek'}]->(b);

// R075 ¶34
MATCH (a:Model {key: 'gpt_4'}), (b:Firm {key: 'openai'})
CREATE (a)-[:DEVELOPED_BY {id: 'R075', source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['OpenAI的GPT-4'], evidence_en: 'OpenAI\'s GPT-4'}]->(b);

// ==== Niche strategies per country (B.8) ============================================

// R076 ¶26
MATCH (a:Country {key: 'united_kingdom'}), (b:Strategy {key: 'strat_uk'})
CREATE (a)-[:PURSUES {id: 'R076', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['“机器学习研究+生命科学AI”的深度绑定'], evidence_en: 'tight coupling of ML research and life-sciences AI'}]->(b);

// R077 ¶26
MATCH (a:Country {key: 'united_kingdom'}), (b:Domain {key: 'dom_ml_research'})
CREATE (a)-[:FOCUSES_ON {id: 'R077', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['“机器学习研究+生命科学AI”的深度绑定'], evidence_en: 'tight coupling of ML research and life-sciences AI'}]->(b);

// R078 ¶26
MATCH (a:Country {key: 'united_kingdom'}), (b:Domain {key: 'dom_life_sciences_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R078', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['“机器学习研究+生命科学AI”的深度绑定'], evidence_en: 'tight coupling of ML research and life-sciences AI'}]->(b);

// R079 ¶26, 33
MATCH (a:Country {key: 'united_kingdom'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R079', source: 'src_article', para: [26, 33], provenance: 'article', evidence_zh: ['英国在医疗AI领域的探索'], evidence_en: 'the UK\'s work in medical AI'}]->(b);

// R080 ¶26
MATCH (a:Strategy {key: 'strat_uk'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:INVOLVES {id: 'R080', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['Isambard AI的特点折射出它的战略选择'], evidence_en: 'Isambard reflects the strategy'}]->(b);

// R081 ¶27
MATCH (a:Country {key: 'france'}), (b:Strategy {key: 'strat_france'})
CREATE (a)-[:PURSUES {id: 'R081', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['法国的策略又有所不同'], evidence_en: 'France\'s strategy differs'}]->(b);

// R082 ¶27
MATCH (a:Country {key: 'france'}), (b:Firm {key: 'mistral_ai'})
CREATE (a)-[:BACKS {id: 'R082', actor: 'Macron government', aim: 'European champion', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['马克龙政府大力支持本土AI企业如Mistral AI'], evidence_en: 'Macron government strongly backs home firm Mistral AI'}]->(b);

// R083 ¶27
MATCH (a:Firm {key: 'mistral_ai'}), (b:Country {key: 'france'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'R083', basis: '本土 (home-grown), city per X03', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['本土AI企业如Mistral AI']}]->(b);

// R084 ¶27
MATCH (a:Country {key: 'france'}), (b:Facility {key: 'european_ai_hub_france'})
CREATE (a)-[:PROMOTES {id: 'R084', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['力推在法国建立欧洲人工智能中心'], evidence_en: 'pushes for a European AI centre in France'}]->(b);

// R085 ¶27
MATCH (a:Country {key: 'france'}), (b:Firm {key: 'cohere'})
CREATE (a)-[:ATTRACTS {id: 'R085', what: 'Paris office', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['吸引加拿大AI公司Cohere等设立巴黎办事处'], evidence_en: 'draws Canada\'s Cohere to open a Paris office'}]->(b);

// R086 ¶27
MATCH (a:Firm {key: 'cohere'}), (b:Country {key: 'canada'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'R086', basis: '加拿大AI公司, city per X03', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['加拿大AI公司Cohere'], evidence_en: 'Canadian AI firm Cohere'}]->(b);

// R087 ¶27
MATCH (a:Firm {key: 'cohere'}), (b:Country {key: 'france'})
CREATE (a)-[:HAS_OFFICE_IN {id: 'R087', city: 'Paris', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['设立巴黎办事处'], evidence_en: 'sets up a Paris office'}]->(b);

// R088 ¶27
MATCH (a:Person {key: 'emmanuel_macron'}), (b:Country {key: 'france'})
CREATE (a)-[:LEADS_GOVERNMENT_OF {id: 'R088', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['马克龙政府'], evidence_en: 'the Macron government'}]->(b);

// R089 ¶27
MATCH (a:Strategy {key: 'strat_france'}), (b:Firm {key: 'mistral_ai'})
CREATE (a)-[:INVOLVES {id: 'R089', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['试图打造“欧洲冠军”'], evidence_en: 'aiming for a European champion'}]->(b);

// R090 ¶27
MATCH (a:Strategy {key: 'strat_france'}), (b:Facility {key: 'european_ai_hub_france'})
CREATE (a)-[:INVOLVES {id: 'R090', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['欧洲人工智能中心']}]->(b);

// R091 ¶27
MATCH (a:Strategy {key: 'strat_france'}), (b:Firm {key: 'cohere'})
CREATE (a)-[:INVOLVES {id: 'R091', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['吸引…Cohere']}]->(b);

// R092 ¶28
MATCH (a:Country {key: 'germany'}), (b:Strategy {key: 'strat_germany'})
CREATE (a)-[:PURSUES {id: 'R092', source: 'src_article', para: [28], provenance: 'article', evidence_zh: ['德国AI公司Helsing专攻国防AI']}]->(b);

// R093 ¶28
MATCH (a:Firm {key: 'helsing'}), (b:Country {key: 'germany'})
CREATE (a)-[:HEADQUARTERED_IN {id: 'R093', basis: '德国AI公司, city per X03', source: 'src_article', para: [28], provenance: 'article', evidence_zh: ['德国AI公司Helsing'], evidence_en: 'German AI firm Helsing'}]->(b);

// R094 ¶28
MATCH (a:Firm {key: 'helsing'}), (b:Domain {key: 'dom_defence_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R094', method: 'real-time battlefield sensor analysis', source: 'src_article', para: [28], provenance: 'article', evidence_zh: ['专攻国防AI'], evidence_en: 'specialises in defence AI'}]->(b);

// R095 ¶28
MATCH (a:Country {key: 'germany'}), (b:Domain {key: 'dom_defence_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R095', via: 'helsing', basis: 'country-level projection of R094', source: 'src_article', para: [28], provenance: 'article', evidence_zh: ['专攻国防AI'], evidence_en: 'specialises in defence AI'}]->(b);

// R096 ¶28
MATCH (a:Strategy {key: 'strat_germany'}), (b:Firm {key: 'helsing'})
CREATE (a)-[:INVOLVES {id: 'R096', source: 'src_article', para: [28], provenance: 'article', evidence_zh: ['专攻国防AI'], evidence_en: 'specialises in defence AI'}]->(b);

// R097 ¶29
MATCH (a:Country {key: 'canada'}), (b:Strategy {key: 'strat_canada'})
CREATE (a)-[:PURSUES {id: 'R097', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['加拿大凭借多元文化优势'], evidence_en: 'Canada leans on multiculturalism'}]->(b);

// R098 ¶29
MATCH (a:Country {key: 'canada'}), (b:Application {key: 'ca_multilingual_med_assistant'})
CREATE (a)-[:DEVELOPED {id: 'R098', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['开发覆盖英语、法语、因纽特语的医疗AI助手'], evidence_en: 'a medical assistant in English, French, Inuktitut'}]->(b);

// R099 ¶29
MATCH (a:Application {key: 'ca_multilingual_med_assistant'}), (b:Population {key: 'canada_north_indigenous'})
CREATE (a)-[:SERVES {id: 'R099', people: 50000, source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['已服务5万原住民'], evidence_en: 'has served 50,000 Indigenous people'}]->(b);

// R100 ¶34
MATCH (a:Application {key: 'ca_multilingual_med_assistant'}), (b:Model {key: 'gpt_4'})
CREATE (a)-[:ADAPTED_FROM {id: 'R100', additions: ['Inuit voice interaction', 'Arctic disease knowledge base'], source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['将OpenAI的GPT-4改造为“多语言医疗助手”'], evidence_en: 'reworked GPT-4 into a multilingual medical assistant'}]->(b);

// R101 ¶29
MATCH (a:Application {key: 'ca_multilingual_med_assistant'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R101', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['医疗AI助手']}]->(b);

// R102 ¶29, 34
MATCH (a:Country {key: 'canada'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R102', source: 'src_article', para: [29, 34], provenance: 'article', evidence_zh: ['医疗AI助手']}]->(b);

// R103 ¶29
MATCH (a:Strategy {key: 'strat_canada'}), (b:Application {key: 'ca_multilingual_med_assistant'})
CREATE (a)-[:INVOLVES {id: 'R103', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['医疗AI助手']}]->(b);

// R104 ¶29
MATCH (a:Country {key: 'uae'}), (b:Strategy {key: 'strat_uae'})
CREATE (a)-[:PURSUES {id: 'R104', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['打造中东算力枢纽'], evidence_en: 'building a Middle East compute hub'}]->(b);

// R105 ¶29
MATCH (a:Country {key: 'uae'}), (b:Facility {key: 'uae_compute_hub'})
CREATE (a)-[:BUILDS {id: 'R105', enabler: 'cheap energy', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['依托廉价能源,打造中东算力枢纽']}]->(b);

// R106 ¶29
MATCH (a:Facility {key: 'uae_compute_hub'}), (b:Region {key: 'middle_east'})
CREATE (a)-[:SERVES_REGION {id: 'R106', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['中东算力枢纽'], evidence_en: 'Middle East compute hub'}]->(b);

// R107 ¶34
MATCH (a:Country {key: 'uae'}), (b:Application {key: 'uae_ecom_ai_scheduler'})
CREATE (a)-[:DEVELOPED {id: 'R107', source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['改造为“中东电商AI调度系统”'], evidence_en: 'turned into a Middle East e-commerce AI scheduler'}]->(b);

// R108 ¶34
MATCH (a:Application {key: 'uae_ecom_ai_scheduler'}), (b:Hardware {key: 'huawei_ascend_cluster'})
CREATE (a)-[:ADAPTED_FROM {id: 'R108', adapted_to: ['religious customs', 'regional geography'], source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['阿联酋将华为昇腾算力集群改造为…'], evidence_en: 'UAE reworked a Huawei Ascend cluster'}]->(b);

// R109 ¶34
MATCH (a:Hardware {key: 'huawei_ascend_cluster'}), (b:Firm {key: 'huawei'})
CREATE (a)-[:PRODUCED_BY {id: 'R109', source: 'src_article', para: [34], provenance: 'article', evidence_zh: ['华为昇腾算力集群'], evidence_en: 'Huawei Ascend cluster'}]->(b);

// R110 ¶29, 34
MATCH (a:Application {key: 'uae_ecom_ai_scheduler'}), (b:Domain {key: 'dom_ecommerce_logistics'})
CREATE (a)-[:FOCUSES_ON {id: 'R110', source: 'src_article', para: [29, 34], provenance: 'article', evidence_zh: ['为区域电商、物流企业提供定制化AI调度服务'], evidence_en: 'custom AI scheduling for regional e-commerce/logistics'}]->(b);

// R111 ¶29
MATCH (a:Country {key: 'uae'}), (b:Domain {key: 'dom_ecommerce_logistics'})
CREATE (a)-[:FOCUSES_ON {id: 'R111', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['为区域电商、物流企业提供定制化AI调度服务'], evidence_en: 'custom AI scheduling for regional e-commerce/logistics'}]->(b);

// R112 ¶29
MATCH (a:Strategy {key: 'strat_uae'}), (b:Facility {key: 'uae_compute_hub'})
CREATE (a)-[:INVOLVES {id: 'R112', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['为区域电商、物流企业提供定制化AI调度服务'], evidence_en: 'custom AI scheduling for regional e-commerce/logistics'}]->(b);

// R113 ¶24, 25
MATCH (a:Strategy {key: 'strat_uk'}), (b:Concept {key: 'small_and_specialised'})
CREATE (a)-[:FOLLOWS {id: 'R113', source: 'src_article', para: [24, 25], provenance: 'article', evidence_zh: ['聚焦“小而专”的不可替代性', '用“小赛道的深度”弥补“大赛道的广度”'], evidence_en: 'depth in small lanes instead of breadth in big ones'}]->(b);

// R114 ¶24, 25
MATCH (a:Strategy {key: 'strat_france'}), (b:Concept {key: 'small_and_specialised'})
CREATE (a)-[:FOLLOWS {id: 'R114', source: 'src_article', para: [24, 25], provenance: 'article', evidence_zh: ['聚焦“小而专”的不可替代性', '用“小赛道的深度”弥补“大赛道的广度”'], evidence_en: 'depth in small lanes instead of breadth in big ones'}]->(b);

// R115 ¶24, 25, 28
MATCH (a:Strategy {key: 'strat_germany'}), (b:Concept {key: 'small_and_specialised'})
CREATE (a)-[:FOLLOWS {id: 'R115', source: 'src_article', para: [24, 25, 28], provenance: 'article', evidence_zh: ['聚焦“小而专”的不可替代性', '用“小赛道的深度”弥补“大赛道的广度”', '在细分领域建立竞争优势'], evidence_en: 'depth in small lanes instead of breadth in big ones, build an edge in a niche'}]->(b);

// R116 ¶29
MATCH (a:Strategy {key: 'strat_canada'}), (b:Concept {key: 'small_and_specialised'})
CREATE (a)-[:FOLLOWS {id: 'R116', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['不与中美拼“大而全”,而是做“小而专”'], evidence_en: 'don\'t match US/China on scale, go small and specialised'}]->(b);

// R117 ¶29
MATCH (a:Strategy {key: 'strat_uae'}), (b:Concept {key: 'small_and_specialised'})
CREATE (a)-[:FOLLOWS {id: 'R117', source: 'src_article', para: [29], provenance: 'article', evidence_zh: ['不与中美拼“大而全”,而是做“小而专”'], evidence_en: 'don\'t match US/China on scale, go small and specialised'}]->(b);
