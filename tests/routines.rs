//! Routines as a user meets them: the shipped `low-back` driven through a whole simulated
//! session, user routines with per-exercise overrides, and a routine naming a missing exercise.

use std::time::Instant;

use predicates::prelude::*;
use predicates::str::contains;
use trunkrot::domain::session::{Session, State};
use trunkrot::domain::settings::{self, Environment, Given};
use trunkrot::shell::catalog;

mod support;

use support::home::{Home, stdout, trunkrot};

const MORNING: &str = r#"
name = "Morning"
summary = "Three for the morning."
rest = 20

[[exercise]]
id = "pelvic-tilt"
reps = 2
hold = 3

[[exercise]]
id = "lower-trunk-rotation"
reps = 1

[[exercise]]
id = "./mine.toml"
"#;

const MINE: &str = r#"
name = "My stretch"
start_position = "Sit tall."
steps = ["Reach up."]
[timing]
hold = 4
reps = 1
get_ready = 0
transition = 0
"#;

#[test]
fn the_shipped_routine_runs_every_exercise_in_order_to_the_planned_end() {
    let (routine, exercises) = catalog::find_routine("low-back", None, None).unwrap();
    let ids: Vec<String> = exercises.iter().map(|e| e.id.clone()).collect();
    assert_eq!(ids, ["pelvic-tilt", "knee-to-chest", "lower-trunk-rotation", "glute-bridge"]);
    let settings = settings::resolve(&Given::default(), &Given::default(), Environment::default());
    let plan = catalog::routine_plan(&routine, exercises, &settings).unwrap();
    let total = plan.total();
    let t0 = Instant::now();
    let mut session = Session::start(plan, t0);
    let mut parts_seen = Vec::new();
    while let State::Running { index, ends_at } = session.state() {
        let part = session.plan().phases[index].part;
        if parts_seen.last() != Some(&part) {
            parts_seen.push(part);
        }
        session.tick(ends_at);
    }
    assert_eq!(parts_seen, [0, 1, 2, 3], "each exercise once, in order");
    assert_eq!(session.state(), State::Finished { completed: true, at: t0 + total });
    let summary = session.summary(t0 + total);
    let done: Vec<(String, Vec<(u32, u32)>)> =
        summary.parts.iter().map(|p| (p.id.clone(), p.reps.iter().map(|r| (r.done, r.planned)).collect())).collect();
    assert_eq!(
        done,
        [
            ("pelvic-tilt".to_owned(), vec![(8, 8)]),
            ("knee-to-chest".to_owned(), vec![(3, 3), (3, 3)]),
            ("lower-trunk-rotation".to_owned(), vec![(10, 10), (10, 10)]),
            ("glute-bridge".to_owned(), vec![(8, 8)]),
        ]
    );
}

#[test]
fn overrides_apply_per_exercise_and_flags_override_them_all() {
    let home = Home::new().with("routines/morning.toml", MORNING).with("routines/mine.toml", MINE);
    let timeline = stdout(&trunkrot(&home).args(["plan", "--routine", "morning"]).assert().success());
    assert!(timeline.contains("Pelvic tilt: 2 reps, hold 3 s"), "{timeline}");
    assert!(timeline.contains("Lower trunk rotation: 1 rep per side, hold 5 s"), "{timeline}");
    assert!(timeline.contains("My stretch: 1 rep, hold 4 s"), "a path relative to the routine file: {timeline}");
    assert!(timeline.contains("rest 20 s: Next: Lower trunk rotation."), "{timeline}");
    let flagged = stdout(
        &trunkrot(&home).args(["plan", "--routine", "morning", "--hold", "6", "--rest", "7"]).assert().success(),
    );
    assert!(flagged.contains("Pelvic tilt: 2 reps, hold 6 s"), "{flagged}");
    assert!(flagged.contains("My stretch: 1 rep, hold 6 s"), "{flagged}");
    assert!(flagged.contains("rest 7 s: Next: My stretch."), "{flagged}");
}

