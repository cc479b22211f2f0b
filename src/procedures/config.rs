//! The `config` map every algorithm procedure takes: checks its keys (a misspelt key is
//! an error, not silently ignored) and value types, and hands out typed settings with
//! defaults. It must not look at the graph beyond resolving names to ids.

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind};
use crate::store::{Graph, KeyId, LabelId, TypeId};
use crate::value::Value;

/// Which way an algorithm follows relationships.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// From start node to end node.
    Outgoing,
    /// From end node to start node.
    Incoming,
    /// Either way (the relationships as an undirected graph).
    Both,
}

/// Keys every algorithm accepts for choosing the nodes and relationships it sees.
pub const FILTER_KEYS: &[&str] = &["label", "relationshipTypes"];

/// A procedure's parsed `config` argument.
pub struct Config<'a> {
    procedure: &'static str,
    map: Option<&'a BTreeMap<String, Value>>,
}

pub fn invalid_value(message: impl Into<String>) -> Error {
    Error::runtime(ErrorKind::ArgumentError, "InvalidArgumentValue", message)
}

fn invalid_type(message: impl Into<String>) -> Error {
    Error::runtime(ErrorKind::TypeError, "InvalidArgumentType", message)
}

/// Which nodes and relationships an algorithm sees, resolved to store ids.
#[derive(Debug, Default)]
pub struct Filter {
    /// None: every node; Some: nodes carrying at least one of these labels (a label the
    /// graph has never seen matches nothing, so it is simply absent here).
    pub labels: Option<Vec<LabelId>>,
    /// None: every type; Some: relationships of these types only (possibly none).
    pub types: Option<Vec<TypeId>>,
}

impl<'a> Config<'a> {
    /// Reads the single `config` argument of `procedure`, accepting `allowed` keys only.
    /// `null` counts as an empty map.
    pub fn parse(procedure: &'static str, args: &'a [Value], allowed: &[&str]) -> Result<Config<'a>, Error> {
        let map = match args.first() {
            None | Some(Value::Null) => None,
            Some(Value::Map(m)) => Some(m),
            Some(other) => {
                return Err(invalid_type(format!(
                    "{procedure} expects a map as its config argument, but got {}",
                    describe(other)
                )));
            }
        };
        if args.len() > 1 {
            return Err(Error::runtime(
                ErrorKind::ArgumentError,
                "InvalidNumberOfArguments",
                format!("{procedure} takes one config map, but got {} arguments", args.len()),
            ));
        }
        if let Some(m) = map {
            for key in m.keys() {
                if !allowed.contains(&key.as_str()) {
                    let mut known: Vec<&str> = allowed.to_vec();
                    known.sort_unstable();
                    return Err(invalid_value(format!(
                        "{procedure} does not know the config key `{key}` (it accepts: {})",
                        known.join(", ")
                    )));
                }
            }
        }
        Ok(Config { procedure, map })
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(key)).filter(|v| !matches!(v, Value::Null))
    }

    fn wrong_type(&self, key: &str, wanted: &str, got: &Value) -> Error {
        invalid_type(format!("{}: config key `{key}` must be {wanted}, but got {}", self.procedure, describe(got)))
    }

    /// A string or a list of strings (one string counts as a list of one).
    fn strings(&self, key: &str) -> Result<Option<Vec<&'a str>>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(vec![s.as_str()])),
            Some(v @ Value::List(items)) => items
                .iter()
                .map(|i| match i {
                    Value::String(s) => Ok(s.as_str()),
                    _ => Err(self.wrong_type(key, "a string or a list of strings", v)),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(v) => Err(self.wrong_type(key, "a string or a list of strings", v)),
        }
    }

    /// `label` and `relationshipTypes`, resolved against the graph.
    pub fn filter(&self, graph: &Graph) -> Result<Filter, Error> {
        let labels = self.strings("label")?.map(|names| names.iter().filter_map(|n| graph.label_id(n)).collect());
        let types =
            self.strings("relationshipTypes")?.map(|names| names.iter().filter_map(|n| graph.type_id(n)).collect());
        Ok(Filter { labels, types })
    }

    /// `direction`: 'OUTGOING', 'INCOMING' or 'BOTH' (any case).
    pub fn direction(&self, default: Direction) -> Result<Direction, Error> {
        match self.get("direction") {
            None => Ok(default),
            Some(Value::String(s)) => match s.to_ascii_uppercase().as_str() {
                "OUTGOING" => Ok(Direction::Outgoing),
                "INCOMING" => Ok(Direction::Incoming),
                "BOTH" => Ok(Direction::Both),
                _ => Err(invalid_value(format!(
                    "{}: config key `direction` must be 'OUTGOING', 'INCOMING' or 'BOTH', but got '{s}'",
                    self.procedure
                ))),
            },
            Some(v) => Err(self.wrong_type("direction", "a string", v)),
        }
    }

    /// `weightProperty`: the property key to read weights from. A key no entity has ever
    /// carried still counts as set (every weight is then the default 1.0).
    pub fn weight(&self, graph: &Graph) -> Result<Option<Weight>, Error> {
        match self.get("weightProperty") {
            None => Ok(None),
            Some(Value::String(s)) => {
                Ok(Some(Weight { procedure: self.procedure, name: s.clone(), key: graph.key_id(s) }))
            }
            Some(v) => Err(self.wrong_type("weightProperty", "a string", v)),
        }
    }

    /// A number setting that must satisfy `ok` (described by `what` in the error).
    pub fn float(&self, key: &str, default: f64, ok: impl Fn(f64) -> bool, what: &str) -> Result<f64, Error> {
        let x = match self.get(key) {
            None => return Ok(default),
            Some(Value::Int(i)) => *i as f64,
            Some(Value::Float(f)) => *f,
            Some(v) => return Err(self.wrong_type(key, "a number", v)),
        };
        if ok(x) {
            Ok(x)
        } else {
            Err(invalid_value(format!("{}: config key `{key}` must be {what}, but got {x}", self.procedure)))
        }
    }

    /// An integer setting in `min..=max`.
    pub fn int(&self, key: &str, default: u64, min: u64, max: u64) -> Result<u64, Error> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Int(i)) if *i >= min as i64 && (*i as u64) <= max => Ok(*i as u64),
            Some(Value::Int(i)) => Err(invalid_value(format!(
                "{}: config key `{key}` must be an integer from {min} to {max}, but got {i}",
                self.procedure
            ))),
            Some(v) => Err(self.wrong_type(key, "an integer", v)),
        }
    }
}

