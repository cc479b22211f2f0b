//! Canonical query text for the AST (`Display`): uppercase keywords, single-quoted
//! strings, names quoted with backticks only when they must be, and the fewest
//! parentheses that keep the tree's meaning under openCypher precedence. Printing is a
//! fixpoint of parsing: parse(print(ast)) prints identically. This module only prints;
//! it must not parse or validate.

use std::fmt::{self, Display, Formatter, Write};

use super::ast::*;
use super::lexical::{is_ident_continue, is_ident_start, is_reserved};

/// A name as it must be written: bare if it is a plain, non-reserved identifier,
/// otherwise in backticks with inner backticks doubled.
pub struct Name<'a>(pub &'a str);

impl Display for Name<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let plain = s.chars().next().is_some_and(is_ident_start) && s.chars().all(is_ident_continue) && !is_reserved(s);
        if plain {
            f.write_str(s)
        } else {
            f.write_char('`')?;
            f.write_str(&s.replace('`', "``"))?;
            f.write_char('`')
        }
    }
}

impl Display for Ident {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Name(&self.name).fmt(f)
    }
}

fn sep<T: Display>(f: &mut Formatter<'_>, items: &[T], s: &str) -> fmt::Result {
    for (k, it) in items.iter().enumerate() {
        if k > 0 {
            f.write_str(s)?;
        }
        it.fmt(f)?;
    }
    Ok(())
}

/// A string literal in single quotes with escapes.
pub struct Quoted<'a>(pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_char('\'')?;
        for c in self.0.chars() {
            match c {
                '\\' => f.write_str("\\\\")?,
                '\'' => f.write_str("\\'")?,
                '\n' => f.write_str("\\n")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\u{8}' => f.write_str("\\b")?,
                '\u{c}' => f.write_str("\\f")?,
                c if c.is_control() && (c as u32) < 0x10000 => write!(f, "\\u{:04X}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('\'')
    }
}

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Null => f.write_str("null"),
            Literal::Bool(true) => f.write_str("true"),
            Literal::Bool(false) => f.write_str("false"),
            Literal::Integer(v) => write!(f, "{v}"),
            Literal::Float(v) => {
                if v.is_nan() {
                    f.write_str("(0.0 / 0.0)")
                } else if v.is_infinite() {
                    f.write_str(if *v > 0.0 { "(1.0 / 0.0)" } else { "(-1.0 / 0.0)" })
                } else {
                    // Debug always has a `.` or an exponent (`1.0`, `1e300`).
                    write!(f, "{v:?}")
                }
            }
            Literal::String(s) => Quoted(s).fmt(f),
        }
    }
}

impl Display for Statement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.explain {
            Some(ExplainMode::Explain) => f.write_str("EXPLAIN\n")?,
            Some(ExplainMode::Profile) => f.write_str("PROFILE\n")?,
            None => {}
        }
        self.query.fmt(f)
    }
}

fn query(f: &mut Formatter<'_>, q: &Query, s: &str) -> fmt::Result {
    single(f, &q.first, s)?;
    for (all, part) in &q.unions {
        f.write_str(s)?;
        f.write_str(if *all { "UNION ALL" } else { "UNION" })?;
        f.write_str(s)?;
        single(f, part, s)?;
    }
    Ok(())
}

fn single(f: &mut Formatter<'_>, q: &SingleQuery, s: &str) -> fmt::Result {
    for (k, c) in q.clauses.iter().enumerate() {
        if k > 0 {
            f.write_str(s)?;
        }
        c.fmt(f)?;
    }
    Ok(())
}

impl Display for Query {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        query(f, self, "\n")
    }
}

impl Display for SingleQuery {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        single(f, self, "\n")
    }
}

