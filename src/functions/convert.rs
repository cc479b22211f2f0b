//! Type conversion functions: `toString`, `toInteger`, `toFloat`, `toBoolean`, their
//! `...OrNull` variants and the `to...List` functions. The strict variants return null
//! for a string they cannot parse but raise `TypeError: InvalidArgumentValue` for a value
//! of a type they never convert (TCK TypeConversion1-4); the `OrNull` variants return
//! null for both, and the list variants apply the `OrNull` conversion to each element.

use super::{Graph, arg, bad_value, wrong_type};
use crate::error::Error;
use crate::value::{Value, format_float};

/// The outcome of converting one value.
enum Converted {
    Value(Value),
    /// A value of a convertible type that does not denote a value of the target type
    /// (`toInteger('foo')`): null in every variant.
    Unparseable,
    /// A type the conversion never accepts: an error in the strict variant.
    WrongType,
}

/// Apply a conversion in its strict form.
fn strict(
    name: &str,
    expected: &str,
    args: &[Value],
    convert: fn(&Value) -> Result<Converted, Error>,
) -> Result<Value, Error> {
    let v = arg(args, 0);
    match convert(v)? {
        Converted::Value(v) => Ok(v),
        Converted::Unparseable => Ok(Value::Null),
        Converted::WrongType => Err(wrong_type(name, expected, v)),
    }
}

/// Apply a conversion that never fails because of its argument's type or value.
fn or_null(v: &Value, convert: fn(&Value) -> Result<Converted, Error>) -> Value {
    match convert(v) {
        Ok(Converted::Value(v)) => v,
        _ => Value::Null,
    }
}

/// Apply the `OrNull` conversion to each element of a list.
fn list(name: &str, args: &[Value], convert: fn(&Value) -> Result<Converted, Error>) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::List(items) => Ok(Value::List(items.iter().map(|v| or_null(v, convert)).collect())),
        other => Err(wrong_type(name, "a List", other)),
    }
}

// ---- toString

fn string_of(v: &Value) -> Result<Converted, Error> {
    Ok(match v {
        Value::Null => Converted::Value(Value::Null),
        Value::String(s) => Converted::Value(Value::String(s.clone())),
        Value::Int(i) => Converted::Value(Value::String(i.to_string())),
        // Same notation as float literals print in: toString(1.0) = '1.0'.
        Value::Float(x) => Converted::Value(Value::String(format_float(*x))),
        Value::Bool(b) => Converted::Value(Value::String(b.to_string())),
        // Temporal values: their ISO 8601 text.
        v if v.is_temporal() => Converted::Value(Value::String(v.to_string())),
        _ => Converted::WrongType,
    })
}

pub fn to_string(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    strict("toString", "a String, Integer, Float or Boolean", args, string_of)
}

pub fn to_string_or_null(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(or_null(arg(args, 0), string_of))
}

pub fn to_string_list(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    list("toStringList", args, string_of)
}

// ---- toInteger

fn integer_of(v: &Value) -> Result<Converted, Error> {
    Ok(match v {
        Value::Null => Converted::Value(Value::Null),
        Value::Int(i) => Converted::Value(Value::Int(*i)),
        Value::Float(x) => Converted::Value(Value::Int(truncate(*x).ok_or_else(|| {
            bad_value("NumberOutOfRange", format!("cannot convert {} to an Integer: out of range", format_float(*x)))
        })?)),
        Value::Bool(b) => Converted::Value(Value::Int(i64::from(*b))),
        Value::String(s) => match parse_integer(s) {
            Some(i) => Converted::Value(Value::Int(i)),
            None => Converted::Unparseable,
        },
        _ => Converted::WrongType,
    })
}

/// Round toward zero; `None` for NaN, infinities and values outside the i64 range.
fn truncate(x: f64) -> Option<i64> {
    // -2^63 is exactly representable; 2^63 is the first float above i64::MAX.
    let min = i64::MIN as f64;
    let in_range = (min..-min).contains(&x);
    // The range check makes the cast exact after truncation, never saturating.
    in_range.then(|| x.trunc() as i64)
}

/// An integer string is read exactly (no detour through f64 for `'9007199254740993'`);
/// anything else that reads as a float is truncated: `'3.9'` is 3. A string whose value
/// does not fit in an Integer is not an Integer, so it converts to null.
fn parse_integer(s: &str) -> Option<i64> {
    let t = s.trim();
    t.parse::<i64>().ok().or_else(|| parse_float(t).and_then(truncate))
}

