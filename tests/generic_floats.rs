//! Functions generic over their float type (`fn f<T: Float>(x: T) -> T`):
//! the generated derivatives are generic too, and are checked here at
//! `f64` and at `f32` against closed forms and num-dual (on plain copies
//! of the functions), never against one another. A generic function
//! calling another, the derivatives called from a user's own generic
//! function, and const parameters for array lengths are checked the same
//! way.

#![allow(clippy::needless_range_loop)]

use matdiff::{Float, FloatConst, Real, check, differentiate};
use nalgebra::DVector;
use num_dual::{Dual2DVec64, DualNum};

// ----- the functions -------------------------------------------------------

/// Rosenbrock over a slice, with the constants a generic function writes.
#[differentiate]
fn rosenbrock<T: Float>(x: &[T]) -> T {
    let hundred = T::from(100.0).unwrap();
    let mut s = T::zero();
    for i in 0..x.len() - 1 {
        s = s + hundred * (x[i + 1] - x[i] * x[i]).powi(2) + (T::one() - x[i]).powi(2);
    }
    s
}

/// sin(xy) + π eˣ / y + x³ / 3: a constant of `FloatConst`, an integer
/// converted with `T::from`, a method in path form.
#[differentiate]
fn waves<T: Float + FloatConst>(x: T, y: T) -> T {
    T::sin(x * y) + T::PI() * x.exp() / y + x.powi(3) / T::from(3).unwrap()
}

/// A generic function calling another, with and without the turbofish.
#[differentiate]
fn product_of_waves<T: Real>(x: T, y: T) -> T {
    waves::<T>(x, y) * waves(y, x)
}

/// Bounded by `matdiff::Real`: compound assignment and `sum` on `T`, a
/// branch on a comparison with `T::zero()`.
#[differentiate]
fn energy<T: Real>(x: &[T], scale: T) -> T {
    let mut s = T::zero();
    for &v in x.iter() {
        s += (v * scale).tanh();
    }
    let total: T = x.iter().sum();
    if total > T::zero() { s * total } else { s - total * total }
}

/// An array of the type parameter.
#[differentiate]
fn triple<T: Float>(x: [T; 3]) -> T {
    x[0] * x[1] * x[2] + x[0].ln()
}

/// A vector result: a generic Jacobian.
#[differentiate]
fn polar<T: Float>(r: T, theta: T) -> [T; 2] {
    [r * theta.cos(), r * theta.sin()]
}

/// A user's own generic function that calls the generated derivatives:
/// one Newton step for the minimum of `waves` in `x`.
fn newton_step<T: Real>(x: T, y: T) -> T {
    let grad = waves_grad(x, y);
    let hessian = waves_hessian(x, y);
    x - grad[0] / hessian[0][0]
}

/// Methods with rules, `while`, `match`, `sin_cos`, `T::epsilon()` and
/// `T::sqrt(..)` in a generic function.
#[differentiate]
fn misc<T: Real>(x: T, y: T) -> T {
    let (s, c) = x.sin_cos();
    let m = x.max(y).min(T::one()).clamp(T::zero(), T::from(2).unwrap());
    let mut k = 0;
    let mut acc = T::zero();
    while k < 3 {
        acc += x.mul_add(y, T::epsilon()) * T::from(k).unwrap();
        k += 1;
    }
    let r = match k {
        3 => y.atan2(x),
        _ => T::zero(),
    };
    s * c + m + acc + r + T::sqrt(x * x + y * y)
}

/// Recursion: sin applied `n` times.
#[differentiate]
fn recursive<T: Float>(x: T, n: u32) -> T {
    if n == 0 { x } else { recursive(x, n - 1).sin() }
}

/// `sin_cos` in path form.
#[differentiate]
fn pathsincos<T: Float>(x: T) -> T {
    let (s, c) = T::sin_cos(x);
    s + c
}

/// A `Vec` result built in a local array.
#[differentiate]
fn vec_out<T: Float>(x: &[T]) -> Vec<T> {
    let mut out = vec![T::zero(); x.len()];
    for i in 0..x.len() {
        out[i] = x[i] * x[i];
    }
    out
}

