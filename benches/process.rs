//! The real binary measured as a user runs it: how closely a plain-mode session keeps its
//! schedule, what the interactive session costs while it counts down a hold (CPU over a minute
//! from the kernel's per-thread accounting, wake-ups, peak RSS) and while its figure moves (at
//! 80x24 and 160x50), and how soon the first frame appears in a pseudo-terminal.
//!
//! Run with `cargo bench --bench process` (about 2 min 10 s); add `-- --long` to time a
//! 30-minute session instead of a 1-minute one. It prints figures and asserts nothing: a
//! benchmark, not a test.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use support::home::{Home, process};
use support::pty::{Pty, TIMEOUT};
use trunkrot::domain::exercise;
use trunkrot::domain::plan::{self, Overrides, Plan};

/// How long the interactive session's hold is watched.
const HOLD_WATCH: Duration = Duration::from_secs(60);
/// How long each move is watched: within the longest move a file allows (60 s).
const MOVE_WATCH: Duration = Duration::from_secs(30);
/// How many starts the time to first frame is taken over.
const STARTS: usize = 15;

fn main() {
    let long = std::env::args().any(|arg| arg == "--long");
    println!("machine: {} cores, {}", cores(), cpu_model());
    let schedule = thread::spawn(move || plain_schedule(long));
    first_frame();
    hold_cost();
    move_cost(80, 24);
    move_cost(160, 50);
    schedule.join().expect("the schedule thread");
}

