//! Running one TCK case: the step vocabulary of the openCypher TCK, executed against a
//! fresh `Engine` per case. Each step either passes or fails the case with a one-line
//! reason (used in the skip list) and a detail text (query and diff, printed for
//! unexpected failures). This module must not decide what a failure means for the run:
//! the skip-list ratchet lives in `main`.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::LazyLock;
use std::time::Duration;

use meridian::{Engine, Error, ErrorKind, Params, Phase, QueryOutput, Stats};
use regex::Regex;

use crate::cases::{Case, Step};
use crate::values::{self, Tv};

/// Per-query timeout handed to the engine.
pub const QUERY_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Clone, Debug)]
pub enum Outcome {
    Pass,
    Fail { reason: String, detail: String },
}

fn fail(reason: impl Into<String>, detail: impl Into<String>) -> Outcome {
    Outcome::Fail { reason: one_line(&reason.into()), detail: detail.into() }
}

/// Skip-list reasons are single lines without tabs, of bounded length.
pub fn one_line(s: &str) -> String {
    let flat: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let flat = flat.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 160 {
        let cut: String = flat.chars().take(157).collect();
        format!("{cut}...")
    } else {
        flat
    }
}

/// What the steps need from an engine: `Engine` in the run, a scripted fake in the
/// self-tests (so the step logic is tested before the real engine exists).
pub trait Backend {
    fn execute(&mut self, query: &str, params: &Params) -> Result<QueryOutput, Error>;
    fn run_script(&mut self, script: &str) -> Result<(), Error>;
    /// What the TCK's observability queries see of the graph; `None` when the backend
    /// cannot tell (the self-tests' fake), and the engine's own counters are used.
    fn observe(&mut self) -> Option<Observation> {
        None
    }
    /// Declare a procedure answered from a table; false when the backend cannot.
    fn define_procedure(&mut self, _procedure: meridian::procedures::TableProcedure) -> bool {
        false
    }
}

/// The graph as the TCK's side-effect definitions observe it: node and relationship
/// identities, (entity, key, value) property triples and distinct labels.
#[derive(Default)]
pub struct Observation {
    nodes: Vec<String>,
    rels: Vec<String>,
    props: Vec<String>,
    labels: Vec<String>,
}

/// Number of elements of `a` not matched by an element of `b` (multiset difference).
fn missing_from(a: &[String], b: &[String]) -> u64 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for x in b {
        *counts.entry(x).or_default() += 1;
    }
    let mut n = 0;
    for x in a {
        let c = counts.entry(x).or_default();
        if *c > 0 {
            *c -= 1;
        } else {
            n += 1;
        }
    }
    n
}

impl Observation {
    /// The side effects that turn `before` into `self`, as the TCK counts them.
    fn since(&self, before: &Observation) -> Stats {
        Stats {
            nodes_created: missing_from(&self.nodes, &before.nodes),
            nodes_deleted: missing_from(&before.nodes, &self.nodes),
            relationships_created: missing_from(&self.rels, &before.rels),
            relationships_deleted: missing_from(&before.rels, &self.rels),
            properties_set: missing_from(&self.props, &before.props),
            properties_removed: missing_from(&before.props, &self.props),
            labels_added: missing_from(&self.labels, &before.labels),
            labels_removed: missing_from(&before.labels, &self.labels),
        }
    }
}

impl Backend for Engine {
    fn execute(&mut self, query: &str, params: &Params) -> Result<QueryOutput, Error> {
        Engine::execute(self, query, params)
    }
    fn run_script(&mut self, script: &str) -> Result<(), Error> {
        Engine::run_script(self, script)
    }
    fn define_procedure(&mut self, procedure: meridian::procedures::TableProcedure) -> bool {
        self.register_table_procedure(procedure);
        true
    }
    fn observe(&mut self) -> Option<Observation> {
        let nodes = Engine::execute(self, "MATCH (n) RETURN n", &Params::new()).ok()?;
        let rels = Engine::execute(self, "MATCH ()-[r]->() RETURN r", &Params::new()).ok()?;
        let mut o = Observation::default();
        for (id, n) in &nodes.nodes {
            o.nodes.push(format!("{id:?}"));
            for (k, v) in &n.properties {
                o.props.push(format!("{id:?}/{k}/{v:?}"));
            }
            for l in &n.labels {
                if !o.labels.contains(l) {
                    o.labels.push(l.clone());
                }
            }
        }
        for (id, r) in &rels.rels {
            o.rels.push(format!("{id:?}"));
            for (k, v) in &r.properties {
                o.props.push(format!("{id:?}/{k}/{v:?}"));
            }
        }
        Some(o)
    }
}

