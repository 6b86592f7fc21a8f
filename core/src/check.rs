//! Central finite differences: an independent reference for derivatives.
//!
//! These are for tests and for users who want to check a derivative; the
//! generated code never uses them.

/// The gradient of `f` at `x` by Ridders' method: central differences at
/// a shrinking sequence of steps, extrapolated to step 0 (Richardson), which
/// keeps the error near 1e-12 relative for smooth `f` without a hand-tuned
/// step. The first step is a hundredth of the coordinate's size (at least
/// 1e-3),
/// so a kink or a singularity nearer than that makes the estimate
/// meaningless; choose check points accordingly.
pub fn gradient(f: impl Fn(&[f64]) -> f64, x: &[f64]) -> Vec<f64> {
    let mut point = x.to_vec();
    (0..x.len())
        .map(|i| {
            let mut at = |offset: f64| {
                point[i] = x[i] + offset;
                let value = f(&point);
                point[i] = x[i];
                value
            };
            ridders(first_step(x[i]), |h| (at(h) - at(-h)) / (2.0 * h))
        })
        .collect()
}

/// The Hessian of `f` at `x`, `H[i][j]` = d2f / dxi dxj, by Ridders'
/// method on central second differences of `f` itself (no derivative code
/// involved).
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
    let center = at(&[]);
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n {
        let si = first_step(x[i]);
        h[i][i] = ridders(si, |step| (at(&[(i, step)]) - 2.0 * center + at(&[(i, -step)])) / (step * step));
        for j in 0..i {
            let sj = first_step(x[j]);
            let mixed = ridders(1.0, |t| {
                let (hi, hj) = (si * t, sj * t);
                (at(&[(i, hi), (j, hj)]) - at(&[(i, hi), (j, -hj)]) - at(&[(i, -hi), (j, hj)])
                    + at(&[(i, -hi), (j, -hj)]))
                    / (4.0 * hi * hj)
            });
            h[i][j] = mixed;
            h[j][i] = mixed;
        }
    }
    h
}

/// The derivative of `f` at `x` along `v` (a Jacobian-vector product), by
/// Ridders' method.
pub fn directional(f: impl Fn(&[f64]) -> f64, x: &[f64], v: &[f64]) -> f64 {
    let norm = v.iter().map(|vi| vi * vi).sum::<f64>().sqrt().max(1e-300);
    let scale = x.iter().fold(0.0f64, |m, xi| m.max(xi.abs()));
    let at = |t: f64| {
        let point: Vec<f64> = x.iter().zip(v).map(|(xi, vi)| xi + t * vi).collect();
        f(&point)
    };
    ridders(first_step(scale) / norm, |h| (at(h) - at(-h)) / (2.0 * h))
}

fn first_step(x: f64) -> f64 {
    0.01 * x.abs().max(0.1)
}

/// Ridders' extrapolation of `estimate(h)` to h = 0, for an estimate whose
/// error is a series in h^2. Returns the extrapolated value with the smallest
/// estimated error.
fn ridders(first: f64, mut estimate: impl FnMut(f64) -> f64) -> f64 {
    const SHRINK: f64 = 1.4;
    const STEPS: usize = 15;
    let mut table = [[0.0f64; STEPS]; STEPS];
    let mut h = first;
    table[0][0] = estimate(h);
    let mut best = table[0][0];
    let mut error = f64::INFINITY;
    for i in 1..STEPS {
        h /= SHRINK;
        table[0][i] = estimate(h);
        let mut factor = SHRINK * SHRINK;
        for j in 1..=i {
            table[j][i] = (table[j - 1][i] * factor - table[j - 1][i - 1]) / (factor - 1.0);
            factor *= SHRINK * SHRINK;
            let e = (table[j][i] - table[j - 1][i]).abs().max((table[j][i] - table[j - 1][i - 1]).abs());
            if e <= error {
                error = e;
                best = table[j][i];
            }
        }
        if (table[i][i] - table[i - 1][i - 1]).abs() >= 2.0 * error {
            break;
        }
    }
    best
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
        if !close(a, e, rel) {
            let window = i.saturating_sub(3)..(i + 4).min(actual.len());
            panic!(
                "{what}: component {i} of {} is {a:e}, expected {e:e} (relative tolerance {rel:e})\n  actual[{window:?}]:   {:?}\n  expected[{window:?}]: {:?}",
                actual.len(),
                &actual[window.clone()],
                &expected[window.clone()],
            );
        }
    }
}

/// A value `#[differentiate(check)]` builds for an argument from the
/// scalars of a check point, in the argument's order.
pub trait FromScalars: Sized {
    fn from_scalars(scalars: &[f64]) -> Self;
}

impl FromScalars for f64 {
    fn from_scalars(scalars: &[f64]) -> Self {
        scalars[0]
    }
}

