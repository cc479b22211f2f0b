//! String functions: case, trimming, `replace`, `substring`, `left`, `right`, `split`.
//! Positions and lengths count Unicode characters (scalar values), never bytes, so no
//! input can split a character or panic on a byte boundary. A null string gives null; a
//! null or negative position or length is an `ArgumentError`, as in Neo4j.

use super::{Graph, arg, bad_value, count_arg, wrong_type};
use crate::error::Error;
use crate::value::Value;

/// Results longer than this are refused: `replace` can multiply its input's length, and
/// a runaway string should fail cleanly rather than exhaust memory.
const MAX_STRING_BYTES: usize = 1 << 30;

/// The string argument `i`, or `None` for null.
fn str_arg<'a>(function: &str, args: &'a [Value], i: usize) -> Result<Option<&'a str>, Error> {
    match arg(args, i) {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        other => Err(wrong_type(function, "a String", other)),
    }
}

/// Apply a string-to-string function to the single argument.
fn map_str(name: &str, args: &[Value], op: fn(&str) -> String) -> Result<Value, Error> {
    Ok(str_arg(name, args, 0)?.map_or(Value::Null, |s| Value::String(op(s))))
}

pub fn to_upper(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    map_str("toUpper", args, str::to_uppercase)
}

pub fn to_lower(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    map_str("toLower", args, str::to_lowercase)
}

pub fn trim(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    map_str("trim", args, |s| s.trim().to_string())
}

pub fn ltrim(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    map_str("lTrim", args, |s| s.trim_start().to_string())
}

pub fn rtrim(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    map_str("rTrim", args, |s| s.trim_end().to_string())
}

/// `replace(original, search, replacement)`: every occurrence; null if any argument is.
/// An empty `search` matches between every two characters: `replace('ab', '', '-')` is
/// `'-a-b-'`.
pub fn replace(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let original = str_arg("replace", args, 0)?;
    let search = str_arg("replace", args, 1)?;
    let replacement = str_arg("replace", args, 2)?;
    let (Some(original), Some(search), Some(replacement)) = (original, search, replacement) else {
        return Ok(Value::Null);
    };
    let matches = if search.is_empty() { original.chars().count() + 1 } else { original.matches(search).count() };
    let grows_by = replacement.len().saturating_sub(search.len());
    let result_len = original.len().saturating_add(matches.saturating_mul(grows_by));
    if result_len > MAX_STRING_BYTES {
        return Err(bad_value(
            "NumberOutOfRange",
            format!("replace() would build a string of {result_len} bytes, more than the limit of {MAX_STRING_BYTES}"),
        ));
    }
    Ok(Value::String(original.replace(search, replacement)))
}

/// `substring(original, start[, length])`, 0-based; a start past the end gives `''`.
pub fn substring(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let Some(original) = str_arg("substring", args, 0)? else {
        return Ok(Value::Null);
    };
    let start = count_arg("substring", "start", arg(args, 1))?;
    let length = match args.get(2) {
        None => usize::MAX,
        Some(v) => count_arg("substring", "length", v)?,
    };
    Ok(Value::String(original.chars().skip(start).take(length).collect()))
}

/// `left(original, length)`: the first `length` characters.
pub fn left(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let Some(original) = str_arg("left", args, 0)? else {
        return Ok(Value::Null);
    };
    let length = count_arg("left", "length", arg(args, 1))?;
    Ok(Value::String(original.chars().take(length).collect()))
}

/// `right(original, length)`: the last `length` characters.
pub fn right(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let Some(original) = str_arg("right", args, 0)? else {
        return Ok(Value::Null);
    };
    let length = count_arg("right", "length", arg(args, 1))?;
    let skip = original.chars().count().saturating_sub(length);
    Ok(Value::String(original.chars().skip(skip).collect()))
}

/// `split(original, delimiter)`: the pieces between occurrences of the delimiter, empty
/// pieces kept (`split('a,,b', ',')` is `['a', '', 'b']`). An empty delimiter splits
/// into characters. The delimiter may also be a list of strings: the string is split at
/// any of them (the first in the list wins where several match at one position).
pub fn split(args: &[Value], _: &dyn Graph) -> Result<Value, Error> {
    let Some(original) = str_arg("split", args, 0)? else {
        return Ok(Value::Null);
    };
    let delimiters: Vec<&str> = match arg(args, 1) {
        Value::Null => return Ok(Value::Null),
        Value::String(d) => vec![d],
        Value::List(items) => {
            let mut ds = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(d) => ds.push(d.as_str()),
                    Value::Null => return Ok(Value::Null),
                    other => return Err(wrong_type("split", "a String delimiter", other)),
                }
            }
            ds
        }
        other => return Err(wrong_type("split", "a String or List of Strings", other)),
    };
    let pieces = split_at_any(original, &delimiters);
    Ok(Value::List(pieces.into_iter().map(Value::from).collect()))
}

