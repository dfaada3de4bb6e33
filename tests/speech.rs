//! Whole plain sessions with a stand-in speech command and a stand-in player, given by the
//! config's `voice_command` and `player`, each logging when it starts and when its sound is
//! heard, and taking as long as trunkrot expects of a real one: no two sounds are heard at
//! once, every count is heard on its tick or not said, the side is said at every move and hold,
//! every pattern plays whole, and nothing is left running afterwards.
//!
//! On the screen, the check-in's questions are said: the pain before while the session waits
//! for it, the rest after the end, each once, in order.
//!
//! The timing is the session's own (real seconds); the checks allow what a loaded machine adds to
//! starting a process ([`SLACK`]). The exact timing is tested without processes in
//! `domain::cues::schedule`.

mod support;

use std::fs;
use std::path::Path;
use std::process::Output;
use std::thread;

use support::home::{Home, trunkrot};
use support::pty::{Pty, TIMEOUT};
use support::standin::{self, Sound};
use trunkrot::domain::checkin::Pain;
use trunkrot::domain::cues::voice::Rate;
use trunkrot::domain::cues::{self, COUNT_LATE};
use trunkrot::domain::plan::PhaseKind;
use trunkrot::domain::session::Event;

/// How much two sounds may seem to overlap, in seconds: a stand-in logs its start once its shell
/// and `date` have run, a few milliseconds on an idle machine, up to a tenth of a second at a
/// load of 15 on 2 cores.
const SLACK: f64 = 0.12;

/// How much later than its plan a count's stand-in may log its start on a busy machine (load
/// 15 on 2 cores: up to 0.09 s more was seen), in seconds. The counts' timing itself is tested
/// without processes, in `domain::cues::schedule`.
const COUNT_SLACK: f64 = 0.25;

/// Runs a plain session with the stand-ins, in `dir`, with `args`; the voice at `rate` (given
/// to the stand-in as `-s N`, as to espeak-ng). Returns its output and when it had exited.
fn session(dir: &Home, args: &[&str], rate: Rate) -> (Output, f64) {
    let log = dir.join("log");
    let words = dir.join("words");
    let tones = dir.join("tones");
    fs::write(&words, standin::durations(&standin::phrases(&standin::plan_of(args)), rate)).expect("a table");
    fs::write(&tones, standin::tone_lengths()).expect("a table");
    fs::write(dir.join("voice.sh"), standin::script(&log, &words, "voice", "")).expect("a script");
    fs::write(dir.join("player.sh"), standin::script(&log, &tones, "tone", "")).expect("a script");
    let config = format!(
        "voice = true\nvoice_command = [\"/bin/sh\", \"{}\", \"-s\", \"{}\"]\nplayer = [\"/bin/sh\", \"{}\"]\n",
        dir.join("voice.sh").display(),
        rate.wpm,
        dir.join("player.sh").display()
    );
    dir.file("config.toml", config);
    let output = trunkrot(dir).arg("--plain").args(args).output().expect("trunkrot runs");
    (output, standin::now())
}

