//! Built-in scalar functions: the table of names, arities and evaluators that the binder
//! resolves calls against and the executor calls. Entity functions (`labels`, `type`,
//! `properties`, ...) read the graph through the small `Graph` trait, so this module
//! never depends on the store or on any query stage. Aggregates (`count`, `collect`, ...)
//! are not here: they keep state across rows and belong to `exec`.
//!
//! Semantics follow the openCypher TCK (`../shared/tck/features/expressions`); where the
//! TCK is silent, they follow the behaviour openCypher users expect from Neo4j, and the
//! choice is noted where the function is written.

mod convert;
mod entity;
mod list;
mod math;
mod string;
pub mod temporal;

use std::collections::BTreeMap;

use crate::error::{Error, ErrorKind};
use crate::value::{Kind, NodeId, RelId, Value};

/// Read access to the graph, for the entity functions. `None` means the entity does not
/// exist (deleted in this statement or never created); the functions turn that into an
/// `EntityNotFound` error.
pub trait Graph {
    fn node_labels(&self, id: NodeId) -> Option<Vec<String>>;
    fn node_properties(&self, id: NodeId) -> Option<BTreeMap<String, Value>>;
    fn rel_type(&self, id: RelId) -> Option<String>;
    fn rel_properties(&self, id: RelId) -> Option<BTreeMap<String, Value>>;
    /// (start, end)
    fn rel_endpoints(&self, id: RelId) -> Option<(NodeId, NodeId)>;
    /// The statement's clock, in nanoseconds since the Unix epoch: the same for every
    /// call in one statement (`date()`, `datetime.statement()`, ...). Without a
    /// statement at hand, the wall clock.
    fn statement_time(&self) -> i128 {
        crate::temporal::now_nanos()
    }
}

/// A graph with no entities: for evaluating functions where no graph is at hand (constant
/// folding). Every entity lookup fails as if the entity were deleted.
pub struct NoGraph;

impl Graph for NoGraph {
    fn node_labels(&self, _: NodeId) -> Option<Vec<String>> {
        None
    }
    fn node_properties(&self, _: NodeId) -> Option<BTreeMap<String, Value>> {
        None
    }
    fn rel_type(&self, _: RelId) -> Option<String> {
        None
    }
    fn rel_properties(&self, _: RelId) -> Option<BTreeMap<String, Value>> {
        None
    }
    fn rel_endpoints(&self, _: RelId) -> Option<(NodeId, NodeId)> {
        None
    }
}

/// Evaluates a call on already-evaluated arguments.
pub type Eval = fn(&[Value], &dyn Graph) -> Result<Value, Error>;

/// A scalar function: its canonical name, arity bounds and evaluator.
pub struct Function {
    /// Canonical spelling, e.g. `toUpper`. Lookup is case-insensitive.
    pub name: &'static str,
    pub min_args: usize,
    /// `None`: variadic.
    pub max_args: Option<usize>,
    /// Missing arguments read as null, so a call with too few arguments cannot panic;
    /// `call` checks the arity first.
    pub eval: Eval,
}

impl Function {
    /// True when `n` arguments are allowed (the binder raises `InvalidNumberOfArguments`
    /// otherwise).
    pub fn accepts_arity(&self, n: usize) -> bool {
        n >= self.min_args && self.max_args.is_none_or(|max| n <= max)
    }

    /// Check the arity, then evaluate.
    pub fn call(&self, args: &[Value], graph: &dyn Graph) -> Result<Value, Error> {
        if !self.accepts_arity(args.len()) {
            return Err(Error::internal(format!("{}() called with {} arguments", self.name, args.len())));
        }
        (self.eval)(args, graph)
    }

    /// The kinds the first argument may have, when the function is picky enough that the
    /// binder should reject a statically known kind at compile time (TCK: `labels(p)` on a
    /// path, `type(n)` on a node, `size(p)`, `length(n)`, `properties(1)` are
    /// `SyntaxError: InvalidArgumentType`). Null is always accepted and not listed.
    /// `None`: no static check.
    pub fn first_arg_kinds(&self) -> Option<&'static [Kind]> {
        let kinds: &'static [Kind] = match self.name {
            "labels" => &[Kind::Node],
            "type" | "startNode" | "endNode" => &[Kind::Rel],
            "keys" | "properties" => &[Kind::Map, Kind::Node, Kind::Rel],
            "nodes" | "relationships" => &[Kind::Path],
            "length" => &[Kind::Path, Kind::String, Kind::List],
            "size" | "reverse" => &[Kind::String, Kind::List],
            "head" | "last" | "tail" => &[Kind::List],
            _ => return None,
        };
        Some(kinds)
    }
}

/// Find a function by (case-insensitive, possibly dotted) name.
pub fn lookup(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

/// Canonical names of all functions, for REPL completion.
pub fn names() -> impl Iterator<Item = &'static str> {
    FUNCTIONS.iter().map(|f| f.name)
}

