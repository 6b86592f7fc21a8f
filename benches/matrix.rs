//! nalgebra functions: the generated gradients and Hessians against two
//! hand-written baselines measured in the same run, and num-dual where it is
//! cheap enough to run:
//!
//! - `hand_best`: what a performance engineer writes. Products with a
//!   transposed factor go through nalgebra's `gemm`/`gemv` on a transposed
//!   view (strides swapped, no copy), which reach matrixmultiply's packed
//!   kernels; scalings and negations are folded into the products' factors;
//!   elementwise maps are fused into one loop; every result and temporary
//!   lives in a buffer allocated once, outside the timed loop.
//! - `hand_typed`: the closed form written with nalgebra's operators as
//!   users type it (`a.transpose() * b`, `x.tr_mul(&r)`, fresh results).
//!
//! `generated` is the allocating function (`f_grad`, `f_hessian`) and
//! `generated_into` its `_into` form, writing into outputs allocated once and
//! taking its temporaries from a kept `MatrixWorkspace`, as `hand_best` does.
//!
//! Run with `cargo bench --bench matrix`; `scripts/bench-report` prints the
//! ratio tables.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime};
use matdiff::{MatrixWorkspace, differentiate};
use nalgebra::{DMatrix, DMatrixView, DVector, Dyn};
use num_dual::DualNum;

/// `a'` as a view of `a`'s storage with the strides swapped: no copy, and
/// `gemm` hands the strides to the packed kernel.
fn tr(a: &DMatrix<f64>) -> DMatrixView<'_, f64, Dyn, Dyn> {
    DMatrixView::from_slice_with_strides(a.as_slice(), a.ncols(), a.nrows(), a.nrows(), 1)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

// ----- x'Ax -------------------------------------------------------------------

#[differentiate(wrt(x))]
fn quadratic(x: &DVector<f64>, a: &DMatrix<f64>) -> f64 {
    x.dot(&(a * x))
}

/// (A + A')x without forming A + A': two matrix-vector products into one
/// buffer.
fn quadratic_best_grad(x: &DVector<f64>, a: &DMatrix<f64>, g: &mut DVector<f64>) {
    g.gemv(1.0, a, x, 0.0);
    g.gemv_tr(1.0, a, x, 1.0);
}

fn quadratic_typed_grad(x: &DVector<f64>, a: &DMatrix<f64>) -> DVector<f64> {
    a * x + a.transpose() * x
}

/// A + A' in one pass over pairs of 32 x 32 tiles: each sum a_ij + a_ji is
/// computed once and written to both places, and both tiles stay in cache.
fn quadratic_best_hessian(a: &DMatrix<f64>, h: &mut DMatrix<f64>) {
    const TILE: usize = 32;
    let n = a.nrows();
    assert!(a.ncols() == n && h.shape() == (n, n));
    let (src, dst) = (a.as_slice(), h.as_mut_slice());
    for jb in (0..n).step_by(TILE) {
        for ib in (jb..n).step_by(TILE) {
            for j in jb..(jb + TILE).min(n) {
                for i in ib.max(j)..(ib + TILE).min(n) {
                    // SAFETY: i, j < n and both storages hold n * n elements.
                    unsafe {
                        let s = *src.get_unchecked(i + j * n) + *src.get_unchecked(j + i * n);
                        *dst.get_unchecked_mut(i + j * n) = s;
                        *dst.get_unchecked_mut(j + i * n) = s;
                    }
                }
            }
        }
    }
}

