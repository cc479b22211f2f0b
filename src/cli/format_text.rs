//! The text output modes added for the analyst's shell: Markdown tables, `line` mode
//! (one `column = value` line per value) and the arithmetic that fits a table into the
//! terminal's width (column widths and cell truncation by display width, so that CJK
//! characters count as two columns). Pure formatting onto a writer, like `output`: no
//! query is run, no input read, no terminal queried here.

use std::io::{self, Write};
use std::time::Duration;

use super::output::{format_duration, stats_line, text_width};
use crate::QueryOutput;
use crate::value::Value;

/// The mark that ends a cut cell.
const ELLIPSIS: char = '…';
/// A narrowed column keeps at least this many display columns (when it had them).
const MIN_COLUMN: usize = 4;

/// Column widths whose table (`| a | b |`: three columns of frame per column, plus one)
/// fits in `max` display columns. The widest columns are narrowed first, all to the same
/// cap, so narrow columns keep their whole content. When even the minimum widths do not
/// fit, the minimum widths are returned and the table overflows.
pub fn fit_widths(widths: &[usize], max: usize) -> Vec<usize> {
    let frame = 3 * widths.len() + 1;
    let total: usize = widths.iter().sum::<usize>() + frame;
    if total <= max {
        return widths.to_vec();
    }
    let available = max.saturating_sub(frame);
    let capped = |cap: usize| -> Vec<usize> { widths.iter().map(|w| (*w).min(cap.max(MIN_COLUMN))).collect() };
    // The largest cap whose total fits: binary search over 0..=widest.
    let (mut lo, mut hi) = (0, widths.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if capped(mid).iter().sum::<usize>() <= available {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut result = capped(lo);
    // Hand the columns left over by the common cap to the widest cut columns, one each.
    let mut spare = available.saturating_sub(result.iter().sum());
    for (r, w) in result.iter_mut().zip(widths) {
        if spare == 0 {
            break;
        }
        if *r < *w {
            *r += 1;
            spare -= 1;
        }
    }
    result
}

/// `text` cut to at most `width` display columns, ending in `…` when it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        cut.push(c);
        used += w;
    }
    if width > 0 {
        cut.push(ELLIPSIS);
    }
    cut
}

/// A value as Markdown and `line` mode show it: strings as they are (like CSV), other
/// values in openCypher literal notation.
fn plain(value: &Value, output: &QueryOutput) -> String {
    match value {
        Value::String(s) => s.clone(),
        v => v.display(output).to_string(),
    }
}

