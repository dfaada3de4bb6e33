//! `trunkrot report` through the real binary: the period and its defaults, where the page goes,
//! every mistake a message with an exit code, and `--pdf` without a browser. (The page in a real
//! browser: `tests/report_browser.rs`.)

mod support;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use predicates::prelude::*;
use predicates::str::contains;
use support::home::{Home, trunkrot};
use support::review;

/// A home with the synthetic twelve weeks as its history, with their programme or without.
fn with_history_of(programme: bool) -> Home {
    let home = Home::new();
    fs::create_dir_all(home.data_dir()).expect("a data folder");
    fs::write(home.history(), review::history_lines(&review::twelve_weeks(), programme)).expect("a history");
    home
}

fn with_history() -> Home {
    with_history_of(false)
}

/// `trunkrot report ARGS --out OUT` in `home`.
fn report(home: &Home, args: &[&str], out: &Path) -> assert_cmd::assert::Assert {
    trunkrot(home).arg("report").args(args).arg("--out").arg(out).assert()
}

#[test]
fn the_page_goes_to_the_file_named_and_says_so() {
    let home = with_history();
    let out = home.join("page.html");
    let sessions = review::twelve_weeks().len();
    report(&home, &["--since", "2026-03-02", "--until", "2026-05-24"], &out).success().stdout(format!(
        "Wrote {} (2026-03-02 to 2026-05-24, {sessions} sessions): open it in a browser to read or print it.\n",
        out.display()
    ));
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>"), "one whole page");
    assert!(page.contains("Period: </b>2 Mar 2026 to 24 May 2026 (84 days, 12 weeks)"));
    assert!(page.contains("<h1>Exercise report</h1>"), "no name unless given");
    assert!(!page.contains("@page { size"));
    let plain = home.join("plain.txt");
    fs::write(&plain, "any file").unwrap();
    let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&plain), "the page has the permissions any new file gets");
    let leftovers: Vec<_> = fs::read_dir(&*home)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".trunkrot"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left: {leftovers:?}");
}

#[test]
fn one_session_is_said_as_one() {
    let home = Home::new();
    fs::create_dir_all(home.data_dir()).expect("a data folder");
    let one = review::twelve_weeks().into_iter().take(1).collect::<Vec<_>>();
    fs::write(home.history(), review::history_lines(&one, false)).expect("a history");
    let out = home.join("page.html");
    report(&home, &["--since", "2026-03-02", "--until", "2026-03-08"], &out)
        .success()
        .stdout(contains("(2026-03-02 to 2026-03-08, 1 session): open it"));
}

#[test]
fn a_routines_item_has_each_exercises_prescribed_dose_and_one_that_cannot_be_read_is_said() {
    // The built-in low-back routine at 4 s holds: its own 8 reps for the pelvic tilt, knee to
    // chest's own 3; and a routine of the user's, read at install and gone since.
    let home = Home::new()
        .with("routines/mine.toml", "name = \"Mine\"\nsummary = \"Mine.\"\n[[exercise]]\nid = \"pelvic-tilt\"\n");
    let programme = home.file(
        "p.toml",
        "name = \"Two routines\"\nweeks = 2\n[[item]]\nroutine = \"low-back\"\nhold = 4\n[[item]]\nroutine = \"mine\"\n",
    );
    trunkrot(&home).args(["programme", "install"]).arg(&programme).assert().success();
    fs::remove_file(home.config_dir().join("routines/mine.toml")).expect("removed");
    let out = home.join("page.html");
    let made = report(&home, &[], &out).success();
    let said = String::from_utf8_lossy(&made.get_output().stderr).into_owned();
    assert!(
        said.contains(
            "trunkrot: the programme's routine `mine` cannot be read, so the page cannot show the doses it prescribes its exercises"
        ),
        "{said}"
    );
    let page = fs::read_to_string(&out).unwrap();
    for (name, dose) in [("Pelvic tilt", "8×1 4s"), ("Knee to chest", "3×1 4s"), ("Glute bridge", "8×1 4s")] {
        let row = page.split("<tr").find(|row| row.contains(name)).unwrap_or_else(|| panic!("a row for {name}"));
        assert!(row.contains("prescribed") && row.contains(dose), "{name} prescribed {dose}: {row}");
    }
}

