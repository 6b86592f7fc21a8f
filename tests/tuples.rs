//! Tuple patterns and tuple values: `let (a, b) = (..)`, nested patterns,
//! `_`, `..` and `mut`, `x.sin_cos()`, and tuples as the value of blocks,
//! `if` and `match`. Each function is checked against num-dual, a closed
//! form, or central differences of a plain copy of its body.

mod common;

use matdiff::differentiate;
use nalgebra::DVector;
use num_dual::{Dual64, DualNum};

// ----- the extended Powell singular function ------------------------------

#[differentiate]
fn powell(x: &[f64]) -> f64 {
    let mut f = 0.0;
    for k in 0..x.len() / 4 {
        let (a, b, c, d) = (x[4 * k], x[4 * k + 1], x[4 * k + 2], x[4 * k + 3]);
        f += (a + 10.0 * b).powi(2) + 5.0 * (c - d).powi(2) + (b - 2.0 * c).powi(4) + 10.0 * (a - d).powi(4);
    }
    f
}

/// The same function, generic over num-dual's numbers.
fn powell_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut f = D::from(0.0);
    for k in 0..x.len() / 4 {
        let a = x[4 * k].clone();
        let b = x[4 * k + 1].clone();
        let c = x[4 * k + 2].clone();
        let d = x[4 * k + 3].clone();
        f += (a.clone() + b.clone() * 10.0).powi(2)
            + (c.clone() - d.clone()).powi(2) * 5.0
            + (b - c * 2.0).powi(4)
            + (a - d).powi(4) * 10.0;
    }
    f
}

/// The standard starting point (3, -1, 0, 1, ...), moved off its symmetry
/// so that no term vanishes, and a second point with other signs.
fn powell_points(n: usize) -> Vec<Vec<f64>> {
    let start = [3.0, -1.0, 0.0, 1.0];
    vec![
        (0..n).map(|i| start[i % 4] + 0.1 * (i as f64 + 1.0).sin()).collect(),
        (0..n).map(|i| 1.2 * (0.7 * i as f64 + 0.4).cos() - 0.3).collect(),
    ]
}

#[test]
fn extended_powell_matches_num_dual() {
    for n in [4, 8, 40] {
        for x in powell_points(n) {
            let what = format!("Powell, n = {n}");
            let (value, grad, hessian) = num_dual::hessian(powell_dual, &DVector::from_vec(x.clone()));
            let (our_value, our_grad) = powell_value_and_grad(&x);
            assert!(matdiff::check::close(our_value, value, 1e-14), "{what}: value {our_value} != {value}");
            matdiff::check::assert_all_close(&our_grad, grad.as_slice(), 1e-12, &format!("{what}: gradient"));
            let ours = powell_hessian(&x);
            for i in 0..n {
                let row: Vec<f64> = (0..n).map(|j| hessian[(i, j)]).collect();
                matdiff::check::assert_all_close(&ours[i], &row, 1e-12, &format!("{what}: Hessian row {i}"));
            }
            // The Hessian-vector product against the derivative of num-dual's
            // gradient along v.
            let v: Vec<f64> = (0..n).map(|i| (1.3 * i as f64).sin() + 0.2).collect();
            let along = DVector::from_iterator(n, x.iter().zip(&v).map(|(&xi, &vi)| Dual64::new(xi, vi)));
            let (_, g_dual) = num_dual::gradient(powell_dual, &along);
            let expected: Vec<f64> = g_dual.iter().map(|d| d.eps).collect();
            matdiff::check::assert_all_close(&powell_hvp(&x, &v), &expected, 1e-12, &format!("{what}: H v"));
        }
    }
}

