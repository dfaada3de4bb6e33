//! The history as a user meets it: a real session appends a record that `history` reads back as
//! text, JSON and CSV; damaged lines and unwritable places are reported, never fatal; writers
//! in several processes at once, some killed at any moment, leave only whole lines.

use std::path::Path;
use std::time::Duration;

use predicates::prelude::*;
use predicates::str::contains;
use proptest::prelude::*;
use trunkrot::history::{self, Record};

mod support;

use support::home::{Home, stdout, trunkrot};

const SHORT: [&str; 8] = ["--hold", "1", "--reps", "1", "--get-ready", "0", "--transition", "0"];

#[test]
fn a_plain_session_is_recorded_and_read_back_as_json_and_csv() {
    let home = Home::new();
    trunkrot(&home).args(SHORT).assert().success().stdout(contains("Lower trunk rotation: completed"));
    let file = home.history();
    let stored = std::fs::read_to_string(&file).unwrap();
    assert_eq!(stored.lines().count(), 1, "{stored}");
    assert!(stored.ends_with('\n'));

    let json = stdout(&trunkrot(&home).args(["history", "--json"]).assert().success());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let records = value.as_array().unwrap();
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["v"], 3);
    let session = &record["session"];
    assert_eq!(session["end"], "reached");
    let exercise = &session["exercises"][0];
    assert_eq!(exercise["id"], "lower-trunk-rotation");
    assert_eq!(exercise["completed"], true);
    assert_eq!((exercise["reps"].clone(), exercise["hold_secs"].clone()), (1.into(), 1.into()));
    assert_eq!(exercise["sides"][0], serde_json::json!({"side": "left", "done": 1, "planned": 1}));
    assert!(session.get("checkin").is_none(), "piped, plain mode never asks");
    assert!(session["start"].as_str().unwrap().ends_with("+00:00"), "{record}");

    let csv = stdout(&trunkrot(&home).args(["history", "--csv"]).assert().success());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert_eq!(lines[0], history::export::CSV_HEADER);
    let fields: Vec<&str> = lines[1].split(',').collect();
    assert_eq!(fields.len(), lines[0].split(',').count());
    assert_eq!(fields[0], session["id"].as_str().unwrap(), "the session column ties a session's rows");
    assert_eq!(
        &fields[2..16],
        ["lower-trunk-rotation", "Lower trunk rotation", "true", "1", "1", "1", "1", "1", "1", "1", "2", "2", "0", "2"]
    );
    assert_eq!(fields[17], "reached");

    trunkrot(&home).arg("history").assert().success().stdout(
        contains("1 session")
            .and(contains("Streak: 1 day now, longest 1 day"))
            .and(contains("Last 7 days: 1 session"))
            .and(contains("L1/1 R1/1")),
    );
}

#[test]
fn filters_keep_only_the_matching_sessions() {
    let home = Home::new();
    let file = home.history();
    let line = |start: &str, exercise: &str| {
        format!(
            r#"{{"v":1,"start":"{start}","exercise":"{exercise}","name":"X","completed":true,"reps":5,"hold_secs":3,"sides":[{{"done":5,"planned":5}}],"total_secs":30,"active_secs":30}}"#
        )
    };
    let lines = [
        line("2026-01-10T08:00:00+01:00", "a"),
        line("2026-02-10T08:00:00+01:00", "b"),
        line("2026-03-10T08:00:00+01:00", "a"),
    ];
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let csv = stdout(
        &trunkrot(&home).args(["history", "--csv", "--since", "2026-02-01", "--exercise", "a"]).assert().success(),
    );
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("2026-03-10T08:00:00+01:00"));
    trunkrot(&home).args(["history", "--since", "last tuesday"]).assert().code(2).stderr(contains("--since"));
    trunkrot(&home).args(["history", "--json", "--csv"]).assert().code(2);
    trunkrot(&home)
        .args(["history", "--exercise", "lower-trunk-rotatoin"])
        .assert()
        .success()
        .stdout(contains("No recorded session matches --exercise lower-trunk-rotatoin."));
}

#[test]
fn a_damaged_line_is_reported_and_skipped_and_new_records_follow_it() {
    let home = Home::new();
    let file = home.history();
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    // What a crash in the middle of a write could leave: a line cut short, with no newline.
    std::fs::write(&file, r#"{"v":1,"start":"2026-01-10T08:00:00+01:00","exerc"#).unwrap();
    trunkrot(&home).args(SHORT).assert().success();
    let assert = trunkrot(&home).args(["history", "--json"]).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.starts_with("history.jsonl:1: skipped: EOF while parsing"), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&assert)).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1, "the new record is whole, on its own line");
}

#[test]
fn an_unwritable_history_is_reported_with_its_path_and_the_summary_still_prints() {
    let home = Home::new();
    // A file where the data dir should be: nothing can be created under it, even by root.
    let blocked = home.join("not-a-dir");
    std::fs::write(&blocked, "").unwrap();
    trunkrot(&home)
        .env("XDG_DATA_HOME", &blocked)
        .args(SHORT)
        .assert()
        .code(1)
        .stdout(contains("Lower trunk rotation: completed").and(contains("Left: 1 of 1 rep\n")))
        .stderr(contains("not-a-dir/trunkrot/history.jsonl: cannot save this session to the history"));
}