#[test]
fn a_plain_routine_session_names_each_exercise_as_it_starts() {
    let home = Home::new();
    let output = stdout(
        &trunkrot(&home)
            .args(["--routine", "low-back", "--reps", "1", "--hold", "1", "--get-ready", "0", "--transition", "0"])
            .args(["--rest", "0", "--plain"])
            .assert()
            .success(),
    );
    let headings: Vec<&str> = output.lines().filter(|line| line.starts_with("exercise ")).collect();
    assert_eq!(
        headings,
        [
            "exercise 1/4: Pelvic tilt",
            "exercise 2/4: Knee to chest",
            "exercise 3/4: Lower trunk rotation",
            "exercise 4/4: Glute bridge"
        ]
    );
    assert!(output.contains("Low-back routine: completed"), "the summary has the routine's name: {output}");
    let history = stdout(&trunkrot(&home).args(["history", "--json"]).assert().success());
    let records: Vec<&str> = history.lines().filter(|line| line.starts_with('{')).collect();
    assert_eq!(records.len(), 1, "one session for the whole routine: {history}");
    assert!(records[0].contains(r#""routine":"low-back""#), "tagged with the routine: {}", records[0]);
    let mut rest = records[0];
    for id in ["pelvic-tilt", "knee-to-chest", "lower-trunk-rotation", "glute-bridge"] {
        let at = rest.find(&format!(r#""id":"{id}""#)).unwrap_or_else(|| panic!("{id} in order: {}", records[0]));
        rest = &rest[at..];
    }
    let csv = stdout(&trunkrot(&home).args(["history", "--csv"]).assert().success());
    let rows: Vec<Vec<&str>> = csv.lines().skip(1).map(|row| row.split(',').collect()).collect();
    assert_eq!(rows.len(), 4, "a row per exercise: {csv}");
    assert!(rows.iter().all(|row| row[0] == rows[0][0] && !row[0].is_empty()), "one session column: {csv}");
    let ended: Vec<&str> = rows.iter().map(|row| row[17]).collect();
    assert_eq!(ended, ["reached", "", "", ""], "the session's own columns once, on its first row: {csv}");
    let report = stdout(&trunkrot(&home).arg("history").env("COLUMNS", "80").assert().success());
    assert!(report.starts_with("1 session, a routine\nSessions with each exercise:\n"), "{report}");
    let row = report.lines().find(|line| line.contains("routine  ")).unwrap_or_else(|| panic!("{report}"));
    assert!(row.contains("Low-back routine"), "the routine's row has its name: {report}");
    let one =
        stdout(&trunkrot(&home).args(["history", "--exercise", "pelvic-tilt"]).env("COLUMNS", "80").assert().success());
    assert!(one.starts_with("1 session\n  Pelvic tilt: 1\n"), "the one exercise kept, not the routine: {one}");
    assert!(one.lines().any(|line| line.contains("  Pelvic tilt  ")) && !one.contains("(routine)"), "{one}");
}

#[test]
fn a_routine_naming_a_missing_exercise_is_refused_by_name() {
    let broken = MORNING.replace("\"lower-trunk-rotation\"", "\"lower-trunk-rotatoin\"");
    let home = Home::new().with("routines/broken.toml", &broken);
    let path = home.join("trunkrot/routines/broken.toml");
    trunkrot(&home).arg("check").arg(&path).assert().code(1).stderr(
        contains("broken.toml:12:6: no exercise `lower-trunk-rotatoin`, did you mean `lower-trunk-rotation`?")
            .and(contains("mine.toml: cannot read")),
    );
    trunkrot(&home)
        .args(["--routine", "broken", "--plain"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("no exercise `lower-trunk-rotatoin`"));
}

#[test]
fn check_tells_a_routine_by_its_content_not_its_spelling() {
    let quoted =
        "\"name\" = \"Quoted\"\n\n[[\"exercise\"]]\n\"id\" = \"pelvic-tilt\"\n\n[[ exercise ]]\nid = \"cat-cow\"\n";
    let inline = "name = \"Inline\"\nexercise = [{ id = \"pelvic-tilt\" }, { id = \"glute-bridge\" }]\n";
    let home = Home::new().with("routines/quoted.toml", quoted).with("routines/inline.toml", inline);
    for name in ["quoted", "inline"] {
        let path = home.join(format!("trunkrot/routines/{name}.toml"));
        trunkrot(&home).arg("check").arg(&path).assert().success().stdout(contains("ok "));
        let show = stdout(&trunkrot(&home).args(["show", name]).assert().success());
        assert!(show.contains("1. Pelvic tilt (pelvic-tilt)"), "shown as a routine: {show}");
    }
    let show = stdout(&trunkrot(&home).arg("show").arg(home.join("trunkrot/routines/quoted.toml")).assert().success());
    assert!(show.contains("2. Cat-cow") || show.contains("(cat-cow)"), "a path to a routine: {show}");
}

#[test]
fn list_show_and_check_know_routines() {
    let home = Home::new().with("routines/morning.toml", MORNING).with("routines/mine.toml", MINE);
    let ids = stdout(&trunkrot(&home).args(["list", "--routines"]).assert().success());
    assert_eq!(ids, "low-back\nmine\nmorning\n", "mine.toml is not a routine, and says so in the full list");
    let list = stdout(&trunkrot(&home).arg("list").assert().success());
    let routines = list.split("\nRoutines").nth(1).expect("a routines section");
    assert!(routines.contains("low-back") && routines.contains("morning   Morning: Three for the morning."), "{list}");
    assert!(routines.contains("mine      error:"), "{list}");
    let show = stdout(&trunkrot(&home).args(["show", "low-back"]).assert().success());
    assert!(show.contains("1. Pelvic tilt (pelvic-tilt): 8 reps, hold 5 s"), "{show}");
    trunkrot(&home).args(["check", "../exercises/routines/low-back.toml"]).current_dir("tests").assert().success();
    trunkrot(&home).args(["--routine", "nope"]).assert().code(1).stderr(contains("no routine `nope`"));
    trunkrot(&home).args(["--routine", "low-back", "--exercise", "cat-cow"]).assert().code(2);
    let total = stdout(&trunkrot(&home).args(["plan", "--routine", "low-back"]).assert().success());
    assert!(total.ends_with("total 10 min 11 s\n"), "{total}");
}

#[test]
fn the_config_fills_what_neither_the_flags_nor_the_routine_say() {
    let no_rest = MORNING.replace("rest = 20\n", "");
    let config = "reps = 4\nrest = 9\n[exercise.mine]\nreps = 5\n[exercise.pelvic-tilt]\nreps = 12\n";
    let home = Home::new()
        .with("routines/morning.toml", &no_rest)
        .with("routines/mine.toml", MINE)
        .with("config.toml", config);
    let timeline = stdout(&trunkrot(&home).args(["plan", "--routine", "morning"]).assert().success());
    assert!(timeline.contains("Pelvic tilt: 2 reps, hold 3 s"), "the routine's own reps win: {timeline}");
    assert!(timeline.contains("My stretch: 5 reps, hold 4 s"), "its own table fills the gap: {timeline}");
    assert!(
        timeline.contains("Lower trunk rotation: 1 rep per side"),
        "the top's reps are the default exercise's, under the routine's own: {timeline}"
    );
    let no_own = Home::new().with("exercises/mine.toml", MINE).with("config.toml", "reps = 4\n");
    let alone = stdout(&trunkrot(&no_own).args(["plan", "--exercise", "mine"]).assert().success());
    assert!(alone.contains("My stretch: 1 rep, hold 4 s"), "the top's reps never leak into another: {alone}");
    assert!(timeline.contains("rest 9 s: Next: Lower trunk rotation."), "the config's rest: {timeline}");
    let with_rest = Home::new()
        .with("routines/morning.toml", MORNING)
        .with("routines/mine.toml", MINE)
        .with("config.toml", "rest = 9\n");
    let timeline = stdout(&trunkrot(&with_rest).args(["plan", "--routine", "morning"]).assert().success());
    assert!(timeline.contains("rest 20 s: Next: Lower trunk rotation."), "the routine's rest wins: {timeline}");
}
