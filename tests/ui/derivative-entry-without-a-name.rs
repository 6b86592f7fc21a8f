use matdiff::derivative;

#[derivative(1 = x)]
fn identity(x: f64) -> f64 {
    x
}

fn main() {}
