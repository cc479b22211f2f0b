//! Statements, queries and clauses: EXPLAIN/PROFILE, UNION, and every clause of the
//! supported subset. Clause order is checked only as far as the grammar requires
//! (nothing but UNION may follow RETURN; `YIELD *` only in a standalone CALL); the
//! remaining composition rules belong to the binder.

use super::ast::*;
use super::expr::{self, expression, opt_where};
use super::lexical::*;
use super::pattern;
use crate::error::Span;

const CLAUSE_WORDS: &[&str] = &[
    "MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "CREATE", "MERGE", "SET", "REMOVE", "DELETE", "DETACH", "FOREACH",
    "CALL", "LOAD",
];

/// True if a clause keyword comes next.
pub fn at_clause(i: Input) -> bool {
    CLAUSE_WORDS.iter().any(|w| at_kw(i, w))
}

// oC_Cypher ::= SP? oC_Statement ( SP? ';' )? SP? EOI
// oC_Statement ::= ( EXPLAIN | PROFILE )? oC_Query
pub fn statement(i: Input) -> PResult<Statement> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (i, explain) = if let Ok((r, _)) = kw("EXPLAIN")(i) {
        (r, Some(ExplainMode::Explain))
    } else if let Ok((r, _)) = kw("PROFILE")(i) {
        (r, Some(ExplainMode::Profile))
    } else {
        (i, None)
    };
    let (i, query) = query(i).cut()?;
    let end = off(&i);
    let (i, _) = sp(i)?;
    let i = match sym(";")(i) {
        Ok((r, _)) => sp(r)?.0,
        Err(_) => i,
    };
    if !i.fragment().is_empty() {
        let last_is_return = query
            .unions
            .last()
            .map_or(&query.first, |(_, q)| q)
            .clauses
            .last()
            .is_some_and(|c| matches!(c, Clause::Return(_)));
        let p = off(&i);
        let mut e = if last_is_return { PError::expected(p, "UNION") } else { PError::expected(p, "a clause") };
        e.expected.push("end of input".to_string());
        return fail(e);
    }
    Ok((i, Statement { explain, query, span: Span::new(start, end) }))
}

// oC_RegularQuery ::= oC_SingleQuery ( SP? oC_Union )*
// oC_Union ::= ( UNION SP ALL SP? oC_SingleQuery ) | ( UNION SP? oC_SingleQuery )
pub fn query(i: Input) -> PResult<Query> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (mut i, first) = single_query(i)?;
    let mut unions = Vec::new();
    while let Ok((r, _)) = kw("UNION")(i) {
        let (r, all) = match kw("ALL")(r) {
            Ok((r, _)) => (r, true),
            Err(_) => (r, false),
        };
        let (r, q) = single_query(r).cut()?;
        unions.push((all, q));
        i = r;
    }
    let end = off(&i);
    Ok((i, Query { first, unions, span: Span::new(start, end) }))
}

