//! Meridian: an embedded knowledge-graph query engine that supports a subset of openCypher.
//!
//! The pipeline, one stage per module:
//!
//! ```text
//! text ──syntax::parse_statement──▶ ast::Statement
//!      ──bind::bind──────────────▶ bind::BoundQuery      (names resolved, compile-time checks)
//!      ──plan::build + optimize──▶ plan::QueryPlan      (ordered rewrite passes)
//!      ──exec::lower─────────────▶ exec::PhysBranch     (pull operators over slot rows)
//!      ──exec::execute───────────▶ QueryOutput            (columns, rows, stats)
//! ```
//!
//! `Engine` wires the stages together and is the public API used by the CLI, the tests
//! and embedding programs.

#![forbid(unsafe_code)]

pub mod bind;
pub mod cli;
pub mod error;
pub mod exec;
pub mod functions;
pub mod plan;
pub mod procedures;
pub mod store;
pub mod syntax;
pub mod temporal;
pub mod value;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

pub use error::{Error, ErrorKind, Phase, Span};
pub use store::csv::ImportEvent;
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

impl std::ops::Add for Stats {
    type Output = Stats;
    fn add(self, b: Stats) -> Stats {
        Stats {
            nodes_created: self.nodes_created + b.nodes_created,
            nodes_deleted: self.nodes_deleted + b.nodes_deleted,
            relationships_created: self.relationships_created + b.relationships_created,
            relationships_deleted: self.relationships_deleted + b.relationships_deleted,
            properties_set: self.properties_set + b.properties_set,
            properties_removed: self.properties_removed + b.properties_removed,
            labels_added: self.labels_added + b.labels_added,
            labels_removed: self.labels_removed + b.labels_removed,
        }
    }
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

/// Default memory budget of one statement's intermediate results: 4 GiB.
pub const DEFAULT_MEMORY_LIMIT: usize = 4 << 30;
/// Default longest statement: 64 MiB.
pub const DEFAULT_MAX_STATEMENT_BYTES: usize = 64 << 20;

/// A graph and the machinery to query it.
#[derive(Default)]
pub struct Engine {
    graph: store::Graph,
    cancel: CancelHandle,
    timeout: Option<Duration>,
    /// Run the rewrite passes (off only for differential tests).
    optimize: bool,
    /// The durable database this engine's graph lives in (`open_db`), if any.
    db: Option<store::Db>,
    /// Inside `begin_transaction` .. `commit_transaction`/`rollback_transaction`.
    explicit_tx: bool,
    /// Memory budget of one statement's intermediate results, in bytes.
    memory_limit: Option<usize>,
    /// Longest statement text accepted, in bytes.
    max_statement_bytes: Option<usize>,
    /// Deepest bracket nesting accepted (the parser caps every kind of nesting at
    /// `syntax::MAX_DEPTH` in any case).
    max_nesting: Option<usize>,
    /// Procedures answered from tables (`register_table_procedure`).
    table_procs: Vec<std::sync::Arc<procedures::TableProcedure>>,
}

impl Engine {
    /// Declare a procedure answered from a table: `CALL name(args)` yields the output
    /// columns of the rows whose argument columns equal the arguments. A procedure of the
    /// same name is replaced.
    pub fn register_table_procedure(&mut self, procedure: procedures::TableProcedure) {
        self.table_procs.retain(|p| p.name != procedure.name);
        self.table_procs.push(std::sync::Arc::new(procedure));
    }

    /// An engine on an empty graph, with the default limits: intermediate results of a
    /// statement may hold 4 GiB, and a statement may be 64 MiB long.
    pub fn new() -> Engine {
        Engine {
            optimize: true,
            memory_limit: Some(DEFAULT_MEMORY_LIMIT),
            max_statement_bytes: Some(DEFAULT_MAX_STATEMENT_BYTES),
            ..Engine::default()
        }
    }

    /// An engine on the shipped knowledge graph (`graph/*.cypher`, compiled in).
    /// Errors name the script: (file name, error).
    pub fn with_default_graph() -> Result<Engine, (String, Error)> {
        let mut engine = Engine::new();
        for (name, text) in default_graph_scripts() {
            engine.run_script(text).map_err(|e| (name.to_string(), e))?;
        }
        Ok(engine)
    }

