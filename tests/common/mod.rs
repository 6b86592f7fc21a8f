//! Shared checks: a generated gradient, Hessian and Hessian-vector product
//! against central finite differences of the plain function.

#![allow(dead_code)]

use matdiff::check;

/// Relative tolerance for gradients against Ridders-extrapolated differences.
pub const GRAD_TOL: f64 = 1e-8;
/// Relative tolerance for Hessians against Ridders-extrapolated second differences.
pub const HESS_TOL: f64 = 1e-6;

/// Checks value, gradient, Hessian and HVP of a two-argument function.
#[track_caller]
pub fn check2(
    name: &str,
    plain: impl Fn(&[f64]) -> f64 + Copy,
    value_and_grad: impl Fn(f64, f64) -> (f64, [f64; 2]),
    hessian: impl Fn(f64, f64) -> [[f64; 2]; 2],
    hvp: impl Fn(f64, f64, [f64; 2]) -> [f64; 2],
    points: &[[f64; 2]],
) {
    for p in points {
        let what = format!("{name} at {p:?}");
        let (value, grad) = value_and_grad(p[0], p[1]);
        let expected_value = plain(p);
        assert!(
            value == expected_value || (value.is_nan() && expected_value.is_nan()),
            "{what}: value {value} != {expected_value}"
        );
        let fd_grad = check::gradient(plain, p);
        check::assert_all_close(&grad, &fd_grad, GRAD_TOL, &format!("{what}: gradient"));
        let h = hessian(p[0], p[1]);
        let fd_h = check::hessian(plain, p);
        for i in 0..2 {
            check::assert_all_close(&h[i], &fd_h[i], HESS_TOL, &format!("{what}: Hessian row {i}"));
        }
        let v = [0.7, -1.3];
        let hv = hvp(p[0], p[1], v);
        let expected: Vec<f64> = (0..2).map(|i| h[i][0] * v[0] + h[i][1] * v[1]).collect();
        check::assert_all_close(&hv, &expected, 1e-12, &format!("{what}: Hessian-vector product"));
    }
}

/// Checks value and gradient of a two-argument function whose Hessian is
/// not generated or not meaningful.
#[track_caller]
pub fn check2_grad(
    name: &str,
    plain: impl Fn(&[f64]) -> f64 + Copy,
    value_and_grad: impl Fn(f64, f64) -> (f64, [f64; 2]),
    points: &[[f64; 2]],
) {
    for p in points {
        let what = format!("{name} at {p:?}");
        let (value, grad) = value_and_grad(p[0], p[1]);
        assert_eq!(value, plain(p), "{what}: value");
        check::assert_all_close(&grad, &check::gradient(plain, p), GRAD_TOL, &format!("{what}: gradient"));
    }
}

/// Checks the gradient and Hessian of a function of any number of
/// arguments, each given as a closure over a slice.
#[track_caller]
pub fn check_n(
    name: &str,
    plain: impl Fn(&[f64]) -> f64 + Copy,
    grad: impl Fn(&[f64]) -> Vec<f64>,
    hessian: impl Fn(&[f64]) -> Vec<Vec<f64>>,
    points: &[&[f64]],
) {
    for p in points {
        let what = format!("{name} at {p:?}");
        check::assert_all_close(&grad(p), &check::gradient(plain, p), GRAD_TOL, &format!("{what}: gradient"));
        let h = hessian(p);
        let fd = check::hessian(plain, p);
        for (i, (row, fd_row)) in h.iter().zip(&fd).enumerate() {
            check::assert_all_close(row, fd_row, HESS_TOL, &format!("{what}: Hessian row {i}"));
        }
    }
}

/// A deterministic point of `n` coordinates in about [-1.5, 1.5].
pub fn point(n: usize, seed: u64) -> Vec<f64> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..n)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 11) as f64 / (1u64 << 53) as f64) * 3.0 - 1.5
        })
        .collect()
}

/// Checks gradient, Hessian and Hessian-vector product of a function of
/// one slice against finite differences, at sizes `ns`. The Hessian and
/// the Hessian-vector product are checked where differences of the
/// function are affordable (n <= 12); larger sizes are checked against
/// num-dual by the tests that need them.
#[track_caller]
pub fn check_slice(
    name: &str,
    plain: impl Fn(&[f64]) -> f64 + Copy,
    grad: impl Fn(&[f64]) -> Vec<f64>,
    hessian: impl Fn(&[f64]) -> Vec<Vec<f64>>,
    hvp: impl Fn(&[f64], &[f64]) -> Vec<f64>,
    ns: &[usize],
) {
    for &n in ns {
        for seed in 0..2 {
            let x = point(n, seed);
            let what = format!("{name} at n = {n}, seed {seed}");
            // Differences of a sum of a thousand terms lose digits to rounding.
            let tol = if n <= 12 { GRAD_TOL } else { 1e-6 };
            check::assert_all_close(&grad(&x), &check::gradient(plain, &x), tol, &format!("{what}: gradient"));
            if n <= 12 {
                let v = point(n, seed + 100);
                let hv = hvp(&x, &v);
                let h = hessian(&x);
                let fd = check::hessian(plain, &x);
                for i in 0..n {
                    check::assert_all_close(&h[i], &fd[i], HESS_TOL, &format!("{what}: Hessian row {i}"));
                }
                let expected: Vec<f64> = (0..n).map(|i| (0..n).map(|j| h[i][j] * v[j]).sum()).collect();
                check::assert_all_close(&hv, &expected, 1e-12, &format!("{what}: Hessian-vector product"));
                // And against the differences alone, not through the Hessian.
                let independent: Vec<f64> = (0..n).map(|i| (0..n).map(|j| fd[i][j] * v[j]).sum()).collect();
                check::assert_all_close(&hv, &independent, HESS_TOL, &format!("{what}: H v against differences"));
            }
        }
    }
}
