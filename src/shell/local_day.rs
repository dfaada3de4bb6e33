//! Today's date where the user is, found quickly for the prompt line: the local zone read straight
//! from the one zone file that `TZ` or `/etc/localtime` names, as the C library does.
//!
//! jiff's `TimeZone::system()` finds the same zone through its time zone database, whose first
//! use walks every file under the zoneinfo directory to learn the zones' names (about a
//! millisecond, most of the prompt's own cost), and jiff offers no way to ask for the system zone
//! without that database. The prompt needs only the offset, not the zone's name.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// Today's date in the local zone; through jiff's database only when the quick way cannot tell.
pub fn today() -> Date {
    let zone_dir = std::env::var_os("TZDIR").map_or_else(|| PathBuf::from("/usr/share/zoneinfo"), PathBuf::from);
    let zone = local_zone(std::env::var_os("TZ").as_deref(), &zone_dir).unwrap_or_else(TimeZone::system);
    zone.to_datetime(Timestamp::now()).date()
}

/// The zone that `tz` (the value of `TZ`, if set) names, its zone names looked up in `zone_dir`:
/// unset, `/etc/localtime`; empty, UTC; `:`, an optional prefix; an absolute path, that file;
/// else a zone's name (`Europe/Paris`), or failing that a POSIX rule (`CET-1CEST,M3.5.0,M10.5.0/3`).
/// `None` when none of these reads, to leave it to jiff.
fn local_zone(tz: Option<&OsStr>, zone_dir: &Path) -> Option<TimeZone> {
    let read = |path: &Path| std::fs::read(path).ok().and_then(|bytes| TimeZone::tzif("local", &bytes).ok());
    let Some(tz) = tz else { return read(Path::new("/etc/localtime")) };
    // An empty `TZ` is UTC, for the C library and for jiff alike.
    if tz.is_empty() {
        return Some(TimeZone::UTC);
    }
    let tz = tz.to_str()?;
    let name = tz.strip_prefix(':').unwrap_or(tz);
    if name.starts_with('/') {
        return read(Path::new(name));
    }
    // A name that climbs out of the zone directory is no zone's name.
    if name.is_empty() || Path::new(name).components().any(|part| !matches!(part, std::path::Component::Normal(_))) {
        return None;
    }
    read(&zone_dir.join(name)).or_else(|| TimeZone::posix(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONES: &str = "/usr/share/zoneinfo";

    /// The offsets of `zone` over a year (each month's first day, noon UTC), to compare zones.
    fn offsets(zone: &TimeZone) -> Vec<i32> {
        (1..=12)
            .map(|month| {
                let at = jiff::civil::date(2026, month, 1)
                    .at(12, 0, 0, 0)
                    .to_zoned_datetime(TimeZone::UTC)
                    .expect("a day in 2026");
                zone.to_offset(at.timestamp()).seconds()
            })
            .collect()
    }

    fn zone(tz: &str) -> Option<TimeZone> {
        local_zone(Some(OsStr::new(tz)), Path::new(ZONES))
    }

    #[test]
    fn a_zone_name_with_or_without_a_colon_or_as_a_path_is_read_as_jiff_reads_it() {
        if !Path::new(ZONES).join("Europe/Paris").exists() {
            return; // no zone files on this machine: nothing to compare with
        }
        let paris = offsets(&TimeZone::get("Europe/Paris").expect("jiff knows Paris"));
        assert_eq!(paris.iter().min(), Some(&3600), "winter in Paris");
        assert_eq!(paris.iter().max(), Some(&7200), "summer in Paris");
        for tz in
            ["Europe/Paris", ":Europe/Paris", "/usr/share/zoneinfo/Europe/Paris", ":/usr/share/zoneinfo/Europe/Paris"]
        {
            assert_eq!(zone(tz).map(|z| offsets(&z)), Some(paris.clone()), "TZ={tz}");
        }
    }

    #[test]
    fn a_posix_rule_is_read_when_no_zone_file_has_its_name() {
        let rule = "NZST-12NZDT,M9.5.0,M4.1.0/3";
        let year = zone(rule).map(|z| offsets(&z)).expect("a POSIX rule");
        assert_eq!(year.iter().min(), Some(&(12 * 3600)), "New Zealand's winter");
        assert_eq!(year.iter().max(), Some(&(13 * 3600)), "New Zealand's summer");
        assert_eq!(zone("EST5").map(|z| offsets(&z)), Some(vec![-5 * 3600; 12]));
    }

    #[test]
    fn empty_is_utc_and_what_cannot_be_a_zone_is_left_to_jiff() {
        assert_eq!(zone("").map(|z| offsets(&z)), Some(vec![0; 12]));
        assert!(zone("../../etc/passwd").is_none());
        assert!(zone("Europe/../../../etc/hostname").is_none());
        assert!(zone(":").is_none());
        assert!(zone("/nowhere/at/all").is_none());
        assert!(zone("Not a zone").is_none(), "neither a file nor a POSIX rule");
    }

    #[test]
    fn unset_reads_etc_localtime_as_jiff_finds_the_system_zone() {
        if std::env::var_os("TZ").is_some() || !Path::new("/etc/localtime").exists() {
            return; // jiff would follow `TZ`: nothing to compare with
        }
        let ours = local_zone(None, Path::new(ZONES)).expect("/etc/localtime reads");
        assert_eq!(offsets(&ours), offsets(&TimeZone::system()));
    }

    #[test]
    fn today_is_the_day_jiff_says_it_is() {
        // Read between two of jiff's readings, so that a midnight between them cannot fail it.
        let before = jiff::ZonedDateTime::now().date();
        let ours = today();
        let after = jiff::ZonedDateTime::now().date();
        assert!(ours == before || ours == after, "{ours} not {before} or {after}");
    }
}