fn quadratic_typed_hessian(a: &DMatrix<f64>) -> DMatrix<f64> {
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

// ----- ||X - UV||_F^2 in U and in V ------------------------------------------------

#[differentiate(wrt(v), no_hessian)]
fn factorisation(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

#[differentiate(wrt(u), no_hessian)]
fn factorisation_u(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

/// The residual R = UV - X by one GEMM into a buffer holding X (the sign
/// flipped so that no negation pass is needed).
fn residual_into(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>, r: &mut DMatrix<f64>) {
    r.copy_from(x);
    r.gemm(1.0, u, v, -1.0);
}

/// dV = 2 U'(UV - X).
fn factorisation_best_grad_v(
    x: &DMatrix<f64>,
    u: &DMatrix<f64>,
    v: &DMatrix<f64>,
    r: &mut DMatrix<f64>,
    g: &mut DMatrix<f64>,
) {
    residual_into(x, u, v, r);
    g.gemm(2.0, &tr(u), r, 0.0);
}

/// dU = 2 (UV - X) V'.
fn factorisation_best_grad_u(
    x: &DMatrix<f64>,
    u: &DMatrix<f64>,
    v: &DMatrix<f64>,
    r: &mut DMatrix<f64>,
    g: &mut DMatrix<f64>,
) {
    residual_into(x, u, v, r);
    g.gemm(2.0, r, &tr(v), 0.0);
}

fn factorisation_typed_grad_v(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> DMatrix<f64> {
    u.tr_mul(&(x - u * v)) * -2.0
}

fn factorisation_typed_grad_u(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> DMatrix<f64> {
    (x - u * v) * v.transpose() * -2.0
}

// ----- logistic regression -------------------------------------------------------

#[differentiate(wrt(w))]
fn logistic(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

/// X'(sigmoid(Xw) - y): the residual fused into the buffer of Xw.
fn logistic_best_grad(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    y: &DVector<f64>,
    z: &mut DVector<f64>,
    g: &mut DVector<f64>,
) {
    z.gemv(1.0, x, w, 0.0);
    for (z, y) in z.iter_mut().zip(y.iter()) {
        *z = sigmoid(*z) - y;
    }
    g.gemv_tr(1.0, x, z, 0.0);
}

/// X' diag(p(1 - p)) X: the rows of X scaled into a buffer, then one GEMM
/// with X' as a view.
fn logistic_best_hessian(
    w: &DVector<f64>,
    x: &DMatrix<f64>,
    z: &mut DVector<f64>,
    weighted: &mut DMatrix<f64>,
    h: &mut DMatrix<f64>,
) {
    z.gemv(1.0, x, w, 0.0);
    for z in z.iter_mut() {
        let p = sigmoid(*z);
        *z = p * (1.0 - p);
    }
    let m = x.nrows();
    for (dst, src) in weighted.as_mut_slice().chunks_exact_mut(m).zip(x.as_slice().chunks_exact(m)) {
        for ((d, s), s2) in dst.iter_mut().zip(src).zip(z.iter()) {
            *d = s * s2;
        }
    }
    h.gemm(1.0, &tr(x), weighted, 0.0);
}

fn logistic_typed_grad(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> DVector<f64> {
    let p = (x * w).map(sigmoid);
    x.transpose() * (p - y)
}

fn logistic_typed_hessian(w: &DVector<f64>, x: &DMatrix<f64>) -> DMatrix<f64> {
    let p = (x * w).map(sigmoid);
    let mut weighted = x.clone();
    for (mut row, p) in weighted.row_iter_mut().zip(p.iter()) {
        row *= p * (1.0 - p);
    }
    x.transpose() * weighted
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

// ----- least squares ||Ax - b||^2 ----------------------------------------------------

#[differentiate(wrt(x))]
fn least_squares(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}

/// 2 A'(Ax - b).
fn least_squares_best_grad(
    x: &DVector<f64>,
    a: &DMatrix<f64>,
    b: &DVector<f64>,
    r: &mut DVector<f64>,
    g: &mut DVector<f64>,
) {
    r.copy_from(b);
    r.gemv(1.0, a, x, -1.0);
    g.gemv_tr(2.0, a, r, 0.0);
}

/// 2 A'A by one GEMM with A' as a view.
fn least_squares_best_hessian(a: &DMatrix<f64>, h: &mut DMatrix<f64>) {
    h.gemm(2.0, &tr(a), a, 0.0);
}

fn least_squares_typed_grad(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> DVector<f64> {
    a.transpose() * (a * x - b) * 2.0
}

fn least_squares_typed_hessian(a: &DMatrix<f64>) -> DMatrix<f64> {
    a.transpose() * a * 2.0
}

// ----- two-layer tanh network ---------------------------------------------------------

#[differentiate(wrt(w1, w2), no_hessian)]
fn network(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>, y: &DMatrix<f64>) -> f64 {
    let hidden = (w1 * x).map(f64::tanh);
    (w2 * hidden - y).norm_squared()
}

/// Buffers of the network's backward pass.
struct NetworkBuffers {
    hidden: DMatrix<f64>,
    out: DMatrix<f64>,
    delta: DMatrix<f64>,
    g1: DMatrix<f64>,
    g2: DMatrix<f64>,
}

/// The textbook backward pass: H = tanh(W1 X), R = W2 H - Y, dW2 = 2 R H',
/// dW1 = (2 W2'R .* (1 - H^2)) X', every transpose a view.
fn network_best_grad(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>, y: &DMatrix<f64>, b: &mut NetworkBuffers) {
    b.hidden.gemm(1.0, w1, x, 0.0);
    b.hidden.apply(|v| *v = v.tanh());
    b.out.copy_from(y);
    b.out.gemm(1.0, w2, &b.hidden, -1.0);
    b.g2.gemm(2.0, &b.out, &tr(&b.hidden), 0.0);
    b.delta.gemm(2.0, &tr(w2), &b.out, 0.0);
    for (d, h) in b.delta.iter_mut().zip(b.hidden.iter()) {
        *d *= 1.0 - h * h;
    }
    b.g1.gemm(1.0, &b.delta, &tr(x), 0.0);
}

fn network_typed_grad(
    w1: &DMatrix<f64>,
    w2: &DMatrix<f64>,
    x: &DMatrix<f64>,
    y: &DMatrix<f64>,
) -> (DMatrix<f64>, DMatrix<f64>) {
    let h = (w1 * x).map(f64::tanh);
    let r = (w2 * &h - y) * 2.0;
    let delta = (w2.transpose() * &r).component_mul(&h.map(|v| 1.0 - v * v));
    (delta * x.transpose(), r * h.transpose())
}

// ----- data ------------------------------------------------------------------------

fn matrix(r: usize, c: usize, seed: f64) -> DMatrix<f64> {
    DMatrix::from_fn(r, c, |i, j| ((i * 7 + j * 13) as f64 * 0.37 + seed).sin())
}

fn vector(n: usize, seed: f64) -> DVector<f64> {
    DVector::from_fn(n, |i, _| ((i * 11) as f64 * 0.29 + seed).cos())
}

fn close(a: &DMatrix<f64>, b: &DMatrix<f64>) -> bool {
    (a - b).norm() <= 1e-10 * (1.0 + b.norm())
}

fn close_v(a: &DVector<f64>, b: &DVector<f64>) -> bool {
    (a - b).norm() <= 1e-10 * (1.0 + b.norm())
}

/// The baselines must be right, or the ratios mean nothing: each against the
/// operator form and the generated code, at sizes past matrixmultiply's
/// threshold.
fn check_baselines() {
    let (x, a) = (vector(37, 0.1), matrix(37, 37, 0.2));
    let mut g = DVector::zeros(37);
    quadratic_best_grad(&x, &a, &mut g);
    assert!(close_v(&g, &quadratic_typed_grad(&x, &a)) && close_v(&g, &quadratic_grad(&x, &a)));
    let mut h = DMatrix::zeros(37, 37);
    quadratic_best_hessian(&a, &mut h);
    assert!(close(&h, &quadratic_typed_hessian(&a)) && close(&h, &quadratic_hessian(&x, &a)));
    // The `_into` forms, with one workspace for all of them.
    let mut workspace = MatrixWorkspace::new();
    let (mut g_into, mut h_into) = (DVector::zeros(37), DMatrix::zeros(37, 37));
    quadratic_grad_into(&x, &a, &mut g_into, &mut workspace);
    quadratic_hessian_into(&x, &a, &mut h_into, &mut workspace);
    assert!(close_v(&g_into, &g) && close(&h_into, &h));

    let (xm, u, v) = (matrix(19, 18, 0.3), matrix(19, 7, 0.4), matrix(7, 18, 0.5));
    let mut r = DMatrix::zeros(19, 18);
    let (mut gv, mut gu) = (DMatrix::zeros(7, 18), DMatrix::zeros(19, 7));
    factorisation_best_grad_v(&xm, &u, &v, &mut r, &mut gv);
    factorisation_best_grad_u(&xm, &u, &v, &mut r, &mut gu);
    assert!(close(&gv, &factorisation_typed_grad_v(&xm, &u, &v)) && close(&gv, &factorisation_grad(&xm, &u, &v)));
    assert!(close(&gu, &factorisation_typed_grad_u(&xm, &u, &v)) && close(&gu, &factorisation_u_grad(&xm, &u, &v)));
    let (mut gv_into, mut gu_into) = (DMatrix::zeros(7, 18), DMatrix::zeros(19, 7));
    factorisation_grad_into(&xm, &u, &v, &mut gv_into, &mut workspace);
    factorisation_u_grad_into(&xm, &u, &v, &mut gu_into, &mut workspace);
    assert!(close(&gv_into, &gv) && close(&gu_into, &gu));

    let (w, data) = (vector(8, 0.6), matrix(30, 8, 0.7));
    let labels = DVector::from_fn(30, |i, _| (i % 2) as f64);
    let (mut z, mut g, mut weighted, mut h) =
        (DVector::zeros(30), DVector::zeros(8), DMatrix::zeros(30, 8), DMatrix::zeros(8, 8));
    logistic_best_grad(&w, &data, &labels, &mut z, &mut g);
    assert!(close_v(&g, &logistic_typed_grad(&w, &data, &labels)) && close_v(&g, &logistic_grad(&w, &data, &labels)));
    logistic_best_hessian(&w, &data, &mut z, &mut weighted, &mut h);
    assert!(close(&h, &logistic_typed_hessian(&w, &data)) && close(&h, &logistic_hessian(&w, &data, &labels)));
    let (mut g_into, mut h_into) = (DVector::zeros(8), DMatrix::zeros(8, 8));
    logistic_grad_into(&w, &data, &labels, &mut g_into, &mut workspace);
    logistic_hessian_into(&w, &data, &labels, &mut h_into, &mut workspace);
    assert!(close_v(&g_into, &g) && close(&h_into, &h));

    let (x, a, b) = (vector(9, 0.1), matrix(30, 9, 0.2), vector(30, 0.3));
    let (mut r, mut g, mut h) = (DVector::zeros(30), DVector::zeros(9), DMatrix::zeros(9, 9));
    least_squares_best_grad(&x, &a, &b, &mut r, &mut g);
    assert!(close_v(&g, &least_squares_typed_grad(&x, &a, &b)) && close_v(&g, &least_squares_grad(&x, &a, &b)));
    least_squares_best_hessian(&a, &mut h);
    assert!(close(&h, &least_squares_typed_hessian(&a)) && close(&h, &least_squares_hessian(&x, &a, &b)));
    let (mut g_into, mut h_into) = (DVector::zeros(9), DMatrix::zeros(9, 9));
    least_squares_grad_into(&x, &a, &b, &mut g_into, &mut workspace);
    least_squares_hessian_into(&x, &a, &b, &mut h_into, &mut workspace);
    assert!(close_v(&g_into, &g) && close(&h_into, &h));

    let (w1, w2, x, y) = (matrix(9, 8, 0.1), matrix(7, 9, 0.2), matrix(8, 11, 0.3), matrix(7, 11, 0.4));
    let mut buffers = network_buffers(&w1, &w2, &x);
    network_best_grad(&w1, &w2, &x, &y, &mut buffers);
    let (t1, t2) = network_typed_grad(&w1, &w2, &x, &y);
    let (g1, g2) = network_grad(&w1, &w2, &x, &y);
    assert!(close(&buffers.g1, &t1) && close(&buffers.g2, &t2) && close(&g1, &t1) && close(&g2, &t2));
    let (mut g1_into, mut g2_into) = (DMatrix::zeros(9, 8), DMatrix::zeros(7, 9));
    network_grad_into(&w1, &w2, &x, &y, &mut g1_into, &mut g2_into, &mut workspace);
    assert!(close(&g1_into, &t1) && close(&g2_into, &t2));
}

fn network_buffers(w1: &DMatrix<f64>, w2: &DMatrix<f64>, x: &DMatrix<f64>) -> NetworkBuffers {
    let (hidden, batch) = (w1.nrows(), x.ncols());
    NetworkBuffers {
        hidden: DMatrix::zeros(hidden, batch),
        out: DMatrix::zeros(w2.nrows(), batch),
        delta: DMatrix::zeros(hidden, batch),
        g1: DMatrix::zeros(w1.nrows(), w1.ncols()),
        g2: DMatrix::zeros(w2.nrows(), w2.ncols()),
    }
}

fn group<'a>(c: &'a mut Criterion, name: &str, samples: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(samples).measurement_time(Duration::from_secs(3));
    group
}

fn quadratic_benches(c: &mut Criterion) {
    for n in [10, 100, 1000] {
        let (x, a) = (vector(n, 0.1), matrix(n, n, 0.2));
        let mut g = DVector::zeros(n);
        let mut group = group(c, &format!("quadratic_{n}"), 20);
        group.bench_function("value/plain", |b| b.iter(|| quadratic(black_box(&x), black_box(&a))));
        group.bench_function("grad/generated", |b| b.iter(|| quadratic_grad(black_box(&x), black_box(&a))));
        let (mut out, mut workspace) = (DVector::zeros(n), MatrixWorkspace::new());
        group.bench_function("grad/generated_into", |b| {
            b.iter(|| quadratic_grad_into(black_box(&x), black_box(&a), &mut out, &mut workspace))
        });
        group
            .bench_function("grad/hand_best", |b| b.iter(|| quadratic_best_grad(black_box(&x), black_box(&a), &mut g)));
        group.bench_function("grad/hand_typed", |b| b.iter(|| quadratic_typed_grad(black_box(&x), black_box(&a))));
        if n <= 100 {
            group.bench_function("grad/num_dual", |b| {
                b.iter(|| num_dual::gradient(|x| quadratic_dual(x, &a), black_box(&x)))
            });
        }
        group.finish();
    }
    for n in [100, 500] {
        let (x, a) = (vector(n, 0.1), matrix(n, n, 0.2));
        let mut h = DMatrix::zeros(n, n);
        let mut group = group(c, &format!("quadratic_hessian_{n}"), 20);
        group.bench_function("hessian/generated", |b| b.iter(|| quadratic_hessian(black_box(&x), black_box(&a))));
        let (mut out, mut workspace) = (DMatrix::zeros(n, n), MatrixWorkspace::new());
        group.bench_function("hessian/generated_into", |b| {
            b.iter(|| quadratic_hessian_into(black_box(&x), black_box(&a), &mut out, &mut workspace))
        });
        group.bench_function("hessian/hand_best", |b| b.iter(|| quadratic_best_hessian(black_box(&a), &mut h)));
        group.bench_function("hessian/hand_typed", |b| b.iter(|| quadratic_typed_hessian(black_box(&a))));
        if n == 100 {
            group.bench_function("hessian/num_dual", |b| {
                b.iter(|| num_dual::hessian(|x| quadratic_dual(x, &a), black_box(&x)))
            });
        }
        group.finish();
    }
}

fn factorisation_benches(c: &mut Criterion) {
    let (m, n, rank) = (500, 500, 20);
    let (x, u, v) = (matrix(m, n, 0.3), matrix(m, rank, 0.4), matrix(rank, n, 0.5));
    let mut r = DMatrix::zeros(m, n);
    let (mut gv, mut gu) = (DMatrix::zeros(rank, n), DMatrix::zeros(m, rank));
    let mut group = group(c, "factorisation_500x500_rank20", 20);
    group.bench_function("grad_v/generated", |b| b.iter(|| factorisation_grad(black_box(&x), black_box(&u), &v)));
    let mut workspace = MatrixWorkspace::new();
    let (mut out_v, mut out_u) = (DMatrix::zeros(rank, n), DMatrix::zeros(m, rank));
    group.bench_function("grad_v/generated_into", |b| {
        b.iter(|| factorisation_grad_into(black_box(&x), black_box(&u), &v, &mut out_v, &mut workspace))
    });
    group.bench_function("grad_v/hand_best", |b| {
        b.iter(|| factorisation_best_grad_v(black_box(&x), black_box(&u), &v, &mut r, &mut gv))
    });
    group.bench_function("grad_v/hand_typed", |b| {
        b.iter(|| factorisation_typed_grad_v(black_box(&x), black_box(&u), &v))
    });
    group.bench_function("grad_u/generated", |b| b.iter(|| factorisation_u_grad(black_box(&x), black_box(&u), &v)));
    group.bench_function("grad_u/generated_into", |b| {
        b.iter(|| factorisation_u_grad_into(black_box(&x), black_box(&u), &v, &mut out_u, &mut workspace))
    });
    group.bench_function("grad_u/hand_best", |b| {
        b.iter(|| factorisation_best_grad_u(black_box(&x), black_box(&u), &v, &mut r, &mut gu))
    });
    group.bench_function("grad_u/hand_typed", |b| {
        b.iter(|| factorisation_typed_grad_u(black_box(&x), black_box(&u), &v))
    });
    group.finish();
}

fn logistic_benches(c: &mut Criterion) {
    let (m, n) = (10000, 50);
    let (w, x) = (vector(n, 0.6) * 0.1, matrix(m, n, 0.7));
    let y = DVector::from_fn(m, |i, _| (i % 3 == 0) as u8 as f64);
    let (mut z, mut g, mut weighted, mut h) =
        (DVector::zeros(m), DVector::zeros(n), DMatrix::zeros(m, n), DMatrix::zeros(n, n));
    let mut group = group(c, "logistic_10000x50", 10);
    group.bench_function("grad/generated", |b| b.iter(|| logistic_grad(black_box(&w), &x, &y)));
    let (mut out_g, mut out_h, mut workspace) = (DVector::zeros(n), DMatrix::zeros(n, n), MatrixWorkspace::new());
    group.bench_function("grad/generated_into", |b| {
        b.iter(|| logistic_grad_into(black_box(&w), &x, &y, &mut out_g, &mut workspace))
    });
    group.bench_function("grad/hand_best", |b| b.iter(|| logistic_best_grad(black_box(&w), &x, &y, &mut z, &mut g)));
    group.bench_function("grad/hand_typed", |b| b.iter(|| logistic_typed_grad(black_box(&w), &x, &y)));
    group.bench_function("grad/num_dual", |b| {
        b.iter(|| num_dual::gradient(|w| logistic_dual(w, &x, &y), black_box(&w)))
    });
    group.bench_function("hessian/generated", |b| b.iter(|| logistic_hessian(black_box(&w), &x, &y)));
    group.bench_function("hessian/generated_into", |b| {
        b.iter(|| logistic_hessian_into(black_box(&w), &x, &y, &mut out_h, &mut workspace))
    });
    group.bench_function("hessian/hand_best", |b| {
        b.iter(|| logistic_best_hessian(black_box(&w), &x, &mut z, &mut weighted, &mut h))
    });
    group.bench_function("hessian/hand_typed", |b| b.iter(|| logistic_typed_hessian(black_box(&w), &x)));
    group.finish();
}

fn least_squares_benches(c: &mut Criterion) {
    let (m, n) = (1000, 100);
    let (x, a, rhs) = (vector(n, 0.1), matrix(m, n, 0.2), vector(m, 0.3));
    let (mut r, mut g, mut h) = (DVector::zeros(m), DVector::zeros(n), DMatrix::zeros(n, n));
    let mut group = group(c, "least_squares_1000x100", 20);
    group.bench_function("grad/generated", |b| b.iter(|| least_squares_grad(black_box(&x), &a, &rhs)));
    let (mut out_g, mut out_h, mut workspace) = (DVector::zeros(n), DMatrix::zeros(n, n), MatrixWorkspace::new());
    group.bench_function("grad/generated_into", |b| {
        b.iter(|| least_squares_grad_into(black_box(&x), &a, &rhs, &mut out_g, &mut workspace))
    });
    group.bench_function("grad/hand_best", |b| {
        b.iter(|| least_squares_best_grad(black_box(&x), &a, &rhs, &mut r, &mut g))
    });
    group.bench_function("grad/hand_typed", |b| b.iter(|| least_squares_typed_grad(black_box(&x), &a, &rhs)));
    group.bench_function("hessian/generated", |b| b.iter(|| least_squares_hessian(black_box(&x), &a, &rhs)));
    group.bench_function("hessian/generated_into", |b| {
        b.iter(|| least_squares_hessian_into(black_box(&x), &a, &rhs, &mut out_h, &mut workspace))
    });
    group.bench_function("hessian/hand_best", |b| b.iter(|| least_squares_best_hessian(black_box(&a), &mut h)));
    group.bench_function("hessian/hand_typed", |b| b.iter(|| least_squares_typed_hessian(black_box(&a))));
    group.finish();
}

fn network_benches(c: &mut Criterion) {
    let (width, batch) = (64, 256);
    let (w1, w2) = (matrix(width, width, 0.1) * 0.2, matrix(width, width, 0.2) * 0.2);
    let (x, y) = (matrix(width, batch, 0.3), matrix(width, batch, 0.4));
    let mut buffers = network_buffers(&w1, &w2, &x);
    let mut group = group(c, "network_64x64_batch256", 20);
    group.bench_function("grad/generated", |b| b.iter(|| network_grad(black_box(&w1), &w2, &x, &y)));
    let (mut out_1, mut out_2) = (DMatrix::zeros(width, width), DMatrix::zeros(width, width));
    let mut workspace = MatrixWorkspace::new();
    group.bench_function("grad/generated_into", |b| {
        b.iter(|| network_grad_into(black_box(&w1), &w2, &x, &y, &mut out_1, &mut out_2, &mut workspace))
    });
    group.bench_function("grad/hand_best", |b| b.iter(|| network_best_grad(black_box(&w1), &w2, &x, &y, &mut buffers)));
    group.bench_function("grad/hand_typed", |b| b.iter(|| network_typed_grad(black_box(&w1), &w2, &x, &y)));
    group.finish();
}

fn all(c: &mut Criterion) {
    check_baselines();
    quadratic_benches(c);
    factorisation_benches(c);
    logistic_benches(c);
    least_squares_benches(c);
    network_benches(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
