//! Lexical layer of the parser: the input type (a `nom_locate` span carrying the parse
//! state), the parse error, whitespace and comments, keywords, symbols, names, and the
//! literal tokens (numbers, strings, parameters). It builds no AST beyond literals and
//! identifiers and must not know about expressions, patterns or clauses.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use nom::Input as _;
use nom_locate::LocatedSpan;

use super::ast::{Expr, Ident, Literal};
use crate::error::{Error, Span};

/// The deepest nesting of expressions, patterns, lists and parentheses we accept; deeper
/// input is rejected so that no input can exhaust the stack (here or in later stages).
pub const MAX_DEPTH: u32 = 100;
/// The longest chain of binary operators along one path of the tree (`a + b + c ...`
/// builds a left-deep tree, and every later stage recurses over it).
pub const MAX_CHAIN: u32 = 1000;

/// Shared parse state, reachable from every input position.
pub struct State<'s> {
    pub src: &'s str,
    pub depth: Cell<u32>,
    pub chain: Cell<u32>,
    /// Expression results by start offset. A pattern tried in expression position
    /// (`(a {k: e})-->()` versus `(a {k: e})`) may be re-read as an expression, which
    /// reads the expressions of its property maps again; remembering those keeps
    /// nested ambiguities linear instead of exponential.
    pub memo: RefCell<HashMap<usize, Memo>>,
    /// Above zero while reading the property map of a pattern: only those expressions
    /// can be read twice, so only those are memoized.
    pub in_props: Cell<u32>,
}

pub type Memo = Result<(usize, Expr), nom::Err<PError>>;

