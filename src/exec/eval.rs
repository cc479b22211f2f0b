//! Expression evaluation over one row: openCypher's ternary logic, null propagation,
//! arithmetic with overflow errors, property access on entities and maps, list
//! indexing and slicing, comprehensions and correlated subqueries. It reads the graph
//! and never writes it.

use std::collections::BTreeMap;

use super::{Ctx, Row};
use crate::bind::{self, Expr, MapProjItem, Quantifier};
use crate::error::{Error, ErrorKind};
use crate::functions::temporal as temporal_fns;
use crate::syntax::ast::BinaryOp;
use crate::value::{Path, Value};

pub(crate) fn eval(e: &Expr, row: &Row, ctx: &Ctx) -> Result<Value, Error> {
    match e {
        Expr::Const(v) => Ok(v.clone()),
        Expr::Param(p) => ctx.params.get(p).cloned().ok_or_else(|| {
            Error::runtime(ErrorKind::ParameterMissing, "MissingParameter", format!("expected a parameter named `{p}`"))
        }),
        Expr::Var(s) => Ok(row.get(s.0).cloned().unwrap_or(Value::Null)),
        Expr::Property(base, key) => {
            let b = eval(base, row, ctx)?;
            property(&b, key, ctx)
        }
        Expr::Index(a, b) => index(eval(a, row, ctx)?, eval(b, row, ctx)?, ctx),
        Expr::Slice(a, from, to) => {
            let list = eval(a, row, ctx)?;
            let from = from.as_ref().map(|f| eval(f, row, ctx)).transpose()?;
            let to = to.as_ref().map(|t| eval(t, row, ctx)).transpose()?;
            slice(list, from, to)
        }
        Expr::List(items) => Ok(Value::List(items.iter().map(|i| eval(i, row, ctx)).collect::<Result<_, _>>()?)),
        Expr::Map(entries) => {
            let mut m = BTreeMap::new();
            for (k, v) in entries {
                m.insert(k.clone(), eval(v, row, ctx)?);
            }
            Ok(Value::Map(m))
        }
        Expr::Not(a) => match eval(a, row, ctx)? {
            Value::Null => Ok(Value::Null),
            Value::Bool(b) => Ok(Value::Bool(!b)),
            v => Err(type_err("NOT", "a Boolean", &v)),
        },
        Expr::Neg(a) => match eval(a, row, ctx)? {
            Value::Null => Ok(Value::Null),
            Value::Int(i) => i.checked_neg().map(Value::Int).ok_or_else(overflow),
            Value::Float(f) => Ok(Value::Float(-f)),
            v => Err(type_err("unary minus", "a number", &v)),
        },
        Expr::Binary(op, a, b) => binary(*op, a, b, row, ctx),
        Expr::IsNull(a, negated) => Ok(Value::Bool(eval(a, row, ctx)?.is_null() != *negated)),
        Expr::HasLabels(a, labels) => match eval(a, row, ctx)? {
            Value::Null => Ok(Value::Null),
            Value::Node(n) => Ok(Value::Bool(
                labels.iter().all(|l| ctx.graph.label_id(l).is_some_and(|id| ctx.graph.has_label(n, id))),
            )),
            // `r:T` on a relationship tests its type.
            Value::Rel(r) => Ok(Value::Bool(
                ctx.graph.rel_type(r).is_some_and(|t| labels.iter().all(|l| ctx.graph.type_name(t) == l)),
            )),
            v => Err(type_err("a label predicate", "a Node or Relationship", &v)),
        },
        Expr::Call(f, args) => {
            let vals = args.iter().map(|a| eval(a, row, ctx)).collect::<Result<Vec<_>, _>>()?;
            (f.0.eval)(&vals, ctx)
        }
        Expr::Agg(_) => Err(Error::internal("aggregate evaluated outside an aggregation")),
        Expr::Case { operand, whens, else_ } => {
            let subject = operand.as_ref().map(|o| eval(o, row, ctx)).transpose()?;
            for (w, t) in whens {
                let wv = eval(w, row, ctx)?;
                let hit = match &subject {
                    Some(s) => s.cypher_eq(&wv) == Some(true),
                    None => matches!(wv, Value::Bool(true)),
                };
                if hit {
                    return eval(t, row, ctx);
                }
            }
            else_.as_ref().map_or(Ok(Value::Null), |e| eval(e, row, ctx))
        }
        Expr::ListComp { slot, list, predicate, projection } => {
            let Some(items) = as_list(eval(list, row, ctx)?, "a list comprehension")? else {
                return Ok(Value::Null);
            };
            let mut scratch = row.clone();
            let mut out = Vec::new();
            for item in items {
                ctx.tick()?;
                scratch[slot.0] = item;
                if let Some(p) = predicate {
                    if !matches!(eval(p, &scratch, ctx)?, Value::Bool(true)) {
                        continue;
                    }
                }
                out.push(match projection {
                    Some(p) => eval(p, &scratch, ctx)?,
                    None => scratch[slot.0].clone(),
                });
            }
            Ok(Value::List(out))
        }
        Expr::Quantified { quantifier, slot, list, predicate } => {
            let Some(items) = as_list(eval(list, row, ctx)?, "a quantifier")? else {
                return Ok(Value::Null);
            };
            let mut scratch = row.clone();
            let (mut n_true, mut n_null) = (0usize, 0usize);
            let total = items.len();
            for item in items {
                scratch[slot.0] = item;
                match eval(predicate, &scratch, ctx)? {
                    Value::Bool(true) => n_true += 1,
                    Value::Bool(false) => {}
                    Value::Null => n_null += 1,
                    v => return Err(type_err("a quantifier predicate", "a Boolean", &v)),
                }
            }
            let n_false = total - n_true - n_null;
            Ok(match quantifier {
                Quantifier::All => tern(n_false == 0, n_null > 0),
                Quantifier::Any => tern_any(n_true > 0, n_null > 0),
                Quantifier::None => match tern_any(n_true > 0, n_null > 0) {
                    Value::Bool(b) => Value::Bool(!b),
                    v => v,
                },
                Quantifier::Single => {
                    if n_true > 1 {
                        Value::Bool(false)
                    } else if n_null > 0 {
                        Value::Null
                    } else {
                        Value::Bool(n_true == 1)
                    }
                }
            })
        }
        Expr::Reduce { acc, init, slot, list, expr } => {
            let mut scratch = row.clone();
            scratch[acc.0] = eval(init, row, ctx)?;
            let Some(items) = as_list(eval(list, row, ctx)?, "reduce")? else {
                return Ok(Value::Null);
            };
            for item in items {
                scratch[slot.0] = item;
                scratch[acc.0] = eval(expr, &scratch, ctx)?;
            }
            Ok(std::mem::take(&mut scratch[acc.0]))
        }
        Expr::Exists(i) => {
            let mut op = ctx.open_subplan(*i, row)?;
            Ok(Value::Bool(op.next(ctx)?.is_some()))
        }
        Expr::PatternComp(i, proj) => {
            let mut op = ctx.open_subplan(*i, row)?;
            let mut out = Vec::new();
            while let Some(r) = op.next(ctx)? {
                out.push(eval(proj, &r, ctx)?);
            }
            Ok(Value::List(out))
        }
        Expr::MapProjection(base, items) => map_projection(eval(base, row, ctx)?, items, row, ctx),
        Expr::Path(start, steps) => build_path(*start, steps, row, ctx),
    }
}

