//! The command line: flags, their ranges and help text. Clap refuses a bad value with a usage
//! error and exit code 2 before anything runs.

use std::ops::RangeInclusive;
use std::time::Duration;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

use crate::domain::cues::Bell;
use crate::domain::cues::voice::VoiceMode;
use crate::domain::duration::human;
use crate::domain::exercise::limits;
use crate::domain::plan::Overrides;
use crate::domain::settings::{Given, ThemeName};
use crate::history::review::page::Paper;

/// A guided timer for low back exercises, in the terminal.
///
/// With no arguments it starts a guided session of the supine lower trunk rotation: it tells
/// you which side to turn to, counts each hold down in big digits, gives every moment you act
/// on a sound of its own (each move, hold, release, switch of sides, the last 3 seconds, the
/// end) and says it in words when a speech command is found, so you can follow it with your
/// eyes closed, and reminds you of good form. `trunkrot sound-check` tries the sounds and asks
/// whether you heard them. Your own defaults go in config.toml: see `trunkrot config`.
#[derive(Debug, Parser)]
#[command(name = "trunkrot", version, about, long_about, after_help = crate::tui::keys::help_text())]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(flatten)]
    pub session: SessionArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of a session.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Check exercise, routine, programme and config files (or ids, as `show` takes them): `ok
    /// FILE`, or each problem with its line; exit code 1 if any is bad
    Check {
        #[arg(value_name = "FILE|ID", required = true)]
        files: Vec<PathBuf>,
    },
    /// List the exercises and routines, built-in and your own (in the config dir's `exercises/`
    /// and `routines/`)
    List {
        /// Only the routines' ids, one per line
        #[arg(long)]
        routines: bool,
    },
    /// Print an exercise's instructions, or what a routine does; with no name, what `trunkrot`
    /// alone would run
    Show {
        #[arg(value_name = "NAME|PATH")]
        exercise: Option<String>,
    },
    /// Print the session's timeline, each phase with its start, without running it
    Plan {
        #[command(flatten)]
        plan: PlanArgs,
    },
    /// Show the config file's path and the settings in effect, with where each comes from; exit
    /// code 1 if a session they make would be too long to run
    Config {
        /// Write a commented config with the defaults (never replaces an existing one)
        #[arg(long)]
        init: bool,

        /// Session flags to weigh against the config, as they would be for a session
        #[command(flatten)]
        session: SessionArgs,
    },
    /// Play each cue's sound with its name and say a sentence, asking whether you heard them, to
    /// test them before lying down; sessions then use what you heard; exit code 1 if something
    /// could not be played or said, or was not heard
    SoundCheck(SoundCheckArgs),
    /// Print a completion script for a shell
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff)
    Man,
    /// Show the sessions done: streaks, the last sessions, pain over time; or export them
    History(HistoryArgs),
    /// Show the programme in effect (each item, its dose this week, how often, the review); or
    /// install, write or end one, or print it as a calendar
    Programme(ProgrammeArgs),
    /// What the programme makes due today, what is done and left, and the week so far; exit code
    /// 0 when all is done, 1 when a session is still due
    Today(TodayArgs),
    /// Write a one-page report of your sessions for your physiotherapist: a web page that prints
    /// on one sheet, or a PDF
    Report(ReportArgs),
}

/// `trunkrot today`: the day with the programme in effect.
#[derive(Debug, Clone, Default, Args)]
pub struct TodayArgs {
    /// Print one short line for a shell prompt, e.g. `rot 1/2` (the next item: done of due,
    /// then `+N` sessions of other items), and nothing when nothing is left
    #[arg(long, conflicts_with_all = ["notify", "skip"])]
    pub prompt: bool,

    /// Also send a desktop notification when a session is due (without a notification service:
    /// a line on standard error)
    #[arg(long)]
    pub notify: bool,

    /// Skip today, saying why: what is left is counted apart, not as missed
    #[arg(long, value_name = "REASON")]
    pub skip: Option<String>,
}

