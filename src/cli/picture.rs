//! Pictures of graphs: the nodes, relationships and paths found in a result (or the
//! labels of the schema and the types that connect them) as Graphviz DOT text, or as an
//! SVG drawing laid out here, deterministically: a circle for a few nodes, otherwise a
//! force-directed layout started from that circle and run for a fixed number of
//! iterations, so the same result always gives the same picture. Graphviz's own `dot`
//! can lay out the SVG instead when it is installed (`graphviz_svg`).
//!
//! Pure formatting onto a writer, apart from `graphviz_svg`, which runs `dot`: this module
//! runs no query and decides nothing about what to show beyond the values it is given.
//! Every text that reaches the output is escaped for its language (DOT strings, XML).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::value::{NodeId, RelId, Value};
use crate::{QueryOutput, SchemaDetails};

/// A graph ready to draw: nodes in order of first appearance, edges between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Draw a legend of the groups' colours (pointless when the titles are the groups).
    pub legend: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// The main text: the `name` property, else the first property, else the label.
    pub title: String,
    /// A second, smaller line: the labels of a result node, the count of a schema label.
    pub subtitle: String,
    /// Nodes of one group share a colour: the first label.
    pub group: String,
    /// Everything known, shown as a tooltip.
    pub detail: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edge {
    /// Indexes into `Picture::nodes`.
    pub from: usize,
    pub to: usize,
    pub label: String,
    pub detail: String,
}

/// Longest title or label drawn; longer ones end in `…` (the tooltip has them whole).
const MAX_TEXT: usize = 30;

impl Picture {
    /// The nodes, relationships and paths anywhere in the result's values (lists and
    /// maps included), each once, with the end nodes of every relationship.
    pub fn of_output(output: &QueryOutput) -> Picture {
        let mut found = Found::default();
        // An explicit stack: nesting depth of values must not become recursion depth.
        let mut stack: Vec<&Value> = output.rows.iter().rev().flat_map(|row| row.iter().rev()).collect();
        while let Some(value) = stack.pop() {
            match value {
                Value::Node(id) => found.node(*id),
                Value::Rel(id) => found.rel(*id, output),
                Value::Path(path) => {
                    for (i, node) in path.nodes.iter().enumerate() {
                        found.node(*node);
                        if let Some(rel) = path.rels.get(i) {
                            found.rel(*rel, output);
                        }
                    }
                }
                Value::List(items) => stack.extend(items.iter().rev()),
                Value::Map(map) => stack.extend(map.values().rev()),
                _ => {}
            }
        }
        let mut picture = Picture { legend: true, ..Picture::default() };
        for id in &found.nodes {
            picture.nodes.push(result_node(*id, output));
        }
        for id in &found.rels {
            let Some(data) = output.rels.get(id) else { continue };
            let (Some(from), Some(to)) = (found.index.get(&data.start), found.index.get(&data.end)) else { continue };
            let detail = Value::Rel(*id).display(output).to_string();
            picture.edges.push(Edge { from: *from, to: *to, label: data.rel_type.clone(), detail });
        }
        picture
    }

    /// Which labels connect to which by which type: one node per label (nodes without a
    /// label as `()`), one edge per (label, type, label) with its count.
    pub fn of_schema(schema: &SchemaDetails) -> Picture {
        let mut picture = Picture::default();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut add = |picture: &mut Picture, name: &str, count: Option<u64>| -> usize {
            if let Some(i) = index.get(name) {
                return *i;
            }
            let title = if name.is_empty() { "()".to_string() } else { format!(":{name}") };
            let subtitle = count.map(|n| format!("{n} node{}", if n == 1 { "" } else { "s" })).unwrap_or_default();
            let detail = format!("{title} {subtitle}").trim().to_string();
            picture.nodes.push(Node { title, subtitle, group: name.to_string(), detail });
            index.insert(name.to_string(), picture.nodes.len() - 1);
            picture.nodes.len() - 1
        };
        for entry in schema.labels.iter().chain(&schema.unlabelled) {
            add(&mut picture, &entry.name, Some(entry.count));
        }
        for (start, rel_type, end, count) in &schema.connections {
            let from = add(&mut picture, start, None);
            let to = add(&mut picture, end, None);
            let label = format!(":{rel_type} ({count})");
            picture.edges.push(Edge { from, to, label: label.clone(), detail: label });
        }
        picture
    }
}

