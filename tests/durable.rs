//! The durable database (`--db DIR`): explicit transactions, the write-ahead log's crash
//! safety (torn final records at every byte offset, corruption reported with file and
//! offset, a killed writer loses no acknowledged write), the writer lock between
//! processes, concurrent read-only opens, a simulated full disk, and replay reproducing
//! ids exactly across checkpoints. Uses the library API and the real binary.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use meridian::{Engine, Params};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("durable-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn exec(e: &mut Engine, q: &str) -> meridian::QueryOutput {
    match e.execute(q, &Params::new()) {
        Ok(out) => out,
        Err(err) => panic!("{q}: {err}"),
    }
}

/// Everything observable, ids included, as text.
fn dump(e: &mut Engine) -> String {
    let nodes = exec(e, "MATCH (n) RETURN id(n) AS i, labels(n) AS l, properties(n) AS p ORDER BY i");
    let rels = exec(
        e,
        "MATCH (a)-[r]->(b) RETURN id(r) AS i, type(r) AS t, id(a) AS s, id(b) AS e, properties(r) AS p ORDER BY i",
    );
    let mut s = String::new();
    for row in nodes.rows.iter().chain(&rels.rows) {
        let cells: Vec<String> = row.iter().map(|v| v.to_string()).collect();
        s.push_str(&cells.join(" "));
        s.push('\n');
    }
    s
}