/// `const` items and integers converted to `T`.
#[differentiate]
fn consts<T: Float>(x: T) -> T {
    const HALF: f64 = 0.5;
    let h = T::from(HALF).unwrap();
    let n = 3usize;
    x * h + T::from(n as f64 * 2.0).unwrap() * x.powf(h)
}

/// Const parameters for array lengths, alone and beside the float type.
#[differentiate]
fn sum_of_cubes<const N: usize>(x: [f64; N]) -> f64 {
    let mut s = 0.0;
    for i in 0..N {
        s += x[i] * x[i] * x[i];
    }
    s
}

/// y + y Σ sin xᵢ.
#[differentiate]
fn sines<T: Float, const N: usize>(x: [T; N], y: T) -> T {
    let mut s = y;
    for i in 0..N {
        s = s + x[i].sin() * y;
    }
    s
}

/// (y + y Σ sin xᵢ)², through a call with the turbofish `::<T, N>`.
#[differentiate]
fn sines_squared<T: Float, const N: usize>(x: [T; N], y: T) -> T {
    sines(x, y) * sines::<T, N>(x, y)
}

/// Σ (xᵢ₊₁ - xᵢ²)²: its band is read from the loop.
#[differentiate]
fn chain<T: Float, const N: usize>(x: &[T; N]) -> T {
    let mut s = T::zero();
    for i in 0..N - 1 {
        s = s + (x[i + 1] - x[i] * x[i]).powi(2);
    }
    s
}

/// A result whose length is the const parameter: a Jacobian.
#[differentiate]
fn squares<T: Float, const N: usize>(x: [T; N]) -> [T; N] {
    let mut out = [T::zero(); N];
    for i in 0..N {
        out[i] = x[i] * x[i];
    }
    out
}

/// The bound in a `where` clause, and a `T` argument left out of `wrt`.
#[differentiate(wrt(x))]
fn scaled<T>(x: T, c: T, n: i32) -> T
where
    T: Float,
{
    (x * c).powi(n)
}

// ----- references --------------------------------------------------------

fn rosenbrock_gradient(x: &[f64]) -> Vec<f64> {
    let n = x.len();
    (0..n)
        .map(|i| {
            let mut g = 0.0;
            if i + 1 < n {
                g += -400.0 * x[i] * (x[i + 1] - x[i] * x[i]) - 2.0 * (1.0 - x[i]);
            }
            if i > 0 {
                g += 200.0 * (x[i] - x[i - 1] * x[i - 1]);
            }
            g
        })
        .collect()
}

fn rosenbrock_hessian_closed(x: &[f64]) -> Vec<Vec<f64>> {
    let n = x.len();
    let mut h = vec![vec![0.0; n]; n];
    for i in 0..n {
        if i + 1 < n {
            h[i][i] += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            h[i][i + 1] = -400.0 * x[i];
            h[i + 1][i] = -400.0 * x[i];
        }
        if i > 0 {
            h[i][i] += 200.0;
        }
    }
    h
}

fn waves_closed(x: f64, y: f64) -> ([f64; 2], [[f64; 2]; 2]) {
    use std::f64::consts::PI;
    let (s, c, e) = ((x * y).sin(), (x * y).cos(), x.exp());
    let grad = [y * c + PI * e / y + x * x, x * c - PI * e / (y * y)];
    let xy = c - x * y * s - PI * e / (y * y);
    let hessian = [[-y * y * s + PI * e / y + 2.0 * x, xy], [xy, -x * x * s + 2.0 * PI * e / (y * y * y)]];
    (grad, hessian)
}

fn waves_dual(x: Dual2DVec64, y: Dual2DVec64) -> Dual2DVec64 {
    (x.clone() * &y).sin() + x.exp() * std::f64::consts::PI / &y + x.powi(3) / 3.0
}

/// `f`'s gradient and Hessian at `x` by num-dual.
fn dual(f: impl Fn(DVector<Dual2DVec64>) -> Dual2DVec64, x: &[f64]) -> (Vec<f64>, Vec<Vec<f64>>) {
    let (_, g, h) = num_dual::hessian(f, &DVector::from_column_slice(x));
    (g.iter().copied().collect(), (0..x.len()).map(|i| (0..x.len()).map(|j| h[(i, j)]).collect()).collect())
}

