use matdiff::derivative;

#[derivative(x = 1.0)]
fn first((x, _y): (f64, f64)) -> f64 {
    x
}

fn main() {}
