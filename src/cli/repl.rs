//! The interactive shell: rustyline input with persistent history (Ctrl-R searches it),
//! statements ended by `;` that may span lines under a continuation prompt, completion
//! and highlighting from the graph's schema, `:` meta-commands, results fitted to the
//! terminal and paged when tall, and Ctrl-C that abandons the input being typed or
//! cancels the running query without leaving. Errors, even a panic inside the engine,
//! are reported and the session goes on.
//!
//! The loop reads through the `LineSource` trait so tests can drive it with scripted
//! lines; completion, highlighting, meta-command parsing and formatting live in their
//! own modules, and this one only sequences them.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};

use super::complete::Catalog;
use super::meta::{self, Meta};
use super::picture::Picture;
use super::{Format, Session, Status, output, pager};
use crate::QueryOutput;
use crate::syntax::split_statements;

const PROMPT: &str = "meridian> ";
const CONTINUATION: &str = "     ...> ";
/// Inside `:begin`: the user must see that nothing is committed yet.
const PROMPT_TX: &str = "meridian(tx)> ";
/// `:source` may run a file that sources another; this bounds the chain.
const MAX_SOURCE_DEPTH: usize = 8;

/// What Ctrl-C means right now, shared with the signal handler.
const IDLE: u8 = 0;
const RUNNING: u8 = 1;
const CANCELLING: u8 = 2;

/// One answer of a line source.
pub(crate) enum Read {
    Line(String),
    /// Ctrl-C while typing.
    Interrupted,
    /// Ctrl-D or the end of the input.
    Eof,
}

/// Where the shell gets its lines and keeps its history: the line editor on a terminal,
/// a script in tests.
pub(crate) trait LineSource {
    fn read_line(&mut self, prompt: &str) -> io::Result<Read>;
    /// Record an entry (a whole statement or a meta-command) in the history; an error
    /// is a message for the user, and the session goes on.
    fn add_history(&mut self, entry: &str) -> Result<(), String>;
    fn history(&self) -> Vec<String>;
    /// (columns, rows) of the terminal results are shown on, if they go to one.
    fn terminal_size(&mut self) -> Option<(usize, usize)>;
}

