//! Printing the report to PDF through a headless Chromium-family browser, when one is installed:
//! a fresh private profile, nothing fetched from the network, a time-out after which the browser
//! and everything it started are killed.

use std::ffi::OsStr;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use crate::shell::executables::locate;
use crate::shell::process_group::{Background, Ended};

/// The browsers looked for on `PATH`, in this order.
pub const BROWSERS: &[&str] =
    &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "brave-browser"];

/// How long the browser may take to print one page before it is stopped.
pub const TIME_OUT: Duration = Duration::from_secs(60);

/// How often a running browser is looked at.
const POLL: Duration = Duration::from_millis(50);

/// The first of [`BROWSERS`] on `path`.
pub fn find(path: Option<&OsStr>) -> Option<PathBuf> {
    BROWSERS.iter().find_map(|name| locate(name, path))
}

/// Why a page was not printed.
#[derive(Debug)]
pub enum Unprinted {
    /// The profile folder could not be made, or the browser not started.
    Start(std::io::Error),
    /// The browser ran past the time-out; it was stopped.
    TimedOut(Duration),
    /// The browser failed, or finished without writing a PDF.
    Failed(String),
}

impl fmt::Display for Unprinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unprinted::Start(e) => write!(f, "the browser could not be started: {e}"),
            Unprinted::TimedOut(after) => {
                write!(f, "the browser did not finish within {} s and was stopped", after.as_secs())
            }
            Unprinted::Failed(why) => write!(f, "{why}"),
        }
    }
}

/// The browser's arguments to print `page` to `pdf`, with `profile` as its private profile.
pub fn arguments(page: &Path, pdf: &Path, profile: &Path) -> Vec<String> {
    vec![
        "--headless".to_owned(),
        "--no-sandbox".to_owned(),
        "--no-pdf-header-footer".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-extensions".to_owned(),
        "--no-first-run".to_owned(),
        "--no-default-browser-check".to_owned(),
        format!("--user-data-dir={}", profile.display()),
        format!("--print-to-pdf={}", pdf.display()),
        file_url(page),
    ]
}

/// `file:///abs/path`, with the bytes a URL cannot hold percent-encoded.
pub fn file_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = "file://".to_owned();
    for byte in absolute.as_os_str().as_encoded_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => url.push(char::from(*byte)),
            _ => {
                let _ = write!(url, "%{byte:02X}");
            }
        }
    }
    url
}

/// Prints the page at `page` to `pdf` with `browser`, waiting at most `time_out`, with a fresh
/// profile that is removed afterwards.
pub fn print_to_pdf(browser: &Path, page: &Path, pdf: &Path, time_out: Duration) -> Result<(), Unprinted> {
    let profile = tempfile::Builder::new().prefix("trunkrot-browser-").tempdir().map_err(Unprinted::Start)?;
    let ended = run(browser, arguments(page, pdf, profile.path()), time_out)?;
    written(browser, ended, pdf)
}

/// Runs `program` in a process group of its own and waits for it at most `time_out`; on a
/// time-out the whole group is killed. Whatever it started and left running goes too.
pub fn run(program: &Path, args: Vec<String>, time_out: Duration) -> Result<Ended, Unprinted> {
    let mut running = Background::default();
    let now = Instant::now();
    let deadline = now + time_out;
    let id = running.start(program, args, now, deadline).map_err(Unprinted::Start)?;
    loop {
        if let Some(outcome) = running.poll(Instant::now()).into_iter().find(|outcome| outcome.id == id) {
            return Ok(outcome.ended);
        }
        if Instant::now() >= deadline {
            running.stop(id);
            return Err(Unprinted::TimedOut(time_out));
        }
        thread::sleep(POLL);
    }
}

