//! Hessians of functions of slices whose band the macro reads from the
//! loops' index offsets (one sweep of 2b + 1 directions), and of functions
//! it must not read a band from (the dense sweeps). Every Hessian is
//! checked entry by entry against num-dual on a plain generic form of the
//! same function, and the banded ones against central differences too, so
//! a band that missed a nonzero would show up as a wrong entry. The sparse
//! output is checked against the same references, pattern and values.
//!
//! That the banded path is taken shows at compile time: `f_hessian_sparse`
//! exists only for a function whose band is known.

#![allow(clippy::needless_range_loop)]

mod common;

use matdiff::{SparseHessian, SparseHessianWorkspace, check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

const SIZES: [usize; 6] = [1, 2, 3, 4, 10, 50];

/// A point of `n` inputs with signs and sizes that make every term matter.
fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.9 * ((i as f64) * 1.7 + 0.3).sin() + 0.05 * i as f64 / (n as f64)).collect()
}

/// `f`'s Hessian at `x` by num-dual.
fn reference(f: impl Fn(DVector<Dual2DVec64>) -> Dual2DVec64, x: &[f64]) -> Vec<Vec<f64>> {
    let (_, _, h) = num_dual::hessian(f, &DVector::from_column_slice(x));
    (0..x.len()).map(|i| (0..x.len()).map(|j| h[(i, j)]).collect()).collect()
}

/// Checks `generated` against num-dual and, unless `n` is large, against
/// second differences of the plain function.
#[track_caller]
fn compare(name: &str, generated: &[Vec<f64>], expected: &[Vec<f64>], plain: impl Fn(&[f64]) -> f64 + Copy, x: &[f64]) {
    assert_eq!(generated.len(), x.len(), "{name}: rows");
    for i in 0..x.len() {
        check::assert_all_close(&generated[i], &expected[i], 1e-12, &format!("{name} (n = {}) row {i}", x.len()));
    }
    if x.len() <= 10 {
        let differences = check::hessian(plain, x);
        for i in 0..x.len() {
            check::assert_all_close(
                &generated[i],
                &differences[i],
                common::HESS_TOL,
                &format!("{name} (n = {}) row {i} against differences", x.len()),
            );
        }
    }
}

/// The sparse output: the lower triangle of the band in column order,
/// values equal to the dense reference's, every nonzero of the reference
/// stored, and `_into` writing the same values.
#[track_caller]
fn compare_sparse(
    name: &str,
    sparse: &SparseHessian<f64>,
    bandwidth: usize,
    expected: &[Vec<f64>],
    mut into: impl FnMut(&mut [f64]),
) {
    let n = expected.len();
    assert_eq!(sparse.n, n, "{name}: n");
    let mut pattern = Vec::new();
    for c in 0..n {
        for r in c..n.min(c + bandwidth + 1) {
            pattern.push((r, c));
        }
    }
    let stored: Vec<(usize, usize)> = sparse.rows.iter().copied().zip(sparse.cols.iter().copied()).collect();
    assert_eq!(stored, pattern, "{name} (n = {n}): pattern");
    let pointers = sparse.column_pointers();
    assert_eq!(pointers.len(), n + 1);
    for c in 0..n {
        assert!(sparse.cols[pointers[c]..pointers[c + 1]].iter().all(|&k| k == c), "{name}: column pointers");
    }
    let reference_values: Vec<f64> = pattern.iter().map(|&(r, c)| expected[r][c]).collect();
    check::assert_all_close(&sparse.values, &reference_values, 1e-12, &format!("{name} (n = {n}): sparse values"));
    for r in 0..n {
        for c in 0..n {
            if r.abs_diff(c) > bandwidth {
                assert!(expected[r][c] == 0.0, "{name}: the reference has a nonzero H[{r}][{c}] outside the band");
            }
        }
    }
    let mut values = vec![f64::NAN; sparse.values.len()];
    into(&mut values);
    assert_eq!(values, sparse.values, "{name}: `_into` values");
    // Again, with the workspace the first call sized.
    values.fill(f64::NAN);
    into(&mut values);
    assert_eq!(values, sparse.values, "{name}: `_into` values, workspace reused");
    check::assert_all_close(&values, &reference_values, 1e-12, &format!("{name} (n = {n}): `_into` values"));
    let dense = sparse.to_dense();
    for r in 0..n {
        check::assert_all_close(&dense[r], &expected[r], 1e-12, &format!("{name}: to_dense row {r}"));
    }
}

