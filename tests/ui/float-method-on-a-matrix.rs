use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn matrix_exponential(x: &DMatrix<f64>) -> f64 {
    x.exp().trace()
}

fn main() {}
