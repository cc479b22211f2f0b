//! The bound query: what the binder hands to the planner. Variables are row slots,
//! functions are resolved, patterns are lists of numbered nodes and relationships.
//! These types carry meaning only; how to evaluate them is the planner's business.

use crate::error::{Error, ErrorKind, Span};
use crate::functions;
use crate::syntax::ast;
use crate::value::Value;

/// A position in a row. Every variable of a single query gets its own slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot(pub usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    Node,
    Rel,
    /// The list of relationships of a variable-length pattern.
    RelList,
    Path,
    /// Anything else (unknown until runtime).
    Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Var {
    pub slot: Slot,
    pub kind: VarKind,
}

#[derive(Clone, Debug)]
pub struct BoundQuery {
    pub columns: Vec<String>,
    pub parts: Vec<SingleQuery>,
    /// `UNION ALL` (true) or `UNION` (false) between the parts.
    pub union_all: bool,
}

#[derive(Clone, Debug)]
pub struct SingleQuery {
    pub clauses: Vec<Clause>,
    /// Column names, when the query ends in RETURN.
    pub columns: Vec<String>,
    pub n_slots: usize,
    /// The variable name of each slot, for EXPLAIN (`_anonN` for unnamed ones).
    pub slot_names: Vec<String>,
    /// Subqueries of EXISTS, pattern predicates and pattern comprehensions, by index.
    pub subqueries: Vec<Subquery>,
}

/// A correlated subquery: clauses run once per outer row, seeing the outer row's slots.
#[derive(Clone, Debug)]
pub struct Subquery {
    pub clauses: Vec<Clause>,
}

#[derive(Clone, Debug)]
pub enum Clause {
    Match {
        optional: bool,
        pattern: Pattern,
        predicate: Option<Expr>,
    },
    Unwind {
        expr: Expr,
        slot: Slot,
    },
    With(Projection),
    Return(Projection),
    Create(Pattern),
    Merge {
        pattern: Pattern,
        on_create: Vec<SetItem>,
        on_match: Vec<SetItem>,
    },
    Set(Vec<SetItem>),
    Remove(Vec<RemoveItem>),
    Delete {
        detach: bool,
        exprs: Vec<Expr>,
    },
    Foreach {
        slot: Slot,
        list: Expr,
        body: Vec<Clause>,
    },
    /// `CALL proc(args) YIELD ...`: `yields` maps output columns to slots; a `void`
    /// procedure (no outputs) passes its input rows through.
    Call {
        proc: super::ProcRef,
        args: Vec<Expr>,
        yields: Vec<(usize, Slot)>,
        void: bool,
    },
    /// `LOAD CSV [WITH HEADERS] FROM from AS slot`: one row per record, a map (with
    /// headers) or a list of strings.
    LoadCsv {
        with_headers: bool,
        from: Expr,
        slot: Slot,
        delimiter: char,
    },
    /// A WHERE that belongs to the clause before it (`CALL ... YIELD ... WHERE`).
    Filter(Expr),
    /// Clauses bound from one source clause.
    Sequence(Vec<Clause>),
}

#[derive(Clone, Debug)]
pub enum SetItem {
    Property {
        target: Expr,
        key: String,
        value: Expr,
    },
    /// `n = map` (merge: false) or `n += map` (merge: true)
    Properties {
        slot: Slot,
        value: Expr,
        merge: bool,
    },
    Labels {
        slot: Slot,
        labels: Vec<String>,
    },
}

#[derive(Clone, Debug)]
pub enum RemoveItem {
    Property { target: Expr, key: String },
    Labels { slot: Slot, labels: Vec<String> },
}

