//! The store: Meridian's in-memory property graph. Nodes and relationships live in a
//! petgraph `StableDiGraph` (so ids stay stable when other entities are deleted), with
//! interned labels, types and keys (`catalog`), a per-label index of nodes, a per-node
//! adjacency index partitioned by direction and type, and an undo log that makes a
//! statement atomic (`begin` / `commit` / `rollback`). This is the only module that
//! imports petgraph. It must know nothing about query syntax or query stages: it offers
//! reads and writes of entities, and nothing else depends on how it stores them.

mod catalog;
mod codec;
pub mod crc32;
pub mod csv;
pub mod export;
mod snapshot;
pub mod wal;

pub use snapshot::{PropValue, Snapshot, SnapshotNode, SnapshotRel};
pub use wal::{Db, DbMode};

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};

use crate::error::{Error, ErrorKind};
use crate::value::{NodeData, NodeId, RelData, RelId, Value};
use catalog::Catalog;

pub type LabelId = u32;
pub type TypeId = u32;
pub type KeyId = u32;

/// Which relationships of a node `expand` follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    /// The node is the start.
    Out,
    /// The node is the end.
    In,
    /// Either; a self-loop is reported once.
    Both,
}

/// Relationships of one node in one direction: per type, relationship -> node at the
/// other end. Keyed by type so that a typed expand never looks at other types.
type Adj = BTreeMap<TypeId, BTreeMap<RelId, NodeId>>;

#[derive(Clone, Debug, Default)]
struct NodeRecord {
    /// Sorted by id, no duplicates.
    labels: Vec<LabelId>,
    /// Sorted by key id, no duplicates, never `Null`.
    props: Vec<(KeyId, Value)>,
    out: Adj,
    inc: Adj,
    /// Self-loops per type (they sit in both `out` and `inc`); lets `degree(Both)` avoid
    /// counting them twice without a scan.
    loops: BTreeMap<TypeId, usize>,
    /// Tombstone: deleted inside a transaction, physically removed at commit.
    deleted: bool,
}

#[derive(Clone, Debug)]
struct RelRecord {
    ty: TypeId,
    props: Vec<(KeyId, Value)>,
    deleted: bool,
}

/// One change, recorded with what is needed to revert it.
#[derive(Clone, Debug)]
enum Undo {
    CreatedNode(NodeId),
    CreatedRel(RelId),
    DeletedNode(NodeId),
    DeletedRel(RelId),
    NodeProp(NodeId, KeyId, Option<Value>),
    RelProp(RelId, KeyId, Option<Value>),
    LabelAdded(NodeId, LabelId),
    LabelRemoved(NodeId, LabelId),
}

/// One committed change in forward direction, as the write-ahead log records it: the
/// exact ids, so that replaying the changes of a transaction onto the graph it started
/// from reproduces the same graph, ids included. Deletions of the relationships of a
/// detached node come before the node's own deletion.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    CreateNode {
        id: NodeId,
        labels: Vec<LabelId>,
        props: Vec<(KeyId, Value)>,
    },
    CreateRel {
        id: RelId,
        start: NodeId,
        end: NodeId,
        ty: TypeId,
        props: Vec<(KeyId, Value)>,
    },
    DeleteNode(NodeId),
    DeleteRel(RelId),
    /// `None` removes the property.
    SetNodeProp(NodeId, KeyId, Option<Value>),
    SetRelProp(RelId, KeyId, Option<Value>),
    AddLabel(NodeId, LabelId),
    RemoveLabel(NodeId, LabelId),
}

/// The property graph.
///
/// Ids: a node's id is its petgraph index. Deleting an entity never changes another's id.
/// Outside a transaction a deleted entity's slot is freed at once, and a later creation
/// may reuse its id (as Neo4j does); inside a transaction deletions are tombstones, so
/// no id is reused before the transaction ends, and rollback gives every entity that
/// existed at `begin` its original id back.
///
/// Transactions nest as savepoints: every `begin` marks the undo log, `rollback` reverts
/// to the latest mark, `commit` drops the latest mark; the outermost `commit` makes the
/// deletions physical and discards the log. `commit`/`rollback` without `begin` are no-ops.
#[derive(Clone, Default)]
pub struct Graph {
    catalog: Catalog,
    g: StableDiGraph<NodeRecord, RelRecord>,
    /// Per label id: the live nodes carrying it.
    label_index: Vec<BTreeSet<NodeId>>,
    /// Per type id: the number of live relationships of that type.
    type_counts: Vec<usize>,
    live_nodes: usize,
    live_rels: usize,
    undo: Vec<Undo>,
    /// Undo-log lengths at each open `begin`.
    marks: Vec<usize>,
    /// Record forward `Change`s next to the undo log (for the write-ahead log).
    capture: bool,
    /// When `capture` is on: one entry per `undo` entry, in the same order.
    redo: Vec<Change>,
}

/// Counts only: a graph can be large, and structs that hold one still want `Debug`.
impl std::fmt::Debug for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Graph")
            .field("nodes", &self.live_nodes)
            .field("rels", &self.live_rels)
            .field("open_transactions", &self.marks.len())
            .finish()
    }
}

fn nix(n: NodeId) -> Option<NodeIndex> {
    // u32::MAX is petgraph's "no node" sentinel, never a real index.
    u32::try_from(n.0).ok().filter(|i| *i != u32::MAX).map(|i| NodeIndex::new(i as usize))
}

fn eix(r: RelId) -> Option<EdgeIndex> {
    u32::try_from(r.0).ok().filter(|i| *i != u32::MAX).map(|i| EdgeIndex::new(i as usize))
}

fn node_id(i: NodeIndex) -> NodeId {
    NodeId(i.index() as u64)
}

fn rel_id(i: EdgeIndex) -> RelId {
    RelId(i.index() as u64)
}

fn prop_get(props: &[(KeyId, Value)], k: KeyId) -> Option<&Value> {
    props.binary_search_by_key(&k, |(key, _)| *key).ok().and_then(|i| props.get(i)).map(|(_, v)| v)
}

/// Set (`Some`) or remove (`None`) key `k`, keeping the vector sorted. Returns the old value.
fn prop_put(props: &mut Vec<(KeyId, Value)>, k: KeyId, v: Option<Value>) -> Option<Value> {
    match (props.binary_search_by_key(&k, |(key, _)| *key), v) {
        (Ok(i), Some(v)) => props.get_mut(i).map(|slot| std::mem::replace(&mut slot.1, v)),
        (Ok(i), None) => Some(props.remove(i).1),
        (Err(i), Some(v)) => {
            props.insert(i, (k, v));
            None
        }
        (Err(_), None) => None,
    }
}

/// Normalize creation properties: later duplicates win, nulls are dropped.
fn normalize_props(input: Vec<(KeyId, Value)>) -> Vec<(KeyId, Value)> {
    let mut props = Vec::with_capacity(input.len());
    for (k, v) in input {
        let v = if v.is_null() { None } else { Some(v) };
        prop_put(&mut props, k, v);
    }
    props
}

/// Fails unless `v` may be stored as a property value (`Null` is accepted: it means
/// "remove"). The executor can call this to validate values before `create_node`.
pub fn check_storable(v: &Value) -> Result<(), Error> {
    if v.is_null() || v.is_storable() {
        Ok(())
    } else {
        Err(Error::runtime(
            ErrorKind::TypeError,
            "InvalidPropertyType",
            format!(
                "a property value must be a boolean, number or string, or a list of one of them; got {}",
                v.type_name()
            ),
        ))
    }
}

