//! The README's reminders as a user pastes them: the bash, zsh and fish prompt snippets and
//! starship's module run in those shells with the shipped example installed, and the systemd
//! user timer and service pass `systemd-analyze verify`. Each is read from the README itself, so
//! the README cannot drift from what works. A shell or tool not installed here is skipped, with a
//! line saying so (starship is run as it runs its module: `when`, then `command`, through `sh`).

use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

mod support;

use support::home::{Home, trunkrot};

const README: &str = include_str!("../README.md");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/exercises/programmes/low-back-6-weeks.toml");

/// The README's line right after the line `comment`.
fn line_after(comment: &str) -> &'static str {
    let mut lines = README.lines();
    lines.by_ref().find(|line| *line == comment).unwrap_or_else(|| panic!("the README has `{comment}`"));
    lines.next().expect("a line after it")
}

/// The README's fenced block whose first line is `first`, without its fences.
fn block(first: &str) -> String {
    let mut lines = README.lines().skip_while(|line| *line != first);
    assert!(lines.next().is_some(), "the README has a block starting `{first}`");
    let rest: Vec<&str> = lines.take_while(|line| !line.starts_with("```")).collect();
    format!("{first}\n{}\n", rest.join("\n"))
}

/// A home with the example installed (or not), and a folder with `trunkrot` in it for `PATH`.
fn home(installed: bool) -> (Home, OsString) {
    let home = Home::new();
    if installed {
        trunkrot(&home).args(["programme", "install", EXAMPLE]).assert().success();
    }
    let bin = home.join("bin");
    fs::create_dir_all(&bin).expect("a bin folder");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_trunkrot"), bin.join("trunkrot")).expect("trunkrot on PATH");
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("a PATH");
    (home, path)
}

/// `program` with `args` in `home`, `trunkrot` on its `PATH`; `None` when it is not installed.
fn run(home: &(Home, OsString), program: &str, args: &[&str]) -> Option<Output> {
    let mut command = Command::new(program);
    command.args(args).envs(home.0.vars()).env("PATH", &home.1).env("HOME", &*home.0);
    match command.output() {
        Ok(output) => Some(output),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("skipped: `{program}` is not installed here");
            None
        }
        Err(e) => panic!("{program}: {e}"),
    }
}

/// What a shell printed, which said nothing on standard error (its status is the prompt
/// line's: 1 when something is due).
fn text(output: &Output) -> String {
    assert!(output.stderr.is_empty(), "{output:?}");
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

/// The prompt a shell shows with the README's line in its startup file: `show` prints it.
fn prompt(installed: bool, shell: &str, args: &[&str], snippet: &str, show: &str) -> Option<String> {
    let home = home(installed);
    let script = format!("{snippet}\n{show}");
    let mut all = args.to_vec();
    all.extend(["-c", &script]);
    run(&home, shell, &all).map(|output| text(&output))
}

#[test]
fn the_bash_and_zsh_prompts_show_what_is_left_and_nothing_when_nothing_is() {
    let bash = line_after("# bash, in ~/.bashrc");
    let show = r#"printf '%s' "${PS1@P}""#;
    for (installed, expected) in [(true, "[rot 0/2 +2] $ "), (false, "$ ")] {
        let shown = prompt(installed, "bash", &["--norc", "--noprofile"], &format!("PS1='$ '\n{bash}"), show);
        assert_eq!(shown.as_deref().unwrap_or(expected), expected, "bash: {bash}");
    }
    let zsh = line_after("# zsh, in ~/.zshrc");
    for (installed, expected) in [(true, "[rot 0/2 +2] % "), (false, "% ")] {
        let shown = prompt(installed, "zsh", &["-f"], &format!("PROMPT='%% '\n{zsh}"), r#"print -rnP -- "$PROMPT""#);
        assert_eq!(shown.as_deref().unwrap_or(expected), expected, "zsh: {zsh}");
    }
}

#[test]
fn the_fish_right_prompt_and_the_starship_module_show_what_is_left() {
    let fish = block("# fish, in ~/.config/fish/functions/fish_right_prompt.fish");
    for (installed, expected) in [(true, "rot 0/2 +2\n"), (false, "")] {
        let shown = prompt(installed, "fish", &["--no-config"], &fish, "fish_right_prompt");
        assert_eq!(shown.as_deref().unwrap_or(expected), expected, "fish:\n{fish}");
    }
    let starship: toml::Table = toml::from_str(&block("# starship, in ~/.config/starship.toml")).expect("TOML");
    let module = starship["custom"]["trunkrot"].as_table().expect("[custom.trunkrot]");
    let (when, command) = (module["when"].as_str().expect("when"), module["command"].as_str().expect("command"));
    for installed in [true, false] {
        let home = home(installed);
        let shown = run(&home, "sh", &["-c", when]).expect("sh is everywhere").status.success();
        assert_eq!(shown, installed, "starship shows the module only when something is due: {when}");
        let output = run(&home, "sh", &["-c", command]).expect("sh");
        assert_eq!(String::from_utf8_lossy(&output.stdout), if installed { "rot 0/2 +2\n" } else { "" });
    }
    assert!(module["format"].as_str().is_some_and(|format| format.contains("$output")));
}

#[test]
fn the_systemd_timer_and_service_pass_systemd_analyze_and_cron_runs_the_same() {
    let home = home(true);
    let units = home.0.join("units");
    fs::create_dir_all(&units).expect("a folder");
    for name in ["trunkrot-today.service", "trunkrot-today.timer"] {
        let unit = block(&format!("# ~/.config/systemd/user/{name}"));
        fs::write(units.join(name), unit).expect("a unit");
    }
    // The service runs %h/.cargo/bin/trunkrot: there, in this home.
    let cargo_bin = home.0.join(".cargo/bin");
    fs::create_dir_all(&cargo_bin).expect("a folder");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_trunkrot"), cargo_bin.join("trunkrot")).expect("a link");
    let files: Vec<PathBuf> = fs::read_dir(&units).expect("units").map(|e| e.expect("an entry").path()).collect();
    let mut args = vec!["verify", "--user"];
    args.extend(files.iter().map(|f| f.to_str().expect("UTF-8")));
    if let Some(output) = run(&home, "systemd-analyze", &args) {
        assert!(output.status.success() && output.stderr.is_empty(), "{output:?}");
    }
    let service = fs::read_to_string(units.join("trunkrot-today.service")).expect("the unit");
    let exec = service.lines().find_map(|l| l.strip_prefix("ExecStart=")).expect("ExecStart");
    let cron = README.lines().find(|line| line.starts_with("0 10,18 * * * ")).expect("the cron line");
    let fields: Vec<&str> = cron.split_whitespace().collect();
    assert_eq!(fields[..5], ["0", "10,18", "*", "*", "*"], "10:00 and 18:00 as the timer: {cron}");
    assert!(service.contains("SuccessExitStatus=1"), "exit 1 (something due) is no failure");
    assert!(cron.contains(" trunkrot today --notify ") && exec.ends_with("/trunkrot today --notify"), "{cron}");
}
