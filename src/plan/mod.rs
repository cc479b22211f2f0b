//! Logical planning: turns a bound query into pipelines of logical operators and runs
//! an explicit, ordered list of rewrite passes over them. A pipeline is a source
//! followed by operators, each consuming the rows of the one before; operators that
//! need another pipeline (OPTIONAL MATCH, FOREACH) hold it, and subqueries are kept
//! beside the pipeline by index. The planner never touches the store and never
//! evaluates anything.

mod build;
mod explain;
mod optimize;

pub use explain::{explain, explain_annotated};
pub use optimize::PASSES;

use crate::bind::{self, Slot};
use crate::error::Error;
use crate::syntax::ast;

/// The plan of a whole query: one branch per UNION part.
#[derive(Clone, Debug)]
pub struct QueryPlan {
    pub columns: Vec<String>,
    pub branches: Vec<Branch>,
    pub union_all: bool,
}

/// One single query: its pipeline, row width and subqueries.
#[derive(Clone, Debug)]
pub struct Branch {
    pub pipeline: Pipeline,
    pub n_slots: usize,
    pub slot_names: Vec<String>,
    /// Pipelines of EXISTS, pattern predicates and pattern comprehensions: each starts
    /// from the outer row (`Op::Argument`).
    pub subplans: Vec<Pipeline>,
}

#[derive(Clone, Debug, Default)]
pub struct Pipeline {
    pub ops: Vec<Op>,
}

/// A logical operator. Each consumes the rows of the previous operator of its pipeline.
#[derive(Clone, Debug)]
pub enum Op {
    /// The source: the argument row (one empty row at the start of a query; the outer
    /// row in a subquery or OPTIONAL MATCH).
    Argument,
    /// `MATCH (n:Label)`: each input row times each node (with the label).
    ScanNodes {
        slot: Slot,
        label: Option<String>,
    },
    /// `(a)-[r:T]->(b)`: one hop from `from`. `into`: `to` is already bound, keep only
    /// relationships that reach it. `distinct_from`: relationship (list) slots of the same
    /// MATCH that `rel` must differ from (relationship uniqueness).
    Expand {
        from: Slot,
        rel: Slot,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        into: bool,
        /// The relationship variable was bound by an earlier clause: only that
        /// relationship can match.
        rel_bound: bool,
        distinct_from: Vec<Slot>,
    },
    /// `(a)-[r:T*min..max {k: v}]->(b)`: `rel` receives the list of relationships.
    VarExpand {
        from: Slot,
        rel: Slot,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        min: u64,
        max: Option<u64>,
        into: bool,
        distinct_from: Vec<Slot>,
        /// Property equalities every relationship on the path must satisfy.
        rel_props: Vec<(String, bind::Expr)>,
        /// What may repeat along the path (TRAIL unless a GQL path mode says otherwise).
        mode: ast::PathMode,
    },
    /// `p = shortestPath((a)-[r:T*min..max]->(b))` (or `allShortestPaths`): the shortest
    /// paths between two bound nodes. `predicates` are the WHERE conjuncts on the path
    /// variable, which openCypher applies during the search, not after it.
    ShortestPath {
        from: Slot,
        rel: Slot,
        /// `rel` holds a list (variable length) rather than a single relationship.
        rel_is_list: bool,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        min: u64,
        max: Option<u64>,
        selector: Selector,
        mode: ast::PathMode,
        /// `shortestPath` / `allShortestPaths`: refuse a search from a node to itself, as
        /// Neo4j does (GQL selectors look for cycles instead).
        refuse_common_ends: bool,
        cost: Option<bind::PathCost>,
        path: Option<Slot>,
        rel_props: Vec<(String, bind::Expr)>,
        predicates: Vec<bind::Expr>,
    },
    /// Keep rows where the predicate is true.
    Filter(bind::Expr),
    /// `OPTIONAL MATCH`: rows of `inner` for each input row, or the input row with
    /// `slots` set to null when `inner` yields nothing.
    Optional {
        inner: Pipeline,
        slots: Vec<Slot>,
    },
    /// `UNWIND expr AS slot`
    Unwind {
        expr: bind::Expr,
        slot: Slot,
    },
    /// Evaluate expressions into slots.
    Project(Vec<(bind::Expr, Slot)>),
    /// Group by keys, compute aggregates; the output rows hold only key and aggregate slots.
    Aggregate {
        keys: Vec<(bind::Expr, Slot)>,
        aggs: Vec<(bind::AggCall, Slot)>,
    },
    /// Drop rows whose `slots` equal (equivalence) those of an earlier row.
    Distinct(Vec<Slot>),
    /// `ORDER BY`: (expression, descending).
    Sort(Vec<(bind::Expr, bool)>),
    Skip(bind::Expr),
    Limit(bind::Expr),
    /// `CREATE pattern` for each row (writes: an eager barrier).
    Create(bind::Pattern),
    Merge {
        pattern: bind::Pattern,
        on_create: Vec<bind::SetItem>,
        on_match: Vec<bind::SetItem>,
    },
    Set(Vec<bind::SetItem>),
    Remove(Vec<bind::RemoveItem>),
    Delete {
        detach: bool,
        exprs: Vec<bind::Expr>,
    },
    Foreach {
        slot: Slot,
        list: bind::Expr,
        body: Pipeline,
    },
    /// `CALL proc(args) YIELD ...` for each input row: one row per procedure row, with
    /// the yielded outputs in their slots (a void procedure passes rows through).
    Call {
        proc: bind::ProcRef,
        args: Vec<bind::Expr>,
        yields: Vec<(usize, Slot)>,
        void: bool,
    },
    /// `LOAD CSV`: for each input row, one row per record of the file.
    LoadCsv {
        with_headers: bool,
        from: bind::Expr,
        slot: Slot,
        delimiter: char,
    },
    /// The final columns (RETURN).
    Produce(Vec<Slot>),
    /// A query that ends in an updating clause returns no rows.
    Discard,
}

/// Which paths a shortest-path search returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selector {
    /// The `k` shortest paths (`shortestPath`, `ANY SHORTEST`, `SHORTEST k`).
    Shortest(u64),
    /// Every path of the `k` shortest lengths (`allShortestPaths`, `ALL SHORTEST`,
    /// `SHORTEST k GROUPS`).
    Groups(u64),
    /// Any `k` paths (`ANY k`).
    Any(u64),
}

impl Op {
    /// Does this operator change the graph?
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Op::Create(_) | Op::Merge { .. } | Op::Set(_) | Op::Remove(_) | Op::Delete { .. } | Op::Foreach { .. }
        )
    }
}

/// Plan a bound query: build, then optimize (unless `optimize` is false, for
/// differential testing).
pub fn plan(query: &bind::BoundQuery, optimize: bool) -> Result<QueryPlan, Error> {
    let mut branches = Vec::new();
    for part in &query.parts {
        let mut branch = build::build_branch(part)?;
        if optimize {
            optimize::optimize(&mut branch);
        }
        branches.push(branch);
    }
    Ok(QueryPlan { columns: query.columns.clone(), branches, union_all: query.union_all })
}

/// The pipeline MERGE uses to look for an existing match of its pattern.
pub fn match_pipeline(pattern: &bind::Pattern) -> Result<Pipeline, Error> {
    let mut p = build::match_pipeline(pattern)?;
    optimize::optimize_pipeline(&mut p);
    Ok(p)
}