impl<'s> State<'s> {
    pub fn new(src: &'s str) -> State<'s> {
        State {
            src,
            depth: Cell::new(0),
            chain: Cell::new(0),
            memo: RefCell::new(HashMap::new()),
            in_props: Cell::new(0),
        }
    }
}

pub type Input<'a> = LocatedSpan<&'a str, &'a State<'a>>;
pub type PResult<'a, O> = nom::IResult<Input<'a>, O, PError>;

/// The code of `PError::unsupported` (the code `Error::unsupported` carries).
const UNSUPPORTED: &str = "UnsupportedFeature";

/// A parse error before it becomes an `Error`: either an explicit message or a set of
/// expectations rendered as "unexpected `x`, expected a or b".
#[derive(Clone, Debug, PartialEq)]
pub struct PError {
    pub start: usize,
    pub end: Option<usize>,
    pub code: &'static str,
    pub message: Option<String>,
    pub expected: Vec<String>,
    pub note: Option<String>,
}

impl PError {
    pub fn expected(pos: usize, what: impl Into<String>) -> PError {
        PError {
            start: pos,
            end: None,
            code: "UnexpectedSyntax",
            message: None,
            expected: vec![what.into()],
            note: None,
        }
    }
    pub fn message(code: &'static str, span: Span, message: impl Into<String>) -> PError {
        PError {
            start: span.start,
            end: Some(span.end),
            code,
            message: Some(message.into()),
            expected: Vec::new(),
            note: None,
        }
    }
    /// Valid syntax of a feature we do not support: becomes `Error::unsupported`.
    pub fn unsupported(span: Span, message: impl Into<String>) -> PError {
        PError::message(UNSUPPORTED, span, message)
    }
    pub fn with_code(mut self, code: &'static str) -> PError {
        self.code = code;
        self
    }
    /// The final error with a span into `src`.
    pub fn into_error(self, src: &str) -> Error {
        let tok = token_at(src, self.start);
        let end = self.end.unwrap_or(self.start + tok.len());
        let found = if tok.is_empty() { "end of input".to_string() } else { format!("`{}`", tok) };
        let explicit = self.message.is_some();
        let message = match self.message {
            Some(m) => m,
            None => {
                let mut exp = self.expected.clone();
                exp.dedup();
                let list = match exp.len() {
                    0 => String::new(),
                    1 => exp[0].clone(),
                    n => format!("{} or {}", exp[..n - 1].join(", "), exp[n - 1]),
                };
                if list.is_empty() {
                    format!("unexpected {found}")
                } else {
                    format!("unexpected {found}, expected {list}")
                }
            }
        };
        // A stray non-ASCII symbol (an em dash for a minus, a curly quote) gets its own code.
        let code = if self.code == "UnexpectedSyntax"
            && !explicit
            && tok.chars().count() == 1
            && tok.chars().all(|c| !c.is_ascii() && !is_ident_continue(c))
        {
            "InvalidUnicodeCharacter"
        } else {
            self.code
        };
        // Well-formed text that uses a feature Meridian lacks is not a syntax error.
        let mut err = if code == UNSUPPORTED {
            Error::unsupported(Span::new(self.start, end), message)
        } else {
            Error::syntax(code, Span::new(self.start, end), message)
        };
        if let Some(n) = self.note {
            err = err.with_note(n);
        }
        err
    }
}

impl<'a> nom::error::ParseError<Input<'a>> for PError {
    fn from_error_kind(input: Input<'a>, _kind: nom::error::ErrorKind) -> Self {
        PError {
            start: input.location_offset(),
            end: None,
            code: "UnexpectedSyntax",
            message: None,
            expected: Vec::new(),
            note: None,
        }
    }
    fn append(_input: Input<'a>, _kind: nom::error::ErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        merge(self, other)
    }
}

/// Keep the error that got further; at the same place, union the expectations.
pub fn merge(a: PError, b: PError) -> PError {
    if a.start > b.start {
        return a;
    }
    if b.start > a.start {
        return b;
    }
    match (&a.message, &b.message) {
        (None, None) => {
            let mut a = a;
            for e in b.expected {
                if !a.expected.contains(&e) {
                    a.expected.push(e);
                }
            }
            a
        }
        (Some(_), _) => a,
        (None, Some(_)) => b,
    }
}

/// Merge two nom errors: a failure wins over a recoverable error, then the furthest.
pub fn merge_err(a: nom::Err<PError>, b: nom::Err<PError>) -> nom::Err<PError> {
    use nom::Err::*;
    match (a, b) {
        (Failure(x), Failure(y)) => Failure(merge(x, y)),
        (Failure(x), Error(y)) | (Error(y), Failure(x)) => {
            if y.start > x.start {
                Failure(y)
            } else {
                Failure(x)
            }
        }
        (Error(x), Error(y)) => Error(merge(x, y)),
        (Incomplete(n), _) | (_, Incomplete(n)) => Incomplete(n),
    }
}

/// The token at `pos` for messages: a word, a number, or one (two-character) symbol.
pub fn token_at(src: &str, pos: usize) -> &str {
    let Some(rest) = src.get(pos..) else {
        return "";
    };
    let mut chars = rest.char_indices();
    let Some((_, c)) = chars.next() else {
        return "";
    };
    if is_ident_continue(c) {
        let end = rest.char_indices().find(|&(_, c)| !is_ident_continue(c)).map_or(rest.len(), |(i, _)| i);
        return &rest[..end];
    }
    for op in ["<>", "<=", ">=", "=~", "!=", "+=", "..", "->", "<-", "--", "//", "/*"] {
        if rest.starts_with(op) {
            return &rest[..op.len()];
        }
    }
    &rest[..c.len_utf8()]
}

pub fn err<O>(e: PError) -> Result<O, nom::Err<PError>> {
    Err(nom::Err::Error(e))
}
pub fn fail<O>(e: PError) -> Result<O, nom::Err<PError>> {
    Err(nom::Err::Failure(e))
}

/// Turn a recoverable error into a failure: the tokens so far commit to this production.
pub fn cut_err(e: nom::Err<PError>) -> nom::Err<PError> {
    match e {
        nom::Err::Error(e) => nom::Err::Failure(e),
        other => other,
    }
}
/// Turn a failure into a recoverable error: used where we try one reading of ambiguous
/// text (a pattern) before another (a parenthesized expression).
pub fn uncut(e: nom::Err<PError>) -> nom::Err<PError> {
    match e {
        nom::Err::Failure(e) => nom::Err::Error(e),
        other => other,
    }
}

pub trait Cut<T> {
    fn cut(self) -> Result<T, nom::Err<PError>>;
}
impl<T> Cut<T> for Result<T, nom::Err<PError>> {
    fn cut(self) -> Result<T, nom::Err<PError>> {
        self.map_err(cut_err)
    }
}

pub fn off(i: &Input) -> usize {
    i.location_offset()
}

/// Advance the input by `n` bytes (callers only pass char boundaries).
pub fn advance<'a>(i: Input<'a>, n: usize) -> Input<'a> {
    let n = n.min(i.fragment().len());
    i.take_from(n)
}