#[test]
fn extended_powell_matches_central_differences() {
    let plain = |x: &[f64]| {
        let mut f = 0.0;
        for k in 0..x.len() / 4 {
            let (a, b, c, d) = (x[4 * k], x[4 * k + 1], x[4 * k + 2], x[4 * k + 3]);
            f += (a + 10.0 * b).powi(2) + 5.0 * (c - d).powi(2) + (b - 2.0 * c).powi(4) + 10.0 * (a - d).powi(4);
        }
        f
    };
    for x in powell_points(8) {
        matdiff::check::assert_all_close(
            &powell_grad(&x),
            &matdiff::check::gradient(plain, &x),
            common::GRAD_TOL,
            "gradient",
        );
        let h = powell_hessian(&x);
        let fd = matdiff::check::hessian(plain, &x);
        for i in 0..x.len() {
            matdiff::check::assert_all_close(&h[i], &fd[i], common::HESS_TOL, &format!("Hessian row {i}"));
        }
    }
}

// ----- sin_cos ----------------------------------------------------------------

/// r sin t + r² cos t.
#[differentiate]
fn polar(r: f64, t: f64) -> f64 {
    let (s, c) = t.sin_cos();
    r * s + r * r * c
}

/// The same through `f64::sin_cos`, `.0`/`.1` of the pair, and a pair of
/// an expression.
#[differentiate]
fn polar_other_forms(r: f64, t: f64) -> f64 {
    let (s, c) = f64::sin_cos(t);
    let (s2, _) = (2.0 * t).sin_cos();
    r * s + r * r * c + t.sin_cos().1 * s2 - (r * t).sin_cos().0
}

#[test]
fn sin_cos_has_closed_form_derivatives() {
    for (r, t) in [(1.5, 0.3), (-0.7, 2.4), (2.0, -1.1)] {
        let (s, c) = (t.sin(), t.cos());
        let (value, grad) = polar_value_and_grad(r, t);
        assert_eq!(value, r * s + r * r * c);
        let expected = [s + 2.0 * r * c, r * c - r * r * s];
        matdiff::check::assert_all_close(&grad, &expected, 1e-14, "gradient");
        let h = polar_hessian(r, t);
        let expected = [[2.0 * c, c - 2.0 * r * s], [c - 2.0 * r * s, -r * s - r * r * c]];
        for i in 0..2 {
            matdiff::check::assert_all_close(&h[i], &expected[i], 1e-14, &format!("Hessian row {i}"));
        }
    }
}

#[test]
fn sin_cos_in_other_forms_matches_finite_differences() {
    let plain = |v: &[f64]| {
        let (r, t) = (v[0], v[1]);
        r * t.sin() + r * r * t.cos() + t.cos() * (2.0 * t).sin() - (r * t).sin()
    };
    common::check2(
        "polar_other_forms",
        plain,
        polar_other_forms_value_and_grad,
        polar_other_forms_hessian,
        polar_other_forms_hvp,
        &[[1.5, 0.3], [-0.7, 2.4]],
    );
}

// ----- patterns and tuple values --------------------------------------------------

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

