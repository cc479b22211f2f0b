//! Expressions: openCypher precedence climbing from OR down to atoms, with chained
//! comparisons rewritten to AND, unary minus folded into number literals, and the
//! atom forms (literals, lists, maps, CASE, comprehensions, quantifiers, reduce,
//! pattern predicates, EXISTS subqueries, map projections, function calls). It knows
//! nothing about scopes or types: every name stays a string for the binder.

use super::ast::*;
use super::clause;
use super::lexical::*;
use super::pattern;
use crate::error::Span;

fn mk(kind: ExprKind, start: usize, end: usize) -> Expr {
    Expr { kind, span: Span::new(start, end) }
}

fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

// oC_Expression ::= oC_OrExpression
pub fn expression(i: Input) -> PResult<Expr> {
    let (i, _) = sp(i)?;
    let key = off(&i);
    let st = i.extra;
    let cached = if st.memo.borrow().is_empty() { None } else { st.memo.borrow().get(&key).cloned() };
    if let Some(m) = cached {
        return m.map(|(end, e)| (seek(i, end), e));
    }
    // Depth is counted by the bracketing constructs and prefix operators that lead
    // here, so that one pair of parentheses is one level.
    let r = or_expr(i);
    if st.in_props.get() > 0 {
        let m: Memo = match &r {
            Ok((rest, e)) => Ok((off(rest), e.clone())),
            Err(e) => Err(e.clone()),
        };
        st.memo.borrow_mut().insert(key, m);
    }
    r
}

type Operand<'a> = fn(Input<'a>) -> PResult<'a, Expr>;
type Operator<'a> = fn(Input<'a>) -> Option<(Input<'a>, BinaryOp)>;

fn chain_limit(i: Input) -> nom::Err<PError> {
    let p = off(&skip(i));
    nom::Err::Failure(PError::message(
        "NestingTooDeep",
        Span::new(p, p + 1),
        format!("the expression has too many operators (more than {MAX_CHAIN} in a chain)"),
    ))
}

/// Run `f` with the operator-chain counter raised by `n`, restoring it afterwards.
fn bump_chain<'a>(i: Input<'a>) -> Result<(), nom::Err<PError>> {
    let st = i.extra;
    if st.chain.get() >= MAX_CHAIN {
        return Err(chain_limit(i));
    }
    st.chain.set(st.chain.get() + 1);
    Ok(())
}

/// A left-associative chain `operand (op operand)*`.
fn chain<'a>(i: Input<'a>, operand: Operand<'a>, op: Operator<'a>) -> PResult<'a, Expr> {
    let st = i.extra;
    let saved = st.chain.get();
    let r = (|| {
        let (mut i, mut left) = operand(i)?;
        while let Some((after, o)) = op(i) {
            bump_chain(i)?;
            let (rest, right) = operand(after).cut()?;
            let span = left.span.to(right.span);
            left = Expr { kind: ExprKind::Binary(o, bx(left), bx(right)), span };
            i = rest;
        }
        Ok((i, left))
    })();
    st.chain.set(saved);
    r
}

fn op_kw<'a>(i: Input<'a>, word: &'static str, op: BinaryOp) -> Option<(Input<'a>, BinaryOp)> {
    kw(word)(i).ok().map(|(r, _)| (r, op))
}

// oC_OrExpression ::= oC_XorExpression ( SP OR SP oC_XorExpression )*
fn or_expr(i: Input) -> PResult<Expr> {
    chain(i, xor_expr, |i| op_kw(i, "OR", BinaryOp::Or))
}

// oC_XorExpression ::= oC_AndExpression ( SP XOR SP oC_AndExpression )*
fn xor_expr(i: Input) -> PResult<Expr> {
    chain(i, and_expr, |i| op_kw(i, "XOR", BinaryOp::Xor))
}

// oC_AndExpression ::= oC_NotExpression ( SP AND SP oC_NotExpression )*
fn and_expr(i: Input) -> PResult<Expr> {
    chain(i, not_expr, |i| op_kw(i, "AND", BinaryOp::And))
}

// oC_NotExpression ::= ( NOT SP? )* oC_ComparisonExpression
fn not_expr(i: Input) -> PResult<Expr> {
    let mut nots = Vec::new();
    let mut guards = Vec::new();
    let mut i = i;
    loop {
        match kw("NOT")(i) {
            Ok((r, span)) => {
                guards.push(enter(skip(i))?);
                nots.push(span.start);
                i = r;
            }
            Err(nom::Err::Error(_)) => break,
            Err(e) => return Err(e),
        }
    }
    let (i, mut e) = if nots.is_empty() { comparison(i)? } else { comparison(i).cut()? };
    for start in nots.into_iter().rev() {
        let end = e.span.end;
        e = mk(ExprKind::Unary(UnaryOp::Not, bx(e)), start, end);
    }
    drop(guards);
    Ok((i, e))
}

