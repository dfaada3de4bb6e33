//! Finding exercises: the built-in ones by id, the user's own by id, or a file by path. This is
//! the shell's side of loading: it reads files; [`crate::domain::exercise`] judges what they say.
//!
//! A name is looked up as a built-in id first, then as `NAME.toml` in the user's exercises dir,
//! then as a path. A user file with the id of a built-in is therefore shadowed (`list` says so):
//! the shipped exercises always mean the same thing, and a path still reaches the user's file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::duration::human;
use crate::domain::exercise::{self, Exercise};
use crate::domain::plan::{self, Overrides, Plan};
use crate::domain::routine::{self, Routine};
use crate::domain::settings::{Origin, Resolved, Subject};
use crate::domain::spelling::Unknown;
use crate::domain::summary::listed;
use crate::domain::untrusted::clean_line;
use crate::failure::Failure;
use crate::shell::{places, regular_file};

/// An exercise file larger than this is refused unread.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// At most this many of the user's files are listed or searched, so a huge dir cannot stall us.
pub const MAX_USER_FILES: usize = 1000;

/// The two kinds of file a name can mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Exercise,
    Routine,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Exercise => "exercise",
            Kind::Routine => "routine",
        }
    }

    fn built_in(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Exercise => exercise::BUILT_IN,
            Kind::Routine => routine::BUILT_IN,
        }
    }
}

/// What a name leads to.
enum Found<T> {
    /// A built-in, already read.
    BuiltIn(T),
    /// `NAME.toml` in the user's folder.
    User(PathBuf),
    /// A path, as given or from the naming file's folder.
    Path(PathBuf),
}

/// The one lookup from a name to a file, for exercises and routines alike: a built-in id (as
/// `built_in` finds it), then `NAME.toml` in `user_dir`, then a path (relative to `base`, the
/// folder of the file that names it, if any). A bare word that is none of these is unknown.
fn locate<T>(
    name: &str,
    kind: Kind,
    built_in: impl FnOnce(&str) -> Option<T>,
    user_dir: Option<&Path>,
    base: Option<&Path>,
) -> Result<Found<T>, Unknown> {
    if let Some(found) = built_in(name) {
        return Ok(Found::BuiltIn(found));
    }
    if let Some(path) = user_file(name, user_dir) {
        return Ok(Found::User(path));
    }
    let path = base.map_or_else(|| PathBuf::from(name), |dir| dir.join(name));
    if path.exists() || crate::domain::programme::is_path(name) {
        return Ok(Found::Path(path));
    }
    Err(Unknown::new(kind.noun(), name, &known_ids(kind.built_in(), user_dir)))
}

/// Loads the exercise named by `--exercise` (the default if `None`), looking in the user's
/// exercises dir as well as the built-ins.
pub fn load(name: Option<&str>) -> Result<Exercise, Failure> {
    find(name.unwrap_or(exercise::DEFAULT_ID), crate::shell::places::user_exercises_dir().as_deref())
}

/// Loads an exercise by built-in id, by id in `user_dir`, or by path, in that order.
pub fn find(name: &str, user_dir: Option<&Path>) -> Result<Exercise, Failure> {
    find_exercise(name, user_dir, None)
}

/// Loads an exercise as [`locate`] finds it.
fn find_exercise(name: &str, user_dir: Option<&Path>, base: Option<&Path>) -> Result<Exercise, Failure> {
    match locate(name, Kind::Exercise, exercise::built_in, user_dir, base)? {
        Found::BuiltIn(built_in) => Ok(built_in?),
        Found::User(path) | Found::Path(path) => load_path(&path),
    }
}

/// Loads the routine named by `--routine`, with each of the exercises it names.
pub fn load_routine(name: &str) -> Result<(Routine, Vec<Exercise>), Failure> {
    find_routine(name, places::user_routines_dir().as_deref(), places::user_exercises_dir().as_deref())
}

