//! Physical planning and execution. `lower` turns a logical pipeline into physical
//! operators (choosing label scan or full scan, expand-all or expand-into, top-k or full
//! sort); `execute` runs them as pull iterators over slot-indexed rows. Reading
//! operators borrow the graph immutably; each writing operator is an eager barrier: it
//! drains its input, then mutates the graph, then feeds its rows to the next reading
//! segment. Every operator loop checks the cancellation flag.

mod aggregate;
mod eval;
mod ops;
mod shortest;
mod write;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::bind::{self, Slot};
use crate::error::{Error, ErrorKind};
use crate::functions;
use crate::plan;
use crate::store::Graph;
use crate::syntax::ast;
use crate::value::{NodeId, RelId, Value};
use crate::{Params, Stats};

pub(crate) use eval::eval;

/// A row: one value per slot of the single query.
pub type Row = Vec<Value>;

/// A physical operator.
#[derive(Debug)]
pub enum PhysOp {
    Argument,
    AllNodesScan {
        slot: Slot,
    },
    NodeByLabelScan {
        slot: Slot,
        label: String,
    },
    ExpandAll {
        from: Slot,
        rel: Slot,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        rel_bound: bool,
        distinct_from: Vec<Slot>,
    },
    ExpandInto {
        from: Slot,
        rel: Slot,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        rel_bound: bool,
        distinct_from: Vec<Slot>,
    },
    VarLengthExpand {
        from: Slot,
        rel: Slot,
        to: Slot,
        dir: ast::Direction,
        types: Vec<String>,
        min: u64,
        max: Option<u64>,
        into: bool,
        distinct_from: Vec<Slot>,
        rel_props: Vec<(String, bind::Expr)>,
        mode: ast::PathMode,
    },
    /// Breadth-first search between two bound nodes (plain shortest paths), or
    /// iterative deepening when WHERE predicates on the path must hold during the search.
    ShortestPath(Box<plan::Op>),
    Filter(bind::Expr),
    Optional {
        inner: PhysPipeline,
        slots: Vec<Slot>,
    },
    Unwind {
        expr: bind::Expr,
        slot: Slot,
    },
    Project(Vec<(bind::Expr, Slot)>),
    HashAggregate {
        keys: Vec<(bind::Expr, Slot)>,
        aggs: Vec<(bind::AggCall, Slot)>,
    },
    Distinct(Vec<Slot>),
    Sort(Vec<(bind::Expr, bool)>),
    /// `ORDER BY ... LIMIT n`: keeps only the best `n` rows while sorting.
    TopK {
        keys: Vec<(bind::Expr, bool)>,
        limit: bind::Expr,
    },
    Skip(bind::Expr),
    Limit(bind::Expr),
    Create(bind::Pattern),
    Merge {
        pattern: bind::Pattern,
        on_create: Vec<bind::SetItem>,
        on_match: Vec<bind::SetItem>,
        matcher: PhysPipeline,
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
        body: PhysPipeline,
    },
    ProcedureCall {
        proc: bind::ProcRef,
        args: Vec<bind::Expr>,
        yields: Vec<(usize, Slot)>,
        void: bool,
    },
    LoadCsv {
        with_headers: bool,
        from: bind::Expr,
        slot: Slot,
        delimiter: char,
    },
    Produce(Vec<Slot>),
    Discard,
}

impl PhysOp {
    fn writes(&self) -> bool {
        matches!(
            self,
            PhysOp::Create(_)
                | PhysOp::Merge { .. }
                | PhysOp::Set(_)
                | PhysOp::Remove(_)
                | PhysOp::Delete { .. }
                | PhysOp::Foreach { .. }
        )
    }
}

#[derive(Debug, Default)]
pub struct PhysPipeline {
    pub ops: Vec<PhysOp>,
    /// For each physical operator, the index of the logical operator it came from
    /// (PROFILE reports on the logical plan).
    pub origin: Vec<usize>,
}

