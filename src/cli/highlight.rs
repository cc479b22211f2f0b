//! Syntax highlighting for the shell: keywords, strings, numbers, parameters, comments,
//! labels and relationship types, and variables get ANSI colours, and the bracket that
//! matches the one at the cursor is shown in reverse video. The coloured text has the
//! same display width as the input (rustyline requires it). Whether to colour at all
//! (a terminal, no `NO_COLOR`) is decided by the caller; this module only paints.

use super::tokens::{Kind, Token, tokenize};

/// What a token is in context, which decides its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Plain,
    Keyword,
    String,
    Number,
    Param,
    Comment,
    /// A label or relationship type: a name after `:` (or `|`) outside a map.
    Label,
    /// A name that is not a label, a property key, a map key or a function.
    Variable,
}

impl Role {
    fn colour(self) -> Option<&'static str> {
        match self {
            Role::Plain => None,
            Role::Keyword => Some("\x1b[1;35m"),
            Role::String => Some("\x1b[32m"),
            Role::Number => Some("\x1b[36m"),
            Role::Param => Some("\x1b[1;36m"),
            Role::Comment => Some("\x1b[90m"),
            Role::Label => Some("\x1b[33m"),
            Role::Variable => Some("\x1b[34m"),
        }
    }
}

const RESET: &str = "\x1b[0m";
const MATCHING_BRACKET: &str = "\x1b[7m";

/// The role of every token of `src`, by looking at its neighbours and at the innermost
/// open bracket (`:` inside `{...}` separates a map key from its value).
pub fn roles(src: &str, tokens: &[Token]) -> Vec<Role> {
    let mut stack: Vec<char> = Vec::new();
    let mut roles = Vec::with_capacity(tokens.len());
    // The kind and text of the previous and next tokens that are not space or comments.
    let significant: Vec<usize> =
        (0..tokens.len()).filter(|&i| !matches!(tokens[i].kind, Kind::Space | Kind::Comment)).collect();
    let mut prev: Option<Token> = None;
    // The role of the token before `prev`: `A` in `:A|B`.
    let (mut prev_role, mut before_prev_role) = (Role::Plain, Role::Plain);
    let mut sig = 0;
    for t in tokens {
        if matches!(t.kind, Kind::Space | Kind::Comment) {
            roles.push(if t.kind == Kind::Comment { Role::Comment } else { Role::Plain });
            continue;
        }
        let next = significant.get(sig + 1).and_then(|&j| tokens.get(j));
        sig += 1;
        let prev_text = prev.map_or("", |p| p.text(src));
        let in_map = stack.last() == Some(&'{');
        let role = match t.kind {
            Kind::Keyword => Role::Keyword,
            Kind::String => Role::String,
            Kind::Number => Role::Number,
            Kind::Param => Role::Param,
            Kind::Name | Kind::Quoted => {
                let next_text = next.map_or("", |n| n.text(src));
                if (prev_text == ":" && !in_map) || (prev_text == "|" && before_prev_role == Role::Label) {
                    Role::Label
                } else if prev_text == "." || next_text == "(" || (in_map && next_text == ":") {
                    Role::Plain
                } else {
                    Role::Variable
                }
            }
            Kind::Punct => {
                match t.text(src) {
                    "(" => stack.push('('),
                    "[" => stack.push('['),
                    "{" => stack.push('{'),
                    ")" | "]" | "}" => {
                        stack.pop();
                    }
                    _ => {}
                }
                Role::Plain
            }
            Kind::Space | Kind::Comment => Role::Plain,
        };
        roles.push(role);
        prev = Some(*t);
        before_prev_role = prev_role;
        prev_role = role;
    }
    roles
}