/// WITH or RETURN. Evaluation order: aggregation (if any), items, DISTINCT, ORDER BY,
/// SKIP, LIMIT, then WHERE (WITH only).
#[derive(Clone, Debug)]
pub struct Projection {
    pub items: Vec<ProjectItem>,
    pub aggregation: Option<Aggregation>,
    pub distinct: bool,
    pub order_by: Vec<(Expr, bool)>,
    pub skip: Option<Expr>,
    pub limit: Option<Expr>,
    pub where_: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct ProjectItem {
    pub expr: Expr,
    pub slot: Slot,
}

/// Group rows by `keys` (each evaluated into its slot) and compute `aggs` per group.
#[derive(Clone, Debug)]
pub struct Aggregation {
    pub keys: Vec<(Expr, Slot)>,
    pub aggs: Vec<(AggCall, Slot)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggFunc {
    Count,
    CountStar,
    Sum,
    Avg,
    Min,
    Max,
    Collect,
    StDev,
    StDevP,
    PercentileCont,
    PercentileDisc,
}

impl AggFunc {
    pub fn from_name(name: &str) -> Option<AggFunc> {
        Some(match name.to_ascii_lowercase().as_str() {
            "count" => AggFunc::Count,
            "sum" => AggFunc::Sum,
            "avg" => AggFunc::Avg,
            "min" => AggFunc::Min,
            "max" => AggFunc::Max,
            "collect" => AggFunc::Collect,
            "stdev" => AggFunc::StDev,
            "stdevp" => AggFunc::StDevP,
            "percentilecont" => AggFunc::PercentileCont,
            "percentiledisc" => AggFunc::PercentileDisc,
            _ => return None,
        })
    }
    pub fn arity(self) -> usize {
        match self {
            AggFunc::CountStar => 0,
            AggFunc::PercentileCont | AggFunc::PercentileDisc => 2,
            _ => 1,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            AggFunc::Count => "count",
            AggFunc::CountStar => "count(*)",
            AggFunc::Sum => "sum",
            AggFunc::Avg => "avg",
            AggFunc::Min => "min",
            AggFunc::Max => "max",
            AggFunc::Collect => "collect",
            AggFunc::StDev => "stDev",
            AggFunc::StDevP => "stDevP",
            AggFunc::PercentileCont => "percentileCont",
            AggFunc::PercentileDisc => "percentileDisc",
        }
    }
}

#[derive(Clone, Debug)]
pub struct AggCall {
    pub func: AggFunc,
    pub distinct: bool,
    pub args: Vec<Expr>,
}

/// Comma-separated pattern parts of one MATCH, CREATE or MERGE.
#[derive(Clone, Debug, Default)]
pub struct Pattern {
    pub parts: Vec<PatternPart>,
}

/// `p = (a)-[r]->(b)...`: a start node and steps.
#[derive(Clone, Debug)]
pub struct PatternPart {
    pub path: Option<Slot>,
    pub shortest: Option<ast::Shortest>,
    pub mode: Option<ast::PathMode>,
    pub cost: Option<PathCost>,
    pub start: NodePat,
    pub steps: Vec<(RelPat, NodePat)>,
    pub span: Span,
}

/// `COST expr AS alias`: `expr` is evaluated with `rel` holding one relationship.
#[derive(Clone, Debug)]
pub struct PathCost {
    pub expr: Expr,
    pub rel: Slot,
    pub alias: Option<Slot>,
}

#[derive(Clone, Debug)]
pub struct NodePat {
    pub slot: Slot,
    /// Bound by an earlier clause or an earlier part of this pattern.
    pub bound: bool,
    pub labels: Vec<String>,
    pub props: Vec<(String, Expr)>,
    /// `(n $map)`
    pub props_param: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct RelPat {
    pub slot: Slot,
    pub bound: bool,
    pub types: Vec<String>,
    pub dir: ast::Direction,
    /// Variable length: (min, max).
    pub length: Option<(u64, Option<u64>)>,
    pub props: Vec<(String, Expr)>,
    pub props_param: Option<Expr>,
    /// A variable-length pattern on a relationship list bound earlier: `slot` is a fresh
    /// slot for the expansion, which must equal this one.
    pub equals: Option<Slot>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    All,
    Any,
    None,
    Single,
}

#[derive(Clone, Debug)]
pub enum MapProjItem {
    Property(String),
    AllProperties,
    Entry(String, Expr),
}

/// A resolved scalar function (Debug prints its name).
#[derive(Clone, Copy)]
pub struct Func(pub &'static functions::Function);

impl std::fmt::Debug for Func {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.name)
    }
}

/// A bound expression.
#[derive(Clone, Debug)]
pub enum Expr {
    Const(Value),
    Param(String),
    Var(Slot),
    Property(Box<Expr>, String),
    Index(Box<Expr>, Box<Expr>),
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    List(Vec<Expr>),
    Map(Vec<(String, Expr)>),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Binary(ast::BinaryOp, Box<Expr>, Box<Expr>),
    IsNull(Box<Expr>, bool),
    HasLabels(Box<Expr>, Vec<String>),
    Call(Func, Vec<Expr>),
    /// Only before aggregate extraction (binder-internal).
    Agg(Box<AggCall>),
    Case {
        operand: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        else_: Option<Box<Expr>>,
    },
    ListComp {
        slot: Slot,
        list: Box<Expr>,
        predicate: Option<Box<Expr>>,
        projection: Option<Box<Expr>>,
    },
    Quantified {
        quantifier: Quantifier,
        slot: Slot,
        list: Box<Expr>,
        predicate: Box<Expr>,
    },
    Reduce {
        acc: Slot,
        init: Box<Expr>,
        slot: Slot,
        list: Box<Expr>,
        expr: Box<Expr>,
    },
    /// True when the subquery yields at least one row.
    Exists(usize),
    /// Collect `projection` over the rows of the subquery.
    PatternComp(usize, Box<Expr>),
    MapProjection(Box<Expr>, Vec<MapProjItem>),
    /// A path value from node slots and relationship slots (a relationship list for
    /// variable-length steps): `(node, [(rel, node)...])`.
    Path(Slot, Vec<(Slot, bool, Slot)>),
}

impl Expr {
    pub fn children(&self) -> Vec<&Expr> {
        match self {
            Expr::Const(_) | Expr::Param(_) | Expr::Var(_) | Expr::Exists(_) | Expr::Path(..) => {
                vec![]
            }
            Expr::Property(e, _) | Expr::Not(e) | Expr::Neg(e) | Expr::IsNull(e, _) | Expr::HasLabels(e, _) => vec![e],
            Expr::Index(a, b) | Expr::Binary(_, a, b) => vec![a, b],
            Expr::Slice(a, b, c) => {
                let mut v = vec![&**a];
                v.extend(b.as_deref());
                v.extend(c.as_deref());
                v
            }
            Expr::List(items) | Expr::Call(_, items) => items.iter().collect(),
            Expr::Map(entries) => entries.iter().map(|(_, e)| e).collect(),
            Expr::Agg(a) => a.args.iter().collect(),
            Expr::Case { operand, whens, else_ } => {
                let mut v: Vec<&Expr> = operand.as_deref().into_iter().collect();
                for (w, t) in whens {
                    v.push(w);
                    v.push(t);
                }
                v.extend(else_.as_deref());
                v
            }
            Expr::ListComp { list, predicate, projection, .. } => {
                let mut v = vec![&**list];
                v.extend(predicate.as_deref());
                v.extend(projection.as_deref());
                v
            }
            Expr::Quantified { list, predicate, .. } => vec![list, predicate],
            Expr::Reduce { init, list, expr, .. } => vec![init, list, expr],
            Expr::PatternComp(_, e) => vec![e],
            Expr::MapProjection(base, items) => {
                let mut v = vec![&**base];
                for i in items {
                    if let MapProjItem::Entry(_, e) = i {
                        v.push(e);
                    }
                }
                v
            }
        }
    }

