//! How long `trunkrot history` takes over a large log, and that it grows in step with it: the
//! report read in one pass from the JSON lines, for 10,000 to 1,000,000 sessions of one
//! exercise (in the format written now, and 100,000 in the first format), and for 100,000
//! sessions spread over 1 to 100,000 exercise ids; and the CSV export.

use std::fmt::Write as _;

use jiff::civil::date;
use trunkrot::history::stats::Tally;
use trunkrot::history::{self, export, report};

fn main() {
    divan::main();
}

/// A history file of `records` sessions over `ids` exercises, three a day at different
/// offsets, with check-ins: in the format written now (3), or in the first one (one line per
/// exercise, which a session of one exercise is).
fn file(records: usize, ids: usize, first_format: bool) -> Vec<u8> {
    let mut text = String::with_capacity(records * 400);
    for n in 0..records {
        let day = n / 3;
        let (year, day_of_year) = (2000 + day / 365, day % 365);
        let start = date(i16::try_from(year).unwrap_or(2099), 1, 1)
            .checked_add(jiff::Span::new().days(i64::try_from(day_of_year).unwrap_or(0)))
            .unwrap_or(date(2000, 1, 1));
        let offset = ["+01:00", "-05:00", "+09:30"][n % 3];
        let hour = n % 3 + 6;
        let (id, completed, pain) = (n % ids, n % 7 != 0, n % 11);
        let sides = r#"[{"side":"left","done":10,"planned":10},{"side":"right","done":9,"planned":10}]"#;
        if first_format {
            let _ = writeln!(
                text,
                r#"{{"v":1,"start":"{start}T0{hour}:30:00{offset}","exercise":"exercise-{id}","name":"Lower trunk rotation","completed":{completed},"reps":10,"sets":1,"hold_secs":5,"sides":{sides},"total_secs":200,"active_secs":190,"pain":{pain},"effort":"right"}}"#
            );
        } else {
            let end = if completed { "reached" } else { "stopped" };
            let _ = writeln!(
                text,
                r#"{{"v":3,"session":{{"id":"{n}-4242","start":"{start}T0{hour}:30:00{offset}","end":"{end}","elapsed_secs":200,"active_secs":190,"exercises":[{{"id":"exercise-{id}","name":"Lower trunk rotation","reps":10,"sets":1,"hold_secs":5,"sides":{sides},"active_secs":190,"completed":{completed}}}],"checkin":{{"pain":{pain},"effort":"about right"}}}}}}"#
            );
        }
    }
    text.into_bytes()
}

/// The whole `history` report, read a line at a time as the command reads the file.
fn report_of(bytes: &[u8]) -> String {
    let mut tally = Tally::new(date(2091, 5, 1));
    let _ = history::read_lines(
        bytes,
        |record| {
            tally.add(record);
            true
        },
        |_| {},
    );
    report::of(&tally)
}

#[divan::bench(args = [10_000, 100_000, 1_000_000], sample_count = 5)]
fn report_by_records(bencher: divan::Bencher, records: usize) {
    let bytes = file(records, 1, false);
    bencher.counter(divan::counter::ItemsCount::new(records)).bench_local(|| report_of(divan::black_box(&bytes)));
}

#[divan::bench(args = [1, 1_000, 100_000], sample_count = 5)]
fn report_by_exercise_ids(bencher: divan::Bencher, ids: usize) {
    let bytes = file(100_000, ids, false);
    bencher.bench_local(|| report_of(divan::black_box(&bytes)));
}

#[divan::bench(sample_count = 5)]
fn report_of_the_first_format(bencher: divan::Bencher) {
    let bytes = file(100_000, 1, true);
    bencher.counter(divan::counter::ItemsCount::new(100_000_usize)).bench_local(|| report_of(divan::black_box(&bytes)));
}

#[divan::bench(sample_count = 20)]
fn csv_export(bencher: divan::Bencher) {
    let records = history::read(&file(100_000, 1, false)).records;
    bencher.bench_local(|| export::csv(divan::black_box(&records)));
}
