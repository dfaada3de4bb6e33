//! The programme on disk: a programme file read with the exercises and routines its items name,
//! and the programme in effect, kept as a copy in the config dir (`programme.toml`). The shell's
//! side: it reads and writes files; [`crate::domain::programme`] judges what they say.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::civil::Date;

use crate::domain::diagnostic::{Diagnostic, InvalidFile};
use crate::domain::plan::{Overrides, Part, PhaseKind, Plan};
use crate::domain::programme::review::{Found, Review};
use crate::domain::programme::{self, Programme, ProgrammeFile, What};
use crate::domain::routine;
use crate::domain::settings::{Resolved, Subject};
use crate::failure::Failure;
use crate::history::ItemDone;
use crate::history::next_step::{Allowed, StopRule};
use crate::shell::{catalog, places};

/// The copy of the programme in effect, in the config dir.
pub const FILE_NAME: &str = "programme.toml";

/// A programme file, read and judged against the exercises and routines its items name.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: ProgrammeFile,
    /// Per item: its exercises, each with the settings its routine gives it.
    pub found: Vec<Found>,
    /// Per item: the name to show (the exercise's or the routine's).
    pub names: Vec<String>,
    /// Per item: the rest between a routine's exercises (zero for an exercise).
    pub rests: Vec<Duration>,
    /// The notes on doses outside an exercise's recommended range; its problems are empty.
    pub review: Review,
}

impl Loaded {
    pub fn programme(&self) -> &Programme {
        &self.file.programme
    }

    /// `settings` with item `index` of the programme put in: its subject (unless the flags name
    /// one) and its dose on `today`, under the flags'.
    pub fn prescribed(&self, index: usize, settings: &Resolved, today: Date) -> Resolved {
        let programme = self.programme();
        let mut settings = settings.clone();
        if let Some(item) = programme.items.get(index) {
            let dose = programme.dose_on(item, programme.first_day(today), today);
            settings.prescribe(subject(&item.what), dose);
        }
        settings
    }

    /// The item a session of `subject` does, if one does: the item that names the same exercise
    /// or routine, or whose id it is.
    pub fn item_of(&self, subject: &Subject) -> Option<usize> {
        self.programme().items.iter().position(|item| match (subject, &item.what) {
            (Subject::Exercise(name), What::Exercise(named)) | (Subject::Routine(name), What::Routine(named)) => {
                name == named || *name == item.id
            }
            _ => false,
        })
    }

    /// Item `index`'s exercises at its dose on `today`, as a session of it would run them.
    pub fn parts(&self, index: usize, settings: &Resolved, today: Date) -> Result<Vec<Part>, Failure> {
        Ok(catalog::plan(&self.prescribed(index, settings, today))?.parts)
    }
}

/// The programme item a session of `plan` does, at the item's dose: the item its subject is,
/// when each exercise runs at least the reps, hold and sets the item prescribes (flags may
/// change them for one session, and then it counts for no item), with the plan's holds in all.
pub fn item_done(settings: &Resolved, plan: &Plan) -> Result<Option<ItemDone>, Failure> {
    let Some(loaded) = in_effect()? else { return Ok(None) };
    let Some(index) = loaded.item_of(&settings.subject.value) else { return Ok(None) };
    let mut prescribed = settings.clone();
    prescribed.flag_timing = Overrides::default();
    let due = catalog::plan(&prescribed)?;
    let at_dose = plan.parts.len() == due.parts.len()
        && plan.parts.iter().zip(&due.parts).all(|(done, due)| {
            done.exercise.id == due.exercise.id
                && done.settings.reps >= due.settings.reps
                && done.settings.hold >= due.settings.hold
                && done.settings.sets >= due.settings.sets
        });
    let holds = plan.phases.iter().filter(|phase| phase.kind == PhaseKind::Hold).count();
    Ok(at_dose.then(|| ItemDone {
        id: loaded.programme().items[index].id.clone(),
        holds: u32::try_from(holds).unwrap_or(u32::MAX),
    }))
}

/// What the programme in effect allows its item `id`: how many sessions make its day, and its
/// progression. `None` without a programme or such an item.
pub fn allowed(id: &str) -> Option<Allowed> {
    let loaded = in_effect().ok()??;
    let programme = loaded.programme();
    let item = programme.item(id)?;
    let today = jiff::ZonedDateTime::now().date();
    let dose = programme.dose_on(item, programme.first_day(today), today);
    Some(Allowed {
        item: item.id.clone(),
        times_a_day: item.times_a_day,
        progression: item.progression.clone(),
        reps: dose.reps,
        hold: dose.hold,
    })
}

/// `programme`'s own rule for stopping, with whom to get in touch; `None` if it gives none.
pub fn stop_rule_of(programme: &Programme) -> Option<StopRule> {
    let stop = programme.stop.clone();
    let who = crate::domain::programme::text::who(&programme.prescriber);
    (stop.pain.is_some() || stop.spreading).then_some(StopRule { stop, who })
}

/// What the programme in effect allows the exercise `exercise`, when an item is that exercise.
pub fn allowed_for(exercise: &str) -> Option<Allowed> {
    let loaded = in_effect().ok()??;
    let index = loaded.item_of(&Subject::Exercise(exercise.to_owned()))?;
    allowed(&loaded.programme().items[index].id)
}

