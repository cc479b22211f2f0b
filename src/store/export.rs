//! Exports of a whole graph that do not depend on internal ids: entities are put in a
//! canonical order (nodes by labels, then properties; relationships by their endpoints'
//! positions, type and properties) and numbered by it, so exporting the same graph
//! twice, or a re-imported copy of it, gives the same text. Formats: a Cypher script
//! (`write_cypher`) and JSON Lines (`write_jsonl`); CSV is `csv.rs`, on the same order.
//! Writes to the writer it is given; it never opens files itself.

use std::io::Write;

use super::Graph;
use crate::error::Error;
use crate::value::{NodeId, RelId, Value};

/// Nodes and relationships in canonical order; `node_pos` maps an id to its position.
pub(crate) struct Canonical {
    pub(crate) nodes: Vec<NodeId>,
    pub(crate) rels: Vec<RelId>,
    pub(crate) node_pos: std::collections::HashMap<NodeId, usize>,
}

fn props_text(g: &Graph, props: &[(u32, Value)]) -> String {
    let mut named: Vec<(&str, String)> = props.iter().map(|(k, v)| (g.key_name(*k), value_text(v))).collect();
    named.sort();
    named.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("\u{1}")
}

/// Exact text of a property value (floats by bits so that 1.0 and 1 differ). Every NaN
/// gets the same text: the formats write one "NaN", so its sign and payload bits do not
/// survive a round trip and must not decide the order.
fn value_text(v: &Value) -> String {
    match v {
        Value::Float(f) if f.is_nan() => "fNaN".to_string(),
        Value::Float(f) => format!("f{:016x}", f.to_bits()),
        Value::Int(i) => format!("i{i}"),
        Value::String(s) => format!("s{s}"),
        Value::Bool(b) => format!("b{b}"),
        Value::List(items) => items.iter().map(value_text).collect::<Vec<_>>().join("\u{2}"),
        v if v.is_temporal() => format!("t{}:{v}", v.temporal_type().unwrap_or_default()),
        _ => String::new(),
    }
}

pub(crate) fn canonical(g: &Graph) -> Canonical {
    let mut nodes: Vec<(Vec<String>, String, NodeId)> = g
        .all_nodes()
        .map(|n| {
            let mut labels: Vec<String> = g.node_labels(n).iter().map(|l| g.label_name(*l).to_string()).collect();
            labels.sort();
            (labels, props_text(g, g.node_properties(n)), n)
        })
        .collect();
    nodes.sort();
    let node_pos: std::collections::HashMap<NodeId, usize> =
        nodes.iter().enumerate().map(|(i, (_, _, n))| (*n, i)).collect();
    let mut rels: Vec<(usize, String, usize, String, RelId)> = g
        .all_rels()
        .filter_map(|r| {
            let (s, e) = g.rel_endpoints(r)?;
            let ty = g.type_name(g.rel_type(r)?).to_string();
            Some((*node_pos.get(&s)?, ty, *node_pos.get(&e)?, props_text(g, g.rel_properties(r)), r))
        })
        .collect();
    rels.sort();
    Canonical {
        nodes: nodes.into_iter().map(|(_, _, n)| n).collect(),
        rels: rels.into_iter().map(|(.., r)| r).collect(),
        node_pos,
    }
}

fn io(e: std::io::Error) -> Error {
    Error::io(format!("cannot write the export: {e}"))
}

fn cypher_name(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain { name.to_string() } else { format!("`{}`", name.replace('`', "``")) }
}

