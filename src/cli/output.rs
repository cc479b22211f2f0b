//! Output formats of the `meridian` CLI: the aligned table, JSON lines and CSV renderings
//! of a `QueryOutput`, and the JSON form of an `Error`. Pure formatting onto a writer: this
//! module runs no query, reads no input and decides no exit status. The golden tests pin
//! the table format, so change it only together with every `queries/**/*.out`.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::value::{Entities, NodeId, Path, RelId, Value, format_float};
use crate::{Error, QueryOutput, Stats};

/// How results are printed (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns with a header, values in openCypher literal notation.
    #[default]
    Table,
    /// One JSON object per statement, one per line.
    Json,
    /// RFC 4180 comma-separated values with a header row.
    Csv,
    /// A Markdown (GitHub) table, ready to paste into a document.
    Markdown,
    /// One `column = value` line per value, records separated by a blank line: for
    /// records too wide for a table.
    Line,
    /// A Graphviz digraph of the nodes, relationships and paths in the result.
    Dot,
    /// An SVG drawing of the nodes, relationships and paths in the result.
    Svg,
}

/// Write one statement's result in `format`. `elapsed` is shown in the table only when
/// `timing` is set; JSON always carries it.
pub fn write_output(
    out: &mut dyn Write,
    format: Format,
    output: &QueryOutput,
    elapsed: Duration,
    timing: bool,
) -> io::Result<()> {
    write_output_fitted(out, format, output, elapsed, timing, None)
}

/// `write_output` with the table fitted into `max_width` columns of the terminal (the
/// widest cells are cut, ending in `…`). Other formats ignore the width.
pub fn write_output_fitted(
    out: &mut dyn Write,
    format: Format,
    output: &QueryOutput,
    elapsed: Duration,
    timing: bool,
    max_width: Option<usize>,
) -> io::Result<()> {
    let shown = timing.then_some(elapsed);
    match format {
        Format::Table => write_table_fitted(out, output, shown, max_width),
        Format::Json => write_json(out, output, elapsed),
        Format::Csv => write_csv(out, output),
        Format::Markdown => super::format_text::write_markdown(out, output, shown),
        Format::Line => super::format_text::write_lines(out, output, shown),
        Format::Dot => super::picture::write_dot(out, &super::picture::Picture::of_output(output), "result"),
        Format::Svg => super::picture::write_svg(out, &super::picture::Picture::of_output(output), "result"),
    }
}

/// The table format:
///
/// ```text
/// +---+-----------+
/// | x | name      |
/// +---+-----------+
/// | 1 | 'Ada'     |
/// | 2 | null      |
/// +---+-----------+
/// 2 rows
/// ```
///
/// A statement without columns prints its side effects (`Nodes created: 2, properties
/// set: 3`) or `0 rows`; an `EXPLAIN` plan is printed as it is, before any table.
pub fn write_table(out: &mut dyn Write, output: &QueryOutput, elapsed: Option<Duration>) -> io::Result<()> {
    write_table_fitted(out, output, elapsed, None)
}