/// `trunkrot programme`: the programme in effect, or what to do with one.
#[derive(Debug, Clone, Default, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ProgrammeArgs {
    /// Print the programme as an iCalendar file (RFC 5545) for a calendar to remind you: one
    /// event a day for each session of the day, until it ends, and the review
    #[arg(long)]
    pub ics: bool,

    /// With --ics: the time of the day's first, second, ... session [default: 08:00, then spread
    /// to the evening]
    #[arg(long, value_name = "HH:MM", requires = "ics", value_parser = clock)]
    pub at: Vec<jiff::civil::Time>,

    #[command(subcommand)]
    pub action: Option<ProgrammeAction>,
}

/// What to do with a programme.
#[derive(Debug, Clone, Subcommand)]
pub enum ProgrammeAction {
    /// Check a programme file and make it the programme in effect (a copy in the config dir);
    /// without a `start`, it starts today
    Install {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// End the programme in effect; the history keeps its sessions
    End,
    /// Take the step of its progression the programme now offers (after the days it asks done in
    /// full): the item's new dose from today, kept with its date
    Accept {
        /// The item's id, when more than one offers a step [default: each that does]
        #[arg(value_name = "ITEM")]
        item: Option<String>,
    },
    /// Write a programme from flags (one exercise or routine), or by asking in the terminal when
    /// run with none, then check it and install it
    New(Box<NewProgrammeArgs>),
}

/// `trunkrot programme new`: one item from flags, and the programme around it.
#[derive(Debug, Clone, Default, Args)]
pub struct NewProgrammeArgs {
    /// The exercise (or --routine) and its dose
    #[command(flatten)]
    pub dose: PlanArgs,

    /// How many sessions of it are due on each day it is due [1 to 6; default 1]
    #[arg(long, value_name = "N", value_parser = times_a_day, allow_negative_numbers = true)]
    pub times_a_day: Option<u32>,

    /// The weekdays it is due, e.g. `mon,wed,fri` [default: every day]
    #[arg(long, value_name = "DAYS", value_delimiter = ',', conflicts_with = "days_a_week")]
    pub days: Vec<String>,

    /// Due on any this many days of each week [1 to 7]
    #[arg(long, value_name = "N", value_parser = days_a_week, allow_negative_numbers = true)]
    pub days_a_week: Option<u32>,

    /// How many weeks it lasts [1 to 52]
    #[arg(long, value_name = "N", value_parser = weeks, allow_negative_numbers = true)]
    pub weeks: Option<u32>,

    /// The first day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub start: Option<jiff::civil::Date>,

    /// The day of the review, YYYY-MM-DD [default: the day after the last week]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub review: Option<jiff::civil::Date>,

    /// The programme's name
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,

    /// Who prescribed it
    #[arg(long, value_name = "TEXT")]
    pub prescriber: Option<String>,

    /// How to reach them
    #[arg(long, value_name = "TEXT")]
    pub contact: Option<String>,

    /// Stop and get in touch when pain reaches this [1 to 10]
    #[arg(long, value_name = "N", value_parser = stop_pain, allow_negative_numbers = true)]
    pub stop_pain: Option<u8>,

    /// An activity for the weekly Patient-Specific Functional Scale (up to 3; repeat the flag)
    #[arg(long, value_name = "TEXT")]
    pub psfs: Vec<String>,