/// What a session of an item does.
pub fn subject(what: &What) -> Subject {
    match what {
        What::Exercise(name) => Subject::Exercise(name.clone()),
        What::Routine(name) => Subject::Routine(name.clone()),
    }
}

/// Where the programme in effect is kept; `None` without a home directory.
pub fn path() -> Option<PathBuf> {
    places::config_dir().map(|dir| dir.join(FILE_NAME))
}

/// Reads a programme file from `bytes` (read from `path`), finds what each item names (a
/// relative path from the file's folder), and judges every dose. Every item that leads nowhere
/// and every dose too long for a session is reported at its place, with every other problem of
/// the file, in one run.
pub fn read(path: &Path, bytes: &[u8]) -> Result<Loaded, Failure> {
    let reading = programme::read(&catalog::shown(path), bytes)?;
    let folder = path.parent().filter(|dir| !dir.as_os_str().is_empty());
    let (mut found, mut names, mut rests) = (Vec::new(), Vec::new(), Vec::new());
    let mut problems = reading.problems;
    let file = reading.file;
    for (item, place) in file.programme.items.iter().zip(&file.places) {
        let result = match &item.what {
            What::Exercise(name) => catalog::named_exercise(name, folder, Some(place)).map(|exercise| {
                let name = exercise.name.clone();
                (vec![(exercise, Overrides::default())], name, Duration::ZERO)
            }),
            What::Routine(name) => catalog::named_routine(name, folder, Some(place)).map(|(routine, exercises)| {
                let parts = exercises.into_iter().zip(&routine.entries).map(|(e, entry)| (e, entry.overrides.clone()));
                (parts.collect(), routine.name.clone(), routine.rest.unwrap_or(routine::DEFAULT_REST))
            }),
        };
        // An item that leads nowhere has nothing to judge its dose against: no exercises.
        let (exercises, name, rest) = match result {
            Ok(found) => found,
            Err(Failure::Invalid(invalid)) => {
                problems.extend(invalid.diagnostics);
                (Vec::new(), String::new(), Duration::ZERO)
            }
            Err(other) => {
                problems.push(Diagnostic { message: other.to_string(), ..place.clone() });
                (Vec::new(), String::new(), Duration::ZERO)
            }
        };
        found.push(exercises);
        names.push(name);
        rests.push(rest);
    }
    let review = programme::review(&file, &found, &rests);
    problems.extend(review.problems.iter().cloned());
    if !problems.is_empty() {
        // In the file's order: a name that leads nowhere among the file's other problems.
        problems.sort_by_key(|problem| problem.position.unwrap_or((usize::MAX, 0)));
        problems.dedup();
        return Err(InvalidFile { diagnostics: crate::domain::shape::capped(&catalog::shown(path), problems) }.into());
    }
    Ok(Loaded { file, found, names, rests, review })
}

/// Reads and checks a programme file at `path`.
pub fn load_path(path: &Path) -> Result<Loaded, Failure> {
    read(path, &catalog::read_limited(path, "a programme file")?)
}

/// The programme in effect, if one is installed.
pub fn in_effect() -> Result<Option<Loaded>, Failure> {
    let Some(path) = path() else { return Ok(None) };
    if !path.exists() {
        return Ok(None);
    }
    load_path(&path).map(Some)
}

/// The programme as it is kept in effect: starting on `today` when the file names no start, and
/// each relative path made absolute from `folder` (the file's), so the copy finds the same files.
pub fn settled(programme: &Programme, folder: Option<&Path>, today: Date) -> Programme {
    let mut settled = programme.clone();
    settled.start = Some(programme.first_day(today));
    if let Some(folder) = folder {
        for item in &mut settled.items {
            let name = match &mut item.what {
                What::Exercise(name) | What::Routine(name) => name,
            };
            if programme::is_path(name)
                && Path::new(name.as_str()).is_relative()
                && let Ok(absolute) = std::path::absolute(folder.join(name.as_str()))
            {
                *name = absolute.display().to_string();
            }
        }
    }
    settled
}

/// Writes `programme` as the programme in effect, replacing any: the whole file at once (a
/// temporary file renamed over it), so a crash leaves the old copy or the new one.
pub fn keep(programme: &Programme) -> Result<PathBuf, Failure> {
    let dir = places::config_dir().ok_or(Failure::NoConfigDir)?;
    let path = dir.join(FILE_NAME);
    let cannot = |e: std::io::Error| Failure::Unwritable {
        path: path.display().to_string(),
        reason: match places::file_in_the_way(&dir) {
            Some(file) => format!("{} is a file where a folder belongs; move it away", file.display()),
            None => e.to_string(),
        },
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let temporary = dir.join(format!(".{FILE_NAME}.{}", std::process::id()));
    let text = programme::writing::toml(programme);
    let written = std::fs::File::create(&temporary)
        .and_then(|mut file| file.write_all(text.as_bytes()).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temporary, &path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(cannot(e));
    }
    Ok(path)
}

/// Removes the programme in effect; `false` when there was none.
pub fn remove() -> Result<bool, Failure> {
    let Some(path) = path() else { return Ok(false) };
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Failure::Unwritable { path: path.display().to_string(), reason: e.to_string() }),
    }
}
