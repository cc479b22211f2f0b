//! The shipped knowledge graph checked against its fact sheet. The tests parse the
//! tables of `../shared/seed/FACTS.md` (relative to the package root, or
//! `$MERIDIAN_SEED_DIR/FACTS.md` when that variable is set) and ask the graph, only
//! through the public library API (`Engine::with_default_graph`, `Engine::execute`),
//! whether every entity of sections A and E.2 is a node with the sheet's label, every
//! relationship of B and E.4 has the sheet's type and ends, every claim of C is stated
//! in the article, and every relationship carries its provenance. Failures name the
//! missing key or id, all of them in one run. These tests must not read `graph/*.cypher`:
//! the engine's answers are the witness, so a loader or query bug shows up here too.

use std::collections::BTreeMap;
use std::path::PathBuf;

use meridian::{Engine, Params, QueryOutput, Value};

/// The totals the shipped graph is expected to hold (graph/README.md "Totals"):
/// 94 article entities + 10 outside-only entities + 16 outside Source records + 21
/// claims; 147 article + 32 outside + 74 claim relationships.
const NODES: usize = 141;
const RELATIONSHIPS: usize = 253;

/// Row counts of the sheet's tables (FACTS.md section G), so that a parser that
/// silently skips rows cannot make the other checks pass vacuously.
const SHEET_ENTITIES: usize = 94;
const SHEET_OUTSIDE_ENTITIES: usize = 10;
const SHEET_RELATIONSHIPS: usize = 147;
const SHEET_OUTSIDE_RELATIONSHIPS: usize = 32;
const SHEET_CLAIMS: usize = 21;

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

#[derive(Debug, Default)]
struct Sheet {
    entities: Vec<Entity>,
    relationships: Vec<Relationship>,
    claims: Vec<String>,
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
            sheet.claims.push(first.clone());
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
    let article = sheet.entities.iter().filter(|e| e.article).count();
    let outside = sheet.entities.len() - article;
    let article_rels = sheet.relationships.iter().filter(|r| r.article).count();
    let outside_rels = sheet.relationships.len() - article_rels;
    let found = (article, outside, article_rels, outside_rels, sheet.claims.len());
    let expected =
        (SHEET_ENTITIES, SHEET_OUTSIDE_ENTITIES, SHEET_RELATIONSHIPS, SHEET_OUTSIDE_RELATIONSHIPS, SHEET_CLAIMS);
    assert_eq!(
        found,
        expected,
        "rows parsed from {} (entities A, entities E.2, relationships B, relationships E.4, claims C)",
        path.display()
    );
    sheet
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

#[test]
fn shipped_graph_loads_with_the_expected_counts() {
    let mut engine = engine();
    assert_eq!(engine.counts(), (NODES, RELATIONSHIPS), "(nodes, relationships) of the shipped graph");
    // The same totals through queries, split the way graph/README.md counts them.
    let out = run(
        &mut engine,
        "MATCH (n) RETURN CASE WHEN n:Claim THEN 'claim' WHEN n:OutsideFact THEN 'outside source' \
         ELSE n.provenance END AS kind, count(*) AS n ORDER BY kind",
        &[],
    );
    let nodes: BTreeMap<String, Value> =
        out.rows.iter().filter_map(|r| Some((string(r.first())?.to_string(), r.get(1)?.clone()))).collect();
    let expected: BTreeMap<String, Value> = [("article", 94), ("claim", 21), ("outside", 10), ("outside source", 16)]
        .into_iter()
        .map(|(k, n)| (k.to_string(), Value::Int(n)))
        .collect();
    assert_eq!(nodes, expected, "nodes by kind");

    let out = run(
        &mut engine,
        "MATCH ()-[r]->() RETURN CASE WHEN r.id STARTS WITH 'XR' THEN 'outside' \
         WHEN r.id STARTS WITH 'R' THEN 'article' ELSE 'claim' END AS kind, count(*) AS n \
         ORDER BY kind",
        &[],
    );
    let rels: BTreeMap<String, Value> =
        out.rows.iter().filter_map(|r| Some((string(r.first())?.to_string(), r.get(1)?.clone()))).collect();
    let expected: BTreeMap<String, Value> = [("article", 147), ("claim", 74), ("outside", 32)]
        .into_iter()
        .map(|(k, n)| (k.to_string(), Value::Int(n)))
        .collect();
    assert_eq!(rels, expected, "relationships by kind of id");
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
    for claim in &sheet.claims {
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
    assert_eq!(out.rows.len(), RELATIONSHIPS, "relationships returned");
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
