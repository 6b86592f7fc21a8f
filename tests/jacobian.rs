//! Jacobians of functions with a vector result: `J[i][j]` is the derivative
//! of output i in input j (rows are outputs, seed 003 eq. 4.4.42).

// The functions under test are written the way users write loops.
#![allow(clippy::needless_range_loop, clippy::manual_memcpy)]

mod common;

use matdiff::differentiate;

/// Seed 003, eq. 4.4.43.
#[differentiate]
fn sum_and_product(x1: f64, x2: f64, x3: f64) -> [f64; 2] {
    [x1 + x2 + x3, x1 * x2 * x3]
}

#[test]
fn seed_exercise_4_4_43() {
    let (x1, x2, x3) = (2.0, -3.0, 0.5);
    assert_eq!(sum_and_product_jacobian(x1, x2, x3), [[1.0, 1.0, 1.0], [x2 * x3, x1 * x3, x1 * x2]]);
}

/// More outputs than inputs: the forward sweeps are cheaper.
#[differentiate]
fn polar_features(r: f64, theta: f64) -> [f64; 5] {
    [r * theta.cos(), r * theta.sin(), r * r, theta.tanh(), (r * theta).exp()]
}

#[differentiate]
fn softmax(x: &[f64]) -> Vec<f64> {
    let mut m = x[0];
    for &xi in x.iter() {
        m = m.max(xi);
    }
    let mut total = 0.0;
    for &xi in x.iter() {
        total += (xi - m).exp();
    }
    let mut out = vec![0.0; x.len()];
    for i in 0..x.len() {
        out[i] = (x[i] - m).exp() / total;
    }
    out
}

#[differentiate]
fn stretched(x: &[f64], s: f64) -> Vec<f64> {
    x.iter().map(|v| v * s + v.sin()).collect()
}

/// Checks each row of a Jacobian against finite differences of that output.
fn check_rows(what: &str, jacobian: &[Vec<f64>], output: impl Fn(&[f64]) -> Vec<f64>, x: &[f64]) {
    let m = output(x).len();
    assert_eq!(jacobian.len(), m, "{what}: rows");
    for i in 0..m {
        let fd = matdiff::check::gradient(|v| output(v)[i], x);
        matdiff::check::assert_all_close(&jacobian[i], &fd, common::GRAD_TOL, &format!("{what}: row {i}"));
    }
}

#[test]
fn fixed_outputs_both_directions() {
    let j = polar_features_jacobian(1.5, 0.3);
    let rows: Vec<Vec<f64>> = j.iter().map(|r| r.to_vec()).collect();
    check_rows("polar", &rows, |v| polar_features(v[0], v[1]).to_vec(), &[1.5, 0.3]);
}

#[test]
fn softmax_jacobian_is_diag_p_minus_p_p() {
    for n in [1, 2, 5, 20] {
        let x = common::point(n, 3);
        let j = softmax_jacobian(&x);
        let p = softmax(&x);
        for a in 0..n {
            for b in 0..n {
                let expected = if a == b { p[a] } else { 0.0 } - p[a] * p[b];
                assert!(
                    matdiff::check::close(j[a][b], expected, 1e-13),
                    "n = {n}: J[{a}][{b}] = {} vs {expected}",
                    j[a][b]
                );
            }
        }
    }
}

#[test]
fn dynamic_outputs_and_mixed_inputs() {
    for n in [1, 3, 30] {
        let x = common::point(n, 4);
        let j = stretched_jacobian(&x, 0.7);
        let mut all = x.clone();
        all.push(0.7);
        check_rows("stretched", &j, |v| stretched(&v[..n], v[n]), &all);
    }
}

/// Fewer outputs than chunks of inputs: one reverse sweep per output.
#[differentiate]
fn moments(x: &[f64]) -> [f64; 2] {
    let mut mean = 0.0;
    for &xi in x.iter() {
        mean += xi;
    }
    mean /= x.len() as f64;
    let mut spread = 0.0;
    for &xi in x.iter() {
        spread += (xi - mean).powi(2);
    }
    [mean, spread.sqrt()]
}

#[test]
fn reverse_sweeps_per_output() {
    let x = common::point(30, 9);
    let j = moments_jacobian(&x);
    check_rows("moments", &j, |v| moments(v).to_vec(), &x);
}
