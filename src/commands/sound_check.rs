//! `trunkrot sound-check`: each cue's pattern played in turn with its name, through each
//! audio player until one is heard, the terminal bell rung, and a sentence said; after each,
//! "Did you hear it? [y/n]". What was heard is kept in the data dir, and sessions go by it
//! (`bell = "auto"` skips players not heard; `voice = "auto"` stays quiet when the voice was not
//! heard). Exit code 1 when something could not be played or said, or was not heard.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::cli::SoundCheckArgs;
use crate::domain::cues::heard::Heard;
use crate::domain::cues::voice::VoiceMode;
use crate::domain::cues::{Bell, Cue, Pattern};
use crate::failure::Failure;
use crate::shell::process_group::Ended;
use crate::shell::speech::{Said, Voice};
use crate::shell::tones::{self, Player, Tones};
use crate::shell::{config, sound};

/// The silence after each pattern, so each is heard on its own.
const BETWEEN: Duration = Duration::from_millis(900);

/// The longest a player or the speech command is given before it counts as hung.
const PATIENCE: Duration = Duration::from_secs(15);

/// What the voice says: a side, a phase and a count, as in a session.
const SENTENCE: &str = "This is trunkrot. Switch sides. Hold, right. 3, 2, 1.";

/// Runs `trunkrot sound-check`.
pub fn run(args: &SoundCheckArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = config::resolve(&args.given())?;
    let mut report = Report { out: std::io::stdout().lock(), problems: Vec::new(), answers: std::io::stdin().lock() };
    let mut heard = sound::heard();
    let bell = settings.bell.value;
    report.line(&format!("bell: {} ({})", bell.as_str(), settings.bell.from))?;
    let path = settings.path.as_deref();
    if matches!(bell, Bell::Auto | Bell::Tones) {
        match tones::players(settings.player.as_deref(), path) {
            Ok(players) => check_players(players, &mut report, &mut heard)?,
            Err(notice) => report.problem(notice)?,
        }
    }
    if matches!(bell, Bell::Auto | Bell::Terminal) {
        check_bell(&mut report, &mut heard)?;
    }
    if bell == Bell::None {
        report.line("no sounds to play: the bell is off")?;
    }
    if settings.voice.value == VoiceMode::Off {
        report.line("voice: off (`--voice`, or `voice = \"auto\"` in the config, turns it on)")?;
    } else {
        match Voice::find(settings.voice_command.as_deref(), path) {
            Ok(voice) => check_voice(voice, &mut report, &mut heard)?,
            Err(notice) => report.problem(notice)?,
        }
    }
    if heard != sound::heard() {
        heard.checked = Some(jiff::Timestamp::now().to_string());
        match sound::keep(&heard) {
            Ok(path) => report.line(&format!("kept what was heard in {}: sessions go by it", path.display()))?,
            Err(e) => report.problem(format!("cannot keep what was heard: {e}"))?,
        }
    }
    if report.problems.is_empty() {
        report.line("sound check: no problems found")?;
        Ok(ExitCode::SUCCESS)
    } else {
        report.line(&format!("sound check: {} problem(s), listed above", report.problems.len()))?;
        Ok(ExitCode::FAILURE)
    }
}

/// The lines written so far and the problems among them, and where the answers come from.
struct Report {
    out: std::io::StdoutLock<'static>,
    problems: Vec<String>,
    answers: std::io::StdinLock<'static>,
}

impl Report {
    fn line(&mut self, text: &str) -> Result<(), Failure> {
        writeln!(self.out, "{text}").and_then(|()| self.out.flush()).map_err(Failure::output)
    }

    fn problem(&mut self, text: String) -> Result<(), Failure> {
        self.line(&format!("problem: {text}"))?;
        self.problems.push(text);
        Ok(())
    }

    /// Asks whether `what` was heard; `None` when no answer comes (the input ended).
    fn ask(&mut self, what: &str) -> Result<Option<bool>, Failure> {
        for _ in 0..3 {
            write!(self.out, "Did you hear {what}? [y/n] ").and_then(|()| self.out.flush()).map_err(Failure::output)?;
            let mut answer = String::new();
            if self.answers.read_line(&mut answer).unwrap_or(0) == 0 {
                self.line("(no answer)")?;
                return Ok(None);
            }
            match answer.trim().to_lowercase().chars().next() {
                Some('y') => return Ok(Some(true)),
                Some('n') => return Ok(Some(false)),
                _ => {}
            }
        }
        Ok(None)
    }
}

