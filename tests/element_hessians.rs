//! Banded Hessians computed as sums of per-iteration element Hessians
//! (partially separable loops), and functions where that method must not
//! apply and the sweeps are taken instead. Every Hessian (dense, sparse and
//! sparse into a kept workspace) is checked against references that do not
//! come from matdiff: closed forms, num-dual on a plain generic form of the
//! function, and central differences of a hand-written gradient.
//!
//! Which method a function gets is checked by the macro's own unit tests
//! (`elements::tests`); here every one of them must be right.

#![allow(clippy::needless_range_loop)]

mod common;

use matdiff::{SparseHessianWorkspace, check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

const SIZES: [usize; 8] = [1, 2, 3, 4, 5, 7, 16, 41];

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.8 * ((i as f64) * 1.3 + 0.4).sin() + 0.1).collect()
}

fn dual_hessian(f: impl Fn(DVector<Dual2DVec64>) -> Dual2DVec64, x: &[f64]) -> Vec<Vec<f64>> {
    let (_, _, h) = num_dual::hessian(f, &DVector::from_column_slice(x));
    (0..x.len()).map(|i| (0..x.len()).map(|j| h[(i, j)]).collect()).collect()
}

/// The lower triangle of `dense` within `bandwidth`, column by column.
fn band_values(dense: &[Vec<f64>], bandwidth: usize) -> Vec<f64> {
    let n = dense.len();
    (0..n).flat_map(|c| (c..n.min(c + bandwidth + 1)).map(move |r| (r, c))).map(|(r, c)| dense[r][c]).collect()
}

#[track_caller]
fn assert_dense(name: &str, generated: &[Vec<f64>], expected: &[Vec<f64>], tolerance: f64) {
    assert_eq!(generated.len(), expected.len(), "{name}: rows");
    for i in 0..expected.len() {
        check::assert_all_close(
            &generated[i],
            &expected[i],
            tolerance,
            &format!("{name} (n = {}) row {i}", expected.len()),
        );
    }
}

// ----- Rosenbrock against its closed form -------------------------------------

#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

fn rosenbrock_closed_form(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n.saturating_sub(1) {
        h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        h[i + 1][i + 1] += 200.0;
        h[i + 1][i] -= 400.0 * x[i];
        h[i][i + 1] -= 400.0 * x[i];
    }
    h
}

#[test]
fn rosenbrock_matches_its_closed_form() {
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES.into_iter().chain([300]) {
        let x = point(n);
        let expected = rosenbrock_closed_form(&x);
        assert_dense("rosenbrock", &rosenbrock_hessian(&x), &expected, 1e-12);
        let values = band_values(&expected, 1);
        check::assert_all_close(&rosenbrock_hessian_sparse(&x).values, &values, 1e-12, "rosenbrock sparse");
        let mut into = vec![f64::NAN; values.len()];
        rosenbrock_hessian_sparse_into(&x, &mut into, &mut workspace);
        check::assert_all_close(&into, &values, 1e-12, "rosenbrock sparse into");
    }
}

// ----- a chained stencil reading x[i - 1] and x[i + 1] ------------------------

#[differentiate]
fn chained(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n.saturating_sub(1) {
        let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
        s += 0.5 * d * d + x[i + 1].sin() * x[i - 1] + (x[i] * x[i - 1]).exp();
    }
    s
}

fn chained_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 1..x.len().saturating_sub(1) {
        let d = x[i - 1].clone() - x[i].clone() * 2.0 + x[i + 1].clone();
        s += d.clone() * d * 0.5 + x[i + 1].sin() * x[i - 1].clone() + (x[i].clone() * x[i - 1].clone()).exp();
    }
    s
}

#[test]
fn chained_stencil_matches_num_dual() {
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = dual_hessian(chained_dual, &x);
        assert_dense("chained", &chained_hessian(&x), &expected, 1e-12);
        let values = band_values(&expected, 2);
        check::assert_all_close(&chained_hessian_sparse(&x).values, &values, 1e-12, "chained sparse");
        let mut into = vec![f64::NAN; values.len()];
        chained_hessian_sparse_into(&x, &mut into, &mut workspace);
        check::assert_all_close(&into, &values, 1e-12, "chained sparse into");
    }
}

