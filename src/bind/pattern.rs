//! Binding patterns: numbering the nodes and relationships of MATCH, CREATE and MERGE
//! patterns, deciding which are already bound, and the pattern-specific checks
//! (variable kinds, relationship uniqueness, what CREATE and MERGE accept).

use super::{Binder, Expr, NodePat, PathCost, Pattern, PatternPart, RelPat, Slot, VarKind, already_bound, undefined};
use crate::error::{Error, ErrorKind};
use crate::syntax::ast;
use crate::value::Kind;

/// Where a pattern appears: each place has its own rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PatternUse {
    Match,
    Create,
    Merge,
    /// `WHERE (a)-->(b)`: may not introduce named variables.
    Predicate,
    /// `[(a)-->(b) | b.x]`: new variables are local to the comprehension.
    Comprehension,
}

fn conflict(id: &ast::Ident, was: VarKind, wanted: &str) -> Error {
    Error::compile(
        ErrorKind::SyntaxError,
        "VariableTypeConflict",
        id.span,
        format!("variable `{}` is a {} and cannot be used as a {wanted}", id.name, kind_name(was)),
    )
}

fn static_conflict(id: &ast::Ident, was: Kind, wanted: &str) -> Error {
    Error::compile(
        ErrorKind::SyntaxError,
        "VariableTypeConflict",
        id.span,
        format!("variable `{}` holds a {was:?} and cannot be used as a {wanted}", id.name),
    )
}

fn kind_name(k: VarKind) -> &'static str {
    match k {
        VarKind::Node => "node",
        VarKind::Rel => "relationship",
        VarKind::RelList => "relationship list",
        VarKind::Path => "path",
        VarKind::Value => "value",
    }
}

