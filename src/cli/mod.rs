//! The `meridian` command line: argument parsing (clap derive; the doc comments below are
//! the `--help` text), opening the graph, the query session shared by the REPL and the
//! batch runner, and the exit status contract (0 ok, 1 query error, 2 usage, IO or
//! internal error; a closed stdout exits 0). It uses only the crate's public API and must
//! not reach into the engine's modules.

mod batch;
mod complete;
mod format_text;
mod highlight;
mod hints;
mod meta;
pub mod output;
mod pager;
mod picture;
mod repl;
mod tokens;

use std::ffi::OsString;
use std::io::{self, BufRead, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::{Engine, Error, ImportEvent, Params, QueryOutput, Value};
pub use output::Format;

/// Query a knowledge graph with a subset of openCypher.
///
/// Without a command, meridian opens an interactive shell on the graph when standard
/// input is a terminal, and otherwise runs the statements read from standard input
/// (like `meridian run -`).
///
/// Exit status: 0 on success, 1 when a query fails, 2 on a usage, IO or internal error.
#[derive(Debug, Parser)]
#[command(name = "meridian", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub options: Options,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the `;`-separated statements of each FILE in order and print each result.
    ///
    /// `-` reads standard input and runs each statement as soon as its `;` arrives, so a
    /// pipe can drive meridian. Stops at the first failing statement (exit status 1)
    /// unless --keep-going is given.
    Run {
        /// Go on after a failing statement; the exit status still reports the failure.
        #[arg(long)]
        keep_going: bool,
        /// Files of statements, `-` for standard input.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Run one statement given on the command line and print its result.
    Query {
        /// The statement, for example 'MATCH (n) RETURN count(n)'.
        #[arg(value_name = "TEXT")]
        text: String,
    },
    /// Write the whole graph (of --db, --graph or the shipped one) as a Cypher script
    /// (--format cypher, the default), JSON Lines (--format jsonl) or neo4j-admin CSV
    /// files (--format csv, into the folder --output). The text does not depend on
    /// internal ids: exporting the same graph twice gives the same text.
    Export {
        /// The file (cypher, jsonl; standard output without it) or folder (csv) to write.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Create the database --db DIR (which must not exist yet, or be empty) from CSV
    /// files in the neo4j-admin header convention (see README). All or nothing unless
    /// --skip-bad-rows.
    Import {
        /// A node file, optionally with labels for every row: --nodes=Person=people.csv
        /// or --nodes=A:B=file.csv. Repeatable.
        #[arg(long = "nodes", value_name = "[LABEL=]FILE", required = true)]
        nodes: Vec<String>,
        /// A relationship file, optionally with a type for rows without one:
        /// --relationships=KNOWS=knows.csv. Repeatable.
        #[arg(long = "relationships", value_name = "[TYPE=]FILE")]
        relationships: Vec<String>,
        /// Import the good rows and report the bad ones on standard error, instead of
        /// stopping at the first bad row.
        #[arg(long)]
        skip_bad_rows: bool,
    },
}

/// Options accepted before or after the command.
#[derive(Clone, Debug, clap::Args)]
pub struct Options {
    /// Load the graph from PATH instead of the shipped graph: a .cypher file, or a folder
    /// whose .cypher files are run in name order.
    #[arg(long, global = true, value_name = "PATH", conflicts_with_all = ["empty", "db"])]
    pub graph: Option<PathBuf>,
    /// Start from an empty graph instead of the shipped one.
    #[arg(long, global = true, conflicts_with = "db")]
    pub empty: bool,
    /// Use the durable database in DIR (created, empty, when DIR is absent or empty):
    /// every change is in its write-ahead log, synced, before its result is printed.
    /// One writing process per database at a time.
    #[arg(long, global = true, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// With --db: open the database read-only (works while another process writes it);
    /// statements that would change the graph fail.
    #[arg(long, global = true, requires = "db")]
    pub read_only: bool,
    /// With --db: create the database from the .cypher script(s) at PATH (a file or a
    /// folder, as for --graph). Fails if the database exists already.
    #[arg(long, global = true, value_name = "PATH", requires = "db", conflicts_with = "read_only")]
    pub init_from: Option<PathBuf>,
    /// Set the query parameter $NAME to VALUE, a Cypher literal such as 42, 'text',
    /// [1, 2] or {k: true}. Repeatable.
    #[arg(long = "param", global = true, value_name = "NAME=VALUE", value_parser = parse_param)]
    pub params: Vec<(String, String)>,
    /// How results are printed: aligned table, one JSON object per statement per line,
    /// CSV with a header row, a Markdown table, `line` (one `column = value` per line), or
    /// a picture of the nodes, relationships and paths in the result: `dot` (Graphviz)
    /// or `svg` (one document per statement). `export` takes cypher, jsonl or csv.
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Print how long each statement took.
    #[arg(long, global = true)]
    pub timing: bool,
    /// Who lays out SVG pictures (--format svg, :view): meridian itself, or Graphviz's
    /// `dot` when it is installed.
    #[arg(long, global = true, value_enum, default_value_t = Layout::Meridian)]
    pub layout: Layout,
    /// Fit tables into COLUMNS characters, cutting the widest cells (marked `…`). The
    /// shell fits tables to the terminal by default.
    #[arg(long, global = true, value_name = "COLUMNS")]
    pub max_width: Option<usize>,
    /// Print at most N rows of a result (the rest is counted, not shown). The shell
    /// prints at most 1000 unless this is given; batch runs print everything.
    #[arg(long, global = true, value_name = "N")]
    pub max_rows: Option<usize>,
    /// Cancel any statement that runs longer than SECONDS (fractions allowed).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_timeout)]
    pub timeout: Option<Duration>,
    /// Memory budget, in MiB, of one statement's intermediate results (buffered rows,
    /// sorting, aggregation); a statement that needs more stops with an error. 0: no
    /// limit. Default: 4096.
    #[arg(long, global = true, value_name = "MIB")]
    pub memory_limit: Option<usize>,
    /// Longest statement accepted, in bytes. 0: no limit. Default: 67108864 (64 MiB).
    #[arg(long, global = true, value_name = "BYTES")]
    pub max_statement_size: Option<usize>,
    /// Deepest nesting of brackets accepted in a statement (the parser never accepts more
    /// than 100 levels of any kind).
    #[arg(long, global = true, value_name = "LEVELS")]
    pub max_nesting: Option<usize>,
}

/// Every value of `--format`: result formats for statements, file formats for `export`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Markdown,
    Line,
    Dot,
    Svg,
    Cypher,
    Jsonl,
}

/// `--layout`: who places the nodes of an SVG picture.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// Meridian's own deterministic layout.
    #[default]
    Meridian,
    /// Graphviz's `dot` program.
    Graphviz,
}