/// Ids in order of first appearance.
#[derive(Default)]
struct Found {
    nodes: Vec<NodeId>,
    index: HashMap<NodeId, usize>,
    rels: Vec<RelId>,
    seen_rels: std::collections::HashSet<RelId>,
}

impl Found {
    fn node(&mut self, id: NodeId) {
        if !self.index.contains_key(&id) {
            self.index.insert(id, self.nodes.len());
            self.nodes.push(id);
        }
    }

    fn rel(&mut self, id: RelId, output: &QueryOutput) {
        if self.seen_rels.insert(id) {
            if let Some(data) = output.rels.get(&id) {
                self.node(data.start);
                self.node(data.end);
            }
            self.rels.push(id);
        }
    }
}

fn result_node(id: NodeId, output: &QueryOutput) -> Node {
    let Some(data) = output.nodes.get(&id) else {
        return Node { detail: "()".into(), ..Node::default() };
    };
    let shown = |v: &Value| match v {
        Value::String(s) => s.clone(),
        v => v.display(output).to_string(),
    };
    let labels: String = data.labels.iter().map(|l| format!(":{l}")).collect();
    let title = match data.properties.get("name").or_else(|| data.properties.values().next()) {
        Some(v) => shown(v),
        None => labels.clone(),
    };
    Node {
        title,
        subtitle: labels,
        group: data.labels.first().cloned().unwrap_or_default(),
        detail: Value::Node(id).display(output).to_string(),
    }
}

/// At most `MAX_TEXT` characters, on one line.
fn short(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one_line.chars().count() <= MAX_TEXT {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(MAX_TEXT - 1).collect();
        cut.push('…');
        cut
    }
}

/// Colours of groups, in the order the groups sort; nodes without a group are grey.
const PALETTE: &[&str] = &[
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#2f9e9e",
    "#a0cbe8", "#8cd17d", "#d4a6c8", "#f1ce63", "#d37295", "#79706e",
];
const NO_GROUP: &str = "#bab0ac";

fn colours(picture: &Picture) -> BTreeMap<&str, &'static str> {
    let mut groups: Vec<&str> = picture.nodes.iter().map(|n| n.group.as_str()).filter(|g| !g.is_empty()).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut map: BTreeMap<&str, &'static str> = groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| (g, PALETTE.get(i % PALETTE.len()).copied().unwrap_or(NO_GROUP)))
        .collect();
    map.insert("", NO_GROUP);
    map
}

/// A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`,
/// other control characters as spaces.
pub fn dot_string(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '"' => s.push_str("\\\""),
            '\n' => s.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => s.push(' '),
            c => s.push(c),
        }
    }
    s.push('"');
    s
}

/// The picture as a Graphviz digraph named `name`. Node ids are `n1`, `n2`, ... in the
/// order of `picture.nodes`, so the text is the same for the same result.
pub fn write_dot(out: &mut dyn Write, picture: &Picture, name: &str) -> io::Result<()> {
    let colours = colours(picture);
    let mut s = String::new();
    let _ = writeln!(s, "digraph {} {{", dot_string(name));
    let _ = writeln!(s, "  graph [fontname=\"Helvetica\", overlap=false];");
    let _ = writeln!(
        s,
        "  node [shape=ellipse, style=filled, fontname=\"Helvetica\", fontsize=12, fontcolor=\"#1a1a1a\"];"
    );
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\"];");
    for (i, node) in picture.nodes.iter().enumerate() {
        let colour = colours.get(node.group.as_str()).copied().unwrap_or(NO_GROUP);
        let _ = writeln!(
            s,
            "  n{} [label={}, tooltip={}, fillcolor={}];",
            i + 1,
            dot_string(&short(&node.title)),
            dot_string(&node.detail),
            dot_string(&light(colour))
        );
    }
    for edge in &picture.edges {
        let _ = writeln!(
            s,
            "  n{} -> n{} [label={}, tooltip={}];",
            edge.from + 1,
            edge.to + 1,
            dot_string(&short(&edge.label)),
            dot_string(&edge.detail)
        );
    }
    s.push_str("}\n");
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// A lighter tint of `#rrggbb`, for fills behind dark text.
fn light(colour: &str) -> String {
    let channel = |i: usize| colour.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(128);
    let tint = |c: u8| 255 - (255 - u16::from(c)) * 55 / 100;
    format!("#{:02x}{:02x}{:02x}", tint(channel(1)), tint(channel(3)), tint(channel(5)))
}

