//! Fuzz target: the database readers (`Engine::open_db`) on arbitrary `wal` and
//! `snapshot` files. The input's first byte picks read-only or read-write and which files
//! exist; the rest is split at the first "\n--\n" into snapshot and log bytes. Opening
//! must give an engine or an error, never a panic or a hang.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use meridian::{Engine, Params};

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| std::env::temp_dir().join(format!("meridian-fuzz-db-{}", std::process::id())))
}

fn split<'a>(data: &'a [u8], sep: &[u8]) -> (&'a [u8], &'a [u8]) {
    match data.windows(sep.len()).position(|w| w == sep) {
        Some(i) => (&data[..i], &data[i + sep.len()..]),
        None => (data, &[][..]),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let (snapshot, wal) = split(rest, b"\n--\n");
    let dir = scratch();
    let _ = std::fs::remove_dir_all(dir);
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    if mode & 2 == 0 && std::fs::write(dir.join("snapshot"), snapshot).is_err() {
        return;
    }
    if mode & 4 == 0 && std::fs::write(dir.join("wal"), wal).is_err() {
        return;
    }
    let read_only = mode & 1 != 0;
    if let Ok(mut engine) = Engine::open_db(dir, read_only) {
        // Whatever was replayed must be queryable, and a writer must still write.
        let _ = engine.execute("MATCH (n)-[r]->(m) RETURN n, r, m, properties(n), labels(m)", &Params::new());
        if !read_only {
            let _ = engine.execute("CREATE (:Fuzz {x: 1})", &Params::new());
            let _ = engine.checkpoint();
        }
    }
});