pub fn to_integer(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    strict("toInteger", "a String, Integer, Float or Boolean", args, integer_of)
}

pub fn to_integer_or_null(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(or_null(arg(args, 0), integer_of))
}

pub fn to_integer_list(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    list("toIntegerList", args, integer_of)
}

// ---- toFloat

fn float_of(v: &Value) -> Result<Converted, Error> {
    Ok(match v {
        Value::Null => Converted::Value(Value::Null),
        Value::Float(x) => Converted::Value(Value::Float(*x)),
        Value::Int(i) => Converted::Value(Value::Float(*i as f64)),
        Value::String(s) => match parse_float(s.trim()) {
            Some(x) => Converted::Value(Value::Float(x)),
            None => Converted::Unparseable,
        },
        // TCK TypeConversion3 [6]: toFloat(true) is a type error.
        _ => Converted::WrongType,
    })
}

/// Decimal and scientific notation (`'1.5'`, `'-2'`, `'1e3'`, `'.5'`) plus `NaN` and
/// `Infinity` as the engine prints them. Rust's own parser would also take words such as
/// `inf`, which are not numbers in openCypher.
fn parse_float(s: &str) -> Option<f64> {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    match unsigned {
        "NaN" if unsigned.len() == s.len() => return Some(f64::NAN),
        "Infinity" => {
            return Some(if s.starts_with('-') { f64::NEG_INFINITY } else { f64::INFINITY });
        }
        _ => {}
    }
    let numeric = unsigned.bytes().any(|c| c.is_ascii_digit())
        && unsigned.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'));
    if numeric { s.parse().ok() } else { None }
}

pub fn to_float(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    strict("toFloat", "a String, Integer or Float", args, float_of)
}

pub fn to_float_or_null(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(or_null(arg(args, 0), float_of))
}

pub fn to_float_list(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    list("toFloatList", args, float_of)
}

// ---- toBoolean

fn boolean_of(v: &Value) -> Result<Converted, Error> {
    Ok(match v {
        Value::Null => Converted::Value(Value::Null),
        Value::Bool(b) => Converted::Value(Value::Bool(*b)),
        // Integers convert (0 is false), floats do not (TCK TypeConversion1 [5]).
        Value::Int(i) => Converted::Value(Value::Bool(*i != 0)),
        Value::String(s) => {
            let t = s.trim();
            if t.eq_ignore_ascii_case("true") {
                Converted::Value(Value::Bool(true))
            } else if t.eq_ignore_ascii_case("false") {
                Converted::Value(Value::Bool(false))
            } else {
                Converted::Unparseable
            }
        }
        _ => Converted::WrongType,
    })
}

pub fn to_boolean(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    strict("toBoolean", "a String, Boolean or Integer", args, boolean_of)
}

pub fn to_boolean_or_null(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(or_null(arg(args, 0), boolean_of))
}

