//! Every rule function a row of the table promises exists in core: `value`
//! where the generated code computes the value through the rule module,
//! `jvp{k}` and `vjp{k}` for each differentiable argument `k`,
//! `vjp{k}_jvp{j}` for each second-order pair, and the same derivatives in
//! `rules::bundle` for the rows with bundle rules
//! (`matdiff_table::Primitive::rule_functions` lists them).
//!
//! Most rule functions are written by macros, so the check is the
//! compiler's: `build.rs` writes a `use` of each promised function, and this
//! test does not compile while one is missing ("unresolved import
//! `matdiff_core::rules::abs::vjp0_jvp0`", on a line that names the row).

mod promised {
    #![allow(unused_imports)]
    include!(concat!(env!("OUT_DIR"), "/promised_rules.rs"));
}

use matdiff_core::table::{MATRIX_PRIMITIVES, PRIMITIVES};

/// The generated imports cover every row, in table order: the build script
/// has not silently skipped any.
#[test]
fn every_promise_is_checked() {
    let expected: Vec<String> = PRIMITIVES.iter().chain(MATRIX_PRIMITIVES).flat_map(|p| p.rule_functions()).collect();
    assert_eq!(promised::PROMISED, expected);
    for p in PRIMITIVES.iter().chain(MATRIX_PRIMITIVES) {
        for &k in p.differentiable {
            let module = if p.matrix { format!("matrix::{}", p.name) } else { p.name.to_string() };
            assert!(promised::PROMISED.contains(&format!("{module}::vjp{k}").as_str()), "{}", p.name);
        }
    }
}

/// A row that says a rule is the identity (which lets the generated code
/// drop its statement) has rules that return their tangent and cotangent
/// unchanged, bit for bit.
#[test]
fn identity_rules_return_their_argument() {
    let claimed: usize = PRIMITIVES.iter().chain(MATRIX_PRIMITIVES).map(|p| p.identity.len()).sum();
    assert_eq!(promised::IDENTITIES.len(), claimed);
    assert!(claimed > 0);
    for &(module, k, jvp, vjp) in promised::IDENTITIES {
        for t in [1.375, -0.0, 3.0e300, -2.5e-310, f64::INFINITY] {
            assert_eq!(jvp(&t).to_bits(), t.to_bits(), "{module}::jvp{k}");
            assert_eq!(vjp(&t).to_bits(), t.to_bits(), "{module}::vjp{k}");
        }
    }
}
