//! Stand-in speech commands and players that log when they start, when their sound is heard and
//! when they end, taking as long as the real ones are estimated to: the voice's words from a
//! table the test writes with trunkrot's own estimate, the tones from their files' lengths.
// Each test file uses the part of this it needs.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Duration;

use clap::Parser;
use trunkrot::cli::Cli;
use trunkrot::domain::cues::voice::Rate;
use trunkrot::domain::cues::{self, Cue, Pattern, TONE_LEAD, Voicing};
use trunkrot::domain::plan::Plan;
use trunkrot::domain::session::Event;
use trunkrot::domain::settings::{self, Environment, Given};

/// The plan a session with these flags runs (no config), as trunkrot makes it.
pub fn plan_of(args: &[&str]) -> Plan {
    let cli = Cli::try_parse_from(std::iter::once("trunkrot").chain(args.iter().copied())).expect("flags");
    let resolved = settings::resolve(&cli.session.given(), &Given::default(), Environment::default());
    trunkrot::shell::catalog::plan(&resolved).expect("a plan")
}

/// Every phrase `plan` can have said, each form.
pub fn phrases(plan: &Plan) -> BTreeSet<String> {
    let mut all = BTreeSet::new();
    for index in 0..plan.phases.len() {
        all.extend(cues::words(plan, Event::PhaseStarted(index)));
        all.extend(cues::form_cue(plan, index, Voicing::default(), Duration::ZERO).map(|tip| tip.text));
    }
    for n in 1..=3 {
        all.insert(n.to_string());
    }
    all.insert("Session complete".to_owned());
    all
}

/// The table the stand-in voice reads: each phrase, then the silence before it, how long it is
/// heard and the silence after it, in seconds, as trunkrot expects of a voice at `rate`.
pub fn durations(phrases: &BTreeSet<String>, rate: Rate) -> String {
    let mut table = String::new();
    for phrase in phrases {
        let (before, heard) = rate.heard(phrase);
        let whole = rate.time_to_say(phrase);
        row(&mut table, phrase, before, heard.saturating_sub(before), whole.saturating_sub(heard));
    }
    table
}

/// The table the stand-in player reads: each pattern's file, the silence before its notes, how
/// long they are heard and the silence after them.
pub fn tone_lengths() -> String {
    let mut table = String::new();
    for cue in Cue::ALL {
        let pattern = Pattern::of(cue);
        let file = format!("{}.wav", cue.name().replace(' ', "-"));
        let heard = pattern.tones_length().saturating_sub(TONE_LEAD);
        let tail = trunkrot::shell::tones::file_length(cue).saturating_sub(pattern.tones_length());
        row(&mut table, &file, TONE_LEAD, heard, tail);
    }
    table
}

fn row(table: &mut String, key: &str, before: Duration, heard: Duration, after: Duration) {
    let secs = |d: Duration| d.as_secs_f64();
    let whole = secs(before) + secs(heard) + secs(after);
    let _ = writeln!(table, "{key}\t{:.3}\t{:.3}\t{:.3}\t{whole:.3}", secs(before), secs(heard), secs(after));
}

