//! List functions (`size`, `length`, `head`, `last`, `tail`, `range`, `reverse`,
//! `isEmpty`, `coalesce`). Where openCypher also accepts strings (`size`, `reverse`,
//! legacy `length`), strings count and reverse Unicode characters, not bytes.

use super::{Graph, arg, bad_value, wrong_type};
use crate::error::Error;
use crate::value::Value;

/// The longest list `range()` builds. A range is materialized, so without a bound
/// `range(0, 9223372036854775807)` would exhaust memory instead of failing cleanly.
/// Ten million integers is about 320 MB of values; the TCK needs a million.
pub const MAX_RANGE_LEN: i128 = 10_000_000;

pub fn size(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::String(s) => Ok(count(s.chars().count())),
        Value::List(l) => Ok(count(l.len())),
        other => Err(wrong_type("size", "a String or List", other)),
    }
}

/// `length(path)` is the number of relationships; strings and lists are accepted too, as
/// older Cypher did.
pub fn length(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Path(p) => Ok(count(p.rels.len())),
        Value::String(s) => Ok(count(s.chars().count())),
        Value::List(l) => Ok(count(l.len())),
        other => Err(wrong_type("length", "a Path", other)),
    }
}

/// A length as an Integer. Lengths of in-memory collections always fit in an i64.
fn count(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn list_arg<'a>(function: &str, v: &'a Value) -> Result<Option<&'a [Value]>, Error> {
    match v {
        Value::Null => Ok(None),
        Value::List(l) => Ok(Some(l)),
        other => Err(wrong_type(function, "a List", other)),
    }
}

/// `head([])` is null, like `[][0]`.
pub fn head(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let list = list_arg("head", arg(args, 0))?;
    Ok(list.and_then(|l| l.first()).cloned().unwrap_or(Value::Null))
}

pub fn last(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let list = list_arg("last", arg(args, 0))?;
    Ok(list.and_then(|l| l.last()).cloned().unwrap_or(Value::Null))
}

/// `tail([])` is `[]`.
pub fn tail(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(match list_arg("tail", arg(args, 0))? {
        None => Value::Null,
        Some(l) => Value::List(l.iter().skip(1).cloned().collect()),
    })
}

pub fn reverse(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::String(s) => Ok(Value::String(s.chars().rev().collect())),
        Value::List(l) => Ok(Value::List(l.iter().rev().cloned().collect())),
        other => Err(wrong_type("reverse", "a String or List", other)),
    }
}

pub fn is_empty(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::String(s) => Ok(Value::Bool(s.is_empty())),
        Value::List(l) => Ok(Value::Bool(l.is_empty())),
        Value::Map(m) => Ok(Value::Bool(m.is_empty())),
        other => Err(wrong_type("isEmpty", "a String, List or Map", other)),
    }
}

pub fn coalesce(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(args.iter().find(|v| !v.is_null()).cloned().unwrap_or(Value::Null))
}

