//! The user's own defaults in `config.toml`: reading it, `trunkrot config` and `config --init`.
//!
//! This module is the shell's side (it reads and writes the file); `raw` judges the text.
//! Precedence, everywhere: flags, then the config, then the exercise file.

mod raw;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::PathBuf;

use crate::domain::diagnostic::InvalidFile;
use crate::domain::settings::{self, Environment, Given, Resolved};
use crate::failure::Failure;

/// The config file's name inside the config dir.
pub const FILE_NAME: &str = "config.toml";

/// Reads a config's text; `origin` names the file in messages, and `known` are the exercise ids
/// it can name (a table for one like them but not one of them is a typo).
pub fn parse(origin: &str, bytes: &[u8], known: &[String]) -> Result<Given, InvalidFile> {
    raw::parse(origin, bytes, known)
}

/// The config as found on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Where the config is looked for; `None` without a home directory.
    pub path: Option<PathBuf>,
    /// Whether the file is there.
    pub found: bool,
    pub config: Given,
}

/// An upper bound on a config's size: anything larger is surely not one.
const MAX_BYTES: u64 = 64 * 1024;

/// Reads the user's config, if there is one. A relative `exercise` path is taken from the
/// config's own folder.
pub fn load() -> Result<Loaded, Failure> {
    let Some(dir) = crate::shell::places::config_dir() else {
        return Ok(Loaded::default());
    };
    let path = dir.join(FILE_NAME);
    if !path.exists() {
        return Ok(Loaded { path: Some(path), found: false, config: Given::default() });
    }
    let unreadable = |reason: String| Failure::Unreadable { path: path.display().to_string(), reason };
    let bytes = crate::shell::regular_file::read(&path, MAX_BYTES, "a config")
        .map_err(|e| unreadable(crate::shell::regular_file::in_words(&e)))?;
    let known = crate::shell::catalog::ids(crate::shell::catalog::Kind::Exercise);
    let mut config = parse(&path.display().to_string(), &bytes, &known)?;
    // A path in the config is read from the config's own folder.
    config.exercise_folder = Some(dir);
    Ok(Loaded { path: Some(path), found: true, config })
}

/// The run's settings: `flags` over the programme in effect (when the session is one of its
/// items) over the user's config, and what the environment says. The one place the config
/// file, the programme and the environment are read for a run.
pub fn resolve(flags: &Given) -> Result<(Resolved, Loaded), Failure> {
    let loaded = load()?;
    let environment = Environment {
        path: std::env::var_os("PATH"),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty()),
        colorfgbg: std::env::var("COLORFGBG").ok(),
    };
    let settings = settings::resolve(flags, &loaded.config, environment);
    let Some(programme) = crate::shell::programme::in_effect()? else {
        return Ok((settings, loaded));
    };
    let today = jiff::ZonedDateTime::now().date();
    // Named by a flag, the session does that item if it is one; else the next item due today
    // (past the config's choice), and when nothing is left, the config's choice, an item or not.
    let named = flags.exercise.is_some() || flags.routine.is_some();
    let next = if named { None } else { next_due(&programme, today) };
    let settings = match next.or_else(|| programme.item_of(&settings.subject.value)) {
        Some(index) => programme.prescribed(index, &settings, today),
        None => settings,
    };
    Ok((settings, loaded))
}

/// The first item of the programme with a session left today, by the end of the history; none
/// when the history cannot be read (the session is still worth starting).
fn next_due(programme: &crate::shell::programme::Loaded, today: jiff::civil::Date) -> Option<usize> {
    let path = crate::shell::journal::path().ok()?;
    let standing = crate::shell::standing::standing(&path, today, false).ok()??;
    let next = standing.today.items.iter().find(|item| crate::history::adherence::text::left(&item.figures) > 0)?;
    programme.programme().items.iter().position(|item| item.id == next.item)
}

/// Writes the commented default config, refusing to replace one that is there.
pub fn init() -> Result<PathBuf, Failure> {
    let dir = crate::shell::places::config_dir().ok_or(Failure::NoConfigDir)?;
    let path = dir.join(FILE_NAME);
    let cannot = |e: std::io::Error| Failure::Unwritable {
        path: path.display().to_string(),
        reason: match crate::shell::places::file_in_the_way(&dir) {
            Some(file) => format!("{} is a file where a folder belongs; move it away", file.display()),
            None => e.to_string(),
        },
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Failure::ConfigExists { path: path.display().to_string() });
        }
        Err(e) => return Err(cannot(e)),
    };
    file.write_all(INIT_TEXT.as_bytes()).map_err(cannot)?;
    Ok(path)
}

/// The config `config --init` writes: every key, commented out, with the built-in defaults.
pub const INIT_TEXT: &str = r#"# trunkrot's settings: your own defaults for every session.
# Flags on the command line win over these, and these win over the exercise file's timing.
# Remove the `#` in front of a line to use it. `trunkrot config` shows what is in effect.

# The exercise: a built-in id, or the path of an exercise file (relative to this folder).
# exercise = "lower-trunk-rotation"

# The timing below is for the default exercise only. Another exercise gets a table of its own,
# used wherever it runs (alone or in a routine), as at the end of this file.
# Durations are seconds (5) or a string with units ("90s", "1m30s").
# Reps per side, 1 to 100.
# reps = 10
# How long to hold each rep, 1 s to 10 min.
# hold = 5
# Time to lie down and get into the start position, 0 to 10 min.
# get_ready = 10
# Time to move into each hold (turn the knees to the side), 0 to 60 s.
# transition = 3
# Sets of reps, 1 to 20, with a rest between them of 0 to 10 min.
# sets = 1
# rest = 30

# How the cues sound: "auto" (tones through the first audio player that works, else the
# terminal's bell), "tones" (short tones of their own pitch and length), "terminal" (the
# terminal's bell, a rhythm for each cue), or "none".
# bell = "auto"
# No bell at all: the same as "none" above.
# quiet = false
# The audio player and its options; the tone's file comes last. Without this, the first of
# paplay, pw-play, aplay and afplay on your PATH that works. No shell is involved.
# player = ["paplay"]

# Ask how the pain and the effort were at the end of a session.
# checkin = true
# Ask the pain before a session too: the get-ready countdown waits for the answer or Enter.
# checkin_before = false

# Speak the cues aloud ("Hold, left", "3", "2", "1", "Switch sides. Right."): "auto" speaks on
# the screen when a speech command is found (plain mode is a screen reader's), true speaks in
# plain mode too, false never.
# voice = "auto"
# The speech program and its options; the words come last. Without this, the first of
# espeak-ng, espeak, spd-say and say found on your PATH. No shell is involved.
# voice_command = ["espeak-ng", "-s", "140"]

# "auto" picks "dark" or "light" by the terminal's background (COLORFGBG, or by asking the
# terminal); "high-contrast" is bold white on black with the brightest colours.
# Colours are off whenever the NO_COLOR environment variable is set.
# theme = "auto"

# One exercise's own timing, with the same keys as at the top, goes in a table of its own and
# is used wherever that exercise runs. TOML allows no `exercise` line beside such tables, so the
# default exercise is then named inside them; the end of this file would read:
#     [exercise]
#     default = "lower-trunk-rotation"
#     [exercise.knee-to-chest]
#     reps = 3
#     hold = 20
"#;

#[cfg(test)]
mod tests;