struct World<'a, B: Backend> {
    engine: B,
    params: Params,
    graphs_dir: &'a Path,
    /// The last `executing query` or `executing control query`, and its result.
    last_query: String,
    last: Option<Result<QueryOutput, Error>>,
    /// Side effects of the last `executing query` (control queries do not count).
    last_stats: Option<Stats>,
}

fn err_name(e: &Error) -> String {
    format!("{}/{}", e.kind.name(), e.code)
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::CompileTime => "compile time",
        Phase::Runtime => "runtime",
    }
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect::<String>()
}

static GRAPH: LazyLock<Regex> = LazyLock::new(|| re(r"^the ([A-Za-z0-9_-]+) graph$"));
static RESULT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^the result should be(, in (any )?order)?( \(ignoring element order for lists\))?:$"));
static ERROR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^an? ([A-Za-z]+) should be raised at (compile time|runtime|any time): (\S+)$"));

fn re(s: &str) -> Regex {
    // The patterns are constants of this file; a typo is a harness bug found on first run.
    Regex::new(s).unwrap_or_else(|e| panic!("bad harness regex {s}: {e}"))
}

/// Run every step of `case` on a fresh engine.
pub fn run_case(case: &Case, graphs_dir: &Path) -> Outcome {
    let mut engine = Engine::new();
    engine.set_timeout(Some(QUERY_TIMEOUT));
    run_case_on(engine, case, graphs_dir)
}

/// Run every step of `case` on `engine`.
pub fn run_case_on<B: Backend>(engine: B, case: &Case, graphs_dir: &Path) -> Outcome {
    let mut w =
        World { engine, params: Params::new(), graphs_dir, last_query: String::new(), last: None, last_stats: None };
    for step in &case.steps {
        let r = catch_unwind(AssertUnwindSafe(|| run_step(&mut w, step)));
        let outcome = match r {
            Ok(o) => o,
            Err(payload) => {
                let msg = crate::panic_message(&payload);
                fail(
                    format!("panic: {msg}"),
                    format!(
                        "panic in step `{} {}`: {msg}\n  query:\n{}",
                        step.keyword,
                        step.text,
                        indent(step.docstring.as_deref().unwrap_or(&w.last_query))
                    ),
                )
            }
        };
        if let Outcome::Fail { .. } = outcome {
            return outcome;
        }
    }
    Outcome::Pass
}

fn run_step<B: Backend>(w: &mut World<B>, step: &Step) -> Outcome {
    let text = step.text.as_str();
    match text {
        "an empty graph" | "any graph" => return Outcome::Pass,
        "having executed:" => return having_executed(w, step),
        "parameters are:" => return parameters(w, step),
        "executing query:" => return execute(w, step, false),
        "executing control query:" => return execute(w, step, true),
        "the result should be empty" => return result_empty(w),
        "no side effects" => return side_effects(w, &[]),
        "the side effects should be:" => {
            return match &step.table {
                Some(t) => side_effects(w, t),
                None => fail("malformed step: side effects without a table", ""),
            };
        }
        _ => {}
    }
    if let Some(c) = GRAPH.captures(text) {
        return named_graph(w, &c[1]);
    }
    if let Some(c) = RESULT.captures(text) {
        let ordered = c.get(1).is_some() && c.get(2).is_none();
        let unordered_lists = c.get(3).is_some();
        return result_table(w, step, ordered, unordered_lists);
    }
    if let Some(c) = ERROR.captures(text) {
        return expect_error(w, &c[1], &c[2], &c[3]);
    }
    if let Some(c) = PROCEDURE.captures(text) {
        return define_procedure(w, step, &c[1], &c[2], &c[3]);
    }
    fail(format!("step not implemented: {text}"), format!("unknown step `{} {text}`", step.keyword))
}

static PROCEDURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^there exists a procedure ([\w.]+)\((.*?)\) :: \((.*?)\) ?:$"));

