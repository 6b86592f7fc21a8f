//! Generated derivatives of scalar functions against hand-written closed
//! forms and against num-dual, measured in the same run.
//!
//! Run with `cargo bench --bench scalar`; `scripts/bench-report` turns the
//! results into the tables of BENCHMARKS.md.

#![allow(clippy::needless_range_loop)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use matdiff::differentiate;
use nalgebra::SVector;
use num_dual::{DualNum, gradient, hessian};

// ----- log(e^x + e^y), seed 000 eq. 1.5 --------------------------------------

#[differentiate]
fn log_sum_exp(x: f64, y: f64) -> f64 {
    (x.exp() + y.exp()).ln()
}

fn log_sum_exp_hand_grad(x: f64, y: f64) -> [f64; 2] {
    let (ex, ey) = (x.exp(), y.exp());
    let s = ex + ey;
    [ex / s, ey / s]
}

fn log_sum_exp_hand_hessian(x: f64, y: f64) -> [[f64; 2]; 2] {
    let (ex, ey) = (x.exp(), y.exp());
    let s = ex + ey;
    let (p, q) = (ex / s, ey / s);
    let c = p * q;
    [[c, -c], [-c, c]]
}

fn log_sum_exp_dual<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 2>) -> D {
    (v[0].exp() + v[1].exp()).ln()
}

// ----- 2x^2 + 6xy + 7y^2 - 26x - 54y + 107, seed 003 eq. 4.4.14 --------------

#[differentiate]
fn bowl(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

fn bowl_hand_grad(x: f64, y: f64) -> [f64; 2] {
    [4.0 * x + 6.0 * y - 26.0, 6.0 * x + 14.0 * y - 54.0]
}

fn bowl_hand_hessian(_x: f64, _y: f64) -> [[f64; 2]; 2] {
    [[4.0, 6.0], [6.0, 14.0]]
}

fn bowl_dual<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 2>) -> D {
    let (x, y) = (v[0], v[1]);
    x * x * 2.0 + x * y * 6.0 + y * y * 7.0 - x * 26.0 - y * 54.0 + 107.0
}

// ----- the four-input network, seed 000 eq. 2.1 ------------------------------

#[differentiate(no_hessian)]
fn network(w: f64, x: f64, y: f64, z: f64) -> f64 {
    let a = (w + x + y + z).powi(2);
    let b = (w + x - y - z).powi(2);
    let u = (a + b).powi(2);
    let v = (a - b).powi(2);
    (u + v).powi(2)
}

fn network_hand_grad(w: f64, x: f64, y: f64, z: f64) -> [f64; 4] {
    let (s, d) = (w + x + y + z, w + x - y - z);
    let (a, b) = (s * s, d * d);
    let (u, v) = ((a + b) * (a + b), (a - b) * (a - b));
    let df = 2.0 * (u + v);
    let df_da = df * (2.0 * (a + b) + 2.0 * (a - b));
    let df_db = df * (2.0 * (a + b) - 2.0 * (a - b));
    let (da, db) = (2.0 * s * df_da, 2.0 * d * df_db);
    [da + db, da + db, da - db, da - db]
}

fn network_dual<D: DualNum<Primitive = f64> + Copy>(v: SVector<D, 4>) -> D {
    let a = (v[0] + v[1] + v[2] + v[3]).powi(2);
    let b = (v[0] + v[1] - v[2] - v[3]).powi(2);
    let u = (a + b).powi(2);
    let w = (a - b).powi(2);
    (u + w).powi(2)
}

// ----- a ten-variable polynomial (a chained Rosenbrock with a ridge) ---------

