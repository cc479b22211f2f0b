//! Tests of the procedures on small graphs built through the store API: exact values
//! worked out by hand, and comparisons with deliberately naive independent computations
//! (dense power iteration for PageRank, all-pairs BFS path counting for betweenness and
//! closeness) on pseudo-random graphs.

use std::collections::BTreeMap;

use super::*;
use crate::error::ErrorKind;
use crate::store::Graph;
use crate::value::NodeId;

/// A graph of `n` nodes labelled `A` (even index) or `B` (odd), with relationships
/// (start, end, type, weight) where a weight of `None` leaves the property unset.
fn build(n: usize, rels: &[(usize, usize, &str, Option<Value>)]) -> (Graph, Vec<NodeId>) {
    let mut g = Graph::new();
    let a = g.intern_label("A");
    let b = g.intern_label("B");
    let key = g.intern_key("w");
    let ids: Vec<NodeId> = (0..n).map(|i| g.create_node(&[if i % 2 == 0 { a } else { b }], Vec::new())).collect();
    for (s, e, t, w) in rels {
        let ty = g.intern_type(t);
        let props = w.iter().map(|w| (key, w.clone())).collect();
        g.create_rel(ids[*s], ids[*e], ty, props).expect("test graph");
    }
    (g, ids)
}

fn simple(n: usize, rels: &[(usize, usize)]) -> Graph {
    let r: Vec<_> = rels.iter().map(|&(s, e)| (s, e, "T", None)).collect();
    build(n, &r).0
}

fn weighted(n: usize, rels: &[(usize, usize, f64)]) -> Graph {
    let r: Vec<_> = rels.iter().map(|&(s, e, w)| (s, e, "T", Some(Value::Float(w)))).collect();
    build(n, &r).0
}

fn config(entries: &[(&str, Value)]) -> Value {
    Value::Map(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect::<BTreeMap<_, _>>())
}

fn s(x: &str) -> Value {
    Value::String(x.to_string())
}

fn call(g: &Graph, name: &str, cfg: Value) -> Result<Rows, Error> {
    let p = lookup(name).expect("procedure exists");
    (p.run)(g, &[cfg], &mut || Ok(()))
}

/// The second column of each row, as floats (integers converted).
fn column(rows: &Rows) -> Vec<f64> {
    rows.iter()
        .map(|r| match r.get(1) {
            Some(Value::Float(f)) => *f,
            Some(Value::Int(i)) => *i as f64,
            other => panic!("unexpected value {other:?}"),
        })
        .collect()
}

fn ints(rows: &Rows) -> Vec<i64> {
    rows.iter()
        .map(|r| match r.get(1) {
            Some(Value::Int(i)) => *i,
            other => panic!("unexpected value {other:?}"),
        })
        .collect()
}

fn run(g: &Graph, name: &str, cfg: Value) -> Vec<f64> {
    column(&call(g, name, cfg).expect("procedure runs"))
}

fn assert_close(got: &[f64], want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths differ: {got:?} vs {want:?}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() < 1e-9, "{what}: node {i}: got {g}, want {w}\n got  {got:?}\n want {want:?}");
    }
}

fn empty() -> Value {
    config(&[])
}

// ---- registry ------------------------------------------------------------------------

#[test]
fn registry_is_sorted_and_lists_itself() {
    let names: Vec<&str> = all().iter().map(|p| p.name).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    let rows = call(&Graph::new(), "meridian.procedures", Value::Null).expect("runs");
    assert_eq!(rows.len(), all().len());
    assert!(rows.iter().any(|r| r.first() == Some(&s("meridian.procedures"))));
    for p in all() {
        assert!(p.params.len() <= 1);
        assert!(lookup(p.name).is_some());
    }
    assert!(lookup("meridian.PageRank").is_none());
    assert_eq!(
        lookup("meridian.pagerank").expect("exists").signature(),
        "meridian.pagerank(config = {} :: MAP) :: (node :: NODE, score :: FLOAT)"
    );
}

#[test]
fn rows_are_nodes_in_ascending_id_order() {
    let (g, ids) = build(4, &[(3, 0, "T", None), (1, 2, "T", None)]);
    for p in all().iter().filter(|p| p.outputs.first().is_some_and(|c| c.name == "node")) {
        let rows = (p.run)(&g, &[Value::Null], &mut || Ok(())).expect("runs");
        let nodes: Vec<Value> = rows.iter().map(|r| r[0].clone()).collect();
        let want: Vec<Value> = ids.iter().map(|n| Value::Node(*n)).collect();
        assert_eq!(nodes, want, "{}", p.name);
        assert!(rows.iter().all(|r| r.len() == p.outputs.len()), "{}", p.name);
    }
}