impl Display for Clause {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Clause::Match(m) => {
                if m.optional {
                    f.write_str("OPTIONAL ")?;
                }
                f.write_str("MATCH ")?;
                sep(f, &m.pattern, ", ")?;
                if let Some(w) = &m.where_ {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::Unwind(u) => write!(f, "UNWIND {} AS {}", u.expr, u.var),
            Clause::With(w) => {
                write!(f, "WITH {}", w.projection)?;
                if let Some(e) = &w.where_ {
                    write!(f, " WHERE {e}")?;
                }
                Ok(())
            }
            Clause::Return(r) => write!(f, "RETURN {}", r.projection),
            Clause::Create(c) => {
                f.write_str("CREATE ")?;
                sep(f, &c.pattern, ", ")
            }
            Clause::Merge(m) => {
                write!(f, "MERGE {}", m.part)?;
                if !m.on_create.is_empty() {
                    f.write_str(" ON CREATE SET ")?;
                    sep(f, &m.on_create, ", ")?;
                }
                if !m.on_match.is_empty() {
                    f.write_str(" ON MATCH SET ")?;
                    sep(f, &m.on_match, ", ")?;
                }
                Ok(())
            }
            Clause::Set(s) => {
                f.write_str("SET ")?;
                sep(f, &s.items, ", ")
            }
            Clause::Remove(r) => {
                f.write_str("REMOVE ")?;
                sep(f, &r.items, ", ")
            }
            Clause::Delete(d) => {
                if d.detach {
                    f.write_str("DETACH ")?;
                }
                f.write_str("DELETE ")?;
                sep(f, &d.exprs, ", ")
            }
            Clause::Foreach(fe) => {
                write!(f, "FOREACH ({} IN {} | ", fe.var, fe.list)?;
                sep(f, &fe.clauses, " ")?;
                f.write_str(")")
            }
            Clause::Call(c) => {
                f.write_str("CALL ")?;
                sep(f, &c.procedure, ".")?;
                if let Some(args) = &c.args {
                    f.write_str("(")?;
                    sep(f, args, ", ")?;
                    f.write_str(")")?;
                }
                if c.yield_star {
                    f.write_str(" YIELD *")?;
                } else if let Some(items) = &c.yields {
                    f.write_str(" YIELD ")?;
                    sep(f, items, ", ")?;
                }
                if let Some(w) = &c.where_ {
                    write!(f, " WHERE {w}")?;
                }
                Ok(())
            }
            Clause::LoadCsv(l) => {
                f.write_str("LOAD CSV ")?;
                if l.with_headers {
                    f.write_str("WITH HEADERS ")?;
                }
                write!(f, "FROM {} AS {}", l.from, l.var)?;
                if let Some(t) = &l.field_terminator {
                    write!(f, " FIELDTERMINATOR {}", Quoted(t))?;
                }
                Ok(())
            }
        }
    }
}

impl Display for YieldItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.field.fmt(f)?;
        if let Some(a) = &self.alias {
            write!(f, " AS {a}")?;
        }
        Ok(())
    }
}

impl Display for Projection {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.distinct {
            f.write_str("DISTINCT ")?;
        }
        if self.star {
            f.write_str("*")?;
            if !self.items.is_empty() {
                f.write_str(", ")?;
            }
        }
        sep(f, &self.items, ", ")?;
        if !self.order_by.is_empty() {
            f.write_str(" ORDER BY ")?;
            sep(f, &self.order_by, ", ")?;
        }
        if let Some(s) = &self.skip {
            write!(f, " SKIP {s}")?;
        }
        if let Some(l) = &self.limit {
            write!(f, " LIMIT {l}")?;
        }
        Ok(())
    }
}

impl Display for ProjectionItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.expr.fmt(f)?;
        if let Some(a) = &self.alias {
            write!(f, " AS {a}")?;
        }
        Ok(())
    }
}

impl Display for SortItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.expr.fmt(f)?;
        if self.descending {
            f.write_str(" DESC")?;
        }
        Ok(())
    }
}

fn labels(f: &mut Formatter<'_>, ls: &[Ident]) -> fmt::Result {
    for l in ls {
        write!(f, ":{l}")?;
    }
    Ok(())
}

impl Display for SetItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            SetItem::Property { target, value, .. } => write!(f, "{target} = {value}"),
            SetItem::Replace { var, value, .. } => write!(f, "{var} = {value}"),
            SetItem::Merge { var, value, .. } => write!(f, "{var} += {value}"),
            SetItem::Labels { var, labels: ls, .. } => {
                var.fmt(f)?;
                labels(f, ls)
            }
        }
    }
}

impl Display for RemoveItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            RemoveItem::Property { target, .. } => target.fmt(f),
            RemoveItem::Labels { var, labels: ls, .. } => {
                var.fmt(f)?;
                labels(f, ls)
            }
        }
    }
}

