//! The shipped knowledge graph checked against its fact sheet. The tests parse the
//! tables of `../shared/seed/FACTS.md` (relative to the package root, or
//! `$MERIDIAN_SEED_DIR/FACTS.md` when that variable is set) and ask the graph, only
//! through the public library API (`Engine::with_default_graph`, `Engine::execute`),
//! whether every entity of sections A and E.2 is a node with the sheet's label, every
//! relationship of B and E.4 has the sheet's type and ends, every claim of C is stated
//! in the article, and every relationship carries its provenance; that the counts per
//! label and per type follow from the sheet's tables (checked against its section G),
//! keys and ids are unique, no reference dangles, a number given both on a node and on
//! a relationship is the same on both, and the outside figures (XF..) are the sheet's
//! numbers. Failures name the missing key or id, all of them in one run. These tests
//! must not read `graph/*.cypher`: the engine's answers are the witness, so a loader or
//! query bug shows up here too.

use std::collections::BTreeMap;
use std::path::PathBuf;

use meridian::{Engine, Params, QueryOutput, Value};

/// Claim inputs: one `(claim)-[:DERIVED_FROM]->(input)` per figure a claim rests on.
/// The sheet's "raw figures" column is prose, so this one count cannot be read from it;
/// graph/70_claims.cypher lists the inputs claim by claim.
const CLAIM_INPUTS: usize = 44;

/// The outside facts' figures as relationships (graph/60_outside_facts.cypher,
/// XF01-XF16), by type. They are not rows of the sheet (whose outside edges stop at
/// XR32); `outside_figures_match_the_sheet` checks each value against the text of the
/// E.1 or E.3 row it comes from.
const OUTSIDE_FIGURES: [(&str, usize); 3] = [("FUNDED", 1), ("RANKED_IN", 4), ("REPORTS_ON", 11)];

/// Relationship properties that are bookkeeping or text, never a figure to compare.
const NOT_FIGURES: [&str; 4] = ["id", "para", "year", "order"];

/// One row of an entity table (A.1-A.7, E.2).
#[derive(Debug)]
struct Entity {
    key: String,
    label: String,
    sub_label: Option<String>,
    /// `true` for section A (article entities), `false` for E.2.
    article: bool,
}

/// One row of a relationship table (B.1-B.11, E.4).
#[derive(Debug)]
struct Relationship {
    id: String,
    from: String,
    rel_type: String,
    to: String,
    /// `true` for section B (article facts), `false` for E.4.
    article: bool,
}

/// One row of the claims table (C).
#[derive(Debug)]
struct Claim {
    id: String,
    /// The `attributed_to` cell names a report or ranking (`` `ai_index_2025` ``, ...).
    attributed: bool,
    /// The row names a speaker edge `-[:MADE_CLAIM]->`.
    made_claim: bool,
}

#[derive(Debug, Default)]
struct Sheet {
    entities: Vec<Entity>,
    relationships: Vec<Relationship>,
    claims: Vec<Claim>,
    /// Outside facts of E.1: (id such as `X02`, the whole table row).
    facts: Vec<(String, String)>,
    /// Rows of the TOP500 table E.3: (rank, key, the whole row).
    top500: Vec<(i64, String, String)>,
    /// Section G: item text -> count.
    counts: BTreeMap<String, usize>,
}

impl Sheet {
    /// The count section G gives for the item whose text starts with `item`.
    fn count(&self, item: &str) -> usize {
        match self.counts.iter().find(|(k, _)| k.starts_with(item)) {
            Some((_, n)) => *n,
            None => panic!("FACTS.md section G has no row starting with {item:?}"),
        }
    }
}

fn facts_path() -> PathBuf {
    match std::env::var_os("MERIDIAN_SEED_DIR") {
        Some(dir) => PathBuf::from(dir).join("FACTS.md"),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("seed").join("FACTS.md"),
    }
}

/// The cells of a Markdown table row, trimmed; `None` for other lines. A `\|` inside a
/// cell is text, not a separator.
fn cells(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = line.strip_prefix('|')?;
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    // Text after the last `|` is not a cell (normally empty).
    Some(out)
}

/// `` `key` `` -> `key`; `None` when the cell is not one backticked word.
fn backticked(cell: &str) -> Option<String> {
    let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
    let ok = !inner.is_empty() && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then(|| inner.to_string())
}