/// The table, its columns narrowed so that each line is at most `max_width` display
/// columns wide when that is possible (every column keeps at least a few characters).
pub fn write_table_fitted(
    out: &mut dyn Write,
    output: &QueryOutput,
    elapsed: Option<Duration>,
    max_width: Option<usize>,
) -> io::Result<()> {
    if let Some(plan) = &output.plan {
        out.write_all(plan.as_bytes())?;
        if !plan.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    let time = elapsed.map(|d| format!(" ({})", format_duration(d))).unwrap_or_default();
    if output.columns.is_empty() {
        match stats_line(&output.stats) {
            Some(line) => writeln!(out, "{line}{time}")?,
            None if output.plan.is_some() => {
                if !time.is_empty() {
                    writeln!(out, "{}", time.trim_start())?;
                }
            }
            None => writeln!(out, "0 rows{time}")?,
        }
        return out.flush();
    }

    let cells: Vec<Vec<String>> = output
        .rows
        .iter()
        .map(|row| {
            (0..output.columns.len())
                .map(|i| match row.get(i) {
                    Some(v) => v.display(output).to_string(),
                    None => String::new(),
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = output.columns.iter().map(|c| text_width(c)).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text_width(cell));
        }
    }
    if let Some(max) = max_width {
        widths = super::format_text::fit_widths(&widths, max);
    }
    let fit = |row: &[String]| -> Vec<String> {
        row.iter().zip(&widths).map(|(cell, w)| super::format_text::truncate(cell, *w)).collect()
    };
    let columns = fit(&output.columns);
    let cells: Vec<Vec<String>> = cells.iter().map(|row| fit(row)).collect();

    let rule = {
        let mut s = String::from("+");
        for w in &widths {
            s.push_str(&"-".repeat(w + 2));
            s.push('+');
        }
        s
    };
    writeln!(out, "{rule}")?;
    write_table_row(out, &columns, &widths)?;
    writeln!(out, "{rule}")?;
    for row in &cells {
        write_table_row(out, row, &widths)?;
    }
    if !cells.is_empty() {
        writeln!(out, "{rule}")?;
    }
    let n = output.rows.len();
    writeln!(out, "{n} {}{time}", if n == 1 { "row" } else { "rows" })?;
    if let Some(line) = stats_line(&output.stats) {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

fn write_table_row(out: &mut dyn Write, cells: &[String], widths: &[usize]) -> io::Result<()> {
    let mut line = String::from("|");
    for (cell, w) in cells.iter().zip(widths) {
        line.push(' ');
        line.push_str(cell);
        line.push_str(&" ".repeat(w.saturating_sub(text_width(cell)) + 1));
        line.push('|');
    }
    writeln!(out, "{line}")
}

/// Display width in terminal columns: East Asian wide characters take two. Values are
/// printed escaped, so there are no newlines or tabs to account for.
pub fn text_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `Nodes created: 2, properties set: 3`, or None when nothing changed.
pub fn stats_line(stats: &Stats) -> Option<String> {
    let counters = [
        ("nodes created", stats.nodes_created),
        ("nodes deleted", stats.nodes_deleted),
        ("relationships created", stats.relationships_created),
        ("relationships deleted", stats.relationships_deleted),
        ("properties set", stats.properties_set),
        ("properties removed", stats.properties_removed),
        ("labels added", stats.labels_added),
        ("labels removed", stats.labels_removed),
    ];
    let parts: Vec<String> = counters.iter().filter(|(_, n)| *n > 0).map(|(name, n)| format!("{name}: {n}")).collect();
    let mut line = parts.join(", ");
    // Capitalize the first counter's name: "Nodes created: 2, properties set: 3".
    let first = line.chars().next()?;
    line.replace_range(..first.len_utf8(), &first.to_uppercase().to_string());
    Some(line)
}

/// `0.42 ms` below a second, `1.50 s` above.
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 1000.0 { format!("{ms:.2} ms") } else { format!("{:.2} s", ms / 1000.0) }
}

/// A value as JSON, with node and relationship data looked up in `entities`.
pub struct JsonValue<'a> {
    pub value: &'a Value,
    pub entities: &'a dyn Entities,
}

impl<'a> JsonValue<'a> {
    fn sub(&self, value: &'a Value) -> JsonValue<'a> {
        JsonValue { value, entities: self.entities }
    }
}

impl Serialize for JsonValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(i) => s.serialize_i64(*i),
            // JSON has no NaN or infinities: they travel as the strings the TCK prints.
            Value::Float(x) if !x.is_finite() => s.serialize_str(&format_float(*x)),
            Value::Float(x) => s.serialize_f64(*x),
            Value::String(text) => s.serialize_str(text),
            Value::List(items) => s.collect_seq(items.iter().map(|v| self.sub(v))),
            Value::Map(m) => s.collect_map(m.iter().map(|(k, v)| (k, self.sub(v)))),
            Value::Node(id) => JsonNode(*id, self.entities).serialize(s),
            Value::Rel(id) => JsonRel(*id, self.entities).serialize(s),
            Value::Path(p) => JsonPath(p, self.entities).serialize(s),
            // A temporal value in JSON is its ISO 8601 string, as the TCK writes it.
            v if v.is_temporal() => s.collect_str(v),
            _ => s.serialize_unit(),
        }
    }
}

struct JsonProps<'a>(Option<&'a BTreeMap<String, Value>>, &'a dyn Entities);

