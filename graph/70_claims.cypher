// Meridian shipped knowledge graph, file 70: derived-number claims.
// Holds the claims of FACTS.md section C as :Claim nodes (key C01 ... C21) with the
// article's stated value, and their relationships:
//   (claim)-[:STATED_IN {para}]->(src_article)        where the article states it
//   (claim)-[:ATTRIBUTED_TO]->(report or ranking)     where the article credits one
//   (jensen_huang)-[:MADE_CLAIM]->(C19)               the one quoted speaker
//   (claim)-[:DERIVED_FROM {role, property}]->(node)  each input: `property` names the
//                                                     property of that node holding it,
//                                                     `input_rel` the relationship id
//                                                     that states it on an edge
// Claim relationships have ids of the form C01.1, C01.2, ...
// `recomputable` is false where the sheet says "not recomputable" (C08-C12) or the
// claim has no figure to check (C18 conflicts with X02, C19 is a quote).

CREATE (:Claim {key: 'C01', name: 'US vs China 2024 private AI investment multiple',
  statement: 'US 2024 private AI investment is 12× China\'s',
  value: 12, unit: 'times',
  raw_figures: 'US 109.1, China 9.3 (USD bn, 2024)',
  recompute: '109.1 / 9.3 = 11.731, rounds to 12',
  recomputed_value: 11.731, recomputable: true,
  attributed_to: 'ai_index_2025',
  evidence_zh: ['2024年美国私人AI投资是中国的12倍'],
  provenance: 'article', sources: ['src_article'], para: [16], figures_para: [6]});
CREATE (:Claim {key: 'C02', name: 'US vs UK 2024 private AI investment multiple',
  statement: 'US 2024 private AI investment is 24× the UK\'s',
  value: 24, unit: 'times',
  raw_figures: 'US 109.1, UK 4.5 (USD bn, 2024)',
  recompute: '109.1 / 4.5 = 24.244, rounds to 24',
  recomputed_value: 24.244, recomputable: true,
  attributed_to: 'ai_index_2025',
  evidence_zh: ['更是英国的24倍'],
  provenance: 'article', sources: ['src_article'], para: [16], figures_para: [6]});
CREATE (:Claim {key: 'C03', name: 'UK investment is less than the US\'s small change',
  statement: 'UK\'s total is "less than the US\'s small change" (qualitative)',
  qualitative: true, unit: 'fraction',
  raw_figures: 'UK 4.5, US 109.1',
  recompute: '4.5 / 109.1 = 0.0412 (4.1%)',
  recomputed_value: 0.0412, recomputable: true,
  attributed_to: 'ai_index_2025',
  evidence_zh: ['不到美国的零头'],
  provenance: 'article', sources: ['src_article'], para: [6]});
CREATE (:Claim {key: 'C04', name: 'South Korea 2024 private AI investment',
  statement: 'Korea\'s 2024 private AI investment was only USD 1.33bn',
  value: 1.33, unit: 'USD bn',
  raw_figures: 'Korea 1.33 (USD bn, 2024)',
  recompute: 'derived (not claimed): US/Korea = 109.1 / 1.33 = 82.03, Korea/UK = 1.33 / 4.5 = 0.296',
  derived_us_over_korea: 82.03, derived_korea_over_uk: 0.296,
  recomputable: true,
  note: 'the Korean figure comes from a different source than the AI Index figures (A5)',
  attributed_to: 'kr_ai_white_paper',
  evidence_zh: ['韩国2024年民间AI投资仅13.3亿美元'],
  provenance: 'article', sources: ['src_article'], para: [16]});
CREATE (:Claim {key: 'C05', name: 'Isambard-AI ranks 11th',
  statement: 'Isambard-AI ranks 11th worldwide',
  value: 11, unit: 'rank',
  raw_figures: 'article: rank 11. Outside (X01): 10 systems with higher HPL Rmax in June 2025',
  recompute: 'count(systems above) + 1 = 10 + 1 = 11',
  recomputed_value: 11, recomputable: true,
  attributed_to: 'top500_2025_06',
  evidence_zh: ['全球排名仅第11位'],
  provenance: 'article', sources: ['src_article'], para: [5, 15]});