fn parse_param(arg: &str) -> Result<(String, String), String> {
    match arg.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            let name = name.trim().trim_start_matches('$');
            Ok((name.to_string(), value.to_string()))
        }
        _ => Err("expected NAME=VALUE, for example --param limit=10".into()),
    }
}

fn parse_timeout(arg: &str) -> Result<Duration, String> {
    let secs: f64 = arg.trim().parse().map_err(|_| format!("`{arg}` is not a number of seconds"))?;
    match Duration::try_from_secs_f64(secs) {
        Ok(d) if !d.is_zero() => Ok(d),
        _ => Err("the timeout must be a positive number of seconds".into()),
    }
}

/// How a run ended, ordered by severity: the exit status is the worst one seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Status {
    Ok = 0,
    /// A statement failed because of the query (Error::is_query_error).
    QueryError = 1,
    /// Usage, IO or internal error.
    Fatal = 2,
}

/// Entry point of the binary. Parses `std::env::args`, opens the REPL when standard input
/// is a terminal and no command is given, and otherwise runs the batch command.
pub fn main() -> ExitCode {
    let cli = match parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout, usage errors to stderr.
            let _ = e.print();
            return exit_code(e.exit_code());
        }
    };
    let stdin = io::stdin();
    let mut err = io::stderr();
    if cli.command.is_none() && stdin.is_terminal() {
        let mut out = io::stdout();
        let code = match Session::open(&cli.options, &mut err) {
            Ok(session) => finish(repl::run(session, &mut out, &mut err), &mut err),
            Err(status) => status as i32,
        };
        return exit_code(code);
    }
    // Batch output is buffered and flushed after each statement: one write per result
    // rather than one per line, and a pipe still sees every result as it finishes.
    let mut out = io::BufWriter::new(io::stdout().lock());
    exit_code(dispatch(cli, &mut stdin.lock(), &mut out, &mut err))
}