/// Text for XML content and attribute values; characters XML cannot carry become spaces.
pub fn xml_text(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\'' => s.push_str("&#39;"),
            '\n' => s.push_str("&#10;"),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => s.push(' '),
            c => s.push(c),
        }
    }
    s
}

/// Radius of a node's circle, in pixels.
const RADIUS: f64 = 18.0;
/// Length of an edge in the layout, in pixels.
const EDGE_LENGTH: f64 = 150.0;
const MARGIN: f64 = 40.0;
/// Rough width of a character of 12px text, for making room for labels.
const CHAR_WIDTH: f64 = 7.0;
const FONT: &str = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif";

/// Node positions in pixels (before the canvas is fitted around them).
pub fn layout(picture: &Picture) -> Vec<(f64, f64)> {
    let n = picture.nodes.len();
    // Dense graphs get longer edges, so that their labels have room.
    let density = picture.edges.len() as f64 / n.max(1) as f64;
    let k = EDGE_LENGTH * density.sqrt().clamp(1.0, 2.5);
    // Start on a circle whose circumference leaves an edge length between neighbours.
    let radius = (k * n as f64 / std::f64::consts::TAU).max(k / 2.0);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n.max(1) as f64 - std::f64::consts::FRAC_PI_2;
            (radius * angle.cos(), radius * angle.sin())
        })
        .collect();
    // A circle reads well for a few nodes; a very large graph keeps it too, since the
    // force-directed layout costs n² per iteration.
    if n <= 6 || n > 1500 {
        return pos;
    }
    let iterations = if n <= 300 { 300 } else { 80 };
    let mut temperature = radius / 4.0;
    let cooling = temperature / (iterations as f64 + 1.0);
    let mut shift = vec![(0.0f64, 0.0f64); n];
    for _ in 0..iterations {
        for s in shift.iter_mut() {
            *s = (0.0, 0.0);
        }
        // Every pair repels.
        for i in 0..n {
            for j in (i + 1)..n {
                let (Some(a), Some(b)) = (pos.get(i).copied(), pos.get(j).copied()) else { continue };
                let (dx, dy, d) = apart(a, b, i, j);
                let force = k * k / d;
                add(&mut shift, i, dx / d * force, dy / d * force);
                add(&mut shift, j, -dx / d * force, -dy / d * force);
            }
        }
        // Joined nodes attract.
        for edge in &picture.edges {
            let (i, j) = (edge.from, edge.to);
            if i == j {
                continue;
            }
            let (Some(a), Some(b)) = (pos.get(i).copied(), pos.get(j).copied()) else { continue };
            let (dx, dy, d) = apart(a, b, i, j);
            let force = d * d / k;
            add(&mut shift, i, -dx / d * force, -dy / d * force);
            add(&mut shift, j, dx / d * force, dy / d * force);
        }
        // A pull to the centre, growing like the attraction of an edge, keeps separate
        // pieces near each other.
        for (i, p) in pos.iter().enumerate() {
            let d = (p.0 * p.0 + p.1 * p.1).sqrt();
            let pull = 0.15 * d / k;
            add(&mut shift, i, -p.0 * pull, -p.1 * pull);
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            let length = (s.0 * s.0 + s.1 * s.1).sqrt();
            if length > 0.0 {
                let step = length.min(temperature);
                p.0 += s.0 / length * step;
                p.1 += s.1 / length * step;
            }
        }
        temperature = (temperature - cooling).max(1.0);
    }
    pos
}