/// Timings of a plain-mode session: each line is stamped as it arrives on the pipe and compared
/// with its phase's planned start, counted from the first phase's line.
fn plain_schedule(long: bool) {
    // 60 s in 17 phases, or 30 min in 400.
    let (reps, hold, transition, get_ready) = if long { (100, 4, 5, 0) } else { (4, 5, 2, 4) };
    let overrides = Overrides {
        reps: Some(reps),
        hold: Some(Duration::from_secs(hold)),
        transition: Some(Duration::from_secs(transition)),
        get_ready: Some(Duration::from_secs(get_ready)),
        ..Overrides::default()
    };
    let exercise = exercise::built_in(exercise::DEFAULT_ID).expect("built in").expect("valid");
    let plan = Plan::new(exercise, &overrides);
    let home = Home::new();
    let mut child = process(&home)
        .args(["--plain", "--quiet", "--reps", &reps.to_string(), "--hold", &hold.to_string()])
        .args(["--transition", &transition.to_string(), "--get-ready", &get_ready.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let out = BufReader::new(child.stdout.take().expect("a pipe"));
    let lines: Vec<(String, Instant)> = out.lines().map_while(Result::ok).map(|line| (line, Instant::now())).collect();
    child.wait().expect("the session ends");

    // Besides a line per phase, plain mode prints the countdown and other cues: find each
    // phase's own line, in order, and the summary's first line for the end.
    let mut rest = lines.iter();
    let mut stamps = Vec::new();
    for index in 0..plan.phases.len() {
        let wanted = plan::text::describe(&plan, index);
        let (_, stamp) = rest.by_ref().find(|(line, _)| *line == wanted).expect("every phase has its line");
        stamps.push(*stamp);
    }
    let (_, ended) = rest.find(|(line, _)| line.ends_with(": completed")).expect("the summary");
    let phases = plan.phases.len();
    let mut planned = Duration::ZERO;
    let mut errors_ms = Vec::new();
    for (phase, stamp) in plan.phases.iter().zip(&stamps) {
        errors_ms.push(millis_between(stamp.duration_since(stamps[0]), planned));
        planned += phase.duration;
    }
    let end_ms = millis_between(ended.duration_since(stamps[0]), planned);
    let worst = errors_ms.iter().copied().fold(0.0, |worst: f64, e| worst.max(e.abs()));
    let mean = errors_ms.iter().sum::<f64>() / errors_ms.len() as f64;
    println!("plain session of {} s in {phases} phases:", planned.as_secs());
    println!("  phase start error: worst {worst:.3} ms, mean {mean:+.3} ms (late is positive)");
    println!("  end of session error: {end_ms:+.3} ms");
}

/// Signed milliseconds by which `actual` came after `planned`.
fn millis_between(actual: Duration, planned: Duration) -> f64 {
    (actual.as_secs_f64() - planned.as_secs_f64()) * 1000.0
}

/// Spawn to the first text on screen, over several starts.
fn first_frame() {
    let mut times: Vec<Duration> = (0..STARTS)
        .map(|_| {
            let mut pty = Pty::spawn(&["--get-ready", "0", "--transition", "0", "--hold", "60", "--quiet"]);
            pty.expect_text("LEFT", TIMEOUT);
            let time = pty.time_to_first_content().expect("something on screen");
            pty.send("q");
            pty.wait_exit(TIMEOUT).expect("the process exits");
            time
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "first frame (spawn to first text in an 80x24 pty, {STARTS} starts): median {:.1} ms, best {:.1} ms, worst {:.1} ms",
        ms(times[STARTS / 2]),
        ms(times[0]),
        ms(times[STARTS - 1])
    );
}

/// CPU, wake-ups and memory of the interactive session while it counts down one long hold.
fn hold_cost() {
    let pty = Pty::spawn(&["--get-ready", "0", "--transition", "0", "--hold", "600", "--quiet"]);
    pty.expect_text("LEFT", TIMEOUT);
    print_cost(&pty, HOLD_WATCH, "hold of the interactive session in an 80x24 pty");
    println!("  peak RSS (VmHWM): {:.2} MB", status_kb(pty.pid(), "VmHWM:") as f64 / 1024.0);
}

/// CPU and wake-ups of the interactive session while the figure moves through a 60 s move.
fn move_cost(cols: u16, rows: u16) {
    let pty = Pty::spawn_sized(&["--get-ready", "0", "--transition", "60", "--hold", "600", "--quiet"], cols, rows);
    pty.expect_text("MOVE", TIMEOUT);
    print_cost(&pty, MOVE_WATCH, &format!("move (figure moving) of the interactive session in a {cols}x{rows} pty"));
}

/// Watches the session for `watch` and prints, under `what`, the CPU its threads used and how
/// often they woke.
fn print_cost(pty: &Pty, watch: Duration, what: &str) {
    let pid = pty.pid();
    let before = Usage::read(pid);
    let started = Instant::now();
    thread::sleep(watch);
    let after = Usage::read(pid);
    let wall = started.elapsed().as_secs_f64();
    let ticks = (after.ticks - before.ticks) as f64 / clock_ticks_per_second();
    let on_cpu = (after.run_ns - before.run_ns) as f64 / 1e9;
    println!("{what}, watched for {wall:.1} s:");
    println!("  CPU, all {} threads, utime+stime: {:.4}% of one core", after.threads, 100.0 * ticks / wall);
    println!("  CPU, all threads, schedstat run time: {:.4}% of one core", 100.0 * on_cpu / wall);
    println!(
        "  wake-ups (voluntary context switches), all threads: {:.2} per second",
        (after.wakeups - before.wakeups) as f64 / wall
    );
}

/// Kernel accounting summed over every thread of a process.
struct Usage {
    threads: usize,
    /// utime + stime, in clock ticks.
    ticks: u64,
    /// Time on a CPU from /proc/…/schedstat, in nanoseconds.
    run_ns: u64,
    wakeups: u64,
}

impl Usage {
    fn read(pid: u32) -> Usage {
        let mut sum = Usage { threads: 0, ticks: 0, run_ns: 0, wakeups: 0 };
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("the process runs") {
            let dir = task.expect("a thread").path();
            let stat = std::fs::read_to_string(dir.join("stat")).expect("thread stat");
            // Fields after the command name, which may hold spaces: state is field 3, so utime
            // (14) and stime (15) are the 12th and 13th after it.
            let fields: Vec<&str> = stat.rsplit_once(')').expect("a stat line").1.split_whitespace().collect();
            sum.ticks += fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
            let schedstat = std::fs::read_to_string(dir.join("schedstat")).expect("thread schedstat");
            sum.run_ns += schedstat.split_whitespace().next().and_then(|ns| ns.parse().ok()).unwrap_or(0);
            let status = std::fs::read_to_string(dir.join("status")).expect("thread status");
            sum.wakeups += field_value(&status, "voluntary_ctxt_switches:");
            sum.threads += 1;
        }
        sum
    }
}

fn status_kb(pid: u32, field: &str) -> u64 {
    field_value(&std::fs::read_to_string(format!("/proc/{pid}/status")).expect("process status"), field)
}

/// The number after `name` on its line of a /proc status file.
fn field_value(status: &str, name: &str) -> u64 {
    let line = status.lines().find_map(|line| line.strip_prefix(name)).unwrap_or("0");
    line.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0)
}

fn clock_ticks_per_second() -> f64 {
    let out = Command::new("getconf").arg("CLK_TCK").output().ok();
    out.and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok()).unwrap_or(100.0)
}

fn cores() -> usize {
    thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

fn cpu_model() -> String {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = info.lines().find_map(|line| line.strip_prefix("model name")?.split_once(':').map(|(_, m)| m.trim()));
    model.unwrap_or("unknown CPU").to_owned()
}
