//! AST to bound query: resolves every variable to a row slot, checks scopes and
//! variable kinds, resolves functions, splits projections into grouping keys and
//! aggregates, and raises the compile-time errors the openCypher TCK expects. It must
//! not look at the store or plan anything: its output says *what* a query means,
//! never *how* to evaluate it.

mod call;
mod expr;
mod pattern;
mod typecheck;
mod types;

pub(crate) use pattern::PatternUse;

pub use call::ProcRef;
pub use types::*;

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Span};
use crate::syntax::ast;
use crate::value::Kind;

/// What binding needs from the engine besides the query.
#[derive(Clone, Debug, Default)]
pub struct BindEnv {
    /// Table procedures registered on the engine.
    pub table_procs: Vec<std::sync::Arc<crate::procedures::TableProcedure>>,
    /// Names of the parameters given with the statement (`None`: not known, checked at
    /// runtime).
    pub params: Option<std::collections::BTreeSet<String>>,
}

/// Bind a parsed query (built-in procedures only, parameters checked at runtime).
pub fn bind(query: &ast::Query) -> Result<BoundQuery, Error> {
    bind_with(query, &BindEnv::default())
}

/// Bind a parsed query in an engine's environment.
pub fn bind_with(query: &ast::Query, env: &BindEnv) -> Result<BoundQuery, Error> {
    let mut parts = Vec::new();
    let mut columns: Option<Vec<String>> = None;
    let mut union_all = Vec::new();
    let all_parts = std::iter::once((false, &query.first)).chain(query.unions.iter().map(|(all, q)| (*all, q)));
    for (i, (all, single)) in all_parts.enumerate() {
        if i > 0 {
            union_all.push(all);
        }
        let binder = Binder { table_procs: env.table_procs.clone(), params: env.params.clone(), ..Binder::default() };
        let part = binder.bind_single(single)?;
        match &columns {
            None => columns = Some(part.columns.clone()),
            Some(cols) if *cols != part.columns => {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "DifferentColumnsInUnion",
                    single.span,
                    "all parts of a UNION must return the same column names",
                ));
            }
            Some(_) => {}
        }
        parts.push(part);
    }
    if union_all.iter().any(|a| *a) && union_all.iter().any(|a| !*a) {
        return Err(Error::compile(
            ErrorKind::SyntaxError,
            "InvalidClauseComposition",
            query.span,
            "UNION and UNION ALL cannot be mixed in one query",
        ));
    }
    Ok(BoundQuery {
        columns: columns.unwrap_or_default(),
        parts,
        union_all: union_all.first().copied().unwrap_or(false),
    })
}

/// Names visible at one point of a query, with their slots and kinds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Scope {
    vars: HashMap<String, Var>,
}

impl Scope {
    pub(crate) fn get(&self, name: &str) -> Option<Var> {
        self.vars.get(name).copied()
    }
    pub(crate) fn insert(&mut self, name: &str, var: Var) {
        self.vars.insert(name.to_string(), var);
    }
    /// User-visible names in alphabetical order (for `RETURN *`).
    fn names(&self) -> Vec<(String, Var)> {
        let mut v: Vec<(String, Var)> = self.vars.iter().map(|(k, v)| (k.clone(), *v)).collect();
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    }
}

/// The state of binding one single query (one UNION branch).
#[derive(Default)]
pub(crate) struct Binder {
    pub(crate) scope: Scope,
    pub(crate) n_slots: usize,
    pub(crate) slot_names: Vec<String>,
    /// Static types of value variables whose type is known (aliases of literals,
    /// comprehension variables over literal lists).
    pub(crate) static_types: HashMap<Slot, crate::value::Kind>,
    /// Procedures registered on the engine (table procedures), besides the built-ins.
    pub(crate) table_procs: Vec<std::sync::Arc<crate::procedures::TableProcedure>>,
    /// The statement's parameters, when known: a missing one is a compile-time error.
    pub(crate) params: Option<std::collections::BTreeSet<String>>,
    /// Pattern predicates are allowed here (a WHERE, under AND/OR/XOR/NOT only).
    pub(crate) pattern_ok: bool,
    pub(crate) subqueries: Vec<Subquery>,
}