/// `Organisation (MediaOutlet)` -> (`Organisation`, Some(`MediaOutlet`)).
fn label_cell(cell: &str) -> (String, Option<String>) {
    match cell.split_once('(') {
        Some((label, rest)) => (label.trim().to_string(), Some(rest.trim_end_matches(')').trim().to_string())),
        None => (cell.trim().to_string(), None),
    }
}

/// An id made of `prefix` followed by `digits` decimal digits, such as R001 or XR12.
fn is_id(cell: &str, prefix: &str, digits: usize) -> bool {
    cell.strip_prefix(prefix).is_some_and(|d| d.len() == digits && d.chars().all(|c| c.is_ascii_digit()))
}

fn parse_sheet(text: &str) -> Sheet {
    let mut sheet = Sheet::default();
    // The current `## ` section letter and `### ` subsection, e.g. ("A", "A.3").
    let mut section = String::new();
    let mut subsection = String::new();
    let mut section0_labels = Vec::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("### ") {
            subsection = h.split_whitespace().next().unwrap_or_default().to_string();
            continue;
        }
        if let Some(h) = line.strip_prefix("## ") {
            section = h.split_whitespace().next().unwrap_or_default().trim_end_matches('.').to_string();
            subsection.clear();
            continue;
        }
        let Some(row) = cells(line) else { continue };
        let (Some(first), Some(second)) = (row.first(), row.get(1)) else {
            continue;
        };
        if section == "0" {
            // The source record names the article's sub-label (`Source (Article)`).
            if let Some(key) = backticked(first) {
                section0_labels.push((key, label_cell(second)));
            }
            continue;
        }
        if section == "E" && subsection == "E.1" && is_id(first, "X", 2) {
            sheet.facts.push((first.clone(), line.to_string()));
            continue;
        }
        if section == "E" && subsection == "E.3" {
            if let (Ok(rank), Some(key)) = (first.parse::<i64>(), backticked(second)) {
                sheet.top500.push((rank, key, line.to_string()));
            }
            continue;
        }
        if section == "G" {
            if let Ok(n) = second.parse::<usize>() {
                sheet.counts.insert(first.clone(), n);
            }
            continue;
        }
        let in_e2 = section == "E" && subsection == "E.2";
        if section == "A" || in_e2 {
            if let Some(key) = backticked(first) {
                let (label, sub_label) = label_cell(second);
                sheet.entities.push(Entity { key, label, sub_label, article: section == "A" });
            }
            continue;
        }
        let article_rel = section == "B" && is_id(first, "R", 3);
        let outside_rel = section == "E" && subsection == "E.4" && is_id(first, "XR", 2);
        if article_rel || outside_rel {
            let from = backticked(second);
            let to = row.get(3).and_then(|c| backticked(c));
            let rel_type = row.get(2).cloned().unwrap_or_default();
            match (from, to) {
                (Some(from), Some(to)) => sheet.relationships.push(Relationship {
                    id: first.clone(),
                    from,
                    rel_type,
                    to,
                    article: article_rel,
                }),
                _ => panic!("FACTS.md: cannot read the ends of relationship {first}: {line}"),
            }
            continue;
        }
        if section == "C" && is_id(first, "C", 2) {
            let attributed = row.last().is_some_and(|c| c.starts_with('`'));
            sheet.claims.push(Claim { id: first.clone(), attributed, made_claim: line.contains("MADE_CLAIM") });
        }
    }
    for (key, (label, sub)) in section0_labels {
        if let Some(e) = sheet.entities.iter_mut().find(|e| e.key == key) {
            if e.label == label && e.sub_label.is_none() {
                e.sub_label = sub;
            }
        }
    }
    sheet
}

fn load_sheet() -> Sheet {
    let path = facts_path();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => panic!(
            "cannot read the fact sheet {} ({e}); set MERIDIAN_SEED_DIR to the folder holding FACTS.md",
            path.display()
        ),
    };
    let sheet = parse_sheet(&text);
    // Section G states how many rows each table has, so that a parser that silently
    // skips rows cannot make the other checks pass vacuously.
    let article = sheet.entities.iter().filter(|e| e.article).count();
    let outside = sheet.entities.len() - article;
    let article_rels = sheet.relationships.iter().filter(|r| r.article).count();
    let outside_rels = sheet.relationships.len() - article_rels;
    let found = (article, outside, article_rels, outside_rels, sheet.claims.len(), sheet.facts.len());
    let expected = (
        sheet.count("Article entities"),
        sheet.count("Outside-only nodes"),
        sheet.count("Article relationships"),
        sheet.count("Outside edges"),
        sheet.count("Derived claims"),
        sheet.count("Outside facts"),
    );
    assert_eq!(
        found,
        expected,
        "rows parsed from {} (entities A, entities E.2, relationships B, relationships E.4, claims C, \
         outside facts E.1) against the counts of its section G",
        path.display()
    );
    assert!(!sheet.top500.is_empty(), "no rows parsed from the TOP500 table E.3");
    sheet
}