/// The input at absolute offset `pos` (which must be at or after `i`).
pub fn seek<'a>(i: Input<'a>, pos: usize) -> Input<'a> {
    let here = off(&i);
    advance(i, pos.saturating_sub(here))
}

/// Nesting guard: increments the depth and undoes it when dropped.
pub struct Depth<'a>(&'a State<'a>);

impl Drop for Depth<'_> {
    fn drop(&mut self) {
        self.0.depth.set(self.0.depth.get().saturating_sub(1));
    }
}

pub fn enter<'a>(i: Input<'a>) -> Result<Depth<'a>, nom::Err<PError>> {
    let st = i.extra;
    let d = st.depth.get() + 1;
    if d > MAX_DEPTH {
        let p = off(&i);
        return fail(PError::message(
            "NestingTooDeep",
            Span::new(p, p + token_at(st.src, p).len()),
            format!("the query is nested too deeply (more than {MAX_DEPTH} levels)"),
        ));
    }
    st.depth.set(d);
    Ok(Depth(st))
}

// SP ::= ( oC_Whitespace )+, where whitespace includes `//` and `/* */` comments
pub fn sp(i: Input) -> PResult<()> {
    let s = *i.fragment();
    let b = s.as_bytes();
    let mut k = 0;
    loop {
        match b.get(k) {
            Some(c) if c.is_ascii_whitespace() => k += 1,
            Some(b'/') if b.get(k + 1) == Some(&b'/') => {
                k = s[k..].find('\n').map_or(s.len(), |n| k + n + 1);
            }
            Some(b'/') if b.get(k + 1) == Some(&b'*') => match s[k + 2..].find("*/") {
                Some(n) => k = k + 2 + n + 2,
                None => {
                    let start = off(&i) + k;
                    return fail(PError::message(
                        "UnexpectedSyntax",
                        Span::new(start, start + 2),
                        "unterminated comment: expected `*/`",
                    ));
                }
            },
            _ => {
                // Unicode whitespace other than ASCII is also whitespace in openCypher.
                match s[k..].chars().next() {
                    Some(c) if c.is_whitespace() => k += c.len_utf8(),
                    _ => break,
                }
            }
        }
    }
    Ok((advance(i, k), ()))
}

/// Skip whitespace, ignoring an unterminated comment (which the next token reports).
pub fn skip(i: Input) -> Input {
    match sp(i) {
        Ok((r, _)) => r,
        Err(_) => i,
    }
}

pub fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}
pub fn is_ident_continue(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Case-insensitive keyword with a word boundary after it; whitespace before it skipped.
pub fn kw<'a>(word: &'static str) -> impl Fn(Input<'a>) -> PResult<'a, Span> {
    move |i: Input<'a>| {
        let (i, _) = sp(i)?;
        let s = *i.fragment();
        let p = off(&i);
        let matches = s.len() >= word.len()
            && s.is_char_boundary(word.len())
            && s[..word.len()].eq_ignore_ascii_case(word)
            && !s[word.len()..].starts_with(is_ident_continue);
        if matches {
            Ok((advance(i, word.len()), Span::new(p, p + word.len())))
        } else {
            err(PError::expected(p, word.to_string()))
        }
    }
}

