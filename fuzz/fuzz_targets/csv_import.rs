//! Fuzz target: the CSV importer (`Engine::import_csv`) on arbitrary file contents. The
//! input is split at the first 0x00 byte into a node file and a relationship file, both
//! imported (rows that fail are skipped or fail the import, depending on the first byte).
//! It must give counts or an error, never a panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use meridian::Engine;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("meridian-fuzz-csv-{}", std::process::id()));
        if std::fs::create_dir_all(&dir).is_err() {
            panic!("cannot create the scratch directory {}", dir.display());
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let (nodes, rels) = match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let dir = scratch();
    let (np, rp) = (dir.join("nodes.csv"), dir.join("rels.csv"));
    if std::fs::write(&np, nodes).is_err() || std::fs::write(&rp, rels).is_err() {
        return;
    }
    let label = (mode & 2 != 0).then(|| "Extra".to_string());
    let rel_type = (mode & 4 != 0).then(|| "REL".to_string());
    let mut engine = Engine::new();
    let _ = engine.import_csv(&[(label, np.as_path())], &[(rel_type, rp.as_path())], mode & 1 != 0);
});
