use matdiff::derivative;

#[derivative(x = 1.0)]
fn total(x: &[f64]) -> f64 {
    x.iter().sum()
}

fn main() {}
