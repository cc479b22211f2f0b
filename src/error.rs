//! Errors: one `Error` type for every stage, classified the way the openCypher TCK
//! classifies them (kind, phase, detail code), with an optional span into the statement
//! text, and `render` to print it rustc-style with a caret. This module is a leaf: it
//! must not depend on any other module of the crate.

use std::fmt;

/// Byte range into the statement text. Line and column are computed only when rendering.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    /// The smallest span that covers both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// The error classes of the openCypher TCK, plus the engine's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    SyntaxError,
    SemanticError,
    TypeError,
    ArgumentError,
    ArithmeticError,
    EntityNotFound,
    ConstraintVerificationFailed,
    ParameterMissing,
    ProcedureError,
    /// A valid query using a feature this engine does not implement (never a TCK pass).
    Unsupported,
    /// The query was cancelled (Ctrl-C) or ran past its timeout.
    Cancelled,
    /// The query needed more memory for intermediate results than its budget allows.
    ResourceLimit,
    Io,
    Internal,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::SemanticError => "SemanticError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ArgumentError => "ArgumentError",
            ErrorKind::ArithmeticError => "ArithmeticError",
            ErrorKind::EntityNotFound => "EntityNotFound",
            ErrorKind::ConstraintVerificationFailed => "ConstraintVerificationFailed",
            ErrorKind::ParameterMissing => "ParameterMissing",
            ErrorKind::ProcedureError => "ProcedureError",
            ErrorKind::Unsupported => "UnsupportedFeature",
            ErrorKind::Cancelled => "Cancelled",
            ErrorKind::ResourceLimit => "ResourceLimitExceeded",
            ErrorKind::Io => "IOError",
            ErrorKind::Internal => "InternalError",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// When the error was raised: TCK "at compile time" or "at runtime".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    CompileTime,
    Runtime,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub kind: ErrorKind,
    pub phase: Phase,
    /// TCK detail code, verbatim: "UndefinedVariable", "InvalidArgumentType", ...
    pub code: &'static str,
    /// Lowercase start, no trailing period.
    pub message: String,
    pub span: Option<Span>,
    /// Extra lines printed after the caret, such as "help: use <> for inequality".
    pub notes: Vec<String>,
}

impl std::error::Error for Error {}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: ErrorKind, phase: Phase, code: &'static str, message: impl Into<String>) -> Error {
        Error { kind, phase, code, message: message.into(), span: None, notes: Vec::new() }
    }
    /// A compile-time syntax error at `span`.
    pub fn syntax(code: &'static str, span: Span, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::SyntaxError, Phase::CompileTime, code, message).at(span)
    }
    /// A compile-time error of any kind (the binder's checks).
    pub fn compile(kind: ErrorKind, code: &'static str, span: Span, message: impl Into<String>) -> Error {
        Error::new(kind, Phase::CompileTime, code, message).at(span)
    }
    /// A runtime error (raised while rows flow).
    pub fn runtime(kind: ErrorKind, code: &'static str, message: impl Into<String>) -> Error {
        Error::new(kind, Phase::Runtime, code, message)
    }
    pub fn type_error(message: impl Into<String>) -> Error {
        Error::runtime(ErrorKind::TypeError, "InvalidArgumentType", message)
    }
    pub fn unsupported(span: Span, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Unsupported, Phase::CompileTime, "UnsupportedFeature", message).at(span)
    }
    pub fn io(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Io, Phase::Runtime, "IOError", message)
    }
    pub fn cancelled(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Cancelled, Phase::Runtime, "Cancelled", message)
    }
    /// A bug in meridian, never the user's fault.
    pub fn internal(message: impl Into<String>) -> Error {
        Error::new(
            ErrorKind::Internal,
            Phase::Runtime,
            "Internal",
            format!("{} (this is a bug in meridian)", message.into()),
        )
    }
    /// Attach a span unless one is already there (the innermost span is the most precise).
    pub fn at(mut self, span: Span) -> Error {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Error {
        self.notes.push(note.into());
        self
    }
    /// Shift the span by `offset` bytes: a statement's spans are relative to the statement,
    /// a script's to the whole file.
    pub fn shifted(mut self, offset: usize) -> Error {
        if let Some(s) = &mut self.span {
            s.start += offset;
            s.end += offset;
        }
        self
    }
    /// True for errors caused by the query (exit status 1), false for IO and internal ones (2).
    pub fn is_query_error(&self) -> bool {
        !matches!(self.kind, ErrorKind::Io | ErrorKind::Internal)
    }
}

