use matdiff::derivative;

#[derivative(x = y)]
fn product(x: f64, y: f64) -> f64 {
    x * y
}

fn main() {}
