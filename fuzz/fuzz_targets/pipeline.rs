//! Fuzz target: parse, bind, plan and execute arbitrary text on a small fixed graph.
//! Any input must give rows or an error (never a panic, an `Internal` error, or a hang):
//! the engine's timeout bounds each statement. A fresh engine per input keeps runs
//! independent of earlier writes.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use meridian::{Engine, ErrorKind, Params};

/// Five nodes with labels and properties of several types, a cycle, a self-loop and
/// parallel relationships: enough shape for patterns, paths and aggregations.
const GRAPH: &str = "CREATE (a:A:Person {name: 'Ann', age: 31, tags: ['x', 'y'], score: 1.5}),
  (b:B:Person {name: 'Bob', age: 45, active: true}),
  (c:C {name: 'Cid', n: -7, f: 0.0}),
  (d:A {name: 'Dee'}),
  (e {name: 'Eve', age: null}),
  (a)-[:KNOWS {since: 2001}]->(b), (b)-[:KNOWS {since: 2010}]->(c), (c)-[:KNOWS]->(a),
  (a)-[:LIKES {w: 0.5}]->(c), (a)-[:LIKES]->(c), (d)-[:SELF]->(d), (e)-[:KNOWS]->(a)";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut engine = Engine::new();
    if engine.execute(GRAPH, &Params::new()).is_err() {
        panic!("the fixed graph must load");
    }
    engine.set_timeout(Some(Duration::from_secs(2)));
    let mut params = Params::new();
    params.insert("p".into(), meridian::Value::Int(1));
    params.insert("s".into(), meridian::Value::str("Ann"));
    if let Err(e) = engine.execute(&text, &params) {
        assert!(e.kind != ErrorKind::Internal, "internal error for {text:?}: {e:?}");
    }
});
