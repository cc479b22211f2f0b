//! Temporal values: the openCypher types `Date`, `LocalTime`, `Time`, `LocalDateTime`,
//! `DateTime` and `Duration`, with their proleptic Gregorian calendar arithmetic (ISO
//! weeks, ordinal days, quarters), canonical ISO 8601 text (`Display`), ordering, and
//! component access by name (`d.year`, `dt.epochSeconds`). Parsing from strings is in
//! `parse.rs`, construction from component maps and truncation in `build.rs`, duration
//! arithmetic and `duration.between` in `arith.rs`, named time zones in `zone.rs`.
//!
//! Years run from -999,999,999 to +999,999,999 (what the TCK needs), so the calendar is
//! our own integer arithmetic on epoch days; only time-zone rules come from the `jiff`
//! crate's bundled IANA database, so no system files or network are needed. This module
//! knows nothing of `Value`: callers convert, so that `value` can depend on it.

mod arith;
mod build;
mod parse;
mod zone;

use std::cmp::Ordering;
use std::fmt;

use crate::error::{Error, ErrorKind};

pub use arith::{
    Between, DurationParts, Num, between, date_plus, datetime_plus, duration_from_parts, local_datetime_plus,
    local_time_plus, time_plus,
};
pub use build::{
    Fields, Source, Target, TruncUnit, make_date, make_datetime, make_local_datetime, make_local_time, make_time,
    truncate,
};
pub use parse::{
    parse_date, parse_datetime, parse_duration, parse_local_datetime, parse_local_time, parse_time, parse_zone,
};
pub use zone::Zone;

pub const NANOS_PER_SEC: i64 = 1_000_000_000;
pub const SECS_PER_DAY: i64 = 86_400;
pub const NANOS_PER_DAY: i64 = SECS_PER_DAY * NANOS_PER_SEC;
pub const MIN_YEAR: i64 = -999_999_999;
pub const MAX_YEAR: i64 = 999_999_999;

/// An invalid temporal argument (bad string, out-of-range component, unknown zone).
pub(crate) fn invalid(message: impl Into<String>) -> Error {
    Error::runtime(ErrorKind::ArgumentError, "InvalidArgumentValue", message.into())
}

fn overflow() -> Error {
    Error::runtime(ErrorKind::ArgumentError, "InvalidArgumentValue", "temporal value out of range")
}

// ---------------------------------------------------------------------------------------
// Calendar arithmetic on epoch days (days since 1970-01-01), for any i64-sized year.

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

pub(crate) fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_in_year(y: i64) -> i64 {
    if is_leap(y) { 366 } else { 365 }
}

/// Days from 1970-01-01 to y-m-d (m and d already valid).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// The Monday that starts ISO week 1 of `week_year`.
fn week_year_start(week_year: i64) -> i64 {
    let jan4 = days_from_civil(week_year, 1, 4);
    jan4 - (weekday_of(jan4) - 1)
}

/// 1 = Monday .. 7 = Sunday. 1970-01-01 was a Thursday.
fn weekday_of(days: i64) -> i64 {
    (days + 3).rem_euclid(7) + 1
}

fn check_range(what: &str, v: i64, lo: i64, hi: i64) -> Result<i64, Error> {
    if (lo..=hi).contains(&v) { Ok(v) } else { Err(invalid(format!("{what} must be in {lo}..{hi}, got {v}"))) }
}

// ---------------------------------------------------------------------------------------
// The types.

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i64,
}

impl Date {
    pub fn from_ymd(y: i64, m: i64, d: i64) -> Result<Date, Error> {
        check_range("year", y, MIN_YEAR, MAX_YEAR)?;
        check_range("month", m, 1, 12)?;
        check_range("day", d, 1, days_in_month(y, m))?;
        Ok(Date { days: days_from_civil(y, m, d) })
    }

    pub fn from_week(week_year: i64, week: i64, day_of_week: i64) -> Result<Date, Error> {
        check_range("year", week_year, MIN_YEAR, MAX_YEAR)?;
        let weeks = (week_year_start(week_year + 1) - week_year_start(week_year)) / 7;
        check_range("week", week, 1, weeks)?;
        check_range("dayOfWeek", day_of_week, 1, 7)?;
        Ok(Date { days: week_year_start(week_year) + (week - 1) * 7 + day_of_week - 1 })
    }

