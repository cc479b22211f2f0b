//! Graph patterns: pattern parts (`p = ...`, `shortestPath(...)`, GQL selectors and path
//! modes, Meridian's `COST`), node patterns, relationship patterns with types, variable
//! lengths, GQL quantifiers and properties. A GQL quantified path pattern is accepted only
//! when it means one variable-length relationship, and is parsed into exactly that. Errors inside a
//! relationship's brackets carry the TCK code `InvalidRelationshipPattern`. Whether a
//! pattern is allowed where it appears (CREATE needs directed, single-typed
//! relationships, ...) is the binder's business, not this module's.

use super::ast::*;
use super::expr;
use super::lexical::*;
use crate::error::Span;

const REL: &str = "InvalidRelationshipPattern";

// oC_Pattern ::= oC_PatternPart ( SP? ',' SP? oC_PatternPart )*
pub fn pattern(i: Input) -> PResult<Pattern> {
    let (mut i, first) = pattern_part(i)?;
    let mut parts = vec![first];
    while let Ok((r, _)) = sym(",")(i) {
        let (r, p) = pattern_part(r).cut()?;
        parts.push(p);
        i = r;
    }
    Ok((i, parts))
}

// <path pattern> ::= [ <path variable declaration> ] [ <path pattern prefix> ] <path pattern expression> [ COST <expression> [ AS <variable> ] ]
// oC_PatternPart ::= ( oC_Variable SP? '=' SP? oC_AnonymousPatternPart ) | oC_AnonymousPatternPart
pub fn pattern_part(i: Input) -> PResult<PatternPart> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (i, var) = match variable(i) {
        Ok((r, v)) => match sym("=")(r) {
            Ok((r, _)) => (r, Some(v)),
            Err(_) => (i, None),
        },
        Err(nom::Err::Failure(e)) => return fail(e),
        Err(_) => (i, None),
    };
    let before_prefix = off(&skip(i));
    let (i, (selector, mode)) = path_prefix(i)?;
    // A prefix (even a bare `ALL`) commits to a pattern, and excludes shortestPath(...).
    let prefixed = off(&i) > before_prefix;
    let committed = var.is_some() || prefixed;
    let r = if prefixed { pattern_element(i).map(|(r, el)| (r, (selector, el))) } else { anonymous_part(i) };
    let (i, (shortest, element)) = if committed { r.cut()? } else { r? };
    let (i, cost) = cost(i)?;
    let end = off(&i);
    Ok((i, PatternPart { var, shortest, mode, element, cost, span: Span::new(start, end) }))
}

// <cost clause> ::= COST <expression> [ AS <variable> ]  (Meridian extension for weighted shortest paths)
fn cost(i: Input) -> PResult<Option<Cost>> {
    let Ok((r, _)) = kw("COST")(i) else {
        return Ok((i, None));
    };
    let (r, e) = expr::expression(r).cut()?;
    let (r, alias) = match kw("AS")(r) {
        Ok((r, _)) => {
            let (r, v) = variable(r).cut()?;
            (r, Some(v))
        }
        Err(_) => (r, None),
    };
    Ok((r, Some(Cost { expr: Box::new(e), alias })))
}

// <path pattern prefix> ::= <path mode prefix> | <path search prefix>
// <path search prefix> ::= <all path search> | <any path search> | <shortest path search>
/// Consumes nothing if no prefix keyword comes next. The words are keywords only here,
/// at the start of a pattern part (after `p =`), so they stay usable as names elsewhere.
fn path_prefix(i: Input) -> PResult<(Option<Shortest>, Option<PathMode>)> {
    if let Ok((r, _)) = kw("ANY")(i) {
        // <any shortest path search> ::= ANY SHORTEST [ <path mode> ] [ <path or paths> ]
        if let Ok((r, _)) = kw("SHORTEST")(r) {
            let (r, mode) = mode_and_paths(r)?;
            return Ok((r, (Some(Shortest::AnyShortest), mode)));
        }
        // <any path search> ::= ANY [ <number of paths> ] [ <path mode> ] [ <path or paths> ]
        let (r, k) = path_count(r)?;
        let (r, mode) = mode_and_paths(r)?;
        return Ok((r, (Some(Shortest::Any(k.unwrap_or(1))), mode)));
    }
    if let Ok((r, _)) = kw("ALL")(i) {
        // <all shortest path search> ::= ALL SHORTEST [ <path mode> ] [ <path or paths> ]
        if let Ok((r, _)) = kw("SHORTEST")(r) {
            let (r, mode) = mode_and_paths(r)?;
            return Ok((r, (Some(Shortest::AllShortest), mode)));
        }
        // <all path search> ::= ALL [ <path mode> ] [ <path or paths> ]  (no selector: every path)
        let (r, mode) = mode_and_paths(r)?;
        return Ok((r, (None, mode)));
    }
    if let Ok((r, _)) = kw("SHORTEST")(i) {
        return shortest_search(r);
    }
    // <path mode prefix> ::= <path mode> [ <path or paths> ]
    match path_mode(i) {
        Some((r, mode)) => Ok((paths_word(r), (None, Some(mode)))),
        None => Ok((i, (None, None))),
    }
}

