// Meridian shipped knowledge graph, file 20: compute.
// Holds the supercomputers, hardware and compute facilities of FACTS.md A.3
// (isambard_ai, el_capitan, frontier, aurora, huawei_ascend_cluster,
// uae_compute_hub, european_ai_hub_france, neom_zeropoint_dc), with the outside
// properties the sheet adds (Isambard-AI from X08, HPL Rmax from E.3 / X01),
// and the relationships about compute: R010 (B.1), R022 and R026 (B.2),
// US dominance R027-R029 (B.3), and TOP500 / Isambard-AI R035-R051 (B.4).
// The Isambard-AI applications (R052-R056) follow in file 40.

// ---- Supercomputers (A.3, E.3) ----------------------------------------------------

CREATE (:Supercomputer {key: 'isambard_ai', name: 'Isambard-AI',
  article_spelling: 'Isambard AI',
  country: 'UK',
  build_time_months: 11,
  cost_gbp_m: 225.0,
  top500_2025_06_rank: 11,
  compute_vs_rest_of_uk: 'exceeds all other UK supercomputers combined',
  life_sciences_resource_share: 0.80,
  research_projects_supported: '>100',
  research_projects_supported_lower_bound: 100,
  core_gpus: 'imported from the US',
  compute_described_as: 'limited (算力有限)',
  site: 'University of Bristol',
  gpu: 'NVIDIA GH200',
  gpu_count: 5448,
  rmax_pflops: 216.5,
  provenance: 'article', sources: ['src_article', 'src_x08'], para: [5, 10, 15, 21, 26],
  outside_properties: ['site', 'gpu', 'gpu_count', 'rmax_pflops'], outside_source: 'src_x08'});
CREATE (:Supercomputer {key: 'el_capitan', name: 'El Capitan',
  country: 'US',
  top500_2025_06_rank: 1,
  top500_rank_note: 'named first of the US top three',
  rmax_pflops: 1742.0,
  provenance: 'article', sources: ['src_article', 'src_x01'], para: [15],
  outside_properties: ['rmax_pflops'], outside_source: 'src_x01'});
CREATE (:Supercomputer {key: 'frontier', name: 'Frontier',
  country: 'US',
  top500_2025_06_rank: 2,
  rmax_pflops: 1353.0,
  provenance: 'article', sources: ['src_article', 'src_x01'], para: [15],
  outside_properties: ['rmax_pflops'], outside_source: 'src_x01'});
CREATE (:Supercomputer {key: 'aurora', name: 'Aurora',
  country: 'US',
  top500_2025_06_rank: 3,
  rmax_pflops: 1012.0,
  provenance: 'article', sources: ['src_article', 'src_x01'], para: [15],
  outside_properties: ['rmax_pflops'], outside_source: 'src_x01'});

// ---- Hardware and compute facilities (A.3) ---------------------------------------

CREATE (:Hardware:ComputeCluster {key: 'huawei_ascend_cluster', name: 'Huawei Ascend compute cluster', name_zh: '华为昇腾算力集群',
  vendor: 'Huawei',
  provenance: 'article', sources: ['src_article'], para: [34]});
CREATE (:Facility:Initiative {key: 'uae_compute_hub', name: 'Middle East compute hub built by the UAE', name_zh: '中东算力枢纽',
  enabler: 'cheap energy',
  clients: 'regional e-commerce and logistics firms',
  service: 'customised AI scheduling',
  provenance: 'article', sources: ['src_article'], para: [29]});
CREATE (:Facility:Initiative {key: 'european_ai_hub_france', name: 'European AI centre to be sited in France', name_zh: '欧洲人工智能中心',
  status: 'pushed by the Macron government',
  status_note: 'not stated as built',
  provenance: 'article', sources: ['src_article'], para: [27]});
CREATE (:Facility:DataCentre {key: 'neom_zeropoint_dc', name: 'NEOM ZeroPoint data centre', name_zh: 'NEOM ZeroPoint 数据中心',
  location: 'north-west Saudi Arabia',
  photo_credit: 'IDM',
  provenance: 'article', sources: ['src_article'], para: [30]});

// ==== Publication and attribution (B.1) =============================================

