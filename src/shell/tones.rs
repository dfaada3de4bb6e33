//! The patterns as short generated tones, played through the system's audio player.
//!
//! Each pattern is written once per session as a small WAV file (16-bit mono PCM, made here:
//! a RIFF header and the samples) in a private temporary folder, and played by the configured
//! `player`, else by the first of [`PLAYERS`] on `PATH`. A player runs in the background and is
//! never waited on; one that cannot start, exits non-zero or hangs is reported and the next
//! player takes over, and when none is left the caller falls back to the terminal bell.

use std::f64::consts::TAU;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::domain::cues::{Cue, Note, PATTERNS, Pattern, TONE_LEAD};
use crate::domain::untrusted::clean_line;
use crate::shell::executables;
use crate::shell::process_group::{Background, Ended, HUNG_AFTER};

/// Audio players tried in order, with the options each needs before the file. paplay first:
/// it plays through `PulseAudio` and through `PipeWire`'s `PulseAudio` server alike, where pw-play
/// fails on a `PulseAudio` desktop.
pub const PLAYERS: &[(&str, &[&str])] = &[("paplay", &[]), ("pw-play", &[]), ("aplay", &["-q"]), ("afplay", &[])];

/// Samples a second: plenty for tones under 1.5 kHz, and small files.
pub const SAMPLE_RATE: u32 = 22_050;

/// The tones' peak, as a part of full scale: a sine's RMS is 0.707 of its peak, so these are at
/// -19 dBFS RMS, against -19 to -21.5 dBFS for espeak-ng's words (README, "Sound"): about as
/// loud as the voice, never 3 dB over it.
const AMPLITUDE: f64 = 0.158 * i16::MAX as f64;

/// Fade in and out over this many milliseconds, so notes start and stop without a click.
const FADE_MS: f64 = 8.0;

/// Silence after the notes: some players stop a stream a little before its end.
const TAIL: Note = Note { hz: 0, ms: 100 };

/// How much longer than its sound a player runs before it is seen to exit, until it is learned:
/// paplay waits for its stream to drain, 0.01 s into a `PulseAudio` sink at 10 ms latency and
/// 1.9 s at the null sink's 2 s default (README, "Sound").
pub const DEFAULT_DRAIN: Duration = Duration::from_secs(2);

/// A pattern's notes as a complete WAV file, with silence around them.
pub fn wav(notes: &[Note]) -> Vec<u8> {
    wav_of(&notes_samples(notes, &[]))
}

/// A pattern's samples, with silence around them and `after` (a word) after its notes.
fn notes_samples(notes: &[Note], after: &[i16]) -> Vec<i16> {
    let lead = Note { hz: 0, ms: TONE_LEAD.as_millis() as u16 };
    let mut all: Vec<i16> = std::iter::once(&lead).chain(notes).flat_map(|note| samples(*note)).collect();
    all.extend_from_slice(after);
    all.extend(samples(TAIL));
    all
}