    /// Also write the file here, to keep or to show
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,
}

impl NewProgrammeArgs {
    /// Whether any flag was given: with none, `programme new` asks.
    pub fn is_empty(&self) -> bool {
        let plan = &self.dose;
        plan.overrides() == Overrides::default()
            && plan.exercise.is_none()
            && plan.routine.is_none()
            && self.times_a_day.is_none()
            && self.days.is_empty()
            && self.days_a_week.is_none()
            && self.weeks.is_none()
            && self.start.is_none()
            && self.review.is_none()
            && self.name.is_none()
            && self.prescriber.is_none()
            && self.contact.is_none()
            && self.stop_pain.is_none()
            && self.psfs.is_empty()
            && self.save.is_none()
    }
}

/// `--at`'s parser: a time of day such as `07:30`.
fn clock(text: &str) -> Result<jiff::civil::Time, String> {
    text.trim()
        .parse::<jiff::civil::Time>()
        .map_err(|_| "expected a time of day written HH:MM, such as 07:30".to_owned())
}

/// `trunkrot report`: which days, and where the page goes.
#[derive(Debug, Clone, Default, Args)]
pub struct ReportArgs {
    /// The first day of the period [default: the latest of your first session and 12 weeks
    /// before --until]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub since: Option<Date>,

    /// The last day of the period, today at the latest [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub until: Option<Date>,

    /// Where to write the page (`-` for standard output) [default:
    /// trunkrot-report-UNTIL.html in the current folder]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Print the page to this PDF file through a headless Chromium-family browser (the page
    /// itself is then written only if --out is given too)
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,

    /// The sheet to lay the page out on [default for --pdf: a4; for the HTML: the print
    /// dialog's choice]
    #[arg(long, value_name = "SIZE", value_parser = paper())]
    pub paper: Option<Paper>,

    /// The person's name, for the page's title (otherwise none is shown)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// `--paper`'s parser.
fn paper() -> impl clap::builder::TypedValueParser<Value = Paper> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(["a4", "letter"])
        .map(|name| if name == "letter" { Paper::Letter } else { Paper::A4 })
}

/// The flags that change a plan: what to do and its timing.
#[derive(Debug, Clone, Default, Args)]
pub struct PlanArgs {
    /// Reps per side [1 to 100; default: the exercise's]
    #[arg(long, value_name = "N", value_parser = reps, allow_negative_numbers = true)]
    pub reps: Option<u32>,

    /// How long to hold each rep [1 to 600 s; default: the exercise's]
    #[arg(long, value_name = "SECONDS", value_parser = hold, allow_negative_numbers = true)]
    pub hold: Option<Duration>,

    /// How many times the whole round of reps is done, with a rest between [1 to 20; default: the
    /// exercise's]
    #[arg(long, value_name = "N", value_parser = sets, allow_negative_numbers = true)]
    pub sets: Option<u32>,

    /// Time to get into the start position before the first rep [0 to 600 s]
    #[arg(long, value_name = "SECONDS", value_parser = get_ready, allow_negative_numbers = true)]
    pub get_ready: Option<Duration>,

    /// Time to move into each hold, e.g. to turn the knees to the side [0 to 60 s]
    #[arg(long, value_name = "SECONDS", value_parser = transition, allow_negative_numbers = true)]
    pub transition: Option<Duration>,

    /// The exercise to do: an id from `trunkrot list` or the path of a TOML exercise file
    #[arg(long, value_name = "NAME|PATH")]
    pub exercise: Option<String>,

    /// A routine to do instead of one exercise: an id from `trunkrot list --routines` or a path
    #[arg(long, value_name = "NAME|PATH", conflicts_with = "exercise")]
    pub routine: Option<String>,

    /// Rest between sets, and between the exercises of a routine [0 to 600 s]
    #[arg(long, value_name = "SECONDS", value_parser = rest, allow_negative_numbers = true)]
    pub rest: Option<Duration>,
}

impl PlanArgs {
    /// The timing flags that were given.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            reps: self.reps,
            hold: self.hold,
            get_ready: self.get_ready,
            transition: self.transition,
            rest: self.rest,
            sets: self.sets,
        }
    }

    /// What these flags say, as one source of settings.
    pub fn given(&self) -> Given {
        Given {
            overrides: self.overrides(),
            exercise: self.exercise.clone(),
            routine: self.routine.clone(),
            ..Given::default()
        }
    }
}