// oC_SingleQuery ::= oC_SinglePartQuery | oC_MultiPartQuery
// oC_MultiPartQuery ::= ( ( oC_ReadingClause SP? )* ( oC_UpdatingClause SP? )* oC_With SP? )+ oC_SinglePartQuery
// oC_SinglePartQuery ::= ( ( oC_ReadingClause SP? )* oC_Return ) | ( ( oC_ReadingClause SP? )* oC_UpdatingClause ( SP? oC_UpdatingClause )* ( SP? oC_Return )? )
fn single_query(i: Input) -> PResult<SingleQuery> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let mut clauses = Vec::new();
    let mut i = i;
    loop {
        match clause(i) {
            Ok((r, c)) => {
                let is_return = matches!(c, Clause::Return(_));
                clauses.push(c);
                i = r;
                if is_return {
                    break;
                }
            }
            Err(nom::Err::Error(e)) => {
                if clauses.is_empty() {
                    return err(e);
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    if clauses.len() > 1 {
        for c in &clauses {
            if let Clause::Call(call) = c {
                if call.yield_star {
                    // Point at the `*` (the last one in the clause's text).
                    let text = i.extra.src.get(call.span.start..call.span.end).unwrap_or("");
                    let span =
                        text.rfind('*').map_or(call.span, |k| Span::new(call.span.start + k, call.span.start + k + 1));
                    return fail(PError::message(
                        "UnexpectedSyntax",
                        span,
                        "`YIELD *` is only allowed in a standalone procedure call",
                    ));
                }
            }
        }
    }
    let end = off(&i);
    Ok((i, SingleQuery { clauses, span: Span::new(start, end) }))
}

fn clause(i: Input) -> PResult<Clause> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let span_to = |r: &Input| Span::new(start, off(r));
    if at_kw(i, "MATCH") || at_kw(i, "OPTIONAL") {
        let (r, m) = match_clause(i, start)?;
        return Ok((r, Clause::Match(m)));
    }
    // oC_Unwind ::= UNWIND SP? oC_Expression SP AS SP oC_Variable
    if let Ok((r, _)) = kw("UNWIND")(i) {
        let (r, e) = expression(r).cut()?;
        let (r, _) = kw("AS")(r).cut()?;
        let (r, var) = variable(r).cut()?;
        let span = span_to(&r);
        return Ok((r, Clause::Unwind(Unwind { expr: e, var, span })));
    }
    // oC_With ::= WITH oC_ProjectionBody ( SP? oC_Where )?
    if let Ok((r, _)) = kw("WITH")(i) {
        let (r, projection) = projection_body(r)?;
        let (r, where_) = opt_where(r)?;
        let span = span_to(&r);
        return Ok((r, Clause::With(With { projection, where_: where_.map(|w| *w), span })));
    }
    // oC_Return ::= RETURN oC_ProjectionBody
    if let Ok((r, _)) = kw("RETURN")(i) {
        let (r, projection) = projection_body(r)?;
        let span = span_to(&r);
        return Ok((r, Clause::Return(Return { projection, span })));
    }
    // oC_Create ::= CREATE SP? oC_Pattern
    if let Ok((r, _)) = kw("CREATE")(i) {
        let (r, pattern) = pattern::pattern(r).cut()?;
        let span = span_to(&r);
        return Ok((r, Clause::Create(Create { pattern, span })));
    }
    if let Ok((r, _)) = kw("MERGE")(i) {
        return merge_clause(r, start);
    }
    // oC_Set ::= SET SP? oC_SetItem ( SP? ',' SP? oC_SetItem )*
    if let Ok((r, _)) = kw("SET")(i) {
        let (r, items) = set_items(r)?;
        let span = span_to(&r);
        return Ok((r, Clause::Set(SetClause { items, span })));
    }
    // oC_Remove ::= REMOVE SP oC_RemoveItem ( SP? ',' SP? oC_RemoveItem )*
    if let Ok((r, _)) = kw("REMOVE")(i) {
        let mut items = Vec::new();
        let mut r = r;
        loop {
            let (r2, item) = remove_item(r)?;
            items.push(item);
            match sym(",")(r2) {
                Ok((r3, _)) => r = r3,
                Err(_) => {
                    r = r2;
                    break;
                }
            }
        }
        let span = span_to(&r);
        return Ok((r, Clause::Remove(Remove { items, span })));
    }
    // oC_Delete ::= ( DETACH SP )? DELETE SP? oC_Expression ( SP? ',' SP? oC_Expression )*
    let (i2, detach) = match kw("DETACH")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    if let Ok((r, _)) = kw("DELETE")(i2) {
        let mut exprs = Vec::new();
        let mut r = r;
        loop {
            let (r2, e) = expression(r).cut()?;
            exprs.push(e);
            match sym(",")(r2) {
                Ok((r3, _)) => r = r3,
                Err(_) => {
                    r = r2;
                    break;
                }
            }
        }
        let span = span_to(&r);
        return Ok((r, Clause::Delete(Delete { detach, exprs, span })));
    }
    if detach {
        return fail(PError::expected(off(&skip(i2)), "DELETE"));
    }
    if let Ok((r, _)) = kw("FOREACH")(i) {
        return foreach_clause(r, start);
    }
    if let Ok((r, _)) = kw("CALL")(i) {
        return call_clause(r, start);
    }
    if let Ok((r, _)) = kw("LOAD")(i) {
        return load_csv_clause(r, start);
    }
    err(PError::expected(start, "a clause"))
}

// oC_Match ::= ( OPTIONAL SP )? MATCH SP? oC_Pattern ( SP? oC_Where )?
fn match_clause(i: Input, start: usize) -> PResult<Match> {
    let (i, optional) = match kw("OPTIONAL")(i) {
        Ok((r, _)) => (kw("MATCH")(r).cut()?.0, true),
        Err(_) => (kw("MATCH")(i)?.0, false),
    };
    let (i, pattern) = pattern::pattern(i).cut()?;
    let (i, where_) = opt_where(i)?;
    let end = off(&i);
    Ok((i, Match { optional, pattern, where_: where_.map(|w| *w), span: Span::new(start, end) }))
}

// oC_ProjectionBody ::= ( SP? DISTINCT )? SP oC_ProjectionItems ( SP oC_Order )? ( SP oC_Skip )? ( SP oC_Limit )?
// oC_ProjectionItems ::= ( '*' ( SP? ',' SP? oC_ProjectionItem )* ) | ( oC_ProjectionItem ( SP? ',' SP? oC_ProjectionItem )* )
fn projection_body(i: Input) -> PResult<Projection> {
    let (i, distinct) = match kw("DISTINCT")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let (mut i, star) = match sym("*")(i) {
        Ok((r, _)) => (r, true),
        Err(_) => (i, false),
    };
    let mut items = Vec::new();
    let mut need_item = !star;
    if star {
        if let Ok((r, _)) = sym(",")(i) {
            i = r;
            need_item = true;
        }
    }
    while need_item {
        let (r, item) = projection_item(i)?;
        items.push(item);
        match sym(",")(r) {
            Ok((r2, _)) => i = r2,
            Err(_) => {
                i = r;
                need_item = false;
            }
        }
    }
    // oC_Order ::= ORDER SP BY SP oC_SortItem ( ',' SP? oC_SortItem )*
    let mut order_by = Vec::new();
    if let Ok((r, _)) = kw("ORDER")(i) {
        let (r, _) = kw("BY")(r).cut()?;
        let mut r = r;
        loop {
            let (r2, item) = sort_item(r)?;
            order_by.push(item);
            match sym(",")(r2) {
                Ok((r3, _)) => r = r3,
                Err(_) => {
                    r = r2;
                    break;
                }
            }
        }
        i = r;
    }
    // oC_Skip ::= L_SKIP SP oC_Expression
    let (i, skip_) = match kw("SKIP")(i) {
        Ok((r, _)) => {
            let (r, e) = expression(r).cut()?;
            (r, Some(e))
        }
        Err(_) => (i, None),
    };
    // oC_Limit ::= L_LIMIT SP oC_Expression
    let (i, limit) = match kw("LIMIT")(i) {
        Ok((r, _)) => {
            let (r, e) = expression(r).cut()?;
            (r, Some(e))
        }
        Err(_) => (i, None),
    };
    Ok((i, Projection { distinct, star, items, order_by, skip: skip_, limit }))
}

// oC_ProjectionItem ::= ( oC_Expression SP AS SP oC_Variable ) | oC_Expression
fn projection_item(i: Input) -> PResult<ProjectionItem> {
    let (i, e) = match expression(i) {
        Ok(r) => r,
        Err(nom::Err::Error(e)) => {
            let mut e = e;
            if e.expected.iter().any(|x| x == "an expression") && e.message.is_none() {
                e.expected = vec!["an expression".to_string()];
            }
            return fail(e);
        }
        Err(e) => return Err(e),
    };
    let text = i.extra.src.get(e.span.start..e.span.end).unwrap_or_default().to_string();
    let (i, alias) = match kw("AS")(i) {
        Ok((r, _)) => {
            let (r, v) = variable(r).cut()?;
            (r, Some(v))
        }
        Err(_) => (i, None),
    };
    let end = alias.as_ref().map_or(e.span.end, |a| a.span.end);
    let span = Span::new(e.span.start, end);
    Ok((i, ProjectionItem { expr: e, alias, text, span }))
}

// oC_SortItem ::= oC_Expression ( SP? ( ASCENDING | ASC | DESCENDING | DESC ) )?
fn sort_item(i: Input) -> PResult<SortItem> {
    let (i, e) = expression(i).cut()?;
    let mut end = e.span.end;
    let mut descending = false;
    let mut i = i;
    for (w, d) in [("ASCENDING", false), ("ASC", false), ("DESCENDING", true), ("DESC", true)] {
        if let Ok((r, s)) = kw(w)(i) {
            descending = d;
            end = s.end;
            i = r;
            break;
        }
    }
    let span = Span::new(e.span.start, end);
    Ok((i, SortItem { expr: e, descending, span }))
}

// oC_Merge ::= MERGE SP? oC_PatternPart ( SP oC_MergeAction )*
// oC_MergeAction ::= ( ON SP MATCH SP oC_Set ) | ( ON SP CREATE SP oC_Set )
fn merge_clause(i: Input, start: usize) -> PResult<Clause> {
    let (mut i, part) = pattern::pattern_part(i).cut()?;
    let mut on_create = Vec::new();
    let mut on_match = Vec::new();
    while let Ok((r, _)) = kw("ON")(i) {
        let (r, create) = if let Ok((r, _)) = kw("CREATE")(r) {
            (r, true)
        } else if let Ok((r, _)) = kw("MATCH")(r) {
            (r, false)
        } else {
            let mut e = PError::expected(off(&skip(r)), "CREATE");
            e.expected.push("MATCH".to_string());
            return fail(e);
        };
        let (r, _) = kw("SET")(r).cut()?;
        let (r, items) = set_items(r)?;
        if create {
            on_create.extend(items);
        } else {
            on_match.extend(items);
        }
        i = r;
    }
    let end = off(&i);
    Ok((i, Clause::Merge(Merge { part, on_create, on_match, span: Span::new(start, end) })))
}

fn set_items(i: Input) -> PResult<Vec<SetItem>> {
    let mut items = Vec::new();
    let mut i = i;
    loop {
        let (r, item) = set_item(i)?;
        items.push(item);
        match sym(",")(r) {
            Ok((r2, _)) => i = r2,
            Err(_) => return Ok((r, items)),
        }
    }
}

/// `atom(.key)+`: the target of a property SET or REMOVE. Returns the base and the
/// property expression if there was at least one lookup.
// oC_PropertyExpression ::= oC_Atom ( SP? oC_PropertyLookup )+
fn property_target(i: Input) -> PResult<(Option<Ident>, Expr)> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (mut i, (base, var)) = match variable(i) {
        Ok((r, v)) => (r, (Expr { kind: ExprKind::Variable(v.name.clone()), span: v.span }, Some(v))),
        Err(nom::Err::Error(e)) => {
            if !at_sym(i, "(") {
                return fail(e);
            }
            let (r, (b, _)) = expr::atom(i, None).cut()?;
            (r, (b, None))
        }
        Err(e) => return Err(e),
    };
    let mut e = base;
    let mut lookups = 0;
    loop {
        let j = skip(i);
        let f = *j.fragment();
        if f.starts_with('.') && !f.starts_with("..") {
            if lookups >= MAX_DEPTH {
                return fail(PError::message(
                    "NestingTooDeep",
                    Span::new(off(&j), off(&j) + 1),
                    "too many property lookups",
                ));
            }
            let (r, key) = schema_name(advance(j, 1), "a property key").cut()?;
            e = Expr { span: Span::new(start, key.span.end), kind: ExprKind::Property(Box::new(e), key) };
            lookups += 1;
            i = r;
        } else {
            break;
        }
    }
    // `(x)` alone is no property: it would print as `x`, which means something else.
    if var.is_none() && lookups == 0 {
        return fail(PError::message(
            "UnexpectedSyntax",
            Span::new(start, e.span.end),
            "expected a property lookup after the parenthesized expression, like `(n).key`",
        ));
    }
    Ok((i, (if lookups == 0 { var } else { None }, e)))
}

/// The target of a SET or REMOVE item, committed: a failure names `what` was expected.
fn item_target<'a>(i: Input<'a>, what: &str) -> PResult<'a, (Option<Ident>, Expr)> {
    property_target(i).map_err(|e| {
        cut_err(e).map(|mut e| {
            if e.message.is_none() {
                e.expected = vec![what.to_string()];
            }
            e
        })
    })
}

