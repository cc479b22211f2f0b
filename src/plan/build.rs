//! Building pipelines from bound clauses, clause by clause, in the simplest correct
//! form: scan the first node of each pattern part, expand along it, filter on labels
//! and properties right after binding. The passes in `optimize` improve on this.

use super::{Branch, Op, Pipeline};
use crate::bind::{self, Expr, Slot};
use crate::error::Error;
use crate::syntax::ast;

pub(super) fn build_branch(q: &bind::SingleQuery) -> Result<Branch, Error> {
    let mut ops = vec![Op::Argument];
    let mut returned = false;
    for clause in &q.clauses {
        returned |= matches!(clause, bind::Clause::Return(_));
        plan_clause(clause, &mut ops)?;
    }
    if !returned {
        ops.push(Op::Discard);
    }
    let subplans = q
        .subqueries
        .iter()
        .map(|s| {
            let mut ops = vec![Op::Argument];
            for c in &s.clauses {
                plan_clause(c, &mut ops)?;
            }
            Ok(Pipeline { ops })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Branch { pipeline: Pipeline { ops }, n_slots: q.n_slots, slot_names: q.slot_names.clone(), subplans })
}

fn plan_clause(clause: &bind::Clause, ops: &mut Vec<Op>) -> Result<(), Error> {
    match clause {
        bind::Clause::Match { optional: false, pattern, predicate } => plan_match(pattern, predicate.as_ref(), ops)?,
        bind::Clause::Match { optional: true, pattern, predicate } => {
            let mut inner = vec![Op::Argument];
            plan_match(pattern, predicate.as_ref(), &mut inner)?;
            let slots = new_slots(pattern);
            ops.push(Op::Optional { inner: Pipeline { ops: inner }, slots });
        }
        bind::Clause::Unwind { expr, slot } => ops.push(Op::Unwind { expr: expr.clone(), slot: *slot }),
        bind::Clause::With(p) => plan_projection(p, ops),
        bind::Clause::Return(p) => {
            plan_projection(p, ops);
            ops.push(Op::Produce(p.items.iter().map(|i| i.slot).collect()));
        }
        bind::Clause::Create(p) => ops.push(Op::Create(p.clone())),
        bind::Clause::Merge { pattern, on_create, on_match } => {
            ops.push(Op::Merge { pattern: pattern.clone(), on_create: on_create.clone(), on_match: on_match.clone() })
        }
        bind::Clause::Set(items) => ops.push(Op::Set(items.clone())),
        bind::Clause::Remove(items) => ops.push(Op::Remove(items.clone())),
        bind::Clause::Delete { detach, exprs } => ops.push(Op::Delete { detach: *detach, exprs: exprs.clone() }),
        bind::Clause::Call { proc, args, yields, void } => {
            ops.push(Op::Call { proc: proc.clone(), args: args.clone(), yields: yields.clone(), void: *void })
        }
        bind::Clause::Filter(e) => ops.push(Op::Filter(e.clone())),
        bind::Clause::LoadCsv { with_headers, from, slot, delimiter } => ops.push(Op::LoadCsv {
            with_headers: *with_headers,
            from: from.clone(),
            slot: *slot,
            delimiter: *delimiter,
        }),
        bind::Clause::Sequence(clauses) => {
            for c in clauses {
                plan_clause(c, ops)?;
            }
        }
        bind::Clause::Foreach { slot, list, body } => {
            let mut inner = vec![Op::Argument];
            for c in body {
                plan_clause(c, &mut inner)?;
            }
            ops.push(Op::Foreach { slot: *slot, list: list.clone(), body: Pipeline { ops: inner } });
        }
    }
    Ok(())
}

/// Slots a pattern declares (set to null by a failed OPTIONAL MATCH).
fn new_slots(pattern: &bind::Pattern) -> Vec<Slot> {
    let mut out = Vec::new();
    for part in &pattern.parts {
        if !part.start.bound {
            out.push(part.start.slot);
        }
        for (r, n) in &part.steps {
            if !r.bound {
                out.push(r.slot);
            }
            if !n.bound && !out.contains(&n.slot) {
                out.push(n.slot);
            }
        }
        out.extend(part.path);
    }
    out.sort();
    out.dedup();
    out
}

/// Label and property predicates of a node or relationship pattern, as filters.
fn element_filters(slot: Slot, labels: &[String], props: &[(String, Expr)], ops: &mut Vec<Op>) {
    if !labels.is_empty() {
        ops.push(Op::Filter(Expr::HasLabels(Box::new(Expr::Var(slot)), labels.to_vec())));
    }
    for (k, v) in props {
        ops.push(Op::Filter(prop_eq(Expr::Var(slot), k, v)));
    }
}

fn prop_eq(base: Expr, key: &str, value: &Expr) -> Expr {
    Expr::Binary(ast::BinaryOp::Eq, Box::new(Expr::Property(Box::new(base), key.to_string())), Box::new(value.clone()))
}

/// A MATCH: its pattern, then its WHERE as filters (conjuncts on the path of a
/// shortest-path part go into the search instead).
fn plan_match(pattern: &bind::Pattern, predicate: Option<&Expr>, ops: &mut Vec<Op>) -> Result<(), Error> {
    let mut conjuncts = Vec::new();
    if let Some(p) = predicate {
        split_and(p.clone(), &mut conjuncts);
    }
    plan_pattern_with(pattern, &mut conjuncts, ops)?;
    ops.extend(conjuncts.into_iter().map(Op::Filter));
    Ok(())
}

fn split_and(e: Expr, out: &mut Vec<Expr>) {
    match e {
        Expr::Binary(ast::BinaryOp::And, a, b) => {
            split_and(*a, out);
            split_and(*b, out);
        }
        e => out.push(e),
    }
}

fn plan_pattern(pattern: &bind::Pattern, ops: &mut Vec<Op>) -> Result<(), Error> {
    plan_pattern_with(pattern, &mut Vec::new(), ops)
}

/// Bind a node of a pattern: scan it unless an earlier clause or part bound it.
fn plan_node(node: &bind::NodePat, bound_here: &mut Vec<Slot>, ops: &mut Vec<Op>) {
    if node.bound || bound_here.contains(&node.slot) {
        ops.push(Op::Filter(Expr::IsNull(Box::new(Expr::Var(node.slot)), true)));
    } else {
        ops.push(Op::ScanNodes { slot: node.slot, label: None });
        bound_here.push(node.slot);
    }
    element_filters(node.slot, &node.labels, &node.props, ops);
}

/// `shortestPath((a)-[r*]->(b))`: both ends are bound first, then searched between.
fn plan_shortest(
    part: &bind::PatternPart,
    kind: ast::Shortest,
    conjuncts: &mut Vec<Expr>,
    bound_here: &mut Vec<Slot>,
    ops: &mut Vec<Op>,
) -> Result<(), Error> {
    let [(rel, end)] = part.steps.as_slice() else {
        return Err(Error::compile(
            crate::error::ErrorKind::SyntaxError,
            "UnexpectedSyntax",
            part.span,
            "shortestPath needs a pattern with exactly one relationship",
        ));
    };
    let (min, max) = rel.length.unwrap_or((1, Some(1)));
    let neo4j = matches!(kind, ast::Shortest::One | ast::Shortest::All);
    if neo4j && min > 1 {
        return Err(Error::compile(
            crate::error::ErrorKind::SyntaxError,
            "UnexpectedSyntax",
            rel.span,
            "shortestPath supports a minimal length of 0 or 1 only",
        ));
    }
    plan_node(&part.start, bound_here, ops);
    plan_node(end, bound_here, ops);
    // WHERE conjuncts on the path variable restrict the search itself.
    let mut predicates = Vec::new();
    if let Some(p) = part.path {
        let (on_path, rest): (Vec<Expr>, Vec<Expr>) = std::mem::take(conjuncts).into_iter().partition(|c| {
            let mut reads = Vec::new();
            c.slots(&mut reads);
            reads.contains(&p) || reads.contains(&rel.slot)
        });
        predicates = on_path;
        *conjuncts = rest;
    }
    ops.push(Op::ShortestPath {
        from: part.start.slot,
        rel: rel.slot,
        rel_is_list: rel.length.is_some(),
        to: end.slot,
        dir: rel.dir,
        types: rel.types.clone(),
        min,
        max,
        selector: match kind {
            ast::Shortest::One | ast::Shortest::AnyShortest => super::Selector::Shortest(1),
            ast::Shortest::All | ast::Shortest::AllShortest => super::Selector::Groups(1),
            ast::Shortest::Shortest(k) => super::Selector::Shortest(k),
            ast::Shortest::Groups(k) => super::Selector::Groups(k),
            ast::Shortest::Any(k) => super::Selector::Any(k),
        },
        mode: part.mode.unwrap_or(ast::PathMode::Trail),
        refuse_common_ends: matches!(kind, ast::Shortest::One | ast::Shortest::All),
        cost: part.cost.clone(),
        path: part.path,
        rel_props: rel.props.clone(),
        predicates,
    });
    Ok(())
}

fn plan_pattern_with(pattern: &bind::Pattern, conjuncts: &mut Vec<Expr>, ops: &mut Vec<Op>) -> Result<(), Error> {
    // Slots bound so far within this pattern (so a node seen twice is expanded into).
    let mut bound_here: Vec<Slot> = Vec::new();
    let mut rel_slots: Vec<Slot> = Vec::new();
    for part in &pattern.parts {
        if let Some(kind) = part.shortest {
            plan_shortest(part, kind, conjuncts, &mut bound_here, ops)?;
            continue;
        }
        if part.cost.is_some() {
            return Err(Error::compile(
                crate::error::ErrorKind::SyntaxError,
                "UnexpectedSyntax",
                part.span,
                "COST needs a shortest-path selector, for example `ANY SHORTEST (a)-[r]->+(b) COST r.km`",
            ));
        }
        let mode = part.mode.unwrap_or(ast::PathMode::Trail);
        if mode == ast::PathMode::Walk && part.steps.iter().any(|(r, _)| r.length.is_some_and(|(_, max)| max.is_none()))
        {
            return Err(Error::compile(
                crate::error::ErrorKind::SyntaxError,
                "UnexpectedSyntax",
                part.span,
                "a WALK without a selector needs an upper bound on its length: walks may repeat forever",
            ));
        }
        let start = &part.start;
        if start.bound || bound_here.contains(&start.slot) {
            ops.push(Op::Filter(Expr::IsNull(Box::new(Expr::Var(start.slot)), true)));
        } else {
            ops.push(Op::ScanNodes { slot: start.slot, label: None });
            bound_here.push(start.slot);
        }
        element_filters(start.slot, &start.labels, &start.props, ops);
        let mut from = start.slot;
        let mut path_steps = Vec::new();
        for (rel, node) in &part.steps {
            let into = node.bound || bound_here.contains(&node.slot);

            match rel.length {
                None => {
                    ops.push(Op::Expand {
                        from,
                        rel: rel.slot,
                        to: node.slot,
                        dir: rel.dir,
                        types: rel.types.clone(),
                        into,
                        rel_bound: rel.bound,
                        distinct_from: rel_slots.clone(),
                    });
                    element_filters(rel.slot, &[], &rel.props, ops);
                }
                Some((min, max)) => ops.push(Op::VarExpand {
                    from,
                    rel: rel.slot,
                    to: node.slot,
                    dir: rel.dir,
                    types: rel.types.clone(),
                    min,
                    max,
                    into,
                    distinct_from: if mode == ast::PathMode::Walk { Vec::new() } else { rel_slots.clone() },
                    rel_props: rel.props.clone(),
                    mode,
                }),
            }
            if let Some(list) = rel.equals {
                ops.push(Op::Filter(Expr::Binary(
                    ast::BinaryOp::Eq,
                    Box::new(Expr::Var(rel.slot)),
                    Box::new(Expr::Var(list)),
                )));
            }
            rel_slots.push(rel.slot);
            if !into {
                bound_here.push(node.slot);
            }
            element_filters(node.slot, &node.labels, &node.props, ops);
            path_steps.push((rel.slot, rel.length.is_some(), node.slot));
            from = node.slot;
        }
        if let Some(p) = part.path {
            ops.push(Op::Project(vec![(Expr::Path(start.slot, path_steps), p)]));
        }
    }
    Ok(())
}

fn plan_projection(p: &bind::Projection, ops: &mut Vec<Op>) {
    if let Some(agg) = &p.aggregation {
        ops.push(Op::Aggregate { keys: agg.keys.clone(), aggs: agg.aggs.clone() });
    }
    let items: Vec<(Expr, Slot)> = p
        .items
        .iter()
        .filter(|i| !matches!(&i.expr, Expr::Var(s) if *s == i.slot))
        .map(|i| (i.expr.clone(), i.slot))
        .collect();
    if !items.is_empty() {
        ops.push(Op::Project(items));
    }
    if p.distinct {
        ops.push(Op::Distinct(p.items.iter().map(|i| i.slot).collect()));
    }
    if !p.order_by.is_empty() {
        ops.push(Op::Sort(p.order_by.clone()));
    }
    if let Some(s) = &p.skip {
        ops.push(Op::Skip(s.clone()));
    }
    if let Some(l) = &p.limit {
        ops.push(Op::Limit(l.clone()));
    }
    if let Some(w) = &p.where_ {
        ops.push(Op::Filter(w.clone()));
    }
}

/// The reading pipeline that finds existing matches of a MERGE pattern, starting from
/// the argument row.
pub(super) fn match_pipeline(pattern: &bind::Pattern) -> Result<Pipeline, Error> {
    let mut ops = vec![Op::Argument];
    plan_pattern(pattern, &mut ops)?;
    Ok(Pipeline { ops })
}
