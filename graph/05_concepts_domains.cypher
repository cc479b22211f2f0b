// Meridian shipped knowledge graph, file 05: strategic domains and concepts.
// Holds the domains of FACTS.md A.6, and the concepts, roles, gaps, gap dimensions
// and niche strategies of A.7 (the middle_power node carries the definition table
// of D.1), plus the gap relationships R136-R143 (B.10), whose ends are all here.
// Relationships that tie these nodes to countries, firms and laws follow in the
// later files.

// ---- Strategic domains (A.6) ----------------------------------------------------

CREATE (:Domain {key: 'dom_chip_design', name: 'Chip design', name_zh: '芯片设计',
  provenance: 'article', sources: ['src_article'], para: [9]});
CREATE (:Domain {key: 'dom_compute_infra', name: 'Compute infrastructure', name_zh: '算力基建',
  provenance: 'article', sources: ['src_article'], para: [9, 15]});
CREATE (:Domain {key: 'dom_ai_talent', name: 'Top AI talent', name_zh: '人才储备 / 顶尖AI人才',
  provenance: 'article', sources: ['src_article'], para: [9, 22]});
CREATE (:Domain {key: 'dom_general_llm', name: 'General-purpose large models', name_zh: '通用大模型',
  provenance: 'article', sources: ['src_article'], para: [10, 22, 34]});