/// The byte offset of the bracket matching the one at `cursor` (or just before it),
/// ignoring brackets inside strings and comments.
pub fn matching_bracket(src: &str, tokens: &[Token], cursor: usize) -> Option<usize> {
    let is_bracket = |t: &Token| t.kind == Kind::Punct && matches!(t.text(src), "(" | ")" | "[" | "]" | "{" | "}");
    let at = tokens
        .iter()
        .position(|t| t.start == cursor && is_bracket(t))
        .or_else(|| tokens.iter().position(|t| t.end == cursor && is_bracket(t)))?;
    let open = tokens.get(at)?.text(src);
    let (target, forward) = match open {
        "(" => (")", true),
        "[" => ("]", true),
        "{" => ("}", true),
        ")" => ("(", false),
        "]" => ("[", false),
        "}" => ("{", false),
        _ => return None,
    };
    let mut depth = 0usize;
    let order: Box<dyn Iterator<Item = &Token>> =
        if forward { Box::new(tokens.iter().skip(at + 1)) } else { Box::new(tokens.iter().take(at).rev()) };
    for t in order {
        if t.kind != Kind::Punct {
            continue;
        }
        let text = t.text(src);
        if text == open {
            depth += 1;
        } else if text == target {
            if depth == 0 {
                return Some(t.start);
            }
            depth -= 1;
        }
    }
    None
}

/// `line` with ANSI colours; when `cursor` is given, the bracket matching the one at the
/// cursor is shown in reverse video.
pub fn highlight(line: &str, cursor: Option<usize>) -> String {
    let tokens = tokenize(line);
    let roles = roles(line, &tokens);
    let bracket = cursor.and_then(|c| matching_bracket(line, &tokens, c));
    let mut out = String::with_capacity(line.len() * 2);
    for (t, role) in tokens.iter().zip(roles) {
        let text = t.text(line);
        if Some(t.start) == bracket {
            out.push_str(MATCHING_BRACKET);
            out.push_str(text);
            out.push_str(RESET);
        } else if let Some(colour) = role.colour() {
            out.push_str(colour);
            out.push_str(text);
            out.push_str(RESET);
        } else {
            out.push_str(text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The highlighted text with escapes made readable: `<35>MATCH</>`.
    fn show(s: &str) -> String {
        let mut out = String::new();
        let mut in_escape = false;
        for c in s.replace("\x1b[0m", "</>").chars() {
            match (in_escape, c) {
                (false, '\x1b') => in_escape = true,
                (true, '[') => out.push('<'),
                (true, 'm') => {
                    out.push('>');
                    in_escape = false;
                }
                (_, c) => out.push(c),
            }
        }
        out
    }

    #[test]
    fn colours_by_role() {
        let text = "MATCH (c:Country {name: 'x'})-[r:A|B]->(d) WHERE c.pop > 1.5 RETURN count(c), $p";
        let shown = show(&highlight(text, None));
        assert_eq!(
            shown,
            "<1;35>MATCH</> (<34>c</>:<33>Country</> {name: <32>'x'</>})-[<34>r</>:<33>A</>|<33>B</>]->(<34>d</>) \
             <1;35>WHERE</> <34>c</>.pop > <36>1.5</> <1;35>RETURN</> count(<34>c</>), <1;36>$p</>"
        );
    }

    #[test]
    fn map_values_are_not_labels() {
        let text = "{k: v}";
        assert_eq!(show(&highlight(text, None)), "{k: <34>v</>}");
    }

    #[test]
    fn comments_and_unterminated_strings() {
        assert_eq!(show(&highlight("RETURN 'ab // c", None)), "<1;35>RETURN</> <32>'ab // c</>");
        assert_eq!(show(&highlight("1 // note", None)), "<36>1</> <90>// note</>");
    }

    #[test]
    fn matching_brackets() {
        let text = "f([a, (b)], ')')";
        let tokens = tokenize(text);
        // Cursor on the first `(`: its match is the last `)`, not the one in the string.
        assert_eq!(matching_bracket(text, &tokens, 1), Some(15));
        // Cursor just after `]`.
        assert_eq!(matching_bracket(text, &tokens, 10), Some(2));
        assert_eq!(matching_bracket(text, &tokens, 4), None);
        assert_eq!(show(&highlight("(1)", Some(0))), "(<36>1</><7>)</>");
        // Unbalanced: nothing to show, no panic.
        assert_eq!(matching_bracket("((", &tokenize("(("), 0), None);
    }

    #[test]
    fn same_display_width() {
        let text = "MATCH (n:北京 {k: '北'}) RETURN n";
        let plain: String = {
            let h = highlight(text, Some(6));
            let mut s = String::new();
            let mut in_escape = false;
            for c in h.chars() {
                match (in_escape, c) {
                    (false, '\x1b') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (true, _) => {}
                    (false, c) => s.push(c),
                }
            }
            s
        };
        assert_eq!(plain, text);
    }
}
