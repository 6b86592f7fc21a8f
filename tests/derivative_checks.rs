//! `#[differentiate(check)]`: each function below gets a generated test
//! (named `<function>_derivatives_match_finite_differences`) that runs with
//! this file's tests and compares its gradient and Hessian with Ridders'
//! differences (and the Jacobian of a function with several outputs): at
//! generated points, at the points given, for scalars, arrays, slices and
//! `Vec`s, with renamed functions and `no_hessian`. That a
//! wrong derivative fails such a test is tested in `matdiff::check` itself.

#![allow(clippy::ptr_arg, clippy::needless_range_loop)]

use matdiff::differentiate;

/// Seed 003, 4.4.19: the quadratic of the quiver plot.
#[differentiate(check)]
fn bowl(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

#[differentiate(check(points = [[1.0, -2.0, 0.5], [-0.25, 3.0, 2.0]]))]
fn mixed(a: f64, v: [f64; 2]) -> f64 {
    (a * v[0]).sin() + v[1].exp() * a - (v[0] * v[1]).powi(3)
}

#[differentiate(check)]
fn rosenbrock(x: &[f64]) -> f64 {
    let mut s = 0.0;
    for i in 0..x.len() - 1 {
        s += 100.0 * (x[i + 1] - x[i] * x[i]).powi(2) + (1.0 - x[i]).powi(2);
    }
    s
}

#[differentiate(check(points = [[0.5, 0.5, 1.0, 2.0, 3.0], [2.0, 1.0, -1.0]]))]
fn weighted_log(scale: f64, shift: f64, w: Vec<f64>) -> f64 {
    let mut s = 0.0;
    for i in 0..w.len() {
        s += (scale * w[i] * w[i] + shift + 1.0).ln();
    }
    s
}

#[differentiate(check, no_hessian, grad = energy_gradient)]
fn energy(p: &[f64; 3]) -> f64 {
    let r = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt();
    1.0 / r + (0.5 * r).acos()
}

/// Seed 003, exercise 4.4.4: a vector result, whose Jacobian is checked.
#[differentiate(check)]
fn exercise_4_4_4(x1: f64, x2: f64, x3: f64) -> [f64; 2] {
    [x1 + x2 + x3, x1 * x2 * x3]
}

#[differentiate(check(points = [[0.3, 1.7, 2.0, -1.0]]))]
fn polar_pair(r: f64, v: Vec<f64>) -> (f64, f64) {
    let mut s = 0.0;
    for i in 0..v.len() {
        s += v[i] * v[i];
    }
    (r * s.sqrt(), (r * v[0]).atan2(s))
}

#[test]
fn the_functions_still_work() {
    assert_eq!(bowl(0.0, 0.0), 107.0);
    assert!(energy_gradient(&[0.3, 0.2, 0.1])[0].is_finite());
}