/// `name :: TYPE?, ...` into (name, type) pairs.
fn signature_list(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (name, ty) = p.split_once("::").unwrap_or((p, "ANY?"));
            (name.trim().to_string(), ty.trim().to_string())
        })
        .collect()
}

/// `there exists a procedure test.my.proc(in :: INTEGER?) :: (out :: STRING?):` with its
/// table of argument and output values.
fn define_procedure<B: Backend>(w: &mut World<B>, step: &Step, name: &str, params: &str, outputs: &str) -> Outcome {
    let params = signature_list(params);
    let outputs = signature_list(outputs);
    let mut rows = Vec::new();
    // The first table row names the columns; a bare `|` means no columns and no rows.
    for row in step.table.iter().flatten().skip(1) {
        let mut values = Vec::new();
        for cell in row {
            match values::parse(cell).and_then(|tv| values::to_value(&tv)) {
                Ok(v) => values.push(v),
                Err(e) => return fail("bad procedure table value", e),
            }
        }
        rows.push(values);
    }
    let procedure = meridian::procedures::TableProcedure { name: name.to_string(), params, outputs, rows };
    if w.engine.define_procedure(procedure) {
        Outcome::Pass
    } else {
        fail(
            "step not implemented: there exists a procedure",
            format!("the backend cannot define procedures: `{name}`"),
        )
    }
}

fn named_graph<B: Backend>(w: &mut World<B>, name: &str) -> Outcome {
    let path = w.graphs_dir.join(name).join(format!("{name}.cypher"));
    let script = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            return fail(format!("unknown graph {name}"), format!("{}: {e}", path.display()));
        }
    };
    match w.engine.run_script(&script) {
        Ok(()) => Outcome::Pass,
        Err(e) if e.kind == ErrorKind::Unsupported => {
            fail(format!("unsupported: {}", e.message), format!("loading graph {name} failed: {e}"))
        }
        Err(e) => {
            fail(format!("graph {name} failed to load: {}", err_name(&e)), format!("loading graph {name} failed: {e}"))
        }
    }
}

fn docstring(step: &Step) -> Result<&str, Outcome> {
    step.docstring.as_deref().ok_or_else(|| fail(format!("malformed step: `{}` without a query", step.text), ""))
}

fn having_executed<B: Backend>(w: &mut World<B>, step: &Step) -> Outcome {
    let q = match docstring(step) {
        Ok(q) => q,
        Err(o) => return o,
    };
    match w.engine.execute(q, &w.params) {
        Ok(_) => Outcome::Pass,
        Err(e) => fail(
            if e.kind == ErrorKind::Unsupported {
                format!("unsupported: {}", e.message)
            } else {
                format!("setup query failed: {}: {}", err_name(&e), e.message)
            },
            format!("setup query failed: {e}\n  query:\n{}", indent(q)),
        ),
    }
}

fn parameters<B: Backend>(w: &mut World<B>, step: &Step) -> Outcome {
    let Some(table) = &step.table else {
        return fail("malformed step: parameters without a table", "");
    };
    for row in table {
        let [name, cell] = row.as_slice() else {
            return fail("malformed parameter row", format!("{row:?}"));
        };
        let v = match values::parse(cell).and_then(|tv| values::to_value(&tv)) {
            Ok(v) => v,
            Err(e) => return fail("bad parameter value", e),
        };
        w.params.insert(name.clone(), v);
    }
    Outcome::Pass
}

fn execute<B: Backend>(w: &mut World<B>, step: &Step, control: bool) -> Outcome {
    let q = match docstring(step) {
        Ok(q) => q.to_string(),
        Err(o) => return o,
    };
    let before = if control { None } else { w.engine.observe() };
    let r = w.engine.execute(&q, &w.params);
    w.last_query = q;
    if let Err(e) = &r {
        // Unsupported is never a pass, whatever the scenario expects next.
        if e.kind == ErrorKind::Unsupported {
            return fail(
                format!("unsupported: {}", e.message),
                format!("  query:\n{}  error: {e}\n", indent(&w.last_query)),
            );
        }
    }
    if !control {
        let observed = before.and_then(|b| w.engine.observe().map(|a| a.since(&b)));
        w.last_stats = Some(observed.unwrap_or_else(|| r.as_ref().map(|o| o.stats).unwrap_or_default()));
    }
    w.last = Some(r);
    Outcome::Pass
}