impl Serialize for JsonProps<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let entities = self.1;
        let props = self.0.into_iter().flatten();
        s.collect_map(props.map(|(k, value)| (k, JsonValue { value, entities })))
    }
}

struct JsonNode<'a>(NodeId, &'a dyn Entities);

impl Serialize for JsonNode<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let data = self.1.node(self.0);
        let no_labels: &[String] = &[];
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("~node", &self.0.0)?;
        m.serialize_entry("labels", data.map_or(no_labels, |d| &d.labels))?;
        m.serialize_entry("properties", &JsonProps(data.map(|d| &d.properties), self.1))?;
        m.end()
    }
}

struct JsonRel<'a>(RelId, &'a dyn Entities);

impl Serialize for JsonRel<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let data = self.1.rel(self.0);
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("~relationship", &self.0.0)?;
        m.serialize_entry("type", &data.map(|d| &d.rel_type))?;
        m.serialize_entry("start", &data.map(|d| d.start.0))?;
        m.serialize_entry("end", &data.map(|d| d.end.0))?;
        m.serialize_entry("properties", &JsonProps(data.map(|d| &d.properties), self.1))?;
        m.end()
    }
}

struct JsonPath<'a>(&'a Path, &'a dyn Entities);

impl Serialize for JsonPath<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Steps<'a>(&'a Path, &'a dyn Entities);
        impl Serialize for Steps<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let (path, entities) = (self.0, self.1);
                let mut seq = s.serialize_seq(Some(path.nodes.len() + path.rels.len()))?;
                // Nodes and relationships alternate: node, rel, node, ..., node.
                for (i, node) in path.nodes.iter().enumerate() {
                    seq.serialize_element(&JsonNode(*node, entities))?;
                    if let Some(rel) = path.rels.get(i) {
                        seq.serialize_element(&JsonRel(*rel, entities))?;
                    }
                }
                seq.end()
            }
        }
        let mut m = s.serialize_map(Some(1))?;
        m.serialize_entry("~path", &Steps(self.0, self.1))?;
        m.end()
    }
}

/// One statement's result as a JSON object.
#[derive(Serialize)]
struct JsonOutput<'a> {
    columns: &'a [String],
    rows: JsonRows<'a>,
    stats: &'a Stats,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a str>,
    elapsed_ms: f64,
}

struct JsonRows<'a>(&'a QueryOutput);

impl Serialize for JsonRows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let output = self.0;
        s.collect_seq(
            output
                .rows
                .iter()
                .map(|row| row.iter().map(|value| JsonValue { value, entities: output }).collect::<Vec<_>>()),
        )
    }
}

/// `{"columns": [...], "rows": [[...], ...], "stats": {...}, "elapsed_ms": 0.42}` and a
/// newline, flushed at once so a reader sees each statement as soon as it finishes.
pub fn write_json(out: &mut dyn Write, output: &QueryOutput, elapsed: Duration) -> io::Result<()> {
    let object = JsonOutput {
        columns: &output.columns,
        rows: JsonRows(output),
        stats: &output.stats,
        plan: output.plan.as_deref(),
        // Whole microseconds: more digits would be noise, not precision.
        elapsed_ms: elapsed.as_micros() as f64 / 1000.0,
    };
    write_json_line(out, &object)
}

#[derive(Serialize)]
struct JsonErrorBody<'a> {
    kind: &'static str,
    code: &'static str,
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    error: JsonErrorBody<'a>,
}

/// `{"error": {"kind": ..., "code": ..., "message": ..., "line": L, "column": C}}`, with
/// line and column of the error's span in `source` (null when it has no span).
pub fn write_json_error(out: &mut dyn Write, err: &Error, source: &str) -> io::Result<()> {
    let pos = err.span.filter(|s| s.start <= source.len()).map(|s| crate::error::line_col(source, s.start));
    let object = JsonError {
        error: JsonErrorBody {
            kind: err.kind.name(),
            code: err.code,
            message: &err.message,
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
        },
    };
    write_json_line(out, &object)
}