impl Binder {
    pub(crate) fn new_slot(&mut self) -> Slot {
        self.n_slots += 1;
        self.slot_names.push(format!("_anon{}", self.n_slots - 1));
        Slot(self.n_slots - 1)
    }

    fn name_slot(&mut self, slot: Slot, name: &str) {
        if let Some(n) = self.slot_names.get_mut(slot.0) {
            *n = name.to_string();
        }
    }

    /// Declare a new variable (or an anonymous one with `name: None`).
    pub(crate) fn declare(&mut self, name: Option<&ast::Ident>, kind: VarKind) -> Slot {
        let slot = self.new_slot();
        if let Some(id) = name {
            self.scope.insert(&id.name, Var { slot, kind });
            self.name_slot(slot, &id.name);
        }
        slot
    }

    fn bind_single(mut self, q: &ast::SingleQuery) -> Result<SingleQuery, Error> {
        let mut clauses = Vec::new();
        let n = q.clauses.len();
        let mut columns = Vec::new();
        // A query that is a single CALL returns what the procedure yields.
        if let [ast::Clause::Call(c)] = q.clauses.as_slice() {
            let (call, cols) = self.bind_procedure_call(c, true)?;
            let mut clauses = vec![call];
            if let Clause::Call { yields, .. } = &clauses[0] {
                let items = call::standalone_items(yields);
                if let Some(w) = &c.where_ {
                    let pred = self.bind_predicate(w)?;
                    clauses.push(Clause::Filter(pred));
                }
                clauses.push(Clause::Return(Projection {
                    items: items.iter().map(|s| ProjectItem { expr: Expr::Var(*s), slot: *s }).collect(),
                    aggregation: None,
                    distinct: false,
                    order_by: Vec::new(),
                    skip: None,
                    limit: None,
                    where_: None,
                }));
            }
            return Ok(SingleQuery {
                clauses,
                columns: cols,
                n_slots: self.n_slots,
                slot_names: self.slot_names,
                subqueries: self.subqueries,
            });
        }
        for (i, clause) in q.clauses.iter().enumerate() {
            let last = i + 1 == n;
            if let ast::Clause::Return(r) = clause {
                if !last {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidClauseComposition",
                        r.span,
                        "RETURN can only be used at the end of the query",
                    ));
                }
                let (proj, cols) = self.bind_projection(&r.projection, None, true, r.span)?;
                columns = cols;
                clauses.push(Clause::Return(proj));
                continue;
            }
            if last && matches!(clause, ast::Clause::Match(_) | ast::Clause::With(_) | ast::Clause::Unwind(_)) {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "InvalidClauseComposition",
                    clause.span(),
                    "a query cannot end with a reading clause: add RETURN",
                ));
            }
            clauses.push(self.bind_clause(clause)?);
        }
        Ok(SingleQuery {
            clauses,
            columns,
            n_slots: self.n_slots,
            slot_names: self.slot_names,
            subqueries: self.subqueries,
        })
    }

    pub(crate) fn bind_clause(&mut self, clause: &ast::Clause) -> Result<Clause, Error> {
        match clause {
            ast::Clause::Match(m) => self.bind_match(m),
            ast::Clause::Unwind(u) => {
                let expr = self.bind_expr(&u.expr)?;
                if self.scope.get(&u.var.name).is_some() {
                    return Err(already_bound(&u.var));
                }
                let slot = self.declare(Some(&u.var), VarKind::Value);
                Ok(Clause::Unwind { expr, slot })
            }
            ast::Clause::With(w) => {
                let (proj, _) = self.bind_projection(&w.projection, w.where_.as_ref(), false, w.span)?;
                Ok(Clause::With(proj))
            }
            ast::Clause::Return(r) => Err(Error::compile(
                ErrorKind::SyntaxError,
                "InvalidClauseComposition",
                r.span,
                "RETURN can only be used at the end of the query",
            )),
            ast::Clause::Create(c) => self.bind_create(c),
            ast::Clause::Merge(m) => self.bind_merge(m),
            ast::Clause::Set(s) => {
                Ok(Clause::Set(s.items.iter().map(|i| self.bind_set_item(i)).collect::<Result<_, _>>()?))
            }
            ast::Clause::Remove(r) => {
                Ok(Clause::Remove(r.items.iter().map(|i| self.bind_remove_item(i)).collect::<Result<_, _>>()?))
            }
            ast::Clause::Delete(d) => {
                let mut exprs = Vec::new();
                for e in &d.exprs {
                    if matches!(e.kind, ast::ExprKind::HasLabels(..)) {
                        return Err(Error::compile(
                            ErrorKind::SyntaxError,
                            "InvalidDelete",
                            e.span,
                            "DELETE expects a node, relationship or path, not a label (use REMOVE n:Label)",
                        ));
                    }
                    let b = self.bind_expr(e)?;
                    let entity = |k: Kind| matches!(k, Kind::Node | Kind::Rel | Kind::Path | Kind::Null | Kind::List);
                    if self.static_kind(&b).is_some_and(|k| !entity(k)) {
                        return Err(Error::compile(
                            ErrorKind::SyntaxError,
                            "InvalidArgumentType",
                            e.span,
                            "DELETE expects a node, relationship or path",
                        ));
                    }
                    exprs.push(b);
                }
                Ok(Clause::Delete { detach: d.detach, exprs })
            }
            ast::Clause::Foreach(f) => {
                let list = self.bind_expr(&f.list)?;
                let saved = self.scope.clone();
                let slot = self.declare(Some(&f.var), VarKind::Value);
                let mut body = Vec::new();
                for c in &f.clauses {
                    body.push(self.bind_clause(c)?);
                }
                self.scope = saved;
                Ok(Clause::Foreach { slot, list, body })
            }
            ast::Clause::LoadCsv(c) => {
                let from = self.bind_expr(&c.from)?;
                if self.scope.get(&c.var.name).is_some() {
                    return Err(already_bound(&c.var));
                }
                let delimiter = match c.field_terminator.as_deref() {
                    None => ',',
                    Some(t) => match (t.chars().next(), t.chars().count()) {
                        (Some(ch), 1) => ch,
                        _ => {
                            return Err(Error::compile(
                                ErrorKind::SyntaxError,
                                "InvalidArgumentValue",
                                c.span,
                                "FIELDTERMINATOR must be a single character",
                            ));
                        }
                    },
                };
                let slot = self.declare(Some(&c.var), VarKind::Value);
                Ok(Clause::LoadCsv { with_headers: c.with_headers, from, slot, delimiter })
            }
            ast::Clause::Call(c) => {
                let (call, _) = self.bind_procedure_call(c, false)?;
                match &c.where_ {
                    Some(w) => {
                        let pred = self.bind_predicate(w)?;
                        Ok(Clause::Sequence(vec![call, Clause::Filter(pred)]))
                    }
                    None => Ok(call),
                }
            }
        }
    }

    fn bind_match(&mut self, m: &ast::Match) -> Result<Clause, Error> {
        let saved = self.scope.clone();
        let pattern = self.bind_pattern(&m.pattern, PatternUse::Match)?;
        let predicate = m.where_.as_ref().map(|w| self.bind_predicate(w)).transpose()?;
        let _ = saved;
        Ok(Clause::Match { optional: m.optional, pattern, predicate })
    }

    /// A WHERE expression: no aggregates allowed.
    pub(crate) fn bind_predicate(&mut self, e: &ast::Expr) -> Result<Expr, Error> {
        self.pattern_ok = true;
        let bound = self.bind_expr(e);
        self.pattern_ok = false;
        let bound = bound?;
        self.check_predicate_type(&bound, e.span)?;
        if bound.contains_aggregate() {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "InvalidAggregation",
                e.span,
                "aggregate functions are not allowed in WHERE",
            ));
        }
        Ok(bound)
    }

    fn bind_create(&mut self, c: &ast::Create) -> Result<Clause, Error> {
        let pattern = self.bind_pattern(&c.pattern, PatternUse::Create)?;
        Ok(Clause::Create(pattern))
    }

    fn bind_merge(&mut self, m: &ast::Merge) -> Result<Clause, Error> {
        let pattern = self.bind_pattern(std::slice::from_ref(&m.part), PatternUse::Merge)?;
        let on_create = m.on_create.iter().map(|i| self.bind_set_item(i)).collect::<Result<_, _>>()?;
        let on_match = m.on_match.iter().map(|i| self.bind_set_item(i)).collect::<Result<_, _>>()?;
        Ok(Clause::Merge { pattern, on_create, on_match })
    }

    fn entity_var(&self, id: &ast::Ident) -> Result<Slot, Error> {
        match self.scope.get(&id.name) {
            Some(v) => Ok(v.slot),
            None => Err(undefined(&id.name, id.span)),
        }
    }

    fn bind_set_item(&mut self, item: &ast::SetItem) -> Result<SetItem, Error> {
        Ok(match item {
            ast::SetItem::Property { target, value, .. } => {
                let ast::ExprKind::Property(base, key) = &target.kind else {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "UnexpectedSyntax",
                        target.span,
                        "SET expects a property",
                    ));
                };
                SetItem::Property {
                    target: self.bind_expr(base)?,
                    key: key.name.clone(),
                    value: self.bind_expr(value)?,
                }
            }
            ast::SetItem::Replace { var, value, .. } => {
                SetItem::Properties { slot: self.entity_var(var)?, value: self.bind_expr(value)?, merge: false }
            }
            ast::SetItem::Merge { var, value, .. } => {
                SetItem::Properties { slot: self.entity_var(var)?, value: self.bind_expr(value)?, merge: true }
            }
            ast::SetItem::Labels { var, labels, .. } => {
                SetItem::Labels { slot: self.entity_var(var)?, labels: labels.iter().map(|l| l.name.clone()).collect() }
            }
        })
    }

    fn bind_remove_item(&mut self, item: &ast::RemoveItem) -> Result<RemoveItem, Error> {
        Ok(match item {
            ast::RemoveItem::Property { target, .. } => {
                let ast::ExprKind::Property(base, key) = &target.kind else {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "UnexpectedSyntax",
                        target.span,
                        "REMOVE expects a property",
                    ));
                };
                RemoveItem::Property { target: self.bind_expr(base)?, key: key.name.clone() }
            }
            ast::RemoveItem::Labels { var, labels, .. } => RemoveItem::Labels {
                slot: self.entity_var(var)?,
                labels: labels.iter().map(|l| l.name.clone()).collect(),
            },
        })
    }

    /// WITH and RETURN. Returns the bound projection and the column names.
    pub(crate) fn bind_projection(
        &mut self,
        p: &ast::Projection,
        where_: Option<&ast::Expr>,
        is_return: bool,
        span: Span,
    ) -> Result<(Projection, Vec<String>), Error> {
        // 1. The items, in the old scope.
        let mut items: Vec<(String, &ast::Expr, Option<Span>)> = Vec::new();
        let mut star_items = Vec::new();
        if p.star {
            let names = self.scope.names();
            if names.is_empty() && is_return {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "NoVariablesInScope",
                    span,
                    "RETURN * needs variables in scope",
                ));
            }
            star_items = names;
        }
        // A WITH expression without alias is an error, raised after the checks of ORDER BY
        // (the TCK expects an ambiguous aggregation there to be reported first).
        let mut missing_alias = None;
        for item in &p.items {
            let name = match (&item.alias, &item.expr.kind) {
                (Some(a), _) => a.name.clone(),
                (None, ast::ExprKind::Variable(v)) => v.clone(),
                (None, _) if is_return => item.text.clone(),
                (None, _) => {
                    missing_alias = missing_alias.or(Some(item.span));
                    item.text.clone()
                }
            };
            if items.iter().any(|(n, _, _)| *n == name) || star_items.iter().any(|(n, _)| *n == name) {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "ColumnNameConflict",
                    item.span,
                    format!("multiple result columns with the name `{name}`"),
                ));
            }
            items.push((name, &item.expr, Some(item.span)));
        }

        let mut bound_items = Vec::new(); // (name, expr, is_agg)
        for (name, var) in &star_items {
            bound_items.push((name.clone(), Expr::Var(var.slot), false, None, var.kind));
        }
        for (name, e, _) in &items {
            let b = self.bind_expr(e)?;
            let kind = match &b {
                Expr::Var(s) => self.kind_of_slot(*s),
                _ => VarKind::Value,
            };
            b.check_nested_aggregates(e.span)?;
            let agg = b.contains_aggregate();
            bound_items.push((name.clone(), b, agg, Some(e.span), kind));
        }
        let aggregating = bound_items.iter().any(|i| i.2);

        // 2. New slots for the projected names.
        let old_scope = self.scope.clone();
        let mut new_scope = Scope::default();
        let mut out_items = Vec::new();
        let mut columns = Vec::new();
        for (name, expr, _, _, kind) in &bound_items {
            let slot = self.new_slot();
            self.name_slot(slot, name);
            if let Some(k) = self.static_kind(expr) {
                self.static_types.insert(slot, k);
            }
            new_scope.insert(name, Var { slot, kind: *kind });
            out_items.push(ProjectItem { expr: expr.clone(), slot });
            columns.push(name.clone());
        }

        // 3. Aggregation: keys are the non-aggregate items; aggregate items are rewritten
        //    to read the aggregate results and the keys.
        let mut aggregation = None;
        if aggregating {
            let mut keys = Vec::new();
            let mut aggs = Vec::new();
            let key_texts: Vec<(String, Slot)> = bound_items
                .iter()
                .zip(&out_items)
                .filter(|(b, _)| !b.2)
                .map(|(b, o)| (format!("{:?}", b.1), o.slot))
                .collect();
            for (b, o) in bound_items.iter().zip(out_items.iter_mut()) {
                if !b.2 {
                    keys.push((o.expr.clone(), o.slot));
                    o.expr = Expr::Var(o.slot);
                } else if let Expr::Agg(call) = &o.expr {
                    // `count(*) AS c`: the aggregate writes its column directly.
                    aggs.push(((**call).clone(), o.slot));
                    o.expr = Expr::Var(o.slot);
                } else {
                    let rewritten = o.expr.clone().extract_aggregates(self, &mut aggs, &key_texts);
                    if let Some(bad) =
                        rewritten.free_slot_outside(&key_texts.iter().map(|k| k.1).collect::<Vec<_>>(), &aggs)
                    {
                        let _ = bad;
                        return Err(Error::compile(
                            ErrorKind::SyntaxError,
                            "AmbiguousAggregationExpression",
                            b.3.unwrap_or(span),
                            "an expression mixing aggregates and other values may only use grouping keys outside the aggregates",
                        ));
                    }
                    o.expr = rewritten;
                }
            }
            aggregation = Some(Aggregation { keys, aggs });
        }

        // 4. ORDER BY, SKIP, LIMIT, WHERE in the new scope (plus the old one when the
        //    projection keeps rows one-to-one).
        // An ORDER BY expression equal to a projected one reads the projected column.
        let item_keys: Vec<(String, Slot)> =
            bound_items.iter().zip(&out_items).map(|(b, o)| (format!("{:?}", b.1), o.slot)).collect();
        let keeps_old = !aggregating && !p.distinct;
        let mut order_scope = if keeps_old { old_scope.clone() } else { Scope::default() };
        for (k, v) in &new_scope.vars {
            order_scope.vars.insert(k.clone(), *v);
        }
        let mut both = old_scope.clone();
        for (k, v) in &new_scope.vars {
            both.vars.insert(k.clone(), *v);
        }
        let post = PostProjection {
            keeps_old,
            scope: order_scope,
            fallback: both,
            item_keys,
            item_slots: out_items.iter().map(|i| i.slot).collect(),
            complex_items: bound_items
                .iter()
                .filter(|b| !matches!(b.1, Expr::Var(_) | Expr::Property(..)))
                .map(|b| b.1.clone())
                .collect(),
        };
        let mut order_by = Vec::new();
        for s in &p.order_by {
            let e = post.bind(self, &s.expr, "ORDER BY", false)?;
            order_by.push((e, s.descending));
        }
        self.scope = Scope::default();
        let skip = p.skip.as_ref().map(|e| self.bind_constant(e, "SKIP")).transpose()?;
        let limit = p.limit.as_ref().map(|e| self.bind_constant(e, "LIMIT")).transpose()?;
        if let Some(span) = missing_alias {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "NoExpressionAlias",
                span,
                "expressions in WITH must be aliased (use AS)",
            ));
        }
        // WHERE sees what ORDER BY sees.
        let where_ = where_.map(|w| post.bind(self, w, "WHERE", true)).transpose()?;
        self.scope = new_scope;
        Ok((Projection { items: out_items, aggregation, distinct: p.distinct, order_by, skip, limit, where_ }, columns))
    }

    /// SKIP and LIMIT: constant expressions (literals and parameters) only.
    fn bind_constant(&mut self, e: &ast::Expr, what: &str) -> Result<Expr, Error> {
        let b = self.bind_expr(e).map_err(|err| {
            if err.code == "UndefinedVariable" {
                Error::compile(
                    ErrorKind::SyntaxError,
                    "NonConstantExpression",
                    e.span,
                    format!("{what} must be a constant expression"),
                )
            } else {
                err
            }
        })?;
        if b.has_vars() {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "NonConstantExpression",
                e.span,
                format!("{what} must be a constant expression"),
            ));
        }
        if let Expr::Const(v) = &b {
            match v {
                crate::value::Value::Int(i) if *i < 0 => {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "NegativeIntegerArgument",
                        e.span,
                        format!("{what} must not be negative"),
                    ));
                }
                crate::value::Value::Int(_) => {}
                _ => {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidArgumentType",
                        e.span,
                        format!("{what} must be an integer"),
                    ));
                }
            }
        }
        Ok(b)
    }

    pub(crate) fn kind_of_slot(&self, slot: Slot) -> VarKind {
        self.scope.vars.values().find(|v| v.slot == slot).map_or(VarKind::Value, |v| v.kind)
    }
}