/// Loads a routine by built-in id, by id in `routines_dir`, or by path, and then its exercises:
/// ids as [`find`] looks them up, and relative paths from the routine file's own dir.
pub fn find_routine(
    name: &str,
    routines_dir: Option<&Path>,
    exercises_dir: Option<&Path>,
) -> Result<(Routine, Vec<Exercise>), Failure> {
    find_routine_from(name, routines_dir, exercises_dir, None)
}

/// The routine a file (a programme) names, as `locate` finds it: a relative path from the
/// naming file's `folder`; a failure told at its `place` in that file.
pub fn named_routine(
    name: &str,
    folder: Option<&Path>,
    place: Option<&Diagnostic>,
) -> Result<(Routine, Vec<Exercise>), Failure> {
    let (routines, exercises) = (places::user_routines_dir(), places::user_exercises_dir());
    find_routine_from(name, routines.as_deref(), exercises.as_deref(), folder).map_err(|failure| blame(failure, place))
}

/// [`find_routine`], with a relative path taken from `base`.
fn find_routine_from(
    name: &str,
    routines_dir: Option<&Path>,
    exercises_dir: Option<&Path>,
    base: Option<&Path>,
) -> Result<(Routine, Vec<Exercise>), Failure> {
    let ((routine, problems), base) = match locate(name, Kind::Routine, routine::built_in, routines_dir, base)? {
        Found::BuiltIn(built_in) => ((built_in?, Vec::new()), None),
        Found::User(path) | Found::Path(path) => (read_routine(&path)?, path.parent().map(Path::to_path_buf)),
    };
    let exercises = routine_exercises(&routine, problems, base.as_deref(), exercises_dir)?;
    Ok((routine, exercises))
}

/// Reads a routine file as far as it can be read: the routine, and its own problems.
fn read_routine(path: &Path) -> Result<(Routine, Vec<Diagnostic>), Failure> {
    let bytes = read_limited(path, "a routine file")?;
    Ok(routine::read(&id_of(path), &shown(path), &bytes)?)
}

/// What `name` means to `show`: an exercise if one has that id, else a routine if one has, else
/// what the file at that path holds.
pub fn kind_of(name: &str) -> Kind {
    let exercises = places::user_exercises_dir();
    match locate(
        name,
        Kind::Exercise,
        |id| exercise::BUILT_IN.iter().find(|(known, _)| *known == id),
        exercises.as_deref(),
        None,
    ) {
        Ok(Found::BuiltIn(_) | Found::User(_)) => Kind::Exercise,
        Ok(Found::Path(path)) => match read_limited(&path, "an exercise or routine file") {
            Ok(bytes) if routine::is_routine(&bytes) => Kind::Routine,
            _ => Kind::Exercise,
        },
        Err(_) => {
            let routines = places::user_routines_dir();
            let known = |id: &str| routine::BUILT_IN.iter().find(|(known, _)| *known == id);
            match locate(name, Kind::Routine, known, routines.as_deref(), None) {
                Ok(_) => Kind::Routine,
                Err(_) => Kind::Exercise,
            }
        }
    }
}

/// A listed routine's id, and the routine or why it could not be loaded.
pub type RoutineEntry = (String, Result<Routine, Failure>);

/// Every routine that can be named, built-in then the user's, each loaded (without its
/// exercises) or with the reason it could not be.
pub fn routine_entries(user_dir: Option<&Path>) -> Result<Vec<RoutineEntry>, Failure> {
    let mut entries: Vec<RoutineEntry> = routine::BUILT_IN
        .iter()
        .filter_map(|(id, _)| Some(((*id).to_owned(), routine::built_in(id)?.map_err(Failure::from))))
        .collect();
    for path in user_dir.map(user_files).transpose()?.unwrap_or_default() {
        entries.push((id_of(&path), load_routine_path(&path)));
    }
    Ok(entries)
}

