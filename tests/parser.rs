//! Parser tests over the public API: a golden corpus (tests/data/parser/{ok,err}), a
//! print/parse round trip over every query of the openCypher TCK and of queries/*.cypher,
//! and no-panic checks on truncated, random and deeply nested input. Semantic checks are
//! not tested here (the binder owns them).

use std::path::{Path, PathBuf};

use meridian::error::{line_col, render};
use meridian::syntax::{parse_statement, split_statements};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tck_dir() -> PathBuf {
    match std::env::var_os("MERIDIAN_TCK_DIR") {
        Some(d) => PathBuf::from(d),
        None => root().join("../shared/tck/features"),
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

/// Print, reparse, print again: the two printings must agree.
fn round_trip(q: &str) -> Result<String, String> {
    let ast = parse_statement(q).map_err(|e| format!("parse: {}: {}", e.code, e.message))?;
    let p1 = ast.to_string();
    let ast2 = parse_statement(&p1)
        .map_err(|e| format!("reparse of printed text failed: {}: {}\n--- printed:\n{p1}", e.code, e.message))?;
    let p2 = ast2.to_string();
    if p1 != p2 {
        return Err(format!("not a fixpoint:\n--- first:\n{p1}\n--- second:\n{p2}"));
    }
    Ok(p1)
}

/// A TCK query with the error the scenario expects, if any.
struct TckQuery {
    file: String,
    text: String,
    error: Option<String>,
}

/// Queries of a feature file: docstrings after "executing query:" or "having executed:",
/// with Scenario Outline placeholders expanded from the Examples tables.
fn tck_queries(path: &Path) -> Vec<TckQuery> {
    let Ok(src) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let name = path.display().to_string();
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    // Scenario blocks: (queries, expected error, examples)
    let mut k = 0;
    // (query, is it the scenario's "executing query" that the expected error is about)
    let mut scen_queries: Vec<(String, bool)> = Vec::new();
    let mut scen_error: Option<String> = None;
    let mut examples: Vec<Vec<String>> = Vec::new();
    let mut in_examples = false;
    let flush =
        |qs: &mut Vec<(String, bool)>, err: &mut Option<String>, ex: &mut Vec<Vec<String>>, out: &mut Vec<TckQuery>| {
            let expanded: Vec<(String, bool)> = if ex.len() > 1 {
                let header = ex[0].clone();
                let mut v = Vec::new();
                for row in &ex[1..] {
                    for (q, executing) in qs.iter() {
                        let mut t = q.clone();
                        for (h, val) in header.iter().zip(row) {
                            t = t.replace(&format!("<{h}>"), val);
                        }
                        v.push((t, *executing));
                    }
                }
                v
            } else {
                qs.clone()
            };
            for (t, executing) in expanded {
                out.push(TckQuery { file: name.clone(), text: t, error: if executing { err.clone() } else { None } });
            }
            qs.clear();
            *err = None;
            ex.clear();
        };
    while k < lines.len() {
        let l = lines[k].trim();
        if l.starts_with('#') {
            // Commented-out scenarios are not part of the suite.
        } else if l.starts_with("Scenario") {
            flush(&mut scen_queries, &mut scen_error, &mut examples, &mut out);
            in_examples = false;
        } else if l.starts_with("Examples") {
            in_examples = true;
        } else if in_examples && l.starts_with('|') {
            let cells: Vec<String> = l.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect();
            examples.push(cells);
        } else if l.ends_with("executing query:") || l.ends_with("having executed:") {
            let executing = l.ends_with("executing query:");
            // The docstring follows.
            let mut j = k + 1;
            while j < lines.len() && lines[j].trim() != "\"\"\"" {
                j += 1;
            }
            let mut body = Vec::new();
            let mut m = j + 1;
            while m < lines.len() && lines[m].trim() != "\"\"\"" {
                body.push(lines[m]);
                m += 1;
            }
            let indent =
                body.iter().filter(|b| !b.trim().is_empty()).map(|b| b.len() - b.trim_start().len()).min().unwrap_or(0);
            let text: Vec<&str> = body.iter().map(|b| b.get(indent..).unwrap_or("")).collect();
            let text = text.join("\n");
            scen_queries.push((text, executing));
            k = m;
        } else if let Some(rest) = l.strip_prefix("Then a ") {
            if let Some((kind, code)) = rest.split_once(" should be raised at ") {
                let code = code.split(':').nth(1).unwrap_or("").trim();
                scen_error = Some(format!("{kind}/{code}"));
            }
        }
        k += 1;
    }
    flush(&mut scen_queries, &mut scen_error, &mut examples, &mut out);
    out
}

/// Detail codes that only the parser raises.
const SYNTAX_CODES: &[&str] = &[
    "UnexpectedSyntax",
    "IntegerOverflow",
    "InvalidNumberLiteral",
    "InvalidUnicodeLiteral",
    "InvalidUnicodeCharacter",
    "FloatingPointOverflow",
    "InvalidRelationshipPattern",
];

/// Expected syntax errors that are raised later (by the binder) because they depend on
/// where an otherwise well-formed expression appears.
fn binder_owned(q: &TckQuery) -> bool {
    // Pattern expressions outside predicates (Pattern1 [22]-[24]); `size(<pattern>)`.
    q.file.contains("Pattern1") || q.file.contains("List6")
}

#[test]
fn tck_round_trip() {
    let mut paths = Vec::new();
    files(&tck_dir(), "feature", &mut paths);
    if paths.is_empty() {
        eprintln!("no TCK features found in {}", tck_dir().display());
        return;
    }
    let mut total = 0;
    let mut parsed = 0;
    let mut failures = Vec::new();
    let mut syntax_expected = 0;
    let mut syntax_ok = 0;
    for p in &paths {
        for q in tck_queries(p) {
            let code =
                q.error.as_deref().and_then(|e| e.strip_prefix("SyntaxError/")).filter(|c| SYNTAX_CODES.contains(c));
            if let Some(code) = code {
                if binder_owned(&q) {
                    continue;
                }
                syntax_expected += 1;
                match parse_statement(&q.text) {
                    Err(e) if e.code == code => syntax_ok += 1,
                    Err(e) => failures.push(format!(
                        "{}: expected SyntaxError/{code}, got {}/{}: {}\n{}",
                        q.file, e.kind, e.code, e.message, q.text
                    )),
                    Ok(_) => {
                        failures.push(format!("{}: expected SyntaxError/{code}, but it parsed\n{}", q.file, q.text))
                    }
                }
                continue;
            }
            total += 1;
            match round_trip(&q.text) {
                Ok(_) => parsed += 1,
                Err(e) => failures.push(format!("{}: {e}\n--- query:\n{}", q.file, q.text)),
            }
        }
    }
    eprintln!(
        "TCK: {parsed}/{total} queries parse and round-trip; {syntax_ok}/{syntax_expected} expected syntax errors raised with the right code"
    );
    assert!(failures.is_empty(), "{} failures:\n\n{}", failures.len(), failures.join("\n\n"));
}

#[test]
fn repo_queries_round_trip() {
    let mut paths = Vec::new();
    files(&root().join("queries"), "cypher", &mut paths);
    files(&root().join("graph"), "cypher", &mut paths);
    let mut failures = Vec::new();
    let mut checked = 0;
    for p in &paths {
        let Ok(src) = std::fs::read_to_string(p) else {
            continue;
        };
        for st in split_statements(&src) {
            // Golden files show syntax errors on purpose: only text that parses must
            // print to a fixpoint.
            if parse_statement(st.text).is_err() {
                continue;
            }
            match round_trip(st.text) {
                Ok(_) => checked += 1,
                Err(e) => failures.push(format!("{}: {e}", p.display())),
            }
        }
    }
    assert!(checked > 100, "expected the repository's query files to hold many statements, found {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn corpus() {
    let dir = root().join("tests/data/parser");
    let mut ok = Vec::new();
    files(&dir.join("ok"), "cypher", &mut ok);
    for p in ok {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let mut out = String::new();
        for st in split_statements(&src) {
            match round_trip(st.text) {
                Ok(printed) => {
                    out.push_str(&printed);
                    out.push_str(";\n\n");
                }
                Err(e) => {
                    out.push_str(&format!("!! {e}\n\n"));
                }
            }
        }
        expect_test::expect_file![p.with_extension("ast")].assert_eq(&out);
    }
    let mut errs = Vec::new();
    files(&dir.join("err"), "cypher", &mut errs);
    for p in errs {
        let src = std::fs::read_to_string(&p).unwrap_or_default();
        let mut out = String::new();
        for st in split_statements(&src) {
            match parse_statement(st.text) {
                Ok(ast) => out.push_str(&format!("!! parsed: {ast}\n\n")),
                Err(e) => {
                    let e = e.shifted(st.offset);
                    let (line, col) = line_col(&src, e.span.map_or(0, |s| s.start));
                    out.push_str(&format!("{}/{} at {line}:{col}: {}\n", e.kind, e.code, e.message));
                    out.push_str(&render(&e, "q", &src));
                    out.push('\n');
                }
            }
        }
        expect_test::expect_file![p.with_extension("err")].assert_eq(&out);
    }
}

fn no_panic(q: &str) {
    let r = std::panic::catch_unwind(|| {
        let _ = parse_statement(q);
        let _ = split_statements(q);
    });
    assert!(r.is_ok(), "panicked on {q:?}");
}

#[test]
fn truncations_do_not_panic() {
    let mut queries = Vec::new();
    let mut paths = Vec::new();
    files(&tck_dir(), "feature", &mut paths);
    for p in paths.iter().step_by(3) {
        for q in tck_queries(p) {
            queries.push(q.text);
        }
    }
    queries.push("MATCH (a:A {x: 'é\\u00e9'})-[r:T|:U*1..3 {y: [1, 2.5e3]}]->(b) WHERE a.x =~ '.*' RETURN a {.x, .*}, [p = (a)-->() WHERE true | p], EXISTS { MATCH (a) } ORDER BY a DESC SKIP 1 LIMIT 2 // c\n/* d */".to_string());
    // Every cut point of short queries, about 40 evenly spread ones of long queries
    // (unoptimized parsing of thousands of prefixes is slow).
    for q in &queries {
        let cuts: Vec<usize> = q.char_indices().map(|(k, _)| k).collect();
        let stride = (cuts.len() / 40).max(1);
        for (n, k) in cuts.iter().enumerate() {
            if n % stride == 0 || n + 1 == cuts.len() {
                no_panic(&q[..*k]);
            }
        }
    }
}

#[test]
fn random_bytes_do_not_panic() {
    // A small deterministic generator: no dependency needed.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let alphabet: Vec<char> = "()[]{}<>-=*+.,:;|$'\"`\\/ \n0123456789abcxyzMATCHRETURNé😀^%~!".chars().collect();
    for _ in 0..3000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        no_panic(&s);
        no_panic(&format!("RETURN {s}"));
        no_panic(&format!("MATCH {s}"));
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for open in ["(", "[", "{a:", "-", "NOT ", "[x IN ", "(a)-[*1..2 {a:"] {
        let q = format!("RETURN {}", open.repeat(100_000));
        let e = parse_statement(&q).unwrap_err();
        assert_eq!(e.code, "NestingTooDeep", "{open}: {}", e.message);
    }
    let q = format!("MATCH {}", "(".repeat(100_000));
    assert_eq!(parse_statement(&q).unwrap_err().code, "NestingTooDeep");
    // 50 levels are fine.
    let q = format!("RETURN {}1{}", "(".repeat(50), ")".repeat(50));
    assert!(parse_statement(&q).is_ok());
    let q = format!("RETURN {}1{}", "[".repeat(50), "]".repeat(50));
    assert!(parse_statement(&q).is_ok());
    // Patterns and parenthesized expressions share prefixes; nested ambiguity must
    // stay fast (each level is read as a pattern, then again as an expression).
    let n = 30;
    let q = format!("RETURN {}1{}", "(a {k: ".repeat(n), "}).x".repeat(n));
    let t = std::time::Instant::now();
    assert!(parse_statement(&q).is_ok());
    let n = 20;
    let q = format!("RETURN {}1{}", "[(a {k: ".repeat(n), "})-->() | 1]".repeat(n));
    assert!(parse_statement(&q).is_ok());
    assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
    // Long flat chains are fine up to the chain limit, then an error.
    let q = format!("RETURN 1{}", " + 1".repeat(900));
    assert!(parse_statement(&q).is_ok());
    let q = format!("RETURN 1{}", " + 1".repeat(100_000));
    assert_eq!(parse_statement(&q).unwrap_err().code, "NestingTooDeep");
}
