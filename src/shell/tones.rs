//! The patterns as short generated tones, played through the system's audio player.
//!
//! Each pattern is written once per session as a small WAV file (16-bit mono PCM, made here:
//! a RIFF header and the samples) in a private temporary folder, and played by the first of
//! [`PLAYERS`] found on `PATH`. The player runs in the background and is never waited on; one
//! that cannot start or exits non-zero is reported once, and the caller falls back to the
//! terminal bell.

use std::f64::consts::TAU;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use crate::domain::cues::{Cue, Note, PATTERNS, Pattern};
use crate::domain::untrusted::clean_line;
use crate::shell::executables::is_executable;
use crate::shell::process_group::{Background, Ended};

/// Audio players tried in order, with the options each needs before the file.
pub const PLAYERS: &[(&str, &[&str])] = &[("pw-play", &[]), ("paplay", &[]), ("aplay", &["-q"]), ("afplay", &[])];

/// Samples a second: plenty for tones under 1.5 kHz, and small files.
const SAMPLE_RATE: u32 = 22_050;

/// Loud enough to hear over a quiet room at a low volume, short of clipping.
const AMPLITUDE: f64 = 0.5 * i16::MAX as f64;

/// Fade in and out over this many milliseconds, so notes start and stop without a click.
const FADE_MS: f64 = 8.0;

/// Silence before and after the notes. Players start a stream by dropping or fading its first
/// few tens of milliseconds, and stop some before the end: measured with paplay into a null sink,
/// a bare 90 ms tick came out as 40 to 50 ms, a padded one whole (README, "Sound").
const LEAD: Note = Note { hz: 0, ms: 50 };
const TAIL: Note = Note { hz: 0, ms: 150 };

/// A pattern's notes as a complete WAV file, with silence around them.
pub fn wav(notes: &[Note]) -> Vec<u8> {
    let padded = std::iter::once(&LEAD).chain(notes).chain(std::iter::once(&TAIL));
    let samples: Vec<i16> = padded.flat_map(|note| samples(*note)).collect();
    let data_len = (samples.len() * 2) as u32;
    let mut bytes = Vec::with_capacity(44 + samples.len() * 2);
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data_len).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes()); // the size of the format chunk
    bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
    bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
    bytes.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    bytes.extend_from_slice(&(SAMPLE_RATE * 2).to_le_bytes()); // bytes a second
    bytes.extend_from_slice(&2u16.to_le_bytes()); // bytes a sample
    bytes.extend_from_slice(&16u16.to_le_bytes()); // bits a sample
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data_len.to_le_bytes());
    for sample in samples {
        bytes.extend_from_slice(&sample.to_le_bytes());
    }
    bytes
}

fn samples(note: Note) -> impl Iterator<Item = i16> {
    let count = u64::from(SAMPLE_RATE) * u64::from(note.ms) / 1000;
    let rate = f64::from(SAMPLE_RATE);
    let fade = FADE_MS * rate / 1000.0;
    (0..count).map(move |n| {
        if note.hz == 0 {
            return 0;
        }
        let n = n as f64;
        let envelope = (n / fade).min((count as f64 - n) / fade).min(1.0);
        (AMPLITUDE * envelope * (TAU * f64::from(note.hz) * n / rate).sin()) as i16
    })
}

/// A player found, and the patterns written for it.
#[derive(Debug)]
pub struct Tones {
    player: PathBuf,
    options: &'static [&'static str],
    folder: PathBuf,
    running: Background,
    failed: bool,
}

impl Tones {
    /// Finds a player on `path` and writes the patterns. The error is a notice for the user.
    pub fn new(path: Option<&OsStr>) -> Result<Tones, String> {
        let found = PLAYERS.iter().find_map(|(name, options)| {
            let dirs = std::env::split_paths(path?).collect::<Vec<_>>();
            dirs.into_iter().map(|dir| dir.join(name)).find(|p| is_executable(p)).map(|p| (p, *options))
        });
        let names: Vec<&str> = PLAYERS.iter().map(|(name, _)| *name).collect();
        let Some((player, options)) = found else {
            return Err(format!("No tones: none of {} found; ringing the terminal bell", names.join(", ")));
        };
        // The user's own runtime folder when there is one; a shared temp folder otherwise, where
        // the folder is made afresh and private, so no one else's file or link is written through.
        let base = std::env::var_os("XDG_RUNTIME_DIR").map_or_else(std::env::temp_dir, PathBuf::from);
        let folder = base.join(format!("trunkrot-tones-{}", std::process::id()));
        let _ = fs::remove_dir_all(&folder);
        let made = {
            use std::os::unix::fs::DirBuilderExt;
            fs::DirBuilder::new().mode(0o700).create(&folder)
        };
        let written = made.and_then(|()| {
            PATTERNS.iter().try_for_each(|pattern| fs::write(file_in(&folder, pattern.cue), wav(pattern.notes)))
        });
        if let Err(e) = written {
            let _ = fs::remove_dir_all(&folder);
            return Err(format!("No tones: cannot write {}: {e}; ringing the terminal bell", folder.display()));
        }
        Ok(Tones { player, options, folder, running: Background::default(), failed: false })
    }

