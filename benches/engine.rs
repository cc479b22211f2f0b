//! Criterion micro-benchmarks of the hot paths (issue 6), so regressions show:
//! parsing, planning (parse + bind + plan through `EXPLAIN`), a one-hop and a two-hop
//! expansion, an aggregation and a CSV import, on a 10k-person graph of about 100k
//! KNOWS written to a temporary folder. Run with `cargo bench --bench engine`
//! (`-- parse` to filter); `cargo test` does not run them. Only the public API is used;
//! the comparison with other engines is benches/compare.py, not this file.

use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use meridian::{Engine, Params, Value};

const PERSONS: u64 = 10_000;
const DEGREE: u64 = 10;

const TWO_HOP: &str = "MATCH (p:Person {id: $person})-[:KNOWS]->(:Person)-[:KNOWS]->(fof:Person) \
                       WHERE fof.id <> $person RETURN count(DISTINCT fof) AS fof";
const ONE_HOP: &str = "MATCH (p:Person {id: $person})-[:KNOWS]->(f:Person) RETURN f.id AS id ORDER BY id LIMIT 20";
const AGGREGATE: &str = "MATCH (p:Person) RETURN p.age AS age, count(*) AS n, avg(p.score) AS s ORDER BY age";
const TRIANGLES: &str = "MATCH (a:Person)-[:KNOWS]->(b:Person)-[:KNOWS]->(c:Person)-[:KNOWS]->(a) \
                         WHERE a.id >= $lo AND a.id < $hi AND b.id >= $lo AND b.id < $hi \
                         AND c.id >= $lo AND c.id < $hi AND a.id < b.id AND a.id < c.id RETURN count(*) AS t";

/// Writes persons.csv and knows.csv (deterministic; a multiplicative hash picks
/// targets, mostly near the source so there are triangles) and returns the folder.
fn write_csv() -> std::io::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("meridian-criterion-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut p = BufWriter::new(std::fs::File::create(dir.join("persons.csv"))?);
    writeln!(p, ":ID(Person),id:int,name:string,age:int,score:float")?;
    for i in 0..PERSONS {
        writeln!(p, "{i},{i},P{i},{},{}", 18 + i % 63, (i % 997) as f64 / 10.0)?;
    }
    p.flush()?;
    let mut k = BufWriter::new(std::fs::File::create(dir.join("knows.csv"))?);
    writeln!(k, ":START_ID(Person),:END_ID(Person),since:int")?;
    for i in 0..PERSONS {
        for j in 1..=DEGREE {
            let h = i.wrapping_mul(0x9E37_79B9).wrapping_add(j.wrapping_mul(0x85EB_CA6B)) >> 7;
            let dst = if j % 2 == 0 { h % PERSONS } else { (i + 1 + h % 40) % PERSONS };
            if dst != i {
                writeln!(k, "{i},{dst},{}", 1990 + (h % 35))?;
            }
        }
    }
    k.flush()?;
    Ok(dir)
}

fn import(dir: &Path) -> Engine {
    let mut engine = Engine::new();
    let persons = dir.join("persons.csv");
    let knows = dir.join("knows.csv");
    if let Err(e) = engine.import_csv(
        &[(Some("Person".into()), persons.as_path())],
        &[(Some("KNOWS".into()), knows.as_path())],
        false,
    ) {
        panic!("import failed: {}", e.message);
    }
    engine
}

fn params() -> Params {
    let mut p = Params::new();
    p.insert("person".into(), Value::Int(PERSONS as i64 / 3));
    p.insert("lo".into(), Value::Int(PERSONS as i64 / 2));
    p.insert("hi".into(), Value::Int(PERSONS as i64 / 2 + 500));
    p
}

fn benches(c: &mut Criterion) {
    let dir = match write_csv() {
        Ok(d) => d,
        Err(e) => panic!("cannot write the benchmark CSV: {e}"),
    };
    let mut engine = import(&dir);
    let params = params();

    c.bench_function("parse/triangles", |b| b.iter(|| meridian::syntax::parse_statement(black_box(TRIANGLES))));
    let explain = format!("EXPLAIN {TRIANGLES}");
    c.bench_function("plan/triangles", |b| b.iter(|| engine.execute(black_box(&explain), &params)));
    c.bench_function("expand/one_hop_top20", |b| b.iter(|| engine.execute(black_box(ONE_HOP), &params)));
    c.bench_function("expand/two_hop_distinct", |b| b.iter(|| engine.execute(black_box(TWO_HOP), &params)));
    c.bench_function("aggregate/by_age", |b| b.iter(|| engine.execute(black_box(AGGREGATE), &params)));
    let mut slow = c.benchmark_group("slow");
    slow.sample_size(10);
    slow.bench_function("import/10k_persons", |b| b.iter(|| import(black_box(&dir))));
    slow.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(engine, benches);
criterion_main!(engine);