/// What the shipped graph should hold, derived from the sheet: nodes per label and
/// relationships per type.
fn expected_labels(sheet: &Sheet) -> BTreeMap<String, i64> {
    let mut labels: BTreeMap<String, i64> = BTreeMap::new();
    for e in &sheet.entities {
        *labels.entry(e.label.clone()).or_default() += 1;
        if let Some(sub) = &e.sub_label {
            *labels.entry(sub.clone()).or_default() += 1;
        }
    }
    // One `:Source:OutsideFact` record per outside fact, one `:Claim` per claim.
    let facts = i64::try_from(sheet.facts.len()).unwrap_or(i64::MAX);
    *labels.entry("Source".to_string()).or_default() += facts;
    *labels.entry("OutsideFact".to_string()).or_default() += facts;
    *labels.entry("Claim".to_string()).or_default() += i64::try_from(sheet.claims.len()).unwrap_or(i64::MAX);
    labels
}

fn expected_types(sheet: &Sheet) -> BTreeMap<String, i64> {
    let mut types: BTreeMap<String, i64> = BTreeMap::new();
    for r in &sheet.relationships {
        *types.entry(r.rel_type.clone()).or_default() += 1;
    }
    let n = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
    *types.entry("STATED_IN".to_string()).or_default() += n(sheet.claims.len());
    *types.entry("ATTRIBUTED_TO".to_string()).or_default() += n(sheet.claims.iter().filter(|c| c.attributed).count());
    *types.entry("MADE_CLAIM".to_string()).or_default() += n(sheet.claims.iter().filter(|c| c.made_claim).count());
    *types.entry("DERIVED_FROM".to_string()).or_default() += n(CLAIM_INPUTS);
    for (t, count) in OUTSIDE_FIGURES {
        *types.entry(t.to_string()).or_default() += n(count);
    }
    types
}

fn total(map: &BTreeMap<String, i64>) -> usize {
    usize::try_from(map.values().sum::<i64>()).unwrap_or(usize::MAX)
}

fn engine() -> Engine {
    match Engine::with_default_graph() {
        Ok(engine) => engine,
        Err((file, e)) => panic!("the shipped graph does not load: {file}: {e}"),
    }
}

fn run(engine: &mut Engine, query: &str, params: &[(&str, &str)]) -> QueryOutput {
    let params: Params = params.iter().map(|(k, v)| (k.to_string(), Value::String(v.to_string()))).collect();
    match engine.execute(query, &params) {
        Ok(out) => out,
        Err(e) => panic!("query failed: {query}\n{e}"),
    }
}

