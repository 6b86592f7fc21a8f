use matdiff::derivative;

#[derivative(tangent = x_dot * y)]
fn product(x: f64, x_dot: f64, y: f64) -> f64 {
    x * x_dot * y
}

fn main() {}
