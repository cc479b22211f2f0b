//! Temporal functions: the constructors `date`, `localtime`, `time`, `localdatetime`,
//! `datetime` (from nothing = now, a string, a map of components, or another temporal),
//! their `.transaction`, `.statement`, `.realtime` and `.truncate` variants,
//! `datetime.fromepoch[millis]`, `duration` and `duration.between` / `inMonths` /
//! `inDays` / `inSeconds`. This file only converts between `Value`s and the types of
//! `crate::temporal`, where all calendar and zone logic lives.
//!
//! "Now" is the statement's clock (`Graph::statement_time`), so every call in one
//! statement sees the same instant; Meridian runs each statement as its own
//! transaction, so `.transaction` and `.statement` agree, and `.realtime` reads the wall
//! clock.

use super::{Graph, arg, wrong_type};
use crate::error::Error;
use crate::temporal::{self, Between, DateTime, DurationParts, Fields, Num, Source, Target, TruncUnit, Zone};
use crate::value::Value;

/// A temporal value as a component source; `None` for non-temporal values.
pub(crate) fn source(v: &Value) -> Option<Source> {
    Some(match v {
        Value::Date(d) => Source::Date(*d),
        Value::LocalTime(t) => Source::LocalTime(*t),
        Value::Time(t) => Source::Time(*t),
        Value::LocalDateTime(t) => Source::LocalDateTime(*t),
        Value::DateTime(t) => Source::DateTime((**t).clone()),
        _ => return None,
    })
}

fn value(s: Source) -> Value {
    match s {
        Source::Date(d) => Value::Date(d),
        Source::LocalTime(t) => Value::LocalTime(t),
        Source::Time(t) => Value::Time(t),
        Source::LocalDateTime(t) => Value::LocalDateTime(t),
        Source::DateTime(t) => Value::DateTime(Box::new(t)),
    }
}

fn int_field(function: &str, key: &str, v: &Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => Ok(*i),
        other => Err(wrong_type(function, &format!("an Integer for `{key}`"), other)),
    }
}

fn zone_arg(function: &str, v: &Value) -> Result<Zone, Error> {
    match v {
        Value::String(s) => temporal::parse_zone(s),
        other => Err(wrong_type(function, "a String time zone", other)),
    }
}

/// The components of a constructor or truncation map.
fn fields(function: &str, m: &std::collections::BTreeMap<String, Value>) -> Result<Fields, Error> {
    let mut f = Fields::default();
    for (k, v) in m {
        if v.is_null() {
            continue;
        }
        let slot = match k.as_str() {
            "year" => &mut f.year,
            "month" => &mut f.month,
            "day" => &mut f.day,
            "week" => &mut f.week,
            "dayOfWeek" => &mut f.day_of_week,
            "ordinalDay" => &mut f.ordinal_day,
            "quarter" => &mut f.quarter,
            "dayOfQuarter" => &mut f.day_of_quarter,
            "hour" => &mut f.hour,
            "minute" => &mut f.minute,
            "second" => &mut f.second,
            "millisecond" => &mut f.millisecond,
            "microsecond" => &mut f.microsecond,
            "nanosecond" => &mut f.nanosecond,
            "timezone" => {
                f.timezone = Some(zone_arg(function, v)?);
                continue;
            }
            "date" | "time" | "datetime" => {
                let s = source(v).ok_or_else(|| wrong_type(function, &format!("a temporal value for `{k}`"), v))?;
                match k.as_str() {
                    "date" => f.date = Some(s),
                    "time" => f.time = Some(s),
                    _ => f.datetime = Some(s),
                }
                continue;
            }
            _ => {
                return Err(temporal_invalid(format!("{function}(): unknown component `{k}`")));
            }
        };
        *slot = Some(int_field(function, k, v)?);
    }
    Ok(f)
}

fn temporal_invalid(message: String) -> Error {
    Error::runtime(crate::error::ErrorKind::ArgumentError, "InvalidArgumentValue", message)
}

/// Which clock a "now" constructor reads.
#[derive(Clone, Copy)]
enum Clock {
    Statement,
    Realtime,
}

fn now(graph: &dyn Graph, clock: Clock, zone: &Zone) -> Result<DateTime, Error> {
    let instant = match clock {
        Clock::Statement => graph.statement_time(),
        Clock::Realtime => temporal::now_nanos(),
    };
    DateTime::from_instant(instant, zone)
}