fn rosenbrock_dual(x: DVector<Dual2DVec64>) -> Dual2DVec64 {
    let mut s = Dual2DVec64::from(0.0);
    for i in 0..x.len() - 1 {
        s += (x[i + 1].clone() - x[i].powi(2)).powi(2) * 100.0 + (-x[i].clone() + 1.0).powi(2);
    }
    s
}

/// `f32` results against `f64` references: relative to the larger of 1
/// and the reference, within what single precision carries through a few
/// operations.
#[track_caller]
fn close_f32(actual: &[f32], expected: &[f64], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: length");
    for (k, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        let tolerance = 2e-5 * e.abs().max(1.0);
        assert!((a as f64 - e).abs() <= tolerance, "{what}[{k}]: {a} (f32), expected {e}");
    }
}

const POINTS: [[f64; 3]; 3] = [[1.2, 1.0, 0.8], [-1.2, 1.0, 0.3], [0.5, -0.25, 2.0]];

// ----- the tests ---------------------------------------------------------

#[test]
fn rosenbrock_at_f64_matches_closed_forms_and_num_dual() {
    for x in POINTS {
        let (value, grad) = rosenbrock_value_and_grad(&x);
        assert_eq!(value, rosenbrock(&x));
        check::assert_all_close(&grad, &rosenbrock_gradient(&x), 1e-12, "gradient");
        let hessian: Vec<Vec<f64>> = rosenbrock_hessian(&x);
        let closed = rosenbrock_hessian_closed(&x);
        let (dual_grad, dual_hessian) = dual(rosenbrock_dual, &x);
        check::assert_all_close(&grad, &dual_grad, 1e-12, "gradient against num-dual");
        for i in 0..3 {
            check::assert_all_close(&hessian[i], &closed[i], 1e-12, &format!("Hessian row {i}"));
            check::assert_all_close(&hessian[i], &dual_hessian[i], 1e-12, &format!("Hessian row {i}, num-dual"));
        }
        // The band is read from a generic function's loop too.
        let sparse = rosenbrock_hessian_sparse(&x).to_dense();
        for i in 0..3 {
            check::assert_all_close(&sparse[i], &closed[i], 1e-12, &format!("sparse Hessian row {i}"));
        }
        let v = [0.3, -1.1, 0.7];
        let hv = rosenbrock_hvp(&x, &v);
        let expected: Vec<f64> = (0..3).map(|i| (0..3).map(|j| closed[i][j] * v[j]).sum()).collect();
        check::assert_all_close(&hv, &expected, 1e-12, "Hessian-vector product");
        let mut buffer = [f64::NAN; 3];
        rosenbrock_grad_into(&x, &mut buffer);
        check::assert_all_close(&buffer, &rosenbrock_gradient(&x), 1e-12, "gradient into a buffer");
    }
}

#[test]
fn rosenbrock_at_f32_matches_closed_forms() {
    for x in POINTS {
        let x32 = x.map(|v| v as f32);
        // The reference at the f32 point, computed in f64.
        let at = x32.map(f64::from);
        let (value, grad) = rosenbrock_value_and_grad(&x32);
        let plain: f32 = rosenbrock(&x32);
        assert_eq!(value, plain);
        close_f32(&grad, &rosenbrock_gradient(&at), "f32 gradient");
        let hessian: Vec<Vec<f32>> = rosenbrock_hessian(&x32);
        let closed = rosenbrock_hessian_closed(&at);
        for i in 0..3 {
            close_f32(&hessian[i], &closed[i], &format!("f32 Hessian row {i}"));
        }
        let sparse = rosenbrock_hessian_sparse(&x32);
        assert!(sparse.values.iter().all(|v: &f32| v.is_finite()));
        let dense = sparse.to_dense();
        for i in 0..3 {
            close_f32(&dense[i], &closed[i], &format!("f32 sparse Hessian row {i}"));
        }
    }
}

