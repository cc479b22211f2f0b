//! Binding expressions: variables to slots, function names to functions, aggregate
//! calls to `Expr::Agg`, pattern predicates and comprehensions to subqueries.

use super::{Binder, Expr, MapProjItem, PatternUse, Quantifier, Subquery, VarKind, undefined};
use crate::error::{Error, ErrorKind};
use crate::functions;
use crate::syntax::ast;
use crate::value::Value;

impl Binder {
    pub(crate) fn bind_expr(&mut self, e: &ast::Expr) -> Result<Expr, Error> {
        let allowed = self.pattern_ok;
        if matches!(e.kind, ast::ExprKind::PatternPredicate(_)) && !allowed {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "UnexpectedSyntax",
                e.span,
                "a pattern can only be used as a predicate in WHERE; use EXISTS { ... } or a pattern comprehension",
            ));
        }
        let connective = matches!(
            e.kind,
            ast::ExprKind::Unary(ast::UnaryOp::Not, _)
                | ast::ExprKind::Binary(ast::BinaryOp::And | ast::BinaryOp::Or | ast::BinaryOp::Xor, ..)
        );
        self.pattern_ok = allowed && connective;
        let bound = self.bind_expr_node(e);
        self.pattern_ok = allowed;
        let bound = bound?;
        self.check_types(&bound, e.span)?;
        Ok(bound)
    }

    fn bind_expr_node(&mut self, e: &ast::Expr) -> Result<Expr, Error> {
        use ast::ExprKind as K;
        Ok(match &e.kind {
            K::Literal(l) => Expr::Const(match l {
                ast::Literal::Null => Value::Null,
                ast::Literal::Bool(b) => Value::Bool(*b),
                ast::Literal::Integer(i) => Value::Int(*i),
                ast::Literal::Float(f) => Value::Float(*f),
                ast::Literal::String(s) => Value::String(s.clone()),
            }),
            K::Parameter(p) => Expr::Param(p.clone()),
            K::Variable(v) => match self.scope.get(v) {
                Some(var) => Expr::Var(var.slot),
                None => return Err(undefined(v, e.span)),
            },
            K::List(items) => {
                let items = items.iter().map(|i| self.bind_expr(i)).collect::<Result<Vec<_>, _>>()?;
                fold_list(items)
            }
            K::Map(entries) => Expr::Map(
                entries.iter().map(|(k, v)| Ok((k.name.clone(), self.bind_expr(v)?))).collect::<Result<_, Error>>()?,
            ),
            K::Property(base, key) => Expr::Property(Box::new(self.bind_expr(base)?), key.name.clone()),
            K::Index(a, b) => Expr::Index(Box::new(self.bind_expr(a)?), Box::new(self.bind_expr(b)?)),
            K::Slice(a, b, c) => Expr::Slice(
                Box::new(self.bind_expr(a)?),
                b.as_ref().map(|x| self.bind_expr(x).map(Box::new)).transpose()?,
                c.as_ref().map(|x| self.bind_expr(x).map(Box::new)).transpose()?,
            ),
            K::Unary(op, inner) => {
                let b = self.bind_expr(inner)?;
                match op {
                    ast::UnaryOp::Not => Expr::Not(Box::new(b)),
                    ast::UnaryOp::Neg => match b {
                        Expr::Const(Value::Int(i)) if i != i64::MIN => Expr::Const(Value::Int(-i)),
                        Expr::Const(Value::Float(f)) => Expr::Const(Value::Float(-f)),
                        b => Expr::Neg(Box::new(b)),
                    },
                    ast::UnaryOp::Plus => b,
                }
            }
            K::Binary(op, a, b) => Expr::Binary(*op, Box::new(self.bind_expr(a)?), Box::new(self.bind_expr(b)?)),
            K::IsNull { expr, negated } => Expr::IsNull(Box::new(self.bind_expr(expr)?), *negated),
            K::HasLabels(base, labels) => {
                Expr::HasLabels(Box::new(self.bind_expr(base)?), labels.iter().map(|l| l.name.clone()).collect())
            }
            K::FunctionCall { name, distinct, args } => self.bind_call(e, name, *distinct, args)?,
            K::CountStar => {
                Expr::Agg(Box::new(super::AggCall { func: super::AggFunc::CountStar, distinct: false, args: vec![] }))
            }
            K::Case { operand, whens, else_ } => Expr::Case {
                operand: operand.as_ref().map(|o| self.bind_expr(o).map(Box::new)).transpose()?,
                whens: whens
                    .iter()
                    .map(|(w, t)| Ok((self.bind_expr(w)?, self.bind_expr(t)?)))
                    .collect::<Result<_, Error>>()?,
                else_: else_.as_ref().map(|o| self.bind_expr(o).map(Box::new)).transpose()?,
            },
            K::ListComprehension { var, list, predicate, projection } => {
                let list = Box::new(self.bind_expr(list)?);
                let saved = self.scope.clone();
                let slot = self.declare(Some(var), VarKind::Value);
                if let Some(k) = self.element_kind(&list) {
                    self.static_types.insert(slot, k);
                }
                let predicate = predicate.as_ref().map(|p| self.bind_expr(p).map(Box::new)).transpose();
                let projection = projection.as_ref().map(|p| self.bind_expr(p).map(Box::new)).transpose();
                self.scope = saved;
                let (predicate, projection) = (predicate?, projection?);
                if predicate.iter().chain(projection.iter()).any(|e| e.contains_aggregate()) {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidAggregation",
                        e.span,
                        "aggregates are not allowed inside a list comprehension",
                    ));
                }
                Expr::ListComp { slot, list, predicate, projection }
            }
            K::Quantified { quantifier, var, list, predicate } => {
                let list = Box::new(self.bind_expr(list)?);
                let saved = self.scope.clone();
                let slot = self.declare(Some(var), VarKind::Value);
                if let Some(k) = self.element_kind(&list) {
                    self.static_types.insert(slot, k);
                }
                let pred = match predicate {
                    Some(p) => self.bind_expr(p),
                    None => Ok(Expr::Const(Value::Bool(true))),
                };
                self.scope = saved;
                let quantifier = match quantifier {
                    ast::Quantifier::All => Quantifier::All,
                    ast::Quantifier::Any => Quantifier::Any,
                    ast::Quantifier::None => Quantifier::None,
                    ast::Quantifier::Single => Quantifier::Single,
                };
                Expr::Quantified { quantifier, slot, list, predicate: Box::new(pred?) }
            }
            K::Reduce { acc, init, var, list, expr } => {
                let init = Box::new(self.bind_expr(init)?);
                let list = Box::new(self.bind_expr(list)?);
                let saved = self.scope.clone();
                let acc_slot = self.declare(Some(acc), VarKind::Value);
                let slot = self.declare(Some(var), VarKind::Value);
                let body = self.bind_expr(expr);
                self.scope = saved;
                let body = body?;
                if body.contains_aggregate() {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidAggregation",
                        e.span,
                        "aggregates are not allowed inside reduce",
                    ));
                }
                Expr::Reduce { acc: acc_slot, init, slot, list, expr: Box::new(body) }
            }
            K::PatternPredicate(element) => {
                let part = ast::PatternPart {
                    var: None,
                    shortest: None,
                    mode: None,
                    element: element.clone(),
                    cost: None,
                    span: element.span,
                };
                let id = self.bind_subquery(|b| {
                    let pattern = b.bind_pattern(std::slice::from_ref(&part), PatternUse::Predicate)?;
                    Ok(vec![super::Clause::Match { optional: false, pattern, predicate: None }])
                })?;
                Expr::Exists(id)
            }
            K::PatternComprehension { var, pattern, predicate, projection } => {
                let part =
                    ast::PatternPart {
                    var: var.clone(),
                    shortest: None,
                    mode: None,
                    element: pattern.clone(),
                    cost: None,
                    span: pattern.span,
                };
                let saved = self.scope.clone();
                let mut proj = None;
                let id = self.bind_subquery(|b| {
                    let pattern = b.bind_pattern(std::slice::from_ref(&part), PatternUse::Comprehension)?;
                    let predicate = predicate.as_ref().map(|p| b.bind_predicate(p)).transpose()?;
                    proj = Some(b.bind_expr(projection)?);
                    Ok(vec![super::Clause::Match { optional: false, pattern, predicate }])
                });
                self.scope = saved;
                let id = id?;
                Expr::PatternComp(id, Box::new(proj.unwrap_or(Expr::Const(Value::Null))))
            }
            K::ExistsSubquery(query) => {
                if !query.unions.is_empty() {
                    return Err(Error::unsupported(e.span, "UNION inside EXISTS is not supported"));
                }
                let id = self.bind_subquery(|b| {
                    let mut clauses = Vec::new();
                    for c in &query.first.clauses {
                        match c {
                            ast::Clause::Return(r) => {
                                let (proj, _) = b.bind_projection(&r.projection, None, true, r.span)?;
                                clauses.push(super::Clause::With(proj));
                            }
                            ast::Clause::Match(m) => {
                                let pattern = b.bind_pattern(&m.pattern, PatternUse::Match)?;
                                let predicate = m.where_.as_ref().map(|w| b.bind_predicate(w)).transpose()?;
                                clauses.push(super::Clause::Match { optional: m.optional, pattern, predicate });
                            }
                            ast::Clause::Create(_)
                            | ast::Clause::Merge(_)
                            | ast::Clause::Set(_)
                            | ast::Clause::Remove(_)
                            | ast::Clause::Delete(_)
                            | ast::Clause::Foreach(_) => {
                                return Err(Error::compile(
                                    ErrorKind::SyntaxError,
                                    "InvalidClauseComposition",
                                    c.span(),
                                    "an EXISTS subquery cannot change the graph",
                                ));
                            }
                            other => clauses.push(b.bind_clause(other)?),
                        }
                    }
                    Ok(clauses)
                })?;
                Expr::Exists(id)
            }
            K::MapProjection { var, items } => {
                let base = match self.scope.get(&var.name) {
                    Some(v) => Expr::Var(v.slot),
                    None => return Err(undefined(&var.name, var.span)),
                };
                let mut out = Vec::new();
                for item in items {
                    out.push(match item {
                        ast::MapProjectionItem::Property(k) => MapProjItem::Property(k.name.clone()),
                        ast::MapProjectionItem::AllProperties => MapProjItem::AllProperties,
                        ast::MapProjectionItem::Literal(k, v) => MapProjItem::Entry(k.name.clone(), self.bind_expr(v)?),
                        ast::MapProjectionItem::Variable(v) => match self.scope.get(&v.name) {
                            Some(var) => MapProjItem::Entry(v.name.clone(), Expr::Var(var.slot)),
                            None => return Err(undefined(&v.name, v.span)),
                        },
                    });
                }
                Expr::MapProjection(Box::new(base), out)
            }
        })
    }

    /// Bind a correlated subquery in a child scope; returns its index.
    fn bind_subquery(
        &mut self,
        f: impl FnOnce(&mut Binder) -> Result<Vec<super::Clause>, Error>,
    ) -> Result<usize, Error> {
        let saved = self.scope.clone();
        let clauses = f(self);
        self.scope = saved;
        let clauses = clauses?;
        self.subqueries.push(Subquery { clauses });
        Ok(self.subqueries.len() - 1)
    }

    /// `shortestPath((a)-[*]-(b))` as an expression: the path (or null), or for
    /// `allShortestPaths` the list of paths, between nodes bound earlier.
    fn bind_shortest_expr(
        &mut self,
        element: &ast::PatternElement,
        all: bool,
        span: crate::error::Span,
    ) -> Result<Expr, Error> {
        let hidden = ast::Ident { name: format!("  shortest{}", self.n_slots), span };
        let part = ast::PatternPart {
            var: Some(hidden.clone()),
            shortest: Some(if all { ast::Shortest::All } else { ast::Shortest::One }),
            mode: None,
            element: element.clone(),
            cost: None,
            span,
        };
        let mut path_slot = None;
        let id = self.bind_subquery(|b| {
            let pattern = b.bind_pattern(std::slice::from_ref(&part), PatternUse::Predicate)?;
            path_slot = pattern.parts.first().and_then(|p| p.path);
            Ok(vec![super::Clause::Match { optional: false, pattern, predicate: None }])
        })?;
        let Some(slot) = path_slot else { return Err(Error::internal("shortest path without a path slot")) };
        let paths = Expr::PatternComp(id, Box::new(Expr::Var(slot)));
        if all {
            return Ok(paths);
        }
        let head = functions::lookup("head").ok_or_else(|| Error::internal("head() is missing"))?;
        Ok(Expr::Call(super::Func(head), vec![paths]))
    }

    fn bind_call(
        &mut self,
        e: &ast::Expr,
        name: &[ast::Ident],
        distinct: bool,
        args: &[ast::Expr],
    ) -> Result<Expr, Error> {
        let full: Vec<&str> = name.iter().map(|i| i.name.as_str()).collect();
        let full = full.join(".");
        if let ([arg], true) =
            (args, ["shortestpath", "allshortestpaths"].contains(&full.to_ascii_lowercase().as_str()))
        {
            if let ast::ExprKind::PatternPredicate(element) = &arg.kind {
                return self.bind_shortest_expr(element, full.eq_ignore_ascii_case("allShortestPaths"), e.span);
            }
        }
        let bound = args.iter().map(|a| self.bind_expr(a)).collect::<Result<Vec<_>, _>>()?;
        if let Some(func) = super::AggFunc::from_name(&full) {
            if bound.len() != func.arity() {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "InvalidNumberOfArguments",
                    e.span,
                    format!("{}() takes {} argument(s), got {}", func.name(), func.arity(), bound.len()),
                ));
            }
            if bound.iter().any(|a| a.calls_nondeterministic()) {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "NonConstantExpression",
                    e.span,
                    "aggregate arguments must be deterministic",
                ));
            }
            return Ok(Expr::Agg(Box::new(super::AggCall { func, distinct, args: bound })));
        }
        let Some(f) = functions::lookup(&full) else {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "UnknownFunction",
                e.span,
                format!("unknown function `{full}`"),
            ));
        };
        if bound.len() < f.min_args || f.max_args.is_some_and(|m| bound.len() > m) {
            let expected = match f.max_args {
                Some(m) if m == f.min_args => format!("{m}"),
                Some(m) => format!("{} to {m}", f.min_args),
                None => format!("at least {}", f.min_args),
            };
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "InvalidNumberOfArguments",
                e.span,
                format!("{}() takes {expected} argument(s), got {}", f.name, bound.len()),
            ));
        }
        if distinct {
            return Err(Error::compile(
                ErrorKind::SyntaxError,
                "InvalidAggregation",
                e.span,
                format!("DISTINCT is only allowed in aggregate functions, not in {}()", f.name),
            ));
        }
        Ok(Expr::Call(super::Func(f), bound))
    }
}

impl Expr {
    fn calls_nondeterministic(&self) -> bool {
        matches!(self, Expr::Call(f, _) if f.0.name.eq_ignore_ascii_case("rand"))
            || self.children().into_iter().any(Expr::calls_nondeterministic)
    }
}

/// A list of constants is a constant.
fn fold_list(items: Vec<Expr>) -> Expr {
    if items.iter().all(|i| matches!(i, Expr::Const(_))) {
        Expr::Const(Value::List(
            items.into_iter().map(|i| if let Expr::Const(v) = i { v } else { Value::Null }).collect(),
        ))
    } else {
        Expr::List(items)
    }
}
