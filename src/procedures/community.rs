//! Structure procedures: weakly and strongly connected components, label propagation
//! and Louvain communities, triangle counts and local clustering coefficients. All are
//! deterministic (fixed node order, fixed tie-breaking, no randomness) and iterative:
//! nothing recurses, because a long chain in the data must not overflow the stack.
//! Community and component ids are the smallest node id among the members, so they are
//! stable and meaningful. Nothing here writes to the graph.

use crate::error::Error;
use crate::store::Graph;
use crate::value::Value;

use super::config::{Config, Direction, FILTER_KEYS};
use super::csr::{Csr, Projection};
use super::{Rows, Tick};

fn keys(extra: &[&'static str]) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = FILTER_KEYS.to_vec();
    k.extend_from_slice(extra);
    k
}

/// Rows of (node, id) where `group[i]` is the dense index of the group's smallest member.
fn group_rows(p: &Projection, group: &[usize]) -> Rows {
    p.rows(|i| {
        let g = group.get(i).copied().unwrap_or(i);
        Value::Int(p.nodes.get(g).map_or(-1, |n| n.0 as i64))
    })
}

/// Maps arbitrary labels to the smallest dense index carrying each label.
fn smallest_member(labels: &[usize]) -> Vec<usize> {
    let mut first = std::collections::HashMap::new();
    labels.iter().enumerate().map(|(i, l)| *first.entry(*l).or_insert(i)).collect()
}

/// `meridian.wcc(config)`: weakly connected components (relationship direction ignored),
/// by union-find. `componentId` is the smallest node id in the component.
pub fn wcc(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.wcc", args, &keys(&[]))?;
    let p = Projection::build(graph, &cfg.filter(graph)?, None, tick)?;
    let adj = p.csr(Direction::Outgoing);
    let n = adj.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for u in 0..n {
        tick()?;
        for &v in adj.neighbors(u) {
            let (a, b) = (find(&mut parent, u), find(&mut parent, v));
            // The smaller index becomes the root, so each root is its component's
            // smallest member.
            if a < b {
                parent[b] = a;
            } else if b < a {
                parent[a] = b;
            }
        }
    }
    let group: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    Ok(group_rows(&p, &group))
}

/// `meridian.scc(config)`: strongly connected components by Tarjan's algorithm, run with
/// an explicit stack. `componentId` is the smallest node id in the component.
pub fn scc(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.scc", args, &keys(&[]))?;
    let p = Projection::build(graph, &cfg.filter(graph)?, None, tick)?;
    let adj = p.csr(Direction::Outgoing);
    let group = tarjan(&adj, tick)?;
    Ok(group_rows(&p, &group))
}

/// Component of every node, as the smallest dense index in it.
fn tarjan(adj: &Csr, tick: &mut Tick<'_>) -> Result<Vec<usize>, Error> {
    const UNSEEN: usize = usize::MAX;
    let n = adj.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut group = vec![0usize; n];
    // (node, position of the next neighbour to look at): the recursion, made explicit.
    let mut calls: Vec<(usize, usize)> = Vec::new();
    let mut counter = 0usize;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        tick()?;
        index[root] = counter;
        low[root] = counter;
        counter += 1;
        stack.push(root);
        on_stack[root] = true;
        calls.push((root, 0));
        while let Some(&(v, pos)) = calls.last() {
            if let Some(&w) = adj.neighbors(v).get(pos) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                if index[w] == UNSEEN {
                    tick()?;
                    index[w] = counter;
                    low[w] = counter;
                    counter += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    calls.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let start = stack.iter().rposition(|&x| x == v).unwrap_or(0);
                let members = stack.split_off(start);
                let smallest = members.iter().copied().min().unwrap_or(v);
                for m in members {
                    on_stack[m] = false;
                    group[m] = smallest;
                }
            }
        }
    }
    Ok(group)
}

