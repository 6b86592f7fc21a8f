use matdiff::derivative;

#[derivative(x = 2usize)]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