/// A shell script that logs to `log` as `TIME STEP PID KIND ...`: `start` with the silence
/// before, the time heard and the silence after, then what it says or plays; `end` when it is
/// done. It finds its last argument (a file's name without its folder) in `table` and takes as
/// long as the table says; `extra` runs after the start is logged (to fail, hang or fork). The
/// table is written into the script as a `case`. Every time is on the clock since boot
/// (`/proc/uptime`, read by the shell itself: no `date` to start on a busy machine), and the
/// start is logged as `RAN/TICKS`: when the script got to run, and when trunkrot forked it (the
/// kernel's start time of the process, in clock ticks, from `/proc/$$/stat`). On a busy machine a
/// shell can take a second to run its first line; what the tests judge is trunkrot's timing, so
/// [`Sound::started`] is the fork.
pub fn script(log: &Path, table: &Path, kind: &str, extra: &str) -> String {
    let rows = fs::read_to_string(table).unwrap_or_default();
    let mut cases = String::new();
    for row in rows.lines() {
        let fields: Vec<&str> = row.split('\t').collect();
        if let [key, before, heard, after, whole] = fields[..] {
            let key = key.replace('\'', "'\\''");
            let _ = writeln!(cases, "  '{key}') set -- {before} {heard} {after} {whole} ;;");
        }
    }
    format!(
        r#"read -r at _ < /proc/uptime
read -r stat < /proc/$$/stat
forked() {{ shift 19; at="$at/$1"; }}
forked ${{stat##*") "}}
for last; do :; done
what=${{last##*/}}
case "$what" in
{cases}  *) set -- 0 1 0 1; what="unknown: $what" ;;
esac
echo "$at start $$ {kind} $1 $2 $3 $what" >> '{log}'
{extra}
sleep "$4"
read -r at _ < /proc/uptime
echo "$at end $$ {kind} $what" >> '{log}'
"#,
        log = log.display(),
    )
}

/// A sound as the log shows it: what, when its process started, and when it was heard.
#[derive(Debug, Clone, PartialEq)]
pub struct Sound {
    pub kind: String,
    pub what: String,
    pub pid: u32,
    /// When its script got to run (and, for a stand-in that fails at once, when it exited).
    pub ran: f64,
    /// When trunkrot forked its process.
    pub started: f64,
    /// From and to when it is heard, from its start and the table.
    pub heard: (f64, f64),
    /// When it would end, from its start and the table.
    pub ends: f64,
    /// Whether it logged its end.
    pub ended: bool,
}

/// The sounds of a log, in the order they started.
pub fn sounds(log: &Path) -> Vec<Sound> {
    let text = fs::read_to_string(log).unwrap_or_default();
    let mut sounds: Vec<Sound> = Vec::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.splitn(9, ' ').collect();
        let (Some((ran, at)), Some(step), Some(pid)) =
            (parts.first().and_then(|p| times(p)), parts.get(1), parts.get(2).and_then(|p| p.parse().ok()))
        else {
            continue;
        };
        match *step {
            "start" if parts.len() == 8 || parts.len() == 9 => {
                let num = |i: usize| parts.get(i).and_then(|p| p.parse::<f64>().ok()).unwrap_or_default();
                let (before, heard, after) = (num(4), num(5), num(6));
                sounds.push(Sound {
                    kind: parts[3].to_owned(),
                    what: parts[7..].join(" "),
                    pid,
                    ran,
                    started: at,
                    heard: (at + before, at + before + heard),
                    ends: at + before + heard + after,
                    ended: false,
                });
            }
            "end" => {
                if let Some(sound) = sounds.iter_mut().rev().find(|s| s.pid == pid) {
                    sound.ended = true;
                }
            }
            _ => {}
        }
    }
    sounds
}

/// A log line's first field as (when the script ran, when its process was forked), in seconds
/// since boot: `RAN/TICKS` for a start (at Linux's 100 clock ticks a second), `RAN` alone
/// otherwise.
fn times(field: &str) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = field.split('/').map(str::parse).collect::<Result<_, _>>().ok()?;
    match numbers[..] {
        [ran] => Some((ran, ran)),
        [ran, ticks] => Some((ran, ticks / 100.0)),
        _ => None,
    }
}

/// Whether process `pid` is gone (or a zombie), allowing a killed one a moment to die: the kill
/// is sent before trunkrot exits, but a busy machine may run the dying process a little later.
pub fn gone(pid: u32) -> bool {
    let dead = || {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        stat.is_empty() || stat.contains(") Z ")
    };
    let since = std::time::Instant::now();
    while !dead() {
        if since.elapsed() > Duration::from_secs(5) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

/// The time since boot now, in seconds, as the stand-ins log it (`/proc/uptime`).
pub fn now() -> f64 {
    let uptime = fs::read_to_string("/proc/uptime").unwrap_or_default();
    uptime.split_whitespace().next().and_then(|secs| secs.parse().ok()).unwrap_or_default()
}

/// Every event of the plan run uninterrupted, with its moment from the start.
pub fn events(plan: &Plan) -> Vec<(Duration, Event)> {
    let t0 = std::time::Instant::now();
    let mut session = trunkrot::domain::session::Session::start(plan.clone(), t0);
    let mut events = vec![(Duration::ZERO, Event::PhaseStarted(0))];
    let mut now = t0;
    while let Some(next) = session.next_event(now) {
        now = next;
        events.extend(session.tick(now).into_iter().map(|event| (now - t0, event)));
    }
    events
}