/// `meridian.labelPropagation(config)`: communities by label propagation. Every node
/// starts with its own label; passes visit nodes in ascending id order and each node
/// takes the label with the largest total relationship weight among its neighbours
/// (weights from `weightProperty`, else 1), keeping its current label if that label is
/// among the best, else taking the tied label that ranks first in a fixed pseudo-random
/// order derived from `seed` (default 42). Updates apply at once, so a pass sees
/// the labels chosen earlier in it. Stops after a pass without change or
/// `maxIterations` (default 10) passes. `direction` defaults to 'BOTH'.
/// `communityId` is the smallest node id in the community.
pub fn label_propagation(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse(
        "meridian.labelPropagation",
        args,
        &keys(&["direction", "weightProperty", "maxIterations", "seed"]),
    )?;
    let dir = cfg.direction(Direction::Both)?;
    let weight = cfg.weight(graph)?;
    let max_iterations = cfg.int("maxIterations", 10, 1, 1_000_000)?;
    let seed = cfg.int("seed", 42, 0, i64::MAX as u64)?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let adj = p.csr(dir);
    let n = adj.len();
    let mut label: Vec<usize> = (0..n).collect();
    let mut votes: Vec<(usize, f64)> = Vec::new();
    for _ in 0..max_iterations {
        let mut changed = false;
        for u in 0..n {
            tick()?;
            votes.clear();
            votes.extend(adj.edges(u).map(|(v, w)| (label[v], w)));
            if votes.is_empty() {
                continue;
            }
            votes.sort_by_key(|v| v.0);
            let current = label[u];
            let mut best = current;
            let mut best_weight = f64::NEG_INFINITY;
            let mut current_weight = f64::NEG_INFINITY;
            let mut i = 0;
            while let Some(&(l, _)) = votes.get(i) {
                let mut total = 0.0;
                while let Some(&(l2, w)) = votes.get(i) {
                    if l2 != l {
                        break;
                    }
                    total += w;
                    i += 1;
                }
                // Ties go to the label with the smaller seeded hash: a fixed stand-in for
                // the random choice of the original algorithm. Preferring small labels
                // instead would flood every community from the lowest ids.
                if total > best_weight || (total == best_weight && scramble(l, seed) < scramble(best, seed)) {
                    best = l;
                    best_weight = total;
                }
                if l == current {
                    current_weight = total;
                }
            }
            let choice = if current_weight >= best_weight { current } else { best };
            if choice != current {
                label[u] = choice;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Ok(group_rows(&p, &smallest_member(&label)))
}

/// A fixed pseudo-random rank of `label` (splitmix64 finaliser).
fn scramble(label: usize, seed: u64) -> u64 {
    let mut z = (label as u64).wrapping_add(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// An undirected weighted graph for Louvain: rows without self-loops (each edge in both
/// endpoints' rows) plus each node's self-loop weight, kept apart because a loop adds
/// twice its weight to the node's degree.
struct Level {
    adj: Csr,
    loops: Vec<f64>,
}

/// `meridian.louvain(config)`: communities by the Louvain method (Blondel et al.) on the
/// relationships as an undirected graph, weighted by `weightProperty` if set. Each level
/// moves nodes, in ascending order, to the neighbouring community with the largest
/// modularity gain (ties: the smaller community), for at most `maxIterations` (default
/// 10) passes, then merges communities into nodes; stops after a level without moves or
/// `maxLevels` (default 10) levels. `communityId` is the smallest node id in the community.
pub fn louvain(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let cfg = Config::parse("meridian.louvain", args, &keys(&["weightProperty", "maxIterations", "maxLevels"]))?;
    let weight = cfg.weight(graph)?;
    let max_iterations = cfg.int("maxIterations", 10, 1, 1_000_000)?;
    let max_levels = cfg.int("maxLevels", 10, 1, 1_000)?;
    let p = Projection::build(graph, &cfg.filter(graph)?, weight.as_ref(), tick)?;
    let both = p.csr(Direction::Both);
    let n = both.len();
    let mut loops = vec![0.0f64; n];
    let mut triples = Vec::new();
    for (u, self_weight) in loops.iter_mut().enumerate() {
        for (v, w) in both.edges(u) {
            if u == v {
                *self_weight += w;
            } else {
                triples.push((u, v, w));
            }
        }
    }
    let mut level = Level { adj: Csr::from_unsorted(n, triples), loops };
    // member[i]: the node of the current level that original node i belongs to.
    let mut member: Vec<usize> = (0..n).collect();
    for _ in 0..max_levels {
        let (community, moved) = louvain_level(&level, max_iterations, tick)?;
        if !moved {
            break;
        }
        // Renumber communities densely in order of first appearance (deterministic).
        let mut renumber = vec![usize::MAX; community.len()];
        let mut count = 0;
        for &c in &community {
            if renumber[c] == usize::MAX {
                renumber[c] = count;
                count += 1;
            }
        }
        let new_of = |i: usize| renumber[community[i]];
        for m in member.iter_mut() {
            *m = new_of(*m);
        }
        let mut loops = vec![0.0f64; count];
        let mut triples = Vec::new();
        for u in 0..level.adj.len() {
            tick()?;
            let cu = new_of(u);
            loops[cu] += level.loops[u];
            for (v, w) in level.adj.edges(u) {
                let cv = new_of(v);
                if cu == cv {
                    // Each internal edge is seen from both ends: half each time.
                    loops[cu] += w / 2.0;
                } else {
                    triples.push((cu, cv, w));
                }
            }
        }
        level = Level { adj: Csr::from_unsorted(count, triples).merged(), loops };
    }
    Ok(group_rows(&p, &smallest_member(&member)))
}

/// One Louvain level: the community of each node and whether any node moved.
fn louvain_level(level: &Level, max_iterations: u64, tick: &mut Tick<'_>) -> Result<(Vec<usize>, bool), Error> {
    let n = level.adj.len();
    let degree: Vec<f64> = (0..n).map(|u| level.adj.weights(u).iter().sum::<f64>() + 2.0 * level.loops[u]).collect();
    let m2: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if m2 <= 0.0 {
        return Ok((community, false));
    }
    let mut total = degree.clone();
    // Weight from the node being moved to each community, reset after each node.
    let mut link = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut is_touched = vec![false; n];
    let mut moved_any = false;
    for _ in 0..max_iterations {
        let mut moved = false;
        for u in 0..n {
            tick()?;
            let old = community[u];
            let ku = degree[u];
            touched.clear();
            for (v, w) in level.adj.edges(u) {
                let c = community[v];
                if !is_touched[c] {
                    is_touched[c] = true;
                    touched.push(c);
                }
                link[c] += w;
            }
            total[old] -= ku;
            let gain = |c: usize, link: &[f64]| link[c] - total[c] * ku / m2;
            let mut best = old;
            let mut best_gain = gain(old, &link);
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, &link);
                if g > best_gain + 1e-12 * ku.max(1.0) {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += ku;
            for &c in &touched {
                link[c] = 0.0;
                is_touched[c] = false;
            }
            if best != old {
                community[u] = best;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    Ok((community, moved_any))
}

/// Sorted, loop-free, parallel-free undirected adjacency for triangle counting.
fn simple_undirected(
    graph: &Graph,
    args: &[Value],
    procedure: &'static str,
    tick: &mut Tick<'_>,
) -> Result<(Projection, Csr), Error> {
    let cfg = Config::parse(procedure, args, &keys(&[]))?;
    let p = Projection::build(graph, &cfg.filter(graph)?, None, tick)?;
    let adj = p.csr(Direction::Both).simplified();
    Ok((p, adj))
}

/// Triangles through each node: for every triangle u < v < w (dense order) found by
/// intersecting sorted neighbour lists, each corner gets one.
fn triangles(adj: &Csr, tick: &mut Tick<'_>) -> Result<Vec<u64>, Error> {
    let n = adj.len();
    let mut count = vec![0u64; n];
    for u in 0..n {
        tick()?;
        let nu = adj.neighbors(u);
        for &v in &nu[nu.partition_point(|&x| x <= u)..] {
            let nv = adj.neighbors(v);
            let (mut a, mut b) = (nu.partition_point(|&x| x <= v), nv.partition_point(|&x| x <= v));
            while let (Some(&x), Some(&y)) = (nu.get(a), nv.get(b)) {
                if x < y {
                    a += 1;
                } else if y < x {
                    b += 1;
                } else {
                    count[u] += 1;
                    count[v] += 1;
                    count[x] += 1;
                    a += 1;
                    b += 1;
                }
            }
        }
    }
    Ok(count)
}

/// `meridian.triangleCount(config)`: the number of triangles each node is part of, with
/// relationships as undirected, ignoring self-loops and counting parallel relationships once.
pub fn triangle_count(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let (p, adj) = simple_undirected(graph, args, "meridian.triangleCount", tick)?;
    let t = triangles(&adj, tick)?;
    Ok(p.rows(|i| Value::Int(t.get(i).copied().unwrap_or(0) as i64)))
}

/// `meridian.localClusteringCoefficient(config)`: `2·T(v) / (d(v)·(d(v) − 1))` where `T`
/// is the triangle count and `d` the number of distinct neighbours (undirected, no
/// self-loops); 0 when `d < 2`.
pub fn local_clustering(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error> {
    let (p, adj) = simple_undirected(graph, args, "meridian.localClusteringCoefficient", tick)?;
    let t = triangles(&adj, tick)?;
    Ok(p.rows(|i| {
        let d = adj.neighbors(i).len() as f64;
        let tri = t.get(i).copied().unwrap_or(0) as f64;
        Value::Float(if d < 2.0 { 0.0 } else { 2.0 * tri / (d * (d - 1.0)) })
    }))
}
