use matdiff::{Float, differentiate};

#[differentiate]
fn mixed<T: Float, U: Float>(x: T, y: U) -> T {
    x * T::from(y).unwrap()
}

fn main() {}
