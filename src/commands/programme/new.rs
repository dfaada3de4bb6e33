//! `trunkrot programme new`: a programme from flags (one exercise or routine), or by asking in
//! the terminal when run with none. Either way it is written with comments, checked as a file
//! is, and installed.

use std::io::{self, BufRead, IsTerminal, Write};
use std::ops::RangeInclusive;
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;

use crate::cli::NewProgrammeArgs;
use crate::domain::exercise::{Timing, limits as dose_limits};
use crate::domain::plan::Overrides;
use crate::domain::programme::{Days, Item, Prescriber, Programme, Stop, What, limits, weekday, writing};
use crate::failure::Failure;
use crate::shell::{catalog, programme as on_disk};

/// What `programme new`'s problems are told of: there is no file.
const NEW: &str = "programme new";

/// The name a programme gets when none is given.
const DEFAULT_NAME: &str = "Home exercises";

/// Runs `trunkrot programme new`: from the flags, or by asking when there are none and standard
/// input is a terminal.
pub fn run(flags: &NewProgrammeArgs, today: Date) -> Result<ExitCode, Failure> {
    let programme = if flags.is_empty() {
        if !io::stdin().is_terminal() {
            return Err(Failure::Usage(
                "`trunkrot programme new` asks its questions only in a terminal; elsewhere give at least \
                 `--exercise ID` (or `--routine ID`) and `--weeks N`, and any of --reps, --hold, --sets, \
                 --times-a-day, --days, --days-a-week, --start, --review, --name, --prescriber, --contact, \
                 --stop-pain, --psfs"
                    .to_owned(),
            ));
        }
        let answers = ask(&mut io::stdin().lock(), &mut io::stdout().lock(), today, &look_up)
            .map_err(Failure::io("asking for the programme"))?;
        answers.ok_or_else(|| Failure::Usage("no programme written: the questions were left unanswered".to_owned()))?
    } else {
        from_flags(flags)?
    };
    let text = writing::toml(&programme);
    // Checked as any file is; a problem is told without the place in a file the user never saw.
    let loaded = on_disk::read(Path::new("programme.toml"), text.as_bytes()).map_err(|f| super::whole_file(f, NEW))?;
    // A file named by a relative path is found from where the command was run, now and later.
    let here = std::env::current_dir().ok();
    super::put_in_effect(&loaded, NEW, here.as_deref(), today, flags.save.as_deref())
}

/// The programme the flags describe: one item.
fn from_flags(flags: &NewProgrammeArgs) -> Result<Programme, Failure> {
    let what = match (&flags.dose.exercise, &flags.dose.routine) {
        (Some(exercise), _) => What::Exercise(exercise.clone()),
        (None, Some(routine)) => What::Routine(routine.clone()),
        (None, None) => {
            return Err(Failure::Usage("`trunkrot programme new` needs `--exercise ID` or `--routine ID`".to_owned()));
        }
    };
    let weeks = flags.weeks.ok_or_else(|| {
        Failure::Usage(format!("`trunkrot programme new` needs `--weeks N`, {}", from_to(&limits::WEEKS)))
    })?;
    let days = match flags.days_a_week {
        Some(7) => Days::Every,
        Some(n) => Days::PerWeek(n),
        None if flags.days.is_empty() => Days::Every,
        None => days_of(&flags.days.join(",")).map_err(Failure::Usage)?,
    };
    if flags.psfs.len() > limits::PSFS {
        return Err(Failure::Usage(format!(
            "`--psfs` is given {} times; the scale takes at most {}",
            flags.psfs.len(),
            limits::PSFS
        )));
    }
    let id = crate::domain::programme::item_id(what.name());
    let item = Item {
        short: crate::domain::programme::short_name(&id),
        id,
        what,
        dose: flags.dose.overrides(),
        times_a_day: flags.times_a_day.unwrap_or(1),
        days,
        steps: Vec::new(),
        progression: None,
    };
    Ok(Programme {
        name: flags.name.clone().unwrap_or_else(|| DEFAULT_NAME.to_owned()),
        prescriber: Prescriber {
            name: flags.prescriber.clone().unwrap_or_default(),
            contact: flags.contact.clone().unwrap_or_default(),
        },
        start: flags.start,
        weeks,
        review: flags.review,
        items: vec![item],
        stop: Stop { pain: flags.stop_pain, spreading: true, message: String::new() },
        psfs: flags.psfs.clone(),
        accepted: Vec::new(),
    })
}

