//! Reading operators as pull iterators: each `next` returns the following row or
//! `None`. Operators hold no graph reference; the `Ctx` passed to `next` carries it,
//! so a chain can be rebuilt after a write without lifetime tricks.

use std::collections::{HashSet, VecDeque};

use super::aggregate::HashAggregate;
use super::{Ctx, PhysOp, Row, count_arg, eval};
use crate::bind::{self, Slot};
use crate::error::{Error, ErrorKind};
use crate::store::{Dir, TypeId};
use crate::syntax::ast;
use crate::value::{NodeId, RelId, Value};

pub(crate) trait Operator {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error>;
}

/// Build the operator chain of `ops` over `input` rows.
pub(crate) fn open<'o>(ops: &'o [PhysOp], input: Vec<Row>, ctx: &Ctx) -> Result<Box<dyn Operator + 'o>, Error> {
    open_profiled(ops, input, ctx, None)
}

/// Counts the rows an operator produces and the time spent in its `next` (PROFILE).
struct Counted<'o> {
    inner: Box<dyn Operator + 'o>,
    profile: &'o super::Profile,
    index: usize,
}

impl Operator for Counted<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        let began = std::time::Instant::now();
        let row = self.inner.next(ctx)?;
        if let Some(p) = self.profile.borrow_mut().get_mut(self.index) {
            p.nanos += began.elapsed().as_nanos() as u64;
            p.rows += u64::from(row.is_some());
        }
        Ok(row)
    }
}

/// `open`, wrapping each operator in a counter when `profile` is given as (counters,
/// index of `ops[0]` in the main pipeline).
pub(crate) fn open_profiled<'o>(
    ops: &'o [PhysOp],
    input: Vec<Row>,
    ctx: &Ctx,
    profile: Option<(&'o super::Profile, usize)>,
) -> Result<Box<dyn Operator + 'o>, Error> {
    let mut cur: Box<dyn Operator + 'o> = Box::new(Rows(input.into()));
    for (i, op) in ops.iter().enumerate() {
        cur = open_one(op, cur, ctx)?;
        if let Some((p, base)) = profile {
            cur = Box::new(Counted { inner: cur, profile: p, index: base + i });
        }
    }
    Ok(cur)
}

