//! The check-in as questions, one at a time, the same on the screen and in plain mode: what each
//! asks in words, what may be typed, and the answers so far. Every answer can be changed until
//! the user leaves; a half-typed answer is never taken.

use crate::domain::checkin::{Checkin, Effort, Hurt, Note, Pain, Psfs, Why};

/// Said when a note is as long as it may be and more is typed: typing stops, and why.
const NOTE_FULL: &str = "a note is 200 characters at most";

/// Said when a whole line typed for a note is longer than a note may be: none of it is cut off
/// unseen, it is asked again.
const NOTE_TOO_LONG: &str = "a note is 200 characters at most: type it again, shorter, or just Enter to skip";

/// One question of the check-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Asked first when the user stopped the session early.
    Why,
    /// Before the session, when asked for.
    PainBefore,
    Pain,
    /// Only for sessions with an exercise done on each side.
    Hurt,
    Spread,
    Effort,
    Note,
    /// The Patient-Specific Functional Scale's activity of this number (from 0), in the first
    /// session of a programme week: how well it can be done now, 0 to 10.
    Psfs(u8),
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A number from 0 to [`Pain::MAX`], typed digit by digit (a pain, or a PSFS score).
    Pain,
    /// One of a few choices, by its key.
    Choice,
    /// Free text.
    Text,
}

impl Question {
    /// The question in words: on screen, in plain mode and spoken alike.
    pub fn words(self) -> &'static str {
        match self {
            Question::Why => "Why did you stop?",
            Question::PainBefore => "Pain now, before you start, 0 to 10",
            Question::Pain => "Pain now, 0 to 10",
            Question::Hurt => "Which side hurt?",
            Question::Spread => "Did the pain spread into a buttock or down a leg?",
            Question::Effort => "How hard did it feel?",
            Question::Note => "A short note for your physiotherapist?",
            Question::Psfs(_) => "How well can you do it now? 0 unable, 10 as well as before the problem",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Question::PainBefore | Question::Pain | Question::Psfs(_) => Kind::Pain,
            Question::Why | Question::Hurt | Question::Spread | Question::Effort => Kind::Choice,
            Question::Note => Kind::Text,
        }
    }

    /// The choices of a choice question, each with the key that picks it: `[("1", "pain"), …]`.
    pub fn choices(self) -> &'static [(char, &'static str)] {
        match self {
            Question::Why => &[('1', "pain"), ('2', "no time"), ('3', "something else")],
            Question::Hurt => &[('1', "left"), ('2', "right"), ('3', "both"), ('4', "neither")],
            Question::Spread => &[('y', "yes"), ('n', "no")],
            Question::Effort => &[('1', "easy"), ('2', "about right"), ('3', "hard")],
            Question::PainBefore | Question::Pain | Question::Note | Question::Psfs(_) => &[],
        }
    }

    /// The question as plain mode asks it, on one line: `Pain now, 0 to 10 (Enter to skip):`.
    pub fn prompt(self) -> String {
        let choices: Vec<String> = self.choices().iter().map(|(key, word)| format!("{key} {word}")).collect();
        if choices.is_empty() {
            format!("{} (Enter to skip):", self.words())
        } else {
            format!("{} {} (Enter to skip):", self.words(), choices.join(", "))
        }
    }
}

/// The check-in being answered: its questions, the one asked now, what is typed, and the
/// answers given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    questions: Vec<Question>,
    /// The question asked now; `None` once the check-in is over.
    at: Option<usize>,
    typed: String,
    /// What is typed is the answer given before, shown to be changed: the first key typed
    /// replaces it, Backspace edits it.
    fresh: bool,
    answers: Checkin,
    why: Option<Why>,
    /// What was wrong with the last key or line, until the next one.
    hint: Option<&'static str>,
    /// The PSFS activities its [`Question::Psfs`] questions name, in the programme's order.
    activities: Vec<String>,
}

impl Form {
    /// The check-in after a session: why first if the user stopped it, which side hurt only if
    /// an exercise had sides. `answers` are the ones given before (the pain before).
    pub fn after(stopped: bool, sides: bool, answers: Checkin) -> Self {
        let mut questions = Vec::new();
        if stopped {
            questions.push(Question::Why);
        }
        questions.push(Question::Pain);
        if sides {
            questions.push(Question::Hurt);
        }
        questions.extend([Question::Spread, Question::Effort, Question::Note]);
        Form::of(questions, answers)
    }

    /// The one question before a session: the pain then.
    pub fn before() -> Self {
        Form::of(vec![Question::PainBefore], Checkin::default())
    }

    /// A form with no question: nothing to ask.
    pub fn none(answers: Checkin) -> Self {
        Form::of(Vec::new(), answers)
    }

