//! `trunkrot report`: the physiotherapist's one-page review of a period, written as a
//! self-contained HTML file and, with `--pdf`, printed to PDF by a headless browser. The
//! history is read once, a line at a time; only the sessions of the period are kept.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;
use jiff::{ToSpan, ZonedDateTime};

use crate::cli::ReportArgs;
use crate::commands::history::NAMED_SKIPS;
use crate::domain::plan::Overrides;
use crate::domain::programme::What;
use crate::failure::Failure;
use crate::history::adherence::{Attempt, in_effect};
use crate::history::review::page::{self, Paper};
use crate::history::review::period::MAX_WEEKS;
use crate::history::review::period::Period;
use crate::history::review::programme::{self, ItemExercises, Named};
use crate::history::review::sessions::{self, Gathered};
use crate::history::review::{Facts, Review};
use crate::history::{self, Skipped};
use crate::shell::{browser, catalog, journal, places};

/// The period when `--since` is not given: twelve weeks, or from the first session if later.
pub const DEFAULT_DAYS: i32 = 84;

/// `trunkrot report`.
pub fn run(args: &ReportArgs) -> Result<ExitCode, Failure> {
    let today = ZonedDateTime::now().date();
    let facts = facts(args, today)?;
    let review = Review::of(&facts);
    let page = |paper| page::html(&facts, &review, today, paper);
    let out = args.out.clone().unwrap_or_else(|| default_out(facts.period.last()));
    let to_stdout = out == Path::new("-");
    let (mut said, mut code) = (Vec::new(), ExitCode::SUCCESS);
    let mut html_wanted = args.pdf.is_none() || args.out.is_some();
    if let Some(pdf) = &args.pdf {
        let paper = args.paper.unwrap_or(Paper::A4);
        if let Some(found) = browser::find(std::env::var_os("PATH").as_deref()) {
            print(&found, &page(Some(paper)), pdf)?;
            said.push(format!("Wrote {} (one {} page).", pdf.display(), paper_name(paper)));
        } else {
            let names = browser::BROWSERS[..3].join(", ");
            said.push(format!(
                "No PDF: no Chromium-family browser ({names}...) found. Open the page in any browser and print it to PDF (Ctrl+P, then Save as PDF)."
            ));
            html_wanted = true;
            code = ExitCode::FAILURE;
        }
    }
    if html_wanted {
        write_page(&out, &page(args.paper))?;
        if !to_stdout {
            let period = facts.period;
            let sessions = history::report::plural(facts.sessions.len(), "session", "sessions");
            said.insert(
                0,
                format!(
                    "Wrote {} ({} to {}, {sessions}): open it in a browser to read or print it.",
                    out.display(),
                    period.first(),
                    period.last()
                ),
            );
        }
    }
    if !said.is_empty() {
        tell(&format!("{}\n", said.join("\n")), to_stdout)?;
    }
    Ok(code)
}

/// The facts of the period the flags ask for, from the history: its sessions, and the
/// programme's part when one was in effect.
fn facts(args: &ReportArgs, today: Date) -> Result<Facts, Failure> {
    let until = args.until.unwrap_or(today);
    if until > today {
        // Days to come have nothing to report, and would be drawn as if they were under way.
        return Err(Failure::Usage(format!(
            "report: --until {until} is after today ({today}): the page reports the days so far; leave --until out to run it to today"
        )));
    }
    let days_back = |days: i32| until.checked_sub((days - 1).days()).unwrap_or(until);
    let longest = days_back(i32::try_from(MAX_WEEKS * 7).unwrap_or(371));
    let read = read(args.since.unwrap_or(longest), until)?;
    let since = match (args.since, in_effect(&read.events, until), read.first) {
        (Some(since), _, _) => since,
        // The programme in effect: from its first day, as far back as a page goes.
        (None, Some((_, first_day)), _) => first_day.max(longest),
        (None, None, Some(first)) => first.max(days_back(DEFAULT_DAYS)),
        (None, None, None) => {
            return Err(Failure::Report(format!(
                "no session recorded on or before {until}, so nothing to report; `--since` makes a page for a period anyway"
            )));
        }
    };
    let period = Period::new(since, until).map_err(|e| Failure::Usage(format!("report: {e}")))?;
    let mut facts = Facts::new(period, args.name.clone(), read.sessions);
    // Today is not over: what it still has due is not counted against it.
    facts.counted_to = if until >= today { today.yesterday().unwrap_or(today) } else { until };
    let user_exercises = places::user_exercises_dir();
    // Doses come from the files as they are now; one that cannot be read is said, not guessed.
    let find = |what: &What| -> ItemExercises {
        let found = match what {
            What::Exercise(name) => catalog::find(name, user_exercises.as_deref())
                .map(|exercise| vec![(Named::of(exercise), Overrides::default())]),
            What::Routine(name) => catalog::load_routine(name).map(|(routine, exercises)| {
                exercises
                    .into_iter()
                    .map(Named::of)
                    .zip(routine.entries.into_iter().map(|entry| entry.overrides))
                    .collect()
            }),
        };
        found.unwrap_or_else(|failure| {
            let (kind, whose) = match what {
                What::Exercise(_) => ("exercise", "the dose it prescribes"),
                What::Routine(_) => ("routine", "the doses it prescribes its exercises"),
            };
            let name = what.name();
            let _ = writeln!(
                io::stderr(),
                "trunkrot: the programme's {kind} `{name}` cannot be read, so the page cannot show {whose}: {failure}"
            );
            Vec::new()
        })
    };
    facts.programme = programme::facts(&read.events, period, find);
    let attempts: Vec<Attempt> = facts.sessions.iter().filter_map(Attempt::of).collect();
    facts.adherence = programme::adherence(&read.events, &attempts, &read.skipped_days, period, facts.counted_to);
    Ok(facts)
}

