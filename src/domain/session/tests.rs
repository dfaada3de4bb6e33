use std::time::{Duration, Instant};

use super::*;
use crate::domain::exercise;
use crate::domain::plan::PhaseKind::{Hold, Move};
use crate::domain::plan::{Overrides, Plan};
use crate::domain::side::Side;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn plan(reps: u32, hold: u64, get_ready: u64, transition: u64) -> Plan {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let overrides = Overrides {
        reps: Some(reps),
        hold: Some(secs(hold)),
        get_ready: Some(secs(get_ready)),
        transition: Some(secs(transition)),
        ..Overrides::default()
    };
    Plan::new(exercise, &overrides)
}

/// Jumps from deadline to deadline until the session ends, collecting every event.
fn drive(session: &mut Session) -> Vec<Event> {
    let mut events = Vec::new();
    while let State::Running { ends_at, .. } = session.state() {
        events.extend(session.tick(ends_at));
    }
    events
}

#[test]
fn a_whole_session_runs_in_order_and_ends_on_plan() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(2, 3, 1, 1), t0);
    let events = drive(&mut session);
    let started: Vec<(PhaseKind, Option<Side>, u32)> = events
        .iter()
        .filter_map(|e| match e {
            Event::PhaseStarted(i) => Some(&session.plan().phases[*i]),
            _ => None,
        })
        .map(|p| (p.kind, p.side, p.rep))
        .collect();
    let (l, r) = (Some(Side::Left), Some(Side::Right));
    assert_eq!(
        started,
        [
            (Move, l, 1),
            (Hold, l, 1),
            (Move, r, 1),
            (Hold, r, 1),
            (Move, l, 2),
            (Hold, l, 2),
            (Move, r, 2),
            (Hold, r, 2)
        ]
    );
    assert_eq!(events.last(), Some(&Event::Finished { completed: true, skipped: 0 }));
    assert_eq!(session.state(), State::Finished { completed: true, at: t0 + secs(17) });
    let summary = session.summary(t0 + secs(99));
    assert!(summary.completed);
    assert_eq!(summary.elapsed, secs(17), "the end is the scheduled end, not the late wake-up");
    assert_eq!(summary.held, secs(12));
    assert_eq!(summary.parts[0].reps.iter().map(|r| (r.done, r.planned)).collect::<Vec<_>>(), [(2, 2), (2, 2)]);
}

#[test]
fn remaining_time_counts_down_from_the_deadline() {
    let t0 = Instant::now();
    let session = Session::start(plan(1, 5, 10, 3), t0);
    assert_eq!(session.remaining(t0 + Duration::from_millis(4200)), Duration::from_millis(5800));
    assert_eq!(session.display_secs(t0 + Duration::from_millis(4200)), 6);
    assert_eq!(session.display_secs(t0 + secs(4)), 6);
    assert_eq!(session.display_secs(t0), 10);
}

#[test]
fn it_wakes_when_the_shown_second_changes() {
    let t0 = Instant::now();
    let session = Session::start(plan(1, 5, 10, 3), t0);
    assert_eq!(session.next_change(t0), Some(t0 + secs(1)));
    assert_eq!(session.next_change(t0 + Duration::from_millis(1500)), Some(t0 + secs(2)));
    assert_eq!(session.next_change(t0 + Duration::from_millis(9999)), Some(t0 + secs(10)));
}

#[test]
fn pause_freezes_the_deadline_and_resume_continues_exactly() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    assert_eq!(session.apply(Command::TogglePause, t0 + secs(4)), [Event::Paused]);
    assert!(session.tick(t0 + secs(600)).is_empty(), "nothing moves while paused");
    assert_eq!(session.remaining(t0 + secs(600)), secs(6));
    assert_eq!(session.next_change(t0 + secs(600)), None, "a paused session needs no wake-ups");
    assert_eq!(session.apply(Command::TogglePause, t0 + secs(100)), [Event::Resumed]);
    assert_eq!(session.state(), State::Running { index: 0, ends_at: t0 + secs(106) });
    drive(&mut session);
    let summary = session.summary(t0);
    assert_eq!(summary.elapsed, secs(10 + 2 * (3 + 5) + 96));
    assert_eq!(summary.active, secs(10 + 2 * (3 + 5)));
}