fn string(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::List(items)) => items.iter().filter_map(|i| string(Some(i)).map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

/// Fail with every problem found, one per line.
fn report(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{} problem(s) with {what}:\n  {}", problems.len(), problems.join("\n  "));
}

/// `(string, integer)` rows as a map.
fn counted(out: &QueryOutput) -> BTreeMap<String, i64> {
    out.rows
        .iter()
        .filter_map(|r| match (string(r.first()), r.get(1)) {
            (Some(k), Some(Value::Int(n))) => Some((k.to_string(), *n)),
            _ => None,
        })
        .collect()
}

#[test]
fn shipped_graph_loads_with_the_expected_counts() {
    let sheet = load_sheet();
    let mut engine = engine();
    let nodes = sheet.entities.len() + sheet.facts.len() + sheet.claims.len();
    let relationships = total(&expected_types(&sheet));
    assert_eq!(engine.counts(), (nodes, relationships), "(nodes, relationships) of the shipped graph");
    // The same totals through queries, split the way graph/README.md counts them.
    let out = run(
        &mut engine,
        "MATCH (n) RETURN CASE WHEN n:Claim THEN 'claim' WHEN n:OutsideFact THEN 'outside source' \
         ELSE n.provenance END AS kind, count(*) AS n ORDER BY kind",
        &[],
    );
    let article = sheet.entities.iter().filter(|e| e.article).count();
    let n = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
    let expected: BTreeMap<String, i64> = [
        ("article", n(article)),
        ("claim", n(sheet.claims.len())),
        ("outside", n(sheet.entities.len() - article)),
        ("outside source", n(sheet.facts.len())),
    ]
    .into_iter()
    .map(|(k, n)| (k.to_string(), n))
    .collect();
    assert_eq!(counted(&out), expected, "nodes by kind");

    let out = run(
        &mut engine,
        "MATCH ()-[r]->() RETURN CASE WHEN r.id STARTS WITH 'XR' THEN 'outside' \
         WHEN r.id STARTS WITH 'XF' THEN 'outside figure' \
         WHEN r.id STARTS WITH 'R' THEN 'article' ELSE 'claim' END AS kind, count(*) AS n \
         ORDER BY kind",
        &[],
    );
    let article_rels = sheet.relationships.iter().filter(|r| r.article).count();
    let figures: usize = OUTSIDE_FIGURES.iter().map(|(_, n)| n).sum();
    let expected: BTreeMap<String, i64> = [
        ("article", n(article_rels)),
        ("claim", n(relationships - sheet.relationships.len() - figures)),
        ("outside", n(sheet.relationships.len() - article_rels)),
        ("outside figure", n(figures)),
    ]
    .into_iter()
    .map(|(k, n)| (k.to_string(), n))
    .collect();
    assert_eq!(counted(&out), expected, "relationships by kind of id");
}

#[test]
fn node_labels_and_relationship_types_have_the_sheet_counts() {
    let sheet = load_sheet();
    let mut engine = engine();
    let out = run(&mut engine, "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label", &[]);
    assert_eq!(counted(&out), expected_labels(&sheet), "nodes per label (sheet label and sub-label)");
    let out = run(&mut engine, "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type", &[]);
    assert_eq!(counted(&out), expected_types(&sheet), "relationships per type");
}

#[test]
fn keys_and_ids_are_present_and_unique() {
    let mut engine = engine();
    let mut problems = Vec::new();
    let checks = [
        (
            "node key",
            "MATCH (n) WITH n.key AS k, count(*) AS c WHERE k IS NULL OR c > 1 RETURN coalesce(k, '(none)'), c",
        ),
        (
            "relationship id",
            "MATCH ()-[r]->() WITH r.id AS k, count(*) AS c WHERE k IS NULL OR c > 1 RETURN coalesce(k, '(none)'), c",
        ),
    ];
    for (what, query) in checks {
        for row in run(&mut engine, query, &[]).rows {
            problems.push(format!("{what} {:?} held by {:?}", string(row.first()), row.get(1)));
        }
    }
    report("keys and ids", problems);
}

#[test]
fn every_sheet_entity_is_a_node_with_the_sheet_label() {
    let sheet = load_sheet();
    let mut engine = engine();
    let mut problems = Vec::new();
    for e in &sheet.entities {
        let out = run(
            &mut engine,
            "MATCH (n {key: $key}) RETURN labels(n) AS labels, n.provenance AS provenance, \
             n.para AS para, n.sources AS sources",
            &[("key", &e.key)],
        );
        let [row] = out.rows.as_slice() else {
            problems.push(format!(
                "entity `{}` ({}): {} nodes with this key, expected 1",
                e.key,
                e.label,
                out.rows.len()
            ));
            continue;
        };
        let labels = strings(row.first());
        // Label order is not part of openCypher's contract, so only membership counts.
        if !labels.contains(&e.label) {
            problems.push(format!("entity `{}`: labels {labels:?} lack the sheet's label {}", e.key, e.label));
        }
        if let Some(sub) = &e.sub_label {
            if !labels.contains(sub) {
                problems.push(format!("entity `{}`: labels {labels:?} lack the sheet's sub-label {sub}", e.key));
            }
        }
        let provenance = string(row.get(1));
        let expected = if e.article { "article" } else { "outside" };
        if provenance != Some(expected) {
            problems.push(format!("entity `{}`: provenance {provenance:?}, expected {expected:?}", e.key));
        }
        let has_para = matches!(row.get(2), Some(Value::List(p)) if !p.is_empty());
        if e.article && !has_para {
            problems.push(format!("article entity `{}` has no para", e.key));
        }
        let sources = strings(row.get(3));
        if !e.article && sources.iter().any(|s| s == "src_article") {
            problems.push(format!("outside entity `{}` cites src_article: {sources:?}", e.key));
        }
        if e.key != "src_article" && sources.is_empty() {
            problems.push(format!("entity `{}` lists no sources", e.key));
        }
    }
    report("the entities of FACTS.md A and E.2", problems);
}

#[test]
fn every_sheet_relationship_exists_with_its_type_and_ends() {
    let sheet = load_sheet();
    let mut engine = engine();
    let mut problems = Vec::new();
    for r in &sheet.relationships {
        let out = run(
            &mut engine,
            "MATCH (a)-[r]->(b) WHERE r.id = $id \
             RETURN type(r) AS type, a.key AS from, b.key AS to, r.provenance AS provenance, \
             r.source AS source",
            &[("id", &r.id)],
        );
        let [row] = out.rows.as_slice() else {
            problems.push(format!(
                "relationship {} ({} -[:{}]-> {}): {} relationships with this id, expected 1",
                r.id,
                r.from,
                r.rel_type,
                r.to,
                out.rows.len()
            ));
            continue;
        };
        let text = |i: usize| string(row.get(i)).unwrap_or("(none)");
        let (rel_type, from, to) = (text(0), text(1), text(2));
        if (rel_type, from, to) != (r.rel_type.as_str(), r.from.as_str(), r.to.as_str()) {
            problems.push(format!(
                "relationship {}: found {from} -[:{rel_type}]-> {to}, the sheet says {} -[:{}]-> {}",
                r.id, r.from, r.rel_type, r.to
            ));
        }
        let (provenance, source) = (string(row.get(3)), string(row.get(4)));
        if r.article && (provenance, source) != (Some("article"), Some("src_article")) {
            problems.push(format!("article relationship {}: provenance {provenance:?}, source {source:?}", r.id));
        }
        if !r.article && (provenance != Some("outside") || source == Some("src_article")) {
            problems.push(format!("outside relationship {}: provenance {provenance:?}, source {source:?}", r.id));
        }
    }
    report("the relationships of FACTS.md B and E.4", problems);
}

#[test]
fn every_claim_is_stated_in_the_article() {
    let sheet = load_sheet();
    let mut engine = engine();
    let mut problems = Vec::new();
    for claim in sheet.claims.iter().map(|c| &c.id) {
        let out = run(
            &mut engine,
            "MATCH (c:Claim {key: $key}) \
             OPTIONAL MATCH (c)-[s:STATED_IN]->(:Source {key: 'src_article'}) \
             RETURN count(s) AS stated_in, collect(s.para) AS para",
            &[("key", claim)],
        );
        match out.rows.as_slice() {
            [] => problems.push(format!("claim {claim}: no :Claim node with this key")),
            [row] => {
                let ok_count = row.first() == Some(&Value::Int(1));
                let ok_para = matches!(row.get(1), Some(Value::List(p))
                    if matches!(p.first(), Some(Value::List(q)) if !q.is_empty()));
                if !ok_count || !ok_para {
                    problems.push(format!(
                        "claim {claim}: STATED_IN src_article {:?}, para {:?} (expected one, with para)",
                        row.first(),
                        row.get(1)
                    ));
                }
            }
            rows => problems.push(format!("claim {claim}: {} :Claim nodes with this key", rows.len())),
        }
    }
    report("the claims of FACTS.md C", problems);
}

#[test]
fn every_relationship_carries_its_provenance() {
    let mut engine = engine();
    let out = run(
        &mut engine,
        "MATCH ()-[r]->() RETURN r.id AS id, r.source AS source, r.provenance AS provenance, \
         r.para AS para ORDER BY id",
        &[],
    );
    assert_eq!(out.rows.len(), engine.counts().1, "relationships returned");
    let mut problems = Vec::new();
    for row in &out.rows {
        let id = string(row.first()).unwrap_or("(no id)").to_string();
        let source = string(row.get(1));
        let provenance = string(row.get(2));
        let para = row.get(3);
        if source.is_none() {
            problems.push(format!("{id}: no source"));
        }
        match provenance {
            Some("article") => {
                if source.is_some_and(|s| s != "src_article") {
                    problems.push(format!("{id}: article fact with source {source:?}"));
                }
                if !matches!(para, Some(Value::List(p)) if !p.is_empty()) {
                    problems.push(format!("{id}: article fact without para"));
                }
            }
            Some("outside") => {
                if source == Some("src_article") {
                    problems.push(format!("{id}: outside fact cites src_article"));
                }
                if !matches!(para, None | Some(Value::Null)) {
                    problems.push(format!("{id}: outside fact with para {para:?}"));
                }
            }
            other => problems.push(format!("{id}: provenance {other:?}")),
        }
    }
    // Every source named must be a Source node of the same provenance.
    let out = run(
        &mut engine,
        "MATCH ()-[r]->() OPTIONAL MATCH (s:Source {key: r.source}) \
         WITH r, s WHERE s IS NULL OR s.provenance <> r.provenance \
         RETURN r.id AS id, r.source AS source ORDER BY id",
        &[],
    );
    for row in &out.rows {
        problems.push(format!(
            "{}: source {:?} is not a Source node of the same provenance",
            string(row.first()).unwrap_or("(no id)"),
            string(row.get(1))
        ));
    }
    report("relationship provenance", problems);
}

/// Every `(name, value)` row as text, for messages.
fn show(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(other) => format!("{other:?}"),
        None => "(none)".to_string(),
    }
}

