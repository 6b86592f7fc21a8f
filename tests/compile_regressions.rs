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
//! - The same for the elements of a local array built from literals: the
//!   generated code builds the array from its elements without the type
//!   written on it, and drops the dead code that gave an inactive array
//!   its type; and for literals in functions of nalgebra values.

mod common;

use matdiff::{check, differentiate};
use nalgebra::{DMatrix, DVector};

/// Defines a differentiated function of two arguments, a plain copy of it,
/// and a test against finite differences.
macro_rules! case {
    ($name:ident, |$x:ident, $y:ident| $body:block, at $points:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiate]
            #[allow(unused_assignments, unused_mut, unused_variables, unused_parens, clippy::all)]
            pub fn f($x: f64, $y: f64) -> f64 $body

            #[allow(unused_assignments, unused_mut, unused_variables, unused_parens, clippy::all)]
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

case!(annotated_vec_of_literals_read_by_a_method, |x, y| {
    let mut r = x * y;
    if x > 0.4375 {
    } else {
        let mut w: Vec<f64> = vec![0.0, 2.0, 0.5];
        w[0] = y / w[2].abs();
        r = r + w[0];
    }
    r
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(annotated_array_of_literals_in_a_loop, |x, y| {
    let mut w: [f64; 3] = [0.5; 3];
    for i in 0..3 {
        w[i] += w[1].powi(2) * y;
    }
    x * w[2] + w[0]
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(annotated_vec_filled_with_a_literal, |x, y| {
    let n = 3;
    let mut w: Vec<f64> = vec![0.25; n];
    let s = w[1].sqrt();
    w[0] = x * s;
    w[0] * y + w[2]
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(inactive_array_typed_by_dead_code, |x, y| {
    let w = [0.5; 2];
    let u = x * w[0];
    y * w[1].abs() + x
}, at [[0.5, 1.5], [-0.3, 0.4]]);

case!(local_in_inactive_vec_typed_by_dead_code, |x, y| {
    let a = -0.5;
    let w = vec![a, 1.5];
    let u = x * w[1];
    if a.abs() > 0.25 {
        return x * y;
    }
    y
}, at [[0.5, 1.5], [-0.3, 0.4]]);

#[differentiate]
fn f32_array_of_literals(x: f32, y: f32) -> f32 {
    let mut w: [f32; 2] = [0.5; 2];
    let s = w[1].sqrt();
    w[0] = x * s;
    w[0] * y + w[1]
}

#[test]
fn f32_array_of_literals_keeps_f32() {
    let (x, y) = (0.7_f32, -1.3_f32);
    let s = 0.5_f32.sqrt();
    let (value, grad) = f32_array_of_literals_value_and_grad(x, y);
    assert_eq!(value, f32_array_of_literals(x, y));
    assert!((grad[0] - s * y).abs() < 1e-6 && (grad[1] - s * x).abs() < 1e-6, "{grad:?}");
    let h = f32_array_of_literals_hessian(x, y);
    assert!(h[0][0] == 0.0 && h[1][1] == 0.0 && (h[0][1] - s).abs() < 1e-6 && (h[1][0] - s).abs() < 1e-6, "{h:?}");
    let hv = f32_array_of_literals_hvp(x, y, [1.0, 2.0]);
    assert!((hv[0] - 2.0 * s).abs() < 1e-6 && (hv[1] - s).abs() < 1e-6, "{hv:?}");
}

/// Checks value, gradient, Hessian and Hessian-vector product of a function
/// of a vector and a scalar against differences of `plain`, a function of
/// the vector's elements followed by the scalar.
#[track_caller]
#[allow(clippy::type_complexity)]
fn check_vector_and_scalar(
    name: &str,
    plain: impl Fn(&[f64]) -> f64 + Copy,
    value_and_grad: impl Fn(&DVector<f64>, f64) -> (f64, (DVector<f64>, f64)),
    hessian: impl Fn(&DVector<f64>, f64) -> DMatrix<f64>,
    hvp: impl Fn(&DVector<f64>, f64, (&DVector<f64>, f64)) -> (DVector<f64>, f64),
    points: &[&[f64]],
) {
    for p in points {
        let what = format!("{name} at {p:?}");
        let n = p.len() - 1;
        let (x, y) = (DVector::from_column_slice(&p[..n]), p[n]);
        let (value, (x_bar, y_bar)) = value_and_grad(&x, y);
        assert_eq!(value, plain(p), "{what}: value");
        let grad: Vec<f64> = x_bar.iter().copied().chain([y_bar]).collect();
        check::assert_all_close(&grad, &check::gradient(plain, p), common::GRAD_TOL, &format!("{what}: gradient"));
        let h = hessian(&x, y);
        let fd = check::hessian(plain, p);
        for (i, fd_row) in fd.iter().enumerate() {
            let row: Vec<f64> = h.row(i).iter().copied().collect();
            check::assert_all_close(&row, fd_row, common::HESS_TOL, &format!("{what}: Hessian row {i}"));
        }
        let v: Vec<f64> = (0..=n).map(|i| 0.7 - 0.37 * i as f64).collect();
        let (hv_x, hv_y) = hvp(&x, y, (&DVector::from_column_slice(&v[..n]), v[n]));
        let hv: Vec<f64> = hv_x.iter().copied().chain([hv_y]).collect();
        let expected: Vec<f64> = (&h * DVector::from_vec(v)).iter().copied().collect();
        check::assert_all_close(&hv, &expected, 1e-12, &format!("{what}: Hessian-vector product"));
    }
}

/// Like `case!`, for a function of a vector `x` and a scalar `y`.
macro_rules! vector_case {
    ($name:ident, |$x:ident, $y:ident| $body:block, at $points:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[differentiate]
            #[allow(unused_assignments, unused_mut, unused_variables, unused_parens, clippy::all)]
            pub fn f($x: &DVector<f64>, $y: f64) -> f64 $body

            #[allow(unused_assignments, unused_mut, unused_variables, unused_parens, clippy::all)]
            fn plain(v: &[f64]) -> f64 {
                let $x = &DVector::from_column_slice(&v[..v.len() - 1]);
                let $y = v[v.len() - 1];
                $body
            }

            #[test]
            fn matches_finite_differences() {
                check_vector_and_scalar(stringify!($name), plain, f_value_and_grad, f_hessian, f_hvp, &$points);
            }
        }
    };
}

vector_case!(literal_arm_with_a_vector_argument, |x, y| {
    let q = x.sum();
    let y2 = match y {
        v if v > 2.0 => return q * q,
        v if v > 1.0 => 0.5,
        _ => q,
    };
    y2.hypot(1.5)
}, at [&[0.3, -0.8, 1.1, 2.5], &[0.3, -0.8, 1.1, 1.5], &[0.3, -0.8, 1.1, 0.5]]);

vector_case!(annotated_vec_of_literals_with_a_vector_argument, |x, y| {
    let mut w: Vec<f64> = vec![0.5; 2];
    let s = w[1].sqrt();
    w[0] = x.sum() * s;
    w[0] * y
}, at [&[0.3, -0.8, 1.1, 2.5], &[-0.4, 0.9, 0.5]]);

// A block arm with a `let` before its literal tail: the arm's value is a
// float literal, typed only by the cast arm that the early return puts in
// another copy of the code.
vector_case!(literal_block_with_a_let_in_an_arm, |x, y| {
    let q = x.sum();
    let t3 = match y {
        v if v > 2.0 => {
            let unused: f64 = 0.5;
            -2.0
        }
        v if v > 1.0 => return q * v,
        _ => 1usize as f64,
    };
    (t3 + t3 * q).sin()
}, at [&[0.3, -0.8, 1.1, 2.5], &[0.3, -0.8, 1.1, 1.5], &[0.3, 0.8, 1.1, 0.5]]);

// A typed variable reassigned a literal: the `let` that wrote `f64` is dead
// once the assignment replaces its value, and nothing else in the inactive
// arithmetic that follows types the literal.
case!(typed_variable_reassigned_a_literal, |x, y| {
    let w: Vec<f64> = vec![0.0; 3];
    let mut s: f64 = -0.875;
    s = -1.875;
    s -= (s * s).ln_1p();
    w.iter().map(|&e| e + 0.5).sum::<f64>() * s * x + y * y
}, at [[0.3, -0.8], [1.1, 2.5]]);

// A literal whose type only a cast (dead once the variable is reassigned)
// and a float method in a loop's exit condition give: the condition is
// evaluated as written, so its `t.min(x)` is no operation the lowering
// records.
case!(cast_then_literal_read_by_a_method_in_a_condition, |x, y| {
    for _ in 0..3 {
        let mut t = (1usize as f64);
        t = -1.75;
        if t.min(x) >= x {
            break;
        }
    }
    x * y + x.sin()
}, at [[0.3, -0.8], [-2.5, 1.5]]);

// `a + b` of two differentiated vectors in a branch: the cotangents of both
// operands are the cotangent of the sum, and a vector is not `Copy`, so the
// branch must hand on two vectors, not one twice (E0382).
vector_case!(sum_of_two_vectors_in_a_branch, |x, y| {
    let z = x * y;
    if y > 0.0 {
        let s = x + &z;
        s.norm_squared()
    } else {
        x.sum() * y
    }
}, at [&[0.3, -0.8, 1.1, 2.5], &[0.3, -0.8, 1.1, -1.5]]);
