//! Property tests of the value relations (src/value.rs): the ORDER BY order
//! (`Value::order`) is a total order (antisymmetric, transitive) and agrees with
//! equivalence (`PartialEq`): two values are equivalent exactly when the order ties them;
//! equivalent values hash alike. The generator leans on the awkward corners: NaN, signed
//! zeros, infinities, integers near 2^53 and 2^63 next to floats of the same size, nulls
//! inside lists and maps, and values of different kinds side by side.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use meridian::value::Path;
use meridian::{NodeId, RelId, Value};
use proptest::prelude::*;

const SPECIAL_INTS: [i64; 10] =
    [0, 1, -1, 2, i64::MAX, i64::MIN, 1 << 53, (1 << 53) + 1, -(1 << 53) - 1, 9_007_199_254_740_993];

const SPECIAL_FLOATS: [f64; 14] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    1.5,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    9_007_199_254_740_992.0,
    9_223_372_036_854_775_807.0,
    -9_223_372_036_854_775_808.0,
    f64::MIN_POSITIVE,
    f64::MAX,
    1e-300,
];

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop::sample::select(&SPECIAL_INTS[..]).prop_map(Value::Int),
        (-3i64..=3).prop_map(Value::Int),
        prop::sample::select(&SPECIAL_FLOATS[..]).prop_map(Value::Float),
        (-3i64..=3).prop_map(|i| Value::Float(i as f64)),
        any::<f64>().prop_map(Value::Float),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        number(),
        prop::sample::select(&["", "a", "b", "ab", "A", "é", "\u{0}"][..]).prop_map(Value::str),
        (0u64..3).prop_map(|i| Value::Node(NodeId(i))),
        (0u64..3).prop_map(|i| Value::Rel(RelId(i))),
        (0u64..3, 0u64..3).prop_map(|(a, r)| Value::Path(Box::new(Path {
            nodes: vec![NodeId(a), NodeId(a + 1)],
            rels: vec![RelId(r)]
        }))),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::List),
            prop::collection::btree_map(prop::sample::select(&["a", "b", "c"][..]), inner, 0..3)
                .prop_map(|m| Value::Map(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<BTreeMap<_, _>>())),
        ]
    })
}

fn hash_of(v: &Value) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn order_is_reflexive_and_antisymmetric(a in value(), b in value()) {
        prop_assert_eq!(a.order(&a), Ordering::Equal);
        prop_assert_eq!(a.order(&b), b.order(&a).reverse());
    }

    #[test]
    fn order_is_transitive(a in value(), b in value(), c in value()) {
        let mut v = [a, b, c];
        // Sorting with a broken order can leave any permutation; a total order gives a
        // sequence whose every pair is in order.
        v.sort_by(|x, y| x.order(y));
        prop_assert_ne!(v[0].order(&v[1]), Ordering::Greater);
        prop_assert_ne!(v[1].order(&v[2]), Ordering::Greater);
        prop_assert_ne!(v[0].order(&v[2]), Ordering::Greater);
    }

    #[test]
    fn order_ties_exactly_the_equivalent_values(a in value(), b in value()) {
        prop_assert_eq!(a == b, a.order(&b) == Ordering::Equal, "{:?} vs {:?}", a, b);
    }

    #[test]
    fn equivalence_is_symmetric_and_reflexive(a in value(), b in value()) {
        prop_assert!(a == a, "{:?} is not equivalent to itself", a);
        prop_assert_eq!(a == b, b == a);
    }

    #[test]
    fn numbers_that_are_equal_are_equivalent(a in number(), b in number()) {
        if a.cypher_eq(&b) == Some(true) {
            prop_assert!(a == b);
        }
    }
}

/// Equivalent values must hash alike, or GROUP BY and DISTINCT split a group. The
/// general property holds everywhere except integral floats between 9.2e18 and 2^63
/// (reported; src/value.rs `Hash`): this test pins the rest.
#[test]
fn equivalent_values_hash_alike() {
    let mut runner = proptest::test_runner::TestRunner::new(config());
    let result = runner.run(&(value(), value()), |(a, b)| {
        if a == b {
            prop_assert_eq!(hash_of(&a), hash_of(&b), "{:?} ~ {:?} but hash differently", a, b);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Regression for the case the property above excludes by construction: an integer
/// and an equal float in 9.2e18..2^63 are equivalent but hash differently, so
/// `UNWIND [9210000000000000000, 9.21e18] AS x RETURN DISTINCT x` keeps both.
#[test]
fn large_integral_floats_hash_like_the_equal_integer() {
    let f = 9.21e18f64;
    let (a, b) = (Value::Int(f as i64), Value::Float(f));
    assert!(a == b);
    assert_eq!(hash_of(&a), hash_of(&b));
}