impl Display for PatternPart {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(v) = &self.var {
            write!(f, "{v} = ")?;
        }
        match self.shortest {
            Some(Shortest::One) => write!(f, "shortestPath({})", self.element)?,
            Some(Shortest::All) => write!(f, "allShortestPaths({})", self.element)?,
            Some(Shortest::AnyShortest) => write!(f, "ANY SHORTEST ")?,
            Some(Shortest::AllShortest) => write!(f, "ALL SHORTEST ")?,
            Some(Shortest::Shortest(k)) => write!(f, "SHORTEST {k} ")?,
            Some(Shortest::Groups(k)) => write!(f, "SHORTEST {k} GROUPS ")?,
            Some(Shortest::Any(k)) => write!(f, "ANY {k} ")?,
            None => {}
        }
        if let Some(m) = self.mode {
            let m = match m {
                PathMode::Walk => "WALK",
                PathMode::Trail => "TRAIL",
                PathMode::Acyclic => "ACYCLIC",
                PathMode::Simple => "SIMPLE",
            };
            write!(f, "{m} ")?;
        }
        if !matches!(self.shortest, Some(Shortest::One | Shortest::All)) {
            self.element.fmt(f)?;
        }
        if let Some(c) = &self.cost {
            write!(f, " COST {}", c.expr)?;
            if let Some(a) = &c.alias {
                write!(f, " AS {a}")?;
            }
        }
        Ok(())
    }
}

impl Display for PatternElement {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.start.fmt(f)?;
        for (rel, node) in &self.chain {
            write!(f, "{rel}{node}")?;
        }
        Ok(())
    }
}

impl Display for NodePattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        if let Some(v) = &self.var {
            v.fmt(f)?;
        }
        labels(f, &self.labels)?;
        if let Some(p) = &self.props {
            if self.var.is_some() || !self.labels.is_empty() {
                f.write_str(" ")?;
            }
            p.fmt(f)?;
        }
        f.write_str(")")
    }
}

impl Display for LengthRange {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("*")?;
        match (self.min, self.max) {
            (None, None) => Ok(()),
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), None) => write!(f, "{a}.."),
            (None, Some(b)) => write!(f, "..{b}"),
            (Some(a), Some(b)) => write!(f, "{a}..{b}"),
        }
    }
}

impl Display for RelPattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(if self.direction == Direction::Incoming { "<-" } else { "-" })?;
        let has_detail = self.var.is_some() || !self.types.is_empty() || self.length.is_some() || self.props.is_some();
        if has_detail {
            f.write_str("[")?;
            if let Some(v) = &self.var {
                v.fmt(f)?;
            }
            for (k, t) in self.types.iter().enumerate() {
                f.write_str(if k == 0 { ":" } else { "|" })?;
                t.fmt(f)?;
            }
            if let Some(l) = &self.length {
                l.fmt(f)?;
            }
            if let Some(p) = &self.props {
                if self.var.is_some() || !self.types.is_empty() || self.length.is_some() {
                    f.write_str(" ")?;
                }
                p.fmt(f)?;
            }
            f.write_str("]")?;
        }
        f.write_str(if self.direction == Direction::Outgoing { "->" } else { "-" })
    }
}

/// Binding strength, higher binds tighter (openCypher precedence).
fn prec(e: &Expr) -> u8 {
    use BinaryOp::*;
    match &e.kind {
        ExprKind::Binary(op, _, _) => match op {
            Or => 1,
            Xor => 2,
            And => 3,
            Eq | Ne | Lt | Le | Gt | Ge => 5,
            In | StartsWith | EndsWith | Contains | RegexMatch => 6,
            Add | Sub => 7,
            Mul | Div | Mod => 8,
            Pow => 9,
        },
        ExprKind::Unary(UnaryOp::Not, _) => 4,
        ExprKind::IsNull { .. } => 6,
        ExprKind::Unary(_, _) => 10,
        // A negative literal prints with a leading `-`, like a unary minus.
        ExprKind::Literal(Literal::Integer(v)) if *v < 0 => 10,
        ExprKind::Literal(Literal::Float(v)) if v.is_sign_negative() || !v.is_finite() => 10,
        ExprKind::HasLabels(_, _) => 11,
        ExprKind::Property(_, _) | ExprKind::Index(_, _) | ExprKind::Slice(_, _, _) => 11,
        _ => 12,
    }
}

