//! Which sound each session event makes. Pure: the shell rings what this decides.

use crate::plan::{PhaseKind, Plan};
use crate::session::Event;

/// How the user wants to be cued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    pub quiet: bool,
}

/// The number of bells for an event: one as a hold starts, one as it ends (two when one hold
/// follows straight on from another), and two at the end of the session.
pub fn bells(plan: &Plan, event: Event, options: &Options) -> usize {
    if options.quiet {
        return 0;
    }
    let is_hold = |index: usize| plan.phases.get(index).is_some_and(|p| p.kind == PhaseKind::Hold);
    match event {
        Event::PhaseStarted(index) => usize::from(is_hold(index)) + usize::from(index > 0 && is_hold(index - 1)),
        Event::Finished { completed: true } => 2,
        Event::Finished { completed: false } | Event::Paused | Event::Resumed => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercise;
    use crate::plan::Overrides;

    fn plan() -> Plan {
        let exercise = exercise::built_in(exercise::DEFAULT_ID).unwrap().unwrap();
        Plan::new(exercise, &Overrides::default())
    }

    #[test]
    fn a_bell_marks_each_hold_start_and_end() {
        let plan = plan();
        let on = Options::default();
        // Phases: get ready, move left, hold left, move right, ...
        assert_eq!(plan.phases[2].kind, PhaseKind::Hold);
        assert_eq!(bells(&plan, Event::PhaseStarted(1), &on), 0, "moving after get ready is silent");
        assert_eq!(bells(&plan, Event::PhaseStarted(2), &on), 1, "the hold starts");
        assert_eq!(bells(&plan, Event::PhaseStarted(3), &on), 1, "the hold ends");
        assert_eq!(bells(&plan, Event::Finished { completed: true }, &on), 2);
        assert_eq!(bells(&plan, Event::Finished { completed: false }, &on), 0);
    }

    #[test]
    fn quiet_silences_everything() {
        let plan = plan();
        let quiet = Options { quiet: true };
        assert_eq!(bells(&plan, Event::PhaseStarted(2), &quiet), 0);
        assert_eq!(bells(&plan, Event::Finished { completed: true }, &quiet), 0);
    }
}
