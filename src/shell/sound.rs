//! What a session sounds with on this machine: the `bell` and `voice` settings, `auto` included,
//! turned into the players and the speech command found, in the light of what `sound-check`
//! heard here (kept in the data dir); and the session's first line, which says what it uses and
//! how to turn it off.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use crate::domain::cues::heard::Heard;
use crate::domain::cues::voice::VoiceMode;
use crate::domain::cues::{Bell, Channel};
use crate::domain::settings::Resolved;
use crate::shell::announce::Announcer;
use crate::shell::places;
use crate::shell::speech::Voice;
use crate::shell::tones::{self, Player, Tones};

/// The file `sound-check` keeps its answers in, in the data dir.
pub const FILE_NAME: &str = "sound-check.toml";

/// How late the voice is heard after the tones until a session learns it, when `sound-check`
/// has not measured it: espeak-ng into `PulseAudio` at a desktop's latency.
pub const DEFAULT_LAG: Duration = Duration::from_millis(50);

/// Where `sound-check` keeps its answers.
pub fn heard_path() -> Option<PathBuf> {
    places::data_dir().map(|dir| dir.join(FILE_NAME))
}

/// What `sound-check` heard here last; nothing if it never ran (or its file is unreadable).
pub fn heard() -> Heard {
    heard_path().and_then(|path| std::fs::read_to_string(path).ok()).map(|text| Heard::parse(&text)).unwrap_or_default()
}