    pub fn from_ordinal(y: i64, ordinal: i64) -> Result<Date, Error> {
        check_range("year", y, MIN_YEAR, MAX_YEAR)?;
        check_range("ordinalDay", ordinal, 1, days_in_year(y))?;
        Ok(Date { days: days_from_civil(y, 1, 1) + ordinal - 1 })
    }

    pub fn from_quarter(y: i64, quarter: i64, day_of_quarter: i64) -> Result<Date, Error> {
        check_range("year", y, MIN_YEAR, MAX_YEAR)?;
        check_range("quarter", quarter, 1, 4)?;
        let start = days_from_civil(y, (quarter - 1) * 3 + 1, 1);
        let end = if quarter == 4 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, quarter * 3 + 1, 1) };
        check_range("dayOfQuarter", day_of_quarter, 1, end - start)?;
        Ok(Date { days: start + day_of_quarter - 1 })
    }

    pub fn from_epoch_day(days: i64) -> Result<Date, Error> {
        let d = Date { days };
        if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) { Ok(d) } else { Err(overflow()) }
    }

    pub fn epoch_day(self) -> i64 {
        self.days
    }
    pub fn ymd(self) -> (i64, i64, i64) {
        civil_from_days(self.days)
    }
    pub fn year(self) -> i64 {
        self.ymd().0
    }
    pub fn month(self) -> i64 {
        self.ymd().1
    }
    pub fn day(self) -> i64 {
        self.ymd().2
    }
    pub fn weekday(self) -> i64 {
        weekday_of(self.days)
    }
    pub fn ordinal_day(self) -> i64 {
        self.days - days_from_civil(self.year(), 1, 1) + 1
    }
    pub fn quarter(self) -> i64 {
        (self.month() - 1) / 3 + 1
    }
    pub fn day_of_quarter(self) -> i64 {
        let (y, m, _) = self.ymd();
        self.days - days_from_civil(y, (m - 1) / 3 * 3 + 1, 1) + 1
    }
    /// (ISO week-based year, ISO week number).
    pub fn iso_week(self) -> (i64, i64) {
        let y = self.year();
        let wy = if self.days >= week_year_start(y + 1) {
            y + 1
        } else if self.days < week_year_start(y) {
            y - 1
        } else {
            y
        };
        (wy, (self.days - week_year_start(wy)) / 7 + 1)
    }

    /// Add months, clamping the day to the end of the target month (Jan 31 + 1 month =
    /// Feb 28/29).
    pub fn plus_months(self, n: i64) -> Result<Date, Error> {
        if n == 0 {
            return Ok(self);
        }
        let (y, m, d) = self.ymd();
        let total = (y * 12 + m - 1).checked_add(n).ok_or_else(overflow)?;
        let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
        check_range("year", ny, MIN_YEAR, MAX_YEAR).map_err(|_| overflow())?;
        Ok(Date { days: days_from_civil(ny, nm, d.min(days_in_month(ny, nm))) })
    }

    pub fn plus_days(self, n: i64) -> Result<Date, Error> {
        Date::from_epoch_day(self.days.checked_add(n).ok_or_else(overflow)?)
    }
}

/// A time of day without zone: nanoseconds since midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime {
    nanos: i64,
}

impl LocalTime {
    pub const MIDNIGHT: LocalTime = LocalTime { nanos: 0 };

    pub fn from_hms_nano(h: i64, m: i64, s: i64, n: i64) -> Result<LocalTime, Error> {
        check_range("hour", h, 0, 23)?;
        check_range("minute", m, 0, 59)?;
        check_range("second", s, 0, 59)?;
        check_range("nanosecond", n, 0, NANOS_PER_SEC - 1)?;
        Ok(LocalTime { nanos: ((h * 60 + m) * 60 + s) * NANOS_PER_SEC + n })
    }

    /// Any nanosecond count, wrapped into one day.
    pub fn from_nanos_wrapping(n: i128) -> LocalTime {
        LocalTime { nanos: n.rem_euclid(NANOS_PER_DAY as i128) as i64 }
    }

