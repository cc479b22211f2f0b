//! CSV import and export in the neo4j-admin convention, so a graph can move between
//! Meridian and engines with a bulk importer. Headers name each column `name:type`
//! (`int`/`long`/`short`/`byte` -> integer, `float`/`double` -> float, `boolean`,
//! `string`, each optionally `[]` for a `;`-separated array; no type means string),
//! `[name]:ID[(Group)]` (a node's id within its id group; with a name it is also
//! stored as a string property), `:LABEL` (`;`-separated), `:START_ID[(Group)]`,
//! `:END_ID[(Group)]`, `:TYPE`, `:IGNORE`. An unquoted empty field means "no property",
//! a quoted empty one an empty string (or array). Files are read a record at a time.
//! This module reads and writes files; it knows graphs, never queries.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use super::Graph;
use super::export::canonical;
use crate::error::Error;
use crate::value::{NodeId, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Scalar {
    Int,
    Float,
    Bool,
    Str,
    /// A temporal type by its header name (`date`, `datetime`, ...), written as ISO 8601.
    Temporal(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
enum Column {
    /// A property: key, element type, array or not.
    Prop(String, Scalar, bool),
    /// A node id, in a group; `Some(key)` also stores it as a property.
    Id(Option<String>, String),
    Label,
    StartId(String),
    EndId(String),
    Type,
    Ignore,
}

/// One CSV field and whether it was quoted (an empty quoted field is an empty string).
struct Field {
    text: String,
    quoted: bool,
}

fn group_of(rest: &str) -> Result<String, String> {
    match rest {
        "" => Ok(String::new()),
        r if r.starts_with('(') && r.ends_with(')') => Ok(r[1..r.len() - 1].to_string()),
        r => Err(format!("unexpected `{r}` after the column type")),
    }
}

fn parse_column(spec: &str) -> Result<Column, String> {
    let (name, ty) = match spec.rsplit_once(':') {
        Some((n, t)) => (n, t),
        None => (spec, "string"),
    };
    let lower = ty.to_ascii_lowercase();
    let (base, rest) = match lower.find('(') {
        Some(i) => (&lower[..i], &ty[i..]),
        None => (lower.as_str(), ""),
    };
    let named = if name.is_empty() { None } else { Some(name.to_string()) };
    match base {
        "id" => return Ok(Column::Id(named, group_of(rest)?)),
        "start_id" => return Ok(Column::StartId(group_of(rest)?)),
        "end_id" => return Ok(Column::EndId(group_of(rest)?)),
        "label" => return Ok(Column::Label),
        "type" => return Ok(Column::Type),
        "ignore" => return Ok(Column::Ignore),
        _ => {}
    }
    let Some(name) = named else {
        return Err(format!("column `{spec}` has no property name"));
    };
    let (elem, array) = match lower.strip_suffix("[]") {
        Some(e) => (e, true),
        None => (lower.as_str(), false),
    };
    let scalar = match elem {
        "int" | "long" | "short" | "byte" => Scalar::Int,
        "float" | "double" => Scalar::Float,
        "boolean" => Scalar::Bool,
        "string" | "char" => Scalar::Str,
        "date" => Scalar::Temporal("date"),
        "localtime" => Scalar::Temporal("localtime"),
        "time" => Scalar::Temporal("time"),
        "localdatetime" => Scalar::Temporal("localdatetime"),
        "datetime" => Scalar::Temporal("datetime"),
        "duration" => Scalar::Temporal("duration"),
        other => return Err(format!("column `{spec}`: the type `{other}` is not supported")),
    };
    Ok(Column::Prop(name, scalar, array))
}

fn parse_scalar(text: &str, ty: Scalar) -> Result<Value, String> {
    let t = text.trim();
    match ty {
        Scalar::Str => Ok(Value::String(text.to_string())),
        Scalar::Int => t.parse::<i64>().map(Value::Int).map_err(|_| format!("`{text}` is not an integer")),
        Scalar::Float => match t {
            "NaN" => Ok(Value::Float(f64::NAN)),
            "Infinity" | "+Infinity" => Ok(Value::Float(f64::INFINITY)),
            "-Infinity" => Ok(Value::Float(f64::NEG_INFINITY)),
            _ if t.chars().any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E') => {
                Err(format!("`{text}` is not a number"))
            }
            _ => t.parse::<f64>().map(Value::Float).map_err(|_| format!("`{text}` is not a number")),
        },
        Scalar::Temporal(name) => Value::parse_temporal(name, t).map_err(|e| e.message),
        Scalar::Bool => match t.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("`{text}` is not a boolean")),
        },
    }
}

