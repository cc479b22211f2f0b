//! Pictures of results rendered by a real SVG renderer: `meridian query ... --format svg`
//! through `rsvg-convert` (Debian package librsvg2-bin) into PNG files whose size and
//! contents are checked, so a malformed document, bad escaping or an empty drawing fails
//! here and not only in a viewer. Also `--format dot` as text. The rendering checks are
//! skipped, with a note, when rsvg-convert is not installed (`.ci/run` installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn meridian(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_meridian"))
        .env("XDG_DATA_HOME", env!("CARGO_TARGET_TMPDIR"))
        .args(args)
        .stdin(Stdio::null())
        .output();
    match out {
        Ok(o) => o,
        Err(e) => panic!("cannot run meridian: {e}"),
    }
}

fn scratch(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("pictures-{name}"))
}

fn renderer_available() -> bool {
    Command::new("rsvg-convert").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(..8)? != b"\x89PNG\r\n\x1a\n" || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let word = |at: usize| png.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_be_bytes);
    Some((word(16)?, word(20)?))
}

/// Render `svg` to PNG with rsvg-convert; panics with the renderer's message on failure.
pub fn render(svg: &Path) -> Vec<u8> {
    let png = svg.with_extension("png");
    let out = Command::new("rsvg-convert").arg(svg).arg("-o").arg(&png).output();
    match out {
        Ok(o) if o.status.success() => std::fs::read(&png).unwrap_or_default(),
        Ok(o) => panic!("rsvg-convert rejected {}: {}", svg.display(), String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("cannot run rsvg-convert: {e}"),
    }
}

/// The attribute `name="..."` of the `<svg>` element, as a number.
fn svg_attr(svg: &str, name: &str) -> Option<f64> {
    let start = svg.find("<svg")?;
    let tag = svg.get(start..)?.split('>').next()?;
    let value = tag.split(&format!(" {name}=\"")).nth(1)?.split('"').next()?;
    value.parse().ok()
}

/// Render the SVG at `path` and check the PNG: the size the document declares, and
/// much more ink than a blank page of that size (a blank PNG compresses to almost
/// nothing).
fn check_rendering(path: &Path, min_width: u32) {
    let svg = std::fs::read_to_string(path).unwrap_or_default();
    let png = render(path);
    let Some((w, h)) = png_size(&png) else { panic!("{} did not render to a PNG", path.display()) };
    assert!(w >= min_width && h >= 100, "{}: {w}x{h}", path.display());
    assert_eq!(Some(f64::from(w)), svg_attr(&svg, "width").map(f64::ceil), "width of {}", path.display());
    assert_eq!(Some(f64::from(h)), svg_attr(&svg, "height").map(f64::ceil), "height of {}", path.display());
    let blank = path.with_file_name(format!("blank-{w}x{h}.svg"));
    let blank_text = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"><rect width="{w}" height="{h}" fill="#ffffff"/></svg>"##
    );
    assert!(std::fs::write(&blank, blank_text).is_ok());
    let blank_png = render(&blank);
    assert!(
        png.len() > 4 * blank_png.len() + 2000,
        "{} looks empty: {} bytes vs {} blank",
        path.display(),
        png.len(),
        blank_png.len()
    );
}

/// Run a query with --format svg into a file; returns its path.
fn svg_of(name: &str, args: &[&str]) -> PathBuf {
    let o = meridian(args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let path = scratch(&format!("{name}.svg"));
    assert!(std::fs::write(&path, &o.stdout).is_ok());
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.starts_with("<?xml") && text.trim_end().ends_with("</svg>"), "{text}");
    path
}

#[test]
fn svg_pictures_render() {
    let paths = svg_of(
        "paths",
        &["query", "MATCH p = (c:Country)-[]->() RETURN p, c.name AS name LIMIT 30", "--format", "svg"],
    );
    // Awkward text: quotes, angle brackets, ampersands, control characters, other
    // scripts; a relationship to itself; two each way between the same nodes.
    let script = scratch("awkward.cypher");
    let awkward = concat!(
        "CREATE (a:`Odd <Label>` {name: 'Tom & \"Jerry\" <b>'}), (b:B {name: '北京\\u0001\\nline'}), ",
        "(a)-[:`R&D`]->(b), (b)-[:R]->(a), (a)-[:R]->(b), (a)-[:SELF]->(a), (:C {x: 1})"
    );
    assert!(std::fs::write(&script, awkward).is_ok());
    let script = script.display().to_string();
    let awkward = svg_of(
        "awkward",
        &["--graph", &script, "query", "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r", "--format", "svg"],
    );
    // A larger graph for the force-directed layout: a ring of 40 with chords.
    let ring = scratch("ring.cypher");
    let text = "UNWIND range(0, 39) AS i CREATE (:N {name: 'n' + i, i: i});\n\
        MATCH (a:N), (b:N) WHERE b.i = (a.i + 1) % 40 OR (a.i % 10 = 0 AND b.i = (a.i + 20) % 40)\n\
        CREATE (a)-[:NEXT]->(b);";
    assert!(std::fs::write(&ring, text).is_ok());
    let ring = ring.display().to_string();
    let ring = svg_of("ring", &["--graph", &ring, "query", "MATCH p = (:N)-[:NEXT]->() RETURN p", "--format", "svg"]);
    let empty = svg_of("empty", &["query", "RETURN 1 AS one", "--format", "svg"]);
    if !renderer_available() {
        eprintln!("note: rsvg-convert is not installed (Debian: librsvg2-bin); SVG rendering is not checked");
        return;
    }
    for path in [&paths, &awkward, &ring] {
        check_rendering(path, 300);
    }
    let png = render(&empty);
    assert!(png_size(&png).is_some_and(|(w, h)| w > 100 && h > 50), "{:?}", png_size(&png));
}

#[test]
fn dot_pictures() {
    let o = meridian(&["query", "MATCH (c:Country {key: 'france'})-[r]->(x) RETURN r", "--format", "dot"]);
    assert_eq!(o.status.code(), Some(0));
    let dot = String::from_utf8_lossy(&o.stdout);
    assert!(dot.starts_with("digraph \"result\" {"), "{dot}");
    // The relationship's end nodes are drawn with their names though only `r` came back.
    assert!(dot.contains("n1 [label=\"France\""), "{dot}");
    assert!(dot.contains("n1 -> n2 [label="), "{dot}");
    assert_eq!(
        meridian(&["query", "MATCH (c:Country {key: 'france'})-[r]->(x) RETURN r", "--format", "dot"]).stdout,
        o.stdout
    );
    // Graphviz as the layout: used when installed, else a warning and meridian's own.
    let o =
        meridian(&["--layout", "graphviz", "query", "MATCH p = (:Country)-->() RETURN p LIMIT 3", "--format", "svg"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("<svg"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.is_empty() || err.contains("Graphviz `dot` is not installed"), "{err}");
}