#[test]
fn skip_ends_the_phase_now_and_the_next_runs_in_full() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    assert_eq!(session.apply(Command::Skip, t0 + secs(2)), [Event::PhaseStarted(1)]);
    assert_eq!(session.state(), State::Running { index: 1, ends_at: t0 + secs(5) });
    session.tick(t0 + secs(5));
    session.apply(Command::Skip, t0 + secs(7));
    let summary = session.summary(t0 + secs(7));
    assert_eq!(summary.parts[0].reps[0].done, 0, "a skipped hold is not a rep done");
    assert_eq!(summary.held, secs(2), "but the seconds held still count");
}

#[test]
fn skipping_while_paused_stays_paused() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    session.apply(Command::Pause, t0 + secs(1));
    session.apply(Command::Skip, t0 + secs(2));
    assert_eq!(session.state(), State::Paused { index: 1, remaining: secs(3), since: t0 + secs(1) });
}

#[test]
fn skipping_the_last_phase_finishes() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 0), t0);
    session.apply(Command::Skip, t0);
    assert_eq!(session.apply(Command::Skip, t0 + secs(1)), [Event::Finished { completed: true, skipped: 2 }]);
    assert!(session.is_finished());
    assert!(session.apply(Command::Skip, t0 + secs(2)).is_empty(), "a finished session ignores commands");
}

#[test]
fn back_restarts_the_phase_or_goes_back_one_when_just_begun() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    session.tick(t0 + secs(10));
    session.tick(t0 + secs(13));
    assert_eq!(session.index(), Some(2), "holding left");
    assert_eq!(session.apply(Command::Back, t0 + secs(16)), [Event::PhaseStarted(2)]);
    assert_eq!(session.state(), State::Running { index: 2, ends_at: t0 + secs(21) }, "restarted");
    assert_eq!(session.apply(Command::Back, t0 + secs(17)), [Event::PhaseStarted(1)]);
    assert_eq!(session.state(), State::Running { index: 1, ends_at: t0 + secs(20) }, "back to the move");
    session.apply(Command::Back, t0 + secs(17));
    session.apply(Command::Back, t0 + secs(17));
    assert_eq!(session.index(), Some(0), "back stops at the first phase");
}

#[test]
fn going_back_over_a_finished_hold_does_not_count_it_twice() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 0), t0);
    session.tick(t0 + secs(5));
    session.apply(Command::Back, t0 + secs(5));
    drive(&mut session);
    let reps = &session.summary(t0).parts[0].reps;
    assert_eq!((reps[0].done, reps[1].done), (1, 1));
}

#[test]
fn stop_ends_early_with_what_was_done() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(2, 5, 0, 0), t0);
    session.tick(t0 + secs(7));
    assert_eq!(session.apply(Command::Stop, t0 + secs(7)), [Event::Finished { completed: false, skipped: 0 }]);
    let summary = session.summary(t0 + secs(50));
    assert!(!summary.completed);
    assert_eq!(summary.elapsed, secs(7));
    assert_eq!(summary.held, secs(7));
    assert_eq!((summary.parts[0].reps[0].done, summary.parts[0].reps[1].done), (1, 0));
}

#[test]
fn no_drift_over_a_thousand_phases_with_late_wake_ups() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(100, 3, 1, 2), t0);
    assert!(session.plan().phases.len() > 400);
    let mut plan_ends = Vec::new();
    let mut at = t0;
    for phase in &session.plan().phases {
        at += phase.duration;
        plan_ends.push(at);
    }
    // Wake 37 ms late for every deadline, as a busy machine might.
    let mut checked = 0;
    while let State::Running { index, ends_at } = session.state() {
        assert_eq!(ends_at, plan_ends[index], "phase {index} ends on schedule");
        session.tick(ends_at + Duration::from_millis(37));
        checked += 1;
    }
    assert_eq!(checked, session.plan().phases.len());
    assert_eq!(session.state(), State::Finished { completed: true, at: *plan_ends.last().unwrap() });
}

#[test]
fn a_tick_after_a_long_stall_crosses_every_phase_that_passed() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(10, 5, 10, 3), t0);
    // 10 s get ready, then 8 s per side: 600 s is past the 160 s session.
    let events = session.tick(t0 + secs(600));
    assert_eq!(events.len(), session.plan().phases.len());
    assert_eq!(session.state(), State::Finished { completed: true, at: t0 + secs(170) });
    let mut session = Session::start(plan(10, 5, 10, 3), t0);
    session.tick(t0 + secs(10 + 8 * 3 + 4));
    assert_eq!(session.index(), Some(8), "holding the right side of rep 2");
    assert_eq!(session.remaining(t0 + secs(38)), secs(4));
}