#[test]
fn no_dangling_references() {
    let mut engine = engine();
    let mut problems = Vec::new();
    // Each query returns (where, what) for every reference that names nothing.
    let checks = [
        (
            "a node's `sources` entry is not a Source",
            "MATCH (n) WHERE n.sources IS NOT NULL UNWIND n.sources AS s \
             OPTIONAL MATCH (x:Source {key: s}) WITH n, s, x WHERE x IS NULL RETURN n.key, s",
        ),
        (
            "a node's `outside_source` is not an outside Source it also lists in `sources`",
            "MATCH (n) WHERE n.outside_source IS NOT NULL \
             OPTIONAL MATCH (x:Source:OutsideFact {key: n.outside_source}) \
             WITH n, x WHERE x IS NULL OR NOT n.outside_source IN n.sources RETURN n.key, n.outside_source",
        ),
        (
            "a node's `outside_properties` entry is not a property of the node",
            "MATCH (n) WHERE n.outside_properties IS NOT NULL UNWIND n.outside_properties AS p \
             WITH n, p WHERE n[p] IS NULL RETURN n.key, p",
        ),
        (
            "a node or relationship reference names no node",
            "MATCH (n) UNWIND ['attributed_to', 'publisher', 'private_ai_investment_2024_attributed_to', \
             'speaker', 'example'] AS p WITH n, p WHERE n[p] IS NOT NULL \
             OPTIONAL MATCH (x {key: n[p]}) WITH n, p, x WHERE x IS NULL RETURN n.key, p + ' = ' + n[p]",
        ),
        (
            "a relationship reference names no node",
            "MATCH ()-[r]->() UNWIND ['source', 'attributed_to', 'exemplar'] AS p \
             WITH r, p WHERE r[p] IS NOT NULL \
             OPTIONAL MATCH (x {key: r[p]}) WITH r, p, x WHERE x IS NULL RETURN r.id, p + ' = ' + r[p]",
        ),
        (
            "a country-level projection's `via` names no node",
            "MATCH ()-[r]->() WHERE r.via IS NOT NULL AND r.basis STARTS WITH 'country-level projection' \
             OPTIONAL MATCH (x {key: r.via}) WITH r, x WHERE x IS NULL RETURN r.id, r.via",
        ),
        (
            "a claim's `conflicts_with` names no outside fact",
            "MATCH (c:Claim) WHERE c.conflicts_with IS NOT NULL \
             OPTIONAL MATCH (x:OutsideFact {fact_id: c.conflicts_with}) WITH c, x WHERE x IS NULL \
             RETURN c.key, c.conflicts_with",
        ),
        (
            "a claim's `attributed_to` has no matching ATTRIBUTED_TO relationship",
            "MATCH (c:Claim) WHERE c.attributed_to IS NOT NULL \
             OPTIONAL MATCH (c)-[a:ATTRIBUTED_TO]->(x {key: c.attributed_to}) WITH c, a WHERE a IS NULL \
             RETURN c.key, c.attributed_to",
        ),
        (
            "a DERIVED_FROM `property` is not a property of its input",
            "MATCH (c)-[d:DERIVED_FROM]->(x) WHERE d.property IS NOT NULL AND x[d.property] IS NULL \
             RETURN d.id, x.key + '.' + d.property",
        ),
        (
            "a DERIVED_FROM `input_rel` is not a relationship touching its input",
            "MATCH (c)-[d:DERIVED_FROM]->(x) WHERE d.input_rel IS NOT NULL \
             OPTIONAL MATCH (x)-[i]-() WHERE i.id = d.input_rel WITH d, i WHERE i IS NULL \
             RETURN d.id, d.input_rel",
        ),
        (
            "an outside figure's `property` is not a property of its target",
            "MATCH ()-[r]->(x) WHERE r.property IS NOT NULL AND type(r) <> 'DERIVED_FROM' AND x[r.property] IS NULL \
             RETURN r.id, x.key + '.' + r.property",
        ),
        (
            "an outside figure's `article_counterpart` names no article relationship or claim",
            "MATCH ()-[r]->() WHERE r.article_counterpart IS NOT NULL \
             OPTIONAL MATCH ()-[a {id: r.article_counterpart, provenance: 'article'}]->() \
             OPTIONAL MATCH (c:Claim {key: r.article_counterpart}) \
             WITH r, a, c WHERE a IS NULL AND c IS NULL RETURN r.id, r.article_counterpart",
        ),
    ];
    for (what, query) in checks {
        for row in run(&mut engine, query, &[]).rows {
            problems.push(format!("{what}: {} {}", show(row.first()), show(row.get(1))));
        }
    }
    report("references between nodes and relationships", problems);
}

