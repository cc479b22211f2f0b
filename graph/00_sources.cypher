// Meridian shipped knowledge graph, file 00: sources, people, organisations.
// Holds the article itself (FACTS.md section 0 and A.1), the people and organisations
// of A.1, the reports and the ranking the article cites (A.5: ai_index_2025,
// kr_ai_white_paper, top500_2025_06), one Source record per outside fact (E.1,
// src_x01 ... src_x16), and the publication and attribution relationships
// R001-R007 (B.1). R008-R010 (also B.1) follow in files 10, 20 and 30, where
// their other end is created.
// Conventions are described in graph/README.md.

// ---- The article (section 0) -------------------------------------------------

CREATE (:Source:Article {key: 'src_article',
  name: 'Liu Jiale, "Middle powers\' AI breakout…"',
  name_zh: '刘嘉乐:中等强国的AI突围战…',
  title: 'Liu Jiale: the middle powers\' AI breakout — looking for a way through the gap between China and the US',
  title_zh: '刘嘉乐:中等强国的AI突围战,在中美夹缝中寻找生路 | 科技观察',
  column: 'Tech Observation', column_zh: '科技观察',
  author: 'Liu Jiale', author_zh: '刘嘉乐',
  author_note: 'named in the title, the 本文作者 (about the author) line at ¶38 is empty',
  outlet: 'Sina Finance', outlet_zh: '新浪财经',
  outlet_note: 'per the closing 来源 line, ¶39',
  date: date('2025-09-24'), time: '18:31',
  language: 'zh-CN',
  as_received: 'republished copy, its header line carries an unrelated channel tag "B站影视 内地电影" (¶2), which is not the outlet',
  seed_id: '000_388de8c0fa7566b2',
  provenance: 'article', para: [1, 2, 3, 4, 38, 39]});

// ---- Outside sources (section E.1): one record per outside fact --------------
// `statement` restates the fact, `references` are the addresses the sheet gives.

