//! Building temporal values from components (`date({year: 1984, week: 10})`), selecting
//! and overriding the parts of other temporals (`datetime({date: d, time: t, day: 28,
//! timezone: 'Pacific/Honolulu'})`), and truncation (`date.truncate('month', d, {day:
//! 2})`). The rules, from the TCK: a date is given by exactly one of calendar, week,
//! ordinal or quarter components, missing ones default to the base temporal's or to the
//! first; a time zone given next to a zoned time source converts the instant, next to an
//! unzoned one it is attached; truncation keeps the wall clock and attaches the zone.

use super::zone::{self, UTC, Zone};
use super::{Date, DateTime, LocalDateTime, LocalTime, NANOS_PER_SEC, Time, invalid};
use crate::error::Error;

/// A temporal value used as the source of components.
#[derive(Clone, Debug)]
pub enum Source {
    Date(Date),
    LocalTime(LocalTime),
    Time(Time),
    LocalDateTime(LocalDateTime),
    DateTime(DateTime),
}

impl Source {
    pub fn date(&self) -> Option<Date> {
        match self {
            Source::Date(d) => Some(*d),
            Source::LocalDateTime(l) => Some(l.date),
            Source::DateTime(z) => Some(z.local.date),
            Source::LocalTime(_) | Source::Time(_) => None,
        }
    }
    pub fn local_time(&self) -> Option<LocalTime> {
        match self {
            Source::LocalTime(t) => Some(*t),
            Source::Time(t) => Some(t.local),
            Source::LocalDateTime(l) => Some(l.time),
            Source::DateTime(z) => Some(z.local.time),
            Source::Date(_) => None,
        }
    }
    pub fn offset(&self) -> Option<i32> {
        match self {
            Source::Time(t) => Some(t.offset),
            Source::DateTime(z) => Some(z.offset),
            _ => None,
        }
    }
    pub fn zone(&self) -> Option<Zone> {
        match self {
            Source::Time(t) => Some(Zone::Offset(t.offset)),
            Source::DateTime(z) => Some(z.zone()),
            _ => None,
        }
    }
}

/// The components of a constructor or truncation map.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub week: Option<i64>,
    pub day_of_week: Option<i64>,
    pub ordinal_day: Option<i64>,
    pub quarter: Option<i64>,
    pub day_of_quarter: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
    pub second: Option<i64>,
    pub millisecond: Option<i64>,
    pub microsecond: Option<i64>,
    pub nanosecond: Option<i64>,
    pub timezone: Option<Zone>,
    pub date: Option<Source>,
    pub time: Option<Source>,
    pub datetime: Option<Source>,
}

impl Fields {
    fn date_source(&self) -> Option<&Source> {
        self.date.as_ref().or(self.datetime.as_ref())
    }
    fn time_source(&self) -> Option<&Source> {
        self.time.as_ref().or(self.datetime.as_ref())
    }
    fn has_date_fields(&self) -> bool {
        [
            self.year,
            self.month,
            self.day,
            self.week,
            self.day_of_week,
            self.ordinal_day,
            self.quarter,
            self.day_of_quarter,
        ]
        .iter()
        .any(Option::is_some)
    }
    fn has_time_fields(&self) -> bool {
        [self.hour, self.minute, self.second, self.millisecond, self.microsecond, self.nanosecond]
            .iter()
            .any(Option::is_some)
    }
}

fn required<T>(v: Option<T>, what: &str) -> Result<T, Error> {
    v.ok_or_else(|| invalid(format!("{what} must be specified")))
}