impl FromScalars for Vec<f64> {
    fn from_scalars(scalars: &[f64]) -> Self {
        scalars.to_vec()
    }
}

impl<const N: usize> FromScalars for [f64; N] {
    fn from_scalars(scalars: &[f64]) -> Self {
        core::array::from_fn(|i| scalars[i])
    }
}

/// A derivative flattened to its scalars in the order of the check point:
/// a gradient (a float, an array, a `Vec` or a tuple of them) or a
/// Hessian's rows.
pub trait Scalars {
    fn push_scalars(&self, out: &mut Vec<f64>);
}

impl Scalars for f64 {
    fn push_scalars(&self, out: &mut Vec<f64>) {
        out.push(*self);
    }
}

impl<T: Scalars> Scalars for Vec<T> {
    fn push_scalars(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|item| item.push_scalars(out));
    }
}

impl<T: Scalars, const N: usize> Scalars for [T; N] {
    fn push_scalars(&self, out: &mut Vec<f64>) {
        self.iter().for_each(|item| item.push_scalars(out));
    }
}

/// A nalgebra vector or matrix: its `vec()`, column by column (the order
/// of the rows of the Jacobian of a matrix result). A nalgebra Jacobian is
/// flattened row by row by taking this of its transpose.
impl<R: nalgebra::Dim, C: nalgebra::Dim> Scalars for nalgebra::OMatrix<f64, R, C>
where
    nalgebra::DefaultAllocator: nalgebra::allocator::Allocator<R, C>,
{
    fn push_scalars(&self, out: &mut Vec<f64>) {
        out.extend_from_slice(self.as_slice());
    }
}

macro_rules! tuple_scalars {
    ($($name:ident),+) => {
        impl<$($name: Scalars),+> Scalars for ($($name,)+) {
            #[allow(non_snake_case)]
            fn push_scalars(&self, out: &mut Vec<f64>) {
                let ($($name,)+) = self;
                $($name.push_scalars(out);)+
            }
        }
    };
}
tuple_scalars!(A);
tuple_scalars!(A, B);
tuple_scalars!(A, B, C);
tuple_scalars!(A, B, C, D);
tuple_scalars!(A, B, C, D, E);
tuple_scalars!(A, B, C, D, E, G);
tuple_scalars!(A, B, C, D, E, G, H);
tuple_scalars!(A, B, C, D, E, G, H, I);

/// The scalars of `value`, in order.
pub fn scalars(value: &impl Scalars) -> Vec<f64> {
    let mut out = Vec::new();
    value.push_scalars(&mut out);
    out
}

/// The names of the scalars of a check point: `x` for a scalar argument,
/// `v[0]`, `v[1]`, .. for an array, from (name, length, is an array).
pub fn scalar_names(arguments: &[(&str, usize, bool)]) -> Vec<String> {
    let mut names = Vec::new();
    for &(name, len, array) in arguments {
        if array {
            names.extend((0..len).map(|i| format!("{name}[{i}]")));
        } else {
            names.push(name.to_string());
        }
    }
    names
}

/// The test `#[differentiate(check)]` generates, at one point `x` (the
/// differentiated scalars in argument order, named by `names`): the
/// generated `gradient` and, if given, `hessian` (its rows one after the
/// other) against Ridders' differences of `f`. Panics naming the entry that
/// is furthest off, relative to `max(|expected|, 1)`, when it is off by more
/// than 1e-6 (gradient) or 1e-5 (Hessian): a wrong sign or factor, never the
/// differences' own error on a smooth function.
#[track_caller]
pub fn check_point(
    function: &str,
    names: &[String],
    x: &[f64],
    f: impl Fn(&[f64]) -> f64,
    gradient: &[f64],
    hessian: Option<&[f64]>,
) {
    let n = x.len();
    let value = f(x);
    assert!(
        value.is_finite(),
        "{function} is {value} at {x:?}: check it at points where it is finite and smooth, \
         with `#[differentiate(check(points = [[..], ..]))]`"
    );
    assert_eq!(gradient.len(), n, "{function}: the gradient has {} entries for {n} scalars", gradient.len());
    let expected = self::gradient(&f, x);
    let label = |i: usize| format!("d{function}/d{}", names[i]);
    report(function, x, "gradient", (0..n).map(|i| (label(i), gradient[i], expected[i])), 1e-6);
    if let Some(hessian) = hessian {
        assert_eq!(hessian.len(), n * n, "{function}: the Hessian has {} entries for {n} scalars", hessian.len());
        let expected = self::hessian(&f, x);
        let entries = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .map(|(i, j)| (format!("d2{function}/d{} d{}", names[i], names[j]), hessian[i * n + j], expected[i][j]));
        report(function, x, "Hessian", entries, 1e-5);
    }
}

