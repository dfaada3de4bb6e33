//! How long `trunkrot today --prompt` takes, as a shell runs it before each prompt: the real
//! binary, started and ended, with the shipped example programme in effect and a history of
//! 1,000 to 1,000,000 sessions (three a day, the last ones today's, each of an item). The prompt
//! reads the programme's copy and the end of the history only, so the time should not grow with
//! the file.
//!
//! Run with `cargo bench --bench today`. It prints figures and asserts nothing.

#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::fs;
use std::sync::OnceLock;

use jiff::civil::Date;
use support::home::{Home, process};

fn main() {
    divan::main();
    // The homes live in a static, which is never dropped: their files (436 MB for the largest
    // history) are removed here.
    for (_, home) in homes() {
        let _ = fs::remove_dir_all(&**home);
    }
}

/// A home with the example installed and a history of `sessions` sessions ending today.
fn home(sessions: usize) -> Home {
    let home = Home::new();
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/exercises/programmes/low-back-6-weeks.toml");
    let installed = process(&home).args(["programme", "install", example]).output().expect("trunkrot runs");
    assert!(installed.status.success(), "{installed:?}");
    // The install wrote its event; the sessions go before it, and today's after.
    let event = fs::read_to_string(home.history()).expect("the install's event");
    let today = jiff::ZonedDateTime::now().with_time_zone(jiff::tz::TimeZone::UTC).date();
    let items = ["lower-trunk-rotation", "pelvic-tilt", "lower-trunk-rotation"];
    let mut text = String::with_capacity(sessions * 420 + event.len());
    for n in 0..sessions {
        let days_back = i64::try_from((sessions - 1 - n) / 3).unwrap_or(0);
        let day = today.checked_sub(jiff::Span::new().days(days_back)).unwrap_or(Date::MIN);
        if n + 3 == sessions {
            text.push_str(&event);
        }
        let (hour, item) = (n % 3 * 5 + 7, items[n % 3]);
        let _ = writeln!(
            text,
            r#"{{"v":3,"session":{{"id":"{n}-4242","start":"{day}T{hour:02}:30:00+00:00","end":"reached","elapsed_secs":200,"active_secs":190,"exercises":[{{"id":"{item}","name":"An exercise","reps":10,"sets":1,"hold_secs":5,"sides":[{{"side":"left","done":10,"planned":10}},{{"side":"right","done":10,"planned":10}}],"active_secs":190,"completed":true}}],"checkin":{{"pain":2,"effort":"about right"}},"item":{{"id":"{item}","holds":20}}}}}}"#
        );
    }
    fs::write(home.history(), text).expect("the history written");
    home
}

fn homes() -> &'static [(usize, Home)] {
    static HOMES: OnceLock<Vec<(usize, Home)>> = OnceLock::new();
    HOMES.get_or_init(|| [1_000, 100_000, 1_000_000].into_iter().map(|n| (n, home(n))).collect())
}

#[divan::bench(args = [1_000, 100_000, 1_000_000], sample_count = 50)]
fn prompt(bencher: divan::Bencher, sessions: usize) {
    let home = &homes().iter().find(|(n, _)| *n == sessions).expect("made above").1;
    let line = process(home).args(["today", "--prompt"]).output().expect("trunkrot runs");
    // Today's three sessions did both rotations and the tilt: the knee is left.
    assert_eq!(String::from_utf8_lossy(&line.stdout), "knee 0/1\n", "{sessions} sessions");
    bencher.bench_local(|| process(home).args(["today", "--prompt"]).output().expect("trunkrot runs"));
}

#[divan::bench(sample_count = 50)]
fn version_for_comparison(bencher: divan::Bencher) {
    let home = Home::new();
    bencher.bench_local(|| process(&home).arg("--version").output().expect("trunkrot runs"));
}