/// Numbers equal as figures: an integer and a float with the same value agree.
fn same_number(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => (*x as f64) == *y,
        _ => a == b,
    }
}

fn is_figure(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
}

#[test]
fn numbers_on_nodes_and_relationships_agree() {
    let mut engine = engine();
    let mut problems = Vec::new();
    // (1) A relationship property holding a number, a boolean flag of a figure
    // (`rmax_recalled`) included, agrees with an end node's property of the same name.
    let out = run(
        &mut engine,
        "MATCH (a)-[r]->(b) RETURN r.id AS id, properties(r) AS r, properties(a) AS a, a.key AS ak, \
         properties(b) AS b, b.key AS bk ORDER BY id",
        &[],
    );
    let mut compared = 0;
    for row in &out.rows {
        let (Some(Value::Map(rel)), Some(Value::Map(from)), Some(Value::Map(to))) =
            (row.get(1), row.get(2), row.get(4))
        else {
            problems.push(format!("{}: properties() did not return maps", show(row.first())));
            continue;
        };
        for (name, value) in rel.iter().filter(|(n, v)| is_figure(v) && !NOT_FIGURES.contains(&n.as_str())) {
            for (node, key) in [(from, row.get(3)), (to, row.get(5))] {
                if let Some(on_node) = node.get(name) {
                    compared += 1;
                    if !same_number(on_node, value) {
                        problems.push(format!(
                            "{}: {name} = {value:?} on the relationship, {on_node:?} on {}",
                            show(row.first()),
                            show(key)
                        ));
                    }
                }
            }
        }
    }
    assert!(compared >= 15, "only {compared} figures found on both a node and a relationship");
    // (2) The same figure under different names on a node and on its relationships.
    let checks = [
        (
            "RANKED_IN rank against the machine's top500_2025_06_rank",
            "MATCH (s)-[r:RANKED_IN]->(:Ranking {key: 'top500_2025_06'}) WHERE s.top500_2025_06_rank <> r.rank \
             RETURN r.id, s.top500_2025_06_rank",
        ),
        (
            "reported 2024 investment against the country's private_ai_investment_2024_usd_bn",
            "MATCH (:Report)-[r:REPORTS_ON]->(c:Country) WHERE r.value_usd_bn IS NOT NULL \
             AND (c.private_ai_investment_2024_usd_bn <> r.value_usd_bn OR r.value <> r.value_usd_bn) \
             RETURN r.id, c.private_ai_investment_2024_usd_bn",
        ),
        (
            "an outside figure against the node property it names",
            "MATCH ()-[r]->(x) WHERE r.id STARTS WITH 'XF' AND r.property IS NOT NULL AND x[r.property] <> r.value \
             RETURN r.id, x[r.property]",
        ),
        (
            "XR15's chip count against Isambard-AI's gpu_count",
            "MATCH (s)-[r:USES_CHIPS_FROM]->() WHERE s.gpu_count <> r.count RETURN r.id, s.gpu_count",
        ),
        (
            "R049's resource share against Isambard-AI's life_sciences_resource_share",
            "MATCH (s)-[r:FOCUSES_ON]->() WHERE r.resource_share IS NOT NULL \
             AND s.life_sciences_resource_share <> r.resource_share RETURN r.id, s.life_sciences_resource_share",
        ),
        (
            "R066's ratio against the UK's data_centre_opex_multiple_of_china",
            "MATCH (c)-[r:HIGHER_DC_COST_THAN]->() WHERE c.data_centre_opex_multiple_of_china <> r.ratio \
             RETURN r.id, c.data_centre_opex_multiple_of_china",
        ),
        (
            "a claim's stated value against the article figure it derives from",
            "MATCH (c:Claim)-[d:DERIVED_FROM {role: 'stated', provenance: 'article'}]->(x) \
             WHERE c.value IS NOT NULL AND toFloat(x[d.property]) IS NOT NULL AND x[d.property] <> c.value \
             RETURN c.key, x[d.property]",
        ),
    ];
    for (what, query) in checks {
        for row in run(&mut engine, query, &[]).rows {
            problems.push(format!("{what}: {} holds {}", show(row.first()), show(row.get(1))));
        }
    }
    report("numbers given both on nodes and on relationships", problems);
}

