//! What `trunkrot sound-check` heard on this machine, kept between runs: whether each player's
//! tones, the terminal bell and each speech command were heard, and how late the voice and the
//! players run. Sessions with `bell = "auto"` and `voice = "auto"` go by it. Pure: the text of
//! the file in and out.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The answers of the last `sound-check`, each kept until a later one answers again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heard {
    /// When it was last asked (an RFC 3339 time stamp), for the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    /// Whether the terminal's bell was heard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bell: Option<bool>,
    /// Whether each player's tones were heard, by the player's path.
    #[serde(default)]
    pub players: BTreeMap<String, bool>,
    /// Whether each speech command was heard, by its path.
    #[serde(default)]
    pub voices: BTreeMap<String, bool>,
    /// How much longer than its words the voice ran, in milliseconds: the lag a session starts
    /// from until it learns its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_lag_ms: Option<u64>,
    /// How much longer than its sound a player ran, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub player_drain_ms: Option<u64>,
}

/// The words at the top of the file.
const HEADER: &str = "# Written by `trunkrot sound-check`: what was heard on this machine.\n\
                      # Sessions with bell = \"auto\" and voice = \"auto\" go by it; delete it to forget.\n";

impl Heard {
    /// Reads the file's text; a file that cannot be read as one is taken as empty (it is only
    /// a hint: the sound still has its defaults).
    pub fn parse(text: &str) -> Heard {
        toml::from_str(text).unwrap_or_default()
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        format!("{HEADER}{}", toml::to_string(self).unwrap_or_default())
    }

    /// `candidates` in the order to try them: those heard first, those never asked about next,
    /// those not heard left out. `key` gives each one's path.
    pub fn rank<T>(candidates: Vec<T>, heard: &BTreeMap<String, bool>, key: impl Fn(&T) -> String) -> Vec<T> {
        let (mut yes, mut unknown) = (Vec::new(), Vec::new());
        for candidate in candidates {
            match heard.get(&key(&candidate)) {
                Some(true) => yes.push(candidate),
                None => unknown.push(candidate),
                Some(false) => {}
            }
        }
        yes.extend(unknown);
        yes
    }

    /// The voice's lag as last measured, if it was.
    pub fn voice_lag(&self) -> Option<Duration> {
        self.voice_lag_ms.map(Duration::from_millis)
    }

    /// The players' drain as last measured, if it was.
    pub fn player_drain(&self) -> Option<Duration> {
        self.player_drain_ms.map(Duration::from_millis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_read_back_and_a_broken_file_is_empty() {
        let mut heard = Heard { bell: Some(false), voice_lag_ms: Some(40), ..Heard::default() };
        heard.players.insert("/usr/bin/pw-play".into(), false);
        heard.players.insert("/usr/bin/paplay".into(), true);
        heard.voices.insert("/usr/bin/espeak-ng".into(), true);
        let text = heard.to_text();
        assert!(text.starts_with("# Written by `trunkrot sound-check`"), "{text}");
        assert_eq!(Heard::parse(&text), heard);
        assert_eq!(Heard::parse("players = 3\n"), Heard::default());
        assert_eq!(Heard::parse(""), Heard::default());
    }

    #[test]
    fn players_heard_come_first_and_players_not_heard_are_left_out() {
        let mut heard = Heard::default();
        heard.players.insert("b".into(), true);
        heard.players.insert("a".into(), false);
        let ranked = Heard::rank(vec!["a", "c", "b"], &heard.players, |name| (*name).to_owned());
        assert_eq!(ranked, ["b", "c"]);
    }
}
