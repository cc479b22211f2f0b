//! Tidy checks: rules about the source tree that the compiler does not enforce. Every
//! `src/**/*.rs` opens with a `//!` paragraph; only `src/store/` mentions petgraph; the
//! `crate::` paths of each module respect the module DAG described in ARCHITECTURE.md;
//! no committed text file holds an absolute path of the machine it was written on.
//! Each check prints every violation it finds, then fails. This test reads files only:
//! it must not build, run or query anything.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, sorted, as paths relative to the repository root.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(&root().join(dir), &mut |p| {
        if p.extension().is_some_and(|x| x == "rs") {
            found.push(p.to_path_buf());
        }
    });
    let mut rel: Vec<PathBuf> = found.iter().map(|p| p.strip_prefix(root()).unwrap_or(p).to_path_buf()).collect();
    rel.sort();
    rel
}

fn walk(dir: &Path, f: &mut dyn FnMut(&Path)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            // Build output and version-control data are not source.
            if name == "target" || name == ".git" {
                continue;
            }
            walk(&path, f);
        } else {
            f(&path);
        }
    }
}

fn read(rel: &Path) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_default()
}

/// `src/exec/ops.rs` -> "src/exec/ops.rs" with forward slashes on every platform.
fn display(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Print the violations of one check and fail when there are any.
fn report(check: &str, violations: &[String]) {
    for v in violations {
        eprintln!("tidy: {check}: {v}");
    }
    assert!(violations.is_empty(), "tidy: {} violation(s) of `{check}` (listed above)", violations.len());
}

#[test]
fn every_source_file_opens_with_a_module_doc() {
    let mut violations = Vec::new();
    let files = rust_files(Path::new("src"));
    assert!(!files.is_empty(), "no src/**/*.rs found");
    for file in files {
        let text = read(&file);
        let first = text.lines().next().unwrap_or_default();
        if !first.starts_with("//!") {
            violations
                .push(format!("{}: the first line must be a `//!` comment saying the file's job", display(&file)));
        }
    }
    report("module doc", &violations);
}

#[test]
fn only_the_store_mentions_petgraph() {
    let mut violations = Vec::new();
    for file in rust_files(Path::new("src")) {
        if file.starts_with("src/store") {
            continue;
        }
        for (i, line) in read(&file).lines().enumerate() {
            if line.to_lowercase().contains("petgraph") {
                violations.push(format!(
                    "{}:{}: petgraph belongs to src/store only: {}",
                    display(&file),
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    report("petgraph outside the store", &violations);
}

// ---------------------------------------------------------------------------------------
// Module DAG

/// The modules of the crate (the `pub mod` lines of lib.rs).
const MODULES: &[&str] =
    &["error", "temporal", "value", "store", "syntax", "bind", "plan", "exec", "functions", "procedures", "cli"];

/// What each module may name through `crate::`. An entry is a module (`"value"`: anything
/// in it), a module item (`"syntax::ast"`: that item and what is inside it), an item
/// defined in lib.rs (`"root::Params"`), or `"root::*"` for the whole crate-root API.
/// Items lib.rs re-exports from a module (`crate::Error`, `crate::Value`, ...) count as
/// that module's. A module may always name itself.
fn allowed(module: &str) -> &'static [&'static str] {
    match module {
        "error" => &[],
        // Temporal types and calendar arithmetic: below `value`, which holds them.
        "temporal" => &["error"],
        "value" => &["error", "temporal"],
        "store" => &["error", "value", "temporal"],
        "syntax" => &["error"],
        "functions" => &["value", "temporal", "error"],
        // Graph algorithms read the store; they know nothing of the query pipeline.
        "procedures" => &["store", "value", "error"],
        // The binder resolves procedure names and signatures (never runs them).
        "bind" => &["syntax", "value", "functions", "procedures", "error"],
        "plan" => &["bind", "syntax::ast", "value", "error"],
        // The executor fills in the `Stats` counters and reads the `Params` that lib.rs
        // defines for the public API; both are plain data.
        "exec" => &[
            "plan",
            "bind",
            "store",
            "value",
            "functions",
            "procedures",
            "temporal",
            "syntax::ast",
            "error",
            "root::Params",
            "root::Stats",
        ],
        // The CLI is a client of the library: the crate-root API, plus error rendering,
        // values for printing, and the script splitter it feeds statements through.
        // Never the stages (bind, plan, exec), the store, functions or the AST.
        "cli" => &[
            "root::*",
            "error",
            "value",
            "syntax::split_statements",
            "syntax::StatementText",
            "syntax::leading_trivia_len",
        ],
        _ => &[],
    }
}

/// `pub use module::{A, B};` and `pub use module::A;` lines of lib.rs: root name -> module.
fn root_reexports() -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let lib = strip_comments_and_strings(&read(Path::new("src/lib.rs")));
    for stmt in lib.split(';') {
        let stmt = stmt.trim();
        let Some(rest) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        for path in use_tree_paths(rest.trim()) {
            if let [module, item] = path.as_slice() {
                if MODULES.contains(&module.as_str()) {
                    map.insert(item.clone(), module.clone());
                }
            }
        }
    }
    map
}

/// Source text with comments, string and character literals blanked out (replaced by
/// spaces, newlines kept), so that only code is searched.
fn strip_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            // Block comments nest in Rust.
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // Raw string r"..." or r#"..."#: ends at a quote followed by as many #.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some(_) => j += 1,
                }
            }
            for &ch in chars.get(i..j).unwrap_or_default() {
                out.push(blank(ch));
            }
            i = j;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    out.push(blank(ch));
                }
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}'), or else a lifetime ('a), left as is.
            if next == Some('\\') {
                // Skip the backslash and the escaped character ('\'' included).
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                for _ in i..=j.min(chars.len() - 1) {
                    out.push(' ');
                }
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                out.push_str("   ");
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The paths a use tree names, segment by segment: `a::{self, b::{c, d}}` gives
/// `[a]`, `[a, b, c]`, `[a, b, d]`; `x::y(...)` (an expression path) gives `[x, y]`.
fn use_tree_paths(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let mut out = Vec::new();
    parse_tree(&chars, &mut pos, Vec::new(), &mut out);
    out
}

fn skip_ws(chars: &[char], pos: &mut usize) {
    while chars.get(*pos).is_some_and(|c| c.is_whitespace()) {
        *pos += 1;
    }
}

fn ident(chars: &[char], pos: &mut usize) -> Option<String> {
    skip_ws(chars, pos);
    let start = *pos;
    while chars.get(*pos).is_some_and(|c| c.is_alphanumeric() || *c == '_') {
        *pos += 1;
    }
    (*pos > start).then(|| chars[start..*pos].iter().collect())
}

fn eat(chars: &[char], pos: &mut usize, s: &str) -> bool {
    skip_ws(chars, pos);
    let want: Vec<char> = s.chars().collect();
    if chars.get(*pos..*pos + want.len()) == Some(want.as_slice()) {
        *pos += want.len();
        true
    } else {
        false
    }
}

fn parse_tree(chars: &[char], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        if eat(chars, pos, "{") {
            loop {
                if eat(chars, pos, "}") {
                    return;
                }
                parse_tree(chars, pos, path.clone(), out);
                if !eat(chars, pos, ",") {
                    eat(chars, pos, "}");
                    return;
                }
            }
        }
        if eat(chars, pos, "*") {
            out.push(path);
            return;
        }
        match ident(chars, pos) {
            Some(seg) if seg == "self" => {}
            Some(seg) => path.push(seg),
            None => {
                out.push(path);
                return;
            }
        }
        if !eat(chars, pos, "::") {
            // `Name as Alias` renames; the alias is not a path.
            let save = *pos;
            if ident(chars, pos).as_deref() == Some("as") {
                let _ = ident(chars, pos);
            } else {
                *pos = save;
            }
            out.push(path);
            return;
        }
    }
}