    pub fn nanos_of_day(self) -> i64 {
        self.nanos
    }
    pub fn hour(self) -> i64 {
        self.nanos / (3600 * NANOS_PER_SEC)
    }
    pub fn minute(self) -> i64 {
        self.nanos / (60 * NANOS_PER_SEC) % 60
    }
    pub fn second(self) -> i64 {
        self.nanos / NANOS_PER_SEC % 60
    }
    pub fn nanosecond(self) -> i64 {
        self.nanos % NANOS_PER_SEC
    }
}

/// A time of day with a UTC offset (seconds east of UTC).
#[derive(Clone, Copy, Debug)]
pub struct Time {
    pub local: LocalTime,
    pub offset: i32,
}

impl Time {
    /// Nanoseconds since midnight UTC, not wrapped (the order of `Time`s).
    pub fn utc_nanos(self) -> i64 {
        self.local.nanos - i64::from(self.offset) * NANOS_PER_SEC
    }
    /// The same instant of the day seen at another offset.
    pub fn with_offset_same_instant(self, offset: i32) -> Time {
        let n = i128::from(self.utc_nanos()) + i128::from(offset) * i128::from(NANOS_PER_SEC);
        Time { local: LocalTime::from_nanos_wrapping(n), offset }
    }
}

impl PartialEq for Time {
    fn eq(&self, o: &Time) -> bool {
        self.utc_nanos() == o.utc_nanos()
    }
}
impl Eq for Time {}
impl PartialOrd for Time {
    fn partial_cmp(&self, o: &Time) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Time {
    fn cmp(&self, o: &Time) -> Ordering {
        self.utc_nanos().cmp(&o.utc_nanos())
    }
}

/// A date and a time of day without zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    pub time: LocalTime,
}

impl LocalDateTime {
    /// Nanoseconds since 1970-01-01T00:00 (as if UTC).
    pub fn epoch_nanos(self) -> i128 {
        i128::from(self.date.days) * i128::from(NANOS_PER_DAY) + i128::from(self.time.nanos)
    }

    pub fn from_epoch_nanos(n: i128) -> Result<LocalDateTime, Error> {
        let day = i64::try_from(n.div_euclid(i128::from(NANOS_PER_DAY))).map_err(|_| overflow())?;
        Ok(LocalDateTime { date: Date::from_epoch_day(day)?, time: LocalTime::from_nanos_wrapping(n) })
    }

    pub fn plus_nanos(self, n: i128) -> Result<LocalDateTime, Error> {
        LocalDateTime::from_epoch_nanos(self.epoch_nanos() + n)
    }
}

/// A date and time at a UTC offset, optionally in a named IANA zone (then the offset is
/// the zone's offset at that instant).
#[derive(Clone, Debug)]
pub struct DateTime {
    pub local: LocalDateTime,
    pub offset: i32,
    /// Canonical IANA name, when the zone is named rather than a bare offset.
    pub zone: Option<String>,
}

impl DateTime {
    /// Nanoseconds since the Unix epoch.
    pub fn instant(&self) -> i128 {
        self.local.epoch_nanos() - i128::from(self.offset) * i128::from(NANOS_PER_SEC)
    }

    /// Place a local date-time in a zone. For a named zone, a local time in a gap moves
    /// forward by the gap's length and an ambiguous one takes the earlier offset.
    pub fn from_local(local: LocalDateTime, zone: &Zone) -> Result<DateTime, Error> {
        match zone {
            Zone::Offset(o) => Ok(DateTime { local, offset: *o, zone: None }),
            Zone::Named(name) => {
                let offset = zone::offset_for_local(name, local)?;
                let instant = local.epoch_nanos() - i128::from(offset) * i128::from(NANOS_PER_SEC);
                DateTime::from_instant(instant, zone)
            }
        }
    }

    /// The local date-time of an instant in a zone.
    pub fn from_instant(instant: i128, zone: &Zone) -> Result<DateTime, Error> {
        let (offset, name) = match zone {
            Zone::Offset(o) => (*o, None),
            Zone::Named(name) => {
                let secs = i64::try_from(instant.div_euclid(i128::from(NANOS_PER_SEC))).map_err(|_| overflow())?;
                (zone::offset_for_instant(name, secs)?, Some(name.clone()))
            }
        };
        let local = LocalDateTime::from_epoch_nanos(instant + i128::from(offset) * i128::from(NANOS_PER_SEC))?;
        Ok(DateTime { local, offset, zone: name })
    }

