//! Times the benchmark workload (`benches/workload.cypher`) on a Meridian database
//! in-process, for `benches/compare.py` (README, "Performance"). It opens the database
//! made by `meridian import` read-only, reads the query parameters from the
//! `params.json` of examples/gen_social.rs, runs each query once to warm up and then
//! `--runs` times, timing `Engine::execute` alone (no process start), and prints one
//! JSON object: open time, resident memory after open, and per query the times, the
//! median and the rows. It changes nothing on disk and embeds only the public API.
//!
//! ```text
//! cargo run --release --example bench_meridian -- --db DIR --params bench-data/10k/params.json \
//!     [--workload benches/workload.cypher] [--runs 5] [--budget 60] [--only Q3,Q7]
//! ```
//!
//! `--budget` caps the seconds spent on one query: timed runs stop early (at least one
//! runs) once it is spent, so a pathologically slow query cannot stall the comparison;
//! a query still running after `--timeout` seconds (default 300) is cancelled.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use meridian::{Engine, Params, Value};
use serde_json::{Map, Value as Json, json};

struct Args {
    db: PathBuf,
    params: PathBuf,
    workload: PathBuf,
    runs: usize,
    budget: f64,
    timeout: f64,
    only: Option<Vec<String>>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        db: PathBuf::new(),
        params: PathBuf::new(),
        workload: PathBuf::from("benches/workload.cypher"),
        runs: 5,
        budget: 60.0,
        timeout: 300.0,
        only: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--db" => args.db = PathBuf::from(value("--db")?),
            "--params" => args.params = PathBuf::from(value("--params")?),
            "--workload" => args.workload = PathBuf::from(value("--workload")?),
            "--runs" => args.runs = value("--runs")?.parse().map_err(|_| "bad --runs")?,
            "--budget" => args.budget = value("--budget")?.parse().map_err(|_| "bad --budget")?,
            "--timeout" => args.timeout = value("--timeout")?.parse().map_err(|_| "bad --timeout")?,
            "--only" => args.only = Some(value("--only")?.split(',').map(str::to_string).collect()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if args.db.as_os_str().is_empty() || args.params.as_os_str().is_empty() {
        return Err("usage: bench_meridian --db DIR --params params.json [--workload FILE] \
                    [--runs N] [--budget SECONDS] [--timeout SECONDS] [--only Q1,Q2]"
            .into());
    }
    if args.runs == 0 || !(args.budget > 0.0) || !(args.timeout > 0.0) {
        return Err("--runs, --budget and --timeout must be positive".into());
    }
    Ok(args)
}

/// (name, shared text) of each query of the workload file; engine variants are skipped.
fn read_workload(text: &str) -> Vec<(String, String)> {
    let mut queries = Vec::new();
    let mut name: Option<String> = None;
    let mut body = String::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(c) = t.strip_prefix("//") {
            let c = c.trim();
            if let Some((q, _)) = c.split_once(':').filter(|(q, _)| q.starts_with('Q') && !q.contains(' ')) {
                name = Some(q.to_string());
                body.clear();
            }
            continue;
        }
        if t.is_empty() || name.is_none() {
            continue;
        }
        body.push_str(t);
        body.push(' ');
        if let Some(stmt) = body.trim_end().strip_suffix(';') {
            if let Some(n) = name.take() {
                queries.push((n, stmt.trim().to_string()));
            }
            body.clear();
        }
    }
    queries
}

fn to_json(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => json!(b),
        Value::Int(i) => json!(i),
        Value::Float(f) => json!(f),
        Value::String(s) => json!(s),
        Value::List(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Map(m) => Json::Object(m.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
        // The workload returns no entities; show them as their ids if one ever does.
        Value::Node(n) => json!(format!("node {n:?}")),
        Value::Rel(r) => json!(format!("rel {r:?}")),
        Value::Path(p) => json!(format!("path of {} nodes", p.nodes.len())),
        // Temporal values as their ISO text.
        other => json!(other.to_string()),
    }
}

fn from_json(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => n.as_i64().map(Value::Int).unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(f64::NAN))),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::List(items.iter().map(from_json).collect()),
        Json::Object(m) => Value::Map(m.iter().map(|(k, v)| (k.clone(), from_json(v))).collect()),
    }
}

/// A `kB` line of /proc/self/status (VmRSS, VmHWM) in MiB; None off Linux.
fn proc_status_mib(key: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn median(times: &[f64]) -> f64 {
    let mut t = times.to_vec();
    t.sort_by(f64::total_cmp);
    match t.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => t[n / 2],
        n => (t[n / 2 - 1] + t[n / 2]) / 2.0,
    }
}

fn run(args: &Args) -> Result<Json, String> {
    let workload =
        std::fs::read_to_string(&args.workload).map_err(|e| format!("cannot read {}: {e}", args.workload.display()))?;
    let params_text =
        std::fs::read_to_string(&args.params).map_err(|e| format!("cannot read {}: {e}", args.params.display()))?;
    let params_json: Json = serde_json::from_str(&params_text).map_err(|e| format!("bad params file: {e}"))?;
    let mut params = Params::new();
    if let Some(Json::Object(m)) = params_json.get("params") {
        for (k, v) in m {
            params.insert(k.clone(), from_json(v));
        }
    }

    let start = Instant::now();
    let mut engine = Engine::open_db(&args.db, true).map_err(|e| format!("cannot open database: {}", e.message))?;
    let open_s = start.elapsed().as_secs_f64();
    let rss_after_load = proc_status_mib("VmRSS:");
    engine.set_timeout(Some(Duration::from_secs_f64(args.timeout)));
    let (nodes, rels) = engine.counts();

    let mut results = Map::new();
    for (name, text) in read_workload(&workload) {
        if args.only.as_ref().is_some_and(|only| !only.contains(&name)) {
            continue;
        }
        let mut entry = Map::new();
        let mut times = Vec::new();
        let mut last = None;
        let began = Instant::now();
        // One warm-up run, then the timed ones.
        for i in 0..=args.runs {
            let t = Instant::now();
            let out = engine.execute(&text, &params);
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            match out {
                Ok(out) => last = Some(out),
                Err(e) => {
                    entry.insert("error".into(), json!(format!("{:?}: {}", e.kind, e.message)));
                    break;
                }
            }
            if i > 0 {
                times.push(ms);
            }
            if began.elapsed().as_secs_f64() > args.budget && !times.is_empty() {
                break;
            }
        }
        if let Some(out) = last {
            entry.insert("columns".into(), json!(out.columns));
            let rows: Vec<Json> = out.rows.iter().map(|r| Json::Array(r.iter().map(to_json).collect())).collect();
            entry.insert("rows".into(), Json::Array(rows));
        }
        entry.insert("median_ms".into(), json!(median(&times)));
        entry.insert("times_ms".into(), json!(times));
        eprintln!("meridian {name}: {:.3} ms", median(&times));
        results.insert(name, Json::Object(entry));
    }
    Ok(json!({
        "engine": "meridian",
        "version": env!("CARGO_PKG_VERSION"),
        "nodes": nodes,
        "relationships": rels,
        "open_s": open_s,
        "rss_after_load_mib": rss_after_load,
        "peak_rss_mib": proc_status_mib("VmHWM:"),
        "queries": results,
    }))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
