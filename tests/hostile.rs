//! Hostile input through the `meridian` binary: bytes that are not UTF-8, NUL bytes,
//! statements of megabytes on one line, numbers out of range, regexes that backtrack in
//! other engines, broken CSV files, database paths that cannot hold a database, and a
//! runaway query under `--timeout`. Each must end promptly with a result or a clear
//! error and the documented exit status (1 for a query error, 2 for IO), never a panic
//! or an internal error. The fuzz targets' regressions live here too. These tests check
//! exit statuses and messages only; formatting is pinned elsewhere.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn meridian() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_meridian"));
    cmd.env("XDG_DATA_HOME", env!("CARGO_TARGET_TMPDIR"));
    cmd
}

/// Run meridian with `args`, failing the test if it takes longer than `limit`.
fn run_within(args: &[&str], limit: Duration) -> Output {
    let start = Instant::now();
    let out = match meridian().args(args).stdin(Stdio::null()).output() {
        Ok(o) => o,
        Err(e) => panic!("cannot run meridian: {e}"),
    };
    let took = start.elapsed();
    assert!(took < limit, "meridian {args:?} took {took:?}, more than {limit:?}");
    out
}

fn run(args: &[&str]) -> Output {
    run_within(args, Duration::from_secs(60))
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The exit status, after checking that nothing panicked or failed internally.
fn status(o: &Output) -> i32 {
    let err = stderr(o);
    assert!(!err.contains("panicked") && !err.contains("Internal"), "a panic or internal error:\n{err}");
    o.status.code().unwrap_or(-1)
}

/// A path in the test scratch directory, unique per test; removed first if present.
fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile-{name}"));
    if path.is_dir() {
        let _ = std::fs::remove_dir_all(&path);
    } else {
        let _ = std::fs::remove_file(&path);
    }
    path
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let path = scratch(name);
    if let Err(e) = std::fs::write(&path, bytes) {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap_or_else(|| panic!("scratch paths are UTF-8: {}", p.display()))
}

/// Running as root ignores file permissions, so permission tests only mean something
/// for other users.
fn is_root() -> bool {
    let probe = write("root-probe", b"x");
    let mut perms = match std::fs::metadata(&probe) {
        Ok(m) => m.permissions(),
        Err(_) => return false,
    };
    perms.set_readonly(true);
    let _ = std::fs::set_permissions(&probe, perms);
    let writable = std::fs::OpenOptions::new().append(true).open(&probe).is_ok();
    let _ = std::fs::remove_file(&probe);
    writable
}

#[test]
fn invalid_utf8_in_a_script_is_an_io_error_and_runs_nothing() {
    let db = scratch("utf8-db");
    let file = write("utf8.cypher", b"CREATE (:Ran);\nRETURN '\xff\xfe';\n");
    let o = run(&["--db", s(&db), "run", s(&file)]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
    // Nothing ran: the statement before the bad bytes did not create its node.
    let o = run(&["--db", s(&db), "--format", "csv", "query", "MATCH (n:Ran) RETURN count(n) AS c"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("\n0"), "{}", stdout(&o));
}

#[test]
fn invalid_utf8_on_standard_input_is_an_error() {
    let mut child = match meridian()
        .args(["--empty", "run", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("cannot run meridian: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        let _ = stdin.write_all(b"RETURN '\xc3\x28' AS x;\n");
    }
    let o = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("meridian did not finish: {e}"),
    };
    assert_ne!(status(&o), 0, "{}", stdout(&o));
}

#[test]
fn nul_bytes_are_data_in_strings_and_errors_elsewhere() {
    let file = write("nul-string.cypher", b"RETURN size('a\x00b') AS n;");
    let o = run(&["--empty", "--format", "csv", "run", s(&file)]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains('3'), "{}", stdout(&o));

    let file = write("nul-code.cypher", b"RETURN 1\x00 AS n;");
    let o = run(&["--empty", "run", s(&file)]);
    assert_eq!(status(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("SyntaxError"), "{}", stderr(&o));
}

/// A statement of `size` bytes on one line. 10 MB, not the issue's 100 MB: the debug
/// build parses long list literals at a few microseconds per element (README,
/// reliability), and these shapes show the bounds as well at a tenth of the size.
const LONG: usize = 10 * 1024 * 1024;

#[test]
fn a_ten_megabyte_string_literal_is_a_result() {
    let text = format!("RETURN size('{}') AS n;", "a".repeat(LONG));
    let file = write("long-string.cypher", text.as_bytes());
    let o = run_within(&["--empty", "--format", "csv", "run", s(&file)], Duration::from_secs(60));
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(&LONG.to_string()), "{}", stdout(&o));
}

#[test]
fn a_ten_megabyte_operator_chain_is_a_syntax_error() {
    let text = format!("RETURN {}1 AS n;", "1+".repeat(LONG / 2));
    let file = write("long-chain.cypher", text.as_bytes());
    let o = run_within(&["--empty", "run", s(&file)], Duration::from_secs(60));
    assert_eq!(status(&o), 1);
    assert!(stderr(&o).contains("SyntaxError"), "{}", &stderr(&o)[..stderr(&o).len().min(500)]);
}

#[test]
fn ten_megabytes_of_junk_on_one_line_is_a_syntax_error() {
    let text = format!("MATCH {}(b) RETURN 1;", "(a)-".repeat(LONG / 4));
    let file = write("long-junk.cypher", text.as_bytes());
    let o = run_within(&["--empty", "run", s(&file)], Duration::from_secs(60));
    assert_eq!(status(&o), 1);
    assert!(stderr(&o).contains("SyntaxError"), "{}", &stderr(&o)[..stderr(&o).len().min(500)]);
}

/// Known gap, for the lead: the error snippet prints the whole offending line, so a
/// syntax error in a 10 MB one-line statement writes 10 MB to standard error.
#[test]
fn the_error_snippet_of_a_long_line_is_bounded() {
    let text = format!("RETURN {}1 AS n;", "1+".repeat(LONG / 2));
    let file = write("long-chain-snippet.cypher", text.as_bytes());
    let o = run(&["--empty", "run", s(&file)]);
    assert_eq!(status(&o), 1);
    assert!(o.stderr.len() < 64 * 1024, "{} bytes of error text", o.stderr.len());
}

#[test]
fn numbers_out_of_range_are_query_errors() {
    let cases = [
        ("RETURN 9223372036854775808", "IntegerOverflow"),
        ("RETURN 0x7FFFFFFFFFFFFFFFF", "IntegerOverflow"),
        ("RETURN 1e400", "FloatingPointOverflow"),
        ("RETURN 9223372036854775807 + 1", "IntegerOverflow"),
        ("RETURN 9223372036854775807 * 2", "IntegerOverflow"),
        ("RETURN -9223372036854775808 - 1", "IntegerOverflow"),
        ("RETURN -(-9223372036854775808)", "IntegerOverflow"),
        ("WITH -9223372036854775808 AS m RETURN m / -1", "IntegerOverflow"),
        ("WITH -9223372036854775808 AS m RETURN m % -1", "IntegerOverflow"),
        ("RETURN abs(-9223372036854775808)", "IntegerOverflow"),
        ("UNWIND [9223372036854775807, 1] AS x RETURN sum(x)", "IntegerOverflow"),
        ("RETURN toInteger(1e300)", "NumberOutOfRange"),
        ("RETURN toInteger(-9.3e18)", "NumberOutOfRange"),
        ("RETURN range(0, 9223372036854775807)", "NumberOutOfRange"),
    ];
    for (q, code) in cases {
        let o = run(&["--empty", "query", q]);
        assert_eq!(status(&o), 1, "{q}: {}", stderr(&o));
        assert!(stderr(&o).contains(code), "{q}: expected {code}, got {}", stderr(&o));
    }
}

#[test]
fn extreme_numbers_that_fit_are_results() {
    for q in [
        "RETURN -9223372036854775808 AS x",
        "RETURN 1e-400 AS x",
        "RETURN 2^100000 AS x",
        "RETURN 9223372036854775807 ^ 2 AS x",
        "RETURN toFloat('1e999') AS x",
        "RETURN toInteger('99999999999999999999') AS x",
        "RETURN sign(-9223372036854775807 - 1) AS x",
        "UNWIND [9223372036854775807, 1] AS y RETURN avg(y) AS x",
        "RETURN [1, 2, 3][9223372036854775807] AS x",
        "RETURN [1, 2, 3][-9223372036854775808] AS x",
        "RETURN [1, 2, 3][-9223372036854775808..9223372036854775807] AS x",
        "RETURN substring('abc', 9223372036854775807, 9223372036854775807) AS x",
        "RETURN left('abc', 9223372036854775807) AS x",
    ] {
        let o = run(&["--empty", "query", q]);
        assert_eq!(status(&o), 0, "{q}: {}", stderr(&o));
    }
}

#[test]
fn regex_matching_is_linear_time() {
    let q = "RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$' AS m, \
             'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' =~ '(a|aa)+b' AS n, \
             'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxy' =~ '(x+x+)+z' AS o";
    let o = run_within(&["--empty", "--format", "csv", "query", q], Duration::from_secs(10));
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("false,false,false"), "{}", stdout(&o));
}

#[test]
fn a_bad_regex_is_a_query_error() {
    for re in ["(", "a{99999999}", "[z-a]"] {
        let o = run(&["--empty", "query", &format!("RETURN 'a' =~ '{re}' AS m")]);
        assert_eq!(status(&o), 1, "{re}: {}", stderr(&o));
    }
}

#[test]
fn load_csv_of_a_missing_file_is_an_io_error() {
    let missing = scratch("missing.csv");
    let q = format!("LOAD CSV FROM 'file://{}' AS r RETURN r", s(&missing));
    let o = run(&["--empty", "query", &q]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("missing.csv"), "{}", stderr(&o));
}

#[test]
fn load_csv_of_a_directory_is_an_io_error() {
    let dir = scratch("csv-dir");
    let _ = std::fs::create_dir_all(&dir);
    let q = format!("LOAD CSV FROM 'file://{}' AS r RETURN r", s(&dir));
    let o = run(&["--empty", "query", &q]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
}

#[test]
fn load_csv_of_an_unreadable_file_is_an_io_error() {
    if is_root() {
        return; // root reads any file
    }
    let file = write("unreadable.csv", b"a,b\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000));
    }
    let q = format!("LOAD CSV FROM 'file://{}' AS r RETURN r", s(&file));
    let o = run(&["--empty", "query", &q]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
}

#[test]
fn load_csv_of_a_malformed_file_is_an_io_error_and_changes_nothing() {
    let db = scratch("csv-malformed-db");
    for (name, bytes) in
        [("unclosed-quote.csv", &b"a,b\n1,\"never closed\n2,3\n"[..]), ("not-utf8.csv", &b"a,b\n1,\xff\xfe\n"[..])]
    {
        let file = write(name, bytes);
        let q = format!("LOAD CSV FROM 'file://{}' AS r CREATE (:Row {{v: r[0]}})", s(&file));
        let o = run(&["--db", s(&db), "query", &q]);
        assert_eq!(status(&o), 2, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(name), "{name}: {}", stderr(&o));
    }
    let o = run(&["--db", s(&db), "--format", "csv", "query", "MATCH (n:Row) RETURN count(n) AS c"]);
    assert_eq!(status(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("\n0"), "nothing may be created: {}", stdout(&o));
}

#[test]
fn a_database_path_that_is_a_file_is_an_io_error_and_the_file_is_untouched() {
    let file = write("db-is-a-file", b"precious");
    for extra in [&[][..], &["--read-only"][..]] {
        let mut args = vec!["--db", s(&file)];
        args.extend_from_slice(extra);
        args.extend(["query", "RETURN 1"]);
        let o = run(&args);
        assert_eq!(status(&o), 2, "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("db-is-a-file"), "{}", stderr(&o));
    }
    let under = file.join("db");
    let o = run(&["--db", s(&under), "query", "RETURN 1"]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
    assert_eq!(std::fs::read(&file).ok().as_deref(), Some(&b"precious"[..]));
}

#[test]
fn a_database_directory_without_write_permission_is_an_io_error() {
    if is_root() {
        return; // root writes anywhere
    }
    let dir = scratch("db-readonly-dir");
    let _ = std::fs::create_dir_all(&dir);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555));
    }
    let o = run(&["--db", s(&dir.join("db")), "query", "RETURN 1"]);
    assert_eq!(status(&o), 2, "{}", stderr(&o));
}

#[test]
fn a_runaway_query_stops_at_the_timeout() {
    let script = "UNWIND range(1, 10) AS i CREATE (:N {i: i});\n\
                  MATCH (a:N), (b:N) WHERE a <> b CREATE (a)-[:R]->(b);\n\
                  MATCH p = (a)-[*]-(b) RETURN p;\n";
    let file = write("runaway.cypher", script.as_bytes());
    let o = run_within(&["--empty", "--timeout", "1", "run", s(&file)], Duration::from_secs(30));
    assert_eq!(status(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("timeout"), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------
// Regressions from the fuzz targets (fuzz/README.md).

/// Print, parse the printing, print again: the printings agree.
fn assert_print_fixpoint(text: &str) {
    let ast = match meridian::syntax::parse_statement(text) {
        Ok(a) => a,
        Err(e) => panic!("{text:?} must parse: {e:?}"),
    };
    let printed = ast.to_string();
    match meridian::syntax::parse_statement(&printed) {
        Ok(again) => assert_eq!(printed, again.to_string(), "input {text:?}"),
        Err(e) => panic!("the printing {printed:?} of {text:?} does not parse: {e:?}"),
    }
}

/// fuzz `parse`: `-` folds into a number literal, and `-0` into the literal 0, so a
/// negation of 0 printed as `-0` lost one minus per print/parse round.
#[test]
fn fuzz_parse_negated_integer_zero_prints_stably() {
    for q in [
        "RETURN - -0",
        "RETURN -(-0)",
        "RETURN ----0",
        "RETURN 1----0",
        "RETURN -3 <add> 2 AS a,\n--------------0-------------(-3) <add> 2 AS b",
    ] {
        assert_print_fixpoint(q);
    }
}

/// fuzz `parse`: `REMOVE (x)` was accepted as removing the "property" `(x)` and printed
/// as `REMOVE x`, which does not parse. A parenthesized target needs a lookup.
#[test]
fn fuzz_parse_a_parenthesized_target_needs_a_property_lookup() {
    for q in ["REMOVE(x)", "MATCH (x) REMOVE (x)", "MATCH (x) SET (x) = 1"] {
        match meridian::syntax::parse_statement(q) {
            Ok(ast) => panic!("{q:?} must be a syntax error, parsed as {ast}"),
            Err(e) => assert_eq!(e.code, "UnexpectedSyntax", "{q}: {e:?}"),
        }
    }
    for q in ["MATCH (x) REMOVE (x).a", "MATCH (x) SET (x).a = 1", "MATCH (x) REMOVE x.a, x:A"] {
        assert_print_fixpoint(q);
    }
}