// ----- banded: the macro reads the band ------------------------------------

/// The extended Rosenbrock function: tridiagonal, b = 1, 3 directions.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

fn rosenbrock_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len().saturating_sub(1) {
        let r = x[i + 1].clone() - x[i].clone() * x[i].clone();
        let t = -x[i].clone() + 1.0;
        s += r.powi(2) * 100.0 + t.powi(2);
    }
    s
}

/// Squared second differences plus a quartic: b = 2, 5 directions.
#[differentiate]
fn stencil(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n.saturating_sub(1) {
        let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
        s += d * d + x[i].powi(4);
    }
    s
}

fn stencil_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 1..x.len().saturating_sub(1) {
        let d = x[i - 1].clone() - x[i].clone() * 2.0 + x[i + 1].clone();
        s += d.clone() * d + x[i].powi(4);
    }
    s
}

/// Offsets -2 and +3 in one product (b = 5), a branch and a local scalar
/// inside the loop, a reversed range.
#[differentiate]
fn wide(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in (2..n.saturating_sub(3)).rev() {
        let p = x[i - 2] * x[i + 3];
        let q = if x[i] > 0.0 { x[i].exp() * x[i + 1] } else { x[i] * x[i] };
        s += p.sin() + q - 0.5 * x[i - 1];
    }
    s
}

fn wide_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 2..x.len().saturating_sub(3) {
        let p = x[i - 2].clone() * x[i + 3].clone();
        let q = if x[i].re() > 0.0 { x[i].exp() * x[i + 1].clone() } else { x[i].clone() * x[i].clone() };
        s += p.sin() + q - x[i - 1].clone() * 0.5;
    }
    s
}

/// An inclusive range `1..=n - 2` and an accumulator scaled by a constant.
#[differentiate]
fn inclusive(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    let mut t = 0.0;
    for i in 1..=n.saturating_sub(2) {
        if i + 1 < n {
            s = 0.5 * s + x[i - 1] * x[i + 1];
            t -= x[i].cosh();
        }
    }
    s + 3.0 * t
}

fn inclusive_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut s = D::from(0.0);
    let mut t = D::from(0.0);
    for i in 1..=n.saturating_sub(2) {
        if i + 1 < n {
            s = s * 0.5 + x[i - 1].clone() * x[i + 1].clone();
            t -= x[i].cosh();
        }
    }
    s + t * 3.0
}

/// A fixed-size array and a loop over its elements: a diagonal Hessian
/// (b = 0, one direction) whose accumulator goes through a sum first.
#[differentiate]
fn elementwise(x: [f64; 6]) -> f64 {
    let mut s = 0.0;
    for &v in x.iter() {
        s += (v * v).exp();
    }
    let linear: f64 = x.iter().sum();
    s - 2.0 * linear
}

fn elementwise_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for v in x.iter() {
        s += (v.clone() * v.clone()).exp() - v.clone() * 2.0;
    }
    s
}

/// Rosenbrock of an owned `Vec`, a method with its own constant.
struct Scaled {
    weight: f64,
}

impl Scaled {
    #[differentiate]
    fn rosenbrock(&self, x: Vec<f64>) -> f64 {
        let mut s = 0.0;
        for i in 0..x.len() - 1 {
            s += self.weight * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
        }
        s
    }
}