fn cypher_value(v: &Value) -> String {
    match v {
        Value::Float(f) if f.is_nan() => "0.0/0.0".into(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { "1.0/0.0" } else { "-1.0/0.0" }.into(),
        Value::Float(f) => format!("{f:?}"),
        // Control characters as \uXXXX escapes, which the parser reads back.
        Value::String(s) => crate::value::quote_string(s),
        Value::List(items) => format!("[{}]", items.iter().map(cypher_value).collect::<Vec<_>>().join(", ")),
        // A temporal value: its constructor applied to its ISO text, e.g. date('2025-09-24').
        v if v.is_temporal() => format!("{}('{v}')", v.temporal_type().unwrap_or("date")),
        other => other.to_string(),
    }
}

fn cypher_props(g: &Graph, props: &[(u32, Value)], extra: Option<String>) -> String {
    let mut parts: Vec<String> =
        props.iter().map(|(k, v)| format!("{}: {}", cypher_name(g.key_name(*k)), cypher_value(v))).collect();
    parts.sort();
    parts.extend(extra);
    if parts.is_empty() { String::new() } else { format!(" {{{}}}", parts.join(", ")) }
}

/// A Cypher script that recreates the graph: one CREATE per node carrying a temporary
/// `_export_id` property, one MATCH .. CREATE per relationship, then a statement that
/// removes the temporary property.
pub fn write_cypher(g: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let c = canonical(g);
    for (i, n) in c.nodes.iter().enumerate() {
        let mut labels: Vec<String> = g.node_labels(*n).iter().map(|l| cypher_name(g.label_name(*l))).collect();
        labels.sort();
        let labels: String = labels.iter().map(|l| format!(":{l}")).collect();
        let props = cypher_props(g, g.node_properties(*n), Some(format!("_export_id: {i}")));
        writeln!(out, "CREATE ({labels}{props});").map_err(io)?;
    }
    for r in &c.rels {
        let (Some((s, e)), Some(t)) = (g.rel_endpoints(*r), g.rel_type(*r)) else { continue };
        let (Some(si), Some(ei)) = (c.node_pos.get(&s), c.node_pos.get(&e)) else { continue };
        let props = cypher_props(g, g.rel_properties(*r), None);
        writeln!(
            out,
            "MATCH (a {{_export_id: {si}}}), (b {{_export_id: {ei}}}) CREATE (a)-[:{}{props}]->(b);",
            cypher_name(g.type_name(t))
        )
        .map_err(io)?;
    }
    if !c.nodes.is_empty() {
        writeln!(out, "MATCH (n) WHERE n._export_id IS NOT NULL REMOVE n._export_id;").map_err(io)?;
    }
    Ok(())
}

fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Int(i) => serde_json::Value::from(*i),
        // JSON has no NaN or infinities: they are written as the strings "NaN",
        // "Infinity" and "-Infinity".
        Value::Float(f) if f.is_nan() => serde_json::Value::from("NaN"),
        Value::Float(f) if f.is_infinite() => serde_json::Value::from(if *f > 0.0 { "Infinity" } else { "-Infinity" }),
        Value::Float(f) => serde_json::Value::from(*f),
        Value::String(s) => serde_json::Value::from(s.as_str()),
        Value::List(items) => serde_json::Value::Array(items.iter().map(json_value).collect()),
        v if v.is_temporal() => serde_json::Value::from(v.to_string()),
        _ => serde_json::Value::Null,
    }
}

fn json_props(g: &Graph, props: &[(u32, Value)]) -> serde_json::Map<String, serde_json::Value> {
    props.iter().map(|(k, v)| (g.key_name(*k).to_string(), json_value(v))).collect()
}

/// JSON Lines: `{"type":"node","id":N,"labels":[..],"properties":{..}}` for each node,
/// then `{"type":"relationship","id":N,"label":T,"start":S,"end":E,"properties":{..}}`
/// for each relationship; ids are positions in the canonical order.
pub fn write_jsonl(g: &Graph, out: &mut dyn Write) -> Result<(), Error> {
    let c = canonical(g);
    for (i, n) in c.nodes.iter().enumerate() {
        let mut labels: Vec<&str> = g.node_labels(*n).iter().map(|l| g.label_name(*l)).collect();
        labels.sort();
        let obj = serde_json::json!({
            "type": "node", "id": i, "labels": labels, "properties": json_props(g, g.node_properties(*n)),
        });
        writeln!(out, "{obj}").map_err(io)?;
    }
    for (i, r) in c.rels.iter().enumerate() {
        let (Some((s, e)), Some(t)) = (g.rel_endpoints(*r), g.rel_type(*r)) else { continue };
        let obj = serde_json::json!({
            "type": "relationship", "id": i, "label": g.type_name(t),
            "start": c.node_pos.get(&s), "end": c.node_pos.get(&e),
            "properties": json_props(g, g.rel_properties(*r)),
        });
        writeln!(out, "{obj}").map_err(io)?;
    }
    Ok(())
}
