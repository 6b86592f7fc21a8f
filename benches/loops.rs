//! Loop functions of n inputs: the generated gradient against the function
//! itself, a hand-written gradient and num-dual; Hessians and Hessian-vector
//! products against num-dual. Run with `cargo bench --bench loops`.

#![allow(clippy::needless_range_loop)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use matdiff::differentiate;
use nalgebra::DVector;
use num_dual::DualNum;

/// The extended Rosenbrock function.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

fn rosenbrock_hand_grad(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let mut g = vec![0.0; n];
    for i in 0..n - 1 {
        let r = x[i + 1] - x[i] * x[i];
        g[i] += -400.0 * x[i] * r - 2.0 * (1.0 - x[i]);
        g[i + 1] += 200.0 * r;
    }
    g
}

fn rosenbrock_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let mut s = D::from(0.0);
    for i in 0..x.len() - 1 {
        let r = x[i + 1].clone() - x[i].clone() * x[i].clone();
        s += r.powi(2) * 100.0 + (-x[i].clone() + 1.0).powi(2);
    }
    s
}

/// The trigonometric function of Moré, Garbow and Hillstrom:
/// sum over i of (n - sum_j cos x_j + i (1 - cos x_i) - sin x_i)^2.
#[differentiate]
fn trigonometric(x: &[f64]) -> f64 {
    let n = x.len();
    let mut c = 0.0;
    for &xj in x.iter() {
        c += xj.cos();
    }
    let mut s = 0.0;
    for i in 0..n {
        let r = n as f64 - c + (i + 1) as f64 * (1.0 - x[i].cos()) - x[i].sin();
        s += r * r;
    }
    s
}

fn trigonometric_hand_grad(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    let c: f64 = x.iter().map(|v| v.cos()).sum();
    let mut r = vec![0.0; n];
    let mut total = 0.0;
    for i in 0..n {
        r[i] = n as f64 - c + (i + 1) as f64 * (1.0 - x[i].cos()) - x[i].sin();
        total += r[i];
    }
    (0..n)
        .map(|k| {
            let (s, co) = x[k].sin_cos();
            2.0 * s * total + 2.0 * r[k] * ((k + 1) as f64 * s - co)
        })
        .collect()
}

fn trigonometric_dual<D: DualNum<Primitive = f64>>(x: DVector<D>) -> D {
    let n = x.len();
    let mut c = D::from(0.0);
    for xj in x.iter() {
        c += xj.cos();
    }
    let mut s = D::from(0.0);
    for i in 0..n {
        let r = -c.clone() + n as f64 + (-x[i].cos() + 1.0) * (i + 1) as f64 - x[i].sin();
        s += r.clone() * r;
    }
    s
}

fn point(n: usize) -> Vec<f64> {
    (0..n).map(|i| 0.5 + 0.4 * ((i as f64) * 0.7).sin()).collect()
}

fn gradients(c: &mut Criterion) {
    for n in [10, 100, 1000, 10000] {
        let x = point(n);
        let dx = DVector::from_vec(x.clone());
        let mut group = c.benchmark_group(format!("rosenbrock_{n}"));
        if n >= 1000 {
            group.sample_size(20).measurement_time(Duration::from_secs(4));
        }
        group.bench_function("value/plain", |b| b.iter(|| rosenbrock(black_box(&x))));
        group.bench_function("grad/generated", |b| b.iter(|| rosenbrock_grad(black_box(&x))));
        group.bench_function("grad/hand", |b| b.iter(|| rosenbrock_hand_grad(black_box(&x))));
        if n <= 1000 {
            group.bench_function("grad/num_dual", |b| b.iter(|| num_dual::gradient(rosenbrock_dual, black_box(&dx))));
        }
        group.finish();

        let mut group = c.benchmark_group(format!("trigonometric_{n}"));
        if n >= 1000 {
            group.sample_size(20).measurement_time(Duration::from_secs(4));
        }
        group.bench_function("value/plain", |b| b.iter(|| trigonometric(black_box(&x))));
        group.bench_function("grad/generated", |b| b.iter(|| trigonometric_grad(black_box(&x))));
        group.bench_function("grad/hand", |b| b.iter(|| trigonometric_hand_grad(black_box(&x))));
        if n <= 1000 {
            group
                .bench_function("grad/num_dual", |b| b.iter(|| num_dual::gradient(trigonometric_dual, black_box(&dx))));
        }
        group.finish();
    }
}

fn second_order(c: &mut Criterion) {
    for n in [100, 1000] {
        let x = point(n);
        let v: Vec<f64> = (0..n).map(|i| (i as f64).cos()).collect();
        let dx = DVector::from_vec(x.clone());
        let mut group = c.benchmark_group(format!("second_order_{n}"));
        group.sample_size(10).measurement_time(Duration::from_secs(5));
        group.bench_with_input(BenchmarkId::new("rosenbrock/hvp", "generated"), &n, |b, _| {
            b.iter(|| rosenbrock_hvp(black_box(&x), black_box(&v)))
        });
        group.bench_with_input(BenchmarkId::new("rosenbrock/grad", "generated"), &n, |b, _| {
            b.iter(|| rosenbrock_grad(black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "generated"), &n, |b, _| {
            b.iter(|| rosenbrock_hessian(black_box(&x)))
        });
        group.bench_with_input(BenchmarkId::new("trigonometric/hvp", "generated"), &n, |b, _| {
            b.iter(|| trigonometric_hvp(black_box(&x), black_box(&v)))
        });
        group.bench_with_input(BenchmarkId::new("trigonometric/hessian", "generated"), &n, |b, _| {
            b.iter(|| trigonometric_hessian(black_box(&x)))
        });
        if n <= 100 {
            group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "num_dual"), &n, |b, _| {
                b.iter(|| num_dual::hessian(rosenbrock_dual, black_box(&dx)))
            });
            group.bench_with_input(BenchmarkId::new("trigonometric/hessian", "num_dual"), &n, |b, _| {
                b.iter(|| num_dual::hessian(trigonometric_dual, black_box(&dx)))
            });
        }
        group.finish();
    }
}

/// The hand-written gradients must be right, or the ratios mean nothing.
fn check_baselines() {
    for n in [2, 10, 100] {
        let x = point(n);
        matdiff::check::assert_all_close(&rosenbrock_grad(&x), &rosenbrock_hand_grad(&x), 1e-12, "rosenbrock");
        matdiff::check::assert_all_close(&trigonometric_grad(&x), &trigonometric_hand_grad(&x), 1e-12, "trigonometric");
    }
}

fn all(c: &mut Criterion) {
    check_baselines();
    gradients(c);
    second_order(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