/// The output of the last query, or the failure to report when there is none.
fn last_output<'w, B: Backend>(w: &'w World<B>) -> Result<&'w QueryOutput, Outcome> {
    match &w.last {
        None => Err(fail("malformed scenario: no query before the result step", "")),
        Some(Ok(o)) => Ok(o),
        Some(Err(e)) => Err(fail(
            format!("unexpected error: {}: {}", err_name(e), e.message),
            format!(
                "  query:\n{}  expected a result, got error at {}: {e}\n",
                indent(&w.last_query),
                phase_name(e.phase)
            ),
        )),
    }
}

fn result_empty<B: Backend>(w: &World<B>) -> Outcome {
    let out = match last_output(w) {
        Ok(o) => o,
        Err(f) => return f,
    };
    if out.rows.is_empty() {
        return Outcome::Pass;
    }
    let mut d = format!("  query:\n{}  expected no rows, got:\n", indent(&w.last_query));
    d.push_str(&render_actual(out));
    fail("wrong result: expected no rows", d)
}

fn render_actual(out: &QueryOutput) -> String {
    let mut d = format!("    | {} |\n", out.columns.join(" | "));
    for row in &out.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|v| match values::from_value(v, out) {
                Ok(tv) => tv.to_string(),
                Err(e) => format!("<{e}>"),
            })
            .collect();
        d.push_str(&format!("    | {} |\n", cells.join(" | ")));
    }
    d
}

fn result_table<B: Backend>(w: &World<B>, step: &Step, ordered: bool, unordered_lists: bool) -> Outcome {
    let Some(table) = &step.table else {
        return fail("malformed step: result without a table", "");
    };
    let out = match last_output(w) {
        Ok(o) => o,
        Err(f) => return f,
    };
    let Some((header, exp_rows)) = table.split_first() else {
        return fail("malformed step: result table without a header", "");
    };
    let mode = match (ordered, unordered_lists) {
        (true, false) => "in order",
        (true, true) => "in order, ignoring element order for lists",
        (false, false) => "in any order",
        (false, true) => "in any order, ignoring element order for lists",
    };
    let mut detail = format!("  query:\n{}  expected ({mode}):\n", indent(&w.last_query));
    for r in table {
        detail.push_str(&format!("    | {} |\n", r.join(" | ")));
    }
    detail.push_str("  actual:\n");
    detail.push_str(&render_actual(out));

    // Columns: the same names (order-insensitive, so `RETURN *` need not guess the
    // engine's column order); cells are then aligned by name.
    let mut eh = header.clone();
    let mut ah = out.columns.clone();
    eh.sort();
    ah.sort();
    if eh != ah || eh.windows(2).any(|p| p[0] == p[1]) {
        return fail("wrong columns", detail);
    }
    let idx: Vec<usize> = header.iter().filter_map(|h| out.columns.iter().position(|c| c == h)).collect();

    let mut expected: Vec<Vec<Tv>> = Vec::new();
    for r in exp_rows {
        let mut row = Vec::new();
        for c in r {
            match values::parse(c) {
                Ok(v) => row.push(v),
                Err(e) => {
                    return fail("harness cannot parse expected cell", format!("{e}\n{detail}"));
                }
            }
        }
        expected.push(row);
    }
    let mut actual: Vec<Vec<Tv>> = Vec::new();
    for r in &out.rows {
        if r.len() != out.columns.len() {
            return fail("wrong result: row width differs from column count", detail);
        }
        let mut row = Vec::new();
        for &i in &idx {
            match values::from_value(&r[i], out) {
                Ok(v) => row.push(v),
                Err(e) => return fail(format!("bad engine output: {e}"), detail),
            }
        }
        actual.push(row);
    }
    let row_eq = |e: &Vec<Tv>, a: &Vec<Tv>| {
        e.len() == a.len() && e.iter().zip(a).all(|(x, y)| values::matches(x, y, unordered_lists))
    };
    let show = |r: &Vec<Tv>| {
        let cells: Vec<String> = r.iter().map(|v| v.to_string()).collect();
        format!("    | {} |\n", cells.join(" | "))
    };
    if ordered {
        let n = expected.len().max(actual.len());
        let mut diffs = String::new();
        for i in 0..n {
            match (expected.get(i), actual.get(i)) {
                (Some(e), Some(a)) if row_eq(e, a) => {}
                (e, a) => {
                    diffs.push_str(&format!("  row {}:\n", i + 1));
                    match e {
                        Some(e) => diffs.push_str(&format!("   expected{}", show(e))),
                        None => diffs.push_str("   expected    (no row)\n"),
                    }
                    match a {
                        Some(a) => diffs.push_str(&format!("   actual  {}", show(a))),
                        None => diffs.push_str("   actual      (no row)\n"),
                    }
                }
            }
        }
        if diffs.is_empty() {
            return Outcome::Pass;
        }
        detail.push_str(&diffs);
        return fail("wrong result", detail);
    }
    let (missing, extra) = values::multiset_diff(&expected, &actual, row_eq);
    if missing.is_empty() && extra.is_empty() {
        return Outcome::Pass;
    }
    if !missing.is_empty() {
        detail.push_str("  missing (expected, not returned):\n");
        for i in missing {
            detail.push_str(&show(&expected[i]));
        }
    }
    if !extra.is_empty() {
        detail.push_str("  unexpected (returned, not expected):\n");
        for i in extra {
            detail.push_str(&show(&actual[i]));
        }
    }
    fail("wrong result", detail)
}

