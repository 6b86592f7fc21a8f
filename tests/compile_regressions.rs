//! Functions whose generated code rustc used to reject, each written the
//! way users write them and checked (value, gradient, Hessian and
//! Hessian-vector product) against Ridders-extrapolated differences of
//! its own body.
//!
//! - A value and its copy (`let h = m;`) share one tangent; a branch or a
//!   loop that saved both bound that tangent twice in one pattern
//!   (E0416, `identifier 'm_dot' is bound more than once`).
//! - A loop inside a branch keeps its tape in the branch's tape; the
//!   reverse sweep bound it without `mut` and could not pop it (E0596).
//! - A literal whose float type only another arm, an assignment, a
//!   comparison or a `return` told rustc lost it where the generated code
//!   copies the code after an early `return` into every arm or drops code
//!   nothing needs (E0689, `can't call method 'hypot' on ambiguous numeric
//!   type '{float}'`).

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

case!(copy_shares_tangent_in_branch, |x, y| {
    let r = if x > 0.0 {
        let m = x * y;
        let g = y * 2.0;
        let h = m;
        m.sin() * h.cos() + g
    } else {
        let m = y * y;
        m * x
    };
    r * x
}, at [[0.7, 1.3], [-0.4, 0.9]]);

case!(rebinding_match_arms_share_tangents, |x, y| {
    let q = x - y;
    let z1 = match q {
        v if v > 0.5 => {
            let z1 = x * v;
            let t = y + 1.0;
            let z2 = z1;
            z1.exp() * z2.sin() + t
        }
        _ => {
            let z1 = q * q;
            z1 + y
        }
    };
    z1 * y
}, at [[1.7, 0.3], [0.2, 0.9]]);

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

case!(literal_arm_before_early_return, |x, y| {
    let m = x * y;
    let q = x - y;
    let y2 = match -q {
        ..-0.5 => return m * m,
        _ if m > 0.5 => {
            let g = x * m;
            -3.0 + 0.125
        }
        _ => q,
    };
    y2.hypot(1.5) * x
}, at [[2.0, 0.5], [1.0, 1.2], [-0.3, 0.4]]);

case!(literal_assigned_in_loop, |x, y| {
    let mut g = x * y;
    let mut s = y;
    for _ in 0..2 {
        s = s * g + x;
        g = -0.25;
        s += g.max(0.5) * x;
    }
    s
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(literal_typed_by_unused_comparison, |x, y| {
    let g = 0.25;
    if y > g {
        let unused = x * 2.0;
    }
    x * g.max(0.5) * y
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(literal_typed_by_return, |x, y| {
    let t = 0.5;
    let s = match x * y {
        v if v > 1.0 => return t,
        _ => x * y,
    };
    s + t.hypot(1.5) * x
}, at [[2.0, 1.5], [-0.3, 0.4]]);

case!(literal_arm_typed_by_an_inactive_cast, |x, y| {
    let mut s = x;
    for i in 0..2 {
        let fi = i as f64;
        let p = if y > 1.0 {
            if x > 3.0 {
                continue;
            }
            fi.tanh()
        } else {
            0.125
        };
        s += (-p).sin() * x;
    }
    s * y
}, at [[0.5, 1.5], [-0.3, 0.4], [3.5, 2.0]]);

case!(literal_typed_by_a_dead_assignment, |x, y| {
    let b = if x <= y { 0.75 } else { 0.5 };
    let mut q = x * y;
    if b < 0.6 {
        q = -b;
    }
    x * b.sin() * y
}, at [[0.5, 1.5], [1.3, 0.4]]);