// R010 ¶30
MATCH (a:Organisation {key: 'idm'}), (b:Facility {key: 'neom_zeropoint_dc'})
CREATE (a)-[:PHOTO_CREDIT_FOR {id: 'R010', source: 'src_article', para: [30], provenance: 'article', evidence_zh: ['(来源:IDM)'], evidence_en: 'photo: IDM'}]->(b);

// ==== Geography of compute facilities (B.2) =========================================

// R022 ¶30
MATCH (a:Facility {key: 'neom_zeropoint_dc'}), (b:Country {key: 'saudi_arabia'})
CREATE (a)-[:LOCATED_IN {id: 'R022', area: 'north-west', source: 'src_article', para: [30], provenance: 'article', evidence_zh: ['沙特西北部'], evidence_en: 'north-west Saudi Arabia'}]->(b);

// R026 ¶27
MATCH (a:Facility {key: 'european_ai_hub_france'}), (b:Country {key: 'france'})
CREATE (a)-[:LOCATED_IN {id: 'R026', status: 'proposed', source: 'src_article', para: [27], provenance: 'article', evidence_zh: ['在法国建立欧洲人工智能中心'], evidence_en: 'set up a European AI centre in France'}]->(b);

// ==== US dominance (B.3) ============================================================

// R027 ¶9
MATCH (a:Country {key: 'united_states'}), (b:Domain {key: 'dom_chip_design'})
CREATE (a)-[:DOMINATES {id: 'R027', exemplar: 'nvidia', source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['芯片设计(英伟达)'], evidence_en: 'chip design (NVIDIA)'}]->(b);

// R028 ¶9
MATCH (a:Country {key: 'united_states'}), (b:Domain {key: 'dom_compute_infra'})
CREATE (a)-[:DOMINATES {id: 'R028', share_global_gpu_cluster_performance: 0.75, source: 'src_article', para: [9], provenance: 'article', evidence_zh: ['占有全球GPU集群性能的75%'], evidence_en: '75% of global GPU-cluster performance'}]->(b);

// R029 ¶9, 22
MATCH (a:Country {key: 'united_states'}), (b:Domain {key: 'dom_ai_talent'})
CREATE (a)-[:DOMINATES {id: 'R029', share_top_ai_talent: 0.60, note: '¶9 says 60% of top AI talent, ¶22 says more than 60% of top AI researchers, so 0.60 is a lower bound (A2)', source: 'src_article', para: [9, 22], provenance: 'article', evidence_zh: ['60%顶尖AI人才聚集', '全球60%以上的顶尖AI研究者'], evidence_en: '60% / over 60% of top AI talent'}]->(b);

// ==== Compute, TOP500 and Isambard-AI (B.4) =========================================

// R035 ¶5
MATCH (a:Country {key: 'united_kingdom'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:BUILT {id: 'R035', build_time_months: 11, cost_gbp_m: 225.0, source: 'src_article', para: [5], provenance: 'article', evidence_zh: ['用11个月匆匆建成', '造价2.25亿英镑'], evidence_en: 'rushed out in 11 months, cost £225m'}]->(b);

// R036 ¶5
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Country {key: 'united_kingdom'})
CREATE (a)-[:LOCATED_IN {id: 'R036', source: 'src_article', para: [5], provenance: 'article', evidence_zh: ['英国…超级计算机Isambard AI']}]->(b);

// R037 ¶5, 15
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'R037', rank: 11, attributed_to: 'top500_2025_06', source: 'src_article', para: [5, 15], provenance: 'article', evidence_zh: ['全球排名仅第11位'], evidence_en: 'only 11th worldwide'}]->(b);

// R038 ¶15
MATCH (a:Supercomputer {key: 'el_capitan'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'R038', rank: 1, basis: 'listing order in ¶15, confirmed by X01', attributed_to: 'top500_2025_06', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['排名前三的超算仍然是美国的El Capitan、Frontier和Aurora'], evidence_en: 'top three are still the US\'s El Capitan, Frontier, Aurora'}]->(b);

// R039 ¶15
MATCH (a:Supercomputer {key: 'frontier'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'R039', rank: 2, basis: 'listing order in ¶15, confirmed by X01', attributed_to: 'top500_2025_06', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['排名前三的超算仍然是美国的El Capitan、Frontier和Aurora'], evidence_en: 'top three are still the US\'s El Capitan, Frontier, Aurora'}]->(b);

