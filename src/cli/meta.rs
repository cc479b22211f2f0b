//! The shell's `:` meta-commands: their table (name, argument, one line of help, which
//! `:help` prints and completion offers), parsing a command line into a `Meta`, and the
//! `:schema` report. Parsing never fails: a command it does not know comes back as
//! `Meta::Other` for the shell to handle or reject. It runs nothing itself.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Format;
use crate::SchemaDetails;

/// (name, argument, help) of every meta-command, in the order `:help` lists them.
pub const META_COMMANDS: &[(&str, &str, &str)] = &[
    (":help", "", "list these commands"),
    (":schema", "[svg|dot [FILE]]", "labels, types, keys, connections; svg/dot: a picture of them"),
    (":param", "NAME => VALUE", "set the parameter $NAME to a literal value"),
    (":params", "", "list the parameters"),
    (":clear-params", "", "remove every parameter"),
    (":source", "FILE", "run the statements of FILE, printing each result"),
    (":load", "FILE", "run the statements of FILE quietly, then sum up (load data)"),
    (":save", "FILE", "write this session's successful statements to FILE"),
    (":format", "MODE", "print results as table, json, csv, markdown, line, dot or svg"),
    (":timing", "on|off", "show how long each statement took"),
    (":explain", "[on|off]", "toggle: show each statement's plan instead of running it"),
    (":profile", "[on|off]", "toggle: run each statement and show its plan too"),
    (":pager", "on|off", "page results taller than the terminal ($PAGER, else less)"),
    (":view", "[FILE]", "draw the last result's nodes and relationships (SVG; FILE.dot: DOT)"),
    (":history", "", "list the statements of the history, numbered"),
    (":begin", "", "open a transaction: the next statements commit or roll back together"),
    (":commit", "", "commit the open transaction (durably, with --db)"),
    (":rollback", "", "undo everything since :begin"),
    (":quit", "", "leave the shell (Ctrl-D and :exit too)"),
];

/// A parsed meta-command line.
#[derive(Clone, Debug, PartialEq)]
pub enum Meta {
    Help,
    Schema,
    /// `:schema svg|dot [FILE]`: a picture of which labels connect to which.
    SchemaPicture {
        svg: bool,
        path: Option<PathBuf>,
    },
    /// `:view [FILE]`: a picture of the last result.
    View(Option<PathBuf>),
    /// `:param name => value`: the value is still text, evaluated by the session.
    Param {
        name: String,
        value: String,
    },
    Params,
    ClearParams,
    Source(PathBuf),
    Load(PathBuf),
    Save(PathBuf),
    Format(Format),
    Timing(bool),
    /// `None` toggles.
    Explain(Option<bool>),
    Profile(Option<bool>),
    Pager(bool),
    History,
    Quit,
    /// A command it could parse but with a bad argument: the message to show.
    Invalid(String),
    /// A command this table does not know: (name, rest of the line).
    Other(String, String),
}

