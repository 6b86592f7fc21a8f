//! Functions whose generated code rustc used to reject, each written the
//! way users write them and checked (value, gradient, Hessian and
//! Hessian-vector product) against Ridders-extrapolated differences of
//! its own body.
//!
//! - A loop inside a branch keeps its tape in the branch's tape; the
//!   reverse sweep bound it without `mut` and could not pop it (E0596).

mod common;

use matdiff::differentiate;

/// Defines a differentiated function of two arguments, a plain copy of it,
/// and a test against finite differences.
macro_rules! case {
    ($name:ident, |$x:ident, $y:ident| $body:block, at $points:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiate]
            #[allow(unused_assignments, unused_mut, unused_variables, clippy::all)]
            pub fn f($x: f64, $y: f64) -> f64 $body

            #[allow(unused_assignments, unused_mut, unused_variables, clippy::all)]
            fn plain(v: &[f64]) -> f64 {
                let ($x, $y) = (v[0], v[1]);
                $body
            }

            #[test]
            fn matches_finite_differences() {
                common::check2(stringify!($name), plain, f_value_and_grad, f_hessian, f_hvp, &$points);
            }
        }
    };
}

case!(loop_inside_branch, |x, y| {
    let q = if x < 1.0 {
        let mut p = y;
        for i in 0..1 {
            p = x * p + (i as f64);
        }
        p
    } else {
        x + y
    };
    q * y
}, at [[0.5, 1.5], [2.0, 0.5]]);

case!(while_with_break_inside_branch, |x, y| {
    let q = if x > 0.0 {
        let mut p = y;
        let mut k = 0;
        while k < 4 {
            k += 1;
            if p > 3.0 {
                break;
            }
            p *= 1.0 + x;
        }
        p
    } else {
        let mut t = x;
        for i in 0..2 {
            for j in 0..2 {
                t += y * ((i + j) as f64);
            }
        }
        t
    };
    q * x
}, at [[0.5, 1.5], [0.3, 0.2], [-0.5, 0.7]]);