/// Checks one session's log against the rules, and that it left nothing running.
fn check(name: &str, args: &[&str], rate: Rate, dir: &Path, output: &Output, exited: f64) {
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{name}: {output:?}");
    assert!(!stderr.contains("trunkrot:"), "{name}: no notice: {stderr}");
    assert!(stdout.starts_with("Sound: sh tones"), "{name}: the first line says what sounds: {stdout}");
    let sounds = standin::sounds(&dir.join("log"));
    assert!(sounds.iter().all(|s| !s.what.starts_with("unknown")), "{name}: {sounds:?}");
    // Each sound heard whole: it ran to its end, or trunkrot was still there when it was over.
    for sound in &sounds {
        assert!(sound.ended || sound.heard.1 <= exited, "{name}: `{}` was cut", sound.what);
    }
    let voice: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "voice").collect();
    let tones: Vec<&Sound> = sounds.iter().filter(|s| s.kind == "tone").collect();

    // No two sounds heard at once.
    for (i, a) in sounds.iter().enumerate() {
        for b in &sounds[i + 1..] {
            let overlap = a.heard.1.min(b.heard.1) - a.heard.0.max(b.heard.0);
            assert!(overlap < SLACK, "{name}: `{}` and `{}` heard together for {overlap:.3} s", a.what, b.what);
        }
    }

    // Every pattern of the plan played, once, on its moment; a phase's first counts may give
    // way to its words (the counting then starts where they end), never a later one.
    let plan = standin::plan_of(args);
    let t0 = sounds.iter().map(|s| s.started).fold(f64::MAX, f64::min);
    let mut matched = vec![false; tones.len()];
    let mut counting = false;
    for (at, event) in standin::events(&plan) {
        let Some(cue) = cues::cue(&plan, event) else { continue };
        let file = format!("{}.wav", cue.name().replace(' ', "-"));
        let due = t0 + at.as_secs_f64();
        let found =
            (0..tones.len()).find(|i| !matched[*i] && tones[*i].what == file && (tones[*i].started - due).abs() < 0.3);
        let count = matches!(event, Event::Countdown(_));
        if let Some(i) = found {
            matched[i] = true;
            counting = count;
        } else {
            let all: Vec<String> = tones.iter().map(|s| format!("{} {:.2}", s.what, s.started - t0)).collect();
            assert!(count && !counting, "{name}: {event:?} at {at:?} made no sound; played: {all:?}");
        }
    }
    assert!(matched.iter().all(|m| *m), "{name}: a pattern no event asked for");

    // Every count said is heard after its tick and within 150 ms of it.
    for said in voice.iter().filter(|s| ["1", "2", "3"].contains(&s.what.as_str())) {
        let tick = tones.iter().rev().find(|t| t.what == "count.wav" && t.started <= said.started).expect("its tick");
        let late = said.heard.0 - tick.heard.0;
        assert!(
            late <= COUNT_LATE.as_secs_f64() + COUNT_SLACK,
            "{name}: `{}` heard {late:.3} s after its tick",
            said.what
        );
    }
    let counts = voice.iter().filter(|s| ["1", "2", "3"].contains(&s.what.as_str())).count();
    let ticks = tones.iter().filter(|s| s.what == "count.wav").count();

    // The side at every move and hold: the words of each, in order, name it.
    let sided: Vec<&str> = plan
        .phases
        .iter()
        .filter(|p| matches!(p.kind, PhaseKind::Move | PhaseKind::Hold))
        .filter_map(|p| p.side)
        .map(trunkrot::domain::side::Side::word)
        .collect();
    let words: Vec<&str> = voice
        .iter()
        .map(|s| s.what.as_str())
        .filter(|w| w.to_lowercase().contains("left") || w.to_lowercase().contains("right"))
        .collect();
    assert_eq!(words.len(), sided.len(), "{name}: words for each move and hold with a side: {words:?}");
    for (said, side) in words.iter().zip(&sided) {
        assert!(said.to_lowercase().contains(side), "{name}: `{said}` for a move or hold on the {side}");
    }
    assert_eq!(voice.last().map(|s| s.what.as_str()), Some("Session complete"), "{name}");
    println!(
        "{name} (-s {}): {} patterns, {} utterances, {counts} counts said of {ticks} ticks",
        rate.wpm,
        tones.len(),
        voice.len()
    );

    // Nothing left running.
    for sound in &sounds {
        assert!(standin::gone(sound.pid), "{name}: process {} outlived trunkrot", sound.pid);
    }
}

