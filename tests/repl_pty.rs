//! The interactive shell driven as a user drives it: the real binary in a pseudo-terminal
//! (a tmux session on a private socket), typing keys and reading the screen. Covers a
//! multi-line statement, tab completion of a label and a property key, highlighting,
//! Ctrl-C cancelling a long query, and history across sessions; and a new user's path:
//! `:schema`, completing to a query, an answer fitted to the screen, a picture of it
//! with `:view` (rendered by rsvg-convert when installed), and recovering from typos
//! with the warnings and hints. Skipped, with a note, when tmux is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output();
        match out {
            Ok(o) => String::from_utf8_lossy(&o.stdout).into_owned(),
            Err(e) => panic!("tmux {args:?}: {e}"),
        }
    }

    /// Start the shell in a 100x30 terminal, with its history under `data`, no pager,
    /// and no browser or display for `:view` to open pictures with.
    fn start(&self, data: &Path, extra_env: &str) {
        let bin = env!("CARGO_BIN_EXE_meridian");
        let command = format!(
            "env -u DISPLAY -u WAYLAND_DISPLAY XDG_DATA_HOME='{}' PAGER= BROWSER= {extra_env} '{bin}'",
            data.display()
        );
        self.run(&["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", &command]);
    }

    /// Type text literally (tmux takes a final `;` as a command separator unless escaped).
    fn type_text(&self, text: &str) {
        let escaped = if text.ends_with(';') { format!("{}\\;", &text[..text.len() - 1]) } else { text.to_string() };
        self.run(&["send-keys", "-t", "t", "-l", &escaped]);
    }

    fn key(&self, key: &str) {
        self.run(&["send-keys", "-t", "t", key]);
    }

    fn screen(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", "t", "-S", "-200"];
        if escapes {
            args.push("-e");
        }
        self.run(&args)
    }

    /// Wait until the screen satisfies `done`; fail with the screen after a minute (the
    /// machine may be busy building other things).
    fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        match self.wait_for(Duration::from_secs(60), &done) {
            Some(screen) => screen,
            None => panic!("timed out waiting for {what}; the screen:\n{}", self.screen(false)),
        }
    }

    fn wait_for(&self, limit: Duration, done: &dyn Fn(&str) -> bool) -> Option<String> {
        let start = Instant::now();
        loop {
            let screen = self.screen(false);
            if done(&screen) {
                return Some(screen);
            }
            if start.elapsed() > limit {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The last non-empty line of the screen.
    fn last_line(&self) -> String {
        self.screen(false).lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string()
    }

    fn stop(&self) {
        self.run(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("meridian-pty-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    assert!(std::fs::create_dir_all(&dir).is_ok());
    dir
}

#[test]
fn shell_through_a_pseudo_terminal() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed; the pseudo-terminal test is skipped");
        return;
    }
    let data = temp_dir("session");
    let tmux = Tmux { socket: format!("meridian-test-{}", std::process::id()) };
    tmux.start(&data, "");
    tmux.wait("the prompt", |s| s.contains("meridian>"));

    // A label and a property key completed with Tab, in a statement over two lines.
    tmux.type_text("MATCH (c:Cou");
    tmux.key("Tab");
    tmux.wait("the completed label", |s| s.contains("MATCH (c:Country"));
    tmux.type_text(") WHERE c.key = 'france'");
    tmux.key("Enter");
    tmux.wait("the continuation prompt", |s| s.contains("...>"));
    tmux.type_text("RETURN c.na");
    tmux.key("Tab");
    tmux.wait("the completed key", |s| s.contains("RETURN c.name"));
    tmux.type_text(" AS name;");
    tmux.key("Enter");
    let screen = tmux.wait("the result", |s| s.contains("1 row"));
    assert!(screen.contains("| 'France' |"), "{screen}");

    // Keywords are coloured on a terminal.
    tmux.type_text("RETURN 1");
    tmux.wait("the typed text", |s| s.lines().any(|l| l == "meridian> RETURN 1"));
    let coloured = tmux.screen(true);
    assert!(coloured.contains("\x1b[1m\x1b[35mRETURN") || coloured.contains("\x1b[1;35mRETURN"), "{coloured:?}");
    tmux.key("C-c");
    tmux.wait("a fresh prompt", |_| tmux.last_line() == "meridian>");

    // Ctrl-C cancels a long query and the shell goes on.
    tmux.type_text("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y WITH x WHERE x < 0 RETURN count(x);");
    tmux.key("Enter");
    // Ctrl-C again if the first one came before the query started (it then only
    // abandons an empty line); a pause between them keeps them from reading as "twice".
    let cancelled = |s: &str| s.contains("Cancelled") || s.contains("cancelled");
    let mut screen = None;
    for _ in 0..6 {
        std::thread::sleep(Duration::from_millis(500));
        tmux.key("C-c");
        screen = tmux.wait_for(Duration::from_secs(10), &cancelled);
        if screen.is_some() {
            break;
        }
    }
    let screen = screen.unwrap_or_else(|| panic!("Ctrl-C did not cancel; the screen:\n{}", tmux.screen(false)));
    assert!(!screen.contains("panicked"), "{screen}");
    tmux.wait("the prompt after cancelling", |_| tmux.last_line() == "meridian>");
    tmux.type_text(":quit");
    tmux.key("Enter");
    std::thread::sleep(Duration::from_millis(300));
    tmux.stop();

    // History across sessions: the multi-line statement comes back with Up.
    let history = std::fs::read_to_string(data.join("meridian/history")).unwrap_or_default();
    assert!(history.contains("WHERE c.key = 'france'"), "{history}");
    tmux.start(&data, "NO_COLOR=1");
    tmux.wait("the prompt", |s| s.contains("meridian>"));
    tmux.key("Up");
    tmux.key("Up");
    tmux.wait("the recalled statement", |s| s.contains("RETURN count(x)") || s.contains("WHERE x < 0"));
    tmux.key("C-c");
    // The editor drops keys typed before its next prompt: wait for it.
    tmux.wait("a fresh prompt", |_| tmux.last_line() == "meridian>");
    // Reverse search finds the older statement.
    tmux.key("C-r");
    tmux.type_text("france");
    tmux.wait("the search result", |s| s.contains("c.key = 'france'"));
    tmux.key("C-c");
    tmux.wait("a fresh prompt", |_| tmux.last_line() == "meridian>");
    // NO_COLOR: no escapes in the line being typed.
    tmux.type_text("RETURN 1");
    tmux.wait("the typed text", |s| s.lines().any(|l| l == "meridian> RETURN 1"));
    let plain = tmux.screen(true);
    assert!(!plain.contains("35mRETURN"), "{plain:?}");
    tmux.stop();
    let _ = std::fs::remove_dir_all(&data);
}

/// The lines of the last table on the screen (from its last top rule on).
fn last_table(screen: &str) -> Vec<&str> {
    let lines: Vec<&str> = screen.lines().collect();
    let rules: Vec<usize> = lines.iter().enumerate().filter(|(_, l)| l.starts_with("+-")).map(|(i, _)| i).collect();
    // A table has three rules (top, under the header, bottom): start at the third last.
    let start = rules.len().checked_sub(3).and_then(|i| rules.get(i)).copied().unwrap_or(0);
    lines.into_iter().skip(start).take_while(|l| l.starts_with('+') || l.starts_with('|')).collect()
}

#[test]
fn a_new_user_finds_their_way() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed; the pseudo-terminal test is skipped");
        return;
    }
    let data = temp_dir("new-user");
    let tmux = Tmux { socket: format!("meridian-new-user-{}", std::process::id()) };
    tmux.start(&data, "NO_COLOR=1");
    tmux.wait("the prompt", |s| s.contains("meridian>"));

    // Discover the graph: labels, types and which connects to which.
    tmux.type_text(":schema");
    tmux.key("Enter");
    tmux.wait("the schema", |s| s.contains("Connections:") && s.contains("(:Country)-[:LOCATED_IN]->(:Region)"));
    tmux.key("C-l");
    tmux.wait("a clear screen", |_| tmux.last_line() == "meridian>");

    // Complete the way to a query: a label, a relationship type, a property key.
    tmux.type_text("MATCH (c:Cou");
    tmux.key("Tab");
    tmux.wait("the completed label", |s| s.contains("MATCH (c:Country"));
    tmux.type_text(")-[l:LOC");
    tmux.key("Tab");
    tmux.wait("the completed type", |s| s.contains("[l:LOCATED_IN"));
    tmux.type_text("]->(r) RETURN c.na");
    tmux.key("Tab");
    tmux.wait("the completed key", |s| s.contains("RETURN c.name"));
    tmux.type_text(" AS country, r.name AS region, l, c LIMIT 5;");
    tmux.key("Enter");
    let screen = tmux.wait("the answer", |s| s.contains("5 rows"));

    // The answer fits the 100 columns: whole table lines, long cells cut with `…`.
    let table = last_table(&screen);
    assert_eq!(table.len(), 9, "{screen}");
    let width = table.first().map(|l| l.chars().count()).unwrap_or(0);
    assert!(width <= 100 && width > 60, "{screen}");
    assert!(table.iter().all(|l| l.chars().count() == width && (l.ends_with('|') || l.ends_with('+'))), "{screen}");
    assert!(table.iter().any(|l| l.contains('…')), "{screen}");
    assert!(screen.contains("| 'France'"), "{screen}");

    // A picture of the answer.
    let picture = data.join("answer.svg");
    tmux.type_text(&format!(":view {}", picture.display()));
    tmux.key("Enter");
    tmux.wait("the picture", |s| s.contains("Wrote") && s.contains("relationships)"));
    assert!(!tmux.screen(false).contains("opened with"));
    let svg = std::fs::read_to_string(&picture).unwrap_or_default();
    assert!(svg.contains(">France</text>") && svg.contains(">LOCATED_IN</text>"), "{svg}");
    render_if_possible(&picture);

    // A typo: the warning names the label meant; recall the statement and fix it.
    tmux.type_text("MATCH (c:Contry) RETURN count(c) AS n;");
    tmux.key("Enter");
    tmux.wait("the warning", |s| s.contains("warning: no label :Contry in the graph; did you mean :Country?"));
    tmux.wait("the empty answer", |s| s.contains("| 0 |"));
    tmux.key("Up");
    tmux.wait("the recalled statement", |_| tmux.last_line() == "meridian> MATCH (c:Contry) RETURN count(c) AS n;");
    tmux.key("Home");
    for _ in 0.."MATCH (c:Co".len() {
        tmux.key("Right");
    }
    tmux.type_text("u");
    tmux.wait("the fixed statement", |s| s.contains("meridian> MATCH (c:Country) RETURN count(c) AS n;"));
    tmux.key("Enter");
    tmux.wait("the answer", |s| s.contains("| 14 |"));

    // A habit from SQL and a missing AS: the error says what to write.
    tmux.type_text("MATCH (c:Country) WITH c.name RETURN name;");
    tmux.key("Enter");
    tmux.wait("the hint", |s| s.contains("help: write `WITH c.name AS name` to name the value"));
    tmux.type_text("MATCH (c:Country) WITH c.name AS name RETURN count(name) AS named;");
    tmux.key("Enter");
    tmux.wait("the answer", |s| s.contains("| named |"));

    // And a picture of the schema.
    let schema = data.join("schema.svg");
    tmux.type_text(&format!(":schema svg {}", schema.display()));
    tmux.key("Enter");
    tmux.wait("the schema picture", |s| s.contains(&format!("Wrote {}", schema.display())));
    render_if_possible(&schema);
    tmux.type_text(":quit");
    tmux.key("Enter");
    std::thread::sleep(Duration::from_millis(300));
    tmux.stop();
    let _ = std::fs::remove_dir_all(&data);
}

/// Render an SVG with rsvg-convert, when installed, and check it gives a PNG.
fn render_if_possible(svg: &Path) {
    let Ok(out) = Command::new("rsvg-convert").arg(svg).arg("-o").arg(svg.with_extension("png")).output() else {
        eprintln!("note: rsvg-convert is not installed; {} is not rendered", svg.display());
        return;
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let png = std::fs::read(svg.with_extension("png")).unwrap_or_default();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 5000, "{} bytes", png.len());
}
