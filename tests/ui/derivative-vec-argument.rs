use matdiff::derivative;

#[derivative(tangent = x_dot.iter().sum())]
fn total(x: Vec<f64>) -> f64 {
    x.iter().sum()
}

fn main() {}
