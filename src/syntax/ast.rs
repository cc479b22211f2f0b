//! The abstract syntax tree of the supported openCypher subset. Every node carries the
//! `Span` of the text it came from; names are unresolved strings. `Display` prints
//! canonical query text that parses back to the same tree (printing is a fixpoint of
//! parsing). Nothing here knows about scopes, types or the store.

use crate::error::Span;

/// A statement: one query, possibly behind `EXPLAIN` or `PROFILE`.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub explain: Option<ExplainMode>,
    pub query: Query,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainMode {
    /// `EXPLAIN <query>`: print the plan, do not execute.
    Explain,
    /// `PROFILE <query>`: execute and report rows per operator.
    Profile,
}

/// `q1 UNION [ALL] q2 ...`
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub first: SingleQuery,
    /// Each following part with `true` for `UNION ALL`.
    pub unions: Vec<(bool, SingleQuery)>,
    pub span: Span,
}

/// A sequence of clauses, ending in RETURN or an updating clause.
#[derive(Clone, Debug, PartialEq)]
pub struct SingleQuery {
    pub clauses: Vec<Clause>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Clause {
    /// `[OPTIONAL] MATCH pattern [WHERE expr]`
    Match(Match),
    /// `UNWIND expr AS var`
    Unwind(Unwind),
    /// `WITH [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n] [WHERE expr]`
    With(With),
    /// `RETURN [DISTINCT] items [ORDER BY ...] [SKIP n] [LIMIT n]`
    Return(Return),
    /// `CREATE pattern`
    Create(Create),
    /// `MERGE part [ON CREATE SET ...] [ON MATCH SET ...]`
    Merge(Merge),
    /// `SET item, ...`
    Set(SetClause),
    /// `REMOVE item, ...`
    Remove(Remove),
    /// `[DETACH] DELETE expr, ...`
    Delete(Delete),
    /// `FOREACH (var IN list | clauses)`
    Foreach(Foreach),
    /// `CALL ns.name(args) [YIELD ...]`
    Call(Call),
    /// `LOAD CSV [WITH HEADERS] FROM url AS row [FIELDTERMINATOR 'c']`
    LoadCsv(LoadCsv),
}

impl Clause {
    pub fn span(&self) -> Span {
        match self {
            Clause::Match(c) => c.span,
            Clause::Unwind(c) => c.span,
            Clause::With(c) => c.span,
            Clause::Return(c) => c.span,
            Clause::Create(c) => c.span,
            Clause::Merge(c) => c.span,
            Clause::Set(c) => c.span,
            Clause::Remove(c) => c.span,
            Clause::Delete(c) => c.span,
            Clause::Foreach(c) => c.span,
            Clause::Call(c) => c.span,
            Clause::LoadCsv(c) => c.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub optional: bool,
    pub pattern: Pattern,
    pub where_: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unwind {
    pub expr: Expr,
    pub var: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub projection: Projection,
    pub where_: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Return {
    pub projection: Projection,
    pub span: Span,
}

/// The body shared by WITH and RETURN.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub distinct: bool,
    /// `*` as the first item: every variable in scope.
    pub star: bool,
    pub items: Vec<ProjectionItem>,
    pub order_by: Vec<SortItem>,
    pub skip: Option<Expr>,
    pub limit: Option<Expr>,
}

/// `expr [AS alias]`
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectionItem {
    pub expr: Expr,
    pub alias: Option<Ident>,
    /// The item's text as written (for the column name of an unaliased expression,
    /// which openCypher defines as the expression's text).
    pub text: String,
    pub span: Span,
}

/// `expr [ASC|ASCENDING|DESC|DESCENDING]`
#[derive(Clone, Debug, PartialEq)]
pub struct SortItem {
    pub expr: Expr,
    pub descending: bool,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Create {
    pub pattern: Pattern,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    pub part: PatternPart,
    pub on_create: Vec<SetItem>,
    pub on_match: Vec<SetItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SetClause {
    pub items: Vec<SetItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SetItem {
    /// `n.prop = expr` (the target is any property expression)
    Property { target: Expr, value: Expr, span: Span },
    /// `n = map`
    Replace { var: Ident, value: Expr, span: Span },
    /// `n += map`
    Merge { var: Ident, value: Expr, span: Span },
    /// `n:A:B`
    Labels { var: Ident, labels: Vec<Ident>, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Remove {
    pub items: Vec<RemoveItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RemoveItem {
    /// `n.prop`
    Property { target: Expr, span: Span },
    /// `n:A:B`
    Labels { var: Ident, labels: Vec<Ident>, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Delete {
    pub detach: bool,
    pub exprs: Vec<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Foreach {
    pub var: Ident,
    pub list: Expr,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

/// `CALL a.b.c(args) YIELD x AS y, z WHERE ...`; `args: None` for the implicit-argument
/// form without parentheses.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub procedure: Vec<Ident>,
    pub args: Option<Vec<Expr>>,
    /// `None`: no YIELD. `Some(vec![])` is never produced; `YIELD *` is `star`.
    pub yields: Option<Vec<YieldItem>>,
    pub yield_star: bool,
    pub where_: Option<Expr>,
    pub span: Span,
}

/// `LOAD CSV [WITH HEADERS] FROM expr AS var [FIELDTERMINATOR 'c']`: `var` is bound to
/// each row, a list of strings, or a map from header to string `WITH HEADERS`.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadCsv {
    pub with_headers: bool,
    pub from: Expr,
    pub var: Ident,
    /// The field separator as written (a single character); `None`: a comma.
    pub field_terminator: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YieldItem {
    pub field: Ident,
    pub alias: Option<Ident>,
    pub span: Span,
}

/// An identifier (variable, label, type, property key, function name part).
/// Backtick-quoted names are stored unquoted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// Comma-separated pattern parts.
pub type Pattern = Vec<PatternPart>;

/// `[p =] [shortestPath(] (a)-[r]->(b)... [)]`, or with GQL selectors and modes:
/// `p = ANY SHORTEST TRAIL (a)-[r]->+(b) [COST r.km]`
#[derive(Clone, Debug, PartialEq)]
pub struct PatternPart {
    pub var: Option<Ident>,
    pub shortest: Option<Shortest>,
    /// GQL path mode, written after the selector (`WALK`, `TRAIL`, `ACYCLIC`, `SIMPLE`).
    pub mode: Option<PathMode>,
    pub element: PatternElement,
    /// Meridian extension for weighted shortest paths: `COST expr [AS name]` after the
    /// pattern.
    pub cost: Option<Cost>,
    pub span: Span,
}

/// `COST r.km AS distance`: `expr` is evaluated once per relationship of a candidate path,
/// with the pattern's relationship variable naming that single relationship; the path's
/// cost is the sum, bound to `alias` when given.
#[derive(Clone, Debug, PartialEq)]
pub struct Cost {
    pub expr: Box<Expr>,
    pub alias: Option<Ident>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortest {
    /// `shortestPath(...)`
    One,
    /// `allShortestPaths(...)`
    All,
    /// GQL `ANY SHORTEST`
    AnyShortest,
    /// GQL `ALL SHORTEST`
    AllShortest,
    /// GQL `SHORTEST k`: the k shortest paths
    Shortest(u64),
    /// GQL `SHORTEST k GROUPS`: all paths of the k shortest lengths
    Groups(u64),
    /// GQL `ANY k` (`ANY` alone is `Any(1)`): any k paths
    Any(u64),
}

/// GQL path modes: which repetitions a path may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMode {
    /// Anything may repeat.
    Walk,
    /// No repeated relationship (openCypher's default for MATCH).
    Trail,
    /// No repeated node.
    Acyclic,
    /// No repeated node, except that the first may equal the last.
    Simple,
}

/// `(a)-[r]->(b)<-[s]-(c)`
#[derive(Clone, Debug, PartialEq)]
pub struct PatternElement {
    pub start: NodePattern,
    pub chain: Vec<(RelPattern, NodePattern)>,
    pub span: Span,
}

/// `(var:Label1:Label2 {k: v})` or `(var $param)`
#[derive(Clone, Debug, PartialEq)]
pub struct NodePattern {
    pub var: Option<Ident>,
    pub labels: Vec<Ident>,
    /// A map literal or a parameter.
    pub props: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// `-[]->`
    Outgoing,
    /// `<-[]-`
    Incoming,
    /// `-[]-` (and `<-[]->`)
    Both,
}

/// `-[var:T1|T2*1..3 {k: v}]->`
#[derive(Clone, Debug, PartialEq)]
pub struct RelPattern {
    pub var: Option<Ident>,
    pub types: Vec<Ident>,
    pub direction: Direction,
    /// `None`: a single hop. `Some(range)`: variable length (`*` is both bounds `None`;
    /// `*2` is `Some(2)..Some(2)`).
    pub length: Option<LengthRange>,
    pub props: Option<Box<Expr>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthRange {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Not,
    Neg,
    Plus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Or,
    Xor,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    StartsWith,
    EndsWith,
    Contains,
    RegexMatch,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantifier {
    All,
    Any,
    None,
    Single,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MapProjectionItem {
    /// `.name`
    Property(Ident),
    /// `.*`
    AllProperties,
    /// `key: expr`
    Literal(Ident, Expr),
    /// `var` (shorthand for `var: var`)
    Variable(Ident),
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// `$name` or `$0`
    Parameter(String),
    Variable(String),
    /// `[a, b, c]`
    List(Vec<Expr>),
    /// `{k: v, ...}` (keys unquoted)
    Map(Vec<(Ident, Expr)>),
    /// `expr.key`
    Property(Box<Expr>, Ident),
    /// `expr[index]`
    Index(Box<Expr>, Box<Expr>),
    /// `expr[from..to]`, either bound optional
    Slice(Box<Expr>, Option<Box<Expr>>, Option<Box<Expr>>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `expr IS NULL` (`negated: false`) or `expr IS NOT NULL`
    IsNull {
        expr: Box<Expr>,
        negated: bool,
    },
    /// `n:A:B` as a predicate
    HasLabels(Box<Expr>, Vec<Ident>),
    /// `ns.name([DISTINCT] args)`; `name` holds the dotted parts
    FunctionCall {
        name: Vec<Ident>,
        distinct: bool,
        args: Vec<Expr>,
    },
    /// `count(*)`
    CountStar,
    /// `CASE [operand] WHEN .. THEN .. [ELSE ..] END`
    Case {
        operand: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        else_: Option<Box<Expr>>,
    },
    /// `[var IN list [WHERE pred] [| projection]]`
    ListComprehension {
        var: Ident,
        list: Box<Expr>,
        predicate: Option<Box<Expr>>,
        projection: Option<Box<Expr>>,
    },
    /// `all(var IN list WHERE pred)` and any / none / single
    Quantified {
        quantifier: Quantifier,
        var: Ident,
        list: Box<Expr>,
        predicate: Option<Box<Expr>>,
    },
    /// `reduce(acc = init, var IN list | expr)`
    Reduce {
        acc: Ident,
        init: Box<Expr>,
        var: Ident,
        list: Box<Expr>,
        expr: Box<Expr>,
    },
    /// A relationship pattern used as a predicate: `(a)-[:T]->()`
    PatternPredicate(PatternElement),
    /// `[p = (a)-->(b) WHERE pred | projection]`
    PatternComprehension {
        var: Option<Ident>,
        pattern: PatternElement,
        predicate: Option<Box<Expr>>,
        projection: Box<Expr>,
    },
    /// `EXISTS { MATCH ... }` or `EXISTS { (a)-->(b) WHERE ... }`: the body as a query.
    /// The short form `EXISTS { pattern [WHERE e] }` is parsed into an equivalent
    /// `MATCH pattern [WHERE e]` query whose last clause is not a RETURN.
    ExistsSubquery(Box<Query>),
    /// `var {.name, .*, key: expr, other}`
    MapProjection {
        var: Ident,
        items: Vec<MapProjectionItem>,
    },
}
