//! Tab completion for the shell, from the words around the cursor and the graph's schema:
//! meta-commands and their arguments, keywords, functions and variables already used,
//! labels after `:` in a node, relationship types after `:` in a relationship, property
//! keys after `.` on a variable (the keys of its labels when the text gives them), and
//! parameters after `$`. A pure function of its inputs: the caller supplies the schema
//! (`Catalog`) and the lines typed before the current one; apart from listing a folder
//! for file-name arguments, it reads nothing.

use std::collections::{BTreeMap, BTreeSet};

use super::meta::META_COMMANDS;
use super::tokens::{KEYWORDS, Kind, Token, is_name_char, tokenize};
use crate::SchemaDetails;

/// The names completion offers, taken from the graph and the session.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub labels: Vec<String>,
    pub rel_types: Vec<String>,
    /// Property keys of the nodes of each label.
    pub label_keys: BTreeMap<String, Vec<String>>,
    /// Property keys of the relationships of each type.
    pub type_keys: BTreeMap<String, Vec<String>>,
    /// Every property key.
    pub all_keys: Vec<String>,
    pub functions: Vec<String>,
    /// Parameter names, without `$`.
    pub params: Vec<String>,
}

impl Catalog {
    pub fn new(schema: &SchemaDetails, functions: &[&str], params: impl IntoIterator<Item = String>) -> Catalog {
        let keys = |e: &crate::SchemaEntry| e.properties.iter().map(|(k, _, _)| k.clone()).collect::<Vec<_>>();
        let mut all: BTreeSet<String> = BTreeSet::new();
        for e in schema.labels.iter().chain(&schema.rel_types).chain(&schema.unlabelled) {
            all.extend(keys(e));
        }
        Catalog {
            labels: schema.labels.iter().map(|e| e.name.clone()).collect(),
            rel_types: schema.rel_types.iter().map(|e| e.name.clone()).collect(),
            label_keys: schema.labels.iter().map(|e| (e.name.clone(), keys(e))).collect(),
            type_keys: schema.rel_types.iter().map(|e| (e.name.clone(), keys(e))).collect(),
            all_keys: all.into_iter().collect(),
            functions: functions.iter().map(|f| f.to_string()).collect(),
            params: params.into_iter().collect(),
        }
    }
}

/// The values `:format` accepts.
pub const FORMATS: &[&str] = &["table", "json", "csv", "markdown", "line", "dot", "svg"];