#[test]
fn whole_sessions_are_heard_one_sound_at_a_time_with_every_side_and_pattern() {
    let default = Rate::default();
    let runs: Vec<(&str, &[&str], Rate)> = vec![
        ("default", &["--reps", "2", "--get-ready", "5"], default),
        ("transition 0", &["--reps", "2", "--get-ready", "4", "--transition", "0"], default),
        ("transition 1", &["--reps", "2", "--get-ready", "4", "--transition", "1"], default),
        (
            "routine",
            &[
                "--routine",
                "low-back",
                "--reps",
                "1",
                "--hold",
                "3",
                "--get-ready",
                "3",
                "--transition",
                "2",
                "--rest",
                "4",
            ],
            default,
        ),
        ("-s 140", &["--reps", "2", "--get-ready", "5"], Rate { wpm: 140 }),
    ];
    // All at once: each is mostly waiting. `TRUNKROT_SPEECH=name` runs one alone.
    let only = std::env::var("TRUNKROT_SPEECH").ok();
    let handles: Vec<_> = runs
        .iter()
        .filter(|(name, ..)| only.as_deref().is_none_or(|only| only == *name))
        .map(|&(name, args, rate)| {
            let dir = Home::new();
            thread::spawn(move || {
                let (output, exited) = session(&dir, args, rate);
                check(name, args, rate, &dir, &output, exited);
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("each session's checks pass");
    }
}

/// Waits until the stand-ins' log shows words starting with `text`, and returns them.
fn said_in(log: &Path, text: &str) -> Sound {
    let give_up = std::time::Instant::now() + TIMEOUT;
    loop {
        if let Some(sound) = standin::sounds(log).into_iter().find(|s| s.kind == "voice" && s.what == text) {
            return sound;
        }
        assert!(std::time::Instant::now() < give_up, "`{text}` never said: {:?}", standin::sounds(log));
        thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn the_questions_on_the_screen_are_said_the_pain_before_while_it_waits_the_rest_after_the_end() {
    let args = ["--get-ready", "3", "--transition", "0", "--hold", "1", "--reps", "1", "--checkin-before"];
    let before = "Pain now, before you start, 0 to 10";
    let pain = "Pain now, 0 to 10";
    let hurt = "Which side hurt? 1, left. 2, right. 3, both. 4, neither.";
    let spread = "Did the pain spread into a buttock or down a leg? y, yes. n, no.";
    let mut pty = Pty::spawn_shell();
    let dir = pty.home();
    let log = dir.join("log");
    let mut phrases = standin::phrases(&standin::plan_of(&args));
    phrases.extend([before, pain, hurt, spread].map(str::to_owned));
    fs::write(dir.join("words"), standin::durations(&phrases, Rate::default())).expect("a table");
    fs::write(dir.join("tones"), standin::tone_lengths()).expect("a table");
    fs::write(dir.join("voice.sh"), standin::script(&log, &dir.join("words"), "voice", "")).expect("a script");
    fs::write(dir.join("player.sh"), standin::script(&log, &dir.join("tones"), "tone", "")).expect("a script");
    let config = format!(
        "voice = true\nvoice_command = [\"/bin/sh\", \"{}\"]\nplayer = [\"/bin/sh\", \"{}\"]\n",
        dir.join("voice.sh").display(),
        dir.join("player.sh").display()
    );
    dir.file("config.toml", config);
    pty.expect_text("$ ", TIMEOUT);
    pty.send(&format!("$TRUNKROT {}\r", args.join(" ")));
    // The pain before, while the session waits for it: said too, and the session starts on an
    // answer.
    pty.expect_text(before, TIMEOUT);
    let first = said_in(&log, before);
    assert!(standin::sounds(&log).iter().all(|s| s.started >= first.started), "nothing before it");
    pty.send("2\r");
    pty.expect_text(pain, TIMEOUT);

    // The first question after the end's pattern and words, under nothing.
    let asked = said_in(&log, pain);
    let sounds = standin::sounds(&log);
    let complete = sounds.iter().find(|s| s.what == "Session complete").expect("the end is said");
    let done = sounds.iter().find(|s| s.what == "done.wav").expect("the end's pattern");
    assert!(asked.heard.0 >= complete.heard.1 - SLACK, "{asked:?} over {complete:?}");
    assert!(asked.heard.0 >= done.heard.1 - SLACK, "{asked:?} over {done:?}");

    // Each answer brings the next question, on the screen and said.
    pty.send("5\r");
    pty.expect_text("Which side hurt?", TIMEOUT);
    said_in(&log, hurt);
    pty.send("1\r");
    pty.expect_text("Did the pain spread", TIMEOUT);
    said_in(&log, spread);
    let asked: Vec<String> = standin::sounds(&log)
        .into_iter()
        .filter(|s| s.kind == "voice" && [before, pain, hurt, spread].contains(&s.what.as_str()))
        .map(|s| s.what)
        .collect();
    assert_eq!(asked, [before, pain, hurt, spread], "each question said once, in order");

    // Leaving the check-in keeps the answers and ends what is still said.
    pty.send("q");
    assert!(pty.wait_until(TIMEOUT, |screen| !screen.alternate_screen()), "{}", pty.contents());
    pty.expect_text("$ ", TIMEOUT);
    let kept = pty.home().records();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].checkin.pain_before, kept[0].checkin.pain), (Pain::new(2), Pain::new(5)));
    for sound in standin::sounds(&log) {
        assert!(standin::gone(sound.pid), "process {} ({}) outlived trunkrot", sound.pid, sound.what);
    }
}