/// The module a file belongs to: `src/exec/ops.rs` and `src/exec/mod.rs` -> `exec`,
/// `src/value.rs` -> `value`; None for lib.rs and main.rs.
fn module_of(file: &Path) -> Option<String> {
    let rest = file.strip_prefix("src").ok()?;
    let first = rest.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Whether `path` (segments after `crate::`) is allowed in `module`; `reexports` maps
/// root names to the module they come from.
fn permitted(module: &str, path: &[String], reexports: &BTreeMap<String, String>) -> bool {
    let Some(first) = path.first() else {
        return true;
    };
    let (target, item): (&str, Option<&str>) = if MODULES.contains(&first.as_str()) {
        (first, path.get(1).map(String::as_str))
    } else if let Some(module) = reexports.get(first) {
        (module, Some(first))
    } else {
        ("root", Some(first))
    };
    if target == module {
        return true;
    }
    allowed(module).iter().any(|rule| match rule.split_once("::") {
        None => *rule == target,
        Some(("root", "*")) => target == "root" || reexports.contains_key(first),
        Some((m, i)) => m == target && item == Some(i),
    })
}

#[test]
fn crate_paths_respect_the_module_dag() {
    let reexports = root_reexports();
    let mut violations = Vec::new();
    for file in rust_files(Path::new("src")) {
        let Some(module) = module_of(&file) else {
            continue;
        };
        assert!(
            MODULES.contains(&module.as_str()),
            "{}: module `{module}` is missing from tests/tidy.rs MODULES and the DAG",
            display(&file)
        );
        let code = strip_comments_and_strings(&read(&file));
        // Unit tests at the end of a file may drive the whole engine; only the module's
        // own code must respect the DAG.
        let code = match code.find("#[cfg(test)]") {
            Some(i) => code[..i].to_string(),
            None => code,
        };
        let mut offset = 0;
        while let Some(found) = code.get(offset..).and_then(|s| s.find("crate::")) {
            let at = offset + found;
            offset = at + "crate::".len();
            // `pub(crate)` and `$crate::` are not paths into the crate.
            let before = code.get(..at).and_then(|s| s.chars().next_back());
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                continue;
            }
            let line = code.get(..at).map_or(0, |s| s.matches('\n').count()) + 1;
            for path in use_tree_paths(code.get(offset..).unwrap_or_default()) {
                if !permitted(&module, &path, &reexports) {
                    violations.push(format!(
                        "{}:{line}: `{module}` must not use `crate::{}` (allowed: {})",
                        display(&file),
                        path.join("::"),
                        allowed(&module).join(", ")
                    ));
                }
            }
        }
    }
    report("module DAG", &violations);
}

