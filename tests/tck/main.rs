//! The openCypher TCK harness, run by `cargo test --test tck` (`harness = false`).
//! It reads the features from `../shared/tck/features` (or `MERIDIAN_TCK_DIR`), expands
//! them into cases (`cases`), runs each case on a fresh `Engine` (`steps`), and applies
//! the skip-list ratchet (`skip`): an unlisted failure fails the run, and so does a listed
//! case that now passes. It prints per-folder counts and ends with the line
//! `N passed, N failed, N skipped`. `MERIDIAN_TCK_BLESS=1` rewrites the skip list,
//! `MERIDIAN_TCK_REPORT=1` writes `TCK.md` (`report`). See tests/tck/README.md.
//! The harness must not change the TCK files or the engine; it only drives the public API.

mod cases;
mod report;
mod skip;
mod steps;
mod values;

use std::any::Any;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use cases::Case;
use steps::Outcome;

/// A case that has not finished after this long is abandoned (its thread is left behind)
/// so that an engine ignoring its own timeout cannot hang the run.
const HARD_TIMEOUT: Duration = Duration::from_secs(120);
/// Stack of the thread that runs one case: generous, because a stack overflow aborts the
/// whole process and cannot be caught like a panic.
const CASE_STACK: usize = 64 << 20;

struct Config {
    features: PathBuf,
    filters: Vec<String>,
    bless: bool,
    verbose: bool,
    report: bool,
    jobs: usize,
    max_details: usize,
    manifest: PathBuf,
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

impl Config {
    fn from_env() -> Config {
        let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let features = std::env::var_os("MERIDIAN_TCK_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| manifest.join("../shared/tck/features"));
        let mut filters: Vec<String> =
            std::env::var("MERIDIAN_TCK_FILTER").ok().filter(|f| !f.is_empty()).into_iter().collect();
        // `cargo test NAME` passes NAME to every test binary: treat it as a filter too.
        // libtest flags are ignored, including the value of those that take one.
        let mut args = std::env::args().skip(1);
        while let Some(a) = args.next() {
            if matches!(a.as_str(), "--skip" | "--test-threads" | "--format" | "--color" | "--logfile" | "-Z") {
                args.next();
            } else if !a.starts_with('-') {
                filters.push(a);
            }
        }
        let jobs = std::env::var("MERIDIAN_TCK_JOBS")
            .ok()
            .and_then(|j| j.parse::<usize>().ok())
            .filter(|j| *j > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()).min(4));
        let max_details =
            std::env::var("MERIDIAN_TCK_MAX_DETAILS").ok().and_then(|j| j.parse::<usize>().ok()).unwrap_or(50);
        Config {
            features,
            filters,
            bless: env_flag("MERIDIAN_TCK_BLESS"),
            verbose: env_flag("MERIDIAN_TCK_VERBOSE"),
            report: env_flag("MERIDIAN_TCK_REPORT"),
            jobs,
            max_details,
            manifest,
        }
    }

    /// A filter selects a feature by any substring of its path, or one case by
    /// `path:line` (matched as a suffix of the case id).
    fn selects(&self, case: &Case) -> bool {
        if self.filters.is_empty() {
            return true;
        }
        let id = case.id();
        self.filters.iter().any(|f| {
            if skip::parse_key(f).is_some() {
                id == *f || id.ends_with(&format!("/{f}"))
            } else {
                case.feature.contains(f.as_str())
            }
        })
    }
}

/// True while the harness self-tests run.
static SELF_TESTING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The message of a caught panic, with its location when the hook recorded one.
pub fn panic_message(payload: &Box<dyn Any + Send>) -> String {
    if let Some(m) = LAST_PANIC.with(|p| p.borrow_mut().take()) {
        return m;
    }
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-string payload".into()
    }
}

/// Engine panics are case failures, reported in the case detail, not on stderr.
fn install_panic_hook(verbose: bool) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let msg = info.payload_as_str().unwrap_or("panic with a non-string payload");
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{loc}")));
        // Self-tests panic on purpose (`panic_is_a_failure`): never echo those.
        if verbose && !SELF_TESTING.load(Ordering::Relaxed) {
            default(info);
        }
    }));
}

fn run_self_tests() -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut n = 0;
    for (name, f) in
        values::self_tests::SELF_TESTS.iter().chain(skip::self_tests::SELF_TESTS).chain(steps::self_tests::SELF_TESTS)
    {
        n += 1;
        if let Err(p) = std::panic::catch_unwind(f) {
            failures.push(format!("self-test {name} failed: {}", panic_message(&p)));
        }
    }
    (n, failures)
}

