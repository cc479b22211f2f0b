//! Text to AST: the openCypher-subset grammar on nom. This module knows syntax only:
//! no scopes, no types, no store. Entry points: `parse_statement` for one statement and
//! `split_statements` for scripts of `;`-separated statements.

pub mod ast;
mod clause;
mod expr;
mod lexical;
mod pattern;
mod print;

pub use lexical::{MAX_CHAIN, MAX_DEPTH};
pub use print::{Name, Quoted};

use crate::error::{Error, Span};

/// Parse one statement (an optional trailing `;` is allowed).
pub fn parse_statement(text: &str) -> Result<ast::Statement, Error> {
    // The grammar recurses once per nesting level (bounded by MAX_DEPTH), but unoptimized
    // builds use tens of kilobytes of stack per level. Shallow statements (nearly all)
    // are parsed right here; deeper ones on a thread with a large stack, so that every
    // accepted depth is safe whatever the caller's stack is.
    if nesting_bound(text) <= INLINE_DEPTH {
        return parse_on_this_thread(text);
    }
    let spawned = std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("meridian-parser".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(s, || parse_on_this_thread(text))
            .map(|h| h.join())
    });
    match spawned {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => Err(Error::internal("the parser panicked")),
        // No thread available: parse here (fine for any realistic query).
        Err(_) => parse_on_this_thread(text),
    }
}

/// Statements whose nesting bound is at most this are parsed on the caller's thread.
const INLINE_DEPTH: usize = 8;

/// The deepest nesting of brackets `( [ {` in a statement, ignoring those inside strings,
/// quoted names and comments (for a user-set nesting limit below the parser's own).
pub fn bracket_depth(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max, mut k) = (0usize, 0usize, 0usize);
    while k < b.len() {
        match b[k] {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            q @ (b'\'' | b'"' | b'`') => {
                k += 1;
                while k < b.len() && b[k] != q {
                    if b[k] == b'\\' && q != b'`' {
                        k += 1;
                    }
                    k += 1;
                }
            }
            b'/' if b.get(k + 1) == Some(&b'/') => {
                while k < b.len() && b[k] != b'\n' {
                    k += 1;
                }
            }
            b'/' if b.get(k + 1) == Some(&b'*') => {
                k += 2;
                while k + 1 < b.len() && !(b[k] == b'*' && b[k + 1] == b'/') {
                    k += 1;
                }
                k += 1;
            }
            _ => {}
        }
        k += 1;
    }
    max
}

/// An upper bound of the parser's recursion depth. Brackets nest visibly; without
/// brackets only runs of prefix operators (`NOT`, `-`, `+`) and CASE can nest, so the
/// bound is the deepest bracket nesting plus (CASEs + 1) times (longest run + 1).
/// Strings, quoted names and comments are skipped.
fn nesting_bound(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let (mut run, mut max_run, mut cases) = (0usize, 0usize, 0usize);
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        let mut prefix_token = false;
        match c {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b'-' | b'+' => prefix_token = true,
            b'\'' | b'"' | b'`' => {
                k += 1;
                while k < b.len() && b[k] != c {
                    if b[k] == b'\\' && c != b'`' {
                        k += 1;
                    }
                    k += 1;
                }
            }
            b'/' if b.get(k + 1) == Some(&b'/') => {
                while k < b.len() && b[k] != b'\n' {
                    k += 1;
                }
                continue;
            }
            b'/' if b.get(k + 1) == Some(&b'*') => {
                k += 2;
                while k + 1 < b.len() && !(b[k] == b'*' && b[k + 1] == b'/') {
                    k += 1;
                }
                k += 2;
                continue;
            }
            c if c.is_ascii_whitespace() => {
                k += 1;
                continue;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = k;
                while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'_') {
                    k += 1;
                }
                let w = &text[start..k];
                if w.eq_ignore_ascii_case("NOT") {
                    run += 1;
                    max_run = max_run.max(run);
                } else {
                    run = 0;
                    if w.eq_ignore_ascii_case("CASE") {
                        cases += 1;
                    }
                }
                continue;
            }
            _ => {}
        }
        if prefix_token {
            run += 1;
            max_run = max_run.max(run);
        } else {
            run = 0;
        }
        k += 1;
    }
    max + (cases + 1) * (max_run + 1)
}

/// Stack for the parser thread: only touched pages are ever committed.
const PARSER_STACK: usize = 64 * 1024 * 1024;

fn parse_on_this_thread(text: &str) -> Result<ast::Statement, Error> {
    let state = lexical::State::new(text);
    let input = lexical::Input::new_extra(text, &state);
    match clause::statement(input) {
        Ok((_, st)) => Ok(st),
        Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => Err(e.into_error(text)),
        Err(nom::Err::Incomplete(_)) => {
            Err(Error::syntax("UnexpectedSyntax", Span::new(text.len(), text.len()), "unexpected end of input"))
        }
    }
}