fn tern(all_true: bool, some_null: bool) -> Value {
    if !all_true {
        Value::Bool(false)
    } else if some_null {
        Value::Null
    } else {
        Value::Bool(true)
    }
}

fn tern_any(some_true: bool, some_null: bool) -> Value {
    if some_true {
        Value::Bool(true)
    } else if some_null {
        Value::Null
    } else {
        Value::Bool(false)
    }
}

pub(crate) fn type_err(what: &str, expected: &str, got: &Value) -> Error {
    Error::runtime(
        ErrorKind::TypeError,
        "InvalidArgumentType",
        format!("{what} expects {expected}, got {}", got.type_name()),
    )
}

fn overflow() -> Error {
    Error::runtime(ErrorKind::ArithmeticError, "IntegerOverflow", "integer overflow")
}

/// `Some(list)`, `None` for null, an error for anything else.
fn as_list(v: Value, what: &str) -> Result<Option<Vec<Value>>, Error> {
    match v {
        Value::List(l) => Ok(Some(l)),
        Value::Null => Ok(None),
        v => Err(type_err(what, "a List", &v)),
    }
}

pub(crate) fn property(base: &Value, key: &str, ctx: &Ctx) -> Result<Value, Error> {
    match base {
        Value::Null => Ok(Value::Null),
        Value::Node(n) => {
            if !ctx.graph.node_exists(*n) {
                return Err(deleted());
            }
            Ok(ctx.graph.key_id(key).and_then(|k| ctx.graph.node_property(*n, k)).cloned().unwrap_or(Value::Null))
        }
        Value::Rel(r) => {
            if !ctx.graph.rel_exists(*r) {
                return Err(deleted());
            }
            Ok(ctx.graph.key_id(key).and_then(|k| ctx.graph.rel_property(*r, k)).cloned().unwrap_or(Value::Null))
        }
        Value::Map(m) => Ok(m.get(key).cloned().unwrap_or(Value::Null)),
        // Components of temporal values (`d.year`, `dt.timezone`): src/functions/temporal.rs.
        v if v.is_temporal() => Ok(temporal_fns::component(v, key)?.unwrap_or(Value::Null)),
        v => Err(type_err(&format!("property access `.{key}`"), "a Node, Relationship or Map", v)),
    }
}