    /// Does `self` contain `other` (compared structurally)?
    pub fn mentions(&self, other: &Expr) -> bool {
        format!("{self:?}") == format!("{other:?}") || self.children().into_iter().any(|c| c.mentions(other))
    }

    /// Does the expression run a subquery (EXISTS, pattern predicate or comprehension)?
    pub fn has_subquery(&self) -> bool {
        matches!(self, Expr::Exists(_) | Expr::PatternComp(..)) || self.children().into_iter().any(Expr::has_subquery)
    }

    pub fn contains_aggregate(&self) -> bool {
        matches!(self, Expr::Agg(_)) || self.children().into_iter().any(Expr::contains_aggregate)
    }

    /// Variables referenced (subqueries count as referencing variables).
    pub fn has_vars(&self) -> bool {
        matches!(self, Expr::Var(_) | Expr::Exists(_) | Expr::PatternComp(..) | Expr::Path(..))
            || self.children().into_iter().any(Expr::has_vars)
    }

    /// Every slot read by the expression (not those it binds itself).
    pub fn slots(&self, out: &mut Vec<Slot>) {
        match self {
            Expr::Var(s) => out.push(*s),
            Expr::Path(start, steps) => {
                out.push(*start);
                for (r, _, n) in steps {
                    out.push(*r);
                    out.push(*n);
                }
            }
            _ => {}
        }
        for c in self.children() {
            c.slots(out);
        }
    }

