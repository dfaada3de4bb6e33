//! The settings of one run, resolved once from the flags, the config file and the environment,
//! each with where it came from. The session, `plan` and `trunkrot config` all read this value.
//!
//! To add a setting: a field in [`Given`] (what the flags or the config say), a field in
//! [`Resolved`] with its rule in [`resolve`], then the flag (cli.rs), the config key
//! (shell/config/raw.rs) and its row in `trunkrot config` read it.
//!
//! Pure: the shell reads the file and the environment and hands the plain values in.

use crate::domain::cues::Bell;
use crate::domain::cues::voice::VoiceMode;
use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::domain::diagnostic::Diagnostic;
use crate::domain::exercise::Exercise;
use crate::domain::plan::Overrides;

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flag,
    /// The programme in effect: the item this session does.
    Programme,
    Config,
    /// The config's own table for the exercise, `[exercise.ID]`.
    ConfigExercise,
    Exercise,
    Routine,
    Default,
    Environment,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Flag => "flag",
            Origin::Programme => "programme",
            Origin::Config => "config.toml",
            Origin::ConfigExercise => "config.toml [exercise.ID]",
            Origin::Exercise => "exercise file",
            Origin::Routine => "routine",
            Origin::Default => "default",
            Origin::Environment => "environment",
        })
    }
}

/// A setting's value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub from: Origin,
}

/// The colour scheme of the session screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// Dark or light by the terminal's background.
    #[default]
    Auto,
    Dark,
    Light,
    HighContrast,
}

impl ThemeName {
    /// Every theme with the name the config and `--theme` use: the one list of names.
    pub const ALL: [(ThemeName, &'static str); 4] = [
        (ThemeName::Auto, "auto"),
        (ThemeName::Dark, "dark"),
        (ThemeName::Light, "light"),
        (ThemeName::HighContrast, "high-contrast"),
    ];

    /// The name the config and `--theme` use.
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(theme, _)| *theme == self).map_or("auto", |(_, name)| name)
    }

    /// The theme called `name`, if there is one. `default` is the name `auto` had before there
    /// was a light theme, still read so older configs keep working.
    pub fn from_name(name: &str) -> Option<ThemeName> {
        if name == "default" {
            return Some(ThemeName::Auto);
        }
        Self::ALL.iter().find(|(_, known)| *known == name).map(|(theme, _)| *theme)
    }

    /// The names, for messages: `"auto"`, `"dark"`, `"light"` or `"high-contrast"`.
    pub fn choices() -> String {
        let names: Vec<String> = Self::ALL.iter().map(|(_, name)| format!("`\"{name}\"`")).collect();
        let (last, rest) = names.split_last().map_or((String::new(), &[][..]), |(l, r)| (l.clone(), r));
        if rest.is_empty() { last } else { format!("{} or {last}", rest.join(", ")) }
    }
}

/// What one source (the flags, or the config file) says; `None` for each setting it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Given {
    /// `reps`, `hold`, `get_ready`, `transition`, `sets`, `rest`: from the flags, for whatever
    /// runs; from the config, for the default exercise only.
    pub overrides: Overrides,
    /// The config's own dose for each exercise id (`[exercise.knee-to-chest]`), wherever it runs.
    pub exercises: Vec<(String, Overrides)>,
    /// The exercise: a built-in id, the user's own id, or a path.
    pub exercise: Option<String>,
    /// Where a file names the exercise (the config's `exercise` line), for messages about it.
    pub exercise_place: Option<Diagnostic>,
    /// The folder of the file that names the exercise: a relative path is taken from there.
    pub exercise_folder: Option<PathBuf>,
    /// A routine instead of one exercise: an id or a path.
    pub routine: Option<String>,
    pub quiet: Option<bool>,
    /// How the cues sound: the terminal bell, tones, or nothing.
    pub bell: Option<Bell>,
    /// Whether to speak: `auto`, on or off.
    pub voice: Option<VoiceMode>,
    /// The speech program and its arguments: the words are added as the last argument.
    pub voice_command: Option<Vec<String>>,
    /// The audio player and its arguments: the tone file is added as the last argument.
    pub player: Option<Vec<String>>,
    /// Whether to ask about pain and effort at the end.
    pub checkin: Option<bool>,
    /// Whether to ask about pain before the session starts too.
    pub checkin_before: Option<bool>,
    pub theme: Option<ThemeName>,
}

