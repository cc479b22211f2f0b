//! Text to AST: the openCypher-subset grammar on nom. This module knows syntax only:
//! no scopes, no types, no store. Entry points: `parse_statement` for one statement and
//! `split_statements` for scripts of `;`-separated statements.

pub mod ast;

use crate::error::{Error, Span};

/// Parse one statement (an optional trailing `;` is allowed).
pub fn parse_statement(text: &str) -> Result<ast::Statement, Error> {
    Err(Error::unsupported(
        Span::new(0, text.len()),
        "parser not written yet",
    ))
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
pub fn split_statements(script: &str) -> Vec<StatementText<'_>> {
    let _ = script;
    Vec::new()
}