// ----- a trigonometric sum, against differences of a hand gradient ------------

#[differentiate]
fn trig_sum(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len().saturating_sub(1) {
        s += (x[i] * x[i + 1]).sin() + x[i].cos() * x[i].cos();
    }
    s
}

/// The gradient of `trig_sum`, by hand.
fn trig_sum_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 0..n.saturating_sub(1) {
        let c = (x[i] * x[i + 1]).cos();
        g[i] += c * x[i + 1] - 2.0 * x[i].cos() * x[i].sin();
        g[i + 1] += c * x[i];
    }
    g
}

/// Central differences of the hand gradient.
fn differences_of_gradient(gradient: impl Fn(&[f64]) -> Vec<f64>, x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for j in 0..n {
        let step = 1e-5 * x[j].abs().max(1.0);
        let (mut up, mut down) = (x.to_vec(), x.to_vec());
        up[j] += step;
        down[j] -= step;
        let (gu, gd) = (gradient(&up), gradient(&down));
        for i in 0..n {
            h[i][j] = (gu[i] - gd[i]) / (2.0 * step);
        }
    }
    h
}

#[test]
fn trigonometric_sum_matches_differences_of_the_hand_gradient() {
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = differences_of_gradient(trig_sum_gradient, &x);
        assert_dense("trig_sum", &trig_sum_hessian(&x), &expected, 1e-7);
        let values = band_values(&expected, 1);
        let mut into = vec![f64::NAN; values.len()];
        trig_sum_hessian_sparse_into(&x, &mut into, &mut workspace);
        check::assert_all_close(&into, &values, 1e-7, "trig_sum sparse into");
        check::assert_all_close(&trig_sum_hessian_sparse(&x).values, &into, 1e-14, "trig_sum sparse");
    }
}

// ----- linear and branching code outside the loop, scaled accumulators --------

/// The cotangent each iteration's Hessian is weighted by comes from the
/// code after the loop (a branch on the input, a scale); a whole-array sum
/// and a read outside the loop enter linearly. (An accumulator scaled in the
/// loop, `s = 0.9 * s + ..`, is taped for the reverse sweep and keeps the
/// sweeps: `scaled_in_the_loop`.)
#[differentiate]
fn weighted(x: &[f64]) -> f64 {
    let n = x.len();
    let total: f64 = x.iter().sum();
    let mut s = 0.0;
    let mut t = 0.0;
    for i in 1..n {
        s += (x[i] - x[i - 1]).powi(3);
        t -= x[i].sinh() * 0.25;
    }
    let scaled = if n > 0 && x[0] > 0.0 { 2.0 * s } else { -s };
    scaled + t / 3.0 + 3.0 * total - x[0]
}

fn weighted_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut total = D::from(0.0);
    for i in 0..n {
        total += x[i].clone();
    }
    let mut s = D::from(0.0);
    let mut t = D::from(0.0);
    for i in 1..n {
        s += (x[i].clone() - x[i - 1].clone()).powi(3);
        t -= x[i].sinh() * 0.25;
    }
    let scaled = if n > 0 && x[0].re() > 0.0 { s * 2.0 } else { -s };
    scaled + t / 3.0 + total * 3.0 - x[0].clone()
}

#[test]
fn scaled_accumulators_and_branches_after_the_loop() {
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        for sign in [1.0, -1.0] {
            let x: Vec<f64> = point(n).iter().map(|v| sign * v).collect();
            let expected = dual_hessian(weighted_dual, &x);
            assert_dense("weighted", &weighted_hessian(&x), &expected, 1e-12);
            let values = band_values(&expected, 1);
            let mut into = vec![f64::NAN; values.len()];
            weighted_hessian_sparse_into(&x, &mut into, &mut workspace);
            check::assert_all_close(&into, &values, 1e-12, "weighted sparse into");
            check::assert_all_close(&weighted_hessian_sparse(&x).values, &values, 1e-12, "weighted sparse");
        }
    }
}

