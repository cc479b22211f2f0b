//! Built-in scalar functions that need no graph: name, arity, evaluation over values.
//! Graph functions (labels, type, properties of entities, ...) and aggregates live in
//! `exec`. This module must not depend on the store or on any query stage.

use crate::error::Error;
use crate::value::Value;

/// A scalar function: its canonical name, arity bounds and evaluator.
pub struct Function {
    /// Canonical spelling, e.g. `toUpper`. Lookup is case-insensitive.
    pub name: &'static str,
    pub min_args: usize,
    /// `None`: variadic.
    pub max_args: Option<usize>,
    pub eval: fn(&[Value]) -> Result<Value, Error>,
}

/// Find a function by (case-insensitive, possibly dotted) name.
pub fn lookup(name: &str) -> Option<&'static Function> {
    FUNCTIONS.iter().find(|f| f.name.eq_ignore_ascii_case(name))
}

static FUNCTIONS: &[Function] = &[];