fn split_at_any<'a>(s: &'a str, delimiters: &[&str]) -> Vec<&'a str> {
    let non_empty: Vec<&str> = delimiters.iter().copied().filter(|d| !d.is_empty()).collect();
    if non_empty.is_empty() {
        // Only empty delimiters: one piece per character.
        return s.char_indices().map(|(i, c)| &s[i..i + c.len_utf8()]).collect();
    }
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut pos = 0;
    while pos < s.len() {
        let rest = &s[pos..];
        if let Some(d) = non_empty.iter().find(|d| rest.starts_with(**d)) {
            pieces.push(&s[piece_start..pos]);
            pos += d.len();
            piece_start = pos;
        } else {
            // Advance one whole character so slicing stays on char boundaries.
            pos += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    pieces.push(&s[piece_start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;

    const WRONG: &str = "TypeError/InvalidArgumentValue";
    const NEGATIVE: &str = "ArgumentError/NegativeIntegerArgument";
    const NULL_ARG: &str = "ArgumentError/InvalidArgumentValue";

    #[test]
    #[rustfmt::skip]
    fn case_and_trimming() {
        check(&[
            case("toUpper", vec![s("abc é ß")], "'ABC É SS'"),
            case("toLower", vec![s("ABC É")], "'abc é'"),
            case("toUpper", vec![N], "null"),
            case("toLower", vec![i(1)], WRONG),
            case("trim", vec![s("  a b \t\n")], "'a b'"),
            case("lTrim", vec![s("  a ")], "'a '"),
            case("rTrim", vec![s("  a ")], "'  a'"),
            case("trim", vec![N], "null"),
            case("rTrim", vec![l(vec![])], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn replace_every_occurrence() {
        check(&[
            case("replace", vec![s("hello"), s("l"), s("w")], "'hewwo'"),
            case("replace", vec![s("ab"), s(""), s("-")], "'-a-b-'"),
            case("replace", vec![s("héé"), s("é"), s("e")], "'hee'"),
            case("replace", vec![N, s("l"), s("w")], "null"),
            case("replace", vec![s("hello"), N, s("w")], "null"),
            case("replace", vec![s("hello"), s("l"), N], "null"),
            case("replace", vec![s("hello"), i(1), s("w")], WRONG),
        ]);
        // The size check runs before anything is built.
        let big = "x".repeat(2 << 20);
        check(&[
            case("replace", vec![s(&"a".repeat(1000)), s(""), s(&big)], "ArgumentError/NumberOutOfRange"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn substring_left_right_count_characters() {
        check(&[
            case("substring", vec![s("0123456789"), i(1)], "'123456789'"),
            case("substring", vec![s("0123456789"), i(1), i(3)], "'123'"),
            case("substring", vec![s("0123"), i(10)], "''"),
            case("substring", vec![s("0123"), i(2), i(100)], "'23'"),
            case("substring", vec![s("0123"), i(0), i(0)], "''"),
            case("substring", vec![s("日本語"), i(1), i(1)], "'本'"),
            case("substring", vec![s("0123"), i(i64::MAX), i(i64::MAX)], "''"),
            case("substring", vec![N, i(1)], "null"),
            case("substring", vec![s("0123"), i(-1)], NEGATIVE),
            case("substring", vec![s("0123"), i(1), i(-1)], NEGATIVE),
            case("substring", vec![s("0123"), N], NULL_ARG),
            case("substring", vec![s("0123"), f(1.0)], WRONG),
            case("substring", vec![i(123), i(1)], WRONG),
            case("left", vec![s("hello"), i(3)], "'hel'"),
            case("left", vec![s("hé"), i(10)], "'hé'"),
            case("left", vec![N, i(3)], "null"),
            case("left", vec![s("hello"), i(-1)], NEGATIVE),
            case("left", vec![s("hello"), N], NULL_ARG),
            case("right", vec![s("hello"), i(3)], "'llo'"),
            case("right", vec![s("日本語"), i(2)], "'本語'"),
            case("right", vec![s("hello"), i(10)], "'hello'"),
            case("right", vec![s("hello"), i(0)], "''"),
            case("right", vec![N, N], "null"),
            case("right", vec![s("hello"), i(-2)], NEGATIVE),
            case("right", vec![s("hello"), s("2")], WRONG),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn split_keeps_empty_pieces() {
        check(&[
            case("split", vec![s("one1two"), s("1")], "['one', 'two']"),
            case("split", vec![s("a,,b,"), s(",")], "['a', '', 'b', '']"),
            case("split", vec![s("a::b"), s("::")], "['a', 'b']"),
            case("split", vec![s("héllo"), s("")], "['h', 'é', 'l', 'l', 'o']"),
            case("split", vec![s(""), s(",")], "['']"),
            case("split", vec![s("a,b;c"), l(vec![s(","), s(";")])], "['a', 'b', 'c']"),
            case("split", vec![s("é1é"), s("1")], "['é', 'é']"),
            case("split", vec![N, s(",")], "null"),
            case("split", vec![s("a"), N], "null"),
            case("split", vec![s("a"), i(1)], WRONG),
            case("split", vec![s("a"), l(vec![i(1)])], WRONG),
        ]);
    }
}