fn deleted() -> Error {
    Error::runtime(ErrorKind::EntityNotFound, "DeletedEntityAccess", "the entity was deleted earlier in this statement")
}

fn index(base: Value, idx: Value, ctx: &Ctx) -> Result<Value, Error> {
    match (base, idx) {
        (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
        (Value::List(l), Value::Int(i)) => {
            let len = l.len() as i64;
            let i = if i < 0 { i + len } else { i };
            Ok(if (0..len).contains(&i) { l[i as usize].clone() } else { Value::Null })
        }
        (Value::List(_), v) => Err(type_err("a list index", "an Integer", &v)),
        (b @ (Value::Map(_) | Value::Node(_) | Value::Rel(_)), Value::String(k)) => property(&b, &k, ctx),
        (Value::Map(_) | Value::Node(_) | Value::Rel(_), v) => Err(Error::runtime(
            ErrorKind::TypeError,
            "MapElementAccessByNonString",
            format!("a map key must be a String, got {}", v.type_name()),
        )),
        (v, _) => Err(type_err("indexing", "a List or Map", &v)),
    }
}

fn slice(list: Value, from: Option<Value>, to: Option<Value>) -> Result<Value, Error> {
    let Some(l) = as_list(list, "a slice")? else {
        return Ok(Value::Null);
    };
    let len = l.len() as i64;
    let bound = |v: Option<Value>, default: i64| -> Result<Option<i64>, Error> {
        match v {
            None => Ok(Some(default)),
            Some(Value::Null) => Ok(None),
            Some(Value::Int(i)) => Ok(Some(if i < 0 { (i + len).max(0) } else { i.min(len) })),
            Some(v) => Err(type_err("a slice bound", "an Integer", &v)),
        }
    };
    let (Some(a), Some(b)) = (bound(from, 0)?, bound(to, len)?) else {
        return Ok(Value::Null);
    };
    Ok(Value::List(if a < b { l[a as usize..b as usize].to_vec() } else { vec![] }))
}

fn map_projection(base: Value, items: &[MapProjItem], row: &Row, ctx: &Ctx) -> Result<Value, Error> {
    let props = |b: &Value| -> Result<BTreeMap<String, Value>, Error> {
        Ok(match b {
            Value::Node(n) => ctx.graph.node_data(*n).map(|d| d.properties).unwrap_or_default(),
            Value::Rel(r) => ctx.graph.rel_data(*r).map(|d| d.properties).unwrap_or_default(),
            Value::Map(m) => m.clone(),
            v => {
                return Err(type_err("a map projection", "a Node, Relationship or Map", v));
            }
        })
    };
    if base.is_null() {
        return Ok(Value::Null);
    }
    let mut out = BTreeMap::new();
    for item in items {
        match item {
            MapProjItem::Property(k) => {
                out.insert(k.clone(), property(&base, k, ctx)?);
            }
            MapProjItem::AllProperties => out.extend(props(&base)?),
            MapProjItem::Entry(k, e) => {
                out.insert(k.clone(), eval(e, row, ctx)?);
            }
        }
    }
    Ok(Value::Map(out))
}

fn build_path(
    start: bind::Slot,
    steps: &[(bind::Slot, bool, bind::Slot)],
    row: &Row,
    ctx: &Ctx,
) -> Result<Value, Error> {
    let Value::Node(first) = row[start.0] else {
        return Ok(Value::Null);
    };
    let mut path = Path { nodes: vec![first], rels: vec![] };
    for (rel, var_len, node) in steps {
        let rels: Vec<crate::value::RelId> = match (&row[rel.0], var_len) {
            (Value::Rel(r), false) => vec![*r],
            (Value::List(l), true) => {
                l.iter().filter_map(|v| if let Value::Rel(r) = v { Some(*r) } else { None }).collect()
            }
            _ => return Ok(Value::Null),
        };
        for r in rels {
            let Some((s, e)) = ctx.graph.rel_endpoints(r) else {
                return Err(deleted());
            };
            let cur = *path.nodes.last().unwrap_or(&first);
            path.rels.push(r);
            path.nodes.push(if s == cur { e } else { s });
        }
        if !matches!(row[node.0], Value::Node(_)) {
            return Ok(Value::Null);
        }
    }
    Ok(Value::Path(Box::new(path)))
}

fn binary(op: BinaryOp, a: &Expr, b: &Expr, row: &Row, ctx: &Ctx) -> Result<Value, Error> {
    // Boolean operators evaluate both sides (errors are not short-circuited away
    // differently from other engines), then apply ternary logic.
    if matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor) {
        let x = truth(eval(a, row, ctx)?, op)?;
        if op == BinaryOp::And && x == Some(false) {
            return Ok(Value::Bool(false));
        }
        if op == BinaryOp::Or && x == Some(true) {
            return Ok(Value::Bool(true));
        }
        let y = truth(eval(b, row, ctx)?, op)?;
        return Ok(match op {
            BinaryOp::And => match (x, y) {
                (_, Some(false)) => Value::Bool(false),
                (Some(true), Some(true)) => Value::Bool(true),
                _ => Value::Null,
            },
            BinaryOp::Or => match (x, y) {
                (_, Some(true)) => Value::Bool(true),
                (Some(false), Some(false)) => Value::Bool(false),
                _ => Value::Null,
            },
            _ => match (x, y) {
                (Some(p), Some(q)) => Value::Bool(p != q),
                _ => Value::Null,
            },
        });
    }
    let x = eval(a, row, ctx)?;
    let y = eval(b, row, ctx)?;
    apply_binary(op, x, y)
}