fn side_effects<B: Backend>(w: &World<B>, table: &[Vec<String>]) -> Outcome {
    let mut exp = Stats::default();
    for row in table {
        let [key, n] = row.as_slice() else {
            return fail("malformed side effects row", format!("{row:?}"));
        };
        let Ok(n) = n.trim().parse::<u64>() else {
            return fail("malformed side effects count", format!("{row:?}"));
        };
        let slot = match key.trim() {
            "+nodes" => &mut exp.nodes_created,
            "-nodes" => &mut exp.nodes_deleted,
            "+relationships" => &mut exp.relationships_created,
            "-relationships" => &mut exp.relationships_deleted,
            "+properties" => &mut exp.properties_set,
            "-properties" => &mut exp.properties_removed,
            "+labels" => &mut exp.labels_added,
            "-labels" => &mut exp.labels_removed,
            other => return fail(format!("unknown side effect {other}"), ""),
        };
        *slot = n;
    }
    let Some(actual) = w.last_stats else {
        return fail("malformed scenario: no query before the side effects step", "");
    };
    if actual == exp {
        return Outcome::Pass;
    }
    let detail = format!(
        "  query:\n{}  expected side effects: {}\n  actual side effects:   {}\n",
        indent(&w.last_query),
        stats_text(&exp),
        stats_text(&actual)
    );
    fail("wrong side effects", detail)
}

fn stats_text(s: &Stats) -> String {
    let parts: Vec<String> = [
        ("+nodes", s.nodes_created),
        ("-nodes", s.nodes_deleted),
        ("+relationships", s.relationships_created),
        ("-relationships", s.relationships_deleted),
        ("+properties", s.properties_set),
        ("-properties", s.properties_removed),
        ("+labels", s.labels_added),
        ("-labels", s.labels_removed),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(k, n)| format!("{k} {n}"))
    .collect();
    if parts.is_empty() { "none".into() } else { parts.join(", ") }
}

fn expect_error<B: Backend>(w: &World<B>, kind: &str, phase: &str, code: &str) -> Outcome {
    let want = format!("{kind}/{code}");
    let want_full = format!("{want} at {phase}");
    match &w.last {
        None => fail("malformed scenario: no query before the error step", ""),
        Some(Ok(out)) => {
            let mut d = format!("  query:\n{}  expected {want_full}, got a result:\n", indent(&w.last_query));
            d.push_str(&render_actual(out));
            fail(format!("expected {want}, got a result"), d)
        }
        Some(Err(e)) => {
            let phase_ok = match phase {
                "compile time" => e.phase == Phase::CompileTime,
                "runtime" => e.phase == Phase::Runtime,
                _ => true,
            };
            let ok = e.kind != ErrorKind::Unsupported
                && e.kind.name() == kind
                && (code == "*" || e.code == code)
                && phase_ok;
            if ok {
                return Outcome::Pass;
            }
            let got = format!("{} at {}", err_name(e), phase_name(e.phase));
            let d =
                format!("  query:\n{}  expected {want_full}\n  got      {got}: {}\n", indent(&w.last_query), e.message);
            let reason = if e.kind.name() == kind && e.code == code {
                format!("expected {want_full}, got {got}")
            } else {
                format!("expected {want}, got {}", err_name(e))
            };
            fail(reason, d)
        }
    }
}