/// Run `meridian ARGS...` in-process, as the binary does in batch mode: `argv` holds the
/// program name first (`["meridian", "run", "--keep-going", "q.cypher"]`). Results go to
/// `out`, rendered errors to `err` (pass writers that share one buffer to see both in
/// order). Never opens the REPL: without a command it reads standard input like
/// `run -`. Returns the exit status.
pub fn run_batch<I, T>(argv: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    match parse_args(argv) {
        Ok(cli) => dispatch(cli, &mut io::stdin().lock(), out, err),
        Err(e) => {
            let text = e.render().to_string();
            let target: &mut dyn Write = if e.use_stderr() { err } else { out };
            let _ = target.write_all(text.as_bytes());
            let _ = target.flush();
            e.exit_code()
        }
    }
}

/// Parse the command line; `Err` carries help, version and usage errors alike.
pub fn parse_args<I, T>(argv: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let argv: Vec<OsString> = argv.into_iter().map(Into::into).collect();
    let matches = Cli::command().try_get_matches_from(argv.clone())?;
    let mut cli = Cli::from_arg_matches(&matches)?;
    // clap keeps only the subcommand's values of a global option given on both sides of
    // the subcommand; `--param` is cumulative, so collect every occurrence in order.
    let mut params = Vec::new();
    let mut args = argv.iter().skip(1).map(|a| a.to_string_lossy().into_owned());
    while let Some(a) = args.next() {
        let value = match a.strip_prefix("--param") {
            Some("") => args.next(),
            Some(rest) if rest.starts_with('=') => Some(rest[1..].to_string()),
            _ if a == "--" => break,
            _ => continue,
        };
        if let Some(v) = value {
            params.push(parse_param(&v).map_err(|e| Cli::command().error(clap::error::ErrorKind::ValueValidation, e))?);
        }
    }
    cli.options.params = params;
    Ok(cli)
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// Run a parsed batch command (`run`, `query`, or none: standard input) and return the
/// exit status.
fn dispatch(cli: Cli, stdin: &mut dyn BufRead, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match &cli.command {
        Some(Command::Import { nodes, relationships, skip_bad_rows }) => {
            return import(&cli.options, nodes, relationships, *skip_bad_rows, out, err) as i32;
        }
        Some(Command::Export { output }) => return export(&cli.options, output.as_deref(), out, err) as i32,
        _ => {}
    }
    let mut session = match Session::open(&cli.options, err) {
        Ok(session) => session,
        Err(status) => return status as i32,
    };
    let result = match &cli.command {
        Some(Command::Query { text }) => batch::run_query(&mut session, text, out, err),
        Some(Command::Import { .. } | Command::Export { .. }) => Ok(Status::Ok),
        Some(Command::Run { keep_going, files }) => batch::run_files(&mut session, files, *keep_going, stdin, out, err),
        None => batch::run_files(&mut session, &[PathBuf::from("-")], false, stdin, out, err),
    };
    finish(result, err)
}

/// Turn the outcome of a run into an exit status. Writing to a closed stdout (`| head`)
/// is a normal way for a reader to stop us: it exits 0 without a message.
fn finish(result: io::Result<Status>, err: &mut dyn Write) -> i32 {
    match result {
        Ok(status) => status as i32,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output: {e}");
            Status::Fatal as i32
        }
    }
}

/// An engine with its graph loaded, the parameters and the output settings: everything
/// a statement needs, shared by the REPL and the batch runner.
pub(crate) struct Session {
    pub(crate) engine: Engine,
    params: Params,
    pub(crate) format: Format,
    timing: bool,
    /// `--max-width`: tables are fitted into this many columns.
    pub(crate) max_width: Option<usize>,
    /// Rows printed at most per result (text formats; JSON always has every row).
    pub(crate) max_rows: Option<usize>,
    pub(crate) layout: Layout,
}

