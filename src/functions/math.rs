//! Numeric functions. Integers stay integers only where openCypher keeps them (`abs`,
//! `sign`); `ceil`, `floor`, `round` and the transcendental functions return Floats.
//! Domain errors follow IEEE 754 (`sqrt(-1)` is NaN, `log(0)` is -Infinity) rather than
//! raising; integer overflow (`abs(-9223372036854775808)`) raises, never wraps.

use super::{Graph, arg, wrong_type};
use crate::error::{Error, ErrorKind};
use crate::value::Value;

/// A numeric argument as f64, or `None` for null.
fn number(function: &str, v: &Value) -> Result<Option<f64>, Error> {
    match v {
        Value::Null => Ok(None),
        Value::Int(i) => Ok(Some(*i as f64)),
        Value::Float(x) => Ok(Some(*x)),
        other => Err(wrong_type(function, "a Number", other)),
    }
}

/// A Float function of one number.
fn unary(name: &str, args: &[Value], op: fn(f64) -> f64) -> Result<Value, Error> {
    Ok(number(name, arg(args, 0))?.map_or(Value::Null, |x| Value::Float(op(x))))
}

pub fn abs(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Int(i) => i.checked_abs().map(Value::Int).ok_or_else(|| {
            Error::runtime(
                ErrorKind::ArithmeticError,
                "IntegerOverflow",
                format!("abs({i}) does not fit in an Integer"),
            )
        }),
        other => unary("abs", std::slice::from_ref(other), f64::abs),
    }
}

pub fn ceil(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("ceil", args, f64::ceil)
}

pub fn floor(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("floor", args, f64::floor)
}

/// Half-way values round toward positive infinity, as Neo4j does: `round(2.5)` is 3.0,
/// `round(-2.5)` is -2.0.
pub fn round(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("round", args, round_half_up)
}

fn round_half_up(x: f64) -> f64 {
    // `(x + 0.5).floor()` would round 0.49999999999999994 up; `x - floor(x)` is exact.
    let down = x.floor();
    if x - down >= 0.5 { down + 1.0 } else { down }
}

/// The sign as an Integer, for Floats too; NaN has sign 0.
pub fn sign(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Int(i) => Ok(Value::Int(i.signum())),
        Value::Float(x) if *x > 0.0 => Ok(Value::Int(1)),
        Value::Float(x) if *x < 0.0 => Ok(Value::Int(-1)),
        Value::Float(_) => Ok(Value::Int(0)),
        other => Err(wrong_type("sign", "a Number", other)),
    }
}

pub fn sqrt(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("sqrt", args, f64::sqrt)
}

pub fn exp(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("exp", args, f64::exp)
}

pub fn log(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("log", args, f64::ln)
}

pub fn log10(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("log10", args, f64::log10)
}

pub fn e(_: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(Value::Float(std::f64::consts::E))
}

pub fn pi(_: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(Value::Float(std::f64::consts::PI))
}

/// Uniform in [0, 1).
pub fn rand(_: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    Ok(Value::Float(::rand::random::<f64>()))
}

pub fn sin(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("sin", args, f64::sin)
}

pub fn cos(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("cos", args, f64::cos)
}

pub fn tan(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("tan", args, f64::tan)
}

/// `cot(0)` is Infinity.
pub fn cot(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("cot", args, |x| 1.0 / x.tan())
}

pub fn asin(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("asin", args, f64::asin)
}

pub fn acos(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("acos", args, f64::acos)
}

pub fn atan(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("atan", args, f64::atan)
}

/// `atan2(y, x)`: the angle of the point (x, y).
pub fn atan2(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let y = number("atan2", arg(args, 0))?;
    let x = number("atan2", arg(args, 1))?;
    Ok(match (y, x) {
        (Some(y), Some(x)) => Value::Float(y.atan2(x)),
        _ => Value::Null,
    })
}

pub fn degrees(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("degrees", args, f64::to_degrees)
}

pub fn radians(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("radians", args, f64::to_radians)
}

