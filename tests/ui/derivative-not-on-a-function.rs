use matdiff::derivative;

#[derivative(x = 1.0)]
const X: f64 = 1.0;

fn main() {}
