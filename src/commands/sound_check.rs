//! `trunkrot sound-check`: each cue's pattern played in turn with its name, then a sentence
//! through the voice when it is on, and a report of what could not be played or said, so the
//! user can fix it before lying down.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use crate::cli::SoundCheckArgs;
use crate::domain::cues::{Bell, Cue, Pattern};
use crate::failure::Failure;
use crate::shell::config;
use crate::shell::process_group::Ended;
use crate::shell::speech::{Said, Voice};
use crate::shell::tones::Tones;

/// The silence after each pattern, so each is heard on its own.
const BETWEEN: Duration = Duration::from_millis(900);

/// The longest a player or the speech command is given before it counts as hung.
const PATIENCE: Duration = Duration::from_secs(15);

/// What the voice says: a side, a phase and a count, as in a session.
const SENTENCE: &str = "This is trunkrot. Switch sides. Hold, right. 3, 2, 1.";

/// Runs `trunkrot sound-check`.
pub fn run(args: &SoundCheckArgs) -> Result<ExitCode, Failure> {
    let (settings, _) = config::resolve(&args.given())?;
    let mut report = Report { out: std::io::stdout().lock(), problems: Vec::new() };
    let bell = settings.bell.value;
    report.line(&format!("bell: {} ({})", bell.as_str(), settings.bell.from))?;
    match bell {
        Bell::None => report.line("no sounds to play: the bell is off")?,
        Bell::Terminal => play_bells(&mut report)?,
        Bell::Tones => match Tones::new(settings.path.as_deref()) {
            Ok(tones) => play_tones(tones, &mut report)?,
            Err(notice) => {
                report.problem(notice)?;
                play_bells(&mut report)?;
            }
        },
    }
    if settings.voice.value {
        match Voice::find(settings.voice_command.as_deref(), settings.path.as_deref()) {
            Ok(voice) => speak(voice, &mut report)?,
            Err(notice) => report.problem(notice)?,
        }
    } else {
        report.line("voice: off (`--voice`, or `voice = true` in the config, turns it on)")?;
    }
    if report.problems.is_empty() {
        report.line("sound check: no problems found")?;
        Ok(ExitCode::SUCCESS)
    } else {
        report.line(&format!("sound check: {} problem(s), listed above", report.problems.len()))?;
        Ok(ExitCode::FAILURE)
    }
}

/// The lines written so far and the problems among them.
struct Report {
    out: std::io::StdoutLock<'static>,
    problems: Vec<String>,
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
}

/// The line naming a pattern before it plays.
fn announce(report: &mut Report, cue: Cue, heard: &str) -> Result<(), Failure> {
    report.line(&format!("{:<14} {heard:<44} {}", cue.name(), cue.when()))
}

fn play_bells(report: &mut Report) -> Result<(), Failure> {
    // The bell goes to the terminal, wherever it is: standard output, else standard error.
    let stdout = std::io::stdout().is_terminal();
    if !stdout && !std::io::stderr().is_terminal() {
        return report.problem("no terminal to ring the bell on".to_owned());
    }
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
    Ok(())
}

fn ring(out: &mut impl Write) -> std::io::Result<()> {
    out.write_all(b"\x07").and_then(|()| out.flush())
}

fn play_tones(mut tones: Tones, report: &mut Report) -> Result<(), Failure> {
    report.line(&format!("player: {}", tones.player().display()))?;
    for cue in Cue::ALL {
        let pattern = Pattern::of(cue);
        announce(report, cue, pattern.tones_heard)?;
        if let Err(notice) = tones.play(cue) {
            return report.problem(notice);
        }
        match tones.wait(pattern.tones_length() + PATIENCE) {
            Some(Ended::Fine) => {}
            Some(Ended::Failed(status)) => {
                let player = tones.player().display().to_string();
                return report
                    .problem(format!("{player} exited with {status}: no tones; sessions ring the terminal bell"));
            }
            None => return report.problem(format!("{} did not finish playing", tones.player().display())),
        }
        thread::sleep(BETWEEN);
    }
    Ok(())
}

fn speak(mut voice: Voice, report: &mut Report) -> Result<(), Failure> {
    let rate = voice.rate();
    report.line(&format!("voice: {} at {} words a minute: \"{SENTENCE}\"", voice.program().display(), rate.wpm))?;
    if let Some(notice) = voice.say(SENTENCE) {
        return report.problem(notice);
    }
    let started = Instant::now();
    let expected = rate.time_to_say(SENTENCE);
    let until = started + expected + PATIENCE;
    loop {
        match voice.poll() {
            Said::Done if started.elapsed() < expected / 3 => {
                // espeak-ng exits 0 at once when there is no sound device; spd-say always
                // returns at once. Only the user can tell which: say so, without failing.
                let took = started.elapsed().as_secs_f64();
                let words = expected.as_secs_f64();
                return report.line(&format!(
                    "warning: the voice finished in {took:.2} s, but the sentence takes about {words:.1} s: \
                     if you heard nothing, check the sound device"
                ));
            }
            Said::Done => return Ok(()),
            Said::Failed(notice) => return report.problem(notice),
            Said::Speaking if Instant::now() >= until => {
                return report.problem(format!("{} did not finish speaking", voice.program().display()));
            }
            Said::Speaking => thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn sleep_until(deadline: Instant) {
    thread::sleep(deadline.saturating_duration_since(Instant::now()));
}