    /// The player in use.
    pub fn player(&self) -> &Path {
        &self.player
    }

    /// Starts playing `cue`'s pattern and returns at once. A notice if the player cannot start.
    pub fn play(&mut self, cue: Cue) -> Result<(), String> {
        // One still playing is left to finish: the schedule never starts two that overlap, but
        // a player drains its stream for a while after its sound is out.
        let file = file_in(&self.folder, cue);
        let args = self.options.iter().map(OsStr::new).chain([file.as_os_str()]);
        self.running.start(&self.player, args).map_err(|e| {
            self.failed = true;
            format!("No tones: {} failed to start: {e}; ringing the terminal bell", self.name())
        })
    }

    /// Reaps a finished player; a notice, once, if it failed.
    pub fn poll(&mut self) -> Option<String> {
        match self.running.poll() {
            Some(Ended::Failed(status)) if !self.failed => {
                self.failed = true;
                Some(format!("No tones: {} exited with {status}; ringing the terminal bell", self.name()))
            }
            _ => None,
        }
    }

    /// Whether a pattern is still playing.
    pub fn is_playing(&self) -> bool {
        self.running.is_running()
    }

    /// Waits, up to `limit`, for the pattern playing to end; how it ended, if it did.
    pub fn wait(&mut self, limit: std::time::Duration) -> Option<Ended> {
        let until = std::time::Instant::now() + limit;
        loop {
            if let Some(ended) = self.running.poll() {
                return Some(ended);
            }
            if !self.running.is_running() || std::time::Instant::now() >= until {
                return None;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    fn name(&self) -> String {
        clean_line(&self.player.display().to_string())
    }
}

impl Drop for Tones {
    fn drop(&mut self) {
        self.running.stop();
        let _ = fs::remove_dir_all(&self.folder);
    }
}

fn file_in(folder: &Path, cue: Cue) -> PathBuf {
    folder.join(format!("{}.wav", Pattern::of(cue).cue.name().replace(' ', "-")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cues::Cue;

    #[test]
    fn a_wav_file_has_a_riff_header_and_the_samples() {
        let pattern = Pattern::of(Cue::Hold);
        let bytes = wav(pattern.notes);
        let samples: u32 =
            [LEAD.ms, pattern.notes[0].ms, TAIL.ms].iter().map(|ms| u32::from(*ms) * SAMPLE_RATE / 1000).sum();
        assert_eq!(&bytes[..4], b"RIFF");
        assert_eq!(&bytes[8..16], b"WAVEfmt ");
        assert_eq!(u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize, bytes.len() - 8);
        assert_eq!(&bytes[36..40], b"data");
        assert_eq!(u32::from_le_bytes(bytes[40..44].try_into().unwrap()), samples * 2);
        assert_eq!(bytes.len() as u32, 44 + samples * 2);
    }

    #[test]
    fn notes_fade_in_and_out_and_silences_are_silent() {
        let quiet: Vec<i16> = samples(Note { hz: 0, ms: 10 }).collect();
        assert!(quiet.iter().all(|s| *s == 0));
        let tone: Vec<i16> = samples(Note { hz: 440, ms: 100 }).collect();
        assert_eq!(tone.len(), 2205);
        assert_eq!(tone[0], 0, "starts from silence");
        assert!(tone.last().unwrap().unsigned_abs() < 200, "ends near silence");
        let peak = tone.iter().map(|s| s.unsigned_abs()).max().unwrap();
        assert!(peak > 15_000 && peak <= i16::MAX as u16 / 2 + 1, "{peak}");
    }

    #[test]
    fn no_player_on_the_path_is_a_notice() {
        let notice = Tones::new(Some(OsStr::new("/nonexistent-trunkrot"))).unwrap_err();
        assert!(notice.contains("pw-play, paplay, aplay, afplay"), "{notice}");
    }
}
