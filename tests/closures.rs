//! Closures bound by `let` and called by name inside differentiated
//! functions: gradients and Hessians against closed forms and against
//! num-dual evaluating the same code generically.

#![allow(clippy::needless_range_loop)]

use matdiff::{check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

/// num-dual's gradient and Hessian of `f` at `x`.
fn reference(f: impl Fn(&[Dual2DVec64]) -> Dual2DVec64, x: &[f64]) -> (f64, Vec<f64>, Vec<Vec<f64>>) {
    let (v, g, h) = num_dual::hessian(|x: DVector<Dual2DVec64>| f(x.as_slice()), &DVector::from_column_slice(x));
    let n = x.len();
    (v, g.iter().copied().collect(), (0..n).map(|i| (0..n).map(|j| h[(i, j)]).collect()).collect())
}

/// A helper closure in an iterator's `map`: Σ (i + 1) x_i².
#[differentiate]
fn weighted_squares(x: &[f64]) -> f64 {
    let sq = |v: f64| v * v;
    x.iter().enumerate().map(|(i, v)| (i as f64 + 1.0) * sq(*v)).sum()
}

#[test]
fn closure_in_a_map_matches_closed_form() {
    let x = [0.3, -0.5, 0.8, 1.7];
    let g = weighted_squares_grad(&x);
    let h = weighted_squares_hessian(&x);
    for i in 0..x.len() {
        assert!((g[i] - 2.0 * (i as f64 + 1.0) * x[i]).abs() < 1e-14, "{g:?}");
        for j in 0..x.len() {
            let want = if i == j { 2.0 * (i as f64 + 1.0) } else { 0.0 };
            assert_eq!(h[i][j], want);
        }
    }
}

/// A closure over a differentiated value, called twice, with the captured
/// name shadowed after it: the closure keeps the value it captured.
#[differentiate]
fn shadowed_capture(x: f64, y: f64) -> f64 {
    let scale = 2.0 * y;
    let wave = |t: f64| (t * scale).sin();
    let scale = 100.0;
    wave(x) + wave(x * x) + scale
}

fn shadowed_capture_dual<D: DualNum<Primitive = f64>>(z: &[D]) -> D {
    let (x, y) = (z[0].clone(), z[1].clone());
    let scale = y * 2.0;
    (x.clone() * scale.clone()).sin() + (x.clone() * x * scale).sin() + 100.0
}

#[test]
fn captured_values_are_those_where_the_closure_was_written() {
    let (x, y) = (0.7, 0.4);
    let (value, grad) = shadowed_capture_value_and_grad(x, y);
    let hessian = shadowed_capture_hessian(x, y);
    let (v, g, h) = reference(shadowed_capture_dual, &[x, y]);
    assert!((value - v).abs() < 1e-13);
    check::assert_all_close(&grad, &g, 1e-13, "gradient");
    for i in 0..2 {
        check::assert_all_close(&hessian[i], &h[i], 1e-12, "Hessian");
    }
}

/// A `move` closure over a differentiated argument and a closure of
/// integers used in an index, in a loop.
#[differentiate]
fn closures_in_a_loop(x: &[f64], w: f64) -> f64 {
    let weight = move |v: f64| w * v.exp();
    let next = |i: usize| i + 1;
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += weight(x[next(i)]) * x[i];
    }
    s
}

#[test]
fn closures_in_a_loop_match_closed_form() {
    let x = [0.3, -0.5, 0.8];
    let w = 1.5;
    let (gx, gw) = closures_in_a_loop_grad(&x, w);
    // s = w (x0 e^{x1} + x1 e^{x2})
    let want = [w * x[1].exp(), w * (x[2].exp() + x[0] * x[1].exp()), w * x[1] * x[2].exp()];
    check::assert_all_close(&gx, &want, 1e-14, "gradient in x");
    assert!((gw - (x[0] * x[1].exp() + x[1] * x[2].exp())).abs() < 1e-14);
}

/// A closure calling a closure, with statements in its body, and closures
/// taking a nalgebra vector and an array by reference.
#[differentiate]
fn nested_closures(x: &[f64]) -> f64 {
    let sq = |v: f64| v * v;
    let gap = |a: f64, b: f64| {
        let d = a - b;
        sq(d) + 0.5 * sq(a)
    };
    x.iter().map(|v| sq(*v)).sum::<f64>() + gap(x[0], x[1])
}

#[differentiate]
fn closure_of_a_vector(w: &DVector<f64>, b: &DVector<f64>) -> f64 {
    let energy = |v: &DVector<f64>| v.norm_squared();
    energy(w) + energy(&(w - b)) * 0.5
}

