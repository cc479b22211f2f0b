#!/usr/bin/env python3
"""Differential testing of Meridian against Kuzu (issue 9, part 5).

Run by hand, never by `cargo test` or CI (see benches/DIFFERENTIAL.md):

    python3 benches/differential_kuzu.py --seconds 600 --seed 1

The script generates small random property graphs (labels A, B, C; relationship types
R and S; integer, string and missing properties) from a seed, loads each one into
Meridian (the release binary, driven statement by statement through
`meridian run --empty --format json -`) and into an in-memory Kuzu database (node and
relationship tables of one fixed schema that both engines can express), then runs random
read queries from the subset both engines share on both and compares the results as
multisets (as lists when the query orders every column). Every disagreement is written,
with the graph, the query and both results, to `bench-data/differential/` (git-ignored)
and summarised at the end.

The generator stays away from the known, intended differences listed in
benches/DIFFERENTIAL.md (Kuzu's deviations from openCypher) unless `--include-known` is
given, so that what remains are genuine disagreements to judge.

Kuzu comes from the git-ignored Python environment `bench-env/` at the repository root,
created on first use with `python3 -m venv` and the pinned package from PyPI (the same
environment benches/compare.py creates); `--python` names another interpreter that has
`kuzu` installed. Nothing is downloaded once the environment exists.
"""

import argparse
import json
import os
import random
import re
import select
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "bench-env"
# The Kuzu release compared against; change deliberately (and re-judge the results).
KUZU = "kuzu==0.11.3"
LABELS = ["A", "B", "C"]
TYPES = ["R", "S"]
NODE_INT = ["id", "x", "y"]
NODE_STR = ["s"]
REL_INT = ["w"]
REL_STR = ["t"]
WORDS = ["", "a", "ab", "b", "ba", "abc", "B", "z"]
STATEMENT_TIMEOUT_S = 10.0


# ---------------------------------------------------------------------------- environment


def ensure_kuzu(args):
    """Re-run this script under an interpreter that has `kuzu`, creating bench-env/ once."""
    try:
        import kuzu  # noqa: F401

        return
    except ImportError:
        pass
    if os.environ.get("MERIDIAN_DIFF_CHILD"):
        sys.exit("kuzu is not importable in the chosen interpreter")
    py = Path(args.python) if args.python else ENV / "bin" / "python"
    if not args.python:
        ok = py.exists() and subprocess.run([str(py), "-c", "import kuzu"], capture_output=True).returncode == 0
        if not ok:
            print("creating bench-env/ (one-time; downloads kuzu from PyPI)", file=sys.stderr)
            if not py.exists():
                subprocess.run([sys.executable, "-m", "venv", str(ENV)], check=True)
            subprocess.run([str(py), "-m", "pip", "install", "-q", KUZU], check=True)
    env = dict(os.environ, MERIDIAN_DIFF_CHILD="1")
    os.execve(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]], env)


# ---------------------------------------------------------------------------- graphs