/// True if the keyword comes next (after whitespace).
pub fn at_kw(i: Input, word: &'static str) -> bool {
    kw(word)(i).is_ok()
}

/// A symbol; whitespace before it skipped.
pub fn sym<'a>(s: &'static str) -> impl Fn(Input<'a>) -> PResult<'a, Span> {
    move |i: Input<'a>| {
        let (i, _) = sp(i)?;
        let p = off(&i);
        if i.fragment().starts_with(s) {
            Ok((advance(i, s.len()), Span::new(p, p + s.len())))
        } else {
            err(PError::expected(p, format!("`{s}`")))
        }
    }
}

pub fn at_sym(i: Input, s: &str) -> bool {
    skip(i).fragment().starts_with(s)
}

/// A required symbol: a failure with `message` if it is missing.
pub fn expect_sym<'a>(i: Input<'a>, s: &'static str, code: &'static str, context: &str) -> PResult<'a, Span> {
    match sym(s)(i) {
        Ok(r) => Ok(r),
        Err(nom::Err::Error(_)) => {
            let p = off(&skip(i));
            let tok = token_at(i.extra.src, p);
            let found = if tok.is_empty() { "end of input".to_string() } else { format!("`{tok}`") };
            fail(PError::message(code, Span::new(p, p + tok.len()), format!("expected `{s}` {context}, found {found}")))
        }
        Err(e) => Err(e),
    }
}

/// Words that cannot be used as unquoted variable (or function) names because they
/// start or continue clauses and operators.
pub const RESERVED: &[&str] = &[
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

pub fn is_reserved(name: &str) -> bool {
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(name))
}

/// A name as written: (name, span, was it backtick-quoted).
// oC_SymbolicName ::= UnescapedSymbolicName | EscapedSymbolicName | HexLetter | ...
pub fn raw_name(i: Input) -> PResult<(String, Span, bool)> {
    let (i, _) = sp(i)?;
    let s = *i.fragment();
    let p = off(&i);
    if let Some(body) = s.strip_prefix('`') {
        // EscapedSymbolicName ::= ( '`' ( any char but '`' )* '`' )+  (`` is a backtick)
        let mut name = String::new();
        let mut k = 0;
        let bytes = body.as_bytes();
        loop {
            match body[k..].find('`') {
                None => {
                    return fail(PError::message(
                        "UnexpectedSyntax",
                        Span::new(p, p + s.len()),
                        "unterminated quoted name: expected a closing backtick",
                    ));
                }
                Some(n) => {
                    name.push_str(&body[k..k + n]);
                    k += n + 1;
                    if bytes.get(k) == Some(&b'`') {
                        name.push('`');
                        k += 1;
                    } else {
                        break;
                    }
                }
            }
        }
        let len = k + 1;
        return Ok((advance(i, len), (name, Span::new(p, p + len), true)));
    }
    match s.chars().next() {
        Some(c) if is_ident_start(c) => {
            let end = s.char_indices().find(|&(_, c)| !is_ident_continue(c)).map_or(s.len(), |(k, _)| k);
            Ok((advance(i, end), (s[..end].to_string(), Span::new(p, p + end), false)))
        }
        _ => err(PError::expected(p, "a name")),
    }
}

// oC_SchemaName ::= oC_SymbolicName | oC_ReservedWord
pub fn schema_name<'a>(i: Input<'a>, what: &'static str) -> PResult<'a, Ident> {
    match raw_name(i) {
        Ok((r, (name, span, _))) => Ok((r, Ident { name, span })),
        Err(nom::Err::Error(_)) => err(PError::expected(off(&skip(i)), what)),
        Err(e) => Err(e),
    }
}

