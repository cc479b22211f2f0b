//! Rewrite passes over logical pipelines, run in the fixed order of `PASSES`. Each pass
//! keeps the meaning of the pipeline: the same rows in the same slots (checked in debug
//! builds after every pass).

use super::{Branch, Op, Pipeline};
use crate::bind::{Expr, Slot};
use crate::syntax::ast;

/// The passes, in the order they run.
pub const PASSES: &[(&str, fn(&mut Pipeline))] =
    &[("split_conjunctions", split_conjunctions), ("push_filters", push_filters), ("use_label_scans", use_label_scans)];

pub(super) fn optimize(branch: &mut Branch) {
    for (_, pass) in PASSES {
        apply(&mut branch.pipeline, *pass);
        for sub in &mut branch.subplans {
            apply(sub, *pass);
        }
    }
}

/// Run a pass on a pipeline and on the pipelines nested in its operators.
fn apply(p: &mut Pipeline, pass: fn(&mut Pipeline)) {
    for op in &mut p.ops {
        match op {
            Op::Optional { inner, .. } => apply(inner, pass),
            Op::Foreach { body, .. } => apply(body, pass),
            _ => {}
        }
    }
    let before = if cfg!(debug_assertions) { Some(signature(p)) } else { None };
    pass(p);
    if let Some(before) = before {
        debug_assert_eq!(before, signature(p), "a rewrite pass changed which slots a pipeline binds or produces");
    }
}

/// What a pass must keep: the slots the pipeline binds and the columns it produces.
fn signature(p: &Pipeline) -> (Vec<Slot>, Vec<Slot>) {
    let mut bound: Vec<Slot> = p.ops.iter().flat_map(binds).collect();
    bound.sort();
    let produced = p.ops.iter().rev().find_map(|op| if let Op::Produce(s) = op { Some(s.clone()) } else { None });
    (bound, produced.unwrap_or_default())
}

/// `Filter(a AND b)` becomes `Filter(a), Filter(b)`, so each can move on its own.
fn split_conjunctions(p: &mut Pipeline) {
    let mut out = Vec::with_capacity(p.ops.len());
    for op in p.ops.drain(..) {
        match op {
            Op::Filter(e) => {
                let mut parts = Vec::new();
                conjuncts(e, &mut parts);
                out.extend(parts.into_iter().map(Op::Filter));
            }
            op => out.push(op),
        }
    }
    p.ops = out;
}

fn conjuncts(e: Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary(ast::BinaryOp::And, a, b) => {
            conjuncts(*a, out);
            conjuncts(*b, out);
        }
        e => out.push(e),
    }
}

/// Slots an operator binds (adds to the row).
fn binds(op: &Op) -> Vec<Slot> {
    match op {
        Op::ScanNodes { slot, .. } => vec![*slot],
        Op::Expand { rel, to, rel_bound, .. } => {
            if *rel_bound {
                vec![*to]
            } else {
                vec![*rel, *to]
            }
        }
        Op::VarExpand { rel, to, .. } => vec![*rel, *to],
        Op::ShortestPath { rel, path, .. } => std::iter::once(*rel).chain(*path).collect(),
        Op::Unwind { slot, .. } => vec![*slot],
        Op::Call { yields, .. } => yields.iter().map(|(_, s)| *s).collect(),
        Op::LoadCsv { slot, .. } => vec![*slot],
        Op::Project(items) => items.iter().map(|(_, s)| *s).collect(),
        _ => vec![],
    }
}

/// Move each filter to just after the operator that binds the last slot it reads, as
/// long as it only crosses operators that extend rows one by one (scans, expands,
/// projections, other filters). Filtering early keeps intermediate results small.
fn push_filters(p: &mut Pipeline) {
    let mut i = 0;
    while i < p.ops.len() {
        if let Op::Filter(e) = &p.ops[i] {
            // A subquery's reads of the outer row are not visible in `slots`: leave
            // filters with subqueries where they are.
            if e.has_subquery() {
                i += 1;
                continue;
            }
            let mut reads = Vec::new();
            e.slots(&mut reads);
            let mut j = i;
            while j > 1 {
                let prev = &p.ops[j - 1];
                let crossable = matches!(
                    prev,
                    Op::ScanNodes { .. } | Op::Expand { .. } | Op::VarExpand { .. } | Op::Filter(_) | Op::Project(_)
                );
                if !crossable || binds(prev).iter().any(|s| reads.contains(s)) {
                    break;
                }
                j -= 1;
            }
            if j < i {
                let op = p.ops.remove(i);
                p.ops.insert(j, op);
            }
        }
        i += 1;
    }
}

/// `ScanNodes(n)` followed by filters including `n:Label` becomes a label scan.
fn use_label_scans(p: &mut Pipeline) {
    let mut i = 0;
    while i < p.ops.len() {
        if let Op::ScanNodes { slot, label: None } = p.ops[i] {
            let mut j = i + 1;
            while j < p.ops.len() {
                match &p.ops[j] {
                    Op::Filter(Expr::HasLabels(base, labels))
                        if matches!(**base, Expr::Var(s) if s == slot) && !labels.is_empty() =>
                    {
                        let mut labels = labels.clone();
                        let first = labels.remove(0);
                        p.ops[i] = Op::ScanNodes { slot, label: Some(first) };
                        if labels.is_empty() {
                            p.ops.remove(j);
                        } else {
                            p.ops[j] = Op::Filter(Expr::HasLabels(Box::new(Expr::Var(slot)), labels));
                        }
                        break;
                    }
                    Op::Filter(_) => j += 1,
                    _ => break,
                }
            }
        }
        i += 1;
    }
}

pub(super) fn optimize_pipeline(p: &mut Pipeline) {
    for (_, pass) in PASSES {
        apply(p, *pass);
    }
}

#[cfg(test)]
mod tests {
    use crate::{bind, plan, syntax};

    fn explain(query: &str, optimize: bool) -> String {
        let statement = syntax::parse_statement(query).expect("parses");
        let bound = bind::bind(&statement.query).expect("binds");
        plan::explain(&plan::plan(&bound, optimize).expect("plans"))
    }

    #[test]
    fn filters_move_to_where_their_variables_are_bound() {
        let q = "MATCH (a:Person)-[:KNOWS]->(b) WHERE a.age > 30 AND b.name = 'x' RETURN b";
        expect_test::expect![[r#"
            Produce b
              Project b AS b
                Filter (b.name = 'x')
                  Expand (a)-[_anon1:KNOWS]->(b)
                    Filter (a.age > 30)
                      NodeByLabelScan (a:Person)
                        Argument
        "#]]
        .assert_eq(&explain(q, true));
        expect_test::expect![[r#"
            Produce b
              Project b AS b
                Filter (b.name = 'x')
                  Filter (a.age > 30)
                    Expand (a)-[_anon1:KNOWS]->(b)
                      Filter a:Person
                        AllNodesScan (a)
                          Argument
        "#]]
        .assert_eq(&explain(q, false));
    }

    #[test]
    fn filters_with_subqueries_stay_put() {
        let q = "MATCH (a) WHERE (a)-->() RETURN a";
        expect_test::expect![[r#"
            Produce a
              Project a AS a
                Filter EXISTS { Filter a IS NOT NULL | Expand (a)-[_anon1]->(_anon2) }
                  AllNodesScan (a)
                    Argument
        "#]]
        .assert_eq(&explain(q, true));
    }
}