fn write_json_line(out: &mut dyn Write, object: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, object).map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// RFC 4180: a header row, CRLF line ends, fields quoted only when they need it. Strings
/// are written as they are, every other value in openCypher literal notation (`null`,
/// `1.0`, `[1, 2]`). A plan is written as plain text; a statement without columns
/// writes nothing.
pub fn write_csv(out: &mut dyn Write, output: &QueryOutput) -> io::Result<()> {
    if let Some(plan) = &output.plan {
        out.write_all(plan.as_bytes())?;
        if !plan.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    if output.columns.is_empty() {
        return out.flush();
    }
    let header: Vec<&str> = output.columns.iter().map(String::as_str).collect();
    write_csv_record(out, &header)?;
    for row in &output.rows {
        let fields: Vec<String> = row
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                v => v.display(output).to_string(),
            })
            .collect();
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        write_csv_record(out, &fields)?;
    }
    out.flush()
}

fn write_csv_record(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(field);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{NodeData, RelData};
    use expect_test::{Expect, expect};

    fn output(columns: &[&str], rows: Vec<Vec<Value>>) -> QueryOutput {
        QueryOutput { columns: columns.iter().map(|c| c.to_string()).collect(), rows, ..QueryOutput::default() }
    }

    /// A graph of two nodes joined by one relationship, and a row with all three and
    /// the path through them.
    fn graph_output() -> QueryOutput {
        let mut out = output(&["a", "r", "p"], vec![]);
        let a = NodeId(0);
        let b = NodeId(1);
        let r = RelId(7);
        out.nodes.insert(
            a,
            NodeData { labels: vec!["A".into()], properties: [("name".to_string(), Value::str("b"))].into() },
        );
        out.nodes.insert(b, NodeData::default());
        out.rels.insert(
            r,
            RelData { rel_type: "T".into(), start: b, end: a, properties: [("w".to_string(), Value::Int(2))].into() },
        );
        let path = Path { nodes: vec![a, b], rels: vec![r] };
        out.rows.push(vec![Value::Node(a), Value::Rel(r), Value::Path(Box::new(path))]);
        out
    }

    fn check(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>, expect: Expect) {
        let mut buf = Vec::new();
        let written = f(&mut buf);
        assert!(written.is_ok());
        expect.assert_eq(&String::from_utf8_lossy(&buf));
    }

    fn scalars() -> QueryOutput {
        let mut map = BTreeMap::new();
        map.insert("k".to_string(), Value::Int(1));
        output(
            &["x", "name"],
            vec![
                vec![Value::Int(1), Value::str("text")],
                vec![Value::Float(1.0), Value::Null],
                vec![Value::List(vec![Value::Int(1), Value::Int(2)]), Value::Map(map)],
            ],
        )
    }

    #[test]
    fn table_aligns_literals() {
        check(
            |b| write_table(b, &scalars(), None),
            expect![[r#"
                +--------+--------+
                | x      | name   |
                +--------+--------+
                | 1      | 'text' |
                | 1.0    | null   |
                | [1, 2] | {k: 1} |
                +--------+--------+
                3 rows
            "#]],
        );
    }

    #[test]
    fn table_of_one_row_with_timing() {
        let out = output(&["x"], vec![vec![Value::Int(1)]]);
        check(
            |b| write_table(b, &out, Some(Duration::from_micros(420))),
            expect![[r#"
                +---+
                | x |
                +---+
                | 1 |
                +---+
                1 row (0.42 ms)
            "#]],
        );
    }

    #[test]
    fn table_without_rows_keeps_header() {
        check(
            |b| write_table(b, &output(&["x"], vec![]), None),
            expect![[r#"
                +---+
                | x |
                +---+
                0 rows
            "#]],
        );
    }

    #[test]
    fn table_of_entities_uses_literal_notation() {
        check(
            |b| write_table(b, &graph_output(), None),
            expect![[r#"
                +------------------+-------------+------------------------------------+
                | a                | r           | p                                  |
                +------------------+-------------+------------------------------------+
                | (:A {name: 'b'}) | [:T {w: 2}] | <(:A {name: 'b'})<-[:T {w: 2}]-()> |
                +------------------+-------------+------------------------------------+
                1 row
            "#]],
        );
    }

    #[test]
    fn writes_print_their_side_effects() {
        let mut out = QueryOutput::default();
        check(
            |b| write_table(b, &out, None),
            expect![[r#"
                0 rows
            "#]],
        );
        out.stats.nodes_created = 2;
        out.stats.properties_set = 3;
        check(
            |b| write_table(b, &out, None),
            expect![[r#"
                Nodes created: 2, properties set: 3
            "#]],
        );
    }

    #[test]
    fn explain_prints_the_plan() {
        let out = QueryOutput { plan: Some("Projection\n  Argument".into()), ..QueryOutput::default() };
        check(
            |b| write_table(b, &out, None),
            expect![[r#"
                Projection
                  Argument
            "#]],
        );
    }

    #[test]
    fn json_line_per_statement() {
        let mut out = scalars();
        out.rows.push(vec![Value::Float(f64::NAN), Value::Float(f64::NEG_INFINITY)]);
        out.rows.push(vec![Value::Float(1e20), Value::Bool(true)]);
        out.stats.nodes_created = 1;
        check(
            |b| write_json(b, &out, Duration::from_micros(420)),
            expect![[r#"
                {"columns":["x","name"],"rows":[[1,"text"],[1.0,null],[[1,2],{"k":1}],["NaN","-Infinity"],[1e+20,true]],"stats":{"nodes_created":1,"nodes_deleted":0,"relationships_created":0,"relationships_deleted":0,"properties_set":0,"properties_removed":0,"labels_added":0,"labels_removed":0},"elapsed_ms":0.42}
            "#]],
        );
    }

    #[test]
    fn json_entities() {
        let out = graph_output();
        let row = out.rows.first().cloned().unwrap_or_default();
        let json: Vec<String> = row
            .iter()
            .map(|value| {
                let v = JsonValue { value, entities: &out };
                serde_json::to_string(&v).unwrap_or_default()
            })
            .collect();
        expect![[r#"
            {"~node":0,"labels":["A"],"properties":{"name":"b"}}
            {"~relationship":7,"type":"T","start":1,"end":0,"properties":{"w":2}}
            {"~path":[{"~node":0,"labels":["A"],"properties":{"name":"b"}},{"~relationship":7,"type":"T","start":1,"end":0,"properties":{"w":2}},{"~node":1,"labels":[],"properties":{}}]}"#]]
        .assert_eq(&json.join("\n"));
    }

    #[test]
    fn json_temporal_values_are_iso_strings() {
        let out = graph_output();
        let value = Value::parse_temporal("datetime", "2025-09-24T09:00[Europe/Stockholm]").unwrap_or_default();
        let list = Value::List(vec![value, Value::parse_temporal("duration", "P1M").unwrap_or_default()]);
        let v = JsonValue { value: &list, entities: &out };
        assert_eq!(
            serde_json::to_string(&v).unwrap_or_default(),
            r#"["2025-09-24T09:00+02:00[Europe/Stockholm]","P1M"]"#
        );
    }

    #[test]
    fn json_error_has_position() {
        let err = Error::syntax("UnexpectedEnd", crate::Span::new(10, 10), "expected `)`");
        check(
            |b| write_json_error(b, &err, "RETURN 1,\n(1"),
            expect![[r#"
                {"error":{"kind":"SyntaxError","code":"UnexpectedEnd","message":"expected `)`","line":2,"column":1}}
            "#]],
        );
        let err = Error::cancelled("timed out");
        check(
            |b| write_json_error(b, &err, ""),
            expect![[r#"
                {"error":{"kind":"Cancelled","code":"Cancelled","message":"timed out","line":null,"column":null}}
            "#]],
        );
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let out = output(
            &["s", "v"],
            vec![
                vec![Value::str("plain"), Value::Int(1)],
                vec![Value::str("a, \"b\""), Value::List(vec![Value::Int(1), Value::Int(2)])],
                vec![Value::str("line\nbreak"), Value::Null],
            ],
        );
        check(
            |b| write_csv(b, &out),
            expect![["s,v\r\nplain,1\r\n\"a, \"\"b\"\"\",\"[1, 2]\"\r\n\"line\nbreak\",null\r\n"]],
        );
    }

    #[test]
    fn durations() {
        assert_eq!(format_duration(Duration::from_micros(420)), "0.42 ms");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1.50 s");
    }
}
