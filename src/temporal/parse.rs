//! ISO 8601 text to temporal values: calendar (`2015-07-21`, `20150721`, `2015-07`),
//! week (`2015-W30-2`, `2015W302`, `2015-W30`), ordinal (`2015-202`) and year-only
//! dates, with extended years (`+999999999-12-31`); times in extended or basic form with
//! fractions (`21:40:32.142`, `214032,142`); offsets (`Z`, `+01:00`, `+0100`, `-02`,
//! `+02:05:59`) and zone names in brackets (`[Europe/Stockholm]`); durations
//! (`P14DT16H12M`, fractional and negative components, `P2012-02-02T14:37:21.545`).
//! Parsing is a byte cursor: no recursion, no panics on any input.

use super::arith::{DurationParts, Num, duration_from_parts};
use super::zone::{self, Zone};
use super::{Date, DateTime, Duration, LocalDateTime, LocalTime, Time, invalid};
use crate::error::Error;

struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
    text: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Cursor<'a> {
        Cursor { s: text.as_bytes(), pos: 0, text }
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }
    fn peek_at(&self, k: usize) -> Option<u8> {
        self.s.get(self.pos + k).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn done(&self) -> bool {
        self.pos >= self.s.len()
    }
    /// Number of consecutive digits from the cursor.
    fn digit_run(&self) -> usize {
        self.s.get(self.pos..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    }
    /// Exactly `n` digits as a number.
    fn digits(&mut self, n: usize) -> Result<i64, Error> {
        if self.digit_run() < n {
            return Err(self.error());
        }
        let mut v: i64 = 0;
        for _ in 0..n {
            v = v * 10 + i64::from(self.peek().unwrap_or(b'0') - b'0');
            self.pos += 1;
        }
        Ok(v)
    }
    fn error(&self) -> Error {
        invalid(format!("`{}` is not a valid temporal string", self.text))
    }
    fn end(&self) -> Result<(), Error> {
        if self.done() { Ok(()) } else { Err(self.error()) }
    }
}

fn date_at(c: &mut Cursor<'_>) -> Result<Date, Error> {
    // Year: four digits, or a sign and at least four digits.
    let year = match c.peek() {
        Some(sign @ (b'+' | b'-')) => {
            c.pos += 1;
            let n = c.digit_run();
            if !(4..=9).contains(&n) {
                return Err(c.error());
            }
            let y = c.digits(n)?;
            if sign == b'-' { -y } else { y }
        }
        _ => c.digits(4)?,
    };
    let dashed = c.eat(b'-');
    if c.eat(b'W') {
        let week = c.digits(2)?;
        let dow = if dashed {
            if c.eat(b'-') { c.digits(1)? } else { 1 }
        } else if c.digit_run() >= 1 {
            c.digits(1)?
        } else {
            1
        };
        return Date::from_week(year, week, dow);
    }
    let run = c.digit_run();
    if dashed {
        match run {
            3 => Date::from_ordinal(year, c.digits(3)?),
            2 => {
                let month = c.digits(2)?;
                let day = if c.eat(b'-') { c.digits(2)? } else { 1 };
                Date::from_ymd(year, month, day)
            }
            _ => Err(c.error()),
        }
    } else {
        match run {
            0 => Date::from_ymd(year, 1, 1),
            2 => Date::from_ymd(year, c.digits(2)?, 1),
            3 => Date::from_ordinal(year, c.digits(3)?),
            4 => {
                let m = c.digits(2)?;
                Date::from_ymd(year, m, c.digits(2)?)
            }
            _ => Err(c.error()),
        }
    }
}

fn time_at(c: &mut Cursor<'_>) -> Result<LocalTime, Error> {
    let hour = c.digits(2)?;
    let (mut minute, mut second, mut nanos) = (0, 0, 0);
    let colon = c.eat(b':');
    if colon || c.digit_run() >= 2 {
        minute = c.digits(2)?;
        let colon2 = c.eat(b':');
        if colon2 || c.digit_run() >= 2 {
            second = c.digits(2)?;
            if c.eat(b'.') || c.eat(b',') {
                let n = c.digit_run();
                if n == 0 || n > 9 {
                    return Err(c.error());
                }
                nanos = c.digits(n)? * 10i64.pow(9 - n as u32);
            }
        }
    }
    LocalTime::from_hms_nano(hour, minute, second, nanos)
}

/// An offset `Z`, `±HH`, `±HHMM`, `±HH:MM`, `±HH:MM:SS`; `None` when none is there.
fn offset_at(c: &mut Cursor<'_>) -> Result<Option<i32>, Error> {
    if c.eat(b'Z') || c.eat(b'z') {
        return Ok(Some(0));
    }
    let sign = match c.peek() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Ok(None),
    };
    c.pos += 1;
    let h = c.digits(2)?;
    let (mut m, mut s) = (0, 0);
    let colon = c.eat(b':');
    if colon || c.digit_run() >= 2 {
        m = c.digits(2)?;
        if c.eat(b':') || c.digit_run() >= 2 {
            s = c.digits(2)?;
        }
    }
    if h > 18 || m > 59 || s > 59 || h * 3600 + m * 60 + s > 18 * 3600 {
        return Err(c.error());
    }
    Ok(Some(sign * (h * 3600 + m * 60 + s) as i32))
}

