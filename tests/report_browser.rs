//! The report in a real browser, headless Chromium: a twelve-week history through the real
//! binary, and a page as full and as hostile as one gets, each printed to exactly one page on A4
//! and on US Letter (`pdfinfo`), its text (`pdftotext`) holding its figures, laid out at 1280 px
//! with nothing outside the sheet or cut, and no message on the browser's console. Skipped with
//! a one-line notice when Chromium or poppler-utils is missing; `.ci/run` installs both and
//! requires the test (`TRUNKROT_BROWSER_TEST=required`).

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use jiff::civil::date;
use support::browser::{self, Tools};
use support::home::{Home, trunkrot};
use support::review;
use trunkrot::history::review::page::{self, CONTENT_POLICY, Paper};
use trunkrot::history::review::{Alarm, Review};

/// Where the pages, PDFs and screenshots are left for a person to look at.
fn kept(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-browser");
    fs::create_dir_all(&dir).expect("a folder in target/");
    dir.join(name)
}

/// Prints `page` to a PDF with the browser, as `trunkrot report --pdf` does, and checks it is one
/// page of `size`. Returns the PDF's text.
fn one_page(tools: &Tools, page: &Path, pdf: &Path, size: &str) -> String {
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut args = browser::flags(profile.path());
    args.extend(["--no-pdf-header-footer".to_owned(), format!("--print-to-pdf={}", pdf.display()), browser::url(page)]);
    browser::run(&tools.chromium, &args, browser::TIME_OUT);
    let (pages, paper) = browser::pdf_pages(pdf);
    assert_eq!(pages, 1, "{} prints on one page, not {pages}", pdf.display());
    assert!(paper.contains(size), "{} is {size}: {paper}", pdf.display());
    browser::pdf_text(pdf)
}

/// Lays `html` out at 1280 px in a test-only copy that checks the layout; returns what it found.
fn layout(tools: &Tools, html: &str, name: &str) -> String {
    let copy = kept(&format!("{name}-checked.html"));
    fs::write(&copy, browser::with_layout_check(html, CONTENT_POLICY)).expect("the copy written");
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut args = browser::flags(profile.path());
    args.extend(["--window-size=1280,1800".to_owned(), "--dump-dom".to_owned(), browser::url(&copy)]);
    browser::layout_found(&browser::run(&tools.chromium, &args, browser::TIME_OUT).stdout)
}

/// Loads the page itself with the console logged, takes a screenshot at 1280 px, and returns the
/// console's lines.
fn console(tools: &Tools, page: &Path, name: &str) -> Vec<String> {
    let shot = kept(&format!("{name}-1280.png"));
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut args = browser::flags(profile.path());
    args.extend([
        "--enable-logging=stderr".to_owned(),
        "--v=0".to_owned(),
        "--window-size=1280,1800".to_owned(),
        format!("--screenshot={}", shot.display()),
        browser::url(page),
    ]);
    let ran = browser::run(&tools.chromium, &args, browser::TIME_OUT);
    assert_eq!(browser::png_width(&fs::read(&shot).expect("a screenshot")), 1280);
    browser::console_lines(&ran.stderr).into_iter().map(str::to_owned).collect()
}

