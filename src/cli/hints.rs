//! Friendly warnings before a statement runs in the shell: a label, relationship type or
//! property key that the graph does not have, with the closest existing names by edit
//! distance (`warning: no label :Contry in the graph; did you mean :Country?`), and hints
//! for habits from other languages (`!=`, `==`, `SELECT`). Advice only: the statement
//! still runs, and the parser's own errors stay the authority on what is valid. Works on
//! the shell's tokens and its `Catalog`; it reads nothing else.

use super::complete::Catalog;
use super::tokens::{Kind, Token, tokenize};

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
            (Kind::Punct, "=") if prev == Some("!") => {
                notes.push("hint: write `<>` for \"not equal\" (not `!=`)".into())
            }
            (Kind::Punct, "=") if prev == Some("=") => notes.push("hint: `=` compares; there is no `==`".into()),
            (Kind::Name, word) if i == 0 && word.eq_ignore_ascii_case("SELECT") => {
                notes.push("hint: there is no SELECT; MATCH a pattern and RETURN what you want".into())
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

    #[test]
    fn habits_from_other_languages() {
        assert_eq!(check(&catalog(), "MATCH (n) WHERE n.name != 'x' RETURN n").len(), 1);
        assert!(check(&catalog(), "MATCH (n) WHERE n.name == 'x' RETURN n")[0].contains("no `==`"));
        assert!(check(&catalog(), "SELECT * FROM x")[0].contains("no SELECT"));
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("北京", "北"), 1);
    }
}