const fn fixed(name: &'static str, n: usize, eval: Eval) -> Function {
    Function { name, min_args: n, max_args: Some(n), eval }
}

const fn ranged(name: &'static str, min: usize, max: usize, eval: Eval) -> Function {
    Function { name, min_args: min, max_args: Some(max), eval }
}

static FUNCTIONS: &[Function] = &[
    // Graph entities.
    fixed("id", 1, entity::id),
    fixed("labels", 1, entity::labels),
    fixed("type", 1, entity::rel_type),
    fixed("keys", 1, entity::keys),
    fixed("properties", 1, entity::properties),
    fixed("startNode", 1, entity::start_node),
    fixed("endNode", 1, entity::end_node),
    fixed("nodes", 1, entity::nodes),
    fixed("relationships", 1, entity::relationships),
    // Lists (and strings where openCypher allows both).
    fixed("length", 1, list::length),
    fixed("size", 1, list::size),
    fixed("head", 1, list::head),
    fixed("last", 1, list::last),
    fixed("tail", 1, list::tail),
    ranged("range", 2, 3, list::range),
    fixed("reverse", 1, list::reverse),
    fixed("isEmpty", 1, list::is_empty),
    Function { name: "coalesce", min_args: 1, max_args: None, eval: list::coalesce },
    // Type conversion.
    fixed("toString", 1, convert::to_string),
    fixed("toInteger", 1, convert::to_integer),
    fixed("toFloat", 1, convert::to_float),
    fixed("toBoolean", 1, convert::to_boolean),
    fixed("toStringOrNull", 1, convert::to_string_or_null),
    fixed("toIntegerOrNull", 1, convert::to_integer_or_null),
    fixed("toFloatOrNull", 1, convert::to_float_or_null),
    fixed("toBooleanOrNull", 1, convert::to_boolean_or_null),
    fixed("toStringList", 1, convert::to_string_list),
    fixed("toIntegerList", 1, convert::to_integer_list),
    fixed("toFloatList", 1, convert::to_float_list),
    fixed("toBooleanList", 1, convert::to_boolean_list),
    // Strings.
    fixed("toUpper", 1, string::to_upper),
    fixed("toLower", 1, string::to_lower),
    fixed("trim", 1, string::trim),
    fixed("lTrim", 1, string::ltrim),
    fixed("rTrim", 1, string::rtrim),
    fixed("replace", 3, string::replace),
    ranged("substring", 2, 3, string::substring),
    fixed("left", 2, string::left),
    fixed("right", 2, string::right),
    fixed("split", 2, string::split),
    // Numbers.
    fixed("abs", 1, math::abs),
    fixed("ceil", 1, math::ceil),
    fixed("floor", 1, math::floor),
    fixed("round", 1, math::round),
    fixed("sign", 1, math::sign),
    fixed("sqrt", 1, math::sqrt),
    fixed("exp", 1, math::exp),
    fixed("log", 1, math::log),
    fixed("log10", 1, math::log10),
    fixed("e", 0, math::e),
    fixed("pi", 0, math::pi),
    fixed("rand", 0, math::rand),
    fixed("sin", 1, math::sin),
    fixed("cos", 1, math::cos),
    fixed("tan", 1, math::tan),
    fixed("cot", 1, math::cot),
    fixed("asin", 1, math::asin),
    fixed("acos", 1, math::acos),
    fixed("atan", 1, math::atan),
    fixed("atan2", 2, math::atan2),
    fixed("degrees", 1, math::degrees),
    fixed("radians", 1, math::radians),
    fixed("haversin", 1, math::haversin),
    fixed("isNaN", 1, math::is_nan),
    // Temporal values.
    ranged("date", 0, 1, temporal::date),
    ranged("date.transaction", 0, 1, temporal::date_transaction),
    ranged("date.statement", 0, 1, temporal::date_statement),
    ranged("date.realtime", 0, 1, temporal::date_realtime),
    ranged("date.truncate", 2, 3, temporal::date_truncate),
    ranged("localtime", 0, 1, temporal::localtime),
    ranged("localtime.transaction", 0, 1, temporal::localtime_transaction),
    ranged("localtime.statement", 0, 1, temporal::localtime_statement),
    ranged("localtime.realtime", 0, 1, temporal::localtime_realtime),
    ranged("localtime.truncate", 2, 3, temporal::localtime_truncate),
    ranged("time", 0, 1, temporal::time),
    ranged("time.transaction", 0, 1, temporal::time_transaction),
    ranged("time.statement", 0, 1, temporal::time_statement),
    ranged("time.realtime", 0, 1, temporal::time_realtime),
    ranged("time.truncate", 2, 3, temporal::time_truncate),
    ranged("localdatetime", 0, 1, temporal::localdatetime),
    ranged("localdatetime.transaction", 0, 1, temporal::localdatetime_transaction),
    ranged("localdatetime.statement", 0, 1, temporal::localdatetime_statement),
    ranged("localdatetime.realtime", 0, 1, temporal::localdatetime_realtime),
    ranged("localdatetime.truncate", 2, 3, temporal::localdatetime_truncate),
    ranged("datetime", 0, 1, temporal::datetime),
    ranged("datetime.transaction", 0, 1, temporal::datetime_transaction),
    ranged("datetime.statement", 0, 1, temporal::datetime_statement),
    ranged("datetime.realtime", 0, 1, temporal::datetime_realtime),
    ranged("datetime.truncate", 2, 3, temporal::datetime_truncate),
    fixed("datetime.fromepoch", 2, temporal::datetime_fromepoch),
    fixed("datetime.fromepochmillis", 1, temporal::datetime_fromepochmillis),
    fixed("duration", 1, temporal::duration),
    fixed("duration.between", 2, temporal::duration_between),
    fixed("duration.inMonths", 2, temporal::duration_in_months),
    fixed("duration.inDays", 2, temporal::duration_in_days),
    fixed("duration.inSeconds", 2, temporal::duration_in_seconds),
];

