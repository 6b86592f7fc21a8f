use matdiff::differentiate;
use nalgebra::SVector;

#[differentiate]
fn squared_norm<const N: usize>(x: SVector<f64, N>) -> f64 {
    x.dot(&x)
}

fn main() {}
