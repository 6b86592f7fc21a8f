use matdiff::derivative;

#[derivative(x = 2.0 * x, z = 1.0)]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
