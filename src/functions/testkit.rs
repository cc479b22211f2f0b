//! Test helpers for the function tables: a tiny fake graph, short value constructors and
//! a table checker that prints every failing row at once. Test-only; not compiled into
//! the library.

use std::collections::BTreeMap;

use super::{Graph, lookup};
use crate::value::{NodeId, Path, RelId, Value};

/// Node 1 `(:Foo:Bar {name: 'Mattias'})`, node 2 `()`, relationship 10
/// `(1)-[:T {num: 1}]->(2)`, relationship 11 `(2)-[:U]->(2)`. Node 99 and relationship
/// 99 are "deleted".
pub struct FakeGraph;

impl Graph for FakeGraph {
    fn node_labels(&self, id: NodeId) -> Option<Vec<String>> {
        match id.0 {
            1 => Some(vec!["Foo".into(), "Bar".into()]),
            2 => Some(vec![]),
            _ => None,
        }
    }
    fn node_properties(&self, id: NodeId) -> Option<BTreeMap<String, Value>> {
        match id.0 {
            1 => Some(BTreeMap::from([("name".to_string(), s("Mattias"))])),
            2 => Some(BTreeMap::new()),
            _ => None,
        }
    }
    fn rel_type(&self, id: RelId) -> Option<String> {
        match id.0 {
            10 => Some("T".into()),
            11 => Some("U".into()),
            _ => None,
        }
    }
    fn rel_properties(&self, id: RelId) -> Option<BTreeMap<String, Value>> {
        match id.0 {
            10 => Some(BTreeMap::from([("num".to_string(), i(1))])),
            11 => Some(BTreeMap::new()),
            _ => None,
        }
    }
    fn rel_endpoints(&self, id: RelId) -> Option<(NodeId, NodeId)> {
        match id.0 {
            10 => Some((NodeId(1), NodeId(2))),
            11 => Some((NodeId(2), NodeId(2))),
            _ => None,
        }
    }
}

pub const N: Value = Value::Null;

pub fn i(x: i64) -> Value {
    Value::Int(x)
}
pub fn f(x: f64) -> Value {
    Value::Float(x)
}
pub fn b(x: bool) -> Value {
    Value::Bool(x)
}
pub fn s(x: &str) -> Value {
    Value::String(x.to_string())
}
pub fn l(items: Vec<Value>) -> Value {
    Value::List(items)
}
pub fn m(entries: &[(&str, Value)]) -> Value {
    Value::Map(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
}
pub fn node(id: u64) -> Value {
    Value::Node(NodeId(id))
}
pub fn rel(id: u64) -> Value {
    Value::Rel(RelId(id))
}
/// The path `(1)-[10]->(2)-[11]->(2)`.
pub fn path() -> Value {
    Value::Path(Box::new(Path { nodes: vec![NodeId(1), NodeId(2), NodeId(2)], rels: vec![RelId(10), RelId(11)] }))
}

/// One row: function name, arguments, and the expected outcome: the result in TCK
/// literal notation (nodes print as `(#id)`), or `Kind/Code` of the expected error.
pub struct Case {
    name: &'static str,
    args: Vec<Value>,
    expected: &'static str,
}

pub fn case(name: &'static str, args: Vec<Value>, expected: &'static str) -> Case {
    Case { name, args, expected }
}

/// Call a function by name through `Function::call`, and show the outcome the way `Case`
/// spells it.
pub fn run(name: &str, args: &[Value]) -> String {
    let Some(function) = lookup(name) else {
        return format!("no such function {name}");
    };
    match function.call(args, &FakeGraph) {
        Ok(v) => v.to_string(),
        Err(e) => format!("{}/{}", e.kind, e.code),
    }
}

/// Run every row and report all mismatches together.
pub fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let got = run(c.name, &c.args);
        if got != c.expected {
            let args: Vec<String> = c.args.iter().map(|a| a.to_string()).collect();
            failures.push(format!("{}({}): expected {}, got {}", c.name, args.join(", "), c.expected, got));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
