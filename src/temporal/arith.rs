//! Duration arithmetic: building a duration from (possibly fractional) components,
//! duration ± duration, duration × and ÷ number, temporal ± duration, and
//! `duration.between` / `inMonths` / `inDays` / `inSeconds`. Fractions cascade down
//! (half a month is 15 days 5 h 14 min 33 s, from an average month of 2,629,746 s; half
//! a day is 12 h), never up: 36 hours stay 36 hours. All counts are checked; overflow is
//! an error, never a wrap.

use super::build::Source;
use super::{
    Date, DateTime, Duration, LocalDateTime, LocalTime, NANOS_PER_DAY, NANOS_PER_SEC, SECS_PER_DAY, Time, invalid,
};
use crate::error::Error;

/// Seconds in an average Gregorian month (365.2425 / 12 days).
const SECS_PER_MONTH: f64 = 2_629_746.0;

/// A number argument: exact when integral.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

/// The components a duration may be built from (`duration({days: 1.5})`, `P1.5D`).
#[derive(Clone, Copy, Debug, Default)]
pub struct DurationParts {
    pub years: Option<Num>,
    pub months: Option<Num>,
    pub weeks: Option<Num>,
    pub days: Option<Num>,
    pub hours: Option<Num>,
    pub minutes: Option<Num>,
    pub seconds: Option<Num>,
    pub milliseconds: Option<Num>,
    pub microseconds: Option<Num>,
    pub nanoseconds: Option<Num>,
}

fn too_big() -> Error {
    invalid("duration out of range")
}

fn to_i64(v: i128) -> Result<i64, Error> {
    i64::try_from(v).map_err(|_| too_big())
}

/// Accumulates whole units exactly and fractions as spill into smaller units.
#[derive(Default)]
struct Acc {
    months: i128,
    days: i128,
    nanos: i128,
    frac_months: f64,
    frac_days: f64,
}

impl Acc {
    fn months(&mut self, n: Num, factor: i128) -> Result<(), Error> {
        match n {
            Num::Int(i) => self.months += i128::from(i) * factor,
            Num::Float(f) => {
                let x = f * factor as f64;
                check_finite(x)?;
                self.months += x.trunc() as i128;
                self.frac_months += x.fract();
            }
        }
        Ok(())
    }
    fn days(&mut self, n: Num, factor: i128) -> Result<(), Error> {
        match n {
            Num::Int(i) => self.days += i128::from(i) * factor,
            Num::Float(f) => {
                let x = f * factor as f64;
                check_finite(x)?;
                self.days += x.trunc() as i128;
                self.frac_days += x.fract();
            }
        }
        Ok(())
    }
    fn nanos(&mut self, n: Num, factor: i128) -> Result<(), Error> {
        match n {
            Num::Int(i) => self.nanos += i128::from(i) * factor,
            Num::Float(f) => {
                let x = (f * factor as f64).round();
                check_finite(x)?;
                self.nanos += x as i128;
            }
        }
        Ok(())
    }
    fn finish(mut self) -> Result<Duration, Error> {
        if self.frac_months != 0.0 {
            let secs = self.frac_months * SECS_PER_MONTH;
            let whole_days = (secs / SECS_PER_DAY as f64).trunc();
            self.days += whole_days as i128;
            self.nanos += ((secs - whole_days * SECS_PER_DAY as f64) * NANOS_PER_SEC as f64).round() as i128;
        }
        if self.frac_days != 0.0 {
            self.nanos += (self.frac_days * NANOS_PER_DAY as f64).round() as i128;
        }
        Duration::from_parts_nanos(to_i64(self.months)?, to_i64(self.days)?, self.nanos)
    }
}

fn check_finite(x: f64) -> Result<(), Error> {
    if x.is_finite() && x.abs() < 9.0e18 { Ok(()) } else { Err(too_big()) }
}

