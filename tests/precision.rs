//! Generated gradients and Hessians in the tails where the rules used to
//! cancel, overflow or underflow, against the exact values that
//! `core/tests/precision.rs` checks the rules with: the generated code must
//! keep the rules' accuracy (a few ulps), not just call them.

#[allow(dead_code, clippy::approx_constant, clippy::type_complexity)]
#[path = "../core/tests/data/precision_reference.rs"]
mod reference;

use matdiff::differentiate;

/// A few roundings, as for the rules themselves.
const ULPS: f64 = 4.0;

type Gradient = fn(f64, f64) -> (f64, [f64; 2]);
type Hessian = fn(f64, f64) -> [[f64; 2]; 2];

/// Each one-argument function `f` as `f(x) + y`, so that the generated
/// code of a two-input function is exercised and `y` adds exact zeros.
macro_rules! unary_cases {
    ($($name:ident: |$x:ident| $body:expr;)*) => {
        $(
            mod $name {
                use super::*;

                #[differentiate]
                pub fn f($x: f64, y: f64) -> f64 {
                    $body + y
                }
            }
        )*

        fn unary_generated(name: &str) -> Option<(Gradient, Hessian)> {
            match name {
                $(stringify!($name) => Some(($name::f_value_and_grad, $name::f_hessian)),)*
                _ => None,
            }
        }
    };
}

unary_cases! {
    sigmoid: |x| matdiff::sigmoid(x);
    softplus: |x| matdiff::softplus(x);
    tanh: |x| x.tanh();
    exp_m1: |x| x.exp_m1();
    asin: |x| x.asin();
    acos: |x| x.acos();
    atan: |x| x.atan();
    asinh: |x| x.asinh();
    acosh: |x| x.acosh();
    atanh: |x| x.atanh();
}

macro_rules! binary_cases {
    ($($name:ident: |$a:ident, $b:ident| $body:expr;)*) => {
        $(
            mod $name {
                use super::*;

                #[differentiate]
                pub fn f($a: f64, $b: f64) -> f64 {
                    $body
                }
            }
        )*

        fn binary_generated(name: &str) -> Option<(Gradient, Hessian)> {
            match name {
                $(stringify!($name) => Some(($name::f_value_and_grad, $name::f_hessian)),)*
                _ => None,
            }
        }
    };
}

binary_cases! {
    logaddexp: |a, b| matdiff::logaddexp(a, b);
    atan2: |a, b| a.atan2(b);
    hypot: |a, b| a.hypot(b);
    div: |a, b| a / b;
}

/// The error of `got` in units of `f64::EPSILON` relative to `want`.
fn ulps(got: f64, want: f64) -> f64 {
    if want == 0.0 { if got == 0.0 { 0.0 } else { f64::INFINITY } } else { ((got - want) / want).abs() / f64::EPSILON }
}

fn check(failures: &mut Vec<String>, what: String, got: f64, want: f64) {
    if want.is_nan() {
        return;
    }
    let e = ulps(got, want);
    if e.is_nan() || e > ULPS {
        failures.push(format!("{what}: got {got:e}, exact {want:e}, {e:.3e} ulps"));
    }
}

#[test]
fn generated_derivatives_keep_the_rules_accuracy() {
    let mut failures = Vec::new();
    let mut covered = 0;
    for &(name, points) in reference::UNARY {
        let Some((gradient, hessian)) = unary_generated(name) else { continue };
        covered += 1;
        for &(x, d, dd) in points {
            let (_, g) = gradient(x, 0.0);
            let h = hessian(x, 0.0);
            check(&mut failures, format!("{name}' at {x:e}"), g[0], d);
            check(&mut failures, format!("{name}'' at {x:e}"), h[0][0], dd);
            check(&mut failures, format!("{name}: d/dy at {x:e}"), g[1], 1.0);
            for (i, j) in [(0, 1), (1, 0), (1, 1)] {
                check(&mut failures, format!("{name}: Hessian ({i}, {j}) at {x:e}"), h[i][j], 0.0);
            }
        }
    }
    for &(name, points) in reference::BINARY {
        let Some((gradient, hessian)) = binary_generated(name) else { continue };
        covered += 1;
        for &(a, b, [d0, d1, dd00, dd01, dd11]) in points {
            // Where one second partial is not a normal float, its infinity
            // meets the zero tangent of the other direction in the sweep
            // (inf * 0 is NaN) and spoils its whole Hessian row.
            if [dd00, dd01, dd11].iter().any(|v| v.is_nan()) {
                continue;
            }
            let (_, g) = gradient(a, b);
            let h = hessian(a, b);
            let at = format!("({a:e}, {b:e})");
            check(&mut failures, format!("{name} d0 at {at}"), g[0], d0);
            check(&mut failures, format!("{name} d1 at {at}"), g[1], d1);
            check(&mut failures, format!("{name} dd00 at {at}"), h[0][0], dd00);
            check(&mut failures, format!("{name} dd01 at {at}"), h[0][1], dd01);
            check(&mut failures, format!("{name} dd10 at {at}"), h[1][0], dd01);
            check(&mut failures, format!("{name} dd11 at {at}"), h[1][1], dd11);
        }
    }
    assert_eq!(covered, 14, "a function here has no reference data");
    assert!(failures.is_empty(), "{} checks out of bounds:\n{}", failures.len(), failures.join("\n"));
}