pub fn to_boolean_list(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    list("toBooleanList", args, boolean_of)
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    const WRONG: &str = "TypeError/InvalidArgumentValue";

    #[test]
    #[rustfmt::skip]
    fn to_string_follows_typeconversion4() {
        check(&[
            case("toString", vec![i(42)], "'42'"),
            case("toString", vec![b(true)], "'true'"),
            case("toString", vec![f(2.3)], "'2.3'"),
            case("toString", vec![f(1.0)], "'1.0'"),
            case("toString", vec![f(1e20)], "'1.0E20'"),
            case("toString", vec![f(f64::NAN)], "'NaN'"),
            case("toString", vec![s("apa")], "'apa'"),
            case("toString", vec![N], "null"),
            case("toString", vec![l(vec![])], WRONG),
            case("toString", vec![m(&[])], WRONG),
            case("toString", vec![node(1)], WRONG),
            case("toString", vec![rel(10)], WRONG),
            case("toString", vec![path()], WRONG),
            case("toStringOrNull", vec![i(1)], "'1'"),
            case("toStringOrNull", vec![l(vec![])], "null"),
            case("toStringList", vec![l(vec![i(1), f(1.5), N, l(vec![])])], "['1', '1.5', null, null]"),
            case("toStringList", vec![N], "null"),
            case("toStringList", vec![s("a")], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn to_integer_follows_typeconversion2() {
        check(&[
            case("toInteger", vec![f(82.9)], "82"),
            case("toInteger", vec![f(-2.9)], "-2"),
            case("toInteger", vec![i(7)], "7"),
            case("toInteger", vec![s("42")], "42"),
            case("toInteger", vec![s(" 42 ")], "42"),
            case("toInteger", vec![s("1.7")], "1"),
            case("toInteger", vec![s("3.9")], "3"),
            case("toInteger", vec![s("-1e3")], "-1000"),
            case("toInteger", vec![s("9007199254740993")], "9007199254740993"),
            case("toInteger", vec![s("9223372036854775807")], "9223372036854775807"),
            case("toInteger", vec![s("9223372036854775808")], "null"),
            case("toInteger", vec![s("1e300")], "null"),
            case("toInteger", vec![s("foo")], "null"),
            case("toInteger", vec![s("")], "null"),
            case("toInteger", vec![s("NaN")], "null"),
            case("toInteger", vec![b(true)], "1"),
            case("toInteger", vec![N], "null"),
            case("toInteger", vec![f(1e19)], "ArgumentError/NumberOutOfRange"),
            case("toInteger", vec![f(f64::NAN)], "ArgumentError/NumberOutOfRange"),
            case("toInteger", vec![f(i64::MIN as f64)], "-9223372036854775808"),
            case("toInteger", vec![l(vec![])], WRONG),
            case("toInteger", vec![m(&[])], WRONG),
            case("toInteger", vec![node(1)], WRONG),
            case("toInteger", vec![path()], WRONG),
            case("toIntegerOrNull", vec![f(1e19)], "null"),
            case("toIntegerOrNull", vec![m(&[])], "null"),
            case("toIntegerOrNull", vec![s("12")], "12"),
            case("toIntegerList", vec![l(vec![s("2"), s("2.9"), s("foo"), f(1.5), b(true)])], "[2, 2, null, 1, 1]"),
            case("toIntegerList", vec![i(1)], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn to_float_follows_typeconversion3() {
        check(&[
            case("toFloat", vec![f(3.4)], "3.4"),
            case("toFloat", vec![i(3)], "3.0"),
            case("toFloat", vec![s("5")], "5.0"),
            case("toFloat", vec![s("-1.5e2")], "-150.0"),
            case("toFloat", vec![s(".5")], "0.5"),
            case("toFloat", vec![s("NaN")], "NaN"),
            case("toFloat", vec![s("-Infinity")], "-Infinity"),
            case("toFloat", vec![s("inf")], "null"),
            case("toFloat", vec![s("foo")], "null"),
            case("toFloat", vec![s("")], "null"),
            case("toFloat", vec![s("1.2.3")], "null"),
            case("toFloat", vec![N], "null"),
            case("toFloat", vec![b(true)], WRONG),
            case("toFloat", vec![l(vec![])], WRONG),
            case("toFloat", vec![rel(10)], WRONG),
            case("toFloatOrNull", vec![b(true)], "null"),
            case("toFloatList", vec![l(vec![s("1"), s("foo"), i(2)])], "[1.0, null, 2.0]"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn to_boolean_follows_typeconversion1() {
        check(&[
            case("toBoolean", vec![b(false)], "false"),
            case("toBoolean", vec![s("true")], "true"),
            case("toBoolean", vec![s("FALSE")], "false"),
            case("toBoolean", vec![s("")], "null"),
            case("toBoolean", vec![s(" tru ")], "null"),
            case("toBoolean", vec![s("f alse")], "null"),
            case("toBoolean", vec![i(0)], "false"),
            case("toBoolean", vec![i(-3)], "true"),
            case("toBoolean", vec![N], "null"),
            case("toBoolean", vec![f(1.0)], WRONG),
            case("toBoolean", vec![l(vec![])], WRONG),
            case("toBoolean", vec![m(&[])], WRONG),
            case("toBoolean", vec![node(1)], WRONG),
            case("toBoolean", vec![path()], WRONG),
            case("toBooleanOrNull", vec![f(1.0)], "null"),
            case("toBooleanOrNull", vec![s("true")], "true"),
            case("toBooleanList", vec![l(vec![s("true"), i(0), f(1.0), N])], "[true, false, null, null]"),
            case("toBooleanList", vec![N], "null"),
        ]);
    }
}
