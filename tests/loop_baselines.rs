//! The hand-written baselines of `benches/loops.rs` against references that
//! owe nothing to matdiff's generated code: num-dual (forward mode, exact to
//! rounding) at a tight tolerance, and central differences of the num-dual
//! forms evaluated in plain f64 at a loose one. Sizes 1 to 21 cover every
//! peeled end and every remainder of the 4-lane chunks; buffers are filled
//! with NaN first, so an entry an `_into` function fails to write shows up.
//! The last tests feed the comparison deliberately wrong gradients (a sign,
//! a factor, a dropped term) to show that its tolerance catches them.

#[path = "../benches/loop_baselines.rs"]
mod baselines;

use baselines::*;
use nalgebra::DVector;
use num_dual::DualDVec64;

type Dual = fn(DVector<DualDVec64>) -> DualDVec64;

/// Tolerance against num-dual, relative to the largest entry of the
/// reference (and at least 1): far below any term of these functions at the
/// test points, far above rounding.
const EXACT: f64 = 1e-12;

fn sizes() -> Vec<usize> {
    (1..=21).chain([32, 33, 100, 257]).collect()
}

/// Test points: the benchmark's, and two with signs and sizes that make
/// every term matter (the benchmark's point sits in [0.1, 0.9]).
fn points(n: usize) -> Vec<Vec<f64>> {
    vec![
        point(n),
        (0..n).map(|i| 1.3 * (1.7 * i as f64 + 0.3).sin() - 0.2).collect(),
        (0..n).map(|i| 0.9 * (0.45 * i as f64 + 1.1).cos() + 0.05 * i as f64 / (n as f64)).collect(),
    ]
}

/// The largest entrywise error of `actual` against `expected`, relative to
/// the largest |expected| (at least 1).
fn error(actual: &[f64], expected: &[f64]) -> f64 {
    assert_eq!(actual.len(), expected.len(), "lengths differ");
    let scale = expected.iter().fold(1.0f64, |m, e| m.max(e.abs()));
    actual.iter().zip(expected).map(|(a, e)| if a.is_nan() { f64::INFINITY } else { (a - e).abs() }).fold(0.0, f64::max)
        / scale
}

#[track_caller]
fn assert_close(actual: &[f64], expected: &[f64], tol: f64, what: &str) {
    let e = error(actual, expected);
    assert!(e <= tol, "{what}: relative error {e:e} > {tol:e}\n  actual:   {actual:?}\n  expected: {expected:?}");
}

fn reference(f: Dual, x: &[f64]) -> (f64, Vec<f64>) {
    let (value, g) = num_dual::gradient(f, &DVector::from_vec(x.to_vec()));
    (value, g.as_slice().to_vec())
}

/// Central differences of `f` in plain f64, step 1e-5 (error about 1e-9
/// relative for these polynomials and sines).
fn central(f: fn(DVector<f64>) -> f64, x: &[f64]) -> Vec<f64> {
    (0..x.len())
        .map(|i| {
            let h = 1e-5 * (1.0 + x[i].abs());
            let mut up = DVector::from_vec(x.to_vec());
            let mut down = up.clone();
            up[i] += h;
            down[i] -= h;
            (f(up) - f(down)) / (2.0 * h)
        })
        .collect()
}

fn nan(n: usize) -> Vec<f64> {
    vec![f64::NAN; n]
}

#[test]
fn rosenbrock_gradients() {
    for n in sizes() {
        for x in points(n) {
            let (value, g) = reference(rosenbrock_dual, &x);
            let mut into = nan(n);
            let fused = rosenbrock_hand_grad_into(&x, &mut into);
            assert_close(&[fused], &[value], EXACT, &format!("rosenbrock value, n = {n}"));
            assert_close(&into, &g, EXACT, &format!("rosenbrock_hand_grad_into, n = {n}"));
            // A second call into the same buffer gives the same result.
            assert_eq!(rosenbrock_hand_grad_into(&x, &mut into), fused);
            assert_close(&into, &g, EXACT, &format!("rosenbrock_hand_grad_into again, n = {n}"));
            let mut only = nan(n);
            rosenbrock_hand_grad_only_into(&x, &mut only);
            assert_close(&only, &g, EXACT, &format!("rosenbrock_hand_grad_only_into, n = {n}"));
            assert_close(&rosenbrock_hand_grad(&x), &g, EXACT, &format!("rosenbrock_hand_grad, n = {n}"));
            assert_close(
                &rosenbrock_hand_scatter_grad(&x),
                &g,
                EXACT,
                &format!("rosenbrock_hand_scatter_grad, n = {n}"),
            );
            assert_close(
                &g,
                &central(rosenbrock_dual, &x),
                1e-7,
                &format!("rosenbrock: num-dual against differences, n = {n}"),
            );
        }
    }
}

