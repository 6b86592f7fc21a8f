//! Loop functions of n inputs: the generated gradient against the function
//! itself, the best hand-written gradient (gather form, `benches/loop_baselines.rs`)
//! and num-dual; Hessians and Hessian-vector products against num-dual and,
//! for Rosenbrock, the hand-written tridiagonal Hessian. Run with
//! `cargo bench --bench loops`.
//!
//! Names within a group: `value/plain` is the function, `*/generated` what
//! `#[differentiate]` made (`*_into` writing into a buffer allocated once
//! outside the timing loop), `grad/hand_gather_into` the hand-written value
//! and gradient in one pass into such a buffer (compare it with
//! `value_and_grad_into/generated`), `grad/hand_gather` the
//! hand-written gradient alone in a new `Vec` like `f_grad` (compare it with
//! `grad/generated`), `grad/hand_scatter` a hand-written gradient in the
//! shape reverse mode emits (for Rosenbrock, the old baseline). In
//! `second_order_{n}`, `rosenbrock/hessian/hand_dense` writes the band into
//! a preallocated n x n buffer, `hand_dense_alloc` into a new one (as the
//! generated Hessian must), `hand_sparse` the 2n - 1 lower-triangle values
//! into a preallocated slice; `rosenbrock/hessian_sparse/generated` is
//! `rosenbrock_hessian_sparse_into`, the generated counterpart of
//! `hand_sparse` (the same values in column order, into a slice allocated
//! once, its sweep's buffers in a `SparseHessianWorkspace` sized once:
//! it allocates nothing). Dense Hessians are timed up to n = 1000.

#![allow(clippy::needless_range_loop)]

mod loop_baselines;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, criterion_group, criterion_main, measurement::WallTime};
use loop_baselines::*;
use matdiff::check::assert_all_close;
use matdiff::{SparseHessianWorkspace, differentiate};
use nalgebra::DVector;

/// The extended Rosenbrock function.
#[differentiate]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
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

/// A chained stencil: the squared second differences plus a quartic,
/// reading x[i - 1], x[i] and x[i + 1] in each iteration.
#[differentiate]
fn stencil(x: &[f64]) -> f64 {
    let n = x.len();
    let mut s = 0.0;
    for i in 1..n - 1 {
        let d = x[i - 1] - 2.0 * x[i] + x[i + 1];
        s += d * d + x[i].powi(4);
    }
    s
}

fn sized_group<'a>(c: &'a mut Criterion, name: &str, n: usize) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(format!("{name}_{n}"));
    if n >= 1000 {
        group.sample_size(20).measurement_time(Duration::from_secs(4));
    }
    group
}