/// Reads and checks a routine file, without looking up its exercises.
pub fn load_routine_path(path: &Path) -> Result<Routine, Failure> {
    let bytes = read_limited(path, "a routine file")?;
    Ok(routine::parse(&id_of(path), &shown(path), &bytes)?)
}

/// The exercises a routine names, in order; every one that cannot be found is reported at its
/// place in the routine file, together with the routine's own `problems` (its values), in the
/// file's order, and then the problems of the exercise files it names.
fn routine_exercises(
    routine: &Routine,
    mut problems: Vec<Diagnostic>,
    base: Option<&Path>,
    exercises_dir: Option<&Path>,
) -> Result<Vec<Exercise>, Failure> {
    let mut exercises = Vec::new();
    let mut elsewhere = Vec::new();
    for entry in &routine.entries {
        match find_exercise(&entry.exercise, exercises_dir, base) {
            Ok(exercise) => exercises.push(exercise),
            Err(Failure::Invalid(invalid)) => elsewhere.extend(invalid.diagnostics),
            Err(other) => problems.push(entry.problem(other.to_string())),
        }
    }
    problems.sort_by_key(|d| d.position.unwrap_or((usize::MAX, 0)));
    problems.extend(elsewhere);
    if problems.is_empty() { Ok(exercises) } else { Err(InvalidFile { diagnostics: problems }.into()) }
}

/// Checks a file as `trunkrot check` does: a routine (with every exercise it names) if its
/// content is one, an exercise otherwise.
pub fn check_path(path: &Path) -> Result<(), Failure> {
    check_bytes(path, &read_limited(path, "an exercise or routine file")?)
}

/// Checks what `name` means where it is not a file: a built-in or the user's exercise or
/// routine by its id, as `show` finds it (with every exercise a routine names), or why no such
/// one is known.
pub fn check_name(name: &str) -> Result<(), Failure> {
    match kind_of(name) {
        Kind::Exercise => find(name, places::user_exercises_dir().as_deref()).map(drop),
        Kind::Routine => load_routine(name).map(drop),
    }
}

/// [`check_path`] on the bytes read from `path`.
pub fn check_bytes(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if routine::is_routine(bytes) {
        let (routine, problems) = routine::read(&id_of(path), &shown(path), bytes)?;
        routine_exercises(&routine, problems, path.parent(), places::user_exercises_dir().as_deref())?;
    } else {
        exercise::parse(&id_of(path), &shown(path), bytes)?;
    }
    Ok(())
}

/// The plan the settings ask for: a routine, each exercise with the settings' layers over its
/// own, or a single exercise.
pub fn plan(settings: &Resolved) -> Result<Plan, Failure> {
    match &settings.subject.value {
        Subject::Exercise(name) => {
            let exercise = named_exercise(name, settings.subject_folder.as_deref(), settings.subject_place.as_ref())?;
            let overrides = settings.overrides(&exercise.id, &Overrides::default());
            within_length(&[(exercise.clone(), overrides.clone())], Duration::ZERO, settings, &[Overrides::default()])?;
            Ok(Plan::new(exercise, &overrides))
        }
        Subject::Routine(name) => {
            let (routine, exercises) = load_routine(name)?;
            routine_plan(&routine, exercises, settings)
        }
    }
}

/// The exercise a file (the config) or a flag names, as `locate` finds it: a relative path
/// from the naming file's `folder`; a failure told at its `place` in that file.
pub fn named_exercise(name: &str, folder: Option<&Path>, place: Option<&Diagnostic>) -> Result<Exercise, Failure> {
    let user_dir = places::user_exercises_dir();
    find_exercise(name, user_dir.as_deref(), folder).map_err(|failure| blame(failure, place))
}