/// The date of `f`, over `base` when `f` names no date source.
fn build_date(f: &Fields, base: Option<Date>) -> Result<Date, Error> {
    let base = match f.date_source() {
        Some(s) => Some(s.date().ok_or_else(|| invalid("the date source has no date"))?),
        None => base,
    };
    if f.week.is_some() || f.day_of_week.is_some() {
        let (wy, w) = base.map(Date::iso_week).unzip();
        let week_year = required(f.year.or(wy), "year")?;
        Date::from_week(week_year, f.week.or(w).unwrap_or(1), f.day_of_week.or(base.map(Date::weekday)).unwrap_or(1))
    } else if let Some(ordinal) = f.ordinal_day {
        Date::from_ordinal(required(f.year.or(base.map(Date::year)), "year")?, ordinal)
    } else if f.quarter.is_some() || f.day_of_quarter.is_some() {
        Date::from_quarter(
            required(f.year.or(base.map(Date::year)), "year")?,
            f.quarter.or(base.map(Date::quarter)).unwrap_or(1),
            f.day_of_quarter.or(base.map(Date::day_of_quarter)).unwrap_or(1),
        )
    } else {
        let (y, m, d) = base.map(Date::ymd).map_or((None, None, None), |(y, m, d)| (Some(y), Some(m), Some(d)));
        let year = required(f.year.or(y), "year")?;
        if f.day.is_some() && f.month.is_none() && m.is_none() {
            return Err(invalid("day cannot be specified without month"));
        }
        Date::from_ymd(year, f.month.or(m).unwrap_or(1), f.day.or(d).unwrap_or(1))
    }
}

/// The time of day of `f`, over `base` when `f` names no time source.
fn build_time(f: &Fields, base: Option<LocalTime>) -> Result<LocalTime, Error> {
    let base = match f.time_source() {
        Some(s) => Some(s.local_time().unwrap_or(LocalTime::MIDNIGHT)),
        None => base,
    };
    if base.is_none() && f.hour.is_none() && (f.minute.is_some() || f.second.is_some()) {
        return Err(invalid("hour must be specified"));
    }
    let sub = [f.millisecond, f.microsecond, f.nanosecond];
    let small = sub.iter().all(|v| v.is_none_or(|x| (0..=999).contains(&x)));
    let nanos = if let (Some(b), true, true) = (base, small, sub.iter().any(Option::is_some)) {
        // Over a base, each field replaces its own three digits: truncating to the
        // millisecond and setting `nanosecond: 2` gives `.645000002`.
        let n = b.nanosecond();
        f.millisecond.unwrap_or(n / 1_000_000) * 1_000_000
            + f.microsecond.unwrap_or(n / 1000 % 1000) * 1000
            + f.nanosecond.unwrap_or(n % 1000)
    } else if sub.iter().any(Option::is_some) {
        let limit = |v: Option<i64>, what: &str, max: i64| -> Result<i64, Error> {
            match v {
                Some(x) if !(0..=max).contains(&x) => Err(invalid(format!("{what} must be in 0..{max}, got {x}"))),
                Some(x) => Ok(x),
                None => Ok(0),
            }
        };
        let only_nanos = f.millisecond.is_none() && f.microsecond.is_none();
        let ms = limit(f.millisecond, "millisecond", 999)?;
        let us = limit(f.microsecond, "microsecond", if f.millisecond.is_none() { 999_999 } else { 999 })?;
        let ns = limit(f.nanosecond, "nanosecond", if only_nanos { NANOS_PER_SEC - 1 } else { 999 })?;
        ms * 1_000_000 + us * 1000 + ns
    } else {
        base.map_or(0, LocalTime::nanosecond)
    };
    LocalTime::from_hms_nano(
        f.hour.or(base.map(LocalTime::hour)).unwrap_or(0),
        f.minute.or(base.map(LocalTime::minute)).unwrap_or(0),
        f.second.or(base.map(LocalTime::second)).unwrap_or(0),
        nanos,
    )
}

/// A zone's offset for a value without a date: its offset now.
fn offset_now(z: &Zone) -> Result<i32, Error> {
    match z {
        Zone::Offset(o) => Ok(*o),
        Zone::Named(name) => {
            let secs = super::now_nanos().div_euclid(i128::from(NANOS_PER_SEC));
            zone::offset_for_instant(name, i64::try_from(secs).unwrap_or(0))
        }
    }
}

fn no_zone(f: &Fields, what: &str) -> Result<(), Error> {
    if f.timezone.is_some() { Err(invalid(format!("{what} cannot have a time zone"))) } else { Ok(()) }
}

pub fn make_date(f: &Fields) -> Result<Date, Error> {
    no_zone(f, "a date")?;
    if f.has_time_fields() {
        return Err(invalid("a date cannot have time components"));
    }
    build_date(f, None)
}

pub fn make_local_time(f: &Fields) -> Result<LocalTime, Error> {
    no_zone(f, "a local time")?;
    if f.has_date_fields() {
        return Err(invalid("a time cannot have date components"));
    }
    if f.time_source().is_none() && f.hour.is_none() {
        return Err(invalid("hour must be specified"));
    }
    build_time(f, None)
}