fn open_one<'o>(op: &'o PhysOp, cur: Box<dyn Operator + 'o>, ctx: &Ctx) -> Result<Box<dyn Operator + 'o>, Error> {
    Ok({
        match op {
            PhysOp::Argument => cur,
            PhysOp::AllNodesScan { slot } => Box::new(Scan {
                input: cur,
                slot: *slot,
                label: None,
                any_label: true,
                row: None,
                nodes: Vec::new(),
                pos: 0,
            }),
            PhysOp::NodeByLabelScan { slot, label } => {
                let id = ctx.graph.label_id(label);
                Box::new(Scan {
                    input: cur,
                    slot: *slot,
                    label: id,
                    any_label: false,
                    row: None,
                    nodes: Vec::new(),
                    pos: 0,
                })
            }
            PhysOp::ExpandAll { from, rel, to, dir, types, rel_bound, distinct_from }
            | PhysOp::ExpandInto { from, rel, to, dir, types, rel_bound, distinct_from } => Box::new(Expand {
                input: cur,
                from: *from,
                rel: *rel,
                to: *to,
                dir: store_dir(*dir),
                types: resolve_types(types, ctx),
                into: matches!(op, PhysOp::ExpandInto { .. }),
                rel_bound: *rel_bound,
                distinct_from,
                row: None,
                found: Vec::new(),
                pos: 0,
            }),
            PhysOp::VarLengthExpand { from, rel, to, dir, types, min, max, into, distinct_from, rel_props, mode } => {
                Box::new(VarExpand {
                    input: cur,
                    from: *from,
                    rel: *rel,
                    to: *to,
                    dir: store_dir(*dir),
                    types: resolve_types(types, ctx),
                    min: *min,
                    max: *max,
                    into: *into,
                    distinct_from,
                    rel_props,
                    mode: *mode,
                    start: None,
                    row: None,
                    stack: Vec::new(),
                    path: Vec::new(),
                    used: HashSet::new(),
                })
            }
            PhysOp::ShortestPath(op) => Box::new(super::shortest::ShortestPath::new(cur, op, ctx)?),
            PhysOp::Filter(e) => Box::new(Filter { input: cur, pred: e }),
            PhysOp::Optional { inner, slots } => {
                Box::new(Optional { input: cur, inner: &inner.ops, slots, buffer: VecDeque::new() })
            }
            PhysOp::Unwind { expr, slot } => {
                Box::new(Unwind { input: cur, expr, slot: *slot, row: None, items: VecDeque::new() })
            }
            PhysOp::Project(items) => Box::new(Project { input: cur, items }),
            PhysOp::HashAggregate { keys, aggs } => Box::new(HashAggregate::new(cur, keys, aggs)),
            PhysOp::Distinct(slots) => Box::new(Distinct { input: cur, slots, seen: HashSet::new() }),
            PhysOp::Sort(keys) => Box::new(Sort { input: Some(cur), keys, limit: None, out: VecDeque::new() }),
            PhysOp::TopK { keys, limit } => {
                let n = count_arg(limit, ctx, "LIMIT")?;
                Box::new(Sort { input: Some(cur), keys, limit: Some(n), out: VecDeque::new() })
            }
            PhysOp::Skip(e) => Box::new(Skip { input: cur, n: count_arg(e, ctx, "SKIP")? }),
            PhysOp::Limit(e) => Box::new(Limit { input: cur, n: count_arg(e, ctx, "LIMIT")? }),
            PhysOp::ProcedureCall { proc, args, yields, void } => {
                Box::new(ProcedureCall { input: cur, proc, args, yields, void: *void, out: VecDeque::new() })
            }
            PhysOp::LoadCsv { with_headers, from, slot, delimiter } => Box::new(LoadCsv {
                input: cur,
                with_headers: *with_headers,
                from,
                slot: *slot,
                delimiter: *delimiter,
                current: None,
            }),
            PhysOp::Produce(_) | PhysOp::Discard => cur,
            PhysOp::Create(_)
            | PhysOp::Merge { .. }
            | PhysOp::Set(_)
            | PhysOp::Remove(_)
            | PhysOp::Delete { .. }
            | PhysOp::Foreach { .. } => {
                return Err(Error::internal("a writing operator inside a reading segment"));
            }
        }
    })
}

pub(crate) fn store_dir(d: ast::Direction) -> Dir {
    match d {
        ast::Direction::Outgoing => Dir::Out,
        ast::Direction::Incoming => Dir::In,
        ast::Direction::Both => Dir::Both,
    }
}

/// Type names to ids. `None`: a type was asked for but none exists, nothing matches.
pub(crate) fn resolve_types(types: &[String], ctx: &Ctx) -> Option<Vec<TypeId>> {
    if types.is_empty() {
        return Some(Vec::new());
    }
    let ids: Vec<TypeId> = types.iter().filter_map(|t| ctx.graph.type_id(t)).collect();
    if ids.is_empty() { None } else { Some(ids) }
}

pub(crate) fn node_of(v: &Value) -> Result<Option<NodeId>, Error> {
    match v {
        Value::Node(n) => Ok(Some(*n)),
        Value::Null => Ok(None),
        v => Err(Error::runtime(
            ErrorKind::TypeError,
            "InvalidArgumentType",
            format!("expected a Node in the pattern, got {}", v.type_name()),
        )),
    }
}

/// The relationships of `node` in `dir` with one of `types` that also have the
/// properties the pattern asks for (`-[* {k: v}]-`), with the node at their other end.
pub(crate) fn expand_matching(
    ctx: &Ctx,
    node: NodeId,
    dir: Dir,
    types: &[TypeId],
    props: &[(String, bind::Expr)],
    row: &Row,
) -> Result<Vec<(RelId, NodeId)>, Error> {
    let mut out = ctx.graph.expand(node, dir, types);
    if !props.is_empty() {
        let mut keep = Vec::with_capacity(out.len());
        for (r, n) in out {
            if rel_matches(r, props, row, ctx)? {
                keep.push((r, n));
            }
        }
        out = keep;
    }
    Ok(out)
}

