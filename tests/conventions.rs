//! The derivative chosen where a function is not differentiable, as
//! documented in `matdiff_core::rules::elementwise`.

use matdiff::differentiate;

#[differentiate]
fn abs(x: f64) -> f64 {
    x.abs()
}

#[differentiate]
fn min(a: f64, b: f64) -> f64 {
    a.min(b)
}

#[differentiate]
fn max(a: f64, b: f64) -> f64 {
    a.max(b)
}

#[differentiate]
fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.clamp(lo, hi)
}

#[differentiate]
fn hypot(a: f64, b: f64) -> f64 {
    a.hypot(b)
}

#[differentiate]
fn atan2(a: f64, b: f64) -> f64 {
    a.atan2(b)
}

#[differentiate]
fn sqrt(x: f64) -> f64 {
    x.sqrt()
}

#[differentiate]
fn powi0(x: f64) -> f64 {
    x.powi(0)
}

#[differentiate]
fn powf(x: f64, p: f64) -> f64 {
    x.powf(p)
}

#[test]
fn abs_has_slope_zero_at_zero() {
    assert_eq!(abs_grad(0.0), [0.0]);
    assert_eq!(abs_grad(-2.0), [-1.0]);
    assert_eq!(abs_grad(3.0), [1.0]);
    assert_eq!(abs_hessian(0.0), [[0.0]]);
}

#[test]
fn ties_go_to_the_receiver() {
    assert_eq!(min_grad(1.0, 1.0), [1.0, 0.0]);
    assert_eq!(max_grad(1.0, 1.0), [1.0, 0.0]);
    assert_eq!(min_grad(2.0, 1.0), [0.0, 1.0]);
    assert_eq!(max_grad(2.0, 1.0), [1.0, 0.0]);
    assert_eq!(min_grad(f64::NAN, 1.0), [0.0, 1.0]);
    assert_eq!(clamp_grad(0.0, 0.0, 1.0), [1.0, 0.0, 0.0]);
    assert_eq!(clamp_grad(1.0, 0.0, 1.0), [1.0, 0.0, 0.0]);
    assert_eq!(clamp_grad(-1.0, 0.0, 1.0), [0.0, 1.0, 0.0]);
    assert_eq!(clamp_grad(2.0, 0.0, 1.0), [0.0, 0.0, 1.0]);
}

#[test]
fn hypot_and_atan2_are_flat_at_the_origin() {
    assert_eq!(hypot_grad(0.0, 0.0), [0.0, 0.0]);
    assert_eq!(hypot_hessian(0.0, 0.0), [[0.0, 0.0], [0.0, 0.0]]);
    assert_eq!(atan2_grad(0.0, 0.0), [0.0, 0.0]);
    assert_eq!(atan2_hessian(0.0, 0.0), [[0.0, 0.0], [0.0, 0.0]]);
}

#[test]
fn sqrt_slope_is_infinite_at_zero() {
    assert_eq!(sqrt_grad(0.0), [f64::INFINITY]);
}

#[test]
fn integer_powers_and_zero_base() {
    assert_eq!(powi0_grad(0.0), [0.0]);
    assert_eq!(powi0_hessian(0.0), [[0.0]]);
    // d/dp 0^p = 0 for p > 0, and d/dx x^p at 0 is 0 for p > 1.
    assert_eq!(powf_grad(0.0, 2.5), [0.0, 0.0]);
}