fn comparison_op(i: Input) -> Result<Option<(Input, BinaryOp)>, nom::Err<PError>> {
    let j = skip(i);
    let f = *j.fragment();
    let p = off(&j);
    if f.starts_with("!=") {
        let mut e = PError::message("UnexpectedSyntax", Span::new(p, p + 2), "unexpected `!=`, expected an operator");
        e.note = Some("help: use <> for inequality".to_string());
        return Err(nom::Err::Failure(e));
    }
    let (op, n) = if f.starts_with("<>") {
        (BinaryOp::Ne, 2)
    } else if f.starts_with("<=") {
        (BinaryOp::Le, 2)
    } else if f.starts_with(">=") {
        (BinaryOp::Ge, 2)
    } else if f.starts_with("=~") {
        return Ok(None);
    } else if f.starts_with('=') {
        (BinaryOp::Eq, 1)
    } else if f.starts_with('<') {
        (BinaryOp::Lt, 1)
    } else if f.starts_with('>') {
        (BinaryOp::Gt, 1)
    } else {
        return Ok(None);
    };
    Ok(Some((advance(j, n), op)))
}

// oC_ComparisonExpression ::= oC_StringListNullPredicateExpression ( SP? oC_PartialComparisonExpression )*
// oC_PartialComparisonExpression ::= ( '=' | '<>' | '<' | '>' | '<=' | '>=' ) SP? oC_StringListNullPredicateExpression
fn comparison(i: Input) -> PResult<Expr> {
    let st = i.extra;
    let saved = st.chain.get();
    let r = (|| {
        let (mut i, first) = predicate_expr(i)?;
        let mut operands = vec![first];
        let mut ops = Vec::new();
        while let Some((after, op)) = comparison_op(i)? {
            bump_chain(i)?;
            let (rest, right) = predicate_expr(after).cut()?;
            operands.push(right);
            ops.push(op);
            i = rest;
        }
        // `a < b < c` means `a < b AND b < c`.
        let mut result: Option<Expr> = None;
        for (k, op) in ops.into_iter().enumerate() {
            let (Some(l), Some(r)) = (operands.get(k), operands.get(k + 1)) else {
                break;
            };
            let cmp = Expr { span: l.span.to(r.span), kind: ExprKind::Binary(op, bx(l.clone()), bx(r.clone())) };
            result = Some(match result {
                None => cmp,
                Some(prev) => {
                    Expr { span: prev.span.to(cmp.span), kind: ExprKind::Binary(BinaryOp::And, bx(prev), bx(cmp)) }
                }
            });
        }
        match result {
            Some(e) => Ok((i, e)),
            None => match operands.pop() {
                Some(e) => Ok((i, e)),
                None => err(PError::expected(off(&i), "an expression")),
            },
        }
    })();
    st.chain.set(saved);
    r
}

// oC_StringListNullPredicateExpression ::= oC_AddOrSubtractExpression ( oC_StringPredicateExpression | oC_ListPredicateExpression | oC_NullPredicateExpression )*
// oC_StringPredicateExpression ::= ( ( SP STARTS SP WITH ) | ( SP ENDS SP WITH ) | ( SP CONTAINS ) | ( SP? '=~' ) ) SP? oC_AddOrSubtractExpression
// oC_ListPredicateExpression ::= SP IN SP? oC_AddOrSubtractExpression
// oC_NullPredicateExpression ::= ( SP IS SP NULL ) | ( SP IS SP NOT SP NULL )
fn predicate_expr(i: Input) -> PResult<Expr> {
    let st = i.extra;
    let saved = st.chain.get();
    let r = (|| {
        let (mut i, mut left) = add_sub(i)?;
        loop {
            let op = if let Ok((r, _)) = kw("IS")(i) {
                bump_chain(i)?;
                let (r, negated) = match kw("NOT")(r) {
                    Ok((r, _)) => (r, true),
                    Err(_) => (r, false),
                };
                let (r, end) = kw("NULL")(r).cut()?;
                let start = left.span.start;
                left = mk(ExprKind::IsNull { expr: bx(left), negated }, start, end.end);
                i = r;
                continue;
            } else if let Ok((r, _)) = sym("=~")(i) {
                Some((r, BinaryOp::RegexMatch))
            } else if let Ok((r, _)) = kw("IN")(i) {
                Some((r, BinaryOp::In))
            } else if let Ok((r, _)) = kw("STARTS")(i) {
                Some((kw("WITH")(r).cut()?.0, BinaryOp::StartsWith))
            } else if let Ok((r, _)) = kw("ENDS")(i) {
                Some((kw("WITH")(r).cut()?.0, BinaryOp::EndsWith))
            } else if let Ok((r, _)) = kw("CONTAINS")(i) {
                Some((r, BinaryOp::Contains))
            } else {
                None
            };
            let Some((after, op)) = op else { break };
            bump_chain(i)?;
            let (rest, right) = add_sub(after).cut()?;
            let span = left.span.to(right.span);
            left = Expr { kind: ExprKind::Binary(op, bx(left), bx(right)), span };
            i = rest;
        }
        Ok((i, left))
    })();
    st.chain.set(saved);
    r
}

