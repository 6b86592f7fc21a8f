use matdiff::{derivative, differentiate};

#[differentiate]
#[derivative(x = 2.0 * x)]
fn square(x: f64) -> f64 {
    x * x
}

fn main() {}