/// Samples (16-bit mono at [`SAMPLE_RATE`]) as a complete WAV file: a RIFF header and the data.
fn wav_of(samples: &[i16]) -> Vec<u8> {
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

/// The samples of a WAV file in this module's own form (PCM, 16-bit, mono, [`SAMPLE_RATE`],
/// as espeak-ng writes with `-w`), without the silence around the sound; `None` in any other
/// form.
pub fn read_wav(bytes: &[u8]) -> Option<Vec<i16>> {
    let u16_at = |at: usize| bytes.get(at..at + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |at: usize| bytes.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    if bytes.get(..4)? != b"RIFF" || bytes.get(8..12)? != b"WAVE" {
        return None;
    }
    let (mut at, mut format_ok, mut data) = (12, false, None);
    while at + 8 <= bytes.len() {
        let size = u32_at(at + 4)? as usize;
        let body = at + 8;
        match bytes.get(at..at + 4)? {
            b"fmt " => {
                format_ok = u16_at(body)? == 1
                    && u16_at(body + 2)? == 1
                    && u32_at(body + 4)? == SAMPLE_RATE
                    && u16_at(body + 14)? == 16;
            }
            // espeak-ng writing to a pipe leaves the sizes at their maximum: the data runs to the end.
            b"data" => data = Some(bytes.get(body..body.saturating_add(size).min(bytes.len()))?),
            _ => {}
        }
        at = body.saturating_add(size + size % 2);
    }
    let data = data.filter(|_| format_ok)?;
    let samples: Vec<i16> = data.chunks_exact(2).map(|b| i16::from_le_bytes([b[0], b[1]])).collect();
    // Below about -40 dBFS is the silence around the words.
    let loud = |s: &i16| s.unsigned_abs() > 320;
    let first = samples.iter().position(loud)?;
    let last = samples.iter().rposition(loud)?;
    Some(samples[first..=last].to_vec())
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

/// How long a pattern's file plays, its silences included.
pub fn file_length(cue: Cue) -> Duration {
    Pattern::of(cue).tones_length() + Duration::from_millis(u64::from(TAIL.ms))
}

/// The silence between a count's tick and its word, in a count's file.
const WORD_GAP: Note = Note { hz: 0, ms: 50 };

/// How long a count's file with its word plays.
fn count_file_length(word: &[i16]) -> Duration {
    file_length(Cue::Count) + Duration::from_millis(u64::from(WORD_GAP.ms)) + samples_length(word)
}

/// How long samples at [`SAMPLE_RATE`] play.
pub fn samples_length(samples: &[i16]) -> Duration {
    Duration::from_secs_f64(samples.len() as f64 / f64::from(SAMPLE_RATE))
}

/// An audio player: a program and the options before the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Player {
    pub program: PathBuf,
    pub options: Vec<String>,
}

impl Player {
    /// The program's file name, for the user.
    pub fn name(&self) -> String {
        let name = self
            .program
            .file_name()
            .map_or_else(|| self.program.display().to_string(), |n| n.to_string_lossy().into_owned());
        clean_line(&name)
    }
}

/// The players to try, in order: the configured one alone (`[program, options...]`), or every
/// known one found on `path`. The error is a notice for the user.
pub fn players(configured: Option<&[String]>, path: Option<&OsStr>) -> Result<Vec<Player>, String> {
    let locate = |name: &str| executables::locate(name, path);
    if let Some([program, options @ ..]) = configured {
        return locate(program)
            .map(|program| vec![Player { program, options: options.to_vec() }])
            .ok_or_else(|| format!("No tones: player `{}` not found", clean_line(program)));
    }
    let found: Vec<Player> = PLAYERS
        .iter()
        .filter_map(|(name, options)| {
            locate(name).map(|program| Player { program, options: options.iter().map(|o| (*o).to_owned()).collect() })
        })
        .collect();
    if found.is_empty() {
        let names: Vec<&str> = PLAYERS.iter().map(|(name, _)| *name).collect();
        return Err(format!("No tones: none of {} found", names.join(", ")));
    }
    Ok(found)
}

/// The players left to try, the patterns written for them, and what is playing.
#[derive(Debug)]
pub struct Tones {
    players: Vec<Player>,
    /// The player in use: the first of `players` that has not failed.
    current: usize,
    folder: PathBuf,
    running: Background,
    /// What each player still running plays.
    playing: Vec<Playing>,
    /// How much longer than its sound each of the last three players ran.
    drain: Vec<Duration>,
    initial_drain: Duration,
    /// The counts' files with their words, by number, and how long each plays.
    counts: Vec<(u64, Duration)>,
}

/// A pattern being played.
#[derive(Debug)]
struct Playing {
    /// The player's number in [`Background`].
    id: u64,
    cue: Cue,
    /// The number the count says, if its file says it.
    count: Option<u64>,
    /// How long its file plays.
    length: Duration,
    started: Instant,
    /// Which of the players plays it.
    by: usize,
}

/// What happened to patterns played earlier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Played {
    /// The player in use failed (a notice): the next one takes over. `cue` (saying `count`) was
    /// lost, started `ago`.
    Failed { notice: String, cue: Cue, count: Option<u64>, ago: Duration },
    /// No player is left (a notice): the caller rings the terminal bell from now on.
    NoneLeft(String),
}

impl Tones {
    /// Writes the patterns for `players` (tried in order; never empty). `drain` is how much
    /// longer than its sound a player is expected to run until that is learned. The error is a
    /// notice for the user.
    pub fn new(players: Vec<Player>, drain: Duration) -> Result<Tones, String> {
        if players.is_empty() {
            return Err("No tones: no player".to_owned());
        }
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
            return Err(format!("No tones: cannot write {}: {e}", folder.display()));
        }
        Ok(Tones {
            players,
            current: 0,
            folder,
            running: Background::default(),
            playing: Vec::new(),
            drain: Vec::new(),
            initial_drain: drain,
            counts: Vec::new(),
        })
    }

    /// The private folder the patterns are written in, removed with them.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The player in use.
    pub fn player(&self) -> &Player {
        &self.players[self.current.min(self.players.len() - 1)]
    }

    /// The drain a player is allowed before it counts as hung: the initial one, or the longest
    /// seen if longer (a slow server's varies: paplay ran 0.4 to 1.9 s past its sound at 2 s).
    pub fn drain(&self) -> Duration {
        self.drain.iter().max().copied().unwrap_or_default().max(self.initial_drain)
    }

    /// Writes a count's file for each word (its tick, then the word said): the counts then
    /// say their number. Returns how long after the tick's notes the longest word ends.
    pub fn say_counts(&mut self, words: &[(u64, Vec<i16>)]) -> std::io::Result<Duration> {
        let tick = Pattern::of(Cue::Count).notes;
        let mut longest = Duration::ZERO;
        for (n, word) in words {
            let mut after = samples(WORD_GAP).collect::<Vec<i16>>();
            after.extend_from_slice(word);
            fs::write(self.folder.join(format!("count-{n}.wav")), wav_of(&notes_samples(tick, &after)))?;
            self.counts.push((*n, count_file_length(word)));
            longest = longest.max(samples_length(&after));
        }
        Ok(longest)
    }

    /// Starts playing `cue`'s pattern at `now`, saying `count` after the tick when its file was
    /// written, and returns at once. A notice if no player can start (the caller then rings
    /// the bell).
    pub fn play(&mut self, cue: Cue, count: Option<u64>, now: Instant) -> Result<(), Played> {
        let spoken = count.and_then(|n| self.counts.iter().find(|(k, _)| *k == n)).copied();
        let (file, length) = match spoken {
            Some((n, length)) => (self.folder.join(format!("count-{n}.wav")), length),
            None => (file_in(&self.folder, cue), file_length(cue)),
        };
        while self.current < self.players.len() {
            let player = &self.players[self.current];
            let args = player.options.iter().map(OsStr::new).chain([file.as_os_str()]);
            let ends = now + length + self.drain();
            match self.running.start(&player.program, args, now, ends) {
                Ok(id) => {
                    let count = spoken.map(|(n, _)| n);
                    self.playing.push(Playing { id, cue, count, length, started: now, by: self.current });
                    return Ok(());
                }
                Err(e) => self.next_player(&format!("failed to start: {e}"))?,
            }
        }
        Err(Played::NoneLeft(self.exhausted("")))
    }

    fn exhausted(&self, why: &str) -> String {
        let names: Vec<String> = self.players.iter().map(Player::name).collect();
        format!("No tones: {} {why}; ringing the terminal bell", names.join(", ")).replace("  ", " ")
    }

    /// Moves on from the failing player (which failed `why`); `Err` when none is left.
    fn next_player(&mut self, why: &str) -> Result<(), Played> {
        self.current += 1;
        if self.current >= self.players.len() { Err(Played::NoneLeft(self.exhausted(why))) } else { Ok(()) }
    }

    /// Reaps finished players and kills hung ones. A failure of the player in use moves on to
    /// the next one.
    pub fn poll(&mut self, now: Instant) -> Vec<Played> {
        let mut news = Vec::new();
        for outcome in self.running.poll(now) {
            let Some(at) = self.playing.iter().position(|p| p.id == outcome.id) else { continue };
            let Playing { cue, count, length, started, by, .. } = self.playing.remove(at);
            let why = match outcome.ended {
                Ended::Fine => {
                    if self.drain.len() == 3 {
                        self.drain.remove(0);
                    }
                    self.drain.push(outcome.took.saturating_sub(length));
                    continue;
                }
                Ended::Failed(status) => format!("exited with {status}"),
                Ended::Hung => format!("was still playing {:.0} s after its end; stopped it", HUNG_AFTER.as_secs_f64()),
            };
            // Only the player in use can fail: an earlier one has failed already.
            if by != self.current || self.current >= self.players.len() {
                continue;
            }
            let name = self.players[by].name();
            let last = if self.players.len() > 1 { format!("failed; the last, {name}, {why}") } else { why.clone() };
            match self.next_player(&last) {
                Ok(()) => news.push(Played::Failed {
                    notice: format!("Tones: {name} {why}; playing them with {} now", self.player().name()),
                    cue,
                    count,
                    ago: now.saturating_duration_since(started),
                }),
                Err(none) => {
                    news.push(none);
                    return news;
                }
            }
        }
        news
    }

    /// Whether a pattern is still playing.
    pub fn is_playing(&self) -> bool {
        self.running.is_running()
    }

    /// The players running, their deadlines, for the announcer.
    pub fn running(&self) -> &Background {
        &self.running
    }

    /// Waits, up to `limit`, for the patterns playing to end; how the last one ended, if it did.
    pub fn wait(&mut self, limit: Duration) -> Option<Ended> {
        let until = Instant::now() + limit;
        loop {
            let now = Instant::now();
            let outcomes = self.running.poll(now);
            if let Some(last) = outcomes.last() {
                self.playing.retain(|p| outcomes.iter().all(|o| o.id != p.id));
                if !self.running.is_running() {
                    return Some(last.ended);
                }
            }
            if !self.running.is_running() || now >= until {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tones {
    fn drop(&mut self) {
        self.running.stop_all();
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
        let samples: u32 = [TONE_LEAD.as_millis() as u16, pattern.notes[0].ms, TAIL.ms]
            .iter()
            .map(|ms| u32::from(*ms) * SAMPLE_RATE / 1000)
            .sum();
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
        // -19 dBFS RMS: about as loud as espeak-ng's words (README, "Sound").
        let rms = (tone.iter().map(|s| f64::from(*s).powi(2)).sum::<f64>() / tone.len() as f64).sqrt();
        let dbfs = 20.0 * (rms / f64::from(i16::MAX)).log10();
        assert!((-20.0..-18.5).contains(&dbfs), "{dbfs} dBFS");
        assert!(peak < i16::MAX as u16 / 4, "{peak}");
    }

    #[test]
    fn a_recorded_word_reads_back_without_its_silences_and_follows_its_tick() {
        let word: Vec<i16> = (0..2205).map(|n| if n % 2 == 0 { 4000 } else { -4000 }).collect();
        let mut padded = vec![0i16; 500];
        padded.extend(&word);
        padded.extend(vec![0i16; 700]);
        assert_eq!(read_wav(&wav_of(&padded)), Some(word.clone()));
        let mut other = wav_of(&padded);
        other[24..28].copy_from_slice(&44_100u32.to_le_bytes());
        assert_eq!(read_wav(&other), None, "another rate is not mixed in");
        assert_eq!(read_wav(b"RIFF...."), None);
        let mut tones = Tones::new(vec![Player { program: "/bin/true".into(), options: Vec::new() }], DEFAULT_DRAIN)
            .expect("the files written");
        let after = tones.say_counts(&[(3, word.clone())]).expect("the count's file");
        let off = after.as_secs_f64() - 0.150;
        assert!(off.abs() < 0.001, "a 50 ms gap, then the word's 100 ms: {after:?}");
        let bytes = fs::read(tones.folder().join("count-3.wav")).expect("written");
        let samples = read_wav(&bytes).expect("read back");
        let tick = Pattern::of(Cue::Count).notes[0];
        let tick_samples = SAMPLE_RATE as usize * usize::from(tick.ms) / 1000;
        assert!(samples.len() > tick_samples + word.len(), "the tick, a gap, the word");
        assert_eq!(&samples[samples.len() - word.len()..], &word[..], "the word ends the sound");
    }

    #[test]
    fn no_player_on_the_path_is_a_notice() {
        let notice = players(None, Some(OsStr::new("/nonexistent-trunkrot"))).unwrap_err();
        assert!(notice.contains("paplay, pw-play, aplay, afplay"), "{notice}");
        let notice = players(Some(&["no-such-player".to_owned()]), None).unwrap_err();
        assert!(notice.contains("`no-such-player`"), "{notice}");
    }
}
