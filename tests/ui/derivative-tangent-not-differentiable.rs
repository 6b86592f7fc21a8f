use matdiff::derivative;

#[derivative(tangent = x_dot.iter().skip_while(|v| **v < 0.0).sum())]
fn after_negatives(x: &[f64]) -> f64 {
    x.iter().skip_while(|v| **v < 0.0).sum()
}

fn main() {}