#[test]
fn trigonometric_gradients() {
    for n in sizes() {
        for x in points(n) {
            let (value, g) = reference(trigonometric_dual, &x);
            let (mut into, mut work) = (nan(n), nan(n));
            let fused = trigonometric_hand_grad_into(&x, &mut into, &mut work);
            assert_close(&[fused], &[value], EXACT, &format!("trigonometric value, n = {n}"));
            assert_close(&into, &g, EXACT, &format!("trigonometric_hand_grad_into, n = {n}"));
            assert_eq!(trigonometric_hand_grad_into(&x, &mut into, &mut work), fused);
            assert_close(&into, &g, EXACT, &format!("trigonometric_hand_grad_into again, n = {n}"));
            assert_close(&trigonometric_hand_grad(&x), &g, EXACT, &format!("trigonometric_hand_grad, n = {n}"));
            assert_close(
                &g,
                &central(trigonometric_dual, &x),
                1e-7,
                &format!("trigonometric: num-dual against differences, n = {n}"),
            );
        }
    }
}

#[test]
fn stencil_gradients() {
    for n in sizes() {
        for x in points(n) {
            let (value, g) = reference(stencil_dual, &x);
            let mut into = nan(n);
            let fused = stencil_hand_grad_into(&x, &mut into);
            assert_close(&[fused], &[value], EXACT, &format!("stencil value, n = {n}"));
            assert_close(&into, &g, EXACT, &format!("stencil_hand_grad_into, n = {n}"));
            assert_eq!(stencil_hand_grad_into(&x, &mut into), fused);
            assert_close(&into, &g, EXACT, &format!("stencil_hand_grad_into again, n = {n}"));
            let mut only = nan(n);
            stencil_hand_grad_only_into(&x, &mut only);
            assert_close(&only, &g, EXACT, &format!("stencil_hand_grad_only_into, n = {n}"));
            assert_close(&stencil_hand_grad(&x), &g, EXACT, &format!("stencil_hand_grad, n = {n}"));
            assert_close(&stencil_hand_scatter_grad(&x), &g, EXACT, &format!("stencil_hand_scatter_grad, n = {n}"));
            assert_close(
                &g,
                &central(stencil_dual, &x),
                1e-7,
                &format!("stencil: num-dual against differences, n = {n}"),
            );
        }
    }
}