/// Does relationship `r` have the properties a pattern asks for (`-[* {k: v}]-`)?
fn rel_matches(r: RelId, props: &[(String, bind::Expr)], row: &Row, ctx: &Ctx) -> Result<bool, Error> {
    for (k, e) in props {
        let have = super::eval::property(&Value::Rel(r), k, ctx)?;
        if have.cypher_eq(&eval(e, row, ctx)?) != Some(true) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Relationships already used by `slots` (relationship uniqueness within a MATCH).
fn used_rels(row: &Row, slots: &[Slot]) -> Vec<RelId> {
    let mut out = Vec::new();
    for s in slots {
        match &row[s.0] {
            Value::Rel(r) => out.push(*r),
            Value::List(l) => out.extend(l.iter().filter_map(|v| if let Value::Rel(r) = v { Some(*r) } else { None })),
            _ => {}
        }
    }
    out
}

struct Rows(VecDeque<Row>);

impl Operator for Rows {
    fn next(&mut self, _: &Ctx) -> Result<Option<Row>, Error> {
        Ok(self.0.pop_front())
    }
}

struct Scan<'o> {
    input: Box<dyn Operator + 'o>,
    slot: Slot,
    label: Option<crate::store::LabelId>,
    any_label: bool,
    row: Option<Row>,
    nodes: Vec<NodeId>,
    pos: usize,
}

impl Operator for Scan<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            ctx.tick()?;
            if let Some(row) = &self.row {
                if let Some(n) = self.nodes.get(self.pos) {
                    self.pos += 1;
                    let mut r = row.clone();
                    r[self.slot.0] = Value::Node(*n);
                    return Ok(Some(r));
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.nodes = match (self.any_label, self.label) {
                (true, _) => ctx.graph.all_nodes().collect(),
                (false, Some(l)) => ctx.graph.nodes_with_label(l).collect(),
                (false, None) => Vec::new(),
            };
            self.pos = 0;
            self.row = Some(row);
        }
    }
}

struct Expand<'o> {
    input: Box<dyn Operator + 'o>,
    from: Slot,
    rel: Slot,
    to: Slot,
    dir: Dir,
    types: Option<Vec<TypeId>>,
    into: bool,
    rel_bound: bool,
    distinct_from: &'o [Slot],
    row: Option<Row>,
    found: Vec<(RelId, NodeId)>,
    pos: usize,
}

impl Operator for Expand<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            ctx.tick()?;
            if let Some(row) = &self.row {
                if let Some((r, n)) = self.found.get(self.pos) {
                    self.pos += 1;
                    let mut out = row.clone();
                    out[self.rel.0] = Value::Rel(*r);
                    out[self.to.0] = Value::Node(*n);
                    return Ok(Some(out));
                }
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.pos = 0;
            self.found.clear();
            let (Some(from), Some(types)) = (node_of(&row[self.from.0])?, &self.types) else {
                self.row = Some(row);
                continue;
            };
            let target = if self.into { node_of(&row[self.to.0])? } else { None };
            if self.into && target.is_none() {
                self.row = Some(row);
                continue;
            }
            let used = used_rels(&row, self.distinct_from);
            let bound_rel = match (&row[self.rel.0], self.rel_bound) {
                (_, false) => None,
                (Value::Rel(r), true) => Some(*r),
                (_, true) => {
                    self.row = Some(row);
                    continue;
                }
            };
            self.found = ctx.graph.expand(from, self.dir, types);
            self.found.retain(|(r, n)| {
                !used.contains(r) && target.is_none_or(|t| t == *n) && bound_rel.is_none_or(|b| b == *r)
            });
            self.row = Some(row);
        }
    }
}

struct VarExpand<'o> {
    input: Box<dyn Operator + 'o>,
    from: Slot,
    rel: Slot,
    to: Slot,
    dir: Dir,
    types: Option<Vec<TypeId>>,
    min: u64,
    max: Option<u64>,
    into: bool,
    distinct_from: &'o [Slot],
    rel_props: &'o [(String, bind::Expr)],
    mode: ast::PathMode,
    /// The node the current search started from.
    start: Option<NodeId>,
    row: Option<Row>,
    /// Depth-first search: candidate steps per level and the next one to try.
    stack: Vec<(Vec<(RelId, NodeId)>, usize)>,
    path: Vec<(RelId, NodeId)>,
    used: HashSet<RelId>,
}