/// [`check_point`] for a function with several outputs: each row of the
/// generated `jacobian` (rows one after the other, row i the gradient of
/// output i) against Ridders' differences of that output of `f`.
#[track_caller]
pub fn check_jacobian_point(
    function: &str,
    names: &[String],
    x: &[f64],
    f: impl Fn(&[f64]) -> Vec<f64>,
    jacobian: &[f64],
) {
    let n = x.len();
    let outputs = f(x);
    assert!(
        outputs.iter().all(|v| v.is_finite()),
        "{function} is {outputs:?} at {x:?}: check it at points where it is finite and smooth, \
         with `#[differentiate(check(points = [[..], ..]))]`"
    );
    let m = outputs.len();
    assert_eq!(
        jacobian.len(),
        m * n,
        "{function}: the Jacobian has {} entries for {m} outputs of {n} scalars",
        jacobian.len()
    );
    let entries = (0..m).flat_map(|i| {
        let expected = self::gradient(|x: &[f64]| f(x)[i], x);
        (0..n)
            .map(move |j| (format!("d{function}[{i}]/d{}", names[j]), jacobian[i * n + j], expected[j]))
            .collect::<Vec<_>>()
    });
    report(function, x, "Jacobian", entries, 1e-6);
}

#[track_caller]
fn report(function: &str, x: &[f64], what: &str, entries: impl Iterator<Item = (String, f64, f64)>, rel: f64) {
    let mut worst: Option<(f64, String, f64, f64)> = None;
    for (name, actual, expected) in entries {
        let error = if close(actual, expected, rel) {
            0.0
        } else if actual.is_finite() && expected.is_finite() {
            (actual - expected).abs() / expected.abs().max(1.0)
        } else {
            f64::INFINITY
        };
        if error > 0.0 && worst.as_ref().is_none_or(|w| error > w.0) {
            worst = Some((error, name, actual, expected));
        }
    }
    if let Some((_, name, actual, expected)) = worst {
        panic!(
            "{function}: the generated {what} disagrees with finite differences at {x:?}: \
             {name} is {actual:e}, the differences give {expected:e} (this is the entry furthest off)"
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
    fn a_wrong_gradient_is_reported_by_name() {
        let f = |x: &[f64]| x[0] * x[0] * x[1];
        let x = [1.5, -2.0];
        let names = scalar_names(&[("a", 1, false), ("b", 1, false)]);
        let right = [2.0 * 1.5 * -2.0, 1.5 * 1.5];
        check_point("f", &names, &x, f, &right, None);
        let wrong_sign = [right[0], -right[1]];
        let message = std::panic::catch_unwind(|| check_point("f", &names, &x, f, &wrong_sign, None))
            .expect_err("a wrong sign must fail");
        let message = message.downcast_ref::<String>().expect("a message");
        assert!(message.contains("df/db is -2.25e0, the differences give 2.24999"), "{message}");
    }

    #[test]
    fn a_wrong_hessian_factor_is_reported_by_name() {
        let f = |x: &[f64]| x[0].powi(3) + x[0] * x[1];
        let x = [0.5, 2.0];
        let names = scalar_names(&[("v", 2, true)]);
        let gradient = [3.0 * 0.25 + 2.0, 0.5];
        let hessian = [6.0 * 0.5, 1.0, 1.0, 0.0];
        check_point("f", &names, &x, f, &gradient, Some(&hessian));
        let half = [3.0, 0.5, 0.5, 0.0];
        let message = std::panic::catch_unwind(|| check_point("f", &names, &x, f, &gradient, Some(&half)))
            .expect_err("a wrong factor must fail");
        let message = message.downcast_ref::<String>().expect("a message");
        assert!(
            message.contains("d2f/dv[0] dv[1] is 5e-1") || message.contains("d2f/dv[1] dv[0] is 5e-1"),
            "{message}"
        );
    }

    #[test]
    fn a_wrong_jacobian_entry_is_reported_by_name() {
        let f = |x: &[f64]| vec![x[0] + x[1], x[0] * x[1]];
        let x = [2.0, 3.0];
        let names = scalar_names(&[("x", 1, false), ("y", 1, false)]);
        check_jacobian_point("f", &names, &x, f, &[1.0, 1.0, 3.0, 2.0]);
        let swapped = [1.0, 1.0, 2.0, 3.0];
        let message = std::panic::catch_unwind(|| check_jacobian_point("f", &names, &x, f, &swapped))
            .expect_err("a wrong entry must fail");
        let message = message.downcast_ref::<String>().expect("a message");
        assert!(message.contains("df[1]/dx is 2e0") || message.contains("df[1]/dy is 3e0"), "{message}");
    }

    #[test]
    fn close_rejects_a_wrong_sign() {
        assert!(!close(-1.0, 1.0, 1e-3));
        assert!(close(1.0 + 1e-9, 1.0, 1e-6));
    }
}
