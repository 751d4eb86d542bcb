//! Everything `cargo wasm` tells the user goes through here, so that cargo's conventions hold in one place:
//! right-aligned bold status words on stderr, `-q`/`-v`, `--color`, and JSON messages on stdout.

use std::io::Write;

use anstream::{AutoStream, ColorChoice as StreamColor};
use anstyle::{AnsiColor, Effects, Style};

use crate::cli::{ColorChoice, MessageFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

pub struct Shell {
    verbosity: Verbosity,
    color: StreamColor,
    message_format: MessageFormat,
}

const STATUS_WIDTH: usize = 12;
const GREEN: Style = AnsiColor::Green.on_default().effects(Effects::BOLD);
const CYAN: Style = AnsiColor::Cyan.on_default().effects(Effects::BOLD);
const RED: Style = AnsiColor::Red.on_default().effects(Effects::BOLD);

impl Shell {
    pub fn new(color: ColorChoice, verbosity: Verbosity, message_format: MessageFormat) -> Self {
        let color = match color {
            ColorChoice::Auto => match std::env::var("CARGO_TERM_COLOR").as_deref() {
                Ok("always") => StreamColor::Always,
                Ok("never") => StreamColor::Never,
                _ => StreamColor::Auto,
            },
            ColorChoice::Always => StreamColor::Always,
            ColorChoice::Never => StreamColor::Never,
        };
        Shell { verbosity, color, message_format }
    }

    pub fn verbosity(&self) -> Verbosity {
        self.verbosity
    }

    pub fn message_format(&self) -> MessageFormat {
        self.message_format
    }

    /// Whether stderr gets colour, for renderers (diagnostics) that colour on their own.
    pub fn stderr_supports_color(&self) -> bool {
        let stream = AutoStream::new(std::io::stderr(), self.color);
        !matches!(stream.current_choice(), StreamColor::Never)
    }

    /// The value for a child cargo's `--color`, so nested output matches ours.
    pub fn color_flag(&self) -> &'static str {
        if self.stderr_supports_color() { "always" } else { "never" }
    }

    fn stderr(&self) -> AutoStream<std::io::Stderr> {
        AutoStream::new(std::io::stderr(), self.color)
    }

    /// `   Compiling hello v0.1.0 (/path)`: a green status word, printed unless `-q`.
    pub fn status(&self, word: &str, message: impl std::fmt::Display) {
        self.status_styled(GREEN, word, message, Verbosity::Normal);
    }

    /// Like [`Shell::status`] but only with `-v`.
    pub fn verbose_status(&self, word: &str, message: impl std::fmt::Display) {
        self.status_styled(CYAN, word, message, Verbosity::Verbose);
    }

    fn status_styled(&self, style: Style, word: &str, message: impl std::fmt::Display, min: Verbosity) {
        if self.verbosity < min {
            return;
        }
        let mut err = self.stderr();
        let _ = writeln!(err, "{style}{word:>STATUS_WIDTH$}{style:#} {message}");
    }

    /// `error: ...` (always printed, even with `-q`, like cargo).
    pub fn error(&self, message: impl std::fmt::Display) {
        let mut err = self.stderr();
        let _ = writeln!(err, "{RED}error{RED:#}: {message}");
    }

    /// Pre-rendered text (diagnostics) straight to stderr; ANSI codes are stripped when colour is off.
    pub fn print_stderr(&self, text: &str) {
        let mut err = self.stderr();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// One JSON message per line on stdout (`--message-format=json`).
    pub fn json_message(&self, value: &serde_json::Value) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{value}");
        let _ = out.flush();
    }
}