#[test]
fn an_owned_vec_on_a_method() {
    let scaled = Scaled { weight: 100.0 };
    // One workspace for every size: each new size resizes it.
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = reference(rosenbrock_dual, &x);
        compare("Scaled::rosenbrock", &scaled.rosenbrock_hessian(x.clone()), &expected, rosenbrock, &x);
        compare_sparse("Scaled::rosenbrock", &scaled.rosenbrock_hessian_sparse(x.clone()), 1, &expected, |v| {
            scaled.rosenbrock_hessian_sparse_into(x.clone(), v, &mut workspace)
        });
    }
}

#[test]
fn rosenbrock_is_banded_and_right() {
    // One workspace for every size: each new size resizes it.
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = reference(rosenbrock_dual, &x);
        compare("rosenbrock", &rosenbrock_hessian(&x), &expected, rosenbrock, &x);
        compare_sparse("rosenbrock", &rosenbrock_hessian_sparse(&x), 1, &expected, |v| {
            rosenbrock_hessian_sparse_into(&x, v, &mut workspace)
        });
    }
}

#[test]
fn stencil_is_banded_and_right() {
    // One workspace for every size: each new size resizes it.
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = reference(stencil_dual, &x);
        compare("stencil", &stencil_hessian(&x), &expected, stencil, &x);
        compare_sparse("stencil", &stencil_hessian_sparse(&x), 2, &expected, |v| {
            stencil_hessian_sparse_into(&x, v, &mut workspace)
        });
    }
}

#[test]
fn offsets_minus_two_and_plus_three_make_a_band_of_five() {
    // One workspace for every size: each new size resizes it.
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = reference(wide_dual, &x);
        compare("wide", &wide_hessian(&x), &expected, wide, &x);
        compare_sparse("wide", &wide_hessian_sparse(&x), 5, &expected, |v| {
            wide_hessian_sparse_into(&x, v, &mut workspace)
        });
    }
}

#[test]
fn an_inclusive_range_with_a_scaled_accumulator() {
    // One workspace for every size: each new size resizes it.
    let mut workspace = SparseHessianWorkspace::default();
    for n in SIZES {
        let x = point(n);
        let expected = reference(inclusive_dual, &x);
        compare("inclusive", &inclusive_hessian(&x), &expected, inclusive, &x);
        compare_sparse("inclusive", &inclusive_hessian_sparse(&x), 2, &expected, |v| {
            inclusive_hessian_sparse_into(&x, v, &mut workspace)
        });
    }
}

#[test]
fn a_fixed_array_with_a_diagonal_hessian() {
    let mut workspace = SparseHessianWorkspace::default();
    let x: [f64; 6] = point(6).try_into().expect("six entries");
    let expected = reference(elementwise_dual, &x);
    let generated: Vec<Vec<f64>> = elementwise_hessian(x).iter().map(|row| row.to_vec()).collect();
    compare("elementwise", &generated, &expected, |x| elementwise(x.try_into().expect("six entries")), &x);
    compare_sparse("elementwise", &elementwise_hessian_sparse(x), 0, &expected, |v| {
        elementwise_hessian_sparse_into(x, v, &mut workspace)
    });
}

/// Rosenbrock's Hessian in closed form, as the lower triangle in column
/// order: `H[i][i] = 1200 x_i^2 - 400 x_{i+1} + 2` (for i < n - 1) plus
/// 200 (for i > 0), `H[i + 1][i] = -400 x_i`.
fn rosenbrock_closed_form(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut values = Vec::new();
    for i in 0..n {
        let mut diagonal = if i > 0 { 200.0 } else { 0.0 };
        if i + 1 < n {
            diagonal += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
        }
        values.push(diagonal);
        if i + 1 < n {
            values.push(-400.0 * x[i]);
        }
    }
    values
}