/// `[Region/City]` after the offset.
fn zone_name_at(c: &mut Cursor<'_>) -> Result<Option<String>, Error> {
    if !c.eat(b'[') {
        return Ok(None);
    }
    let start = c.pos;
    while c.peek().is_some_and(|b| b != b']') {
        c.pos += 1;
    }
    let name = c.text.get(start..c.pos).ok_or_else(|| c.error())?.to_string();
    if !c.eat(b']') || name.is_empty() {
        return Err(c.error());
    }
    Ok(Some(zone::canonical(&name)?))
}

pub fn parse_date(s: &str) -> Result<Date, Error> {
    let mut c = Cursor::new(s.trim());
    let d = date_at(&mut c)?;
    c.end()?;
    Ok(d)
}

pub fn parse_local_time(s: &str) -> Result<LocalTime, Error> {
    let mut c = Cursor::new(s.trim());
    c.eat(b'T');
    let t = time_at(&mut c)?;
    c.end()?;
    Ok(t)
}

/// A time with an offset; without one it is at UTC.
pub fn parse_time(s: &str) -> Result<Time, Error> {
    let mut c = Cursor::new(s.trim());
    c.eat(b'T');
    let local = time_at(&mut c)?;
    let offset = offset_at(&mut c)?;
    let named = zone_name_at(&mut c)?;
    c.end()?;
    let offset = match (offset, named) {
        (Some(o), _) => o,
        (None, Some(name)) => {
            let now = super::now_nanos().div_euclid(i128::from(super::NANOS_PER_SEC));
            zone::offset_for_instant(&name, i64::try_from(now).unwrap_or(0))?
        }
        (None, None) => 0,
    };
    Ok(Time { local, offset })
}

fn local_datetime_at(c: &mut Cursor<'_>) -> Result<LocalDateTime, Error> {
    let date = date_at(c)?;
    let time = if c.eat(b'T') || c.eat(b't') { time_at(c)? } else { LocalTime::MIDNIGHT };
    Ok(LocalDateTime { date, time })
}

pub fn parse_local_datetime(s: &str) -> Result<LocalDateTime, Error> {
    let mut c = Cursor::new(s.trim());
    let dt = local_datetime_at(&mut c)?;
    c.end()?;
    Ok(dt)
}

/// A date-time with offset and/or zone name; with neither it is at UTC. With both, the
/// zone decides and the offset must be one it can have (otherwise the zone's wins).
pub fn parse_datetime(s: &str) -> Result<DateTime, Error> {
    let mut c = Cursor::new(s.trim());
    let local = local_datetime_at(&mut c)?;
    let offset = offset_at(&mut c)?;
    let named = zone_name_at(&mut c)?;
    c.end()?;
    match (offset, named) {
        (Some(o), Some(name)) => {
            // The written offset picks between the two readings of an ambiguous time.
            let fixed = DateTime::from_local(local, &Zone::Offset(o))?;
            let there = DateTime::from_instant(fixed.instant(), &Zone::Named(name.clone()))?;
            if there.local == local { Ok(there) } else { DateTime::from_local(local, &Zone::Named(name)) }
        }
        (None, Some(name)) => DateTime::from_local(local, &Zone::Named(name)),
        (Some(o), None) => DateTime::from_local(local, &Zone::Offset(o)),
        (None, None) => DateTime::from_local(local, &Zone::Offset(0)),
    }
}

/// A time-zone argument (`timezone: '+01:00'`, `'Z'`, `'Europe/Stockholm'`).
pub fn parse_zone(s: &str) -> Result<Zone, Error> {
    let t = s.trim();
    let mut c = Cursor::new(t);
    if let Some(o) = offset_at(&mut c)? {
        if c.done() {
            return Ok(Zone::Offset(o));
        }
    }
    if t.eq_ignore_ascii_case("UTC") {
        return Ok(Zone::Offset(0));
    }
    Ok(Zone::Named(zone::canonical(t)?))
}

/// A signed decimal number: an integer when it has no fraction.
fn number_at(c: &mut Cursor<'_>) -> Result<Num, Error> {
    let start = c.pos;
    let neg = c.eat(b'-');
    if !neg {
        c.eat(b'+');
    }
    let n = c.digit_run();
    if n == 0 {
        return Err(c.error());
    }
    c.pos += n;
    if c.peek() == Some(b'.') || c.peek() == Some(b',') {
        c.pos += 1;
        let f = c.digit_run();
        c.pos += f;
        let text = c.text.get(start..c.pos).unwrap_or("0").replace(',', ".");
        return text.parse::<f64>().map(Num::Float).map_err(|_| c.error());
    }
    let text = c.text.get(start..c.pos).unwrap_or("0");
    text.parse::<i64>().map(Num::Int).map_err(|_| c.error())
}

