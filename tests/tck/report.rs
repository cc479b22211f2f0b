//! `TCK.md`: the pass rates of a full TCK run per folder, in total and for three groups
//! (read-core, extended-read, clauses/create), with the TCK commit. Rates count what
//! actually passed, independent of the skip list. This module only formats; it must
//! not run cases.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::cases::Case;

pub const COMMAND: &str = "MERIDIAN_TCK_REPORT=1 cargo test --test tck";

const READ_CORE: &[&str] = &[
    "clauses/match",
    "clauses/match-where",
    "clauses/return",
    "clauses/return-orderby",
    "clauses/return-skip-limit",
    "clauses/with",
    "clauses/with-where",
    "clauses/with-orderBy",
    "clauses/with-skip-limit",
    "clauses/unwind",
    "expressions/literals",
    "expressions/comparison",
    "expressions/boolean",
    "expressions/null",
    "expressions/string",
    "expressions/list",
    "expressions/map",
    "expressions/graph",
    "expressions/aggregation",
    "expressions/precedence",
];

const EXTENDED_READ: &[&str] = &[
    "clauses/union",
    "expressions/path",
    "expressions/conditional",
    "expressions/quantifier",
    "expressions/existentialSubqueries",
    "expressions/pattern",
    "expressions/typeConversion",
    "expressions/mathematical",
];

/// clauses/match features that are about OPTIONAL MATCH, variable-length patterns or
/// named paths as a whole.
const EXTENDED_MATCH_FEATURES: &[&str] = &[
    "clauses/match/Match4.feature",
    "clauses/match/Match5.feature",
    "clauses/match/Match6.feature",
    "clauses/match/Match7.feature",
];

