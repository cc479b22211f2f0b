//! TCK value notation for the harness: parses an expected result cell (`1`, `1.0`, `'a'`,
//! `[1, 2]`, `{k: v}`, `(:A {k: 1})`, `[:T]`, `<(:A)-[:T]->(:B)>`, ...) into `Tv`, converts
//! the engine's actual `Value`s (resolving nodes, relationships and paths through the
//! `QueryOutput` entity maps) into the same shape, and compares the two as values.
//! The comparison is deliberately strict: 1 is not 1.0, floats compare exactly, NaN only
//! matches an expected NaN. This module must not compare through the engine's own
//! equality (`Value::eq` treats 1 and 1.0 as equal, which the TCK does not).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use meridian::value::{Path, format_float, quote_name, quote_string};
use meridian::{NodeId, QueryOutput, RelId, Value};

/// Deepest nesting accepted in a cell or an actual value. The TCK nests a few levels;
/// the bound keeps hostile input from overflowing the stack.
const MAX_DEPTH: usize = 200;

/// A value in the TCK's comparable form: entities carry their data, not identities.
#[derive(Clone, Debug)]
pub enum Tv {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Tv>),
    Map(BTreeMap<String, Tv>),
    Node(TNode),
    Rel(TRel),
    Path(TPath),
}

#[derive(Clone, Debug, Default)]
pub struct TNode {
    pub labels: BTreeSet<String>,
    pub props: BTreeMap<String, Tv>,
}

#[derive(Clone, Debug)]
pub struct TRel {
    pub rel_type: String,
    pub props: BTreeMap<String, Tv>,
}

/// Direction of a path step relative to the path's reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// `-[r]->`
    Out,
    /// `<-[r]-`
    In,
    /// A self-loop in an actual path: it reads the same both ways, so it matches either.
    Loop,
}

#[derive(Clone, Debug)]
pub struct TPath {
    pub start: TNode,
    pub steps: Vec<(TRel, Dir, TNode)>,
}

// ---------------------------------------------------------------------------------------
// Parsing expected cells
// ---------------------------------------------------------------------------------------

