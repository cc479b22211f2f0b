//! The catalog: interned names of labels, relationship types and property keys. Each
//! name gets a small integer id on first use and keeps it forever (rollback does not
//! un-intern, so ids held by a compiled plan never dangle). This file knows nothing
//! about nodes or relationships and must not grow query logic.

use std::collections::HashMap;

/// One namespace of interned names: ids are dense, assigned in order of first use.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    names: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Interner {
    pub(crate) fn get(&self, name: &str) -> Option<u32> {
        self.ids.get(name).copied()
    }

    /// The id of `name`, assigning the next free one if it is new.
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        // More than u32::MAX distinct names cannot fit in memory anyway; saturating keeps
        // this panic-free in the impossible case.
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    /// The name of `id`, or "" for an id this interner never gave out (a caller bug that
    /// must not crash the engine).
    pub(crate) fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// The three namespaces of a graph.
#[derive(Clone, Debug, Default)]
pub(crate) struct Catalog {
    pub(crate) labels: Interner,
    pub(crate) types: Interner,
    pub(crate) keys: Interner,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_dense_and_stable() {
        let mut i = Interner::default();
        assert_eq!(i.intern("A"), 0);
        assert_eq!(i.intern("B"), 1);
        assert_eq!(i.intern("A"), 0);
        assert_eq!(i.get("B"), Some(1));
        assert_eq!(i.get("C"), None);
        assert_eq!(i.name(1), "B");
        assert_eq!(i.name(7), "");
        assert_eq!(i.names().collect::<Vec<_>>(), ["A", "B"]);
        assert_eq!(i.len(), 2);
    }
}