impl Session {
    /// Load the graph and evaluate the parameters. Failures are reported on `err` and
    /// give the exit status (always 2: the run could not start).
    pub(crate) fn open(options: &Options, err: &mut dyn Write) -> Result<Session, Status> {
        let mut engine = Engine::new();
        if let Some(dir) = &options.db {
            engine = open_db(dir, options, err)?;
        } else if let Some(path) = &options.graph {
            load_graph_path(&mut engine, path, err)?;
        } else if !options.empty {
            for (name, text) in crate::default_graph_scripts() {
                let source = format!("graph/{name}");
                load_script(&mut engine, &source, text, err)?;
            }
        }
        engine.set_timeout(options.timeout);
        if let Some(mib) = options.memory_limit {
            engine.set_memory_limit((mib > 0).then(|| mib.saturating_mul(1 << 20)));
        }
        engine.set_max_nesting(options.max_nesting);
        if let Some(bytes) = options.max_statement_size {
            engine.set_max_statement_bytes((bytes > 0).then_some(bytes));
        }
        let mut params = Params::new();
        for (name, text) in &options.params {
            let value = eval_param(name, text, err)?;
            params.insert(name.clone(), value);
        }
        let format = match options.format {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Line => Format::Line,
            FormatArg::Dot => Format::Dot,
            FormatArg::Svg => Format::Svg,
            FormatArg::Cypher | FormatArg::Jsonl => {
                let _ = writeln!(
                    err,
                    "error: --format cypher and jsonl are for `export`; statements print as table, json, csv, markdown or line"
                );
                return Err(Status::Fatal);
            }
        };
        let mut layout = options.layout;
        if layout == Layout::Graphviz && !picture::graphviz_available() {
            let _ = writeln!(err, "warning: Graphviz `dot` is not installed; pictures use meridian's own layout");
            layout = Layout::Meridian;
        }
        Ok(Session {
            engine,
            params,
            format,
            timing: options.timing,
            max_width: options.max_width,
            max_rows: options.max_rows,
            layout,
        })
    }

    /// The names completion and the "did you mean" warnings draw on: a scan of the graph.
    pub(crate) fn catalog(&self) -> complete::Catalog {
        complete::Catalog::new(&self.engine.schema_details(), &Engine::function_names(), self.params.keys().cloned())
    }

    /// Execute one statement; a panic inside the engine becomes an internal error so the
    /// caller can report it and go on.
    pub(crate) fn execute(&mut self, text: &str) -> (Result<QueryOutput, Error>, Duration) {
        let start = Instant::now();
        let (engine, params) = (&mut self.engine, &self.params);
        let result = guarded(|| engine.execute(text, params));
        (result, start.elapsed())
    }

    pub(crate) fn print(
        &mut self,
        out: &mut dyn Write,
        output: &QueryOutput,
        elapsed: Duration,
        statement: &str,
    ) -> io::Result<()> {
        self.render(out, output, elapsed, self.max_width, statement)
    }

    /// Write a result in the session's format, tables fitted into `width` columns;
    /// pictures (`dot`, `svg`) are captioned with the `statement`.
    pub(crate) fn render(
        &mut self,
        out: &mut dyn Write,
        output: &QueryOutput,
        elapsed: Duration,
        width: Option<usize>,
        statement: &str,
    ) -> io::Result<()> {
        match self.format {
            Format::Dot | Format::Svg => {
                let picture = self.picture_of(output);
                self.write_picture(out, &picture, statement, self.format == Format::Svg)
            }
            Format::Json => output::write_output_fitted(out, Format::Json, output, elapsed, self.timing, width),
            format => match self.max_rows.filter(|max| output.rows.len() > *max) {
                None => output::write_output_fitted(out, format, output, elapsed, self.timing, width),
                Some(max) => {
                    let shown = QueryOutput { rows: output.rows[..max].to_vec(), ..output.clone() };
                    output::write_output_fitted(out, format, &shown, elapsed, self.timing, width)?;
                    writeln!(
                        out,
                        "(the first {max} of {} rows; --max-rows changes how many are printed)",
                        output.rows.len()
                    )
                }
            },
        }
    }