impl VarExpand<'_> {
    fn candidates(&self, node: NodeId, row: &Row, ctx: &Ctx) -> Result<Vec<(RelId, NodeId)>, Error> {
        let Some(types) = &self.types else {
            return Ok(vec![]);
        };
        expand_matching(ctx, node, self.dir, types, self.rel_props, row)
    }

    fn emit(&self, row: &Row, end: NodeId) -> Row {
        let mut out = row.clone();
        out[self.rel.0] = Value::List(self.path.iter().map(|(r, _)| Value::Rel(*r)).collect());
        out[self.to.0] = Value::Node(end);
        out
    }
}

impl Operator for VarExpand<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            ctx.tick()?;
            let Some(row) = self.row.clone() else {
                let Some(row) = self.input.next(ctx)? else {
                    return Ok(None);
                };
                let Some(start) = node_of(&row[self.from.0])? else {
                    continue;
                };
                if self.into && node_of(&row[self.to.0])?.is_none() {
                    continue;
                }
                self.used = used_rels(&row, self.distinct_from).into_iter().collect();
                self.path.clear();
                self.start = Some(start);
                // Nothing to walk when the range is empty or stops at zero hops.
                let first = if self.max.is_some_and(|m| m == 0 || m < self.min) {
                    Vec::new()
                } else {
                    self.candidates(start, &row, ctx)?
                };
                self.stack = vec![(first, 0)];
                self.row = Some(row.clone());
                // The zero-length path.
                if self.min == 0
                    && self.max.is_none_or(|m| m >= self.min)
                    && (!self.into || node_of(&row[self.to.0])? == Some(start))
                {
                    return Ok(Some(self.emit(&row, start)));
                }
                continue;
            };
            let Some((cands, pos)) = self.stack.last_mut() else {
                self.row = None;
                continue;
            };
            if *pos >= cands.len() {
                self.stack.pop();
                if let Some((r, _)) = self.path.pop() {
                    self.used.remove(&r);
                }
                continue;
            }
            let (r, n) = cands[*pos];
            *pos += 1;
            // The path mode decides what may repeat (TRAIL: relationships never do).
            let start = self.start;
            let seen_node = || Some(n) == start || self.path.iter().any(|(_, m)| *m == n);
            let closes_cycle = Some(n) == start;
            let allowed = match self.mode {
                ast::PathMode::Walk => true,
                ast::PathMode::Trail => !self.used.contains(&r),
                ast::PathMode::Acyclic => !self.used.contains(&r) && !seen_node(),
                ast::PathMode::Simple => !self.used.contains(&r) && (closes_cycle || !seen_node()),
            };
            if !allowed {
                continue;
            }
            self.path.push((r, n));
            self.used.insert(r);
            let depth = self.path.len() as u64;
            // A SIMPLE path that came back to its start ends there.
            let can_go_deeper =
                self.max.is_none_or(|m| depth < m) && !(self.mode == ast::PathMode::Simple && closes_cycle);
            let next = if can_go_deeper { self.candidates(n, &row, ctx)? } else { Vec::new() };
            self.stack.push((next, 0));
            let reaches = !self.into || node_of(&row[self.to.0])? == Some(n);
            if depth >= self.min && reaches {
                return Ok(Some(self.emit(&row, n)));
            }
        }
    }
}

struct Filter<'o> {
    input: Box<dyn Operator + 'o>,
    pred: &'o bind::Expr,
}

impl Operator for Filter<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        while let Some(row) = self.input.next(ctx)? {
            ctx.tick()?;
            match eval(self.pred, &row, ctx)? {
                Value::Bool(true) => return Ok(Some(row)),
                Value::Bool(false) | Value::Null => {}
                v => {
                    return Err(Error::runtime(
                        ErrorKind::TypeError,
                        "InvalidArgumentType",
                        format!("a predicate must be a Boolean, got {}", v.type_name()),
                    ));
                }
            }
        }
        Ok(None)
    }
}

