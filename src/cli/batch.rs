//! Batch mode: `meridian run FILE...`, `meridian run -` and `meridian query TEXT`.
//! Statements run in order and each result is written and flushed as soon as it is
//! known, so a pipe can drive `run -` one statement at a time. Errors are rendered
//! against the whole input, so their line and column are those of the file. Before each
//! statement, names the graph does not have get a "did you mean" warning on standard
//! error (advice only: the exit status never depends on it). A line `:begin`, `:commit`
//! or `:rollback` between statements controls a transaction as in the shell; one still
//! open at the end is discarded with a warning. This module only sequences statements;
//! formatting is `output`'s job.

use std::io::{self, BufRead, Write};
use std::path::PathBuf;

use super::complete::Catalog;
use super::{Format, Session, Status, hints};
use crate::syntax::split_statements;

/// The "did you mean" warnings of one statement, on `err`, then where the statement
/// starts (`--> FILE:LINE`) when there is a file to point into. `catalog` caches the graph's names between statements; it
/// is built only when a statement reads names.
fn warn(
    session: &Session,
    catalog: &mut Option<Catalog>,
    text: &str,
    place: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<()> {
    if !hints::may_warn(text) {
        return Ok(());
    }
    let catalog = catalog.get_or_insert_with(|| session.catalog());
    let notes = hints::check(catalog, text);
    if !notes.is_empty() {
        // Results printed so far come first, even when both streams go to one terminal.
        out.flush()?;
        for note in notes {
            let _ = writeln!(err, "{note}");
        }
        if let Some(place) = place {
            let _ = writeln!(err, " --> {place}");
        }
    }
    Ok(())
}

/// `meridian query TEXT`: one statement.
pub(crate) fn run_query(
    session: &mut Session,
    text: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    warn(session, &mut None, text, None, out, err)?;
    match session.execute(text) {
        (Ok(output), elapsed) => {
            session.print(out, &output, elapsed, text)?;
            Ok(Status::Ok)
        }
        (Err(e), _) => session.report(out, err, &e, "<query>", text),
    }
}

/// `meridian run FILE...`: every file in order; `-` is standard input. Stops at the first
/// failure unless `keep_going`.
pub(crate) fn run_files(
    session: &mut Session,
    files: &[PathBuf],
    keep_going: bool,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Status> {
    let mut runner = Runner { session, keep_going, printed: false, catalog: None };
    let mut worst = Status::Ok;
    for file in files {
        let status = if file.as_os_str() == "-" {
            runner.run_stream("<stdin>", stdin, out, err)?
        } else {
            match std::fs::read_to_string(file) {
                Ok(text) => {
                    let name = file.display().to_string();
                    runner.run_stream(&name, &mut io::Cursor::new(text), out, err)?
                }
                Err(e) => {
                    out.flush()?;
                    let _ = writeln!(err, "error: cannot read {}: {e}", file.display());
                    Status::Fatal
                }
            }
        };
        worst = worst.max(status);
        if status != Status::Ok && !keep_going {
            break;
        }
    }
    if runner.session.engine.in_transaction() {
        // Uncommitted work must never look committed: discard it loudly.
        let _ = runner.session.engine.rollback_transaction();
        out.flush()?;
        let _ =
            writeln!(err, "warning: the open transaction was not committed (no :commit); its changes are discarded");
        worst = worst.max(Status::QueryError);
    }
    Ok(worst)
}

/// A `:command` line of batch input, if `line` is one: its name (without a trailing `;`).
fn meta_line(line: &str) -> Option<&str> {
    let t = line.trim();
    let t = t.strip_suffix(';').unwrap_or(t).trim_end();
    t.starts_with(':').then_some(t)
}

/// True when `text` (input since the last statement ended) holds only blank lines and
/// `//` comments, so that a `:command` line there stands between statements. Block
/// comments are not looked into: a `:` line after one is read as Cypher.
fn only_line_comments(text: &str) -> bool {
    // `done` stops before the last statement's `;`.
    text.trim_start().trim_start_matches(';').lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with("//")
    })
}

struct Runner<'s> {
    session: &'s mut Session,
    keep_going: bool,
    /// Something was printed already: the next table result is set off by a blank line.
    printed: bool,
    /// The graph's names for the warnings, dropped when a statement changes the graph.
    catalog: Option<Catalog>,
}