#[differentiate]
fn closure_of_an_array(x: [f64; 3]) -> f64 {
    let pair = |a: &[f64; 3], i: usize| a[i] * a[(i + 1) % 3];
    pair(&x, 0) + pair(&x, 2)
}

#[test]
fn nested_and_borrowing_closures_match_closed_forms() {
    let x = [0.3, 0.2, 0.1];
    // Σ x_i² + (x0 - x1)² + x0² / 2
    let want = [2.0 * x[0] + 2.0 * (x[0] - x[1]) + x[0], 2.0 * x[1] - 2.0 * (x[0] - x[1]), 2.0 * x[2]];
    check::assert_all_close(&nested_closures_grad(&x), &want, 1e-14, "nested");
    let h = nested_closures_hessian(&x);
    check::assert_all_close(&h[0], &[5.0, -2.0, 0.0], 1e-14, "nested Hessian row 0");
    check::assert_all_close(&h[1], &[-2.0, 4.0, 0.0], 1e-14, "nested Hessian row 1");

    let w = DVector::from_vec(vec![1.0, 2.0]);
    let b = DVector::from_vec(vec![0.5, 0.5]);
    // |w|² + |w - b|² / 2
    let (gw, gb) = closure_of_a_vector_grad(&w, &b);
    check::assert_all_close(gw.as_slice(), (&w * 2.0 + (&w - &b)).as_slice(), 1e-14, "vector, w");
    check::assert_all_close(gb.as_slice(), (&b - &w).as_slice(), 1e-14, "vector, b");

    // x0 x1 + x2 x0
    check::assert_all_close(&closure_of_an_array_grad([1.0, 2.0, 3.0]), &[5.0, 1.0, 1.0], 1e-14, "array");
}

/// A closure inside the closure of a nalgebra `map`.
#[differentiate]
fn closure_inside_a_map(x: &DVector<f64>) -> f64 {
    let y = x.map(|v| {
        let bump = |t: f64| t * t.sin();
        bump(v) * 2.0
    });
    y.sum()
}

#[test]
fn closure_inside_a_map_matches_closed_form() {
    let x = DVector::from_vec(vec![0.3, -1.1, 2.0]);
    let g = closure_inside_a_map_grad(&x);
    let want: Vec<f64> = x.iter().map(|t| 2.0 * (t.sin() + t * t.cos())).collect();
    check::assert_all_close(g.as_slice(), &want, 1e-14, "gradient");
    let h = closure_inside_a_map_hessian(&x);
    for i in 0..3 {
        let t = x[i];
        let want = 2.0 * (2.0 * t.cos() - t * t.sin());
        assert!((h[(i, i)] - want).abs() < 1e-13, "{h}");
    }
}

/// A closure over a differentiated value in a condition and in code that
/// is not differentiated (an array of it), beside calls that are.
#[differentiate]
fn closure_in_a_condition(x: f64, n: usize) -> f64 {
    let scaled = |i: usize| x * i as f64;
    let count = [scaled].len();
    let c = if scaled(2) > 1.0 { scaled(n) } else { -scaled(1) };
    c + count as f64
}

#[test]
fn closure_in_a_condition_matches_closed_form() {
    // 2x > 1: n x + 1; otherwise -x + 1.
    assert_eq!(closure_in_a_condition_grad(0.7, 3)[0], 3.0);
    assert_eq!(closure_in_a_condition_grad(0.2, 3)[0], -1.0);
    assert_eq!(closure_in_a_condition(0.7, 3), 0.7 * 3.0 + 1.0);
}

/// Closures bound by `let` inside the closure of a nalgebra `map`, and a
/// closure given to `map` by name: Σ 3v² + 6v³.
#[differentiate]
fn closures_in_a_matrix_map(x: &DVector<f64>) -> f64 {
    let k = 3.0;
    let sq = |v: f64| k * v * v;
    let cube = |v: f64| v * sq(v);
    x.map(|v| sq(v) + cube(v)).sum() + x.map(cube).sum()
}

#[test]
fn closures_in_a_matrix_map_match_closed_form() {
    let x = DVector::from_vec(vec![1.0, 2.0, -0.5]);
    let g = closures_in_a_matrix_map_grad(&x);
    let want: Vec<f64> = x.iter().map(|v| 6.0 * v + 18.0 * v * v).collect();
    check::assert_all_close(g.as_slice(), &want, 1e-13, "gradient");
    let h = closures_in_a_matrix_map_hessian(&x);
    for i in 0..3 {
        assert!((h[(i, i)] - (6.0 + 36.0 * x[i])).abs() < 1e-12, "{h}");
    }
}