def lit(v):
    """A Cypher literal both engines read the same way."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'"


def gen_graph(rng, max_nodes, self_loops):
    """Nodes [(id, label, props)] and relationships [(src, dst, type, props)]."""
    n = rng.randint(0, max_nodes)
    nodes = []
    for i in range(n):
        props = {"id": i}
        for k in ("x", "y"):
            if rng.random() < 0.75:
                props[k] = rng.randint(-3, 6)
        if rng.random() < 0.75:
            props["s"] = rng.choice(WORDS)
        nodes.append((i, rng.choice(LABELS), props))
    rels = []
    if n:
        for _ in range(rng.randint(0, 2 * n)):
            a, b = rng.randrange(n), rng.randrange(n)
            if a == b and not self_loops:
                continue
            props = {}
            if rng.random() < 0.7:
                props["w"] = rng.randint(-2, 5)
            if rng.random() < 0.5:
                props["t"] = rng.choice(WORDS)
            rels.append((a, b, rng.choice(TYPES), props))
    return nodes, rels


def props_text(props):
    return "{" + ", ".join(f"{k}: {lit(v)}" for k, v in props.items()) + "}"


def meridian_script(nodes, rels):
    """One CREATE statement building the whole graph (None for the empty graph)."""
    parts = [f"(n{i}:{label} {props_text(p)})" for i, label, p in nodes]
    parts += [f"(n{a})-[:{t} {props_text(p)}]->(n{b})" for a, b, t, p in rels]
    return "CREATE " + ", ".join(parts) if parts else None


def kuzu_load(conn, nodes, rels):
    for label in LABELS:
        conn.execute(f"CREATE NODE TABLE {label}(id INT64, x INT64, y INT64, s STRING, PRIMARY KEY(id))")
    pairs = ", ".join(f"FROM {a} TO {b}" for a in LABELS for b in LABELS)
    for t in TYPES:
        conn.execute(f"CREATE REL TABLE {t}({pairs}, w INT64, t STRING)")
    labels = {}
    for i, label, p in nodes:
        labels[i] = label
        conn.execute(f"CREATE (:{label} {props_text(p)})")
    for a, b, t, p in rels:
        conn.execute(f"MATCH (a:{labels[a]} {{id: {a}}}), (b:{labels[b]} {{id: {b}}}) CREATE (a)-[:{t} {props_text(p)}]->(b)")


# ---------------------------------------------------------------------------- queries


class Scope:
    """The variables a query has bound so far, by kind."""

    def __init__(self):
        self.nodes, self.rels, self.ints = [], [], []


class QueryGen:
    """Random read queries inside the subset Meridian and Kuzu share."""

    def __init__(self, rng, include_known):
        self.r = rng
        self.known = include_known

    # -- expressions, by type; `d` bounds the nesting depth
    def int_expr(self, sc, d=2):
        r = self.r
        leaves = ["lit"] + (["nprop"] * 4 if sc.nodes else []) + (["rprop"] * 2 if sc.rels else []) + (["u"] * 2 if sc.ints else [])
        if d <= 0:
            k = r.choice(leaves)
        else:
            k = r.choice(leaves * 2 + ["add", "sub", "mul", "mod", "div", "abs", "neg", "coalesce", "case", "size"])
        if k == "lit":
            return str(r.randint(-3, 6))
        if k == "nprop":
            return f"{r.choice(sc.nodes)}.{r.choice(NODE_INT)}"
        if k == "rprop":
            return f"{r.choice(sc.rels)}.{r.choice(REL_INT)}"
        if k == "u":
            return r.choice(sc.ints)
        if k in ("add", "sub", "mul"):
            op = {"add": "+", "sub": "-", "mul": "*"}[k]
            return f"({self.int_expr(sc, d - 1)} {op} {self.int_expr(sc, d - 1)})"
        if k in ("mod", "div"):
            # A literal, non-zero divisor: division by zero is an error in both engines.
            op = "%" if k == "mod" else "/"
            return f"({self.int_expr(sc, d - 1)} {op} {r.choice([-3, -2, 2, 3, 4])})"
        if k == "abs":
            return f"abs({self.int_expr(sc, d - 1)})"
        if k == "neg":
            return f"-({self.int_expr(sc, d - 1)})"
        if k == "coalesce":
            return f"coalesce({self.int_expr(sc, d - 1)}, {self.int_expr(sc, d - 1)})"
        if k == "case":
            return f"CASE WHEN {self.case_cond(sc, d - 1)} THEN {self.int_expr(sc, d - 1)} ELSE {self.int_expr(sc, d - 1)} END"
        return f"size({self.str_expr(sc, d - 1)})"

    def str_expr(self, sc, d=2):
        r = self.r
        leaves = ["lit"] + (["nprop"] * 3 if sc.nodes else []) + (["rprop"] if sc.rels else [])
        # Kuzu's `+` on strings skips nulls (K5), so concatenation only on request.
        extra = ["concat"] if self.known else []
        k = r.choice(leaves) if d <= 0 else r.choice(leaves * 2 + extra + ["upper", "lower", "coalesce", "case"])
        if k == "lit":
            return lit(r.choice(WORDS))
        if k == "nprop":
            return f"{r.choice(sc.nodes)}.{r.choice(NODE_STR)}"
        if k == "rprop":
            return f"{r.choice(sc.rels)}.{r.choice(REL_STR)}"
        if k == "concat":
            return f"({self.str_expr(sc, d - 1)} + {self.str_expr(sc, d - 1)})"
        if k == "upper":
            return f"toUpper({self.str_expr(sc, d - 1)})"
        if k == "lower":
            return f"toLower({self.str_expr(sc, d - 1)})"
        if k == "coalesce":
            return f"coalesce({self.str_expr(sc, d - 1)}, {self.str_expr(sc, d - 1)})"
        return f"CASE WHEN {self.case_cond(sc, d - 1)} THEN {self.str_expr(sc, d - 1)} ELSE {self.str_expr(sc, d - 1)} END"

    def case_cond(self, sc, d):
        """A CASE condition; Kuzu takes the ELSE branch of `CASE WHEN x IN [..]` (B2)."""
        while True:
            e = self.bool_expr(sc, d)
            if self.known or " IN [" not in e:
                return e

    def bool_expr(self, sc, d=2):
        r = self.r
        kinds = ["icmp", "icmp", "scmp", "null", "strop", "in"]
        if d > 0:
            kinds += ["and", "or", "not", "xor"]
        k = r.choice(kinds)
        if k == "icmp":
            return f"{self.int_expr(sc, d - 1)} {r.choice(['=', '<>', '<', '<=', '>', '>='])} {self.int_expr(sc, d - 1)}"
        if k == "scmp":
            return f"{self.str_expr(sc, d - 1)} {r.choice(['=', '<>', '<', '<=', '>', '>='])} {self.str_expr(sc, d - 1)}"
        if k == "null":
            e = self.int_expr(sc, d - 1) if r.random() < 0.6 else self.str_expr(sc, d - 1)
            return f"{e} IS {r.choice(['', 'NOT '])}NULL"
        if k == "strop":
            op = r.choice(["STARTS WITH", "ENDS WITH", "CONTAINS"])
            if op == "CONTAINS" and not self.known:
                # Kuzu says no string contains '' (K4): a non-empty literal to look for.
                return f"{self.str_expr(sc, d - 1)} CONTAINS {lit(r.choice([w for w in WORDS if w]))}"
            return f"{self.str_expr(sc, d - 1)} {op} {self.str_expr(sc, d - 1)}"
        if k == "in":
            items = [str(r.randint(-3, 6)) for _ in range(r.randint(0 if self.known else 1, 3))]
            # Kuzu answers false where openCypher says null for `x IN [.., null]` without
            # a match (DIFFERENTIAL.md, K3), so nulls go into IN lists only on request.
            if self.known and r.random() < 0.4:
                items.append("null")
            return f"{self.int_expr(sc, d - 1)} IN [{', '.join(items)}]"
        if k == "not":
            return f"NOT ({self.bool_expr(sc, d - 1)})"
        op = {"and": "AND", "or": "OR", "xor": "XOR"}[k]
        return f"({self.bool_expr(sc, d - 1)} {op} {self.bool_expr(sc, d - 1)})"

    def any_expr(self, sc, d=2):
        k = self.r.random()
        if k < 0.5:
            return self.int_expr(sc, d)
        if k < 0.8:
            return self.str_expr(sc, d)
        return self.bool_expr(sc, d)

    # -- patterns
    def node(self, var):
        r = self.r
        label = f":{r.choice(LABELS)}" if r.random() < 0.5 else ""
        props = ""
        if r.random() < 0.1:
            props = f" {{x: {r.randint(-3, 6)}}}"
        return f"({var}{label}{props})"

    def rel(self, var, typ=None):
        r = self.r
        if typ is None:
            typ = r.choice(TYPES) if r.random() < 0.6 else ""
        body = f"[{var}{':' + typ if typ else ''}]"
        d = r.random()
        if d < 0.4:
            return f"-{body}->"
        if d < 0.8:
            return f"<-{body}-"
        return f"-{body}-"

    def match(self, sc):
        r = self.r
        shape = r.random()
        if shape < 0.3:
            sc.nodes.append("a")
            return f"MATCH {self.node('a')}"
        if shape < 0.7:
            sc.nodes += ["a", "b"]
            sc.rels.append("r")
            return f"MATCH {self.node('a')}{self.rel('r')}{self.node('b')}"
        if shape < 0.9:
            sc.nodes += ["a", "b", "c"]
            sc.rels += ["r", "q"]
            # Kuzu does not keep the relationships of one pattern distinct (K1); with
            # different types they are distinct anyway.
            if self.known:
                t1, t2 = r.choice(TYPES + [""]), r.choice(TYPES + [""])
            else:
                t1, t2 = r.sample(TYPES, 2)
            return f"MATCH {self.node('a')}{self.rel('r', t1)}{self.node('b')}{self.rel('q', t2)}{self.node('c')}"
        sc.nodes += ["a", "b"]
        return f"MATCH {self.node('a')}, {self.node('b')}"

    def query(self):
        """(text, ordered, unordered_list_columns, {column: aggregate kind})."""
        r = self.r
        sc = Scope()
        clauses = []
        if r.random() < 0.2:
            items = [str(r.randint(-3, 6)) for _ in range(r.randint(0, 4))]
            if r.random() < 0.3:
                items.insert(r.randint(0, len(items)), "null")
            clauses.append(f"UNWIND [{', '.join(items)}] AS u")
            sc.ints.append("u")
        if not clauses or r.random() < 0.85:
            clauses.append(self.match(sc))
            if r.random() < 0.6:
                clauses.append(f"WHERE {self.bool_expr(sc)}")
        if sc.nodes and r.random() < 0.25:
            src = r.choice(sc.nodes)
            clauses.append(f"OPTIONAL MATCH ({src}){self.rel('o', r.choice(TYPES + ['']))}{self.node('d')}")
            sc.nodes.append("d")
            sc.rels.append("o")
            if r.random() < 0.4:
                clauses.append(f"WHERE {self.bool_expr(sc, 1)}")
        if r.random() < 0.15:
            # A WITH that filters on a computed value, then the RETURN reads only it.
            # Kuzu rejects a WITH ... WHERE that reads a variable the WITH did not project
            # (K8), so the condition reads only `v` unless asked.
            e = self.int_expr(sc)
            after = Scope()
            after.ints.append("v")
            cond = self.bool_expr(sc if self.known else after, 1)
            clauses.append(f"WITH {e} AS v WHERE v IS NOT NULL OR {cond}")
            sc = after
        unordered = set()
        aggs = {}
        cols = []
        if r.random() < 0.4:
            for i in range(r.randint(0, 2)):
                cols.append(f"{self.any_expr(sc)} AS k{i}")
            chosen = []
            for i in range(r.randint(1, 2)):
                agg = r.choice(["count*", "count", "countd", "sum", "min", "max", "collect", "collectd", "avg"])
                # Kuzu loses the plain aggregates of a query that also has a DISTINCT one
                # and grouping keys (B1): one kind or the other, unless asked.
                if not self.known and len(cols) > len(aggs) and chosen:
                    distinct_kinds = ("countd", "collectd")
                    if (agg in distinct_kinds) != (chosen[0] in distinct_kinds):
                        agg = chosen[0]
                chosen.append(agg)
                c = len(cols)
                if agg == "count*":
                    e = "count(*)"
                elif agg == "count":
                    e = f"count({self.any_expr(sc)})"
                elif agg == "countd":
                    e = f"count(DISTINCT {self.any_expr(sc)})"
                elif agg in ("sum", "avg"):
                    e = f"{agg}({self.int_expr(sc)})"
                elif agg in ("min", "max"):
                    e = f"{agg}({self.int_expr(sc) if r.random() < 0.6 else self.str_expr(sc)})"
                else:
                    e = f"collect({'DISTINCT ' if agg == 'collectd' else ''}{self.any_expr(sc)})"
                    unordered.add(c)
                aggs[c] = agg
                cols.append(f"{e} AS g{i}")
            distinct = False
        else:
            for i in range(r.randint(1, 3)):
                cols.append(f"{self.any_expr(sc)} AS c{i}")
            distinct = r.random() < 0.3
        text = " ".join(clauses) + " RETURN " + ("DISTINCT " if distinct else "") + ", ".join(cols)
        ordered = False
        sums = any(a in ("sum", "collect", "collectd") for a in aggs.values())
        if not unordered and (self.known or not sums) and r.random() < 0.35:
            # Ordering by every column makes the order, and so any LIMIT, deterministic.
            keys = [c.rsplit(" AS ", 1)[1] + r.choice(["", " DESC"]) for c in cols]
            r.shuffle(keys)
            text += " ORDER BY " + ", ".join(keys)
            if r.random() < 0.3:
                text += f" SKIP {r.randint(0, 3)}"
            if r.random() < 0.7:
                text += f" LIMIT {r.randint(0, 5)}"
            ordered = True
        return text, ordered, unordered, aggs


# ---------------------------------------------------------------------------- engines


class Meridian:
    """One `meridian run -` process per graph, one JSON line per statement."""

    def __init__(self, binary):
        self.p = subprocess.Popen(
            [str(binary), "run", "--empty", "--keep-going", "--format", "json", "--timeout", str(STATEMENT_TIMEOUT_S / 2), "-"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.buf = b""

    def run(self, text):
        """{'columns', 'rows'} or {'error'}; {'crash'} when the process dies or hangs."""
        try:
            self.p.stdin.write(text.encode() + b";\n")
            self.p.stdin.flush()
        except (BrokenPipeError, OSError) as e:
            return {"crash": f"write failed: {e}"}
        deadline = time.monotonic() + STATEMENT_TIMEOUT_S
        fd = self.p.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return {"crash": "no answer within the statement timeout"}
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return {"crash": f"process ended, status {self.p.poll()}"}
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        out = json.loads(line)
        if "error" in out:
            return {"error": out["error"]}
        return {"columns": out["columns"], "rows": out["rows"]}

    def close(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


class Kuzu:
    def __init__(self, nodes, rels):
        import kuzu

        self.db = kuzu.Database(":memory:")
        self.conn = kuzu.Connection(self.db)
        self.conn.set_query_timeout(int(STATEMENT_TIMEOUT_S * 1000))
        kuzu_load(self.conn, nodes, rels)

    def close(self):
        # Closing explicitly, before the next database opens, keeps Kuzu's allocator
        # happy over thousands of databases in one process.
        self.conn.close()
        self.db.close()

    def run(self, text):
        try:
            res = self.conn.execute(text)
            return {"columns": res.get_column_names(), "rows": [list(row) for row in res.get_all()]}
        except Exception as e:  # Kuzu reports every failure as a RuntimeError
            return {"error": str(e).splitlines()[0][:300]}


# ---------------------------------------------------------------------------- comparison


def canon(v, loose, unordered=False):
    """A hashable, totally ordered key; `loose` lets 2 and 2.0 meet."""
    if v is None:
        return (0,)
    if isinstance(v, bool):
        return (1, v)
    if isinstance(v, Decimal):
        v = int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, int):
        return (2, float(v)) if loose else (2, "i", v)
    if isinstance(v, float):
        key = float(f"{v:.12g}")
        return (2, key) if loose else (2, "f", key)
    if isinstance(v, str):
        return (3, v)
    if isinstance(v, list):
        items = [canon(x, loose) for x in v]
        if unordered:
            items.sort(key=repr)
        return (4, tuple(items))
    if isinstance(v, dict):
        return (5, tuple(sorted((k, canon(x, loose)) for k, x in v.items())))
    return (6, repr(v))


def rows_key(rows, ordered, unordered, loose):
    keyed = [tuple(canon(v, loose, i in unordered) for i, v in enumerate(row)) for row in rows]
    return keyed if ordered else Counter(keyed)


def openCypher_empty_aggregates(rows, aggs):
    """Kuzu's null for sum() and collect() of no values as openCypher's 0 and [] (K6)."""
    out = []
    for row in rows:
        row = list(row)
        for c, kind in aggs.items():
            if c < len(row) and row[c] is None:
                if kind == "sum":
                    row[c] = 0
                elif kind in ("collect", "collectd"):
                    row[c] = []
        out.append(row)
    return out


def compare(m, k, ordered, unordered, aggs, include_known):
    """None when the engines agree, else the kind of disagreement."""
    if "crash" in m:
        return "meridian-crash"
    if "error" in k:
        return None  # outside what Kuzu accepts; counted, not judged
    if "error" in m:
        return "meridian-error"
    if not include_known:
        k = dict(k, rows=openCypher_empty_aggregates(k["rows"], aggs))
    if rows_key(m["rows"], ordered, unordered, False) == rows_key(k["rows"], ordered, unordered, False):
        return None
    if rows_key(m["rows"], ordered, unordered, True) == rows_key(k["rows"], ordered, unordered, True):
        return "numeric-type"
    return "rows"


def jsonable(v):
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, list):
        return [jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


# ---------------------------------------------------------------------------- driver


def triage(rec):
    """Which known Kuzu deviation (K) or Kuzu bug (B) of DIFFERENTIAL.md explains a record."""
    q = rec["query"]
    ret = q.rsplit(" RETURN ", 1)[-1]
    has_keys = " AS k0" in ret
    distinct_agg = "count(DISTINCT" in ret or "collect(DISTINCT" in ret
    plain_agg = any(f in ret.replace("count(DISTINCT", "").replace("collect(DISTINCT", "") for f in ("count(", "sum(", "min(", "max(", "avg(", "collect("))
    if rec["verdict"] == "rows" and has_keys and distinct_agg and plain_agg:
        return "B1"
    if "IN []" in q:
        return "K7"
    if rec["verdict"] == "rows" and "CASE WHEN" in q and " IN [" in q:
        return "B2"
    if rec["verdict"] == "rows" and rec["ordered"] and ("sum(" in ret or "collect(" in ret):
        return "K6"
    if rec["verdict"] == "rows" and " OPTIONAL MATCH " in q and " WHERE " in q.split(" OPTIONAL MATCH ", 1)[1]:
        return "B3"
    if rec["verdict"] == "rows" and (re.search(r"MATCH \(a[^)]*\), \(b", q) or re.search(r"\b[a-z]\.[a-z]+ = u\b", q)) and "=" in q:
        return "B4"
    return "unexplained"


def replay(args):
    """Re-run one query on one generated graph, for judging and shrinking a disagreement."""
    nodes, rels = gen_graph(random.Random(f"{args.seed}/graph/{args.graph}"), args.max_nodes, args.self_loops)
    script = meridian_script(nodes, rels)
    print(f"graph: {script}")
    mer = Meridian(ROOT / "target" / "release" / "meridian")
    if script:
        mer.run(script)
    kz = Kuzu(nodes, rels)
    print("meridian:", json.dumps(jsonable(mer.run(args.replay))))
    print("kuzu:    ", json.dumps(jsonable(kz.run(args.replay))))
    mer.close()
    kz.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600, help="stop after this long (default 600)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--queries-per-graph", type=int, default=60)
    ap.add_argument("--max-nodes", type=int, default=12)
    ap.add_argument("--self-loops", action="store_true", help="allow self-loops (Kuzu deviation K2)")
    ap.add_argument("--include-known", action="store_true", help="also generate the known deviations of DIFFERENTIAL.md")
    ap.add_argument("--python", help="an interpreter with kuzu installed, instead of bench-env/")
    ap.add_argument("--no-build", action="store_true", help="use target/release/meridian as it is")
    ap.add_argument("--out", help="disagreements file (default bench-data/differential/seed-N.jsonl)")
    ap.add_argument("--replay", metavar="QUERY", help="run QUERY on graph --graph of --seed in both engines and print both results")
    ap.add_argument("--graph", type=int, default=0, help="with --replay: which graph of the seed")
    ap.add_argument("--triage", metavar="JSONL", help="sort the disagreements of a run by known cause; print the unexplained ones")
    ap.add_argument("--one-graph", type=int, help=argparse.SUPPRESS)  # the child process of one graph
    args = ap.parse_args()
    ensure_kuzu(args)
    import kuzu

    if args.replay:
        replay(args)
        return
    if args.triage:
        counts = Counter()
        for line in Path(args.triage).read_text().splitlines():
            rec = json.loads(line)
            t = triage(rec)
            counts[t] += 1
            if t == "unexplained":
                print(json.dumps(rec))
        print(json.dumps(counts, indent=2))
        return

    binary = ROOT / "target" / "release" / "meridian"
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "meridian"], cwd=ROOT, check=True)
    out = Path(args.out) if args.out else ROOT / "bench-data" / "differential" / f"seed-{args.seed}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    log = out.open("a" if args.one_graph is not None else "w")

    began = time.monotonic()
    if args.one_graph is not None:
        run_graph(args, binary, log, args.one_graph, began)
        return
    # Each graph runs in a child process: Kuzu 0.11.3 sometimes aborts the whole process
    # (a glibc heap assertion), and then only that graph is lost, not the run.
    stats = Counter()
    aborts = []
    graph_no = 0
    log.close()
    while time.monotonic() - began < args.seconds:
        left = args.seconds - (time.monotonic() - began)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--no-build", "--seed", str(args.seed),
               "--queries-per-graph", str(args.queries_per_graph), "--max-nodes", str(args.max_nodes),
               "--seconds", str(left), "--out", str(out), "--one-graph", str(graph_no)]
        cmd += ["--self-loops"] if args.self_loops else []
        cmd += ["--include-known"] if args.include_known else []
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
        lines = proc.stdout.splitlines()
        done = [json.loads(x[6:]) for x in lines if x.startswith("STATS ")]
        if done:
            stats.update(done[-1])
        else:
            last = [x for x in lines if x.startswith("QUERY ")]
            stats["kuzu-abort"] += 1
            aborts.append({"graph": graph_no, "status": proc.returncode, "last_query": last[-1][6:] if last else None})
            stats["queries"] += len(last)
        graph_no += 1
    stats["graphs"] = graph_no
    summary = {"seconds": round(time.monotonic() - began, 1), "seed": args.seed, "kuzu": kuzu.__version__, **stats,
               "aborted_graphs": aborts, "disagreements_file": str(out)}
    print(json.dumps(summary, indent=2))


def run_graph(args, binary, log, graph_no, began):
    """Load graph `graph_no` into both engines and run its queries (in a child process)."""
    stats = Counter()
    grng = random.Random(f"{args.seed}/graph/{graph_no}")
    nodes, rels = gen_graph(grng, args.max_nodes, args.self_loops)
    script = meridian_script(nodes, rels)
    mer = Meridian(binary)
    if script:
        res = mer.run(script)
        if "rows" not in res:
            sys.exit(f"meridian could not load graph {graph_no}: {res}")
    kz = Kuzu(nodes, rels)
    for qno in range(args.queries_per_graph):
        if time.monotonic() - began >= args.seconds:
            break
        qrng = random.Random(f"{args.seed}/query/{graph_no}/{qno}")
        text, ordered, unordered, aggs = QueryGen(qrng, args.include_known).query()
        print(f"QUERY {text}", flush=True)
        m = mer.run(text)
        if "crash" in m:
            mer.close()
            mer = Meridian(binary)
            if script:
                mer.run(script)
        k = kz.run(text)
        stats["queries"] += 1
        if "error" in k:
            stats["kuzu-error"] += 1
            if "error" in m:
                stats["both-error"] += 1
        verdict = compare(m, k, ordered, unordered, aggs, args.include_known)
        if verdict is None:
            if "error" not in k:
                stats["agreed"] += 1
            continue
        stats[verdict] += 1
        rec = {
            "verdict": verdict,
            "seed": args.seed,
            "graph": graph_no,
            "query_no": qno,
            "graph_script": script,
            "query": text,
            "ordered": ordered,
            "meridian": jsonable(m),
            "kuzu": jsonable(k),
        }
        log.write(json.dumps(rec) + "\n")
        log.flush()
        print(f"[{verdict}] graph {graph_no} query {qno}: {text}", file=sys.stderr)
    mer.close()
    kz.close()
    print("STATS " + json.dumps(stats), flush=True)


if __name__ == "__main__":
    main()