/// Parse one cell of an expected result (or a parameter value) in TCK notation.
pub fn parse(cell: &str) -> Result<Tv, String> {
    let mut p = Parser { s: cell.as_bytes(), src: cell, pos: 0 };
    let v = p.value(0)?;
    p.ws();
    if p.pos != p.s.len() {
        return Err(p.err("end of value"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, expected: &str) -> String {
        let rest: String = self.src.get(self.pos..).unwrap_or("").chars().take(20).collect();
        format!("cannot parse TCK value `{}`: expected {expected} at byte {} (`{rest}`)", self.src, self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.ws();
        if self.s[self.pos..].starts_with(tok.as_bytes()) {
            self.pos += tok.len();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, tok: &str) -> Result<(), String> {
        if self.eat(tok) { Ok(()) } else { Err(self.err(&format!("`{tok}`"))) }
    }

    fn word_follows(&self, w: &str) -> bool {
        self.s[self.pos..].starts_with(w.as_bytes())
            && !self.s.get(self.pos + w.len()).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
    }

    fn value(&mut self, depth: usize) -> Result<Tv, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("less deeply nested value"));
        }
        self.ws();
        match self.peek() {
            None => Err(self.err("a value")),
            Some(b'\'') => self.string().map(Tv::Str),
            Some(b'[') => self.list_or_rel(depth),
            Some(b'{') => self.map(depth).map(Tv::Map),
            Some(b'(') => self.node(depth).map(Tv::Node),
            Some(b'<') => self.path(depth).map(Tv::Path),
            Some(_) => {
                for (w, v) in [("null", Tv::Null), ("true", Tv::Bool(true)), ("false", Tv::Bool(false))] {
                    if self.word_follows(w) {
                        self.pos += w.len();
                        return Ok(v);
                    }
                }
                self.number()
            }
        }
    }

    fn number(&mut self) -> Result<Tv, String> {
        let start = self.pos;
        let neg = match self.peek() {
            Some(b'-') => {
                self.pos += 1;
                true
            }
            Some(b'+') => {
                self.pos += 1;
                false
            }
            _ => false,
        };
        for (w, x) in [("NaN", f64::NAN), ("Infinity", f64::INFINITY), ("Inf", f64::INFINITY)] {
            if self.word_follows(w) {
                self.pos += w.len();
                return Ok(Tv::Float(if neg { -x } else { x }));
            }
        }
        let mut is_float = false;
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos - s
        };
        let mut n = digits(self);
        if self.peek() == Some(b'.') && self.s.get(self.pos + 1).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
            n += digits(self);
            is_float = true;
        }
        if n == 0 {
            self.pos = start;
            return Err(self.err("a value"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.pos += 1;
            }
            if digits(self) == 0 {
                self.pos = save;
            } else {
                is_float = true;
            }
        }
        let text = &self.src[start..self.pos];
        if is_float {
            text.parse::<f64>().map(Tv::Float).map_err(|_| self.err("a float"))
        } else {
            text.parse::<i64>().map(Tv::Int).map_err(|_| self.err("an integer within 64 bits"))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        // Called with the opening quote under the cursor; works on chars for UTF-8.
        let rest = &self.src[self.pos + 1..];
        let mut out = String::new();
        let mut chars = rest.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\'' => {
                    self.pos += 1 + i + 1;
                    return Ok(out);
                }
                '\\' => {
                    let Some((_, e)) = chars.next() else { break };
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        '0' => out.push('\0'),
                        '\'' | '"' | '\\' | '/' => out.push(e),
                        'u' => {
                            let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                            let ch = u32::from_str_radix(&hex, 16)
                                .ok()
                                .and_then(char::from_u32)
                                .ok_or_else(|| self.err("four hex digits after \\u"))?;
                            out.push(ch);
                        }
                        // Unknown escapes keep their backslash, like the query language.
                        other => {
                            out.push('\\');
                            out.push(other);
                        }
                    }
                }
                c => out.push(c),
            }
        }
        self.pos = self.s.len();
        Err(self.err("closing `'`"))
    }

    /// A label, type or map key: bare identifier characters or a backquoted name.
    fn name(&mut self) -> Result<String, String> {
        self.ws();
        if self.peek() == Some(b'`') {
            let mut out = String::new();
            let mut i = self.pos + 1;
            loop {
                let rest = self.src.get(i..).unwrap_or("");
                let Some(j) = rest.find('`') else {
                    return Err(self.err("closing backquote"));
                };
                out.push_str(&rest[..j]);
                i += j + 1;
                if self.s.get(i) == Some(&b'`') {
                    out.push('`');
                    i += 1;
                } else {
                    self.pos = i;
                    return Ok(out);
                }
            }
        }
        if self.peek() == Some(b'\'') {
            return self.string();
        }
        let rest = &self.src[self.pos..];
        let len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '$'))
            .map_or(rest.len(), |(i, _)| i);
        if len == 0 {
            return Err(self.err("a name"));
        }
        self.pos += len;
        Ok(rest[..len].to_string())
    }

    fn map(&mut self, depth: usize) -> Result<BTreeMap<String, Tv>, String> {
        self.expect("{")?;
        let mut m = BTreeMap::new();
        if self.eat("}") {
            return Ok(m);
        }
        loop {
            let k = self.name()?;
            self.expect(":")?;
            let v = self.value(depth + 1)?;
            if m.insert(k.clone(), v).is_some() {
                return Err(self.err(&format!("no duplicate key `{k}`")));
            }
            if self.eat("}") {
                return Ok(m);
            }
            self.expect(",")?;
        }
    }

    fn props(&mut self, depth: usize) -> Result<BTreeMap<String, Tv>, String> {
        self.ws();
        if self.peek() == Some(b'{') { self.map(depth + 1) } else { Ok(BTreeMap::new()) }
    }

    fn list_or_rel(&mut self, depth: usize) -> Result<Tv, String> {
        self.expect("[")?;
        self.ws();
        if self.peek() == Some(b':') {
            return self.rel_body(depth).map(Tv::Rel);
        }
        let mut items = Vec::new();
        if self.eat("]") {
            return Ok(Tv::List(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if self.eat("]") {
                return Ok(Tv::List(items));
            }
            self.expect(",")?;
        }
    }

    /// After `[`: `:TYPE {props}]`.
    fn rel_body(&mut self, depth: usize) -> Result<TRel, String> {
        self.expect(":")?;
        let rel_type = self.name()?;
        let props = self.props(depth)?;
        self.expect("]")?;
        Ok(TRel { rel_type, props })
    }

    fn node(&mut self, depth: usize) -> Result<TNode, String> {
        self.expect("(")?;
        let mut n = TNode::default();
        while self.eat(":") {
            let l = self.name()?;
            n.labels.insert(l);
        }
        n.props = self.props(depth)?;
        self.expect(")")?;
        Ok(n)
    }

    fn path(&mut self, depth: usize) -> Result<TPath, String> {
        self.expect("<")?;
        let start = self.node(depth + 1)?;
        let mut steps = Vec::new();
        loop {
            if self.eat(">") {
                return Ok(TPath { start, steps });
            }
            let (rel, dir) = if self.eat("<-") {
                self.expect("[")?;
                let r = self.rel_body(depth + 1)?;
                self.expect("-")?;
                (r, Dir::In)
            } else {
                self.expect("-")?;
                self.expect("[")?;
                let r = self.rel_body(depth + 1)?;
                self.expect("->")?;
                (r, Dir::Out)
            };
            let next = self.node(depth + 1)?;
            steps.push((rel, dir, next));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Converting actual values
// ---------------------------------------------------------------------------------------

/// Convert an engine value, looking entity data up in `out`. A node or relationship
/// missing from the output maps is an engine bug and is reported, not guessed.
pub fn from_value(v: &Value, out: &QueryOutput) -> Result<Tv, String> {
    conv(v, out, 0)
}

fn conv(v: &Value, out: &QueryOutput, depth: usize) -> Result<Tv, String> {
    if depth > MAX_DEPTH {
        return Err("actual value nested too deeply to compare".into());
    }
    Ok(match v {
        Value::Null => Tv::Null,
        Value::Bool(b) => Tv::Bool(*b),
        Value::Int(i) => Tv::Int(*i),
        Value::Float(f) => Tv::Float(*f),
        Value::String(s) => Tv::Str(s.clone()),
        Value::List(items) => Tv::List(items.iter().map(|x| conv(x, out, depth + 1)).collect::<Result<_, _>>()?),
        Value::Map(m) => Tv::Map(conv_props(m, out, depth)?),
        Value::Node(id) => Tv::Node(conv_node(*id, out, depth)?),
        Value::Rel(id) => Tv::Rel(conv_rel(*id, out, depth)?),
        Value::Path(p) => Tv::Path(conv_path(p, out, depth)?),
        // The TCK writes temporal results as strings of their ISO 8601 text.
        v if v.is_temporal() => Tv::Str(v.to_string()),
        v => return Err(format!("cannot compare a {} value", v.type_name())),
    })
}

fn conv_props(m: &BTreeMap<String, Value>, out: &QueryOutput, depth: usize) -> Result<BTreeMap<String, Tv>, String> {
    m.iter().map(|(k, x)| Ok((k.clone(), conv(x, out, depth + 1)?))).collect()
}

fn conv_node(id: NodeId, out: &QueryOutput, depth: usize) -> Result<TNode, String> {
    let d = out.nodes.get(&id).ok_or_else(|| format!("node #{} is in the rows but not in QueryOutput::nodes", id.0))?;
    Ok(TNode { labels: d.labels.iter().cloned().collect(), props: conv_props(&d.properties, out, depth)? })
}

fn conv_rel(id: RelId, out: &QueryOutput, depth: usize) -> Result<TRel, String> {
    let d = out
        .rels
        .get(&id)
        .ok_or_else(|| format!("relationship #{} is in the rows but not in QueryOutput::rels", id.0))?;
    Ok(TRel { rel_type: d.rel_type.clone(), props: conv_props(&d.properties, out, depth)? })
}

fn conv_path(p: &Path, out: &QueryOutput, depth: usize) -> Result<TPath, String> {
    let Some(first) = p.nodes.first() else {
        return Err("path without nodes".into());
    };
    if p.nodes.len() != p.rels.len() + 1 {
        return Err(format!("malformed path: {} nodes and {} relationships", p.nodes.len(), p.rels.len()));
    }
    let mut steps = Vec::new();
    for (i, r) in p.rels.iter().enumerate() {
        let (a, b) = (p.nodes[i], p.nodes[i + 1]);
        let d =
            out.rels.get(r).ok_or_else(|| format!("relationship #{} of a path is not in QueryOutput::rels", r.0))?;
        let dir = if d.start == a && d.end == b && a == b {
            Dir::Loop
        } else if d.start == a && d.end == b {
            Dir::Out
        } else if d.start == b && d.end == a {
            Dir::In
        } else {
            return Err(format!("path relationship #{} does not join nodes #{} and #{}", r.0, a.0, b.0));
        };
        steps.push((conv_rel(*r, out, depth)?, dir, conv_node(b, out, depth)?));
    }
    Ok(TPath { start: conv_node(*first, out, depth)?, steps })
}

/// A parameter value for the engine. Entities cannot be written as parameters.
pub fn to_value(v: &Tv) -> Result<Value, String> {
    Ok(match v {
        Tv::Null => Value::Null,
        Tv::Bool(b) => Value::Bool(*b),
        Tv::Int(i) => Value::Int(*i),
        Tv::Float(f) => Value::Float(*f),
        Tv::Str(s) => Value::String(s.clone()),
        Tv::List(items) => Value::List(items.iter().map(to_value).collect::<Result<_, _>>()?),
        Tv::Map(m) => Value::Map(m.iter().map(|(k, x)| Ok((k.clone(), to_value(x)?))).collect::<Result<_, String>>()?),
        Tv::Node(_) | Tv::Rel(_) | Tv::Path(_) => {
            return Err(format!("a graph entity cannot be a parameter: {v}"));
        }
    })
}

// ---------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------

/// Does the actual value `a` match the expected `e`? With `unordered_lists`, lists at any
/// depth compare as multisets (the TCK's "ignoring element order for lists").
pub fn matches(e: &Tv, a: &Tv, unordered_lists: bool) -> bool {
    match (e, a) {
        (Tv::Null, Tv::Null) => true,
        (Tv::Bool(x), Tv::Bool(y)) => x == y,
        (Tv::Int(x), Tv::Int(y)) => x == y,
        (Tv::Float(x), Tv::Float(y)) => (x.is_nan() && y.is_nan()) || x == y,
        (Tv::Str(x), Tv::Str(y)) => x == y,
        (Tv::List(x), Tv::List(y)) => {
            if unordered_lists {
                let (me, ma) = multiset_diff(x, y, |p, q| matches(p, q, true));
                me.is_empty() && ma.is_empty()
            } else {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| matches(p, q, false))
            }
        }
        (Tv::Map(x), Tv::Map(y)) => maps_match(x, y, unordered_lists),
        (Tv::Node(x), Tv::Node(y)) => nodes_match(x, y, unordered_lists),
        (Tv::Rel(x), Tv::Rel(y)) => rels_match(x, y, unordered_lists),
        (Tv::Path(x), Tv::Path(y)) => {
            nodes_match(&x.start, &y.start, unordered_lists)
                && x.steps.len() == y.steps.len()
                && x.steps.iter().zip(&y.steps).all(|((r1, d1, n1), (r2, d2, n2))| {
                    (d1 == d2 || *d1 == Dir::Loop || *d2 == Dir::Loop)
                        && rels_match(r1, r2, unordered_lists)
                        && nodes_match(n1, n2, unordered_lists)
                })
        }
        _ => false,
    }
}

fn maps_match(x: &BTreeMap<String, Tv>, y: &BTreeMap<String, Tv>, u: bool) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|((k1, v1), (k2, v2))| k1 == k2 && matches(v1, v2, u))
}

fn nodes_match(x: &TNode, y: &TNode, u: bool) -> bool {
    x.labels == y.labels && maps_match(&x.props, &y.props, u)
}

fn rels_match(x: &TRel, y: &TRel, u: bool) -> bool {
    x.rel_type == y.rel_type && maps_match(&x.props, &y.props, u)
}

/// Match `expected` against `actual` as multisets under `eq`. Returns the indices left
/// unmatched on each side. Greedy matching is exact here because `eq` is an equivalence.
pub fn multiset_diff<T>(expected: &[T], actual: &[T], eq: impl Fn(&T, &T) -> bool) -> (Vec<usize>, Vec<usize>) {
    let mut used = vec![false; actual.len()];
    let mut missing = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        let hit = actual.iter().enumerate().position(|(j, a)| !used[j] && eq(e, a));
        match hit {
            Some(j) => used[j] = true,
            None => missing.push(i),
        }
    }
    let extra = used.iter().enumerate().filter(|(_, u)| !**u).map(|(j, _)| j).collect();
    (missing, extra)
}

