//! Functions over graph entities: `id`, `labels`, `type`, `keys`, `properties`,
//! `startNode`, `endNode`, `nodes`, `relationships`. They read entity data only through
//! the `Graph` trait; a missing entity is an `EntityNotFound` error, never a panic.

use super::{Graph, arg, deleted_node, deleted_rel, wrong_type};
use crate::error::{Error, ErrorKind};
use crate::value::Value;

pub fn id(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let raw = match arg(args, 0) {
        Value::Null => return Ok(Value::Null),
        Value::Node(n) => n.0,
        Value::Rel(r) => r.0,
        other => return Err(wrong_type("id", "a Node or Relationship", other)),
    };
    // Identifiers are u64 in the store; one past i64::MAX cannot be shown as an Integer.
    i64::try_from(raw).map(Value::Int).map_err(|_| {
        Error::runtime(
            ErrorKind::ArithmeticError,
            "IntegerOverflow",
            format!("identifier {raw} does not fit in an Integer"),
        )
    })
}

pub fn labels(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Node(n) => {
            let labels = graph.node_labels(*n).ok_or_else(|| deleted_node(*n))?;
            Ok(Value::List(labels.into_iter().map(Value::String).collect()))
        }
        other => Err(wrong_type("labels", "a Node", other)),
    }
}

pub fn rel_type(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Rel(r) => {
            let t = graph.rel_type(*r).ok_or_else(|| deleted_rel(*r))?;
            Ok(Value::String(t))
        }
        other => Err(wrong_type("type", "a Relationship", other)),
    }
}

pub fn keys(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    let map = match arg(args, 0) {
        Value::Null => return Ok(Value::Null),
        // A map keeps its keys even when the value is null (TCK Map3 [4]).
        Value::Map(m) => return Ok(key_list(m.keys())),
        Value::Node(n) => graph.node_properties(*n).ok_or_else(|| deleted_node(*n))?,
        Value::Rel(r) => graph.rel_properties(*r).ok_or_else(|| deleted_rel(*r))?,
        other => return Err(wrong_type("keys", "a Map, Node or Relationship", other)),
    };
    Ok(key_list(map.keys()))
}

fn key_list<'a>(keys: impl Iterator<Item = &'a String>) -> Value {
    Value::List(keys.cloned().map(Value::String).collect())
}

pub fn properties(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Map(m) => Ok(Value::Map(m.clone())),
        Value::Node(n) => Ok(Value::Map(graph.node_properties(*n).ok_or_else(|| deleted_node(*n))?)),
        Value::Rel(r) => Ok(Value::Map(graph.rel_properties(*r).ok_or_else(|| deleted_rel(*r))?)),
        other => Err(wrong_type("properties", "a Map, Node or Relationship", other)),
    }
}

/// `startNode` when `start` is true, else `endNode`.
fn endpoint(args: &[Value], graph: &dyn Graph, start: bool) -> Result<Value, Error> {
    let name = if start { "startNode" } else { "endNode" };
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Rel(r) => {
            let (s, e) = graph.rel_endpoints(*r).ok_or_else(|| deleted_rel(*r))?;
            Ok(Value::Node(if start { s } else { e }))
        }
        other => Err(wrong_type(name, "a Relationship", other)),
    }
}

pub fn start_node(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    endpoint(args, graph, true)
}

pub fn end_node(args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
    endpoint(args, graph, false)
}

pub fn nodes(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Path(p) => Ok(Value::List(p.nodes.iter().copied().map(Value::Node).collect())),
        other => Err(wrong_type("nodes", "a Path", other)),
    }
}

pub fn relationships(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Path(p) => Ok(Value::List(p.rels.iter().copied().map(Value::Rel).collect())),
        other => Err(wrong_type("relationships", "a Path", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    const DELETED: &str = "EntityNotFound/DeletedEntityAccess";
    const WRONG: &str = "TypeError/InvalidArgumentValue";

    #[test]
    #[rustfmt::skip]
    fn identity_labels_and_type() {
        check(&[
            case("id", vec![node(1)], "1"),
            case("id", vec![rel(10)], "10"),
            case("id", vec![N], "null"),
            case("id", vec![i(1)], WRONG),
            case("id", vec![node(u64::MAX)], "ArithmeticError/IntegerOverflow"),
            // Labels come back in stored order.
            case("labels", vec![node(1)], "['Foo', 'Bar']"),
            case("labels", vec![node(2)], "[]"),
            case("labels", vec![N], "null"),
            case("labels", vec![node(99)], DELETED),
            case("labels", vec![i(1)], WRONG),
            case("labels", vec![path()], WRONG),
            case("type", vec![rel(10)], "'T'"),
            case("type", vec![N], "null"),
            case("type", vec![rel(99)], DELETED),
            case("type", vec![node(1)], WRONG),
            case("type", vec![s("")], WRONG),
            case("type", vec![l(vec![])], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn keys_and_properties() {
        check(&[
            case("keys", vec![m(&[("k", N), ("l", i(1))])], "['k', 'l']"),
            case("keys", vec![m(&[])], "[]"),
            case("keys", vec![node(1)], "['name']"),
            case("keys", vec![node(2)], "[]"),
            case("keys", vec![rel(10)], "['num']"),
            case("keys", vec![N], "null"),
            case("keys", vec![node(99)], DELETED),
            case("keys", vec![i(1)], WRONG),
            case("properties", vec![node(1)], "{name: 'Mattias'}"),
            case("properties", vec![rel(10)], "{num: 1}"),
            case("properties", vec![m(&[("a", i(1))])], "{a: 1}"),
            case("properties", vec![N], "null"),
            case("properties", vec![rel(99)], DELETED),
            case("properties", vec![s("Cypher")], WRONG),
            case("properties", vec![l(vec![b(true)])], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn endpoints_and_paths() {
        check(&[
            case("startNode", vec![rel(10)], "(#1)"),
            case("endNode", vec![rel(10)], "(#2)"),
            case("startNode", vec![N], "null"),
            case("endNode", vec![rel(99)], DELETED),
            case("startNode", vec![node(1)], WRONG),
            case("nodes", vec![path()], "[(#1), (#2), (#2)]"),
            case("relationships", vec![path()], "[[#10], [#11]]"),
            case("nodes", vec![N], "null"),
            case("relationships", vec![N], "null"),
            case("nodes", vec![l(vec![node(1)])], WRONG),
            case("relationships", vec![rel(10)], WRONG),
        ]);
    }
}