/// A non-separable part outside the loop: the Hessian is dense, and so is
/// the method (no band, no element Hessians).
#[differentiate]
fn coupled(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n {
        s += (x[i] - x[i - 1]).powi(4);
    }
    s + x[0] * x[n - 1] + (x[0] + x[n / 2]).sin()
}

fn coupled_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut s = D::from(0.0);
    for i in 1..n {
        s += (x[i].clone() - x[i - 1].clone()).powi(4);
    }
    s + x[0].clone() * x[n - 1].clone() + (x[0].clone() + x[n / 2].clone()).sin()
}

#[test]
fn a_non_separable_part_outside_the_loop() {
    for n in SIZES {
        let x = point(n);
        assert_dense("coupled", &coupled_hessian(&x), &dual_hessian(coupled_dual, &x), 1e-12);
    }
}

// ----- loops the element method must leave to the sweeps ----------------------

#[differentiate]
fn pair(a: f64, b: f64) -> f64 {
    (a * b).sin() + a * a
}

/// A call in the loop body, a read in one branch only, an accumulator
/// scaled in the loop, a step: each keeps the sweep of the band's directions.
#[differentiate]
fn called(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 1..x.len() {
        s += pair(x[i - 1], x[i]);
    }
    s
}

fn called_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 1..x.len() {
        s += (x[i - 1].clone() * x[i].clone()).sin() + x[i - 1].clone() * x[i - 1].clone();
    }
    s
}

#[differentiate]
fn branch_read(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() {
        let v = if i > 0 { x[i - 1] * x[i] } else { x[i].exp() };
        s += v * v;
    }
    s
}

fn branch_read_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len() {
        let v = if i > 0 { x[i - 1].clone() * x[i].clone() } else { x[i].exp() };
        s += v.clone() * v;
    }
    s
}

#[differentiate]
fn scaled_in_the_loop(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 1..x.len() {
        s = 0.9 * s + (x[i] - x[i - 1]).powi(3);
    }
    s
}

fn scaled_in_the_loop_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 1..x.len() {
        s = s * 0.9 + (x[i].clone() - x[i - 1].clone()).powi(3);
    }
    s
}

#[differentiate]
fn stepped(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in (0..x.len().saturating_sub(1)).step_by(2) {
        s += (x[i] * x[i + 1]).cosh();
    }
    s
}

fn stepped_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in (0..x.len().saturating_sub(1)).step_by(2) {
        s += (x[i].clone() * x[i + 1].clone()).cosh();
    }
    s
}

#[test]
fn loops_left_to_the_sweeps_are_right() {
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = dual_hessian(called_dual, &x);
        assert_dense("called", &called_hessian(&x), &expected, 1e-12);
        let values = band_values(&expected, 1);
        let mut into = vec![f64::NAN; values.len()];
        called_hessian_sparse_into(&x, &mut into, &mut workspace);
        check::assert_all_close(&into, &values, 1e-12, "called sparse into");

        let expected = dual_hessian(branch_read_dual, &x);
        assert_dense("branch_read", &branch_read_hessian(&x), &expected, 1e-12);
        let values = band_values(&expected, 1);
        check::assert_all_close(&branch_read_hessian_sparse(&x).values, &values, 1e-12, "branch_read sparse");

        let expected = dual_hessian(scaled_in_the_loop_dual, &x);
        assert_dense("scaled_in_the_loop", &scaled_in_the_loop_hessian(&x), &expected, 1e-12);
        let values = band_values(&expected, 1);
        check::assert_all_close(&scaled_in_the_loop_hessian_sparse(&x).values, &values, 1e-12, "scaled sparse");

        let expected = dual_hessian(stepped_dual, &x);
        assert_dense("stepped", &stepped_hessian(&x), &expected, 1e-12);
    }
}