/// Half the versine: (1 - cos x) / 2.
pub fn haversin(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    unary("haversin", args, |x| (1.0 - x.cos()) / 2.0)
}

pub fn is_nan(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::Int(_) => Ok(Value::Bool(false)),
        Value::Float(x) => Ok(Value::Bool(x.is_nan())),
        other => Err(wrong_type("isNaN", "a Number", other)),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    const WRONG: &str = "TypeError/InvalidArgumentValue";

    #[test]
    #[rustfmt::skip]
    fn signed_and_rounding() {
        check(&[
            case("abs", vec![i(-1)], "1"),
            case("abs", vec![f(-1.5)], "1.5"),
            case("abs", vec![i(i64::MIN)], "ArithmeticError/IntegerOverflow"),
            case("abs", vec![i(i64::MIN + 1)], "9223372036854775807"),
            case("abs", vec![N], "null"),
            case("abs", vec![s("-1")], WRONG),
            case("ceil", vec![f(1.2)], "2.0"),
            case("ceil", vec![i(1)], "1.0"),
            case("floor", vec![f(-1.2)], "-2.0"),
            case("floor", vec![N], "null"),
            case("round", vec![f(2.5)], "3.0"),
            case("round", vec![f(-2.5)], "-2.0"),
            case("round", vec![f(-2.6)], "-3.0"),
            case("round", vec![f(0.49999999999999994)], "0.0"),
            case("round", vec![f(1e300)], "1.0E300"),
            case("round", vec![i(3)], "3.0"),
            case("round", vec![b(true)], WRONG),
            case("sign", vec![i(-17)], "-1"),
            case("sign", vec![f(0.1)], "1"),
            case("sign", vec![f(-0.0)], "0"),
            case("sign", vec![i(0)], "0"),
            case("sign", vec![f(f64::NAN)], "0"),
            case("sign", vec![N], "null"),
            case("sign", vec![s("1")], WRONG),
            case("isNaN", vec![f(f64::NAN)], "true"),
            case("isNaN", vec![i(1)], "false"),
            case("isNaN", vec![N], "null"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn roots_logs_and_constants() {
        check(&[
            case("sqrt", vec![f(12.96)], "3.6"),
            case("sqrt", vec![i(16)], "4.0"),
            case("sqrt", vec![i(-1)], "NaN"),
            case("sqrt", vec![N], "null"),
            case("exp", vec![i(0)], "1.0"),
            case("log", vec![i(0)], "-Infinity"),
            case("log", vec![f(std::f64::consts::E)], "1.0"),
            case("log10", vec![i(1000)], "3.0"),
            case("log10", vec![l(vec![])], WRONG),
            case("e", vec![], "2.718281828459045"),
            case("pi", vec![], "3.141592653589793"),
        ]);
        for _ in 0..100 {
            let r = run("rand", &[]).parse::<f64>();
            assert!(r.is_ok_and(|r| (0.0..1.0).contains(&r)));
        }
    }

    #[test]
    #[rustfmt::skip]
    fn trigonometry() {
        check(&[
            case("sin", vec![i(0)], "0.0"),
            case("cos", vec![i(0)], "1.0"),
            case("tan", vec![i(0)], "0.0"),
            case("cot", vec![i(0)], "Infinity"),
            case("asin", vec![i(1)], "1.5707963267948966"),
            case("acos", vec![i(1)], "0.0"),
            case("atan", vec![i(0)], "0.0"),
            case("atan2", vec![i(1), i(0)], "1.5707963267948966"),
            case("atan2", vec![N, i(0)], "null"),
            case("atan2", vec![i(0), N], "null"),
            case("atan2", vec![i(0), s("x")], WRONG),
            case("degrees", vec![f(std::f64::consts::PI)], "180.0"),
            case("radians", vec![i(180)], "3.141592653589793"),
            case("haversin", vec![f(std::f64::consts::PI)], "1.0"),
            case("haversin", vec![i(0)], "0.0"),
            case("sin", vec![N], "null"),
            case("cos", vec![b(false)], WRONG),
        ]);
    }
}