// <counted shortest path search> ::= SHORTEST <number of paths> [ <path mode> ] [ <path or paths> ]
// <counted shortest group search> ::= SHORTEST [ <number of groups> ] [ <path mode> ] [ <path or paths> ] { GROUP | GROUPS }
/// Also accepts `SHORTEST k GROUPS [<path mode>] [<path or paths>]`, the order in which
/// the printer writes it.
fn shortest_search(i: Input) -> PResult<(Option<Shortest>, Option<PathMode>)> {
    let (i, k) = path_count(i)?;
    if let Some(r) = groups_word(i) {
        let (r, mode) = mode_and_paths(r)?;
        return Ok((r, (Some(Shortest::Groups(k.unwrap_or(1))), mode)));
    }
    let (i, mode) = mode_and_paths(i)?;
    if let Some(r) = groups_word(i) {
        return Ok((r, (Some(Shortest::Groups(k.unwrap_or(1))), mode)));
    }
    match k {
        Some(k) => Ok((i, (Some(Shortest::Shortest(k)), mode))),
        None => {
            let mut e = PError::expected(off(&skip(i)), "a number of paths");
            e.expected.push("GROUPS".to_string());
            fail(e)
        }
    }
}

// GROUP | GROUPS
fn groups_word(i: Input) -> Option<Input> {
    kw("GROUPS")(i).or_else(|_| kw("GROUP")(i)).ok().map(|(r, _)| r)
}

// <number of paths> ::= <unsigned integer>  (literals only)
fn path_count(i: Input) -> PResult<Option<u64>> {
    if !at_number(i) {
        return Ok((i, None));
    }
    let j = skip(i);
    let p = off(&j);
    let (r, lit) = number(j, false)?;
    match lit {
        Literal::Integer(v) if v >= 0 => Ok((r, Some(v as u64))),
        _ => fail(PError::message(
            "UnexpectedSyntax",
            Span::new(p, off(&r)),
            "expected an unsigned integer number of paths",
        )),
    }
}

// [ <path mode> ] [ <path or paths> ]
fn mode_and_paths(i: Input) -> PResult<Option<PathMode>> {
    let (i, mode) = match path_mode(i) {
        Some((r, m)) => (r, Some(m)),
        None => (i, None),
    };
    Ok((paths_word(i), mode))
}

// <path mode> ::= WALK | TRAIL | SIMPLE | ACYCLIC
fn path_mode(i: Input) -> Option<(Input, PathMode)> {
    [("WALK", PathMode::Walk), ("TRAIL", PathMode::Trail), ("ACYCLIC", PathMode::Acyclic), ("SIMPLE", PathMode::Simple)]
        .into_iter()
        .find_map(|(w, m)| kw(w)(i).ok().map(|(r, _)| (r, m)))
}

// <path or paths> ::= PATH | PATHS
fn paths_word(i: Input) -> Input {
    kw("PATHS")(i).or_else(|_| kw("PATH")(i)).map_or(i, |(r, _)| r)
}

// oC_AnonymousPatternPart ::= oC_ShortestPathPattern | oC_PatternElement
// oC_ShortestPathPattern ::= ( SHORTESTPATH '(' oC_PatternElement ')' ) | ( ALLSHORTESTPATHS '(' oC_PatternElement ')' )
fn anonymous_part(i: Input) -> PResult<(Option<Shortest>, PatternElement)> {
    if let Ok((r, (name, _, false))) = raw_name(i) {
        let kind = if name.eq_ignore_ascii_case("shortestPath") {
            Some(Shortest::One)
        } else if name.eq_ignore_ascii_case("allShortestPaths") {
            Some(Shortest::All)
        } else {
            None
        };
        if let Some(kind) = kind {
            let (r, _) = expect_sym(r, "(", "UnexpectedSyntax", &format!("after `{name}`"))?;
            let (r, el) = pattern_element(r).cut()?;
            let (r, _) = expect_sym(r, ")", "UnexpectedSyntax", &format!("to close `{name}`"))?;
            return Ok((r, (Some(kind), el)));
        }
    }
    let (r, el) = pattern_element(i)?;
    Ok((r, (None, el)))
}

