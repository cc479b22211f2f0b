//! The interactive shell: rustyline input with persistent history, statements ended by
//! `;` that may span lines, `:` meta-commands, and Ctrl-C that abandons the input being
//! typed or cancels the running query without leaving. Errors, even a panic inside the
//! engine, are reported and the session goes on. Formatting belongs to `output`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

use super::{Session, Status};
use crate::syntax::split_statements;

const PROMPT: &str = "meridian> ";
const CONTINUATION: &str = "     ...> ";
/// Inside `:begin`: the user must see that nothing is committed yet.
const PROMPT_TX: &str = "meridian(tx)> ";

/// The meta-commands, with the one line `:help` shows for each.
const META_COMMANDS: &[(&str, &str)] = &[
    (":help", "list these commands"),
    (":schema", "labels, relationship types and property keys, with counts"),
    (":begin", "open a transaction: the next statements commit or roll back together"),
    (":commit", "commit the open transaction (durably, with --db)"),
    (":rollback", "undo everything since :begin"),
    (":quit", "leave the shell (Ctrl-D too)"),
    (":exit", "leave the shell"),
];

/// What Ctrl-C means right now, shared with the signal handler.
const IDLE: u8 = 0;
const RUNNING: u8 = 1;
const CANCELLING: u8 = 2;

/// Run the shell until `:quit` or Ctrl-D. Returns Ok(Status::Ok) on a normal exit; a
/// failing statement does not change the exit status of an interactive session.
pub(crate) fn run(mut session: Session, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Status> {
    let mut editor = match DefaultEditor::new() {
        Ok(editor) => editor,
        Err(e) => {
            let _ = writeln!(err, "error: cannot start the line editor: {e}");
            return Ok(Status::Fatal);
        }
    };
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is normal on the first run.
        let _ = editor.load_history(path);
    }

    // While a query runs the terminal is in cooked mode and Ctrl-C arrives as SIGINT:
    // the handler cancels the query. A second Ctrl-C while the cancellation is pending
    // means the engine is not listening; leave rather than hang.
    let state = Arc::new(AtomicU8::new(IDLE));
    {
        let state = Arc::clone(&state);
        let cancel = session.engine.cancel_handle();
        // The line editor installs its own SIGINT handler for raw mode; while a query runs
        // the terminal is in cooked mode and Ctrl-C must reach the cancel flag instead.
        let installed = ctrlc::set_handler(move || {
            match state.compare_exchange(RUNNING, CANCELLING, Ordering::SeqCst, Ordering::SeqCst) {
                Ok(_) => cancel.cancel(),
                Err(CANCELLING) => std::process::exit(130),
                Err(_) => {}
            }
        });
        if let Err(e) = installed {
            let _ = writeln!(err, "warning: Ctrl-C cannot cancel queries: {e}");
        }
    }

    writeln!(
        out,
        "meridian {} - a subset of openCypher. End statements with `;`, :help for help.",
        env!("CARGO_PKG_VERSION")
    )?;
    out.flush()?;

    let mut input = String::new();
    loop {
        let prompt = match (input.is_empty(), session.engine.in_transaction()) {
            (true, false) => PROMPT,
            (true, true) => PROMPT_TX,
            (false, _) => CONTINUATION,
        };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => {
                input.clear();
                continue;
            }
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                let _ = writeln!(err, "error: cannot read input: {e}");
                save_history(&mut editor, history.as_deref(), err);
                return Ok(Status::Fatal);
            }
        };
        if input.is_empty() && line.trim_start().starts_with(':') {
            let _ = editor.add_history_entry(line.trim());
            save_history(&mut editor, history.as_deref(), err);
            match meta_command(&mut session, line.trim(), out, err)? {
                Flow::Continue => continue,
                Flow::Quit => break,
            }
        }
        input.push_str(&line);
        input.push('\n');
        if !line.contains(';') {
            continue;
        }

        let statements = split_statements(&input);
        let mut rest = None;
        for st in &statements {
            if !st.complete {
                rest = Some(st.offset);
                break;
            }
            state.store(RUNNING, Ordering::SeqCst);
            let (result, elapsed) = session.execute(st.text);
            state.store(IDLE, Ordering::SeqCst);
            match result {
                Ok(output) => session.print(out, &output, elapsed)?,
                Err(e) => {
                    session.report(out, err, &e, "<repl>", st.text)?;
                }
            }
        }
        // History keeps whole statements, however many lines they took to type.
        let finished = match rest {
            Some(offset) => input.get(..offset).unwrap_or(&input),
            None => &input,
        };
        if !finished.trim().is_empty() {
            let _ = editor.add_history_entry(finished.trim());
            save_history(&mut editor, history.as_deref(), err);
        }
        input = match rest {
            Some(offset) => input.get(offset..).unwrap_or_default().to_string(),
            None => String::new(),
        };
    }
    save_history(&mut editor, history.as_deref(), err);
    discard_open_transaction(&mut session, err);
    Ok(Status::Ok)
}