/// What ORDER BY and WITH ... WHERE see after a projection: the projected names, plus
/// the earlier ones when the projection keeps rows one to one. After DISTINCT or
/// aggregation, expressions of projected columns (`n.name` for a column `n.name`) still
/// work; other earlier variables do not.
struct PostProjection {
    keeps_old: bool,
    scope: Scope,
    /// Earlier and projected names together, for expressions of projected columns.
    fallback: Scope,
    item_keys: Vec<(String, Slot)>,
    item_slots: Vec<Slot>,
    /// Projected expressions that are neither variables nor property accesses.
    complex_items: Vec<Expr>,
}

impl PostProjection {
    fn bind(&self, b: &mut Binder, e: &ast::Expr, what: &str, predicate: bool) -> Result<Expr, Error> {
        b.scope = self.scope.clone();
        let bind = |b: &mut Binder| if predicate { b.bind_predicate(e) } else { b.bind_expr(e) };
        let bound = match bind(b) {
            Ok(x) => x,
            Err(err) if !self.keeps_old && err.code == "UndefinedVariable" => {
                b.scope = self.fallback.clone();
                bind(b)?
            }
            Err(err) => return Err(err),
        };
        let bound = replace_items(bound, &self.item_keys);
        if !self.keeps_old && bound.free_slot_outside(&self.item_slots, &[]).is_some() {
            let complex = self.complex_items.iter().any(|c| bound.mentions(c));
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                if complex { "AmbiguousAggregationExpression" } else { "UndefinedVariable" },
                e.span,
                format!("with DISTINCT or aggregation, {what} can only use the projected columns"),
            ));
        }
        if bound.contains_aggregate() {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "InvalidAggregation",
                e.span,
                format!("{what} can only use aggregates that appear in the projection"),
            ));
        }
        Ok(bound)
    }
}

