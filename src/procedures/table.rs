//! Table procedures: procedures whose answers are a fixed table of rows, declared at
//! run time through `Engine::register_table_procedure`. Each row holds the argument
//! values followed by the output values; a call returns the outputs of the rows whose
//! arguments equal the call's. They let a program (and the openCypher TCK's "there
//! exists a procedure" steps) declare lookup procedures without writing Rust.

use crate::value::Value;

/// A procedure answered from a table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableProcedure {
    /// Dotted name, e.g. `test.my.proc`.
    pub name: String,
    /// (name, type) of each argument: `STRING`, `INTEGER`, `FLOAT`, `NUMBER`, `BOOLEAN`, ...
    pub params: Vec<(String, String)>,
    /// (name, type) of each output column.
    pub outputs: Vec<(String, String)>,
    /// Rows of `params.len() + outputs.len()` values.
    pub rows: Vec<Vec<Value>>,
}

impl TableProcedure {
    /// The output rows for `args`: those whose argument columns equal `args`
    /// (FLOAT arguments compare numerically, so 1 and 1.0 match).
    pub fn call(&self, args: &[Value]) -> Vec<Vec<Value>> {
        let n = self.params.len();
        self.rows
            .iter()
            .filter(|row| row.len() >= n && row[..n].iter().zip(args).all(|(want, got)| want == got))
            .map(|row| row[n..].to_vec())
            .collect()
    }
}
