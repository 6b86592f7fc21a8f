use matdiff::derivative;

#[derivative(x = 1.0)]
fn identity<T: Into<f64>>(x: f64, _t: T) -> f64 {
    x
}

fn main() {}