pub fn make_time(f: &Fields) -> Result<Time, Error> {
    if f.has_date_fields() {
        return Err(invalid("a time cannot have date components"));
    }
    if f.time_source().is_none() && f.hour.is_none() {
        return Err(invalid("hour must be specified"));
    }
    let local = build_time(f, None)?;
    let source = f.time_source().and_then(Source::offset);
    Ok(match (&f.timezone, source) {
        (Some(z), Some(o)) => Time { local, offset: o }.with_offset_same_instant(offset_now(z)?),
        (Some(z), None) => Time { local, offset: offset_now(z)? },
        (None, Some(o)) => Time { local, offset: o },
        (None, None) => Time { local, offset: 0 },
    })
}

pub fn make_local_datetime(f: &Fields) -> Result<LocalDateTime, Error> {
    no_zone(f, "a local date-time")?;
    Ok(LocalDateTime { date: build_date(f, None)?, time: build_time(f, None)? })
}

pub fn make_datetime(f: &Fields) -> Result<DateTime, Error> {
    let local = LocalDateTime { date: build_date(f, None)?, time: build_time(f, None)? };
    match (&f.timezone, f.time_source().and_then(Source::zone)) {
        (Some(z), Some(src)) => DateTime::from_instant(DateTime::from_local(local, &src)?.instant(), z),
        (Some(z), None) => DateTime::from_local(local, z),
        (None, Some(src)) => DateTime::from_local(local, &src),
        (None, None) => DateTime::from_local(local, &UTC),
    }
}

// ---------------------------------------------------------------------------------------
// Truncation.

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TruncUnit {
    Millennium,
    Century,
    Decade,
    Year,
    WeekYear,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
    Microsecond,
}

impl TruncUnit {
    pub fn parse(s: &str) -> Result<TruncUnit, Error> {
        Ok(match s {
            "millennium" => TruncUnit::Millennium,
            "century" => TruncUnit::Century,
            "decade" => TruncUnit::Decade,
            "year" => TruncUnit::Year,
            "weekYear" => TruncUnit::WeekYear,
            "quarter" => TruncUnit::Quarter,
            "month" => TruncUnit::Month,
            "week" => TruncUnit::Week,
            "day" => TruncUnit::Day,
            "hour" => TruncUnit::Hour,
            "minute" => TruncUnit::Minute,
            "second" => TruncUnit::Second,
            "millisecond" => TruncUnit::Millisecond,
            "microsecond" => TruncUnit::Microsecond,
            _ => return Err(invalid(format!("unknown truncation unit `{s}`"))),
        })
    }

    fn is_date_unit(self) -> bool {
        self <= TruncUnit::Day
    }
}

fn truncate_date(d: Date, unit: TruncUnit) -> Result<Date, Error> {
    let y = d.year();
    match unit {
        TruncUnit::Millennium => Date::from_ymd(y - y.rem_euclid(1000), 1, 1),
        TruncUnit::Century => Date::from_ymd(y - y.rem_euclid(100), 1, 1),
        TruncUnit::Decade => Date::from_ymd(y - y.rem_euclid(10), 1, 1),
        TruncUnit::Year => Date::from_ymd(y, 1, 1),
        TruncUnit::WeekYear => Date::from_week(d.iso_week().0, 1, 1),
        TruncUnit::Quarter => Date::from_quarter(y, d.quarter(), 1),
        TruncUnit::Month => Date::from_ymd(y, d.month(), 1),
        TruncUnit::Week => d.plus_days(1 - d.weekday()),
        _ => Ok(d),
    }
}

fn truncate_time(t: LocalTime, unit: TruncUnit) -> Result<LocalTime, Error> {
    let n = t.nanosecond();
    let (h, m, s) = (t.hour(), t.minute(), t.second());
    match unit {
        TruncUnit::Hour => LocalTime::from_hms_nano(h, 0, 0, 0),
        TruncUnit::Minute => LocalTime::from_hms_nano(h, m, 0, 0),
        TruncUnit::Second => LocalTime::from_hms_nano(h, m, s, 0),
        TruncUnit::Millisecond => LocalTime::from_hms_nano(h, m, s, n - n % 1_000_000),
        TruncUnit::Microsecond => LocalTime::from_hms_nano(h, m, s, n - n % 1000),
        _ => Ok(LocalTime::MIDNIGHT),
    }
}