pub fn parse_duration(s: &str) -> Result<Duration, Error> {
    let t = s.trim();
    let mut c = Cursor::new(t);
    let negated = c.eat(b'-');
    if !(c.eat(b'P') || c.eat(b'p')) {
        return Err(c.error());
    }
    let mut parts = DurationParts::default();
    // The alternative form `PYYYY-MM-DDTHH:MM:SS.fff`.
    if c.digit_run() == 4 && c.peek_at(4) == Some(b'-') {
        let years = c.digits(4)?;
        c.eat(b'-');
        let months = c.digits(2)?;
        c.eat(b'-');
        let days = c.digits(2)?;
        parts.years = Some(Num::Int(years));
        parts.months = Some(Num::Int(months));
        parts.days = Some(Num::Int(days));
        if c.eat(b'T') {
            let time = time_at(&mut c)?;
            parts.hours = Some(Num::Int(time.hour()));
            parts.minutes = Some(Num::Int(time.minute()));
            parts.seconds = Some(Num::Int(time.second()));
            parts.nanoseconds = Some(Num::Int(time.nanosecond()));
        }
        c.end()?;
    } else {
        let mut in_time = false;
        let mut any = false;
        while !c.done() {
            if c.eat(b'T') {
                if in_time {
                    return Err(c.error());
                }
                in_time = true;
                continue;
            }
            let n = number_at(&mut c)?;
            let slot = match (c.peek().map(|b| b.to_ascii_uppercase()), in_time) {
                (Some(b'Y'), false) => &mut parts.years,
                (Some(b'M'), false) => &mut parts.months,
                (Some(b'W'), false) => &mut parts.weeks,
                (Some(b'D'), false) => &mut parts.days,
                (Some(b'H'), true) => &mut parts.hours,
                (Some(b'M'), true) => &mut parts.minutes,
                (Some(b'S'), true) => &mut parts.seconds,
                _ => return Err(c.error()),
            };
            if slot.is_some() {
                return Err(c.error());
            }
            *slot = Some(n);
            c.pos += 1;
            any = true;
        }
        if !any {
            return Err(c.error());
        }
    }
    let d = duration_from_parts(&parts)?;
    if negated { d.negate() } else { Ok(d) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show<T: std::fmt::Display>(r: Result<T, Error>) -> String {
        r.map_or_else(|e| format!("error: {}", e.message), |v| v.to_string())
    }

    #[test]
    fn dates_in_every_tck_form() {
        for (s, want) in [
            ("2015-07-21", "2015-07-21"),
            ("20150721", "2015-07-21"),
            ("2015-07", "2015-07-01"),
            ("201507", "2015-07-01"),
            ("2015-W30-2", "2015-07-21"),
            ("2015W302", "2015-07-21"),
            ("2015-W30", "2015-07-20"),
            ("2015W30", "2015-07-20"),
            ("2015-202", "2015-07-21"),
            ("2015202", "2015-07-21"),
            ("2015", "2015-01-01"),
            ("+999999999-12-31", "+999999999-12-31"),
        ] {
            assert_eq!(show(parse_date(s)), want, "{s}");
        }
        assert!(parse_date("2015-13-01").is_err());
        assert!(parse_date("").is_err());
        assert!(parse_date("2015-02-30").is_err());
    }

    #[test]
    fn times_and_datetimes() {
        assert_eq!(show(parse_time("21:40:32.142+0100")), "21:40:32.142+01:00");
        assert_eq!(show(parse_time("2140-00:00")), "21:40Z");
        assert_eq!(show(parse_time("22+18:00")), "22:00+18:00");
        assert_eq!(show(parse_local_datetime("2015-W30T2140")), "2015-07-20T21:40");
        assert_eq!(
            show(parse_datetime("2015-07-21T21:40:32.142[Europe/London]")),
            "2015-07-21T21:40:32.142+01:00[Europe/London]"
        );
        assert_eq!(
            show(parse_datetime("1818-07-21T21:40:32.142[Europe/Stockholm]")),
            "1818-07-21T21:40:32.142+00:53:28[Europe/Stockholm]"
        );
        assert_eq!(
            show(parse_datetime("2015-07-21T21:40:32.142-04[America/New_York]")),
            "2015-07-21T21:40:32.142-04:00[America/New_York]"
        );
    }

    #[test]
    fn durations() {
        for (s, want) in [
            ("P14DT16H12M", "P14DT16H12M"),
            ("P5M1.5D", "P5M1DT12H"),
            ("P0.75M", "P22DT19H51M49.5S"),
            ("PT0.75M", "PT45S"),
            ("P2.5W", "P17DT12H"),
            ("P12Y5M14DT16H12M70S", "P12Y5M14DT16H13M10S"),
            ("P2012-02-02T14:37:21.545", "P2012Y2M2DT14H37M21.545S"),
            ("PT-1M-0.001S", "PT-1M-0.001S"),
        ] {
            assert_eq!(show(parse_duration(s)), want, "{s}");
        }
        assert!(parse_duration("P").is_err());
        assert!(parse_duration("PT1Y").is_err());
    }
}
