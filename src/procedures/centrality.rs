//! Centrality procedures: degree, PageRank, betweenness (Brandes) and closeness
//! (Wasserman–Faust). Each reads its config, builds one projection and computes on dense
//! indices with loops only (no recursion). Nothing here writes to the graph.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::error::Error;
use crate::store::Graph;
use crate::value::Value;

use super::config::{Config, Direction, FILTER_KEYS};
use super::csr::{Csr, Projection};
use super::{Rows, Tick};

/// Config keys shared by the centrality procedures.
fn keys(extra: &[&'static str]) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = FILTER_KEYS.to_vec();
    k.extend_from_slice(&["direction", "weightProperty"]);
    k.extend_from_slice(extra);
    k
}

/// `meridian.degree(config)`: the number of relationships of each node in `direction`
/// (default 'BOTH'; a self-loop counts once), or with `weightProperty` the sum of their
/// weights as a FLOAT.
pub fn degree(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.degree", args, &keys(&[]))?;
    let dir = cfg.direction(Direction::Both)?;
    let weight = cfg.weight(graph)?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let adj = p.csr(dir);
    let mut rows = Vec::with_capacity(p.len());
    for (i, n) in p.nodes.iter().enumerate() {
        tick()?;
        let d = match weight {
            Some(_) => Value::Float(adj.weights(i).iter().sum()),
            None => Value::Int(adj.neighbors(i).len() as i64),
        };
        rows.push(vec![Value::Node(*n), d]);
    }
    Ok(rows)
}

/// `meridian.pagerank(config)`: PageRank by power iteration, following relationships in
/// `direction` (default 'OUTGOING'). Scores start at 1/N and sum to 1:
///
/// `PR(v) = (1 - d) / N + d * (Σ_{u→v} PR(u) · w(u,v) / W(u) + Σ_{u dangling} PR(u) / N)`
///
/// where `W(u)` is the total weight of `u`'s relationships (their count when unweighted;
/// parallel relationships each count) and a *dangling* node (no relationship to follow,
/// or total weight 0) spreads its rank uniformly over all N nodes — the networkx
/// convention. Config: `dampingFactor` (d, default 0.85), `maxIterations` (20),
/// `tolerance` (1e-7: stop once the L1 change of the score vector falls below it).
pub fn pagerank(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.pagerank", args, &keys(&["dampingFactor", "maxIterations", "tolerance"]))?;
    let dir = cfg.direction(Direction::Outgoing)?;
    let weight = cfg.weight(graph)?;
    let damping = cfg.float("dampingFactor", 0.85, |d| (0.0..1.0).contains(&d), "at least 0 and below 1")?;
    let max_iterations = cfg.int("maxIterations", 20, 1, 1_000_000)?;
    let tolerance = cfg.float("tolerance", 1e-7, |t| t >= 0.0, "a non-negative number")?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let adj = p.csr(dir);
    let scores = pagerank_scores(&adj, damping, max_iterations, tolerance, tick)?;
    Ok(p.rows(|i| Value::Float(scores.get(i).copied().unwrap_or(0.0))))
}

fn pagerank_scores(
    adj: &Csr,
    damping: f64,
    max_iterations: u64,
    tolerance: f64,
    tick: &mut Tick<'_>,
) -> Result<Vec<f64>, Error> {
    let n = adj.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let nf = n as f64;
    let out_weight: Vec<f64> = (0..n).map(|u| adj.weights(u).iter().sum()).collect();
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iterations {
        let dangling: f64 = (0..n).filter(|&u| out_weight[u] <= 0.0).map(|u| rank[u]).sum();
        let base = (1.0 - damping) / nf + damping * dangling / nf;
        next.iter_mut().for_each(|x| *x = base);
        for u in 0..n {
            tick()?;
            let w = out_weight[u];
            if w > 0.0 {
                let share = damping * rank[u] / w;
                for (v, wv) in adj.edges(u) {
                    if let Some(x) = next.get_mut(v) {
                        *x += share * wv;
                    }
                }
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < tolerance {
            break;
        }
    }
    Ok(rank)
}

/// `meridian.betweenness(config)`: betweenness centrality by Brandes' algorithm,
/// unnormalized: `CB(v) = Σ_{s≠v≠t} σ_st(v) / σ_st` over ordered pairs, following
/// `direction` (default 'OUTGOING'). With 'BOTH' the graph is undirected and each
/// unordered pair counts once (the sum is halved), as networkx does. Parallel
/// relationships count as one (the lightest) and self-loops are ignored. With
/// `weightProperty`, path lengths are weight sums (Dijkstra); weights must be
/// non-negative, and lengths within a relative 1e-9 count as equal (networkx compares
/// exactly, so with fractional weights it can miss such ties).
pub fn betweenness(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.betweenness", args, &keys(&[]))?;
    let dir = cfg.direction(Direction::Outgoing)?;
    let weight = cfg.weight(graph)?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let adj = p.csr(dir).simplified();
    let n = adj.len();
    let mut score = vec![0.0f64; n];
    let mut sp = ShortestPaths::new(n);
    let mut delta = vec![0.0f64; n];
    for s in 0..n {
        tick()?;
        sp.run(&adj, s, weight.is_some(), tick)?;
        for &v in &sp.order {
            delta[v] = 0.0;
        }
        // Dependencies accumulate in reverse order of distance from s.
        for &w in sp.order.iter().rev() {
            let coeff = (1.0 + delta[w]) / sp.sigma[w];
            for &v in &sp.preds[w] {
                delta[v] += sp.sigma[v] * coeff;
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    if dir == Direction::Both {
        score.iter_mut().for_each(|x| *x /= 2.0);
    }
    Ok(p.rows(|i| Value::Float(score.get(i).copied().unwrap_or(0.0))))
}

/// `meridian.closeness(config)`: closeness centrality, Wasserman–Faust variant, which
/// stays meaningful on disconnected graphs:
///
/// `C(u) = (r / (N - 1)) · (r / Σ_{v reachable from u} d(u, v))`
///
/// where `r` is the number of nodes reachable from `u` (not counting `u`), `N` the number
/// of nodes, and `d` follows `direction` (default 'OUTGOING': distances *from* `u`; note
/// that networkx measures distances *to* `u` on directed graphs, i.e. 'INCOMING' here).
/// `C(u) = 0` when nothing is reachable (or every distance is 0). With `weightProperty`,
/// distances are weight sums (Dijkstra).
pub fn closeness(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.closeness", args, &keys(&[]))?;
    let dir = cfg.direction(Direction::Outgoing)?;
    let weight = cfg.weight(graph)?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let adj = p.csr(dir).simplified();
    let n = adj.len();
    let mut sp = ShortestPaths::new(n);
    let mut score = vec![0.0f64; n];
    for (u, slot) in score.iter_mut().enumerate() {
        tick()?;
        sp.run(&adj, u, weight.is_some(), tick)?;
        let reached = sp.order.len().saturating_sub(1) as f64;
        let total: f64 = sp.order.iter().map(|&v| sp.dist[v]).sum();
        if reached > 0.0 && total > 0.0 {
            *slot = (reached / (n as f64 - 1.0)) * (reached / total);
        }
    }
    Ok(p.rows(|i| Value::Float(score.get(i).copied().unwrap_or(0.0))))
}

/// Single-source shortest paths with path counts, reusing its buffers across sources.
/// After `run(s)`: `order` lists the reached nodes in non-decreasing distance (s first),
/// and for each of them `dist`, `sigma` (number of shortest paths from s) and `preds`
/// (predecessors on those paths) are valid; other entries are stale.
struct ShortestPaths {
    order: Vec<usize>,
    dist: Vec<f64>,
    sigma: Vec<f64>,
    preds: Vec<Vec<usize>>,
    /// Generation stamp per node: `seen[v] == generation` means reached in this run.
    seen: Vec<u64>,
    settled: Vec<u64>,
    generation: u64,
    queue: std::collections::VecDeque<usize>,
    heap: BinaryHeap<HeapEntry>,
}

/// A Dijkstra frontier entry, ordered so that `BinaryHeap` pops the smallest distance
/// (ties: smallest node index, for determinism).
#[derive(PartialEq)]
struct HeapEntry(f64, usize);

impl Eq for HeapEntry {}
impl PartialOrd for HeapEntry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapEntry {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// Two path lengths this close count as equal, so that sums of the same weights added
/// in different orders still tie.
fn same_length(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl ShortestPaths {
    fn new(n: usize) -> ShortestPaths {
        ShortestPaths {
            order: Vec::with_capacity(n),
            dist: vec![0.0; n],
            sigma: vec![0.0; n],
            preds: vec![Vec::new(); n],
            seen: vec![0; n],
            settled: vec![0; n],
            generation: 0,
            queue: std::collections::VecDeque::new(),
            heap: BinaryHeap::new(),
        }
    }

    fn reach(&mut self, v: usize, dist: f64) {
        self.seen[v] = self.generation;
        self.dist[v] = dist;
        self.sigma[v] = 0.0;
        self.preds[v].clear();
    }

    fn run(&mut self, adj: &Csr, s: usize, weighted: bool, tick: &mut Tick<'_>) -> Result<(), Error> {
        self.generation += 1;
        let g = self.generation;
        self.order.clear();
        self.reach(s, 0.0);
        self.sigma[s] = 1.0;
        // Large searches tick every so often too, so cancelling never waits a whole pass.
        let mut steps = 0usize;
        if !weighted {
            self.queue.clear();
            self.queue.push_back(s);
            while let Some(v) = self.queue.pop_front() {
                steps += 1;
                if steps.is_multiple_of(4096) {
                    tick()?;
                }
                self.order.push(v);
                let dv = self.dist[v];
                for &w in adj.neighbors(v) {
                    if self.seen[w] != g {
                        self.reach(w, dv + 1.0);
                        self.queue.push_back(w);
                    }
                    if self.dist[w] == dv + 1.0 {
                        self.sigma[w] += self.sigma[v];
                        self.preds[w].push(v);
                    }
                }
            }
        } else {
            self.heap.clear();
            self.heap.push(HeapEntry(0.0, s));
            while let Some(HeapEntry(dv, v)) = self.heap.pop() {
                if self.settled[v] == g || dv > self.dist[v] {
                    continue;
                }
                steps += 1;
                if steps.is_multiple_of(4096) {
                    tick()?;
                }
                self.settled[v] = g;
                self.order.push(v);
                for (w, wt) in adj.edges(v) {
                    if self.settled[w] == g {
                        continue;
                    }
                    let nd = dv + wt;
                    if self.seen[w] != g || (nd < self.dist[w] && !same_length(nd, self.dist[w])) {
                        self.reach(w, nd);
                        self.sigma[w] = self.sigma[v];
                        self.preds[w].push(v);
                        self.heap.push(HeapEntry(nd, w));
                    } else if same_length(nd, self.dist[w]) {
                        self.sigma[w] += self.sigma[v];
                        self.preds[w].push(v);
                    }
                }
            }
        }
        Ok(())
    }
}