#[test]
fn twelve_weeks_through_the_binary_print_on_one_page_with_their_figures() {
    let Some(tools) = browser::tools("report_browser") else { return };
    let home = Home::new();
    let planned = review::twelve_weeks();
    fs::create_dir_all(home.data_dir()).expect("a data folder");
    fs::write(home.history(), review::history_lines(&planned, true)).expect("a history");
    let page = kept("twelve-weeks.html");
    let (first, last) = (review::FIRST.to_string(), review::LAST.to_string());
    let period = ["report", "--since", &first, "--until", &last, "--name", "Ana Silva"];
    for (paper, size) in [("a4", "A4"), ("letter", "letter")] {
        let pdf = kept(&format!("twelve-weeks-{paper}.pdf"));
        let _ = fs::remove_file(&pdf);
        let run = trunkrot(&home)
            .args(period)
            .args(["--paper", paper])
            .arg("--pdf")
            .arg(&pdf)
            .timeout(browser::TIME_OUT)
            .assert();
        run.success().stdout(format!(
            "Wrote {} (one {} page).\n",
            pdf.display(),
            if paper == "a4" { "A4" } else { "US Letter" }
        ));
        let (pages, sheet) = browser::pdf_pages(&pdf);
        assert_eq!(pages, 1, "the {paper} PDF is one page");
        assert!(sheet.contains(size), "{sheet}");
        let text = browser::pdf_text(&pdf);
        let full = review::full_sessions(&planned);
        let adherence = format!("{}% {full} of 168 sessions due were done in full", full * 100 / 168);
        assert!(text.contains(&adherence), "the PDF's text holds `{adherence}`:\n{text}");
        let baseline = format!("Baseline {:.1}, the mean of week 1", review::first_week_pain(&planned));
        assert!(text.contains(&baseline), "the PDF's text holds `{baseline}`:\n{text}");
        assert!(text.contains("Ana Silva"), "{text}");
        // The programme's `[stop]` puts the stop line at 7: the high pains listed are its.
        assert!(text.contains("Pain 7 or more (stop line): "), "{text}");
        // PSFS on the first day of each week but the eighth (day 49 has no session): week 1 is
        // (3 + 4) / 2 = 3.5, week 12 (6 + 9) / 2 = 7.5.
        assert!(text.contains("Mean 3.5 in week 1, 7.5 in week 12: +4.0 clinically important rise"), "{text}");
    }
    trunkrot(&home).args(period).arg("--out").arg(&page).assert().success();
    let html = fs::read_to_string(&page).expect("the page");
    assert!(!html.contains("@page { size"), "without --paper, the HTML leaves the sheet to the print dialog");
    let a4 = kept("twelve-weeks-printed-a4.pdf");
    let letter = kept("twelve-weeks-printed-letter.pdf");
    // The page as written, printed by the browser's own default sheet and by each size.
    one_page(&tools, &page, &letter, "letter");
    let sized = kept("twelve-weeks-a4.html");
    fs::write(&sized, html.replacen("</style>", "@page { size: A4; }</style>", 1)).expect("a copy");
    one_page(&tools, &sized, &a4, "A4");
    assert_eq!(layout(&tools, &html, "twelve-weeks"), "scripts=1\nfits", "laid out at 1280 px");
    assert_eq!(console(&tools, &page, "twelve-weeks"), Vec::<String>::new(), "the console stays empty");
}

#[test]
fn a_full_and_hostile_page_prints_on_one_page_and_its_text_stays_text() {
    let Some(tools) = browser::tools("report_browser") else { return };
    for (weeks, name) in [(12, "dense-12-weeks"), (53, "dense-a-year")] {
        let facts = review::dense(true, weeks);
        let review = Review::of(&facts);
        for (paper, size) in [(Paper::A4, "A4"), (Paper::Letter, "letter")] {
            let page = kept(&format!("{name}-{size}.html"));
            fs::write(&page, page::html(&facts, &review, date(2027, 1, 20), Some(paper))).expect("the page");
            let text = one_page(&tools, &page, &kept(&format!("{name}-{size}.pdf")), size);
            assert!(
                text.contains("<script>alert('x')</script> &amp; &#60;b&#62;"),
                "markup and entities read as text:\n{text}"
            );
            assert!(!text.contains('\u{202E}'), "no direction override survives");
            let high = review.alarms.iter().filter(|a| matches!(a, Alarm::HighPain { .. })).count();
            assert!(text.to_lowercase().contains(&format!("pain 7 or more (stop line 10): {high}")), "{text}");
            let adherence = facts.adherence.as_ref().expect("the programme's").whole;
            assert!(
                text.contains(&format!("{} of {} sessions due were done", adherence.done, adherence.due)),
                "{text}"
            );
        }
        let html = page::html(&facts, &review, date(2027, 1, 20), None);
        assert_eq!(
            layout(&tools, &html, name),
            "scripts=1\nfits",
            "{name} laid out at 1280 px: only the check's own script"
        );
        let page = kept(&format!("{name}.html"));
        fs::write(&page, &html).expect("the page");
        assert_eq!(console(&tools, &page, name), Vec::<String>::new(), "{name}: the console stays empty");
    }
}