#[test]
fn rosenbrock_hessians() {
    for n in (1..=12).chain([33, 100]) {
        for x in points(n) {
            let (_, _, h) = num_dual::hessian(rosenbrock_dual, &DVector::from_vec(x.clone()));
            let rows: Vec<Vec<f64>> = (0..n).map(|i| h.row(i).iter().copied().collect()).collect();
            let flat = |m: &[Vec<f64>]| m.concat();

            // Dense, allocating: every entry, the zeros off the band included.
            let dense = rosenbrock_hand_hessian_dense(&x);
            assert_eq!(dense.len(), n);
            assert_close(&flat(&dense), &flat(&rows), EXACT, &format!("rosenbrock_hand_hessian_dense, n = {n}"));

            // Dense into a zeroed buffer whose band holds garbage: the band is written.
            let mut into = vec![vec![0.0; n]; n];
            for (i, j) in rosenbrock_hessian_sparse_pattern(n) {
                into[i][j] = f64::NAN;
                into[j][i] = f64::NAN;
            }
            rosenbrock_hand_hessian_dense_into(&x, &mut into);
            assert_close(&flat(&into), &flat(&rows), EXACT, &format!("rosenbrock_hand_hessian_dense_into, n = {n}"));

            // Sparse: the values and their pattern rebuild the whole Hessian.
            let pattern = rosenbrock_hessian_sparse_pattern(n);
            assert_eq!(pattern.len(), 2 * n - 1);
            let mut values = nan(2 * n - 1);
            rosenbrock_hand_hessian_sparse_into(&x, &mut values);
            let mut rebuilt = vec![vec![0.0; n]; n];
            for (&(i, j), &v) in pattern.iter().zip(&values) {
                assert!(i >= j, "the pattern is the lower triangle");
                assert_eq!(rebuilt[i][j], 0.0, "an entry twice in the pattern");
                rebuilt[i][j] = v;
                rebuilt[j][i] = v;
            }
            assert_close(
                &flat(&rebuilt),
                &flat(&rows),
                EXACT,
                &format!("rosenbrock_hand_hessian_sparse_into, n = {n}"),
            );

            // And the num-dual Hessian against differences of the (checked) hand gradient.
            for j in 0..n {
                let step = 1e-6 * (1.0 + x[j].abs());
                let (mut up, mut down) = (x.clone(), x.clone());
                up[j] += step;
                down[j] -= step;
                let column: Vec<f64> = rosenbrock_hand_grad(&up)
                    .iter()
                    .zip(rosenbrock_hand_grad(&down))
                    .map(|(a, b)| (a - b) / (2.0 * step))
                    .collect();
                let expected: Vec<f64> = (0..n).map(|i| rows[i][j]).collect();
                assert_close(
                    &column,
                    &expected,
                    1e-7,
                    &format!("rosenbrock Hessian column {j} by differences, n = {n}"),
                );
            }
        }
    }
}

/// Wrong gradients the comparison must reject: the tolerance is far below
/// a sign error, a wrong factor or a dropped term, in any one entry.
#[test]
fn the_tolerance_catches_wrong_gradients() {
    for n in [2, 3, 4, 5, 9, 100] {
        for x in points(n) {
            // A sign or a factor of two in any one entry.
            for (f, hand) in [
                (rosenbrock_dual as Dual, rosenbrock_hand_grad as fn(&[f64]) -> Vec<f64>),
                (trigonometric_dual, trigonometric_hand_grad),
                (stencil_dual, stencil_hand_grad),
            ] {
                let (_, g) = reference(f, &x);
                let good = hand(&x);
                for k in 0..n {
                    if g[k].abs() < 1e-3 {
                        continue; // a stencil end can be ~0 at a point; nothing to flip
                    }
                    for wrong in [-good[k], 2.0 * good[k]] {
                        let mut bad = good.clone();
                        bad[k] = wrong;
                        assert!(error(&bad, &g) > 1e3 * EXACT, "entry {k} of {n} changed and not caught");
                    }
                }
            }

            // Dropped terms.
            let (_, g) = reference(rosenbrock_dual, &x);
            let mut no_linear = rosenbrock_hand_grad(&x);
            for k in 0..n - 1 {
                no_linear[k] += 2.0 * (1.0 - x[k]); // without the -2 (1 - x_k) of (1 - x_k)^2
            }
            assert!(error(&no_linear, &g) > 1e3 * EXACT, "rosenbrock without its linear term");
            let mut no_back = rosenbrock_hand_grad(&x);
            no_back[n - 1] = 0.0; // without the 200 (x_k - x_{k-1}^2) of the previous term
            assert!(error(&no_back, &g) > 1e3 * EXACT, "rosenbrock without the last entry");

            let (_, g) = reference(stencil_dual, &x);
            let mut cube_factor = stencil_hand_grad(&x);
            for k in 1..n - 1 {
                cube_factor[k] -= x[k].powi(3); // 3 x^3 instead of 4 x^3
            }
            if n > 2 {
                assert!(error(&cube_factor, &g) > 1e3 * EXACT, "stencil with a wrong factor");
            }

            let (_, g) = reference(trigonometric_dual, &x);
            let mut no_shared = trigonometric_hand_grad(&x);
            let total: f64 = {
                let c: f64 = x.iter().map(|v| v.cos()).sum();
                (0..n).map(|i| n as f64 - c + (i + 1) as f64 * (1.0 - x[i].cos()) - x[i].sin()).sum()
            };
            for k in 0..n {
                no_shared[k] -= 2.0 * x[k].sin() * total; // without the term through sum_j cos x_j
            }
            assert!(error(&no_shared, &g) > 1e3 * EXACT, "trigonometric without the shared term");
        }
    }
}