#[test]
fn history_without_sessions_says_so() {
    let home = Home::new();
    trunkrot(&home).arg("history").assert().success().stdout(contains("No sessions recorded yet"));
    trunkrot(&home).args(["history", "--json"]).assert().success().stdout("[\n]\n");
}

/// Set for the child processes of the concurrency test: where to append, and how many times.
const WRITER_ENV: &str = "TRUNKROT_TEST_WRITER";
const WRITERS: usize = 4;
const APPENDS: usize = 150;

fn big_record(writer: usize) -> Record {
    sized_record(writer, 6000)
}

/// A record of writer `writer` whose name is `length` letters, so lines can span pages.
fn sized_record(writer: usize, length: usize) -> Record {
    let line = format!(
        r#"{{"v":1,"start":"2026-01-10T08:00:00+01:00","exercise":"w{writer}","name":"{}","completed":true,"reps":5,"hold_secs":3,"sides":[{{"done":5,"planned":5}}],"total_secs":30,"active_secs":30}}"#,
        "n".repeat(length)
    );
    match history::parse_entry(line.as_bytes()) {
        Ok(history::Entry::Exercise(record)) => record,
        other => panic!("not a record of the first format: {other:?}"),
    }
}

/// The id of a writer's record's one exercise.
fn exercise(record: &Record) -> &str {
    &record.exercises[0].id
}

/// Not a test on its own: the body of each writer process that the next tests start.
/// `TRUNKROT_TEST_WRITER` is `WRITER:PATH`, or `WRITER:APPENDS:NAME_LENGTH:PATH`.
#[test]
#[ignore = "run by concurrent_writers_leave_only_whole_lines in child processes"]
fn writer_process() {
    let Ok(spec) = std::env::var(WRITER_ENV) else { return };
    let fields: Vec<&str> = spec.splitn(4, ':').collect();
    let (writer, appends, length, path) = match fields.as_slice() {
        [writer, path] => (writer.parse().unwrap(), APPENDS, 6000, *path),
        [writer, appends, length, path] => {
            (writer.parse().unwrap(), appends.parse().unwrap(), length.parse().unwrap(), *path)
        }
        _ => panic!("bad {WRITER_ENV}: {spec}"),
    };
    let record = sized_record(writer, length);
    for _ in 0..appends {
        trunkrot::shell::journal::append(Path::new(path), std::slice::from_ref(&record)).unwrap();
    }
}

#[test]
fn concurrent_writers_leave_only_whole_lines() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("history.jsonl");
    let children: Vec<_> = (0..WRITERS)
        .map(|writer| {
            std::process::Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "writer_process", "--ignored", "--quiet"])
                .env(WRITER_ENV, format!("{writer}:{}", path.display()))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let history = trunkrot::shell::journal::load(&path).unwrap();
    let torn = history.skipped.len();
    assert_eq!(torn, 0, "every line whole, but {torn} were not, first: {:?}", history.skipped.first());
    assert_eq!(history.records.len(), WRITERS * APPENDS);
    for writer in 0..WRITERS {
        let id = format!("w{writer}");
        assert_eq!(history.records.iter().filter(|r| exercise(r) == id).count(), APPENDS);
    }
}

#[test]
fn help_shows_the_history_command_and_the_checkin_flag() {
    let home = Home::new();
    trunkrot(&home).arg("--help").assert().success().stdout(
        contains("history")
            .and(contains("--no-checkin"))
            .and(contains("0-9            type your pain (0 to 10: 1 then 0 is 10)")),
    );
}

#[test]
fn a_writer_killed_at_any_moment_leaves_whole_lines_that_later_records_follow() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("history.jsonl");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer_process", "--ignored", "--quiet"])
        .env(WRITER_ENV, format!("0:{}", path.display()))
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL) as soon as it has written something, most likely mid-loop.
    while std::fs::metadata(&path).map_or(0, |m| m.len()) == 0 {
        assert!(child.try_wait().unwrap().is_none(), "the writer ended before it wrote");
        std::thread::sleep(Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let before = trunkrot::shell::journal::load(&path).unwrap();
    assert!(before.skipped.len() <= 1, "at most the line being written: {:?}", before.skipped.first());
    trunkrot::shell::journal::append(&path, std::slice::from_ref(&big_record(9))).unwrap();
    let after = trunkrot::shell::journal::load(&path).unwrap();
    assert_eq!(after.records.len(), before.records.len() + 1);
    assert_eq!(exercise(after.records.last().unwrap()), "w9");
}

#[test]
fn show_suggests_the_next_step_when_the_history_supports_it() {
    let home = Home::new();
    let dir = home.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let line = |day: u32| {
        format!(
            r#"{{"v":1,"start":"2026-01-{day:02}T08:00:00+01:00","exercise":"lower-trunk-rotation","name":"Lower trunk rotation","completed":true,"reps":6,"hold_secs":5,"sides":[{{"side":"left","done":6,"planned":6}},{{"side":"right","done":6,"planned":6}}],"total_secs":140,"active_secs":140,"pain":3}}"#
        )
    };
    let history: String = (10..13).map(|day| line(day) + "\n").collect();
    std::fs::write(dir.join("history.jsonl"), history).unwrap();
    let shown = stdout(&trunkrot(&home).args(["show", "lower-trunk-rotation"]).assert().success());
    assert!(shown.contains("From your history\n  Next step: "), "{shown}");
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("trunkrot --reps 7"), "wrapped to at most 100 columns, but whole: {shown}");
    let other = stdout(&trunkrot(&home).args(["show", "cat-cow"]).assert().success());
    assert!(!other.contains("From your history"), "no history for this exercise: {other}");
}

