//! The worked examples of the seed chapters, differentiated at compile
//! time. Run with `cargo run --example seeds`.

use matdiff::differentiate;

/// Seed 000, eq. 1.5: f(x, y) = log(e^x + e^y).
#[differentiate]
fn log_sum_exp(x: f64, y: f64) -> f64 {
    (x.exp() + y.exp()).ln()
}

/// Seed 000, eq. 2.1: f = (u + v)^2 with u = (a + b)^2, v = (a - b)^2,
/// a = (w + x + y + z)^2, b = (w + x - y - z)^2.
#[differentiate]
fn network(w: f64, x: f64, y: f64, z: f64) -> f64 {
    let a = (w + x + y + z).powi(2);
    let b = (w + x - y - z).powi(2);
    let u = (a + b).powi(2);
    let v = (a - b).powi(2);
    (u + v).powi(2)
}

/// Seed 003, eq. 4.4.14.
#[differentiate]
fn bowl(x: f64, y: f64) -> f64 {
    2.0 * x * x + 6.0 * x * y + 7.0 * y * y - 26.0 * x - 54.0 * y + 107.0
}

/// Seed 003, exercise 4.4.1.
#[differentiate]
fn sum3(x: f64, y: f64, z: f64) -> f64 {
    x + y + z
}

#[differentiate]
fn product3(x: f64, y: f64, z: f64) -> f64 {
    x * y * z
}

fn main() {
    let (value, grad) = log_sum_exp_value_and_grad(0.0, 2f64.ln());
    println!("log(e^x + e^y) at (0, ln 2)");
    println!("  value    {value:.6}  (ln 3 = {:.6})", 3f64.ln());
    println!("  gradient [{:.6}, {:.6}]  (1/3, 2/3)", grad[0], grad[1]);
    let h = log_sum_exp_hessian(0.0, 2f64.ln());
    println!("  Hessian  [[{:.6}, {:.6}], [{:.6}, {:.6}]]  (diag(p) - p p')", h[0][0], h[0][1], h[1][0], h[1][1]);

    let g = network_grad(0.1, 0.2, 0.3, 0.4);
    println!("\nthe four-input network at (w, x, y, z) = (0.1, 0.2, 0.3, 0.4)");
    println!("  df/dw = {:.6}, df/dx = {:.6}, df/dy = {:.6}, df/dz = {:.6}", g[0], g[1], g[2], g[3]);

    println!("\nf(x, y) = 2x^2 + 6xy + 7y^2 - 26x - 54y + 107, gradient [4x + 6y - 26, 6x + 14y - 54]");
    for (x, y) in [(7.0, 1.0), (2.0, 1.0)] {
        let g = bowl_grad(x, y);
        println!("  at ({x}, {y}): [{}, {}]", g[0], g[1]);
    }
    println!("  Hessian {:?}", bowl_hessian(0.0, 0.0));

    println!("\nexercise 4.4.1 at (1, 2, 3)");
    println!("  grad (x + y + z) = {:?}", sum3_grad(1.0, 2.0, 3.0));
    println!("  grad (x y z)     = {:?}", product3_grad(1.0, 2.0, 3.0));
}