/// What the environment says, read once by the shell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Environment {
    /// `PATH`, where a speech program is looked for.
    pub path: Option<OsString>,
    /// Whether `NO_COLOR` is set to something.
    pub no_color: bool,
    /// `COLORFGBG` (`15;0`: foreground on background), which some terminals set.
    pub colorfgbg: Option<String>,
}

/// What the session is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Exercise(String),
    Routine(String),
}

/// Every setting of the run, each with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub subject: Sourced<Subject>,
    /// Where the config names the subject, when it does: a message about it points there.
    pub subject_place: Option<Diagnostic>,
    /// The folder a relative path in the subject is taken from, when the config names it.
    pub subject_folder: Option<PathBuf>,
    /// The timing the flags give: they win over a routine's own and the config's.
    pub flag_timing: Overrides,
    /// The dose of the programme item this session does: under the flags, over the rest.
    pub programme_timing: Overrides,
    /// The timing the config gives at its top: for the default exercise only, over its file's.
    pub config_timing: Overrides,
    /// The config's own dose for each exercise id, wherever it runs; over the top's.
    pub config_exercises: Vec<(String, Overrides)>,
    /// The exercise a session without flags does (the config's, else the built-in default):
    /// the one the config's top-level timing is for.
    pub default_exercise: String,
    pub quiet: Sourced<bool>,
    /// How the cues sound, `quiet` taken into account.
    pub bell: Sourced<Bell>,
    pub voice: Sourced<VoiceMode>,
    /// The configured speech command, if any; otherwise one is looked for on `path`.
    pub voice_command: Option<Vec<String>>,
    /// The configured audio player, if any; otherwise the known ones are looked for on `path`.
    pub player: Option<Vec<String>>,
    pub checkin: Sourced<bool>,
    /// Ask the pain before the session too (on the get-ready screen).
    pub checkin_before: Sourced<bool>,
    pub theme: Sourced<ThemeName>,
    /// False when `NO_COLOR` is set.
    pub colour: Sourced<bool>,
    /// `PATH`, for finding a speech program.
    pub path: Option<OsString>,
    /// `COLORFGBG`, the first clue to the terminal's background for `theme = "auto"`.
    pub colorfgbg: Option<String>,
}

/// The first of `flag` and `config` that is given, else `default`.
fn pick<T>(flag: Option<T>, config: Option<T>, default: T) -> Sourced<T> {
    match (flag, config) {
        (Some(value), _) => Sourced { value, from: Origin::Flag },
        (None, Some(value)) => Sourced { value, from: Origin::Config },
        (None, None) => Sourced { value: default, from: Origin::Default },
    }
}

/// How the cues sound. `quiet` is `bell = "none"` by another name (`bell` wins when one source
/// gives both), and `--no-quiet` brings back the default sound (`auto`) over a config that
/// silences it.
fn bell(flags: &Given, config: &Given) -> Sourced<Bell> {
    let said = |given: &Given| given.bell.or(given.quiet.and_then(|quiet| quiet.then_some(Bell::None)));
    match (said(flags), said(config)) {
        (Some(value), _) => Sourced { value, from: Origin::Flag },
        (None, Some(Bell::None)) if flags.quiet == Some(false) => Sourced { value: Bell::Auto, from: Origin::Flag },
        (None, Some(value)) => Sourced { value, from: Origin::Config },
        (None, None) => Sourced { value: Bell::default(), from: Origin::Default },
    }
}

/// Resolves the run's settings: flags over the config over the defaults; the environment for
/// what only it can say.
pub fn resolve(flags: &Given, config: &Given, environment: Environment) -> Resolved {
    let subject = match (&flags.routine, &flags.exercise) {
        (Some(routine), _) => Sourced { value: Subject::Routine(routine.clone()), from: Origin::Flag },
        (None, Some(exercise)) => Sourced { value: Subject::Exercise(exercise.clone()), from: Origin::Flag },
        (None, None) => match (&config.routine, &config.exercise) {
            (Some(routine), _) => Sourced { value: Subject::Routine(routine.clone()), from: Origin::Config },
            (None, exercise) => pick(
                None,
                exercise.clone().map(Subject::Exercise),
                Subject::Exercise(crate::domain::exercise::DEFAULT_ID.to_owned()),
            ),
        },
    };
    let colour = if environment.no_color {
        Sourced { value: false, from: Origin::Environment }
    } else {
        Sourced { value: true, from: Origin::Default }
    };
    let from_config = subject.from == Origin::Config;
    let subject_place = if from_config { config.exercise_place.clone() } else { None };
    let subject_folder = if from_config { config.exercise_folder.clone() } else { None };
    Resolved {
        subject,
        subject_place,
        subject_folder,
        flag_timing: flags.overrides.clone(),
        programme_timing: Overrides::default(),
        config_timing: config.overrides.clone(),
        config_exercises: config.exercises.clone(),
        default_exercise: config.exercise.clone().unwrap_or_else(|| crate::domain::exercise::DEFAULT_ID.to_owned()),
        quiet: pick(flags.quiet, config.quiet, false),
        bell: bell(flags, config),
        voice: pick(flags.voice, config.voice, VoiceMode::Auto),
        voice_command: flags.voice_command.clone().or_else(|| config.voice_command.clone()),
        player: flags.player.clone().or_else(|| config.player.clone()),
        checkin: pick(flags.checkin, config.checkin, true),
        checkin_before: pick(flags.checkin_before, config.checkin_before, false),
        theme: pick(flags.theme, config.theme, ThemeName::default()),
        colour,
        path: environment.path,
        colorfgbg: environment.colorfgbg,
    }
}

