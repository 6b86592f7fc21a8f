//! Logistic regression trained with the generated gradient X'(p - y), then
//! refined by Newton steps with the generated Hessian X' diag(p(1 - p)) X.
//! Run with `cargo run --example logistic_regression`.

use matdiff::differentiate;
use nalgebra::{DMatrix, DVector};

/// The negative log-likelihood; rows of `x` are examples, `y` their labels.
#[differentiate(wrt(w))]
fn negative_log_likelihood(w: &DVector<f64>, x: &DMatrix<f64>, y: &DVector<f64>) -> f64 {
    let z = x * w;
    z.map(matdiff::softplus).sum() - y.dot(&z)
}

fn main() {
    // Two overlapping clouds in the plane, with a bias column.
    let m = 200;
    let x = DMatrix::from_fn(m, 3, |i, j| {
        let class = (i % 2) as f64;
        let t = i as f64 * 0.61;
        match j {
            0 => 1.0,
            1 => 0.8 * (2.0 * class - 1.0) + 1.5 * t.sin(),
            _ => 0.5 * (class - 0.5) + 1.5 * (1.3 * t).cos(),
        }
    });
    let y = DVector::from_fn(m, |i, _| (i % 2) as f64);

    let mut w = DVector::zeros(3);
    for epoch in 0..=200 {
        let (loss, grad) = negative_log_likelihood_value_and_grad(&w, &x, &y);
        if epoch % 50 == 0 {
            println!("gradient descent, epoch {epoch:>3}: loss {loss:.6}, |gradient| {:.3e}", grad.norm());
        }
        w -= grad * (1.0 / m as f64);
    }
    for step in 0..4 {
        let (loss, grad) = negative_log_likelihood_value_and_grad(&w, &x, &y);
        println!("Newton step {step}: loss {loss:.9}, |gradient| {:.3e}", grad.norm());
        let hessian = negative_log_likelihood_hessian(&w, &x, &y);
        w -= hessian.cholesky().expect("the Hessian is positive definite").solve(&grad);
    }
    let correct = (0..m).filter(|&i| ((x.row(i) * &w)[0] > 0.0) == (y[i] > 0.5)).count();
    println!("weights {:.4?}", w.as_slice());
    println!("training accuracy {:.1}%", 100.0 * correct as f64 / m as f64);
    assert!(negative_log_likelihood_grad(&w, &x, &y).norm() < 1e-8, "Newton converges");
}