// ---------------------------------------------------------------------------------------
// Helpers shared by the function families.

static NULL: Value = Value::Null;

/// Argument `i`, or null when the caller passed fewer (never a panic).
fn arg(args: &[Value], i: usize) -> &Value {
    args.get(i).unwrap_or(&NULL)
}

/// A runtime type error for a function argument. The TCK raises
/// `TypeError: InvalidArgumentValue` when a function receives a value of the wrong type
/// at runtime (`labels`, `type`, `toBoolean`, `toInteger`, `toFloat`, `toString`), so every
/// function here uses that code for consistency.
fn wrong_type(function: &str, expected: &str, got: &Value) -> Error {
    Error::runtime(
        ErrorKind::TypeError,
        "InvalidArgumentValue",
        format!("invalid argument to {function}(): expected {expected}, got {}", got.type_name()),
    )
}

/// An argument of the right type but with a value the function cannot use.
fn bad_value(code: &'static str, message: String) -> Error {
    Error::runtime(ErrorKind::ArgumentError, code, message)
}

/// An integer argument that must be present and non-negative (lengths and positions).
fn count_arg(function: &str, what: &str, v: &Value) -> Result<usize, Error> {
    match v {
        Value::Int(i) if *i < 0 => {
            Err(bad_value("NegativeIntegerArgument", format!("{what} of {function}() must not be negative, got {i}")))
        }
        // On 32-bit targets a huge count saturates, which only ever means "to the end".
        Value::Int(i) => Ok(usize::try_from(*i).unwrap_or(usize::MAX)),
        Value::Null => Err(bad_value("InvalidArgumentValue", format!("{what} of {function}() must not be null"))),
        other => Err(wrong_type(function, "an Integer", other)),
    }
}

fn deleted_node(id: NodeId) -> Error {
    Error::runtime(ErrorKind::EntityNotFound, "DeletedEntityAccess", format!("node #{} has been deleted", id.0))
}

fn deleted_rel(id: RelId) -> Error {
    Error::runtime(ErrorKind::EntityNotFound, "DeletedEntityAccess", format!("relationship #{} has been deleted", id.0))
}

#[cfg(test)]
mod testkit;

#[cfg(test)]
mod tests {
    use super::testkit::*;
    use super::*;

    #[test]
    fn lookup_is_case_insensitive() {
        assert_eq!(lookup("TOUPPER").map(|f| f.name), Some("toUpper"));
        assert_eq!(lookup("nOdEs").map(|f| f.name), Some("nodes"));
        assert!(lookup("meridian.nothing").is_none());
        assert!(lookup("count").is_none(), "aggregates live in exec");
    }

    #[test]
    fn names_are_unique_and_complete() {
        let mut all: Vec<String> = names().map(str::to_ascii_lowercase).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "duplicate function name");
        for name in names() {
            assert!(lookup(name).is_some());
        }
    }

    #[test]
    #[rustfmt::skip]
    fn call_checks_arity() {
        check(&[
            case("range", vec![i(1)], "InternalError/Internal"),
            case("pi", vec![i(1)], "InternalError/Internal"),
            case("coalesce", vec![], "InternalError/Internal"),
            case("coalesce", vec![N, N, i(3), i(4)], "3"),
        ]);
        // Calling `eval` directly with too few arguments reads them as null.
        let f = lookup("substring").map(|f| f.eval);
        assert!(f.is_some_and(|eval| eval(&[], &FakeGraph).is_ok_and(|v| v.is_null())));
    }

    #[test]
    fn static_kinds_for_the_binder() {
        let kinds = |name: &str| lookup(name).and_then(|f| f.first_arg_kinds());
        assert_eq!(kinds("labels"), Some(&[Kind::Node][..]));
        assert!(kinds("length").is_some_and(|k| !k.contains(&Kind::Node)));
        assert!(kinds("size").is_some_and(|k| !k.contains(&Kind::Path)));
        assert!(kinds("properties").is_some_and(|k| !k.contains(&Kind::Number)));
        assert_eq!(kinds("toString"), None);
    }
}