CREATE (:Domain {key: 'dom_general_compute', name: 'General-purpose compute', name_zh: '通用算力',
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Domain {key: 'dom_ml_research', name: 'Machine-learning research', name_zh: '机器学习研究',
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Domain {key: 'dom_life_sciences_ai', name: 'Life-sciences AI', name_zh: '生命科学(AI)',
  provenance: 'article', sources: ['src_article'], para: [10, 26]});
CREATE (:Domain {key: 'dom_medical_ai', name: 'Medical / healthcare AI', name_zh: '医疗AI',
  provenance: 'article', sources: ['src_article'], para: [26, 29, 33, 34, 35, 37]});
CREATE (:Domain {key: 'dom_defence_ai', name: 'Defence AI', name_zh: '国防AI',
  provenance: 'article', sources: ['src_article'], para: [28]});
CREATE (:Domain {key: 'dom_ecommerce_logistics', name: 'E-commerce and logistics AI scheduling', name_zh: '电商、物流(AI调度)',
  provenance: 'article', sources: ['src_article'], para: [29, 34]});
CREATE (:Domain {key: 'dom_education_ai', name: 'Education AI', name_zh: '教育AI',
  provenance: 'article', sources: ['src_article'], para: [35]});
CREATE (:Domain {key: 'dom_smart_agriculture', name: 'Smart agriculture', name_zh: '智慧农业',
  provenance: 'article', sources: ['src_article'], para: [37]});
CREATE (:Domain {key: 'dom_ai_ethics', name: 'AI ethics, safety and governance', name_zh: 'AI伦理、安全、治理',
  provenance: 'article', sources: ['src_article'], para: [35]});

// ---- The middle-power concept (A.7, definition from D.1) ------------------------

CREATE (:Concept:RoleClass {key: 'middle_power', name: 'Middle power (in AI competition)', name_zh: '中等强国',
  defined_by_size: false,
  full_chain_control: false,
  large_scale_resource_capacity: false,
  local_unique_advantage: true,
  scope: 'countries or regions (国家或地区)',
  core_traits: ['非全能性 (not all-round)', '局部不可替代性 (locally irreplaceable)'],
  can_build_general_llm_alone: false,
  core_hardware: 'mostly imported (GPUs given as example)',
  competitive_mode: 'differentiated strength in niche scenarios, from local demand or research stock, 有所为,有所不为 (choose what to do and what to leave)',
  core_examples: ['united_kingdom', 'germany', 'france', 'canada', 'uae'],
  other_named_examples: ['south_korea'],
  contrast_us: 'dominance in chip design (NVIDIA), compute (75% of GPU-cluster performance), talent (60%)',
  contrast_china: 'full chip→compute→application loop plus hundred-billion-scale policy support',
  provenance: 'article', sources: ['src_article'], para: [9, 10]});

// ---- Future roles (A.7, D.4) ------------------------------------------------------

CREATE (:Role {key: 'role_niche_standard_setter', name: 'Standard-setter for niche domains', name_zh: '细分领域的标准制定者',
  order: 1,
  provenance: 'article', sources: ['src_article'], para: [33]});
CREATE (:Role {key: 'role_conversion_intermediary', name: '"Conversion intermediary" between US/Chinese technology and local needs', name_zh: '中美技术的"转化中介"',
  order: 2,
  provenance: 'article', sources: ['src_article'], para: [34]});
CREATE (:Role {key: 'role_ethics_balancer', name: '"Balancer" of global AI ethics', name_zh: '全球AI伦理的"平衡者"',
  order: 3,
  provenance: 'article', sources: ['src_article'], para: [35]});
CREATE (:Role {key: 'role_challenger', name: 'Challenger to the US/China', name_zh: '挑战者',
  note: 'the role middle powers will not take',
  provenance: 'article', sources: ['src_article'], para: [32]});

// ---- Gaps and their dimensions (A.7, D.2) -----------------------------------------

CREATE (:Gap {key: 'gap_hard_power', name: 'Order-of-magnitude hard-power gap', name_zh: '硬实力的量级鸿沟',
  dimensions: ['compute', 'capital', 'energy'],
  provenance: 'article', sources: ['src_article'], para: [12, 13, 14, 15, 16, 17]});
CREATE (:Gap {key: 'gap_ecosystem', name: 'Missing closed-loop ecosystem', name_zh: '生态力的闭环缺失',
  dimensions: ['industry chain', 'talent flow'],
  provenance: 'article', sources: ['src_article'], para: [19, 20, 21, 22]});
CREATE (:GapDimension {key: 'dim_compute', name: 'Compute', name_zh: '算力',
  provenance: 'article', sources: ['src_article'], para: [13, 15]});
CREATE (:GapDimension {key: 'dim_capital', name: 'Capital / funding', name_zh: '资金',
  provenance: 'article', sources: ['src_article'], para: [13, 16]});
CREATE (:GapDimension {key: 'dim_energy', name: 'Energy cost', name_zh: '能源',
  provenance: 'article', sources: ['src_article'], para: [13, 17]});
CREATE (:GapDimension {key: 'dim_industry_chain', name: 'Industry chain', name_zh: '产业链',
  provenance: 'article', sources: ['src_article'], para: [20, 21]});
CREATE (:GapDimension {key: 'dim_talent_flow', name: 'Talent flow', name_zh: '人才流动',
  provenance: 'article', sources: ['src_article'], para: [20, 22]});

// ---- Other concepts (A.7) -----------------------------------------------------------

CREATE (:Concept {key: 'matthew_effect', name: 'Matthew effect ("the rich get richer") in the AI landscape, US/China exert "generational suppression" (代际压制)', name_zh: '马太效应',
  provenance: 'article', sources: ['src_article'], para: [14]});
CREATE (:Concept {key: 'bipolar_structure', name: 'US–China-led AI "bipolar structure"', name_zh: '双极格局',
  provenance: 'article', sources: ['src_article'], para: [32]});
CREATE (:Concept:Principle {key: 'small_and_specialised', name: 'Be "small and specialised" instead of "big and complete", be the "only version" in a niche, not a scaled-down US/China', name_zh: '小而专 / 大而全, 不做"缩小版",要做"唯一版"',
  provenance: 'article', sources: ['src_article'], para: [24, 29, 36]});
CREATE (:Concept:Critique {key: 'timid_and_wasteful', name: 'Jibe that Europe is "timid and useless": timid = limits iteration out of risk fear (e.g. AI Act), useless = scattered resources, low return on input', name_zh: '怂且废',
  provenance: 'article', sources: ['src_article'], para: [25, 36]});

// ---- Niche strategies (A.7, D.3) ----------------------------------------------------

CREATE (:Strategy {key: 'strat_uk', name: 'UK: machine-learning research bound to life-sciences AI, "compute sinking" into medical scenarios', name_zh: '机器学习研究+生命科学AI, 算力下沉',
  provenance: 'article', sources: ['src_article'], para: [26]});
CREATE (:Strategy {key: 'strat_france', name: 'France: national champion + European AI hub in France + attracting foreign AI firms',
  provenance: 'article', sources: ['src_article'], para: [27]});
CREATE (:Strategy {key: 'strat_germany', name: 'Germany: defence AI via Helsing',
  provenance: 'article', sources: ['src_article'], para: [28]});
CREATE (:Strategy {key: 'strat_canada', name: 'Canada: multilingual medical AI for northern Indigenous communities',
  provenance: 'article', sources: ['src_article'], para: [29]});
CREATE (:Strategy {key: 'strat_uae', name: 'UAE: cheap-energy regional compute hub offering customised AI scheduling',
  provenance: 'article', sources: ['src_article'], para: [29]});

// ==== Gaps and concepts (B.10) ======================================================

// R136 ¶12–17
MATCH (a:Concept {key: 'middle_power'}), (b:Gap {key: 'gap_hard_power'})
CREATE (a)-[:FACES_GAP {id: 'R136', versus: ['US', 'China'], source: 'src_article', para: [12, 13, 14, 15, 16, 17], provenance: 'article', evidence_zh: ['硬实力的量级鸿沟'], evidence_en: 'order-of-magnitude hard-power gap'}]->(b);

// R137 ¶19–22
MATCH (a:Concept {key: 'middle_power'}), (b:Gap {key: 'gap_ecosystem'})
CREATE (a)-[:FACES_GAP {id: 'R137', versus: ['US', 'China'], source: 'src_article', para: [19, 20, 21, 22], provenance: 'article', evidence_zh: ['生态力的闭环缺失'], evidence_en: 'missing closed-loop ecosystem'}]->(b);

// R138 ¶13, 15
MATCH (a:Gap {key: 'gap_hard_power'}), (b:GapDimension {key: 'dim_compute'})
CREATE (a)-[:HAS_DIMENSION {id: 'R138', order: 1, source: 'src_article', para: [13, 15], provenance: 'article', evidence_zh: ['算力、资金与能源'], evidence_en: 'compute, capital and energy'}]->(b);

// R139 ¶13, 16
MATCH (a:Gap {key: 'gap_hard_power'}), (b:GapDimension {key: 'dim_capital'})
CREATE (a)-[:HAS_DIMENSION {id: 'R139', order: 2, source: 'src_article', para: [13, 16], provenance: 'article', evidence_zh: ['算力、资金与能源'], evidence_en: 'compute, capital and energy'}]->(b);

// R140 ¶13, 17
MATCH (a:Gap {key: 'gap_hard_power'}), (b:GapDimension {key: 'dim_energy'})
CREATE (a)-[:HAS_DIMENSION {id: 'R140', order: 3, source: 'src_article', para: [13, 17], provenance: 'article', evidence_zh: ['算力、资金与能源'], evidence_en: 'compute, capital and energy'}]->(b);

// R141 ¶20, 21
MATCH (a:Gap {key: 'gap_ecosystem'}), (b:GapDimension {key: 'dim_industry_chain'})
CREATE (a)-[:HAS_DIMENSION {id: 'R141', order: 1, source: 'src_article', para: [20, 21], provenance: 'article', evidence_zh: ['产业链与人才流动'], evidence_en: 'industry chain and talent flow'}]->(b);

// R142 ¶20, 22
MATCH (a:Gap {key: 'gap_ecosystem'}), (b:GapDimension {key: 'dim_talent_flow'})
CREATE (a)-[:HAS_DIMENSION {id: 'R142', order: 2, source: 'src_article', para: [20, 22], provenance: 'article', evidence_zh: ['产业链与人才流动'], evidence_en: 'industry chain and talent flow'}]->(b);

// R143 ¶14
MATCH (a:Concept {key: 'matthew_effect'}), (b:Gap {key: 'gap_hard_power'})
CREATE (a)-[:DRIVES {id: 'R143', source: 'src_article', para: [14], provenance: 'article', evidence_zh: ['“马太效应”…“代际压制”'], evidence_en: 'Matthew effect, generational suppression'}]->(b);