/// What PROFILE measures per operator: rows produced and time spent inside it
/// (including the operators below it, which it pulls from).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpProfile {
    pub rows: u64,
    pub nanos: u64,
}

/// Per-operator counters of a branch's main pipeline, indexed by physical operator.
pub type Profile = std::cell::RefCell<Vec<OpProfile>>;

/// A physical branch: pipeline, row width and subquery pipelines.
#[derive(Debug)]
pub struct PhysBranch {
    pub pipeline: PhysPipeline,
    pub n_slots: usize,
    pub subplans: Vec<PhysPipeline>,
}

/// Lower a logical branch to physical operators.
pub fn lower(branch: &plan::Branch) -> Result<PhysBranch, Error> {
    Ok(PhysBranch {
        pipeline: lower_pipeline(&branch.pipeline)?,
        n_slots: branch.n_slots,
        subplans: branch.subplans.iter().map(lower_pipeline).collect::<Result<_, _>>()?,
    })
}

fn lower_pipeline(p: &plan::Pipeline) -> Result<PhysPipeline, Error> {
    let mut ops = Vec::with_capacity(p.ops.len());
    let mut origin = Vec::with_capacity(p.ops.len());
    let mut it = p.ops.iter().enumerate().peekable();
    while let Some((index, op)) = it.next() {
        origin.push(index);
        ops.push(match op {
            plan::Op::Argument => PhysOp::Argument,
            plan::Op::ScanNodes { slot, label: None } => PhysOp::AllNodesScan { slot: *slot },
            plan::Op::ScanNodes { slot, label: Some(l) } => PhysOp::NodeByLabelScan { slot: *slot, label: l.clone() },
            plan::Op::Expand { from, rel, to, dir, types, into, rel_bound, distinct_from } => {
                let (from, rel, to, dir, types, rel_bound, distinct_from) =
                    (*from, *rel, *to, *dir, types.clone(), *rel_bound, distinct_from.clone());
                if *into {
                    PhysOp::ExpandInto { from, rel, to, dir, types, rel_bound, distinct_from }
                } else {
                    PhysOp::ExpandAll { from, rel, to, dir, types, rel_bound, distinct_from }
                }
            }
            plan::Op::VarExpand { from, rel, to, dir, types, min, max, into, distinct_from, rel_props, mode } => {
                PhysOp::VarLengthExpand {
                    from: *from,
                    rel: *rel,
                    to: *to,
                    dir: *dir,
                    types: types.clone(),
                    min: *min,
                    max: *max,
                    into: *into,
                    distinct_from: distinct_from.clone(),
                    rel_props: rel_props.clone(),
                    mode: *mode,
                }
            }
            op @ plan::Op::ShortestPath { .. } => PhysOp::ShortestPath(Box::new(op.clone())),
            plan::Op::Filter(e) => PhysOp::Filter(e.clone()),
            plan::Op::Optional { inner, slots } => {
                PhysOp::Optional { inner: lower_pipeline(inner)?, slots: slots.clone() }
            }
            plan::Op::Unwind { expr, slot } => PhysOp::Unwind { expr: expr.clone(), slot: *slot },
            plan::Op::Project(items) => PhysOp::Project(items.clone()),
            plan::Op::Aggregate { keys, aggs } => PhysOp::HashAggregate { keys: keys.clone(), aggs: aggs.clone() },
            plan::Op::Distinct(s) => PhysOp::Distinct(s.clone()),
            plan::Op::Sort(keys) => match it.peek() {
                // Sort then Limit (no Skip between) keeps only the top rows.
                Some((_, plan::Op::Limit(l))) => {
                    let limit = l.clone();
                    it.next();
                    PhysOp::TopK { keys: keys.clone(), limit }
                }
                _ => PhysOp::Sort(keys.clone()),
            },
            plan::Op::Skip(e) => PhysOp::Skip(e.clone()),
            plan::Op::Limit(e) => PhysOp::Limit(e.clone()),
            plan::Op::Create(p) => PhysOp::Create(p.clone()),
            plan::Op::Merge { pattern, on_create, on_match } => PhysOp::Merge {
                pattern: pattern.clone(),
                on_create: on_create.clone(),
                on_match: on_match.clone(),
                matcher: lower_pipeline(&plan::match_pipeline(pattern)?)?,
            },
            plan::Op::Set(items) => PhysOp::Set(items.clone()),
            plan::Op::Remove(items) => PhysOp::Remove(items.clone()),
            plan::Op::Delete { detach, exprs } => PhysOp::Delete { detach: *detach, exprs: exprs.clone() },
            plan::Op::Foreach { slot, list, body } => {
                PhysOp::Foreach { slot: *slot, list: list.clone(), body: lower_pipeline(body)? }
            }
            plan::Op::Call { proc, args, yields, void } => {
                PhysOp::ProcedureCall { proc: proc.clone(), args: args.clone(), yields: yields.clone(), void: *void }
            }
            plan::Op::LoadCsv { with_headers, from, slot, delimiter } => {
                PhysOp::LoadCsv { with_headers: *with_headers, from: from.clone(), slot: *slot, delimiter: *delimiter }
            }
            plan::Op::Produce(s) => PhysOp::Produce(s.clone()),
            plan::Op::Discard => PhysOp::Discard,
        });
    }
    Ok(PhysPipeline { ops, origin })
}