    /// The picture of a result, with the end nodes of its relationships filled in from
    /// the graph (a result holds only the nodes its values name).
    pub(crate) fn picture_of(&mut self, output: &QueryOutput) -> picture::Picture {
        let missing: Vec<Value> = output
            .rels
            .values()
            .flat_map(|r| [r.start, r.end])
            .filter(|id| !output.nodes.contains_key(id))
            .map(|id| Value::Int(id.0 as i64))
            .collect();
        if missing.is_empty() {
            return picture::Picture::of_output(output);
        }
        let mut params = Params::new();
        params.insert("ids".into(), Value::List(missing));
        let query = "MATCH (n) WHERE id(n) IN $ids RETURN n";
        let engine = &mut self.engine;
        match guarded(|| engine.execute(query, &params)) {
            Ok(found) => {
                let mut output = output.clone();
                output.nodes.extend(found.nodes);
                picture::Picture::of_output(&output)
            }
            Err(_) => picture::Picture::of_output(output),
        }
    }

    /// A picture as DOT or SVG (laid out by `--layout`), captioned with `caption`.
    pub(crate) fn write_picture(
        &self,
        out: &mut dyn Write,
        picture: &picture::Picture,
        caption: &str,
        svg: bool,
    ) -> io::Result<()> {
        if !svg {
            return picture::write_dot(out, picture, "result");
        }
        if self.layout == Layout::Graphviz {
            if let Ok(text) = picture::graphviz_svg(picture, caption.trim()) {
                out.write_all(&text)?;
                return out.flush();
            }
        }
        picture::write_svg(out, picture, caption.trim())
    }

    /// Report a failed statement: rendered with a caret on `err`, and in JSON mode also
    /// as a JSON line on `out`. `source` is the text the error's span points into.
    pub(crate) fn report(
        &self,
        out: &mut dyn Write,
        err: &mut dyn Write,
        error: &Error,
        source_name: &str,
        source: &str,
    ) -> io::Result<Status> {
        // Results printed so far come first, even when both streams go to one terminal.
        out.flush()?;
        let error = &hints::annotate(error.clone(), source);
        let _ = err.write_all(crate::error::render(error, source_name, source).as_bytes());
        let _ = err.flush();
        if self.format == Format::Json {
            output::write_json_error(out, error, source)?;
        }
        Ok(if error.is_query_error() { Status::QueryError } else { Status::Fatal })
    }
}

/// Run `f`, turning a panic into an internal error. The panic hook has already printed
/// the panic's location on stderr by then.
fn guarded<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            Err(Error::internal(format!("panic: {message}")))
        }
    }
}

/// `meridian export`: the graph as Cypher, JSON Lines or CSV files.
fn export(options: &Options, output: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> Status {
    let format = options.format;
    let session_options = Options { format: FormatArg::Table, params: Vec::new(), ..options.clone() };
    let session = match Session::open(&session_options, err) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let engine = &session.engine;
    let result = match format {
        FormatArg::Csv => match output {
            Some(dir) => engine.export_csv(dir).map(|(n, r)| {
                let _ = writeln!(err, "exported {n} nodes and {r} relationships to {}", dir.display());
            }),
            None => Err(Error::io("--format csv writes files: give the folder with --output DIR")),
        },
        FormatArg::Markdown | FormatArg::Line | FormatArg::Dot | FormatArg::Svg => {
            Err(Error::io("export writes --format cypher (the default), jsonl or csv"))
        }
        FormatArg::Json | FormatArg::Jsonl | FormatArg::Table | FormatArg::Cypher => {
            let jsonl = matches!(format, FormatArg::Json | FormatArg::Jsonl);
            let write = |w: &mut dyn Write| {
                let r = if jsonl { engine.export_jsonl(w) } else { engine.export_cypher(w) };
                r.and_then(|()| w.flush().map_err(|e| Error::io(format!("cannot write the export: {e}"))))
            };
            match output {
                Some(path) => match std::fs::File::create(path) {
                    Ok(f) => write(&mut io::BufWriter::new(f)),
                    Err(e) => Err(Error::io(format!("cannot create {}: {e}", path.display()))),
                },
                None => {
                    let mut watch = PipeWatch { inner: out, broken: false };
                    let r = write(&mut watch);
                    // A reader that stops early (`| head`) is a normal end.
                    if watch.broken { Ok(()) } else { r }
                }
            }
        }
    };
    match result {
        Ok(()) => Status::Ok,
        Err(e) => {
            let _ = writeln!(err, "error: {}", e.message);
            Status::Fatal
        }
    }
}

/// Remembers whether the reader closed the pipe.
struct PipeWatch<'a> {
    inner: &'a mut dyn Write,
    broken: bool,
}

