//! Values: the `Value` enum every stage computes with, the identifiers of graph entities,
//! and the three relations openCypher defines on values: equality (`=`, ternary, null
//! when unknown), equivalence (grouping and DISTINCT: null ~ null, NaN ~ NaN) and the
//! global sort order of ORDER BY. Display prints the canonical TCK literal notation.
//! This module must not depend on the store: entity data reaches `Display` through the
//! `Entities` trait.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;
use std::hash::{Hash, Hasher};

use crate::temporal;

/// A node's identifier. Stable for the node's life: deleting other entities never changes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct NodeId(pub u64);

/// A relationship's identifier. Stable like `NodeId`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct RelId(pub u64);

/// A path: `nodes.len() == rels.len() + 1`; relationship `i` joins nodes `i` and `i + 1`,
/// in either direction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Path {
    pub nodes: Vec<NodeId>,
    pub rels: Vec<RelId>,
}

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
    Node(NodeId),
    Rel(RelId),
    Path(Box<Path>),
    // Temporal values (src/temporal): the small ones inline, the large ones boxed so a
    // `Value` stays four words.
    Date(temporal::Date),
    LocalTime(temporal::LocalTime),
    Time(temporal::Time),
    LocalDateTime(temporal::LocalDateTime),
    DateTime(Box<temporal::DateTime>),
    Duration(Box<temporal::Duration>),
}

/// The kinds a value can have, in the order ORDER BY sorts them (ascending).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Map,
    Node,
    Rel,
    List,
    Path,
    // Temporal kinds sort between paths and strings (openCypher CIP2015-08-06).
    DateTime,
    LocalDateTime,
    Date,
    Time,
    LocalTime,
    Duration,
    String,
    Bool,
    Number,
    Null,
}