#[test]
fn scalar_functions_at_both_precisions() {
    for [x, y] in [[0.3, 0.5], [-0.7, 1.9], [1.1, -0.6]] {
        let (grad, hessian) = waves_closed(x, y);
        let (dual_grad, dual_hessian) = dual(|v| waves_dual(v[0].clone(), v[1].clone()), &[x, y]);
        let g64 = waves_grad(x, y);
        let h64 = waves_hessian(x, y);
        check::assert_all_close(&g64, &grad, 1e-12, "waves gradient");
        check::assert_all_close(&g64, &dual_grad, 1e-12, "waves gradient, num-dual");
        for i in 0..2 {
            check::assert_all_close(&h64[i], &hessian[i], 1e-12, "waves Hessian");
            check::assert_all_close(&h64[i], &dual_hessian[i], 1e-12, "waves Hessian, num-dual");
        }
        let (x32, y32) = (x as f32, y as f32);
        let (grad, hessian) = waves_closed(x32 as f64, y32 as f64);
        close_f32(&waves_grad(x32, y32), &grad, "f32 waves gradient");
        let h32 = waves_hessian(x32, y32);
        for i in 0..2 {
            close_f32(&h32[i], &hessian[i], "f32 waves Hessian");
        }
        let hv = waves_hvp(x32, y32, [1.0, -2.0]);
        let expected: Vec<f64> = (0..2).map(|i| hessian[i][0] - 2.0 * hessian[i][1]).collect();
        close_f32(&hv, &expected, "f32 waves Hessian-vector product");
    }
}

#[test]
fn a_generic_function_calling_another() {
    let product =
        |v: DVector<Dual2DVec64>| waves_dual(v[0].clone(), v[1].clone()) * waves_dual(v[1].clone(), v[0].clone());
    for [x, y] in [[0.3, 0.5], [0.8, 1.4]] {
        let (dual_grad, dual_hessian) = dual(product, &[x, y]);
        check::assert_all_close(&product_of_waves_grad(x, y), &dual_grad, 1e-12, "gradient");
        let h = product_of_waves_hessian(x, y);
        for i in 0..2 {
            check::assert_all_close(&h[i], &dual_hessian[i], 1e-12, &format!("Hessian row {i}"));
        }
        let (x32, y32) = (x as f32, y as f32);
        let (dual_grad, dual_hessian) = dual(product, &[x32 as f64, y32 as f64]);
        close_f32(&product_of_waves_grad(x32, y32), &dual_grad, "f32 gradient");
        let h = product_of_waves_hessian(x32, y32);
        for i in 0..2 {
            close_f32(&h[i], &dual_hessian[i], &format!("f32 Hessian row {i}"));
        }
    }
}

#[test]
fn derivatives_called_from_a_users_generic_function() {
    let (x, y) = (0.3, 0.5);
    let (grad, hessian) = waves_closed(x, y);
    let expected = x - grad[0] / hessian[0][0];
    assert!((newton_step(x, y) - expected).abs() <= 1e-12 * expected.abs());
    let (grad, hessian) = waves_closed(x as f32 as f64, y as f32 as f64);
    close_f32(&[newton_step(x as f32, y as f32)], &[x as f32 as f64 - grad[0] / hessian[0][0]], "f32 Newton step");
}

