use matdiff::{derivative, differentiate};

#[derivative(x = 2.0 * x)]
#[differentiate]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