// oC_AddOrSubtractExpression ::= oC_MultiplyDivideModuloExpression ( ( SP? '+' SP? oC_MultiplyDivideModuloExpression ) | ( SP? '-' SP? oC_MultiplyDivideModuloExpression ) )*
fn add_sub(i: Input) -> PResult<Expr> {
    chain(i, mul_div, |i| {
        let j = skip(i);
        let f = *j.fragment();
        if f.starts_with("+=") {
            None
        } else if f.starts_with('+') {
            Some((advance(j, 1), BinaryOp::Add))
        } else if f.starts_with('-') {
            Some((advance(j, 1), BinaryOp::Sub))
        } else {
            None
        }
    })
}

// oC_MultiplyDivideModuloExpression ::= oC_PowerOfExpression ( ( SP? '*' SP? oC_PowerOfExpression ) | ( SP? '/' SP? oC_PowerOfExpression ) | ( SP? '%' SP? oC_PowerOfExpression ) )*
fn mul_div(i: Input) -> PResult<Expr> {
    chain(i, power, |i| {
        let j = skip(i);
        let op = match j.fragment().chars().next() {
            Some('*') => BinaryOp::Mul,
            Some('/') => BinaryOp::Div,
            Some('%') => BinaryOp::Mod,
            _ => return None,
        };
        Some((advance(j, 1), op))
    })
}

// oC_PowerOfExpression ::= oC_UnaryAddOrSubtractExpression ( SP? '^' SP? oC_UnaryAddOrSubtractExpression )*
fn power(i: Input) -> PResult<Expr> {
    chain(i, unary, |i| {
        let j = skip(i);
        j.fragment().starts_with('^').then(|| (advance(j, 1), BinaryOp::Pow))
    })
}

// oC_UnaryAddOrSubtractExpression ::= oC_NonArithmeticOperatorExpression | ( ( '+' | '-' ) SP? oC_UnaryAddOrSubtractExpression )
fn unary(i: Input) -> PResult<Expr> {
    let mut signs: Vec<(UnaryOp, usize)> = Vec::new();
    let mut guards = Vec::new();
    let mut i = i;
    loop {
        let j = skip(i);
        let op = match j.fragment().chars().next() {
            Some('+') => UnaryOp::Plus,
            Some('-') => UnaryOp::Neg,
            _ => break,
        };
        guards.push(enter(j)?);
        signs.push((op, off(&j)));
        i = advance(j, 1);
    }
    let neg = match signs.last() {
        Some(&(UnaryOp::Neg, p)) => Some(p),
        _ => None,
    };
    let (i, (mut e, folded)) = if signs.is_empty() { postfix(i, None)? } else { postfix(i, neg).cut()? };
    if folded {
        signs.pop();
    }
    for (op, start) in signs.into_iter().rev() {
        let end = e.span.end;
        e = mk(ExprKind::Unary(op, bx(e)), start, end);
    }
    drop(guards);
    Ok((i, e))
}

// oC_NonArithmeticOperatorExpression ::= oC_Atom ( ( SP? oC_ListOperatorExpression ) | ( SP? oC_PropertyLookup ) )* ( SP? oC_NodeLabels )?
/// Returns the expression and whether the preceding unary minus was folded into it.
fn postfix(i: Input, neg: Option<usize>) -> PResult<(Expr, bool)> {
    let (mut i, (mut e, folded)) = atom(i, neg)?;
    let st = i.extra;
    let saved = st.chain.get();
    let r = (|| {
        loop {
            let j = skip(i);
            let f = *j.fragment();
            if f.starts_with('.') && !f.starts_with("..") {
                bump_chain(i)?;
                let (r, key) = schema_name(advance(j, 1), "a property key").cut()?;
                let start = e.span.start;
                e = mk(ExprKind::Property(bx(e), key.clone()), start, key.span.end);
                i = r;
            } else if f.starts_with('[') {
                bump_chain(i)?;
                let (r, ne) = list_operator(j, e)?;
                e = ne;
                i = r;
            } else {
                break;
            }
        }
        if at_sym(i, ":") {
            let (r, labels) = node_labels(i)?;
            let start = e.span.start;
            let end = labels.last().map_or(e.span.end, |l| l.span.end);
            e = mk(ExprKind::HasLabels(bx(e), labels), start, end);
            i = r;
        }
        Ok((i, (e, folded)))
    })();
    st.chain.set(saved);
    r
}

