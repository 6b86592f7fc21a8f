//! Calls between differentiated functions (the caller uses the callee's
//! generated pullback and tangent functions), methods, `wrt` subsets,
//! renamed outputs and `f32`.

mod common;

use common::check_n;
use matdiff::differentiate;

#[differentiate]
fn inner(a: f64, b: f64) -> f64 {
    a.sin() * b + a * a
}

#[differentiate]
fn scaled(a: f64, n: usize, scale: f64) -> f64 {
    a.exp() * (n as f64) * scale
}

mod geometry {
    use matdiff::differentiate;

    #[differentiate]
    pub fn radius(x: f64, y: f64) -> f64 {
        (x * x + y * y).sqrt()
    }

    pub mod nested {
        use matdiff::differentiate;

        #[differentiate]
        pub fn through_super(x: f64, y: f64) -> f64 {
            super::radius(x, y) * crate::inner(x, y)
        }
    }
}

use geometry::radius;

#[differentiate]
fn caller(x: f64, y: f64) -> f64 {
    let a = inner(x * y, 2.0);
    let b = if x > 0.0 { scaled(y, 3, x) } else { scaled(x, 2, 0.5) };
    a + b * radius(x, y) + crate::geometry::nested::through_super(y, x)
}

fn caller_plain(v: &[f64]) -> f64 {
    let (x, y) = (v[0], v[1]);
    let inner = |a: f64, b: f64| a.sin() * b + a * a;
    let scaled = |a: f64, n: usize, scale: f64| a.exp() * (n as f64) * scale;
    let radius = |x: f64, y: f64| (x * x + y * y).sqrt();
    let a = inner(x * y, 2.0);
    let b = if x > 0.0 { scaled(y, 3, x) } else { scaled(x, 2, 0.5) };
    a + b * radius(x, y) + radius(y, x) * inner(y, x)
}

#[test]
fn calls_use_the_callee_derivatives() {
    check_n(
        "caller",
        caller_plain,
        |v| caller_grad(v[0], v[1]).to_vec(),
        |v| caller_hessian(v[0], v[1]).iter().map(|r| r.to_vec()).collect(),
        &[&[0.5, 0.3], &[-0.4, 1.2], &[1.5, -0.7]],
    );
    assert_eq!(caller(0.5, 0.3), caller_plain(&[0.5, 0.3]));
}

#[test]
fn hvp_through_calls_matches_the_hessian() {
    let (x, y, v) = (0.5, 0.3, [1.5, -2.0]);
    let h = caller_hessian(x, y);
    let hv = caller_hvp(x, y, v);
    for i in 0..2 {
        approx::assert_relative_eq!(hv[i], h[i][0] * v[0] + h[i][1] * v[1], max_relative = 1e-12);
    }
}

/// A chain of calls three deep, each with a constant argument.
#[differentiate]
fn level3(x: f64) -> f64 {
    x.tanh() * 3.0
}

#[differentiate]
fn level2(x: f64, c: f64) -> f64 {
    level3(x * c) + c
}

#[differentiate]
fn level1(x: f64, y: f64) -> f64 {
    level2(x, 0.5) * level2(y, x)
}

#[test]
fn deep_call_chain() {
    let plain = |v: &[f64]| {
        let level3 = |x: f64| x.tanh() * 3.0;
        let level2 = |x: f64, c: f64| level3(x * c) + c;
        level2(v[0], 0.5) * level2(v[1], v[0])
    };
    check_n(
        "level1",
        plain,
        |v| level1_grad(v[0], v[1]).to_vec(),
        |v| level1_hessian(v[0], v[1]).iter().map(|r| r.to_vec()).collect(),
        &[&[0.5, 0.3], &[-0.4, 1.2]],
    );
}

/// Differentiated with respect to `x` only: `c` is a constant.
#[differentiate(wrt(x), grad = dfdx, value_and_grad = f_and_dfdx, hessian = d2fdx2, hvp = d2fdx2_times)]
fn partial(x: f64, c: f64) -> f64 {
    (x * c).sin() + c * c
}