/// Completions for the cursor at byte `pos` of `line`, where `before` holds the lines of
/// the statement typed so far (empty on a fresh prompt). Returns the byte offset in
/// `line` where the replaced word starts, and the candidates, sorted.
pub fn complete(catalog: &Catalog, before: &str, line: &str, pos: usize) -> (usize, Vec<String>) {
    let Some(head) = line.get(..pos) else { return (pos, Vec::new()) };
    if before.trim().is_empty() && head.trim_start().starts_with(':') {
        return complete_meta(head);
    }
    let full = format!("{before}{head}");
    let tokens = tokenize(&full);
    let base = before.len();
    let last = tokens.last().copied();
    // `$name`: parameters.
    if let Some(t) = last.filter(|t| t.kind == Kind::Param && t.end == full.len()) {
        let prefix = t.text(&full).trim_start_matches('$');
        let names = catalog.params.iter().filter(|p| starts_with_ci(p, prefix)).map(|p| format!("${p}"));
        return (t.start.saturating_sub(base), sorted(names));
    }
    // The word being typed: a name, keyword or backtick-quoted name touching the cursor.
    let word = last.filter(|t| matches!(t.kind, Kind::Name | Kind::Keyword | Kind::Quoted) && t.end == full.len());
    let (word_start, prefix) = match word {
        Some(t) => (t.start, t.text(&full).trim_matches('`')),
        None => (full.len(), ""),
    };
    // A word that began on an earlier line cannot be replaced from this one.
    let Some(start) = word_start.checked_sub(base) else { return (pos, Vec::new()) };
    let upto = word.map_or(tokens.len(), |_| tokens.len().saturating_sub(1));
    let context: Vec<&Token> =
        tokens.iter().take(upto).filter(|t| !matches!(t.kind, Kind::Space | Kind::Comment)).collect();
    let prev = context.last().map(|t| t.text(&full));
    let stack = open_brackets(&full, &context);
    let names = |list: &[String]| sorted(list.iter().filter(|n| starts_with_ci(n, prefix)).map(|n| quote(n)));
    match prev {
        Some(":") | Some("|") if is_label_position(&full, &context, &stack) => {
            if stack.last() == Some(&'[') {
                (start, names(&catalog.rel_types))
            } else {
                (start, names(&catalog.labels))
            }
        }
        Some(".") => {
            let owner = context.len().checked_sub(2).and_then(|i| context.get(i));
            match owner.filter(|t| matches!(t.kind, Kind::Name | Kind::Quoted)) {
                Some(v) => {
                    let variable = v.text(&full).trim_matches('`');
                    (start, names(&keys_of(catalog, &full, &tokens, variable)))
                }
                None => (start, Vec::new()),
            }
        }
        _ if prefix.is_empty() => (start, Vec::new()),
        _ => {
            let mut all: Vec<String> =
                KEYWORDS.iter().filter(|k| starts_with_ci(k, prefix)).map(|k| k.to_string()).collect();
            all.extend(catalog.functions.iter().filter(|f| starts_with_ci(f, prefix)).map(|f| format!("{f}(")));
            all.extend(variables(&full, &context).into_iter().filter(|v| starts_with_ci(v, prefix) && v != prefix));
            (start, sorted(all))
        }
    }
}

/// `:for` → `:format`; `:format m` → `markdown`; `:source sc` → file names.
fn complete_meta(head: &str) -> (usize, Vec<String>) {
    let offset = head.len() - head.trim_start().len();
    let text = head.trim_start();
    match text.split_once(char::is_whitespace) {
        None => {
            let names = META_COMMANDS.iter().map(|(name, _, _)| *name).filter(|n| n.starts_with(text));
            (offset, sorted(names.map(str::to_string)))
        }
        Some((command, rest)) => {
            let arg = rest.trim_start();
            let start = head.len() - arg.len();
            let choose = |list: &[&str]| sorted(list.iter().filter(|v| v.starts_with(arg)).map(|v| v.to_string()));
            match command {
                ":format" => (start, choose(FORMATS)),
                ":timing" | ":pager" | ":explain" | ":profile" => (start, choose(&["on", "off"])),
                ":source" | ":load" | ":save" => (start, file_names(arg)),
                _ => (start, Vec::new()),
            }
        }
    }
}

/// Entries of the folder named by `prefix` whose names continue it; folders end in `/`.
fn file_names(prefix: &str) -> Vec<String> {
    let (dir, stem) = match prefix.rfind('/') {
        Some(i) => (prefix.get(..=i).unwrap_or(""), prefix.get(i + 1..).unwrap_or("")),
        None => ("", prefix),
    };
    let listing = std::fs::read_dir(if dir.is_empty() { "." } else { dir });
    let Ok(entries) = listing else { return Vec::new() };
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // Hidden files only when asked for.
        if !name.starts_with(stem) || (name.starts_with('.') && !stem.starts_with('.')) {
            continue;
        }
        let slash = if entry.file_type().is_ok_and(|t| t.is_dir()) { "/" } else { "" };
        names.push(format!("{dir}{name}{slash}"));
    }
    names.sort();
    names
}

