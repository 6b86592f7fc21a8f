use matdiff::derivative;

#[derivative(x = 1.0)]
fn pair(x: f64) -> (f64, f64) {
    (x, x)
}

fn main() {}