/// One exercise's timing, each value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimingFrom {
    pub reps: Sourced<u32>,
    pub hold: Sourced<Duration>,
    pub get_ready: Sourced<Duration>,
    pub transition: Sourced<Duration>,
    pub sets: Sourced<u32>,
    pub rest: Sourced<Duration>,
}

/// The value of the strongest layer that gives one, else the exercise file's.
fn first<T>(layers: &[(Overrides, Origin)], get: impl Fn(&Overrides) -> Option<T>, file: T) -> Sourced<T> {
    layers
        .iter()
        .find_map(|(layer, from)| get(layer).map(|value| Sourced { value, from: *from }))
        .unwrap_or(Sourced { value: file, from: Origin::Exercise })
}

impl Resolved {
    /// Puts a programme item in this run: its subject, unless the flags name one (the caller
    /// gives the dose only when they name the item's own), and its dose under the flags'.
    pub fn prescribe(&mut self, subject: Subject, dose: Overrides) {
        if self.subject.from != Origin::Flag {
            self.subject = Sourced { value: subject, from: Origin::Programme };
            self.subject_place = None;
            self.subject_folder = None;
        }
        self.programme_timing = dose;
    }

    /// Whether `id` is the default exercise's: its id, or the stem of its file's path.
    fn is_default(&self, id: &str) -> bool {
        let name = self.default_exercise.as_str();
        name == id
            || (crate::domain::programme::is_path(name)
                && std::path::Path::new(name).file_stem().is_some_and(|stem| stem.to_string_lossy() == id))
    }

    /// The layers of timing over an exercise file, strongest first: the flags, the programme's
    /// item, a routine's own settings for the exercise, the config's table for the exercise, the
    /// config's top (for the default exercise only: it never leaks into another).
    fn timing_layers(&self, exercise: &str, routine: &Overrides) -> [(Overrides, Origin); 5] {
        let own = self.config_exercises.iter().find(|(id, _)| id == exercise).map(|(_, dose)| dose.clone());
        let top = if self.is_default(exercise) { self.config_timing.clone() } else { Overrides::default() };
        [
            (self.flag_timing.clone(), Origin::Flag),
            (self.programme_timing.clone(), Origin::Programme),
            (routine.clone(), Origin::Routine),
            (own.unwrap_or_default(), Origin::ConfigExercise),
            (top, Origin::Config),
        ]
    }

    /// The overrides the exercise `id` runs with; `routine` is the routine's own settings for it
    /// (empty outside a routine).
    pub fn overrides(&self, id: &str, routine: &Overrides) -> Overrides {
        self.timing_layers(id, routine).iter().fold(Overrides::default(), |merged, (layer, _)| merged.over(layer))
    }

    /// The timing an exercise runs with as the session's first, each value with where it came
    /// from (getting ready, [`crate::domain::plan::FIRST_GET_READY`] by default, not the file's own time).
    pub fn timing(&self, exercise: &Exercise, routine: &Overrides) -> TimingFrom {
        let layers = self.timing_layers(&exercise.id, routine);
        let file = &exercise.timing;
        let get_ready = first(&layers, |o| o.get_ready, file.get_ready);
        TimingFrom {
            reps: first(&layers, |o| o.reps, file.reps),
            hold: first(&layers, |o| o.hold, file.hold),
            get_ready: if get_ready.from == Origin::Exercise {
                Sourced { value: crate::domain::plan::FIRST_GET_READY, from: Origin::Default }
            } else {
                get_ready
            },
            transition: first(&layers, |o| o.transition, file.transition),
            sets: first(&layers, |o| o.sets, file.sets),
            rest: first(&layers, |o| o.rest, file.rest),
        }
    }