/// Leaving with a transaction open: its changes were never committed, so they go.
fn discard_open_transaction(session: &mut Session, err: &mut dyn Write) {
    if session.engine.in_transaction() {
        let _ = session.engine.rollback_transaction();
        let _ = writeln!(err, "warning: the open transaction was not committed; its changes are discarded");
    }
}

enum Flow {
    Continue,
    Quit,
}

fn meta_command(session: &mut Session, command: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Flow> {
    match command {
        ":quit" | ":exit" => return Ok(Flow::Quit),
        ":help" => {
            writeln!(out, "Statements end with `;` and may span several lines.")?;
            for (name, help) in META_COMMANDS {
                writeln!(out, "  {name:<8}  {help}")?;
            }
            writeln!(out, "Ctrl-C abandons the current input or cancels the running query.")?;
        }
        ":schema" => write_schema(&session.engine.schema(), out)?,
        ":begin" | ":commit" | ":rollback" => {
            let engine = &mut session.engine;
            let (result, done) = match command {
                ":begin" => (engine.begin_transaction(), "transaction open"),
                ":commit" => (engine.commit_transaction(), "transaction committed"),
                _ => (engine.rollback_transaction(), "transaction rolled back"),
            };
            match result {
                Ok(()) => writeln!(out, "{done}")?,
                Err(e) => {
                    out.flush()?;
                    let _ = writeln!(err, "error: {}", e.message);
                }
            }
        }
        _ => {
            out.flush()?;
            let _ = writeln!(err, "error: unknown command `{command}`; :help lists them");
        }
    }
    out.flush()?;
    Ok(Flow::Continue)
}

/// `:schema`: three sections of names with right-aligned counts.
pub(crate) fn write_schema(schema: &crate::Schema, out: &mut dyn Write) -> io::Result<()> {
    let sections = [
        ("Labels", &schema.labels),
        ("Relationship types", &schema.rel_types),
        ("Property keys", &schema.property_keys),
    ];
    for (title, entries) in sections {
        writeln!(out, "{title}:")?;
        if entries.is_empty() {
            writeln!(out, "  (none)")?;
        }
        let name_width = entries.iter().map(|(n, _)| n.chars().count()).max();
        let count_width = entries.iter().map(|(_, c)| c.to_string().len()).max();
        for (name, count) in entries.iter() {
            let (nw, cw) = (name_width.unwrap_or(0), count_width.unwrap_or(0));
            writeln!(out, "  {name:<nw$}  {count:>cw$}")?;
        }
    }
    Ok(())
}

/// `$XDG_DATA_HOME/meridian/history`, else `~/.local/share/meridian/history`; None when
/// neither variable is set (history then lasts for the session only).
fn history_path() -> Option<PathBuf> {
    let non_empty = |var| std::env::var_os(var).filter(|v| !v.is_empty());
    let data = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("meridian").join("history"))
}

fn save_history(editor: &mut DefaultEditor, path: Option<&std::path::Path>, err: &mut dyn Write) {
    let Some(path) = path else { return };
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    // Appending keeps entries of other sessions running at the same time.
    if let Err(e) = editor.append_history(path) {
        let _ = writeln!(err, "warning: cannot save history to {}: {e}", path.display());
    }
}