/// The weekdays of `mon,wed,fri`, Monday first; all seven are every day.
fn days_of(text: &str) -> Result<Days, String> {
    let mut on = Vec::new();
    for word in text.split([',', ' ']).filter(|word| !word.trim().is_empty()) {
        let day = weekday(word).ok_or_else(|| {
            format!(
                "`{}` is not a day of the week: write mon, tue, wed, thu, fri, sat, sun",
                crate::domain::untrusted::clean_line(word)
            )
        })?;
        if !on.contains(&day) {
            on.push(day);
        }
    }
    on.sort_by_key(|day| day.to_monday_zero_offset());
    Ok(match on.len() {
        0 | 7 => Days::Every,
        _ => Days::On(on),
    })
}

/// What a name given in answer leads to: an exercise with its own timing, or a routine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Exercise(Timing),
    Routine,
}

/// Looks a name up as a session would: an exercise first, then a routine.
fn look_up(name: &str) -> Result<Found, String> {
    match catalog::named_exercise(name, None, None) {
        Ok(exercise) => Ok(Found::Exercise(exercise.timing)),
        Err(exercise_failure) => match catalog::load_routine(name) {
            Ok(_) => Ok(Found::Routine),
            Err(_) => Err(exercise_failure.to_string()),
        },
    }
}

/// The questions, in order: each answer checked as it is given and asked again when it does not
/// do; `None` when the input ends first. `look_up` says what a name leads to.
pub fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    today: Date,
    look_up: &dyn Fn(&str) -> Result<Found, String>,
) -> io::Result<Option<Programme>> {
    let mut asker = Asker { input, out };
    writeln!(asker.out, "A new programme. Enter keeps what is in [brackets].")?;
    let Some(name) = asker.text(&format!("Its name [{DEFAULT_NAME}]: "), DEFAULT_NAME)? else { return Ok(None) };
    let weeks = format!("How many weeks does it last, {}? [6]: ", from_to(&limits::WEEKS));
    let Some(weeks) = asker.number(&weeks, 6, &limits::WEEKS, |n| n)? else { return Ok(None) };
    let Some(start) =
        asker.parsed(&format!("First day, YYYY-MM-DD [today, {today}]: "), today, |t| t.parse::<Date>().ok())?
    else {
        return Ok(None);
    };
    let mut items: Vec<Item> = Vec::new();
    while items.len() < limits::ITEMS {
        let prompt = if items.is_empty() {
            "An exercise or routine: an id from `trunkrot list`, or a file's path: ".to_owned()
        } else {
            "Another exercise or routine (Enter when done): ".to_owned()
        };
        let Some(named) = asker.line(&prompt)? else { return Ok(None) };
        if named.is_empty() {
            if items.is_empty() {
                writeln!(asker.out, "  A programme needs at least one.")?;
                continue;
            }
            break;
        }
        let found = match look_up(&named) {
            Ok(found) => found,
            Err(why) => {
                writeln!(asker.out, "  {why}")?;
                continue;
            }
        };
        let id = crate::domain::programme::item_id(&named);
        if items.iter().any(|item| item.id == id) {
            writeln!(asker.out, "  It is already in the programme.")?;
            continue;
        }
        let Some(item) = asker.item(named, id, &found)? else { return Ok(None) };
        items.push(item);
    }
    let pain = format!("Pain that means stop and get in touch, {} (Enter for none): ", from_to(&limits::PAIN));
    let Some(pain) = asker.number(&pain, None, &limits::PAIN, Some)? else { return Ok(None) };
    // Within 1 to 10, so it always fits.
    let pain = pain.and_then(|pain| u8::try_from(pain).ok());
    let mut psfs = Vec::new();
    writeln!(asker.out, "Up to {} activities the back makes hard, scored each week (Enter when done):", limits::PSFS)?;
    while psfs.len() < limits::PSFS {
        let Some(activity) = asker.text("  Activity: ", "")? else { return Ok(None) };
        if activity.is_empty() {
            break;
        }
        if psfs.contains(&activity) {
            writeln!(asker.out, "  It is already listed.")?;
            continue;
        }
        psfs.push(activity);
    }
    let Some(prescriber) = asker.text("Who prescribed it (Enter to skip): ", "")? else { return Ok(None) };
    let Some(contact) = asker.text("How to reach them (Enter to skip): ", "")? else { return Ok(None) };
    Ok(Some(Programme {
        name,
        prescriber: Prescriber { name: prescriber, contact },
        start: Some(start),
        weeks,
        review: None,
        items,
        // Pain that spreads is always a reason to stop, with a pain line or without one.
        stop: Stop { pain, spreading: true, message: String::new() },
        psfs,
        accepted: Vec::new(),
    }))
}

struct Asker<'a, R, W> {
    input: &'a mut R,
    out: &'a mut W,
}

