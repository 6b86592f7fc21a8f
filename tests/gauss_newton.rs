//! The Gauss-Newton fit of `examples/gauss_newton.rs`: its Jacobian
//! against the closed form, and the parameters it recovers from noise-free
//! data.

// The example is a binary; this takes its code as a module (its `main` is
// then unused here).
#[allow(dead_code)]
#[path = "../examples/gauss_newton.rs"]
mod gauss_newton;

use gauss_newton::{fit, residuals_jacobian, samples};
use nalgebra::DVector;

#[test]
fn the_jacobian_is_the_closed_form() {
    let (t, y) = samples([2.0, -1.3, 0.5], 7);
    let p = DVector::from_vec(vec![0.7, 0.4, -1.0]);
    let j = residuals_jacobian(&p, &t, &y);
    assert_eq!(j.shape(), (7, 3));
    for i in 0..7 {
        let e = (p[1] * t[i]).exp();
        for (k, expected) in [e, p[0] * t[i] * e, 1.0].into_iter().enumerate() {
            assert!((j[(i, k)] - expected).abs() <= 1e-14 * expected.abs().max(1.0), "({i}, {k})");
        }
    }
}

#[test]
fn gauss_newton_recovers_the_parameters_of_noise_free_data() {
    let truth = [2.0, -1.3, 0.5];
    let (t, y) = samples(truth, 25);
    let iterations = fit(DVector::from_vec(vec![1.0, -0.5, 0.0]), &t, &y, 1e-12, 50);
    assert!(iterations.len() < 50, "converges: {} iterations", iterations.len());
    let fitted = &iterations.last().unwrap().parameters;
    for k in 0..3 {
        assert!((fitted[k] - truth[k]).abs() < 1e-8, "parameter {k}: {} vs {}", fitted[k], truth[k]);
    }
    // Near the solution the residual is zero, and Gauss-Newton converges
    // quadratically: the last steps shrink fast.
    assert!(iterations.last().unwrap().cost < 1e-20);
}
