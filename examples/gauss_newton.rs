//! Gauss-Newton fit of y = a e^(b t) + c: the residual function builds its
//! vector from computed scalars (`DVector::from_fn`), and `#[differentiate]`
//! gives its Jacobian, `residuals_jacobian`, whose row i is the gradient of
//! residual i in (a, b, c). Each step solves the normal equations
//! J'J d = -J'r by Cholesky, and is halved until the cost decreases (damped
//! Gauss-Newton; near the solution the full step is taken, and converges
//! quadratically on data the model fits exactly). Run with
//! `cargo run --example gauss_newton`.

use matdiff::differentiate;
use nalgebra::DVector;

/// r_i = a e^(b t_i) + c - y_i, for the parameters p = (a, b, c).
#[differentiate(wrt(p))]
pub fn residuals(p: &DVector<f64>, t: &[f64], y: &[f64]) -> DVector<f64> {
    DVector::from_fn(t.len(), |i, _| p[0] * (p[1] * t[i]).exp() + p[2] - y[i])
}

/// What one Gauss-Newton iteration reached.
pub struct Iteration {
    pub parameters: DVector<f64>,
    pub cost: f64,
    pub step: f64,
}

/// Gauss-Newton from `start` until the step is below `tolerance` (or
/// `max_iterations`): the iterations, the last one the fit.
pub fn fit(start: DVector<f64>, t: &[f64], y: &[f64], tolerance: f64, max_iterations: usize) -> Vec<Iteration> {
    let mut p = start;
    let mut iterations = Vec::new();
    for _ in 0..max_iterations {
        let r = residuals(&p, t, y);
        let j = residuals_jacobian(&p, t, y);
        let normal = j.transpose() * &j;
        let cholesky = normal.cholesky().expect("J'J is positive definite: the parameters are identifiable");
        let mut step = cholesky.solve(&(-(j.transpose() * &r)));
        let cost_before = 0.5 * r.norm_squared();
        let mut cost = 0.5 * residuals(&(&p + &step), t, y).norm_squared();
        while (cost.is_nan() || cost > cost_before) && step.norm() > tolerance {
            step *= 0.5;
            cost = 0.5 * residuals(&(&p + &step), t, y).norm_squared();
        }
        p += &step;
        iterations.push(Iteration { parameters: p.clone(), cost, step: step.norm() });
        if step.norm() < tolerance {
            break;
        }
    }
    iterations
}

/// Noise-free samples of y = a e^(b t) + c at `n` times in [0, 2].
pub fn samples(truth: [f64; 3], n: usize) -> (Vec<f64>, Vec<f64>) {
    let t: Vec<f64> = (0..n).map(|i| 2.0 * i as f64 / (n - 1) as f64).collect();
    let y = t.iter().map(|&t| truth[0] * (truth[1] * t).exp() + truth[2]).collect();
    (t, y)
}

fn main() {
    let truth = [2.0, -1.3, 0.5];
    let (t, y) = samples(truth, 25);
    let start = DVector::from_vec(vec![1.0, -0.5, 0.0]);
    let iterations = fit(start, &t, &y, 1e-12, 50);
    for (k, it) in iterations.iter().enumerate() {
        println!(
            "iteration {:2}: a = {:.12}, b = {:.12}, c = {:.12}, cost = {:.3e}, |step| = {:.3e}",
            k + 1,
            it.parameters[0],
            it.parameters[1],
            it.parameters[2],
            it.cost,
            it.step
        );
    }
    let fitted = &iterations.last().expect("at least one iteration").parameters;
    println!("fitted: a = {:.10}, b = {:.10}, c = {:.10} (truth {truth:?})", fitted[0], fitted[1], fitted[2]);
}
