use matdiff::derivative;

#[derivative(tangent = 2.0 * x * x_dot, x = 2.0 * x)]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
