#!/usr/bin/env python3
"""Write the fuzzers' seed corpora into fuzz/corpus/<target>/ (git-ignored).

Statement seeds (parse, pipeline): the query docstrings of the openCypher TCK
(../shared/tck/features, relative to the repository root) and the statements of
queries/*.cypher. CSV seeds: every CSV file of the repository plus the shipped graph
exported as CSV. Database seeds: the wal and snapshot of small databases made with the
meridian binary (built first with `cargo build`), in the db_open target's input layout:
one mode byte, the snapshot, "\\n--\\n", the log.

Usage: python3 fuzz/make_seeds.py   (from the repository root or from fuzz/)
"""

import hashlib
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
MAX_SEED = 4096


def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    if not data or len(data) > MAX_SEED:
        return False
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return True


def tck_queries():
    features = ROOT.parent / "shared" / "tck" / "features"
    for path in sorted(features.rglob("*.feature")):
        lines = path.read_text(errors="replace").splitlines()
        inside, buf = False, []
        for line in lines:
            if line.strip() == '"""':
                if inside:
                    yield "\n".join(buf)
                    buf = []
                inside = not inside
            elif inside:
                buf.append(line.strip())


def golden_statements():
    for path in sorted((ROOT / "queries").glob("*.cypher")):
        # Statements end at a ';' at the end of a line; good enough for seeds.
        for st in re.split(r";\s*\n", path.read_text(errors="replace")):
            st = st.strip()
            if st:
                yield st


def statement_seeds():
    n = 0
    for q in list(tck_queries()) + list(golden_statements()):
        if put("parse", q):
            put("pipeline", q)
            n += 1
    return n


def csv_seeds(binary):
    n = 0
    for path in ROOT.rglob("*.csv"):
        if "target" in path.parts or "corpus" in path.parts:
            continue
        data = path.read_bytes()[:MAX_SEED - 1]
        n += put("csv_import", b"\x00" + data)
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "csv"
        r = subprocess.run([binary, "export", "--format", "csv", "--output", str(out)], capture_output=True)
        if r.returncode == 0:
            nodes = (out / "nodes.csv").read_bytes()
            rels = (out / "relationships.csv").read_bytes()
            for mode in range(8):
                n += put("csv_import", bytes([mode]) + nodes[:2000] + b"\x00" + rels[:2000])
    return n


def db_seeds(binary):
    n = 0
    scripts = [
        "CREATE (:A {x: 1})",
        "CREATE (a:A {s: 'x', f: 1.5, l: [1, 2]})-[:R {w: 0.0/0.0}]->(b:B)",
        "CREATE (a:A), (b:B), (a)-[:R]->(b), (b)-[:S]->(a); MATCH (a:A) SET a.y = 'z'; MATCH (b:B) DETACH DELETE b",
    ]
    for i, script in enumerate(scripts):
        with tempfile.TemporaryDirectory() as tmp:
            db = pathlib.Path(tmp) / "db"
            for st in script.split("; "):
                subprocess.run([binary, "--db", str(db), "query", st], capture_output=True)
            snap, wal = (db / "snapshot").read_bytes(), (db / "wal").read_bytes()
            for mode in (0, 1):
                n += put("db_open", bytes([mode]) + snap + b"\n--\n" + wal)
            # The same data after a checkpoint: a non-empty snapshot and an empty log.
            init = pathlib.Path(tmp) / "init.cypher"
            init.write_text(script + ";\n")
            db2 = pathlib.Path(tmp) / "db2"
            subprocess.run([binary, "--db", str(db2), "--init-from", str(init), "query", "RETURN 1"],
                           capture_output=True)
            if (db2 / "snapshot").exists():
                snap2, wal2 = (db2 / "snapshot").read_bytes(), (db2 / "wal").read_bytes()
                n += put("db_open", b"\x00" + snap2 + b"\n--\n" + wal2)
                n += put("db_open", b"\x00" + snap2 + b"\n--\n" + wal)
    return n


def main():
    binary = ROOT / "target" / "debug" / "meridian"
    if not binary.exists():
        subprocess.run(["cargo", "build", "--bin", "meridian"], cwd=ROOT, check=True)
    print("statement seeds:", statement_seeds())
    print("csv seeds:", csv_seeds(str(binary)))
    print("db seeds:", db_seeds(str(binary)))


if __name__ == "__main__":
    sys.exit(main())