static OPTIONAL_MATCH: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bOPTIONAL\s+MATCH\b"));
/// `-[...*...]-`: a variable-length relationship pattern.
static VAR_LENGTH: LazyLock<Regex> = LazyLock::new(|| re(r"-\[[^\]]*\*[^\]]*\]-"));
/// `MATCH p = (` or `, p = (`: a named path.
static NAMED_PATH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(\bMATCH|,)\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*(shortestPath\s*)?\("));

fn re(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("bad harness regex {s}: {e}"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    ReadCore,
    ExtendedRead,
    Create,
}

impl Group {
    fn title(self) -> &'static str {
        match self {
            Group::ReadCore => "read-core",
            Group::ExtendedRead => "extended-read",
            Group::Create => "clauses/create",
        }
    }
}

/// The group of a case, if any.
pub fn classify(case: &Case) -> Option<Group> {
    let folder = case.folder();
    if folder == "clauses/match" {
        let queries =
            case.steps.iter().filter(|s| s.text.starts_with("executing")).filter_map(|s| s.docstring.as_deref());
        let extended = EXTENDED_MATCH_FEATURES.contains(&case.feature.as_str())
            || queries
                .into_iter()
                .any(|q| OPTIONAL_MATCH.is_match(q) || VAR_LENGTH.is_match(q) || NAMED_PATH.is_match(q));
        return Some(if extended { Group::ExtendedRead } else { Group::ReadCore });
    }
    if READ_CORE.contains(&folder) {
        Some(Group::ReadCore)
    } else if EXTENDED_READ.contains(&folder) || folder.starts_with("useCases") {
        Some(Group::ExtendedRead)
    } else if folder == "clauses/create" {
        Some(Group::Create)
    } else {
        None
    }
}

/// One case's result for the report.
pub struct Row {
    pub folder: String,
    pub group: Option<Group>,
    pub passed: bool,
    pub reason: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Count {
    passed: usize,
    total: usize,
}

impl Count {
    fn add(&mut self, passed: bool) {
        self.total += 1;
        if passed {
            self.passed += 1;
        }
    }
    fn rate(self) -> String {
        if self.total == 0 { "-".into() } else { format!("{:.1}%", 100.0 * self.passed as f64 / self.total as f64) }
    }
    fn line(self, name: &str) -> String {
        format!("| {name} | {} | {} | {} |\n", self.passed, self.total, self.rate())
    }
}

/// The TCK commit named in `../shared/tck/README.md`, if it can be found.
pub fn tck_commit(readme: &str) -> Option<String> {
    let r = re(r"commit\s+`([0-9a-f]{7,40})`");
    r.captures(readme).map(|c| c[1].to_string())
}

pub fn render(rows: &[Row], commit: Option<&str>) -> String {
    let mut folders: BTreeMap<&str, Count> = BTreeMap::new();
    let mut groups: BTreeMap<Group, Count> = BTreeMap::new();
    let mut total = Count::default();
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows {
        folders.entry(&r.folder).or_default().add(r.passed);
        if let Some(g) = r.group {
            groups.entry(g).or_default().add(r.passed);
        }
        total.add(r.passed);
        if let Some(reason) = &r.reason {
            *reasons.entry(reason).or_default() += 1;
        }
    }
    let mut s = String::new();
    s.push_str("# openCypher TCK results\n\n");
    s.push_str(&format!(
        "Generated by `{COMMAND}`; do not edit by hand.\n\
         Scenarios come from the openCypher TCK (Apache-2.0), read from `../shared/tck/features`, commit `{}`.\n\
         A case is one scenario or one example row of a scenario outline. Rates count cases that\n\
         pass, whatever the skip list (`tests/tck/skip.txt`) says.\n\n",
        commit.unwrap_or("unknown")
    ));
    s.push_str("## Summary\n\n| group | passed | cases | rate |\n|---|---:|---:|---:|\n");
    for g in [Group::ReadCore, Group::ExtendedRead, Group::Create] {
        s.push_str(&groups.get(&g).copied().unwrap_or_default().line(g.title()));
    }
    s.push_str(&total.line("**total**"));
    s.push_str("\n## Per folder\n\n| folder | passed | cases | rate |\n|---|---:|---:|---:|\n");
    for (f, c) in &folders {
        s.push_str(&c.line(&format!("`{f}`")));
    }
    s.push_str(&total.line("**total**"));
    let mut top: Vec<(&str, usize)> = reasons.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !top.is_empty() {
        s.push_str("\n## Most common failure reasons\n\n| cases | reason |\n|---:|---|\n");
        for (reason, n) in top.iter().take(25) {
            s.push_str(&format!("| {n} | {} |\n", reason.replace('|', "\\|")));
        }
    }
    s.push_str(
        "\n## Groups\n\n\
         - **read-core**: folders `clauses/match`, `match-where`, `return`, `return-orderby`,\n  \
         `return-skip-limit`, `with`, `with-where`, `with-orderBy`, `with-skip-limit`, `unwind`, and\n  \
         `expressions/literals`, `comparison`, `boolean`, `null`, `string`, `list`, `map`, `graph`,\n  \
         `aggregation`, `precedence`; minus the clauses/match cases counted in extended-read.\n\
         - **extended-read**: `clauses/union`, `expressions/path`, `conditional`, `quantifier`,\n  \
         `existentialSubqueries`, `pattern`, `typeConversion`, `mathematical`, all of `useCases`, and\n  \
         the clauses/match cases about OPTIONAL MATCH, variable-length patterns or named paths:\n  \
         every case of Match4-Match7, plus any other clauses/match case whose query contains\n  \
         `OPTIONAL MATCH`, a `-[..*..]-` pattern or a `p = (...)` path assignment.\n\
         - **clauses/create**: the `clauses/create` folder.\n",
    );
    let split = |g: Group| rows.iter().filter(|r| r.folder == "clauses/match" && r.group == Some(g)).count();
    s.push_str(&format!(
        "\nIn this run clauses/match gave {} cases to read-core and {} to extended-read.\n",
        split(Group::ReadCore),
        split(Group::ExtendedRead)
    ));
    s
}