fn deleted_node(n: NodeId) -> Error {
    Error::runtime(
        ErrorKind::EntityNotFound,
        "DeletedEntityAccess",
        format!("node {} does not exist (it may have been deleted)", n.0),
    )
}

fn deleted_rel(r: RelId) -> Error {
    Error::runtime(
        ErrorKind::EntityNotFound,
        "DeletedEntityAccess",
        format!("relationship {} does not exist (it may have been deleted)", r.0),
    )
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    // ---- private access -------------------------------------------------------------

    fn node(&self, n: NodeId) -> Option<&NodeRecord> {
        self.g.node_weight(nix(n)?).filter(|r| !r.deleted)
    }

    fn node_mut(&mut self, n: NodeId) -> Option<&mut NodeRecord> {
        self.g.node_weight_mut(nix(n)?).filter(|r| !r.deleted)
    }

    fn rel(&self, r: RelId) -> Option<&RelRecord> {
        self.g.edge_weight(eix(r)?).filter(|r| !r.deleted)
    }

    fn rel_mut(&mut self, r: RelId) -> Option<&mut RelRecord> {
        self.g.edge_weight_mut(eix(r)?).filter(|r| !r.deleted)
    }

    fn logging(&self) -> bool {
        !self.marks.is_empty()
    }

    fn log(&mut self, u: Undo) {
        if self.logging() {
            self.undo.push(u);
        }
    }

    fn log_change(&mut self, c: impl FnOnce() -> Change) {
        if self.capture && self.logging() {
            self.redo.push(c());
        }
    }

    /// Enter relationship `r` into the adjacency of its endpoints and the counts.
    fn link(&mut self, r: RelId, start: NodeId, end: NodeId, ty: TypeId) {
        if let Some(s) = nix(start).and_then(|i| self.g.node_weight_mut(i)) {
            s.out.entry(ty).or_default().insert(r, end);
            if start == end {
                *s.loops.entry(ty).or_default() += 1;
            }
        }
        if let Some(e) = nix(end).and_then(|i| self.g.node_weight_mut(i)) {
            e.inc.entry(ty).or_default().insert(r, start);
        }
        if let Some(c) = self.type_counts.get_mut(ty as usize) {
            *c += 1;
        }
        self.live_rels += 1;
    }

    /// The inverse of `link`. Empty per-type maps are dropped so that the adjacency of
    /// a node never grows with the history of its relationships.
    fn unlink(&mut self, r: RelId, start: NodeId, end: NodeId, ty: TypeId) {
        fn take(adj: &mut Adj, ty: TypeId, r: RelId) {
            if let Some(m) = adj.get_mut(&ty) {
                m.remove(&r);
                if m.is_empty() {
                    adj.remove(&ty);
                }
            }
        }
        if let Some(s) = nix(start).and_then(|i| self.g.node_weight_mut(i)) {
            take(&mut s.out, ty, r);
            if start == end
                && let Some(c) = s.loops.get_mut(&ty)
            {
                *c = c.saturating_sub(1);
                if *c == 0 {
                    s.loops.remove(&ty);
                }
            }
        }
        if let Some(e) = nix(end).and_then(|i| self.g.node_weight_mut(i)) {
            take(&mut e.inc, ty, r);
        }
        if let Some(c) = self.type_counts.get_mut(ty as usize) {
            *c = c.saturating_sub(1);
        }
        self.live_rels = self.live_rels.saturating_sub(1);
    }

    /// Make node `n` (whose record holds its labels) visible to the label index and counts.
    fn index_node(&mut self, n: NodeId) {
        let labels = match nix(n).and_then(|i| self.g.node_weight(i)) {
            Some(r) => r.labels.clone(),
            None => return,
        };
        for l in labels {
            if let Some(set) = self.label_index.get_mut(l as usize) {
                set.insert(n);
            }
        }
        self.live_nodes += 1;
    }

    fn unindex_node(&mut self, n: NodeId) {
        let labels = match nix(n).and_then(|i| self.g.node_weight(i)) {
            Some(r) => r.labels.clone(),
            None => return,
        };
        for l in labels {
            if let Some(set) = self.label_index.get_mut(l as usize) {
                set.remove(&n);
            }
        }
        self.live_nodes = self.live_nodes.saturating_sub(1);
    }

    fn rel_parts(&self, r: RelId) -> Option<(NodeId, NodeId, TypeId)> {
        let e = eix(r)?;
        let rec = self.g.edge_weight(e)?;
        let (s, t) = self.g.edge_endpoints(e)?;
        Some((node_id(s), node_id(t), rec.ty))
    }

    // ---- catalog --------------------------------------------------------------------

    pub fn label_id(&self, name: &str) -> Option<LabelId> {
        self.catalog.labels.get(name)
    }
    pub fn type_id(&self, name: &str) -> Option<TypeId> {
        self.catalog.types.get(name)
    }
    pub fn key_id(&self, name: &str) -> Option<KeyId> {
        self.catalog.keys.get(name)
    }
    /// "" for an id never interned.
    pub fn label_name(&self, id: LabelId) -> &str {
        self.catalog.labels.name(id)
    }
    pub fn type_name(&self, id: TypeId) -> &str {
        self.catalog.types.name(id)
    }
    pub fn key_name(&self, id: KeyId) -> &str {
        self.catalog.keys.name(id)
    }
    /// Every label ever interned, in id order (including labels no live node carries).
    pub fn label_names(&self) -> impl Iterator<Item = &str> {
        self.catalog.labels.names()
    }
    pub fn type_names(&self) -> impl Iterator<Item = &str> {
        self.catalog.types.names()
    }
    pub fn key_names(&self) -> impl Iterator<Item = &str> {
        self.catalog.keys.names()
    }

    pub fn intern_label(&mut self, name: &str) -> LabelId {
        let id = self.catalog.labels.intern(name);
        while self.label_index.len() < self.catalog.labels.len() {
            self.label_index.push(BTreeSet::new());
        }
        id
    }
    pub fn intern_type(&mut self, name: &str) -> TypeId {
        let id = self.catalog.types.intern(name);
        while self.type_counts.len() < self.catalog.types.len() {
            self.type_counts.push(0);
        }
        id
    }
    pub fn intern_key(&mut self, name: &str) -> KeyId {
        self.catalog.keys.intern(name)
    }

    // ---- counts ---------------------------------------------------------------------

    pub fn node_count(&self) -> usize {
        self.live_nodes
    }
    pub fn rel_count(&self) -> usize {
        self.live_rels
    }
    pub fn label_count(&self, l: LabelId) -> usize {
        self.label_index.get(l as usize).map_or(0, BTreeSet::len)
    }
    pub fn type_count(&self, t: TypeId) -> usize {
        self.type_counts.get(t as usize).copied().unwrap_or(0)
    }
    /// Per key id, the number of live nodes and relationships carrying it (a full scan:
    /// meant for schema listings, not for query execution).
    pub fn key_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.catalog.keys.len()];
        let node_props = self.g.node_weights().filter(|r| !r.deleted).map(|r| &r.props);
        let rel_props = self.g.edge_weights().filter(|r| !r.deleted).map(|r| &r.props);
        for props in node_props.chain(rel_props) {
            for (k, _) in props {
                if let Some(c) = counts.get_mut(*k as usize) {
                    *c += 1;
                }
            }
        }
        counts
    }

    // ---- reads ----------------------------------------------------------------------

    pub fn node_exists(&self, n: NodeId) -> bool {
        self.node(n).is_some()
    }
    pub fn rel_exists(&self, r: RelId) -> bool {
        self.rel(r).is_some()
    }

    /// Live nodes in ascending id order.
    pub fn all_nodes(&self) -> Box<dyn Iterator<Item = NodeId> + '_> {
        Box::new(self.g.node_indices().filter(move |i| self.g.node_weight(*i).is_some_and(|r| !r.deleted)).map(node_id))
    }

    /// Live nodes carrying `l`, in ascending id order; visits only those nodes.
    pub fn nodes_with_label(&self, l: LabelId) -> Box<dyn Iterator<Item = NodeId> + '_> {
        match self.label_index.get(l as usize) {
            Some(set) => Box::new(set.iter().copied()),
            None => Box::new(std::iter::empty()),
        }
    }

    /// Live relationships in ascending id order.
    pub fn all_rels(&self) -> Box<dyn Iterator<Item = RelId> + '_> {
        Box::new(self.g.edge_indices().filter(move |i| self.g.edge_weight(*i).is_some_and(|r| !r.deleted)).map(rel_id))
    }

    pub fn node_labels(&self, n: NodeId) -> &[LabelId] {
        self.node(n).map_or(&[], |r| r.labels.as_slice())
    }
    pub fn has_label(&self, n: NodeId, l: LabelId) -> bool {
        self.node(n).is_some_and(|r| r.labels.binary_search(&l).is_ok())
    }
    pub fn node_property(&self, n: NodeId, k: KeyId) -> Option<&Value> {
        prop_get(&self.node(n)?.props, k)
    }
    pub fn node_properties(&self, n: NodeId) -> &[(KeyId, Value)] {
        self.node(n).map_or(&[], |r| r.props.as_slice())
    }
    pub fn rel_type(&self, r: RelId) -> Option<TypeId> {
        self.rel(r).map(|r| r.ty)
    }
    /// The type of a relationship, even one deleted by the running statement (a
    /// relationship's type stays readable after DELETE, as openCypher requires).
    pub fn rel_type_including_deleted(&self, r: RelId) -> Option<TypeId> {
        self.g.edge_weight(eix(r)?).map(|r| r.ty)
    }
    /// (start, end)
    pub fn rel_endpoints(&self, r: RelId) -> Option<(NodeId, NodeId)> {
        self.rel(r)?;
        let (s, e) = self.g.edge_endpoints(eix(r)?)?;
        Some((node_id(s), node_id(e)))
    }
    pub fn rel_property(&self, r: RelId, k: KeyId) -> Option<&Value> {
        prop_get(&self.rel(r)?.props, k)
    }
    pub fn rel_properties(&self, r: RelId) -> &[(KeyId, Value)] {
        self.rel(r).map_or(&[], |r| r.props.as_slice())
    }

    /// Relationships of `n` in direction `dir` (Out: `n` is the start; In: `n` is the end;
    /// Both: either, a self-loop reported once), restricted to `types` (empty = all), each
    /// with the node at the other end. Costs O(matching relationships + types), never
    /// O(degree). Order: by direction (out before in), then type id, then relationship id.
    pub fn expand(&self, n: NodeId, dir: Dir, types: &[TypeId]) -> Vec<(RelId, NodeId)> {
        let Some(rec) = self.node(n) else {
            return Vec::new();
        };
        let wanted = sorted_types(types);
        let mut found = Vec::new();
        let mut collect = |adj: &Adj, skip_loops: bool| {
            let mut take = |m: &BTreeMap<RelId, NodeId>| {
                for (r, other) in m {
                    if !(skip_loops && *other == n) {
                        found.push((*r, *other));
                    }
                }
            };
            if wanted.is_empty() {
                adj.values().for_each(&mut take);
            } else {
                wanted.iter().filter_map(|t| adj.get(t)).for_each(&mut take);
            }
        };
        match dir {
            Dir::Out => collect(&rec.out, false),
            Dir::In => collect(&rec.inc, false),
            Dir::Both => {
                collect(&rec.out, false);
                collect(&rec.inc, true);
            }
        }
        found
    }

    /// The number of relationships `expand` would return, in O(types).
    pub fn degree(&self, n: NodeId, dir: Dir, types: &[TypeId]) -> usize {
        let Some(rec) = self.node(n) else {
            return 0;
        };
        let wanted = sorted_types(types);
        let count = |adj: &Adj| -> usize {
            if wanted.is_empty() {
                adj.values().map(BTreeMap::len).sum()
            } else {
                wanted.iter().filter_map(|t| adj.get(t)).map(BTreeMap::len).sum()
            }
        };
        let loops = || -> usize {
            if wanted.is_empty() {
                rec.loops.values().sum()
            } else {
                wanted.iter().filter_map(|t| rec.loops.get(t)).sum()
            }
        };
        match dir {
            Dir::Out => count(&rec.out),
            Dir::In => count(&rec.inc),
            Dir::Both => (count(&rec.out) + count(&rec.inc)).saturating_sub(loops()),
        }
    }

    /// A node as it leaves the engine: label names (in label-id order) and properties.
    pub fn node_data(&self, n: NodeId) -> Option<NodeData> {
        let rec = self.node(n)?;
        Some(NodeData {
            labels: rec.labels.iter().map(|l| self.label_name(*l).to_string()).collect(),
            properties: self.prop_map(&rec.props),
        })
    }

    pub fn rel_data(&self, r: RelId) -> Option<RelData> {
        let rec = self.rel(r)?;
        let (start, end) = self.rel_endpoints(r)?;
        Some(RelData {
            rel_type: self.type_name(rec.ty).to_string(),
            start,
            end,
            properties: self.prop_map(&rec.props),
        })
    }

    fn prop_map(&self, props: &[(KeyId, Value)]) -> BTreeMap<String, Value> {
        props.iter().map(|(k, v)| (self.key_name(*k).to_string(), v.clone())).collect()
    }

    // ---- writes ---------------------------------------------------------------------

    /// Create a node. Label ids that were never interned are ignored; properties: later
    /// duplicates win and `Null` values are skipped. Values are NOT checked here (the
    /// signature cannot fail): validate them with `check_storable` first.
    pub fn create_node(&mut self, labels: &[LabelId], props: Vec<(KeyId, Value)>) -> NodeId {
        let mut labels: Vec<LabelId> =
            labels.iter().copied().filter(|l| (*l as usize) < self.label_index.len()).collect();
        labels.sort_unstable();
        labels.dedup();
        let rec = NodeRecord { labels, props: normalize_props(props), ..NodeRecord::default() };
        let change = self.capture.then(|| (rec.labels.clone(), rec.props.clone()));
        let n = node_id(self.g.add_node(rec));
        self.index_node(n);
        self.log(Undo::CreatedNode(n));
        if let Some((labels, props)) = change {
            self.log_change(|| Change::CreateNode { id: n, labels, props });
        }
        n
    }

    /// Create a relationship. Fails with `EntityNotFound` if an endpoint does not exist
    /// (or was deleted); a type id that was never interned is an internal error.
    pub fn create_rel(
        &mut self,
        start: NodeId,
        end: NodeId,
        ty: TypeId,
        props: Vec<(KeyId, Value)>,
    ) -> Result<RelId, Error> {
        let s = nix(start).filter(|_| self.node_exists(start)).ok_or_else(|| deleted_node(start))?;
        let e = nix(end).filter(|_| self.node_exists(end)).ok_or_else(|| deleted_node(end))?;
        if ty as usize >= self.type_counts.len() {
            return Err(Error::internal(format!("relationship type id {ty} was never interned")));
        }
        let rec = RelRecord { ty, props: normalize_props(props), deleted: false };
        let change = self.capture.then(|| rec.props.clone());
        let r = rel_id(self.g.add_edge(s, e, rec));
        self.link(r, start, end, ty);
        self.log(Undo::CreatedRel(r));
        if let Some(props) = change {
            self.log_change(|| Change::CreateRel { id: r, start, end, ty, props });
        }
        Ok(r)
    }

    /// Set property `k` of node `n` (`Value::Null` removes it); returns the previous value.
    pub fn set_node_property(&mut self, n: NodeId, k: KeyId, v: Value) -> Result<Option<Value>, Error> {
        check_storable(&v)?;
        let capture = self.capture;
        let rec = self.node_mut(n).ok_or_else(|| deleted_node(n))?;
        let v = if v.is_null() { None } else { Some(v) };
        let change = if capture { v.clone() } else { None };
        let old = prop_put(&mut rec.props, k, v);
        if self.logging() {
            self.undo.push(Undo::NodeProp(n, k, old.clone()));
        }
        self.log_change(|| Change::SetNodeProp(n, k, change));
        Ok(old)
    }

    /// Set property `k` of relationship `r` (`Value::Null` removes it); returns the
    /// previous value.
    pub fn set_rel_property(&mut self, r: RelId, k: KeyId, v: Value) -> Result<Option<Value>, Error> {
        check_storable(&v)?;
        let capture = self.capture;
        let rec = self.rel_mut(r).ok_or_else(|| deleted_rel(r))?;
        let v = if v.is_null() { None } else { Some(v) };
        let change = if capture { v.clone() } else { None };
        let old = prop_put(&mut rec.props, k, v);
        if self.logging() {
            self.undo.push(Undo::RelProp(r, k, old.clone()));
        }
        self.log_change(|| Change::SetRelProp(r, k, change));
        Ok(old)
    }

    /// True if the label was newly added (false: already there, no such node, or a
    /// label id never interned).
    pub fn add_label(&mut self, n: NodeId, l: LabelId) -> bool {
        if l as usize >= self.label_index.len() {
            return false;
        }
        let Some(rec) = self.node_mut(n) else {
            return false;
        };
        let Err(pos) = rec.labels.binary_search(&l) else {
            return false;
        };
        rec.labels.insert(pos, l);
        if let Some(set) = self.label_index.get_mut(l as usize) {
            set.insert(n);
        }
        self.log(Undo::LabelAdded(n, l));
        self.log_change(|| Change::AddLabel(n, l));
        true
    }

    /// True if the label was there.
    pub fn remove_label(&mut self, n: NodeId, l: LabelId) -> bool {
        let Some(rec) = self.node_mut(n) else {
            return false;
        };
        let Ok(pos) = rec.labels.binary_search(&l) else {
            return false;
        };
        rec.labels.remove(pos);
        if let Some(set) = self.label_index.get_mut(l as usize) {
            set.remove(&n);
        }
        self.log(Undo::LabelRemoved(n, l));
        self.log_change(|| Change::RemoveLabel(n, l));
        true
    }

    /// True if the relationship existed.
    pub fn delete_rel(&mut self, r: RelId) -> bool {
        if !self.rel_exists(r) {
            return false;
        }
        let Some((start, end, ty)) = self.rel_parts(r) else {
            return false;
        };
        self.unlink(r, start, end, ty);
        if self.logging() {
            if let Some(rec) = eix(r).and_then(|e| self.g.edge_weight_mut(e)) {
                rec.deleted = true;
            }
            self.undo.push(Undo::DeletedRel(r));
            self.log_change(|| Change::DeleteRel(r));
        } else if let Some(e) = eix(r) {
            self.g.remove_edge(e);
        }
        true
    }

    /// Delete node `n`. If it still has relationships: with `detach` they are deleted
    /// first, without it the call fails (`ConstraintVerificationFailed`/
    /// `DeleteConnectedNode`) and changes nothing. Returns the number of relationships
    /// deleted. A node that does not exist (or is already deleted) is a no-op: `Ok(0)`.
    pub fn delete_node(&mut self, n: NodeId, detach: bool) -> Result<usize, Error> {
        let Some(rec) = self.node(n) else {
            return Ok(0);
        };
        // A set: a self-loop sits in both directions.
        let rels: BTreeSet<RelId> = rec.out.values().chain(rec.inc.values()).flat_map(|m| m.keys().copied()).collect();
        if !rels.is_empty() && !detach {
            return Err(Error::runtime(
                ErrorKind::ConstraintVerificationFailed,
                "DeleteConnectedNode",
                format!(
                    "cannot delete node {} because it still has {} relationship(s); use DETACH DELETE to delete them too",
                    n.0,
                    rels.len()
                ),
            ));
        }
        for r in &rels {
            self.delete_rel(*r);
        }
        self.unindex_node(n);
        if self.logging() {
            if let Some(rec) = nix(n).and_then(|i| self.g.node_weight_mut(i)) {
                rec.deleted = true;
            }
            self.undo.push(Undo::DeletedNode(n));
            self.log_change(|| Change::DeleteNode(n));
        } else if let Some(i) = nix(n) {
            self.g.remove_node(i);
        }
        Ok(rels.len())
    }

    // ---- statement atomicity --------------------------------------------------------

    /// Record forward changes from now on (`changes`). Only takes effect between
    /// transactions, so the redo log always mirrors the undo log entry for entry.
    pub fn set_change_capture(&mut self, on: bool) {
        if !self.logging() {
            self.capture = on;
        }
    }

    /// The changes made since the outermost `begin` that are still in effect (rolled-back
    /// savepoints are gone), in the order they were made; empty unless change capture is
    /// on. This is what a write-ahead log writes before the outermost `commit`.
    pub fn changes(&self) -> &[Change] {
        &self.redo
    }

    /// Replay `changes` (as `changes` returned them on another copy of this graph) as one
    /// transaction. Every created entity must land on its recorded id and every change
    /// must apply; otherwise the graph is left unchanged and the error says what failed.
    pub fn apply_changes(&mut self, changes: &[Change]) -> Result<(), Error> {
        if self.logging() {
            return Err(Error::internal("apply_changes inside a transaction"));
        }
        self.begin();
        let applied = changes.iter().enumerate().try_for_each(|(i, c)| {
            self.apply_change(c)
                .map_err(|e| Error::io(format!("change {} of the record does not apply: {}", i + 1, e.message)))
        });
        match applied {
            Ok(()) => {
                self.commit();
                Ok(())
            }
            Err(e) => {
                self.rollback();
                Err(e)
            }
        }
    }

    fn apply_change(&mut self, c: &Change) -> Result<(), Error> {
        let mismatch = |what: String| Err(Error::io(what));
        match c {
            Change::CreateNode { id, labels, props } => {
                if labels.iter().any(|l| *l as usize >= self.label_index.len()) {
                    return mismatch(format!("node {} has a label id never interned", id.0));
                }
                let n = self.create_node(labels, props.clone());
                if n != *id {
                    return mismatch(format!("node {} was created as node {}", id.0, n.0));
                }
            }
            Change::CreateRel { id, start, end, ty, props } => {
                let r = self.create_rel(*start, *end, *ty, props.clone())?;
                if r != *id {
                    return mismatch(format!("relationship {} was created as relationship {}", id.0, r.0));
                }
            }
            Change::DeleteNode(n) => {
                if !self.node_exists(*n) {
                    return mismatch(format!("node {} to delete does not exist", n.0));
                }
                self.delete_node(*n, false)?;
            }
            Change::DeleteRel(r) => {
                if !self.delete_rel(*r) {
                    return mismatch(format!("relationship {} to delete does not exist", r.0));
                }
            }
            Change::SetNodeProp(n, k, v) => {
                self.check_key(*k)?;
                self.set_node_property(*n, *k, v.clone().unwrap_or(Value::Null))?;
            }
            Change::SetRelProp(r, k, v) => {
                self.check_key(*k)?;
                self.set_rel_property(*r, *k, v.clone().unwrap_or(Value::Null))?;
            }
            Change::AddLabel(n, l) => {
                if !self.add_label(*n, *l) {
                    return mismatch(format!("label {l} cannot be added to node {}", n.0));
                }
            }
            Change::RemoveLabel(n, l) => {
                if !self.remove_label(*n, *l) {
                    return mismatch(format!("label {l} cannot be removed from node {}", n.0));
                }
            }
        }
        Ok(())
    }

    fn check_key(&self, k: KeyId) -> Result<(), Error> {
        if (k as usize) < self.catalog.keys.len() {
            Ok(())
        } else {
            Err(Error::io(format!("property key id {k} was never interned")))
        }
    }

    /// Lengths of the three catalog namespaces (labels, types, keys).
    pub fn catalog_lens(&self) -> (usize, usize, usize) {
        (self.catalog.labels.len(), self.catalog.types.len(), self.catalog.keys.len())
    }

    /// Open a transaction (or a savepoint inside an open one).
    pub fn begin(&mut self) {
        self.marks.push(self.undo.len());
    }

    /// True between `begin` and the matching outermost `commit`/`rollback`.
    pub fn in_transaction(&self) -> bool {
        self.logging()
    }

    /// Close the innermost `begin`, keeping its changes. Closing the outermost one
    /// removes tombstoned entities physically and drops the undo log.
    pub fn commit(&mut self) {
        if self.marks.pop().is_none() || !self.marks.is_empty() {
            return;
        }
        self.redo.clear();
        let log = std::mem::take(&mut self.undo);
        let mut dead_nodes = Vec::new();
        for u in log {
            match u {
                Undo::DeletedRel(r) => {
                    if let Some(e) = eix(r) {
                        self.g.remove_edge(e);
                    }
                }
                Undo::DeletedNode(n) => dead_nodes.push(n),
                _ => {}
            }
        }
        // Nodes after relationships: a node's removal would otherwise take petgraph edges
        // with it and leave the edge removals above pointing at freed slots.
        for n in dead_nodes {
            if let Some(i) = nix(n) {
                self.g.remove_node(i);
            }
        }
    }

    /// Revert every change since the innermost `begin` and close it.
    pub fn rollback(&mut self) {
        let Some(mark) = self.marks.pop() else {
            return;
        };
        while self.undo.len() > mark {
            let Some(u) = self.undo.pop() else { break };
            self.revert(u);
        }
        self.redo.truncate(mark);
        if self.marks.is_empty() {
            self.undo.clear();
            self.redo.clear();
        }
    }

    /// Apply the inverse of one change. Changes are reverted newest first, so each sees
    /// the graph exactly as it was right after the change was made.
    fn revert(&mut self, u: Undo) {
        match u {
            Undo::CreatedNode(n) => {
                let live = self.node_exists(n);
                if live {
                    self.unindex_node(n);
                }
                if let Some(i) = nix(n) {
                    self.g.remove_node(i);
                }
            }
            Undo::CreatedRel(r) => {
                if self.rel_exists(r)
                    && let Some((s, e, ty)) = self.rel_parts(r)
                {
                    self.unlink(r, s, e, ty);
                }
                if let Some(e) = eix(r) {
                    self.g.remove_edge(e);
                }
            }
            Undo::DeletedNode(n) => {
                if let Some(rec) = nix(n).and_then(|i| self.g.node_weight_mut(i))
                    && rec.deleted
                {
                    rec.deleted = false;
                    self.index_node(n);
                }
            }
            Undo::DeletedRel(r) => {
                let Some((s, e, ty)) = self.rel_parts(r) else {
                    return;
                };
                if let Some(rec) = eix(r).and_then(|i| self.g.edge_weight_mut(i))
                    && rec.deleted
                {
                    rec.deleted = false;
                    self.link(r, s, e, ty);
                }
            }
            Undo::NodeProp(n, k, old) => {
                if let Some(rec) = nix(n).and_then(|i| self.g.node_weight_mut(i)) {
                    prop_put(&mut rec.props, k, old);
                }
            }
            Undo::RelProp(r, k, old) => {
                if let Some(rec) = eix(r).and_then(|i| self.g.edge_weight_mut(i)) {
                    prop_put(&mut rec.props, k, old);
                }
            }
            Undo::LabelAdded(n, l) => {
                if let Some(rec) = nix(n).and_then(|i| self.g.node_weight_mut(i))
                    && let Ok(pos) = rec.labels.binary_search(&l)
                {
                    rec.labels.remove(pos);
                }
                if let Some(set) = self.label_index.get_mut(l as usize) {
                    set.remove(&n);
                }
            }
            Undo::LabelRemoved(n, l) => {
                if let Some(rec) = nix(n).and_then(|i| self.g.node_weight_mut(i))
                    && let Err(pos) = rec.labels.binary_search(&l)
                {
                    rec.labels.insert(pos, l);
                }
                if let Some(set) = self.label_index.get_mut(l as usize) {
                    set.insert(n);
                }
            }
        }
    }
}

