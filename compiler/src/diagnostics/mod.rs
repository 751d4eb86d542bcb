//! Compiler diagnostics rendered the way rustc renders them, so users see familiar output.

pub mod codes;

use std::path::PathBuf;

/// A 1-based line and column (column counted in characters, like rustc).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// A source span inside one file of the crate.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub file: usize,
    pub start: Pos,
    pub end: Pos,
}

/// One error with a stable code, location, label and optional hint.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub code: &'static str,
    pub message: String,
    /// Path shown to the user (relative to the package root), e.g. `src/main.rs`.
    pub file: String,
    /// Full text of the offending line (without newline); empty when unknown.
    pub source_line: String,
    pub line: usize,
    pub col: usize,
    /// Length of the underline in characters (at least 1).
    pub len: usize,
    pub label: String,
    pub help: Option<String>,
}

/// All errors of one compilation.
#[derive(Clone, Debug)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Renders all diagnostics like rustc (`error[W0102]: ...`, ` --> file:line:col`, gutter, carets, help).
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in &self.0 {
            render_one(d, color, &mut out);
        }
        let n = self.0.len();
        let summary = if n == 1 {
            "aborting due to 1 previous error".to_string()
        } else {
            format!("aborting due to {n} previous errors")
        };
        out.push_str(&paint(color, "1;31", "error"));
        out.push_str(&paint(color, "1", &format!(": {summary}")));
        out.push('\n');
        out
    }
}

impl std::fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

fn render_one(d: &Diagnostic, color: bool, out: &mut String) {
    out.push_str(&paint(color, "1;31", &format!("error[{}]", d.code)));
    out.push_str(&paint(color, "1", &format!(": {}", d.message)));
    out.push('\n');
    let gutter_w = d.line.to_string().len();
    let pad = " ".repeat(gutter_w);
    let bar = paint(color, "1;34", "|");
    out.push_str(&format!("{pad}{} {}:{}:{}\n", paint(color, "1;34", "-->"), d.file, d.line, d.col));
    if !d.source_line.is_empty() || d.line > 0 {
        out.push_str(&format!("{pad} {bar}\n"));
        out.push_str(&format!("{} {bar} {}\n", paint(color, "1;34", &d.line.to_string()), d.source_line));
        let lead: String = d
            .source_line
            .chars()
            .take(d.col.saturating_sub(1))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let carets = "^".repeat(d.len.max(1));
        let label = if d.label.is_empty() { String::new() } else { format!(" {}", d.label) };
        out.push_str(&format!("{pad} {bar} {lead}{}\n", paint(color, "1;31", &format!("{carets}{label}"))));
    }
    if let Some(h) = &d.help {
        out.push_str(&format!("{pad} {} {}: {h}\n", paint(color, "1;34", "="), paint(color, "1", "help")));
    }
    out.push('\n');
}

/// Files of the crate, kept so diagnostics can show source lines.
#[derive(Default, Debug)]
pub struct SourceMap {
    pub files: Vec<SourceFile>,
}

#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// Path relative to the package root, as shown to users.
    pub display: String,
    pub text: String,
}

impl SourceMap {
    pub fn add(&mut self, path: PathBuf, display: String, text: String) -> usize {
        self.files.push(SourceFile { path, display, text });
        self.files.len() - 1
    }

    /// Builds a diagnostic for `span` with the given code, message, label and hint.
    pub fn diag(&self, code: &'static str, span: &Span, message: impl Into<String>, label: impl Into<String>, help: Option<String>) -> Diagnostic {
        let (file, source_line) = match self.files.get(span.file) {
            Some(f) => (
                f.display.clone(),
                f.text.lines().nth(span.start.line.saturating_sub(1)).unwrap_or("").to_string(),
            ),
            None => (String::from("<unknown>"), String::new()),
        };
        let len = if span.end.line == span.start.line && span.end.col > span.start.col {
            span.end.col - span.start.col
        } else {
            source_line.chars().count().saturating_sub(span.start.col.saturating_sub(1)).max(1)
        };
        Diagnostic {
            code,
            message: message.into(),
            file,
            source_line,
            line: span.start.line,
            col: span.start.col,
            len,
            label: label.into(),
            help,
        }
    }
}