// oC_NodeLabels ::= oC_NodeLabel ( SP? oC_NodeLabel )*
// oC_NodeLabel ::= ':' SP? oC_LabelName
pub fn node_labels(i: Input) -> PResult<Vec<Ident>> {
    let mut labels = Vec::new();
    let mut i = i;
    while let Ok((r, _)) = sym(":")(i) {
        let (r, l) = schema_name(r, "a label name").cut()?;
        labels.push(l);
        i = r;
    }
    if labels.is_empty() {
        return err(PError::expected(off(&skip(i)), "`:`"));
    }
    Ok((i, labels))
}

// oC_ListOperatorExpression ::= ( '[' oC_Expression ']' ) | ( '[' oC_Expression? '..' oC_Expression? ']' )
fn list_operator(i: Input, base: Expr) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, _) = sym("[")(i)?;
    let start = base.span.start;
    let (i, from) = if at_sym(i, "..") {
        (i, None)
    } else {
        let (r, e) = expression(i).cut()?;
        (r, Some(e))
    };
    if let Ok((r, _)) = sym("..")(i) {
        let (r, to) = if at_sym(r, "]") {
            (r, None)
        } else {
            let (r, e) = expression(r).cut()?;
            (r, Some(e))
        };
        let (r, close) = expect_sym(r, "]", "UnexpectedSyntax", "to close the slice")?;
        return Ok((r, mk(ExprKind::Slice(bx(base), from.map(bx), to.map(bx)), start, close.end)));
    }
    let (r, close) = expect_sym(i, "]", "UnexpectedSyntax", "to close the index")?;
    match from {
        Some(idx) => Ok((r, mk(ExprKind::Index(bx(base), bx(idx)), start, close.end))),
        None => fail(PError::expected(off(&skip(i)), "an expression")),
    }
}

// oC_Atom ::= oC_Literal | oC_Parameter | oC_CaseExpression | ( COUNT SP? '(' SP? '*' SP? ')' ) | oC_ListComprehension | oC_PatternComprehension | oC_Quantifier | oC_PatternPredicate | oC_ParenthesizedExpression | oC_FunctionInvocation | oC_ExistentialSubquery | oC_Variable
pub fn atom(i: Input, neg: Option<usize>) -> PResult<(Expr, bool)> {
    let (i, _) = sp(i)?;
    let p = off(&i);
    if at_number(i) {
        // The literal's text (and any error about it) starts at the folded minus.
        let (r, lit) = number(i, neg.is_some()).map_err(|e| {
            e.map(|mut e| {
                if let Some(n) = neg {
                    e.start = n;
                }
                e
            })
        })?;
        let start = neg.unwrap_or(p);
        return Ok((r, (mk(ExprKind::Literal(lit), start, off(&r)), neg.is_some())));
    }
    let r = match i.fragment().chars().next() {
        Some('\'') | Some('"') => {
            let (r, s) = string_literal(i)?;
            Ok((r, mk(ExprKind::Literal(Literal::String(s)), p, off(&r))))
        }
        Some('$') => {
            let (r, (name, span)) = parameter(i)?;
            Ok((r, mk(ExprKind::Parameter(name), span.start, span.end)))
        }
        Some('[') => list_like(i),
        Some('{') => map_literal(i),
        Some('(') => paren_or_pattern(i),
        Some(c) if is_ident_start(c) || c == '`' => name_atom(i),
        _ => err(PError::expected(p, "an expression")),
    };
    r.map(|(r, e)| (r, (e, false)))
}

// oC_MapLiteral ::= '{' SP? ( oC_PropertyKeyName SP? ':' SP? oC_Expression SP? ( ',' SP? oC_PropertyKeyName SP? ':' SP? oC_Expression SP? )* )? '}'
pub fn map_literal(i: Input) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, open) = sym("{")(i)?;
    let mut entries = Vec::new();
    if let Ok((r, close)) = sym("}")(i) {
        return Ok((r, mk(ExprKind::Map(entries), open.start, close.end)));
    }
    let mut i = i;
    loop {
        let (r, key) = schema_name(i, "a property key").cut()?;
        let (r, _) = expect_sym(r, ":", "UnexpectedSyntax", "after the map key")?;
        let (r, value) = expression(r).cut()?;
        entries.push((key, value));
        if let Ok((r, _)) = sym(",")(r) {
            i = r;
            continue;
        }
        let (r, close) = expect_sym(r, "}", "UnexpectedSyntax", "to close the map")?;
        return Ok((r, mk(ExprKind::Map(entries), open.start, close.end)));
    }
}

