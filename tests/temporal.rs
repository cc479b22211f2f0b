//! Temporal values end to end through the library API: constructors, arithmetic,
//! component access and ordering in queries; the statement clock; and lossless round
//! trips of temporal properties (and lists of them) through the write-ahead log, a
//! checkpointed snapshot, CSV export/import and the Cypher export.

use std::path::{Path, PathBuf};

use meridian::{Engine, Params, Value};

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("temporal-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn exec(e: &mut Engine, q: &str) -> meridian::QueryOutput {
    match e.execute(q, &Params::new()) {
        Ok(out) => out,
        Err(err) => panic!("{q}: {err}"),
    }
}

/// The single row of a query, cells as text.
fn row(e: &mut Engine, q: &str) -> Vec<String> {
    let out = exec(e, q);
    assert_eq!(out.rows.len(), 1, "{q}");
    out.rows[0].iter().map(Value::to_string).collect()
}

const PROPS: &str = "CREATE (:Event {on: date('2025-09-24'), at: localtime('09:30:00.5'), \
    t: time('10:00+02:00'), ldt: localdatetime('2025-06-10T14:00'), \
    dt: datetime('2025-10-26T02:30[Europe/Stockholm]'), d: duration('P1Y2M3DT4H5M6.007S'), \
    days: [date('2025-01-01'), date('+10000-01-01')], far: date('-999999999-01-01')})";

fn props(e: &mut Engine) -> Vec<String> {
    row(e, "MATCH (n:Event) RETURN n.on, n.at, n.t, n.ldt, n.dt, n.d, n.days, n.far")
}

#[test]
fn queries_compute_with_temporal_values() {
    let mut e = Engine::new();
    assert_eq!(
        row(
            &mut e,
            "WITH date('2025-09-24') AS article, date('2025-06-10') AS top500 \
             RETURN duration.inMonths(top500, article), article > top500, article.weekDay, \
             article + duration({days: 7}), duration.between(top500, article), toString(article)"
        ),
        ["P3M", "true", "3", "2025-10-01", "P3M14D", "'2025-09-24'"]
    );
    // A named zone across the end of summer time: 24 hours later is a different wall clock.
    assert_eq!(
        row(&mut e, "RETURN datetime('2025-10-25T12:00[Europe/Stockholm]') + duration('PT24H') AS t"),
        ["2025-10-26T11:00+01:00[Europe/Stockholm]"]
    );
    // One statement, one clock.
    assert_eq!(row(&mut e, "RETURN datetime() = datetime.statement(), localtime() = localtime()"), ["true", "true"]);
    // Bad input is an error, never a panic.
    for q in ["RETURN date('2025-02-30')", "RETURN datetime('x')", "RETURN date({month: 2})", "RETURN duration('P')"] {
        assert!(e.execute(q, &Params::new()).is_err(), "{q}");
    }
}

#[test]
fn temporal_properties_survive_the_log_a_checkpoint_and_a_reopen() {
    let db = scratch("db");
    let mut e = Engine::new().create_db(&db).unwrap_or_else(|err| panic!("{err}"));
    exec(&mut e, PROPS);
    let before = props(&mut e);
    assert_eq!(before[4], "2025-10-26T02:30+02:00[Europe/Stockholm]");
    drop(e);
    let mut replayed = Engine::open_db(&db, false).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(props(&mut replayed), before);
    replayed.checkpoint().unwrap_or_else(|err| panic!("{err}"));
    drop(replayed);
    let mut reopened = Engine::open_db(&db, true).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(props(&mut reopened), before);
}

#[test]
fn csv_and_cypher_exports_carry_temporal_values() {
    let mut e = Engine::new();
    exec(&mut e, PROPS);
    let before = props(&mut e);
    let dir = scratch("csv");
    e.export_csv(&dir).unwrap_or_else(|err| panic!("{err}"));
    let nodes_csv = std::fs::read_to_string(dir.join("nodes.csv")).unwrap_or_default();
    for header in ["on:date", "at:localtime", "t:time", "ldt:localdatetime", "dt:datetime", "d:duration", "days:date[]"]
    {
        assert!(nodes_csv.contains(header), "{header} missing in {nodes_csv}");
    }
    let mut back = Engine::new();
    let nodes = dir.join("nodes.csv");
    let files: [(Option<String>, &Path); 1] = [(None, nodes.as_path())];
    back.import_csv(&files, &[], false).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(props(&mut back), before);

    let mut script = Vec::new();
    e.export_cypher(&mut script).unwrap_or_else(|err| panic!("{err}"));
    let script = String::from_utf8(script).unwrap_or_default();
    assert!(script.contains("date('2025-09-24')"), "{script}");
    let mut again = Engine::new();
    again.run_script(&script).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(props(&mut again), before);
}
