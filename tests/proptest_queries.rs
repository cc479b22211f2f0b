//! Property tests of whole statements, generated from a small grammar:
//!
//! * printing a parsed statement and parsing the printing again is a fixpoint (the
//!   printer's contract in src/syntax/print.rs), over expressions of every form;
//! * every read query gives the same rows (as multisets) or the same error with the
//!   optimizer's rewrite passes and without them (`Engine::without_optimizer`), on a
//!   small graph with labels, nulls, a cycle, a self-loop and parallel relationships.
//!
//! Case counts are bounded so the suite stays quick; `PROPTEST_CASES=N` raises them.

use std::cell::{Cell, RefCell};

use meridian::syntax::parse_statement;
use meridian::{Engine, Params, QueryOutput};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    Config { cases, failure_persistence: None, ..Config::default() }
}

fn pick(items: &'static [&'static str]) -> impl Strategy<Value = String> + Clone {
    prop::sample::select(items).prop_map(str::to_string)
}

// ---------------------------------------------------------------------------------
// Free-form expressions for the printer round trip (parsed only, never run).

fn literal() -> impl Strategy<Value = String> + Clone {
    prop_oneof![
        any::<i64>().prop_map(|i| i.to_string()),
        (0i64..100).prop_map(|i| i.to_string()),
        (0u32..0xffff).prop_map(|i| format!("0x{i:X}")),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| format!("{f:e}")),
        pick(&["0.5", ".5", "1e10", "1.5E-3", "-0.0", "3.0", "123456789e300"]),
        pick(&[
            "'plain'",
            "'a\\'b'",
            "\"dq \\\"x\\\"\"",
            "'\\\\ \\n \\t \\u00e9'",
            "'é 😀'",
            "''",
            "'%'",
            "'\\uD83D\\uDE00'"
        ]),
        pick(&["true", "FALSE", "null", "$p", "$0", "$`odd name`"]),
    ]
}

fn name() -> impl Strategy<Value = String> + Clone {
    pick(&["a", "b", "n", "x", "`we ird`", "`match`", "ünï", "`a``b`"])
}

fn expr() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![literal(), name(), (name(), name()).prop_map(|(v, k)| format!("{v}.{k}"))];
    leaf.prop_recursive(4, 40, 4, |e| {
        let bin = pick(&[
            "+",
            "-",
            "*",
            "/",
            "%",
            "^",
            "=",
            "<>",
            "<",
            "<=",
            ">",
            ">=",
            "AND",
            "OR",
            "XOR",
            "IN",
            "STARTS WITH",
            "ENDS WITH",
            "CONTAINS",
            "=~",
        ]);
        prop_oneof![
            (e.clone(), bin, e.clone()).prop_map(|(a, op, b)| format!("{a} {op} {b}")),
            (pick(&["NOT ", "-", "+", "- "]), e.clone()).prop_map(|(op, a)| format!("{op}{a}")),
            e.clone().prop_map(|a| format!("({a})")),
            (e.clone(), pick(&[" IS NULL", " IS NOT NULL"])).prop_map(|(a, s)| format!("{a}{s}")),
            prop::collection::vec(e.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((name(), e.clone()), 0..3).prop_map(|v| {
                format!("{{{}}}", v.iter().map(|(k, x)| format!("{k}: {x}")).collect::<Vec<_>>().join(", "))
            }),
            (pick(&["toUpper", "size", "coalesce", "abs", "count", "max", "exists", "a.b.f"]), e.clone())
                .prop_map(|(f, a)| format!("{f}({a})")),
            Just("count(*)".to_string()),
            (e.clone(), e.clone()).prop_map(|(a, b)| format!("{a}[{b}]")),
            (e.clone(), e.clone()).prop_map(|(a, b)| format!("{a}[{b}..]")),
            (e.clone(), e.clone(), e.clone()).prop_map(|(a, b, c)| format!("CASE WHEN {a} THEN {b} ELSE {c} END")),
            (e.clone(), e.clone(), e.clone()).prop_map(|(a, b, c)| format!("CASE {a} WHEN {b} THEN {c} END")),
            (name(), e.clone(), e.clone(), e.clone()).prop_map(|(v, l, w, m)| format!("[{v} IN {l} WHERE {w} | {m}]")),
            (pick(&["all", "any", "none", "single"]), name(), e.clone(), e.clone())
                .prop_map(|(q, v, l, w)| format!("{q}({v} IN {l} WHERE {w})")),
            (name(), e.clone(), name(), e.clone(), e.clone())
                .prop_map(|(acc, init, v, l, body)| format!("reduce({acc} = {init}, {v} IN {l} | {body})")),
            (name(), pick(&["A", "B:C", "`Odd Label`"])).prop_map(|(v, l)| format!("{v}:{l}")),
            (name(), name(), e.clone()).prop_map(|(v, k, x)| format!("{v} {{.{k}, .*, k: {x}}}")),
            (name(), e.clone()).prop_map(|(v, w)| format!("[({v})-->(m) WHERE {w} | m.x]")),
            name().prop_map(|v| format!("({v})-[:T]->(:A)")),
            (name(), e.clone()).prop_map(|(v, w)| format!("EXISTS {{ MATCH ({v})-->(m) WHERE {w} }}")),
        ]
    })
}