    /// The same engine with the optimizer's rewrite passes turned off, so tests can
    /// check that every pass keeps the results unchanged.
    pub fn without_optimizer(mut self) -> Engine {
        self.optimize = false;
        self
    }

    /// Execute one statement with parameters. A failed statement leaves the graph unchanged.
    pub fn execute(&mut self, query: &str, params: &Params) -> Result<QueryOutput, Error> {
        self.cancel.0.store(false, std::sync::atomic::Ordering::Relaxed);
        if let Some(max) = self.max_statement_bytes.filter(|max| query.len() > *max) {
            return Err(Error::syntax(
                "StatementTooLong",
                Span::new(0, 0),
                format!("the statement is {} bytes long; the limit is {max} (--max-statement-size)", query.len()),
            ));
        }
        if let Some(max) = self.max_nesting {
            let depth = syntax::bracket_depth(query);
            if depth > max {
                return Err(Error::syntax(
                    "NestingTooDeep",
                    Span::new(0, 0),
                    format!("brackets nest {depth} levels deep; the limit is {max} (--max-nesting)"),
                ));
            }
        }
        let statement = syntax::parse_statement(query)?;
        let env =
            bind::BindEnv { table_procs: self.table_procs.clone(), params: Some(params.keys().cloned().collect()) };
        let bound = bind::bind_with(&statement.query, &env)?;
        let plan = plan::plan(&bound, self.optimize)?;
        if statement.explain == Some(syntax::ast::ExplainMode::Explain) {
            return Ok(QueryOutput { plan: Some(plan::explain(&plan)), ..QueryOutput::default() });
        }
        let branches = plan.branches.iter().map(exec::lower).collect::<Result<Vec<_>, _>>()?;
        let deadline = self.timeout.map(|t| std::time::Instant::now() + t);
        let interrupt = exec::Interrupt::new(&self.cancel.0, deadline).with_budget(self.memory_limit);
        self.graph.begin();
        let graph = &mut self.graph;
        let profiling = statement.explain == Some(syntax::ast::ExplainMode::Profile);
        let profiles: Vec<exec::Profile> = branches.iter().map(|_| exec::Profile::default()).collect();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut rows = Vec::new();
            let mut stats = Stats::default();
            for (b, profile) in branches.iter().zip(&profiles) {
                let (r, s) = exec::execute_profiled(b, graph, params, &interrupt, profiling.then_some(profile))?;
                rows.extend(r);
                stats = stats + s;
            }
            Ok::<_, Error>((rows, stats))
        }));
        let (rows, stats) = match run {
            Ok(Ok(done)) => done,
            Ok(Err(e)) => {
                self.graph.rollback();
                // Runtime errors point at the statement they came from.
                let start = syntax::leading_trivia_len(query);
                return Err(e.at(Span::new(start, query.trim_end().len().max(start))));
            }
            Err(panic) => {
                self.graph.rollback();
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                return Err(Error::internal(format!("the query panicked: {what}")));
            }
        };
        self.finish_statement()?;
        let mut out = QueryOutput { columns: plan.columns.clone(), stats, ..QueryOutput::default() };
        out.rows = rows;
        if !plan.union_all && plan.branches.len() > 1 {
            let mut seen = std::collections::HashSet::new();
            out.rows.retain(|r| seen.insert(r.clone()));
        }
        let rows = std::mem::take(&mut out.rows);
        for v in rows.iter().flatten() {
            self.collect_entities(v, &mut out);
        }
        out.rows = rows;
        if profiling {
            // Rows and time of each logical operator: the physical operators lowered from it.
            let note = |b: usize, op: usize| {
                let (profile, origin) = (profiles.get(b)?.borrow(), &branches.get(b)?.pipeline.origin);
                let i = origin.iter().position(|o| *o == op)?;
                let p = profile.get(i)?;
                Some(format!("rows={} time={:.3}ms", p.rows, p.nanos as f64 / 1e6))
            };
            out.plan = Some(plan::explain_annotated(&plan, &note));
        }
        Ok(out)
    }

    /// Commit the statement's store transaction: in a read-only database refuse any
    /// change; outside an explicit transaction write its changes to the log (synced)
    /// before committing them in memory, and checkpoint when the log has grown.
    fn finish_statement(&mut self) -> Result<(), Error> {
        if self.is_read_only() && !self.graph.changes().is_empty() {
            self.graph.rollback();
            return Err(read_only_error());
        }
        if !self.explicit_tx
            && let Some(db) = self.db.as_mut()
            && let Err(e) = db.append(&self.graph, self.graph.changes())
        {
            self.graph.rollback();
            return Err(e);
        }
        self.graph.commit();
        if !self.explicit_tx {
            self.maybe_checkpoint();
        }
        Ok(())
    }

    /// A failed checkpoint loses nothing (the log still holds every change) and is
    /// tried again after the next commit, so it is not reported to the statement.
    fn maybe_checkpoint(&mut self) {
        if let Some(db) = self.db.as_mut()
            && db.wants_checkpoint()
            && let Ok(g) = db.checkpoint(&self.graph)
        {
            self.graph = g;
            self.graph.set_change_capture(true);
        }
    }

    /// Open the durable database in directory `dir` (see README, "Durable databases").
    /// Read-write: takes the directory's writer lock (failing at once if another
    /// process holds it) and creates an empty database if `dir` is absent or empty.
    /// Read-only: replays the log and refuses statements that change the graph; works
    /// while a writer is active.
    pub fn open_db(dir: &Path, read_only: bool) -> Result<Engine, Error> {
        let mode = if read_only { store::DbMode::ReadOnly } else { store::DbMode::ReadWrite };
        let (db, graph) = store::Db::open(dir, mode, None)?;
        Ok(Engine::on_db(db, graph))
    }

    /// Make a new database in `dir` (absent or empty) holding this engine's graph, and
    /// return the engine on it. Fails if `dir` holds a database already.
    pub fn create_db(self, dir: &Path) -> Result<Engine, Error> {
        if self.explicit_tx || self.graph.in_transaction() {
            return Err(Error::io("cannot create a database inside a transaction"));
        }
        let (timeout, optimize) = (self.timeout, self.optimize);
        // The graph moves into the new database's first snapshot: never held twice.
        let (db, graph) = store::Db::open(dir, store::DbMode::ReadWrite, Some(self.graph))?;
        let mut engine = Engine::on_db(db, graph);
        engine.timeout = timeout;
        engine.optimize = optimize;
        Ok(engine)
    }

    /// Whether `dir` holds a database.
    pub fn db_exists(dir: &Path) -> bool {
        store::wal::db_exists(dir)
    }

    fn on_db(db: store::Db, mut graph: store::Graph) -> Engine {
        graph.set_change_capture(true);
        Engine { graph, db: Some(db), ..Engine::new() }
    }

    /// True for an engine opened with `open_db(dir, true)`.
    pub fn is_read_only(&self) -> bool {
        self.db.as_ref().is_some_and(|db| db.mode() == store::DbMode::ReadOnly)
    }

    /// Checkpoint the database once its log exceeds `bytes` (default 16 MiB).
    pub fn set_checkpoint_bytes(&mut self, bytes: u64) {
        if let Some(db) = self.db.as_mut() {
            db.set_checkpoint_bytes(bytes);
        }
    }

    /// Write a snapshot now and empty the log (a no-op without a writable database).
    pub fn checkpoint(&mut self) -> Result<(), Error> {
        if self.explicit_tx {
            return Err(Error::io("cannot checkpoint inside a transaction"));
        }
        match self.db.as_mut() {
            Some(db) if db.mode() == store::DbMode::ReadWrite => {
                self.graph = db.checkpoint(&self.graph)?;
                self.graph.set_change_capture(true);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Bytes in the database's log now, header included (None without a database).
    pub fn log_len(&self) -> Option<u64> {
        self.db.as_ref().map(store::Db::log_len)
    }

    /// Tests only: the next log write fails as on a full disk.
    #[doc(hidden)]
    pub fn fail_next_log_write(&mut self) {
        if let Some(db) = self.db.as_mut() {
            db.fail_next_append();
        }
    }

    /// Start an explicit transaction: later statements stay atomic one by one (a failing
    /// statement undoes only itself), and nothing they change reaches the database's log
    /// until `commit_transaction`, which logs them as one record.
    pub fn begin_transaction(&mut self) -> Result<(), Error> {
        if self.explicit_tx {
            return Err(tx_error("a transaction is already open; :commit or :rollback it first"));
        }
        self.graph.begin();
        self.explicit_tx = true;
        Ok(())
    }

    /// Commit the open transaction (durably, with a database). On error it stays open.
    pub fn commit_transaction(&mut self) -> Result<(), Error> {
        if !self.explicit_tx {
            return Err(tx_error("no transaction is open"));
        }
        if let Some(db) = self.db.as_mut() {
            db.append(&self.graph, self.graph.changes())?;
        }
        self.graph.commit();
        self.explicit_tx = false;
        self.maybe_checkpoint();
        Ok(())
    }

    /// Undo everything the open transaction did.
    pub fn rollback_transaction(&mut self) -> Result<(), Error> {
        if !self.explicit_tx {
            return Err(tx_error("no transaction is open"));
        }
        self.graph.rollback();
        self.explicit_tx = false;
        Ok(())
    }

    /// Import CSV files in the neo4j-admin convention (README, "Import and export"):
    /// node files first, each with an optional extra label (`A:B` for several), then
    /// relationship files, each with an optional default type. All or nothing: on error
    /// (a bad row, unless `skip_bad_rows`) the graph is unchanged.
    pub fn import_csv(
        &mut self,
        nodes: &[(Option<String>, &Path)],
        rels: &[(Option<String>, &Path)],
        skip_bad_rows: bool,
    ) -> Result<ImportSummary, Error> {
        self.import_csv_with(nodes, rels, skip_bad_rows, &mut |_| {})
    }

    /// `import_csv`, telling `on_event` of its progress (every few thousand rows) and of
    /// each bad row skipped as it is found.
    pub fn import_csv_with(
        &mut self,
        nodes: &[(Option<String>, &Path)],
        rels: &[(Option<String>, &Path)],
        skip_bad_rows: bool,
        on_event: &mut dyn FnMut(ImportEvent<'_>),
    ) -> Result<ImportSummary, Error> {
        if self.db.is_some() || self.explicit_tx {
            return Err(Error::io("import into an in-memory graph, then create_db"));
        }
        let s = store::csv::import(&mut self.graph, nodes, rels, skip_bad_rows, on_event)?;
        Ok(ImportSummary { nodes: s.nodes, relationships: s.relationships, skipped: s.skipped, bad_rows: s.bad_rows })
    }

    /// Write the graph as `nodes.csv` and `relationships.csv` into `dir`; returns the
    /// numbers of nodes and relationships. The text does not depend on internal ids.
    pub fn export_csv(&self, dir: &Path) -> Result<(u64, u64), Error> {
        store::csv::export(&self.graph, dir)
    }

    /// Write the graph as a Cypher script that recreates it.
    pub fn export_cypher(&self, out: &mut dyn std::io::Write) -> Result<(), Error> {
        store::export::write_cypher(&self.graph, out)
    }

    /// Write the graph as JSON Lines, one object per node and relationship.
    pub fn export_jsonl(&self, out: &mut dyn std::io::Write) -> Result<(), Error> {
        store::export::write_jsonl(&self.graph, out)
    }

    /// True between `begin_transaction` and its commit or rollback.
    pub fn in_transaction(&self) -> bool {
        self.explicit_tx
    }

    fn collect_entities(&self, v: &Value, out: &mut QueryOutput) {
        match v {
            Value::Node(n) => {
                if let Some(d) = self.graph.node_data(*n) {
                    out.nodes.insert(*n, d);
                }
            }
            Value::Rel(r) => {
                if let Some(d) = self.graph.rel_data(*r) {
                    out.rels.insert(*r, d);
                }
            }
            Value::Path(p) => {
                for n in &p.nodes {
                    self.collect_entities(&Value::Node(*n), out);
                }
                for r in &p.rels {
                    self.collect_entities(&Value::Rel(*r), out);
                }
            }
            Value::List(items) => items.iter().for_each(|i| self.collect_entities(i, out)),
            Value::Map(m) => m.values().for_each(|i| self.collect_entities(i, out)),
            _ => {}
        }
    }

    /// Execute every `;`-separated statement of a script (used to load graphs).
    /// Errors carry spans relative to the whole script.
    pub fn run_script(&mut self, script: &str) -> Result<(), Error> {
        for st in syntax::split_statements(script) {
            self.execute(st.text, &Params::new()).map_err(|e| e.shifted(st.offset))?;
        }
        Ok(())
    }

    /// A handle that cancels the running statement; the statement fails with a
    /// `Cancelled` error and leaves the graph unchanged.
    pub fn cancel_handle(&self) -> CancelHandle {
        self.cancel.clone()
    }

    /// Stop statements whose intermediate results (buffered rows, sort and aggregation
    /// state) would exceed `bytes`, with a `ResourceLimitExceeded` error. `None`: no limit.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.memory_limit = bytes;
    }

    /// Refuse statements longer than `bytes` (a `SyntaxError` before parsing). `None`:
    /// no limit.
    pub fn set_max_statement_bytes(&mut self, bytes: Option<usize>) {
        self.max_statement_bytes = bytes;
    }

    /// Refuse statements whose brackets nest deeper than `levels` (a `SyntaxError`
    /// before parsing); `None`: only the parser's own limit of `syntax::MAX_DEPTH`.
    pub fn set_max_nesting(&mut self, levels: Option<usize>) {
        self.max_nesting = levels;
    }

    /// Abandon statements that run longer than `timeout`.
    pub fn set_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }

    /// Labels, relationship types and property keys with counts (zero counts omitted).
    pub fn schema(&self) -> Schema {
        let g = &self.graph;
        let mut labels: Vec<(String, u64)> = g
            .label_names()
            .filter_map(|l| g.label_id(l).map(|id| (l.to_string(), g.label_count(id) as u64)))
            .filter(|(_, c)| *c > 0)
            .collect();
        let mut rel_types: Vec<(String, u64)> = g
            .type_names()
            .filter_map(|t| g.type_id(t).map(|id| (t.to_string(), g.type_count(id) as u64)))
            .filter(|(_, c)| *c > 0)
            .collect();
        let counts = g.key_counts();
        let mut property_keys: Vec<(String, u64)> = g
            .key_names()
            .enumerate()
            .map(|(i, k)| (k.to_string(), counts.get(i).copied().unwrap_or(0) as u64))
            .filter(|(_, c)| *c > 0)
            .collect();
        labels.sort();
        rel_types.sort();
        property_keys.sort();
        Schema { labels, rel_types, property_keys }
    }

    /// Number of nodes and relationships.
    pub fn counts(&self) -> (usize, usize) {
        (self.graph.node_count(), self.graph.rel_count())
    }
}

/// What a CSV import did: counts, and `file:line: reason` for the skipped rows (the
/// first thousand; `skipped` counts them all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub nodes: u64,
    pub relationships: u64,
    pub skipped: u64,
    pub bad_rows: Vec<String>,
}

