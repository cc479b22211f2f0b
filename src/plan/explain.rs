//! EXPLAIN: logical plans as stable indented text, the last operator first, each
//! operator's input indented below it. Variables print by name. Golden files pin this
//! text, so it must stay deterministic.

use std::fmt::Write;

use super::{Branch, Op, Pipeline, QueryPlan};
use crate::bind::{self, Expr, MapProjItem, Slot};
use crate::syntax::ast;
use crate::value::quote_name;

pub fn explain(plan: &QueryPlan) -> String {
    explain_annotated(plan, &|_, _| None)
}

/// EXPLAIN text with a note after each operator of each branch's main pipeline (PROFILE
/// puts rows and time there). `note(branch, op)` indexes `branch.pipeline.ops`.
pub fn explain_annotated(plan: &QueryPlan, note: &dyn Fn(usize, usize) -> Option<String>) -> String {
    let mut out = String::new();
    let multi = plan.branches.len() > 1;
    if multi {
        let _ = writeln!(out, "{}", if plan.union_all { "UnionAll" } else { "Union" });
    }
    for (i, b) in plan.branches.iter().enumerate() {
        let p = Printer { names: &b.slot_names, branch: b, note: Some((i, note)) };
        p.pipeline(&b.pipeline, if multi { 1 } else { 0 }, &mut out);
    }
    out
}

struct Printer<'a> {
    names: &'a [String],
    branch: &'a Branch,
    /// Notes for the main pipeline's operators: (branch index, note function).
    note: Option<(usize, &'a dyn Fn(usize, usize) -> Option<String>)>,
}