fn gradients(c: &mut Criterion) {
    for n in [10, 100, 1000, 10000] {
        let x = point(n);
        let dx = DVector::from_vec(x.clone());
        // Buffers of the `_into` baselines, allocated once.
        let mut g = vec![0.0; n];
        let mut work = vec![0.0; n];

        let mut group = sized_group(c, "rosenbrock", n);
        group.bench_function("value/plain", |b| b.iter(|| rosenbrock(black_box(&x))));
        group.bench_function("grad/generated", |b| b.iter(|| rosenbrock_grad(black_box(&x))));
        group.bench_function("value_and_grad/generated", |b| b.iter(|| rosenbrock_value_and_grad(black_box(&x))));
        group.bench_function("value_and_grad_into/generated", |b| {
            b.iter(|| rosenbrock_value_and_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad_into/generated", |b| {
            b.iter(|| rosenbrock_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad/hand_gather_into", |b| {
            b.iter(|| rosenbrock_hand_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad/hand_gather", |b| b.iter(|| rosenbrock_hand_grad(black_box(&x))));
        group.bench_function("grad/hand_scatter", |b| b.iter(|| rosenbrock_hand_scatter_grad(black_box(&x))));
        if n <= 1000 {
            group.bench_function("grad/num_dual", |b| b.iter(|| num_dual::gradient(rosenbrock_dual, black_box(&dx))));
        }
        group.finish();

        let mut group = sized_group(c, "trigonometric", n);
        group.bench_function("value/plain", |b| b.iter(|| trigonometric(black_box(&x))));
        group.bench_function("grad/generated", |b| b.iter(|| trigonometric_grad(black_box(&x))));
        group.bench_function("value_and_grad/generated", |b| b.iter(|| trigonometric_value_and_grad(black_box(&x))));
        group.bench_function("value_and_grad_into/generated", |b| {
            b.iter(|| trigonometric_value_and_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad_into/generated", |b| {
            b.iter(|| trigonometric_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad/hand_gather_into", |b| {
            b.iter(|| trigonometric_hand_grad_into(black_box(&x), black_box(&mut g), black_box(&mut work)))
        });
        group.bench_function("grad/hand_gather", |b| b.iter(|| trigonometric_hand_grad(black_box(&x))));
        if n <= 1000 {
            group
                .bench_function("grad/num_dual", |b| b.iter(|| num_dual::gradient(trigonometric_dual, black_box(&dx))));
        }
        group.finish();

        let mut group = sized_group(c, "stencil", n);
        group.bench_function("value/plain", |b| b.iter(|| stencil(black_box(&x))));
        group.bench_function("grad/generated", |b| b.iter(|| stencil_grad(black_box(&x))));
        group.bench_function("value_and_grad/generated", |b| b.iter(|| stencil_value_and_grad(black_box(&x))));
        group.bench_function("value_and_grad_into/generated", |b| {
            b.iter(|| stencil_value_and_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad_into/generated", |b| b.iter(|| stencil_grad_into(black_box(&x), black_box(&mut g))));
        group.bench_function("grad/hand_gather_into", |b| {
            b.iter(|| stencil_hand_grad_into(black_box(&x), black_box(&mut g)))
        });
        group.bench_function("grad/hand_gather", |b| b.iter(|| stencil_hand_grad(black_box(&x))));
        group.bench_function("grad/hand_scatter", |b| b.iter(|| stencil_hand_scatter_grad(black_box(&x))));
        if n <= 1000 {
            group.bench_function("grad/num_dual", |b| b.iter(|| num_dual::gradient(stencil_dual, black_box(&dx))));
        }
        group.finish();
    }
}

fn second_order(c: &mut Criterion) {
    for n in [100, 1000, 10000] {
        let x = point(n);
        let v: Vec<f64> = (0..n).map(|i| (i as f64).cos()).collect();
        let dx = DVector::from_vec(x.clone());
        // Dense n x n Hessians only up to n = 1000 (at 10,000 one is 800 MB).
        let dense_too = n <= 1000;
        // Buffers of the `_into` baselines, allocated (and zeroed) once.
        let mut dense = if dense_too { vec![vec![0.0; n]; n] } else { Vec::new() };
        let mut sparse = vec![0.0; 2 * n - 1];
        let mut generated_sparse = rosenbrock_hessian_sparse(&x).values;
        let mut workspace = SparseHessianWorkspace::new(n);
        let mut group = c.benchmark_group(format!("second_order_{n}"));
        group.sample_size(10).measurement_time(Duration::from_secs(5));
        group.bench_with_input(BenchmarkId::new("rosenbrock/hvp", "generated"), &n, |b, _| {
            b.iter(|| rosenbrock_hvp(black_box(&x), black_box(&v)))
        });
        group.bench_with_input(BenchmarkId::new("rosenbrock/grad", "generated"), &n, |b, _| {
            b.iter(|| rosenbrock_grad(black_box(&x)))
        });
        if dense_too {
            group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "generated"), &n, |b, _| {
                b.iter(|| rosenbrock_hessian(black_box(&x)))
            });
            group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "hand_dense"), &n, |b, _| {
                b.iter(|| rosenbrock_hand_hessian_dense_into(black_box(&x), black_box(&mut dense)))
            });
            group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "hand_dense_alloc"), &n, |b, _| {
                b.iter(|| rosenbrock_hand_hessian_dense(black_box(&x)))
            });
        }
        group.bench_with_input(BenchmarkId::new("rosenbrock/hessian", "hand_sparse"), &n, |b, _| {
            b.iter(|| rosenbrock_hand_hessian_sparse_into(black_box(&x), black_box(&mut sparse)))
        });
        group.bench_with_input(BenchmarkId::new("rosenbrock/hessian_sparse", "generated"), &n, |b, _| {
            b.iter(|| {
                rosenbrock_hessian_sparse_into(
                    black_box(&x),
                    black_box(&mut generated_sparse),
                    black_box(&mut workspace),
                )
            })
        });
        group.bench_with_input(BenchmarkId::new("trigonometric/hvp", "generated"), &n, |b, _| {
            b.iter(|| trigonometric_hvp(black_box(&x), black_box(&v)))
        });
        if dense_too {
            group.bench_with_input(BenchmarkId::new("trigonometric/hessian", "generated"), &n, |b, _| {
                b.iter(|| trigonometric_hessian(black_box(&x)))
            });
        }
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

/// Every baseline and every generated derivative timed here must be right,
/// or the ratios mean nothing: each is checked against num-dual (an
/// independent forward mode), and the num-dual forms against the annotated
/// functions' values. `tests/loop_baselines.rs` checks the hand-written
/// ones in more depth.
fn check_baselines() {
    for n in [1, 2, 3, 4, 5, 10, 100] {
        let x = point(n);
        let dx = DVector::from_vec(x.clone());
        macro_rules! check_gradients {
            ($f:ident, $dual:ident, $generated:ident, $into:ident, $hand:ident) => {
                let name = stringify!($f);
                let (value, g) = num_dual::gradient($dual, &dx);
                assert_all_close(&[$f(&x)], &[$dual(dx.clone())], 1e-13, name);
                assert_all_close(&[$f(&x)], &[value], 1e-13, name);
                assert_all_close(&$generated(&x), g.as_slice(), 1e-12, &format!("{name}: generated gradient"));
                let mut into = vec![f64::NAN; n];
                let value_into = $into(&x, &mut into);
                assert_all_close(&[value_into], &[value], 1e-13, name);
                assert_all_close(&into, g.as_slice(), 1e-12, &format!("{name}: generated gradient into a buffer"));
                assert_all_close(&$hand(&x), g.as_slice(), 1e-12, &format!("{name}: hand gradient"));
            };
        }
        check_gradients!(
            rosenbrock,
            rosenbrock_dual,
            rosenbrock_grad,
            rosenbrock_value_and_grad_into,
            rosenbrock_hand_grad
        );
        check_gradients!(
            trigonometric,
            trigonometric_dual,
            trigonometric_grad,
            trigonometric_value_and_grad_into,
            trigonometric_hand_grad
        );
        check_gradients!(stencil, stencil_dual, stencil_grad, stencil_value_and_grad_into, stencil_hand_grad);

        let (_, _, h) = num_dual::hessian(rosenbrock_dual, &dx);
        let dense = rosenbrock_hand_hessian_dense(&x);
        let generated = rosenbrock_hessian(&x);
        for i in 0..n {
            let row: Vec<f64> = h.row(i).iter().copied().collect();
            assert_all_close(&dense[i], &row, 1e-12, "rosenbrock: hand Hessian");
            assert_all_close(&generated[i], &row, 1e-12, "rosenbrock: generated Hessian");
        }
        let sparse = rosenbrock_hessian_sparse(&x);
        let mut hand = vec![0.0; (2 * n).saturating_sub(1)];
        rosenbrock_hand_hessian_sparse_into(&x, &mut hand);
        let by_entry: Vec<f64> = sparse
            .rows
            .iter()
            .zip(&sparse.cols)
            .map(|(&r, &c)| {
                let p = rosenbrock_hessian_sparse_pattern(n).iter().position(|&e| e == (r, c));
                p.map_or(f64::NAN, |p| hand[p])
            })
            .collect();
        assert_all_close(&sparse.values, &by_entry, 1e-12, "rosenbrock: generated sparse Hessian");
    }
}

fn all(c: &mut Criterion) {
    check_baselines();
    gradients(c);
    second_order(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