// oC_SetItem ::= ( oC_PropertyExpression SP? '=' SP? oC_Expression ) | ( oC_Variable SP? '=' SP? oC_Expression ) | ( oC_Variable SP? '+=' SP? oC_Expression ) | ( oC_Variable SP? oC_NodeLabels )
fn set_item(i: Input) -> PResult<SetItem> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (i, (var, target)) = item_target(i, "a variable or property to set")?;
    if let Some(var) = var {
        if at_sym(i, ":") {
            let (r, labels) = expr::node_labels(i).cut()?;
            let end = off(&r);
            return Ok((r, SetItem::Labels { var, labels, span: Span::new(start, end) }));
        }
        if let Ok((r, _)) = sym("+=")(i) {
            let (r, value) = expression(r).cut()?;
            let span = Span::new(start, value.span.end);
            return Ok((r, SetItem::Merge { var, value, span }));
        }
        if let Ok((r, _)) = sym("=")(i) {
            let (r, value) = expression(r).cut()?;
            let span = Span::new(start, value.span.end);
            return Ok((r, SetItem::Replace { var, value, span }));
        }
        let mut e = PError::expected(off(&skip(i)), "`=`");
        for x in ["`+=`", "`:`", "`.`"] {
            e.expected.push(x.to_string());
        }
        return fail(e);
    }
    let (r, _) = expect_sym(i, "=", "UnexpectedSyntax", "after the property to set")?;
    let (r, value) = expression(r).cut()?;
    let span = Span::new(start, value.span.end);
    Ok((r, SetItem::Property { target, value, span }))
}

