//! Hessians of all-scalar functions whose Hessian is sparse: the generated
//! sweep seeds inputs whose columns share no row in one direction. Each is
//! checked entry by entry against second differences and num-dual, so a
//! colouring that mixed two columns, or a pattern that missed a nonzero,
//! would show up as a wrong entry.

// Ten scalar inputs is the point of the test.
#![allow(clippy::too_many_arguments)]

mod common;

use matdiff::{check, differentiate};
use nalgebra::DVector;
use num_dual::DualNum;

/// Chained Rosenbrock in ten variables: a tridiagonal Hessian.
#[differentiate]
fn chained(x0: f64, x1: f64, x2: f64, x3: f64, x4: f64, x5: f64, x6: f64, x7: f64, x8: f64, x9: f64) -> f64 {
    let mut s = 0.0;
    s += 100.0 * (x1 - x0 * x0).powi(2) + (1.0 - x0).powi(2);
    s += 100.0 * (x2 - x1 * x1).powi(2) + (1.0 - x1).powi(2);
    s += 100.0 * (x3 - x2 * x2).powi(2) + (1.0 - x2).powi(2);
    s += 100.0 * (x4 - x3 * x3).powi(2) + (1.0 - x3).powi(2);
    s += 100.0 * (x5 - x4 * x4).powi(2) + (1.0 - x4).powi(2);
    s += 100.0 * (x6 - x5 * x5).powi(2) + (1.0 - x5).powi(2);
    s += 100.0 * (x7 - x6 * x6).powi(2) + (1.0 - x6).powi(2);
    s += 100.0 * (x8 - x7 * x7).powi(2) + (1.0 - x7).powi(2);
    s += 100.0 * (x9 - x8 * x8).powi(2) + (1.0 - x8).powi(2);
    s
}

fn chained_generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len() - 1 {
        let r = x[i + 1].clone() - x[i].clone() * x[i].clone();
        let t = -x[i].clone() + 1.0;
        s += r.powi(2) * 100.0 + t.powi(2);
    }
    s
}

/// An arrow: x0 meets every other input, the others meet only themselves;
/// a branch and a call on the way.
#[differentiate]
fn helper(a: f64, b: f64) -> f64 {
    a * b.sin()
}

#[differentiate]
fn arrow(x0: f64, x1: f64, x2: f64, x3: f64, x4: f64) -> f64 {
    let hub = if x0 > 0.0 { x0.exp() } else { x0 * x0 + 1.0 };
    hub * (x1 + x2 + x3) + x4.cosh() + helper(x1, x1) - 3.0 * x2
}

fn arrow_generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let x = |i: usize| x[i].clone();
    let hub = if x(0).re() > 0.0 { x(0).exp() } else { x(0) * x(0) + 1.0 };
    hub * (x(1) + x(2) + x(3)) + x(4).cosh() + x(1) * x(1).sin() - x(2) * 3.0
}

/// Two independent blocks and an input that enters only linearly.
#[differentiate]
fn blocks(a: f64, b: f64, c: f64, d: f64, e: f64) -> f64 {
    (a + b).powi(3) + (c * d).sin() + 2.0 * e
}

fn blocks_generic<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let x = |i: usize| x[i].clone();
    (x(0) + x(1)).powi(3) + (x(2) * x(3)).sin() + x(4) * 2.0
}

/// The plain function at a point given as a slice.
fn plain(f: fn(DVector<f64>) -> f64) -> impl Fn(&[f64]) -> f64 + Copy {
    move |x| f(DVector::from_column_slice(x))
}

fn compare<const N: usize>(
    name: &str,
    generated: [[f64; N]; N],
    point: [f64; N],
    plain: impl Fn(&[f64]) -> f64 + Copy,
    reference: impl Fn(DVector<num_dual::Dual2DVec64>) -> num_dual::Dual2DVec64,
) {
    let (_, _, expected) = num_dual::hessian(reference, &DVector::from_column_slice(&point));
    let differences = check::hessian(plain, &point);
    for i in 0..N {
        let row: Vec<f64> = (0..N).map(|j| expected[(i, j)]).collect();
        check::assert_all_close(&generated[i], &row, 1e-13, &format!("{name} row {i} against num-dual"));
        check::assert_all_close(
            &generated[i],
            &differences[i],
            common::HESS_TOL,
            &format!("{name} row {i} against differences"),
        );
    }
}

#[test]
fn tridiagonal_hessian_of_chained_rosenbrock() {
    for point in [[0.3, -1.2, 0.8, 1.5, -0.4, 2.0, 0.1, -0.9, 1.1, 0.6], [1.0; 10]] {
        let [a, b, c, d, e, f, g, h, i, j] = point;
        let generated = chained_hessian(a, b, c, d, e, f, g, h, i, j);
        compare("chained", generated, point, plain(chained_generic), chained_generic);
        for (r, row) in generated.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if r.abs_diff(c) > 1 {
                    assert_eq!(*value, 0.0, "H[{r}][{c}] is outside the band");
                }
            }
        }
    }
}

#[test]
fn arrow_hessian_through_a_branch_and_a_call() {
    for point in [[0.4, -0.3, 1.2, 0.7, -0.5], [-0.8, 2.0, -1.0, 0.3, 1.5]] {
        let [a, b, c, d, e] = point;
        compare("arrow", arrow_hessian(a, b, c, d, e), point, plain(arrow_generic), arrow_generic);
    }
}

#[test]
fn block_hessian_with_a_linear_input() {
    let point = [0.4, -0.3, 1.2, 0.7, -0.5];
    let [a, b, c, d, e] = point;
    let generated = blocks_hessian(a, b, c, d, e);
    compare("blocks", generated, point, plain(blocks_generic), blocks_generic);
    assert_eq!(generated[4], [0.0; 5]);
}
