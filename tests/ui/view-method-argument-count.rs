use matdiff::differentiate;
use nalgebra::DMatrix;

#[differentiate]
fn f(a: &DMatrix<f64>) -> f64 {
    a.columns(1).sum()
}

fn main() {}