/// Everything an operator or expression needs besides its row.
pub struct Ctx<'a> {
    pub graph: &'a Graph,
    pub params: &'a Params,
    pub(crate) subplans: &'a [PhysPipeline],
    /// Row width of the single query.
    pub(crate) n_slots: usize,
    pub(crate) interrupt: &'a Interrupt<'a>,
}

/// Cancellation: the flag set by Ctrl-C and the deadline of `--timeout`.
pub struct Interrupt<'a> {
    pub cancel: &'a AtomicBool,
    pub deadline: Option<Instant>,
    pub(crate) ticks: Cell<u32>,
    /// Bytes that intermediate results (buffered rows, sort and aggregation state) may
    /// hold; `None`: no limit.
    pub budget: Option<usize>,
    pub(crate) used: Cell<usize>,
    /// The statement's clock for temporal functions, read once on first use.
    pub(crate) clock: Cell<Option<i128>>,
}

impl<'a> Interrupt<'a> {
    pub fn new(cancel: &'a AtomicBool, deadline: Option<Instant>) -> Interrupt<'a> {
        Interrupt { cancel, deadline, ticks: Cell::new(0), budget: None, used: Cell::new(0), clock: Cell::new(None) }
    }

    /// The same, with a memory budget for intermediate results.
    pub fn with_budget(mut self, budget: Option<usize>) -> Interrupt<'a> {
        self.budget = budget;
        self
    }
}

/// Size of a buffered row, for the memory budget.
pub(crate) fn row_size(row: &Row) -> usize {
    24 + row.iter().map(Value::approx_size).sum::<usize>()
}

impl Ctx<'_> {
    /// Called in every operator loop: fails once the query is cancelled or timed out.
    pub(crate) fn tick(&self) -> Result<(), Error> {
        let t = self.interrupt.ticks.get().wrapping_add(1);
        self.interrupt.ticks.set(t);
        if t % 256 == 0 {
            if self.interrupt.cancel.load(Ordering::Relaxed) {
                return Err(Error::cancelled("the query was cancelled"));
            }
            if self.interrupt.deadline.is_some_and(|d| Instant::now() > d) {
                return Err(Error::cancelled("the query ran past its timeout"));
            }
        }
        Ok(())
    }

    /// Account for `bytes` more of buffered intermediate results; fails once the
    /// statement's memory budget is spent.
    pub(crate) fn charge(&self, bytes: usize) -> Result<(), Error> {
        let used = self.interrupt.used.get().saturating_add(bytes);
        self.interrupt.used.set(used);
        match self.interrupt.budget {
            Some(budget) if used > budget => Err(Error::runtime(
                ErrorKind::ResourceLimit,
                "MemoryLimitExceeded",
                format!(
                    "the query needs more than its memory budget of {} MiB for intermediate results; \
                     narrow it, add LIMIT, or raise --memory-limit",
                    budget >> 20
                ),
            )),
            _ => Ok(()),
        }
    }

    /// Give back budget charged for results that were dropped (top-k trimming).
    pub(crate) fn release(&self, bytes: usize) {
        self.interrupt.used.set(self.interrupt.used.get().saturating_sub(bytes));
    }

    pub(crate) fn open_subplan(&self, i: usize, row: &Row) -> Result<Box<dyn ops::Operator + '_>, Error> {
        let p = self.subplans.get(i).ok_or_else(|| Error::internal("missing subplan"))?;
        ops::open(&p.ops, vec![row.clone()], self)
    }
}