#[test]
fn real_bound_arrays_and_jacobians() {
    // energy: s = Σ tanh(scale v), t = Σ v; s t when t > 0, else s - t².
    let energy_dual = |v: DVector<Dual2DVec64>| {
        let n = v.len() - 1;
        let scale = v[n].clone();
        let mut s = Dual2DVec64::from(0.0);
        let mut t = Dual2DVec64::from(0.0);
        for i in 0..n {
            s += (v[i].clone() * &scale).tanh();
            t += v[i].clone();
        }
        if t.re > 0.0 { s * t } else { s - t.powi(2) }
    };
    for x in [vec![0.3, -0.2, 0.9], vec![-0.5, 0.1, -0.4]] {
        let scale = 1.3;
        let all: Vec<f64> = x.iter().copied().chain([scale]).collect();
        let (dual_grad, dual_hessian) = dual(energy_dual, &all);
        let (gx, gs) = energy_grad(&x, scale);
        check::assert_all_close(&gx, &dual_grad[..3], 1e-12, "energy gradient in x");
        check::assert_all_close(&[gs], &dual_grad[3..], 1e-12, "energy gradient in scale");
        let h: Vec<Vec<f64>> = energy_hessian(&x, scale);
        for i in 0..4 {
            check::assert_all_close(&h[i], &dual_hessian[i], 1e-12, &format!("energy Hessian row {i}"));
        }
        let x32: Vec<f32> = x.iter().map(|&v| v as f32).collect();
        let (gx, gs) = energy_grad(&x32, scale as f32);
        let at: Vec<f64> = x32.iter().map(|&v| v as f64).chain([scale as f32 as f64]).collect();
        let (dual_grad, _) = dual(energy_dual, &at);
        close_f32(&gx, &dual_grad[..3], "f32 energy gradient in x");
        close_f32(&[gs], &dual_grad[3..], "f32 energy gradient in scale");
    }

    // triple: x0 x1 x2 + ln x0.
    let x = [0.7, -1.5, 2.5];
    let expected = [x[1] * x[2] + 1.0 / x[0], x[0] * x[2], x[0] * x[1]];
    check::assert_all_close(&triple_grad(x), &expected, 1e-12, "array gradient");
    let h = triple_hessian(x);
    let closed = [[-1.0 / (x[0] * x[0]), x[2], x[1]], [x[2], 0.0, x[0]], [x[1], x[0], 0.0]];
    for i in 0..3 {
        check::assert_all_close(&h[i], &closed[i], 1e-12, "array Hessian");
    }
    close_f32(&triple_grad(x.map(|v| v as f32)), &expected, "f32 array gradient");

    // polar: the Jacobian of (r cos θ, r sin θ).
    for (r, theta) in [(2.0, 0.4), (0.5, -2.0)] {
        let closed = [[f64::cos(theta), -r * f64::sin(theta)], [f64::sin(theta), r * f64::cos(theta)]];
        let j = polar_jacobian(r, theta);
        let j32 = polar_jacobian(r as f32, theta as f32);
        for i in 0..2 {
            check::assert_all_close(&j[i], &closed[i], 1e-12, "Jacobian");
            close_f32(&j32[i], &closed[i], "f32 Jacobian");
        }
    }
}

/// `check` on a generic function tests it at `f64`.
#[differentiate(check(points = [[0.3, -0.4, 1.2], [1.1, 0.5, -0.7]]))]
fn checked<T: Float>(x: &[T]) -> T {
    let mut s = T::zero();
    for i in 0..x.len() {
        s = s + (x[i] * T::from(i + 1).unwrap()).sin() * x[0];
    }
    s
}

/// A concrete function calling a generic one: `T` is inferred as `f64`.
#[differentiate]
fn concrete_caller(x: f64, y: f64) -> f64 {
    waves(x, y) + waves::<f64>(y, 1.5)
}

struct Model {
    weight: f64,
}

impl Model {
    /// A generic method: `self` is a constant, `T` the float type, and a
    /// lifetime parameter beside it (written out on purpose).
    #[allow(clippy::needless_lifetimes)]
    #[differentiate]
    fn loss<'a, T: Real>(&self, x: &'a [T]) -> T {
        let w = T::from(self.weight).unwrap();
        let mut s = T::zero();
        for &v in x {
            s += (v - w).powi(2) * v.exp();
        }
        s
    }
}