// R040 ¶15
MATCH (a:Supercomputer {key: 'aurora'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:RANKED_IN {id: 'R040', rank: 3, basis: 'listing order in ¶15, confirmed by X01', attributed_to: 'top500_2025_06', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['排名前三的超算仍然是美国的El Capitan、Frontier和Aurora'], evidence_en: 'top three are still the US\'s El Capitan, Frontier, Aurora'}]->(b);

// R041 ¶15
MATCH (a:Supercomputer {key: 'el_capitan'}), (b:Country {key: 'united_states'})
CREATE (a)-[:LOCATED_IN {id: 'R041', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['美国的El Capitan']}]->(b);

// R042 ¶15
MATCH (a:Supercomputer {key: 'frontier'}), (b:Country {key: 'united_states'})
CREATE (a)-[:LOCATED_IN {id: 'R042', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['美国的El Capitan']}]->(b);

// R043 ¶15
MATCH (a:Supercomputer {key: 'aurora'}), (b:Country {key: 'united_states'})
CREATE (a)-[:LOCATED_IN {id: 'R043', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['美国的El Capitan']}]->(b);

// R044 ¶15
MATCH (a:Country {key: 'china'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:ABSTAINS_FROM {id: 'R044', what: 'HPL result updates', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['中国超算不再参与该HPL基准测试的数据更新'], evidence_en: 'Chinese machines no longer update HPL data'}]->(b);

// R045 ¶5
MATCH (a:Country {key: 'finland'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:HAS_SYSTEM_RANKED_ABOVE {id: 'R045', machine: 'unnamed in article (X01: LUMI)', source: 'src_article', para: [5], provenance: 'article', evidence_zh: ['连芬兰、意大利的机器都比不上'], evidence_en: 'trails even Finland\'s and Italy\'s machines'}]->(b);

// R046 ¶5
MATCH (a:Country {key: 'italy'}), (b:Supercomputer {key: 'isambard_ai'})
CREATE (a)-[:HAS_SYSTEM_RANKED_ABOVE {id: 'R046', machine: 'unnamed in article (X01: HPC6, Leonardo)', source: 'src_article', para: [5], provenance: 'article', evidence_zh: ['连芬兰、意大利的机器都比不上'], evidence_en: 'trails even Finland\'s and Italy\'s machines'}]->(b);

// R047 ¶21
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Country {key: 'united_states'})
CREATE (a)-[:IMPORTS_GPUS_FROM {id: 'R047', component: 'core GPUs', source: 'src_article', para: [21], provenance: 'article', evidence_zh: ['核心GPU需从美国进口'], evidence_en: 'core GPUs have to be imported from the US'}]->(b);

// R048 ¶21
MATCH (a:Country {key: 'united_kingdom'}), (b:Country {key: 'united_states'})
CREATE (a)-[:IMPORTS_GPUS_FROM {id: 'R048', via: 'isambard_ai', basis: 'country-level projection of R047', source: 'src_article', para: [21], provenance: 'article', evidence_zh: ['核心GPU需从美国进口'], evidence_en: 'core GPUs have to be imported from the US'}]->(b);

// R049 ¶10, 26
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Domain {key: 'dom_life_sciences_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R049', resource_share: 0.80, source: 'src_article', para: [10, 26], provenance: 'article', evidence_zh: ['将80%的资源集中在生命科学领域'], evidence_en: '80% of resources on life sciences'}]->(b);

// R050 ¶26
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Domain {key: 'dom_medical_ai'})
CREATE (a)-[:FOCUSES_ON {id: 'R050', source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['深耕医疗AI场景'], evidence_en: 'digs deep into medical-AI use cases'}]->(b);

// R051 ¶26
MATCH (a:Supercomputer {key: 'isambard_ai'}), (b:Domain {key: 'dom_general_compute'})
CREATE (a)-[:AVOIDS_COMPETING_IN {id: 'R051', rivals: ['US', 'China'], source: 'src_article', para: [26], provenance: 'article', evidence_zh: ['避开与中美在通用算力上的竞争'], evidence_en: 'steers clear of general-compute rivalry'}]->(b);
