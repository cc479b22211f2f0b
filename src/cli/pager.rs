//! Showing a result taller than the terminal through a pager, like psql: `$PAGER` when
//! set (an empty `PAGER` turns paging off), else `less` with `LESS=FRX` unless `LESS` is
//! set (quit at once if the text fits, keep colours, leave the text on screen). The shell
//! decides when to page (a terminal, a tall result); this module only runs the pager.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// Whether `text` needs more lines than a terminal of `rows` rows shows, keeping one row
/// for the prompt that follows.
pub fn is_tall(text: &[u8], rows: usize) -> bool {
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    rows > 0 && lines >= rows
}

/// Pipe `text` through the pager and wait for it. Returns false, having shown nothing,
/// when no pager can be started (or `PAGER` is empty): the caller then prints the text.
pub fn page(text: &[u8]) -> bool {
    let (command, default) = match std::env::var("PAGER") {
        Ok(p) if p.trim().is_empty() => return false,
        Ok(p) => (p, false),
        Err(_) => ("less".to_string(), true),
    };
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(&command).stdin(Stdio::piped());
    if default && std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let Ok(mut child) = cmd.spawn() else { return false };
    if let Some(mut stdin) = child.stdin.take() {
        // The reader may quit before reading everything (`q` in less): a broken pipe
        // is how it says so, not an error.
        match stdin.write_all(text) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
            Err(_) => {}
        }
    }
    let _ = child.wait();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tall_means_more_lines_than_rows() {
        assert!(!is_tall(b"a\nb\n", 3));
        assert!(is_tall(b"a\nb\nc\n", 3));
        assert!(!is_tall(b"a\nb\nc\n", 0));
    }
}