fn sorted_types(types: &[TypeId]) -> Vec<TypeId> {
    let mut v = types.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everything observable about a graph, for before/after comparisons.
    fn describe(g: &Graph) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let _ = writeln!(s, "nodes={} rels={}", g.node_count(), g.rel_count());
        for (l, name) in g.label_names().enumerate() {
            let l = l as LabelId;
            let members: Vec<u64> = g.nodes_with_label(l).map(|n| n.0).collect();
            let _ = writeln!(s, "label {name} count={} {members:?}", g.label_count(l));
        }
        for (t, name) in g.type_names().enumerate() {
            let _ = writeln!(s, "type {name} count={}", g.type_count(t as TypeId));
        }
        for n in g.all_nodes() {
            let d = g.node_data(n);
            let _ = writeln!(s, "node {} {:?}", n.0, d);
            for dir in [Dir::Out, Dir::In, Dir::Both] {
                let _ = writeln!(s, "  {dir:?} {:?} deg={}", g.expand(n, dir, &[]), g.degree(n, dir, &[]));
            }
        }
        for r in g.all_rels() {
            let _ = writeln!(s, "rel {} {:?}", r.0, g.rel_data(r));
        }
        s
    }

    fn props(g: &mut Graph, kv: &[(&str, Value)]) -> Vec<(KeyId, Value)> {
        kv.iter().map(|(k, v)| (g.intern_key(k), v.clone())).collect()
    }

    /// A small graph: a:Person -KNOWS-> b:Person, b -LIKES-> c:Thing, c -KNOWS-> c.
    fn sample() -> (Graph, [NodeId; 3], [RelId; 3]) {
        let mut g = Graph::new();
        let person = g.intern_label("Person");
        let thing = g.intern_label("Thing");
        let knows = g.intern_type("KNOWS");
        let likes = g.intern_type("LIKES");
        let pa = props(&mut g, &[("name", Value::str("a"))]);
        let a = g.create_node(&[person], pa);
        let pb = props(&mut g, &[("name", Value::str("b")), ("age", Value::Int(3))]);
        let b = g.create_node(&[person], pb);
        let c = g.create_node(&[thing], vec![]);
        let since = props(&mut g, &[("since", Value::Int(2000))]);
        let r1 = g.create_rel(a, b, knows, since).unwrap();
        let r2 = g.create_rel(b, c, likes, vec![]).unwrap();
        let r3 = g.create_rel(c, c, knows, vec![]).unwrap();
        (g, [a, b, c], [r1, r2, r3])
    }

    #[test]
    fn create_and_read() {
        let (g, [a, b, _], [r1, ..]) = sample();
        assert_eq!((g.node_count(), g.rel_count()), (3, 3));
        let name = g.key_id("name").unwrap();
        assert_eq!(g.node_property(b, name).map(|v| v.to_string()), Some("'b'".into()));
        assert_eq!(g.rel_endpoints(r1), Some((a, b)));
        assert_eq!(g.type_name(g.rel_type(r1).unwrap()), "KNOWS");
        let d = g.node_data(b).unwrap();
        assert_eq!(d.labels, ["Person"]);
        assert_eq!(d.properties.len(), 2);
        let rd = g.rel_data(r1).unwrap();
        assert_eq!((rd.rel_type.as_str(), rd.start, rd.end), ("KNOWS", a, b));
        // Properties sorted by key id, whatever the insertion order.
        let keys: Vec<KeyId> = g.node_properties(b).iter().map(|(k, _)| *k).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        // Unknown ids read as nothing.
        assert!(!g.node_exists(NodeId(99)));
        assert!(!g.node_exists(NodeId(u64::MAX)));
        assert!(g.node_labels(NodeId(1 << 40)).is_empty());
        assert_eq!(g.rel_endpoints(RelId(u64::MAX)), None);
        assert_eq!(g.label_name(77), "");
    }

    #[test]
    fn creation_props_later_duplicates_win_and_nulls_are_skipped() {
        let mut g = Graph::new();
        let p = props(
            &mut g,
            &[("x", Value::Int(1)), ("y", Value::Null), ("x", Value::Int(2)), ("z", Value::Int(5)), ("z", Value::Null)],
        );
        let n = g.create_node(&[], p);
        let x = g.key_id("x").unwrap();
        assert_eq!(g.node_properties(n).len(), 1);
        assert_eq!(g.node_property(n, x).map(|v| v.to_string()), Some("2".into()));
    }

    #[test]
    fn label_scan_only_visits_labelled_nodes() {
        let mut g = Graph::new();
        let l = g.intern_label("L");
        let other = g.intern_label("Other");
        let mut expected = Vec::new();
        for i in 0..1000 {
            if i % 100 == 7 {
                expected.push(g.create_node(&[l], vec![]));
            } else {
                g.create_node(&[other], vec![]);
            }
        }
        let got: Vec<NodeId> = g.nodes_with_label(l).collect();
        assert_eq!(got, expected);
        assert_eq!(g.label_count(l), 10);
        assert_eq!(g.label_count(other), 990);
        // Label changes keep the index exact and ascending.
        assert!(g.add_label(NodeId(0), l));
        assert!(!g.add_label(NodeId(0), l));
        assert!(g.remove_label(expected[3], l));
        assert!(!g.remove_label(expected[3], l));
        let got: Vec<u64> = g.nodes_with_label(l).map(|n| n.0).collect();
        assert_eq!(got.first(), Some(&0));
        assert!(got.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(got.len(), g.label_count(l));
        assert!(!got.contains(&expected[3].0));
        assert_eq!(g.nodes_with_label(999).count(), 0);
        assert!(!g.add_label(NodeId(1), 999), "uninterned label id");
        assert_eq!(g.node_labels(NodeId(0)), &[l, other]);
    }

    #[test]
    fn expand_by_type_and_direction() {
        let (g, [a, b, c], [r1, r2, r3]) = sample();
        let knows = g.type_id("KNOWS").unwrap();
        let likes = g.type_id("LIKES").unwrap();
        assert_eq!(g.expand(a, Dir::Out, &[]), [(r1, b)]);
        assert_eq!(g.expand(a, Dir::In, &[]), []);
        assert_eq!(g.expand(b, Dir::In, &[knows]), [(r1, a)]);
        assert_eq!(g.expand(b, Dir::In, &[likes]), []);
        assert_eq!(g.expand(b, Dir::Both, &[]), [(r2, c), (r1, a)]);
        assert_eq!(g.expand(b, Dir::Both, &[likes, likes]), [(r2, c)]);
        // The self-loop: once per direction, once in Both.
        assert_eq!(g.expand(c, Dir::Out, &[]), [(r3, c)]);
        assert_eq!(g.expand(c, Dir::In, &[]), [(r3, c), (r2, b)]);
        assert_eq!(g.expand(c, Dir::Both, &[]), [(r3, c), (r2, b)]);
        assert_eq!(g.expand(c, Dir::Both, &[knows]), [(r3, c)]);
        assert_eq!(g.degree(c, Dir::Both, &[]), 2);
        assert_eq!(g.degree(c, Dir::Both, &[knows]), 1);
        assert_eq!(g.degree(c, Dir::In, &[]), 2);
        assert_eq!(g.degree(b, Dir::Both, &[knows, likes]), 2);
        assert_eq!(g.expand(c, Dir::Both, &[99]), []);
        assert_eq!(g.expand(NodeId(42), Dir::Both, &[]), []);
        assert_eq!((g.type_count(knows), g.type_count(likes)), (2, 1));
    }

    #[test]
    fn ids_are_stable_after_deleting_others() {
        let (mut g, [a, b, c], [r1, r2, r3]) = sample();
        assert_eq!(g.delete_node(a, true), Ok(1));
        assert!(!g.node_exists(a) && !g.rel_exists(r1));
        assert!(g.node_exists(b) && g.node_exists(c));
        assert_eq!(g.rel_endpoints(r2), Some((b, c)));
        assert_eq!(g.rel_endpoints(r3), Some((c, c)));
        assert_eq!(g.all_nodes().collect::<Vec<_>>(), [b, c]);
        assert_eq!(g.all_rels().collect::<Vec<_>>(), [r2, r3]);
        assert_eq!(g.expand(b, Dir::Both, &[]), [(r2, c)]);
        assert!(g.delete_rel(r2));
        assert!(!g.delete_rel(r2));
        assert_eq!(g.rel_endpoints(r3), Some((c, c)));
        let person = g.label_id("Person").unwrap();
        assert_eq!(g.label_count(person), 1);
        assert_eq!((g.node_count(), g.rel_count()), (2, 1));
    }

    #[test]
    fn deleting_a_connected_node_needs_detach() {
        let (mut g, [_, b, c], _) = sample();
        let before = describe(&g);
        let err = g.delete_node(b, false).unwrap_err();
        assert_eq!(err.kind, ErrorKind::ConstraintVerificationFailed);
        assert_eq!(err.code, "DeleteConnectedNode");
        assert_eq!(describe(&g), before, "a failed delete changes nothing");
        // Self-loop counted once.
        assert_eq!(g.delete_node(c, true), Ok(2));
        assert_eq!(g.delete_node(c, true), Ok(0), "already gone");
        assert_eq!(g.rel_count(), 1);
        let fresh = g.create_node(&[], vec![]);
        assert_eq!(g.delete_node(fresh, false), Ok(0));
        assert!(!g.node_exists(fresh));
    }

    #[test]
    fn writes_to_missing_entities_fail() {
        let (mut g, [a, b, _], [r1, ..]) = sample();
        let k = g.intern_key("k");
        let t = g.type_id("KNOWS").unwrap();
        g.delete_node(a, true).unwrap();
        let e = g.create_rel(a, b, t, vec![]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::EntityNotFound);
        assert!(g.create_rel(b, NodeId(500), t, vec![]).is_err());
        assert!(g.create_rel(b, b, 77, vec![]).is_err());
        assert!(g.set_node_property(a, k, Value::Int(1)).is_err());
        assert!(g.set_rel_property(r1, k, Value::Int(1)).is_err());
        assert!(!g.add_label(a, 0));
    }

    #[test]
    fn set_property_checks_values_and_returns_the_old_one() {
        let (mut g, [a, ..], [r1, ..]) = sample();
        let k = g.intern_key("k");
        assert_eq!(g.set_node_property(a, k, Value::Int(1)).unwrap(), None);
        let old = g.set_node_property(a, k, Value::Int(2)).unwrap();
        assert_eq!(old.map(|v| v.to_string()), Some("1".into()));
        let old = g.set_node_property(a, k, Value::Null).unwrap();
        assert_eq!(old.map(|v| v.to_string()), Some("2".into()));
        assert_eq!(g.node_property(a, k).map(|v| v.to_string()), None);
        let e = g.set_node_property(a, k, Value::Map(BTreeMap::new())).unwrap_err();
        assert_eq!((e.kind, e.code), (ErrorKind::TypeError, "InvalidPropertyType"));
        let nested = Value::List(vec![Value::List(vec![])]);
        assert!(g.set_rel_property(r1, k, nested).is_err());
        let mixed = Value::List(vec![Value::Int(1), Value::str("x")]);
        assert!(g.set_rel_property(r1, k, mixed).is_err());
        let ok = Value::List(vec![Value::Int(1), Value::Float(2.5)]);
        assert_eq!(g.set_rel_property(r1, k, ok).unwrap(), None);
        assert_eq!(g.set_node_property(a, k, Value::Null).unwrap(), None);
    }

    #[test]
    fn rollback_restores_everything() {
        let (mut g, [a, b, c], [r1, r2, r3]) = sample();
        let age = g.key_id("age").unwrap();
        let name = g.key_id("name").unwrap();
        let person = g.label_id("Person").unwrap();
        // Interned names survive rollback, so intern before taking the picture.
        let extra = g.intern_label("Extra");
        let before = describe(&g);

        g.begin();
        assert!(g.in_transaction());
        let knows = g.type_id("KNOWS").unwrap();
        let d = g.create_node(&[extra, person], vec![(name, Value::str("d"))]);
        let r4 = g.create_rel(d, a, knows, vec![]).unwrap();
        g.set_node_property(b, age, Value::Int(40)).unwrap();
        g.set_node_property(b, name, Value::Null).unwrap();
        g.set_rel_property(r1, age, Value::Int(1)).unwrap();
        g.add_label(a, extra);
        g.remove_label(b, person);
        assert_eq!(g.delete_node(c, true), Ok(2));
        assert!(g.delete_rel(r1));
        // Modify, then delete, something created in this transaction.
        g.set_node_property(d, age, Value::Int(9)).unwrap();
        assert_eq!(g.delete_node(d, true), Ok(1));
        // Tombstones are invisible everywhere.
        assert!(!g.node_exists(c) && !g.rel_exists(r2) && !g.rel_exists(r3));
        assert!(!g.rel_exists(r4));
        assert_eq!(g.node_count(), 2);
        assert_eq!(g.rel_count(), 0);
        assert_eq!(g.all_nodes().collect::<Vec<_>>(), [a, b]);
        assert_eq!(g.all_rels().count(), 0);
        assert_eq!(g.expand(b, Dir::Both, &[]), []);
        assert_eq!(g.node_data(c), None);
        assert_eq!(g.rel_data(r3), None);
        // No id is reused while tombstones exist.
        let e = g.create_node(&[], vec![]);
        assert!(e.0 > d.0);
        g.rollback();
        assert!(!g.in_transaction());

        assert_eq!(describe(&g), before);
        assert_eq!(g.rel_endpoints(r3), Some((c, c)));
        // Names interned inside a transaction stay interned (ids never change).
        g.begin();
        let late = g.intern_type("LATE");
        g.rollback();
        assert_eq!(g.type_id("LATE"), Some(late));
        assert_eq!(g.label_count(extra), 0);
        // The graph still works normally afterwards.
        // The next id is the one the first rolled-back creation had.
        let f = g.create_node(&[person], vec![]);
        assert_eq!(f, d);
        assert!(g.node_exists(f));
        assert_eq!(format!("{g:?}"), "Graph { nodes: 4, rels: 3, open_transactions: 0 }");
        assert_eq!(g.label_count(person), 3);
    }

    #[test]
    fn failed_step_inside_a_transaction_rolls_back_cleanly() {
        let (mut g, [_, b, _], _) = sample();
        let before = describe(&g);
        g.begin();
        let k = g.intern_key("k");
        g.set_node_property(b, k, Value::Int(1)).unwrap();
        assert!(g.delete_node(b, false).is_err());
        g.rollback();
        assert_eq!(describe(&g), before);
    }

    #[test]
    fn commit_removes_tombstones_physically() {
        let (mut g, [a, b, c], [r1, r2, _]) = sample();
        g.begin();
        g.delete_node(c, true).unwrap();
        g.delete_rel(r1);
        let d = g.create_node(&[], vec![]);
        g.commit();
        assert!(!g.in_transaction());
        assert_eq!(g.g.node_count(), 3, "c is gone from petgraph, d is there");
        assert_eq!(g.g.edge_count(), 0);
        assert_eq!(g.all_nodes().collect::<Vec<_>>(), [a, b, d]);
        assert!(!g.rel_exists(r2));
        assert_eq!(g.expand(b, Dir::Both, &[]), []);
        // Rolling back after a commit changes nothing.
        let after = describe(&g);
        g.rollback();
        assert_eq!(describe(&g), after);
        // Outside a transaction, deletion is physical at once.
        g.delete_node(a, false).unwrap();
        assert_eq!(g.g.node_count(), 2);
    }

    #[test]
    fn nested_transactions_are_savepoints() {
        let (mut g, [a, b, _], [r1, ..]) = sample();
        let k = g.intern_key("k");
        let before = describe(&g);
        g.begin();
        g.set_node_property(a, k, Value::Int(1)).unwrap();
        let mid = describe(&g);
        g.begin();
        g.delete_rel(r1);
        g.set_node_property(b, k, Value::Int(2)).unwrap();
        g.rollback();
        assert_eq!(describe(&g), mid);
        g.begin();
        g.delete_rel(r1);
        g.commit();
        assert!(g.in_transaction());
        assert_eq!(g.g.edge_count(), 3, "still a tombstone until the outer commit");
        g.rollback();
        assert_eq!(describe(&g), before);
    }

    #[test]
    fn clone_is_an_independent_snapshot() {
        let (mut g, [a, ..], _) = sample();
        let copy = g.clone();
        g.delete_node(a, true).unwrap();
        assert!(copy.node_exists(a));
        assert_eq!(copy.rel_count(), 3);
    }

    #[test]
    fn snapshot_round_trip_preserves_ids() {
        let (mut g, [a, b, c], [r1, ..]) = sample();
        let k = g.intern_key("list");
        let v = Value::List(vec![Value::Float(1.0), Value::Int(2)]);
        g.set_node_property(c, k, v).unwrap();
        // Holes in both id spaces.
        let extra = g.create_node(&[], vec![]);
        g.delete_node(a, true).unwrap();
        assert!(!g.rel_exists(r1));
        let snap = g.to_snapshot();
        let json = serde_json::to_string(&snap).unwrap();
        let back: Snapshot = serde_json::from_str(&json).unwrap();
        assert_eq!(back, snap);
        let h = Graph::from_snapshot(back).unwrap();
        assert_eq!(describe(&h), describe(&g));
        assert_eq!(h.label_names().collect::<Vec<_>>(), ["Person", "Thing"]);
        assert_eq!(h.key_id("list"), g.key_id("list"));
        assert!(h.node_exists(b) && h.node_exists(extra) && !h.node_exists(a));
        // The float stays a float and the integer an integer.
        assert!(json.contains("[1.0,2]"), "{json}");
        // The rebuilt graph keeps working, reusing a freed id.
        let mut h = h;
        let n = h.create_node(&[], vec![]);
        assert_eq!(n, a);
    }

    #[test]
    fn bad_snapshots_are_refused() {
        let node = |id| SnapshotNode { id, ..SnapshotNode::default() };
        let dup = Snapshot { nodes: vec![node(1), node(1)], ..Snapshot::default() };
        assert!(Graph::from_snapshot(dup).is_err());
        let huge = Snapshot { nodes: vec![node(u64::MAX)], ..Snapshot::default() };
        assert!(Graph::from_snapshot(huge).is_err());
        let dangling = Snapshot {
            nodes: vec![node(0)],
            rels: vec![SnapshotRel { id: 0, start: 0, end: 3, rel_type: "T".into(), props: BTreeMap::new() }],
            ..Snapshot::default()
        };
        assert!(Graph::from_snapshot(dangling).is_err());
        let nested: Snapshot = serde_json::from_str(r#"{"nodes":[{"id":0,"props":{"x":[[1]]}}]}"#).unwrap();
        assert!(Graph::from_snapshot(nested).is_err());
        let ok: Snapshot = serde_json::from_str(
            r#"{"nodes":[{"id":5,"labels":["A"],"props":{"x":1}},{"id":2}],
                "rels":[{"id":3,"start":5,"end":2,"type":"R"}]}"#,
        )
        .unwrap();
        let g = Graph::from_snapshot(ok).unwrap();
        assert_eq!(g.all_nodes().map(|n| n.0).collect::<Vec<_>>(), [2, 5]);
        assert_eq!(g.rel_endpoints(RelId(3)), Some((NodeId(5), NodeId(2))));
        let r = g.type_id("R").unwrap();
        assert_eq!(g.expand(NodeId(2), Dir::In, &[r]), [(RelId(3), NodeId(5))]);
        assert_eq!(g.type_count(r), 1);
        assert_eq!(g.rel_count(), 1);
    }

    #[test]
    fn key_counts_count_live_entities() {
        let (mut g, [a, ..], _) = sample();
        let name = g.key_id("name").unwrap();
        let since = g.key_id("since").unwrap();
        assert_eq!(g.key_counts()[name as usize], 2);
        assert_eq!(g.key_counts()[since as usize], 1);
        g.begin();
        g.delete_node(a, true).unwrap();
        assert_eq!(g.key_counts()[name as usize], 1);
        assert_eq!(g.key_counts()[since as usize], 0);
        g.rollback();
        assert_eq!(g.key_counts()[since as usize], 1);
    }

    /// Random mixes of writes: rollback always restores the picture taken at `begin`,
    /// and commit keeps the picture taken just before it.
    #[test]
    fn random_writes_roll_back_and_commit_exactly() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n.max(1)
        };
        let (mut g, ..) = sample();
        let labels = [g.intern_label("A"), g.intern_label("B")];
        let types = [g.intern_type("T"), g.intern_type("U")];
        let keys = [g.intern_key("p"), g.intern_key("q")];
        for round in 0..60 {
            let before = describe(&g);
            g.begin();
            for _ in 0..25 {
                let nodes: Vec<NodeId> = g.all_nodes().collect();
                let rels: Vec<RelId> = g.all_rels().collect();
                let pick_n = |i: u64| nodes.get(i as usize).copied().unwrap_or(NodeId(0));
                let pick_r = |i: u64| rels.get(i as usize).copied().unwrap_or(RelId(0));
                let nl = nodes.len() as u64;
                let rl = rels.len() as u64;
                let l = labels[next(2) as usize];
                let t = types[next(2) as usize];
                let k = keys[next(2) as usize];
                let v = if next(4) == 0 { Value::Null } else { Value::Int(next(100) as i64) };
                match next(9) {
                    0 => {
                        g.create_node(&[l], vec![(k, v)]);
                    }
                    1 | 2 => {
                        let _ = g.create_rel(pick_n(next(nl)), pick_n(next(nl)), t, vec![(k, v)]);
                    }
                    3 => {
                        let _ = g.set_node_property(pick_n(next(nl)), k, v);
                    }
                    4 => {
                        let _ = g.set_rel_property(pick_r(next(rl)), k, v);
                    }
                    5 => {
                        g.add_label(pick_n(next(nl)), l);
                    }
                    6 => {
                        g.remove_label(pick_n(next(nl)), l);
                    }
                    7 => {
                        g.delete_rel(pick_r(next(rl)));
                    }
                    _ => {
                        let _ = g.delete_node(pick_n(next(nl)), next(2) == 0);
                    }
                }
            }
            if round % 2 == 0 {
                g.rollback();
                assert_eq!(describe(&g), before, "round {round}");
            } else {
                let after = describe(&g);
                g.commit();
                assert_eq!(describe(&g), after, "round {round}");
                assert_eq!(g.g.node_count(), g.node_count(), "no tombstones left");
                assert_eq!(g.g.edge_count(), g.rel_count());
            }
            let sum: usize = (0..2).map(|t| g.type_count(t as TypeId)).sum::<usize>()
                + g.type_count(types[0])
                + g.type_count(types[1]);
            assert_eq!(sum, g.rel_count());
        }
    }
}