    pub fn zone(&self) -> Zone {
        match &self.zone {
            Some(n) => Zone::Named(n.clone()),
            None => Zone::Offset(self.offset),
        }
    }

    pub fn time(&self) -> Time {
        Time { local: self.local.time, offset: self.offset }
    }
}

impl PartialEq for DateTime {
    fn eq(&self, o: &DateTime) -> bool {
        self.instant() == o.instant()
    }
}
impl Eq for DateTime {}
impl PartialOrd for DateTime {
    fn partial_cmp(&self, o: &DateTime) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for DateTime {
    fn cmp(&self, o: &DateTime) -> Ordering {
        self.instant().cmp(&o.instant())
    }
}

/// A duration: months, days and seconds are independent (a month is not a fixed number
/// of days, nor a day of seconds across DST). `nanos` is in 0..1e9 and belongs to
/// `seconds` (so -0.5 s is seconds = -1, nanos = 500_000_000).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Duration {
    pub months: i64,
    pub days: i64,
    pub seconds: i64,
    pub nanos: i32,
}

impl Duration {
    /// Normalising constructor: carries nanoseconds into seconds.
    pub fn new(months: i64, days: i64, seconds: i64, nanos: i64) -> Result<Duration, Error> {
        let carry = nanos.div_euclid(NANOS_PER_SEC);
        let seconds = seconds.checked_add(carry).ok_or_else(overflow)?;
        Ok(Duration { months, days, seconds, nanos: nanos.rem_euclid(NANOS_PER_SEC) as i32 })
    }

    /// From a possibly huge nanosecond count.
    pub fn from_parts_nanos(months: i64, days: i64, nanos: i128) -> Result<Duration, Error> {
        let secs = i64::try_from(nanos.div_euclid(i128::from(NANOS_PER_SEC))).map_err(|_| overflow())?;
        Ok(Duration { months, days, seconds: secs, nanos: nanos.rem_euclid(i128::from(NANOS_PER_SEC)) as i32 })
    }

    /// seconds and nanos as one count.
    pub fn total_nanos(&self) -> i128 {
        i128::from(self.seconds) * i128::from(NANOS_PER_SEC) + i128::from(self.nanos)
    }

    /// Approximate length in nanoseconds (a month of 30.436875 days), for ORDER BY only.
    fn approx_nanos(&self) -> i128 {
        i128::from(self.months) * 2_629_746 * i128::from(NANOS_PER_SEC)
            + i128::from(self.days) * i128::from(NANOS_PER_DAY)
            + self.total_nanos()
    }

    /// The total order used by ORDER BY (durations are not comparable with `<`).
    pub fn order(&self, o: &Duration) -> Ordering {
        self.approx_nanos()
            .cmp(&o.approx_nanos())
            .then((self.months, self.days, self.seconds, self.nanos).cmp(&(o.months, o.days, o.seconds, o.nanos)))
    }

    pub fn negate(&self) -> Result<Duration, Error> {
        let n = -self.total_nanos();
        Duration::from_parts_nanos(
            self.months.checked_neg().ok_or_else(overflow)?,
            self.days.checked_neg().ok_or_else(overflow)?,
            n,
        )
    }
}

// ---------------------------------------------------------------------------------------
// Canonical text (what the TCK writes, Neo4j's rendering).

fn fmt_year(f: &mut fmt::Formatter<'_>, y: i64) -> fmt::Result {
    if y > 9999 {
        write!(f, "+{y}")
    } else if y < 0 {
        write!(f, "-{:04}", -y)
    } else {
        write!(f, "{y:04}")
    }
}

/// Fraction digits in groups of three (`.5` is `.500`), as Java's `LocalTime` prints.
fn fmt_fraction_grouped(f: &mut fmt::Formatter<'_>, n: i64) -> fmt::Result {
    if n % 1_000_000 == 0 {
        write!(f, ".{:03}", n / 1_000_000)
    } else if n % 1000 == 0 {
        write!(f, ".{:06}", n / 1000)
    } else {
        write!(f, ".{n:09}")
    }
}

pub(crate) fn fmt_offset(offset: i32) -> String {
    if offset == 0 {
        return "Z".into();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let a = offset.unsigned_abs();
    let (h, m, s) = (a / 3600, a / 60 % 60, a % 60);
    if s == 0 { format!("{sign}{h:02}:{m:02}") } else { format!("{sign}{h:02}:{m:02}:{s:02}") }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        fmt_year(f, y)?;
        write!(f, "-{m:02}-{d:02}")
    }
}

