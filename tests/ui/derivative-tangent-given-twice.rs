use matdiff::derivative;

#[derivative(tangent = x_dot, tangent = 1.0)]
fn identity(x: f64) -> f64 {
    x
}

fn main() {}