/// `range(start, end[, step])`: integers from `start` towards `end` inclusive. The TCK
/// (List11) wants `ArgumentError: InvalidArgumentType` for any non-integer bound,
/// floats like `0.0` included, and `ArgumentError: NumberOutOfRange` for a zero step.
/// A null bound gives null.
pub fn range(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let mut bounds = [0i64, 0, 1];
    for (slot, v) in bounds.iter_mut().zip(args) {
        match v {
            Value::Int(x) => *slot = *x,
            Value::Null => return Ok(Value::Null),
            other => {
                return Err(bad_value(
                    "InvalidArgumentType",
                    format!("invalid argument to range(): expected an Integer, got {}", other.type_name()),
                ));
            }
        }
    }
    let [start, end, step] = bounds.map(i128::from);
    if step == 0 {
        return Err(bad_value("NumberOutOfRange", "step of range() must not be zero".to_string()));
    }
    // i128 holds every difference of two i64 values, so nothing here can overflow.
    let len = if (step > 0 && start > end) || (step < 0 && start < end) { 0 } else { (end - start) / step + 1 };
    if len > MAX_RANGE_LEN {
        return Err(bad_value(
            "NumberOutOfRange",
            format!("range() would have {len} elements, more than the limit of {MAX_RANGE_LEN}"),
        ));
    }
    // Every element lies between start and end, so it fits in an i64.
    let items = (0..len).map(|k| Value::Int(i64::try_from(start + k * step).unwrap_or_default())).collect();
    Ok(Value::List(items))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    const WRONG: &str = "TypeError/InvalidArgumentValue";

    #[test]
    #[rustfmt::skip]
    fn sizes_and_lengths() {
        check(&[
            case("size", vec![l(vec![i(1), i(2), i(3)])], "3"),
            case("size", vec![s("héllo")], "5"),
            case("size", vec![s("")], "0"),
            case("size", vec![N], "null"),
            case("size", vec![path()], WRONG),
            case("size", vec![m(&[])], WRONG),
            case("length", vec![path()], "2"),
            case("length", vec![s("日本")], "2"),
            case("length", vec![l(vec![N])], "1"),
            case("length", vec![N], "null"),
            case("length", vec![node(1)], WRONG),
            case("length", vec![rel(10)], WRONG),
            case("isEmpty", vec![l(vec![])], "true"),
            case("isEmpty", vec![s("a")], "false"),
            case("isEmpty", vec![m(&[])], "true"),
            case("isEmpty", vec![N], "null"),
            case("isEmpty", vec![i(0)], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn head_last_tail_reverse_coalesce() {
        let list = || l(vec![i(1), i(2), i(3)]);
        check(&[
            case("head", vec![list()], "1"),
            case("head", vec![l(vec![])], "null"),
            case("head", vec![N], "null"),
            case("head", vec![s("abc")], WRONG),
            case("last", vec![list()], "3"),
            case("last", vec![l(vec![])], "null"),
            case("last", vec![N], "null"),
            case("tail", vec![list()], "[2, 3]"),
            case("tail", vec![l(vec![])], "[]"),
            case("tail", vec![N], "null"),
            case("tail", vec![i(1)], WRONG),
            case("reverse", vec![s("raksO")], "'Oskar'"),
            case("reverse", vec![s("añb")], "'bña'"),
            case("reverse", vec![list()], "[3, 2, 1]"),
            case("reverse", vec![N], "null"),
            case("reverse", vec![i(12)], WRONG),
            case("coalesce", vec![N, s("x")], "'x'"),
            case("coalesce", vec![N, N], "null"),
            case("coalesce", vec![i(1), N, i(2)], "1"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn range_follows_list11() {
        check(&[
            case("range", vec![i(-1236), i(-1234)], "[-1236, -1235, -1234]"),
            case("range", vec![i(0), i(-1)], "[]"),
            case("range", vec![i(0), i(0)], "[0]"),
            case("range", vec![i(1381), i(-3412), i(-1298)], "[1381, 83, -1215, -2513]"),
            case("range", vec![i(0), i(1), i(2)], "[0]"),
            case("range", vec![i(0), i(1), i(-1)], "[]"),
            case("range", vec![i(0), i(0), i(-1)], "[0]"),
            case("range", vec![i(-10), i(10), i(3)], "[-10, -7, -4, -1, 2, 5, 8]"),
            case("range", vec![i(i64::MAX - 1), i(i64::MAX)], "[9223372036854775806, 9223372036854775807]"),
            case("range", vec![i(i64::MIN), i(i64::MIN + 2), i(i64::MAX)], "[-9223372036854775808]"),
            case("range", vec![i(i64::MAX), i(i64::MIN), i(i64::MIN)], "[9223372036854775807, -1]"),
            case("range", vec![i(2), i(8), i(0)], "ArgumentError/NumberOutOfRange"),
            case("range", vec![i(0), i(0), i(0)], "ArgumentError/NumberOutOfRange"),
            case("range", vec![i(0), i(i64::MAX)], "ArgumentError/NumberOutOfRange"),
            case("range", vec![i(i64::MIN), i(i64::MAX)], "ArgumentError/NumberOutOfRange"),
            case("range", vec![b(true), i(1), i(1)], "ArgumentError/InvalidArgumentType"),
            case("range", vec![i(0), f(0.0), i(1)], "ArgumentError/InvalidArgumentType"),
            case("range", vec![i(0), i(1), f(1.1)], "ArgumentError/InvalidArgumentType"),
            case("range", vec![s("xyz"), i(1)], "ArgumentError/InvalidArgumentType"),
            case("range", vec![i(0), l(vec![i(1)])], "ArgumentError/InvalidArgumentType"),
            case("range", vec![i(0), i(1), m(&[("step", i(1))])], "ArgumentError/InvalidArgumentType"),
            case("range", vec![N, i(1)], "null"),
        ]);
    }
}
