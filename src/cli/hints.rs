//! Friendly advice. Before a statement runs (in the shell and in batch mode): a label,
//! relationship type or property key that the graph does not have, with the closest
//! existing names by edit distance (`warning: no label :Contry in the graph; did you mean
//! :Country?`). After a statement fails: `help:` notes for habits from other languages
//! (`==`, `&&`, SQL's `SELECT`, `GROUP BY`, `LIKE`, `OFFSET`, a missing `AS`), attached
//! to the error so they print under its caret. Advice only: the statement still runs,
//! the exit status never changes, and the parser's own errors stay the authority on
//! what is valid. Works on the shell's tokens, its `Catalog` and the error's code and
//! span; it reads nothing else.

use super::complete::Catalog;
use super::tokens::{Kind, Token, tokenize};
use crate::Error;

/// Warnings and hints for `statement`, one line each, without the `warning: ` prefix.
pub fn check(catalog: &Catalog, statement: &str) -> Vec<String> {
    let tokens = tokenize(statement);
    let sig: Vec<&Token> = tokens.iter().filter(|t| !matches!(t.kind, Kind::Space | Kind::Comment)).collect();
    let text = |t: &Token| t.text(statement).to_string();
    let mut notes = Vec::new();
    // Statements that create names may use new ones on purpose.
    let writes = sig.iter().any(|t| {
        t.kind == Kind::Keyword && ["CREATE", "MERGE", "SET"].iter().any(|k| t.text(statement).eq_ignore_ascii_case(k))
    });
    // Variables declared in patterns, `(v` or `[v`: only their keys are checked, since a
    // map's keys are its own business.
    let mut entities: Vec<&str> = Vec::new();
    for (i, t) in sig.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| sig.get(j)).map(|p| p.text(statement));
        let next = sig.get(i + 1).map(|n| n.text(statement));
        let node = prev == Some("(") && matches!(next, Some(":" | ")" | "{"));
        let rel = prev == Some("[") && matches!(next, Some(":" | "]" | "{" | "*"));
        if t.kind == Kind::Name && (node || rel) {
            entities.push(t.text(statement));
        }
    }
    let mut stack: Vec<&str> = Vec::new();
    for (i, t) in sig.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| sig.get(j)).map(|p| p.text(statement));
        let prev2 = i.checked_sub(2).and_then(|j| sig.get(j)).map(|p| p.text(statement));
        let prev3 = i.checked_sub(3).and_then(|j| sig.get(j)).map(|p| p.text(statement));
        match (t.kind, t.text(statement)) {
            (Kind::Punct, open @ ("(" | "[" | "{")) => stack.push(open),
            (Kind::Punct, ")" | "]" | "}") => {
                stack.pop();
            }
            (Kind::Name | Kind::Quoted, _) if !writes => {
                let name = text(t).trim_matches('`').to_string();
                let in_map = stack.last() == Some(&"{");
                // `:A`, and `B` in `:A|B` (not `| x` of a list comprehension).
                let after_label = prev == Some(":") || (prev == Some("|") && matches!(prev3, Some(":" | "|")));
                if after_label && !in_map {
                    let (what, sigil, known) = if stack.last() == Some(&"[") {
                        ("relationship type", ":", &catalog.rel_types)
                    } else {
                        ("label", ":", &catalog.labels)
                    };
                    if !known.contains(&name) {
                        notes.push(missing(what, sigil, &name, known));
                    }
                } else if prev == Some(".")
                    && prev2.is_some_and(|v| entities.contains(&v))
                    && !catalog.all_keys.contains(&name)
                {
                    notes.push(missing("property key", ".", &name, &catalog.all_keys));
                }
            }
            _ => {}
        }
    }
    notes.dedup();
    notes
}

/// Whether `check` could have anything to say about `statement`: it reads names (a
/// pattern label or type, or a property) and creates none. Lets a caller skip building
/// the catalog, a scan of the graph, for statements that only write.
pub fn may_warn(statement: &str) -> bool {
    let tokens = tokenize(statement);
    let writes = tokens.iter().any(|t| {
        t.kind == Kind::Keyword && ["CREATE", "MERGE", "SET"].iter().any(|k| t.text(statement).eq_ignore_ascii_case(k))
    });
    !writes && tokens.iter().any(|t| t.kind == Kind::Punct && matches!(t.text(statement), ":" | "."))
}

/// `error` with `help:` notes for the habit that probably caused it, when its code and
/// the text at its span say which; `statement` is the text its span points into. An
/// error that already carries notes keeps them and gets no more.
pub fn annotate(mut error: Error, statement: &str) -> Error {
    if error.notes.is_empty() {
        error.notes = advise(&error, statement);
    }
    error
}