impl Printer<'_> {
    fn name(&self, s: Slot) -> String {
        self.names.get(s.0).cloned().unwrap_or_else(|| format!("_{}", s.0))
    }

    fn pipeline(&self, p: &Pipeline, depth: usize, out: &mut String) {
        let main = std::ptr::eq(p, &self.branch.pipeline);
        let n = p.ops.len();
        for (i, op) in p.ops.iter().rev().enumerate() {
            let d = depth + i;
            let note = match self.note {
                Some((b, f)) if main => f(b, n - 1 - i).map(|s| format!("  {s}")).unwrap_or_default(),
                _ => String::new(),
            };
            let _ = writeln!(out, "{}{}{note}", "  ".repeat(d), self.op(op));
            let nested = Printer { names: self.names, branch: self.branch, note: None };
            match op {
                Op::Optional { inner, .. } => nested.pipeline(inner, d + 2, out),
                Op::Foreach { body, .. } => nested.pipeline(body, d + 2, out),
                _ => {}
            }
        }
    }

    fn op(&self, op: &Op) -> String {
        let dir = |d: &ast::Direction, types: &[String], var: &str| {
            let t = if types.is_empty() {
                String::new()
            } else {
                format!(":{}", types.iter().map(|t| quote_name(t)).collect::<Vec<_>>().join("|"))
            };
            match d {
                ast::Direction::Outgoing => format!("-[{var}{t}]->"),
                ast::Direction::Incoming => format!("<-[{var}{t}]-"),
                ast::Direction::Both => format!("-[{var}{t}]-"),
            }
        };
        match op {
            Op::Argument => "Argument".into(),
            Op::ScanNodes { slot, label: None } => format!("AllNodesScan ({})", self.name(*slot)),
            Op::ScanNodes { slot, label: Some(l) } => {
                format!("NodeByLabelScan ({}:{})", self.name(*slot), quote_name(l))
            }
            Op::Expand { from, rel, to, dir: d, types, into, .. } => format!(
                "{} ({}){}({})",
                if *into { "ExpandInto" } else { "Expand" },
                self.name(*from),
                dir(d, types, &self.name(*rel)),
                self.name(*to)
            ),
            Op::VarExpand { from, rel, to, dir: d, types, min, max, into, .. } => {
                let range = format!("*{}..{}", min, max.map(|m| m.to_string()).unwrap_or_default());
                format!(
                    "VarLengthExpand{} ({}){}({})",
                    if *into { "Into" } else { "" },
                    self.name(*from),
                    dir(d, types, &format!("{}{range}", self.name(*rel))),
                    self.name(*to)
                )
            }
            Op::ShortestPath {
                from, rel, to, dir: d, types, min, max, selector, mode, cost, path, predicates, ..
            } => {
                let range = format!("*{}..{}", min, max.map(|m| m.to_string()).unwrap_or_default());
                let what = match selector {
                    super::Selector::Shortest(1) => "ShortestPath".to_string(),
                    super::Selector::Groups(1) => "AllShortestPaths".to_string(),
                    super::Selector::Shortest(k) => format!("ShortestPaths({k})"),
                    super::Selector::Groups(k) => format!("ShortestPathGroups({k})"),
                    super::Selector::Any(k) => format!("AnyPaths({k})"),
                };
                let what = match mode {
                    ast::PathMode::Trail => what,
                    m => format!("{what} {}", format!("{m:?}").to_uppercase()),
                };
                let what = match cost {
                    Some(c) => format!("{what} COST {}", self.expr(&c.expr)),
                    None => what,
                };
                let mut s = format!(
                    "{} {}({}){}({})",
                    what,
                    path.map(|p| format!("{} = ", self.name(p))).unwrap_or_default(),
                    self.name(*from),
                    dir(d, types, &format!("{}{range}", self.name(*rel))),
                    self.name(*to)
                );
                if !predicates.is_empty() {
                    let preds: Vec<String> = predicates.iter().map(|e| self.expr(e)).collect();
                    let _ = write!(s, " WHERE {}", preds.join(" AND "));
                }
                s
            }
            Op::Filter(e) => format!("Filter {}", self.expr(e)),
            Op::Optional { slots, .. } => format!("Optional (null: {})", self.slots(slots)),
            Op::Unwind { expr, slot } => {
                format!("Unwind {} AS {}", self.expr(expr), self.name(*slot))
            }
            Op::Project(items) => format!(
                "Project {}",
                items
                    .iter()
                    .map(|(e, s)| format!("{} AS {}", self.expr(e), self.name(*s)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Op::Aggregate { keys, aggs } => format!(
                "Aggregate keys: [{}] aggregates: [{}]",
                keys.iter()
                    .map(|(e, s)| format!("{} AS {}", self.expr(e), self.name(*s)))
                    .collect::<Vec<_>>()
                    .join(", "),
                aggs.iter()
                    .map(|(a, s)| format!("{} AS {}", self.agg(a), self.name(*s)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Op::Distinct(slots) => format!("Distinct {}", self.slots(slots)),
            Op::Sort(keys) => format!(
                "Sort {}",
                keys.iter()
                    .map(|(e, d)| format!("{}{}", self.expr(e), if *d { " DESC" } else { "" }))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Op::Skip(e) => format!("Skip {}", self.expr(e)),
            Op::Limit(e) => format!("Limit {}", self.expr(e)),
            Op::Create(p) => format!("Create {}", self.pattern(p)),
            Op::Merge { pattern, .. } => format!("Merge {}", self.pattern(pattern)),
            Op::Set(items) => format!("SetProperties ({} items)", items.len()),
            Op::Remove(items) => format!("Remove ({} items)", items.len()),
            Op::Delete { detach, exprs } => {
                format!(
                    "{}Delete {}",
                    if *detach { "Detach" } else { "" },
                    exprs.iter().map(|e| self.expr(e)).collect::<Vec<_>>().join(", ")
                )
            }
            Op::Foreach { slot, list, .. } => {
                format!("Foreach {} IN {}", self.name(*slot), self.expr(list))
            }
            Op::Call { proc, args, yields, .. } => format!(
                "ProcedureCall {}({}){}",
                proc.name(),
                args.iter().map(|a| self.expr(a)).collect::<Vec<_>>().join(", "),
                if yields.is_empty() {
                    String::new()
                } else {
                    let outputs = proc.outputs();
                    let items: Vec<String> = yields
                        .iter()
                        .map(|(i, s)| format!("{} AS {}", outputs.get(*i).map_or("?", |o| o.as_str()), self.name(*s)))
                        .collect();
                    format!(" YIELD {}", items.join(", "))
                }
            ),
            Op::LoadCsv { with_headers, from, slot, delimiter } => format!(
                "LoadCsv{} FROM {} AS {}{}",
                if *with_headers { " WITH HEADERS" } else { "" },
                self.expr(from),
                self.name(*slot),
                if *delimiter == ',' { String::new() } else { format!(" FIELDTERMINATOR {delimiter:?}") }
            ),
            Op::Produce(slots) => format!("Produce {}", self.slots(slots)),
            Op::Discard => "Discard".into(),
        }
    }

    fn slots(&self, slots: &[Slot]) -> String {
        slots.iter().map(|s| self.name(*s)).collect::<Vec<_>>().join(", ")
    }

    fn pattern(&self, p: &bind::Pattern) -> String {
        let mut parts = Vec::new();
        for part in &p.parts {
            let node = |n: &bind::NodePat| {
                format!(
                    "({}{})",
                    self.name(n.slot),
                    n.labels.iter().map(|l| format!(":{}", quote_name(l))).collect::<String>()
                )
            };
            let mut s = node(&part.start);
            for (r, n) in &part.steps {
                let t = r.types.iter().map(|t| format!(":{}", quote_name(t))).collect::<String>();
                let (l, rr) = match r.dir {
                    ast::Direction::Outgoing => ("-", "->"),
                    ast::Direction::Incoming => ("<-", "-"),
                    ast::Direction::Both => ("-", "-"),
                };
                let _ = write!(s, "{l}[{}{t}]{rr}{}", self.name(r.slot), node(n));
            }
            parts.push(s);
        }
        parts.join(", ")
    }

    fn agg(&self, a: &bind::AggCall) -> String {
        if a.func == bind::AggFunc::CountStar {
            return "count(*)".into();
        }
        format!(
            "{}({}{})",
            a.func.name(),
            if a.distinct { "DISTINCT " } else { "" },
            a.args.iter().map(|e| self.expr(e)).collect::<Vec<_>>().join(", ")
        )
    }

    fn expr(&self, e: &Expr) -> String {
        let list = |items: &[Expr]| items.iter().map(|e| self.expr(e)).collect::<Vec<_>>().join(", ");
        match e {
            Expr::Const(v) => v.to_string(),
            Expr::Param(p) => format!("${p}"),
            Expr::Var(s) => self.name(*s),
            Expr::Property(b, k) => format!("{}.{}", self.expr(b), quote_name(k)),
            Expr::Index(a, b) => format!("{}[{}]", self.expr(a), self.expr(b)),
            Expr::Slice(a, b, c) => format!(
                "{}[{}..{}]",
                self.expr(a),
                b.as_ref().map(|x| self.expr(x)).unwrap_or_default(),
                c.as_ref().map(|x| self.expr(x)).unwrap_or_default()
            ),
            Expr::List(items) => format!("[{}]", list(items)),
            Expr::Map(entries) => format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{}: {}", quote_name(k), self.expr(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Expr::Not(a) => format!("NOT {}", self.expr(a)),
            Expr::Neg(a) => format!("-{}", self.expr(a)),
            Expr::Binary(op, a, b) => format!("({} {} {})", self.expr(a), binop(*op), self.expr(b)),
            Expr::IsNull(a, neg) => {
                format!("{} IS {}NULL", self.expr(a), if *neg { "NOT " } else { "" })
            }
            Expr::HasLabels(a, ls) => {
                format!("{}{}", self.expr(a), ls.iter().map(|l| format!(":{}", quote_name(l))).collect::<String>())
            }
            Expr::Call(f, args) => format!("{}({})", f.0.name, list(args)),
            Expr::Agg(a) => self.agg(a),
            Expr::Case { operand, whens, else_ } => {
                let mut s = String::from("CASE");
                if let Some(o) = operand {
                    let _ = write!(s, " {}", self.expr(o));
                }
                for (w, t) in whens {
                    let _ = write!(s, " WHEN {} THEN {}", self.expr(w), self.expr(t));
                }
                if let Some(e) = else_ {
                    let _ = write!(s, " ELSE {}", self.expr(e));
                }
                s + " END"
            }
            Expr::ListComp { slot, list: l, predicate, projection } => format!(
                "[{} IN {}{}{}]",
                self.name(*slot),
                self.expr(l),
                predicate.as_ref().map(|p| format!(" WHERE {}", self.expr(p))).unwrap_or_default(),
                projection.as_ref().map(|p| format!(" | {}", self.expr(p))).unwrap_or_default()
            ),
            Expr::Quantified { quantifier, slot, list: l, predicate } => {
                let q = format!("{quantifier:?}").to_lowercase();
                format!("{q}({} IN {} WHERE {})", self.name(*slot), self.expr(l), self.expr(predicate))
            }
            Expr::Reduce { acc, init, slot, list: l, expr } => {
                format!(
                    "reduce({} = {}, {} IN {} | {})",
                    self.name(*acc),
                    self.expr(init),
                    self.name(*slot),
                    self.expr(l),
                    self.expr(expr)
                )
            }
            Expr::Exists(i) => format!("EXISTS {{ {} }}", self.subplan(*i)),
            Expr::PatternComp(i, proj) => format!("[{} | {}]", self.subplan(*i), self.expr(proj)),
            Expr::MapProjection(b, items) => format!(
                "{}{{{}}}",
                self.expr(b),
                items
                    .iter()
                    .map(|i| match i {
                        MapProjItem::Property(k) => format!(".{}", quote_name(k)),
                        MapProjItem::AllProperties => ".*".into(),
                        MapProjItem::Entry(k, v) => format!("{}: {}", quote_name(k), self.expr(v)),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Expr::Path(start, steps) => {
                let mut s = format!("path({}", self.name(*start));
                for (r, _, n) in steps {
                    let _ = write!(s, ", {}, {}", self.name(*r), self.name(*n));
                }
                s + ")"
            }
        }
    }

    /// A subquery on one line: its operators, first to last.
    fn subplan(&self, i: usize) -> String {
        match self.branch.subplans.get(i) {
            Some(p) => p.ops.iter().skip(1).map(|op| self.op(op)).collect::<Vec<_>>().join(" | "),
            None => "?".into(),
        }
    }
}

fn binop(op: ast::BinaryOp) -> &'static str {
    use ast::BinaryOp as B;
    match op {
        B::Or => "OR",
        B::Xor => "XOR",
        B::And => "AND",
        B::Eq => "=",
        B::Ne => "<>",
        B::Lt => "<",
        B::Le => "<=",
        B::Gt => ">",
        B::Ge => ">=",
        B::In => "IN",
        B::StartsWith => "STARTS WITH",
        B::EndsWith => "ENDS WITH",
        B::Contains => "CONTAINS",
        B::RegexMatch => "=~",
        B::Add => "+",
        B::Sub => "-",
        B::Mul => "*",
        B::Div => "/",
        B::Mod => "%",
        B::Pow => "^",
    }
}