impl fmt::Display for LocalTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())?;
        let (s, n) = (self.second(), self.nanosecond());
        if s > 0 || n > 0 {
            write!(f, ":{s:02}")?;
            if n > 0 {
                fmt_fraction_grouped(f, n)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.local, fmt_offset(self.offset))
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.local, fmt_offset(self.offset))?;
        if let Some(z) = &self.zone {
            write!(f, "[{z}]")?;
        }
        Ok(())
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::from("P");
        let unit = |out: &mut String, v: i64, u: char| {
            if v != 0 {
                out.push_str(&format!("{v}{u}"));
            }
        };
        unit(&mut out, self.months / 12, 'Y');
        unit(&mut out, self.months % 12, 'M');
        unit(&mut out, self.days, 'D');
        if self.seconds != 0 || self.nanos != 0 {
            // Print seconds and nanos with one sign: -0.5 s is `-0.5S`, not `-1.5S`.
            let (mut s, mut n) = (self.seconds, i64::from(self.nanos));
            if s < 0 && n != 0 {
                s += 1;
                n -= NANOS_PER_SEC;
            }
            out.push('T');
            unit(&mut out, s / 3600, 'H');
            unit(&mut out, s % 3600 / 60, 'M');
            let s = s % 60;
            if s != 0 || n != 0 {
                if s == 0 && n < 0 {
                    out.push('-');
                }
                out.push_str(&s.to_string());
                if n != 0 {
                    let digits = format!("{:09}", n.abs());
                    out.push('.');
                    out.push_str(digits.trim_end_matches('0'));
                }
                out.push('S');
            }
        }
        if out.len() == 1 {
            out.push_str("T0S");
        }
        f.write_str(&out)
    }
}

// ---------------------------------------------------------------------------------------
// Component access (`x.year`, ...): `None` when the type has no such component.

/// A component's value: most are integers, zone components strings.
#[derive(Clone, Debug, PartialEq)]
pub enum Component {
    Int(i64),
    Str(String),
}

pub fn date_component(d: Date, key: &str) -> Option<Component> {
    let i = |v| Some(Component::Int(v));
    match key {
        "year" => i(d.year()),
        "quarter" => i(d.quarter()),
        "month" => i(d.month()),
        "week" => i(d.iso_week().1),
        "weekYear" => i(d.iso_week().0),
        "day" => i(d.day()),
        "ordinalDay" => i(d.ordinal_day()),
        "weekDay" | "dayOfWeek" => i(d.weekday()),
        "dayOfQuarter" => i(d.day_of_quarter()),
        _ => None,
    }
}

pub fn time_component(t: LocalTime, key: &str) -> Option<Component> {
    let i = |v| Some(Component::Int(v));
    match key {
        "hour" => i(t.hour()),
        "minute" => i(t.minute()),
        "second" => i(t.second()),
        "millisecond" => i(t.nanosecond() / 1_000_000),
        "microsecond" => i(t.nanosecond() / 1000),
        "nanosecond" => i(t.nanosecond()),
        _ => None,
    }
}

fn offset_component(offset: i32, zone: Option<&str>, key: &str) -> Option<Component> {
    match key {
        "timezone" => Some(Component::Str(zone.map_or_else(|| fmt_offset(offset), str::to_string))),
        "offset" => Some(Component::Str(fmt_offset(offset))),
        "offsetMinutes" => Some(Component::Int(i64::from(offset) / 60)),
        "offsetSeconds" => Some(Component::Int(i64::from(offset))),
        _ => None,
    }
}

pub fn local_time_component(t: LocalTime, key: &str) -> Option<Component> {
    time_component(t, key)
}

pub fn offset_time_component(t: Time, key: &str) -> Option<Component> {
    time_component(t.local, key).or_else(|| offset_component(t.offset, None, key))
}

pub fn local_datetime_component(t: LocalDateTime, key: &str) -> Option<Component> {
    date_component(t.date, key).or_else(|| time_component(t.time, key))
}