/// `[`: a list comprehension, a pattern comprehension or a list literal.
fn list_like(i: Input) -> PResult<Expr> {
    let _g = enter(i)?;
    let (j, open) = sym("[")(i)?;
    // oC_ListComprehension ::= '[' SP? oC_FilterExpression ( SP? '|' SP? oC_Expression )? SP? ']'
    if let Ok((k, var)) = variable(j) {
        if let Ok((k, _)) = kw("IN")(k) {
            let (k, list) = expression(k).cut()?;
            let (k, predicate) = opt_where(k)?;
            let (k, projection) = match sym("|")(k) {
                Ok((k, _)) => {
                    let (k, e) = expression(k).cut()?;
                    (k, Some(bx(e)))
                }
                Err(_) => (k, None),
            };
            let (k, close) = expect_sym(k, "]", "UnexpectedSyntax", "to close the list comprehension")?;
            return Ok((
                k,
                mk(ExprKind::ListComprehension { var, list: bx(list), predicate, projection }, open.start, close.end),
            ));
        }
    }
    // oC_PatternComprehension ::= '[' SP? ( oC_Variable SP? '=' SP? )? oC_RelationshipsPattern SP? ( WHERE SP? oC_Expression SP? )? '|' SP? oC_Expression SP? ']'
    let attempt = pattern_comprehension(j, open.start);
    let attempt_err = match attempt {
        Ok(r) => return Ok(r),
        Err(nom::Err::Error(e)) => e,
        Err(e) => return Err(e),
    };
    // oC_ListLiteral ::= '[' SP? ( oC_Expression SP? ( ',' SP? oC_Expression SP? )* )? ']'
    let literal = (|| {
        let mut items = Vec::new();
        if let Ok((r, close)) = sym("]")(j) {
            return Ok((r, mk(ExprKind::List(items), open.start, close.end)));
        }
        let mut k = j;
        loop {
            let (r, e) = expression(k).cut()?;
            items.push(e);
            if let Ok((r, _)) = sym(",")(r) {
                k = r;
                continue;
            }
            let (r, close) = expect_sym(r, "]", "UnexpectedSyntax", "to close the list")?;
            return Ok((r, mk(ExprKind::List(items), open.start, close.end)));
        }
    })();
    literal.map_err(|e| merge_err(nom::Err::Error(attempt_err), e))
}

fn pattern_comprehension(i: Input, start: usize) -> PResult<Expr> {
    let (j, var) = match variable(i) {
        Ok((r, v)) => match sym("=")(r) {
            Ok((r, _)) => (r, Some(v)),
            Err(_) => (i, None),
        },
        Err(_) => (i, None),
    };
    let (j, pat) = pattern::relationships_pattern(j)?;
    if !(at_kw(j, "WHERE") || at_sym(j, "|")) {
        return err(PError::expected(off(&skip(j)), "`|`"));
    }
    let (j, predicate) = opt_where(j)?;
    let (j, _) = expect_sym(j, "|", "UnexpectedSyntax", "in the pattern comprehension")?;
    let (j, projection) = expression(j).cut()?;
    let (j, close) = expect_sym(j, "]", "UnexpectedSyntax", "to close the pattern comprehension")?;
    Ok((
        j,
        mk(
            ExprKind::PatternComprehension { var, pattern: pat, predicate, projection: bx(projection) },
            start,
            close.end,
        ),
    ))
}

// oC_Where ::= WHERE SP oC_Expression
pub fn opt_where(i: Input) -> PResult<Option<Box<Expr>>> {
    match kw("WHERE")(i) {
        Ok((r, _)) => {
            let (r, e) = expression(r).cut()?;
            Ok((r, Some(bx(e))))
        }
        Err(nom::Err::Error(_)) => Ok((i, None)),
        Err(e) => Err(e),
    }
}

/// `(`: a pattern predicate (a node followed by relationships), else a parenthesized
/// expression. The pattern reading is tried first, as openCypher specifies.
fn paren_or_pattern(i: Input) -> PResult<Expr> {
    let p = off(&i);
    let pattern_err = match pattern::relationships_pattern(i) {
        Ok((r, elem)) => {
            let end = elem.span.end;
            return Ok((r, mk(ExprKind::PatternPredicate(elem), p, end)));
        }
        Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => e,
        Err(e) => return Err(e),
    };
    if pattern_err.code == "NestingTooDeep" {
        return fail(pattern_err);
    }
    // oC_ParenthesizedExpression ::= '(' SP? oC_Expression SP? ')'
    let paren = (|| {
        let _g = enter(i)?;
        let (r, _) = sym("(")(i)?;
        let (r, e) = expression(r).cut()?;
        let (r, close) = expect_sym(r, ")", "UnexpectedSyntax", "to close the parenthesized expression")?;
        // Keep the inner expression; its span grows to cover the parentheses.
        let mut e = e;
        e.span = Span::new(p, close.end);
        Ok((r, e))
    })();
    paren.map_err(|e| merge_err(nom::Err::Error(pattern_err), e))
}