#[test]
fn sparse_values_into_a_workspace_match_the_closed_form() {
    let mut workspace = SparseHessianWorkspace::default();
    // Sizes up and down and back, so that the workspace is resized and
    // reused; large sizes too, where only the closed form is cheap.
    for n in [1, 2, 5, 1000, 3, 1000, 10_000] {
        let x: Vec<f64> = (0..n).map(|i| 1.3 * ((i as f64) * 0.61 + 0.2).cos()).collect();
        let expected = rosenbrock_closed_form(&x);
        let mut values = vec![f64::NAN; expected.len()];
        rosenbrock_hessian_sparse_into(&x, &mut values, &mut workspace);
        check::assert_all_close(&values, &expected, 1e-12, &format!("rosenbrock_hessian_sparse_into, n = {n}"));
        // The pattern matches the closed form's order.
        let sparse = rosenbrock_hessian_sparse(&x);
        check::assert_all_close(&sparse.values, &expected, 1e-12, &format!("rosenbrock_hessian_sparse, n = {n}"));
    }
}

#[test]
#[should_panic(expected = "wrong length")]
fn values_of_the_wrong_length_are_refused() {
    let mut values = vec![0.0; 3];
    rosenbrock_hessian_sparse_into(&point(3), &mut values, &mut SparseHessianWorkspace::default());
}

// ----- no band: the dense sweeps, still right ---------------------------------

/// The carried value enters a product with an element: every pair of
/// elements meets.
#[differentiate]
fn running_product(x: &[f64]) -> f64 {
    let mut s = 1.0;
    for i in 0..x.len() {
        s = s * x[i] + 0.1 * x[i];
    }
    s
}

fn running_product_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(1.0);
    for i in 0..x.len() {
        s = s * x[i].clone() + x[i].clone() * 0.1;
    }
    s
}

/// A scalar argument that meets every element.
#[differentiate]
fn mixed(x: &[f64], a: f64) -> f64 {
    let mut s = 0.0;
    for i in 1..x.len() {
        s += a * x[i - 1] * x[i] + x[i].powi(2);
    }
    s * a
}

/// `mixed` with `a` as the last entry.
fn mixed_dual<D: DualNum<Primitive = f64>>(z: DVector<D>) -> D {
    let n = z.len() - 1;
    let a = z[n].clone();
    let mut s = D::from(0.0);
    for i in 1..n {
        s += a.clone() * z[i - 1].clone() * z[i].clone() + z[i].powi(2);
    }
    s * a
}

/// A read at an index that is not the loop's plus a constant (the mirror
/// element), and a whole-array sum that then enters a product.
#[differentiate]
fn mirrored(x: &[f64]) -> f64 {
    let n = x.len();
    let total: f64 = x.iter().sum();
    let mut s = 0.0;
    for i in 0..n {
        s += x[i] * x[n - 1 - i];
    }
    s + total * total
}

fn mirrored_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut total = D::from(0.0);
    let mut s = D::from(0.0);
    for i in 0..n {
        total += x[i].clone();
        s += x[i].clone() * x[n - 1 - i].clone();
    }
    s + total.clone() * total
}

#[test]
fn a_carried_value_in_a_product_falls_back_to_dense() {
    for n in SIZES {
        let x = point(n);
        let expected = reference(running_product_dual, &x);
        compare("running_product", &running_product_hessian(&x), &expected, running_product, &x);
    }
}

#[test]
fn a_scalar_argument_beside_the_slice_falls_back_to_dense() {
    for n in SIZES {
        let x = point(n);
        let a = -0.7;
        let mut z = x.clone();
        z.push(a);
        let expected = reference(mixed_dual, &z);
        let generated = mixed_hessian(&x, a);
        let plain = |z: &[f64]| mixed(&z[..z.len() - 1], z[z.len() - 1]);
        compare("mixed", &generated, &expected, plain, &z);
    }
}

#[test]
fn mirrored_reads_and_whole_array_sums_fall_back_to_dense() {
    for n in SIZES {
        let x = point(n);
        let expected = reference(mirrored_dual, &x);
        compare("mirrored", &mirrored_hessian(&x), &expected, mirrored, &x);
    }
}