/// Run all cases on `jobs` workers. Each case gets its own thread so that a hung engine
/// can be abandoned; results come back in case order.
fn run_all(cases: Arc<Vec<Case>>, graphs: Arc<PathBuf>, jobs: usize, verbose: bool) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Outcome>>> =
        (0..cases.len()).map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= cases.len() {
                        break;
                    }
                    let (tx, rx) = mpsc::channel();
                    let (cs, gr) = (Arc::clone(&cases), Arc::clone(&graphs));
                    let spawned = std::thread::Builder::new()
                        .name(format!("tck-case-{i}"))
                        .stack_size(CASE_STACK)
                        .spawn(move || {
                            let o = std::panic::catch_unwind(|| steps::run_case(&cs[i], &gr)).unwrap_or_else(|p| {
                                Outcome::Fail {
                                    reason: steps::one_line(&format!("panic: {}", panic_message(&p))),
                                    detail: String::new(),
                                }
                            });
                            let _ = tx.send(o);
                        });
                    let outcome = match spawned {
                        Err(e) => {
                            Outcome::Fail { reason: "harness could not start a thread".into(), detail: e.to_string() }
                        }
                        Ok(_) => match rx.recv_timeout(HARD_TIMEOUT) {
                            Ok(o) => o,
                            Err(mpsc::RecvTimeoutError::Timeout) => Outcome::Fail {
                                reason: format!("timed out: case still running after {}s", HARD_TIMEOUT.as_secs()),
                                detail: "the engine did not honour its query timeout".into(),
                            },
                            Err(mpsc::RecvTimeoutError::Disconnected) => {
                                Outcome::Fail { reason: "case thread died".into(), detail: String::new() }
                            }
                        },
                    };
                    if verbose {
                        let c = &cases[i];
                        match &outcome {
                            Outcome::Pass => println!("pass {} {}", c.id(), c.name),
                            Outcome::Fail { reason, .. } => {
                                println!("fail {} {} -- {reason}", c.id(), c.name)
                            }
                        }
                    }
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(outcome);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or(Outcome::Fail { reason: "harness lost the result".into(), detail: String::new() })
        })
        .collect()
}

/// What a case means for the run, after the skip list.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Passed,
    Failed,
    Skipped,
    /// Listed in skip.txt but passes now: a failure until the line is removed.
    FixedButListed,
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: usize,
}

