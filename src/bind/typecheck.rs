//! Static types: what the binder can tell about an expression's type without running
//! it (literals, entity variables, aliases of literals), and the compile-time type
//! errors the openCypher TCK expects when an operator or function is applied to a
//! value of a type it can never accept. Unknown types are never an error here; the
//! executor checks them at runtime.

use super::{Binder, Expr, Slot, VarKind};
use crate::error::{Error, ErrorKind, Span};
use crate::syntax::ast::BinaryOp;
use crate::value::{Kind, Value};

fn syntax_type_error(span: Span, message: String) -> Error {
    Error::compile(ErrorKind::SyntaxError, "InvalidArgumentType", span, message)
}

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Map => "Map",
        Kind::Node => "Node",
        Kind::Rel => "Relationship",
        Kind::List => "List",
        Kind::Path => "Path",
        Kind::String => "String",
        Kind::Bool => "Boolean",
        Kind::Number => "Number",
        Kind::Null => "Null",
        Kind::Date => "Date",
        Kind::LocalTime => "LocalTime",
        Kind::Time => "Time",
        Kind::LocalDateTime => "LocalDateTime",
        Kind::DateTime => "DateTime",
        Kind::Duration => "Duration",
    }
}

impl Binder {
    /// The static type of `e`, when known.
    pub(crate) fn static_kind(&self, e: &Expr) -> Option<Kind> {
        match e {
            Expr::Const(v) => Some(v.kind()),
            Expr::Var(s) => self.slot_kind(*s),
            Expr::Binary(op, a, b) => match op {
                BinaryOp::Add => match (self.static_kind(a)?, self.static_kind(b)?) {
                    (Kind::Number, Kind::Number) => Some(Kind::Number),
                    (Kind::String, Kind::String) => Some(Kind::String),
                    (Kind::List, _) | (_, Kind::List) => Some(Kind::List),
                    _ => None,
                },
                BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Pow => {
                    match (self.static_kind(a)?, self.static_kind(b)?) {
                        (Kind::Number, Kind::Number) => Some(Kind::Number),
                        _ => None,
                    }
                }
                _ => Some(Kind::Bool),
            },
            Expr::Not(_) | Expr::IsNull(..) | Expr::HasLabels(..) | Expr::Exists(_) | Expr::Quantified { .. } => {
                Some(Kind::Bool)
            }
            Expr::List(_) | Expr::ListComp { .. } | Expr::PatternComp(..) => Some(Kind::List),
            Expr::Map(_) | Expr::MapProjection(..) => Some(Kind::Map),
            Expr::Path(..) => Some(Kind::Path),
            _ => None,
        }
    }

    pub(crate) fn slot_kind(&self, s: Slot) -> Option<Kind> {
        match self.kind_of_slot(s) {
            VarKind::Node => Some(Kind::Node),
            VarKind::Rel => Some(Kind::Rel),
            VarKind::RelList => Some(Kind::List),
            VarKind::Path => Some(Kind::Path),
            VarKind::Value => self.static_types.get(&s).copied(),
        }
    }

    /// The element type of a list expression whose elements all have one known type.
    pub(crate) fn element_kind(&self, e: &Expr) -> Option<Kind> {
        match e {
            Expr::Const(Value::List(items)) => {
                let first = items.first()?.kind();
                items.iter().all(|v| v.kind() == first).then_some(first)
            }
            _ => None,
        }
    }

    /// Check one expression node (its children were checked when they were bound).
    pub(crate) fn check_types(&self, e: &Expr, span: Span) -> Result<(), Error> {
        let known = |x: &Expr| self.static_kind(x).filter(|k| *k != Kind::Null);
        match e {
            Expr::Not(a) => self.expect_bool(a, span, "NOT"),
            Expr::Binary(op @ (BinaryOp::And | BinaryOp::Or | BinaryOp::Xor), a, b) => {
                let name = format!("{op:?}").to_uppercase();
                self.expect_bool(a, span, &name)?;
                self.expect_bool(b, span, &name)
            }
            Expr::Binary(BinaryOp::In, _, b) => match known(b) {
                Some(k) if k != Kind::List => {
                    Err(syntax_type_error(span, format!("IN expects a List on its right, got a {}", kind_name(k))))
                }
                _ => Ok(()),
            },
            Expr::Binary(BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Pow, a, b) => {
                for x in [a, b] {
                    if let Some(k) = known(x) {
                        if k != Kind::Number {
                            return Err(syntax_type_error(
                                span,
                                format!("arithmetic expects numbers, got a {}", kind_name(k)),
                            ));
                        }
                    }
                }
                Ok(())
            }
            Expr::Property(base, key) => match known(base) {
                Some(Kind::Path) => Err(syntax_type_error(span, format!("a Path has no property `{key}`"))),
                Some(k @ (Kind::Number | Kind::String | Kind::Bool | Kind::List)) => Err(Error::compile(
                    ErrorKind::TypeError,
                    "InvalidArgumentType",
                    span,
                    format!("property access `.{key}` on a {}", kind_name(k)),
                )),
                _ => Ok(()),
            },
            Expr::Call(f, args) => {
                let (Some(allowed), Some(first)) = (f.0.first_arg_kinds(), args.first()) else { return Ok(()) };
                match known(first) {
                    Some(k) if !allowed.contains(&k) => {
                        Err(syntax_type_error(span, format!("{}() does not accept a {}", f.0.name, kind_name(k))))
                    }
                    _ => Ok(()),
                }
            }
            _ => Ok(()),
        }
    }

    fn expect_bool(&self, e: &Expr, span: Span, what: &str) -> Result<(), Error> {
        match self.static_kind(e) {
            Some(Kind::Bool | Kind::Null) | None => Ok(()),
            Some(k) => Err(syntax_type_error(span, format!("{what} expects Boolean operands, got a {}", kind_name(k)))),
        }
    }

    /// A predicate (WHERE) must be able to be a Boolean.
    pub(crate) fn check_predicate_type(&self, e: &Expr, span: Span) -> Result<(), Error> {
        self.expect_bool(e, span, "WHERE")
    }
}