case!(nested_and_ignored, |x, y| {
    let ((a, b), _) = ((x * y, y), 3.0);
    let (p, (q, _), r) = (a.exp(), (b * b, x), 2.0);
    a * b + p * q * r
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(mutable_elements, |x, y| {
    let (mut u, v) = (x, y);
    u += v;
    u *= x;
    let (mut s, mut t) = (u, 0.0);
    s -= t;
    t = s * v;
    s * t + u
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(rest_and_typed_patterns, |x, y| {
    let (first, .., last) = (x, y, x * y, y.exp());
    let (a, b): (f64, f64) = (x + 1.0, 0.5);
    let (c, ..) = (b * y, 1, x);
    first * last + a * b + c
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(constants_among_elements, |x, y| {
    let n: usize = 3;
    let (k, w) = (n * 2, x * y);
    let (i, (scale, _)) = (2i32, (0.25, n));
    w * (k as f64) + x.powi(i) * scale
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(block_yields_a_tuple, |x, y| {
    let (a, b) = {
        let t = x * y;
        (t.sin(), t + x)
    };
    a * b
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(swap_by_if, |x, y| {
    let c = x > y;
    let (a, b) = if c { (x, y) } else { (y, x) };
    a * a * b + b.exp()
}, at [[0.5, 1.5], [2.0, 0.8]]);

case!(else_if_chain_and_nested_tuples, |x, y| {
    let ((a, b), c) = if x > 1.0 {
        ((x * y, y), 1.0)
    } else if y > 1.0 {
        let s = x.sin();
        ((s, s * y), x)
    } else {
        ((y, x), y * y)
    };
    a * b + c
}, at [[1.5, 0.5], [0.5, 1.5], [0.5, 0.5]]);

case!(match_yields_tuples, |x, y| {
    let k = if x > 0.0 { 1 } else { 2 };
    let (a, b) = match k {
        1 => (x * x, y),
        2 if y > 0.0 => (y, x * y),
        _ => {
            let t = x - y;
            (t, t * t)
        }
    };
    a * b + a
}, at [[0.5, 1.5], [-0.5, 1.5], [-0.5, -1.5]]);

case!(return_in_an_arm, |x, y| {
    let (a, b) = if x > 2.0 {
        return x * y;
    } else {
        (x.exp(), y)
    };
    a * b
}, at [[0.5, 1.5], [2.5, 0.8]]);

case!(tuple_arms_assign_variables, |x, y| {
    let mut s = x;
    let (a, b) = if y > 1.0 {
        s *= y;
        (s, 2.0)
    } else {
        (y, x)
    };
    s + a * b
}, at [[0.5, 1.5], [0.5, 0.8]]);

case!(tuples_inside_loops, |x, y| {
    let mut u = x;
    let mut v = y;
    for _ in 0..3 {
        let (next_u, next_v) = (u * 0.5 + v * 0.25, (u - v).sin());
        u = next_u;
        v = next_v;
    }
    let (s, c) = u.sin_cos();
    s * v + c
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(tuple_assignment_swaps, |x, y| {
    let mut a = x;
    let mut b = y;
    (a, b) = (b, a * b);
    let mut c = 0.0;
    (c, _) = (a + b, 7.0);
    a * 2.0 + b * c
}, at [[0.5, 1.5], [-0.3, 0.8]]);

case!(tuple_assignment_in_loops, |x, y| {
    let (mut a, mut b) = (x, y);
    for _ in 0..4 {
        (a, b) = (b, 0.5 * a + b.sin());
    }
    let mut k = 0;
    while k < 3 {
        ((a, b), k) = ((b * 0.9, a), k + 1);
    }
    a * b
}, at [[0.5, 1.5], [-0.3, 0.8]]);

/// Literals in tuples take the function's float type from the values they
/// meet.
#[differentiate]
fn single_precision(x: f32, y: f32) -> f32 {
    let (a, b) = if x > y { (x, y) } else { (1.5, 0.5) };
    let (c, d) = (0.25, a.hypot(b));
    let (s, k) = (x * y).sin_cos();
    c * d + s * k.exp()
}

#[test]
fn f32_tuples_match_finite_differences() {
    let plain = |v: &[f64]| {
        let (x, y) = (v[0], v[1]);
        let (a, b) = if x > y { (x, y) } else { (1.5, 0.5) };
        0.25 * a.hypot(b) + (x * y).sin() * (x * y).cos().exp()
    };
    for p in [[0.5f32, 1.5], [1.2, -0.4]] {
        let grad = single_precision_grad(p[0], p[1]);
        let expected = matdiff::check::gradient(plain, &[p[0] as f64, p[1] as f64]);
        let grad: Vec<f64> = grad.iter().map(|&g| g as f64).collect();
        matdiff::check::assert_all_close(&grad, &expected, 1e-5, "f32 gradient");
    }
}

case!(match_arm_returns, |x, y| {
    let k = if x > 0.0 { 1 } else { 0 };
    let (a, b) = match k {
        1 => (x, y * y),
        _ => return x * 3.0,
    };
    a * b
}, at [[0.5, 1.5], [-0.7, 0.3]]);

case!(block_with_return, |x, y| {
    let (a, b) = {
        if x > 2.0 {
            return x;
        }
        (x * x, y)
    };
    a + b * a
}, at [[0.5, 1.5], [2.5, 0.2]]);

case!(constant_arm, |x, y| {
    let k = if x > 0.0 { 1 } else { 0 };
    let (a, b) = match k {
        1 => (x, y),
        _ => (0.5, 2.0),
    };
    a * b + a.sin()
}, at [[0.5, 1.5], [-0.7, 0.3]]);

case!(assignment_from_if_in_a_loop, |x, y| {
    let mut a = x;
    let mut b = y;
    for _ in 0..3 {
        (a, b) = if a > b { (b, a) } else { (a * 1.5, b) };
    }
    a * b
}, at [[0.5, 1.5], [-0.7, 0.3], [2.5, 0.2]]);

case!(shadowing_and_arrays, |x, y| {
    let (x, y) = (y, x * 2.0);
    let (x, _y) = (x + y, 0.0);
    let (v, s) = (vec![x, y * y], x);
    v[0] * v[1] + s * y
}, at [[0.5, 1.5], [-0.7, 0.3]]);

case!(sin_cos_round_a_loop, |x, y| {
    let mut t = x;
    let mut u = y;
    for _ in 0..3 {
        let (s, c) = (t * u).sin_cos();
        (t, u) = (s + u, c * t);
    }
    t * u
}, at [[0.5, 1.5], [-0.7, 0.3]]);

/// Tuples of nalgebra reductions.
#[differentiate(wrt(x))]
fn of_vectors(x: &DVector<f64>, y: &DVector<f64>) -> f64 {
    let (d, n) = (x.dot(y), x.norm());
    let (s, c) = d.sin_cos();
    s * n + c
}

#[test]
fn tuples_of_nalgebra_reductions_match_finite_differences() {
    let x = DVector::from_vec(vec![0.3, 0.5, -0.2]);
    let y = DVector::from_vec(vec![1.0, 0.4, 0.7]);
    let plain = |v: &[f64]| {
        let x = DVector::from_vec(v.to_vec());
        let d = x.dot(&y);
        d.sin() * x.norm() + d.cos()
    };
    let g = of_vectors_grad(&x, &y);
    matdiff::check::assert_all_close(
        g.as_slice(),
        &matdiff::check::gradient(plain, x.as_slice()),
        common::GRAD_TOL,
        "gradient",
    );
    let h = of_vectors_hessian(&x, &y);
    let fd = matdiff::check::hessian(plain, x.as_slice());
    for i in 0..3 {
        let row: Vec<f64> = (0..3).map(|j| h[(i, j)]).collect();
        matdiff::check::assert_all_close(&row, &fd[i], common::HESS_TOL, &format!("Hessian row {i}"));
    }
}

/// A vector result computed with tuples.
#[differentiate]
fn vector_result(x: f64, y: f64) -> [f64; 2] {
    let (mut a, mut b) = (x, y);
    for _ in 0..3 {
        (a, b) = (b, a * 1.5);
    }
    let (s, c) = a.sin_cos();
    [s * b, c]
}

#[test]
fn vector_result_jacobian_matches_finite_differences() {
    let output = |v: &[f64], k: usize| {
        let (mut a, mut b) = (v[0], v[1]);
        for _ in 0..3 {
            (a, b) = (b, a * 1.5);
        }
        [a.sin() * b, a.cos()][k]
    };
    for p in [[0.5, 1.5], [-0.7, 0.3]] {
        let j = vector_result_jacobian(p[0], p[1]);
        for (k, row) in j.iter().enumerate() {
            let expected = matdiff::check::gradient(|v| output(v, k), &p);
            matdiff::check::assert_all_close(row, &expected, common::GRAD_TOL, &format!("Jacobian row {k}"));
        }
    }
}

// ----- a tuple result -----------------------------------------------------------

/// Polar to Cartesian coordinates, a vector result written as a tuple.
#[differentiate]
fn to_cartesian(r: f64, t: f64) -> (f64, f64) {
    let (s, c) = t.sin_cos();
    if r < 0.0 {
        return (0.0, 0.0);
    }
    (r * c, r * s)
}

/// A tuple result from a loop and a branch, of a slice.
#[differentiate]
fn moments(x: &[f64]) -> (f64, f64, f64) {
    let mut s = 0.0;
    let mut q = 0.0;
    for &v in x {
        (s, q) = (s + v, q + v * v);
    }
    let n = x.len() as f64;
    if n > 1.0 { (s / n, q / n - (s / n) * (s / n), x[0] * s) } else { (s, 0.0, q) }
}

#[test]
fn tuple_results_have_jacobians_in_tuple_order() {
    for (r, t) in [(1.5, 0.3), (0.7, -2.4)] {
        let j = to_cartesian_jacobian(r, t);
        let expected = [[t.cos(), -r * t.sin()], [t.sin(), r * t.cos()]];
        for i in 0..2 {
            matdiff::check::assert_all_close(&j[i], &expected[i], 1e-14, &format!("Jacobian row {i}"));
        }
    }
    assert_eq!(to_cartesian_jacobian(-1.0, 0.5), [[0.0; 2]; 2]);

    let x = [0.5, -1.25, 2.0, 0.75];
    let outputs = |v: &[f64]| {
        let n = v.len() as f64;
        let s: f64 = v.iter().sum();
        let q: f64 = v.iter().map(|a| a * a).sum();
        [s / n, q / n - (s / n) * (s / n), v[0] * s]
    };
    let j = moments_jacobian(&x);
    assert_eq!(j.len(), 3);
    for (k, row) in j.iter().enumerate() {
        let expected = matdiff::check::gradient(|v| outputs(v)[k], &x);
        matdiff::check::assert_all_close(row, &expected, common::GRAD_TOL, &format!("Jacobian row {k}"));
    }
}

/// A tuple result of single precision with constant elements.
#[differentiate]
fn single_precision_pair(x: f32, y: f32) -> (f32, f32, f32) {
    if x < 0.0 {
        return (0.0, 1.0, y);
    }
    let (a, b) = (x * y, 2.0);
    (a.hypot(b), b, 0.5)
}

#[test]
fn single_precision_tuple_result() {
    let j = single_precision_pair_jacobian(-1.0, 2.0);
    assert_eq!(j, [[0.0, 0.0], [0.0, 0.0], [0.0, 1.0]]);
    let (x, y) = (0.5f32, 3.0f32);
    let j = single_precision_pair_jacobian(x, y);
    let h = (x * y).hypot(2.0);
    let expected = [[y * x * y / h, x * x * y / h], [0.0, 0.0], [0.0, 0.0]];
    for i in 0..3 {
        for k in 0..2 {
            assert!((j[i][k] - expected[i][k]).abs() < 1e-6, "row {i}: {:?} != {:?}", j[i], expected[i]);
        }
    }
}

// ----- array patterns ----------------------------------------------------

/// `let [a, b, c] = x;` of an array argument, `[first, _, .., last]` of a
/// borrowed one, and a pattern matched against an array written out.
#[differentiate]
fn array_patterns(x: [f64; 3], y: &[f64; 4]) -> f64 {
    let [a, b, c] = x;
    let [first, _, .., last] = *y;
    let [p, q] = [first * 2.0, a - last];
    a * b + b.atan2(c) + p * q
}

#[test]
fn array_patterns_match_closed_form() {
    let (x, y) = ([1.0, 2.0, 3.0], [0.5, 9.0, 9.0, -1.5]);
    let (gx, gy) = array_patterns_grad(x, &y);
    let (a, b, c) = (x[0], x[1], x[2]);
    let (first, last) = (y[0], y[3]);
    // a b + atan2(b, c) + 2 first (a - last)
    let r2 = b * b + c * c;
    let want_x = [b + 2.0 * first, a + c / r2, -b / r2];
    let want_y = [2.0 * (a - last), 0.0, 0.0, -2.0 * first];
    for i in 0..3 {
        assert!((gx[i] - want_x[i]).abs() < 1e-14, "{gx:?} {want_x:?}");
    }
    for i in 0..4 {
        assert!((gy[i] - want_y[i]).abs() < 1e-14, "{gy:?} {want_y:?}");
    }
}