// ---- config ------------------------------------------------------------------------

#[test]
fn config_errors() {
    let g = simple(2, &[(0, 1)]);
    let e = call(&g, "meridian.pagerank", config(&[("dampingfactor", Value::Float(0.5))])).unwrap_err();
    assert_eq!(e.kind, ErrorKind::ArgumentError);
    assert!(e.message.contains("`dampingfactor`") && e.message.contains("dampingFactor"), "{}", e.message);
    let e = call(&g, "meridian.degree", config(&[("direction", s("sideways"))])).unwrap_err();
    assert!(e.message.contains("'OUTGOING', 'INCOMING' or 'BOTH'"), "{}", e.message);
    let e = call(&g, "meridian.pagerank", config(&[("dampingFactor", Value::Float(1.0))])).unwrap_err();
    assert_eq!(e.kind, ErrorKind::ArgumentError);
    let e = call(&g, "meridian.pagerank", config(&[("maxIterations", s("5"))])).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TypeError);
    let e = call(&g, "meridian.wcc", Value::Int(3)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TypeError);
    let e = call(&g, "meridian.wcc", config(&[("relationshipTypes", Value::List(vec![Value::Int(1)]))])).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TypeError);
    // Direction means nothing for components: rejected rather than ignored.
    assert!(call(&g, "meridian.wcc", config(&[("direction", s("BOTH"))])).is_err());
    // Lower-case direction and null config are fine.
    assert!(call(&g, "meridian.degree", config(&[("direction", s("incoming"))])).is_ok());
    assert!(call(&g, "meridian.degree", Value::Null).is_ok());
}

// ---- degree ------------------------------------------------------------------------

#[test]
fn degree_directions_and_weights() {
    // Star: 0 -> 1, 0 -> 2, 3 -> 0, plus a self-loop on 1 and a parallel 0 -> 1.
    let g = weighted(4, &[(0, 1, 2.0), (0, 2, 0.5), (3, 0, 1.0), (1, 1, 4.0), (0, 1, 1.0)]);
    assert_eq!(run(&g, "meridian.degree", empty()), vec![4.0, 3.0, 1.0, 1.0]);
    assert_eq!(run(&g, "meridian.degree", config(&[("direction", s("OUTGOING"))])), vec![3.0, 1.0, 0.0, 1.0]);
    assert_eq!(run(&g, "meridian.degree", config(&[("direction", s("INCOMING"))])), vec![1.0, 3.0, 1.0, 0.0]);
    let rows = call(&g, "meridian.degree", config(&[("weightProperty", s("w"))])).expect("runs");
    assert!(matches!(rows[0][1], Value::Float(_)));
    assert_eq!(column(&rows), vec![4.5, 7.0, 0.5, 1.0]);
    let rows = call(&g, "meridian.degree", empty()).expect("runs");
    assert!(matches!(rows[0][1], Value::Int(4)));
}

// ---- PageRank ------------------------------------------------------------------------

/// PageRank by dense power iteration, written independently of the CSR code.
fn dense_pagerank(n: usize, rels: &[(usize, usize, f64)], d: f64, iterations: usize) -> Vec<f64> {
    let mut m = vec![vec![0.0; n]; n]; // m[v][u]: weight u -> v
    let mut out = vec![0.0; n];
    for &(u, v, w) in rels {
        m[v][u] += w;
        out[u] += w;
    }
    let mut r = vec![1.0 / n as f64; n];
    for _ in 0..iterations {
        let dangling: f64 = (0..n).filter(|&u| out[u] == 0.0).map(|u| r[u]).sum();
        r = (0..n)
            .map(|v| {
                let inflow: f64 = (0..n).filter(|&u| out[u] > 0.0).map(|u| m[v][u] / out[u] * r[u]).sum();
                (1.0 - d) / n as f64 + d * (inflow + dangling / n as f64)
            })
            .collect();
    }
    r
}

fn converge() -> Vec<(&'static str, Value)> {
    vec![("maxIterations", Value::Int(2000)), ("tolerance", Value::Float(0.0))]
}