fn write_plan(out: &mut dyn Write, output: &QueryOutput) -> io::Result<()> {
    if let Some(plan) = &output.plan {
        out.write_all(plan.as_bytes())?;
        if !plan.ends_with('\n') {
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The row count, the time when given, and the side effects, as the table ends.
fn write_footer(out: &mut dyn Write, output: &QueryOutput, elapsed: Option<Duration>) -> io::Result<()> {
    let time = elapsed.map(|d| format!(" ({})", format_duration(d))).unwrap_or_default();
    if !output.columns.is_empty() {
        let n = output.rows.len();
        writeln!(out, "{n} {}{time}", if n == 1 { "row" } else { "rows" })?;
    } else if stats_line(&output.stats).is_none() && output.plan.is_none() {
        writeln!(out, "0 rows{time}")?;
    }
    if let Some(line) = stats_line(&output.stats) {
        let time = if output.columns.is_empty() { time } else { String::new() };
        writeln!(out, "{line}{time}")?;
    }
    Ok(())
}

/// A GitHub Markdown table: pipes in cells are escaped and line breaks become `<br>`.
/// Columns are padded to a common display width so the source reads as a table too.
/// The row count follows after a blank line, so that the table pastes cleanly.
///
/// ```text
/// | x | name |
/// |---|------|
/// | 1 | text |
/// ```
pub fn write_markdown(out: &mut dyn Write, output: &QueryOutput, elapsed: Option<Duration>) -> io::Result<()> {
    write_plan(out, output)?;
    if !output.columns.is_empty() {
        let escape =
            |s: &str| s.replace('\\', "\\\\").replace('|', "\\|").replace("\r\n", "<br>").replace('\n', "<br>");
        let header: Vec<String> = output.columns.iter().map(|c| escape(c)).collect();
        let rows: Vec<Vec<String>> = output
            .rows
            .iter()
            .map(|row| {
                (0..header.len()).map(|i| row.get(i).map(|v| escape(&plain(v, output))).unwrap_or_default()).collect()
            })
            .collect();
        // At least three dashes: some renderers need them in the delimiter row.
        let mut widths: Vec<usize> = header.iter().map(|h| text_width(h).max(3)).collect();
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(text_width(cell));
            }
        }
        let line = |cells: &[String]| -> String {
            let mut s = String::from("|");
            for (cell, w) in cells.iter().zip(&widths) {
                s.push(' ');
                s.push_str(cell);
                s.push_str(&" ".repeat(w.saturating_sub(text_width(cell)) + 1));
                s.push('|');
            }
            s
        };
        writeln!(out, "{}", line(&header))?;
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        writeln!(out, "{}", line(&rule))?;
        for row in &rows {
            writeln!(out, "{}", line(row))?;
        }
        writeln!(out)?;
    }
    write_footer(out, output, elapsed)?;
    out.flush()
}

/// `line` mode: each record as `column = value` lines, names right-aligned, records
/// separated by a blank line; values in literal notation, so a string shows its quotes.
///
/// ```text
///    x = 1
/// name = 'text'
/// ```
pub fn write_lines(out: &mut dyn Write, output: &QueryOutput, elapsed: Option<Duration>) -> io::Result<()> {
    write_plan(out, output)?;
    let name_width = output.columns.iter().map(|c| text_width(c)).max().unwrap_or(0);
    for (i, row) in output.rows.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for (c, name) in output.columns.iter().enumerate() {
            let value = row.get(c).map(|v| v.display(output).to_string()).unwrap_or_default();
            let pad = " ".repeat(name_width.saturating_sub(text_width(name)));
            writeln!(out, "{pad}{name} = {value}")?;
        }
    }
    if !output.rows.is_empty() {
        writeln!(out)?;
    }
    write_footer(out, output, elapsed)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::output::write_table_fitted;
    use expect_test::{Expect, expect};

    fn output(columns: &[&str], rows: Vec<Vec<Value>>) -> QueryOutput {
        QueryOutput { columns: columns.iter().map(|c| c.to_string()).collect(), rows, ..QueryOutput::default() }
    }

    fn check(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>, expect: Expect) {
        let mut buf = Vec::new();
        assert!(f(&mut buf).is_ok());
        expect.assert_eq(&String::from_utf8_lossy(&buf));
    }

    fn sample() -> QueryOutput {
        output(&["x", "name"], vec![vec![Value::Int(1), Value::str("a|b\nc")], vec![Value::Null, Value::str("北京")]])
    }

    #[test]
    fn markdown_escapes_and_aligns() {
        check(
            |b| write_markdown(b, &sample(), Some(Duration::from_micros(420))),
            expect![[r#"
                | x    | name      |
                | ---- | --------- |
                | 1    | a\|b<br>c |
                | null | 北京      |

                2 rows (0.42 ms)
            "#]],
        );
    }

    #[test]
    fn line_mode_one_value_per_line() {
        check(
            |b| write_lines(b, &sample(), None),
            expect![[r#"
                   x = 1
                name = 'a|b\nc'

                   x = null
                name = '北京'

                2 rows
            "#]],
        );
    }

    #[test]
    fn text_modes_print_side_effects() {
        let mut out = QueryOutput::default();
        out.stats.nodes_created = 1;
        check(
            |b| write_lines(b, &out, None),
            expect![[r#"
            Nodes created: 1
        "#]],
        );
        check(
            |b| write_markdown(b, &QueryOutput::default(), None),
            expect![[r#"
            0 rows
        "#]],
        );
    }

    #[test]
    fn widths_fit_by_narrowing_the_widest() {
        // 2 + 10 + 30 + frame 10 = 52 columns.
        assert_eq!(fit_widths(&[2, 10, 30], 60), vec![2, 10, 30]);
        assert_eq!(fit_widths(&[2, 10, 30], 40), vec![2, 10, 18]);
        assert_eq!(fit_widths(&[2, 10, 30], 30), vec![2, 9, 9]);
        // Too narrow for anything: minimum widths, the table overflows.
        assert_eq!(fit_widths(&[2, 10, 30], 5), vec![2, 4, 4]);
        assert_eq!(fit_widths(&[], 5), Vec::<usize>::new());
    }

    #[test]
    fn truncation_counts_display_columns() {
        assert_eq!(truncate("abcdef", 6), "abcdef");
        assert_eq!(truncate("abcdef", 4), "abc…");
        // Wide characters are two columns: 北京 is 4 wide, so 3 columns hold one and `…`.
        assert_eq!(truncate("北京", 3), "北…");
        assert_eq!(truncate("北京", 4), "北京");
        assert_eq!(truncate("x", 0), "");
    }

    #[test]
    fn table_aligns_wide_characters() {
        let out = output(&["city"], vec![vec![Value::str("北京")], vec![Value::str("Paris")]]);
        check(
            |b| write_table_fitted(b, &out, None, None),
            expect![[r#"
                +---------+
                | city    |
                +---------+
                | '北京'  |
                | 'Paris' |
                +---------+
                2 rows
            "#]],
        );
    }

    #[test]
    fn table_fits_the_width() {
        let long = "a long statement that does not fit".to_string();
        let out = output(&["k", "statement"], vec![vec![Value::Int(1), Value::String(long)]]);
        check(
            |b| write_table_fitted(b, &out, None, Some(24)),
            expect![[r#"
                +---+------------------+
                | k | statement        |
                +---+------------------+
                | 1 | 'a long stateme… |
                +---+------------------+
                1 row
            "#]],
        );
    }
}