CREATE (:Claim {key: 'C06', name: 'Finnish and Italian machines outrank Isambard-AI',
  statement: 'Finland\'s and Italy\'s machines both outrank Isambard-AI',
  raw_figures: 'outside (X01): LUMI #9 (FI), HPC6 #6, Leonardo #10 (IT), Isambard-AI #11',
  recompute: '9 < 11, 6 < 11, 10 < 11 → true',
  recomputed_holds: true, recomputable: true,
  attributed_to: 'top500_2025_06', attribution_basis: 'implicit',
  evidence_zh: ['连芬兰、意大利的机器都比不上'],
  provenance: 'article', sources: ['src_article'], para: [5]});
CREATE (:Claim {key: 'C07', name: 'TOP500 top three are all US machines',
  statement: 'The June 2025 top three are all US machines (El Capitan, Frontier, Aurora)',
  raw_figures: 'ranks 1, 2, 3 (R038-R040, X01)',
  recompute: 'all three LOCATED_IN united_states → true',
  recomputed_holds: true, recomputable: true,
  attributed_to: 'top500_2025_06',
  evidence_zh: ['排名前三的超算仍然是美国的El Capitan、Frontier和Aurora'],
  provenance: 'article', sources: ['src_article'], para: [15]});
CREATE (:Claim {key: 'C08', name: 'Isambard-AI exceeds all other UK machines combined',
  statement: 'Isambard-AI\'s compute exceeds all other UK supercomputers combined',
  raw_figures: 'none given',
  recompute: 'not recomputable from the article',
  recomputable: false,
  evidence_zh: ['算力超过英国所有其他超级计算机的总和'],
  provenance: 'article', sources: ['src_article'], para: [5, 15]});
CREATE (:Claim {key: 'C09', name: 'US share of global GPU-cluster performance',
  statement: 'US holds 75% of global GPU-cluster performance',
  value: 0.75, unit: 'fraction',
  raw_figures: 'none given',
  recompute: 'not recomputable, source not named',
  recomputable: false,
  evidence_zh: ['占有全球GPU集群性能的75%'],
  provenance: 'article', sources: ['src_article'], para: [9]});
CREATE (:Claim {key: 'C10', name: 'US share of top AI talent',
  statement: 'US gathers 60% of top AI talent (¶9) / more than 60% of top AI researchers (¶22)',
  value: 0.60, unit: 'fraction', lower_bound: true,
  raw_figures: 'none given',
  recompute: 'not recomputable, two wordings disagree slightly (A2)',
  recomputable: false,
  evidence_zh: ['60%顶尖AI人才聚集', '全球60%以上的顶尖AI研究者'],
  provenance: 'article', sources: ['src_article'], para: [9, 22]});
CREATE (:Claim {key: 'C11', name: 'UK data-centre cost multiple of China',
  statement: 'UK data-centre operating cost is 3× China\'s',
  value: 3, unit: 'times',
  raw_figures: 'UK electricity ≈2.48 CNY/kWh given, no China price, no cost totals',
  recompute: 'not recomputable',
  recomputable: false,
  evidence_zh: ['数据中心运营成本是中国的3倍'],
  provenance: 'article', sources: ['src_article'], para: [17]});
CREATE (:Claim {key: 'C12', name: 'UK electricity price highest in Europe',
  statement: 'UK electricity price is the highest in Europe, about 2.48 CNY/kWh',
  value: 2.48, unit: 'CNY/kWh', approximate: true,
  raw_figures: 'UK 2.48 CNY/kWh, no other European prices',
  recompute: 'ranking not recomputable',
  recomputable: false,
  evidence_zh: ['英国电价是欧洲最高(大约2.48元人民币/度)'],
  provenance: 'article', sources: ['src_article'], para: [17]});