/// A failure to find or read what a file names, told at the place that names it (the config's
/// `exercise` line), so the user knows which file to fix.
pub fn blame(failure: Failure, place: Option<&Diagnostic>) -> Failure {
    match (place, failure) {
        (Some(place), failure @ (Failure::Unknown(_) | Failure::Unreadable { .. })) => {
            InvalidFile { diagnostics: vec![Diagnostic { message: failure.to_string(), ..place.clone() }] }.into()
        }
        (_, failure) => failure,
    }
}

/// A routine's plan: for each exercise the settings' layers over the routine's own settings for
/// it; between exercises the rest of [`rest_between`]. Refused when it would run longer than
/// [`plan::MAX_LENGTH`].
pub fn routine_plan(routine: &Routine, exercises: Vec<Exercise>, settings: &Resolved) -> Result<Plan, Failure> {
    let parts: Vec<(Exercise, Overrides)> = exercises
        .into_iter()
        .zip(&routine.entries)
        .map(|(exercise, entry)| {
            let overrides = settings.overrides(&exercise.id, &entry.overrides);
            (exercise, overrides)
        })
        .collect();
    let rest = rest_between(routine, settings);
    let own: Vec<Overrides> = routine.entries.iter().map(|entry| entry.overrides.clone()).collect();
    within_length(&parts, rest, settings, &own)?;
    let mut plan = Plan::routine(parts, rest);
    plan.routine = Some(routine.id.clone());
    plan.name = Some(routine.name.clone());
    Ok(plan)
}

/// Refuses a plan longer than [`plan::MAX_LENGTH`], before it is laid out, saying where the
/// dose that makes it so long comes from: `routine` holds a routine's own settings for each part.
fn within_length(
    parts: &[(Exercise, Overrides)],
    rest: Duration,
    settings: &Resolved,
    routine: &[Overrides],
) -> Result<(), Failure> {
    let length = plan::planned_length(parts, rest);
    if length > plan::MAX_LENGTH {
        let exercises = parts.iter().map(|(exercise, _)| exercise);
        let from = dose_sources(exercises.zip(routine), settings);
        let from = if from.is_empty() { String::new() } else { format!(" ({from})") };
        return Err(Failure::TooLong { length: human(length), max: human(plan::MAX_LENGTH), from });
    }
    Ok(())
}

/// Where each exercise's reps, hold, transition, sets and rest come from, when not from its own file:
/// `reps 100 and hold 10 min from config.toml [exercise.X]; sets 20 from the flags`, each place
/// once, in the order first met; empty when every value is the file's own.
fn dose_sources<'a>(parts: impl Iterator<Item = (&'a Exercise, &'a Overrides)>, settings: &Resolved) -> String {
    let mut places: Vec<(String, Vec<String>)> = Vec::new();
    for (exercise, own) in parts {
        let timing = settings.timing(exercise, own);
        let values = [
            ("reps", timing.reps.value.to_string(), timing.reps.from),
            ("hold", human(timing.hold.value), timing.hold.from),
            ("transition", human(timing.transition.value), timing.transition.from),
            ("sets", timing.sets.value.to_string(), timing.sets.from),
            ("rest", human(timing.rest.value), timing.rest.from),
        ];
        for (name, value, from) in values {
            let place = match from {
                Origin::Exercise | Origin::Default => continue,
                Origin::ConfigExercise => format!("config.toml [exercise.{}]", clean_line(&exercise.id)),
                Origin::Flag => "the flags".to_owned(),
                Origin::Programme => "the programme".to_owned(),
                Origin::Routine => format!("the routine's {}", clean_line(&exercise.id)),
                other => other.to_string(),
            };
            let value = format!("{name} {value}");
            match places.iter_mut().find(|(known, _)| *known == place) {
                Some((_, values)) if !values.contains(&value) => values.push(value),
                Some(_) => {}
                None => places.push((place, vec![value])),
            }
        }
    }
    places.iter().map(|(place, values)| format!("{} from {place}", listed(values))).collect::<Vec<_>>().join("; ")
}