#[test]
fn the_page_goes_to_standard_output_alone_with_a_dash() {
    let home = with_history();
    let run = trunkrot(&home)
        .args(["report", "--until", "2026-05-24", "--out", "-", "--name", "Ana", "--paper", "letter"])
        .assert()
        .success();
    let output = run.get_output();
    let page = String::from_utf8(output.stdout.clone()).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>"), "nothing but the page");
    assert!(page.contains("@page { size: letter; }"));
    assert!(page.contains("<h1>Exercise report: <bdi class=\"wrap\">Ana</bdi></h1>"));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn without_since_the_period_is_twelve_weeks_or_from_the_first_session() {
    let home = with_history();
    let out = home.join("page.html");
    // The history starts on 2 March: a period to 10 April starts there.
    report(&home, &["--until", "2026-04-10"], &out).success().stdout(contains("(2026-03-02 to 2026-04-10,"));
    // To 24 June: the twelve weeks before, 2 April on.
    report(&home, &["--until", "2026-06-24"], &out).success().stdout(contains("(2026-04-02 to 2026-06-24,"));
}

#[test]
fn the_default_file_is_named_for_the_last_day_in_the_current_folder() {
    let home = with_history();
    trunkrot(&home)
        .current_dir(&*home)
        .args(["report", "--until", "2026-05-24"])
        .assert()
        .success()
        .stdout(contains("Wrote trunkrot-report-2026-05-24.html ("));
    assert!(home.join("trunkrot-report-2026-05-24.html").is_file());
}

#[test]
fn a_period_that_runs_backwards_or_past_a_page_is_refused_with_what_to_do() {
    let home = with_history();
    trunkrot(&home)
        .args(["report", "--since", "2026-03-10", "--until", "2026-03-01"])
        .assert()
        .code(2)
        .stderr("trunkrot: error: report: the period ends (2026-03-01) before it starts (2026-03-10)\n");
    trunkrot(&home)
        .args(["report", "--since", "2025-01-01", "--until", "2026-03-01"])
        .assert()
        .code(2)
        .stderr(contains("longer than one page shows (53 weeks): narrow it with --since or --until"));
    let next_week = jiff::ZonedDateTime::now().date().checked_add(jiff::ToSpan::days(7)).unwrap();
    trunkrot(&home)
        .args(["report", "--until", &next_week.to_string()])
        .assert()
        .code(2)
        .stderr(contains(format!("report: --until {next_week} is after today (")))
        .stderr(contains("leave --until out to run it to today"));
    trunkrot(&home)
        .args(["report", "--since", "March"])
        .assert()
        .code(2)
        .stderr(contains("expected a day written YYYY-MM-DD"));
    trunkrot(&home).args(["report", "--paper", "a5"]).assert().code(2).stderr(contains("a4").and(contains("letter")));
}

#[test]
fn no_history_is_nothing_to_report_unless_a_period_is_given() {
    let home = Home::new();
    trunkrot(&home)
        .args(["report"])
        .assert()
        .code(1)
        .stderr(contains("no session recorded on or before").and(contains("--since")));
    let out = home.join("empty.html");
    report(&home, &["--since", "2026-03-02", "--until", "2026-03-08"], &out).success();
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.contains("0 of 7 days had a full session"));
}

#[test]
fn damaged_lines_are_named_and_the_rest_reported() {
    let home = with_history();
    let history = home.history();
    let mut text = fs::read_to_string(&history).unwrap();
    text.push_str("{\"v\":2,\"start\":\n");
    fs::write(&history, text).unwrap();
    let out = home.join("page.html");
    report(&home, &["--until", "2026-05-24"], &out)
        .success()
        .stderr(contains(format!("history.jsonl:{}: skipped", review::twelve_weeks().len() + 1)));
    assert!(out.is_file());
}

#[test]
fn a_file_that_cannot_be_written_says_where_and_why() {
    let home = with_history();
    let out = home.join("no/such/folder/page.html");
    report(&home, &["--until", "2026-05-24"], &out)
        .code(1)
        .stderr(contains(format!("{}: cannot write: No such file or directory", out.display())))
        .stderr(contains(".trunkrot-report-").not());
}

#[test]
fn pdf_without_a_browser_says_so_in_one_line_and_leaves_the_page_to_print() {
    let home = with_history();
    let empty = home.join("empty-path");
    fs::create_dir_all(&empty).unwrap();
    let (pdf, out) = (home.join("page.pdf"), home.join("page.html"));
    trunkrot(&home)
        .env("PATH", &empty)
        .args(["report", "--until", "2026-05-24", "--pdf"])
        .arg(&pdf)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stdout(predicate::function(|text: &str| {
            let lines: Vec<&str> = text.lines().collect();
            lines.len() == 2
                && lines[0].starts_with(&format!("Wrote {} (", out.display()))
                && lines[1].starts_with(
                    "No PDF: no Chromium-family browser (chromium, chromium-browser, google-chrome...) found.",
                )
                && lines[1].contains("print it to PDF")
        }));
    assert!(!Path::new(&pdf).exists());
    assert!(out.is_file(), "the page is there to print by hand");
}

#[test]
fn with_a_programme_the_page_shows_it_and_its_own_adherence() {
    let home = with_history_of(true);
    let planned = review::twelve_weeks();
    let out = home.join("page.html");
    // Without --since, the period starts on the programme's first day, not two days earlier
    // when it was installed.
    report(&home, &["--until", "2026-05-24"], &out).success().stdout(contains("(2026-03-02 to 2026-05-24,"));
    let page = fs::read_to_string(&out).unwrap();
    assert!(page.contains("Programme: </b><bdi class=\"wrap\">Low back, twelve weeks</bdi>, prescribed by <bdi class=\"wrap\">J. Costa (clinic 555 0100)</bdi>; started 2 Mar 2026, 12 weeks; review 25 May 2026."), "{page}");
    // Twice a day for 84 days: 168 due; every session at its dose, the stopped ones partial.
    let full = review::full_sessions(&planned);
    assert!(
        page.contains(&format!("{}%</span>{full} of 168 sessions due were done in full", full * 100 / 168)),
        "{page}"
    );
    assert!(
        page.contains("<td class=\"label\">prescribed</td><td>10×1 5s</td>"),
        "the dose prescribed, resolved with the exercise's own sets"
    );
}