/// Which type `<type>.truncate` produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
}

/// `<target>.truncate(unit, source, fields)`: the truncated value, then `fields`
/// override components and `timezone` replaces the zone (wall clock kept).
pub fn truncate(target: Target, unit: TruncUnit, source: &Source, f: &Fields) -> Result<Source, Error> {
    if f.date.is_some() || f.time.is_some() || f.datetime.is_some() {
        return Err(invalid("truncation fields cannot name other temporals"));
    }
    let needs_date = matches!(target, Target::Date | Target::LocalDateTime | Target::DateTime);
    if matches!(target, Target::Date) && !unit.is_date_unit() {
        return Err(invalid(format!("a date cannot be truncated to {unit:?}")));
    }
    if matches!(target, Target::LocalTime | Target::Time) && unit.is_date_unit() && unit != TruncUnit::Day {
        return Err(invalid(format!("a time cannot be truncated to {unit:?}")));
    }
    let date = match (needs_date, source.date()) {
        (true, Some(d)) => Some(build_date(f, Some(truncate_date(d, unit)?))?),
        (true, None) => return Err(invalid("cannot truncate a value without a date to a date")),
        (false, _) => None,
    };
    let time = if matches!(target, Target::Date) {
        None
    } else {
        let t = source.local_time().unwrap_or(LocalTime::MIDNIGHT);
        let t = if unit.is_date_unit() { LocalTime::MIDNIGHT } else { truncate_time(t, unit)? };
        Some(build_time(f, Some(t))?)
    };
    let zone = f.timezone.clone().or_else(|| source.zone()).unwrap_or(UTC);
    let (d, t) = (date.unwrap_or(Date::from_ymd(1970, 1, 1)?), time.unwrap_or(LocalTime::MIDNIGHT));
    Ok(match target {
        Target::Date => {
            no_zone(f, "a date")?;
            Source::Date(d)
        }
        Target::LocalTime => {
            no_zone(f, "a local time")?;
            Source::LocalTime(t)
        }
        Target::Time => Source::Time(Time { local: t, offset: offset_now(&zone)? }),
        Target::LocalDateTime => {
            no_zone(f, "a local date-time")?;
            Source::LocalDateTime(LocalDateTime { date: d, time: t })
        }
        Target::DateTime => Source::DateTime(DateTime::from_local(LocalDateTime { date: d, time: t }, &zone)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::parse::{parse_date, parse_datetime};

    #[test]
    fn week_fields_keep_the_base_weekday() {
        let base = parse_date("1816-12-31").map(Source::Date).ok();
        let f = Fields { date: base, week: Some(2), ..Default::default() };
        assert_eq!(make_date(&f).map(|d| d.to_string()).ok().as_deref(), Some("1817-01-07"));
        let f = Fields { year: Some(1984), quarter: Some(3), day_of_quarter: Some(45), ..Default::default() };
        assert_eq!(make_date(&f).map(|d| d.to_string()).ok().as_deref(), Some("1984-08-14"));
    }

    #[test]
    fn zones_convert_or_attach() {
        let other = parse_datetime("1984-10-11T12:00+01:00[Europe/Stockholm]").map(Source::DateTime).ok();
        let f = Fields {
            datetime: other,
            day: Some(28),
            second: Some(42),
            timezone: Some(Zone::Named("Pacific/Honolulu".into())),
            ..Default::default()
        };
        assert_eq!(
            make_datetime(&f).map(|d| d.to_string()).ok().as_deref(),
            Some("1984-10-28T01:00:42-10:00[Pacific/Honolulu]")
        );
    }

    #[test]
    fn truncation_keeps_the_wall_clock() {
        let src = parse_datetime("1984-01-01T12:31:14.645876123+01:00").map(Source::DateTime);
        let src = src.unwrap_or_else(|_| unreachable!());
        let f = Fields { day: Some(5), ..Default::default() };
        let r = truncate(Target::Date, TruncUnit::WeekYear, &src, &f);
        assert!(matches!(r, Ok(Source::Date(d)) if d.to_string() == "1983-01-05"));
    }
}
