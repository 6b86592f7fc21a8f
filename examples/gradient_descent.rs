//! Seed 003, exercise 4.4.3: a ball placed at (14, 4) on the surface
//! 2x^2 + 6xy + 7y^2 - 26x - 54y + 107 rolls downhill. Gradient descent with
//! the generated gradient traces its path. Run with
//! `cargo run --example gradient_descent`.

use matdiff::differentiate;

#[differentiate(no_hessian)]
fn surface(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

fn main() {
    let (mut x, mut y) = (14.0, 4.0);
    // The Hessian [[4, 6], [6, 14]] has largest eigenvalue 9 + sqrt(61)
    // (about 16.8), so any step below 2 / 16.8 converges.
    let step = 0.05;
    println!("{:>5} {:>10} {:>10} {:>12} {:>12}", "step", "x", "y", "f", "|grad|");
    for k in 0..=2000 {
        let (f, g) = surface_value_and_grad(x, y);
        let norm = g[0].hypot(g[1]);
        if k % 50 == 0 || norm < 1e-10 {
            println!("{k:>5} {x:>10.6} {y:>10.6} {f:>12.6} {norm:>12.3e}");
        }
        if norm < 1e-10 {
            println!("converged to ({x:.6}, {y:.6}), where f = {f:.3e}: the minimum is at (2, 3)");
            return;
        }
        x -= step * g[0];
        y -= step * g[1];
    }
    println!("did not converge");
}