/// The shared body of the constructors: `kind(x)` for each shape of `x`.
fn construct(target: Target, name: &str, args: &[Value], graph: &dyn Graph, clock: Clock) -> Result<Value, Error> {
    let make = |f: &Fields| -> Result<Value, Error> {
        Ok(match target {
            Target::Date => Value::Date(temporal::make_date(f)?),
            Target::LocalTime => Value::LocalTime(temporal::make_local_time(f)?),
            Target::Time => Value::Time(temporal::make_time(f)?),
            Target::LocalDateTime => Value::LocalDateTime(temporal::make_local_datetime(f)?),
            Target::DateTime => Value::DateTime(Box::new(temporal::make_datetime(f)?)),
        })
    };
    let from_now = |zone: &Zone| -> Result<Value, Error> {
        let dt = now(graph, clock, zone)?;
        Ok(match target {
            Target::Date => Value::Date(dt.local.date),
            Target::LocalTime => Value::LocalTime(dt.local.time),
            Target::Time => Value::Time(dt.time()),
            Target::LocalDateTime => Value::LocalDateTime(dt.local),
            Target::DateTime => Value::DateTime(Box::new(dt)),
        })
    };
    if args.is_empty() {
        return from_now(&Zone::Offset(0));
    }
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::String(s) => Ok(match target {
            Target::Date => Value::Date(temporal::parse_date(s)?),
            Target::LocalTime => Value::LocalTime(temporal::parse_local_time(s)?),
            Target::Time => Value::Time(temporal::parse_time(s)?),
            Target::LocalDateTime => Value::LocalDateTime(temporal::parse_local_datetime(s)?),
            Target::DateTime => Value::DateTime(Box::new(temporal::parse_datetime(s)?)),
        }),
        Value::Map(m) => {
            // `{timezone: 'Europe/Stockholm'}` alone means now, in that zone.
            if m.len() == 1 {
                if let Some(tz) = m.get("timezone") {
                    return from_now(&zone_arg(name, tz)?);
                }
            }
            make(&fields(name, m)?)
        }
        v => match source(v) {
            Some(s) => {
                let f = match target {
                    Target::Date => Fields { date: Some(s), ..Fields::default() },
                    Target::LocalTime | Target::Time => Fields { time: Some(s), ..Fields::default() },
                    Target::LocalDateTime | Target::DateTime => Fields { datetime: Some(s), ..Fields::default() },
                };
                make(&f)
            }
            None => Err(wrong_type(name, "a String, Map or temporal value", v)),
        },
    }
}

/// `<type>.statement(tz)` and friends: now, optionally in a zone.
fn current(target: Target, name: &str, args: &[Value], graph: &dyn Graph, clock: Clock) -> Result<Value, Error> {
    match args.first() {
        None => construct(target, name, &[], graph, clock),
        Some(Value::Null) => Ok(Value::Null),
        Some(Value::String(tz)) => {
            // Check the zone first, for an error that names the argument.
            temporal::parse_zone(tz)?;
            let mut m = std::collections::BTreeMap::new();
            m.insert("timezone".to_string(), Value::String(tz.clone()));
            construct(target, name, &[Value::Map(m)], graph, clock)
        }
        Some(v) => construct(target, name, std::slice::from_ref(v), graph, clock),
    }
}

fn truncate(target: Target, name: &str, args: &[Value]) -> Result<Value, Error> {
    let (unit, v) = (arg(args, 0), arg(args, 1));
    if unit.is_null() || v.is_null() {
        return Ok(Value::Null);
    }
    let Value::String(unit) = unit else {
        return Err(wrong_type(name, "a String unit", unit));
    };
    let unit = TruncUnit::parse(unit)?;
    let src = source(v).ok_or_else(|| wrong_type(name, "a temporal value", v))?;
    let f = match arg(args, 2) {
        Value::Null => Fields::default(),
        Value::Map(m) => fields(name, m)?,
        other => return Err(wrong_type(name, "a Map of components", other)),
    };
    Ok(value(temporal::truncate(target, unit, &src, &f)?))
}

