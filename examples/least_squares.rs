//! Least squares ||Ax - b||^2 by Newton's method with the generated gradient
//! 2A'(Ax - b) and Hessian 2A'A (seed 003, the quadratic-form rules): one
//! Newton step lands on the solution of the normal equations. Run with
//! `cargo run --example least_squares`.

use matdiff::differentiate;
use nalgebra::{DMatrix, DVector};

#[differentiate(wrt(x))]
fn residual_norm(x: &DVector<f64>, a: &DMatrix<f64>, b: &DVector<f64>) -> f64 {
    (a * x - b).norm_squared()
}

fn main() {
    // Fit a quadratic c0 + c1 t + c2 t^2 to noisy samples of 1 - 2t + 0.5t^2.
    let samples = 20;
    let t: Vec<f64> = (0..samples).map(|i| i as f64 / 4.0).collect();
    let a = DMatrix::from_fn(samples, 3, |i, j| t[i].powi(j as i32));
    let b = DVector::from_fn(samples, |i, _| 1.0 - 2.0 * t[i] + 0.5 * t[i] * t[i] + 0.05 * (i as f64 * 1.7).sin());

    let mut x = DVector::zeros(3);
    for step in 0..3 {
        let (value, grad) = residual_norm_value_and_grad(&x, &a, &b);
        println!("step {step}: ||Ax - b||^2 = {value:.6e}, |gradient| = {:.3e}", grad.norm());
        let hessian = residual_norm_hessian(&x, &a, &b);
        let newton = hessian.lu().solve(&grad).expect("A has full column rank");
        x -= newton;
    }
    let normal = (a.transpose() * &a).lu().solve(&(a.transpose() * &b)).expect("full rank");
    println!("Newton:           {:.6?}", x.as_slice());
    println!("normal equations: {:.6?}", normal.as_slice());
    assert!((&x - &normal).norm() < 1e-9, "one Newton step solves a quadratic");
}