// oC_RemoveItem ::= ( oC_Variable oC_NodeLabels ) | oC_PropertyExpression
fn remove_item(i: Input) -> PResult<RemoveItem> {
    let (i, _) = sp(i)?;
    let start = off(&i);
    let (i, (var, target)) = item_target(i, "a property or label to remove")?;
    match var {
        Some(var) => {
            let (r, labels) = match expr::node_labels(i) {
                Ok(x) => x,
                Err(nom::Err::Error(mut e)) => {
                    e.expected = vec!["`:`".to_string(), "`.`".to_string()];
                    return fail(e);
                }
                Err(e) => return Err(e),
            };
            let end = off(&r);
            Ok((r, RemoveItem::Labels { var, labels, span: Span::new(start, end) }))
        }
        None => {
            let span = Span::new(start, target.span.end);
            Ok((i, RemoveItem::Property { target, span }))
        }
    }
}

// oC_Foreach ::= FOREACH SP? '(' SP? oC_Variable SP IN SP oC_Expression SP? '|' ( SP oC_UpdatingClause )+ SP? ')'
fn foreach_clause(i: Input, start: usize) -> PResult<Clause> {
    let _g = enter(i)?;
    let (i, _) = expect_sym(i, "(", "UnexpectedSyntax", "after FOREACH")?;
    let (i, var) = variable(i).cut()?;
    let (i, _) = kw("IN")(i).cut()?;
    let (i, list) = expression(i).cut()?;
    let (mut i, _) = expect_sym(i, "|", "UnexpectedSyntax", "after the FOREACH list")?;
    let mut clauses = Vec::new();
    loop {
        match clause(i) {
            Ok((r, c)) => {
                // oC_UpdatingClause ::= oC_Create | oC_Merge | oC_Delete | oC_Set | oC_Remove (| FOREACH)
                let updating = matches!(
                    c,
                    Clause::Create(_)
                        | Clause::Merge(_)
                        | Clause::Delete(_)
                        | Clause::Set(_)
                        | Clause::Remove(_)
                        | Clause::Foreach(_)
                );
                if !updating {
                    let sp = c.span();
                    let word = token_at(i.extra.src, sp.start);
                    return fail(PError::message(
                        "InvalidClauseComposition",
                        Span::new(sp.start, sp.start + word.len()),
                        format!(
                            "only updating clauses (CREATE, MERGE, SET, REMOVE, DELETE, FOREACH) are allowed inside FOREACH, found `{word}`"
                        ),
                    ));
                }
                clauses.push(c);
                i = r;
            }
            Err(nom::Err::Error(e)) => {
                if clauses.is_empty() {
                    return fail(e);
                }
                break;
            }
            Err(e) => return Err(e),
        }
    }
    let (i, close) = expect_sym(i, ")", "UnexpectedSyntax", "to close FOREACH")?;
    Ok((i, Clause::Foreach(Foreach { var, list, clauses, span: Span::new(start, close.end) })))
}