/// The notes `annotate` adds.
pub fn advise(error: &Error, statement: &str) -> Vec<String> {
    let Some(span) = error.span else { return Vec::new() };
    let at = statement.get(span.start..span.end.max(span.start)).unwrap_or("");
    let before = statement.get(..span.start).unwrap_or("").trim_end();
    let after = statement.get(span.end..).unwrap_or("");
    let note = |text: &str| vec![format!("help: {text}")];
    if error.code == "NoExpressionAlias" {
        let expr = at.trim();
        return note(&format!("write `WITH {expr} AS {}` to name the value", alias_for(expr)));
    }
    if error.code != "UnexpectedSyntax" {
        return Vec::new();
    }
    let word = at.trim().to_ascii_uppercase();
    match word.as_str() {
        "=" if before.ends_with('=') || after.starts_with('=') => note("`=` compares values; there is no `==`"),
        "==" => note("`=` compares values; there is no `==`"),
        "&" => note("write AND for `&&`"),
        "|" if after.starts_with('|') || before.ends_with('|') => note("write OR for `||`"),
        "!" => note("write NOT for `!`, and `<>` for `!=`"),
        "SELECT" => note(
            "there is no SELECT: MATCH a pattern, then RETURN what you want, e.g. `MATCH (c:Country) RETURN c.name`",
        ),
        "FROM" => note(
            "there is no FROM: the pattern of MATCH says where data comes from, e.g. `MATCH (c:Country) RETURN c.name`",
        ),
        "GROUP" => note(
            "there is no GROUP BY: the columns returned next to an aggregate group it, e.g. `RETURN c.name, count(*)`",
        ),
        "HAVING" => note(
            "there is no HAVING: aggregate in WITH, then filter, e.g. `WITH c, count(*) AS n WHERE n > 1 RETURN c`",
        ),
        "OFFSET" => note("write SKIP for OFFSET, before LIMIT: `SKIP 10 LIMIT 5`"),
        "LIKE" | "ILIKE" => {
            note("there is no LIKE: use STARTS WITH, ENDS WITH, CONTAINS, or `=~` with a regular expression")
        }
        "INSERT" => note("write CREATE to add nodes and relationships, e.g. `CREATE (:Country {name: 'Chile'})`"),
        "UPDATE" => {
            note("MATCH what to change, then SET it, e.g. `MATCH (c:Country {name: 'Chile'}) SET c.key = 'chile'`")
        }
        "JOIN" => note("there is no JOIN: a pattern joins through relationships, e.g. `MATCH (a)-[:LOCATED_IN]->(b)`"),
        "ORDER" => note("ORDER BY comes before SKIP and LIMIT"),
        "WHERE" => note("WHERE filters a MATCH or a WITH: put it before RETURN"),
        "NULLS" => note("nulls sort last when ascending and first when descending; there is no NULLS FIRST/LAST"),
        "'" | "\"" if before.to_ascii_uppercase().ends_with("AS") => {
            note("quote names with backticks, not quotes: ``AS `total value` ``")
        }
        _ if is_word(at) && ends_with_value(before) && clause_is_projection(before) => {
            note(&format!("write `AS {}` to name a column", at.trim()))
        }
        _ => Vec::new(),
    }
}

/// A name for the value of `expr`: the key of `n.key`, the function of `f(...)`, else
/// `value`.
fn alias_for(expr: &str) -> String {
    let base = match expr.split_once('(') {
        Some((function, _)) => function,
        None => expr.rsplit('.').next().unwrap_or(expr),
    };
    let word = base.trim().trim_matches('`');
    let valid = is_word(word) && !word.starts_with(|c: char| c.is_ascii_digit());
    if valid { word.to_lowercase() } else { "value".to_string() }
}

fn is_word(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty() && text.chars().all(super::tokens::is_name_char)
}

/// Text that ends the way a value does: a name, a number, a closing bracket or quote.
fn ends_with_value(text: &str) -> bool {
    text.chars().last().is_some_and(|c| super::tokens::is_name_char(c) || matches!(c, ')' | ']' | '}' | '\'' | '"'))
}

/// The last clause keyword of `text` is RETURN or WITH (not followed by a keyword that
/// could take a bare word after a value).
fn clause_is_projection(text: &str) -> bool {
    let tokens = tokenize(text);
    let last = tokens.iter().rev().find(|t| t.kind == Kind::Keyword).map(|t| t.text(text).to_ascii_uppercase());
    matches!(last.as_deref(), Some("RETURN" | "WITH" | "DISTINCT"))
}

/// `no label :Contry in the graph; did you mean :Country?`
fn missing(what: &str, sigil: &str, name: &str, known: &[String]) -> String {
    let close = closest(name, known);
    let mut note = format!("warning: no {what} {sigil}{name} in the graph");
    if !close.is_empty() {
        let names: Vec<String> = close.iter().map(|n| format!("{sigil}{n}")).collect();
        note.push_str(&format!("; did you mean {}?", names.join(" or ")));
    }
    note
}