/// Self-tests of the step logic against a scripted backend (run by `main`, because the
/// `tck` target has no libtest harness).
pub mod self_tests {
    use super::*;
    use meridian::value::{NodeData, NodeId};
    use meridian::{Span, Value};

    pub const SELF_TESTS: &[(&str, fn())] = &[
        ("steps_result_any_order", result_any_order),
        ("steps_result_in_order", result_in_order),
        ("steps_result_is_strict_about_types", result_is_strict_about_types),
        ("steps_columns_must_match", columns_must_match),
        ("steps_ignoring_list_order", ignoring_list_order),
        ("steps_entities_resolved", entities_resolved),
        ("steps_errors", errors),
        ("steps_unsupported_never_passes", unsupported_never_passes),
        ("steps_side_effects", side_effects_checked),
        ("steps_parameters_reach_engine", parameters_reach_engine),
        ("steps_panic_is_a_failure", panic_is_a_failure),
        ("steps_unknown_step", unknown_step),
    ];

    type Answer = Box<dyn FnMut(&str, &Params) -> Result<QueryOutput, Error>>;

    struct Fake(Answer);

    impl Backend for Fake {
        fn execute(&mut self, query: &str, params: &Params) -> Result<QueryOutput, Error> {
            (self.0)(query, params)
        }
        fn run_script(&mut self, _: &str) -> Result<(), Error> {
            Ok(())
        }
    }