// oC_StandaloneCall ::= CALL SP ( oC_ExplicitProcedureInvocation | oC_ImplicitProcedureInvocation ) ( SP? YIELD SP ( '*' | oC_YieldItems ) )?
// oC_InQueryCall ::= CALL SP oC_ExplicitProcedureInvocation ( SP? YIELD SP oC_YieldItems )?
// oC_ExplicitProcedureInvocation ::= oC_ProcedureName SP? '(' SP? ( oC_Expression SP? ( ',' SP? oC_Expression SP? )* )? ')'
fn call_clause(i: Input, start: usize) -> PResult<Clause> {
    let (mut i, first) = schema_name(i, "a procedure name").cut()?;
    let mut procedure = vec![first];
    while let Ok((r, _)) = sym(".")(i) {
        let (r, n) = schema_name(r, "a procedure name").cut()?;
        procedure.push(n);
        i = r;
    }
    let (i, args) = match sym("(")(i) {
        Ok((r, _)) => {
            let mut args = Vec::new();
            let mut r = r;
            if !at_sym(r, ")") {
                loop {
                    let (r2, e) = expression(r).cut()?;
                    args.push(e);
                    match sym(",")(r2) {
                        Ok((r3, _)) => r = r3,
                        Err(_) => {
                            r = r2;
                            break;
                        }
                    }
                }
            }
            let (r, _) = expect_sym(r, ")", "UnexpectedSyntax", "to close the procedure arguments")?;
            (r, Some(args))
        }
        Err(_) => (i, None),
    };
    let (i, yields, yield_star, where_) = match kw("YIELD")(i) {
        Ok((r, _)) => {
            if let Ok((r, _)) = sym("*")(r) {
                (r, None, true, None)
            } else {
                // oC_YieldItems ::= oC_YieldItem ( SP? ',' SP? oC_YieldItem )* ( SP? oC_Where )?
                // oC_YieldItem ::= ( oC_ProcedureResultField SP AS SP )? oC_Variable
                let mut items = Vec::new();
                let mut r = r;
                loop {
                    let (r2, field) = schema_name(r, "a procedure result field").cut()?;
                    let (r2, alias) = match kw("AS")(r2) {
                        Ok((r3, _)) => {
                            let (r3, v) = variable(r3).cut()?;
                            (r3, Some(v))
                        }
                        Err(_) => (r2, None),
                    };
                    let end = alias.as_ref().map_or(field.span.end, |a| a.span.end);
                    let span = Span::new(field.span.start, end);
                    items.push(YieldItem { field, alias, span });
                    match sym(",")(r2) {
                        Ok((r3, _)) => r = r3,
                        Err(_) => {
                            r = r2;
                            break;
                        }
                    }
                }
                let (r, w) = opt_where(r)?;
                (r, Some(items), false, w.map(|w| *w))
            }
        }
        Err(_) => (i, None, false, None),
    };
    let end = off(&i);
    Ok((i, Clause::Call(Call { procedure, args, yields, yield_star, where_, span: Span::new(start, end) })))
}