/// The vector from `b` to `a` and its length, never zero: nodes on the same spot are
/// pushed apart in a direction that depends only on their indexes.
fn apart(a: (f64, f64), b: (f64, f64), i: usize, j: usize) -> (f64, f64, f64) {
    let (mut dx, mut dy) = (a.0 - b.0, a.1 - b.1);
    if dx * dx + dy * dy < 0.01 {
        let angle = (i * 7 + j * 13) as f64;
        dx = angle.cos();
        dy = angle.sin();
    }
    (dx, dy, (dx * dx + dy * dy).sqrt().max(0.1))
}

fn add(shift: &mut [(f64, f64)], i: usize, dx: f64, dy: f64) {
    if let Some(s) = shift.get_mut(i) {
        s.0 += dx;
        s.1 += dy;
    }
}

/// The picture as a standalone SVG document laid out by `layout`: circles coloured by
/// group with their title and subtitle below, arrows labelled by type (curved apart when
/// several join the same nodes, loops for a node's relationships to itself), and a
/// legend of the groups. `caption` is written at the top.
pub fn write_svg(out: &mut dyn Write, picture: &Picture, caption: &str) -> io::Result<()> {
    let colours = colours(picture);
    let pos = layout(picture);
    // The box around the nodes and their labels.
    let half_text = |node: &Node| {
        let chars = short(&node.title).chars().count().max(short(&node.subtitle).chars().count());
        (chars as f64 * CHAR_WIDTH / 2.0).max(RADIUS)
    };
    let mut min = (f64::MAX, f64::MAX);
    let mut max = (f64::MIN, f64::MIN);
    for (node, p) in picture.nodes.iter().zip(&pos) {
        let w = half_text(node);
        min = (min.0.min(p.0 - w), min.1.min(p.1 - RADIUS - 40.0));
        max = (max.0.max(p.0 + w), max.1.max(p.1 + RADIUS + 34.0));
    }
    if picture.nodes.is_empty() {
        min = (0.0, 0.0);
        max = (240.0, 40.0);
    }
    // The legend: one line of swatches, wrapped to the drawing's width.
    let groups: Vec<(&str, &str)> = match picture.legend {
        true => colours.iter().filter(|(g, _)| !g.is_empty()).map(|(g, c)| (*g, *c)).collect(),
        false => Vec::new(),
    };
    let drawing_width = (max.0 - min.0).max(240.0);
    let mut legend = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    for (group, colour) in &groups {
        let width = 22.0 + short(group).chars().count() as f64 * CHAR_WIDTH + 16.0;
        if x > 0.0 && x + width > drawing_width {
            x = 0.0;
            y += 20.0;
        }
        legend.push((x, y, *group, *colour));
        x += width;
    }
    let header = 30.0 + if groups.is_empty() { 0.0 } else { y + 24.0 };
    let width = (drawing_width + 2.0 * MARGIN).ceil();
    let height = (max.1 - min.1 + 2.0 * MARGIN + header).ceil();
    let dx = MARGIN - min.0 + (drawing_width - (max.0 - min.0)) / 2.0;
    let dy = MARGIN + header - min.1;
    let at = |i: usize| pos.get(i).map(|p| (p.0 + dx, p.1 + dy)).unwrap_or((dx, dy));

    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}">"#
    );
    let _ = writeln!(s, "<title>{}</title>", xml_text(caption));
    let _ = writeln!(
        s,
        concat!(
            r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" "#,
            r##"orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555555"/></marker></defs>"##
        )
    );
    let _ = writeln!(s, r##"<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="{MARGIN}" y="24" font-size="14" font-weight="bold" fill="#333333">{}</text>"##,
        xml_text(&short_caption(caption, ((width - 2.0 * MARGIN) / 8.0) as usize))
    );
    for (x, y, group, colour) in &legend {
        let (x, y) = (MARGIN + x, 44.0 + y);
        let _ = writeln!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="6" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12" fill="#333333">{}</text>"##,
            x + 6.0,
            y - 4.0,
            x + 16.0,
            y,
            xml_text(&short(group))
        );
    }
    if picture.nodes.is_empty() {
        let _ = writeln!(
            s,
            r##"<text x="{MARGIN}" y="{:.1}" font-size="13" fill="#666666">no nodes, relationships or paths to draw</text>"##,
            header + MARGIN
        );
    }

    // Edges first, so that nodes cover their ends. Edges joining the same two nodes
    // (either way) are spread apart by bending them.
    let mut bundles: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for edge in &picture.edges {
        *bundles.entry((edge.from.min(edge.to), edge.from.max(edge.to))).or_default() += 1;
    }
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let _ = writeln!(s, r##"<g stroke="#555555" stroke-width="1.5" fill="none">"##);
    let mut labels = String::new();
    for edge in &picture.edges {
        let key = (edge.from.min(edge.to), edge.from.max(edge.to));
        let count = bundles.get(&key).copied().unwrap_or(1);
        let nth = seen.entry(key).or_default();
        let index = *nth;
        *nth += 1;
        let (a, b) = (at(edge.from), at(edge.to));
        let (path, label_at) = if edge.from == edge.to {
            loop_path(a, index)
        } else {
            // Bends are measured from the pair's own direction, so edges both ways
            // between two nodes spread out rather than overlap.
            let bend = (index as f64 - (count as f64 - 1.0) / 2.0) * 36.0;
            let bend = if edge.from <= edge.to { bend } else { -bend };
            curve_path(a, b, bend)
        };
        let _ = writeln!(
            s,
            r#"<path d="{path}" marker-end="url(#arrow)"><title>{}</title></path>"#,
            xml_text(&edge.detail)
        );
        let _ = writeln!(
            labels,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle" fill="#333333" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
            label_at.0,
            label_at.1 + 4.0,
            xml_text(&short(&edge.label))
        );
    }
    let _ = writeln!(s, "</g>");
    s.push_str(&labels);
    for (i, node) in picture.nodes.iter().enumerate() {
        let (x, y) = at(i);
        let colour = colours.get(node.group.as_str()).copied().unwrap_or(NO_GROUP);
        let _ = writeln!(
            s,
            r##"<g><title>{}</title><circle cx="{x:.1}" cy="{y:.1}" r="{RADIUS}" fill="{colour}" stroke="#333333" stroke-width="1"/>"##,
            xml_text(&node.detail)
        );
        let _ = writeln!(
            s,
            r##"<text x="{x:.1}" y="{:.1}" font-size="12" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke">{}</text>"##,
            y + RADIUS + 15.0,
            xml_text(&short(&node.title))
        );
        if !node.subtitle.is_empty() {
            let _ = writeln!(
                s,
                r##"<text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#666666">{}</text>"##,
                y + RADIUS + 28.0,
                xml_text(&short(&node.subtitle))
            );
        }
        let _ = writeln!(s, "</g>");
    }
    s.push_str("</svg>\n");
    out.write_all(s.as_bytes())?;
    out.flush()
}