    fn of(questions: Vec<Question>, answers: Checkin) -> Self {
        let mut form = Form {
            questions,
            at: None,
            typed: String::new(),
            fresh: false,
            answers,
            why: None,
            hint: None,
            activities: Vec::new(),
        };
        form.go(Some(0));
        form
    }

    /// The same check-in with the PSFS activities asked too, before the note: in the first
    /// session of a programme week. Nothing changes without activities.
    #[must_use]
    pub fn with_psfs(mut self, activities: &[String]) -> Self {
        if activities.is_empty() || !self.asks() {
            return self;
        }
        let at = self.questions.iter().position(|q| *q == Question::Note).unwrap_or(self.questions.len());
        let count = activities.len().min(usize::from(u8::MAX));
        let asked = (0..count).filter_map(|n| u8::try_from(n).ok()).map(Question::Psfs);
        self.questions.splice(at..at, asked);
        self.activities = activities[..count].to_vec();
        self.go(self.at);
        self
    }

    /// A question in words, as the screen shows it and the voice says it: a PSFS question names
    /// its activity.
    pub fn words(&self, question: Question) -> String {
        match question {
            Question::Psfs(n) => {
                let activity = self.activities.get(usize::from(n)).map_or("This activity", String::as_str);
                format!("{activity}: {}", question.words().to_lowercase())
            }
            other => other.words().to_owned(),
        }
    }

    /// A question as plain mode asks it, on one line, a PSFS question with its activity.
    pub fn prompt(&self, question: Question) -> String {
        match question {
            Question::Psfs(_) => format!("{} (Enter to skip):", self.words(question)),
            other => other.prompt(),
        }
    }

    /// The question asked now, if any.
    pub fn question(&self) -> Option<Question> {
        self.at.and_then(|at| self.questions.get(at).copied())
    }

    /// What is typed for it so far.
    pub fn typed(&self) -> &str {
        &self.typed
    }

