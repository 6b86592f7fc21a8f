use matdiff::{Real, differentiate};
use nalgebra::DVector;

#[differentiate]
fn squared_norm<T: Real>(x: &DVector<T>) -> T {
    x.dot(x)
}

fn main() {}