/// One writer process of a schedule: how many records it appends, how long each one's name is,
/// and whether (and after how many microseconds) it is killed with SIGKILL.
#[derive(Debug, Clone)]
struct Writer {
    appends: usize,
    name_length: usize,
    kill_after_us: Option<u64>,
}

fn writer_strategy() -> impl Strategy<Value = Writer> {
    (1..60_usize, prop_oneof![Just(50_usize), 200..9000_usize], proptest::option::of(0..20_000_u64))
        .prop_map(|(appends, name_length, kill_after_us)| Writer { appends, name_length, kill_after_us })
}

proptest! {
    #![proptest_config(support::seeds::config(12))]

    /// Any mix of writers appending at once, some killed with SIGKILL at any moment: every record
    /// read back is one that was written, whole; the writers left alone have every record in the
    /// file; only a killed writer's last line can be damaged; and a later append reads back last.
    #[test]
    fn kills_and_concurrent_appends_leave_only_whole_records(writers in proptest::collection::vec(writer_strategy(), 2..5)) {
        let data = tempfile::tempdir().unwrap();
        let path = data.path().join("history.jsonl");
        let mut children: Vec<_> = writers
            .iter()
            .enumerate()
            .map(|(n, writer)| {
                let spec = format!("{n}:{}:{}:{}", writer.appends, writer.name_length, path.display());
                let child = std::process::Command::new(std::env::current_exe().unwrap())
                    .args(["--exact", "writer_process", "--ignored", "--quiet"])
                    .env(WRITER_ENV, spec)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap();
                (child, writer.kill_after_us)
            })
            .collect();
        let mut kills: Vec<(u64, usize)> =
            children.iter().enumerate().filter_map(|(n, (_, after))| after.map(|after| (after, n))).collect();
        kills.sort_unstable();
        let started = std::time::Instant::now();
        for (after, n) in &kills {
            let due = Duration::from_micros(*after);
            if let Some(wait) = due.checked_sub(started.elapsed()) {
                std::thread::sleep(wait);
            }
            let _ = children[*n].0.kill();
        }
        let mut finished = vec![false; writers.len()];
        for (n, (child, _)) in children.iter_mut().enumerate() {
            finished[n] = child.wait().unwrap().success();
        }
        let history = trunkrot::shell::journal::load(&path).unwrap();
        for record in &history.records {
            let n: usize = exercise(record).strip_prefix('w').and_then(|n| n.parse().ok()).expect("a writer's id");
            prop_assert_eq!(record, &sized_record(n, writers[n].name_length), "only whole records");
        }
        for (n, writer) in writers.iter().enumerate() {
            let count = history.records.iter().filter(|r| exercise(r) == format!("w{n}")).count();
            if finished[n] {
                prop_assert_eq!(count, writer.appends, "writer {} finished: all its records", n);
            } else {
                prop_assert!(count <= writer.appends);
            }
        }
        let killed = finished.iter().filter(|done| !**done).count();
        prop_assert!(history.skipped.len() <= killed, "damaged lines {:?} with {} killed", history.skipped, killed);
        trunkrot::shell::journal::append(&path, std::slice::from_ref(&big_record(9))).unwrap();
        let after = trunkrot::shell::journal::load(&path).unwrap();
        prop_assert_eq!(after.records.len(), history.records.len() + 1);
        prop_assert_eq!(exercise(after.records.last().unwrap()), "w9");
    }
}

#[test]
fn many_damaged_lines_are_named_up_to_twenty_and_the_rest_counted() {
    let home = Home::new();
    let dir = home.data_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut text = "not json\n".repeat(25);
    text.push_str(&big_record(1).to_line());
    text.push('\n');
    std::fs::write(dir.join("history.jsonl"), text).unwrap();
    let assert = trunkrot(&home).args(["history", "--csv"]).assert().success();
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(stderr.lines().filter(|line| line.contains(": skipped: ")).count(), 20, "{stderr}");
    assert!(stderr.contains("history.jsonl: 5 more damaged lines skipped"), "{stderr}");
    assert_eq!(stdout(&assert).lines().count(), 2, "the header and the one record");
}