impl functions::Graph for Ctx<'_> {
    fn statement_time(&self) -> i128 {
        let now = self.interrupt.clock.get().unwrap_or_else(crate::temporal::now_nanos);
        self.interrupt.clock.set(Some(now));
        now
    }
    fn node_labels(&self, id: NodeId) -> Option<Vec<String>> {
        self.graph.node_data(id).map(|d| d.labels)
    }
    fn node_properties(&self, id: NodeId) -> Option<BTreeMap<String, Value>> {
        self.graph.node_data(id).map(|d| d.properties)
    }
    fn rel_type(&self, id: RelId) -> Option<String> {
        self.graph.rel_type_including_deleted(id).map(|t| self.graph.type_name(t).to_string())
    }
    fn rel_properties(&self, id: RelId) -> Option<BTreeMap<String, Value>> {
        self.graph.rel_data(id).map(|d| d.properties)
    }
    fn rel_endpoints(&self, id: RelId) -> Option<(NodeId, NodeId)> {
        self.graph.rel_endpoints(id)
    }
}

/// What a pipeline run needs besides the graph (which writes borrow mutably).
#[derive(Clone, Copy)]
pub(crate) struct Env<'a> {
    pub params: &'a Params,
    pub subplans: &'a [PhysPipeline],
    pub n_slots: usize,
    pub interrupt: &'a Interrupt<'a>,
}

impl<'a> Env<'a> {
    pub(crate) fn ctx<'g>(&self, graph: &'g Graph) -> Ctx<'g>
    where
        'a: 'g,
    {
        Ctx { graph, params: self.params, subplans: self.subplans, n_slots: self.n_slots, interrupt: self.interrupt }
    }
}

/// Run a physical branch on `graph`: returns the produced rows (column values only, in
/// column order) and what the writes changed.
pub fn execute(
    branch: &PhysBranch,
    graph: &mut Graph,
    params: &Params,
    interrupt: &Interrupt,
) -> Result<(Vec<Row>, Stats), Error> {
    execute_profiled(branch, graph, params, interrupt, None)
}

/// `execute`, filling `profile` (one entry per physical operator of the main pipeline).
pub fn execute_profiled(
    branch: &PhysBranch,
    graph: &mut Graph,
    params: &Params,
    interrupt: &Interrupt,
    profile: Option<&Profile>,
) -> Result<(Vec<Row>, Stats), Error> {
    let mut stats = Stats::default();
    let start = vec![Value::Null; branch.n_slots];
    let env = Env { params, subplans: &branch.subplans, n_slots: branch.n_slots, interrupt };
    if let Some(p) = profile {
        *p.borrow_mut() = vec![OpProfile::default(); branch.pipeline.ops.len()];
    }
    let rows = run_pipeline_profiled(&branch.pipeline.ops, vec![start], graph, &env, &mut stats, profile)?;
    // Keep only the produced columns (none for a query ending in an update).
    let produced: &[Slot] = match branch.pipeline.ops.last() {
        Some(PhysOp::Produce(slots)) => slots,
        _ => return Ok((Vec::new(), stats)),
    };
    let rows = rows
        .into_iter()
        .map(|r| produced.iter().map(|s| r.get(s.0).cloned().unwrap_or(Value::Null)).collect())
        .collect();
    Ok((rows, stats))
}