    /// What was wrong with the last thing typed, if anything.
    pub fn hint(&self) -> Option<&'static str> {
        self.hint
    }

    /// The answers given so far, and why a session stopped early was stopped. What is typed but
    /// not confirmed is not among them.
    pub fn answers(&self) -> (Checkin, Option<Why>) {
        (self.answers.clone(), self.why)
    }

    /// Whether it asks anything at all.
    pub fn asks(&self) -> bool {
        !self.questions.is_empty()
    }

    /// Types `c` into the answer, if the question takes it: a digit that keeps a pain within 0
    /// to 10, a choice's key (replacing the one before), any character of a note.
    pub fn type_char(&mut self, c: char) {
        let Some(question) = self.question() else { return };
        self.hint = None;
        if std::mem::take(&mut self.fresh) && !c.is_control() {
            self.typed.clear();
        }
        match question.kind() {
            Kind::Pain => {
                let next = format!("{}{c}", self.typed);
                // "10" is typed as it is; "05" and "11" are not pains.
                let pain =
                    next.parse::<u8>().ok().filter(|n| *n <= Pain::MAX && (next == "0" || !next.starts_with('0')));
                if c.is_ascii_digit() && pain.is_some() {
                    self.typed = next;
                } else if matches!(question, Question::Psfs(_)) {
                    self.hint = Some("a score is a number from 0 to 10");
                } else {
                    self.hint = Some("pain is a number from 0 to 10");
                }
            }
            Kind::Choice => {
                let c = c.to_ascii_lowercase();
                if question.choices().iter().any(|(key, _)| *key == c) {
                    self.typed = c.to_string();
                } else {
                    self.hint = Some("press the key of one of the choices");
                }
            }
            Kind::Text => {
                if self.typed.chars().count() >= Note::MAX_CHARS {
                    self.hint = Some(NOTE_FULL);
                } else if !c.is_control() {
                    self.typed.push(c);
                }
            }
        }
    }

    /// Takes back the last character typed.
    pub fn erase(&mut self) {
        self.hint = None;
        self.fresh = false;
        self.typed.pop();
    }

    /// Enter: the typed answer is taken (nothing typed clears it: the question is skipped),
    /// and the next question is asked.
    pub fn confirm(&mut self) {
        let Some(question) = self.question() else { return };
        let typed = std::mem::take(&mut self.typed);
        self.set(question, &typed);
        self.go(self.at.map(|at| at + 1));
    }

    /// A whole line typed in plain mode: the answer, by key or by word, or nothing to skip.
    /// A line that is no answer is refused with a hint, and the question stays.
    pub fn answer_line(&mut self, line: &str) -> Result<(), &'static str> {
        let Some(question) = self.question() else { return Ok(()) };
        let line = line.trim();
        let typed = match question.kind() {
            Kind::Pain if line.is_empty() => String::new(),
            Kind::Pain => match line.parse::<u8>().ok().and_then(Pain::new) {
                Some(pain) => pain.value().to_string(),
                None if matches!(question, Question::Psfs(_)) => {
                    return Err("a score is a number from 0 to 10, or just Enter to skip");
                }
                None => return Err("pain is a number from 0 to 10, or just Enter to skip"),
            },
            Kind::Choice if line.is_empty() => String::new(),
            Kind::Choice => {
                let lower = line.to_lowercase();
                let found = question.choices().iter().find(|(key, word)| {
                    lower == key.to_string()
                        || lower == *word
                        || (*word == "yes" && lower == "y")
                        || (*word == "no" && lower == "n")
                });
                match found {
                    Some((key, _)) => key.to_string(),
                    None => return Err("type the key or the word of one of the choices, or just Enter to skip"),
                }
            }
            Kind::Text if line.chars().count() > Note::MAX_CHARS => return Err(NOTE_TOO_LONG),
            Kind::Text => line.to_owned(),
        };
        self.typed = typed;
        self.confirm();
        Ok(())
    }

    /// Up: back to the question before, its answer ready to be changed.
    pub fn previous(&mut self) {
        if let Some(at) = self.at.filter(|at| *at > 0) {
            self.go(Some(at - 1));
        }
    }

    /// Down: on to the next question, the answer to this one kept as it was.
    pub fn next(&mut self) {
        self.go(self.at.map(|at| at + 1));
    }

    /// Esc: the check-in closes; the answers given are kept.
    pub fn close(&mut self) {
        self.go(None);
    }

    /// Asks the questions again from the first, each with its answer ready to be changed.
    pub fn reopen(&mut self) {
        self.go(Some(0));
    }

    /// Asks question `at` (none past the last), its current answer typed ready to be changed.
    fn go(&mut self, at: Option<usize>) {
        self.at = at.filter(|at| *at < self.questions.len());
        self.hint = None;
        self.typed = self.question().map(|q| self.current(q)).unwrap_or_default();
        self.fresh = !self.typed.is_empty();
    }

    /// The answer to `question` as it would be typed.
    fn current(&self, question: Question) -> String {
        let key = |word: &str| question.choices().iter().find(|(_, w)| *w == word).map(|(k, _)| k.to_string());
        let a = &self.answers;
        match question {
            Question::Why => self.why.and_then(|why| key(why.phrase())),
            Question::PainBefore => a.pain_before.map(|p| p.value().to_string()),
            Question::Pain => a.pain.map(|p| p.value().to_string()),
            Question::Hurt => a.hurt.and_then(|h| key(h.word())),
            Question::Spread => a.spread.and_then(|s| key(if s { "yes" } else { "no" })),
            Question::Effort => a.effort.and_then(|e| key(e.phrase())),
            Question::Note => a.note.as_ref().map(|n| n.as_str().to_owned()),
            Question::Psfs(n) => {
                let activity = self.activities.get(usize::from(n));
                a.psfs.iter().find(|p| Some(&p.activity) == activity).map(|p| p.score.to_string())
            }
        }
        .unwrap_or_default()
    }

    /// Sets the answer to `question` from what was typed; nothing typed clears it.
    fn set(&mut self, question: Question, typed: &str) {
        let word = question.choices().iter().find(|(key, _)| typed.starts_with(*key)).map(|(_, word)| *word);
        let a = &mut self.answers;
        match question {
            Question::Why => self.why = Why::ASKED.into_iter().find(|why| Some(why.phrase()) == word),
            Question::PainBefore => a.pain_before = typed.parse().ok().and_then(Pain::new),
            Question::Pain => a.pain = typed.parse().ok().and_then(Pain::new),
            Question::Hurt => a.hurt = Hurt::ALL.into_iter().find(|h| Some(h.word()) == word),
            Question::Spread => a.spread = word.map(|w| w == "yes"),
            Question::Effort => a.effort = Effort::ALL.into_iter().find(|e| Some(e.phrase()) == word),
            Question::Note => a.note = Note::new(typed),
            Question::Psfs(n) => {
                let Some(activity) = self.activities.get(usize::from(n)) else { return };
                a.psfs.retain(|p| &p.activity != activity);
                if let Some(score) = typed.parse::<u8>().ok().filter(|s| *s <= Psfs::MAX) {
                    a.psfs.push(Psfs { activity: activity.clone(), score });
                }
                // In the programme's order, whatever order they were answered in.
                let order = |p: &Psfs| self.activities.iter().position(|a| *a == p.activity);
                a.psfs.sort_by_key(order);
            }
        }
    }
}

#[cfg(test)]
mod tests;