#[test]
fn pagerank_by_hand() {
    // Directed 3-cycle: uniform.
    let g = simple(3, &[(0, 1), (1, 2), (2, 0)]);
    assert_close(&run(&g, "meridian.pagerank", empty()), &[1.0 / 3.0; 3], "cycle");
    // 0 -> 1 with 1 dangling: PR0 = 0.075 + 0.425 PR1, PR0 + PR1 = 1 => PR0 = 0.5 / 1.425.
    let g = simple(2, &[(0, 1)]);
    let a = 0.5 / 1.425;
    assert_close(&run(&g, "meridian.pagerank", config(&converge())), &[a, 1.0 - a], "dangling");
    // Damping 0: uniform whatever the edges.
    let mut c = converge();
    c.push(("dampingFactor", Value::Float(0.0)));
    assert_close(&run(&g, "meridian.pagerank", config(&c)), &[0.5, 0.5], "no damping");
}

#[test]
fn pagerank_matches_dense_power_iteration() {
    for (seed, n) in [(1u64, 7usize), (2, 12), (3, 20)] {
        let rels = random_rels(seed, n, n * 2);
        let g = simple(n, &rels);
        let w: Vec<_> = rels.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        // Default settings: 20 iterations unless it converges first (1e-7 is far below
        // the differences checked here, so stopping early changes nothing visible).
        let got = run(&g, "meridian.pagerank", empty());
        let want = dense_pagerank(n, &w, 0.85, 20);
        for (x, y) in got.iter().zip(&want) {
            assert!((x - y).abs() < 1e-6, "seed {seed}: {got:?} vs {want:?}");
        }
        assert_close(&run(&g, "meridian.pagerank", config(&converge())), &dense_pagerank(n, &w, 0.85, 2000), "conv");
        // Incoming follows the reversed relationships.
        let rev: Vec<_> = rels.iter().map(|&(a, b)| (b, a, 1.0)).collect();
        let mut c = converge();
        c.push(("direction", s("INCOMING")));
        assert_close(&run(&g, "meridian.pagerank", config(&c)), &dense_pagerank(n, &rev, 0.85, 2000), "in");
    }
}

#[test]
fn pagerank_weighted() {
    let rels = [(0, 1, 3.0), (0, 2, 1.0), (1, 2, 2.0), (2, 0, 0.5), (3, 2, 1.0)];
    let g = weighted(4, &rels);
    let mut c = converge();
    c.push(("weightProperty", s("w")));
    assert_close(&run(&g, "meridian.pagerank", config(&c)), &dense_pagerank(4, &rels, 0.85, 2000), "weighted");
}

// ---- betweenness and closeness ---------------------------------------------------------

/// A deterministic pseudo-random relationship list (may contain loops and duplicates).
fn random_rels(seed: u64, n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut next = || {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((x >> 33) % n as u64) as usize
    };
    (0..m).map(|_| (next(), next())).collect()
}

/// All-pairs BFS on a boolean adjacency matrix: distances and shortest path counts.
fn all_pairs(n: usize, adj: &[Vec<bool>]) -> (Vec<Vec<Option<usize>>>, Vec<Vec<f64>>) {
    let mut dist = vec![vec![None; n]; n];
    let mut count = vec![vec![0.0; n]; n];
    for s in 0..n {
        dist[s][s] = Some(0);
        count[s][s] = 1.0;
        let mut frontier = vec![s];
        let mut d = 0;
        while !frontier.is_empty() {
            d += 1;
            let mut next = Vec::new();
            for t in 0..n {
                if dist[s][t].is_some() {
                    continue;
                }
                let c: f64 = frontier.iter().filter(|&&u| adj[u][t]).map(|&u| count[s][u]).sum();
                if c > 0.0 {
                    dist[s][t] = Some(d);
                    count[s][t] = c;
                    next.push(t);
                }
            }
            frontier = next;
        }
    }
    (dist, count)
}

fn matrix(n: usize, rels: &[(usize, usize)], undirected: bool) -> Vec<Vec<bool>> {
    let mut adj = vec![vec![false; n]; n];
    for &(a, b) in rels {
        if a != b {
            adj[a][b] = true;
            if undirected {
                adj[b][a] = true;
            }
        }
    }
    adj
}