/// Run operators `ops` (the first is the source) on `input` rows: reading segments
/// stream, writing operators drain their input first.
pub(crate) fn run_pipeline(
    ops: &[PhysOp],
    input: Vec<Row>,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
) -> Result<Vec<Row>, Error> {
    run_pipeline_profiled(ops, input, graph, env, stats, None)
}

/// `run_pipeline`, counting rows and time per operator into `profile` when given.
fn run_pipeline_profiled(
    ops: &[PhysOp],
    input: Vec<Row>,
    graph: &mut Graph,
    env: &Env,
    stats: &mut Stats,
    profile: Option<&Profile>,
) -> Result<Vec<Row>, Error> {
    let Env { params, subplans, n_slots, interrupt } = *env;
    let mut rows = input;
    let mut start = 0;
    loop {
        let end = ops[start..].iter().position(PhysOp::writes).map_or(ops.len(), |p| start + p);
        if end > start {
            let ctx = Ctx { graph, params, subplans, n_slots, interrupt };
            let mut op = ops::open_profiled(&ops[start..end], rows, &ctx, profile.map(|p| (p, start)))?;
            let mut out = Vec::new();
            while let Some(r) = op.next(&ctx)? {
                ctx.charge(row_size(&r))?;
                out.push(r);
            }
            rows = out;
        }
        if end == ops.len() {
            return Ok(rows);
        }
        let began = std::time::Instant::now();
        rows = write::run(&ops[end], rows, graph, env, stats)?;
        if let Some(p) = profile {
            if let Some(slot) = p.borrow_mut().get_mut(end) {
                slot.rows += rows.len() as u64;
                slot.nanos += began.elapsed().as_nanos() as u64;
            }
        }
        start = end + 1;
    }
}