#[test]
fn progress_fractions_run_from_zero_to_one() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    assert!(session.phase_fraction(t0).abs() < 1e-9);
    assert!((session.phase_fraction(t0 + secs(5)) - 0.5).abs() < 1e-9);
    session.tick(t0 + secs(13));
    assert!((session.session_fraction(t0 + secs(13)) - 13.0 / 26.0).abs() < 1e-9);
    drive(&mut session);
    assert!((session.session_fraction(t0) - 1.0).abs() < 1e-9);
}

/// Ticks once at every change of the displayed second, as the shell's loop does.
fn drive_by_seconds(session: &mut Session) -> Vec<Event> {
    let mut events = Vec::new();
    let mut now = session.started_at();
    while let Some(wake) = session.next_change(now) {
        now = wake;
        events.extend(session.tick(now));
    }
    events
}

#[test]
fn a_hold_counts_its_last_three_seconds_once_each() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 2), t0);
    let events = drive_by_seconds(&mut session);
    assert_eq!(
        events,
        [
            Event::PhaseStarted(1),
            Event::Countdown(3),
            Event::Countdown(2),
            Event::Countdown(1),
            Event::PhaseStarted(2),
            Event::PhaseStarted(3),
            Event::Countdown(3),
            Event::Countdown(2),
            Event::Countdown(1),
            Event::Finished { completed: true, skipped: 0 },
        ]
    );
}

#[test]
fn short_holds_count_only_the_seconds_after_their_start() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 2, 0, 0), t0);
    let counts: Vec<Event> =
        drive_by_seconds(&mut session).into_iter().filter(|e| matches!(e, Event::Countdown(_))).collect();
    assert_eq!(counts, [Event::Countdown(1), Event::Countdown(1)], "2 s holds count only the 1");
    let mut session = Session::start(plan(1, 1, 0, 0), t0);
    assert!(!drive_by_seconds(&mut session).iter().any(|e| matches!(e, Event::Countdown(_))));
}

#[test]
fn getting_ready_and_rests_count_their_last_seconds_too() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 1, 5, 0), t0);
    let counts: Vec<Event> = drive_by_seconds(&mut session).into_iter().take(4).collect();
    assert_eq!(
        counts,
        [Event::Countdown(3), Event::Countdown(2), Event::Countdown(1), Event::PhaseStarted(1)],
        "the get-ready's last 3 s"
    );
    assert!(counts_down(PhaseKind::Rest) && !counts_down(Move));
}

#[test]
fn countdown_skips_moves_and_repeats_after_back() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 5), t0);
    assert!(session.tick(t0 + secs(3)).is_empty(), "a move has no countdown");
    assert_eq!(session.tick(t0 + secs(8)), [Event::PhaseStarted(1), Event::Countdown(2)]);
    assert!(session.tick(t0 + Duration::from_millis(8_500)).is_empty(), "announced once");
    assert_eq!(session.apply(Command::Back, t0 + secs(9)), [Event::PhaseStarted(1)]);
    assert_eq!(session.tick(t0 + secs(12)), [Event::Countdown(2)], "a restarted hold counts again");
}

#[test]
fn nothing_is_counted_while_paused() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 0), t0);
    session.apply(Command::Pause, t0 + secs(1));
    assert!(session.tick(t0 + secs(4)).is_empty());
}

#[test]
fn plain_wakes_only_for_the_countdown_and_the_phase_end() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 10, 3), t0);
    assert_eq!(session.next_event(t0 + secs(2)), Some(t0 + secs(7)), "get ready counts its last 3 s too");
    assert_eq!(session.next_event(t0 + Duration::from_millis(9_500)), Some(t0 + secs(10)));
    session.tick(t0 + secs(11));
    assert_eq!(session.next_event(t0 + secs(11)), Some(t0 + secs(13)), "a move: only its end");
    session.tick(t0 + secs(13));
    // Holding left from 13 s to 18 s: the countdown shows 3 at 15 s, 2 at 16 s, 1 at 17 s.
    assert_eq!(session.next_event(t0 + secs(13)), Some(t0 + secs(15)));
    session.tick(t0 + secs(15));
    assert_eq!(session.next_event(t0 + secs(15)), Some(t0 + secs(16)));
    assert_eq!(session.next_event(t0 + Duration::from_millis(17_500)), Some(t0 + secs(18)));
    session.apply(Command::Pause, t0 + secs(16));
    assert_eq!(session.next_event(t0 + secs(16)), None);
}