/// The caption on one line, cut to at most `max` characters (at least 20, at most 100).
fn short_caption(caption: &str, max: usize) -> String {
    let max = max.clamp(20, 100);
    let one_line: String = caption.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// A line (or a quadratic curve bent by `bend` pixels) from circle `a` to circle `b`,
/// ending at `b`'s rim; returns the path and where its label goes.
fn curve_path(a: (f64, f64), b: (f64, f64), bend: f64) -> (String, (f64, f64)) {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = (dx * dx + dy * dy).sqrt().max(0.1);
    let normal = (-dy / length, dx / length);
    let control = ((a.0 + b.0) / 2.0 + normal.0 * bend * 2.0, (a.1 + b.1) / 2.0 + normal.1 * bend * 2.0);
    // Leave each circle towards the control point.
    let towards = |from: (f64, f64), to: (f64, f64), by: f64| {
        let (x, y) = (to.0 - from.0, to.1 - from.1);
        let l = (x * x + y * y).sqrt().max(0.1);
        (from.0 + x / l * by, from.1 + y / l * by)
    };
    let start = towards(a, control, RADIUS);
    let end = towards(b, control, RADIUS + 1.0);
    let label = (0.25 * start.0 + 0.5 * control.0 + 0.25 * end.0, 0.25 * start.1 + 0.5 * control.1 + 0.25 * end.1);
    let path = if bend == 0.0 {
        format!("M {:.1} {:.1} L {:.1} {:.1}", start.0, start.1, end.0, end.1)
    } else {
        format!("M {:.1} {:.1} Q {:.1} {:.1} {:.1} {:.1}", start.0, start.1, control.0, control.1, end.0, end.1)
    };
    (path, label)
}

/// A loop above the node for a relationship to itself; the `index`th is drawn larger.
fn loop_path(c: (f64, f64), index: usize) -> (String, (f64, f64)) {
    let size = 50.0 + 22.0 * index as f64;
    let (x, y) = c;
    let (sx, sy) = (x - RADIUS * 0.5, y - RADIUS * 0.87);
    let (ex, ey) = (x + RADIUS * 0.5, y - RADIUS * 0.87);
    let path = format!(
        "M {sx:.1} {sy:.1} C {:.1} {:.1} {:.1} {:.1} {ex:.1} {ey:.1}",
        x - size * 0.8,
        y - size * 1.4,
        x + size * 0.8,
        y - size * 1.4
    );
    (path, (x, y - size * 1.1))
}

/// Lay the picture out with Graphviz: its DOT text through `dot -Tsvg`. Fails with a
/// message when `dot` is not installed or rejects the input.
pub fn graphviz_svg(picture: &Picture, name: &str) -> Result<Vec<u8>, String> {
    use std::process::{Command, Stdio};
    let mut text = Vec::new();
    write_dot(&mut text, picture, name).map_err(|e| e.to_string())?;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run Graphviz `dot`: {e}"))?;
    // Write from another thread: `dot` may fill its output pipe before reading all input.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&text);
        }
    });
    let output = child.wait_with_output().map_err(|e| format!("Graphviz `dot` failed: {e}"))?;
    let _ = writer.join();
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!("Graphviz `dot` failed: {}", String::from_utf8_lossy(&output.stderr).trim()))
    }
}