// ---------------------------------------------------------------------------------------
// Display (for diffs)
// ---------------------------------------------------------------------------------------

fn write_props(f: &mut fmt::Formatter<'_>, m: &BTreeMap<String, Tv>) -> fmt::Result {
    f.write_str("{")?;
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{}: {v}", quote_name(k))?;
    }
    f.write_str("}")
}

impl fmt::Display for TNode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        for l in &self.labels {
            write!(f, ":{}", quote_name(l))?;
        }
        if !self.props.is_empty() {
            if !self.labels.is_empty() {
                f.write_str(" ")?;
            }
            write_props(f, &self.props)?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for TRel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[:{}", quote_name(&self.rel_type))?;
        if !self.props.is_empty() {
            f.write_str(" ")?;
            write_props(f, &self.props)?;
        }
        f.write_str("]")
    }
}

impl fmt::Display for Tv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tv::Null => f.write_str("null"),
            Tv::Bool(b) => write!(f, "{b}"),
            Tv::Int(i) => write!(f, "{i}"),
            Tv::Float(x) => f.write_str(&format_float(*x)),
            Tv::Str(s) => f.write_str(&quote_string(s)),
            Tv::List(items) => {
                f.write_str("[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{v}")?;
                }
                f.write_str("]")
            }
            Tv::Map(m) => write_props(f, m),
            Tv::Node(n) => write!(f, "{n}"),
            Tv::Rel(r) => write!(f, "{r}"),
            Tv::Path(p) => {
                write!(f, "<{}", p.start)?;
                for (r, d, n) in &p.steps {
                    match d {
                        Dir::In => write!(f, "<-{r}-{n}")?,
                        Dir::Out | Dir::Loop => write!(f, "-{r}->{n}")?,
                    }
                }
                f.write_str(">")
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Self-tests. The `tck` target runs with `harness = false`, so `#[test]` functions would
// never run; `main` runs this list before the TCK instead (see `SELF_TESTS`).
// ---------------------------------------------------------------------------------------

pub mod self_tests {
    use super::*;
    use meridian::value::{NodeData, RelData};

    /// (name, test). Each test panics on failure.
    pub const SELF_TESTS: &[(&str, fn())] = &[
        ("parses_scalars", parses_scalars),
        ("parses_floats", parses_floats),
        ("parses_strings_with_escapes", parses_strings_with_escapes),
        ("parses_containers", parses_containers),
        ("parses_entities", parses_entities),
        ("parses_paths", parses_paths),
        ("rejects_malformed_cells", rejects_malformed_cells),
        ("int_is_not_float", int_is_not_float),
        ("nan_matches_only_nan", nan_matches_only_nan),
        ("lists_ordered_or_unordered", lists_ordered_or_unordered),
        ("nodes_compare_by_label_set", nodes_compare_by_label_set),
        ("converts_actual_entities", converts_actual_entities),
        ("path_direction_matters", path_direction_matters),
        ("multiset_diff_reports_both_sides", multiset_diff_reports_both_sides),
        ("display_round_trips", display_round_trips),
        ("deep_nesting_is_an_error", deep_nesting_is_an_error),
    ];

    fn p(s: &str) -> Tv {
        match parse(s) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        }
    }

    fn same(e: &str, a: &Tv) -> bool {
        matches(&p(e), a, false)
    }

    fn parses_scalars() {
        assert!(matches!(p("null"), Tv::Null));
        assert!(matches!(p("true"), Tv::Bool(true)));
        assert!(matches!(p(" false "), Tv::Bool(false)));
        assert!(matches!(p("42"), Tv::Int(42)));
        assert!(matches!(p("-7"), Tv::Int(-7)));
        assert!(matches!(p("-9223372036854775808"), Tv::Int(i64::MIN)));
        assert!(parse("9223372036854775808").is_err());
    }

    fn parses_floats() {
        for (s, x) in [
            ("1.0", 1.0),
            ("-0.5", -0.5),
            (".5", 0.5),
            ("1e10", 1e10),
            ("1E-3", 1e-3),
            ("-1.2635418652381264e305", -1.2635418652381264e305),
            ("Infinity", f64::INFINITY),
            ("-Infinity", f64::NEG_INFINITY),
            ("Inf", f64::INFINITY),
            ("-Inf", f64::NEG_INFINITY),
        ] {
            match p(s) {
                Tv::Float(y) => assert_eq!(y, x, "{s}"),
                other => panic!("{s} parsed as {other:?}"),
            }
        }
        assert!(matches!(p("NaN"), Tv::Float(x) if x.is_nan()));
    }

    fn parses_strings_with_escapes() {
        assert!(matches!(p("''"), Tv::Str(s) if s.is_empty()));
        assert!(matches!(p(r"'\''"), Tv::Str(s) if s == "'"));
        assert!(matches!(p(r#"'a\\bcn5t\'"\\//\\"\''"#), Tv::Str(s) if s == r#"a\bcn5t'"\//\"'"#));
        assert!(matches!(p(r"'\nFoo\n'"), Tv::Str(s) if s == "\nFoo\n"));
        assert!(matches!(p(r"'\u00e9'"), Tv::Str(s) if s == "é"));
        assert!(matches!(p("'🧐🍌❖⋙⚐'"), Tv::Str(s) if s == "🧐🍌❖⋙⚐"));
        assert!(matches!(p("'a, [b]: {c}'"), Tv::Str(s) if s == "a, [b]: {c}"));
    }

    fn parses_containers() {
        let Tv::List(l) = p("[1, 'a', [], [null, 2.0]]") else { panic!("not a list") };
        assert_eq!(l.len(), 4);
        let Tv::Map(m) = p("{a1B2c3e67: 1, `b c`: [true], name: {x: -1}}") else { panic!("not a map") };
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a1B2c3e67", "b c", "name"]);
        assert!(matches!(p("{}"), Tv::Map(m) if m.is_empty()));
    }

    fn parses_entities() {
        let Tv::Node(n) = p("(:A:B {name: 'x', n: 1})") else { panic!("not a node") };
        assert_eq!(n.labels.len(), 2);
        assert_eq!(n.props.len(), 2);
        assert!(matches!(p("()"), Tv::Node(n) if n.labels.is_empty() && n.props.is_empty()));
        assert!(matches!(p("({time: 10})"), Tv::Node(n) if n.props.len() == 1));
        let Tv::Rel(r) = p("[:T {k: 'v'}]") else { panic!("not a rel") };
        assert_eq!(r.rel_type, "T");
        assert!(matches!(p("[ :KNOWS ]"), Tv::Rel(r) if r.rel_type == "KNOWS"));
    }

    fn parses_paths() {
        let Tv::Path(path) = p("<(:A)-[:T]->(:B)<-[:U {x: 1}]-()>") else { panic!("not a path") };
        assert_eq!(path.steps.len(), 2);
        assert_eq!(path.steps[0].1, Dir::Out);
        assert_eq!(path.steps[1].1, Dir::In);
        assert!(matches!(p("<()>"), Tv::Path(q) if q.steps.is_empty()));
        assert!(matches!(p("[<(:A)-[:T]->(:B)>]"), Tv::List(l) if l.len() == 1));
    }

    fn rejects_malformed_cells() {
        for s in [
            "",
            "'open",
            "[1, 2",
            "{a 1}",
            "(:A",
            "<(:A)-[:T]-(:B)>",
            "1 2",
            "nul",
            "{a: 1, a: 2}",
            "abc",
            "-",
            "1.2.3",
        ] {
            assert!(parse(s).is_err(), "{s:?} should not parse");
        }
    }

    fn int_is_not_float() {
        assert!(!same("1", &Tv::Float(1.0)));
        assert!(!same("1.0", &Tv::Int(1)));
        assert!(same("1.0", &Tv::Float(1.0)));
        assert!(same("[1]", &Tv::List(vec![Tv::Int(1)])));
        assert!(!same("[1]", &Tv::List(vec![Tv::Float(1.0)])));
        // Floats compare exactly: 0.1 + 0.2 is not 0.3.
        assert!(!same("0.3", &Tv::Float(0.1 + 0.2)));
        assert!(same("0.30000000000000004", &Tv::Float(0.1 + 0.2)));
    }

    fn nan_matches_only_nan() {
        assert!(same("NaN", &Tv::Float(f64::NAN)));
        assert!(!same("1.0", &Tv::Float(f64::NAN)));
        assert!(!same("NaN", &Tv::Float(1.0)));
        assert!(!same("NaN", &Tv::Null));
    }

    fn lists_ordered_or_unordered() {
        let a = p("[2, 1, [4, 3]]");
        assert!(!matches(&p("[1, 2, [3, 4]]"), &a, false));
        assert!(matches(&p("[1, 2, [3, 4]]"), &a, true));
        assert!(!matches(&p("[1, 1, [3, 4]]"), &a, true));
        assert!(matches(&p("{k: [1, 2]}"), &p("{k: [2, 1]}"), true));
        assert!(!matches(&p("{k: [1, 2]}"), &p("{k: [2, 1]}"), false));
        assert!(!matches(&p("{k: 1}"), &p("{k: 1, j: 2}"), false));
    }

    fn nodes_compare_by_label_set() {
        assert!(matches(&p("(:A:B {x: 1})"), &p("(:B:A {x: 1})"), false));
        assert!(!matches(&p("(:A {x: 1})"), &p("(:A:B {x: 1})"), false));
        assert!(!matches(&p("(:A {x: 1})"), &p("(:A {x: 1.0})"), false));
        assert!(!matches(&p("(:A)"), &p("[:A]"), false));
        assert!(!matches(&p("[:T]"), &p("[:U]"), false));
    }

    fn output() -> QueryOutput {
        let mut out = QueryOutput::default();
        let node = |labels: &[&str], k: i64| NodeData {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            properties: [("k".to_string(), Value::Int(k))].into_iter().collect(),
        };
        out.nodes.insert(NodeId(1), node(&["B", "A"], 1));
        out.nodes.insert(NodeId(2), node(&[], 2));
        out.rels.insert(
            RelId(7),
            RelData { rel_type: "T".into(), start: NodeId(1), end: NodeId(2), properties: BTreeMap::new() },
        );
        out
    }

    fn converts_actual_entities() {
        let out = output();
        let node = from_value(&Value::Node(NodeId(1)), &out).unwrap_or(Tv::Null);
        assert!(same("(:A:B {k: 1})", &node));
        let rel = from_value(&Value::Rel(RelId(7)), &out).unwrap_or(Tv::Null);
        assert!(same("[:T]", &rel));
        assert!(from_value(&Value::Node(NodeId(9)), &out).is_err());
        let list = Value::List(vec![Value::Int(1), Value::str("x"), Value::Null]);
        assert!(same("[1, 'x', null]", &from_value(&list, &out).unwrap_or(Tv::Null)));
    }

    fn path_direction_matters() {
        let out = output();
        let fwd = Value::Path(Box::new(Path { nodes: vec![NodeId(1), NodeId(2)], rels: vec![RelId(7)] }));
        let back = Value::Path(Box::new(Path { nodes: vec![NodeId(2), NodeId(1)], rels: vec![RelId(7)] }));
        let fwd = from_value(&fwd, &out).unwrap_or(Tv::Null);
        let back = from_value(&back, &out).unwrap_or(Tv::Null);
        assert!(same("<(:A:B {k: 1})-[:T]->({k: 2})>", &fwd));
        assert!(!same("<(:A:B {k: 1})<-[:T]-({k: 2})>", &fwd));
        assert!(same("<({k: 2})<-[:T]-(:A:B {k: 1})>", &back));
        assert!(!same("<({k: 2})-[:T]->(:A:B {k: 1})>", &back));
        let broken = Value::Path(Box::new(Path { nodes: vec![NodeId(2)], rels: vec![RelId(7)] }));
        assert!(from_value(&broken, &out).is_err());
    }

    fn multiset_diff_reports_both_sides() {
        let e = [1, 2, 2, 3];
        let a = [2, 3, 4, 2];
        let (missing, extra) = multiset_diff(&e, &a, |x, y| x == y);
        assert_eq!(missing, vec![0]);
        assert_eq!(extra, vec![2]);
    }

    fn display_round_trips() {
        for s in [
            "null",
            "1",
            "1.5",
            "'it\\'s'",
            "[1, [2.0, 'x']]",
            "{a: 1, b: {c: null}}",
            "(:A:B {k: 1})",
            "[:T {k: 'v'}]",
            "<(:A)-[:T]->(:B)<-[:U]-()>",
        ] {
            let v = p(s);
            let again = p(&v.to_string());
            assert!(matches(&v, &again, false), "{s} -> {v}");
        }
    }

    fn deep_nesting_is_an_error() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&deep).is_err());
        let mut v = Value::Null;
        for _ in 0..1000 {
            v = Value::List(vec![v]);
        }
        assert!(from_value(&v, &QueryOutput::default()).is_err());
    }
}
