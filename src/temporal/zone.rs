//! Time zones: a fixed UTC offset or a named IANA zone. Zone rules (daylight saving,
//! historical local mean time) come from the IANA database that the `jiff` crate bundles
//! into the binary, so lookups never read system files or the network. Only this file
//! talks to `jiff`; it converts between our local date-times and jiff's at the edge.

use jiff::civil;
use jiff::tz::TimeZone;

use super::{LocalDateTime, invalid};
use crate::error::Error;

/// A zone as given by the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Zone {
    /// Seconds east of UTC.
    Offset(i32),
    /// Canonical IANA name, e.g. `Europe/Stockholm`.
    Named(String),
}

pub const UTC: Zone = Zone::Offset(0);

fn lookup(name: &str) -> Result<TimeZone, Error> {
    TimeZone::get(name).map_err(|_| invalid(format!("unknown time zone `{name}`")))
}

/// A named zone as it should be printed (the database's spelling), checking it exists.
pub(crate) fn canonical(name: &str) -> Result<String, Error> {
    let tz = lookup(name)?;
    Ok(tz.iana_name().unwrap_or(name).to_string())
}

fn to_civil(local: LocalDateTime) -> Result<civil::DateTime, Error> {
    let (y, m, d) = local.date.ymd();
    let t = local.time;
    let out_of_range = || invalid(format!("{local} is outside the range of the time-zone database"));
    let y = i16::try_from(y).map_err(|_| out_of_range())?;
    civil::DateTime::new(y, m as i8, d as i8, t.hour() as i8, t.minute() as i8, t.second() as i8, t.nanosecond() as i32)
        .map_err(|_| out_of_range())
}

/// The offset (seconds) of a named zone at a local date-time; a time in a DST gap takes
/// the offset after the gap, an ambiguous one the earlier offset (Java's and jiff's
/// "compatible" rule).
pub(crate) fn offset_for_local(name: &str, local: LocalDateTime) -> Result<i32, Error> {
    let tz = lookup(name)?;
    let ts = tz
        .to_ambiguous_timestamp(to_civil(local)?)
        .compatible()
        .map_err(|_| invalid(format!("{local} cannot be placed in time zone {name}")))?;
    Ok(tz.to_offset(ts).seconds())
}

/// The offset (seconds) of a named zone at an instant (seconds since the epoch).
pub(crate) fn offset_for_instant(name: &str, epoch_seconds: i64) -> Result<i32, Error> {
    let tz = lookup(name)?;
    let ts = jiff::Timestamp::from_second(epoch_seconds)
        .map_err(|_| invalid("instant outside the range of the time-zone database"))?;
    Ok(tz.to_offset(ts).seconds())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::temporal::{Date, LocalTime};

    #[test]
    fn stockholm_has_summer_time_and_local_mean_time() {
        let at = |y, m, d| LocalDateTime {
            date: Date::from_ymd(y, m, d).unwrap_or_else(|_| unreachable!()),
            time: LocalTime::MIDNIGHT,
        };
        assert_eq!(offset_for_local("Europe/Stockholm", at(1984, 10, 11)).ok(), Some(3600));
        assert_eq!(offset_for_local("Europe/Stockholm", at(1984, 7, 20)).ok(), Some(7200));
        assert_eq!(offset_for_local("Europe/Stockholm", at(1818, 7, 21)).ok(), Some(3208));
        assert!(canonical("Nowhere/Special").is_err());
    }
}