impl Value {
    pub fn kind(&self) -> Kind {
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Int(_) | Value::Float(_) => Kind::Number,
            Value::String(_) => Kind::String,
            Value::List(_) => Kind::List,
            Value::Map(_) => Kind::Map,
            Value::Node(_) => Kind::Node,
            Value::Rel(_) => Kind::Rel,
            Value::Path(_) => Kind::Path,
            Value::Date(_) => Kind::Date,
            Value::LocalTime(_) => Kind::LocalTime,
            Value::Time(_) => Kind::Time,
            Value::LocalDateTime(_) => Kind::LocalDateTime,
            Value::DateTime(_) => Kind::DateTime,
            Value::Duration(_) => Kind::Duration,
        }
    }

    /// The type name used in error messages (openCypher type names).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "Null",
            Value::Bool(_) => "Boolean",
            Value::Int(_) => "Integer",
            Value::Float(_) => "Float",
            Value::String(_) => "String",
            Value::List(_) => "List",
            Value::Map(_) => "Map",
            Value::Node(_) => "Node",
            Value::Rel(_) => "Relationship",
            Value::Path(_) => "Path",
            Value::Date(_) => "Date",
            Value::LocalTime(_) => "LocalTime",
            Value::Time(_) => "Time",
            Value::LocalDateTime(_) => "LocalDateTime",
            Value::DateTime(_) => "DateTime",
            Value::Duration(_) => "Duration",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn str(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// openCypher equality `=`: `None` when the answer is unknown (a null is involved).
    pub fn cypher_eq(&self, other: &Value) -> Option<bool> {
        match (self, other) {
            (Value::Null, _) | (_, Value::Null) => None,
            (Value::Int(a), Value::Int(b)) => Some(a == b),
            (Value::Float(a), Value::Float(b)) => Some(a == b),
            (Value::Int(a), Value::Float(b)) | (Value::Float(b), Value::Int(a)) => {
                Some(int_float_cmp(*a, *b) == Some(Ordering::Equal))
            }
            (Value::Bool(a), Value::Bool(b)) => Some(a == b),
            (Value::String(a), Value::String(b)) => Some(a == b),
            (Value::Node(a), Value::Node(b)) => Some(a == b),
            (Value::Rel(a), Value::Rel(b)) => Some(a == b),
            (Value::Path(a), Value::Path(b)) => Some(a == b),
            (Value::Date(a), Value::Date(b)) => Some(a == b),
            (Value::LocalTime(a), Value::LocalTime(b)) => Some(a == b),
            (Value::Time(a), Value::Time(b)) => Some(a == b),
            (Value::LocalDateTime(a), Value::LocalDateTime(b)) => Some(a == b),
            (Value::DateTime(a), Value::DateTime(b)) => Some(a == b),
            (Value::Duration(a), Value::Duration(b)) => Some(a == b),
            (Value::List(a), Value::List(b)) => {
                if a.len() != b.len() {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.iter().zip(b) {
                    match x.cypher_eq(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            (Value::Map(a), Value::Map(b)) => {
                if a.len() != b.len() || a.keys().zip(b.keys()).any(|(x, y)| x != y) {
                    return Some(false);
                }
                let mut unknown = false;
                for (x, y) in a.values().zip(b.values()) {
                    match x.cypher_eq(y) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown { None } else { Some(true) }
            }
            _ => Some(false),
        }
    }

    /// openCypher comparison `<`, `<=`, `>`, `>=`: `None` when the values are not
    /// comparable (different types, nulls) — the operator then yields null.
    pub fn cypher_cmp(&self, other: &Value) -> Option<Ordering> {
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
            (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
            (Value::Int(a), Value::Float(b)) => int_float_cmp(*a, *b),
            (Value::Float(a), Value::Int(b)) => int_float_cmp(*b, *a).map(Ordering::reverse),
            (Value::String(a), Value::String(b)) => Some(a.cmp(b)),
            (Value::Bool(a), Value::Bool(b)) => Some(a.cmp(b)),
            // Temporal instants compare within their type; durations do not compare.
            (Value::Date(a), Value::Date(b)) => Some(a.cmp(b)),
            (Value::LocalTime(a), Value::LocalTime(b)) => Some(a.cmp(b)),
            (Value::Time(a), Value::Time(b)) => Some(a.cmp(b)),
            (Value::LocalDateTime(a), Value::LocalDateTime(b)) => Some(a.cmp(b)),
            (Value::DateTime(a), Value::DateTime(b)) => Some(a.cmp(b)),
            (Value::List(a), Value::List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    match x.cypher_cmp(y)? {
                        Ordering::Equal => {}
                        o => return Some(o),
                    }
                }
                Some(a.len().cmp(&b.len()))
            }
            _ => None,
        }
    }

    /// The global order of ORDER BY: total over all values, nulls last, NaN after
    /// every other number.
    pub fn order(&self, other: &Value) -> Ordering {
        let (ka, kb) = (self.kind(), other.kind());
        if ka != kb {
            return ka.cmp(&kb);
        }
        match (self, other) {
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
                let (a, b) = (self.as_f64_lossy(), other.as_f64_lossy());
                match (a.is_nan(), b.is_nan()) {
                    (true, true) => Ordering::Equal,
                    (true, false) => Ordering::Greater,
                    (false, true) => Ordering::Less,
                    _ => match (self, other) {
                        (Value::Int(a), Value::Float(b)) => int_float_cmp(*a, *b).unwrap_or(Ordering::Equal),
                        (Value::Float(a), Value::Int(b)) => {
                            int_float_cmp(*b, *a).map_or(Ordering::Equal, Ordering::reverse)
                        }
                        _ => a.partial_cmp(&b).unwrap_or(Ordering::Equal),
                    },
                }
            }
            (Value::String(a), Value::String(b)) => a.cmp(b),
            (Value::Bool(a), Value::Bool(b)) => a.cmp(b),
            (Value::List(a), Value::List(b)) => {
                for (x, y) in a.iter().zip(b) {
                    match x.order(y) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                }
                a.len().cmp(&b.len())
            }
            (Value::Map(a), Value::Map(b)) => {
                let ka: Vec<&String> = a.keys().collect();
                let kb: Vec<&String> = b.keys().collect();
                ka.cmp(&kb).then_with(|| {
                    for (x, y) in a.values().zip(b.values()) {
                        match x.order(y) {
                            Ordering::Equal => {}
                            o => return o,
                        }
                    }
                    Ordering::Equal
                })
            }
            (Value::Node(a), Value::Node(b)) => a.cmp(b),
            (Value::Rel(a), Value::Rel(b)) => a.cmp(b),
            (Value::Path(a), Value::Path(b)) => a.nodes.cmp(&b.nodes).then_with(|| a.rels.cmp(&b.rels)),
            (Value::Date(a), Value::Date(b)) => a.cmp(b),
            (Value::LocalTime(a), Value::LocalTime(b)) => a.cmp(b),
            (Value::Time(a), Value::Time(b)) => a.cmp(b),
            (Value::LocalDateTime(a), Value::LocalDateTime(b)) => a.cmp(b),
            (Value::DateTime(a), Value::DateTime(b)) => a.cmp(b),
            (Value::Duration(a), Value::Duration(b)) => a.order(b),
            _ => Ordering::Equal,
        }
    }

    fn as_f64_lossy(&self) -> f64 {
        match self {
            Value::Int(i) => *i as f64,
            Value::Float(f) => *f,
            _ => f64::NAN,
        }
    }

    /// A rough size in bytes, for the memory budget of intermediate results.
    pub fn approx_size(&self) -> usize {
        std::mem::size_of::<Value>()
            + match self {
                Value::String(s) => s.len(),
                Value::List(items) => items.iter().map(Value::approx_size).sum(),
                Value::Map(m) => m.iter().map(|(k, v)| k.len() + 32 + v.approx_size()).sum(),
                Value::Path(p) => 8 * (p.nodes.len() + p.rels.len()),
                _ => 0,
            }
    }

    /// The storage name of a temporal value's type (`date`, `localtime`, `time`,
    /// `localdatetime`, `datetime`, `duration`: the CSV header convention's names), for
    /// formats that carry temporal values as type name plus ISO text.
    pub fn temporal_type(&self) -> Option<&'static str> {
        Some(match self {
            Value::Date(_) => "date",
            Value::LocalTime(_) => "localtime",
            Value::Time(_) => "time",
            Value::LocalDateTime(_) => "localdatetime",
            Value::DateTime(_) => "datetime",
            Value::Duration(_) => "duration",
            _ => return None,
        })
    }

    /// The temporal value of type `ty` (a `temporal_type` name) written as `text`.
    pub fn parse_temporal(ty: &str, text: &str) -> Result<Value, crate::error::Error> {
        Ok(match ty {
            "date" => Value::Date(temporal::parse_date(text)?),
            "localtime" => Value::LocalTime(temporal::parse_local_time(text)?),
            "time" => Value::Time(temporal::parse_time(text)?),
            "localdatetime" => Value::LocalDateTime(temporal::parse_local_datetime(text)?),
            "datetime" => Value::DateTime(Box::new(temporal::parse_datetime(text)?)),
            "duration" => Value::Duration(Box::new(temporal::parse_duration(text)?)),
            _ => return Err(crate::error::Error::internal(format!("`{ty}` is not a temporal type"))),
        })
    }

    /// True for temporal values (dates, times, date-times, durations).
    pub fn is_temporal(&self) -> bool {
        matches!(
            self,
            Value::Date(_)
                | Value::LocalTime(_)
                | Value::Time(_)
                | Value::LocalDateTime(_)
                | Value::DateTime(_)
                | Value::Duration(_)
        )
    }

    /// Storable as a property: booleans, numbers, strings, temporal values and
    /// homogeneous lists of them.
    pub fn is_storable(&self) -> bool {
        match self {
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::String(_) => true,
            v if v.is_temporal() => true,
            Value::List(items) => {
                let mut kind = None;
                items.iter().all(|v| {
                    let simple = matches!(v, Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::String(_))
                        || v.is_temporal();
                    let k = std::mem::discriminant(v);
                    let same = *kind.get_or_insert(k) == k
                        || matches!(v, Value::Int(_) | Value::Float(_))
                            && items.iter().all(|x| matches!(x, Value::Int(_) | Value::Float(_)));
                    simple && same
                })
            }
            _ => false,
        }
    }

    /// Display with entity data (labels and properties) looked up in `entities`.
    pub fn display<'a>(&'a self, entities: &'a dyn Entities) -> Displayed<'a> {
        Displayed { value: self, entities }
    }
}

/// Compare an integer with a float exactly (no rounding of large integers).
fn int_float_cmp(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.223372036854775807e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223372036854775808e18 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    match i.cmp(&(t as i64)) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Equivalence: the relation of grouping keys, DISTINCT and UNION. Unlike `=`,
/// null is equivalent to null and NaN to NaN; 1 and 1.0 are equivalent.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Float(a), Value::Float(b)) if a.is_nan() && b.is_nan() => true,
            (Value::List(a), Value::List(b)) => a == b,
            (Value::Map(a), Value::Map(b)) => a == b,
            _ => self.cypher_eq(other) == Some(true),
        }
    }
}