fn upper(s: &str) -> String {
    s.to_ascii_uppercase()
}

/// An atom that starts with a name: keyword literals, CASE, EXISTS, count(*),
/// quantifiers, reduce, function calls, map projections, variables.
fn name_atom(i: Input) -> PResult<Expr> {
    let p = off(&i);
    let (r, (name, span, quoted)) = raw_name(i)?;
    if !quoted {
        let up = upper(&name);
        match up.as_str() {
            "TRUE" => return Ok((r, mk(ExprKind::Literal(Literal::Bool(true)), p, span.end))),
            "FALSE" => {
                return Ok((r, mk(ExprKind::Literal(Literal::Bool(false)), p, span.end)));
            }
            "NULL" => return Ok((r, mk(ExprKind::Literal(Literal::Null), p, span.end))),
            "CASE" => return case_expr(r, p),
            "EXISTS" if at_sym(r, "{") => return exists_subquery(r, p),
            "COUNT" => {
                if let Ok((k, _)) = sym("(")(r) {
                    if let Ok((k, _)) = sym("*")(k) {
                        let (k, close) = expect_sym(k, ")", "UnexpectedSyntax", "to close `count(*)`")?;
                        return Ok((k, mk(ExprKind::CountStar, p, close.end)));
                    }
                }
            }
            "ALL" | "ANY" | "NONE" | "SINGLE" => {
                if let Ok((k, _)) = sym("(")(r) {
                    if let Ok((k2, var)) = variable(k) {
                        if let Ok((k3, _)) = kw("IN")(k2) {
                            let quantifier = match up.as_str() {
                                "ALL" => Quantifier::All,
                                "ANY" => Quantifier::Any,
                                "NONE" => Quantifier::None,
                                _ => Quantifier::Single,
                            };
                            return quantified(k3, p, quantifier, var);
                        }
                    }
                }
            }
            "REDUCE" if at_sym(r, "(") => {
                if let Ok(res) = reduce(r, p) {
                    return Ok(res);
                }
            }
            _ => {}
        }
    }
    // oC_FunctionName ::= oC_Namespace oC_SymbolicName ; oC_Namespace ::= ( oC_SymbolicName '.' )*
    let mut parts = vec![Ident { name: name.clone(), span }];
    let mut j = r;
    loop {
        let k = skip(j);
        let f = *k.fragment();
        if f.starts_with('.') && !f.starts_with("..") {
            if let Ok((k2, (n, s, _))) = raw_name(advance(k, 1)) {
                parts.push(Ident { name: n, span: s });
                j = k2;
                continue;
            }
        }
        break;
    }
    if at_sym(j, "(") && !(parts.len() == 1 && !quoted && is_reserved(&name)) {
        return function_call(j, p, parts);
    }
    if !quoted && is_reserved(&name) {
        return err(PError::expected(p, "an expression"));
    }
    let var = Ident { name, span };
    // oC_MapProjection ::= oC_Variable SP? '{' ... '}'
    if at_sym(r, "{") {
        return map_projection(r, var);
    }
    Ok((r, mk(ExprKind::Variable(var.name), span.start, span.end)))
}

// oC_FunctionInvocation ::= oC_FunctionName SP? '(' SP? ( DISTINCT SP? )? ( oC_Expression SP? ( ',' SP? oC_Expression SP? )* )? ')'
fn function_call(i: Input, start: usize, name: Vec<Ident>) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, _) = sym("(")(i)?;
    let (mut i, distinct) = match kw("DISTINCT")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let mut args = Vec::new();
    let fname = name.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join(".");
    if !at_sym(i, ")") {
        loop {
            let (r, e) = expression(i).cut()?;
            args.push(e);
            match sym(",")(r) {
                Ok((r, _)) => i = r,
                Err(_) => {
                    i = r;
                    break;
                }
            }
        }
    }
    let (i, close) = expect_sym(i, ")", "UnexpectedSyntax", &format!("to close the arguments of `{fname}`"))?;
    Ok((i, mk(ExprKind::FunctionCall { name, distinct, args }, start, close.end)))
}