/// Betweenness from the definition: Σ over ordered pairs s≠v≠t of σ_sv·σ_vt/σ_st when v
/// lies on a shortest s–t path.
fn naive_betweenness(n: usize, rels: &[(usize, usize)], undirected: bool) -> Vec<f64> {
    let (dist, count) = all_pairs(n, &matrix(n, rels, undirected));
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in 0..n {
            let Some(dst) = dist[s][t] else { continue };
            if s == t {
                continue;
            }
            for v in 0..n {
                if v == s || v == t {
                    continue;
                }
                if let (Some(a), Some(c)) = (dist[s][v], dist[v][t]) {
                    if a + c == dst {
                        b[v] += count[s][v] * count[v][t] / count[s][t];
                    }
                }
            }
        }
    }
    if undirected {
        b.iter_mut().for_each(|x| *x /= 2.0);
    }
    b
}

fn naive_closeness(n: usize, rels: &[(usize, usize)], undirected: bool) -> Vec<f64> {
    let (dist, _) = all_pairs(n, &matrix(n, rels, undirected));
    (0..n)
        .map(|u| {
            let reach: Vec<usize> = (0..n).filter(|&v| v != u).filter_map(|v| dist[u][v]).collect();
            let r = reach.len() as f64;
            let total: usize = reach.iter().sum();
            if total == 0 { 0.0 } else { (r / (n as f64 - 1.0)) * (r / total as f64) }
        })
        .collect()
}

#[test]
fn betweenness_by_hand() {
    // Directed path 0 -> 1 -> 2: only 1 is between (the pair 0, 2).
    let g = simple(3, &[(0, 1), (1, 2)]);
    assert_eq!(run(&g, "meridian.betweenness", empty()), vec![0.0, 1.0, 0.0]);
    // Undirected path 0-1-2-3: 1 is on 0-2 and 0-3, 2 on 0-3 and 1-3.
    let g = simple(4, &[(0, 1), (1, 2), (2, 3)]);
    assert_eq!(run(&g, "meridian.betweenness", config(&[("direction", s("BOTH"))])), vec![0.0, 2.0, 2.0, 0.0]);
    // Undirected star: the centre is on all C(4, 2) = 6 leaf pairs.
    let g = simple(5, &[(0, 1), (0, 2), (3, 0), (4, 0)]);
    assert_eq!(run(&g, "meridian.betweenness", config(&[("direction", s("BOTH"))])), vec![6.0, 0.0, 0.0, 0.0, 0.0]);
    // Square 0-1-2-3-0 undirected: two shortest paths between opposite corners, each
    // corner gets half of one pair.
    let g = simple(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
    assert_eq!(run(&g, "meridian.betweenness", config(&[("direction", s("BOTH"))])), vec![0.5; 4]);
}

#[test]
fn closeness_by_hand() {
    // Undirected path 0-1-2: middle reaches 2 nodes at total distance 2 -> 1.0; ends
    // reach 2 nodes at total 3 -> 2/3.
    let g = simple(3, &[(0, 1), (1, 2)]);
    let both = config(&[("direction", s("BOTH"))]);
    assert_close(&run(&g, "meridian.closeness", both.clone()), &[2.0 / 3.0, 1.0, 2.0 / 3.0], "path");
    // Two components, 0-1 and 2-3-4 (path), N = 5: node 0 reaches 1 node at distance 1:
    // (1/4)·(1/1); node 3 reaches 2 at total 2: (2/4)·(2/2); node 2: (2/4)·(2/3).
    let g = simple(5, &[(0, 1), (2, 3), (3, 4)]);
    assert_close(&run(&g, "meridian.closeness", both), &[0.25, 0.25, 1.0 / 3.0, 0.5, 1.0 / 3.0], "components");
    // Directed: the sink reaches nothing.
    let g = simple(3, &[(0, 1), (1, 2)]);
    assert_close(&run(&g, "meridian.closeness", empty()), &[2.0 / 3.0, 0.5 * 1.0, 0.0], "directed");
}

#[test]
fn betweenness_and_closeness_match_naive_all_pairs() {
    for (seed, n, m) in [(7u64, 8usize, 12usize), (8, 15, 30), (9, 25, 40), (10, 12, 60)] {
        let rels = random_rels(seed, n, m);
        let g = simple(n, &rels);
        for (dir, undirected) in [("OUTGOING", false), ("BOTH", true)] {
            let c = config(&[("direction", s(dir))]);
            let what = format!("seed {seed} {dir}");
            assert_close(&run(&g, "meridian.betweenness", c.clone()), &naive_betweenness(n, &rels, undirected), &what);
            assert_close(&run(&g, "meridian.closeness", c), &naive_closeness(n, &rels, undirected), &what);
        }
        // Weights all 1.0 through Dijkstra must agree with BFS.
        let c = config(&[("direction", s("BOTH")), ("weightProperty", s("nosuchkey"))]);
        assert_close(&run(&g, "meridian.betweenness", c.clone()), &naive_betweenness(n, &rels, true), "dijkstra");
        assert_close(&run(&g, "meridian.closeness", c), &naive_closeness(n, &rels, true), "dijkstra");
    }
}

#[test]
fn weighted_paths() {
    // Triangle 0-1 (1), 1-2 (1), 0-2 (5): the light way from 0 to 2 runs through 1.
    let g = weighted(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)]);
    let both = |w: bool| {
        let mut c = vec![("direction", s("BOTH"))];
        if w {
            c.push(("weightProperty", s("w")));
        }
        config(&c)
    };
    assert_eq!(run(&g, "meridian.betweenness", both(false)), vec![0.0, 0.0, 0.0]);
    assert_eq!(run(&g, "meridian.betweenness", both(true)), vec![0.0, 1.0, 0.0]);
    // Node 0: distances 1 and 2 -> (2/2)·(2/3).
    assert_close(&run(&g, "meridian.closeness", both(true)), &[2.0 / 3.0, 1.0, 2.0 / 3.0], "closeness");
    // Two equally light ways (0.1 + 0.2 vs 0.3 rounded differently) both count.
    let g = weighted(4, &[(0, 1, 0.1), (1, 3, 0.2), (0, 2, 0.3), (2, 3, 0.0)]);
    assert_close(
        &run(&g, "meridian.betweenness", config(&[("weightProperty", s("w"))])),
        &[0.0, 0.5, 0.5, 0.0],
        "ties",
    );
}

