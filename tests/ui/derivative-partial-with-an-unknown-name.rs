use matdiff::derivative;

#[derivative(x = 2.0 * xx)]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
