//! Headless Chromium and poppler's tools for the report's browser test: found on `PATH` or the
//! test skipped with a one-line notice (a failure when `TRUNKROT_BROWSER_TEST=required`, as
//! `.ci/run` sets it); each run in a process group of its own, killed whole on a time-out.

// Each crate that includes this uses only part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The browsers tried, in order.
const BROWSERS: &[&str] = &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/// What the test needs.
pub struct Tools {
    pub chromium: PathBuf,
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(name)).find(|p| p.is_file())
}

/// Whether the notice of a skip was given.
static SKIP_SAID: std::sync::Once = std::sync::Once::new();

/// The browser and poppler's tools, or `None` after a one-line notice.
pub fn tools(test: &str) -> Option<Tools> {
    let chromium = BROWSERS.iter().find_map(|name| on_path(name));
    let poppler = ["pdfinfo", "pdftotext"].iter().all(|name| on_path(name).is_some());
    match chromium {
        Some(chromium) if poppler => Some(Tools { chromium }),
        _ => {
            let missing = "no Chromium-family browser or no poppler-utils (pdfinfo, pdftotext) on PATH";
            assert!(std::env::var("TRUNKROT_BROWSER_TEST").as_deref() != Ok("required"), "{test}: {missing}");
            // Once, and straight to stderr past the test harness's capture, so that `cargo test`
            // shows it.
            SKIP_SAID.call_once(|| {
                let _ = writeln!(std::io::stderr(), "{test}: skipped: {missing}");
            });
            None
        }
    }
}

/// What a run printed.
pub struct Ran {
    pub stdout: String,
    pub stderr: String,
}

/// Runs `program` with `args`, its output kept; panics if it runs over `time_out` (the whole
/// process group is killed first) or fails.
pub fn run(program: &Path, args: &[String], time_out: Duration) -> Ran {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("{} cannot start: {e}", program.display()));
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut text = Vec::new();
            let _ = pipe.read_to_end(&mut text);
            String::from_utf8_lossy(&text).into_owned()
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let deadline = Instant::now() + time_out;
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited on") {
            break status;
        }
        if Instant::now() > deadline {
            let group = rustix::process::Pid::from_child(&child);
            let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
            let _ = child.wait();
            panic!("{} {args:?} ran over {} s and was killed", program.display(), time_out.as_secs());
        }
        thread::sleep(Duration::from_millis(50));
    };
    // The browser's helpers may outlive it for a moment: the group goes now, so no pipe is held.
    let _ =
        rustix::process::kill_process_group(rustix::process::Pid::from_child(&child), rustix::process::Signal::KILL);
    let ran = Ran { stdout: stdout.join().expect("stdout read"), stderr: stderr.join().expect("stderr read") };
    assert!(status.success(), "{} {args:?} failed ({status}):\n{}", program.display(), ran.stderr);
    ran
}

/// How long one browser run may take on a loaded machine.
pub const TIME_OUT: Duration = Duration::from_secs(180);

/// The flags every browser run here gets: headless, no sandbox (tests run as root in CI), off
/// the network, a fresh profile in `profile`.
pub fn flags(profile: &Path) -> Vec<String> {
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--no-first-run",
        "--no-default-browser-check",
        "--hide-scrollbars",
    ]
    .iter()
    .map(|flag| (*flag).to_owned())
    .chain([format!("--user-data-dir={}", profile.display())])
    .collect()
}

pub fn url(page: &Path) -> String {
    format!("file://{}", page.display())
}

/// The number of pages and the page size line of `pdf`, by `pdfinfo`.
pub fn pdf_pages(pdf: &Path) -> (u32, String) {
    let info = run(Path::new("pdfinfo"), &[pdf.display().to_string()], Duration::from_secs(60)).stdout;
    let field = |name: &str| {
        info.lines().find_map(|line| line.strip_prefix(name)).map(|rest| rest.trim().to_owned()).unwrap_or_default()
    };
    (field("Pages:").parse().unwrap_or(0), field("Page size:"))
}

/// The text of `pdf` in reading order, by `pdftotext`, with every run of white space (line ends
/// included) made one space, so that a phrase wrapped over two lines is still found.
pub fn pdf_text(pdf: &Path) -> String {
    let text =
        run(Path::new("pdftotext"), &[pdf.display().to_string(), "-".to_owned()], Duration::from_secs(60)).stdout;
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The check run inside a test-only copy of the page: every element of the sheet inside the
/// sheet's box, no block whose content is wider than itself (bar the names, which end in an
/// ellipsis on purpose), and the page no wider than the window. It writes what it found, and
/// how many scripts the page has, into the DOM, for `--dump-dom`.
pub const LAYOUT_CHECK: &str = r#"<script>
(function () {
  var sheet = document.querySelector('.sheet').getBoundingClientRect();
  var found = [];
  var name = function (e) {
    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' "' + (e.textContent || '').slice(0, 40) + '"';
  };
  document.querySelectorAll('.sheet *').forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return;
    if (r.right > sheet.right + 0.5 || r.left < sheet.left - 0.5) found.push(name(e) + ' outside the sheet: ' + r.left + '..' + r.right + ' of ' + sheet.left + '..' + sheet.right);
    if (e instanceof SVGElement || e.closest('.name') || getComputedStyle(e).display === 'inline') return;
    if (e.scrollWidth > e.clientWidth + 1) found.push(name(e) + ' cut: ' + e.scrollWidth + ' wide in ' + e.clientWidth);
  });
  if (document.documentElement.scrollWidth > window.innerWidth) found.push('the page is wider than the window');
  var out = document.createElement('pre');
  out.id = 'layout-check';
  out.dataset.height = Math.round(document.querySelector('.sheet').getBoundingClientRect().height * 25.4 / 96) + ' mm';
  out.textContent = 'scripts=' + document.scripts.length + '\n' + (found.length ? found.join('\n') : 'fits');
  document.body.appendChild(out);
})();
</script>"#;

/// A test-only copy of `html` that runs [`LAYOUT_CHECK`]: the page's own policy forbids every
/// script, so the copy goes without it.
pub fn with_layout_check(html: &str, policy: &str) -> String {
    let meta = format!(r#"<meta http-equiv="Content-Security-Policy" content="{policy}">"#);
    assert!(html.contains(&meta), "the page states its content policy");
    html.replacen(&meta, "", 1).replacen("</body>", &format!("{LAYOUT_CHECK}</body>"), 1)
}

/// What [`LAYOUT_CHECK`] wrote into the dumped DOM.
pub fn layout_found(dom: &str) -> String {
    let start = dom.find(r#"<pre id="layout-check""#).and_then(|at| dom[at..].find('>').map(|end| at + end + 1));
    let start = start.unwrap_or_else(|| panic!("the layout check ran: {}", &dom[dom.len().saturating_sub(400)..]));
    if let Some(height) = dom.find("data-height=\"").map(|at| &dom[at..dom.len().min(at + 24)]) {
        eprintln!("the sheet's {height}");
    }
    let end = dom[start..].find("</pre>").map_or(dom.len(), |at| start + at);
    dom[start..end].to_owned()
}

/// The console messages the browser logged while loading the page (`--enable-logging=stderr`).
pub fn console_lines(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|line| line.contains(":CONSOLE")).collect()
}

/// The width of a PNG, from its header.
pub fn png_width(png: &[u8]) -> u32 {
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    u32::from_be_bytes([png[16], png[17], png[18], png[19]])
}
