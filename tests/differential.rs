//! Differential test: every statement of the golden query files gives the same rows
//! with the optimizer's rewrite passes and without them. A pass that changes an answer
//! is a bug in the pass, whatever the golden file says.

use std::path::Path;

use meridian::{Engine, Params, syntax};

fn sorted_rows(out: &meridian::QueryOutput) -> Vec<String> {
    let mut rows: Vec<String> =
        out.rows.iter().map(|r| r.iter().map(|v| v.display(out).to_string()).collect::<Vec<_>>().join(" | ")).collect();
    rows.sort();
    rows
}

#[test]
fn optimizer_keeps_answers() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("queries/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "cypher"))
        .collect();
    files.sort();
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable query file");
        let empty = text.starts_with("// args: --empty");
        let fresh = || if empty { Ok(Engine::new()) } else { Engine::with_default_graph() };
        let (Ok(mut optimized), Ok(plain)) = (fresh(), fresh()) else { panic!("the shipped graph loads") };
        let mut plain = plain.without_optimizer();
        for st in syntax::split_statements(&text) {
            let a = optimized.execute(st.text, &Params::new());
            let b = plain.execute(st.text, &Params::new());
            let same = match (&a, &b) {
                (Ok(x), Ok(y)) => x.columns == y.columns && sorted_rows(x) == sorted_rows(y),
                (Err(x), Err(y)) => (x.kind, x.code) == (y.kind, y.code),
                _ => false,
            };
            if !same {
                mismatches.push(format!("{}: {}", file.display(), st.text.trim()));
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "expected the golden files to hold many statements, found {checked}");
    assert!(mismatches.is_empty(), "optimizer changed the answers of:\n{}", mismatches.join("\n"));
}
