//! A compact, read-only projection of the graph for one algorithm call: the nodes that
//! pass the label filter (dense indices 0..n in ascending node id order) and the
//! relationships of the wanted types between them, with weights read once. Adjacency is
//! kept in compressed sparse row form so the algorithms never touch the store's maps in
//! their inner loops. It only reads the store and never keeps references into it.

use crate::error::Error;
use crate::store::{Dir, Graph, TypeId};
use crate::value::{NodeId, Value};

use super::Tick;
use super::config::{Direction, Filter, Weight};

/// One relationship of the projection, in its own direction.
#[derive(Clone, Copy, Debug)]
struct Edge {
    src: usize,
    dst: usize,
    weight: f64,
}

/// The nodes and relationships an algorithm sees.
#[derive(Debug)]
pub struct Projection {
    /// Dense index -> node id, ascending.
    pub nodes: Vec<NodeId>,
    edges: Vec<Edge>,
}

/// Adjacency lists in compressed sparse row form: row `i` lists the neighbours of node `i`
/// with the weight of the relationship leading there (1.0 when unweighted).
#[derive(Debug, Default)]
pub struct Csr {
    offsets: Vec<usize>,
    targets: Vec<usize>,
    weights: Vec<f64>,
}

impl Csr {
    /// Number of nodes (rows).
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn range(&self, i: usize) -> std::ops::Range<usize> {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// The neighbours of `i` (empty for an index out of range).
    pub fn neighbors(&self, i: usize) -> &[usize] {
        self.targets.get(self.range(i)).unwrap_or(&[])
    }

    /// The weights of the relationships to `neighbors(i)`, in the same order.
    pub fn weights(&self, i: usize) -> &[f64] {
        self.weights.get(self.range(i)).unwrap_or(&[])
    }

    /// (neighbour, weight) pairs of `i`.
    pub fn edges(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.neighbors(i).iter().copied().zip(self.weights(i).iter().copied())
    }

    /// Builds rows from (row, target, weight) triples given in any order; within a row,
    /// triples keep their relative order.
    fn from_triples(n: usize, triples: &[(usize, usize, f64)]) -> Csr {
        let mut offsets = vec![0usize; n + 1];
        for &(row, _, _) in triples {
            if let Some(c) = offsets.get_mut(row + 1) {
                *c += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut next: Vec<usize> = offsets.clone();
        let mut targets = vec![0usize; triples.len()];
        let mut weights = vec![0.0f64; triples.len()];
        for &(row, t, w) in triples {
            if let Some(slot) = next.get_mut(row) {
                if let (Some(tt), Some(ww)) = (targets.get_mut(*slot), weights.get_mut(*slot)) {
                    *tt = t;
                    *ww = w;
                }
                *slot += 1;
            }
        }
        Csr { offsets, targets, weights }
    }

    /// Builds rows from (row, target, weight) triples.
    pub fn from_unsorted(n: usize, triples: Vec<(usize, usize, f64)>) -> Csr {
        Csr::from_triples(n, &triples)
    }

    /// The same adjacency with parallel entries merged into one carrying the sum of
    /// their weights. Rows come out sorted by neighbour.
    pub fn merged(&self) -> Csr {
        let mut triples: Vec<(usize, usize, f64)> = Vec::with_capacity(self.targets.len());
        let mut row: Vec<(usize, f64)> = Vec::new();
        for i in 0..self.len() {
            row.clear();
            row.extend(self.edges(i));
            row.sort_by_key(|e| e.0);
            for &(t, w) in &row {
                match triples.last_mut() {
                    Some(last) if last.0 == i && last.1 == t => last.2 += w,
                    _ => triples.push((i, t, w)),
                }
            }
        }
        Csr::from_triples(self.len(), &triples)
    }

    /// The same adjacency as a simple graph: no self-loops, and parallel relationships
    /// merged into one with the smallest weight. Rows come out sorted by neighbour.
    pub fn simplified(&self) -> Csr {
        let mut triples = Vec::with_capacity(self.targets.len());
        let mut row: Vec<(usize, f64)> = Vec::new();
        for i in 0..self.len() {
            row.clear();
            row.extend(self.edges(i).filter(|&(t, _)| t != i));
            row.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            row.dedup_by_key(|e| e.0);
            triples.extend(row.iter().map(|&(t, w)| (i, t, w)));
        }
        Csr::from_triples(self.len(), &triples)
    }
}

impl Projection {
    /// Reads the nodes passing `filter.labels` and the relationships of `filter.types`
    /// between them (a relationship with an endpoint outside the node set is left out),
    /// with weights from `weight` when given.
    pub fn build(
        graph: &Graph,
        filter: &Filter,
        weight: Option<&Weight>,
        tick: &mut Tick<'_>,
    ) -> Result<Projection, Error> {
        let nodes: Vec<NodeId> = match &filter.labels {
            None => graph.all_nodes().collect(),
            Some(labels) => {
                let mut v: Vec<NodeId> = labels.iter().flat_map(|l| graph.nodes_with_label(*l)).collect();
                v.sort_unstable();
                v.dedup();
                v
            }
        };
        // An empty type list from the filter means "none of the named types exists",
        // while `expand` reads an empty list as "every type": keep them apart.
        let (types, no_rels): (&[TypeId], bool) = match &filter.types {
            None => (&[], false),
            Some(t) => (t.as_slice(), t.is_empty()),
        };
        let mut edges = Vec::new();
        for (src, n) in nodes.iter().enumerate() {
            tick()?;
            if no_rels {
                continue;
            }
            for (r, other) in graph.expand(*n, Dir::Out, types) {
                let Ok(dst) = nodes.binary_search(&other) else {
                    continue;
                };
                let weight = match weight {
                    Some(w) => w.of(graph, r)?,
                    None => 1.0,
                };
                edges.push(Edge { src, dst, weight });
            }
        }
        Ok(Projection { nodes, edges })
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Adjacency following `dir`. With `Both`, each relationship appears in the rows of
    /// both endpoints, a self-loop once.
    pub fn csr(&self, dir: Direction) -> Csr {
        let mut triples = Vec::with_capacity(self.edges.len() * if dir == Direction::Both { 2 } else { 1 });
        for e in &self.edges {
            match dir {
                Direction::Outgoing => triples.push((e.src, e.dst, e.weight)),
                Direction::Incoming => triples.push((e.dst, e.src, e.weight)),
                Direction::Both => {
                    triples.push((e.src, e.dst, e.weight));
                    if e.src != e.dst {
                        triples.push((e.dst, e.src, e.weight));
                    }
                }
            }
        }
        Csr::from_triples(self.len(), &triples)
    }

    /// One row per node, ascending node id, from the node and its dense index.
    pub fn rows(&self, mut value: impl FnMut(usize) -> Value) -> Vec<Vec<Value>> {
        self.nodes.iter().enumerate().map(|(i, n)| vec![Value::Node(*n), value(i)]).collect()
    }
}
