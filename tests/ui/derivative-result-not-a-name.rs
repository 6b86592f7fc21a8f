use matdiff::derivative;

#[derivative(result = y + 1.0, x = y)]
fn exp(x: f64) -> f64 {
    x.exp()
}

fn main() {}