/// An anonymous node the text leaves implicit: the outer end of a quantified path
/// pattern with no node pattern next to it.
fn implicit_node(at: usize) -> NodePattern {
    NodePattern { var: None, labels: Vec::new(), props: None, span: Span::new(at, at) }
}

/// True if `((` comes next: a parenthesized (maybe quantified) path pattern.
fn at_double_paren(i: Input) -> bool {
    let j = skip(i);
    j.fragment().starts_with('(') && at_sym(advance(j, 1), "(")
}

// <path term> ::= <path factor>+  where <path factor> ::= <node pattern> | <edge pattern> [ <graph pattern quantifier> ] | <quantified path primary>
// oC_PatternElement ::= ( oC_NodePattern ( SP? oC_PatternElementChain )* ) | ( '(' oC_PatternElement ')' )
// oC_PatternElementChain ::= oC_RelationshipPattern SP? oC_NodePattern
/// A quantified path pattern becomes one variable-length relationship; a node pattern
/// next to it is its outer end, and where there is none an anonymous node stands in.
pub fn pattern_element(i: Input) -> PResult<PatternElement> {
    let _g = enter(i)?;
    let (i, _) = sp(i)?;
    let start = off(&i);
    // A relationship from a quantified path pattern still waiting for its end node.
    let mut pending: Option<RelPattern> = None;
    let (mut i, first) = if at_double_paren(i) {
        let (r, _) = sym("(")(i)?;
        let (r, el) = pattern_element(r)?;
        let (r, where_) = qpp_where(r)?;
        let (r, close) = expect_sym(r, ")", "UnexpectedSyntax", "to close the parenthesized pattern")?;
        match quantifier(r)? {
            (r, None) => {
                if let Some(w) = where_ {
                    return fail(qpp_unsupported(Span::new(start, w.end)));
                }
                return Ok((r, el));
            }
            (r, Some(q)) => {
                pending = Some(qpp_relationship(el, where_, q, Span::new(start, close.end), off(&r))?);
                (r, implicit_node(start))
            }
        }
    } else {
        node_pattern(i)?
    };
    let mut chain = Vec::new();
    loop {
        if let Some(rel) = pending.take() {
            if at_sym(i, "(") && !at_double_paren(i) {
                let (r, node) = node_pattern(i)?;
                chain.push((rel, node));
                i = r;
                continue;
            }
            chain.push((rel, implicit_node(off(&i))));
        }
        if at_double_paren(i) {
            match quantified_path(i) {
                Ok((r, rel)) => {
                    pending = Some(rel);
                    i = r;
                    continue;
                }
                Err(nom::Err::Error(_)) => break,
                Err(e) => return Err(e),
            }
        }
        match relationship_pattern(i) {
            Ok((r, rel)) => {
                let (r, node) = match node_pattern(r) {
                    Ok(x) => x,
                    Err(nom::Err::Error(_)) => {
                        let p = off(&skip(r));
                        let tok = token_at(i.extra.src, p);
                        return fail(PError::message(
                            "UnexpectedSyntax",
                            Span::new(p, p + tok.len()),
                            format!(
                                "expected a node pattern `(...)` after the relationship, found {}",
                                if tok.is_empty() { "end of input".to_string() } else { format!("`{tok}`") }
                            ),
                        ));
                    }
                    Err(e) => return Err(e),
                };
                chain.push((rel, node));
                i = r;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    if let Some(rel) = pending.take() {
        chain.push((rel, implicit_node(off(&i))));
    }
    let end = off(&i);
    Ok((i, PatternElement { start: first, chain, span: Span::new(start, end) }))
}

// <quantified path primary> ::= <parenthesized path pattern expression> <graph pattern quantifier>
// <parenthesized path pattern expression> ::= '(' <path pattern expression> [ WHERE <expression> ] ')'
/// Recoverable unless the quantifier was seen (without it the text is some other
/// construct, or an error the caller reports).
fn quantified_path(i: Input) -> PResult<RelPattern> {
    let (i, open) = sym("(")(i)?;
    let (r, el) = pattern_element(i)?;
    let (r, where_) = qpp_where(r)?;
    let (r, close) = match sym(")")(r) {
        Ok(x) => x,
        Err(_) => return err(PError::expected(off(&skip(r)), "`)`")),
    };
    match quantifier(r)? {
        (r, Some(q)) => {
            let rel = qpp_relationship(el, where_, q, Span::new(open.start, close.end), off(&r))?;
            Ok((r, rel))
        }
        (r, None) => err(PError::expected(off(&skip(r)), "a quantifier")),
    }
}

// WHERE <search condition>
/// `WHERE` inside a parenthesized path pattern: read only to say it is unsupported.
/// Returns the span of `WHERE expr`.
fn qpp_where(i: Input) -> PResult<Option<Span>> {
    match kw("WHERE")(i) {
        Ok((r, s)) => {
            let (r, e) = expr::expression(r)?;
            Ok((r, Some(s.to(e.span))))
        }
        Err(_) => Ok((i, None)),
    }
}

fn qpp_unsupported(span: Span) -> PError {
    PError::unsupported(
        span,
        "quantified path patterns are supported only for a single relationship between anonymous nodes",
    )
}

/// The relationship a quantified path pattern stands for: its body must be one
/// relationship between two anonymous, label-free, property-free nodes.
fn qpp_relationship(
    el: PatternElement,
    where_: Option<Span>,
    q: (LengthRange, Span),
    body_span: Span,
    end: usize,
) -> Result<RelPattern, nom::Err<PError>> {
    let whole = Span::new(body_span.start, end);
    let plain = |n: &NodePattern| n.var.is_none() && n.labels.is_empty() && n.props.is_none();
    let mut chain = el.chain.into_iter();
    let (Some((rel, last)), None) = (chain.next(), chain.next()) else {
        return fail(qpp_unsupported(whole));
    };
    if where_.is_some() || !plain(&el.start) || !plain(&last) {
        return fail(qpp_unsupported(whole));
    }
    if rel.length.is_some() {
        return fail(both_lengths(q.1));
    }
    Ok(RelPattern { length: Some(q.0), span: whole, ..rel })
}

fn both_lengths(at: Span) -> PError {
    PError::message(REL, at, "a relationship cannot have both a variable length `*` and a quantifier")
}

// <graph pattern quantifier> ::= '*' | '+' | <fixed quantifier> | <general quantifier>
// <fixed quantifier> ::= '{' <unsigned integer> '}'
// <general quantifier> ::= '{' [ <lower bound> ] ',' [ <upper bound> ] '}'
/// `None` (consuming nothing) if no quantifier comes next. GQL bounds are explicit:
/// `*` is 0 or more, `{,n}` is 0 to n.
fn quantifier(i: Input) -> PResult<Option<(LengthRange, Span)>> {
    let j = skip(i);
    let p = off(&j);
    let f = *j.fragment();
    if f.starts_with('*') {
        return Ok((advance(j, 1), Some((LengthRange { min: Some(0), max: None }, Span::new(p, p + 1)))));
    }
    if f.starts_with('+') {
        return Ok((advance(j, 1), Some((LengthRange { min: Some(1), max: None }, Span::new(p, p + 1)))));
    }
    if !f.starts_with('{') {
        return Ok((i, None));
    }
    let r = advance(j, 1);
    let bad = |at: usize| {
        PError::message(REL, Span::new(p, at.max(p + 1)), "expected a quantifier `{n}`, `{m,n}`, `{m,}` or `{,n}`")
    };
    let (r, min) = range_bound(r)?;
    let (r, range) = match sym(",")(r) {
        Ok((r, _)) => {
            let (r, max) = range_bound(r)?;
            (r, LengthRange { min: Some(min.unwrap_or(0)), max })
        }
        Err(_) => match min {
            Some(n) => (r, LengthRange { min: Some(n), max: Some(n) }),
            None => return fail(bad(off(&skip(r)))),
        },
    };
    match sym("}")(r) {
        Ok((r, close)) => Ok((r, Some((range, Span::new(p, close.end))))),
        Err(_) => fail(bad(off(&skip(r)))),
    }
}

// oC_RelationshipsPattern ::= oC_NodePattern ( SP? oC_PatternElementChain )+
/// A pattern used as an expression. Errors are recoverable so that the caller can try
/// reading the text as an expression instead.
pub fn relationships_pattern(i: Input) -> PResult<PatternElement> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let f = *i.fragment();
    if !f.starts_with('(') || at_sym(advance(i, 1), "(") {
        return err(PError::expected(start, "a pattern"));
    }
    match pattern_element(i) {
        Ok((r, el)) if !el.chain.is_empty() => Ok((r, el)),
        Ok(_) => err(PError::expected(start, "a relationship pattern")),
        Err(e) => Err(uncut(e)),
    }
}

// oC_NodePattern ::= '(' SP? ( oC_Variable SP? )? ( oC_NodeLabels SP? )? ( oC_Properties SP? )? ')'
pub fn node_pattern(i: Input) -> PResult<NodePattern> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (i, _) = match sym("(")(i) {
        Ok(r) => r,
        Err(_) => return err(PError::expected(start, "a node pattern")),
    };
    let _g = enter(i)?;
    let (i, var) = match variable(i) {
        Ok((r, v)) => (r, Some(v)),
        Err(nom::Err::Error(_)) => (i, None),
        Err(e) => return Err(e),
    };
    let (i, labels) = if at_sym(i, ":") { expr::node_labels(i).cut()? } else { (i, Vec::new()) };
    let (i, props) = properties(i)?;
    let (i, close) = match expect_sym(i, ")", "UnexpectedSyntax", "to close the node pattern") {
        Ok(r) => r,
        Err(nom::Err::Failure(mut e)) => {
            // Name the alternatives that were still possible at this point.
            let mut alts = Vec::new();
            if var.is_none() && labels.is_empty() && props.is_none() {
                alts.push("a variable");
            }
            if props.is_none() {
                alts.push("`:`");
                alts.push("`{`");
            }
            if !alts.is_empty() {
                alts.push("`)`");
                e.message = None;
                e.end = None;
                e.expected = alts.iter().map(|s| s.to_string()).collect();
            }
            return fail(e);
        }
        Err(e) => return Err(e),
    };
    Ok((i, NodePattern { var, labels, props: props.map(Box::new), span: Span::new(start, close.end) }))
}

// oC_Properties ::= oC_MapLiteral | oC_Parameter
fn properties(i: Input) -> PResult<Option<Expr>> {
    let j = skip(i);
    match j.fragment().chars().next() {
        Some('{') => {
            let st = i.extra;
            st.in_props.set(st.in_props.get() + 1);
            let r = expr::map_literal(j).cut();
            st.in_props.set(st.in_props.get().saturating_sub(1));
            let (r, m) = r?;
            Ok((r, Some(m)))
        }
        Some('$') => {
            let (r, (name, span)) = parameter(j).cut()?;
            Ok((r, Some(Expr { kind: ExprKind::Parameter(name), span })))
        }
        _ => Ok((i, None)),
    }
}

// <edge pattern> [ <graph pattern quantifier> ]
// oC_RelationshipPattern ::= ( oC_LeftArrowHead SP? oC_Dash SP? oC_RelationshipDetail? SP? oC_Dash SP? oC_RightArrowHead ) | ( oC_LeftArrowHead SP? oC_Dash SP? oC_RelationshipDetail? SP? oC_Dash ) | ( oC_Dash SP? oC_RelationshipDetail? SP? oC_Dash SP? oC_RightArrowHead ) | ( oC_Dash SP? oC_RelationshipDetail? SP? oC_Dash )
pub fn relationship_pattern(i: Input) -> PResult<RelPattern> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let f = *i.fragment();
    let (i, left) = if f.starts_with('<') {
        let r = advance(i, 1);
        if !at_sym(r, "-") {
            return err(PError::expected(start, "a relationship pattern"));
        }
        (sym("-")(r)?.0, true)
    } else if f.starts_with('-') {
        (advance(i, 1), false)
    } else {
        return err(PError::expected(start, "a relationship pattern"));
    };
    // After the first dash the text can only be a relationship.
    let (i, detail) = if at_sym(i, "[") {
        let (r, d) = relationship_detail(i)?;
        (r, Some(d))
    } else {
        (i, None)
    };
    let (i, _) = match sym("-")(i) {
        Ok(r) => r,
        Err(_) => {
            let mut e = PError::expected(off(&skip(i)), "`-`");
            if detail.is_none() {
                e.expected.insert(0, "`[`".to_string());
            }
            e.code = REL;
            return fail(e);
        }
    };
    let (i, right) = match sym(">")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let direction = match (left, right) {
        (true, false) => Direction::Incoming,
        (false, true) => Direction::Outgoing,
        _ => Direction::Both,
    };
    let (var, types, length, props) = detail.unwrap_or((None, Vec::new(), None, None));
    // <edge pattern> <graph pattern quantifier>: `-[:T]->{1,3}`, `-->+`
    let (i, length) = match quantifier(i)? {
        (_, Some((_, at))) if length.is_some() => return fail(both_lengths(at)),
        (r, Some((q, _))) => (r, Some(q)),
        (i, None) => (i, length),
    };
    let end = off(&i);
    Ok((i, RelPattern { var, types, direction, length, props: props.map(Box::new), span: Span::new(start, end) }))
}