/// The flags that shape a session: the plan's, and how it is shown and heard. Each setting the
/// config can turn on has a flag to turn it off for one run, and the reverse; the last one given
/// wins.
// Each bool is an on/off switch on the command line, as clap reads it.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Default, Args)]
pub struct SessionArgs {
    #[command(flatten)]
    pub plan: PlanArgs,

    /// How the cues sound: tones through the first audio player that works, else the terminal's
    /// bell (auto); tones; the terminal's bell; or nothing [default: the config's `bell`, else
    /// auto]
    #[arg(long, value_name = "KIND", value_parser = bell())]
    pub bell: Option<Bell>,

    /// No bell: the same as `--bell none`
    #[arg(long, overrides_with = "no_quiet")]
    pub quiet: bool,

    /// Sound the cues, even if the config says `quiet = true`
    #[arg(long, overrides_with = "quiet")]
    pub no_quiet: bool,

    /// Speak the cues aloud with espeak-ng, espeak, spd-say or say (or the config's
    /// `voice_command`), in plain mode too [default: on the screen when one is found]
    #[arg(long, overrides_with = "no_voice")]
    pub voice: bool,

    /// Do not speak
    #[arg(long, overrides_with = "voice")]
    pub no_voice: bool,

    /// Ask about pain and effort at the end of the session (the default)
    #[arg(long, overrides_with = "no_checkin")]
    pub checkin: bool,

    /// Do not ask about pain and effort at the end of the session
    #[arg(long, overrides_with = "checkin")]
    pub no_checkin: bool,

    /// Ask about pain before the session too: the get-ready countdown waits for the answer
    #[arg(long, overrides_with = "no_checkin_before")]
    pub checkin_before: bool,

    /// Do not ask about pain before the session (the default)
    #[arg(long, overrides_with = "checkin_before")]
    pub no_checkin_before: bool,

    /// The screen's colours [default: the config's `theme`, else auto]
    #[arg(long, value_name = "NAME", value_parser = theme())]
    pub theme: Option<ThemeName>,

    /// Print one line per phase instead of drawing the screen (the default when stdout is not a
    /// terminal)
    #[arg(long)]
    pub plain: bool,
}

impl SessionArgs {
    /// What these flags say, as one source of settings.
    pub fn given(&self) -> Given {
        Given {
            quiet: switch(self.quiet, self.no_quiet),
            bell: self.bell,
            voice: voice_mode(self.voice, self.no_voice),
            checkin: switch(self.checkin, self.no_checkin),
            checkin_before: switch(self.checkin_before, self.no_checkin_before),
            theme: self.theme,
            ..self.plan.given()
        }
    }
}

/// The flags of `sound-check`: the session's sound settings, to try them for one run.
#[derive(Debug, Clone, Default, Args)]
pub struct SoundCheckArgs {
    /// The sound to check [default: the config's `bell`, else auto: the tones and the bell]
    #[arg(long, value_name = "KIND", value_parser = bell())]
    pub bell: Option<Bell>,

    /// Check the voice, even if the config turns it off
    #[arg(long, overrides_with = "no_voice")]
    pub voice: bool,

    /// Do not check the voice
    #[arg(long, overrides_with = "voice")]
    pub no_voice: bool,
}

impl SoundCheckArgs {
    /// What these flags say, as one source of settings.
    pub fn given(&self) -> Given {
        Given { bell: self.bell, voice: voice_mode(self.voice, self.no_voice), ..Given::default() }
    }
}

/// `trunkrot history`: what to show and which records.
#[derive(Debug, Clone, Default, Args)]
pub struct HistoryArgs {
    /// Print every session as one JSON array, in the stored format
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Print a CSV header and one row per exercise of each session, for a spreadsheet
    #[arg(long)]
    pub csv: bool,

    /// Only sessions on or after this day (YYYY-MM-DD, the local date of the session)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub since: Option<Date>,

    /// Only sessions of this exercise (its id, as `--exercise` takes it)
    #[arg(long, value_name = "ID")]
    pub exercise: Option<String>,
}