/// The line naming a pattern before it plays.
fn announce(report: &mut Report, cue: Cue, heard: &str) -> Result<(), Failure> {
    report.line(&format!("{:<14} {heard:<44} {}", cue.name(), cue.when()))
}

/// Plays every pattern through each player in turn until one is heard.
fn check_players(players: Vec<Player>, report: &mut Report, heard: &mut Heard) -> Result<(), Failure> {
    let count = players.len();
    for (n, player) in players.into_iter().enumerate() {
        let key = player.program.display().to_string();
        report.line(&format!("player: {}", player.program.display()))?;
        let played = match Tones::new(vec![player], tones::DEFAULT_DRAIN) {
            Ok(tones) => play_tones(tones, report)?,
            Err(notice) => return report.problem(notice),
        };
        let Some(drain) = played else {
            heard.players.insert(key, false);
            continue;
        };
        let answer = report.ask("the tones")?;
        if let Some(answer) = answer {
            heard.players.insert(key.clone(), answer);
            heard.player_drain_ms = Some(drain.as_millis() as u64);
        }
        match answer {
            Some(true) => return Ok(()),
            Some(false) if n + 1 < count => report.line("trying the next player")?,
            Some(false) => report.problem(format!("the tones were not heard through {key}"))?,
            None => return Ok(()),
        }
    }
    Ok(())
}

/// Plays every pattern; the longest drain seen, or `None` when the player failed (a problem).
fn play_tones(mut tones: Tones, report: &mut Report) -> Result<Option<Duration>, Failure> {
    let mut drain = Duration::ZERO;
    for cue in Cue::ALL {
        let pattern = Pattern::of(cue);
        announce(report, cue, pattern.tones_heard)?;
        let started = Instant::now();
        if tones.play(cue, None, started).is_err() {
            report.problem(format!("{} failed to start", tones.player().name()))?;
            return Ok(None);
        }
        match tones.wait(tones::file_length(cue) + PATIENCE) {
            Some(Ended::Fine) => drain = drain.max(started.elapsed().saturating_sub(tones::file_length(cue))),
            Some(Ended::Failed(status)) => {
                report.problem(format!("{} exited with {status}", tones.player().name()))?;
                return Ok(None);
            }
            Some(Ended::Hung) | None => {
                report.problem(format!("{} did not finish playing", tones.player().name()))?;
                return Ok(None);
            }
        }
        thread::sleep(BETWEEN);
    }
    Ok(Some(drain))
}

/// Rings each pattern's bells and asks whether they were heard.
fn check_bell(report: &mut Report, heard: &mut Heard) -> Result<(), Failure> {
    // The bell goes to the terminal, wherever it is: standard output, else standard error.
    let stdout = std::io::stdout().is_terminal();
    if !stdout && !std::io::stderr().is_terminal() {
        return report.problem("no terminal to ring the bell on".to_owned());
    }
    report.line("the terminal bell (many terminals ship with it silent, or as a flash):")?;
    for cue in Cue::ALL {
        let pattern = Pattern::of(cue);
        announce(report, cue, pattern.bells_heard)?;
        let start = Instant::now();
        for n in 0..pattern.bells.len() {
            sleep_until(start + pattern.bell_at(n).unwrap_or_default());
            let rung = if stdout { ring(&mut report.out) } else { ring(&mut std::io::stderr()) };
            rung.map_err(Failure::output)?;
        }
        sleep_until(start + pattern.bells_length() + BETWEEN);
    }
    let answer = report.ask("the bells")?;
    if answer == Some(false) {
        report.problem("the terminal bell was not heard: turn it on in the terminal's settings".to_owned())?;
    }
    heard.bell = answer.or(heard.bell);
    Ok(())
}

fn ring(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(b"\x07").and_then(|()| out.flush())
}