pub fn duration_from_parts(p: &DurationParts) -> Result<Duration, Error> {
    let mut acc = Acc::default();
    let s = i128::from(NANOS_PER_SEC);
    let steps: [(Option<Num>, u8, i128); 10] = [
        (p.years, 0, 12),
        (p.months, 0, 1),
        (p.weeks, 1, 7),
        (p.days, 1, 1),
        (p.hours, 2, 3600 * s),
        (p.minutes, 2, 60 * s),
        (p.seconds, 2, s),
        (p.milliseconds, 2, 1_000_000),
        (p.microseconds, 2, 1000),
        (p.nanoseconds, 2, 1),
    ];
    for (n, kind, factor) in steps {
        if let Some(n) = n {
            match kind {
                0 => acc.months(n, factor)?,
                1 => acc.days(n, factor)?,
                _ => acc.nanos(n, factor)?,
            }
        }
    }
    acc.finish()
}

impl Duration {
    pub fn plus(&self, o: &Duration) -> Result<Duration, Error> {
        Duration::from_parts_nanos(
            self.months.checked_add(o.months).ok_or_else(too_big)?,
            self.days.checked_add(o.days).ok_or_else(too_big)?,
            self.total_nanos() + o.total_nanos(),
        )
    }

    pub fn minus(&self, o: &Duration) -> Result<Duration, Error> {
        self.plus(&o.negate()?)
    }

    /// `d * n`: exact for integers; a fractional product spills into smaller units and
    /// drops fractions of a nanosecond.
    pub fn times(&self, n: Num) -> Result<Duration, Error> {
        match n {
            Num::Int(i) => Duration::from_parts_nanos(
                self.months.checked_mul(i).ok_or_else(too_big)?,
                self.days.checked_mul(i).ok_or_else(too_big)?,
                self.total_nanos().checked_mul(i128::from(i)).ok_or_else(too_big)?,
            ),
            Num::Float(f) => self.scaled(|x| x * f),
        }
    }

    pub fn divided_by(&self, n: Num) -> Result<Duration, Error> {
        let f = match n {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        };
        if f == 0.0 {
            return Err(Error::runtime(
                crate::error::ErrorKind::ArithmeticError,
                "DivisionByZero",
                "division of a duration by zero",
            ));
        }
        self.scaled(|x| x / f)
    }

    fn scaled(&self, op: impl Fn(f64) -> f64) -> Result<Duration, Error> {
        let mut acc = Acc::default();
        let m = op(self.months as f64);
        let d = op(self.days as f64);
        let n = op(self.total_nanos() as f64);
        for x in [m, d, n] {
            check_finite(x / 1e12)?;
        }
        acc.months = m.trunc() as i128;
        acc.frac_months = m.fract();
        acc.days = d.trunc() as i128;
        acc.frac_days = d.fract();
        acc.nanos = n.trunc() as i128;
        acc.finish()
    }
}

// ---------------------------------------------------------------------------------------
// Temporal + duration.

/// Date + duration: months, then days, then whole days of the time part (the rest of
/// the time part is dropped: a date has no time).
pub fn date_plus(d: Date, dur: &Duration) -> Result<Date, Error> {
    // Whole days of the time part, truncated toward zero.
    let extra_days = to_i64(dur.total_nanos() / i128::from(NANOS_PER_DAY))?;
    d.plus_months(dur.months)?.plus_days(dur.days.checked_add(extra_days).ok_or_else(too_big)?)
}

/// Time + duration: only the time part counts, wrapping around midnight.
pub fn local_time_plus(t: LocalTime, dur: &Duration) -> LocalTime {
    LocalTime::from_nanos_wrapping(i128::from(t.nanos_of_day()) + dur.total_nanos())
}

pub fn time_plus(t: Time, dur: &Duration) -> Time {
    Time { local: local_time_plus(t.local, dur), offset: t.offset }
}

pub fn local_datetime_plus(t: LocalDateTime, dur: &Duration) -> Result<LocalDateTime, Error> {
    let date = t.date.plus_months(dur.months)?.plus_days(dur.days)?;
    LocalDateTime { date, time: t.time }.plus_nanos(dur.total_nanos())
}