#[differentiate]
#[allow(clippy::too_many_arguments)]
fn poly10(x0: f64, x1: f64, x2: f64, x3: f64, x4: f64, x5: f64, x6: f64, x7: f64, x8: f64, x9: f64) -> f64 {
    (x1 - x0 * x0).powi(2)
        + (x2 - x1 * x1).powi(2)
        + (x3 - x2 * x2).powi(2)
        + (x4 - x3 * x3).powi(2)
        + (x5 - x4 * x4).powi(2)
        + (x6 - x5 * x5).powi(2)
        + (x7 - x6 * x6).powi(2)
        + (x8 - x7 * x7).powi(2)
        + (x9 - x8 * x8).powi(2)
        + x0 * x0
        + x1 * x1 / 2.0
        + x2 * x2 / 3.0
        + x3 * x3 / 4.0
        + x4 * x4 / 5.0
        + x5 * x5 / 6.0
        + x6 * x6 / 7.0
        + x7 * x7 / 8.0
        + x8 * x8 / 9.0
        + x9 * x9 / 10.0
}

fn poly10_hand_grad(x: &[f64; 10]) -> [f64; 10] {
    let mut g = [0.0; 10];
    for i in 0..10 {
        g[i] = 2.0 * x[i] / (i + 1) as f64;
    }
    for i in 0..9 {
        let r = x[i + 1] - x[i] * x[i];
        g[i + 1] += 2.0 * r;
        g[i] -= 4.0 * x[i] * r;
    }
    g
}

fn poly10_hand_hessian(x: &[f64; 10]) -> [[f64; 10]; 10] {
    let mut h = [[0.0; 10]; 10];
    for i in 0..10 {
        h[i][i] = 2.0 / (i + 1) as f64;
    }
    for i in 0..9 {
        h[i + 1][i + 1] += 2.0;
        h[i][i] += 12.0 * x[i] * x[i] - 4.0 * x[i + 1];
        h[i][i + 1] -= 4.0 * x[i];
        h[i + 1][i] -= 4.0 * x[i];
    }
    h
}

fn poly10_dual<D: DualNum<Primitive = f64> + Copy>(x: SVector<D, 10>) -> D {
    let mut s = D::from(0.0);
    for i in 0..9 {
        s += (x[i + 1] - x[i] * x[i]).powi(2);
    }
    for i in 0..10 {
        s += x[i] * x[i] / ((i + 1) as f64);
    }
    s
}

fn poly10_grad_array(x: &[f64; 10]) -> [f64; 10] {
    poly10_grad(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9])
}

fn poly10_hessian_array(x: &[f64; 10]) -> [[f64; 10]; 10] {
    poly10_hessian(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9])
}

// ----- the measurements -------------------------------------------------------