fn parse_value(f: &Field, ty: Scalar, array: bool) -> Result<Option<Value>, String> {
    if f.text.is_empty() {
        return Ok(match (f.quoted, array, ty) {
            (true, true, _) => Some(Value::List(Vec::new())),
            (true, false, Scalar::Str) => Some(Value::String(String::new())),
            _ => None,
        });
    }
    if array {
        let items = f.text.split(';').map(|p| parse_scalar(p, ty)).collect::<Result<Vec<_>, _>>()?;
        Ok(Some(Value::List(items)))
    } else {
        parse_scalar(&f.text, ty).map(Some)
    }
}

/// The longest record read (a field may span lines inside quotes): a stray quote would
/// otherwise make one record of the rest of the file, and a file without line breaks
/// one line of all of it. Memory stays bounded by this, not by the file.
const MAX_RECORD_BYTES: usize = 16 << 20;

/// Reads CSV records (RFC 4180 quoting, fields may span lines) one at a time.
struct Records<R: BufRead> {
    input: R,
    line: usize,
    delimiter: char,
}

impl<R: BufRead> Records<R> {
    /// Append the next line to `buf`, refusing to let a record grow past
    /// `MAX_RECORD_BYTES`. Returns false at the end of the input.
    fn read_line(&mut self, buf: &mut String) -> Result<bool, std::io::Error> {
        let room = MAX_RECORD_BYTES.saturating_sub(buf.len()) as u64;
        let line = self.line + 1;
        let n = Read::take(&mut self.input, room + 1)
            .read_line(buf)
            .map_err(|e| std::io::Error::new(e.kind(), format!("line {line}: {e}")))?;
        if buf.len() > MAX_RECORD_BYTES {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("line {line}: a record longer than {} MiB (is a quote left open?)", MAX_RECORD_BYTES >> 20),
            ));
        }
        Ok(n > 0)
    }

    /// The next record and the line it starts on; None at the end.
    fn next_record(&mut self) -> Result<Option<(usize, Vec<Field>)>, std::io::Error> {
        let mut buf = String::new();
        loop {
            buf.clear();
            if !self.read_line(&mut buf)? {
                return Ok(None);
            }
            self.line += 1;
            if !buf.trim_end_matches(['\n', '\r']).is_empty() {
                break;
            }
        }
        let start = self.line;
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut in_quotes = false;
        let mut record_len = 0;
        loop {
            record_len += buf.len();
            let mut chars = buf.chars().peekable();
            while let Some(c) = chars.next() {
                if in_quotes {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            cur.push('"');
                        } else {
                            in_quotes = false;
                        }
                    } else {
                        cur.push(c);
                    }
                } else if c == '"' && cur.is_empty() && !quoted {
                    in_quotes = true;
                    quoted = true;
                } else if c == self.delimiter {
                    fields.push(Field { text: std::mem::take(&mut cur), quoted });
                    quoted = false;
                } else if c == '\n' || (c == '\r' && chars.peek().is_none_or(|n| *n == '\n')) {
                    // end of the line
                } else {
                    cur.push(c);
                }
            }
            if !in_quotes {
                break;
            }
            // The lines read so far count against the limit too.
            if record_len > MAX_RECORD_BYTES {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "line {start}: a record longer than {} MiB (is a quote left open?)",
                        MAX_RECORD_BYTES >> 20
                    ),
                ));
            }
            buf.clear();
            if !self.read_line(&mut buf)? {
                // Taking the rest of the file as one field would hide a broken file.
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("the quoted field that starts on line {start} is not closed before the end of the file"),
                ));
            }
            self.line += 1;
        }
        fields.push(Field { text: cur, quoted });
        Ok(Some((start, fields)))
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub nodes: u64,
    pub relationships: u64,
    /// Rows skipped (with `skip_bad_rows`).
    pub skipped: u64,
    /// `file:line: reason` for the first `KEPT_BAD_ROWS` rows skipped; every one is
    /// also passed to the caller as an `ImportEvent::BadRow` when it is found.
    pub bad_rows: Vec<String>,
}