// oC_Variable ::= oC_SymbolicName
pub fn variable(i: Input) -> PResult<Ident> {
    match raw_name(i) {
        Ok((r, (name, span, quoted))) => {
            if !quoted && is_reserved(&name) {
                err(PError::expected(span.start, "a variable"))
            } else {
                Ok((r, Ident { name, span }))
            }
        }
        Err(nom::Err::Error(_)) => err(PError::expected(off(&skip(i)), "a variable")),
        Err(e) => Err(e),
    }
}

fn number_error(code: &'static str, start: usize, end: usize, msg: &str) -> nom::Err<PError> {
    nom::Err::Failure(PError::message(code, Span::new(start, end), msg))
}

/// True if a number literal starts here (after whitespace).
pub fn at_number(i: Input) -> bool {
    let s = skip(i);
    let b = s.fragment().as_bytes();
    match b.first() {
        Some(c) if c.is_ascii_digit() => true,
        Some(b'.') => b.get(1).is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

// oC_NumberLiteral ::= oC_DoubleLiteral | oC_IntegerLiteral
// oC_IntegerLiteral ::= HexInteger | OctalInteger | DecimalInteger
/// `negative`: a unary minus precedes the literal and is folded into it, so that
/// `-9223372036854775808` is representable.
pub fn number(i: Input, negative: bool) -> PResult<Literal> {
    let (i, _) = sp(i)?;
    let s = *i.fragment();
    let p = off(&i);
    let b = s.as_bytes();
    let run_end =
        |from: usize| s[from..].char_indices().find(|&(_, c)| !is_ident_continue(c)).map_or(s.len(), |(k, _)| from + k);
    let digit_at = |k: usize| b.get(k).is_some_and(|c| c.is_ascii_digit());
    if !(digit_at(0) || (b.first() == Some(&b'.') && digit_at(1))) {
        return err(PError::expected(p, "a number"));
    }
    // HexInteger ::= '0x' HexDigit+ ; OctalInteger ::= '0o' OctDigit+ (and legacy '0' OctDigit+)
    let radix_prefix = if b.first() == Some(&b'0') {
        match b.get(1) {
            Some(b'x') | Some(b'X') => Some((16, 2)),
            Some(b'o') | Some(b'O') => Some((8, 2)),
            _ => None,
        }
    } else {
        None
    };
    if let Some((radix, skip_len)) = radix_prefix {
        let end = run_end(0);
        let digits = &s[skip_len..end];
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return Err(number_error(
                "InvalidNumberLiteral",
                p,
                p + end,
                &format!("invalid number literal `{}`", &s[..end]),
            ));
        }
        let v = integer_value(digits, radix, negative).ok_or_else(|| overflow(p, end, &s[..end], negative))?;
        return Ok((advance(i, end), Literal::Integer(v)));
    }
    let mut k = 0;
    while digit_at(k) {
        k += 1;
    }
    let int_end = k;
    let mut is_float = false;
    if b.get(k) == Some(&b'.') && digit_at(k + 1) {
        is_float = true;
        k += 1;
        while digit_at(k) {
            k += 1;
        }
    }
    if matches!(b.get(k), Some(b'e') | Some(b'E')) {
        let mut e = k + 1;
        if matches!(b.get(e), Some(b'+') | Some(b'-')) {
            e += 1;
        }
        if digit_at(e) {
            is_float = true;
            k = e;
            while digit_at(k) {
                k += 1;
            }
        }
    }
    // A number running into letters (`12h4`, `1e`) is one bad token, not two.
    if s[k..].starts_with(is_ident_continue) {
        let end = run_end(k);
        return Err(number_error(
            "InvalidNumberLiteral",
            p,
            p + end,
            &format!("invalid number literal `{}`", &s[..end]),
        ));
    }
    let text = &s[..k];
    if is_float {
        let v: f64 = text
            .parse()
            .map_err(|_| number_error("InvalidNumberLiteral", p, p + k, &format!("invalid number literal `{text}`")))?;
        if v.is_infinite() {
            return Err(number_error(
                "FloatingPointOverflow",
                p,
                p + k,
                &format!("floating point number `{text}` is too large"),
            ));
        }
        return Ok((advance(i, k), Literal::Float(if negative { -v } else { v })));
    }
    let digits = &s[..int_end];
    // Legacy octal: a leading zero followed by octal digits.
    let radix = if digits.len() > 1 && digits.starts_with('0') {
        if !digits.chars().all(|c| c.is_digit(8)) {
            return Err(number_error("InvalidNumberLiteral", p, p + k, &format!("invalid number literal `{digits}`")));
        }
        8
    } else {
        10
    };
    let v = integer_value(digits, radix, negative).ok_or_else(|| overflow(p, k, digits, negative))?;
    Ok((advance(i, k), Literal::Integer(v)))
}

fn overflow(p: usize, end: usize, text: &str, negative: bool) -> nom::Err<PError> {
    let sign = if negative { "-" } else { "" };
    number_error(
        "IntegerOverflow",
        p,
        p + end,
        &format!("integer literal `{sign}{text}` does not fit in a 64-bit integer"),
    )
}

fn integer_value(digits: &str, radix: u32, negative: bool) -> Option<i64> {
    let mut v: i128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix)? as i128;
        v = v.checked_mul(radix as i128)?.checked_add(d)?;
        if v > (i64::MAX as i128) + 1 {
            return None;
        }
    }
    let v = if negative { -v } else { v };
    i64::try_from(v).ok()
}