macro_rules! temporal_family {
    ($target:expr, $name:literal, $ctor:ident, $tx:ident, $st:ident, $rt:ident, $tr:ident) => {
        pub fn $ctor(args: &[Value], g: &dyn Graph) -> Result<Value, Error> {
            construct($target, $name, args, g, Clock::Statement)
        }
        pub fn $tx(args: &[Value], g: &dyn Graph) -> Result<Value, Error> {
            current($target, concat!($name, ".transaction"), args, g, Clock::Statement)
        }
        pub fn $st(args: &[Value], g: &dyn Graph) -> Result<Value, Error> {
            current($target, concat!($name, ".statement"), args, g, Clock::Statement)
        }
        pub fn $rt(args: &[Value], g: &dyn Graph) -> Result<Value, Error> {
            current($target, concat!($name, ".realtime"), args, g, Clock::Realtime)
        }
        pub fn $tr(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
            truncate($target, concat!($name, ".truncate"), args)
        }
    };
}

temporal_family!(Target::Date, "date", date, date_transaction, date_statement, date_realtime, date_truncate);
temporal_family!(
    Target::LocalTime,
    "localtime",
    localtime,
    localtime_transaction,
    localtime_statement,
    localtime_realtime,
    localtime_truncate
);
temporal_family!(Target::Time, "time", time, time_transaction, time_statement, time_realtime, time_truncate);
temporal_family!(
    Target::LocalDateTime,
    "localdatetime",
    localdatetime,
    localdatetime_transaction,
    localdatetime_statement,
    localdatetime_realtime,
    localdatetime_truncate
);
temporal_family!(
    Target::DateTime,
    "datetime",
    datetime,
    datetime_transaction,
    datetime_statement,
    datetime_realtime,
    datetime_truncate
);

/// `datetime.fromepoch(seconds, nanoseconds)`, at UTC.
pub fn datetime_fromepoch(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let (s, n) = (arg(args, 0), arg(args, 1));
    if s.is_null() || n.is_null() {
        return Ok(Value::Null);
    }
    let secs = int_field("datetime.fromepoch", "seconds", s)?;
    let nanos = int_field("datetime.fromepoch", "nanoseconds", n)?;
    let instant = i128::from(secs) * i128::from(temporal::NANOS_PER_SEC) + i128::from(nanos);
    Ok(Value::DateTime(Box::new(DateTime::from_instant(instant, &Zone::Offset(0))?)))
}

/// `datetime.fromepochmillis(milliseconds)`, at UTC.
pub fn datetime_fromepochmillis(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        v => {
            let ms = int_field("datetime.fromepochmillis", "milliseconds", v)?;
            let instant = i128::from(ms) * 1_000_000;
            Ok(Value::DateTime(Box::new(DateTime::from_instant(instant, &Zone::Offset(0))?)))
        }
    }
}

fn num(function: &str, key: &str, v: &Value) -> Result<Num, Error> {
    match v {
        Value::Int(i) => Ok(Num::Int(*i)),
        Value::Float(f) => Ok(Num::Float(*f)),
        other => Err(wrong_type(function, &format!("a Number for `{key}`"), other)),
    }
}

pub fn duration(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    match arg(args, 0) {
        Value::Null => Ok(Value::Null),
        Value::String(s) => Ok(Value::Duration(Box::new(temporal::parse_duration(s)?))),
        Value::Duration(d) => Ok(Value::Duration(d.clone())),
        Value::Map(m) => {
            let mut p = DurationParts::default();
            for (k, v) in m {
                if v.is_null() {
                    continue;
                }
                let slot = match k.as_str() {
                    "years" => &mut p.years,
                    "months" => &mut p.months,
                    "weeks" => &mut p.weeks,
                    "days" => &mut p.days,
                    "hours" => &mut p.hours,
                    "minutes" => &mut p.minutes,
                    "seconds" => &mut p.seconds,
                    "milliseconds" => &mut p.milliseconds,
                    "microseconds" => &mut p.microseconds,
                    "nanoseconds" => &mut p.nanoseconds,
                    _ => return Err(temporal_invalid(format!("duration(): unknown component `{k}`"))),
                };
                *slot = Some(num("duration", k, v)?);
            }
            Ok(Value::Duration(Box::new(temporal::duration_from_parts(&p)?)))
        }
        other => Err(wrong_type("duration", "a String or Map", other)),
    }
}

fn between_unit(name: &str, args: &[Value], unit: Between) -> Result<Value, Error> {
    let (a, b) = (arg(args, 0), arg(args, 1));
    if a.is_null() || b.is_null() {
        return Ok(Value::Null);
    }
    let from = source(a).ok_or_else(|| wrong_type(name, "a temporal value", a))?;
    let to = source(b).ok_or_else(|| wrong_type(name, "a temporal value", b))?;
    Ok(Value::Duration(Box::new(temporal::between(&from, &to, unit)?)))
}

