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
use crate::history::next_step::{self, StopRule, Suggestion};
use crate::history::{self, Entry};
use crate::shell::runner::ProgrammeDay;
use crate::shell::{journal, programme as on_disk, regular_file};

/// The programme in effect's own rule for stopping, with whom to get in touch; `None` without
/// a programme, or one that gives no rule. From the copy alone: a session keeps its rule though
/// an item's file cannot be read.
pub fn stop_rule() -> Option<StopRule> {
    on_disk::stop_rule_of(&copy().ok()??)
}

/// The stop the latest session in the `history` was told (by `programme`'s rule, or for pain
/// that spread), with its day, while it stands: until a later session, or the programme is
/// installed again (as after speaking to whoever prescribed it).
pub fn stop_in_force(history: &Path, programme: &Programme) -> Option<(Date, Suggestion)> {
    let last = journal::last(history)?;
    let installed = on_disk::path().and_then(|copy| std::fs::metadata(copy).ok()?.modified().ok());
    let installed = installed.and_then(|at| jiff::Timestamp::try_from(at).ok());
    // A start is kept to the second: a copy written in that same second came before it.
    if installed.is_some_and(|installed| installed.as_second() > last.start.at.as_second()) {
        return None;
    }
    let rule = on_disk::stop_rule_of(programme);
    next_step::stop_told(&last, rule.as_ref()).map(|told| (last.start.date(), told))
}

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
    /// Whether a session of this programme week gave the PSFS scores (read with the whole week).
    pub psfs_given: bool,
    /// What the day is counted from: the programme, the sessions and the days skipped read.
    pub events: Vec<ProgrammeEvent>,
    pub attempts: Vec<Attempt>,
    pub skipped: Vec<SkippedDay>,
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
    let tail = since(path, from)
        .map_err(|e| Failure::Unreadable { path: path.display().to_string(), reason: e.to_string() })?;
    let (attempts, skipped) = (tail.attempts, tail.skipped);
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
    Ok(Some(Standing {
        programme,
        first_day,
        today: day,
        week,
        psfs_given: tail.psfs_given,
        events: events.to_vec(),
        attempts,
        skipped,
    }))
}

/// The programme's day as a session starting now finds it: what the day is counted from, and
/// the PSFS activities to ask, when no session of this programme week gave them yet. `None`
/// without a programme, or when the history cannot be read (the session is still worth doing).
pub fn programme_day(path: &Path, today: Date) -> Option<ProgrammeDay> {
    let standing = standing(path, today, true).ok()??;
    let in_week = standing.today.week.is_some();
    Some(ProgrammeDay {
        psfs: if in_week && !standing.psfs_given { standing.programme.psfs.clone() } else { Vec::new() },
        events: standing.events,
        attempts: standing.attempts,
        skipped: standing.skipped,
        date: today,
    })
}

/// What the end of the history holds since a day.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tail {
    /// The sessions that did an item.
    pub attempts: Vec<Attempt>,
    pub skipped: Vec<SkippedDay>,
    /// Whether any session gave the PSFS scores.
    pub psfs_given: bool,
}

/// The first part of the history read back from its end: enough for a week of a busy user.
const TAIL_BYTES: u64 = 64 * 1024;

/// The sessions that did an item, the days skipped, and whether the PSFS was given, on or after
/// `first`, read from the end of the history at `path` back until the lines are older than
/// `first` (four times more each time it was not enough).
pub fn since(path: &Path, first: Date) -> io::Result<Tail> {
    let file = match regular_file::open(path, std::fs::OpenOptions::new().read(true)) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Tail::default()),
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
        let (mut attempts, mut skipped, mut older_session, mut psfs_given) = (Vec::new(), Vec::new(), false, false);
        history::read_entries(
            &mut reader,
            |record| {
                if record.start.date() < first {
                    older_session = true;
                } else {
                    psfs_given |= !record.checkin.psfs.is_empty();
                    attempts.extend(Attempt::of(&record));
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
            return Ok(Tail { attempts, skipped, psfs_given });
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

#[cfg(test)]
mod tests;