#[test]
fn the_use_tree_parser_understands_nested_groups() {
    let paths = use_tree_paths("bind::{self, Slot, x::{A as B, C}};");
    let paths: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(paths, ["bind", "bind::Slot", "bind::x::A", "bind::x::C"]);
    let paths = use_tree_paths("error::render(&e, \"x\")");
    assert_eq!(paths, [vec!["error".to_string(), "render".to_string()]]);
    let code = strip_comments_and_strings("let s = \"crate::store\"; // crate::exec\nx");
    assert!(!code.contains("crate::"));
    assert!(code.ends_with("\nx"));
    let mut reexports = BTreeMap::new();
    reexports.insert("Value".to_string(), "value".to_string());
    let path = |s: &str| s.split("::").map(str::to_string).collect::<Vec<_>>();
    assert!(permitted("plan", &path("syntax::ast::Expr"), &reexports));
    assert!(!permitted("plan", &path("syntax::parse_statement"), &reexports));
    assert!(!permitted("plan", &path("store::Graph"), &reexports));
    assert!(permitted("store", &path("Value"), &reexports));
    assert!(!permitted("bind", &path("Engine"), &reexports));
    assert!(permitted("cli", &path("Engine"), &reexports));
    assert!(!permitted("cli", &path("exec::execute"), &reexports));
}

// ---------------------------------------------------------------------------------------
// Absolute paths

/// The files git tracks or would track (untracked but not ignored), or, where git is
/// unavailable, every file of the tree but target/ and .git.
fn committed_files() -> Vec<PathBuf> {
    let listed = Command::new("git")
        .args(["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        .current_dir(root())
        .output()
        .ok()
        .filter(|o| o.status.success());
    match listed {
        Some(o) => {
            String::from_utf8_lossy(&o.stdout).split('\0').filter(|s| !s.is_empty()).map(PathBuf::from).collect()
        }
        None => {
            let mut found = Vec::new();
            walk(&root(), &mut |p| found.push(p.strip_prefix(root()).unwrap_or(p).to_path_buf()));
            found.sort();
            found
        }
    }
}

#[test]
fn no_absolute_machine_paths_in_committed_files() {
    // Spelled in pieces so that this file does not match itself.
    let roots: Vec<String> = ["work", "root", "home", "Users"].iter().map(|r| format!("/{r}/")).collect();
    let mut violations = Vec::new();
    for file in committed_files() {
        let Ok(bytes) = std::fs::read(root().join(&file)) else {
            continue;
        };
        // Binary files are not text; they cannot hold a path anyone reads.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if text.contains('\0') {
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            for r in &roots {
                let hit = line.match_indices(r.as_str()).any(|(at, _)| {
                    // A root inside a longer path (`a/b/c` holds `/b/`) is relative;
                    // an absolute path starts a word.
                    let before = line.get(..at).and_then(|s| s.chars().next_back());
                    !before.is_some_and(|c| c.is_alphanumeric() || "_.-~/".contains(c))
                });
                if hit {
                    violations.push(format!(
                        "{}:{}: absolute machine path `{}...`; use a path relative to the repository",
                        display(&file),
                        i + 1,
                        r
                    ));
                }
            }
        }
    }
    report("absolute paths", &violations);
}
