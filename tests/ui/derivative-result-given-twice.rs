use matdiff::derivative;

#[derivative(result = y, result = z, x = y)]
fn exp(x: f64) -> f64 {
    x.exp()
}

fn main() {}
