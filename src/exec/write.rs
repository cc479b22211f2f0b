//! Writing operators: CREATE, MERGE, SET, REMOVE, DELETE and FOREACH. Each drains its
//! input rows first (the caller hands them over as a vector), then changes the graph
//! row by row, counting what it changed. Atomicity is the caller's business: the engine
//! wraps the statement in a store transaction and rolls back on any error.

use std::collections::BTreeMap;

use super::{Env, PhysOp, Row, eval, run_pipeline};
use crate::Stats;
use crate::bind::{self, SetItem};
use crate::error::{Error, ErrorKind};
use crate::store::{self, Graph};
use crate::syntax::ast;
use crate::value::{NodeId, Path, RelId, Value};

pub(super) fn run(
    op: &PhysOp,
    rows: Vec<Row>,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
) -> Result<Vec<Row>, Error> {
    let mut out = Vec::with_capacity(rows.len());
    match op {
        PhysOp::Create(pattern) => {
            for mut row in rows {
                env.ctx(graph).tick()?;
                create_pattern(pattern, &mut row, graph, env, stats)?;
                out.push(row);
            }
        }
        PhysOp::Merge { pattern, on_create, on_match, matcher } => {
            for row in rows {
                let found = run_pipeline(&matcher.ops, vec![row.clone()], graph, env, stats)?;
                if found.is_empty() {
                    let mut row = row;
                    check_merge_nulls(pattern, &row, graph, env)?;
                    create_pattern(pattern, &mut row, graph, env, stats)?;
                    for item in on_create {
                        set_item(item, &row, graph, env, stats)?;
                    }
                    out.push(row);
                } else {
                    for r in found {
                        for item in on_match {
                            set_item(item, &r, graph, env, stats)?;
                        }
                        out.push(r);
                    }
                }
            }
        }
        PhysOp::Set(items) => {
            for row in rows {
                for item in items {
                    set_item(item, &row, graph, env, stats)?;
                }
                out.push(row);
            }
        }
        PhysOp::Remove(items) => {
            for row in rows {
                for item in items {
                    remove_item(item, &row, graph, env, stats)?;
                }
                out.push(row);
            }
        }
        PhysOp::Delete { detach, exprs } => {
            let mut nodes = Vec::new();
            let mut rels = Vec::new();
            for row in &rows {
                for e in exprs {
                    let v = eval(e, row, &env.ctx(graph))?;
                    collect_deletes(v, &mut nodes, &mut rels)?;
                }
            }
            for r in rels {
                if graph.delete_rel(r) {
                    stats.relationships_deleted += 1;
                }
            }
            for n in nodes {
                if graph.node_exists(n) {
                    let removed = graph.delete_node(n, *detach)?;
                    stats.relationships_deleted += removed as u64;
                    stats.nodes_deleted += 1;
                }
            }
            out = rows;
        }
        PhysOp::Foreach { slot, list, body } => {
            for row in rows {
                let items = match eval(list, &row, &env.ctx(graph))? {
                    Value::List(l) => l,
                    Value::Null => Vec::new(),
                    v => return Err(super::eval::type_err("FOREACH", "a List", &v)),
                };
                for item in items {
                    let mut inner = row.clone();
                    inner[slot.0] = item;
                    run_pipeline(&body.ops, vec![inner], graph, env, stats)?;
                }
                out.push(row);
            }
        }
        _ => return Err(Error::internal("a reading operator run as a write")),
    }
    Ok(out)
}

fn collect_deletes(v: Value, nodes: &mut Vec<NodeId>, rels: &mut Vec<RelId>) -> Result<(), Error> {
    match v {
        Value::Null => {}
        Value::Node(n) => nodes.push(n),
        Value::Rel(r) => rels.push(r),
        Value::Path(p) => {
            nodes.extend(p.nodes);
            rels.extend(p.rels);
        }
        Value::List(items) => {
            for i in items {
                collect_deletes(i, nodes, rels)?;
            }
        }
        v => {
            return Err(Error::runtime(
                ErrorKind::TypeError,
                "InvalidArgumentType",
                format!("DELETE expects a Node, Relationship or Path, got {}", v.type_name()),
            ));
        }
    }
    Ok(())
}