impl Write for PipeWatch<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.broken |= r.as_ref().is_err_and(|e| e.kind() == io::ErrorKind::BrokenPipe);
        r
    }
    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.broken |= r.as_ref().is_err_and(|e| e.kind() == io::ErrorKind::BrokenPipe);
        r
    }
}

/// `meridian import --db DIR --nodes ... --relationships ...`.
fn import(
    options: &Options,
    nodes: &[String],
    rels: &[String],
    skip_bad_rows: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Status {
    let Some(dir) = &options.db else {
        let _ = writeln!(err, "error: import needs --db DIR, the new database to create");
        return Status::Fatal;
    };
    if Engine::db_exists(dir) {
        let _ = writeln!(err, "error: {} already holds a database; import creates a new one", dir.display());
        return Status::Fatal;
    }
    // `[NAME=]FILE`: the part before the first `=` names labels or a type.
    let split = |args: &[String]| -> Vec<(Option<String>, PathBuf)> {
        args.iter()
            .map(|a| match a.split_once('=') {
                Some((name, file)) => (Some(name.to_string()), PathBuf::from(file)),
                None => (None, PathBuf::from(a)),
            })
            .collect()
    };
    let (nodes, rels) = (split(nodes), split(rels));
    let node_refs: Vec<(Option<String>, &Path)> = nodes.iter().map(|(n, p)| (n.clone(), p.as_path())).collect();
    let rel_refs: Vec<(Option<String>, &Path)> = rels.iter().map(|(n, p)| (n.clone(), p.as_path())).collect();
    let mut engine = Engine::new();
    let mut progress = ImportProgress::new(io::stderr().is_terminal());
    let mut on_event = |event: ImportEvent<'_>| match event {
        ImportEvent::Progress { nodes, relationships } => progress.show(err, nodes + relationships),
        ImportEvent::BadRow(report) => {
            // The report goes out as each bad row is found, not held until the end.
            progress.clear(err);
            let _ = writeln!(err, "skipped: {report}");
        }
    };
    let result = engine.import_csv_with(&node_refs, &rel_refs, skip_bad_rows, &mut on_event);
    let summary = match result {
        Ok(s) => {
            progress.finish(err, s.nodes + s.relationships);
            s
        }
        Err(e) => {
            progress.clear(err);
            let _ = writeln!(err, "error: {}", e.message);
            return Status::Fatal;
        }
    };
    if let Err(e) = engine.create_db(dir) {
        let _ = writeln!(err, "error: {}", e.message);
        return Status::Fatal;
    }
    let _ = writeln!(
        out,
        "imported {} nodes and {} relationships into {} ({} bad rows skipped)",
        summary.nodes,
        summary.relationships,
        dir.display(),
        summary.skipped
    );
    Status::Ok
}

/// The import's progress line on a terminal: rows so far and their rate, redrawn in
/// place at most ten times a second. Off when standard error is not a terminal, so
/// logs and pipes get no carriage returns.
struct ImportProgress {
    enabled: bool,
    start: Instant,
    last: Option<Instant>,
    shown: bool,
}

impl ImportProgress {
    fn new(enabled: bool) -> ImportProgress {
        ImportProgress { enabled, start: Instant::now(), last: None, shown: false }
    }

    fn show(&mut self, err: &mut dyn Write, rows: u64) {
        let now = Instant::now();
        if !self.enabled || self.last.is_some_and(|t| now.duration_since(t) < Duration::from_millis(100)) {
            return;
        }
        self.last = Some(now);
        let _ = write!(err, "\r\x1b[K{}", self.line(rows, now));
        let _ = err.flush();
        self.shown = true;
    }

    /// The last state stays on the terminal.
    fn finish(&mut self, err: &mut dyn Write, rows: u64) {
        if self.enabled {
            self.clear(err);
            let _ = writeln!(err, "{}", self.line(rows, Instant::now()));
        }
    }

