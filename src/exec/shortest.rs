//! Shortest paths: `shortestPath` and `allShortestPaths` between two bound nodes.
//! Without path predicates, a breadth-first search that stops at the level where the
//! target is reached (all parents on that level are kept for `allShortestPaths`).
//! With WHERE predicates on the path, paths are enumerated by iterative deepening,
//! shortest first, and the first length with a path satisfying them wins: openCypher
//! applies such predicates during the search, not to its result.

use std::collections::{HashMap, VecDeque};

use super::ops::{Operator, node_of, resolve_types, store_dir};
use super::{Ctx, Row, eval};
use crate::bind::{self, Slot};
use crate::error::{Error, ErrorKind};
use crate::plan;
use crate::store::{Dir, TypeId};
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
    all: bool,
    path: Option<Slot>,
    rel_props: &'o [(String, bind::Expr)],
    predicates: &'o [bind::Expr],
    out: VecDeque<Row>,
}

/// One step of a path: the relationship and the node it leads to.
type Step = (RelId, NodeId);

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
            all,
            path,
            rel_props,
            predicates,
        } = op
        else {
            return Err(Error::internal("ShortestPath lowered from another operator"));
        };
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
            all: *all,
            path: *path,
            rel_props,
            predicates,
            out: VecDeque::new(),
        })
    }

    /// Relationships leaving `node` that the pattern allows.
    fn steps(&self, node: NodeId, row: &Row, ctx: &Ctx) -> Result<Vec<Step>, Error> {
        let Some(types) = &self.types else { return Ok(Vec::new()) };
        let mut out = ctx.graph.expand(node, self.dir, types);
        if !self.rel_props.is_empty() {
            let mut keep = Vec::with_capacity(out.len());
            for (r, n) in out {
                let mut ok = true;
                for (k, e) in self.rel_props {
                    let have = super::eval::property(&Value::Rel(r), k, ctx)?;
                    if have.cypher_eq(&eval(e, row, ctx)?) != Some(true) {
                        ok = false;
                        break;
                    }
                }
                if ok {
                    keep.push((r, n));
                }
            }
            out = keep;
        }
        Ok(out)
    }

    /// The row for one found path.
    fn emit(&self, row: &Row, start: NodeId, steps: &[Step]) -> Row {
        let mut out = row.clone();
        let rels: Vec<Value> = steps.iter().map(|(r, _)| Value::Rel(*r)).collect();
        out[self.rel.0] =
            if self.rel_is_list { Value::List(rels) } else { rels.into_iter().next().unwrap_or(Value::Null) };
        if let Some(p) = self.path {
            let mut nodes = vec![start];
            nodes.extend(steps.iter().map(|(_, n)| *n));
            out[p.0] = Value::Path(Box::new(Path { nodes, rels: steps.iter().map(|(r, _)| *r).collect() }));
        }
        out
    }

    /// Breadth-first search; returns the shortest paths (one, or all for allShortestPaths).
    fn bfs(&self, row: &Row, a: NodeId, b: NodeId, ctx: &Ctx) -> Result<Vec<Vec<Step>>, Error> {
        // parents[n] = the steps reaching n from the previous level.
        let mut parents: HashMap<NodeId, Vec<(RelId, NodeId)>> = HashMap::new();
        let mut depth: HashMap<NodeId, u64> = HashMap::from([(a, 0)]);
        let mut frontier = vec![a];
        let mut level = 0;
        while !frontier.is_empty() && !depth.contains_key(&b) || (level == 0 && a == b) {
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
                        Some(&d) if d == level && self.all => parents.entry(m).or_default().push((r, n)),
                        _ => {}
                    }
                }
            }
            frontier = next;
            if a == b {
                break;
            }
        }
        if !depth.contains_key(&b) || a == b {
            return Ok(Vec::new());
        }
        // Walk the parents back from b: every combination for all, the first for one.
        let mut paths = Vec::new();
        let mut stack: Vec<(NodeId, Vec<Step>)> = vec![(b, Vec::new())];
        while let Some((node, suffix)) = stack.pop() {
            ctx.tick()?;
            if node == a {
                let mut p = suffix;
                p.reverse();
                paths.push(p);
                if !self.all {
                    break;
                }
                continue;
            }
            let Some(ps) = parents.get(&node) else { continue };
            for (r, prev) in ps.iter().rev() {
                let mut s = suffix.clone();
                s.push((*r, node));
                stack.push((*prev, s));
                if !self.all {
                    break;
                }
            }
        }
        Ok(paths)
    }

    /// Iterative deepening over trails from `a` to `b`, shortest first, keeping those that
    /// satisfy the path predicates.
    fn deepening(&self, row: &Row, a: NodeId, b: NodeId, ctx: &Ctx) -> Result<Vec<Vec<Step>>, Error> {
        let limit = self.max.unwrap_or(ctx.graph.rel_count() as u64);
        for len in self.min.max(1)..=limit {
            let mut found = Vec::new();
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
                if path.iter().any(|(x, _)| *x == r) {
                    continue;
                }
                path.push((r, n));
                if path.len() as u64 == len {
                    if n == b && self.accepts(row, a, &path, ctx)? {
                        found.push(path.clone());
                        if !self.all {
                            return Ok(found);
                        }
                    }
                    path.pop();
                } else {
                    let next = self.steps(n, row, ctx)?;
                    stack.push((next, 0));
                }
            }
            if !found.is_empty() {
                return Ok(found);
            }
        }
        Ok(Vec::new())
    }

    fn accepts(&self, row: &Row, a: NodeId, steps: &[Step], ctx: &Ctx) -> Result<bool, Error> {
        let candidate = self.emit(row, a, steps);
        for p in self.predicates {
            if !matches!(eval(p, &candidate, ctx)?, Value::Bool(true)) {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

impl Operator for ShortestPath<'_> {
    fn next(&mut self, ctx: &Ctx) -> Result<Option<Row>, Error> {
        loop {
            if let Some(r) = self.out.pop_front() {
                return Ok(Some(r));
            }
            let Some(row) = self.input.next(ctx)? else { return Ok(None) };
            let (Some(a), Some(b)) = (node_of(&row[self.from.0])?, node_of(&row[self.to.0])?) else { continue };
            if a == b {
                if self.min == 0 {
                    let zero = self.emit(&row, a, &[]);
                    if self.accepts(&row, a, &[], ctx)? {
                        self.out.push_back(zero);
                    }
                    continue;
                }
                // As Neo4j does by default: a search from a node to itself is refused
                // rather than silently returning nothing.
                return Err(Error::runtime(
                    ErrorKind::SemanticError,
                    "ShortestPathCommonEndpoints",
                    "shortestPath cannot search from a node to itself; filter rows where the start and end nodes are the same, or use a minimal length of 0",
                ));
            }
            let paths =
                if self.predicates.is_empty() { self.bfs(&row, a, b, ctx)? } else { self.deepening(&row, a, b, ctx)? };
            for p in paths {
                self.out.push_back(self.emit(&row, a, &p));
            }
        }
    }
}