/// Parse a line starting with `:`.
pub fn parse(line: &str) -> Meta {
    let line = line.trim();
    let (name, arg) = match line.split_once(char::is_whitespace) {
        Some((name, arg)) => (name, arg.trim()),
        None => (line, ""),
    };
    let no_arg = |meta: Meta| {
        if arg.is_empty() { meta } else { Meta::Invalid(format!("{name} takes no argument")) }
    };
    let file = |make: fn(PathBuf) -> Meta| {
        if arg.is_empty() { Meta::Invalid(format!("usage: {name} FILE")) } else { make(PathBuf::from(arg)) }
    };
    let switch = |arg: &str| match arg.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Some(true),
        "off" | "false" | "no" => Some(false),
        _ => None,
    };
    match name {
        ":help" | ":h" | ":?" => no_arg(Meta::Help),
        ":schema" => {
            let (kind, path) = match arg.split_once(char::is_whitespace) {
                Some((kind, path)) => (kind, Some(PathBuf::from(path.trim()))),
                None => (arg, None),
            };
            match kind.to_ascii_lowercase().as_str() {
                "" => Meta::Schema,
                "svg" => Meta::SchemaPicture { svg: true, path },
                "dot" => Meta::SchemaPicture { svg: false, path },
                _ => Meta::Invalid("usage: :schema [svg|dot [FILE]]".into()),
            }
        }
        ":view" => Meta::View((!arg.is_empty()).then(|| PathBuf::from(arg))),
        ":params" => no_arg(Meta::Params),
        ":clear-params" => no_arg(Meta::ClearParams),
        ":history" => no_arg(Meta::History),
        ":quit" | ":exit" | ":q" => no_arg(Meta::Quit),
        ":param" => parse_param(arg),
        ":source" => file(Meta::Source),
        ":load" => file(Meta::Load),
        ":save" => file(Meta::Save),
        ":format" => match <Format as clap::ValueEnum>::from_str(arg, true) {
            Ok(format) => Meta::Format(format),
            Err(_) => Meta::Invalid("usage: :format table|json|csv|markdown|line|dot|svg".into()),
        },
        ":timing" | ":pager" => match switch(arg) {
            Some(on) if name == ":timing" => Meta::Timing(on),
            Some(on) => Meta::Pager(on),
            None => Meta::Invalid(format!("usage: {name} on|off")),
        },
        ":explain" | ":profile" => {
            let state = if arg.is_empty() { Some(None) } else { switch(arg).map(Some) };
            match state {
                Some(s) if name == ":explain" => Meta::Explain(s),
                Some(s) => Meta::Profile(s),
                None => Meta::Invalid(format!("usage: {name} [on|off]")),
            }
        }
        _ => Meta::Other(name.to_string(), arg.to_string()),
    }
}

/// `name => value`, also `name = value` and `name: value`; a leading `$` is dropped.
fn parse_param(arg: &str) -> Meta {
    let split = ["=>", "=", ":"].iter().find_map(|sep| arg.split_once(sep));
    match split {
        Some((name, value)) => {
            let name = name.trim().trim_start_matches('$').trim_matches('`');
            let value = value.trim().trim_end_matches(';').trim();
            let valid = !name.is_empty() && name.chars().all(super::tokens::is_name_char);
            if !valid {
                Meta::Invalid(format!("`{name}` is not a parameter name"))
            } else if value.is_empty() {
                Meta::Invalid("usage: :param NAME => VALUE".into())
            } else {
                Meta::Param { name: name.to_string(), value: value.to_string() }
            }
        }
        None => Meta::Invalid("usage: :param NAME => VALUE, for example :param limit => 10".into()),
    }
}

/// `:help`: every command with its one line.
pub fn write_help(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Statements end with `;` and may span several lines. Meta-commands:")?;
    let width = META_COMMANDS.iter().map(|(n, a, _)| n.len() + a.len() + 1).max().unwrap_or(0);
    for (name, arg, help) in META_COMMANDS {
        let usage = if arg.is_empty() { name.to_string() } else { format!("{name} {arg}") };
        writeln!(out, "  {usage:<width$}  {help}")?;
    }
    writeln!(out, "Tab completes keywords, functions, labels, types, keys and parameters; Ctrl-R searches")?;
    writeln!(out, "the history. Ctrl-C abandons the current input or cancels the running query.")?;
    writeln!(out, "EXPLAIN or PROFILE before a statement shows its plan.")
}