    pub(crate) fn check_nested_aggregates(&self, span: Span) -> Result<(), Error> {
        if let Expr::Agg(a) = self {
            if a.args.iter().any(Expr::contains_aggregate) {
                return Err(Error::compile(
                    ErrorKind::SyntaxError,
                    "NestedAggregation",
                    span,
                    "aggregate functions cannot be nested",
                ));
            }
            return Ok(());
        }
        self.children().into_iter().try_for_each(|c| c.check_nested_aggregates(span))
    }

    /// Replace aggregate calls by references to new slots (pushed to `aggs`), and
    /// sub-expressions equal to a grouping key by the key's slot.
    pub(crate) fn extract_aggregates(
        self,
        binder: &mut super::Binder,
        aggs: &mut Vec<(AggCall, Slot)>,
        keys: &[(String, Slot)],
    ) -> Expr {
        // Only variables and property accesses stand for a grouping key inside an
        // aggregating expression: openCypher does not match larger expressions.
        if matches!(self, Expr::Var(_) | Expr::Property(..)) {
            if let Some((_, slot)) = keys.iter().find(|(k, _)| *k == format!("{self:?}")) {
                return Expr::Var(*slot);
            }
        }
        let mut e = self;
        if let Expr::Agg(call) = e {
            let slot = binder.new_slot();
            aggs.push((*call, slot));
            return Expr::Var(slot);
        }
        e.map_children(|c| c.extract_aggregates(binder, aggs, keys));
        e
    }

    /// The first slot read outside `allowed` and the aggregate slots, ignoring slots the
    /// expression binds itself (comprehension variables).
    pub(crate) fn free_slot_outside(&self, allowed: &[Slot], aggs: &[(AggCall, Slot)]) -> Option<Slot> {
        let mut read = Vec::new();
        self.slots(&mut read);
        let mut local = Vec::new();
        self.local_slots(&mut local);
        read.into_iter().find(|s| !allowed.contains(s) && !aggs.iter().any(|(_, a)| a == s) && !local.contains(s))
    }

    fn local_slots(&self, out: &mut Vec<Slot>) {
        match self {
            Expr::ListComp { slot, .. } | Expr::Quantified { slot, .. } => out.push(*slot),
            Expr::Reduce { acc, slot, .. } => {
                out.push(*acc);
                out.push(*slot);
            }
            _ => {}
        }
        for c in self.children() {
            c.local_slots(out);
        }
    }

    /// Apply `f` to every direct child, in place.
    pub fn map_children(&mut self, mut f: impl FnMut(Expr) -> Expr) {
        let mut g = |e: &mut Expr| {
            let taken = std::mem::replace(e, Expr::Const(Value::Null));
            *e = f(taken);
        };
        match self {
            Expr::Const(_) | Expr::Param(_) | Expr::Var(_) | Expr::Exists(_) | Expr::Path(..) => {}
            Expr::Property(e, _) | Expr::Not(e) | Expr::Neg(e) | Expr::IsNull(e, _) | Expr::HasLabels(e, _) => g(e),
            Expr::Index(a, b) | Expr::Binary(_, a, b) => {
                g(a);
                g(b);
            }
            Expr::Slice(a, b, c) => {
                g(a);
                if let Some(b) = b {
                    g(b);
                }
                if let Some(c) = c {
                    g(c);
                }
            }
            Expr::List(items) | Expr::Call(_, items) => items.iter_mut().for_each(g),
            Expr::Map(entries) => entries.iter_mut().for_each(|(_, e)| g(e)),
            Expr::Agg(a) => a.args.iter_mut().for_each(g),
            Expr::Case { operand, whens, else_ } => {
                if let Some(o) = operand {
                    g(o);
                }
                for (w, t) in whens {
                    g(w);
                    g(t);
                }
                if let Some(e) = else_ {
                    g(e);
                }
            }
            Expr::ListComp { list, predicate, projection, .. } => {
                g(list);
                if let Some(p) = predicate {
                    g(p);
                }
                if let Some(p) = projection {
                    g(p);
                }
            }
            Expr::Quantified { list, predicate, .. } => {
                g(list);
                g(predicate);
            }
            Expr::Reduce { init, list, expr, .. } => {
                g(init);
                g(list);
                g(expr);
            }
            Expr::PatternComp(_, e) => g(e),
            Expr::MapProjection(base, items) => {
                g(base);
                for i in items {
                    if let MapProjItem::Entry(_, e) = i {
                        g(e);
                    }
                }
            }
        }
    }
}