/// Reads the history once (see [`sessions::between`]): the sessions from `earliest` to `until`,
/// the programme's events and skipped days. Damaged lines are reported on stderr.
fn read(earliest: Date, until: Date) -> Result<Gathered, Failure> {
    let path = journal::path()?;
    let unreadable = |e: io::Error| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() };
    let Some(reader) = journal::open(&path).map_err(unreadable)? else { return Ok(Gathered::default()) };
    let mut err = io::stderr().lock();
    let mut skips = 0_usize;
    let read = sessions::between(reader, earliest, until, |skipped: Skipped| {
        skips += 1;
        if skips <= NAMED_SKIPS {
            let _ = writeln!(err, "{skipped}");
        }
    })
    .map_err(unreadable)?;
    if skips > NAMED_SKIPS {
        let more = history::report::plural(skips - NAMED_SKIPS, "more damaged line", "more damaged lines");
        let _ = writeln!(err, "{}: {more} skipped", history::FILE_NAME);
    }
    Ok(read)
}

fn default_out(until: Date) -> PathBuf {
    PathBuf::from(format!("trunkrot-report-{until}.html"))
}

fn paper_name(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "A4",
        Paper::Letter => "US Letter",
    }
}

/// Writes the page to `out` (`-`: standard output). A file is replaced whole or not at all.
fn write_page(out: &Path, html: &str) -> Result<(), Failure> {
    if out == Path::new("-") {
        return super::emit(html);
    }
    replace_whole(out, html.as_bytes())
}

/// Writes `bytes` to a new file beside `path`, then moves it over `path`.
fn replace_whole(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    // The system's own words for what went wrong, without the temporary file's name that
    // tempfile adds: the user named `path`, not it.
    let unwritable = |e: &io::Error| Failure::Unwritable { path: path.display().to_string(), reason: system_words(e) };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // Read and write for all, less the umask, as any file the user makes: the temporary file's
    // own default would keep the page from whoever the user shares the folder with.
    let shared = std::os::unix::fs::PermissionsExt::from_mode(0o666);
    let mut file = tempfile::Builder::new()
        .prefix(".trunkrot-report-")
        .permissions(shared)
        .tempfile_in(folder)
        .map_err(|e| unwritable(&e))?;
    file.write_all(bytes).and_then(|()| file.flush()).map_err(|e| unwritable(&e))?;
    file.persist(path).map_err(|e| unwritable(&e.error))?;
    Ok(())
}

/// The system's message for an error, without the ` at path "..."` that tempfile adds to it (it
/// names tempfile's own temporary file, not the one the user asked for).
fn system_words(error: &io::Error) -> String {
    let words = error.to_string();
    words.rsplit_once(" at path \"").map_or(words.clone(), |(head, _)| head.to_owned())
}

/// Prints `html` to `pdf` through `found`, the browser: both files in a private folder first, so
/// that a failed print leaves `pdf` as it was.
fn print(found: &Path, html: &str, pdf: &Path) -> Result<(), Failure> {
    let folder = tempfile::Builder::new()
        .prefix("trunkrot-report-")
        .tempdir()
        .map_err(Failure::io("making a folder for the page"))?;
    let page = folder.path().join("report.html");
    std::fs::write(&page, html).map_err(Failure::io("writing the page for the browser"))?;
    let printed = folder.path().join("report.pdf");
    browser::print_to_pdf(found, &page, &printed, browser::TIME_OUT)
        .map_err(|why| Failure::Report(format!("{}: no PDF: {why}", pdf.display())))?;
    let bytes = std::fs::read(&printed).map_err(Failure::io("reading the printed PDF"))?;
    replace_whole(pdf, &bytes)
}

/// Says what was done: on standard output, or on standard error when the page went there.
fn tell(text: &str, page_on_stdout: bool) -> Result<(), Failure> {
    if page_on_stdout {
        let _ = io::stderr().write_all(text.as_bytes());
        Ok(())
    } else {
        super::emit(text)
    }
}
