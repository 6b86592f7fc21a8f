use matdiff::derivative;

#[derivative(result = x, x = x.exp())]
fn exp(x: f64) -> f64 {
    x.exp()
}

fn main() {}
