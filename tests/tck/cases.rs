//! Loading the TCK: finds the `.feature` files, parses them with the `gherkin` crate
//! (re-exported by cucumber) and expands every scenario and every example row of every
//! outline into a `Case` with its own steps and the line that identifies it in the skip
//! list. This module only reads files; it must not run queries.

use std::path::{Path, PathBuf};

use cucumber::gherkin::{self, GherkinEnv};

/// One step after outline substitution.
#[derive(Clone, Debug)]
pub struct Step {
    /// `Given`, `When`, `Then`, `And`, `But` (kept only for printing).
    pub keyword: String,
    pub text: String,
    pub docstring: Option<String>,
    pub table: Option<Vec<Vec<String>>>,
}

/// One runnable case: a scenario, or one example row of a scenario outline.
#[derive(Clone, Debug)]
pub struct Case {
    /// Feature path relative to the features folder, with `/` separators.
    pub feature: String,
    /// Line of the `Scenario:` keyword, or of the example row for outlines.
    pub line: usize,
    pub name: String,
    pub steps: Vec<Step>,
}

impl Case {
    /// `feature-path:line`, the key of the skip list.
    pub fn id(&self) -> String {
        format!("{}:{}", self.feature, self.line)
    }

    /// The TCK folder: `clauses/match`, `expressions/list`, ...
    pub fn folder(&self) -> &str {
        folder_of(&self.feature)
    }
}

pub fn folder_of(feature: &str) -> &str {
    feature.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Every feature file under `dir`, as paths relative to it, sorted.
pub fn feature_files(dir: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) -> Result<(), String> {
        let rd = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in rd {
            let p: PathBuf = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
            if p.is_dir() {
                walk(&p, base, out)?;
            } else if p.extension().is_some_and(|x| x == "feature") {
                let rel = p.strip_prefix(base).unwrap_or(&p);
                let parts: Vec<String> =
                    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                out.push(parts.join("/"));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Make a feature file digestible for the `gherkin` crate without moving any line:
/// CRLF becomes LF (some TCK files use CRLF), and in table rows a backslash that is not
/// one of Gherkin's cell escapes (`\|`, `\\`, `\n`) is doubled, because the crate
/// rejects such cells (`'\''` in Literals6) where Cucumber keeps the backslash.
fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len() + 64);
    let mut in_doc = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("\"\"\"") {
            in_doc = !in_doc;
        }
        if in_doc || !t.starts_with('|') {
            out.push_str(line);
            continue;
        }
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.peek() {
                    Some('|' | '\\' | 'n') => {
                        out.push('\\');
                        if let Some(n) = chars.next() {
                            out.push(n);
                        }
                    }
                    _ => out.push_str("\\\\"),
                }
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// Parse one feature file into cases. `rel` is the path relative to the features folder.
pub fn load_feature(dir: &Path, rel: &str) -> Result<Vec<Case>, String> {
    let path = dir.join(rel);
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{rel}: {e}"))?;
    let text = normalize(&raw);
    let feature = gherkin::Feature::parse(&text, GherkinEnv::default())
        .map_err(|e| format!("{rel}: gherkin parse error: {e}"))?;
    let lines: Vec<&str> = text.lines().collect();
    let mut cases = Vec::new();
    let groups = std::iter::once((feature.background.as_ref(), &feature.scenarios))
        .chain(feature.rules.iter().map(|r| (r.background.as_ref().or(feature.background.as_ref()), &r.scenarios)));
    for (background, scenarios) in groups {
        let bg: Vec<&gherkin::Step> = background.map(|b| b.steps.iter().collect()).unwrap_or_default();
        for sc in scenarios {
            let all: Vec<&gherkin::Step> = bg.iter().copied().chain(sc.steps.iter()).collect();
            if sc.examples.is_empty() {
                cases.push(Case {
                    feature: rel.to_string(),
                    line: sc.position.line,
                    name: sc.name.clone(),
                    steps: all.iter().map(|s| substitute(s, &[], &[])).collect(),
                });
                continue;
            }
            for ex in &sc.examples {
                let Some(table) = &ex.table else { continue };
                let Some((header, rows)) = table.rows.split_first() else {
                    continue;
                };
                let row_lines = table_row_lines(&lines, table.position.line);
                if row_lines.len() != table.rows.len() {
                    return Err(format!(
                        "{rel}:{}: cannot locate the example rows ({} lines for {} rows)",
                        table.position.line,
                        row_lines.len(),
                        table.rows.len()
                    ));
                }
                for (i, row) in rows.iter().enumerate() {
                    cases.push(Case {
                        feature: rel.to_string(),
                        line: row_lines[i + 1],
                        name: format!("{} (example {})", sc.name, i + 1),
                        steps: all.iter().map(|s| substitute(s, header, row)).collect(),
                    });
                }
            }
        }
    }
    Ok(cases)
}

/// Line numbers (1-based) of the rows of the table that starts at or after `first`:
/// consecutive `|` lines, skipping blank and comment lines as Gherkin does.
fn table_row_lines(lines: &[&str], first: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(first.saturating_sub(1)) {
        let t = l.trim();
        if t.starts_with('|') {
            out.push(i + 1);
        } else if t.is_empty() || t.starts_with('#') {
            continue;
        } else if !out.is_empty() {
            break;
        }
    }
    out
}

fn replace_all(s: &str, header: &[String], row: &[String]) -> String {
    let mut s = s.to_string();
    for (k, v) in header.iter().zip(row) {
        s = s.replace(&format!("<{k}>"), v);
    }
    s
}

fn substitute(step: &gherkin::Step, header: &[String], row: &[String]) -> Step {
    Step {
        keyword: step.keyword.trim().to_string(),
        text: replace_all(step.value.trim(), header, row),
        docstring: step.docstring.as_ref().map(|d| replace_all(d.trim(), header, row)),
        table: step
            .table
            .as_ref()
            .map(|t| t.rows.iter().map(|r| r.iter().map(|c| replace_all(c, header, row)).collect()).collect()),
    }
}