struct Wrapped<'a>(&'a Expr, bool);

impl Display for Wrapped<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.1 { write!(f, "({})", self.0) } else { self.0.fmt(f) }
    }
}

/// A postfix operator's base: an atom or another postfix (but not a label test, which
/// must come last).
fn base(e: &Expr) -> Wrapped<'_> {
    let p = prec(e);
    Wrapped(e, p < 11 || matches!(e.kind, ExprKind::HasLabels(_, _)))
}

fn op_text(op: BinaryOp) -> &'static str {
    use BinaryOp::*;
    match op {
        Or => "OR",
        Xor => "XOR",
        And => "AND",
        Eq => "=",
        Ne => "<>",
        Lt => "<",
        Le => "<=",
        Gt => ">",
        Ge => ">=",
        In => "IN",
        StartsWith => "STARTS WITH",
        EndsWith => "ENDS WITH",
        Contains => "CONTAINS",
        RegexMatch => "=~",
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Mod => "%",
        Pow => "^",
    }
}

impl Display for MapProjectionItem {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            MapProjectionItem::Property(k) => write!(f, ".{k}"),
            MapProjectionItem::AllProperties => f.write_str(".*"),
            MapProjectionItem::Literal(k, e) => write!(f, "{k}: {e}"),
            MapProjectionItem::Variable(v) => v.fmt(f),
        }
    }
}