fn scalar(c: &mut Criterion) {
    let (x, y) = (0.3, -0.7);
    let mut group = c.benchmark_group("log_sum_exp");
    group.bench_function("value/plain", |b| b.iter(|| log_sum_exp(black_box(x), black_box(y))));
    group.bench_function("grad/generated", |b| b.iter(|| log_sum_exp_grad(black_box(x), black_box(y))));
    group.bench_function("grad/hand", |b| b.iter(|| log_sum_exp_hand_grad(black_box(x), black_box(y))));
    group.bench_function("grad/num_dual", |b| {
        b.iter(|| gradient(log_sum_exp_dual, &SVector::from([black_box(x), black_box(y)])))
    });
    group.bench_function("hessian/generated", |b| b.iter(|| log_sum_exp_hessian(black_box(x), black_box(y))));
    group.bench_function("hessian/hand", |b| b.iter(|| log_sum_exp_hand_hessian(black_box(x), black_box(y))));
    group.bench_function("hessian/num_dual", |b| {
        b.iter(|| hessian(log_sum_exp_dual, &SVector::from([black_box(x), black_box(y)])))
    });
    group.finish();

    let mut group = c.benchmark_group("bowl");
    group.bench_function("value/plain", |b| b.iter(|| bowl(black_box(x), black_box(y))));
    group.bench_function("grad/generated", |b| b.iter(|| bowl_grad(black_box(x), black_box(y))));
    group.bench_function("grad/hand", |b| b.iter(|| bowl_hand_grad(black_box(x), black_box(y))));
    group.bench_function("grad/num_dual", |b| {
        b.iter(|| gradient(bowl_dual, &SVector::from([black_box(x), black_box(y)])))
    });
    group.bench_function("hessian/generated", |b| b.iter(|| bowl_hessian(black_box(x), black_box(y))));
    group.bench_function("hessian/hand", |b| b.iter(|| bowl_hand_hessian(black_box(x), black_box(y))));
    group.bench_function("hessian/num_dual", |b| {
        b.iter(|| hessian(bowl_dual, &SVector::from([black_box(x), black_box(y)])))
    });
    group.finish();

    let p = [0.1, 0.2, 0.3, 0.4];
    let mut group = c.benchmark_group("network");
    group.bench_function("value/plain", |b| {
        b.iter(|| {
            let p = black_box(p);
            network(p[0], p[1], p[2], p[3])
        })
    });
    group.bench_function("grad/generated", |b| {
        b.iter(|| {
            let p = black_box(p);
            network_grad(p[0], p[1], p[2], p[3])
        })
    });
    group.bench_function("grad/hand", |b| {
        b.iter(|| {
            let p = black_box(p);
            network_hand_grad(p[0], p[1], p[2], p[3])
        })
    });
    group.bench_function("grad/num_dual", |b| b.iter(|| gradient(network_dual, &SVector::from(black_box(p)))));
    group.finish();

    let x10 = [0.1, -0.2, 0.3, 0.5, -0.7, 1.1, 0.2, -0.4, 0.9, 0.6];
    let mut group = c.benchmark_group("poly10");
    group.bench_function("value/plain", |b| {
        b.iter(|| {
            let x = black_box(x10);
            poly10(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9])
        })
    });
    group.bench_function("grad/generated", |b| b.iter(|| poly10_grad_array(black_box(&x10))));
    group.bench_function("grad/hand", |b| b.iter(|| poly10_hand_grad(black_box(&x10))));
    group.bench_function("grad/num_dual", |b| b.iter(|| gradient(poly10_dual, &SVector::from(black_box(x10)))));
    group.bench_function("hessian/generated", |b| b.iter(|| poly10_hessian_array(black_box(&x10))));
    group.bench_function("hessian/hand", |b| b.iter(|| poly10_hand_hessian(black_box(&x10))));
    group.bench_function("hessian/num_dual", |b| b.iter(|| hessian(poly10_dual, &SVector::from(black_box(x10)))));
    group.finish();
}

/// The benchmarked closed forms must be right, or the ratios mean nothing.
fn check_baselines() {
    let (x, y) = (0.3, -0.7);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b.abs().max(1.0);
    let (g, h) = (log_sum_exp_grad(x, y), log_sum_exp_hand_grad(x, y));
    assert!(close(g[0], h[0]) && close(g[1], h[1]));
    let (g, h) = (log_sum_exp_hessian(x, y), log_sum_exp_hand_hessian(x, y));
    assert!((0..2).all(|i| (0..2).all(|j| close(g[i][j], h[i][j]))));
    let (g, h) = (bowl_grad(x, y), bowl_hand_grad(x, y));
    assert!(close(g[0], h[0]) && close(g[1], h[1]));
    assert_eq!(bowl_hessian(x, y), bowl_hand_hessian(x, y));
    let (g, h) = (network_grad(0.1, 0.2, 0.3, 0.4), network_hand_grad(0.1, 0.2, 0.3, 0.4));
    assert!((0..4).all(|i| close(g[i], h[i])), "{g:?} {h:?}");
    let x10 = [0.1, -0.2, 0.3, 0.5, -0.7, 1.1, 0.2, -0.4, 0.9, 0.6];
    let (g, h) = (poly10_grad_array(&x10), poly10_hand_grad(&x10));
    assert!((0..10).all(|i| close(g[i], h[i])), "{g:?} {h:?}");
    let (g, h) = (poly10_hessian_array(&x10), poly10_hand_hessian(&x10));
    assert!((0..10).all(|i| (0..10).all(|j| close(g[i][j], h[i][j]))), "{g:?} {h:?}");
}

fn all(c: &mut Criterion) {
    check_baselines();
    scalar(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