/// Keeps what `sound-check` heard, replacing the file whole (written aside, then renamed).
pub fn keep(heard: &Heard) -> std::io::Result<PathBuf> {
    let path = heard_path().ok_or_else(|| std::io::Error::other("no home directory"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let aside = path.with_extension("toml.new");
    let mut file = std::fs::File::create(&aside)?;
    file.write_all(heard.to_text().as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&aside, &path)?;
    Ok(path)
}

/// The sound of one session: the announcer, the first line, and notices for the start.
#[derive(Debug)]
pub struct Setup {
    pub announcer: Announcer,
    /// What the session sounds with and how to turn it off.
    pub line: String,
    /// What is wrong from the start (a configured command not found), for the screen and the
    /// summary.
    pub notices: Vec<String>,
}

/// Why a session has no voice, for its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoVoice {
    /// `voice = false`, `--no-voice`.
    TurnedOff,
    /// `auto` in plain mode: the screen reader speaks there.
    Plain,
    /// `auto`, and `sound-check` did not hear this speech command.
    Unheard,
    /// `auto`, and no speech command was found.
    NotFound,
    /// Asked for, and not found (a notice says so).
    Missing,
}

/// Works out the session's sound from the settings, for a session on the screen or in plain
/// mode, with what `sound-check` heard.
pub fn setup(settings: &Resolved, plain: bool, heard: &Heard) -> Setup {
    let mut notices = Vec::new();
    let path = settings.path.as_deref();
    let players = match settings.bell.value {
        Bell::None | Bell::Terminal => Ok(Vec::new()),
        Bell::Auto => tones::players(settings.player.as_deref(), path)
            .map(|found| Heard::rank(found, &heard.players, |p: &Player| p.program.display().to_string())),
        Bell::Tones => tones::players(settings.player.as_deref(), path),
    };
    let players = players.unwrap_or_else(|notice| {
        // Asked for tones, or configured a player: say why there are none. Auto without a player
        // on this machine is the terminal bell, said in the first line.
        if settings.bell.value == Bell::Tones || settings.player.is_some() {
            notices.push(format!("{notice}; ringing the terminal bell"));
        }
        Vec::new()
    });
    let drain = heard.player_drain().unwrap_or(tones::DEFAULT_DRAIN);
    let tones = if players.is_empty() {
        None
    } else {
        Tones::new(players, drain).map_err(|notice| notices.push(format!("{notice}; ringing the terminal bell"))).ok()
    };
    let channel = match (settings.bell.value, &tones) {
        (Bell::None, _) => Channel::Off,
        (_, Some(_)) => Channel::Tones,
        (_, None) => Channel::Bell,
    };
    let found = || Voice::find(settings.voice_command.as_deref(), path);
    let voice = match settings.voice.value {
        VoiceMode::Off => Err(NoVoice::TurnedOff),
        VoiceMode::On => found().map_err(|notice| {
            notices.push(notice);
            NoVoice::Missing
        }),
        VoiceMode::Auto if plain => Err(NoVoice::Plain),
        VoiceMode::Auto => match found() {
            Ok(voice) if heard.voices.get(&voice.program().display().to_string()) == Some(&false) => {
                Err(NoVoice::Unheard)
            }
            Ok(voice) => Ok(voice),
            Err(_) => Err(NoVoice::NotFound),
        },
    };
    let player = tones.as_ref().map(|t| t.player().name());
    let line = first_line(channel, player, voice.as_ref().map(Voice::name).map_err(|why| *why));
    let voice = voice.ok();
    let lag = heard.voice_lag().unwrap_or(DEFAULT_LAG);
    Setup { announcer: Announcer::new(channel, tones, voice, lag), line, notices }
}

/// The session's first line: what it sounds with, and how to turn each off (or on). On the
/// session screen it takes one row of 80 columns, whatever sounds, where it shows in the cue's
/// row for the first seconds and a second row would cost the figure's caption (plain mode, with
/// no screen, says a little more).
pub fn first_line(channel: Channel, player: Option<String>, voice: Result<String, NoVoice>) -> String {
    let patterns = match (channel, player) {
        (Channel::Tones, Some(player)) => format!("{player} tones (off with --quiet)"),
        (Channel::Off, _) => "no tones (on with --bell auto)".to_owned(),
        _ => "terminal bell (off with --quiet)".to_owned(),
    };
    let words = match voice {
        Ok(voice) => format!("{voice} voice (off with --no-voice)"),
        Err(NoVoice::Plain) => "no voice in plain mode, your screen reader speaks (on with --voice)".to_owned(),
        Err(NoVoice::Unheard) => "no voice, not heard (on with --voice)".to_owned(),
        Err(NoVoice::NotFound) => "no voice (install espeak-ng)".to_owned(),
        Err(NoVoice::TurnedOff | NoVoice::Missing) => "no voice (on with --voice)".to_owned(),
    };
    format!("Sound: {patterns}; {words}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_says_what_sounds_and_how_to_turn_it_off() {
        let line = first_line(Channel::Tones, Some("paplay".into()), Ok("espeak-ng".into()));
        assert_eq!(line, "Sound: paplay tones (off with --quiet); espeak-ng voice (off with --no-voice).");
        let plain = first_line(Channel::Bell, None, Err(NoVoice::Plain));
        assert!(plain.contains("terminal bell") && plain.contains("on with --voice"), "{plain}");
        assert!(first_line(Channel::Off, None, Err(NoVoice::TurnedOff)).contains("--bell auto"));
    }

    #[test]
    fn the_first_line_takes_one_row_of_80_columns_on_the_session_screen_whatever_sounds() {
        let voices = || {
            ["espeak-ng", "spd-say", "say"]
                .map(|voice| Ok(voice.to_owned()))
                .into_iter()
                .chain([NoVoice::Unheard, NoVoice::NotFound, NoVoice::TurnedOff, NoVoice::Missing].map(Err))
        };
        let mut lines = Vec::new();
        for player in ["paplay", "pw-play", "aplay", "afplay", "ffplay"] {
            lines.extend(voices().map(|voice| first_line(Channel::Tones, Some(player.to_owned()), voice)));
        }
        lines.extend(voices().map(|voice| first_line(Channel::Bell, None, voice)));
        lines.extend(voices().map(|voice| first_line(Channel::Off, None, voice)));
        assert_eq!(lines.len(), 49);
        for line in lines {
            assert!(crate::domain::width::columns(&line) <= 80, "{} columns: {line}", line.chars().count());
        }
    }
}
