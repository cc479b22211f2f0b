//! Golden batch files: every `queries/**/*.cypher` runs through `meridian run --keep-going
//! FILE` in-process (`meridian::cli::run_batch`), with results and errors in one stream,
//! and must print exactly its sibling `.out`. A first line `// args: ...` gives extra
//! command-line arguments (such as `--empty`); it is the only directive.
//! `UPDATE_EXPECT=1 cargo test --test golden` rewrites the `.out` files. This test only
//! compares text; it must not know anything about how queries are answered.

use std::cell::RefCell;
use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// One buffer behind two writers, so results and errors interleave as on a terminal.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn cypher_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            cypher_files(&path, found);
        } else if path.extension().is_some_and(|x| x == "cypher") {
            found.push(path);
        }
    }
}

/// The extra arguments of a `// args: --empty` first line.
fn directive_args(text: &str) -> Vec<String> {
    let first = text.lines().next().unwrap_or_default();
    match first.trim().strip_prefix("// args:") {
        Some(args) => args.split_whitespace().map(str::to_string).collect(),
        None => Vec::new(),
    }
}

/// What `meridian ARGS run --keep-going FILE` prints, stdout and stderr merged.
fn run(file: &str, text: &str) -> String {
    let mut argv = vec!["meridian".to_string()];
    argv.extend(directive_args(text));
    argv.extend(["run", "--keep-going", file].map(str::to_string));
    let shared = Shared::default();
    let (mut out, mut err) = (shared.clone(), shared.clone());
    meridian::cli::run_batch(argv, &mut out, &mut err);
    let bytes = shared.0.borrow().clone();
    // expect-test reads files with CRLF turned into LF; compare the same way (CSV).
    String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
}

#[test]
fn golden_queries() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // File names in the output are relative to the repository, as a user would type them.
    if let Err(e) = std::env::set_current_dir(root) {
        panic!("cannot enter {}: {e}", root.display());
    }
    let mut files = Vec::new();
    cypher_files(&root.join("queries"), &mut files);
    files.sort();
    assert!(!files.is_empty(), "no queries/**/*.cypher found");

    let mut failed = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let name = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let actual = run(&name, &text);
        let expected = expect_test::expect_file![path.with_extension("out")];
        // Collect every mismatch before failing: one run shows all broken goldens.
        if catch_unwind(AssertUnwindSafe(|| expected.assert_eq(&actual))).is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "{} golden file(s) differ (UPDATE_EXPECT=1 to accept): {}",
        failed.len(),
        failed.join(", ")
    );
}
