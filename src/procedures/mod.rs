//! Built-in procedures for `CALL ... YIELD ...`: the registry (`lookup`, `all`), the
//! shared handling of the `config` map, and `meridian.procedures()` itself. The graph
//! algorithms live in the submodules and run on a compact projection (`csr`) built once
//! per call. This module only reads the store (never writes), and knows nothing of the
//! query pipeline: the executor calls `Procedure::run` with evaluated arguments and
//! turns the returned rows into its own.

mod centrality;
mod community;
mod config;
mod csr;
mod table;

pub use table::TableProcedure;

use crate::error::Error;
use crate::store::Graph;
use crate::value::Value;

/// One output column of a procedure.
#[derive(Debug)]
pub struct Column {
    pub name: &'static str,
    /// "NODE", "FLOAT", "INTEGER", "STRING", "NUMBER" (integer or float), ...
    pub type_name: &'static str,
}

/// The callback a running procedure calls regularly: it fails once the statement is
/// cancelled or past its timeout, and the procedure returns that error.
pub type Tick<'a> = dyn FnMut() -> Result<(), Error> + 'a;

/// The rows a procedure produces, each with `outputs.len()` values.
pub type Rows = Vec<Vec<Value>>;

/// A procedure callable with `CALL name(args) YIELD ...`.
pub struct Procedure {
    /// Dotted and case-sensitive, e.g. "meridian.pagerank".
    pub name: &'static str,
    /// One line.
    pub description: &'static str,
    /// Positional parameters: (name, type name, default as a Cypher literal, or None if
    /// the argument is required).
    pub params: &'static [(&'static str, &'static str, Option<&'static str>)],
    pub outputs: &'static [Column],
    /// Runs the procedure. `args` has exactly `params.len()` values (the caller fills in
    /// defaults); `tick` is called at least once per node per iteration and its error is
    /// returned as is. Rows come in ascending node id order where rows are per node.
    pub run: fn(graph: &Graph, args: &[Value], tick: &mut Tick<'_>) -> Result<Rows, Error>,
}

impl std::fmt::Debug for Procedure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.signature())
    }
}

impl Procedure {
    /// Neo4j-style signature: `name(p = default :: TYPE, ...) :: (col :: TYPE, ...)`.
    pub fn signature(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(name, ty, default)| match default {
                Some(d) => format!("{name} = {d} :: {ty}"),
                None => format!("{name} :: {ty}"),
            })
            .collect();
        let outputs: Vec<String> = self.outputs.iter().map(|c| format!("{} :: {}", c.name, c.type_name)).collect();
        format!("{}({}) :: ({})", self.name, params.join(", "), outputs.join(", "))
    }
}

/// The procedure called `name` (exact, case-sensitive match).
pub fn lookup(name: &str) -> Option<&'static Procedure> {
    PROCEDURES.iter().find(|p| p.name == name)
}

/// Every procedure, sorted by name.
pub fn all() -> &'static [Procedure] {
    PROCEDURES
}

const CONFIG: &[(&str, &str, Option<&str>)] = &[("config", "MAP", Some("{}"))];

macro_rules! col {
    ($name:literal, $ty:literal) => {
        Column { name: $name, type_name: $ty }
    };
}

/// Sorted by name (a unit test checks it), so `all()` and `meridian.procedures()` list
/// them in order without sorting at run time.
static PROCEDURES: &[Procedure] = &[
    Procedure {
        name: "meridian.betweenness",
        description: "Betweenness centrality (Brandes), unnormalized; Dijkstra when weightProperty is set",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("score", "FLOAT")],
        run: centrality::betweenness,
    },
    Procedure {
        name: "meridian.closeness",
        description: "Closeness centrality, Wasserman-Faust variant for disconnected graphs",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("score", "FLOAT")],
        run: centrality::closeness,
    },
    Procedure {
        name: "meridian.degree",
        description: "Number of relationships of each node (sum of weights when weightProperty is set)",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("degree", "NUMBER")],
        run: centrality::degree,
    },
    Procedure {
        name: "meridian.labelPropagation",
        description: "Communities by deterministic label propagation",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("communityId", "INTEGER")],
        run: community::label_propagation,
    },
    Procedure {
        name: "meridian.localClusteringCoefficient",
        description: "Fraction of each node's neighbour pairs that are themselves connected (undirected)",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("coefficient", "FLOAT")],
        run: community::local_clustering,
    },
    Procedure {
        name: "meridian.louvain",
        description: "Communities by deterministic Louvain modularity optimisation (undirected)",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("communityId", "INTEGER")],
        run: community::louvain,
    },
    Procedure {
        name: "meridian.pagerank",
        description: "PageRank following relationship direction (damping 0.85, 20 iterations)",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("score", "FLOAT")],
        run: centrality::pagerank,
    },
    Procedure {
        name: "meridian.procedures",
        description: "Lists the procedures meridian provides",
        params: &[],
        outputs: &[col!("name", "STRING"), col!("signature", "STRING"), col!("description", "STRING")],
        run: procedures,
    },
    Procedure {
        name: "meridian.scc",
        description: "Strongly connected components (Tarjan); componentId is the smallest node id in it",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("componentId", "INTEGER")],
        run: community::scc,
    },
    Procedure {
        name: "meridian.triangleCount",
        description: "Number of triangles through each node (undirected, parallel relationships count once)",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("triangles", "INTEGER")],
        run: community::triangle_count,
    },
    Procedure {
        name: "meridian.wcc",
        description: "Weakly connected components; componentId is the smallest node id in it",
        params: CONFIG,
        outputs: &[col!("node", "NODE"), col!("componentId", "INTEGER")],
        run: community::wcc,
    },
];

/// `meridian.procedures()`: (name, signature, description) of every procedure, by name.
fn procedures(_graph: &Graph, _args: &[Value], _tick: &mut Tick<'_>) -> Result<Rows, Error> {
    Ok(all()
        .iter()
        .map(|p| {
            vec![
                Value::String(p.name.to_string()),
                Value::String(p.signature()),
                Value::String(p.description.to_string()),
            ]
        })
        .collect())
}

#[cfg(test)]
mod tests;
