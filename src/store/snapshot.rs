//! A plain, serde-friendly copy of a graph (entities with names instead of interned ids)
//! and the conversions to and from `Graph`, for durability. Ids are preserved. This file
//! must not do any IO itself: callers choose the format and the file.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{Graph, KeyId, NodeRecord, RelRecord, Value, node_id, rel_id};
use crate::error::Error;
use crate::value::{NodeId, RelId};

/// The whole graph. `labels`, `types` and `keys` list the catalog in id order so that
/// interned ids survive a round trip (they may be omitted: names are then interned in
/// order of appearance).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub types: Vec<String>,
    #[serde(default)]
    pub keys: Vec<String>,
    #[serde(default)]
    pub nodes: Vec<SnapshotNode>,
    #[serde(default)]
    pub rels: Vec<SnapshotRel>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotNode {
    pub id: u64,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub props: BTreeMap<String, PropValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SnapshotRel {
    pub id: u64,
    pub start: u64,
    pub end: u64,
    #[serde(rename = "type")]
    pub rel_type: String,
    #[serde(default)]
    pub props: BTreeMap<String, PropValue>,
}

/// A storable property value. Untagged, so JSON reads naturally (`{"age": 30}`); an
/// integer stays an integer and a float keeps its fraction (`1.0`) thanks to serde_json.
/// Non-finite floats cannot be written as JSON numbers: a format that needs them must
/// handle that itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PropValue {
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<PropValue>),
    /// A temporal value as its type name (`Value::temporal_type`) and ISO 8601 text:
    /// `{"temporal": "date", "value": "2025-09-24"}`.
    Temporal {
        temporal: String,
        value: String,
    },
}

impl PropValue {
    /// `None` for values that cannot be properties (they never are in a graph).
    pub fn from_value(v: &Value) -> Option<PropValue> {
        Some(match v {
            Value::Bool(b) => PropValue::Bool(*b),
            Value::Int(i) => PropValue::Int(*i),
            Value::Float(f) => PropValue::Float(*f),
            Value::String(s) => PropValue::String(s.clone()),
            Value::List(items) => PropValue::List(items.iter().map(PropValue::from_value).collect::<Option<_>>()?),
            v => PropValue::Temporal { temporal: v.temporal_type()?.to_string(), value: v.to_string() },
        })
    }

    pub fn to_value(&self) -> Value {
        match self {
            PropValue::Bool(b) => Value::Bool(*b),
            PropValue::Int(i) => Value::Int(*i),
            PropValue::Float(f) => Value::Float(*f),
            PropValue::String(s) => Value::String(s.clone()),
            PropValue::List(items) => Value::List(items.iter().map(PropValue::to_value).collect()),
            // Text we wrote always parses back; text edited by hand that does not is
            // kept as a string rather than lost.
            PropValue::Temporal { temporal, value } => {
                Value::parse_temporal(temporal, value).unwrap_or_else(|_| Value::String(value.clone()))
            }
        }
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::io(format!("invalid graph snapshot: {}", message.into()))
}

/// How sparse ids may be: a snapshot's largest id may exceed its entity count by this
/// factor plus a constant. Filling id gaps costs memory, so a corrupt file with an
/// enormous id must be refused rather than exhaust memory.
const MAX_GAP_FACTOR: u64 = 4;
const MAX_GAP_CONST: u64 = 1 << 16;

fn check_ids(ids: &[u64], what: &str) -> Result<Option<u64>, Error> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(*id) {
            return Err(invalid(format!("duplicate {what} id {id}")));
        }
    }
    let Some(max) = seen.last().copied() else {
        return Ok(None);
    };
    let limit =
        (ids.len() as u64).saturating_mul(MAX_GAP_FACTOR).saturating_add(MAX_GAP_CONST).min(u64::from(u32::MAX - 1));
    if max >= limit {
        return Err(invalid(format!("{what} id {max} is too large for {} {what}s", ids.len())));
    }
    Ok(Some(max))
}

impl Graph {
    /// The visible state of the graph (tombstoned entities are left out).
    pub fn to_snapshot(&self) -> Snapshot {
        let props = |p: &[(KeyId, Value)]| -> BTreeMap<String, PropValue> {
            p.iter().filter_map(|(k, v)| Some((self.key_name(*k).to_string(), PropValue::from_value(v)?))).collect()
        };
        let nodes = self
            .all_nodes()
            .map(|n| SnapshotNode {
                id: n.0,
                labels: self.node_labels(n).iter().map(|l| self.label_name(*l).to_string()).collect(),
                props: props(self.node_properties(n)),
            })
            .collect();
        let rels = self
            .all_rels()
            .filter_map(|r| {
                let (s, e) = self.rel_endpoints(r)?;
                Some(SnapshotRel {
                    id: r.0,
                    start: s.0,
                    end: e.0,
                    rel_type: self.type_name(self.rel_type(r)?).to_string(),
                    props: props(self.rel_properties(r)),
                })
            })
            .collect();
        Snapshot {
            labels: self.label_names().map(str::to_string).collect(),
            types: self.type_names().map(str::to_string).collect(),
            keys: self.key_names().map(str::to_string).collect(),
            nodes,
            rels,
        }
    }