/// The rest between a routine's exercises, as [`Resolved::rest_between`] ranks its sources.
pub fn rest_between(routine: &Routine, settings: &Resolved) -> Duration {
    settings.rest_between(routine.rest, routine::DEFAULT_REST)
}

/// The ids of every exercise (or routine) that can be named: the built-ins, then the user's.
pub fn ids(kind: Kind) -> Vec<String> {
    let dir = match kind {
        Kind::Exercise => places::user_exercises_dir(),
        Kind::Routine => places::user_routines_dir(),
    };
    known_ids(kind.built_in(), dir.as_deref())
}

/// The ids that can be named: the built-ins, then the files in the user's dir.
fn known_ids(built_in: &[(&str, &str)], user_dir: Option<&Path>) -> Vec<String> {
    let mut known: Vec<String> = built_in.iter().map(|(id, _)| (*id).to_owned()).collect();
    if let Some(dir) = user_dir {
        known.extend(user_files(dir).unwrap_or_default().iter().map(|path| id_of(path)));
    }
    known
}

/// `user_dir/NAME.toml`, if `name` could be an id and that file exists.
fn user_file(name: &str, user_dir: Option<&Path>) -> Option<PathBuf> {
    if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
        return None;
    }
    let path = user_dir?.join(format!("{name}.toml"));
    path.is_file().then_some(path)
}

/// An exercise file's id: its name without `.toml`, cleaned for display.
pub fn id_of(path: &Path) -> String {
    path.file_stem().map_or_else(|| "exercise".to_owned(), |stem| clean_line(&stem.to_string_lossy()))
}

/// Reads and checks an exercise file.
pub fn load_path(path: &Path) -> Result<Exercise, Failure> {
    let bytes = read_limited(path, "an exercise file")?;
    Ok(exercise::parse(&id_of(path), &shown(path), &bytes)?)
}

/// A path as it may be printed: without control characters.
pub fn shown(path: &Path) -> String {
    clean_line(&path.display().to_string())
}

/// Reads a whole file, refusing anything but a regular file (a FIFO would hang us) and anything
/// over [`MAX_FILE_BYTES`].
pub fn read_limited(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    regular_file::read(path, MAX_FILE_BYTES, what)
        .map_err(|e| Failure::Unreadable { path: shown(path), reason: regular_file::in_words(&e) })
}

/// The `*.toml` files in the user's exercises dir, sorted; none if the dir does not exist.
pub fn user_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Failure::Unreadable { path: shown(dir), reason: regular_file::in_words(&e) }),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && !path.is_dir())
        .take(MAX_USER_FILES)
        .collect();
    files.sort();
    Ok(files)
}

/// Where a listed exercise comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn,
    /// A file in the user's dir; `shadowed` when a built-in has the same id.
    User {
        path: PathBuf,
        shadowed: bool,
    },
}

/// One exercise as `list` shows it: loaded, or the reason it could not be.
#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub source: Source,
    pub exercise: Result<Exercise, Failure>,
}

/// Every exercise that can be named: the built-ins, then each of the user's files.
pub fn entries(user_dir: Option<&Path>) -> Result<Vec<Entry>, Failure> {
    let mut entries: Vec<Entry> = exercise::BUILT_IN
        .iter()
        .filter_map(|(id, _)| {
            let exercise = exercise::built_in(id)?.map_err(Failure::from);
            Some(Entry { id: (*id).to_owned(), source: Source::BuiltIn, exercise })
        })
        .collect();
    let files = match user_dir {
        Some(dir) => user_files(dir)?,
        None => Vec::new(),
    };
    for path in files {
        let id = id_of(&path);
        let shadowed = exercise::BUILT_IN.iter().any(|(built_in, _)| *built_in == id);
        let exercise = load_path(&path);
        entries.push(Entry { id, source: Source::User { path, shadowed }, exercise });
    }
    Ok(entries)
}