/// Says the sentence, measures how late the voice runs, and asks whether it was heard.
fn check_voice(mut voice: Voice, report: &mut Report, heard: &mut Heard) -> Result<(), Failure> {
    let rate = voice.rate();
    let key = voice.program().display().to_string();
    report.line(&format!("voice: {} at {} words a minute: \"{SENTENCE}\"", voice.program().display(), rate.wpm))?;
    // espeak-ng and espeak can say how long the words are without saying them: the lag is
    // then measured exactly, else against the estimate.
    let expected = exact_length(&voice).unwrap_or_else(|| rate.time_to_say(SENTENCE));
    let started = Instant::now();
    if let Some(notice) = voice.say(SENTENCE, started, started + expected + PATIENCE) {
        return report.problem(notice);
    }
    let took = loop {
        let news = voice.poll(Instant::now(), |_| expected);
        let failed = news.iter().find_map(|said| match said {
            Said::Failed(notice) | Said::Silent(notice) => Some(notice.clone()),
            _ => None,
        });
        if let Some(notice) = failed {
            return report.problem(notice);
        }
        match news.first() {
            Some(Said::Done { took, .. }) => break *took,
            Some(_) => return report.problem(format!("{key} was stopped")),
            None if started.elapsed() > expected + PATIENCE => {
                return report.problem(format!("{key} did not finish speaking"));
            }
            None => thread::sleep(Duration::from_millis(10)),
        }
    };
    if took < expected / 3 {
        // espeak-ng exits 0 at once when there is no sound device; spd-say always returns at
        // once. Only the user can tell which.
        report.line(&format!(
            "warning: the voice finished in {:.2} s, but the sentence takes about {:.1} s: if you heard nothing, \
             check the sound device",
            took.as_secs_f64(),
            expected.as_secs_f64()
        ))?;
    } else {
        let lag = took.saturating_sub(expected);
        heard.voice_lag_ms = Some(lag.as_millis() as u64);
        report.line(&format!("the voice ran {:.2} s past its words (the sound server's delay)", lag.as_secs_f64()))?;
    }
    let answer = report.ask("the voice")?;
    if let Some(answer) = answer {
        heard.voices.insert(key.clone(), answer);
    }
    if answer == Some(false) {
        report.problem(format!("the voice was not heard through {key}: sessions stay quiet (`--voice` forces it)"))?;
    }
    Ok(())
}

/// How long the sentence is, asked of espeak-ng or espeak with `-w` (a WAV file, no sound).
fn exact_length(voice: &Voice) -> Option<Duration> {
    let name = voice.program().file_name()?.to_str()?;
    if !matches!(name, "espeak-ng" | "espeak") {
        return None;
    }
    // A folder of its own, private, made afresh: nothing of anyone else's is written through.
    let base = std::env::var_os("XDG_RUNTIME_DIR").map_or_else(std::env::temp_dir, std::path::PathBuf::from);
    let folder = base.join(format!("trunkrot-sound-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().mode(0o700).create(&folder).ok()?;
    }
    let file = folder.join("sentence.wav");
    let status = Command::new(voice.program())
        .args(voice.args())
        .arg("-w")
        .arg(&file)
        .arg(SENTENCE)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    let length = status.ok().filter(std::process::ExitStatus::success).and_then(|_| wav_length(&file));
    let _ = std::fs::remove_dir_all(&folder);
    length
}

/// The length of a PCM WAV file from its header.
fn wav_length(path: &Path) -> Option<Duration> {
    let bytes = std::fs::read(path).ok()?;
    let rate = u32::from_le_bytes(bytes.get(24..28)?.try_into().ok()?);
    let per_second = u32::from_le_bytes(bytes.get(28..32)?.try_into().ok()?);
    let data = bytes.windows(4).position(|w| w == b"data")?;
    let length = u32::from_le_bytes(bytes.get(data + 4..data + 8)?.try_into().ok()?);
    (rate > 0 && per_second > 0).then(|| Duration::from_secs_f64(f64::from(length) / f64::from(per_second)))
}

fn sleep_until(deadline: Instant) {
    thread::sleep(deadline.saturating_duration_since(Instant::now()));
}