/// MERGE cannot create a pattern with null properties: `MERGE (n {k: null})` is an error.
fn check_merge_nulls(pattern: &bind::Pattern, row: &Row, graph: &Graph, env: &Env) -> Result<(), Error> {
    let ctx = env.ctx(graph);
    for part in &pattern.parts {
        let props = std::iter::once(&part.start.props).chain(part.steps.iter().flat_map(|(r, n)| [&r.props, &n.props]));
        for list in props {
            for (k, e) in list {
                if eval(e, row, &ctx)?.is_null() {
                    return Err(Error::runtime(
                        ErrorKind::SemanticError,
                        "MergeReadOwnWrites",
                        format!("cannot merge a pattern with a null property value for `{k}`"),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Evaluate a pattern element's property map into key ids and storable values.
fn eval_props(
    props: &[(String, bind::Expr)],
    param: &Option<bind::Expr>,
    row: &Row,
    graph: &mut Graph,
    env: &Env,
) -> Result<Vec<(store::KeyId, Value)>, Error> {
    let mut pairs: Vec<(String, Value)> = Vec::new();
    {
        let ctx = env.ctx(graph);
        for (k, e) in props {
            pairs.push((k.clone(), eval(e, row, &ctx)?));
        }
        if let Some(p) = param {
            match eval(p, row, &ctx)? {
                Value::Map(m) => pairs.extend(m),
                Value::Null => {}
                v => return Err(super::eval::type_err("a property map", "a Map", &v)),
            }
        }
    }
    let mut out = Vec::new();
    for (k, v) in pairs {
        if v.is_null() {
            continue;
        }
        store::check_storable(&v)?;
        out.push((graph.intern_key(&k), v));
    }
    Ok(out)
}

fn bound_node(v: &Value) -> Result<NodeId, Error> {
    match v {
        Value::Node(n) => Ok(*n),
        Value::Null => Err(Error::runtime(
            ErrorKind::SemanticError,
            "CreateNullNode",
            "cannot create a relationship to a null node",
        )),
        v => Err(super::eval::type_err("CREATE", "a Node", v)),
    }
}

fn create_pattern(
    pattern: &bind::Pattern,
    row: &mut Row,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
) -> Result<(), Error> {
    for part in &pattern.parts {
        let start = create_node(&part.start, row, graph, env, stats)?;
        let mut path = Path { nodes: vec![start], rels: vec![] };
        let mut prev = start;
        for (rel, node) in &part.steps {
            let next = create_node(node, row, graph, env, stats)?;
            let props = eval_props(&rel.props, &rel.props_param, row, graph, env)?;
            let ty = graph.intern_type(rel.types.first().map_or("", |t| t.as_str()));
            let (s, e) = if rel.dir == ast::Direction::Incoming { (next, prev) } else { (prev, next) };
            stats.properties_set += props.len() as u64;
            let r = graph.create_rel(s, e, ty, props)?;
            stats.relationships_created += 1;
            row[rel.slot.0] = Value::Rel(r);
            path.rels.push(r);
            path.nodes.push(next);
            prev = next;
        }
        if let Some(p) = part.path {
            row[p.0] = Value::Path(Box::new(path));
        }
    }
    Ok(())
}

fn create_node(
    n: &bind::NodePat,
    row: &mut Row,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
) -> Result<NodeId, Error> {
    if n.bound || !row[n.slot.0].is_null() {
        return bound_node(&row[n.slot.0]);
    }
    let props = eval_props(&n.props, &n.props_param, row, graph, env)?;
    let mut labels: Vec<store::LabelId> = n.labels.iter().map(|l| graph.intern_label(l)).collect();
    labels.sort();
    labels.dedup();
    stats.labels_added += labels.len() as u64;
    stats.properties_set += props.len() as u64;
    let id = graph.create_node(&labels, props);
    stats.nodes_created += 1;
    row[n.slot.0] = Value::Node(id);
    Ok(id)
}

/// Set one property of a node or relationship, counting the change.
fn set_property(target: &Value, key: &str, v: Value, graph: &mut Graph, stats: &mut Stats) -> Result<(), Error> {
    let removing = v.is_null();
    let k = graph.intern_key(key);
    let old = match target {
        Value::Null => return Ok(()),
        Value::Node(n) => graph.set_node_property(*n, k, v)?,
        Value::Rel(r) => graph.set_rel_property(*r, k, v)?,
        v => return Err(super::eval::type_err("SET", "a Node or Relationship", v)),
    };
    if removing {
        if old.is_some() {
            stats.properties_removed += 1;
        }
    } else {
        stats.properties_set += 1;
    }
    Ok(())
}

fn set_item(item: &SetItem, row: &Row, graph: &mut Graph, env: &Env, stats: &mut Stats) -> Result<(), Error> {
    match item {
        SetItem::Property { target, key, value } => {
            let (t, v) = {
                let ctx = env.ctx(graph);
                (eval(target, row, &ctx)?, eval(value, row, &ctx)?)
            };
            set_property(&t, key, v, graph, stats)
        }
        SetItem::Properties { slot, value, merge } => {
            let target = row[slot.0].clone();
            let (map, current): (BTreeMap<String, Value>, Vec<String>) = {
                let ctx = env.ctx(graph);
                let map = match eval(value, row, &ctx)? {
                    Value::Map(m) => m,
                    Value::Node(n) => graph.node_data(n).map(|d| d.properties).unwrap_or_default(),
                    Value::Rel(r) => graph.rel_data(r).map(|d| d.properties).unwrap_or_default(),
                    Value::Null if !*merge => BTreeMap::new(),
                    Value::Null => return Ok(()),
                    v => return Err(super::eval::type_err("SET", "a Map", &v)),
                };
                let current = match &target {
                    Value::Node(n) => {
                        graph.node_data(*n).map(|d| d.properties.into_keys().collect()).unwrap_or_default()
                    }
                    Value::Rel(r) => graph.rel_data(*r).map(|d| d.properties.into_keys().collect()).unwrap_or_default(),
                    _ => Vec::new(),
                };
                (map, current)
            };
            if !*merge {
                for k in current.iter().filter(|k| !map.contains_key(*k)) {
                    set_property(&target, k, Value::Null, graph, stats)?;
                }
            }
            for (k, v) in map {
                set_property(&target, &k, v, graph, stats)?;
            }
            Ok(())
        }
        SetItem::Labels { slot, labels } => match &row[slot.0] {
            Value::Null => Ok(()),
            Value::Node(n) => {
                for l in labels {
                    let id = graph.intern_label(l);
                    if graph.add_label(*n, id) {
                        stats.labels_added += 1;
                    }
                }
                Ok(())
            }
            v => Err(super::eval::type_err("SET labels", "a Node", v)),
        },
    }
}

fn remove_item(
    item: &bind::RemoveItem,
    row: &Row,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
) -> Result<(), Error> {
    match item {
        bind::RemoveItem::Property { target, key } => {
            let t = eval(target, row, &env.ctx(graph))?;
            set_property(&t, key, Value::Null, graph, stats)
        }
        bind::RemoveItem::Labels { slot, labels } => match &row[slot.0] {
            Value::Null => Ok(()),
            Value::Node(n) => {
                for l in labels {
                    if let Some(id) = graph.label_id(l) {
                        if graph.remove_label(*n, id) {
                            stats.labels_removed += 1;
                        }
                    }
                }
                Ok(())
            }
            v => Err(super::eval::type_err("REMOVE labels", "a Node", v)),
        },
    }
}