/// The known names nearest to `name` (case-insensitive edit distance), if near enough:
/// at most a third of the name's length, and at least 1.
fn closest(name: &str, known: &[String]) -> Vec<String> {
    let limit = (name.chars().count() / 3).max(1);
    let lower = name.to_lowercase();
    let scored: Vec<(usize, &String)> =
        known.iter().map(|k| (distance(&lower, &k.to_lowercase()), k)).filter(|(d, _)| *d <= limit).collect();
    let best = scored.iter().map(|(d, _)| *d).min();
    let mut names: Vec<String> = scored.iter().filter(|(d, _)| Some(*d) == best).map(|(_, k)| (*k).clone()).collect();
    names.truncate(3);
    names
}

/// Levenshtein distance over characters, in O(len(b)) memory.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = (above + 1).min(left + 1).min(diagonal + usize::from(ca != *cb));
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        let list = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Catalog {
            labels: list(&["Country", "County", "Firm"]),
            rel_types: list(&["LOCATED_IN", "CITES"]),
            all_keys: list(&["name", "key", "population"]),
            ..Catalog::default()
        }
    }

    #[test]
    fn unknown_names_get_the_closest() {
        assert_eq!(
            check(&catalog(), "MATCH (c:Contry) RETURN c"),
            vec!["warning: no label :Contry in the graph; did you mean :Country?"]
        );
        assert_eq!(
            check(&catalog(), "MATCH (c)-[:LOCATED_AT]->(x) RETURN c.nme"),
            vec![
                "warning: no relationship type :LOCATED_AT in the graph; did you mean :LOCATED_IN?",
                "warning: no property key .nme in the graph; did you mean .name?",
            ]
        );
        assert_eq!(
            check(&catalog(), "MATCH (c:Countr) RETURN c"),
            vec!["warning: no label :Countr in the graph; did you mean :Country or :County?"]
        );
        assert_eq!(check(&catalog(), "MATCH (c:Zebra) RETURN c"), vec!["warning: no label :Zebra in the graph"]);
        // Known names, map values, and statements that create names: nothing to say.
        assert!(check(&catalog(), "MATCH (c:Country {name: x})-[:CITES|LOCATED_IN]->() RETURN c.name").is_empty());
        assert!(check(&catalog(), "CREATE (:Zebra {stripes: 1})").is_empty());
        assert!(check(&catalog(), "RETURN 1.5").is_empty());
        assert!(check(&catalog(), "WITH {a: 1} AS m RETURN m.a, [x IN [1] | x]").is_empty());
    }

    /// The notes `annotate` gives the error the engine raises for `query`.
    fn help(query: &str) -> Vec<String> {
        match crate::Engine::new().execute(query, &crate::Params::new()) {
            Ok(_) => vec!["(no error)".into()],
            Err(e) => annotate(e, query).notes,
        }
    }

    #[test]
    fn habits_from_other_languages() {
        assert!(check(&catalog(), "MATCH (n) WHERE n.name != 'x' RETURN n").is_empty());
        assert_eq!(help("MATCH (n) WITH n.name RETURN 1"), vec!["help: write `WITH n.name AS name` to name the value"]);
        assert_eq!(
            help("MATCH (n) WITH count(*) RETURN 1"),
            vec!["help: write `WITH count(*) AS count` to name the value"]
        );
        assert_eq!(help("MATCH (n) RETURN n.name name"), vec!["help: write `AS name` to name a column"]);
        // The parser's own note is kept, not doubled.
        assert_eq!(help("MATCH (n) WHERE n.name != 'x' RETURN n"), vec!["help: use <> for inequality"]);
        let cases = [
            ("MATCH (n) WHERE n.name == 'x' RETURN n", "no `==`"),
            ("SELECT * FROM x", "no SELECT"),
            ("MATCH (n) RETURN count(*) GROUP BY n.name", "no GROUP BY"),
            ("MATCH (n) RETURN count(*) HAVING count(*) > 1", "no HAVING"),
            ("MATCH (n) RETURN n LIMIT 1 OFFSET 2", "SKIP for OFFSET"),
            ("MATCH (n) WHERE n.name LIKE 'a%' RETURN n", "STARTS WITH"),
            ("MATCH (n) WHERE n.x = 1 && n.y = 2 RETURN n", "AND"),
            ("MATCH (n) WHERE n.x = 1 || n.y = 2 RETURN n", "OR"),
            ("MATCH (n) WHERE !n.x RETURN n", "NOT"),
            ("MATCH (n) RETURN n LIMIT 3 ORDER BY n.name", "before SKIP and LIMIT"),
            ("MATCH (n) RETURN n.name WHERE n.x > 3", "before RETURN"),
            ("INSERT INTO x VALUES (1)", "CREATE"),
            ("MATCH (n) RETURN n.name AS 'name'", "backticks"),
        ];
        for (query, expected) in cases {
            let notes = help(query);
            assert!(notes.len() == 1 && notes[0].contains(expected), "{query}: {notes:?}");
        }
        // No advice for errors it cannot explain.
        assert!(help("RETURN 1 +").is_empty());
        assert!(help("RETURN x").is_empty());
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("北京", "北"), 1);
    }
}