/// Run the shell until `:quit` or Ctrl-D. Returns Ok(Status::Ok) on a normal exit; a
/// failing statement does not change the exit status of an interactive session.
pub(crate) fn run(session: Session, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Status> {
    let colour = io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    let mut session = session;
    // A result of a million rows would flood the terminal: the shell prints the first
    // 1000 unless --max-rows says otherwise.
    session.max_rows = session.max_rows.or(Some(1000));
    let mut shell = Shell::new(session, io::stdout().is_terminal());
    let helper = ShellHelper {
        catalog: Rc::clone(&shell.catalog),
        pending: Rc::clone(&shell.pending),
        colour,
        show_bracket: Cell::new(false),
    };
    let config = rustyline::Config::builder()
        .auto_add_history(false)
        .history_ignore_dups(true)
        .map_err(|e| io::Error::other(e.to_string()))?
        .max_history_size(10_000)
        .map_err(|e| io::Error::other(e.to_string()))?
        .completion_type(rustyline::CompletionType::List)
        .build();
    let mut editor = match Editor::<ShellHelper, DefaultHistory>::with_config(config) {
        Ok(editor) => editor,
        Err(e) => {
            let _ = writeln!(err, "error: cannot start the line editor: {e}");
            return Ok(Status::Fatal);
        }
    };
    editor.set_helper(Some(helper));
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is normal on the first run.
        let _ = editor.load_history(path);
    }
    let mut source = EditorSource { editor, path: history };

    // While a query runs the terminal is in cooked mode and Ctrl-C arrives as SIGINT:
    // the handler cancels the query. A second Ctrl-C while the cancellation is pending
    // means the engine is not listening; leave rather than hang.
    {
        let state = Arc::clone(&shell.state);
        let cancel = shell.session.engine.cancel_handle();
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
    shell.run_loop(&mut source, out, err)
}

/// The shell's state between lines.
pub(crate) struct Shell {
    pub(crate) session: Session,
    /// Names for completion, refreshed after statements that change the graph.
    catalog: Rc<RefCell<Catalog>>,
    /// The lines of the unfinished statement, shared with completion.
    pending: Rc<RefCell<String>>,
    /// `:explain` / `:profile`: the prefix put before each statement.
    mode: Option<&'static str>,
    pager: bool,
    /// Statements that succeeded, for `:save`.
    executed: Vec<String>,
    state: Arc<AtomicU8>,
    /// Results go to a terminal: fit them to its width, page them.
    terminal: bool,
    /// The last result that held nodes or relationships, and its statement, for `:view`.
    last: Option<(QueryOutput, String)>,
    /// How many pictures `:view` has written to the temporary folder.
    views: usize,
}

enum Flow {
    Continue,
    Quit,
}

impl Shell {
    pub(crate) fn new(mut session: Session, terminal: bool) -> Shell {
        // In the shell, times are shown unless `:timing off`.
        session.timing = true;
        let catalog = Rc::new(RefCell::new(catalog_of(&session)));
        Shell {
            session,
            catalog,
            pending: Rc::new(RefCell::new(String::new())),
            mode: None,
            pager: true,
            executed: Vec::new(),
            state: Arc::new(AtomicU8::new(IDLE)),
            terminal,
            last: None,
            views: 0,
        }
    }

    /// Read and handle lines until `:quit` or the end of input.
    pub(crate) fn run_loop(
        &mut self,
        source: &mut dyn LineSource,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Status> {
        loop {
            let prompt = match (self.pending.borrow().is_empty(), self.session.engine.in_transaction()) {
                (true, false) => PROMPT,
                (true, true) => PROMPT_TX,
                (false, _) => CONTINUATION,
            };
            let line = match source.read_line(prompt) {
                Ok(Read::Line(line)) => line,
                Ok(Read::Interrupted) => {
                    self.pending.borrow_mut().clear();
                    continue;
                }
                Ok(Read::Eof) => break,
                Err(e) => {
                    let _ = writeln!(err, "error: cannot read input: {e}");
                    return Ok(Status::Fatal);
                }
            };
            if let Flow::Quit = self.feed_line(&line, "<repl>", Some(source), 0, out, err)? {
                break;
            }
        }
        if self.session.engine.in_transaction() {
            let _ = self.session.engine.rollback_transaction();
            let _ = writeln!(err, "warning: the open transaction was not committed; its changes are discarded");
        }
        Ok(Status::Ok)
    }

    /// Handle one line typed (or read by `:source`): a meta-command on a fresh prompt,
    /// else more of the statement, run once its `;` arrives.
    fn feed_line(
        &mut self,
        line: &str,
        name: &str,
        mut source: Option<&mut dyn LineSource>,
        depth: usize,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Flow> {
        if self.pending.borrow().is_empty() && line.trim_start().starts_with(':') {
            if let Some(src) = source.as_deref_mut() {
                remember(src, line.trim(), err);
            }
            let flow = self.meta_command(line.trim(), source, depth, out, err);
            out.flush()?;
            return flow;
        }
        {
            let mut pending = self.pending.borrow_mut();
            pending.push_str(line);
            pending.push('\n');
        }
        if line.contains(';') {
            let input = self.pending.borrow().clone();
            let rest = self.run_statements(&input, name, false, out, err)?;
            // History keeps whole statements, however many lines they took to type.
            let finished = input.get(..rest).unwrap_or(&input).trim();
            if let Some(src) = source.filter(|_| !finished.is_empty()) {
                remember(src, finished, err);
            }
            *self.pending.borrow_mut() = input.get(rest..).unwrap_or_default().to_string();
        }
        Ok(Flow::Continue)
    }

    /// Run the complete statements of `input` (and the unfinished last one too when
    /// `all`), printing each result or error. Returns the offset of the unfinished part.
    fn run_statements(
        &mut self,
        input: &str,
        name: &str,
        all: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<usize> {
        for st in split_statements(input) {
            if !st.complete && !all {
                return Ok(st.offset);
            }
            if st.text.trim().is_empty() {
                continue;
            }
            let text = self.with_mode(st.text);
            if name == "<repl>" {
                out.flush()?;
                for note in super::hints::check(&self.catalog.borrow(), st.text) {
                    let _ = writeln!(err, "{note}");
                }
            }
            self.state.store(RUNNING, Ordering::SeqCst);
            let (result, elapsed) = self.session.execute(&text);
            self.state.store(IDLE, Ordering::SeqCst);
            match result {
                Ok(output) => {
                    self.executed.push(st.text.trim().to_string());
                    if !output.stats.is_empty() {
                        self.refresh_catalog();
                    }
                    self.print(&output, elapsed, st.text, out)?;
                    if !output.nodes.is_empty() || !output.rels.is_empty() {
                        self.last = Some((output, st.text.trim().to_string()));
                    }
                }
                Err(e) => {
                    self.session.report(out, err, &e, name, &text)?;
                }
            }
        }
        Ok(input.len())
    }

    /// The statement with the `EXPLAIN`/`PROFILE` prefix of `:explain`/`:profile`,
    /// unless it has one already.
    fn with_mode<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let first = text.split_whitespace().next().unwrap_or("");
        match self.mode {
            Some(prefix) if !first.eq_ignore_ascii_case("EXPLAIN") && !first.eq_ignore_ascii_case("PROFILE") => {
                Cow::Owned(format!("{prefix} {}", text.trim_start()))
            }
            _ => Cow::Borrowed(text),
        }
    }

    /// Print a result fitted to the terminal's width, through the pager when it is
    /// taller than the terminal.
    fn print(
        &mut self,
        output: &QueryOutput,
        elapsed: Duration,
        statement: &str,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let size = self.size();
        let width = self.session.max_width.or(size.map(|(w, _)| w));
        let mut buf = Vec::new();
        self.session.render(&mut buf, output, elapsed, width, statement)?;
        // JSON is for programs, which want no pager in the way.
        self.show(&buf, size.filter(|_| self.session.format != Format::Json), out)
    }

    /// Write `text`, through the pager when it is taller than the terminal of `size`.
    fn show(&self, text: &[u8], size: Option<(usize, usize)>, out: &mut dyn Write) -> io::Result<()> {
        let tall = size.is_some_and(|(_, rows)| pager::is_tall(text, rows));
        if self.pager && tall {
            out.flush()?;
            if pager::page(text) {
                return Ok(());
            }
        }
        out.write_all(text)?;
        out.flush()
    }

    /// The terminal's size when results go to one.
    fn size(&self) -> Option<(usize, usize)> {
        if self.terminal { terminal_size() } else { None }
    }

    fn refresh_catalog(&self) {
        *self.catalog.borrow_mut() = catalog_of(&self.session);
    }

    fn meta_command(
        &mut self,
        line: &str,
        source: Option<&mut dyn LineSource>,
        depth: usize,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Flow> {
        let mut fail = |out: &mut dyn Write, message: &str| -> io::Result<Flow> {
            out.flush()?;
            let _ = writeln!(err, "error: {message}");
            Ok(Flow::Continue)
        };
        match meta::parse(line) {
            Meta::Quit => return Ok(Flow::Quit),
            Meta::Help => meta::write_help(out)?,
            Meta::Schema => {
                let mut buf = Vec::new();
                meta::write_schema(&self.session.engine.schema_details(), &mut buf)?;
                self.show(&buf, self.size(), out)?;
            }
            Meta::SchemaPicture { svg, path } => {
                let picture = Picture::of_schema(&self.session.engine.schema_details());
                return self.picture(&picture, "the graph's schema", svg, path, out, err);
            }
            Meta::View(path) => {
                let Some((output, statement)) = self.last.take() else {
                    return fail(
                        out,
                        "no result with nodes or relationships to draw yet; run a query that returns some",
                    );
                };
                let picture = self.session.picture_of(&output);
                let svg = !path.as_ref().is_some_and(|p| p.extension().is_some_and(|x| x == "dot"));
                let flow = self.picture(&picture, &statement, svg, path, out, err);
                self.last = Some((output, statement));
                return flow;
            }
            Meta::Param { name, value } => {
                let mut messages = Vec::new();
                match super::eval_param(&name, &value, &mut messages) {
                    Ok(v) => {
                        writeln!(out, "${name} => {}", v.display(&QueryOutput::default()))?;
                        self.session.params.insert(name, v);
                        self.refresh_catalog();
                    }
                    Err(_) => {
                        out.flush()?;
                        let _ = err.write_all(&messages);
                    }
                }
            }
            Meta::Params => {
                if self.session.params.is_empty() {
                    writeln!(out, "(no parameters)")?;
                }
                for (name, value) in &self.session.params {
                    writeln!(out, ":param {name} => {}", value.display(&QueryOutput::default()))?;
                }
            }
            Meta::ClearParams => {
                self.session.params.clear();
                self.refresh_catalog();
            }
            Meta::Format(format) => self.session.format = format,
            Meta::Timing(on) => self.session.timing = on,
            Meta::Pager(on) => self.pager = on,
            Meta::Explain(state) => self.toggle("EXPLAIN", state, out)?,
            Meta::Profile(state) => self.toggle("PROFILE", state, out)?,
            Meta::History => match source {
                Some(src) => {
                    let mut buf = Vec::new();
                    for (i, entry) in src.history().iter().enumerate() {
                        let mut lines = entry.lines();
                        writeln!(buf, "{:>5}  {}", i + 1, lines.next().unwrap_or(""))?;
                        for more in lines {
                            writeln!(buf, "       {more}")?;
                        }
                    }
                    self.show(&buf, self.size(), out)?;
                }
                None => return fail(out, ":history only works at the prompt"),
            },
            Meta::Source(path) => {
                if depth >= MAX_SOURCE_DEPTH {
                    return fail(out, &format!(":source nests deeper than {MAX_SOURCE_DEPTH} files"));
                }
                match std::fs::read_to_string(&path) {
                    Ok(text) => return self.source_file(&path, &text, depth + 1, out, err),
                    Err(e) => return fail(out, &format!("cannot read {}: {e}", path.display())),
                }
            }
            Meta::Load(path) => match std::fs::read_to_string(&path) {
                Ok(text) => self.load_file(&path, &text, out, err)?,
                Err(e) => return fail(out, &format!("cannot read {}: {e}", path.display())),
            },
            Meta::Save(path) => {
                let mut script = String::new();
                for st in &self.executed {
                    script.push_str(st);
                    script.push_str(";\n");
                }
                match std::fs::write(&path, script) {
                    Ok(()) => writeln!(out, "Saved {} statements to {}", self.executed.len(), path.display())?,
                    Err(e) => return fail(out, &format!("cannot write {}: {e}", path.display())),
                }
            }
            Meta::Invalid(message) => return fail(out, &message),
            Meta::Other(name, arg) => return self.other_command(&name, &arg, out, err),
        }
        Ok(Flow::Continue)
    }

    /// Write a picture as SVG (or DOT) to `path`, or to a new file in the temporary
    /// folder, and say where; on a terminal with a browser at hand, open it.
    fn picture(
        &mut self,
        picture: &Picture,
        caption: &str,
        svg: bool,
        path: Option<PathBuf>,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Flow> {
        let path = path.unwrap_or_else(|| {
            self.views += 1;
            let extension = if svg { "svg" } else { "dot" };
            std::env::temp_dir().join(format!("meridian-{}-{}.{extension}", std::process::id(), self.views))
        });
        let mut text = Vec::new();
        self.session.write_picture(&mut text, picture, caption, svg)?;
        if let Err(e) = std::fs::write(&path, &text) {
            out.flush()?;
            let _ = writeln!(err, "error: cannot write {}: {e}", path.display());
            return Ok(Flow::Continue);
        }
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let (n, r) = (plural(picture.nodes.len(), "node"), plural(picture.edges.len(), "relationship"));
        write!(out, "Wrote {} ({n}, {r})", path.display())?;
        match self.terminal.then(|| open_viewer(&path)).flatten() {
            Some(viewer) => writeln!(out, "; opened with {viewer}")?,
            None => writeln!(out)?,
        }
        Ok(Flow::Continue)
    }

    /// Meta-commands that the table in `meta` does not know.
    fn other_command(&mut self, name: &str, _arg: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Flow> {
        let engine = &mut self.session.engine;
        let (result, done) = match name {
            ":begin" => (engine.begin_transaction(), "transaction open"),
            ":commit" => (engine.commit_transaction(), "transaction committed"),
            ":rollback" => (engine.rollback_transaction(), "transaction rolled back"),
            _ => {
                out.flush()?;
                let _ = writeln!(err, "error: unknown command `{name}`; :help lists them");
                return Ok(Flow::Continue);
            }
        };
        match result {
            Ok(()) => writeln!(out, "{done}")?,
            Err(e) => {
                out.flush()?;
                let _ = writeln!(err, "error: {}", e.message);
            }
        }
        Ok(Flow::Continue)
    }

    fn toggle(&mut self, prefix: &'static str, state: Option<bool>, out: &mut dyn Write) -> io::Result<()> {
        let on = state.unwrap_or(self.mode != Some(prefix));
        self.mode = if on {
            Some(prefix)
        } else if self.mode == Some(prefix) {
            None
        } else {
            self.mode
        };
        let what = match self.mode {
            Some(p) => format!("{p} mode on: statements are run as `{p} ...`"),
            None => "EXPLAIN and PROFILE modes off".to_string(),
        };
        writeln!(out, "{what}")
    }

    /// `:source FILE`: every line as if typed (meta-commands included), then whatever
    /// statement the file leaves unfinished.
    fn source_file(
        &mut self,
        path: &Path,
        text: &str,
        depth: usize,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> io::Result<Flow> {
        // The statement being typed at the prompt is set aside while the file runs.
        let typed = std::mem::take(&mut *self.pending.borrow_mut());
        let name = path.display().to_string();
        let mut flow = Flow::Continue;
        for line in text.lines() {
            if let Flow::Quit = self.feed_line(line, &name, None, depth, out, err)? {
                flow = Flow::Quit;
                break;
            }
        }
        let rest = std::mem::take(&mut *self.pending.borrow_mut());
        if !rest.trim().is_empty() {
            self.run_statements(&rest, &name, true, out, err)?;
        }
        *self.pending.borrow_mut() = typed;
        Ok(flow)
    }

    /// `:load FILE`: the statements of FILE without their results, stopping at the first
    /// error (rendered against the file), then one line summing up what changed.
    fn load_file(&mut self, path: &Path, text: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<()> {
        let start = Instant::now();
        let mut total = crate::Stats::default();
        let mut count = 0;
        for st in split_statements(text) {
            if st.text.trim().is_empty() {
                continue;
            }
            self.state.store(RUNNING, Ordering::SeqCst);
            let (result, _) = self.session.execute(st.text);
            self.state.store(IDLE, Ordering::SeqCst);
            match result {
                Ok(output) => {
                    count += 1;
                    total = total + output.stats;
                }
                Err(e) => {
                    let e = e.shifted(st.offset);
                    self.session.report(out, err, &e, &path.display().to_string(), text)?;
                    let _ = writeln!(err, "{count} statements of {} ran before the error", path.display());
                    break;
                }
            }
        }
        self.refresh_catalog();
        let changes = output::stats_line(&total).unwrap_or_else(|| "no changes".into());
        let time = output::format_duration(start.elapsed());
        writeln!(out, "Loaded {}: {count} statements. {changes} ({time})", path.display())
    }
}

fn remember(source: &mut dyn LineSource, entry: &str, err: &mut dyn Write) {
    if let Err(message) = source.add_history(entry) {
        let _ = writeln!(err, "warning: {message}");
    }
}

/// Open `path` in `$BROWSER`, else with xdg-open when there is a display to show it on.
/// Returns the program used. The viewer runs on its own; the shell does not wait.
fn open_viewer(path: &Path) -> Option<String> {
    let non_empty = |var| std::env::var(var).ok().filter(|v| !v.trim().is_empty());
    let display = non_empty("DISPLAY").or_else(|| non_empty("WAYLAND_DISPLAY")).is_some();
    let program = non_empty("BROWSER").or_else(|| display.then(|| "xdg-open".to_string()))?;
    let child = std::process::Command::new(&program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    // Reap the viewer when it exits, without holding up the shell.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Some(program)
}

fn catalog_of(session: &Session) -> Catalog {
    session.catalog()
}

/// The size of the terminal on standard output, from `COLUMNS`/`LINES` when the
/// terminal's own answer is not available through the editor.
fn terminal_size() -> Option<(usize, usize)> {
    let var = |name| std::env::var(name).ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|n| *n > 0);
    TERMINAL_SIZE.with(|s| s.get()).or_else(|| Some((var("COLUMNS")?, var("LINES")?)))
}

thread_local! {
    /// The size the editor reported at the last prompt.
    static TERMINAL_SIZE: Cell<Option<(usize, usize)>> = const { Cell::new(None) };
}

/// The line editor as a line source, saving each history entry as it is added.
struct EditorSource {
    editor: Editor<ShellHelper, DefaultHistory>,
    path: Option<PathBuf>,
}

impl LineSource for EditorSource {
    fn read_line(&mut self, prompt: &str) -> io::Result<Read> {
        let size = self.terminal_size();
        TERMINAL_SIZE.with(|s| s.set(size));
        match self.editor.readline(prompt) {
            Ok(line) => Ok(Read::Line(line)),
            Err(ReadlineError::Interrupted) => Ok(Read::Interrupted),
            Err(ReadlineError::Eof) => Ok(Read::Eof),
            Err(ReadlineError::Io(e)) => Err(e),
            Err(e) => Err(io::Error::other(e.to_string())),
        }
    }

    fn add_history(&mut self, entry: &str) -> Result<(), String> {
        let _ = self.editor.add_history_entry(entry);
        let Some(path) = &self.path else { return Ok(()) };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        // Appending keeps entries of other sessions running at the same time.
        self.editor.append_history(path).map_err(|e| format!("cannot save history to {}: {e}", path.display()))
    }

    fn history(&self) -> Vec<String> {
        self.editor.history().iter().cloned().collect()
    }

    fn terminal_size(&mut self) -> Option<(usize, usize)> {
        self.editor.dimensions().map(|(w, h)| (usize::from(w), usize::from(h)))
    }
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

/// Completion and highlighting for the line editor.
struct ShellHelper {
    catalog: Rc<RefCell<Catalog>>,
    pending: Rc<RefCell<String>>,
    colour: bool,
    /// Set while typing, cleared for the final refresh when Enter is pressed.
    show_bracket: Cell<bool>,
}

impl Completer for ShellHelper {
    type Candidate = String;

    fn complete(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(super::complete::complete(&self.catalog.borrow(), &self.pending.borrow(), line, pos))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Validator for ShellHelper {}

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        let meta = self.pending.borrow().is_empty() && line.trim_start().starts_with(':');
        if !self.colour || meta {
            return Cow::Borrowed(line);
        }
        Cow::Owned(super::highlight::highlight(line, self.show_bracket.get().then_some(pos)))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.show_bracket.set(kind != CmdKind::ForcedRefresh);
        self.colour
    }
}

impl Helper for ShellHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    /// Lines typed by a test, and what the shell records.
    struct Script {
        lines: VecDeque<Read>,
        history: Vec<String>,
    }

    impl LineSource for Script {
        fn read_line(&mut self, _prompt: &str) -> io::Result<Read> {
            Ok(self.lines.pop_front().unwrap_or(Read::Eof))
        }
        fn add_history(&mut self, entry: &str) -> Result<(), String> {
            self.history.push(entry.to_string());
            Ok(())
        }
        fn history(&self) -> Vec<String> {
            self.history.clone()
        }
        fn terminal_size(&mut self) -> Option<(usize, usize)> {
            None
        }
    }

    fn session(args: &[&str]) -> Session {
        let mut argv = vec!["meridian"];
        argv.extend(args);
        let cli = super::super::parse_args(argv);
        let options = match cli {
            Ok(cli) => cli.options,
            Err(e) => panic!("{e}"),
        };
        match Session::open(&options, &mut Vec::new()) {
            Ok(s) => s,
            Err(_) => panic!("cannot open the session"),
        }
    }

    /// Run the lines (`^C` stands for Ctrl-C) and return (stdout, stderr, history).
    fn drive(args: &[&str], lines: &[&str]) -> (String, String, Vec<String>) {
        let mut shell = Shell::new(session(args), false);
        shell.session.timing = false;
        let lines =
            lines.iter().map(|l| if *l == "^C" { Read::Interrupted } else { Read::Line(l.to_string()) }).collect();
        let mut script = Script { lines, history: Vec::new() };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = shell.run_loop(&mut script, &mut out, &mut err);
        assert!(matches!(status, Ok(Status::Ok)));
        (String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned(), script.history)
    }

    #[test]
    fn multi_line_statements_and_history() {
        let (out, err, history) =
            drive(&["--empty"], &["UNWIND [1, 2] AS x", "RETURN x", "  ORDER BY x DESC;", ":quit", "RETURN 9;"]);
        expect_test::expect![[r#"
            +---+
            | x |
            +---+
            | 2 |
            | 1 |
            +---+
            2 rows
        "#]]
        .assert_eq(&out);
        assert_eq!(err, "");
        assert_eq!(history, vec!["UNWIND [1, 2] AS x\nRETURN x\n  ORDER BY x DESC;", ":quit"]);
    }

    #[test]
    fn warns_about_unknown_names() {
        let (_, err, _) = drive(&["--empty"], &["CREATE (:Country);", "MATCH (c:Contry) RETURN c;"]);
        assert_eq!(err, "warning: no label :Contry in the graph; did you mean :Country?\n");
    }

    #[test]
    fn ctrl_c_abandons_the_statement_being_typed() {
        let (out, _, _) = drive(&["--empty"], &["RETURN", "^C", "RETURN 1 AS one;"]);
        assert!(out.contains("| one |"), "{out}");
    }

    #[test]
    fn parameters_formats_and_modes() {
        let (out, err, _) = drive(
            &["--empty"],
            &[
                ":param who => 'Ada'",
                ":param n => [1, 2]",
                ":params",
                ":format line",
                "RETURN $who AS who, $n AS n;",
                ":format markdown",
                "RETURN $who AS who;",
                ":clear-params",
                ":params",
                ":format csv",
                "RETURN 2 AS two;",
                ":param a-b => 2",
                ":param x => nope",
                ":nope",
            ],
        );
        expect_test::expect![[r#"
            $who => 'Ada'
            $n => [1, 2]
            :param n => [1, 2]
            :param who => 'Ada'
            who = 'Ada'
              n = [1, 2]

            1 row
            | who |
            | --- |
            | Ada |

            1 row
            (no parameters)
            two
            2
        "#]]
        .assert_eq(&out.replace('\r', ""));
        assert!(err.contains("error: `a-b` is not a parameter name"), "{err}");
        assert!(err.contains("--param x"), "{err}");
        assert!(err.contains("error: unknown command `:nope`"), "{err}");
    }

    #[test]
    fn explain_and_profile_modes() {
        let (out, _, _) = drive(
            &["--empty"],
            &[":explain", "RETURN 1 AS one;", ":profile", "RETURN 2 AS two;", ":profile", "RETURN 3 AS three;"],
        );
        // EXPLAIN shows a plan and no rows; PROFILE shows both; then neither.
        let parts: Vec<&str> = out.split(" mode").collect();
        assert!(out.contains("EXPLAIN mode on"), "{out}");
        assert!(!out.contains("| one |") && out.contains("| two |") && out.contains("| three |"), "{out}");
        assert!(out.contains("PROFILE mode on") && out.contains("modes off"), "{out}");
        assert!(parts.get(1).is_some_and(|p| p.contains("Argument")), "{out}");
    }

    #[test]
    fn source_save_and_load() {
        let dir = std::env::temp_dir().join(format!("meridian-repl-test-{}", std::process::id()));
        assert!(std::fs::create_dir_all(&dir).is_ok());
        let script = dir.join("setup.cypher");
        let saved = dir.join("saved.cypher");
        let text =
            ":param k => 5\nCREATE (:A {k: $k});\nMATCH (a:A)\nRETURN a.k AS k;\nRETURN 1 +;\nRETURN 'last' AS l";
        assert!(std::fs::write(&script, text).is_ok());
        let source = format!(":source {}", script.display());
        let save = format!(":save {}", saved.display());
        let load = format!(":load {}", saved.display());
        let (out, err, _) = drive(&["--empty"], &[&source, &save, &load, "MATCH (a:A) RETURN count(a) AS n;"]);
        assert!(out.contains("Nodes created: 1"), "{out}");
        assert!(out.contains("| 5 |"), "{out}");
        assert!(out.contains("| 'last' |"), "{out}");
        assert!(err.contains("setup.cypher"), "{err}");
        assert!(out.contains("Saved 3 statements"), "{out}");
        assert_eq!(
            std::fs::read_to_string(&saved).unwrap_or_default(),
            "CREATE (:A {k: $k});\nMATCH (a:A)\nRETURN a.k AS k;\nRETURN 'last' AS l;\n"
        );
        // The saved script uses $k, still set: loading it creates a second node.
        assert!(out.contains("statements. Nodes created: 1, properties set: 1"), "{out}");
        assert!(out.contains("| 2 |"), "{out}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn schema_and_history_commands() {
        let (out, _, _) = drive(&["--empty"], &["CREATE (:P {name: 'x'})-[:K]->(:P);", ":schema", ":history"]);
        assert!(out.contains("(:P)-[:K]->(:P)  1"), "{out}");
        assert!(out.contains("    1  CREATE (:P {name: 'x'})-[:K]->(:P);"), "{out}");
        assert!(out.contains("    2  :schema"), "{out}");
    }

    #[test]
    fn view_and_schema_pictures() {
        let dir = std::env::temp_dir().join(format!("meridian-repl-view-{}", std::process::id()));
        assert!(std::fs::create_dir_all(&dir).is_ok());
        let (view, dot, schema) = (dir.join("r.svg"), dir.join("r.dot"), dir.join("s.svg"));
        let lines = [
            ":view".to_string(),
            "RETURN 1 AS one;".to_string(),
            ":view".to_string(),
            "CREATE (:P {name: 'Ada'})-[:K]->(:P {name: 'Bob'});".to_string(),
            "MATCH ()-[k:K]->() RETURN k;".to_string(),
            "RETURN 2 AS two;".to_string(),
            format!(":view {}", view.display()),
            format!(":view {}", dot.display()),
            format!(":schema svg {}", schema.display()),
        ];
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let (out, err, _) = drive(&["--empty"], &lines);
        assert_eq!(err.matches("error: no result with nodes or relationships to draw yet").count(), 2, "{err}");
        assert!(out.contains(&format!("Wrote {} (2 nodes, 1 relationship)", view.display())), "{out}");
        assert!(out.contains(&format!("Wrote {} (1 node, 1 relationship)", schema.display())), "{out}");
        // The last result with entities is drawn, end nodes named from the graph.
        let svg = std::fs::read_to_string(&view).unwrap_or_default();
        assert!(svg.contains(">Ada</text>") && svg.contains(">Bob</text>"), "{svg}");
        assert!(svg.contains("MATCH ()-[k:K]-&gt;() RETURN k</title>"), "{svg}");
        let dot = std::fs::read_to_string(&dot).unwrap_or_default();
        assert!(dot.contains("n1 -> n2 [label=\"K\""), "{dot}");
        let schema = std::fs::read_to_string(&schema).unwrap_or_default();
        assert!(schema.contains(">:P</text>") && schema.contains(">:K (1)</text>"), "{schema}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn completion_sees_new_labels() {
        let mut shell = Shell::new(session(&["--empty"]), false);
        let mut script = Script { lines: [Read::Line("CREATE (:Zebra);".into())].into(), history: Vec::new() };
        assert!(shell.run_loop(&mut script, &mut Vec::new(), &mut Vec::new()).is_ok());
        let (_, names) = super::super::complete::complete(&shell.catalog.borrow(), "", "MATCH (z:Ze", 11);
        assert_eq!(names, vec!["Zebra"]);
    }
}