/// Replace variables, property accesses and aggregates equal to a projected item by the
/// item's column (only these: openCypher does not match larger expressions).
fn replace_items(e: Expr, items: &[(String, Slot)]) -> Expr {
    if matches!(e, Expr::Var(_) | Expr::Property(..) | Expr::Agg(_)) {
        let key = format!("{e:?}");
        if let Some((_, slot)) = items.iter().find(|(k, _)| *k == key) {
            return Expr::Var(*slot);
        }
    }
    let mut e = e;
    e.map_children(|c| replace_items(c, items));
    e
}

pub(crate) fn undefined(name: &str, span: Span) -> Error {
    Error::compile(ErrorKind::SyntaxError, "UndefinedVariable", span, format!("variable `{name}` not defined"))
}

pub(crate) fn already_bound(id: &ast::Ident) -> Error {
    Error::compile(
        ErrorKind::SyntaxError,
        "VariableAlreadyBound",
        id.span,
        format!("variable `{}` already declared", id.name),
    )
}

#[cfg(test)]
mod tests {
    use crate::syntax;

    /// Bind `query` and show the error kind and code, or `ok`.
    fn outcome(query: &str) -> String {
        let statement = match syntax::parse_statement(query) {
            Ok(s) => s,
            Err(e) => return format!("parse {}/{}", e.kind, e.code),
        };
        match super::bind(&statement.query) {
            Ok(_) => "ok".into(),
            Err(e) => format!("{}/{}", e.kind, e.code),
        }
    }