#[test]
fn skip_and_back_cross_from_one_exercise_of_a_routine_to_the_next() {
    let exercise = exercise::without_return(exercise::DEFAULT_ID);
    let short = Overrides {
        reps: Some(1),
        hold: Some(secs(3)),
        get_ready: Some(secs(10)),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    let plan = Plan::routine(vec![(exercise.clone(), short.clone()), (exercise, short)], secs(20));
    let t0 = Instant::now();
    let mut session = Session::start(plan, t0);
    // Get ready, hold left, hold right (part 0); rest, hold left, hold right (part 1).
    session.tick(t0 + secs(10 + 3));
    assert_eq!(session.index(), Some(2));
    assert_eq!(session.apply(Command::Skip, t0 + secs(14)), [Event::PhaseStarted(3)]);
    assert_eq!((session.phase().unwrap().kind, session.phase().unwrap().part), (PhaseKind::Rest, 1));
    assert_eq!(session.apply(Command::Back, t0 + secs(15)), [Event::PhaseStarted(2)], "back into the first exercise");
    assert_eq!(session.phase().unwrap().part, 0);
    session.apply(Command::Skip, t0 + secs(15));
    session.apply(Command::Skip, t0 + secs(15));
    assert_eq!(
        session.state(),
        State::Running { index: 4, ends_at: t0 + secs(18) },
        "the second exercise's first hold"
    );
}

#[test]
fn the_session_time_left_is_never_behind_the_phase() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 2, 1), t0);
    let total = session.plan().total();
    assert_eq!(session.session_remaining(t0), total);
    let last_hold_ends = t0 + total;
    let late = last_hold_ends.checked_sub(Duration::from_millis(300)).unwrap();
    session.tick(late);
    assert_eq!((session.display_secs(late), session.session_display_secs(late)), (1, 1));
    let mut at = t0;
    while at < last_hold_ends {
        session.tick(at);
        assert!(session.session_display_secs(at) >= session.display_secs(at), "at {:?}", at - t0);
        at += Duration::from_millis(100);
    }
    session.tick(last_hold_ends);
    assert_eq!(session.session_display_secs(last_hold_ends), 0);
}

#[test]
fn reaching_the_end_with_skipped_holds_is_not_completed_and_counts_them() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(2, 5, 0, 0), t0);
    session.tick(t0 + secs(5));
    session.apply(Command::Skip, t0 + secs(6));
    let events = drive(&mut session);
    assert_eq!(
        events.last(),
        Some(&Event::Finished { completed: true, skipped: 1 }),
        "it reached the end, one hold skipped"
    );
    let summary = session.summary(t0 + secs(60));
    assert_eq!((summary.reached_end, summary.completed, summary.skipped), (true, false, 1));
}

#[test]
fn skipping_every_hold_reaches_the_end_with_nothing_done() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(1, 5, 0, 0), t0);
    session.apply(Command::Skip, t0);
    session.apply(Command::Skip, t0);
    let summary = session.summary(t0);
    assert_eq!((summary.reached_end, summary.completed, summary.skipped), (true, false, 2));
    assert!(summary.parts[0].reps.iter().all(|reps| reps.done == 0));
}

#[test]
fn a_stop_says_the_exercise_it_came_in_only_once_a_move_or_hold_of_it_ran() {
    let t0 = Instant::now();
    let stopped = |plan: Plan, keys: &[(Command, u64)]| {
        let mut session = Session::start(plan, t0);
        let mut at = t0;
        for (command, s) in keys {
            at = t0 + secs(*s);
            session.tick(at);
            session.apply(*command, at);
        }
        session.apply(Command::Stop, at);
        session.summary(at).stopped_in
    };
    assert_eq!(stopped(plan(1, 5, 10, 2), &[(Command::Pause, 3)]), None, "getting ready");
    assert_eq!(stopped(plan(1, 5, 10, 2), &[(Command::Pause, 11)]), Some(0), "in the first move");
    assert_eq!(stopped(plan(1, 5, 10, 2), &[(Command::Skip, 1), (Command::Pause, 2)]), Some(0), "skipped to it");
    let back = [(Command::Skip, 1), (Command::Pause, 2), (Command::Back, 2)];
    assert_eq!(stopped(plan(1, 5, 10, 2), &back), None, "back to getting ready");
    // Without getting ready the first phase is a move: waiting there at the start (for the pain
    // before the session) has done nothing.
    assert_eq!(stopped(plan(1, 5, 0, 2), &[(Command::Pause, 0)]), None);
}

