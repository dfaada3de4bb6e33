//! How long `trunkrot history` takes over a large log: 100,000 records read from their JSON
//! lines and summed up into the report, and the CSV export of them.

use std::fmt::Write as _;

use jiff::civil::date;
use trunkrot::history::{self, export, report};

const RECORDS: usize = 100_000;

fn main() {
    divan::main();
}

/// A history file of `RECORDS` sessions, three a day at different offsets, with check-ins.
fn file() -> Vec<u8> {
    let mut text = String::with_capacity(RECORDS * 330);
    for n in 0..RECORDS {
        let day = n / 3;
        let (year, day_of_year) = (2000 + day / 365, day % 365);
        let start = date(i16::try_from(year).unwrap_or(2099), 1, 1)
            .checked_add(jiff::Span::new().days(i64::try_from(day_of_year).unwrap_or(0)))
            .unwrap_or(date(2000, 1, 1));
        let offset = ["+01:00", "-05:00", "+09:30"][n % 3];
        let _ = writeln!(
            text,
            r#"{{"v":1,"start":"{start}T0{}:30:00{offset}","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":{},"reps":10,"sets":1,"hold_secs":5,"sides":[{{"side":"left","done":10,"planned":10}},{{"side":"right","done":9,"planned":10}}],"total_secs":200,"active_secs":190,"pain":{},"effort":"right"}}"#,
            n % 3 + 6,
            n % 7 != 0,
            n % 11
        );
    }
    text.into_bytes()
}

#[divan::bench(sample_count = 20)]
fn read_and_report(bencher: divan::Bencher) {
    let bytes = file();
    bencher.bench_local(|| {
        let history = history::read(divan::black_box(&bytes));
        assert_eq!(history.records.len(), RECORDS);
        report::text(&history.records, date(2091, 5, 1))
    });
}

#[divan::bench(sample_count = 20)]
fn csv_export(bencher: divan::Bencher) {
    let records = history::read(&file()).records;
    bencher.bench_local(|| export::csv(divan::black_box(&records)));
}