pub fn duration_between(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    between_unit("duration.between", args, Between::All)
}
pub fn duration_in_months(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    between_unit("duration.inMonths", args, Between::Months)
}
pub fn duration_in_days(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    between_unit("duration.inDays", args, Between::Days)
}
pub fn duration_in_seconds(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    between_unit("duration.inSeconds", args, Between::Seconds)
}

// ---------------------------------------------------------------------------------------
// Operators and property access, for the evaluator.

/// `x.key` on a temporal value: `Ok(None)` when `x` is not temporal.
pub fn component(v: &Value, key: &str) -> Result<Option<Value>, Error> {
    let c = match v {
        Value::Date(d) => temporal::date_component(*d, key),
        Value::LocalTime(t) => temporal::local_time_component(*t, key),
        Value::Time(t) => temporal::offset_time_component(*t, key),
        Value::LocalDateTime(t) => temporal::local_datetime_component(*t, key),
        Value::DateTime(t) => temporal::datetime_component(t, key),
        Value::Duration(d) => temporal::duration_component(d, key),
        _ => return Ok(None),
    };
    match c {
        Some(temporal::Component::Int(i)) => Ok(Some(Value::Int(i))),
        Some(temporal::Component::Str(s)) => Ok(Some(Value::String(s))),
        None => Err(temporal_invalid(format!("{} has no component `{key}`", v.type_name()))),
    }
}

/// `x + y` / `x - y` when a temporal value is involved: `Ok(None)` when neither is.
pub fn add_or_subtract(x: &Value, y: &Value, subtract: bool) -> Result<Option<Value>, Error> {
    let dur = |d: &temporal::Duration| if subtract { d.negate() } else { Ok(*d) };
    Ok(Some(match (x, y) {
        (Value::Duration(a), Value::Duration(b)) => Value::Duration(Box::new(a.plus(&dur(b)?)?)),
        (Value::Date(t), Value::Duration(d)) => Value::Date(temporal::date_plus(*t, &dur(d)?)?),
        (Value::LocalTime(t), Value::Duration(d)) => Value::LocalTime(temporal::local_time_plus(*t, &dur(d)?)),
        (Value::Time(t), Value::Duration(d)) => Value::Time(temporal::time_plus(*t, &dur(d)?)),
        (Value::LocalDateTime(t), Value::Duration(d)) => {
            Value::LocalDateTime(temporal::local_datetime_plus(*t, &dur(d)?)?)
        }
        (Value::DateTime(t), Value::Duration(d)) => Value::DateTime(Box::new(temporal::datetime_plus(t, &dur(d)?)?)),
        // duration + temporal commutes; duration - temporal has no meaning.
        (Value::Duration(_), t) if !subtract && t.is_temporal() => return add_or_subtract(y, x, false),
        _ => return Ok(None),
    }))
}

/// `d * n`, `n * d`, `d / n`: `Ok(None)` when no duration is involved.
pub fn scale(x: &Value, y: &Value, divide: bool) -> Result<Option<Value>, Error> {
    let n = |v: &Value| match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    };
    Ok(Some(match (x, y) {
        (Value::Duration(d), v) if n(v).is_some() => {
            let k = n(v).unwrap_or(Num::Int(1));
            Value::Duration(Box::new(if divide { d.divided_by(k)? } else { d.times(k)? }))
        }
        (v, Value::Duration(d)) if !divide && n(v).is_some() => {
            Value::Duration(Box::new(d.times(n(v).unwrap_or(Num::Int(1)))?))
        }
        _ => return Ok(None),
    }))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    #[test]
    #[rustfmt::skip]
    fn constructors_and_conversions() {
        check(&[
            case("date", vec![s("2015-W30-2")], "2015-07-21"),
            case("date", vec![N], "null"),
            case("localtime", vec![s("214032.142")], "21:40:32.142"),
            case("datetime", vec![s("2015-07-21T21:40:32.142+0100")], "2015-07-21T21:40:32.142+01:00"),
            case("datetime.fromepoch", vec![i(416779), i(999999999)], "1970-01-05T19:46:19.999999999Z"),
            case("datetime.fromepochmillis", vec![i(237821673987)], "1977-07-15T13:34:33.987Z"),
            case("duration", vec![s("P5M1.5D")], "P5M1DT12H"),
            case("date", vec![s("2015-13-01")], "ArgumentError/InvalidArgumentValue"),
            case("date", vec![i(1)], "TypeError/InvalidArgumentValue"),
        ]);
    }
}