/// `Engine::open_db`, waiting out a lock that only looks taken: a process that another
/// test thread is spawning holds a copy of every descriptor of this process, the
/// writer lock's included, from its fork until its exec, so the lock of an engine just
/// dropped here can outlive it by a moment.
fn open_retry(dir: &Path, read_only: bool) -> Result<Engine, meridian::Error> {
    let mut tries = 0;
    loop {
        match Engine::open_db(dir, read_only) {
            Err(e) if e.message.contains("open for writing in another process") && tries < 200 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

fn open_writer(dir: &Path) -> Engine {
    open_retry(dir, false).unwrap_or_else(|e| panic!("open {}: {e}", dir.display()))
}

fn meridian() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meridian"));
    cmd.env("XDG_DATA_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd
}

#[test]
fn committed_statements_survive_reopen_and_transactions_commit_as_one() {
    let dir = scratch("reopen");
    let mut e = open_writer(&dir);
    exec(&mut e, "CREATE (:P {name: 'a', x: 0.0/0.0, y: -1.0/0.0, l: [1.5, 2.0]})");
    e.begin_transaction().unwrap();
    assert!(e.in_transaction());
    exec(&mut e, "CREATE (:P {name: 'b'})");
    // A failing statement inside the transaction undoes only itself.
    assert!(e.execute("CREATE (:P {name: 'bad'}) WITH 1 AS one RETURN 1/0", &Params::new()).is_err());
    exec(&mut e, "MATCH (a:P {name: 'a'}), (b:P {name: 'b'}) CREATE (a)-[:R {w: 1}]->(b)");
    e.commit_transaction().unwrap();
    e.begin_transaction().unwrap();
    exec(&mut e, "MATCH (n) DETACH DELETE n");
    e.rollback_transaction().unwrap();
    assert!(e.commit_transaction().is_err(), "nothing open");
    let before = dump(&mut e);
    assert!(before.contains("NaN") && before.contains("-Infinity"), "{before}");
    drop(e);
    let mut e = open_writer(&dir);
    assert_eq!(dump(&mut e), before);
    // An uncommitted transaction is gone after the engine is dropped.
    e.begin_transaction().unwrap();
    exec(&mut e, "CREATE (:Lost)");
    drop(e);
    let mut e = Engine::open_db(&dir, true).unwrap();
    assert_eq!(dump(&mut e), before);
}

/// Random writes, failing statements, rolled-back transactions and frequent checkpoints:
/// every reopen reproduces the writer's graph exactly, ids included.
#[test]
fn replay_reproduces_ids_across_failures_and_checkpoints() {
    let dir = scratch("random");
    let mut e = open_writer(&dir);
    e.set_checkpoint_bytes(600);
    let mut seed: u64 = 42;
    let mut next = move |n: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let statements = [
        "CREATE (:A {v: $v})",
        "CREATE (:B {v: $v})-[:T {v: $v}]->(:A)",
        "MATCH (n) WITH n ORDER BY id(n) LIMIT 1 DETACH DELETE n",
        "MATCH (n:A) WITH n ORDER BY id(n) DESC LIMIT 1 DETACH DELETE n",
        "MATCH (a:A), (b:B) WITH a, b LIMIT 1 CREATE (a)-[:U]->(b)",
        "MATCH ()-[r]->() WITH r LIMIT 1 DELETE r",
        "MATCH (n:A) SET n.w = $v, n:C",
        "MATCH (n:C) REMOVE n:C, n.v",
        "CREATE (:X) WITH 1 AS one RETURN 1 / 0",
        "MATCH (n:B) SET n:Fresh",
    ];
    for round in 0..120 {
        let tx = next(5) == 0;
        if tx {
            e.begin_transaction().unwrap();
        }
        for _ in 0..=next(3) {
            let q = statements[next(statements.len() as u64) as usize];
            let mut p = Params::new();
            p.insert("v".into(), meridian::Value::Int(next(1000) as i64));
            let _ = e.execute(q, &p);
        }
        if tx {
            if next(2) == 0 { e.commit_transaction().unwrap() } else { e.rollback_transaction().unwrap() }
        }
        if round % 20 == 19 {
            let live = dump(&mut e);
            let mut r = Engine::open_db(&dir, true).unwrap();
            assert_eq!(dump(&mut r), live, "round {round}");
        }
    }
    let live = dump(&mut e);
    drop(e);
    let mut again = open_writer(&dir);
    assert_eq!(dump(&mut again), live);
}

fn frames(wal: &[u8]) -> Vec<usize> {
    // Record offsets: 8-byte header, then [len u32][crc u32][crc u32][payload].
    let mut offsets = Vec::new();
    let mut pos = 8;
    while pos + 12 <= wal.len() {
        offsets.push(pos);
        let len = u32::from_le_bytes(wal[pos..pos + 4].try_into().unwrap()) as usize;
        pos += 12 + len;
    }
    offsets
}

#[test]
fn a_torn_final_record_is_dropped_at_every_byte_offset() {
    let dir = scratch("torn");
    let mut e = open_writer(&dir);
    exec(&mut e, "CREATE (:A {v: 1})");
    exec(&mut e, "CREATE (:A {v: 2})-[:T]->(:B {s: 'x'})");
    let committed = dump(&mut e);
    exec(&mut e, "MATCH (a:A {v: 1}) SET a.v = 3, a:Z CREATE (a)-[:T {w: [1, 2]}]->(:C)");
    drop(e);
    let wal_path = dir.join("wal");
    let wal = std::fs::read(&wal_path).unwrap();
    let last = *frames(&wal).last().unwrap();
    for cut in last..wal.len() {
        let copy = scratch("torn-copy");
        std::fs::create_dir_all(&copy).unwrap();
        std::fs::copy(dir.join("snapshot"), copy.join("snapshot")).unwrap();
        std::fs::write(copy.join("wal"), &wal[..cut]).unwrap();
        // Read-only first: it must not touch the file.
        let mut r = Engine::open_db(&copy, true).unwrap_or_else(|e| panic!("cut {cut}: {e}"));
        assert_eq!(dump(&mut r), committed, "cut at {cut}");
        assert_eq!(std::fs::metadata(copy.join("wal")).unwrap().len(), cut as u64);
        // The writer drops the torn tail and appends after the last good record.
        let mut w = open_writer(&copy);
        assert_eq!(dump(&mut w), committed, "cut at {cut}");
        exec(&mut w, "CREATE (:After)");
        let expected = dump(&mut w);
        drop(w);
        let mut w = Engine::open_db(&copy, true).unwrap();
        assert_eq!(dump(&mut w), expected);
    }
    // A tail of zeros (a file extended before its data reached the disk) is torn too.
    let mut zeros = wal[..last].to_vec();
    zeros.extend(std::iter::repeat_n(0u8, 40));
    std::fs::write(&wal_path, &zeros).unwrap();
    let mut r = Engine::open_db(&dir, true).unwrap();
    assert_eq!(dump(&mut r), committed);
}

#[test]
fn corruption_before_the_last_record_stops_the_open_naming_file_and_offset() {
    let dir = scratch("corrupt");
    let mut e = open_writer(&dir);
    for i in 0..3 {
        exec(&mut e, &format!("CREATE (:A {{v: {i}}})"));
    }
    drop(e);
    let wal_path = dir.join("wal");
    let wal = std::fs::read(&wal_path).unwrap();
    let offsets = frames(&wal);
    let second = offsets[1];
    // Every byte of the second record, header included.
    for i in second..offsets[2] {
        let mut bad = wal.clone();
        bad[i] ^= 0x5A;
        std::fs::write(&wal_path, &bad).unwrap();
        for read_only in [true, false] {
            let err = open_retry(&dir, read_only).err().unwrap_or_else(|| panic!("byte {i} accepted"));
            assert!(err.message.contains(&format!("{}", wal_path.display())), "{}", err.message);
            assert!(err.message.contains(&format!("byte offset {second}")), "byte {i}: {}", err.message);
        }
        assert_eq!(std::fs::read(&wal_path).unwrap(), bad, "nothing is overwritten");
    }
    std::fs::write(&wal_path, &wal).unwrap();
    // A flipped byte in the snapshot.
    let snap_path = dir.join("snapshot");
    let snap = std::fs::read(&snap_path).unwrap();
    for i in [0, 9, 17, snap.len() - 1] {
        let mut bad = snap.clone();
        bad[i] ^= 1;
        std::fs::write(&snap_path, &bad).unwrap();
        let err = open_retry(&dir, false).err().unwrap();
        assert!(err.message.contains("snapshot") && err.message.contains("byte offset"), "{}", err.message);
        assert_eq!(std::fs::read(&snap_path).unwrap(), bad);
    }
    std::fs::write(&snap_path, &snap).unwrap();
    let mut e = open_writer(&dir);
    assert_eq!(exec(&mut e, "MATCH (n) RETURN count(n)").rows[0][0].to_string(), "3");
}

#[test]
fn a_failed_log_write_fails_the_statement_and_changes_nothing() {
    let dir = scratch("full");
    let mut e = open_writer(&dir);
    exec(&mut e, "CREATE (:A)");
    let before = dump(&mut e);
    e.fail_next_log_write();
    let err = e.execute("CREATE (:B)", &Params::new()).unwrap_err();
    assert!(err.message.contains("no space left"), "{}", err.message);
    assert_eq!(dump(&mut e), before);
    // The partial frame was cut: the next write and a reopen work.
    exec(&mut e, "CREATE (:C)");
    let after = dump(&mut e);
    drop(e);
    let mut e = open_writer(&dir);
    assert_eq!(dump(&mut e), after);
    // The same inside an explicit transaction: the commit fails and the transaction stays open.
    e.begin_transaction().unwrap();
    exec(&mut e, "CREATE (:D)");
    e.fail_next_log_write();
    assert!(e.commit_transaction().is_err());
    assert!(e.in_transaction());
    e.commit_transaction().unwrap();
}

#[test]
fn a_second_writer_is_refused_while_readers_work() {
    let dir = scratch("lock");
    let mut writer = meridian()
        .args(["--db", dir.to_str().unwrap(), "run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = writer.stdin.take().unwrap();
    let mut lines = BufReader::new(writer.stdout.take().unwrap()).lines();
    writeln!(stdin, "CREATE (:Seen {{v: 1}});").unwrap();
    stdin.flush().unwrap();
    // The result line is the acknowledgement.
    let ack = lines.by_ref().find(|l| l.as_ref().is_ok_and(|l| l.contains("Nodes created"))).is_some();
    assert!(ack);
    let second = meridian().args(["--db", dir.to_str().unwrap(), "query", "RETURN 1"]).output().unwrap();
    assert_eq!(second.status.code(), Some(2));
    let msg = String::from_utf8_lossy(&second.stderr);
    assert!(msg.contains("open for writing in another process"), "{msg}");
    let reader = meridian()
        .args(["--db", dir.to_str().unwrap(), "--read-only", "--format", "csv", "query", "MATCH (n:Seen) RETURN n.v"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&reader.stdout), "n.v\r\n1\r\n");
    drop(stdin);
    assert!(writer.wait().unwrap().success());
    // Once the writer is gone the lock is free.
    let third = meridian().args(["--db", dir.to_str().unwrap(), "query", "CREATE ()"]).output().unwrap();
    assert!(third.status.success(), "{}", String::from_utf8_lossy(&third.stderr));
}

/// A small seeded generator (PCG-style LCG): the crash test's choices are reproducible.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// One crash-test statement: a chain of three nodes and two relationships, all tagged
/// with the statement's number `g`, plus an update of a shared counter, and a `RETURN`
/// whose printed row is the acknowledgement. A statement applied in part shows as a
/// group without its three nodes, its two links, or a counter out of step.
fn chain_statement(g: u64) -> String {
    format!(
        "MERGE (c:Counter) ON CREATE SET c.n = 0 SET c.n = c.n + 1 \
         CREATE (:K {{g: {g}, i: 0}})-[:NEXT {{g: {g}}}]->(:K {{g: {g}, i: 1}})-[:NEXT {{g: {g}}}]->(:K {{g: {g}, i: 2}}) \
         RETURN 'ack-{g}' AS ack;\n"
    )
}

/// The statement numbers found whole in the database at `dir`; panics on any statement
/// found in part, a counter out of step, or a stray entity.
fn whole_groups(dir: &Path) -> std::collections::BTreeSet<u64> {
    use meridian::Value::Int;
    use std::collections::BTreeMap;
    if !Engine::db_exists(dir) {
        // Killed before the database was first created: nothing was acknowledged.
        return Default::default();
    }
    // Read-only: the test never holds the writer lock that the next writer needs.
    let mut e = Engine::open_db(dir, true).unwrap_or_else(|e| panic!("reopen: {e}"));
    let mut nodes: BTreeMap<u64, Vec<i64>> = BTreeMap::new();
    for row in exec(&mut e, "MATCH (k:K) RETURN k.g, k.i").rows {
        let [Int(g), Int(i)] = row.as_slice() else { panic!("odd node {row:?}") };
        nodes.entry(*g as u64).or_default().push(*i);
    }
    let mut links: BTreeMap<u64, Vec<(i64, i64)>> = BTreeMap::new();
    for row in exec(&mut e, "MATCH (a:K)-[x]->(b:K) RETURN x.g, a.g, a.i, b.g, b.i").rows {
        let [Int(g), Int(ag), Int(ai), Int(bg), Int(bi)] = row.as_slice() else { panic!("odd link {row:?}") };
        assert!(ag == g && bg == g, "a link across statements: {row:?}");
        links.entry(*g as u64).or_default().push((*ai, *bi));
    }
    for (g, is) in &mut nodes {
        is.sort();
        assert_eq!(is, &[0, 1, 2], "statement {g} is there in part (nodes)");
        let l = links.entry(*g).or_default();
        l.sort();
        assert_eq!(l, &[(0, 1), (1, 2)], "statement {g} is there in part (links)");
    }
    assert!(links.keys().all(|g| nodes.contains_key(g)), "links without their nodes");
    let counter = exec(&mut e, "MATCH (c:Counter) RETURN c.n").rows;
    let n = match counter.as_slice() {
        [] => 0,
        [row] => match row.as_slice() {
            [Int(n)] => *n as usize,
            other => panic!("counter {other:?}"),
        },
        more => panic!("{} counters", more.len()),
    };
    assert_eq!(n, nodes.len(), "the counter disagrees with the statements present");
    let total = exec(&mut e, "MATCH (n) RETURN count(n)").rows[0][0].to_string();
    assert_eq!(total, (nodes.len() * 3 + usize::from(n > 0)).to_string(), "stray nodes");
    nodes.into_keys().collect()
}

/// The crash test. Each round starts `meridian --db DIR run -` with its input and output
/// through pipes, and a second thread kills it with SIGKILL after a random delay, while
/// the main thread writes statements (alone, or three inside `:begin`/`:commit`) and
/// reads each acknowledgement (the printed result; for a transaction the printed
/// commit) before writing the next. Checkpoints are made frequent so that some kills
/// land inside one. After every kill the database is reopened: each acknowledged
/// statement is there in full, the unacknowledged one in flight is there whole or not at
/// all (a transaction: all its statements or none), and nothing else is there.
#[test]
fn a_killed_writer_loses_no_acknowledged_write() {
    use std::collections::BTreeSet;
    use std::sync::mpsc;
    use std::time::{Duration, Instant};
    const ROUNDS: u64 = 60;
    let seed = std::env::var("MERIDIAN_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_2026u64);
    let mut rng = Rng(seed);
    let dir = scratch("kill");
    let log = scratch("kill-stderr.txt");
    let began = Instant::now();
    let mut acknowledged: BTreeSet<u64> = BTreeSet::new();
    let mut next_group = 1u64;
    let (mut in_flight_kept, mut in_flight_lost, mut tx_acked) = (0, 0, 0);
    for round in 0..ROUNDS {
        let mut child = meridian()
            .args(["--db", dir.to_str().unwrap(), "run", "-"])
            .env("MERIDIAN_CHECKPOINT_BYTES", (2048 + rng.below(8192)).to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Kill at a random moment: during start-up and replay, between statements, while
        // one is executing or being synced, or during a checkpoint.
        let delay = Duration::from_micros(rng.below(if round % 4 == 0 { 15_000 } else { 150_000 }));
        let (tx, rx) = mpsc::channel();
        let killer = std::thread::spawn(move || {
            std::thread::sleep(delay);
            let exited_early = child.try_wait().ok().flatten();
            let _ = child.kill();
            let _ = child.wait();
            let _ = tx.send(exited_early);
        });
        // The statements written but not acknowledged when the writer died.
        let mut pending: Vec<u64>;
        loop {
            let in_tx = rng.below(4) == 0;
            let groups: Vec<u64> = (0..if in_tx { 3 } else { 1 }).map(|k| next_group + k).collect();
            next_group += groups.len() as u64;
            let mut text = String::new();
            if in_tx {
                text.push_str(":begin\n");
            }
            for g in &groups {
                text.push_str(&chain_statement(*g));
            }
            if in_tx {
                text.push_str(":commit\n");
            }
            pending = groups.clone();
            if stdin.write_all(text.as_bytes()).and_then(|_| stdin.flush()).is_err() {
                break;
            }
            let want = if in_tx { "transaction committed".to_string() } else { format!("ack-{}", groups[0]) };
            if !lines.by_ref().any(|l| l.is_ok_and(|l| l.contains(&want))) {
                break; // the writer is gone
            }
            acknowledged.extend(&groups);
            tx_acked += usize::from(in_tx);
            pending.clear();
        }
        drop(stdin);
        if let Some(status) = rx.recv().unwrap() {
            panic!("round {round}: the writer exited by itself ({status}): {}", std::fs::read_to_string(&log).unwrap());
        }
        killer.join().unwrap();
        let found = whole_groups(&dir);
        let missing: Vec<_> = acknowledged.difference(&found).collect();
        assert!(missing.is_empty(), "round {round} (seed {seed}): acknowledged statements lost: {missing:?}");
        let extra: Vec<u64> = found.difference(&acknowledged).copied().collect();
        if extra.is_empty() {
            in_flight_lost += usize::from(!pending.is_empty());
        } else {
            // Only the statements in flight may be there, and a transaction only whole.
            assert_eq!(extra, pending, "round {round} (seed {seed}): unexpected statements");
            in_flight_kept += 1;
            acknowledged.extend(extra);
        }
    }
    // A writer's open (which drops a torn tail) sees the same.
    drop(open_writer(&dir));
    assert_eq!(whole_groups(&dir), acknowledged);
    eprintln!(
        "crash test: {ROUNDS} kills, {} statements acknowledged ({tx_acked} transactions), in flight at the kill: {in_flight_kept} kept whole, {in_flight_lost} absent, {:.1}s",
        acknowledged.len(),
        began.elapsed().as_secs_f64()
    );
    // A slow machine gets fewer statements through before each kill, but some must.
    assert!(acknowledged.len() >= 10, "too few statements got through to test anything");
}

#[test]
fn init_from_seeds_a_new_database_only() {
    let dir = scratch("init");
    let script = scratch("init-script.cypher");
    std::fs::write(&script, "CREATE (:S {v: 1});\nCREATE (:S {v: 2});\n").unwrap();
    let args = ["--db", dir.to_str().unwrap(), "--init-from", script.to_str().unwrap(), "--format", "csv"];
    let out = meridian().args(args).args(["query", "MATCH (n:S) RETURN sum(n.v) AS s"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "s\r\n3\r\n", "{}", String::from_utf8_lossy(&out.stderr));
    let again = meridian().args(args).args(["query", "RETURN 1"]).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    // A failing seed script leaves no database.
    let bad = scratch("init-bad");
    std::fs::write(&script, "CREATE (:S);\nRETURN 1/0;\n").unwrap();
    let out = meridian()
        .args(["--db", bad.to_str().unwrap(), "--init-from", script.to_str().unwrap(), "query", "RETURN 1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!Engine::db_exists(&bad));
    let _ = Path::new("");
}

/// A graph with every property type, awkward strings and non-finite floats: export to
/// CSV, import into a new database, export again: the same text; Cypher and JSON Lines
/// exports are equal before and after too.
#[test]
fn csv_export_import_round_trip_is_lossless() {
    let mut e = Engine::new();
    exec(
        &mut e,
        "CREATE (a:A:B {i: -9007199254740993, f: 0.1, nan: 0.0/0.0, inf: -1.0/0.0, t: true, s: 'comma, \"quote\"\nnewline', \
         empty: '', sp: ' padded ', ls: ['x', 'y z'], li: [1, 2], lf: [1.5, 2.0], lb: [true, false], le: []}), \
         (b:A {i: 'now a string'}), (c), (a)-[:R {w: 1.0, tags: ['p']}]->(b), (b)-[:R]->(b), (c)-[:`odd type`]->(a)",
    );
    let cypher = |e: &Engine| {
        let mut v = Vec::new();
        e.export_cypher(&mut v).unwrap();
        String::from_utf8(v).unwrap()
    };
    let jsonl = |e: &Engine| {
        let mut v = Vec::new();
        e.export_jsonl(&mut v).unwrap();
        String::from_utf8(v).unwrap()
    };
    let dir = scratch("csv");
    let (n, r) = e.export_csv(&dir).unwrap();
    assert_eq!((n, r), (3, 3));
    let nodes_csv = std::fs::read_to_string(dir.join("nodes.csv")).unwrap();
    assert!(nodes_csv.starts_with(":ID,:LABEL,"), "{nodes_csv}");
    assert!(nodes_csv.contains("i:long") && nodes_csv.contains("i:string") && nodes_csv.contains("NaN"), "{nodes_csv}");
    let mut back = Engine::new();
    let nodes = [(None, dir.join("nodes.csv"))];
    let rels = [(None, dir.join("relationships.csv"))];
    let n_refs: Vec<(Option<String>, &Path)> = nodes.iter().map(|(l, p)| (l.clone(), p.as_path())).collect();
    let r_refs: Vec<(Option<String>, &Path)> = rels.iter().map(|(l, p)| (l.clone(), p.as_path())).collect();
    let summary = back.import_csv(&n_refs, &r_refs, false).unwrap();
    assert_eq!((summary.nodes, summary.relationships), (3, 3));
    assert_eq!(cypher(&back), cypher(&e));
    assert_eq!(jsonl(&back), jsonl(&e));
    let dir2 = scratch("csv2");
    back.export_csv(&dir2).unwrap();
    assert_eq!(std::fs::read_to_string(dir2.join("nodes.csv")).unwrap(), nodes_csv);
    // The Cypher export loads back into the same graph.
    let mut again = Engine::new();
    again.run_script(&cypher(&e)).unwrap();
    assert_eq!(cypher(&again), cypher(&e));
    // And into a database that survives a reopen.
    let db = scratch("csv-db");
    drop(back.create_db(&db).unwrap());
    let reopened = Engine::open_db(&db, true).unwrap();
    assert_eq!(cypher(&reopened), cypher(&e));
}

#[test]
fn csv_import_reports_bad_rows_with_file_and_line() {
    let dir = scratch("bad-csv");
    std::fs::create_dir_all(&dir).unwrap();
    let people = dir.join("people.csv");
    std::fs::write(&people, "pid:ID(P),name,age:int,score:float,tags:string[],:LABEL\n1,Ann,30,1.5,a;b,Admin\n2,Bob,old,2,,\n3,Cy,40,,,\n1,Dup,1,1,,\n").unwrap();
    let knows = dir.join("knows.csv");
    std::fs::write(&knows, ":START_ID(P),:END_ID(P),since:int\n1,3,2001\n1,9,2002\n").unwrap();
    let mut e = Engine::new();
    let err =
        e.import_csv(&[(Some("Person".into()), people.as_path())], &[(Some("KNOWS".into()), knows.as_path())], false);
    let msg = err.unwrap_err().message;
    assert!(msg.contains("people.csv:3") && msg.contains("`old` is not an integer"), "{msg}");
    assert_eq!(e.counts(), (0, 0), "nothing imported");
    let s = e
        .import_csv(&[(Some("Person".into()), people.as_path())], &[(Some("KNOWS".into()), knows.as_path())], true)
        .unwrap();
    assert_eq!((s.nodes, s.relationships), (2, 1));
    assert_eq!(s.bad_rows.len(), 3, "{:?}", s.bad_rows);
    assert!(s.bad_rows[1].contains("people.csv:5") && s.bad_rows[1].contains("twice"), "{:?}", s.bad_rows);
    assert!(s.bad_rows[2].contains("knows.csv:3") && s.bad_rows[2].contains("`9`"), "{:?}", s.bad_rows);
    let out = exec(&mut e, "MATCH (a:Person:Admin)-[k:KNOWS]->(b:Person) RETURN a.pid, a.age, a.tags, k.since, b.name");
    let row: Vec<String> = out.rows[0].iter().map(|v| v.to_string()).collect();
    assert_eq!(row, ["'1'", "30", "['a', 'b']", "2001", "'Cy'"]);
}

/// `:begin`/`:commit`/`:rollback` lines in batch input: a committed transaction is one
/// durable unit, a rolled-back one leaves nothing, and one left open at the end of the
/// input is discarded with a warning and exit status 1.
#[test]
fn batch_transactions_commit_roll_back_and_discard_at_the_end() {
    let dir = scratch("batch-tx");
    let db = dir.to_str().unwrap();
    let script = "CREATE (:T {v: 1});\n:begin\nCREATE (:T {v: 2});\n// a comment\n:rollback\n:begin\n\
                  CREATE (:T {v: 3});\nCREATE (:T {v: 4});\n:commit\n:begin\nCREATE (:T {v: 5});\n";
    let mut child = meridian()
        .args(["--db", db, "run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("-- :commit (line 9)\ntransaction committed"), "{stdout}");
    assert!(stdout.contains("-- :rollback (line 5)\ntransaction rolled back"), "{stdout}");
    assert!(stderr.contains("not committed"), "{stderr}");
    let q = meridian()
        .args(["--db", db, "--format", "csv", "query", "MATCH (t:T) RETURN t.v ORDER BY t.v"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&q.stdout), "t.v\r\n1\r\n3\r\n4\r\n");
    // A `:` line inside a statement is Cypher (an error), and other commands are refused.
    let mut bad =
        meridian().args(["--empty", "run", "-"]).stdin(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    bad.stdin.take().unwrap().write_all(b":help\n").unwrap();
    let out = bad.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a batch command"));
}

fn cypher_text(e: &Engine) -> String {
    let mut v = Vec::new();
    e.export_cypher(&mut v).unwrap();
    String::from_utf8(v).unwrap()
}

/// The shipped graph through the real binary: `export --format csv`, `import` into a new
/// database, export again: the same CSV files and the same Cypher script.
#[test]
fn the_shipped_graph_round_trips_through_csv_import_and_export() {
    let csv1 = scratch("shipped-csv1");
    let csv2 = scratch("shipped-csv2");
    let db = scratch("shipped-db");
    let run = |args: &[&str]| {
        let out = meridian().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out
    };
    run(&["export", "--format", "csv", "--output", csv1.to_str().unwrap()]);
    let nodes = format!("--nodes={}", csv1.join("nodes.csv").display());
    let rels = format!("--relationships={}", csv1.join("relationships.csv").display());
    let imported = run(&["import", "--db", db.to_str().unwrap(), &nodes, &rels]);
    let said = String::from_utf8_lossy(&imported.stdout);
    assert!(said.starts_with("imported ") && said.contains("(0 bad rows skipped)"), "{said}");
    // Not a terminal: no progress line.
    assert!(!imported.stderr.contains(&b'\r'));
    run(&["--db", db.to_str().unwrap(), "export", "--format", "csv", "--output", csv2.to_str().unwrap()]);
    for f in ["nodes.csv", "relationships.csv"] {
        assert_eq!(
            std::fs::read_to_string(csv2.join(f)).unwrap(),
            std::fs::read_to_string(csv1.join(f)).unwrap(),
            "{f}"
        );
    }
    let shipped = run(&["export"]).stdout;
    let back = run(&["--db", db.to_str().unwrap(), "--read-only", "export"]).stdout;
    assert!(shipped.len() > 1000);
    assert_eq!(String::from_utf8_lossy(&back), String::from_utf8_lossy(&shipped));
    // And the counts agree with the scripts' graph.
    let mut e = Engine::new();
    for (_, text) in meridian::default_graph_scripts() {
        e.run_script(text).unwrap();
    }
    let reopened = Engine::open_db(&db, true).unwrap();
    assert_eq!(reopened.counts(), e.counts());
    assert_eq!(cypher_text(&reopened), cypher_text(&e));
}

/// A generated graph (seeded) with every property type — integers at the extremes,
/// floats with NaN and infinities, booleans, awkward strings, arrays of each element
/// type, empty arrays and strings — and several labels, types and mixed-type keys:
/// export → import → export → import gives identical text each time, and the database
/// made from it reopens the same.
#[test]
fn a_generated_graph_with_every_property_type_round_trips() {
    let mut rng = Rng(20_261_128);
    let strings = ["", " lead", "trail ", "comma, here", "quote \" here", "line\nbreak", "ünïcödé ✓", "plain", "a;b"];
    let mut script = String::new();
    let n = 150;
    for i in 0..n {
        let mut props = vec![format!("seq: {i}")];
        for key in ["p", "q", "r"] {
            let v = match rng.below(10) {
                0 => ["-9223372036854775808", "9223372036854775807", "0", "-1"][rng.below(4) as usize].to_string(),
                1 => ["0.1", "-2.5e300", "0.0/0.0", "1.0/0.0", "-1.0/0.0", "-0.0", "5e-324"][rng.below(7) as usize]
                    .to_string(),
                2 => ["true", "false"][rng.below(2) as usize].to_string(),
                3 => format!(
                    "'{}'",
                    strings[rng.below(strings.len() as u64) as usize]
                        .replace('\\', "\\\\")
                        .replace('\'', "\\'")
                        .replace('\n', "\\n")
                ),
                4 => format!("[{}, {}]", rng.below(1000) as i64 - 500, i),
                5 => "[1.5, -0.25, 0.0/0.0]".to_string(),
                6 => "[true, false, true]".to_string(),
                7 => "['x', 'y z', '', 'with, comma']".to_string(),
                8 => "[]".to_string(),
                _ => continue, // no value for this key
            };
            props.push(format!("{key}: {v}"));
        }
        let labels = ["", ":A", ":B", ":A:B", ":`odd label`"][rng.below(5) as usize];
        script.push_str(&format!("CREATE (n{labels} {{{}}});\n", props.join(", ")));
    }
    for _ in 0..2 * n {
        let (a, b) = (rng.below(n), rng.below(n));
        let ty = ["T", "U", "`odd type`"][rng.below(3) as usize];
        let w = match rng.below(4) {
            0 => " {w: 1}".to_string(),
            1 => " {w: 'one'}".to_string(),
            2 => format!(" {{w: [{}.5], f: false}}", rng.below(9)),
            _ => String::new(),
        };
        script.push_str(&format!("MATCH (a {{seq: {a}}}), (b {{seq: {b}}}) CREATE (a)-[:{ty}{w}]->(b);\n"));
    }
    let mut e = Engine::new();
    e.run_script(&script).unwrap();
    // `;` inside a string array element cannot go to CSV: the generator keeps it to
    // scalar strings, which CSV quotes.
    let mut texts = Vec::new();
    let mut current = e;
    for pass in 0..2 {
        let dir = scratch(&format!("generated-csv{pass}"));
        let (nodes, rels) = current.export_csv(&dir).unwrap();
        assert_eq!((nodes, rels), (n, 2 * n));
        let files: Vec<String> =
            ["nodes.csv", "relationships.csv"].iter().map(|f| std::fs::read_to_string(dir.join(f)).unwrap()).collect();
        texts.push((files, cypher_text(&current)));
        let (np, rp) = (dir.join("nodes.csv"), dir.join("relationships.csv"));
        let mut back = Engine::new();
        let s = back.import_csv(&[(None, np.as_path())], &[(None, rp.as_path())], false).unwrap();
        assert_eq!((s.nodes, s.relationships, s.skipped), (n, 2 * n, 0));
        current = back;
    }
    assert_eq!(texts[0], texts[1]);
    assert_eq!(cypher_text(&current), texts[0].1);
    let db = scratch("generated-db");
    let expected = texts[0].1.clone();
    drop(current.create_db(&db).unwrap());
    assert_eq!(cypher_text(&Engine::open_db(&db, true).unwrap()), expected);
}

/// Through the binary: a bad row stops the import, naming file and line, and leaves no
/// database (not even the directory); `--skip-bad-rows` imports the rest and reports
/// every skipped row with file, line and reason.
#[test]
fn import_is_all_or_nothing_unless_bad_rows_are_skipped() {
    let dir = scratch("import-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let people = dir.join("people.csv");
    std::fs::write(
        &people,
        "pid:ID(P),name,age:int,:LABEL\n1,Ann,30,Admin\n2,Bob,old,\n3,\"Cy, \"\"the\"\" third\",40,\n3,Dup,1,\n4,Short\n",
    )
    .unwrap();
    let knows = dir.join("knows.csv");
    std::fs::write(&knows, ":START_ID(P),:END_ID(P),since:int\n1,3,2001\n1,9,2002\n3,1,x\n").unwrap();
    let db = dir.join("db");
    let args = |db: &Path| {
        vec![
            "import".to_string(),
            "--db".into(),
            db.display().to_string(),
            format!("--nodes=Person={}", people.display()),
            format!("--relationships=KNOWS={}", knows.display()),
        ]
    };
    let out = meridian().args(args(&db)).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("people.csv:3:") && stderr.contains("`old` is not an integer"), "{stderr}");
    assert!(!db.exists(), "a failed import leaves no database directory");
    // An empty directory given stays empty.
    std::fs::create_dir_all(&db).unwrap();
    let out = meridian().args(args(&db)).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_dir(&db).unwrap().count(), 0, "nothing written into the directory");
    assert!(!Engine::db_exists(&db));
    // Skipping: the good rows are imported and each bad one is reported.
    let mut skip = args(&db);
    skip.push("--skip-bad-rows".into());
    let out = meridian().args(&skip).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let reports: Vec<&str> = stderr.lines().filter(|l| l.starts_with("skipped: ")).collect();
    let expected = [
        ("people.csv:3:", "`old` is not an integer"),
        ("people.csv:5:", "appears twice"),
        ("people.csv:6:", "2 fields where the header has 4"),
        ("knows.csv:3:", "no node has the id `9`"),
        ("knows.csv:4:", "`x` is not an integer"),
    ];
    assert_eq!(reports.len(), expected.len(), "{stderr}");
    for (r, (place, why)) in reports.iter().zip(expected) {
        assert!(r.contains(place) && r.contains(why), "{r}");
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 2 nodes and 1 relationships"));
    let q = meridian()
        .args(["--db", db.to_str().unwrap(), "--format", "csv", "query"])
        .arg("MATCH (a:Person)-[k:KNOWS]->(b:Person) RETURN a.name, a:Admin AS admin, k.since, b.name")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&q.stdout),
        "a.name,admin,k.since,b.name\r\nAnn,true,2001,\"Cy, \"\"the\"\" third\"\r\n"
    );
}

/// A stray quote cannot make the reader swallow the rest of a large file into memory:
/// the record stops at a size limit with an error naming the line.
#[test]
fn an_unclosed_quote_does_not_read_the_whole_file_into_one_record() {
    let dir = scratch("import-quote");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("nodes.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(f, ":ID,name").unwrap();
    writeln!(f, "1,\"open quote").unwrap();
    let line = "x".repeat(1000);
    for _ in 0..17_000 {
        writeln!(f, "{line}").unwrap();
    }
    drop(f);
    let mut e = Engine::new();
    let err = e.import_csv(&[(None, path.as_path())], &[], true).unwrap_err();
    assert!(err.message.contains("line 2") && err.message.contains("quote left open"), "{}", err.message);
    assert_eq!(e.counts(), (0, 0));
}