#[test]
fn concrete_callers_and_methods() {
    let (x, y) = (0.4, 0.9);
    let (g1, h1) = waves_closed(x, y);
    let (g2, h2) = waves_closed(y, 1.5);
    check::assert_all_close(&concrete_caller_grad(x, y), &[g1[0], g1[1] + g2[0]], 1e-12, "gradient");
    let h = concrete_caller_hessian(x, y);
    check::assert_all_close(&h[0], &h1[0], 1e-12, "Hessian row 0");
    check::assert_all_close(&h[1], &[h1[1][0], h1[1][1] + h2[0][0]], 1e-12, "Hessian row 1");

    // d/dv (v - w)² eᵛ = (2 (v - w) + (v - w)²) eᵛ, and the Hessian is diagonal.
    let model = Model { weight: 0.5 };
    let x = [0.1, 1.3, -0.4];
    let grad = |v: f64| (2.0 * (v - 0.5) + (v - 0.5).powi(2)) * v.exp();
    let curvature = |v: f64| (2.0 + 4.0 * (v - 0.5) + (v - 0.5).powi(2)) * v.exp();
    check::assert_all_close(&model.loss_grad(&x), &x.map(grad), 1e-12, "method gradient");
    let h = model.loss_hessian(&x);
    for i in 0..3 {
        let row: Vec<f64> = (0..3).map(|j| if i == j { curvature(x[i]) } else { 0.0 }).collect();
        check::assert_all_close(&h[i], &row, 1e-12, &format!("method Hessian row {i}"));
    }
    let x32 = x.map(|v| v as f32);
    close_f32(&model.loss_grad(&x32), &x32.map(|v| grad(v as f64)), "f32 method gradient");
}

#[test]
fn more_constructs_against_differences_and_closed_forms() {
    let plain = |p: &[f64]| misc(p[0], p[1]);
    for p in [[0.3, 0.5], [0.8, -0.4]] {
        let grad = misc_grad(p[0], p[1]);
        check::assert_all_close(&grad, &check::gradient(plain, &p), 1e-8, "misc gradient");
        let h = misc_hessian(p[0], p[1]);
        let differences = check::hessian(plain, &p);
        for i in 0..2 {
            check::assert_all_close(&h[i], &differences[i], 1e-6, "misc Hessian");
        }
        let at = p.map(|v| v as f32 as f64);
        close_f32(&misc_grad(at[0] as f32, at[1] as f32), &check::gradient(plain, &at), "f32 misc gradient");
    }

    for x in [0.3f64, -1.2] {
        let expected = x.sin().sin().cos() * x.sin().cos() * x.cos();
        check::assert_all_close(&recursive_grad(x, 3), &[expected], 1e-12, "recursion");
        close_f32(&recursive_grad(x as f32, 3), &[expected], "f32 recursion");
        check::assert_all_close(&pathsincos_hessian(x)[0], &[-x.sin() - x.cos()], 1e-12, "sin_cos");
        let x = x.abs();
        let expected = -1.5 * x.powf(-1.5);
        check::assert_all_close(&consts_hessian(x)[0], &[expected], 1e-12, "constants");
        close_f32(&consts_hessian(x as f32)[0], &[expected], "f32 constants");
    }

    let j = vec_out_jacobian(&[0.3f32, -0.5]);
    close_f32(&j[0], &[0.6, 0.0], "f32 Jacobian row 0");
    close_f32(&j[1], &[0.0, -1.0], "f32 Jacobian row 1");
}

