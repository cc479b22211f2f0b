//! The `meridian` binary as users run it: spawned as a real process, checked on exit
//! status, standard output and standard error. Formatting details are pinned by the unit
//! tests of `cli::output` and by the golden files; these tests pin the contract between
//! the process and its caller (exit codes, streams, streaming, broken pipes).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn meridian() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meridian"));
    // Keep the user's REPL history out of the tests.
    cmd.env("XDG_DATA_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd
}

fn run(args: &[&str]) -> Output {
    match meridian().args(args).stdin(Stdio::null()).output() {
        Ok(output) => output,
        Err(e) => panic!("cannot run meridian: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn status(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// A file in the test scratch directory, unique per test.
fn scratch_file(name: &str, text: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    if let Err(e) = std::fs::write(&path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

#[test]
fn help_mentions_every_command_and_option() {
    let o = run(&["--help"]);
    assert_eq!(status(&o), 0);
    let help = stdout(&o);
    for word in [
        "run",
        "query",
        "--graph",
        "--empty",
        "--param",
        "--format",
        "--timing",
        "--timeout",
        "--version",
        "openCypher",
    ] {
        assert!(help.contains(word), "--help does not mention {word}:\n{help}");
    }
    let o = run(&["run", "--help"]);
    assert_eq!(status(&o), 0);
    assert!(stdout(&o).contains("--keep-going"));
    assert!(stdout(&o).contains("standard input"));
}

#[test]
fn version() {
    let o = run(&["--version"]);
    assert_eq!(status(&o), 0);
    assert!(stdout(&o).starts_with("meridian "));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--no-such-option"][..],
        &["query"],
        &["run"],
        &["--format", "xml", "query", "RETURN 1"],
        &["--empty", "--graph", "g.cypher", "query", "RETURN 1"],
        &["--param", "novalue", "query", "RETURN 1"],
        &["--timeout", "-1", "query", "RETURN 1"],
    ] {
        let o = run(args);
        assert_eq!(status(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn unreadable_file_exits_2() {
    let o = run(&["--empty", "run", "no/such/file.cypher"]);
    assert_eq!(status(&o), 2);
    assert!(stderr(&o).contains("no/such/file.cypher"));
}

#[test]
fn query_prints_a_table() {
    let o = run(&["--empty", "query", "UNWIND [1, 2, 3] AS x RETURN x"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "+---+\n| x |\n+---+\n| 1 |\n| 2 |\n| 3 |\n+---+\n3 rows\n");
    assert!(stderr(&o).is_empty());
}

#[test]
fn options_go_after_the_command_too() {
    let o = run(&["query", "RETURN $x AS x", "--empty", "--param", "x=1"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("| 1 |"));
}

#[test]
fn query_error_exits_1_with_caret_on_stderr() {
    let o = run(&["--empty", "query", "RETURN (1"]);
    assert_eq!(status(&o), 1);
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert!(err.starts_with("error[SyntaxError/"), "{err}");
    assert!(err.contains(" --> <query>:1:"), "{err}");
    assert!(err.contains("1 | RETURN (1"), "{err}");
    assert!(err.contains('^'), "{err}");
}

#[test]
fn file_errors_point_at_file_line_and_column() {
    let file = scratch_file("caret.cypher", "// a comment\n\nRETURN (1;\n");
    let name = file.display().to_string();
    let o = run(&["--empty", "run", &name]);
    assert_eq!(status(&o), 1);
    assert!(stdout(&o).is_empty(), "stdout: {}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!(" --> {name}:3:")), "{err}");
    assert!(err.contains("3 | RETURN (1;"), "{err}");
    assert!(err.contains("  |         ^") || err.contains('^'), "{err}");
}

#[test]
fn run_stops_at_the_first_error_unless_keep_going() {
    let file = scratch_file("keep-going.cypher", "RETURN 1 AS a;\nRETURN (1;\nRETURN 2 AS b;\n");
    let name = file.display().to_string();
    let o = run(&["--empty", "run", &name]);
    assert_eq!(status(&o), 1);
    assert!(stdout(&o).contains("| a |"));
    assert!(!stdout(&o).contains("| b |"));

    let o = run(&["--empty", "run", "--keep-going", &name]);
    assert_eq!(status(&o), 1);
    assert!(stdout(&o).contains("| a |"));
    assert!(stdout(&o).contains("| b |"));
    assert!(stderr(&o).contains(&format!("{name}:2:")));
}

#[test]
fn json_output_shape() {
    let o = run(&["--empty", "--format", "json", "query", "UNWIND [1, 2, 3] AS x RETURN x, x / 2.0 AS half"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1, "{text}");
    let v: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("not JSON: {e}: {text}"),
    };
    assert_eq!(v["columns"], serde_json::json!(["x", "half"]));
    assert_eq!(v["rows"], serde_json::json!([[1, 0.5], [2, 1.0], [3, 1.5]]));
    // Floats keep their decimal point, integers do not get one.
    assert!(text.contains("[2,1.0]"), "{text}");
    assert!(v["stats"].is_object());
    assert!(v["elapsed_ms"].is_number());
}

#[test]
fn json_errors_go_to_both_streams() {
    let o = run(&["--empty", "--format", "json", "query", "RETURN (1"]);
    assert_eq!(status(&o), 1);
    let v: serde_json::Value = match serde_json::from_str(&stdout(&o)) {
        Ok(v) => v,
        Err(e) => panic!("not JSON: {e}: {}", stdout(&o)),
    };
    assert_eq!(v["error"]["kind"], "SyntaxError");
    assert_eq!(v["error"]["line"], 1);
    assert!(v["error"]["column"].is_u64());
    assert!(v["error"]["code"].is_string());
    assert!(v["error"]["message"].is_string());
    assert!(stderr(&o).contains("error[SyntaxError/"));
}

#[test]
fn csv_output() {
    let o = run(&["--empty", "--format", "csv", "query", "RETURN 'a,b' AS s, 'plain' AS t, 1 AS n, [1, 2] AS l"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), "s,t,n,l\r\n\"a,b\",plain,1,\"[1, 2]\"\r\n");
}

#[test]
fn params_are_cypher_literals() {
    let o = run(&[
        "--empty",
        "--param",
        "list=[1, 2]",
        "--param",
        "name='Ada'",
        "--param",
        "map={k: 1.5}",
        "query",
        "RETURN $list AS list, $name AS name, $map AS map",
    ]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("[1, 2]"), "{out}");
    assert!(out.contains("'Ada'"), "{out}");
    assert!(out.contains("{k: 1.5}"), "{out}");

    let o = run(&["--empty", "--param", "x=(1", "query", "RETURN $x"]);
    assert_eq!(status(&o), 2);
    assert!(stderr(&o).contains("error["));
}

#[test]
fn graph_option_loads_a_file() {
    let graph = scratch_file("graph.cypher", "CREATE (:Person {name: 'Ada'});\nCREATE (:Person {name: 'Alan'});\n");
    let o = run(&[
        "--graph",
        &graph.display().to_string(),
        "query",
        "MATCH (p:Person) RETURN p.name AS name ORDER BY name",
    ]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("| 'Ada'  |"), "{}", stdout(&o));
    assert!(stdout(&o).contains("2 rows"));

    let bad = scratch_file("bad-graph.cypher", "CREATE (:A);\nCREATE (:B;\n");
    let name = bad.display().to_string();
    let o = run(&["--graph", &name, "query", "RETURN 1"]);
    assert_eq!(status(&o), 2);
    assert!(stderr(&o).contains(&format!("{name}:2:")), "{}", stderr(&o));
}

#[test]
fn stdin_without_a_command_runs_like_run_dash() {
    let mut child = match meridian()
        .args(["--empty"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("cannot run meridian: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"RETURN 1 AS x;\nRETURN\n2 AS y;\n");
    }
    let o = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("| x |") && out.contains("| y |"), "{out}");
}

/// `run -` answers each statement as soon as its `;` arrives: the test writes one
/// statement, reads its result, and only then writes the next.
#[test]
fn run_stdin_streams_statement_by_statement() {
    let mut child = match meridian()
        .args(["--empty", "--format", "json", "run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("cannot run meridian: {e}"),
    };
    let (Some(mut stdin), Some(out)) = (child.stdin.take(), child.stdout.take()) else {
        panic!("no pipes");
    };
    // Read lines on a thread so that a meridian that does not stream fails the test
    // instead of hanging it.
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            if tx.send(line.unwrap_or_default()).is_err() {
                break;
            }
        }
    });
    for i in 1..=3 {
        let written = writeln!(stdin, "RETURN {i}\n  AS x;").and_then(|_| stdin.flush());
        assert!(written.is_ok());
        let line = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("no result for statement {i} before the next was written");
            }
        };
        let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
        assert_eq!(v["rows"], serde_json::json!([[i]]), "{line}");
    }
    drop(stdin);
    let code = child.wait().map(|s| s.code().unwrap_or(-1)).unwrap_or(-1);
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut err);
    }
    assert_eq!(code, 0, "{err}");
}

/// `meridian run big.cypher | head -1`: the reader goes away, meridian exits 0 quietly.
#[test]
fn closed_stdout_exits_0_quietly() {
    let script = "UNWIND [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] AS x RETURN x;\n".repeat(5000);
    let file = scratch_file("many.cypher", &script);
    let mut child = match meridian()
        .args(["--empty", "run", &file.display().to_string()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!("cannot run meridian: {e}"),
    };
    let Some(out) = child.stdout.take() else {
        panic!("no pipe");
    };
    let mut first = String::new();
    let _ = BufReader::new(out).read_line(&mut first);
    // The reader (and the pipe with it) is gone now, like `head -1` after one line.
    let o = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("{e}"),
    };
    assert!(!first.is_empty());
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn timing_adds_the_time() {
    let o = run(&["--empty", "--timing", "query", "RETURN 1 AS x"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("1 row ("), "{}", stdout(&o));
    assert!(stdout(&o).contains(" ms)") || stdout(&o).contains(" s)"));
}

#[test]
fn batch_warns_about_unknown_names_without_failing() {
    let o = run(&["query", "MATCH (c:Contry) RETURN count(c) AS n"]);
    assert_eq!(status(&o), 0);
    assert_eq!(stderr(&o), "warning: no label :Contry in the graph; did you mean :Country?\n");
    assert!(stdout(&o).contains("| 0 |"), "{}", stdout(&o));
    let file = scratch_file("warn.cypher", "RETURN 1 AS one;\n\nMATCH (c)-[:LOCATED_AT]->() RETURN c;\n");
    let o = run(&["run", file.to_str().unwrap_or_default()]);
    assert_eq!(status(&o), 0);
    let err = stderr(&o);
    assert!(
        err.starts_with("warning: no relationship type :LOCATED_AT in the graph; did you mean :LOCATED_IN?\n --> "),
        "{err}"
    );
    assert!(err.ends_with("warn.cypher:3\n"), "{err}");
}

#[test]
fn errors_from_habits_get_a_help_note() {
    let o = run(&["query", "MATCH (c:Country) WITH c.name RETURN 1"]);
    assert_eq!(status(&o), 1);
    assert!(stderr(&o).contains("= help: write `WITH c.name AS name` to name the value"), "{}", stderr(&o));
    let o = run(&["query", "SELECT name FROM Country"]);
    assert_eq!(status(&o), 1);
    assert!(stderr(&o).contains("= help: there is no SELECT"), "{}", stderr(&o));
}

#[test]
fn max_rows_limits_printed_rows_but_not_json() {
    let o = run(&["--empty", "--max-rows", "2", "query", "UNWIND range(1, 5) AS x RETURN x"]);
    assert_eq!(status(&o), 0);
    let text = stdout(&o);
    assert!(text.contains("| 2 |") && !text.contains("| 3 |"), "{text}");
    assert!(text.contains("the first 2 of 5 rows"), "{text}");
    let o = run(&["--empty", "--max-rows", "2", "--format", "json", "query", "UNWIND range(1, 5) AS x RETURN x"]);
    assert!(stdout(&o).contains("[[1],[2],[3],[4],[5]]"), "{}", stdout(&o));
}