impl<R: BufRead, W: Write> Asker<'_, R, W> {
    /// One answer, trimmed; `None` at the end of the input.
    fn line(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.out, "{prompt}")?;
        self.out.flush()?;
        let mut answer = String::new();
        if self.input.read_line(&mut answer)? == 0 {
            writeln!(self.out)?;
            return Ok(None);
        }
        Ok(Some(crate::domain::untrusted::clean_line(&answer)))
    }

    /// Text of at most [`limits::TEXT_CHARS`] characters, asked again when longer; `default`
    /// for an empty answer.
    fn text(&mut self, prompt: &str, default: &str) -> io::Result<Option<String>> {
        loop {
            let Some(answer) = self.line(prompt)? else { return Ok(None) };
            let chars = answer.chars().count();
            if chars <= limits::TEXT_CHARS {
                return Ok(Some(if answer.is_empty() { default.to_owned() } else { answer }));
            }
            writeln!(self.out, "  That is {chars} characters; at most {} fit. Try again.", limits::TEXT_CHARS)?;
        }
    }

    /// An answer `parse` accepts, asked again until one is; `default` for an empty answer.
    fn parsed<T>(&mut self, prompt: &str, default: T, parse: impl Fn(&str) -> Option<T>) -> io::Result<Option<T>>
    where
        T: Clone,
    {
        loop {
            let Some(answer) = self.line(prompt)? else { return Ok(None) };
            if answer.is_empty() {
                return Ok(Some(default));
            }
            match parse(&answer) {
                Some(value) => return Ok(Some(value)),
                None => writeln!(self.out, "  `{answer}` does not do here; the question says what does. Try again.")?,
            }
        }
    }

    /// A whole number in `range`, as `value` makes it; `default` for an empty answer.
    fn number<T: Clone>(
        &mut self,
        prompt: &str,
        default: T,
        range: &RangeInclusive<u32>,
        value: fn(u32) -> T,
    ) -> io::Result<Option<T>> {
        self.parsed(prompt, default, |t| t.parse::<u32>().ok().filter(|n| range.contains(n)).map(value))
    }

    /// The rest of an item: how often, and its dose (an exercise's own, or the routine's).
    fn item(&mut self, named: String, id: String, found: &Found) -> io::Result<Option<Item>> {
        let asked = format!("  Times a day, {} [1]: ", from_to(&limits::TIMES_A_DAY));
        let Some(times_a_day) = self.number(&asked, 1, &limits::TIMES_A_DAY, |n| n)? else {
            return Ok(None);
        };
        let prompt = "  Which days: Enter for every day, weekdays such as mon,wed,fri, or a number of days a week: ";
        let Some(days) = self.parsed(prompt, Days::Every, |t| match t.parse::<u32>() {
            Ok(7) => Some(Days::Every),
            Ok(n) if limits::DAYS_A_WEEK.contains(&n) => Some(Days::PerWeek(n)),
            Ok(_) => None,
            Err(_) => days_of(t).ok(),
        })?
        else {
            return Ok(None);
        };
        let mut dose = Overrides::default();
        let what = match found {
            Found::Routine => What::Routine(named),
            Found::Exercise(timing) => {
                let reps =
                    format!("  Reps (per side, if it has sides), {} [{}]: ", from_to(&dose_limits::REPS), timing.reps);
                let Some(reps) = self.number(&reps, None, &dose_limits::REPS, Some)? else {
                    return Ok(None);
                };
                let hold =
                    format!("  Hold, {} seconds [{}]: ", from_to(&dose_limits::HOLD_SECS), timing.hold.as_secs());
                let Some(hold) = self.parsed(&hold, None, |t| {
                    crate::domain::duration::parse(t)
                        .ok()
                        .filter(|d| dose_limits::HOLD_SECS.contains(&d.as_secs()))
                        .map(Some)
                })?
                else {
                    return Ok(None);
                };
                let sets = format!("  Sets, {} [{}]: ", from_to(&dose_limits::SETS), timing.sets);
                let Some(sets) = self.number(&sets, None, &dose_limits::SETS, Some)? else {
                    return Ok(None);
                };
                dose = Overrides { reps, hold, sets, ..Overrides::default() };
                What::Exercise(named)
            }
        };
        let short = crate::domain::programme::short_name(&id);
        Ok(Some(Item { id, short, what, dose, times_a_day, days, steps: Vec::new(), progression: None }))
    }
}

/// A range as the questions say it: "1 to 52".
fn from_to<T: std::fmt::Display>(range: &RangeInclusive<T>) -> String {
    format!("{} to {}", range.start(), range.end())
}

#[cfg(test)]
mod tests;