fn main() -> ExitCode {
    let start = Instant::now();
    let cfg = Config::from_env();
    install_panic_hook(cfg.verbose);

    SELF_TESTING.store(true, Ordering::Relaxed);
    let (self_tests, mut errors) = run_self_tests();
    SELF_TESTING.store(false, Ordering::Relaxed);
    println!("harness self-tests: {} passed, {} failed", self_tests - errors.len(), errors.len());

    let features = &cfg.features;
    if !features.is_dir() {
        println!("TCK features not found at {} (set MERIDIAN_TCK_DIR)", features.display());
        println!("0 passed, 1 failed");
        return ExitCode::FAILURE;
    }
    let tck_root = features.parent().unwrap_or(Path::new(".")).to_path_buf();
    let graphs = Arc::new(tck_root.join("graphs"));
    let commit = std::fs::read_to_string(tck_root.join("README.md")).ok().and_then(|r| report::tck_commit(&r));

    // The skip list.
    let skip_path = cfg.manifest.join("tests/tck/skip.txt");
    let mut skips = match std::fs::read_to_string(&skip_path) {
        Ok(text) => match skip::parse(&text) {
            Ok(l) => l,
            Err(errs) => {
                for e in &errs {
                    println!("{e}");
                }
                if !cfg.bless {
                    println!("0 passed, {} failed", errs.len());
                    return ExitCode::FAILURE;
                }
                skip::SkipList::default()
            }
        },
        Err(_) => skip::SkipList::default(),
    };

    // Load and expand the features.
    let files = match cases::feature_files(features) {
        Ok(f) => f,
        Err(e) => {
            println!("{e}");
            println!("0 passed, 1 failed");
            return ExitCode::FAILURE;
        }
    };
    let mut all_cases = Vec::new();
    for f in &files {
        match cases::load_feature(features, f) {
            Ok(mut cs) => all_cases.append(&mut cs),
            Err(e) => errors.push(format!("cannot load {e}")),
        }
    }
    let total_cases = all_cases.len();
    let cases: Vec<Case> = all_cases.into_iter().filter(|c| cfg.selects(c)).collect();
    let filtered = !cfg.filters.is_empty();
    let cases = Arc::new(cases);
    println!(
        "TCK: {} of {} cases from {} (commit {}), {} jobs",
        cases.len(),
        total_cases,
        features.display(),
        commit.as_deref().unwrap_or("unknown"),
        cfg.jobs
    );

    let outcomes = run_all(Arc::clone(&cases), graphs, cfg.jobs, cfg.verbose);

    // Stale entries: listed cases that do not exist (only knowable on a full run).
    let ids: BTreeSet<skip::Key> = cases.iter().map(|c| (c.feature.clone(), c.line)).collect();
    let stale: Vec<skip::Key> =
        if filtered { Vec::new() } else { skips.entries.keys().filter(|k| !ids.contains(*k)).cloned().collect() };

    if cfg.bless {
        let (mut added, mut removed) = (0, 0);
        for (c, o) in cases.iter().zip(&outcomes) {
            let key = (c.feature.clone(), c.line);
            match o {
                Outcome::Pass => {
                    if skips.entries.remove(&key).is_some() {
                        removed += 1;
                    }
                }
                Outcome::Fail { reason, .. } => {
                    if let std::collections::btree_map::Entry::Vacant(slot) = skips.entries.entry(key) {
                        added += 1;
                        slot.insert(skip::Entry { reason: reason.clone(), comments: Vec::new() });
                    }
                }
            }
        }
        for k in &stale {
            skips.entries.remove(k);
            removed += 1;
        }
        match std::fs::write(&skip_path, skip::render(&skips)) {
            Ok(()) => println!(
                "blessed {}: {added} added, {removed} removed, {} listed",
                skip_path.display(),
                skips.entries.len()
            ),
            Err(e) => errors.push(format!("cannot write {}: {e}", skip_path.display())),
        }
    } else {
        for (path, line) in &stale {
            errors
                .push(format!("tests/tck/skip.txt lists {path}:{line}, which is not a TCK case (remove it, or bless)"));
        }
    }

    // Verdicts against the (possibly just blessed) skip list.
    let mut per_folder: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut details = Vec::new();
    let mut report_rows = Vec::new();
    for (c, o) in cases.iter().zip(&outcomes) {
        let listed = skips.entries.get(&(c.feature.clone(), c.line));
        let verdict = match (o, listed) {
            (Outcome::Pass, None) => Verdict::Passed,
            (Outcome::Pass, Some(_)) => Verdict::FixedButListed,
            (Outcome::Fail { .. }, None) => Verdict::Failed,
            (Outcome::Fail { .. }, Some(_)) => Verdict::Skipped,
        };
        let t = per_folder.entry(c.folder().to_string()).or_default();
        for t in [t, &mut total] {
            match verdict {
                Verdict::Passed => t.passed += 1,
                Verdict::Skipped => t.skipped += 1,
                Verdict::Failed | Verdict::FixedButListed => t.failed += 1,
            }
        }
        match (verdict, o) {
            (Verdict::Failed, Outcome::Fail { reason, detail }) => {
                details.push(format!("FAIL {} [{}]\n  reason: {reason}\n{detail}", c.id(), c.name))
            }
            (Verdict::FixedButListed, _) => details.push(format!(
                "FIXED {} [{}]\n  passes now: remove its line from tests/tck/skip.txt \
                 (or run with MERIDIAN_TCK_BLESS=1)\n",
                c.id(),
                c.name
            )),
            _ => {}
        }
        report_rows.push(report::Row {
            folder: c.folder().to_string(),
            group: report::classify(c),
            passed: matches!(o, Outcome::Pass),
            reason: match o {
                Outcome::Fail { reason, .. } => Some(reason.clone()),
                Outcome::Pass => None,
            },
        });
    }

    // Unexpected results in detail (bounded), then the summary.
    let shown = details.len().min(cfg.max_details);
    for d in &details[..shown] {
        println!("{d}");
    }
    if details.len() > shown {
        println!(
            "... and {} more unexpected results (MERIDIAN_TCK_MAX_DETAILS raises the limit):",
            details.len() - shown
        );
        for d in &details[shown..] {
            println!("  {}", d.lines().next().unwrap_or(""));
        }
    }
    for e in &errors {
        println!("error: {e}");
    }

    if cfg.report {
        if filtered {
            println!("MERIDIAN_TCK_REPORT ignored: TCK.md needs a full run (no filter)");
        } else {
            let md = report::render(&report_rows, commit.as_deref());
            let path = cfg.manifest.join("TCK.md");
            match std::fs::write(&path, md) {
                Ok(()) => println!("wrote {}", path.display()),
                Err(e) => {
                    println!("error: cannot write {}: {e}", path.display());
                    total.failed += 1;
                }
            }
        }
    }

    println!();
    println!("{:<40} {:>6} {:>6} {:>6} {:>6}", "TCK folder", "passed", "failed", "skipped", "total");
    for (f, t) in &per_folder {
        println!("{:<40} {:>6} {:>6} {:>6} {:>6}", f, t.passed, t.failed, t.skipped, t.passed + t.failed + t.skipped);
    }
    println!(
        "{:<40} {:>6} {:>6} {:>6} {:>6}",
        "total",
        total.passed,
        total.failed,
        total.skipped,
        total.passed + total.failed + total.skipped
    );
    println!("{} skipped (known failures listed in tests/tck/skip.txt)", total.skipped);
    println!("time: {:.1}s", start.elapsed().as_secs_f64());
    let failed = total.failed + errors.len();
    println!("{} passed, {} failed, {} skipped", total.passed, failed, total.skipped);
    if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