CREATE (:Claim {key: 'C13', name: 'Skin-cancer algorithm beats the average doctor',
  statement: 'Skin-cancer algorithm beats the average doctor',
  value: 0.92, unit: 'fraction (accuracy)', baseline_value: 0.85,
  raw_figures: 'algorithm 0.92, doctors 0.85',
  recompute: 'difference 0.07 (7 percentage points), ratio 0.92/0.85 = 1.082',
  recomputed_difference: 0.07, recomputed_ratio: 1.082, recomputed_holds: true,
  recomputable: true,
  evidence_zh: ['准确率达92%(高于人类医生平均水平85%)'],
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Claim {key: 'C14', name: 'Isambard-AI life-sciences share',
  statement: 'Isambard-AI puts 80% of resources into life sciences',
  value: 0.80, unit: 'fraction',
  raw_figures: 'share 0.80',
  recompute: 'remainder 1 − 0.80 = 0.20',
  recomputed_remainder: 0.20, recomputable: true,
  evidence_zh: ['将80%的资源集中在生命科学领域'],
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Claim {key: 'C15', name: 'Isambard-AI supports more than 100 projects',
  statement: 'Isambard-AI underpins more than 100 projects',
  value: 100, unit: 'research projects', lower_bound: true,
  raw_figures: 'lower bound 100',
  recomputable: true,
  evidence_zh: ['支撑起100多个研究项目'],
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Claim {key: 'C16', name: 'Dementia memory-prompt pilots',
  statement: 'Dementia memory-prompt system piloted in 20 UK care homes',
  value: 20, unit: 'care homes',
  raw_figures: '20',
  recomputable: true,
  evidence_zh: ['已在英国20家养老院试点'],
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Claim {key: 'C17', name: 'Canadian medical assistant reach',
  statement: 'Canada\'s medical assistant has served 50,000 Indigenous people',
  value: 50000, unit: 'people',
  raw_figures: '50,000',
  recomputable: true,
  evidence_zh: ['已服务5万原住民'],
  provenance: 'article', sources: ['src_article'], para: [29]});
CREATE (:Claim {key: 'C18', name: 'US notable AI models in the year',
  statement: 'The US produced 7 notable AI models in the year, Europe barely appears',
  value: 7, unit: 'notable AI models',
  raw_figures: 'US 7 (year implied 2024)',
  recompute: 'conflicts with outside X02 (AI Index 2025: US 40, China 15, Europe 3 in 2024)',
  recomputable: false,
  conflicts_with: 'X02', outside_value: 40,
  attributed_to: 'ai_index_2025', attribution_basis: 'implied by context',
  evidence_zh: ['美国全年诞生7个重要AI模型', '整个欧洲在全球重要AI模型贡献榜上难觅踪迹'],
  provenance: 'article', sources: ['src_article', 'src_x02'], para: [16],
  outside_properties: ['outside_value'], outside_source: 'src_x02'});
CREATE (:Claim {key: 'C19', name: 'Jensen Huang on winner-takes-all',
  statement: 'Jensen Huang: if the AI race is winner-takes-all, the third-placed player after China and the US gets little benefit',
  raw_figures: 'quote, no date',
  recomputable: false,
  speaker: 'jensen_huang',
  evidence_zh: ['AI竞赛若赢家通吃,中美之后的第三名很难分到多少好处。'],
  provenance: 'article', sources: ['src_article'], para: [6]});
CREATE (:Claim {key: 'C20', name: 'Isambard-AI cost and build time',
  statement: 'Isambard-AI: £225m spent over an 11-month build',
  value: 225.0, unit: 'GBP m', duration_months: 11,
  raw_figures: '225 (GBP m), 11 (months)',
  recompute: 'derived (not claimed): 225 / 11 = 20.45 GBP m per build month',
  recomputed_value: 20.45, recomputable: true,
  evidence_zh: ['用11个月匆匆建成', '造价2.25亿英镑'],
  provenance: 'article', sources: ['src_article'], para: [5]});
CREATE (:Claim {key: 'C21', name: 'EU members fund different fields',
  statement: 'The EU\'s 27 members each fund different fields (dispersion)',
  value: 27, unit: 'member states',
  raw_figures: '27',
  recomputable: true,
  evidence_zh: ['欧盟27国各自投入不同领域'],
  provenance: 'article', sources: ['src_article'], para: [36]});

// ==== Claim relationships ====================================================

// ---- C01 ----
MATCH (a:Claim {key: 'C01'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C01.1', source: 'src_article', para: [16], provenance: 'article', attributed_to: 'ai_index_2025'}]->(b);
MATCH (a:Claim {key: 'C01'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C01.2', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C01'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C01.3', role: 'numerator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R057', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C01'}), (b:Country {key: 'china'})
CREATE (a)-[:DERIVED_FROM {id: 'C01.4', role: 'denominator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R058', source: 'src_article', para: [6], provenance: 'article'}]->(b);

// ---- C02 ----
MATCH (a:Claim {key: 'C02'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C02.1', source: 'src_article', para: [16], provenance: 'article', attributed_to: 'ai_index_2025'}]->(b);
MATCH (a:Claim {key: 'C02'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C02.2', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C02'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C02.3', role: 'numerator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R057', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C02'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C02.4', role: 'denominator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R059', source: 'src_article', para: [6], provenance: 'article'}]->(b);

// ---- C03 ----
MATCH (a:Claim {key: 'C03'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C03.1', source: 'src_article', para: [6], provenance: 'article', attributed_to: 'ai_index_2025'}]->(b);
MATCH (a:Claim {key: 'C03'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C03.2', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C03'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C03.3', role: 'numerator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R059', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C03'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C03.4', role: 'denominator', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R057', source: 'src_article', para: [6], provenance: 'article'}]->(b);

// ---- C04 ----
MATCH (a:Claim {key: 'C04'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C04.1', source: 'src_article', para: [16], provenance: 'article', attributed_to: 'kr_ai_white_paper'}]->(b);
MATCH (a:Claim {key: 'C04'}), (b:Report {key: 'kr_ai_white_paper'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C04.2', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C04'}), (b:Country {key: 'south_korea'})
CREATE (a)-[:DERIVED_FROM {id: 'C04.3', role: 'subject', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R060', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C04'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C04.4', role: 'comparison', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R057', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C04'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C04.5', role: 'comparison', property: 'private_ai_investment_2024_usd_bn', input_rel: 'R059', source: 'src_article', para: [6], provenance: 'article'}]->(b);

// ---- C05 ----
MATCH (a:Claim {key: 'C05'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C05.1', source: 'src_article', para: [5, 15], provenance: 'article', attributed_to: 'top500_2025_06'}]->(b);
MATCH (a:Claim {key: 'C05'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C05.2', source: 'src_article', para: [5, 15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C05'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C05.3', role: 'subject', property: 'top500_2025_06_rank', input_rel: 'R037', source: 'src_article', para: [5, 15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C05'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:DERIVED_FROM {id: 'C05.4', role: 'ranking', note: 'count the systems RANKED_IN it with rank < 11, then add 1', source: 'src_x01', provenance: 'outside'}]->(b);

// ---- C06 ----
MATCH (a:Claim {key: 'C06'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C06.1', source: 'src_article', para: [5], provenance: 'article', attributed_to: 'top500_2025_06'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C06.2', source: 'src_article', para: [5], provenance: 'article', basis: 'implicit'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.3', role: 'subject', property: 'top500_2025_06_rank', input_rel: 'R037', source: 'src_article', para: [5, 15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Country {key: 'finland'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.4', role: 'country', input_rel: 'R045', source: 'src_article', para: [5], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Country {key: 'italy'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.5', role: 'country', input_rel: 'R046', source: 'src_article', para: [5], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Supercomputer {key: 'lumi'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.6', role: 'finland_machine', property: 'top500_2025_06_rank', input_rel: 'XR06', source: 'src_x01', provenance: 'outside'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Supercomputer {key: 'hpc6'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.7', role: 'italy_machine', property: 'top500_2025_06_rank', input_rel: 'XR03', source: 'src_x01', provenance: 'outside'}]->(b);
MATCH (a:Claim {key: 'C06'}), (b:Supercomputer {key: 'leonardo'})
CREATE (a)-[:DERIVED_FROM {id: 'C06.8', role: 'italy_machine', property: 'top500_2025_06_rank', input_rel: 'XR07', source: 'src_x01', provenance: 'outside'}]->(b);

// ---- C07 ----
MATCH (a:Claim {key: 'C07'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C07.1', source: 'src_article', para: [15], provenance: 'article', attributed_to: 'top500_2025_06'}]->(b);
MATCH (a:Claim {key: 'C07'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C07.2', source: 'src_article', para: [15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C07'}), (b:Supercomputer {key: 'el_capitan'})
CREATE (a)-[:DERIVED_FROM {id: 'C07.3', role: 'rank_1', property: 'top500_2025_06_rank', input_rel: 'R038', source: 'src_article', para: [15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C07'}), (b:Supercomputer {key: 'frontier'})
CREATE (a)-[:DERIVED_FROM {id: 'C07.4', role: 'rank_2', property: 'top500_2025_06_rank', input_rel: 'R039', source: 'src_article', para: [15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C07'}), (b:Supercomputer {key: 'aurora'})
CREATE (a)-[:DERIVED_FROM {id: 'C07.5', role: 'rank_3', property: 'top500_2025_06_rank', input_rel: 'R040', source: 'src_article', para: [15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C07'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C07.6', role: 'country', source: 'src_article', para: [15], provenance: 'article'}]->(b);

// ---- C08 ----
MATCH (a:Claim {key: 'C08'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C08.1', source: 'src_article', para: [5, 15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C08'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C08.2', role: 'subject', property: 'compute_vs_rest_of_uk', source: 'src_article', para: [5, 15], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C08'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C08.3', role: 'country', source: 'src_article', para: [5], provenance: 'article'}]->(b);

// ---- C09 ----
MATCH (a:Claim {key: 'C09'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C09.1', source: 'src_article', para: [9], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C09'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C09.2', role: 'subject', property: 'share_global_gpu_cluster_performance', input_rel: 'R028', source: 'src_article', para: [9], provenance: 'article'}]->(b);

// ---- C10 ----
MATCH (a:Claim {key: 'C10'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C10.1', source: 'src_article', para: [9, 22], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C10'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C10.2', role: 'subject', property: 'share_top_ai_talent', input_rel: 'R029', source: 'src_article', para: [9, 22], provenance: 'article'}]->(b);

// ---- C11 ----
MATCH (a:Claim {key: 'C11'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C11.1', source: 'src_article', para: [17], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C11'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C11.2', role: 'subject', property: 'data_centre_opex_multiple_of_china', input_rel: 'R066', source: 'src_article', para: [17], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C11'}), (b:Country {key: 'china'})
CREATE (a)-[:DERIVED_FROM {id: 'C11.3', role: 'comparator', input_rel: 'R066', source: 'src_article', para: [17], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C11'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C11.4', role: 'context', property: 'electricity_price_cny_per_kwh', source: 'src_article', para: [17], provenance: 'article'}]->(b);

// ---- C12 ----
MATCH (a:Claim {key: 'C12'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C12.1', source: 'src_article', para: [17], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C12'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:DERIVED_FROM {id: 'C12.2', role: 'subject', property: 'electricity_price_cny_per_kwh', source: 'src_article', para: [17], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C12'}), (b:Region {key: 'europe'})
CREATE (a)-[:DERIVED_FROM {id: 'C12.3', role: 'comparison_set', source: 'src_article', para: [17], provenance: 'article'}]->(b);

// ---- C13 ----
MATCH (a:Claim {key: 'C13'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C13.1', source: 'src_article', para: [26], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C13'}), (b:Application {key: 'skin_cancer_detector'})
CREATE (a)-[:DERIVED_FROM {id: 'C13.2', role: 'algorithm', property: 'accuracy', input_rel: 'R055', source: 'src_article', para: [26], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C13'}), (b:Application {key: 'skin_cancer_detector'})
CREATE (a)-[:DERIVED_FROM {id: 'C13.3', role: 'baseline', property: 'baseline_human_doctor_avg_accuracy', input_rel: 'R055', source: 'src_article', para: [26], provenance: 'article'}]->(b);

// ---- C14 ----
MATCH (a:Claim {key: 'C14'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C14.1', source: 'src_article', para: [26], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C14'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C14.2', role: 'subject', property: 'life_sciences_resource_share', input_rel: 'R049', source: 'src_article', para: [26], provenance: 'article'}]->(b);

// ---- C15 ----
MATCH (a:Claim {key: 'C15'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C15.1', source: 'src_article', para: [26], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C15'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C15.2', role: 'subject', property: 'research_projects_supported_lower_bound', source: 'src_article', para: [26], provenance: 'article'}]->(b);

// ---- C16 ----
MATCH (a:Claim {key: 'C16'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C16.1', source: 'src_article', para: [26], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C16'}), (b:Application {key: 'dementia_memory_prompt'})
CREATE (a)-[:DERIVED_FROM {id: 'C16.2', role: 'subject', property: 'pilot_sites', input_rel: 'R054', source: 'src_article', para: [26], provenance: 'article'}]->(b);

// ---- C17 ----
MATCH (a:Claim {key: 'C17'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C17.1', source: 'src_article', para: [29], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C17'}), (b:Application {key: 'ca_multilingual_med_assistant'})
CREATE (a)-[:DERIVED_FROM {id: 'C17.2', role: 'subject', property: 'people_served', input_rel: 'R099', source: 'src_article', para: [29], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C17'}), (b:Population {key: 'canada_north_indigenous'})
CREATE (a)-[:DERIVED_FROM {id: 'C17.3', role: 'served', property: 'served_by_assistant_people', source: 'src_article', para: [29], provenance: 'article'}]->(b);

// ---- C18 ----
MATCH (a:Claim {key: 'C18'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C18.1', source: 'src_article', para: [16], provenance: 'article', attributed_to: 'ai_index_2025'}]->(b);
MATCH (a:Claim {key: 'C18'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:ATTRIBUTED_TO {id: 'C18.2', source: 'src_article', para: [16], provenance: 'article', basis: 'implied by context'}]->(b);
MATCH (a:Claim {key: 'C18'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C18.3', role: 'stated', property: 'notable_ai_models_in_year', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C18'}), (b:Region {key: 'europe'})
CREATE (a)-[:DERIVED_FROM {id: 'C18.4', role: 'stated', property: 'notable_model_presence', source: 'src_article', para: [16], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C18'}), (b:Country {key: 'united_states'})
CREATE (a)-[:DERIVED_FROM {id: 'C18.5', role: 'outside_check', property: 'notable_ai_models_2024', source: 'src_x02', provenance: 'outside'}]->(b);
MATCH (a:Claim {key: 'C18'}), (b:Region {key: 'europe'})
CREATE (a)-[:DERIVED_FROM {id: 'C18.6', role: 'outside_check', property: 'notable_ai_models_2024', source: 'src_x02', provenance: 'outside'}]->(b);

// ---- C19 ----
MATCH (a:Claim {key: 'C19'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C19.1', source: 'src_article', para: [6], provenance: 'article'}]->(b);
MATCH (a:Person {key: 'jensen_huang'}), (b:Claim {key: 'C19'})
CREATE (a)-[:MADE_CLAIM {id: 'C19.2', source: 'src_article', para: [6], provenance: 'article'}]->(b);

// ---- C20 ----
MATCH (a:Claim {key: 'C20'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C20.1', source: 'src_article', para: [5], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C20'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C20.2', role: 'cost', property: 'cost_gbp_m', input_rel: 'R035', source: 'src_article', para: [5], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C20'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:DERIVED_FROM {id: 'C20.3', role: 'duration', property: 'build_time_months', input_rel: 'R035', source: 'src_article', para: [5], provenance: 'article'}]->(b);

// ---- C21 ----
MATCH (a:Claim {key: 'C21'}), (b:Source {key: 'src_article'})
CREATE (a)-[:STATED_IN {id: 'C21.1', source: 'src_article', para: [36], provenance: 'article'}]->(b);
MATCH (a:Claim {key: 'C21'}), (b:Bloc {key: 'european_union'})
CREATE (a)-[:DERIVED_FROM {id: 'C21.2', role: 'subject', property: 'member_count', source: 'src_article', para: [36], provenance: 'article'}]->(b);
