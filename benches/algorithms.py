#!/usr/bin/env python3
"""Compare meridian's graph algorithm procedures with networkx on random graphs.

Not run by `cargo test` (it needs Python and networkx: `pip install networkx`). It
builds a seeded random directed multigraph, loads it into meridian as a Cypher script
(`--graph`), runs each procedure through `meridian --format json run -`, and compares
the per-node values with networkx's, printing the largest difference and the time each
side took.

    cargo build --release
    python3 benches/algorithms.py                 # 200 nodes, 800 relationships
    python3 benches/algorithms.py --nodes 2000 --rels 10000 --seed 7

Conventions that differ between the two, and how this script lines them up:
* PageRank: both spread dangling rank uniformly and sum to 1; meridian stops after
  `maxIterations` (20 by default), so the script asks for 1000 iterations and a tiny
  tolerance, and runs networkx with a tight tolerance too. Parallel relationships count
  as weight in both (networkx sums the weights of a MultiDiGraph's parallel edges).
* Betweenness: meridian is unnormalized; networkx is called with normalized=False.
  Meridian merges parallel relationships, so networkx gets the simple DiGraph/Graph.
  Weighted, meridian treats path lengths within a relative 1e-9 as equal (so 0.1 + 0.2
  ties with 0.3), networkx compares floats exactly: with fractional weights the two
  can differ by a few percent where such near-ties exist. Pass --int-weights to use
  integer weights, where both agree to rounding error.
* Closeness: networkx measures distances *to* a node on directed graphs, so meridian is
  run with direction 'INCOMING' (or both sides undirected with 'BOTH').
* Triangles and clustering: undirected simple graph without self-loops on both sides.
* Components: both sides' partitions are compared, not the ids.
"""

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import networkx as nx
except ImportError:
    sys.exit("this script needs networkx: pip install networkx")


def random_graph(n, m, seed, int_weights):
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    g.add_nodes_from(range(n))
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        g.add_edge(a, b, w=rng.randint(1, 5) if int_weights else round(rng.uniform(0.1, 5.0), 3))
    return g


def cypher_script(g):
    """CREATE statements: nodes carry `i` (their networkx index)."""
    lines = [f"UNWIND range(0, {g.number_of_nodes() - 1}) AS i CREATE (:N {{i: i}});"]
    for a, b, d in g.edges(data=True):
        lines.append(f"MATCH (a:N {{i: {a}}}), (b:N {{i: {b}}}) CREATE (a)-[:R {{w: {d['w']}}}]->(b);")
    return "\n".join(lines) + "\n"


def run_meridian(binary, graph_file, query, col):
    """Runs one CALL yielding `col` and returns {networkx index: value} and the seconds taken."""
    text = f"{query} YIELD node, {col} RETURN node.i AS i, {col} AS v;"
    start = time.perf_counter()
    out = subprocess.run(
        [binary, "--graph", graph_file, "--format", "json", "run", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {row[0]: row[1] for row in result["rows"]}, elapsed


def pagerank(g, weight):
    """networkx PageRank; the pure-Python version when numpy/scipy are missing."""
    try:
        return nx.pagerank(g, weight=weight, tol=1e-12, max_iter=1000)
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(g, weight=weight, tol=1e-12, max_iter=1000)


def partition(labels):
    groups = {}
    for node, label in labels.items():
        groups.setdefault(label, set()).add(node)
    return sorted(sorted(s) for s in groups.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=200)
    ap.add_argument("--rels", type=int, default=800)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default="target/release/meridian")
    ap.add_argument("--int-weights", action="store_true", help="integer weights 1..5")
    args = ap.parse_args()

    multi = random_graph(args.nodes, args.rels, args.seed, args.int_weights)
    simple_directed = nx.DiGraph()
    simple_directed.add_nodes_from(multi.nodes)
    for a, b, d in multi.edges(data=True):
        if a != b:
            old = simple_directed.get_edge_data(a, b)
            if old is None or d["w"] < old["w"]:
                simple_directed.add_edge(a, b, w=d["w"])
    undirected = nx.Graph()
    undirected.add_nodes_from(multi.nodes)
    for a, b, d in simple_directed.edges(data=True):
        old = undirected.get_edge_data(a, b)
        if old is None or d["w"] < old["w"]:
            undirected.add_edge(a, b, w=d["w"])

    pagerank_graph = nx.DiGraph()
    pagerank_graph.add_nodes_from(multi.nodes)
    for a, b, d in multi.edges(data=True):
        old = pagerank_graph.get_edge_data(a, b, {"n": 0, "w": 0.0})
        pagerank_graph.add_edge(a, b, n=old["n"] + 1, w=old["w"] + d["w"])

    conv = "maxIterations: 1000, tolerance: 1e-12"
    cases = [
        ("score", f"CALL meridian.pagerank({{{conv}}})",
         lambda: pagerank(pagerank_graph, weight="n")),
        ("score", f"CALL meridian.pagerank({{{conv}, weightProperty: 'w'}})",
         lambda: pagerank(pagerank_graph, weight="w")),
        ("score", "CALL meridian.betweenness()",
         lambda: nx.betweenness_centrality(simple_directed, normalized=False)),
        ("score", "CALL meridian.betweenness({direction: 'BOTH', weightProperty: 'w'})",
         lambda: nx.betweenness_centrality(undirected, normalized=False, weight="w")),
        ("score", "CALL meridian.closeness({direction: 'INCOMING'})",
         lambda: nx.closeness_centrality(simple_directed)),
        ("score", "CALL meridian.closeness({direction: 'BOTH', weightProperty: 'w'})",
         lambda: nx.closeness_centrality(undirected, distance="w")),
        ("triangles", "CALL meridian.triangleCount()", lambda: nx.triangles(undirected)),
        ("coefficient", "CALL meridian.localClusteringCoefficient()", lambda: nx.clustering(undirected)),
    ]
    partitions = [
        ("componentId", "CALL meridian.wcc()",
         lambda: {v: i for i, c in enumerate(nx.weakly_connected_components(multi)) for v in c}),
        ("componentId", "CALL meridian.scc()",
         lambda: {v: i for i, c in enumerate(nx.strongly_connected_components(multi)) for v in c}),
    ]

    with tempfile.TemporaryDirectory() as tmp:
        graph_file = str(Path(tmp) / "graph.cypher")
        Path(graph_file).write_text(cypher_script(multi))
        for col, query, reference in cases:
            ours, t_ours = run_meridian(args.binary, graph_file, query, col)
            start = time.perf_counter()
            theirs = reference()
            t_theirs = time.perf_counter() - start
            worst = max(abs(ours[v] - theirs[v]) for v in theirs)
            print(f"{query:75} max diff {worst:.3e}  meridian {t_ours:.3f}s (incl. load)  networkx {t_theirs:.3f}s")
        for col, query, reference in partitions:
            ours, _ = run_meridian(args.binary, graph_file, query, col)
            same = partition(ours) == partition(reference())
            print(f"{query:75} {'same partition' if same else 'DIFFERENT PARTITION'}")


if __name__ == "__main__":
    main()
