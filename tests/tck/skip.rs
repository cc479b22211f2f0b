//! The skip list `tests/tck/skip.txt`: the ratchet of TCK cases known to fail, as data.
//! One entry a line, `feature-path:line<TAB>reason`, sorted by path then line; `#` lines
//! are comments (kept above the entry that follows them, or in the header). This module
//! reads, validates and rewrites the file; it must not decide pass or fail.

use std::collections::BTreeMap;

/// (feature path, line): sorts by path, then numerically by line.
pub type Key = (String, usize);

#[derive(Clone, Debug, Default)]
pub struct Entry {
    pub reason: String,
    /// Comment lines written directly above the entry.
    pub comments: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct SkipList {
    /// Comment lines before the first entry (up to the first blank line or entry).
    pub header: Vec<String>,
    pub entries: BTreeMap<Key, Entry>,
    /// Comment lines after the last entry.
    pub trailer: Vec<String>,
}

pub const DEFAULT_HEADER: &[&str] = &[
    "# openCypher TCK cases meridian is known to fail: the ratchet of tests/tck/main.rs.",
    "# One case a line: <feature path>:<line><TAB><reason>. The line is the `Scenario:` line,",
    "# or the example row of a `Scenario Outline`. Sorted; `#` starts a comment line.",
    "# A listed case that passes fails the run: remove its line. Regenerate the whole list",
    "# with `MERIDIAN_TCK_BLESS=1 cargo test --test tck` (reasons of kept lines are kept).",
];

pub fn parse_key(s: &str) -> Option<Key> {
    let (path, line) = s.rsplit_once(':')?;
    let line = line.parse::<usize>().ok()?;
    if path.is_empty() || line == 0 || path.contains(char::is_whitespace) {
        return None;
    }
    Some((path.to_string(), line))
}

/// Parse the file. Every malformed line is an error: the ratchet must not silently
/// ignore an entry it cannot read.
pub fn parse(text: &str) -> Result<SkipList, Vec<String>> {
    let mut list = SkipList::default();
    let mut pending: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    let mut in_header = true;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        let n = i + 1;
        if line.trim().is_empty() {
            if in_header {
                list.header.append(&mut pending);
                in_header = false;
            }
            continue;
        }
        if line.trim_start().starts_with('#') {
            pending.push(line.to_string());
            continue;
        }
        in_header = false;
        let Some((key, reason)) = line.split_once('\t') else {
            errors.push(format!("skip.txt:{n}: expected `<feature>:<line><TAB><reason>`, got `{line}`"));
            continue;
        };
        let Some(key) = parse_key(key.trim()) else {
            errors.push(format!("skip.txt:{n}: bad case id `{key}`"));
            continue;
        };
        let reason = reason.trim();
        if reason.is_empty() {
            errors.push(format!("skip.txt:{n}: {}:{} has no reason", key.0, key.1));
            continue;
        }
        let entry = Entry { reason: reason.to_string(), comments: std::mem::take(&mut pending) };
        if list.entries.insert(key.clone(), entry).is_some() {
            errors.push(format!("skip.txt:{n}: {}:{} is listed twice", key.0, key.1));
        }
    }
    if in_header {
        list.header.append(&mut pending);
    } else {
        list.trailer = pending;
    }
    if errors.is_empty() { Ok(list) } else { Err(errors) }
}

pub fn render(list: &SkipList) -> String {
    let mut out = String::new();
    let header: Vec<String> = if list.header.is_empty() {
        DEFAULT_HEADER.iter().map(|s| s.to_string()).collect()
    } else {
        list.header.clone()
    };
    for h in &header {
        out.push_str(h);
        out.push('\n');
    }
    out.push('\n');
    for ((path, line), e) in &list.entries {
        for c in &e.comments {
            out.push_str(c);
            out.push('\n');
        }
        out.push_str(&format!("{path}:{line}\t{}\n", e.reason));
    }
    for c in &list.trailer {
        out.push_str(c);
        out.push('\n');
    }
    out
}

pub mod self_tests {
    use super::*;

    pub const SELF_TESTS: &[(&str, fn())] =
        &[("skip_round_trip", round_trip), ("skip_rejects_bad_lines", rejects_bad_lines)];

    fn round_trip() {
        let text = "# head\n\n# about b\nb/B.feature:20\twrong result\na/A.feature:3\tunsupported: x\na/A.feature:10\tw\n# tail\n";
        let list = match parse(text) {
            Ok(l) => l,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(list.header, vec!["# head"]);
        let keys: Vec<_> = list.entries.keys().cloned().collect();
        assert_eq!(
            keys,
            vec![("a/A.feature".to_string(), 3), ("a/A.feature".to_string(), 10), ("b/B.feature".to_string(), 20)]
        );
        let out = render(&list);
        assert_eq!(
            out,
            "# head\n\na/A.feature:3\tunsupported: x\na/A.feature:10\tw\n# about b\nb/B.feature:20\twrong result\n# tail\n"
        );
        let again = parse(&out).map(|l| render(&l));
        assert_eq!(again.as_deref(), Ok(out.as_str()));
    }

    fn rejects_bad_lines() {
        for bad in [
            "a/A.feature:3\n",
            "a/A.feature:3\t \n",
            "a/A.feature\treason\n",
            "a/A.feature:x\treason\n",
            "a/A.feature:3\tr\na/A.feature:3\tr\n",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
