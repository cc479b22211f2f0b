//! Binding `CALL proc(args) YIELD ...`: finding the procedure (built-in or a registered
//! table procedure), checking and completing its arguments (defaults, implicit
//! arguments from parameters), and declaring the yielded variables.

use std::sync::Arc;

use super::{Binder, Clause, Expr, Slot, VarKind, already_bound};
use crate::error::{Error, ErrorKind};
use crate::procedures::{self, TableProcedure};
use crate::syntax::{self, ast};
use crate::value::Kind;

/// A resolved procedure.
#[derive(Clone, Debug)]
pub enum ProcRef {
    Builtin(&'static procedures::Procedure),
    Table(Arc<TableProcedure>),
}

impl ProcRef {
    pub fn name(&self) -> String {
        match self {
            ProcRef::Builtin(p) => p.name.to_string(),
            ProcRef::Table(t) => t.name.clone(),
        }
    }

    /// (name, type, default literal) of each parameter.
    pub fn params(&self) -> Vec<(String, String, Option<String>)> {
        match self {
            ProcRef::Builtin(p) => {
                p.params.iter().map(|(n, t, d)| (n.to_string(), t.to_string(), d.map(String::from))).collect()
            }
            ProcRef::Table(t) => t.params.iter().map(|(n, ty)| (n.clone(), ty.clone(), None)).collect(),
        }
    }

    /// Names of the output columns.
    pub fn outputs(&self) -> Vec<String> {
        match self {
            ProcRef::Builtin(p) => p.outputs.iter().map(|c| c.name.to_string()).collect(),
            ProcRef::Table(t) => t.outputs.iter().map(|(n, _)| n.clone()).collect(),
        }
    }
}

/// Does a value of static kind `k` fit a parameter declared as `ty`?
fn fits(k: Kind, ty: &str) -> bool {
    let ty = ty.trim_end_matches('?').to_ascii_uppercase();
    match ty.as_str() {
        "STRING" => k == Kind::String,
        "INTEGER" | "FLOAT" | "NUMBER" => k == Kind::Number,
        "BOOLEAN" => k == Kind::Bool,
        "MAP" => k == Kind::Map,
        "NODE" => k == Kind::Node,
        "RELATIONSHIP" => k == Kind::Rel,
        "PATH" => k == Kind::Path,
        t if t.starts_with("LIST") => k == Kind::List,
        _ => true,
    }
}

impl Binder {
    fn find_procedure(&self, c: &ast::Call) -> Result<ProcRef, Error> {
        let name: Vec<&str> = c.procedure.iter().map(|i| i.name.as_str()).collect();
        let name = name.join(".");
        if let Some(t) = self.table_procs.iter().find(|t| t.name == name) {
            return Ok(ProcRef::Table(Arc::clone(t)));
        }
        procedures::lookup(&name).map(ProcRef::Builtin).ok_or_else(|| {
            Error::compile(
                ErrorKind::ProcedureError,
                "ProcedureNotFound",
                c.span,
                format!("there is no procedure `{name}`; CALL meridian.procedures() lists them"),
            )
        })
    }

    /// A default argument, written as a Cypher literal in the procedure's signature.
    fn default_arg(&mut self, text: &str, c: &ast::Call) -> Result<Expr, Error> {
        let statement = syntax::parse_statement(&format!("RETURN {text}"))?;
        match statement.query.first.clauses.first() {
            Some(ast::Clause::Return(r)) if r.projection.items.len() == 1 => {
                self.bind_expr(&r.projection.items[0].expr)
            }
            _ => Err(Error::internal(format!(
                "bad default `{text}` in the signature of a procedure called at {:?}",
                c.span
            ))),
        }
    }

