//! Shortest paths between two bound nodes: `shortestPath`, `allShortestPaths` and the GQL
//! selectors (`ANY SHORTEST`, `ALL SHORTEST`, `SHORTEST k`, `SHORTEST k GROUPS`, `ANY k`)
//! with path modes, and weighted searches (`COST`).
//! - Plain shortest paths: a breadth-first search that stops at the level where the
//!   target is reached (keeping every parent on that level for "all shortest").
//! - Weighted: Dijkstra over the per-relationship COST; a negative cost is an error.
//! - Everything else (k paths, groups, path modes that BFS cannot honour, WHERE
//!   predicates on the path, which openCypher applies during the search): paths are
//!   enumerated by iterative deepening, shortest first.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, VecDeque};

use super::ops::{Operator, expand_matching, node_of, resolve_types, store_dir};
use super::{Ctx, Row, eval};
use crate::bind::{self, Slot};
use crate::error::{Error, ErrorKind};
use crate::plan::{self, Selector};
use crate::store::{Dir, TypeId};
use crate::syntax::ast::PathMode;
use crate::value::{NodeId, Path, RelId, Value};

pub(crate) struct ShortestPath<'o> {
    input: Box<dyn Operator + 'o>,
    from: Slot,
    rel: Slot,
    rel_is_list: bool,
    to: Slot,
    dir: Dir,
    types: Option<Vec<TypeId>>,
    min: u64,
    max: Option<u64>,
    selector: Selector,
    mode: PathMode,
    refuse_common_ends: bool,
    cost: Option<&'o bind::PathCost>,
    path: Option<Slot>,
    rel_props: &'o [(String, bind::Expr)],
    predicates: &'o [bind::Expr],
    out: VecDeque<Row>,
}

/// One step of a path: the relationship and the node it leads to.
type Step = (RelId, NodeId);

/// A cost in Dijkstra's queue, ordered so the smallest comes out first.
#[derive(PartialEq)]
struct Queued(f64, NodeId);

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then_with(|| other.1.cmp(&self.1))
    }
}

impl<'o> ShortestPath<'o> {
    pub(crate) fn new(input: Box<dyn Operator + 'o>, op: &'o plan::Op, ctx: &Ctx) -> Result<Self, Error> {
        let plan::Op::ShortestPath {
            from,
            rel,
            rel_is_list,
            to,
            dir,
            types,
            min,
            max,
            selector,
            mode,
            refuse_common_ends,
            cost,
            path,
            rel_props,
            predicates,
        } = op
        else {
            return Err(Error::internal("ShortestPath lowered from another operator"));
        };
        if cost.is_some() && !matches!(selector, Selector::Shortest(1) | Selector::Groups(1)) {
            return Err(Error::runtime(
                ErrorKind::Unsupported,
                "UnsupportedFeature",
                "COST works with ANY SHORTEST, ALL SHORTEST, SHORTEST 1 and shortestPath only",
            ));
        }
        Ok(ShortestPath {
            input,
            from: *from,
            rel: *rel,
            rel_is_list: *rel_is_list,
            to: *to,
            dir: store_dir(*dir),
            types: resolve_types(types, ctx),
            min: *min,
            max: *max,
            selector: *selector,
            mode: *mode,
            refuse_common_ends: *refuse_common_ends,
            cost: cost.as_ref(),
            path: *path,
            rel_props,
            predicates,
            out: VecDeque::new(),
        })
    }

    /// Relationships leaving `node` that the pattern allows.
    fn steps(&self, node: NodeId, row: &Row, ctx: &Ctx) -> Result<Vec<Step>, Error> {
        let Some(types) = &self.types else { return Ok(Vec::new()) };
        expand_matching(ctx, node, self.dir, types, self.rel_props, row)
    }

    /// The row for one found path (and its cost, for weighted searches).
    fn emit(&self, row: &Row, start: NodeId, steps: &[Step], cost: Option<f64>) -> Row {
        let mut out = row.clone();
        let rels: Vec<Value> = steps.iter().map(|(r, _)| Value::Rel(*r)).collect();
        out[self.rel.0] =
            if self.rel_is_list { Value::List(rels) } else { rels.into_iter().next().unwrap_or(Value::Null) };
        if let Some(p) = self.path {
            let mut nodes = vec![start];
            nodes.extend(steps.iter().map(|(_, n)| *n));
            out[p.0] = Value::Path(Box::new(Path { nodes, rels: steps.iter().map(|(r, _)| *r).collect() }));
        }
        if let (Some(c), Some(total)) = (self.cost, cost) {
            if let Some(a) = c.alias {
                out[a.0] = Value::Float(total);
            }
        }
        out
    }

    /// How many paths the selector wants (`usize::MAX` for groups).
    fn wanted(&self) -> usize {
        match self.selector {
            Selector::Shortest(k) | Selector::Any(k) => usize::try_from(k).unwrap_or(usize::MAX),
            Selector::Groups(_) => usize::MAX,
        }
    }