/// `--voice` and `--no-voice` as the voice setting: `None` when neither was given.
fn voice_mode(on: bool, off: bool) -> Option<VoiceMode> {
    switch(on, off).map(|on| if on { VoiceMode::On } else { VoiceMode::Off })
}

/// An on/off pair of flags as a setting: `None` when neither was given.
fn switch(on: bool, off: bool) -> Option<bool> {
    match (on, off) {
        (true, _) => Some(true),
        (false, true) => Some(false),
        (false, false) => None,
    }
}

/// `--theme`'s parser: the names of [`ThemeName::ALL`], listed in `--help`.
fn theme() -> impl clap::builder::TypedValueParser<Value = ThemeName> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(ThemeName::ALL.map(|(_, name)| name))
        .map(|name| ThemeName::from_name(&name).unwrap_or_default())
}

/// `--bell`'s parser: the names of [`Bell::NAMES`], listed in `--help`.
fn bell() -> impl clap::builder::TypedValueParser<Value = Bell> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Bell::NAMES).map(|name| Bell::from_name(&name).unwrap_or_default())
}

fn seconds_within(text: &str, bounds: RangeInclusive<u64>) -> Result<Duration, String> {
    let duration = crate::domain::duration::parse(text).map_err(|why| format!("`{text}` {why}"))?;
    let (least, most) = (*bounds.start(), *bounds.end());
    let allowed = |secs| human(Duration::from_secs(secs));
    if duration.as_secs() > most {
        Err(format!("{} is too long: this takes {} to {}", human(duration), allowed(least), allowed(most)))
    } else if duration.as_secs() < least {
        Err(format!("{} is too short: this takes {} to {}", human(duration), allowed(least), allowed(most)))
    } else {
        Ok(duration)
    }
}

fn hold(text: &str) -> Result<Duration, String> {
    seconds_within(text, limits::HOLD_SECS)
}

fn get_ready(text: &str) -> Result<Duration, String> {
    seconds_within(text, limits::GET_READY_SECS)
}

fn transition(text: &str) -> Result<Duration, String> {
    seconds_within(text, limits::TRANSITION_SECS)
}

fn rest(text: &str) -> Result<Duration, String> {
    seconds_within(text, limits::REST_SECS)
}

/// A whole number within `range`, or a message that says the range in words: clap's own says
/// `0 is not in 1..=100` or `invalid digit found in string`.
fn whole_within(text: &str, range: RangeInclusive<u32>) -> Result<u32, String> {
    let (low, high) = (*range.start(), *range.end());
    let expected = || format!("expected a whole number from {low} to {high}");
    let value: i128 = text.trim().parse().map_err(|_| expected())?;
    u32::try_from(value)
        .ok()
        .filter(|value| range.contains(value))
        .ok_or_else(|| format!("{value} is outside {low} to {high}"))
}

fn reps(text: &str) -> Result<u32, String> {
    whole_within(text, limits::REPS)
}

fn sets(text: &str) -> Result<u32, String> {
    whole_within(text, limits::SETS)
}

fn times_a_day(text: &str) -> Result<u32, String> {
    whole_within(text, crate::domain::programme::limits::TIMES_A_DAY)
}

fn days_a_week(text: &str) -> Result<u32, String> {
    whole_within(text, crate::domain::programme::limits::DAYS_A_WEEK)
}

fn weeks(text: &str) -> Result<u32, String> {
    whole_within(text, crate::domain::programme::limits::WEEKS)
}

fn stop_pain(text: &str) -> Result<u8, String> {
    let pain = whole_within(text, crate::domain::programme::limits::PAIN)?;
    u8::try_from(pain).map_err(|_| format!("{pain} is outside 1 to 10"))
}