// oC_LoadCSV ::= LOAD SP CSV SP ( WITH SP HEADERS SP )? FROM SP oC_Expression SP AS SP oC_Variable ( SP FIELDTERMINATOR SP oC_StringLiteral )?
fn load_csv_clause(i: Input, start: usize) -> PResult<Clause> {
    let (i, _) = kw("CSV")(i).cut()?;
    let (i, with_headers) = match kw("WITH")(i) {
        Ok((r, _)) => (kw("HEADERS")(r).cut()?.0, true),
        Err(_) => (i, false),
    };
    let (i, _) = kw("FROM")(i).cut()?;
    let (i, from) = expression(i).cut()?;
    let (i, _) = kw("AS")(i).cut()?;
    let (i, var) = variable(i).cut()?;
    let (i, field_terminator) = match kw("FIELDTERMINATOR")(i) {
        Ok((r, _)) => {
            let p = off(&skip(r));
            let (r, t) = string_literal(r).cut()?;
            // A separator is one character; anything else cannot split a line.
            if t.chars().count() != 1 {
                return fail(PError::message(
                    "UnexpectedSyntax",
                    Span::new(p, off(&r)),
                    "FIELDTERMINATOR must be a single character",
                ));
            }
            (r, Some(t))
        }
        Err(_) => (i, None),
    };
    let end = off(&i);
    Ok((i, Clause::LoadCsv(LoadCsv { with_headers, from, var, field_terminator, span: Span::new(start, end) })))
}

