use matdiff::derivative;

#[derivative(tangent = x_dot.iter().filter(|v| **v > 0.0).sum())]
fn positive_total(x: &[f64]) -> f64 {
    x.iter().filter(|v| **v > 0.0).sum()
}

fn main() {}