#[test]
fn weight_errors_name_the_relationship_and_property() {
    let g = weighted(3, &[(0, 1, 1.0), (1, 2, -2.0)]);
    for p in ["meridian.pagerank", "meridian.betweenness", "meridian.closeness", "meridian.degree"] {
        let e = call(&g, p, config(&[("weightProperty", s("w"))])).unwrap_err();
        assert_eq!(e.kind, ErrorKind::ArgumentError, "{p}");
        assert!(e.message.contains("relationship 1") && e.message.contains("`w`"), "{}", e.message);
        assert!(e.message.contains("negative"), "{}", e.message);
    }
    let (g, _) = build(2, &[(0, 1, "T", Some(s("heavy")))]);
    let e = call(&g, "meridian.pagerank", config(&[("weightProperty", s("w"))])).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TypeError);
    assert!(e.message.contains("relationship 0") && e.message.contains("'heavy'"), "{}", e.message);
    // Missing and null weights are 1.0; integer weights are fine.
    let (g, _) = build(3, &[(0, 1, "T", None), (1, 2, "T", Some(Value::Int(2))), (2, 0, "T", Some(Value::Null))]);
    let d = run(&g, "meridian.degree", config(&[("weightProperty", s("w")), ("direction", s("OUTGOING"))]));
    assert_eq!(d, vec![1.0, 2.0, 1.0]);
    // A negative weight outside the filter is never read.
    let (g, _) = build(3, &[(0, 1, "T", None), (1, 2, "U", Some(Value::Int(-1)))]);
    let c = config(&[("weightProperty", s("w")), ("relationshipTypes", Value::List(vec![s("T")]))]);
    assert!(call(&g, "meridian.pagerank", c).is_ok());
}

// ---- components ------------------------------------------------------------------------

#[test]
fn components() {
    // 0 -> 1 -> 2 -> 0 (a cycle), 2 -> 3 (tail), 4 <- 5 (another component), 6 alone.
    let (g, ids) =
        build(7, &[(0, 1, "T", None), (1, 2, "T", None), (2, 0, "T", None), (2, 3, "T", None), (5, 4, "T", None)]);
    let id = |i: usize| ids[i].0 as i64;
    let wcc = ints(&call(&g, "meridian.wcc", empty()).expect("runs"));
    assert_eq!(wcc, vec![id(0), id(0), id(0), id(0), id(4), id(4), id(6)]);
    let scc = ints(&call(&g, "meridian.scc", empty()).expect("runs"));
    assert_eq!(scc, vec![id(0), id(0), id(0), id(3), id(4), id(5), id(6)]);
    // Two cycles joined one way, entered at their larger ids.
    let g = simple(6, &[(5, 3), (3, 4), (4, 5), (4, 2), (2, 0), (0, 1), (1, 2)]);
    assert_eq!(ints(&call(&g, "meridian.scc", empty()).expect("runs")), vec![0, 0, 0, 3, 3, 3]);
}