    fn line(&self, rows: u64, now: Instant) -> String {
        let secs = now.duration_since(self.start).as_secs_f64();
        let rate = if secs > 0.0 { rows as f64 / secs } else { 0.0 };
        format!("imported {rows} rows in {secs:.1} s ({rate:.0} rows/s)")
    }

    fn clear(&mut self, err: &mut dyn Write) {
        if self.shown {
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.shown = false;
        }
    }
}

/// `--db DIR` with `--read-only` or `--init-from PATH`.
fn open_db(dir: &Path, options: &Options, err: &mut dyn Write) -> Result<Engine, Status> {
    let failed = |err: &mut dyn Write, e: Error| {
        let _ = writeln!(err, "error: {}", e.message);
        Status::Fatal
    };
    match &options.init_from {
        Some(path) => {
            if Engine::db_exists(dir) {
                let e =
                    Error::io(format!("{} already holds a database; --init-from only seeds a new one", dir.display()));
                return Err(failed(err, e));
            }
            // Load everything first: a script that fails leaves no database behind.
            let mut seed = Engine::new();
            load_graph_path(&mut seed, path, err)?;
            seed.create_db(dir).map_err(|e| failed(err, e))
        }
        None => {
            let mut engine = Engine::open_db(dir, options.read_only).map_err(|e| failed(err, e))?;
            // Tests make checkpoints frequent, so that a crash test kills some mid-way.
            if let Some(bytes) = std::env::var("MERIDIAN_CHECKPOINT_BYTES").ok().and_then(|v| v.parse().ok()) {
                engine.set_checkpoint_bytes(bytes);
            }
            Ok(engine)
        }
    }
}

/// Run one graph script; an error is rendered against the script and stops the start-up.
fn load_script(engine: &mut Engine, source_name: &str, text: &str, err: &mut dyn Write) -> Result<(), Status> {
    guarded(|| engine.run_script(text)).map_err(|e| {
        let _ = err.write_all(crate::error::render(&e, source_name, text).as_bytes());
        Status::Fatal
    })
}

/// `--graph PATH`: one .cypher file, or every .cypher file of a folder in name order.
fn load_graph_path(engine: &mut Engine, path: &Path, err: &mut dyn Write) -> Result<(), Status> {
    let io_failure = |err: &mut dyn Write, e: io::Error| {
        let _ = writeln!(err, "error: cannot read graph {}: {e}", path.display());
        Status::Fatal
    };
    let files = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| io_failure(err, e))?;
        let mut files = Vec::new();
        for entry in entries {
            let file = entry.map_err(|e| io_failure(err, e))?.path();
            if file.extension().is_some_and(|x| x == "cypher") {
                files.push(file);
            }
        }
        files.sort();
        files
    } else {
        vec![path.to_path_buf()]
    };
    for file in files {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(e) => {
                let _ = writeln!(err, "error: cannot read {}: {e}", file.display());
                return Err(Status::Fatal);
            }
        };
        load_script(engine, &file.display().to_string(), &text, err)?;
    }
    Ok(())
}

/// `--param NAME=VALUE`: VALUE is evaluated by the engine itself, as `RETURN VALUE AS v`
/// on an empty scratch engine, so it accepts exactly the literals queries accept.
fn eval_param(name: &str, text: &str, err: &mut dyn Write) -> Result<Value, Status> {
    let query = format!("RETURN {text} AS v");
    let source_name = format!("--param {name}");
    let result = guarded(|| Engine::new().execute(&query, &Params::new()));
    let failure = |err: &mut dyn Write, e: &Error| {
        let _ = err.write_all(crate::error::render(e, &source_name, &query).as_bytes());
        Status::Fatal
    };
    match result {
        Ok(output) => match (output.columns.len(), output.rows.as_slice()) {
            (1, [row]) => match row.as_slice() {
                [value] => Ok(value.clone()),
                _ => Err(failure(err, &Error::internal("a row without its one column"))),
            },
            _ => {
                let e = Error::type_error(format!("`{text}` is not a single value"))
                    .at(crate::Span::new(7, 7 + text.len()));
                Err(failure(err, &e))
            }
        },
        Err(e) => Err(failure(err, &e)),
    }
}