fn pattern() -> impl Strategy<Value = String> + Clone {
    let node = (prop::option::of(name()), pick(&["", ":A", ":A:B", ":`Odd Label`"]), prop::option::of(literal()))
        .prop_map(|(v, l, p)| {
            let props = p.map(|p| format!(" {{k: {p}}}")).unwrap_or_default();
            format!("({}{l}{props})", v.unwrap_or_default())
        });
    let rel = (
        pick(&["-", "<-"]),
        prop::option::of(name()),
        pick(&["", ":T", ":T|U", ":`odd type`"]),
        pick(&["", "*", "*2", "*1..3", "*..2", "*2.."]),
        pick(&["->", "-"]),
    )
        .prop_map(|(l, v, t, len, r)| {
            let inner = format!("{}{t}{len}", v.unwrap_or_default());
            if inner.is_empty() { format!("{l}{r}") } else { format!("{l}[{inner}]{r}") }
        });
    (node.clone(), prop::collection::vec((rel, node), 0..3)).prop_map(|(first, rest)| {
        let mut s = first;
        for (r, n) in rest {
            s.push_str(&r);
            s.push_str(&n);
        }
        s
    })
}

fn statement() -> impl Strategy<Value = String> {
    prop_oneof![
        (expr(), name()).prop_map(|(e, a)| format!("RETURN {e} AS {a}")),
        (pattern(), expr(), expr(), expr()).prop_map(|(p, w, r, o)| format!(
            "MATCH {p} WHERE {w} RETURN DISTINCT {r} AS x ORDER BY {o} DESC SKIP 1 LIMIT 2"
        )),
        (pattern(), pattern(), expr()).prop_map(|(p, q, w)| format!("MATCH {p} OPTIONAL MATCH {q} WHERE {w} RETURN *")),
        (expr(), name(), expr()).prop_map(|(l, v, e)| format!("UNWIND {l} AS {v} WITH {v}, {e} AS y WHERE y RETURN y")),
        (pattern(), expr()).prop_map(|(p, e)| format!("CREATE {p} SET n.x = {e}, n:A REMOVE n.y DELETE n")),
        (pattern(), expr()).prop_map(|(p, e)| format!("MERGE {p} ON CREATE SET n += {{k: {e}}} RETURN n")),
        (expr(), expr()).prop_map(|(a, b)| format!("RETURN {a} AS x UNION ALL RETURN {b} AS x")),
        (expr(), name()).prop_map(|(e, v)| format!("FOREACH ({v} IN {e} | CREATE (:A {{v: {v}}}))")),
    ]
}

/// Parse, print, parse the printing, print again: the printings must agree. Returns
/// None when the generated text does not parse at all (it may be semantically odd, but
/// the grammar is meant to produce mostly parseable text; the test checks the share).
fn round_trip(text: &str) -> Result<bool, TestCaseError> {
    let Ok(ast) = parse_statement(text) else { return Ok(false) };
    let printed = ast.to_string();
    let again = parse_statement(&printed).map_err(|e| {
        TestCaseError::fail(format!("the printing does not parse: {e:?}\ninput:   {text}\nprinted: {printed}"))
    })?;
    let twice = again.to_string();
    prop_assert_eq!(&printed, &twice, "not a fixpoint for input {}", text);
    Ok(true)
}