/// Whether the browser's run left a PDF at `pdf`.
fn written(browser: &Path, ended: Ended, pdf: &Path) -> Result<(), Unprinted> {
    let written = std::fs::read(pdf).ok().is_some_and(|bytes| bytes.starts_with(b"%PDF"));
    match (ended, written) {
        (Ended::Fine, true) => Ok(()),
        (Ended::Fine, false) => Err(Unprinted::Failed(format!("{} wrote no PDF", browser.display()))),
        (Ended::Failed(status), _) => Err(Unprinted::Failed(format!("{} failed ({status})", browser.display()))),
        (Ended::Hung, _) => Err(Unprinted::Failed(format!("{} hung", browser.display()))),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn a_page_url_is_absolute_and_its_odd_bytes_encoded() {
        assert_eq!(file_url(Path::new("/tmp/my report#1.html")), "file:///tmp/my%20report%231.html");
        assert!(file_url(Path::new("page.html")).starts_with("file:///"));
    }

    #[test]
    fn the_browser_is_kept_off_the_network_and_out_of_the_users_profile() {
        let args = arguments(Path::new("/t/page.html"), Path::new("/t/out.pdf"), Path::new("/t/profile"));
        for wanted in [
            "--headless",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--user-data-dir=/t/profile",
            "--print-to-pdf=/t/out.pdf",
            "file:///t/page.html",
        ] {
            assert!(args.iter().any(|a| a == wanted), "{wanted} in {args:?}");
        }
    }

    fn shell(script: &str) -> Vec<String> {
        vec!["-c".to_owned(), script.to_owned()]
    }

    #[test]
    fn a_hung_program_is_stopped_at_its_time_out_with_what_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("child.pid");
        let script = format!("sleep 600 & echo $! > {}; wait", pid_file.display());
        // On a loaded machine the shell may not have started its child by a short time-out: the
        // time-out doubles until it has, so the check below is never vacuous.
        let mut time_out = Duration::from_millis(500);
        let child = loop {
            let result = run(Path::new("/bin/sh"), shell(&script), time_out);
            assert!(matches!(result, Err(Unprinted::TimedOut(_))), "{result:?}");
            if let Some(child) = fs::read_to_string(&pid_file).ok().filter(|pid| pid.ends_with('\n')) {
                break child;
            }
            assert!(time_out < Duration::from_secs(60), "the shell never started its child");
            time_out *= 2;
        };
        // The group was killed: the sleep it started goes (a kill takes effect when the process
        // next runs, so its end is waited for), gone or a zombie waiting for init.
        let stat = format!("/proc/{}/stat", child.trim());
        let gone = || fs::read_to_string(&stat).map_or(true, |state| state.contains(") Z "));
        let deadline = Instant::now() + Duration::from_secs(30);
        while !gone() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(gone(), "the program's child still runs: {}", fs::read_to_string(&stat).unwrap_or_default());
    }

    #[test]
    fn a_program_that_ends_is_waited_for() {
        let result = run(Path::new("/bin/sh"), shell("exit 3"), TIME_OUT);
        assert!(matches!(result, Ok(Ended::Failed(status)) if status.code() == Some(3)), "{result:?}");
        assert!(matches!(run(Path::new("/bin/sh"), shell("true"), TIME_OUT), Ok(Ended::Fine)));
    }

    #[test]
    fn a_browser_that_writes_no_pdf_or_fails_is_an_error_that_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("out.pdf");
        let browser = Path::new("/usr/bin/chromium");
        let result = written(browser, Ended::Fine, &pdf);
        assert!(matches!(&result, Err(Unprinted::Failed(why)) if why.contains("wrote no PDF")), "{result:?}");
        fs::write(&pdf, "%PDF-1.4 ...").unwrap();
        assert!(written(browser, Ended::Fine, &pdf).is_ok());
        let failed = run(Path::new("/bin/sh"), shell("exit 3"), TIME_OUT).unwrap();
        let result = written(browser, failed, &pdf);
        assert!(matches!(&result, Err(Unprinted::Failed(why)) if why.contains("failed")), "{result:?}");
    }
}
