use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn inverse_trace(x: &DMatrix<f64>) -> f64 {
    x.clone().try_inverse().unwrap().trace()
}

fn main() {}