impl Eq for Value {}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Value::Null => 0u8.hash(state),
            Value::Bool(b) => (1u8, b).hash(state),
            Value::Int(i) => (2u8, *i).hash(state),
            Value::Float(f) => {
                // Integral floats hash like the equal integer: 1.0 ~ 1.
                if f.fract() == 0.0 && *f >= -9.223372036854775808e18 && *f < 9.223372036854775808e18 {
                    (2u8, *f as i64).hash(state)
                } else if f.is_nan() {
                    (3u8, 0u64).hash(state)
                } else {
                    (3u8, f.to_bits()).hash(state)
                }
            }
            Value::String(s) => (4u8, s).hash(state),
            Value::List(l) => (5u8, l).hash(state),
            Value::Map(m) => (6u8, m).hash(state),
            Value::Node(n) => (7u8, n).hash(state),
            Value::Rel(r) => (8u8, r).hash(state),
            Value::Path(p) => (9u8, p).hash(state),
            // Hash what equality compares: instants for zoned values.
            Value::Date(d) => (10u8, d).hash(state),
            Value::LocalTime(t) => (11u8, t).hash(state),
            Value::Time(t) => (12u8, t.utc_nanos()).hash(state),
            Value::LocalDateTime(t) => (13u8, t).hash(state),
            Value::DateTime(t) => (14u8, t.instant()).hash(state),
            Value::Duration(d) => (15u8, d).hash(state),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}
impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<Option<bool>> for Value {
    fn from(b: Option<bool>) -> Value {
        b.map_or(Value::Null, Value::Bool)
    }
}

/// A node as it leaves the engine: its labels and properties.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NodeData {
    pub labels: Vec<String>,
    pub properties: BTreeMap<String, Value>,
}

/// A relationship as it leaves the engine.
#[derive(Clone, Debug, PartialEq)]
pub struct RelData {
    pub rel_type: String,
    pub start: NodeId,
    pub end: NodeId,
    pub properties: BTreeMap<String, Value>,
}

/// Where `Display` finds the labels and properties of the entities a value refers to.
pub trait Entities {
    fn node(&self, id: NodeId) -> Option<&NodeData>;
    fn rel(&self, id: RelId) -> Option<&RelData>;
}

/// No entity data: nodes print as `(#id)`.
pub struct NoEntities;

impl Entities for NoEntities {
    fn node(&self, _: NodeId) -> Option<&NodeData> {
        None
    }
    fn rel(&self, _: RelId) -> Option<&RelData> {
        None
    }
}

pub struct Displayed<'a> {
    value: &'a Value,
    entities: &'a dyn Entities,
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.display(&NoEntities).fmt(f)
    }
}

/// Float in TCK notation: always with a decimal point or exponent.
pub fn format_float(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else {
        let s = format!("{x:?}");
        match s.split_once('e') {
            // Keep a decimal point in the mantissa: `1.0E20`, never `1E20`.
            Some((m, e)) if !m.contains('.') => format!("{m}.0E{e}"),
            Some((m, e)) => format!("{m}E{e}"),
            None => s,
        }
    }
}

/// A string in single quotes with the escapes the parser reads back.
pub fn quote_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A map key or label: bare when it is a plain identifier, else in backticks.
pub fn quote_name(s: &str) -> String {
    let plain = s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain { s.to_string() } else { format!("`{}`", s.replace('`', "``")) }
}

impl Displayed<'_> {
    fn sub<'b>(&'b self, value: &'b Value) -> Displayed<'b> {
        Displayed { value, entities: self.entities }
    }

    fn props(f: &mut fmt::Formatter<'_>, props: &BTreeMap<String, Value>, entities: &dyn Entities) -> fmt::Result {
        if props.is_empty() {
            return Ok(());
        }
        f.write_str(" {")?;
        for (i, (k, v)) in props.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}: {}", quote_name(k), v.display(entities))?;
        }
        f.write_str("}")
    }

    fn node(&self, f: &mut fmt::Formatter<'_>, id: NodeId) -> fmt::Result {
        match self.entities.node(id) {
            Some(n) => {
                f.write_str("(")?;
                for l in &n.labels {
                    write!(f, ":{}", quote_name(l))?;
                }
                let mut inner = String::new();
                {
                    use std::fmt::Write;
                    let _ = write!(inner, "{}", PropsOnly(&n.properties, self.entities));
                }
                if n.labels.is_empty() {
                    f.write_str(inner.trim_start())?;
                } else {
                    f.write_str(&inner)?;
                }
                f.write_str(")")
            }
            None => write!(f, "(#{})", id.0),
        }
    }

    fn rel(&self, f: &mut fmt::Formatter<'_>, id: RelId) -> fmt::Result {
        match self.entities.rel(id) {
            Some(r) => {
                write!(f, "[:{}", quote_name(&r.rel_type))?;
                Self::props(f, &r.properties, self.entities)?;
                f.write_str("]")
            }
            None => write!(f, "[#{}]", id.0),
        }
    }
}