/// Months and days move the local date (keeping the wall-clock time, re-resolved in the
/// zone); the time part moves the instant.
pub fn datetime_plus(t: &DateTime, dur: &Duration) -> Result<DateTime, Error> {
    let zone = t.zone();
    let date = t.local.date.plus_months(dur.months)?.plus_days(dur.days)?;
    let moved = if dur.months == 0 && dur.days == 0 {
        t.clone()
    } else {
        DateTime::from_local(LocalDateTime { date, time: t.local.time }, &zone)?
    };
    DateTime::from_instant(moved.instant() + dur.total_nanos(), &zone)
}

// ---------------------------------------------------------------------------------------
// duration.between and friends.

/// Which of the `duration.*` functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Between {
    /// `duration.between`: months, then days, then seconds.
    All,
    Months,
    Days,
    Seconds,
}

/// Java's rule for whole units between two local date-times: the end date counts one
/// day less when its time of day is earlier (moving forward), one more when later
/// (moving backward).
fn adjusted_end(a: LocalDateTime, b: LocalDateTime) -> Result<Date, Error> {
    if b.date > a.date && b.time < a.time {
        b.date.plus_days(-1)
    } else if b.date < a.date && b.time > a.time {
        b.date.plus_days(1)
    } else {
        Ok(b.date)
    }
}

fn months_until(a: LocalDateTime, b: LocalDateTime) -> Result<i64, Error> {
    let end = adjusted_end(a, b)?;
    let packed = |d: Date| {
        let (y, m, day) = d.ymd();
        (i128::from(y) * 12 + i128::from(m) - 1) * 32 + i128::from(day)
    };
    to_i64((packed(end) - packed(a.date)) / 32)
}

fn days_until(a: LocalDateTime, b: LocalDateTime) -> Result<i64, Error> {
    Ok(adjusted_end(a, b)?.epoch_day() - a.date.epoch_day())
}

/// A point on the time line that moves either as a plain local date-time or in a zone.
#[derive(Clone)]
enum Point {
    Local(LocalDateTime),
    Zoned(DateTime),
}

impl Point {
    fn local(&self) -> LocalDateTime {
        match self {
            Point::Local(l) => *l,
            Point::Zoned(z) => z.local,
        }
    }
    fn nanos(&self) -> i128 {
        match self {
            Point::Local(l) => l.epoch_nanos(),
            Point::Zoned(z) => z.instant(),
        }
    }
    fn plus_date(&self, months: i64, days: i64) -> Result<Point, Error> {
        let l = self.local();
        let moved = LocalDateTime { date: l.date.plus_months(months)?.plus_days(days)?, time: l.time };
        Ok(match self {
            Point::Local(_) => Point::Local(moved),
            Point::Zoned(z) => Point::Zoned(DateTime::from_local(moved, &z.zone())?),
        })
    }
}