    /// Breadth-first search for the shortest paths (one, or all for groups of one).
    fn bfs(&self, row: &Row, a: NodeId, b: NodeId, ctx: &Ctx) -> Result<Vec<Vec<Step>>, Error> {
        let all = matches!(self.selector, Selector::Groups(_));
        let mut parents: HashMap<NodeId, Vec<Step>> = HashMap::new();
        let mut depth: HashMap<NodeId, u64> = HashMap::from([(a, 0)]);
        let mut frontier = vec![a];
        let mut level = 0;
        while !frontier.is_empty() && !depth.contains_key(&b) {
            if self.max.is_some_and(|m| level >= m) {
                return Ok(Vec::new());
            }
            level += 1;
            let mut next = Vec::new();
            for &n in &frontier {
                ctx.tick()?;
                for (r, m) in self.steps(n, row, ctx)? {
                    match depth.get(&m) {
                        None => {
                            depth.insert(m, level);
                            parents.insert(m, vec![(r, n)]);
                            next.push(m);
                        }
                        Some(&d) if d == level && all => parents.entry(m).or_default().push((r, n)),
                        _ => {}
                    }
                }
            }
            frontier = next;
        }
        Ok(unwind_parents(&parents, a, b, all, ctx)?.into_iter().map(|(p, _)| p).collect())
    }

    /// The cost of one relationship: COST evaluated with the relationship bound.
    fn weight(&self, cost: &bind::PathCost, scratch: &mut Row, r: RelId, ctx: &Ctx) -> Result<f64, Error> {
        scratch[cost.rel.0] = Value::Rel(r);
        let w = match eval(&cost.expr, scratch, ctx)? {
            Value::Int(i) => i as f64,
            Value::Float(f) => f,
            v => {
                return Err(Error::runtime(
                    ErrorKind::TypeError,
                    "InvalidArgumentType",
                    format!("COST of relationship #{} must be a number, got {}", r.0, v.type_name()),
                ));
            }
        };
        if w.is_nan() || w < 0.0 {
            return Err(Error::runtime(
                ErrorKind::ArgumentError,
                "NegativeCost",
                format!("COST of relationship #{} is {w}: shortest paths need non-negative costs", r.0),
            ));
        }
        Ok(w)
    }

    /// Dijkstra: the cheapest paths under COST (one, or all equally cheap for groups).
    fn dijkstra(
        &self,
        cost: &bind::PathCost,
        row: &Row,
        a: NodeId,
        b: NodeId,
        ctx: &Ctx,
    ) -> Result<Vec<(Vec<Step>, f64)>, Error> {
        let all = matches!(self.selector, Selector::Groups(_));
        let mut scratch = row.clone();
        let mut best: HashMap<NodeId, f64> = HashMap::from([(a, 0.0)]);
        let mut hops: HashMap<NodeId, u64> = HashMap::from([(a, 0)]);
        let mut parents: HashMap<NodeId, Vec<Step>> = HashMap::new();
        let mut done: HashMap<NodeId, bool> = HashMap::new();
        let mut queue = BinaryHeap::from([Queued(0.0, a)]);
        while let Some(Queued(d, n)) = queue.pop() {
            ctx.tick()?;
            if done.insert(n, true).is_some() {
                continue;
            }
            if n == b {
                break;
            }
            let h = hops.get(&n).copied().unwrap_or(0);
            if self.max.is_some_and(|m| h >= m) {
                continue;
            }
            for (r, m) in self.steps(n, row, ctx)? {
                let nd = d + self.weight(cost, &mut scratch, r, ctx)?;
                match best.get(&m) {
                    Some(&old) if nd > old => {}
                    Some(&old) if nd == old => {
                        if all {
                            parents.entry(m).or_default().push((r, n));
                        }
                    }
                    _ => {
                        best.insert(m, nd);
                        hops.insert(m, h + 1);
                        parents.insert(m, vec![(r, n)]);
                        queue.push(Queued(nd, m));
                    }
                }
            }
        }
        let total = best.get(&b).copied().unwrap_or(f64::INFINITY);
        Ok(unwind_parents(&parents, a, b, all, ctx)?.into_iter().map(|(p, _)| (p, total)).collect())
    }

    /// May `n`, reached by `r`, extend `path` (from `a`) under the path mode?
    fn allowed(&self, a: NodeId, path: &[Step], r: RelId, n: NodeId) -> bool {
        let rel_repeats = path.iter().any(|(x, _)| *x == r);
        let node_repeats = n == a || path.iter().any(|(_, m)| *m == n);
        match self.mode {
            PathMode::Walk => true,
            PathMode::Trail => !rel_repeats,
            PathMode::Acyclic => !node_repeats,
            PathMode::Simple => !rel_repeats && (!node_repeats || (n == a && path.iter().all(|(_, m)| *m != a))),
        }
    }

