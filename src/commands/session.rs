//! The default command: a guided session, on the screen or as plain lines, its record kept in
//! the history the moment it ends, then its summary.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::SessionArgs;
use crate::domain::checkin::Checkin;
use crate::domain::plan::Plan;
use crate::domain::settings::Resolved;
use crate::domain::summary::Summary;
use crate::failure::Failure;
use crate::history::next_step::Suggestion;
use crate::history::{self, Amendment, Started};
use crate::shell::step::Keeper;
use crate::shell::{announce, catalog, config, journal, plain, speech, terminal_background};
use crate::tui::event_loop::Ending;
use crate::tui::{terminal, view};

/// Plans the session from the flags, the config and the files, runs it in the terminal or as
/// plain lines (keeping its record as it ends), and prints the summary once the terminal is
/// restored. A session ended by a signal exits with 128 plus its number.
pub fn run(args: &SessionArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = config::resolve(&args.given())?;
    let plan = catalog::plan(&settings)?;
    let (announcer, notice) = announcer(&settings);
    let mut recorder = Recorder::new(plan.clone(), journal::path()?);
    let (summary, reader, exit, sound) = if args.plain || !std::io::stdout().is_terminal() {
        // The failure to keep the record is this command's error, printed on stderr as soon as
        // the session ends: told as a notice too, plain mode would say it twice.
        recorder.notify = false;
        if let Some(notice) = &notice {
            let _ = writeln!(std::io::stderr(), "trunkrot: {notice}");
        }
        let outcome = plain::run(plan, announcer, &mut std::io::stdout().lock(), &mut recorder)?;
        let exit = Ok(outcome.signal.map_or(ExitCode::SUCCESS, signal_status));
        (outcome.summary, outcome.reader, exit, outcome.sound)
    } else {
        // Before the key thread starts: the terminal's answer must not be read as keys.
        let colorfgbg = settings.colorfgbg.as_deref();
        let palette = view::Palette::chosen(settings.theme.value, || terminal_background::background(colorfgbg));
        let theme = view::Theme::new(palette, !settings.colour.value);
        let history = journal::past();
        let presentation = terminal::Presentation {
            theme,
            notice: notice.clone(),
            checkin: settings.checkin.value,
            history,
            started: recorder.start,
        };
        let outcome = terminal::run(plan, announcer, presentation, &mut recorder)
            .map_err(Failure::io("running the session on the terminal"))?;
        let exit = match outcome.ending {
            Ending::Left => Ok(ExitCode::SUCCESS),
            Ending::Signal(number) => Ok(signal_status(number)),
            Ending::Lost(reason) => Err(Failure::TerminalLost(reason)),
        };
        (outcome.summary, true, exit, outcome.sound)
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe or terminal loses the summary; the record is already kept.
    if reader {
        let _ = out.write_all(crate::domain::summary::text(&summary).as_bytes()).and_then(|()| out.flush());
        // What went wrong with sound: a session followed by ear alone must not be half heard
        // without the user knowing why.
        for problem in notice.iter().chain(&sound) {
            let _ = writeln!(out, "Sound: {problem}");
        }
        for suggestion in recorder.suggestions(&summary) {
            let _ = writeln!(out, "{suggestion}");
        }
    }
    match recorder.failure.take() {
        Some(failure) => Err(failure),
        None => exit,
    }
}

/// 128 plus the signal's number, as shells report a process a signal ended.
fn signal_status(number: i32) -> ExitCode {
    ExitCode::from(u8::try_from(128 + number).unwrap_or(u8::MAX))
}

/// Keeps the session in the history file: its records the moment it ends, then an amendment
/// line for each check-in answer, tied to the records by the session's id.
struct Recorder {
    plan: Plan,
    path: PathBuf,
    start: Started,
    /// Unique to this session: its start to the nanosecond and the process id.
    id: String,
    /// Whether records were written, so answers have something to amend.
    written: bool,
    /// The first failure to write, reported once the terminal is restored.
    failure: Option<Failure>,
    /// Whether a failure to write is also a notice for the screen, which hides the error
    /// until the user leaves it.
    notify: bool,
}

impl Recorder {
    fn new(plan: Plan, path: PathBuf) -> Self {
        let now = jiff::ZonedDateTime::now();
        let id = format!("{}-{}", now.timestamp().as_nanosecond(), std::process::id());
        Recorder { plan, path, start: Started::from_zoned(&now), id, written: false, failure: None, notify: true }
    }

    fn append(&mut self, lines: &[String]) -> Option<String> {
        let result = journal::append_lines(&self.path, lines);
        let error = result.err()?;
        let failure = journal::unwritable(&self.path, &error);
        let notice = failure.to_string();
        self.failure.get_or_insert(failure);
        self.notify.then_some(notice)
    }

    /// What the history now suggests for each exercise done; nothing when nothing was kept.
    fn suggestions(&self, summary: &Summary) -> Vec<Suggestion> {
        if !self.written || summary.parts.is_empty() {
            return Vec::new();
        }
        journal::suggestions(&self.path, &self.plan.parts)
    }
}

impl Keeper for Recorder {
    fn ended(&mut self, summary: &Summary) -> Option<String> {
        let records = history::records(summary, &self.plan, self.start, &self.id);
        if records.is_empty() {
            return None;
        }
        let lines: Vec<String> = records.iter().map(history::Record::to_line).collect();
        let notice = self.append(&lines);
        // The first write of the session: any failure so far is this one.
        self.written = self.failure.is_none();
        notice
    }

    fn answered(&mut self, checkin: Checkin) -> Option<String> {
        if !self.written {
            return None;
        }
        self.append(&[Amendment { session: self.id.clone(), checkin }.to_line()])
    }
}

/// The bells and voice the settings ask for, and a notice if the voice cannot be had.
fn announcer(settings: &Resolved) -> (announce::Announcer, Option<String>) {
    let (voice, notice) = if settings.voice.value {
        match speech::Voice::find(settings.voice_command.as_deref(), settings.path.as_deref()) {
            Ok(voice) => (Some(voice), None),
            Err(notice) => (None, Some(notice)),
        }
    } else {
        (None, None)
    };
    (announce::Announcer::new(settings.bell.value, voice, settings.path.as_deref()), notice)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;
    use crate::domain::checkin::{Effort, Pain};
    use crate::domain::exercise;
    use crate::domain::plan::Overrides;
    use crate::domain::session::{Command, Session};

    fn plan() -> Plan {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
        Plan::new(exercise, &Overrides { reps: Some(1), ..Overrides::default() })
    }

    fn lines(path: &std::path::Path) -> Vec<String> {
        std::fs::read_to_string(path).unwrap_or_default().lines().map(str::to_owned).collect()
    }

    #[test]
    fn the_record_then_each_answer_as_an_amendment_that_reads_back_as_one_session() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("trunkrot").join(history::FILE_NAME);
        let mut recorder = Recorder::new(plan(), path.clone());
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        session.tick(t0 + session.plan().total());
        assert_eq!(recorder.ended(&session.summary(t0)), None);
        assert_eq!(lines(&path).len(), 1, "the record, at once");
        let pain = Checkin { pain: Pain::new(2), effort: None };
        let both = Checkin { effort: Some(Effort::Easy), ..pain };
        assert_eq!((recorder.answered(pain), recorder.answered(both)), (None, None));
        let written = lines(&path);
        assert_eq!(written.len(), 3);
        assert!(written[2].contains(&format!(r#""amends":"{}""#, recorder.id)), "{}", written[2]);
        let read = history::read(std::fs::read(&path).expect("the file").as_slice());
        assert_eq!((read.records.len(), read.records[0].checkin), (1, both));
    }

    #[test]
    fn nothing_is_written_for_a_session_without_a_hold_done_nor_for_its_answers() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join(history::FILE_NAME);
        let mut recorder = Recorder::new(plan(), path.clone());
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        session.apply(Command::Stop, t0 + Duration::from_secs(2));
        assert_eq!(recorder.ended(&session.summary(t0)), None);
        assert_eq!(recorder.answered(Checkin { pain: Pain::new(1), effort: None }), None);
        assert!(!path.exists());
        assert!(recorder.suggestions(&session.summary(t0)).is_empty());
    }

    #[test]
    fn a_history_that_cannot_be_written_is_a_notice_now_and_a_failure_later() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let blocked = dir.path().join("not-a-dir");
        std::fs::write(&blocked, "").expect("a file");
        let mut recorder = Recorder::new(plan(), blocked.join(history::FILE_NAME));
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        session.tick(t0 + session.plan().total());
        let notice = recorder.ended(&session.summary(t0)).expect("a notice for the screen");
        assert!(notice.contains("cannot save this session"), "{notice}");
        assert!(matches!(recorder.failure, Some(Failure::HistoryUnwritable { .. })));
    }

    #[test]
    fn without_notices_a_history_that_cannot_be_written_is_only_the_failure() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let blocked = dir.path().join("not-a-dir");
        std::fs::write(&blocked, "").expect("a file");
        let mut recorder = Recorder::new(plan(), blocked.join(history::FILE_NAME));
        recorder.notify = false;
        let t0 = Instant::now();
        let mut session = Session::start(plan(), t0);
        session.tick(t0 + session.plan().total());
        assert_eq!(recorder.ended(&session.summary(t0)), None);
        assert!(matches!(recorder.failure, Some(Failure::HistoryUnwritable { .. })));
        assert!(!recorder.written, "nothing was written, so no answer can amend it");
        assert_eq!(recorder.answered(Checkin { pain: Pain::new(1), effort: None }), None);
    }

    #[test]
    fn a_signal_exits_with_128_plus_its_number() {
        assert_eq!(signal_status(2), ExitCode::from(130));
        assert_eq!(signal_status(15), ExitCode::from(143));
        assert_eq!(signal_status(1), ExitCode::from(129));
    }
}