/// The relationship property that weights an algorithm.
#[derive(Debug)]
pub struct Weight {
    procedure: &'static str,
    name: String,
    key: Option<KeyId>,
}

impl Weight {
    /// The weight of relationship `r`: its property as a float, 1.0 when missing or null;
    /// anything but a non-negative finite number is an error naming the relationship.
    pub fn of(&self, graph: &Graph, r: crate::value::RelId) -> Result<f64, Error> {
        let v = match self.key.and_then(|k| graph.rel_property(r, k)) {
            None | Some(Value::Null) => return Ok(1.0),
            Some(v) => v,
        };
        let x = match v {
            Value::Int(i) => *i as f64,
            Value::Float(f) => *f,
            other => {
                return Err(Error::runtime(
                    ErrorKind::TypeError,
                    "InvalidPropertyType",
                    format!(
                        "{}: relationship {} has weight property `{}` = {}, which is not a number",
                        self.procedure,
                        r.0,
                        self.name,
                        describe(other)
                    ),
                ));
            }
        };
        if x.is_finite() && x >= 0.0 {
            Ok(x)
        } else {
            let why = if x < 0.0 { "negative" } else { "not a finite number" };
            Err(invalid_value(format!(
                "{}: relationship {} has weight property `{}` = {x}, which is {why}; weights must be non-negative",
                self.procedure, r.0, self.name
            )))
        }
    }
}

/// A short description of a value for error messages.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Int(i) => format!("the integer {i}"),
        Value::Float(f) => format!("the float {f}"),
        Value::String(s) => format!("the string '{s}'"),
        Value::List(_) => "a list".into(),
        Value::Map(_) => "a map".into(),
        Value::Node(_) => "a node".into(),
        Value::Rel(_) => "a relationship".into(),
        Value::Path(_) => "a path".into(),
        other => format!("the {} {other}", other.type_name()),
    }
}