/// One statement of a script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementText<'a> {
    /// Byte offset of `text` in the script.
    pub offset: usize,
    /// The statement without its terminating `;`.
    pub text: &'a str,
    /// False for trailing text not terminated by `;` (maybe more input is coming).
    pub complete: bool,
}

/// Split a script at the `;` that are outside strings, backtick names and comments.
/// Statements that are empty or hold only whitespace and comments are dropped.
/// Leading and trailing whitespace of each statement is trimmed (`offset` points at
/// the first kept byte). Works on a partial script: an unterminated string or comment
/// simply belongs to the last, incomplete piece.
pub fn split_statements(script: &str) -> Vec<StatementText<'_>> {
    #[derive(PartialEq)]
    enum Mode {
        Code,
        Quote(u8),
        Backtick,
        Line,
        Block,
    }
    let b = script.as_bytes();
    let mut out = Vec::new();
    let mut mode = Mode::Code;
    let mut start = 0;
    let mut k = 0;
    // Each piece remembers whether it holds anything besides whitespace and comments.
    let mut has_code = false;
    while k < b.len() {
        let c = b[k];
        match mode {
            Mode::Code => match c {
                b';' => {
                    push_piece(&mut out, script, start, k, true, has_code);
                    start = k + 1;
                    has_code = false;
                }
                b'\'' | b'"' => {
                    mode = Mode::Quote(c);
                    has_code = true;
                }
                b'`' => {
                    mode = Mode::Backtick;
                    has_code = true;
                }
                b'/' if b.get(k + 1) == Some(&b'/') => {
                    mode = Mode::Line;
                    k += 1;
                }
                b'/' if b.get(k + 1) == Some(&b'*') => {
                    mode = Mode::Block;
                    k += 1;
                }
                c if c.is_ascii_whitespace() => {}
                _ => has_code = true,
            },
            Mode::Quote(q) => {
                if c == b'\\' {
                    k += 1;
                } else if c == q {
                    mode = Mode::Code;
                }
            }
            Mode::Backtick => {
                // A doubled backtick inside a name reads as close-then-open: same result.
                if c == b'`' {
                    mode = Mode::Code;
                }
            }
            Mode::Line => {
                if c == b'\n' {
                    mode = Mode::Code;
                }
            }
            Mode::Block => {
                if c == b'*' && b.get(k + 1) == Some(&b'/') {
                    mode = Mode::Code;
                    k += 1;
                }
            }
        }
        k += 1;
    }
    // An unterminated block comment or string at the end still counts as content
    // only if the piece had code.
    push_piece(&mut out, script, start, script.len(), false, has_code);
    out
}

fn push_piece<'a>(
    out: &mut Vec<StatementText<'a>>,
    script: &'a str,
    start: usize,
    end: usize,
    complete: bool,
    has_code: bool,
) {
    if !has_code {
        return;
    }
    let Some(piece) = script.get(start..end) else {
        return;
    };
    let trimmed_start = piece.len() - piece.trim_start().len();
    let text = piece.trim();
    out.push(StatementText { offset: start + trimmed_start, text, complete });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_scripts() {
        let s = "CREATE (a {x: ';'}); // c;\n /* ; */ ; MATCH (`;`) RETURN 1;\nRETURN 2";
        let parts = split_statements(s);
        let texts: Vec<_> = parts.iter().map(|p| (p.text, p.complete)).collect();
        assert_eq!(texts, vec![("CREATE (a {x: ';'})", true), ("MATCH (`;`) RETURN 1", true), ("RETURN 2", false)]);
        for p in &parts {
            assert_eq!(&s[p.offset..p.offset + p.text.len()], p.text);
        }
        assert!(split_statements("  // only a comment\n").is_empty());
        assert_eq!(split_statements("RETURN 'a;").len(), 1);
    }

    #[test]
    fn parses_and_reports() {
        assert!(parse_statement("MATCH (n) RETURN n;").is_ok());
        let e = parse_statement("MATCH (n) WHERE n.x != 1 RETURN n").unwrap_err();
        assert_eq!(e.notes, vec!["help: use <> for inequality".to_string()]);
    }
}

/// Length of the whitespace and comments before a statement's first token (so errors and
/// headers can point at the statement itself, not at the comment above it).
pub fn leading_trivia_len(text: &str) -> usize {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        rest = if let Some(after) = trimmed.strip_prefix("//") {
            after.find('\n').map_or("", |i| &after[i..])
        } else if let Some(after) = trimmed.strip_prefix("/*") {
            after.find("*/").map_or("", |i| &after[i + 2..])
        } else {
            return text.len() - trimmed.len();
        };
    }
}