impl Display for Expr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let me = prec(self);
        match &self.kind {
            ExprKind::Literal(l) => l.fmt(f),
            ExprKind::Parameter(p) => {
                if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) {
                    write!(f, "${p}")
                } else {
                    // Reserved words are fine after `$`; only the shape matters.
                    let plain = p.chars().next().is_some_and(is_ident_start) && p.chars().all(is_ident_continue);
                    if plain { write!(f, "${p}") } else { write!(f, "$`{}`", p.replace('`', "``")) }
                }
            }
            ExprKind::Variable(v) => Name(v).fmt(f),
            ExprKind::List(items) => {
                f.write_str("[")?;
                sep(f, items, ", ")?;
                f.write_str("]")
            }
            ExprKind::Map(entries) => {
                f.write_str("{")?;
                for (k, (key, v)) in entries.iter().enumerate() {
                    if k > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{key}: {v}")?;
                }
                f.write_str("}")
            }
            ExprKind::Property(b, key) => write!(f, "{}.{key}", base(b)),
            ExprKind::Index(b, i) => write!(f, "{}[{i}]", base(b)),
            ExprKind::Slice(b, from, to) => {
                write!(f, "{}[", base(b))?;
                if let Some(x) = from {
                    x.fmt(f)?;
                }
                f.write_str("..")?;
                if let Some(x) = to {
                    x.fmt(f)?;
                }
                f.write_str("]")
            }
            ExprKind::Unary(UnaryOp::Not, e) => {
                write!(f, "NOT {}", Wrapped(e, prec(e) < 4))
            }
            ExprKind::Unary(op, e) => {
                f.write_str(if *op == UnaryOp::Neg { "-" } else { "+" })?;
                // The parser folds `-` into a number literal, and `-0` folds to the
                // literal 0: keep an explicit negation of 0 visible as `-(0)`.
                let zero = *op == UnaryOp::Neg && matches!(e.kind, ExprKind::Literal(Literal::Integer(0)));
                let inner = Wrapped(e, prec(e) < 10 || zero).to_string();
                // `- -a`, not `--a`, which reads like a relationship.
                if inner.starts_with(['-', '+']) {
                    f.write_str(" ")?;
                }
                f.write_str(&inner)
            }
            ExprKind::Binary(op, l, r) => {
                // Comparisons do not chain (a chain means AND), so both sides of a
                // comparison need parentheses at the same level; the rest associate left.
                let left_paren = if me == 5 { prec(l) <= me } else { prec(l) < me };
                write!(f, "{} {} {}", Wrapped(l, left_paren), op_text(*op), Wrapped(r, prec(r) <= me))
            }
            ExprKind::IsNull { expr, negated } => {
                write!(f, "{} IS {}NULL", Wrapped(expr, prec(expr) < 6), if *negated { "NOT " } else { "" })
            }
            ExprKind::HasLabels(b, ls) => {
                base(b).fmt(f)?;
                labels(f, ls)
            }
            ExprKind::FunctionCall { name, distinct, args } => {
                sep(f, name, ".")?;
                f.write_str("(")?;
                if *distinct {
                    f.write_str("DISTINCT ")?;
                }
                sep(f, args, ", ")?;
                f.write_str(")")
            }
            ExprKind::CountStar => f.write_str("count(*)"),
            ExprKind::Case { operand, whens, else_ } => {
                f.write_str("CASE")?;
                if let Some(o) = operand {
                    write!(f, " {o}")?;
                }
                for (w, t) in whens {
                    write!(f, " WHEN {w} THEN {t}")?;
                }
                if let Some(e) = else_ {
                    write!(f, " ELSE {e}")?;
                }
                f.write_str(" END")
            }
            ExprKind::ListComprehension { var, list, predicate, projection } => {
                write!(f, "[{var} IN {list}")?;
                if let Some(p) = predicate {
                    write!(f, " WHERE {p}")?;
                }
                if let Some(p) = projection {
                    write!(f, " | {p}")?;
                }
                f.write_str("]")
            }
            ExprKind::Quantified { quantifier, var, list, predicate } => {
                let q = match quantifier {
                    Quantifier::All => "all",
                    Quantifier::Any => "any",
                    Quantifier::None => "none",
                    Quantifier::Single => "single",
                };
                write!(f, "{q}({var} IN {list}")?;
                if let Some(p) = predicate {
                    write!(f, " WHERE {p}")?;
                }
                f.write_str(")")
            }
            ExprKind::Reduce { acc, init, var, list, expr } => {
                write!(f, "reduce({acc} = {init}, {var} IN {list} | {expr})")
            }
            ExprKind::PatternPredicate(p) => p.fmt(f),
            ExprKind::PatternComprehension { var, pattern, predicate, projection } => {
                f.write_str("[")?;
                if let Some(v) = var {
                    write!(f, "{v} = ")?;
                }
                pattern.fmt(f)?;
                if let Some(p) = predicate {
                    write!(f, " WHERE {p}")?;
                }
                write!(f, " | {projection}]")
            }
            ExprKind::ExistsSubquery(q) => {
                f.write_str("EXISTS { ")?;
                query(f, q, " ")?;
                f.write_str(" }")
            }
            ExprKind::MapProjection { var, items } => {
                write!(f, "{var} {{")?;
                sep(f, items, ", ")?;
                f.write_str("}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_statement;
    use super::*;

    fn canon(q: &str) -> String {
        match parse_statement(q) {
            Ok(s) => s.to_string(),
            Err(e) => format!("error: {}", e.message),
        }
    }

    #[test]
    fn names_and_strings() {
        assert_eq!(Name("abc").to_string(), "abc");
        assert_eq!(Name("a b").to_string(), "`a b`");
        assert_eq!(Name("a`b").to_string(), "`a``b`");
        assert_eq!(Name("match").to_string(), "`match`");
        assert_eq!(Name("").to_string(), "``");
        assert_eq!(Quoted("it's\n\\").to_string(), "'it\\'s\\n\\\\'");
        assert_eq!(Literal::Float(1.0).to_string(), "1.0");
        assert_eq!(Literal::Float(1e300).to_string(), "1e300");
    }

    #[test]
    fn minimal_parentheses() {
        assert_eq!(
            canon("RETURN (a + b) * c, a + (b * c), (a - b) - c, a - (b - c)"),
            "RETURN (a + b) * c, a + b * c, a - b - c, a - (b - c)"
        );
        assert_eq!(canon("RETURN (a.b).c, (-1).x, (n:A).b, -(1)"), "RETURN a.b.c, (-1).x, (n:A).b, -1");
        assert_eq!(canon("MATCH (a)<-[r*1..2 {x: 1}]-(b) RETURN a"), "MATCH (a)<-[r*1..2 {x: 1}]-(b)\nRETURN a");
        assert_eq!(
            canon("MATCH (a) WHERE EXISTS { (a)-->() } RETURN a"),
            "MATCH (a) WHERE EXISTS { MATCH (a)-->() }\nRETURN a"
        );
    }
}