fn truth(v: Value, op: BinaryOp) -> Result<Option<bool>, Error> {
    match v {
        Value::Bool(b) => Ok(Some(b)),
        Value::Null => Ok(None),
        v => Err(type_err(&format!("{op:?}").to_uppercase(), "Boolean operands", &v)),
    }
}

pub(crate) fn apply_binary(op: BinaryOp, x: Value, y: Value) -> Result<Value, Error> {
    use std::cmp::Ordering::*;
    match op {
        BinaryOp::Eq => Ok(x.cypher_eq(&y).into()),
        BinaryOp::Ne => Ok(x.cypher_eq(&y).map(|b| !b).into()),
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => {
            if x.is_null() || y.is_null() {
                return Ok(Value::Null);
            }
            let nan = matches!(x, Value::Float(f) if f.is_nan()) || matches!(y, Value::Float(f) if f.is_nan());
            let o = x.cypher_cmp(&y);
            Ok(match o {
                None if nan && x.kind() == y.kind() => Value::Bool(false),
                None => Value::Null,
                Some(o) => Value::Bool(match op {
                    BinaryOp::Lt => o == Less,
                    BinaryOp::Le => o != Greater,
                    BinaryOp::Gt => o == Greater,
                    _ => o != Less,
                }),
            })
        }
        BinaryOp::In => match y {
            Value::Null => Ok(Value::Null),
            Value::List(items) => {
                let mut unknown = false;
                for i in &items {
                    match x.cypher_eq(i) {
                        Some(true) => return Ok(Value::Bool(true)),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                Ok(if unknown { Value::Null } else { Value::Bool(false) })
            }
            v => Err(type_err("IN", "a List on the right", &v)),
        },
        BinaryOp::StartsWith | BinaryOp::EndsWith | BinaryOp::Contains => match (&x, &y) {
            (Value::String(s), Value::String(t)) => Ok(Value::Bool(match op {
                BinaryOp::StartsWith => s.starts_with(t.as_str()),
                BinaryOp::EndsWith => s.ends_with(t.as_str()),
                _ => s.contains(t.as_str()),
            })),
            _ => Ok(Value::Null),
        },
        BinaryOp::RegexMatch => match (&x, &y) {
            (Value::String(s), Value::String(p)) => Ok(Value::Bool(regex_for(p)?.is_match(s))),
            _ => Ok(Value::Null),
        },
        BinaryOp::Add => add(x, y),
        BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div | BinaryOp::Mod | BinaryOp::Pow => arith(op, x, y),
        BinaryOp::And | BinaryOp::Or | BinaryOp::Xor => Err(Error::internal("boolean operator in apply_binary")),
    }
}

/// The compiled, fully anchored regular expression for `pattern`. `=~` usually compares
/// every row against the same pattern, so compiled patterns are kept (a few per thread)
/// instead of compiled again for each row.
fn regex_for(pattern: &str) -> Result<regex::Regex, Error> {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(String, regex::Regex)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(re) = CACHE.with(|c| c.borrow().iter().find(|(p, _)| p == pattern).map(|(_, r)| r.clone())) {
        return Ok(re);
    }
    let re = regex::Regex::new(&format!("^(?:{pattern})$")).map_err(|e| {
        Error::runtime(ErrorKind::ArgumentError, "InvalidArgumentValue", format!("invalid regular expression: {e}"))
    })?;
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 16 {
            c.remove(0);
        }
        c.push((pattern.to_string(), re.clone()));
    });
    Ok(re)
}

