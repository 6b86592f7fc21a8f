//! Central finite differences: an independent reference for derivatives.
//!
//! These are for tests and for users who want to check a derivative; the
//! generated code never uses them.

/// The gradient of `f` at `x` by the fourth-order central difference
/// (f(x-2h) - 8 f(x-h) + 8 f(x+h) - f(x+2h)) / 12h, with a step scaled to
/// each coordinate. Its error is about 1e-10 relative for smooth `f`.
pub fn gradient(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Vec<f64> {
    let mut point = x.to_vec();
    (0..x.len())
        .map(|i| {
            let h = step(x[i], 5);
            let mut at = |offset: f64| {
                point[i] = x[i] + offset;
                let value = f(&point);
                point[i] = x[i];
                value
            };
            (at(-2.0 * h) - 8.0 * at(-h) + 8.0 * at(h) - at(2.0 * h)) / (12.0 * h)
        })
        .collect()
}

/// The Hessian of `f` at `x`, `H[i][j]` = d2f / dxi dxj, by second-order
/// central differences of `f` itself (no derivative code involved). Its
/// error is about 1e-7 relative for smooth `f`.
pub fn hessian(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut point = x.to_vec();
    let mut at = |moves: &[(usize, f64)]| {
        for &(i, offset) in moves {
            point[i] += offset;
        }
        let value = f(&point);
        point.copy_from_slice(x);
        value
    };
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n {
        let hi = step(x[i], 4);
        h[i][i] = (-at(&[(i, 2.0 * hi)]) + 16.0 * at(&[(i, hi)]) - 30.0 * at(&[]) + 16.0 * at(&[(i, -hi)])
            - at(&[(i, -2.0 * hi)]))
            / (12.0 * hi * hi);
        for j in 0..i {
            let hj = step(x[j], 4);
            let mixed = (at(&[(i, hi), (j, hj)]) - at(&[(i, hi), (j, -hj)]) - at(&[(i, -hi), (j, hj)])
                + at(&[(i, -hi), (j, -hj)]))
                / (4.0 * hi * hj);
            h[i][j] = mixed;
            h[j][i] = mixed;
        }
    }
    h
}

/// The Jacobian-vector product of `f` at `x` along `v` by the fourth-order
/// central difference in the direction `v`.
pub fn directional(f: impl Fn(&[f64]) -> f64, x: &[f64], v: &[f64]) -> f64 {
    let scale = x.iter().fold(1.0f64, |m, xi| m.max(xi.abs()));
    let h = step(scale, 5) / v.iter().fold(1e-300f64, |m, vi| m.max(vi.abs()));
    let at = |t: f64| {
        let point: Vec<f64> = x.iter().zip(v).map(|(xi, vi)| xi + t * vi).collect();
        f(&point)
    };
    (at(-2.0 * h) - 8.0 * at(-h) + 8.0 * at(h) - at(2.0 * h)) / (12.0 * h)
}

/// A step for a difference formula of the given error order at `x`:
/// eps^(1/(order+1)) scaled to the size of `x`, rounded so that `x + h` is
/// exact.
fn step(x: f64, order: i32) -> f64 {
    let h = f64::EPSILON.powf(1.0 / (order as f64 + 1.0)) * x.abs().max(1.0);
    let exact = (x + h) - x;
    if exact == 0.0 { h } else { exact }
}

/// Whether `actual` is within `rel * max(|expected|, 1) ` of `expected`.
pub fn close(actual: f64, expected: f64, rel: f64) -> bool {
    if actual.is_nan() || expected.is_nan() {
        return actual.is_nan() && expected.is_nan();
    }
    if actual.is_infinite() || expected.is_infinite() {
        return actual == expected;
    }
    (actual - expected).abs() <= rel * expected.abs().max(1.0)
}

/// Panics with a readable report unless every component of `actual` is
/// [`close`] to `expected`.
#[track_caller]
pub fn assert_all_close(actual: &[f64], expected: &[f64], rel: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths differ");
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            close(a, e, rel),
            "{what}: component {i} is {a:e}, expected {e:e} (relative tolerance {rel:e})\n  actual:   {actual:?}\n  expected: {expected:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gradient_of_a_cubic_is_exact_to_rounding() {
        let f = |x: &[f64]| x[0] * x[0] * x[1] + x[1].powi(3);
        let g = gradient(f, &[1.5, -2.0]);
        assert_all_close(&g, &[2.0 * 1.5 * -2.0, 1.5 * 1.5 + 3.0 * 4.0], 1e-9, "gradient");
    }

    #[test]
    fn hessian_of_a_cubic_matches_the_closed_form() {
        let f = |x: &[f64]| x[0] * x[0] * x[1] + x[1].powi(3);
        let (a, b) = (1.5, -2.0);
        let h = hessian(f, &[a, b]);
        assert_all_close(&h[0], &[2.0 * b, 2.0 * a], 1e-6, "row 0");
        assert_all_close(&h[1], &[2.0 * a, 6.0 * b], 1e-6, "row 1");
    }

    #[test]
    fn directional_derivative_of_a_product() {
        let f = |x: &[f64]| x[0] * x[1];
        let d = directional(f, &[2.0, 3.0], &[1.0, -1.0]);
        assert!(close(d, 3.0 - 2.0, 1e-9), "{d}");
    }

    #[test]
    fn close_rejects_a_wrong_sign() {
        assert!(!close(-1.0, 1.0, 1e-3));
        assert!(close(1.0 + 1e-9, 1.0, 1e-6));
    }
}