#[test]
fn const_parameters_for_array_lengths() {
    let x = [0.7, -1.2, 2.0];
    check::assert_all_close(&sum_of_cubes_grad(x), &x.map(|v| 3.0 * v * v), 1e-12, "sum of cubes gradient");
    // A length that is a const parameter cannot size a type rustc computes
    // with (`N + 1`), so the Hessian has rows of `Vec`s.
    let h: Vec<Vec<f64>> = sum_of_cubes_hessian(x);
    for i in 0..3 {
        let row: Vec<f64> = (0..3).map(|j| if i == j { 6.0 * x[i] } else { 0.0 }).collect();
        check::assert_all_close(&h[i], &row, 1e-12, "sum of cubes Hessian");
    }

    // sines: g = y (1 + Σ sin xᵢ); ∂g/∂xᵢ = y cos xᵢ, ∂g/∂y = 1 + Σ sin xᵢ,
    // ∂²g/∂xᵢ² = -y sin xᵢ, ∂²g/∂xᵢ∂y = cos xᵢ.
    let y = 0.8;
    let g = y * (1.0 + x.iter().map(|v| v.sin()).sum::<f64>());
    let mut grad: Vec<f64> = x.iter().map(|v| y * v.cos()).collect();
    grad.push(1.0 + x.iter().map(|v| v.sin()).sum::<f64>());
    let mut hessian = vec![vec![0.0; 4]; 4];
    for i in 0..3 {
        hessian[i][i] = -y * x[i].sin();
        hessian[i][3] = x[i].cos();
        hessian[3][i] = x[i].cos();
    }
    let (gx, gy) = sines_grad(x, y);
    check::assert_all_close(&gx, &grad[..3], 1e-12, "sines gradient in x");
    check::assert_all_close(&[gy], &grad[3..], 1e-12, "sines gradient in y");
    let h = sines_hessian(x, y);
    for i in 0..4 {
        check::assert_all_close(&h[i], &hessian[i], 1e-12, &format!("sines Hessian row {i}"));
    }
    let (gx32, gy32) = sines_grad(x.map(|v| v as f32), y as f32);
    close_f32(&gx32, &grad[..3], "f32 sines gradient in x");
    close_f32(&[gy32], &grad[3..], "f32 sines gradient in y");

    // g²: gradient 2 g ∇g, Hessian 2 (∇g ∇gᵀ + g H).
    let (sx, sy) = sines_squared_grad(x, y);
    let expected: Vec<f64> = grad.iter().map(|d| 2.0 * g * d).collect();
    check::assert_all_close(&sx, &expected[..3], 1e-12, "squared gradient in x");
    check::assert_all_close(&[sy], &expected[3..], 1e-12, "squared gradient in y");
    let h = sines_squared_hessian(x, y);
    for i in 0..4 {
        let row: Vec<f64> = (0..4).map(|j| 2.0 * (grad[i] * grad[j] + g * hessian[i][j])).collect();
        check::assert_all_close(&h[i], &row, 1e-12, &format!("squared Hessian row {i}"));
    }

    // chain: H[i][i] = 2 [i > 0] + (12 xᵢ² - 4 xᵢ₊₁) [i < n - 1],
    // H[i][i + 1] = -4 xᵢ; the sparse form holds the same band.
    let x = [0.5, -0.3, 1.1, 0.9];
    let mut closed = vec![vec![0.0; 4]; 4];
    for i in 0..4 {
        if i > 0 {
            closed[i][i] += 2.0;
        }
        if i < 3 {
            closed[i][i] += 12.0 * x[i] * x[i] - 4.0 * x[i + 1];
            closed[i][i + 1] = -4.0 * x[i];
            closed[i + 1][i] = -4.0 * x[i];
        }
    }
    let h = chain_hessian(&x);
    let sparse = chain_hessian_sparse(&x).to_dense();
    let h32 = chain_hessian(&x.map(|v| v as f32));
    for i in 0..4 {
        check::assert_all_close(&h[i], &closed[i], 1e-12, &format!("chain Hessian row {i}"));
        check::assert_all_close(&sparse[i], &closed[i], 1e-12, &format!("chain sparse Hessian row {i}"));
        close_f32(&h32[i], &closed[i], &format!("f32 chain Hessian row {i}"));
    }

    let j = squares_jacobian([0.5f32, -2.0]);
    close_f32(&j[0], &[1.0, 0.0], "f32 Jacobian row 0");
    close_f32(&j[1], &[0.0, -4.0], "f32 Jacobian row 1");
}

#[test]
fn where_clauses_and_constant_arguments() {
    // d/dx (c x)ⁿ = n c (c x)ⁿ⁻¹, and d²/dx² = n (n - 1) c² (c x)ⁿ⁻².
    let (x, c) = (0.7, 1.3);
    check::assert_all_close(&scaled_grad(x, c, 3), &[3.0 * c * (c * x).powi(2)], 1e-12, "gradient");
    check::assert_all_close(&scaled_hessian(x, c, 3)[0], &[6.0 * c * c * (c * x)], 1e-12, "Hessian");
    close_f32(&scaled_grad(x as f32, c as f32, 3), &[3.0 * c * (c * x).powi(2)], "f32 gradient");
}