    /// Rebuild a graph with the same ids, names and properties. Fails (an `Io` error) on
    /// duplicate ids, relationships with missing endpoints, non-storable values, or ids
    /// far sparser than the entity count.
    pub fn from_snapshot(s: Snapshot) -> Result<Graph, Error> {
        let mut g = Graph::new();
        for name in &s.labels {
            g.intern_label(name);
        }
        for name in &s.types {
            g.intern_type(name);
        }
        for name in &s.keys {
            g.intern_key(name);
        }

        let node_ids: Vec<u64> = s.nodes.iter().map(|n| n.id).collect();
        let max_node = check_ids(&node_ids, "node")?;
        let rel_ids: Vec<u64> = s.rels.iter().map(|r| r.id).collect();
        let max_rel = check_ids(&rel_ids, "relationship")?;
        let live: BTreeSet<u64> = node_ids.iter().copied().collect();
        for r in &s.rels {
            if !live.contains(&r.start) || !live.contains(&r.end) {
                return Err(invalid(format!("relationship {} joins a node that is not in the snapshot", r.id)));
            }
        }

        let convert = |g: &mut Graph, props: BTreeMap<String, PropValue>| -> Result<Vec<(KeyId, Value)>, Error> {
            let mut out = Vec::with_capacity(props.len());
            for (k, v) in props {
                let v = v.to_value();
                if !v.is_storable() {
                    return Err(invalid(format!("property {k} holds a nested list")));
                }
                out.push((g.intern_key(&k), v));
            }
            out.sort_by_key(|(k, _)| *k);
            Ok(out)
        };

        // Nodes: fill every slot up to the largest id, then free the gaps, so each node
        // lands on its own index (petgraph cannot insert at a chosen index).
        let mut by_id: BTreeMap<u64, SnapshotNode> = s.nodes.into_iter().map(|n| (n.id, n)).collect();
        if let Some(max) = max_node {
            let mut gaps = Vec::new();
            for id in 0..=max {
                let rec = match by_id.remove(&id) {
                    Some(n) => {
                        let mut labels: Vec<u32> = n.labels.iter().map(|l| g.intern_label(l)).collect();
                        labels.sort_unstable();
                        labels.dedup();
                        NodeRecord { labels, props: convert(&mut g, n.props)?, ..NodeRecord::default() }
                    }
                    None => {
                        gaps.push(id);
                        NodeRecord::default()
                    }
                };
                let n = node_id(g.g.add_node(rec));
                if n.0 != id {
                    return Err(Error::internal("snapshot node landed on the wrong id"));
                }
            }
            // Highest gap first: the free list then hands out the lowest id next.
            for id in gaps.iter().rev() {
                if let Some(i) = super::nix(NodeId(*id)) {
                    g.g.remove_node(i);
                }
            }
            for id in node_ids.iter().copied().collect::<BTreeSet<_>>() {
                g.index_node(NodeId(id));
            }
        }

        // Relationships: the same trick; gap edges hang off any live node for the moment.
        let mut by_id: BTreeMap<u64, SnapshotRel> = s.rels.into_iter().map(|r| (r.id, r)).collect();
        if let (Some(max), Some(anchor)) = (max_rel, live.first().copied()) {
            let anchor_ix = super::nix(NodeId(anchor)).ok_or_else(|| Error::internal("snapshot anchor node"))?;
            let mut gaps = Vec::new();
            let mut links = Vec::new();
            for id in 0..=max {
                let (s_ix, e_ix, rec) = match by_id.remove(&id) {
                    Some(r) => {
                        let ty = g.intern_type(&r.rel_type);
                        let (Some(si), Some(ei)) = (super::nix(NodeId(r.start)), super::nix(NodeId(r.end))) else {
                            return Err(invalid(format!("relationship {id} endpoints")));
                        };
                        links.push((RelId(id), NodeId(r.start), NodeId(r.end), ty));
                        let props = convert(&mut g, r.props)?;
                        (si, ei, RelRecord { ty, props, deleted: false })
                    }
                    None => {
                        gaps.push(id);
                        let rec = RelRecord { ty: 0, props: Vec::new(), deleted: false };
                        (anchor_ix, anchor_ix, rec)
                    }
                };
                let r = rel_id(g.g.add_edge(s_ix, e_ix, rec));
                if r.0 != id {
                    return Err(Error::internal("snapshot relationship landed on the wrong id"));
                }
            }
            for id in gaps.iter().rev() {
                if let Some(e) = super::eix(RelId(*id)) {
                    g.g.remove_edge(e);
                }
            }
            for (r, s, e, ty) in links {
                g.link(r, s, e, ty);
            }
        }
        Ok(g)
    }
}