// oC_CaseExpression ::= ( ( CASE ( SP? oC_CaseAlternative )+ ) | ( CASE SP? oC_Expression ( SP? oC_CaseAlternative )+ ) ) ( SP? ELSE SP? oC_Expression )? SP? END
// oC_CaseAlternative ::= WHEN SP? oC_Expression SP? THEN SP? oC_Expression
fn case_expr(i: Input, start: usize) -> PResult<Expr> {
    let _g = enter(i)?;
    let (mut i, operand) = if at_kw(i, "WHEN") {
        (i, None)
    } else {
        let (r, e) = expression(i).cut()?;
        (r, Some(bx(e)))
    };
    let mut whens = Vec::new();
    while let Ok((r, _)) = kw("WHEN")(i) {
        let (r, cond) = expression(r).cut()?;
        let (r, _) = kw("THEN")(r).cut()?;
        let (r, val) = expression(r).cut()?;
        whens.push((cond, val));
        i = r;
    }
    if whens.is_empty() {
        return fail(PError::expected(off(&skip(i)), "WHEN"));
    }
    let (i, else_) = match kw("ELSE")(i) {
        Ok((r, _)) => {
            let (r, e) = expression(r).cut()?;
            (r, Some(bx(e)))
        }
        Err(_) => (i, None),
    };
    let (i, end) = match kw("END")(i) {
        Ok(r) => r,
        Err(_) => {
            let mut e = PError::expected(off(&skip(i)), "END");
            if else_.is_none() {
                e.expected.insert(0, "WHEN, ELSE".to_string());
            }
            return fail(e);
        }
    };
    Ok((i, mk(ExprKind::Case { operand, whens, else_ }, start, end.end)))
}

// oC_Quantifier ::= ( ALL | ANY | NONE | SINGLE ) SP? '(' SP? oC_FilterExpression SP? ')'
// oC_FilterExpression ::= oC_IdInColl ( SP? oC_Where )?
fn quantified(i: Input, start: usize, quantifier: Quantifier, var: Ident) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, list) = expression(i).cut()?;
    let (i, predicate) = opt_where(i)?;
    let (i, close) = expect_sym(i, ")", "UnexpectedSyntax", "to close the quantifier")?;
    Ok((i, mk(ExprKind::Quantified { quantifier, var, list: bx(list), predicate }, start, close.end)))
}

// oC_Reduce ::= REDUCE SP? '(' oC_Variable '=' oC_Expression ',' oC_IdInColl '|' oC_Expression ')'
fn reduce(i: Input, start: usize) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, _) = sym("(")(i)?;
    let (i, acc) = variable(i)?;
    let (i, _) = sym("=")(i)?;
    let (i, init) = expression(i).cut()?;
    let (i, _) = expect_sym(i, ",", "UnexpectedSyntax", "after the accumulator of reduce")?;
    let (i, var) = variable(i).cut()?;
    let (i, _) = kw("IN")(i).cut()?;
    let (i, list) = expression(i).cut()?;
    let (i, _) = expect_sym(i, "|", "UnexpectedSyntax", "in reduce")?;
    let (i, expr) = expression(i).cut()?;
    let (i, close) = expect_sym(i, ")", "UnexpectedSyntax", "to close reduce")?;
    Ok((i, mk(ExprKind::Reduce { acc, init: bx(init), var, list: bx(list), expr: bx(expr) }, start, close.end)))
}

// oC_ExistentialSubquery ::= EXISTS SP? '{' SP? ( oC_RegularQuery | ( oC_Pattern ( SP? oC_Where )? ) ) SP? '}'
fn exists_subquery(i: Input, start: usize) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, open) = sym("{")(i)?;
    let (i, q) = if clause::at_clause(i) {
        clause::query(i).cut()?
    } else {
        let (r, pat) = pattern::pattern(i).cut()?;
        let (r, where_) = opt_where(r)?;
        let body_start = pat.first().map_or(open.end, |p| p.span.start);
        let end = where_.as_ref().map(|w| w.span.end).or_else(|| pat.last().map(|p| p.span.end)).unwrap_or(open.end);
        let span = Span::new(body_start, end);
        let m = Clause::Match(Match { optional: false, pattern: pat, where_: where_.map(|w| *w), span });
        (r, Query { first: SingleQuery { clauses: vec![m], span }, unions: Vec::new(), span })
    };
    let (i, close) = expect_sym(i, "}", "UnexpectedSyntax", "to close the EXISTS subquery")?;
    Ok((i, mk(ExprKind::ExistsSubquery(Box::new(q)), start, close.end)))
}