fn read_only_error() -> Error {
    Error::runtime(
        ErrorKind::ConstraintVerificationFailed,
        "ForbiddenOnReadOnlyDatabase",
        "the database is open read-only: this statement would change the graph",
    )
}

fn tx_error(message: &str) -> Error {
    Error::runtime(ErrorKind::ConstraintVerificationFailed, "TransactionState", message)
}

/// The shipped knowledge graph: the `.cypher` files of `graph/`, in name order, compiled
/// into the binary. Each entry is (file name, text).
pub fn default_graph_scripts() -> &'static [(&'static str, &'static str)] {
    include!(concat!(env!("OUT_DIR"), "/default_graph.rs"))
}

/// The property keys of one label or relationship type, with how many entities carry
/// each and the value types seen (openCypher type names, sorted).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaEntry {
    pub name: String,
    pub count: u64,
    /// (key, number of entities carrying it, value types)
    pub properties: Vec<(String, u64, Vec<&'static str>)>,
}

/// Everything `:schema` shows and the shell's completion needs: labels and relationship
/// types with their property keys, and which label connects to which by which type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaDetails {
    pub labels: Vec<SchemaEntry>,
    pub rel_types: Vec<SchemaEntry>,
    /// Nodes without any label, summarised like a label named "".
    pub unlabelled: Option<SchemaEntry>,
    /// (start label, type, end label, number of relationships); "" stands for a node
    /// without labels. A node with two labels counts under each.
    pub connections: Vec<(String, String, String, u64)>,
}

