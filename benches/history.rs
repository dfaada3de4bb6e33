//! How long `trunkrot history` takes over a large log, and that it grows in step with it: the
//! report read in one pass from the JSON lines, for 10,000 to 1,000,000 sessions of one
//! exercise (in the format written now, and 100,000 in the first format), and for 100,000
//! sessions spread over 1 to 100,000 exercise ids; and the CSV export.

#[path = "support/history_file.rs"]
mod history_file;

use history_file::file;
use jiff::civil::date;
use trunkrot::history::stats::Tally;
use trunkrot::history::{self, export, report};

fn main() {
    divan::main();
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
    report::of(&tally, 80, &report::RoutineNames::new())
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