    #[test]
    fn compile_time_errors_carry_tck_codes() {
        let cases = [
            ("MATCH (n) RETURN m", "SyntaxError/UndefinedVariable"),
            ("MATCH (a)-[a]->() RETURN a", "SyntaxError/VariableTypeConflict"),
            ("WITH 1 AS n MATCH (n) RETURN n", "SyntaxError/VariableTypeConflict"),
            ("MATCH (a) CREATE (a)", "SyntaxError/VariableAlreadyBound"),
            ("CREATE (a)-[:T|U]->(b)", "SyntaxError/NoSingleRelationshipType"),
            ("CREATE (a)-[:T]-(b)", "SyntaxError/RequiresDirectedRelationship"),
            ("RETURN 1 AS a, 2 AS a", "SyntaxError/ColumnNameConflict"),
            ("MATCH (n) WITH n.x RETURN 1", "SyntaxError/NoExpressionAlias"),
            ("RETURN count(count(1))", "SyntaxError/NestedAggregation"),
            ("MATCH (n) WHERE count(n) > 1 RETURN n", "SyntaxError/InvalidAggregation"),
            ("RETURN nosuch(1)", "SyntaxError/UnknownFunction"),
            ("RETURN toUpper()", "SyntaxError/InvalidNumberOfArguments"),
            ("MATCH (n) RETURN n LIMIT n.x", "SyntaxError/NonConstantExpression"),
            ("RETURN 1 LIMIT -1", "SyntaxError/NegativeIntegerArgument"),
            ("RETURN 1 AND true", "SyntaxError/InvalidArgumentType"),
            ("RETURN 1 AS a UNION RETURN 2 AS b", "SyntaxError/DifferentColumnsInUnion"),
            ("MATCH (n) RETURN n.x AS x, n.x + count(*) AS y", "ok"),
            (
                "MATCH (n) RETURN n.x + n.y AS s, n.x + n.y + count(*) AS t",
                "SyntaxError/AmbiguousAggregationExpression",
            ),
            ("MATCH (n) RETURN DISTINCT n.name ORDER BY n.name", "ok"),
            ("MATCH (n) RETURN DISTINCT n.name ORDER BY n.age", "SyntaxError/UndefinedVariable"),
            ("MATCH (n) RETURN (n)-->()", "SyntaxError/UnexpectedSyntax"),
            ("MATCH (n) WHERE NOT (n)-->() RETURN n", "ok"),
            ("CALL nosuch.proc()", "ProcedureError/ProcedureNotFound"),
        ];
        let mut wrong = Vec::new();
        for (q, want) in cases {
            let got = outcome(q);
            if got != want {
                wrong.push(format!("{q}\n  want {want}\n  got  {got}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
