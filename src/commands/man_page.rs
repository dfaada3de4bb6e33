//! `trunkrot man`: the man page, made from the command line's definition and the key table,
//! with the sections clap cannot know (commands, keys, files, environment, exit status).

use std::io::{self, Write};

use clap::CommandFactory;

use crate::cli::Cli;
use crate::tui::keys::{self, Binding};

/// The whole page, as roff.
pub fn page() -> io::Result<Vec<u8>> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    // Listed here rather than by clap, which would name a trunkrot-check(1) page per command.
    writeln!(page, ".SH COMMANDS")?;
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(page, ".TP\n\\fBtrunkrot {}\\fR\n{}", roff(sub.get_name()), roff(&about))?;
    }
    writeln!(page, ".PP\n\\fBtrunkrot help\\fR \\fICOMMAND\\fR shows a command's own flags.")?;
    writeln!(page, ".SH KEYS")?;
    for (index, (title, table)) in keys::TABLES.iter().enumerate() {
        writeln!(page, "{}{}", if index == 0 { "" } else { ".PP\n" }, roff(title))?;
        key_list(&mut page, table)?;
    }
    page.extend_from_slice(SECTIONS.as_bytes());
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// One tagged paragraph per binding: the keys in bold, then what they do.
fn key_list(page: &mut Vec<u8>, table: &[Binding]) -> io::Result<()> {
    // No blank line between the keys: the list reads as one table.
    writeln!(page, ".PD 0")?;
    for binding in table {
        writeln!(page, ".TP 12\n\\fB{}\\fR\n{}", roff(binding.keys), roff(binding.does))?;
    }
    writeln!(page, ".PD")
}

/// Text made safe for roff: backslashes and hyphens escaped, no line read as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

const SECTIONS: &str = r".SH FILES
.TP
\fI$XDG_CONFIG_HOME/trunkrot/config.toml\fR
Your own defaults (\fBtrunkrot config \-\-init\fR writes a commented one). Flags win over it.
.TP
\fI$XDG_CONFIG_HOME/trunkrot/exercises/*.toml\fR
Your own exercises, each named by its file name without \fI.toml\fR.
.TP
\fI$XDG_CONFIG_HOME/trunkrot/routines/*.toml\fR
Your own routines.
.TP
\fI$XDG_DATA_HOME/trunkrot/history.jsonl\fR
The sessions done, one JSON record a line.
.PP
Without \fBXDG_CONFIG_HOME\fR and \fBXDG_DATA_HOME\fR: \fI~/.config\fR and \fI~/.local/share\fR
(the platform's own folders elsewhere).
.SH ENVIRONMENT
.TP
\fBXDG_CONFIG_HOME\fR, \fBXDG_DATA_HOME\fR
Where the config, your files and the history live.
.TP
\fBNO_COLOR\fR
Set to anything: no colours; bold and reverse video still mark the side and the phase.
.TP
\fBCOLORFGBG\fR
Set by some terminals (\fI15;0\fR: white on black): with \fBtheme = auto\fR, a light
background here picks the light theme. Without it the terminal is asked for its background.
.TP
\fBPATH\fR
Where the speech program (espeak\-ng, espeak, spd\-say or say) is looked for when
\fBvoice_command\fR is not set.
.SH EXIT STATUS
.TP
\fB0\fR
Done: the session ended, or the command did its work.
.TP
\fB1\fR
A failure: a bad file, an unreadable config, a history that cannot be saved.
.TP
\fB2\fR
A usage error: an unknown flag or a value out of range.
.TP
\fB128\fR+\fIN\fR
The session was ended by signal \fIN\fR: \fB130\fR for Ctrl\-C (SIGINT), \fB143\fR for SIGTERM,
\fB129\fR for a closed terminal (SIGHUP). In plain mode with the check\-in to follow, the first
Ctrl\-C is your stop, with the questions after it when the session is kept (exit 0); a second
leaves at once (130).
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roff_escapes_what_roff_would_read_as_requests() {
        assert_eq!(roff("high-contrast"), "high\\-contrast");
        assert_eq!(roff(".hidden"), "\\&.hidden");
        assert_eq!(roff("a\\b"), "a\\eb");
    }

    #[test]
    fn the_page_has_its_sections_and_names_no_missing_page() {
        let page = String::from_utf8(page().expect("a page")).expect("UTF-8");
        for section in [".SH COMMANDS", ".SH KEYS", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"] {
            assert!(page.contains(section), "{section}");
        }
        assert!(!page.contains("(1)"), "no reference to another page: trunkrot has one");
        for binding in keys::TABLES.iter().flat_map(|(_, table)| *table) {
            assert!(page.contains(&format!("\\fB{}\\fR", roff(binding.keys))), "{}", binding.keys);
        }
    }
}