pub fn between(from: &Source, to: &Source, unit: Between) -> Result<Duration, Error> {
    let zero = Duration::default();
    // A value without a date takes the other's date (so that a zone's daylight-saving
    // change that day counts); with no date on either side only the times of day count.
    let (fd, td) = match (from.date(), to.date()) {
        (Some(a), None) => (Some(a), Some(a)),
        (None, Some(b)) => (Some(b), Some(b)),
        dates => dates,
    };
    let (Some(fd), Some(td)) = (fd, td) else {
        if matches!(unit, Between::Months | Between::Days) {
            return Ok(zero);
        }
        let ft = from.local_time().unwrap_or(LocalTime::MIDNIGHT);
        let tt = to.local_time().unwrap_or(LocalTime::MIDNIGHT);
        let s = i128::from(NANOS_PER_SEC);
        let diff = match (from.offset(), to.offset()) {
            (Some(fo), Some(to_)) => {
                (i128::from(tt.nanos_of_day()) - i128::from(to_) * s)
                    - (i128::from(ft.nanos_of_day()) - i128::from(fo) * s)
            }
            _ => i128::from(tt.nanos_of_day()) - i128::from(ft.nanos_of_day()),
        };
        return Duration::from_parts_nanos(0, 0, diff);
    };
    let fl = LocalDateTime { date: fd, time: from.local_time().unwrap_or(LocalTime::MIDNIGHT) };
    let tl = LocalDateTime { date: td, time: to.local_time().unwrap_or(LocalTime::MIDNIGHT) };
    let (a, b) = match (from.zone(), to.zone()) {
        (None, None) => (Point::Local(fl), Point::Local(tl)),
        (Some(z), None) => (Point::Zoned(DateTime::from_local(fl, &z)?), Point::Zoned(DateTime::from_local(tl, &z)?)),
        (None, Some(z)) => (Point::Zoned(DateTime::from_local(fl, &z)?), Point::Zoned(DateTime::from_local(tl, &z)?)),
        (Some(fz), Some(tz)) => {
            let a = DateTime::from_local(fl, &fz)?;
            let b = DateTime::from_local(tl, &tz)?;
            // Compare wall clocks in the start's zone.
            let b = DateTime::from_instant(b.instant(), &fz)?;
            (Point::Zoned(a), Point::Zoned(b))
        }
    };
    match unit {
        Between::Months => Ok(Duration { months: months_until(a.local(), b.local())?, ..zero }),
        Between::Days => Ok(Duration { days: days_until(a.local(), b.local())?, ..zero }),
        Between::Seconds => Duration::from_parts_nanos(0, 0, b.nanos() - a.nanos()),
        Between::All => {
            let months = months_until(a.local(), b.local())?;
            let a1 = a.plus_date(months, 0)?;
            let days = days_until(a1.local(), b.local())?;
            let a2 = a1.plus_date(0, days)?;
            Duration::from_parts_nanos(months, days, b.nanos() - a2.nanos())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::parse::{parse_date, parse_duration, parse_local_datetime};

    fn dur(s: &str) -> Duration {
        parse_duration(s).unwrap_or_else(|e| panic!("{s}: {}", e.message))
    }

    #[test]
    fn fractions_cascade_down() {
        let p = DurationParts { months: Some(Num::Float(0.75)), ..Default::default() };
        assert_eq!(duration_from_parts(&p).map(|d| d.to_string()).ok().as_deref(), Some("P22DT19H51M49.5S"));
        let d = dur("P12Y5M14DT16H13M10.000000001S");
        assert_eq!(d.times(Num::Float(0.5)).map(|d| d.to_string()).ok().as_deref(), Some("P6Y2M22DT13H21M8S"));
        assert_eq!(d.divided_by(Num::Int(2)).map(|d| d.to_string()).ok().as_deref(), Some("P6Y2M22DT13H21M8S"));
        assert_eq!(d.times(Num::Int(2)).map(|d| d.to_string()).ok().as_deref(), Some("P24Y10M28DT32H26M20.000000002S"));
    }

    #[test]
    fn dates_move_by_months_then_days() {
        let d = parse_date("1984-10-11").unwrap_or_else(|_| unreachable!());
        let add = |s: &str| date_plus(d, &dur(s)).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(add("P12Y5M14DT16H12M70S"), "1997-03-25");
        let neg =
            |s: &str| date_plus(d, &dur(s).negate().unwrap_or_default()).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(neg("P12Y5M14DT16H12M70S"), "1972-04-27");
    }

    #[test]
    fn between_local_date_times() {
        let l = |s: &str| Source::LocalDateTime(parse_local_datetime(s).unwrap_or_else(|_| unreachable!()));
        let b = |a: &str, c: &str| between(&l(a), &l(c), Between::All).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(b("2018-01-02T10:00:00.1", "2018-01-01T10:00:00.2"), "PT-23H-59M-59.9S");
        assert_eq!(b("2015-07-21T21:40:32.142", "2016-07-21T21:45:22.142"), "P1YT4M50S");
        assert_eq!(b("-999999999-01-01", "+999999999-12-31"), "P1999999998Y11M30D");
    }
}