/// Whether Graphviz's `dot` can be run.
pub fn graphviz_available() -> bool {
    std::process::Command::new("dot")
        .arg("-V")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{NodeData, Path, RelData};

    /// Ada -KNOWS-> Bob, Bob -KNOWS-> Ada, Ada -LIKES-> Ada, as a path and loose values.
    fn output() -> QueryOutput {
        let mut out = QueryOutput { columns: vec!["p".into(), "x".into()], ..QueryOutput::default() };
        let props = |pairs: &[(&str, Value)]| pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        out.nodes.insert(
            NodeId(5),
            NodeData {
                labels: vec!["Person".into()],
                properties: props(&[("name", Value::str("Ada \"the\" <first>"))]),
            },
        );
        out.nodes
            .insert(NodeId(9), NodeData { labels: vec!["Robot".into()], properties: props(&[("age", Value::Int(3))]) });
        let rel = |t: &str, s, e| RelData {
            rel_type: t.into(),
            start: NodeId(s),
            end: NodeId(e),
            properties: BTreeMap::new(),
        };
        out.rels.insert(RelId(1), rel("KNOWS", 5, 9));
        out.rels.insert(RelId(2), rel("KNOWS", 9, 5));
        out.rels.insert(RelId(3), rel("LIKES", 5, 5));
        let path = Path { nodes: vec![NodeId(9), NodeId(5)], rels: vec![RelId(2)] };
        out.rows.push(vec![Value::Path(Box::new(path)), Value::List(vec![Value::Rel(RelId(1)), Value::Rel(RelId(3))])]);
        out.rows.push(vec![Value::Null, Value::Map([("k".to_string(), Value::Node(NodeId(5)))].into())]);
        out
    }

    #[test]
    fn finds_entities_in_order_once() {
        let picture = Picture::of_output(&output());
        let titles: Vec<&str> = picture.nodes.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, vec!["3", "Ada \"the\" <first>"]);
        let edges: Vec<(usize, usize, &str)> = picture.edges.iter().map(|e| (e.from, e.to, e.label.as_str())).collect();
        assert_eq!(edges, vec![(0, 1, "KNOWS"), (1, 0, "KNOWS"), (1, 1, "LIKES")]);
    }

    #[test]
    fn dot_text_is_escaped_and_stable() {
        let mut buf = Vec::new();
        assert!(write_dot(&mut buf, &Picture::of_output(&output()), "result").is_ok());
        expect_test::expect![[r##"
            digraph "result" {
              graph [fontname="Helvetica", overlap=false];
              node [shape=ellipse, style=filled, fontname="Helvetica", fontsize=12, fontcolor="#1a1a1a"];
              edge [fontname="Helvetica", fontsize=10, color="#555555"];
              n1 [label="3", tooltip="(:Robot {age: 3})", fillcolor="#f8c18b"];
              n2 [label="Ada \"the\" <first>", tooltip="(:Person {name: 'Ada \"the\" <first>'})", fillcolor="#9eb6cf"];
              n1 -> n2 [label="KNOWS", tooltip="[:KNOWS]"];
              n2 -> n1 [label="KNOWS", tooltip="[:KNOWS]"];
              n2 -> n2 [label="LIKES", tooltip="[:LIKES]"];
            }
        "##]]
        .assert_eq(&String::from_utf8_lossy(&buf));
        assert_eq!(dot_string("a\\b\nc\u{1}"), "\"a\\\\b\\nc \"");
    }

    #[test]
    fn svg_is_escaped_and_deterministic() {
        let picture = Picture::of_output(&output());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert!(write_svg(&mut a, &picture, "MATCH p = (a)-->(b) RETURN p").is_ok());
        assert!(write_svg(&mut b, &picture, "MATCH p = (a)-->(b) RETURN p").is_ok());
        assert_eq!(a, b);
        let text = String::from_utf8_lossy(&a);
        assert!(text.contains("Ada &quot;the&quot; &lt;first&gt;"), "{text}");
        assert!(!text.contains("<first>"), "{text}");
        assert_eq!(text.matches("marker-end").count(), 3);
        assert_eq!(text.matches("<circle").count(), 2 + 2, "two nodes and two legend swatches");
        let schema = Picture { legend: false, ..picture };
        let mut c = Vec::new();
        assert!(write_svg(&mut c, &schema, "schema").is_ok());
        assert_eq!(String::from_utf8_lossy(&c).matches("<circle").count(), 2, "no legend");
        assert_eq!(xml_text("a&b\u{0}'"), "a&amp;b &#39;");
    }

    #[test]
    fn layout_is_deterministic_and_spread_out() {
        // A ring of 20 nodes with a chord: the force-directed layout runs.
        let mut picture = Picture::default();
        for i in 0..20 {
            picture.nodes.push(Node { title: i.to_string(), ..Node::default() });
            picture.edges.push(Edge { from: i, to: (i + 1) % 20, ..Edge::default() });
        }
        picture.edges.push(Edge { from: 0, to: 10, ..Edge::default() });
        let (a, b) = (layout(&picture), layout(&picture));
        assert_eq!(a, b);
        for (i, p) in a.iter().enumerate() {
            assert!(p.0.is_finite() && p.1.is_finite());
            for q in a.iter().skip(i + 1) {
                let d = ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
                assert!(d > RADIUS, "nodes overlap: {p:?} {q:?}");
            }
        }
    }

    #[test]
    fn schema_picture() {
        let mut engine = crate::Engine::new();
        assert!(engine.run_script("CREATE (:A)-[:T]->(:B), (:A)-[:T]->(:B), (:B)-[:U]->(), (:C)").is_ok());
        let picture = Picture::of_schema(&engine.schema_details());
        let titles: Vec<&str> = picture.nodes.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, vec![":A", ":B", ":C", "()"]);
        let edges: Vec<(usize, usize, &str)> = picture.edges.iter().map(|e| (e.from, e.to, e.label.as_str())).collect();
        assert_eq!(edges, vec![(0, 1, ":T (2)"), (1, 3, ":U (1)")]);
        assert_eq!(picture.nodes.first().map(|n| n.subtitle.as_str()), Some("2 nodes"));
    }
}
