//! How long `trunkrot report` takes over a large history: the history read once, a line at a
//! time, the sessions of the period kept, every figure worked out and the page written; for
//! 100,000 and 1,000,000 sessions in the format written now (three a day, so 1,000,000 span
//! about 900 years), with the period the default twelve weeks, and a whole year (the longest
//! page), at the history's end.
//!
//! Run with `cargo bench --bench report`. Peak memory is measured on the release binary (README,
//! Performance).

#[path = "support/history_file.rs"]
mod history_file;

use history_file::file;
use jiff::ToSpan;
use jiff::civil::{Date, date};
use trunkrot::history::review::page;
use trunkrot::history::review::sessions;
use trunkrot::history::review::{Facts, Period, Review};

fn main() {
    divan::main();
}

/// The day of the last record of [`file`]`(records, _)`: three a day, 365 days a year from 2000.
fn last_day(records: usize) -> Date {
    let day = (records - 1) / 3;
    let year = i16::try_from(2000 + day / 365).unwrap_or(2000);
    date(year, 1, 1).checked_add(i64::try_from(day % 365).unwrap_or(0).days()).unwrap_or(date(2000, 1, 1))
}

/// The report's page for the `days` up to the history's last day, as the command makes it.
fn report_of(bytes: &[u8], until: Date, days: i64) -> String {
    let since = until.checked_sub((days - 1).days()).unwrap_or(until);
    let found = sessions::between(bytes, since, until, |_| {}).unwrap_or_default().sessions;
    let period = Period::new(since, until).unwrap_or_else(|_| Period::new(until, until).expect("one day"));
    let facts = Facts::new(period, None, found);
    page::html(&facts, &Review::of(&facts), until, None)
}

#[divan::bench(args = [100_000, 1_000_000], sample_count = 5)]
fn twelve_weeks(bencher: divan::Bencher, records: usize) {
    let bytes = file(records, 1, false);
    let until = last_day(records);
    bencher
        .counter(divan::counter::ItemsCount::new(records))
        .bench_local(|| report_of(divan::black_box(&bytes), until, 84));
}

#[divan::bench(args = [1_000_000], sample_count = 5)]
fn a_year(bencher: divan::Bencher, records: usize) {
    let bytes = file(records, 1, false);
    let until = last_day(records);
    bencher.bench_local(|| report_of(divan::black_box(&bytes), until, 365));
}