/// `:schema`: labels and relationship types with counts and property keys (how many
/// carry each, value types), then the connections `(:A)-[:T]->(:B)` with counts.
pub fn write_schema(schema: &SchemaDetails, out: &mut dyn Write) -> io::Result<()> {
    let section = |out: &mut dyn Write, title: &str, entries: &[crate::SchemaEntry], prefix: &str| {
        writeln!(out, "{title}:")?;
        if entries.is_empty() {
            writeln!(out, "  (none)")?;
        }
        for e in entries {
            let name = if e.name.is_empty() { "(no label)".to_string() } else { format!("{prefix}{}", e.name) };
            writeln!(out, "  {name}  {}", e.count)?;
            let key_width = e.properties.iter().map(|(k, _, _)| k.chars().count()).max().unwrap_or(0);
            let count_width = e.properties.iter().map(|(_, n, _)| n.to_string().len()).max().unwrap_or(0);
            for (key, n, types) in &e.properties {
                writeln!(out, "    .{key:<key_width$}  {n:>count_width$}  {}", types.join(" | "))?;
            }
        }
        Ok::<(), io::Error>(())
    };
    let mut labels = schema.labels.clone();
    labels.extend(schema.unlabelled.clone());
    section(out, "Node labels", &labels, ":")?;
    section(out, "Relationship types", &schema.rel_types, ":")?;
    writeln!(out, "Connections:")?;
    if schema.connections.is_empty() {
        writeln!(out, "  (none)")?;
    }
    let node = |l: &str| if l.is_empty() { "()".to_string() } else { format!("(:{l})") };
    let lines: Vec<String> =
        schema.connections.iter().map(|(a, t, b, _)| format!("{}-[:{t}]->{}", node(a), node(b))).collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    for (line, (_, _, _, n)) in lines.iter().zip(&schema.connections) {
        writeln!(out, "  {line:<width$}  {n}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands() {
        assert_eq!(parse(":help"), Meta::Help);
        assert_eq!(parse("  :quit "), Meta::Quit);
        assert_eq!(parse(":exit"), Meta::Quit);
        assert_eq!(parse(":format markdown"), Meta::Format(Format::Markdown));
        assert_eq!(parse(":format LINE"), Meta::Format(Format::Line));
        assert!(matches!(parse(":format xml"), Meta::Invalid(_)));
        assert_eq!(parse(":timing on"), Meta::Timing(true));
        assert_eq!(parse(":timing off"), Meta::Timing(false));
        assert!(matches!(parse(":timing"), Meta::Invalid(_)));
        assert_eq!(parse(":explain"), Meta::Explain(None));
        assert_eq!(parse(":profile off"), Meta::Profile(Some(false)));
        assert_eq!(parse(":source a b.cypher"), Meta::Source(PathBuf::from("a b.cypher")));
        assert!(matches!(parse(":save"), Meta::Invalid(_)));
        assert!(matches!(parse(":schema x"), Meta::Invalid(_)));
        assert_eq!(parse(":schema svg"), Meta::SchemaPicture { svg: true, path: None });
        assert_eq!(parse(":schema dot s.dot"), Meta::SchemaPicture { svg: false, path: Some(PathBuf::from("s.dot")) });
        assert_eq!(parse(":view"), Meta::View(None));
        assert_eq!(parse(":view a b.svg"), Meta::View(Some(PathBuf::from("a b.svg"))));
        assert_eq!(parse(":begin"), Meta::Other(":begin".into(), String::new()));
    }

    #[test]
    fn parses_parameters() {
        let param = |n: &str, v: &str| Meta::Param { name: n.into(), value: v.into() };
        assert_eq!(parse(":param limit => 10"), param("limit", "10"));
        assert_eq!(parse(":param $who => 'Ada Lovelace';"), param("who", "'Ada Lovelace'"));
        assert_eq!(parse(":param m => {k: [1, 2]}"), param("m", "{k: [1, 2]}"));
        assert_eq!(parse(":param x = 1"), param("x", "1"));
        assert!(matches!(parse(":param 1 + 2"), Meta::Invalid(_)));
        assert!(matches!(parse(":param x =>"), Meta::Invalid(_)));
        assert!(matches!(parse(":param a b => 1"), Meta::Invalid(_)));
    }

    #[test]
    fn help_lists_every_command() {
        let mut buf = Vec::new();
        assert!(write_help(&mut buf).is_ok());
        let text = String::from_utf8_lossy(&buf);
        for (name, _, _) in META_COMMANDS {
            assert!(text.contains(name), "{name}");
        }
    }

    #[test]
    fn schema_report() {
        let mut engine = crate::Engine::new();
        let script = "CREATE (:A {name: 'x', n: 1})-[:T {w: 1.5}]->(:B {name: 'y'}), (:A {n: 'two'}), ({k: true})";
        assert!(engine.run_script(script).is_ok());
        let mut buf = Vec::new();
        assert!(write_schema(&engine.schema_details(), &mut buf).is_ok());
        expect_test::expect![[r#"
            Node labels:
              :A  2
                .n     2  Integer | String
                .name  1  String
              :B  1
                .name  1  String
              (no label)  1
                .k  1  Boolean
            Relationship types:
              :T  1
                .w  1  Float
            Connections:
              (:A)-[:T]->(:B)  1
        "#]]
        .assert_eq(&String::from_utf8_lossy(&buf));
    }
}