type Detail = (Option<Ident>, Vec<Ident>, Option<LengthRange>, Option<Expr>);

// oC_RelationshipDetail ::= '[' SP? ( oC_Variable SP? )? ( oC_RelationshipTypes SP? )? oC_RangeLiteral? ( oC_Properties SP? )? ']'
fn relationship_detail(i: Input) -> PResult<Detail> {
    let _g = enter(i)?;
    let (i, _) = sym("[")(i)?;
    let (i, var) = match variable(i) {
        Ok((r, v)) => (r, Some(v)),
        Err(nom::Err::Error(_)) => (i, None),
        Err(e) => return Err(e),
    };
    // oC_RelationshipTypes ::= ':' SP? oC_RelTypeName ( SP? '|' ':'? SP? oC_RelTypeName )*
    let mut types = Vec::new();
    let mut i = i;
    if let Ok((r, _)) = sym(":")(i) {
        let (r, t) = schema_name(r, "a relationship type").map_err(|e| with_code(cut_err(e)))?;
        types.push(t);
        i = r;
        while let Ok((r, _)) = sym("|")(i) {
            let r = match sym(":")(r) {
                Ok((r, _)) => r,
                Err(_) => r,
            };
            let (r, t) = schema_name(r, "a relationship type").map_err(|e| with_code(cut_err(e)))?;
            types.push(t);
            i = r;
        }
    }
    let (i, length) = match sym("*")(i) {
        Ok((r, _)) => {
            let (r, l) = range(r)?;
            (r, Some(l))
        }
        Err(_) => (i, None),
    };
    let (i, props) = properties(i)?;
    let (i, _) = match expect_sym(i, "]", REL, "to close the relationship pattern") {
        Ok(r) => r,
        Err(nom::Err::Failure(mut e)) => {
            let mut alts: Vec<&str> = Vec::new();
            if var.is_none() && types.is_empty() && length.is_none() && props.is_none() {
                alts.push("a variable");
            }
            if types.is_empty() && length.is_none() && props.is_none() {
                alts.push("`:`");
            } else if !types.is_empty() && length.is_none() && props.is_none() {
                alts.push("`|`");
            }
            if length.is_none() && props.is_none() {
                alts.push("`*`");
            }
            if props.is_none() {
                alts.push("`{`");
            }
            if !alts.is_empty() {
                alts.push("`]`");
                e.message = None;
                e.end = None;
                e.expected = alts.iter().map(|s| s.to_string()).collect();
            }
            return fail(e);
        }
        Err(e) => return Err(e),
    };
    Ok((i, (var, types, length, props)))
}

