use matdiff::{Float, differentiate};

#[differentiate]
fn f<T: Float>(x: T) -> T {
    let y = (x as f64).sin();
    x * T::from(y).unwrap()
}

fn main() {}