    fn step(text: &str, doc: Option<&str>, table: &[&[&str]]) -> Step {
        Step {
            keyword: "And".into(),
            text: text.into(),
            docstring: doc.map(str::to_string),
            table: if table.is_empty() {
                None
            } else {
                Some(table.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
            },
        }
    }

    fn case(steps: Vec<Step>) -> Case {
        Case { feature: "x/X.feature".into(), line: 1, name: "self-test".into(), steps }
    }

    fn out(columns: &[&str], rows: Vec<Vec<Value>>) -> QueryOutput {
        QueryOutput { columns: columns.iter().map(|c| c.to_string()).collect(), rows, ..QueryOutput::default() }
    }

    /// Run "executing query" answered by `answer`, then `then`.
    fn run(answer: Result<QueryOutput, Error>, then: Vec<Step>) -> Outcome {
        let mut answer = Some(answer);
        let fake = Fake(Box::new(move |_, _| answer.take().unwrap_or_else(|| Err(Error::internal("asked twice")))));
        let mut steps = vec![step("any graph", None, &[]), step("executing query:", Some("RETURN 1"), &[])];
        steps.extend(then);
        run_case_on(fake, &case(steps), Path::new("."))
    }

    fn reason(o: &Outcome) -> &str {
        match o {
            Outcome::Pass => "pass",
            Outcome::Fail { reason, .. } => reason,
        }
    }

    fn ints(rows: &[&[i64]]) -> Vec<Vec<Value>> {
        rows.iter().map(|r| r.iter().map(|i| Value::Int(*i)).collect()).collect()
    }

    const ANY: &str = "the result should be, in any order:";
    const ORDERED: &str = "the result should be, in order:";

    fn result_any_order() {
        let t: &[&[&str]] = &[&["a", "b"], &["1", "2"], &["3", "4"]];
        let o = run(Ok(out(&["a", "b"], ints(&[&[3, 4], &[1, 2]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "pass");
        let o = run(Ok(out(&["a", "b"], ints(&[&[3, 4], &[1, 5]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong result");
        let o = run(Ok(out(&["a", "b"], ints(&[&[3, 4], &[1, 2], &[1, 2]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong result");
        // Columns in another order are aligned by name.
        let o = run(Ok(out(&["b", "a"], ints(&[&[4, 3], &[2, 1]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "pass");
        let o = run(Ok(out(&["a"], vec![])), vec![step("the result should be empty", None, &[])]);
        assert_eq!(reason(&o), "pass");
        let o = run(Ok(out(&["a"], ints(&[&[1]]))), vec![step("the result should be empty", None, &[])]);
        assert_eq!(reason(&o), "wrong result: expected no rows");
    }

    fn result_in_order() {
        let t: &[&[&str]] = &[&["a"], &["1"], &["2"]];
        let o = run(Ok(out(&["a"], ints(&[&[1], &[2]]))), vec![step(ORDERED, None, t)]);
        assert_eq!(reason(&o), "pass");
        let o = run(Ok(out(&["a"], ints(&[&[2], &[1]]))), vec![step(ORDERED, None, t)]);
        assert_eq!(reason(&o), "wrong result");
        let o = run(Ok(out(&["a"], ints(&[&[1]]))), vec![step(ORDERED, None, t)]);
        assert_eq!(reason(&o), "wrong result");
    }

    fn result_is_strict_about_types() {
        let t: &[&[&str]] = &[&["a"], &["1"]];
        let o = run(Ok(out(&["a"], vec![vec![Value::Float(1.0)]])), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong result");
        let t: &[&[&str]] = &[&["a"], &["'1'"]];
        let o = run(Ok(out(&["a"], ints(&[&[1]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong result");
    }

    fn columns_must_match() {
        let t: &[&[&str]] = &[&["a"], &["1"]];
        let o = run(Ok(out(&["b"], ints(&[&[1]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong columns");
        let o = run(Ok(out(&["a", "b"], ints(&[&[1, 1]]))), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong columns");
    }

    fn ignoring_list_order() {
        let list = |xs: &[i64]| Value::List(xs.iter().map(|i| Value::Int(*i)).collect());
        let t: &[&[&str]] = &[&["l"], &["[1, 2]"], &["[3]"]];
        let rows = vec![vec![list(&[3])], vec![list(&[2, 1])]];
        let o = run(Ok(out(&["l"], rows.clone())), vec![step(ANY, None, t)]);
        assert_eq!(reason(&o), "wrong result");
        let ignoring = "the result should be (ignoring element order for lists):";
        let o = run(Ok(out(&["l"], rows.clone())), vec![step(ignoring, None, t)]);
        assert_eq!(reason(&o), "pass");
        let ordered = "the result should be, in order (ignoring element order for lists):";
        let o = run(Ok(out(&["l"], rows)), vec![step(ordered, None, t)]);
        assert_eq!(reason(&o), "wrong result");
    }

    fn entities_resolved() {
        let mut o1 = out(&["n"], vec![vec![Value::Node(NodeId(5))]]);
        o1.nodes.insert(
            NodeId(5),
            NodeData {
                labels: vec!["B".into(), "A".into()],
                properties: [("k".to_string(), Value::str("v"))].into_iter().collect(),
            },
        );
        let t: &[&[&str]] = &[&["n"], &["(:A:B {k: 'v'})"]];
        assert_eq!(reason(&run(Ok(o1.clone()), vec![step(ANY, None, t)])), "pass");
        let t: &[&[&str]] = &[&["n"], &["(:A {k: 'v'})"]];
        assert_eq!(reason(&run(Ok(o1.clone()), vec![step(ANY, None, t)])), "wrong result");
        o1.nodes.clear();
        let t: &[&[&str]] = &[&["n"], &["(:A:B {k: 'v'})"]];
        assert!(reason(&run(Ok(o1), vec![step(ANY, None, t)])).starts_with("bad engine output"));
    }

    fn errors() {
        let syntax = || Err(Error::syntax("UndefinedVariable", Span::default(), "variable `x` not defined"));
        let expect = |s: &str| vec![step(s, None, &[])];
        let ok = "a SyntaxError should be raised at compile time: UndefinedVariable";
        assert_eq!(reason(&run(syntax(), expect(ok))), "pass");
        let any = "a SyntaxError should be raised at any time: UndefinedVariable";
        assert_eq!(reason(&run(syntax(), expect(any))), "pass");
        let star = "a SyntaxError should be raised at any time: *";
        assert_eq!(reason(&run(syntax(), expect(star))), "pass");
        let phase = "a SyntaxError should be raised at runtime: UndefinedVariable";
        assert_eq!(
            reason(&run(syntax(), expect(phase))),
            "expected SyntaxError/UndefinedVariable at runtime, got SyntaxError/UndefinedVariable at compile time"
        );
        let code = "a SyntaxError should be raised at compile time: VariableTypeConflict";
        assert_eq!(
            reason(&run(syntax(), expect(code))),
            "expected SyntaxError/VariableTypeConflict, got SyntaxError/UndefinedVariable"
        );
        let kind = "a TypeError should be raised at compile time: UndefinedVariable";
        assert_ne!(reason(&run(syntax(), expect(kind))), "pass");
        let an = "an ArgumentError should be raised at runtime: NumberOutOfRange";
        let o = run(Err(Error::runtime(ErrorKind::ArgumentError, "NumberOutOfRange", "x")), expect(an));
        assert_eq!(reason(&o), "pass");
        let o = run(Ok(out(&["a"], vec![])), expect(ok));
        assert_eq!(reason(&o), "expected SyntaxError/UndefinedVariable, got a result");
        // A result step after an error.
        let t: &[&[&str]] = &[&["a"], &["1"]];
        assert!(reason(&run(syntax(), vec![step(ANY, None, t)])).starts_with("unexpected error"));
    }

    fn unsupported_never_passes() {
        let uns = || Err(Error::unsupported(Span::default(), "no MERGE yet"));
        let expect = vec![step("a SyntaxError should be raised at any time: *", None, &[])];
        assert_eq!(reason(&run(uns(), expect)), "unsupported: no MERGE yet");
        let spoof = vec![step("a UnsupportedFeature should be raised at any time: *", None, &[])];
        assert_eq!(reason(&run(uns(), spoof)), "unsupported: no MERGE yet");
    }

    fn side_effects_checked() {
        let mut o1 = out(&["a"], vec![]);
        o1.stats.nodes_created = 2;
        o1.stats.properties_set = 1;
        let t: &[&[&str]] = &[&["+nodes", "2"], &["+properties", "1"]];
        let se = "the side effects should be:";
        assert_eq!(reason(&run(Ok(o1.clone()), vec![step(se, None, t)])), "pass");
        let t2: &[&[&str]] = &[&["+nodes", "2"]];
        assert_eq!(reason(&run(Ok(o1.clone()), vec![step(se, None, t2)])), "wrong side effects");
        assert_eq!(reason(&run(Ok(o1.clone()), vec![step("no side effects", None, &[])])), "wrong side effects");
        assert_eq!(reason(&run(Ok(out(&[], vec![])), vec![step("no side effects", None, &[])])), "pass");
        // A control query's own stats do not replace the tested query's.
        let mut n = 0;
        let fake = Fake(Box::new(move |_, _| {
            n += 1;
            let mut o = out(&["a"], vec![]);
            if n == 1 {
                o.stats.nodes_created = 1;
            }
            Ok(o)
        }));
        let steps = vec![
            step("executing query:", Some("CREATE ()"), &[]),
            step("executing control query:", Some("MATCH (n) RETURN n"), &[]),
            step("the result should be empty", None, &[]),
            step(se, None, &[&["+nodes", "1"]]),
        ];
        assert_eq!(reason(&run_case_on(fake, &case(steps), Path::new("."))), "pass");
    }

    fn parameters_reach_engine() {
        let fake = Fake(Box::new(|_, p: &Params| {
            let ok = p.get("n") == Some(&Value::Int(3)) && matches!(p.get("l"), Some(Value::List(l)) if l.len() == 2);
            Ok(out(&["ok"], vec![vec![Value::Bool(ok)]]))
        }));
        let steps = vec![
            step("parameters are:", None, &[&["n", "3"], &["l", "[1, 'x']"]]),
            step("executing query:", Some("RETURN $n = 3 AS ok"), &[]),
            step(ANY, None, &[&["ok"], &["true"]]),
        ];
        assert_eq!(reason(&run_case_on(fake, &case(steps), Path::new("."))), "pass");
    }

    fn panic_is_a_failure() {
        let fake = Fake(Box::new(|_, _| panic!("engine exploded")));
        let steps = vec![step("executing query:", Some("RETURN 1"), &[])];
        let o = run_case_on(fake, &case(steps), Path::new("."));
        assert!(reason(&o).starts_with("panic: engine exploded"), "{}", reason(&o));
    }

    fn unknown_step() {
        let o = run(Ok(out(&[], vec![])), vec![step("the moon is full", None, &[])]);
        assert_eq!(reason(&o), "step not implemented: the moon is full");
        let o = run(
            Ok(out(&[], vec![])),
            vec![step("there exists a procedure test.labels() :: (label :: STRING?):", None, &[])],
        );
        assert_eq!(reason(&o), "step not implemented: there exists a procedure");
    }
}