/// How many bad-row reports a summary keeps: a file of nothing but bad rows must not
/// make the import hold them all.
pub const KEPT_BAD_ROWS: usize = 1000;

/// What an import tells its caller while it runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportEvent<'a> {
    /// Rows imported so far; sent every `PROGRESS_EVERY` rows.
    Progress { nodes: u64, relationships: u64 },
    /// A row skipped (with `skip_bad_rows`): `file:line: reason`.
    BadRow(&'a str),
}

/// Rows between two `ImportEvent::Progress`.
pub const PROGRESS_EVERY: u64 = 4096;

/// A node's import id within its id group -> the node. The one structure that grows
/// with the input besides the graph: relationships may refer to any node read before.
type IdMap = HashMap<String, HashMap<String, NodeId>>;

/// Import node files, then relationship files, into `g`, reading one record at a time.
/// All or nothing: on error `g` is as before (an empty graph is simply reset, so that
/// importing into one keeps no undo log). Each file comes with an optional default
/// label (`A:B` for several) or relationship type. A bad row fails the import unless
/// `skip_bad_rows`, which skips it and reports it through `on_event`.
pub fn import(
    g: &mut Graph,
    nodes: &[(Option<String>, &Path)],
    rels: &[(Option<String>, &Path)],
    skip_bad_rows: bool,
    on_event: &mut dyn FnMut(ImportEvent<'_>),
) -> Result<ImportSummary, Error> {
    let fresh = g.node_count() == 0 && g.rel_count() == 0 && g.catalog_lens() == (0, 0, 0) && !g.in_transaction();
    if !fresh {
        g.begin();
    }
    let mut summary = ImportSummary::default();
    let mut ids = IdMap::new();
    let mut run = || -> Result<(), Error> {
        for (label, path) in nodes {
            import_file(g, path, label.as_deref(), true, &mut ids, skip_bad_rows, &mut summary, on_event)?;
        }
        for (ty, path) in rels {
            import_file(g, path, ty.as_deref(), false, &mut ids, skip_bad_rows, &mut summary, on_event)?;
        }
        on_event(ImportEvent::Progress { nodes: summary.nodes, relationships: summary.relationships });
        Ok(())
    };
    match run() {
        Ok(()) => {
            if !fresh {
                g.commit();
            }
            Ok(summary)
        }
        Err(e) => {
            if fresh {
                *g = Graph::new();
            } else {
                g.rollback();
            }
            Err(e)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn import_file(
    g: &mut Graph,
    path: &Path,
    default: Option<&str>,
    is_nodes: bool,
    ids: &mut IdMap,
    skip_bad_rows: bool,
    summary: &mut ImportSummary,
    on_event: &mut dyn FnMut(ImportEvent<'_>),
) -> Result<(), Error> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| Error::io(format!("cannot open {name}: {e}")))?;
    let mut records = Records { input: BufReader::with_capacity(1 << 16, file), line: 0, delimiter: ',' };
    let read_err = |e: std::io::Error| Error::io(format!("cannot read {name}: {e}"));
    let Some((_, header)) = records.next_record().map_err(read_err)? else {
        return Err(Error::io(format!("{name}: the file is empty (a header row is needed)")));
    };
    let columns = header
        .iter()
        .map(|f| parse_column(f.text.trim()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::io(format!("{name}:1: {e}")))?;
    let misplaced = columns.iter().find(|c| {
        if is_nodes {
            matches!(c, Column::StartId(_) | Column::EndId(_) | Column::Type)
        } else {
            matches!(c, Column::Id(..) | Column::Label)
        }
    });
    if let Some(c) = misplaced {
        let kind = if is_nodes { "node" } else { "relationship" };
        return Err(Error::io(format!("{name}:1: a {kind} file cannot have a {c:?} column")));
    }
    if !is_nodes
        && (!columns.iter().any(|c| matches!(c, Column::StartId(_)))
            || !columns.iter().any(|c| matches!(c, Column::EndId(_))))
    {
        return Err(Error::io(format!("{name}:1: a relationship file needs :START_ID and :END_ID columns")));
    }
    // Interned once per file, not once per row.
    let default_labels: Vec<u32> = if is_nodes {
        default.into_iter().flat_map(|l| l.split(':')).filter(|l| !l.is_empty()).map(|l| g.intern_label(l)).collect()
    } else {
        Vec::new()
    };
    while let Some((line, fields)) = records.next_record().map_err(read_err)? {
        let row = if is_nodes {
            node_row(g, &columns, &fields, &default_labels, ids)
        } else {
            rel_row(g, &columns, &fields, default, ids)
        };
        match row {
            Ok(()) if is_nodes => summary.nodes += 1,
            Ok(()) => summary.relationships += 1,
            Err(reason) => {
                let report = format!("{name}:{line}: {reason}");
                if !skip_bad_rows {
                    return Err(Error::io(format!(
                        "bad row at {report} (no database was written; --skip-bad-rows imports the other rows)"
                    )));
                }
                on_event(ImportEvent::BadRow(&report));
                summary.skipped += 1;
                if summary.bad_rows.len() < KEPT_BAD_ROWS {
                    summary.bad_rows.push(report);
                }
            }
        }
        if (summary.nodes + summary.relationships + summary.skipped).is_multiple_of(PROGRESS_EVERY) {
            on_event(ImportEvent::Progress { nodes: summary.nodes, relationships: summary.relationships });
        }
    }
    Ok(())
}

type Props = Vec<(u32, Value)>;

fn row_props(g: &mut Graph, columns: &[Column], fields: &[Field]) -> Result<Props, String> {
    if fields.len() != columns.len() {
        return Err(format!("{} fields where the header has {}", fields.len(), columns.len()));
    }
    let mut props = Vec::new();
    for (c, f) in columns.iter().zip(fields) {
        match c {
            Column::Prop(key, ty, array) => {
                if let Some(v) = parse_value(f, *ty, *array).map_err(|e| format!("column {key}: {e}"))? {
                    props.push((g.intern_key(key), v));
                }
            }
            Column::Id(Some(key), _) if !f.text.is_empty() => {
                props.push((g.intern_key(key), Value::String(f.text.clone())));
            }
            _ => {}
        }
    }
    Ok(props)
}

fn node_row(
    g: &mut Graph,
    columns: &[Column],
    fields: &[Field],
    default_labels: &[u32],
    ids: &mut IdMap,
) -> Result<(), String> {
    let props = row_props(g, columns, fields)?;
    let mut labels = default_labels.to_vec();
    let mut id = None;
    for (c, f) in columns.iter().zip(fields) {
        match c {
            Column::Label => {
                labels.extend(f.text.split(';').map(str::trim).filter(|l| !l.is_empty()).map(|l| g.intern_label(l)));
            }
            Column::Id(_, group) => {
                if f.text.is_empty() {
                    return Err("the node has no id".into());
                }
                if ids.get(group).is_some_and(|m| m.contains_key(&f.text)) {
                    return Err(format!("the id `{}` appears twice in its id group", f.text));
                }
                id = Some((group, &f.text));
            }
            _ => {}
        }
    }
    let n = g.create_node(&labels, props);
    if let Some((group, text)) = id {
        ids.entry(group.clone()).or_default().insert(text.clone(), n);
    }
    Ok(())
}

fn rel_row(
    g: &mut Graph,
    columns: &[Column],
    fields: &[Field],
    default: Option<&str>,
    ids: &IdMap,
) -> Result<(), String> {
    let props = row_props(g, columns, fields)?;
    let (mut start, mut end, mut ty) = (None, None, default.map(str::to_string));
    for (c, f) in columns.iter().zip(fields) {
        let find = |group: &String| {
            ids.get(group).and_then(|m| m.get(&f.text)).copied().ok_or_else(|| {
                format!(
                    "no node has the id `{}`{}",
                    f.text,
                    if group.is_empty() { String::new() } else { format!(" in group {group}") }
                )
            })
        };
        match c {
            Column::StartId(group) => start = Some(find(group)?),
            Column::EndId(group) => end = Some(find(group)?),
            Column::Type if !f.text.is_empty() => ty = Some(f.text.clone()),
            _ => {}
        }
    }
    let (Some(s), Some(e)) = (start, end) else { return Err("the relationship lacks an endpoint".into()) };
    let Some(ty) = ty else { return Err("the relationship has no type".into()) };
    let t = g.intern_type(&ty);
    g.create_rel(s, e, t, props).map(|_| ()).map_err(|e| e.message)
}

// ---- export ----------------------------------------------------------------------------

fn type_name(v: &Value) -> Option<(&'static str, bool)> {
    let scalar = |v: &Value| match v {
        Value::Int(_) => Some("long"),
        Value::Float(_) => Some("double"),
        Value::Bool(_) => Some("boolean"),
        Value::String(_) => Some("string"),
        v => v.temporal_type(),
    };
    match v {
        Value::List(items) => {
            // A list mixing integers and floats is written as floats.
            let first = items.first().map_or(Some("string"), scalar)?;
            let mixed = items.iter().any(|i| scalar(i) != Some(first));
            Some((if mixed { "double" } else { first }, true))
        }
        v => Some((scalar(v)?, false)),
    }
}

fn scalar_text(v: &Value, as_float: bool) -> String {
    match v {
        Value::Int(i) if as_float => format!("{:?}", *i as f64),
        Value::Float(f) if f.is_nan() => "NaN".into(),
        Value::Float(f) if f.is_infinite() => if *f > 0.0 { "Infinity" } else { "-Infinity" }.into(),
        Value::Float(f) => format!("{f:?}"),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::String(s) => s.clone(),
        v if v.is_temporal() => v.to_string(),
        _ => String::new(),
    }
}

fn field_text(v: &Value, ty: &str) -> Result<(String, bool), String> {
    match v {
        Value::List(items) => {
            if items.iter().any(|i| matches!(i, Value::String(s) if s.contains(';'))) {
                return Err("a string array element holds `;`, the array delimiter".into());
            }
            let text = items.iter().map(|i| scalar_text(i, ty == "double")).collect::<Vec<_>>().join(";");
            Ok((text, items.is_empty()))
        }
        Value::String(s) => Ok((s.clone(), s.is_empty())),
        v => Ok((scalar_text(v, false), false)),
    }
}

fn csv_field(text: &str, force_quotes: bool) -> String {
    if force_quotes || text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Property columns for a set of entities: (key, type, array), sorted.
fn prop_columns<'a>(g: &Graph, props: impl Iterator<Item = &'a [(u32, Value)]>) -> Vec<(String, &'static str, bool)> {
    let mut cols = std::collections::BTreeSet::new();
    for p in props {
        for (k, v) in p {
            if let Some((ty, array)) = type_name(v) {
                cols.insert((g.key_name(*k).to_string(), ty, array));
            }
        }
    }
    cols.into_iter().collect()
}

fn write_row(out: &mut dyn Write, fields: &[String]) -> std::io::Result<()> {
    out.write_all(fields.join(",").as_bytes())?;
    out.write_all(b"\n")
}

fn prop_fields(
    g: &Graph,
    cols: &[(String, &'static str, bool)],
    props: &[(u32, Value)],
) -> Result<Vec<String>, String> {
    let mut out = Vec::with_capacity(cols.len());
    for (key, ty, array) in cols {
        let v = props.iter().find(|(k, _)| g.key_name(*k) == key).map(|(_, v)| v);
        match v {
            Some(v) if type_name(v) == Some((ty, *array)) => {
                let (text, quote) = field_text(v, ty).map_err(|e| format!("property {key}: {e}"))?;
                out.push(csv_field(&text, quote));
            }
            _ => out.push(String::new()),
        }
    }
    Ok(out)
}

/// Write `nodes.csv` and `relationships.csv` into `dir` (created if needed). Node ids are
/// positions in the canonical order, so the text does not depend on internal ids. A key
/// whose values have different types gets one column per type (`age:long`,
/// `age:string`), each row filling the one that matches. Returns the counts.
pub fn export(g: &Graph, dir: &Path) -> Result<(u64, u64), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(format!("cannot create {}: {e}", dir.display())))?;
    let c = canonical(g);
    let fail = |what: &Path, e: String| Error::io(format!("cannot export to {}: {e}", what.display()));
    let nodes_path = dir.join("nodes.csv");
    let mut out = BufWriter::new(File::create(&nodes_path).map_err(|e| fail(&nodes_path, e.to_string()))?);
    let cols = prop_columns(g, c.nodes.iter().map(|n| g.node_properties(*n)));
    let mut header = vec![":ID".to_string(), ":LABEL".to_string()];
    header.extend(cols.iter().map(|(k, t, a)| csv_field(&format!("{k}:{t}{}", if *a { "[]" } else { "" }), false)));
    write_row(&mut out, &header).map_err(|e| fail(&nodes_path, e.to_string()))?;
    for (i, n) in c.nodes.iter().enumerate() {
        let mut labels: Vec<&str> = g.node_labels(*n).iter().map(|l| g.label_name(*l)).collect();
        labels.sort();
        if labels.iter().any(|l| l.contains(';')) {
            return Err(fail(&nodes_path, "a label holds `;`, the label delimiter".into()));
        }
        let mut row = vec![i.to_string(), csv_field(&labels.join(";"), false)];
        row.extend(prop_fields(g, &cols, g.node_properties(*n)).map_err(|e| fail(&nodes_path, e))?);
        write_row(&mut out, &row).map_err(|e| fail(&nodes_path, e.to_string()))?;
    }
    out.flush().map_err(|e| fail(&nodes_path, e.to_string()))?;
    let rels_path = dir.join("relationships.csv");
    let mut out = BufWriter::new(File::create(&rels_path).map_err(|e| fail(&rels_path, e.to_string()))?);
    let cols = prop_columns(g, c.rels.iter().map(|r| g.rel_properties(*r)));
    let mut header = vec![":START_ID".to_string(), ":END_ID".to_string(), ":TYPE".to_string()];
    header.extend(cols.iter().map(|(k, t, a)| csv_field(&format!("{k}:{t}{}", if *a { "[]" } else { "" }), false)));
    write_row(&mut out, &header).map_err(|e| fail(&rels_path, e.to_string()))?;
    for r in &c.rels {
        let (Some((s, e)), Some(t)) = (g.rel_endpoints(*r), g.rel_type(*r)) else { continue };
        let (Some(si), Some(ei)) = (c.node_pos.get(&s), c.node_pos.get(&e)) else { continue };
        let mut row = vec![si.to_string(), ei.to_string(), csv_field(g.type_name(t), false)];
        row.extend(prop_fields(g, &cols, g.rel_properties(*r)).map_err(|e| fail(&rels_path, e))?);
        write_row(&mut out, &row).map_err(|e| fail(&rels_path, e.to_string()))?;
    }
    out.flush().map_err(|e| fail(&rels_path, e.to_string()))?;
    Ok((c.nodes.len() as u64, c.rels.len() as u64))
}

/// A record's line number and fields (`None`: an unquoted empty field).
pub type CsvRecord = (usize, Vec<Option<String>>);

/// Records of a CSV file for `LOAD CSV`, read one at a time: each is its line number and
/// its fields, `None` for an unquoted empty field (no value).
pub struct CsvRecords {
    records: Records<BufReader<File>>,
    path: String,
}

impl CsvRecords {
    /// Open `path` with `delimiter` between fields.
    pub fn open(path: &Path, delimiter: char) -> Result<CsvRecords, Error> {
        let file = File::open(path).map_err(|e| Error::io(format!("cannot read CSV file {}: {e}", path.display())))?;
        Ok(CsvRecords {
            records: Records { input: BufReader::new(file), line: 0, delimiter },
            path: path.display().to_string(),
        })
    }

    /// The next record, or None at the end of the file.
    pub fn next_record(&mut self) -> Result<Option<CsvRecord>, Error> {
        match self.records.next_record() {
            Ok(Some((line, fields))) => Ok(Some((
                line,
                fields.into_iter().map(|f| (f.quoted || !f.text.is_empty()).then_some(f.text)).collect(),
            ))),
            Ok(None) => Ok(None),
            Err(e) => Err(Error::io(format!("cannot read CSV file {}: {e}", self.path))),
        }
    }
}
