//! Low-rank matrix factorisation: minimise ||X - UV||_F^2 over U and V by
//! gradient descent with the generated gradients -2(X - UV)V' and
//! -2U'(X - UV) (seed 003's last rule). Run with
//! `cargo run --example matrix_factorisation`.

use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate(wrt(u, v), no_hessian)]
fn reconstruction_error(x: &DMatrix<f64>, u: &DMatrix<f64>, v: &DMatrix<f64>) -> f64 {
    (x - u * v).norm_squared()
}

fn main() {
    let (m, n, rank) = (30, 20, 3);
    // A matrix of rank 3, the product of two smooth factors.
    let left = DMatrix::from_fn(m, rank, |i, k| ((i * (k + 1)) as f64 * 0.1).sin());
    let right = DMatrix::from_fn(rank, n, |k, j| ((j + k) as f64 * 0.2).cos());
    let x = &left * &right;

    let mut u = DMatrix::from_fn(m, rank, |i, k| 0.1 * ((i + 3 * k) as f64).sin());
    let mut v = DMatrix::from_fn(rank, n, |k, j| 0.1 * ((2 * j + k) as f64).cos());
    let step = 2e-3;
    let first = reconstruction_error(&x, &u, &v);
    for iteration in 0..=5000 {
        let (error, (u_bar, v_bar)) = reconstruction_error_value_and_grad(&x, &u, &v);
        if iteration % 1000 == 0 {
            println!("iteration {iteration:>4}: ||X - UV||^2 = {error:.6e}");
        }
        u -= &u_bar * step;
        v -= &v_bar * step;
    }
    let last = reconstruction_error(&x, &u, &v);
    println!(
        "relative error {:.3e} (from {:.3e})",
        (last / x.norm_squared()).sqrt(),
        (first / x.norm_squared()).sqrt()
    );
    assert!(last < 1e-3 * first, "gradient descent reduces the error");
}