/// Non-negative integer from SKIP / LIMIT.
pub(crate) fn count_arg(e: &bind::Expr, ctx: &Ctx, what: &str) -> Result<usize, Error> {
    match eval(e, &Vec::new(), ctx)? {
        Value::Int(i) if i >= 0 => Ok(i as usize),
        // The TCK classifies these as syntax errors, raised at runtime.
        Value::Int(_) => Err(Error::runtime(
            ErrorKind::SyntaxError,
            "NegativeIntegerArgument",
            format!("{what} must not be negative"),
        )),
        v => Err(Error::runtime(
            ErrorKind::SyntaxError,
            "InvalidArgumentType",
            format!("{what} must be an integer, got {}", v.type_name()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use crate::{Engine, Params, value::Value};

    fn run(engine: &mut Engine, q: &str) -> Result<Vec<Vec<Value>>, String> {
        engine.execute(q, &Params::new()).map(|o| o.rows).map_err(|e| format!("{}/{}", e.kind, e.code))
    }

    #[test]
    fn arithmetic_overflow_is_an_error() {
        let mut e = Engine::new();
        assert_eq!(run(&mut e, "RETURN 9223372036854775807 + 1 AS x"), Err("ArithmeticError/IntegerOverflow".into()));
        assert_eq!(run(&mut e, "RETURN 1 / 0 AS x"), Err("ArithmeticError/DivisionByZero".into()));
        assert_eq!(run(&mut e, "RETURN 7 / 2 AS x, 7.0 / 2 AS y"), Ok(vec![vec![Value::Int(3), Value::Float(3.5)]]));
    }

    #[test]
    fn aggregates_follow_opencypher() {
        let mut e = Engine::new();
        let q = "UNWIND [1, 2, 2, null, 4] AS x RETURN count(x), count(*), count(DISTINCT x), sum(x), avg(x), \
                 min(x), max(x), collect(x), percentileDisc(x, 0.5), percentileCont(x, 0.5), stDevP(x)";
        let rows = run(&mut e, q).expect("runs");
        let shown: Vec<String> = rows[0].iter().map(|v| v.to_string()).collect();
        assert_eq!(shown, ["4", "5", "3", "9", "2.25", "1", "4", "[1, 2, 2, 4]", "2.0", "2.0", "1.0897247358851685"]);
        // No rows and no grouping keys: one row of empty aggregates.
        let rows = run(&mut e, "MATCH (n) RETURN count(n), sum(n.x), avg(n.x), collect(n)").expect("runs");
        assert_eq!(rows, vec![vec![Value::Int(0), Value::Int(0), Value::Null, Value::List(vec![])]]);
    }

    #[test]
    fn failed_statement_leaves_graph_unchanged() {
        let mut e = Engine::new();
        run(&mut e, "CREATE (:A {v: 1})").expect("creates");
        let err = run(&mut e, "MATCH (a:A) CREATE (:B) SET a.v = 2 WITH a RETURN 1 / 0");
        assert_eq!(err, Err("ArithmeticError/DivisionByZero".into()));
        assert_eq!(
            run(&mut e, "MATCH (n) RETURN labels(n), n.v"),
            Ok(vec![vec![Value::List(vec![Value::str("A")]), Value::Int(1)]])
        );
    }

    #[test]
    fn profile_counts_rows_per_operator() {
        let mut e = Engine::new();
        run(&mut e, "UNWIND range(1, 10) AS i CREATE (:N {i: i})").expect("creates");
        let out = e
            .execute("PROFILE MATCH (n:N) WHERE n.i > 7 RETURN n.i ORDER BY n.i LIMIT 2", &Params::new())
            .expect("runs");
        let plan = out.plan.expect("PROFILE returns the plan");
        let rows: Vec<String> = plan
            .lines()
            .map(|l| {
                let op = l.trim().split(' ').next().unwrap_or("");
                let rows = l.split("rows=").nth(1).and_then(|r| r.split(' ').next()).unwrap_or("-");
                format!("{op} {rows}")
            })
            .collect();
        assert_eq!(
            rows,
            ["Produce 2", "Limit -", "Sort 2", "Project 3", "Filter 3", "NodeByLabelScan 10", "Argument 1"]
        );
        assert_eq!(out.rows.len(), 2);
    }

    #[test]
    fn memory_budget_stops_runaway_queries() {
        let mut e = Engine::new();
        e.set_memory_limit(Some(1 << 20));
        let r = run(&mut e, "UNWIND range(1, 100000) AS x WITH x ORDER BY x DESC RETURN count(*)");
        assert_eq!(r, Err("ResourceLimitExceeded/MemoryLimitExceeded".into()));
        // Top-k keeps only what it needs: the same sort with LIMIT fits.
        let r = run(&mut e, "UNWIND range(1, 100000) AS x RETURN x ORDER BY x DESC LIMIT 1");
        assert_eq!(r, Ok(vec![vec![Value::Int(100000)]]));
        e.set_max_statement_bytes(Some(8));
        assert_eq!(run(&mut e, "RETURN 12345"), Err("SyntaxError/StatementTooLong".into()));
        e.set_max_statement_bytes(None);
        e.set_max_nesting(Some(2));
        assert_eq!(
            run(&mut e, "RETURN [[1]] AS x, '((((' AS s"),
            Ok(vec![vec![Value::List(vec![Value::List(vec![Value::Int(1)])]), Value::str("(((("),]])
        );
        assert_eq!(run(&mut e, "RETURN [[[1]]]"), Err("SyntaxError/NestingTooDeep".into()));
    }

    #[test]
    fn cancelled_query_stops_with_an_error() {
        let mut e = Engine::new();
        e.cancel_handle().cancel();
        // The flag is cleared when a statement starts, so cancel from inside via a timeout instead.
        e.set_timeout(Some(std::time::Duration::from_millis(1)));
        let r = run(&mut e, "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y WITH x WHERE x < 0 RETURN count(*)");
        assert_eq!(r, Err("Cancelled/Cancelled".into()));
    }
}
