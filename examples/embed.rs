//! Embedding Meridian in a Rust program: the example shown in README.md, kept here so that
//! `cargo build --all-targets` proves it still compiles. Run it with
//! `cargo run --example embed`. It uses only the crate's public API.

use meridian::{Engine, Params, Value};

fn main() {
    // The shipped knowledge graph, compiled into the library.
    let mut engine = match Engine::with_default_graph() {
        Ok(engine) => engine,
        Err((script, e)) => {
            eprintln!("cannot load graph/{script}: {e}");
            std::process::exit(2);
        }
    };

    let query = "MATCH (c:Country {key: $key})-[r:CLASSIFIED_AS]->(concept) \
                 RETURN c.name AS country, concept.key AS class, r.id AS fact, r.para AS para";
    let mut params = Params::new();
    params.insert("key".into(), Value::str("uae"));

    match engine.execute(query, &params) {
        Ok(out) => {
            println!("{}", out.columns.join(" | "));
            for row in &out.rows {
                // `display` prints openCypher literal notation; entities are looked up in
                // the output itself, which carries every node and relationship it returns.
                let cells: Vec<String> = row.iter().map(|v| v.display(&out).to_string()).collect();
                println!("{}", cells.join(" | "));
            }
        }
        // Errors carry a kind, a phase, a code and a span; `render` draws the caret.
        Err(e) => eprint!("{}", meridian::error::render(&e, "<query>", query)),
    }

    // A failing statement leaves the graph as it was.
    let broken = "CREATE (n:Note {zero: 0}) RETURN 1 / n.zero AS boom";
    if let Err(e) = engine.execute(broken, &Params::new()) {
        eprint!("{}", meridian::error::render(&e, "<query>", broken));
    }
    let (nodes, rels) = engine.counts();
    println!("{nodes} nodes, {rels} relationships");
}