struct PropsOnly<'a>(&'a BTreeMap<String, Value>, &'a dyn Entities);

impl fmt::Display for PropsOnly<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Displayed::props(f, self.0, self.1)
    }
}

impl fmt::Display for Displayed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => f.write_str(&format_float(*x)),
            Value::String(s) => f.write_str(&quote_string(s)),
            Value::List(items) => {
                f.write_str("[")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    self.sub(v).fmt(f)?;
                }
                f.write_str("]")
            }
            Value::Map(m) => {
                f.write_str("{")?;
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{}: {}", quote_name(k), self.sub(v))?;
                }
                f.write_str("}")
            }
            Value::Node(id) => self.node(f, *id),
            Value::Rel(id) => self.rel(f, *id),
            // Temporal values print as their ISO 8601 text, unquoted.
            Value::Date(d) => write!(f, "{d}"),
            Value::LocalTime(t) => write!(f, "{t}"),
            Value::Time(t) => write!(f, "{t}"),
            Value::LocalDateTime(t) => write!(f, "{t}"),
            Value::DateTime(t) => write!(f, "{t}"),
            Value::Duration(d) => write!(f, "{d}"),
            Value::Path(p) => {
                f.write_str("<")?;
                self.node(f, p.nodes[0])?;
                for (i, r) in p.rels.iter().enumerate() {
                    let next = p.nodes[i + 1];
                    // Direction: a relationship that ends at the previous node points backwards.
                    let backwards = self
                        .entities
                        .rel(*r)
                        .is_some_and(|d| d.end == p.nodes[i] && d.start == next && d.start != d.end);
                    f.write_str(if backwards { "<-" } else { "-" })?;
                    self.rel(f, *r)?;
                    f.write_str(if backwards { "-" } else { "->" })?;
                    self.node(f, next)?;
                }
                f.write_str(">")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equality_is_ternary() {
        assert_eq!(Value::Int(1).cypher_eq(&Value::Float(1.0)), Some(true));
        assert_eq!(Value::Null.cypher_eq(&Value::Null), None);
        let l1 = Value::List(vec![Value::Int(1), Value::Null]);
        let l2 = Value::List(vec![Value::Int(2), Value::Null]);
        assert_eq!(l1.cypher_eq(&l2), Some(false));
        assert_eq!(l1.cypher_eq(&l1.clone()), None);
        assert_eq!(Value::Float(f64::NAN).cypher_eq(&Value::Float(f64::NAN)), Some(false));
    }

    #[test]
    fn order_is_total_and_puts_null_last() {
        let mut vals = vec![
            Value::Null,
            Value::Int(2),
            Value::Float(f64::NAN),
            Value::str("a"),
            Value::Bool(true),
            Value::Float(1.5),
            Value::List(vec![]),
            Value::Map(BTreeMap::new()),
        ];
        vals.sort_by(|a, b| a.order(b));
        let shown: Vec<String> = vals.iter().map(|v| v.to_string()).collect();
        assert_eq!(shown, ["{}", "[]", "'a'", "true", "1.5", "2", "NaN", "null"]);
    }

    #[test]
    fn comparison_of_mixed_types_is_unknown() {
        assert_eq!(Value::Int(1).cypher_cmp(&Value::str("1")), None);
        assert_eq!(Value::Int(i64::MAX).cypher_cmp(&Value::Float(9.223372036854775807e18)), Some(Ordering::Less));
    }

    #[test]
    fn literals_print_in_tck_notation() {
        let mut m = BTreeMap::new();
        m.insert("k".to_string(), Value::Float(1.0));
        m.insert("a b".to_string(), Value::str("it's"));
        assert_eq!(Value::Map(m).to_string(), "{`a b`: 'it\\'s', k: 1.0}");
        assert_eq!(Value::Float(1e20).to_string(), "1.0E20");
    }
}
