//! nalgebra functions: the generated gradients and Hessians against the
//! hand-written closed forms of seed 003 and against num-dual, measured in
//! the same run. Run with `cargo bench --bench matrix`;
//! `scripts/bench-report` prints the ratio tables.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use matdiff::differentiate;
use nalgebra::{DMatrix, DVector};
use num_dual::DualNum;

// ----- x'Ax -------------------------------------------------------------------

#[differentiate(wrt(x))]
fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

/// (A + A')x without forming A + A'.
fn quadratic_hand_grad(x: &DVector<f64>, a: &DMatrix<f64>) -> DVector<f64> {
    a * x + a.tr_mul(x)
}

fn quadratic_hand_hessian(a: &DMatrix<f64>) -> DMatrix<f64> {
    a + a.transpose()
}

fn quadratic_dual<D: DualNum<Primitive = f64>>(x: DVector<D>, a: &DMatrix<f64>) -> D {
    let n = x.len();
    let mut s = D::from(0.0);
    for i in 0..n {
        let mut row = D::from(0.0);
        for j in 0..n {
            row += x[j].clone() * a[(i, j)];
        }
        s += x[i].clone() * row;
    }
    s
}

// ----- ||X - UV||_F^2 with respect to V ------------------------------------------

#[differentiate(wrt(v), no_hessian)]
fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