fn with_code(e: nom::Err<PError>) -> nom::Err<PError> {
    e.map(|e| if e.code == "UnexpectedSyntax" { e.with_code(REL) } else { e })
}

// oC_RangeLiteral ::= '*' SP? ( oC_IntegerLiteral SP? )? ( '..' SP? ( oC_IntegerLiteral SP? )? )?
fn range(i: Input) -> PResult<LengthRange> {
    let (i, min) = range_bound(i)?;
    match sym("..")(i) {
        Ok((r, _)) => {
            let (r, max) = range_bound(r)?;
            Ok((r, LengthRange { min, max }))
        }
        Err(_) => Ok((i, LengthRange { min, max: if min.is_some() { min } else { None } })),
    }
}

fn range_bound(i: Input) -> PResult<Option<u64>> {
    if !at_number(i) {
        return Ok((i, None));
    }
    let j = skip(i);
    let p = off(&j);
    let (r, lit) = number(j, false).map_err(with_code)?;
    match lit {
        Literal::Integer(v) if v >= 0 => Ok((r, Some(v as u64))),
        _ => fail(PError::message(
            REL,
            Span::new(p, off(&r)),
            "expected an integer bound of the variable length relationship",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Option<String> {
        let st = State::new(src);
        let i = Input::new_extra(src, &st);
        pattern(i).ok().map(|(_, p)| p.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "))
    }

    #[test]
    fn shapes() {
        assert_eq!(
            parse("p = (a:A:B {x: 1})-[r:T|:U*1..3]->(b)<-[]-(c)--(d)").as_deref(),
            Some("p = (a:A:B {x: 1})-[r:T|U*1..3]->(b)<--(c)--(d)")
        );
        assert_eq!(parse("(a)-[*]-(b), (c $p)").as_deref(), Some("(a)-[*]-(b), (c $p)"));
        assert_eq!(parse("(a)-[*2]-(b)").as_deref(), Some("(a)-[*2]-(b)"));
        assert_eq!(parse("(a)-[*..3]-(b)").as_deref(), Some("(a)-[*..3]-(b)"));
        assert_eq!(parse("(a)-[*2..]-(b)").as_deref(), Some("(a)-[*2..]-(b)"));
        assert_eq!(parse("shortestPath((a)-[*]->(b))").as_deref(), Some("shortestPath((a)-[*]->(b))"));
        assert_eq!(parse("(a)-[:T*-2]->(b)"), None);
    }

    fn part(src: &str) -> Result<PatternPart, PError> {
        let st = State::new(src);
        let i = Input::new_extra(src, &st);
        match pattern_part(i) {
            Ok((r, p)) if r.fragment().trim().is_empty() => Ok(p),
            Ok((r, _)) => Err(PError::expected(off(&r), "end")),
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e),
            Err(nom::Err::Incomplete(_)) => Err(PError::expected(0, "more")),
        }
    }

    fn prefix(src: &str) -> Option<(Option<Shortest>, Option<PathMode>)> {
        part(src).ok().map(|p| (p.shortest, p.mode))
    }

    type Bounds = Option<(Option<u64>, Option<u64>)>;

    fn lengths(src: &str) -> Option<Vec<Bounds>> {
        let p = part(src).ok()?;
        Some(p.element.chain.iter().map(|(r, _)| r.length.map(|l| (l.min, l.max))).collect())
    }

    #[test]
    fn selectors_and_modes() {
        use PathMode::*;
        use Shortest::{AllShortest, Any, AnyShortest, Groups};
        assert_eq!(prefix("ANY SHORTEST (a)-->(b)"), Some((Some(AnyShortest), None)));
        assert_eq!(prefix("all shortest trail paths (a)-->(b)"), Some((Some(AllShortest), Some(Trail))));
        assert_eq!(prefix("SHORTEST 3 PATH (a)-->(b)"), Some((Some(Shortest::Shortest(3)), None)));
        assert_eq!(prefix("SHORTEST 2 GROUPS WALK (a)-->(b)"), Some((Some(Groups(2)), Some(Walk))));
        assert_eq!(prefix("SHORTEST 2 ACYCLIC PATHS GROUP (a)-->(b)"), Some((Some(Groups(2)), Some(Acyclic))));
        assert_eq!(prefix("SHORTEST GROUPS (a)-->(b)"), Some((Some(Groups(1)), None)));
        assert_eq!(prefix("ANY (a)-->(b)"), Some((Some(Any(1)), None)));
        assert_eq!(prefix("ANY 5 SIMPLE (a)-->(b)"), Some((Some(Any(5)), Some(Simple))));
        assert_eq!(prefix("ALL (a)-->(b)"), Some((None, None)));
        assert_eq!(prefix("ALL WALK PATHS (a)-->(b)"), Some((None, Some(Walk))));
        assert_eq!(prefix("TRAIL PATH (a)-->(b)"), Some((None, Some(Trail))));
        // The words stay names: a path variable called `any`.
        let p = part("any = (a)-->(b)").ok();
        assert_eq!(p.as_ref().and_then(|p| p.var.as_ref()).map(|v| v.name.as_str()), Some("any"));
        assert_eq!(p.and_then(|p| p.shortest), None);
        assert!(part("SHORTEST (a)-->(b)").is_err());
        assert!(part("SHORTEST -1 (a)-->(b)").is_err());
        assert!(part("ANY 1.5 (a)-->(b)").is_err());
        assert!(part("ANY SHORTEST shortestPath((a)-->(b))").is_err());
        assert!(part("PATH (a)-->(b)").is_err());
    }

    #[test]
    fn quantified_relationships() {
        let one = |a, b| Some(vec![Some((a, b))]);
        assert_eq!(lengths("(a)-[:T]->{1,3}(b)"), one(Some(1), Some(3)));
        assert_eq!(lengths("(a)<-[:T]-{2}(b)"), one(Some(2), Some(2)));
        assert_eq!(lengths("(a)-[:T]-{,3}(b)"), one(Some(0), Some(3)));
        assert_eq!(lengths("(a)-[:T]->{1,}(b)"), one(Some(1), None));
        assert_eq!(lengths("(a)-[:T]->+(b)"), one(Some(1), None));
        assert_eq!(lengths("(a)-[:T]->*(b)"), one(Some(0), None));
        assert_eq!(lengths("(a)-->+(b)"), one(Some(1), None));
        assert_eq!(lengths("(a)<-- { 1 , 3 } (b)"), one(Some(1), Some(3)));
        assert_eq!(lengths("(a)--{,}(b)"), one(Some(0), None));
        let e = part("(a)-[:T*1..3]->{1,3}(b)").err();
        assert_eq!(e.map(|e| e.code), Some(REL));
        assert!(part("(a)-->{}(b)").is_err());
        assert!(part("(a)-->{1 3}(b)").is_err());
    }

    #[test]
    fn quantified_path_patterns() {
        let one = |a, b| Some(vec![Some((a, b))]);
        assert_eq!(lengths("(a) (()-[:T]->()){1,3} (b)"), one(Some(1), Some(3)));
        assert_eq!(lengths("(a)(()-[:T]->()){1,3}(b)"), one(Some(1), Some(3)));
        assert_eq!(lengths("(a)(()<-[r]-())+(b)"), one(Some(1), None));
        let p = part("(a)(()-[r:T]->()){2}(b)").ok();
        let rel = p.as_ref().and_then(|p| p.element.chain.first()).map(|(r, n)| {
            (r.var.as_ref().map(|v| v.name.clone()), r.types.len(), r.direction, n.var.as_ref().map(|v| v.name.clone()))
        });
        assert_eq!(rel, Some((Some("r".to_string()), 1, Direction::Outgoing, Some("b".to_string()))));
        // Outer ends without a node pattern are anonymous nodes.
        assert_eq!(parse("(()-[:T]->()){2}").as_deref(), Some("()-[:T*2]->()"));
        assert_eq!(parse("(a)(()-->()){2}-->(b)").as_deref(), Some("(a)-[*2]->()-->(b)"));
        assert_eq!(parse("(a)(()-->()){2}(()<--())*").as_deref(), Some("(a)-[*2]->()<-[*0..]-()"));
        for body in ["(x)-->()", "()-->(:L)", "({k: 1})-->()", "()-->()-->()", "()", "()-->() WHERE true"] {
            let e = part(&format!("(a) ({body}){{1,3}} (b)")).err();
            assert_eq!(e.map(|e| e.code), Some("UnsupportedFeature"), "{body}");
        }
        assert_eq!(part("(a) (()-[*2]->())+ (b)").err().map(|e| e.code), Some(REL));
        // Without a quantifier it is not a quantified path pattern.
        assert!(part("(a) (()-->()) (b)").is_err());
        assert_eq!(parse("((a)-->(b))").as_deref(), Some("(a)-->(b)"));
    }

    #[test]
    fn cost() {
        let p = part("p = ANY SHORTEST (a)-[r:ROAD]->+(b) COST r.km AS km").ok();
        let c = p.as_ref().and_then(|p| p.cost.as_ref());
        assert_eq!(c.map(|c| c.expr.to_string()).as_deref(), Some("r.km"));
        assert_eq!(c.and_then(|c| c.alias.as_ref()).map(|a| a.name.as_str()), Some("km"));
        assert_eq!(p.map(|p| p.to_string()).as_deref(), Some("p = ANY SHORTEST (a)-[r:ROAD*1..]->(b) COST r.km AS km"));
        assert!(part("(a)-->(b) COST").is_err());
        assert!(part("(a)-->(b) COST 1 AS").is_err());
        assert_eq!(parse("(cost)-->(any)").as_deref(), Some("(cost)-->(any)"));
    }
}