#[test]
fn printing_and_reparsing_is_a_fixpoint() {
    let mut runner = TestRunner::new(config(600));
    let (parsed, total) = (Cell::new(0u32), Cell::new(0u32));
    let result = runner.run(&statement(), |text| {
        total.set(total.get() + 1);
        parsed.set(parsed.get() + u32::from(round_trip(&text)?));
        Ok(())
    });
    let (parsed, total) = (parsed.get(), total.get());
    if let Err(e) = result {
        panic!("{e}");
    }
    // The grammar writes valid syntax; a low share would mean the generator rotted.
    assert!(parsed * 10 >= total * 9, "only {parsed} of {total} generated statements parsed");
}

// ---------------------------------------------------------------------------------
// Well-scoped read queries for the optimizer differential.

const GRAPH: &str = "CREATE (a:A:Person {name: 'Ann', age: 31, score: 1.5, tags: ['x', 'y']}),
  (b:B:Person {name: 'Bob', age: 45, score: 2.0}),
  (c:C {name: 'Cid', age: 7}),
  (d:A {name: 'Dee', score: 0.0}),
  (e {name: 'Eve'}),
  (f:B {age: 31}),
  (a)-[:T {w: 1}]->(b), (b)-[:T {w: 2}]->(c), (c)-[:T]->(a), (a)-[:U {w: 0.5}]->(c),
  (a)-[:U]->(c), (d)-[:T {w: 3}]->(d), (e)-[:U {w: 1}]->(a), (f)-[:T]->(b)";

fn label() -> impl Strategy<Value = String> + Clone {
    pick(&["", "", ":A", ":B", ":C", ":Person", ":Missing"])
}

fn rel() -> impl Strategy<Value = String> + Clone {
    (pick(&["-", "<-"]), pick(&["", ":T", ":U", ":T|U"]), pick(&["", "", "*1..2", "*0..1"]), pick(&["->", "-"]))
        .prop_map(|(l, t, len, r)| format!("{l}[{t}{len}]{r}"))
}

/// A literal of the types the graph's properties have, and a few that never match.
fn value() -> impl Strategy<Value = String> + Clone {
    pick(&["31", "45", "7", "0", "1.5", "2", "'Ann'", "'Bob'", "'C'", "null", "true", "[31, 45]"])
}

/// A predicate over the node variables in `vars` (and `r` when `rel` is set).
fn pred(vars: &'static [&'static str], rel: bool) -> impl Strategy<Value = String> {
    let v = pick(vars);
    let key = pick(&["name", "age", "score", "missing"]);
    let leaf = prop_oneof![
        (v.clone(), key.clone(), pick(&["=", "<>", "<", ">=", "IN"]), value())
            .prop_map(|(v, k, op, x)| format!("{v}.{k} {op} {x}")),
        (v.clone(), key.clone(), pick(&["IS NULL", "IS NOT NULL"])).prop_map(|(v, k, s)| format!("{v}.{k} {s}")),
        (v.clone(), pick(&["A", "B", "Person"])).prop_map(|(v, l)| format!("{v}:{l}")),
        (v.clone(), pick(&["STARTS WITH 'A'", "CONTAINS 'e'", "ENDS WITH 'b'"]))
            .prop_map(|(v, s)| format!("{v}.name {s}")),
        (v.clone(), v.clone()).prop_map(|(a, b)| format!("{a}.age < {b}.age")),
        (v.clone(), v.clone()).prop_map(|(a, b)| format!("{a} = {b}")),
        (v.clone(), v.clone()).prop_map(|(a, b)| format!("({a})-[:T]->({b})")),
        (v.clone(), Just(rel)).prop_map(|(a, rel)| if rel { "r.w > 0.5".into() } else { format!("{a}.age % 2 = 1") }),
        pick(&["true", "false", "null"]),
    ];
    leaf.prop_recursive(3, 12, 2, |p| {
        prop_oneof![
            (p.clone(), pick(&["AND", "OR", "XOR"]), p.clone()).prop_map(|(a, op, b)| format!("({a} {op} {b})")),
            p.prop_map(|a| format!("NOT ({a})")),
        ]
    })
}