impl Binder {
    pub(crate) fn bind_pattern(&mut self, parts: &[ast::PatternPart], usage: PatternUse) -> Result<Pattern, Error> {
        let mut out = Pattern::default();
        // Relationship variables declared by this pattern (for uniqueness checks).
        let mut rels_here: Vec<String> = Vec::new();
        let mut nodes_here: Vec<String> = Vec::new();
        for part in parts {
            if usage == PatternUse::Create || usage == PatternUse::Merge {
                if let Some(s) = part.shortest {
                    let _ = s;
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "UnexpectedSyntax",
                        part.span,
                        "shortestPath cannot be used here",
                    ));
                }
            }
            let start = self.bind_node(&part.element.start, usage, &mut nodes_here)?;
            // `MATCH (a) CREATE (a)`: creating a lone node that already exists.
            if matches!(usage, PatternUse::Create | PatternUse::Merge) && start.bound && part.element.chain.is_empty() {
                if let Some(id) = &part.element.start.var {
                    return Err(already_bound(id));
                }
            }
            let mut steps = Vec::new();
            for (rel, node) in &part.element.chain {
                let r = self.bind_rel(rel, usage, &mut rels_here)?;
                let n = self.bind_node(node, usage, &mut nodes_here)?;
                steps.push((r, n));
            }
            let path = match &part.var {
                Some(v) => {
                    if self.scope.get(&v.name).is_some() {
                        return Err(already_bound(v));
                    }
                    Some(self.declare(Some(v), VarKind::Path))
                }
                None => None,
            };
            let cost = match &part.cost {
                Some(c) => Some(self.bind_cost(c, part)?),
                None => None,
            };
            if (part.mode.is_some() || cost.is_some()) && usage != PatternUse::Match {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "UnexpectedSyntax",
                    part.span,
                    "path modes and COST can only be used in MATCH",
                ));
            }
            out.parts.push(PatternPart {
                path,
                shortest: part.shortest,
                mode: part.mode,
                cost,
                start,
                steps,
                span: part.span,
            });
        }
        Ok(out)
    }

    /// `COST expr [AS alias]`: the expression sees the pattern's relationship variable as
    /// one relationship (a slot of its own), and the alias is a new value variable.
    fn bind_cost(&mut self, c: &ast::Cost, part: &ast::PatternPart) -> Result<PathCost, Error> {
        let rel = self.new_slot();
        let saved = self.scope.clone();
        if let Some((r, _)) = part.element.chain.first() {
            if let Some(id) = &r.var {
                self.scope.insert(&id.name, super::Var { slot: rel, kind: VarKind::Rel });
            }
        }
        let expr = self.bind_expr(&c.expr);
        self.scope = saved;
        let expr = expr?;
        let alias = match &c.alias {
            Some(a) => {
                if self.scope.get(&a.name).is_some() {
                    return Err(already_bound(a));
                }
                Some(self.declare(Some(a), VarKind::Value))
            }
            None => None,
        };
        Ok(PathCost { expr, rel, alias })
    }

    fn bind_props(
        &mut self,
        props: &Option<Box<ast::Expr>>,
        usage: PatternUse,
    ) -> Result<(Vec<(String, Expr)>, Option<Expr>), Error> {
        match props.as_deref() {
            None => Ok((vec![], None)),
            Some(ast::Expr { kind: ast::ExprKind::Map(entries), .. }) => {
                let mut out = Vec::new();
                for (k, v) in entries {
                    out.push((k.name.clone(), self.bind_expr(v)?));
                }
                Ok((out, None))
            }
            Some(e) => {
                if matches!(
                    usage,
                    PatternUse::Match | PatternUse::Merge | PatternUse::Predicate | PatternUse::Comprehension
                ) {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidParameterUse",
                        e.span,
                        "a parameter map cannot be used as properties to match; use WHERE instead",
                    ));
                }
                Ok((vec![], Some(self.bind_expr(e)?)))
            }
        }
    }

    fn bind_node(&mut self, n: &ast::NodePattern, usage: PatternUse, here: &mut Vec<String>) -> Result<NodePat, Error> {
        // Properties are bound before the variable is declared: `(a {x: a.y})` cannot see `a`.
        let (props, props_param) = self.bind_props(&n.props, usage)?;
        let labels: Vec<String> = n.labels.iter().map(|l| l.name.clone()).collect();
        let (slot, bound) = match &n.var {
            None => (self.new_slot(), false),
            Some(id) => match self.scope.get(&id.name) {
                Some(var) => {
                    if !matches!(var.kind, VarKind::Node | VarKind::Value) {
                        return Err(conflict(id, var.kind, "node"));
                    }
                    if let Some(k) = self.slot_kind(var.slot).filter(|k| !matches!(k, Kind::Node | Kind::Null)) {
                        return Err(static_conflict(id, k, "node"));
                    }
                    if matches!(usage, PatternUse::Create | PatternUse::Merge)
                        && (!labels.is_empty() || n.props.is_some())
                    {
                        return Err(already_bound(id));
                    }
                    (var.slot, true)
                }
                None => {
                    if usage == PatternUse::Predicate {
                        return Err(undefined(&id.name, id.span));
                    }
                    here.push(id.name.clone());
                    (self.declare(Some(id), VarKind::Node), false)
                }
            },
        };
        Ok(NodePat { slot, bound, labels, props, props_param, span: n.span })
    }

    fn bind_rel(&mut self, r: &ast::RelPattern, usage: PatternUse, here: &mut Vec<String>) -> Result<RelPat, Error> {
        let (props, props_param) = self.bind_props(&r.props, usage)?;
        let types: Vec<String> = r.types.iter().map(|t| t.name.clone()).collect();
        let length = r.length.map(|l| (l.min.unwrap_or(1), l.max));
        if matches!(usage, PatternUse::Create | PatternUse::Merge) {
            if let Some(id) = &r.var {
                if self.scope.get(&id.name).is_some() {
                    return Err(already_bound(id));
                }
            }
            if types.len() != 1 {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "NoSingleRelationshipType",
                    r.span,
                    "a relationship to create needs exactly one type",
                ));
            }
            if usage == PatternUse::Create && r.direction == ast::Direction::Both {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "RequiresDirectedRelationship",
                    r.span,
                    "a relationship to create needs a direction",
                ));
            }
            if length.is_some() {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "CreatingVarLength",
                    r.span,
                    "variable-length relationships cannot be created",
                ));
            }
            if let Some(id) = &r.var {
                if self.scope.get(&id.name).is_some() {
                    return Err(already_bound(id));
                }
            }
        }
        let kind = if length.is_some() { VarKind::RelList } else { VarKind::Rel };
        let (slot, bound): (Slot, bool) = match &r.var {
            None => (self.new_slot(), false),
            Some(id) => match self.scope.get(&id.name) {
                Some(var) => {
                    if here.contains(&id.name) {
                        return Err(Error::compile(
                            ErrorKind::SyntaxError,
                            "RelationshipUniquenessViolation",
                            id.span,
                            format!("relationship `{}` cannot be used twice in one pattern", id.name),
                        ));
                    }
                    let want = if length.is_some() { Kind::List } else { Kind::Rel };
                    if let Some(k) = self.slot_kind(var.slot).filter(|k| *k != want && *k != Kind::Null) {
                        return Err(static_conflict(id, k, "relationship"));
                    }
                    if !(var.kind == kind || var.kind == VarKind::Value) {
                        return Err(conflict(
                            id,
                            var.kind,
                            if length.is_some() { "relationship list" } else { "relationship" },
                        ));
                    }
                    if length.is_some() {
                        // Expand into a fresh slot, then compare with the bound list.
                        let fresh = self.new_slot();
                        let dir = r.direction;
                        return Ok(RelPat {
                            slot: fresh,
                            bound: false,
                            types,
                            dir,
                            length,
                            props,
                            props_param,
                            equals: Some(var.slot),
                            span: r.span,
                        });
                    }
                    (var.slot, true)
                }
                None => {
                    if usage == PatternUse::Predicate {
                        return Err(undefined(&id.name, id.span));
                    }
                    here.push(id.name.clone());
                    (self.declare(Some(id), kind), false)
                }
            },
        };
        Ok(RelPat { slot, bound, types, dir: r.direction, length, props, props_param, equals: None, span: r.span })
    }
}