/// 1-based line and column (in characters) of byte offset `pos` in `source`.
pub fn line_col(source: &str, pos: usize) -> (usize, usize) {
    let pos = floor_char_boundary(source, pos.min(source.len()));
    let before = &source[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = source[line_start..pos].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Render an error rustc-style, as plain ASCII, deterministic for golden files:
///
/// ```text
/// error[SyntaxError/InvalidRelationshipPattern]: expected `]` ...
///  --> queries/friends.cypher:3:18
///   |
/// 3 | MATCH (a)-[:KNOWS->(b)
///   |                  ^
/// ```
pub fn render(err: &Error, source_name: &str, source: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "error[{}/{}]: {}", err.kind, err.code, err.message);
    match err.span {
        Some(span) if span.start <= source.len() => {
            let (line, col) = line_col(source, span.start);
            let _ = writeln!(out, " --> {source_name}:{line}:{col}");
            let text = source.lines().nth(line - 1).unwrap_or("");
            let text = text.strip_suffix('\r').unwrap_or(text);
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            let shown: String = text.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
            // The caret covers the span on this line, at least one column.
            let line_chars = shown.chars().count();
            let end = if span.end > span.start { line_col(source, span.end) } else { (line, col + 1) };
            let width = if end.0 == line {
                end.1.saturating_sub(col).max(1)
            } else {
                (line_chars + 1).saturating_sub(col).max(1)
            };
            // A very long line shows only a window around the caret, marked with `…`.
            let (shown, col, width) = window(&shown, col, width);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {shown}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(col - 1), "^".repeat(width));
            for note in &err.notes {
                let _ = writeln!(out, "{pad} = {note}");
            }
        }
        _ => {
            let _ = writeln!(out, " --> {source_name}");
            for note in &err.notes {
                let _ = writeln!(out, "  = {note}");
            }
        }
    }
    out
}

/// Longest source line an error shows in full.
const MAX_SHOWN: usize = 160;

/// The part of `line` to show around the caret at `col` (1-based, in characters), with
/// the caret's new column and width.
fn window(line: &str, col: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= MAX_SHOWN {
        return (line.to_string(), col, width);
    }
    let width = width.min(MAX_SHOWN / 2);
    let start = (col - 1).saturating_sub(MAX_SHOWN / 4).min(chars.len());
    let end = (start + MAX_SHOWN).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut col = col - start;
    if start > 0 {
        shown.insert(0, '…');
        col += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, col, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_caret_under_span() {
        let src = "MATCH (a)\nMATCH (a)-[:KNOWS->(b) RETURN b";
        let err = Error::syntax("InvalidRelationshipPattern", Span::new(27, 28), "expected `]`");
        expect_test::expect![[r#"
            error[SyntaxError/InvalidRelationshipPattern]: expected `]`
             --> q.cypher:2:18
              |
            2 | MATCH (a)-[:KNOWS->(b) RETURN b
              |                  ^
        "#]]
        .assert_eq(&render(&err, "q.cypher", src));
    }

    #[test]
    fn long_lines_show_a_window_around_the_caret() {
        let src = format!("RETURN {}(1", "1 + ".repeat(1000));
        let err = Error::syntax("UnexpectedSyntax", Span::new(src.len(), src.len()), "expected `)`");
        let text = render(&err, "q", &src);
        assert!(text.len() < 600, "{text}");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[3].starts_with("1 | …+ 1"), "{text}");
        // The caret still sits just after the last character shown.
        assert_eq!(lines[4].find('^'), Some(lines[3].chars().count()), "{text}");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col("'é' x", 5), (1, 5));
    }
}