CREATE (:Source:OutsideFact {key: 'src_x01', fact_id: 'X01',
  name: 'TOP500 list, June 2025 (65th edition)', title: 'TOP500 list, June 2025 (65th edition)',
  outlet: 'top500.org', date: date('2025-06-10'),
  statement: 'TOP500 65th edition released 10 June 2025 at ISC 2025, Hamburg. Top 11 by HPL Rmax (table E.3).',
  references: ['top500.org/lists/top500/2025/06/ (list and "highs" summary)', 'bebeez.eu (2025-11-19, top ten unchanged since June)', 'redhotcyber.com (Italy 6th and 10th)', 'glennklockwood.com (Isambard-AI debut at #11, ISC25)'],
  confidence: 'high for ranks and countries, Rmax of LUMI and Leonardo recalled, not re-verified',
  provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x02', fact_id: 'X02',
  name: 'AI Index Report 2025 (Stanford HAI)', title: 'AI Index Report 2025',
  author: 'Stanford Institute for Human-Centered Artificial Intelligence', outlet: 'hai.stanford.edu',
  statement: 'AI Index 2025 (Stanford HAI): 2024 private AI investment US $109.1bn, China $9.3bn, UK $4.5bn (matches the article). Notable AI models in 2024: US 40, China 15, Europe 3 (does not match the article\'s 7).',
  references: ['hai.stanford.edu/ai-index/2025-ai-index-report', 'ciol.com (summary)'],
  confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x03', fact_id: 'X03',
  name: 'Company websites of Mistral AI, Helsing and Cohere', title: 'Company websites of Mistral AI, Helsing and Cohere',
  outlet: 'mistral.ai, helsing.ai, cohere.com',
  statement: 'HQ cities: Mistral AI — Paris, France (founded 2023), Helsing — Munich, Germany (founded 2021), Cohere — Toronto, Canada (founded 2019).',
  references: ['mistral.ai', 'helsing.ai', 'cohere.com'],
  confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x04', fact_id: 'X04',
  name: 'NVIDIA corporate information', title: 'NVIDIA corporate information', outlet: 'nvidia.com',
  statement: 'NVIDIA is headquartered in Santa Clara, California, US. Jensen Huang is its co-founder and CEO.',
  references: ['nvidia.com'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x05', fact_id: 'X05',
  name: 'OpenAI website', title: 'OpenAI website', outlet: 'openai.com',
  statement: 'OpenAI is headquartered in San Francisco, US.',
  references: ['openai.com'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x06', fact_id: 'X06',
  name: 'Huawei website', title: 'Huawei website', outlet: 'huawei.com',
  statement: 'Huawei is headquartered in Shenzhen, China. Ascend is Huawei\'s AI-processor line.',
  references: ['huawei.com'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x07', fact_id: 'X07',
  name: 'DeepSeek website', title: 'DeepSeek website', outlet: 'deepseek.com',
  statement: 'The DeepSeek models are developed by DeepSeek (Hangzhou DeepSeek Artificial Intelligence), Hangzhou, China.',
  references: ['deepseek.com'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x08', fact_id: 'X08',
  name: 'Isambard-AI system notes', title: 'Isambard-AI system notes', outlet: 'glennklockwood.com',
  statement: 'Isambard-AI is hosted by the University of Bristol (Bristol, UK), an HPE Cray EX system built on 5,448 NVIDIA GH200 Grace Hopper superchips, Rmax 216.5 PF in June 2025, public funding about £225m.',
  references: ['glennklockwood.com/garden/systems/Isambard-AI', 'PC Pro (Oct 2025) via zigzagdigitalassociates.blogspot.com'],
  confidence: 'high (chip count), high (rank/Rmax)', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x09', fact_id: 'X09',
  name: 'EU country profiles', title: 'EU country profiles', outlet: 'european-union.europa.eu',
  statement: 'The EU has 27 member states: Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland, France, Germany, Greece, Hungary, Ireland, Italy, Latvia, Lithuania, Luxembourg, Malta, Netherlands, Poland, Portugal, Romania, Slovakia, Slovenia, Spain, Sweden. The UK left on 31 January 2020.',
  references: ['european-union.europa.eu (country profiles)'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x10', fact_id: 'X10',
  name: 'Regulation (EU) 2024/1689 (AI Act)', title: 'Regulation (EU) 2024/1689 (Official Journal L)', outlet: 'eur-lex.europa.eu',
  statement: 'The AI Act is Regulation (EU) 2024/1689 of the European Union, in force since 1 August 2024, using a risk-based approach. The article\'s specific rules on medical plans and education labelling are not verified here.',
  references: ['eur-lex.europa.eu (OJ L, 2024/1689)'], confidence: 'high for identity/date', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x11', fact_id: 'X11',
  name: 'General geographic reference', title: 'General geographic reference', outlet: 'general reference',
  statement: 'Finland, Italy, Switzerland, Germany, France and the UK are European countries. Japan is in East Asia. Saudi Arabia and the UAE are in the Middle East. NEOM lies in Tabuk Province, north-west Saudi Arabia. Silicon Valley is in California, US. The universities of Cambridge and Oxford are in England, UK.',
  references: ['general reference'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x12', fact_id: 'X12',
  name: 'Stanford HAI website', title: 'Stanford HAI website', outlet: 'hai.stanford.edu',
  statement: 'The "Stanford University AI institute" that publishes the AI Index is the Stanford Institute for Human-Centered Artificial Intelligence (HAI).',
  references: ['hai.stanford.edu'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x13', fact_id: 'X13',
  name: 'Élysée website', title: 'Élysée website', outlet: 'elysee.fr',
  statement: 'Emmanuel Macron has been President of France since May 2017.',
  references: ['elysee.fr'], confidence: 'high', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x14', fact_id: 'X14',
  name: 'Chinese state media on Lianghekou', title: 'Chinese state media reporting on Lianghekou Hydropower Station', outlet: 'Chinese state media (e.g. Xinhua)',
  statement: 'Lianghekou Hydropower Station is on the Yalong River in Garzê (Ganzi) Prefecture, Sichuan, China, with about 3,000 MW installed capacity.',
  references: ['Chinese state media reporting (e.g. Xinhua)'], confidence: 'medium (capacity)', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x15', fact_id: 'X15',
  name: 'MOTIE website', title: 'MOTIE website', outlet: 'motie.go.kr',
  statement: 'Korea\'s 산업통상자원부 is rendered in English as the Ministry of Trade, Industry and Energy (MOTIE). Whether the specific March 2025 white paper exists as described was not verified.',
  references: ['motie.go.kr'], confidence: 'high (name), unverified (report)', provenance: 'outside'});
CREATE (:Source:OutsideFact {key: 'src_x16', fact_id: 'X16',
  name: 'The Next Platform on the June 2025 TOP500', title: 'The Next Platform, TOP500 coverage of 2025-06-10', outlet: 'nextplatform.com', date: date('2025-06-10'),
  statement: 'China has not submitted new HPL results for its leading systems for several years (consistent with ¶15).',
  references: ['nextplatform.com, 2025-06-10'], confidence: 'high', provenance: 'outside'});

// ---- People (A.1) ---------------------------------------------------------------

CREATE (:Person {key: 'liu_jiale', name: 'Liu Jiale', name_zh: '刘嘉乐',
  role: 'author of src_article',
  provenance: 'article', sources: ['src_article'], para: [1]});
CREATE (:Person {key: 'jensen_huang', name: 'Jensen Huang', name_zh: '黄仁勋',
  role: 'CEO of NVIDIA',
  provenance: 'article', sources: ['src_article'], para: [6]});
CREATE (:Person {key: 'emmanuel_macron', name: 'Emmanuel Macron', name_zh: '马克龙',
  role: 'heads the French government the article calls "马克龙政府"',
  provenance: 'article', sources: ['src_article'], para: [27]});

// ---- Organisations (A.1) --------------------------------------------------------

CREATE (:Organisation:MediaOutlet {key: 'sina_finance', name: 'Sina Finance', name_zh: '新浪财经',
  kind: 'Chinese financial news outlet',
  provenance: 'article', sources: ['src_article'], para: [39]});
CREATE (:Organisation:ResearchInstitute {key: 'stanford_ai_institute', name: 'Stanford University AI institute', name_zh: '斯坦福大学AI研究所',
  parent: 'Stanford University',
  note: 'identified outside as Stanford HAI (X12)',
  aka: 'Stanford HAI',
  provenance: 'article', sources: ['src_article', 'src_x12'], para: [6, 16, 22],
  outside_properties: ['aka'], outside_source: 'src_x12'});
CREATE (:Organisation:GovernmentMinistry {key: 'korea_motie', name: 'Ministry of Trade, Industry and Energy, South Korea', name_zh: '韩国产业通商资源部',
  country: 'South Korea',
  provenance: 'article', sources: ['src_article'], para: [16]});
CREATE (:Organisation:University {key: 'univ_cambridge', name: 'University of Cambridge', name_zh: '剑桥',
  note: 'called a top European institution',
  provenance: 'article', sources: ['src_article'], para: [22]});
CREATE (:Organisation:University {key: 'univ_oxford', name: 'University of Oxford', name_zh: '牛津',
  note: 'called a top European institution',
  provenance: 'article', sources: ['src_article'], para: [22]});
CREATE (:Organisation:NewsAgency {key: 'xinhua', name: 'Xinhua News Agency', name_zh: '新华社',
  role: 'photo credit for ¶18',
  provenance: 'article', sources: ['src_article'], para: [18]});
CREATE (:Organisation {key: 'idm', name: 'IDM', name_zh: 'IDM',
  note: 'not identified further in the article',
  role: 'photo credit for ¶30',
  provenance: 'article', sources: ['src_article'], para: [30]});

// ---- Reports and ranking cited by the article (A.5) -------------------------------

CREATE (:Report {key: 'ai_index_2025', name: 'AI Index Report 2025', name_zh: '《2025年人工智能指数报告》',
  publisher: 'stanford_ai_institute', published: date('2025-04'), published_precision: 'month',
  provenance: 'article', sources: ['src_article'], para: [6, 16]});
CREATE (:Report {key: 'kr_ai_white_paper', name: 'AI Industry Development White Paper (South Korea)', name_zh: '《人工智能产业发展白皮书》',
  publisher: 'korea_motie', published: date('2025-03'), published_precision: 'month',
  note: 'existence as described not verified outside (X15)',
  provenance: 'article', sources: ['src_article'], para: [16]});
CREATE (:Ranking {key: 'top500_2025_06', name: 'TOP500 supercomputer list, 65th edition (June 2025)', name_zh: '第65届TOP500超级计算机榜单',
  published: date('2025-06'), published_precision: 'month', benchmark: 'HPL', edition: 65,
  provenance: 'article', sources: ['src_article'], para: [15]});

// ==== Publication and attribution (B.1) =============================================

// R001 ¶1
MATCH (a:Source {key: 'src_article'}), (b:Person {key: 'liu_jiale'})
CREATE (a)-[:AUTHORED_BY {id: 'R001', source: 'src_article', para: [1], provenance: 'article', evidence_zh: ['刘嘉乐:中等强国的AI突围战'], evidence_en: 'byline in the title'}]->(b);

// R002 ¶39
MATCH (a:Source {key: 'src_article'}), (b:Organisation {key: 'sina_finance'})
CREATE (a)-[:PUBLISHED_BY {id: 'R002', date: date('2025-09-24'), source: 'src_article', para: [39], provenance: 'article', evidence_zh: ['来源:新浪财经'], evidence_en: 'source: Sina Finance'}]->(b);

// R003 ¶6, 16
MATCH (a:Source {key: 'src_article'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:CITES {id: 'R003', source: 'src_article', para: [6, 16], provenance: 'article', evidence_zh: ['《2025年人工智能指数报告》显示'], evidence_en: 'the 2025 AI Index shows'}]->(b);

// R004 ¶16
MATCH (a:Source {key: 'src_article'}), (b:Report {key: 'kr_ai_white_paper'})
CREATE (a)-[:CITES {id: 'R004', source: 'src_article', para: [16], provenance: 'article', evidence_zh: ['《人工智能产业发展白皮书》显示'], evidence_en: 'the white paper shows'}]->(b);

// R005 ¶15
MATCH (a:Source {key: 'src_article'}), (b:Ranking {key: 'top500_2025_06'})
CREATE (a)-[:CITES {id: 'R005', source: 'src_article', para: [15], provenance: 'article', evidence_zh: ['第65届TOP500超级计算机榜单'], evidence_en: 'the 65th TOP500 list'}]->(b);

// R006 ¶6
MATCH (a:Organisation {key: 'stanford_ai_institute'}), (b:Report {key: 'ai_index_2025'})
CREATE (a)-[:PUBLISHED {id: 'R006', date: date('2025-04'), date_precision: 'month', source: 'src_article', para: [6], provenance: 'article', evidence_zh: ['今年4月,斯坦福大学AI研究所发布'], evidence_en: 'released by Stanford\'s AI institute in April'}]->(b);

// R007 ¶16
MATCH (a:Organisation {key: 'korea_motie'}), (b:Report {key: 'kr_ai_white_paper'})
CREATE (a)-[:PUBLISHED {id: 'R007', date: date('2025-03'), date_precision: 'month', source: 'src_article', para: [16], provenance: 'article', evidence_zh: ['韩国产业通商资源部今年3月发布'], evidence_en: 'Korea\'s trade/industry/energy ministry, March'}]->(b);
