//! A forgiving tokenizer for the shell's highlighting and completion. It splits text as
//! it is being typed (unterminated strings and comments included) into spans that say
//! what each piece looks like: keyword, name, string, number, parameter, punctuation.
//! It is not the parser and decides nothing about validity; it never fails, never
//! panics, and every byte of the input belongs to exactly one token.

/// What a token looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Space,
    /// `// ...` to the end of the line, or `/* ... */` (maybe unterminated).
    Comment,
    /// `'...'` or `"..."`, maybe unterminated.
    String,
    Number,
    /// `$name` or `$0`.
    Param,
    /// A reserved word of the language, in any case.
    Keyword,
    /// A name: variable, label, type, key or function.
    Name,
    /// A backtick-quoted name, maybe unterminated.
    Quoted,
    /// Any other character: brackets, operators, `:`, `.`, ...
    Punct,
}

/// One token: its kind and byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

/// The words the shell treats as keywords: the clauses, operators and literals of the
/// supported language, plus the few words that follow them (`EXPLAIN`, `PROFILE`).
pub const KEYWORDS: &[&str] = &[
    "ALL",
    "AND",
    "AS",
    "ASC",
    "ASCENDING",
    "BY",
    "CALL",
    "CASE",
    "CONTAINS",
    "CREATE",
    "DELETE",
    "DESC",
    "DESCENDING",
    "DETACH",
    "DISTINCT",
    "ELSE",
    "END",
    "ENDS",
    "EXISTS",
    "EXPLAIN",
    "FALSE",
    "FOREACH",
    "IN",
    "IS",
    "LIMIT",
    "MATCH",
    "MERGE",
    "NOT",
    "NULL",
    "ON",
    "OPTIONAL",
    "OR",
    "ORDER",
    "PROFILE",
    "REMOVE",
    "RETURN",
    "SET",
    "SKIP",
    "STARTS",
    "THEN",
    "TRUE",
    "UNION",
    "UNWIND",
    "WHEN",
    "WHERE",
    "WITH",
    "XOR",
    "YIELD",
];

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// A character that may continue an unquoted name.
pub fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Split `src` into tokens covering all of it, in order.
pub fn tokenize(src: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = src.char_indices().peekable();
    while let Some((start, c)) = rest.next() {
        // The byte offset just past the characters consumed while `pred` holds.
        let mut take_while = |pred: &dyn Fn(char) -> bool| -> usize {
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = rest.peek() {
                if !pred(d) {
                    break;
                }
                end = i + d.len_utf8();
                rest.next();
            }
            end
        };
        let (kind, end) = if c.is_whitespace() {
            (Kind::Space, take_while(&|d| d.is_whitespace()))
        } else if c == '/' && src.get(start..).is_some_and(|s| s.starts_with("//")) {
            (Kind::Comment, take_while(&|d| d != '\n'))
        } else if c == '/' && src.get(start..).is_some_and(|s| s.starts_with("/*")) {
            let end = src.get(start + 2..).and_then(|s| s.find("*/")).map_or(src.len(), |i| start + 2 + i + 2);
            while rest.peek().is_some_and(|&(i, _)| i < end) {
                rest.next();
            }
            (Kind::Comment, end)
        } else if c == '\'' || c == '"' {
            // Up to the matching quote; a backslash escapes the next character.
            let mut end = src.len();
            let mut escaped = false;
            for (i, d) in rest.by_ref() {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == c {
                    end = i + 1;
                    break;
                }
            }
            (Kind::String, end)
        } else if c == '`' {
            let mut end = src.len();
            for (i, d) in rest.by_ref() {
                if d == '`' {
                    end = i + 1;
                    break;
                }
            }
            (Kind::Quoted, end)
        } else if c.is_ascii_digit() {
            // Digits, letters (hex, exponent) and a decimal point followed by a digit.
            let mut end = take_while(&|d| d.is_ascii_alphanumeric() || d == '_');
            if src.get(end..).is_some_and(|s| s.starts_with('.') && s[1..].starts_with(|d: char| d.is_ascii_digit())) {
                rest.next();
                let mut last = end + 1;
                while let Some(&(i, d)) = rest.peek() {
                    if !(d.is_ascii_alphanumeric() || d == '_') {
                        break;
                    }
                    last = i + d.len_utf8();
                    rest.next();
                }
                end = last;
            }
            (Kind::Number, end)
        } else if c == '$' {
            (Kind::Param, take_while(&is_name_char))
        } else if is_name_char(c) {
            let end = take_while(&is_name_char);
            let word = src.get(start..end).unwrap_or("");
            (if is_keyword(word) { Kind::Keyword } else { Kind::Name }, end)
        } else {
            (Kind::Punct, start + c.len_utf8())
        };
        tokens.push(Token { kind, start, end });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(Kind, &str)> {
        tokenize(src).iter().filter(|t| t.kind != Kind::Space).map(|t| (t.kind, t.text(src))).collect()
    }

    #[test]
    fn covers_every_byte() {
        for src in [
            "MATCH (n:Person {name: 'Ada'}) RETURN n.name, 1.5e3, $p // c",
            "'unterminated",
            "/* open",
            "`q",
            "é北京 .",
        ] {
            let tokens = tokenize(src);
            let mut at = 0;
            for t in &tokens {
                assert_eq!(t.start, at, "{src}");
                at = t.end;
            }
            assert_eq!(at, src.len(), "{src}");
        }
    }

    #[test]
    fn classifies() {
        assert_eq!(
            kinds("match (n:`A b`) where n.x = 'it\\'s' and 1.5 > $p /* c */"),
            vec![
                (Kind::Keyword, "match"),
                (Kind::Punct, "("),
                (Kind::Name, "n"),
                (Kind::Punct, ":"),
                (Kind::Quoted, "`A b`"),
                (Kind::Punct, ")"),
                (Kind::Keyword, "where"),
                (Kind::Name, "n"),
                (Kind::Punct, "."),
                (Kind::Name, "x"),
                (Kind::Punct, "="),
                (Kind::String, "'it\\'s'"),
                (Kind::Keyword, "and"),
                (Kind::Number, "1.5"),
                (Kind::Punct, ">"),
                (Kind::Param, "$p"),
                (Kind::Comment, "/* c */"),
            ]
        );
        // A range is not a decimal number.
        assert_eq!(
            kinds("1..2"),
            vec![(Kind::Number, "1"), (Kind::Punct, "."), (Kind::Punct, "."), (Kind::Number, "2")]
        );
    }
}