/// The figure as the sheet writes it in a table row, thousands separators removed.
fn figure_text(v: &Value) -> Option<String> {
    match v {
        Value::Int(n) => Some(n.to_string()),
        Value::Float(f) if f.fract() == 0.0 => Some(format!("{f:.0}")),
        Value::Float(f) => Some(f.to_string()),
        _ => None,
    }
}

/// Whether `number` occurs in `text` as a whole number (not inside a longer one).
fn mentions(text: &str, number: &str) -> bool {
    let text = text.replace(',', "");
    let bytes = text.as_bytes();
    let part_of_number =
        |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(|b| b.is_ascii_digit() || *b == b'.');
    text.match_indices(number).any(|(at, _)| {
        let after = at + number.len();
        // A full stop that ends a sentence is not a decimal point.
        let decimal_after = part_of_number(Some(after)) && bytes.get(after + 1).is_some_and(u8::is_ascii_digit);
        !part_of_number(at.checked_sub(1)) && !(bytes.get(after).is_some_and(u8::is_ascii_digit) || decimal_after)
    })
}

#[test]
fn outside_figures_match_the_sheet() {
    let sheet = load_sheet();
    let mut engine = engine();
    let out = run(
        &mut engine,
        "MATCH (a)-[r]->(b) WHERE r.id STARTS WITH 'XF' \
         OPTIONAL MATCH (s:Source:OutsideFact {key: r.source}) \
         RETURN r.id AS id, type(r) AS type, a.key AS from, r.provenance AS provenance, r.para AS para, \
         s.fact_id AS fact, r.value AS value, r.rank AS rank, r.rmax_pflops AS rmax, r.year AS year ORDER BY id",
        &[],
    );
    let figures: usize = OUTSIDE_FIGURES.iter().map(|(_, n)| n).sum();
    assert_eq!(out.rows.len(), figures, "outside figure relationships XF..");
    let mut problems = Vec::new();
    for row in &out.rows {
        let id = show(row.first());
        if string(row.get(3)) != Some("outside") || !matches!(row.get(4), None | Some(Value::Null)) {
            problems.push(format!("{id}: provenance {:?}, para {:?}", row.get(3), row.get(4)));
        }
        let Some(fact) = string(row.get(5)) else {
            problems.push(format!("{id}: its source is not an outside fact"));
            continue;
        };
        // A TOP500 rank is checked against its E.3 row (X01 defers to that table),
        // every other figure against the E.1 row of its fact.
        let (text, numbers) = if string(row.get(1)) == Some("RANKED_IN") {
            let from = string(row.get(2)).unwrap_or_default();
            let line = sheet.top500.iter().find(|(rank, key, _)| key == from && row.get(7) == Some(&Value::Int(*rank)));
            match line {
                Some((_, _, line)) => (line.clone(), vec![row.get(8)]),
                None => {
                    problems.push(format!("{id}: no E.3 row for {from} at rank {:?}", row.get(7)));
                    continue;
                }
            }
        } else {
            match sheet.facts.iter().find(|(x, _)| x == fact) {
                Some((_, line)) => (line.clone(), vec![row.get(6), row.get(9)]),
                None => {
                    problems.push(format!("{id}: fact {fact} is not in E.1"));
                    continue;
                }
            }
        };
        for number in numbers.into_iter().flatten().filter(|v| !matches!(v, Value::Null)) {
            match figure_text(number) {
                Some(t) if mentions(&text, &t) => {}
                _ => problems.push(format!("{id}: {number:?} does not appear in the sheet's row: {text}")),
            }
        }
    }
    report("the outside figures of E.1", problems);
}
