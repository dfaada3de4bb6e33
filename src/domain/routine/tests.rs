use std::time::Duration;

use super::*;

const MORNING: &str = r#"
name = "Morning back"
summary = "Three gentle exercises."
rest = "20s"

[[exercise]]
id = "pelvic-tilt"
reps = 8

[[exercise]]
id = "lower-trunk-rotation"
hold = 4
transition = 2

[[exercise]]
id = "./mine/bridge.toml"
sets = 2
rest = 30
"#;

fn errors(source: &str) -> Vec<String> {
    parse("r", "r.toml", source.as_bytes()).unwrap_err().diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn a_routine_keeps_its_entries_in_order_with_their_overrides() {
    let routine = parse("morning", "morning.toml", MORNING.as_bytes()).unwrap();
    assert_eq!(routine.name, "Morning back");
    assert_eq!(routine.rest, Some(Duration::from_secs(20)));
    let names: Vec<&str> = routine.entries.iter().map(|e| e.exercise.as_str()).collect();
    assert_eq!(names, ["pelvic-tilt", "lower-trunk-rotation", "./mine/bridge.toml"]);
    assert_eq!(routine.entries[0].overrides, Overrides { reps: Some(8), ..Overrides::default() });
    assert_eq!(routine.entries[1].overrides.hold, Some(Duration::from_secs(4)));
    assert_eq!(routine.entries[2].overrides.sets, Some(2));
    assert_eq!(routine.entries[2].overrides.rest, Some(Duration::from_secs(30)));
}

#[test]
fn an_entry_can_report_a_problem_at_its_place() {
    let routine = parse("morning", "morning.toml", MORNING.as_bytes()).unwrap();
    let problem = routine.entries[0].problem("no exercise `pelvic-tilt`");
    assert_eq!(problem.to_string(), "morning.toml:7:6: no exercise `pelvic-tilt`\n     7 | id = \"pelvic-tilt\"");
}

#[test]
fn rest_defaults_and_bad_values_are_refused() {
    let routine = parse("r", "r.toml", b"name = \"x\"\n[[exercise]]\nid = \"a\"\n").unwrap();
    assert_eq!(routine.rest, None, "left to the config or DEFAULT_REST");
    assert!(
        errors("name = \"x\"\nrest = -1\n[[exercise]]\nid = \"a\"\n")[0]
            .contains("`rest` is `-1`, but a duration cannot be negative")
    );
    assert!(
        errors("name = \"x\"\n[[exercise]]\nid = \"a\"\nreps = 0\n")[0].starts_with("r.toml:4:8: `exercise.reps` is 0")
    );
    assert!(errors("name = \"x\"\n[[exercise]]\nid = \"a\"\nhold = \"five\"\n")[0].contains("`exercise.hold`"));
}

#[test]
fn a_routine_needs_exercises() {
    assert!(errors("name = \"x\"\n")[0].contains("at least one `[[exercise]]`"));
    assert!(errors("")[0].contains("is empty"));
}

#[test]
fn unknown_fields_are_refused() {
    assert!(errors("name = \"x\"\n[[exercise]]\nid = \"a\"\nholdd = 3\n")[0].contains("holdd"));
}
