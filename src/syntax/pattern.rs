//! Graph patterns: pattern parts (`p = ...`, `shortestPath(...)`), node patterns,
//! relationship patterns with types, variable lengths and properties. Errors inside a
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
    let committed = var.is_some();
    let r = anonymous_part(i);
    let (i, (shortest, element)) = if committed { r.cut()? } else { r? };
    let end = off(&i);
    Ok((i, PatternPart { var, shortest, mode: None, element, cost: None, span: Span::new(start, end) }))
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

// oC_PatternElement ::= ( oC_NodePattern ( SP? oC_PatternElementChain )* ) | ( '(' oC_PatternElement ')' )
// oC_PatternElementChain ::= oC_RelationshipPattern SP? oC_NodePattern
pub fn pattern_element(i: Input) -> PResult<PatternElement> {
    let _g = enter(i)?;
    let (i, _) = sp(i)?;
    let start = off(&i);
    let f = *i.fragment();
    if f.starts_with('(') && at_sym(advance(i, 1), "(") {
        let (r, _) = sym("(")(i)?;
        let (r, el) = pattern_element(r)?;
        let (r, _) = expect_sym(r, ")", "UnexpectedSyntax", "to close the parenthesized pattern")?;
        return Ok((r, el));
    }
    let (mut i, first) = node_pattern(i)?;
    let mut chain = Vec::new();
    loop {
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
    let end = off(&i);
    Ok((i, PatternElement { start: first, chain, span: Span::new(start, end) }))
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
    let end = off(&i);
    let (var, types, length, props) = detail.unwrap_or((None, Vec::new(), None, None));
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
}