impl Runner<'_> {
    /// Read `input` line by line and run each statement as soon as its `;` has been read
    /// (a statement left unterminated at the end of input runs too).
    ///
    /// Only the text from the line where the first unfinished statement starts is kept,
    /// so memory stays bounded by the longest statement; `line_base` counts the lines
    /// dropped before it so that errors still point at the right line of the input.
    fn run_stream(
        &mut self,
        name: &str,
        input: &mut dyn BufRead,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Status> {
        let mut pending = String::new();
        let mut line_base = 0;
        // Statements of `pending` that start before `done` have run already.
        let mut done = 0;
        let mut index = 0;
        let mut worst = Status::Ok;
        loop {
            let before = pending.len();
            let eof = match input.read_line(&mut pending) {
                Ok(n) => n == 0,
                Err(e) => {
                    out.flush()?;
                    let _ = writeln!(err, "error: cannot read {name}: {e}");
                    return Ok(worst.max(Status::Fatal));
                }
            };
            // A `:command` line between statements (never inside one).
            if !eof
                && let Some(name) = meta_line(&pending[before..])
                && only_line_comments(pending.get(done..before).unwrap_or_default())
            {
                let name = name.to_string();
                let line = line_base + pending[..before].matches('\n').count() + 1;
                // Keep a blank line in its place so later line numbers stay right.
                pending.truncate(before);
                pending.push('\n');
                let status = self.run_meta(name.as_str(), line, out, err)?;
                worst = worst.max(status);
                if status != Status::Ok && !self.keep_going {
                    return Ok(worst);
                }
                continue;
            }
            // A statement can only be finished by a `;` or by the end of input.
            if !eof && !pending[before..].contains(';') {
                continue;
            }
            let statements = split_statements(&pending);
            let mut next = None;
            let already_run = done;
            for st in statements.iter().filter(|st| st.offset >= already_run) {
                if !st.complete && !eof {
                    next = Some(st.offset);
                    break;
                }
                index += 1;
                done = st.offset + st.text.len();
                let status = self.run_one(name, index, &pending, line_base, st, out, err)?;
                worst = worst.max(status);
                if status != Status::Ok && !self.keep_going {
                    return Ok(worst);
                }
            }
            if eof {
                return Ok(worst);
            }
            // Drop whole lines up to the unfinished statement (or the last one run).
            let keep = next.unwrap_or(done).min(pending.len());
            let cut = pending[..keep].rfind('\n').map_or(0, |i| i + 1);
            line_base += pending[..cut].matches('\n').count();
            pending.drain(..cut);
            done = done.saturating_sub(cut);
        }
    }

    /// Run a `:begin`, `:commit` or `:rollback` line (`line` is its line number). In
    /// table format the outcome is printed like a statement's result (for `:commit`,
    /// the acknowledgement that the transaction is durable); other formats print
    /// nothing on standard output, so that it stays machine-readable.
    fn run_meta(&mut self, name: &str, line: usize, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Status> {
        let engine = &mut self.session.engine;
        let (result, done) = match name {
            ":begin" => (engine.begin_transaction(), "transaction open"),
            ":commit" => (engine.commit_transaction(), "transaction committed"),
            ":rollback" => (engine.rollback_transaction(), "transaction rolled back"),
            _ => {
                out.flush()?;
                let _ = writeln!(
                    err,
                    "error: line {line}: `{name}` is not a batch command (batch input accepts :begin, :commit and :rollback)"
                );
                return Ok(Status::QueryError);
            }
        };
        match result {
            Ok(()) => {
                if self.session.format == Format::Table {
                    if self.printed {
                        out.write_all(b"\n")?;
                    }
                    writeln!(out, "-- {name} (line {line})")?;
                    writeln!(out, "{done}")?;
                    out.flush()?;
                    self.printed = true;
                }
                Ok(Status::Ok)
            }
            Err(e) => {
                out.flush()?;
                let _ = writeln!(err, "error: line {line}: {name}: {}", e.message);
                Ok(if e.is_query_error() { Status::QueryError } else { Status::Fatal })
            }
        }
    }

    /// Run statement number `index`, whose text lies in `pending` (the input from line
    /// `line_base + 1` on), and print its result or error.
    #[allow(clippy::too_many_arguments)]
    fn run_one(
        &mut self,
        name: &str,
        index: usize,
        pending: &str,
        line_base: usize,
        st: &crate::syntax::StatementText<'_>,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Status> {
        let table = self.session.format == Format::Table;
        let start = st.offset + crate::syntax::leading_trivia_len(st.text);
        let line = line_base + crate::error::line_col(pending, start).0;
        warn(self.session, &mut self.catalog, st.text, Some(&format!("{name}:{line}")), out, err)?;
        let result = self.session.execute(st.text);
        if result.0.as_ref().is_ok_and(|o| !o.stats.is_empty()) {
            self.catalog = None;
        }
        match result {
            (Ok(output), elapsed) => {
                if table {
                    if self.printed {
                        out.write_all(b"\n")?;
                    }
                    writeln!(out, "-- statement {index} (line {line})")?;
                }
                self.printed = true;
                self.session.print(out, &output, elapsed, st.text)?;
                Ok(Status::Ok)
            }
            (Err(e), _) => {
                if table && self.printed {
                    out.flush()?;
                    let _ = err.write_all(b"\n");
                }
                self.printed = true;
                // Render against the input as a whole: blank lines stand in for the
                // lines already dropped, so line numbers are those of the file.
                let source = format!("{}{pending}", "\n".repeat(line_base));
                let e = e.shifted(line_base + st.offset);
                self.session.report(out, err, &e, name, &source)
            }
        }
    }
}