/// `--since`'s and `--until`'s parser: a calendar day, and a message that says the form when
/// it is not one.
fn day(text: &str) -> Result<Date, String> {
    text.trim().parse::<Date>().map_err(|_| "expected a day written YYYY-MM-DD, such as 2026-03-01".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_number_out_of_its_range_or_not_whole_says_the_range_in_words() {
        let said = |args: &[&str]| Cli::try_parse_from(args).unwrap_err().to_string();
        for (flag, value, told) in [
            ("--reps", "0", "0 is outside 1 to 100"),
            ("--reps", "-1", "-1 is outside 1 to 100"),
            ("--reps", "1.5", "expected a whole number from 1 to 100"),
            ("--reps", "99999999999999999999", "is outside 1 to 100"),
            ("--sets", "21", "21 is outside 1 to 20"),
        ] {
            let message = said(&["trunkrot", flag, value]);
            assert!(message.contains(told), "{flag} {value}: {message}");
            assert!(!message.contains("..=") && !message.contains("digit"), "{message}");
        }
        let weeks = said(&["trunkrot", "programme", "new", "--weeks", "0"]);
        assert!(weeks.contains("0 is outside 1 to 52"), "{weeks}");
        let pain = said(&["trunkrot", "programme", "new", "--stop-pain", "11"]);
        assert!(pain.contains("11 is outside 1 to 10"), "{pain}");
        assert_eq!(whole_within("7", 1..=10), Ok(7));
    }

    #[test]
    fn flags_parse_into_overrides() {
        let cli = Cli::try_parse_from(["trunkrot", "--reps", "2", "--hold", "1m", "--get-ready", "0", "--sets", "2"])
            .unwrap();
        let overrides = cli.session.plan.overrides();
        assert_eq!(overrides.sets, Some(2));
        assert_eq!(overrides.reps, Some(2));
        assert_eq!(overrides.hold, Some(Duration::from_secs(60)));
        assert_eq!(overrides.get_ready, Some(Duration::ZERO));
        assert_eq!(overrides.transition, None);
    }

    #[test]
    fn out_of_range_values_are_usage_errors() {
        for args in [
            ["--reps", "0"],
            ["--reps", "101"],
            ["--hold", "0"],
            ["--hold", "601"],
            ["--transition", "61"],
            ["--hold", "-1"],
            ["--sets", "0"],
            ["--sets", "21"],
        ] {
            let error = Cli::try_parse_from(["trunkrot", args[0], args[1]]).unwrap_err();
            assert_eq!(error.exit_code(), 2, "{args:?}");
        }
    }

    #[test]
    fn each_switch_turns_a_setting_on_or_off_and_the_last_one_wins() {
        let given = |args: &[&str]| {
            let cli = Cli::try_parse_from(std::iter::once("trunkrot").chain(args.iter().copied())).unwrap();
            cli.session.given()
        };
        assert_eq!(given(&[]).quiet, None);
        assert_eq!(given(&["--no-quiet"]).quiet, Some(false));
        assert_eq!(given(&["--quiet", "--no-quiet"]).quiet, Some(false));
        assert_eq!(given(&["--no-voice", "--voice"]).voice, Some(VoiceMode::On));
        assert_eq!(given(&["--voice", "--no-voice"]).voice, Some(VoiceMode::Off));
        assert_eq!(given(&["--no-checkin"]).checkin, Some(false));
        assert_eq!(given(&["--theme", "high-contrast"]).theme, Some(ThemeName::HighContrast));
        assert!(Cli::try_parse_from(["trunkrot", "--theme", "purple"]).is_err());
    }

    #[test]
    fn plan_takes_only_the_flags_that_change_a_plan() {
        assert!(Cli::try_parse_from(["trunkrot", "plan", "--reps", "2", "--routine", "low-back"]).is_ok());
        for flag in ["--quiet", "--plain", "--voice", "--no-checkin"] {
            assert!(Cli::try_parse_from(["trunkrot", "plan", flag]).is_err(), "{flag}");
        }
    }

    #[test]
    fn clap_configuration_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