fn projection() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("a.name AS an, b.name AS bn".to_string()),
        Just("a, b".to_string()),
        Just("DISTINCT a.age AS age".to_string()),
        pick(&["count(*)", "sum(b.age)", "min(b.name)", "max(a.score)", "count(DISTINCT b)", "avg(b.age)"])
            .prop_map(|agg| format!("a.name AS k, {agg} AS v")),
        pick(&["count(*)", "count(b.age)", "sum(a.age)"]).prop_map(|agg| format!("{agg} AS v")),
        Just("a.name AS an, c.name AS cn".to_string()),
    ]
}

fn read_query() -> impl Strategy<Value = String> {
    (
        (label(), rel(), label(), prop::option::of(pred(&["a", "b"], false))),
        prop::option::of((rel(), label(), prop::option::of(pred(&["a", "b", "c"], false)), any::<bool>())),
        prop::option::of(pred(&["a", "b"], false)),
        projection(),
        prop::option::of(any::<bool>()),
    )
        .prop_map(|((la, r, lb, w1), second, w2, proj, union)| {
            let mut q = format!("MATCH (a{la}){r}(b{lb})");
            if let Some(w) = w1 {
                q.push_str(&format!(" WHERE {w}"));
            }
            let has_c = second.is_some();
            if let Some((r2, lc, w, optional)) = second {
                q.push_str(&format!(" {}MATCH (b){r2}(c{lc})", if optional { "OPTIONAL " } else { "" }));
                if let Some(w) = w {
                    q.push_str(&format!(" WHERE {w}"));
                }
            }
            let carried = if has_c { "a, b, c" } else { "a, b" };
            if let Some(w) = w2 {
                q.push_str(&format!(" WITH {carried} WHERE {w}"));
            }
            let proj = if !has_c && proj.contains("c.name") { proj.replace("c.name", "b.name") } else { proj };
            q.push_str(&format!(" RETURN {proj}"));
            if let Some(all) = union {
                let all = if all { "ALL " } else { "" };
                q.push_str(&format!(" UNION {all}MATCH (a)-[:T]->(b:B) RETURN {}", columns_like(&proj)));
            }
            q
        })
}

/// A projection with the same column names as `proj`, for the other side of a UNION.
fn columns_like(proj: &str) -> String {
    proj.split(", ")
        .enumerate()
        .map(|(i, item)| {
            let name = item.rsplit(" AS ").next().unwrap_or(item).trim_start_matches("DISTINCT ");
            let value = if i == 0 { "a.name" } else { "b.age" };
            if item.contains(" AS ") { format!("{value} AS {name}") } else { name.to_string() }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn sorted_rows(out: &QueryOutput) -> Vec<String> {
    let mut rows: Vec<String> =
        out.rows.iter().map(|r| r.iter().map(|v| v.display(out).to_string()).collect::<Vec<_>>().join(" | ")).collect();
    rows.sort();
    rows
}

#[test]
fn the_optimizer_keeps_every_answer() {
    let params = Params::new();
    let mut optimized = Engine::new();
    let mut plain = Engine::new().without_optimizer();
    for e in [&mut optimized, &mut plain] {
        if let Err(err) = e.execute(GRAPH, &params) {
            panic!("the test graph must load: {err:?}");
        }
    }
    let (optimized, plain) = (RefCell::new(optimized), RefCell::new(plain));
    let (answered, total) = (Cell::new(0u32), Cell::new(0u32));
    let mut runner = TestRunner::new(config(300));
    let result = runner.run(&read_query(), |q| {
        total.set(total.get() + 1);
        let a = optimized.borrow_mut().execute(&q, &params);
        let b = plain.borrow_mut().execute(&q, &params);
        match (&a, &b) {
            (Ok(x), Ok(y)) => {
                answered.set(answered.get() + 1);
                prop_assert_eq!(&x.columns, &y.columns, "columns differ for {}", q);
                prop_assert_eq!(sorted_rows(x), sorted_rows(y), "rows differ for {}", q);
            }
            (Err(x), Err(y)) => prop_assert_eq!((x.kind, x.code), (y.kind, y.code), "errors differ for {}", q),
            _ => prop_assert!(false, "one plan failed for {}:\noptimized: {:?}\nplain: {:?}", q, a.is_ok(), b.is_ok()),
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let (answered, total) = (answered.get(), total.get());
    assert!(answered * 10 >= total * 8, "only {answered} of {total} generated queries ran");
}