#[test]
fn deep_graphs_do_not_recurse() {
    // A long chain closed into one cycle: recursion would overflow the test stack.
    let n = 20_000;
    let mut rels: Vec<(usize, usize)> = (0..n - 1).map(|i| (i, i + 1)).collect();
    rels.push((n - 1, 0));
    let g = simple(n, &rels);
    let scc = ints(&call(&g, "meridian.scc", empty()).expect("runs"));
    assert!(scc.iter().all(|&c| c == 0));
    let wcc = ints(&call(&g, "meridian.wcc", empty()).expect("runs"));
    assert!(wcc.iter().all(|&c| c == 0));
}

// ---- communities -------------------------------------------------------------------------

/// Two triangles {0,1,2} and {3,4,5} joined by 2-3, plus a separate pair 6-7.
fn two_triangles() -> Graph {
    simple(8, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3), (6, 7)])
}

#[test]
fn label_propagation_and_louvain_find_the_triangles() {
    let g = two_triangles();
    let c = ints(&call(&g, "meridian.louvain", empty()).expect("runs"));
    assert_eq!(c, vec![0, 0, 0, 3, 3, 3, 6, 6]);
    // Label propagation is a heuristic: on two triangles its first tie decides whether
    // the bridge merges them. It must at least be deterministic.
    for p in ["meridian.labelPropagation", "meridian.louvain"] {
        let c = ints(&call(&g, p, empty()).expect("runs"));
        assert_eq!(c, ints(&call(&g, p, empty()).expect("runs")), "{p}");
    }
    // Two 5-cliques bridged between the last node of each: every tie is inside a clique,
    // so label propagation finds the cliques whatever the tie-breaking order.
    let mut rels = vec![(4, 9), (10, 11)];
    for b in [0, 5] {
        for i in 0..5 {
            for j in i + 1..5 {
                rels.push((b + i, b + j));
            }
        }
    }
    let g = simple(12, &rels);
    for p in ["meridian.labelPropagation", "meridian.louvain"] {
        let c = ints(&call(&g, p, empty()).expect("runs"));
        assert_eq!(c, vec![0, 0, 0, 0, 0, 5, 5, 5, 5, 5, 10, 10], "{p}");
    }
    // A heavy bridge keeps its two ends in one community in weighted label propagation.
    let g = weighted(6, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0), (2, 3, 10.0)]);
    let c = ints(&call(&g, "meridian.labelPropagation", config(&[("weightProperty", s("w"))])).expect("runs"));
    assert_eq!(c[2], c[3], "{c:?}");
    // Isolated nodes stay alone.
    let g = simple(3, &[]);
    assert_eq!(ints(&call(&g, "meridian.louvain", empty()).expect("runs")), vec![0, 1, 2]);
    assert_eq!(ints(&call(&g, "meridian.labelPropagation", empty()).expect("runs")), vec![0, 1, 2]);
}

#[test]
fn louvain_merges_levels() {
    // Four 4-cliques in a ring, each joined to the next by one relationship: the
    // classic case where Louvain finds the cliques.
    let mut rels = Vec::new();
    for c in 0..4 {
        let b = c * 4;
        for i in 0..4 {
            for j in i + 1..4 {
                rels.push((b + i, b + j));
            }
        }
        rels.push((b + 3, (b + 4) % 16));
    }
    let g = simple(16, &rels);
    let c = ints(&call(&g, "meridian.louvain", empty()).expect("runs"));
    let want: Vec<i64> = (0..16).map(|i| (i / 4 * 4) as i64).collect();
    assert_eq!(c, want);
}

// ---- triangles ---------------------------------------------------------------------------