fn factorisation_hand_grad(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> DMatrix<f64> {
    u.tr_mul(&(x - u * v)) * -2.0
}

// ----- logistic regression -------------------------------------------------------

#[differentiate(wrt(w))]
fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn logistic_hand_grad(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> DVector<f64> {
    let p = (x * w).map(sigmoid);
    x.tr_mul(&(p - y))
}

fn logistic_hand_hessian(w: &DVector<f64>, x: &DMatrix<f64>) -> DMatrix<f64> {
    let p = (x * w).map(sigmoid);
    let mut weighted = x.clone();
    for (mut row, p) in weighted.row_iter_mut().zip(p.iter()) {
        row *= p * (1.0 - p);
    }
    x.tr_mul(&weighted)
}

fn logistic_dual<D: DualNum<Primitive = f64>>(w: DVector<D>, x: &DMatrix<f64>, y: &DVector<f64>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.nrows() {
        let mut z = D::from(0.0);
        for j in 0..x.ncols() {
            z += w[j].clone() * x[(i, j)];
        }
        s += (z.clone().exp() + 1.0).ln() - z * y[i];
    }
    s
}

// ----- data ------------------------------------------------------------------------

fn matrix(r: usize, c: usize, seed: f64) -> DMatrix<f64> {
    DMatrix::from_fn(r, c, |i, j| ((i * 7 + j * 13) as f64 * 0.37 + seed).sin())
}

fn vector(n: usize, seed: f64) -> DVector<f64> {
    DVector::from_fn(n, |i, _| ((i * 11) as f64 * 0.29 + seed).cos())
}

/// The baselines must be right, or the ratios mean nothing.
fn check_baselines() {
    let (x, a) = (vector(7, 0.1), matrix(7, 7, 0.2));
    assert!((quadratic_grad(&x, &a) - quadratic_hand_grad(&x, &a)).norm() < 1e-12);
    assert!((quadratic_hessian(&x, &a) - quadratic_hand_hessian(&a)).norm() < 1e-12);
    let (xm, u, v) = (matrix(9, 8, 0.3), matrix(9, 3, 0.4), matrix(3, 8, 0.5));
    assert!((factorisation_grad(&xm, &u, &v) - factorisation_hand_grad(&xm, &u, &v)).norm() < 1e-10);
    let (w, data) = (vector(4, 0.6), matrix(30, 4, 0.7));
    let labels = DVector::from_fn(30, |i, _| (i % 2) as f64);
    assert!((logistic_grad(&w, &data, &labels) - logistic_hand_grad(&w, &data, &labels)).norm() < 1e-10);
    assert!((logistic_hessian(&w, &data, &labels) - logistic_hand_hessian(&w, &data)).norm() < 1e-10);
}

fn quadratic_benches(c: &mut Criterion) {
    for n in [10, 100, 1000] {
        let (x, a) = (vector(n, 0.1), matrix(n, n, 0.2));
        let mut group = c.benchmark_group(format!("quadratic_{n}"));
        group.sample_size(20).measurement_time(Duration::from_secs(3));
        group.bench_function("value/plain", |b| b.iter(|| quadratic(black_box(&x), black_box(&a))));
        group.bench_function("grad/generated", |b| b.iter(|| quadratic_grad(black_box(&x), black_box(&a))));
        group.bench_function("grad/hand", |b| b.iter(|| quadratic_hand_grad(black_box(&x), black_box(&a))));
        if n <= 100 {
            group.bench_function("grad/num_dual", |b| {
                b.iter(|| num_dual::gradient(|x| quadratic_dual(x, &a), black_box(&x)))
            });
        }
        if n == 100 {
            group.bench_function("hessian/generated", |b| b.iter(|| quadratic_hessian(black_box(&x), black_box(&a))));
            group.bench_function("hessian/hand", |b| b.iter(|| quadratic_hand_hessian(black_box(&a))));
        }
        if n == 100 {
            group.bench_function("hessian/num_dual", |b| {
                b.iter(|| num_dual::hessian(|x| quadratic_dual(x, &a), black_box(&x)))
            });
        }
        group.finish();
    }
    let n = 500;
    let (x, a) = (vector(n, 0.1), matrix(n, n, 0.2));
    let mut group = c.benchmark_group(format!("quadratic_{n}"));
    group.sample_size(10).measurement_time(Duration::from_secs(3));
    group.bench_function("hessian/generated", |b| b.iter(|| quadratic_hessian(black_box(&x), black_box(&a))));
    group.bench_function("hessian/hand", |b| b.iter(|| quadratic_hand_hessian(black_box(&a))));
    group.finish();
}

fn factorisation_benches(c: &mut Criterion) {
    let (m, n, rank) = (500, 500, 20);
    let (x, u, v) = (matrix(m, n, 0.3), matrix(m, rank, 0.4), matrix(rank, n, 0.5));
    let mut group = c.benchmark_group("factorisation_500x500_rank20");
    group.sample_size(20).measurement_time(Duration::from_secs(3));
    group.bench_function("grad/generated", |b| b.iter(|| factorisation_grad(black_box(&x), black_box(&u), &v)));
    group.bench_function("grad/hand", |b| b.iter(|| factorisation_hand_grad(black_box(&x), black_box(&u), &v)));
    group.finish();
}

fn logistic_benches(c: &mut Criterion) {
    let (m, n) = (10000, 50);
    let (w, x) = (vector(n, 0.6) * 0.1, matrix(m, n, 0.7));
    let y = DVector::from_fn(m, |i, _| (i % 3 == 0) as u8 as f64);
    let mut group = c.benchmark_group("logistic_10000x50");
    group.sample_size(10).measurement_time(Duration::from_secs(3));
    group.bench_function("grad/generated", |b| b.iter(|| logistic_grad(black_box(&w), &x, &y)));
    group.bench_function("grad/hand", |b| b.iter(|| logistic_hand_grad(black_box(&w), &x, &y)));
    group.bench_function("grad/num_dual", |b| {
        b.iter(|| num_dual::gradient(|w| logistic_dual(w, &x, &y), black_box(&w)))
    });
    group.bench_function("hessian/generated", |b| b.iter(|| logistic_hessian(black_box(&w), &x, &y)));
    group.bench_function("hessian/hand", |b| b.iter(|| logistic_hand_hessian(black_box(&w), &x)));
    group.finish();
}

fn all(c: &mut Criterion) {
    check_baselines();
    quadratic_benches(c);
    factorisation_benches(c);
    logistic_benches(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
