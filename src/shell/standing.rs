//! Where today stands with the programme in effect: its copy and the end of the history, read
//! from the end of the file back to the start of the programme week, so that `trunkrot today`,
//! its prompt line and a session started with no arguments cost the same with a history of ten
//! sessions or of a million.

use std::io::{self, BufReader, Seek, SeekFrom};
use std::path::Path;

use jiff::civil::Date;

use crate::domain::programme::{Days, Programme, add_days};
use crate::failure::Failure;
use crate::history::adherence::{self, Attempt, Change, Day, Figures, ProgrammeEvent, SkippedDay};
use crate::history::{self, Entry};
use crate::shell::{journal, programme as on_disk, regular_file};

/// The programme in effect as its copy says, read without looking up its exercises (the prompt
/// needs only its items' names and how often they are due).
pub fn copy() -> Result<Option<Programme>, Failure> {
    let Some(path) = on_disk::path() else { return Ok(None) };
    let bytes = match regular_file::read(&path, crate::shell::catalog::MAX_FILE_BYTES, "a programme") {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() }),
    };
    let file = crate::domain::programme::parse(&path.display().to_string(), &bytes)?;
    Ok(Some(file.programme))
}

/// Today with a programme: the day, its week so far, and the programme week it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub programme: Programme,
    pub first_day: Date,
    pub today: Day,
    /// From the start of the programme week to today, today's sessions still left not counted.
    pub week: Figures,
}

/// Where `today` stands with the programme in effect, from its copy and the end of the history
/// at `path`; `None` without a programme. Without `whole_week`, only today is read (and the
/// week's days only when an item is due on any N days of it), and `week` is today alone.
pub fn standing(path: &Path, today: Date, whole_week: bool) -> Result<Option<Standing>, Failure> {
    let Some(programme) = copy()? else { return Ok(None) };
    let first_day = programme.first_day(today);
    let week_start = match programme.week_of(first_day, today) {
        Some(week) => add_days(first_day, 7 * i64::from(week - 1)),
        None => today,
    };
    // Only items due on any N days of a week need the days before today.
    let per_week = programme.items.iter().any(|item| matches!(item.days, Days::PerWeek(_)));
    let from = if whole_week || per_week { week_start } else { today };
    let (attempts, skipped) = since(path, from)
        .map_err(|e| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() })?;
    let events = [ProgrammeEvent { date: first_day, change: Change::Installed(programme.clone()) }];
    let day = adherence::today(&events, &attempts, &skipped, today);
    let mut week = if whole_week && week_start < today {
        adherence::adherence(&events, &attempts, &skipped, week_start, add_days(today, -1)).whole
    } else {
        Figures::default()
    };
    // Today is not over: what is left of it is neither done nor missed yet.
    let mut so_far = day.figures.clone();
    so_far.due -= so_far.missed;
    so_far.missed = 0;
    week.add(&so_far);
    Ok(Some(Standing { programme, first_day, today: day, week }))
}

/// The first part of the history read back from its end: enough for a week of a busy user.
const TAIL_BYTES: u64 = 64 * 1024;

/// The sessions that did an item, and the days skipped, on or after `first`, read from the end
/// of the history at `path` back until the lines are older than `first` (doubling the part read
/// each time it was not enough).
pub fn since(path: &Path, first: Date) -> io::Result<(Vec<Attempt>, Vec<SkippedDay>)> {
    let file = match regular_file::open(path, std::fs::OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(e),
    };
    let length = file.metadata()?.len();
    let mut reader = BufReader::with_capacity(16 * 1024, file);
    let mut span = TAIL_BYTES;
    loop {
        let start = length.saturating_sub(span);
        reader.seek(SeekFrom::Start(start.saturating_sub(1)))?;
        if start > 0 {
            // From the byte before, so that a line starting right at `start` is kept whole.
            io::BufRead::skip_until(&mut reader, b'\n')?;
        }
        let (mut attempts, mut skipped, mut older_session) = (Vec::new(), Vec::new(), false);
        history::read_entries(
            &mut reader,
            |record| {
                if record.start.date() < first {
                    older_session = true;
                } else if let Some(attempt) = Attempt::of(&record) {
                    attempts.push(attempt);
                }
                true
            },
            |entry| {
                if let Entry::Skip(day) = entry {
                    skipped.push(day);
                }
            },
            |_| {},
        )?;
        let older_skip = skipped.iter().any(|day| day.date < first);
        skipped.retain(|day| day.date >= first);
        if start == 0 || older_session || older_skip {
            return Ok((attempts, skipped));
        }
        span = span.saturating_mul(4);
    }
}

/// Writes a day skipped with its reason to the history at `path`.
pub fn skip(path: &Path, day: &SkippedDay) -> Result<(), Failure> {
    journal::append_lines(path, &[day.to_line()]).map_err(|e| journal::unwritable(path, &e))
}

/// Writes a programme event to the history at `path`.
pub fn record_event(path: &Path, event: &ProgrammeEvent) -> Result<(), Failure> {
    journal::append_lines(path, &[event.to_line()]).map_err(|e| journal::unwritable(path, &e))
}