#[test]
fn triangles_and_clustering() {
    // Triangle 0-1-2 with tail 2-3, a parallel 1->0, a reversed duplicate 2->1 and a loop on 2.
    let g = simple(4, &[(0, 1), (1, 2), (2, 0), (2, 3), (1, 0), (2, 1), (2, 2)]);
    assert_eq!(run(&g, "meridian.triangleCount", empty()), vec![1.0, 1.0, 1.0, 0.0]);
    assert_close(&run(&g, "meridian.localClusteringCoefficient", empty()), &[1.0, 1.0, 1.0 / 3.0, 0.0], "lcc");
    // K4: every node is in 3 triangles and fully clustered.
    let g = simple(4, &[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]);
    assert_eq!(run(&g, "meridian.triangleCount", empty()), vec![3.0; 4]);
    assert_close(&run(&g, "meridian.localClusteringCoefficient", empty()), &[1.0; 4], "k4");
    // Random graphs against a cubic count.
    for seed in 20..24u64 {
        let n = 12;
        let rels = random_rels(seed, n, 30);
        let adj = matrix(n, &rels, true);
        let mut want = vec![0.0; n];
        for a in 0..n {
            for b in 0..n {
                for c in 0..n {
                    if a < b && b < c && adj[a][b] && adj[b][c] && adj[a][c] {
                        want[a] += 1.0;
                        want[b] += 1.0;
                        want[c] += 1.0;
                    }
                }
            }
        }
        assert_eq!(run(&simple(n, &rels), "meridian.triangleCount", empty()), want, "seed {seed}");
    }
}

// ---- filters -------------------------------------------------------------------------

#[test]
fn label_and_type_filters() {
    // Even nodes are :A, odd :B. Types T and U.
    let (g, ids) =
        build(5, &[(0, 1, "T", None), (1, 2, "T", None), (0, 2, "U", None), (2, 4, "T", None), (4, 0, "U", None)]);
    // Only :A nodes (0, 2, 4): relationships 0-2 (U), 2-4 (T), 4-0 (U).
    let rows = call(&g, "meridian.degree", config(&[("label", s("A"))])).expect("runs");
    let nodes: Vec<Value> = rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(nodes, vec![Value::Node(ids[0]), Value::Node(ids[2]), Value::Node(ids[4])]);
    assert_eq!(column(&rows), vec![2.0, 2.0, 2.0]);
    // Only type U: 0-2, 4-0.
    let types = |t: &[&str]| Value::List(t.iter().map(|x| s(x)).collect());
    let d = run(&g, "meridian.degree", config(&[("relationshipTypes", types(&["U"]))]));
    assert_eq!(d, vec![2.0, 0.0, 1.0, 0.0, 1.0]);
    // Both filters; a label list is a union.
    let c = config(&[("label", Value::List(vec![s("A"), s("Nope")])), ("relationshipTypes", types(&["T"]))]);
    assert_eq!(run(&g, "meridian.degree", c), vec![0.0, 1.0, 1.0]);
    // Unknown names match nothing (not everything).
    assert_eq!(run(&g, "meridian.degree", config(&[("relationshipTypes", types(&["NOPE"]))])), vec![0.0; 5]);
    assert!(call(&g, "meridian.degree", config(&[("label", s("Nope"))])).expect("runs").is_empty());
    // An empty type list also means none.
    assert_eq!(run(&g, "meridian.degree", config(&[("relationshipTypes", types(&[]))])), vec![0.0; 5]);
    // Filtered components: without T, 1 is alone.
    let wcc = ints(&call(&g, "meridian.wcc", config(&[("relationshipTypes", s("U"))])).expect("runs"));
    assert_eq!(wcc, vec![ids[0].0 as i64, ids[1].0 as i64, ids[0].0 as i64, ids[3].0 as i64, ids[0].0 as i64]);
}

// ---- cancellation ------------------------------------------------------------------------

#[test]
fn tick_errors_stop_every_procedure() {
    let g = two_triangles();
    for p in all().iter().filter(|p| !p.params.is_empty()) {
        for allowed in [0usize, 3, 12] {
            let mut calls = 0usize;
            let mut tick = || {
                calls += 1;
                if calls > allowed { Err(Error::cancelled("stop")) } else { Ok(()) }
            };
            let e = (p.run)(&g, &[Value::Null], &mut tick).expect_err(p.name);
            assert_eq!(e.kind, ErrorKind::Cancelled, "{}", p.name);
        }
    }
}

#[test]
fn empty_graph() {
    let g = Graph::new();
    for p in all().iter().filter(|p| !p.params.is_empty()) {
        assert!((p.run)(&g, &[Value::Null], &mut || Ok(())).expect(p.name).is_empty(), "{}", p.name);
    }
}