    /// `standalone`: the CALL is the whole query (it may then omit YIELD or use `YIELD *`).
    pub(crate) fn bind_procedure_call(
        &mut self,
        c: &ast::Call,
        standalone: bool,
    ) -> Result<(Clause, Vec<String>), Error> {
        let proc = self.find_procedure(c)?;
        let params = proc.params();
        let args = match &c.args {
            Some(args) => {
                let required = params.iter().filter(|p| p.2.is_none()).count();
                if args.len() < required || args.len() > params.len() {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidNumberOfArguments",
                        c.span,
                        format!("procedure `{}` takes {} argument(s), got {}", proc.name(), params.len(), args.len()),
                    ));
                }
                let mut bound = Vec::new();
                for (a, (name, ty, _)) in args.iter().zip(&params) {
                    let e = self.bind_expr(a)?;
                    if e.contains_aggregate() {
                        return Err(Error::compile(
                            ErrorKind::SyntaxError,
                            "InvalidAggregation",
                            a.span,
                            "procedure arguments cannot aggregate",
                        ));
                    }
                    if let Some(k) = self.static_kind(&e).filter(|k| *k != Kind::Null) {
                        if !fits(k, ty) {
                            return Err(Error::compile(
                                ErrorKind::SyntaxError,
                                "InvalidArgumentType",
                                a.span,
                                format!("argument `{name}` of `{}` must be {ty}", proc.name()),
                            ));
                        }
                    }
                    bound.push(e);
                }
                for (_, _, default) in params.iter().skip(args.len()) {
                    let text = default.clone().unwrap_or_else(|| "null".into());
                    bound.push(self.default_arg(&text, c)?);
                }
                bound
            }
            // `CALL proc` without parentheses: arguments come from parameters of the same
            // names, and only a standalone call may do that.
            None => {
                if !standalone {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "InvalidArgumentPassingMode",
                        c.span,
                        "an in-query CALL must pass its arguments in parentheses",
                    ));
                }
                params
                    .iter()
                    .map(|(name, _, _)| {
                        self.bind_expr(&ast::Expr { kind: ast::ExprKind::Parameter(name.clone()), span: c.span })
                    })
                    .collect::<Result<_, _>>()?
            }
        };
        let outputs = proc.outputs();
        let mut yields: Vec<(usize, Slot)> = Vec::new();
        let mut columns = Vec::new();
        let items: Vec<(String, &ast::Ident)> = match (&c.yields, c.yield_star || (standalone && c.yields.is_none())) {
            (Some(items), _) => {
                items.iter().map(|y| (y.field.name.clone(), y.alias.as_ref().unwrap_or(&y.field))).collect()
            }
            (None, true) => Vec::new(),
            (None, false) => Vec::new(),
        };
        if c.yields.is_some() {
            let mut declared: Vec<String> = Vec::new();
            for ((field, var), y) in items.iter().zip(c.yields.iter().flatten()) {
                let Some(index) = outputs.iter().position(|o| o == field) else {
                    return Err(Error::compile(
                        ErrorKind::SyntaxError,
                        "UndefinedVariable",
                        y.field.span,
                        format!(
                            "procedure `{}` has no output `{field}` (it yields {})",
                            proc.name(),
                            outputs.join(", ")
                        ),
                    ));
                };
                if declared.contains(&var.name) || self.scope.get(&var.name).is_some() {
                    return Err(already_bound(var));
                }
                declared.push(var.name.clone());
                let slot = self.declare(Some(var), VarKind::Value);
                yields.push((index, slot));
                columns.push(var.name.clone());
            }
        } else if standalone {
            // Standalone without YIELD (or with YIELD *): every output is a column.
            for (index, name) in outputs.iter().enumerate() {
                let slot = self.new_slot();
                yields.push((index, slot));
                columns.push(name.clone());
            }
        }
        // In a query a void procedure passes rows through; standalone it yields nothing.
        let void = outputs.is_empty() && !standalone;
        Ok((Clause::Call { proc, args, yields, void }, columns))
    }
}

/// The yielded slots of a standalone call, in column order (its implicit RETURN).
pub(crate) fn standalone_items(yields: &[(usize, Slot)]) -> Vec<Slot> {
    yields.iter().map(|(_, s)| *s).collect()
}
