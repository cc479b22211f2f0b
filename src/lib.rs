//! Meridian: an embedded knowledge-graph query engine that supports a subset of openCypher.
//!
//! The pipeline, one stage per module:
//!
//! ```text
//! text ──syntax::parse_statement──▶ ast::Statement
//!      ──bind::bind──────────────▶ bind::BoundQuery      (names resolved, compile-time checks)
//!      ──plan::build + optimize──▶ plan::LogicalPlan      (ordered rewrite passes)
//!      ──exec::lower─────────────▶ exec::PhysicalPlan     (pull operators over slot rows)
//!      ──exec::execute───────────▶ QueryOutput            (columns, rows, stats)
//! ```
//!
//! `Engine` wires the stages together and is the public API used by the CLI, the tests
//! and embedding programs.

#![forbid(unsafe_code)]

pub mod cli;
pub mod error;
pub mod functions;
pub mod syntax;
pub mod value;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

pub use error::{Error, ErrorKind, Phase, Span};
pub use value::{NodeData, NodeId, RelData, RelId, Value};

/// Query parameters by name (without the `$`).
pub type Params = BTreeMap<String, Value>;

/// Counters of what a statement changed (the TCK's side effects).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    pub nodes_created: u64,
    pub nodes_deleted: u64,
    pub relationships_created: u64,
    pub relationships_deleted: u64,
    pub properties_set: u64,
    pub properties_removed: u64,
    pub labels_added: u64,
    pub labels_removed: u64,
}

impl Stats {
    pub fn is_empty(&self) -> bool {
        *self == Stats::default()
    }
}

/// The result of one statement, self-contained: the labels and properties of every node
/// and relationship that appears in `rows` are in `nodes` and `rels`.
#[derive(Clone, Debug, Default)]
pub struct QueryOutput {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub stats: Stats,
    pub nodes: BTreeMap<NodeId, NodeData>,
    pub rels: BTreeMap<RelId, RelData>,
    /// For `EXPLAIN` and `PROFILE`: the plan as indented text.
    pub plan: Option<String>,
}

impl value::Entities for QueryOutput {
    fn node(&self, id: NodeId) -> Option<&NodeData> {
        self.nodes.get(&id)
    }
    fn rel(&self, id: RelId) -> Option<&RelData> {
        self.rels.get(&id)
    }
}

/// Cancels the statement running in an `Engine` from another thread (Ctrl-C).
#[derive(Clone, Debug, Default)]
pub struct CancelHandle(Arc<AtomicBool>);

impl CancelHandle {
    pub fn cancel(&self) {
        self.0.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Counts of one label, relationship type or property key, for `:schema`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schema {
    /// (label, number of nodes)
    pub labels: Vec<(String, u64)>,
    /// (type, number of relationships)
    pub rel_types: Vec<(String, u64)>,
    /// (key, number of entities carrying it)
    pub property_keys: Vec<(String, u64)>,
}

/// A graph and the machinery to query it.
#[derive(Default)]
pub struct Engine {
    cancel: CancelHandle,
    timeout: Option<Duration>,
}

impl Engine {
    /// An engine on an empty graph.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Execute one statement with parameters. A failed statement leaves the graph unchanged.
    pub fn execute(&mut self, query: &str, params: &Params) -> Result<QueryOutput, Error> {
        let _ = (query, params, &self.timeout);
        Err(Error::unsupported(
            Span::default(),
            "engine not written yet",
        ))
    }

    /// Execute every `;`-separated statement of a script (used to load graphs).
    /// Errors carry spans relative to the whole script.
    pub fn run_script(&mut self, script: &str) -> Result<(), Error> {
        for st in syntax::split_statements(script) {
            self.execute(st.text, &Params::new())
                .map_err(|e| e.shifted(st.offset))?;
        }
        Ok(())
    }

    /// A handle that cancels the running statement; the statement fails with a
    /// `Cancelled` error and leaves the graph unchanged.
    pub fn cancel_handle(&self) -> CancelHandle {
        self.cancel.clone()
    }

    /// Abandon statements that run longer than `timeout`.
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }

    /// Labels, relationship types and property keys with counts.
    pub fn schema(&self) -> Schema {
        Schema::default()
    }
}

/// The shipped knowledge graph: the `.cypher` files of `graph/`, in name order, compiled
/// into the binary. Each entry is (file name, text).
pub fn default_graph_scripts() -> &'static [(&'static str, &'static str)] {
    include!(concat!(env!("OUT_DIR"), "/default_graph.rs"))
}