    /// The rest between a routine's exercises: `--rest`, else the routine's own `rest`, else
    /// the config's, else `default`.
    pub fn rest_between(&self, routine_rest: Option<Duration>, default: Duration) -> Duration {
        self.flag_timing.rest.or(routine_rest).or(self.config_timing.rest).unwrap_or(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn flags_win_over_the_config_and_the_config_over_defaults() {
        let flags = Given { quiet: Some(false), voice: Some(VoiceMode::On), ..Given::default() };
        let config = Given { quiet: Some(true), theme: Some(ThemeName::HighContrast), ..Given::default() };
        let resolved = resolve(&flags, &config, Environment::default());
        assert_eq!(resolved.quiet, Sourced { value: false, from: Origin::Flag }, "--no-quiet turns the config off");
        assert_eq!(resolved.voice, Sourced { value: VoiceMode::On, from: Origin::Flag });
        let defaults = resolve(&Given::default(), &Given::default(), Environment::default());
        assert_eq!(defaults.voice, Sourced { value: VoiceMode::Auto, from: Origin::Default });
        let player = Given { player: Some(vec!["paplay".into()]), ..Given::default() };
        assert_eq!(resolve(&Given::default(), &player, Environment::default()).player, player.player);
        assert_eq!(resolved.theme, Sourced { value: ThemeName::HighContrast, from: Origin::Config });
        assert_eq!(resolved.checkin, Sourced { value: true, from: Origin::Default });
        assert_eq!(resolved.colour, Sourced { value: true, from: Origin::Default });
    }

    #[test]
    fn the_bell_is_chosen_and_quiet_is_its_none() {
        let bell = |flags: Given, config: Given| resolve(&flags, &config, Environment::default()).bell;
        let tones = Given { bell: Some(Bell::Tones), ..Given::default() };
        let quiet = Given { quiet: Some(true), ..Given::default() };
        let loud = Given { quiet: Some(false), ..Given::default() };
        assert_eq!(bell(Given::default(), Given::default()), Sourced { value: Bell::Auto, from: Origin::Default });
        assert_eq!(bell(Given::default(), tones.clone()), Sourced { value: Bell::Tones, from: Origin::Config });
        assert_eq!(bell(quiet.clone(), tones.clone()), Sourced { value: Bell::None, from: Origin::Flag });
        assert_eq!(bell(Given::default(), quiet.clone()), Sourced { value: Bell::None, from: Origin::Config });
        assert_eq!(bell(loud.clone(), quiet), Sourced { value: Bell::Auto, from: Origin::Flag }, "--no-quiet");
        assert_eq!(bell(loud, tones.clone()), Sourced { value: Bell::Tones, from: Origin::Config });
        let both = Given { quiet: Some(true), ..tones };
        assert_eq!(bell(Given::default(), both).value, Bell::Tones, "bell wins over quiet");
    }

    #[test]
    fn the_subject_comes_from_the_flags_then_the_config_then_the_default() {
        let config = Given { exercise: Some("bridge".into()), ..Given::default() };
        let resolved = resolve(&Given::default(), &config, Environment::default());
        assert_eq!(resolved.subject, Sourced { value: Subject::Exercise("bridge".into()), from: Origin::Config });
        let flags = Given { routine: Some("low-back".into()), ..Given::default() };
        let resolved = resolve(&flags, &config, Environment::default());
        assert_eq!(resolved.subject, Sourced { value: Subject::Routine("low-back".into()), from: Origin::Flag });
        let resolved = resolve(&Given::default(), &Given::default(), Environment::default());
        assert_eq!(resolved.subject.from, Origin::Default);
    }

    #[test]
    fn no_color_in_the_environment_turns_colour_off() {
        let environment = Environment { path: None, no_color: true, colorfgbg: None };
        let resolved = resolve(&Given::default(), &Given::default(), environment);
        assert_eq!(resolved.colour, Sourced { value: false, from: Origin::Environment });
    }

    fn built_in(id: &str) -> Exercise {
        crate::domain::exercise::built_in(id).expect("built in").expect("valid")
    }

    #[test]
    fn timing_layers_flags_over_programme_over_routine_over_config_over_file() {
        let flags = Given { overrides: Overrides { hold: Some(secs(4)), ..Overrides::default() }, ..Given::default() };
        let config = Given {
            overrides: Overrides { hold: Some(secs(9)), reps: Some(3), rest: Some(secs(20)), ..Overrides::default() },
            ..Given::default()
        };
        let mut resolved = resolve(&flags, &config, Environment::default());
        let routine = Overrides { reps: Some(2), ..Overrides::default() };
        let rotation = built_in(crate::domain::exercise::DEFAULT_ID);
        let merged = resolved.overrides(&rotation.id, &routine);
        assert_eq!((merged.hold, merged.reps, merged.transition), (Some(secs(4)), Some(2), None));
        let timing = resolved.timing(&rotation, &routine);
        assert_eq!(timing.hold, Sourced { value: secs(4), from: Origin::Flag });
        assert_eq!(timing.reps, Sourced { value: 2, from: Origin::Routine });
        assert_eq!(timing.rest, Sourced { value: secs(20), from: Origin::Config });
        assert_eq!(timing.transition, Sourced { value: secs(3), from: Origin::Exercise });
        assert_eq!(resolved.rest_between(Some(secs(15)), secs(60)), secs(15));
        assert_eq!(resolved.rest_between(None, secs(60)), secs(20));
        let item = Overrides { reps: Some(7), hold: Some(secs(6)), sets: Some(2), ..Overrides::default() };
        resolved.prescribe(Subject::Exercise(rotation.id.clone()), item);
        let timing = resolved.timing(&rotation, &routine);
        assert_eq!(timing.hold, Sourced { value: secs(4), from: Origin::Flag }, "flags still win");
        assert_eq!(timing.reps, Sourced { value: 7, from: Origin::Programme });
        assert_eq!(timing.sets, Sourced { value: 2, from: Origin::Programme });
        assert_eq!(resolved.subject.from, Origin::Programme);
    }

    #[test]
    fn the_config_top_is_for_the_default_exercise_and_each_table_for_its_own() {
        let config = Given {
            overrides: Overrides { reps: Some(6), hold: Some(secs(5)), ..Overrides::default() },
            exercises: vec![("pelvic-tilt".into(), Overrides { reps: Some(12), ..Overrides::default() })],
            ..Given::default()
        };
        let resolved = resolve(&Given::default(), &config, Environment::default());
        let knee = built_in("knee-to-chest");
        let timing = resolved.timing(&knee, &Overrides::default());
        assert_eq!(timing.reps, Sourced { value: 3, from: Origin::Exercise }, "reps = 6 does not leak");
        assert_eq!(timing.hold, Sourced { value: secs(20), from: Origin::Exercise }, "nor hold = 5");
        let tilt = resolved.timing(&built_in("pelvic-tilt"), &Overrides::default());
        assert_eq!(tilt.reps, Sourced { value: 12, from: Origin::ConfigExercise });
        let rotation = resolved.timing(&built_in(crate::domain::exercise::DEFAULT_ID), &Overrides::default());
        assert_eq!(rotation.reps, Sourced { value: 6, from: Origin::Config });
        let tilt_default = Given { exercise: Some("./mine/pelvic-tilt.toml".into()), ..config };
        let resolved = resolve(&Given::default(), &tilt_default, Environment::default());
        let tilt = resolved.timing(&built_in("pelvic-tilt"), &Overrides::default());
        assert_eq!(tilt.reps, Sourced { value: 12, from: Origin::ConfigExercise }, "its own table over the top");
        assert_eq!(tilt.hold, Sourced { value: secs(5), from: Origin::Config }, "the default's, named by a path");
    }

    #[test]
    fn a_flag_subject_is_kept_when_a_programme_item_is_prescribed() {
        let flags = Given { exercise: Some("knee-to-chest".into()), ..Given::default() };
        let mut resolved = resolve(&flags, &Given::default(), Environment::default());
        resolved
            .prescribe(Subject::Exercise("knee-to-chest".into()), Overrides { reps: Some(4), ..Overrides::default() });
        assert_eq!(resolved.subject, Sourced { value: Subject::Exercise("knee-to-chest".into()), from: Origin::Flag });
        assert_eq!(resolved.timing(&built_in("knee-to-chest"), &Overrides::default()).reps.value, 4);
    }

    #[test]
    fn every_theme_name_reads_back() {
        for (theme, name) in ThemeName::ALL {
            assert_eq!(ThemeName::from_name(name), Some(theme));
            assert_eq!(theme.as_str(), name);
        }
        assert_eq!(ThemeName::from_name("dark "), None);
    }
}