pub fn datetime_component(t: &DateTime, key: &str) -> Option<Component> {
    local_datetime_component(t.local, key).or_else(|| offset_component(t.offset, t.zone.as_deref(), key)).or_else(
        || {
            let ns = t.instant();
            match key {
                "epochSeconds" => i64::try_from(ns.div_euclid(i128::from(NANOS_PER_SEC))).ok().map(Component::Int),
                "epochMillis" => i64::try_from(ns.div_euclid(1_000_000)).ok().map(Component::Int),
                _ => None,
            }
        },
    )
}

pub fn duration_component(d: &Duration, key: &str) -> Option<Component> {
    let i = |v: i128| i64::try_from(v).ok().map(Component::Int);
    let secs = i128::from(d.seconds);
    let nanos = i128::from(d.nanos);
    match key {
        "years" => i(i128::from(d.months / 12)),
        "quarters" => i(i128::from(d.months / 3)),
        "months" => i(i128::from(d.months)),
        "weeks" => i(i128::from(d.days / 7)),
        "days" => i(i128::from(d.days)),
        "hours" => i(secs / 3600),
        "minutes" => i(secs / 60),
        "seconds" => i(secs),
        "milliseconds" => i(secs * 1000 + nanos / 1_000_000),
        "microseconds" => i(secs * 1_000_000 + nanos / 1000),
        "nanoseconds" => i(secs * 1_000_000_000 + nanos),
        "quartersOfYear" => i(i128::from(d.months % 12 / 3)),
        "monthsOfQuarter" => i(i128::from(d.months % 3)),
        "monthsOfYear" => i(i128::from(d.months % 12)),
        "daysOfWeek" => i(i128::from(d.days % 7)),
        "minutesOfHour" => i(secs / 60 % 60),
        "secondsOfMinute" => i(secs % 60),
        "millisecondsOfSecond" => i(nanos / 1_000_000),
        "microsecondsOfSecond" => i(nanos / 1000),
        "nanosecondsOfSecond" => i(nanos),
        _ => None,
    }
}

/// The current instant in nanoseconds since the epoch (the wall clock).
pub fn now_nanos() -> i128 {
    match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(0),
        Err(e) => -i128::try_from(e.duration().as_nanos()).unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trips() {
        for days in [-1_000_000i64, -719_468, -1, 0, 1, 10_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(Date::from_ymd(1984, 10, 11).map(|d| d.to_string()).ok().as_deref(), Some("1984-10-11"));
        let d = Date::from_ymd(1984, 1, 1).ok();
        assert_eq!(d.map(|d| d.iso_week()), Some((1983, 52)));
        assert_eq!(d.map(|d| d.weekday()), Some(7));
        assert_eq!(Date::from_week(1817, 1, 1).map(|d| d.to_string()).ok().as_deref(), Some("1816-12-30"));
        assert_eq!(Date::from_ymd(-999_999_999, 1, 1).map(|d| d.to_string()).ok().as_deref(), Some("-999999999-01-01"));
        assert_eq!(Date::from_ymd(28, 1, 1).map(|d| d.to_string()).ok().as_deref(), Some("0028-01-01"));
    }

    #[test]
    fn durations_print_like_the_tck() {
        let show = |m, d, s, n| Duration::new(m, d, s, n).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(show(0, 0, 0, 0), "PT0S");
        assert_eq!(show(149, 14, 58390, 1), "P12Y5M14DT16H13M10.000000001S");
        assert_eq!(show(0, 0, -60, 1_000_000), "PT-59.999S");
        assert_eq!(show(0, 0, -61, 999_000_000), "PT-1M-0.001S");
        assert_eq!(show(0, 1, -1, 999_000_000), "P1DT-0.001S");
        assert_eq!(show(0, 0, -86400, 100_000_000), "PT-23H-59M-59.9S");
    }

    #[test]
    fn times_print_fraction_groups() {
        let t = LocalTime::from_hms_nano(12, 31, 14, 645_000_000).map(|t| t.to_string()).unwrap_or_default();
        assert_eq!(t, "12:31:14.645");
        let t = LocalTime::from_hms_nano(12, 0, 0, 0).map(|t| t.to_string()).unwrap_or_default();
        assert_eq!(t, "12:00");
        assert_eq!(fmt_offset(3600 * 2 + 5 * 60 + 59), "+02:05:59");
        assert_eq!(fmt_offset(-3600), "-01:00");
    }
}