// Schema details are computed by a full scan of the graph through the store's public
// reads: the shell calls this once at start and again after statements that wrote, and
// the shipped graphs are small. It never changes the graph.
impl Engine {
    /// The canonical names of the built-in functions, for the shell's completion.
    pub fn function_names() -> Vec<&'static str> {
        functions::names().collect()
    }

    /// Labels, relationship types, their property keys with value types, and the
    /// connections between labels, all sorted by name.
    pub fn schema_details(&self) -> SchemaDetails {
        use std::collections::BTreeSet;
        type Props = BTreeMap<String, (u64, BTreeSet<&'static str>)>;
        fn add_props(props: &mut Props, g: &store::Graph, list: &[(store::KeyId, Value)]) {
            for (k, v) in list {
                let entry = props.entry(g.key_name(*k).to_string()).or_default();
                entry.0 += 1;
                entry.1.insert(v.type_name());
            }
        }
        fn finish(map: BTreeMap<String, (u64, Props)>) -> Vec<SchemaEntry> {
            map.into_iter()
                .map(|(name, (count, props))| SchemaEntry {
                    name,
                    count,
                    properties: props.into_iter().map(|(k, (n, types))| (k, n, types.into_iter().collect())).collect(),
                })
                .collect()
        }
        let g = &self.graph;
        let mut labels: BTreeMap<String, (u64, Props)> = BTreeMap::new();
        let mut unlabelled: Option<(u64, Props)> = None;
        for n in g.all_nodes() {
            let ls = g.node_labels(n);
            if ls.is_empty() {
                let entry = unlabelled.get_or_insert_with(Default::default);
                entry.0 += 1;
                add_props(&mut entry.1, g, g.node_properties(n));
            }
            for l in ls {
                let entry = labels.entry(g.label_name(*l).to_string()).or_default();
                entry.0 += 1;
                add_props(&mut entry.1, g, g.node_properties(n));
            }
        }
        let mut types: BTreeMap<String, (u64, Props)> = BTreeMap::new();
        let mut connections: BTreeMap<(String, String, String), u64> = BTreeMap::new();
        let names = |n: NodeId| -> Vec<String> {
            let ls = g.node_labels(n);
            if ls.is_empty() { vec![String::new()] } else { ls.iter().map(|l| g.label_name(*l).to_string()).collect() }
        };
        for r in g.all_rels() {
            let Some(t) = g.rel_type(r) else { continue };
            let tname = g.type_name(t).to_string();
            let entry = types.entry(tname.clone()).or_default();
            entry.0 += 1;
            add_props(&mut entry.1, g, g.rel_properties(r));
            if let Some((s, e)) = g.rel_endpoints(r) {
                for a in names(s) {
                    for b in names(e) {
                        *connections.entry((a.clone(), tname.clone(), b)).or_default() += 1;
                    }
                }
            }
        }
        SchemaDetails {
            labels: finish(labels),
            rel_types: finish(types),
            unlabelled: unlabelled.map(|(count, props)| {
                finish([(String::new(), (count, props))].into_iter().collect()).pop().unwrap_or_default()
            }),
            connections: connections.into_iter().map(|((a, t, b), n)| (a, t, b, n)).collect(),
        }
    }
}