struct Optional<'o> {
    input: Box<dyn Operator + 'o>,
    inner: &'o [PhysOp],
    slots: &'o [Slot],
    buffer: VecDeque<Row>,
}

impl Operator for Optional<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            if let Some(r) = self.buffer.pop_front() {
                return Ok(Some(r));
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            let mut inner = open(self.inner, vec![row.clone()], ctx)?;
            while let Some(r) = inner.next(ctx)? {
                self.buffer.push_back(r);
            }
            if self.buffer.is_empty() {
                let mut r = row;
                for s in self.slots {
                    r[s.0] = Value::Null;
                }
                return Ok(Some(r));
            }
        }
    }
}

struct Unwind<'o> {
    input: Box<dyn Operator + 'o>,
    expr: &'o bind::Expr,
    slot: Slot,
    row: Option<Row>,
    items: VecDeque<Value>,
}

impl Operator for Unwind<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            ctx.tick()?;
            if let (Some(row), Some(v)) = (&self.row, self.items.pop_front()) {
                let mut r = row.clone();
                r[self.slot.0] = v;
                return Ok(Some(r));
            }
            let Some(row) = self.input.next(ctx)? else {
                return Ok(None);
            };
            self.items = match eval(self.expr, &row, ctx)? {
                Value::List(l) => l.into(),
                Value::Null => VecDeque::new(),
                v => VecDeque::from([v]),
            };
            self.row = Some(row);
        }
    }
}

struct Project<'o> {
    input: Box<dyn Operator + 'o>,
    items: &'o [(bind::Expr, Slot)],
}

impl Operator for Project<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        let Some(mut row) = self.input.next(ctx)? else {
            return Ok(None);
        };
        // Evaluate all items before writing any: `WITH a AS b, b AS a` swaps.
        let vals = self.items.iter().map(|(e, _)| eval(e, &row, ctx)).collect::<Result<Vec<_>, _>>()?;
        for ((_, s), v) in self.items.iter().zip(vals) {
            row[s.0] = v;
        }
        Ok(Some(row))
    }
}

struct Distinct<'o> {
    input: Box<dyn Operator + 'o>,
    slots: &'o [Slot],
    seen: HashSet<Vec<Value>>,
}

impl Operator for Distinct<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        while let Some(row) = self.input.next(ctx)? {
            ctx.tick()?;
            let key: Vec<Value> = self.slots.iter().map(|s| row[s.0].clone()).collect();
            let size = super::row_size(&key);
            if self.seen.insert(key) {
                ctx.charge(size)?;
                return Ok(Some(row));
            }
        }
        Ok(None)
    }
}

struct Sort<'o> {
    input: Option<Box<dyn Operator + 'o>>,
    keys: &'o [(bind::Expr, bool)],
    limit: Option<usize>,
    out: VecDeque<Row>,
}

impl Sort<'_> {
    fn compare(&self, a: &[Value], b: &[Value]) -> std::cmp::Ordering {
        for ((x, y), (_, desc)) in a.iter().zip(b).zip(self.keys) {
            let o = x.order(y);
            let o = if *desc { o.reverse() } else { o };
            if o != std::cmp::Ordering::Equal {
                return o;
            }
        }
        std::cmp::Ordering::Equal
    }
}

impl Operator for Sort<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        if let Some(mut input) = self.input.take() {
            let mut keyed: Vec<(Vec<Value>, Row)> = Vec::new();
            while let Some(row) = input.next(ctx)? {
                ctx.tick()?;
                let key = self.keys.iter().map(|(e, _)| eval(e, &row, ctx)).collect::<Result<Vec<_>, _>>()?;
                ctx.charge(super::row_size(&row) + super::row_size(&key))?;
                keyed.push((key, row));
                // Top-k: keep the buffer bounded by trimming once it doubles.
                if let Some(k) = self.limit {
                    if keyed.len() >= 2 * k.max(64) {
                        keyed.sort_by(|a, b| self.compare(&a.0, &b.0));
                        let dropped: usize =
                            keyed[k..].iter().map(|(key, row)| super::row_size(row) + super::row_size(key)).sum();
                        keyed.truncate(k);
                        ctx.release(dropped);
                    }
                }
            }
            keyed.sort_by(|a, b| self.compare(&a.0, &b.0));
            if let Some(k) = self.limit {
                keyed.truncate(k);
            }
            self.out = keyed.into_iter().map(|(_, r)| r).collect();
        }
        Ok(self.out.pop_front())
    }
}