#[test]
fn a_session_stopped_early_counts_the_holds_it_skipped_before_the_stop_and_no_other() {
    let t0 = Instant::now();
    let mut session = Session::start(plan(2, 5, 0, 0), t0);
    session.apply(Command::Stop, t0 + secs(1));
    let summary = session.summary(t0 + secs(1));
    assert_eq!((summary.reached_end, summary.completed, summary.skipped), (false, false, 0));

    // Left hold 1 skipped, right hold 1 done, then stopped two seconds into left hold 2: one
    // skipped; the hold under way was stopped, and right hold 2 was never reached.
    let mut session = Session::start(plan(2, 5, 0, 0), t0);
    let in_hold = |session: &Session| session.phase().is_some_and(|phase| phase.kind == Hold);
    while !in_hold(&session) {
        session.apply(Command::Skip, t0);
    }
    session.apply(Command::Skip, t0);
    while !in_hold(&session) {
        session.apply(Command::Skip, t0);
    }
    session.tick(t0 + secs(5));
    session.tick(t0 + secs(7));
    assert_eq!(session.phase().map(|phase| (phase.kind, phase.side, phase.rep)), Some((Hold, Some(Side::Left), 2)));
    session.apply(Command::Stop, t0 + secs(7));
    let summary = session.summary(t0 + secs(7));
    assert_eq!((summary.reached_end, summary.completed, summary.skipped), (false, false, 1));
    assert_eq!(summary.parts[0].skipped, 1);
    let done: Vec<u32> = summary.parts[0].reps.iter().map(|reps| reps.done).collect();
    assert_eq!(done, [0, 1]);
}

#[test]
fn the_side_question_follows_an_exercise_with_sides_that_was_worked() {
    let short = Overrides {
        reps: Some(1),
        hold: Some(secs(3)),
        get_ready: Some(secs(1)),
        transition: Some(Duration::ZERO),
        ..Overrides::default()
    };
    // The pelvic tilt, without sides, then the trunk rotation.
    let routine = || {
        let parts = ["pelvic-tilt", exercise::DEFAULT_ID].map(|id| (exercise::without_return(id), short.clone()));
        Plan::routine(parts.to_vec(), secs(5))
    };
    let t0 = Instant::now();
    let run_to = |at: u64| {
        let mut session = Session::start(routine(), t0);
        session.tick(t0 + secs(at));
        session.apply(Command::Stop, t0 + secs(at));
        session
    };
    // Get ready 1 s, the tilt's hold 3 s: stopped in it, the rotation never reached.
    assert!(!run_to(2).worked_a_side(), "stopped in the pelvic tilt");
    // Rest 5 s, the rotation's left hold: stopped in it.
    assert!(run_to(10).worked_a_side(), "stopped in the trunk rotation");
    // Run to the end with the rotation's holds both skipped: nothing of it was done.
    let mut session = Session::start(routine(), t0);
    session.tick(t0 + secs(9));
    session.apply(Command::Skip, t0 + secs(9));
    session.apply(Command::Skip, t0 + secs(9));
    assert!(session.is_finished() && !session.worked_a_side(), "its holds all skipped at once");
    // A hold of it begun, then skipped a second later (it hurt, say): worked.
    let mut session = Session::start(routine(), t0);
    session.tick(t0 + secs(9));
    session.apply(Command::Skip, t0 + secs(10));
    session.apply(Command::Skip, t0 + secs(10));
    assert!(session.is_finished() && session.worked_a_side(), "a hold begun, then skipped");
    let mut session = Session::start(plan(1, 5, 0, 0), t0);
    drive(&mut session);
    assert!(session.worked_a_side(), "the trunk rotation alone, done");
}