#[test]
fn wrt_subset_and_renamed_functions() {
    let (x, c) = (0.7, 1.3);
    assert_eq!(dfdx(x, c), [c * (x * c).cos()]);
    let (value, grad) = f_and_dfdx(x, c);
    assert_eq!(value, partial(x, c));
    assert_eq!(grad, dfdx(x, c));
    approx::assert_relative_eq!(d2fdx2(x, c)[0][0], -c * c * (x * c).sin(), max_relative = 1e-15);
    approx::assert_relative_eq!(d2fdx2_times(x, c, [2.0])[0], -2.0 * c * c * (x * c).sin(), max_relative = 1e-15);
}

#[differentiate(no_hessian)]
fn gradient_only(x: f64, y: f64) -> f64 {
    x * y.exp()
}

#[test]
fn no_hessian_still_gives_gradients() {
    assert_eq!(gradient_only_grad(2.0, 0.0), [1.0, 2.0]);
}

/// A caller may pass a value that does not depend on its inputs in the
/// position of the callee's constant `c`.
#[differentiate]
fn uses_partial(x: f64) -> f64 {
    partial(x * x, 2.0)
}

#[test]
fn constant_argument_of_a_wrt_subset_callee() {
    let x: f64 = 0.8;
    approx::assert_relative_eq!(uses_partial_grad(x)[0], 2.0 * x * 2.0 * (x * x * 2.0).cos(), max_relative = 1e-15);
}

struct Model {
    weight: f64,
    bias: f64,
}

impl Model {
    #[differentiate]
    fn predict(&self, x: f64) -> f64 {
        (self.weight * x + self.bias).tanh()
    }

    #[differentiate]
    pub fn loss(&self, x: f64, target: f64) -> f64 {
        let error = self.predict(x) - target;
        error * error
    }
}

#[test]
fn methods_differentiate_with_self_constant() {
    let model = Model { weight: 0.8, bias: -0.2 };
    let plain = |v: &[f64]| {
        let p = (0.8 * v[0] - 0.2).tanh();
        (p - v[1]) * (p - v[1])
    };
    check_n(
        "Model::loss",
        plain,
        |v| model.loss_grad(v[0], v[1]).to_vec(),
        |v| model.loss_hessian(v[0], v[1]).iter().map(|r| r.to_vec()).collect(),
        &[&[0.5, 0.3], &[-1.0, 0.9]],
    );
    assert_eq!(model.predict_grad(0.0), [0.8 * (1.0 - (-0.2f64).tanh().powi(2))]);
}

#[differentiate]
fn single_precision(x: f32, y: f32) -> f32 {
    (x * y).sin() + x.powi(2) / y
}

#[differentiate]
fn double_precision(x: f64, y: f64) -> f64 {
    (x * y).sin() + x.powi(2) / y
}

#[test]
fn f32_matches_f64_to_single_precision() {
    let (x, y) = (0.7f32, 1.9f32);
    let g32 = single_precision_grad(x, y);
    let g64 = double_precision_grad(x as f64, y as f64);
    let h32 = single_precision_hessian(x, y);
    let h64 = double_precision_hessian(x as f64, y as f64);
    for i in 0..2 {
        approx::assert_relative_eq!(g32[i] as f64, g64[i], max_relative = 1e-5);
        for j in 0..2 {
            approx::assert_relative_eq!(h32[i][j] as f64, h64[i][j], max_relative = 1e-4);
        }
    }
}

/// `as f64` of an `f64` value is the identity, also for derivatives.
#[differentiate]
#[allow(clippy::unnecessary_cast)]
fn redundant_cast(x: f64, y: f64) -> f64 {
    (x * y) as f64 * x
}

#[test]
fn same_precision_casts_carry_derivatives() {
    let (x, y) = (0.5, 0.25);
    assert_eq!(redundant_cast_grad(x, y), [2.0 * x * y, x * x]);
    assert_eq!(redundant_cast_hessian(x, y), [[2.0 * y, 2.0 * x], [2.0 * x, 0.0]]);
}

#[cfg(test)]
#[differentiate]
fn only_in_tests(x: f64) -> f64 {
    x * 3.0
}

#[test]
fn cfg_carries_over() {
    assert_eq!(only_in_tests_grad(1.0), [3.0]);
}