fn add(x: Value, y: Value) -> Result<Value, Error> {
    if let Some(v) = temporal_arith(BinaryOp::Add, &x, &y)? {
        return Ok(v);
    }
    match (x, y) {
        (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
        (Value::String(a), Value::String(b)) => Ok(Value::String(a + &b)),
        (Value::String(a), b @ (Value::Int(_) | Value::Float(_) | Value::Bool(_))) => {
            Ok(Value::String(a + &b.to_string()))
        }
        (a @ (Value::Int(_) | Value::Float(_) | Value::Bool(_)), Value::String(b)) => {
            Ok(Value::String(a.to_string() + &b))
        }
        (Value::List(mut a), Value::List(b)) => {
            a.extend(b);
            Ok(Value::List(a))
        }
        (Value::List(mut a), b) => {
            a.push(b);
            Ok(Value::List(a))
        }
        (a, Value::List(b)) => {
            let mut out = vec![a];
            out.extend(b);
            Ok(Value::List(out))
        }
        (a, b) => arith(BinaryOp::Add, a, b),
    }
}

/// Temporal arithmetic (temporal ± duration, duration ± duration, duration × ÷ number):
/// `None` when no temporal operand is involved, so the numeric rules apply.
fn temporal_arith(op: BinaryOp, x: &Value, y: &Value) -> Result<Option<Value>, Error> {
    if !(x.is_temporal() || y.is_temporal()) {
        return Ok(None);
    }
    match op {
        BinaryOp::Add | BinaryOp::Sub => temporal_fns::add_or_subtract(x, y, op == BinaryOp::Sub),
        BinaryOp::Mul | BinaryOp::Div => temporal_fns::scale(x, y, op == BinaryOp::Div),
        _ => Ok(None),
    }
}

fn arith(op: BinaryOp, x: Value, y: Value) -> Result<Value, Error> {
    if let Some(v) = temporal_arith(op, &x, &y)? {
        return Ok(v);
    }
    match (x, y) {
        (Value::Null, _) | (_, Value::Null) => Ok(Value::Null),
        (Value::Int(a), Value::Int(b)) => {
            let r = match op {
                BinaryOp::Add => a.checked_add(b),
                BinaryOp::Sub => a.checked_sub(b),
                BinaryOp::Mul => a.checked_mul(b),
                BinaryOp::Div => {
                    if b == 0 {
                        return Err(Error::runtime(ErrorKind::ArithmeticError, "DivisionByZero", "division by zero"));
                    }
                    a.checked_div(b)
                }
                BinaryOp::Mod => {
                    if b == 0 {
                        return Err(Error::runtime(ErrorKind::ArithmeticError, "DivisionByZero", "modulo by zero"));
                    }
                    a.checked_rem(b)
                }
                _ => return Ok(Value::Float((a as f64).powf(b as f64))),
            };
            r.map(Value::Int).ok_or_else(overflow)
        }
        (a @ (Value::Int(_) | Value::Float(_)), b @ (Value::Int(_) | Value::Float(_))) => {
            let (a, b) = (num(&a), num(&b));
            Ok(Value::Float(match op {
                BinaryOp::Add => a + b,
                BinaryOp::Sub => a - b,
                BinaryOp::Mul => a * b,
                BinaryOp::Div => a / b,
                BinaryOp::Mod => a % b,
                _ => a.powf(b),
            }))
        }
        (a, b) => Err(Error::runtime(
            ErrorKind::TypeError,
            "InvalidArgumentType",
            format!("cannot apply `{}` to {} and {}", op_symbol(op), a.type_name(), b.type_name()),
        )),
    }
}

fn op_symbol(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Mod => "%",
        _ => "^",
    }
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}