/// The brackets still open before the cursor, innermost last.
fn open_brackets(src: &str, context: &[&Token]) -> Vec<char> {
    let mut stack = Vec::new();
    for t in context.iter().filter(|t| t.kind == Kind::Punct) {
        match t.text(src) {
            "(" => stack.push('('),
            "[" => stack.push('['),
            "{" => stack.push('{'),
            ")" | "]" | "}" => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
}

/// Whether the `:` or `|` that ends `context` starts a label or type: not a map's `:`,
/// and a `|` only inside a relationship after a type (`[:A|`).
fn is_label_position(src: &str, context: &[&Token], stack: &[char]) -> bool {
    if stack.last() == Some(&'{') {
        return false;
    }
    match context.last().map(|t| t.text(src)) {
        Some("|") => {
            let before: Vec<&str> = context.iter().rev().skip(1).take(2).map(|t| t.text(src)).collect();
            stack.last() == Some(&'[') && before.get(1) == Some(&":")
        }
        _ => true,
    }
}

/// The property keys to offer after `variable.`: those of the labels (or types) the text
/// gives the variable in a pattern, else every key of the graph.
fn keys_of(catalog: &Catalog, src: &str, tokens: &[Token], variable: &str) -> Vec<String> {
    let sig: Vec<&Token> = tokens.iter().filter(|t| !matches!(t.kind, Kind::Space | Kind::Comment)).collect();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let mut found = false;
    for (i, t) in sig.iter().enumerate() {
        if !matches!(t.kind, Kind::Name | Kind::Quoted) || t.text(src).trim_matches('`') != variable {
            continue;
        }
        // `(v:A:B` or `[v:T|U`: the names after `:` and `|` that follow the variable.
        let opener = i.checked_sub(1).and_then(|j| sig.get(j)).map(|p| p.text(src));
        let in_relationship = opener == Some("[");
        if !matches!(opener, Some("(") | Some("[")) {
            continue;
        }
        let mut j = i + 1;
        while let (Some(sep), Some(name)) = (sig.get(j), sig.get(j + 1)) {
            if !matches!(sep.text(src), ":" | "|") || !matches!(name.kind, Kind::Name | Kind::Quoted) {
                break;
            }
            let name = name.text(src).trim_matches('`');
            let table = if in_relationship { &catalog.type_keys } else { &catalog.label_keys };
            if let Some(list) = table.get(name) {
                keys.extend(list.iter().cloned());
                found = true;
            }
            j += 2;
        }
    }
    if found { keys.into_iter().collect() } else { catalog.all_keys.clone() }
}

/// Names used as variables so far: names that are not labels, keys, map keys or functions.
fn variables(src: &str, context: &[&Token]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, t) in context.iter().enumerate() {
        if t.kind != Kind::Name {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|j| context.get(j)).map(|p| p.text(src));
        let next = context.get(i + 1).map(|n| n.text(src));
        if matches!(prev, Some(":") | Some(".") | Some("|")) || matches!(next, Some("(") | Some(":")) {
            // `(n:Label)` still declares `n`: a name followed by `:` right after `(` or `[`.
            if !(next == Some(":") && matches!(prev, Some("(") | Some("["))) {
                continue;
            }
        }
        out.insert(t.text(src).to_string());
    }
    out
}

fn starts_with_ci(name: &str, prefix: &str) -> bool {
    name.len() >= prefix.len() && name.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// A name as it must be written: in backticks unless it is a plain identifier.
fn quote(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') && name.chars().all(is_name_char);
    if plain { name.to_string() } else { format!("`{}`", name.replace('`', "``")) }
}

fn sorted(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let set: BTreeSet<String> = items.into_iter().collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let list = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Catalog {
            labels: list(&["Claim", "Country", "Firm", "Two Words"]),
            rel_types: list(&["CITES", "IMPORTS_GPUS_FROM", "LOCATED_IN"]),
            label_keys: [("Country".to_string(), list(&["key", "name", "population"]))].into(),
            type_keys: [("CITES".to_string(), list(&["id", "para"]))].into(),
            all_keys: list(&["id", "key", "name", "para", "population", "statement"]),
            functions: list(&["count", "coalesce", "toUpper"]),
            params: list(&["limit", "country"]),
        }
    }

    /// Complete at the end of `line` (or at `|` when the line contains one).
    fn at(before: &str, line: &str) -> (usize, Vec<String>) {
        let (text, pos) = match line.find('¦') {
            Some(i) => (line.replacen('¦', "", 1), i),
            None => (line.to_string(), line.len()),
        };
        complete(&catalog(), before, &text, pos)
    }

    fn names(result: (usize, Vec<String>)) -> Vec<String> {
        result.1
    }

    #[test]
    fn labels_in_nodes_and_types_in_relationships() {
        assert_eq!(at("", "MATCH (c:Co"), (9, vec!["Country".to_string()]));
        assert_eq!(names(at("", "MATCH (c:")), vec!["Claim", "Country", "Firm", "`Two Words`"]);
        assert_eq!(names(at("", "MATCH (:T")), vec!["`Two Words`"]);
        assert_eq!(at("", "MATCH (c)-[:IM"), (12, vec!["IMPORTS_GPUS_FROM".to_string()]));
        assert_eq!(names(at("", "MATCH ()-[r:CITES|LO")), vec!["LOCATED_IN"]);
        // A label test in WHERE.
        assert_eq!(names(at("", "MATCH (n) WHERE n:Fi")), vec!["Firm"]);
        // A map's `:` is followed by a value, not a label.
        assert!(names(at("", "MATCH (n {name: C")).iter().all(|c| c != "Country"));
    }

    #[test]
    fn property_keys_follow_the_variable_label() {
        assert_eq!(at("", "MATCH (c:Country) RETURN c.n"), (27, vec!["name".to_string()]));
        assert_eq!(names(at("", "MATCH (c:Country) RETURN c.")), vec!["key", "name", "population"]);
        assert_eq!(names(at("", "MATCH ()-[r:CITES]->() RETURN r.")), vec!["id", "para"]);
        // An unknown label: every key.
        assert_eq!(names(at("", "MATCH (x) RETURN x.s")), vec!["statement"]);
        // The pattern was typed on an earlier line.
        assert_eq!(names(at("MATCH (c:Country)\n", "WHERE c.po")), vec!["population"]);
        // A number before `.` is not a variable.
        assert!(names(at("", "RETURN 1.")).is_empty());
    }

    #[test]
    fn parameters_keywords_functions_and_variables() {
        assert_eq!(at("", "MATCH (n) RETURN n LIMIT $l"), (25, vec!["$limit".to_string()]));
        assert_eq!(names(at("", "RETURN $")), vec!["$country", "$limit"]);
        assert_eq!(names(at("", "MAT")), vec!["MATCH"]);
        assert_eq!(names(at("", "match (n) ret")), vec!["RETURN"]);
        assert_eq!(names(at("", "RETURN co")), vec!["CONTAINS", "coalesce(", "count("]);
        assert_eq!(names(at("", "MATCH (country:Country) RETURN cou")), vec!["count(", "country"]);
        // Nothing typed: no flood of keywords.
        assert!(names(at("", "MATCH (n) ")).is_empty());
        // Inside a string, the word is not a keyword.
        assert!(names(at("", "RETURN 'MAT")).is_empty());
    }

    #[test]
    fn completes_in_the_middle_of_a_line() {
        assert_eq!(at("", "MATCH (c:Co¦) RETURN c"), (9, vec!["Country".to_string()]));
    }

    #[test]
    fn meta_commands_and_their_arguments() {
        assert_eq!(names(at("", ":fo")), vec![":format"]);
        assert_eq!(names(at("", ":cl")), vec![":clear-params"]);
        assert_eq!(at("", ":format m"), (8, vec!["markdown".to_string()]));
        assert_eq!(names(at("", ":timing o")), vec!["off", "on"]);
        // Inside a statement a `:` line is not a meta-command.
        assert!(names(at("MATCH (n)\n", ":fo")).is_empty());
    }

    #[test]
    fn bad_cursor_positions_give_nothing() {
        assert_eq!(complete(&catalog(), "", "北京", 1), (1, vec![]));
        assert_eq!(complete(&catalog(), "", "ab", 9), (9, vec![]));
    }
}