    /// Iterative deepening: paths from `a` to `b` by increasing length, as many as the
    /// selector wants, keeping those that satisfy the path predicates.
    fn deepening(&self, row: &Row, a: NodeId, b: NodeId, ctx: &Ctx) -> Result<Vec<Vec<Step>>, Error> {
        let wanted = self.wanted();
        let groups = match self.selector {
            Selector::Groups(k) => k,
            _ => u64::MAX,
        };
        // Beyond these lengths no new path can exist (walks: long enough for any
        // shortest walk plus one repetition per wanted path).
        let limit = self.max.unwrap_or(match self.mode {
            PathMode::Walk => ctx.graph.node_count() as u64 + wanted.min(1 << 20) as u64,
            PathMode::Trail => ctx.graph.rel_count() as u64,
            PathMode::Acyclic | PathMode::Simple => ctx.graph.node_count() as u64,
        });
        let mut found = Vec::new();
        let mut lengths_found = 0;
        for len in self.min.max(1)..=limit {
            let before = found.len();
            let mut path: Vec<Step> = Vec::new();
            let mut stack: Vec<(Vec<Step>, usize)> = vec![(self.steps(a, row, ctx)?, 0)];
            while let Some((cands, pos)) = stack.last_mut() {
                ctx.tick()?;
                if *pos >= cands.len() {
                    stack.pop();
                    path.pop();
                    continue;
                }
                let (r, n) = cands[*pos];
                *pos += 1;
                if !self.allowed(a, &path, r, n) {
                    continue;
                }
                path.push((r, n));
                if path.len() as u64 == len {
                    if n == b && self.accepts(row, a, &path, ctx)? {
                        found.push(path.clone());
                        if found.len() >= wanted {
                            return Ok(found);
                        }
                    }
                    path.pop();
                } else {
                    let next = self.steps(n, row, ctx)?;
                    stack.push((next, 0));
                }
            }
            if found.len() > before {
                lengths_found += 1;
                if lengths_found >= groups {
                    break;
                }
            }
        }
        Ok(found)
    }

    fn accepts(&self, row: &Row, a: NodeId, steps: &[Step], ctx: &Ctx) -> Result<bool, Error> {
        if self.predicates.is_empty() {
            return Ok(true);
        }
        let candidate = self.emit(row, a, steps, None);
        for p in self.predicates {
            if !matches!(eval(p, &candidate, ctx)?, Value::Bool(true)) {
                return Ok(false);
            }
        }
        Ok(true)
    }

    fn search(&mut self, row: &Row, a: NodeId, b: NodeId, ctx: &Ctx) -> Result<(), Error> {
        if a == b && self.min == 0 {
            if self.accepts(row, a, &[], ctx)? {
                self.out.push_back(self.emit(row, a, &[], Some(0.0)));
            }
            return Ok(());
        }
        if a == b && self.refuse_common_ends {
            // As Neo4j does by default: a search from a node to itself is refused
            // rather than silently returning nothing.
            return Err(Error::runtime(
                ErrorKind::SemanticError,
                "ShortestPathCommonEndpoints",
                "shortestPath cannot search from a node to itself; filter rows where the start and end nodes are \
                 the same, or use a minimal length of 0",
            ));
        }
        let plain = self.predicates.is_empty()
            && self.min <= 1
            && a != b
            && matches!(self.selector, Selector::Shortest(1) | Selector::Groups(1));
        if let Some(cost) = self.cost {
            for (p, total) in self.dijkstra(cost, row, a, b, ctx)? {
                self.out.push_back(self.emit(row, a, &p, Some(total)));
            }
            return Ok(());
        }
        let paths = if plain { self.bfs(row, a, b, ctx)? } else { self.deepening(row, a, b, ctx)? };
        for p in paths {
            self.out.push_back(self.emit(row, a, &p, None));
        }
        Ok(())
    }
}

/// Walk parent links back from `b` to `a`: every combination when `all`, else the first.
fn unwind_parents(
    parents: &HashMap<NodeId, Vec<Step>>,
    a: NodeId,
    b: NodeId,
    all: bool,
    ctx: &Ctx,
) -> Result<Vec<(Vec<Step>, ())>, Error> {
    if a == b || !parents.contains_key(&b) {
        return Ok(Vec::new());
    }
    let mut paths = Vec::new();
    let mut stack: Vec<(NodeId, Vec<Step>)> = vec![(b, Vec::new())];
    while let Some((node, suffix)) = stack.pop() {
        ctx.tick()?;
        if node == a {
            let mut p = suffix;
            p.reverse();
            paths.push((p, ()));
            if !all {
                break;
            }
            continue;
        }
        let Some(ps) = parents.get(&node) else { continue };
        for (r, prev) in ps.iter().rev() {
            let mut s = suffix.clone();
            s.push((*r, node));
            stack.push((*prev, s));
            if !all {
                break;
            }
        }
    }
    Ok(paths)
}

impl Operator for ShortestPath<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            if let Some(r) = self.out.pop_front() {
                return Ok(Some(r));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            let (Some(a), Some(b)) = (node_of(&row[self.from.0])?, node_of(&row[self.to.0])?) else { continue };
            self.search(&row, a, b, ctx)?;
        }
    }
}