struct Skip<'o> {
    input: Box<dyn Operator + 'o>,
    n: usize,
}

impl Operator for Skip<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        while self.n > 0 {
            self.n -= 1;
            if self.input.next(ctx)?.is_none() {
                return Ok(None);
            }
        }
        self.input.next(ctx)
    }
}

struct Limit<'o> {
    input: Box<dyn Operator + 'o>,
    n: usize,
}

impl Operator for Limit<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        if self.n == 0 {
            return Ok(None);
        }
        self.n -= 1;
        self.input.next(ctx)
    }
}

/// `CALL proc(args) YIELD ...`: runs the procedure once per input row.
struct ProcedureCall<'o> {
    input: Box<dyn Operator + 'o>,
    proc: &'o bind::ProcRef,
    args: &'o [bind::Expr],
    yields: &'o [(usize, Slot)],
    void: bool,
    out: VecDeque<Row>,
}

impl Operator for ProcedureCall<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            if let Some(r) = self.out.pop_front() {
                return Ok(Some(r));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            if self.void {
                return Ok(Some(row));
            }
            let args = self.args.iter().map(|a| eval(a, &row, ctx)).collect::<Result<Vec<_>, _>>()?;
            let results = match self.proc {
                bind::ProcRef::Builtin(p) => (p.run)(ctx.graph, &args, &mut || ctx.tick())?,
                bind::ProcRef::Table(t) => t.call(&args),
            };
            for result in results {
                let mut r = row.clone();
                for (index, slot) in self.yields {
                    r[slot.0] = result.get(*index).cloned().unwrap_or(Value::Null);
                }
                self.out.push_back(r);
            }
        }
    }
}

/// `LOAD CSV`: streams the records of a local file, once per input row.
struct LoadCsv<'o> {
    input: Box<dyn Operator + 'o>,
    with_headers: bool,
    from: &'o bind::Expr,
    slot: Slot,
    delimiter: char,
    /// The row being extended, the open file and its header.
    current: Option<(Row, crate::store::csv::CsvRecords, Option<Vec<String>>)>,
}

/// `file:///data/x.csv` or a plain path: LOAD CSV reads local files only.
fn csv_path(url: &str) -> Result<std::path::PathBuf, Error> {
    if let Some(rest) = url.strip_prefix("file://") {
        return Ok(std::path::PathBuf::from(rest));
    }
    if url.contains("://") {
        return Err(Error::runtime(
            ErrorKind::ArgumentError,
            "InvalidArgumentValue",
            format!("LOAD CSV reads local files only (file:///path or a path), not {url}"),
        ));
    }
    Ok(std::path::PathBuf::from(url))
}

impl Operator for LoadCsv<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            ctx.tick()?;
            if let Some((row, records, header)) = &mut self.current {
                let Some((_, fields)) = records.next_record()? else {
                    self.current = None;
                    continue;
                };
                let text = |f: Option<String>| f.map_or(Value::Null, Value::String);
                let value = match header {
                    Some(names) => {
                        let mut map = std::collections::BTreeMap::new();
                        let mut fields = fields.into_iter();
                        for name in names.iter() {
                            map.insert(name.clone(), text(fields.next().flatten()));
                        }
                        Value::Map(map)
                    }
                    None => Value::List(fields.into_iter().map(text).collect()),
                };
                let mut out = row.clone();
                out[self.slot.0] = value;
                return Ok(Some(out));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            let url = match eval(self.from, &row, ctx)? {
                Value::String(s) => s,
                v => return Err(super::eval::type_err("LOAD CSV FROM", "a String", &v)),
            };
            let mut records = crate::store::csv::CsvRecords::open(&csv_path(&url)?, self.delimiter)?;
            let header = if self.with_headers {
                match records.next_record()? {
                    Some((_, names)) => Some(names.into_iter().map(|n| n.unwrap_or_default()).collect()),
                    None => continue,
                }
            } else {
                None
            };
            self.current = Some((row, records, header));
        }
    }
}