// oC_MapProjection ::= oC_Variable SP? '{' SP? ( oC_MapProjectionItem ( SP? ',' SP? oC_MapProjectionItem )* )? SP? '}'
// oC_MapProjectionItem ::= ( '.' oC_PropertyKeyName ) | ( '.' '*' ) | ( oC_PropertyKeyName SP? ':' SP? oC_Expression ) | oC_Variable
fn map_projection(i: Input, var: Ident) -> PResult<Expr> {
    let _g = enter(i)?;
    let (i, _) = sym("{")(i)?;
    let mut items = Vec::new();
    if let Ok((r, close)) = sym("}")(i) {
        let start = var.span.start;
        return Ok((r, mk(ExprKind::MapProjection { var, items }, start, close.end)));
    }
    let mut i = i;
    loop {
        let (r, item) = if let Ok((r, _)) = sym(".")(i) {
            if let Ok((r, _)) = sym("*")(r) {
                (r, MapProjectionItem::AllProperties)
            } else {
                let (r, k) = schema_name(r, "a property key or `*`").cut()?;
                (r, MapProjectionItem::Property(k))
            }
        } else {
            let (r, k) = schema_name(i, "a map projection item").cut()?;
            if let Ok((r, _)) = sym(":")(r) {
                let (r, e) = expression(r).cut()?;
                (r, MapProjectionItem::Literal(k, e))
            } else {
                (r, MapProjectionItem::Variable(k))
            }
        };
        items.push(item);
        if let Ok((r2, _)) = sym(",")(r) {
            i = r2;
            continue;
        }
        let (r, close) = expect_sym(r, "}", "UnexpectedSyntax", "to close the map projection")?;
        let start = var.span.start;
        return Ok((r, mk(ExprKind::MapProjection { var, items }, start, close.end)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Result<String, String> {
        let st = State::new(src);
        let i = Input::new_extra(src, &st);
        match expression(i) {
            Ok((r, e)) if r.fragment().trim().is_empty() => Ok(e.to_string()),
            Ok((r, _)) => Err(format!("trailing {}", r.fragment())),
            Err(e) => Err(format!("{e:?}")),
        }
    }

    #[test]
    fn precedence() {
        assert_eq!(parse("1 + 2 * 3").as_deref(), Ok("1 + 2 * 3"));
        assert_eq!(parse("(1 + 2) * 3").as_deref(), Ok("(1 + 2) * 3"));
        assert_eq!(parse("2 ^ 3 ^ 2").as_deref(), Ok("2 ^ 3 ^ 2"));
        assert_eq!(parse("2 ^ (3 ^ 2)").as_deref(), Ok("2 ^ (3 ^ 2)"));
        assert_eq!(parse("NOT a = b OR c").as_deref(), Ok("NOT a = b OR c"));
        assert_eq!(parse("a < b < c").as_deref(), Ok("a < b AND b < c"));
        assert_eq!(parse("-2 ^ 2").as_deref(), Ok("-2 ^ 2"));
        assert_eq!(parse("- x.y").as_deref(), Ok("-x.y"));
        assert_eq!(parse("-9223372036854775808").as_deref(), Ok("-9223372036854775808"));
        assert_eq!(parse("a IS NOT NULL").as_deref(), Ok("a IS NOT NULL"));
        assert_eq!(parse("n:A:B").as_deref(), Ok("n:A:B"));
    }

    #[test]
    fn atoms() {
        assert_eq!(parse("[x IN l WHERE x > 1 | x * 2]").as_deref(), Ok("[x IN l WHERE x > 1 | x * 2]"));
        assert_eq!(parse("count(*)").as_deref(), Ok("count(*)"));
        assert_eq!(parse("count(DISTINCT x)").as_deref(), Ok("count(DISTINCT x)"));
        assert_eq!(parse("reduce(a = 0, x IN l | a + x)").as_deref(), Ok("reduce(a = 0, x IN l | a + x)"));
        assert_eq!(parse("all(x IN l WHERE x)").as_deref(), Ok("all(x IN l WHERE x)"));
        assert_eq!(parse("(a)-[:T]->()").as_deref(), Ok("(a)-[:T]->()"));
        assert_eq!(parse("[p = (a)-->(b) | p]").as_deref(), Ok("[p = (a)-->(b) | p]"));
        assert_eq!(parse("n {.a, .*, k: 1, v}").as_deref(), Ok("n {.a, .*, k: 1, v}"));
        assert_eq!(parse("CASE WHEN a THEN 1 ELSE 2 END").as_deref(), Ok("CASE WHEN a THEN 1 ELSE 2 END"));
        assert_eq!(parse("a.b.c(1)").as_deref(), Ok("a.b.c(1)"));
        assert_eq!(parse("x[1..][..2][0]").as_deref(), Ok("x[1..][..2][0]"));
        assert!(parse("[, ]").is_err());
        assert!(parse("{k1.k: 1}").is_err());
    }
}