// oC_StringLiteral ::= ( '"' ( StringLiteral_0 | EscapedChar )* '"' ) | ( "'" ( StringLiteral_1 | EscapedChar )* "'" )
pub fn string_literal(i: Input) -> PResult<String> {
    let (i, _) = sp(i)?;
    let s = *i.fragment();
    let p = off(&i);
    let quote = match s.chars().next() {
        Some(q @ ('\'' | '"')) => q,
        _ => return err(PError::expected(p, "a string")),
    };
    let mut out = String::new();
    let mut it = s.char_indices().skip(1).peekable();
    let mut pending_high: Option<(u32, usize)> = None;
    while let Some((k, c)) = it.next() {
        if c == quote {
            if let Some((_, at)) = pending_high {
                return Err(bad_unicode(p + at, p + at + 6));
            }
            return Ok((advance(i, k + 1), out));
        }
        if c != '\\' {
            if let Some((_, at)) = pending_high {
                return Err(bad_unicode(p + at, p + at + 6));
            }
            out.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else { break };
        let simple = match e {
            '\\' => Some('\\'),
            '\'' => Some('\''),
            '"' => Some('"'),
            'n' => Some('\n'),
            't' => Some('\t'),
            'r' => Some('\r'),
            'b' => Some('\u{8}'),
            'f' => Some('\u{c}'),
            _ => None,
        };
        if let Some(ch) = simple {
            if let Some((_, at)) = pending_high {
                return Err(bad_unicode(p + at, p + at + 6));
            }
            out.push(ch);
            continue;
        }
        if e == 'u' || e == 'U' {
            let n = if e == 'u' { 4 } else { 8 };
            let mut hex = String::new();
            for _ in 0..n {
                match it.peek() {
                    Some(&(_, h)) if h.is_ascii_hexdigit() => {
                        hex.push(h);
                        it.next();
                    }
                    _ => break,
                }
            }
            let esc_end = k + 2 + hex.len();
            if hex.len() != n {
                return Err(bad_unicode(p + k, p + esc_end));
            }
            let code = u32::from_str_radix(&hex, 16).unwrap_or(u32::MAX);
            if (0xD800..0xDC00).contains(&code) {
                if pending_high.is_some() {
                    return Err(bad_unicode(p + k, p + esc_end));
                }
                pending_high = Some((code, k));
                continue;
            }
            let code = if (0xDC00..0xE000).contains(&code) {
                match pending_high.take() {
                    Some((hi, _)) => 0x10000 + ((hi - 0xD800) << 10) + (code - 0xDC00),
                    None => return Err(bad_unicode(p + k, p + esc_end)),
                }
            } else {
                if let Some((_, at)) = pending_high {
                    return Err(bad_unicode(p + at, p + at + 6));
                }
                code
            };
            match char::from_u32(code) {
                Some(ch) => out.push(ch),
                None => return Err(bad_unicode(p + k, p + esc_end)),
            }
            continue;
        }
        return fail(PError::message(
            "UnexpectedSyntax",
            Span::new(p + k, p + k + 1 + e.len_utf8()),
            format!("invalid escape sequence `\\{e}`"),
        ));
    }
    fail(PError::message("UnexpectedSyntax", Span::new(p, p + 1), "unterminated string literal"))
}

fn bad_unicode(start: usize, end: usize) -> nom::Err<PError> {
    nom::Err::Failure(PError::message(
        "InvalidUnicodeLiteral",
        Span::new(start, end),
        "invalid unicode escape: expected `\\u` and four hexadecimal digits of a valid code point",
    ))
}

// oC_Parameter ::= '$' ( oC_SymbolicName | DecimalInteger )
pub fn parameter(i: Input) -> PResult<(String, Span)> {
    let (i, _) = sp(i)?;
    let p = off(&i);
    let Some(rest) = i.fragment().strip_prefix('$') else {
        return err(PError::expected(p, "a parameter"));
    };
    let i1 = advance(i, 1);
    let digits = rest.bytes().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let name = rest[..digits].to_string();
        return Ok((advance(i1, digits), (name, Span::new(p, p + 1 + digits))));
    }
    if rest.starts_with(|c: char| c.is_whitespace()) {
        return fail(PError::expected(p + 1, "a parameter name"));
    }
    match raw_name(i1) {
        Ok((r, (name, span, _))) => Ok((r, (name, Span::new(p, span.end)))),
        Err(nom::Err::Error(_)) => fail(PError::expected(p + 1, "a parameter name")),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<T>(src: &str, f: impl FnOnce(Input) -> T) -> T {
        let st = State::new(src);
        f(Input::new_extra(src, &st))
    }

    #[test]
    fn numbers() {
        let n = |s: &str, neg| with(s, |i| number(i, neg).map(|(_, l)| l).ok());
        assert_eq!(n("0x1F", false), Some(Literal::Integer(31)));
        assert_eq!(n("0o17", false), Some(Literal::Integer(15)));
        assert_eq!(n("017", false), Some(Literal::Integer(15)));
        assert_eq!(n(".5", false), Some(Literal::Float(0.5)));
        assert_eq!(n("1e10", false), Some(Literal::Float(1e10)));
        assert_eq!(n("1.5E-3", false), Some(Literal::Float(1.5e-3)));
        assert_eq!(n("9223372036854775808", true), Some(Literal::Integer(i64::MIN)));
        assert_eq!(n("9223372036854775808", false), None);
        assert_eq!(n("12h4", false), None);
    }

    #[test]
    fn strings_and_names() {
        let s = |t: &str| with(t, |i| string_literal(i).map(|(_, l)| l).ok());
        assert_eq!(s(r#"'a\'b\n'"#).as_deref(), Some("a'b\n"));
        assert_eq!(s(r#""\u00e9\uD83D\uDE00""#).as_deref(), Some("é😀"));
        assert_eq!(s(r"'\uH'"), None);
        let n = with("`a``b` x", |i| raw_name(i).map(|(_, n)| n.0).ok());
        assert_eq!(n.as_deref(), Some("a`b"));
    }

    #[test]
    fn comments_are_whitespace() {
        with("  // x\n /* y */ z", |i| {
            let (r, _) = sp(i).unwrap_or((i, ()));
            assert_eq!(*r.fragment(), "z");
        });
    }
}