#[cfg(test)]
mod tests {
    use super::super::parse_statement;
    use super::*;

    fn items(q: &str) -> Vec<(String, Option<String>)> {
        let st = parse_statement(q).map_err(|e| e.message).unwrap_or_else(|m| panic!("{m}"));
        match st.query.first.clauses.last() {
            Some(Clause::Return(r)) => {
                r.projection.items.iter().map(|i| (i.text.clone(), i.alias.as_ref().map(|a| a.name.clone()))).collect()
            }
            _ => Vec::new(),
        }
    }

    #[test]
    fn projection_text_is_the_source_text() {
        assert_eq!(
            items("MATCH (n) RETURN n.x+1, count( * ) AS c,  `a` "),
            vec![
                ("n.x+1".to_string(), None),
                ("count( * )".to_string(), Some("c".to_string())),
                ("`a`".to_string(), None)
            ]
        );
    }

    #[test]
    fn clause_shapes() {
        let st = parse_statement("EXPLAIN MATCH (a) RETURN a UNION ALL RETURN 1 AS a;").ok();
        let st = st.as_ref();
        assert_eq!(st.and_then(|s| s.explain), Some(ExplainMode::Explain));
        assert_eq!(st.map(|s| s.query.unions.len()), Some(1));
        assert_eq!(st.map(|s| s.span), Some(Span::new(0, 50)));
        let call = parse_statement("CALL db.labels").ok();
        match call.as_ref().and_then(|s| s.query.first.clauses.first()) {
            Some(Clause::Call(c)) => {
                assert_eq!(c.procedure.len(), 2);
                assert!(c.args.is_none());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn composition_errors() {
        let code = |q: &str| parse_statement(q).err().map(|e| (e.code, e.span));
        assert_eq!(code("CALL p() YIELD * RETURN 1"), Some(("UnexpectedSyntax", Some(Span::new(15, 16)))));
        assert_eq!(code("RETURN 1 MATCH (n)").map(|c| c.0), Some("UnexpectedSyntax"));
        assert_eq!(code("FOREACH (x IN [1] | MATCH (n))").map(|c| c.0), Some("InvalidClauseComposition"));
    }
}
