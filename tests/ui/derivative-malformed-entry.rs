use matdiff::derivative;

#[derivative(x: 1.0)]
fn identity(x: f64) -> f64 {
    x
}

fn main() {}
