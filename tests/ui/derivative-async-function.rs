use matdiff::derivative;

#[derivative(x = 1.0)]
async fn identity(x: f64) -> f64 {
    x
}

fn main() {}
